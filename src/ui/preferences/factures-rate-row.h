/* factures-rate-row.h — one half-year of the late-penalty rate table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-penalties.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_RATE_ROW (factures_rate_row_get_type ())
G_DECLARE_FINAL_TYPE (FacturesRateRow, factures_rate_row, FACTURES, RATE_ROW, GtkListBoxRow)

/* The ECB rate and the two legal rates of @period; "changed" when Enter is pressed in
 * one of them or the focus leaves it. */
GtkWidget *factures_rate_row_new        (const FacturesRatePeriod *period);
/* The period as typed (source kept; borrowed, valid while the row lives); FALSE with a
 * message naming the field when a rate cannot be read. */
gboolean   factures_rate_row_get_period (FacturesRateRow          *self,
                                         FacturesRatePeriod       *period,
                                         GError                  **error);
void       factures_rate_row_get_half   (FacturesRateRow          *self,
                                         gint                     *year,
                                         gint                     *half);
/* TRUE when a rate was typed since the row was shown or last saved (a value refused,
 * or half-typed, the focus still in it). */
gboolean   factures_rate_row_get_pending (FacturesRateRow         *self);
/* The rates shown are the ones saved. */
void       factures_rate_row_set_saved  (FacturesRateRow          *self);

G_END_DECLS
