/* factures-client-history-group.h — the client page's history (issue 3 item 10):
 * every document of the client, what it owes, what is late, its average
 * payment delay and a plain payment-risk indicator, added to the client editor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_CLIENT_HISTORY_GROUP (factures_client_history_group_get_type ())
G_DECLARE_FINAL_TYPE (FacturesClientHistoryGroup, factures_client_history_group, FACTURES,
                      CLIENT_HISTORY_GROUP, AdwPreferencesGroup)

/* "Payment History" of @client_id, kept current (the store's "changed" signal), with its two
 * sibling groups "Documents" and "Imported Invoices" (hidden when none), for the client
 * editor's AdwPreferencesPage: the summary before the form, the lists after it. */
GtkWidget *factures_client_history_group_new                 (FacturesStore              *store,
                                                              gint64                      client_id);
GtkWidget *factures_client_history_group_get_documents_group (FacturesClientHistoryGroup *self);
GtkWidget *factures_client_history_group_get_imported_group  (FacturesClientHistoryGroup *self);

G_END_DECLS
