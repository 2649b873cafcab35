/* factures-cli-ereporting.h — the command line of the e-reporting (issue 15 item 2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Adds --ereporting and --send-to-pa (--period and --output are shared). */
void     factures_cli_ereporting_add_options (GApplication *application);
/* TRUE when --ereporting was given. */
gboolean factures_cli_ereporting_wanted      (GVariantDict *options);
/* Runs it on the database at @database (NULL: the default one); the exit status. */
int      factures_cli_ereporting_run         (const char   *database,
                                              GVariantDict *options);

G_END_DECLS
