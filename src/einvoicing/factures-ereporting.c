/* factures-ereporting.c — the e-reporting (Flux 10) of a period (issue 15 item 2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "factures-date.h"
#include "factures-error.h"
#include "factures-money.h"
#include "factures-ereporting.h"
#include "factures-store-einvoicing.h"
#include "factures-vat.h"

/* ---- periods ---- */

static gboolean
two_digits (const char *p)
{
  return g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]);
}

gboolean
factures_ereporting_period_parse (const char                     *text,
                                  FacturesEreportingPeriodicity   periodicity,
                                  FacturesEreportingPeriod       *out,
                                  GError                        **error)
{
  static const char *const month_names[] = {
    "", N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"), N_("July"),
    N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
  };
  gsize n = text != NULL ? strlen (text) : 0;
  guint year, month, day = 1;
  GDate start, today, first;

  if ((n != 7 && n != 10) || !two_digits (text) || !two_digits (text + 2) || text[4] != '-'
      || !two_digits (text + 5) || (n == 10 && (text[7] != '-' || !two_digits (text + 8))))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Period: “%s” is not a period; write the month as YYYY-MM, for example 2027-09."),
                   text != NULL ? text : "");
      return FALSE;
    }
  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  if (n == 10)
    day = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  if (year < 1 || month < 1 || month > 12 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Period: “%s” is not a date; write the month as YYYY-MM, for example 2027-09."), text);
      return FALSE;
    }
  if (periodicity == FACTURES_EREPORTING_DECADAL && (n != 10 || (day != 1 && day != 11 && day != 21)))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Period: a ten-day period begins on the 1st, 11th or 21st of a month; write it as "
                     "YYYY-MM-DD, for example 2027-09-11 (not “%s”)."), text);
      return FALSE;
    }
  if (periodicity != FACTURES_EREPORTING_DECADAL && n == 10)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Period: write the month as YYYY-MM, for example 2027-09 (not “%s”)."), text);
      return FALSE;
    }
  if (periodicity == FACTURES_EREPORTING_BIMONTHLY && month % 2 == 0)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Period: the two-month periods begin in January, March, May, July, September and "
                     "November; %s is not one. The period that holds %s begins in %04u-%02u (%s)."),
                   text, _(month_names[month]), year, month - 1, _(month_names[month - 1]));
      return FALSE;
    }
  g_date_clear (&start, 1);
  g_date_clear (&first, 1);
  g_date_set_dmy (&start, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  g_date_set_dmy (&first, 1, FACTURES_EREPORTING_FIRST_MONTH, FACTURES_EREPORTING_FIRST_YEAR);
  if (g_date_compare (&start, &first) < 0)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Period: the e-reporting begins on 1 September 2027; %s is before it."), text);
      return FALSE;
    }
  factures_today (&today);
  if (g_date_compare (&start, &today) > 0)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Period: %s has not begun yet."), text);
      return FALSE;
    }
  factures_ereporting_period_containing (periodicity, &start, out);
  return TRUE;
}

char *
factures_ereporting_period_key (const FacturesEreportingPeriod *period)
{
  if (period->periodicity == FACTURES_EREPORTING_DECADAL)
    return factures_date_format_iso (&period->start);
  return g_strdup_printf ("%04u-%02u", g_date_get_year (&period->start), g_date_get_month (&period->start));
}

/* ---- the report ---- */

static void
tax_clear (gpointer data)
{
  FacturesEreportTax *tax = data;

  g_clear_pointer (&tax->vatex, g_free);
}

static void
paid_clear (gpointer data)
{
  FacturesEreportPaid *paid = data;

  g_clear_pointer (&paid->currency, g_free);
}

static GArray *
tax_array_new (void)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (FacturesEreportTax));

  g_array_set_clear_func (array, tax_clear);
  return array;
}

static GArray *
paid_array_new (void)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (FacturesEreportPaid));

  g_array_set_clear_func (array, paid_clear);
  return array;
}

static void
invoice_free (FacturesEreportInvoice *invoice)
{
  g_free (invoice->number);
  g_free (invoice->currency);
  g_free (invoice->process_code);
  g_free (invoice->buyer_name);
  g_free (invoice->buyer_country);
  g_free (invoice->buyer_vat_id);
  g_free (invoice->buyer_legal_id);
  g_clear_pointer (&invoice->taxes, g_array_unref);
  g_free (invoice);
}

static void
invoice_payment_free (FacturesEreportInvoicePayment *payment)
{
  g_free (payment->number);
  g_clear_pointer (&payment->paid, g_array_unref);
  g_free (payment);
}

static void
day_free (FacturesEreportDay *day)
{
  g_free (day->currency);
  g_clear_pointer (&day->taxes, g_array_unref);
  g_free (day);
}

static void
day_payment_free (FacturesEreportDayPayment *day)
{
  g_clear_pointer (&day->paid, g_array_unref);
  g_free (day);
}

void
factures_ereport_free (FacturesEreport *report)
{
  if (report == NULL)
    return;
  g_free (report->type_code);
  g_free (report->report_key);
  g_free (report->made);
  g_free (report->sender_id);
  g_free (report->sender_name);
  g_free (report->issuer_siren);
  g_free (report->issuer_name);
  g_clear_pointer (&report->invoices, g_ptr_array_unref);
  g_clear_pointer (&report->invoice_payments, g_ptr_array_unref);
  g_clear_pointer (&report->days, g_ptr_array_unref);
  g_clear_pointer (&report->day_payments, g_ptr_array_unref);
  g_free (report);
}

