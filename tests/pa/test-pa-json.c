/* test-pa-json.c — the plateforme agréée tables in the JSON export and import (issue 14)
 *
 * A backup then a restore loses nothing of the PA: the account (its secret is in the
 * keyring, never in the file), the e-invoicing outbox with each row's state (a document
 * deposited and acknowledged, a status message waiting, with its CDAR bytes), the flows
 * received (bytes kept, binary included, their state) and the polling cursor come back row
 * for row. A database without a PA exports no PA member (the byte-exact exports of
 * tests/store stay as they are). A row the app would refuse (a registration number of 5
 * characters, a status message whose sha256 does not match its bytes, an outbox row about a
 * document not in the file) is refused naming its JSON path, the database unchanged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "factures-error.h"
#include "factures-store-einvoicing.h"
#include "../store/store-test-util.h"

/* The PA tables, every column, as sqlite3 quotes them (blobs in hex). */
static char *
pa_rows (const char *path)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "sqlite3", path, ".mode quote", "SELECT * FROM pa_account",
                         "SELECT * FROM pa_outbox ORDER BY id", "SELECT * FROM pa_inbox ORDER BY id",
                         "SELECT * FROM pa_directory ORDER BY siren", NULL };
  gint status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return g_steal_pointer (&out);
}

static char *
dump (const char *path)
{
  g_autofree char *out = NULL;
  const char *argv[] = { "sqlite3", path, ".dump", NULL };

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL,
                               NULL, NULL));
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, out, -1);
}

