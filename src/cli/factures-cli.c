/* factures-cli.c — the command-line options (no window opens)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "factures-cli.h"
#include "factures-cli-ereporting.h"
#include "factures-cli-mail.h"
#include "factures-cli-pa.h"
#include "factures-cli-payments.h"
#include "factures-cli-bank.h"
#include "factures-cli-des.h"
#include "factures-cli-facturx.h"
#include "factures-cli-receipts.h"
#include "factures-cli-urssaf.h"
#include "factures-cli-verify.h"
#include "factures-cli-actions.h"
#include "factures-logo.h"
#include "factures-pdf.h"
#include "factures-rows.h"
#include "factures-store.h"
#include "factures-store-recurring.h"

static const GOptionEntry entries[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the database at PATH instead of the default one"), N_("PATH") },
  { "export-pdf", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the PDF of the document NUMBER (or of the draft with that id, or of the imported invoice NUMBER) "
       "to the --output file"), N_("NUMBER") },
  { "output", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("File written by --export-pdf, --export-facturx, --receipts or --des (CSV)"), N_("FILE") },
  { "list-overdue", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the overdue invoices: number, client, due date, days late, balance in cents, next dunning step and its date (tab separated)"), NULL },
  { "export-json", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export every table to a JSON FILE"), N_("FILE") },
  { "import-json", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import a JSON FILE (all or nothing)"), N_("FILE") },
  { "backup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Copy the database to FILE (SQLite online backup)"), N_("FILE") },
  { "verify", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Check the database and its hash chain; name the first broken document"), NULL },
  { "run-recurring", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Create the recurring invoices due up to today (FACTURES_TODAY) and print what was done"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version of Factures and exit"), NULL },
  { "view", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, NULL,
    N_("Open the window on VIEW: overdue, documents or clients"), N_("VIEW") },
  { NULL }
};

void
factures_cli_add_options (GApplication *application)
{
  g_application_add_main_option_entries (application, entries);
  factures_cli_ereporting_add_options (application);
  factures_cli_mail_add_options (application);
  factures_cli_pa_add_options (application);
  factures_cli_payments_add_options (application);
  factures_cli_facturx_add_options (application);
  factures_cli_receipts_add_options (application);
  factures_cli_urssaf_add_options (application);
  factures_cli_verify_add_options (application);
  factures_cli_actions_add_options (application);
  factures_cli_bank_add_options (application);
  factures_cli_des_add_options (application);
  g_application_set_option_context_summary (application,
                                             _("Invoices for French micro-entrepreneurs. "
                                               "With one of the options below, no window opens."));
}

static int
fail (const char *message)
{
  g_printerr (_("factures: %s\n"), message);
  return 1;
}

/* Said once, the first time a statement has waited for another process's lock. */
static void
busy_waiting_cb (FacturesStore *store,
                 gpointer       user_data)
{
  g_printerr (_("factures: %s\n"), _("Another process is using the database; waiting up to 30 s…"));
}

/**
 * factures_cli_open_store:
 * (see factures-cli.h)
 */
FacturesStore *
factures_cli_open_store (const char *database,
                         gboolean    write,
                         int        *status)
{
  g_autofree char *default_path = NULL;
  g_autoptr (GError) error = NULL;
  FacturesStore *store;

  if (database == NULL)
    database = default_path = factures_store_default_path ();
  store = factures_store_open_full (database,
                                    write ? FACTURES_STORE_OPEN_CREATE : FACTURES_STORE_OPEN_EXISTING,
                                    30000, busy_waiting_cb, NULL, &error);
  if (store == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot open the database “%s”: %s"),
                                                  database, error->message);

      *status = fail (message);
    }
  return store;
}

