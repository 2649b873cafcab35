/* factures-cli-facturx.h — the command-line options of issue 6 (Factur-X)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Adds --check-facturx=FILE (alias --validate), --import-facturx=FILE (alias
 * --import-invoice) with --as=history|draft, and --export-facturx=NUMBER (with --output). */
void     factures_cli_facturx_add_options (GApplication *application);
/* TRUE when one of those options was given. */
gboolean factures_cli_facturx_wanted      (GVariantDict *options);
/* Runs them (on the database at @database for import and export); the exit status:
 * 0 on success, 1 when the file has a problem or was refused (each one printed). */
int      factures_cli_facturx_run         (const char   *database,
                                           GVariantDict *options);

G_END_DECLS
