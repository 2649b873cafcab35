/* test-documents.c — the Documents page's own sort state and the line editor's checks
 *
 * Needs a display (suite ui): skipped without DISPLAY, failed under CI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <adwaita.h>

#include "factures-documents.h"
#include "factures-documents-page.h"
#include "factures-line-row.h"
#include "factures-rows.h"
#include "factures-store.h"

typedef struct
{
  char          *dir;
  FacturesStore *store;
} Fixture;

static gint64
add_client (FacturesStore *store,
            const char    *name)
{
  g_autoptr (FacturesClient) client = factures_client_new ();
  g_autoptr (GError) error = NULL;

  client->party.name = g_strdup (name);
  client->party.city = g_strdup ("Lyon");
  client->category = FACTURES_CLIENT_CATEGORY_INDIVIDUAL;
  g_assert_true (factures_store_save_client (store, client, &error));
  g_assert_no_error (error);

  return client->id;
}

static void
add_draft (FacturesStore *store,
           gint64         client_id,
           const char    *iso_date,
           gint64         unit_price)
{
  g_autoptr (FacturesDocument) document = factures_document_new (FACTURES_DOCUMENT_KIND_INVOICE);
  g_autoptr (GError) error = NULL;
  FacturesLine *line = factures_line_new ();

  document->client_id = client_id;
  g_assert_true (factures_date_parse_iso (iso_date, &document->issue_date, NULL));
  line->description = g_strdup ("Prestation");
  line->quantity = FACTURES_QUANTITY_ONE;
  line->unit_price = unit_price;
  g_ptr_array_add (document->lines, line);
  g_assert_true (factures_store_save_draft (store, document, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FacturesProfile) profile = factures_profile_new ();
  g_autofree char *path = NULL;
  gint64 anne, bruno, chloe;

  fixture->dir = g_dir_make_tmp ("factures-test-documents-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "factures.db", NULL);
  fixture->store = factures_store_open (path, &error);
  g_assert_no_error (error);

  profile->party.name = g_strdup ("Marie Durand EI");
  g_assert_true (factures_store_save_profile (fixture->store, profile, &error));
  g_assert_no_error (error);

  anne = add_client (fixture->store, "Anne");
  bruno = add_client (fixture->store, "Bruno");
  chloe = add_client (fixture->store, "Chloé");
  /* client, date and total all in different orders */
  add_draft (fixture->store, bruno, "2026-03-01", 300 * FACTURES_UNIT_PRICE_ONE);
  add_draft (fixture->store, chloe, "2026-01-01", 200 * FACTURES_UNIT_PRICE_ONE);
  add_draft (fixture->store, anne, "2026-02-01", 100 * FACTURES_UNIT_PRICE_ONE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->store);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static GtkColumnView *
find_column_view (GtkWidget *widget)
{
  if (GTK_IS_COLUMN_VIEW (widget))
    return GTK_COLUMN_VIEW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkColumnView *view = find_column_view (child);

      if (view != NULL)
        return view;
    }

  return NULL;
}

static const char *
first_client (GtkColumnView *view)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_autoptr (FacturesDocumentRow) row = g_list_model_get_item (model, 0);
  static char name[64];

  g_assert_nonnull (row);
  g_strlcpy (name, factures_document_row_get_client_name (row), sizeof name);
  return name;
}

/* Header clicks end in gtk_column_view_sort_by_column(); the page must read the
 * column and direction back from the view's sorter and order the rows in SQL. */
