/* factures-store-des.h — the documents of a month's déclaration européenne de services
 * (issue 13 item 6; the rule is in src/core/factures-des.h: art. 289 B CGI)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-des.h"
#include "factures-store.h"

G_BEGIN_DECLS

/**
 * factures_store_des_month:
 * @self: the store
 * @year: the year
 * @month: the month, 1–12
 * @error: FACTURES_ERROR_DATABASE, or FACTURES_ERROR_OVERFLOW from the totals
 *
 * The lines of the DES of @month: every issued invoice, deposit invoice and credit note with a
 * reverse-charged line (category AE) whose date for the DES (factures_des_operation_date():
 * the date of the operation, else the issue date; a credit note's issue date) falls in the
 * month, summed per client VAT number (factures_des_add()), a final invoice less the AE
 * deposits it deducts.
 *
 * Returns: (transfer full) (element-type FacturesDesEntry): the lines sorted by VAT number,
 *   empty when the month has none, or NULL on error
 */
GPtrArray *factures_store_des_month (FacturesStore  *self,
                                     guint           year,
                                     guint           month,
                                     GError        **error);

/**
 * factures_store_des_months:
 * @self: the store
 * @months: (element-type utf8): where to add "YYYY-MM" (owned) for each month that has a
 *   document for the DES by the same date rule as factures_store_des_month(), in order
 * @error: FACTURES_ERROR_DATABASE
 *
 * The months that need a DES, for the tax calendar.
 */
gboolean   factures_store_des_months (FacturesStore  *self,
                                      GPtrArray      *months,
                                      GError        **error);

G_END_DECLS
