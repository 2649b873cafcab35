/* test-store.c — opening, migrations, profile, clients and drafts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "factures-store.h"
#include "store-test-util.h"
#include "test-broken-migration.h"
#include "test-migrations.h"

typedef struct {
  char          *dir;
  char          *path;
  FacturesStore *store;
  guint          changed;
} Fixture;

static void
on_changed (FacturesStore *store,
            Fixture       *fixture)
{
  fixture->changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = store_test_make_dir ();
  fixture->path = store_test_db_path (fixture->dir);
  fixture->store = factures_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (on_changed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  store_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
test_migration_from_empty (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *tables[] = { "profile", "clients", "documents", "lines", "number_series", "events" };
  g_autofree char *journal = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesProfile) profile = NULL;
  g_autoptr(FacturesStore) again = NULL;

  /* The folder was created, the schema is at the latest version (0002 at least). */
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), >=, 2);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_master "
                                              "WHERE type = 'table' AND name = '%s'", tables[i]);
      g_assert_cmpint (query_int (fixture->path, sql), ==, 1);
    }
  /* 5 from 0001, 6 from 0002 (quote details and links frozen at issue), maybe more later. */
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"), >=, 11);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM number_series"), ==, 3);
  journal = query_text (fixture->path, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");

  /* First run: no profile, no error. */
  profile = factures_store_get_profile (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_null (profile);

  /* Reopening runs no migration again and makes no backup copy (nothing pending). */
  again = factures_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), >=, 2);
  {
    g_autofree char *bak = g_strdup_printf ("%s.bak-v%" G_GINT64_FORMAT, fixture->path,
                                            query_int (fixture->path, "PRAGMA user_version"));
    g_assert_false (g_file_test (bak, G_FILE_TEST_EXISTS));
  }
  g_assert_cmpstr (factures_store_get_path (again), ==, fixture->path);
}

static void
test_newer_schema_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesStore) store = NULL;
  sqlite3 *db = NULL;

  g_clear_object (&fixture->store);
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 999", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = factures_store_open (fixture->path, &error);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_DATABASE);
  g_assert_null (store);
}

static void
test_migration_backup (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(FacturesClient) client = store_test_client ("Before migration SARL");
  g_autoptr(FacturesClient) loaded = NULL;
  g_autoptr(FacturesStore) migrated = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bak = NULL;
  g_autofree char *marker = NULL;
  gint64 version;

  g_assert_true (factures_store_save_client (fixture->store, client, &error));
  g_clear_object (&fixture->store);
  version = query_int (fixture->path, "PRAGMA user_version");
  bak = g_strdup_printf ("%s.bak-v%" G_GINT64_FORMAT, fixture->path, version);

  /* A newer version of the app brings migration 0900 (test resource). */
  test_migrations_register_resource ();
  migrated = factures_store_open (fixture->path, &error);
  test_migrations_unregister_resource ();
  g_assert_no_error (error);

  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, 900);
  marker = query_text (fixture->path, "SELECT note FROM test_marker");
  g_assert_cmpstr (marker, ==, "migrated to 2");
  loaded = factures_store_get_client (migrated, client->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->party.name, ==, "Before migration SARL");

  /* The copy taken before is the previous database with its data. */
  g_assert_true (g_file_test (bak, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (query_int (bak, "PRAGMA user_version"), ==, version);
  g_assert_cmpint (query_int (bak, "SELECT count(*) FROM clients"), ==, 1);
  g_assert_cmpint (query_int (bak, "SELECT count(*) FROM sqlite_master WHERE name = 'test_marker'"), ==, 0);
}

static void
test_migration_failure (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(FacturesClient) client = store_test_client ("Kept SARL");
  g_autoptr(FacturesStore) failed = NULL;
  g_autoptr(FacturesStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  gint64 version;

  g_assert_true (factures_store_save_client (fixture->store, client, &error));
  g_clear_object (&fixture->store);
  version = query_int (fixture->path, "PRAGMA user_version");

  test_broken_migration_register_resource ();
  failed = factures_store_open (fixture->path, &error);
  test_broken_migration_unregister_resource ();
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, "0900-broken.sql"));
  g_assert_null (failed);

  /* Nothing of the failed migration stayed; the data is intact and opens again. */
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, version);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM sqlite_master WHERE name = 'test_half'"), ==, 0);
  g_clear_error (&error);
  reopened = factures_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM clients"), ==, 1);
}

