/* factures-client-choice.c — one client offered by the editor's client chooser
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "factures-client-choice.h"
#include "factures-documents.h"

struct _FacturesClientChoice
{
  GtkButton  parent_instance;

  GtkLabel  *name;
  GtkLabel  *city;

  gint64     client_id;
};

G_DEFINE_FINAL_TYPE (FacturesClientChoice, factures_client_choice, GTK_TYPE_BUTTON)

static void
factures_client_choice_class_init (FacturesClientChoiceClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  factures_documents_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/documents/factures-client-choice.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesClientChoice, name);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientChoice, city);
}

static void
factures_client_choice_init (FacturesClientChoice *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
factures_client_choice_new (gint64      client_id,
                            const char *name,
                            const char *city)
{
  FacturesClientChoice *self = g_object_new (FACTURES_TYPE_CLIENT_CHOICE, NULL);

  self->client_id = client_id;
  gtk_label_set_text (self->name, name != NULL ? name : "");
  gtk_label_set_text (self->city, city != NULL ? city : "");
  gtk_widget_set_visible (GTK_WIDGET (self->city), city != NULL && *city != '\0');
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name != NULL ? name : "", -1);
  return GTK_WIDGET (self);
}

gint64
factures_client_choice_get_id (FacturesClientChoice *self)
{
  g_return_val_if_fail (FACTURES_IS_CLIENT_CHOICE (self), 0);

  return self->client_id;
}
