/* test-schedule.c — payment schedules (échéancier, issue 6): the due date is the last
 * instalment's, dates increase from the issue date, the sum is the amount due, and a
 * professional buyer's last date obeys the cap of C. com. L441-10
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <string.h>

#include "factures-schedule.h"

/* "2027-01-15:30000,2027-02-15:30000" */
static GArray *
plan_of (const char *spec)
{
  GArray *plan = g_array_new (FALSE, TRUE, sizeof (FacturesPlannedInstalment));
  g_auto(GStrv) items = g_strsplit (spec, ",", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      FacturesPlannedInstalment inst = { 0 };
      g_auto(GStrv) parts = g_strsplit (items[i], ":", 2);

      g_date_clear (&inst.due_date, 1);
      if (*parts[0] != '\0')
        g_assert_true (factures_date_parse_iso (parts[0], &inst.due_date, NULL));
      inst.amount = g_ascii_strtoll (parts[1], NULL, 10);
      g_array_append_val (plan, inst);
    }
  return plan;
}

static GDate
date_of (const char *iso)
{
  GDate date;

  g_assert_true (factures_date_parse_iso (iso, &date, NULL));
  return date;
}

static void
check (const char             *spec,
       const char             *issue,
       FacturesClientCategory  category,
       gint64                  amount_due,
       const char             *expected_fragment)
{
  g_autoptr(GArray) plan = plan_of (spec);
  g_autoptr(GError) error = NULL;
  GDate issue_date = date_of (issue);
  gboolean ok;

  ok = factures_schedule_validate (plan, &issue_date, category, FACTURES_EOM_METHOD_ADD_THEN_END,
                                   amount_due, &error);
  if (expected_fragment == NULL)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  else
    {
      g_assert_false (ok);
      g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, expected_fragment));
    }
}

static void
test_due_date_is_last (void)
{
  g_autoptr(GArray) plan = plan_of ("2027-01-15:30000,2027-02-15:30000,2027-03-15:39000");
  g_autoptr(GArray) empty = g_array_new (FALSE, TRUE, sizeof (FacturesPlannedInstalment));
  g_autofree char *iso = NULL;
  GDate due;

  g_assert_true (factures_schedule_due_date (plan, &due));
  iso = factures_date_format_iso (&due);
  g_assert_cmpstr (iso, ==, "2027-03-15");
  g_assert_cmpint (factures_schedule_total (plan), ==, 99000);
  g_date_clear (&due, 1);
  g_assert_false (factures_schedule_due_date (empty, &due));
  g_assert_false (factures_schedule_due_date (NULL, &due));
  g_assert_false (g_date_valid (&due));
}

static void
test_rules (void)
{
  /* B2C: no cap, a year of instalments is fine. */
  check ("2027-01-15:30000,2027-02-15:30000,2027-03-15:39000", "2026-12-15",
         FACTURES_CLIENT_CATEGORY_INDIVIDUAL, 99000, NULL);
  check ("2026-12-15:10000,2027-12-15:10000", "2026-12-15", FACTURES_CLIENT_CATEGORY_INDIVIDUAL, 20000, NULL);
  /* The sum must be the amount due; both amounts are named. */
  check ("2027-01-15:30000,2027-02-15:30000", "2026-12-15", FACTURES_CLIENT_CATEGORY_INDIVIDUAL, 99000,
         "600,00");
  check ("2027-01-15:30000,2027-02-15:30000", "2026-12-15", FACTURES_CLIENT_CATEGORY_INDIVIDUAL, 99000,
         "990,00");
  /* -1: a draft, no sum check. */
  check ("2027-01-15:30000,2027-02-15:30000", "2026-12-15", FACTURES_CLIENT_CATEGORY_INDIVIDUAL, -1, NULL);
  /* Dates strictly increasing. */
  check ("2027-01-15:30000,2027-01-15:30000", "2026-12-15", FACTURES_CLIENT_CATEGORY_INDIVIDUAL, 60000,
         "instalment 2");
  check ("2027-02-15:30000,2027-01-15:30000", "2026-12-15", FACTURES_CLIENT_CATEGORY_INDIVIDUAL, 60000,
         "instalment 2");
  /* Not before the issue date. */
  check ("2026-12-14:30000,2027-01-15:30000", "2026-12-15", FACTURES_CLIENT_CATEGORY_INDIVIDUAL, 60000,
         "14/12/2026");
  /* Amounts > 0, dates valid. */
  check ("2027-01-15:0,2027-02-15:60000", "2026-12-15", FACTURES_CLIENT_CATEGORY_INDIVIDUAL, 60000,
         "instalment 1");
  check (":30000", "2026-12-15", FACTURES_CLIENT_CATEGORY_INDIVIDUAL, 30000, "instalment 1");
}

