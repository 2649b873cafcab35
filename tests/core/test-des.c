/* test-des.c — the DES lines of a month (src/core/factures-des.h; art. 289 B CGI)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "factures-des.h"
#include "factures-error.h"

static GDate
d (const char *iso)
{
  GDate date;
  guint y, m, day;

  g_assert_cmpint (sscanf (iso, "%u-%u-%u", &y, &m, &day), ==, 3);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) m, (GDateYear) y);
  return date;
}

/* An issued document to @vat_id with one line of @cents HT in @category. */
static FacturesDocument *
document (FacturesDocumentKind kind, const char *vat_id, const char *name, gint64 cents,
          FacturesVatCategory category)
{
  FacturesDocument *doc = factures_document_new (kind);
  FacturesLine *line = factures_line_new ();

  doc->status = FACTURES_DOCUMENT_STATUS_ISSUED;
  doc->seller = factures_profile_new ();
  doc->seller->vat_regime = FACTURES_VAT_REGIME_REGISTERED;
  doc->seller->party.vat_id = g_strdup ("FR40303265045");
  doc->buyer = factures_client_new ();
  doc->buyer->party.name = g_strdup (name);
  doc->buyer->party.vat_id = g_strdup (vat_id);
  line->description = g_strdup ("Traduction");
  line->quantity = 10000;
  line->unit_price = cents * 10000;
  line->vat_category = category;
  line->vat_rate_bp = category == FACTURES_VAT_CATEGORY_S ? 2000 : 0;
  g_ptr_array_add (doc->lines, line);
  return doc;
}

static void
test_parse_month (void)
{
  GDate today = d ("2026-12-06");
  g_autoptr(GError) error = NULL;
  guint y = 0, m = 0;
  static const char *const bad[] = { "2026-13", "2026-00", "2026-1", "26-11", "2026/11", "2026-11x", "abcd-ef", "", "1999-12" };

  g_assert_true (factures_des_parse_month ("2026-11", &today, &y, &m, &error));
  g_assert_cmpuint (y, ==, 2026);
  g_assert_cmpuint (m, ==, 11);
  g_assert_true (factures_des_parse_month ("2026-12", &today, &y, &m, &error));   /* begun */
  g_assert_false (factures_des_parse_month ("2027-01", &today, &y, &m, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "--month"));
  g_clear_error (&error);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (factures_des_parse_month (bad[i], &today, &y, &m, &error));
      g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
      g_clear_error (&error);
    }
}

static void
test_operation_date (void)
{
  g_autoptr(FacturesDocument) invoice = document (FACTURES_DOCUMENT_KIND_INVOICE, "DE123456788", "A", 100, FACTURES_VAT_CATEGORY_AE);
  g_autoptr(FacturesDocument) credit = document (FACTURES_DOCUMENT_KIND_CREDIT_NOTE, "DE123456788", "A", 100, FACTURES_VAT_CATEGORY_AE);
  GDate out;

  invoice->issue_date = d ("2026-12-03");
  factures_des_operation_date (invoice, &out);
  g_assert_cmpint (g_date_get_month (&out), ==, 12);
  /* the service completed in November, invoiced on 3 December: November's DES */
  invoice->delivery_date = d ("2026-11-28");
  factures_des_operation_date (invoice, &out);
  g_assert_cmpint (g_date_get_month (&out), ==, 11);
  /* a credit note counts when issued */
  credit->issue_date = d ("2026-12-03");
  credit->delivery_date = d ("2026-11-28");
  factures_des_operation_date (credit, &out);
  g_assert_cmpint (g_date_get_month (&out), ==, 12);
}

