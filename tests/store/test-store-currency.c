/* test-store-currency.c — documents in another currency through the store (issue 13 item 4):
 * the currency and rate kept by the draft door and frozen at issue, the rate required at issue
 * where VAT is due (BR-FR-CO-12), bad codes and rates refused with the database unchanged, a
 * payment of a GBP invoice needing the euros the bank credited and entering the livre des
 * recettes and the URSSAF boxes in euros, a credit note in its invoice's currency, the chain and
 * the journal covering the new fields, and a JSON export imported back as it was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <gio/gio.h>
#include <sqlite3.h>
#include <string.h>

#include "factures-currency.h"
#include "factures-rows.h"
#include "factures-store-bank.h"
#include "factures-store-lifecycle.h"
#include "factures-store-payments.h"
#include "factures-store-receipts.h"
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
  profile->vat_regime = FACTURES_VAT_REGIME_REGISTERED;
  profile->party.vat_id = g_strdup ("FR44732829320");
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

static char *
dump_hash (const char *path)
{
  g_autofree char *out = NULL;
  g_autofree char *command = g_strdup_printf ("sqlite3 '%s' .dump", path);

  g_assert_true (g_spawn_command_line_sync (command, &out, NULL, NULL, NULL));
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, out, -1);
}

/* A draft of one line of 1 000,00 HT at 20 % (or exempt) in @currency at @rate. */
static FacturesDocument *
draft (Fixture *f, const char *currency, gint64 rate, gboolean vat)
{
  FacturesDocument *doc = store_test_draft (f->client_id, "2026-11-02", 1);
  FacturesLine *line = g_ptr_array_index (doc->lines, 0);

  line->unit_price = 1000 * FACTURES_UNIT_PRICE_ONE;
  line->activity = FACTURES_LINE_ACTIVITY_SERVICES_BNC;
  if (vat)
    {
      line->vat_category = FACTURES_VAT_CATEGORY_S;
      line->vat_rate_bp = 2000;
    }
  else
    {
      line->vat_category = FACTURES_VAT_CATEGORY_O;
      line->vat_rate_bp = 0;
      line->vatex = g_strdup ("VATEX-EU-O");
      line->exemption_reason = g_strdup ("TVA non applicable, art. 259-1 du CGI");
      line->override_reason = g_strdup ("client hors UE");
    }
  doc->currency = g_strdup (currency);
  doc->exchange_rate = rate;
  return doc;
}

/* A GBP invoice with VAT: saved without a rate, refused at issue (nothing stored), issued with
 * one; paid 1 200,00 GBP credited as 1 380,00 € in the livre des recettes and URSSAF boxes. */
