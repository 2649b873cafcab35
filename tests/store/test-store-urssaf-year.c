/* test-store-urssaf-year.c — issue 17 (urssaf-ui) through the store: an imported sale's activity
 * set through the store's checks (its receipts then move to that box; not an activity, the
 * default while the profile has several, an unknown sale: refused, nothing stored), and a line
 * without an activity refused at issue when the profile has several (the store's issue gate,
 * which the editor, the command line and the JSON and Factur-X draft imports all go through),
 * the message naming the line, the database unchanged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <glib/gi18n.h>
#include <gio/gio.h>
#include <locale.h>
#include <string.h>

#include "factures-error.h"
#include "factures-imported.h"
#include "factures-store-facturx.h"
#include "factures-store-receipts.h"
#include "factures-store-urssaf-year.h"
#include "store-test-util.h"

typedef struct {
  char          *dir;
  char          *path;
  FacturesStore *store;
  gint64         client_id;
} Fixture;

static GDate
d (const char *iso)
{
  GDate date;

  g_assert_true (factures_date_parse_iso (iso, &date, NULL));
  return date;
}

static void
save_profile (Fixture *f, FacturesActivity activity)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesProfile) profile = store_test_profile ();

  profile->activity = activity;
  profile->line_activity = FACTURES_LINE_ACTIVITY_SERVICES_BNC;
  g_assert_true (factures_store_save_profile (f->store, profile, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesClient) client = store_test_client ("Société Dupont");

  g_setenv ("FACTURES_TODAY", "2026-12-06", TRUE);
  f->dir = store_test_make_fast_dir ();
  f->path = store_test_db_path (f->dir);
  f->store = factures_store_open (f->path, &error);
  g_assert_no_error (error);
  save_profile (f, FACTURES_ACTIVITY_SERVICES);
  g_assert_true (factures_store_save_client (f->store, client, &error));
  g_assert_no_error (error);
  f->client_id = client->id;
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  store_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static char *
dump_hash (const char *path)
{
  g_autofree char *out = NULL;
  g_autofree char *command = g_strdup_printf ("sqlite3 '%s' .dump", path);

  g_assert_true (g_spawn_command_line_sync (command, &out, NULL, NULL, NULL));
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, out, -1);
}

/* An own sale of 100 € HT + 20 € VAT imported as history, paid on 5 October. */
static gint64
imported_sale (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesImported) imported = factures_imported_new ();
  g_autoptr(GBytes) xml = g_bytes_new_static ("<x/>", 4);
  FacturesImportedDirection direction;
  GDate paid = d ("2026-10-05");
  gint64 id;

  imported->number = g_strdup ("OLD-2026-7");
  imported->type_code = 380;
  imported->issue_date = d ("2026-09-20");
  imported->currency = g_strdup ("EUR");
  imported->seller.name = g_strdup ("Camille Martin EI");
  imported->seller.siren = g_strdup ("732829320");
  imported->buyer.name = g_strdup ("Société Dupont");
  imported->buyer.siren = g_strdup ("552081317");
  imported->tax_basis_total = g_strdup ("100.00");
  imported->tax_total = g_strdup ("20.00");
  imported->grand_total = g_strdup ("120.00");
  imported->due_payable = g_strdup ("120.00");
  id = factures_store_import_history (f->store, imported, xml, "f.xml", FALSE, xml, NULL, NULL, &direction, &error);
  g_assert_no_error (error);
  g_assert_cmpint (direction, ==, FACTURES_IMPORTED_SALE);
  g_assert_true (factures_store_record_imported_payment (f->store, id, &paid, FACTURES_PAYMENT_METHOD_TRANSFER,
                                                         12000, NULL, &error));
  g_assert_no_error (error);
  return id;
}