FacturesStore *
factures_cli_open_store_existing (const char *database,
                                  int        *status)
{
  g_autofree char *default_path = NULL;

  if (database == NULL)
    database = default_path = factures_store_default_path ();
  /* A file that is not there: the read-only open says so in the words every command uses. */
  if (!g_file_test (database, G_FILE_TEST_EXISTS))
    return factures_cli_open_store (database, FALSE, status);
  return factures_cli_open_store (database, TRUE, status);
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

static void
append_tsv (GString    *out,
            const char *text)
{
  for (const char *p = text != NULL ? text : ""; *p; p++)
    g_string_append_c (out, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
}

static void
overdue_line (const FacturesOverdueLine *line,
              gpointer                   user_data)
{
  GString *out = user_data;

  append_tsv (out, line->number);
  g_string_append_c (out, '\t');
  append_tsv (out, line->client_name);
  g_string_append_c (out, '\t');
  append_tsv (out, line->due_date);
  g_string_append_printf (out, "\t%d\t%" G_GINT64_FORMAT "\t", line->days_late, line->balance);
  /* issue 4: the next dunning step and its date (kept in the summary, migration 0012) */
  append_tsv (out, line->next_step_key);
  g_string_append_c (out, '\t');
  append_tsv (out, line->next_step_date);
  /* issue 13: the balance's currency (BT-5), last so that the columns before keep their place */
  g_string_append_c (out, '\t');
  append_tsv (out, line->currency);
  g_string_append_c (out, '\n');
}

static int
list_overdue (FacturesStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) out = g_string_sized_new (4096);
  GDate today;

  factures_today (&today);
  if (!factures_store_foreach_overdue (store, &today, overdue_line, out, &error))
    return fail (error->message);
  fwrite (out->str, 1, out->len, stdout);
  fflush (stdout);
  return 0;
}

static char *
occurrence_key (const FacturesOccurrence *o)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%u", o->template_id, g_date_get_julian (&o->date));
}

/* --run-recurring: a header line and one line per occurrence this run created (trial 5 finding
 * 16: those of earlier runs, still unseen in the window, were listed again), then the counts. */
static int
run_recurring (FacturesStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) unseen = NULL;
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean header = FALSE;
  FacturesRecurringRun run;
  GDate today;

  factures_today (&today);
  before = factures_store_list_occurrences (store, &error);
  if (before == NULL)
    return fail (error->message);
  for (guint i = 0; i < before->len; i++)
    g_hash_table_add (known, occurrence_key (g_ptr_array_index (before, i)));
  if (!factures_store_run_recurring (store, &today, factures_pdf_render_for_issue, NULL, &run, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Recurring invoices failed: %s"), error->message);
      return fail (message);
    }
  /* Trial 6 finding 5: every invoice the run created, the issued ones too (with their number). */
  unseen = factures_store_list_occurrences (store, &error);
  if (unseen == NULL)
    return fail (error->message);
  for (guint i = 0; i < unseen->len; i++)
    {
      FacturesOccurrence *o = g_ptr_array_index (unseen, i);
      g_autofree char *key = occurrence_key (o);
      g_autofree char *date = NULL;
      g_autofree char *client = NULL;
      g_autofree char *reason = NULL;

      if (g_hash_table_contains (known, key))
        continue;
      if (!header)
        /* Translators: the header of --run-recurring's lines, tab separated: keep the tabs */
        g_print ("%s\n", _("Date\tClient\tDocument id\tNumber, or why it was not issued"));
      header = TRUE;
      date = factures_date_format_iso (&o->date);
      client = tsv_field (o->client_name);
      reason = tsv_field (o->number != NULL ? o->number : o->issue_error);
      g_print ("%s\t%s\t%" G_GINT64_FORMAT "\t%s\n", date, client, o->document_id, reason);
    }
  /* Translators: a summary printed by --run-recurring */
  g_print (_("%u created, %u issued, %u missed (left as drafts), %u not issued\n"),
           run.created, run.issued, run.missed, run.failed);
  return 0;
}

/* After --import-json: what the file brought, kind by kind (the import is all or nothing,
 * so the file's arrays are what was added). Read again from the file, which the import has
 * already checked whole. */
