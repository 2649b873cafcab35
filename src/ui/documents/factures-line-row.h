/* factures-line-row.h — the editor of one invoice line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include "factures-document.h"

G_BEGIN_DECLS

/* Longest line description accepted, in characters. */
#define FACTURES_LINE_DESCRIPTION_MAX 4000
/* Longest unit ("h", "jour", "forfait"), in characters. */
#define FACTURES_LINE_UNIT_MAX 20

#define FACTURES_TYPE_LINE_ROW (factures_line_row_get_type ())
G_DECLARE_FINAL_TYPE (FacturesLineRow, factures_line_row, FACTURES, LINE_ROW, GtkBox)

/* @line: (nullable): initial values (NULL: quantity 1, everything else empty).
 * @vat_rates: show the VAT rate choice (VAT-registered seller).
 * @zero_quantity_allowed: FALSE on invoices (a quantity of 0 is refused). */
FacturesLineRow *factures_line_row_new          (const FacturesLine *line,
                                                 gboolean            vat_rates,
                                                 gboolean            zero_quantity_allowed);
/* The seller and client the line's VAT treatment depends on (issue 13): shows the activity
 * and the proposed treatment; both kept by the caller (NULL: no proposal, the rates of
 * @vat_rates only). */
void             factures_line_row_set_parties  (FacturesLineRow       *self,
                                                 const FacturesProfile *seller,
                                                 const FacturesClient  *buyer);
/* Replaces the text of the fields, as if typed (NULL leaves a field alone). */
void             factures_line_row_set_texts    (FacturesLineRow    *self,
                                                 const char         *description,
                                                 const char         *quantity,
                                                 const char         *unit,
                                                 const char         *unit_price);
/* Numbers the row (1-based) for its accessible names ("Quantity, line 2"). */
void             factures_line_row_set_number   (FacturesLineRow    *self,
                                                 guint               number);
/* Checks every field. Returns a new line, or NULL with FACTURES_ERROR_INVALID
 * naming the first wrong field; @reveal shows every message, even of untouched fields. */
FacturesLine    *factures_line_row_get_line     (FacturesLineRow    *self,
                                                 gboolean            reveal,
                                                 GError            **error);
/* Adds to @messages (element-type utf8, owned) every message the row shows now, one per
 * wrong field, each naming its field and line. */
void             factures_line_row_collect_messages (FacturesLineRow *self,
                                                     GPtrArray       *messages);
/* TRUE while nothing but the default quantity was entered: such a line is left
 * out of the document instead of being refused. */
gboolean         factures_line_row_is_blank     (FacturesLineRow    *self);
/* Hides every message and error style (a blank line is not wrong). */
void             factures_line_row_clear_messages (FacturesLineRow  *self);
/* Shows the line's net amount (cents), or nothing when @valid is FALSE. */
void             factures_line_row_set_net      (FacturesLineRow    *self,
                                                 gint64              cents,
                                                 gboolean            valid);
/* The same in @currency (NULL: euros; issue 13 item 4). */
void             factures_line_row_set_net_in   (FacturesLineRow    *self,
                                                 gint64              cents,
                                                 gboolean            valid,
                                                 const char         *currency);
/* The unit price's and discount's captions in @currency (NULL: euros; issue 13 item 4). */
void             factures_line_row_set_currency (FacturesLineRow    *self,
                                                 const char         *currency);
void             factures_line_row_set_editable (FacturesLineRow    *self,
                                                 gboolean            editable);
GtkWidget       *factures_line_row_get_description_view (FacturesLineRow *self);

G_END_DECLS