gboolean
factures_ereport_is_empty (const FacturesEreport *report)
{
  return report->invoices->len == 0 && report->invoice_payments->len == 0 && report->days->len == 0
         && report->day_payments->len == 0;
}

/* The document's currency (BT-5; NULL for euros, issue 13 item 4): its amounts, its lines and
 * the allocations of its payments are in it, and so is what the report says of it. */
static const char *
document_currency (const FacturesDocument *document)
{
  return document->currency != NULL && *document->currency ? document->currency : "EUR";
}

typedef enum {
  SCOPE_NONE,        /* a domestic B2B invoice: it goes through the e-invoicing */
  SCOPE_B2C,         /* to a private person, any country */
  SCOPE_INTERNATIONAL, /* to a business abroad */
} Scope;

static Scope
document_scope (const FacturesDocument *document)
{
  const FacturesClient *buyer = document->buyer;

  if (buyer == NULL)
    return SCOPE_NONE;
  if (!factures_vat_client_is_business (buyer))
    return SCOPE_B2C;
  if (factures_vat_client_zone (buyer->party.country_code) != FACTURES_VAT_CLIENT_FRANCE)
    return SCOPE_INTERNATIONAL;
  return SCOPE_NONE;
}

static gboolean
is_franchise (const FacturesDocument *document)
{
  return document->seller != NULL && document->seller->vat_regime == FACTURES_VAT_REGIME_FRANCHISE;
}

/* The part of the breakdown row @row that comes from goods lines: *@out_base, *@out_vat. */
static gboolean
goods_share (const FacturesDocument     *document,
             const FacturesTotals       *totals,
             const FacturesVatBreakdown *row,
             gint64                     *out_base,
             gint64                     *out_vat,
             gboolean                   *out_has_goods,
             gboolean                   *out_has_services,
             GError                    **error)
{
  gint64 goods = 0, all = 0;
  gboolean has_goods = FALSE, has_services = FALSE;

  for (guint i = 0; i < document->lines->len; i++)
    {
      const FacturesLine *line = g_ptr_array_index (document->lines, i);
      gint64 net = g_array_index (totals->line_nets, gint64, i);
      FacturesVatTreatment treatment;

      factures_vat_line_treatment (line, is_franchise (document), &treatment);
      if (treatment.category != row->vat_category
          || (treatment.category == FACTURES_VAT_CATEGORY_S && treatment.rate_bp != row->rate_bp))
        continue;
      all += net;
      if (factures_line_activity_is_goods (factures_vat_line_activity (line, document->seller)))
        {
          goods += net;
          has_goods = TRUE;
        }
      else
        has_services = TRUE;
    }
  /* a row with no line of its own (no line at all) counts as services */
  if (out_has_goods != NULL)
    *out_has_goods = has_goods;
  if (out_has_services != NULL)
    *out_has_services = has_services || !has_goods;
  if (all == 0 || goods == 0)
    {
      *out_base = 0;
      *out_vat = 0;
      return TRUE;
    }
  if (goods == all)
    {
      *out_base = row->base;
      *out_vat = row->vat;
      return TRUE;
    }
  return factures_muldiv_round (row->base, goods, all, out_base, error)
         && factures_muldiv_round (row->vat, goods, all, out_vat, error);
}

static FacturesEreportDay *
find_day (GPtrArray   *days,
          const GDate *date,
          const char  *currency,
          const char  *category)
{
  FacturesEreportDay *day;

  for (guint i = 0; i < days->len; i++)
    {
      day = g_ptr_array_index (days, i);
      if (g_date_compare (&day->date, date) == 0 && g_str_equal (day->currency, currency)
          && g_str_equal (day->category, category))
        return day;
    }
  day = g_new0 (FacturesEreportDay, 1);
  day->date = *date;
  day->currency = g_strdup (currency);
  day->category = category;
  day->taxes = tax_array_new ();
  g_ptr_array_add (days, day);
  return day;
}

static void
add_tax (GArray *taxes,
         gint    rate_bp,
         gint64  base,
         gint64  vat)
{
  FacturesEreportTax tax = { 0 };

  for (guint i = 0; i < taxes->len; i++)
    {
      FacturesEreportTax *t = &g_array_index (taxes, FacturesEreportTax, i);

      if (t->rate_bp == rate_bp)
        {
          t->base += base;
          t->vat += vat;
          return;
        }
    }
  tax.rate_bp = rate_bp;
  tax.base = base;
  tax.vat = vat;
  g_array_append_val (taxes, tax);
}

static void
add_paid (GArray     *paid,
          gint        rate_bp,
          const char *currency,
          gint64      amount)
{
  FacturesEreportPaid p = { 0 };

  for (guint i = 0; i < paid->len; i++)
    {
      FacturesEreportPaid *q = &g_array_index (paid, FacturesEreportPaid, i);

      if (q->rate_bp == rate_bp && g_str_equal (q->currency, currency))
        {
          q->amount += amount;
          return;
        }
    }
  p.rate_bp = rate_bp;
  p.currency = g_strdup (currency);
  p.amount = amount;
  g_array_append_val (paid, p);
}

