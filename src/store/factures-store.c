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
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <nettle/sha2.h>

#include "factures-identifiers.h"
#include "factures-identifiers-eu.h"
#include "factures-lifecycle.h"
#include "factures-mentions.h"
#include "factures-rows.h"
#include "factures-sql-list-model.h"
#include "factures-store-private.h"
#include "factures-store-changes-private.h"
#include "factures-store-integrity-private.h"
#include "factures-store-lifecycle-private.h"
#include "factures-store-numbering-private.h"
#include "factures-store-payments-private.h"
#include "factures-store-schedule-private.h"
#include "factures-store-resources.h"
#include "factures-terms.h"

#define MIGRATIONS_PATH "/org/example/Factures/migrations"
#include "factures-store-impl-private.h"

G_DEFINE_FINAL_TYPE (FacturesStore, factures_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  ITEM_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The store of each connection (main thread only, as the store): factures_store_release_cached()
 * finds the cache of a statement through it. */
static GHashTable *
stores_by_db (void)
{
  static GHashTable *table;

  if (table == NULL)
    table = g_hash_table_new (NULL, NULL);
  return table;
}

static void
factures_store_finalize (GObject *object)
{
  FacturesStore *self = FACTURES_STORE (object);

  if (self->db != NULL)
    g_hash_table_remove (stores_by_db (), self->db);
  factures_store_changes_detach (g_steal_pointer (&self->changes), self->db);
  g_clear_pointer (&self->stmt_in_use, g_hash_table_unref);
  g_clear_pointer (&self->stmt_cache, g_hash_table_unref);   /* finalizes them */
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

  /**
   * FacturesStore::item-changed:
   * @kind: a FacturesStoreChange (as guint)
   * @id: the document's or client's id (0 for FACTURES_STORE_CHANGE_EVERYTHING)
   *
   * Emitted after every committed write, before "changed", once per document and client the
   * write touched (or once with FACTURES_STORE_CHANGE_EVERYTHING): see
   * factures-store-changes.h (issue 12 item 2).
   */
  signals[ITEM_CHANGED] = g_signal_new ("item-changed",
                                        G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_INT64);
}

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
factures_store_init (FacturesStore *self)
{
  self->stmt_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_stmt);
  self->stmt_in_use = g_hash_table_new (NULL, NULL);
}

/* ---- small helpers ---- */

sqlite3 *
factures_store_get_db (FacturesStore *self)
{
  return self->db;
}

static void
emit_item_changed (FacturesStoreChange kind,
                   gint64              id,
                   gpointer            user_data)
{
  g_signal_emit (user_data, signals[ITEM_CHANGED], 0, (guint) kind, id);
}

