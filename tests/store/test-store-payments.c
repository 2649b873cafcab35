/* test-store-payments.c — payments, balances, instalments, the dunning queue and penalties
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <sqlite3.h>
#include <string.h>

#include "factures-rows.h"
#include "factures-store-payments.h"
#include "store-test-util.h"

typedef struct {
  char          *dir;
  FacturesStore *store;
  gint64         client_id;
} Fixture;

static GDate
d (const char *iso)
{
  GDate date;

  g_assert_true (factures_date_parse_iso (iso, &date, NULL));
  return date;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesProfile) profile = store_test_profile ();
  g_autoptr(FacturesClient) client = store_test_client ("Société Dupont");
  g_autofree char *path = NULL;

  f->dir = store_test_make_fast_dir ();
  path = store_test_db_path (f->dir);
  f->store = factures_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_save_profile (f->store, profile, &error));
  g_assert_true (factures_store_save_client (f->store, client, &error));
  g_assert_no_error (error);
  f->client_id = client->id;
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  store_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* An issued invoice of @n_lines × 100 € (franchise: TTC = HT), due 30 days after @iso. */
static gint64
issue (Fixture *f, const char *iso, guint n_lines)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) draft = store_test_draft (f->client_id, iso, n_lines);
  g_autoptr(FacturesDocument) issued = NULL;

  g_assert_true (factures_store_save_draft (f->store, draft, &error));
  g_assert_no_error (error);
  issued = factures_store_issue (f->store, draft->id, store_test_render, NULL, &error);
  g_assert_no_error (error);
  return issued->id;
}

static gint64
balance_of (Fixture *f, gint64 id)
{
  FacturesBalance b;
  g_autoptr(GError) error = NULL;

  g_assert_true (factures_store_get_payment_balance (f->store, id, &b, &error));
  g_assert_no_error (error);
  return b.balance;
}

static gint64
count_rows (Fixture *f, const char *table)
{
  g_autoptr(GPtrArray) payments = NULL;

  if (strcmp (table, "payments") == 0)
    {
      payments = factures_store_list_payments (f->store, 0, NULL);
      return payments->len;
    }
  g_assert_not_reached ();
}

static gboolean
pay (Fixture *f, gint64 id, const char *date, gint64 amount, FacturesPaymentMethod method,
     FacturesOverpayment over, GPtrArray **warnings, GError **error)
{
  g_autoptr(FacturesPayment) p = factures_payment_new ();

  p->date = d (date);
  p->amount = amount;
  p->method = method;
  if (method == FACTURES_PAYMENT_METHOD_CHEQUE)
    p->reference = g_strdup ("1234567");
  factures_payment_add_allocation (p, id, 0);
  return factures_store_record_payment (f->store, p, over, warnings, error);
}

