/* factures-imported-sale-row.h — one imported sale in the client editor's history (issue 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"
#include "factures-store-receipts.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_IMPORTED_SALE_ROW (factures_imported_sale_row_get_type ())
G_DECLARE_FINAL_TYPE (FacturesImportedSaleRow, factures_imported_sale_row, FACTURES,
                      IMPORTED_SALE_ROW, AdwActionRow)

/* Number, date, the total as written, paid or not; "Record Payment…" or "Cancel Payment…";
 * activating it opens the invoice with "Export the Original…". */
GtkWidget *factures_imported_sale_row_new (FacturesStore              *store,
                                           const FacturesImportedSale *sale);

G_END_DECLS
