/* factures-catalogue-window.c — manage the products and services picked into lines
 *
 * Two pages in a GtkStack: the list (search entry, one row per item, "New Item")
 * and the form of one item (name, description, unit, unit price, VAT rate,
 * goods or service). Validation is the store's (factures_store_save_catalogue_item):
 * its message, naming the field, is shown under the form and nothing is stored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

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
  GtkWidget     *list_group;
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
item_activated_cb (GtkButton               *button,
                   FacturesCatalogueWindow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));

  if (self->items != NULL && index < self->items->len)
    show_form (self, g_ptr_array_index (self->items, index));
}

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
      g_autofree char *price = factures_unit_price_format (item->unit_price);
      g_autofree char *rate = factures_rate_format (item->vat_rate_bp);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *edit = gtk_button_new_with_label (_("Edit"));

      /* Translators: "45,00 € / h — VAT 20 % — Service" */
      subtitle = g_strdup_printf (_("%s / %s — VAT %s — %s"), price,
                                  item->unit ? item->unit : _("unit"), rate,
                                  item->is_goods ? _("Goods") : _("Service"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (edit), "index", GUINT_TO_POINTER (i));
      g_signal_connect (edit, "clicked", G_CALLBACK (item_activated_cb), self);
      gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      item->name, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), edit);
      gtk_list_box_append (GTK_LIST_BOX (self->list_box), row);
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
save_clicked_cb (FacturesCatalogueWindow *self)
{
  factures_catalogue_window_save (self);
}

static void
cancel_clicked_cb (FacturesCatalogueWindow *self)
{
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "list");
}

static void
delete_clicked_cb (FacturesCatalogueWindow *self)
{
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
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static GtkWidget *
clamped_page (GtkWidget *child)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_widget_set_margin_top (child, 18);
  gtk_widget_set_margin_bottom (child, 18);
  gtk_widget_set_margin_start (child, 12);
  gtk_widget_set_margin_end (child, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), child);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

static void
factures_catalogue_window_init (FacturesCatalogueWindow *self)
{
  const char *kinds[] = { N_("Service"), N_("Goods"), NULL };
  const char *kinds_translated[3] = { _(kinds[0]), _(kinds[1]), NULL };
  GtkWidget *content, *header, *list_page, *form_page, *add, *buttons, *save, *cancel;
  g_autoptr (GtkStringList) rates = gtk_string_list_new (NULL);

  gtk_window_set_title (GTK_WINDOW (self), _("Catalogue"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 620);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (content), header);

  self->stack = gtk_stack_new ();
  gtk_box_append (GTK_BOX (content), self->stack);

  /* list page */
  list_page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->search = gtk_search_entry_new ();
  g_object_set (self->search, "placeholder-text", _("Search the catalogue"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search the catalogue"), -1);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (fill_list), self);
  gtk_box_append (GTK_BOX (list_page), self->search);

  self->list_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->list_group), _("Products and Services"));
  add = gtk_button_new_with_label (_("New Item"));
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (factures_catalogue_window_edit_new), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->list_group), add);
  self->list_box = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list_box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list_box, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Products and Services"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->list_group), self->list_box);
  self->empty = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->empty), TRUE);
  gtk_widget_add_css_class (self->empty, "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->list_group), self->empty);
  gtk_box_append (GTK_BOX (list_page), self->list_group);
  gtk_stack_add_named (GTK_STACK (self->stack), clamped_page (list_page), "list");

  /* form page */
  form_page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  self->form_group = adw_preferences_group_new ();
  self->name_row = factures_entry_row_new (_("Name"));
  self->description_row = factures_entry_row_new (_("Description"));
  self->unit_row = factures_entry_row_new (_("Unit"));
  self->price_row = factures_entry_row_new (_("Unit price excl. VAT (€)"));
  for (guint i = 0; i < G_N_ELEMENTS (rates_bp); i++)
    {
      g_autofree char *text = factures_rate_format (rates_bp[i]);
      gtk_string_list_append (rates, text);
    }
  self->rate_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rate_row), _("VAT rate"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->rate_row), G_LIST_MODEL (rates));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rate_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("VAT rate"), -1);
  self->kind_row = factures_combo_row_new (_("Kind"), kinds_translated);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->form_group), self->name_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->form_group), self->description_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->form_group), self->unit_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->form_group), self->price_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->form_group), self->rate_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->form_group), self->kind_row);
  gtk_box_append (GTK_BOX (form_page), self->form_group);

  self->errors = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->errors), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->errors), 0.0);
  gtk_widget_add_css_class (self->errors, "error");
  gtk_widget_set_visible (self->errors, FALSE);
  gtk_box_append (GTK_BOX (form_page), self->errors);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  self->delete_button = gtk_button_new_with_label (_("Delete"));
  gtk_widget_add_css_class (self->delete_button, "destructive-action");
  g_signal_connect_swapped (self->delete_button, "clicked", G_CALLBACK (delete_clicked_cb), self);
  cancel = gtk_button_new_with_label (_("Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  save = gtk_button_new_with_label (_("Save"));
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), self->delete_button);
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), save);
  gtk_box_append (GTK_BOX (form_page), buttons);
  gtk_stack_add_named (GTK_STACK (self->stack), clamped_page (form_page), "form");

  adw_window_set_content (ADW_WINDOW (self), content);
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
