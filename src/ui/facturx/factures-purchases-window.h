/* factures-purchases-window.h — Achats: the registre des achats of a year (issue 17 item 5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_PURCHASES_WINDOW (factures_purchases_window_get_type ())
G_DECLARE_FINAL_TYPE (FacturesPurchasesWindow, factures_purchases_window, FACTURES, PURCHASES_WINDOW, AdwWindow)

/* The purchases register of this year (factures_today()), kept current on the store's
 * "changed"; an imported purchase's row shows the invoice (factures_facturx_ui_show_imported).
 * Not yet presented. */
GtkWidget *factures_purchases_window_new      (GtkWindow               *parent,
                                               FacturesStore           *store);
/* Shows year @year. */
void       factures_purchases_window_set_year (FacturesPurchasesWindow *self,
                                               guint                    year);
/* Writes the year's register to @file as a printable PDF (@pdf) or as CSV: what « Exporter en
 * PDF… » and « Exporter en CSV… » do after their chooser. */
gboolean   factures_purchases_window_export   (FacturesPurchasesWindow *self,
                                               GFile                   *file,
                                               gboolean                 pdf,
                                               GError                 **error);

G_END_DECLS
