/* factures-catalogue-window.c — manage the products and services picked into lines
 *
 * Two pages in a GtkStack (factures-catalogue-window.ui): the list (search entry, one
 * FacturesCatalogueRow per item, "New Item", Ctrl+N) and the form of one item (name, description, unit, unit price, VAT rate,
 * goods or service). Validation is the store's (factures_store_save_catalogue_item):
 * its message, naming the field, is shown under the form and nothing is stored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "factures-catalogue-row.h"
#include "factures-catalogue-window.h"
#include "factures-form.h"
#include "factures-store-recurring.h"

/* Offered rates (basis points); franchise sellers only get 0. */
static const gint rates_bp[] = { 2000, 1000, 550, 210, 0 };

struct _FacturesCatalogueWindow
{
  AdwWindow      parent_instance;

  FacturesStore *store;
  gulong         changed_id;
  gboolean       franchise;

  GtkWidget     *stack;
  GtkWidget     *search;
  GtkWidget     *list_box;
  GtkWidget     *empty;
  GPtrArray     *items;

  GtkWidget     *form_group;
  GtkWidget     *name_row;
  GtkWidget     *description_row;
  GtkWidget     *unit_row;
  GtkWidget     *price_row;
  GtkWidget     *rate_row;
  GtkWidget     *kind_row;
  GtkWidget     *delete_button;
  GtkWidget     *errors;
  gint64         editing_id;
};

G_DEFINE_FINAL_TYPE (FacturesCatalogueWindow, factures_catalogue_window, ADW_TYPE_WINDOW)

static void show_form (FacturesCatalogueWindow *self, const FacturesCatalogueItem *item);

static void
fill_list (FacturesCatalogueWindow *self)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->list_box)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list_box), child);
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
  for (guint i = 0; i < self->items->len; i++)
    {
      const FacturesCatalogueItem *item = g_ptr_array_index (self->items, i);

      gtk_list_box_append (GTK_LIST_BOX (self->list_box), factures_catalogue_row_new (item));
    }
  gtk_label_set_text (GTK_LABEL (self->empty),
                      *gtk_editable_get_text (GTK_EDITABLE (self->search)) != '\0'
                      ? _("No item matches.")
                      : _("No products or services yet. Items of the catalogue are picked into "
                          "invoice lines with “From Catalogue”."));
  gtk_widget_set_visible (self->empty, self->items->len == 0);
  gtk_widget_set_visible (self->list_box, self->items->len > 0);
}

static void
set_error (FacturesCatalogueWindow *self,
           const char              *message)
{
  gtk_label_set_text (GTK_LABEL (self->errors), message ? message : "");
  gtk_widget_set_visible (self->errors, message != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->errors), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  message ? message : "", -1);
}

static void
show_form (FacturesCatalogueWindow     *self,
           const FacturesCatalogueItem *item)
{
  g_autofree char *price = NULL;
  guint rate_index = self->franchise ? G_N_ELEMENTS (rates_bp) - 1 : 0;

  self->editing_id = item ? item->id : 0;
  if (item != NULL)
    {
      price = factures_unit_price_format (item->unit_price);
      /* The editable form: without " €". */
      if (g_str_has_suffix (price, "\xc2\xa0\xe2\x82\xac"))
        price[strlen (price) - 5] = '\0';
      for (guint i = 0; i < G_N_ELEMENTS (rates_bp); i++)
        if (rates_bp[i] == item->vat_rate_bp)
          rate_index = i;
    }
  factures_editable_set_text_or_empty (self->name_row, item ? item->name : NULL);
  factures_editable_set_text_or_empty (self->description_row, item ? item->description : NULL);
  factures_editable_set_text_or_empty (self->unit_row, item ? item->unit : NULL);
  factures_editable_set_text_or_empty (self->price_row, price);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->rate_row), rate_index);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->kind_row), item && item->is_goods ? 1 : 0);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->form_group),
                                   item ? _("Edit Item") : _("New Item"));
  gtk_widget_set_visible (self->delete_button, item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "catalogue.delete-item", item != NULL);
  set_error (self, NULL);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "form");
  gtk_widget_grab_focus (self->name_row);
}

void
factures_catalogue_window_edit_new (FacturesCatalogueWindow *self)
{
  show_form (self, NULL);
}

void
factures_catalogue_window_set_texts (FacturesCatalogueWindow *self,
                                     const char              *name,
                                     const char              *description,
                                     const char              *unit,
                                     const char              *unit_price)
{
  if (name != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
  if (description != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->description_row), description);
  if (unit != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->unit_row), unit);
  if (unit_price != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->price_row), unit_price);
}

