/* factures-store-impl-private.h — the FacturesStore instance and the helpers shared by the
 * files that were factures-store.c (core, parties, documents, issue, lists)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-store-private.h"

G_BEGIN_DECLS

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

  /* factures_store_prepare_cached(): SQL text → statement, and the ones handed out. */
  GHashTable            *stmt_cache;
  GHashTable            *stmt_in_use;

  /* Progress of a long migration (factures_store_open_with_progress()). */
  FacturesStoreProgressFunc progress_func;
  gpointer                  progress_data;

  /* What the writes since the last "changed" touched (factures-store-changes.c). */
  struct _FacturesStoreChanges *changes;

  /* Migration 0012 is in: factures_store_commit() recomputes the stale next steps. */
  gboolean                  next_steps_ready;

  /* factures_store_begin_all_or_nothing(): the writes' own transactions are savepoints of
   * this one until factures_store_end_all_or_nothing(). */
  gboolean                  all_or_nothing;
};

/* Migration 0010 (factures-store-storage.c): the free space it needs, then the copy of the
 * stored originals into document_originals, inside the migration's transaction. */
gboolean factures_store_storage_check_space     (FacturesStore  *self,
                                                 gboolean        with_backup,
                                                 GError        **error);
gboolean factures_store_storage_move_originals  (FacturesStore  *self,
                                                 GError        **error);
gboolean factures_store_storage_check_foreign_keys (FacturesStore  *self,
                                                    GError        **error);
/* --verify: document_summary equals document_summary_computed, row for row. */
/* Migration 0012 (factures-store-dunning.c): the next dunning steps marked stale recomputed
 * (inside the caller's transaction), and --verify's full recomputation of them. */
gboolean factures_store_next_steps_refresh      (FacturesStore  *self,
                                                 GError        **error);
gboolean factures_store_verify_next_steps       (FacturesStore  *self,
                                                 GError        **error);
gboolean factures_store_storage_verify_summary  (FacturesStore  *self,
                                                 GError        **error);


const char *
factures_store_impl_col_text (sqlite3_stmt *stmt,
                              int           col);

char *
factures_store_impl_like_pattern (const char *search);

gboolean
factures_store_impl_clean_optional (const char  *text,
                                    const char  *field,
                                    gsize        max_chars,
                                    char       **out,
                                    GError     **error);

gboolean
factures_store_impl_client_exists (FacturesStore *self,
                                   gint64         id);

const char *
factures_store_impl_series_of_kind (FacturesDocumentKind kind);

gboolean
factures_store_impl_write_lines (FacturesStore           *self,
                                 gint64                   document_id,
                                 const GPtrArray         *lines,
                                 const FacturesTotals    *totals,
                                 GError                 **error);

G_END_DECLS
