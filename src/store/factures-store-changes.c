/* factures-store-changes.c — which documents and clients a write changed (issue 12 item 2)
 *
 * SQLite's pre-update hook sees every row a statement inserts, updates or deletes, triggers
 * included (the summary's triggers, cascades), with the old and new values: the row's
 * document_id and client_id columns (or the row id of documents, document_summary and
 * clients) say which document and client it belongs to. The items are collected until the
 * store emits "changed" after its COMMIT (factures_store_changes_flush()); a ROLLBACK drops
 * them. Tables that belong to no document nor client and that the views depend on as a whole
 * (profile, penalty rates, dunning ladders…) say "everything"; a few bookkeeping tables are
 * ignored (the journal, the search index, number series, catalogue, recurring templates).
 * Without a pre-update hook in the SQLite library, the update hook is used: the row ids of
 * documents, document_summary and clients, and "everything" for any other table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#ifdef HAVE_SQLITE_PREUPDATE_HOOK
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#endif
#include <string.h>
#include <sqlite3.h>

#include "factures-store-changes-private.h"

typedef struct {
  int doc_col;      /* index of document_id, −1: none; −2: the row id is the document's */
  int client_col;   /* index of client_id, −1: none; −2: the row id is the client's */
  gboolean ignore;
} TableInfo;

struct _FacturesStoreChanges
{
  GHashTable *tables;      /* name → TableInfo */
  GArray     *documents;   /* gint64, in order of first change */
  GArray     *clients;
  gboolean    everything;
  gboolean    seen_rows;   /* a hook saw a row since the last flush (ignored tables too) */
};

static const char * const ignored_tables[] = {
  "journal", "number_series", "catalogue_items", "recurring_templates", "recurring_lines",
  "mail_account", "payment_reversals", "imported_payment_reversals", "sqlite_sequence",
  "sqlite_stat1", "sqlite_stat4",
  /* todo (issue 17 item 4): the to-do queue updates its own items when a deadline is marked */
  "deadline_marks", "deadline_notified", NULL
};

static TableInfo *
table_info_new (int doc_col, int client_col, gboolean ignore)
{
  TableInfo *info = g_new0 (TableInfo, 1);

  info->doc_col = doc_col;
  info->client_col = client_col;
  info->ignore = ignore;
  return info;
}

static gboolean
is_ignored (const char *table)
{
  if (g_str_has_prefix (table, "document_search") || g_str_has_prefix (table, "sqlite_"))
    return TRUE;
  return g_strv_contains (ignored_tables, table);
}

static gboolean
contains (GArray *array,
          gint64  id)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* At most FACTURES_STORE_CHANGE_MAX_ITEMS items: a linear search is enough. */
static void
note (FacturesStoreChanges *self,
      FacturesStoreChange   kind,
      gint64                id)
{
  GArray *array;

  if (self->everything)
    return;
  if (kind == FACTURES_STORE_CHANGE_EVERYTHING)
    {
      self->everything = TRUE;
      return;
    }
  array = kind == FACTURES_STORE_CHANGE_DOCUMENT ? self->documents : self->clients;
  if (contains (array, id))
    return;
  if (self->documents->len + self->clients->len >= FACTURES_STORE_CHANGE_MAX_ITEMS)
    {
      self->everything = TRUE;
      return;
    }
  g_array_append_val (array, id);
}

static void
clear (FacturesStoreChanges *self)
{
  g_array_set_size (self->documents, 0);
  g_array_set_size (self->clients, 0);
  self->everything = FALSE;
  self->seen_rows = FALSE;
}

#ifdef HAVE_SQLITE_PREUPDATE_HOOK
static void
note_column (FacturesStoreChanges *self,
             sqlite3              *db,
             int                   op,
             int                   col,
             FacturesStoreChange   kind)
{
  sqlite3_value *value = NULL;

  if (col < 0)
    return;
  if (op != SQLITE_INSERT && sqlite3_preupdate_old (db, col, &value) == SQLITE_OK && value != NULL &&
      sqlite3_value_type (value) == SQLITE_INTEGER)
    note (self, kind, sqlite3_value_int64 (value));
  if (op != SQLITE_DELETE && sqlite3_preupdate_new (db, col, &value) == SQLITE_OK && value != NULL &&
      sqlite3_value_type (value) == SQLITE_INTEGER)
    note (self, kind, sqlite3_value_int64 (value));
}

