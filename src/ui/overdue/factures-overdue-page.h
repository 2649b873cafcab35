/* factures-overdue-page.h — the Overdue view: issued invoices past their due date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_OVERDUE_PAGE (factures_overdue_page_get_type ())
G_DECLARE_FINAL_TYPE (FacturesOverduePage, factures_overdue_page, FACTURES, OVERDUE_PAGE, GtkBox)

/**
 * factures_overdue_page_new:
 * @store: the open database
 *
 * Lists factures_store_list_overdue() for factures_today() (FACTURES_TODAY when
 * set): number, client, due date, days late and balance (French money format,
 * "numeric" style). Sorting by column header in SQL; "Nothing Overdue" status page
 * when empty; activating a row opens the invoice in the editor (read-only once
 * issued). The "count" property (guint) is the number of overdue invoices, for
 * the view switcher badge. Refreshes when the store emits "changed".
 *
 * Returns: (transfer floating): the page
 */
GtkWidget *factures_overdue_page_new       (FacturesStore       *store);
guint      factures_overdue_page_get_count (FacturesOverduePage *self);
/* The To-Do queue (FacturesTodoItem), the number of rows its factory built, and whether a
 * store change is waiting for the page to be shown (for the tests). */
GListModel *factures_overdue_page_get_todo_model  (FacturesOverduePage *self);
guint       factures_overdue_page_get_n_todo_rows (FacturesOverduePage *self);
gboolean    factures_overdue_page_get_stale       (FacturesOverduePage *self);
/* How many times the whole page was refreshed, and how many queue items were recomputed one
 * by one after a store change while shown (issue 12 item 2; for the tests). */
void        factures_overdue_page_get_n_refreshes (FacturesOverduePage *self,
                                                   guint               *out_full,
                                                   guint               *out_items);
/* The number of dunning steps due today: the To-Do queue's length (computed now if the page
 * has not been shown since the last change), for the start-up notification, so that the
 * queue is computed once (factures_store_count_due_steps() computes it again). */
guint       factures_overdue_page_get_n_due_steps (FacturesOverduePage *self);
/* The tax calendar's deadlines in the queue that fall today or before and are not marked done
 * (issue 17 item 4), for the deadline notification. */
guint       factures_overdue_page_get_n_due_deadlines (FacturesOverduePage *self);
/* How many invoices of the queue were planned (their dunning step read) since the page was
 * made: issue 12's lazy queue plans a page of them, then more as the list is scrolled. For
 * the tests. */
guint       factures_overdue_page_get_n_planned (FacturesOverduePage *self);
/* Re-reads the list (e.g. when the date changed). */
void       factures_overdue_page_refresh   (FacturesOverduePage *self);

G_END_DECLS
