/* factures-cli.h — the command-line options (no window opens)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Adds --database, --export-pdf, --output, --list-overdue, --export-json,
 * --import-json, --backup, --verify and the hidden --view to @application. */
void factures_cli_add_options (GApplication *application);

/**
 * factures_cli_run:
 * @database: (nullable): the --database path, NULL for factures_store_default_path()
 * @options: the parsed options (from GApplication::handle-local-options)
 *
 * Runs the command-line actions in this process, on the database opened
 * directly (so they work while a window is open in another process): in order
 * --import-json, --verify, --backup, --export-json, --list-overdue, --export-pdf.
 * --list-overdue prints one line per overdue invoice to stdout, tab separated:
 * number, client, due date (ISO 8601), days late, balance in cents; "today" is
 * factures_today() (FACTURES_TODAY). --export-pdf=NUMBER (or the id of a draft)
 * writes an issued document's stored original, or renders a draft marked as such.
 * Errors are printed in the user's language to stderr.
 *
 * Returns: -1 when @options holds no command-line action (open the window),
 *   else the exit status: 0 on success, 1 on error.
 */
int  factures_cli_run         (const char   *database,
                               GVariantDict *options);

G_END_DECLS
