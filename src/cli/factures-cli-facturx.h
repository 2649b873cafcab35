/* factures-cli-facturx.h — the command-line options of issue 6 (Factur-X)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "factures-store.h"

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

/**
 * factures_cli_facturx_export_imported:
 * @store: the open store
 * @number: the number of an imported invoice
 * @output: the file to write
 *
 * Writes the imported invoice numbered @number as it exports again: its original
 * PDF byte for byte, or for an XML file alone a "Duplicata" PDF of its figures
 * carrying that XML (what --export-facturx and --export-pdf do). A problem is printed.
 *
 * Returns: -1 when no imported invoice has that number (nothing printed),
 *   else the exit status
 */
int      factures_cli_facturx_export_imported (FacturesStore *store,
                                               const char    *number,
                                               const char    *output);

G_END_DECLS