static void
test_month (void)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_des_entry_free);
  g_autoptr(FacturesDocument) a1 = document (FACTURES_DOCUMENT_KIND_INVOICE, "DE123456788", "Beispiel GmbH", 120049, FACTURES_VAT_CATEGORY_AE);
  g_autoptr(FacturesDocument) a2 = document (FACTURES_DOCUMENT_KIND_INVOICE, "DE123456788", "Beispiel GmbH", 30001, FACTURES_VAT_CATEGORY_AE);
  g_autoptr(FacturesDocument) b = document (FACTURES_DOCUMENT_KIND_INVOICE, "BE0123456749", "Voorbeeld NV", 99950, FACTURES_VAT_CATEGORY_AE);
  g_autoptr(FacturesDocument) b_credit = document (FACTURES_DOCUMENT_KIND_CREDIT_NOTE, "BE0123456749", "Voorbeeld NV", 20000, FACTURES_VAT_CATEGORY_AE);
  g_autoptr(FacturesDocument) french = document (FACTURES_DOCUMENT_KIND_INVOICE, "FR40303265045", "Dupont", 50000, FACTURES_VAT_CATEGORY_S);
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  const FacturesDesEntry *e;
  gint64 cents;

  /* an invoice with a document allowance: the AE base after it */
  a2->allowance = 1;
  for (guint i = 0; i < 5; i++)
    {
      FacturesDocument *docs[] = { a1, a2, b, b_credit, french };

      g_assert_true (factures_des_document_base (docs[i], NULL, &cents, &error));
      g_assert_no_error (error);
      if (docs[i] == french)
        g_assert_cmpint (cents, ==, 0);
      else
        factures_des_add (entries, docs[i], cents);
    }
  g_assert_cmpuint (entries->len, ==, 2);
  /* sorted by VAT number; amounts summed in cents, then rounded to the euro */
  e = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (e->vat_id, ==, "BE0123456749");
  g_assert_cmpint (e->cents, ==, 79950);       /* 999.50 − 200.00 (the credit note) */
  g_assert_cmpint (e->euros, ==, 800);         /* 799.50 → 800 */
  g_assert_cmpuint (e->documents, ==, 2);
  e = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (e->vat_id, ==, "DE123456788");
  g_assert_cmpint (e->cents, ==, 150049);      /* 1 200.49 + 300.01 − 0.01 */
  g_assert_cmpint (e->euros, ==, 1500);
  g_assert_cmpstr (e->client, ==, "Beispiel GmbH");

  csv = factures_des_write_csv (entries, 2026, 11);
  g_assert_cmpstr (csv, ==,
                   "mois,numero_ligne,numero_tva_client,montant_euros,client,montant_centimes\r\n"
                   "2026-11,1,BE0123456749,800,Voorbeeld NV,79950\r\n"
                   "2026-11,2,DE123456788,1500,Beispiel GmbH,150049\r\n");
}

static void
test_credit_larger (void)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_des_entry_free);
  g_autoptr(FacturesDocument) credit = document (FACTURES_DOCUMENT_KIND_CREDIT_NOTE, "ATU12345675", "Muster, \"KG\"", 15050, FACTURES_VAT_CATEGORY_AE);
  g_autofree char *csv = NULL;
  gint64 cents;

  g_assert_true (factures_des_document_base (credit, NULL, &cents, NULL));
  g_assert_cmpint (cents, ==, -15050);
  factures_des_add (entries, credit, cents);
  g_assert_cmpint (((FacturesDesEntry *) g_ptr_array_index (entries, 0))->euros, ==, -151);
  csv = factures_des_write_csv (entries, 2026, 12);
  g_assert_nonnull (strstr (csv, ",-151,\"Muster, \"\"KG\"\"\",-15050\r\n"));
}

static void
test_deposits (void)
{
  g_autoptr(FacturesDocument) deposit = document (FACTURES_DOCUMENT_KIND_DEPOSIT, "DE123456788", "A", 30000, FACTURES_VAT_CATEGORY_AE);
  g_autoptr(FacturesDocument) final = document (FACTURES_DOCUMENT_KIND_INVOICE, "DE123456788", "A", 100000, FACTURES_VAT_CATEGORY_AE);
  g_autoptr(GPtrArray) deposits = g_ptr_array_new ();
  gint64 cents;

  g_ptr_array_add (deposits, deposit);
  g_assert_true (factures_des_document_base (deposit, NULL, &cents, NULL));
  g_assert_cmpint (cents, ==, 30000);
  /* the final invoice declares what the deposit did not */
  g_assert_true (factures_des_document_base (final, deposits, &cents, NULL));
  g_assert_cmpint (cents, ==, 70000);
}

/* Trial finding T3: a USD invoice's base is converted at its rate (300,00 USD at 0,92 = 276,00 €);
 * without a rate it is refused naming the invoice. */
static void
test_currency (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) usd = document (FACTURES_DOCUMENT_KIND_INVOICE, "DE123456788", "A", 30000, FACTURES_VAT_CATEGORY_AE);
  g_autoptr(FacturesDocument) credit = document (FACTURES_DOCUMENT_KIND_CREDIT_NOTE, "DE123456788", "A", 10000, FACTURES_VAT_CATEGORY_AE);
  gint64 cents = 0;

  usd->currency = g_strdup ("USD");
  usd->exchange_rate = 920000;
  usd->number = g_strdup ("F2026-0005");
  g_assert_true (factures_des_document_base (usd, NULL, &cents, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cents, ==, 27600);
  credit->currency = g_strdup ("GBP");
  credit->exchange_rate = 1161200;
  g_assert_true (factures_des_document_base (credit, NULL, &cents, &error));
  g_assert_cmpint (cents, ==, -11612);

  usd->exchange_rate = 0;
  g_assert_false (factures_des_document_base (usd, NULL, &cents, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "F2026-0005"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/des/parse-month", test_parse_month);
  g_test_add_func ("/des/operation-date", test_operation_date);
  g_test_add_func ("/des/month", test_month);
  g_test_add_func ("/des/credit-larger", test_credit_larger);
  g_test_add_func ("/des/deposits", test_deposits);
  g_test_add_func ("/des/currency", test_currency);
  return g_test_run ();
}
