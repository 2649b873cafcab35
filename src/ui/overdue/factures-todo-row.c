/* factures-todo-row.c — a row of the To-Do queue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-todo-menu.h"
#include "factures-todo-row.h"

struct _FacturesTodoRow
{
  GtkWidget         parent_instance;

  FacturesTodoItem *item;
  gulong            notify_id;

  GtkWidget        *box;
  GtkLabel         *title;
  GtkLabel         *detail;
  GtkButton        *primary;
  GtkButton        *secondary;
  GtkWidget        *more;
  gint64            document_id;   /* the invoice of the menu's buttons */
};

G_DEFINE_FINAL_TYPE (FacturesTodoRow, factures_todo_row, GTK_TYPE_WIDGET)

static void
update_detail (FacturesTodoRow *self)
{
  const char *detail = self->item != NULL ? factures_todo_item_get_detail (self->item) : NULL;

  gtk_label_set_text (self->detail, detail != NULL ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->detail), detail != NULL && *detail != '\0');
  gtk_widget_set_tooltip_text (GTK_WIDGET (self),
                               self->item != NULL ? factures_todo_item_get_tooltip (self->item) : NULL);
}

/* Issue 12: the menu's popover (five buttons) made when it is first opened, not with each
 * row before the first frame. */
static void
create_menu (GtkMenuButton *button,
             gpointer       user_data)
{
  FacturesTodoRow *self = user_data;

  gtk_menu_button_set_popover (button, factures_todo_menu_new (self->document_id));
}

/* Every button of the menu runs "overdue.<command>" on the row's invoice. */
static void
set_menu_target (FacturesTodoRow *self,
                 gint64           document_id)
{
  GtkPopover *menu = gtk_menu_button_get_popover (GTK_MENU_BUTTON (self->more));

  self->document_id = document_id;
  if (menu != NULL)
    factures_todo_menu_set_target (FACTURES_TODO_MENU (menu), document_id);
}

void
factures_todo_row_set_item (FacturesTodoRow  *self,
                            FacturesTodoItem *item)
{
  g_return_if_fail (FACTURES_IS_TODO_ROW (self));

  if (self->item == item)
    return;
  if (self->item != NULL)
    g_clear_signal_handler (&self->notify_id, self->item);
  g_set_object (&self->item, item);
  if (item == NULL)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->primary), NULL);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->secondary), NULL);
      return;
    }

  gtk_label_set_text (self->title, factures_todo_item_get_title (item));
  gtk_button_set_label (self->primary, factures_todo_item_get_action_label (item));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->primary),
                                          factures_todo_item_get_action_target (item));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->primary), factures_todo_item_get_action_name (item));
  gtk_widget_set_visible (GTK_WIDGET (self->primary), factures_todo_item_get_action_name (item) != NULL);
  /* a deadline's « Marquer comme fait » */
  if (factures_todo_item_get_secondary_name (item) != NULL)
    {
      gtk_button_set_label (self->secondary, factures_todo_item_get_secondary_label (item));
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->secondary),
                                              factures_todo_item_get_secondary_target (item));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->secondary), factures_todo_item_get_secondary_name (item));
      gtk_widget_set_visible (GTK_WIDGET (self->secondary), TRUE);
    }
  else
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->secondary), NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->secondary), FALSE);
    }

  if (factures_todo_item_get_document_id (item) != 0)
    {
      /* Translators: accessible name of a menu button, %s is an invoice number */
      g_autofree char *name = g_strdup_printf (_("More Actions for %s"), factures_todo_item_get_number (item));

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->more), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      set_menu_target (self, factures_todo_item_get_document_id (item));
      gtk_widget_set_visible (self->more, TRUE);
    }
  else
    gtk_widget_set_visible (self->more, FALSE);

  self->notify_id = g_signal_connect_swapped (item, "notify", G_CALLBACK (update_detail), self);
  update_detail (self);
}

FacturesTodoItem *
factures_todo_row_get_item (FacturesTodoRow *self)
{
  g_return_val_if_fail (FACTURES_IS_TODO_ROW (self), NULL);
  return self->item;
}

GtkWidget *
factures_todo_row_get_primary (FacturesTodoRow *self)
{
  g_return_val_if_fail (FACTURES_IS_TODO_ROW (self), NULL);
  return GTK_WIDGET (self->primary);
}

/**
 * factures_todo_row_get_secondary:
 *
 * Returns: (transfer none): the secondary button (« Marquer comme fait » on a deadline),
 *   hidden when the item has none
 */
GtkWidget *
factures_todo_row_get_secondary (FacturesTodoRow *self)
{
  g_return_val_if_fail (FACTURES_IS_TODO_ROW (self), NULL);
  return GTK_WIDGET (self->secondary);
}

static void
factures_todo_row_dispose (GObject *object)
{
  FacturesTodoRow *self = FACTURES_TODO_ROW (object);

  if (self->item != NULL)
    g_clear_signal_handler (&self->notify_id, self->item);
  g_clear_object (&self->item);
  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_TODO_ROW);

  G_OBJECT_CLASS (factures_todo_row_parent_class)->dispose (object);
}

static void
factures_todo_row_class_init (FacturesTodoRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = factures_todo_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Factures/ui/overdue/factures-todo-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesTodoRow, box);
  gtk_widget_class_bind_template_child (widget_class, FacturesTodoRow, title);
  gtk_widget_class_bind_template_child (widget_class, FacturesTodoRow, detail);
  gtk_widget_class_bind_template_child (widget_class, FacturesTodoRow, primary);
  gtk_widget_class_bind_template_child (widget_class, FacturesTodoRow, secondary);
  gtk_widget_class_bind_template_child (widget_class, FacturesTodoRow, more);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
factures_todo_row_init (FacturesTodoRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->more), create_menu, self, NULL);
}

GtkWidget *
factures_todo_row_new (void)
{
  return g_object_new (FACTURES_TYPE_TODO_ROW, NULL);
}
