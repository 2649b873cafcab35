/* factures-bank-cfonb.c — the CFONB 120 relevé de compte (LEGAL-2.md §7)
 *
 * Fixed 120-character records, line breaks optional: 01 ancien solde (opens a statement),
 * 04 opération, 05 complément of the operation before it, 07 nouveau solde (closes it).
 * Positions are 1-based as in the norm; amounts are 13 digits and a last character carrying
 * the sign ({ A–I positive 0–9, } J–R negative 0–9) divided by 10^(position 20).  Latin-1 or
 * UTF-8: records are counted in characters, not bytes.
 *
 * Strict where a wrong read would record a wrong payment (record length, amounts, dates,
 * record order); lenient on what the norm's users leave blank (the numéro d'écriture of
 * silarhi's non-strict file), with a warning.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "factures-bank-readers.h"

#define RECORD 120

/* @record's characters from 1-based position @from, @length of them, as trimmed UTF-8. */
static char *
field (const gunichar *record, guint from, guint length)
{
  g_autofree char *utf8 = g_ucs4_to_utf8 (record + from - 1, length, NULL, NULL, NULL);

  return factures_bank_clean_text (utf8 != NULL ? utf8 : "", -1);
}

static gboolean
field_date (const gunichar *record, guint from, GDate *date)
{
  guint digits[6];
  guint year, month, day;

  g_date_clear (date, 1);
  for (guint i = 0; i < 6; i++)
    {
      gunichar c = record[from - 1 + i];

      if (c < '0' || c > '9')
        return FALSE;
      digits[i] = c - '0';
    }
  day = digits[0] * 10 + digits[1];
  month = digits[2] * 10 + digits[3];
  year = digits[4] * 10 + digits[5];
  year += year > 60 ? 1900 : 2000;
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/* Positions 91–104 with the decimals of position 20, in cents. */
static gboolean
field_amount (const gunichar *record, gint64 *cents)
{
  static const char positive[] = "{ABCDEFGHI";
  static const char negative[] = "}JKLMNOPQR";
  gunichar decimals_char = record[19];
  gunichar last = record[103];
  const char *hit;
  guint64 value = 0;
  guint decimals;
  gboolean minus;

  if (decimals_char < '0' || decimals_char > '9')
    return FALSE;
  decimals = decimals_char - '0';
  for (guint i = 90; i < 103; i++)
    {
      if (record[i] < '0' || record[i] > '9')
        return FALSE;
      value = value * 10 + (record[i] - '0');
    }
  if (last == 0 || last > 0x7f)
    return FALSE;
  if ((hit = strchr (positive, (char) last)) != NULL)
    minus = FALSE;
  else if ((hit = strchr (negative, (char) last)) != NULL)
    minus = TRUE;
  else
    return FALSE;
  value = value * 10 + (guint64) (minus ? hit - negative : hit - positive);

  /* 14 digits always fit; to cents. */
  if (decimals < 2)
    for (guint i = decimals; i < 2; i++)
      value *= 10;
  else if (decimals > 2)
    {
      guint64 divisor = 1;

      for (guint i = 2; i < decimals; i++)
        divisor *= 10;
      value = (value + divisor / 2) / divisor;
    }
  *cents = minus ? -(gint64) value : (gint64) value;
  return TRUE;
}

static char *
account_of (const gunichar *record)
{
  g_autofree char *bank = field (record, 3, 5);
  g_autofree char *desk = field (record, 12, 5);
  g_autofree char *number = field (record, 22, 11);

  return g_strdup_printf ("%s %s %s", bank, desk, number);
}

static gboolean
refuse (GError **error, const char *name, guint line, const char *why)
{
  g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID, _("%s, line %u: %s"), name, line,
               why);
  return FALSE;
}

typedef struct
{
  const char *name;
  FacturesBankFile *file;
  FacturesBankStatement *statement;     /* open (after its 01, before its 07) */
  FacturesBankTransaction *transaction; /* the last 04, for its 05 */
  GString *label;
  gboolean warned_blank_number;
} Reading;

static void
finish_transaction (Reading *reading)
{
  if (reading->transaction == NULL)
    return;
  g_free (reading->transaction->label);
  reading->transaction->label = factures_bank_clean_text (reading->label->str, -1);
  if (reading->transaction->kind == FACTURES_BANK_KIND_OTHER)
    reading->transaction->kind = factures_bank_kind_from_label (reading->transaction->label);
  reading->transaction = NULL;
}

