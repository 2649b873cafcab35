/* factures-skip-model.h — a list model that hides a few positions of another (issue 11)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FACTURES_TYPE_SKIP_MODEL (factures_skip_model_get_type ())
G_DECLARE_FINAL_TYPE (FacturesSkipModel, factures_skip_model, FACTURES, SKIP_MODEL, GObject)

/**
 * factures_skip_model_new:
 * @model: (transfer full): a snapshot model (it never emits items-changed)
 * @positions: (array length=n_positions): positions of @model to hide, any order
 *
 * @model without the items at @positions, read lazily: an item is fetched from @model only
 * when asked for (unlike GtkFilterListModel, which reads every item to filter it). The
 * documents list hides a draft waiting for its undo toast with it.
 */
FacturesSkipModel *factures_skip_model_new (GListModel  *model,
                                            const guint *positions,
                                            guint        n_positions);

G_END_DECLS
