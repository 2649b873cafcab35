/* factures-store.c — the SQLite model layer (DESIGN.md §4, §6)
 *
 * One connection per FacturesStore, used from the main thread. Every write runs
 * in a transaction and emits "changed" after its COMMIT; list models are
 * snapshots that the UI recreates on "changed" (see factures-sql-list-model.h).
 *
 * The hash chain: every issued document has a chain position (chain_seq, 1, 2, …
 * in issue order, across all series), prev_hash (the previous document's hash,
 * NULL for the first) and hash = SHA-256 (prev_hash hex || canonical text), where
 * the canonical text (document_canonical_text() below) lists, as "key=len:value\n"
 * records, the number, kind, dates, terms, notes, seller and buyer snapshots,
 * every line, the frozen totals and the SHA-256 of the stored PDF. It is always
 * computed from the stored row, so issuing and verifying share one code path.
 * Each document records the version of that text (documents.chain_version): 1 for the
 * documents issued before migration 0008 ("factures-chain-v1", kept as it was), 2 since
 * ("factures-chain-v2": also the client reference, the stored PDF's fingerprint, the chain
 * position and the state of the number series after the issue). The columns hashed and not
 * hashed are listed in chain_hashed_columns below; a new issued field means a new version.
 * The rest of the history (events, payments…) is checked through the journal of 0008
 * (factures-store-integrity.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "factures-identifiers.h"
#include "factures-identifiers-eu.h"
#include "factures-lifecycle.h"
#include "factures-mentions.h"
#include "factures-rows.h"
#include "factures-sql-list-model.h"
#include "factures-store-private.h"
#include "factures-store-integrity-private.h"
#include "factures-store-lifecycle-private.h"
#include "factures-store-numbering-private.h"
#include "factures-store-payments-private.h"
#include "factures-store-schedule-private.h"
#include "factures-store-resources.h"
#include "factures-terms.h"

#define MIGRATIONS_PATH "/org/example/Factures/migrations"
#define IMMUTABLE_MESSAGE "issued document is immutable"
#define APPEND_ONLY_MESSAGE "append-only"   /* triggers of 0008-integrity.sql */

struct _FacturesStore
{
  GObject                parent_instance;

  char                  *path;
  sqlite3               *db;

  /* Waiting for another process's lock (issue 10 item 5): see busy_handler(). */
  guint                  busy_timeout_ms;
  FacturesStoreBusyFunc  busy_func;
  gpointer               busy_data;
  gint64                 busy_since;       /* monotonic µs of the current wait's start */
  gboolean               busy_notified;    /* busy_func is called once per store */
};

G_DEFINE_FINAL_TYPE (FacturesStore, factures_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
factures_store_finalize (GObject *object)
{
  FacturesStore *self = FACTURES_STORE (object);

  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (factures_store_parent_class)->finalize (object);
}

static void
factures_store_class_init (FacturesStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = factures_store_finalize;

  /**
   * FacturesStore::changed:
   *
   * Emitted after every committed write (profile, clients, documents, issue, import).
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
factures_store_init (FacturesStore *self)
{
}

/* ---- small helpers ---- */

sqlite3 *
factures_store_get_db (FacturesStore *self)
{
  return self->db;
}

void
factures_store_emit_changed (FacturesStore *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* SQLite gave up waiting for another connection's lock: a French message, never its text. */
static gboolean
is_busy_code (int rc)
{
  rc &= 0xff;
  return rc == SQLITE_BUSY || rc == SQLITE_LOCKED;
}

static void
set_busy_error (FacturesStore  *self,
                GError        **error)
{
  guint seconds = self->busy_timeout_ms / 1000;

  if (seconds == 0)
    {
      /* The window: a short wait, the user retries. */
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_BUSY,
                           _("Another process is using the database (another Factures window or a "
                             "command). Nothing was changed: try again in a moment."));
      return;
    }
  g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_BUSY,
               g_dngettext (GETTEXT_PACKAGE,
                            "Another process is still using the database after %u second (another "
                            "Factures window or command). Nothing was changed: try again once it has finished.",
                            "Another process is still using the database after %u seconds (another "
                            "Factures window or command). Nothing was changed: try again once it has finished.",
                            seconds),
               seconds);
}

void
factures_store_set_db_error (FacturesStore  *self,
                             GError        **error)
{
  const char *message = sqlite3_errmsg (self->db);

  if (is_busy_code (sqlite3_errcode (self->db)))
    set_busy_error (self, error);
  else if (strstr (message, IMMUTABLE_MESSAGE) != NULL)
    g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_IMMUTABLE,
                         _("An issued document cannot be changed or deleted."));
  else if (strstr (message, APPEND_ONLY_MESSAGE) != NULL)
    g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_IMMUTABLE,
                         _("The history (events, payments and their cancellations) is never changed "
                           "nor deleted: a payment is cancelled by a reversing entry."));
  else
    g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_DATABASE,
                 _("Database error: %s"), message);
}

gboolean
factures_store_exec (FacturesStore  *self,
                     const char     *sql,
                     GError        **error)
{
  char *message = NULL;
  int rc;

  if ((rc = sqlite3_exec (self->db, sql, NULL, NULL, &message)) != SQLITE_OK)
    {
      if (is_busy_code (rc))
        set_busy_error (self, error);
      else if (message != NULL && strstr (message, IMMUTABLE_MESSAGE) != NULL)
        g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_IMMUTABLE,
                             _("An issued document cannot be changed or deleted."));
      else if (message != NULL && strstr (message, APPEND_ONLY_MESSAGE) != NULL)
        g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_IMMUTABLE,
                             _("The history (events, payments and their cancellations) is never changed "
                               "nor deleted: a payment is cancelled by a reversing entry."));
      else
        g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_DATABASE,
                     _("Database error: %s"), message ? message : "?");
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
factures_store_prepare (FacturesStore  *self,
                        const char     *sql,
                        GError        **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  return stmt;
}

gboolean
factures_store_step_done (FacturesStore  *self,
                          sqlite3_stmt   *stmt,
                          GError        **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
factures_store_begin (FacturesStore  *self,
                      GError        **error)
{
  return factures_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
factures_store_commit (FacturesStore  *self,
                       GError        **error)
{
  return factures_store_exec (self, "COMMIT", error);
}

void
factures_store_rollback (FacturesStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}


static const char *
col_text (sqlite3_stmt *stmt,
          int           col)
{
  return (const char *) sqlite3_column_text (stmt, col);
}

/**
 * factures_store_fold:
 * @text: (nullable): UTF-8 text
 *
 * The key used to sort and search: compatibility-decomposed, combining marks
 * dropped, case-folded, œ and æ spelt out ("Élodie Œuvre" → "elodie oeuvre").
 *
 * Returns: (transfer full): the folded text, "" for NULL.
 */
char *
factures_store_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *out;
  const char *p;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (decomposed));
  for (p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Ligatures have no decomposition: "Œuvre" is found by "oeuvre". */
      if (c == 0x0153)
        g_string_append (out, "oe");
      else if (c == 0x00E6)
        g_string_append (out, "ae");
      else if (!g_unichar_ismark (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
sql_fold (sqlite3_context  *context,
          int               argc,
          sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  sqlite3_result_text (context, factures_store_fold (text), -1, g_free);
}

/* A LIKE pattern matching @search anywhere, escaped with '\'; NULL for no filter. */
static char *
like_pattern (const char *search)
{
  g_autofree char *folded = NULL;
  g_autofree char *trimmed = NULL;
  GString *pattern;

  if (search == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (search));
  if (*trimmed == '\0')
    return NULL;

  folded = factures_store_fold (trimmed);
  pattern = g_string_new ("%");
  for (const char *p = folded; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

/* ---- opening and migrations ---- */

/**
 * factures_store_default_path:
 *
 * Returns: (transfer full): $XDG_DATA_HOME/factures/factures.db
 */
char *
factures_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "factures", "factures.db", NULL);
}

static void
ensure_resources (void)
{
  static gsize registered = 0;

  /* A static library drops the constructor that would register the bundle. */
  if (g_once_init_enter (&registered))
    {
      g_resources_register (factures_store_get_resource ());
      g_once_init_leave (&registered, 1);
    }
}

static gint
get_user_version (FacturesStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int (stmt, 0);
}

static gboolean
backup_to (sqlite3     *db,
           const char  *path,
           GError     **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  if (sqlite3_open_v2 (path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_DATABASE,
                   _("Cannot create the backup file “%s”: %s"), path,
                   dest ? sqlite3_errmsg (dest) : "out of memory");
      sqlite3_close (dest);
      return FALSE;
    }

  backup = sqlite3_backup_init (dest, "main", db, "main");
  if (backup == NULL)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_DATABASE,
                   _("Cannot back up the database to “%s”: %s"), path, sqlite3_errmsg (dest));
      sqlite3_close (dest);
      return FALSE;
    }

  do
    {
      rc = sqlite3_backup_step (backup, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        g_usleep (10000);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);

  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_DATABASE,
                   _("Cannot back up the database to “%s”: %s"), path, sqlite3_errstr (rc));
      sqlite3_close (dest);
      return FALSE;
    }

  rc = sqlite3_close (dest);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_DATABASE,
                   _("Cannot back up the database to “%s”: %s"), path, sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Runs the pending migrations; with @apply FALSE only checks that none is pending (a
 * read-only open): an older schema is FACTURES_ERROR_DATABASE naming the version needed. */
static gboolean
migrate (FacturesStore  *self,
         gboolean        apply,
         GError        **error)
{
  g_auto(GStrv) names = NULL;
  gint version = get_user_version (self);
  gboolean backed_up;
  gint latest = 0;
  guint n;

  if (version < 0)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  /* Only a database that holds something is copied: a brand-new one (schema 0), or one
   * created and left empty, needs no backup (issue 10 finding 8: every new database used to
   * leave a ".bak-v1" of an empty file, the copy being taken after its first migration). */
  backed_up = version == 0 || factures_store_count_content (self, NULL) == 0;

  names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, error);
  if (names == NULL)
    return FALSE;
  n = g_strv_length (names);
  qsort (names, n, sizeof (char *), compare_strings);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *resource = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *pragma = NULL;
      gint number = (gint) g_ascii_strtoll (names[i], NULL, 10);

      if (number <= 0 || !g_str_has_suffix (names[i], ".sql"))
        continue;
      latest = MAX (latest, number);
      if (number <= version)
        continue;
      if (!apply)
        continue;

      /* A copy of a non-empty database before its first migration. */
      if (version > 0 && !backed_up)
        {
          g_autofree char *copy = g_strdup_printf ("%s.bak-v%d", self->path, version);

          if (!backup_to (self->db, copy, error))
            return FALSE;
          backed_up = TRUE;
        }

      resource = g_strconcat (MIGRATIONS_PATH "/", names[i], NULL);
      bytes = g_resources_lookup_data (resource, 0, error);
      if (bytes == NULL)
        return FALSE;
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      pragma = g_strdup_printf ("PRAGMA user_version = %d", number);

      if (!factures_store_begin (self, error))
        return FALSE;
      if (!factures_store_exec (self, sql, error) ||
          !factures_store_exec (self, pragma, error) ||
          !factures_store_commit (self, error))
        {
          factures_store_rollback (self);
          g_prefix_error (error, _("Migration %s failed: "), names[i]);
          return FALSE;
        }
      version = number;
    }

  if (version > latest)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_DATABASE,
                   _("The database “%s” was written by a newer version of Factures (schema %d)."),
                   self->path, version);
      return FALSE;
    }
  if (!apply && version == 0)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_DATABASE,
                   _("“%s” is not a Factures database (it is empty or was made by another program)."),
                   self->path);
      return FALSE;
    }
  if (!apply && version < latest)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_DATABASE,
                   _("The database “%s” has schema version %d; this command needs version %d and "
                     "never converts a database. Open it once in Factures (or run a command that "
                     "writes, such as --run-recurring) to update it, then run this command again."),
                   self->path, version, latest);
      return FALSE;
    }
  return TRUE;
}

/* SQLite's busy handler: sleeps in short steps until the timeout, and tells the caller
 * once (per store) that it is waiting, after the first 100 ms of a wait. Returns 0 to give up
 * (SQLite then returns SQLITE_BUSY, shown as FACTURES_ERROR_BUSY). */
static int
busy_handler (void *data,
              int   count)
{
  FacturesStore *self = data;
  gint64 now = g_get_monotonic_time ();
  gint64 limit = (gint64) self->busy_timeout_ms * 1000;
  gint64 waited, step;

  if (count == 0)
    self->busy_since = now;
  waited = now - self->busy_since;
  if (waited >= limit)
    return 0;
  if (!self->busy_notified && self->busy_func != NULL && waited >= 100000)
    {
      self->busy_notified = TRUE;
      self->busy_func (self, self->busy_data);
    }
  /* 1, 2, 4 … 50 ms, never past the limit */
  step = MIN ((gint64) 1000 << MIN (count, 6), 50000);
  g_usleep ((gulong) MIN (step, limit - waited));
  return 1;
}

