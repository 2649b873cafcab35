/* factures-bank-ofx.c — OFX 1.x (SGML) and 2.x (XML) statements through libofx
 *
 * libofx parses the file (structure, status, accounts, names and memos in UTF-8), but hands
 * amounts over as double and dates as time_t: a bad amount ("$120") becomes 0, an impossible
 * date (20120231) another day, an empty <BALAMT> a zero balance.  So the reader also scans
 * the tags itself (both syntaxes are <TAG>value) for what must be exact: TRNAMT, DTPOSTED,
 * DTAVAIL, FITID and the LEDGERBAL amount, with their line numbers; libofx's n-th transaction
 * is the n-th <STMTTRN> of the file.  A transaction whose amount or date cannot be read is
 * left out with a warning naming its line (ofxparse's "fail nice").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libofx/libofx.h>
#include <string.h>

#include "factures-bank-readers.h"

/* ---- the tag scan ---- */

typedef struct
{
  guint line;
  char *amount;    /* TRNAMT text, NULL when absent */
  char *posted;    /* DTPOSTED */
  char *available; /* DTAVAIL */
  char *fitid;
  gboolean used;
} RawTransaction;

typedef struct
{
  guint line;
  gboolean has_account;
  char *acctid; /* ACCTID text, to match libofx's statements */
  char *start;  /* BANKTRANLIST's DTSTART and DTEND */
  char *end;
  gboolean used;
  gboolean in_ledger;
  char *ledger; /* LEDGERBAL/BALAMT text */
  guint ledger_line;
  guint first_transaction; /* index into Scan.transactions */
  guint n_transactions;
} RawStatement;

typedef struct
{
  GArray *statements;   /* RawStatement */
  GArray *transactions; /* RawTransaction */
  gboolean closed;      /* </OFX> seen */
  guint last_line;
} Scan;

static void
raw_transaction_clear (RawTransaction *raw)
{
  g_free (raw->amount);
  g_free (raw->posted);
  g_free (raw->available);
  g_free (raw->fitid);
}

static void
raw_statement_clear (RawStatement *raw)
{
  g_free (raw->ledger);
  g_free (raw->acctid);
  g_free (raw->start);
  g_free (raw->end);
}

static void
scan_clear (Scan *scan)
{
  g_clear_pointer (&scan->statements, g_array_unref);
  g_clear_pointer (&scan->transactions, g_array_unref);
}

