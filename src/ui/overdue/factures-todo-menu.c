/* factures-todo-menu.c — the menu of a dunning step's row in the To-Do queue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "factures-todo-menu.h"

struct _FacturesTodoMenu
{
  GtkPopover  parent_instance;

  GtkWidget  *menu_box;
};

G_DEFINE_FINAL_TYPE (FacturesTodoMenu, factures_todo_menu, GTK_TYPE_POPOVER)

static void
on_menu_clicked (GtkWidget        *button,
                 FacturesTodoMenu *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

/**
 * factures_todo_menu_set_target:
 * @document_id: the invoice of the row's dunning step
 *
 * Every button of the menu runs its "overdue.<command>" on @document_id.
 */
void
factures_todo_menu_set_target (FacturesTodoMenu *self,
                               gint64            document_id)
{
  g_return_if_fail (FACTURES_IS_TODO_MENU (self));

  for (GtkWidget *child = gtk_widget_get_first_child (self->menu_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_ACTIONABLE (child))
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (child), g_variant_new_int64 (document_id));
}

static void
factures_todo_menu_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), FACTURES_TYPE_TODO_MENU);

  G_OBJECT_CLASS (factures_todo_menu_parent_class)->dispose (object);
}

static void
factures_todo_menu_class_init (FacturesTodoMenuClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = factures_todo_menu_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Factures/ui/overdue/factures-todo-menu.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesTodoMenu, menu_box);
  gtk_widget_class_bind_template_callback (widget_class, on_menu_clicked);
}

static void
factures_todo_menu_init (FacturesTodoMenu *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * factures_todo_menu_new:
 * @document_id: the invoice the buttons act on
 *
 * Returns: (transfer floating): the menu of a dunning step's row
 */
GtkWidget *
factures_todo_menu_new (gint64 document_id)
{
  FacturesTodoMenu *self = g_object_new (FACTURES_TYPE_TODO_MENU, NULL);

  factures_todo_menu_set_target (self, document_id);
  return GTK_WIDGET (self);
}
