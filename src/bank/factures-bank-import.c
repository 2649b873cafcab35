/* factures-bank-import.c — a statement file into the store (see factures-bank-import.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "factures-bank-import.h"
#include "factures-bank-readers.h"
#include "factures-identifiers.h"

void
factures_bank_import_result_clear (FacturesBankImportResult *result)
{
  g_clear_pointer (&result->warnings, g_ptr_array_unref);
  memset (result, 0, sizeof *result);
}

/* ---- CSV mapping as text ---- */

#define MAPPING_GROUP "csv"

char *
factures_bank_csv_mapping_to_text (const FacturesBankCsvMapping *mapping)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  char separator[2] = { mapping->separator, '\0' };

  g_key_file_set_string (key_file, MAPPING_GROUP, "separator", separator[0] == '\t' ? "tab" : separator);
  g_key_file_set_boolean (key_file, MAPPING_GROUP, "decimal_comma", mapping->decimal_comma);
  g_key_file_set_string (key_file, MAPPING_GROUP, "date_format", mapping->date_format != NULL ? mapping->date_format : "%d/%m/%Y");
  g_key_file_set_integer (key_file, MAPPING_GROUP, "skip_lines", (gint) mapping->skip_lines);
  g_key_file_set_integer (key_file, MAPPING_GROUP, "booking_date", mapping->booking_date_column);
  g_key_file_set_integer (key_file, MAPPING_GROUP, "value_date", mapping->value_date_column);
  g_key_file_set_integer (key_file, MAPPING_GROUP, "amount", mapping->amount_column);
  g_key_file_set_integer (key_file, MAPPING_GROUP, "debit", mapping->debit_column);
  g_key_file_set_integer (key_file, MAPPING_GROUP, "credit", mapping->credit_column);
  g_key_file_set_integer (key_file, MAPPING_GROUP, "label", mapping->label_column);
  g_key_file_set_integer (key_file, MAPPING_GROUP, "counterparty", mapping->counterparty_column);
  g_key_file_set_integer (key_file, MAPPING_GROUP, "reference", mapping->reference_column);
  g_key_file_set_string (key_file, MAPPING_GROUP, "currency", *mapping->currency ? mapping->currency : "EUR");
  g_key_file_set_integer (key_file, MAPPING_GROUP, "currency_column", (gint) mapping->currency_at - 1);
  g_key_file_set_integer (key_file, MAPPING_GROUP, "account_column", (gint) mapping->account_at - 1);
  return g_key_file_to_data (key_file, NULL, NULL);
}

FacturesBankCsvMapping *
factures_bank_csv_mapping_from_text (const char *text)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *separator = NULL;
  g_autofree char *currency = NULL;
  FacturesBankCsvMapping *mapping;

  if (text == NULL || !g_key_file_load_from_data (key_file, text, -1, G_KEY_FILE_NONE, NULL)
      || !g_key_file_has_group (key_file, MAPPING_GROUP))
    return NULL;
  mapping = g_new0 (FacturesBankCsvMapping, 1);
  separator = g_key_file_get_string (key_file, MAPPING_GROUP, "separator", NULL);
  mapping->separator = separator == NULL ? ';' : g_strcmp0 (separator, "tab") == 0 ? '\t' : separator[0];
  mapping->decimal_comma = g_key_file_get_boolean (key_file, MAPPING_GROUP, "decimal_comma", NULL);
  mapping->date_format = g_key_file_get_string (key_file, MAPPING_GROUP, "date_format", NULL);
  if (mapping->date_format == NULL)
    mapping->date_format = g_strdup ("%d/%m/%Y");
  mapping->skip_lines = (guint) MAX (0, g_key_file_get_integer (key_file, MAPPING_GROUP, "skip_lines", NULL));
#define COLUMN(field, key) \
  mapping->field = g_key_file_has_key (key_file, MAPPING_GROUP, key, NULL) \
                   ? g_key_file_get_integer (key_file, MAPPING_GROUP, key, NULL) : -1
  COLUMN (booking_date_column, "booking_date");
  COLUMN (value_date_column, "value_date");
  COLUMN (amount_column, "amount");
  COLUMN (debit_column, "debit");
  COLUMN (credit_column, "credit");
  COLUMN (label_column, "label");
  COLUMN (counterparty_column, "counterparty");
  COLUMN (reference_column, "reference");