/* 10.3: the document's figures into the days, split into goods (TLB1) and services (TPS1). */
static gboolean
add_b2c_sale (FacturesEreport        *report,
              const FacturesDocument *document,
              const FacturesTotals   *totals,
              GError                **error)
{
  gint sign = document->kind == FACTURES_DOCUMENT_KIND_CREDIT_NOTE ? -1 : 1;
  const char *currency = document_currency (document);
  gboolean touched[2] = { FALSE, FALSE };
  /* A final invoice deducts its deposit invoices, reported already on their own day: only what
   * is left of it is reported, each rate and category in proportion (to confirm). */
  gint64 deposits = factures_document_deposits_total (document);

  for (guint j = 0; j < totals->breakdown->len; j++)
    {
      const FacturesVatBreakdown *row = &g_array_index (totals->breakdown, FacturesVatBreakdown, j);
      gint64 goods_base, goods_vat;
      const char *categories[2] = { "TLB1", "TPS1" };
      gint64 bases[2], vats[2];

      gboolean has[2];

      if (!goods_share (document, totals, row, &goods_base, &goods_vat, &has[0], &has[1], error))
        return FALSE;
      bases[0] = goods_base;
      vats[0] = goods_vat;
      bases[1] = row->base - goods_base;
      vats[1] = row->vat - goods_vat;
      for (guint c = 0; c < 2; c++)
        {
          FacturesEreportDay *day;

          if (deposits > 0 && totals->gross_total > 0)
            {
              gint64 base_off, vat_off;

              if (!factures_muldiv_round (bases[c], deposits, totals->gross_total, &base_off, error)
                  || !factures_muldiv_round (vats[c], deposits, totals->gross_total, &vat_off, error))
                return FALSE;
              bases[c] -= base_off;
              vats[c] -= vat_off;
            }

          /* a category with no line of it is left out */
          if (!has[c])
            continue;
          day = find_day (report->days, &document->issue_date, currency, categories[c]);
          day->net += sign * bases[c];
          day->vat += sign * vats[c];
          add_tax (day->taxes, row->rate_bp, sign * bases[c], sign * vats[c]);
          if (!touched[c])
            day->count++;
          touched[c] = TRUE;
        }
    }
  return TRUE;
}

/* 10.1 */
static FacturesEreportInvoice *
international_invoice (const FacturesDocument *document,
                       const FacturesTotals   *totals)
{
  FacturesEreportInvoice *invoice = g_new0 (FacturesEreportInvoice, 1);
  const FacturesClient *buyer = document->buyer;

  invoice->document_id = document->id;
  invoice->number = g_strdup (document->number);
  invoice->issue_date = document->issue_date;
  invoice->due_date = document->due_date;
  invoice->type_code = (gint) document->kind;
  invoice->currency = g_strdup (document_currency (document));
  invoice->process_code = g_strdup (factures_vat_document_process_code (document));
  invoice->buyer_name = g_strdup (buyer->party.name);
  invoice->buyer_country = g_strdup (buyer->party.country_code);
  invoice->buyer_vat_id = buyer->party.vat_id != NULL && *buyer->party.vat_id ? g_strdup (buyer->party.vat_id) : NULL;
  invoice->buyer_legal_id = buyer->legal_id != NULL && *buyer->legal_id ? g_strdup (buyer->legal_id) : NULL;
  invoice->net_total = totals->net_total;
  invoice->vat_total = totals->vat_total;
  invoice->gross_total = totals->gross_total;
  invoice->taxes = tax_array_new ();
  for (guint j = 0; j < totals->breakdown->len; j++)
    {
      const FacturesVatBreakdown *row = &g_array_index (totals->breakdown, FacturesVatBreakdown, j);
      const char *code = factures_vat_category_code (row->vat_category);
      FacturesEreportTax tax = { 0 };

      tax.rate_bp = row->rate_bp;
      g_strlcpy (tax.code, code != NULL ? code : (char[]) { row->category, 0 }, sizeof tax.code);
      tax.vatex = g_strdup (row->vatex);
      tax.base = row->base;
      tax.vat = row->vat;
      g_array_append_val (invoice->taxes, tax);
    }
  return invoice;
}

/* What a payment of @amount for @document reports per rate (services only, reverse charge
 * left out), into @paid. */
static gboolean
split_payment (const FacturesDocument *document,
               const FacturesTotals   *totals,
               gint64                  amount,
               GArray                 *paid,
               GError                **error)
{
  const char *currency = document_currency (document);
  g_autoptr(GArray) shares = g_array_new (FALSE, TRUE, sizeof (gint64));
  gint64 services = 0, part, given = 0;
  gint last = -1;

  for (guint j = 0; j < totals->breakdown->len; j++)
    {
      const FacturesVatBreakdown *row = &g_array_index (totals->breakdown, FacturesVatBreakdown, j);
      gint64 goods_base, goods_vat, share = 0;

      if (row->vat_category != FACTURES_VAT_CATEGORY_AE)
        {
          if (!goods_share (document, totals, row, &goods_base, &goods_vat, NULL, NULL, error))
            return FALSE;
          share = row->base - goods_base + row->vat - goods_vat;
        }
      g_array_append_val (shares, share);
      services += share;
      if (share != 0)
        last = (gint) j;
    }
  if (services == 0 || totals->gross_total == 0 || last < 0)
    return TRUE;
  if (services == totals->gross_total)
    part = amount;
  else if (!factures_muldiv_round (amount, services, totals->gross_total, &part, error))
    return FALSE;
  for (guint j = 0; j < totals->breakdown->len; j++)
    {
      const FacturesVatBreakdown *row = &g_array_index (totals->breakdown, FacturesVatBreakdown, j);
      gint64 share = g_array_index (shares, gint64, j), value;

      if (share == 0)
        continue;
      if ((gint) j == last)
        value = part - given;
      else if (!factures_muldiv_round (part, share, services, &value, error))
        return FALSE;
      given += value;
      add_paid (paid, row->rate_bp, currency, value);
    }
  return TRUE;
}

