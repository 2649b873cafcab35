/* test-currency.c — the ISO 4217 table, the currency and exchange-rate checks, BT-111 (issue 13
 * item 4, src/core/factures-currency.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <string.h>

#include "factures-currency.h"
#include "factures-error.h"

#define NBSP "\xc2\xa0"
#define NNBSP "\xe2\x80\xaf"

/* The table is sorted (lookup is a binary search), holds each code once, and carries the minor
 * units of ISO 4217 list one for the currencies a freelancer meets. */
static void
test_table (void)
{
  guint n = 0;
  const FacturesCurrency *table = factures_currency_table (&n);
  const FacturesCurrency *row;

  g_assert_cmpuint (n, >, 150);
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (strcmp (table[i - 1].code, table[i].code), <, 0);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (strlen (table[i].code), ==, 3);
      g_assert_true (table[i].name_fr != NULL && table[i].name_fr[0] != '\0');
      g_assert_true (factures_currency_lookup (table[i].code) == &table[i]);
    }

  row = factures_currency_lookup ("GBP");
  g_assert_nonnull (row);
  g_assert_cmpstr (row->name_fr, ==, "Livre sterling");
  g_assert_cmpint (row->minor_units, ==, 2);
  g_assert_cmpint (factures_currency_lookup ("USD")->minor_units, ==, 2);
  g_assert_cmpint (factures_currency_lookup ("CHF")->minor_units, ==, 2);
  g_assert_cmpint (factures_currency_lookup ("EUR")->minor_units, ==, 2);
  g_assert_cmpint (factures_currency_lookup ("JPY")->minor_units, ==, 0);
  g_assert_cmpint (factures_currency_lookup ("KWD")->minor_units, ==, 3);
  g_assert_cmpint (factures_currency_lookup ("CLF")->minor_units, ==, 4);
  g_assert_cmpint (factures_currency_lookup ("XAU")->minor_units, ==, -1);
  g_assert_null (factures_currency_lookup ("ZZZ"));
  g_assert_null (factures_currency_lookup ("gbp"));
  g_assert_null (factures_currency_lookup ("HRK"));   /* withdrawn in 2023 */
  g_assert_null (factures_currency_lookup (""));
  g_assert_null (factures_currency_lookup (NULL));
}

static void
test_check (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL;

  g_assert_true (factures_currency_check (NULL, NULL));
  g_assert_true (factures_currency_check ("EUR", NULL));
  g_assert_true (factures_currency_check ("GBP", NULL));
  g_assert_true (factures_currency_check ("USD", NULL));

  g_assert_false (factures_currency_check ("ZZZ", &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "ZZZ"));
  g_assert_nonnull (strstr (error->message, "ISO 4217"));
  g_clear_error (&error);
  g_assert_false (factures_currency_check ("JPY", &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "JPY"));
  g_clear_error (&error);
  g_assert_false (factures_currency_check ("KWD", NULL));
  g_assert_false (factures_currency_check ("XAU", NULL));

  g_assert_true (factures_currency_is_euro (NULL));
  g_assert_true (factures_currency_is_euro ("EUR"));
  g_assert_false (factures_currency_is_euro ("GBP"));

  a = factures_currency_normalise (" gbp ");
  g_assert_cmpstr (a, ==, "GBP");
  b = factures_currency_normalise ("eur");
  g_assert_null (b);
  c = factures_currency_normalise ("  ");
  g_assert_null (c);
}

static void
test_format (void)
{
  g_autofree char *eur = factures_currency_format (123456, NULL);
  g_autofree char *gbp = factures_currency_format (123456, "GBP");
  g_autofree char *neg = factures_currency_format (-1250, "USD");

  g_assert_cmpstr (eur, ==, "1" NNBSP "234,56" NBSP "€");
  g_assert_cmpstr (gbp, ==, "1" NNBSP "234,56" NBSP "GBP");
  g_assert_cmpstr (neg, ==, "-12,50" NBSP "USD");
  {
    g_autofree char *price_eur = factures_currency_format_unit_price (85000, NULL);
    g_autofree char *price_gbp = factures_currency_format_unit_price (12500000, "GBP");

    g_assert_cmpstr (price_eur, ==, "0,085" NBSP "€");
    g_assert_cmpstr (price_gbp, ==, "12,50" NBSP "GBP");
  }
}

