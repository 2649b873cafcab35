/* factures-bank-statement.c — the statement shape, format detection and what the readers share:
 * stable ids, balance checks, labels, decimal amounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "factures-bank-readers.h"
#include "factures-money.h"

/* ---- shapes ---- */

/**
 * factures_bank_transaction_free:
 * @transaction: (nullable): a transaction of a #FacturesBankStatement
 */
void
factures_bank_transaction_free (FacturesBankTransaction *transaction)
{
  if (transaction == NULL)
    return;
  g_free (transaction->id);
  g_free (transaction->label);
  g_free (transaction->counterparty);
  g_free (transaction->reference);
  g_free (transaction);
}

/**
 * factures_bank_statement_free:
 * @statement: (nullable): a statement of a #FacturesBankFile, with its transactions
 */
void
factures_bank_statement_free (FacturesBankStatement *statement)
{
  if (statement == NULL)
    return;
  g_free (statement->account);
  g_clear_pointer (&statement->transactions, g_ptr_array_unref);
  g_free (statement);
}

/**
 * factures_bank_file_free:
 * @file: (nullable): what factures_bank_read_file() returned
 */
void
factures_bank_file_free (FacturesBankFile *file)
{
  if (file == NULL)
    return;
  g_clear_pointer (&file->statements, g_ptr_array_unref);
  g_clear_pointer (&file->warnings, g_ptr_array_unref);
  g_free (file);
}

/**
 * factures_bank_csv_mapping_copy:
 * @mapping: a CSV column mapping
 *
 * Returns: (transfer full): a deep copy
 */
FacturesBankCsvMapping *
factures_bank_csv_mapping_copy (const FacturesBankCsvMapping *mapping)
{
  FacturesBankCsvMapping *copy;

  g_return_val_if_fail (mapping != NULL, NULL);
  copy = g_memdup2 (mapping, sizeof *mapping);
  copy->date_format = g_strdup (mapping->date_format);
  copy->account = g_strdup (mapping->account);
  return copy;
}

/**
 * factures_bank_csv_mapping_free:
 * @mapping: (nullable): a mapping of factures_bank_csv_mapping_copy() or
 *   factures_bank_csv_guess_mapping()
 */
void
factures_bank_csv_mapping_free (FacturesBankCsvMapping *mapping)
{
  if (mapping == NULL)
    return;
  g_free (mapping->date_format);
  g_free (mapping->account);
  g_free (mapping);
}

FacturesBankFile *
factures_bank_file_new (FacturesBankFormat format)
{
  FacturesBankFile *file = g_new0 (FacturesBankFile, 1);

  file->format = format;
  file->statements = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_bank_statement_free);
  file->warnings = g_ptr_array_new_with_free_func (g_free);
  return file;
}

FacturesBankStatement *
factures_bank_statement_new (FacturesBankFormat format)
{
  FacturesBankStatement *statement = g_new0 (FacturesBankStatement, 1);

  statement->format = format;
  statement->account = g_strdup ("");
  g_date_clear (&statement->start_date, 1);
  g_date_clear (&statement->end_date, 1);
  statement->transactions =
      g_ptr_array_new_with_free_func ((GDestroyNotify) factures_bank_transaction_free);
  return statement;
}

FacturesBankTransaction *
factures_bank_transaction_new (void)
{
  FacturesBankTransaction *transaction = g_new0 (FacturesBankTransaction, 1);

  g_date_clear (&transaction->booking_date, 1);
  g_date_clear (&transaction->value_date, 1);
  return transaction;
}

