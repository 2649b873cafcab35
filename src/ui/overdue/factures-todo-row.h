/* factures-todo-row.h — a row of the To-Do queue: title, detail, primary action and the
 * menu of other actions on the invoice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-todo-item.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_TODO_ROW (factures_todo_row_get_type ())
G_DECLARE_FINAL_TYPE (FacturesTodoRow, factures_todo_row, FACTURES, TODO_ROW, GtkWidget)

GtkWidget        *factures_todo_row_new      (void);
/* Shows @item (NULL: unbinds). The primary button activates the item's action with its
 * target; the menu's items activate "overdue.<command>" with the item's document id. */
void              factures_todo_row_set_item (FacturesTodoRow  *self,
                                              FacturesTodoItem *item);
FacturesTodoItem *factures_todo_row_get_item (FacturesTodoRow  *self);
/* The primary button (the page gives the first row of the queue the suggested style). */
GtkWidget        *factures_todo_row_get_primary (FacturesTodoRow *self);
/* The secondary button (« Marquer comme fait »). */
GtkWidget        *factures_todo_row_get_secondary (FacturesTodoRow *self);

G_END_DECLS
