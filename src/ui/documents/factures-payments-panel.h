/* factures-payments-panel.h — the Payments panel of an issued invoice (issue 11)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_PAYMENTS_PANEL (factures_payments_panel_get_type ())
G_DECLARE_FINAL_TYPE (FacturesPaymentsPanel, factures_payments_panel, FACTURES, PAYMENTS_PANEL, AdwBin)

/**
 * factures_payments_panel_set_document:
 * @store: the open database
 * @document_id: an issued invoice or deposit invoice
 *
 * Lists, oldest first, the amount due, every payment allocated to the invoice (date, method,
 * reference, the part of a payment spread over several invoices), each cancelled payment with
 * its reversal (date and reason), every issued credit note, then the balance from
 * factures_store_get_payment_balance(): the one balance every view shows.
 */
void    factures_payments_panel_set_document (FacturesPaymentsPanel *self,
                                              FacturesStore         *store,
                                              gint64                 document_id);
/* Reads the payments again (after the store emitted "changed"). */
void    factures_payments_panel_reload       (FacturesPaymentsPanel *self);
/* The balance shown, in cents. */
gint64  factures_payments_panel_get_balance  (FacturesPaymentsPanel *self);

G_END_DECLS
