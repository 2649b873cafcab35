/* factures-currency-sums.c — amounts summed per currency (see the header)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "factures-currency.h"
#include "factures-currency-sums.h"
#include "factures-money.h"

GArray *
factures_currency_sums_new (void)
{
  return g_array_new (FALSE, TRUE, sizeof (FacturesCurrencySum));
}

void
factures_currency_sums_add (GArray     *sums,
                            const char *code,
                            gint64      cents)
{
  FacturesCurrencySum sum = { "EUR", 0 };

  g_return_if_fail (sums != NULL);
  if (code != NULL && *code != '\0')
    g_strlcpy (sum.code, code, sizeof sum.code);
  for (guint i = 0; i < sums->len; i++)
    {
      FacturesCurrencySum *s = &g_array_index (sums, FacturesCurrencySum, i);

      if (strcmp (s->code, sum.code) == 0)
        {
          s->cents += cents;
          return;
        }
    }
  sum.cents = cents;
  g_array_append_val (sums, sum);
}

GArray *
factures_currency_sums_parse (const char *text)
{
  GArray *sums = factures_currency_sums_new ();
  g_auto (GStrv) parts = NULL;

  if (text == NULL || *text == '\0')
    return sums;
  parts = g_strsplit (text, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *colon = strchr (parts[i], ':');
      g_autofree char *code = NULL;

      if (colon == NULL)
        continue;
      code = g_strndup (parts[i], (gsize) (colon - parts[i]));
      factures_currency_sums_add (sums, code, g_ascii_strtoll (colon + 1, NULL, 10));
    }
  return sums;
}

gboolean
factures_currency_sums_foreign (GArray *sums)
{
  for (guint i = 0; sums != NULL && i < sums->len; i++)
    {
      const FacturesCurrencySum *s = &g_array_index (sums, FacturesCurrencySum, i);

      if (s->cents != 0 && strcmp (s->code, "EUR") != 0)
        return TRUE;
    }
  return FALSE;
}

static int
compare_sums (gconstpointer a,
              gconstpointer b)
{
  const FacturesCurrencySum *x = a, *y = b;
  gboolean xe = strcmp (x->code, "EUR") == 0, ye = strcmp (y->code, "EUR") == 0;

  if (xe != ye)
    return xe ? -1 : 1;
  return strcmp (x->code, y->code);
}

char *
factures_currency_sums_format (GArray *sums)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GArray) sorted = factures_currency_sums_new ();

  for (guint i = 0; sums != NULL && i < sums->len; i++)
    if (g_array_index (sums, FacturesCurrencySum, i).cents != 0)
      g_array_append_val (sorted, g_array_index (sums, FacturesCurrencySum, i));
  if (sorted->len == 0)
    return factures_money_format (0);
  g_array_sort (sorted, compare_sums);
  for (guint i = 0; i < sorted->len; i++)
    {
      const FacturesCurrencySum *s = &g_array_index (sorted, FacturesCurrencySum, i);
      g_autofree char *amount = factures_currency_format (s->cents, s->code);

      if (i > 0)
        g_string_append (text, " + ");
      g_string_append (text, amount);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
