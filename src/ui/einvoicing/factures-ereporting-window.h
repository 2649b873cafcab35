/* factures-ereporting-window.h — the e-reporting of a period, seen before it goes (issue 15 item 2)
 *
 * A modal window reached from Preferences → E-invoicing: the period (from September 2027; the
 * periodicity, two months by default for the franchise en base, can be changed and is saved),
 * its due date, then every figure of the report in French — the invoices to businesses abroad
 * (10.1) and their payments (10.2), the sales to private persons per day, currency and category
 * (10.3) and their payments per day (10.4) — and what was already made and sent for it.
 * Actions (group "ereporting"): send (each block to the plateforme agréée through the Flow
 * Service in a worker thread; the whole report is also written to the e-reporting folder, and
 * the window says so, the FRR route being to confirm) and save (« Enregistrer le fichier… », a
 * GtkFileChooserNative). What is made and sent is recorded (migration 0021).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_EREPORTING_WINDOW (factures_ereporting_window_get_type ())
G_DECLARE_FINAL_TYPE (FacturesEreportingWindow, factures_ereporting_window, FACTURES, EREPORTING_WINDOW, AdwWindow)

/* The window on the latest period that has begun (the first one, September–October 2027, before
 * it), transient for @parent (may be NULL). */
GtkWidget *factures_ereporting_window_new (FacturesStore *store,
                                           GtkWindow     *parent);

/* Shows the period that begins on @start (a period of the saved periodicity, listed in the
 * window); FALSE when it is not listed. For the tests. */
gboolean   factures_ereporting_window_select_period (FacturesEreportingWindow *self,
                                                     const GDate              *start);

G_END_DECLS
