/* factures-cancel-payment-dialog.c — cancelling the payment of an imported sale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-cancel-payment-dialog.h"
#include "factures-message-dialog.h"
#include "factures-store-receipts.h"

struct _FacturesCancelPaymentDialog
{
  AdwMessageDialog  parent_instance;

  GtkEntry         *reason;

  FacturesStore    *store;
  gint64            sale_id;
};

G_DEFINE_FINAL_TYPE (FacturesCancelPaymentDialog, factures_cancel_payment_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The cancellation needs its reason. */
static void
reason_changed_cb (FacturesCancelPaymentDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason))));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "cancel-payment", *text != '\0');
}

static void
response_cb (FacturesCancelPaymentDialog *self,
             const char                  *response)
{
  g_autoptr (GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GDate today;

  if (g_strcmp0 (response, "cancel-payment") != 0)
    return;
  /* A payment is never erased (issue 10): cancelled today, the reason kept. */
  factures_today (&today);
  if (!factures_store_cancel_imported_payment (self->store, self->sale_id, &today,
                                               gtk_editable_get_text (GTK_EDITABLE (self->reason)), &error))
    factures_message_dialog_show (parent, _("The payment was not cancelled"), error->message);
}

static void
factures_cancel_payment_dialog_dispose (GObject *object)
{
  FacturesCancelPaymentDialog *self = FACTURES_CANCEL_PAYMENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_CANCEL_PAYMENT_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (factures_cancel_payment_dialog_parent_class)->dispose (object);
}

static void
factures_cancel_payment_dialog_class_init (FacturesCancelPaymentDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = factures_cancel_payment_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/clients/factures-cancel-payment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesCancelPaymentDialog, reason);
  gtk_widget_class_bind_template_callback (widget_class, reason_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, response_cb);
}

static void
factures_cancel_payment_dialog_init (FacturesCancelPaymentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_entry_set_max_length (self->reason, FACTURES_MAX_SHORT);
}

GtkWidget *
factures_cancel_payment_dialog_new (GtkWindow     *parent,
                                    FacturesStore *store,
                                    gint64         sale_id,
                                    const char    *number)
{
  FacturesCancelPaymentDialog *self;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  self = g_object_new (FACTURES_TYPE_CANCEL_PAYMENT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  self->sale_id = sale_id;
  heading = g_strdup_printf (_("Cancel the Payment of %s?"), number);
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  return GTK_WIDGET (self);
}
