/* factures-document-print.h — printing and PDF export of a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include "factures-store.h"

G_BEGIN_DECLS

/* The GtkPrintOperation of one document (what it draws from lives in its instance);
 * made and run by factures_document_print_run(). */
#define FACTURES_TYPE_DOCUMENT_PRINT (factures_document_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (FacturesDocumentPrint, factures_document_print_operation, FACTURES,
                      DOCUMENT_PRINT, GtkPrintOperation)

/* The PDF bytes that stand for @document: the stored original of an issued
 * document, a "Brouillon" rendering of a draft (FACTURES_PDF_FLAG_DRAFT). */
GBytes   *factures_document_pdf_bytes (FacturesStore          *store,
                                       const FacturesDocument *document,
                                       GError                **error);

/* Runs a GtkPrintOperation with the print dialog. A draft is drawn by the same
 * cairo code as the PDF (factures_pdf_layout_draw_page), scaled to the printable
 * area; an issued document prints its stored original, rendered by poppler.
 * Returns FALSE with an error when the document cannot be laid out or printing fails. */
gboolean  factures_document_print     (GtkWindow              *parent,
                                       FacturesStore          *store,
                                       const FacturesDocument *document,
                                       GError                **error);

/* The same with a chosen @action; GTK_PRINT_OPERATION_ACTION_EXPORT writes
 * @export_filename (a PDF) without a dialog (tests). */
gboolean  factures_document_print_run (GtkWindow               *parent,
                                       FacturesStore           *store,
                                       const FacturesDocument  *document,
                                       GtkPrintOperationAction  action,
                                       const char              *export_filename,
                                       GError                 **error);

G_END_DECLS
