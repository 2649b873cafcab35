/* test-urssaf.c — issue 17 tables, with values computed by hand: the split and the rounding of
 * the URSSAF form, the contributions of each category with and without VL, ACRE, chamber, the
 * gap in the rate table, the periods, the French holidays and the calendar of monthly and
 * quarterly declarants, the threshold crossing dates (steady, seasonal, prorated creation
 * year), the FEC layout (18 columns, balanced entries, YYYYMMDD)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <string.h>

#include "factures-date.h"
#include "factures-error.h"
#include "factures-urssaf.h"

static GDate
d (const char *iso)
{
  GDate date;

  g_assert_true (factures_date_parse_iso (iso, &date, NULL));
  return date;
}

static void
assert_date (const GDate *date, const char *iso)
{
  g_autofree char *text = NULL;

  g_assert_true (g_date_valid (date));
  text = factures_date_format_iso (date);
  g_assert_cmpstr (text, ==, iso);
}

/* ---- split and rounding ---- */

static void
test_split (void)
{
  gint64 w3[3] = { 1, 1, 1 }, out3[3];
  gint64 w2[2] = { 60000, 40000 }, out2[2];
  gint64 zero[2] = { 0, 0 };

  factures_urssaf_split (1000, w3, 3, out3);
  g_assert_cmpint (out3[0], ==, 334);
  g_assert_cmpint (out3[1], ==, 333);
  g_assert_cmpint (out3[2], ==, 333);
  factures_urssaf_split (-1000, w3, 3, out3);
  g_assert_cmpint (out3[0], ==, -334);
  g_assert_cmpint (out3[2], ==, -333);
  /* 1 234,57 € paid on an invoice of 600 € + 400 €: 740,742 / 493,828 → 740,74 + 493,83 */
  factures_urssaf_split (123457, w2, 2, out2);
  g_assert_cmpint (out2[0], ==, 74074);
  g_assert_cmpint (out2[1], ==, 49383);
  factures_urssaf_split (100, zero, 2, out2);
  g_assert_cmpint (out2[0], ==, 0);
  g_assert_cmpint (out2[1], ==, 0);
}

static void
test_round (void)
{
  g_assert_cmpint (factures_urssaf_round_euros (123449), ==, 1234);
  g_assert_cmpint (factures_urssaf_round_euros (123450), ==, 1235);
  g_assert_cmpint (factures_urssaf_round_euros (49), ==, 0);
  g_assert_cmpint (factures_urssaf_round_euros (-150), ==, -2);
}

/* ---- the declaration ---- */

static FacturesUrssafPeriod
period (const char *text)
{
  FacturesUrssafPeriod p;
  g_autoptr(GError) error = NULL;

  g_assert_true (factures_urssaf_period_parse (text, NULL, &p, &error));
  g_assert_no_error (error);
  return p;
}

static FacturesUrssafDeclaration *
declare (const char *when, const gint64 *cash, const FacturesUrssafSettings *settings)
{
  FacturesUrssafPeriod p = period (when);
  g_autoptr(GError) error = NULL;
  FacturesUrssafDeclaration *decl = factures_urssaf_declaration_compute (&p, cash, settings, &error);

  g_assert_no_error (error);
  g_assert_nonnull (decl);
  return decl;
}

static gint64
charge (const FacturesUrssafDeclaration *decl, FacturesUrssafBox box, FacturesUrssafRateKind kind)
{
  for (guint i = 0; i < decl->charges->len; i++)
    {
      const FacturesUrssafCharge *c = &g_array_index (decl->charges, FacturesUrssafCharge, i);

      if (c->box == box && c->kind == kind)
        return c->amount;
    }
  return G_MININT64;
}