static void
test_gbp_paid_in_eur (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) doc = draft (f, "gbp", 0, TRUE);
  g_autoptr(FacturesDocument) issued = NULL;
  g_autoptr(FacturesDocument) back = NULL;
  g_autoptr(FacturesPayment) p = factures_payment_new ();
  g_autoptr(GPtrArray) receipts = NULL;
  g_autoptr(GPtrArray) splits = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  g_autofree char *before = NULL;
  FacturesBalance balance = { 0 };
  GDate from = d ("2026-11-01"), to = d ("2026-11-30");
  const FacturesSplitReceipt *s;

  g_assert_true (factures_store_save_draft (f->store, doc, &error));
  g_assert_no_error (error);
  back = factures_store_get_document (f->store, doc->id, &error);
  g_assert_cmpstr (back->currency, ==, "GBP");   /* normalised by the door */
  g_assert_cmpint (back->exchange_rate, ==, 0);

  before = dump_hash (f->path);
  issued = factures_store_issue (f->store, doc->id, store_test_render, NULL, &error);
  g_assert_null (issued);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_MISSING_MENTION);
  g_assert_nonnull (strstr (error->message, "BR-FR-CO-12"));
  g_clear_error (&error);
  {
    g_autofree char *after = dump_hash (f->path);
    g_assert_cmpstr (before, ==, after);
  }

  back->exchange_rate = 1150000;   /* 1 GBP = 1,15 € */
  g_assert_true (factures_store_save_draft (f->store, back, &error));
  issued = factures_store_issue (f->store, back->id, store_test_render, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (issued->currency, ==, "GBP");
  g_assert_cmpint (issued->exchange_rate, ==, 1150000);
  /* a duplicate keeps the currency, not the rate (the one of its own VAT's day) */
  {
    gint64 dup = factures_store_duplicate (f->store, issued->id, &error);
    g_autoptr(FacturesDocument) copy = factures_store_get_document (f->store, dup, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (copy->currency, ==, "GBP");
    g_assert_cmpint (copy->exchange_rate, ==, 0);
    g_assert_true (factures_store_delete_draft (f->store, dup, &error));
  }
  g_assert_true (factures_store_verify (f->store, &error));
  g_assert_no_error (error);

  /* no EUR amount: refused, nothing stored */
  g_clear_pointer (&before, g_free);
  before = dump_hash (f->path);
  p->date = d ("2026-11-20");
  p->amount = 120000;
  p->method = FACTURES_PAYMENT_METHOD_TRANSFER;
  factures_payment_add_allocation (p, issued->id, 0);
  g_assert_false (factures_store_record_payment (f->store, p, FACTURES_OVERPAYMENT_REFUSE, NULL, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "GBP"));
  g_clear_error (&error);
  /* an excess cannot be kept as credit in GBP */
  p->amount = 130000;
  p->eur_amount = 149500;
  g_assert_false (factures_store_record_payment (f->store, p, FACTURES_OVERPAYMENT_KEEP_CREDIT, NULL, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *after = dump_hash (f->path);
    g_assert_cmpstr (before, ==, after);
  }

  p->amount = 120000;
  p->eur_amount = 138000;
  g_array_index (p->allocations, FacturesAllocation, 0).amount = 0;
  g_assert_true (factures_store_record_payment (f->store, p, FACTURES_OVERPAYMENT_REFUSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (factures_store_get_payment_balance (f->store, issued->id, &balance, &error));
  g_assert_cmpint (balance.balance, ==, 0);   /* the balance is in GBP */
  payments = factures_store_list_payments (f->store, issued->id, &error);
  g_assert_cmpuint (payments->len, ==, 1);
  g_assert_cmpint (((FacturesPayment *) g_ptr_array_index (payments, 0))->eur_amount, ==, 138000);

  /* the livre des recettes in euros */
  receipts = factures_store_list_receipts (f->store, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (receipts->len, ==, 1);
  g_assert_cmpint (((FacturesReceipt *) g_ptr_array_index (receipts, 0))->amount, ==, 138000);
  /* the URSSAF split in euros: 1 380 € = 230 € of VAT + 1 150 € BNC */
  splits = factures_store_list_split_receipts (f->store, &from, &to, &error);
  g_assert_no_error (error);
  s = g_ptr_array_index (splits, 0);
  g_assert_cmpint (s->vat, ==, 23000);
  g_assert_cmpint (s->box[FACTURES_URSSAF_BOX_SERVICES_BNC], ==, 115000);
  {
    FacturesUrssafSettings settings;
    FacturesUrssafPeriod period;
    g_autoptr(FacturesUrssafDeclaration) decl = NULL;

    g_assert_true (factures_store_get_urssaf_settings (f->store, &settings, &error));
    g_assert_true (factures_urssaf_period_parse ("2026-11", NULL, &period, &error));
    decl = factures_store_urssaf_declaration (f->store, &period, &settings, &error);
    g_assert_no_error (error);
    g_assert_cmpint (decl->declared[FACTURES_URSSAF_BOX_SERVICES_BNC], ==, 1150);
    factures_urssaf_settings_clear (&settings);
  }

  /* the journal copies the EUR amount: changed behind the app's back, --verify names it */
  g_assert_true (factures_store_verify (f->store, &error));
  g_assert_no_error (error);
  g_clear_object (&f->store);
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER payments_no_update; UPDATE payments SET eur_amount = 100000",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  f->store = factures_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (factures_store_verify (f->store, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY);
}

/* An issued document's currency or rate changed behind the app's back breaks the chain. */
static void
test_chain_covers_currency (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) doc = draft (f, "USD", 0, FALSE);
  g_autoptr(FacturesDocument) issued = NULL;
  sqlite3 *db = NULL;

  g_assert_true (factures_store_save_draft (f->store, doc, &error));
  g_assert_no_error (error);
  /* no VAT due: no rate asked */
  issued = factures_store_issue (f->store, doc->id, store_test_render, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_verify (f->store, &error));
  g_clear_object (&f->store);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER documents_issued_no_update; UPDATE documents SET currency = 'CHF'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  f->store = factures_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (factures_store_verify (f->store, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY);
}

/* "ZZZ", "JPY", a negative rate, a rate on a euro document: refused, database unchanged. */
static void
test_bad_inputs (Fixture *f, gconstpointer data)
{
  const struct { const char *currency; gint64 rate; const char *word; } cases[] = {
    { "ZZZ", 0, "ISO 4217" },
    { "JPY", 0, "JPY" },
    { "XAU", 0, "XAU" },
    { "GBP", -5, "Exchange rate" },
    { NULL, 1000000, "Exchange rate" },
  };
  g_autofree char *before = dump_hash (f->path);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FacturesDocument) doc = draft (f, cases[i].currency, cases[i].rate, TRUE);
      g_autofree char *after = NULL;

      g_assert_false (factures_store_save_draft (f->store, doc, &error));
      g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].word));
      after = dump_hash (f->path);
      g_assert_cmpstr (before, ==, after);
    }
}

