/* test-terms.c — due dates from payment terms, both "45 jours fin de mois"
 * counts, and the B2B maximum (C. com. L441-10)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <string.h>

#include "factures-terms.h"

static void
due (FacturesTermsKind kind,
     guint             days,
     FacturesEomMethod method,
     const char       *issue,
     const char       *expected)
{
  FacturesPaymentTerms terms = { kind, days };
  g_autoptr(GError) error = NULL;
  g_autofree char *got = NULL;
  GDate issue_date, due_date;

  g_assert_true (factures_date_parse_iso (issue, &issue_date, &error));
  g_assert_no_error (error);
  factures_terms_due_date (&terms, method, &issue_date, &due_date);
  got = factures_date_format_iso (&due_date);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_on_receipt (void)
{
  due (FACTURES_TERMS_ON_RECEIPT, 0, FACTURES_EOM_METHOD_ADD_THEN_END, "2026-11-30", "2026-11-30");
  due (FACTURES_TERMS_ON_RECEIPT, 30, FACTURES_EOM_METHOD_END_THEN_ADD, "2027-02-28", "2027-02-28");
}

static void
test_days (void)
{
  due (FACTURES_TERMS_DAYS, 30, FACTURES_EOM_METHOD_ADD_THEN_END, "2026-11-30", "2026-12-30");
  due (FACTURES_TERMS_DAYS, 30, FACTURES_EOM_METHOD_ADD_THEN_END, "2027-01-31", "2027-03-02");
  due (FACTURES_TERMS_DAYS, 60, FACTURES_EOM_METHOD_ADD_THEN_END, "2026-12-15", "2027-02-13");
  due (FACTURES_TERMS_DAYS, 30, FACTURES_EOM_METHOD_ADD_THEN_END, "2028-02-01", "2028-03-02");
  due (FACTURES_TERMS_DAYS, 0, FACTURES_EOM_METHOD_ADD_THEN_END, "2026-11-30", "2026-11-30");
}

static void
test_end_of_month (void)
{
  /* Add 45 days, then go to the end of that month. */
  due (FACTURES_TERMS_END_OF_MONTH_45, 0, FACTURES_EOM_METHOD_ADD_THEN_END, "2026-01-15", "2026-03-31");
  due (FACTURES_TERMS_END_OF_MONTH_45, 0, FACTURES_EOM_METHOD_ADD_THEN_END, "2026-11-30", "2027-01-31");
  due (FACTURES_TERMS_END_OF_MONTH_45, 0, FACTURES_EOM_METHOD_ADD_THEN_END, "2026-12-01", "2027-01-31");
  due (FACTURES_TERMS_END_OF_MONTH_45, 0, FACTURES_EOM_METHOD_ADD_THEN_END, "2027-01-10", "2027-02-28");
  due (FACTURES_TERMS_END_OF_MONTH_45, 0, FACTURES_EOM_METHOD_ADD_THEN_END, "2028-01-10", "2028-02-29");

  /* End of the issue month, then add 45 days. */
  due (FACTURES_TERMS_END_OF_MONTH_45, 0, FACTURES_EOM_METHOD_END_THEN_ADD, "2026-01-15", "2026-03-17");
  due (FACTURES_TERMS_END_OF_MONTH_45, 0, FACTURES_EOM_METHOD_END_THEN_ADD, "2026-11-30", "2027-01-14");
  due (FACTURES_TERMS_END_OF_MONTH_45, 0, FACTURES_EOM_METHOD_END_THEN_ADD, "2026-11-01", "2027-01-14");
  due (FACTURES_TERMS_END_OF_MONTH_45, 0, FACTURES_EOM_METHOD_END_THEN_ADD, "2028-01-02", "2028-03-16");
}

