/* factures-bank-statement.h — what every bank statement reader yields
 *
 * One shape for OFX 1.x/2.x (libofx), ISO 20022 camt.053 (libxml2), CFONB 120 and CSV
 * (libcsv): a file holds one or more account statements, each a list of transactions.
 * Amounts are gint64 cents of the account's currency, credits positive, debits negative.
 * Dates are calendar dates (GDate, cleared when the file gives none).
 *
 * The readers parse any currency; only the import (src/bank/factures-bank-import.c) refuses
 * accounts that are not in EUR.  Formats and French bank habits: LEGAL-2.md §6–§7.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "factures-error.h"

G_BEGIN_DECLS

typedef enum
{
  FACTURES_BANK_FORMAT_UNKNOWN = 0,
  FACTURES_BANK_FORMAT_OFX,      /* OFX 1.x SGML or 2.x XML */
  FACTURES_BANK_FORMAT_CAMT053,  /* ISO 20022 BkToCstmrStmt, versions 02, 04, 08 (others read when they parse) */
  FACTURES_BANK_FORMAT_CFONB120, /* relevé de compte CFONB, records 01/04/05/07 */
  FACTURES_BANK_FORMAT_CSV,      /* with a FacturesBankCsvMapping */
} FacturesBankFormat;

/* What the bank says the movement was; gives the payment method of a confirmed match. */
typedef enum
{
  FACTURES_BANK_KIND_OTHER = 0,
  FACTURES_BANK_KIND_TRANSFER,      /* virement (SEPA credit transfer) */
  FACTURES_BANK_KIND_DIRECT_DEBIT,  /* prélèvement */
  FACTURES_BANK_KIND_CARD,          /* carte */
  FACTURES_BANK_KIND_CHEQUE,        /* chèque (remise de chèques for a credit) */
  FACTURES_BANK_KIND_CASH,          /* espèces */
  FACTURES_BANK_KIND_FEE,           /* frais, commission, agios */
} FacturesBankKind;

typedef struct
{
  char            *id;            /* stable id, never NULL: the bank's (FITID, AcctSvcrRef,
                                   * EndToEndId) or, when it gives none, "h:" + SHA-256 hex of
                                   * account, booking date, amount and label + ":" + occurrence
                                   * number among identical ones (so two identical card payments
                                   * on one day stay two) */
  gboolean         id_from_bank;  /* TRUE when @id is the bank's own reference */
  GDate            booking_date;  /* date comptable; always valid */
  GDate            value_date;    /* date de valeur; cleared when the file gives none */
  gint64           amount;        /* cents, credit > 0, debit < 0 */
  char             currency[4];   /* ISO 4217, "EUR" */
  char            *label;         /* libellé, trimmed, single-spaced, UTF-8; never NULL */
  char            *counterparty;  /* payer's or payee's name (nullable) */
  char            *reference;     /* remittance information / bank reference (nullable) */
  FacturesBankKind kind;
  guint            source_line;   /* 1-based line (OFX SGML, CFONB, CSV) or element index
                                   * (CAMT, OFX XML) for messages; 0 when unknown */
} FacturesBankTransaction;

typedef struct
{
  FacturesBankFormat format;
  char      *account;               /* IBAN when known, else the bank's account id; never NULL
                                     * ("" when the file gives none, with a warning) */
  char       currency[4];           /* ISO 4217 of the account */
  GDate      start_date;            /* period covered; cleared when unknown */
  GDate      end_date;
  gboolean   has_opening_balance;
  gint64     opening_balance;       /* cents */
  gboolean   has_closing_balance;
  gint64     closing_balance;       /* cents */
  GPtrArray *transactions;          /* FacturesBankTransaction*, in file order */
} FacturesBankStatement;

typedef struct
{
  FacturesBankFormat format;
  GPtrArray *statements;            /* FacturesBankStatement*; one per account in the file */
  GPtrArray *warnings;              /* char*, French, each naming the line or element:
                                     * what a lenient read skipped, balances that disagree… */
} FacturesBankFile;

