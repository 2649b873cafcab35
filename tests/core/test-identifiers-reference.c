/* test-identifiers-reference.c — SIREN, SIRET, VAT and IBAN validation against
 * the public test lists in $FACTURES_REFERENCE_DATA/07_identifiers
 * (python-stdnum doctests, steevelefort/siret, php-iban, schwifty; see the
 * folder's INDEX.md). Every listed valid number must be accepted and every
 * invalid one refused.
 *
 * Skipped (exit 77) when the folder is missing, unless the environment
 * variable CI is set: then it fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "factures-identifiers.h"
#include "factures-identifiers-eu.h"

static char *identifiers_dir;

typedef gboolean (*Validator) (const char *text);

static JsonNode *
load_json (const char *relative)
{
  g_autofree char *path = g_build_filename (identifiers_dir, relative, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static gboolean
vat_fr_with_prefix (const char *text)
{
  g_autofree char *c = factures_identifier_compact (text);
  g_autofree char *prefixed = NULL;

  /* python-stdnum's fr.tva lists numbers with or without the "FR" prefix. */
  if (g_str_has_prefix (c, "FR"))
    return factures_vat_id_fr_is_valid (c);
  prefixed = g_strconcat ("FR", c, NULL);
  return factures_vat_id_fr_is_valid (prefixed);
}

static void
expect (Validator   validate,
        const char *what,
        const char *number,
        gboolean    valid,
        guint      *count)
{
  gboolean got = validate (number);

  if (got != valid)
    g_error ("%s “%s”: expected %s, got %s", what, number,
             valid ? "valid" : "invalid", got ? "valid" : "invalid");
  (*count)++;
}

/* Each element: a string, or an object with "numbers" (array) or "number". */
static void
expect_list (JsonArray  *array,
             Validator   validate,
             const char *what,
             gboolean    valid,
             guint      *count)
{
  guint i, j;

  if (array == NULL)
    return;
  for (i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node))
        expect (validate, what, json_node_get_string (node), valid, count);
      else if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *o = json_node_get_object (node);

          if (json_object_has_member (o, "numbers"))
            {
              JsonArray *numbers = json_object_get_array_member (o, "numbers");
              for (j = 0; j < json_array_get_length (numbers); j++)
                expect (validate, what, json_array_get_string_element (numbers, j), valid, count);
            }
          if (json_object_has_member (o, "number"))
            expect (validate, what, json_object_get_string_member (o, "number"), valid, count);
        }
    }
}

static JsonObject *
member_object (JsonObject *o,
               const char *name)
{
  g_assert_true (json_object_has_member (o, name));
  return json_object_get_object_member (o, name);
}

static void
valid_invalid (JsonObject *section,
               Validator   validate,
               const char *what,
               guint      *count)
{
  if (json_object_has_member (section, "valid"))
    expect_list (json_object_get_array_member (section, "valid"), validate, what, TRUE, count);
  if (json_object_has_member (section, "invalid"))
    expect_list (json_object_get_array_member (section, "invalid"), validate, what, FALSE, count);
}

static void
test_stdnum (void)
{
  g_autoptr(JsonNode) root = load_json ("python-stdnum/stdnum_identifier_vectors.json");
  JsonObject *o = json_node_get_object (root);
  JsonObject *doc = member_object (o, "module_docstring_examples");
  guint count = 0;

  valid_invalid (member_object (o, "fr.siren"), factures_siren_is_valid, "SIREN", &count);
  valid_invalid (member_object (o, "fr.siret"), factures_siret_is_valid, "SIRET", &count);
  valid_invalid (member_object (o, "fr.tva"), vat_fr_with_prefix, "TVA", &count);
  valid_invalid (member_object (o, "iban"), factures_iban_is_valid, "IBAN", &count);
  valid_invalid (member_object (o, "eu.vat_FR_only"), factures_vat_id_fr_is_valid, "TVA (eu.vat)", &count);

  valid_invalid (member_object (doc, "fr.siren"), factures_siren_is_valid, "SIREN", &count);
  valid_invalid (member_object (doc, "fr.siret"), factures_siret_is_valid, "SIRET", &count);
  valid_invalid (member_object (doc, "fr.tva"), vat_fr_with_prefix, "TVA", &count);
  valid_invalid (member_object (doc, "iban"), factures_iban_is_valid, "IBAN", &count);

  /* The extract holds about 400 numbers; a parse that finds far fewer is broken. */
  g_test_message ("%u python-stdnum numbers checked", count);
  g_assert_cmpuint (count, >=, 300);
}