static void
test_validate_b2b_cap (void)
{
  FacturesPaymentTerms t60 = { FACTURES_TERMS_DAYS, 60 };
  FacturesPaymentTerms t61 = { FACTURES_TERMS_DAYS, 61 };
  FacturesPaymentTerms t90 = { FACTURES_TERMS_DAYS, 90 };
  FacturesPaymentTerms eom = { FACTURES_TERMS_END_OF_MONTH_45, 0 };
  FacturesPaymentTerms receipt = { FACTURES_TERMS_ON_RECEIPT, 0 };
  FacturesPaymentTerms year = { FACTURES_TERMS_DAYS, 400 };
  static const FacturesClientCategory b2b[] = {
    FACTURES_CLIENT_CATEGORY_COMPANY,
    FACTURES_CLIENT_CATEGORY_ASSOCIATION,
    FACTURES_CLIENT_CATEGORY_PUBLIC,
  };
  g_autoptr(GError) error = NULL;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (b2b); i++)
    {
      g_assert_true (factures_client_category_is_b2b (b2b[i]));
      g_assert_true (factures_terms_validate (&t60, b2b[i], &error));
      g_assert_no_error (error);
      g_assert_true (factures_terms_validate (&eom, b2b[i], &error));
      g_assert_true (factures_terms_validate (&receipt, b2b[i], &error));
      g_assert_false (factures_terms_validate (&t61, b2b[i], &error));
      g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "61"));
      g_clear_error (&error);
      g_assert_false (factures_terms_validate (&t90, b2b[i], &error));
      g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
      g_clear_error (&error);
    }

  /* Private clients: no legal maximum, only a sanity limit. */
  g_assert_false (factures_client_category_is_b2b (FACTURES_CLIENT_CATEGORY_INDIVIDUAL));
  g_assert_true (factures_terms_validate (&t90, FACTURES_CLIENT_CATEGORY_INDIVIDUAL, &error));
  g_assert_no_error (error);
  g_assert_false (factures_terms_validate (&year, FACTURES_CLIENT_CATEGORY_INDIVIDUAL, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
}

static void
test_describe (void)
{
  FacturesPaymentTerms t30 = { FACTURES_TERMS_DAYS, 30 };
  FacturesPaymentTerms t1 = { FACTURES_TERMS_DAYS, 1 };
  FacturesPaymentTerms eom = { FACTURES_TERMS_END_OF_MONTH_45, 0 };
  FacturesPaymentTerms receipt = { FACTURES_TERMS_ON_RECEIPT, 0 };
  char *s;

  /* LC_ALL=C.UTF-8 in the test environment: the untranslated English. */
  s = factures_terms_describe (&t30);
  g_assert_nonnull (strstr (s, "30"));
  g_free (s);

  s = factures_terms_describe_fr (&t30);
  g_assert_cmpstr (s, ==, "30 jours");
  g_free (s);
  s = factures_terms_describe_fr (&t1);
  g_assert_cmpstr (s, ==, "1 jour");
  g_free (s);
  s = factures_terms_describe_fr (&eom);
  g_assert_cmpstr (s, ==, "45 jours fin de mois");
  g_free (s);
  s = factures_terms_describe_fr (&receipt);
  g_assert_cmpstr (s, ==, "À réception");
  g_free (s);
}

/* Issue 10 finding 8: terms of -30 days (a JSON file) read "4294967266 days". */
static void
test_validate_negative (void)
{
  FacturesPaymentTerms minus30 = { FACTURES_TERMS_DAYS, (guint) -30 };
  g_autoptr(GError) error = NULL;

  for (guint category = 0; category < 3; category++)
    {
      g_assert_false (factures_terms_validate (&minus30, category, &error));
      g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
      g_assert_null (strstr (error->message, "4294967266"));
      g_assert_nonnull (strstr (error->message, "-30"));
      g_clear_error (&error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/terms/on-receipt", test_on_receipt);
  g_test_add_func ("/terms/days", test_days);
  g_test_add_func ("/terms/end-of-month-45", test_end_of_month);
  g_test_add_func ("/terms/b2b-cap", test_validate_b2b_cap);
  g_test_add_func ("/terms/negative", test_validate_negative);
  g_test_add_func ("/terms/describe", test_describe);

  return g_test_run ();
}
