/* factures-cli.h — the command-line options (no window opens)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "factures-store.h"

G_BEGIN_DECLS

/* Adds --database, --export-pdf, --output, --list-overdue, --export-json,
 * --import-json, --backup, --verify, --run-recurring, --version and the hidden --view to
 * @application, and the options of the factures-cli-*.c files. */
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
 * --version prints "factures VERSION". Only --import-json and --run-recurring may create
 * or migrate the database; the other options need an existing database of the current
 * schema (factures_cli_open_store()). Errors are printed in the user's language to stderr.
 *
 * Returns: -1 when @options holds no command-line action (open the window),
 *   else the exit status: 0 on success, 1 on error.
 */
int  factures_cli_run         (const char   *database,
                               GVariantDict *options);

/**
 * factures_cli_open_store:
 * @database: (nullable): the --database path, NULL for factures_store_default_path()
 * @write: TRUE for a command that writes (the database is created and migrated when
 *   needed); FALSE for a read-only command: the database must exist with the current
 *   schema, nothing is created or converted (FACTURES_STORE_OPEN_EXISTING)
 * @status: (out): set to 1 when the database cannot be opened
 *
 * Opens the database for the command line: a statement waits up to 30 s for another
 * process's lock, and the first wait is said once on stderr, in the user's language.
 * Errors are printed (French, never SQLite's own text alone).
 *
 * Returns: (transfer full) (nullable): the store, or NULL after printing why.
 */
FacturesStore *factures_cli_open_store (const char *database,
                                        gboolean    write,
                                        int        *status);

/**
 * factures_cli_open_store_existing:
 * @database: (nullable): the --database path, NULL for factures_store_default_path()
 * @status: (out): set to 1 when the database cannot be opened
 *
 * Like factures_cli_open_store() with @write TRUE (migrated when needed), for a command that
 * writes only about what the database already holds (sending, the plateforme agréée): a
 * mistyped path is refused as a read-only command refuses it, never created empty.
 *
 * Returns: (transfer full) (nullable): the store, or NULL after printing why.
 */
FacturesStore *factures_cli_open_store_existing (const char *database,
                                                 int        *status);

G_END_DECLS
