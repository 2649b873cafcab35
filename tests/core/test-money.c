/* test-money.c — integer money, rounding, VAT, French formatting and parsing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <string.h>

#include "factures-document.h"
#include "factures-money.h"

#define NNBSP "\xe2\x80\xaf"
#define NBSP  "\xc2\xa0"

static FacturesLine *
line (gint64 quantity,
      gint64 unit_price,
      gint   rate_bp)
{
  FacturesLine *l = factures_line_new ();

  l->description = g_strdup ("x");
  l->quantity = quantity;
  l->unit_price = unit_price;
  l->vat_rate_bp = rate_bp;
  return l;
}

static GPtrArray *
new_lines (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) factures_line_free);
}

/* 299.33 + 179.33 + 99.34 at 20 %: VAT once on 578.00 = 115.60
 * (per-line rounding would give 59.87 + 35.87 + 19.87 = 115.61). */
static void
test_vat_once_per_rate (void)
{
  g_autoptr(GPtrArray) lines = new_lines ();
  g_auto(FacturesTotals) t = { 0 };
  g_autoptr(GError) error = NULL;
  const FacturesVatBreakdown *row;

  g_ptr_array_add (lines, line (10000, 299330000, 2000));
  g_ptr_array_add (lines, line (10000, 179330000, 2000));
  g_ptr_array_add (lines, line (10000, 99340000, 2000));

  g_assert_true (factures_totals_compute (lines, 0, FALSE, &t, &error));
  g_assert_no_error (error);
  g_assert_cmpint (t.line_nets->len, ==, 3);
  g_assert_cmpint (g_array_index (t.line_nets, gint64, 0), ==, 29933);
  g_assert_cmpint (t.lines_total, ==, 57800);
  g_assert_cmpint (t.net_total, ==, 57800);
  g_assert_cmpint (t.vat_total, ==, 11560);
  g_assert_cmpint (t.gross_total, ==, 69360);
  g_assert_cmpint (t.amount_due, ==, 69360);
  g_assert_cmpint (t.breakdown->len, ==, 1);
  row = &g_array_index (t.breakdown, FacturesVatBreakdown, 0);
  g_assert_cmpint (row->category, ==, 'S');
  g_assert_cmpint (row->rate_bp, ==, 2000);
  g_assert_cmpint (row->base, ==, 57800);
  g_assert_cmpint (row->vat, ==, 11560);
}

