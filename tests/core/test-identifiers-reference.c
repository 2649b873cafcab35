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

  {
    int ret = g_test_run ();
    g_free (identifiers_dir);
    return ret;
  }
}
