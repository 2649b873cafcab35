/* factures-cli-verify.h — --verify --against=FILE, --list-payments, --cancel-payment (issue 10)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Adds --against=FILE, --list-payments=NUMBER, --cancel-payment=ID and --reason=TEXT. */
void     factures_cli_verify_add_options (GApplication *application);
/* TRUE when --against, --list-payments or --cancel-payment was given (or --reason without
 * --cancel-imported-paid). */
gboolean factures_cli_verify_wanted      (GVariantDict *options);
/* Runs them on the database at @database; the exit status (0 on success). */
int      factures_cli_verify_run         (const char   *database,
                                          GVariantDict *options);

G_END_DECLS