#undef COLUMN
  currency = g_key_file_get_string (key_file, MAPPING_GROUP, "currency", NULL);
  g_strlcpy (mapping->currency, currency != NULL ? currency : "EUR", sizeof mapping->currency);
  mapping->currency_at = (guint) MAX (0, g_key_file_get_integer (key_file, MAPPING_GROUP, "currency_column", NULL) + 1);
  mapping->account_at = (guint) MAX (0, g_key_file_get_integer (key_file, MAPPING_GROUP, "account_column", NULL) + 1);
  if (!g_key_file_has_key (key_file, MAPPING_GROUP, "currency_column", NULL))
    mapping->currency_at = 0;
  if (!g_key_file_has_key (key_file, MAPPING_GROUP, "account_column", NULL))
    mapping->account_at = 0;
  return mapping;
}

/* The keys of --csv-columns: the remembered mapping's keys ("date" for "booking_date"). */
static const struct {
  const char *name;
  const char *key;
  gboolean    column;
} column_keys[] = {
  { "date", "booking_date", TRUE },
  { "booking_date", "booking_date", TRUE },
  { "value_date", "value_date", TRUE },
  { "amount", "amount", TRUE },
  { "debit", "debit", TRUE },
  { "credit", "credit", TRUE },
  { "label", "label", TRUE },
  { "counterparty", "counterparty", TRUE },
  { "reference", "reference", TRUE },
  { "currency", "currency_column", TRUE },
  { "account", "account_column", TRUE },
  { "separator", "separator", FALSE },
  { "decimal_comma", "decimal_comma", FALSE },
  { "date_format", "date_format", FALSE },
  { "skip_lines", "skip_lines", FALSE },
};

/**
 * factures_bank_csv_mapping_parse_columns:
 * @text: "KEY=VALUE,…" as given to --csv-columns: the keys of the remembered mapping
 *   (factures_bank_csv_mapping_to_text()), columns counted from 1: date (or booking_date),
 *   value_date, amount, debit, credit, label, counterparty, reference, currency, account;
 *   and separator (";" "," or "tab", default ";"), decimal_comma (true/false, default true),
 *   date_format (default "%d/%m/%Y"), skip_lines (header lines, default 1)
 * @error: FACTURES_ERROR_INVALID, French, naming --csv-columns and the key: an unknown key, a
 *   column that is not a number from 1, no date column, no amount (or debit and credit) column
 *
 * Returns: (transfer full): the mapping, or NULL with @error
 */
