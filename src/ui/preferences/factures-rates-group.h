/* factures-rates-group.h — the late-penalty rate table (DESIGN.md §5, LEGAL.md §3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_RATES_GROUP (factures_rates_group_get_type ())
G_DECLARE_FINAL_TYPE (FacturesRatesGroup, factures_rates_group, FACTURES, RATES_GROUP, AdwPreferencesGroup)

/* One FacturesRateRow per half-year, newest first; applied on change: a half-year is
 * saved when a rate is entered (Enter, the focus leaving it); a wrong rate is said
 * under the table and not saved. */
GtkWidget *factures_rates_group_new   (FacturesStore      *store);
/* Before the window closes: saves the half-years typed in and not yet saved (the focus
 * still in a rate). FALSE when one cannot be saved: its message is under the table. */
gboolean   factures_rates_group_flush (FacturesRatesGroup *self);

G_END_DECLS
