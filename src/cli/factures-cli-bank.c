/* factures-cli-bank.c — --import-statement, --account, --match, --confirm-matches
 * (see factures-cli-bank.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n.h>

#include "factures-bank-import.h"
#include "factures-bank-match.h"
#include "factures-cli.h"
#include "factures-cli-bank.h"

static const GOptionEntry entries[] = {
  { "import-statement", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import the bank statement FILE (OFX, CAMT.053, CFONB 120 or CSV; EUR accounts only; movements "
       "already imported are skipped) and print: added, skipped, read (tab separated)"), N_("FILE") },
  { "account", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The bank account of --import-statement, for a CSV that does not say it: an IBAN (checked) or "
       "the bank's account number. A statement whose movements were already imported under another "
       "account is refused"), N_("ACCOUNT") },
  { "csv-columns", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The columns of a CSV --import-statement, counted from 1, for a layout Factures does not "
       "recognise (remembered for the account): date, amount (or debit and credit), and optionally "
       "value_date, label, counterparty, reference, currency, account, skip_lines (header lines, 1), "
       "separator (; | tab), decimal_comma (true), date_format (%d/%m/%Y); e.g. date=1,amount=4,label=2"),
    N_("KEY=N,…") },
  { "match", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print each bank credit not yet matched with its best suggestion: movement id, date, amount in "
       "cents, label, confidence, invoices, reason (tab separated). The confidence is a stable machine "
       "word, not translated: sure, likely, possible or none. With --confirm-matches, the matches are "
       "confirmed first and --match then prints the credits still waiting"), NULL },
  { "confirm-matches", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Record the payments of the suggested matches: “sure” for every sure one, or movement ids "
       "separated by commas; prints movement id, invoices, amount in cents"), N_("sure|ID,…") },
  { NULL }
};

void
factures_cli_bank_add_options (GApplication *application)
{
  g_application_add_main_option_entries (application, entries);
}

gboolean
factures_cli_bank_wanted (GVariantDict *options)
{
  return g_variant_dict_contains (options, "import-statement") || g_variant_dict_contains (options, "match")
         || g_variant_dict_contains (options, "account") || g_variant_dict_contains (options, "csv-columns")
         || g_variant_dict_contains (options, "confirm-matches");
}

static int
fail (const char *message)
{
  g_printerr (_("factures: %s\n"), message);
  return 1;
}

/* Tabs and line breaks would break the TSV: print them as spaces. */
static char *
tsv_field (const char *text)
{
  char *copy = g_strdup (text != NULL ? text : "");

  for (char *p = copy; *p; p++)
    if (*p == '\t' || *p == '\n' || *p == '\r')
      *p = ' ';
  return copy;
}

static const char *
confidence_key (const FacturesBankSuggestion *suggestion)
{
  switch (suggestion != NULL ? suggestion->confidence : FACTURES_BANK_CONFIDENCE_NONE)
    {
    case FACTURES_BANK_CONFIDENCE_SURE:
      return "sure";
    case FACTURES_BANK_CONFIDENCE_LIKELY:
      return "likely";
    case FACTURES_BANK_CONFIDENCE_POSSIBLE:
      return "possible";
    case FACTURES_BANK_CONFIDENCE_NONE:
    default:
      return "none";
    }
}

/* The database must exist: an import never leaves a new empty database behind. */
static FacturesStore *
open_for_writing (const char *database,
                  int        *status)
{
  g_autofree char *default_path = NULL;
  const char *path = database != NULL ? database : (default_path = factures_store_default_path ());

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot open the database “%s”: there is no such file."), path);

      *status = fail (message);
      return NULL;
    }
  return factures_cli_open_store (database, TRUE, status);
}