static void
test_declaration_bnc (void)
{
  FacturesUrssafSettings s;
  gint64 cash[FACTURES_URSSAF_N_BOXES] = { 0, 0, 100000, 0 };
  g_autoptr(FacturesUrssafDeclaration) plain = NULL;
  g_autoptr(FacturesUrssafDeclaration) vl = NULL;
  g_autoptr(FacturesUrssafDeclaration) cipav = NULL;
  g_autoptr(FacturesUrssafDeclaration) y2025 = NULL;

  factures_urssaf_settings_init (&s);
  /* 1 000 € BNC SSI in 2026: 25,6 % = 256,00 ; CFP 0,2 % = 2,00 */
  plain = declare ("2026-11", cash, &s);
  g_assert_cmpint (plain->declared[FACTURES_URSSAF_BOX_SERVICES_BNC], ==, 1000);
  g_assert_cmpint (charge (plain, FACTURES_URSSAF_BOX_SERVICES_BNC, FACTURES_URSSAF_RATE_COTISATIONS), ==, 25600);
  g_assert_cmpint (charge (plain, FACTURES_URSSAF_BOX_SERVICES_BNC, FACTURES_URSSAF_RATE_CFP), ==, 200);
  g_assert_cmpint (plain->total, ==, 25800);
  g_assert_true (plain->to_confirm);    /* the CFP rate is to confirm */

  /* with VL 2,2 % = 22,00 */
  s.versement_liberatoire = TRUE;
  vl = declare ("2026-11", cash, &s);
  g_assert_cmpint (charge (vl, FACTURES_URSSAF_BOX_SERVICES_BNC, FACTURES_URSSAF_RATE_VL), ==, 2200);
  g_assert_cmpint (vl->total, ==, 28000);

  /* CIPAV 23,2 % = 232,00 + CFP 2,00 (+ VL 22,00) */
  s.bnc_cipav = TRUE;
  cipav = declare ("2026-Q4", cash, &s);
  g_assert_cmpint (cipav->total, ==, 23200 + 200 + 2200);

  /* 2025: SSI 24,6 % */
  s.bnc_cipav = FALSE;
  s.versement_liberatoire = FALSE;
  y2025 = declare ("2025-06", cash, &s);
  g_assert_cmpint (y2025->total, ==, 24600 + 200);
  factures_urssaf_settings_clear (&s);
}

static void
test_declaration_mixed (void)
{
  FacturesUrssafSettings s;
  /* 2 000,49 € of sales → 2 000 ; 1 500,50 € of BIC services → 1 501 */
  gint64 cash[FACTURES_URSSAF_N_BOXES] = { 200049, 150050, 0, 0 };
  g_autoptr(FacturesUrssafDeclaration) decl = NULL;

  factures_urssaf_settings_init (&s);
  s.chamber = FACTURES_URSSAF_CHAMBER_CCI;
  s.versement_liberatoire = TRUE;
  decl = declare ("2026-Q3", cash, &s);
  g_assert_cmpint (decl->declared[FACTURES_URSSAF_BOX_SALES], ==, 2000);
  g_assert_cmpint (decl->declared[FACTURES_URSSAF_BOX_SERVICES_BIC], ==, 1501);
  g_assert_cmpint (decl->declared[FACTURES_URSSAF_BOX_SERVICES_BNC], ==, 0);
  /* sales: 12,3 % × 2 000 = 246,00 ; CFP 0,1 % = 2,00 ; CCI 0,015 % = 0,30 ; VL 1 % = 20,00 */
  g_assert_cmpint (charge (decl, FACTURES_URSSAF_BOX_SALES, FACTURES_URSSAF_RATE_COTISATIONS), ==, 24600);
  g_assert_cmpint (charge (decl, FACTURES_URSSAF_BOX_SALES, FACTURES_URSSAF_RATE_CFP), ==, 200);
  g_assert_cmpint (charge (decl, FACTURES_URSSAF_BOX_SALES, FACTURES_URSSAF_RATE_CCI), ==, 30);
  g_assert_cmpint (charge (decl, FACTURES_URSSAF_BOX_SALES, FACTURES_URSSAF_RATE_VL), ==, 2000);
  /* BIC: 21,2 % × 1 501 = 318,212 → 318,21 ; CFP 0,2 % = 3,002 → 3,00 ; CCI 0,044 % = 0,66044
   * → 0,66 ; VL 1,7 % = 25,517 → 25,52 */
  g_assert_cmpint (charge (decl, FACTURES_URSSAF_BOX_SERVICES_BIC, FACTURES_URSSAF_RATE_COTISATIONS), ==, 31821);
  g_assert_cmpint (charge (decl, FACTURES_URSSAF_BOX_SERVICES_BIC, FACTURES_URSSAF_RATE_CFP), ==, 300);
  g_assert_cmpint (charge (decl, FACTURES_URSSAF_BOX_SERVICES_BIC, FACTURES_URSSAF_RATE_CCI), ==, 66);
  g_assert_cmpint (charge (decl, FACTURES_URSSAF_BOX_SERVICES_BIC, FACTURES_URSSAF_RATE_VL), ==, 2552);
  g_assert_cmpint (decl->total, ==, 26830 + 34739);
  factures_urssaf_settings_clear (&s);
}

