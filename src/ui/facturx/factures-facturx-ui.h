/* factures-facturx-ui.h — the "Check" action and the invoice import of issue 6
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include "factures-store.h"

G_BEGIN_DECLS

/* Shows the Factur-X check of the issued document @document_id (its stored original):
 * XSD of its profile, PDF/A-3 structure, figures, in a dialog over @parent. */
void factures_facturx_ui_check_document (GtkWindow     *parent,
                                         FacturesStore *store,
                                         gint64         document_id);

/* "Import an Invoice…": a file chooser for a Factur-X PDF or CII XML, its check, then
 * "Keep as History" or "Re-invoice as Draft" (refused with the reason when it cannot be). */
void factures_facturx_ui_import         (GtkWindow     *parent,
                                         FacturesStore *store);

/* The same for a file already chosen (what the file chooser calls; tests). */
void factures_facturx_ui_import_file    (GtkWindow     *parent,
                                         FacturesStore *store,
                                         GFile         *file);

/* The purchases: a window listing the received invoices imported as history (figures as
 * written; those that do not add up say so). */
void factures_facturx_ui_purchases      (GtkWindow     *parent,
                                         FacturesStore *store);

/* The details of the imported invoice @id (seller, number, dates, totals as the file wrote
 * them, figures that do not add up) with "Export the Original…" (the file byte for byte),
 * in a dialog over @parent. Used by the purchases window and the client's imported sales. */
void factures_facturx_ui_show_imported  (GtkWindow     *parent,
                                         FacturesStore *store,
                                         gint64         id);

/* Writes the original file of the imported invoice @id to @file, byte for byte
 * (what "Export the Original…" does once the file is chosen). */
gboolean factures_facturx_ui_export_imported_to (FacturesStore  *store,
                                                 gint64          id,
                                                 GFile          *file,
                                                 GError        **error);

/* Installs the application actions "app.import-invoice" and "app.purchases" (main menu). */
void factures_facturx_ui_install_actions (GtkApplication *application,
                                          FacturesStore  *store);

G_END_DECLS
