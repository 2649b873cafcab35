/* factures-payment-row.h — one payment recorded on an invoice, in the payment dialog
 *
 * "date — amount — method", with its reference below; a payment still standing has a
 * « Annuler le paiement… » button (action "payment.cancel-payment", target the
 * payment's id), a cancelled one is dimmed and says when and why it was cancelled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store-payments.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_PAYMENT_ROW (factures_payment_row_get_type ())
G_DECLARE_FINAL_TYPE (FacturesPaymentRow, factures_payment_row, FACTURES, PAYMENT_ROW, AdwActionRow)

/* Returns: (transfer floating): the row showing @payment. */
GtkWidget *factures_payment_row_new (const FacturesPayment *payment);

G_END_DECLS