static void
test_declaration_cma_tourism_acre (void)
{
  FacturesUrssafSettings s;
  gint64 bic[FACTURES_URSSAF_N_BOXES] = { 0, 100000, 0, 0 };
  gint64 tourism[FACTURES_URSSAF_N_BOXES] = { 0, 0, 0, 100000 };
  gint64 bnc[FACTURES_URSSAF_N_BOXES] = { 0, 0, 300000, 0 };
  gint64 negative[FACTURES_URSSAF_N_BOXES] = { 0, 0, -50000, 0 };
  g_autoptr(FacturesUrssafDeclaration) cma = NULL;
  g_autoptr(FacturesUrssafDeclaration) meuble = NULL;
  g_autoptr(FacturesUrssafDeclaration) acre = NULL;
  g_autoptr(FacturesUrssafDeclaration) after = NULL;
  g_autoptr(FacturesUrssafDeclaration) nothing = NULL;

  factures_urssaf_settings_init (&s);
  /* craftsman: 21,2 % = 212,00 ; CFP artisan 0,3 % = 3,00 ; CMA 0,48 % = 4,80 */
  s.chamber = FACTURES_URSSAF_CHAMBER_CMA;
  cma = declare ("2026-10", bic, &s);
  g_assert_cmpint (charge (cma, FACTURES_URSSAF_BOX_SERVICES_BIC, FACTURES_URSSAF_RATE_CFP_ARTISAN), ==, 300);
  g_assert_cmpint (charge (cma, FACTURES_URSSAF_BOX_SERVICES_BIC, FACTURES_URSSAF_RATE_CMA), ==, 480);
  g_assert_cmpint (cma->total, ==, 21980);

  /* classified furnished let: 6 % = 60,00, no CFP, no chamber */
  meuble = declare ("2026-10", tourism, &s);
  g_assert_cmpint (meuble->total, ==, 6000);
  g_assert_cmpint (meuble->charges->len, ==, 1);

  /* ACRE until 30/06/2026: Q2 3 000 € BNC: 768,00 − 384,00 + CFP 6,00 = 390,00 ; Q3: 774,00 */
  s.chamber = FACTURES_URSSAF_CHAMBER_NONE;
  s.acre_until = d ("2026-06-30");
  acre = declare ("2026-Q2", bnc, &s);
  g_assert_cmpint (charge (acre, FACTURES_URSSAF_BOX_SERVICES_BNC, FACTURES_URSSAF_RATE_ACRE), ==, -38400);
  g_assert_cmpint (acre->total, ==, 39000);
  g_assert_true (acre->to_confirm);
  after = declare ("2026-Q3", bnc, &s);
  g_assert_cmpint (after->total, ==, 77400);

  /* a period with more cancelled than received declares 0 */
  nothing = declare ("2026-Q3", negative, &s);
  g_assert_cmpint (nothing->declared[FACTURES_URSSAF_BOX_SERVICES_BNC], ==, 0);
  g_assert_cmpint (nothing->total, ==, 0);
  factures_urssaf_settings_clear (&s);
}

static void
test_rate_gap (void)
{
  FacturesUrssafSettings s;
  gint64 cash[FACTURES_URSSAF_N_BOXES] = { 0, 0, 100000, 0 };
  gint64 none[FACTURES_URSSAF_N_BOXES] = { 0 };
  FacturesUrssafPeriod p = period ("2024-03");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  FacturesUrssafDeclaration *decl;

  factures_urssaf_settings_init (&s);
  decl = factures_urssaf_declaration_compute (&p, cash, &s, &error);
  g_assert_null (decl);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2024"));
  /* even with nothing to declare */
  decl = factures_urssaf_declaration_compute (&p, none, &s, &error2);
  g_assert_null (decl);
  g_assert_error (error2, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_null (factures_threshold_get (2022, FACTURES_THRESHOLD_MICRO_SALES, NULL));
  g_assert_null (factures_threshold_get (2027, FACTURES_THRESHOLD_VAT_BASE_SERVICES, NULL));
  /* the values marked (to confirm) in LEGAL-2.md carry the flag */
  g_assert_true (factures_threshold_get (2026, FACTURES_THRESHOLD_MICRO_SERVICES, NULL)->to_confirm);
  g_assert_cmpint (factures_threshold_get (2026, FACTURES_THRESHOLD_MICRO_SERVICES, NULL)->amount, ==, 8360000);
  g_assert_false (factures_threshold_get (2025, FACTURES_THRESHOLD_MICRO_SERVICES, NULL)->to_confirm);
  g_assert_cmpint (factures_threshold_get (2026, FACTURES_THRESHOLD_VAT_MAJOR_SERVICES, NULL)->amount, ==, 4125000);
  g_assert_false (factures_urssaf_rate (2026, FACTURES_URSSAF_RATE_COTISATIONS, FACTURES_URSSAF_CAT_BNC_SSI, NULL)->to_confirm);
  g_assert_true (factures_urssaf_rate (2026, FACTURES_URSSAF_RATE_ACRE, FACTURES_URSSAF_CAT_BNC_SSI, NULL)->to_confirm);
  factures_urssaf_settings_clear (&s);
}

static void
test_period (void)
{
  static const char *const bad[] = { "2026-13", "2026-Q5", "2026-Q0", "abc", "2026-1", "", "26-11", "2026-11x" };
  FacturesUrssafPeriod p;
  GDate today = d ("2026-12-06");
  g_autofree char *label = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GError) future = NULL;

  p = period ("2026-Q4");
  assert_date (&p.first, "2026-10-01");
  assert_date (&p.last, "2026-12-31");
  label = factures_urssaf_period_label (&p);
  g_assert_cmpstr (label, ==, "4e trimestre 2026");
  key = factures_urssaf_period_key (&p);
  g_assert_cmpstr (key, ==, "2026-Q4");
  p = period ("2026-02");
  assert_date (&p.last, "2026-02-28");
  p = period ("2026-T1");
  g_assert_cmpint (p.quarter, ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (factures_urssaf_period_parse (bad[i], &today, &p, &error));
      g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
    }
  g_assert_true (factures_urssaf_period_parse ("2026-12", &today, &p, NULL));
  g_assert_false (factures_urssaf_period_parse ("2027-01", &today, &p, &future));
  g_assert_error (future, FACTURES_ERROR, FACTURES_ERROR_INVALID);
}

