/* test-store-numbering.c — numbers never repeat and never skip (issue 10, findings 1 and 2,
 * "What to build" item 2): own sales imported as history take part in the numbering, the
 * counter never goes back and moves forward only before the first number of its period, and
 * --verify (factures_store_verify) sees a counter set off by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "factures-imported.h"
#include "factures-store.h"
#include "factures-store-facturx.h"
#include "factures-store-lifecycle.h"
#include "factures-store-numbering.h"
#include "store-test-util.h"

typedef struct {
  char          *dir;
  char          *path;
  FacturesStore *store;
  gint64         client_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FacturesProfile) profile = store_test_profile ();
  g_autoptr(FacturesClient) client = store_test_client ("Société Dupont");
  g_autoptr(GError) error = NULL;

  g_setenv ("FACTURES_TODAY", "2026-03-10", TRUE);
  f->dir = store_test_make_fast_dir ();
  f->path = store_test_db_path (f->dir);
  f->store = factures_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_save_profile (f->store, profile, &error));
  g_assert_true (factures_store_save_client (f->store, client, &error));
  g_assert_no_error (error);
  f->client_id = client->id;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  store_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  g_unsetenv ("FACTURES_TODAY");
}

static int
raw_exec (Fixture    *f,
          const char *sql)
{
  sqlite3 *db = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_close (db);
  return rc;
}

static gint64
raw_int (Fixture    *f,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* Every row of the tables a refusal must leave alone, as one text. */
static char *
fingerprint (Fixture *f)
{
  static const char *sql[] = {
    "SELECT name, pattern, next_counter, last_issued_date, yearly_reset FROM number_series ORDER BY name",
    "SELECT id, status, number, issue_date FROM documents ORDER BY id",
    "SELECT id, direction, number, issue_date FROM imported_invoices ORDER BY id",
  };
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql[i], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (out, "%s|", (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gint64
draft (Fixture    *f,
       const char *iso)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) document = store_test_draft (f->client_id, iso, 1);

  g_assert_true (factures_store_save_draft (f->store, document, &error));
  g_assert_no_error (error);
  return document->id;
}

/* Issues a new draft dated @iso; returns its number. */
static char *
issue (Fixture    *f,
       const char *iso)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) issued = NULL;

  issued = factures_store_issue (f->store, draft (f, iso), store_test_render, NULL, &error);
  g_assert_no_error (error);
  return g_strdup (issued->number);
}

/* An invoice file kept as history: an own sale when @seller_siren is the profile's (732829320). */
static FacturesImported *
imported_new (const char *number,
              const char *iso,
              const char *seller_siren)
{
  FacturesImported *imported = factures_imported_new ();
  gboolean sale = g_strcmp0 (seller_siren, "732829320") == 0;

  imported->number = g_strdup (number);
  imported->type_code = 380;
  g_assert_true (factures_date_parse_iso (iso, &imported->issue_date, NULL));
  imported->currency = g_strdup ("EUR");
  imported->seller.name = g_strdup (sale ? "Camille Martin EI" : "Fournisseur SA");
  imported->seller.siren = g_strdup (seller_siren);
  imported->buyer.name = g_strdup (sale ? "Société Dupont" : "Camille Martin EI");
  imported->buyer.siren = g_strdup (sale ? "552081317" : "732829320");
  imported->tax_basis_total = g_strdup ("100.00");
  imported->tax_total = g_strdup ("0.00");
  imported->grand_total = g_strdup ("100.00");
  imported->due_payable = g_strdup ("100.00");
  return imported;
}

static gint64
import_history (Fixture    *f,
                const char *number,
                const char *iso,
                const char *seller_siren,
                GError    **error)
{
  g_autoptr(FacturesImported) imported = imported_new (number, iso, seller_siren);
  g_autoptr(GBytes) xml = g_bytes_new_static ("<x/>", 4);

  return factures_store_import_history (f->store, imported, xml, "ancien-logiciel.xml", FALSE, xml,
                                        NULL, NULL, NULL, error);
}