/**
 * factures_store_set_busy_timeout:
 * @timeout_ms: how long a statement waits for another process's lock, in milliseconds
 *   (0: it fails at once)
 * @on_wait: (nullable): called once in the life of the store, on the main thread, when a
 *   wait has lasted 100 ms, so that the caller can say it is waiting
 * @user_data: for @on_wait
 *
 * A statement that still cannot get the lock after @timeout_ms fails with
 * FACTURES_ERROR_BUSY (a French message, never SQLite's text) and changes nothing.
 * factures_store_open() sets 5 000 ms; the command line 30 000 ms with a message;
 * the window 250 ms (it runs on the main thread and must not freeze).
 */
void
factures_store_set_busy_timeout (FacturesStore         *self,
                                 guint                  timeout_ms,
                                 FacturesStoreBusyFunc  on_wait,
                                 gpointer               user_data)
{
  g_return_if_fail (FACTURES_IS_STORE (self));

  self->busy_timeout_ms = timeout_ms;
  self->busy_func = on_wait;
  self->busy_data = user_data;
  sqlite3_busy_handler (self->db, busy_handler, self);
}

/**
 * factures_store_open:
 * @path: (nullable): the database file; NULL for factures_store_default_path()
 * @error: FACTURES_ERROR_DATABASE when the file cannot be opened or migrated
 *
 * factures_store_open_full() with %FACTURES_STORE_OPEN_CREATE and a busy timeout
 * of 5 000 ms.
 *
 * Returns: (transfer full): the store, or NULL.
 */
FacturesStore *
factures_store_open (const char  *path,
                     GError     **error)
{
  return factures_store_open_full (path, FACTURES_STORE_OPEN_CREATE, 5000, NULL, NULL, error);
}

/**
 * factures_store_open_full:
 * @path: (nullable): the database file; NULL for factures_store_default_path()
 * @mode: %FACTURES_STORE_OPEN_CREATE: creates the folder and the file if needed and runs
 *   the pending migrations; %FACTURES_STORE_OPEN_EXISTING: the file must exist and already
 *   have the current schema — nothing is created, converted or copied (read-only commands)
 * @busy_timeout_ms: @on_wait: @user_data: as factures_store_set_busy_timeout(), from the
 *   first statement on (migrations wait too)
 * @error: FACTURES_ERROR_NOT_FOUND (%FACTURES_STORE_OPEN_EXISTING and no such file),
 *   FACTURES_ERROR_DATABASE (a folder, a read-only file opened to write, not a database,
 *   a schema newer than this version, or older with %FACTURES_STORE_OPEN_EXISTING: the
 *   message names the version needed), FACTURES_ERROR_BUSY; every message is French
 *
 * Opens the database, sets WAL, foreign keys, synchronous=FULL and the busy handler,
 * then (%FACTURES_STORE_OPEN_CREATE) runs the pending migrations, each in its own
 * transaction, after copying a database that holds clients or documents to
 * "<path>.bak-v<N>" (N: the schema version before migrating).
 *
 * Returns: (transfer full): the store, or NULL.
 */
FacturesStore *
factures_store_open_full (const char             *path,
                          FacturesStoreOpenMode   mode,
                          guint                   busy_timeout_ms,
                          FacturesStoreBusyFunc   on_wait,
                          gpointer                user_data,
                          GError                **error)
{
  g_autoptr(FacturesStore) self = g_object_new (FACTURES_TYPE_STORE, NULL);
  g_autofree char *folder = NULL;
  gboolean create = mode == FACTURES_STORE_OPEN_CREATE;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX;

  ensure_resources ();

  self->path = path != NULL ? g_strdup (path) : factures_store_default_path ();
  folder = g_path_get_dirname (self->path);

  /* Said in French before SQLite would say it in English (issue 10 finding 8). */
  if (g_file_test (self->path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_DATABASE,
                   _("“%s” is a folder, not a database file: give the path of the file "
                     "(for example %s)."), self->path, "…/factures.db");
      return NULL;
    }
  if (!create && !g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND,
                   _("The database “%s” does not exist: check the path (this command never "
                     "creates a database)."), self->path);
      return NULL;
    }
  if (create && g_file_test (self->path, G_FILE_TEST_EXISTS) && g_access (self->path, W_OK) != 0)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_DATABASE,
                   _("The database “%s” is read-only: Factures cannot write to it. Check the "
                     "permissions of the file."), self->path);
      return NULL;
    }
  if (create && g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_DATABASE,
                   _("Cannot create the folder “%s”: %s"), folder, g_strerror (saved_errno));
      return NULL;
    }
  if (create && !g_file_test (self->path, G_FILE_TEST_EXISTS) && g_access (folder, W_OK) != 0)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_DATABASE,
                   _("Cannot create the database “%s”: the folder “%s” is read-only."),
                   self->path, folder);
      return NULL;
    }

  if (create)
    flags |= SQLITE_OPEN_CREATE;
  if (sqlite3_open_v2 (self->path, &self->db, flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_DATABASE,
                   _("Cannot open the database “%s” (%s)."), self->path,
                   self->db ? sqlite3_errmsg (self->db) : "out of memory");
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, 0);
  factures_store_set_busy_timeout (self, busy_timeout_ms, on_wait, user_data);

  /* Never delete the -wal and -shm files on close. POSIX locks belong to the process: when
   * any code of a process closes a descriptor of the database (GTK's file chooser reads every
   * file of the folder it shows, to guess its type), the process loses its SQLite locks.
   * Another process (the command line) then believes it is alone and, on closing, used to
   * delete the -wal and -shm files the window was still writing to: every later save went
   * to deleted files. With persistent WAL both keep using the same files and the log is
   * only checkpointed (https://sqlite.org/c3ref/c_fcntl_begin_atomic_write.html#sqlitefcntlpersistwal,
   * https://sqlite.org/howtocorrupt.html §2.2). tests/store/test-store-locks.c. */
  {
    int persist = 1;

    sqlite3_file_control (self->db, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
  }

  sqlite3_create_function_v2 (self->db, "factures_fold", 1,
                              SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                              sql_fold, NULL, NULL, NULL);

  /* The first statements also tell a file that is not a database. An existing database is
   * already in WAL mode: a read-only open does not switch (that would write). */
  {
    g_autoptr(GError) local = NULL;

    if ((create && !factures_store_exec (self, "PRAGMA journal_mode = WAL", &local)) ||
        !factures_store_exec (self, "PRAGMA synchronous = FULL", &local) ||
        !factures_store_exec (self, "PRAGMA foreign_keys = ON", &local) ||
        (!create && !factures_store_exec (self, "SELECT count(*) FROM sqlite_master", &local)))
      {
        if (g_error_matches (local, FACTURES_ERROR, FACTURES_ERROR_BUSY))
          g_propagate_error (error, g_steal_pointer (&local));
        else
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_DATABASE,
                       _("“%s” is not a Factures database, or it is damaged (%s)."),
                       self->path, sqlite3_errmsg (self->db));
        return NULL;
      }
  }

  if (!migrate (self, create, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
factures_store_get_path (FacturesStore *self)
{
  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);
  return self->path;
}

/* ---- validation helpers ---- */

/* Cleans optional text into *out (NULL when empty). */
static gboolean
clean_optional (const char  *text,
                const char  *field,
                gsize        max_chars,
                char       **out,
                GError     **error)
{
  char *clean;

  *out = NULL;
  if (text == NULL)
    return TRUE;
  clean = factures_text_clean (text, field, max_chars, FALSE, error);
  if (clean == NULL)
    return FALSE;
  if (*clean == '\0')
    g_free (clean);
  else
    *out = clean;
  return TRUE;
}

static gboolean
clean_email (const char  *text,
             char       **out,
             GError     **error)
{
  if (!clean_optional (text, _("E-mail"), FACTURES_MAX_SHORT, out, error))
    return FALSE;
  if (*out != NULL && (strchr (*out, '@') == NULL || strchr (*out, ' ') != NULL))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("E-mail: “%s” is not a valid address."), *out);
      g_clear_pointer (out, g_free);
      return FALSE;
    }
  return TRUE;
}

/* Replaces @party's fields by cleaned copies. */
static gboolean
clean_party (FacturesParty  *party,
             const char     *name_field,
             GError        **error)
{
  FacturesParty clean = { NULL, };
  char *name;

  name = factures_text_clean (party->name, name_field, FACTURES_MAX_NAME, TRUE, error);
  if (name == NULL)
    return FALSE;
  clean.name = name;

  if (!clean_optional (party->address, _("Address"), FACTURES_MAX_ADDRESS, &clean.address, error) ||
      !clean_optional (party->postal_code, _("Postal code"), 20, &clean.postal_code, error) ||
      !clean_optional (party->city, _("City"), FACTURES_MAX_SHORT, &clean.city, error) ||
      !clean_optional (party->country_code, _("Country"), 2, &clean.country_code, error) ||
      !clean_email (party->email, &clean.email, error) ||
      !clean_optional (party->phone, _("Phone"), 40, &clean.phone, error) ||
      !factures_siren_check (party->siren, &clean.siren, error) ||
      !factures_siret_check (party->siret, &clean.siret, error) ||
      !factures_vat_id_check (party->vat_id, &clean.vat_id, error))
    {
      factures_party_clear (&clean);
      return FALSE;
    }

  /* Issue 3 item 7: the SIREN is filled from a French VAT number (none for Monaco's). */
  if (clean.siren == NULL && clean.vat_id != NULL)
    clean.siren = factures_vat_id_fr_to_siren (clean.vat_id);

  if (clean.country_code == NULL)
    clean.country_code = g_strdup ("FR");
  else
    {
      char *upper = g_ascii_strup (clean.country_code, -1);

      g_free (clean.country_code);
      clean.country_code = upper;
    }

  factures_party_clear (party);
  *party = clean;
  return TRUE;
}

static void
bind_party (sqlite3_stmt        *stmt,
            int                  first,
            const FacturesParty *party)
{
  factures_sql_bind_text (stmt, first + 0, party->name);
  factures_sql_bind_text (stmt, first + 1, party->address);
  factures_sql_bind_text (stmt, first + 2, party->postal_code);
  factures_sql_bind_text (stmt, first + 3, party->city);
  factures_sql_bind_text (stmt, first + 4, party->country_code);
  factures_sql_bind_text (stmt, first + 5, party->siren);
  factures_sql_bind_text (stmt, first + 6, party->siret);
  factures_sql_bind_text (stmt, first + 7, party->vat_id);
  factures_sql_bind_text (stmt, first + 8, party->email);
  factures_sql_bind_text (stmt, first + 9, party->phone);
}

static void
read_party (sqlite3_stmt  *stmt,
            int            first,
            FacturesParty *party)
{
  factures_party_clear (party);
  party->name = factures_sql_col_dup (stmt, first + 0);
  party->address = factures_sql_col_dup (stmt, first + 1);
  party->postal_code = factures_sql_col_dup (stmt, first + 2);
  party->city = factures_sql_col_dup (stmt, first + 3);
  party->country_code = factures_sql_col_dup (stmt, first + 4);
  party->siren = factures_sql_col_dup (stmt, first + 5);
  party->siret = factures_sql_col_dup (stmt, first + 6);
  party->vat_id = factures_sql_col_dup (stmt, first + 7);
  party->email = factures_sql_col_dup (stmt, first + 8);
  party->phone = factures_sql_col_dup (stmt, first + 9);
}

#define PARTY_COLUMNS "name, address, postal_code, city, country_code, siren, siret, vat_id, email, phone"

/* ---- business profile ---- */

/**
 * factures_store_get_profile:
 *
 * Returns: (transfer full) (nullable): the business profile, NULL without error
 *   when none was saved yet.
 */
FacturesProfile *
factures_store_get_profile (FacturesStore  *self,
                            GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  FacturesProfile *profile;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  stmt = factures_store_prepare (self,
                                 "SELECT " PARTY_COLUMNS ", registry, registry_city, activity, "
                                 "vat_regime, iban, bic, terms_kind, terms_days, eom_method, "
                                 "penalty_rate_bp, insurance, logo, building_trade, escompte_rate_bp, "
                                 "escompte_days FROM profile WHERE id = 1",
                                 error);
  if (stmt == NULL)
    return NULL;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }

  profile = factures_profile_new ();
  read_party (stmt, 0, &profile->party);
  profile->registry = sqlite3_column_int (stmt, 10);
  profile->registry_city = factures_sql_col_dup (stmt, 11);
  profile->activity = sqlite3_column_int (stmt, 12);
  profile->vat_regime = sqlite3_column_int (stmt, 13);
  profile->iban = factures_sql_col_dup (stmt, 14);
  profile->bic = factures_sql_col_dup (stmt, 15);
  profile->default_terms.kind = sqlite3_column_int (stmt, 16);
  profile->default_terms.days = (guint) sqlite3_column_int (stmt, 17);
  profile->eom_method = sqlite3_column_int (stmt, 18);
  profile->penalty_rate_bp = sqlite3_column_int (stmt, 19);
  profile->insurance = factures_sql_col_dup (stmt, 20);
  if (sqlite3_column_type (stmt, 21) == SQLITE_BLOB)
    profile->logo = g_bytes_new (sqlite3_column_blob (stmt, 21), sqlite3_column_bytes (stmt, 21));
  profile->building_trade = sqlite3_column_int (stmt, 22) != 0;
  profile->escompte_rate_bp = sqlite3_column_int (stmt, 23);
  profile->escompte_days = (guint) sqlite3_column_int (stmt, 24);

  return profile;
}

