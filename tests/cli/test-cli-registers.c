/* test-cli-registers.c — the registre des achats' amount of an imported purchase in another
 * currency (trial 5 finding 21): "1 000,00 GBP" as the rest of the register, never the CII's
 * "1000.00".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "factures-cli-registers.h"

static char *
amount_of (const char *text,
           const char *currency)
{
  FacturesPurchaseEntry e = { 0 };

  e.amount = -1;   /* not in euros: the register keeps the invoice's own text */
  e.foreign = TRUE;
  e.source = FACTURES_PURCHASE_IMPORTED;
  e.amount_text = (char *) text;
  e.currency = (char *) currency;
  return factures_purchase_entry_amount_text (&e);
}

static void
test_foreign_amount (void)
{
  static const struct { const char *text, *currency, *shown; } cases[] = {
    { "1000.00", "GBP", "1\u202f000,00\u00a0GBP" },
    { "1000", "GBP", "1\u202f000,00\u00a0GBP" },
    { "12.5", "USD", "12,50\u00a0USD" },
    { "-40.00", "DKK", "-40,00\u00a0DKK" },
    { "1234567.89", "SEK", "1\u202f234\u202f567,89\u00a0SEK" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = amount_of (cases[i].text, cases[i].currency);
      g_autofree char *expected = g_strdup (cases[i].shown);
      g_autofree char *euro = factures_money_format (100000);

      /* the thousands separator is the one factures_money_format() uses */
      if (g_utf8_strchr (euro, -1, 0x202f) == NULL)
        {
          g_autoptr(GString) s = g_string_new (expected);

          g_string_replace (s, "\u202f", "\u00a0", 0);
          g_free (expected);
          expected = g_string_free (g_steal_pointer (&s), FALSE);
        }
      g_assert_cmpstr (shown, ==, expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/registers/foreign-amount", test_foreign_amount);
  return g_test_run ();
}
