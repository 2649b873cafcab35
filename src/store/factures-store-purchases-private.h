/* factures-store-purchases-private.h — JSON hooks of the registre des achats (migration 0019),
 * for factures-store-json.c and factures-store-json-documents.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "factures-store.h"

G_BEGIN_DECLS

/* Adds "purchase_entries", "purchase_payments" and "purchase_payment_reversals" (arrays of
 * rows, every column), each only when its table has rows, so that an export of older data
 * keeps its bytes. */
gboolean factures_store_purchases_export_json (FacturesStore  *self,
                                               JsonBuilder    *builder,
                                               GError        **error);
/* Inside the import transaction, with @keep_ids only (a restore, as the imported invoices they
 * refer to): every row through the checks of the store's own doors (a typed purchase: date not
 * after today, supplier, amount > 0, method; a payment: its purchase, date, amount; a reversal:
 * its payment, once, its date, its reason); FACTURES_ERROR_FORMAT naming the member and row
 * otherwise. Absent members import nothing. */
gboolean factures_store_purchases_import_json (FacturesStore  *self,
                                               JsonObject     *root,
                                               gboolean        keep_ids,
                                               GError        **error);

G_END_DECLS
