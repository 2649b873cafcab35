/* factures-skip-model.c — a list model that hides a few positions of another (issue 11)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "factures-skip-model.h"

struct _FacturesSkipModel
{
  GObject     parent_instance;

  GListModel *model;
  GArray     *skipped;   /* guint positions of model, ascending, each < its length */
};

static void factures_skip_model_list_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FacturesSkipModel, factures_skip_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, factures_skip_model_list_init))

static GType
factures_skip_model_get_item_type (GListModel *list)
{
  return g_list_model_get_item_type (FACTURES_SKIP_MODEL (list)->model);
}

static guint
factures_skip_model_get_n_items (GListModel *list)
{
  FacturesSkipModel *self = FACTURES_SKIP_MODEL (list);

  return g_list_model_get_n_items (self->model) - self->skipped->len;
}

static gpointer
factures_skip_model_get_item (GListModel *list,
                              guint       position)
{
  FacturesSkipModel *self = FACTURES_SKIP_MODEL (list);

  /* Each hidden position at or before the one asked shifts it by one. */
  for (guint i = 0; i < self->skipped->len; i++)
    {
      if (g_array_index (self->skipped, guint, i) > position)
        break;
      position++;
    }
  return g_list_model_get_item (self->model, position);
}

static void
factures_skip_model_list_init (GListModelInterface *iface)
{
  iface->get_item_type = factures_skip_model_get_item_type;
  iface->get_n_items = factures_skip_model_get_n_items;
  iface->get_item = factures_skip_model_get_item;
}

static void
factures_skip_model_dispose (GObject *object)
{
  FacturesSkipModel *self = FACTURES_SKIP_MODEL (object);

  g_clear_object (&self->model);
  g_clear_pointer (&self->skipped, g_array_unref);

  G_OBJECT_CLASS (factures_skip_model_parent_class)->dispose (object);
}

static void
factures_skip_model_class_init (FacturesSkipModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = factures_skip_model_dispose;
}

static void
factures_skip_model_init (FacturesSkipModel *self)
{
  self->skipped = g_array_new (FALSE, FALSE, sizeof (guint));
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

FacturesSkipModel *
factures_skip_model_new (GListModel  *model,
                         const guint *positions,
                         guint        n_positions)
{
  FacturesSkipModel *self;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (FACTURES_TYPE_SKIP_MODEL, NULL);
  self->model = model;
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n_positions; i++)
    {
      gboolean seen = FALSE;

      for (guint j = 0; j < self->skipped->len; j++)
        seen = seen || g_array_index (self->skipped, guint, j) == positions[i];
      if (positions[i] < n && !seen)
        g_array_append_val (self->skipped, positions[i]);
    }
  g_array_sort (self->skipped, compare_positions);
  return self;
}
