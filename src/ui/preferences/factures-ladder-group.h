/* factures-ladder-group.h — the dunning ladder of one client category
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_LADDER_GROUP (factures_ladder_group_get_type ())
G_DECLARE_FINAL_TYPE (FacturesLadderGroup, factures_ladder_group, FACTURES, LADDER_GROUP, AdwPreferencesGroup)

/* The steps of @category's ladder, applied on change: each change (a day, a channel,
 * a text, a step added or removed, the defaults restored) saves the ladder through
 * factures_store_save_ladder(); a refusal is said under the steps and nothing is saved.
 * The rows stay in place (sorted when the page is opened again). */
/* Before the window closes: takes in the days being typed (saved if the ladder is valid).
 * FALSE when what is shown is not saved (a day that is not a number, a ladder refused):
 * the message is under the group. */
gboolean   factures_ladder_group_flush (FacturesLadderGroup   *self);
GtkWidget *factures_ladder_group_new (FacturesStore          *store,
                                      FacturesClientCategory  category);

G_END_DECLS
