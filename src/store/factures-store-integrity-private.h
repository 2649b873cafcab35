/* factures-store-integrity-private.h — the chain's hooks into the JSON export and import
 * (factures-store-json.c) and the backup (factures-store.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-store-private.h"
#include "factures-store-integrity.h"

G_BEGIN_DECLS

/* The head of the database @db (a store's, or a backup copy's). */
gboolean factures_chain_head_read (sqlite3            *db,
                                   FacturesChainHead  *out,
                                   GError            **error);

/* JSON export: the member "chain_head" (the witness) of the object being built; its "history"
 * fingerprints the history arrays of @root, the export without its head (trial 5 finding 2). */
gboolean factures_store_chain_head_export_json (FacturesStore  *self,
                                                JsonBuilder    *builder,
                                                JsonObject     *root,
                                                GError        **error);
/* The JSON export of the database as a tree, without "chain_head" (factures-store-json.c);
 * NULL on error. */
JsonNode *factures_store_json_export_root      (FacturesStore  *self,
                                                GError        **error);
/* JSON export of one document: "chain_version", "series_name", "series_counter", "series_date"
 * when set (issued since 0008). */
gboolean factures_store_chain_export_document  (FacturesStore  *self,
                                                JsonBuilder    *builder,
                                                gint64          id,
                                                GError        **error);
/* JSON import of one document, while it is still a draft: the same members (an issued document
 * of a file from before 0008 has none: chain version 1). FACTURES_ERROR_FORMAT names @where. */
gboolean factures_store_chain_import_document  (FacturesStore  *self,
                                                JsonObject     *object,
                                                gint64          id,
                                                const char     *where,
                                                GError        **error);
/* Backup: the witness written into the copy at @path (table factures_witness). */
gboolean factures_store_write_witness          (const char     *path,
                                                GError        **error);

G_END_DECLS