typedef struct {
  FacturesDocument *document;
  FacturesTotals    totals;
  Scope             scope;
} Known;

static void
known_free (Known *known)
{
  factures_document_free (known->document);
  factures_totals_clear (&known->totals);
  g_free (known);
}

static Known *
known_get (FacturesStore *store,
           GHashTable    *cache,
           gint64         id,
           GError       **error)
{
  Known *known = g_hash_table_lookup (cache, &id);
  gint64 *key;

  if (known != NULL)
    return known;
  known = g_new0 (Known, 1);
  known->document = factures_store_get_document (store, id, error);
  if (known->document == NULL || !factures_document_compute_totals (known->document, &known->totals, error))
    {
      known_free (known);
      return NULL;
    }
  known->scope = document_scope (known->document);
  key = g_new (gint64, 1);
  *key = id;
  g_hash_table_insert (cache, key, known);
  return known;
}

static gint
compare_days (gconstpointer a,
              gconstpointer b)
{
  const FacturesEreportDay *x = *(FacturesEreportDay * const *) a;
  const FacturesEreportDay *y = *(FacturesEreportDay * const *) b;
  gint c = g_date_compare (&x->date, &y->date);

  if (c == 0)
    c = strcmp (x->currency, y->currency);
  if (c == 0)
    c = strcmp (x->category, y->category);
  return c;
}

FacturesEreport *
factures_ereport_build (FacturesStore                  *store,
                        const FacturesEreportingPeriod *period,
                        GDateTime                      *now,
                        GError                        **error)
{
  g_autoptr(FacturesEreport) report = g_new0 (FacturesEreport, 1);
  g_autoptr(FacturesPaAccount) account = NULL;
  g_autoptr(FacturesProfile) profile = NULL;
  g_autoptr(GDateTime) made = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) payments = NULL;
  g_autoptr(GHashTable) cache = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) earlier = NULL;
  gboolean sent;

  report->period = *period;
  report->invoices = g_ptr_array_new_with_free_func ((GDestroyNotify) invoice_free);
  report->invoice_payments = g_ptr_array_new_with_free_func ((GDestroyNotify) invoice_payment_free);
  report->days = g_ptr_array_new_with_free_func ((GDestroyNotify) day_free);
  report->day_payments = g_ptr_array_new_with_free_func ((GDestroyNotify) day_payment_free);

  account = factures_store_get_pa_account (store, &local_error);
  if (account == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                             _("No plateforme agréée is set up: the e-reporting goes through it and names it as "
                               "the sender. Fill in its account in Preferences → E-invoicing."));
      return NULL;
    }
  profile = factures_store_get_profile (store, error);
  if (profile == NULL)
    return NULL;
  if (profile->party.siren == NULL || *profile->party.siren == '\0')
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("SIREN: the business profile has none; the e-reporting names the declarant by it."));
      return NULL;
    }
  sent = factures_store_ereporting_period_sent (store, &period->start, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  earlier = factures_store_ereporting_list_reports (store, &period->start, error);
  if (earlier == NULL)
    return NULL;

  made = now != NULL ? g_date_time_to_utc (now) : factures_now_utc ();
  report->made = g_date_time_format (made, "%Y%m%d%H%M%S");
  report->type_code = g_strdup (sent ? "RE" : "IN");
  report->sender_id = g_strdup (account->registration);
  report->sender_name = g_strdup (account->name);
  report->issuer_siren = g_strdup (profile->party.siren);
  report->issuer_name = g_strdup (profile->party.name);
  report->report_key = g_strdup_printf ("%s-%04u%02u%02u-%s-%u", profile->party.siren,
                                        g_date_get_year (&period->start), g_date_get_month (&period->start),
                                        g_date_get_day (&period->start), report->made, earlier->len + 1);

  cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) known_free);

  /* 10.1 and 10.3: the documents issued in the period. */
  ids = factures_store_ereporting_document_ids (store, &period->start, &period->end, error);
  if (ids == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      Known *known = known_get (store, cache, g_array_index (ids, gint64, i), error);

      if (known == NULL)
        return NULL;
      if (known->scope == SCOPE_INTERNATIONAL)
        g_ptr_array_add (report->invoices, international_invoice (known->document, &known->totals));
      else if (known->scope == SCOPE_B2C && !add_b2c_sale (report, known->document, &known->totals, error))
        return NULL;
    }
  g_ptr_array_sort (report->days, compare_days);

  /* 10.2 and 10.4: the money received in the period (services only). */
  payments = factures_store_ereporting_payments (store, &period->start, &period->end, error);
  if (payments == NULL)
    return NULL;
  for (guint i = 0; i < payments->len; i++)
    {
      const FacturesEreportingPaymentRow *row = &g_array_index (payments, FacturesEreportingPaymentRow, i);
      Known *known = known_get (store, cache, row->document_id, error);
      GArray *paid;

      if (known == NULL)
        return NULL;
      if (known->scope == SCOPE_NONE || known->document->kind == FACTURES_DOCUMENT_KIND_CREDIT_NOTE)
        continue;
      if (known->scope == SCOPE_INTERNATIONAL)
        {
          FacturesEreportInvoicePayment *entry = NULL;

          for (guint k = 0; k < report->invoice_payments->len && entry == NULL; k++)
            {
              FacturesEreportInvoicePayment *e = g_ptr_array_index (report->invoice_payments, k);

              if (g_str_equal (e->number, known->document->number) && g_date_compare (&e->date, &row->date) == 0)
                entry = e;
            }
          if (entry == NULL)
            {
              entry = g_new0 (FacturesEreportInvoicePayment, 1);
              entry->number = g_strdup (known->document->number);
              entry->issue_date = known->document->issue_date;
              entry->date = row->date;
              entry->paid = paid_array_new ();
              g_ptr_array_add (report->invoice_payments, entry);
            }
          paid = entry->paid;
        }
      else
        {
          FacturesEreportDayPayment *entry = NULL;

          for (guint k = 0; k < report->day_payments->len && entry == NULL; k++)
            {
              FacturesEreportDayPayment *e = g_ptr_array_index (report->day_payments, k);

              if (g_date_compare (&e->date, &row->date) == 0)
                entry = e;
            }
          if (entry == NULL)
            {
              entry = g_new0 (FacturesEreportDayPayment, 1);
              entry->date = row->date;
              entry->paid = paid_array_new ();
              g_ptr_array_add (report->day_payments, entry);
            }
          paid = entry->paid;
        }
      if (!split_payment (known->document, &known->totals, row->amount, paid, error))
        return NULL;
    }
  /* a payment of goods only reports nothing: drop the entries left empty */
  for (guint k = report->invoice_payments->len; k > 0; k--)
    if (((FacturesEreportInvoicePayment *) g_ptr_array_index (report->invoice_payments, k - 1))->paid->len == 0)
      g_ptr_array_remove_index (report->invoice_payments, k - 1);
  for (guint k = report->day_payments->len; k > 0; k--)
    if (((FacturesEreportDayPayment *) g_ptr_array_index (report->day_payments, k - 1))->paid->len == 0)
      g_ptr_array_remove_index (report->day_payments, k - 1);
  return g_steal_pointer (&report);
}

