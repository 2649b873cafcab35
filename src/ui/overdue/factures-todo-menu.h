/* factures-todo-menu.h — the menu of a dunning step's row in the To-Do queue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FACTURES_TYPE_TODO_MENU (factures_todo_menu_get_type ())
G_DECLARE_FINAL_TYPE (FacturesTodoMenu, factures_todo_menu, FACTURES, TODO_MENU, GtkPopover)

/* A popover whose buttons run "overdue.<command>" (record-payment, instalments, skip-step,
 * promise, dispute, waive) on the invoice @document_id; made when the row’s menu is first opened
 * (issue 12: not with each row before the first frame). (transfer floating) */
GtkWidget *factures_todo_menu_new        (gint64            document_id);
/* The invoice the buttons act on, changed when the row shows another step. */
void       factures_todo_menu_set_target (FacturesTodoMenu *self,
                                          gint64            document_id);

G_END_DECLS
