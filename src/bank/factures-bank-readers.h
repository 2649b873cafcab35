/* factures-bank-readers.h — what the statement readers share (private to src/bank)
 *
 * Each reader fills a FacturesBankFile: statements with their transactions, ids left NULL when
 * the bank gives none.  factures_bank_file_finish() then gives every transaction its stable id,
 * checks the balances against the movements and drops nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-bank-statement.h"

G_BEGIN_DECLS

FacturesBankFile        *factures_bank_file_new        (FacturesBankFormat format);
FacturesBankStatement   *factures_bank_statement_new   (FacturesBankFormat format);
FacturesBankTransaction *factures_bank_transaction_new (void);

void  factures_bank_file_warn (FacturesBankFile *file, const char *format, ...) G_GNUC_PRINTF (2, 3);
void  factures_bank_file_finish (FacturesBankFile *file, const char *path);

char    *factures_bank_clean_text       (const char *text, gssize length);
gboolean factures_bank_parse_decimal    (const char *text, char decimal_mark, gint64 *cents);
FacturesBankKind factures_bank_kind_from_label (const char *label);
char    *factures_bank_display_name     (const char *path);

FacturesBankFile *factures_bank_read_ofx   (const char           *path,
                                            GCancellable         *cancellable,
                                            FacturesBankProgress  progress,
                                            gpointer              progress_data,
                                            GError              **error);
FacturesBankFile *factures_bank_read_camt  (const char           *path,
                                            GCancellable         *cancellable,
                                            FacturesBankProgress  progress,
                                            gpointer              progress_data,
                                            GError              **error);
FacturesBankFile *factures_bank_read_cfonb (const char           *path,
                                            GCancellable         *cancellable,
                                            FacturesBankProgress  progress,
                                            gpointer              progress_data,
                                            GError              **error);
FacturesBankFile *factures_bank_read_csv   (const char                   *path,
                                            const FacturesBankCsvMapping *mapping,
                                            GCancellable                 *cancellable,
                                            FacturesBankProgress          progress,
                                            gpointer                      progress_data,
                                            GError                      **error);

G_END_DECLS