/**
 * factures_store_write_profile: (skip)
 * @profile: the business profile
 * @error: FACTURES_ERROR_INVALID naming the field (name required; SIREN, SIRET,
 *   VAT number, IBAN and BIC checked; default terms within the B2B maximum of
 *   C. com. L441-10), FACTURES_ERROR_DATABASE
 *
 * Saves the single profile row. Documents already issued keep their frozen seller.
 */
gboolean
factures_store_write_profile (FacturesStore          *self,
                              const FacturesProfile  *profile,
                              GError                **error)
{
  g_autoptr(FacturesProfile) clean = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *registry_city = NULL;
  g_autofree char *insurance = NULL;
  g_autofree char *iban = NULL;
  g_autofree char *bic = NULL;

  clean = factures_profile_copy (profile);
  if (!clean_party (&clean->party, _("Business name"), error) ||
      !clean_optional (profile->registry_city, _("Registry city"), FACTURES_MAX_SHORT,
                       &registry_city, error) ||
      !clean_optional (profile->insurance, _("Insurance"), FACTURES_MAX_NOTES, &insurance, error) ||
      !factures_iban_check (profile->iban, &iban, error) ||
      !factures_bic_check (profile->bic, &bic, error) ||
      !factures_terms_validate (&profile->default_terms, FACTURES_CLIENT_CATEGORY_COMPANY, error))
    return FALSE;

  /* The preferences take a PNG image of at most 2 MB. */
  if (profile->logo != NULL)
    {
      /* The start of the PNG signature (RFC 2083 §3.1); the preferences decode the image too. */
      static const guint8 png_signature[4] = { 0x89, 'P', 'N', 'G' };
      gsize size = 0;
      const guint8 *bytes = g_bytes_get_data (profile->logo, &size);

      if (size < sizeof png_signature || memcmp (bytes, png_signature, sizeof png_signature) != 0)
        {
          g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                               _("Logo: the image is not a PNG image."));
          return FALSE;
        }
      if (size > 2 * 1024 * 1024)
        {
          g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                               _("Logo: the image is larger than 2 MB."));
          return FALSE;
        }
    }
  /* The choices the preferences offer, and nothing else (the JSON import comes here too). */
  if ((guint) profile->registry > FACTURES_REGISTRY_RNE)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Registry: unknown registry."));
      return FALSE;
    }
  if ((guint) profile->activity > FACTURES_ACTIVITY_BOTH)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Activity: unknown activity."));
      return FALSE;
    }
  if ((guint) profile->vat_regime > FACTURES_VAT_REGIME_REGISTERED)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("VAT regime: unknown regime."));
      return FALSE;
    }
  if ((guint) profile->eom_method > FACTURES_EOM_METHOD_END_THEN_ADD)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("End of month: unknown method."));
      return FALSE;
    }
  if (profile->penalty_rate_bp < 0 || profile->penalty_rate_bp > 100 * FACTURES_RATE_ONE)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Late penalty rate: the rate must be between 0 and 100 %."));
      return FALSE;
    }
  /* Issue 3 item 9: escompte terms (C. com. L441-9). */
  if (profile->escompte_rate_bp < 0 || profile->escompte_rate_bp > 50 * 100)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Escompte rate: the rate must be between 0 and 50 %."));
      return FALSE;
    }
  if (profile->escompte_rate_bp > 0 && (profile->escompte_days < 1 || profile->escompte_days > 365))
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Escompte period: enter a number of days from 1 to 365."));
      return FALSE;
    }

  stmt = factures_store_prepare (self,
                                 "INSERT OR REPLACE INTO profile (id, " PARTY_COLUMNS ", registry, "
                                 "registry_city, activity, vat_regime, iban, bic, terms_kind, "
                                 "terms_days, eom_method, penalty_rate_bp, insurance, logo, building_trade, "
                                 "escompte_rate_bp, escompte_days) "
                                 "VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                                 "?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)",
                                 error);
  if (stmt == NULL)
    return FALSE;

  bind_party (stmt, 1, &clean->party);
  sqlite3_bind_int (stmt, 11, profile->registry);
  factures_sql_bind_text (stmt, 12, registry_city);
  sqlite3_bind_int (stmt, 13, profile->activity);
  sqlite3_bind_int (stmt, 14, profile->vat_regime);
  factures_sql_bind_text (stmt, 15, iban);
  factures_sql_bind_text (stmt, 16, bic);
  sqlite3_bind_int (stmt, 17, profile->default_terms.kind);
  sqlite3_bind_int (stmt, 18, (int) profile->default_terms.days);
  sqlite3_bind_int (stmt, 19, profile->eom_method);
  sqlite3_bind_int (stmt, 20, profile->penalty_rate_bp);
  factures_sql_bind_text (stmt, 21, insurance);
  if (profile->logo != NULL)
    sqlite3_bind_blob64 (stmt, 22, g_bytes_get_data (profile->logo, NULL),
                         g_bytes_get_size (profile->logo), SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 22);
  sqlite3_bind_int (stmt, 23, profile->building_trade ? 1 : 0);
  sqlite3_bind_int (stmt, 24, profile->escompte_rate_bp);
  sqlite3_bind_int (stmt, 25, (int) profile->escompte_days);

  return factures_store_step_done (self, stmt, error);
}

/**
 * factures_store_save_profile:
 *
 * Validates and saves the single profile row (see factures_store_write_profile()
 * for the checks), then emits "changed".
 */
/* The figures kept on drafts for the lists follow the seller's VAT regime. */
static gboolean
refresh_draft_totals (FacturesStore  *self,
                      gboolean        vat_exempt,
                      GError        **error)
{
  g_autoptr(sqlite3_stmt) drafts = NULL;
  g_autoptr(sqlite3_stmt) lines = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  int rc;

  drafts = factures_store_prepare (self, "SELECT id, allowance FROM documents WHERE status = 0", error);
  lines = factures_store_prepare (self,
                                  "SELECT quantity, unit_price, vat_rate_bp, allowance FROM lines "
                                  "WHERE document_id = ?1 ORDER BY position",
                                  error);
  update = factures_store_prepare (self,
                                   "UPDATE documents SET net_total = ?1, vat_total = ?2, "
                                   "gross_total = ?3, amount_due = ?4 WHERE id = ?5 AND status = 0",
                                   error);
  if (drafts == NULL || lines == NULL || update == NULL)
    return FALSE;

  while ((rc = sqlite3_step (drafts)) == SQLITE_ROW)
    {
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_line_free);
      g_auto(FacturesTotals) totals = { NULL, };

      sqlite3_reset (lines);
      sqlite3_bind_int64 (lines, 1, sqlite3_column_int64 (drafts, 0));
      while (sqlite3_step (lines) == SQLITE_ROW)
        {
          FacturesLine *line = factures_line_new ();

          line->quantity = sqlite3_column_int64 (lines, 0);
          line->unit_price = sqlite3_column_int64 (lines, 1);
          line->vat_rate_bp = sqlite3_column_int (lines, 2);
          line->allowance = sqlite3_column_int64 (lines, 3);
          g_ptr_array_add (array, line);
        }
      /* A draft whose figures no longer compute keeps its old ones until edited. */
      if (!factures_totals_compute (array, sqlite3_column_int64 (drafts, 1), vat_exempt, &totals, NULL))
        continue;

      sqlite3_reset (update);
      sqlite3_bind_int64 (update, 1, totals.net_total);
      sqlite3_bind_int64 (update, 2, totals.vat_total);
      sqlite3_bind_int64 (update, 3, totals.gross_total);
      sqlite3_bind_int64 (update, 4, totals.amount_due);
      sqlite3_bind_int64 (update, 5, sqlite3_column_int64 (drafts, 0));
      if (!factures_store_step_done (self, update, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
factures_store_save_profile (FacturesStore          *self,
                             const FacturesProfile  *profile,
                             GError                **error)
{
  g_autoptr(FacturesProfile) old = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (profile != NULL, FALSE);

  if (!factures_store_begin (self, error))
    return FALSE;

  old = factures_store_get_profile (self, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      factures_store_rollback (self);
      return FALSE;
    }
  if (!factures_store_write_profile (self, profile, error) ||
      ((old == NULL || old->vat_regime != profile->vat_regime) &&
       !refresh_draft_totals (self, profile->vat_regime == FACTURES_VAT_REGIME_FRANCHISE, error)) ||
      !factures_store_commit (self, error))
    {
      factures_store_rollback (self);
      return FALSE;
    }

  factures_store_emit_changed (self);
  return TRUE;
}

/* ---- clients ---- */

gboolean
factures_store_clean_client (FacturesClient  *client,
              GError         **error)
{
  char *notes = NULL;

  if (!clean_party (&client->party, _("Client name"), error))
    return FALSE;
  if (!clean_optional (client->notes, _("Notes"), FACTURES_MAX_NOTES, &notes, error))
    return FALSE;
  g_free (client->notes);
  client->notes = notes;

  if ((guint) client->category > FACTURES_CLIENT_CATEGORY_PUBLIC)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Category: unknown client category."));
      return FALSE;
    }
  if (client->has_terms && !factures_terms_validate (&client->terms, client->category, error))
    return FALSE;

  return TRUE;
}

static gboolean
client_exists (FacturesStore *self,
               gint64         id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT 1 FROM clients WHERE id = ?1", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* Inserts (id 0, or @force_id for imports) or updates one client, inside the caller's transaction. */
gboolean
factures_store_write_client (FacturesStore         *self,
              const FacturesClient  *client,
              gint64                 force_id,
              gint64                *out_id,
              GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) drafts = NULL;
  gboolean update = client->id != 0 && force_id == 0;

  if (update)
    stmt = factures_store_prepare (self,
                                   "UPDATE clients SET name = ?1, address = ?2, postal_code = ?3, "
                                   "city = ?4, country_code = ?5, siren = ?6, siret = ?7, vat_id = ?8, "
                                   "email = ?9, phone = ?10, category = ?11, has_terms = ?12, "
                                   "terms_kind = ?13, terms_days = ?14, notes = ?15, "
                                   "name_key = factures_fold (?1), city_key = factures_fold (?4), "
                                   "search_key = factures_fold (?1 || ' ' || coalesce (?4, '') || ' ' "
                                   "|| coalesce (?9, '') || ' ' || coalesce (?6, '')) WHERE id = ?16",
                                   error);
  else
    stmt = factures_store_prepare (self,
                                   "INSERT INTO clients (" PARTY_COLUMNS ", category, has_terms, "
                                   "terms_kind, terms_days, notes, name_key, city_key, search_key, id) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                                   "?14, ?15, factures_fold (?1), factures_fold (?4), "
                                   "factures_fold (?1 || ' ' || coalesce (?4, '') || ' ' || "
                                   "coalesce (?9, '') || ' ' || coalesce (?6, '')), ?16)",
                                   error);
  if (stmt == NULL)
    return FALSE;

  bind_party (stmt, 1, &client->party);
  sqlite3_bind_int (stmt, 11, client->category);
  sqlite3_bind_int (stmt, 12, client->has_terms ? 1 : 0);
  sqlite3_bind_int (stmt, 13, client->terms.kind);
  sqlite3_bind_int (stmt, 14, (int) client->terms.days);
  factures_sql_bind_text (stmt, 15, client->notes);
  if (update)
    sqlite3_bind_int64 (stmt, 16, client->id);
  else if (force_id != 0)
    sqlite3_bind_int64 (stmt, 16, force_id);
  else
    sqlite3_bind_null (stmt, 16);

  if (!factures_store_step_done (self, stmt, error))
    return FALSE;

  if (update)
    {
      if (sqlite3_changes (self->db) == 0)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND,
                       _("No client with id %" PRId64 "."), client->id);
          return FALSE;
        }

      /* Drafts show the client's current name; issued documents keep their snapshot. */
      drafts = factures_store_prepare (self,
                                       "UPDATE documents SET client_name = ?1, "
                                       "client_key = factures_fold (?1), "
                                       "search_key = factures_fold (coalesce (number, '') || ' ' || ?1) "
                                       "WHERE client_id = ?2 AND status = 0",
                                       error);
      if (drafts == NULL)
        return FALSE;
      factures_sql_bind_text (drafts, 1, client->party.name);
      sqlite3_bind_int64 (drafts, 2, client->id);
      if (!factures_store_step_done (self, drafts, error))
        return FALSE;
      *out_id = client->id;
    }
  else
    *out_id = sqlite3_last_insert_rowid (self->db);

  return TRUE;
}

/**
 * factures_store_save_client:
 * @client: the client; its id is set on insert
 * @error: FACTURES_ERROR_INVALID naming the field (empty name, too long text,
 *   invalid SIREN/SIRET/VAT number or e-mail, terms beyond the B2B maximum),
 *   FACTURES_ERROR_NOT_FOUND, FACTURES_ERROR_DATABASE
 *
 * Inserts when client->id == 0, else updates (drafts of that client follow the
 * new name). The stored text is cleaned (trimmed, NFC).
 */
