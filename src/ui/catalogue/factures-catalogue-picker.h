/* factures-catalogue-picker.h — "From Catalogue" button of the invoice editor
 * (issue 3 item 8): a popover with a search entry and one button per catalogue
 * item; picking one emits "picked".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include "factures-store.h"
#include "factures-recurrence.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_CATALOGUE_PICKER (factures_catalogue_picker_get_type ())
G_DECLARE_FINAL_TYPE (FacturesCataloguePicker, factures_catalogue_picker, FACTURES, CATALOGUE_PICKER, GtkWidget)

/* Signal "picked" (const FacturesCatalogueItem *item, as a pointer, valid during emission). */
GtkWidget *factures_catalogue_picker_new (FacturesStore *store);

G_END_DECLS
