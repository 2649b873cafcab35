/* factures-box-row.c — one box of the URSSAF declaration, with its copy button
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "factures-urssaf-private.h"
#include "factures-box-row.h"
#include "factures-money.h"

struct _FacturesBoxRow
{
  AdwActionRow  parent_instance;

  char         *figure;

  /* template */
  GtkWidget    *value;
  GtkWidget    *copy_button;
};

G_DEFINE_FINAL_TYPE (FacturesBoxRow, factures_box_row, ADW_TYPE_ACTION_ROW)

/* box-row.copy: the figure as the URSSAF site takes it. */
static void
copy_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FacturesBoxRow *self = FACTURES_BOX_ROW (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->figure);
  gtk_widget_set_tooltip_text (self->copy_button, _("Copied"));
}

static void
factures_box_row_finalize (GObject *object)
{
  FacturesBoxRow *self = FACTURES_BOX_ROW (object);

  g_free (self->figure);
  G_OBJECT_CLASS (factures_box_row_parent_class)->finalize (object);
}

static void
factures_box_row_class_init (FacturesBoxRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = factures_box_row_finalize;
  factures_urssaf_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Factures/ui/urssaf/factures-box-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesBoxRow, value);
  gtk_widget_class_bind_template_child (widget_class, FacturesBoxRow, copy_button);
  gtk_widget_class_install_action (widget_class, "box-row.copy", NULL, copy_activated);
}

static void
factures_box_row_init (FacturesBoxRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
factures_box_row_new (const char *label,
                      gint64      declared,
                      gint64      cash)
{
  FacturesBoxRow *self = g_object_new (FACTURES_TYPE_BOX_ROW, "title", label, NULL);
  g_autofree char *euros = NULL, *received = NULL, *subtitle = NULL, *copy = NULL;

  self->figure = g_strdup_printf ("%" G_GINT64_FORMAT, declared);
  {
    /* whole euros: "1 235,00" shown "1 235 €" */
    g_autofree char *plain = factures_money_format_plain (declared * 100);
    char *comma = strrchr (plain, ',');

    if (comma != NULL)
      *comma = '\0';
    euros = g_strconcat (plain, "\u00a0€", NULL);
  }
  gtk_label_set_text (GTK_LABEL (self->value), euros);
  received = factures_money_format (cash);
  /* Translators: under a box of the URSSAF declaration: the cash received before rounding */
  subtitle = g_strdup_printf (_("%s received, excluding VAT and débours"), received);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  /* Translators: the copy button of a box: "Copy 1235 (Prestations de services BNC)" */
  copy = g_strdup_printf (_("Copy %s (%s)"), self->figure, label);
  gtk_widget_set_tooltip_text (self->copy_button, copy);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->copy_button), GTK_ACCESSIBLE_PROPERTY_LABEL, copy, -1);
  return GTK_WIDGET (self);
}

const char *
factures_box_row_get_figure (FacturesBoxRow *self)
{
  g_return_val_if_fail (FACTURES_IS_BOX_ROW (self), NULL);
  return self->figure;
}
