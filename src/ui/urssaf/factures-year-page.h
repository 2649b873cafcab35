/* factures-year-page.h — the « Année » view: the micro-entrepreneur's year (issue 17 items 2, 3
 * and 7)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_YEAR_PAGE (factures_year_page_get_type ())
G_DECLARE_FINAL_TYPE (FacturesYearPage, factures_year_page, FACTURES, YEAR_PAGE, AdwBin)

/**
 * factures_year_page_new:
 * @store: the store (a reference is kept)
 *
 * The view of the main window's stack named "year" (« Année »):
 *  - the URSSAF declaration of a period (the profile's periodicity; the last one ended is
 *    proposed), box by box in whole euros with a copy button each, the estimate of what will be
 *    paid with its "(à confirmer)" caveats, and « Marquer comme déclarée… » (asks the day, through
 *    factures_store_mark_declared()), then « Déclarée le … »;
 *  - a gauge per micro ceiling and VAT franchise threshold of the year (prorated in the
 *    creation year), the crossing day or the projected one, the alerts of the settings (80 % and
 *    95 % by default) and on the day, the caveat of what counts (LEGAL-2.md §2);
 *  - once a major VAT threshold was crossed while in franchise: what changes, the invoices
 *    issued since that day (each opens its document) and « Facturer la TVA à partir du… », which
 *    switches the profile's regime after the user confirms a date (never by itself; issued
 *    documents are never changed);
 *  - the charts (receipts per month against the year before, cumulative receipts against the
 *    limits) with their figures in « Voir les chiffres ».
 * Every figure comes from the store and core (factures_store_urssaf_declaration(),
 * factures_store_urssaf_year()). The view refreshes when the store says "changed" (at once
 * when shown, else when next shown).
 *
 * Returns: (transfer floating): the view
 */
GtkWidget *factures_year_page_new            (FacturesStore    *store);

/* Chooses the period @key ("2026-Q1", "2026-03") in the period chooser; FALSE when it is not
 * one of the periods offered. */
gboolean   factures_year_page_select_period  (FacturesYearPage *self,
                                              const char       *key);

G_END_DECLS