static void
test_page_sort (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = factures_documents_page_new (fixture->store);
  GtkColumnView *view = find_column_view (page);
  GListModel *columns;
  gboolean descending = FALSE;
  struct {
    guint                 column;
    GtkSortType           order;
    FacturesDocumentSort  sort;
    gboolean              descending;
    const char           *first;
  } cases[] = {
    { 2, GTK_SORT_ASCENDING,  FACTURES_DOCUMENT_SORT_CLIENT, FALSE, "Anne" },
    { 2, GTK_SORT_DESCENDING, FACTURES_DOCUMENT_SORT_CLIENT, TRUE,  "Chloé" },
    { 3, GTK_SORT_ASCENDING,  FACTURES_DOCUMENT_SORT_DATE,   FALSE, "Chloé" },
    { 3, GTK_SORT_DESCENDING, FACTURES_DOCUMENT_SORT_DATE,   TRUE,  "Bruno" },
    { 5, GTK_SORT_ASCENDING,  FACTURES_DOCUMENT_SORT_TOTAL,  FALSE, "Anne" },
    { 5, GTK_SORT_DESCENDING, FACTURES_DOCUMENT_SORT_TOTAL,  TRUE,  "Bruno" },
  };

  g_assert_nonnull (view);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (view), "data-table"));
  /* the list is read when the page is first shown (issue 12) */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), ==, 0);
  g_object_ref (page);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_get_mapped (page));

  /* Default: newest first. */
  g_assert_cmpint (factures_documents_page_get_sort (FACTURES_DOCUMENTS_PAGE (page), &descending),
                   ==, FACTURES_DOCUMENT_SORT_DATE);
  g_assert_true (descending);
  g_assert_cmpstr (first_client (view), ==, "Bruno");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), ==, 3);

  columns = gtk_column_view_get_columns (view);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, cases[i].column);

      gtk_column_view_sort_by_column (view, column, cases[i].order);
      g_assert_cmpint (factures_documents_page_get_sort (FACTURES_DOCUMENTS_PAGE (page), &descending),
                       ==, cases[i].sort);
      g_assert_cmpint (descending, ==, cases[i].descending);
      g_assert_cmpstr (first_client (view), ==, cases[i].first);
    }

  /* The kind column has no SQL order: clicking it keeps the current one. */
  {
    g_autoptr (GtkColumnViewColumn) kind = g_list_model_get_item (columns, 1);

    g_assert_null (gtk_column_view_column_get_sorter (kind));
  }

  /* No sort column: back to newest first. */
  gtk_column_view_sort_by_column (view, NULL, GTK_SORT_ASCENDING);
  g_assert_cmpint (factures_documents_page_get_sort (FACTURES_DOCUMENTS_PAGE (page), &descending),
                   ==, FACTURES_DOCUMENT_SORT_DATE);
  g_assert_true (descending);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (page);
}

static void
wait_frames (guint n)
{
  /* Layout happens on frame clock ticks: give the window time to allocate. */
  for (guint i = 0; i < n; i++)
    {
      gint64 until = g_get_monotonic_time () + 20 * G_TIME_SPAN_MILLISECOND;

      while (g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, FALSE);
    }
}

static GtkScrolledWindow *
find_scrolled (GtkWidget *widget)
{
  for (GtkWidget *parent = widget; parent != NULL; parent = gtk_widget_get_parent (parent))
    if (GTK_IS_SCROLLED_WINDOW (parent))
      return GTK_SCROLLED_WINDOW (parent);
  return NULL;
}

/* A store change reads again the rows of the documents it touched (issue 12), the selected
 * document and the scroll position stay; while the page is hidden it waits until it is shown
 * again. */
static void
test_page_refresh_keeps_place (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = factures_documents_page_new (fixture->store);
  GtkColumnView *view = find_column_view (page);
  GtkSelectionModel *selection = gtk_column_view_get_model (view);
  GtkAdjustment *vadjustment;
  g_autoptr (FacturesDocumentRow) selected = NULL;
  g_autoptr (FacturesDocumentRow) after = NULL;
  g_autoptr (FacturesClient) client = factures_client_new ();
  g_autoptr (GError) error = NULL;
  gint64 anne = 0;
  double scroll;
  guint position;
  GListModel *before_model;

  /* 150 more drafts, so that the list scrolls. */
  {
    g_autoptr (GListModel) clients = factures_store_list_clients (fixture->store, "Anne",
                                                                  FACTURES_CLIENT_SORT_NAME, FALSE);
    g_autoptr (FacturesClientRow) row = g_list_model_get_item (clients, 0);

    anne = factures_client_row_get_id (row);
  }
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *date = g_strdup_printf ("2025-%02u-%02u", 1 + i % 12, 1 + i % 28);

      add_draft (fixture->store, anne, date, (i + 1) * FACTURES_UNIT_PRICE_ONE);
    }

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 400);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 153);

  vadjustment = gtk_scrolled_window_get_vadjustment (find_scrolled (GTK_WIDGET (view)));
  /* Up to 5 s for the first layout on a loaded machine. */
  for (guint i = 0; i < 250 && gtk_adjustment_get_upper (vadjustment) <= gtk_adjustment_get_page_size (vadjustment) * 3; i++)
    wait_frames (1);
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), >, gtk_adjustment_get_page_size (vadjustment) * 3);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (selection), 80);
  selected = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection));
  g_object_ref (selected);
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment) / 2);
  wait_frames (10);
  scroll = gtk_adjustment_get_value (vadjustment);
  g_assert_cmpfloat (scroll, >, 0);

  /* A change that touches no document (a new client): the list is not read again (issue 12:
   * a view refreshes only the rows of what changed). */
  client->party.name = g_strdup ("Zoé");
  g_assert_true (factures_store_save_client (fixture->store, client, &error));
  g_assert_no_error (error);
  wait_frames (10);
  g_assert_true (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection)) == selected);

  /* The selected document changed: its row is read again, in its place. */
  {
    g_autoptr (FacturesDocument) document = factures_store_get_document (fixture->store,
                                                                         factures_document_row_get_id (selected),
                                                                         &error);

    g_assert_no_error (error);
    g_free (document->notes);
    document->notes = g_strdup ("Changed");
    g_assert_true (factures_store_save_draft (fixture->store, document, &error));
    g_assert_no_error (error);
  }
  wait_frames (10);

  position = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection));
  g_assert_cmpuint (position, ==, 80);
  after = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection));
  g_object_ref (after);
  g_assert_true (after != selected);   /* read again… */
  g_assert_cmpint (factures_document_row_get_id (after), ==, factures_document_row_get_id (selected));
  g_assert_cmpfloat (ABS (gtk_adjustment_get_value (vadjustment) - scroll), <, 1.0);

  /* Hidden: no query until shown again. */
  gtk_widget_set_visible (window, FALSE);
  wait_frames (2);
  before_model = G_LIST_MODEL (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection)));
  add_draft (fixture->store, anne, "2026-04-01", FACTURES_UNIT_PRICE_ONE);
  g_assert_true (G_LIST_MODEL (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection))) == before_model);
  gtk_window_present (GTK_WINDOW (window));
  wait_frames (10);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 154);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
