/* factures-store-recurring-private.h — JSON hooks of the recurring and catalogue
 * tables (called from factures-store-json.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-store-private.h"
#include "factures-store-recurring.h"

G_BEGIN_DECLS

/* Members "catalogue", "recurring" and "recurring_occurrences" of the root object. */
gboolean factures_store_recurring_export_json (FacturesStore  *self,
                                               JsonBuilder    *builder,
                                               GError        **error);
/* Inside the import transaction, after clients and documents. Missing members
 * (files from before 0003) import nothing. @client_ids: file id → new id
 * (gint64 pointers). Occurrences are imported only with @keep_ids (their
 * documents keep their ids then). */
gboolean factures_store_recurring_import_json (FacturesStore  *self,
                                               JsonObject     *root,
                                               gboolean        keep_ids,
                                               GHashTable     *client_ids,
                                               GError        **error);

/* The checks of factures_store_save_recurring() and factures_store_save_catalogue_item()
 * (text cleaned in place), without writing: the JSON import runs them on every template
 * and item. FACTURES_ERROR_INVALID naming the field. */
gboolean factures_store_recurring_clean      (FacturesStore          *self,
                                              FacturesRecurring      *recurring,
                                              GError                **error);
gboolean factures_store_catalogue_item_clean (FacturesCatalogueItem  *item,
                                              GError                **error);

G_END_DECLS
