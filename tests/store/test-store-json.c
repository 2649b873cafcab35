/* test-store-json.c — JSON export and import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "factures-rows.h"
#include "factures-store.h"
#include "factures-store-lifecycle.h"
#include "store-test-util.h"

typedef struct {
  char          *dir;
  FacturesStore *store;
} Fixture;

static FacturesStore *
open_store (Fixture    *fixture,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  FacturesStore *store = factures_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static char *
file_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* A database with a profile (with logo), three clients, issued invoices, a quote,
 * a credit note and drafts, with text that needs escaping. */
static void
fill (FacturesStore *store)
{
  g_autoptr(FacturesProfile) profile = store_test_profile ();
  g_autoptr(GError) error = NULL;
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0xff };
  const char *names[] = { "ACME SAS", "Zoé « Les Œuvres » & Cie", "Ünïcödé 中文 😀 \"quoted\" \\ SARL" };
  gint64 ids[G_N_ELEMENTS (names)];
  gint64 last_invoice = 0;

  profile->logo = g_bytes_new_static (png, sizeof png);
  profile->iban = g_strdup ("FR7630006000011234567890189");
  g_assert_true (factures_store_save_profile (store, profile, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(FacturesClient) client = store_test_client (names[i]);

      client->notes = g_strdup ("line 1\nline 2\ttab");
      if (i == 1)
        {
          client->has_terms = TRUE;
          client->terms.kind = FACTURES_TERMS_END_OF_MONTH_45;
        }
      g_assert_true (factures_store_save_client (store, client, &error));
      g_assert_no_error (error);
      ids[i] = client->id;
    }

  for (guint i = 0; i < 12; i++)
    {
      g_autoptr(FacturesDocument) draft = NULL;
      g_autofree char *date = g_strdup_printf ("2026-%02u-10", 1 + i / 2);

      draft = store_test_draft (ids[i % 3], date, 1 + i % 4);
      draft->notes = g_strdup_printf ("Notes %u « é »", i);
      if (i == 4)
        draft->kind = FACTURES_DOCUMENT_KIND_QUOTE;
      if (i == 7)
        {
          /* A credit note is made from an issued invoice, which it cites (links exported). */
          gint64 credit_id = factures_store_credit_note_new (store, last_invoice, NULL, 0, 0, &error);

          g_assert_no_error (error);
          g_clear_pointer (&draft, factures_document_free);
          draft = factures_store_get_document (store, credit_id, &error);
          g_assert_no_error (error);
          factures_date_parse_iso (date, &draft->issue_date, NULL);
        }
      if (i == 9)
        draft->kind = FACTURES_DOCUMENT_KIND_DEPOSIT;
      g_assert_true (factures_store_save_draft (store, draft, &error));
      g_assert_no_error (error);
      if (i < 10)
        {
          g_autoptr(FacturesDocument) issued = factures_store_issue (store, draft->id, store_test_render, NULL, &error);
          g_assert_no_error (error);
          g_assert_nonnull (issued);
          if (issued->kind == FACTURES_DOCUMENT_KIND_INVOICE)
            last_invoice = issued->id;
        }
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_setenv ("FACTURES_TODAY", "2026-07-01", TRUE);
  fixture->dir = store_test_make_fast_dir ();
  fixture->store = open_store (fixture, "source.db");
  fill (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  store_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_unsetenv ("FACTURES_TODAY");
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, NULL, &error));
  g_assert_no_error (error);
  return data;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesStore) target = open_store (fixture, "target.db");
  g_autofree char *first = file_in (fixture, "first.json");
  g_autofree char *second = file_in (fixture, "second.json");
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  g_autoptr(FacturesDocument) document = NULL;
  g_autoptr(GBytes) original = NULL;

  g_assert_true (factures_store_export_json (fixture->store, first, &error));
  g_assert_no_error (error);
  g_assert_true (factures_store_import_json (target, first, &error));
  g_assert_no_error (error);
  g_assert_true (factures_store_verify (target, &error));
  g_assert_no_error (error);
  g_assert_true (factures_store_export_json (target, second, &error));
  g_assert_no_error (error);

  first_text = read_file (first);
  second_text = read_file (second);
  g_assert_true (g_str_has_prefix (first_text, "{\n  \"format\" : \"factures\",\n  \"version\" : 1,\n"));
  g_assert_nonnull (strstr (first_text, "\"number\" : \"F2026-0008\""));
  g_assert_cmpstr (first_text, ==, second_text);

  /* The imported database works: documents, originals, and numbering goes on. */
  document = factures_store_find_document (target, "F2026-0003", &error);
  g_assert_no_error (error);
  original = factures_store_get_original (target, document->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (g_bytes_get_data (original, NULL), "F2026-0003"));
  {
    g_autoptr(FacturesDocument) draft = store_test_draft (document->client_id, "2026-07-01", 1);
    g_autoptr(FacturesDocument) issued = NULL;

    g_assert_true (factures_store_save_draft (target, draft, &error));
    issued = factures_store_issue (target, draft->id, store_test_render, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (issued->number, ==, "F2026-0009");
  }
  g_assert_true (factures_store_verify (target, &error));
  g_assert_no_error (error);
}

