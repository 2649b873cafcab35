/* factures-terms.h — payment terms and due dates (C. com. L441-10, LEGAL.md §3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-document.h"

G_BEGIN_DECLS

/* Due date of a document issued on @issue_date under @terms; @method only matters
 * for FACTURES_TERMS_END_OF_MONTH_45. */
void      factures_terms_due_date   (const FacturesPaymentTerms *terms,
                                     FacturesEomMethod           method,
                                     const GDate                *issue_date,
                                     GDate                      *out_due_date);

/* Refuses terms beyond the B2B maximum (60 days from issue, or 45 days end of month;
 * C. com. L441-10) for a professional buyer: FACTURES_ERROR_INVALID, French message. */
gboolean  factures_terms_validate   (const FacturesPaymentTerms *terms,
                                     FacturesClientCategory      category,
                                     GError                    **error);

/* "À réception", "30 jours", "45 jours fin de mois" (translated). */
char     *factures_terms_describe   (const FacturesPaymentTerms *terms);

/* "À réception", "30 jours", "45 jours fin de mois": always French, for the PDF. */
char     *factures_terms_describe_fr (const FacturesPaymentTerms *terms);

G_END_DECLS
