/* test-store-locks.c — the database survives other code of the process reading its files
 *
 * POSIX advisory locks belong to the process and the file: when ANY descriptor of the
 * process on that file is closed, all its locks on it are gone. GTK's file chooser reads the
 * first bytes of every file of the folder it shows to guess its type (GIO content-type
 * sniffing), so showing the database's folder used to drop the application's SQLite locks.
 * Another process (the command line) then believed it was alone: on closing it checkpointed
 * and deleted the -wal and -shm files that the application was still writing to, and
 * everything the application saved afterwards went to deleted files.
 *
 * This test does what the file chooser does (open, read, close the database, its -wal and its
 * -shm), lets another process open and close the database, then saves in the first
 * connection and checks from a third process that the save is in the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store-test-util.h"

/* What GIO's content-type guess does with a file of uncertain type. */
static void
sniff (const char *path)
{
  char buffer[4096];
  int fd = open (path, O_RDONLY);

  if (fd < 0)
    return;
  if (read (fd, buffer, sizeof buffer) < 0)
    g_assert_not_reached ();
  close (fd);
}

/* The other process: this same program run again (a fork would inherit SQLite's own table
 * of open files and locks, and would not be another process for SQLite).
 *   --child-open PATH store|sqlite: opens, reads, closes cleanly, as the command line does
 *   --child-count PATH NAME: exits with the number of clients named NAME (255: error) */
static int
child_main (int    argc,
            char **argv)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int n = 255;

  if (argc == 4 && g_str_equal (argv[1], "--child-open") && g_str_equal (argv[3], "store"))
    {
      g_autoptr(GError) error = NULL;
      FacturesStore *other = factures_store_open (argv[2], &error);

      if (other == NULL)
        return 2;
      g_object_unref (other);
      return 0;
    }
  if (argc == 4 && g_str_equal (argv[1], "--child-open"))
    {
      if (sqlite3_open_v2 (argv[2], &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
          sqlite3_exec (db, "SELECT count(*) FROM clients", NULL, NULL, NULL) != SQLITE_OK)
        return 2;
      return sqlite3_close (db) == SQLITE_OK ? 0 : 3;
    }
  if (sqlite3_open_v2 (argv[2], &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, "SELECT count(*) FROM clients WHERE name = ?", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_bind_text (stmt, 1, argv[3], -1, SQLITE_STATIC) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static int
run_child (const char *option,
           const char *path,
           const char *arg)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "/proc/self/exe", option, path, arg, NULL };
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static int
in_child_open_close (const char *path,
                     gboolean    with_store)
{
  return run_child ("--child-open", path, with_store ? "store" : "sqlite");
}

static int
in_child_count_clients (const char *path,
                        const char *name)
{
  int n = run_child ("--child-count", path, name);

  return n == 255 ? -1 : n;
}

static void
save_client (FacturesStore *store,
             const char    *name)
{
  g_autoptr(GError) error = NULL;
  FacturesClient *client = store_test_client (name);

  g_assert_true (factures_store_save_client (store, client, &error));
  g_assert_no_error (error);
  factures_client_free (client);
}

static void
test_locks_dropped_by_a_reader (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_db_path (dir);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GError) error = NULL;
  FacturesStore *store = factures_store_open (path, &error);

  g_assert_no_error (error);
  save_client (store, "Avant");

  /* The file chooser shows the folder. */
  sniff (path);
  sniff (wal);
  sniff (shm);

  /* The command line runs once, while the window is open. */
  g_assert_cmpint (in_child_open_close (path, TRUE), ==, 0);

  /* The window goes on saving: it must reach the file that others read. */
  save_client (store, "Après");
  g_assert_cmpint (in_child_count_clients (path, "Avant"), ==, 1);
  g_assert_cmpint (in_child_count_clients (path, "Après"), ==, 1);

  /* And once more after another command-line run. */
  sniff (path);
  sniff (shm);
  g_assert_cmpint (in_child_open_close (path, TRUE), ==, 0);
  save_client (store, "Encore");
  g_assert_cmpint (in_child_count_clients (path, "Encore"), ==, 1);

  g_object_unref (store);
  g_assert_cmpint (in_child_count_clients (path, "Encore"), ==, 1);
  store_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  if (argc > 1 && g_str_has_prefix (argv[1], "--child-"))
    return child_main (argc, argv);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/locks/dropped-by-a-reader", test_locks_dropped_by_a_reader);
  return g_test_run ();
}
