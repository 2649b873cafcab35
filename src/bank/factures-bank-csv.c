/* factures-bank-csv.c — CSV statements through libcsv, with a column mapping
 *
 * French banks' CSV exports (LEGAL-2.md §6): ';' separated, comma decimals ("-1 100,50" with
 * a space, NBSP or narrow NBSP between thousands), DD/MM/YYYY dates, UTF-8 with a BOM or
 * Windows-1252, a preamble of key;value lines before the header, Excel's ="…" wrapping,
 * either one signed amount or Débit/Crédit columns.  factures_bank_csv_guess_mapping()
 * recognises the header; a file whose columns cannot be recognised is refused until the user
 * maps them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <csv.h>
#include <glib/gi18n.h>
#include <string.h>

#include "factures-bank-readers.h"

/* ---- rows ---- */

typedef struct
{
  GPtrArray *rows; /* GPtrArray of char* (UTF-8 fields) */
  GPtrArray *current;
  GArray *lines;   /* guint: 1-based line where each row starts */
  guint line;      /* the line being fed */
  guint row_start; /* the line where the current row began */
  const char *text;
} Rows;

static void
on_field (void *data, size_t length, void *user_data)
{
  Rows *rows = user_data;
  char *value = g_strndup (data != NULL ? data : "", length);

  if (rows->current == NULL)
    rows->current = g_ptr_array_new_with_free_func (g_free);
  /* Excel's ="0123" keeps leading zeros; the bank's text is what is inside. */
  if (g_str_has_prefix (value, "=\"") && g_str_has_suffix (value, "\"") && strlen (value) >= 3)
    {
      char *inner = g_strndup (value + 2, strlen (value) - 3);

      g_free (value);
      value = inner;
    }
  g_ptr_array_add (rows->current, value);
}

static void
on_row (int terminator, void *user_data)
{
  Rows *rows = user_data;

  if (rows->current == NULL)
    rows->current = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (rows->rows, rows->current);
  g_array_append_val (rows->lines, rows->row_start);
  rows->current = NULL;
}

/* The file as UTF-8 without BOM; Windows-1252 when it is not UTF-8. */
static char *
read_text (const char *path, const char *name, gsize *length, GError **error)
{
  g_autofree char *contents = NULL;
  GError *local_error = NULL;
  char *text;
  gsize size;

  if (!g_file_get_contents (path, &contents, &size, &local_error))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("%s: the file cannot be read (%s)"), name, local_error->message);
      g_error_free (local_error);
      return NULL;
    }
  if (size >= 3 && memcmp (contents, "\xEF\xBB\xBF", 3) == 0)
    text = g_strndup (contents + 3, size - 3);
  else if (g_utf8_validate (contents, size, NULL))
    text = g_steal_pointer (&contents);
  else
    text = g_convert (contents, size, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_free (text);
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("%s: the text is neither UTF-8 nor Windows-1252/Latin-1"), name);
      return NULL;
    }
  *length = strlen (text);
  return text;
}

/* The separator used most consistently on the first lines: ';', ',' or tab. */
static char
guess_separator (const char *text)
{
  static const char candidates[] = { ';', '\t', ',' };
  guint best_count = 0;
  char best = ';';

  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    {
      guint count = 0, lines = 0;
      gboolean quoted = FALSE;

      for (const char *p = text; *p != '\0' && lines < 20; p++)
        {
          if (*p == '"')
            quoted = !quoted;
          else if (*p == '\n' && !quoted)
            lines++;
          else if (*p == candidates[c] && !quoted)
            count++;
        }
      if (count > best_count)
        best_count = count, best = candidates[c];
    }
  return best;
}

static GPtrArray *
split_rows (const char *text,
            gsize length,
            char separator,
            GArray **lines,
            GError **error,
            const char *name)
{
  struct csv_parser parser;
  Rows rows = { 0 };
  const char *p = text, *end = text + length;

  rows.rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  rows.lines = g_array_new (FALSE, FALSE, sizeof (guint));
  rows.line = 1;
  csv_init (&parser, CSV_APPEND_NULL);
  csv_set_delim (&parser, (unsigned char) separator);
  /* Feed line by line so that every row knows its line. */
  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      gsize n = eol != NULL ? (gsize) (eol - p) + 1 : (gsize) (end - p);

      /* libcsv skips blank lines: a row begins on the first line fed while none is open. */
      if (parser.pstate == 0)
        rows.row_start = rows.line;
      if (csv_parse (&parser, p, n, on_field, on_row, &rows) != n)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("%s, line %u: the CSV cannot be read (%s)"), name, rows.line,
                       csv_strerror (csv_error (&parser)));
          csv_free (&parser);
          g_clear_pointer (&rows.current, g_ptr_array_unref);
          g_ptr_array_unref (rows.rows);
          g_array_unref (rows.lines);
          return NULL;
        }
      p += n;
      rows.line++;
    }
  csv_fini (&parser, on_field, on_row, &rows);
  csv_free (&parser);
  g_clear_pointer (&rows.current, g_ptr_array_unref);
  *lines = rows.lines;
  return rows.rows;
}

