/* factures-urssaf.h — the micro-entrepreneur's year (issue 17): URSSAF boxes, contribution
 * rates, ceilings and VAT franchise thresholds as dated data, the declaration and its estimate,
 * the crossing of a threshold, the tax calendar and the FEC layout
 *
 * Facts and sources: ../shared/reference/LEGAL-2.md §3 (declarations, rates 2026, ceilings,
 * franchise thresholds), §5 (calendar), LEGAL.md §6. Rates, ceilings and thresholds change every
 * year: they are rows of a table (years, value, source, "to confirm" flag) in factures-urssaf.c,
 * never constants in the code that uses them. A value marked "(to confirm)" in the references
 * carries @to_confirm, and whoever shows it shows the caveat.
 *
 * Money is gint64 cents. Contribution rates are in parts per million of the declared turnover
 * (ppm: 12.3 % = 123000), because chamber rates go below a basis point (CCI 0.015 %).
 *
 * Everything here is pure (no I/O).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "factures-vat.h"

G_BEGIN_DECLS

/**
 * FacturesUrssafBox:
 * @FACTURES_URSSAF_BOX_SALES: ventes de marchandises et hébergement (BIC)
 * @FACTURES_URSSAF_BOX_SERVICES_BIC: prestations de services commerciales ou artisanales (BIC)
 * @FACTURES_URSSAF_BOX_SERVICES_BNC: autres prestations de services, professions libérales
 *   (BNC; SSI or CIPAV as the settings say)
 * @FACTURES_URSSAF_BOX_FURNISHED_TOURISM: locations de meublés de tourisme classés
 *
 * The boxes of the URSSAF declaration (LEGAL-2.md §3: a mixed activity is split).
 */
typedef enum {
  FACTURES_URSSAF_BOX_SALES,
  FACTURES_URSSAF_BOX_SERVICES_BIC,
  FACTURES_URSSAF_BOX_SERVICES_BNC,
  FACTURES_URSSAF_BOX_FURNISHED_TOURISM,
  FACTURES_URSSAF_N_BOXES
} FacturesUrssafBox;

/* The box of a line's activity (DEFAULT must have been resolved: it gives SERVICES_BNC). */
FacturesUrssafBox factures_urssaf_box_of_activity (FacturesLineActivity activity);
/* "Ventes de marchandises (BIC)", … French, static (the words of the URSSAF form). */
const char       *factures_urssaf_box_label       (FacturesUrssafBox box);
/* TRUE for the boxes whose turnover counts against the sales ceilings (sales, classified
 * furnished tourist lets); FALSE for the services ones. */
gboolean          factures_urssaf_box_is_sales    (FacturesUrssafBox box);

/**
 * FacturesUrssafChamber:
 * @FACTURES_URSSAF_CHAMBER_NONE: no chamber tax (libéral, Alsace-Moselle not handled)
 * @FACTURES_URSSAF_CHAMBER_CCI: registered trader (chambre de commerce et d'industrie)
 * @FACTURES_URSSAF_CHAMBER_CMA: registered craftsman (chambre de métiers et de l'artisanat);
 *   the CFP of BIC services is then the artisan's (0.3 %)
 */
typedef enum {
  FACTURES_URSSAF_CHAMBER_NONE = 0,
  FACTURES_URSSAF_CHAMBER_CCI  = 1,
  FACTURES_URSSAF_CHAMBER_CMA  = 2,
} FacturesUrssafChamber;

/**
 * FacturesEreportingPeriodicity:
 * @FACTURES_EREPORTING_BIMONTHLY: two calendar months starting 1 January, March, May, July,
 *   September and November (franchise en base: DGFiP Dossier général v3.2 Tableau 13, PA.md §3)
 * @FACTURES_EREPORTING_MONTHLY: one calendar month (réel simplifié)
 * @FACTURES_EREPORTING_DECADAL: 1–10, 11–20, 21–end of month (réel normal, transactions)
 *
 * How often the e-reporting (Flux 10) goes to the plateforme agréée (issue 15 item 2). Stored as
 * these integers (ereporting_settings.periodicity, migration 0021).
 */
typedef enum {
  FACTURES_EREPORTING_BIMONTHLY = 0,
  FACTURES_EREPORTING_MONTHLY   = 1,
  FACTURES_EREPORTING_DECADAL   = 2,
} FacturesEreportingPeriodicity;