static const FacturesSplitReceipt *
october (Fixture *f, GPtrArray **splits)
{
  g_autoptr(GError) error = NULL;
  GDate from = d ("2026-10-01"), to = d ("2026-10-31");

  g_clear_pointer (splits, g_ptr_array_unref);
  *splits = factures_store_list_split_receipts (f->store, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint ((*splits)->len, ==, 1);
  return g_ptr_array_index (*splits, 0);
}

static void
test_imported_activity (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) splits = NULL;
  g_autofree char *before = NULL, *after = NULL;
  const FacturesSplitReceipt *s;
  FacturesLineActivity activity = 99;
  gint64 id = imported_sale (f);

  /* never set: the main activity (BNC) */
  g_assert_true (factures_store_get_imported_activity (f->store, id, &activity, &error));
  g_assert_cmpint (activity, ==, FACTURES_LINE_ACTIVITY_DEFAULT);
  s = october (f, &splits);
  g_assert_cmpint (s->box[FACTURES_URSSAF_BOX_SERVICES_BNC], ==, 10000);

  /* it was a sale of goods: its receipt moves to that box, VAT still left out */
  g_assert_true (factures_store_set_imported_activity (f->store, id, FACTURES_LINE_ACTIVITY_GOODS, &error));
  g_assert_no_error (error);
  s = october (f, &splits);
  g_assert_cmpint (s->box[FACTURES_URSSAF_BOX_SERVICES_BNC], ==, 0);
  g_assert_cmpint (s->box[FACTURES_URSSAF_BOX_SALES], ==, 10000);
  g_assert_cmpint (s->vat, ==, 2000);
  g_assert_cmpint (s->france_sales, ==, 10000);

  /* refused, nothing stored: not an activity, an unknown sale, the default with several */
  before = dump_hash (f->path);
  g_assert_false (factures_store_set_imported_activity (f->store, id, 9, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Activité"));
  g_clear_error (&error);
  g_assert_false (factures_store_set_imported_activity (f->store, id + 1000, FACTURES_LINE_ACTIVITY_GOODS, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND);
  g_clear_error (&error);
  save_profile (f, FACTURES_ACTIVITY_BOTH);
  g_free (before);
  before = dump_hash (f->path);
  g_assert_false (factures_store_set_imported_activity (f->store, id, FACTURES_LINE_ACTIVITY_DEFAULT, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "plusieurs"));
  g_clear_error (&error);
  after = dump_hash (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (factures_store_get_imported_activity (f->store, id, &activity, &error));
  g_assert_cmpint (activity, ==, FACTURES_LINE_ACTIVITY_GOODS);
}

/* A seller of goods and services: a line left without an activity is refused at issue, naming
 * the line; with its activity it is issued. */
static void
test_line_activity_at_issue (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) draft = store_test_draft (f->client_id, "2026-11-02", 2);
  g_autoptr(FacturesDocument) issued = NULL;
  g_autofree char *before = NULL, *after = NULL;

  save_profile (f, FACTURES_ACTIVITY_BOTH);
  ((FacturesLine *) g_ptr_array_index (draft->lines, 0))->activity = FACTURES_LINE_ACTIVITY_GOODS;
  g_assert_true (factures_store_save_draft (f->store, draft, &error));
  g_assert_no_error (error);

  before = dump_hash (f->path);
  issued = factures_store_issue (f->store, draft->id, store_test_render, NULL, &error);
  g_assert_null (issued);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_MISSING_MENTION);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Ligne 2"));
  g_assert_nonnull (strstr (error->message, "Développement, étape 2"));
  g_assert_nonnull (strstr (error->message, "activité"));
  g_clear_error (&error);
  after = dump_hash (f->path);
  g_assert_cmpstr (before, ==, after);

  /* said which: issued */
  {
    g_autoptr(FacturesDocument) again = factures_store_get_document (f->store, draft->id, &error);

    g_assert_no_error (error);
    ((FacturesLine *) g_ptr_array_index (again->lines, 1))->activity = FACTURES_LINE_ACTIVITY_SERVICES_BIC;
    g_assert_true (factures_store_save_draft (f->store, again, &error));
    issued = factures_store_issue (f->store, again->id, store_test_render, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (issued);
  }
}

/* The JSON door: the activity goes with the backup; a file with an activity that is none is
 * refused, naming the row and field, nothing stored. */
static void
test_imported_activity_json (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (f->dir, "export.json", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.json", NULL);
  g_autofree char *dir2 = store_test_make_fast_dir ();
  g_autofree char *path2 = store_test_db_path (dir2);
  g_autofree char *text = NULL, *before = NULL, *after = NULL;
  g_autoptr(FacturesStore) other = NULL;
  FacturesLineActivity activity = FACTURES_LINE_ACTIVITY_DEFAULT;
  gint64 id = imported_sale (f);
  char *at;

  g_assert_true (factures_store_set_imported_activity (f->store, id, FACTURES_LINE_ACTIVITY_FURNISHED_TOURISM, &error));
  g_assert_true (factures_store_export_json (f->store, file, &error));
  g_assert_no_error (error);
  other = factures_store_open (path2, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_import_json (other, file, &error));
  g_assert_no_error (error);
  g_assert_true (factures_store_get_imported_activity (other, id, &activity, &error));
  g_assert_cmpint (activity, ==, FACTURES_LINE_ACTIVITY_FURNISHED_TOURISM);
  g_clear_object (&other);
  store_test_remove_dir (dir2);

  g_assert_true (g_file_get_contents (file, &text, NULL, NULL));
  at = strstr (text, "\"activity\" : 4");
  g_assert_nonnull (at);
  at[strlen ("\"activity\" : ")] = '7';
  g_assert_true (g_file_set_contents (bad, text, -1, NULL));
  g_free (dir2);
  g_free (path2);
  dir2 = store_test_make_fast_dir ();
  path2 = store_test_db_path (dir2);
  other = factures_store_open (path2, &error);
  g_assert_no_error (error);
  before = dump_hash (path2);
  g_assert_false (factures_store_import_json (other, bad, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "imported_invoices"));
  g_assert_nonnull (strstr (error->message, "activity"));
  g_clear_error (&error);
  g_clear_object (&other);
  after = dump_hash (path2);
  g_assert_cmpstr (before, ==, after);
  store_test_remove_dir (dir2);
}

/* Changing the activity of a sale cashed in a declared period: refused until confirmed, with
 * the period named, nothing stored; confirmed, the receipt moves. */
static void
test_imported_activity_declared (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) splits = NULL;
  g_autofree char *before = NULL, *after = NULL, *warning = NULL;
  FacturesUrssafPeriod period;
  GDate on = d ("2026-11-20");
  const FacturesSplitReceipt *s;
  gint64 id = imported_sale (f);

  g_assert_null (factures_store_imported_activity_warning (f->store, id, &error));
  g_assert_no_error (error);
  g_assert_true (factures_urssaf_period_parse ("2026-10", NULL, &period, NULL));
  g_assert_true (factures_store_mark_declared (f->store, &period, &on, &error));
  g_assert_no_error (error);
  warning = factures_store_imported_activity_warning (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (warning);
  g_test_message ("%s", warning);
  g_assert_nonnull (strstr (warning, "2026"));
  g_assert_nonnull (strstr (warning, "20/11/2026"));

  before = dump_hash (f->path);
  g_assert_false (factures_store_set_imported_activity (f->store, id, FACTURES_LINE_ACTIVITY_GOODS, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_EMPTY);
  g_assert_cmpstr (error->message, ==, warning);
  g_clear_error (&error);
  after = dump_hash (f->path);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (factures_store_set_imported_activity_confirmed (f->store, id, FACTURES_LINE_ACTIVITY_GOODS, TRUE,
                                                                 &error));
  g_assert_no_error (error);
  s = october (f, &splits);
  g_assert_cmpint (s->box[FACTURES_URSSAF_BOX_SALES], ==, 10000);
}

int
main (int argc, char **argv)
{
  /* the messages in French, as the user reads them */
  g_setenv ("LANGUAGE", "fr", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("FACTURES_LOCALEDIR") ? g_getenv ("FACTURES_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/store/urssaf-year/imported-activity-declared", Fixture, NULL, fixture_set_up,
              test_imported_activity_declared, fixture_tear_down);
  g_test_add ("/store/urssaf-year/imported-activity", Fixture, NULL, fixture_set_up, test_imported_activity,
              fixture_tear_down);
  g_test_add ("/store/urssaf-year/line-activity-at-issue", Fixture, NULL, fixture_set_up,
              test_line_activity_at_issue, fixture_tear_down);
  g_test_add ("/store/urssaf-year/imported-activity-json", Fixture, NULL, fixture_set_up,
              test_imported_activity_json, fixture_tear_down);
  return g_test_run ();
}