gboolean
factures_store_save_client (FacturesStore   *self,
                            FacturesClient  *client,
                            GError         **error)
{
  g_autoptr(FacturesClient) clean = NULL;
  gint64 id = 0;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (client != NULL, FALSE);

  clean = factures_client_copy (client);
  if (!factures_store_clean_client (clean, error))
    return FALSE;

  if (!factures_store_begin (self, error))
    return FALSE;
  if (!factures_store_write_client (self, clean, 0, &id, error) ||
      !factures_store_commit (self, error))
    {
      factures_store_rollback (self);
      return FALSE;
    }

  client->id = id;
  factures_store_emit_changed (self);
  return TRUE;
}

#define CLIENT_SELECT "SELECT id, " PARTY_COLUMNS ", category, has_terms, terms_kind, " \
                      "terms_days, notes FROM clients "

static FacturesClient *
read_client (sqlite3_stmt *stmt)
{
  FacturesClient *client = factures_client_new ();

  client->id = sqlite3_column_int64 (stmt, 0);
  read_party (stmt, 1, &client->party);
  client->category = sqlite3_column_int (stmt, 11);
  client->has_terms = sqlite3_column_int (stmt, 12) != 0;
  client->terms.kind = sqlite3_column_int (stmt, 13);
  client->terms.days = (guint) sqlite3_column_int (stmt, 14);
  g_free (client->notes);
  client->notes = factures_sql_col_dup (stmt, 15);
  return client;
}

/**
 * factures_store_get_client:
 *
 * Returns: (transfer full): the client, or NULL with FACTURES_ERROR_NOT_FOUND.
 */
FacturesClient *
factures_store_get_client (FacturesStore  *self,
                           gint64          id,
                           GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  stmt = factures_store_prepare (self, CLIENT_SELECT "WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_client (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND,
                 _("No client with id %" PRId64 "."), id);
  else
    factures_store_set_db_error (self, error);
  return NULL;
}

/**
 * factures_store_delete_client:
 * @error: FACTURES_ERROR_IMMUTABLE when documents were issued to the client,
 *   FACTURES_ERROR_NOT_FOUND
 *
 * Deletes a client that has no issued document; its drafts lose their client.
 */
gboolean
factures_store_delete_client (FacturesStore  *self,
                              gint64          id,
                              GError        **error)
{
  g_autoptr(sqlite3_stmt) check = NULL;
  g_autoptr(sqlite3_stmt) detach = NULL;
  g_autoptr(sqlite3_stmt) del = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  if (!factures_store_begin (self, error))
    return FALSE;

  check = factures_store_prepare (self, "SELECT count(*) FROM documents WHERE client_id = ?1 AND status = 1", error);
  if (check == NULL)
    goto fail;
  sqlite3_bind_int64 (check, 1, id);
  if (sqlite3_step (check) != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      goto fail;
    }
  if (sqlite3_column_int64 (check, 0) > 0)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_IMMUTABLE,
                           _("This client cannot be deleted: documents were issued to them."));
      goto fail;
    }

  detach = factures_store_prepare (self,
                                   "UPDATE documents SET client_id = NULL, client_name = NULL, "
                                   "client_key = '', search_key = '' WHERE client_id = ?1 AND status = 0",
                                   error);
  if (detach == NULL)
    goto fail;
  sqlite3_bind_int64 (detach, 1, id);
  if (!factures_store_step_done (self, detach, error))
    goto fail;

  del = factures_store_prepare (self, "DELETE FROM clients WHERE id = ?1", error);
  if (del == NULL)
    goto fail;
  sqlite3_bind_int64 (del, 1, id);
  if (!factures_store_step_done (self, del, error))
    goto fail;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND,
                   _("No client with id %" PRId64 "."), id);
      goto fail;
    }

  if (!factures_store_commit (self, error))
    goto fail;
  factures_store_emit_changed (self);
  return TRUE;

fail:
  factures_store_rollback (self);
  return FALSE;
}

/* ---- documents ---- */

static gboolean
kind_is_valid (FacturesDocumentKind kind)
{
  return kind == FACTURES_DOCUMENT_KIND_QUOTE ||
         kind == FACTURES_DOCUMENT_KIND_INVOICE ||
         kind == FACTURES_DOCUMENT_KIND_CREDIT_NOTE ||
         kind == FACTURES_DOCUMENT_KIND_DEPOSIT;
}

static const char *
series_of_kind (FacturesDocumentKind kind)
{
  switch (kind)
    {
    case FACTURES_DOCUMENT_KIND_QUOTE:
      return "quote";
    case FACTURES_DOCUMENT_KIND_CREDIT_NOTE:
      return "credit-note";
    case FACTURES_DOCUMENT_KIND_INVOICE:
    case FACTURES_DOCUMENT_KIND_DEPOSIT:
    default:
      return "invoice";
    }
}

/* The terms that apply: the client's own, else the profile's default. */
static void
effective_terms (const FacturesProfile *profile,
                 const FacturesClient  *client,
                 FacturesPaymentTerms  *out)
{
  if (client != NULL && client->has_terms)
    *out = client->terms;
  else if (profile != NULL)
    *out = profile->default_terms;
  else
    {
      out->kind = FACTURES_TERMS_ON_RECEIPT;
      out->days = 0;
    }
}

#define DOCUMENT_SELECT "SELECT id, kind, status, number, issue_date, delivery_date, due_date, " \
                        "terms_kind, terms_days, client_id, seller, buyer, allowance, notes, " \
                        "purchase_order, hash FROM documents "

static FacturesDocument *
load_document (FacturesStore  *self,
               sqlite3_stmt   *stmt,
               GError        **error)
{
  g_autoptr(FacturesDocument) document = NULL;
  g_autoptr(sqlite3_stmt) lines = NULL;
  int rc;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND,
                           _("No such document."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }

  document = factures_document_new (sqlite3_column_int (stmt, 1));
  document->id = sqlite3_column_int64 (stmt, 0);
  document->status = sqlite3_column_int (stmt, 2);
  document->number = factures_sql_col_dup (stmt, 3);
  factures_sql_col_date (stmt, 4, &document->issue_date);
  factures_sql_col_date (stmt, 5, &document->delivery_date);
  factures_sql_col_date (stmt, 6, &document->due_date);
  document->terms.kind = sqlite3_column_int (stmt, 7);
  document->terms.days = (guint) sqlite3_column_int (stmt, 8);
  document->client_id = sqlite3_column_int64 (stmt, 9);
  document->allowance = sqlite3_column_int64 (stmt, 12);
  document->notes = factures_sql_col_dup (stmt, 13);
  document->purchase_order = factures_sql_col_dup (stmt, 14);
  document->hash = factures_sql_col_dup (stmt, 15);

  if (document->status == FACTURES_DOCUMENT_STATUS_ISSUED)
    {
      g_autoptr(FacturesProfile) current = NULL;

      document->seller = factures_store_profile_from_json (col_text (stmt, 10), error);
      if (document->seller == NULL)
        return NULL;
      document->buyer = factures_store_client_from_json (col_text (stmt, 11), error);
      if (document->buyer == NULL)
        return NULL;
      /* The logo is not frozen (the original PDF carries it): use the current one. */
      current = factures_store_get_profile (self, NULL);
      if (current != NULL && current->logo != NULL && document->seller->logo == NULL)
        document->seller->logo = g_bytes_ref (current->logo);
    }
  else
    {
      GError *local_error = NULL;

      document->seller = factures_store_get_profile (self, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
      if (document->seller == NULL)
        document->seller = factures_profile_new ();
      if (document->client_id != 0)
        {
          document->buyer = factures_store_get_client (self, document->client_id, error);
          if (document->buyer == NULL)
            return NULL;
        }
      effective_terms (document->seller, document->buyer, &document->terms);
      if (g_date_valid (&document->issue_date))
        factures_terms_due_date (&document->terms, document->seller->eom_method,
                                 &document->issue_date, &document->due_date);
    }

  lines = factures_store_prepare (self,
                                  "SELECT description, quantity, unit, unit_price, vat_rate_bp, "
                                  "allowance FROM lines WHERE document_id = ?1 ORDER BY position",
                                  error);
  if (lines == NULL)
    return NULL;
  sqlite3_bind_int64 (lines, 1, document->id);
  while ((rc = sqlite3_step (lines)) == SQLITE_ROW)
    {
      FacturesLine *line = factures_line_new ();

      g_free (line->description);
      g_free (line->unit);
      line->description = factures_sql_col_dup (lines, 0);
      line->quantity = sqlite3_column_int64 (lines, 1);
      line->unit = factures_sql_col_dup (lines, 2);
      line->unit_price = sqlite3_column_int64 (lines, 3);
      line->vat_rate_bp = sqlite3_column_int (lines, 4);
      line->allowance = sqlite3_column_int64 (lines, 5);
      g_ptr_array_add (document->lines, line);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }

  if (!factures_store_lifecycle_load (self, document, error))
    return NULL;
  /* The payment schedule (issue 6): a draft's, or the one frozen in the buyer snapshot. */
  if (!factures_store_schedule_load (self, document, col_text (stmt, 11), error))
    return NULL;

  return g_steal_pointer (&document);
}

/**
 * factures_store_get_document:
 * @error: FACTURES_ERROR_NOT_FOUND, FACTURES_ERROR_DATABASE
 *
 * A draft comes with the current profile as seller (an empty profile when none
 * is saved), the current client as buyer (NULL without client) and the terms and
 * due date that issuing it today would give; an issued document with its frozen
 * snapshots, terms and due date.
 *
 * Returns: (transfer full): the document, or NULL.
 */
FacturesDocument *
factures_store_get_document (FacturesStore  *self,
                             gint64          id,
                             GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  stmt = factures_store_prepare (self, DOCUMENT_SELECT "WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return load_document (self, stmt, error);
}

/**
 * factures_store_find_document:
 * @number: an issued document's number ("F2026-0042")
 *
 * Returns: (transfer full): the document, or NULL with FACTURES_ERROR_NOT_FOUND.
 */
FacturesDocument *
factures_store_find_document (FacturesStore  *self,
                              const char     *number,
                              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GError *local_error = NULL;
  FacturesDocument *document;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  stmt = factures_store_prepare (self, DOCUMENT_SELECT "WHERE number = ?1", error);
  if (stmt == NULL)
    return NULL;
  factures_sql_bind_text (stmt, 1, number);
  document = load_document (self, stmt, &local_error);
  if (document == NULL && g_error_matches (local_error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND))
    {
      g_clear_error (&local_error);
      g_set_error (&local_error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND,
                   _("No document numbered “%s”."), number);
    }
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return document;
}

static gint
document_status (FacturesStore  *self,
                 gint64          id,
                 GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = factures_store_prepare (self, "SELECT status FROM documents WHERE id = ?1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int (stmt, 0);
  if (rc == SQLITE_DONE)
    g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND,
                 _("No document with id %" PRId64 "."), id);
  else
    factures_store_set_db_error (self, error);
  return -1;
}

/* The member (JSON key of the export) and line (-1: the document) of the first
 * value clean_draft() refused, for the callers that name it (the JSON import). */
typedef struct {
  const char *key;
  gint        line;
} DraftFault;

#define FAULT(k, l) G_STMT_START { if (fault != NULL) { fault->key = (k); fault->line = (l); } } G_STMT_END

/* Validates and cleans a draft's text and figures; fills @totals (seller regime from the profile).
 * @fault: (nullable): set to the refused member on error. */
static gboolean
clean_draft (FacturesStore     *self,
             FacturesDocument  *document,
             FacturesTotals    *totals,
             DraftFault        *fault,
             GError           **error)
{
  g_autoptr(FacturesProfile) profile = NULL;
  GError *local_error = NULL;
  char *text = NULL;
  gboolean exempt;

  if (!kind_is_valid (document->kind))
    {
      FAULT ("kind", -1);
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Document type: unknown type."));
      return FALSE;
    }
  if (!g_date_valid (&document->issue_date))
    {
      FAULT ("issue_date", -1);
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Issue date: the date is missing or invalid."));
      return FALSE;
    }
  if (document->allowance < 0)
    {
      FAULT ("allowance", -1);
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Discount: the amount cannot be negative."));
      return FALSE;
    }
  if (document->client_id != 0 && !client_exists (self, document->client_id))
    {
      FAULT ("client_id", -1);
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Client: the client no longer exists."));
      return FALSE;
    }

  if (!clean_optional (document->notes, _("Notes"), FACTURES_MAX_NOTES, &text, error))
    {
      FAULT ("notes", -1);
      return FALSE;
    }
  g_free (document->notes);
  document->notes = g_steal_pointer (&text);
  if (!clean_optional (document->purchase_order, _("Purchase order"), FACTURES_MAX_SHORT, &text, error))
    {
      FAULT ("purchase_order", -1);
      return FALSE;
    }
  g_free (document->purchase_order);
  document->purchase_order = g_steal_pointer (&text);

  for (guint i = 0; i < document->lines->len; i++)
    {
      FacturesLine *line = g_ptr_array_index (document->lines, i);
      char *description;

      description = factures_text_clean (line->description, _("Description"),
                                         FACTURES_MAX_DESCRIPTION, TRUE, &local_error);
      if (description == NULL)
        {
          FAULT ("description", (gint) i);
          g_propagate_prefixed_error (error, local_error, _("Line %u: "), i + 1);
          return FALSE;
        }
      g_free (line->description);
      line->description = description;

      if (!clean_optional (line->unit, _("Unit"), 20, &text, &local_error))
        {
          FAULT ("unit", (gint) i);
          g_propagate_prefixed_error (error, local_error, _("Line %u: "), i + 1);
          return FALSE;
        }
      g_free (line->unit);
      line->unit = g_steal_pointer (&text);

      if (line->quantity == 0 && document->kind != FACTURES_DOCUMENT_KIND_QUOTE)
        {
          FAULT ("quantity", (gint) i);
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("Line %u: Quantity: the quantity cannot be 0."), i + 1);
          return FALSE;
        }
      if (line->quantity > FACTURES_QUANTITY_MAX || line->quantity < -FACTURES_QUANTITY_MAX)
        {
          FAULT ("quantity", (gint) i);
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_OVERFLOW,
                       _("Line %u: Quantity: the quantity is too large (at most 1 000 000 000)."),
                       i + 1);
          return FALSE;
        }
      if (line->unit_price < 0)
        {
          FAULT ("unit_price", (gint) i);
          /* EN 16931 BR-27: the item net price (BT-146) is never negative. */
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("Line %u: Unit price: a unit price cannot be negative; enter a discount, "
                         "or a negative quantity for something taken back."), i + 1);
          return FALSE;
        }
      if (line->vat_rate_bp < 0 || line->vat_rate_bp > FACTURES_RATE_ONE)
        {
          FAULT ("vat_rate_bp", (gint) i);
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("Line %u: VAT rate: the rate must be between 0 and 100 %%."), i + 1);
          return FALSE;
        }
      if (line->allowance < 0)
        {
          FAULT ("allowance", (gint) i);
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("Line %u: Discount: the amount cannot be negative."), i + 1);
          return FALSE;
        }
    }

  profile = factures_store_get_profile (self, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  exempt = profile == NULL || profile->vat_regime == FACTURES_VAT_REGIME_FRANCHISE;
  if (!factures_totals_compute (document->lines, document->allowance, exempt, totals, error))
    {
      FAULT ("lines", -1);
      return FALSE;
    }

  /* A discount is at most what it reduces: a line's amount, the sum of the lines. */
  for (guint i = 0; i < document->lines->len; i++)
    {
      const FacturesLine *line = g_ptr_array_index (document->lines, i);

      if (line->allowance > 0 && g_array_index (totals->line_nets, gint64, i) < 0)
        {
          FAULT ("allowance", (gint) i);
          factures_totals_clear (totals);
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("Line %u: Discount: the discount is larger than the line’s amount."), i + 1);
          return FALSE;
        }
    }
  if (document->allowance > 0 && totals->net_total < 0)
    {
      FAULT ("allowance", -1);
      factures_totals_clear (totals);
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Discount: the discount is larger than the sum of the lines."));
      return FALSE;
    }
  return TRUE;
}

