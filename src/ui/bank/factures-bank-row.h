/* factures-bank-row.h — one bank movement waiting for a match, with its best suggestion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-bank-match.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_BANK_ROW (factures_bank_row_get_type ())
G_DECLARE_FINAL_TYPE (FacturesBankRow, factures_bank_row, FACTURES, BANK_ROW, AdwActionRow)

/**
 * factures_bank_row_new:
 * @match: a movement and its best suggestion (copied as needed)
 *
 * Title: the bank's label; subtitle: the booking date, the invoices suggested and the reason;
 * suffixes: the amount, the confidence (Sûr, Probable, Possible), a "Confirm" button (action
 * bank.confirm, target the movement id) when something is suggested, and "Not an Invoice"
 * (bank.dismiss).
 *
 * Returns: (transfer floating): the row
 */
GtkWidget *factures_bank_row_new            (const FacturesBankMatch *match);
gint64     factures_bank_row_get_movement_id (FacturesBankRow        *self);

G_END_DECLS
