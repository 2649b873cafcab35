/* factures-ubl-reader.h — reading an EN 16931 UBL 2.1 invoice or credit note (issue 14)
 *
 * The reform accepts three formats (Factur-X, CII, UBL): a supplier invoice received through
 * the plateforme agréée, or a file given to --import-facturx, may be UBL. It is read into the
 * same model as CII (factures-imported.h), figures kept as written, so the same checks
 * (figures, range, content, duplicates) apply.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "factures-imported.h"

G_BEGIN_DECLS

/* TRUE when @xml's root element is a UBL 2.1 Invoice or CreditNote (namespace
 * urn:oasis:names:specification:ubl:schema:xsd:Invoice-2 / CreditNote-2). */
gboolean          factures_ubl_is_ubl (GBytes  *xml);

/**
 * factures_ubl_read:
 * @xml: UBL 2.1 Invoice or CreditNote bytes (EN 16931 UBL syntax)
 * @error: FACTURES_ERROR_FORMAT (translated) when it is not well-formed, declares a DOCTYPE,
 *   is not a UBL invoice or credit note, or has no number (BT-1)
 *
 * Maps the EN 16931 UBL binding onto the CII model: cbc:ID (BT-1), cbc:InvoiceTypeCode or
 * cbc:CreditNoteTypeCode (BT-3), cbc:IssueDate (BT-2), cbc:DueDate or the payment means' due
 * date (BT-9), cbc:DocumentCurrencyCode (BT-5), the supplier and customer parties, the
 * lines (cac:InvoiceLine / cac:CreditNoteLine), the VAT breakdown (cac:TaxSubtotal), the
 * document allowances and charges and cac:LegalMonetaryTotal (BT-106 to BT-115). UBL dates
 * (YYYY-MM-DD) are kept as YYYYMMDD.
 *
 * Returns: (transfer full): the invoice with its figures as written
 */
FacturesImported *factures_ubl_read   (GBytes  *xml,
                                       GError **error);

G_END_DECLS
