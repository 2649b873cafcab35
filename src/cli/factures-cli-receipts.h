/* factures-cli-receipts.h — the livre des recettes on the command line (LEGAL.md §6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "factures-store-payments.h"

G_BEGIN_DECLS

/* Adds --receipts with --year=YYYY (and --output=FILE.csv), --imported-paid=NUMBER with
 * --date, --method, --amount and --reference, and --cancel-imported-paid=NUMBER. */
void     factures_cli_receipts_add_options (GApplication *application);
/* TRUE when one of those options was given. */
gboolean factures_cli_receipts_wanted      (GVariantDict *options);
/* Runs them on the database at @database; the exit status (0 on success, 1 with the
 * reason printed in French). */
int      factures_cli_receipts_run         (const char   *database,
                                            GVariantDict *options);
/* --method as typed: virement, cheque (chèque), especes (espèces), carte, prelevement
 * (prélèvement) or autre; FALSE for anything else. Shared with --record-payment. */
gboolean factures_cli_receipts_parse_method (const char            *text,
                                             FacturesPaymentMethod *out);

G_END_DECLS
