/* factures-purchase-entry-dialog.h — « Ajouter un achat… »: a purchase typed into the registre
 * des achats (issue 17 item 5, LEGAL-2.md §4)
 *
 * Date (today by default), supplier, reference, nature, amount in euros and payment method.
 * Save stays disabled while a field is wrong, the message naming the field under the form; a
 * refusal from the store (factures_store_add_purchase(), the command line's checks) is shown
 * there too and nothing is stored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_PURCHASE_ENTRY_DIALOG (factures_purchase_entry_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FacturesPurchaseEntryDialog, factures_purchase_entry_dialog,
                      FACTURES, PURCHASE_ENTRY_DIALOG, AdwWindow)

/* A modal dialog over @parent (not presented yet). */
GtkWindow  *factures_purchase_entry_dialog_new        (GtkWindow                   *parent,
                                                       FacturesStore               *store);
/* Fills the fields as a user would type them (tests); NULL (or @method −1) leaves a field. */
void        factures_purchase_entry_dialog_set_fields (FacturesPurchaseEntryDialog *self,
                                                       const char                  *date,
                                                       const char                  *supplier,
                                                       const char                  *reference,
                                                       const char                  *nature,
                                                       const char                  *amount,
                                                       gint                         method);
/* The messages under the form ("" when none). */
const char *factures_purchase_entry_dialog_get_errors (FacturesPurchaseEntryDialog *self);
/* What Save does: TRUE when stored (the dialog then closes). */
gboolean    factures_purchase_entry_dialog_save       (FacturesPurchaseEntryDialog *self);

G_END_DECLS
