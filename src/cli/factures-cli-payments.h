/* factures-cli-payments.h — the command-line options of issue 4 (dunning plan, penalties,
 * the next step of --list-overdue)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "factures-store.h"

G_BEGIN_DECLS

/* Adds --dunning-plan=NUMBER and --penalties=NUMBER. */
void     factures_cli_payments_add_options (GApplication *application);
/* TRUE when one of those options was given. */
gboolean factures_cli_payments_wanted      (GVariantDict *options);
/* Runs them on the database at @database; the exit status (0 on success). */
int      factures_cli_payments_run         (const char   *database,
                                            GVariantDict *options);
/* The two extra --list-overdue columns of invoice @document_id: "\t<step key>\t<date ISO>",
 * both empty when no step is left (newly allocated). */
char    *factures_cli_payments_next_step   (FacturesStore *store,
                                            gint64         document_id,
                                            const GDate   *today);

G_END_DECLS