FacturesBankCsvMapping *
factures_bank_csv_mapping_parse_columns (const char  *text,
                                         GError     **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ",", -1);
  g_autofree char *data = NULL;
  FacturesBankCsvMapping *mapping;

  g_key_file_set_string (key_file, MAPPING_GROUP, "separator", ";");
  g_key_file_set_boolean (key_file, MAPPING_GROUP, "decimal_comma", TRUE);
  g_key_file_set_string (key_file, MAPPING_GROUP, "date_format", "%d/%m/%Y");
  g_key_file_set_integer (key_file, MAPPING_GROUP, "skip_lines", 1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);
      char *equal = strchr (part, '=');
      const char *value;
      guint k;

      if (*part == '\0')
        continue;
      if (equal == NULL)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("--csv-columns: “%s” is not KEY=VALUE (e.g. date=1,amount=4,label=2)."), part);
          return NULL;
        }
      *equal = '\0';
      value = g_strstrip (equal + 1);
      g_strstrip (part);
      for (k = 0; k < G_N_ELEMENTS (column_keys); k++)
        if (g_ascii_strcasecmp (part, column_keys[k].name) == 0)
          break;
      if (k == G_N_ELEMENTS (column_keys))
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("--csv-columns: unknown key “%s” (date, value_date, amount, debit, credit, label, "
                         "counterparty, reference, currency, account, separator, decimal_comma, date_format, "
                         "skip_lines)."), part);
          return NULL;
        }
      if (column_keys[k].column || g_str_equal (column_keys[k].key, "skip_lines"))
        {
          guint64 n = 0;
          gboolean ok = *value != '\0' && strspn (value, "0123456789") == strlen (value)
                        && g_ascii_string_to_unsigned (value, 10, column_keys[k].column ? 1 : 0, 999, &n, NULL);

          if (!ok)
            {
              g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           column_keys[k].column ? _("--csv-columns: %s: “%s” is not a column number (counted from 1).")
                                                 : _("--csv-columns: %s: “%s” is not a number of lines."),
                           part, value);
              return NULL;
            }
          g_key_file_set_integer (key_file, MAPPING_GROUP, column_keys[k].key, column_keys[k].column ? (gint) n - 1 : (gint) n);
        }
      else if (g_str_equal (column_keys[k].key, "decimal_comma"))
        {
          if (g_strcmp0 (value, "true") != 0 && g_strcmp0 (value, "false") != 0)
            {
              g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("--csv-columns: decimal_comma: “%s” is neither true nor false."), value);
              return NULL;
            }
          g_key_file_set_boolean (key_file, MAPPING_GROUP, "decimal_comma", g_str_equal (value, "true"));
        }
      else if (g_str_equal (column_keys[k].key, "separator"))
        {
          if (g_strcmp0 (value, ";") != 0 && g_strcmp0 (value, "tab") != 0 && g_strcmp0 (value, "|") != 0)
            {
              g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("--csv-columns: separator: “%s” is not “;”, “|” or “tab” (a comma cannot be given "
                             "here)."), value);
              return NULL;
            }
          g_key_file_set_string (key_file, MAPPING_GROUP, "separator", value);
        }
      else
        g_key_file_set_string (key_file, MAPPING_GROUP, column_keys[k].key, value);
    }
  data = g_key_file_to_data (key_file, NULL, NULL);
  mapping = factures_bank_csv_mapping_from_text (data);
  if (mapping->booking_date_column < 0
      || (mapping->amount_column < 0 && (mapping->debit_column < 0 || mapping->credit_column < 0)))
    {
      factures_bank_csv_mapping_free (mapping);
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("--csv-columns: give the date column and the amount column (or debit and credit), "
                     "e.g. date=1,amount=4,label=2."));
      return NULL;
    }
  return mapping;
}

/* ---- import ---- */

/**
 * factures_bank_account_check:
 * @account: an account as the user typed it (an IBAN, or the bank's own account number)
 * @out: (out) (transfer full): the account to store: an IBAN compacted (no spaces, upper
 *   case), anything else as given, trimmed
 * @error: FACTURES_ERROR_INVALID, French, naming the IBAN (factures_iban_check()): text that looks like an IBAN
 *   (two letters, two digits, 15 characters or more) but fails the ISO 13616 check
 *
 * Returns: TRUE when @account may be used
 */
gboolean
factures_bank_account_check (const char  *account,
                             char       **out,
                             GError     **error)
{
  g_autofree char *compact = factures_identifier_compact (account != NULL ? account : "");
  const char *bare = compact;

  if (g_str_has_prefix (bare, "IBAN"))
    bare += bare[4] == ':' ? 5 : 4;
  if (strlen (bare) >= 15 && g_ascii_isalpha (bare[0]) && g_ascii_isalpha (bare[1])
      && g_ascii_isdigit (bare[2]) && g_ascii_isdigit (bare[3]))
    {
      g_autoptr(GError) local = NULL;
      g_autofree char *iban = NULL;

      if (!factures_iban_check (account, &iban, &local))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      *out = g_strdup (bare);
      return TRUE;
    }
  *out = g_strstrip (g_strdup (account != NULL ? account : ""));
  return TRUE;
}

typedef struct {
  FacturesBankImportProgress  progress;
  gpointer                    data;
  gdouble                     start;
  gdouble                     span;
} Progress;