#undef FAULT

static gboolean
write_lines (FacturesStore           *self,
             gint64                   document_id,
             const GPtrArray         *lines,
             const FacturesTotals    *totals,
             GError                 **error)
{
  g_autoptr(sqlite3_stmt) del = NULL;
  g_autoptr(sqlite3_stmt) ins = NULL;

  del = factures_store_prepare (self, "DELETE FROM lines WHERE document_id = ?1", error);
  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, document_id);
  if (!factures_store_step_done (self, del, error))
    return FALSE;

  ins = factures_store_prepare (self,
                                "INSERT INTO lines (document_id, position, description, quantity, "
                                "unit, unit_price, vat_rate_bp, allowance, net) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                error);
  if (ins == NULL)
    return FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      const FacturesLine *line = g_ptr_array_index (lines, i);

      sqlite3_reset (ins);
      sqlite3_bind_int64 (ins, 1, document_id);
      sqlite3_bind_int (ins, 2, (int) i + 1);
      factures_sql_bind_text (ins, 3, line->description);
      sqlite3_bind_int64 (ins, 4, line->quantity);
      factures_sql_bind_text (ins, 5, line->unit);
      sqlite3_bind_int64 (ins, 6, line->unit_price);
      sqlite3_bind_int (ins, 7, line->vat_rate_bp);
      sqlite3_bind_int64 (ins, 8, line->allowance);
      sqlite3_bind_int64 (ins, 9, g_array_index (totals->line_nets, gint64, i));
      if (!factures_store_step_done (self, ins, error))
        return FALSE;
    }
  return TRUE;
}

/* Inside the caller's transaction. */
static gboolean
write_draft (FacturesStore            *self,
             FacturesDocument         *document,
             const FacturesTotals     *totals,
             GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(FacturesClient) client = NULL;
  gboolean update = document->id != 0;

  if (update)
    {
      gint status = document_status (self, document->id, error);

      if (status < 0)
        return FALSE;
      if (status == FACTURES_DOCUMENT_STATUS_ISSUED)
        {
          g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_IMMUTABLE,
                               _("An issued document cannot be changed or deleted."));
          return FALSE;
        }
    }

  if (document->client_id != 0)
    client = factures_store_get_client (self, document->client_id, NULL);

  if (update)
    stmt = factures_store_prepare (self,
                                   "UPDATE documents SET kind = ?1, issue_date = ?2, "
                                   "delivery_date = ?3, client_id = ?4, client_name = ?5, "
                                   "allowance = ?6, net_total = ?7, vat_total = ?8, gross_total = ?9, "
                                   "amount_due = ?10, notes = ?11, purchase_order = ?12, "
                                   "client_key = factures_fold (?5), "
                                   "search_key = factures_fold (coalesce (?5, '')) "
                                   "WHERE id = ?13 AND status = 0",
                                   error);
  else
    stmt = factures_store_prepare (self,
                                   "INSERT INTO documents (kind, issue_date, delivery_date, client_id, "
                                   "client_name, allowance, net_total, vat_total, gross_total, "
                                   "amount_due, notes, purchase_order, client_key, search_key) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                                   "factures_fold (?5), factures_fold (coalesce (?5, '')))",
                                   error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, document->kind);
  factures_sql_bind_date (stmt, 2, &document->issue_date);
  factures_sql_bind_date (stmt, 3, &document->delivery_date);
  if (client != NULL)
    sqlite3_bind_int64 (stmt, 4, client->id);
  else
    sqlite3_bind_null (stmt, 4);
  factures_sql_bind_text (stmt, 5, client ? client->party.name : NULL);
  sqlite3_bind_int64 (stmt, 6, document->allowance);
  sqlite3_bind_int64 (stmt, 7, totals->net_total);
  sqlite3_bind_int64 (stmt, 8, totals->vat_total);
  sqlite3_bind_int64 (stmt, 9, totals->gross_total);
  sqlite3_bind_int64 (stmt, 10, totals->amount_due);
  factures_sql_bind_text (stmt, 11, document->notes);
  factures_sql_bind_text (stmt, 12, document->purchase_order);
  if (update)
    sqlite3_bind_int64 (stmt, 13, document->id);

  if (!factures_store_step_done (self, stmt, error))
    return FALSE;
  if (!update)
    document->id = sqlite3_last_insert_rowid (self->db);

  return write_lines (self, document->id, document->lines, totals, error) &&
         factures_store_lifecycle_save (self, document, error);
}

/**
 * factures_store_write_draft: (skip)
 *
 * factures_store_save_draft() inside the caller's transaction, without "changed".
 */
gboolean
factures_store_write_draft (FacturesStore     *self,
                            FacturesDocument  *document,
                            GError           **error)
{
  g_auto(FacturesTotals) totals = { NULL, };

  if (document->status != FACTURES_DOCUMENT_STATUS_DRAFT)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_IMMUTABLE,
                           _("An issued document cannot be changed or deleted."));
      return FALSE;
    }
  return clean_draft (self, document, &totals, NULL, error) &&
         write_draft (self, document, &totals, error);
}

/**
 * factures_store_write_draft_at: (skip)
 * @out_key: (out) (optional): on a refusal by the checks, the member of the JSON
 *   export ("quantity", "allowance", …) that holds the refused value, else NULL
 * @out_line: (out) (optional): its line (0-based), -1 for the document itself
 *
 * factures_store_write_draft() that says which value it refused: the JSON import
 * names its path.
 */
gboolean
factures_store_write_draft_at (FacturesStore     *self,
                               FacturesDocument  *document,
                               const char       **out_key,
                               gint              *out_line,
                               GError           **error)
{
  g_auto(FacturesTotals) totals = { NULL, };
  DraftFault fault = { NULL, -1 };
  gboolean ok;

  if (document->status != FACTURES_DOCUMENT_STATUS_DRAFT)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_IMMUTABLE,
                           _("An issued document cannot be changed or deleted."));
      return FALSE;
    }
  ok = clean_draft (self, document, &totals, &fault, error);
  if (out_key != NULL)
    *out_key = ok ? NULL : fault.key;
  if (out_line != NULL)
    *out_line = ok ? -1 : fault.line;
  return ok && write_draft (self, document, &totals, error);
}

/**
 * factures_store_save_draft:
 * @document: a draft; its id is set on insert; its text fields are replaced by
 *   their cleaned form
 * @error: FACTURES_ERROR_INVALID naming the field (issue date, description
 *   required and at most FACTURES_MAX_DESCRIPTION characters, quantity 0 on an
 *   invoice, deposit or credit note, negative discount…), FACTURES_ERROR_OVERFLOW,
 *   FACTURES_ERROR_IMMUTABLE for an issued document
 *
 * Saves the draft and replaces its lines, in one transaction.
 */
gboolean
factures_store_save_draft (FacturesStore     *self,
                           FacturesDocument  *document,
                           GError           **error)
{
  g_auto(FacturesTotals) totals = { NULL, };
  gint64 old_id;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (document != NULL, FALSE);

  if (document->status != FACTURES_DOCUMENT_STATUS_DRAFT)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_IMMUTABLE,
                           _("An issued document cannot be changed or deleted."));
      return FALSE;
    }

  if (!clean_draft (self, document, &totals, NULL, error))
    return FALSE;

  old_id = document->id;
  if (!factures_store_begin (self, error))
    return FALSE;
  if (!write_draft (self, document, &totals, error) ||
      !factures_store_commit (self, error))
    {
      factures_store_rollback (self);
      document->id = old_id;
      return FALSE;
    }

  factures_store_emit_changed (self);
  return TRUE;
}

/**
 * factures_store_delete_draft:
 * @error: FACTURES_ERROR_IMMUTABLE for an issued document, FACTURES_ERROR_NOT_FOUND
 */
gboolean
factures_store_delete_draft (FacturesStore  *self,
                             gint64          id,
                             GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint status;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  if (!factures_store_begin (self, error))
    return FALSE;

  status = document_status (self, id, error);
  if (status < 0)
    goto fail;
  if (status == FACTURES_DOCUMENT_STATUS_ISSUED)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_IMMUTABLE,
                           _("An issued document cannot be changed or deleted."));
      goto fail;
    }

  stmt = factures_store_prepare (self, "DELETE FROM documents WHERE id = ?1 AND status = 0", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!factures_store_step_done (self, stmt, error) ||
      !factures_store_commit (self, error))
    goto fail;

  factures_store_emit_changed (self);
  return TRUE;

fail:
  factures_store_rollback (self);
  return FALSE;
}

/**
 * factures_store_duplicate:
 * @id: any document, draft or issued
 *
 * A new draft of the same kind, with the same client (if it still exists), lines,
 * discount and notes, dated today.
 *
 * Returns: the new draft's id, 0 on error.
 */
gint64
factures_store_duplicate (FacturesStore  *self,
                          gint64          id,
                          GError        **error)
{
  g_autoptr(FacturesDocument) source = NULL;
  g_autoptr(FacturesDocument) copy = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), 0);

  source = factures_store_get_document (self, id, error);
  if (source == NULL)
    return 0;

  copy = factures_document_new (source->kind);
  factures_today (&copy->issue_date);
  if (source->client_id != 0 && client_exists (self, source->client_id))
    copy->client_id = source->client_id;
  copy->allowance = source->allowance;
  copy->notes = g_strdup (source->notes);
  for (guint i = 0; i < source->lines->len; i++)
    g_ptr_array_add (copy->lines, factures_line_copy (g_ptr_array_index (source->lines, i)));

  if (!factures_store_save_draft (self, copy, error))
    return 0;
  return copy->id;
}

/* ---- issuing and the hash chain ---- */

static void
canon_text (GString    *out,
            const char *key,
            const char *value)
{
  if (value == NULL)
    g_string_append_printf (out, "%s=-\n", key);
  else
    g_string_append_printf (out, "%s=%" G_GSIZE_FORMAT ":%s\n", key, strlen (value), value);
}

static void
canon_int (GString    *out,
           const char *key,
           gint64      value)
{
  g_string_append_printf (out, "%s=%" G_GINT64_FORMAT "\n", key, value);
}

/* The columns of an issued document, classified for the chain (factures-chain-v2).
 *
 * KEEP IN STEP WITH document_canonical_text() below. Every column of the documents table is
 * either hashed (its value is part of the canonical text) or named here as not hashed, with the
 * reason. A later issue that adds a column an issued document carries MUST add it to the
 * canonical text under a NEW version (factures-chain-v3: a new value of documents.chain_version,
 * the older versions still computed as they were), never change what v1 or v2 hash: the stored
 * hashes of the documents already issued must keep verifying. tests/store/test-store-integrity.c
 * fails when a column of documents is in neither list. */
