/* factures-catalogue-window.h — the catalogue of products and services
 * (issue 3 item 8): list, search, add, edit, delete.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_CATALOGUE_WINDOW (factures_catalogue_window_get_type ())
G_DECLARE_FINAL_TYPE (FacturesCatalogueWindow, factures_catalogue_window, FACTURES, CATALOGUE_WINDOW, AdwWindow)

/* Opens (or presents) the catalogue window, transient for @parent (nullable). */
FacturesCatalogueWindow *factures_catalogue_window_open (GtkWindow     *parent,
                                                         FacturesStore *store);

/* For tests: the item form's rows and buttons by role. */
void factures_catalogue_window_edit_new (FacturesCatalogueWindow *self);
/* Fills the form fields as typed (NULL leaves a field alone). */
void factures_catalogue_window_set_texts (FacturesCatalogueWindow *self,
                                          const char              *name,
                                          const char              *description,
                                          const char              *unit,
                                          const char              *unit_price);
/* Saves the form; FALSE with the message shown under the form when refused. */
gboolean factures_catalogue_window_save  (FacturesCatalogueWindow *self);
guint    factures_catalogue_window_get_n_items (FacturesCatalogueWindow *self);

G_END_DECLS
