/* factures-client-history.h — the client page's history (issue 3 item 10):
 * every document of the client, what it owes, what is late, its average
 * payment delay and a plain payment-risk indicator, added to the client editor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

typedef struct _FacturesClientHistoryGroups FacturesClientHistoryGroups;

/* Adds the groups "Payment History", "Documents" and "Imported Invoices" to the
 * AdwPreferencesPage inside @editor (the client editor window) and keeps them current
 * (the store's "changed" signal) until freed; the editor owns the result (NULL when
 * there is nothing to show). */
FacturesClientHistoryGroups *factures_client_history_attach      (GtkWindow                   *editor,
                                                                  FacturesStore               *store,
                                                                  gint64                       client_id);
void                         factures_client_history_groups_free (FacturesClientHistoryGroups *history);

G_END_DECLS