/* Column mapping of a CSV statement.  Column indexes are 0-based; -1 = absent. */
typedef struct
{
  char      separator;              /* ';' ',' '\t' */
  gboolean  decimal_comma;          /* "1 100,50" */
  char     *date_format;            /* "%d/%m/%Y" (DD/MM/YYYY), "%Y-%m-%d", "%d/%m/%y" */
  guint     skip_lines;             /* header lines before the first transaction */
  gint      booking_date_column;
  gint      value_date_column;
  gint      amount_column;          /* signed amount, or -1 when debit/credit are apart */
  gint      debit_column;
  gint      credit_column;
  gint      label_column;
  gint      counterparty_column;
  gint      reference_column;
  char     *account;                /* the account these rows belong to (the CSV rarely says) */
  char      currency[4];            /* "EUR" unless told */
  /* Added after the first release of this struct: 1-based so that a zeroed mapping has none. */
  guint     currency_at;            /* 1-based column of each row's currency (Devise,
                                     * Currency), 0 = none: a row not in EUR is refused */
  guint     account_at;             /* 1-based column holding the account (Boursorama's
                                     * accountNum), 0 = none: gives the account when the
                                     * mapping has none */
} FacturesBankCsvMapping;

typedef void (*FacturesBankProgress) (guint64 done_bytes, guint64 total_bytes, gpointer user_data);

void                    factures_bank_transaction_free (FacturesBankTransaction *transaction);
void                    factures_bank_statement_free   (FacturesBankStatement *statement);
void                    factures_bank_file_free        (FacturesBankFile *file);
FacturesBankCsvMapping *factures_bank_csv_mapping_copy (const FacturesBankCsvMapping *mapping);
void                    factures_bank_csv_mapping_free (FacturesBankCsvMapping *mapping);

/**
 * factures_bank_detect_format:
 * @data: the file's first bytes (at least 4 KiB when the file has them)
 * @length: their length
 *
 * Returns: the format the bytes look like, %FACTURES_BANK_FORMAT_CSV for delimited text,
 * %FACTURES_BANK_FORMAT_UNKNOWN otherwise.
 */
FacturesBankFormat factures_bank_detect_format (const guint8 *data, gsize length);

/**
 * factures_bank_read_file:
 * @path: the statement file (OFX, CAMT.053, CFONB 120, or CSV)
 * @mapping: (nullable): the CSV column mapping; NULL = recognise the usual French layouts
 * @cancellable: (nullable): checked between transactions
 * @progress: (nullable): told the bytes read so far
 *
 * Reads every account statement of a file.  Lenient where the format allows (what can be read
 * is kept and the rest reported in warnings); strict where a wrong read would record a wrong
 * payment.
 *
 * Returns: (transfer full): the file's statements, or NULL with FACTURES_ERROR_INVALID (a file
 * that is not a statement, a truncated one, an unsupported CAMT version, a camt.054
 * notification, a CFONB record of the wrong length, a CSV whose columns cannot be mapped),
 * the message in French naming the file and the line or element; G_IO_ERROR_CANCELLED.
 */
FacturesBankFile *factures_bank_read_file (const char                   *path,
                                           const FacturesBankCsvMapping *mapping,
                                           GCancellable                 *cancellable,
                                           FacturesBankProgress          progress,
                                           gpointer                      progress_data,
                                           GError                      **error);

/**
 * factures_bank_csv_guess_mapping:
 * @path: a CSV statement
 * @error: FACTURES_ERROR_INVALID when no header of the usual French layouts is found
 *
 * Recognises a bank CSV export's separator, decimal comma, date format, header line and
 * columns (LEGAL-2.md §6), for the mapping step to show and remember per account.
 *
 * Returns: (transfer full): the mapping (account NULL, currency "EUR"), or NULL
 */
FacturesBankCsvMapping *factures_bank_csv_guess_mapping (const char *path, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesBankFile, factures_bank_file_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesBankStatement, factures_bank_statement_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesBankCsvMapping, factures_bank_csv_mapping_free)

G_END_DECLS