static void
test_default_path (void)
{
  g_autofree char *path = factures_store_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "factures", "factures.db", NULL);

  g_assert_cmpstr (path, ==, expected);
}

static void
test_profile_round_trip (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(FacturesProfile) profile = store_test_profile ();
  g_autoptr(FacturesProfile) loaded = NULL;
  g_autoptr(GError) error = NULL;
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', 0, 1, 2, 3 };

  profile->iban = g_strdup ("FR76 3000 6000 0112 3456 7890 189");
  profile->bic = g_strdup ("AGRIFRPP");
  profile->logo = g_bytes_new_static (png, sizeof png);
  profile->registry = FACTURES_REGISTRY_RCS;
  profile->registry_city = g_strdup ("  Lyon ");
  g_assert_true (factures_store_save_profile (fixture->store, profile, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->changed, ==, 1);

  loaded = factures_store_get_profile (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpstr (loaded->party.name, ==, "Camille Martin EI");
  g_assert_cmpstr (loaded->party.city, ==, "Lyon");
  g_assert_cmpstr (loaded->party.country_code, ==, "FR");
  g_assert_cmpstr (loaded->registry_city, ==, "Lyon");
  g_assert_cmpstr (loaded->iban, ==, "FR7630006000011234567890189");
  g_assert_cmpint (loaded->registry, ==, FACTURES_REGISTRY_RCS);
  g_assert_cmpint (loaded->default_terms.kind, ==, FACTURES_TERMS_DAYS);
  g_assert_cmpuint (loaded->default_terms.days, ==, 30);
  g_assert_nonnull (loaded->logo);
  g_assert_true (g_bytes_equal (loaded->logo, profile->logo));

  /* Invalid IBAN: refused, the stored profile unchanged. */
  g_free (profile->iban);
  profile->iban = g_strdup ("FR76 0000");
  g_assert_false (factures_store_save_profile (fixture->store, profile, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_pointer (&loaded, factures_profile_free);
  loaded = factures_store_get_profile (fixture->store, NULL);
  g_assert_cmpstr (loaded->iban, ==, "FR7630006000011234567890189");
}

static void
test_client_round_trip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(FacturesClient) client = store_test_client ("  Société Générale  ");
  g_autoptr(FacturesClient) loaded = NULL;
  g_autoptr(GError) error = NULL;

  client->has_terms = TRUE;
  client->terms.kind = FACTURES_TERMS_END_OF_MONTH_45;
  client->notes = g_strdup ("Bon payeur");
  g_assert_true (factures_store_save_client (fixture->store, client, &error));
  g_assert_no_error (error);
  g_assert_cmpint (client->id, >, 0);

  loaded = factures_store_get_client (fixture->store, client->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->id, ==, client->id);
  g_assert_cmpstr (loaded->party.name, ==, "Société Générale");
  g_assert_cmpstr (loaded->party.siren, ==, "552081317");
  g_assert_cmpint (loaded->category, ==, FACTURES_CLIENT_CATEGORY_COMPANY);
  g_assert_true (loaded->has_terms);
  g_assert_cmpint (loaded->terms.kind, ==, FACTURES_TERMS_END_OF_MONTH_45);
  g_assert_cmpstr (loaded->notes, ==, "Bon payeur");

  /* Update */
  g_free (loaded->party.city);
  loaded->party.city = g_strdup ("Marseille");
  g_assert_true (factures_store_save_client (fixture->store, loaded, &error));
  g_assert_no_error (error);
  g_clear_pointer (&loaded, factures_client_free);
  loaded = factures_store_get_client (fixture->store, client->id, &error);
  g_assert_cmpstr (loaded->party.city, ==, "Marseille");

  /* Unknown id */
  g_assert_null (factures_store_get_client (fixture->store, 4242, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND);
}

static void
test_client_validation (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(FacturesClient) client = store_test_client ("   ");
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = NULL;

  g_assert_false (factures_store_save_client (fixture->store, client, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_cmpint (client->id, ==, 0);
  g_clear_error (&error);

  long_name = g_strnfill (300, 'a');
  g_free (client->party.name);
  client->party.name = g_strdup (long_name);
  g_assert_false (factures_store_save_client (fixture->store, client, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);

  g_free (client->party.name);
  client->party.name = g_strdup ("Bad SIREN SARL");
  g_free (client->party.siren);
  client->party.siren = g_strdup ("123456789");
  g_assert_false (factures_store_save_client (fixture->store, client, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);

  /* B2B terms beyond 60 days */
  g_free (client->party.siren);
  client->party.siren = NULL;
  client->has_terms = TRUE;
  client->terms.kind = FACTURES_TERMS_DAYS;
  client->terms.days = 90;
  g_assert_false (factures_store_save_client (fixture->store, client, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);

  g_free (client->party.email);
  client->party.email = g_strdup ("not an address");
  client->has_terms = FALSE;
  g_assert_false (factures_store_save_client (fixture->store, client, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "E-mail"));

  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM clients"), ==, 0);
  g_assert_cmpuint (fixture->changed, ==, 0);
}

static void
test_draft_round_trip (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(FacturesProfile) profile = store_test_profile ();
  g_autoptr(FacturesClient) client = store_test_client ("ACME SAS");
  g_autoptr(FacturesDocument) draft = NULL;
  g_autoptr(FacturesDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  FacturesLine *line;
  GDate expected_due;

  g_assert_true (factures_store_save_profile (fixture->store, profile, &error));
  g_assert_true (factures_store_save_client (fixture->store, client, &error));
  g_assert_no_error (error);

  draft = store_test_draft (client->id, "2026-03-10", 3);
  line = g_ptr_array_index (draft->lines, 1);
  g_free (line->description);
  line->description = g_strdup ("Multi-line\ndescription « œuvre » €");
  line->quantity = 3333;                 /* 0,3333 */
  line->unit_price = 100 * FACTURES_UNIT_PRICE_ONE;
  draft->notes = g_strdup ("Merci !");
  draft->purchase_order = g_strdup ("PO-77");
  g_date_set_dmy (&draft->delivery_date, 1, G_DATE_MARCH, 2026);

  g_assert_true (factures_store_save_draft (fixture->store, draft, &error));
  g_assert_no_error (error);
  g_assert_cmpint (draft->id, >, 0);

  loaded = factures_store_get_document (fixture->store, draft->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->status, ==, FACTURES_DOCUMENT_STATUS_DRAFT);
  g_assert_null (loaded->number);
  g_assert_cmpint (loaded->kind, ==, FACTURES_DOCUMENT_KIND_INVOICE);
  g_assert_cmpint (loaded->client_id, ==, client->id);
  g_assert_cmpuint (loaded->lines->len, ==, 3);
  line = g_ptr_array_index (loaded->lines, 1);
  g_assert_cmpstr (line->description, ==, "Multi-line\ndescription « œuvre » €");
  g_assert_cmpint (line->quantity, ==, 3333);
  g_assert_cmpstr (line->unit, ==, "h");
  g_assert_cmpstr (loaded->notes, ==, "Merci !");
  g_assert_cmpstr (loaded->purchase_order, ==, "PO-77");
  g_assert_cmpuint (g_date_get_day (&loaded->delivery_date), ==, 1);
  /* Seller and buyer are the current profile and client. */
  g_assert_cmpstr (loaded->seller->party.name, ==, "Camille Martin EI");
  g_assert_cmpstr (loaded->buyer->party.name, ==, "ACME SAS");
  /* Terms from the profile (30 days). */
  g_assert_cmpint (loaded->terms.kind, ==, FACTURES_TERMS_DAYS);
  g_date_set_dmy (&expected_due, 9, G_DATE_APRIL, 2026);
  g_assert_cmpint (g_date_compare (&loaded->due_date, &expected_due), ==, 0);

  /* Lines are replaced on save. */
  g_ptr_array_remove_index (loaded->lines, 0);
  g_assert_true (factures_store_save_draft (fixture->store, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM lines"), ==, 2);
  /* Draft totals kept for the lists: 33.33 + 100.00 */
  g_assert_cmpint (query_int (fixture->path, "SELECT gross_total FROM documents"), ==, 13333);

  /* Rename the client: the draft follows. */
  g_free (client->party.name);
  client->party.name = g_strdup ("ACME Industries SAS");
  g_assert_true (factures_store_save_client (fixture->store, client, &error));
  g_clear_pointer (&loaded, factures_document_free);
  loaded = factures_store_get_document (fixture->store, draft->id, &error);
  g_assert_cmpstr (loaded->buyer->party.name, ==, "ACME Industries SAS");
  {
    g_autofree char *name = query_text (fixture->path, "SELECT client_name FROM documents");
    g_assert_cmpstr (name, ==, "ACME Industries SAS");
  }
}

static void
test_draft_validation (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(FacturesClient) client = store_test_client ("ACME SAS");
  g_autoptr(FacturesDocument) draft = NULL;
  g_autoptr(FacturesDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  FacturesLine *line;
  guint changed;

  g_assert_true (factures_store_save_client (fixture->store, client, &error));
  draft = store_test_draft (client->id, "2026-03-10", 2);
  g_assert_true (factures_store_save_draft (fixture->store, draft, &error));
  g_assert_no_error (error);
  changed = fixture->changed;

  /* A 20,000-character description is refused, naming the line and the field. */
  line = g_ptr_array_index (draft->lines, 0);
  g_free (line->description);
  line->description = g_strnfill (20000, 'x');
  g_assert_false (factures_store_save_draft (fixture->store, draft, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Line 1"));
  g_clear_error (&error);

  /* Quantity 0 on an invoice */
  g_free (line->description);
  line->description = g_strdup ("Changed text that must not be stored");
  line = g_ptr_array_index (draft->lines, 1);
  line->quantity = 0;
  g_assert_false (factures_store_save_draft (fixture->store, draft, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Line 2"));
  g_clear_error (&error);

  /* A negative unit price (EN 16931 BR-27) */
  line->quantity = FACTURES_QUANTITY_ONE;
  line->unit_price = -5 * FACTURES_UNIT_PRICE_ONE;
  g_assert_false (factures_store_save_draft (fixture->store, draft, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Line 2"));
  g_clear_error (&error);
  line->unit_price = 100 * FACTURES_UNIT_PRICE_ONE;

  /* Invalid UTF-8 in a description */
  g_free (line->description);
  line->description = g_strdup ("bad \xff\xfe bytes");
  g_assert_false (factures_store_save_draft (fixture->store, draft, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);

  /* An overflowing figure */
  g_free (line->description);
  line->description = g_strdup ("Huge");
  line->quantity = G_MAXINT64;
  line->unit_price = G_MAXINT64;
  g_assert_false (factures_store_save_draft (fixture->store, draft, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_OVERFLOW);
  g_clear_error (&error);

  /* Nothing changed in the database. */
  g_assert_cmpuint (fixture->changed, ==, changed);
  loaded = factures_store_get_document (fixture->store, draft->id, &error);
  g_assert_no_error (error);
  line = g_ptr_array_index (loaded->lines, 0);
  g_assert_cmpstr (line->description, ==, "Développement, étape 1");
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM lines"), ==, 2);

  /* A new draft that fails is not inserted. */
  {
    g_autoptr(FacturesDocument) bad = store_test_draft (client->id, "2026-03-10", 1);
    line = g_ptr_array_index (bad->lines, 0);
    line->quantity = 0;
    g_assert_false (factures_store_save_draft (fixture->store, bad, &error));
    g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
    g_assert_cmpint (bad->id, ==, 0);
    g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM documents"), ==, 1);
  }
}

static void
test_draft_totals_follow_regime (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(FacturesProfile) profile = store_test_profile ();
  g_autoptr(FacturesDocument) draft = store_test_draft (0, "2026-03-10", 2);
  g_autoptr(GError) error = NULL;

  g_assert_true (factures_store_save_profile (fixture->store, profile, &error));
  for (guint i = 0; i < draft->lines->len; i++)
    ((FacturesLine *) g_ptr_array_index (draft->lines, i))->vat_rate_bp = 2000;
  g_assert_true (factures_store_save_draft (fixture->store, draft, &error));
  g_assert_no_error (error);
  /* Franchise en base: no VAT. */
  g_assert_cmpint (query_int (fixture->path, "SELECT gross_total FROM documents"), ==, 20000);

  profile->vat_regime = FACTURES_VAT_REGIME_REGISTERED;
  profile->party.vat_id = g_strdup ("FR44732829320");
  g_assert_true (factures_store_save_profile (fixture->store, profile, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture->path, "SELECT vat_total FROM documents"), ==, 4000);
  g_assert_cmpint (query_int (fixture->path, "SELECT gross_total FROM documents"), ==, 24000);
}

static void
test_delete_and_duplicate (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(FacturesClient) client = store_test_client ("ACME SAS");
  g_autoptr(FacturesDocument) draft = NULL;
  g_autoptr(FacturesDocument) copy = NULL;
  g_autoptr(GError) error = NULL;
  gint64 copy_id;
  GDate today;

  g_setenv ("FACTURES_TODAY", "2026-05-04", TRUE);
  g_assert_true (factures_store_save_client (fixture->store, client, &error));
  draft = store_test_draft (client->id, "2026-03-10", 2);
  g_assert_true (factures_store_save_draft (fixture->store, draft, &error));

  copy_id = factures_store_duplicate (fixture->store, draft->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (copy_id, >, draft->id);
  copy = factures_store_get_document (fixture->store, copy_id, &error);
  g_assert_cmpint (copy->client_id, ==, client->id);
  g_assert_cmpuint (copy->lines->len, ==, 2);
  factures_today (&today);
  g_assert_cmpint (g_date_compare (&copy->issue_date, &today), ==, 0);

  g_assert_true (factures_store_delete_draft (fixture->store, draft->id, &error));
  g_assert_no_error (error);
  g_assert_null (factures_store_get_document (fixture->store, draft->id, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Deleting a client detaches its drafts. */
  g_assert_true (factures_store_delete_client (fixture->store, client->id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&copy, factures_document_free);
  copy = factures_store_get_document (fixture->store, copy_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (copy->client_id, ==, 0);
  g_assert_null (copy->buyer);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM documents WHERE client_name IS NOT NULL"), ==, 0);
  g_unsetenv ("FACTURES_TODAY");
}

static void
test_backup (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(FacturesClient) client = store_test_client ("ACME SAS");
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autoptr(FacturesStore) other = NULL;
  g_autoptr(FacturesClient) loaded = NULL;

  g_assert_true (factures_store_save_client (fixture->store, client, &error));
  g_assert_true (factures_store_backup (fixture->store, copy, &error));
  g_assert_no_error (error);

  other = factures_store_open (copy, &error);
  g_assert_no_error (error);
  loaded = factures_store_get_client (other, client->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->party.name, ==, "ACME SAS");
  g_assert_true (factures_store_verify (other, &error));
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/migration/from-empty", test_migration_from_empty);
  ADD ("/store/migration/newer-refused", test_newer_schema_refused);
  ADD ("/store/migration/backup", test_migration_backup);
  ADD ("/store/migration/failure", test_migration_failure);
  g_test_add_func ("/store/default-path", test_default_path);
  ADD ("/store/profile/round-trip", test_profile_round_trip);
  ADD ("/store/client/round-trip", test_client_round_trip);
  ADD ("/store/client/validation", test_client_validation);
  ADD ("/store/draft/round-trip", test_draft_round_trip);
  ADD ("/store/draft/validation", test_draft_validation);
  ADD ("/store/draft/totals-follow-regime", test_draft_totals_follow_regime);
  ADD ("/store/draft/delete-duplicate", test_delete_and_duplicate);
  ADD ("/store/backup", test_backup);
#undef ADD

  return g_test_run ();
}
