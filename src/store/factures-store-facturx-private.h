/* factures-store-facturx-private.h — JSON hooks of the imported invoices (issue 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include "factures-store.h"

G_BEGIN_DECLS

/* JSON export: adds the member "imported_invoices" (rows in id order, every column;
 * the files "original" and "xml" in base64, so that they come back byte for byte). */
gboolean factures_store_facturx_export_json (FacturesStore  *self,
                                             JsonBuilder    *builder,
                                             GError        **error);
/* JSON import, inside the import's transaction, after clients: only a full import
 * (@keep_ids) carries the rows. A missing member is fine (files from before 0006).
 * FACTURES_ERROR_FORMAT names the bad row. */
gboolean factures_store_facturx_import_json (FacturesStore  *self,
                                             JsonObject     *root,
                                             gboolean        keep_ids,
                                             GError        **error);

G_END_DECLS
