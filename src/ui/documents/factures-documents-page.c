/* factures-documents-page.c — the Documents view: a sortable, searchable table
 *
 * The table is a GtkColumnView over the lazy factures_store_list_documents()
 * model, which fetches rows from SQLite by pages, so 100,000 documents scroll
 * smoothly. Sorting and searching happen in SQL. GTK 4.8 keeps
 * GtkColumnViewSorter's accessors private (public from 4.10), so the page asks
 * which column and direction the user chose through FacturesSortState (as the
 * Clients and Overdue views do), and re-queries the list with ORDER BY in SQL.
 *
 * Issue 11: the page is a template (factures-documents-page.ui); the status column says
 * what happened to each document (factures-document-status.c), the "Left to pay" column
 * shows the one balance, and two drop-downs filter by status and year. Filtering keeps the
 * lazy model underneath: a GtkFilterListModel (incremental) over it only while a filter is
 * chosen; a draft waiting for its toast is hidden by a FacturesSkipModel (lazy). A draft is deleted with an undo toast: hidden at once, deleted in the database
 * when the toast goes away (or when the page goes, at quit), never if "Undo" was pressed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "factures-date.h"
#include "factures-document-cell.h"
#include "factures-document-status.h"
#include "factures-documents-page.h"
#include "factures-documents.h"
#include "factures-sql-list-model.h"
#include "factures-store-watch.h"
#include "factures-lifecycle.h"
#include "factures-message-dialog.h"
#include "factures-money.h"
#include "factures-rows.h"
#include "factures-skip-model.h"
#include "factures-sort-state.h"

typedef FacturesDocumentColumn Column;

struct _FacturesDocumentsPage
{
  GtkBox                parent_instance;

  FacturesStore        *store;
  FacturesDocumentSort  sort;
  gboolean              descending;
  FacturesSortState    *sort_state;      /* which column header was clicked */

  GtkSingleSelection   *selection;
  FacturesStoreWatch   *watch;           /* store changes, when shown (issue 12) */
  GHashTable           *facts;           /* id → FacturesDocumentFacts of the rows seen */
  GArray               *pending_deletes; /* gint64 ids of drafts deleted, waiting for their toast */
  GArray               *pending_hints;   /* guint: where each was last seen in the SQL model */
  GtkStringList        *years;           /* the year filter's items after "All years" */

  /* template */
  GtkWidget            *search_entry;
  GtkWidget            *status_filter;
  GtkWidget            *year_filter;
  GtkWidget            *delete_button;
  GtkWidget            *stack;
  GtkWidget            *column_view;
  GtkWidget            *scrolled;
  GtkWidget            *empty_page;
};

G_DEFINE_FINAL_TYPE (FacturesDocumentsPage, factures_documents_page, GTK_TYPE_BOX)

/* The SQL order of each sortable column; -1: the column cannot be sorted. */
static const int column_sorts[FACTURES_N_DOCUMENT_COLUMNS] = {
  [FACTURES_DOCUMENT_COLUMN_NUMBER]     = FACTURES_DOCUMENT_SORT_NUMBER,
  [FACTURES_DOCUMENT_COLUMN_KIND]       = -1,
  [FACTURES_DOCUMENT_COLUMN_CLIENT]     = FACTURES_DOCUMENT_SORT_CLIENT,
  [FACTURES_DOCUMENT_COLUMN_ISSUE_DATE] = FACTURES_DOCUMENT_SORT_DATE,
  [FACTURES_DOCUMENT_COLUMN_DUE_DATE]   = FACTURES_DOCUMENT_SORT_DUE,
  [FACTURES_DOCUMENT_COLUMN_TOTAL]      = FACTURES_DOCUMENT_SORT_TOTAL,
  [FACTURES_DOCUMENT_COLUMN_LEFT]       = FACTURES_DOCUMENT_SORT_BALANCE,
  [FACTURES_DOCUMENT_COLUMN_STATUS]     = -1,
};

static void refresh           (FacturesDocumentsPage *self);
static guint find_row_near    (GListModel            *model,
                               gint64                 id,
                               guint                  position);
static void filter_changed_cb (FacturesDocumentsPage *self);

/* ---- model ------------------------------------------------------------ */

