/* factures-confirm-dialog.c — a question: Cancel, or the one thing it asks to do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "factures-confirm-dialog.h"

struct _FacturesConfirmDialog
{
  AdwMessageDialog parent_instance;
};

G_DEFINE_FINAL_TYPE (FacturesConfirmDialog, factures_confirm_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
factures_confirm_dialog_class_init (FacturesConfirmDialogClass *klass)
{
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               "/org/example/Factures/ui/common/factures-confirm-dialog.ui");
}

static void
factures_confirm_dialog_init (FacturesConfirmDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
factures_confirm_dialog_new (GtkWindow             *parent,
                             const char            *heading,
                             const char            *body,
                             const char            *response,
                             const char            *label,
                             AdwResponseAppearance  appearance)
{
  AdwMessageDialog *dialog;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (response != NULL && g_strcmp0 (response, "cancel") != 0, NULL);
  g_return_val_if_fail (label != NULL, NULL);

  dialog = g_object_new (FACTURES_TYPE_CONFIRM_DIALOG, "transient-for", parent, NULL);
  if (heading != NULL)
    adw_message_dialog_set_heading (dialog, heading);
  if (body != NULL)
    adw_message_dialog_set_body (dialog, body);
  adw_message_dialog_add_response (dialog, response, label);
  adw_message_dialog_set_response_appearance (dialog, response, appearance);
  return GTK_WIDGET (dialog);
}
