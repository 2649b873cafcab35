/* test-store-issue.c — issuing: numbers, immutability, date order, mentions, hash chain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "factures-store.h"
#include "factures-store-lifecycle.h"
#include "store-test-util.h"

typedef struct {
  char          *dir;
  char          *path;
  FacturesStore *store;
  gint64         client_id;
  guint          renders;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesProfile) profile = store_test_profile ();
  g_autoptr(FacturesClient) client = store_test_client ("ACME SAS");

  g_setenv ("FACTURES_TODAY", "2026-06-15", TRUE);
  fixture->dir = store_test_make_fast_dir ();
  fixture->path = store_test_db_path (fixture->dir);
  fixture->store = factures_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_save_profile (fixture->store, profile, &error));
  g_assert_no_error (error);
  g_assert_true (factures_store_save_client (fixture->store, client, &error));
  g_assert_no_error (error);
  fixture->client_id = client->id;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  store_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_unsetenv ("FACTURES_TODAY");
}

static gint64
save_draft (Fixture    *fixture,
            const char *date)
{
  g_autoptr(FacturesDocument) draft = store_test_draft (fixture->client_id, date, 2);
  g_autoptr(GError) error = NULL;

  g_assert_true (factures_store_save_draft (fixture->store, draft, &error));
  g_assert_no_error (error);
  return draft->id;
}

static FacturesDocument *
issue (Fixture    *fixture,
       gint64      id)
{
  g_autoptr(GError) error = NULL;
  FacturesDocument *document;

  document = factures_store_issue (fixture->store, id, store_test_render, &fixture->renders, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

/* Runs raw SQL on a second connection, as another program would. */
static int
raw_exec (const char *path,
          const char *sql,
          char      **message)
{
  sqlite3 *db = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 2000);
  rc = sqlite3_exec (db, sql, NULL, NULL, message);
  sqlite3_close (db);
  return rc;
}