/* The facts of @row (balance, dispute, sent), read once per reload. (transfer none) */
static const FacturesDocumentFacts *
row_facts (FacturesDocumentsPage *self,
           FacturesDocumentRow   *row)
{
  gint64 id = factures_document_row_get_id (row);
  FacturesDocumentFacts *facts = g_hash_table_lookup (self->facts, &id);

  if (facts == NULL)
    {
      facts = g_new0 (FacturesDocumentFacts, 1);
      factures_document_facts_load (self->store, row, facts);
      g_hash_table_insert (self->facts, &facts->id, facts);
    }
  return facts;
}

static gboolean
is_pending_delete (FacturesDocumentsPage *self,
                   gint64                 id)
{
  for (guint i = 0; i < self->pending_deletes->len; i++)
    if (g_array_index (self->pending_deletes, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static guint
chosen_year (FacturesDocumentsPage *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->year_filter));
  const char *text;

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return 0;
  text = gtk_string_list_get_string (self->years, selected);
  return text != NULL ? (guint) g_ascii_strtoull (text, NULL, 10) : 0;
}

static FacturesDocumentState
chosen_state (FacturesDocumentsPage *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->status_filter));

  return selected < FACTURES_N_DOCUMENT_STATES ? (FacturesDocumentState) selected : FACTURES_DOCUMENT_STATE_ANY;
}

static gboolean
filter_row_cb (gpointer item,
               gpointer user_data)
{
  FacturesDocumentsPage *self = user_data;
  FacturesDocumentRow *row = item;
  FacturesDocumentState state = chosen_state (self);
  guint year = chosen_year (self);
  const FacturesDocumentFacts *facts;

  if (is_pending_delete (self, factures_document_row_get_id (row)))
    return FALSE;
  if (state == FACTURES_DOCUMENT_STATE_ANY && year == 0)
    return TRUE;
  facts = row_facts (self, row);
  if (year != 0 && facts->year != year)
    return FALSE;
  return state == FACTURES_DOCUMENT_STATE_ANY || factures_document_state_of (facts) == state;
}

/* The years of the documents, newest first, from the first and last issue dates (two
 * reads of one page each). */
static void
fill_years (FacturesDocumentsPage *self)
{
  g_autoptr (GListModel) newest = factures_store_list_documents (self->store, NULL, FACTURES_DOCUMENT_SORT_DATE, TRUE);
  g_autoptr (GListModel) oldest = factures_store_list_documents (self->store, NULL, FACTURES_DOCUMENT_SORT_DATE, FALSE);
  g_autoptr (FacturesDocumentRow) first = g_list_model_get_item (oldest, 0);
  g_autoptr (FacturesDocumentRow) last = g_list_model_get_item (newest, 0);
  guint selected_year = chosen_year (self);
  guint from = 0, to = 0, position = 0;
  GDate date;

  if (first != NULL && factures_document_row_get_issue_date (first) != NULL &&
      factures_date_parse_iso (factures_document_row_get_issue_date (first), &date, NULL))
    from = g_date_get_year (&date);
  if (last != NULL && factures_document_row_get_issue_date (last) != NULL &&
      factures_date_parse_iso (factures_document_row_get_issue_date (last), &date, NULL))
    to = g_date_get_year (&date);

  g_signal_handlers_block_by_func (self->year_filter, filter_changed_cb, self);
  gtk_string_list_splice (self->years, 1, g_list_model_get_n_items (G_LIST_MODEL (self->years)) - 1, NULL);
  for (guint year = to; from != 0 && year >= from && year > 0; year--)
    {
      g_autofree char *text = g_strdup_printf ("%u", year);

      gtk_string_list_append (self->years, text);
      if (year == selected_year)
        position = g_list_model_get_n_items (G_LIST_MODEL (self->years)) - 1;
    }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->year_filter), position);
  g_signal_handlers_unblock_by_func (self->year_filter, filter_changed_cb, self);
}

