/* factures-recurring-row.h — one recurring invoice in the list of templates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-recurrence.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_RECURRING_ROW (factures_recurring_row_get_type ())
G_DECLARE_FINAL_TYPE (FacturesRecurringRow, factures_recurring_row, FACTURES, RECURRING_ROW, AdwActionRow)

/* The client, "period — amount — next date (until end) — mode", and a button stopping it
 * ("recurring.stop" with the template's id). */
GtkWidget *factures_recurring_row_new (const FacturesRecurring *recurring);

G_END_DECLS