static void
scan_tags (const char *text, gsize length, Scan *scan)
{
  const char *p = text, *end = text + length;
  guint line = 1;
  RawStatement *statement = NULL;
  RawTransaction *transaction = NULL;

  scan->statements = g_array_new (FALSE, TRUE, sizeof (RawStatement));
  g_array_set_clear_func (scan->statements, (GDestroyNotify) raw_statement_clear);
  scan->transactions = g_array_new (FALSE, TRUE, sizeof (RawTransaction));
  g_array_set_clear_func (scan->transactions, (GDestroyNotify) raw_transaction_clear);

  while (p < end)
    {
      const char *name, *name_end, *value, *value_end;
      gboolean closing = FALSE;
      gsize n;
      char tag[16];

      if (*p == '\n')
        line++;
      if (*p != '<')
        {
          p++;
          continue;
        }
      if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        {
          const char *stop = g_strstr_len (p + 4, end - p - 4, "-->");

          stop = stop != NULL ? stop + 3 : end;
          for (; p < stop; p++)
            if (*p == '\n')
              line++;
          continue;
        }
      name = p + 1;
      if (name < end && *name == '/')
        closing = TRUE, name++;
      for (name_end = name;
           name_end < end && *name_end != '>' && *name_end != '<' && !g_ascii_isspace (*name_end);
           name_end++)
        ;
      n = name_end - name;
      p = name_end;
      while (p < end && *p != '>' && *p != '<')
        {
          if (*p == '\n')
            line++;
          p++;
        }
      if (p < end && *p == '>')
        p++;
      if (n == 0 || n >= sizeof tag)
        continue;
      for (gsize i = 0; i < n; i++)
        tag[i] = g_ascii_toupper (name[i]);
      tag[n] = '\0';

      if (closing)
        {
          if (strcmp (tag, "OFX") == 0)
            scan->closed = TRUE;
          else if (strcmp (tag, "STMTTRN") == 0)
            transaction = NULL;
          else if (strcmp (tag, "LEDGERBAL") == 0 && statement != NULL)
            statement->in_ledger = FALSE;
          else if (strcmp (tag, "STMTRS") == 0 || strcmp (tag, "CCSTMTRS") == 0)
            statement = NULL, transaction = NULL;
          continue;
        }

      if (strcmp (tag, "STMTRS") == 0 || strcmp (tag, "CCSTMTRS") == 0)
        {
          RawStatement fresh = { 0 };

          fresh.line = line;
          fresh.first_transaction = scan->transactions->len;
          g_array_append_val (scan->statements, fresh);
          statement = &g_array_index (scan->statements, RawStatement, scan->statements->len - 1);
          transaction = NULL;
          continue;
        }
      if (statement == NULL)
        continue;
      if (strcmp (tag, "BANKACCTFROM") == 0 || strcmp (tag, "CCACCTFROM") == 0)
        {
          statement->has_account = TRUE;
          continue;
        }
      if (strcmp (tag, "STMTTRN") == 0)
        {
          RawTransaction fresh = { 0 };

          fresh.line = line;
          g_array_append_val (scan->transactions, fresh);
          transaction =
              &g_array_index (scan->transactions, RawTransaction, scan->transactions->len - 1);
          statement->n_transactions++;
          continue;
        }
      if (strcmp (tag, "LEDGERBAL") == 0)
        {
          statement->in_ledger = TRUE;
          transaction = NULL;
          continue;
        }

      /* A leaf: its value runs to the next '<'. */
      value = p;
      for (value_end = value; value_end < end && *value_end != '<'; value_end++)
        ;
      {
        char **slot = NULL;
        guint *slot_line = NULL;

        if (transaction != NULL)
          {
            if (strcmp (tag, "TRNAMT") == 0)
              slot = &transaction->amount;
            else if (strcmp (tag, "DTPOSTED") == 0)
              slot = &transaction->posted;
            else if (strcmp (tag, "DTAVAIL") == 0)
              slot = &transaction->available;
            else if (strcmp (tag, "FITID") == 0)
              slot = &transaction->fitid;
          }
        else if (statement->in_ledger && strcmp (tag, "BALAMT") == 0)
          {
            slot = &statement->ledger;
            slot_line = &statement->ledger_line;
          }
        else if (strcmp (tag, "ACCTID") == 0)
          slot = &statement->acctid;
        else if (strcmp (tag, "DTSTART") == 0)
          slot = &statement->start;
        else if (strcmp (tag, "DTEND") == 0)
          slot = &statement->end;
        if (slot != NULL)
          {
            g_free (*slot);
            *slot = g_strstrip (g_strndup (value, value_end - value));
            if (slot_line != NULL)
              *slot_line = line;
          }
      }
    }
  scan->last_line = line;
}

/* "20220715", "20220715105900", "20110331120000.000[-7:MST]": the calendar date the bank
 * wrote (its own day, whatever the time zone). */
