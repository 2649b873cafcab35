/* factures-cli-registers.c — the registers as printable PDFs (see factures-cli-registers.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "factures-cli-registers.h"
#include "factures-currency.h"
#include "factures-money.h"
#include "factures-register-pdf.h"
#include "factures-store-receipts.h"

/**
 * factures_purchase_entry_amount_text:
 * (see factures-cli-registers.h)
 */
char *
factures_purchase_entry_amount_text (const FacturesPurchaseEntry *e)
{
  const char *p = e->amount_text;
  gboolean negative = FALSE;
  gint64 cents = 0;
  guint decimals = 0;
  gboolean point = FALSE;

  if (!e->foreign)
    return factures_money_format (e->amount);
  /* The amount as the invoice's CII wrote it ("1000.00", BT-112), in the French form of the
   * rest of the register, "1 000,00 GBP" (trial 5 finding 21). */
  if (p != NULL && *p == '-')
    negative = TRUE, p++;
  for (; p != NULL && *p != '\0'; p++)
    {
      if (*p == '.' && !point)
        point = TRUE;
      else if (g_ascii_isdigit (*p) && cents <= G_MAXINT64 / 100 && (!point || decimals < 2))
        {
          cents = cents * 10 + (*p - '0');
          decimals += point;
        }
      else
        break;
    }
  if (p != NULL && *p == '\0' && e->amount_text[0] != '\0')
    {
      for (; decimals < 2; decimals++)
        cents *= 10;
      return factures_currency_format (negative ? -cents : cents, e->currency);
    }
  return g_strdup_printf ("%s\u00a0%s", e->amount_text != NULL ? e->amount_text : "",
                          e->currency != NULL ? e->currency : "");
}

/**
 * factures_purchase_entry_nature_text:
 * (see factures-cli-registers.h)
 */
char *
factures_purchase_entry_nature_text (const FacturesPurchaseEntry *e)
{
  if (e->source == FACTURES_PURCHASE_CANCELLED)
    return g_strdup_printf ("Annulation : %s (motif : %s)", e->nature, e->reason != NULL ? e->reason : "");
  return g_strdup (e->nature);
}

static GBytes *
render (FacturesStore         *store,
        FacturesRegisterKind   kind,
        guint                  year,
        GArray                *lines,
        guint                 *out_n_pages,
        GError               **error)
{
  g_autoptr(FacturesProfile) profile = factures_store_get_profile (store, NULL);
  GDate today;

  factures_today (&today);
  return factures_register_pdf_render (kind, year, profile, lines, &today, out_n_pages, error);
}

/**
 * factures_registers_receipts_pdf:
 * (see factures-cli-registers.h)
 */
GBytes *
factures_registers_receipts_pdf (FacturesStore  *store,
                                 guint           year,
                                 guint          *out_n_pages,
                                 GError        **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (FacturesRegisterLine));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  GDate from, to;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, G_DATE_JANUARY, (GDateYear) year);
  g_date_set_dmy (&to, 31, G_DATE_DECEMBER, (GDateYear) year);
  list = factures_store_list_receipts (store, &from, &to, error);
  if (list == NULL)
    return NULL;
  for (guint i = 0; i < list->len; i++)
    {
      const FacturesReceipt *r = g_ptr_array_index (list, i);
      FacturesRegisterLine l = { 0 };

      l.date = r->date;
      l.reference = r->invoices;
      l.party = r->client;
      l.nature = r->nature;
      if (r->reversal)
        {
          char *nature = g_strdup_printf ("Annulation du paiement (motif : %s)", r->reason != NULL ? r->reason : "");

          g_ptr_array_add (texts, nature);
          l.nature = nature;
        }
      l.method = factures_payment_method_label_fr (r->method);
      l.amount = r->amount;
      l.cash = r->method == FACTURES_PAYMENT_METHOD_CASH;
      g_array_append_val (lines, l);
    }
  return render (store, FACTURES_REGISTER_RECEIPTS, year, lines, out_n_pages, error);
}

/**
 * factures_registers_purchases_pdf:
 * (see factures-cli-registers.h)
 */
GBytes *
factures_registers_purchases_pdf (FacturesStore  *store,
                                  guint           year,
                                  guint          *out_n_pages,
                                  GError        **error)
{
  g_autoptr(GPtrArray) list = factures_store_list_purchase_register (store, year, NULL, error);
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (FacturesRegisterLine));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  if (list == NULL)
    return NULL;
  for (guint i = 0; i < list->len; i++)
    {
      const FacturesPurchaseEntry *e = g_ptr_array_index (list, i);
      FacturesRegisterLine l = { 0 };
      char *nature = factures_purchase_entry_nature_text (e);

      g_ptr_array_add (texts, nature);
      l.date = e->date;
      l.reference = e->reference;
      l.party = e->supplier;
      l.nature = nature;
      l.method = factures_purchase_entry_method_fr (e);
      l.amount = e->amount;
      if (e->foreign)
        {
          char *text = factures_purchase_entry_amount_text (e);

          g_ptr_array_add (texts, text);
          l.amount_text = text;
        }
      l.cash = e->method == FACTURES_PAYMENT_METHOD_CASH && (e->paid || e->source != FACTURES_PURCHASE_IMPORTED);
      g_array_append_val (lines, l);
    }
  return render (store, FACTURES_REGISTER_PURCHASES, year, lines, out_n_pages, error);
}
