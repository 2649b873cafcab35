/* factures-catalogue-row.h — one product or service in the catalogue window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-recurrence.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_CATALOGUE_ROW (factures_catalogue_row_get_type ())
G_DECLARE_FINAL_TYPE (FacturesCatalogueRow, factures_catalogue_row, FACTURES, CATALOGUE_ROW, AdwActionRow)

/* The item's name, "price / unit — VAT rate — kind", and "Edit" activating
 * "catalogue.edit-item" with the item's id. */
GtkWidget *factures_catalogue_row_new (const FacturesCatalogueItem *item);

G_END_DECLS
