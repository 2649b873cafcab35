/* test-series.c — number series patterns (issue 3 item 5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "factures-series.h"

static void
date_set (GDate *date,
          guint  day,
          guint  month,
          guint  year)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static void
test_format (void)
{
  g_autoptr(GError) error = NULL;
  GDate date;
  struct {
    const char *pattern;
    gint64      counter;
    const char *expected;
  } cases[] = {
    { "F{YYYY}-{NNNN}", 42, "F2026-0042" },
    { "F{YY}{MM}-{NNN}", 7, "F2603-007" },
    { "F{YYYY}-{NNNN}", 9999, "F2026-9999" },
    { "F{YYYY}-{NNNN}", 10000, "F2026-10000" },   /* widens, never wraps */
    { "{N}", 123456, "123456" },
    { "A+B_C/{YYYY}/{NN}", 3, "A+B_C/2026/03" },
  };

  date_set (&date, 15, 3, 2026);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *number = factures_series_format (cases[i].pattern, &date, cases[i].counter, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (number, ==, cases[i].expected);
    }
}

static void
test_refused (void)
{
  GDate date;
  struct {
    const char *pattern;
    gboolean    reset;
    const char *needle;   /* in the French-facing message (C locale: English) */
  } syntax[] = {
    { "", FALSE, "empty" },
    { "F {YYYY}-{NNNN}", FALSE, "space" },
    { "F{YYYY}-{NNNN} ", FALSE, "space" },
    { "Fé{NNNN}", FALSE, "é" },
    { "F{YYYY}", FALSE, "counter" },
    { "F{NN}-{NNNN}", FALSE, "only one" },
    { "F{XX}-{NNNN}", FALSE, "{XX}" },
    { "F{YYYY-{NNNN}", FALSE, "known token" },
    { "F{NNNN", FALSE, "not closed" },
    { "F-{NNNN}", TRUE, "year" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (syntax); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (factures_series_pattern_check (syntax[i].pattern, syntax[i].reset, &error));
      g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "Pattern: "));
      if (strstr (error->message, syntax[i].needle) == NULL)
        g_error ("“%s”: message “%s” lacks “%s”", syntax[i].pattern, error->message, syntax[i].needle);
    }

  g_assert_true (factures_series_pattern_check ("F{YYYY}-{NNNN}", TRUE, NULL));
  g_assert_true (factures_series_pattern_check ("FACT-{NNNNNN}", FALSE, NULL));

  /* 35 characters at most: 30 letters + "-" + 4 digits pass, one more fails. */
  date_set (&date, 1, 1, 2026);
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *ok = factures_series_format ("ABCDEFGHIJABCDEFGHIJABCDEFGHIJ-{NNNN}", &date, 1, &error);
    g_autofree char *too_long = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (strlen (ok), ==, 35);
    too_long = factures_series_format ("ABCDEFGHIJABCDEFGHIJABCDEFGHIJ-{NNNN}", &date, 10000, &error);
    g_assert_null (too_long);
    g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "35"));
  }
}

static void
test_counter_for (void)
{
  GDate last, same_year, next_year;

  date_set (&last, 20, 12, 2026);
  date_set (&same_year, 31, 12, 2026);
  date_set (&next_year, 2, 1, 2027);

  g_assert_cmpint (factures_series_counter_for (57, &last, &same_year, TRUE), ==, 57);
  g_assert_cmpint (factures_series_counter_for (57, &last, &next_year, TRUE), ==, 1);
  g_assert_cmpint (factures_series_counter_for (57, &last, &next_year, FALSE), ==, 57);
  g_assert_cmpint (factures_series_counter_for (1, NULL, &next_year, TRUE), ==, 1);
}

