/* factures-sql-list-model.c — a GListModel that reads its rows from SQLite by pages of ids
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "factures-sql-list-model.h"

#define MAX_CACHED_PAGES 8

struct _FacturesSqlListModel
{
  GObject             parent_instance;

  GObject            *owner;
  sqlite3            *db;
  GType               item_type;
  FacturesSqlRowFunc  row_func;
  guint               n_items;
  GHashTable         *pages;      /* page index → GPtrArray of items */
  GQueue              lru;        /* page indexes, most recent first */
  GArray             *ids;        /* every row id, in order (sorted once) */
  char               *rows_sql;
  char              **params;
  guint               fetch_count;
  /* factures_sql_list_model_new_by_ids_first(): the query of every id, run when a row past
   * the first ones read is asked for (NULL once run, or when every id was read at once) */
  char               *all_ids_sql;
};

static void factures_sql_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FacturesSqlListModel, factures_sql_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      factures_sql_list_model_iface_init))

static void
bind_params (sqlite3_stmt       *stmt,
             const char * const *params)
{
  for (guint i = 0; params != NULL && params[i] != NULL && params[i + 1] != NULL; i += 2)
    {
      int index = sqlite3_bind_parameter_index (stmt, params[i]);

      if (index > 0)
        sqlite3_bind_text (stmt, index, params[i + 1], -1, SQLITE_TRANSIENT);
    }
}

/* A page holds NULL for a row deleted since the snapshot was taken. */
static void
unref_item (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

static GPtrArray *
fetch_page_by_ids (FacturesSqlListModel *self,
                   guint                 page)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (unref_item);
  g_autoptr(GString) sql = g_string_new (self->rows_sql);
  g_autoptr(GHashTable) positions = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt = NULL;
  guint first = page * FACTURES_SQL_LIST_MODEL_PAGE;
  guint last = MIN (first + FACTURES_SQL_LIST_MODEL_PAGE, self->ids->len);
  int rc;

  self->fetch_count++;
  g_string_append (sql, " (");
  for (guint i = first; i < last; i++)
    {
      gint64 *id = &g_array_index (self->ids, gint64, i);

      g_string_append_printf (sql, i > first ? ", %" G_GINT64_FORMAT : "%" G_GINT64_FORMAT, *id);
      g_hash_table_insert (positions, id, GUINT_TO_POINTER (i - first + 1));
    }
  g_string_append (sql, ")");

  g_ptr_array_set_size (items, last - first);
  if (sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_warning ("Could not prepare a list page: %s", sqlite3_errmsg (self->db));
      return items;
    }
  bind_params (stmt, (const char * const *) self->params);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint position = GPOINTER_TO_UINT (g_hash_table_lookup (positions, &id));

      if (position > 0 && g_ptr_array_index (items, position - 1) == NULL)
        g_ptr_array_index (items, position - 1) = self->row_func (stmt);
    }
  if (rc != SQLITE_DONE)
    g_warning ("Could not read a list page: %s", sqlite3_errmsg (self->db));
  sqlite3_finalize (stmt);

  return items;
}

/* Every id of @sql, in order, into self->ids (empty on an error, with a warning). */
static void
read_ids (FacturesSqlListModel *self,
          const char           *sql)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_array_set_size (self->ids, 0);
  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_warning ("Could not prepare the list query: %s", sqlite3_errmsg (self->db));
      return;
    }
  bind_params (stmt, (const char * const *) self->params);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (self->ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      g_warning ("Could not read the list: %s", sqlite3_errmsg (self->db));
      g_array_set_size (self->ids, 0);
    }
  sqlite3_finalize (stmt);
}

static GPtrArray *
fetch_page (FacturesSqlListModel *self,
            guint                 page)
{
  /* a row past the first ones read: every id now (the pages cached are still in order) */
  if (self->all_ids_sql != NULL && (page + 1) * FACTURES_SQL_LIST_MODEL_PAGE > self->ids->len)
    {
      g_autofree char *sql = g_steal_pointer (&self->all_ids_sql);

      read_ids (self, sql);
    }
  return fetch_page_by_ids (self, page);
}

static GType
factures_sql_list_model_get_item_type (GListModel *model)
{
  return FACTURES_SQL_LIST_MODEL (model)->item_type;
}

static guint
factures_sql_list_model_get_n_items (GListModel *model)
{
  return FACTURES_SQL_LIST_MODEL (model)->n_items;
}