void
factures_store_emit_changed (FacturesStore *self)
{
  factures_store_changes_flush (self->changes, emit_item_changed, self);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
factures_store_forget_changes (FacturesStore *self)
{
  factures_store_changes_forget (self->changes);
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

/**
 * factures_store_prepare_cached:
 *
 * factures_store_prepare() of a statement kept for the life of the connection (issue 12: the
 * dunning plan of each overdue invoice prepared six statements per row). Release it with
 * factures_store_release_cached() — g_autoptr(FacturesCachedStmt) does — which resets it and
 * clears its bindings. A statement still in use (a caller inside another's loop) gets a fresh
 * copy, finalized at its release.
 *
 * Returns: (transfer none): the statement, or NULL with @error
 */
sqlite3_stmt *
factures_store_prepare_cached (FacturesStore  *self,
                               const char     *sql,
                               GError        **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->stmt_cache, sql);

  if (stmt != NULL && g_hash_table_contains (self->stmt_in_use, stmt))
    return factures_store_prepare (self, sql, error);
  if (stmt == NULL)
    {
      if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
        {
          factures_store_set_db_error (self, error);
          return NULL;
        }
      g_hash_table_insert (self->stmt_cache, g_strdup (sql), stmt);
      g_hash_table_insert (stores_by_db (), self->db, self);
    }
  g_hash_table_add (self->stmt_in_use, stmt);
  return stmt;
}

void
factures_store_release_cached (sqlite3_stmt *stmt)
{
  FacturesStore *self;

  if (stmt == NULL)
    return;
  self = g_hash_table_lookup (stores_by_db (), sqlite3_db_handle (stmt));
  if (self != NULL && g_hash_table_remove (self->stmt_in_use, stmt))
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
  else
    sqlite3_finalize (stmt);   /* the fresh copy of a statement in use */
}

char *
factures_store_sha256_hex (gconstpointer data,
                           gsize         length)
{
  static const char digits[] = "0123456789abcdef";
  struct sha256_ctx ctx;
  guint8 digest[SHA256_DIGEST_SIZE];
  char *hex = g_malloc (2 * SHA256_DIGEST_SIZE + 1);

  sha256_init (&ctx);
  if (length > 0)
    sha256_update (&ctx, length, data);
  sha256_digest (&ctx, SHA256_DIGEST_SIZE, digest);
  for (guint i = 0; i < SHA256_DIGEST_SIZE; i++)
    {
      hex[2 * i] = digits[digest[i] >> 4];
      hex[2 * i + 1] = digits[digest[i] & 0xf];
    }
  hex[2 * SHA256_DIGEST_SIZE] = '\0';
  return hex;
}

GArray *
factures_store_select_ids (FacturesStore  *self,
                           const char     *sql,
                           GError        **error)
{
  g_autoptr(FacturesCachedStmt) stmt = factures_store_prepare_cached (self, sql, error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
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
  if (self->all_or_nothing)
    return factures_store_exec (self, "SAVEPOINT factures_write", error);
  return factures_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
factures_store_commit (FacturesStore  *self,
                       GError        **error)
{
  if (self->all_or_nothing)
    return factures_store_exec (self, "RELEASE factures_write", error);
  /* the next dunning steps the transaction moved, recomputed before it ends (migration 0012) */
  if (self->next_steps_ready && !sqlite3_get_autocommit (self->db) &&
      !factures_store_next_steps_refresh (self, error))
    return FALSE;
  return factures_store_exec (self, "COMMIT", error);
}

void
factures_store_rollback (FacturesStore *self)
{
  if (self->all_or_nothing)
    {
      /* (only this write: the caller decides for the whole at its end) */
      if (sqlite3_exec (self->db, "ROLLBACK TO factures_write", NULL, NULL, NULL) == SQLITE_OK)
        sqlite3_exec (self->db, "RELEASE factures_write", NULL, NULL, NULL);
      return;
    }
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/**
 * factures_store_begin_all_or_nothing:
 * (see factures-store.h)
 */
gboolean
factures_store_begin_all_or_nothing (FacturesStore  *self,
                                     GError        **error)
{
  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->all_or_nothing, FALSE);

  if (!factures_store_begin (self, error))
    return FALSE;
  self->all_or_nothing = TRUE;
  return TRUE;
}

/**
 * factures_store_end_all_or_nothing:
 * (see factures-store.h)
 */
gboolean
factures_store_end_all_or_nothing (FacturesStore  *self,
                                   gboolean        commit,
                                   GError        **error)
{
  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->all_or_nothing, FALSE);

  self->all_or_nothing = FALSE;
  if (commit && factures_store_commit (self, error))
    {
      factures_store_emit_changed (self);
      return TRUE;
    }
  factures_store_rollback (self);
  factures_store_emit_changed (self);
  return !commit;
}


const char *
factures_store_impl_col_text (sqlite3_stmt *stmt,
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
char *
factures_store_impl_like_pattern (const char *search)
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

  {
    g_autofree char *folder = g_path_get_dirname (path);

    /* Said in the user's words; SQLite's "unable to open database file" says neither. */
    if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
      {
        g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_DATABASE,
                     _("Cannot create the backup file “%s”: the folder “%s” does not exist."),
                     path, folder);
        return FALSE;
      }
    if (g_file_test (path, G_FILE_TEST_IS_DIR))
      {
        g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_DATABASE,
                     _("Cannot create the backup file “%s”: it is a folder."), path);
        return FALSE;
      }
    if (g_access (folder, W_OK) != 0)
      {
        g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_DATABASE,
                     _("Cannot create the backup file “%s”: the folder “%s” cannot be written to."),
                     path, folder);
        return FALSE;
      }
  }
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

/* @path with its folder's symbolic links resolved (and itself when it exists). */
static char *
resolved_path (const char *path)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  char *real = realpath (absolute, NULL);

  if (real != NULL)
    {
      char *copy = g_strdup (real);

      free (real);
      return copy;
    }
  folder = g_path_get_dirname (absolute);
  base = g_path_get_basename (absolute);
  real = realpath (folder, NULL);
  if (real != NULL)
    {
      char *joined = g_build_filename (real, base, NULL);

      free (real);
      return joined;
    }
  return g_steal_pointer (&absolute);
}

/**
 * factures_store_same_file:
 * (see factures-store.h)
 */
gboolean
factures_store_same_file (const char *a,
                          const char *b)
{
  GStatBuf sa, sb;
  g_autofree char *ra = NULL;
  g_autofree char *rb = NULL;

  if (g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0)
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  ra = resolved_path (a);
  rb = resolved_path (b);
  return g_strcmp0 (ra, rb) == 0;
}

