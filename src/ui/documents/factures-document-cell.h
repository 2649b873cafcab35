/* factures-document-cell.h — one cell of the documents list (issue 11)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include "factures-document-status.h"

G_BEGIN_DECLS

typedef enum {
  FACTURES_DOCUMENT_COLUMN_NUMBER,
  FACTURES_DOCUMENT_COLUMN_KIND,
  FACTURES_DOCUMENT_COLUMN_CLIENT,
  FACTURES_DOCUMENT_COLUMN_ISSUE_DATE,
  FACTURES_DOCUMENT_COLUMN_DUE_DATE,
  FACTURES_DOCUMENT_COLUMN_TOTAL,
  FACTURES_DOCUMENT_COLUMN_LEFT,      /* what an issued invoice still waits for */
  FACTURES_DOCUMENT_COLUMN_STATUS,
  FACTURES_N_DOCUMENT_COLUMNS
} FacturesDocumentColumn;

#define FACTURES_TYPE_DOCUMENT_CELL (factures_document_cell_get_type ())
G_DECLARE_FINAL_TYPE (FacturesDocumentCell, factures_document_cell, FACTURES, DOCUMENT_CELL, GtkWidget)

/* A cell of @column: amounts right-aligned in tabular figures, texts ellipsized. */
GtkWidget *factures_document_cell_new  (FacturesDocumentColumn  column);
/* Shows @row in the cell: its text, and for the number and status its style (dimmed
 * draft, red overdue, amber partly paid or disputed, green paid, dimmed cancelled). */
void       factures_document_cell_bind (FacturesDocumentCell        *self,
                                        FacturesDocumentRow         *row,
                                        const FacturesDocumentFacts *facts);

G_END_DECLS
