/* factures-store-facturx-drafts.h — drafts made from an imported invoice (issue 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-store.h"

G_BEGIN_DECLS

/**
 * factures_store_find_import_drafts:
 * @self: the store
 * @number: the number of an imported invoice (BT-1)
 * @error: FACTURES_ERROR_DATABASE
 *
 * The drafts still open that re-invoice the invoice numbered @number: those
 * factures_store_import_draft() made, whose notes read "Reprise de la facture
 * NUMBER" (followed by " de SELLER" when the file names its seller). Importing
 * the same file again as a draft is allowed (re-invoicing twice can be meant):
 * the callers warn with this list.
 *
 * Returns: (transfer full) (element-type gint64): the drafts' ids, newest
 *   first (empty when none), NULL on error
 */
GArray *factures_store_find_import_drafts (FacturesStore  *self,
                                           const char     *number,
                                           GError        **error);

G_END_DECLS