static void
reload (FacturesDocumentsPage *self)
{
  g_autoptr (GListModel) model = NULL;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean has_search = search != NULL && *search != '\0';
  gboolean chosen = chosen_state (self) != FACTURES_DOCUMENT_STATE_ANY || chosen_year (self) != 0;
  gboolean filtered = chosen;

  g_hash_table_remove_all (self->facts);
  model = factures_store_list_documents (self->store, has_search ? search : NULL,
                                         self->sort, self->descending);

  /* Drafts waiting for their undo toast: hidden where they are, without reading the rest. */
  if (!chosen && self->pending_deletes->len > 0)
    {
      g_autoptr (GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));

      for (guint i = 0; i < self->pending_deletes->len; i++)
        {
          guint position = find_row_near (model, g_array_index (self->pending_deletes, gint64, i),
                                          g_array_index (self->pending_hints, guint, i));

          if (position == GTK_INVALID_LIST_POSITION)
            {
              /* Moved far (another sort or search): the filter below finds it. */
              filtered = TRUE;
              break;
            }
          g_array_index (self->pending_hints, guint, i) = position;
          g_array_append_val (positions, position);
        }
      if (!filtered)
        model = G_LIST_MODEL (factures_skip_model_new (g_steal_pointer (&model),
                                                       (const guint *) positions->data, positions->len));
    }

  if (filtered)
    {
      /* Chunks of rows in idle time: the lazy model underneath is read as the filter goes. */
      GtkFilterListModel *filter_model;

      filter_model = gtk_filter_list_model_new (g_steal_pointer (&model),
                                                GTK_FILTER (gtk_custom_filter_new (filter_row_cb, self, NULL)));
      gtk_filter_list_model_set_incremental (filter_model, TRUE);
      model = G_LIST_MODEL (filter_model);
    }
  gtk_single_selection_set_model (self->selection, model);

  if (filtered || g_list_model_get_n_items (model) > 0)
    gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "list");
  else
    {
      adw_status_page_set_title (ADW_STATUS_PAGE (self->empty_page),
                                 has_search ? _("No Matching Documents") : _("No Documents Yet"));
      adw_status_page_set_description (ADW_STATUS_PAGE (self->empty_page),
                                       has_search ? _("Try another search.")
                                                  : _("Write your first invoice with “New Invoice”."));
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
    }
}

/* ---- sort state ------------------------------------------------------- */

static void
view_sorter_changed_cb (GtkSorter             *sorter,
                        GtkSorterChange        change,
                        FacturesDocumentsPage *self)
{
  int sort;
  gboolean descending;

  if (factures_sort_state_query (self->sort_state, &sort, &descending))
    {
      self->sort = sort;
      self->descending = descending;
    }
  else
    {
      /* No column chosen: back to the default order, newest first. */
      self->sort = FACTURES_DOCUMENT_SORT_DATE;
      self->descending = TRUE;
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

typedef struct
{
  FacturesDocumentsPage *page;   /* not owned: the page owns the column view */
  Column                 column;
} CellSpec;

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CellSpec                 *spec)
{
  gtk_list_item_set_child (item, factures_document_cell_new (spec->column));
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CellSpec                 *spec)
{
  FacturesDocumentRow *row = gtk_list_item_get_item (item);

  if (row != NULL)
    factures_document_cell_bind (FACTURES_DOCUMENT_CELL (gtk_list_item_get_child (item)), row,
                                 row_facts (spec->page, row));
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

  CellSpec *spec = g_new0 (CellSpec, 1);

  spec->page = self;
  spec->column = column;
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), spec);
  g_signal_connect_data (factory, "bind", G_CALLBACK (bind_cell_cb), spec, (GClosureNotify) (void (*) (void)) g_free, 0);

  view_column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);

  if (column_sorts[column] >= 0)
    factures_sort_state_attach (self->sort_state, view_column, column_sorts[column]);

  gtk_column_view_append_column (GTK_COLUMN_VIEW (self->column_view), view_column);
}

/* ---- callbacks -------------------------------------------------------- */

static GtkWindow *
page_window (FacturesDocumentsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
activate_cb (FacturesDocumentsPage *self,
             guint                  position)
{
  g_autoptr (FacturesDocumentRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (row == NULL)
    return;

  /* A draft opens in the editor, an issued document in the document view. */
  factures_editor_window_open (page_window (self), self->store, factures_document_row_get_id (row), 0);
}

static void
new_invoice_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FacturesDocumentsPage *self = FACTURES_DOCUMENTS_PAGE (widget);

  factures_editor_window_open (page_window (self), self->store, 0, 0);
}

static void
new_quote_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FacturesDocumentsPage *self = FACTURES_DOCUMENTS_PAGE (widget);

  factures_editor_window_open_new (page_window (self), self->store, FACTURES_DOCUMENT_KIND_QUOTE, 0);
}

