/* factures-payment-dialog.h — recording a payment (DESIGN.md §5, LEGAL.md §5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store-payments.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_PAYMENT_DIALOG (factures_payment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FacturesPaymentDialog, factures_payment_dialog, FACTURES, PAYMENT_DIALOG, AdwWindow)

/**
 * factures_payment_dialog_open:
 * @parent: (nullable): the transient parent
 * @document_id: an issued invoice or deposit invoice with a balance
 *
 * A modal window titled "Record Payment": the open invoices of the client (the
 * given one checked; check more for one payment over several invoices), date
 * (today), amount (prefilled with the checked balances), method (transfer,
 * cheque with its number, cash, card, direct debit, other), what to do with an
 * excess (refuse, or keep it as client credit). The store's warnings (cash
 * beyond the limit of CMF L112-6 on the whole debt, a payment dated before the
 * invoice) and refusals show under the form as they are typed, before saving.
 * Once saved, "Save Receipt…" exports the receipt PDF. Under "Payments Recorded", the payments
 * of the invoice, the cancelled ones with their date and reason; "Cancel Payment…" asks for the
 * reason and cancels one by a reversal (factures_store_cancel_payment(); issue 10).
 *
 * Returns: (transfer none): the window, already presented; NULL when the
 *   document cannot be read (an error dialog is shown)
 */
GtkWidget *factures_payment_dialog_open (GtkWindow     *parent,
                                         FacturesStore *store,
                                         gint64         document_id);

/* Fills the form as a user would type it (tests, pre-filling); NULL leaves a field as it is.
 * @method: a FacturesPaymentMethod, or -1 to leave it. */
void        factures_payment_dialog_set_fields   (FacturesPaymentDialog *self,
                                                  const char            *date,
                                                  const char            *amount,
                                                  gint                   method,
                                                  const char            *reference);
/* The warnings and the refusal shown under the form ("" when none). */
const char *factures_payment_dialog_get_warnings (FacturesPaymentDialog *self);
const char *factures_payment_dialog_get_errors   (FacturesPaymentDialog *self);
/* Cancels the payment @payment_id recorded on the invoice, today, for @reason (what the
 * "Cancel Payment…" button of "Payments Recorded" does once the reason is typed): TRUE when it was
 * cancelled (the window is then replaced by a new one on the same invoice, @self destroyed);
 * otherwise the refusal shows under the form. */
gboolean    factures_payment_dialog_cancel_payment (FacturesPaymentDialog *self,
                                                    gint64                 payment_id,
                                                    const char            *reason);
/* Clicks "Save": TRUE when the payment was recorded. */
gboolean    factures_payment_dialog_save         (FacturesPaymentDialog *self);

G_END_DECLS
