/* factures-cli-actions.h — every action of the window, scriptable (issue 10 item 7):
 * --issue, --delete-draft, --record-payment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Adds --issue=DRAFT_ID, --yes, --delete-draft=ID, --record-payment=NUMBER and --keep-credit
 * (--date, --method, --amount and --reference are those of factures-cli-receipts.c). */
void     factures_cli_actions_add_options (GApplication *application);

/* TRUE when @options holds --issue, --delete-draft or --record-payment (or --yes,
 * --keep-credit, which then go with them). */
gboolean factures_cli_actions_wanted      (GVariantDict *options);

/**
 * factures_cli_actions_run:
 * @database: (nullable): the --database path
 * @options: the parsed options
 *
 * --issue=DRAFT_ID: the checks of the editor's Issue button (a client, at least one line,
 * the mandatory mentions); the warnings are printed to stderr and the draft is not issued
 * while there are any, unless --yes is given; on success the new number alone is printed
 * on stdout. --delete-draft=ID deletes a draft (never an issued document).
 * --record-payment=NUMBER --date=DATE --method=METHOD [--amount=EUROS] [--reference=TEXT]
 * [--keep-credit] records a payment of an issued invoice with the checks of the payment
 * dialog (factures_store_record_payment()): more than the balance is refused unless
 * --keep-credit keeps the excess as client credit; --amount defaults to the balance.
 *
 * Returns: the exit status: 0 on success, 1 on error (a French message on stderr).
 */
int      factures_cli_actions_run         (const char   *database,
                                           GVariantDict *options);

G_END_DECLS
