/* factures-imported-payment-dialog.h — "Record Payment…" of an imported sale
 *
 * Date (today by default), amount received in euros (the file's amount due when it is in EUR;
 * required otherwise), method and reference. Save stays disabled while a field is wrong, the
 * message naming the field under the form; a refusal from the store is shown there too and
 * nothing is stored. Saved, the sale enters the livre des recettes (LEGAL.md §6).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_IMPORTED_PAYMENT_DIALOG (factures_imported_payment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FacturesImportedPaymentDialog, factures_imported_payment_dialog,
                      FACTURES, IMPORTED_PAYMENT_DIALOG, AdwWindow)

/* A modal dialog over @parent for the imported sale @imported_id (not presented yet). */
GtkWindow  *factures_imported_payment_dialog_new        (GtkWindow                     *parent,
                                                         FacturesStore                 *store,
                                                         gint64                         imported_id);
/* The same for the payment of the supplier invoice @imported_id of Achats (numbered @number;
 * @due_cents: its amount due in EUR, 0 when the file is not in EUR), recorded with
 * factures_store_record_purchase_payment() (issue 17 item 5). */
GtkWindow  *factures_imported_payment_dialog_new_purchase (GtkWindow                   *parent,
                                                           FacturesStore               *store,
                                                           gint64                       imported_id,
                                                           const char                  *number,
                                                           gint64                       due_cents);
/* Fills the fields as a user would type them (tests); NULL leaves a field as it is. */
void        factures_imported_payment_dialog_set_fields (FacturesImportedPaymentDialog *self,
                                                         const char                    *date,
                                                         const char                    *amount,
                                                         gint                           method,
                                                         const char                    *reference);
/* The messages under the form ("" when none). */
const char *factures_imported_payment_dialog_get_errors (FacturesImportedPaymentDialog *self);
/* What Save does: TRUE when recorded (the dialog then closes). */
gboolean    factures_imported_payment_dialog_save       (FacturesImportedPaymentDialog *self);

G_END_DECLS