static FacturesStore *
filled_store (const char *path,
              gboolean    with_pa,
              gint64     *out_document)
{
  g_autoptr(GError) error = NULL;
  FacturesStore *store = factures_store_open (path, &error);
  g_autoptr(FacturesProfile) profile = store_test_profile ();
  g_autoptr(FacturesClient) client = store_test_client ("Société Étoile");
  g_autoptr(FacturesDocument) draft = NULL;
  g_autoptr(FacturesDocument) a = NULL;
  g_autoptr(FacturesDocument) b = NULL;

  g_assert_no_error (error);
  g_assert_true (factures_store_save_profile (store, profile, &error));
  g_assert_true (factures_store_save_client (store, client, &error));
  draft = store_test_draft (client->id, "2026-09-02", 1);
  g_assert_true (factures_store_save_draft (store, draft, &error));
  a = factures_store_issue (store, draft->id, store_test_render, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&draft, factures_document_free);
  draft = store_test_draft (client->id, "2026-09-03", 2);
  g_assert_true (factures_store_save_draft (store, draft, &error));
  b = factures_store_issue (store, draft->id, store_test_render, NULL, &error);
  g_assert_no_error (error);
  *out_document = a->id;
  if (!with_pa)
    return store;

  {
    g_autoptr(FacturesPaAccount) account = factures_pa_account_new ();
    g_autoptr(FacturesPaOutboxItem) item = NULL;
    g_autoptr(GBytes) cdar = g_bytes_new_static ("<?xml version=\"1.0\"?><rsm:CDAR>212</rsm:CDAR>\n", 47);
    static const guchar binary[] = { '%', 'P', 'D', 'F', 0x00, 0xff, 0x80, '\n', 0x01 };
    g_autoptr(GBytes) flow = g_bytes_new_static (binary, sizeof binary);
    g_autoptr(GBytes) broken = g_bytes_new_static ("<broken", 7);
    gboolean known = FALSE;
    gint64 inbox;

    account->name = g_strdup ("Ma PA");
    account->registration = g_strdup ("0042");
    account->base_url = g_strdup ("https://pa.example/flow-service");
    account->token_url = g_strdup ("https://pa.example/oauth2/token");
    account->client_id = g_strdup ("client-42");
    account->timeout_seconds = 45;
    account->report_payments = FALSE;
    account->directory_url = g_strdup ("https://pa.example/directory-service");
    account->routes_b2g = TRUE;
    g_assert_true (factures_store_save_pa_account (store, account, &error));
    g_assert_no_error (error);
    /* a deposited, acknowledged document; a status message waiting; the cursor */
    g_assert_cmpint (factures_store_pa_enqueue_document (store, a->id, &error), >, 0);
    item = factures_store_pa_outbox_for_document (store, a->id, &error);
    g_assert_nonnull (item);
    g_assert_true (factures_store_pa_outbox_mark_sent (store, item->id, "flow-1", "2026-09-05T09:30:00Z",
                                                       FACTURES_PA_ACK_OK, NULL, &error));
    g_assert_cmpint (factures_store_pa_enqueue_status (store, a->id, 212, cdar, &error), >, 0);
    g_assert_no_error (error);
    g_assert_cmpint (factures_store_pa_enqueue_document (store, b->id, &error), >, 0);
    g_assert_true (factures_store_pa_set_cursor (store, "2026-09-06T10:00:00.000Z", &error));
    /* flows received: a binary one read, one unreadable */
    inbox = factures_store_pa_inbox_add (store, "flow-in-1", "SupplierInvoice", "In", "Factur-X", "f.pdf",
                                         "2026-09-06T09:00:00.000Z", flow, &known, &error);
    g_assert_cmpint (inbox, >, 0);
    g_assert_true (factures_store_pa_inbox_mark (store, inbox, "ignored", 0, NULL, &error));
    inbox = factures_store_pa_inbox_add (store, "flow-in-2", "CustomerInvoiceLC", "In", "CDAR", "c.xml",
                                         "2026-09-06T10:00:00.000Z", broken, &known, &error);
    g_assert_true (factures_store_pa_inbox_mark (store, inbox, "unreadable", 0, "Message illisible", &error));
    g_assert_no_error (error);
    /* the directory cache: an Enabled line with its address, a SIREN not in the directory */
    {
      g_autoptr(FacturesPaDirectoryEntry) entry = factures_pa_directory_entry_new ();

      entry->siren = g_strdup ("732829320");
      entry->status = FACTURES_PA_DIRECTORY_ENABLED;
      entry->address = g_strdup ("732829320_FACTURES");
      entry->platform = g_strdup ("0042");
      entry->name = g_strdup ("SOCIETE ETOILE");
      entry->entity_type = g_strdup ("PrivateVatRegistered");
      entry->looked_up = g_strdup ("2026-09-04T08:00:00Z");
      g_assert_true (factures_store_pa_directory_save (store, entry, &error));
      g_clear_pointer (&entry, factures_pa_directory_entry_free);
      entry = factures_pa_directory_entry_new ();
      entry->siren = g_strdup ("552100554");
      entry->status = FACTURES_PA_DIRECTORY_UNKNOWN;
      entry->partial = TRUE;
      entry->looked_up = g_strdup ("2026-09-04T08:01:00Z");
      g_assert_true (factures_store_pa_directory_save (store, entry, &error));
      g_assert_no_error (error);
    }
  }
  return store;
}

