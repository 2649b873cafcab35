/* factures-clients-page.h — the Clients view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_CLIENTS_PAGE (factures_clients_page_get_type ())
G_DECLARE_FINAL_TYPE (FacturesClientsPage, factures_clients_page, FACTURES, CLIENTS_PAGE, GtkBox)

/**
 * factures_clients_page_new:
 * @store: the open database
 *
 * A GtkColumnView ("data-table") over the lazy factures_store_list_clients()
 * model: name, city, category, outstanding. A click on a column header sorts in
 * SQL (see factures-sort-state.h); the search entry re-queries as you type; an
 * AdwStatusPage shows when there is nothing to list; activating a row opens the
 * client editor. Refreshes when the store emits "changed".
 *
 * Returns: (transfer floating): the page
 */
GtkWidget *factures_clients_page_new          (FacturesStore       *store);
/* Focuses the search entry. */
void       factures_clients_page_focus_search (FacturesClientsPage *self);

G_END_DECLS
