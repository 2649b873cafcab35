/* factures-clients-page.c — the Clients view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-cell.h"
#include "factures-checks.h"
#include "factures-client-editor.h"
#include "factures-clients-page.h"
#include "factures-rows.h"
#include "factures-sort-state.h"

struct _FacturesClientsPage
{
  GtkBox              parent_instance;

  FacturesStore      *store;
  FacturesSortState  *sort_state;
  GtkSingleSelection *selection;
  gulong              changed_id;

  GtkWidget          *search_entry;
  GtkWidget          *stack;
  GtkWidget          *view;
  GtkWidget          *no_results_page;
};

G_DEFINE_FINAL_TYPE (FacturesClientsPage, factures_clients_page, GTK_TYPE_BOX)

static char *
cell_name (gpointer item)
{
  return g_strdup (factures_client_row_get_name (item));
}

static char *
cell_city (gpointer item)
{
  return g_strdup (factures_client_row_get_city (item));
}

static char *
cell_category (gpointer item)
{
  return g_strdup (factures_client_category_label (factures_client_row_get_category (item)));
}

static char *
cell_outstanding (gpointer item)
{
  return factures_money_format (factures_client_row_get_outstanding (item));
}

static void
refresh (FacturesClientsPage *self)
{
  g_autoptr (GListModel) model = NULL;
  const char *search;
  int sort = FACTURES_CLIENT_SORT_NAME;
  gboolean descending = FALSE;

  /* The column view's sorter says "changed" while dispose removes the columns: the
   * store is gone and the search entry too (issue 11: a critical on every quit). */
  if (self->store == NULL)
    return;
  search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  if (!factures_sort_state_query (self->sort_state, &sort, &descending))
    {
      sort = FACTURES_CLIENT_SORT_NAME;
      descending = FALSE;
    }

  model = factures_store_list_clients (self->store,
                                       search != NULL && *search ? search : NULL,
                                       (FacturesClientSort) sort, descending);
  gtk_single_selection_set_model (self->selection, model);

  if (g_list_model_get_n_items (model) > 0)
    gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "list");
  else if (search != NULL && *search)
    gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "no-results");
  else
    gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
}

static void
on_activate (GtkColumnView       *view,
             guint                position,
             FacturesClientsPage *self)
{
  g_autoptr (FacturesClientRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (row == NULL)
    return;
  factures_client_editor_open (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               self->store, factures_client_row_get_id (row));
}

static void
factures_clients_page_dispose (GObject *object)
{
  FacturesClientsPage *self = FACTURES_CLIENTS_PAGE (object);

  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->sort_state, factures_sort_state_free);

  G_OBJECT_CLASS (factures_clients_page_parent_class)->dispose (object);
}

static void
factures_clients_page_class_init (FacturesClientsPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = factures_clients_page_dispose;
}

static GtkWidget *
status_page_new (const char *icon,
                 const char *title,
                 const char *description)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), icon);
  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  gtk_widget_set_vexpand (page, TRUE);
  return page;
}

static void
factures_clients_page_init (FacturesClientsPage *self)
{
  GtkWidget *bar;
  GtkWidget *button;
  GtkWidget *scroller;
  GtkColumnViewColumn *column;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);

  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  self->search_entry = gtk_search_entry_new ();
  gtk_widget_set_hexpand (self->search_entry, TRUE);
  g_object_set (self->search_entry, "placeholder-text", _("Search clients"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search clients"), -1);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (refresh), self);
  gtk_box_append (GTK_BOX (bar), self->search_entry);

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button),
                        adw_button_content_new ());
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (button))),
                                    "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (button))),
                                _("New Client"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "app.new-client");
  gtk_box_append (GTK_BOX (bar), button);
  gtk_box_append (GTK_BOX (self), bar);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  self->view = gtk_column_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)));
  gtk_widget_add_css_class (self->view, "data-table");
  gtk_column_view_set_show_column_separators (GTK_COLUMN_VIEW (self->view), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Client list"), -1);
  g_signal_connect (self->view, "activate", G_CALLBACK (on_activate), self);

  self->sort_state = factures_sort_state_new (GTK_COLUMN_VIEW (self->view));
  column = factures_cell_column_add (GTK_COLUMN_VIEW (self->view), _("Name"), cell_name, FALSE, TRUE);
  factures_sort_state_attach (self->sort_state, column, FACTURES_CLIENT_SORT_NAME);
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (self->view), column, GTK_SORT_ASCENDING);
  column = factures_cell_column_add (GTK_COLUMN_VIEW (self->view), _("City"), cell_city, FALSE, TRUE);
  factures_sort_state_attach (self->sort_state, column, FACTURES_CLIENT_SORT_CITY);
  column = factures_cell_column_add (GTK_COLUMN_VIEW (self->view), _("Category"), cell_category, FALSE, FALSE);
  gtk_column_view_column_set_fixed_width (column, 160);
  factures_sort_state_attach (self->sort_state, column, FACTURES_CLIENT_SORT_CATEGORY);
  column = factures_cell_column_add (GTK_COLUMN_VIEW (self->view), _("Outstanding"), cell_outstanding, TRUE, FALSE);
  gtk_column_view_column_set_fixed_width (column, 140);
  factures_sort_state_attach (self->sort_state, column, FACTURES_CLIENT_SORT_OUTSTANDING);
  g_signal_connect_swapped (gtk_column_view_get_sorter (GTK_COLUMN_VIEW (self->view)),
                            "changed", G_CALLBACK (refresh), self);

  self->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->stack, TRUE);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->view);
  gtk_stack_add_named (GTK_STACK (self->stack), scroller, "list");
  gtk_stack_add_named (GTK_STACK (self->stack),
                       status_page_new ("system-users-symbolic", _("No Clients"),
                                        _("Add your first client with “New Client”.")),
                       "empty");
  gtk_stack_add_named (GTK_STACK (self->stack),
                       status_page_new ("edit-find-symbolic", _("No Results Found"),
                                        _("No client matches this search.")),
                       "no-results");
  gtk_box_append (GTK_BOX (self), self->stack);
}

GtkWidget *
factures_clients_page_new (FacturesStore *store)
{
  FacturesClientsPage *self;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  self = g_object_new (FACTURES_TYPE_CLIENTS_PAGE, NULL);
  self->store = g_object_ref (store);
  self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (refresh), self);
  refresh (self);
  return GTK_WIDGET (self);
}

void
factures_clients_page_focus_search (FacturesClientsPage *self)
{
  g_return_if_fail (FACTURES_IS_CLIENTS_PAGE (self));
  gtk_widget_grab_focus (self->search_entry);
}
