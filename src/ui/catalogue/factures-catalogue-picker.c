/* factures-catalogue-picker.c — pick a catalogue item into an invoice line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-catalogue-picker.h"
#include "factures-catalogue-window.h"
#include "factures-store-recurring.h"

struct _FacturesCataloguePicker
{
  GtkWidget      parent_instance;

  FacturesStore *store;
  GtkWidget     *button;
  GtkWidget     *popover;
  GtkWidget     *search;
  GtkWidget     *list;
  GtkWidget     *empty;
  GPtrArray     *items;   /* FacturesCatalogueItem*, shown in the list */
};

G_DEFINE_FINAL_TYPE (FacturesCataloguePicker, factures_catalogue_picker, GTK_TYPE_WIDGET)

enum {
  PICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
item_clicked_cb (GtkButton               *button,
                 FacturesCataloguePicker *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));

  if (self->items == NULL || index >= self->items->len)
    return;
  gtk_popover_popdown (GTK_POPOVER (self->popover));
  g_signal_emit (self, signals[PICKED], 0, g_ptr_array_index (self->items, index));
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
    {
      const FacturesCatalogueItem *item = g_ptr_array_index (self->items, i);
      GtkWidget *button = gtk_button_new_with_label (item->name);
      GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));
      g_autofree char *price = factures_unit_price_format (item->unit_price);
      g_autofree char *tooltip = NULL;

      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (button, "flat");
      /* Translators: tooltip of a catalogue item: "45,00 € / h" */
      tooltip = g_strdup_printf (_("%s / %s"), price, item->unit ? item->unit : _("unit"));
      gtk_widget_set_tooltip_text (button, tooltip);
      g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (i));
      g_signal_connect (button, "clicked", G_CALLBACK (item_clicked_cb), self);
      gtk_box_append (GTK_BOX (self->list), button);
    }

  gtk_label_set_text (GTK_LABEL (self->empty),
                      *gtk_editable_get_text (GTK_EDITABLE (self->search)) != '\0'
                      ? _("No item matches.")
                      : _("The catalogue is empty: add products and services from the main menu, Catalogue."));
  gtk_widget_set_visible (self->empty, self->items->len == 0);
}

static void
search_activate_cb (FacturesCataloguePicker *self)
{
  fill_list (self);
  if (self->items != NULL && self->items->len > 0)
    {
      gtk_popover_popdown (GTK_POPOVER (self->popover));
      g_signal_emit (self, signals[PICKED], 0, g_ptr_array_index (self->items, 0));
    }
}

static void
popover_show_cb (FacturesCataloguePicker *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  fill_list (self);
  gtk_widget_grab_focus (self->search);
}

static void
manage_clicked_cb (FacturesCataloguePicker *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_popover_popdown (GTK_POPOVER (self->popover));
  factures_catalogue_window_open (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store);
}

static void
factures_catalogue_picker_dispose (GObject *object)
{
  FacturesCataloguePicker *self = FACTURES_CATALOGUE_PICKER (object);

  g_clear_pointer (&self->button, gtk_widget_unparent);
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
}

static void
factures_catalogue_picker_init (FacturesCataloguePicker *self)
{
  GtkWidget *box, *scrolled, *manage;

  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->button), _("From Catalogue"));
  /* GTK 4.8 names a menu button after its type for AT-SPI: give it its label. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("From Catalogue"), -1);
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->button, "flat");
  gtk_widget_set_tooltip_text (self->button, _("Add a line from a product or service of the catalogue"));
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->search = gtk_search_entry_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search the catalogue"), -1);
  g_object_set (self->search, "placeholder-text", _("Search the catalogue"), NULL);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (fill_list), self);
  g_signal_connect_swapped (self->search, "activate", G_CALLBACK (search_activate_cb), self);
  gtk_box_append (GTK_BOX (box), self->search);

  self->list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_widget_set_size_request (scrolled, 300, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->list);
  gtk_box_append (GTK_BOX (box), scrolled);

  self->empty = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->empty), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->empty), 36);
  gtk_widget_add_css_class (self->empty, "dim-label");
  gtk_box_append (GTK_BOX (box), self->empty);

  manage = gtk_button_new_with_label (_("Manage the Catalogue…"));
  g_signal_connect_swapped (manage, "clicked", G_CALLBACK (manage_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), manage);

  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), box);
  g_signal_connect_swapped (self->popover, "show", G_CALLBACK (popover_show_cb), self);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), self->popover);
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