/* A credit note is made in its invoice's currency and cannot be issued in another. */
static void
test_credit_note (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) doc = draft (f, "GBP", 1161200, TRUE);
  g_autoptr(FacturesDocument) issued = NULL;
  g_autoptr(FacturesDocument) credit = NULL;
  g_autoptr(FacturesDocument) refused = NULL;
  gint64 id;

  g_assert_true (factures_store_save_draft (f->store, doc, &error));
  issued = factures_store_issue (f->store, doc->id, store_test_render, NULL, &error);
  g_assert_no_error (error);
  id = factures_store_credit_note_new (f->store, issued->id, NULL, 0, 0, &error);
  g_assert_no_error (error);
  credit = factures_store_get_document (f->store, id, &error);
  g_assert_cmpstr (credit->currency, ==, "GBP");
  g_assert_cmpint (credit->exchange_rate, ==, 1161200);
  g_free (credit->currency);
  credit->currency = g_strdup ("USD");
  g_assert_true (factures_store_save_draft (f->store, credit, &error));
  refused = factures_store_issue (f->store, id, store_test_render, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "GBP"));
  g_clear_error (&error);

  /* issued in GBP, it is not refunded in the livre des recettes (euros only) */
  g_free (credit->currency);
  credit->currency = g_strdup ("GBP");
  g_assert_true (factures_store_save_draft (f->store, credit, &error));
  g_clear_pointer (&refused, factures_document_free);
  refused = factures_store_issue (f->store, id, store_test_render, NULL, &error);
  g_assert_no_error (error);
  {
    GDate on = d ("2026-12-05");
    gint64 refund = 0;

    g_assert_false (factures_store_record_refund (f->store, id, &on, 1000, FACTURES_PAYMENT_METHOD_TRANSFER,
                                                  NULL, &refund, &error));
    g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  }
}

