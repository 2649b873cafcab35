/* factures-urssaf.c — the micro-entrepreneur's year (issue 17): the dated tables of rates,
 * ceilings and thresholds, the declaration, the crossing of a threshold, the calendar, the FEC
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "factures-date.h"
#include "factures-error.h"
#include "factures-urssaf.h"

/* ---- the tables (LEGAL-2.md §3, LEGAL.md §6) ---- */

#define SRC_DECREE_2026 "décret n° 2025-943 ; arapl.org"
#define SRC_2025        "autoentrepreneur.urssaf.fr, taux 2025 (seul le BNC SSI, 24,6 %, est repris)"
#define SRC_CFP         "service-public.fr actu 007018 ; centre-inffo.fr (taux 2026 à confirmer)"
#define SRC_CHAMBER     "opcoep.fr ; shine.fr (taux 2026 à confirmer)"
#define SRC_VL          "impots.gouv.fr FAQ versement libératoire ; shine.fr"
#define SRC_ACRE        "issue 17 : taux de la réduction ACRE à confirmer"

#define R(from, to, kind, cat, ppm, confirm, src) \
  { from, to, FACTURES_URSSAF_RATE_##kind, FACTURES_URSSAF_CAT_##cat, ppm, confirm, src }

static const FacturesUrssafRate rates[] = {
  /* cotisations sociales, % of the turnover */
  R (2026, 2026, COTISATIONS, SALES,             123000, FALSE, SRC_DECREE_2026),
  R (2026, 2026, COTISATIONS, SERVICES_BIC,      212000, FALSE, SRC_DECREE_2026),
  R (2026, 2026, COTISATIONS, BNC_SSI,           256000, FALSE, SRC_DECREE_2026),
  R (2026, 2026, COTISATIONS, BNC_CIPAV,         232000, FALSE, SRC_DECREE_2026),
  R (2026, 2026, COTISATIONS, FURNISHED_TOURISM,  60000, FALSE, SRC_DECREE_2026),
  R (2025, 2025, COTISATIONS, SALES,             123000, TRUE,  SRC_2025),
  R (2025, 2025, COTISATIONS, SERVICES_BIC,      212000, TRUE,  SRC_2025),
  R (2025, 2025, COTISATIONS, BNC_SSI,           246000, FALSE, SRC_2025),
  R (2025, 2025, COTISATIONS, BNC_CIPAV,         232000, TRUE,  SRC_2025),
  R (2025, 2025, COTISATIONS, FURNISHED_TOURISM,  60000, TRUE,  SRC_2025),
  /* contribution à la formation professionnelle */
  R (2025, 2026, CFP, SALES,               1000, TRUE, SRC_CFP),
  R (2025, 2026, CFP, SERVICES_BIC,        2000, TRUE, SRC_CFP),
  R (2025, 2026, CFP, BNC_SSI,             2000, TRUE, SRC_CFP),
  R (2025, 2026, CFP, BNC_CIPAV,           2000, TRUE, SRC_CFP),
  R (2025, 2026, CFP, FURNISHED_TOURISM,      0, TRUE, SRC_CFP),
  R (2025, 2026, CFP_ARTISAN, SERVICES_BIC, 3000, TRUE, SRC_CFP),
  /* taxe pour frais de chambre (outside Alsace and Moselle) */
  R (2025, 2026, CCI, SALES,                150, TRUE, SRC_CHAMBER),
  R (2025, 2026, CCI, SERVICES_BIC,         440, TRUE, SRC_CHAMBER),
  R (2025, 2026, CMA, SALES,               2200, TRUE, SRC_CHAMBER),
  R (2025, 2026, CMA, SERVICES_BIC,        4800, TRUE, SRC_CHAMBER),
  /* versement libératoire */
  R (2025, 2026, VL, SALES,               10000, FALSE, SRC_VL),
  R (2025, 2026, VL, SERVICES_BIC,        17000, FALSE, SRC_VL),
  R (2025, 2026, VL, BNC_SSI,             22000, FALSE, SRC_VL),
  R (2025, 2026, VL, BNC_CIPAV,           22000, FALSE, SRC_VL),
  R (2025, 2026, VL, FURNISHED_TOURISM,   10000, FALSE, SRC_VL),
  /* ACRE: the share of the cotisations waived */
  R (2025, 2026, ACRE, SALES,             500000, TRUE, SRC_ACRE),
  R (2025, 2026, ACRE, SERVICES_BIC,      500000, TRUE, SRC_ACRE),
  R (2025, 2026, ACRE, BNC_SSI,           500000, TRUE, SRC_ACRE),
  R (2025, 2026, ACRE, BNC_CIPAV,         500000, TRUE, SRC_ACRE),
  R (2025, 2026, ACRE, FURNISHED_TOURISM, 500000, TRUE, SRC_ACRE),
};

#undef R

#define SRC_CEIL_2023 "art. 50-0 et 102 ter du CGI ; mutuelle-medicis.com"
#define SRC_CEIL_2026 "URSSAF 20/02/2026 ; rotek.fr ; journaldeleconomie.fr (texte à confirmer)"
#define SRC_VAT       "art. 293 B du CGI ; LF 2026 (JO 20/02/2026) maintient 85 000 / 37 500 €"

#define T(from, to, kind, euros, confirm, src) \
  { from, to, FACTURES_THRESHOLD_##kind, (gint64) (euros) * 100, confirm, src }

static const FacturesThreshold thresholds[] = {
  T (2023, 2025, MICRO_SALES,        188700, FALSE, SRC_CEIL_2023),
  T (2023, 2025, MICRO_SERVICES,      77700, FALSE, SRC_CEIL_2023),
  T (2026, 2028, MICRO_SALES,        203100, TRUE,  SRC_CEIL_2026),
  T (2026, 2028, MICRO_SERVICES,      83600, TRUE,  SRC_CEIL_2026),
  T (2025, 2026, VAT_BASE_SALES,      85000, FALSE, SRC_VAT),
  T (2025, 2026, VAT_BASE_SERVICES,   37500, FALSE, SRC_VAT),
  T (2025, 2026, VAT_MAJOR_SALES,     93500, FALSE, SRC_VAT),
  T (2025, 2026, VAT_MAJOR_SERVICES,  41250, FALSE, SRC_VAT),
};

#undef T

/* ---- boxes and categories ---- */

FacturesUrssafBox
factures_urssaf_box_of_activity (FacturesLineActivity activity)
{
  switch (activity)
    {
    case FACTURES_LINE_ACTIVITY_GOODS:
      return FACTURES_URSSAF_BOX_SALES;
    case FACTURES_LINE_ACTIVITY_SERVICES_BIC:
      return FACTURES_URSSAF_BOX_SERVICES_BIC;
    case FACTURES_LINE_ACTIVITY_FURNISHED_TOURISM:
      return FACTURES_URSSAF_BOX_FURNISHED_TOURISM;
    case FACTURES_LINE_ACTIVITY_DEFAULT:
    case FACTURES_LINE_ACTIVITY_SERVICES_BNC:
    default:
      return FACTURES_URSSAF_BOX_SERVICES_BNC;
    }
}

const char *
factures_urssaf_box_label (FacturesUrssafBox box)
{
  switch (box)
    {
    case FACTURES_URSSAF_BOX_SALES:
      return "Ventes de marchandises et hébergement (BIC)";
    case FACTURES_URSSAF_BOX_SERVICES_BIC:
      return "Prestations de services commerciales ou artisanales (BIC)";
    case FACTURES_URSSAF_BOX_SERVICES_BNC:
      return "Autres prestations de services (BNC)";
    case FACTURES_URSSAF_BOX_FURNISHED_TOURISM:
      return "Locations de meublés de tourisme classés";
    case FACTURES_URSSAF_N_BOXES:
    default:
      return "";
    }
}

gboolean
factures_urssaf_box_is_sales (FacturesUrssafBox box)
{
  return box == FACTURES_URSSAF_BOX_SALES || box == FACTURES_URSSAF_BOX_FURNISHED_TOURISM;
}

static const char *
category_label (FacturesUrssafCategory category)
{
  switch (category)
    {
    case FACTURES_URSSAF_CAT_SALES:
      return "ventes de marchandises";
    case FACTURES_URSSAF_CAT_SERVICES_BIC:
      return "prestations BIC";
    case FACTURES_URSSAF_CAT_BNC_SSI:
      return "prestations BNC (SSI)";
    case FACTURES_URSSAF_CAT_BNC_CIPAV:
      return "prestations BNC (CIPAV)";
    case FACTURES_URSSAF_CAT_FURNISHED_TOURISM:
      return "meublés de tourisme classés";
    case FACTURES_URSSAF_N_CATS:
    default:
      return "";
    }
}

const char *
factures_urssaf_rate_kind_label (FacturesUrssafRateKind kind)
{
  switch (kind)
    {
    case FACTURES_URSSAF_RATE_COTISATIONS:
      return "Cotisations sociales";
    case FACTURES_URSSAF_RATE_CFP:
    case FACTURES_URSSAF_RATE_CFP_ARTISAN:
      return "Formation professionnelle (CFP)";
    case FACTURES_URSSAF_RATE_CCI:
      return "Taxe pour frais de chambre (CCI)";
    case FACTURES_URSSAF_RATE_CMA:
      return "Taxe pour frais de chambre (CMA)";
    case FACTURES_URSSAF_RATE_VL:
      return "Versement libératoire de l’impôt sur le revenu";
    case FACTURES_URSSAF_RATE_ACRE:
      return "Réduction ACRE";
    default:
      return "";
    }
}

FacturesUrssafCategory
factures_urssaf_category_of_box (FacturesUrssafBox             box,
                                 const FacturesUrssafSettings *settings)
{
  switch (box)
    {
    case FACTURES_URSSAF_BOX_SALES:
      return FACTURES_URSSAF_CAT_SALES;
    case FACTURES_URSSAF_BOX_SERVICES_BIC:
      return FACTURES_URSSAF_CAT_SERVICES_BIC;
    case FACTURES_URSSAF_BOX_FURNISHED_TOURISM:
      return FACTURES_URSSAF_CAT_FURNISHED_TOURISM;
    case FACTURES_URSSAF_BOX_SERVICES_BNC:
    case FACTURES_URSSAF_N_BOXES:
    default:
      return settings != NULL && settings->bnc_cipav ? FACTURES_URSSAF_CAT_BNC_CIPAV
                                                     : FACTURES_URSSAF_CAT_BNC_SSI;
    }
}

void
factures_urssaf_settings_init (FacturesUrssafSettings *settings)
{
  memset (settings, 0, sizeof *settings);
  g_date_clear (&settings->acre_until, 1);
  g_date_clear (&settings->creation, 1);
  settings->alert_low_percent = 80;
  settings->alert_high_percent = 95;
}

void
factures_urssaf_settings_clear (FacturesUrssafSettings *settings)
{
  g_clear_pointer (&settings->department, g_free);
  g_clear_pointer (&settings->account_bank, g_free);
  g_clear_pointer (&settings->account_cash, g_free);
  g_clear_pointer (&settings->account_goods, g_free);
  g_clear_pointer (&settings->account_services, g_free);
  g_clear_pointer (&settings->account_vat, g_free);
  g_clear_pointer (&settings->account_debours, g_free);
  g_clear_pointer (&settings->account_purchases, g_free);
  g_clear_pointer (&settings->account_suppliers, g_free);
}

const FacturesUrssafRate *
factures_urssaf_rate (guint                   year,
                      FacturesUrssafRateKind  kind,
                      FacturesUrssafCategory  category,
                      GError                **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (rates); i++)
    if (rates[i].kind == kind && rates[i].category == category
        && rates[i].year_from <= year && year <= rates[i].year_to)
      return &rates[i];

  /* A row with rate 0 says "none for that category"; no row at all is a gap. */
  g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
               _("Rates: the table has no %s rate for %u (%s); the declaration of that period "
                 "cannot be estimated."),
               factures_urssaf_rate_kind_label (kind), year, category_label (category));
  return NULL;
}

