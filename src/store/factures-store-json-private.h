/* factures-store-json-private.h — what the files of the JSON export and import share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-store-private.h"

G_BEGIN_DECLS

#define FORMAT_NAME "factures"
#define FORMAT_VERSION 1

/* Deepest nesting of arrays and objects a file may have: the app's own exports
 * use 5 levels; json-glib's parser recurses once per level. */
#define MAX_DEPTH 64

typedef struct {
  FacturesStore *store;
  gboolean       keep_ids;
  GHashTable    *client_ids;    /* file id → new id (gint64 pointers) */
  GHashTable    *document_ids;  /* file ids of documents seen (gint64 pointers) */
  GHashTable    *issued_gross;  /* file id of an issued document → its gross total */
  GPtrArray     *issued;        /* numbers of the issued documents, for the series */
  GHashTable    *numbers;       /* the same numbers (set), and "#<chain_seq>" of each */
} Import;


FacturesProfile *
factures_store_json_impl_read_profile (JsonObject *object);

FacturesClient *
factures_store_json_impl_read_client (JsonObject *object);

char *
factures_store_json_impl_node_to_text (JsonNode *node);

char *
factures_store_json_impl_path_join (const char *where,
                                    const char *key);

void
factures_store_json_impl_format_error (GError     **error,
                                       const char  *where,
                                       const char  *key,
                                       const char  *expected);

void
factures_store_json_impl_prefix_path (GError     **error,
                                      const char  *path);

gboolean
factures_store_json_impl_check_raw_json (const char  *data,
                                         gsize        len,
                                         GError     **error);

gboolean
factures_store_json_impl_get_int (JsonObject  *object,
                                  const char  *where,
                                  const char  *key,
                                  gint64       fallback,
                                  gint64      *out,
                                  GError     **error);

/* TRUE for a column of issue 13 (activity, vat_category, vatex, exemption_reason,
 * override_reason, legal_id) that is NULL or 0: exports leave it out (the older bytes). */
gboolean
factures_store_json_impl_skip_unset (sqlite3_stmt *stmt,
                                     int           col);

gboolean
factures_store_json_impl_get_int_range (JsonObject  *object,
                                        const char  *where,
                                        const char  *key,
                                        gint64       fallback,
                                        gint64       min,
                                        gint64       max,
                                        gint64      *out,
                                        GError     **error);

gboolean
factures_store_json_impl_get_text (JsonObject   *object,
                                   const char   *where,
                                   const char   *key,
                                   const char  **out,
                                   GError      **error);

gboolean
factures_store_json_impl_get_date (JsonObject   *object,
                                   const char   *where,
                                   const char   *key,
                                   gboolean      required,
                                   const char  **out,
                                   GError      **error);

gboolean
factures_store_json_impl_get_base64 (JsonObject   *object,
                                     const char   *where,
                                     const char   *key,
                                     GBytes      **out,
                                     GError      **error);

JsonArray *
factures_store_json_impl_get_array (JsonObject  *object,
                                    const char  *where,
                                    const char  *key,
                                    GError     **error);

JsonObject *
factures_store_json_impl_get_element_object (JsonArray   *array,
                                             guint        index,
                                             const char  *where,
                                             GError     **error);

gboolean
factures_store_json_impl_import_profile (Import      *import,
                                         JsonNode    *node,
                                         GError     **error);

gboolean
factures_store_json_impl_import_clients (Import     *import,
                                         JsonArray  *clients,
                                         GError    **error);

G_END_DECLS
