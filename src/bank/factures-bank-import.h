/* factures-bank-import.h — a statement file into the store (issue 16 item 2)
 *
 * Reads the file with factures_bank_read_file() (any format, any currency), then stores the
 * movements of its accounts with factures_store_bank_import() in one transaction: EUR accounts
 * only (the others refused, saying so), nothing imported twice (same account and stable id),
 * the reader's warnings (what a lenient read skipped, balances that disagree with the sum of the
 * movements) handed back. A CSV statement is read with the column mapping remembered for its
 * account, or the one given, which is then remembered.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-bank-statement.h"
#include "factures-store-bank.h"

G_BEGIN_DECLS

typedef struct {
  FacturesBankFormat  format;
  guint               n_accounts;
  guint               n_read;       /* movements in the file */
  guint               n_added;      /* new ones stored */
  guint               n_skipped;    /* already there (or of 0) */
  GPtrArray          *warnings;     /* char*, French, each naming the file and line or element */
} FacturesBankImportResult;

void factures_bank_import_result_clear (FacturesBankImportResult *result);

/* Told how far the import is: 0…1 (reading the file, then storing its movements). */
typedef void (*FacturesBankImportProgress) (gdouble fraction, gpointer user_data);

/**
 * factures_bank_import_file:
 * @path: the statement
 * @account: (nullable): the account the statement is for: required for a CSV that does not
 *   say (it also picks the remembered mapping); for a file of one account, replaces the file's
 *   account id; for a file of several, imports only that one
 * @mapping: (nullable): the CSV column mapping chosen by the user (remembered for @account on
 *   success); NULL = the remembered one, else the usual French layouts
 * @cancellable: (nullable): cancelling leaves the database unchanged
 * @progress: (nullable)
 * @out: (out caller-allocates): what was done; clear it with factures_bank_import_result_clear()
 * @error: FACTURES_ERROR_INVALID, French, naming the file (and the line or element): a file that
 *   is not a statement, an account not in EUR, an account missing; G_IO_ERROR_CANCELLED
 *
 * Returns: TRUE when the file was imported (possibly adding nothing: see @out->n_added).
 */
gboolean factures_bank_import_file (FacturesStore                 *store,
                                    const char                    *path,
                                    const char                    *account,
                                    const FacturesBankCsvMapping  *mapping,
                                    GCancellable                  *cancellable,
                                    FacturesBankImportProgress     progress,
                                    gpointer                       progress_data,
                                    FacturesBankImportResult      *out,
                                    GError                       **error);

/* The import of statements already read (the part after the reader): conversion, account
 * choice as above, and the store's import. @file is not changed. Used by the benchmark. */
gboolean factures_bank_import_read (FacturesStore                 *store,
                                    const char                    *path,
                                    FacturesBankFile              *file,
                                    const char                    *account,
                                    GCancellable                  *cancellable,
                                    FacturesBankImportProgress     progress,
                                    gpointer                       progress_data,
                                    FacturesBankImportResult      *out,
                                    GError                       **error);

/* A CSV mapping as the text the store remembers (a GKeyFile), and back (NULL when the text
 * is not one). */
char                   *factures_bank_csv_mapping_to_text   (const FacturesBankCsvMapping *mapping);
FacturesBankCsvMapping *factures_bank_csv_mapping_from_text (const char                   *text);
/* --account as typed: an IBAN-looking text must pass the IBAN check (see the doc comment). */
gboolean factures_bank_account_check (const char  *account,
                                      char       **out,
                                      GError     **error);

/* The mapping given on the command line (--csv-columns=date=1,amount=4,label=2): see the
 * doc comment in factures-bank-import.c. */
FacturesBankCsvMapping *factures_bank_csv_mapping_parse_columns (const char  *text,
                                                                 GError     **error);

G_END_DECLS
