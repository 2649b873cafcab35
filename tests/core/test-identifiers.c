/* test-identifiers.c — SIREN, SIRET, French VAT number, IBAN, BIC
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <string.h>

#include "factures-identifiers.h"
#include "factures-identifiers-eu.h"

static void
test_compact (void)
{
  char *s = factures_identifier_compact (" fr76-3000.6000/0112 3456\xc2\xa0" "7890\xe2\x80\xaf" "189 ");

  g_assert_cmpstr (s, ==, "FR7630006000011234567890189");
  g_free (s);
  s = factures_identifier_compact (NULL);
  g_assert_cmpstr (s, ==, "");
  g_free (s);
}

static void
test_siren (void)
{
  g_assert_true (factures_siren_is_valid ("404833048"));
  g_assert_true (factures_siren_is_valid ("732 829 320"));
  g_assert_true (factures_siren_is_valid ("552081317"));
  g_assert_true (factures_siren_is_valid ("356000000"));   /* La Poste */
  g_assert_false (factures_siren_is_valid ("404833047"));  /* bad key */
  g_assert_false (factures_siren_is_valid ("40483304"));   /* too short */
  g_assert_false (factures_siren_is_valid ("4048330480")); /* too long */
  g_assert_false (factures_siren_is_valid ("40483304A"));
  g_assert_false (factures_siren_is_valid (""));
  g_assert_false (factures_siren_is_valid (NULL));
}

static void
test_siret (void)
{
  g_assert_true (factures_siret_is_valid ("73282932000074"));
  g_assert_true (factures_siret_is_valid ("732 829 320 00074"));
  g_assert_false (factures_siret_is_valid ("73282932000079"));
  g_assert_false (factures_siret_is_valid ("7328293200007"));
  /* La Poste: head office follows Luhn, other establishments the digit sum rule. */
  g_assert_true (factures_siret_is_valid ("35600000000048"));
  g_assert_true (factures_siret_is_valid ("35600000049837"));
  g_assert_false (factures_siret_is_valid ("35600000049838"));
  /* 14 digits passing Luhn whose first 9 digits are not a valid SIREN. */
  g_assert_false (factures_siret_is_valid ("11111111100006"));
}

static void
test_vat (void)
{
  g_autofree char *vat = factures_vat_id_from_siren ("552 081 317");
  g_autofree char *vat2 = factures_vat_id_from_siren ("404833048");

  g_assert_cmpstr (vat, ==, "FR03552081317");
  g_assert_cmpstr (vat2, ==, "FR83404833048");
  g_assert_null (factures_vat_id_from_siren ("404833047"));

  g_assert_true (factures_vat_id_fr_is_valid ("FR03552081317"));
  g_assert_true (factures_vat_id_fr_is_valid ("fr 03 552 081 317"));
  g_assert_true (factures_vat_id_fr_is_valid ("FR40303265045"));
  g_assert_true (factures_vat_id_fr_is_valid ("FRK7399859412"));   /* old alphanumeric key */
  g_assert_true (factures_vat_id_fr_is_valid ("FR4Z123456782"));
  g_assert_false (factures_vat_id_fr_is_valid ("FR04552081317"));
  g_assert_false (factures_vat_id_fr_is_valid ("FR84323140391"));
  g_assert_false (factures_vat_id_fr_is_valid ("FRIO334175221"));  /* I and O never used */
  g_assert_false (factures_vat_id_fr_is_valid ("FRK7399859312"));
  g_assert_false (factures_vat_id_fr_is_valid ("FR000076090"));
  g_assert_false (factures_vat_id_fr_is_valid ("552081317"));
  g_assert_false (factures_vat_id_fr_is_valid ("DE03552081317"));
}

static void
test_iban (void)
{
  g_autofree char *formatted = factures_iban_format ("fr7630006000011234567890189");

  g_assert_true (factures_iban_is_valid ("FR7630006000011234567890189"));
  g_assert_true (factures_iban_is_valid ("FR76 3000 6000 0112 3456 7890 189"));
  g_assert_true (factures_iban_is_valid ("FR1420041010050500013M02606"));  /* letter in account */
  g_assert_true (factures_iban_is_valid ("DE89 3704 0044 0532 0130 00"));
  g_assert_true (factures_iban_is_valid ("GB29 NWBK 6016 1331 9268 19"));
  g_assert_true (factures_iban_is_valid ("BE68 5390 0754 7034"));
  g_assert_true (factures_iban_is_valid ("ES91 2100 0418 4502 0005 1332"));
  g_assert_true (factures_iban_is_valid ("MC58 1122 2000 0101 2345 6789 030"));

  g_assert_false (factures_iban_is_valid ("FR7730006000011234567890189"));  /* check digits */
  g_assert_false (factures_iban_is_valid ("FR763000600001123456789018"));   /* length 26 */
  g_assert_false (factures_iban_is_valid ("FR4930006000011234567890190"));  /* mod 97 ok, clé RIB wrong */
  g_assert_false (factures_iban_is_valid ("ES2121000418450200051331"));     /* mod 97 ok, CCC wrong */
  g_assert_false (factures_iban_is_valid ("DE89 AA04 0044 0532 0130 00"));  /* letters where digits */
  g_assert_false (factures_iban_is_valid ("XX89 3704 0044 0532 0130 00"));  /* unknown country */
  g_assert_false (factures_iban_is_valid ("DEAA 3704 0044 0532 0130 00"));
  g_assert_false (factures_iban_is_valid (""));
  g_assert_false (factures_iban_is_valid (NULL));

  g_assert_cmpstr (formatted, ==, "FR76 3000 6000 0112 3456 7890 189");
}

