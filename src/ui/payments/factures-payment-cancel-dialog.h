/* factures-payment-cancel-dialog.h — "Cancel This Payment?": the reason first
 *
 * A payment is never erased (issue 10): its cancellation is a negative line today, with
 * its reason. This question holds the reason entry; its response "cancel-payment" is
 * enabled only once a reason is typed, "keep" (« Le garder ») is the close response.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FACTURES_TYPE_PAYMENT_CANCEL_DIALOG (factures_payment_cancel_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FacturesPaymentCancelDialog, factures_payment_cancel_dialog, FACTURES,
                      PAYMENT_CANCEL_DIALOG, AdwMessageDialog)

/* The question over @parent (may be NULL), not yet shown.
 * Returns: (transfer none): the dialog, owned by GTK's toplevel list. */
GtkWidget *factures_payment_cancel_dialog_new        (GtkWindow                   *parent);

/* The reason typed, trimmed. Returns: (transfer full): a string, maybe empty. */
char      *factures_payment_cancel_dialog_get_reason (FacturesPaymentCancelDialog *self);

G_END_DECLS