static gint64
count_rows (FacturesStore *store)
{
  g_autoptr(GListModel) clients = factures_store_list_clients (store, NULL, FACTURES_CLIENT_SORT_NAME, FALSE);
  g_autoptr(GListModel) documents = factures_store_list_documents (store, NULL, FACTURES_DOCUMENT_SORT_DATE, FALSE);

  return g_list_model_get_n_items (clients) * 1000 + g_list_model_get_n_items (documents);
}

static void
test_broken_files (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *good = file_in (fixture, "good.json");
  g_autofree char *bad = file_in (fixture, "bad.json");
  g_autofree char *text = NULL;
  g_autoptr(FacturesStore) target = open_store (fixture, "target.db");
  g_autofree char *target_export = file_in (fixture, "target-before.json");
  g_autofree char *target_after = file_in (fixture, "target-after.json");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize len;

  g_assert_true (factures_store_export_json (fixture->store, good, &error));
  text = read_file (good);
  len = strlen (text);

  /* The target has one client already, so we can tell nothing was added. */
  {
    g_autoptr(FacturesClient) client = store_test_client ("Already here");
    g_assert_true (factures_store_save_client (target, client, &error));
  }
  g_assert_true (factures_store_export_json (target, target_export, &error));
  before = read_file (target_export);

  /* 1. Invalid UTF-8 in the middle of a string. */
  {
    g_autofree char *broken = g_strdup (text);
    char *where = strstr (broken, "Zoé");

    where[2] = (char) 0xff;
    g_assert_true (g_file_set_contents (bad, broken, len, NULL));
    g_assert_false (factures_store_import_json (target, bad, &error));
    g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT);
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, "UTF-8"));
    g_clear_error (&error);
  }

  /* 2. Truncated in the middle. */
  {
    gsize cut = len / 2;

    while (!g_utf8_validate (text, (gssize) cut, NULL))
      cut--;
    g_assert_true (g_file_set_contents (bad, text, (gssize) cut, NULL));
  }
  g_assert_false (factures_store_import_json (target, bad, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  /* 3. Not our format. */
  g_assert_true (g_file_set_contents (bad, "{\"format\": \"other\", \"version\": 1}", -1, NULL));
  g_assert_false (factures_store_import_json (target, bad, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT);
  g_clear_error (&error);

  /* 4. A full export into a database that is not empty. */
  g_assert_false (factures_store_import_json (target, good, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_EMPTY);
  g_clear_error (&error);

  /* 5. A wrong type deep inside: the clients before it must not stay. */
  {
    g_autofree char *broken = g_strdup (text);
    char *where = strstr (broken, "\"quantity\" : ");

    g_assert_nonnull (where);
    memcpy (where, "\"quantity\" : \"", strlen ("\"quantity\" : \""));
    /* keep the JSON valid: "1…" becomes a string up to the next digit run end */
    {
      char *digits = where + strlen ("\"quantity\" : \"");
      char *end = digits + strspn (digits, "0123456789");
      g_autofree char *fixed = g_strdup_printf ("%.*s\"%s", (int) (end - broken), broken, end);

      g_assert_true (g_file_set_contents (bad, fixed, -1, NULL));
    }
  }
  {
    g_autoptr(FacturesStore) empty = open_store (fixture, "empty.db");

    g_assert_false (factures_store_import_json (empty, bad, &error));
    g_assert_true (error != NULL);
    g_test_message ("%s", error->message);
    g_assert_cmpint (count_rows (empty), ==, 0);
    g_clear_error (&error);
  }

  /* 6. A damaged hash chain is refused before COMMIT. */
  {
    g_autofree char *broken = g_strdup (text);
    char *where = strstr (broken, "\"gross_total\" : 10000");
    g_autoptr(FacturesStore) empty = open_store (fixture, "empty2.db");

    g_assert_nonnull (where);
    where[strlen ("\"gross_total\" : ")] = '9';
    g_assert_true (g_file_set_contents (bad, broken, -1, NULL));
    g_assert_false (factures_store_import_json (empty, bad, &error));
    g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY);
    g_test_message ("%s", error->message);
    g_assert_cmpint (count_rows (empty), ==, 0);
    g_clear_error (&error);
  }

  /* 7. Missing file. */
  g_assert_false (factures_store_import_json (target, "/nonexistent/file.json", &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT);
  g_clear_error (&error);

  g_assert_true (factures_store_export_json (target, target_after, &error));
  after = read_file (target_after);
  g_assert_cmpstr (before, ==, after);
}

static void
test_add_clients_and_drafts (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesStore) target = open_store (fixture, "target.db");
  g_autofree char *file = file_in (fixture, "drafts.json");
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(GListModel) clients = NULL;
  const char *json =
    "{\"format\": \"factures\", \"version\": 1, \"profile\": null,\n"
    " \"clients\": [{\"id\": 7, \"name\": \"Imported SARL\", \"city\": \"Nantes\", \"category\": 1},\n"
    "               {\"id\": 9, \"name\": \"Second\"}],\n"
    " \"documents\": [{\"id\": 3, \"kind\": 380, \"status\": 0, \"issue_date\": \"2026-07-01\",\n"
    "                  \"client_id\": 9, \"client_name\": \"Second\",\n"
    "                  \"lines\": [{\"position\": 1, \"description\": \"Audit\", \"quantity\": 20000,\n"
    "                             \"unit_price\": 50000000}], \"events\": []}],\n"
    " \"series\": []}";

  /* Into a database with content: new ids, the draft follows its client. */
  {
    g_autoptr(FacturesClient) client = store_test_client ("Existing");
    g_assert_true (factures_store_save_client (target, client, &error));
    g_assert_cmpint (client->id, ==, 1);
  }
  g_assert_true (g_file_set_contents (file, json, -1, NULL));
  g_assert_true (factures_store_import_json (target, file, &error));
  g_assert_no_error (error);

  clients = factures_store_list_clients (target, NULL, FACTURES_CLIENT_SORT_NAME, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (clients), ==, 3);
  documents = factures_store_list_documents (target, NULL, FACTURES_DOCUMENT_SORT_DATE, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 1);
  {
    g_autoptr(FacturesDocumentRow) row = g_list_model_get_item (documents, 0);
    g_autoptr(FacturesDocument) draft = factures_store_get_document (target, factures_document_row_get_id (row), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (draft->buyer->party.name, ==, "Second");
    g_assert_cmpint (draft->client_id, ==, 3);
    g_assert_cmpuint (draft->lines->len, ==, 1);
  }

  /* Importing it twice adds twice (new ids each time). */
  g_assert_true (factures_store_import_json (target, file, &error));
  g_assert_no_error (error);
  g_clear_object (&clients);
  clients = factures_store_list_clients (target, NULL, FACTURES_CLIENT_SORT_NAME, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (clients), ==, 5);

  /* An invalid client (empty name) refuses the whole file. */
  g_assert_true (g_file_set_contents (file,
                                      "{\"format\": \"factures\", \"version\": 1, \"profile\": null,"
                                      " \"clients\": [{\"id\": 1, \"name\": \"Good\"}, {\"id\": 2, \"name\": \" \"}],"
                                      " \"documents\": [], \"series\": []}", -1, NULL));
  g_assert_false (factures_store_import_json (target, file, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&clients);
  clients = factures_store_list_clients (target, NULL, FACTURES_CLIENT_SORT_NAME, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (clients), ==, 5);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/json/round-trip", test_round_trip);
  ADD ("/store/json/broken-files", test_broken_files);
  ADD ("/store/json/add-clients-drafts", test_add_clients_and_drafts);
#undef ADD

  return g_test_run ();
}
