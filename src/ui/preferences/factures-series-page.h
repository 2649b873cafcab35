/* factures-series-page.h — Preferences page: number series and quote options (issue 3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_SERIES_PAGE (factures_series_page_get_type ())
G_DECLARE_FINAL_TYPE (FacturesSeriesPage, factures_series_page, FACTURES, SERIES_PAGE, AdwPreferencesPage)

/**
 * factures_series_page_new:
 * @store: the open database
 *
 * An AdwPreferencesPage "Numbering": per series (invoices and deposit invoices,
 * quotes, credit notes) a FacturesSeriesGroup (pattern, next counter, yearly reset,
 * live preview of the next number or the reason of a refusal, applied on change,
 * a moved counter once confirmed); and the building-trade option of quotes.
 *
 * Returns: (transfer floating): the page
 */
GtkWidget *factures_series_page_new   (FacturesStore      *store);
/* Checks every series; FALSE when a refused or unconfirmed value is left. */
gboolean   factures_series_page_flush (FacturesSeriesPage *self);

G_END_DECLS
