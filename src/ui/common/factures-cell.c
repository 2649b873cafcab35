/* factures-cell.c — one-label cells for GtkColumnView columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "factures-cell.h"

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  numeric)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (GPOINTER_TO_INT (numeric))
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_list_item_set_child (item, label);
}

/* The text function comes as the signal's data (a function pointer in a gpointer,
 * as GLib's own GCallback casts do). */
static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  FacturesCellTextFunc func = (FacturesCellTextFunc) (GCallback) user_data;
  GtkWidget *label = gtk_list_item_get_child (item);
  gpointer row = gtk_list_item_get_item (item);
  g_autofree char *text = row != NULL ? func (row) : NULL;

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
}

GtkListItemFactory *
factures_cell_factory_new (FacturesCellTextFunc func,
                           gboolean             numeric)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (numeric));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), (gpointer) (GCallback) func);
  return factory;
}

GtkColumnViewColumn *
factures_cell_column_add (GtkColumnView        *view,
                          const char           *title,
                          FacturesCellTextFunc  func,
                          gboolean              numeric,
                          gboolean              expand)
{
  GtkColumnViewColumn *column;

  column = gtk_column_view_column_new (title, factures_cell_factory_new (func, numeric));
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
  return column;
}