static gpointer
factures_sql_list_model_get_item (GListModel *model,
                                  guint       position)
{
  FacturesSqlListModel *self = FACTURES_SQL_LIST_MODEL (model);
  guint page = position / FACTURES_SQL_LIST_MODEL_PAGE;
  guint offset = position % FACTURES_SQL_LIST_MODEL_PAGE;
  GPtrArray *items;

  if (position >= self->n_items || self->ids == NULL)
    return NULL;

  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (items == NULL)
    {
      items = fetch_page (self, page);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
      g_queue_push_head (&self->lru, GUINT_TO_POINTER (page));

      while (g_queue_get_length (&self->lru) > MAX_CACHED_PAGES)
        {
          gpointer oldest = g_queue_pop_tail (&self->lru);

          g_hash_table_remove (self->pages, oldest);
        }
    }
  else if (g_queue_peek_head (&self->lru) != GUINT_TO_POINTER (page))
    {
      g_queue_remove (&self->lru, GUINT_TO_POINTER (page));
      g_queue_push_head (&self->lru, GUINT_TO_POINTER (page));
    }

  /* The database changed under a snapshot model: fewer rows than counted. */
  if (offset >= items->len || g_ptr_array_index (items, offset) == NULL)
    return NULL;

  return g_object_ref (g_ptr_array_index (items, offset));
}

static void
factures_sql_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = factures_sql_list_model_get_item_type;
  iface->get_n_items = factures_sql_list_model_get_n_items;
  iface->get_item = factures_sql_list_model_get_item;
}

static void
factures_sql_list_model_finalize (GObject *object)
{
  FacturesSqlListModel *self = FACTURES_SQL_LIST_MODEL (object);

  g_hash_table_unref (self->pages);
  g_queue_clear (&self->lru);
  g_clear_pointer (&self->ids, g_array_unref);
  g_free (self->rows_sql);
  g_free (self->all_ids_sql);
  g_strfreev (self->params);
  g_clear_object (&self->owner);

  G_OBJECT_CLASS (factures_sql_list_model_parent_class)->finalize (object);
}

static void
factures_sql_list_model_class_init (FacturesSqlListModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = factures_sql_list_model_finalize;
}

static void
factures_sql_list_model_init (FacturesSqlListModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->lru);
}

/**
 * factures_sql_list_model_new_by_ids:
 * @owner: the object owning @db, referenced for the model's life
 * @db: the connection
 * @item_type: the GType of the items @row_func returns
 * @ids_sql: "SELECT id FROM … ORDER BY …": every row id in order
 * @rows_sql: "SELECT id, … FROM … WHERE id IN": the model appends the page's ids
 * @params: (nullable): NULL-terminated name/value pairs of text parameters
 * @row_func: builds an item from the current row
 *
 * Sorts once, now (one query), so that every page afterwards is a cheap lookup
 * by primary key, whatever the order costs.
 *
 * Returns: (transfer full): a new model.
 */
FacturesSqlListModel *
factures_sql_list_model_new_by_ids (GObject            *owner,
                                    sqlite3            *db,
                                    GType               item_type,
                                    const char         *ids_sql,
                                    const char         *rows_sql,
                                    const char * const *params,
                                    FacturesSqlRowFunc  row_func)
{
  FacturesSqlListModel *self = g_object_new (FACTURES_TYPE_SQL_LIST_MODEL, NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  self->owner = g_object_ref (owner);
  self->db = db;
  self->item_type = item_type;
  self->row_func = row_func;
  self->rows_sql = g_strdup (rows_sql);
  self->params = g_strdupv ((char **) params);
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (sqlite3_prepare_v2 (db, ids_sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_warning ("Could not prepare the list query: %s", sqlite3_errmsg (db));
      return self;
    }
  bind_params (stmt, params);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (self->ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      g_warning ("Could not read the list: %s", sqlite3_errmsg (db));
      g_array_set_size (self->ids, 0);
    }
  sqlite3_finalize (stmt);
  self->n_items = MIN (self->ids->len, G_MAXUINT);

  return self;
}

guint
factures_sql_list_model_get_fetch_count (FacturesSqlListModel *self)
{
  g_return_val_if_fail (FACTURES_IS_SQL_LIST_MODEL (self), 0);
  return self->fetch_count;
}

/* Row @id alone, read with the model's rows_sql: the new item, or NULL when it is gone. */
static GObject *
fetch_one (FacturesSqlListModel *self,
           gint64                id)
{
  g_autofree char *sql = g_strdup_printf ("%s (%" G_GINT64_FORMAT ")", self->rows_sql, id);
  sqlite3_stmt *stmt = NULL;
  GObject *item = NULL;

  self->fetch_count++;
  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_warning ("Could not prepare a list row: %s", sqlite3_errmsg (self->db));
      return NULL;
    }
  bind_params (stmt, (const char * const *) self->params);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) == id)
    item = self->row_func (stmt);
  sqlite3_finalize (stmt);
  return item;
}