static void
test_rate (void)
{
  g_autoptr(GError) error = NULL;
  gint64 rate = 0, eur = 0;
  g_autofree char *text = NULL, *text2 = NULL;

  g_assert_true (factures_exchange_rate_parse ("1,1612", &rate, NULL));
  g_assert_cmpint (rate, ==, 1161200);
  g_assert_true (factures_exchange_rate_parse (" 0.858375 ", &rate, NULL));
  g_assert_cmpint (rate, ==, 858375);
  text = factures_exchange_rate_format (1161200);
  g_assert_cmpstr (text, ==, "1,1612");
  text2 = factures_exchange_rate_format (858375);
  g_assert_cmpstr (text2, ==, "0,858375");

  for (guint i = 0; i < 5; i++)
    {
      const char *bad[] = { "", "   ", "0", "-1,2", "abc" };

      g_assert_false (factures_exchange_rate_parse (bad[i], &rate, &error));
      g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "Exchange rate") || strstr (error->message, "Exchange rate") != NULL);
      g_clear_error (&error);
    }
  g_assert_false (factures_exchange_rate_parse (NULL, &rate, NULL));

  /* BT-111: 200,00 GBP of VAT at 1,1612 = 232,24 EUR; half away from zero. */
  g_assert_true (factures_currency_vat_eur (20000, 1161200, &eur, NULL));
  g_assert_cmpint (eur, ==, 23224);
  g_assert_true (factures_currency_vat_eur (1, 1500000, &eur, NULL));
  g_assert_cmpint (eur, ==, 2);
  g_assert_true (factures_currency_vat_eur (0, 1161200, &eur, NULL));
  g_assert_cmpint (eur, ==, 0);
}

static void
test_check_document (void)
{
  g_autoptr(GError) error = NULL;

  /* euros: no rate */
  g_assert_true (factures_currency_check_document (NULL, 0, 2000, TRUE, NULL));
  g_assert_false (factures_currency_check_document (NULL, 1000000, 2000, FALSE, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  /* no VAT due: no rate asked, a rate given is kept */
  g_assert_true (factures_currency_check_document ("USD", 0, 0, TRUE, NULL));
  g_assert_true (factures_currency_check_document ("USD", 920000, 0, TRUE, NULL));
  /* VAT due: a draft may wait, the issue may not */
  g_assert_true (factures_currency_check_document ("GBP", 0, 2000, FALSE, NULL));
  g_assert_false (factures_currency_check_document ("GBP", 0, 2000, TRUE, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "BR-FR-CO-12"));
  g_clear_error (&error);
  g_assert_true (factures_currency_check_document ("GBP", 1161200, 2000, TRUE, NULL));
  /* negative rate, bad codes */
  g_assert_false (factures_currency_check_document ("GBP", -5, 0, FALSE, NULL));
  g_assert_false (factures_currency_check_document ("ZZZ", 0, 0, FALSE, NULL));
  g_assert_false (factures_currency_check_document ("JPY", 0, 0, FALSE, NULL));
}

/* Trial finding T7: a rate is at most 100 000 € per unit (99999999999999 was issued); more
 * than six decimals refused as before. */
static void
test_rate_bounds (void)
{
  g_autoptr(GError) error = NULL;
  gint64 rate = 0;

  g_assert_true (factures_exchange_rate_parse ("100000", &rate, NULL));
  g_assert_cmpint (rate, ==, FACTURES_EXCHANGE_RATE_MAX);
  g_assert_false (factures_exchange_rate_parse ("100000,000001", &rate, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Exchange rate"));
  g_clear_error (&error);
  g_assert_false (factures_exchange_rate_parse ("99999999,999999", &rate, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (factures_exchange_rate_parse ("1,1234567", &rate, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (factures_currency_check_document ("GBP", FACTURES_EXCHANGE_RATE_MAX, 2000, TRUE, NULL));
  g_assert_false (factures_currency_check_document ("GBP", G_GINT64_CONSTANT (99999999999999), 2000, TRUE, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Exchange rate"));
}

/* The English part of bilingual texts writes amounts the English way (leftovers3). */
static void
test_format_english (void)
{
  struct { gint64 cents; const char *code; const char *text; } cases[] = {
    { 123456, "GBP", "1,234.56\u00a0GBP" },
    { 123456, NULL, "€1,234.56" },
    { 123456, "EUR", "€1,234.56" },
    { 5, "USD", "0.05\u00a0USD" },
    { -1200, NULL, "-€12.00" },
    { 100000000, "CHF", "1,000,000.00\u00a0CHF" },
    { 99999, NULL, "€999.99" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = factures_currency_format_english (cases[i].cents, cases[i].code);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/currency/format-english", test_format_english);
  g_test_add_func ("/currency/table", test_table);
  g_test_add_func ("/currency/check", test_check);
  g_test_add_func ("/currency/format", test_format);
  g_test_add_func ("/currency/rate", test_rate);
  g_test_add_func ("/currency/check-document", test_check_document);
  g_test_add_func ("/currency/rate-bounds", test_rate_bounds);
  return g_test_run ();
}
