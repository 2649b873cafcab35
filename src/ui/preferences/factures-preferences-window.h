/* factures-preferences-window.h — Preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_PREFERENCES_WINDOW (factures_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (FacturesPreferencesWindow, factures_preferences_window, FACTURES, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/**
 * factures_preferences_window_new:
 * @parent: (nullable): the main window
 * @store: the open database
 *
 * The Preferences: the business profile (the form of the first-run welcome page),
 * numbering, escompte, dunning ladder, e-mail. Settings apply on change, GNOME's
 * way (issue 11 item 6): a valid value is saved when it is entered; an invalid or
 * half-typed one stays in its field with its message, and closing the window then
 * asks whether to keep editing or to close without it.
 *
 * Returns: (transfer floating): the window, not yet presented
 */
GtkWidget *factures_preferences_window_new (GtkWindow     *parent,
                                            FacturesStore *store);

/* The business profile page's editor (tests). */
GtkWidget *factures_preferences_window_get_profile_editor (FacturesPreferencesWindow *self);

G_END_DECLS