/**
 * factures_store_check_destination:
 * @database: (nullable): the open database's path; NULL for factures_store_default_path()
 * @destination: the file about to be written
 * @option: (nullable): the command-line option that named @destination ("--output"), for the message
 * @error: FACTURES_ERROR_INVALID, in French, naming @option
 *
 * Trial 5 finding 1: `--export-json=DB` replaced the database with its own export. Refuses a
 * destination that is the database or one of the files SQLite keeps beside it (-wal, -shm,
 * -journal), compared by device and inode when both exist (another path, a symbolic link, a hard
 * link), else by their paths with symbolic links resolved; and a destination that is a folder.
 *
 * Returns: TRUE when @destination may be written
 */
gboolean
factures_store_check_destination (const char  *database,
                                  const char  *destination,
                                  const char  *option,
                                  GError     **error)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *default_path = NULL;
  g_autofree char *real_database = NULL;

  g_return_val_if_fail (destination != NULL, FALSE);

  if (database == NULL)
    database = default_path = factures_store_default_path ();
  real_database = resolved_path (database);
  /* Trial 6 finding 9: an empty value (--export-json=) was called a folder. */
  if (*destination == '\0')
    {
      if (option != NULL)
        /* Translators: %s: an option (--export-json) */
        g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                     _("%s: the value is empty; give the name of the file to write."), option);
      else
        g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                             _("The file name is empty; give the name of the file to write."));
      return FALSE;
    }
  if (g_file_test (destination, G_FILE_TEST_IS_DIR))
    {
      if (option != NULL)
        /* Translators: %s: an option (--output), %s: the path given */
        g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                     _("%s: “%s” is a folder; give the name of the file to write."), option, destination);
      else
        g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                     _("“%s” is a folder; give the name of the file to write."), destination);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *given = g_strconcat (database, suffixes[i], NULL);
      g_autofree char *real = g_strconcat (real_database, suffixes[i], NULL);

      if (factures_store_same_file (destination, given) || factures_store_same_file (destination, real))
        {
          if (option != NULL)
            /* Translators: %s: an option (--output), %s: the path given, %s: the database */
            g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                         _("%s: “%s” is the open database “%s” (or one of its files): writing there would "
                           "destroy it. Choose another file."), option, destination, database);
          else
            g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                         _("“%s” is the open database “%s” (or one of its files): writing there would "
                           "destroy it. Choose another file."), destination, database);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * factures_store_check_file:
 * (see factures-store.h)
 */
gboolean
factures_store_check_file (FacturesStore  *self,
                           GFile          *file,
                           GError        **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    return TRUE;
  return factures_store_check_destination (factures_store_get_path (self), path, NULL, error);
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
  names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, error);
  if (names == NULL)
    return FALSE;
  n = g_strv_length (names);
  qsort (names, n, sizeof (char *), compare_strings);

  /* (counted only when a migration will run: counting 100,000 documents was most of the time
   * of a read-only open, issue 12) */
  backed_up = TRUE;
  for (guint i = 0; apply && version > 0 && i < n; i++)
    if (g_str_has_suffix (names[i], ".sql") && g_ascii_strtoll (names[i], NULL, 10) > version)
      {
        backed_up = factures_store_count_content (self, NULL) == 0;
        break;
      }

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

      /* 0010 rewrites every stored original: enough room for it (and the copy), or nothing. */
      if (number == 10 && version > 0 &&
          !factures_store_storage_check_space (self, !backed_up, error))
        return FALSE;

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

      /* 0010 rebuilds documents (sqlite.org/lang_altertable.html, "other kinds of table schema
       * changes"): foreign keys off (they cannot change inside a transaction), so that dropping
       * the old table cascades nowhere, and the legacy rename, so that the triggers of other
       * tables that name documents are left as they are. */
      /* …and no secure delete while documents is dropped: its pages hold the originals just
       * copied, not deleted, and zeroing them would write every PDF to the WAL a second time. */
      if (number == 10 &&
          (!factures_store_exec (self, "PRAGMA foreign_keys = OFF", error) ||
           !factures_store_exec (self, "PRAGMA legacy_alter_table = ON", error) ||
           !factures_store_exec (self, "PRAGMA secure_delete = FAST", error)))
        return FALSE;
      if (!factures_store_begin (self, error))
        return FALSE;
      if ((number == 10 && !factures_store_storage_move_originals (self, error)) ||
          !factures_store_exec (self, sql, error) ||
          (number == 10 && !factures_store_storage_check_foreign_keys (self, error)) ||
          !factures_store_exec (self, pragma, error) ||
          !factures_store_commit (self, error))
        {
          factures_store_rollback (self);
          if (number == 10)
            {
              factures_store_exec (self, "PRAGMA secure_delete = ON", NULL);
              factures_store_exec (self, "PRAGMA legacy_alter_table = OFF", NULL);
              factures_store_exec (self, "PRAGMA foreign_keys = ON", NULL);
            }
          g_prefix_error (error, _("Migration %s failed: "), names[i]);
          return FALSE;
        }
      /* The WAL holds every original now (kept by the persistent WAL): written back to the
       * file and truncated, if no other process reads (otherwise at a later checkpoint). */
      if (number == 10 &&
          (!factures_store_exec (self, "PRAGMA secure_delete = ON", error) ||
           !factures_store_exec (self, "PRAGMA legacy_alter_table = OFF", error) ||
           !factures_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
           !factures_store_exec (self, "PRAGMA wal_checkpoint (TRUNCATE)", error)))
        return FALSE;
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
  return factures_store_open_with_progress (path, mode, busy_timeout_ms, on_wait, user_data,
                                            NULL, NULL, error);
}

