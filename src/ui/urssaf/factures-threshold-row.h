/* factures-threshold-row.h — one ceiling or VAT threshold as a gauge (issue 17 item 3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "factures-store-urssaf-year.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_THRESHOLD_ROW (factures_threshold_row_get_type ())
G_DECLARE_FINAL_TYPE (FacturesThresholdRow, factures_threshold_row, FACTURES, THRESHOLD_ROW, GtkListBoxRow)

/**
 * factures_threshold_row_new:
 * @threshold: the ceiling or threshold of the year (from factures_store_urssaf_year())
 * @alert_low: the first alert, percent (the gauge turns to the warning colour above it)
 * @alert_high: the second (the error colour above it)
 *
 * The threshold's name and the share reached ("45,2 %"), a level bar (its accessible name is
 * the threshold's name: a screen reader reads the gauge's value), the amounts, the crossing day
 * or the projected one, the alert reached and "(à confirmer)" when the value is not confirmed.
 *
 * Returns: (transfer floating): the row
 */
GtkWidget  *factures_threshold_row_new         (const FacturesYearThreshold *threshold,
                                                guint                        alert_low,
                                                guint                        alert_high);

/* The share shown, "45,2 %" (for tests). */
const char *factures_threshold_row_get_percent (FacturesThresholdRow *self);
/* The gauge's value, 0 to 1 (for tests). */
double      factures_threshold_row_get_fraction (FacturesThresholdRow *self);

G_END_DECLS
