/* factures-des.c — the déclaration européenne de services (art. 289 B CGI; see factures-des.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "factures-currency.h"
#include "factures-des.h"
#include "factures-money.h"
#include "factures-error.h"

void
factures_des_entry_free (FacturesDesEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->vat_id);
  g_free (entry->client);
  g_free (entry);
}

gboolean
factures_des_parse_month (const char  *text,
                          const GDate *today,
                          guint       *year,
                          guint       *month,
                          GError     **error)
{
  guint y = 0, m = 0;
  char tail = 0;

  if (text == NULL || strlen (text) != 7 || text[4] != '-' || !g_ascii_isdigit (text[5])
      || !g_ascii_isdigit (text[6]) || sscanf (text, "%4u-%2u%c", &y, &m, &tail) != 2
      || m < 1 || m > 12)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("--month: “%s” is not a month; write it as YYYY-MM (2026-11)."),
                   text != NULL ? text : "");
      return FALSE;
    }
  /* (a month, but outside the years Factures keeps: said as such, trial finding T16) */
  if (y < 2000 || y > 2999)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("--month: %s is before 2000 or after 2999; Factures declares the months of "
                     "2000 to 2999."), text);
      return FALSE;
    }
  if (today != NULL
      && (y > g_date_get_year (today) || (y == g_date_get_year (today) && m > g_date_get_month (today))))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("--month: %s has not begun; the DES of a month is filed in the next one."), text);
      return FALSE;
    }
  *year = y;
  *month = m;
  return TRUE;
}

void
factures_des_operation_date (const FacturesDocument *document,
                             GDate                  *out)
{
  /* art. 289 B CGI: the month in which the VAT became chargeable; for a service whose customer
   * is liable in another member state, its completion (directive 2006/112 art. 63, 66), which
   * is the date of the operation (BT-72) when the invoice gives one. A credit note reduces the
   * month it is issued in. */
  if (document->kind != FACTURES_DOCUMENT_KIND_CREDIT_NOTE && g_date_valid (&document->delivery_date))
    *out = document->delivery_date;
  else
    *out = document->issue_date;
}

static gboolean
ae_base (const FacturesDocument *document,
         gint64                 *out,
         GError                **error)
{
  g_auto(FacturesTotals) totals = { 0 };

  *out = 0;
  if (!factures_document_compute_totals (document, &totals, error))
    return FALSE;
  for (guint i = 0; i < totals.breakdown->len; i++)
    {
      const FacturesVatBreakdown *row = &g_array_index (totals.breakdown, FacturesVatBreakdown, i);

      if (row->vat_category == FACTURES_VAT_CATEGORY_AE)
        *out += row->base;
    }
  return TRUE;
}

gboolean
factures_des_document_base (const FacturesDocument *document,
                            const GPtrArray        *deposits,
                            gint64                 *out,
                            GError                **error)
{
  gint64 base;

  if (!ae_base (document, &base, error))
    return FALSE;
  if (document->kind == FACTURES_DOCUMENT_KIND_INVOICE && deposits != NULL && base > 0)
    {
      for (guint i = 0; i < deposits->len; i++)
        {
          gint64 deposit;

          if (!ae_base (g_ptr_array_index ((GPtrArray *) deposits, i), &deposit, error))
            return FALSE;
          base -= deposit;
        }
      base = MAX (base, 0);
    }
  /* Trial finding T3: the DES is declared in euros (art. 289 B CGI); a document in another
   * currency is converted at its own rate, which its issue required (factures_mentions_check()). */
  if (!factures_currency_is_euro (document->currency) && base != 0)
    {
      if (document->exchange_rate <= 0)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("DES: %s is in %s and has no exchange rate, so its reverse-charged services "
                         "cannot be declared in euros (art. 289 B CGI)."),
                       document->number != NULL ? document->number : "?", document->currency);
          return FALSE;
        }
      if (!factures_muldiv_round (base, document->exchange_rate, FACTURES_EXCHANGE_RATE_ONE, &base, error))
        return FALSE;
    }
  *out = document->kind == FACTURES_DOCUMENT_KIND_CREDIT_NOTE ? -base : base;
  return TRUE;
}

gint64
factures_des_round_euros (gint64 cents)
{
  if (cents >= 0)
    return (cents + 50) / 100;
  return -((-cents + 50) / 100);
}

void
factures_des_add (GPtrArray              *entries,
                  const FacturesDocument *document,
                  gint64                  cents)
{
  const char *vat_id = document->buyer != NULL && document->buyer->party.vat_id != NULL
                       ? document->buyer->party.vat_id : "";
  const char *name = document->buyer != NULL && document->buyer->party.name != NULL
                     ? document->buyer->party.name : "";
  FacturesDesEntry *entry = NULL;
  guint at = entries->len;

  for (guint i = 0; i < entries->len; i++)
    {
      FacturesDesEntry *e = g_ptr_array_index (entries, i);
      gint c = strcmp (e->vat_id, vat_id);

      /* without a VAT number, one line per customer name */
      if (c == 0 && (*vat_id != '\0' || g_strcmp0 (e->client, name) == 0))
        {
          entry = e;
          break;
        }
      if (c > 0)
        {
          at = i;
          break;
        }
    }
  if (entry == NULL)
    {
      entry = g_new0 (FacturesDesEntry, 1);
      entry->vat_id = g_strdup (vat_id);
      g_ptr_array_insert (entries, (gint) at, entry);
    }
  g_free (entry->client);
  entry->client = g_strdup (name);
  entry->cents += cents;
  entry->euros = factures_des_round_euros (entry->cents);
  entry->documents++;
}

static void
csv_field (GString *out, const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

char *
factures_des_write_csv (const GPtrArray *entries,
                        guint            year,
                        guint            month)
{
  GString *out = g_string_new ("mois,numero_ligne,numero_tva_client,montant_euros,client,montant_centimes\r\n");

  for (guint i = 0; i < entries->len; i++)
    {
      const FacturesDesEntry *e = g_ptr_array_index ((GPtrArray *) entries, i);

      g_string_append_printf (out, "%04u-%02u,%u,", year, month, i + 1);
      csv_field (out, e->vat_id);
      g_string_append_printf (out, ",%" G_GINT64_FORMAT ",", e->euros);
      csv_field (out, e->client);
      g_string_append_printf (out, ",%" G_GINT64_FORMAT "\r\n", e->cents);
    }
  return g_string_free (out, FALSE);
}