/**
 * FacturesUrssafSettings:
 * @quarterly: TRUE: the declaration is quarterly; FALSE: monthly (URSSAF's default)
 * @bnc_cipav: TRUE when the BNC activity is affiliated to the CIPAV (else SSI)
 * @chamber: which chamber tax applies
 * @versement_liberatoire: TRUE when the income tax is paid with the contributions (VL)
 * @acre_until: last day of the ACRE reduction, invalid when none
 * @creation: the day the activity began, invalid when unknown (before any year shown); it
 *   prorates the ceilings and thresholds of its year and drops the CFE of that year
 * @alert_low_percent: the first alert on a ceiling or threshold (80 by default)
 * @alert_high_percent: the second (95 by default)
 * @department: the département of the seller ("69", "2A", "974"), for the income-tax
 *   deadline; NULL when unknown
 * @account_bank: FEC account of the bank (NULL: "512"); likewise @account_cash ("53"),
 *   @account_goods ("707"), @account_services ("706"), @account_vat ("44571"),
 *   @account_debours ("467"), @account_purchases ("607", migration 0019), @account_suppliers
 *   ("401", migration 0019)
 * @ereporting: how often the e-reporting goes (bimonthly, the default for the franchise en base;
 *   issue 15, its own table ereporting_settings of migration 0021)
 *
 * What the profile says about the user's URSSAF situation (store table urssaf_settings,
 * migration 0016).
 */
typedef struct {
  gboolean              quarterly;
  gboolean              bnc_cipav;
  FacturesUrssafChamber chamber;
  gboolean              versement_liberatoire;
  GDate                 acre_until;
  GDate                 creation;
  guint                 alert_low_percent;
  guint                 alert_high_percent;
  char                 *department;
  char                 *account_bank;
  char                 *account_cash;
  char                 *account_goods;
  char                 *account_services;
  char                 *account_vat;
  char                 *account_debours;
  char                 *account_purchases;
  char                 *account_suppliers;
  FacturesEreportingPeriodicity ereporting;
  /* todo (issue 17 item 4): the VAT return of a VAT-registered user, set by the caller from the
   * profile (FACTURES_VAT_RETURN_NONE in franchise); not stored in urssaf_settings */
  guint                 vat_return;
} FacturesUrssafSettings;

/**
 * FacturesVatReturn:
 * @FACTURES_VAT_RETURN_NONE: franchise en base (art. 293 B CGI): no VAT return
 * @FACTURES_VAT_RETURN_CA12: régime simplifié (the regime of a micro-entrepreneur who leaves
 *   the franchise): annual CA12 and the July and December instalments
 * @FACTURES_VAT_RETURN_CA3_MONTHLY: régime réel normal: a CA3 each month
 * @FACTURES_VAT_RETURN_CA3_QUARTERLY: réel normal with less than 4 000 € of VAT a year: a CA3
 *   each quarter
 *
 * The value of FacturesUrssafSettings.vat_return (CGI art. 287; dates to confirm).
 */
typedef enum {
  FACTURES_VAT_RETURN_NONE,
  FACTURES_VAT_RETURN_CA12,
  FACTURES_VAT_RETURN_CA3_MONTHLY,
  FACTURES_VAT_RETURN_CA3_QUARTERLY,
} FacturesVatReturn;

/* Sets the defaults: monthly, SSI, no chamber, no VL, no ACRE, creation unknown, 80/95 %. */
void factures_urssaf_settings_init  (FacturesUrssafSettings *settings);
void factures_urssaf_settings_clear (FacturesUrssafSettings *settings);

/**
 * FacturesUrssafRateKind:
 * @FACTURES_URSSAF_RATE_COTISATIONS: social contributions (% of turnover)
 * @FACTURES_URSSAF_RATE_CFP: contribution à la formation professionnelle
 * @FACTURES_URSSAF_RATE_CFP_ARTISAN: CFP of a craftsman (BIC services)
 * @FACTURES_URSSAF_RATE_CCI: taxe pour frais de chambre, CCI
 * @FACTURES_URSSAF_RATE_CMA: taxe pour frais de chambre, CMA
 * @FACTURES_URSSAF_RATE_VL: versement libératoire de l'impôt sur le revenu
 * @FACTURES_URSSAF_RATE_ACRE: the reduction of the contributions under ACRE (a share of
 *   the cotisations, not of the turnover)
 */
