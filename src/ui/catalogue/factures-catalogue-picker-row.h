/* factures-catalogue-picker-row.h — one item in the "From Catalogue" popover
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include "factures-recurrence.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_CATALOGUE_PICKER_ROW (factures_catalogue_picker_row_get_type ())
G_DECLARE_FINAL_TYPE (FacturesCataloguePickerRow, factures_catalogue_picker_row, FACTURES, CATALOGUE_PICKER_ROW, GtkButton)

/* A flat button named after @item, its price and unit as tooltip, activating
 * "picker.pick" with the item's id. */
GtkWidget *factures_catalogue_picker_row_new (const FacturesCatalogueItem *item);

G_END_DECLS
