/* test-store-vat.c — the VAT treatment through the store's doors (issue 13, migration 0013)
 *
 * The profile's territory and exempt activities, the client's legal identifier and each line's
 * activity, category, VATEX code, mention and override reason are stored, read back, frozen at
 * issue (the hash chain verifies, and again after an export restored elsewhere); the same checks
 * refuse a bad treatment at every door (the editor's draft, the JSON import, the issue), naming
 * the field and the rule, the database unchanged (`sqlite3 DB .dump` hashes the same).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "factures-store.h"
#include "factures-store-recurring.h"
#include "factures-vat.h"
#include "store-test-util.h"

typedef struct {
  char          *dir;
  char          *db_path;
  FacturesStore *store;
  gint64         client_id;
} Fixture;

static FacturesClient *
german_business (void)
{
  FacturesClient *client = factures_client_new ();

  client->party.name = g_strdup ("Müller Software GmbH");
  client->party.address = g_strdup ("Friedrichstraße 10");
  client->party.postal_code = g_strdup ("10117");
  client->party.city = g_strdup ("Berlin");
  g_free (client->party.country_code);
  client->party.country_code = g_strdup ("DE");
  client->party.vat_id = g_strdup ("DE136695976");
  client->party.email = g_strdup ("rechnung@mueller.example");
  client->legal_id = g_strdup ("HRB 12345 B");
  client->category = FACTURES_CLIENT_CATEGORY_COMPANY;
  return client;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesProfile) profile = store_test_profile ();
  g_autoptr(FacturesClient) client = german_business ();

  g_setenv ("FACTURES_TODAY", "2026-11-30", TRUE);
  fixture->dir = store_test_make_fast_dir ();
  fixture->db_path = g_build_filename (fixture->dir, "vat.db", NULL);
  fixture->store = factures_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
  profile->party.vat_id = g_strdup ("FR44732829320");
  g_ptr_array_add (profile->exempt_activities,
                   factures_exempt_activity_new ("  Formation professionnelle ", FACTURES_VAT_EXEMPTION_261_4_4_A));
  g_assert_true (factures_store_save_profile (fixture->store, profile, &error));
  g_assert_no_error (error);
  g_assert_true (factures_store_save_client (fixture->store, client, &error));
  g_assert_no_error (error);
  fixture->client_id = client->id;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  store_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db_path);
  g_unsetenv ("FACTURES_TODAY");
}

static char *
dump_hash (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { "sqlite3", db_path, ".dump", NULL };
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, out, -1);
}

/* A draft to the German business whose one line follows the proposal (AE). */
static FacturesDocument *
ae_draft (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesProfile) profile = factures_store_get_profile (fixture->store, &error);
  g_autoptr(FacturesClient) client = factures_store_get_client (fixture->store, fixture->client_id, &error);
  FacturesDocument *draft = store_test_draft (fixture->client_id, "2026-11-30", 1);
  FacturesLine *line = g_ptr_array_index (draft->lines, 0);
  FacturesVatProposal proposal;

  g_assert_no_error (error);
  line->activity = FACTURES_LINE_ACTIVITY_SERVICES_BNC;
  factures_vat_propose (profile, client, line->activity, FACTURES_VAT_EXEMPTION_NONE, &proposal);
  g_assert_cmpint (proposal.category, ==, FACTURES_VAT_CATEGORY_AE);
  factures_vat_apply_proposal (line, &proposal);
  return draft;
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) draft = ae_draft (fixture);
  g_autoptr(FacturesDocument) back = NULL;
  g_autoptr(FacturesProfile) profile = NULL;
  g_autoptr(FacturesClient) client = NULL;
  const FacturesLine *line;

  g_assert_true (factures_store_save_draft (fixture->store, draft, &error));
  g_assert_no_error (error);
  back = factures_store_get_document (fixture->store, draft->id, &error);
  g_assert_no_error (error);
  line = g_ptr_array_index (back->lines, 0);
  g_assert_cmpint (line->activity, ==, FACTURES_LINE_ACTIVITY_SERVICES_BNC);
  g_assert_cmpint (line->vat_category, ==, FACTURES_VAT_CATEGORY_AE);
  g_assert_cmpstr (line->vatex, ==, FACTURES_VATEX_EU_AE);
  g_assert_cmpstr (line->exemption_reason, ==, "Autoliquidation");
  g_assert_null (line->override_reason);

  profile = factures_store_get_profile (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (profile->exempt_activities->len, ==, 1);
  g_assert_cmpstr (((FacturesExemptActivity *) profile->exempt_activities->pdata[0])->label, ==,
                   "Formation professionnelle");
  profile->territory = FACTURES_VAT_TERRITORY_CORSE;
  g_assert_true (factures_store_save_profile (fixture->store, profile, &error));
  g_clear_pointer (&profile, factures_profile_free);
  profile = factures_store_get_profile (fixture->store, &error);
  g_assert_cmpint (profile->territory, ==, FACTURES_VAT_TERRITORY_CORSE);

  client = factures_store_get_client (fixture->store, fixture->client_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (client->legal_id, ==, "HRB 12345 B");
}

/* Issued: frozen, hashed, verified; exported and restored into an empty database, verified. */
static void
test_issue_and_restore (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) draft = ae_draft (fixture);
  g_autoptr(FacturesDocument) issued = NULL;
  g_autoptr(FacturesStore) other = NULL;
  g_autofree char *json = g_build_filename (fixture->dir, "export.json", NULL);
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.db", NULL);
  g_autoptr(FacturesDocument) restored = NULL;
  const FacturesLine *line;
  gint64 template_id;

  g_assert_true (factures_store_save_draft (fixture->store, draft, &error));
  /* A recurring template made from it keeps the treatment, through the export too. */
  {
    GDate start;
    g_autoptr(FacturesRecurring) template = NULL;

    g_date_clear (&start, 1);
    g_date_set_dmy (&start, 1, 1, 2027);
    template_id = factures_store_recurring_from_document (fixture->store, draft->id, FACTURES_PERIOD_MONTHLY,
                                                          &start, NULL, FALSE, &error);
    g_assert_no_error (error);
    template = factures_store_get_recurring (fixture->store, template_id, &error);
    g_assert_no_error (error);
    line = g_ptr_array_index (template->lines, 0);
    g_assert_cmpint (line->vat_category, ==, FACTURES_VAT_CATEGORY_AE);
    g_assert_cmpint (line->activity, ==, FACTURES_LINE_ACTIVITY_SERVICES_BNC);
  }
  issued = factures_store_issue (fixture->store, draft->id, store_test_render, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (issued);
  g_assert_cmpstr (issued->buyer->legal_id, ==, "HRB 12345 B");
  g_assert_cmpuint (issued->seller->exempt_activities->len, ==, 1);
  g_assert_true (factures_store_verify (fixture->store, &error));
  g_assert_no_error (error);

  g_assert_true (factures_store_export_json (fixture->store, json, &error));
  g_assert_no_error (error);
  other = factures_store_open (other_path, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_import_json (other, json, &error));
  g_assert_no_error (error);
  g_assert_true (factures_store_verify (other, &error));
  g_assert_no_error (error);
  restored = factures_store_get_document (other, issued->id, &error);
  g_assert_no_error (error);
  line = g_ptr_array_index (restored->lines, 0);
  g_assert_cmpint (line->vat_category, ==, FACTURES_VAT_CATEGORY_AE);
  g_assert_cmpstr (line->vatex, ==, FACTURES_VATEX_EU_AE);
  {
    g_autoptr(FacturesRecurring) template = factures_store_get_recurring (other, template_id, &error);

    g_assert_no_error (error);
    line = g_ptr_array_index (template->lines, 0);
    g_assert_cmpint (line->vat_category, ==, FACTURES_VAT_CATEGORY_AE);
    g_assert_cmpstr (line->exemption_reason, ==, "Autoliquidation");
  }

  /* The line's category is hashed: changing it behind the app's back breaks the chain. */
  {
    g_autofree char *sql = g_strdup_printf ("sqlite3 '%s' \"DROP TRIGGER lines_issued_no_update; "
                                            "UPDATE lines SET vat_category = 'E' WHERE document_id = %"
                                            G_GINT64_FORMAT "\"", other_path, issued->id);

    g_clear_object (&other);
    g_assert_cmpint (system (sql), ==, 0);
    other = factures_store_open (other_path, &error);
    g_assert_no_error (error);
    g_assert_false (factures_store_verify (other, &error));
    g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY);
  }
}

