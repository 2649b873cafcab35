/* factures-catalogue-picker.c — pick a catalogue item into an invoice line
 *
 * The template (factures-catalogue-picker.ui) holds the menu button and its popover: a
 * search entry, one FacturesCataloguePickerRow per item (action "picker.pick" with the
 * item's id) and "Manage the Catalogue…" ("picker.manage").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-catalogue-picker.h"
#include "factures-catalogue-picker-row.h"
#include "factures-catalogue-window.h"
#include "factures-store-recurring.h"

struct _FacturesCataloguePicker
{
  GtkWidget      parent_instance;

  FacturesStore *store;
  GPtrArray     *items;   /* FacturesCatalogueItem*, shown in the list */

  GtkWidget     *button;
  GtkWidget     *popover;
  GtkWidget     *search;
  GtkWidget     *list;
  GtkWidget     *empty;
};

G_DEFINE_FINAL_TYPE (FacturesCataloguePicker, factures_catalogue_picker, GTK_TYPE_WIDGET)

enum {
  PICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
pick (FacturesCataloguePicker     *self,
      const FacturesCatalogueItem *item)
{
  gtk_popover_popdown (GTK_POPOVER (self->popover));
  g_signal_emit (self, signals[PICKED], 0, item);
}

static void
pick_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FacturesCataloguePicker *self = FACTURES_CATALOGUE_PICKER (widget);
  gint64 id = g_variant_get_int64 (parameter);

  for (guint i = 0; self->items != NULL && i < self->items->len; i++)
    {
      const FacturesCatalogueItem *item = g_ptr_array_index (self->items, i);

      if (item->id == id)
        {
          pick (self, item);
          return;
        }
    }
}

static void
fill_list (FacturesCataloguePicker *self)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_box_remove (GTK_BOX (self->list), child);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  self->items = factures_store_search_catalogue (self->store,
                                                 gtk_editable_get_text (GTK_EDITABLE (self->search)),
                                                 &error);
  if (self->items == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->empty), error->message);
      gtk_widget_set_visible (self->empty, TRUE);
      return;
    }

  for (guint i = 0; i < self->items->len && i < 100; i++)
    gtk_box_append (GTK_BOX (self->list), factures_catalogue_picker_row_new (g_ptr_array_index (self->items, i)));

  gtk_label_set_text (GTK_LABEL (self->empty),
                      *gtk_editable_get_text (GTK_EDITABLE (self->search)) != '\0'
                      ? _("No item matches.")
                      : _("The catalogue is empty: add products and services from the main menu, Catalogue."));
  gtk_widget_set_visible (self->empty, self->items->len == 0);
}

static void
search_changed_cb (FacturesCataloguePicker *self)
{
  fill_list (self);
}

static void
search_activate_cb (FacturesCataloguePicker *self)
{
  fill_list (self);
  if (self->items != NULL && self->items->len > 0)
    pick (self, g_ptr_array_index (self->items, 0));
}

static void
popover_show_cb (FacturesCataloguePicker *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  fill_list (self);
  gtk_widget_grab_focus (self->search);
}

static void
manage_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FacturesCataloguePicker *self = FACTURES_CATALOGUE_PICKER (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_popover_popdown (GTK_POPOVER (self->popover));
  factures_catalogue_window_open (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store);
}

static void
factures_catalogue_picker_dispose (GObject *object)
{
  FacturesCataloguePicker *self = FACTURES_CATALOGUE_PICKER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_CATALOGUE_PICKER);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (factures_catalogue_picker_parent_class)->dispose (object);
}

static void
factures_catalogue_picker_class_init (FacturesCataloguePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = factures_catalogue_picker_dispose;

  /**
   * FacturesCataloguePicker::picked:
   * @item: (type gpointer): the FacturesCatalogueItem picked
   */
  signals[PICKED] = g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/catalogue/factures-catalogue-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesCataloguePicker, button);
  gtk_widget_class_bind_template_child (widget_class, FacturesCataloguePicker, popover);
  gtk_widget_class_bind_template_child (widget_class, FacturesCataloguePicker, search);
  gtk_widget_class_bind_template_child (widget_class, FacturesCataloguePicker, list);
  gtk_widget_class_bind_template_child (widget_class, FacturesCataloguePicker, empty);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);

  gtk_widget_class_install_action (widget_class, "picker.pick", "x", pick_activated);
  gtk_widget_class_install_action (widget_class, "picker.manage", NULL, manage_activated);
}

static void
factures_catalogue_picker_init (FacturesCataloguePicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
factures_catalogue_picker_new (FacturesStore *store)
{
  FacturesCataloguePicker *self;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  self = g_object_new (FACTURES_TYPE_CATALOGUE_PICKER, NULL);
  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}
