/* factures-store-watch.c — see factures-store-watch.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "factures-store-watch.h"

struct _FacturesStoreWatch
{
  FacturesStore          *store;
  GtkWidget              *view;
  FacturesStoreWatchFunc  func;
  gulong                  item_changed_id;
  gulong                  changed_id;
  gulong                  map_id;
  GArray                 *documents;   /* gint64, since the last "changed" */
  GArray                 *clients;
  gboolean                everything;
  gboolean                stale;
};

static void
append_unique (GArray *array,
               gint64  id)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, gint64, i) == id)
      return;
  g_array_append_val (array, id);
}

static void
on_item_changed (FacturesStore      *store,
                 guint               kind,
                 gint64              id,
                 FacturesStoreWatch *self)
{
  if (kind == FACTURES_STORE_CHANGE_DOCUMENT)
    append_unique (self->documents, id);
  else if (kind == FACTURES_STORE_CHANGE_CLIENT)
    append_unique (self->clients, id);
  else
    self->everything = TRUE;
}

static void
on_changed (FacturesStoreWatch *self)
{
  g_autoptr (GArray) documents = g_steal_pointer (&self->documents);
  g_autoptr (GArray) clients = g_steal_pointer (&self->clients);
  gboolean everything = self->everything;

  self->documents = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->clients = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->everything = FALSE;
  if (!everything && documents->len == 0 && clients->len == 0)
    return;
  if (!gtk_widget_get_mapped (self->view) || self->stale)
    {
      self->stale = TRUE;
      return;
    }
  if (everything)
    {
      g_array_set_size (documents, 0);
      g_array_set_size (clients, 0);
    }
  self->func (self->view, everything, documents, clients);
}

static void
on_map (FacturesStoreWatch *self)
{
  g_autoptr (GArray) none = NULL;

  if (!self->stale)
    return;
  self->stale = FALSE;
  none = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->func (self->view, TRUE, none, none);
}

FacturesStoreWatch *
factures_store_watch_new (FacturesStore          *store,
                          GtkWidget              *view,
                          FacturesStoreWatchFunc  func,
                          gboolean                stale)
{
  FacturesStoreWatch *self;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (view), NULL);
  g_return_val_if_fail (func != NULL, NULL);

  self = g_new0 (FacturesStoreWatch, 1);
  self->store = g_object_ref (store);
  self->view = view;
  self->func = func;
  self->stale = stale;
  self->documents = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->clients = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->item_changed_id = g_signal_connect (store, "item-changed", G_CALLBACK (on_item_changed), self);
  self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (on_changed), self);
  self->map_id = g_signal_connect_swapped (view, "map", G_CALLBACK (on_map), self);
  return self;
}

gboolean
factures_store_watch_get_stale (FacturesStoreWatch *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->stale;
}

void
factures_store_watch_set_stale (FacturesStoreWatch *self)
{
  g_return_if_fail (self != NULL);
  self->stale = TRUE;
}

void
factures_store_watch_free (FacturesStoreWatch *self)
{
  if (self == NULL)
    return;
  g_clear_signal_handler (&self->item_changed_id, self->store);
  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_signal_handler (&self->map_id, self->view);
  g_clear_object (&self->store);
  g_array_unref (self->documents);
  g_array_unref (self->clients);
  g_free (self);
}
