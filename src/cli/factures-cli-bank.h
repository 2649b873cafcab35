/* factures-cli-bank.h — bank statements on the command line (issue 16 item 5):
 * --import-statement=FILE [--account=…], --match, --confirm-matches=sure|ID,…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Adds --import-statement, --account, --match and --confirm-matches. */
void     factures_cli_bank_add_options (GApplication *application);
/* TRUE when one of those options was given. */
gboolean factures_cli_bank_wanted      (GVariantDict *options);
/**
 * factures_cli_bank_run:
 * @database: (nullable): the database (the default one when NULL)
 * @options: the parsed options
 *
 * --import-statement=FILE reads an OFX, CAMT.053, CFONB 120 or CSV statement and stores its
 * movements (EUR accounts only; nothing imported twice): prints "added\tskipped\tread" on
 * stdout and the reader's warnings on stderr. --account=ACCOUNT names the account (required
 * for a CSV that does not say; picks one account of a file of several).
 * --match prints one line per undecided credit (and per debit refunding a credit note), tab
 * separated: movement id, booking date (ISO 8601), amount in cents, label, confidence (sure,
 * likely, possible or none), the documents of the best suggestion, its reason (French).
 * --confirm-matches=sure confirms every "sure" suggestion; =ID,ID… the best suggestion of those
 * movements: prints "id\tdocuments\tpayment amount in cents" per confirmation. Every ID is
 * checked before anything is recorded: a bad one records nothing.
 *
 * Returns: the exit status: 0 on success, 1 on error (French message on stderr naming the
 *   file and line or the movement; the database unchanged).
 */
int      factures_cli_bank_run         (const char   *database,
                                        GVariantDict *options);

G_END_DECLS
