/* factures-document-line-row.h — one line of an issued document, as it was issued
 *
 * Its whole description (wrapped, never cut, selectable), then "quantity unit × unit
 * price" dimmed and the line's net amount.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include "factures-document.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_DOCUMENT_LINE_ROW (factures_document_line_row_get_type ())
G_DECLARE_FINAL_TYPE (FacturesDocumentLineRow, factures_document_line_row, FACTURES, DOCUMENT_LINE_ROW,
                      GtkListBoxRow)

/* @line, its net amount @net (cents, from factures_totals_compute()).
 * Returns: (transfer floating): the row. */
/* The same with the amounts in @currency (NULL: euros; issue 13 item 4). */
GtkWidget *factures_document_line_row_new_in (const FacturesLine *line,
                                              gint64              net,
                                              const char         *currency);
GtkWidget *factures_document_line_row_new (const FacturesLine *line,
                                           gint64              net);

G_END_DECLS