static void
test_siret_npm (void)
{
  g_autoptr(JsonNode) root = load_json ("siret_npm_steevelefort/siret_siren_vectors.json");
  JsonArray *cases = json_object_get_array_member (json_node_get_object (root), "cases");
  guint i, count = 0;

  for (i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *c = json_array_get_object_element (cases, i);
      const char *function = json_object_get_string_member (c, "function");
      const char *value = json_object_get_string_member (c, "value");
      gboolean valid = json_object_get_boolean_member (c, "expected_valid");

      if (g_strcmp0 (function, "isSIREN") == 0)
        expect (factures_siren_is_valid, "SIREN", value, valid, &count);
      else if (g_strcmp0 (function, "isSIRET") == 0)
        expect (factures_siret_is_valid, "SIRET", value, valid, &count);
      else
        g_error ("unknown function %s", function);
    }
  g_assert_cmpuint (count, ==, json_array_get_length (cases));
  g_assert_cmpuint (count, >=, 10);
}

static void
test_fr_ibans (void)
{
  g_autoptr(JsonNode) root = load_json ("php-iban/fr-ibans.checked.json");
  JsonArray *rows = json_object_get_array_member (json_node_get_object (root), "rows");
  guint i;

  g_assert_cmpuint (json_array_get_length (rows), >=, 80);
  for (i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      const char *raw = json_object_get_string_member (row, "raw");
      const char *machine = json_object_get_string_member (row, "machine");
      gboolean valid = json_object_get_boolean_member (row, "length_ok") &&
                       json_object_get_boolean_member (row, "mod97_ok") &&
                       json_object_get_boolean_member (row, "rib_key_ok");
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;

      if (factures_iban_is_valid (machine) != valid)
        g_error ("IBAN “%s”: expected %s", machine, valid ? "valid" : "invalid");

      /* The messy real-world text, as a user would paste it. */
      if (valid)
        {
          if (!factures_iban_check (raw, &out, &error))
            g_error ("IBAN “%s” refused: %s", raw, error->message);
          g_assert_cmpstr (out, ==, machine);
        }
    }
}

static void
test_schwifty (void)
{
  g_autoptr(JsonNode) root = load_json ("schwifty/schwifty_iban_vectors.json");
  JsonObject *o = json_node_get_object (root);
  JsonArray *valid = json_object_get_array_member (o, "valid_formatted");
  JsonArray *invalid = json_object_get_array_member (o, "invalid");
  JsonObject *generated = json_object_get_object_member (o, "generate_from_components_FR");
  JsonArray *fr_cases = json_object_get_array_member (
    json_object_get_object_member (o, "self_derived_FR_negatives"), "cases");
  guint i, count = 0;

  expect_list (valid, factures_iban_is_valid, "IBAN", TRUE, &count);
  for (i = 0; i < json_array_get_length (invalid); i++)
    expect (factures_iban_is_valid, "IBAN",
            json_object_get_string_member (json_array_get_object_element (invalid, i), "iban"),
            FALSE, &count);
  expect (factures_iban_is_valid, "IBAN", json_object_get_string_member (generated, "compact"),
          TRUE, &count);
  for (i = 0; i < json_array_get_length (fr_cases); i++)
    {
      JsonObject *c = json_array_get_object_element (fr_cases, i);
      const char *reason = json_object_get_string_member (c, "reason");

      expect (factures_iban_is_valid, "IBAN", json_object_get_string_member (c, "iban"),
              g_str_has_prefix (reason, "VALID"), &count);
    }
  g_assert_cmpuint (count, >=, 90);
}

/* The countries whose VAT check digits are verified (fifth trial, finding 6). */
static gboolean
country_has_check_digits (const char *compact)
{
  static const char *const checked[] = {
    "FR", "AT", "BE", "DE", "DK", "ES", "FI", "IT", "LU", "NL", "PL", "PT", NULL
  };

  for (guint i = 0; checked[i] != NULL; i++)
    if (g_str_has_prefix (compact, checked[i]))
      return TRUE;
  return FALSE;
}

