/* factures-store-urssaf-private.h — JSON hooks of the URSSAF tables (migration 0016), for
 * factures-store-json.c and factures-store-json-documents.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "factures-store.h"

G_BEGIN_DECLS

/* Adds "urssaf_settings" (an object, when the settings were ever saved) and
 * "urssaf_declarations" ([ {period, declared_on, recorded} ], when a period was marked): both
 * left out otherwise, so that an export of older data keeps its bytes. */
gboolean factures_store_urssaf_export_json (FacturesStore  *self,
                                            JsonBuilder    *builder,
                                            GError        **error);
/* Inside the import transaction: the settings through factures_store_set_urssaf_settings()'s
 * checks (into a non-empty database only when none were saved), the declared periods checked
 * (period key, dates) and added when not already marked. Absent members import nothing. */
gboolean factures_store_urssaf_import_json (FacturesStore  *self,
                                            JsonObject     *root,
                                            gboolean        keep_ids,
                                            GError        **error);

G_END_DECLS
