/* factures-documents-page.c — the Documents view: a sortable, searchable table
 *
 * The table is a GtkColumnView over the lazy factures_store_list_documents()
 * model, which fetches rows from SQLite by pages, so 100,000 documents scroll
 * smoothly. Sorting and searching happen in SQL. GTK 4.8 keeps
 * GtkColumnViewSorter's accessors private (public from 4.10), so the page keeps
 * its own sort state: each sortable column gets a GtkCustomSorter that never
 * sorts anything itself; when the view's sorter changes, the page asks it to
 * compare two probe items, which calls the primary column's sorter first (and
 * inverts it for a descending order): that tells which column and direction the
 * user chose. The list is then re-queried with ORDER BY in SQL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "factures-documents.h"
#include "factures-documents-page.h"
#include "factures-rows.h"
#include "factures-money.h"
#include "factures-date.h"
#include "factures-lifecycle.h"

typedef enum {
  COLUMN_NUMBER,
  COLUMN_KIND,
  COLUMN_CLIENT,
  COLUMN_ISSUE_DATE,
  COLUMN_DUE_DATE,
  COLUMN_TOTAL,
  COLUMN_STATUS,
  N_COLUMNS
} Column;

struct _FacturesDocumentsPage
{
  GtkBox                parent_instance;

  FacturesStore        *store;
  FacturesDocumentSort  sort;
  gboolean              descending;
  int                   probed_column;   /* set by the probe sorters */

  GtkWidget            *search_entry;
  GtkWidget            *stack;
  GtkWidget            *column_view;
  GtkWidget            *scrolled;
  GtkWidget            *empty_page;
  GtkSingleSelection   *selection;
  GtkSorter            *column_sorters[N_COLUMNS];
  gboolean              stale;           /* the store changed while the page was hidden */
};

G_DEFINE_FINAL_TYPE (FacturesDocumentsPage, factures_documents_page, GTK_TYPE_BOX)

/* The SQL order of each sortable column; -1: the column cannot be sorted. */
static const int column_sorts[N_COLUMNS] = {
  [COLUMN_NUMBER]     = FACTURES_DOCUMENT_SORT_NUMBER,
  [COLUMN_KIND]       = -1,
  [COLUMN_CLIENT]     = FACTURES_DOCUMENT_SORT_CLIENT,
  [COLUMN_ISSUE_DATE] = FACTURES_DOCUMENT_SORT_DATE,
  [COLUMN_DUE_DATE]   = FACTURES_DOCUMENT_SORT_DUE,
  [COLUMN_TOTAL]      = FACTURES_DOCUMENT_SORT_TOTAL,
  [COLUMN_STATUS]     = -1,
};

/* ---- model ------------------------------------------------------------ */

static void
reload (FacturesDocumentsPage *self)
{
  g_autoptr (GListModel) model = NULL;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean has_search = search != NULL && *search != '\0';

  model = factures_store_list_documents (self->store, has_search ? search : NULL,
                                         self->sort, self->descending);
  gtk_single_selection_set_model (self->selection, model);

  if (g_list_model_get_n_items (model) > 0)
    gtk_stack_set_visible_child (GTK_STACK (self->stack), gtk_widget_get_parent (self->column_view));
  else
    {
      adw_status_page_set_title (ADW_STATUS_PAGE (self->empty_page),
                                 has_search ? _("No Matching Documents") : _("No Documents Yet"));
      adw_status_page_set_description (ADW_STATUS_PAGE (self->empty_page),
                                       has_search ? _("Try another search.")
                                                  : _("Write your first invoice with “New Invoice”."));
      gtk_stack_set_visible_child (GTK_STACK (self->stack), self->empty_page);
    }
}

/* ---- sort state ------------------------------------------------------- */

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  FacturesDocumentsPage *self = g_object_get_data (G_OBJECT (a), "factures-page");
  int column = GPOINTER_TO_INT (user_data);

  /* Only the probe items carry the page; real items never reach here since
   * no GtkSortListModel uses these sorters. */
  if (self != NULL && self->probed_column < 0)
    self->probed_column = column;

  return GTK_ORDERING_SMALLER;
}

