/* factures-ladder-page.h — the dunning ladders in Preferences (DESIGN.md §5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_LADDER_PAGE (factures_ladder_page_get_type ())
G_DECLARE_FINAL_TYPE (FacturesLadderPage, factures_ladder_page, FACTURES, LADDER_PAGE, AdwPreferencesPage)

/**
 * factures_ladder_page_new:
 * @store: the open database
 *
 * An AdwPreferencesPage "Reminders" with one group per client category
 * (individual, company, association, administration) listing its ladder: each
 * step has its day offset from the due date (negative: before), its channel and,
 * for e-mails, its template; steps can be added and removed (FacturesLadderGroup);
 * and the late-penalty rate table (FacturesRatesGroup). Applied on change: each
 * change is validated with factures_dunning_ladder_validate() (through
 * factures_store_save_ladder()) and saved, or its French refusal shown under the
 * group; "Restore Defaults" puts the default ladder back.
 *
 * Returns: (transfer floating): the page
 */
GtkWidget *factures_ladder_page_new   (FacturesStore      *store);

/**
 * factures_ladder_page_flush:
 * @self: the page
 *
 * Before Preferences closes: saves what is typed and not yet saved (a day, a rate, the
 * focus still in it).
 *
 * Returns: FALSE when something shown cannot be saved (its message is under its
 * group): the window asks what to do.
 */
gboolean   factures_ladder_page_flush (FacturesLadderPage *self);

G_END_DECLS