static void
read_progress_cb (guint64  done,
                  guint64  total,
                  gpointer user_data)
{
  Progress *p = user_data;

  if (p->progress != NULL && total > 0)
    p->progress (p->start + p->span * (gdouble) done / (gdouble) total, p->data);
}

static void
store_progress_cb (guint    done,
                   guint    total,
                   gpointer user_data)
{
  Progress *p = user_data;

  if (p->progress != NULL && total > 0)
    p->progress (p->start + p->span * (gdouble) done / (gdouble) total, p->data);
}

static FacturesBankEntry *
entry_of (const FacturesBankTransaction *t)
{
  FacturesBankEntry *entry = factures_bank_entry_new ();

  entry->stable_id = g_strdup (t->id);
  entry->booking_date = t->booking_date;
  entry->value_date = t->value_date;
  entry->amount = t->amount;
  entry->label = g_strdup (t->label != NULL ? t->label : "");
  entry->counterparty = t->counterparty != NULL && *t->counterparty ? g_strdup (t->counterparty) : NULL;
  entry->reference = t->reference != NULL && *t->reference ? g_strdup (t->reference) : NULL;
  entry->kind = (gint) t->kind;
  return entry;
}

/* "relevé.ofx : " before a message that does not name the file yet. */
static void
prefix_file (GError     **error,
             const char  *path)
{
  g_autofree char *base = g_path_get_basename (path);

  if (error == NULL || *error == NULL || g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || strstr ((*error)->message, base) != NULL)
    return;
  g_prefix_error (error, _("%s: "), base);
}

gboolean
factures_bank_import_read (FacturesStore              *store,
                           const char                 *path,
                           FacturesBankFile           *file,
                           const char                 *account,
                           GCancellable               *cancellable,
                           FacturesBankImportProgress  progress,
                           gpointer                    progress_data,
                           FacturesBankImportResult   *out,
                           GError                    **error)
{
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_bank_import_account_free);
  g_autofree char *base = g_path_get_basename (path);
  Progress p = { progress, progress_data, 0.7, 0.3 };
  gboolean wanted_found = FALSE;

  g_return_val_if_fail (FACTURES_IS_STORE (store), FALSE);
  g_return_val_if_fail (file != NULL && out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  out->format = file->format;
  out->warnings = g_ptr_array_new_with_free_func (g_free);
  if (account != NULL && *account == '\0')
    account = NULL;
  {
    /* Trial 5 finding 14: the CSV reader's "does not say its account" is moot once the account
     * is given (--account, the window's choice): not repeated. */
    g_autofree char *name = factures_bank_display_name (path);
    g_autofree char *moot = account != NULL ? g_strdup_printf (_("%s: a CSV export does not say its account; choose it"),
                                                               name)
                                            : NULL;

    for (guint i = 0; file->warnings != NULL && i < file->warnings->len; i++)
      if (g_strcmp0 (g_ptr_array_index (file->warnings, i), moot) != 0)
        g_ptr_array_add (out->warnings, g_strdup (g_ptr_array_index (file->warnings, i)));
  }
  for (guint s = 0; s < file->statements->len; s++)
    {
      const FacturesBankStatement *statement = g_ptr_array_index (file->statements, s);
      const char *name = statement->account != NULL ? statement->account : "";
      FacturesBankImportAccount *target;

      if (account != NULL)
        {
          if (file->statements->len == 1)
            name = account;
          else if (g_strcmp0 (name, account) != 0)
            continue;
        }
      wanted_found = TRUE;
      /* A statement without movements adds nothing: no account needed (the reader has said
       * what it lacks; the Banque Populaire export with empty ACCTID, issue 16) */
      if (statement->transactions->len == 0)
        continue;
      if (*name == '\0')
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("%s: the statement does not say which account it is for; choose the account "
                         "(--account=…)."), base);
          return FALSE;
        }
      target = factures_bank_import_account_new (name, statement->currency);
      g_ptr_array_add (accounts, target);
      for (guint i = 0; i < statement->transactions->len; i++)
        g_ptr_array_add (target->entries, entry_of (g_ptr_array_index (statement->transactions, i)));
      out->n_read += statement->transactions->len;
    }
  if (account != NULL && !wanted_found)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("%s: the file holds no statement of the account %s."), base, account);
      return FALSE;
    }
  out->n_accounts = accounts->len;
  if (!factures_store_bank_import (store, accounts, cancellable, store_progress_cb, &p,
                                   &out->n_added, &out->n_skipped, error))
    {
      prefix_file (error, path);
      return FALSE;
    }
  if (out->n_read > 0 && out->n_added == 0)
    g_ptr_array_add (out->warnings,
                     g_strdup_printf (_("%s: every movement of this statement was already imported; nothing added."), base));
  else if (out->n_read == 0 && out->warnings->len == 0)
    g_ptr_array_add (out->warnings, g_strdup_printf (_("%s: the statement holds no movement."), base));
  return TRUE;
}

