/* test-store-language.c — the language of a client's documents through the store's doors
 * (issue 13 item 5, migration 0018)
 *
 * A client in French and English is stored, read back, exported to JSON (the key written only
 * when not French) and imported again; an issued document keeps it in its buyer snapshot; an
 * unknown value is refused with a French message through the editor's door and the JSON door,
 * the database unchanged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "factures-error.h"
#include "factures-store.h"
#include "store-test-util.h"

static FacturesClient *
client_named (const char *name, FacturesDocumentLanguage language)
{
  FacturesClient *client = factures_client_new ();

  client->party.name = g_strdup (name);
  client->party.address = g_strdup ("1 Strand");
  client->party.postal_code = g_strdup ("75001");
  client->party.city = g_strdup ("Paris");
  client->category = FACTURES_CLIENT_CATEGORY_COMPANY;
  client->document_language = language;
  return client;
}

static char *
dump_hash (const char *db_path)
{
  g_autofree char *cmd = g_strdup_printf ("sqlite3 '%s' .dump", db_path);
  g_autofree char *out = NULL;

  g_assert_true (g_spawn_command_line_sync (cmd, &out, NULL, NULL, NULL));
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, out, -1);
}

static void
test_doors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = store_test_make_fast_dir ();
  g_autofree char *path = g_build_filename (dir, "language.db", NULL);
  g_autofree char *json = g_build_filename (dir, "export.json", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *path2 = g_build_filename (dir, "copy.db", NULL);
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(FacturesStore) store = NULL;
  g_autoptr(FacturesStore) copy = NULL;
  g_autoptr(FacturesProfile) profile = store_test_profile ();
  g_autoptr(FacturesClient) english = client_named ("London Books Ltd", FACTURES_DOCUMENT_LANGUAGE_FRENCH_ENGLISH);
  g_autoptr(FacturesClient) french = client_named ("Librairie Dupont", FACTURES_DOCUMENT_LANGUAGE_FRENCH);
  g_autoptr(FacturesClient) wrong = client_named ("Nowhere", (FacturesDocumentLanguage) 2);
  g_autoptr(FacturesClient) back = NULL;
  g_autoptr(FacturesDocument) draft = NULL;
  g_autoptr(FacturesDocument) issued = NULL;

  g_setenv ("FACTURES_TODAY", "2026-12-06", TRUE);
  store = factures_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_save_profile (store, profile, &error));
  g_assert_true (factures_store_save_client (store, english, &error));
  g_assert_true (factures_store_save_client (store, french, &error));
  g_assert_no_error (error);

  back = factures_store_get_client (store, english->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (back->document_language, ==, FACTURES_DOCUMENT_LANGUAGE_FRENCH_ENGLISH);
  g_clear_pointer (&back, factures_client_free);
  back = factures_store_get_client (store, french->id, &error);
  g_assert_cmpint (back->document_language, ==, FACTURES_DOCUMENT_LANGUAGE_FRENCH);

  /* the editor's door refuses an unknown language, nothing stored */
  before = dump_hash (path);
  g_assert_false (factures_store_save_client (store, wrong, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Document language"));
  g_clear_error (&error);
  after = dump_hash (path);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);

  /* an issued document keeps the language in its buyer snapshot */
  draft = store_test_draft (english->id, "2026-12-01", 1);
  g_assert_true (factures_store_save_draft (store, draft, &error));
  g_assert_no_error (error);
  issued = factures_store_issue (store, draft->id, store_test_render, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&issued, factures_document_free);
  issued = factures_store_get_document (store, draft->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (issued->buyer->document_language, ==, FACTURES_DOCUMENT_LANGUAGE_FRENCH_ENGLISH);

  /* JSON: written only when not French, and read back */
  g_assert_true (factures_store_export_json (store, json, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (json, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"document_language\" : 1"));
  g_assert_null (strstr (text, "\"document_language\" : 0"));
  copy = factures_store_open (path2, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_import_json (copy, json, &error));
  g_assert_no_error (error);
  g_clear_pointer (&back, factures_client_free);
  back = factures_store_get_client (copy, english->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (back->document_language, ==, FACTURES_DOCUMENT_LANGUAGE_FRENCH_ENGLISH);

  /* the JSON door refuses what the editor refuses, naming the path */
  before = dump_hash (path);
  g_assert_true (g_file_set_contents (bad,
                                      "{\"format\": \"factures\", \"version\": 1, \"profile\": null,\n"
                                      " \"clients\": [{\"id\": 9, \"name\": \"Nowhere\", \"category\": 1,\n"
                                      "   \"document_language\": 5}], \"documents\": [], \"series\": []}\n",
                                      -1, NULL));
  g_assert_false (factures_store_import_json (store, bad, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "clients[0]"));
  g_clear_error (&error);
  after = dump_hash (path);
  g_assert_cmpstr (before, ==, after);

  g_clear_object (&copy);
  g_clear_object (&store);
  store_test_remove_dir (dir);
  g_unsetenv ("FACTURES_TODAY");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/document-language/doors", test_doors);
  return g_test_run ();
}