/* ---- XML ---- */

static char *
amount_text (gint64 cents)
{
  guint64 magnitude = cents < 0 ? (guint64) (-(cents + 1)) + 1 : (guint64) cents;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", cents < 0 ? "-" : "", magnitude / 100,
                          (guint) (magnitude % 100));
}

static char *
rate_text (gint rate_bp)
{
  return g_strdup_printf ("%d.%02d", rate_bp / 100, rate_bp % 100);
}

static char *
date_text (const GDate *date)
{
  return g_strdup_printf ("%04u%02u%02u", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

static xmlNodePtr
text_child (xmlNodePtr  parent,
            const char *name,
            const char *text)
{
  return xmlNewTextChild (parent, NULL, BAD_CAST name, BAD_CAST (text != NULL ? text : ""));
}

static xmlNodePtr
owned_child (xmlNodePtr  parent,
             const char *name,
             char       *text)
{
  xmlNodePtr node = text_child (parent, name, text);

  g_free (text);
  return node;
}

static void
write_period (xmlNodePtr                      parent,
              const FacturesEreportingPeriod *period)
{
  xmlNodePtr node = xmlNewChild (parent, NULL, BAD_CAST "ReportPeriod", NULL);

  owned_child (node, "StartDate", date_text (&period->start));
  owned_child (node, "EndDate", date_text (&period->end));
}

static void
write_party (xmlNodePtr  parent,
             const char *element,
             const char *scheme,
             const char *id,
             const char *name,
             const char *role)
{
  xmlNodePtr node = xmlNewChild (parent, NULL, BAD_CAST element, NULL);
  xmlNodePtr id_node = text_child (node, "Id", id);

  xmlNewProp (id_node, BAD_CAST "schemeId", BAD_CAST scheme);
  text_child (node, "Name", name);
  text_child (node, "RoleCode", role);
}

static void
write_invoice (xmlNodePtr                    parent,
               const FacturesEreport        *report,
               const FacturesEreportInvoice *invoice)
{
  xmlNodePtr node = xmlNewChild (parent, NULL, BAD_CAST "Invoice", NULL);
  xmlNodePtr child, total, amount;
  char type[8];

  text_child (node, "ID", invoice->number);
  owned_child (node, "IssueDate", date_text (&invoice->issue_date));
  g_snprintf (type, sizeof type, "%d", invoice->type_code);
  text_child (node, "TypeCode", type);
  text_child (node, "CurrencyCode", invoice->currency);
  if (g_date_valid (&invoice->due_date))
    owned_child (node, "DueDate", date_text (&invoice->due_date));
  /* TG-10: BT-23 and the profile (EN 16931; to confirm) */
  child = xmlNewChild (node, NULL, BAD_CAST "BusinessProcess", NULL);
  text_child (child, "ID", invoice->process_code);
  text_child (child, "TypeID", "urn:cen.eu:en16931:2017");
  child = xmlNewChild (node, NULL, BAD_CAST "Seller", NULL);
  xmlNewProp (text_child (child, "CompanyId", report->issuer_siren), BAD_CAST "schemeId", BAD_CAST "0002");
  text_child (xmlNewChild (child, NULL, BAD_CAST "PostalAddress", NULL), "CountryId", "FR");
  child = xmlNewChild (node, NULL, BAD_CAST "Buyer", NULL);
  /* TT-36/37: the buyer's register number; scheme 0223 a business in the EU outside France,
   * 0227 outside the EU (the PPF's identifier schemes; to confirm) */
  if (invoice->buyer_legal_id != NULL)
    xmlNewProp (text_child (child, "CompanyId", invoice->buyer_legal_id), BAD_CAST "schemeId",
                BAD_CAST (factures_vat_client_zone (invoice->buyer_country) == FACTURES_VAT_CLIENT_EU ? "0223" : "0227"));
  if (invoice->buyer_vat_id != NULL)
    xmlNewProp (text_child (child, "TaxRegistrationId", invoice->buyer_vat_id), BAD_CAST "qualifyingId", BAD_CAST "VA");
  if (invoice->buyer_country != NULL && *invoice->buyer_country)
    text_child (xmlNewChild (child, NULL, BAD_CAST "PostalAddress", NULL), "CountryId", invoice->buyer_country);
  total = xmlNewChild (node, NULL, BAD_CAST "MonetaryTotal", NULL);
  owned_child (total, "TaxExclusiveAmount", amount_text (invoice->net_total));
  amount = owned_child (total, "TaxAmount", amount_text (invoice->vat_total));
  xmlNewProp (amount, BAD_CAST "CurrencyCode", BAD_CAST invoice->currency);
  for (guint j = 0; j < invoice->taxes->len; j++)
    {
      const FacturesEreportTax *tax = &g_array_index (invoice->taxes, FacturesEreportTax, j);
      xmlNodePtr sub = xmlNewChild (node, NULL, BAD_CAST "TaxSubTotal", NULL);
      xmlNodePtr category;

      owned_child (sub, "TaxableAmount", amount_text (tax->base));
      owned_child (sub, "TaxAmount", amount_text (tax->vat));
      category = xmlNewChild (sub, NULL, BAD_CAST "TaxCategory", NULL);
      text_child (category, "Code", tax->code);
      owned_child (category, "Percent", rate_text (tax->rate_bp));
      if (tax->vatex != NULL)
        text_child (category, "TaxExemptionReasonCode", tax->vatex);
    }
}

static void
write_paid (xmlNodePtr   parent,
            const GDate *date,
            GArray      *paid)
{
  xmlNodePtr payment = xmlNewChild (parent, NULL, BAD_CAST "Payment", NULL);

  owned_child (payment, "Date", date_text (date));
  for (guint j = 0; j < paid->len; j++)
    {
      const FacturesEreportPaid *p = &g_array_index (paid, FacturesEreportPaid, j);
      xmlNodePtr sub = xmlNewChild (payment, NULL, BAD_CAST "SubTotals", NULL);

      owned_child (sub, "TaxPercent", rate_text (p->rate_bp));
      text_child (sub, "CurrencyCode", p->currency);
      owned_child (sub, "Amount", amount_text (p->amount));
    }
}

GBytes *
factures_ereport_to_xml (const FacturesEreport *report,
                         FacturesEreportBlocks  blocks)
{
  xmlDocPtr doc = xmlNewDoc (BAD_CAST "1.0");
  xmlNodePtr root = xmlNewNode (NULL, BAD_CAST "Report");
  xmlNodePtr node, child;
  xmlChar *buffer = NULL;
  int size = 0;
  g_autofree char *name = NULL;
  g_autofree char *key = factures_ereporting_period_key (&report->period);
  GBytes *bytes;

  xmlDocSetRootElement (doc, root);
  node = xmlNewChild (root, NULL, BAD_CAST "ReportDocument", NULL);
  text_child (node, "Id", report->report_key);
  name = g_strdup_printf ("ereporting-%s", key);
  text_child (node, "Name", name);
  text_child (xmlNewChild (node, NULL, BAD_CAST "IssueDateTime", NULL), "DateTimeString", report->made);
  text_child (node, "TypeCode", report->type_code);
  write_party (node, "Sender", "0238", report->sender_id, report->sender_name, "WK");
  write_party (node, "Issuer", "0002", report->issuer_siren, report->issuer_name, "SE");

  if (blocks & (FACTURES_EREPORT_BLOCK_INVOICES | FACTURES_EREPORT_BLOCK_DAYS))
    {
      node = xmlNewChild (root, NULL, BAD_CAST "TransactionsReport", NULL);
      write_period (node, &report->period);
      if (blocks & FACTURES_EREPORT_BLOCK_INVOICES)
        for (guint i = 0; i < report->invoices->len; i++)
          write_invoice (node, report, g_ptr_array_index (report->invoices, i));
      if (blocks & FACTURES_EREPORT_BLOCK_DAYS)
        for (guint i = 0; i < report->days->len; i++)
          {
            const FacturesEreportDay *day = g_ptr_array_index (report->days, i);
            char count[16];

            child = xmlNewChild (node, NULL, BAD_CAST "Transactions", NULL);
            owned_child (child, "Date", date_text (&day->date));
            text_child (child, "TransactionsCurrency", day->currency);
            text_child (child, "CategoryCode", day->category);
            owned_child (child, "TaxExclusiveAmount", amount_text (day->net));
            owned_child (child, "TaxTotal", amount_text (day->vat));
            g_snprintf (count, sizeof count, "%u", day->count);
            text_child (child, "TransactionsCount", count);
            for (guint j = 0; j < day->taxes->len; j++)
              {
                const FacturesEreportTax *tax = &g_array_index (day->taxes, FacturesEreportTax, j);
                xmlNodePtr sub = xmlNewChild (child, NULL, BAD_CAST "TaxSubtotal", NULL);

                owned_child (sub, "TaxPercent", rate_text (tax->rate_bp));
                owned_child (sub, "TaxableAmount", amount_text (tax->base));
                owned_child (sub, "TaxTotal", amount_text (tax->vat));
              }
          }
    }
  if (blocks & (FACTURES_EREPORT_BLOCK_INVOICE_PAYMENTS | FACTURES_EREPORT_BLOCK_DAY_PAYMENTS))
    {
      node = xmlNewChild (root, NULL, BAD_CAST "PaymentsReport", NULL);
      write_period (node, &report->period);
      if (blocks & FACTURES_EREPORT_BLOCK_INVOICE_PAYMENTS)
        for (guint i = 0; i < report->invoice_payments->len; i++)
          {
            const FacturesEreportInvoicePayment *p = g_ptr_array_index (report->invoice_payments, i);

            child = xmlNewChild (node, NULL, BAD_CAST "Invoice", NULL);
            text_child (child, "InvoiceID", p->number);
            owned_child (child, "IssueDate", date_text (&p->issue_date));
            write_paid (child, &p->date, p->paid);
          }
      if (blocks & FACTURES_EREPORT_BLOCK_DAY_PAYMENTS)
        for (guint i = 0; i < report->day_payments->len; i++)
          {
            const FacturesEreportDayPayment *p = g_ptr_array_index (report->day_payments, i);

            child = xmlNewChild (node, NULL, BAD_CAST "Transactions", NULL);
            write_paid (child, &p->date, p->paid);
          }
    }

  xmlDocDumpFormatMemoryEnc (doc, &buffer, &size, "UTF-8", 1);
  bytes = g_bytes_new (buffer, (gsize) size);
  xmlFree (buffer);
  xmlFreeDoc (doc);
  return bytes;
}

static void
collect_schema_error (void        *user_data,
                      xmlErrorPtr  err)
{
  GString *out = user_data;

  if (out->len == 0 && err != NULL && err->message != NULL)
    g_string_append_printf (out, "%d: %s", err->line, g_strchomp (g_strdup (err->message)));
}

gboolean
factures_ereport_check_xsd (GBytes      *xml,
                            const char  *xsd_path,
                            GError     **error)
{
  g_autoptr(GString) problem = g_string_new (NULL);
  xmlSchemaParserCtxtPtr parser;
  xmlSchemaPtr schema;
  xmlSchemaValidCtxtPtr valid;
  xmlDocPtr doc;
  gsize size = 0;
  const char *data = g_bytes_get_data (xml, &size);
  int rc;

  parser = xmlSchemaNewParserCtxt (xsd_path);
  schema = parser != NULL ? xmlSchemaParse (parser) : NULL;
  if (parser != NULL)
    xmlSchemaFreeParserCtxt (parser);
  if (schema == NULL)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT, _("Cannot read the schema “%s”."), xsd_path);
      return FALSE;
    }
  doc = xmlReadMemory (data, (int) size, "ereporting.xml", "UTF-8", XML_PARSE_NONET);
  if (doc == NULL)
    {
      xmlSchemaFree (schema);
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT, _("The e-reporting file is not XML."));
      return FALSE;
    }
  valid = xmlSchemaNewValidCtxt (schema);
  xmlSchemaSetValidStructuredErrors (valid, collect_schema_error, problem);
  rc = xmlSchemaValidateDoc (valid, doc);
  xmlSchemaFreeValidCtxt (valid);
  xmlSchemaFree (schema);
  xmlFreeDoc (doc);
  if (rc != 0)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                   _("The e-reporting file does not follow the DGFiP schema: line %s"), problem->str);
      return FALSE;
    }
  return TRUE;
}