/* ---- holidays and calendar ---- */

static void
test_holidays (void)
{
  static const char *const holidays[] = {
    "2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25", "2026-07-14",
    "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25", "2027-03-29", "2027-05-06", "2027-05-17",
    "2020-06-01",
  };
  static const char *const working[] = { "2026-04-05", "2026-05-15", "2026-12-24", "2026-12-31", "2026-04-07" };
  GDate day;

  for (guint i = 0; i < G_N_ELEMENTS (holidays); i++)
    {
      day = d (holidays[i]);
      g_assert_true (factures_date_is_holiday (&day));
    }
  for (guint i = 0; i < G_N_ELEMENTS (working); i++)
    {
      day = d (working[i]);
      g_assert_false (factures_date_is_holiday (&day));
    }
  /* Sunday 31 May 2020, then Whit Monday 1 June: Tuesday 2 June */
  day = d ("2020-05-31");
  factures_date_next_working (&day);
  assert_date (&day, "2020-06-02");
}

static GPtrArray *
deadlines_of (GPtrArray *all, FacturesDeadlineKind kind)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    if (((FacturesDeadline *) g_ptr_array_index (all, i))->kind == kind)
      g_ptr_array_add (out, g_ptr_array_index (all, i));
  return out;
}

static void
assert_dates (GPtrArray *list, const char *const *expected, guint n)
{
  g_assert_cmpuint (list->len, ==, n);
  for (guint i = 0; i < n; i++)
    assert_date (&((FacturesDeadline *) g_ptr_array_index (list, i))->date, expected[i]);
}

static void
test_calendar_monthly (void)
{
  static const char *const urssaf[] = {
    "2026-02-02",   /* December 2025: Saturday 31 January */
    "2026-03-02",   /* January: Saturday 28 February */
    "2026-03-31", "2026-04-30",
    "2026-06-01",   /* April: Sunday 31 May */
    "2026-06-30", "2026-07-31", "2026-08-31", "2026-09-30",
    "2026-11-02",   /* September: Saturday 31 October, Sunday 1 November */
    "2026-11-30", "2026-12-31",
  };
  /* April 2020: Sunday 31 May, then Whit Monday 1 June */
  static const char *const urssaf_2020[] = { "2020-06-02", "2020-06-30" };
  /* The 10th jour ouvrable (Saturdays count): January 2026: 2, 3, 5–10, 12, 13 (1 January a
   * holiday); May: 2, 4–7, 9, 11–13, 15 (1, 8 and 14 are holidays) */
  static const char *const des[] = { "2026-01-13", "2026-05-15" };
  FacturesUrssafSettings s;
  GDate from = d ("2026-01-01"), to = d ("2026-12-31");
  GDate from2020 = d ("2020-06-01"), to2020 = d ("2020-06-30");
  gint64 boxes[FACTURES_URSSAF_N_BOXES] = { 0, 12000, 30000, 0 };
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) u = NULL;
  g_autoptr(GPtrArray) des_list = NULL;
  g_autoptr(GPtrArray) tax = NULL;
  g_autoptr(GPtrArray) cfe = NULL;
  g_autoptr(GPtrArray) all2020 = NULL;
  g_autoptr(GPtrArray) u2020 = NULL;
  FacturesDeadline *income;

  factures_urssaf_settings_init (&s);
  s.department = g_strdup ("13");
  /* DES for December 2025 (bit 11: due on the 10th working day of January, 1 January a holiday)
   * and April 2026 (bit 12 + 3) */
  all = factures_tax_calendar (&from, &to, &s, boxes, ((guint64) 1 << 11) | ((guint64) 1 << 15));
  u = deadlines_of (all, FACTURES_DEADLINE_URSSAF);
  assert_dates (u, urssaf, G_N_ELEMENTS (urssaf));
  g_assert_cmpstr (((FacturesDeadline *) g_ptr_array_index (u, 3))->what, ==,
                   "Déclaration URSSAF de mars 2026 et paiement");
  g_assert_cmpstr (((FacturesDeadline *) g_ptr_array_index (u, 4))->what, ==,
                   "Déclaration URSSAF d’avril 2026 et paiement");
  des_list = deadlines_of (all, FACTURES_DEADLINE_DES);
  assert_dates (des_list, des, G_N_ELEMENTS (des));

  tax = deadlines_of (all, FACTURES_DEADLINE_INCOME_TAX);
  g_assert_cmpuint (tax->len, ==, 1);
  income = g_ptr_array_index (tax, 0);
  assert_date (&income->date, "2026-05-22");   /* départements 01–19, 2025 dates: to confirm */
  g_assert_true (income->to_confirm);
  g_assert_nonnull (strstr (income->what, "case 5KP : 12000 €"));
  g_assert_nonnull (strstr (income->what, "case 5HQ : 30000 €"));
  g_assert_null (strstr (income->what, "5KO"));

  cfe = deadlines_of (all, FACTURES_DEADLINE_CFE);
  g_assert_cmpuint (cfe->len, ==, 1);
  assert_date (&((FacturesDeadline *) g_ptr_array_index (cfe, 0))->date, "2026-12-15");

  all2020 = factures_tax_calendar (&from2020, &to2020, &s, NULL, 0);
  u2020 = deadlines_of (all2020, FACTURES_DEADLINE_URSSAF);
  assert_dates (u2020, urssaf_2020, G_N_ELEMENTS (urssaf_2020));
  factures_urssaf_settings_clear (&s);
}