static void
append_to (char **slot, const char *text)
{
  char *joined;

  if (text == NULL || text[0] == '\0')
    return;
  joined = *slot != NULL ? g_strconcat (*slot, " ", text, NULL) : g_strdup (text);
  g_free (*slot);
  *slot = joined;
}

static gboolean
read_record (Reading *reading, const gunichar *record, guint line, GError **error)
{
  char code[3] = { (char) record[0], (char) record[1], '\0' };

  if (strcmp (code, "01") == 0)
    {
      FacturesBankStatement *statement;
      g_autofree char *currency = field (record, 17, 3);

      if (reading->statement != NULL)
        return refuse (error, reading->name, line,
                       _("a new statement (record 01) starts before the previous one is closed "
                         "(record 07)"));
      statement = factures_bank_statement_new (FACTURES_BANK_FORMAT_CFONB120);
      g_ptr_array_add (reading->file->statements, statement);
      g_free (statement->account);
      statement->account = account_of (record);
      if (strlen (currency) == 3)
        memcpy (statement->currency, currency, 4);
      else
        memcpy (statement->currency, "XXX", 4);
      if (!field_amount (record, &statement->opening_balance))
        return refuse (error, reading->name, line,
                       _("the old balance (positions 91–104) is not a CFONB amount"));
      statement->has_opening_balance = TRUE;
      field_date (record, 35, &statement->start_date);
      reading->statement = statement;
      return TRUE;
    }

  if (strcmp (code, "04") == 0)
    {
      FacturesBankTransaction *transaction;
      g_autofree char *label = NULL;
      g_autofree char *number = field (record, 82, 7);
      g_autofree char *currency = field (record, 17, 3);

      finish_transaction (reading);
      if (reading->statement == NULL)
        return refuse (error, reading->name, line,
                       _("an operation (record 04) outside a statement (no record 01 before "
                         "it)"));
      transaction = factures_bank_transaction_new ();
      if (!field_date (record, 35, &transaction->booking_date))
        {
          factures_bank_transaction_free (transaction);
          return refuse (error, reading->name, line,
                         _("the booking date (positions 35–40) is not a date DDMMYY"));
        }
      field_date (record, 43, &transaction->value_date);
      if (!field_amount (record, &transaction->amount))
        {
          factures_bank_transaction_free (transaction);
          return refuse (error, reading->name, line,
                         _("the amount (positions 91–104) is not a CFONB amount"));
        }
      if (number[0] == '\0' && !reading->warned_blank_number)
        {
          reading->warned_blank_number = TRUE;
          factures_bank_file_warn (reading->file,
                                   _("%s, line %u: the entry number (positions 82–88) is blank, "
                                     "which the norm does not allow; the file is read anyway"),
                                   reading->name, line);
        }
      memcpy (transaction->currency,
              strlen (currency) == 3 ? currency : reading->statement->currency, 4);
      label = field (record, 49, 31);
      g_string_assign (reading->label, label);
      transaction->reference = field (record, 105, 16);
      if (transaction->reference[0] == '\0')
        g_clear_pointer (&transaction->reference, g_free);
      transaction->source_line = line;
      g_ptr_array_add (reading->statement->transactions, transaction);
      reading->transaction = transaction;
      return TRUE;
    }

  if (strcmp (code, "05") == 0)
    {
      g_autofree char *qualifier = field (record, 46, 3);
      g_autofree char *text = field (record, 49, 70);

      if (reading->transaction == NULL)
        return refuse (error, reading->name, line,
                       _("a complement (record 05) without the operation (record 04) it "
                         "completes"));
      if (strcmp (qualifier, "LIB") == 0)
        {
          if (reading->label->len > 0 && text[0] != '\0')
            g_string_append_c (reading->label, ' ');
          g_string_append (reading->label, text);
        }
      else if (strcmp (qualifier, "REF") == 0 || strcmp (qualifier, "RCN") == 0)
        append_to (&reading->transaction->reference, text);
      else if ((strcmp (qualifier, "NPY") == 0 && reading->transaction->amount > 0) ||
               (strcmp (qualifier, "NBE") == 0 && reading->transaction->amount < 0))
        {
          if (reading->transaction->counterparty == NULL && text[0] != '\0')
            reading->transaction->counterparty = g_strdup (text);
        }
      return TRUE;
    }

  if (strcmp (code, "07") == 0)
    {
      g_autofree char *account = account_of (record);
      g_autofree char *number = field (record, 22, 11);
      g_autofree char *open_number = NULL;

      finish_transaction (reading);
      if (reading->statement == NULL)
        return refuse (error, reading->name, line,
                       _("a closing balance (record 07) without its statement (record 01)"));
      open_number = g_strdup (strrchr (reading->statement->account, ' ') + 1);
      if (strcmp (number, open_number) != 0)
        return refuse (error, reading->name, line,
                       _("the closing balance (record 07) is not for the account of the "
                         "statement it closes"));
      if (!field_amount (record, &reading->statement->closing_balance))
        return refuse (error, reading->name, line,
                       _("the new balance (positions 91–104) is not a CFONB amount"));
      reading->statement->has_closing_balance = TRUE;
      field_date (record, 35, &reading->statement->end_date);
      reading->statement = NULL;
      return TRUE;
    }

  {
    g_autofree char *why = g_strdup_printf (_("unknown record code “%s” (01, 04, 05 or 07 "
                                              "expected)"),
                                            code);

    return refuse (error, reading->name, line, why);
  }
}