static const char * const chain_hashed_columns[] = {
  /* v1 and v2 */
  "number", "kind", "issue_date", "delivery_date", "due_date", "terms_kind", "terms_days",
  "seller", "buyer", "allowance", "net_total", "vat_total", "gross_total", "amount_due", "notes",
  "purchase_order", "pdf" /* as its SHA-256 */, "prev_hash" /* the input of the hash */,
  /* v2 only */
  "client_id", "client_name", "pdf_sha256", "chain_seq", "chain_version", "series_name",
  "series_counter", "series_date",
  NULL
};

static const char * const chain_unhashed_columns[] = {
  "id",          /* the row id: internal, documents are named by their number */
  "status",      /* 1 for every hashed document (the hash is computed just before it is set) */
  "hash",        /* the result */
  "client_key",  /* folded copy of client_name (sorting), rebuilt from it */
  "search_key",  /* folded copy of number and client_name (search), rebuilt from them */
  NULL
};

/**
 * factures_store_chain_columns:
 * @out_hashed: (out) (transfer none): the columns of documents hashed by the newest chain version
 * @out_unhashed: (out) (transfer none): the columns left out of the hash, each for a reason
 *
 * For the test that every column of documents is classified (see document_canonical_text()).
 */
void
factures_store_chain_columns (const char * const **out_hashed,
                              const char * const **out_unhashed)
{
  *out_hashed = chain_hashed_columns;
  *out_unhashed = chain_unhashed_columns;
}

/* The canonical text of a stored document (see the top of this file), in the chain version
 * the document records (chain_version: 1 before migration 0008, 2 since). */
static char *
document_canonical_text (FacturesStore  *self,
                         gint64          id,
                         GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) lines = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *pdf_sha = NULL;
  gint64 version;
  int rc;

#define CANONICAL_COLUMNS "number, kind, issue_date, delivery_date, due_date, terms_kind, " \
                          "terms_days, seller, buyer, allowance, net_total, vat_total, " \
                          "gross_total, amount_due, notes, purchase_order, pdf, "
  if (sqlite3_prepare_v2 (self->db,
                          "SELECT " CANONICAL_COLUMNS
                          "coalesce (chain_version, 1), status, client_id, client_name, pdf_sha256, "
                          "chain_seq, series_name, series_counter, series_date "
                          "FROM documents WHERE id = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      /* A database from before migration 0008, verified read-only: every document is v1. */
      stmt = factures_store_prepare (self,
                                     "SELECT " CANONICAL_COLUMNS "1, status, client_id, client_name, "
                                     "pdf_sha256, chain_seq, NULL, NULL, NULL FROM documents WHERE id = ?1",
                                     error);
      if (stmt == NULL)
        return NULL;
    }
#undef CANONICAL_COLUMNS
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  version = sqlite3_column_int64 (stmt, 17);
  if (version != 1 && version != 2)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY,
                   _("Document %s: unknown hash chain version %" PRId64 "."),
                   col_text (stmt, 0) != NULL ? col_text (stmt, 0) : "?", version);
      return NULL;
    }
  g_string_append_printf (out, "factures-chain-v%" G_GINT64_FORMAT "\n", version);

  canon_text (out, "number", col_text (stmt, 0));
  canon_int (out, "kind", sqlite3_column_int64 (stmt, 1));
  canon_text (out, "issue_date", col_text (stmt, 2));
  canon_text (out, "delivery_date", col_text (stmt, 3));
  canon_text (out, "due_date", col_text (stmt, 4));
  canon_int (out, "terms_kind", sqlite3_column_int64 (stmt, 5));
  canon_int (out, "terms_days", sqlite3_column_int64 (stmt, 6));
  canon_text (out, "seller", col_text (stmt, 7));
  canon_text (out, "buyer", col_text (stmt, 8));

  lines = factures_store_prepare (self,
                                  "SELECT position, description, quantity, unit, unit_price, "
                                  "vat_rate_bp, allowance, net FROM lines WHERE document_id = ?1 "
                                  "ORDER BY position",
                                  error);
  if (lines == NULL)
    return NULL;
  sqlite3_bind_int64 (lines, 1, id);
  while ((rc = sqlite3_step (lines)) == SQLITE_ROW)
    {
      canon_int (out, "line", sqlite3_column_int64 (lines, 0));
      canon_text (out, "description", col_text (lines, 1));
      canon_int (out, "quantity", sqlite3_column_int64 (lines, 2));
      canon_text (out, "unit", col_text (lines, 3));
      canon_int (out, "unit_price", sqlite3_column_int64 (lines, 4));
      canon_int (out, "vat_rate_bp", sqlite3_column_int64 (lines, 5));
      canon_int (out, "line_allowance", sqlite3_column_int64 (lines, 6));
      canon_int (out, "net", sqlite3_column_int64 (lines, 7));
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }

  canon_int (out, "allowance", sqlite3_column_int64 (stmt, 9));
  canon_int (out, "net_total", sqlite3_column_int64 (stmt, 10));
  canon_int (out, "vat_total", sqlite3_column_int64 (stmt, 11));
  canon_int (out, "gross_total", sqlite3_column_int64 (stmt, 12));
  canon_int (out, "amount_due", sqlite3_column_int64 (stmt, 13));
  canon_text (out, "notes", col_text (stmt, 14));
  canon_text (out, "purchase_order", col_text (stmt, 15));
  pdf_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                         sqlite3_column_blob (stmt, 16),
                                         (gsize) sqlite3_column_bytes (stmt, 16));
  canon_text (out, "pdf_sha256", pdf_sha);
  if (!factures_store_lifecycle_canon (self, id, out, error))
    return NULL;

  /* factures-chain-v2 (migration 0008): the rest of the issued row, the client reference and
   * the state of the number series after the issue. */
  if (version >= 2)
    {
      canon_text (out, "client_id", col_text (stmt, 19));
      canon_text (out, "client_name", col_text (stmt, 20));
      canon_text (out, "stored_pdf_sha256", col_text (stmt, 21));
      canon_text (out, "chain_seq", col_text (stmt, 22));
      canon_text (out, "series_name", col_text (stmt, 23));
      canon_text (out, "series_counter", col_text (stmt, 24));
      canon_text (out, "series_date", col_text (stmt, 25));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
document_hash (FacturesStore  *self,
               gint64          id,
               const char     *prev_hash,
               GError        **error)
{
  g_autoptr(GChecksum) checksum = NULL;
  g_autofree char *canonical = document_canonical_text (self, id, error);

  if (canonical == NULL)
    return NULL;
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  if (prev_hash != NULL)
    g_checksum_update (checksum, (const guchar *) prev_hash, -1);
  g_checksum_update (checksum, (const guchar *) canonical, -1);
  return g_strdup (g_checksum_get_string (checksum));
}

gboolean
factures_store_verify_chain (FacturesStore  *self,
                             GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) stray = NULL;
  g_autofree char *expected_prev = NULL;
  gint64 expected_seq = 1;
  int rc;

  /* An issued document turned back into a draft behind the app's back. */
  stray = factures_store_prepare (self,
                                  "SELECT coalesce (number, id) FROM documents WHERE status = 0 "
                                  "AND (hash IS NOT NULL OR chain_seq IS NOT NULL OR number IS NOT NULL "
                                  "OR pdf IS NOT NULL) ORDER BY id LIMIT 1",
                                  error);
  if (stray == NULL)
    return FALSE;
  if (sqlite3_step (stray) == SQLITE_ROW)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY,
                   _("Document %s: an issued document was turned back into a draft."),
                   col_text (stray, 0));
      return FALSE;
    }

  stmt = factures_store_prepare (self,
                                 "SELECT id, number, chain_seq, prev_hash, hash FROM documents "
                                 "WHERE status = 1 ORDER BY chain_seq, id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *computed = NULL;
      const char *number = col_text (stmt, 1);
      const char *prev = col_text (stmt, 3);
      const char *hash = col_text (stmt, 4);

      if (sqlite3_column_int64 (stmt, 2) != expected_seq)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY,
                       _("Document %s: the hash chain has a gap before it (a document is missing)."),
                       number);
          return FALSE;
        }
      if (g_strcmp0 (prev, expected_prev) != 0)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY,
                       _("Document %s: it does not follow the previous document in the hash chain."),
                       number);
          return FALSE;
        }

      computed = document_hash (self, sqlite3_column_int64 (stmt, 0), prev, error);
      if (computed == NULL)
        return FALSE;
      if (g_strcmp0 (computed, hash) != 0)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY,
                       _("Document %s: its content was altered after it was issued (hash mismatch)."),
                       number);
          return FALSE;
        }

      g_free (expected_prev);
      expected_prev = g_strdup (hash);
      expected_seq++;
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* Expands a series pattern: {YYYY}, {YY}, {MM} of the issue date and {N…}, the
 * counter padded to as many digits as there are Ns. */