/* The customs' published DEB/DES calendar of 2018 (cgocean.com): the 10th jour ouvrable, Saturday
 * included (11 August 2018 is a Saturday), after the month of the operations. */
static void
test_calendar_des_customs_2018 (void)
{
  static const char *const des[] = {
    "2018-01-12", "2018-02-12", "2018-03-12", "2018-04-13", "2018-05-15", "2018-06-12",
    "2018-07-12", "2018-08-11", "2018-09-12",
  };
  FacturesUrssafSettings s;
  GDate from = d ("2018-01-01"), to = d ("2018-09-30");
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) des_list = NULL;

  factures_urssaf_settings_init (&s);
  /* December 2017 (bit 11) to August 2018 (bit 12 + 7) */
  all = factures_tax_calendar (&from, &to, &s, NULL, ((guint64) 0x1ff) << 11);
  des_list = deadlines_of (all, FACTURES_DEADLINE_DES);
  assert_dates (des_list, des, G_N_ELEMENTS (des));
  factures_urssaf_settings_clear (&s);
}

static void
test_calendar_quarterly (void)
{
  static const char *const urssaf[] = { "2026-02-02", "2026-04-30", "2026-07-31", "2026-11-02" };
  FacturesUrssafSettings s;
  GDate from = d ("2026-01-01"), to = d ("2026-12-31");
  gint64 boxes[FACTURES_URSSAF_N_BOXES] = { 0, 12000, 30000, 0 };
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) u = NULL;
  g_autoptr(GPtrArray) tax = NULL;
  g_autoptr(GPtrArray) cfe = NULL;
  g_autoptr(GPtrArray) vl = NULL;
  g_autoptr(GPtrArray) periodicity = NULL;

  factures_urssaf_settings_init (&s);
  s.quarterly = TRUE;
  s.versement_liberatoire = TRUE;
  s.creation = d ("2026-03-01");
  s.department = g_strdup ("2A");
  all = factures_tax_calendar (&from, &to, &s, boxes, 0);
  u = deadlines_of (all, FACTURES_DEADLINE_URSSAF);
  assert_dates (u, urssaf, G_N_ELEMENTS (urssaf));
  g_assert_cmpstr (((FacturesDeadline *) g_ptr_array_index (u, 1))->what, ==,
                   "Déclaration URSSAF du 1er trimestre 2026 et paiement");
  tax = deadlines_of (all, FACTURES_DEADLINE_INCOME_TAX);
  assert_date (&((FacturesDeadline *) g_ptr_array_index (tax, 0))->date, "2026-05-28");
  g_assert_nonnull (strstr (((FacturesDeadline *) g_ptr_array_index (tax, 0))->what, "case 5TB : 12000 €"));
  g_assert_nonnull (strstr (((FacturesDeadline *) g_ptr_array_index (tax, 0))->what, "case 5TE : 30000 €"));
  /* no CFE in the year of creation */
  cfe = deadlines_of (all, FACTURES_DEADLINE_CFE);
  g_assert_cmpuint (cfe->len, ==, 0);
  vl = deadlines_of (all, FACTURES_DEADLINE_VL_OPTION);
  assert_date (&((FacturesDeadline *) g_ptr_array_index (vl, 0))->date, "2026-09-30");
  periodicity = deadlines_of (all, FACTURES_DEADLINE_PERIODICITY);
  assert_date (&((FacturesDeadline *) g_ptr_array_index (periodicity, 0))->date, "2026-10-31");
  /* in date order */
  for (guint i = 1; i < all->len; i++)
    g_assert_cmpint (g_date_compare (&((FacturesDeadline *) g_ptr_array_index (all, i - 1))->date,
                                     &((FacturesDeadline *) g_ptr_array_index (all, i))->date), <=, 0);
  factures_urssaf_settings_clear (&s);
}

