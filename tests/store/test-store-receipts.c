/* test-store-receipts.c — the livre des recettes: payments and paid imported sales in cash-in
 * order, never purchases or unpaid sales; totals per month, quarter and year; the payment of an
 * imported sale (refusals store nothing, triggers of 0007); CSV; JSON round trip
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <gio/gio.h>
#include <sqlite3.h>
#include <string.h>

#include "factures-imported.h"
#include "factures-store-facturx.h"
#include "factures-store-payments.h"
#include "factures-store-receipts.h"
#include "store-test-util.h"

typedef struct {
  char          *dir;
  char          *path;
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
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  store_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* An issued invoice of @n_lines × 100 € (franchise: TTC = HT). */
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

static char *
number_of (Fixture *f, gint64 id)
{
  g_autoptr(FacturesDocument) doc = factures_store_get_document (f->store, id, NULL);

  return g_strdup (doc->number);
}

static void
pay (Fixture *f, gint64 id, const char *date, gint64 amount, FacturesPaymentMethod method,
     const char *reference)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesPayment) p = factures_payment_new ();

  p->date = d (date);
  p->amount = amount;
  p->method = method;
  p->reference = g_strdup (reference);
  factures_payment_add_allocation (p, id, 0);
  g_assert_true (factures_store_record_payment (f->store, p, FACTURES_OVERPAYMENT_KEEP_CREDIT, NULL, &error));
  g_assert_no_error (error);
}

/* An imported invoice kept as history: a sale when @seller_siren is the profile's. */
static gint64
import (Fixture *f, const char *number, const char *seller_siren, const char *currency,
        const char *total, FacturesImportedDirection expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesImported) imported = factures_imported_new ();
  g_autoptr(GBytes) xml = g_bytes_new_static ("<x/>", 4);
  FacturesImportedDirection direction;
  gint64 id;

  imported->number = g_strdup (number);
  imported->type_code = 380;
  imported->issue_date = d ("2026-01-20");
  imported->currency = g_strdup (currency);
  imported->seller.name = g_strdup (expected == FACTURES_IMPORTED_SALE ? "Marie Martin EI" : "Fournisseur SA");
  imported->seller.siren = g_strdup (seller_siren);
  imported->buyer.name = g_strdup (expected == FACTURES_IMPORTED_SALE ? "Société Dupont" : "Marie Martin EI");
  imported->buyer.siren = g_strdup (expected == FACTURES_IMPORTED_SALE ? "552081317" : "732829320");
  imported->tax_basis_total = g_strdup (total);
  imported->tax_total = g_strdup ("0.00");
  imported->grand_total = g_strdup (total);
  imported->due_payable = g_strdup (total);
  id = factures_store_import_history (f->store, imported, xml, "f.xml", FALSE, xml, NULL, NULL, &direction, &error);
  g_assert_no_error (error);
  g_assert_cmpint (direction, ==, expected);
  return id;
}