typedef enum {
  FACTURES_URSSAF_RATE_COTISATIONS,
  FACTURES_URSSAF_RATE_CFP,
  FACTURES_URSSAF_RATE_CFP_ARTISAN,
  FACTURES_URSSAF_RATE_CCI,
  FACTURES_URSSAF_RATE_CMA,
  FACTURES_URSSAF_RATE_VL,
  FACTURES_URSSAF_RATE_ACRE,
} FacturesUrssafRateKind;

/* The categories the rates are given for: the boxes, with BNC split by fund. */
typedef enum {
  FACTURES_URSSAF_CAT_SALES,
  FACTURES_URSSAF_CAT_SERVICES_BIC,
  FACTURES_URSSAF_CAT_BNC_SSI,
  FACTURES_URSSAF_CAT_BNC_CIPAV,
  FACTURES_URSSAF_CAT_FURNISHED_TOURISM,
  FACTURES_URSSAF_N_CATS
} FacturesUrssafCategory;

/* The rate category of @box for @settings (BNC: SSI or CIPAV). */
FacturesUrssafCategory factures_urssaf_category_of_box (FacturesUrssafBox             box,
                                                        const FacturesUrssafSettings *settings);

/**
 * FacturesUrssafRate:
 * @year_from: first year the value applies to
 * @year_to: last year (included)
 * @kind: what it is
 * @category: the activity it applies to
 * @rate_ppm: parts per million (of the turnover; of the cotisations for ACRE); 0 when the
 *   contribution does not exist for that category (a row says so, which is not a gap)
 * @to_confirm: the references mark it "(to confirm)"
 * @source: where it comes from (decree, site), as in LEGAL-2.md
 */
typedef struct {
  guint                   year_from;
  guint                   year_to;
  FacturesUrssafRateKind  kind;
  FacturesUrssafCategory  category;
  gint                    rate_ppm;
  gboolean                to_confirm;
  const char             *source;
} FacturesUrssafRate;

/**
 * factures_urssaf_rate:
 * @year: the year of the period declared
 * @kind: the rate wanted
 * @category: the activity
 * @error: FACTURES_ERROR_INVALID when the table has no row for that year ("Taux de
 *   cotisations : aucune valeur pour 2024 (ventes de marchandises) …", French, naming the
 *   period and the activity)
 *
 * Returns: (transfer none) (nullable): the row of the table that gives the rate
 */
const FacturesUrssafRate *factures_urssaf_rate (guint                   year,
                                                FacturesUrssafRateKind  kind,
                                                FacturesUrssafCategory  category,
                                                GError                **error);

/**
 * FacturesThresholdKind:
 * @FACTURES_THRESHOLD_MICRO_SALES: micro ceiling, sales and lodging (all turnover)
 * @FACTURES_THRESHOLD_MICRO_SERVICES: micro ceiling, services
 * @FACTURES_THRESHOLD_VAT_BASE_SALES: VAT franchise base threshold (N-1), goods
 * @FACTURES_THRESHOLD_VAT_BASE_SERVICES: VAT franchise base threshold (N-1), services
 * @FACTURES_THRESHOLD_VAT_MAJOR_SALES: VAT franchise major threshold (N: VAT from the day it is
 *   exceeded, art. 293 B II since 2025)
 * @FACTURES_THRESHOLD_VAT_MAJOR_SERVICES: the same for services
 */
typedef enum {
  FACTURES_THRESHOLD_MICRO_SALES,
  FACTURES_THRESHOLD_MICRO_SERVICES,
  FACTURES_THRESHOLD_VAT_BASE_SALES,
  FACTURES_THRESHOLD_VAT_BASE_SERVICES,
  FACTURES_THRESHOLD_VAT_MAJOR_SALES,
  FACTURES_THRESHOLD_VAT_MAJOR_SERVICES,
  FACTURES_N_THRESHOLDS
} FacturesThresholdKind;

/* "Plafond micro (ventes)", "Seuil de franchise de TVA majoré (services)", … French, static. */
const char *factures_threshold_label (FacturesThresholdKind kind);

/* One ceiling or threshold: @amount in cents, for the years [@year_from, @year_to]. */
typedef struct {
  guint                  year_from;
  guint                  year_to;
  FacturesThresholdKind  kind;
  gint64                 amount;
  gboolean               to_confirm;
  const char            *source;
} FacturesThreshold;