/* todo (issue 17 item 4): the VAT returns of a VAT-registered user, none in franchise */
static void
test_calendar_vat (void)
{
  static const char *const ca12[] = { "2026-05-05", "2026-07-15", "2026-12-15" };
  static const char *const ca3[] = {
    "2026-01-15", "2026-02-16", "2026-03-16", "2026-04-15", "2026-05-15", "2026-06-15",
    "2026-07-15", "2026-08-17", "2026-09-15", "2026-10-15", "2026-11-16", "2026-12-15",
  };
  static const char *const ca3q[] = { "2026-01-15", "2026-04-15", "2026-07-15", "2026-10-15" };
  FacturesUrssafSettings s;
  GDate from = d ("2026-01-01"), to = d ("2026-12-31"), from27 = d ("2027-01-01"), to27 = d ("2027-12-31");

  factures_urssaf_settings_init (&s);
  {
    g_autoptr(GPtrArray) all = factures_tax_calendar (&from, &to, &s, NULL, 0);
    g_autoptr(GPtrArray) vat = deadlines_of (all, FACTURES_DEADLINE_VAT);

    g_assert_cmpuint (vat->len, ==, 0);
  }
  s.vat_return = FACTURES_VAT_RETURN_CA12;
  {
    g_autoptr(GPtrArray) all = factures_tax_calendar (&from, &to, &s, NULL, 0);
    g_autoptr(GPtrArray) vat = deadlines_of (all, FACTURES_DEADLINE_VAT);
    g_autoptr(GPtrArray) all27 = factures_tax_calendar (&from27, &to27, &s, NULL, 0);
    g_autoptr(GPtrArray) vat27 = deadlines_of (all27, FACTURES_DEADLINE_VAT);

    /* 1 May 2026 is a Friday (holiday): Monday 4, then Tuesday 5 */
    assert_dates (vat, ca12, G_N_ELEMENTS (ca12));
    g_assert_cmpstr (((FacturesDeadline *) g_ptr_array_index (vat, 0))->what, ==,
                     "Déclaration annuelle de TVA CA12 2025 et solde");
    g_assert_true (((FacturesDeadline *) g_ptr_array_index (vat, 0))->to_confirm);
    /* 1 May 2027 a Saturday: Monday 3, Tuesday 4 */
    assert_date (&((FacturesDeadline *) g_ptr_array_index (vat27, 0))->date, "2027-05-04");
  }
  s.vat_return = FACTURES_VAT_RETURN_CA3_MONTHLY;
  {
    g_autoptr(GPtrArray) all = factures_tax_calendar (&from, &to, &s, NULL, 0);
    g_autoptr(GPtrArray) vat = deadlines_of (all, FACTURES_DEADLINE_VAT);

    /* 15 August 2026 a Saturday and a holiday: Monday 17 */
    assert_dates (vat, ca3, G_N_ELEMENTS (ca3));
    g_assert_cmpstr (((FacturesDeadline *) g_ptr_array_index (vat, 0))->what, ==,
                     "Déclaration de TVA CA3 de décembre 2025 et paiement");
  }
  s.vat_return = FACTURES_VAT_RETURN_CA3_QUARTERLY;
  {
    g_autoptr(GPtrArray) all = factures_tax_calendar (&from, &to, &s, NULL, 0);
    g_autoptr(GPtrArray) vat = deadlines_of (all, FACTURES_DEADLINE_VAT);

    assert_dates (vat, ca3q, G_N_ELEMENTS (ca3q));
    g_assert_cmpstr (((FacturesDeadline *) g_ptr_array_index (vat, 1))->what, ==,
                     "Déclaration de TVA CA3 du 1er trimestre 2026 et paiement");
  }
  factures_urssaf_settings_clear (&s);
}

/* ---- thresholds ---- */

static void
add (GArray *amounts, const char *iso, gint64 cents)
{
  FacturesDatedAmount a = { d (iso), cents };

  g_array_append_val (amounts, a);
}