const char *
factures_threshold_label (FacturesThresholdKind kind)
{
  switch (kind)
    {
    case FACTURES_THRESHOLD_MICRO_SALES:
      return "Plafond du régime micro (ventes)";
    case FACTURES_THRESHOLD_MICRO_SERVICES:
      return "Plafond du régime micro (services)";
    case FACTURES_THRESHOLD_VAT_BASE_SALES:
      return "Seuil de franchise de TVA (ventes)";
    case FACTURES_THRESHOLD_VAT_BASE_SERVICES:
      return "Seuil de franchise de TVA (services)";
    case FACTURES_THRESHOLD_VAT_MAJOR_SALES:
      return "Seuil majoré de franchise de TVA (ventes)";
    case FACTURES_THRESHOLD_VAT_MAJOR_SERVICES:
      return "Seuil majoré de franchise de TVA (services)";
    case FACTURES_N_THRESHOLDS:
    default:
      return "";
    }
}

const FacturesThreshold *
factures_threshold_get (guint                  year,
                        FacturesThresholdKind  kind,
                        GError               **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (thresholds); i++)
    if (thresholds[i].kind == kind && thresholds[i].year_from <= year && year <= thresholds[i].year_to)
      return &thresholds[i];
  g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
               _("Thresholds: the table has no value of “%s” for %u."),
               factures_threshold_label (kind), year);
  return NULL;
}