/* ---- blocks, file, record, send ---- */

static const struct {
  FacturesEreportBlocks block;
  const char           *id;
  const char           *flow_type;
  const char           *rule;
} block_table[] = {
  { FACTURES_EREPORT_BLOCK_INVOICES, "10.1", "UnitaryCustomerTransactionReport", "B2BInt" },
  { FACTURES_EREPORT_BLOCK_INVOICE_PAYMENTS, "10.2", "UnitaryCustomerPaymentReport", "B2BInt" },
  { FACTURES_EREPORT_BLOCK_DAYS, "10.3", "AggregatedCustomerTransactionReport", "B2C" },
  { FACTURES_EREPORT_BLOCK_DAY_PAYMENTS, "10.4", "AggregatedCustomerPaymentReport", "B2C" },
};

const char *
factures_ereport_block_flow_type (FacturesEreportBlocks block)
{
  for (guint i = 0; i < G_N_ELEMENTS (block_table); i++)
    if (block_table[i].block == block)
      return block_table[i].flow_type;
  return NULL;
}

const char *
factures_ereport_block_rule (FacturesEreportBlocks block)
{
  for (guint i = 0; i < G_N_ELEMENTS (block_table); i++)
    if (block_table[i].block == block)
      return block_table[i].rule;
  return NULL;
}