static void
test_bic (void)
{
  g_assert_true (factures_bic_is_valid ("AGRIFRPP"));
  g_assert_true (factures_bic_is_valid ("AGRIFRPPXXX"));
  g_assert_true (factures_bic_is_valid ("bnpa fr pp xxx"));
  g_assert_true (factures_bic_is_valid ("ASCMPKKA002"));
  g_assert_false (factures_bic_is_valid ("AGRIFRP"));
  g_assert_false (factures_bic_is_valid ("AGRIFRPPXX"));
  g_assert_false (factures_bic_is_valid ("AGRI1RPP"));      /* country must be letters */
  g_assert_false (factures_bic_is_valid ("AGRIFRPP_XX"));
}

static void
test_checks (void)
{
  g_autoptr(GError) error = NULL;
  char *out = (char *) "sentinel";

  /* Empty: accepted, nothing stored. */
  g_assert_true (factures_siren_check ("  ", &out, &error));
  g_assert_no_error (error);
  g_assert_null (out);
  g_assert_true (factures_iban_check (NULL, &out, &error));
  g_assert_null (out);

  g_assert_true (factures_siren_check ("404 833 048", &out, &error));
  g_assert_cmpstr (out, ==, "404833048");
  g_clear_pointer (&out, g_free);
  g_assert_true (factures_siret_check ("732 829 320 00074", &out, &error));
  g_assert_cmpstr (out, ==, "73282932000074");
  g_clear_pointer (&out, g_free);
  g_assert_true (factures_iban_check ("IBAN : FR76 3000 6000 0112 3456 7890 189", &out, &error));
  g_assert_cmpstr (out, ==, "FR7630006000011234567890189");
  g_clear_pointer (&out, g_free);
  g_assert_true (factures_bic_check ("agrifrpp", &out, &error));
  g_assert_cmpstr (out, ==, "AGRIFRPP");
  g_clear_pointer (&out, g_free);
  g_assert_true (factures_vat_id_check ("FR 03 552 081 317", &out, &error));
  g_assert_cmpstr (out, ==, "FR03552081317");
  g_clear_pointer (&out, g_free);
  g_assert_true (factures_vat_id_check ("DE123456788", &out, &error));
  g_assert_cmpstr (out, ==, "DE123456788");
  g_clear_pointer (&out, g_free);
  g_assert_no_error (error);

  g_assert_false (factures_siren_check ("404833047", &out, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "SIREN"));
  g_assert_nonnull (strstr (error->message, "404833047"));
  g_assert_null (out);
  g_clear_error (&error);
  g_assert_false (factures_siret_check ("123", &out, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "SIRET"));
  g_clear_error (&error);
  g_assert_false (factures_iban_check ("FR77 3000 6000 0112 3456 7890 189", &out, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "IBAN"));
  g_clear_error (&error);
  g_assert_false (factures_bic_check ("AGRI", &out, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "BIC"));
  g_clear_error (&error);
  g_assert_false (factures_vat_id_check ("FR04552081317", &out, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (factures_siren_check ("\xff", &out, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
}

/* Fifth trial, finding 5: a real ISO 3166-1 code, a French postal code of 5
 * digits, the overseas prefixes; every refusal names its field. */
static void
test_country_postal (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  g_assert_true (factures_country_code_check (" fr ", &out, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, "FR");
  g_clear_pointer (&out, g_free);
  g_assert_true (factures_country_code_check ("", &out, &error));
  g_assert_null (out);
  g_assert_true (factures_country_code_check ("GP", &out, &error));
  g_clear_pointer (&out, g_free);
  for (guint i = 0; i < 4; i++)
    {
      static const char *const bad[] = { "XX", "XK", "FRA", "E1" };

      g_assert_false (factures_country_code_check (bad[i], &out, &error));
      g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "Country: "));
      g_assert_null (out);
      g_clear_error (&error);
    }
  g_assert_true (factures_country_code_is_known ("DE"));
  g_assert_false (factures_country_code_is_known ("de"));

  g_assert_true (factures_postal_code_check ("69002", "FR", &error));
  g_assert_true (factures_postal_code_check ("20000", "FR", &error));   /* Ajaccio */
  g_assert_true (factures_postal_code_check ("97110", "FR", &error));
  g_assert_true (factures_postal_code_check ("97110", "GP", &error));
  g_assert_true (factures_postal_code_check ("69002", NULL, &error));
  g_assert_true (factures_postal_code_check (NULL, "FR", &error));
  g_assert_true (factures_postal_code_check ("SW1A 1AA", "GB", &error));
  g_assert_true (factures_postal_code_check ("ABCDE", "DE", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 5; i++)
    {
      static const char *const bad[][2] = {
        { "ABCDE", "FR" }, { "6900", "FR" }, { "690021", NULL }, { "00100", "FR" }, { "97210", "GP" },
      };

      g_assert_false (factures_postal_code_check (bad[i][0], bad[i][1], &error));
      g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "Postal code: "));
      g_clear_error (&error);
    }
}

/* Fifth trial, finding 6: SIREN, SIRET and French VAT number of one business. */
static void
test_party_identifiers (void)
{
  g_autoptr(GError) error = NULL;

  /* 732829320 and its SIRET 73282932000074, VAT FR44732829320. */
  g_assert_true (factures_party_identifiers_check ("732829320", "73282932000074", "FR44732829320", &error));
  g_assert_true (factures_party_identifiers_check (NULL, "73282932000074", "FR44732829320", &error));
  g_assert_true (factures_party_identifiers_check ("732829320", NULL, "DE123456788", &error));
  g_assert_true (factures_party_identifiers_check (NULL, NULL, "FR44732829320", &error));
  g_assert_no_error (error);

  g_assert_false (factures_party_identifiers_check ("812345676", "45678912200011", NULL, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "SIRET and SIREN: "));
  g_clear_error (&error);

  g_assert_false (factures_party_identifiers_check ("812345676", NULL, "FR72456789122", &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "VAT number and SIREN: "));
  g_assert_nonnull (strstr (error->message, "456789122"));
  g_clear_error (&error);

  g_assert_false (factures_party_identifiers_check (NULL, "73282932000074", "FR72456789122", &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "VAT number and SIRET: "));
}

/* Fifth trial, finding 6: the check digits of other member states. */
static void
test_vat_eu_check_digits (void)
{
  /* Valid numbers from python-stdnum's test_eu_vat.doctest and docstrings; the
   * invalid ones are those with one digit changed. */
  static const char *const valid[] = {
    "DE123456788", "DE113866163", "ATU13585627", "ATU15159209", "BE0428759497", "BE0202239951",
    "IT01404480202", "IT00595000217", "ESQ0818001J", "ES54362315K", "ESA28184661", "NL001241643B01",
    "NL806753742B01", "LU10059929", "LU10590281", "PT500019720", "PT501507930", "DK10503280",
    "FI02459042", "FI10320534", "PL5211355116", "PL5220205853",
  };
  static const char *const invalid[] = {
    "DE123456789", "DE125014855", "ATU14343102", "ATU15169209", "BE0431150351", "BE0406139583",
    "IT01404480203", "IT00595000218", "ESQ0818001K", "ES54362415K", "ESA28184662", "NL001241644B01",
    "NL806753743B01", "LU10059928", "LU10590282", "PT500019721", "PT501507931", "DK11965658",
    "FI02459043", "FI10320535", "PL5211355117", "PL5220205854",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    if (!factures_vat_id_eu_is_valid (valid[i]))
      g_error ("%s refused", valid[i]);
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    if (factures_vat_id_eu_is_valid (invalid[i]))
      g_error ("%s accepted", invalid[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/identifiers/compact", test_compact);
  g_test_add_func ("/identifiers/siren", test_siren);
  g_test_add_func ("/identifiers/siret", test_siret);
  g_test_add_func ("/identifiers/vat", test_vat);
  g_test_add_func ("/identifiers/iban", test_iban);
  g_test_add_func ("/identifiers/bic", test_bic);
  g_test_add_func ("/identifiers/checks", test_checks);
  g_test_add_func ("/identifiers/country-postal", test_country_postal);
  g_test_add_func ("/identifiers/party", test_party_identifiers);
  g_test_add_func ("/identifiers/vat-eu-check-digits", test_vat_eu_check_digits);

  return g_test_run ();
}
