/* factures-sort-state.c — which column header the user clicked, on GTK 4.8
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "factures-sort-state.h"

struct _FacturesSortState
{
  GtkColumnView *view;      /* weak */
  GObject       *probe_a;   /* two distinct dummy items for the compare functions */
  GObject       *probe_b;
  gboolean       probing;
  gboolean       found;
  int            found_key;
};

typedef struct
{
  FacturesSortState *state;
  int                sort_key;
} Probe;

FacturesSortState *
factures_sort_state_new (GtkColumnView *view)
{
  FacturesSortState *state = g_new0 (FacturesSortState, 1);

  g_set_weak_pointer (&state->view, view);
  state->probe_a = g_object_new (G_TYPE_OBJECT, NULL);
  state->probe_b = g_object_new (G_TYPE_OBJECT, NULL);
  return state;
}

void
factures_sort_state_free (FacturesSortState *state)
{
  if (state == NULL)
    return;
  g_clear_weak_pointer (&state->view);
  g_clear_object (&state->probe_a);
  g_clear_object (&state->probe_b);
  g_free (state);
}

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  Probe *probe = user_data;
  FacturesSortState *state = probe->state;

  if (!state->probing)
    return GTK_ORDERING_EQUAL;
  if (!state->found)
    {
      state->found = TRUE;
      state->found_key = probe->sort_key;
    }
  /* "a before b" in ascending order; the view sorter inverts it when descending. */
  return GTK_ORDERING_SMALLER;
}

void
factures_sort_state_attach (FacturesSortState   *state,
                            GtkColumnViewColumn *column,
                            int                  sort_key)
{
  Probe *probe = g_new0 (Probe, 1);
  GtkSorter *sorter;

  probe->state = state;
  probe->sort_key = sort_key;
  sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, probe, g_free));
  gtk_column_view_column_set_sorter (column, sorter);
  g_object_unref (sorter);
}

gboolean
factures_sort_state_query (FacturesSortState *state,
                           int               *out_sort_key,
                           gboolean          *out_descending)
{
  GtkSorter *sorter;
  GtkOrdering order;

  if (state->view == NULL)
    return FALSE;
  sorter = gtk_column_view_get_sorter (state->view);
  if (sorter == NULL)
    return FALSE;

  state->probing = TRUE;
  state->found = FALSE;
  order = gtk_sorter_compare (sorter, state->probe_a, state->probe_b);
  state->probing = FALSE;

  if (!state->found || order == GTK_ORDERING_EQUAL)
    return FALSE;
  *out_sort_key = state->found_key;
  *out_descending = order == GTK_ORDERING_LARGER;
  return TRUE;
}