static void
test_crossing_steady (void)
{
  g_autoptr(GArray) amounts = g_array_new (FALSE, FALSE, sizeof (FacturesDatedAmount));
  GDate june = d ("2026-06-30"), october = d ("2026-10-15");
  FacturesCrossing c;
  char iso[16];

  /* 5 000 € on the 1st of each month */
  for (guint m = 1; m <= 12; m++)
    {
      g_snprintf (iso, sizeof iso, "2026-%02u-01", m);
      add (amounts, iso, 500000);
    }
  /* 30 000 € in 181 days: 41 250 € × 181 / 30 000 = 248,875 → day 249, 6 September */
  factures_threshold_crossing (amounts, 2026, 4125000, NULL, &june, &c);
  g_assert_false (c.crossed);
  g_assert_cmpint (c.total, ==, 3000000);
  g_assert_cmpint (c.permille, ==, 727);
  assert_date (&c.date, "2026-09-06");
  /* by 15 October: 45 000 € on 1 September is the first total above 41 250 € */
  factures_threshold_crossing (amounts, 2026, 4125000, NULL, &october, &c);
  g_assert_true (c.crossed);
  assert_date (&c.date, "2026-09-01");
  g_assert_cmpint (c.total, ==, 5000000);
  /* 83 600 € at that pace is never reached in 2026 */
  factures_threshold_crossing (amounts, 2026, 8360000, NULL, &june, &c);
  g_assert_false (c.crossed);
  g_assert_false (g_date_valid (&c.date));
}

static void
test_crossing_seasonal (void)
{
  g_autoptr(GArray) amounts = g_array_new (FALSE, FALSE, sizeof (FacturesDatedAmount));
  GDate today = d ("2026-08-31");
  FacturesCrossing c;

  /* a summer business: 20 000 € in July, 15 000 € in August, then a cancellation in 2025 that
   * does not count */
  add (amounts, "2026-07-01", 2000000);
  add (amounts, "2026-08-01", 1500000);
  add (amounts, "2025-12-31", 9000000);
  add (amounts, "2026-09-15", 9000000);   /* after today: ignored */
  /* 35 000 € in 243 days: 41 250 × 243 / 35 000 = 286,39 → day 287, 14 October */
  factures_threshold_crossing (amounts, 2026, 4125000, NULL, &today, &c);
  g_assert_false (c.crossed);
  g_assert_cmpint (c.total, ==, 3500000);
  assert_date (&c.date, "2026-10-14");
}

static void
test_crossing_creation_year (void)
{
  g_autoptr(GArray) amounts = g_array_new (FALSE, FALSE, sizeof (FacturesDatedAmount));
  GDate creation = d ("2026-07-01"), today = d ("2026-09-30"), earlier = d ("2025-07-01");
  gint64 prorated = factures_threshold_prorated (4125000, 2026, &creation);
  FacturesCrossing c;

  /* 41 250 € × 184 / 365 = 20 794,5205… → 20 794,52 € */
  g_assert_cmpint (prorated, ==, 2079452);
  g_assert_cmpint (factures_threshold_prorated (4125000, 2026, &earlier), ==, 4125000);
  g_assert_cmpint (factures_threshold_prorated (4125000, 2026, NULL), ==, 4125000);
  add (amounts, "2026-07-01", 600000);
  add (amounts, "2026-08-01", 600000);
  add (amounts, "2026-09-01", 600000);
  /* 18 000 € in 92 days from creation: 20 794,52 × 92 / 18 000 = 106,28 → day 107 from
   * 1 July, 15 October */
  factures_threshold_crossing (amounts, 2026, prorated, &creation, &today, &c);
  g_assert_false (c.crossed);
  g_assert_cmpint (c.permille, ==, 865);
  assert_date (&c.date, "2026-10-15");
}

/* ---- FEC ---- */