gint64
factures_threshold_prorated (gint64       amount,
                             guint        year,
                             const GDate *creation)
{
  GDate jan1, dec31;
  gint days, active;

  if (creation == NULL || !g_date_valid (creation) || g_date_get_year (creation) != year)
    return amount;
  g_date_set_dmy (&jan1, 1, G_DATE_JANUARY, year);
  g_date_set_dmy (&dec31, 31, G_DATE_DECEMBER, year);
  days = factures_date_days_between (&jan1, &dec31) + 1;
  active = factures_date_days_between (creation, &dec31) + 1;
  return amount * active / days;
}

void
factures_threshold_crossing (GArray            *amounts,
                             guint              year,
                             gint64             threshold,
                             const GDate       *creation,
                             const GDate       *today,
                             FacturesCrossing  *out)
{
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (FacturesDatedAmount));
  GDate start, dec31, end;
  gint64 total = 0;
  gint elapsed, remaining_days;

  memset (out, 0, sizeof *out);
  g_date_clear (&out->date, 1);
  g_return_if_fail (threshold > 0);

  g_date_set_dmy (&start, 1, G_DATE_JANUARY, year);
  g_date_set_dmy (&dec31, 31, G_DATE_DECEMBER, year);
  if (creation != NULL && g_date_valid (creation) && g_date_compare (creation, &start) > 0)
    start = *creation;
  end = *today;
  if (g_date_compare (&end, &dec31) > 0)
    end = dec31;

  for (guint i = 0; i < amounts->len; i++)
    {
      const FacturesDatedAmount *a = &g_array_index (amounts, FacturesDatedAmount, i);

      if (g_date_get_year (&a->date) == year && g_date_compare (&a->date, &end) <= 0)
        g_array_append_val (sorted, *a);
    }
  g_array_sort (sorted, (GCompareFunc) g_date_compare);

  for (guint i = 0; i < sorted->len; i++)
    {
      const FacturesDatedAmount *a = &g_array_index (sorted, FacturesDatedAmount, i);

      total += a->amount;
      if (!out->crossed && total > threshold)
        {
          out->crossed = TRUE;
          out->date = a->date;
        }
    }
  out->total = total;
  /* Never wraps (fifth trial, finding 11): 0 to 99 999,9 %. */
  out->permille = (gint) CLAMP ((__int128) total * 1000 / threshold, 0, 999999);
  if (out->crossed || total <= 0 || g_date_compare (&end, &start) < 0)
    return;

  /* The pace: total / elapsed per day; the first day d (counted from start, 1-based) with
   * total × d / elapsed > threshold, that is d = threshold × elapsed / total + 1 (floor). */
  elapsed = factures_date_days_between (&start, &end) + 1;
  {
    gint64 d = threshold * elapsed / total + 1;
    GDate when = start;

    remaining_days = factures_date_days_between (&start, &dec31) + 1;
    if (d > remaining_days)
      return;
    g_date_add_days (&when, (guint) (d - 1));
    out->date = when;
  }
}

/* ---- the declaration ---- */

void
factures_urssaf_split (gint64        amount,
                       const gint64 *weights,
                       guint         n,
                       gint64       *out)
{
  gint64 sum = 0, given = 0, magnitude = amount < 0 ? -amount : amount;
  g_autofree gint64 *remainders = g_new0 (gint64, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    sum += MAX (weights[i], 0);
  for (guint i = 0; i < n; i++)
    {
      out[i] = 0;
      if (sum == 0)
        continue;
      {
        gint64 w = MAX (weights[i], 0);
#ifdef __SIZEOF_INT128__
        __int128 n128 = (__int128) magnitude * w;
        gint64 part = (gint64) (n128 / sum);

        remainders[i] = (gint64) (n128 % sum);
#else
        /* magnitude × w / sum = q × w + r × w / sum (exact while r × w fits) */
        gint64 q = magnitude / sum, r = magnitude % sum;
        gint64 part = q * w + (r * w) / sum;

        remainders[i] = (r * w) % sum;
#endif
        out[i] = part;
        given += part;
      }
    }
  /* Largest remainders get the cents left (ties to the first). */
  while (sum != 0 && given < magnitude)
    {
      guint best = 0;
      gint64 best_r = -1;

      for (guint i = 0; i < n; i++)
        if (weights[i] > 0 && remainders[i] > best_r)
          {
            best = i;
            best_r = remainders[i];
          }
      out[best]++;
      remainders[best] = -1;
      given++;
    }
  if (amount < 0)
    for (guint i = 0; i < n; i++)
      out[i] = -out[i];
}

gint64
factures_urssaf_round_euros (gint64 cents)
{
  if (cents >= 0)
    return (cents + 50) / 100;
  return -((-cents + 50) / 100);
}

static gint64
apply_rate (gint64 base_cents, gint rate_ppm)
{
  /* half away from zero, to the cent */
  gint64 n = base_cents * rate_ppm;

  return n >= 0 ? (n + 500000) / 1000000 : -((-n + 500000) / 1000000);
}

gboolean
factures_urssaf_period_parse (const char            *text,
                              const GDate           *today,
                              FacturesUrssafPeriod  *out,
                              GError               **error)
{
  guint year = 0, n = 0;
  char sep = 0, tail = 0;

  memset (out, 0, sizeof *out);
  g_date_clear (&out->first, 1);
  g_date_clear (&out->last, 1);
  if (text != NULL && sscanf (text, "%4u-%c%u%c", &year, &sep, &n, &tail) == 3
      && (sep == 'Q' || sep == 'q' || sep == 'T' || sep == 't') && n >= 1 && n <= 4
      && year >= 2000 && year <= 2999)
    {
      out->quarter = n;
      g_date_set_dmy (&out->first, 1, (GDateMonth) (3 * n - 2), year);
      g_date_set_dmy (&out->last, 1, (GDateMonth) (3 * n), year);
    }
  else if (text != NULL && sscanf (text, "%4u-%u%c", &year, &n, &tail) == 2 && n >= 1 && n <= 12
           && strlen (text) == 7 && year >= 2000 && year <= 2999)
    {
      out->month = n;
      g_date_set_dmy (&out->first, 1, (GDateMonth) n, year);
      g_date_set_dmy (&out->last, 1, (GDateMonth) n, year);
    }
  if (year < 2000 || year > 2999 || !g_date_valid (&out->first))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Period: “%s” is neither a month (2026-11) nor a quarter (2026-Q4)."),
                   text != NULL ? text : "");
      return FALSE;
    }
  out->year = year;
  g_date_set_day (&out->last, g_date_get_days_in_month (g_date_get_month (&out->last), year));
  if (today != NULL && g_date_compare (&out->first, today) > 0)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Period: %s is in the future."), text);
      return FALSE;
    }
  return TRUE;
}