/* ---- deleting a draft, with undo --------------------------------------- */

static void
forget_pending (FacturesDocumentsPage *self,
                gint64                 id)
{
  for (guint i = 0; i < self->pending_deletes->len; i++)
    if (g_array_index (self->pending_deletes, gint64, i) == id)
      {
        g_array_remove_index (self->pending_deletes, i);
        g_array_remove_index (self->pending_hints, i);
        return;
      }
}

/* The toast went away without "Undo": the draft is deleted for good. */
static void
perform_delete (FacturesDocumentsPage *self,
                gint64                 id)
{
  g_autoptr (GError) error = NULL;

  if (!is_pending_delete (self, id))
    return;
  forget_pending (self, id);
  if (!factures_store_delete_draft (self->store, id, &error))
    {
      factures_message_dialog_show (page_window (self), _("The draft cannot be deleted"), error->message);
      reload (self);
    }
  /* Deleted: the store's "changed" re-queries the list. */
}

static void
toast_dismissed_cb (AdwToast              *toast,
                    FacturesDocumentsPage *self)
{
  perform_delete (self, g_variant_get_int64 (adw_toast_get_action_target_value (toast)));
}

static void
toast_undo_cb (AdwToast              *toast,
               FacturesDocumentsPage *self)
{
  /* The draft's id rides on the toast (it has no action of its own). */
  forget_pending (self, g_variant_get_int64 (adw_toast_get_action_target_value (toast)));
  refresh (self);
}

static gboolean
delete_draft_near (FacturesDocumentsPage *self,
                   gint64                 id,
                   guint                  hint)
{
  g_autoptr (FacturesDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *overlay;
  AdwToast *toast;

  g_return_val_if_fail (FACTURES_IS_DOCUMENTS_PAGE (self), FALSE);

  document = factures_store_get_document (self->store, id, &error);
  if (document == NULL || document->status != FACTURES_DOCUMENT_STATUS_DRAFT || is_pending_delete (self, id))
    return FALSE;

  g_array_append_val (self->pending_deletes, id);
  g_array_append_val (self->pending_hints, hint);
  refresh (self);

  toast = adw_toast_new (_("Draft deleted"));
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (id));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (toast_undo_cb), self, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, 0);

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    {
      /* Nowhere to offer "Undo": delete now. */
      perform_delete (self, id);
      g_object_unref (toast);
    }
  return TRUE;
}

gboolean
factures_documents_page_delete_draft (FacturesDocumentsPage *self,
                                      gint64                 id)
{
  g_return_val_if_fail (FACTURES_IS_DOCUMENTS_PAGE (self), FALSE);

  /* Drafts are the newest rows in the default order: look near the top first. */
  return delete_draft_near (self, id, 0);
}

gboolean
factures_documents_delete_draft_with_undo (GtkWindow *from,
                                           gint64     id)
{
  GtkApplication *application;

  g_return_val_if_fail (GTK_IS_WINDOW (from), FALSE);

  application = gtk_window_get_application (from);
  if (application == NULL)
    return FALSE;
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    {
      GActionGroup *group = G_ACTION_GROUP (l->data);

      if (G_IS_ACTION_GROUP (l->data) && g_action_group_has_action (group, "delete-draft"))
        {
          g_action_group_activate_action (group, "delete-draft", g_variant_new_int64 (id));
          return TRUE;
        }
    }
  return FALSE;
}

static void
delete_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  FacturesDocumentsPage *self = FACTURES_DOCUMENTS_PAGE (widget);
  FacturesDocumentRow *row = gtk_single_selection_get_selected_item (self->selection);

  if (row != NULL && factures_document_row_get_status (row) == FACTURES_DOCUMENT_STATUS_DRAFT)
    delete_draft_near (self, factures_document_row_get_id (row), gtk_single_selection_get_selected (self->selection));
}

static void
selection_changed_cb (FacturesDocumentsPage *self)
{
  FacturesDocumentRow *row = gtk_single_selection_get_selected_item (self->selection);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.delete-selected",
                                 row != NULL &&
                                 factures_document_row_get_status (row) == FACTURES_DOCUMENT_STATUS_DRAFT);
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

  fill_years (self);
  reload (self);

  if (selected_id != 0)
    gtk_single_selection_set_selected (self->selection,
                                       find_row_near (G_LIST_MODEL (self->selection), selected_id, selected));
  gtk_adjustment_set_value (vadjustment, scroll);
}

