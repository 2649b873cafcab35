/* factures-editor-lines.h — the editor's "Lines" section: one FacturesLineRow per line,
 * "Add Line" (action editor.add-line) and the catalogue picker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-line-row.h"
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_EDITOR_LINES (factures_editor_lines_get_type ())
G_DECLARE_FINAL_TYPE (FacturesEditorLines, factures_editor_lines, FACTURES, EDITOR_LINES,
                      AdwPreferencesGroup)

/* Signal "changed" (no arguments): a line was edited, added or removed. */

/* Adds the catalogue picker over @store (once). */
void             factures_editor_lines_set_store    (FacturesEditorLines *self,
                                                     FacturesStore       *store);
/* How new rows are made: the VAT rate choice (VAT-registered seller), a quantity of 0
 * allowed (quotes). */
void             factures_editor_lines_configure    (FacturesEditorLines *self,
                                                     gboolean             vat_rates,
                                                     gboolean             zero_quantity_allowed);
/* The seller and client each line's VAT treatment is proposed from (issue 13); copied. */
void             factures_editor_lines_set_parties  (FacturesEditorLines   *self,
                                                     const FacturesProfile *seller,
                                                     const FacturesClient  *buyer);
/* Replaces the rows by one per line of @lines (element-type FacturesLine), as loaded. */
void             factures_editor_lines_load         (FacturesEditorLines *self,
                                                     GPtrArray           *lines);
/* Appends a row (@line NULL: an empty one). */
FacturesLineRow *factures_editor_lines_add          (FacturesEditorLines *self,
                                                     const FacturesLine  *line);
/**
 * factures_editor_lines_collect:
 * @reveal: show the messages of untouched fields too
 * @valid_rows: (element-type FacturesLineRow): the rows of the returned lines, in order
 * @messages: (element-type utf8): every message shown is added
 * @n_rows: (out): rows that are not blank (an untouched new row is left out, not refused)
 *
 * Returns: (transfer full) (element-type FacturesLine): the lines that are right; FALSE in
 *   @error's place: the first error of a wrong line is set in @error (may be NULL)
 */
GPtrArray       *factures_editor_lines_collect      (FacturesEditorLines *self,
                                                     gboolean             reveal,
                                                     GPtrArray           *valid_rows,
                                                     GPtrArray           *messages,
                                                     guint               *n_rows,
                                                     GError             **error);
/* Each row's net (cents, from factures_document_compute_totals()); "—" for the others. */
/* Issue 13 item 4: the currency the nets are shown in (NULL: euros). */
void             factures_editor_lines_set_currency (FacturesEditorLines *self,
                                                     const char          *currency);
void             factures_editor_lines_show_nets    (FacturesEditorLines *self,
                                                     GPtrArray           *valid_rows,
                                                     GArray              *line_nets);
void             factures_editor_lines_set_editable (FacturesEditorLines *self,
                                                     gboolean             editable);

G_END_DECLS