static void
test_round_trip (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "a.db", NULL);
  g_autofree char *path_b = g_build_filename (dir, "b.db", NULL);
  g_autofree char *file = g_build_filename (dir, "export.json", NULL);
  g_autofree char *file_b = g_build_filename (dir, "export-b.json", NULL);
  g_autofree char *data = NULL;
  g_autofree char *data_b = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *rows_b = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesStore) store = NULL;
  g_autoptr(FacturesStore) other = NULL;
  g_autoptr(FacturesPaAccount) account = NULL;
  g_autofree char *cursor = NULL;
  gint64 document_id;

  store = filled_store (path, TRUE, &document_id);
  g_assert_true (factures_store_export_json (store, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (file, &data, NULL, NULL));
  g_assert_nonnull (strstr (data, "\"pa_account\""));
  g_assert_nonnull (strstr (data, "\"pa_outbox\""));
  g_assert_nonnull (strstr (data, "\"pa_inbox\""));
  g_assert_nonnull (strstr (data, "\"pa_directory\""));
  g_assert_null (strstr (data, "secret"));

  other = factures_store_open (path_b, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_import_json (other, file, &error));
  g_assert_no_error (error);
  rows = pa_rows (path);
  rows_b = pa_rows (path_b);
  g_test_message ("%s", rows);
  g_assert_cmpstr (rows_b, ==, rows);
  g_assert_nonnull (strstr (rows, "'queued'"));
  g_assert_nonnull (strstr (rows, "'sent'"));
  g_assert_nonnull (strstr (rows, "X'25504446"));   /* the binary flow, byte for byte */
  g_assert_nonnull (strstr (rows, "'732829320_FACTURES'"));   /* the directory cache */
  {
    g_autoptr(FacturesPaDirectoryEntry) entry = factures_store_pa_directory_get (other, "552100554", &error);

    g_assert_nonnull (entry);
    g_assert_cmpint (entry->status, ==, FACTURES_PA_DIRECTORY_UNKNOWN);
    g_assert_true (entry->partial);
  }
  /* a backup from before (no pa_directory) still imports */
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(JsonGenerator) generator = json_generator_new ();
    g_autofree char *older = g_build_filename (dir, "older.json", NULL);
    g_autofree char *path_c = g_build_filename (dir, "older.db", NULL);
    g_autoptr(FacturesStore) third = NULL;

    g_assert_true (json_parser_load_from_file (parser, file, &error));
    json_object_remove_member (json_node_get_object (json_parser_get_root (parser)), "pa_directory");
    json_generator_set_root (generator, json_parser_get_root (parser));
    g_assert_true (json_generator_to_file (generator, older, &error));
    third = factures_store_open (path_c, &error);
    g_assert_no_error (error);
    g_assert_true (factures_store_import_json (third, older, &error));
    g_assert_no_error (error);
    g_assert_null (factures_store_pa_directory_get (third, "552100554", &error));
    g_assert_no_error (error);
  }
  account = factures_store_get_pa_account (other, &error);
  g_assert_nonnull (account);
  g_assert_cmpint (account->timeout_seconds, ==, 45);
  g_assert_false (account->report_payments);
  g_assert_cmpstr (account->directory_url, ==, "https://pa.example/directory-service");
  g_assert_true (account->routes_b2g);
  cursor = factures_store_pa_get_cursor (other, &error);
  g_assert_cmpstr (cursor, ==, "2026-09-06T10:00:00.000Z");
  /* exported again: the same PA members, byte for byte (the chain head's journal hash is the
   * new database's own) */
  g_assert_true (factures_store_export_json (other, file_b, &error));
  g_assert_true (g_file_get_contents (file_b, &data_b, NULL, NULL));
  {
    const char *pa = strstr (data, "\"pa_account\""), *end = strstr (data, "\"chain_head\"");
    const char *pa_b = strstr (data_b, "\"pa_account\""), *end_b = strstr (data_b, "\"chain_head\"");
    g_autofree char *part = NULL, *part_b = NULL;

    g_assert_true (pa != NULL && end != NULL && pa_b != NULL && end_b != NULL);
    part = g_strndup (pa, end - pa);
    part_b = g_strndup (pa_b, end_b - pa_b);
    g_assert_cmpstr (part_b, ==, part);
  }

  g_clear_object (&store);
  g_clear_object (&other);
  store_test_remove_dir (dir);
}

static void
test_without_pa (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_db_path (dir);
  g_autofree char *file = g_build_filename (dir, "export.json", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesStore) store = NULL;
  gint64 document_id;

  store = filled_store (path, FALSE, &document_id);
  g_assert_true (factures_store_export_json (store, file, &error));
  g_assert_true (g_file_get_contents (file, &data, NULL, NULL));
  g_assert_null (strstr (data, "\"pa_"));
  g_clear_object (&store);
  store_test_remove_dir (dir);
}

/* @file's export with @edit applied to its first row of @table, imported into a fresh
 * database: refused naming @path, the database unchanged. */