/* Issue 12 item 2 (FacturesStoreWatch: only when shown; hidden, once when shown again): the
 * rows of the documents a write touched, when the list holds them; else the list again. */
static void
store_changed_cb (GtkWidget *widget,
                  gboolean   everything,
                  GArray    *documents,
                  GArray    *clients)
{
  FacturesDocumentsPage *self = FACTURES_DOCUMENTS_PAGE (widget);
  GListModel *model = gtk_single_selection_get_model (self->selection);
  guint selected = gtk_single_selection_get_selected (self->selection);

  for (guint i = 0; !everything && i < documents->len; i++)
    {
      gint64 id = g_array_index (documents, gint64, i);

      g_hash_table_remove (self->facts, &id);
      everything = !FACTURES_IS_SQL_LIST_MODEL (model) ||
                   !factures_sql_list_model_refresh_id (FACTURES_SQL_LIST_MODEL (model), id);
    }
  if (everything)
    refresh (self);
  else if (selected != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, selected);   /* its row was read again */
}

static void
search_changed_cb (FacturesDocumentsPage *self)
{
  if (self->store != NULL)
    reload (self);
}

/* Enter in the search entry opens the selected document, else the first match. */
static void
search_activated_cb (FacturesDocumentsPage *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return;
  activate_cb (self, selected != GTK_INVALID_LIST_POSITION ? selected : 0);
}

static void
filter_changed_cb (FacturesDocumentsPage *self)
{
  if (self->store != NULL)
    reload (self);
}

static void
perform_pending_deletes (FacturesDocumentsPage *self)
{
  while (self->store != NULL && self->pending_deletes != NULL && self->pending_deletes->len > 0)
    {
      gint64 id = g_array_index (self->pending_deletes, gint64, 0);

      g_array_remove_index (self->pending_deletes, 0);
      g_array_remove_index (self->pending_hints, 0);
      if (!factures_store_delete_draft (self->store, id, NULL))
        g_warning ("draft %" G_GINT64_FORMAT " could not be deleted at quit", id);
    }
}

/* The window closes (the app quits) while a toast still offers "Undo": delete now, while
 * every view that follows the store is still whole. */
static gboolean
window_close_request_cb (FacturesDocumentsPage *self)
{
  perform_pending_deletes (self);
  return FALSE;
}

static void
factures_documents_page_root (GtkWidget *widget)
{
  FacturesDocumentsPage *self = FACTURES_DOCUMENTS_PAGE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (factures_documents_page_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    g_signal_connect_object (root, "close-request", G_CALLBACK (window_close_request_cb), self,
                             G_CONNECT_SWAPPED);
}

static void
factures_documents_page_unroot (GtkWidget *widget)
{
  FacturesDocumentsPage *self = FACTURES_DOCUMENTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (root != NULL)
    g_signal_handlers_disconnect_by_func (root, window_close_request_cb, self);

  GTK_WIDGET_CLASS (factures_documents_page_parent_class)->unroot (widget);
}

/* ---- GObject ---------------------------------------------------------- */

static void
factures_documents_page_dispose (GObject *object)
{
  FacturesDocumentsPage *self = FACTURES_DOCUMENTS_PAGE (object);

  /* Quitting with a toast still up: the deletion the user let happen is done now (the
   * window's close-request did it already, unless the page goes some other way). */
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_pointer (&self->watch, factures_store_watch_free);
  perform_pending_deletes (self);

  /* Removing the columns while the view goes changes its sorter: no reload then. */
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_func (gtk_column_view_get_sorter (GTK_COLUMN_VIEW (self->column_view)),
                                          view_sorter_changed_cb, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, selection_changed_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_DOCUMENTS_PAGE);
  g_clear_pointer (&self->sort_state, factures_sort_state_free);
  g_clear_object (&self->selection);
  g_clear_object (&self->years);
  g_clear_object (&self->store);
  g_clear_pointer (&self->facts, g_hash_table_unref);
  g_clear_pointer (&self->pending_deletes, g_array_unref);
  g_clear_pointer (&self->pending_hints, g_array_unref);

  G_OBJECT_CLASS (factures_documents_page_parent_class)->dispose (object);
}

static void
factures_documents_page_class_init (FacturesDocumentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = factures_documents_page_dispose;
  widget_class->root = factures_documents_page_root;
  widget_class->unroot = factures_documents_page_unroot;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/documents/factures-documents-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesDocumentsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FacturesDocumentsPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, FacturesDocumentsPage, year_filter);
  gtk_widget_class_bind_template_child (widget_class, FacturesDocumentsPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesDocumentsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FacturesDocumentsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, FacturesDocumentsPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, FacturesDocumentsPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);

  gtk_widget_class_install_action (widget_class, "documents.new-invoice", NULL, new_invoice_action);
  gtk_widget_class_install_action (widget_class, "documents.new-quote", NULL, new_quote_action);
  gtk_widget_class_install_action (widget_class, "documents.delete-selected", NULL, delete_selected_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "documents.delete-selected", NULL);
}