static char *
query_text (Fixture *f, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

static gboolean
exec_sql (Fixture *f, const char *sql)
{
  sqlite3 *db = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_close (db);
  return rc == SQLITE_OK;
}

static GPtrArray *
year (Fixture *f, const char *from, const char *to)
{
  g_autoptr(GError) error = NULL;
  GDate a = d (from), b = d (to);
  GPtrArray *receipts = factures_store_list_receipts (f->store, &a, &b, &error);

  g_assert_no_error (error);
  g_assert_nonnull (receipts);
  return receipts;
}

/* The register: payments and paid imported sales, by cash-in date; nothing else. */
static void
test_register (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) feb = NULL;
  g_autoptr(GArray) months = NULL;
  g_autoptr(GArray) quarters = NULL;
  g_autoptr(GArray) years = NULL;
  gint64 inv1 = issue (f, "2026-01-05", 1);   /* 100 € */
  gint64 inv2 = issue (f, "2026-01-10", 2);   /* 200 € */
  gint64 inv3 = issue (f, "2026-03-01", 3);   /* 300 € */
  gint64 unpaid = issue (f, "2026-03-02", 4);
  g_autofree char *n1 = number_of (f, inv1);
  g_autofree char *n2 = number_of (f, inv2);
  g_autofree char *n3 = number_of (f, inv3);
  gint64 sale = import (f, "EXT-1", "732829320", "EUR", "250.00", FACTURES_IMPORTED_SALE);
  gint64 sale_unpaid = import (f, "EXT-2", "732829320", "EUR", "80.00", FACTURES_IMPORTED_SALE);
  gint64 purchase = import (f, "ACH-1", "552081317", "EUR", "45.00", FACTURES_IMPORTED_PURCHASE);
  GDate date;
  const FacturesReceipt *r;
  const FacturesReceiptTotal *t;

  (void) unpaid;
  (void) sale_unpaid;
  (void) purchase;
  /* a payment in April, one in January, a cheque in February paying 150 € on a 100 € … no:
   * a cheque of 250 € on the 200 € invoice keeps 50 € as credit, applied later to inv3 */
  pay (f, inv3, "2026-04-02", 25000, FACTURES_PAYMENT_METHOD_CASH, NULL);
  pay (f, inv1, "2026-01-15", 10000, FACTURES_PAYMENT_METHOD_TRANSFER, "VIR 42");
  pay (f, inv2, "2026-02-10", 25000, FACTURES_PAYMENT_METHOD_CHEQUE, "1234567");
  date = d ("2026-04-03");
  g_assert_true (factures_store_apply_credit (f->store, inv3, 5000, &date, &error));
  g_assert_no_error (error);
  date = d ("2026-02-10");
  g_assert_true (factures_store_record_imported_payment (f->store, sale, &date, FACTURES_PAYMENT_METHOD_CARD, 0,
                                                         " CB 99 ", &error));
  g_assert_no_error (error);

  all = year (f, "2026-01-01", "2026-12-31");
  g_assert_cmpuint (all->len, ==, 4);   /* 3 payments + 1 imported sale; no credit, purchase, unpaid */

  r = all->pdata[0];
  g_assert_cmpint (r->source, ==, FACTURES_RECEIPT_PAYMENT);
  g_assert_cmpint (g_date_get_month (&r->date), ==, 1);
  g_assert_cmpstr (r->invoices, ==, n1);
  g_assert_cmpstr (r->client, ==, "Société Dupont");
  g_assert_cmpstr (r->nature, ==, "Prestation de services");
  g_assert_cmpint (r->amount, ==, 10000);
  g_assert_cmpint (r->method, ==, FACTURES_PAYMENT_METHOD_TRANSFER);
  g_assert_cmpstr (r->reference, ==, "VIR 42");

  /* same day: the payment, then the imported sale */
  r = all->pdata[1];
  g_assert_cmpint (r->source, ==, FACTURES_RECEIPT_PAYMENT);
  g_assert_cmpstr (r->invoices, ==, n2);
  g_assert_cmpint (r->amount, ==, 25000);   /* the full amount received, credit included */
  g_assert_cmpint (r->method, ==, FACTURES_PAYMENT_METHOD_CHEQUE);
  r = all->pdata[2];
  g_assert_cmpint (r->source, ==, FACTURES_RECEIPT_IMPORTED);
  g_assert_cmpint (r->id, ==, sale);
  g_assert_cmpstr (r->invoices, ==, "EXT-1");
  g_assert_cmpint (r->client_id, ==, f->client_id);
  g_assert_cmpint (r->amount, ==, 25000);   /* BT-115 of the EUR file */
  g_assert_cmpint (r->method, ==, FACTURES_PAYMENT_METHOD_CARD);
  g_assert_cmpstr (r->reference, ==, "CB 99");
  g_assert_cmpstr (r->nature, ==, "Prestation de services");
  r = all->pdata[3];
  g_assert_cmpstr (r->invoices, ==, n3);
  g_assert_cmpint (r->method, ==, FACTURES_PAYMENT_METHOD_CASH);
  g_assert_cmpint (g_date_get_month (&r->date), ==, 4);

  /* a shorter period */
  feb = year (f, "2026-02-01", "2026-02-28");
  g_assert_cmpuint (feb->len, ==, 2);

  /* totals: every month of the year, zero included; quarters; the year; cash apart */
  {
    GDate from = d ("2026-01-01"), to = d ("2026-12-31");

    months = factures_receipts_totals (all, &from, &to, FACTURES_RECEIPT_PERIOD_MONTH);
    quarters = factures_receipts_totals (all, &from, &to, FACTURES_RECEIPT_PERIOD_QUARTER);
    years = factures_receipts_totals (all, &from, &to, FACTURES_RECEIPT_PERIOD_YEAR);
  }
  g_assert_cmpuint (months->len, ==, 12);
  g_assert_cmpint (g_array_index (months, FacturesReceiptTotal, 0).total, ==, 10000);
  g_assert_cmpint (g_array_index (months, FacturesReceiptTotal, 1).total, ==, 50000);
  g_assert_cmpuint (g_array_index (months, FacturesReceiptTotal, 1).n_entries, ==, 2);
  g_assert_cmpint (g_array_index (months, FacturesReceiptTotal, 2).total, ==, 0);
  g_assert_cmpint (g_array_index (months, FacturesReceiptTotal, 3).total, ==, 25000);
  g_assert_cmpint (g_array_index (months, FacturesReceiptTotal, 3).cash, ==, 25000);
  g_assert_cmpint (g_array_index (months, FacturesReceiptTotal, 11).total, ==, 0);
  g_assert_cmpuint (g_array_index (months, FacturesReceiptTotal, 11).index, ==, 12);
  g_assert_cmpuint (quarters->len, ==, 4);
  g_assert_cmpint (g_array_index (quarters, FacturesReceiptTotal, 0).total, ==, 60000);
  g_assert_cmpint (g_array_index (quarters, FacturesReceiptTotal, 0).cash, ==, 0);
  g_assert_cmpint (g_array_index (quarters, FacturesReceiptTotal, 1).total, ==, 25000);
  g_assert_cmpuint (years->len, ==, 1);
  t = &g_array_index (years, FacturesReceiptTotal, 0);
  g_assert_cmpint (t->total, ==, 85000);
  g_assert_cmpint (t->cash, ==, 25000);
  g_assert_cmpuint (t->n_entries, ==, 4);
  {
    g_autofree char *m = factures_receipt_total_label (&g_array_index (months, FacturesReceiptTotal, 1),
                                                       FACTURES_RECEIPT_PERIOD_MONTH);
    g_autofree char *q = factures_receipt_total_label (&g_array_index (quarters, FacturesReceiptTotal, 0),
                                                       FACTURES_RECEIPT_PERIOD_QUARTER);

    g_assert_cmpstr (m, ==, "février 2026");
    g_assert_cmpstr (q, ==, "1er trimestre 2026");
  }

  /* a period across two years: the months of both, in order */
  {
    GDate from = d ("2025-11-15"), to = d ("2026-02-01");
    g_autoptr(GArray) across = factures_receipts_totals (all, &from, &to, FACTURES_RECEIPT_PERIOD_MONTH);

    g_assert_cmpuint (across->len, ==, 4);
    g_assert_cmpuint (g_array_index (across, FacturesReceiptTotal, 0).year, ==, 2025);
    g_assert_cmpuint (g_array_index (across, FacturesReceiptTotal, 0).index, ==, 11);
    g_assert_cmpuint (g_array_index (across, FacturesReceiptTotal, 3).index, ==, 2);
  }

  /* a cancelled payment stays on its date; its reversal is a negative line on the day it was
   * cancelled (issue 10: a payment is never erased); a reason is required */
  {
    GDate on = d ("2026-05-20");
    const FacturesReceipt *reversal;
    gint64 paid = 0;

    for (guint i = 0; i < all->len; i++)
      if (((FacturesReceipt *) g_ptr_array_index (all, i))->source == FACTURES_RECEIPT_IMPORTED)
        paid = ((FacturesReceipt *) g_ptr_array_index (all, i))->amount;
    g_assert_cmpint (paid, >, 0);
    g_assert_false (factures_store_cancel_imported_payment (f->store, sale, &on, "  ", &error));
    g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Reason"));
    g_clear_error (&error);
    g_assert_true (factures_store_cancel_imported_payment (f->store, sale, &on, "chèque impayé", &error));
    g_assert_no_error (error);
    g_clear_pointer (&all, g_ptr_array_unref);
    all = year (f, "2026-01-01", "2026-12-31");
    g_assert_cmpuint (all->len, ==, 5);
    reversal = g_ptr_array_index (all, 4);
    g_assert_true (reversal->reversal);
    g_assert_cmpint (reversal->amount, ==, -paid);
    g_assert_cmpstr (reversal->reason, ==, "chèque impayé");
    g_assert_cmpint (g_date_compare (&reversal->date, &on), ==, 0);
    {
      GDate first = d ("2026-01-01"), last = d ("2026-12-31");
      g_autoptr(GArray) total = factures_receipts_totals (all, &first, &last, FACTURES_RECEIPT_PERIOD_YEAR);

      g_assert_cmpint (g_array_index (total, FacturesReceiptTotal, 0).total, ==, 85000 - paid);
    }
    g_assert_false (factures_store_cancel_imported_payment (f->store, sale, &on, "again", &error));
    g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  }
}