/* Finding 1: the counter at 7, an own sale F2026-0007 imported as history, then a draft
 * issued: it took F2026-0007 too. The sale now moves the counter past it. */
static void
test_import_moves_counter (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *next = NULL;
  g_autofree char *after = NULL;

  /* The series starts at 7 (the user came from another tool), before any number. */
  g_assert_true (factures_store_set_series (f->store, "invoice", "F{YYYY}-{NNNN}", 7, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (import_history (f, "F2026-0007", "2026-03-02", "732829320", &error), >, 0);
  g_assert_no_error (error);

  first = issue (f, "2026-03-10");
  g_assert_cmpstr (first, !=, "F2026-0007");
  g_assert_cmpstr (first, ==, "F2026-0008");
  g_assert_cmpint (raw_int (f, "SELECT count(*) FROM documents d JOIN imported_invoices i "
                               "ON i.number = d.number"), ==, 0);

  /* A later sale of the other tool: the numbering continues after it, and its date
   * becomes the series' last (numbers follow dates). */
  g_assert_cmpint (import_history (f, "F2026-0041", "2026-03-10", "732829320", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (f, "SELECT next_counter FROM number_series WHERE name = 'invoice'"), ==, 42);
  {
    g_autofree char *note = factures_store_numbering_note (f->store, "F2026-0041");

    g_assert_cmpstr (note, ==, "Numbering continues after F2026-0041.");
  }
  g_assert_cmpint (raw_int (f, "SELECT last_issued_date = '2026-03-10' FROM number_series "
                               "WHERE name = 'invoice'"), ==, 1);
  next = issue (f, "2026-03-10");
  g_assert_cmpstr (next, ==, "F2026-0042");

  /* A purchase from another seller under a number of the pattern changes nothing. */
  g_assert_cmpint (import_history (f, "F2026-0099", "2026-03-10", "552081317", &error), >, 0);
  g_assert_no_error (error);
  after = issue (f, "2026-03-10");
  g_assert_cmpstr (after, ==, "F2026-0043");
  g_assert_null (factures_store_numbering_note (f->store, "F2026-0099"));
  g_assert_true (factures_store_verify (f->store, &error));
  g_assert_no_error (error);
}

/* With a yearly restart: a sale of a past year is history (nothing to continue); a sale of the
 * current year past the counter continues it, in that year only. */
static void
test_import_yearly (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  g_assert_true (factures_store_set_series (f->store, "invoice", "F{YYYY}-{NNNN}", 1, TRUE, &error));
  g_assert_no_error (error);
  a = issue (f, "2026-03-10");
  g_assert_cmpstr (a, ==, "F2026-0001");
  /* Last year's sale of the other tool: kept, the series goes on at 2. */
  g_assert_cmpint (import_history (f, "F2025-0350", "2025-12-20", "732829320", &error), >, 0);
  g_assert_no_error (error);
  g_assert_null (factures_store_numbering_note (f->store, "F2025-0350"));
  b = issue (f, "2026-03-10");
  g_assert_cmpstr (b, ==, "F2026-0002");
  /* This year's, past the counter: continued after it. */
  g_assert_cmpint (import_history (f, "F2026-0010", "2026-03-10", "732829320", &error), >, 0);
  g_assert_no_error (error);
  c = issue (f, "2026-03-10");
  g_assert_cmpstr (c, ==, "F2026-0011");
  /* This year's, below the last number Factures issued: refused. */
  g_assert_cmpint (import_history (f, "F2026-0011", "2026-03-10", "732829320", &error), ==, 0);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (import_history (f, "F2026-0005", "2026-03-10", "732829320", &error), ==, 0);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (factures_store_verify (f->store, &error));
  g_assert_no_error (error);
}

/* An own sale below the last number Factures issued in a series is refused, nothing stored. */
static void
test_import_below_refused (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *unchanged = NULL;

  for (guint i = 0; i < 3; i++)
    g_free (issue (f, "2026-03-10"));
  before = fingerprint (f);
  /* F2025-0002 matches F{YYYY}-{NNNN} (a counter that never restarts) below F2026-0003. */
  g_assert_cmpint (import_history (f, "F2025-0002", "2025-12-01", "732829320", &error), ==, 0);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "F2025-0002"));
  g_assert_nonnull (strstr (error->message, "F2026-0003"));
  g_clear_error (&error);
  unchanged = fingerprint (f);
  g_assert_cmpstr (before, ==, unchanged);
}

/* Imported own sales that match no pattern only join the uniqueness check: a pattern
 * change that could give one of their numbers is refused. */
static void
test_pattern_change_meets_imported (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *preview = NULL;

  g_assert_cmpint (import_history (f, "INV-77", "2026-01-15", "732829320", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (f, "SELECT next_counter FROM number_series WHERE name = 'invoice'"), ==, 1);

  preview = factures_store_preview_series (f->store, "invoice", "INV-{NN}", 70, FALSE, NULL, &error);
  g_assert_null (preview);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "INV-77"));
  g_clear_error (&error);
  g_assert_false (factures_store_set_series (f->store, "invoice", "INV-{NN}", 70, FALSE, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  /* Past it: fine. */
  g_assert_true (factures_store_set_series (f->store, "invoice", "INV-{NN}", 78, FALSE, &error));
  g_assert_no_error (error);
}

/* A database where an own sale was imported under the next number before this fix: issuing
 * refuses with the imported sale named instead of repeating its number; the counter may
 * then be moved past numbers held by imported sales (they are not gaps), and no further. */
static void
test_issue_meets_imported (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) issued = NULL;
  g_autofree char *before = NULL;
  g_autofree char *unchanged = NULL;
  g_autofree char *number = NULL;
  gint64 id;

  for (guint i = 0; i < 3; i++)
    g_free (issue (f, "2026-03-10"));
  /* Written as the import of the earlier version did: the counter left at 4. */
  g_assert_cmpint (raw_exec (f, "INSERT INTO imported_invoices (direction, number, type_code, issue_date, "
                                "seller_name, seller_siren, buyer_name, figures_ok, original, original_name, "
                                "original_is_pdf, xml, imported_at) VALUES ('sale', 'F2026-0004', 380, "
                                "'2026-03-01', 'Camille Martin EI', '732829320', 'Société Dupont', 1, "
                                "x'00', 'ancien-logiciel.pdf', 0, x'00', '2026-03-01T10:00:00Z')"), ==, SQLITE_OK);
  id = draft (f, "2026-03-10");
  before = fingerprint (f);
  issued = factures_store_issue (f->store, id, store_test_render, NULL, &error);
  g_assert_null (issued);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "F2026-0004"));
  g_assert_nonnull (strstr (error->message, "ancien-logiciel.pdf"));
  g_clear_error (&error);
  unchanged = fingerprint (f);
  g_assert_cmpstr (before, ==, unchanged);

  /* Past F2026-0005 would skip a number nobody holds: refused. Past F2026-0004: accepted. */
  g_assert_false (factures_store_set_series (f->store, "invoice", "F{YYYY}-{NNNN}", 6, FALSE, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (factures_store_set_series (f->store, "invoice", "F{YYYY}-{NNNN}", 5, FALSE, &error));
  g_assert_no_error (error);
  issued = factures_store_issue (f->store, id, store_test_render, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (issued->number, ==, "F2026-0005");
  number = g_strdup (issued->number);
  g_assert_true (factures_store_verify (f->store, &error));
  g_assert_no_error (error);
}

/* Finding 2: Preferences → numbering accepted a counter of 10 after F2026-0002. */
static void
test_counter_never_skips (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *preview = NULL;
  g_autofree char *before = NULL;
  g_autofree char *unchanged = NULL;

  a = issue (f, "2026-03-10");
  b = issue (f, "2026-03-10");
  g_assert_cmpstr (b, ==, "F2026-0002");
  before = fingerprint (f);

  /* Forward: a gap. */
  preview = factures_store_preview_series (f->store, "invoice", "F{YYYY}-{NNNN}", 10, FALSE, NULL, &error);
  g_assert_null (preview);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Next number: "));
  g_clear_error (&error);
  g_assert_false (factures_store_set_series (f->store, "invoice", "F{YYYY}-{NNNN}", 10, FALSE, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Next number: "));
  g_clear_error (&error);
  /* Back: a repeat. */
  g_assert_false (factures_store_set_series (f->store, "invoice", "F{YYYY}-{NNNN}", 2, FALSE, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Next number: "));
  g_assert_nonnull (strstr (error->message, "F2026-0002"));
  g_clear_error (&error);
  unchanged = fingerprint (f);
  g_assert_cmpstr (before, ==, unchanged);

  /* The same counter with another pattern is not a move. */
  g_assert_true (factures_store_set_series (f->store, "invoice", "FA{YYYY}-{NNNN}", 3, FALSE, &error));
  g_assert_no_error (error);
  c = issue (f, "2026-03-10");
  g_assert_cmpstr (c, ==, "FA2026-0003");

  /* The database refuses a counter going back even without the window (trigger of 0009). */
  g_assert_cmpint (raw_exec (f, "UPDATE number_series SET next_counter = 2 WHERE name = 'invoice'"),
                   ==, SQLITE_CONSTRAINT);
}

/* Forward by hand only before the first number of the period: a new series, or with a
 * yearly restart, the new year before its first number. */
static void
test_counter_start (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) refused = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *preview = NULL;
  gint64 late;

  /* A counter beyond twelve digits is refused, naming the field. */
  g_assert_false (factures_store_set_series (f->store, "invoice", "F{YYYY}-{NNNN}", G_MAXINT64, TRUE, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Next number: "));
  g_clear_error (&error);

  /* Nothing issued yet: the series may start at 10. */
  g_assert_true (factures_store_set_series (f->store, "invoice", "F{YYYY}-{NNNN}", 10, TRUE, &error));
  g_assert_no_error (error);
  a = issue (f, "2026-03-10");
  g_assert_cmpstr (a, ==, "F2026-0010");
  g_assert_false (factures_store_set_series (f->store, "invoice", "F{YYYY}-{NNNN}", 20, TRUE, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);

  g_setenv ("FACTURES_TODAY", "2026-12-31", TRUE);
  b = issue (f, "2026-12-31");
  g_assert_cmpstr (b, ==, "F2026-0011");
  late = draft (f, "2026-12-31");

  /* A new year, nothing numbered in it: the next number is F2027-0001, and the start
   * may be set (here 5, continuing a paper invoice book). */
  g_setenv ("FACTURES_TODAY", "2027-01-04", TRUE);
  preview = factures_store_preview_series (f->store, "invoice", "F{YYYY}-{NNNN}", 1, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (preview, ==, "F2027-0001");
  g_clear_pointer (&preview, g_free);
  preview = factures_store_preview_series (f->store, "invoice", "F{YYYY}-{NNNN}", 5, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (preview, ==, "F2027-0005");
  g_assert_true (factures_store_set_series (f->store, "invoice", "F{YYYY}-{NNNN}", 5, TRUE, &error));
  g_assert_no_error (error);

  /* A draft of the old year can no longer take a number of the old year's series. */
  refused = factures_store_issue (f->store, late, store_test_render, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_DATE_ORDER);
  g_clear_error (&error);

  c = issue (f, "2027-01-04");
  g_assert_cmpstr (c, ==, "F2027-0005");
  g_assert_false (factures_store_set_series (f->store, "invoice", "F{YYYY}-{NNNN}", 3, TRUE, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (factures_store_verify (f->store, &error));
  g_assert_no_error (error);
}

/* --verify (factures_store_verify) compares each series' counter with its highest number. */
static void
test_verify_counter (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *trigger = NULL;

  for (guint i = 0; i < 9; i++)
    g_free (issue (f, "2026-03-10"));
  g_assert_true (factures_store_verify (f->store, &error));
  g_assert_no_error (error);

  /* Triggers dropped, as someone with sqlite3 would (kept to be made again below: --verify
   * names a trigger missing, trial finding T2). */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_master WHERE name = "
                                             "'number_series_counter_never_back'", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    trigger = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
  raw_exec (f, "DROP TRIGGER IF EXISTS number_series_counter_never_back");

  /* A gap: numbers 10 to 99 would never exist. */
  g_assert_cmpint (raw_exec (f, "UPDATE number_series SET next_counter = 100 WHERE name = 'invoice'"),
                   ==, SQLITE_OK);
  g_assert_false (factures_store_verify (f->store, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY);
  g_assert_nonnull (strstr (error->message, "F{YYYY}-{NNNN}"));
  g_assert_nonnull (strstr (error->message, "F2026-0009"));
  g_clear_error (&error);

  /* A repeat: F2026-0005 would be given again. */
  g_assert_cmpint (raw_exec (f, "UPDATE number_series SET next_counter = 5 WHERE name = 'invoice'"),
                   ==, SQLITE_OK);
  g_assert_false (factures_store_verify (f->store, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY);
  g_assert_nonnull (strstr (error->message, "F{YYYY}-{NNNN}"));
  g_clear_error (&error);

  /* The date of the last number set back before the last issue. */
  g_assert_cmpint (raw_exec (f, "UPDATE number_series SET next_counter = 10, "
                                "last_issued_date = '2026-01-01' WHERE name = 'invoice'"), ==, SQLITE_OK);
  g_assert_false (factures_store_verify (f->store, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY);
  g_clear_error (&error);

  g_assert_cmpint (raw_exec (f, "UPDATE number_series SET last_issued_date = '2026-03-10' "
                                "WHERE name = 'invoice'"), ==, SQLITE_OK);
  g_assert_cmpint (raw_exec (f, trigger), ==, SQLITE_OK);
  g_assert_true (factures_store_verify (f->store, &error));
  g_assert_no_error (error);

  /* A number both issued and held by an imported own sale (finding 1 in an old database). */
  g_assert_cmpint (raw_exec (f, "INSERT INTO imported_invoices (direction, number, type_code, issue_date, "
                                "seller_name, seller_siren, buyer_name, figures_ok, original, "
                                "original_is_pdf, xml, imported_at) VALUES ('sale', 'F2026-0003', 380, "
                                "'2026-03-01', 'Camille Martin EI', '732829320', 'Société Dupont', 1, "
                                "x'00', 0, x'00', '2026-03-01T10:00:00Z')"), ==, SQLITE_OK);
  g_assert_false (factures_store_verify (f->store, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY);
  g_assert_nonnull (strstr (error->message, "F2026-0003"));
  g_clear_error (&error);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/numbering/import-moves-counter", test_import_moves_counter);
  ADD ("/store/numbering/import-yearly", test_import_yearly);
  ADD ("/store/numbering/import-below-refused", test_import_below_refused);
  ADD ("/store/numbering/pattern-change-meets-imported", test_pattern_change_meets_imported);
  ADD ("/store/numbering/issue-meets-imported", test_issue_meets_imported);
  ADD ("/store/numbering/counter-never-skips", test_counter_never_skips);
  ADD ("/store/numbering/counter-start", test_counter_start);
  ADD ("/store/numbering/verify-counter", test_verify_counter);

  return g_test_run ();
}