static void
test_fec (void)
{
  g_autoptr(GArray) receipts = g_array_new (FALSE, TRUE, sizeof (FacturesFecReceipt));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  FacturesFecAccounts accounts;
  FacturesFecReceipt r = { 0 };
  GDate validated = d ("2027-01-10");
  GHashTable *debit, *credit;
  guint n_entries = 0;

  r.date = d ("2026-03-10");
  r.reference = "F2026-0001";
  r.label = "Encaissement Dupont";
  r.amount = 120000;
  r.box[FACTURES_URSSAF_BOX_SERVICES_BNC] = 100000;
  r.vat = 20000;
  g_array_append_val (receipts, r);
  memset (&r, 0, sizeof r);
  r.date = d ("2026-04-02");
  r.reference = "F2026-0002";
  r.label = "Encaissement\tMartin";
  r.cash_method = TRUE;
  r.amount = 15000;
  r.box[FACTURES_URSSAF_BOX_SALES] = 10000;
  r.debours = 5000;
  g_array_append_val (receipts, r);
  memset (&r, 0, sizeof r);
  r.date = d ("2026-05-01");
  r.reference = "F2026-0001";
  r.label = "Annulation encaissement Dupont";
  r.amount = -120000;
  r.box[FACTURES_URSSAF_BOX_SERVICES_BNC] = -100000;
  r.vat = -20000;
  g_array_append_val (receipts, r);

  factures_fec_accounts_init (&accounts);
  accounts.bank = "5121";
  text = factures_fec_write (receipts, &accounts, &validated, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==,
                   "JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\t"
                   "CompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\t"
                   "ValidDate\tMontantdevise\tIdevise");
  debit = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  credit = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);
      gint64 dcents, ccents;
      char *comma;

      g_assert_cmpuint (g_strv_length (f), ==, 18);
      g_assert_cmpstr (f[0], ==, "BQ");
      g_assert_cmpuint (strlen (f[3]), ==, 8);
      g_assert_cmpstr (f[3], ==, f[9]);
      g_assert_cmpstr (f[15], ==, "20270110");
      comma = strchr (f[11], ',');
      g_assert_nonnull (comma);
      dcents = g_ascii_strtoll (f[11], NULL, 10) * 100 + g_ascii_strtoll (comma + 1, NULL, 10);
      comma = strchr (f[12], ',');
      ccents = g_ascii_strtoll (f[12], NULL, 10) * 100 + g_ascii_strtoll (comma + 1, NULL, 10);
      g_hash_table_insert (debit, g_strdup (f[2]),
                           GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (debit, f[2])) + (gint) dcents));
      g_hash_table_insert (credit, g_strdup (f[2]),
                           GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (credit, f[2])) + (gint) ccents));
      if (i == 1)
        {
          g_assert_cmpstr (f[2], ==, "1");
          g_assert_cmpstr (f[3], ==, "20260310");
          g_assert_cmpstr (f[4], ==, "5121");
          g_assert_cmpstr (f[11], ==, "1200,00");
        }
    }
  /* three entries, each balanced */
  n_entries = g_hash_table_size (debit);
  g_assert_cmpuint (n_entries, ==, 3);
  for (guint e = 1; e <= 3; e++)
    {
      char key[8];

      g_snprintf (key, sizeof key, "%u", e);
      g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (debit, key)), ==,
                       GPOINTER_TO_INT (g_hash_table_lookup (credit, key)));
      g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (debit, key)), >, 0);
    }
  /* the cash receipt goes to 53, the débours to 467, the tab of the label is a space */
  g_assert_nonnull (strstr (text, "\t53\tCaisse\t"));
  g_assert_nonnull (strstr (text, "\t467\tDébours\t"));
  g_assert_nonnull (strstr (text, "Encaissement Martin"));
  g_hash_table_unref (debit);
  g_hash_table_unref (credit);

  /* an entry that does not balance is refused */
  g_array_index (receipts, FacturesFecReceipt, 0).vat = 19999;
  g_clear_pointer (&text, g_free);
  text = factures_fec_write (receipts, &accounts, &validated, &error);
  g_assert_null (text);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
}

/* Fifth trial, finding 11: a huge (or negative) total never wraps the percentage. */
static void
test_crossing_huge (void)
{
  g_autoptr(GArray) amounts = g_array_new (FALSE, FALSE, sizeof (FacturesDatedAmount));
  GDate today = d ("2026-12-06");
  FacturesCrossing c;

  add (amounts, "2026-09-01", G_GINT64_CONSTANT (1800000000000000));   /* 18 000 000 000 000 € */
  factures_threshold_crossing (amounts, 2026, 8360000, NULL, &today, &c);
  g_assert_true (c.crossed);
  g_assert_cmpint (c.permille, ==, 999999);

  g_array_set_size (amounts, 0);
  add (amounts, "2026-09-01", -500000);
  factures_threshold_crossing (amounts, 2026, 8360000, NULL, &today, &c);
  g_assert_cmpint (c.permille, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/urssaf/split", test_split);
  g_test_add_func ("/urssaf/round", test_round);
  g_test_add_func ("/urssaf/declaration/bnc", test_declaration_bnc);
  g_test_add_func ("/urssaf/declaration/mixed", test_declaration_mixed);
  g_test_add_func ("/urssaf/declaration/cma-tourism-acre", test_declaration_cma_tourism_acre);
  g_test_add_func ("/urssaf/rate-gap", test_rate_gap);
  g_test_add_func ("/urssaf/period", test_period);
  g_test_add_func ("/urssaf/holidays", test_holidays);
  g_test_add_func ("/urssaf/calendar/monthly", test_calendar_monthly);
  g_test_add_func ("/urssaf/calendar/quarterly", test_calendar_quarterly);
  g_test_add_func ("/urssaf/calendar/des-customs-2018", test_calendar_des_customs_2018);
  g_test_add_func ("/urssaf/calendar/vat", test_calendar_vat);
  g_test_add_func ("/urssaf/crossing/steady", test_crossing_steady);
  g_test_add_func ("/urssaf/crossing/seasonal", test_crossing_seasonal);
  g_test_add_func ("/urssaf/crossing/creation-year", test_crossing_creation_year);
  g_test_add_func ("/urssaf/crossing/huge", test_crossing_huge);
  g_test_add_func ("/urssaf/fec", test_fec);
  return g_test_run ();
}