static char *
format_number (const char   *pattern,
               const GDate  *date,
               gint64        counter,
               GError      **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = pattern;

  while (*p)
    {
      if (*p == '{')
        {
          const char *end = strchr (p, '}');
          g_autofree char *token = NULL;

          if (end == NULL)
            break;
          token = g_strndup (p + 1, end - p - 1);
          if (g_str_equal (token, "YYYY"))
            g_string_append_printf (out, "%04u", g_date_get_year (date));
          else if (g_str_equal (token, "YY"))
            g_string_append_printf (out, "%02u", g_date_get_year (date) % 100);
          else if (g_str_equal (token, "MM"))
            g_string_append_printf (out, "%02u", g_date_get_month (date));
          else if (*token == 'N' && strspn (token, "N") == strlen (token))
            g_string_append_printf (out, "%0*" G_GINT64_FORMAT, (int) strlen (token), counter);
          else
            g_string_append (out, "?");
          p = end + 1;
        }
      else
        g_string_append_c (out, *p++);
    }

  /* EN 16931 / French rules: at most 35 characters, letters, digits and + - _ / */
  if (out->len == 0 || out->len > 35 ||
      strspn (out->str, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-_/") != out->len)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Numbering: the pattern “%s” gives “%s”, which is not a valid document number "
                     "(at most 35 letters, digits and + - _ /)."), pattern, out->str);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The checks and the frozen figures, run inside the issuing transaction. */
static FacturesDocument *
issue_in_transaction (FacturesStore       *self,
                      gint64               id,
                      FacturesRenderFunc   render,
                      gpointer             user_data,
                      GError             **error)
{
  g_autoptr(FacturesDocument) document = NULL;
  g_autoptr(sqlite3_stmt) series = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) last = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_auto(FacturesTotals) totals = { NULL, };
  g_autofree char *seller_json = NULL;
  g_autofree char *buyer_json = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *prev_hash = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *pdf_sha = NULL;
  g_autofree char *today_iso = NULL;
  GDate last_date;
  GDate today;
  gint64 counter;
  gint64 chain_seq = 1;
  const char *series_name;

  document = factures_store_get_document (self, id, error);
  if (document == NULL)
    return NULL;
  if (document->status != FACTURES_DOCUMENT_STATUS_DRAFT)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_IMMUTABLE,
                           _("This document is already issued."));
      return NULL;
    }

  /* The series: next counter, and numbers follow dates. */
  series_name = series_of_kind (document->kind);
  series = factures_store_prepare (self,
                                   "SELECT pattern, next_counter, last_issued_date FROM number_series "
                                   "WHERE name = ?1",
                                   error);
  if (series == NULL)
    return NULL;
  factures_sql_bind_text (series, 1, series_name);
  if (sqlite3_step (series) != SQLITE_ROW)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_DATABASE,
                   _("Database error: the number series “%s” is missing."), series_name);
      return NULL;
    }
  pattern = factures_sql_col_dup (series, 0);
  counter = sqlite3_column_int64 (series, 1);
  factures_sql_col_date (series, 2, &last_date);
  /* The counter restarts with the year when the series says so. */
  if (!factures_store_numbering_next (self, series_name, &document->issue_date, &counter, error))
    return NULL;

  if (g_date_valid (&last_date) && g_date_compare (&document->issue_date, &last_date) < 0)
    {
      g_autofree char *issue_text = factures_date_format_fr (&document->issue_date);
      g_autofree char *last_text = factures_date_format_fr (&last_date);

      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_DATE_ORDER,
                   _("Issue date: %s is earlier than %s, the date of the last document issued "
                     "in this series. Numbers must follow dates: use %s or a later date."),
                   issue_text, last_text, last_text);
      return NULL;
    }

  /* An issue date in the future would also push every later number past it (numbers
   * follow dates), so a mistyped year would block the series: refused. */
  {
    GDate now;

    factures_today (&now);
    if (g_date_compare (&document->issue_date, &now) > 0)
      {
        g_autofree char *issue_text = factures_date_format_fr (&document->issue_date);
        g_autofree char *today_text = factures_date_format_fr (&now);

        g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_DATE_ORDER,
                     _("Issue date: %s is later than today (%s). A document is issued on the "
                       "day it is dated: correct the date, or issue it on that day."),
                     issue_text, today_text);
        return NULL;
      }
  }

  if (!factures_store_lifecycle_check_issue (self, document, error))
    return NULL;

  document->number = format_number (pattern, &document->issue_date, counter, error);
  if (document->number == NULL)
    return NULL;
  /* Unique among every number of the business, own sales imported as history included. */
  if (!factures_store_numbering_check_free (self, document->number, error))
    return NULL;
  document->status = FACTURES_DOCUMENT_STATUS_ISSUED;

  /* Terms and due date were filled by get_document from the client or profile. */

  mentions = factures_mentions_check (document);
  if (factures_mentions_has_errors (mentions))
    {
      g_autoptr(GString) message = g_string_new (NULL);

      for (guint i = 0; i < mentions->len; i++)
        {
          FacturesMissingMention *mention = g_ptr_array_index (mentions, i);

          if (mention->severity != FACTURES_MENTION_ERROR)
            continue;
          if (message->len > 0)
            g_string_append_c (message, '\n');
          g_string_append (message, mention->message);
        }
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_MISSING_MENTION, message->str);
      return NULL;
    }

  /* The checker lists a missing client; never go on without one. */
  g_return_val_if_fail (document->buyer != NULL, NULL);

  if (!factures_document_compute_totals (document, &totals, error))
    return NULL;
  /* A payment schedule must add up to the amount due (issue 6). */
  if (!factures_store_schedule_check_issue (document, &totals, error))
    return NULL;

  pdf = render (document, user_data, error);
  if (pdf == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                             _("The PDF could not be produced."));
      return NULL;
    }
  pdf_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);

  seller_json = factures_store_profile_to_json (document->seller, FALSE);
  {
    g_autofree char *client_json = factures_store_client_to_json (document->buyer);

    /* …with the payment schedule frozen into the buyer snapshot (issue 6). */
    buyer_json = factures_store_schedule_freeze (client_json, document->instalments);
  }

  /* Freeze lines (nets) and the document while it is still a draft… */
  if (!write_lines (self, id, document->lines, &totals, error))
    return NULL;

  update = factures_store_prepare (self,
                                   "UPDATE documents SET number = ?1, due_date = ?2, terms_kind = ?3, "
                                   "terms_days = ?4, client_name = ?5, seller = ?6, buyer = ?7, "
                                   "net_total = ?8, vat_total = ?9, gross_total = ?10, amount_due = ?11, "
                                   "pdf = ?12, pdf_sha256 = ?13, client_key = factures_fold (?5), "
                                   "search_key = factures_fold (?1 || ' ' || ?5) "
                                   "WHERE id = ?14 AND status = 0",
                                   error);
  if (update == NULL)
    return NULL;
  factures_sql_bind_text (update, 1, document->number);
  factures_sql_bind_date (update, 2, &document->due_date);
  sqlite3_bind_int (update, 3, document->terms.kind);
  sqlite3_bind_int (update, 4, (int) document->terms.days);
  factures_sql_bind_text (update, 5, document->buyer->party.name);
  factures_sql_bind_text (update, 6, seller_json);
  factures_sql_bind_text (update, 7, buyer_json);
  sqlite3_bind_int64 (update, 8, totals.net_total);
  sqlite3_bind_int64 (update, 9, totals.vat_total);
  sqlite3_bind_int64 (update, 10, totals.gross_total);
  sqlite3_bind_int64 (update, 11, totals.amount_due);
  sqlite3_bind_blob64 (update, 12, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), SQLITE_STATIC);
  factures_sql_bind_text (update, 13, pdf_sha);
  sqlite3_bind_int64 (update, 14, id);
  if (!factures_store_step_done (self, update, error))
    return NULL;

  /* …then chain it, from the stored row, and make it immutable. */
  last = factures_store_prepare (self,
                                 "SELECT chain_seq, hash FROM documents WHERE status = 1 "
                                 "ORDER BY chain_seq DESC LIMIT 1",
                                 error);
  if (last == NULL)
    return NULL;
  if (sqlite3_step (last) == SQLITE_ROW)
    {
      chain_seq = sqlite3_column_int64 (last, 0) + 1;
      prev_hash = factures_sql_col_dup (last, 1);
    }

  /* …with its place, its chain version and the state its series will have after the issue
   * (factures-chain-v2, migration 0008)… */
  {
    g_autoptr(sqlite3_stmt) chain = factures_store_prepare (self,
                                                            "UPDATE documents SET chain_version = 2, "
                                                            "series_name = ?1, series_counter = ?2 + 1, "
                                                            "series_date = ?3, chain_seq = ?5 WHERE id = ?4 AND status = 0",
                                                            error);

    if (chain == NULL)
      return NULL;
    factures_sql_bind_text (chain, 1, series_name);
    sqlite3_bind_int64 (chain, 2, counter);
    factures_sql_bind_date (chain, 3, &document->issue_date);
    sqlite3_bind_int64 (chain, 4, id);
    sqlite3_bind_int64 (chain, 5, chain_seq);
    if (!factures_store_step_done (self, chain, error))
      return NULL;
  }

  hash = document_hash (self, id, prev_hash, error);
  if (hash == NULL)
    return NULL;

  stmt = factures_store_prepare (self,
                                 "UPDATE documents SET status = 1, chain_seq = ?1, prev_hash = ?2, "
                                 "hash = ?3 WHERE id = ?4 AND status = 0",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, chain_seq);
  factures_sql_bind_text (stmt, 2, prev_hash);
  factures_sql_bind_text (stmt, 3, hash);
  sqlite3_bind_int64 (stmt, 4, id);
  if (!factures_store_step_done (self, stmt, error))
    return NULL;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!factures_store_numbering_advance (self, series_name, counter, &document->issue_date, error))
    return NULL;

  factures_today (&today);
  today_iso = factures_date_format_iso (&today);
  stmt = factures_store_prepare (self,
                                 "INSERT INTO events (document_id, kind, date, data) "
                                 "VALUES (?1, 'issued', ?2, NULL)",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  factures_sql_bind_text (stmt, 2, today_iso);
  if (!factures_store_step_done (self, stmt, error))
    return NULL;

  return factures_store_get_document (self, id, error);
}

/**
 * factures_store_issue:
 * @id: a draft
 * @render: draws the PDF that becomes the stored original; called inside the
 *   transaction with the document numbered, dated and with its snapshots
 * @error: FACTURES_ERROR_MISSING_MENTION (the message lists every missing
 *   mention, one per line; LEGAL.md §1), FACTURES_ERROR_DATE_ORDER (an issue date
 *   earlier than the series' last — numbers follow dates, CGI ann. II art. 242 nonies A —
 *   or later than factures_today()), FACTURES_ERROR_IMMUTABLE (already issued),
 *   FACTURES_ERROR_INVALID (a payment schedule that breaks factures_schedule_validate(),
 *   e.g. whose sum is not the amount due; issue 6),
 *   FACTURES_ERROR_NOT_FOUND,
 *   any error of @render, FACTURES_ERROR_DATABASE
 *
 * One BEGIN IMMEDIATE transaction: the document takes the next number of its
 * series (invoices and deposit invoices share "F{YYYY}-{NNNN}"; quotes "D…" and
 * credit notes "A…" have their own), its due date from the client's terms or
 * the profile's default, its seller (profile) and buyer (client) snapshots, its
 * totals from factures_document_compute_totals(), the PDF bytes as its original,
 * its payment schedule, if any, frozen (the due date is then the last instalment's),
 * and its place in the SHA-256 hash chain. Nothing changes on error.
 *
 * Returns: (transfer full): the issued document, or NULL.
 */
FacturesDocument *
factures_store_issue (FacturesStore       *self,
                      gint64               id,
                      FacturesRenderFunc   render,
                      gpointer             user_data,
                      GError             **error)
{
  FacturesDocument *document;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);
  g_return_val_if_fail (render != NULL, NULL);

  if (!factures_store_begin (self, error))
    return NULL;

  document = issue_in_transaction (self, id, render, user_data, error);
  if (document == NULL)
    {
      factures_store_rollback (self);
      return NULL;
    }
  if (!factures_store_commit (self, error))
    {
      factures_store_rollback (self);
      factures_document_free (document);
      return NULL;
    }

  factures_store_emit_changed (self);
  return document;
}

/**
 * factures_store_issue_in_transaction:
 * (see factures-store-private.h)
 */
FacturesDocument *
factures_store_issue_in_transaction (FacturesStore       *self,
                                     gint64               id,
                                     FacturesRenderFunc   render,
                                     gpointer             user_data,
                                     GError             **error)
{
  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);
  g_return_val_if_fail (render != NULL, NULL);
  g_return_val_if_fail (!sqlite3_get_autocommit (self->db), NULL);

  return issue_in_transaction (self, id, render, user_data, error);
}

/**
 * factures_store_get_original:
 * @error: FACTURES_ERROR_NOT_FOUND for an unknown id or a draft (no original)
 *
 * Returns: (transfer full): the PDF bytes stored when the document was issued.
 */
GBytes *
factures_store_get_original (FacturesStore  *self,
                             gint64          id,
                             GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  stmt = factures_store_prepare (self, "SELECT pdf FROM documents WHERE id = ?1 AND status = 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) == SQLITE_BLOB)
    return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND,
                         _("This document has no stored original: it is not issued."));
  else
    factures_store_set_db_error (self, error);
  return NULL;
}

/* ---- lists ---- */

/* What is still due on an issued invoice: its amount due minus its credit notes and payments. */
#define DUE_EXPR "(amount_due - " FACTURES_CREDITED_EXPR " - " FACTURES_PAID_EXPR ")"
#define BALANCE_EXPR "(CASE WHEN status = 1 AND kind IN (380, 386) THEN " DUE_EXPR " ELSE 0 END)"
#define DAYS_LATE_EXPR "(CASE WHEN status = 1 AND kind IN (380, 386) AND " DUE_EXPR " > 0 " \
                       "AND due_date < :today THEN CAST (julianday (:today) - julianday (due_date) " \
                       "AS INTEGER) ELSE 0 END)"
#define LATE_KEY_EXPR "(CASE WHEN status = 1 AND kind IN (380, 386) AND " DUE_EXPR " > 0 " \
                      "AND due_date < :today THEN due_date ELSE '9999-12-31' END)"
#define OUTSTANDING_EXPR "(SELECT coalesce (sum (" DUE_EXPR "), 0) FROM documents " \
                         "WHERE client_id = clients.id AND status = 1 AND kind IN (380, 386))"

static GObject *
client_row_from_stmt (sqlite3_stmt *stmt)
{
  return G_OBJECT (factures_client_row_new (sqlite3_column_int64 (stmt, 0),
                                            col_text (stmt, 1),
                                            col_text (stmt, 2),
                                            col_text (stmt, 3),
                                            col_text (stmt, 4),
                                            sqlite3_column_int (stmt, 5),
                                            sqlite3_column_int64 (stmt, 6)));
}

/* Columns 10–16 of a document row, read by document_row_from_stmt(): what derives a
 * quote's status (first decision event, final invoice made, validity date) and a
 * draft's due date (the last instalment of its schedule, else its effective terms:
 * the client's own or the profile's, and the profile's end-of-month method). */
#define DOCUMENT_ROW_DERIVED_COLUMNS \
  "CASE WHEN kind = 0 THEN (SELECT e.kind FROM events e WHERE e.document_id = documents.id " \
  "AND e.kind IN ('quote-accepted', 'quote-refused') ORDER BY e.id LIMIT 1) END, " \
  "CASE WHEN kind = 0 THEN EXISTS (SELECT 1 FROM document_links l WHERE l.role = 'final' " \
  "AND l.target_id = documents.id) ELSE 0 END, " \
  "CASE WHEN kind = 0 THEN (SELECT q.valid_until FROM quote_details q " \
  "WHERE q.document_id = documents.id) END, " \
  "CASE WHEN status = 0 THEN (SELECT i.due_date FROM instalments i " \
  "WHERE i.document_id = documents.id ORDER BY i.number DESC LIMIT 1) END, " \
  "CASE WHEN status = 0 THEN coalesce ((SELECT c.terms_kind FROM clients c " \
  "WHERE c.id = documents.client_id AND c.has_terms), (SELECT p.terms_kind FROM profile p), 0) END, " \
  "CASE WHEN status = 0 THEN coalesce ((SELECT c.terms_days FROM clients c " \
  "WHERE c.id = documents.client_id AND c.has_terms), (SELECT p.terms_days FROM profile p), 0) END, " \
  "CASE WHEN status = 0 THEN coalesce ((SELECT p.eom_method FROM profile p), 0) END"

/* A draft's due date as issuing would set it (ISO, or NULL without an issue date). */
static char *
draft_row_due_date (sqlite3_stmt *stmt)
{
  FacturesPaymentTerms terms = { 0, };
  GDate issue, due;

  if (col_text (stmt, 13) != NULL)
    return g_strdup (col_text (stmt, 13));
  if (col_text (stmt, 5) == NULL || !factures_date_parse_iso (col_text (stmt, 5), &issue, NULL))
    return NULL;
  terms.kind = sqlite3_column_int (stmt, 14);
  terms.days = (guint) MAX (sqlite3_column_int (stmt, 15), 0);
  if (terms.kind < FACTURES_TERMS_ON_RECEIPT || terms.kind > FACTURES_TERMS_END_OF_MONTH_45)
    return NULL;
  factures_terms_due_date (&terms, sqlite3_column_int (stmt, 16), &issue, &due);
  return factures_date_format_iso (&due);
}