static void
view_sorter_changed_cb (GtkSorter             *sorter,
                        GtkSorterChange        change,
                        FacturesDocumentsPage *self)
{
  g_autoptr (GObject) probe_a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr (GObject) probe_b = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering ordering;

  g_object_set_data (probe_a, "factures-page", self);
  g_object_set_data (probe_b, "factures-page", self);

  self->probed_column = -1;
  ordering = gtk_sorter_compare (sorter, probe_a, probe_b);

  if (self->probed_column < 0 || column_sorts[self->probed_column] < 0)
    {
      /* No column chosen: back to the default order, newest first. */
      self->sort = FACTURES_DOCUMENT_SORT_DATE;
      self->descending = TRUE;
    }
  else
    {
      self->sort = column_sorts[self->probed_column];
      self->descending = ordering == GTK_ORDERING_LARGER;
    }

  reload (self);
}

FacturesDocumentSort
factures_documents_page_get_sort (FacturesDocumentsPage *self,
                                  gboolean              *descending)
{
  g_return_val_if_fail (FACTURES_IS_DOCUMENTS_PAGE (self), FACTURES_DOCUMENT_SORT_DATE);

  if (descending != NULL)
    *descending = self->descending;
  return self->sort;
}

/* ---- cells ------------------------------------------------------------ */

static char *
iso_to_fr (const char *iso)
{
  GDate date;

  if (iso == NULL || *iso == '\0' || !factures_date_parse_iso (iso, &date, NULL))
    return g_strdup ("");
  return factures_date_format_fr (&date);
}

static char *
cell_text (FacturesDocumentRow *row,
           Column               column)
{
  switch (column)
    {
    case COLUMN_NUMBER:
      if (factures_document_row_get_number (row) != NULL)
        return g_strdup (factures_document_row_get_number (row));
      return g_strdup (_("Draft"));

    case COLUMN_KIND:
      return g_strdup (factures_document_kind_title (factures_document_row_get_kind (row)));

    case COLUMN_CLIENT:
      return g_strdup (factures_document_row_get_client_name (row)
                       ? factures_document_row_get_client_name (row) : "");

    case COLUMN_ISSUE_DATE:
      return iso_to_fr (factures_document_row_get_issue_date (row));

    case COLUMN_DUE_DATE:
      return iso_to_fr (factures_document_row_get_due_date (row));

    case COLUMN_TOTAL:
      return factures_money_format (factures_document_row_get_total (row));

    case COLUMN_STATUS:
      if (factures_document_row_get_status (row) == FACTURES_DOCUMENT_STATUS_DRAFT)
        return g_strdup (_("Draft"));
      /* Sent, accepted, refused, expired or invoiced (DESIGN.md §4). */
      if (factures_document_row_get_quote_status (row) >= 0)
        return g_strdup (factures_quote_status_title (factures_document_row_get_quote_status (row)));
      if (factures_document_row_get_days_late (row) > 0)
        {
          int days = factures_document_row_get_days_late (row);
          /* Translators: status of an overdue invoice */
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue, %d day", "Overdue, %d days", days), days);
        }
      if (factures_document_row_get_kind (row) != FACTURES_DOCUMENT_KIND_QUOTE &&
          factures_document_row_get_total (row) > 0 &&
          factures_document_row_get_balance (row) <= 0)
        return g_strdup (_("Paid"));
      return g_strdup (_("Issued"));

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == COLUMN_TOTAL)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (column == COLUMN_ISSUE_DATE || column == COLUMN_DUE_DATE)
    gtk_widget_add_css_class (label, "numeric");

  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  FacturesDocumentRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  if (row == NULL)
    return;

  text = cell_text (row, column);
  gtk_label_set_text (GTK_LABEL (label), text);

  if (column == COLUMN_NUMBER || column == COLUMN_STATUS)
    {
      gboolean draft = factures_document_row_get_status (row) == FACTURES_DOCUMENT_STATUS_DRAFT;

      if (draft)
        gtk_widget_add_css_class (label, "dim-label");
      else
        gtk_widget_remove_css_class (label, "dim-label");
    }
  if (column == COLUMN_STATUS)
    {
      gint quote_status = factures_document_row_get_quote_status (row);

      if (factures_document_row_get_days_late (row) > 0)
        gtk_widget_add_css_class (label, "error");
      else
        gtk_widget_remove_css_class (label, "error");
      /* An accepted quote waits for its invoice; refused and expired ones are over. */
      if (quote_status == FACTURES_QUOTE_STATUS_ACCEPTED)
        gtk_widget_add_css_class (label, "success");
      else
        gtk_widget_remove_css_class (label, "success");
      if (quote_status == FACTURES_QUOTE_STATUS_REFUSED || quote_status == FACTURES_QUOTE_STATUS_EXPIRED)
        gtk_widget_add_css_class (label, "dim-label");
    }
}

