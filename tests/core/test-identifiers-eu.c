/* test-identifiers-eu.c — issue 3 item 7: accepted input forms, EU VAT formats,
 * SIREN from a French VAT number, and the messages that say what is wrong
 * (a SIRET with a wrong key, an IBAN with a wrong RIB key, a BIC's length or
 * country).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <string.h>

#include "factures-identifiers.h"
#include "factures-identifiers-eu.h"

static void
test_input_forms (void)
{
  static const char *ibans[] = {
    "FR76 3000 6000 0112 3456 7890 189",
    "fr76-3000-6000-0112-3456-7890-189",
    "FR76.3000.6000.0112.3456.7890.189",
    "FR76/30006/00001/12345678901/89",
    "IBAN FR7630006000011234567890189",
    "iban: fr76 3000 6000 0112 3456 7890 189",
  };
  static const char *vats[] = {
    "FR40303265045", "FR 40 303 265 045", "fr40.303.265.045", "40 303 265 045",
    "40303265045", "Fr 40-303-265-045",
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (ibans); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;

      g_assert_true (factures_iban_check (ibans[i], &out, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (out, ==, "FR7630006000011234567890189");
    }
  for (i = 0; i < G_N_ELEMENTS (vats); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;

      g_assert_true (factures_vat_id_check (vats[i], &out, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (out, ==, "FR40303265045");
    }
  {
    g_autofree char *out = NULL;
    g_autofree char *shown = NULL;

    g_assert_true (factures_siret_check ("732.829.320/00074", &out, NULL));
    g_assert_cmpstr (out, ==, "73282932000074");
    g_clear_pointer (&out, g_free);
    g_assert_true (factures_bic_check ("agri-fr-pp xxx", &out, NULL));
    g_assert_cmpstr (out, ==, "AGRIFRPPXXX");
    shown = factures_iban_format ("FR7630006000011234567890189");
    g_assert_cmpstr (shown, ==, "FR76 3000 6000 0112 3456 7890 189");
  }
}

static void
test_siren_from_vat (void)
{
  g_autofree char *a = factures_vat_id_fr_to_siren ("FR 40 303 265 045");
  g_autofree char *b = factures_vat_id_fr_to_siren ("40303265045");
  g_autofree char *monaco = factures_vat_id_fr_to_siren ("FR 53 0000 04605");
  g_autofree char *bad = factures_vat_id_fr_to_siren ("FR 41 303 265 045");
  g_autofree char *german = factures_vat_id_fr_to_siren ("DE123456788");

  g_assert_cmpstr (a, ==, "303265045");
  g_assert_cmpstr (b, ==, "303265045");
  g_assert_null (monaco);          /* valid, but no SIREN to derive */
  g_assert_true (factures_vat_id_eu_is_valid ("FR 53 0000 04605"));
  g_assert_null (bad);
  g_assert_null (german);
}

static void
test_eu_formats (void)
{
  static const char *valid[] = {
    "ATU57194903", "BE 0202.239.951", "BE 444.503.092", "BE (0)468.561.072",
    "DE 246595415", "ES A28184661", "GR 094279805", "EL 94051189",
    "IE 6433435IH", "IT 00618280499", "NL 8225.69.759 b01", "SE 556200077701",
    "DK: 21599336", "XI 432525179",
  };
  static const char *invalid[] = {
    "AT 57194903",       /* no U */
    "DE 011125440",      /* leading 0 */
    "NL 009122746B00",   /* B00 */
    "SE 55643359201",    /* 11 digits */
    "QQ 124567",         /* no such country */
    "ES B-583784312",    /* too long */
    "DE DE 246595415",   /* doubled prefix */
    "FR 41 303 265 045", /* French key checked */
    "FR",
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (valid); i++)
    if (!factures_vat_id_eu_is_valid (valid[i]))
      g_error ("“%s” refused", valid[i]);
  for (i = 0; i < G_N_ELEMENTS (invalid); i++)
    if (factures_vat_id_eu_is_valid (invalid[i]))
      g_error ("“%s” accepted", invalid[i]);
}

static void
test_messages (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  /* SIRET with a wrong key: refused, the message names the field. */
  g_assert_false (factures_siret_check ("732 829 320 00075", &out, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "SIRET"));
  g_assert_null (out);
  g_clear_error (&error);

  /* IBAN whose mod 97 is right but whose French RIB key is wrong. */
  g_assert_cmpint (factures_iban_problem ("FR4930006000011234567890190"), ==,
                   FACTURES_IDENTIFIER_BAD_NATIONAL_KEY);
  g_assert_false (factures_iban_check ("FR49 3000 6000 0112 3456 7890 190", &out, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "IBAN"));
  g_assert_nonnull (strstr (error->message, "RIB"));
  g_clear_error (&error);

  /* A mistyped digit breaks the IBAN check digits. */
  g_assert_cmpint (factures_iban_problem ("FR7630006000011234567890188"), ==,
                   FACTURES_IDENTIFIER_BAD_KEY);
  g_assert_cmpint (factures_iban_problem ("FR763000600001123456789018"), ==,
                   FACTURES_IDENTIFIER_BAD_LENGTH);
  g_assert_cmpint (factures_iban_problem ("QQ7630006000011234567890189"), ==,
                   FACTURES_IDENTIFIER_BAD_COUNTRY);
  g_assert_false (factures_iban_check ("FR76 3000 6000 0112 3456 7890 18", &out, &error));
  g_assert_nonnull (strstr (error->message, "length"));
  g_clear_error (&error);

  g_assert_cmpint (factures_bic_problem ("AGRIFRPPX"), ==, FACTURES_IDENTIFIER_BAD_LENGTH);
  g_assert_false (factures_bic_check ("AGRIFRPPX", &out, &error));
  g_assert_nonnull (strstr (error->message, "8 or 11"));
  g_clear_error (&error);
  g_assert_cmpint (factures_bic_problem ("AGRIQQPP"), ==, FACTURES_IDENTIFIER_BAD_COUNTRY);
  g_assert_cmpint (factures_bic_problem ("AGRI1RPP"), ==, FACTURES_IDENTIFIER_BAD_CHARACTERS);
  g_assert_cmpint (factures_bic_problem ("AGRIFRPP"), ==, FACTURES_IDENTIFIER_OK);
}

static void
test_display (void)
{
  const char *cases[][2] = {
    { "732829320", "732 829 320" },
    { "73282932000074", "732 829 320 00074" },
    { "FR44732829320", "FR 44 732 829 320" },
    { "DE123456788", "DE123456788" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = factures_identifier_display (cases[i][0]);
      g_autofree char *back = NULL;

      g_assert_cmpstr (shown, ==, cases[i][1]);
      /* What is shown is accepted back as typed, to the same stored value. */
      if (i == 0)
        g_assert_true (factures_siren_check (shown, &back, NULL));
      else if (i == 1)
        g_assert_true (factures_siret_check (shown, &back, NULL));
      else
        g_assert_true (factures_vat_id_check (shown, &back, NULL));
      g_assert_cmpstr (back, ==, cases[i][0]);
    }
  g_assert_null (factures_identifier_display (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/identifiers-eu/input-forms", test_input_forms);
  g_test_add_func ("/identifiers-eu/siren-from-vat", test_siren_from_vat);
  g_test_add_func ("/identifiers-eu/eu-formats", test_eu_formats);
  g_test_add_func ("/identifiers-eu/messages", test_messages);
  g_test_add_func ("/identifiers-eu/display", test_display);
  return g_test_run ();
}
