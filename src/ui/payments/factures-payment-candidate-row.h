/* factures-payment-candidate-row.h — an unpaid invoice a payment may settle
 *
 * In the payment dialog, one row per unpaid invoice of the same client: a check button
 * (named after the invoice's number) before the number and "Balance … — due …".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FACTURES_TYPE_PAYMENT_CANDIDATE_ROW (factures_payment_candidate_row_get_type ())
G_DECLARE_FINAL_TYPE (FacturesPaymentCandidateRow, factures_payment_candidate_row, FACTURES,
                      PAYMENT_CANDIDATE_ROW, AdwActionRow)

/* The invoice @number, @subtitle below; checked when @active.
 * Returns: (transfer floating): the row. */
GtkWidget      *factures_payment_candidate_row_new       (const char                  *number,
                                                          const char                  *subtitle,
                                                          gboolean                     active);

/* Returns: (transfer none): the row's check button. */
GtkCheckButton *factures_payment_candidate_row_get_check (FacturesPaymentCandidateRow *self);

G_END_DECLS
