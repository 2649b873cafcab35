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

/* Adds the groups "Payment History" and "Documents" to the AdwPreferencesPage
 * inside @editor (the client editor window) and keeps them current while the
 * window lives (the store's "changed" signal). */
void factures_client_history_attach (GtkWindow     *editor,
                                     FacturesStore *store,
                                     gint64         client_id);

G_END_DECLS
