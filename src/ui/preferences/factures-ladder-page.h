/* factures-ladder-page.h — the dunning ladders in Preferences (DESIGN.md §5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

/**
 * factures_ladder_page_new:
 * @store: the open database
 *
 * An AdwPreferencesPage "Reminders" with one group per client category
 * (individual, company, association, administration) listing its ladder: each
 * step has its day offset from the due date (negative: before), its channel and,
 * for e-mails, its template; steps can be added and removed. "Save" validates
 * with factures_dunning_ladder_validate() (through factures_store_save_ladder())
 * and shows the French refusal under the group; "Restore Defaults" puts the
 * default ladder back in the form.
 *
 * Returns: (transfer floating): the page
 */
GtkWidget *factures_ladder_page_new (FacturesStore *store);

G_END_DECLS
