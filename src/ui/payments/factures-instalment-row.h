/* factures-instalment-row.h — one instalment of the plan: due date, amount, remove
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FACTURES_TYPE_INSTALMENT_ROW (factures_instalment_row_get_type ())
G_DECLARE_FINAL_TYPE (FacturesInstalmentRow, factures_instalment_row, FACTURES, INSTALMENT_ROW, GtkListBoxRow)

/* Instalment number @position (its entries named "Due date, instalment 2"…), prefilled with
 * @date and @amount when valid / positive. "instalment.remove" emits "remove-requested". */
GtkWidget *factures_instalment_row_new              (guint        position,
                                                     const GDate *date,
                                                     gint64       amount);
GtkWidget *factures_instalment_row_get_date_entry   (FacturesInstalmentRow *self);
GtkWidget *factures_instalment_row_get_amount_entry (FacturesInstalmentRow *self);

G_END_DECLS
