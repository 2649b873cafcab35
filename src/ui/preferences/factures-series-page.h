/* factures-series-page.h — Preferences page: number series and quote options (issue 3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

/**
 * factures_series_page_new:
 * @store: the open database
 *
 * An AdwPreferencesPage "Numbering": per series (invoices and deposit invoices,
 * quotes, credit notes) its pattern, next counter and yearly reset, with a live
 * preview of the next number and the reason when a change is refused (a number
 * would repeat, exceed 35 characters or hold a space); and the building-trade
 * option of quotes.
 *
 * Returns: (transfer floating): the page
 */
GtkWidget *factures_series_page_new (FacturesStore *store);

G_END_DECLS