static const char *const month_names[] = {
  "", "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
  "octobre", "novembre", "décembre"
};

/* "de novembre 2026", "d’avril 2026" */
static char *
of_month (guint month, guint year)
{
  const char *name = month_names[month];

  return g_strdup_printf ("%s%s %u", (name[0] == 'a' || name[0] == 'o') ? "d’" : "de ", name, year);
}

char *
factures_urssaf_period_label (const FacturesUrssafPeriod *period)
{
  if (period->quarter != 0)
    return g_strdup_printf ("%u%s trimestre %u", period->quarter, period->quarter == 1 ? "er" : "e",
                            period->year);
  return g_strdup_printf ("%s %u", month_names[period->month], period->year);
}

char *
factures_urssaf_period_key (const FacturesUrssafPeriod *period)
{
  if (period->quarter != 0)
    return g_strdup_printf ("%u-Q%u", period->year, period->quarter);
  return g_strdup_printf ("%u-%02u", period->year, period->month);
}

void
factures_urssaf_declaration_free (FacturesUrssafDeclaration *declaration)
{
  if (declaration == NULL)
    return;
  g_clear_pointer (&declaration->charges, g_array_unref);
  g_free (declaration);
}

static gboolean
add_charge (FacturesUrssafDeclaration *d,
            FacturesUrssafBox          box,
            FacturesUrssafRateKind     kind,
            FacturesUrssafCategory     category,
            gint64                     base_cents,
            GError                   **error)
{
  const FacturesUrssafRate *rate = factures_urssaf_rate (d->period.year, kind, category, error);
  FacturesUrssafCharge charge = { box, kind, d->declared[box], rate, 0 };

  if (rate == NULL)
    {
      g_autofree char *label = factures_urssaf_period_label (&d->period);

      g_prefix_error (error, _("Period %s: "), label);
      return FALSE;
    }
  if (rate->rate_ppm == 0)
    return TRUE;
  charge.amount = apply_rate (base_cents, rate->rate_ppm);
  if (kind == FACTURES_URSSAF_RATE_ACRE)
    charge.amount = -charge.amount;
  d->to_confirm |= rate->to_confirm;
  d->total += charge.amount;
  g_array_append_val (d->charges, charge);
  return TRUE;
}

FacturesUrssafDeclaration *
factures_urssaf_declaration_compute (const FacturesUrssafPeriod   *period,
                                     const gint64                 *cash,
                                     const FacturesUrssafSettings *settings,
                                     GError                      **error)
{
  g_autoptr(FacturesUrssafDeclaration) d = g_new0 (FacturesUrssafDeclaration, 1);
  gboolean acre;

  d->period = *period;
  d->charges = g_array_new (FALSE, FALSE, sizeof (FacturesUrssafCharge));
  acre = g_date_valid (&settings->acre_until) && g_date_compare (&period->first, &settings->acre_until) <= 0;

  for (guint b = 0; b < FACTURES_URSSAF_N_BOXES; b++)
    {
      FacturesUrssafCategory category = factures_urssaf_category_of_box (b, settings);
      gint64 base;

      d->cash[b] = cash[b];
      d->declared[b] = MAX (factures_urssaf_round_euros (cash[b]), 0);
      base = d->declared[b] * 100;
      if (d->declared[b] == 0)
        continue;

      if (!add_charge (d, b, FACTURES_URSSAF_RATE_COTISATIONS, category, base, error))
        return NULL;
      if (acre)
        {
          const FacturesUrssafCharge *cot = &g_array_index (d->charges, FacturesUrssafCharge,
                                                            d->charges->len - 1);
          gint64 cotisations_cents = cot->kind == FACTURES_URSSAF_RATE_COTISATIONS ? cot->amount : 0;

          if (!add_charge (d, b, FACTURES_URSSAF_RATE_ACRE, category, cotisations_cents, error))
            return NULL;
        }
      if (!add_charge (d, b,
                       b == FACTURES_URSSAF_BOX_SERVICES_BIC && settings->chamber == FACTURES_URSSAF_CHAMBER_CMA
                       ? FACTURES_URSSAF_RATE_CFP_ARTISAN : FACTURES_URSSAF_RATE_CFP,
                       category, base, error))
        return NULL;
      if (settings->chamber != FACTURES_URSSAF_CHAMBER_NONE
          && (b == FACTURES_URSSAF_BOX_SALES || b == FACTURES_URSSAF_BOX_SERVICES_BIC)
          && !add_charge (d, b,
                          settings->chamber == FACTURES_URSSAF_CHAMBER_CMA ? FACTURES_URSSAF_RATE_CMA
                                                                           : FACTURES_URSSAF_RATE_CCI,
                          category, base, error))
        return NULL;
      if (settings->versement_liberatoire
          && !add_charge (d, b, FACTURES_URSSAF_RATE_VL, category, base, error))
        return NULL;
    }
  /* Nothing to declare: the period must still have rates (a gap is an error, whatever the
   * amounts), checked on the services box of the user's fund. */
  if (d->charges->len == 0)
    {
      FacturesUrssafCategory category = factures_urssaf_category_of_box (FACTURES_URSSAF_BOX_SERVICES_BNC, settings);

      if (factures_urssaf_rate (period->year, FACTURES_URSSAF_RATE_COTISATIONS, category, NULL) == NULL)
        {
          add_charge (d, FACTURES_URSSAF_BOX_SERVICES_BNC, FACTURES_URSSAF_RATE_COTISATIONS, category, 0, error);
          return NULL;
        }
    }
  return g_steal_pointer (&d);
}

/* ---- the calendar ---- */

static void
easter (guint year, GDate *out)
{
  /* Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
  guint a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  guint f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  guint i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  guint m = (a + 11 * h + 22 * l) / 451;
  guint month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

gboolean
factures_date_is_holiday (const GDate *date)
{
  static const guint fixed[][2] = {
    { 1, 1 }, { 1, 5 }, { 8, 5 }, { 14, 7 }, { 15, 8 }, { 1, 11 }, { 11, 11 }, { 25, 12 },
  };
  guint day = g_date_get_day (date), month = g_date_get_month (date);
  GDate e;
  gint offset;

  for (gsize i = 0; i < G_N_ELEMENTS (fixed); i++)
    if (fixed[i][0] == day && fixed[i][1] == month)
      return TRUE;
  easter (g_date_get_year (date), &e);
  offset = factures_date_days_between (&e, date);
  /* Easter Monday, Ascension Thursday, Whit Monday */
  return offset == 1 || offset == 39 || offset == 50;
}