gboolean
factures_catalogue_window_save (FacturesCatalogueWindow *self)
{
  g_autoptr (FacturesCatalogueItem) item = factures_catalogue_item_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *price = factures_editable_get_trimmed (self->price_row);
  guint rate = adw_combo_row_get_selected (ADW_COMBO_ROW (self->rate_row));

  item->id = self->editing_id;
  item->name = factures_editable_get_trimmed (self->name_row);
  item->description = factures_editable_get_trimmed (self->description_row);
  item->unit = factures_editable_get_trimmed (self->unit_row);
  item->vat_rate_bp = rate < G_N_ELEMENTS (rates_bp) ? rates_bp[rate] : 0;
  item->is_goods = adw_combo_row_get_selected (ADW_COMBO_ROW (self->kind_row)) == 1;

  if (*price != '\0' && !factures_unit_price_parse (price, _("Unit price"), &item->unit_price, &error))
    {
      set_error (self, error->message);
      return FALSE;
    }
  if (!factures_store_save_catalogue_item (self->store, item, &error))
    {
      set_error (self, error->message);
      return FALSE;
    }
  set_error (self, NULL);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "list");
  fill_list (self);
  return TRUE;
}

guint
factures_catalogue_window_get_n_items (FacturesCatalogueWindow *self)
{
  return self->items ? self->items->len : 0;
}

static void
new_item_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  show_form (FACTURES_CATALOGUE_WINDOW (widget), NULL);
}

static void
edit_item_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FacturesCatalogueWindow *self = FACTURES_CATALOGUE_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);

  for (guint i = 0; self->items != NULL && i < self->items->len; i++)
    {
      const FacturesCatalogueItem *item = g_ptr_array_index (self->items, i);

      if (item->id == id)
        {
          show_form (self, item);
          return;
        }
    }
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FacturesCatalogueWindow *self = FACTURES_CATALOGUE_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->stack)), "form") == 0)
    factures_catalogue_window_save (self);
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FacturesCatalogueWindow *self = FACTURES_CATALOGUE_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->stack)), "form") == 0)
    gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "list");
}

static void
delete_item_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  FacturesCatalogueWindow *self = FACTURES_CATALOGUE_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  /* Lines keep their own copy of an item's text and price: deleting is harmless. */
  if (self->editing_id != 0 &&
      !factures_store_delete_catalogue_item (self->store, self->editing_id, &error))
    {
      set_error (self, error->message);
      return;
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "list");
  fill_list (self);
}

static void
store_changed_cb (FacturesCatalogueWindow *self)
{
  fill_list (self);
}

static void
search_changed_cb (FacturesCatalogueWindow *self)
{
  fill_list (self);
}

static void
factures_catalogue_window_dispose (GObject *object)
{
  FacturesCatalogueWindow *self = FACTURES_CATALOGUE_WINDOW (object);

  if (self->store != NULL && self->changed_id != 0)
    g_signal_handler_disconnect (self->store, self->changed_id);
  self->changed_id = 0;
  g_clear_object (&self->store);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (factures_catalogue_window_parent_class)->dispose (object);
}

static void
factures_catalogue_window_class_init (FacturesCatalogueWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = factures_catalogue_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/catalogue/factures-catalogue-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesCatalogueWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, FacturesCatalogueWindow, search);
  gtk_widget_class_bind_template_child (widget_class, FacturesCatalogueWindow, list_box);
  gtk_widget_class_bind_template_child (widget_class, FacturesCatalogueWindow, empty);
  gtk_widget_class_bind_template_child (widget_class, FacturesCatalogueWindow, form_group);
  gtk_widget_class_bind_template_child (widget_class, FacturesCatalogueWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesCatalogueWindow, description_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesCatalogueWindow, unit_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesCatalogueWindow, price_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesCatalogueWindow, rate_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesCatalogueWindow, kind_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesCatalogueWindow, delete_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesCatalogueWindow, errors);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);

  gtk_widget_class_install_action (widget_class, "catalogue.new-item", NULL, new_item_activated);
  gtk_widget_class_install_action (widget_class, "catalogue.edit-item", "x", edit_item_activated);
  gtk_widget_class_install_action (widget_class, "catalogue.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "catalogue.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "catalogue.delete-item", NULL, delete_item_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "catalogue.new-item", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "catalogue.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "catalogue.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
factures_catalogue_window_init (FacturesCatalogueWindow *self)
{
  g_autoptr (GtkStringList) rates = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (rates_bp); i++)
    {
      g_autofree char *text = factures_rate_format (rates_bp[i]);
      gtk_string_list_append (rates, text);
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (self->rate_row), G_LIST_MODEL (rates));
  factures_entry_row_name_once (self->name_row);
  factures_entry_row_name_once (self->description_row);
  factures_entry_row_name_once (self->unit_row);
  factures_entry_row_name_once (self->price_row);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rate_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("VAT rate"), -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "catalogue.delete-item", FALSE);
}

FacturesCatalogueWindow *
factures_catalogue_window_open (GtkWindow     *parent,
                                FacturesStore *store)
{
  FacturesCatalogueWindow *self;
  g_autoptr (FacturesProfile) profile = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  self = g_object_new (FACTURES_TYPE_CATALOGUE_WINDOW, NULL);
  self->store = g_object_ref (store);
  profile = factures_store_get_profile (store, NULL);
  self->franchise = profile == NULL || profile->vat_regime == FACTURES_VAT_REGIME_FRANCHISE;
  if (self->franchise)
    {
      /* Franchise en base: no VAT, the rate is fixed at 0. */
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->rate_row), G_N_ELEMENTS (rates_bp) - 1);
      gtk_widget_set_sensitive (self->rate_row, FALSE);
    }
  self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
    }
  fill_list (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}