static void
add_column (FacturesDocumentsPage *self,
            Column                 column,
            const char            *title,
            gboolean               expand,
            int                    fixed_width)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkColumnViewColumn) view_column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (column));

  view_column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);

  if (column_sorts[column] >= 0)
    {
      GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, GINT_TO_POINTER (column), NULL));

      gtk_column_view_column_set_sorter (view_column, sorter);
      self->column_sorters[column] = sorter;
    }

  gtk_column_view_append_column (GTK_COLUMN_VIEW (self->column_view), view_column);
}

/* ---- callbacks -------------------------------------------------------- */

static void
activate_cb (GtkColumnView         *view,
             guint                  position,
             FacturesDocumentsPage *self)
{
  g_autoptr (FacturesDocumentRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (row == NULL)
    return;

  factures_editor_window_open (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                               factures_document_row_get_id (row), 0);
}

static void
new_invoice_cb (FacturesDocumentsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  factures_editor_window_open (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, 0, 0);
}

static void
new_quote_cb (FacturesDocumentsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  factures_editor_window_open_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                   FACTURES_DOCUMENT_KIND_QUOTE, 0);
}

/* The row with @id at or near @position in the new model (rows rarely move far on
 * a change), without reading more than a few pages of the lazy model. */
static guint
find_row_near (GListModel *model,
               gint64      id,
               guint       position)
{
  guint n = g_list_model_get_n_items (model);

  for (guint distance = 0; distance <= 64; distance++)
    {
      for (int sign = 1; sign >= -1; sign -= 2)
        {
          g_autoptr (FacturesDocumentRow) row = NULL;
          gint64 candidate = (gint64) position + sign * (gint64) distance;

          if (candidate < 0 || candidate >= n || (distance == 0 && sign < 0))
            continue;
          row = g_list_model_get_item (model, (guint) candidate);
          if (row != NULL && factures_document_row_get_id (row) == id)
            return (guint) candidate;
        }
    }
  return GTK_INVALID_LIST_POSITION;
}

/* The list is a snapshot: re-query it, keeping the selected document and the scroll
 * position, so that saving a draft elsewhere does not throw the user back to the top. */
static void
refresh (FacturesDocumentsPage *self)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled));
  double scroll = gtk_adjustment_get_value (vadjustment);
  guint selected = gtk_single_selection_get_selected (self->selection);
  gpointer item = gtk_single_selection_get_selected_item (self->selection);
  gint64 selected_id = item != NULL ? factures_document_row_get_id (item) : 0;

  self->stale = FALSE;
  reload (self);

  if (selected_id != 0)
    gtk_single_selection_set_selected (self->selection,
                                       find_row_near (G_LIST_MODEL (self->selection), selected_id, selected));
  gtk_adjustment_set_value (vadjustment, scroll);
}