void
factures_date_next_working (GDate *date)
{
  while (g_date_get_weekday (date) == G_DATE_SATURDAY || g_date_get_weekday (date) == G_DATE_SUNDAY
         || factures_date_is_holiday (date))
    g_date_add_days (date, 1);
}

void
factures_deadline_free (FacturesDeadline *deadline)
{
  if (deadline == NULL)
    return;
  g_free (deadline->what);
  g_free (deadline);
}

const char *
factures_deadline_kind_key (FacturesDeadlineKind kind)
{
  switch (kind)
    {
    case FACTURES_DEADLINE_URSSAF:      return "urssaf";
    case FACTURES_DEADLINE_PERIODICITY: return "periodicity";
    case FACTURES_DEADLINE_VL_OPTION:   return "vl-option";
    case FACTURES_DEADLINE_INCOME_TAX:  return "income-tax";
    case FACTURES_DEADLINE_CFE:         return "cfe";
    case FACTURES_DEADLINE_DES:         return "des";
    case FACTURES_DEADLINE_VAT:         return "vat";
    case FACTURES_DEADLINE_EREPORTING:  return "ereporting";
    default:                            return "other";
    }
}

/* The sources the to-do queue shows in a deadline's tooltip (finding T12): public references
 * a user can open, not the project's notes (where they are detailed: LEGAL-2.md §1, §5,
 * LEGAL.md §6, PA.md §3). */
#define SRC_CAL_URSSAF      "autoentrepreneur.urssaf.fr, calendrier des déclarations et paiements"
#define SRC_CAL_DES         "CGI art. 289 B III ; douane.gouv.fr, déclaration européenne de services"
#define SRC_CAL_VL          "CGI art. 151-0 ; impots.gouv.fr, versement libératoire (option au 30 septembre)"
#define SRC_CAL_PERIODICITY "autoentrepreneur.urssaf.fr, changer la périodicité de déclaration (avant le 31 octobre)"
#define SRC_CAL_INCOME_TAX  "impots.gouv.fr, calendrier de la déclaration des revenus (dates de l’an passé, à confirmer)"
#define SRC_CAL_CFE         "CGI art. 1447 ; impots.gouv.fr, cotisation foncière des entreprises"
#define SRC_CAL_EREPORTING  "impots.gouv.fr, facturation électronique ; DGFiP, spécifications externes v3.2, calendrier de l’e-reporting"

static void
add_deadline (GPtrArray            *list,
              const GDate          *from,
              const GDate          *to,
              const GDate          *date,
              FacturesDeadlineKind  kind,
              gboolean              to_confirm,
              const char           *source,
              char                 *what)
{
  FacturesDeadline *d;

  if (g_date_compare (date, from) < 0 || g_date_compare (date, to) > 0)
    {
      g_free (what);
      return;
    }
  d = g_new0 (FacturesDeadline, 1);
  d->date = *date;
  d->kind = kind;
  d->what = what;
  d->to_confirm = to_confirm;
  d->source = source;
  g_ptr_array_add (list, d);
}

static gint
compare_deadlines (gconstpointer a, gconstpointer b)
{
  const FacturesDeadline *da = *(FacturesDeadline * const *) a;
  const FacturesDeadline *db = *(FacturesDeadline * const *) b;
  gint c = g_date_compare (&da->date, &db->date);

  return c != 0 ? c : (gint) da->kind - (gint) db->kind;
}

/* The 2025 online deadline of the income-tax return by département (upday.com ;
 * simuler-impots.fr: 22 May 01–19, 28 May 20–54, 5 June 55–976), for any year: to confirm. */
static void
income_tax_date (guint year, const char *department, GDate *out)
{
  g_date_clear (out, 1);
  if (department == NULL || *department == '\0')
    {
      g_date_set_dmy (out, 20, G_DATE_MAY, year);   /* the paper return */
      return;
    }
  if (g_ascii_isdigit (department[0]) && g_ascii_isdigit (department[1])
      && (department[0] - '0') * 10 + (department[1] - '0') <= 19 && department[2] == '\0')
    g_date_set_dmy (out, 22, G_DATE_MAY, year);
  else if (department[0] == '2' && (department[1] == 'A' || department[1] == 'B' || department[1] == 'a'
                                    || department[1] == 'b'))
    g_date_set_dmy (out, 28, G_DATE_MAY, year);
  else if (strlen (department) == 2 && atoi (department) <= 54)
    g_date_set_dmy (out, 28, G_DATE_MAY, year);
  else
    g_date_set_dmy (out, 5, G_DATE_JUNE, year);
}

