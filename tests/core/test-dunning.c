/* test-dunning.c — ladders as data, validation, and the scheduling rule of DESIGN.md §5
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <string.h>

#include "factures-dunning.h"

static GDate
d (const char *iso)
{
  GDate date;
  g_autoptr(GError) error = NULL;

  g_assert_true (factures_date_parse_iso (iso, &date, &error));
  return date;
}

static char *
iso (const GDate *date)
{
  return factures_date_format_iso (date);
}

static GArray *
events_new (void)
{
  return g_array_new (FALSE, TRUE, sizeof (FacturesDunningEvent));
}

static void
event_add (GArray *events, const char *key, const char *date, gboolean skipped)
{
  FacturesDunningEvent ev = { (char *) key, d (date), skipped };
  g_array_append_val (events, ev);
}

static GArray *
plan_one (const FacturesDunningLadder *ladder, const char *due, GArray *events,
          const GDate *promise, gboolean disputed, const char *today)
{
  g_autoptr(GArray) runs = g_array_new (FALSE, TRUE, sizeof (FacturesDunningRun));
  FacturesDunningRun run = { 0, d (due), 100000, events };
  GDate t = d (today);

  g_array_append_val (runs, run);
  return factures_dunning_plan_invoice (ladder, runs, promise, disputed, &t);
}

static const FacturesPlannedStep *
step_at (GArray *plan, guint i)
{
  return &g_array_index (plan, FacturesPlannedStep, i);
}

static guint
count_state (GArray *plan, FacturesStepState state)
{
  guint n = 0;
  for (guint i = 0; i < plan->len; i++)
    n += step_at (plan, i)->state == state;
  return n;
}

static void
assert_step (GArray *plan, guint i, const char *key, const char *date, FacturesStepState state)
{
  g_autofree char *got = iso (&step_at (plan, i)->date);

  g_assert_cmpstr (step_at (plan, i)->step_key, ==, key);
  g_assert_cmpstr (got, ==, date);
  g_assert_cmpint (step_at (plan, i)->state, ==, state);
}

static void
test_default_ladders (void)
{
  for (gint c = FACTURES_CLIENT_CATEGORY_INDIVIDUAL; c <= FACTURES_CLIENT_CATEGORY_PUBLIC; c++)
    {
      g_autoptr(FacturesDunningLadder) ladder = factures_dunning_ladder_new_default (c);
      g_autoptr(GError) error = NULL;
      gboolean has_sms = FALSE, has_formal = FALSE;

      g_assert_true (factures_dunning_ladder_validate (ladder, &error));
      g_assert_no_error (error);
      for (guint i = 0; i < ladder->steps->len; i++)
        {
          FacturesDunningStep *s = g_ptr_array_index (ladder->steps, i);
          has_sms |= s->channel == FACTURES_DUNNING_CHANNEL_SMS;
          has_formal |= s->channel == FACTURES_DUNNING_CHANNEL_FORMAL_NOTICE;
        }
      g_assert_true (has_formal);
      g_assert_true (has_sms == (c != FACTURES_CLIENT_CATEGORY_PUBLIC));
    }
}

static void
test_validation (void)
{
  g_autoptr(FacturesDunningLadder) same = factures_dunning_ladder_new_default (FACTURES_CLIENT_CATEGORY_COMPANY);
  g_autoptr(FacturesDunningLadder) early = factures_dunning_ladder_new (FACTURES_CLIENT_CATEGORY_COMPANY);
  g_autoptr(FacturesDunningLadder) ok = factures_dunning_ladder_new (FACTURES_CLIENT_CATEGORY_COMPANY);
  g_autoptr(GError) error = NULL;

  /* two steps on the same day and channel */
  g_ptr_array_add (same->steps, factures_dunning_step_new (10, FACTURES_DUNNING_CHANNEL_EMAIL, "x"));
  g_assert_false (factures_dunning_ladder_validate (same, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "J+10"));
  g_clear_error (&error);

  /* only two amicable steps before the formal notice */
  g_ptr_array_add (early->steps, factures_dunning_step_new (30, FACTURES_DUNNING_CHANNEL_FORMAL_NOTICE, "formal-notice"));
  g_ptr_array_add (early->steps, factures_dunning_step_new (3, FACTURES_DUNNING_CHANNEL_EMAIL, "a"));
  g_ptr_array_add (early->steps, factures_dunning_step_new (10, FACTURES_DUNNING_CHANNEL_PHONE, "b"));
  g_assert_false (factures_dunning_ladder_validate (early, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  g_ptr_array_add (early->steps, factures_dunning_step_new (40, FACTURES_DUNNING_CHANNEL_SMS, "c"));
  g_assert_false (factures_dunning_ladder_validate (early, &error));   /* after the formal one: does not count */
  g_clear_error (&error);

  /* same day, different channels: accepted, and sorted */
  g_ptr_array_add (ok->steps, factures_dunning_step_new (20, FACTURES_DUNNING_CHANNEL_FORMAL_NOTICE, "f"));
  g_ptr_array_add (ok->steps, factures_dunning_step_new (3, FACTURES_DUNNING_CHANNEL_EMAIL, "a"));
  g_ptr_array_add (ok->steps, factures_dunning_step_new (3, FACTURES_DUNNING_CHANNEL_SMS, "b"));
  g_ptr_array_add (ok->steps, factures_dunning_step_new (10, FACTURES_DUNNING_CHANNEL_PHONE, "c"));
  g_assert_true (factures_dunning_ladder_validate (ok, &error));
  g_assert_no_error (error);
  g_assert_cmpint (((FacturesDunningStep *) g_ptr_array_index (ok->steps, 0))->offset_days, ==, 3);
  g_assert_cmpint (((FacturesDunningStep *) g_ptr_array_index (ok->steps, 3))->offset_days, ==, 20);
}

static void
test_dates_month_end_leap_year (void)
{
  g_autoptr(FacturesDunningLadder) ladder = factures_dunning_ladder_new_default (FACTURES_CLIENT_CATEGORY_COMPANY);
  g_autoptr(GArray) events = events_new ();
  g_autoptr(GArray) plan = NULL;
  g_autoptr(GArray) plan2 = NULL;

  /* due 27 Feb 2028 (leap year), seen on 20 Feb: nothing late */
  plan = plan_one (ladder, "2028-02-27", events, NULL, FALSE, "2028-02-20");
  assert_step (plan, 0, "-3:email", "2028-02-24", FACTURES_STEP_STATE_PLANNED);
  assert_step (plan, 1, "+3:email", "2028-03-01", FACTURES_STEP_STATE_PLANNED);   /* 29 Feb exists */
  assert_step (plan, 2, "+10:email", "2028-03-08", FACTURES_STEP_STATE_PLANNED);
  assert_step (plan, 6, "+45:formal-notice", "2028-04-12", FACTURES_STEP_STATE_PLANNED);

  /* due 27 Feb 2027 (not leap): +3 is 2 March */
  plan2 = plan_one (ladder, "2027-02-27", events, NULL, FALSE, "2027-02-24");
  assert_step (plan2, 0, "-3:email", "2027-02-24", FACTURES_STEP_STATE_DUE);
  assert_step (plan2, 1, "+3:email", "2027-03-02", FACTURES_STEP_STATE_PLANNED);
  g_clear_pointer (&plan2, g_array_unref);

  /* across the year end: due 31 Dec 2026 */
  plan2 = plan_one (ladder, "2026-12-31", events, NULL, FALSE, "2026-12-01");
  assert_step (plan2, 1, "+3:email", "2027-01-03", FACTURES_STEP_STATE_PLANNED);
  assert_step (plan2, 5, "+30:letter", "2027-01-30", FACTURES_STEP_STATE_PLANNED);
}

static void
test_offline_catch_up (void)
{
  g_autoptr(FacturesDunningLadder) ladder = factures_dunning_ladder_new_default (FACTURES_CLIENT_CATEGORY_COMPANY);
  g_autoptr(GArray) events = events_new ();
  g_autoptr(GArray) plan = NULL;

  /* due 20 days before today, app closed all along */
  plan = plan_one (ladder, "2026-11-10", events, NULL, FALSE, "2026-11-30");
  assert_step (plan, 0, "-3:email", "2026-11-07", FACTURES_STEP_STATE_MISSED);
  assert_step (plan, 1, "+3:email", "2026-11-13", FACTURES_STEP_STATE_DUE);
  g_assert_cmpuint (count_state (plan, FACTURES_STEP_STATE_DUE), ==, 1);
  assert_step (plan, 2, "+10:email", "2026-12-07", FACTURES_STEP_STATE_PLANNED);
  g_clear_pointer (&plan, g_array_unref);

  /* the store records the missed step as skipped (its planned date), the user does D+3 today */
  event_add (events, "-3:email", "2026-11-07", TRUE);
  event_add (events, "+3:email", "2026-11-30", FALSE);
  plan = plan_one (ladder, "2026-11-10", events, NULL, FALSE, "2026-11-30");
  assert_step (plan, 0, "-3:email", "2026-11-07", FACTURES_STEP_STATE_SKIPPED);
  assert_step (plan, 1, "+3:email", "2026-11-30", FACTURES_STEP_STATE_DONE);
  /* D+10 comes 7 days after D+3 was done */
  assert_step (plan, 2, "+10:email", "2026-12-07", FACTURES_STEP_STATE_PLANNED);
  assert_step (plan, 3, "+17:phone", "2026-12-14", FACTURES_STEP_STATE_PLANNED);
  g_assert_cmpuint (count_state (plan, FACTURES_STEP_STATE_DUE), ==, 0);
  g_clear_pointer (&plan, g_array_unref);

  /* a week later D+10 is due, alone */
  plan = plan_one (ladder, "2026-11-10", events, NULL, FALSE, "2026-12-07");
  assert_step (plan, 2, "+10:email", "2026-12-07", FACTURES_STEP_STATE_DUE);
  g_assert_cmpuint (count_state (plan, FACTURES_STEP_STATE_DUE), ==, 1);
}

static void
test_promise_and_dispute (void)
{
  g_autoptr(FacturesDunningLadder) ladder = factures_dunning_ladder_new_default (FACTURES_CLIENT_CATEGORY_INDIVIDUAL);
  g_autoptr(GArray) events = events_new ();
  g_autoptr(GArray) plan = NULL;
  GDate promise = d ("2026-12-15");

  event_add (events, "-3:email", "2026-11-07", FALSE);
  event_add (events, "+3:email", "2026-11-13", FALSE);
  plan = plan_one (ladder, "2026-11-10", events, &promise, FALSE, "2026-11-30");
  assert_step (plan, 2, "+10:email", "2026-12-16", FACTURES_STEP_STATE_PAUSED);
  assert_step (plan, 3, "+17:phone", "2026-12-23", FACTURES_STEP_STATE_PLANNED);
  g_clear_pointer (&plan, g_array_unref);

  /* promise broken: the day after it, the ladder resumes */
  plan = plan_one (ladder, "2026-11-10", events, &promise, FALSE, "2026-12-16");
  assert_step (plan, 2, "+10:email", "2026-12-16", FACTURES_STEP_STATE_DUE);
  g_clear_pointer (&plan, g_array_unref);

  plan = plan_one (ladder, "2026-11-10", events, NULL, TRUE, "2026-11-30");
  g_assert_cmpuint (count_state (plan, FACTURES_STEP_STATE_DUE), ==, 0);
  assert_step (plan, 2, "+10:email", "2026-11-20", FACTURES_STEP_STATE_STOPPED);
}

static void
test_instalments_one_step_a_day (void)
{
  g_autoptr(FacturesDunningLadder) ladder = factures_dunning_ladder_new_default (FACTURES_CLIENT_CATEGORY_COMPANY);
  g_autoptr(GArray) ev1 = events_new ();
  g_autoptr(GArray) ev2 = events_new ();
  g_autoptr(GArray) runs = g_array_new (FALSE, TRUE, sizeof (FacturesDunningRun));
  g_autoptr(GArray) plan = NULL;
  FacturesDunningRun r1 = { 1, d ("2026-10-31"), 50000, ev1 };
  FacturesDunningRun r2 = { 2, d ("2026-11-30"), 50000, ev2 };
  GDate today = d ("2026-12-03");
  guint due = 0;

  g_array_append_val (runs, r1);
  g_array_append_val (runs, r2);
  event_add (ev1, "-3:email", "2026-10-28", FALSE);
  event_add (ev1, "+3:email", "2026-11-03", FALSE);
  event_add (ev1, "+10:email", "2026-11-10", FALSE);
  event_add (ev1, "+17:phone", "2026-11-17", FALSE);
  event_add (ev1, "+21:sms", "2026-11-21", FALSE);
  event_add (ev2, "-3:email", "2026-11-27", FALSE);

  /* instalment 1's D+30 (30 Nov) and instalment 2's D+3 (3 Dec) are both due: only one is proposed */
  plan = factures_dunning_plan_invoice (ladder, runs, NULL, FALSE, &today);
  for (guint i = 0; i < plan->len; i++)
    if (step_at (plan, i)->state == FACTURES_STEP_STATE_DUE)
      {
        due++;
        g_assert_cmpint (step_at (plan, i)->instalment, ==, 1);
        g_assert_cmpstr (step_at (plan, i)->step_key, ==, "+30:letter");
      }
  g_assert_cmpuint (due, ==, 1);
  g_clear_pointer (&plan, g_array_unref);

  /* once the letter is sent today, nothing else today; instalment 2's D+3 moves to tomorrow */
  event_add (ev1, "+30:letter", "2026-12-03", FALSE);
  plan = factures_dunning_plan_invoice (ladder, runs, NULL, FALSE, &today);
  g_assert_cmpuint (count_state (plan, FACTURES_STEP_STATE_DUE), ==, 0);
  assert_step (plan, ladder->steps->len + 1, "+3:email", "2026-12-04", FACTURES_STEP_STATE_PLANNED);
}

/* Issue 11 item 8: no "90 days" on day one; the figure only after 5 paid invoices and
 * 90 days since the first was issued. */
static void
test_dso_history (void)
{
  GDate first, today;

  g_date_set_dmy (&first, 6, G_DATE_JANUARY, 2026);
  today = first;
  g_assert_false (factures_dso_has_history (0, NULL, &today));        /* nothing issued */
  g_assert_false (factures_dso_has_history (0, &first, &today));      /* day one */
  g_assert_false (factures_dso_has_history (5, &first, &today));      /* 5 paid, but day one */
  g_date_set_dmy (&today, 5, G_DATE_APRIL, 2026);                     /* 89 days later */
  g_assert_cmpint (g_date_days_between (&first, &today), ==, 89);
  g_assert_false (factures_dso_has_history (5, &first, &today));
  g_date_set_dmy (&today, 6, G_DATE_APRIL, 2026);                     /* 90 days later */
  g_assert_false (factures_dso_has_history (4, &first, &today));      /* only 4 paid */
  g_assert_true (factures_dso_has_history (5, &first, &today));
  g_assert_true (factures_dso_has_history (120, &first, &today));
  g_date_clear (&first, 1);
  g_assert_false (factures_dso_has_history (5, &first, &today));      /* invalid date */
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/dunning/default-ladders", test_default_ladders);
  g_test_add_func ("/dunning/validation", test_validation);
  g_test_add_func ("/dunning/dates", test_dates_month_end_leap_year);
  g_test_add_func ("/dunning/offline-catch-up", test_offline_catch_up);
  g_test_add_func ("/dunning/promise-dispute", test_promise_and_dispute);
  g_test_add_func ("/dunning/instalments", test_instalments_one_step_a_day);
  g_test_add_func ("/dunning/dso-history", test_dso_history);
  return g_test_run ();
}
