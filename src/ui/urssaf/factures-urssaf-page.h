/* factures-urssaf-page.h — Preferences → URSSAF: the periodicity of the declaration and the
 * alerts on the ceilings and VAT thresholds (issue 17, urssaf-ui)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_URSSAF_PAGE (factures_urssaf_page_get_type ())
G_DECLARE_FINAL_TYPE (FacturesUrssafPage, factures_urssaf_page, FACTURES, URSSAF_PAGE, AdwPreferencesPage)

/**
 * factures_urssaf_page_new:
 * @store: the store (a reference is kept)
 *
 * « Déclaration trimestrielle » and the two alerts (80 % and 95 % by default) of the user's
 * URSSAF settings (factures_store_get_urssaf_settings()), saved on change through
 * factures_store_set_urssaf_settings(). The first alert cannot be set above the second (each
 * spin button's range follows the other), so nothing is ever left unsaved; a refusal of the
 * store is shown under the group.
 *
 * Returns: (transfer floating): the page
 */
GtkWidget *factures_urssaf_page_new (FacturesStore *store);

G_END_DECLS
