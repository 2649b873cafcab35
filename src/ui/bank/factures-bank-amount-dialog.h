/* factures-bank-amount-dialog.h — the amount a bank credit pays on an invoice in another
 * currency than the euro (issue 13 item 4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FACTURES_TYPE_BANK_AMOUNT_DIALOG (factures_bank_amount_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FacturesBankAmountDialog, factures_bank_amount_dialog, FACTURES, BANK_AMOUNT_DIALOG,
                      AdwMessageDialog)

/**
 * factures_bank_amount_dialog_new:
 * @parent: (nullable): the window
 * @numbers: the invoice's number
 * @currency: its ISO 4217 code ("GBP")
 * @balance: its balance, cents of @currency (proposed)
 * @credited: the movement, euro cents
 *
 * Asks how much of the invoice, in its currency, the credit pays; the payment is recorded with
 * the credit as its EUR amount. Responses "confirm" and "cancel".
 *
 * Returns: (transfer floating): the dialog, not shown
 */
GtkWidget *factures_bank_amount_dialog_new        (GtkWindow   *parent,
                                                   const char  *numbers,
                                                   const char  *currency,
                                                   gint64       balance,
                                                   gint64       credited);

/* The amount typed (cents of the currency, > 0): TRUE and @out_cents set, else FALSE with
 * FACTURES_ERROR_INVALID naming the field (« Montant en GBP ») in French. */
gboolean   factures_bank_amount_dialog_get_amount (FacturesBankAmountDialog  *self,
                                                   gint64                    *out_cents,
                                                   GError                   **error);

/* The amount field (for tests). */
GtkWidget *factures_bank_amount_dialog_get_entry  (FacturesBankAmountDialog  *self);

G_END_DECLS
