/* factures-store-lifecycle-private.h — hooks of the lifecycle data into the
 * store's own code paths (load, save, issue, hash chain, JSON)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-store-private.h"
#include "factures-store-lifecycle.h"

G_BEGIN_DECLS

/* SQL: the issued credit notes' total of the document in the outer query's row. */
#define FACTURES_CREDITED_EXPR "(SELECT coalesce (sum (c.gross_total), 0) FROM document_links l " \
                               "JOIN documents c ON c.id = l.document_id " \
                               "WHERE l.role = 'invoice' AND l.target_id = documents.id " \
                               "AND c.status = 1)"

/* Inside the caller's transaction: validates and writes a draft (insert when
 * id == 0, id set), like factures_store_save_draft() without its transaction
 * and without "changed". Defined in factures-store.c. */
gboolean factures_store_write_draft      (FacturesStore     *self,
                                          FacturesDocument  *document,
                                          GError           **error);

/* Fills valid_until, conditions, cites and deposits of a loaded document. */
gboolean factures_store_lifecycle_load   (FacturesStore     *self,
                                          FacturesDocument  *document,
                                          GError           **error);
/* Inside write_draft's transaction: a quote's validity date and conditions. */
gboolean factures_store_lifecycle_save   (FacturesStore     *self,
                                          FacturesDocument  *document,
                                          GError           **error);
/* Inside the issuing transaction, before numbering: links and limits. */
gboolean factures_store_lifecycle_check_deposit_creditable (FacturesStore           *self,
                                                            const FacturesDocument  *invoice,
                                                            GError                 **error);
gboolean factures_store_lifecycle_check_issue (FacturesStore          *self,
                                               const FacturesDocument *document,
                                               GError                **error);
/* Appends the document's lifecycle data to its hash-chain text (nothing when it has none). */
gboolean factures_store_lifecycle_canon  (FacturesStore     *self,
                                          gint64             id,
                                          GString           *out,
                                          GError           **error);
/* JSON: members "quote" and "links" of a DOCUMENT. */
gboolean factures_store_lifecycle_export_document (FacturesStore  *self,
                                                   JsonBuilder    *builder,
                                                   gint64          id,
                                                   GError        **error);
/* Before the document is marked issued. Links keep their ids (full imports only). */
gboolean factures_store_lifecycle_import_document (FacturesStore  *self,
                                                   JsonObject     *object,
                                                   gint64          new_id,
                                                   gboolean        keep_ids,
                                                   const char     *where,
                                                   GError        **error);

G_END_DECLS
