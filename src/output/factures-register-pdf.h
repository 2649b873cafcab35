/* factures-register-pdf.h — the livre des recettes and the registre des achats as printable
 * A4 PDFs for the accountant (issue 17 item 6; LEGAL-2.md §4, LEGAL.md §6)
 *
 * Same page, fonts and cairo/pango code as the invoices (factures-pdf.h, factures-fonts.h).
 * Every page has the seller's identity and the register's title in its header, the total
 * carried from the previous page (« Report »), its entries, the page's total and the total to
 * carry to the next page (« À reporter »; « Total de l'année » on the last page), cash told
 * apart in its own column (« dont espèces »), and « Page n / N ». Always French: the registers
 * are French legal records.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "factures-document.h"

G_BEGIN_DECLS

typedef enum {
  FACTURES_REGISTER_RECEIPTS,   /* livre des recettes: cash-in date, invoices, client */
  FACTURES_REGISTER_PURCHASES,  /* registre des achats: date, supplier's reference, supplier */
} FacturesRegisterKind;

/**
 * FacturesRegisterLine:
 * @date: the entry's date
 * @reference: (nullable): the invoices paid, or the supplier's invoice number
 * @party: (nullable): the client, or the supplier
 * @nature: (nullable): what was sold or bought (French)
 * @method: (nullable): the payment method in French ("virement", "espèces"…)
 * @amount: cents (negative for a cancellation)
 * @amount_text: (nullable): printed instead of @amount when the entry is not in EUR; such an
 *   entry is left out of the totals
 * @cash: TRUE when paid in cash: @amount is also in the « dont espèces » column and total
 *
 * One entry of a register as printed (strings owned by the caller).
 */
typedef struct {
  GDate        date;
  const char  *reference;
  const char  *party;
  const char  *nature;
  const char  *method;
  gint64       amount;
  const char  *amount_text;
  gboolean     cash;
} FacturesRegisterLine;

/**
 * factures_register_pdf_render:
 * @kind: which register
 * @year: the year it covers (in the title)
 * @seller: (nullable): the profile (name, address, SIRET in the header of every page)
 * @lines: (element-type FacturesRegisterLine): the entries, in the register's order
 * @printed_on: the day printed (« Édité le »)
 * @out_n_pages: (out) (optional): the number of pages
 * @error: FACTURES_ERROR_FORMAT when cairo cannot write the PDF
 *
 * The register as an A4 PDF, paginated with the totals carried forward (see above). An empty
 * register is one page saying so, with a total of 0.
 *
 * Returns: (transfer full): the PDF bytes, NULL on error
 */
GBytes *factures_register_pdf_render (FacturesRegisterKind   kind,
                                      guint                  year,
                                      const FacturesProfile *seller,
                                      const GArray          *lines,
                                      const GDate           *printed_on,
                                      guint                 *out_n_pages,
                                      GError               **error);

G_END_DECLS