gboolean
factures_bank_import_file (FacturesStore                 *store,
                           const char                    *path,
                           const char                    *account,
                           const FacturesBankCsvMapping  *mapping,
                           GCancellable                  *cancellable,
                           FacturesBankImportProgress     progress,
                           gpointer                       progress_data,
                           FacturesBankImportResult      *out,
                           GError                       **error)
{
  g_autoptr(FacturesBankFile) file = NULL;
  g_autoptr(FacturesBankCsvMapping) remembered = NULL;
  g_autoptr(FacturesBankCsvMapping) chosen = NULL;
  g_autofree char *checked_account = NULL;
  Progress p = { progress, progress_data, 0.0, 0.7 };

  g_return_val_if_fail (FACTURES_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL && out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  if (account != NULL && *account == '\0')
    account = NULL;
  if (account != NULL)
    {
      if (!factures_bank_account_check (account, &checked_account, error))
        return FALSE;
      account = checked_account;
    }
  if (mapping != NULL)
    {
      chosen = factures_bank_csv_mapping_copy (mapping);
      if (account != NULL && (chosen->account == NULL || *chosen->account == '\0'))
        {
          g_free (chosen->account);
          chosen->account = g_strdup (account);
        }
    }
  else if (account != NULL)
    {
      g_autofree char *text = factures_store_bank_get_csv_mapping (store, account, error);

      if (text == NULL && error != NULL && *error != NULL)
        return FALSE;
      remembered = factures_bank_csv_mapping_from_text (text);
      if (remembered != NULL)
        {
          g_free (remembered->account);
          remembered->account = g_strdup (account);
        }
    }

  {
    /* A remembered mapping is for CSV files only: an OFX of the same account ignores it. */
    const FacturesBankCsvMapping *use = chosen != NULL ? chosen : NULL;

    if (use == NULL && remembered != NULL)
      {
        g_autoptr(GFile) gfile = g_file_new_for_path (path);
        g_autoptr(GFileInputStream) stream = g_file_read (gfile, NULL, NULL);
        guint8 head[4096];
        gssize n = stream != NULL ? g_input_stream_read (G_INPUT_STREAM (stream), head, sizeof head, NULL, NULL) : -1;

        if (n > 0 && factures_bank_detect_format (head, (gsize) n) == FACTURES_BANK_FORMAT_CSV)
          use = remembered;
      }
    file = factures_bank_read_file (path, use, cancellable, read_progress_cb, &p, error);
  }
  if (file == NULL)
    {
      prefix_file (error, path);
      return FALSE;
    }
  if (!factures_bank_import_read (store, path, file, account, cancellable, progress, progress_data, out, error))
    return FALSE;
  /* The mapping the user chose is remembered for the account (after the import succeeded: a
   * failed import changes nothing). */
  if (chosen != NULL && file->format == FACTURES_BANK_FORMAT_CSV && out->n_accounts == 1)
    {
      const FacturesBankStatement *statement = g_ptr_array_index (file->statements, 0);
      g_autofree char *text = factures_bank_csv_mapping_to_text (chosen);
      g_autoptr(GError) local = NULL;

      if (!factures_store_bank_set_csv_mapping (store, account != NULL ? account : statement->account, text, &local))
        g_ptr_array_add (out->warnings, g_strdup (local->message));
    }
  return TRUE;
}