/* Export, then import into an empty database: the same currency, rate and EUR amount. */
static void
test_json_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) doc = draft (f, "GBP", 1161200, TRUE);
  g_autoptr(FacturesDocument) issued = NULL;
  g_autoptr(FacturesDocument) again = NULL;
  g_autoptr(FacturesDocument) draft2 = draft (f, "USD", 0, FALSE);
  g_autoptr(FacturesDocument) draft_again = NULL;
  g_autoptr(FacturesPayment) p = factures_payment_new ();
  g_autoptr(FacturesStore) other = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  g_autofree char *json = g_build_filename (f->dir, "export.json", NULL);
  g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *text = NULL;

  g_assert_true (factures_store_save_draft (f->store, doc, &error));
  issued = factures_store_issue (f->store, doc->id, store_test_render, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_save_draft (f->store, draft2, &error));
  p->date = d ("2026-11-20");
  p->amount = 120000;
  p->eur_amount = 138000;
  p->method = FACTURES_PAYMENT_METHOD_TRANSFER;
  factures_payment_add_allocation (p, issued->id, 0);
  g_assert_true (factures_store_record_payment (f->store, p, FACTURES_OVERPAYMENT_REFUSE, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (factures_store_export_json (f->store, json, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (json, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"currency\" : \"GBP\""));
  g_assert_nonnull (strstr (text, "\"eur_amount\" : 138000"));

  other = factures_store_open (other_path, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_import_json (other, json, &error));
  g_assert_no_error (error);
  again = factures_store_find_document (other, issued->number, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->currency, ==, "GBP");
  g_assert_cmpint (again->exchange_rate, ==, 1161200);
  draft_again = factures_store_get_document (other, draft2->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (draft_again->currency, ==, "USD");
  payments = factures_store_list_payments (other, again->id, &error);
  g_assert_cmpuint (payments->len, ==, 1);
  g_assert_cmpint (((FacturesPayment *) g_ptr_array_index (payments, 0))->eur_amount, ==, 138000);
  g_assert_true (factures_store_verify (other, &error));
  g_assert_no_error (error);
}

/* Trial finding T8: the EUR amount credited against the invoice's rate: 1 200,00 GBP at 1,1612
 * is about 1 393,44 €; 0,01 € or 9 999 999,99 € is refused (database unchanged), 1 380,00 € (the
 * bank's rate) accepted; an invoice without a rate accepts any amount. */
static void
test_eur_amount_sanity (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) gbp = draft (f, "GBP", 1161200, TRUE);
  g_autoptr(FacturesDocument) usd = draft (f, "USD", 0, FALSE);
  g_autoptr(FacturesDocument) a = NULL;
  g_autoptr(FacturesDocument) b = NULL;
  g_autofree char *before = NULL;
  const gint64 bad[] = { 1, 69671, 999999999 };
  const struct { gint64 id_is_a; gint64 eur; } good[] = { { TRUE, 138000 }, { FALSE, 1 } };

  g_assert_true (factures_store_save_draft (f->store, gbp, &error));
  a = factures_store_issue (f->store, gbp->id, store_test_render, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_save_draft (f->store, usd, &error));
  b = factures_store_issue (f->store, usd->id, store_test_render, NULL, &error);
  g_assert_no_error (error);
  before = dump_hash (f->path);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(FacturesPayment) p = factures_payment_new ();
      g_autofree char *after = NULL;

      p->date = d ("2026-11-20");
      p->amount = 120000;
      p->eur_amount = bad[i];
      p->method = FACTURES_PAYMENT_METHOD_TRANSFER;
      factures_payment_add_allocation (p, a->id, 0);
      g_assert_false (factures_store_record_payment (f->store, p, FACTURES_OVERPAYMENT_REFUSE, NULL, &error));
      g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "Amount in euros"));
      g_assert_nonnull (strstr (error->message, "1,1612"));
      g_clear_error (&error);
      after = dump_hash (f->path);
      g_assert_cmpstr (before, ==, after);
    }
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(FacturesPayment) p = factures_payment_new ();

      p->date = d ("2026-11-20");
      p->amount = good[i].id_is_a ? 120000 : 100000;   /* (the USD invoice has no VAT) */
      p->eur_amount = good[i].eur;
      p->method = FACTURES_PAYMENT_METHOD_TRANSFER;
      factures_payment_add_allocation (p, good[i].id_is_a ? a->id : b->id, 0);
      g_assert_true (factures_store_record_payment (f->store, p, FACTURES_OVERPAYMENT_REFUSE, NULL, &error));
      g_assert_no_error (error);
    }
}

