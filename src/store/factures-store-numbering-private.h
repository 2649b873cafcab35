/* factures-store-numbering-private.h — the numbering rules, called inside the transactions
 * of issuing (factures-store.c) and of the history import (factures-store-facturx.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-store-private.h"
#include "factures-store-numbering.h"

G_BEGIN_DECLS

/* A series by the name messages give it ("invoices and deposit invoices" for "invoice"). */
const char *factures_store_series_label (const char *name);

/* Issuing, before the number is formatted: the counter @series_name gives on @issue_date.
 * FACTURES_ERROR_DATE_ORDER when the start of a later year was already set (a yearly
 * restart): a document dated in an earlier year can no longer be numbered. */
gboolean factures_store_numbering_next        (FacturesStore  *self,
                                               const char     *series_name,
                                               const GDate    *issue_date,
                                               gint64         *out_counter,
                                               GError        **error);
/* Issuing, once numbered: FACTURES_ERROR_INVALID when @number is held by an own sale
 * imported as history (naming it, and what to do). */
gboolean factures_store_numbering_check_free  (FacturesStore  *self,
                                               const char     *number,
                                               GError        **error);
/* Issuing, once issued: the series moves past @counter, its last date is @issue_date. */
gboolean factures_store_numbering_advance     (FacturesStore  *self,
                                               const char     *series_name,
                                               gint64          counter,
                                               const GDate    *issue_date,
                                               GError        **error);
/* History import of an own sale (factures_store_check_import_history()), nothing written:
 * FACTURES_ERROR_INVALID when @number follows the pattern of a series but does not come
 * after the last number Factures issued in it. */
gboolean factures_store_numbering_check_import (FacturesStore *self,
                                                const char    *number,
                                                const GDate   *issue_date,
                                                GError       **error);
/* History import of an own sale, inside its transaction: the checks above, then every series
 * whose pattern gives @number at or past its counter continues after it (its counter moves
 * past it, its last date becomes @issue_date when later). */
gboolean factures_store_numbering_import_sale (FacturesStore  *self,
                                               const char     *number,
                                               const GDate    *issue_date,
                                               GError        **error);

G_END_DECLS