/* The row giving @kind for @year; NULL with FACTURES_ERROR_INVALID naming the year when the
 * table has none. (transfer none) */
const FacturesThreshold *factures_threshold_get (guint                  year,
                                                 FacturesThresholdKind  kind,
                                                 GError               **error);

/**
 * factures_threshold_prorated:
 * @amount: a yearly ceiling or threshold, cents
 * @year: its year
 * @creation: (nullable): the day the activity began; when in @year the amount is prorated by
 *   the days of activity (creation day included) over the days of the year, rounded down to
 *   the cent (art. 293 B and 50-0 CGI: "ajusté au prorata du temps d'exploitation")
 *
 * Returns: the amount for that year
 */
gint64 factures_threshold_prorated (gint64       amount,
                                    guint        year,
                                    const GDate *creation);

/**
 * FacturesCrossing:
 * @crossed: TRUE when the cumulated amount already exceeds the threshold
 * @date: the day it was exceeded (@crossed) or the projected day at the current pace; invalid
 *   when the projection stays within the year (or nothing was received)
 * @total: the cumulated amount up to @today, cents
 * @percent: @total against the threshold, in tenths of a percent (873 = 87.3 %)
 */
typedef struct {
  gboolean crossed;
  GDate    date;
  gint64   total;
  gint     permille;
} FacturesCrossing;

/* One dated amount of the year (cents; negative for a reversal). */
typedef struct {
  GDate  date;
  gint64 amount;
} FacturesDatedAmount;

/**
 * factures_threshold_crossing:
 * @amounts: (element-type FacturesDatedAmount): the receipts that count, any order
 * @year: the year watched
 * @threshold: the (prorated) threshold, cents, > 0
 * @creation: (nullable): first day of activity (the pace counts from it in its year)
 * @today: the day of the reckoning; amounts after it are ignored
 * @out: (out caller-allocates): the result
 *
 * Exceeded means strictly above the threshold. The pace is the cumulated amount divided by the
 * days elapsed from 1 January (or @creation) to @today, both included; the projected day is the
 * first day when that pace brings the total strictly above the threshold, when it falls in @year.
 */
void factures_threshold_crossing (GArray            *amounts,
                                  guint              year,
                                  gint64             threshold,
                                  const GDate       *creation,
                                  const GDate       *today,
                                  FacturesCrossing  *out);

/* ---- the declaration ---- */

/**
 * factures_urssaf_split:
 * @amount: cents to split (may be negative)
 * @weights: @n weights ≥ 0 (cents: the lines' amounts)
 * @n: how many
 * @out: (array length=n): the parts, summing exactly to @amount, each proportional to its
 *   weight, rounded by largest remainder (ties to the first); all 0 when every weight is 0
 */
void factures_urssaf_split (gint64        amount,
                            const gint64 *weights,
                            guint         n,
                            gint64       *out);

/* Rounds cents to whole euros as the URSSAF form asks (nearest euro, half away from zero).
 * Returns euros. */
gint64 factures_urssaf_round_euros (gint64 cents);

/**
 * FacturesUrssafPeriod:
 * @year: the year
 * @month: 1–12 for a monthly period, 0 otherwise
 * @quarter: 1–4 for a quarter, 0 otherwise
 * @first: first day
 * @last: last day
 */
typedef struct {
  guint year;
  guint month;
  guint quarter;
  GDate first;
  GDate last;
} FacturesUrssafPeriod;

/**
 * factures_urssaf_period_parse:
 * @text: "2026-11" (a month) or "2026-Q4" (a quarter; "T4" also taken)
 * @today: (nullable): when given, a period starting after it is refused
 * @out: (out caller-allocates): the period
 * @error: FACTURES_ERROR_INVALID in French naming the field "Période" (bad form, month or
 *   quarter out of range, in the future)
 */
gboolean factures_urssaf_period_parse (const char            *text,
                                       const GDate           *today,
                                       FacturesUrssafPeriod  *out,
                                       GError               **error);

/* "novembre 2026", "4e trimestre 2026" (French, as on the URSSAF site). */
char    *factures_urssaf_period_label (const FacturesUrssafPeriod *period);
/* "2026-11", "2026-Q4": the key the store marks declared. */
char    *factures_urssaf_period_key   (const FacturesUrssafPeriod *period);

