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
#include "factures-currency-sums.h"
#include "factures-rows.h"
#include "factures-sort-state.h"
#include "factures-sql-list-model.h"
#include "factures-store-watch.h"

struct _FacturesClientsPage
{
  GtkBox              parent_instance;

  FacturesStore      *store;
  FacturesSortState  *sort_state;
  GtkSingleSelection *selection;
  FacturesStoreWatch *watch;   /* store changes, when shown (issue 12) */

  /* Template children */
  GtkWidget          *search_entry;
  GtkWidget          *stack;
  GtkWidget          *view;
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

/* Per currency of the invoices (finding T5): "1 000,00 € + 500,00 GBP". */
static char *
cell_outstanding (gpointer item)
{
  const char *sums = factures_client_row_get_outstanding_by_currency (item);
  g_autoptr (GArray) parsed = NULL;

  if (sums == NULL)
    return factures_money_format (factures_client_row_get_outstanding (item));
  parsed = factures_currency_sums_parse (sums);
  return factures_currency_sums_format (parsed);
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

/* Issue 12 item 2 (FacturesStoreWatch: loaded when first shown; a change while hidden, once
 * when shown again): the rows of the clients a write touched, when the list holds them; else
 * the list again. */
static void
store_changed_cb (GtkWidget *widget,
                  gboolean   everything,
                  GArray    *documents,
                  GArray    *clients)
{
  FacturesClientsPage *self = FACTURES_CLIENTS_PAGE (widget);
  GListModel *model = gtk_single_selection_get_model (self->selection);
  guint selected = gtk_single_selection_get_selected (self->selection);

  for (guint i = 0; !everything && i < clients->len; i++)
    everything = !FACTURES_IS_SQL_LIST_MODEL (model) ||
                 !factures_sql_list_model_refresh_id (FACTURES_SQL_LIST_MODEL (model),
                                                      g_array_index (clients, gint64, i));
  if (everything)
    refresh (self);
  else if (selected != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, selected);   /* its row was read again */
}

static void
row_activated_cb (GtkColumnView       *view,
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

  g_clear_pointer (&self->watch, factures_store_watch_free);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_CLIENTS_PAGE);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->sort_state, factures_sort_state_free);

  G_OBJECT_CLASS (factures_clients_page_parent_class)->dispose (object);
}

static void
factures_clients_page_class_init (FacturesClientsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = factures_clients_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/clients/factures-clients-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesClientsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientsPage, view);
  gtk_widget_class_bind_template_callback (widget_class, refresh);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
factures_clients_page_init (FacturesClientsPage *self)
{
  GtkColumnView *view;
  GtkColumnViewColumn *column;

  gtk_widget_init_template (GTK_WIDGET (self));
  view = GTK_COLUMN_VIEW (self->view);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (self->selection));

  /* The columns sort in SQL (factures-sort-state.h): built here, with their sorters. */
  self->sort_state = factures_sort_state_new (view);
  column = factures_cell_column_add (view, _("Name"), cell_name, FALSE, TRUE);
  factures_sort_state_attach (self->sort_state, column, FACTURES_CLIENT_SORT_NAME);
  gtk_column_view_sort_by_column (view, column, GTK_SORT_ASCENDING);
  column = factures_cell_column_add (view, _("City"), cell_city, FALSE, TRUE);
  factures_sort_state_attach (self->sort_state, column, FACTURES_CLIENT_SORT_CITY);
  column = factures_cell_column_add (view, _("Category"), cell_category, FALSE, FALSE);
  gtk_column_view_column_set_fixed_width (column, 160);
  factures_sort_state_attach (self->sort_state, column, FACTURES_CLIENT_SORT_CATEGORY);
  column = factures_cell_column_add (view, _("Outstanding"), cell_outstanding, TRUE, FALSE);
  gtk_column_view_column_set_fixed_width (column, 140);
  factures_sort_state_attach (self->sort_state, column, FACTURES_CLIENT_SORT_OUTSTANDING);
  g_signal_connect_object (gtk_column_view_get_sorter (view), "changed",
                           G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
}

GtkWidget *
factures_clients_page_new (FacturesStore *store)
{
  FacturesClientsPage *self;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  self = g_object_new (FACTURES_TYPE_CLIENTS_PAGE, NULL);
  self->store = g_object_ref (store);
  self->watch = factures_store_watch_new (store, GTK_WIDGET (self), store_changed_cb, TRUE);
  return GTK_WIDGET (self);
}

void
factures_clients_page_focus_search (FacturesClientsPage *self)
{
  g_return_if_fail (FACTURES_IS_CLIENTS_PAGE (self));
  gtk_widget_grab_focus (self->search_entry);
}