/* eu.vat: every number found online has its country's format and check digits;
 * the numbers with a bad format, component, length or a doubled prefix are
 * refused; the checksum-mangled ones are refused for France and the countries
 * whose check digits are verified (the others keep the format check). */
static void
test_eu_vat (void)
{
  g_autoptr(JsonNode) root = load_json ("python-stdnum/stdnum_identifier_vectors.json");
  JsonObject *section = member_object (json_node_get_object (root), "eu.vat");
  JsonArray *invalid = json_object_get_array_member (section, "invalid");
  guint i, j, count = 0, refused = 0;

  expect_list (json_object_get_array_member (section, "valid"),
               factures_vat_id_eu_is_valid, "TVA UE", TRUE, &count);
  g_assert_cmpuint (count, >=, 600);

  for (i = 0; i < json_array_get_length (invalid); i++)
    {
      JsonObject *o = json_array_get_object_element (invalid, i);
      const char *expected = json_object_get_string_member (o, "expected_error");
      JsonArray *numbers = json_object_get_array_member (o, "numbers");
      gboolean checksum = g_strcmp0 (expected, "InvalidChecksum") == 0;

      for (j = 0; j < json_array_get_length (numbers); j++)
        {
          const char *number = json_array_get_string_element (numbers, j);
          g_autofree char *c = factures_identifier_compact (number);

          if (checksum && !country_has_check_digits (c))
            continue;
          expect (factures_vat_id_eu_is_valid, "TVA UE", number, FALSE, &count);
          refused++;
        }
    }
  g_test_message ("%u EU VAT numbers checked, %u refused", count, refused);
  g_assert_cmpuint (refused, >=, 50);
}

/* fr.tva: the SIREN derived from each valid French VAT number; Monaco has none. */
static void
test_vat_to_siren (void)
{
  g_autoptr(JsonNode) root = load_json ("python-stdnum/stdnum_identifier_vectors.json");
  JsonObject *o = json_node_get_object (root);
  JsonObject *doc = member_object (o, "module_docstring_examples");
  JsonObject *to_siren = member_object (member_object (doc, "fr.tva"), "to_siren");
  JsonObject *siret_to_tva = member_object (member_object (doc, "fr.siret"), "to_tva");
  JsonArray *fr_only = json_object_get_array_member (member_object (o, "eu.vat_FR_only"), "valid");
  GList *members = json_object_get_members (to_siren);
  GList *l;
  guint i, count = 0;

  for (l = members; l != NULL; l = l->next)
    {
      g_autofree char *siren = factures_vat_id_fr_to_siren (l->data);
      g_autofree char *want = factures_identifier_compact (
        json_object_get_string_member (to_siren, l->data));

      g_assert_cmpstr (siren, ==, want);
      count++;
    }
  g_list_free (members);
  /* SIRET → TVA (without prefix) and back to the SIRET's SIREN. */
  members = json_object_get_members (siret_to_tva);
  for (l = members; l != NULL; l = l->next)
    {
      g_autofree char *siret = factures_identifier_compact (l->data);
      g_autofree char *siren = factures_vat_id_fr_to_siren (
        json_object_get_string_member (siret_to_tva, l->data));

      g_assert_nonnull (siren);
      g_assert_true (strncmp (siret, siren, 9) == 0);
      count++;
    }
  g_list_free (members);
  /* Every valid French number of eu.vat gives a SIREN that gives it back,
   * except Monaco's (FR xx 000…), which have none. */
  for (i = 0; i < json_array_get_length (fr_only); i++)
    {
      const char *number = json_array_get_string_element (fr_only, i);
      g_autofree char *c = factures_identifier_compact (number);
      g_autofree char *siren = factures_vat_id_fr_to_siren (number);

      if (strncmp (c + 4, "000", 3) == 0)
        g_assert_null (siren);
      else if (g_ascii_isdigit (c[2]) && g_ascii_isdigit (c[3]))
        {
          g_autofree char *back = factures_vat_id_from_siren (siren);
          g_assert_cmpstr (back, ==, c);
        }
      else
        g_assert_nonnull (siren);   /* old letter key: accepted on format */
      count++;
    }
  g_assert_cmpuint (count, >=, 70);
}

/* test_bic.doctest: the numbers found online are all valid; "MULTIPLE" is
 * refused for its country (IP). */