/**
 * FacturesUrssafCharge:
 * @box: the box it is computed on
 * @kind: which contribution
 * @base: the declared amount, euros
 * @rate: (transfer none): the row of the rate table
 * @amount: cents (negative for the ACRE reduction)
 */
typedef struct {
  FacturesUrssafBox          box;
  FacturesUrssafRateKind     kind;
  gint64                     base;
  const FacturesUrssafRate  *rate;
  gint64                     amount;
} FacturesUrssafCharge;

/**
 * FacturesUrssafDeclaration:
 * @period: the period declared
 * @cash: cents received per box, VAT and débours excluded
 * @declared: the same rounded to the euro (what is typed in the box), never below 0
 * @debours: cents of débours received, excluded from every box
 * @vat: cents of VAT removed
 * @charges: (element-type FacturesUrssafCharge): each contribution of each box with a
 *   declared amount, in box order then kind order
 * @total: sum of @charges, cents
 * @to_confirm: one of the rates used is marked "to confirm"
 */
typedef struct {
  FacturesUrssafPeriod period;
  gint64               cash[FACTURES_URSSAF_N_BOXES];
  gint64               declared[FACTURES_URSSAF_N_BOXES];
  gint64               debours;
  gint64               vat;
  GArray              *charges;
  gint64               total;
  gboolean             to_confirm;
} FacturesUrssafDeclaration;

void factures_urssaf_declaration_free (FacturesUrssafDeclaration *declaration);

/**
 * factures_urssaf_declaration_compute:
 * @period: the period
 * @cash: (array fixed-size=4): cents received per box (VAT and débours already removed)
 * @settings: the user's situation
 * @error: FACTURES_ERROR_INVALID when the rate table has a gap for the period's year (the
 *   message names the period and the activity)
 *
 * Rounds each box to the euro, then applies that year's rates to each declared amount:
 * cotisations, CFP (the artisan's for BIC services with the CMA), the chamber tax (CCI or CMA,
 * on sales and BIC services), the VL when opted, and minus the ACRE share of the cotisations
 * when the period begins on or before @settings->acre_until. Each charge is rounded to the cent
 * (half away from zero).
 *
 * Returns: (transfer full): the declaration, NULL on error
 */
FacturesUrssafDeclaration *factures_urssaf_declaration_compute (const FacturesUrssafPeriod   *period,
                                                                const gint64                 *cash,
                                                                const FacturesUrssafSettings *settings,
                                                                GError                      **error);

/* "Cotisations sociales", "Formation professionnelle (CFP)", … French, static. */
const char *factures_urssaf_rate_kind_label (FacturesUrssafRateKind kind);

/* ---- the calendar ---- */

/* TRUE on the French public holidays (1 Jan, Easter Monday, 1 May, 8 May, Ascension, Whit
 * Monday, 14 Jul, 15 Aug, 1 Nov, 11 Nov, 25 Dec; code du travail L3133-1). */
gboolean factures_date_is_holiday     (const GDate *date);
/* Moves @date forward to the next day that is neither a week-end nor a public holiday. */
void     factures_date_next_working   (GDate       *date);

typedef enum {
  FACTURES_DEADLINE_URSSAF,
  FACTURES_DEADLINE_PERIODICITY,
  FACTURES_DEADLINE_VL_OPTION,
  FACTURES_DEADLINE_INCOME_TAX,
  FACTURES_DEADLINE_CFE,
  FACTURES_DEADLINE_DES,
  FACTURES_DEADLINE_EREPORTING,   /* issue 15: the e-reporting (Flux 10) to the PA */
  FACTURES_DEADLINE_VAT,
} FacturesDeadlineKind;

/**
 * FacturesDeadline:
 * @date: the day (moved to the next working day where the rule says so)
 * @kind: what it is
 * @what: French text ("Déclaration URSSAF de novembre 2026 et paiement")
 * @to_confirm: the references mark the date or the content "(to confirm)"
 * @source: where the rule comes from
 */
typedef struct {
  GDate                 date;
  FacturesDeadlineKind  kind;
  char                 *what;
  gboolean              to_confirm;
  const char           *source;
} FacturesDeadline;

