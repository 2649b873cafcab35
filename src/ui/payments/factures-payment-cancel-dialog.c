/* factures-payment-cancel-dialog.c — "Cancel This Payment?": the reason first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "factures-payment-cancel-dialog.h"

struct _FacturesPaymentCancelDialog
{
  AdwMessageDialog  parent_instance;

  GtkEntry         *reason;
};

G_DEFINE_FINAL_TYPE (FacturesPaymentCancelDialog, factures_payment_cancel_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The cancellation needs its reason. */
static void
reason_changed_cb (FacturesPaymentCancelDialog *self)
{
  g_autofree char *text = factures_payment_cancel_dialog_get_reason (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "cancel-payment", *text != '\0');
}

static void
factures_payment_cancel_dialog_class_init (FacturesPaymentCancelDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/payments/factures-payment-cancel-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesPaymentCancelDialog, reason);
  gtk_widget_class_bind_template_callback (widget_class, reason_changed_cb);
}

static void
factures_payment_cancel_dialog_init (FacturesPaymentCancelDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
factures_payment_cancel_dialog_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (FACTURES_TYPE_PAYMENT_CANCEL_DIALOG, "transient-for", parent, NULL);
}

char *
factures_payment_cancel_dialog_get_reason (FacturesPaymentCancelDialog *self)
{
  g_return_val_if_fail (FACTURES_IS_PAYMENT_CANCEL_DIALOG (self), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason))));
}
