/* factures-bank-import-dialog.h — the account and column-mapping step of a CSV statement
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-bank-statement.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_BANK_IMPORT_DIALOG (factures_bank_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FacturesBankImportDialog, factures_bank_import_dialog, FACTURES, BANK_IMPORT_DIALOG, AdwWindow)

/**
 * factures_bank_import_dialog_new:
 * @parent: the window
 * @path: the CSV statement
 * @account: (nullable): the account to propose (the last one imported)
 * @mapping: (nullable): the layout recognised (factures_bank_csv_guess_mapping()) or remembered;
 *   NULL when the columns are not recognised: the step says so and asks for them
 *
 * Shows the file's first lines, the account (IBAN) and which column holds the date, the amount
 * (or debit and credit), the label, the reference, the currency (a line not in euros is then
 * refused, naming it) and the account (used when none is typed). "Import" emits "import"
 * (account: utf8, NULL when the account column gives it; mapping: FacturesBankCsvMapping as a
 * pointer, owned by the dialog) and closes.
 *
 * Returns: (transfer full): the dialog, not shown yet
 */
FacturesBankImportDialog *factures_bank_import_dialog_new (GtkWindow                    *parent,
                                                           const char                   *path,
                                                           const char                   *account,
                                                           const FacturesBankCsvMapping *mapping);

/* The statement the dialog is about. */
const char               *factures_bank_import_dialog_get_path (FacturesBankImportDialog *self);

G_END_DECLS
