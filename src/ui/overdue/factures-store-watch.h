/* factures-store-watch.h — a view's side of FacturesStore::item-changed (issue 12 item 2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include "factures-store.h"

G_BEGIN_DECLS

typedef struct _FacturesStoreWatch FacturesStoreWatch;

/**
 * FacturesStoreWatchFunc:
 * @view: the view given to factures_store_watch_new()
 * @everything: refresh the whole view (an import; or the view was hidden when the store
 *   changed: it was stale and is shown now)
 * @documents: (element-type gint64): the documents the write touched (empty with @everything)
 * @clients: (element-type gint64): the clients it touched
 *
 * Refreshes what @view shows of @documents and @clients (e.g.
 * factures_sql_list_model_refresh_id()), or all of it.
 */
typedef void (*FacturesStoreWatchFunc) (GtkWidget *view,
                                        gboolean   everything,
                                        GArray    *documents,
                                        GArray    *clients);

/**
 * factures_store_watch_new:
 * @store: the open database
 * @view: the view (not referenced: free the watch in its dispose)
 * @func: what a write changed, once per write (on "changed", after its "item-changed")
 * @stale: TRUE when @view has not loaded anything yet: @func runs (everything) when it is
 *   first shown
 *
 * A view refreshes only when it is shown: a write while @view is not mapped marks it stale,
 * and @func runs once with @everything when it is mapped again.
 *
 * Returns: (transfer full): the watch, for factures_store_watch_free()
 */
FacturesStoreWatch *factures_store_watch_new       (FacturesStore          *store,
                                                    GtkWidget              *view,
                                                    FacturesStoreWatchFunc  func,
                                                    gboolean                stale);
/* TRUE while a change waits for the view to be shown (for the tests). */
gboolean            factures_store_watch_get_stale (FacturesStoreWatch     *self);
/* Marks the view stale (its own reasons: the date changed…): refreshed when next shown. */
void                factures_store_watch_set_stale (FacturesStoreWatch     *self);
void                factures_store_watch_free      (FacturesStoreWatch     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesStoreWatch, factures_store_watch_free)

G_END_DECLS