static void
test_b2b_cap (void)
{
  GDate issue = date_of ("2026-01-15");
  GDate limit;
  g_autofree char *iso = NULL;

  /* 15/01 + 60 days = 16/03; 45 days end of month (add then end) = 31/03: the later. */
  factures_schedule_legal_limit (&issue, FACTURES_EOM_METHOD_ADD_THEN_END, &limit);
  iso = factures_date_format_iso (&limit);
  g_assert_cmpstr (iso, ==, "2026-03-31");
  g_clear_pointer (&iso, g_free);
  /* End then add: 31/01 + 45 = 17/03, later than 16/03. */
  factures_schedule_legal_limit (&issue, FACTURES_EOM_METHOD_END_THEN_ADD, &limit);
  iso = factures_date_format_iso (&limit);
  g_assert_cmpstr (iso, ==, "2026-03-17");

  check ("2026-02-15:50000,2026-03-31:50000", "2026-01-15", FACTURES_CLIENT_CATEGORY_COMPANY, 100000, NULL);
  check ("2026-02-15:50000,2026-04-01:50000", "2026-01-15", FACTURES_CLIENT_CATEGORY_COMPANY, 100000,
         "31/03/2026");
  check ("2026-02-15:50000,2026-04-01:50000", "2026-01-15", FACTURES_CLIENT_CATEGORY_PUBLIC, 100000,
         "L441-10");
  /* The same plan for a private client is allowed. */
  check ("2026-02-15:50000,2026-04-01:50000", "2026-01-15", FACTURES_CLIENT_CATEGORY_INDIVIDUAL, 100000, NULL);
}

static void
test_describe (void)
{
  g_autoptr(GArray) plan = plan_of ("2027-01-15:30000,2027-02-15:30000,2027-03-15:39000");
  g_autoptr(GArray) one = plan_of ("2027-01-15:123456");
  g_autofree char *text = factures_schedule_describe_fr (plan);
  g_autofree char *single = factures_schedule_describe_fr (one);

  g_assert_cmpstr (text, ==, "Paiement en 3 échéances\302\240: 300,00\302\240€\302\240le\302\24015/01/2027\302\240; "
                             "300,00\302\240€\302\240le\302\24015/02/2027\302\240; "
                             "390,00\302\240€\302\240le\302\24015/03/2027");
  g_assert_cmpstr (single, ==, "Paiement en 1 échéance\302\240: 1\342\200\257234,56\302\240€\302\240le\302\24015/01/2027");
}

/* Interest per instalment from its own due date, 40 € once per invoice. Fixed 15 %. */
static void
penalties (const char *spec, gint64 settled, const char *paid_on, gint64 paid, const char *end,
           gint64 expected_interest, gint64 expected_indemnity)
{
  g_autoptr(GArray) plan = plan_of (spec);
  g_autoptr(GArray) table = factures_rate_table_new_default ();
  g_autoptr(GArray) payments = g_array_new (FALSE, FALSE, sizeof (FacturesPenaltyPayment));
  g_autoptr(GError) error = NULL;
  g_auto(FacturesPenalties) out = { 0 };
  GDate end_date = date_of (end);

  if (paid_on != NULL)
    {
      FacturesPenaltyPayment p = { date_of (paid_on), paid };
      g_array_append_val (payments, p);
    }
  g_assert_true (factures_schedule_penalties (plan, settled, payments, FACTURES_CLIENT_CATEGORY_COMPANY, 1500,
                                              NULL, &end_date, table, &out, &error));
  g_assert_no_error (error);
  g_test_message ("%s settled %" G_GINT64_FORMAT " → interest %" G_GINT64_FORMAT ", %u segments",
                  spec, settled, out.interest, out.segments->len);
  g_assert_cmpint (out.interest, ==, expected_interest);
  g_assert_cmpint (out.indemnity, ==, expected_indemnity);
  g_assert_cmpint (out.total, ==, expected_interest + expected_indemnity);
}

static void
test_penalties (void)
{
  const char *plan = "2026-01-31:100000,2026-02-28:100000";

  /* 1 000 € late from 1/02 to 30/03 (58 days): 100 000 × 15 % × 58 / 365 = 2 383,56 → 2 384;
   * 1 000 € from 1/03 (30 days): 1 232,88 → 1 233. The whole 2 000 € from the last due
   * date would give 2 466: the plan's dates matter. */
  penalties (plan, 0, NULL, 0, "2026-03-30", 2384 + 1233, 4000);
  /* 1 000 € paid on 10/02 settles the first instalment: 10 days on it (411). */
  penalties (plan, 0, "2026-02-10", 100000, "2026-03-30", 411 + 1233, 4000);
  /* 1 500 € paid on 10/02: the first is settled, half of the second is paid before its date. */
  penalties (plan, 0, "2026-02-10", 150000, "2026-03-30", 411 + 616, 4000);
  /* A credit note of 500 € settles half of the first one from the start: 1 192 on it. */
  penalties (plan, 50000, NULL, 0, "2026-03-30", 1192 + 1233, 4000);
  /* Nothing late yet: nothing at all. */
  penalties (plan, 0, NULL, 0, "2026-01-31", 0, 0);
  /* Only the first is late: interest on it, the 40 € once. */
  penalties (plan, 0, NULL, 0, "2026-02-09", 370, 4000);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/schedule/due-date-is-last", test_due_date_is_last);
  g_test_add_func ("/schedule/rules", test_rules);
  g_test_add_func ("/schedule/b2b-cap", test_b2b_cap);
  g_test_add_func ("/schedule/describe", test_describe);
  g_test_add_func ("/schedule/penalties", test_penalties);
  return g_test_run ();
}
