/* factures-sql-list-model.h — a GListModel that reads its rows from SQLite by pages
 *
 * The model reads the ordered row ids once (sort once), then fetches items by pages of
 * FACTURES_SQL_LIST_MODEL_PAGE ids, keeping the last few pages in a cache. It is a
 * snapshot: it does not follow later writes. Views recreate it when the store
 * emits "changed" (the UI keeps its own sort and search state).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define FACTURES_SQL_LIST_MODEL_PAGE 64

/* Builds one item from the current row of @stmt. */
typedef GObject *(*FacturesSqlRowFunc) (sqlite3_stmt *stmt);

#define FACTURES_TYPE_SQL_LIST_MODEL (factures_sql_list_model_get_type ())
G_DECLARE_FINAL_TYPE (FacturesSqlListModel, factures_sql_list_model, FACTURES, SQL_LIST_MODEL, GObject)

/* Runs @ids_sql ("SELECT id … ORDER BY …", no LIMIT) once, now, keeping the ordered ids
 * (sorted once), then reads pages with @rows_sql, which must end with "IN" and have the row
 * id as its first column; the store appends "(id, id, …)" (integers only). No OFFSET paging
 * (issue 12): a page deep in the list costs what the first does. @owner is kept alive while
 * the model lives (it owns @db). @params: NULL-terminated name/value pairs of text
 * parameters (":search", "…", NULL) bound in both statements. */
FacturesSqlListModel *factures_sql_list_model_new_by_ids (GObject            *owner,
                                                          sqlite3            *db,
                                                          GType               item_type,
                                                          const char         *ids_sql,
                                                          const char         *rows_sql,
                                                          const char * const *params,
                                                          FacturesSqlRowFunc  row_func);
/* The first pages now, every id on the first row asked for past them (see the .c). */
FacturesSqlListModel *factures_sql_list_model_new_by_ids_first (GObject            *owner,
                                                                sqlite3            *db,
                                                                GType               item_type,
                                                                const char         *first_ids_sql,
                                                                const char         *ids_sql,
                                                                guint               n_items,
                                                                const char         *rows_sql,
                                                                const char * const *params,
                                                                FacturesSqlRowFunc  row_func);

/* Reads row @id again and emits items-changed for its position (see the .c); FALSE: not in the
 * model or gone, recreate the model. */
gboolean factures_sql_list_model_refresh_id (FacturesSqlListModel *self,
                                             gint64                id);
/* Takes row @id out of the snapshot (it left the listed set), without sorting again; FALSE
 * when the model does not hold it. */
gboolean factures_sql_list_model_remove_id  (FacturesSqlListModel *self,
                                             gint64                id);
/* The position of row @id in the snapshot, G_MAXUINT when it is not there. */
guint    factures_sql_list_model_find_id    (FacturesSqlListModel *self,
                                             gint64                id);

/* Number of SQL page fetches so far (tests and benchmark). */
guint factures_sql_list_model_get_fetch_count (FacturesSqlListModel *self);

G_END_DECLS
