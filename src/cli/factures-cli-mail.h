/* factures-cli-mail.h — the command-line options of issue 5 (e-mail)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Adds --send=NUMBER and --test-smtp. */
void     factures_cli_mail_add_options (GApplication *application);
/* TRUE when one of those options was given. */
gboolean factures_cli_mail_wanted      (GVariantDict *options);
/* Runs them on the database at @database (NULL: the default one); the exit status. */
int      factures_cli_mail_run         (const char   *database,
                                        GVariantDict *options);

G_END_DECLS
