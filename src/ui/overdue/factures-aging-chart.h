/* factures-aging-chart.h — the aging of receivables as a bar chart (cairo)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FACTURES_AGING_CHART_N_BUCKETS 5

#define FACTURES_TYPE_AGING_CHART (factures_aging_chart_get_type ())
G_DECLARE_FINAL_TYPE (FacturesAgingChart, factures_aging_chart, FACTURES, AGING_CHART, GtkDrawingArea)

/**
 * factures_aging_chart_new:
 *
 * A bar per bucket: not yet due, 1–30, 31–60, 61–90 and over 90 days late,
 * labelled with its amount (French money format) and its number of invoices,
 * drawn with cairo in a GtkDrawingArea. Its accessible role is "img"; its
 * accessible description lists every bucket with its figures.
 *
 * Returns: (transfer floating): the chart
 */
GtkWidget *factures_aging_chart_new (void);

/* @amounts: cents per bucket; @counts: invoices per bucket (FACTURES_AGING_CHART_N_BUCKETS each). */
void       factures_aging_chart_set (FacturesAgingChart *self,
                                     const gint64       *amounts,
                                     const guint        *counts);

/* The accessible description (for tests): "Pas encore échu : 1 234,00 € (2 factures); …". */
char      *factures_aging_chart_describe (FacturesAgingChart *self);

G_END_DECLS
