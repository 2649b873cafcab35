/* factures-series-group.h — one number series in Preferences → Numbering
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"
#include "factures-store-lifecycle.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_SERIES_GROUP (factures_series_group_get_type ())
G_DECLARE_FINAL_TYPE (FacturesSeriesGroup, factures_series_group, FACTURES, SERIES_GROUP, AdwPreferencesGroup)

/* The pattern, next counter and yearly restart of @series, with a live preview of the
 * next number (or the reason of a refusal). Applied on change: a valid pattern or
 * restart is saved when entered; a moved counter is saved once confirmed (issue 10:
 * it only sets where a series starts). */
GtkWidget *factures_series_group_new   (FacturesStore        *store,
                                        const FacturesSeries *series);
/* Checks the fields (showing the messages) and saves what needs no confirmation;
 * FALSE when a refused value is left. */
gboolean   factures_series_group_flush (FacturesSeriesGroup  *self);

G_END_DECLS
