/* factures-window.h — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_WINDOW (factures_window_get_type ())
G_DECLARE_FINAL_TYPE (FacturesWindow, factures_window, FACTURES, WINDOW, AdwApplicationWindow)

/**
 * factures_window_new:
 * @application: the application
 * @store: (nullable): the open database, NULL when it could not be opened
 * @store_error: (nullable): why the database could not be opened, shown in the window
 *
 * An AdwHeaderBar with an AdwViewSwitcher over an AdwViewStack whose pages are
 * "overdue" (first, with the count of overdue invoices as badge), "documents" and
 * "clients", inside an AdwToastOverlay. Without a business profile in @store the
 * window first shows the welcome form, then a page of next steps (first client, first
 * invoice). Size, maximized state and the last view are kept in GSettings
 * (org.example.Factures) when the schema is installed; when an invoice is overdue the
 * window opens on the overdue view whatever the last view was. Window actions:
 * win.show-view (s: "overdue", "documents", "clients"; Alt+1…3), win.first-client,
 * win.first-invoice, and GTK's win.show-help-overlay (Ctrl+?, gtk/help-overlay.ui).
 *
 * Returns: (transfer full): the window
 */
FacturesWindow *factures_window_new        (GtkApplication *application,
                                            FacturesStore  *store,
                                            const GError   *store_error);
/* Shows @text in a toast over the views. */
void            factures_window_add_toast  (FacturesWindow *self,
                                            const char     *text);
/* Shows the view named @name ("overdue", "documents" or "clients"). */
void            factures_window_set_view   (FacturesWindow *self,
                                            const char     *name);
/* The dunning steps due today: the length of the overdue view's To-Do queue (issue 12: the
 * start-up notification counts the queue the window lists instead of computing it again). */
guint           factures_window_get_n_due_steps (FacturesWindow *self);
/* The tax deadlines of the To-Do queue due today or late, not marked done (issue 17 item 4). */
guint           factures_window_get_n_due_deadlines (FacturesWindow *self);
/* TRUE while the first-run welcome form is shown. */
gboolean        factures_window_is_welcome (FacturesWindow *self);

G_END_DECLS