/* Trial finding T7: an "exchange_rate" of 0 (or beyond 100 000 € per unit) in a JSON file is
 * refused naming its path, not stored as "no rate"; the database is left as it was. */
static void
test_json_rate_bounds (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) doc = draft (f, "GBP", 1161200, TRUE);
  g_autoptr(FacturesDocument) issued = NULL;
  g_autofree char *json = g_build_filename (f->dir, "export.json", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.json", NULL);
  g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *text = NULL;
  const char *values[] = { "0", "-3", "99999999999999" };

  g_assert_true (factures_store_save_draft (f->store, doc, &error));
  issued = factures_store_issue (f->store, doc->id, store_test_render, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_export_json (f->store, json, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (json, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"exchange_rate\" : 1161200"));

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(FacturesStore) other = factures_store_open (other_path, &error);
      g_autoptr(GString) changed = g_string_new (text);
      g_autofree char *replacement = g_strdup_printf ("\"exchange_rate\" : %s", values[i]);
      g_autofree char *before = NULL, *after = NULL;

      g_assert_no_error (error);
      before = dump_hash (other_path);
      g_string_replace (changed, "\"exchange_rate\" : 1161200", replacement, 0);
      g_assert_true (g_file_set_contents (bad, changed->str, -1, NULL));
      g_assert_false (factures_store_import_json (other, bad, &error));
      g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "exchange_rate"));
      g_clear_error (&error);
      after = dump_hash (other_path);
      g_assert_cmpstr (before, ==, after);
    }
}

/* The receivables' sums are in euros: a GBP invoice is left out of them; its row in the lists
 * says its currency (the overdue view shows it in GBP). */
static void
test_receivables (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) gbp = draft (f, "GBP", 1161200, TRUE);
  g_autoptr(FacturesDocument) eur = draft (f, NULL, 0, TRUE);
  g_autoptr(FacturesDocument) a = NULL;
  g_autoptr(FacturesDocument) b = NULL;
  g_autoptr(GListModel) rows = NULL;
  FacturesReceivables dash = { 0 }, slow = { 0 };
  GDate today = d ("2026-12-06");
  guint n_gbp = 0;

  g_assert_true (factures_store_save_draft (f->store, gbp, &error));
  a = factures_store_issue (f->store, gbp->id, store_test_render, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_save_draft (f->store, eur, &error));
  b = factures_store_issue (f->store, eur->id, store_test_render, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (factures_store_get_dashboard_figures (f->store, &today, &dash, &error));
  g_assert_no_error (error);
  g_assert_true (factures_store_get_receivables (f->store, &today, &slow, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dash.outstanding, ==, 120000);   /* the EUR invoice alone */
  g_assert_cmpint (slow.outstanding, ==, 120000);
  g_assert_cmpint (dash.overdue, ==, slow.overdue);

  rows = factures_store_list_documents (f->store, NULL, FACTURES_DOCUMENT_SORT_DUE, FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(FacturesDocumentRow) row = g_list_model_get_item (rows, i);

      if (factures_document_row_get_id (row) == a->id)
        {
          g_assert_cmpstr (factures_document_row_get_currency (row), ==, "GBP");
          n_gbp++;
        }
      else
        g_assert_null (factures_document_row_get_currency (row));
    }
  g_assert_cmpuint (n_gbp, ==, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/store-currency/gbp-paid-in-eur", test_gbp_paid_in_eur);
  ADD ("/store-currency/chain", test_chain_covers_currency);
  ADD ("/store-currency/bad-inputs", test_bad_inputs);
  ADD ("/store-currency/credit-note", test_credit_note);
  ADD ("/store-currency/json-round-trip", test_json_round_trip);
  ADD ("/store-currency/receivables", test_receivables);
  ADD ("/store-currency/json-rate-bounds", test_json_rate_bounds);
  ADD ("/store-currency/eur-amount-sanity", test_eur_amount_sanity);
#undef ADD
  return g_test_run ();
}
