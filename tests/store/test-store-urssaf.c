/* test-store-urssaf.c — issue 17 through the store: receipts of a mixed activity split into the
 * URSSAF boxes pro rata of the lines they pay, débours left out, client credit in the main
 * activity, a cancelled payment negative, VAT removed pro rata when the user charges it, the
 * declaration rounded as the form asks, the débours flag kept by the draft and the JSON doors,
 * the settings refused with nothing stored, a period marked declared once
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
#include "factures-store-deadlines.h"
#include "factures-store-urssaf.h"
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

  g_setenv ("FACTURES_TODAY", "2026-12-06", TRUE);
  f->dir = store_test_make_fast_dir ();
  f->path = store_test_db_path (f->dir);
  f->store = factures_store_open (f->path, &error);
  g_assert_no_error (error);
  profile->line_activity = FACTURES_LINE_ACTIVITY_SERVICES_BNC;
  if (GPOINTER_TO_INT (data))
    {
      profile->vat_regime = FACTURES_VAT_REGIME_REGISTERED;
      profile->party.vat_id = g_strdup ("FR44732829320");
    }
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

/* An invoice of lines (activity, euros HT, débours, VAT rate), issued. */
typedef struct {
  FacturesLineActivity activity;
  gint64               euros;
  gboolean             debours;
  gint                 rate_bp;
} LineSpec;

static gint64
issue (Fixture *f, const char *iso, const LineSpec *specs, guint n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) draft = store_test_draft (f->client_id, iso, n);
  g_autoptr(FacturesDocument) issued = NULL;
  g_autoptr(FacturesDocument) again = NULL;

  for (guint i = 0; i < n; i++)
    {
      FacturesLine *line = g_ptr_array_index (draft->lines, i);

      line->activity = specs[i].activity;
      line->unit_price = specs[i].euros * FACTURES_UNIT_PRICE_ONE;
      line->debours = specs[i].debours;
      if (specs[i].rate_bp > 0)
        {
          line->vat_category = FACTURES_VAT_CATEGORY_S;
          line->vat_rate_bp = specs[i].rate_bp;
        }
    }
  g_assert_true (factures_store_save_draft (f->store, draft, &error));
  g_assert_no_error (error);
  /* the draft's door keeps the flag */
  again = factures_store_get_document (f->store, draft->id, &error);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (((FacturesLine *) g_ptr_array_index (again->lines, i))->debours, ==, specs[i].debours);
  issued = factures_store_issue (f->store, draft->id, store_test_render, NULL, &error);
  g_assert_no_error (error);
  return issued->id;
}

static gint64
pay (Fixture *f, gint64 id, const char *date, gint64 amount, gint64 allocated)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesPayment) p = factures_payment_new ();

  p->date = d (date);
  p->amount = amount;
  p->method = FACTURES_PAYMENT_METHOD_TRANSFER;
  p->client_id = f->client_id;
  factures_payment_add_allocation (p, id, allocated);
  g_assert_true (factures_store_record_payment (f->store, p, FACTURES_OVERPAYMENT_KEEP_CREDIT, NULL, &error));
  g_assert_no_error (error);
  return p->id;
}

static FacturesUrssafDeclaration *
declaration (Fixture *f, const char *text)
{
  g_autoptr(GError) error = NULL;
  FacturesUrssafSettings s;
  FacturesUrssafPeriod period;
  FacturesUrssafDeclaration *decl;

  g_assert_true (factures_store_get_urssaf_settings (f->store, &s, &error));
  g_assert_true (factures_urssaf_period_parse (text, NULL, &period, &error));
  decl = factures_store_urssaf_declaration (f->store, &period, &s, &error);
  g_assert_no_error (error);
  factures_urssaf_settings_clear (&s);
  return decl;
}

