/* factures-purchase-row.h — one received invoice in the purchases window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store-facturx.h"
#include "factures-store-purchases.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_PURCHASE_ROW (factures_purchase_row_get_type ())
G_DECLARE_FINAL_TYPE (FacturesPurchaseRow, factures_purchase_row, FACTURES, PURCHASE_ROW, AdwActionRow)

/* "number — seller", "date · total" (and figures that do not add up); activating it
 * activates "purchases.show" with the imported invoice's id. */
GtkWidget *factures_purchase_row_new (const FacturesImportedRow *imported);
/* One entry of the registre des achats (issue 17 item 5): "reference — supplier", "date ·
 * nature · paid on … by …" and the amount; its button activates "purchases.pay" or
 * "purchases.cancel-payment" (imported purchase) or "purchases.cancel-entry" (typed purchase)
 * with the entry's id. Only an imported purchase activates "purchases.show". */
GtkWidget *factures_purchase_row_new_entry (const FacturesPurchaseEntry *entry);

G_END_DECLS
