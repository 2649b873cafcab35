/* factures-cancel-payment-dialog.h — cancelling the payment of an imported sale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_CANCEL_PAYMENT_DIALOG (factures_cancel_payment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FacturesCancelPaymentDialog, factures_cancel_payment_dialog, FACTURES,
                      CANCEL_PAYMENT_DIALOG, AdwMessageDialog)

/* Asks why, then cancels the payment of the imported sale @sale_id (numbered @number)
 * today: a payment is never erased (issue 10), its cancellation is a negative line. */
GtkWidget *factures_cancel_payment_dialog_new (GtkWindow     *parent,
                                               FacturesStore *store,
                                               gint64         sale_id,
                                               const char    *number);

G_END_DECLS
