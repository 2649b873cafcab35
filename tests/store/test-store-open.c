/* test-store-open.c — opening a database (issue 10 finding 8, "small doors")
 *
 * A brand-new database leaves no backup copy (it used to leave "<path>.bak-v1", a copy of an
 * empty file taken after its first migration); FACTURES_STORE_OPEN_EXISTING (the read-only
 * commands: --verify, --list-overdue, exports…) never creates a file for a mistyped path,
 * never migrates an older schema (the message names the version needed) and makes no copy;
 * a folder given as the database is refused in French, not with SQLite's English.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "store-test-util.h"

/* Files of @dir whose name contains ".bak". */
static guint
count_backups (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    if (strstr (name, ".bak") != NULL)
      n++;
  return n;
}

static gint
user_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint version = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

static void
set_user_version (const char *path,
                  gint        version)
{
  sqlite3 *db = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_new_database_no_backup (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_db_path (dir);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesStore) store = factures_store_open (path, &error);
  g_autoptr(FacturesStore) again = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (count_backups (folder), ==, 0);
  g_clear_object (&store);

  /* Opened again, still empty: nothing to copy either. */
  again = factures_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_backups (folder), ==, 0);
  g_clear_object (&again);
  store_test_remove_dir (dir);
}

static void
test_existing_missing (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_db_path (dir);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesStore) store = NULL;

  store = factures_store_open_full (path, FACTURES_STORE_OPEN_EXISTING, 1000, NULL, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
  /* Neither the file nor its folder was created. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  store_test_remove_dir (dir);
}

static void
test_existing_current (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_db_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesStore) store = factures_store_open (path, &error);
  g_autoptr(FacturesClient) client = store_test_client ("Lu SARL");
  g_autoptr(FacturesClient) read = NULL;

  g_assert_no_error (error);
  g_assert_true (factures_store_save_client (store, client, &error));
  g_clear_object (&store);

  store = factures_store_open_full (path, FACTURES_STORE_OPEN_EXISTING, 1000, NULL, NULL, &error);
  g_assert_no_error (error);
  read = factures_store_get_client (store, client->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->party.name, ==, "Lu SARL");
  g_assert_true (factures_store_verify (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  store_test_remove_dir (dir);
}

static void
test_existing_older_schema (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_db_path (dir);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesStore) store = factures_store_open (path, &error);
  g_autoptr(FacturesClient) client = store_test_client ("Ancien SARL");
  g_autofree char *latest = NULL;
  gint version;

  g_assert_no_error (error);
  g_assert_true (factures_store_save_client (store, client, &error));
  g_clear_object (&store);
  version = user_version (path);
  latest = g_strdup_printf ("%d", version);

  /* A database one schema behind (as left by an older Factures). */
  set_user_version (path, version - 1);
  store = factures_store_open_full (path, FACTURES_STORE_OPEN_EXISTING, 1000, NULL, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, latest));
  /* Not migrated, not copied. */
  g_assert_cmpint (user_version (path), ==, version - 1);
  g_assert_cmpint (count_backups (folder), ==, 0);
  store_test_remove_dir (dir);
}

static void
test_folder_refused (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesStore) store = NULL;

  for (guint mode = 0; mode < 2; mode++)
    {
      store = factures_store_open_full (dir, mode, 1000, NULL, NULL, &error);
      g_assert_null (store);
      g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_DATABASE);
      g_assert_null (strstr (error->message, "unable to open"));
      g_assert_nonnull (strstr (error->message, dir));
      g_clear_error (&error);
    }
  store_test_remove_dir (dir);
}

static void
test_read_only_file (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_db_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesStore) store = factures_store_open (path, &error);

  if (getuid () == 0)
    {
      /* root writes to read-only files: the command-line test checks this as nobody. */
      g_test_skip ("running as root");
      g_clear_object (&store);
      store_test_remove_dir (dir);
      return;
    }
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  store = factures_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_DATABASE);
  g_assert_null (strstr (error->message, "readonly"));
  g_clear_error (&error);

  /* Reading it is still possible. */
  store = factures_store_open_full (path, FACTURES_STORE_OPEN_EXISTING, 1000, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_verify (store, &error));
  g_clear_object (&store);
  g_chmod (path, 0644);
  store_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/open/new-database-no-backup", test_new_database_no_backup);
  g_test_add_func ("/store/open/existing-missing", test_existing_missing);
  g_test_add_func ("/store/open/existing-current", test_existing_current);
  g_test_add_func ("/store/open/existing-older-schema", test_existing_older_schema);
  g_test_add_func ("/store/open/folder-refused", test_folder_refused);
  g_test_add_func ("/store/open/read-only-file", test_read_only_file);
  return g_test_run ();
}