assert_refused (FacturesLineRow *row,
                const char      *field)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FacturesLine) line = factures_line_row_get_line (row, TRUE, &error);

  g_assert_null (line);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, field));
}

static void
test_line_row_checks (void)
{
  FacturesLineRow *row = g_object_ref_sink (factures_line_row_new (NULL, FALSE, FALSE));
  g_autofree char *long_text = g_strnfill (20000, 'x');
  g_autoptr (FacturesLine) line = NULL;
  g_autoptr (GError) error = NULL;

  factures_line_row_set_number (row, 2);
  g_assert_true (factures_line_row_is_blank (row));

  factures_line_row_set_texts (row, "Conception\ndu logo", "1,5", "h", "12,3,4");
  g_assert_false (factures_line_row_is_blank (row));
  assert_refused (row, "Unit price, line 2");

  factures_line_row_set_texts (row, NULL, "0", NULL, "12,5");
  assert_refused (row, "Quantity, line 2");

  factures_line_row_set_texts (row, long_text, "1,5", NULL, NULL);
  assert_refused (row, "Description, line 2");

  factures_line_row_set_texts (row, "Conception\ndu logo", NULL, NULL, "0,085");
  line = factures_line_row_get_line (row, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_cmpstr (line->description, ==, "Conception\ndu logo");
  g_assert_cmpint (line->quantity, ==, 15000);
  g_assert_cmpstr (line->unit, ==, "h");
  g_assert_cmpint (line->unit_price, ==, 85000);
  g_assert_cmpint (line->vat_rate_bp, ==, 0);

  g_object_unref (row);
}

static void
test_line_row_quote_allows_zero (void)
{
  FacturesLineRow *row = g_object_ref_sink (factures_line_row_new (NULL, TRUE, TRUE));
  g_autoptr (FacturesLine) line = NULL;
  g_autoptr (GError) error = NULL;

  factures_line_row_set_texts (row, "Option", "0", "", "10");
  line = factures_line_row_get_line (row, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (line->quantity, ==, 0);
  g_assert_null (line->unit);
  g_assert_cmpint (line->vat_rate_bp, ==, 2000);   /* the first rate offered: 20 % */

  g_object_unref (row);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("needs a display\n");
      return g_getenv ("CI") ? 1 : 77;
    }

  /* English messages: the test compares field names. */
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/documents/page-sort", Fixture, NULL, fixture_set_up, test_page_sort, fixture_tear_down);
  g_test_add ("/documents/page-refresh-keeps-place", Fixture, NULL, fixture_set_up,
              test_page_refresh_keeps_place, fixture_tear_down);
  g_test_add_func ("/documents/line-row-checks", test_line_row_checks);
  g_test_add_func ("/documents/line-row-quote-allows-zero", test_line_row_quote_allows_zero);

  return g_test_run ();
}
