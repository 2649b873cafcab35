/* factures-purchases-window.h — the received invoices imported as history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_PURCHASES_WINDOW (factures_purchases_window_get_type ())
G_DECLARE_FINAL_TYPE (FacturesPurchasesWindow, factures_purchases_window, FACTURES, PURCHASES_WINDOW, AdwWindow)

/* The purchases, kept current on the store's "changed"; a row shows the invoice
 * (factures_facturx_ui_show_imported). Not yet presented. */
GtkWidget *factures_purchases_window_new (GtkWindow     *parent,
                                          FacturesStore *store);

G_END_DECLS
