/* factures-store-einvoicing-private.h — the plateforme agréée tables in the JSON export and
 * import (issue 14, migration 0015)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "factures-store.h"

G_BEGIN_DECLS

/* Adds "pa_account", "pa_outbox" and "pa_inbox" (arrays of rows, every column; the BLOB
 * columns payload and content in base64), each only when its table holds rows, so that an
 * export of data without a PA keeps its bytes. The client secret is in the keyring, never
 * in these tables nor in the file; the polling cursor is pa_account.cursor. */
gboolean factures_store_einvoicing_export_json (FacturesStore  *self,
                                                JsonBuilder    *builder,
                                                GError        **error);
/* Inside the import transaction, with the file's ids (@keep_ids; otherwise nothing is
 * imported, as for the payments): each row through the checks of the app — the account
 * through factures_store_save_pa_account()'s (it replaces the one saved), an outbox row
 * about an issued document or a supplier invoice of the file, with a known kind, state,
 * acknowledgement and status code and, for a status message, the sha256 of its bytes; an
 * inbox row with a known state, about a document or supplier invoice of the file.
 * FACTURES_ERROR_FORMAT or FACTURES_ERROR_INVALID naming the JSON path. Absent members
 * import nothing. */
gboolean factures_store_einvoicing_import_json (FacturesStore  *self,
                                                JsonObject     *root,
                                                gboolean        keep_ids,
                                                GError        **error);

G_END_DECLS
