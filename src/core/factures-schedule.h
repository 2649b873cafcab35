/* factures-schedule.h — a payment schedule (échéancier) agreed before issuing (issue 6)
 *
 * The schedule of a document is a GArray of FacturesPlannedInstalment
 * (factures-document.h): dates strictly increasing, amounts in cents > 0.
 * It is printed in the payment conditions of the PDF and in the payment terms
 * text of the Factur-X XML (BT-20): EN 16931 has one due date (BT-9), which is
 * the date of the last instalment, the day everything is owed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-document.h"
#include "factures-penalties.h"

G_BEGIN_DECLS

/* TRUE when @document has a schedule of at least one instalment. */
gboolean  factures_document_has_schedule  (const FacturesDocument *document);

/* Sum of the amounts in cents (0 for NULL or empty). */
gint64    factures_schedule_total         (const GArray           *plan);

/* The last instalment's date into @out (BT-9); FALSE (and @out untouched) without a plan. */
gboolean  factures_schedule_due_date      (const GArray           *plan,
                                           GDate                  *out);

void      factures_schedule_legal_limit   (const GDate            *issue_date,
                                           FacturesEomMethod       method,
                                           GDate                  *out);

gboolean  factures_schedule_validate      (const GArray           *plan,
                                           const GDate            *issue_date,
                                           FacturesClientCategory  category,
                                           FacturesEomMethod       method,
                                           gint64                  amount_due,
                                           GError                **error);

/* "Paiement en 3 échéances" (always French, for the PDF and the XML). */
char     *factures_schedule_title_fr      (const GArray           *plan);
/* "300,00 € le 15/01/2027 ; 300,00 € le 15/02/2027 ; 390,00 € le 15/03/2027" */
char     *factures_schedule_list_fr       (const GArray           *plan);
/* Title " : " list: the BT-20 text. */
char     *factures_schedule_describe_fr   (const GArray           *plan);
/* Issue 13 item 4: the same two in the document's currency (@currency: ISO 4217 code, NULL or
 * "EUR": euros, then byte for byte the _fr texts): "300,00 GBP le 15/01/2027 ; …". */
char     *factures_schedule_list_in       (const GArray           *plan,
                                           const char             *currency);
char     *factures_schedule_describe_in   (const GArray           *plan,
                                           const char             *currency);

gboolean  factures_schedule_penalties      (const GArray           *plan,
                                           gint64                  settled,
                                           const GArray           *payments,
                                           FacturesClientCategory  category,
                                           gint                    fixed_rate_bp,
                                           const GDate            *notice_date,
                                           const GDate            *end_date,
                                           const GArray           *table,
                                           FacturesPenalties      *out,
                                           GError                **error);

G_END_DECLS