/**
 * factures_sql_list_model_refresh_id:
 * @id: a row id
 *
 * Issue 12 item 2: the row @id changed in the database (FacturesStore::item-changed). When
 * the model holds it, that one row is read again now (one query by primary key; in the page
 * cache if its page is there) and items-changed is emitted for its position, so that a view
 * rebuilds that row only if it shows it. The order and the membership stay those of the
 * snapshot (a row that now sorts elsewhere stays in place).
 *
 * Returns: TRUE when the row was refreshed; FALSE when the model does not hold @id, or the
 *   row is gone from the database: recreate the model then.
 */
gboolean
factures_sql_list_model_refresh_id (FacturesSqlListModel *self,
                                    gint64                id)
{
  guint position = G_MAXUINT;
  GPtrArray *items;
  GObject *item;

  g_return_val_if_fail (FACTURES_IS_SQL_LIST_MODEL (self), FALSE);

  position = factures_sql_list_model_find_id (self, id);
  if (position == G_MAXUINT)
    return FALSE;

  item = fetch_one (self, id);
  if (item == NULL)
    return FALSE;
  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (position / FACTURES_SQL_LIST_MODEL_PAGE));
  if (items != NULL && position % FACTURES_SQL_LIST_MODEL_PAGE < items->len)
    {
      guint offset = position % FACTURES_SQL_LIST_MODEL_PAGE;

      g_clear_object (&g_ptr_array_index (items, offset));
      g_ptr_array_index (items, offset) = item;
    }
  else
    g_object_unref (item);   /* read with its page when asked for */
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
  return TRUE;
}

/**
 * factures_sql_list_model_find_id:
 * @id: a row id
 *
 * Returns: the position of row @id in the snapshot, or G_MAXUINT when it is not there.
 */
guint
factures_sql_list_model_find_id (FacturesSqlListModel *self,
                                 gint64                id)
{
  g_return_val_if_fail (FACTURES_IS_SQL_LIST_MODEL (self), G_MAXUINT);

  /* the ids read so far (new_by_ids_first() reads the first pages only, at first) */
  for (guint i = 0; self->ids != NULL && i < MIN (self->n_items, self->ids->len); i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;
  return G_MAXUINT;
}

/**
 * factures_sql_list_model_remove_id:
 * @id: a row id
 *
 * Issue 12 item 2: row @id left the set the model lists (an overdue invoice paid): it is taken
 * out of the snapshot without sorting again, and items-changed is emitted for its position.
 *
 * Returns: TRUE when the model held @id.
 */
gboolean
factures_sql_list_model_remove_id (FacturesSqlListModel *self,
                                   gint64                id)
{
  guint position = factures_sql_list_model_find_id (self, id);
  guint first_page;
  GList *l;

  /* not every id read yet (new_by_ids_first()): they would come back with the rest */
  if (position == G_MAXUINT || self->all_ids_sql != NULL)
    return FALSE;
  g_array_remove_index (self->ids, position);
  self->n_items--;
  /* the pages from its own on hold other rows now: read again when asked for */
  first_page = position / FACTURES_SQL_LIST_MODEL_PAGE;
  l = self->lru.head;
  while (l != NULL)
    {
      GList *next = l->next;

      if (GPOINTER_TO_UINT (l->data) >= first_page)
        {
          g_hash_table_remove (self->pages, l->data);
          g_queue_delete_link (&self->lru, l);
        }
      l = next;
    }
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  return TRUE;
}

/**
 * factures_sql_list_model_new_by_ids_first:
 * @first_ids_sql: the first ids in order (a LIMIT of whole pages of
 *   FACTURES_SQL_LIST_MODEL_PAGE ids): what a window shows first
 * @ids_sql: every id in the same order, run only when a row past those is asked for
 * @n_items: how many ids @ids_sql gives (a count the caller read, cheaper than the ids)
 *
 * As factures_sql_list_model_new_by_ids(), for a list whose every id costs more than a
 * keystroke may (a search matching most of 100,000 documents: issue 12), when the first page
 * can be read from an index that gives the order: the model reads @first_ids_sql now and
 * @ids_sql on the first row asked for past them. A snapshot as the other mode is.
 */
FacturesSqlListModel *
factures_sql_list_model_new_by_ids_first (GObject            *owner,
                                          sqlite3            *db,
                                          GType               item_type,
                                          const char         *first_ids_sql,
                                          const char         *ids_sql,
                                          guint               n_items,
                                          const char         *rows_sql,
                                          const char * const *params,
                                          FacturesSqlRowFunc  row_func)
{
  FacturesSqlListModel *self = g_object_new (FACTURES_TYPE_SQL_LIST_MODEL, NULL);

  self->owner = g_object_ref (owner);
  self->db = db;
  self->item_type = item_type;
  self->row_func = row_func;
  self->rows_sql = g_strdup (rows_sql);
  self->params = g_strdupv ((char **) params);
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  read_ids (self, first_ids_sql);
  if (self->ids->len < n_items)
    self->all_ids_sql = g_strdup (ids_sql);
  else
    n_items = self->ids->len;
  self->n_items = n_items;
  return self;
}
