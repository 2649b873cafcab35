/* factures-purchase-row.h — one received invoice in the purchases window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store-facturx.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_PURCHASE_ROW (factures_purchase_row_get_type ())
G_DECLARE_FINAL_TYPE (FacturesPurchaseRow, factures_purchase_row, FACTURES, PURCHASE_ROW, AdwActionRow)

/* "number — seller", "date · total" (and figures that do not add up); activating it
 * activates "purchases.show" with the imported invoice's id. */
GtkWidget *factures_purchase_row_new (const FacturesImportedRow *imported);

G_END_DECLS