static void
test_line_amounts (void)
{
  g_autoptr(GError) error = NULL;
  gint64 out = 0;

  /* 0.195 € × 1198 = 233.61 */
  g_assert_true (factures_money_line_amount (1198 * FACTURES_QUANTITY_ONE, 195000, &out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (out, ==, 23361);

  /* 0.3333 × 100.00 € = 33.33 */
  g_assert_true (factures_money_line_amount (3333, 100 * FACTURES_UNIT_PRICE_ONE, &out, &error));
  g_assert_cmpint (out, ==, 3333);

  /* 0.5 × 0.01 € = 0.005 € → 0.01 (half away from zero), and −0.01 for −0.5 */
  g_assert_true (factures_money_line_amount (5000, 10000, &out, &error));
  g_assert_cmpint (out, ==, 1);
  g_assert_true (factures_money_line_amount (-5000, 10000, &out, &error));
  g_assert_cmpint (out, ==, -1);
  /* 0.4999 × 0.01 € rounds to 0 */
  g_assert_true (factures_money_line_amount (4999, 10000, &out, &error));
  g_assert_cmpint (out, ==, 0);
  /* 0.0850 €/word × 1234 words = 104.89 */
  g_assert_true (factures_money_line_amount (1234 * FACTURES_QUANTITY_ONE, 85000, &out, &error));
  g_assert_cmpint (out, ==, 10489);
}

static void
test_apply_rate (void)
{
  g_autoptr(GError) error = NULL;
  gint64 out = 0;

  g_assert_true (factures_money_apply_rate (1235, 1000, &out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (out, ==, 124);
  g_assert_true (factures_money_apply_rate (-1235, 1000, &out, &error));
  g_assert_cmpint (out, ==, -124);
  g_assert_true (factures_money_apply_rate (1234, 1000, &out, &error));
  g_assert_cmpint (out, ==, 123);
  g_assert_true (factures_money_apply_rate (10000, 550, &out, &error));
  g_assert_cmpint (out, ==, 550);
  g_assert_true (factures_money_apply_rate (999, 210, &out, &error));
  g_assert_cmpint (out, ==, 21);  /* 20.979 */
}

static void
test_overflow (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = new_lines ();
  g_auto(FacturesTotals) t = { 0 };
  gint64 out = 42;

  /* 10^8 units × 10^8 € = 10^16 € = 10^18 cents: fits. ×100 more does not. */
  g_assert_true (factures_money_line_amount (G_GINT64_CONSTANT (100000000) * FACTURES_QUANTITY_ONE,
                                             G_GINT64_CONSTANT (100000000) * FACTURES_UNIT_PRICE_ONE,
                                             &out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (out, ==, G_GINT64_CONSTANT (1000000000000000000));

  out = 42;
  g_assert_false (factures_money_line_amount (G_MAXINT64, G_MAXINT64, &out, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_OVERFLOW);
  g_assert_cmpint (out, ==, 42);
  g_clear_error (&error);

  g_assert_false (factures_money_add (G_MAXINT64, 1, &out, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_OVERFLOW);
  g_clear_error (&error);
  g_assert_false (factures_money_add (G_MININT64, -1, &out, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_OVERFLOW);
  g_clear_error (&error);
  g_assert_true (factures_money_add (G_MAXINT64, G_MININT64, &out, &error));
  g_assert_cmpint (out, ==, -1);

  g_assert_false (factures_money_apply_rate (G_MAXINT64, 20000, &out, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_OVERFLOW);
  g_clear_error (&error);

  /* Two lines that fit alone but not together. */
  /* 10 000 units × (G_MAXINT64 / 2) µ€ = G_MAXINT64 / 2 cents each. */
  g_ptr_array_add (lines, line (10000 * FACTURES_QUANTITY_ONE, G_MAXINT64 / 2, 0));
  g_ptr_array_add (lines, line (10000 * FACTURES_QUANTITY_ONE, G_MAXINT64 / 2, 0));
  g_assert_true (factures_totals_compute (lines, 0, TRUE, &t, &error));
  g_assert_no_error (error);
  g_assert_cmpint (t.lines_total, ==, (G_MAXINT64 / 2) * 2);
  factures_totals_clear (&t);
  g_ptr_array_add (lines, line (FACTURES_QUANTITY_ONE, 1000 * FACTURES_UNIT_PRICE_ONE, 0));
  g_assert_false (factures_totals_compute (lines, 0, TRUE, &t, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_OVERFLOW);
  g_assert_null (t.line_nets);
  g_assert_null (t.breakdown);
}

static void
test_muldiv (void)
{
  g_autoptr(GError) error = NULL;
  gint64 out;

  g_assert_true (factures_muldiv_round (7, 1, 2, &out, &error));
  g_assert_cmpint (out, ==, 4);
  g_assert_true (factures_muldiv_round (-7, 1, 2, &out, &error));
  g_assert_cmpint (out, ==, -4);
  g_assert_true (factures_muldiv_round (7, 1, -2, &out, &error));
  g_assert_cmpint (out, ==, -4);
  g_assert_true (factures_muldiv_round (5, 1, 3, &out, &error));
  g_assert_cmpint (out, ==, 2);
  g_assert_true (factures_muldiv_round (4, 1, 3, &out, &error));
  g_assert_cmpint (out, ==, 1);
  /* 128-bit intermediate: (2^62 × 4) / 8 */
  g_assert_true (factures_muldiv_round (G_GINT64_CONSTANT (1) << 62, 4, 8, &out, &error));
  g_assert_cmpint (out, ==, G_GINT64_CONSTANT (1) << 61);
  g_assert_no_error (error);
}

static void
test_totals_multi_rate_allowance (void)
{
  g_autoptr(GPtrArray) lines = new_lines ();
  g_auto(FacturesTotals) t = { 0 };
  g_autoptr(GError) error = NULL;
  const FacturesVatBreakdown *r0, *r1;
  FacturesLine *l;

  /* 300.00 at 20 %, 100.00 at 5.5 % with a line discount of 10.00 → 90.00;
   * document allowance 39.00 split 300:90 → 30.00 and 9.00. */
  g_ptr_array_add (lines, line (3 * FACTURES_QUANTITY_ONE, 100 * FACTURES_UNIT_PRICE_ONE, 2000));
  l = line (FACTURES_QUANTITY_ONE, 100 * FACTURES_UNIT_PRICE_ONE, 550);
  l->allowance = 1000;
  g_ptr_array_add (lines, l);

  g_assert_true (factures_totals_compute (lines, 3900, FALSE, &t, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_array_index (t.line_nets, gint64, 1), ==, 9000);
  g_assert_cmpint (t.lines_total, ==, 39000);
  g_assert_cmpint (t.allowance_total, ==, 3900);
  g_assert_cmpint (t.net_total, ==, 35100);
  g_assert_cmpint (t.breakdown->len, ==, 2);
  r0 = &g_array_index (t.breakdown, FacturesVatBreakdown, 0);
  r1 = &g_array_index (t.breakdown, FacturesVatBreakdown, 1);
  g_assert_cmpint (r0->rate_bp, ==, 2000);
  g_assert_cmpint (r0->base, ==, 27000);
  g_assert_cmpint (r0->vat, ==, 5400);
  g_assert_cmpint (r1->rate_bp, ==, 550);
  g_assert_cmpint (r1->base, ==, 8100);
  g_assert_cmpint (r1->vat, ==, 446);  /* 81.00 × 5.5 % = 4.455 → 4.46 */
  g_assert_cmpint (r0->base + r1->base, ==, t.net_total);
  g_assert_cmpint (t.vat_total, ==, 5846);
  g_assert_cmpint (t.gross_total, ==, 35100 + 5846);
}

static void
test_totals_allowance_remainder (void)
{
  g_autoptr(GPtrArray) lines = new_lines ();
  g_auto(FacturesTotals) t = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 sum = 0;
  guint i;

  /* Three rates, allowance 1.00 split in thirds: shares must add up exactly. */
  g_ptr_array_add (lines, line (FACTURES_QUANTITY_ONE, 10 * FACTURES_UNIT_PRICE_ONE, 2000));
  g_ptr_array_add (lines, line (FACTURES_QUANTITY_ONE, 10 * FACTURES_UNIT_PRICE_ONE, 1000));
  g_ptr_array_add (lines, line (FACTURES_QUANTITY_ONE, 10 * FACTURES_UNIT_PRICE_ONE, 550));
  g_assert_true (factures_totals_compute (lines, 100, FALSE, &t, &error));
  g_assert_cmpint (t.breakdown->len, ==, 3);
  for (i = 0; i < t.breakdown->len; i++)
    sum += g_array_index (t.breakdown, FacturesVatBreakdown, i).base;
  g_assert_cmpint (sum, ==, 2900);
  g_assert_cmpint (t.net_total, ==, 2900);
}

static void
test_totals_franchise (void)
{
  g_autoptr(GPtrArray) lines = new_lines ();
  g_autoptr(FacturesDocument) doc = factures_document_new (FACTURES_DOCUMENT_KIND_INVOICE);
  g_auto(FacturesTotals) t = { 0 };
  g_auto(FacturesTotals) t2 = { 0 };
  g_autoptr(GError) error = NULL;
  const FacturesVatBreakdown *row;

  /* Franchise: a stray rate on a line is ignored; one row E 0 %. */
  g_ptr_array_add (lines, line (2 * FACTURES_QUANTITY_ONE, 45 * FACTURES_UNIT_PRICE_ONE, 2000));
  g_ptr_array_add (lines, line (FACTURES_QUANTITY_ONE, 10 * FACTURES_UNIT_PRICE_ONE, 0));
  g_assert_true (factures_totals_compute (lines, 500, TRUE, &t, &error));
  g_assert_no_error (error);
  g_assert_cmpint (t.breakdown->len, ==, 1);
  row = &g_array_index (t.breakdown, FacturesVatBreakdown, 0);
  g_assert_cmpint (row->category, ==, 'E');
  g_assert_cmpint (row->rate_bp, ==, 0);
  g_assert_cmpint (row->base, ==, 9500);
  g_assert_cmpint (row->vat, ==, 0);
  g_assert_cmpint (t.vat_total, ==, 0);
  g_assert_cmpint (t.gross_total, ==, 9500);

  /* Empty franchise document: still one E row at 0. */
  factures_totals_clear (&t);
  g_assert_true (factures_totals_compute (doc->lines, 0, TRUE, &t, &error));
  g_assert_cmpint (t.breakdown->len, ==, 1);
  g_assert_cmpint (t.gross_total, ==, 0);

  /* Document without seller: franchise by default. */
  g_ptr_array_add (doc->lines, line (FACTURES_QUANTITY_ONE, FACTURES_UNIT_PRICE_ONE, 2000));
  g_assert_true (factures_document_compute_totals (doc, &t2, &error));
  g_assert_cmpint (t2.vat_total, ==, 0);
  g_assert_cmpint (t2.gross_total, ==, 100);
  factures_totals_clear (&t2);
  doc->seller = factures_profile_new ();
  doc->seller->vat_regime = FACTURES_VAT_REGIME_REGISTERED;
  g_assert_true (factures_document_compute_totals (doc, &t2, &error));
  g_assert_cmpint (t2.vat_total, ==, 20);
  g_assert_cmpint (t2.gross_total, ==, 120);
}

static void
test_totals_credit_note (void)
{
  g_autoptr(GPtrArray) lines = new_lines ();
  g_auto(FacturesTotals) t = { 0 };
  g_autoptr(GError) error = NULL;

  /* Negative quantities (credit note): −12.35 at 10 % → VAT −1.24. */
  g_ptr_array_add (lines, line (-FACTURES_QUANTITY_ONE, 12350000, 1000));
  g_assert_true (factures_totals_compute (lines, 0, FALSE, &t, &error));
  g_assert_cmpint (t.net_total, ==, -1235);
  g_assert_cmpint (t.vat_total, ==, -124);
  g_assert_cmpint (t.gross_total, ==, -1359);
}

static void
check_format (char       *got,
              const char *expected)
{
  g_assert_cmpstr (got, ==, expected);
  g_free (got);
}

static void
test_format (void)
{
  check_format (factures_money_format (123456), "1" NNBSP "234,56" NBSP "€");
  check_format (factures_money_format (-1235), "-12,35" NBSP "€");
  check_format (factures_money_format (0), "0,00" NBSP "€");
  check_format (factures_money_format (5), "0,05" NBSP "€");
  check_format (factures_money_format (-5), "-0,05" NBSP "€");
  check_format (factures_money_format (123456789012), "1" NNBSP "234" NNBSP "567" NNBSP "890,12" NBSP "€");
  check_format (factures_money_format (G_MININT64),
                "-92" NNBSP "233" NNBSP "720" NNBSP "368" NNBSP "547" NNBSP "758,08" NBSP "€");
  check_format (factures_money_format_plain (99999), "999,99");
  check_format (factures_money_format_plain (100000), "1" NNBSP "000,00");
  check_format (factures_quantity_format (15000), "1,5");
  check_format (factures_quantity_format (30000), "3");
  check_format (factures_quantity_format (3333), "0,3333");
  check_format (factures_quantity_format (-20000), "-2");
  check_format (factures_quantity_format (12345678), "1" NNBSP "234,5678");
  check_format (factures_unit_price_format (85000), "0,085" NBSP "€");
  check_format (factures_unit_price_format (12500000), "12,50" NBSP "€");
  check_format (factures_unit_price_format (8800), "0,0088" NBSP "€");
  check_format (factures_unit_price_format (1), "0,000001" NBSP "€");
  check_format (factures_rate_format (2000), "20" NBSP "%");
  check_format (factures_rate_format (550), "5,5" NBSP "%");
  check_format (factures_rate_format (210), "2,1" NBSP "%");
  check_format (factures_rate_format (1215), "12,15" NBSP "%");
  check_format (factures_rate_format (0), "0" NBSP "%");
}

static void
test_parse_ok (void)
{
  static const struct { const char *text; gint64 cents; } money[] = {
    { "12,5", 1250 }, { "12.5", 1250 }, { "1 234,56", 123456 },
    { "1 234,56 €", 123456 }, { "1" NNBSP "234,56" NBSP "€", 123456 },
    { "1" NBSP "234,56€", 123456 }, { "  7  ", 700 }, { "-0,5", -50 },
    { "0", 0 }, { ",5", 50 }, { "12 345 678,90", 1234567890 }, { "1234567", 123456700 },
    { "+3", 300 }, { "\xe2\x88\x92" "2,25", -225 },
  };
  g_autoptr(GError) error = NULL;
  gint64 v;
  gint rate;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (money); i++)
    {
      v = -1;
      g_assert_true (factures_money_parse (money[i].text, "Montant", &v, &error));
      g_assert_no_error (error);
      g_assert_cmpint (v, ==, money[i].cents);
    }

  g_assert_true (factures_quantity_parse ("0,3333", "Quantité", &v, &error));
  g_assert_cmpint (v, ==, 3333);
  g_assert_true (factures_quantity_parse ("1.5", "Quantité", &v, &error));
  g_assert_cmpint (v, ==, 15000);
  g_assert_true (factures_unit_price_parse ("0,085", "Prix unitaire", &v, &error));
  g_assert_cmpint (v, ==, 85000);
  g_assert_true (factures_unit_price_parse ("0,00880 €", "Prix unitaire", &v, &error));
  g_assert_cmpint (v, ==, 8800);
  g_assert_true (factures_unit_price_parse ("12,5", "Prix unitaire", &v, &error));
  g_assert_cmpint (v, ==, 12500000);
  g_assert_true (factures_rate_parse ("20", "Taux de TVA", &rate, &error));
  g_assert_cmpint (rate, ==, 2000);
  g_assert_true (factures_rate_parse ("5,5 %", "Taux de TVA", &rate, &error));
  g_assert_cmpint (rate, ==, 550);
  g_assert_true (factures_rate_parse ("12.15%", "Taux de pénalité", &rate, &error));
  g_assert_cmpint (rate, ==, 1215);
  g_assert_no_error (error);

  /* Round trip of the formatter through the parser. */
  {
    static const gint64 values[] = { 0, 1, -1, 99, 123456, -987654321, G_GINT64_CONSTANT (922337203685477580) };
    for (i = 0; i < G_N_ELEMENTS (values); i++)
      {
        g_autofree char *s = factures_money_format (values[i]);
        g_assert_true (factures_money_parse (s, "Montant", &v, &error));
        g_assert_cmpint (v, ==, values[i]);
      }
  }
}

static void
test_parse_refused (void)
{
  static const char * const bad[] = {
    "12,3,4", "1.2.3", "abc", "", "   ", "12,345", "1,2.3", "12 5", "1 23,4",
    "1234 567", "12a", "€", "--1", "1-", "12,", ".", "1e5", "0x10", "12 %", "1,5 € €",
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 v = 77;

      g_assert_false (factures_money_parse (bad[i], "Prix unitaire", &v, &error));
      g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "Prix unitaire"));
      g_assert_cmpint (v, ==, 77);
    }

  {
    g_autoptr(GError) error = NULL;
    gint64 v;
    gint rate;

    g_assert_false (factures_money_parse (NULL, "Montant", &v, &error));
    g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (factures_unit_price_parse ("12,3,4", "Prix unitaire", &v, &error));
    g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Prix unitaire"));
    g_assert_nonnull (strstr (error->message, "12,3,4"));
    g_clear_error (&error);
    g_assert_false (factures_unit_price_parse ("0,0000001", "Prix unitaire", &v, &error));
    g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (factures_quantity_parse ("1,00001", "Quantité", &v, &error));
    g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Quantité"));
    g_clear_error (&error);
    g_assert_false (factures_rate_parse ("5,555", "Taux", &rate, &error));
    g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (factures_rate_parse ("-5", "Taux", &rate, &error));
    g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (factures_rate_parse ("30000000", "Taux", &rate, &error));
    g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_OVERFLOW);
    g_clear_error (&error);
    g_assert_false (factures_money_parse ("99999999999999999999", "Montant", &v, &error));
    g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_OVERFLOW);
    g_clear_error (&error);
    g_assert_false (factures_money_parse ("\xff\xfe", "Montant", &v, &error));
    g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  }

  /* Trial finding T15: a dot or a comma between thousands is said as such (not "too many
   * decimals"), for amounts and for unit prices; "12,3,4" is still just not a number. */
  {
    static const char * const grouped[] = { "1.234,50", "1,234.50", "1.234.567,00", "12.345,6" };

    for (i = 0; i < G_N_ELEMENTS (grouped); i++)
      {
        g_autoptr(GError) error = NULL;
        gint64 v = 77;

        g_assert_false (factures_money_parse (grouped[i], "Montant", &v, &error));
        g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
        g_assert_nonnull (strstr (error->message, "Montant"));
        g_assert_nonnull (strstr (error->message, "thousands separator"));
        g_clear_error (&error);
        g_assert_false (factures_unit_price_parse (grouped[i], "Prix unitaire", &v, &error));
        g_assert_nonnull (strstr (error->message, "thousands separator"));
        g_assert_cmpint (v, ==, 77);
      }
    {
      g_autoptr(GError) error = NULL;
      gint64 v;

      g_assert_false (factures_money_parse ("12,3,4", "Montant", &v, &error));
      g_assert_null (strstr (error->message, "thousands"));
    }
  }
}

/* Fifth trial, findings 11 and 13: one upper bound for a line, every message naming its field. */
static void
test_bounds (void)
{
  g_autoptr(GError) error = NULL;
  gint64 v = 0;

  g_assert_true (factures_line_amounts_check (FACTURES_QUANTITY_ONE, FACTURES_UNIT_PRICE_MAX, 0, &error));
  g_assert_true (factures_line_amounts_check (-FACTURES_QUANTITY_ONE, FACTURES_UNIT_PRICE_MAX, 0, &error));
  g_assert_true (factures_line_amounts_check (FACTURES_QUANTITY_MAX, FACTURES_UNIT_PRICE_ONE, FACTURES_AMOUNT_MAX,
                                              &error));
  g_assert_no_error (error);

  /* 9 000 000 000 000 € (the trial's price) */
  g_assert_false (factures_line_amounts_check (FACTURES_QUANTITY_ONE,
                                               G_GINT64_CONSTANT (9000000000000) * FACTURES_UNIT_PRICE_ONE,
                                               0, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_OVERFLOW);
  g_assert_true (g_str_has_prefix (error->message, "Unit price: "));
  g_clear_error (&error);
  g_assert_false (factures_line_amounts_check (FACTURES_QUANTITY_ONE, FACTURES_UNIT_PRICE_ONE,
                                               FACTURES_AMOUNT_MAX + 1, &error));
  g_assert_true (g_str_has_prefix (error->message, "Discount: "));
  g_clear_error (&error);
  /* 2 × 1 000 000 000 €: each figure fits, the line does not */
  g_assert_false (factures_line_amounts_check (2 * FACTURES_QUANTITY_ONE, FACTURES_UNIT_PRICE_MAX, 0, &error));
  g_assert_true (g_str_has_prefix (error->message, "Line amount: "));
  g_clear_error (&error);
  g_assert_false (factures_line_amounts_check (FACTURES_QUANTITY_MAX, FACTURES_UNIT_PRICE_MAX, 0, &error));
  g_assert_true (g_str_has_prefix (error->message, "Line amount: "));
  g_clear_error (&error);

  /* Too large for the type: the field is named (not « The amount is too large. ») */
  g_assert_false (factures_money_parse ("99999999999999999999", "Amount", &v, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_OVERFLOW);
  g_assert_cmpstr (error->message, ==, "Amount: “99999999999999999999” is too large.");
  g_clear_error (&error);
  g_assert_false (factures_money_parse ("99999999999999999", "Discount", &v, &error));
  g_assert_true (g_str_has_prefix (error->message, "Discount: "));
  g_clear_error (&error);
  g_assert_false (factures_unit_price_parse ("9999999999999", "Unit price", &v, &error));
  g_assert_true (g_str_has_prefix (error->message, "Unit price: "));
  g_clear_error (&error);
  g_assert_false (factures_quantity_parse ("1" "000000000000000000000000000000000", "Quantity", &v, &error));
  g_assert_true (g_str_has_prefix (error->message, "Quantity: "));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/vat-once-per-rate", test_vat_once_per_rate);
  g_test_add_func ("/money/line-amounts", test_line_amounts);
  g_test_add_func ("/money/apply-rate", test_apply_rate);
  g_test_add_func ("/money/overflow", test_overflow);
  g_test_add_func ("/money/muldiv", test_muldiv);
  g_test_add_func ("/money/totals/multi-rate-allowance", test_totals_multi_rate_allowance);
  g_test_add_func ("/money/totals/allowance-remainder", test_totals_allowance_remainder);
  g_test_add_func ("/money/totals/franchise", test_totals_franchise);
  g_test_add_func ("/money/totals/credit-note", test_totals_credit_note);
  g_test_add_func ("/money/format", test_format);
  g_test_add_func ("/money/parse/accepted", test_parse_ok);
  g_test_add_func ("/money/parse/refused", test_parse_refused);
  g_test_add_func ("/money/bounds", test_bounds);

  return g_test_run ();
}
