/* factures-recurring-window.c — the list of recurring invoices
 *
 * The template (factures-recurring-window.ui) holds the group and its list; one
 * FacturesRecurringRow per template, whose button activates "recurring.stop".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-recurring-row.h"
#include "factures-recurring-window.h"
#include "factures-store-recurring.h"

struct _FacturesRecurringWindow
{
  AdwWindow      parent_instance;

  FacturesStore *store;
  gulong         changed_id;

  GtkWidget     *list;
  GtkWidget     *empty;
};

G_DEFINE_FINAL_TYPE (FacturesRecurringWindow, factures_recurring_window, ADW_TYPE_WINDOW)

static void
fill_templates (FacturesRecurringWindow *self)
{
  g_autoptr (GPtrArray) templates = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);

  templates = factures_store_list_recurring (self->store, &error);
  if (templates == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->empty), error->message);
      gtk_widget_set_visible (self->empty, TRUE);
      return;
    }
  for (guint i = 0; i < templates->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->list), factures_recurring_row_new (g_ptr_array_index (templates, i)));
  gtk_label_set_text (GTK_LABEL (self->empty),
                      _("No recurring invoice. Open an invoice and choose “Make Recurring…”."));
  gtk_widget_set_visible (self->empty, templates->len == 0);
  gtk_widget_set_visible (self->list, templates->len > 0);
}

static void
stop_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FacturesRecurringWindow *self = FACTURES_RECURRING_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  if (!factures_store_delete_recurring (self->store, g_variant_get_int64 (parameter), &error))
    g_warning ("%s", error->message);
}

static void
factures_recurring_window_dispose (GObject *object)
{
  FacturesRecurringWindow *self = FACTURES_RECURRING_WINDOW (object);

  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (factures_recurring_window_parent_class)->dispose (object);
}

static void
factures_recurring_window_class_init (FacturesRecurringWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = factures_recurring_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/recurring/factures-recurring-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesRecurringWindow, list);
  gtk_widget_class_bind_template_child (widget_class, FacturesRecurringWindow, empty);

  gtk_widget_class_install_action (widget_class, "recurring.stop", "x", stop_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
factures_recurring_window_init (FacturesRecurringWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * factures_recurring_window_new:
 * (see factures-recurring-window.h)
 */
FacturesRecurringWindow *
factures_recurring_window_new (GtkWindow     *parent,
                               FacturesStore *store)
{
  FacturesRecurringWindow *self;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  self = g_object_new (FACTURES_TYPE_RECURRING_WINDOW, "transient-for", parent, NULL);
  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  self->store = g_object_ref (store);
  self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (fill_templates), self);
  fill_templates (self);
  return self;
}
