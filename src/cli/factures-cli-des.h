/* factures-cli-des.h — --des --month=YYYY-MM [--output=FILE.csv]: the déclaration européenne de
 * services of a month (issue 13 item 6; the rule: src/core/factures-des.h, art. 289 B CGI)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Adds --des and --month (--output is factures-cli.c's). */
void     factures_cli_des_add_options (GApplication *application);
/* TRUE when --des or --month was given. */
gboolean factures_cli_des_wanted      (GVariantDict *options);
/* Prints (or writes as CSV to --output) the DES lines of --month: one per client VAT number,
 * the amount in euros and the client; "no reverse-charged service" for an empty month. A
 * malformed month or one that has not begun is refused. Reads the database at @database only.
 * Returns the exit status (0 on success, 1 with the reason printed in French). */
int      factures_cli_des_run         (const char   *database,
                                       GVariantDict *options);

G_END_DECLS