static void
test_parse_and_repeat (void)
{
  GDate last;
  guint year = 0;
  gint64 counter = 0;

  g_assert_true (factures_series_parse ("F{YYYY}-{NNNN}", "F2026-0042", &year, &counter));
  g_assert_cmpuint (year, ==, 2026);
  g_assert_cmpint (counter, ==, 42);
  g_assert_true (factures_series_parse ("F{YYYY}-{NNNN}", "F2026-12345", &year, &counter));
  g_assert_cmpint (counter, ==, 12345);
  g_assert_false (factures_series_parse ("F{YYYY}-{NNNN}", "F2026-042", NULL, NULL));
  g_assert_false (factures_series_parse ("F{YYYY}-{NNNN}", "D2026-0042", NULL, NULL));
  g_assert_true (factures_series_parse ("{NNNN}{YYYY}", "00422026", &year, &counter));
  g_assert_cmpint (counter, ==, 42);
  g_assert_cmpuint (year, ==, 2026);

  date_set (&last, 10, 6, 2026);
  /* Same pattern, counter lowered below an issued number: refused. */
  g_assert_true (factures_series_may_repeat ("F{YYYY}-{NNNN}", FALSE, 3, &last, "F2026-0005"));
  g_assert_false (factures_series_may_repeat ("F{YYYY}-{NNNN}", FALSE, 6, &last, "F2026-0005"));
  /* Another prefix can never meet it. */
  g_assert_false (factures_series_may_repeat ("FA{YYYY}-{NNNN}", FALSE, 1, &last, "F2026-0005"));
  /* Yearly reset: last year's numbers are safe, this year's below the counter too. */
  g_assert_false (factures_series_may_repeat ("F{YYYY}-{NNNN}", TRUE, 6, &last, "F2025-0100"));
  g_assert_false (factures_series_may_repeat ("F{YYYY}-{NNNN}", TRUE, 6, &last, "F2026-0005"));
  g_assert_true (factures_series_may_repeat ("F{YYYY}-{NNNN}", TRUE, 6, &last, "F2026-0006"));
  /* A number of a later year would come back once the counter restarts. */
  g_assert_true (factures_series_may_repeat ("F{YYYY}-{NNNN}", TRUE, 6, &last, "F2027-0001"));
  /* Without a year, a counter of a wider width is still the same counter. */
  g_assert_true (factures_series_may_repeat ("F-{NN}", FALSE, 1, &last, "F-12345"));
}

/* Issue 10: a yearly series' start set for a new year before its first number. */
static void
test_counter_since (void)
{
  GDate dec, jan;

  date_set (&dec, 31, 12, 2026);
  date_set (&jan, 4, 1, 2027);

  /* The counter belongs to 2026 (last number): 2027 restarts at 1. */
  g_assert_cmpint (factures_series_counter_since (12, 2026, &jan, TRUE), ==, 1);
  /* Start of 2027 set at 5 before its first number: 5 in 2027. */
  g_assert_cmpint (factures_series_counter_since (5, 2027, &jan, TRUE), ==, 5);
  g_assert_cmpint (factures_series_counter_since (5, 2027, &dec, TRUE), ==, 5);
  g_assert_cmpint (factures_series_counter_since (5, 0, &jan, TRUE), ==, 5);
  g_assert_cmpint (factures_series_counter_since (12, 2026, &jan, FALSE), ==, 12);
  g_assert_cmpint (factures_series_counter_since (0, 0, &jan, FALSE), ==, 1);

  /* A counter set to start 2027 at 5: 2027's 0005 and above may come, 0004 never; 2026's never. */
  g_assert_true (factures_series_may_repeat_since ("F{YYYY}-{NNNN}", TRUE, 5, 2027, "F2027-0005"));
  g_assert_false (factures_series_may_repeat_since ("F{YYYY}-{NNNN}", TRUE, 5, 2027, "F2027-0004"));
  g_assert_false (factures_series_may_repeat_since ("F{YYYY}-{NNNN}", TRUE, 5, 2027, "F2026-0090"));
  g_assert_true (factures_series_may_repeat_since ("F{YYYY}-{NNNN}", TRUE, 5, 2027, "F2028-0001"));
  g_assert_true (factures_series_may_repeat_since ("F{YYYY}-{NNNN}", FALSE, 5, 2027, "F2026-0090"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/series/format", test_format);
  g_test_add_func ("/series/refused", test_refused);
  g_test_add_func ("/series/counter-for", test_counter_for);
  g_test_add_func ("/series/parse-and-repeat", test_parse_and_repeat);
  g_test_add_func ("/series/counter-since", test_counter_since);

  return g_test_run ();
}
