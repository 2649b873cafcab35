/* factures-due-notification.h — the desktop notification of the dunning steps due at start-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "factures-store.h"

G_BEGIN_DECLS

/**
 * factures_due_notification_send:
 * @application: the registered application
 * @store: (nullable): the open database
 *
 * Issue 4 item 5: once at start-up, records the missed pre-due steps as skipped
 * (factures_store_catch_up(), nothing is sent or performed) and, when steps are due
 * today (FACTURES_TODAY), sends the GNotification "due-steps": "3 dunning steps are
 * due today"; activating it opens the overdue view (app.show-overdue). It goes straight
 * to GIO's GNotification (the portal in the Flatpak), without probing D-Bus names first.
 * With FACTURES_NOTIFICATIONS=0 in the environment (the test suites, whose session bus
 * has no notification server) nothing is sent.
 *
 * Returns: the number of steps due (0 on error).
 */
guint factures_due_notification_send (GApplication  *application,
                                      FacturesStore *store);
/* The same notification for @n steps counted by the caller (the window's To-Do queue, issue
 * 12), without the catch-up: nothing sent when @n is 0. Returns @n. */
guint factures_due_notification_send_n (GApplication *application,
                                        guint         n);

/**
 * factures_due_notification_send_deadlines:
 * @application: the registered application
 * @store: the open database
 * @n: the tax deadlines of the To-Do queue due today or late, not marked done (issue 17 item 4)
 *
 * The GNotification "due-deadlines" ("2 tax deadlines are due"; activating it opens the
 * overdue view), once a day: the first start of the day that finds @n > 0 records the day in
 * the store (factures_store_claim_deadline_notification()), later starts that day send nothing.
 * Nothing is sent with FACTURES_NOTIFICATIONS=0 (the day is recorded all the same).
 *
 * Returns: @n when it went out (or would have), 0 when none was due or one went out today.
 */
guint factures_due_notification_send_deadlines (GApplication  *application,
                                                FacturesStore *store,
                                                guint          n);

G_END_DECLS
