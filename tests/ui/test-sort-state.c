/* test-sort-state.c — which column header was clicked, on GTK 4.8 (factures-sort-state.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "factures-sort-state.h"

static GtkListItemFactory *
empty_factory (void)
{
  return gtk_signal_list_item_factory_new ();
}

static void
on_changed (GtkSorter *sorter,
            GtkSorterChange change,
            guint     *count)
{
  (*count)++;
}

static void
test_sort_state_columns (void)
{
  g_autoptr (GListStore) store = g_list_store_new (G_TYPE_OBJECT);
  GtkWidget *view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (store)))));
  g_autoptr (FacturesSortState) state = NULL;
  GtkColumnViewColumn *columns[3];
  int key = -1;
  gboolean descending = FALSE;
  guint changes = 0;

  g_object_ref_sink (view);
  state = factures_sort_state_new (GTK_COLUMN_VIEW (view));
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      columns[i] = gtk_column_view_column_new ("column", empty_factory ());
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), columns[i]);
      factures_sort_state_attach (state, columns[i], 10 * (int) (i + 1));
    }
  g_signal_connect (gtk_column_view_get_sorter (GTK_COLUMN_VIEW (view)), "changed",
                    G_CALLBACK (on_changed), &changes);

  /* Nothing sorted yet. */
  g_assert_false (factures_sort_state_query (state, &key, &descending));

  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (view), columns[1], GTK_SORT_ASCENDING);
  g_assert_true (factures_sort_state_query (state, &key, &descending));
  g_assert_cmpint (key, ==, 20);
  g_assert_false (descending);

  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (view), columns[1], GTK_SORT_DESCENDING);
  g_assert_true (factures_sort_state_query (state, &key, &descending));
  g_assert_cmpint (key, ==, 20);
  g_assert_true (descending);

  /* A click on another header makes it the primary column. */
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (view), columns[2], GTK_SORT_ASCENDING);
  g_assert_true (factures_sort_state_query (state, &key, &descending));
  g_assert_cmpint (key, ==, 30);
  g_assert_false (descending);

  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (view), columns[0], GTK_SORT_DESCENDING);
  g_assert_true (factures_sort_state_query (state, &key, &descending));
  g_assert_cmpint (key, ==, 10);
  g_assert_true (descending);

  /* Every change was signalled, so the page re-queries SQL each time. */
  g_assert_cmpuint (changes, >=, 4);

  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (view), NULL, GTK_SORT_ASCENDING);
  g_assert_false (factures_sort_state_query (state, &key, &descending));

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_object_unref (columns[i]);
  g_object_unref (view);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_printerr ("test-sort-state: no display\n");
      return g_getenv ("CI") != NULL ? 1 : 77;
    }
  g_test_add_func ("/ui/sort-state/columns", test_sort_state_columns);
  return g_test_run ();
}
