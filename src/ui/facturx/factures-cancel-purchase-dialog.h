/* factures-cancel-purchase-dialog.h — cancelling a purchase typed by mistake, or the payment
 * of an imported purchase (issue 17 item 5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_CANCEL_PURCHASE_DIALOG (factures_cancel_purchase_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FacturesCancelPurchaseDialog, factures_cancel_purchase_dialog, FACTURES,
                      CANCEL_PURCHASE_DIALOG, AdwMessageDialog)

/* Asks why, then cancels today (never erased): with @typed, the typed purchase @id
 * (factures_store_cancel_purchase()); otherwise the payment of the imported purchase @id
 * (factures_store_cancel_purchase_payment()). @label names it in the heading. */
GtkWidget *factures_cancel_purchase_dialog_new (GtkWindow     *parent,
                                                FacturesStore *store,
                                                gint64         id,
                                                gboolean       typed,
                                                const char    *label);

G_END_DECLS