static int
import_statement (FacturesStore                *store,
                  const char                   *path,
                  const char                   *account,
                  const FacturesBankCsvMapping *mapping)
{
  g_autoptr(GError) error = NULL;
  FacturesBankImportResult result = { 0 };
  int status = 0;

  if (!factures_bank_import_file (store, path, account, mapping, NULL, NULL, NULL, &result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Import of “%s” failed: %s"), path, error->message);

      factures_bank_import_result_clear (&result);
      return fail (message);
    }
  for (guint i = 0; i < result.warnings->len; i++)
    g_printerr (_("factures: %s\n"), (const char *) g_ptr_array_index (result.warnings, i));
  g_print ("%u\t%u\t%u\n", result.n_added, result.n_skipped, result.n_read);
  factures_bank_import_result_clear (&result);
  return status;
}

static int
match (FacturesStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pending = factures_bank_match_pending (store, &error);

  if (pending == NULL)
    return fail (error->message);
  for (guint i = 0; i < pending->len; i++)
    {
      const FacturesBankMatch *m = g_ptr_array_index (pending, i);
      g_autofree char *date = factures_date_format_iso (&m->entry->booking_date);
      g_autofree char *label = tsv_field (m->entry->label);
      g_autofree char *numbers = tsv_field (m->best != NULL ? m->best->numbers : "");
      g_autofree char *reason = tsv_field (m->best != NULL ? m->best->reason : _("No open invoice fits."));

      g_print ("%" G_GINT64_FORMAT "\t%s\t%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\n", m->entry->id, date,
               m->entry->amount, label, confidence_key (m->best), numbers, reason);
    }
  return 0;
}

/* The movements to confirm (FacturesBankMatch*, borrowed from @pending), all checked first. */
static GPtrArray *
choose (GPtrArray   *pending,
        const char  *what,
        GError     **error)
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_autoptr(GHashTable) documents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gboolean sure = g_strcmp0 (what, "sure") == 0;
  g_auto(GStrv) ids = sure ? NULL : g_strsplit (what, ",", -1);

  if (sure)
    {
      for (guint i = 0; i < pending->len; i++)
        {
          FacturesBankMatch *m = g_ptr_array_index (pending, i);

          if (m->best != NULL && m->best->confidence == FACTURES_BANK_CONFIDENCE_SURE)
            g_ptr_array_add (chosen, m);
        }
    }
  else
    {
      for (guint k = 0; ids[k] != NULL; k++)
        {
          const char *text = g_strstrip (ids[k]);
          FacturesBankMatch *found = NULL;
          gint64 id;

          if (*text == '\0' || strspn (text, "0123456789") != strlen (text))
            {
              g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("--confirm-matches: “%s” is neither “sure” nor a movement id (see --match)."), text);
              return NULL;
            }
          id = g_ascii_strtoll (text, NULL, 10);
          for (guint i = 0; i < pending->len && found == NULL; i++)
            if (((FacturesBankMatch *) g_ptr_array_index (pending, i))->entry->id == id)
              found = g_ptr_array_index (pending, i);
          if (found == NULL)
            {
              g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("--confirm-matches: movement %s is not waiting for a match (see --match)."), text);
              return NULL;
            }
          if (found->best == NULL)
            {
              g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("--confirm-matches: nothing is suggested for movement %s."), text);
              return NULL;
            }
          g_ptr_array_add (chosen, found);
        }
    }

  /* Two movements paying the same invoice: the second is left for the user to look at. */
  for (guint i = 0; i < chosen->len; i++)
    {
      FacturesBankMatch *m = g_ptr_array_index (chosen, i);
      gboolean clash = FALSE;

      for (guint a = 0; a < m->best->allocations->len && !clash; a++)
        clash = g_hash_table_contains (documents, &g_array_index (m->best->allocations, FacturesAllocation, a).document_id);
      if (clash && !sure)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, m->entry->id);

          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("--confirm-matches: movement %s would pay %s again; confirm one movement per invoice."),
                       id, m->best->numbers);
          return NULL;
        }
      if (clash)
        {
          g_printerr (_("factures: %s\n"), _("A sure match left aside: another movement pays the same invoice."));
          g_ptr_array_remove_index (chosen, i--);
          continue;
        }
      for (guint a = 0; a < m->best->allocations->len; a++)
        g_hash_table_add (documents, g_memdup2 (&g_array_index (m->best->allocations, FacturesAllocation, a).document_id,
                                                sizeof (gint64)));
    }
  return g_steal_pointer (&chosen);
}

