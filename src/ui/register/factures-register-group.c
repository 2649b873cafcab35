/* factures-register-group.c — one group of the livre des recettes: the year's totals or a month
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "factures-register-group.h"

struct _FacturesRegisterGroup
{
  AdwPreferencesGroup  parent_instance;

  GtkLabel            *total;
};

G_DEFINE_FINAL_TYPE (FacturesRegisterGroup, factures_register_group, ADW_TYPE_PREFERENCES_GROUP)

static void
factures_register_group_class_init (FacturesRegisterGroupClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/register/factures-register-group.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesRegisterGroup, total);
}

static void
factures_register_group_init (FacturesRegisterGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * factures_register_group_new:
 * (see factures-register-group.h)
 */
GtkWidget *
factures_register_group_new (const char *title,
                             const char *description,
                             const char *total)
{
  FacturesRegisterGroup *self = g_object_new (FACTURES_TYPE_REGISTER_GROUP,
                                              "title", title, "description", description, NULL);

  if (total != NULL)
    {
      gtk_label_set_text (self->total, total);
      gtk_widget_set_visible (GTK_WIDGET (self->total), TRUE);
    }
  return GTK_WIDGET (self);
}