static void
on_preupdate (void          *data,
              sqlite3       *db,
              int            op,
              const char    *db_name,
              const char    *table,
              sqlite3_int64  old_rowid,
              sqlite3_int64  new_rowid)
{
  FacturesStoreChanges *self = data;
  TableInfo *info;

  self->seen_rows = TRUE;
  if (self->everything || g_strcmp0 (db_name, "main") != 0)
    return;
  info = g_hash_table_lookup (self->tables, table);
  if (info == NULL)
    {
      /* a table made after the store opened (a migration's temporary copy) */
      if (!is_ignored (table))
        self->everything = TRUE;
      return;
    }
  if (info->ignore)
    return;
  if (info->doc_col == -1 && info->client_col == -1)
    {
      self->everything = TRUE;
      return;
    }
  if (info->doc_col == -2)
    {
      if (op != SQLITE_INSERT)
        note (self, FACTURES_STORE_CHANGE_DOCUMENT, old_rowid);
      if (op != SQLITE_DELETE)
        note (self, FACTURES_STORE_CHANGE_DOCUMENT, new_rowid);
    }
  else
    note_column (self, db, op, info->doc_col, FACTURES_STORE_CHANGE_DOCUMENT);
  if (info->client_col == -2)
    {
      if (op != SQLITE_INSERT)
        note (self, FACTURES_STORE_CHANGE_CLIENT, old_rowid);
      if (op != SQLITE_DELETE)
        note (self, FACTURES_STORE_CHANGE_CLIENT, new_rowid);
    }
  else
    note_column (self, db, op, info->client_col, FACTURES_STORE_CHANGE_CLIENT);
}
#else
static void
on_update (void          *data,
           int            op,
           const char    *db_name,
           const char    *table,
           sqlite3_int64  rowid)
{
  FacturesStoreChanges *self = data;
  TableInfo *info;

  self->seen_rows = TRUE;
  if (self->everything || g_strcmp0 (db_name, "main") != 0)
    return;
  info = g_hash_table_lookup (self->tables, table);
  if (info != NULL && info->ignore)
    return;
  if (info != NULL && info->doc_col == -2)
    note (self, FACTURES_STORE_CHANGE_DOCUMENT, rowid);
  else if (info != NULL && info->client_col == -2)
    note (self, FACTURES_STORE_CHANGE_CLIENT, rowid);
  else if (info == NULL || !is_ignored (table))
    self->everything = TRUE;
}
#endif

static void
on_rollback (void *data)
{
  clear (data);
}

FacturesStoreChanges *
factures_store_changes_attach (sqlite3 *db)
{
  FacturesStoreChanges *self = g_new0 (FacturesStoreChanges, 1);
  sqlite3_stmt *stmt = NULL;

  self->tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->documents = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->clients = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* every table of the schema, with the place of its document_id and client_id columns */
  if (sqlite3_prepare_v2 (db,
                          "SELECT m.name, "
                          "  (SELECT p.cid FROM pragma_table_info (m.name) p WHERE p.name = 'document_id'), "
                          "  (SELECT p.cid FROM pragma_table_info (m.name) p WHERE p.name = 'client_id') "
                          "FROM sqlite_master m WHERE m.type = 'table'",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *name = (const char *) sqlite3_column_text (stmt, 0);
          int doc_col = sqlite3_column_type (stmt, 1) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 1);
          int client_col = sqlite3_column_type (stmt, 2) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 2);

          if (name == NULL)
            continue;
          if (g_str_equal (name, "documents"))
            doc_col = -2;
          else if (g_str_equal (name, "document_summary"))
            doc_col = -2;   /* its document_id is the row id */
          else if (g_str_equal (name, "clients"))
            client_col = -2;
          g_hash_table_insert (self->tables, g_strdup (name),
                               table_info_new (doc_col, client_col, is_ignored (name)));
        }
    }
  sqlite3_finalize (stmt);

#ifdef HAVE_SQLITE_PREUPDATE_HOOK
  sqlite3_preupdate_hook (db, on_preupdate, self);
#else
  sqlite3_update_hook (db, on_update, self);
#endif
  sqlite3_rollback_hook (db, on_rollback, self);
  return self;
}

void
factures_store_changes_detach (FacturesStoreChanges *self,
                               sqlite3              *db)
{
  if (self == NULL)
    return;
  if (db != NULL)
    {
#ifdef HAVE_SQLITE_PREUPDATE_HOOK
      sqlite3_preupdate_hook (db, NULL, NULL);
#else
      sqlite3_update_hook (db, NULL, NULL);
#endif
      sqlite3_rollback_hook (db, NULL, NULL);
    }
  g_hash_table_unref (self->tables);
  g_array_unref (self->documents);
  g_array_unref (self->clients);
  g_free (self);
}

void
factures_store_changes_forget (FacturesStoreChanges *self)
{
  if (self == NULL)
    return;
  clear (self);
  self->seen_rows = TRUE;
}

void
factures_store_changes_flush (FacturesStoreChanges *self,
                              FacturesStoreChangeFunc func,
                              gpointer              user_data)
{
  g_autoptr(GArray) documents = NULL;
  g_autoptr(GArray) clients = NULL;
  gboolean everything;

  if (self == NULL)
    {
      func (FACTURES_STORE_CHANGE_EVERYTHING, 0, user_data);
      return;
    }
  /* taken first: a handler may write again. No row seen at all: the write went around the
   * hooks (a backup copied in page by page): everything. */
  everything = self->everything || !self->seen_rows;
  documents = g_array_copy (self->documents);
  clients = g_array_copy (self->clients);
  clear (self);

  if (everything)
    {
      func (FACTURES_STORE_CHANGE_EVERYTHING, 0, user_data);
      return;
    }
  for (guint i = 0; i < documents->len; i++)
    func (FACTURES_STORE_CHANGE_DOCUMENT, g_array_index (documents, gint64, i), user_data);
  for (guint i = 0; i < clients->len; i++)
    func (FACTURES_STORE_CHANGE_CLIENT, g_array_index (clients, gint64, i), user_data);
}