GPtrArray *
factures_tax_calendar (const GDate                  *from,
                       const GDate                  *to,
                       const FacturesUrssafSettings *settings,
                       const gint64                 *income_boxes,
                       guint64                       des_months)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_deadline_free);
  guint first_year = g_date_get_year (from), last_year = g_date_get_year (to);

  /* Periods that end in the year before @from can still fall due in it. */
  for (guint year = first_year - 1; year <= last_year; year++)
    {
      GDate d;

      g_date_clear (&d, 1);
      if (settings->quarterly)
        for (guint q = 1; q <= 4; q++)
          {
            /* Quarter q is due at the end of the month after it. */
            guint month = 3 * q + 1, y = year;

            if (month > 12)
              {
                month -= 12;
                y++;
              }
            g_date_set_dmy (&d, 1, (GDateMonth) month, y);
            g_date_set_day (&d, g_date_get_days_in_month ((GDateMonth) month, y));
            factures_date_next_working (&d);
            add_deadline (list, from, to, &d, FACTURES_DEADLINE_URSSAF, FALSE,
                          SRC_CAL_URSSAF,
                          g_strdup_printf ("Déclaration URSSAF du %u%s trimestre %u et paiement",
                                           q, q == 1 ? "er" : "e", year));
          }
      else
        for (guint m = 1; m <= 12; m++)
          {
            guint month = m + 1, y = year;

            if (month > 12)
              {
                month = 1;
                y++;
              }
            g_date_set_dmy (&d, 1, (GDateMonth) month, y);
            g_date_set_day (&d, g_date_get_days_in_month ((GDateMonth) month, y));
            factures_date_next_working (&d);
            {
              g_autofree char *of = of_month (m, year);

              add_deadline (list, from, to, &d, FACTURES_DEADLINE_URSSAF, FALSE,
                            SRC_CAL_URSSAF,
                            g_strdup_printf ("Déclaration URSSAF %s et paiement", of));
            }
          }

      for (guint m = 1; m <= 12; m++)
        {
          guint bit = (year - (first_year - 1)) * 12 + m - 1, month = m + 1, y = year, working = 0;

          if (bit >= 64 || !(des_months & ((guint64) 1 << bit)))
            continue;
          if (month > 12)
            {
              month = 1;
              y++;
            }
          /* DES (vat-bi-des): the 10th jour ouvrable of M+1 (art. 289 B III CGI): every day but
           * Sundays and public holidays, Saturdays included, as the customs' DEB/DES calendar counts
           * them (2018: 12 January, 15 May, Saturday 11 August; cgocean.com, LEGAL-2.md §5). */
          g_date_set_dmy (&d, 1, (GDateMonth) month, y);
          for (;;)
            {
              while (g_date_get_weekday (&d) == G_DATE_SUNDAY || factures_date_is_holiday (&d))
                g_date_add_days (&d, 1);
              if (++working == 10)
                break;
              g_date_add_days (&d, 1);
            }
          {
            g_autofree char *of = of_month (m, year);

            add_deadline (list, from, to, &d, FACTURES_DEADLINE_DES, FALSE,
                          SRC_CAL_DES,
                          g_strdup_printf ("Déclaration européenne de services (DES) %s", of));
          }
        }

      /* todo (issue 17 item 4): the VAT returns of a VAT-registered user (CGI art. 287; the
       * day of each return is set by the SIE between the 15th and the 24th: to confirm) */
      if (settings->vat_return == FACTURES_VAT_RETURN_CA3_MONTHLY
          || settings->vat_return == FACTURES_VAT_RETURN_CA3_QUARTERLY)
        for (guint m = 1; m <= 12; m++)
          {
            gboolean quarterly = settings->vat_return == FACTURES_VAT_RETURN_CA3_QUARTERLY;
            guint month = m + 1, y = year;

            if (quarterly && m % 3 != 0)
              continue;
            if (month > 12)
              {
                month = 1;
                y++;
              }
            g_date_set_dmy (&d, 15, (GDateMonth) month, y);
            factures_date_next_working (&d);
            if (quarterly)
              add_deadline (list, from, to, &d, FACTURES_DEADLINE_VAT, TRUE,
                            "CGI art. 287 ; impots.gouv.fr (à confirmer)",
                            g_strdup_printf ("Déclaration de TVA CA3 du %u%s trimestre %u et paiement",
                                             m / 3, m == 3 ? "er" : "e", year));
            else
              {
                g_autofree char *of = of_month (m, year);

                add_deadline (list, from, to, &d, FACTURES_DEADLINE_VAT, TRUE,
                              "CGI art. 287 ; impots.gouv.fr (à confirmer)",
                              g_strdup_printf ("Déclaration de TVA CA3 %s et paiement", of));
              }
          }
      else if (settings->vat_return == FACTURES_VAT_RETURN_CA12)
        {
          /* the annual return of @year: the second working day after 1 May of the next year */
          g_date_set_dmy (&d, 2, G_DATE_MAY, year + 1);
          factures_date_next_working (&d);
          g_date_add_days (&d, 1);
          factures_date_next_working (&d);
          add_deadline (list, from, to, &d, FACTURES_DEADLINE_VAT, TRUE,
                        "CGI art. 287-3 ; impots.gouv.fr (à confirmer)",
                        g_strdup_printf ("Déclaration annuelle de TVA CA12 %u et solde", year));
          g_date_set_dmy (&d, 15, G_DATE_JULY, year);
          factures_date_next_working (&d);
          add_deadline (list, from, to, &d, FACTURES_DEADLINE_VAT, TRUE,
                        "CGI art. 1692 ; impots.gouv.fr (à confirmer)",
                        g_strdup_printf ("Acompte de TVA de juillet %u (55 %% de la TVA de %u)", year, year - 1));
          g_date_set_dmy (&d, 15, G_DATE_DECEMBER, year);
          factures_date_next_working (&d);
          add_deadline (list, from, to, &d, FACTURES_DEADLINE_VAT, TRUE,
                        "CGI art. 1692 ; impots.gouv.fr (à confirmer)",
                        g_strdup_printf ("Acompte de TVA de décembre %u (40 %% de la TVA de %u)", year, year - 1));
        }

      if (year < first_year)
        continue;

      g_date_set_dmy (&d, 30, G_DATE_SEPTEMBER, year);
      add_deadline (list, from, to, &d, FACTURES_DEADLINE_VL_OPTION, FALSE,
                    SRC_CAL_VL,
                    g_strdup_printf (settings->versement_liberatoire
                                     ? "Dernier jour pour renoncer au versement libératoire pour %u"
                                     : "Dernier jour pour opter pour le versement libératoire pour %u",
                                     year + 1));
      g_date_set_dmy (&d, 31, G_DATE_OCTOBER, year);
      add_deadline (list, from, to, &d, FACTURES_DEADLINE_PERIODICITY, FALSE,
                    SRC_CAL_PERIODICITY,
                    g_strdup_printf (settings->quarterly
                                     ? "Dernier jour pour passer à la déclaration URSSAF mensuelle en %u"
                                     : "Dernier jour pour passer à la déclaration URSSAF trimestrielle en %u",
                                     year + 1));

      income_tax_date (year, settings->department, &d);
      {
        GString *what = g_string_new (NULL);

        g_string_append_printf (what, "Déclaration de revenus %u (2042 et 2042-C-PRO)", year - 1);
        if (settings->department == NULL || *settings->department == '\0')
          g_string_append (what, " : papier ; en ligne du 22 mai au 5 juin selon le département");
        if (income_boxes != NULL)
          {
            static const char *const plain[] = { "5KO", "5KP", "5HQ", NULL };
            static const char *const vl[] = { "5TA", "5TB", "5TE", NULL };
            const char *const *boxes = settings->versement_liberatoire ? vl : plain;

            for (guint b = 0; b < 3; b++)
              if (income_boxes[b] != 0)
                g_string_append_printf (what, " ; case %s : %" G_GINT64_FORMAT " €", boxes[b],
                                        income_boxes[b]);
            if (income_boxes[FACTURES_URSSAF_BOX_FURNISHED_TOURISM] != 0)
              g_string_append_printf (what, " ; meublés de tourisme classés : %" G_GINT64_FORMAT
                                      " € (case à confirmer)",
                                      income_boxes[FACTURES_URSSAF_BOX_FURNISHED_TOURISM]);
          }
        add_deadline (list, from, to, &d, FACTURES_DEADLINE_INCOME_TAX, TRUE,
                      SRC_CAL_INCOME_TAX,
                      g_string_free (what, FALSE));
      }

      if (!g_date_valid (&settings->creation) || g_date_get_year (&settings->creation) < year)
        {
          g_date_set_dmy (&d, 15, G_DATE_DECEMBER, year);
          add_deadline (list, from, to, &d, FACTURES_DEADLINE_CFE, FALSE,
                        SRC_CAL_CFE,
                        g_strdup_printf ("Cotisation foncière des entreprises (CFE) %u", year));
        }

    }

  /* Issue 15 item 2: the e-reporting (Flux 10) of every period that falls due in the range,
   * from the first period of September 2027 (PA.md §3, DGFiP Tableau 13). */
  {
    FacturesEreportingPeriod period;
    GDate first;

    g_date_clear (&first, 1);
    g_date_set_dmy (&first, 1, FACTURES_EREPORTING_FIRST_MONTH, FACTURES_EREPORTING_FIRST_YEAR);
    factures_ereporting_period_containing (settings->ereporting, &first, &period);
    while (g_date_compare (&period.due, to) <= 0)
      {
        if (g_date_compare (&period.due, from) >= 0)
          {
            g_autofree char *label = factures_ereporting_period_label (&period);

            add_deadline (list, from, to, &period.due, FACTURES_DEADLINE_EREPORTING,
                          period.periodicity == FACTURES_EREPORTING_DECADAL,
                          SRC_CAL_EREPORTING,
                          g_strdup_printf ("E-reporting %s à la plateforme agréée (ventes aux "
                                           "particuliers et à l’international, et leurs paiements)",
                                           label));
          }
        factures_ereporting_period_next (&period, &period);
      }
  }
  g_ptr_array_sort (list, compare_deadlines);
  return list;
}