static void
test_bic_doctest (void)
{
  g_autofree char *path = g_build_filename (identifiers_dir, "python-stdnum", "tests",
                                            "test_bic.doctest", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  gboolean in_list = FALSE;
  guint i, count = 0;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (g_str_has_prefix (line, ">>> numbers = '''"))
        in_list = TRUE;
      else if (in_list && g_str_has_prefix (line, "... '''"))
        in_list = FALSE;
      else if (in_list && g_str_has_prefix (line, "... ") && line[4] != '\0')
        {
          g_autoptr(GError) e = NULL;
          g_autofree char *bic = NULL;

          if (!factures_bic_check (line + 4, &bic, &e))
            g_error ("BIC “%s” refused: %s", line + 4, e->message);
          g_assert_cmpstr (bic, ==, line + 4);
          count++;
        }
    }
  g_test_message ("%u BICs checked", count);
  g_assert_cmpuint (count, >=, 300);

  g_assert_cmpint (factures_bic_problem ("MULTIPLE"), ==, FACTURES_IDENTIFIER_BAD_COUNTRY);
  g_assert_false (factures_bic_check ("MULTIPLE", &out, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "country"));
  g_assert_null (out);
}

/* schwifty's self-derived French negatives: each refusal says what is wrong;
 * the RIB-key ones get the RIB-key message. */
static void
test_iban_messages (void)
{
  g_autoptr(JsonNode) root = load_json ("schwifty/schwifty_iban_vectors.json");
  JsonArray *fr_cases = json_object_get_array_member (
    json_object_get_object_member (json_node_get_object (root), "self_derived_FR_negatives"), "cases");
  guint i, rib = 0;

  for (i = 0; i < json_array_get_length (fr_cases); i++)
    {
      JsonObject *c = json_array_get_object_element (fr_cases, i);
      const char *iban = json_object_get_string_member (c, "iban");
      const char *reason = json_object_get_string_member (c, "reason");
      FacturesIdentifierProblem problem = factures_iban_problem (iban);

      g_test_message ("%s: %s → %d", iban, reason, problem);
      if (g_str_has_prefix (reason, "VALID"))
        g_assert_cmpint (problem, ==, FACTURES_IDENTIFIER_OK);
      else
        g_assert_cmpint (problem, !=, FACTURES_IDENTIFIER_OK);
      if (problem == FACTURES_IDENTIFIER_BAD_NATIONAL_KEY)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *out = NULL;

          g_assert_false (factures_iban_check (iban, &out, &error));
          g_assert_nonnull (strstr (error->message, "RIB"));
          rib++;
        }
    }
  g_assert_cmpuint (rib, >=, 1);
}

int
main (int   argc,
      char *argv[])
{
  const char *reference = g_getenv ("FACTURES_REFERENCE_DATA");

  g_test_init (&argc, &argv, NULL);

  identifiers_dir = reference ? g_build_filename (reference, "07_identifiers", NULL) : NULL;
  if (identifiers_dir == NULL || !g_file_test (identifiers_dir, G_FILE_TEST_IS_DIR))
    {
      if (g_getenv ("CI") != NULL)
        {
          g_printerr ("reference data not found (%s) and CI is set\n",
                      identifiers_dir ? identifiers_dir : "FACTURES_REFERENCE_DATA unset");
          return EXIT_FAILURE;
        }
      g_printerr ("reference data not found (%s): skipped\n",
                  identifiers_dir ? identifiers_dir : "FACTURES_REFERENCE_DATA unset");
      return 77;
    }

  g_test_add_func ("/identifiers-reference/python-stdnum", test_stdnum);
  g_test_add_func ("/identifiers-reference/siret-npm", test_siret_npm);
  g_test_add_func ("/identifiers-reference/php-iban-fr", test_fr_ibans);
  g_test_add_func ("/identifiers-reference/schwifty", test_schwifty);
  g_test_add_func ("/identifiers-reference/eu-vat", test_eu_vat);
  g_test_add_func ("/identifiers-reference/vat-to-siren", test_vat_to_siren);
  g_test_add_func ("/identifiers-reference/bic", test_bic_doctest);
  g_test_add_func ("/identifiers-reference/iban-messages", test_iban_messages);

  {
    int ret = g_test_run ();
    g_free (identifiers_dir);
    return ret;
  }
}