FacturesBankFile *
factures_bank_read_cfonb (const char *path,
                          GCancellable *cancellable,
                          FacturesBankProgress progress,
                          gpointer progress_data,
                          GError **error)
{
  g_autofree char *name = factures_bank_display_name (path);
  g_autofree char *contents = NULL;
  g_autofree char *utf8 = NULL;
  g_autofree gunichar *text = NULL;
  glong n_chars = 0;
  gsize length = 0;
  GError *local_error = NULL;
  Reading reading = { 0 };
  glong start = 0;
  guint line = 0;
  gboolean broken_lines;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("%s: the file cannot be read (%s)"), name, local_error->message);
      g_error_free (local_error);
      return NULL;
    }
  if (g_utf8_validate (contents, length, NULL))
    utf8 = g_steal_pointer (&contents);
  else
    {
      utf8 = g_convert (contents, length, "UTF-8", "ISO-8859-15", NULL, NULL, NULL);
      if (utf8 == NULL)
        utf8 = g_convert (contents, length, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
    }
  if (utf8 == NULL || (text = g_utf8_to_ucs4_fast (utf8, -1, &n_chars)) == NULL)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("%s: the text is neither UTF-8 nor Latin-1"), name);
      return NULL;
    }
  g_clear_pointer (&utf8, g_free);
  g_clear_pointer (&contents, g_free);
  broken_lines = FALSE;
  for (glong i = 0; i < n_chars && !broken_lines; i++)
    broken_lines = text[i] == '\n';

  reading.name = name;
  reading.file = factures_bank_file_new (FACTURES_BANK_FORMAT_CFONB120);
  reading.label = g_string_new (NULL);

  while (start < n_chars)
    {
      glong end, stop;

      line++;
      if (broken_lines)
        {
          for (end = start; end < n_chars && text[end] != '\n'; end++)
            ;
          stop = end;
          if (stop > start && text[stop - 1] == '\r')
            stop--;
          end++;
        }
      else
        {
          stop = MIN (start + RECORD, n_chars);
          end = stop;
        }
      /* Blank lines between records (pennylane's example) and a trailing end-of-file mark. */
      if (stop == start || (stop - start == 1 && text[start] == 0x1a))
        {
          start = end;
          continue;
        }
      if (stop - start != RECORD)
        {
          g_autofree char *why = g_strdup_printf (_("the record has %ld characters; a CFONB 120 "
                                                    "record has 120"),
                                                  (long) (stop - start));

          refuse (error, name, line, why);
          goto fail;
        }
      if (!read_record (&reading, text + start, line, error))
        goto fail;
      start = end;

      if ((line % 512) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            goto fail;
          if (progress != NULL)
            progress ((guint64) start * length / MAX (n_chars, 1), length, progress_data);
        }
    }
  finish_transaction (&reading);
  if (reading.statement != NULL)
    {
      refuse (error, name, line,
              _("the file ends before the statement’s closing balance "
                "(record 07); it is truncated"));
      goto fail;
    }
  if (reading.file->statements->len == 0)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("%s: the file holds no statement (record 01)"), name);
      goto fail;
    }
  /* Daily statements without movement are routine in CFONB: no warning for them. */
  g_string_free (reading.label, TRUE);
  if (progress != NULL)
    progress (length, length, progress_data);
  return reading.file;

fail:
  g_string_free (reading.label, TRUE);
  factures_bank_file_free (reading.file);
  return NULL;
}