/* ---- cells ---- */

static const char *
cell (GPtrArray *row, gint column)
{
  if (column < 0 || (guint) column >= row->len)
    return NULL;
  return g_ptr_array_index (row, column);
}

/* Lower case, no accents, single-spaced, '_' as a space. */
static char *
normalise (const char *text)
{
  g_autofree char *clean = factures_bank_clean_text (text, -1);
  g_autofree char *folded = g_utf8_normalize (clean, -1, G_NORMALIZE_NFD);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;
      if (c == '_' || c == '"')
        c = ' ';
      g_string_append_unichar (out, g_unichar_tolower (c));
    }
  return g_strstrip (g_string_free (out, FALSE));
}

static gboolean
parse_date (const char *text, const char *format, GDate *date)
{
  guint a = 0, b = 0, c = 0;
  g_autofree char *clean = factures_bank_clean_text (text, -1);
  guint day, month, year;
  char s1 = 0, s2 = 0;
  int consumed = 0;

  g_date_clear (date, 1);
  if (clean == NULL || clean[0] == '\0')
    return FALSE;
  if (sscanf (clean, "%u%c%u%c%u%n", &a, &s1, &b, &s2, &c, &consumed) != 5 || s1 != s2 ||
      (clean[consumed] != '\0' && clean[consumed] != ' ' && clean[consumed] != 'T'))
    return FALSE;
  if (g_strcmp0 (format, "%Y-%m-%d") == 0)
    year = a, month = b, day = c;
  else
    {
      day = a, month = b, year = c;
      if (g_strcmp0 (format, "%d/%m/%y") == 0 || year < 100)
        year += year > 60 ? 1900 : 2000;
    }
  if (year < 1900 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static gboolean
parse_amount (const char *text, gboolean decimal_comma, gint64 *cents)
{
  g_autofree char *clean = NULL;
  g_autofree char *spaced = NULL;
  GString *out;
  const char *p;

  if (text == NULL)
    return FALSE;
  /* NBSP and narrow NBSP as plain spaces; drop a currency mark ("€", "EUR"); a trailing
   * sign ("100,00-") moved in front. */
  spaced = factures_bank_clean_text (text, -1);
  out = g_string_new (NULL);
  for (p = spaced; *p != '\0'; p++)
    {
      if (g_str_has_prefix (p, "\xE2\x82\xAC"))
        {
          p += 2;
          continue;
        }
      if (g_ascii_strncasecmp (p, "EUR", 3) == 0)
        {
          p += 2;
          continue;
        }
      g_string_append_c (out, *p);
    }
  clean = g_strstrip (g_string_free (out, FALSE));
  if (clean[0] == '\0')
    return FALSE;
  if (g_str_has_suffix (clean, "-") && clean[0] != '-')
    {
      char *moved = g_strdup_printf ("-%.*s", (int) strlen (clean) - 1, clean);

      g_free (clean);
      clean = moved;
    }
  return factures_bank_parse_decimal (clean, decimal_comma ? ',' : '.', cents);
}

/* ---- recognising the columns ---- */

typedef struct
{
  const char *pattern; /* normalised header, exact or prefix with '*' */
  gint *slot;
} Rule;

static gboolean
header_matches (const char *header, const char *pattern)
{
  gsize n = strlen (pattern);

  if (n > 0 && pattern[n - 1] == '*')
    return strncmp (header, pattern, n - 1) == 0;
  return strcmp (header, pattern) == 0;
}

static gboolean
recognise_header (GPtrArray *row, FacturesBankCsvMapping *mapping)
{
  gint booking = -1, operation = -1, value = -1, amount = -1, debit = -1, credit = -1;
  gint label = -1, label_short = -1, counterparty = -1, reference = -1;
  gint currency = -1, account = -1;
  const Rule rules[] = {
    { "date comptable", &booking },
    { "date comptabilisation", &booking },
    { "date de comptabilisation", &booking },
    { "booking date", &booking },
    { "date completed*", &booking },
    { "date started*", &operation },
    { "dateop", &operation },
    { "date operation", &operation },
    { "date d'operation", &operation },
    { "date de l'operation", &operation },
    { "date de l\u2019operation", &operation },
    { "date", &operation },
    { "date de valeur", &value },
    { "date valeur", &value },
    { "dateval", &value },
    { "value date", &value },
    { "montant*", &amount },
    { "amount*", &amount },
    { "debit*", &debit },
    { "credit*", &credit },
    { "libelle operation", &label },
    { "libelle complet operation", &label },
    { "libelle", &label },
    { "label", &label },
    { "description", &label },
    { "details", &label },
    { "libelle simplifie", &label_short },
    { "partner name", &counterparty },
    { "payee", &counterparty },
    { "beneficiaire", &counterparty },
    { "tiers", &counterparty },
    { "payer", &counterparty },
    { "reference", &reference },
    { "payment reference", &reference },
    { "informations complementaires", &reference },
    { "detail de l'ecriture", &reference },
    { "detail de l\u2019ecriture", &reference },
    { "devise", &currency },
    { "currency", &currency },
    { "accountnum", &account },
    { "numero de compte", &account },
    { "iban", &account },
  };

  for (guint i = 0; i < row->len; i++)
    {
      g_autofree char *header = normalise (g_ptr_array_index (row, i));

      for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
        if (*rules[r].slot < 0 && header_matches (header, rules[r].pattern))
          {
            /* "Montant(FRANCS)" beside "Montant(EUROS)": the euros. */
            if (rules[r].slot == &amount && strstr (header, "franc") != NULL)
              continue;
            *rules[r].slot = (gint) i;
            break;
          }
    }
  if (booking < 0)
    booking = operation;
  if (label < 0)
    label = label_short;
  if (booking < 0 || (amount < 0 && (debit < 0 || credit < 0)))
    return FALSE;
  mapping->booking_date_column = booking;
  mapping->value_date_column = value;
  mapping->amount_column = amount >= 0 && (debit < 0 || credit < 0) ? amount : -1;
  mapping->debit_column = mapping->amount_column < 0 ? debit : -1;
  mapping->credit_column = mapping->amount_column < 0 ? credit : -1;
  mapping->label_column = label;
  mapping->counterparty_column = counterparty;
  mapping->reference_column = reference;
  mapping->currency_at = currency >= 0 ? (guint) currency + 1 : 0;
  mapping->account_at = account >= 0 ? (guint) account + 1 : 0;
  return TRUE;
}

static FacturesBankCsvMapping *
guess_from_rows (GPtrArray *rows, char separator)
{
  g_autoptr(FacturesBankCsvMapping) mapping = g_new0 (FacturesBankCsvMapping, 1);
  guint comma = 0, dot = 0, iso = 0, french = 0, short_year = 0;
  guint header = G_MAXUINT;

  mapping->separator = separator;
  memcpy (mapping->currency, "EUR", 4);
  for (guint i = 0; i < rows->len && i < 40; i++)
    if (recognise_header (g_ptr_array_index (rows, i), mapping))
      {
        header = i;
        break;
      }
  if (header == G_MAXUINT)
    return NULL;
  mapping->skip_lines = header + 1;

  for (guint i = header + 1; i < rows->len && i < header + 200; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i);
      const char *date = cell (row, mapping->booking_date_column);
      gint columns[] = { mapping->amount_column, mapping->debit_column, mapping->credit_column };

      if (date != NULL)
        {
          if (strlen (date) >= 10 && date[4] == '-')
            iso++;
          else if (strlen (date) == 8 && (date[2] == '/' || date[2] == '-' || date[2] == '.'))
            short_year++;
          else if (strlen (date) >= 10)
            french++;
        }
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          const char *amount = cell (row, columns[c]);
          const char *comma_at, *dot_at;

          if (amount == NULL)
            continue;
          comma_at = strrchr (amount, ',');
          dot_at = strrchr (amount, '.');
          if (comma_at != NULL && (dot_at == NULL || comma_at > dot_at))
            comma++;
          else if (dot_at != NULL)
            dot++;
        }
    }
  mapping->decimal_comma = comma > 0 ? comma >= dot : separator == ';';
  mapping->date_format = g_strdup (iso > french + short_year ? "%Y-%m-%d"
                                   : short_year > french     ? "%d/%m/%y"
                                                             : "%d/%m/%Y");
  return g_steal_pointer (&mapping);
}

