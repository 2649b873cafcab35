/* factures-cancel-purchase-dialog.c — cancelling a purchase or its payment
 * (see factures-cancel-purchase-dialog.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-cancel-purchase-dialog.h"
#include "factures-message-dialog.h"
#include "factures-store-purchases.h"

struct _FacturesCancelPurchaseDialog
{
  AdwMessageDialog  parent_instance;

  GtkEntry         *reason;

  FacturesStore    *store;
  gint64            id;
  gboolean          typed;
};

G_DEFINE_FINAL_TYPE (FacturesCancelPurchaseDialog, factures_cancel_purchase_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The cancellation needs its reason. */
static void
reason_changed_cb (FacturesCancelPurchaseDialog *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason))));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "cancel-purchase", *text != '\0');
}

static void
response_cb (FacturesCancelPurchaseDialog *self,
             const char                   *response)
{
  g_autoptr (GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  const char *reason = gtk_editable_get_text (GTK_EDITABLE (self->reason));
  gboolean ok;
  GDate today;

  if (g_strcmp0 (response, "cancel-purchase") != 0)
    return;
  factures_today (&today);
  ok = self->typed ? factures_store_cancel_purchase (self->store, self->id, &today, reason, &error)
                   : factures_store_cancel_purchase_payment (self->store, self->id, &today, reason, &error);
  if (!ok)
    factures_message_dialog_show (parent, _("Nothing was cancelled"), error->message);
}

static void
factures_cancel_purchase_dialog_dispose (GObject *object)
{
  FacturesCancelPurchaseDialog *self = FACTURES_CANCEL_PURCHASE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_CANCEL_PURCHASE_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (factures_cancel_purchase_dialog_parent_class)->dispose (object);
}

static void
factures_cancel_purchase_dialog_class_init (FacturesCancelPurchaseDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = factures_cancel_purchase_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/facturx/factures-cancel-purchase-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesCancelPurchaseDialog, reason);
  gtk_widget_class_bind_template_callback (widget_class, reason_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, response_cb);
}

static void
factures_cancel_purchase_dialog_init (FacturesCancelPurchaseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_entry_set_max_length (self->reason, FACTURES_MAX_SHORT);
}

/**
 * factures_cancel_purchase_dialog_new:
 * (see factures-cancel-purchase-dialog.h)
 */
GtkWidget *
factures_cancel_purchase_dialog_new (GtkWindow     *parent,
                                     FacturesStore *store,
                                     gint64         id,
                                     gboolean       typed,
                                     const char    *label)
{
  FacturesCancelPurchaseDialog *self;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  self = g_object_new (FACTURES_TYPE_CANCEL_PURCHASE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  self->id = id;
  self->typed = typed;
  heading = typed ? g_strdup_printf (_("Cancel the Purchase %s?"), label)
                  : g_strdup_printf (_("Cancel the Payment of %s?"), label);
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self),
                               typed ? _("The purchase stays in the purchases register on its date and its "
                                         "cancellation is a negative line today. Say why.")
                                     : _("The payment is kept in the records and its cancellation dated today: "
                                         "the invoice is unpaid again. Say why; record the right payment "
                                         "afterwards."));
  return GTK_WIDGET (self);
}
