/* factures-store-numbering.h — numbers that never repeat and never skip (issue 10)
 *
 * Every number of the business is unique: the documents issued with Factures and the own
 * sales imported as history (factures_store_import_history()). Numbers of a series follow
 * each other without gaps (CGI, annexe II, art. 242 nonies A, I-7°: "un numéro unique basé
 * sur une séquence chronologique et continue"; BOI-TVA-DECLA-30-20-20; LEGAL.md §1).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-store.h"

G_BEGIN_DECLS

/**
 * factures_store_check_series:
 * @self: the store
 * @error: FACTURES_ERROR_INTEGRITY naming the series (its pattern) and the number at
 *   fault; FACTURES_ERROR_DATABASE
 *
 * What factures_store_verify() checks of the numbering, read-only: each series' stored
 * counter against the highest number given in its period (the year for a series that
 * restarts each year), by Factures or by an own sale imported as history — a counter beyond
 * it would skip numbers, below it would repeat one —, the date of the series' last number
 * against its documents' issue dates, and that no number is both an issued document and an
 * imported own sale. Works on a database of any schema version (columns added by
 * 0009-numbering.sql are read only when present).
 *
 * Returns: TRUE when every series is consistent.
 */
gboolean  factures_store_check_series   (FacturesStore  *self,
                                         GError        **error);

/**
 * factures_store_numbering_note:
 * @self: the store
 * @number: the number of an own sale just imported as history
 *
 * After factures_store_import_history() of an own sale: whether that sale set where a
 * series continues (its number is the last of the series' current period).
 *
 * Returns: (transfer full) (nullable): "Numbering continues after F2026-0041.", or NULL
 *   when the sale left the numbering as it was.
 */
char     *factures_store_numbering_note (FacturesStore  *self,
                                         const char     *number);

G_END_DECLS