static int
confirm (FacturesStore *store,
         const char    *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pending = factures_bank_match_pending (store, &error);
  g_autoptr(GPtrArray) chosen = NULL;
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);   /* NULL: the next is for stdout */

  if (pending == NULL)
    return fail (error->message);
  chosen = choose (pending, what, &error);
  if (chosen == NULL)
    return fail (error->message);
  /* All or nothing: a movement refused in the middle of the list undoes the ones before it. */
  if (!factures_store_begin_all_or_nothing (store, &error))
    return fail (error->message);
  for (guint i = 0; i < chosen->len; i++)
    {
      const FacturesBankMatch *m = g_ptr_array_index (chosen, i);
      g_autoptr(GPtrArray) warnings = NULL;

      if (!factures_bank_confirm (store, m->entry, m->best, &warnings, &error))
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, m->entry->id);
          g_autofree char *message = NULL;

          factures_store_end_all_or_nothing (store, FALSE, NULL);
          if (chosen->len > 1)
            /* Translators: %s: the movement id, %s: its bank label, %s: why it was refused */
            message = g_strdup_printf (_("Movement %s (%s): %s Nothing was recorded: no movement of the list "
                                         "is confirmed."), id, m->entry->label, error->message);
          else
            message = g_strdup_printf (_("Movement %s (%s): %s"), id, m->entry->label, error->message);
          return fail (message);
        }
      for (guint w = 0; warnings != NULL && w < warnings->len; w++)
        g_ptr_array_add (messages, g_strdup (g_ptr_array_index (warnings, w)));
      g_ptr_array_add (messages, NULL);   /* (a line of stdout follows) */
      g_ptr_array_add (messages, g_strdup_printf ("%" G_GINT64_FORMAT "\t%s\t%" G_GINT64_FORMAT, m->entry->id,
                                                  m->best->numbers, m->best->amount));
    }
  if (!factures_store_end_all_or_nothing (store, TRUE, &error))
    return fail (error->message);
  /* Said once everything is kept: the warnings on stderr, the confirmed lines on stdout. */
  for (guint i = 0; i < messages->len; i++)
    {
      if (g_ptr_array_index (messages, i) == NULL)
        g_print ("%s\n", (const char *) g_ptr_array_index (messages, ++i));
      else
        g_printerr (_("factures: %s\n"), (const char *) g_ptr_array_index (messages, i));
    }
  return 0;
}

int
factures_cli_bank_run (const char   *database,
                       GVariantDict *options)
{
  g_autoptr(FacturesStore) store = NULL;
  const char *file = NULL;
  const char *account = NULL;
  const char *confirm_what = NULL;
  const char *columns = NULL;
  g_autofree char *checked_account = NULL;
  g_autoptr(FacturesBankCsvMapping) mapping = NULL;
  gboolean do_match = FALSE;
  int status = 0;

  g_variant_dict_lookup (options, "import-statement", "^&ay", &file);
  g_variant_dict_lookup (options, "account", "&s", &account);
  g_variant_dict_lookup (options, "match", "b", &do_match);
  g_variant_dict_lookup (options, "confirm-matches", "&s", &confirm_what);

  g_variant_dict_lookup (options, "csv-columns", "&s", &columns);

  if (account != NULL && file == NULL)
    return fail (_("--account goes with --import-statement=FILE."));
  if (columns != NULL && file == NULL)
    return fail (_("--csv-columns goes with --import-statement=FILE."));
  if (account != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (account[strspn (account, " \t")] == '\0')
        return fail (_("--account: the account is empty."));
      if (!factures_bank_account_check (account, &checked_account, &error))
        {
          g_autofree char *message = g_strdup_printf ("--account: %s", error->message);

          return fail (message);
        }
      account = checked_account;
    }
  if (columns != NULL)
    {
      g_autoptr(GError) error = NULL;

      mapping = factures_bank_csv_mapping_parse_columns (columns, &error);
      if (mapping == NULL)
        return fail (error->message);
    }
  if (confirm_what != NULL && confirm_what[strspn (confirm_what, " \t,")] == '\0')
    return fail (_("--confirm-matches: give “sure” or movement ids separated by commas (see --match)."));
  if (file != NULL)
    {
      store = open_for_writing (database, &status);
      if (store == NULL)
        return status;
      status = import_statement (store, file, account, mapping);
      if (status != 0)
        return status;
    }
  if (confirm_what != NULL)
    {
      if (store == NULL)
        store = open_for_writing (database, &status);
      if (store == NULL)
        return status;
      status = confirm (store, confirm_what);
      if (status != 0)
        return status;
    }
  if (do_match)
    {
      if (store == NULL)
        store = factures_cli_open_store (database, FALSE, &status);
      if (store == NULL)
        return status;
      status = match (store);
    }
  return status;
}