/**
 * factures_bank_csv_guess_mapping:
 * @path: a CSV statement
 * @error: FACTURES_ERROR_INVALID when the file cannot be read or no header of the usual
 *   French layouts (a date column, and an amount or Débit and Crédit columns) is found in
 *   its first 40 lines
 *
 * Recognises the columns of a bank's CSV export: separator, decimal comma, date format,
 * header line, and which column holds what (LEGAL-2.md §6).  The account is left NULL and
 * the currency "EUR": the file rarely says them.
 *
 * Returns: (transfer full): the mapping, to show the user and remember per account
 */
FacturesBankCsvMapping *
factures_bank_csv_guess_mapping (const char *path, GError **error)
{
  g_autofree char *name = factures_bank_display_name (path);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) lines = NULL;
  FacturesBankCsvMapping *mapping;
  gsize length;
  char separator;

  text = read_text (path, name, &length, error);
  if (text == NULL)
    return NULL;
  separator = guess_separator (text);
  rows = split_rows (text, length, separator, &lines, error, name);
  if (rows == NULL)
    return NULL;
  mapping = guess_from_rows (rows, separator);
  if (mapping == NULL)
    g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                 _("%s: the columns cannot be recognised (no header with a date and an amount, "
                   "or Débit and Crédit, in the first lines); choose which column holds what"),
                 name);
  return mapping;
}

