/* factures-recurring-window.h — the list of recurring invoices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_RECURRING_WINDOW (factures_recurring_window_get_type ())
G_DECLARE_FINAL_TYPE (FacturesRecurringWindow, factures_recurring_window, FACTURES, RECURRING_WINDOW, AdwWindow)

/* A window over @parent (nullable) listing the templates, kept current on the store's
 * "changed"; not yet presented. */
FacturesRecurringWindow *factures_recurring_window_new (GtkWindow     *parent,
                                                        FacturesStore *store);

G_END_DECLS