static gint
quote_row_status (sqlite3_stmt *stmt)
{
  const char *decision = col_text (stmt, 10);
  GDate valid_until, today;
  gboolean has_validity;

  has_validity = col_text (stmt, 12) != NULL &&
                 factures_date_parse_iso (col_text (stmt, 12), &valid_until, NULL);
  factures_today (&today);
  return factures_quote_status_derive (sqlite3_column_int (stmt, 2) == FACTURES_DOCUMENT_STATUS_ISSUED,
                                       g_strcmp0 (decision, "quote-accepted") == 0,
                                       g_strcmp0 (decision, "quote-refused") == 0,
                                       sqlite3_column_int (stmt, 11) != 0,
                                       has_validity ? &valid_until : NULL, &today);
}

static GObject *
document_row_from_stmt (sqlite3_stmt *stmt)
{
  g_autofree char *draft_due = NULL;
  FacturesDocumentRow *row;

  if (sqlite3_column_int (stmt, 2) == FACTURES_DOCUMENT_STATUS_DRAFT)
    draft_due = draft_row_due_date (stmt);
  row = factures_document_row_new (sqlite3_column_int64 (stmt, 0),
                                   sqlite3_column_int (stmt, 1),
                                   sqlite3_column_int (stmt, 2),
                                   col_text (stmt, 3),
                                   col_text (stmt, 4),
                                   col_text (stmt, 5),
                                   draft_due != NULL ? draft_due : col_text (stmt, 6),
                                   sqlite3_column_int64 (stmt, 7),
                                   sqlite3_column_int64 (stmt, 8),
                                   sqlite3_column_int (stmt, 9));
  if (sqlite3_column_int (stmt, 1) == FACTURES_DOCUMENT_KIND_QUOTE)
    factures_document_row_set_quote_status (row, quote_row_status (stmt));
  return G_OBJECT (row);
}

/**
 * factures_store_list_clients:
 * @search: (nullable): text matched, case- and accent-insensitively, anywhere in
 *   the name, city, e-mail or SIREN
 *
 * Returns: (transfer full): a lazy GListModel of FacturesClientRow, sorted in SQL
 *   (ties by id). A snapshot: recreate it when the store emits "changed".
 */
GListModel *
factures_store_list_clients (FacturesStore       *self,
                             const char          *search,
                             FacturesClientSort   sort,
                             gboolean             descending)
{
  g_autofree char *pattern = like_pattern (search);
  g_autofree char *count_sql = NULL;
  g_autofree char *page_sql = NULL;
  const char *where = pattern ? "WHERE search_key LIKE :search ESCAPE '\\'" : "";
  const char *dir = descending ? "DESC" : "ASC";
  const char *key;
  const char *params[] = { ":search", pattern, NULL };

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  switch (sort)
    {
    case FACTURES_CLIENT_SORT_CITY:
      key = "city_key";
      break;
    case FACTURES_CLIENT_SORT_CATEGORY:
      key = "category";
      break;
    case FACTURES_CLIENT_SORT_OUTSTANDING:
      key = OUTSTANDING_EXPR;
      break;
    case FACTURES_CLIENT_SORT_NAME:
    default:
      key = "name_key";
      break;
    }

  /* Computed orders and searches cannot come from an index: sort once. */
  if (pattern != NULL || sort == FACTURES_CLIENT_SORT_OUTSTANDING)
    {
      g_autofree char *ids_sql = g_strdup_printf ("SELECT id FROM clients %s ORDER BY %s %s, id %s",
                                                  where, key, dir, dir);

      return G_LIST_MODEL (factures_sql_list_model_new_by_ids (G_OBJECT (self), self->db,
                                                               FACTURES_TYPE_CLIENT_ROW,
                                                               ids_sql,
                                                               "SELECT clients.id, name, city, email, siren, "
                                                               "category, " OUTSTANDING_EXPR " FROM clients "
                                                               "WHERE clients.id IN",
                                                               pattern ? params : NULL,
                                                               client_row_from_stmt));
    }

  count_sql = g_strdup_printf ("SELECT count(*) FROM clients %s", where);
  /* The page's ids come from the (covering) index alone; then the rows are read. */
  page_sql = g_strdup_printf ("SELECT clients.id, name, city, email, siren, category, %s "
                              "FROM (SELECT id FROM clients %s ORDER BY %s %s, id %s "
                              "LIMIT :limit OFFSET :offset) AS page "
                              "JOIN clients ON clients.id = page.id "
                              "ORDER BY %s %s, clients.id %s",
                              OUTSTANDING_EXPR, where, key, dir, dir, key, dir, dir);

  return G_LIST_MODEL (factures_sql_list_model_new (G_OBJECT (self), self->db,
                                                    FACTURES_TYPE_CLIENT_ROW,
                                                    count_sql, page_sql,
                                                    pattern ? params : NULL,
                                                    client_row_from_stmt));
}

/* The SQL sort key; *inverted when the key runs against the requested direction. */
static const char *
document_sort_key (FacturesDocumentSort  sort,
                   gboolean             *inverted)
{
  *inverted = FALSE;
  switch (sort)
    {
    case FACTURES_DOCUMENT_SORT_NUMBER:
      return "number";
    case FACTURES_DOCUMENT_SORT_CLIENT:
      return "client_key";
    case FACTURES_DOCUMENT_SORT_TOTAL:
      return "gross_total";
    case FACTURES_DOCUMENT_SORT_BALANCE:
      return BALANCE_EXPR;
    case FACTURES_DOCUMENT_SORT_DUE:
      return "due_date";
    case FACTURES_DOCUMENT_SORT_DAYS_LATE:
      /* More days late = an earlier due date; documents not late (0 days) come
       * after every late one. A text key is much cheaper than julianday (). */
      *inverted = TRUE;
      return LATE_KEY_EXPR;
    case FACTURES_DOCUMENT_SORT_DATE:
    default:
      return "issue_date";
    }
}

static GListModel *
list_documents (FacturesStore        *self,
                const char           *where,
                const char           *search_pattern,
                const GDate          *today,
                FacturesDocumentSort  sort,
                gboolean              descending)
{
  g_autofree char *count_sql = NULL;
  g_autofree char *page_sql = NULL;
  g_autofree char *today_iso = NULL;
  const char *dir = descending ? "DESC" : "ASC";
  const char *params[] = { ":today", NULL, ":search", search_pattern, NULL };
  gboolean inverted;
  const char *key = document_sort_key (sort, &inverted);
  const char *key_dir = descending != inverted ? "DESC" : "ASC";
  GDate now;

  if (today == NULL || !g_date_valid (today))
    {
      factures_today (&now);
      today = &now;
    }
  today_iso = factures_date_format_iso (today);
  params[1] = today_iso;

  /* Computed orders and searches cannot come from an index: sort once. */
  if (search_pattern != NULL || sort == FACTURES_DOCUMENT_SORT_DAYS_LATE ||
      sort == FACTURES_DOCUMENT_SORT_BALANCE)
    {
      g_autofree char *ids_sql = g_strdup_printf ("SELECT id FROM documents %s ORDER BY %s %s, id %s",
                                                  where, key, key_dir, dir);

      return G_LIST_MODEL (factures_sql_list_model_new_by_ids (G_OBJECT (self), self->db,
                                                               FACTURES_TYPE_DOCUMENT_ROW,
                                                               ids_sql,
                                                               "SELECT documents.id, kind, status, number, "
                                                               "client_name, issue_date, due_date, gross_total, "
                                                               BALANCE_EXPR ", " DAYS_LATE_EXPR ", "
                                                               DOCUMENT_ROW_DERIVED_COLUMNS " FROM documents "
                                                               "WHERE documents.id IN",
                                                               params, document_row_from_stmt));
    }

  count_sql = g_strdup_printf ("SELECT count(*) FROM documents %s", where);
  page_sql = g_strdup_printf ("SELECT documents.id, kind, status, number, client_name, issue_date, "
                              "due_date, gross_total, %s, %s, " DOCUMENT_ROW_DERIVED_COLUMNS " "
                              "FROM (SELECT id FROM documents %s ORDER BY %s %s, id %s "
                              "LIMIT :limit OFFSET :offset) AS page "
                              "JOIN documents ON documents.id = page.id "
                              "ORDER BY %s %s, documents.id %s",
                              BALANCE_EXPR, DAYS_LATE_EXPR, where, key, key_dir, dir, key, key_dir, dir);

  return G_LIST_MODEL (factures_sql_list_model_new (G_OBJECT (self), self->db,
                                                    FACTURES_TYPE_DOCUMENT_ROW,
                                                    count_sql, page_sql, params,
                                                    document_row_from_stmt));
}

/**
 * factures_store_list_documents:
 * @search: (nullable): text matched, case- and accent-insensitively, anywhere in
 *   the number or the client's name
 *
 * Balance is the amount due of issued invoices and deposit invoices (0 for other
 * documents); days late count from the due date to factures_today().
 *
 * Returns: (transfer full): a lazy GListModel of FacturesDocumentRow, every kind
 *   and status. A snapshot: recreate it when the store emits "changed".
 */
GListModel *
factures_store_list_documents (FacturesStore         *self,
                               const char            *search,
                               FacturesDocumentSort   sort,
                               gboolean               descending)
{
  g_autofree char *pattern = like_pattern (search);

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  return list_documents (self,
                         pattern ? "WHERE search_key LIKE :search ESCAPE '\\'" : "",
                         pattern, NULL, sort, descending);
}

/**
 * factures_store_list_overdue:
 * @today: (nullable): the day to count from; NULL for factures_today()
 *
 * Returns: (transfer full): a lazy GListModel of FacturesDocumentRow: issued
 *   invoices and deposit invoices whose due date is before @today and whose
 *   balance is positive.
 */
GListModel *
factures_store_list_overdue (FacturesStore         *self,
                             const GDate           *today,
                             FacturesDocumentSort   sort,
                             gboolean               descending)
{
  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  return list_documents (self,
                         "WHERE status = 1 AND kind IN (380, 386) AND amount_due > 0 "
                         "AND " DUE_EXPR " > 0 AND due_date < :today",
                         NULL, today, sort, descending);
}

/* ---- whole-database operations ---- */

gint64
factures_store_count_content (FacturesStore  *self,
                              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = factures_store_prepare (self,
                                 "SELECT (SELECT count(*) FROM clients) + (SELECT count(*) FROM documents)",
                                 error);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/**
 * factures_store_verify:
 * @error: FACTURES_ERROR_INTEGRITY naming the first broken document's number
 *   (or SQLite's own report), FACTURES_ERROR_DATABASE
 *
 * PRAGMA integrity_check, PRAGMA foreign_key_check, then the hash chain
 * recomputed from the first issued document in chain (issue) order (each in the chain
 * version it records: factures-chain-v2 since migration 0008 hashes the client reference and
 * the series state too), then the history journal (factures_store_verify_journal(): an
 * event, a payment, a cancellation or an imported sale's payment edited, deleted or added
 * behind the app's back). What the database alone cannot show (the last documents deleted)
 * is found by factures_store_verify_against() with a backup or an export.
 */
gboolean
factures_store_verify (FacturesStore  *self,
                       GError        **error)
{
  g_autoptr(sqlite3_stmt) integrity = NULL;
  g_autoptr(sqlite3_stmt) foreign = NULL;
  const char *result;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  integrity = factures_store_prepare (self, "PRAGMA integrity_check", error);
  if (integrity == NULL)
    return FALSE;
  if (sqlite3_step (integrity) != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  result = col_text (integrity, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY,
                   _("The database file is damaged: %s"), result);
      return FALSE;
    }

  foreign = factures_store_prepare (self, "PRAGMA foreign_key_check", error);
  if (foreign == NULL)
    return FALSE;
  if (sqlite3_step (foreign) == SQLITE_ROW)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY,
                   _("The table “%s” refers to a missing row (row %" PRId64 ")."),
                   col_text (foreign, 0), (gint64) sqlite3_column_int64 (foreign, 1));
      return FALSE;
    }

  if (!factures_store_verify_chain (self, error))
    return FALSE;

  /* Each series' counter against its highest number (issue 10). */
  if (!factures_store_check_series (self, error))
    return FALSE;
  /* The history: events, payments, their cancellations, the payments of imported sales
   * (migration 0008). */
  return factures_store_verify_journal (self, error);
}

/**
 * factures_store_backup:
 * @path: the copy to write (replaced if it exists)
 *
 * A consistent copy through the SQLite online backup API, safe while the app writes. The copy
 * then gets its witness, the chain head (table factures_witness: last chain position, its
 * hash, issued documents per series, size and hash of the history journal), read by
 * factures_store_verify_against().
 */
gboolean
factures_store_backup (FacturesStore  *self,
                       const char     *path,
                       GError        **error)
{
  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* The copy carries its witness: the chain head (factures --verify --against=FILE). */
  return backup_to (self->db, path, error) && factures_store_write_witness (path, error);
}
