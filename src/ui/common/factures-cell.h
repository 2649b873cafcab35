/* factures-cell.h — one-label cells for GtkColumnView columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Returns the newly allocated text of @item's cell (NULL: empty). */
typedef char *(*FacturesCellTextFunc) (gpointer item);

/* A factory whose cells are one ellipsized label; @numeric: right-aligned with
 * tabular figures (style class "numeric"), for amounts and counts. */
GtkListItemFactory  *factures_cell_factory_new (FacturesCellTextFunc func,
                                                gboolean             numeric);
/* A column titled @title using such a factory, appended to @view. */
GtkColumnViewColumn *factures_cell_column_add  (GtkColumnView       *view,
                                                const char          *title,
                                                FacturesCellTextFunc func,
                                                gboolean             numeric,
                                                gboolean             expand);

G_END_DECLS