void
factures_bank_file_warn (FacturesBankFile *file, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (file->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

/* The file's name as messages show it. */
char *
factures_bank_display_name (const char *path)
{
  return g_filename_display_basename (path);
}

/* ---- text ---- */

/* @text (UTF-8, or Latin-1/Windows-1252 when it is not valid UTF-8) trimmed, runs of white
 * space made one space, control characters dropped.  Returns NULL for NULL. */
char *
factures_bank_clean_text (const char *text, gssize length)
{
  g_autofree char *utf8 = NULL;
  GString *out;
  gboolean space = FALSE;
  const char *p;

  if (text == NULL)
    return NULL;
  if (length < 0)
    length = strlen (text);
  if (g_utf8_validate (text, length, NULL))
    utf8 = g_strndup (text, length);
  else
    {
      utf8 = g_convert (text, length, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
      if (utf8 == NULL)
        utf8 = g_convert (text, length, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
      if (utf8 == NULL)
        utf8 = g_utf8_make_valid (text, length);
    }

  out = g_string_sized_new (strlen (utf8));
  for (p = utf8; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F)
        {
          space = TRUE;
          continue;
        }
      if (g_unichar_iscntrl (c))
        continue;
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/**
 * factures_bank_parse_decimal:
 * @text: "-1 100,50", "+12.3", "120" (spaces, NBSP and the other thousands mark allowed)
 * @decimal_mark: '.' or ','
 * @cents: (out): the amount in cents; digits past the second are rounded half away from zero
 *
 * Returns: FALSE when @text is not a decimal number (or does not fit in gint64 cents)
 */
gboolean
factures_bank_parse_decimal (const char *text, char decimal_mark, gint64 *cents)
{
  const char *p = text;
  gboolean negative = FALSE, seen_digit = FALSE, seen_mark = FALSE;
  guint64 units = 0;
  guint decimals = 0;
  int round_digit = -1;

  if (text == NULL)
    return FALSE;
  while (*p == ' ' || *p == '\t')
    p++;
  if (*p == '-' || *p == '+')
    negative = *p++ == '-';
  while (*p == ' ')
    p++;
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          seen_digit = TRUE;
          if (seen_mark && decimals >= 2)
            {
              if (round_digit < 0)
                round_digit = *p - '0';
              continue;
            }
          if (units > (G_MAXINT64 / 10 - 9))
            return FALSE;
          units = units * 10 + (guint64) (*p - '0');
          if (seen_mark)
            decimals++;
        }
      else if (*p == decimal_mark && !seen_mark)
        seen_mark = TRUE;
      else if (!seen_mark &&
               (*p == ' ' || *p == '\'' || (*p == (decimal_mark == ',' ? '.' : ',') && seen_digit)))
        continue; /* thousands separator */
      else if (!seen_mark && (guchar) p[0] == 0xC2 && (guchar) p[1] == 0xA0)
        p++; /* NBSP */
      else if (!seen_mark && (guchar) p[0] == 0xE2 && (guchar) p[1] == 0x80 &&
               (guchar) p[2] == 0xAF)
        p += 2; /* narrow NBSP */
      else if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
        {
          while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
            p++;
          if (*p != '\0')
            return FALSE;
          break;
        }
      else
        return FALSE;
    }
  if (!seen_digit)
    return FALSE;
  while (decimals < 2)
    {
      if (units > G_MAXINT64 / 10)
        return FALSE;
      units *= 10;
      decimals++;
    }
  if (round_digit >= 5)
    units++;
  if (units > G_MAXINT64)
    return FALSE;
  *cents = negative ? -(gint64) units : (gint64) units;
  return TRUE;
}

/* What the label says the movement was (French and international bank habits). */
FacturesBankKind
factures_bank_kind_from_label (const char *label)
{
  g_autofree char *upper = NULL;

  if (label == NULL)
    return FACTURES_BANK_KIND_OTHER;
  upper = g_utf8_strup (label, -1);
  if (g_str_has_prefix (upper, "VIR") || strstr (upper, "VIREMENT") != NULL ||
      strstr (upper, "SEPA CREDIT") != NULL)
    return FACTURES_BANK_KIND_TRANSFER;
  if (g_str_has_prefix (upper, "PRLV") || g_str_has_prefix (upper, "PRELEVEMENT") ||
      g_str_has_prefix (upper, "PRÉLÈVEMENT") || strstr (upper, "SEPA DIRECT DEBIT") != NULL)
    return FACTURES_BANK_KIND_DIRECT_DEBIT;
  if (g_str_has_prefix (upper, "CB ") || g_str_has_prefix (upper, "CB*") ||
      (strlen (upper) > 9 && strspn (upper, "0123456789") == 6 &&
       (g_str_has_prefix (upper + 6, " CB ") || g_str_has_prefix (upper + 6, " CB*"))) ||
      g_str_has_prefix (upper, "CARTE") || g_str_has_prefix (upper, "FACTURE CARTE") ||
      g_str_has_prefix (upper, "PAIEMENT CB"))
    return FACTURES_BANK_KIND_CARD;
  if (g_str_has_prefix (upper, "CHQ") || g_str_has_prefix (upper, "CHEQUE") ||
      g_str_has_prefix (upper, "CHÈQUE") || g_str_has_prefix (upper, "REMISE CHQ") ||
      g_str_has_prefix (upper, "REM CHQ") || g_str_has_prefix (upper, "REMISE CHEQUE"))
    return FACTURES_BANK_KIND_CHEQUE;
  if (g_str_has_prefix (upper, "RETRAIT") || g_str_has_prefix (upper, "VERSEMENT ESPECES") ||
      g_str_has_prefix (upper, "DAB"))
    return FACTURES_BANK_KIND_CASH;
  if (g_str_has_prefix (upper, "FRAIS") || g_str_has_prefix (upper, "COMMISSION") ||
      g_str_has_prefix (upper, "AGIOS") || g_str_has_prefix (upper, "COTISATION") ||
      g_str_has_prefix (upper, "INTERETS DEBITEURS"))
    return FACTURES_BANK_KIND_FEE;
  return FACTURES_BANK_KIND_OTHER;
}

/* ---- finishing a file ---- */

static char *
hash_of (const char *account, const FacturesBankTransaction *transaction)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  char line[64];

  g_checksum_update (checksum, (const guchar *) account, -1);
  g_snprintf (line, sizeof line, "\x1f%04d-%02d-%02d\x1f%" G_GINT64_FORMAT "\x1f",
              g_date_get_year (&transaction->booking_date),
              g_date_get_month (&transaction->booking_date),
              g_date_get_day (&transaction->booking_date), transaction->amount);
  g_checksum_update (checksum, (const guchar *) line, -1);
  g_checksum_update (checksum, (const guchar *) transaction->label, -1);
  return g_strdup (g_checksum_get_string (checksum));
}

/* Gives every transaction its stable id and checks the balances against the movements. */
void
factures_bank_file_finish (FacturesBankFile *file, const char *path)
{
  g_autofree char *name = factures_bank_display_name (path);

  for (guint s = 0; s < file->statements->len; s++)
    {
      FacturesBankStatement *statement = g_ptr_array_index (file->statements, s);
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      gint64 sum = 0;
      gboolean overflow = FALSE;

      if (statement->account == NULL)
        statement->account = g_strdup ("");
      if (statement->currency[0] == '\0')
        memcpy (statement->currency, "XXX", 4);

      for (guint i = 0; i < statement->transactions->len; i++)
        {
          FacturesBankTransaction *transaction = g_ptr_array_index (statement->transactions, i);
          guint occurrence;
          char *key;

          if (transaction->label == NULL)
            transaction->label = g_strdup ("");
          if (transaction->currency[0] == '\0')
            memcpy (transaction->currency, statement->currency, 4);
          if (transaction->kind == FACTURES_BANK_KIND_OTHER)
            transaction->kind = factures_bank_kind_from_label (transaction->label);
          if (!g_date_valid (&transaction->booking_date) && g_date_valid (&transaction->value_date))
            transaction->booking_date = transaction->value_date;

          if (transaction->id != NULL && transaction->id[0] != '\0')
            {
              transaction->id_from_bank = TRUE;
              key = g_strconcat ("b:", transaction->id, NULL);
            }
          else
            {
              g_clear_pointer (&transaction->id, g_free);
              transaction->id_from_bank = FALSE;
              key = hash_of (statement->account, transaction);
            }
          occurrence = GPOINTER_TO_UINT (g_hash_table_lookup (seen, key)) + 1;
          g_hash_table_replace (seen, key, GUINT_TO_POINTER (occurrence));

          if (!transaction->id_from_bank)
            transaction->id = g_strdup_printf ("h:%s:%u", key, occurrence);
          else if (occurrence > 1)
            {
              /* A bank that gives one reference to two movements: keep both. */
              char *id = g_strdup_printf ("%s:%u", transaction->id, occurrence);

              factures_bank_file_warn (file,
                                       _("%s, line %u: the bank reference “%s” is given to "
                                         "several movements; they are kept apart"),
                                       name, transaction->source_line, transaction->id);
              g_free (transaction->id);
              transaction->id = id;
            }

          if ((transaction->amount > 0 && sum > G_MAXINT64 - transaction->amount) ||
              (transaction->amount < 0 && sum < G_MININT64 - transaction->amount))
            overflow = TRUE;
          else
            sum += transaction->amount;
        }

      if (statement->has_opening_balance && statement->has_closing_balance && !overflow &&
          statement->opening_balance + sum != statement->closing_balance)
        {
          g_autofree char *opening = factures_money_format_plain (statement->opening_balance);
          g_autofree char *closing = factures_money_format_plain (statement->closing_balance);
          g_autofree char *movements = factures_money_format_plain (sum);

          factures_bank_file_warn (file,
                                   _("%s, account %s: the opening balance %s plus the movements "
                                     "%s does not give the closing balance %s"),
                                   name, statement->account, opening, movements, closing);
        }
    }
}

/* ---- format and dispatch ---- */

static gboolean
contains_nocase (const char *haystack, gsize length, const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (g_ascii_strncasecmp (haystack + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
looks_like_cfonb (const char *text, gsize length)
{
  const char *end = memchr (text, '\n', length);
  gsize line = end != NULL ? (gsize) (end - text) : length;

  if (line > 0 && text[line - 1] == '\r')
    line--;
  if (length < 7 || text[0] != '0' || text[1] != '1')
    return FALSE;
  for (int i = 2; i < 7; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  /* About 120 characters a record (the reader refuses a wrong length naming the line), or
   * records without line breaks; accented letters make a UTF-8 line a few bytes longer. */
  return (line >= 100 && line <= 140) || (end == NULL && length % 120 == 0);
}

/**
 * factures_bank_detect_format:
 * @data: the file's first bytes (at least 4 KiB when the file has them)
 * @length: their length
 *
 * Returns: the format the bytes look like, %FACTURES_BANK_FORMAT_CSV for delimited text,
 * %FACTURES_BANK_FORMAT_UNKNOWN otherwise.
 */
FacturesBankFormat
factures_bank_detect_format (const guint8 *data, gsize length)
{
  const char *text = (const char *) data;

  if (data == NULL || length == 0)
    return FACTURES_BANK_FORMAT_UNKNOWN;
  if (length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    text += 3, length -= 3;
  while (length > 0 && g_ascii_isspace (*text))
    text++, length--;
  if (length == 0)
    return FACTURES_BANK_FORMAT_UNKNOWN;

  if (contains_nocase (text, length, "OFXHEADER") || contains_nocase (text, length, "<OFX>"))
    return FACTURES_BANK_FORMAT_OFX;
  if (text[0] == '<')
    {
      if (contains_nocase (text, length, "iso:20022:tech:xsd:camt.") ||
          contains_nocase (text, length, "BkToCstmr"))
        return FACTURES_BANK_FORMAT_CAMT053;
      return FACTURES_BANK_FORMAT_UNKNOWN;
    }
  if (looks_like_cfonb (text, length))
    return FACTURES_BANK_FORMAT_CFONB120;
  if (memchr (text, ';', length) != NULL || memchr (text, ',', length) != NULL ||
      memchr (text, '\t', length) != NULL)
    {
      if (memchr (text, '\0', length) != NULL)
        return FACTURES_BANK_FORMAT_UNKNOWN;
      return FACTURES_BANK_FORMAT_CSV;
    }
  return FACTURES_BANK_FORMAT_UNKNOWN;
}

/**
 * factures_bank_read_file:
 * @path: the statement file (OFX, CAMT.053, CFONB 120, or CSV)
 * @mapping: (nullable): the CSV column mapping; NULL = recognise the usual French layouts
 * @cancellable: (nullable): checked between transactions
 * @progress: (nullable): told the bytes read so far
 * @progress_data: data for @progress
 * @error: FACTURES_ERROR_INVALID, G_IO_ERROR_CANCELLED, or a G_FILE_ERROR
 *
 * Reads every account statement of a file.  Lenient where the format allows (what can be read
 * is kept and the rest reported in warnings); strict where a wrong read would record a wrong
 * payment.  Every transaction gets its stable id; where the format gives both balances they
 * are checked against the movements (a warning when they disagree).
 *
 * Returns: (transfer full): the file's statements, or NULL with the error
 */
FacturesBankFile *
factures_bank_read_file (const char *path,
                         const FacturesBankCsvMapping *mapping,
                         GCancellable *cancellable,
                         FacturesBankProgress progress,
                         gpointer progress_data,
                         GError **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GFile) gfile = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  guint8 head[8192];
  gsize length = 0;
  FacturesBankFormat format;
  FacturesBankFile *file = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  name = factures_bank_display_name (path);
  gfile = g_file_new_for_path (path);
  stream = g_file_read (gfile, cancellable, &local_error);
  if (stream == NULL || !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head,
                                                  &length, cancellable, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, local_error);
      else
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("%s: the file cannot be read (%s)"), name, local_error->message);
          g_error_free (local_error);
        }
      return NULL;
    }
  g_input_stream_close (G_INPUT_STREAM (stream), NULL, NULL);

  format = mapping != NULL ? FACTURES_BANK_FORMAT_CSV : factures_bank_detect_format (head, length);
  switch (format)
    {
    case FACTURES_BANK_FORMAT_OFX:
      file = factures_bank_read_ofx (path, cancellable, progress, progress_data, error);
      break;
    case FACTURES_BANK_FORMAT_CAMT053:
      file = factures_bank_read_camt (path, cancellable, progress, progress_data, error);
      break;
    case FACTURES_BANK_FORMAT_CFONB120:
      file = factures_bank_read_cfonb (path, cancellable, progress, progress_data, error);
      break;
    case FACTURES_BANK_FORMAT_CSV:
      file = factures_bank_read_csv (path, mapping, cancellable, progress, progress_data, error);
      break;
    case FACTURES_BANK_FORMAT_UNKNOWN:
    default:
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   length == 0 ? _("%s: the file is empty")
                               : _("%s: not a bank statement (OFX, CAMT.053, CFONB 120 or CSV)"),
                   name);
      return NULL;
    }
  if (file == NULL)
    return NULL;
  factures_bank_file_finish (file, path);
  return file;
}