/* ---- reading ---- */

FacturesBankFile *
factures_bank_read_csv (const char *path,
                        const FacturesBankCsvMapping *mapping,
                        GCancellable *cancellable,
                        FacturesBankProgress progress,
                        gpointer progress_data,
                        GError **error)
{
  g_autofree char *name = factures_bank_display_name (path);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(FacturesBankCsvMapping) guessed = NULL;
  FacturesBankFile *file;
  FacturesBankStatement *statement;
  gsize length;

  text = read_text (path, name, &length, error);
  if (text == NULL)
    return NULL;
  if (mapping == NULL)
    {
      char separator = guess_separator (text);

      rows = split_rows (text, length, separator, &lines, error, name);
      if (rows == NULL)
        return NULL;
      guessed = guess_from_rows (rows, separator);
      if (guessed == NULL)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("%s: the columns cannot be recognised (no header with a date and an "
                         "amount, or Débit and Crédit, in the first lines); choose which column "
                         "holds what"),
                       name);
          return NULL;
        }
      mapping = guessed;
    }
  else
    {
      if (mapping->booking_date_column < 0 ||
          (mapping->amount_column < 0 && (mapping->debit_column < 0 || mapping->credit_column < 0)))
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("%s: the column mapping needs a date column and an amount column, or "
                         "Débit and Crédit columns"),
                       name);
          return NULL;
        }
      rows = split_rows (text, length, mapping->separator != 0 ? mapping->separator : ';', &lines,
                         error, name);
      if (rows == NULL)
        return NULL;
    }
  g_clear_pointer (&text, g_free);

  file = factures_bank_file_new (FACTURES_BANK_FORMAT_CSV);
  statement = factures_bank_statement_new (FACTURES_BANK_FORMAT_CSV);
  g_ptr_array_add (file->statements, statement);
  g_free (statement->account);
  statement->account = g_strdup (mapping->account != NULL ? mapping->account : "");
  /* A column holding the account (Boursorama's accountNum): the first row that fills it. */
  for (guint i = mapping->skip_lines; mapping->account_at > 0 && statement->account[0] == '\0' && i < rows->len; i++)
    {
      g_autofree char *value = factures_bank_clean_text (cell (g_ptr_array_index (rows, i), (gint) mapping->account_at - 1), -1);

      if (value != NULL && value[0] != '\0')
        {
          g_free (statement->account);
          statement->account = g_steal_pointer (&value);
        }
    }
  if (statement->account[0] == '\0')
    factures_bank_file_warn (file, _("%s: a CSV export does not say its account; choose it"),
                             name);
  memcpy (statement->currency, mapping->currency[0] != '\0' ? mapping->currency : "EUR", 4);

  for (guint i = mapping->skip_lines; i < rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i);
      guint line = g_array_index (lines, guint, i);
      FacturesBankTransaction *transaction;
      const char *date = cell (row, mapping->booking_date_column);
      GDate booking;
      gint64 amount = 0;
      gboolean empty = TRUE;

      for (guint c = 0; c < row->len && empty; c++)
        {
          const char *value = g_ptr_array_index (row, c);

          empty = value == NULL || value[strspn (value, " \t\r")] == '\0';
        }
      if (empty)
        continue;
      if ((i % 1024) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              factures_bank_file_free (file);
              return NULL;
            }
          if (progress != NULL)
            progress ((guint64) i * length / rows->len, length, progress_data);
        }
      if (mapping->currency_at > 0)
        {
          g_autofree char *currency = factures_bank_clean_text (cell (row, (gint) mapping->currency_at - 1), -1);

          if (currency != NULL && g_strcmp0 (currency, "\xE2\x82\xAC") == 0)
            g_free (currency), currency = g_strdup ("EUR");
          if (currency != NULL && currency[0] != '\0' && g_ascii_strcasecmp (currency, statement->currency) != 0)
            {
              g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("%s, line %u: the movement is in %s (column %u), not in %s; Factures "
                             "only imports accounts in euros"),
                           name, line, currency, mapping->currency_at, statement->currency);
              factures_bank_file_free (file);
              return NULL;
            }
        }
      if (!parse_date (date, mapping->date_format, &booking))
        {
          factures_bank_file_warn (file,
                                   _("%s, line %u: “%s” is not a date (column %d); the line is "
                                     "left out"),
                                   name, line, date != NULL ? date : "",
                                   mapping->booking_date_column + 1);
          continue;
        }
      if (mapping->amount_column >= 0)
        {
          if (!parse_amount (cell (row, mapping->amount_column), mapping->decimal_comma, &amount))
            {
              const char *value = cell (row, mapping->amount_column);

              g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("%s, line %u: “%s” is not an amount (column %d)"), name, line,
                           value != NULL ? value : "", mapping->amount_column + 1);
              factures_bank_file_free (file);
              return NULL;
            }
        }
      else
        {
          const char *debit = cell (row, mapping->debit_column);
          const char *credit = cell (row, mapping->credit_column);
          gint64 debit_cents = 0, credit_cents = 0;
          gboolean has_debit = debit != NULL && debit[strspn (debit, " ")] != '\0';
          gboolean has_credit = credit != NULL && credit[strspn (credit, " ")] != '\0';

          if ((has_debit && !parse_amount (debit, mapping->decimal_comma, &debit_cents)) ||
              (has_credit && !parse_amount (credit, mapping->decimal_comma, &credit_cents)) ||
              (!has_debit && !has_credit))
            {
              g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("%s, line %u: the Débit “%s” and Crédit “%s” (columns %d and %d) "
                             "give no amount"),
                           name, line, debit != NULL ? debit : "", credit != NULL ? credit : "",
                           mapping->debit_column + 1, mapping->credit_column + 1);
              factures_bank_file_free (file);
              return NULL;
            }
          amount = (credit_cents < 0 ? -credit_cents : credit_cents) -
                   (debit_cents < 0 ? -debit_cents : debit_cents);
        }

      transaction = factures_bank_transaction_new ();
      transaction->booking_date = booking;
      if (mapping->value_date_column >= 0)
        parse_date (cell (row, mapping->value_date_column), mapping->date_format,
                    &transaction->value_date);
      transaction->amount = amount;
      memcpy (transaction->currency, statement->currency, 4);
      transaction->label = factures_bank_clean_text (cell (row, mapping->label_column), -1);
      transaction->counterparty =
          factures_bank_clean_text (cell (row, mapping->counterparty_column), -1);
      if (transaction->counterparty != NULL && transaction->counterparty[0] == '\0')
        g_clear_pointer (&transaction->counterparty, g_free);
      transaction->reference = factures_bank_clean_text (cell (row, mapping->reference_column), -1);
      if (transaction->reference != NULL && transaction->reference[0] == '\0')
        g_clear_pointer (&transaction->reference, g_free);
      if (transaction->label == NULL || transaction->label[0] == '\0')
        {
          /* No label column (N26): the party and the reference say what it was. */
          g_free (transaction->label);
          transaction->label = g_strjoin (
              transaction->counterparty != NULL && transaction->reference != NULL ? " " : "",
              transaction->counterparty != NULL ? transaction->counterparty : "",
              transaction->reference != NULL ? transaction->reference : "", NULL);
        }
      transaction->source_line = line;
      if (!g_date_valid (&statement->start_date) ||
          g_date_compare (&booking, &statement->start_date) < 0)
        statement->start_date = booking;
      if (!g_date_valid (&statement->end_date) ||
          g_date_compare (&booking, &statement->end_date) > 0)
        statement->end_date = booking;
      g_ptr_array_add (statement->transactions, transaction);
    }
  if (statement->transactions->len == 0)
    factures_bank_file_warn (file, _("%s: the statement has no movement"), name);
  if (progress != NULL)
    progress (length, length, progress_data);
  return file;
}
