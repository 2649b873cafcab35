/* factures-deposit-dialog.h — "Deposit Invoice": a share of the quote, as a percentage or an amount
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FACTURES_TYPE_DEPOSIT_DIALOG (factures_deposit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FacturesDepositDialog, factures_deposit_dialog, FACTURES, DEPOSIT_DIALOG,
                      AdwMessageDialog)

/* Responses "cancel" and "ok" (Create); the percentage starts at 30. */
FacturesDepositDialog *factures_deposit_dialog_new             (GtkWindow             *parent);
const char            *factures_deposit_dialog_get_percent_text (FacturesDepositDialog *self);
/* The amount before tax typed instead of the percentage ("" when none). */
const char            *factures_deposit_dialog_get_amount_text  (FacturesDepositDialog *self);

G_END_DECLS
