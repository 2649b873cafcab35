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
 * Issue 10 item 5: another process holding the write lock longer than the busy timeout gives
 * FACTURES_ERROR_BUSY with a French message (never SQLite's "database is locked"), the waiting
 * is reported once through the busy callback, nothing is written, and the same write succeeds
 * once the other process has finished; a shorter hold is simply waited for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
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
  /* --child-hold PATH MS: takes the write lock, says "held", keeps it MS milliseconds or
   * until its standard input is closed, whichever comes first. */
  if (argc == 4 && g_str_equal (argv[1], "--child-hold"))
    {
      gint64 until = g_get_monotonic_time () + g_ascii_strtoll (argv[3], NULL, 10) * 1000;
      int flags;
      char c;

      if (sqlite3_open_v2 (argv[2], &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
          sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return 2;
      printf ("held\n");
      fflush (stdout);
      flags = fcntl (0, F_GETFL);
      fcntl (0, F_SETFL, flags | O_NONBLOCK);
      while (g_get_monotonic_time () < until && read (0, &c, 1) != 0)
        g_usleep (10000);
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return sqlite3_close (db) == SQLITE_OK ? 0 : 3;
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

/* Starts --child-hold and returns once the lock is held; *stdin_fd closes to release it. */
static GPid
hold_lock_in_child (const char *path,
                    guint       ms,
                    int        *stdin_fd)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ms_text = g_strdup_printf ("%u", ms);
  const char *argv[] = { "/proc/self/exe", "--child-hold", path, ms_text, NULL };
  char line[16] = { 0 };
  int stdout_fd = -1;
  GPid pid = 0;
  gsize got = 0;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, stdin_fd, &stdout_fd, NULL, &error));
  g_assert_no_error (error);
  while (got < 5)
    {
      ssize_t n = read (stdout_fd, line + got, 5 - got);

      g_assert_cmpint (n, >, 0);
      got += (gsize) n;
    }
  g_assert_cmpstr (line, ==, "held\n");
  close (stdout_fd);
  return pid;
}

static void
wait_child (GPid pid)
{
  int status = 0;

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_spawn_close_pid (pid);
}

static void
count_wait_cb (FacturesStore *store,
               gpointer       user_data)
{
  (*(guint *) user_data)++;
}

static void
test_locks_busy_refused (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_db_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesStore) store = factures_store_open (path, &error);
  g_autoptr(FacturesClient) client = store_test_client ("Refusé SARL");
  guint waits = 0;
  int child_stdin = -1;
  GPid pid;

  g_assert_no_error (error);
  factures_store_set_busy_timeout (store, 300, count_wait_cb, &waits);

  /* Another process holds the lock far longer than the timeout. */
  pid = hold_lock_in_child (path, 60000, &child_stdin);
  g_assert_false (factures_store_save_client (store, client, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_BUSY);
  g_assert_null (strstr (error->message, "locked"));
  g_assert_null (strstr (error->message, "Database error"));
  g_assert_cmpint (waits, ==, 1);
  g_assert_cmpint (client->id, ==, 0);
  g_clear_error (&error);

  /* A second refusal does not say again that it waits. */
  g_assert_false (factures_store_save_client (store, client, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_BUSY);
  g_assert_cmpint (waits, ==, 1);
  g_clear_error (&error);

  /* The other process finishes: the same write now goes through, once. */
  close (child_stdin);
  wait_child (pid);
  g_assert_true (factures_store_save_client (store, client, &error));
  g_assert_no_error (error);
  g_assert_cmpint (in_child_count_clients (path, "Refusé SARL"), ==, 1);

  g_clear_object (&store);
  store_test_remove_dir (dir);
}

static void
test_locks_busy_waits (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_db_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesStore) store = factures_store_open (path, &error);
  g_autoptr(FacturesClient) client = store_test_client ("Patient SARL");
  guint waits = 0;
  int child_stdin = -1;
  GPid pid;

  g_assert_no_error (error);
  factures_store_set_busy_timeout (store, 30000, count_wait_cb, &waits);

  /* A hold shorter than the timeout: the write waits for it, says so once, and succeeds. */
  pid = hold_lock_in_child (path, 400, &child_stdin);
  g_assert_true (factures_store_save_client (store, client, &error));
  g_assert_no_error (error);
  g_assert_cmpint (waits, ==, 1);
  close (child_stdin);
  wait_child (pid);
  g_assert_cmpint (in_child_count_clients (path, "Patient SARL"), ==, 1);

  g_clear_object (&store);
  store_test_remove_dir (dir);
}

int
main (int argc, char **argv)
{
  if (argc > 1 && g_str_has_prefix (argv[1], "--child-"))
    return child_main (argc, argv);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/locks/dropped-by-a-reader", test_locks_dropped_by_a_reader);
  g_test_add_func ("/store/locks/busy-refused", test_locks_busy_refused);
  g_test_add_func ("/store/locks/busy-waits", test_locks_busy_waits);
  return g_test_run ();
}
