/* factures-register-window.h — the livre des recettes window (LEGAL.md §6, DESIGN.md §1)
 *
 * One year of receipts, grouped by month with each month's total, the quarter and year totals
 * to declare to URSSAF (cash received), cash entries marked, an empty state, "Export CSV…" and
 * "Export PDF…".
 * Kept current on the store's "changed" signal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_REGISTER_WINDOW (factures_register_window_get_type ())
G_DECLARE_FINAL_TYPE (FacturesRegisterWindow, factures_register_window, FACTURES, REGISTER_WINDOW, AdwWindow)

/* A new register window over @parent (nullable) showing the current year (factures_today()). */
GtkWindow *factures_register_window_new      (GtkWindow              *parent,
                                              FacturesStore          *store);
/* Shows year @year (e.g. 2026). */
void       factures_register_window_set_year (FacturesRegisterWindow *self,
                                              guint                   year);
guint      factures_register_window_get_year (FacturesRegisterWindow *self);
/* Writes the year's register as CSV to @file (what "Export CSV…" does after its chooser). */
gboolean   factures_register_window_export   (FacturesRegisterWindow *self,
                                              GFile                  *file,
                                              GError                **error);

/* Writes the year's register as a printable PDF to @file (what "Export PDF…" does after its
 * chooser; factures_registers_receipts_pdf()). */
gboolean   factures_register_window_export_pdf (FacturesRegisterWindow *self,
                                                GFile                  *file,
                                                GError                **error);

/* Installs "app.receipts" (main menu: opens the window over the active window). */
void       factures_register_install_actions (GtkApplication         *application,
                                              FacturesStore          *store);

G_END_DECLS
