/* factures-preferences-window.h — Preferences: the business profile after the first run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

/**
 * factures_preferences_window_new:
 * @parent: (nullable): the main window
 * @store: the open database
 *
 * An AdwPreferencesWindow holding the business profile editor (the same form as
 * the first-run welcome page). Saving shows a toast; the window stays open.
 *
 * Returns: (transfer floating): the window, not yet presented
 */
GtkWidget *factures_preferences_window_new (GtkWindow     *parent,
                                            FacturesStore *store);

G_END_DECLS
