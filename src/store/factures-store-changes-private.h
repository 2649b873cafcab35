/* factures-store-changes-private.h — collecting what a write changed (factures-store-changes.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "factures-store-changes.h"

G_BEGIN_DECLS

typedef struct _FacturesStoreChanges FacturesStoreChanges;

typedef void (*FacturesStoreChangeFunc) (FacturesStoreChange kind,
                                         gint64              id,
                                         gpointer            user_data);

/* Installs the hooks on @db (after the migrations: the tables are read now). */
FacturesStoreChanges *factures_store_changes_attach (sqlite3 *db);
/* Removes the hooks (when @db is not NULL) and frees @self (NULL allowed). */
void                  factures_store_changes_detach (FacturesStoreChanges *self,
                                                     sqlite3              *db);
/* Calls @func once per document and client changed since the last flush (or once with
 * EVERYTHING), then forgets them. @self NULL: EVERYTHING. */
void                  factures_store_changes_flush  (FacturesStoreChanges    *self,
                                                     FacturesStoreChangeFunc  func,
                                                     gpointer                 user_data);
/* Drops what was collected since the last flush, as if the write touched only ignored tables
 * (the next flush then says nothing changed but "changed" itself). */
void                  factures_store_changes_forget (FacturesStoreChanges    *self);

G_END_DECLS