static gboolean
parse_ofx_date (const char *text, GDate *date)
{
  guint year, month, day;

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) < 8)
    return FALSE;
  for (int i = 0; i < 8; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  month = (text[4] - '0') * 10 + (text[5] - '0');
  day = (text[6] - '0') * 10 + (text[7] - '0');
  if (year < 1900 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/* ---- libofx's callbacks ---- */

typedef struct
{
  const char *name;
  FacturesBankFile *file;
  Scan scan;
  guint next_statement;   /* index into scan.statements */
  guint next_transaction; /* index into scan.transactions */
  GHashTable *by_account; /* libofx account_id → FacturesBankStatement* (borrowed) */
  GCancellable *cancellable;
  gboolean cancelled;
  char *server_error;
} Reading;

static int
on_status (const struct OfxStatusData data, void *user_data)
{
  Reading *reading = user_data;

  if (data.severity_valid && data.severity == ERROR && reading->server_error == NULL)
    {
      const char *message =
          data.server_message_valid && data.server_message != NULL
              ? data.server_message
              : (data.code_valid && data.description != NULL ? data.description : "");

      reading->server_error = g_strdup_printf ("%s (%d)", message, data.code_valid ? data.code : 0);
    }
  return 0;
}

static FacturesBankKind
kind_of (TransactionType type, gboolean valid)
{
  if (!valid)
    return FACTURES_BANK_KIND_OTHER;
  switch (type)
    {
    case OFX_CHECK:
      return FACTURES_BANK_KIND_CHEQUE;
    case OFX_DIRECTDEBIT:
    case OFX_REPEATPMT:
      return FACTURES_BANK_KIND_DIRECT_DEBIT;
    case OFX_XFER:
    case OFX_DIRECTDEP:
      return FACTURES_BANK_KIND_TRANSFER;
    case OFX_POS:
      return FACTURES_BANK_KIND_CARD;
    case OFX_ATM:
    case OFX_CASH:
      return FACTURES_BANK_KIND_CASH;
    case OFX_FEE:
    case OFX_SRVCHG:
      return FACTURES_BANK_KIND_FEE;
    case OFX_CREDIT:
    case OFX_DEBIT:
    case OFX_INT:
    case OFX_DIV:
    case OFX_DEP:
    case OFX_PAYMENT:
    case OFX_OTHER:
    default:
      return FACTURES_BANK_KIND_OTHER;
    }
}

static int
on_statement (const struct OfxStatementData data, void *user_data)
{
  Reading *reading = user_data;
  FacturesBankStatement *statement = factures_bank_statement_new (FACTURES_BANK_FORMAT_OFX);
  RawStatement *raw = NULL;
  const struct OfxAccountData *account = data.account_ptr;

  /* The raw statement of the same ACCTID not yet taken, else the next one in the file. */
  for (guint i = 0; i < reading->scan.statements->len && raw == NULL; i++)
    {
      RawStatement *candidate = &g_array_index (reading->scan.statements, RawStatement, i);

      if (!candidate->used && account != NULL && account->account_number_valid &&
          g_strcmp0 (candidate->acctid != NULL ? candidate->acctid : "", account->account_number) ==
              0)
        raw = candidate;
    }
  for (guint i = reading->next_statement; i < reading->scan.statements->len && raw == NULL; i++)
    {
      RawStatement *candidate = &g_array_index (reading->scan.statements, RawStatement, i);

      if (!candidate->used)
        raw = candidate;
    }
  if (raw != NULL)
    {
      raw->used = TRUE;
      while (reading->next_statement < reading->scan.statements->len &&
             g_array_index (reading->scan.statements, RawStatement, reading->next_statement).used)
        reading->next_statement++;
    }

  g_free (statement->account);
  if (account != NULL && account->account_number_valid && account->account_number[0] != '\0')
    statement->account = factures_bank_clean_text (data.account_id, -1);
  else
    {
      statement->account = g_strdup ("");
      factures_bank_file_warn (reading->file,
                               _("%s, line %u: the statement gives no account number (ACCTID)"),
                               reading->name, raw != NULL ? raw->line : 0);
    }

  if (data.currency_valid && strlen (data.currency) == 3)
    {
      for (int i = 0; i < 3; i++)
        statement->currency[i] = g_ascii_toupper (data.currency[i]);
    }
  else
    {
      /* ISO 4217 "XXX": no currency; the import refuses it like any other non-EUR account. */
      memcpy (statement->currency, "XXX", 4);
      factures_bank_file_warn (reading->file,
                               _("%s, line %u: the statement gives no currency (CURDEF)"),
                               reading->name, raw != NULL ? raw->line : 0);
    }

  if (raw != NULL && raw->ledger != NULL && raw->ledger[0] != '\0')
    {
      if (factures_bank_parse_decimal (raw->ledger, strchr (raw->ledger, ',') ? ',' : '.',
                                       &statement->closing_balance))
        statement->has_closing_balance = TRUE;
      else
        factures_bank_file_warn (reading->file,
                                 _("%s, line %u: the balance “%s” (BALAMT) is not an amount; "
                                   "it is ignored"),
                                 reading->name, raw->ledger_line, raw->ledger);
    }
  else if (raw != NULL)
    factures_bank_file_warn (reading->file,
                             _("%s, line %u: the statement gives no balance (LEDGERBAL)"),
                             reading->name, raw->ledger_line != 0 ? raw->ledger_line : raw->line);

  /* The period as the bank wrote it (libofx turns a missing DTSTART into 1970). */
  if (raw != NULL)
    {
      parse_ofx_date (raw->start, &statement->start_date);
      parse_ofx_date (raw->end, &statement->end_date);
    }

  g_ptr_array_add (reading->file->statements, statement);
  g_hash_table_replace (reading->by_account, g_strdup (data.account_id), statement);
  return 0;
}

static RawTransaction *
raw_for (Reading *reading, const char *fitid)
{
  GArray *all = reading->scan.transactions;

  for (guint i = reading->next_transaction; i < all->len; i++)
    {
      RawTransaction *raw = &g_array_index (all, RawTransaction, i);

      if (!raw->used && g_strcmp0 (raw->fitid != NULL ? raw->fitid : "", fitid) == 0)
        {
          raw->used = TRUE;
          if (i == reading->next_transaction)
            reading->next_transaction++;
          return raw;
        }
    }
  /* libofx decodes what the scan keeps as written (an XML entity in a FITID): the next
   * <STMTTRN> of the file. */
  if (reading->next_transaction < all->len)
    {
      RawTransaction *raw = &g_array_index (all, RawTransaction, reading->next_transaction++);

      raw->used = TRUE;
      return raw;
    }
  return NULL;
}

static int
on_transaction (const struct OfxTransactionData data, void *user_data)
{
  Reading *reading = user_data;
  FacturesBankStatement *statement;
  FacturesBankTransaction *transaction;
  RawTransaction *raw;
  g_autofree char *name = NULL;
  g_autofree char *memo = NULL;
  gint64 amount;
  char mark;

  if (reading->cancelled)
    return 0;
  if (g_cancellable_is_cancelled (reading->cancellable))
    {
      reading->cancelled = TRUE;
      return 0;
    }

  raw = raw_for (reading, data.fi_id_valid ? data.fi_id : "");
  statement = g_hash_table_lookup (reading->by_account, data.account_id);
  if (statement == NULL && reading->file->statements->len > 0)
    statement = g_ptr_array_index (reading->file->statements, reading->file->statements->len - 1);
  if (statement == NULL || raw == NULL)
    {
      factures_bank_file_warn (reading->file,
                               _("%s: a movement (FITID “%s”) could not be placed in the file; "
                                 "it is left out"),
                               reading->name, data.fi_id_valid ? data.fi_id : "");
      return 0;
    }

  if (raw->amount == NULL || raw->amount[0] == '\0')
    {
      factures_bank_file_warn (reading->file,
                               _("%s, line %u: the movement gives no amount (TRNAMT); it is left "
                                 "out"),
                               reading->name, raw->line);
      return 0;
    }
  mark = strchr (raw->amount, ',') != NULL && strchr (raw->amount, '.') == NULL ? ',' : '.';
  if (!factures_bank_parse_decimal (raw->amount, mark, &amount))
    {
      factures_bank_file_warn (reading->file,
                               _("%s, line %u: the amount “%s” (TRNAMT) is not a number; the "
                                 "movement is left out"),
                               reading->name, raw->line, raw->amount);
      return 0;
    }

  transaction = factures_bank_transaction_new ();
  if (!parse_ofx_date (raw->posted, &transaction->booking_date))
    {
      if (raw->posted == NULL || raw->posted[0] == '\0')
        factures_bank_file_warn (reading->file,
                                 _("%s, line %u: the movement gives no date (DTPOSTED); it is "
                                   "left out"),
                                 reading->name, raw->line);
      else
        factures_bank_file_warn (reading->file,
                                 _("%s, line %u: the date “%s” (DTPOSTED) is not a date; the "
                                   "movement is left out"),
                                 reading->name, raw->line, raw->posted);
      factures_bank_transaction_free (transaction);
      return 0;
    }
  parse_ofx_date (raw->available, &transaction->value_date);
  transaction->amount = amount;
  memcpy (transaction->currency, statement->currency, 4);
  if (data.currency_valid && strlen (data.currency) == 3)
    for (int i = 0; i < 3; i++)
      transaction->currency[i] = g_ascii_toupper (data.currency[i]);
  transaction->id =
      data.fi_id_valid && data.fi_id[0] != '\0' ? factures_bank_clean_text (data.fi_id, -1) : NULL;
  name = data.name_valid ? factures_bank_clean_text (data.name, -1) : NULL;
  memo = data.memo_valid ? factures_bank_clean_text (data.memo, -1) : NULL;
  if (name != NULL && name[0] != '\0' && memo != NULL && memo[0] != '\0' &&
      strstr (name, memo) == NULL && strstr (memo, name) == NULL)
    transaction->label = g_strconcat (name, " ", memo, NULL);
  else if (name != NULL && memo != NULL)
    transaction->label = g_strdup (strlen (name) >= strlen (memo) ? name : memo);
  else
    transaction->label = g_strdup (name != NULL ? name : memo != NULL ? memo : "");
  if (memo != NULL && memo[0] != '\0')
    transaction->reference = g_strdup (memo);
  else if (data.check_number_valid && data.check_number[0] != '\0')
    transaction->reference = factures_bank_clean_text (data.check_number, -1);
  transaction->kind = factures_bank_kind_from_label (transaction->label);
  if (transaction->kind == FACTURES_BANK_KIND_OTHER)
    transaction->kind = kind_of (data.transactiontype, data.transactiontype_valid);
  transaction->source_line = raw->line;
  g_ptr_array_add (statement->transactions, transaction);
  return 0;
}

static gsize libofx_quiet_once;

static void
libofx_quiet (void)
{
  if (g_once_init_enter (&libofx_quiet_once))
    {
      /* libofx prints its parser's messages on stderr unless told not to. */
      ofx_PARSER_msg = ofx_DEBUG_msg = ofx_DEBUG1_msg = ofx_DEBUG2_msg = ofx_DEBUG3_msg = 0;
      ofx_DEBUG4_msg = ofx_DEBUG5_msg = ofx_STATUS_msg = ofx_INFO_msg = 0;
      ofx_WARNING_msg = ofx_ERROR_msg = ofx_show_position = 0;
      g_once_init_leave (&libofx_quiet_once, 1);
    }
}

/* libofx keeps no state between files, but it is not known to be thread-safe. */
static GMutex libofx_lock;

FacturesBankFile *
factures_bank_read_ofx (const char *path,
                        GCancellable *cancellable,
                        FacturesBankProgress progress,
                        gpointer progress_data,
                        GError **error)
{
  g_autofree char *name = factures_bank_display_name (path);
  g_autofree char *contents = NULL;
  gsize length = 0;
  GError *local_error = NULL;
  Reading reading = { 0 };
  LibofxContextPtr context;
  FacturesBankFile *file;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("%s: the file cannot be read (%s)"), name, local_error->message);
      g_error_free (local_error);
      return NULL;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  scan_tags (contents, length, &reading.scan);
  g_clear_pointer (&contents, g_free);
  if (progress != NULL)
    progress (length / 2, length, progress_data);

  if (!reading.scan.closed)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("%s, line %u: the file ends before </OFX>; it is truncated or is not an "
                     "OFX statement"),
                   name, reading.scan.last_line);
      scan_clear (&reading.scan);
      return NULL;
    }
  for (guint i = 0; i < reading.scan.statements->len; i++)
    {
      RawStatement *raw = &g_array_index (reading.scan.statements, RawStatement, i);

      if (!raw->has_account)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("%s, line %u: the statement (STMTRS) gives no account "
                         "(BANKACCTFROM); its movements cannot be placed"),
                       name, raw->line);
          scan_clear (&reading.scan);
          return NULL;
        }
    }

  file = factures_bank_file_new (FACTURES_BANK_FORMAT_OFX);
  reading.name = name;
  reading.file = file;
  reading.cancellable = cancellable;
  reading.by_account = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  libofx_quiet ();
  g_mutex_lock (&libofx_lock);
  context = libofx_get_new_context ();
  ofx_set_status_cb (context, on_status, &reading);
  ofx_set_statement_cb (context, on_statement, &reading);
  ofx_set_transaction_cb (context, on_transaction, &reading);
  libofx_proc_file (context, path, OFX);
  libofx_free_context (context);
  g_mutex_unlock (&libofx_lock);

  g_hash_table_unref (reading.by_account);
  scan_clear (&reading.scan);

  if (reading.cancelled || g_cancellable_is_cancelled (cancellable))
    {
      g_cancellable_set_error_if_cancelled (cancellable, error);
      g_free (reading.server_error);
      factures_bank_file_free (file);
      return NULL;
    }
  if (reading.server_error != NULL)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("%s: the bank’s server answered with an error instead of a statement: %s"),
                   name, reading.server_error);
      g_free (reading.server_error);
      factures_bank_file_free (file);
      return NULL;
    }
  if (file->statements->len == 0)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("%s: the OFX file holds no account statement (STMTRS)"), name);
      factures_bank_file_free (file);
      return NULL;
    }
  for (guint i = 0; i < file->statements->len; i++)
    {
      FacturesBankStatement *statement = g_ptr_array_index (file->statements, i);

      if (statement->transactions->len == 0)
        factures_bank_file_warn (file, _("%s, account %s: the statement has no movement"), name,
                                 statement->account[0] != '\0' ? statement->account : "?");
    }
  if (progress != NULL)
    progress (length, length, progress_data);
  return file;
}