/* ---- e-reporting periods (issue 15 item 2) ---- */

static void
ereporting_set_due (FacturesEreportingPeriod *p)
{
  p->due = p->end;
  if (p->periodicity == FACTURES_EREPORTING_DECADAL)
    {
      g_date_add_days (&p->due, 10);   /* to confirm */
      return;
    }
  g_date_set_day (&p->due, 1);
  g_date_add_months (&p->due, 1);
  g_date_set_day (&p->due, g_date_get_days_in_month (g_date_get_month (&p->due),
                                                     g_date_get_year (&p->due)));
}

void
factures_ereporting_period_containing (FacturesEreportingPeriodicity  periodicity,
                                       const GDate                   *day,
                                       FacturesEreportingPeriod      *out)
{
  guint year = g_date_get_year (day), month = g_date_get_month (day), d = g_date_get_day (day);

  g_date_clear (&out->start, 1);
  g_date_clear (&out->end, 1);
  out->periodicity = periodicity;
  switch (periodicity)
    {
    case FACTURES_EREPORTING_DECADAL:
      {
        guint first = d <= 10 ? 1 : d <= 20 ? 11 : 21;

        g_date_set_dmy (&out->start, (GDateDay) first, (GDateMonth) month, (GDateYear) year);
        g_date_set_dmy (&out->end, (GDateDay) (first == 21 ? g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year)
                                               : first + 9),
                        (GDateMonth) month, (GDateYear) year);
      }
      break;
    case FACTURES_EREPORTING_MONTHLY:
      g_date_set_dmy (&out->start, 1, (GDateMonth) month, (GDateYear) year);
      g_date_set_dmy (&out->end, g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year),
                      (GDateMonth) month, (GDateYear) year);
      break;
    case FACTURES_EREPORTING_BIMONTHLY:
    default:
      out->periodicity = FACTURES_EREPORTING_BIMONTHLY;
      month = month % 2 == 1 ? month : month - 1;   /* January, March, … November */
      g_date_set_dmy (&out->start, 1, (GDateMonth) month, (GDateYear) year);
      g_date_set_dmy (&out->end, g_date_get_days_in_month ((GDateMonth) (month + 1), (GDateYear) year),
                      (GDateMonth) (month + 1), (GDateYear) year);
      break;
    }
  ereporting_set_due (out);
}

void
factures_ereporting_period_next (const FacturesEreportingPeriod *period,
                                 FacturesEreportingPeriod       *out)
{
  GDate day = period->end;

  g_date_add_days (&day, 1);
  factures_ereporting_period_containing (period->periodicity, &day, out);
}

char *
factures_ereporting_period_label (const FacturesEreportingPeriod *period)
{
  guint year = g_date_get_year (&period->start), month = g_date_get_month (&period->start);

  switch (period->periodicity)
    {
    case FACTURES_EREPORTING_DECADAL:
      return g_strdup_printf ("%u%s–%u %s %u", g_date_get_day (&period->start),
                              g_date_get_day (&period->start) == 1 ? "er" : "",
                              g_date_get_day (&period->end), month_names[month], year);
    case FACTURES_EREPORTING_MONTHLY:
      return g_strdup_printf ("%s %u", month_names[month], year);
    case FACTURES_EREPORTING_BIMONTHLY:
    default:
      return g_strdup_printf ("%s–%s %u", month_names[month], month_names[month + 1], year);
    }
}

const char *
factures_ereporting_periodicity_label (FacturesEreportingPeriodicity periodicity)
{
  switch (periodicity)
    {
    case FACTURES_EREPORTING_MONTHLY:
      return _("monthly");
    case FACTURES_EREPORTING_DECADAL:
      return _("every ten days");
    case FACTURES_EREPORTING_BIMONTHLY:
    default:
      return _("every two months");
    }
}

/* ---- FEC ---- */

void
factures_fec_accounts_init (FacturesFecAccounts *accounts)
{
  accounts->bank = "512";
  accounts->cash = "53";
  accounts->goods = "707";
  accounts->services = "706";
  accounts->vat = "44571";
  accounts->debours = "467";
  accounts->purchases = "607";
  accounts->suppliers = "401";
}

void
factures_fec_accounts_from_settings (FacturesFecAccounts          *accounts,
                                     const FacturesUrssafSettings *settings)
{
  factures_fec_accounts_init (accounts);
  if (settings->account_bank != NULL)
    accounts->bank = settings->account_bank;
  if (settings->account_cash != NULL)
    accounts->cash = settings->account_cash;
  if (settings->account_goods != NULL)
    accounts->goods = settings->account_goods;
  if (settings->account_services != NULL)
    accounts->services = settings->account_services;
  if (settings->account_vat != NULL)
    accounts->vat = settings->account_vat;
  if (settings->account_debours != NULL)
    accounts->debours = settings->account_debours;
  if (settings->account_purchases != NULL)
    accounts->purchases = settings->account_purchases;
  if (settings->account_suppliers != NULL)
    accounts->suppliers = settings->account_suppliers;
}

