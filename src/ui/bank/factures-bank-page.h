/* factures-bank-page.h — the Banque view: import a statement, confirm the matches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_BANK_PAGE (factures_bank_page_get_type ())
G_DECLARE_FINAL_TYPE (FacturesBankPage, factures_bank_page, FACTURES, BANK_PAGE, GtkBox)

/**
 * factures_bank_page_new:
 * @store: the open database
 *
 * The credits of the imported statements not yet matched (and the debits refunding a credit
 * note), each with its best suggestion and its reason (factures_bank_match_pending()), oldest
 * first. Actions (group "bank"): import (a GtkFileChooserNative, then the CSV step when the
 * file is a CSV, then the import in a thread with a progress bar and a Cancel button),
 * confirm (x: a movement id), confirm-sure, dismiss (x: « Pas une facture »), cancel-import.
 * Each confirmation or dismissal shows a toast whose Undo records the reversing entry.
 * Read when first shown, and again when the store emits "changed" (at once when shown, else
 * when next shown).
 *
 * Returns: (transfer floating): the page
 */
GtkWidget *factures_bank_page_new        (FacturesStore    *store);
/* The number of movements listed (for the tests; 0 until the page was shown). */
guint      factures_bank_page_get_count  (FacturesBankPage *self);
/* Imports @path as the import action does after the file chooser (for the tests and the
 * window's drag and drop); a CSV opens the column step. */
void       factures_bank_page_import     (FacturesBankPage *self,
                                          const char       *path);

G_END_DECLS