static guint
json_array_length (JsonObject *root,
                   const char *member)
{
  JsonNode *node = json_object_get_member (root, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_array_get_length (json_node_get_array (node)) : 0;
}

static void
print_import_summary (const char *path,
                      gboolean    profile_taken)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;
  JsonObject *root;
  JsonNode *documents;
  guint n, issued = 0, drafts = 0;

  if (!json_parser_load_from_mapped_file (parser, path, NULL) || json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_print (_("Import of “%s” done.\n"), path);
      return;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  documents = json_object_get_member (root, "documents");
  if (documents != NULL && JSON_NODE_HOLDS_ARRAY (documents))
    {
      JsonArray *array = json_node_get_array (documents);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_OBJECT (node))
            continue;
          if (json_object_get_int_member_with_default (json_node_get_object (node), "status", 0) == 1)
            issued++;
          else
            drafts++;
        }
    }

  if (profile_taken && json_object_has_member (root, "profile") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, "profile")))
    g_ptr_array_add (parts, g_strdup (_("the business profile")));
  if ((n = json_array_length (root, "clients")) > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u client", "%u clients", n), n));
  if (issued > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u issued document", "%u issued documents",
                                                          issued), issued));
  if (drafts > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u draft", "%u drafts", drafts), drafts));
  if ((n = json_array_length (root, "payments")) > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u payment", "%u payments", n), n));
  if ((n = json_array_length (root, "imported_invoices")) > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u imported invoice",
                                                          "%u imported invoices", n), n));
  if ((n = json_array_length (root, "catalogue")) > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u catalogue item",
                                                          "%u catalogue items", n), n));
  if ((n = json_array_length (root, "recurring")) > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u recurring invoice",
                                                          "%u recurring invoices", n), n));
  if ((n = json_array_length (root, "purchase_entries")) > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u purchase typed in the register",
                                                          "%u purchases typed in the register", n), n));
  if ((n = json_array_length (root, "bank_transactions")) > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u bank movement",
                                                          "%u bank movements", n), n));
  if (parts->len == 0)
    {
      g_print (_("Import of “%s” done: the file held no client, document or payment.\n"), path);
      return;
    }
  g_ptr_array_add (parts, NULL);
  /* Translators: the separator of the list printed by --import-json ("2 clients, 3 drafts") */
  list = g_strjoinv (_(", "), (char **) parts->pdata);
  /* Translators: %s: the file, %s: "2 clients, 3 drafts, 1 payment" */
  g_print (_("Import of “%s” done: %s.\n"), path, list);
}

/* After --import-json: the imported logo through the one way in of a logo. */
static gboolean
factures_cli_prepare_logo (FacturesStore *store,
                           GError       **error)
{
  g_autoptr (FacturesProfile) profile = factures_store_get_profile (store, error);
  gboolean changed = FALSE;

  if (profile == NULL)
    return error == NULL || *error == NULL;
  if (!factures_logo_prepare_profile (profile, &changed, error))
    return FALSE;
  return !changed || factures_store_save_profile (store, profile, error);
}

static gboolean
is_all_digits (const char *text)
{
  return *text != '\0' && strspn (text, "0123456789") == strlen (text);
}

static int
export_pdf (FacturesStore *store,
            const char    *number,
            const char    *output)
{
  g_autoptr (FacturesDocument) document = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  gconstpointer data;
  gsize size;

  document = factures_store_find_document (store, number, &error);
  g_clear_error (&error);
  if (document == NULL && is_all_digits (number))
    {
      g_autoptr (GError) id_error = NULL;
      gint64 id = g_ascii_strtoll (number, NULL, 10);

      document = factures_store_get_document (store, id, &id_error);
      /* Only drafts are reached by id: an issued document goes by its number. */
      if (document != NULL && document->status != FACTURES_DOCUMENT_STATUS_DRAFT)
        g_clear_pointer (&document, factures_document_free);
    }
  if (document == NULL)
    {
      /* An imported invoice (issue 6): its original PDF, or the Duplicata of an XML alone. */
      int imported = factures_cli_facturx_export_imported (store, number, output);
      g_autofree char *message = NULL;

      if (imported >= 0)
        return imported;
      message = g_strdup_printf (_("No document numbered “%s”."), number);
      return fail (message);
    }

  if (document->status == FACTURES_DOCUMENT_STATUS_ISSUED)
    bytes = factures_store_get_original (store, document->id, &error);
  else
    bytes = factures_pdf_render (document, FACTURES_PDF_FLAG_DRAFT, &error);
  if (bytes == NULL)
    return fail (error != NULL ? error->message : _("The PDF could not be produced."));

  data = g_bytes_get_data (bytes, &size);
  g_clear_error (&error);
  if (!g_file_set_contents (output, data, size, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot write “%s”: %s"), output, error->message);
      return fail (message);
    }
  return 0;
}

/* Trial 5 finding 15: the commands, by the part of the command line that runs them. Those of
 * group 0 run together, in the order of help/C/command-line.page (--import-json, --verify,
 * --backup, --export-json, --run-recurring, --list-overdue, --export-pdf); a command of another
 * group runs alone: given with another, both are named and nothing runs (each part ran only its
 * own and dropped the others without a word). */
static const struct {
  const char *name;
  guint       group;
} commands[] = {
  { "import-json", 0 }, { "verify", 0 }, { "backup", 0 }, { "export-json", 0 }, { "run-recurring", 0 },
  { "list-overdue", 0 }, { "export-pdf", 0 },
  { "send", 1 }, { "test-smtp", 1 },
  { "pa-test", 2 }, { "pa-send", 2 }, { "pa-sync", 2 }, { "pa-respond", 2 }, { "pa-lookup", 2 },
  { "issue", 3 }, { "delete-draft", 3 }, { "record-payment", 3 },
  { "des", 4 },
  { "ereporting", 5 }, { "ereporting-periodicity", 5 },
  { "urssaf", 6 }, { "thresholds", 6 }, { "calendar", 6 }, { "export-fec", 6 }, { "purchases", 6 },
  { "urssaf-set", 6 }, { "add-purchase", 6 }, { "cancel-purchase", 6 }, { "purchase-paid", 6 },
  { "cancel-purchase-paid", 6 },
  { "list-payments", 7 }, { "cancel-payment", 7 },
  { "dunning-plan", 8 }, { "penalties", 8 },
  { "check-facturx", 9 }, { "validate", 9 }, { "import-facturx", 9 }, { "import-invoice", 9 },
  { "export-facturx", 9 },
  { "receipts", 10 }, { "imported-paid", 10 }, { "cancel-imported-paid", 10 },
  { "import-statement", 11 }, { "confirm-matches", 11 },
};

static gboolean
check_one_command (GVariantDict  *options,
                   GError       **error)
{
  const char *first = NULL;
  guint first_group = 0;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      guint group = commands[i].group;

      if (!g_variant_dict_contains (options, commands[i].name))
        continue;
      /* --verify --against=FILE is run by the witness's part (factures-cli-verify.c) */
      if (strcmp (commands[i].name, "verify") == 0 && g_variant_dict_contains (options, "against"))
        group = 7;
      if (first == NULL)
        {
          first = commands[i].name;
          first_group = group;
          continue;
        }
      if (group != first_group || group != 0)
        {
          if (group == first_group && group != 0)
            continue;   /* the part itself says which of its options go together */
          /* Translators: two options of the command line, "--verify" and "--receipts" */
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("--%s and --%s do not run together: run one command, then the other."), first,
                       commands[i].name);
          return FALSE;
        }
    }
  return TRUE;
}