/**
 * factures_tax_calendar:
 * @from: first day
 * @to: last day (included)
 * @settings: the user's situation (periodicity, VL, creation, département)
 * @income_boxes: (nullable) (array fixed-size=4): last year's receipts per box in euros, to
 *   write the 2042-C-PRO boxes into the income-tax deadline; NULL leaves them out
 * @des_months: the months that need a DES (B2B services reverse-charged in the EU), one bit per
 *   calendar month of the year before @from's, @from's year and the next: bit 12 × (y − (year of
 *   @from − 1)) + m − 1 for month m of year y
 *
 * The deadlines of LEGAL-2.md §5 that fall in [@from, @to], in date order (then kind order):
 * the URSSAF declarations (end of M+1, or 30 Apr / 31 Jul / 31 Oct / 31 Jan), moved to the next
 * working day; the periodicity change (31 Oct) and the VL option (30 Sep) for next year; the
 * income-tax return with 2042-C-PRO (2025's dates by département, to confirm); the CFE (15
 * Dec, not in the creation year); the DES (10th jour ouvrable of M+1:
 * Saturdays count, Sundays and holidays do not, as in the customs' DEB/DES calendar); from
 * 1 September 2027, the e-reporting to the plateforme agréée of each period of
 * @settings->ereporting (issue 15, PA.md §3: not moved to a working day); the VAT returns of
 * @settings->vat_return (CA3 on the 15th of the month after the month or quarter; CA12 on the
 * second working day after 1 May, its instalments on 15 July and 15 December; to confirm: the
 * SIE sets the day between the 15th and the 24th).
 *
 * Returns: (transfer full) (element-type FacturesDeadline): the deadlines
 */
GPtrArray *factures_tax_calendar (const GDate                  *from,
                                  const GDate                  *to,
                                  const FacturesUrssafSettings *settings,
                                  const gint64                 *income_boxes,
                                  guint64                       des_months);

void factures_deadline_free (FacturesDeadline *deadline);

/* ---- e-reporting periods (issue 15 item 2) ---- */

/* The first day of the e-reporting for micro-entreprises and SMEs: 1 September 2027 (DGFiP
 * Dossier général v3.2 §2.3.5, PA.md §3). */
#define FACTURES_EREPORTING_FIRST_YEAR  2027
#define FACTURES_EREPORTING_FIRST_MONTH 9

/**
 * FacturesEreportingPeriod:
 * @start: first day
 * @end: last day (included)
 * @due: the last day to hand the data to the plateforme agréée: the last day of the month after
 *   @end for a month or two (Tableau 13: the PA passes it on by the 1st of the next month);
 *   10 days after @end for a decade (to confirm)
 * @periodicity: which kind of period
 */
typedef struct {
  GDate                          start;
  GDate                          end;
  GDate                          due;
  FacturesEreportingPeriodicity  periodicity;
} FacturesEreportingPeriod;

/* The period of @periodicity that contains @day (valid). */
void     factures_ereporting_period_containing (FacturesEreportingPeriodicity  periodicity,
                                                const GDate                   *day,
                                                FacturesEreportingPeriod      *out);
/* The period right after @period. */
void     factures_ereporting_period_next       (const FacturesEreportingPeriod *period,
                                                FacturesEreportingPeriod       *out);
/* "septembre–octobre 2027", "novembre 2027", "1er–10 septembre 2027" (French, as the calendar;
 * the UI shows it as is). Free with g_free(). */
char    *factures_ereporting_period_label      (const FacturesEreportingPeriod *period);
/* "bimestrielle", "mensuelle", "décadaire" (translated). */
const char *factures_ereporting_periodicity_label (FacturesEreportingPeriodicity periodicity);

/* The stable key of a kind, as the marks of deadlines done store it (migration 0022):
 * "urssaf", "vat", "cfe", "des", "income-tax", "vl-option", "periodicity", "ereporting"; static. */
const char *factures_deadline_kind_key (FacturesDeadlineKind kind);

/* ---- FEC ---- */

/**
 * FacturesFecAccounts:
 * @bank: "512" (bank)
 * @cash: "53" (cash, espèces)
 * @goods: "707" (sales of goods, furnished lets)
 * @services: "706" (services)
 * @vat: "44571" (VAT collected)
 * @debours: "467" (débours, paid in the client's name)
 * @purchases: "607" (purchases of goods; the registre des achats' payments)
 * @suppliers: "401" (suppliers)
 *
 * The account numbers of the FEC export (configurable; the defaults of the plan comptable
 * général). Strings owned by the caller.
 */
typedef struct {
  const char *bank;
  const char *cash;
  const char *goods;
  const char *services;
  const char *vat;
  const char *debours;
  const char *purchases;
  const char *suppliers;
} FacturesFecAccounts;

