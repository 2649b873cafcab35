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
};


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