static void
check_refused (const char *dir,
               const char *file,
               const char *table,
               guint       index,
               const char *member,
               JsonNode   *value,
               const char *path_expected)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *db = g_build_filename (dir, "c.db", NULL);
  g_autoptr(FacturesStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonObject *root, *row;

  g_assert_true (json_parser_load_from_file (parser, file, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  row = json_array_get_object_element (json_object_get_array_member (root, table), index);
  json_object_set_member (row, member, value);
  json_generator_set_root (generator, json_parser_get_root (parser));
  g_assert_true (json_generator_to_file (generator, bad, &error));

  g_unlink (db);
  store = factures_store_open (db, &error);
  g_assert_no_error (error);
  before = dump (db);
  g_assert_false (factures_store_import_json (store, bad, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (error->domain == FACTURES_ERROR);
  g_assert_nonnull (strstr (error->message, path_expected));
  after = dump (db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_gate (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_db_path (dir);
  g_autofree char *file = g_build_filename (dir, "export.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesStore) store = NULL;
  gint64 document_id;

  store = filled_store (path, TRUE, &document_id);
  g_assert_true (factures_store_export_json (store, file, &error));
  g_clear_object (&store);

  check_refused (dir, file, "pa_account", 0, "registration", json_node_init_string (json_node_alloc (), "00420"),
                 "pa_account[0]");
  check_refused (dir, file, "pa_account", 0, "base_url", json_node_init_string (json_node_alloc (), "http://pa.example/"),
                 "pa_account[0]");
  /* Issue 15: the directory address is checked as the preferences check it, and routes_b2g is 0 or 1. */
  check_refused (dir, file, "pa_account", 0, "directory_url", json_node_init_string (json_node_alloc (), "ftp://pa.example/"),
                 "pa_account[0]");
  check_refused (dir, file, "pa_account", 0, "routes_b2g", json_node_init_int (json_node_alloc (), 2),
                 "pa_account[0].routes_b2g");
  check_refused (dir, file, "pa_outbox", 0, "document_id", json_node_init_int (json_node_alloc (), 999),
                 "pa_outbox[0].document_id");
  check_refused (dir, file, "pa_outbox", 0, "state", json_node_init_string (json_node_alloc (), "lost"),
                 "pa_outbox[0].state");
  check_refused (dir, file, "pa_inbox", 0, "content", json_node_init_string (json_node_alloc (), "not base64!"),
                 "pa_inbox[0].content");
  /* the directory cache, checked as a lookup is saved */
  check_refused (dir, file, "pa_directory", 0, "siren", json_node_init_string (json_node_alloc (), "12345"),
                 "pa_directory[0].siren");
  check_refused (dir, file, "pa_directory", 0, "status", json_node_init_string (json_node_alloc (), "Maybe"),
                 "pa_directory[0].status");
  check_refused (dir, file, "pa_directory", 0, "address", json_node_init_string (json_node_alloc (), ""),
                 "pa_directory[0].address");
  check_refused (dir, file, "pa_directory", 0, "looked_up", json_node_init_string (json_node_alloc (), "hier"),
                 "pa_directory[0].looked_up");
  store_test_remove_dir (dir);
}

/* A status message whose bytes do not match its sha256: refused. */
static void
test_gate_sha256 (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_db_path (dir);
  g_autofree char *file = g_build_filename (dir, "export.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesStore) store = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *outbox;
  gint64 document_id;

  store = filled_store (path, TRUE, &document_id);
  g_assert_true (factures_store_export_json (store, file, &error));
  g_clear_object (&store);
  /* the status message (the second row) with other bytes than its sha256 says */
  g_assert_true (json_parser_load_from_file (parser, file, &error));
  outbox = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "pa_outbox");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (outbox, 1), "kind"), ==, "status");
  check_refused (dir, file, "pa_outbox", 1, "payload",
                 json_node_init_string (json_node_alloc (), "PHhtbD4yMTM8L3htbD4="), "pa_outbox[1].sha256");
  store_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_setenv ("FACTURES_TODAY", "2026-12-06", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pa/json/round-trip", test_round_trip);
  g_test_add_func ("/pa/json/without-pa", test_without_pa);
  g_test_add_func ("/pa/json/gate", test_gate);
  g_test_add_func ("/pa/json/gate-sha256", test_gate_sha256);
  return g_test_run ();
}
