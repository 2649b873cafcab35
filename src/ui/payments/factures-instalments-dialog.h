/* factures-instalments-dialog.h — the instalment plan (échéancier) of an invoice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store-payments.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_INSTALMENTS_DIALOG (factures_instalments_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FacturesInstalmentsDialog, factures_instalments_dialog, FACTURES, INSTALMENTS_DIALOG, AdwWindow)

/**
 * factures_instalments_dialog_open:
 * @parent: (nullable): the transient parent
 * @document_id: an issued invoice with a balance, or a draft invoice or deposit
 *   invoice (issue 6: the schedule agreed before issuing; its amount due as it
 *   stands is split, and the sum is checked when the draft is issued)
 *
 * A modal window "Instalment Plan": the invoice's balance split into dated
 * instalments (date and amount per row, rows added and removed), with "Split"
 * to divide the balance into N monthly instalments from the next month (the
 * cents left over go to the last one). "Save" stores the plan through
 * factures_store_set_instalments(); its French refusal (dates not increasing,
 * a sum that differs from the balance…) shows under the rows. An empty plan
 * removes it. Each instalment then runs its own dunning ladder.
 *
 * Returns: (transfer none) (nullable): the window, presented
 */
GtkWidget *factures_instalments_dialog_open (GtkWindow     *parent,
                                             FacturesStore *store,
                                             gint64         document_id);

/**
 * factures_instalments_split:
 * @balance: cents to split (> 0)
 * @n: number of instalments (≥ 1)
 * @first: the first due date; the next ones fall on the same day of the following
 *   months (clamped to the month's last day)
 *
 * Returns: (transfer full) (element-type FacturesInstalment): @n instalments of
 *   balance / n cents each, the remainder on the last one
 */
GArray    *factures_instalments_split (gint64       balance,
                                       guint        n,
                                       const GDate *first);

G_END_DECLS