/**
 * factures_store_open_with_progress:
 * @on_progress: (nullable): told how far a long migration is (migration 0010 moves every
 *   stored original: on a database of 100,000 documents, several gigabytes)
 * @progress_data: for @on_progress
 *
 * factures_store_open_full() with a progress report. Before migration 0010 the free space of
 * the database's file system is checked: FACTURES_ERROR_DATABASE with the figures when it is
 * short, and nothing is changed.
 *
 * Returns: (transfer full): the store, or NULL.
 */
FacturesStore *
factures_store_open_with_progress (const char                 *path,
                                   FacturesStoreOpenMode       mode,
                                   guint                       busy_timeout_ms,
                                   FacturesStoreBusyFunc       on_wait,
                                   gpointer                    user_data,
                                   FacturesStoreProgressFunc   on_progress,
                                   gpointer                    progress_data,
                                   GError                    **error)
{
  g_autoptr(FacturesStore) self = g_object_new (FACTURES_TYPE_STORE, NULL);
  g_autofree char *folder = NULL;
  gboolean create = mode == FACTURES_STORE_OPEN_CREATE;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX;

  ensure_resources ();

  self->progress_func = on_progress;
  self->progress_data = progress_data;
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

  /* Migration 0012 in a writable open: from now on each commit keeps the next dunning steps,
   * and the rows left stale (by the migration itself, or by rows written with plain SQL) are
   * recomputed now, in one transaction. A read-only open plans stale rows when it reads them. */
  if (create && get_user_version (self) >= 12)
    {
      /* INDEXED BY: SQLite's planner scans the whole table for this (issue 12: 48 M
       * instructions at 100,000 documents) rather than the partial index of migration 0012 */
      g_autoptr(sqlite3_stmt) stale = factures_store_prepare (self, "SELECT EXISTS (SELECT 1 FROM document_summary "
                                                                    "INDEXED BY document_summary_stale "
                                                                    "WHERE next_step_stale = 1)", error);

      if (stale == NULL)
        return NULL;
      if (sqlite3_step (stale) != SQLITE_ROW)
        {
          factures_store_set_db_error (self, error);
          return NULL;
        }
      self->next_steps_ready = TRUE;
      if (sqlite3_column_int (stale, 0) != 0 &&
          (!factures_store_begin (self, error) || !factures_store_commit (self, error)))
        {
          factures_store_rollback (self);
          return NULL;
        }
    }
  /* what each later write changes, for "item-changed" (issue 12 item 2); a read-only open (the
   * command line's listings) does not read the tables for it */
  if (create)
    self->changes = factures_store_changes_attach (self->db);

  return g_steal_pointer (&self);
}

const char *
factures_store_get_path (FacturesStore *self)
{
  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);
  return self->path;
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
  result = factures_store_impl_col_text (integrity, 0);
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
                   factures_store_impl_col_text (foreign, 0), (gint64) sqlite3_column_int64 (foreign, 1));
      return FALSE;
    }

  if (!factures_store_verify_chain (self, error))
    return FALSE;

  /* Each series' counter against its highest number (issue 10). */
  if (!factures_store_check_series (self, error))
    return FALSE;
  /* The history: events, payments, their cancellations, the payments of imported sales
   * (migration 0008). */
  if (!factures_store_verify_journal (self, error))
    return FALSE;
  /* The maintained summary against a full recomputation (migration 0010), and its next
   * dunning steps (migration 0012). */
  return factures_store_storage_verify_summary (self, error) &&
         (get_user_version (self) < 12 || factures_store_verify_next_steps (self, error));
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

  if (!factures_store_check_destination (self->path, path, NULL, error))
    return FALSE;
  /* The copy carries its witness: the chain head (factures --verify --against=FILE). */
  return backup_to (self->db, path, error) && factures_store_write_witness (path, error);
}
