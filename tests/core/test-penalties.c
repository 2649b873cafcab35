/* test-penalties.c — late-payment interest against hand-computed values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <string.h>

#include "factures-penalties.h"

static GDate
d (const char *iso)
{
  GDate date;
  g_autoptr(GError) error = NULL;

  g_assert_true (factures_date_parse_iso (iso, &date, &error));
  g_assert_no_error (error);
  return date;
}

/* A table with one explicit rate per half-year, so hand computations are simple. */
static GArray *
simple_table (void)
{
  GArray *table = g_array_new (FALSE, TRUE, sizeof (FacturesRatePeriod));
  FacturesRatePeriod h1 = { 2026, 1, 215, 667, 262, NULL };
  FacturesRatePeriod h2 = { 2026, 2, 300, 700, 300, NULL };

  g_array_set_clear_func (table, (GDestroyNotify) factures_rate_period_clear);
  g_array_append_val (table, h1);
  g_array_append_val (table, h2);
  return table;
}

static void
test_hand_example (void)
{
  g_autoptr(GArray) table = simple_table ();
  g_auto(FacturesPenalties) p = { 0 };
  g_autoptr(GError) error = NULL;
  GDate due = d ("2026-03-01"), end = d ("2026-03-31");
  const FacturesPenaltySegment *seg;

  /* LEGAL.md §3: 15 000 € × 15 % × 30 / 365 = 184,93 € */
  g_assert_true (factures_penalties_compute (FACTURES_CLIENT_CATEGORY_COMPANY, 1500, 1500000, NULL,
                                             &due, NULL, &end, table, &p, &error));
  g_assert_no_error (error);
  g_assert_cmpint (p.rule, ==, FACTURES_PENALTY_RULE_FIXED);
  g_assert_cmpint (p.days, ==, 30);
  g_assert_cmpuint (p.segments->len, ==, 1);
  seg = &g_array_index (p.segments, FacturesPenaltySegment, 0);
  g_assert_cmpint (seg->rate_bp, ==, 1500);
  g_assert_false (seg->floored);
  g_assert_cmpint (p.interest, ==, 18493);
  g_assert_cmpint (p.indemnity, ==, 4000);
  g_assert_cmpint (p.total, ==, 22493);
  g_assert_false (p.table_outdated);
}

static void
test_half_year_span (void)
{
  g_autoptr(GArray) table = simple_table ();
  g_auto(FacturesPenalties) p = { 0 };
  g_autoptr(GError) error = NULL;
  GDate due = d ("2026-06-20"), end = d ("2026-07-10");
  const FacturesPenaltySegment *a, *b;
  g_autofree char *text = NULL;

  /* default rule: H1 2026 ECB 2,15 % + 10 = 12,15 % (floor 3 × 2,62 = 7,86 %);
   * H2 2026 ECB 3 % + 10 = 13 % (floor 9 %). 10 000 €, 21 → 30 June = 10 days, 1 → 10 July = 10 days.
   * 1 000 000 × 1215 × 10 / 3 650 000 = 3328,77 → 3329; 1 000 000 × 1300 × 10 / 3 650 000 = 3561,64 → 3562 */
  g_assert_true (factures_penalties_compute (FACTURES_CLIENT_CATEGORY_ASSOCIATION, 0, 1000000, NULL,
                                             &due, NULL, &end, table, &p, &error));
  g_assert_no_error (error);
  g_assert_cmpint (p.rule, ==, FACTURES_PENALTY_RULE_ECB_PLUS_10);
  g_assert_cmpuint (p.segments->len, ==, 2);
  a = &g_array_index (p.segments, FacturesPenaltySegment, 0);
  b = &g_array_index (p.segments, FacturesPenaltySegment, 1);
  g_assert_cmpint (a->days, ==, 10);
  g_assert_cmpint (a->rate_bp, ==, 1215);
  g_assert_cmpint (a->amount, ==, 3329);
  g_assert_cmpint (g_date_get_day (&a->to), ==, 30);
  g_assert_cmpint (b->days, ==, 10);
  g_assert_cmpint (b->rate_bp, ==, 1300);
  g_assert_cmpint (b->amount, ==, 3562);
  g_assert_cmpint (g_date_get_month (&b->from), ==, G_DATE_JULY);
  g_assert_cmpint (p.interest, ==, 3329 + 3562);
  g_assert_cmpint (p.total, ==, 3329 + 3562 + 4000);

  text = factures_penalties_describe (&p);
  g_assert_nonnull (strstr (text, "Du 21/06/2026 au 30/06/2026"));
  g_assert_nonnull (strstr (text, "40,00"));
}

