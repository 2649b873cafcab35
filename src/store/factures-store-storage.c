/* factures-store-storage.c — migration 0010: the stored originals move to their own table
 * (issue 12 item 1; the SQL is migrations/0010-storage.sql)
 *
 * A database of ten years holds about 100,000 originals of some 48 KB: the migration rewrites
 * gigabytes. Before anything is written, the free space of the file system is compared with
 * what the conversion needs (the copy migrate() takes, the new pages in the WAL, the file
 * growing when they are checkpointed): short, it refuses with the figures. The copy runs in
 * the migration's transaction, so the original database is untouched until the COMMIT, and
 * reports its progress (bytes moved) to the caller of factures_store_open_with_progress().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "factures-store-private.h"
#include "factures-store-impl-private.h"

#define PROGRESS_INTERVAL_US 100000

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : 0;
}

/* Bytes of the stored originals still in documents (length() of a blob reads no content). */
static gboolean
originals_size (FacturesStore  *self,
                guint64        *out_bytes,
                GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self,
                                                         "SELECT coalesce (sum (length (pdf)), 0) "
                                                         "FROM documents WHERE pdf IS NOT NULL",
                                                         error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  *out_bytes = (guint64) sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Needed: the copy (@with_backup), the originals twice (the WAL, then the file growing when
 * the WAL is checkpointed) and a tenth of the file for the rebuilt documents and indexes. */
gboolean
factures_store_storage_check_space (FacturesStore  *self,
                                    gboolean        with_backup,
                                    GError        **error)
{
  const char *path = factures_store_get_path (self);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GFile) dir = g_file_new_for_path (folder);
  g_autoptr(GFileInfo) info = NULL;
  guint64 db_bytes = (guint64) file_size (path) + (guint64) file_size (wal);
  guint64 blobs = 0, needed, free_bytes;
  const char *test_free = g_getenv ("FACTURES_TEST_FREE_BYTES");

  if (!originals_size (self, &blobs, error))
    return FALSE;
  needed = (with_backup ? db_bytes : 0) + 2 * blobs + db_bytes / 10 + 16 * 1024 * 1024;

  if (test_free != NULL)
    free_bytes = g_ascii_strtoull (test_free, NULL, 10);   /* tests: a full disk */
  else
    {
      info = g_file_query_filesystem_info (dir, G_FILE_ATTRIBUTE_FILESYSTEM_FREE, NULL, NULL);
      if (info == NULL || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_FILESYSTEM_FREE))
        return TRUE;   /* unknown: SQLite reports a full disk itself, and rolls back */
      free_bytes = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_FILESYSTEM_FREE);
    }

  if (free_bytes < needed)
    {
      g_autofree char *need_text = g_format_size (needed);
      g_autofree char *free_text = g_format_size (free_bytes);

      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_DATABASE,
                   _("Not enough free disk space to update the database “%s”: the update needs "
                     "%s and only %s are free in “%s”. Nothing was changed: free some space and "
                     "open Factures again."),
                   path, need_text, free_text, folder);
      return FALSE;
    }
  return TRUE;
}

/* Inside the migration's transaction, before 0010-storage.sql rebuilds documents. */
gboolean
factures_store_storage_move_originals (FacturesStore  *self,
                                       GError        **error)
{
  g_autoptr(sqlite3_stmt) read = NULL;
  g_autoptr(sqlite3_stmt) write = NULL;
  guint64 total = 0, done = 0;
  gint64 last_report = g_get_monotonic_time ();
  int rc;

  if (!factures_store_exec (self,
                            "CREATE TABLE document_originals (\n"
                            "  document_id  INTEGER PRIMARY KEY,   -- documents.id (no foreign key: a document deleted behind the app's back is reported by the chain check)\n"
                            "  pdf          BLOB NOT NULL\n"
                            ")",
                            error) ||
      !originals_size (self, &total, error))
    return FALSE;

  read = factures_store_prepare (self, "SELECT id, pdf FROM documents WHERE pdf IS NOT NULL ORDER BY id",
                                 error);
  write = factures_store_prepare (self, "INSERT INTO document_originals (document_id, pdf) VALUES (?1, ?2)",
                                  error);
  if (read == NULL || write == NULL)
    return FALSE;

  if (self->progress_func != NULL)
    self->progress_func (self, 0, total, self->progress_data);
  while ((rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      int bytes = sqlite3_column_bytes (read, 1);

      sqlite3_reset (write);
      sqlite3_bind_int64 (write, 1, sqlite3_column_int64 (read, 0));
      sqlite3_bind_blob (write, 2, sqlite3_column_blob (read, 1), bytes, SQLITE_STATIC);
      if (!factures_store_step_done (self, write, error))
        return FALSE;
      done += (guint64) bytes;
      if (self->progress_func != NULL && g_get_monotonic_time () - last_report >= PROGRESS_INTERVAL_US)
        {
          last_report = g_get_monotonic_time ();
          self->progress_func (self, done, total, self->progress_data);
        }
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  if (self->progress_func != NULL)
    self->progress_func (self, total, total, self->progress_data);
  return TRUE;
}

/* After the rebuild, in the transaction: no row may point to a missing parent. */
gboolean
factures_store_storage_check_foreign_keys (FacturesStore  *self,
                                           GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self, "PRAGMA foreign_key_check", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_DATABASE,
                   _("a row of the table %s refers to a missing row of %s"),
                   (const char *) sqlite3_column_text (stmt, 0),
                   (const char *) sqlite3_column_text (stmt, 2));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* ---- the summary (balance and count of payments of each issued invoice) ---- */

#define SUMMARY_COLUMNS "document_id, client_id, due_date, balance, n_payments"

gboolean
factures_store_storage_verify_summary (FacturesStore  *self,
                                       GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = factures_store_prepare (self,
                                 "SELECT coalesce (d.number, x.document_id) FROM "
                                 "(SELECT document_id FROM (SELECT " SUMMARY_COLUMNS " FROM document_summary "
                                 "EXCEPT SELECT " SUMMARY_COLUMNS " FROM document_summary_computed) "
                                 "UNION SELECT document_id FROM (SELECT " SUMMARY_COLUMNS " FROM document_summary_computed "
                                 "EXCEPT SELECT " SUMMARY_COLUMNS " FROM document_summary)) x "
                                 "LEFT JOIN documents d ON d.id = x.document_id "
                                 "ORDER BY x.document_id LIMIT 1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY,
                   _("Document %s: its stored balance or count of payments differs from the one "
                     "its payments and credit notes give."),
                   (const char *) sqlite3_column_text (stmt, 0));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}