/* 600 € of goods, 300 € of BIC services and 100 € of débours on one invoice. */
static void
test_mixed (Fixture *f, gconstpointer data)
{
  static const LineSpec specs[] = {
    { FACTURES_LINE_ACTIVITY_GOODS, 600, FALSE, 0 },
    { FACTURES_LINE_ACTIVITY_SERVICES_BIC, 300, FALSE, 0 },
    { FACTURES_LINE_ACTIVITY_DEFAULT, 100, TRUE, 0 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) splits = NULL;
  g_autoptr(FacturesUrssafDeclaration) q1 = NULL;
  g_autoptr(FacturesUrssafDeclaration) q2 = NULL;
  GDate from = d ("2026-01-01"), to = d ("2026-12-31"), cancelled = d ("2026-04-20");
  gint64 id = issue (f, "2026-03-02", specs, G_N_ELEMENTS (specs));
  gint64 first;
  const FacturesSplitReceipt *s;

  /* 333,33 € on 10 March: 19 999,8 / 9 999,9 / 3 333,3 cents → floors 33 331, the two cents left
   * to the largest remainders (0,9 then 0,8): 200,00 + 100,00 + 33,33 */
  first = pay (f, id, "2026-03-10", 33333, 33333);
  /* 700 € on 5 April: 600 € for the rest of the invoice, 100 € kept as credit */
  pay (f, id, "2026-04-05", 70000, 100000 - 33333);
  g_assert_true (factures_store_cancel_payment (f->store, first, &cancelled, "Chèque impayé", &error));
  g_assert_no_error (error);

  splits = factures_store_list_split_receipts (f->store, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (splits->len, ==, 3);
  s = g_ptr_array_index (splits, 0);
  g_assert_cmpint (s->box[FACTURES_URSSAF_BOX_SALES], ==, 20000);
  g_assert_cmpint (s->box[FACTURES_URSSAF_BOX_SERVICES_BIC], ==, 10000);
  g_assert_cmpint (s->debours, ==, 3333);
  g_assert_cmpint (s->box[FACTURES_URSSAF_BOX_SERVICES_BNC], ==, 0);
  g_assert_cmpint (s->vat, ==, 0);
  /* 666,67 € for the invoice (40 000,2 / 20 000,1 / 6 666,7 cents → 400,00 + 200,00 + 66,67)
   * and 33,33 € of credit in the main activity (BNC) */
  s = g_ptr_array_index (splits, 1);
  g_assert_cmpint (s->box[FACTURES_URSSAF_BOX_SALES], ==, 40000);
  g_assert_cmpint (s->box[FACTURES_URSSAF_BOX_SERVICES_BIC], ==, 20000);
  g_assert_cmpint (s->debours, ==, 6667);
  g_assert_cmpint (s->box[FACTURES_URSSAF_BOX_SERVICES_BNC], ==, 3333);
  /* the cancellation: the first split, negative, on 20 April */
  s = g_ptr_array_index (splits, 2);
  g_assert_true (s->receipt->reversal);
  g_assert_cmpint (s->box[FACTURES_URSSAF_BOX_SALES], ==, -20000);
  g_assert_cmpint (s->box[FACTURES_URSSAF_BOX_SERVICES_BIC], ==, -10000);
  g_assert_cmpint (s->debours, ==, -3333);
  /* every receipt adds up */
  for (guint i = 0; i < splits->len; i++)
    {
      const FacturesSplitReceipt *x = g_ptr_array_index (splits, i);
      gint64 sum = x->vat + x->debours;

      for (guint b = 0; b < FACTURES_URSSAF_N_BOXES; b++)
        sum += x->box[b];
      g_assert_cmpint (sum, ==, x->receipt->amount);
    }

  /* Q1: 200 € of sales, 100 € of BIC services, 33,33 € of débours left out */
  q1 = declaration (f, "2026-Q1");
  g_assert_cmpint (q1->declared[FACTURES_URSSAF_BOX_SALES], ==, 200);
  g_assert_cmpint (q1->declared[FACTURES_URSSAF_BOX_SERVICES_BIC], ==, 100);
  g_assert_cmpint (q1->declared[FACTURES_URSSAF_BOX_SERVICES_BNC], ==, 0);
  g_assert_cmpint (q1->debours, ==, 3333);
  /* 24,60 + 0,20 (sales) + 21,20 + 0,20 (BIC) */
  g_assert_cmpint (q1->total, ==, 2460 + 20 + 2120 + 20);
  /* Q2: 400 − 200 = 200 € of sales, 200 − 100 = 100 € of BIC, 33,33 € of credit → 33 € BNC */
  q2 = declaration (f, "2026-Q2");
  g_assert_cmpint (q2->declared[FACTURES_URSSAF_BOX_SALES], ==, 200);
  g_assert_cmpint (q2->declared[FACTURES_URSSAF_BOX_SERVICES_BIC], ==, 100);
  g_assert_cmpint (q2->declared[FACTURES_URSSAF_BOX_SERVICES_BNC], ==, 33);
  g_assert_cmpint (q2->debours, ==, 6667 - 3333);

  /* the invoices to correct once the franchise threshold is crossed on a day */
  {
    g_autoptr(GPtrArray) since = g_ptr_array_new_with_free_func (g_free);
    GDate day = d ("2026-03-02");

    g_assert_true (factures_store_list_documents_issued_since (f->store, &day, since, &error));
    g_assert_cmpuint (since->len, ==, 1);
    g_ptr_array_set_size (since, 0);
    day = d ("2026-03-03");
    g_assert_true (factures_store_list_documents_issued_since (f->store, &day, since, &error));
    g_assert_cmpuint (since->len, ==, 0);
  }
}

/* A VAT-registered seller: 1 000 € HT at 20 %, 600 € received → 100 € of VAT, 500 € BNC. */
static void
test_vat_removed (Fixture *f, gconstpointer data)
{
  static const LineSpec specs[] = {
    { FACTURES_LINE_ACTIVITY_SERVICES_BNC, 1000, FALSE, 2000 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) splits = NULL;
  g_autoptr(FacturesUrssafDeclaration) decl = NULL;
  GDate from = d ("2026-11-01"), to = d ("2026-11-30");
  gint64 id = issue (f, "2026-11-02", specs, 1);
  const FacturesSplitReceipt *s;

  pay (f, id, "2026-11-20", 60000, 60000);
  splits = factures_store_list_split_receipts (f->store, &from, &to, &error);
  g_assert_no_error (error);
  s = g_ptr_array_index (splits, 0);
  g_assert_cmpint (s->vat, ==, 10000);
  g_assert_cmpint (s->box[FACTURES_URSSAF_BOX_SERVICES_BNC], ==, 50000);
  g_assert_cmpint (s->france_services, ==, 50000);
  decl = declaration (f, "2026-11");
  g_assert_cmpint (decl->declared[FACTURES_URSSAF_BOX_SERVICES_BNC], ==, 500);
  g_assert_cmpint (decl->vat, ==, 10000);
  /* 25,6 % × 500 = 128,00 ; CFP 1,00 */
  g_assert_cmpint (decl->total, ==, 12900);
}

/* A débours whose row says S 20 % is issued without VAT (art. 267 II 2° du CGI): the invoice is
 * 500 € + 100 € VAT + 100 € of débours, and the receipt splits so. */
static void
test_debours_vat (Fixture *f, gconstpointer data)
{
  static const LineSpec specs[] = {
    { FACTURES_LINE_ACTIVITY_SERVICES_BNC, 500, FALSE, 2000 },
    { FACTURES_LINE_ACTIVITY_SERVICES_BNC, 100, TRUE, 2000 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) splits = NULL;
  g_autoptr(FacturesDocument) doc = NULL;
  g_auto(FacturesTotals) totals = { 0 };
  GDate from = d ("2026-11-01"), to = d ("2026-11-30");
  gint64 id = issue (f, "2026-11-02", specs, 2);
  const FacturesLine *debours;
  const FacturesSplitReceipt *s;

  doc = factures_store_get_document (f->store, id, &error);
  g_assert_no_error (error);
  debours = g_ptr_array_index (doc->lines, 1);
  g_assert_cmpint (debours->vat_category, ==, FACTURES_VAT_CATEGORY_E);
  g_assert_cmpint (debours->vat_rate_bp, ==, 0);
  g_assert_cmpstr (debours->vatex, ==, FACTURES_VATEX_EU_79_C);
  g_assert_true (factures_document_compute_totals (doc, &totals, NULL));
  g_assert_cmpint (totals.vat_total, ==, 10000);
  g_assert_cmpint (totals.gross_total, ==, 70000);

  pay (f, id, "2026-11-20", 70000, 70000);
  splits = factures_store_list_split_receipts (f->store, &from, &to, &error);
  g_assert_no_error (error);
  s = g_ptr_array_index (splits, 0);
  g_assert_cmpint (s->vat, ==, 10000);
  g_assert_cmpint (s->debours, ==, 10000);
  g_assert_cmpint (s->box[FACTURES_URSSAF_BOX_SERVICES_BNC], ==, 50000);
}

static char *
dump_hash (const char *path)
{
  g_autofree char *out = NULL;
  g_autofree char *command = g_strdup_printf ("sqlite3 '%s' .dump", path);

  g_assert_true (g_spawn_command_line_sync (command, &out, NULL, NULL, NULL));
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, out, -1);
}

/* The VAT return chosen in Preferences (migration 0026): CA12 by default for a VAT-registered
 * profile, CA3 kept, used by the tax calendar, in the JSON backup, checked on the way in. */
static void
test_vat_return (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (f->dir, "export.json", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.json", NULL);
  g_autofree char *dir2 = store_test_make_fast_dir ();
  g_autofree char *path2 = store_test_db_path (dir2);
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(FacturesStore) other = NULL;
  g_autoptr(GPtrArray) deadlines = NULL;
  FacturesUrssafSettings s;
  GDate from = d ("2027-01-01"), to = d ("2027-01-31");
  gboolean ca3 = FALSE;

  g_assert_true (factures_store_get_urssaf_settings (f->store, &s, &error));
  g_assert_cmpuint (s.vat_return, ==, FACTURES_VAT_RETURN_CA12);
  s.vat_return = FACTURES_VAT_RETURN_CA3_QUARTERLY;
  g_assert_true (factures_store_set_urssaf_settings (f->store, &s, &error));
  g_assert_no_error (error);
  factures_urssaf_settings_clear (&s);
  g_assert_true (factures_store_get_urssaf_settings (f->store, &s, &error));
  g_assert_cmpuint (s.vat_return, ==, FACTURES_VAT_RETURN_CA3_QUARTERLY);
  /* the calendar: the CA3 of the fourth quarter on 15 January */
  deadlines = factures_tax_calendar (&from, &to, &s, NULL, 0);
  for (guint i = 0; i < deadlines->len; i++)
    {
      const FacturesDeadline *x = g_ptr_array_index (deadlines, i);

      if (x->kind == FACTURES_DEADLINE_VAT && strstr (x->what, "CA3") != NULL)
        ca3 = TRUE;
      g_assert_null (strstr (x->what, "CA12"));
    }
  g_assert_true (ca3);
  /* a franchise profile's settings (NONE) keep the choice */
  s.vat_return = FACTURES_VAT_RETURN_NONE;
  g_assert_true (factures_store_set_urssaf_settings (f->store, &s, &error));
  factures_urssaf_settings_clear (&s);
  g_assert_true (factures_store_get_urssaf_settings (f->store, &s, &error));
  g_assert_cmpuint (s.vat_return, ==, FACTURES_VAT_RETURN_CA3_QUARTERLY);
  s.vat_return = 7;
  g_assert_false (factures_store_set_urssaf_settings (f->store, &s, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "VAT return"));
  g_clear_error (&error);
  factures_urssaf_settings_clear (&s);

  g_assert_true (factures_store_export_json (f->store, file, &error));
  g_assert_true (g_file_get_contents (file, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"vat_return\" : 3"));
  other = factures_store_open (path2, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_import_json (other, file, &error));
  g_assert_no_error (error);
  g_assert_true (factures_store_get_urssaf_settings (other, &s, &error));
  g_assert_cmpuint (s.vat_return, ==, FACTURES_VAT_RETURN_CA3_QUARTERLY);
  factures_urssaf_settings_clear (&s);
  g_clear_object (&other);

  /* an unknown return: refused naming it, nothing stored */
  {
    g_autofree char *dir3 = store_test_make_fast_dir ();
    g_autofree char *path3 = store_test_db_path (dir3);
    g_autoptr(FacturesStore) empty = factures_store_open (path3, &error);

    g_assert_no_error (error);
    g_assert_true (g_file_set_contents (bad, "{\"format\": \"factures\", \"version\": 1, \"profile\": null, "
                                        "\"clients\": [], \"documents\": [], \"series\": [], "
                                        "\"urssaf_settings\": {\"vat_return\": 9}}\n", -1, NULL));
    before = dump_hash (path3);
    g_assert_false (factures_store_import_json (empty, bad, &error));
    g_assert_nonnull (error);
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, "VAT return"));
    after = dump_hash (path3);
    g_assert_cmpstr (before, ==, after);
    g_clear_object (&empty);
    store_test_remove_dir (dir3);
  }
  store_test_remove_dir (dir2);
}

static void
test_settings (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  FacturesUrssafSettings s, back;
  FacturesUrssafPeriod period;
  GDate on = d ("2026-12-01"), early = d ("2026-11-29"), seen;
  g_autofree char *before = NULL;

  g_assert_true (factures_store_get_urssaf_settings (f->store, &s, &error));
  g_assert_false (s.quarterly);
  g_assert_cmpuint (s.alert_low_percent, ==, 80);
  s.quarterly = TRUE;
  s.chamber = FACTURES_URSSAF_CHAMBER_CMA;
  s.creation = d ("2026-03-01");
  s.department = g_strdup ("2A");
  s.account_bank = g_strdup ("5121");
  g_assert_true (factures_store_set_urssaf_settings (f->store, &s, &error));
  g_assert_no_error (error);
  g_assert_true (factures_store_get_urssaf_settings (f->store, &back, &error));
  g_assert_true (back.quarterly);
  g_assert_cmpint (back.chamber, ==, FACTURES_URSSAF_CHAMBER_CMA);
  g_assert_cmpstr (back.department, ==, "2A");
  g_assert_cmpstr (back.account_bank, ==, "5121");
  g_assert_cmpstr (back.account_vat, ==, "44571");
  g_assert_cmpint (g_date_get_month (&back.creation), ==, 3);
  factures_urssaf_settings_clear (&back);

  /* refused, nothing stored */
  before = dump_hash (f->path);
  s.alert_low_percent = 96;
  g_assert_false (factures_store_set_urssaf_settings (f->store, &s, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  s.alert_low_percent = 80;
  g_free (s.account_vat);
  s.account_vat = g_strdup ("445 71");
  g_assert_false (factures_store_set_urssaf_settings (f->store, &s, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&s.account_vat, g_free);
  g_free (s.department);
  s.department = g_strdup ("6");
  g_assert_false (factures_store_set_urssaf_settings (f->store, &s, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *after = dump_hash (f->path);

    g_assert_cmpstr (before, ==, after);
  }
  factures_urssaf_settings_clear (&s);

  /* a period is marked declared once, from its last day, not after today */
  g_assert_true (factures_urssaf_period_parse ("2026-11", NULL, &period, NULL));
  g_assert_false (factures_store_get_declared (f->store, &period, &seen, &error));
  g_assert_no_error (error);
  g_assert_false (factures_store_mark_declared (f->store, &period, &early, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (factures_store_mark_declared (f->store, &period, &on, &error));
  g_assert_no_error (error);
  g_assert_true (factures_store_get_declared (f->store, &period, &seen, &error));
  g_assert_cmpint (g_date_compare (&seen, &on), ==, 0);
  g_assert_false (factures_store_mark_declared (f->store, &period, &on, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
}

/* A paid imported sale: the main activity, without the VAT the file charged (20 € of 120 €). */
static void
test_imported_sale (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesImported) imported = factures_imported_new ();
  g_autoptr(GBytes) xml = g_bytes_new_static ("<x/>", 4);
  g_autoptr(GPtrArray) splits = NULL;
  FacturesImportedDirection direction;
  GDate paid = d ("2026-10-05"), from = d ("2026-10-01"), to = d ("2026-10-31");
  const FacturesSplitReceipt *s;
  gint64 id;

  imported->number = g_strdup ("OLD-2026-7");
  imported->type_code = 380;
  imported->issue_date = d ("2026-09-20");
  imported->currency = g_strdup ("EUR");
  imported->seller.name = g_strdup ("Camille Martin EI");
  imported->seller.siren = g_strdup ("732829320");
  imported->buyer.name = g_strdup ("Société Dupont");
  imported->buyer.siren = g_strdup ("552081317");
  imported->tax_basis_total = g_strdup ("100.00");
  imported->tax_total = g_strdup ("20.00");
  imported->grand_total = g_strdup ("120.00");
  imported->due_payable = g_strdup ("120.00");
  id = factures_store_import_history (f->store, imported, xml, "f.xml", FALSE, xml, NULL, NULL, &direction, &error);
  g_assert_no_error (error);
  g_assert_cmpint (direction, ==, FACTURES_IMPORTED_SALE);
  g_assert_true (factures_store_record_imported_payment (f->store, id, &paid, FACTURES_PAYMENT_METHOD_TRANSFER,
                                                         12000, NULL, &error));
  g_assert_no_error (error);
  splits = factures_store_list_split_receipts (f->store, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (splits->len, ==, 1);
  s = g_ptr_array_index (splits, 0);
  g_assert_cmpint (s->vat, ==, 2000);
  g_assert_cmpint (s->box[FACTURES_URSSAF_BOX_SERVICES_BNC], ==, 10000);
  g_assert_cmpint (s->france_services, ==, 10000);
}

/* The JSON door keeps the débours flag both ways. */
static void
test_json_debours (Fixture *f, gconstpointer data)
{
  static const LineSpec specs[] = {
    { FACTURES_LINE_ACTIVITY_SERVICES_BNC, 500, FALSE, 0 },
    { FACTURES_LINE_ACTIVITY_DEFAULT, 80, TRUE, 0 },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (f->dir, "export.json", NULL);
  g_autofree char *dir2 = store_test_make_fast_dir ();
  g_autofree char *path2 = store_test_db_path (dir2);
  g_autoptr(FacturesStore) other = NULL;
  g_autoptr(FacturesDocument) doc = NULL;
  g_autofree char *text = NULL;
  gint64 id = issue (f, "2026-06-01", specs, G_N_ELEMENTS (specs));
  g_autofree char *number = NULL;

  {
    g_autoptr(FacturesDocument) issued = factures_store_get_document (f->store, id, &error);

    number = g_strdup (issued->number);
  }
  g_assert_true (factures_store_export_json (f->store, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (file, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"debours\" : 1"));
  other = factures_store_open (path2, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_import_json (other, file, &error));
  g_assert_no_error (error);
  doc = factures_store_find_document (other, number, &error);
  g_assert_no_error (error);
  g_assert_false (((FacturesLine *) g_ptr_array_index (doc->lines, 0))->debours);
  g_assert_true (((FacturesLine *) g_ptr_array_index (doc->lines, 1))->debours);
  g_clear_object (&other);
  store_test_remove_dir (dir2);
}

/* An imported supplier invoice (Achats). */
static void
import_purchase (Fixture *f, const char *number, const char *supplier, const char *date,
                 const char *currency, const char *total)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesImported) imported = factures_imported_new ();
  g_autoptr(GBytes) xml = g_bytes_new_static ("<x/>", 4);
  FacturesImportedDirection direction;

  imported->number = g_strdup (number);
  imported->type_code = 380;
  if (date != NULL)
    imported->issue_date = d (date);
  imported->currency = g_strdup (currency);
  imported->seller.name = g_strdup (supplier);
  imported->seller.siren = g_strdup ("552081317");
  imported->buyer.name = g_strdup ("Camille Martin EI");
  imported->buyer.siren = g_strdup ("732829320");
  imported->tax_basis_total = g_strdup (total);
  imported->tax_total = g_strdup ("0.00");
  imported->grand_total = g_strdup (total);
  imported->due_payable = g_strdup (total);
  factures_store_import_history (f->store, imported, xml, "f.xml", FALSE, xml, NULL, NULL, &direction, &error);
  g_assert_no_error (error);
  g_assert_cmpint (direction, ==, FACTURES_IMPORTED_PURCHASE);
}

/* The registre des achats from imported Factur-X purchases: chronological, the year only, EUR
 * amounts in cents, a file in another currency as written. */
static void
test_purchases (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const FacturesPurchaseEntry *e;
  guint undated = 99;

  import_purchase (f, "FA-300", "Papeterie Durand", "2026-05-02", "EUR", "45.90");
  import_purchase (f, "FA-100", "Imprimerie Lebon", "2026-02-11", "EUR", "120.00");
  import_purchase (f, "INV-7", "Hosting Ltd", "2026-03-01", "USD", "10.00");
  import_purchase (f, "FA-050", "Papeterie Durand", "2025-12-30", "EUR", "9.99");
  list = factures_store_list_purchase_register (f->store, 2026, &undated, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpuint (undated, ==, 0);   /* the import refuses a file without BT-2 */
  e = g_ptr_array_index (list, 0);
  g_assert_cmpstr (e->reference, ==, "FA-100");
  g_assert_cmpstr (e->supplier, ==, "Imprimerie Lebon");
  g_assert_cmpint (e->amount, ==, 12000);
  e = g_ptr_array_index (list, 1);
  g_assert_cmpstr (e->reference, ==, "INV-7");
  g_assert_cmpint (e->amount, ==, -1);
  g_assert_cmpstr (e->amount_text, ==, "10.00");
  e = g_ptr_array_index (list, 2);
  g_assert_cmpstr (e->reference, ==, "FA-300");
  g_assert_cmpint (e->amount, ==, 4590);
  g_assert_cmpint (g_date_get_month (&e->date), ==, 5);
}

/* The settings and the periods declared go through the JSON export and back, through the
 * settings' checks; a bad one is refused with nothing stored. */
static void
test_json_settings (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (f->dir, "export.json", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.json", NULL);
  g_autofree char *dir2 = store_test_make_fast_dir ();
  g_autofree char *path2 = store_test_db_path (dir2);
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(FacturesStore) other = NULL;
  FacturesUrssafSettings s, back;
  FacturesUrssafPeriod period;
  GDate on = d ("2026-10-20"), seen;

  /* no settings saved: the export has no such member (older exports keep their bytes) */
  g_assert_true (factures_store_export_json (f->store, file, &error));
  g_assert_true (g_file_get_contents (file, &text, NULL, NULL));
  g_assert_null (strstr (text, "urssaf"));
  g_clear_pointer (&text, g_free);

  factures_urssaf_settings_init (&s);
  s.quarterly = TRUE;
  s.versement_liberatoire = TRUE;
  s.acre_until = d ("2027-03-31");
  s.account_vat = g_strdup ("445710");
  g_assert_true (factures_store_set_urssaf_settings (f->store, &s, &error));
  factures_urssaf_settings_clear (&s);
  g_assert_true (factures_urssaf_period_parse ("2026-Q3", NULL, &period, NULL));
  g_assert_true (factures_store_mark_declared (f->store, &period, &on, &error));
  g_assert_no_error (error);
  g_assert_true (factures_store_export_json (f->store, file, &error));
  g_assert_no_error (error);

  other = factures_store_open (path2, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_import_json (other, file, &error));
  g_assert_no_error (error);
  g_assert_true (factures_store_get_urssaf_settings (other, &back, &error));
  g_assert_true (back.quarterly);
  g_assert_true (back.versement_liberatoire);
  g_assert_cmpstr (back.account_vat, ==, "445710");
  g_assert_cmpint (g_date_get_year (&back.acre_until), ==, 2027);
  factures_urssaf_settings_clear (&back);
  g_assert_true (factures_store_get_declared (other, &period, &seen, &error));
  g_assert_cmpint (g_date_compare (&seen, &on), ==, 0);
  g_clear_object (&other);
  store_test_remove_dir (dir2);

  /* a bad account number in the file: refused, nothing stored */
  g_assert_true (g_file_get_contents (file, &text, NULL, NULL));
  {
    g_autoptr(GString) edited = g_string_new (text);

    g_assert_cmpint (g_string_replace (edited, "\"445710\"", "\"445 71\"", 1), ==, 1);
    g_assert_true (g_file_set_contents (bad, edited->str, -1, NULL));
  }
  {
    g_autofree char *dir3 = store_test_make_fast_dir ();
    g_autofree char *path3 = store_test_db_path (dir3);
    g_autoptr(FacturesStore) third = factures_store_open (path3, &error);

    g_assert_no_error (error);
    before = dump_hash (path3);
    g_assert_false (factures_store_import_json (third, bad, &error));
    g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, "urssaf_settings"));
    after = dump_hash (path3);
    g_assert_cmpstr (before, ==, after);
    g_clear_object (&third);
    store_test_remove_dir (dir3);
  }
}

/* « Marquer comme fait » on a URSSAF declaration's deadline (the To-Do queue) marks the
 * period it declares « déclarée » on today, as the « Année » view does; its « Annuler » takes
 * that declaration back; a declaration made before stays; a deadline whose period has not
 * ended is refused, nothing stored (note-prev "Year view"). Today is 2026-12-06. */
static void
test_deadline_declares (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  FacturesUrssafSettings s;
  FacturesUrssafPeriod october, november, q3;
  GDate seen, due_october = d ("2026-11-30"), due_november = d ("2026-12-31"), due_q3 = d ("2026-10-31");
  GDate today = d ("2026-12-06");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (factures_urssaf_period_parse ("2026-10", NULL, &october, NULL));
  g_assert_true (factures_urssaf_period_parse ("2026-11", NULL, &november, NULL));
  g_assert_true (factures_urssaf_period_parse ("2026-Q3", NULL, &q3, NULL));

  /* October, due 30/11: marked done, declared on today */
  g_assert_true (factures_store_mark_deadline (f->store, "urssaf", &due_october, TRUE, &error));
  g_assert_no_error (error);
  g_date_clear (&seen, 1);
  g_assert_true (factures_store_get_declared (f->store, &october, &seen, &error));
  g_assert_cmpint (g_date_compare (&seen, &today), ==, 0);
  /* « Annuler »: the declaration the mark made is taken back */
  g_assert_true (factures_store_mark_deadline (f->store, "urssaf", &due_october, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (factures_store_get_declared (f->store, &october, &seen, &error));
  g_assert_no_error (error);

  /* declared earlier in the « Année » view: the mark keeps that day, its « Annuler » too */
  seen = d ("2026-11-20");
  g_assert_true (factures_store_mark_declared (f->store, &october, &seen, &error));
  g_assert_true (factures_store_mark_deadline (f->store, "urssaf", &due_october, TRUE, &error));
  g_assert_true (factures_store_get_declared (f->store, &october, &seen, &error));
  g_assert_cmpint (g_date_get_day (&seen), ==, 20);
  g_assert_true (factures_store_mark_deadline (f->store, "urssaf", &due_october, FALSE, &error));
  g_assert_true (factures_store_get_declared (f->store, &october, &seen, &error));
  g_assert_cmpint (g_date_get_day (&seen), ==, 20);
  g_assert_no_error (error);

  /* November (ended 30/11, due 31/12) is declared too; a deadline whose period has not ended
   * (December, due 31/01/2027) is refused naming the period, nothing stored. */
  g_assert_true (factures_store_mark_deadline (f->store, "urssaf", &due_november, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (factures_store_get_declared (f->store, &november, &seen, &error));
  before = dump_hash (f->path);
  {
    GDate due_december = d ("2027-01-31");

    g_assert_false (factures_store_mark_deadline (f->store, "urssaf", &due_december, TRUE, &error));
    g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "décembre 2026"));
    g_clear_error (&error);
  }
  after = dump_hash (f->path);
  g_assert_cmpstr (before, ==, after);

  /* quarterly: the deadline of 31/10 declares the third quarter */
  g_assert_true (factures_store_get_urssaf_settings (f->store, &s, &error));
  s.quarterly = TRUE;
  g_assert_true (factures_store_set_urssaf_settings (f->store, &s, &error));
  factures_urssaf_settings_clear (&s);
  g_assert_true (factures_store_mark_deadline (f->store, "urssaf", &due_q3, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (factures_store_get_declared (f->store, &q3, &seen, &error));
  g_assert_cmpint (g_date_compare (&seen, &today), ==, 0);

  /* another kind declares nothing */
  {
    GDate due_cfe = d ("2026-12-15");

    g_assert_true (factures_store_mark_deadline (f->store, "cfe", &due_cfe, TRUE, &error));
    g_assert_no_error (error);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/store-urssaf/mixed", Fixture, GINT_TO_POINTER (0), fixture_set_up, test_mixed, fixture_tear_down);
  g_test_add ("/store-urssaf/vat-removed", Fixture, GINT_TO_POINTER (1), fixture_set_up, test_vat_removed,
              fixture_tear_down);
  g_test_add ("/store-urssaf/debours-vat", Fixture, GINT_TO_POINTER (1), fixture_set_up, test_debours_vat,
              fixture_tear_down);
  g_test_add ("/store-urssaf/vat-return", Fixture, GINT_TO_POINTER (1), fixture_set_up, test_vat_return,
              fixture_tear_down);
  g_test_add ("/store-urssaf/settings", Fixture, GINT_TO_POINTER (0), fixture_set_up, test_settings,
              fixture_tear_down);
  g_test_add ("/store-urssaf/imported-sale", Fixture, GINT_TO_POINTER (0), fixture_set_up, test_imported_sale,
              fixture_tear_down);
  g_test_add ("/store-urssaf/purchases", Fixture, GINT_TO_POINTER (0), fixture_set_up, test_purchases,
              fixture_tear_down);
  g_test_add ("/store-urssaf/json-settings", Fixture, GINT_TO_POINTER (0), fixture_set_up, test_json_settings,
              fixture_tear_down);
  g_test_add ("/store-urssaf/json-debours", Fixture, GINT_TO_POINTER (0), fixture_set_up, test_json_debours,
              fixture_tear_down);
  g_test_add ("/store-urssaf/deadline-declares", Fixture, GINT_TO_POINTER (0), fixture_set_up,
              test_deadline_declares, fixture_tear_down);
  return g_test_run ();
}
