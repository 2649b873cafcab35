/* factures-box-row.h — one box of the URSSAF declaration, with its copy button (issue 17 item 2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FACTURES_TYPE_BOX_ROW (factures_box_row_get_type ())
G_DECLARE_FINAL_TYPE (FacturesBoxRow, factures_box_row, FACTURES, BOX_ROW, AdwActionRow)

/**
 * factures_box_row_new:
 * @label: the box as the URSSAF form names it ("Prestations de services BNC")
 * @declared: the figure to type in the box, whole euros (never below 0)
 * @cash: the cash received in cents, before rounding (shown under the label)
 *
 * The row shows "1 235 €" and a button « Copier » that puts "1235" on the clipboard: the
 * URSSAF site takes whole euros, digits only, without spaces or currency sign.
 *
 * Returns: (transfer floating): the row
 */
GtkWidget  *factures_box_row_new        (const char *label,
                                         gint64      declared,
                                         gint64      cash);

/* What the copy button puts on the clipboard ("1235"). */
const char *factures_box_row_get_figure (FacturesBoxRow *self);

G_END_DECLS