int
factures_cli_run (const char   *database,
                  GVariantDict *options)
{
  g_autoptr (FacturesStore) store = NULL;
  g_autoptr (GError) error = NULL;
  const char *export_pdf_number = NULL;
  const char *output = NULL;
  const char *export_json = NULL;
  const char *import_json = NULL;
  const char *backup = NULL;
  gboolean list = FALSE;
  gboolean verify = FALSE;
  gboolean recurring = FALSE;
  g_autofree char *db_path = NULL;
  g_autofree char *default_path = NULL;
  gboolean db_existed = TRUE;
  gboolean had_profile = TRUE;
  int status = 0;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("factures %s\n", PACKAGE_VERSION);
      return 0;
    }
  /* Trial 5 finding 1: no command writes a file over the database (or its -wal, -shm,
   * -journal) nor into a folder's name; checked here, once, before any command runs. */
  {
    static const char *const writers[] = { "output", "export-json", "backup" };
    const char *destinations[G_N_ELEMENTS (writers)] = { NULL, };

    for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
      {
        const char *destination = NULL;
        g_autofree char *option = g_strconcat ("--", writers[i], NULL);

        if (!g_variant_dict_lookup (options, writers[i], "^&ay", &destination))
          continue;
        if (!factures_store_check_destination (database, destination, option, &error))
          return fail (error->message);
        /* Trial 6 finding 6: two outputs on one file, the second would replace the first. */
        for (guint j = 0; j < i; j++)
          if (destinations[j] != NULL && factures_store_same_file (destinations[j], destination))
            {
              g_autofree char *message = NULL;

              /* Translators: %s: two options (--export-json, --backup), %s: the file */
              message = g_strdup_printf (_("--%s and --%s both write “%s”: the second file would "
                                           "replace the first. Give each its own file."),
                                         writers[j], writers[i], destination);
              return fail (message);
            }
        destinations[i] = destination;
      }
  }
  if (!check_one_command (options, &error))
    return fail (error->message);
  if (factures_cli_mail_wanted (options))
    return factures_cli_mail_run (database, options);
  if (factures_cli_pa_wanted (options))
    return factures_cli_pa_run (database, options);
  if (factures_cli_actions_wanted (options))
    return factures_cli_actions_run (database, options);
  /* before the others: --output is shared; --ereporting before --urssaf, which shares --period */
  if (factures_cli_des_wanted (options))
    return factures_cli_des_run (database, options);
  if (factures_cli_ereporting_wanted (options))
    return factures_cli_ereporting_run (database, options);
  /* before the others: --year and --output are shared with --receipts */
  if (factures_cli_urssaf_wanted (options))
    return factures_cli_urssaf_run (database, options);
  g_variant_dict_lookup (options, "export-pdf", "&s", &export_pdf_number);
  g_variant_dict_lookup (options, "output", "^&ay", &output);
  g_variant_dict_lookup (options, "export-json", "^&ay", &export_json);
  g_variant_dict_lookup (options, "import-json", "^&ay", &import_json);
  g_variant_dict_lookup (options, "backup", "^&ay", &backup);
  g_variant_dict_lookup (options, "list-overdue", "b", &list);
  g_variant_dict_lookup (options, "verify", "b", &verify);
  g_variant_dict_lookup (options, "run-recurring", "b", &recurring);
  if (factures_cli_verify_wanted (options))
    return factures_cli_verify_run (database, options);
  if (factures_cli_payments_wanted (options))
    return factures_cli_payments_run (database, options);
  if (factures_cli_facturx_wanted (options))
    return factures_cli_facturx_run (database, options);
  if (factures_cli_receipts_wanted (options))
    return factures_cli_receipts_run (database, options);
  if (factures_cli_bank_wanted (options))
    return factures_cli_bank_run (database, options);

  if (export_pdf_number == NULL && output == NULL && export_json == NULL &&
      import_json == NULL && backup == NULL && !list && !verify && !recurring)
    return -1;

  if (output != NULL && export_pdf_number == NULL)
    return fail (_("--output goes with --export-pdf=NUMBER, --export-facturx=NUMBER or --receipts."));
  if (export_pdf_number != NULL && output == NULL)
    return fail (_("--export-pdf needs --output=FILE: where to write the PDF."));

  /* Only --import-json and --run-recurring write: the others never create or convert
   * a database (issue 10 finding 8: --verify on a mistyped path created one). */
  if (import_json != NULL)
    {
      /* (the default path is the one factures_cli_open_store() opens) */
      db_path = g_strdup (database != NULL ? database : (default_path = factures_store_default_path ()));
      db_existed = g_file_test (db_path, G_FILE_TEST_EXISTS);
    }
  store = factures_cli_open_store (database, import_json != NULL || recurring, &status);
  if (store == NULL)
    return status;

  /* Trial 6 finding 12: the file's profile is taken only by a database without one. */
  if (import_json != NULL)
    {
      g_autoptr (FacturesProfile) current = factures_store_get_profile (store, NULL);

      had_profile = current != NULL;
    }
  if (import_json != NULL && !factures_store_import_json (store, import_json, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Import of “%s” failed: %s"), import_json, error->message);

      /* A failed import into a database it created leaves no empty database behind
       * (issue 10): the store is closed first, then its files are removed. */
      g_clear_object (&store);
      if (!db_existed)
        {
          const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

          for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
            {
              g_autofree char *file = g_strconcat (db_path, suffixes[i], NULL);

              if (g_unlink (file) != 0 && errno != ENOENT)
                g_printerr (_("factures: warning: cannot remove “%s”: %s\n"), file, g_strerror (errno));
            }
        }
      return fail (message);
    }
  /* The store takes a PNG of at most 2 MB; its size is brought to the one of a logo
   * chosen in the preferences (issue 11 item 10: output/factures-logo.c). The import has
   * committed by then: a logo that cannot be scaled stays as it was, with a warning (every
   * backup stays restorable). */
  if (import_json != NULL && !factures_cli_prepare_logo (store, &error))
    {
      g_printerr (_("factures: warning: the imported logo was kept as it is: %s\n"), error->message);
      g_clear_error (&error);
    }
  if (import_json != NULL)
    print_import_summary (import_json, !had_profile);
  if (verify && !factures_store_verify (store, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Verification failed: %s"), error->message);
      return fail (message);
    }
  if (verify)
    g_print ("%s\n", _("Verification passed: the database is intact and the hash chain of issued documents is unbroken."));
  if (backup != NULL && !factures_store_backup (store, backup, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Backup to “%s” failed: %s"), backup, error->message);
      return fail (message);
    }
  if (export_json != NULL && !factures_store_export_json (store, export_json, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Export to “%s” failed: %s"), export_json, error->message);
      return fail (message);
    }
  if (recurring)
    status = run_recurring (store);
  if (status == 0 && list)
    status = list_overdue (store);
  if (status == 0 && export_pdf_number != NULL)
    status = export_pdf (store, export_pdf_number, output);

  return status;
}
