/* factures-message-dialog.c — a notice (an error, a result) with one Close button
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "factures-message-dialog.h"

struct _FacturesMessageDialog
{
  AdwMessageDialog parent_instance;
};

G_DEFINE_FINAL_TYPE (FacturesMessageDialog, factures_message_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
factures_message_dialog_class_init (FacturesMessageDialogClass *klass)
{
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               "/org/example/Factures/ui/common/factures-message-dialog.ui");
}

static void
factures_message_dialog_init (FacturesMessageDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
factures_message_dialog_new (GtkWindow  *parent,
                             const char *heading,
                             const char *body)
{
  AdwMessageDialog *dialog;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  dialog = g_object_new (FACTURES_TYPE_MESSAGE_DIALOG, "transient-for", parent, NULL);
  if (heading != NULL)
    adw_message_dialog_set_heading (dialog, heading);
  if (body != NULL)
    adw_message_dialog_set_body (dialog, body);
  return GTK_WIDGET (dialog);
}

GtkWidget *
factures_message_dialog_show (GtkWindow  *parent,
                              const char *heading,
                              const char *body)
{
  GtkWidget *dialog = factures_message_dialog_new (parent, heading, body);

  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
