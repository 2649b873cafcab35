/* test-date.c — dates, FACTURES_TODAY, French parsing and formatting, text cleaning
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <string.h>

#include "factures-date.h"

static void
assert_dmy (const GDate *d,
            guint        day,
            guint        month,
            guint        year)
{
  g_assert_true (g_date_valid (d));
  g_assert_cmpuint (g_date_get_day (d), ==, day);
  g_assert_cmpuint (g_date_get_month (d), ==, month);
  g_assert_cmpuint (g_date_get_year (d), ==, year);
}

static void
test_today_override (void)
{
  GDate d;

  g_assert_true (g_setenv ("FACTURES_TODAY", "2027-09-01", TRUE));
  factures_today (&d);
  assert_dmy (&d, 1, 9, 2027);

  g_assert_true (g_setenv ("FACTURES_TODAY", "2024-02-29", TRUE));
  factures_today (&d);
  assert_dmy (&d, 29, 2, 2024);

  g_unsetenv ("FACTURES_TODAY");
  factures_today (&d);
  g_assert_true (g_date_valid (&d));
  g_assert_cmpuint (g_date_get_year (&d), >=, 2024);
}

static void
test_today_bad_override (void)
{
  if (g_test_subprocess ())
    {
      GDate d;

      g_setenv ("FACTURES_TODAY", "2026-02-31", TRUE);
      for (guint i = 0; i < 3; i++)
        {
          factures_today (&d);
          g_assert_true (g_date_valid (&d));
          g_assert_false (g_date_get_month (&d) == G_DATE_MARCH && g_date_get_day (&d) == 3 &&
                          g_date_get_year (&d) == 2026);
        }
      return;
    }
  /* An impossible override is ignored, never used, and said once per process (issue 10
   * finding 8: a command printed the same warning 55 times), not as a GLib warning. */
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*FACTURES_TODAY=2026-02-31*");
  g_test_trap_assert_stderr_unmatched ("*FACTURES_TODAY*FACTURES_TODAY*");
  g_test_trap_assert_stderr_unmatched ("*WARNING*");
}

