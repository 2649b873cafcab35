/* factures-year-chart.h — the year's receipts as charts (cairo; issue 17 item 7)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "factures-store-urssaf-year.h"

G_BEGIN_DECLS

/**
 * FacturesYearChartKind:
 * @FACTURES_YEAR_CHART_MONTHLY: receipts per month, bars of the year beside the year before
 * @FACTURES_YEAR_CHART_CUMULATIVE: the cumulative receipts month by month, a line, against the
 *   horizontal lines of the ceilings and VAT thresholds that apply
 */
typedef enum {
  FACTURES_YEAR_CHART_MONTHLY,
  FACTURES_YEAR_CHART_CUMULATIVE,
} FacturesYearChartKind;

#define FACTURES_TYPE_YEAR_CHART (factures_year_chart_get_type ())
G_DECLARE_FINAL_TYPE (FacturesYearChart, factures_year_chart, FACTURES, YEAR_CHART, GtkDrawingArea)

/**
 * factures_year_chart_new:
 * @kind: which chart
 *
 * Drawn with cairo like the aging chart of the overdue view, in the colours of the theme (the
 * widget's foreground colour and the theme's accent, warning and error colours, so dark too).
 * Its accessible role is "img", its accessible label the chart's title and its accessible
 * description every figure it draws (factures_year_chart_describe()).
 *
 * Returns: (transfer floating): the chart
 */
GtkWidget *factures_year_chart_new      (FacturesYearChartKind  kind);

/* Shows @year (copied; NULL: empty). */
void       factures_year_chart_set_year (FacturesYearChart        *self,
                                         const FacturesUrssafYear *year);

/* The text equivalent, also the accessible description (French once translated):
 * "janvier : 1 234,00 € (2025 : 980,00 €) ; …". (transfer full) */
char      *factures_year_chart_describe (FacturesYearChart *self);

G_END_DECLS