/* Issue refused, with the way out, and nothing stored. */
static void
test_issue_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) draft = ae_draft (fixture);
  g_autoptr(FacturesProfile) profile = factures_store_get_profile (fixture->store, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  FacturesDocument *issued;

  g_assert_true (factures_store_save_draft (fixture->store, draft, &error));
  g_clear_pointer (&profile->party.vat_id, g_free);
  g_assert_true (factures_store_save_profile (fixture->store, profile, &error));
  g_assert_no_error (error);

  before = dump_hash (fixture->db_path);
  issued = factures_store_issue (fixture->store, draft->id, store_test_render, NULL, &error);
  g_assert_null (issued);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_MISSING_MENTION);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "SIE"));
  g_assert_nonnull (strstr (error->message, "286 ter"));
  after = dump_hash (fixture->db_path);
  g_assert_cmpstr (before, ==, after);
}

/* The editor's draft door refuses a French rate in a DOM establishment, nothing stored. */
static void
test_draft_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesProfile) profile = factures_store_get_profile (fixture->store, &error);
  g_autoptr(FacturesDocument) draft = store_test_draft (fixture->client_id, "2026-11-30", 2);
  FacturesLine *line = g_ptr_array_index (draft->lines, 1);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  profile->vat_regime = FACTURES_VAT_REGIME_REGISTERED;
  profile->territory = FACTURES_VAT_TERRITORY_DOM;
  g_assert_true (factures_store_save_profile (fixture->store, profile, &error));
  g_assert_no_error (error);

  line->activity = FACTURES_LINE_ACTIVITY_SERVICES_BIC;
  line->vat_category = FACTURES_VAT_CATEGORY_S;
  line->vat_rate_bp = 2000;
  before = dump_hash (fixture->db_path);
  g_assert_false (factures_store_save_draft (fixture->store, draft, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Line 2"));
  g_assert_nonnull (strstr (error->message, "VAT rate"));
  g_assert_nonnull (strstr (error->message, "296"));
  after = dump_hash (fixture->db_path);
  g_assert_cmpstr (before, ==, after);

  line->vat_rate_bp = 850;
  g_clear_error (&error);
  g_assert_true (factures_store_save_draft (fixture->store, draft, &error));
  g_assert_no_error (error);
}

/* The JSON door: the same checks, the JSON path named, nothing stored. */
static void
test_json_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  struct { const char *line; const char *needle; } cases[] = {
    { "\"vat_category\": \"X\", \"vat_rate_bp\": 0", "documents[0].lines[0].vat_category" },
    { "\"vat_category\": \"AE\", \"vat_rate_bp\": 2000", "BR-AE-05" },
    { "\"activity\": 9", "documents[0].lines[0].activity" },
    { "\"vat_category\": \"E\", \"vatex\": \"FOO\"", "VATEX" },
  };
  g_autofree char *file = g_build_filename (fixture->dir, "bad.json", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *before = dump_hash (fixture->db_path);
      g_autofree char *after = NULL;
      g_autofree char *text = g_strdup_printf (
        "{\"format\": \"factures\", \"version\": 1, \"profile\": null,\n"
        " \"clients\": [{\"id\": 7, \"name\": \"Client SARL\", \"category\": 1}],\n"
        " \"documents\": [{\"id\": 3, \"kind\": 380, \"status\": 0, \"issue_date\": \"2026-07-01\",\n"
        "   \"client_id\": 7, \"lines\": [{\"position\": 1, \"description\": \"Audit\", \"quantity\": 10000,\n"
        "   \"unit_price\": 50000000, %s}], \"events\": []}], \"series\": []}\n", cases[i].line);

      g_assert_true (g_file_set_contents (file, text, -1, NULL));
      g_assert_false (factures_store_import_json (fixture->store, file, &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      if (strstr (error->message, cases[i].needle) == NULL)
        g_error ("“%s” does not name “%s”", error->message, cases[i].needle);
      after = dump_hash (fixture->db_path);
      g_assert_cmpstr (before, ==, after);
    }

  /* A profile with an unknown territory, an exempt activity without its basis (empty database). */
  {
    const char *profiles[] = {
      "{\"name\": \"Camille Martin EI\", \"territory\": 7}",
      "{\"name\": \"Camille Martin EI\", \"exempt_activities\": [{\"label\": \"Cours\", \"basis\": 0}]}",
    };
    const char *needles[] = { "Territory", "Legal basis" };
    g_autofree char *empty_path = g_build_filename (fixture->dir, "empty.db", NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(FacturesStore) empty = factures_store_open (empty_path, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
      {
        g_autofree char *before = dump_hash (empty_path);
        g_autofree char *after = NULL;
        g_autofree char *text = g_strdup_printf ("{\"format\": \"factures\", \"version\": 1, \"profile\": %s,"
                                                 " \"clients\": [], \"documents\": [], \"series\": []}\n",
                                                 profiles[i]);

        g_clear_error (&error);
        g_assert_true (g_file_set_contents (file, text, -1, NULL));
        g_assert_false (factures_store_import_json (empty, file, &error));
        g_assert_nonnull (error);
        g_test_message ("%s", error->message);
        g_assert_nonnull (strstr (error->message, needles[i]));
        after = dump_hash (empty_path);
        g_assert_cmpstr (before, ==, after);
      }
  }
}

/* A draft through JSON without `vat_category` to a German business (DE136308783): issued with the
 * core's proposal, never with French VAT: AE "Autoliquidation" for a service, K for goods, AE in
 * franchise too (tester's finding 1). */
static void
test_json_draft_proposal (Fixture       *fixture,
                          gconstpointer  data)
{
  FacturesVatRegime regimes[] = { FACTURES_VAT_REGIME_REGISTERED, FACTURES_VAT_REGIME_FRANCHISE };
  g_autofree char *file = g_build_filename (fixture->dir, "draft.json", NULL);

  for (guint r = 0; r < G_N_ELEMENTS (regimes); r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FacturesProfile) profile = factures_store_get_profile (fixture->store, &error);
      g_autoptr(FacturesDocument) issued = NULL;
      g_autofree char *text = NULL;
      gint64 doc_id = 10 + r;
      const FacturesLine *line;

      g_assert_no_error (error);
      profile->vat_regime = regimes[r];
      g_assert_true (factures_store_save_profile (fixture->store, profile, &error));
      g_assert_no_error (error);
      text = g_strdup_printf (
        "{\"format\": \"factures\", \"version\": 1, \"profile\": null,\n"
        " \"clients\": [{\"id\": %d, \"name\": \"Beispiel GmbH\", \"category\": 1, \"address\": \"Hauptstr. 1\",\n"
        "   \"postal_code\": \"10115\", \"city\": \"Berlin\", \"country_code\": \"DE\",\n"
        "   \"vat_id\": \"DE136308783\"}],\n"
        " \"documents\": [{\"id\": %" G_GINT64_FORMAT ", \"kind\": 380, \"status\": 0, \"issue_date\": \"2026-11-30\",\n"
        "   \"client_id\": %d, \"lines\": [\n"
        "   {\"position\": 1, \"description\": \"Développement\", \"quantity\": 10000,\n"
        "    \"unit_price\": 50000000, \"activity\": 3, \"vat_rate_bp\": 2000}%s],\n"
        "   \"events\": []}], \"series\": []}\n",
        (int) (20 + r), doc_id, (int) (20 + r),
        regimes[r] == FACTURES_VAT_REGIME_REGISTERED
        ? ",\n   {\"position\": 2, \"description\": \"Serveur\", \"quantity\": 10000,\n"
          "    \"unit_price\": 80000000, \"activity\": 1, \"vat_rate_bp\": 2000}" : "");
      g_assert_true (g_file_set_contents (file, text, -1, NULL));
      g_assert_true (factures_store_import_json (fixture->store, file, &error));
      g_assert_no_error (error);

      /* The draft's id in this database: the last one added. */
      {
        g_autofree char *sql = g_strdup_printf ("sqlite3 '%s' 'SELECT max(id) FROM documents'", fixture->db_path);
        g_autofree char *out = NULL;

        g_assert_true (g_spawn_command_line_sync (sql, &out, NULL, NULL, &error));
        g_assert_no_error (error);
        doc_id = g_ascii_strtoll (out, NULL, 10);
      }
      issued = factures_store_issue (fixture->store, doc_id, store_test_render, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (issued);
      line = g_ptr_array_index (issued->lines, 0);
      g_assert_cmpint (line->vat_category, ==, FACTURES_VAT_CATEGORY_AE);
      g_assert_cmpint (line->vat_rate_bp, ==, 0);
      g_assert_cmpstr (line->exemption_reason, ==, "Autoliquidation");
      if (regimes[r] == FACTURES_VAT_REGIME_REGISTERED)
        {
          line = g_ptr_array_index (issued->lines, 1);
          g_assert_cmpint (line->vat_category, ==, FACTURES_VAT_CATEGORY_K);
          g_assert_cmpint (line->vat_rate_bp, ==, 0);
          g_assert_cmpstr (line->exemption_reason, ==, "Exonération de TVA, art. 262 ter I du CGI");
        }
      /* As stored: frozen with the treatment, no VAT charged. */
      g_clear_pointer (&issued, factures_document_free);
      issued = factures_store_get_document (fixture->store, doc_id, &error);
      g_assert_no_error (error);
      line = g_ptr_array_index (issued->lines, 0);
      g_assert_cmpint (line->vat_category, ==, FACTURES_VAT_CATEGORY_AE);
      {
        g_auto(FacturesTotals) totals = { NULL, };

        g_assert_true (factures_document_compute_totals (issued, &totals, &error));
        g_assert_no_error (error);
        g_assert_cmpint (totals.vat_total, ==, 0);
      }
      g_assert_true (factures_store_verify (fixture->store, &error));
      g_assert_no_error (error);
    }
}

/* Catalogue items carry an activity (their old is_goods becomes it), given to the lines. */
static void
test_catalogue (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesCatalogueItem) item = factures_catalogue_item_new ();
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(FacturesLine) line = NULL;
  FacturesCatalogueItem *back;

  item->name = g_strdup ("Réparation de vélo");
  item->unit_price = 30 * FACTURES_UNIT_PRICE_ONE;
  item->activity = FACTURES_LINE_ACTIVITY_SERVICES_BIC;
  g_assert_true (factures_store_save_catalogue_item (fixture->store, item, &error));
  g_assert_no_error (error);
  found = factures_store_search_catalogue (fixture->store, "velo", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  back = found->pdata[0];
  g_assert_cmpint (back->activity, ==, FACTURES_LINE_ACTIVITY_SERVICES_BIC);
  g_assert_false (back->is_goods);
  line = factures_catalogue_item_to_line (back, TRUE);
  g_assert_cmpint (line->activity, ==, FACTURES_LINE_ACTIVITY_SERVICES_BIC);

  /* Goods: is_goods follows. */
  back->activity = FACTURES_LINE_ACTIVITY_GOODS;
  g_assert_true (factures_store_save_catalogue_item (fixture->store, back, &error));
  g_clear_pointer (&found, g_ptr_array_unref);
  found = factures_store_search_catalogue (fixture->store, "velo", &error);
  back = found->pdata[0];
  g_assert_true (back->is_goods);

  back->activity = 9;
  g_assert_false (factures_store_save_catalogue_item (fixture->store, back, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
}

/* The day VAT is charged from (migration 0025): stored with the profile, an invoice issued before
 * it keeps the franchise and its mention, one issued from it charges VAT; in the JSON backup,
 * checked on the way in. */
static void
test_vat_from (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesProfile) profile = factures_store_get_profile (fixture->store, &error);
  g_autoptr(FacturesClient) client = factures_client_new ();
  g_autofree char *json = g_build_filename (fixture->dir, "export.json", NULL);
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *text = NULL;
  g_autoptr(FacturesStore) other = NULL;
  GDate from;
  const char *dates[] = { "2026-11-10", "2026-11-20" };
  FacturesVatCategory expected[] = { FACTURES_VAT_CATEGORY_E, FACTURES_VAT_CATEGORY_S };

  g_assert_no_error (error);
  client->party.name = g_strdup ("Boulangerie Petit SARL");
  client->party.address = g_strdup ("3 rue des Lilas");
  client->party.postal_code = g_strdup ("69003");
  client->party.city = g_strdup ("Lyon");
  client->category = FACTURES_CLIENT_CATEGORY_COMPANY;
  g_assert_true (factures_store_save_client (fixture->store, client, &error));
  g_assert_no_error (error);

  g_date_clear (&from, 1);
  g_date_set_dmy (&from, 15, 11, 2026);
  profile->vat_regime = FACTURES_VAT_REGIME_REGISTERED;
  profile->vat_from = from;
  g_assert_true (factures_store_save_profile (fixture->store, profile, &error));
  g_assert_no_error (error);
  g_clear_pointer (&profile, factures_profile_free);
  profile = factures_store_get_profile (fixture->store, &error);
  g_assert_true (g_date_valid (&profile->vat_from));
  g_assert_cmpint (g_date_compare (&profile->vat_from, &from), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(FacturesDocument) draft = store_test_draft (client->id, dates[i], 1);
      g_autoptr(FacturesDocument) issued = NULL;
      FacturesLine *line = g_ptr_array_index (draft->lines, 0);

      line->activity = FACTURES_LINE_ACTIVITY_SERVICES_BNC;
      line->vat_category = FACTURES_VAT_CATEGORY_S;
      line->vat_rate_bp = 2000;
      g_assert_true (factures_store_save_draft (fixture->store, draft, &error));
      g_assert_no_error (error);
      issued = factures_store_issue (fixture->store, draft->id, store_test_render, NULL, &error);
      g_assert_no_error (error);
      line = g_ptr_array_index (issued->lines, 0);
      g_assert_cmpint (line->vat_category, ==, expected[i]);
      if (i == 0)
        {
          g_assert_cmpint (issued->seller->vat_regime, ==, FACTURES_VAT_REGIME_FRANCHISE);
          g_assert_cmpstr (line->exemption_reason, ==, "TVA non applicable, art. 293 B du CGI");
        }
      else
        g_assert_cmpint (line->vat_rate_bp, ==, 2000);
    }

  g_assert_true (factures_store_export_json (fixture->store, json, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (json, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"vat_from\" : \"2026-11-15\""));
  other = factures_store_open (other_path, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_import_json (other, json, &error));
  g_assert_no_error (error);
  g_clear_pointer (&profile, factures_profile_free);
  profile = factures_store_get_profile (other, &error);
  g_assert_cmpint (g_date_compare (&profile->vat_from, &from), ==, 0);

  /* Refused, naming the field, the database unchanged: not a date, a day to come. */
  {
    const char *profiles[] = {
      "{\"name\": \"Camille Martin EI\", \"vat_regime\": 1, \"vat_from\": \"2026-13-01\"}",
      "{\"name\": \"Camille Martin EI\", \"vat_regime\": 1, \"vat_from\": \"2027-01-01\"}",
    };
    const char *needles[] = { "profile.vat_from", "VAT charged from" };
    g_autofree char *empty_path = g_build_filename (fixture->dir, "empty.db", NULL);
    g_autofree char *file = g_build_filename (fixture->dir, "bad.json", NULL);
    g_autoptr(FacturesStore) empty = factures_store_open (empty_path, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
      {
        g_autofree char *before = dump_hash (empty_path);
        g_autofree char *after = NULL;
        g_autofree char *bad = g_strdup_printf ("{\"format\": \"factures\", \"version\": 1, \"profile\": %s,"
                                                " \"clients\": [], \"documents\": [], \"series\": []}\n",
                                                profiles[i]);

        g_clear_error (&error);
        g_assert_true (g_file_set_contents (file, bad, -1, NULL));
        g_assert_false (factures_store_import_json (empty, file, &error));
        g_assert_nonnull (error);
        g_test_message ("%s", error->message);
        g_assert_nonnull (strstr (error->message, needles[i]));
        after = dump_hash (empty_path);
        g_assert_cmpstr (before, ==, after);
      }
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/vat/round-trip", test_round_trip);
  ADD ("/store/vat/issue-and-restore", test_issue_and_restore);
  ADD ("/store/vat/issue-refused", test_issue_refused);
  ADD ("/store/vat/draft-refused", test_draft_refused);
  ADD ("/store/vat/json-refused", test_json_refused);
  ADD ("/store/vat/json-draft-proposal", test_json_draft_proposal);
  ADD ("/store/vat/catalogue", test_catalogue);
  ADD ("/store/vat/vat-from", test_vat_from);
#undef ADD

  return g_test_run ();
}