static void
test_iso (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *s = NULL;
  GDate d;

  g_assert_true (factures_date_parse_iso ("2026-11-30", &d, &error));
  g_assert_no_error (error);
  assert_dmy (&d, 30, 11, 2026);
  s = factures_date_format_iso (&d);
  g_assert_cmpstr (s, ==, "2026-11-30");

  g_assert_false (factures_date_parse_iso ("2026-02-31", &d, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (factures_date_parse_iso ("2026-2-3", &d, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (factures_date_parse_iso ("30/11/2026", &d, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (factures_date_parse_iso (NULL, &d, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (factures_date_parse_iso ("2025-02-29", &d, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (factures_date_parse_iso ("2028-02-29", &d, &error));
  assert_dmy (&d, 29, 2, 2028);

  g_date_clear (&d, 1);
  g_assert_null (factures_date_format_iso (&d));
}

static void
test_fr (void)
{
  static const struct { const char *text; guint d, m, y; } ok[] = {
    { "30/11/2026", 30, 11, 2026 }, { "30/11/26", 30, 11, 2026 },
    { "30.11.2026", 30, 11, 2026 }, { "2026-11-30", 30, 11, 2026 },
    { "1/2/2026", 1, 2, 2026 }, { " 05/06/2027 ", 5, 6, 2027 },
    { "30-11-2026", 30, 11, 2026 }, { "29/02/2028", 29, 2, 2028 },
  };
  static const char * const bad[] = {
    "", "   ", "30/11", "30/11/2026/1", "aa/bb/cccc", "30/11-2026", "123/1/2026",
    "30/11/202", "30 novembre 2026", "32/01/2026", "00/01/2026", "15/13/2026",
  };
  g_autoptr(GError) error = NULL;
  GDate d;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      g_assert_true (factures_date_parse_fr (ok[i].text, "Date", &d, &error));
      g_assert_no_error (error);
      assert_dmy (&d, ok[i].d, ok[i].m, ok[i].y);
    }
  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (factures_date_parse_fr (bad[i], "Date d’échéance", &d, &error));
      g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "Date d’échéance"));
      g_clear_error (&error);
    }

  /* 31/02/2026 does not exist; the message names the field and the text. */
  g_assert_false (factures_date_parse_fr ("31/02/2026", "Date d’émission", &d, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Date d’émission"));
  g_assert_nonnull (strstr (error->message, "31/02/2026"));
  g_clear_error (&error);
  g_assert_false (factures_date_parse_fr ("29/02/2026", "Date", &d, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (factures_date_parse_fr (NULL, "Date", &d, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
}

static void
test_format (void)
{
  GDate d;
  char *s;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 30, 11, 2026);
  s = factures_date_format_fr (&d);
  g_assert_cmpstr (s, ==, "30/11/2026");
  g_free (s);
  s = factures_date_format_long (&d);
  g_assert_cmpstr (s, ==, "30 novembre 2026");
  g_free (s);

  g_date_set_dmy (&d, 1, 12, 2026);
  s = factures_date_format_long (&d);
  g_assert_cmpstr (s, ==, "1er décembre 2026");
  g_free (s);
  g_date_set_dmy (&d, 5, 2, 2027);
  s = factures_date_format_fr (&d);
  g_assert_cmpstr (s, ==, "05/02/2027");
  g_free (s);
  s = factures_date_format_long (&d);
  g_assert_cmpstr (s, ==, "5 février 2027");
  g_free (s);
  g_date_set_dmy (&d, 15, 8, 2027);
  s = factures_date_format_long (&d);
  g_assert_cmpstr (s, ==, "15 août 2027");
  g_free (s);
}

static void
test_days_between (void)
{
  GDate a, b;

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_dmy (&a, 30, 11, 2026);
  g_date_set_dmy (&b, 30, 12, 2026);
  g_assert_cmpint (factures_date_days_between (&a, &b), ==, 30);
  g_assert_cmpint (factures_date_days_between (&b, &a), ==, -30);
  g_assert_cmpint (factures_date_days_between (&a, &a), ==, 0);
  g_date_set_dmy (&b, 1, 3, 2028);
  g_date_set_dmy (&a, 28, 2, 2028);
  g_assert_cmpint (factures_date_days_between (&a, &b), ==, 2);
}

static void
test_text_clean (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);
  char *s;
  guint i;

  /* Trim (ASCII and Unicode spaces), NFC: "e" + combining acute → "é". */
  s = factures_text_clean ("  \xc2\xa0" "Cafe\xcc\x81 EI\t\n ", "Nom", FACTURES_MAX_NAME, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (s, ==, "Caf\xc3\xa9 EI");
  g_free (s);

  /* Inner line breaks stay; CRLF becomes LF. */
  s = factures_text_clean ("ligne 1\r\nligne 2", "Description", FACTURES_MAX_DESCRIPTION, TRUE, &error);
  g_assert_cmpstr (s, ==, "ligne 1\nligne 2");
  g_free (s);

  /* Empty: refused when required, "" otherwise. */
  g_assert_null (factures_text_clean ("   ", "Nom du client", FACTURES_MAX_NAME, TRUE, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Nom du client"));
  g_clear_error (&error);
  s = factures_text_clean (NULL, "Notes", FACTURES_MAX_NOTES, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (s, ==, "");
  g_free (s);

  /* Invalid UTF-8. */
  g_assert_null (factures_text_clean ("abc\xff", "Description", FACTURES_MAX_DESCRIPTION, FALSE, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Description"));
  g_clear_error (&error);

  /* Control characters. */
  g_assert_null (factures_text_clean ("a\x01" "b", "Nom", FACTURES_MAX_NAME, FALSE, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);

  /* 20,000 characters: refused for a description; the limit counts characters, not bytes. */
  for (i = 0; i < 20000; i++)
    g_string_append (long_text, "é");
  g_assert_null (factures_text_clean (long_text->str, "Description", FACTURES_MAX_DESCRIPTION, TRUE, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Description"));
  g_clear_error (&error);
  g_string_truncate (long_text, FACTURES_MAX_DESCRIPTION * 2);  /* 4000 × "é" (2 bytes) */
  s = factures_text_clean (long_text->str, "Description", FACTURES_MAX_DESCRIPTION, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_utf8_strlen (s, -1), ==, FACTURES_MAX_DESCRIPTION);
  g_free (s);
  g_string_append (long_text, "x");
  g_assert_null (factures_text_clean (long_text->str, "Description", FACTURES_MAX_DESCRIPTION, TRUE, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);

  /* CJK and emoji pass unchanged. */
  s = factures_text_clean ("漢字 🎉 « œ »", "Description", FACTURES_MAX_DESCRIPTION, TRUE, &error);
  g_assert_cmpstr (s, ==, "漢字 🎉 « œ »");
  g_free (s);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/today-override", test_today_override);
  g_test_add_func ("/date/today-bad-override", test_today_bad_override);
  g_test_add_func ("/date/iso", test_iso);
  g_test_add_func ("/date/fr", test_fr);
  g_test_add_func ("/date/format", test_format);
  g_test_add_func ("/date/days-between", test_days_between);
  g_test_add_func ("/text/clean", test_text_clean);

  return g_test_run ();
}
