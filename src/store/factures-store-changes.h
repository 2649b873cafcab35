/* factures-store-changes.h — what a committed write changed (issue 12 item 2)
 *
 * After each committed write the store emits "item-changed" once per document or client the
 * write touched, then "changed" (no arguments, as before). A view connects to
 * "item-changed" and refreshes only the rows it shows of that document or client, and only
 * when it is shown (a hidden view marks itself stale). An import, a restore, a change of the
 * settings every row depends on (penalty rates, dunning ladders) or a write touching more
 * than FACTURES_STORE_CHANGE_MAX_ITEMS documents and clients says
 * FACTURES_STORE_CHANGE_EVERYTHING once instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * FacturesStoreChange:
 * @FACTURES_STORE_CHANGE_EVERYTHING: anything may have changed (id 0): refresh the whole view
 * @FACTURES_STORE_CHANGE_DOCUMENT: one document (its row, lines, payments allocated to it,
 *   balance, dunning steps, promises, disputes, instalments, events); id: documents.id. The
 *   document may be new, or gone (a draft deleted).
 * @FACTURES_STORE_CHANGE_CLIENT: one client (its row, or a payment of its own); id: clients.id
 *
 * The kind of the "item-changed" signal of FacturesStore.
 */
typedef enum {
  FACTURES_STORE_CHANGE_EVERYTHING,
  FACTURES_STORE_CHANGE_DOCUMENT,
  FACTURES_STORE_CHANGE_CLIENT,
} FacturesStoreChange;

/* More documents and clients than this in one write: EVERYTHING instead. */
#define FACTURES_STORE_CHANGE_MAX_ITEMS 64

G_END_DECLS