static void
store_changed_cb (FacturesDocumentsPage *self)
{
  /* Hidden (another view is shown): re-query once, when it is shown again. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  refresh (self);
}

static void
map_cb (FacturesDocumentsPage *self)
{
  if (self->stale)
    refresh (self);
}

/* ---- GObject ---------------------------------------------------------- */

static void
factures_documents_page_dispose (GObject *object)
{
  FacturesDocumentsPage *self = FACTURES_DOCUMENTS_PAGE (object);

  /* Removing the columns while the view goes changes its sorter: no reload then. */
  if (self->column_view != NULL)
    {
      g_signal_handlers_disconnect_by_func (gtk_column_view_get_sorter (GTK_COLUMN_VIEW (self->column_view)),
                                            view_sorter_changed_cb, self);
      self->column_view = NULL;
    }
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_object (&self->column_sorters[i]);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (factures_documents_page_parent_class)->dispose (object);
}

static void
factures_documents_page_class_init (FacturesDocumentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = factures_documents_page_dispose;
}

static void
factures_documents_page_init (FacturesDocumentsPage *self)
{
  GtkWidget *bar, *button, *scrolled;

  self->sort = FACTURES_DOCUMENT_SORT_DATE;
  self->descending = TRUE;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);

  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (bar, 12);
  gtk_widget_set_margin_bottom (bar, 12);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_box_append (GTK_BOX (self), bar);

  self->search_entry = gtk_search_entry_new ();
  gtk_widget_set_hexpand (self->search_entry, TRUE);
  g_object_set (self->search_entry, "placeholder-text", _("Search by number or client"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search documents"),
                                  -1);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (reload), self);
  gtk_box_append (GTK_BOX (bar), self->search_entry);

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button),
                        g_object_new (ADW_TYPE_BUTTON_CONTENT,
                                      "icon-name", "document-new-symbolic",
                                      "label", _("_New Invoice"),
                                      "use-underline", TRUE,
                                      NULL));
  gtk_widget_set_tooltip_text (button, _("Write a new invoice (Ctrl+N)"));
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (new_invoice_cb), self);
  gtk_box_append (GTK_BOX (bar), button);

  /* Issue 3: quotes (devis) have their own series and follow-up. */
  button = gtk_button_new_with_label (_("New Quote"));
  gtk_widget_set_tooltip_text (button, _("Write a new quote"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (new_quote_cb), self);
  gtk_box_append (GTK_BOX (bar), button);

  self->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_box_append (GTK_BOX (self), self->stack);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  self->column_view = gtk_column_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)));
  gtk_widget_add_css_class (self->column_view, "data-table");
  gtk_column_view_set_show_column_separators (GTK_COLUMN_VIEW (self->column_view), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Documents"),
                                  -1);
  g_signal_connect (self->column_view, "activate", G_CALLBACK (activate_cb), self);

  add_column (self, COLUMN_NUMBER, _("Number"), FALSE, 120);
  add_column (self, COLUMN_KIND, _("Kind"), FALSE, 120);
  add_column (self, COLUMN_CLIENT, _("Client"), TRUE, -1);
  add_column (self, COLUMN_ISSUE_DATE, _("Issue date"), FALSE, 145);
  add_column (self, COLUMN_DUE_DATE, _("Due date"), FALSE, 145);
  add_column (self, COLUMN_TOTAL, _("Total incl. VAT"), FALSE, 120);
  add_column (self, COLUMN_STATUS, _("Status"), FALSE, 180);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->column_view);
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled, "list");
  self->scrolled = scrolled;
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);

  /* Search as you type: keys typed anywhere on the page go to the search entry. */
  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (self->search_entry), GTK_WIDGET (self));

  self->empty_page = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->empty_page), "x-office-document-symbolic");
  gtk_stack_add_named (GTK_STACK (self->stack), self->empty_page, "empty");
}

GtkWidget *
factures_documents_page_new (FacturesStore *store)
{
  FacturesDocumentsPage *self;
  GListModel *columns;
  g_autoptr (GtkColumnViewColumn) date_column = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  factures_documents_register_resources ();

  self = g_object_new (FACTURES_TYPE_DOCUMENTS_PAGE, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  /* Newest first, shown by the arrow on the issue-date header. */
  columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (self->column_view));
  date_column = g_list_model_get_item (columns, COLUMN_ISSUE_DATE);
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (self->column_view), date_column, GTK_SORT_DESCENDING);

  g_signal_connect (gtk_column_view_get_sorter (GTK_COLUMN_VIEW (self->column_view)), "changed",
                    G_CALLBACK (view_sorter_changed_cb), self);

  reload (self);

  return GTK_WIDGET (self);
}
