/* factures-overdue-page.c — the Overdue view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-cell.h"
#include "factures-documents.h"
#include "factures-overdue-page.h"
#include "factures-rows.h"
#include "factures-sort-state.h"

struct _FacturesOverduePage
{
  GtkBox              parent_instance;

  FacturesStore      *store;
  FacturesSortState  *sort_state;
  GtkSingleSelection *selection;
  gulong              changed_id;
  guint               count;

  GtkWidget          *stack;
  GtkWidget          *view;
};

G_DEFINE_FINAL_TYPE (FacturesOverduePage, factures_overdue_page, GTK_TYPE_BOX)

enum { PROP_0, PROP_COUNT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static char *
cell_number (gpointer item)
{
  return g_strdup (factures_document_row_get_number (item));
}

static char *
cell_client (gpointer item)
{
  return g_strdup (factures_document_row_get_client_name (item));
}

static char *
cell_due_date (gpointer item)
{
  const char *iso = factures_document_row_get_due_date (item);
  GDate date;

  if (iso == NULL || !factures_date_parse_iso (iso, &date, NULL))
    return g_strdup (iso);
  return factures_date_format_fr (&date);
}

static char *
cell_days_late (gpointer item)
{
  gint days = factures_document_row_get_days_late (item);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", days), days);
}

static char *
cell_balance (gpointer item)
{
  return factures_money_format (factures_document_row_get_balance (item));
}

void
factures_overdue_page_refresh (FacturesOverduePage *self)
{
  g_autoptr (GListModel) model = NULL;
  int sort = FACTURES_DOCUMENT_SORT_DAYS_LATE;
  gboolean descending = TRUE;
  GDate today;
  guint count;

  g_return_if_fail (FACTURES_IS_OVERDUE_PAGE (self));

  if (self->store == NULL)
    return;
  if (!factures_sort_state_query (self->sort_state, &sort, &descending))
    {
      sort = FACTURES_DOCUMENT_SORT_DAYS_LATE;
      descending = TRUE;
    }

  factures_today (&today);
  model = factures_store_list_overdue (self->store, &today, (FacturesDocumentSort) sort, descending);
  gtk_single_selection_set_model (self->selection, model);

  count = g_list_model_get_n_items (model);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), count > 0 ? "list" : "empty");
  if (count != self->count)
    {
      self->count = count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
    }
}

static void
on_activate (GtkColumnView       *view,
             guint                position,
             FacturesOverduePage *self)
{
  g_autoptr (FacturesDocumentRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (row == NULL)
    return;
  factures_editor_window_open (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               self->store, factures_document_row_get_id (row), 0);
}

static void
factures_overdue_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  FacturesOverduePage *self = FACTURES_OVERDUE_PAGE (object);

  switch (prop_id)
    {
    case PROP_COUNT:
      g_value_set_uint (value, self->count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
factures_overdue_page_dispose (GObject *object)
{
  FacturesOverduePage *self = FACTURES_OVERDUE_PAGE (object);

  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->sort_state, factures_sort_state_free);

  G_OBJECT_CLASS (factures_overdue_page_parent_class)->dispose (object);
}

static void
factures_overdue_page_class_init (FacturesOverduePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = factures_overdue_page_dispose;
  object_class->get_property = factures_overdue_page_get_property;

  properties[PROP_COUNT] = g_param_spec_uint ("count", NULL, NULL,
                                              0, G_MAXUINT, 0,
                                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
factures_overdue_page_init (FacturesOverduePage *self)
{
  GtkWidget *scroller;
  GtkWidget *status;
  GtkColumnViewColumn *column;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  self->view = gtk_column_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)));
  gtk_widget_add_css_class (self->view, "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Overdue invoices"), -1);
  g_signal_connect (self->view, "activate", G_CALLBACK (on_activate), self);

  self->sort_state = factures_sort_state_new (GTK_COLUMN_VIEW (self->view));
  column = factures_cell_column_add (GTK_COLUMN_VIEW (self->view), _("Number"), cell_number, FALSE, FALSE);
  gtk_column_view_column_set_fixed_width (column, 150);
  factures_sort_state_attach (self->sort_state, column, FACTURES_DOCUMENT_SORT_NUMBER);
  column = factures_cell_column_add (GTK_COLUMN_VIEW (self->view), _("Client"), cell_client, FALSE, TRUE);
  factures_sort_state_attach (self->sort_state, column, FACTURES_DOCUMENT_SORT_CLIENT);
  column = factures_cell_column_add (GTK_COLUMN_VIEW (self->view), _("Due Date"), cell_due_date, TRUE, FALSE);
  gtk_column_view_column_set_fixed_width (column, 130);
  factures_sort_state_attach (self->sort_state, column, FACTURES_DOCUMENT_SORT_DUE);
  column = factures_cell_column_add (GTK_COLUMN_VIEW (self->view), _("Days Late"), cell_days_late, TRUE, FALSE);
  gtk_column_view_column_set_fixed_width (column, 130);
  factures_sort_state_attach (self->sort_state, column, FACTURES_DOCUMENT_SORT_DAYS_LATE);
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (self->view), column, GTK_SORT_DESCENDING);
  column = factures_cell_column_add (GTK_COLUMN_VIEW (self->view), _("Balance"), cell_balance, TRUE, FALSE);
  gtk_column_view_column_set_fixed_width (column, 140);
  g_signal_connect_swapped (gtk_column_view_get_sorter (GTK_COLUMN_VIEW (self->view)),
                            "changed", G_CALLBACK (factures_overdue_page_refresh), self);

  self->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->stack, TRUE);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->view);
  gtk_stack_add_named (GTK_STACK (self->stack), scroller, "list");
  status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Nothing Overdue"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Every issued invoice is paid or not yet due."));
  gtk_stack_add_named (GTK_STACK (self->stack), status, "empty");
  gtk_box_append (GTK_BOX (self), self->stack);
}

GtkWidget *
factures_overdue_page_new (FacturesStore *store)
{
  FacturesOverduePage *self;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  self = g_object_new (FACTURES_TYPE_OVERDUE_PAGE, NULL);
  self->store = g_object_ref (store);
  self->changed_id = g_signal_connect_swapped (store, "changed",
                                               G_CALLBACK (factures_overdue_page_refresh), self);
  factures_overdue_page_refresh (self);
  return GTK_WIDGET (self);
}

guint
factures_overdue_page_get_count (FacturesOverduePage *self)
{
  g_return_val_if_fail (FACTURES_IS_OVERDUE_PAGE (self), 0);
  return self->count;
}
