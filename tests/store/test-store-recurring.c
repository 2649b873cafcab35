/* test-store-recurring.c — recurring invoices (idempotent runs, missed
 * occurrences, automatic issue), the catalogue, client history and their JSON
 * (issue 3 items 4, 8, 10)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "factures-store.h"
#include "factures-store-recurring.h"
#include "factures-store-payments.h"
#include "factures-rows.h"
#include "store-test-util.h"

typedef struct {
  char          *dir;
  FacturesStore *store;
  gint64         client_id;
  guint          renders;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(FacturesProfile) profile = store_test_profile ();
  g_autoptr(FacturesClient) client = store_test_client ("ACME SAS");

  fixture->dir = store_test_make_dir ();
  path = store_test_db_path (fixture->dir);
  fixture->store = factures_store_open (path, &error);
  g_assert_no_error (error);
  if (data == NULL)
    {
      g_assert_true (factures_store_save_profile (fixture->store, profile, &error));
      g_assert_no_error (error);
    }
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
}

static gint64
query_int (FacturesStore *store,
           const char    *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open (factures_store_get_path (store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
date_iso (GDate      *date,
          const char *iso)
{
  g_assert_true (factures_date_parse_iso (iso, date, NULL));
}

static FacturesRecurring *
make_template (Fixture        *fixture,
               FacturesPeriod  period,
               const char     *start,
               const char     *end)
{
  g_autoptr(FacturesRecurring) r = factures_recurring_new ();
  FacturesLine *line = factures_line_new ();

  r->client_id = fixture->client_id;
  r->period = period;
  date_iso (&r->start_date, start);
  if (end != NULL)
    date_iso (&r->end_date, end);
  line->description = g_strdup ("Maintenance mensuelle");
  line->quantity = FACTURES_QUANTITY_ONE;
  line->unit_price = 150 * G_GINT64_CONSTANT (1000000);
  line->allowance = 1000;   /* 10 € line discount */
  g_ptr_array_add (r->lines, line);
  r->allowance = 500;
  return g_steal_pointer (&r);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(FacturesRecurring) r = make_template (fixture, FACTURES_PERIOD_MONTHLY, "2026-03-01", "2026-02-01");
  g_autoptr(GError) error = NULL;

  g_assert_false (factures_store_save_recurring (fixture->store, r, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "End"));
  g_clear_error (&error);

  g_date_clear (&r->end_date, 1);
  g_ptr_array_set_size (r->lines, 0);
  g_assert_false (factures_store_save_recurring (fixture->store, r, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);

  r->client_id = 0;
  g_assert_false (factures_store_save_recurring (fixture->store, r, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (r->id, ==, 0);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM recurring_templates"), ==, 0);
}

/* The app was closed from January to April: each occurrence is created once, as
 * a draft dated on its occurrence, flagged as missed; a second run (or a deleted
 * draft) creates nothing again. */
static void
test_missed_once (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(FacturesRecurring) r = make_template (fixture, FACTURES_PERIOD_MONTHLY, "2026-01-31", NULL);
  g_autoptr(FacturesRecurring) back = NULL;
  g_autoptr(GPtrArray) unseen = NULL;
  g_autoptr(GError) error = NULL;
  FacturesRecurringRun run;
  GDate today;
  g_autofree char *next = NULL;

  r->auto_issue = TRUE;   /* missed ones stay drafts all the same */
  g_assert_true (factures_store_save_recurring (fixture->store, r, &error));
  g_assert_no_error (error);

  date_iso (&today, "2026-04-29");
  g_assert_true (factures_store_run_recurring (fixture->store, &today, store_test_render,
                                               &fixture->renders, &run, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (run.created, ==, 3);   /* 31 Jan, 28 Feb, 31 Mar */
  g_assert_cmpuint (run.missed, ==, 3);
  g_assert_cmpuint (run.issued, ==, 0);
  g_assert_cmpuint (fixture->renders, ==, 0);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM documents WHERE status = 0"), ==, 3);
  g_assert_cmpint (query_int (fixture->store,
                              "SELECT count(*) FROM documents WHERE issue_date IN "
                              "('2026-01-31', '2026-02-28', '2026-03-31')"), ==, 3);
  /* 150 € − 10 € line discount − 5 € document discount = 135 €, franchise. */
  g_assert_cmpint (query_int (fixture->store, "SELECT min(gross_total) FROM documents"), ==, 13500);

  back = factures_store_get_recurring (fixture->store, r->id, &error);
  g_assert_no_error (error);
  next = factures_date_format_iso (&back->next_date);
  g_assert_cmpstr (next, ==, "2026-04-30");

  unseen = factures_store_list_unseen_occurrences (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (unseen->len, ==, 3);
  g_assert_cmpstr (((FacturesOccurrence *) g_ptr_array_index (unseen, 0))->client_name, ==, "ACME SAS");

  /* Again: nothing. */
  g_assert_true (factures_store_run_recurring (fixture->store, &today, store_test_render,
                                               &fixture->renders, &run, &error));
  g_assert_cmpuint (run.created, ==, 0);

  /* Even with next_date moved back (a crash between steps, a concurrent run),
   * the (template, date) key refuses a second draft; deleting a draft does not
   * bring it back. */
  g_assert_true (factures_store_delete_draft (fixture->store,
                                              ((FacturesOccurrence *) g_ptr_array_index (unseen, 0))->document_id,
                                              &error));
  g_assert_no_error (error);
  back->next_date = back->start_date;
  g_assert_true (factures_store_save_recurring (fixture->store, back, &error));
  g_assert_true (factures_store_run_recurring (fixture->store, &today, NULL, NULL, &run, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (run.created, ==, 0);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM documents"), ==, 2);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM recurring_occurrences"), ==, 3);

  g_assert_true (factures_store_mark_occurrences_seen (fixture->store, &error));
  g_clear_pointer (&unseen, g_ptr_array_unref);
  unseen = factures_store_list_unseen_occurrences (fixture->store, &error);
  g_assert_cmpuint (unseen->len, ==, 0);
}

/* On its day an automatic template issues; a failed issue leaves the draft and
 * says why. */
static void
test_auto_issue (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(FacturesRecurring) r = make_template (fixture, FACTURES_PERIOD_QUARTERLY, "2026-01-15", "2026-07-15");
  g_autoptr(GError) error = NULL;
  FacturesRecurringRun run;
  GDate today;

  r->auto_issue = TRUE;
  g_assert_true (factures_store_save_recurring (fixture->store, r, &error));

  date_iso (&today, "2026-01-15");
  g_assert_true (factures_store_run_recurring (fixture->store, &today, store_test_render,
                                               &fixture->renders, &run, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (run.created, ==, 1);
  g_assert_cmpuint (run.issued, ==, 1);
  g_assert_cmpuint (fixture->renders, ==, 1);
  g_assert_cmpint (query_int (fixture->store,
                              "SELECT count(*) FROM documents WHERE status = 1 AND issue_date = '2026-01-15'"),
                   ==, 1);

  /* Offline until October: April (missed, draft) and July (missed, draft);
   * October is past the end date. */
  date_iso (&today, "2026-10-20");
  g_assert_true (factures_store_run_recurring (fixture->store, &today, store_test_render,
                                               &fixture->renders, &run, &error));
  g_assert_cmpuint (run.created, ==, 2);
  g_assert_cmpuint (run.missed, ==, 2);
  g_assert_cmpuint (run.issued, ==, 0);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM documents WHERE status = 0"), ==, 2);
  date_iso (&today, "2027-10-20");
  g_assert_true (factures_store_run_recurring (fixture->store, &today, NULL, NULL, &run, &error));
  g_assert_cmpuint (run.created, ==, 0);
}

static void
test_auto_issue_refused (Fixture       *fixture,
                         gconstpointer  data)
{
  /* No profile (fixture data != NULL): the mentions are missing. */
  g_autoptr(FacturesRecurring) r = make_template (fixture, FACTURES_PERIOD_YEARLY, "2026-02-01", NULL);
  g_autoptr(GPtrArray) unseen = NULL;
  g_autoptr(GError) error = NULL;
  FacturesRecurringRun run;
  GDate today;

  r->auto_issue = TRUE;
  g_assert_true (factures_store_save_recurring (fixture->store, r, &error));
  date_iso (&today, "2026-02-01");
  g_assert_true (factures_store_run_recurring (fixture->store, &today, store_test_render,
                                               &fixture->renders, &run, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (run.created, ==, 1);
  g_assert_cmpuint (run.failed, ==, 1);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM documents WHERE status = 0"), ==, 1);
  unseen = factures_store_list_unseen_occurrences (fixture->store, &error);
  g_assert_cmpuint (unseen->len, ==, 1);
  g_assert_nonnull (((FacturesOccurrence *) g_ptr_array_index (unseen, 0))->issue_error);
}

static void
test_from_document (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(FacturesDocument) draft = store_test_draft (fixture->client_id, "2026-05-02", 2);
  g_autoptr(FacturesRecurring) r = NULL;
  g_autoptr(GError) error = NULL;
  GDate start;
  gint64 id;

  g_assert_true (factures_store_save_draft (fixture->store, draft, &error));
  date_iso (&start, "2026-06-01");
  id = factures_store_recurring_from_document (fixture->store, draft->id, FACTURES_PERIOD_MONTHLY,
                                               &start, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  r = factures_store_get_recurring (fixture->store, id, &error);
  g_assert_cmpuint (r->lines->len, ==, 2);
  g_assert_cmpint (r->client_id, ==, fixture->client_id);
  g_assert_false (g_date_valid (&r->end_date));
}

static void
test_catalogue (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(FacturesCatalogueItem) item = factures_catalogue_item_new ();
  g_autoptr(FacturesCatalogueItem) other = factures_catalogue_item_new ();
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesLine) line = NULL;

  item->name = g_strdup ("  Journée de développement ");
  item->description = g_strdup ("Sur site");
  item->unit = g_strdup ("jour");
  item->unit_price = 450 * G_GINT64_CONSTANT (1000000);
  item->vat_rate_bp = 2000;
  g_assert_true (factures_store_save_catalogue_item (fixture->store, item, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (item->name, ==, "Journée de développement");

  other->name = g_strdup ("Câble");
  other->is_goods = TRUE;
  other->unit_price = 12500000;
  g_assert_true (factures_store_save_catalogue_item (fixture->store, other, &error));

  found = factures_store_search_catalogue (fixture->store, "DEVELOPPEMENT", &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((FacturesCatalogueItem *) g_ptr_array_index (found, 0))->unit, ==, "jour");
  g_clear_pointer (&found, g_ptr_array_unref);
  found = factures_store_search_catalogue (fixture->store, NULL, &error);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpstr (((FacturesCatalogueItem *) g_ptr_array_index (found, 0))->name, ==, "Câble");

  line = factures_catalogue_item_to_line (item, TRUE);
  g_assert_cmpstr (line->description, ==, "Journée de développement\nSur site");
  g_assert_cmpint (line->vat_rate_bp, ==, 0);
  g_assert_cmpint (line->unit_price, ==, item->unit_price);

  /* Refused, nothing stored. */
  {
    g_autoptr(FacturesCatalogueItem) bad = factures_catalogue_item_new ();

    bad->name = g_strdup ("  ");
    g_assert_false (factures_store_save_catalogue_item (fixture->store, bad, &error));
    g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
    g_clear_error (&error);
    g_free (bad->name);
    bad->name = g_strdup ("Remise");
    bad->unit_price = -1;
    g_assert_false (factures_store_save_catalogue_item (fixture->store, bad, &error));
    g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (error->message, "Unit price"));
    g_clear_error (&error);
  }
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM catalogue_items"), ==, 2);

  g_assert_true (factures_store_delete_catalogue_item (fixture->store, other->id, &error));
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM catalogue_items"), ==, 1);
}

static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  FacturesClientHistory history;
  g_autoptr(GError) error = NULL;
  GDate today;

  date_iso (&today, "2026-06-30");
  g_assert_true (factures_store_client_history (fixture->store, fixture->client_id, &today, &history, &error));
  g_assert_cmpuint (history.n_documents, ==, 0);
  g_assert_cmpint (factures_client_history_risk (&history), ==, FACTURES_RISK_UNKNOWN);

  /* Two invoices issued (terms: 30 days): due 2026-03-02 and 2026-06-09. */
  {
    const char *dates[] = { "2026-01-31", "2026-05-10" };

    for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
      {
        g_autoptr(FacturesDocument) draft = store_test_draft (fixture->client_id, dates[i], 1);
        g_autoptr(FacturesDocument) issued = NULL;

        g_assert_true (factures_store_save_draft (fixture->store, draft, &error));
        issued = factures_store_issue (fixture->store, draft->id, store_test_render, NULL, &error);
        g_assert_no_error (error);
      }
  }
  {
    g_autoptr(FacturesDocument) draft = store_test_draft (fixture->client_id, "2026-06-29", 1);
    g_assert_true (factures_store_save_draft (fixture->store, draft, &error));
  }

  g_assert_true (factures_store_client_history (fixture->store, fixture->client_id, &today, &history, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (history.n_documents, ==, 3);
  g_assert_cmpuint (history.n_invoices, ==, 2);
  g_assert_cmpint (history.invoiced_total, ==, 20000);
  g_assert_cmpint (history.outstanding, ==, 20000);
  g_assert_cmpint (history.overdue, ==, 20000);
  g_assert_cmpuint (history.n_overdue, ==, 2);
  g_assert_cmpint (history.max_days_late, ==, 120);   /* 2026-03-02 → 2026-06-30 */
  g_assert_cmpint (factures_client_history_risk (&history), ==, FACTURES_RISK_HIGH);

  date_iso (&today, "2026-03-01");
  g_assert_true (factures_store_client_history (fixture->store, fixture->client_id, &today, &history, &error));
  g_assert_cmpuint (history.n_overdue, ==, 0);
  g_assert_cmpuint (history.n_paid, ==, 0);
  /* nothing due yet: no history (issue 11 item 8), not "low" */
  g_assert_cmpint (factures_client_history_risk (&history), ==, FACTURES_RISK_UNKNOWN);

  /* The first invoice (due 2026-03-02) paid in two parts, the last on
   * 2026-03-12: 10 days late on average; it owes nothing more. */
  {
    g_autoptr(GPtrArray) rows = factures_store_list_client_documents (fixture->store, fixture->client_id,
                                                                     &today, &error);
    gint64 first = 0;

    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 3);
    for (guint i = 0; i < rows->len; i++)
      if (g_strcmp0 (factures_document_row_get_issue_date (g_ptr_array_index (rows, i)), "2026-01-31") == 0)
        first = factures_document_row_get_id (g_ptr_array_index (rows, i));
    g_assert_cmpint (first, >, 0);

    for (guint part = 0; part < 2; part++)
      {
        FacturesPayment *payment = factures_payment_new ();

        date_iso (&payment->date, part == 0 ? "2026-03-05" : "2026-03-12");
        payment->amount = 5000;
        factures_payment_add_allocation (payment, first, 5000);
        g_assert_true (factures_store_record_payment (fixture->store, payment, FACTURES_OVERPAYMENT_REFUSE,
                                                      NULL, &error));
        g_assert_no_error (error);
        factures_payment_free (payment);
      }
  }
  date_iso (&today, "2026-06-30");
  g_assert_true (factures_store_client_history (fixture->store, fixture->client_id, &today, &history, &error));
  g_assert_cmpuint (history.n_paid, ==, 1);
  g_assert_cmpint (history.average_delay, ==, 10);
  g_assert_cmpint (history.outstanding, ==, 10000);
  g_assert_cmpint (history.overdue, ==, 10000);
  g_assert_cmpuint (history.n_overdue, ==, 1);
  g_assert_cmpint (history.max_days_late, ==, 21);   /* 2026-06-09 → 2026-06-30 */
  /* All of what it owes is late: high. */
  g_assert_cmpint (factures_client_history_risk (&history), ==, FACTURES_RISK_HIGH);
}

/* Export, import into an empty database, export again: the same bytes, with
 * the new tables in them. */
static void
test_json_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(FacturesRecurring) r = make_template (fixture, FACTURES_PERIOD_MONTHLY, "2026-01-10", "2026-12-31");
  g_autoptr(FacturesCatalogueItem) item = factures_catalogue_item_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesStore) copy = NULL;
  g_autofree char *first = g_build_filename (fixture->dir, "first.json", NULL);
  g_autofree char *second = g_build_filename (fixture->dir, "second.json", NULL);
  g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  FacturesRecurringRun run;
  GDate today;

  item->name = g_strdup ("Heure de conseil");
  item->unit = g_strdup ("h");
  item->unit_price = 80000000;
  g_assert_true (factures_store_save_catalogue_item (fixture->store, item, &error));
  g_assert_true (factures_store_save_recurring (fixture->store, r, &error));
  date_iso (&today, "2026-03-15");
  g_assert_true (factures_store_run_recurring (fixture->store, &today, NULL, NULL, &run, &error));
  g_assert_cmpuint (run.created, ==, 3);

  g_assert_true (factures_store_export_json (fixture->store, first, &error));
  g_assert_no_error (error);
  copy = factures_store_open (copy_path, &error);
  g_assert_true (factures_store_import_json (copy, first, &error));
  g_assert_no_error (error);
  g_assert_true (factures_store_export_json (copy, second, &error));
  g_assert_true (g_file_get_contents (first, &a, NULL, NULL));
  g_assert_true (g_file_get_contents (second, &b, NULL, NULL));
  g_assert_cmpstr (a, ==, b);
  g_assert_nonnull (strstr (a, "\"catalogue\""));
  g_assert_nonnull (strstr (a, "\"Heure de conseil\""));
  g_assert_nonnull (strstr (a, "\"recurring_occurrences\""));
  g_assert_nonnull (strstr (a, "\"2026-03-10\""));

  /* The imported occurrences still make the runs idempotent. */
  g_assert_true (factures_store_run_recurring (copy, &today, NULL, NULL, &run, &error));
  g_assert_cmpuint (run.created, ==, 0);
}

/* A bad template in a file: nothing imported at all. */
static void
test_json_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "bad.json", NULL);
  g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autoptr(FacturesStore) copy = NULL;
  const char *json =
    "{\"format\": \"factures\", \"version\": 1, \"profile\": null,"
    " \"clients\": [{\"id\": 7, \"name\": \"Client\"}], \"documents\": [], \"series\": [],"
    " \"catalogue\": [{\"id\": 1, \"name\": \"Ok\", \"unit_price\": 1, \"vat_rate_bp\": 0, \"is_goods\": 0}],"
    " \"recurring\": [{\"id\": 1, \"client_id\": 7, \"period\": 2, \"start_date\": \"2026-01-01\","
    "   \"next_date\": \"2026-01-01\", \"auto_issue\": 0, \"allowance\": 0, \"lines\": []}]}";

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  copy = factures_store_open (copy_path, &error);
  g_assert_false (factures_store_import_json (copy, path, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (query_int (copy, "SELECT count(*) FROM clients"), ==, 0);
  g_assert_cmpint (query_int (copy, "SELECT count(*) FROM catalogue_items"), ==, 0);
}

/* Issue 3 item 9: escompte terms in the profile, checked, kept in snapshots and the export. */
static void
test_escompte (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(FacturesProfile) profile = factures_store_get_profile (fixture->store, NULL);
  g_autoptr(FacturesProfile) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "e.json", NULL);
  g_autofree char *text = NULL;

  g_assert_cmpint (profile->escompte_rate_bp, ==, 0);
  profile->escompte_rate_bp = 6000;
  profile->escompte_days = 10;
  g_assert_false (factures_store_save_profile (fixture->store, profile, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Escompte rate"));
  g_clear_error (&error);
  profile->escompte_rate_bp = 200;
  profile->escompte_days = 0;
  g_assert_false (factures_store_save_profile (fixture->store, profile, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  back = factures_store_get_profile (fixture->store, NULL);
  g_assert_cmpint (back->escompte_rate_bp, ==, 0);
  g_clear_pointer (&back, factures_profile_free);

  profile->escompte_days = 10;
  g_assert_true (factures_store_save_profile (fixture->store, profile, &error));
  g_assert_no_error (error);
  back = factures_store_get_profile (fixture->store, NULL);
  g_assert_cmpint (back->escompte_rate_bp, ==, 200);
  g_assert_cmpuint (back->escompte_days, ==, 10);

  g_assert_true (factures_store_export_json (fixture->store, path, &error));
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"escompte_rate_bp\" : 200"));
}

/* Bad input of issue 3: a SIRET with a wrong key, an IBAN with a wrong RIB key:
 * refused with a message naming the field, nothing stored. And the SIREN is
 * filled from a French VAT number typed without its prefix. */
static void
test_bad_identifiers (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(FacturesProfile) profile = factures_store_get_profile (fixture->store, NULL);
  g_autoptr(FacturesProfile) back = NULL;
  g_autoptr(FacturesClient) client = store_test_client ("Mauvais SIRET SARL");
  g_autoptr(FacturesClient) vat_client = store_test_client ("TVA SARL");
  g_autoptr(FacturesClient) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 clients = query_int (fixture->store, "SELECT count(*) FROM clients");

  g_free (profile->iban);
  profile->iban = g_strdup ("FR49 3000 6000 0112 3456 7890 190");   /* mod 97 right, RIB key wrong */
  g_assert_false (factures_store_save_profile (fixture->store, profile, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "IBAN"));
  g_assert_nonnull (strstr (error->message, "RIB"));
  g_clear_error (&error);
  back = factures_store_get_profile (fixture->store, NULL);
  g_assert_null (back->iban);

  g_free (client->party.siret);
  client->party.siret = g_strdup ("732 829 320 00075");
  g_assert_false (factures_store_save_client (fixture->store, client, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "SIRET"));
  g_clear_error (&error);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM clients"), ==, clients);

  g_clear_pointer (&vat_client->party.siren, g_free);
  vat_client->party.vat_id = g_strdup ("40 303 265 045");
  g_assert_true (factures_store_save_client (fixture->store, vat_client, &error));
  g_assert_no_error (error);
  stored = factures_store_get_client (fixture->store, vat_client->id, &error);
  g_assert_cmpstr (stored->party.vat_id, ==, "FR40303265045");
  g_assert_cmpstr (stored->party.siren, ==, "303265045");
}

/* A render callback that dies as a SIGKILL would: in the middle of the automatic issue,
 * after the occurrence and its draft were written. */
static GBytes *
render_then_die (const FacturesDocument *document,
                 gpointer                user_data,
                 GError                **error)
{
  _exit (9);
}

/* Issue 10 finding 5: the process killed between the occurrence and its automatic issue
 * used to leave the occurrence committed with a silent draft that no later run issued (84
 * of 203 killed runs). Now the occurrence, its draft and the issue are one transaction:
 * nothing stays, and the next run issues the invoice. */
static void
test_auto_issue_killed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesStore) store = NULL;
  FacturesRecurringRun run;
  GDate today;

  date_iso (&today, "2026-01-15");
  if (g_test_subprocess ())
    {
      store = factures_store_open (g_getenv ("FACTURES_TEST_DB"), &error);
      g_assert_no_error (error);
      factures_store_run_recurring (store, &today, render_then_die, NULL, &run, &error);
      g_assert_not_reached ();
    }

  {
    g_autofree char *dir = store_test_make_dir ();
    g_autofree char *path = store_test_db_path (dir);
    g_autoptr(FacturesProfile) profile = store_test_profile ();
    g_autoptr(FacturesClient) client = store_test_client ("ACME SAS");
    g_autoptr(FacturesRecurring) r = NULL;
    Fixture fixture = { 0, };

    store = factures_store_open (path, &error);
    g_assert_no_error (error);
    g_assert_true (factures_store_save_profile (store, profile, &error));
    g_assert_true (factures_store_save_client (store, client, &error));
    fixture.store = store;
    fixture.client_id = client->id;
    r = make_template (&fixture, FACTURES_PERIOD_MONTHLY, "2026-01-15", NULL);
    r->auto_issue = TRUE;
    g_assert_true (factures_store_save_recurring (store, r, &error));
    g_assert_no_error (error);

    g_setenv ("FACTURES_TEST_DB", path, TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_failed ();

    /* Nothing of the killed run: no occurrence, no draft. */
    g_assert_cmpint (query_int (store, "SELECT count(*) FROM recurring_occurrences"), ==, 0);
    g_assert_cmpint (query_int (store, "SELECT count(*) FROM documents"), ==, 0);

    /* The next run creates and issues it. */
    g_assert_true (factures_store_run_recurring (store, &today, store_test_render, NULL, &run, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (run.created, ==, 1);
    g_assert_cmpuint (run.issued, ==, 1);
    g_assert_cmpint (query_int (store, "SELECT count(*) FROM documents WHERE status = 1"), ==, 1);
    g_assert_cmpint (query_int (store, "SELECT count(*) FROM documents WHERE status = 0"), ==, 0);
    g_assert_true (factures_store_verify (store, &error));
    g_clear_object (&store);
    store_test_remove_dir (dir);
  }
}

static char *
query_text (FacturesStore *store,
            const char    *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_open (factures_store_get_path (store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* A recurring invoice made from an invoice in pounds makes invoices in pounds (note-prev
 * "Currencies": templates had no currency, their drafts came out in euros): the template
 * keeps the code through the store and the JSON, with the editor's checks (ISO 4217, two
 * decimals, "EUR" is none), a bad code refused naming the field, nothing stored. */
static void
test_currency (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(FacturesDocument) draft = store_test_draft (fixture->client_id, "2026-05-02", 1);
  g_autoptr(FacturesRecurring) r = NULL;
  g_autoptr(FacturesRecurring) euros = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesStore) copy = NULL;
  g_autofree char *file = g_build_filename (fixture->dir, "gbp.json", NULL);
  g_autofree char *bad = g_build_filename (fixture->dir, "bad.json", NULL);
  g_autofree char *copy_path = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *made = NULL;
  g_autofree char *text = NULL;
  FacturesRecurringRun run;
  GDate start, today;
  gint64 id;

  draft->currency = g_strdup ("GBP");
  g_assert_true (factures_store_save_draft (fixture->store, draft, &error));
  g_assert_no_error (error);
  date_iso (&start, "2026-06-01");
  id = factures_store_recurring_from_document (fixture->store, draft->id, FACTURES_PERIOD_MONTHLY,
                                               &start, NULL, FALSE, &error);
  g_assert_no_error (error);
  r = factures_store_get_recurring (fixture->store, id, &error);
  g_assert_cmpstr (r->currency, ==, "GBP");

  /* its drafts are in pounds */
  date_iso (&today, "2026-06-15");
  g_assert_true (factures_store_run_recurring (fixture->store, &today, NULL, NULL, &run, &error));
  g_assert_cmpuint (run.created, ==, 1);
  made = query_text (fixture->store,
                     "SELECT d.currency FROM documents d JOIN recurring_occurrences o ON o.document_id = d.id");
  g_assert_cmpstr (made, ==, "GBP");

  /* the editor's checks: "gbp" is GBP, "EUR" is none, the rest refused naming « Devise » */
  euros = make_template (fixture, FACTURES_PERIOD_MONTHLY, "2026-01-10", NULL);
  euros->currency = g_strdup ("EUR");
  g_assert_true (factures_store_save_recurring (fixture->store, euros, &error));
  g_assert_null (euros->currency);
  g_free (r->currency);
  r->currency = g_strdup ("usd");
  g_assert_true (factures_store_save_recurring (fixture->store, r, &error));
  g_clear_pointer (&r, factures_recurring_free);
  r = factures_store_get_recurring (fixture->store, id, &error);
  g_assert_cmpstr (r->currency, ==, "USD");
  for (guint i = 0; i < 3; i++)
    {
      static const char * const refused[] = { "JPY", "XAU", "ZZZ" };

      g_free (r->currency);
      r->currency = g_strdup (refused[i]);
      g_assert_false (factures_store_save_recurring (fixture->store, r, &error));
      g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "Currency"));
      g_clear_error (&error);
    }
  g_clear_pointer (&text, g_free);
  text = query_text (fixture->store, "SELECT currency FROM recurring_templates WHERE id = 1");
  g_assert_cmpstr (text, ==, "USD");

  /* the JSON keeps it, and refuses what the editor refuses, naming the member */
  g_assert_true (factures_store_export_json (fixture->store, file, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (file, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"currency\" : \"USD\""));
  copy = factures_store_open (copy_path, &error);
  g_assert_true (factures_store_import_json (copy, file, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = query_text (copy, "SELECT currency FROM recurring_templates ORDER BY id LIMIT 1");
  g_assert_cmpstr (text, ==, "USD");
  g_clear_object (&copy);
  for (guint i = 0; i < 2; i++)
    {
      static const char * const refused[] = { "\"JPY\"", "\"eur\"" };
      g_autofree char *json = g_strdup_printf (
        "{\"format\": \"factures\", \"version\": 1, \"profile\": null,"
        " \"clients\": [{\"id\": 7, \"name\": \"Client\"}], \"documents\": [], \"series\": [],"
        " \"recurring\": [{\"id\": 1, \"client_id\": 7, \"period\": 1, \"start_date\": \"2026-01-01\","
        "   \"next_date\": \"2026-01-01\", \"auto_issue\": 0, \"allowance\": 0, \"currency\": %s,"
        "   \"lines\": [{\"position\": 1, \"description\": \"Maintenance\", \"quantity\": 10000,"
        "   \"unit_price\": 1000000, \"vat_rate_bp\": 0, \"allowance\": 0}]}]}", refused[i]);
      g_autofree char *other = g_strdup_printf ("%s/other-%u.db", fixture->dir, i);

      g_assert_true (g_file_set_contents (bad, json, -1, NULL));
      copy = factures_store_open (other, &error);
      g_assert_false (factures_store_import_json (copy, bad, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "recurring[0].currency"));
      g_clear_error (&error);
      g_assert_cmpint (query_int (copy, "SELECT count(*) FROM recurring_templates"), ==, 0);
      g_clear_object (&copy);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add ("/recurring/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("refused", test_refused, NULL);
  ADD ("missed-once", test_missed_once, NULL);
  ADD ("auto-issue", test_auto_issue, NULL);
  ADD ("auto-issue-refused", test_auto_issue_refused, "no profile");
  ADD ("from-document", test_from_document, NULL);
  ADD ("catalogue", test_catalogue, NULL);
  ADD ("history", test_history, NULL);
  ADD ("json-round-trip", test_json_round_trip, NULL);
  ADD ("json-refused", test_json_refused, NULL);
  ADD ("escompte", test_escompte, NULL);
  ADD ("bad-identifiers", test_bad_identifiers, NULL);
  ADD ("currency", test_currency, NULL);
#undef ADD
  g_test_add_func ("/recurring/auto-issue-killed", test_auto_issue_killed);

  return g_test_run ();
}
