/* factures-cli-pa.h — the command-line options of issue 14 (plateforme agréée)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Adds --pa-test, --pa-send=NUMBER and --pa-sync. */
void     factures_cli_pa_add_options (GApplication *application);
/* TRUE when one of those options was given. */
gboolean factures_cli_pa_wanted      (GVariantDict *options);
/* Runs them on the database at @database (NULL: the default one); the exit status. */
int      factures_cli_pa_run         (const char   *database,
                                      GVariantDict *options);

G_END_DECLS
