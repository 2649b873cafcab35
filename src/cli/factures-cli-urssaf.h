/* factures-cli-urssaf.h — the micro-entrepreneur's year on the command line (issue 17):
 * --urssaf --period=2026-Q4|2026-11 [--declared-on=DATE], --thresholds, --calendar --from=DATE,
 * --export-fec --year=YYYY --output=FILE, --purchases --year=YYYY, --urssaf-set=KEY=VALUE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Adds the options above (--year and --output are shared with --receipts and the main table). */
void     factures_cli_urssaf_add_options (GApplication *application);
/* TRUE when one of --urssaf, --thresholds, --calendar, --export-fec, --purchases, --urssaf-set,
 * --period, --declared-on, --from was given. */
gboolean factures_cli_urssaf_wanted      (GVariantDict *options);
/* Runs them on the database at @database; the exit status (0 on success, 1 with the reason
 * printed in French). */
int      factures_cli_urssaf_run         (const char   *database,
                                          GVariantDict *options);

G_END_DECLS