static void
assert_unpaid (Fixture *f, gint64 id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM imported_payments WHERE invoice_id = %"
                                          G_GINT64_FORMAT, id);
  g_autofree char *text = query_text (f, sql);

  g_assert_cmpstr (text, ==, "0");
}

static void
refused (Fixture *f, gint64 id, const char *date, FacturesPaymentMethod method, gint64 amount,
         const char *reference, const char *fragment)
{
  g_autoptr(GError) error = NULL;
  GDate dd;

  if (date != NULL)
    dd = d (date);
  else
    g_date_clear (&dd, 1);
  g_assert_false (factures_store_record_imported_payment (f->store, id, &dd, method, amount, reference, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, fragment);
  assert_unpaid (f, id);
}

/* Bad input is refused with the field named and stores nothing; the triggers hold. */
static void
test_refusals (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 sale = import (f, "EXT-1", "732829320", "EUR", "250.00", FACTURES_IMPORTED_SALE);
  gint64 usd = import (f, "EXT-USD", "732829320", "USD", "99.00", FACTURES_IMPORTED_SALE);
  gint64 purchase = import (f, "ACH-1", "552081317", "EUR", "45.00", FACTURES_IMPORTED_PURCHASE);
  g_autofree char *long_ref = g_strnfill (150, 'x');
  GDate date = d ("2026-03-01");

  refused (f, sale, "2027-01-01", FACTURES_PAYMENT_METHOD_TRANSFER, 0, NULL, "Payment date");
  refused (f, sale, NULL, FACTURES_PAYMENT_METHOD_TRANSFER, 0, NULL, "Payment date");
  refused (f, sale, "2026-03-01", FACTURES_PAYMENT_METHOD_TRANSFER, -100, NULL, "Amount");
  refused (f, sale, "2026-03-01", (FacturesPaymentMethod) 9, 0, NULL, "Payment method");
  refused (f, sale, "2026-03-01", FACTURES_PAYMENT_METHOD_CHEQUE, 0, long_ref, "100");
  refused (f, sale, "2026-03-01", FACTURES_PAYMENT_METHOD_CHEQUE, 0, "  ", "Cheque number");
  refused (f, usd, "2026-03-01", FACTURES_PAYMENT_METHOD_TRANSFER, 0, NULL, "USD");
  refused (f, purchase, "2026-03-01", FACTURES_PAYMENT_METHOD_TRANSFER, 4500, NULL, "purchase");
  /* the older entry point refuses a purchase too, and a file not in EUR */
  g_assert_false (factures_store_set_imported_paid (f->store, purchase, &date, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (factures_store_set_imported_paid (f->store, usd, &date, &error));
  g_clear_error (&error);
  assert_unpaid (f, purchase);
  assert_unpaid (f, usd);
  g_assert_false (factures_store_record_imported_payment (f->store, 999, &date, 0, 100, NULL, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* a file not in EUR with the amount in euros is accepted */
  g_assert_true (factures_store_record_imported_payment (f->store, usd, &date, FACTURES_PAYMENT_METHOD_TRANSFER,
                                                         9150, NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *amount = query_text (f, "SELECT p.amount FROM imported_payments p JOIN imported_invoices i "
                                             "ON i.id = p.invoice_id WHERE i.number = 'EXT-USD'");
    g_assert_cmpstr (amount, ==, "9150");
  }
  /* recorded once: a second one is refused, the first one stays */
  g_assert_false (factures_store_record_imported_payment (f->store, usd, &date, FACTURES_PAYMENT_METHOD_CASH,
                                                          100, NULL, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "01/03/2026"));
  g_clear_error (&error);
  /* the older entry point: "autre" and the amount due */
  g_assert_true (factures_store_set_imported_paid (f->store, sale, &date, &error));
  g_assert_no_error (error);
  {
    g_autofree char *row = query_text (f, "SELECT p.date || '|' || p.method || '|' || p.amount FROM imported_payments p "
                                          "JOIN imported_invoices i ON i.id = p.invoice_id WHERE i.number = 'EXT-1'");
    g_assert_cmpstr (row, ==, "2026-03-01|5|25000");
  }

  /* the triggers (issue 10): the payment is a row of imported_payments, never updated nor deleted;
   * the old columns stay empty; figures stay */
  g_assert_false (exec_sql (f, "UPDATE imported_invoices SET paid_amount = 1 WHERE number = 'EXT-1'"));
  g_assert_false (exec_sql (f, "UPDATE imported_invoices SET paid_on = '2026-03-02' WHERE number = 'EXT-1'"));
  g_assert_false (exec_sql (f, "UPDATE imported_invoices SET paid_on = NULL, paid_method = NULL, paid_amount = NULL, "
                               "paid_reference = NULL WHERE number = 'EXT-1'"));
  g_assert_false (exec_sql (f, "UPDATE imported_invoices SET grand_total = '1.00' WHERE number = 'EXT-1'"));
  g_assert_false (exec_sql (f, "UPDATE imported_payments SET amount = 1"));
  g_assert_false (exec_sql (f, "DELETE FROM imported_payments"));
  {
    g_autofree char *count = query_text (f, "SELECT count (*) FROM imported_payments");

    g_assert_cmpstr (count, ==, "2");
  }
}

/* The client's imported sales, paid or not, figures as written. */
static void
test_client_sales (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sales = NULL;
  gint64 sale = import (f, "EXT-1", "732829320", "EUR", "250.00", FACTURES_IMPORTED_SALE);
  GDate date = d ("2026-03-01");
  const FacturesImportedSale *s;

  import (f, "EXT-USD", "732829320", "USD", "99.00", FACTURES_IMPORTED_SALE);
  import (f, "ACH-1", "552081317", "EUR", "45.00", FACTURES_IMPORTED_PURCHASE);
  g_assert_true (factures_store_record_imported_payment (f->store, sale, &date, FACTURES_PAYMENT_METHOD_CASH, 20000,
                                                         NULL, &error));
  sales = factures_store_list_client_imported_sales (f->store, f->client_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sales->len, ==, 2);   /* not the purchase */
  for (guint i = 0; i < sales->len; i++)
    {
      s = sales->pdata[i];
      if (g_strcmp0 (s->number, "EXT-1") == 0)
        {
          g_assert_true (s->paid);
          g_assert_cmpint (s->paid_amount, ==, 20000);
          g_assert_cmpint (s->paid_method, ==, FACTURES_PAYMENT_METHOD_CASH);
          g_assert_cmpint (s->grand_total_cents, ==, 25000);
          g_assert_cmpstr (s->currency, ==, "EUR");
        }
      else
        {
          g_assert_cmpstr (s->number, ==, "EXT-USD");
          g_assert_false (s->paid);
          g_assert_cmpint (s->grand_total_cents, ==, -1);
          g_assert_cmpstr (s->grand_total, ==, "99.00");
          g_assert_cmpstr (s->currency, ==, "USD");
        }
    }
}

/* CSV: French header, ';' separated, decimal comma, quotes doubled, cash marked. */
static void
test_csv (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) receipts = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_receipt_free);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  FacturesReceipt *r = g_new0 (FacturesReceipt, 1);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  r->date = d ("2026-02-03");
  r->invoices = g_strdup ("F2026-0001, F2026-0002");
  r->client = g_strdup ("Dupont; \"Les Fils\"");
  r->nature = g_strdup ("Prestation de services");
  r->amount = 123456;
  r->method = FACTURES_PAYMENT_METHOD_CASH;
  g_ptr_array_add (receipts, r);
  g_assert_true (factures_receipts_write_csv (receipts, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  text = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF\"Date d'encaissement\";\"Référence\";\"Client\""));
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[2], ==, "");
  g_assert_cmpstr (lines[1], ==, "\"03/02/2026\";\"F2026-0001, F2026-0002\";\"Dupont; \"\"Les Fils\"\"\";"
                                 "\"Prestation de services\";\"1234,56\";\"espèces\";\"oui\";\"\"");
}

/* The new columns go through the JSON export and import, byte-stable. */
static void
test_json (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json1 = g_build_filename (f->dir, "one.json", NULL);
  g_autofree char *json2 = g_build_filename (f->dir, "two.json", NULL);
  g_autofree char *copy_path = g_build_filename (f->dir, "copy.db", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr(FacturesStore) copy = NULL;
  g_autoptr(GPtrArray) receipts = NULL;
  gint64 sale = import (f, "EXT-1", "732829320", "EUR", "250.00", FACTURES_IMPORTED_SALE);
  GDate date = d ("2026-03-01"), from = d ("2026-01-01"), to = d ("2026-12-31");
  gsize la, lb;

  g_assert_true (factures_store_record_imported_payment (f->store, sale, &date, FACTURES_PAYMENT_METHOD_CHEQUE, 0,
                                                         "0012345", &error));
  g_assert_true (factures_store_export_json (f->store, json1, &error));
  g_assert_no_error (error);
  copy = factures_store_open (copy_path, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_import_json (copy, json1, &error));
  g_assert_no_error (error);
  g_assert_true (factures_store_export_json (copy, json2, &error));
  g_assert_true (g_file_get_contents (json1, &a, &la, NULL));
  g_assert_true (g_file_get_contents (json2, &b, &lb, NULL));
  g_assert_nonnull (strstr (a, "\"paid_reference\""));
  g_assert_cmpuint (la, ==, lb);
  g_assert_true (memcmp (a, b, la) == 0);
  receipts = factures_store_list_receipts (copy, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (receipts->len, ==, 1);
  g_assert_cmpint (((FacturesReceipt *) receipts->pdata[0])->amount, ==, 25000);
  g_assert_cmpint (((FacturesReceipt *) receipts->pdata[0])->method, ==, FACTURES_PAYMENT_METHOD_CHEQUE);
  g_assert_cmpstr (((FacturesReceipt *) receipts->pdata[0])->reference, ==, "0012345");
}

static void
test_bad_period (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  GDate from = d ("2026-02-01"), to = d ("2026-01-01");

  g_assert_null (factures_store_list_receipts (f->store, &from, &to, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
}

int
main (int argc, char *argv[])
{
  g_setenv ("FACTURES_TODAY", "2026-12-31", TRUE);
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/receipts/register", test_register);
  ADD ("/receipts/refusals", test_refusals);
  ADD ("/receipts/client-sales", test_client_sales);
  ADD ("/receipts/csv", test_csv);
  ADD ("/receipts/json", test_json);
  ADD ("/receipts/bad-period", test_bad_period);
  return g_test_run ();
}