static void
label_drop_down_button (GtkWidget  *drop_down,
                        const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (drop_down); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
factures_documents_page_init (FacturesDocumentsPage *self)
{
  g_autoptr (GtkStringList) states = gtk_string_list_new (NULL);

  factures_documents_register_resources ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->sort = FACTURES_DOCUMENT_SORT_DATE;
  self->descending = TRUE;
  self->facts = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  self->pending_deletes = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pending_hints = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint state = FACTURES_DOCUMENT_STATE_ANY; state < FACTURES_N_DOCUMENT_STATES; state++)
    gtk_string_list_append (states, factures_document_state_filter_label (state));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->status_filter), G_LIST_MODEL (states));
  self->years = gtk_string_list_new (NULL);
  gtk_string_list_append (self->years, _("All years"));
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->year_filter), G_LIST_MODEL (self->years));

  /* GTK 4.8 leaves the drop-downs' inner button unnamed for screen readers. */
  label_drop_down_button (self->status_filter, _("Status filter"));
  label_drop_down_button (self->year_filter, _("Year filter"));

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (selection_changed_cb), self);
  gtk_column_view_set_model (GTK_COLUMN_VIEW (self->column_view), GTK_SELECTION_MODEL (self->selection));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.delete-selected", FALSE);

  self->sort_state = factures_sort_state_new (GTK_COLUMN_VIEW (self->column_view));
  /* Narrow enough to leave the client's name room at 1024 px (French headers and statuses). */
  add_column (self, FACTURES_DOCUMENT_COLUMN_NUMBER, _("Number"), FALSE, 105);
  add_column (self, FACTURES_DOCUMENT_COLUMN_KIND, _("Kind"), FALSE, 105);
  add_column (self, FACTURES_DOCUMENT_COLUMN_CLIENT, _("Client"), TRUE, -1);
  add_column (self, FACTURES_DOCUMENT_COLUMN_ISSUE_DATE, _("Issue date"), FALSE, 118);
  add_column (self, FACTURES_DOCUMENT_COLUMN_DUE_DATE, _("Due date"), FALSE, 118);
  add_column (self, FACTURES_DOCUMENT_COLUMN_TOTAL, _("Total incl. VAT"), FALSE, 105);
  add_column (self, FACTURES_DOCUMENT_COLUMN_LEFT, _("Left to pay"), FALSE, 110);
  add_column (self, FACTURES_DOCUMENT_COLUMN_STATUS, _("Status"), FALSE, 165);


  /* Search as you type: keys typed anywhere on the page go to the search entry. */
  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (self->search_entry), GTK_WIDGET (self));
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
  /* the list is read when the page is first shown (issue 12: a hidden view costs nothing) */
  self->watch = factures_store_watch_new (store, GTK_WIDGET (self), store_changed_cb, TRUE);

  /* Newest first, shown by the arrow on the issue-date header. */
  columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (self->column_view));
  date_column = g_list_model_get_item (columns, FACTURES_DOCUMENT_COLUMN_ISSUE_DATE);
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (self->column_view), date_column, GTK_SORT_DESCENDING);

  g_signal_connect (gtk_column_view_get_sorter (GTK_COLUMN_VIEW (self->column_view)), "changed",
                    G_CALLBACK (view_sorter_changed_cb), self);

  return GTK_WIDGET (self);
}