/* Trial finding T6: an invoice in USD: the principal and the interest in USD, the 40 €
 * indemnity in euros, the total as both. */
static void
test_describe_currency (void)
{
  g_autoptr(GArray) table = simple_table ();
  g_auto(FacturesPenalties) p = { 0 };
  g_autoptr(GError) error = NULL;
  GDate due = d ("2026-06-20"), end = d ("2026-07-10");
  g_autofree char *text = NULL;

  g_assert_true (factures_penalties_compute (FACTURES_CLIENT_CATEGORY_ASSOCIATION, 0, 1000000, NULL,
                                             &due, NULL, &end, table, &p, &error));
  g_assert_no_error (error);
  text = factures_penalties_describe_in (&p, "USD");
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "000,00\u00a0USD × "));
  g_assert_nonnull (strstr (text, "= 33,29\u00a0USD"));
  g_assert_nonnull (strstr (text, "Total : 68,91\u00a0USD + 40,00\u00a0€"));
  g_assert_null (strstr (text, "000,00\u00a0€"));
}

static void
test_public_fixed_at_start (void)
{
  g_autoptr(GArray) table = simple_table ();
  g_auto(FacturesPenalties) p = { 0 };
  g_autoptr(GError) error = NULL;
  GDate due = d ("2026-06-20"), end = d ("2026-07-10");

  /* ECB of the half-year the delay starts (2,15 %) + 8 points, for both segments */
  g_assert_true (factures_penalties_compute (FACTURES_CLIENT_CATEGORY_PUBLIC, 1500, 1000000, NULL,
                                             &due, NULL, &end, table, &p, &error));
  g_assert_no_error (error);
  g_assert_cmpint (p.rule, ==, FACTURES_PENALTY_RULE_PUBLIC);
  g_assert_cmpuint (p.segments->len, ==, 2);
  g_assert_cmpint (g_array_index (p.segments, FacturesPenaltySegment, 0).rate_bp, ==, 1015);
  g_assert_cmpint (g_array_index (p.segments, FacturesPenaltySegment, 1).rate_bp, ==, 1015);
  /* 1 000 000 × 1015 × 10 / 3 650 000 = 2780,82 → 2781, twice */
  g_assert_cmpint (p.interest, ==, 2 * 2781);
  g_assert_cmpint (p.indemnity, ==, 4000);
}

static void
test_individual_from_notice (void)
{
  g_autoptr(GArray) table = simple_table ();
  g_auto(FacturesPenalties) p = { 0 };
  g_auto(FacturesPenalties) q = { 0 };
  g_autoptr(GError) error = NULL;
  GDate due = d ("2026-03-01"), notice = d ("2026-03-21"), end = d ("2026-03-31");

  /* no notice: nothing, and never the 40 € */
  g_assert_true (factures_penalties_compute (FACTURES_CLIENT_CATEGORY_INDIVIDUAL, 0, 500000, NULL,
                                             &due, NULL, &end, table, &p, &error));
  g_assert_no_error (error);
  g_assert_cmpint (p.total, ==, 0);
  g_assert_cmpint (p.indemnity, ==, 0);

  /* from the day after the notice: 22 → 31 March = 10 days at 2,62 %:
   * 500 000 × 262 × 10 / 3 650 000 = 358,90 → 359 */
  g_assert_true (factures_penalties_compute (FACTURES_CLIENT_CATEGORY_INDIVIDUAL, 0, 500000, NULL,
                                             &due, &notice, &end, table, &q, &error));
  g_assert_no_error (error);
  g_assert_cmpint (q.rule, ==, FACTURES_PENALTY_RULE_LEGAL);
  g_assert_cmpint (q.days, ==, 10);
  g_assert_cmpint (q.interest, ==, 359);
  g_assert_cmpint (q.indemnity, ==, 0);
}

