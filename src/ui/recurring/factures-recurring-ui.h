/* factures-recurring-ui.h — recurring invoices in the UI (issue 3 item 4): the
 * "Make Recurring" dialog of the editor, the window listing the templates, and
 * the start-up run that tells what was created while the app was closed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

/* A modal window creating a template from the saved document @document_id
 * (its client, lines, discount and notes): period, first invoice, end, and
 * whether invoices are issued automatically. */
GtkWindow *factures_recurring_dialog_open (GtkWindow     *parent,
                                           FacturesStore *store,
                                           gint64         document_id);

/* The templates: client, period, next invoice, end, mode; each can be deleted. */
GtkWindow *factures_recurring_window_open (GtkWindow     *parent,
                                           FacturesStore *store);

/* Runs factures_store_run_recurring() for today (factures_today()), issuing
 * automatic templates' invoices of the day with the PDF renderer, then, when
 * occurrences were created late or could not be issued, shows them in a dialog
 * over @window; closing it marks them seen. Errors are printed, never fatal. */
void       factures_recurring_run_at_startup (GtkWindow     *window,
                                              FacturesStore *store);

G_END_DECLS
