/* factures-cli-registers.h — the registers as printable PDFs, from the store (issue 17 item 6)
 *
 * Shared by the command line (--receipts and --purchases with --output=FILE.pdf) and the
 * window (the export buttons of the receipts register and of Achats): the store's entries
 * turned into FacturesRegisterLine and handed to factures_register_pdf_render().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-store.h"
#include "factures-store-purchases.h"

G_BEGIN_DECLS

/**
 * factures_registers_receipts_pdf:
 * @store: the store
 * @year: the year
 * @out_n_pages: (out) (optional): the number of pages
 * @error: FACTURES_ERROR_DATABASE, FACTURES_ERROR_FORMAT
 *
 * The livre des recettes of @year (factures_store_list_receipts()) as an A4 PDF with the
 * profile's identity in the header, printed today (factures_today()).
 *
 * Returns: (transfer full): the PDF, NULL on error
 */
GBytes *factures_registers_receipts_pdf  (FacturesStore  *store,
                                          guint           year,
                                          guint          *out_n_pages,
                                          GError        **error);

/* The same for the registre des achats (factures_store_list_purchase_register()). */
GBytes *factures_registers_purchases_pdf (FacturesStore  *store,
                                          guint           year,
                                          guint          *out_n_pages,
                                          GError        **error);

/* The amount of a register entry as printed: "1 234,56 €", or BT-112 and its currency for a
 * file not in EUR. (transfer full) */
char   *factures_purchase_entry_amount_text (const FacturesPurchaseEntry *entry);
/* The nature as printed; a cancellation says so with its reason (French). (transfer full) */
char   *factures_purchase_entry_nature_text (const FacturesPurchaseEntry *entry);

G_END_DECLS