static guint
block_size (const FacturesEreport *report,
            FacturesEreportBlocks  block)
{
  switch (block)
    {
    case FACTURES_EREPORT_BLOCK_INVOICES:
      return report->invoices->len;
    case FACTURES_EREPORT_BLOCK_INVOICE_PAYMENTS:
      return report->invoice_payments->len;
    case FACTURES_EREPORT_BLOCK_DAYS:
      return report->days->len;
    case FACTURES_EREPORT_BLOCK_DAY_PAYMENTS:
      return report->day_payments->len;
    case FACTURES_EREPORT_BLOCK_ALL:
    default:
      return 0;
    }
}

char *
factures_ereport_default_file (const FacturesEreport *report)
{
  g_autofree char *key = factures_ereporting_period_key (&report->period);
  g_autofree char *name = g_strdup_printf ("ereporting-%s-%s.xml", key, report->made);

  return g_build_filename (g_get_user_data_dir (), "factures", "e-reporting", name, NULL);
}

gint64
factures_ereport_record (FacturesStore         *store,
                         const FacturesEreport *report,
                         GBytes                *xml,
                         const char            *file,
                         GError               **error)
{
  FacturesEreportingRecord record = { 0 };
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, xml);
  g_autofree char *made = g_strdup_printf ("%.4s-%.2s-%.2sT%.2s:%.2s:%.2sZ", report->made, report->made + 4,
                                           report->made + 6, report->made + 8, report->made + 10,
                                           report->made + 12);

  record.start = report->period.start;
  record.end = report->period.end;
  record.periodicity = report->period.periodicity;
  record.report_key = report->report_key;
  record.type_code = report->type_code;
  record.made = made;
  record.sha256 = sha;
  record.file = (char *) file;
  record.n_invoices = report->invoices->len;
  record.n_payments = report->invoice_payments->len;
  record.n_days = report->days->len;
  record.n_day_payments = report->day_payments->len;
  return factures_store_ereporting_add_report (store, &record, xml, error);
}