static void
test_floor_and_partial_payment (void)
{
  g_autoptr(GArray) table = simple_table ();
  g_autoptr(GArray) payments = g_array_new (FALSE, FALSE, sizeof (FacturesPenaltyPayment));
  g_auto(FacturesPenalties) p = { 0 };
  g_autoptr(GError) error = NULL;
  GDate due = d ("2026-03-01"), end = d ("2026-03-31");
  FacturesPenaltyPayment pay = { d ("2026-03-11"), 400000 };
  const FacturesPenaltySegment *a, *b;

  g_array_append_val (payments, pay);
  /* 5 % is below 3 × 2,62 % = 7,86 %: floored. 1 000 000 for 2 → 11 March (10 days, the payment day
   * counts), then 600 000 for 12 → 31 March (20 days).
   * 1 000 000 × 786 × 10 / 3 650 000 = 2153,42 → 2153; 600 000 × 786 × 20 / 3 650 000 = 2584,11 → 2584 */
  g_assert_true (factures_penalties_compute (FACTURES_CLIENT_CATEGORY_COMPANY, 500, 1000000, payments,
                                             &due, NULL, &end, table, &p, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (p.segments->len, ==, 2);
  a = &g_array_index (p.segments, FacturesPenaltySegment, 0);
  b = &g_array_index (p.segments, FacturesPenaltySegment, 1);
  g_assert_true (a->floored);
  g_assert_cmpint (a->rate_bp, ==, 786);
  g_assert_cmpint (a->days, ==, 10);
  g_assert_cmpint (a->amount, ==, 2153);
  g_assert_cmpint (b->unpaid, ==, 600000);
  g_assert_cmpint (b->days, ==, 20);
  g_assert_cmpint (b->amount, ==, 2584);
  g_assert_cmpint (p.days, ==, 30);
}

static void
test_not_late_and_outdated_table (void)
{
  g_autoptr(GArray) table = factures_rate_table_new_default ();
  g_auto(FacturesPenalties) p = { 0 };
  g_auto(FacturesPenalties) q = { 0 };
  g_autoptr(GError) error = NULL;
  GDate due = d ("2026-12-01"), end = d ("2026-12-01"), later = d ("2026-12-11");
  g_autofree char *text = NULL;

  g_assert_true (factures_penalties_compute (FACTURES_CLIENT_CATEGORY_COMPANY, 0, 100000, NULL,
                                             &due, NULL, &end, table, &p, &error));
  g_assert_no_error (error);
  g_assert_cmpint (p.total, ==, 0);
  g_assert_cmpint (p.indemnity, ==, 0);

  /* H2 2026 is not in the shipped table: H1 2026's values are used and flagged */
  g_assert_true (factures_penalties_compute (FACTURES_CLIENT_CATEGORY_COMPANY, 0, 100000, NULL,
                                             &due, NULL, &later, table, &q, &error));
  g_assert_no_error (error);
  g_assert_true (q.table_outdated);
  g_assert_cmpint (g_array_index (q.segments, FacturesPenaltySegment, 0).rate_bp, ==, 1215);
  g_assert_true (g_array_index (q.segments, FacturesPenaltySegment, 0).estimated);
  text = factures_penalties_describe (&q);
  g_assert_nonnull (strstr (text, "doit être mis à jour"));
}

static void
test_default_table (void)
{
  g_autoptr(GArray) table = factures_rate_table_new_default ();
  const FacturesRatePeriod *last;

  g_assert_cmpuint (table->len, ==, 3);
  last = &g_array_index (table, FacturesRatePeriod, table->len - 1);
  g_assert_cmpint (last->year, ==, 2026);
  g_assert_cmpint (last->half, ==, 1);
  g_assert_cmpint (last->ecb_bp, ==, 215);
  g_assert_cmpint (last->legal_individual_bp, ==, 667);
  g_assert_cmpint (last->legal_other_bp, ==, 262);
  g_assert_cmpint (g_array_index (table, FacturesRatePeriod, 0).ecb_bp, ==, FACTURES_RATE_UNKNOWN);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/penalties/hand-example", test_hand_example);
  g_test_add_func ("/penalties/half-year-span", test_half_year_span);
  g_test_add_func ("/penalties/public", test_public_fixed_at_start);
  g_test_add_func ("/penalties/individual", test_individual_from_notice);
  g_test_add_func ("/penalties/floor-partial-payment", test_floor_and_partial_payment);
  g_test_add_func ("/penalties/not-late-outdated", test_not_late_and_outdated_table);
  g_test_add_func ("/penalties/default-table", test_default_table);
  g_test_add_func ("/penalties/describe-currency", test_describe_currency);
  return g_test_run ();
}