static gint64
raw_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
test_issue_freezes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(FacturesDocument) issued = NULL;
  g_autoptr(FacturesDocument) loaded = NULL;
  g_autoptr(FacturesClient) client = NULL;
  g_autoptr(FacturesProfile) profile = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = save_draft (fixture, "2026-06-01");
  GDate due;

  issued = issue (fixture, id);
  g_assert_cmpuint (fixture->renders, ==, 1);
  g_assert_cmpint (issued->status, ==, FACTURES_DOCUMENT_STATUS_ISSUED);
  g_assert_cmpstr (issued->number, ==, "F2026-0001");
  g_assert_nonnull (issued->hash);
  g_assert_cmpuint (strlen (issued->hash), ==, 64);
  g_date_set_dmy (&due, 1, G_DATE_JULY, 2026);   /* 30 days */
  g_assert_cmpint (g_date_compare (&issued->due_date, &due), ==, 0);

  original = factures_store_get_original (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (g_bytes_get_data (original, NULL), "F2026-0001"));

  /* Later changes to the client and the profile do not touch the issued document. */
  client = factures_store_get_client (fixture->store, fixture->client_id, &error);
  g_free (client->party.name);
  client->party.name = g_strdup ("Renamed SAS");
  g_assert_true (factures_store_save_client (fixture->store, client, &error));
  profile = factures_store_get_profile (fixture->store, &error);
  g_free (profile->party.city);
  profile->party.city = g_strdup ("Grenoble");
  profile->default_terms.kind = FACTURES_TERMS_ON_RECEIPT;
  g_assert_true (factures_store_save_profile (fixture->store, profile, &error));
  g_assert_no_error (error);

  loaded = factures_store_find_document (fixture->store, "F2026-0001", &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->id, ==, id);
  g_assert_cmpstr (loaded->buyer->party.name, ==, "ACME SAS");
  g_assert_cmpstr (loaded->seller->party.city, ==, "Lyon");
  g_assert_cmpint (loaded->terms.kind, ==, FACTURES_TERMS_DAYS);
  g_assert_cmpint (g_date_compare (&loaded->due_date, &due), ==, 0);
  g_assert_cmpstr (loaded->hash, ==, issued->hash);

  /* Through the API too, an issued document cannot be saved, deleted or issued again. */
  g_assert_false (factures_store_save_draft (fixture->store, loaded, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_IMMUTABLE);
  g_clear_error (&error);
  loaded->status = FACTURES_DOCUMENT_STATUS_DRAFT;
  g_assert_false (factures_store_save_draft (fixture->store, loaded, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_IMMUTABLE);
  g_clear_error (&error);
  g_assert_false (factures_store_delete_draft (fixture->store, id, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_IMMUTABLE);
  g_clear_error (&error);
  g_assert_null (factures_store_issue (fixture->store, id, store_test_render, NULL, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_IMMUTABLE);
  g_clear_error (&error);
  g_assert_false (factures_store_delete_client (fixture->store, fixture->client_id, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_IMMUTABLE);
  g_clear_error (&error);

  /* A duplicate of an issued document is a new draft. */
  {
    gint64 copy = factures_store_duplicate (fixture->store, id, &error);
    g_autoptr(FacturesDocument) draft = NULL;

    g_assert_no_error (error);
    draft = factures_store_get_document (fixture->store, copy, &error);
    g_assert_cmpint (draft->status, ==, FACTURES_DOCUMENT_STATUS_DRAFT);
    g_assert_null (draft->number);
    g_assert_cmpuint (draft->lines->len, ==, 2);
  }

  g_assert_true (factures_store_verify (fixture->store, &error));
  g_assert_no_error (error);
}

static void
test_thousand_consecutive (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 first_id = 0;

  for (guint i = 1; i <= 1000; i++)
    {
      g_autoptr(FacturesDocument) issued = NULL;
      g_autofree char *expected = g_strdup_printf ("F2026-%04u", i);
      gint64 id = save_draft (fixture, "2026-06-01");

      if (first_id == 0)
        first_id = id;
      issued = issue (fixture, id);
      g_assert_cmpstr (issued->number, ==, expected);
    }

  g_assert_cmpint (raw_int (fixture->path, "SELECT count(DISTINCT number) FROM documents WHERE status = 1"), ==, 1000);
  g_assert_cmpint (raw_int (fixture->path, "SELECT next_counter FROM number_series WHERE name = 'invoice'"), ==, 1001);
  g_assert_true (factures_store_verify (fixture->store, &error));
  g_assert_no_error (error);

  /* Deposit invoices share the series; quotes and credit notes have their own. */
  {
    g_autoptr(FacturesDocument) deposit = store_test_draft (fixture->client_id, "2026-06-02", 1);
    g_autoptr(FacturesDocument) quote = store_test_draft (fixture->client_id, "2026-06-02", 1);
    g_autoptr(FacturesDocument) credit = NULL;
    g_autoptr(FacturesDocument) a = NULL;
    g_autoptr(FacturesDocument) b = NULL;
    g_autoptr(FacturesDocument) c = NULL;
    gint64 credit_id;

    deposit->kind = FACTURES_DOCUMENT_KIND_DEPOSIT;
    quote->kind = FACTURES_DOCUMENT_KIND_QUOTE;
    g_assert_true (factures_store_save_draft (fixture->store, deposit, &error));
    g_assert_true (factures_store_save_draft (fixture->store, quote, &error));
    a = issue (fixture, deposit->id);
    b = issue (fixture, quote->id);
    /* A credit note cites the invoice it corrects (factures-store-lifecycle.h). */
    credit_id = factures_store_credit_note_new (fixture->store, a->id, NULL, 0, 0, &error);
    g_assert_no_error (error);
    credit = factures_store_get_document (fixture->store, credit_id, &error);
    g_assert_no_error (error);
    g_assert_true (factures_store_save_draft (fixture->store, credit, &error));
    c = issue (fixture, credit->id);
    g_assert_cmpstr (a->number, ==, "F2026-1001");
    g_assert_cmpstr (b->number, ==, "D2026-0001");
    g_assert_cmpstr (c->number, ==, "A2026-0001");
  }
  g_assert_true (factures_store_verify (fixture->store, &error));
  g_assert_no_error (error);
}

static void
test_triggers (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(FacturesDocument) issued = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = save_draft (fixture, "2026-06-01");
  gint64 draft_id = save_draft (fixture, "2026-06-01");
  const char *statements[] = {
    "UPDATE documents SET gross_total = 1 WHERE id = @ID@",
    "UPDATE documents SET notes = 'x' WHERE id = @ID@",
    "UPDATE documents SET status = 0 WHERE id = @ID@",
    "UPDATE documents SET number = 'F2026-9999' WHERE id = @ID@",
    "UPDATE document_originals SET pdf = x'00' WHERE document_id = @ID@",
    "DELETE FROM document_originals WHERE document_id = @ID@",
    "UPDATE documents SET pdf_sha256 = 'x' WHERE id = @ID@",
    "DELETE FROM documents WHERE id = @ID@",
    "UPDATE lines SET quantity = 5 WHERE document_id = @ID@",
    "UPDATE lines SET description = 'x' WHERE document_id = @ID@",
    "DELETE FROM lines WHERE document_id = @ID@",
    "INSERT INTO lines (document_id, position, description, quantity, unit_price) "
      "VALUES (@ID@, 99, 'extra', 1, 1)",
    "UPDATE lines SET document_id = @ID@ WHERE document_id = (SELECT max(id) FROM documents)",
    "UPDATE documents SET gross_total = 1",
    "DELETE FROM documents",
  };
  g_autofree char *hash_before = NULL;

  issued = issue (fixture, id);
  hash_before = g_strdup (issued->hash);

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_auto(GStrv) parts = g_strsplit (statements[i], "@ID@", -1);
      g_autofree char *sql = g_strjoinv (id_text, parts);
      char *message = NULL;
      int rc = raw_exec (fixture->path, sql, &message);

      g_test_message ("%s → %s", sql, message ? message : "ok");
      g_assert_cmpint (rc, !=, SQLITE_OK);
      g_assert_nonnull (strstr (message, "issued document is immutable"));
      sqlite3_free (message);
    }

  /* The draft is still free to change. */
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE documents SET notes = 'ok' WHERE id = %" G_GINT64_FORMAT, draft_id);
    g_assert_cmpint (raw_exec (fixture->path, sql, NULL), ==, SQLITE_OK);
  }

  g_assert_cmpint (raw_int (fixture->path, "SELECT count(*) FROM lines WHERE document_id = (SELECT id FROM documents WHERE status = 1)"), ==, 2);
  g_assert_true (factures_store_verify (fixture->store, &error));
  g_assert_no_error (error);
}

static void
test_date_order (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(FacturesDocument) first = NULL;
  g_autoptr(FacturesDocument) same_day = NULL;
  g_autoptr(FacturesDocument) quote = NULL;
  g_autoptr(GError) error = NULL;
  gint64 later = save_draft (fixture, "2026-06-10");
  gint64 earlier = save_draft (fixture, "2026-06-09");
  gint64 same = save_draft (fixture, "2026-06-10");

  first = issue (fixture, later);
  g_assert_null (factures_store_issue (fixture->store, earlier, store_test_render, &fixture->renders, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_DATE_ORDER);
  g_assert_nonnull (strstr (error->message, "10/06/2026"));
  g_clear_error (&error);
  g_assert_cmpuint (fixture->renders, ==, 1);

  /* The refused draft is still a draft; the same day is fine; the counter did not move. */
  same_day = issue (fixture, same);
  g_assert_cmpstr (same_day->number, ==, "F2026-0002");

  /* Another series has its own last date. */
  {
    g_autoptr(FacturesDocument) draft = store_test_draft (fixture->client_id, "2026-01-05", 1);

    draft->kind = FACTURES_DOCUMENT_KIND_QUOTE;
    g_assert_true (factures_store_save_draft (fixture->store, draft, &error));
    quote = issue (fixture, draft->id);
    g_assert_cmpstr (quote->number, ==, "D2026-0001");
  }
  {
    g_autoptr(FacturesDocument) still = factures_store_get_document (fixture->store, earlier, &error);
    g_assert_cmpint (still->status, ==, FACTURES_DOCUMENT_STATUS_DRAFT);
  }
}

static void
test_future_date (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(FacturesDocument) issued = NULL;
  g_autoptr(GError) error = NULL;
  /* FACTURES_TODAY is 2026-06-15 (fixture): a mistyped year is refused, so it
   * cannot push the series' last date a year ahead. */
  gint64 typo = save_draft (fixture, "2027-06-15");
  gint64 today = save_draft (fixture, "2026-06-15");

  g_assert_null (factures_store_issue (fixture->store, typo, store_test_render, &fixture->renders, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_DATE_ORDER);
  g_assert_nonnull (strstr (error->message, "15/06/2027"));
  g_assert_cmpuint (fixture->renders, ==, 0);
  g_clear_error (&error);

  issued = issue (fixture, today);
  g_assert_cmpstr (issued->number, ==, "F2026-0001");
}

static void
test_missing_mentions (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(FacturesProfile) profile = store_test_profile ();
  g_autoptr(FacturesClient) client = store_test_client ("Sans Adresse SARL");
  g_autoptr(FacturesDocument) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  /* Seller without "EI", client without address. */
  g_free (profile->party.name);
  profile->party.name = g_strdup ("Camille Martin");
  g_assert_true (factures_store_save_profile (fixture->store, profile, &error));
  g_clear_pointer (&client->party.address, g_free);
  g_clear_pointer (&client->party.postal_code, g_free);
  g_assert_true (factures_store_save_client (fixture->store, client, &error));
  g_assert_no_error (error);

  draft = store_test_draft (client->id, "2026-06-01", 1);
  g_assert_true (factures_store_save_draft (fixture->store, draft, &error));

  g_assert_null (factures_store_issue (fixture->store, draft->id, store_test_render, &fixture->renders, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_MISSING_MENTION);
  g_test_message ("%s", error->message);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_nonnull (strstr (error->message, "EI"));
  g_assert_cmpuint (fixture->renders, ==, 0);
  g_clear_error (&error);

  /* A draft without client or lines lists both. */
  {
    g_autoptr(FacturesDocument) empty = factures_document_new (FACTURES_DOCUMENT_KIND_INVOICE);

    g_assert_true (factures_store_save_draft (fixture->store, empty, &error));
    g_assert_null (factures_store_issue (fixture->store, empty->id, store_test_render, NULL, &error));
    g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_MISSING_MENTION);
    g_auto(GStrv) listed = g_strsplit (error->message, "\n", -1);

    g_assert_cmpuint (g_strv_length (listed), >=, 3);
    g_clear_error (&error);
  }

  g_assert_cmpint (raw_int (fixture->path, "SELECT count(*) FROM documents WHERE status = 1"), ==, 0);
  g_assert_cmpint (raw_int (fixture->path, "SELECT next_counter FROM number_series WHERE name = 'invoice'"), ==, 1);
}

static GBytes *
failing_render (const FacturesDocument *document,
                gpointer                user_data,
                GError                **error)
{
  g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT, "no fonts");
  return NULL;
}

static void
test_render_failure_rolls_back (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) later = NULL;
  gint64 id = save_draft (fixture, "2026-06-01");

  g_assert_null (factures_store_issue (fixture->store, id, failing_render, NULL, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_cmpint (raw_int (fixture->path, "SELECT count(*) FROM documents WHERE status = 1 OR number IS NOT NULL"), ==, 0);
  g_assert_cmpint (raw_int (fixture->path, "SELECT count(*) FROM events"), ==, 0);

  later = issue (fixture, id);
  g_assert_cmpstr (later->number, ==, "F2026-0001");
}

static void
test_verify_detects_tampering (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  char *message = NULL;

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(FacturesDocument) issued = issue (fixture, save_draft (fixture, "2026-06-01"));
    }
  g_assert_true (factures_store_verify (fixture->store, &error));
  g_assert_no_error (error);

  /* Behind the app's back: drop the triggers and change a figure of F2026-0003. */
  g_assert_cmpint (raw_exec (fixture->path,
                             "DROP TRIGGER documents_issued_no_update;"
                             "UPDATE documents SET gross_total = gross_total + 1 WHERE number = 'F2026-0003';",
                             &message), ==, SQLITE_OK);
  g_assert_null (message);

  g_assert_false (factures_store_verify (fixture->store, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "F2026-0003"));
  g_assert_null (strstr (error->message, "F2026-0004"));
  g_clear_error (&error);

  /* Restore it: verified again. Then alter a line of F2026-0002: named. */
  g_assert_cmpint (raw_exec (fixture->path,
                             "UPDATE documents SET gross_total = gross_total - 1 WHERE number = 'F2026-0003';"
                             "DROP TRIGGER lines_issued_no_update;"
                             "UPDATE lines SET unit_price = 1 WHERE position = 2 AND document_id = "
                             "(SELECT id FROM documents WHERE number = 'F2026-0002');",
                             NULL), ==, SQLITE_OK);
  g_assert_false (factures_store_verify (fixture->store, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY);
  g_assert_nonnull (strstr (error->message, "F2026-0002"));
  g_clear_error (&error);
}

static void
test_verify_detects_deletion (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(FacturesDocument) issued = issue (fixture, save_draft (fixture, "2026-06-01"));
    }
  g_assert_cmpint (raw_exec (fixture->path,
                             "PRAGMA foreign_keys = OFF; DROP TRIGGER documents_issued_no_delete; DROP TRIGGER events_no_delete;"
                             "DROP TRIGGER lines_issued_no_delete;"
                             "DELETE FROM events WHERE document_id = (SELECT id FROM documents WHERE number = 'F2026-0002');"
                             "DELETE FROM lines WHERE document_id = (SELECT id FROM documents WHERE number = 'F2026-0002');"
                             "DELETE FROM documents WHERE number = 'F2026-0002';",
                             NULL), ==, SQLITE_OK);
  g_assert_false (factures_store_verify (fixture->store, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY);
  g_assert_nonnull (strstr (error->message, "F2026-0003"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/issue/freezes", test_issue_freezes);
  ADD ("/store/issue/thousand-consecutive", test_thousand_consecutive);
  ADD ("/store/issue/triggers", test_triggers);
  ADD ("/store/issue/date-order", test_date_order);
  ADD ("/store/issue/future-date", test_future_date);
  ADD ("/store/issue/missing-mentions", test_missing_mentions);
  ADD ("/store/issue/render-failure", test_render_failure_rolls_back);
  ADD ("/store/verify/tampering", test_verify_detects_tampering);
  ADD ("/store/verify/deletion", test_verify_detects_deletion);
#undef ADD

  return g_test_run ();
}
