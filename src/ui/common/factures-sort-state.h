/* factures-sort-state.h — which column header the user clicked, on GTK 4.8
 *
 * GTK 4.8 keeps GtkColumnViewSorter's API private (public from 4.10), and a
 * GtkSortListModel would read every row of a lazy model. So each sortable column
 * gets a probe GtkCustomSorter from factures_sort_state_attach(); when the view's
 * sorter changes, factures_sort_state_query() asks it to compare two dummy items:
 * the first column sorter it calls is the primary sort column, and the sign of
 * the answer tells the direction. The page then re-queries SQL with ORDER BY.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _FacturesSortState FacturesSortState;

FacturesSortState *factures_sort_state_new    (GtkColumnView     *view);
void               factures_sort_state_free   (FacturesSortState *state);
/* Makes @column sortable; @sort_key is the page's own sort enum value for it. */
void               factures_sort_state_attach (FacturesSortState *state,
                                               GtkColumnViewColumn *column,
                                               int                sort_key);
/* TRUE when a column is sorted; *out_sort_key and *out_descending set. FALSE: no column. */
gboolean           factures_sort_state_query  (FacturesSortState *state,
                                               int               *out_sort_key,
                                               gboolean          *out_descending);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesSortState, factures_sort_state_free)

G_END_DECLS