/* Sets the plan comptable général defaults above. */
void factures_fec_accounts_init (FacturesFecAccounts *accounts);
/* The accounts of @settings, the defaults where NULL (strings point into @settings). */
void factures_fec_accounts_from_settings (FacturesFecAccounts          *accounts,
                                          const FacturesUrssafSettings *settings);

/**
 * FacturesFecReceipt:
 * @date: cash-in date
 * @reference: the invoices paid ("F2026-0001"), the piece reference
 * @label: the entry's text ("Encaissement Dupont SARL")
 * @cash_method: TRUE when paid in cash (account 53)
 * @amount: cents received (negative: a reversal, the entry is the other way)
 * @box: cents per box (HT)
 * @vat: cents of VAT
 * @debours: cents of débours
 *
 * One receipt as the FEC writes it: @amount = Σ @box + @vat + @debours.
 */
typedef struct {
  GDate        date;
  const char  *reference;
  const char  *label;
  gboolean     cash_method;
  gint64       amount;
  gint64       box[FACTURES_URSSAF_N_BOXES];
  gint64       vat;
  gint64       debours;
} FacturesFecReceipt;

/**
 * factures_fec_write:
 * @receipts: (element-type FacturesFecReceipt): the receipts, in date order
 * @accounts: the account numbers
 * @validated: the validation date written in column ValidDate (the export date)
 * @error: FACTURES_ERROR_INVALID when a receipt does not balance (Σ parts ≠ amount)
 *
 * The 18 columns of art. A47 A-1 LPF (JournalCode, JournalLib, EcritureNum, EcritureDate,
 * CompteNum, CompteLib, CompAuxNum, CompAuxLib, PieceRef, PieceDate, EcritureLib, Debit, Credit,
 * EcritureLet, DateLet, ValidDate, Montantdevise, Idevise), header first, tab-separated, CRLF,
 * dates YYYYMMDD, amounts with a decimal comma; one balanced entry per receipt in journal "BQ",
 * numbered from 1 in date order: debit of the bank (or cash) account, credit of 707/706 per box,
 * 44571, 467 (or the other way for a reversal). A micro-entrepreneur has no legal duty to produce
 * an FEC: this is for an accountant.
 *
 * Returns: (transfer full): the file's text (UTF-8), NULL on error
 */
char *factures_fec_write (GArray                    *receipts,
                          const FacturesFecAccounts *accounts,
                          const GDate               *validated,
                          GError                   **error);

/**
 * FacturesFecPurchase:
 * @date: the day the purchase was paid (or its payment cancelled)
 * @reference: the supplier's invoice number (the piece reference)
 * @label: the entry's text ("Achat Fournitures SARL")
 * @cash_method: TRUE when paid in cash (account 53)
 * @amount: cents paid (negative: the cancellation of a payment, the entries the other way)
 *
 * One payment of the registre des achats as the FEC writes it (issue 17 item 6).
 */
typedef struct {
  GDate        date;
  const char  *reference;
  const char  *label;
  gboolean     cash_method;
  gint64       amount;
} FacturesFecPurchase;

/**
 * factures_fec_write_all:
 * @receipts: (element-type FacturesFecReceipt) (nullable): the receipts, in date order
 * @purchases: (element-type FacturesFecPurchase) (nullable): the purchase payments, in date order
 * @accounts: the account numbers
 * @validated: the export date (column ValidDate)
 * @error: FACTURES_ERROR_INVALID when a receipt does not balance or a purchase has no amount
 *
 * factures_fec_write() with the purchase payments too, cash basis: each one is two balanced
 * entries on the day it was paid, the purchase in journal "AC" (debit of 607, credit of 401)
 * then its payment in journal "BQ" (debit of 401, credit of 512 or 53); the other way round
 * for a cancelled payment, on the day it was cancelled. Receipts and purchases are numbered
 * together from 1 in date order (receipts first on the same day).
 *
 * Returns: (transfer full): the file's text (UTF-8), NULL on error
 */
char *factures_fec_write_all (GArray                    *receipts,
                              GArray                    *purchases,
                              const FacturesFecAccounts *accounts,
                              const GDate               *validated,
                              GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesUrssafDeclaration, factures_urssaf_declaration_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesDeadline, factures_deadline_free)

G_END_DECLS