static void
fec_amount (GString *out, gint64 cents)
{
  g_string_append_printf (out, "%" G_GINT64_FORMAT ",%02d", cents / 100, (int) (cents % 100));
}

static void
fec_text (GString *out, const char *text)
{
  for (const char *p = text != NULL ? text : ""; *p; p++)
    g_string_append_c (out, (*p == '\t' || *p == '\r' || *p == '\n') ? ' ' : *p);
}

static void
fec_line (GString           *out,
          const char        *journal,
          guint              number,
          const GDate       *date,
          const char        *account,
          const char        *account_label,
          const char        *piece,
          const char        *label,
          gint64             debit,
          gint64             credit,
          const GDate       *validated)
{
  char ymd[16], valid[16];

  g_date_strftime (ymd, sizeof ymd, "%Y%m%d", date);
  g_date_strftime (valid, sizeof valid, "%Y%m%d", validated);
  g_string_append_printf (out, "%s\t%s\t%u\t%s\t%s\t%s\t\t\t", journal,
                          g_strcmp0 (journal, "AC") == 0 ? "Achats" : "Banque", number, ymd, account, account_label);
  fec_text (out, piece);
  g_string_append_printf (out, "\t%s\t", ymd);
  fec_text (out, label);
  g_string_append_c (out, '\t');
  fec_amount (out, debit);
  g_string_append_c (out, '\t');
  fec_amount (out, credit);
  g_string_append_printf (out, "\t\t\t%s\t\t\r\n", valid);
}

/* One receipt's entry, numbered @number; FALSE when it does not balance. */
static gboolean
fec_receipt (GString                   *out,
             const FacturesFecReceipt  *r,
             guint                      number,
             const FacturesFecAccounts *accounts,
             const GDate               *validated,
             GError                   **error)
{
  gint64 sum = r->vat + r->debours;
  gboolean negative = r->amount < 0;
  struct { const char *account, *label; gint64 amount; } parts[FACTURES_URSSAF_N_BOXES + 2];

  for (guint b = 0; b < FACTURES_URSSAF_N_BOXES; b++)
    {
      sum += r->box[b];
      parts[b].account = factures_urssaf_box_is_sales (b) ? accounts->goods : accounts->services;
      parts[b].label = factures_urssaf_box_is_sales (b) ? "Ventes de marchandises" : "Prestations de services";
      parts[b].amount = r->box[b];
    }
  parts[FACTURES_URSSAF_N_BOXES].account = accounts->vat;
  parts[FACTURES_URSSAF_N_BOXES].label = "TVA collectée";
  parts[FACTURES_URSSAF_N_BOXES].amount = r->vat;
  parts[FACTURES_URSSAF_N_BOXES + 1].account = accounts->debours;
  parts[FACTURES_URSSAF_N_BOXES + 1].label = "Débours";
  parts[FACTURES_URSSAF_N_BOXES + 1].amount = r->debours;
  if (sum != r->amount)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("FEC: the entry of the receipt %s does not balance."), r->reference);
      return FALSE;
    }

  fec_line (out, "BQ", number, &r->date, r->cash_method ? accounts->cash : accounts->bank,
            r->cash_method ? "Caisse" : "Banque", r->reference, r->label,
            negative ? 0 : r->amount, negative ? -r->amount : 0, validated);
  for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
    {
      gint64 a = parts[p].amount;

      if (a == 0)
        continue;
      /* Two boxes on the same account are kept apart (one line per activity). */
      fec_line (out, "BQ", number, &r->date, parts[p].account, parts[p].label, r->reference, r->label,
                a < 0 ? -a : 0, a > 0 ? a : 0, validated);
    }
  return TRUE;
}

/* A purchase payment: the purchase in journal AC (607 debit, 401 credit) as entry @number, its
 * payment in journal BQ (401 debit, 512 or 53 credit) as @number + 1; the other way round for a
 * reversal. */
static void
fec_purchase (GString                   *out,
              const FacturesFecPurchase *p,
              guint                      number,
              const FacturesFecAccounts *accounts,
              const GDate               *validated)
{
  gint64 debit = p->amount > 0 ? p->amount : 0;
  gint64 credit = p->amount < 0 ? -p->amount : 0;

  fec_line (out, "AC", number, &p->date, accounts->purchases, "Achats", p->reference, p->label,
            debit, credit, validated);
  fec_line (out, "AC", number, &p->date, accounts->suppliers, "Fournisseurs", p->reference, p->label,
            credit, debit, validated);
  fec_line (out, "BQ", number + 1, &p->date, accounts->suppliers, "Fournisseurs", p->reference, p->label,
            debit, credit, validated);
  fec_line (out, "BQ", number + 1, &p->date, p->cash_method ? accounts->cash : accounts->bank,
            p->cash_method ? "Caisse" : "Banque", p->reference, p->label, credit, debit, validated);
}

#define FEC_HEADER "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\t" \
                   "CompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\t" \
                   "EcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise\r\n"

/**
 * factures_fec_write_all:
 * (see factures-urssaf.h)
 */
char *
factures_fec_write_all (GArray                    *receipts,
                        GArray                    *purchases,
                        const FacturesFecAccounts *accounts,
                        const GDate               *validated,
                        GError                   **error)
{
  GString *out = g_string_new (FEC_HEADER);
  guint r = 0, p = 0, number = 1;
  guint n_receipts = receipts != NULL ? receipts->len : 0;
  guint n_purchases = purchases != NULL ? purchases->len : 0;

  /* Merged by date: on the same day, receipts first (each list is in date order). */
  while (r < n_receipts || p < n_purchases)
    {
      const FacturesFecReceipt *rr = r < n_receipts ? &g_array_index (receipts, FacturesFecReceipt, r) : NULL;
      const FacturesFecPurchase *pp = p < n_purchases ? &g_array_index (purchases, FacturesFecPurchase, p) : NULL;

      if (rr != NULL && (pp == NULL || g_date_compare (&rr->date, &pp->date) <= 0))
        {
          if (!fec_receipt (out, rr, number, accounts, validated, error))
            {
              g_string_free (out, TRUE);
              return NULL;
            }
          number++;
          r++;
        }
      else
        {
          if (pp->amount == 0)
            {
              g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("FEC: the purchase payment %s has no amount."), pp->reference);
              g_string_free (out, TRUE);
              return NULL;
            }
          fec_purchase (out, pp, number, accounts, validated);
          number += 2;
          p++;
        }
    }
  return g_string_free (out, FALSE);
}

char *
factures_fec_write (GArray                    *receipts,
                    const FacturesFecAccounts *accounts,
                    const GDate               *validated,
                    GError                   **error)
{
  return factures_fec_write_all (receipts, NULL, accounts, validated, error);
}