gboolean
factures_ereport_send (FacturesStore           *store,
                       FacturesPaClient        *client,
                       const FacturesEreport   *report,
                       gint64                   report_id,
                       FacturesEreportSendFunc  on_block,
                       gpointer                 user_data,
                       guint                   *out_sent,
                       GError                 **error)
{
  g_autoptr(GError) first = NULL;
  g_autofree char *key = factures_ereporting_period_key (&report->period);
  guint sent = 0;

  for (guint i = 0; i < G_N_ELEMENTS (block_table); i++)
    {
      g_autoptr(GBytes) xml = NULL;
      g_autoptr(JsonObject) answer = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GDateTime) now = NULL;
      g_autofree char *name = NULL;
      g_autofree char *tracking = NULL;
      g_autofree char *sha = NULL;
      g_autofree char *attempted = NULL;
      FacturesEreportingFlow flow = { 0 };

      if (block_size (report, block_table[i].block) == 0)
        continue;
      xml = factures_ereport_to_xml (report, block_table[i].block);
      name = g_strdup_printf ("ereporting-%s-%s.xml", key, block_table[i].id);
      tracking = g_strdup_printf ("erep-%" G_GINT64_FORMAT "-%s", report_id, block_table[i].id);
      sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, xml);
      answer = factures_pa_client_deposit (client, "FRR", NULL, block_table[i].rule, name, tracking, xml,
                                           "application/xml", &local_error);
      now = g_date_time_new_now_utc ();
      attempted = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
      flow.block = (char *) block_table[i].id;
      flow.processing_rule = (char *) block_table[i].rule;
      flow.tracking_id = tracking;
      flow.sha256 = sha;
      flow.attempted = attempted;
      flow.flow_type = (char *) block_table[i].flow_type;
      if (answer != NULL)
        {
          flow.sent = TRUE;
          flow.flow_id = (char *) json_object_get_string_member_with_default (answer, "flowId", NULL);
          flow.submitted_at = (char *) json_object_get_string_member_with_default (answer, "submittedAt", NULL);
          if (json_object_has_member (answer, "flowType"))
            flow.flow_type = (char *) json_object_get_string_member_with_default (answer, "flowType",
                                                                                 block_table[i].flow_type);
          if (flow.flow_id == NULL)
            {
              flow.sent = FALSE;
              g_set_error_literal (&local_error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                                   _("The plateforme agréée took the flow without giving its flowId."));
            }
        }
      if (!flow.sent)
        flow.error = local_error->message;
      if (!factures_store_ereporting_add_flow (store, report_id, &flow, error))
        return FALSE;
      if (on_block != NULL)
        on_block (block_table[i].id, flow.sent ? flow.flow_id : NULL, flow.sent ? NULL : local_error->message,
                  user_data);
      if (flow.sent)
        sent++;
      else if (first == NULL)
        first = g_steal_pointer (&local_error);
    }
  if (out_sent != NULL)
    *out_sent = sent;
  if (first != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first));
      return FALSE;
    }
  return TRUE;
}
