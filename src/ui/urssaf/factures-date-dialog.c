/* factures-date-dialog.c — a question that asks a date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "factures-urssaf-private.h"
#include "factures-date.h"
#include "factures-date-dialog.h"

struct _FacturesDateDialog
{
  AdwMessageDialog  parent_instance;

  char             *field;

  /* template */
  GtkWidget        *date;
};

G_DEFINE_FINAL_TYPE (FacturesDateDialog, factures_date_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
factures_date_dialog_finalize (GObject *object)
{
  FacturesDateDialog *self = FACTURES_DATE_DIALOG (object);

  g_free (self->field);
  G_OBJECT_CLASS (factures_date_dialog_parent_class)->finalize (object);
}

static void
factures_date_dialog_class_init (FacturesDateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = factures_date_dialog_finalize;
  factures_urssaf_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Factures/ui/urssaf/factures-date-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesDateDialog, date);
}

static void
factures_date_dialog_init (FacturesDateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
factures_date_dialog_new (GtkWindow   *parent,
                          const char  *heading,
                          const char  *body,
                          const char  *field,
                          const GDate *date,
                          const char  *confirm)
{
  FacturesDateDialog *self;
  g_autofree char *text = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (FACTURES_TYPE_DATE_DIALOG, "transient-for", parent, "heading", heading, "body", body, NULL);
  self->field = g_strdup (field);
  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "confirm", confirm);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->date), field);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date), GTK_ACCESSIBLE_PROPERTY_LABEL, field, -1);
  if (date != NULL && g_date_valid (date))
    {
      text = factures_date_format_fr (date);
      gtk_editable_set_text (GTK_EDITABLE (self->date), text);
    }
  return GTK_WIDGET (self);
}

gboolean
factures_date_dialog_get_date (FacturesDateDialog  *self,
                               GDate               *out,
                               GError             **error)
{
  const char *text;

  g_return_val_if_fail (FACTURES_IS_DATE_DIALOG (self), FALSE);

  text = gtk_editable_get_text (GTK_EDITABLE (self->date));
  return factures_date_parse_fr (text, self->field, out, error);
}