static void
test_refusals (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) draft = store_test_draft (f->client_id, "2026-11-02", 1);
  gint64 id = issue (f, "2026-11-01", 3);

  g_assert_false (pay (f, id, "2026-11-05", 0, FACTURES_PAYMENT_METHOD_TRANSFER, FACTURES_OVERPAYMENT_REFUSE, NULL, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Amount"));
  g_clear_error (&error);
  g_assert_false (pay (f, id, "2026-11-05", -500, FACTURES_PAYMENT_METHOD_TRANSFER, FACTURES_OVERPAYMENT_REFUSE, NULL, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  /* after today (FACTURES_TODAY, set in main): the receipts register is kept by cash-in date */
  g_assert_false (pay (f, id, "2028-01-01", 1000, FACTURES_PAYMENT_METHOD_TRANSFER, FACTURES_OVERPAYMENT_REFUSE, NULL, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "later than today"));
  g_clear_error (&error);

  g_assert_true (factures_store_save_draft (f->store, draft, &error));
  g_assert_false (pay (f, draft->id, "2026-11-05", 1000, FACTURES_PAYMENT_METHOD_TRANSFER, FACTURES_OVERPAYMENT_REFUSE, NULL, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "draft"));
  g_clear_error (&error);

  /* overpayment refused when the user chose so */
  g_assert_false (pay (f, id, "2026-11-05", 40000, FACTURES_PAYMENT_METHOD_TRANSFER, FACTURES_OVERPAYMENT_REFUSE, NULL, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (count_rows (f, "payments"), ==, 0);
  g_assert_cmpint (balance_of (f, id), ==, 30000);
}

static void
test_partial_and_credit (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 a = issue (f, "2026-11-01", 3);
  gint64 b = issue (f, "2026-11-02", 2);
  g_autoptr(FacturesPayment) both = factures_payment_new ();
  FacturesBalance bal;

  g_assert_true (pay (f, a, "2026-11-10", 10000, FACTURES_PAYMENT_METHOD_CHEQUE, FACTURES_OVERPAYMENT_REFUSE,
                      &warnings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_assert_cmpint (balance_of (f, a), ==, 20000);

  /* one payment over two invoices, the excess kept as credit */
  both->date = d ("2026-11-20");
  both->amount = 50000;
  both->method = FACTURES_PAYMENT_METHOD_TRANSFER;
  factures_payment_add_allocation (both, a, 0);
  factures_payment_add_allocation (both, b, 0);
  g_assert_true (factures_store_record_payment (f->store, both, FACTURES_OVERPAYMENT_KEEP_CREDIT, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (both->credit, ==, 10000);
  g_assert_cmpint (balance_of (f, a), ==, 0);
  g_assert_cmpint (balance_of (f, b), ==, 0);
  g_assert_cmpint (factures_store_get_client_credit (f->store, f->client_id, NULL), ==, 10000);

  g_assert_true (factures_store_get_payment_balance (f->store, a, &bal, &error));
  g_assert_true (g_date_valid (&bal.paid_date));
  g_assert_cmpint (g_date_get_day (&bal.paid_date), ==, 20);

  /* the view other parts of the store read (client page: average payment delay) */
  {
    g_autofree char *sql_path = NULL;
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    sql_path = g_strdup (factures_store_get_path (f->store));
    g_assert_cmpint (sqlite3_open (sql_path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT paid_date FROM invoice_paid_dates WHERE document_id = ?1",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    sqlite3_bind_int64 (stmt, 1, a);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "2026-11-20");
    sqlite3_reset (stmt);
    sqlite3_bind_int64 (stmt, 1, b);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }

  list = factures_store_list_payments (f->store, a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpuint (((FacturesPayment *) g_ptr_array_index (list, 1))->allocations->len, ==, 2);

  /* the credit pays a later invoice */
  {
    gint64 c = issue (f, "2026-11-25", 1);
    GDate when = d ("2026-11-26");
    g_assert_false (factures_store_apply_credit (f->store, c, 20000, &when, &error));
    g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_true (factures_store_apply_credit (f->store, c, 10000, &when, &error));
    g_assert_no_error (error);
    g_assert_cmpint (balance_of (f, c), ==, 0);
    g_assert_cmpint (factures_store_get_client_credit (f->store, f->client_id, NULL), ==, 0);
  }
}

static void
test_warnings (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) w1 = NULL;
  g_autoptr(GPtrArray) w2 = NULL;
  g_autoptr(GPtrArray) w3 = NULL;
  gint64 id = issue (f, "2026-11-01", 15);   /* 1 500 € */

  /* dated before the invoice: warned, stored */
  g_assert_true (pay (f, id, "2026-10-20", 10000, FACTURES_PAYMENT_METHOD_TRANSFER, FACTURES_OVERPAYMENT_REFUSE, &w1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (w1->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (w1, 0), "before"));

  /* cash on a 1 500 € debt: warned even for 600 €, and again for the second 600 € (splitting does
   * not escape the limit, which is on the whole debt) */
  g_assert_true (pay (f, id, "2026-11-05", 60000, FACTURES_PAYMENT_METHOD_CASH, FACTURES_OVERPAYMENT_REFUSE, &w2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (w2->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (w2, 0), "L112-6"));
  g_assert_true (pay (f, id, "2026-11-06", 60000, FACTURES_PAYMENT_METHOD_CASH, FACTURES_OVERPAYMENT_REFUSE, &w3, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (w3->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (w3, 0), "L112-6"));
  /* a 800 € debt may be paid in cash, in one or several payments; a transfer is never warned */
  {
    gint64 small = issue (f, "2026-11-02", 8);
    g_autoptr(GPtrArray) w4 = NULL;
    g_autoptr(GPtrArray) w5 = NULL;
    g_autoptr(GPtrArray) w6 = NULL;
    g_assert_true (pay (f, small, "2026-11-05", 30000, FACTURES_PAYMENT_METHOD_CASH, FACTURES_OVERPAYMENT_REFUSE, &w4, &error));
    g_assert_true (pay (f, small, "2026-11-06", 50000, FACTURES_PAYMENT_METHOD_CASH, FACTURES_OVERPAYMENT_REFUSE, &w5, &error));
    g_assert_cmpuint (w4->len + w5->len, ==, 0);
    g_assert_cmpint (balance_of (f, small), ==, 0);
    g_assert_true (pay (f, id, "2026-11-07", 1000, FACTURES_PAYMENT_METHOD_TRANSFER, FACTURES_OVERPAYMENT_REFUSE, &w6, &error));
    g_assert_cmpuint (w6->len, ==, 0);
  }
  g_assert_cmpint (balance_of (f, id), ==, 150000 - 131000);
}

static void
test_receivables_and_overdue_rows (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  FacturesReceivables r;
  GDate today = d ("2026-12-15");
  gint64 a = issue (f, "2026-10-01", 2);   /* due 31/10: 45 days late */
  gint64 b = issue (f, "2026-11-10", 3);   /* due 10/12: 5 days late */
  gint64 c = issue (f, "2026-11-25", 1);   /* due 25/12: this month */
  g_autoptr(GListModel) overdue = NULL;

  (void) c;
  g_assert_true (factures_store_get_receivables (f->store, &today, &r, &error));
  g_assert_no_error (error);
  g_assert_cmpint (r.outstanding, ==, 60000);
  g_assert_cmpint (r.overdue, ==, 50000);
  g_assert_cmpint (r.expected_this_month, ==, 10000);
  g_assert_cmpint (r.aging[0], ==, 10000);
  g_assert_cmpint (r.aging[1], ==, 30000);
  g_assert_cmpint (r.aging[2], ==, 20000);
  g_assert_cmpint (r.n_overdue, ==, 2);
  /* invoiced over the last 90 days (from 17/09): 600 €; DSO = 600 × 90 / 600 */
  g_assert_cmpint (r.dso, ==, 90);

  g_assert_true (pay (f, a, "2026-12-01", 20000, FACTURES_PAYMENT_METHOD_TRANSFER, FACTURES_OVERPAYMENT_REFUSE, NULL, &error));
  g_assert_true (pay (f, b, "2026-12-01", 5000, FACTURES_PAYMENT_METHOD_TRANSFER, FACTURES_OVERPAYMENT_REFUSE, NULL, &error));
  g_assert_true (factures_store_get_receivables (f->store, &today, &r, &error));
  g_assert_cmpint (r.outstanding, ==, 35000);
  g_assert_cmpint (r.overdue, ==, 25000);
  g_assert_cmpint (r.n_overdue, ==, 1);

  /* the overdue list follows the payments: the paid invoice is gone, the balance shown is net */
  overdue = factures_store_list_overdue (f->store, &today, FACTURES_DOCUMENT_SORT_DUE, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (overdue), ==, 1);
  {
    g_autoptr(FacturesDocumentRow) row = g_list_model_get_item (overdue, 0);
    g_assert_cmpint (factures_document_row_get_id (row), ==, b);
    g_assert_cmpint (factures_document_row_get_balance (row), ==, 25000);
  }
}

static const FacturesDunningTask *
task (GPtrArray *tasks, guint i)
{
  return g_ptr_array_index (tasks, i);
}

/* Issue 12: the catch-up in batches (the window runs it in idle callbacks after its first
 * frame) records the same skips as the catch-up in one go, a batch at a time, and ends. */
static void
test_catch_up_batches (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  GDate today = d ("2026-11-30");
  FacturesCatchUp state = { 0 };
  gboolean finished = FALSE;
  guint batches = 0;
  guint skipped = 99;

  for (guint i = 0; i < 5; i++)
    issue (f, "2026-10-11", 1);               /* due 10/11: the D-3 reminder missed */
  while (!finished)
    {
      g_assert_true (factures_store_catch_up_batch (f->store, &today, &state, 2, &finished, &error));
      g_assert_no_error (error);
      batches++;
      g_assert_cmpuint (batches, <=, 4);
    }
  g_assert_cmpuint (batches, ==, 4);           /* 2 + 2 + 1, then the empty one that ends */
  g_assert_cmpuint (state.n_skipped, ==, 5);
  /* nothing left for the catch-up in one go */
  g_assert_true (factures_store_catch_up (f->store, &today, &skipped, &error));
  g_assert_cmpuint (skipped, ==, 0);
}

static void
test_offline_catch_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = issue (f, "2026-10-11", 2);   /* due 10/11 */
  GDate today = d ("2026-11-30");            /* 20 days late, app closed all along */
  GDate later = d ("2026-12-07");
  g_autoptr(GPtrArray) queue = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(GPtrArray) week = NULL;
  guint skipped = 99;

  queue = factures_store_get_dunning_queue (f->store, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queue->len, ==, 1);
  g_assert_cmpstr (task (queue, 0)->step.step_key, ==, "+3:email");
  g_assert_cmpint (task (queue, 0)->days_late, ==, 20);

  plan = factures_store_get_dunning_plan (f->store, id, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (task (plan, 0)->step.state, ==, FACTURES_STEP_STATE_SKIPPED);   /* D-3 recorded as skipped */
  g_clear_pointer (&plan, g_ptr_array_unref);

  /* the catch-up is idempotent */
  g_assert_true (factures_store_catch_up (f->store, &today, &skipped, &error));
  g_assert_cmpuint (skipped, ==, 0);

  /* D+3 done today; the same step cannot be recorded twice, nor another step today */
  g_assert_true (factures_store_perform_step (f->store, id, 0, "+3:email", &today, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (factures_store_perform_step (f->store, id, 0, "+3:email", &today, NULL, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (factures_store_perform_step (f->store, id, 0, "+10:email", &today, NULL, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);

  /* a second start the same day proposes nothing new */
  again = factures_store_get_dunning_queue (f->store, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 0);
  g_assert_cmpuint (factures_store_count_due_steps (f->store, &today, NULL), ==, 0);

  /* D+10 comes 7 days after D+3 was done */
  plan = factures_store_get_dunning_plan (f->store, id, &today, &error);
  {
    g_autofree char *when = factures_date_format_iso (&task (plan, 2)->step.date);
    g_assert_cmpstr (task (plan, 2)->step.step_key, ==, "+10:email");
    g_assert_cmpstr (when, ==, "2026-12-07");
  }
  week = factures_store_get_dunning_queue (f->store, &later, &error);
  g_assert_cmpuint (week->len, ==, 1);
  g_assert_cmpstr (task (week, 0)->step.step_key, ==, "+10:email");
}

static void
test_promise_dispute_waive (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = issue (f, "2026-10-11", 2);
  GDate today = d ("2026-11-30"), past = d ("2026-11-29"), promised = d ("2026-12-10");
  g_autoptr(GPtrArray) q1 = NULL;
  g_autoptr(GPtrArray) q2 = NULL;
  g_autoptr(GPtrArray) q3 = NULL;
  g_auto(FacturesPenalties) pen = { 0 };

  g_assert_false (factures_store_add_promise (f->store, id, &past, &today, NULL, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (factures_store_add_promise (f->store, id, &promised, &today, "Virement promis", &error));
  q1 = factures_store_get_dunning_queue (f->store, &today, &error);
  g_assert_cmpuint (q1->len, ==, 0);

  g_assert_true (factures_store_set_dispute (f->store, id, TRUE, "Prestation contestée", &today, &error));
  g_assert_no_error (error);
  {
    GDate after = d ("2026-12-20");
    q2 = factures_store_get_dunning_queue (f->store, &after, &error);
    g_assert_cmpuint (q2->len, ==, 0);
    g_assert_true (factures_store_set_dispute (f->store, id, FALSE, "Résolu", &after, &error));
    q3 = factures_store_get_dunning_queue (f->store, &after, &error);
    g_assert_cmpuint (q3->len, ==, 1);
  }

  /* 200 € due 10/11, 20 days late on 30/11, company: 12,15 % (H2 2026 missing: last known) + 40 € */
  g_assert_true (factures_store_compute_penalties (f->store, id, &today, &pen, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pen.days, ==, 20);
  /* 20 000 × 1215 × 20 / 3 650 000 = 133,15 → 133 */
  g_assert_cmpint (pen.interest, ==, 133);
  g_assert_cmpint (pen.indemnity, ==, 4000);
  g_assert_true (pen.table_outdated);
  g_assert_false (pen.waived);
  factures_penalties_clear (&pen);
  g_assert_true (factures_store_waive_penalties (f->store, id, TRUE, NULL, &error));
  g_assert_true (factures_store_compute_penalties (f->store, id, &today, &pen, &error));
  g_assert_true (pen.waived);
}

static void
test_instalments (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = issue (f, "2026-10-01", 3);   /* 300 €, due 31/10 */
  g_autoptr(GArray) plan = g_array_new (FALSE, TRUE, sizeof (FacturesInstalment));
  g_autoptr(GArray) got = NULL;
  FacturesInstalment i1 = { 0, d ("2026-11-15"), 15000, 0 };
  FacturesInstalment i2 = { 0, d ("2026-12-15"), 10000, 0 };
  GDate today = d ("2026-11-20");
  g_autoptr(GPtrArray) queue = NULL;

  g_array_append_val (plan, i1);
  g_array_append_val (plan, i2);
  g_assert_false (factures_store_set_instalments (f->store, id, plan, &error));   /* 250 ≠ 300 */
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  g_array_index (plan, FacturesInstalment, 1).amount = 15000;
  g_assert_true (factures_store_set_instalments (f->store, id, plan, &error));
  g_assert_no_error (error);

  g_assert_true (pay (f, id, "2026-11-18", 5000, FACTURES_PAYMENT_METHOD_TRANSFER, FACTURES_OVERPAYMENT_REFUSE, NULL, &error));
  got = factures_store_get_instalments (f->store, id, &error);
  g_assert_cmpuint (got->len, ==, 2);
  g_assert_cmpint (g_array_index (got, FacturesInstalment, 0).paid, ==, 5000);
  g_assert_cmpint (g_array_index (got, FacturesInstalment, 1).paid, ==, 0);

  /* the first instalment is 5 days late: its own run proposes its D+3 */
  queue = factures_store_get_dunning_queue (f->store, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queue->len, ==, 1);
  g_assert_cmpint (task (queue, 0)->instalment, ==, 1);
  g_assert_cmpstr (task (queue, 0)->step.step_key, ==, "+3:email");
  g_assert_cmpint (task (queue, 0)->balance, ==, 10000);
}

static void
test_ladder_and_rates (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDunningLadder) ladder = NULL;
  g_autoptr(FacturesDunningLadder) again = NULL;
  g_autoptr(GArray) table = NULL;
  FacturesRatePeriod h2 = { 2026, 2, 200, 650, 250, (char *) "test" };

  ladder = factures_store_get_ladder (f->store, FACTURES_CLIENT_CATEGORY_INDIVIDUAL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ladder->steps->len, ==, 8);
  g_ptr_array_add (ladder->steps, factures_dunning_step_new (10, FACTURES_DUNNING_CHANNEL_EMAIL, "dup"));
  g_assert_false (factures_store_save_ladder (f->store, ladder, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  /* validation sorted the steps: the duplicate sits after the first "+10:email" */
  for (guint i = 0; i < ladder->steps->len; i++)
    if (g_strcmp0 (((FacturesDunningStep *) g_ptr_array_index (ladder->steps, i))->template_id, "dup") == 0)
      g_ptr_array_remove_index (ladder->steps, i--);
  g_assert_cmpuint (ladder->steps->len, ==, 8);
  g_assert_cmpint (((FacturesDunningStep *) g_ptr_array_index (ladder->steps, 4))->channel, ==, FACTURES_DUNNING_CHANNEL_SMS);
  g_ptr_array_remove_index (ladder->steps, 4);   /* no SMS */
  g_assert_true (factures_store_save_ladder (f->store, ladder, &error));
  g_assert_no_error (error);
  again = factures_store_get_ladder (f->store, FACTURES_CLIENT_CATEGORY_INDIVIDUAL, &error);
  g_assert_cmpuint (again->steps->len, ==, 7);

  table = factures_store_get_rate_table (f->store, &error);
  g_assert_cmpuint (table->len, ==, 3);
  g_assert_cmpint (g_array_index (table, FacturesRatePeriod, 2).legal_other_bp, ==, 262);
  g_clear_pointer (&table, g_array_unref);
  g_assert_true (factures_store_save_rate (f->store, &h2, &error));
  table = factures_store_get_rate_table (f->store, &error);
  g_assert_cmpuint (table->len, ==, 4);
}

static void
test_json_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = issue (f, "2026-10-11", 3);
  GDate today = d ("2026-11-30"), promised = d ("2026-12-10");
  g_autoptr(GPtrArray) queue = NULL;
  g_autofree char *first = g_build_filename (f->dir, "first.json", NULL);
  g_autofree char *second = g_build_filename (f->dir, "second.json", NULL);
  g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
  g_autoptr(FacturesStore) other = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr(GArray) plan = g_array_new (FALSE, TRUE, sizeof (FacturesInstalment));
  FacturesInstalment i1 = { 0, d ("2026-12-15"), 15000, 0 };
  FacturesInstalment i2 = { 0, d ("2027-01-15"), 10000, 0 };

  g_assert_true (pay (f, id, "2026-11-18", 5000, FACTURES_PAYMENT_METHOD_CHEQUE, FACTURES_OVERPAYMENT_REFUSE, NULL, &error));
  g_array_append_val (plan, i1);
  g_array_append_val (plan, i2);
  g_assert_true (factures_store_set_instalments (f->store, id, plan, &error));
  queue = factures_store_get_dunning_queue (f->store, &today, &error);
  g_assert_true (factures_store_add_promise (f->store, id, &promised, &today, "Promesse", &error));
  g_assert_true (factures_store_waive_penalties (f->store, id, TRUE, "Bon client", &error));
  g_assert_no_error (error);

  g_assert_true (factures_store_export_json (f->store, first, &error));
  g_assert_no_error (error);
  other = factures_store_open (other_path, &error);
  g_assert_true (factures_store_import_json (other, first, &error));
  g_assert_no_error (error);
  g_assert_true (factures_store_export_json (other, second, &error));
  g_assert_true (g_file_get_contents (first, &a, NULL, NULL));
  g_assert_true (g_file_get_contents (second, &b, NULL, NULL));
  g_assert_nonnull (strstr (a, "\"payment_allocations\""));
  g_assert_nonnull (strstr (a, "\"dunning_events\""));
  g_assert_cmpstr (a, ==, b);
  {
    FacturesBalance bal;
    g_assert_true (factures_store_get_payment_balance (other, id, &bal, &error));
    g_assert_cmpint (bal.balance, ==, 25000);
  }
}

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char **argv)
{
  /* The fixtures record payments up to mid-2027: payments are never dated after today. */
  g_setenv ("FACTURES_TODAY", "2027-12-31", TRUE);
  g_test_init (&argc, &argv, NULL);
  ADD ("/payments/refusals", test_refusals);
  ADD ("/payments/partial-credit", test_partial_and_credit);
  ADD ("/payments/warnings", test_warnings);
  ADD ("/payments/receivables", test_receivables_and_overdue_rows);
  ADD ("/payments/offline-catch-up", test_offline_catch_up);
  ADD ("/payments/catch-up-batches", test_catch_up_batches);
  ADD ("/payments/promise-dispute-waive", test_promise_dispute_waive);
  ADD ("/payments/instalments", test_instalments);
  ADD ("/payments/ladder-rates", test_ladder_and_rates);
  ADD ("/payments/json-round-trip", test_json_round_trip);
  return g_test_run ();
}
