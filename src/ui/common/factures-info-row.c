/* factures-info-row.c — a read-only row: a title, a subtitle, an icon, a value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "factures-info-row.h"

struct _FacturesInfoRow
{
  AdwActionRow  parent_instance;

  GtkLabel     *value;
};

G_DEFINE_FINAL_TYPE (FacturesInfoRow, factures_info_row, ADW_TYPE_ACTION_ROW)

static void
factures_info_row_class_init (FacturesInfoRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/common/factures-info-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesInfoRow, value);
}

static void
factures_info_row_init (FacturesInfoRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
factures_info_row_new (const char *title,
                       const char *subtitle,
                       const char *icon_name)
{
  FacturesInfoRow *self = g_object_new (FACTURES_TYPE_INFO_ROW, "title", title, NULL);

  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  /* The row's own icon: an empty prefix would still shift the title. */
  if (icon_name != NULL)
    adw_action_row_set_icon_name (ADW_ACTION_ROW (self), icon_name);
  return GTK_WIDGET (self);
}

void
factures_info_row_set_value (FacturesInfoRow *self,
                             const char      *value,
                             gboolean         struck)
{
  g_return_if_fail (FACTURES_IS_INFO_ROW (self));

  gtk_label_set_text (self->value, value != NULL ? value : "");
  gtk_widget_set_visible (GTK_WIDGET (self->value), value != NULL);
  if (struck)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_strikethrough_new (TRUE));
      gtk_label_set_attributes (self->value, attrs);
      pango_attr_list_unref (attrs);
      gtk_widget_add_css_class (GTK_WIDGET (self), "dim-label");
    }
  else
    {
      gtk_label_set_attributes (self->value, NULL);
      gtk_widget_remove_css_class (GTK_WIDGET (self), "dim-label");
    }
}

const char *
factures_info_row_get_value (FacturesInfoRow *self)
{
  g_return_val_if_fail (FACTURES_IS_INFO_ROW (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->value)) ? gtk_label_get_text (self->value) : NULL;
}
