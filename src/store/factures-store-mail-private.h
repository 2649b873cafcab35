/* factures-store-mail-private.h — JSON hooks of the e-mail tables, for factures-store-json.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "factures-store.h"

G_BEGIN_DECLS

gboolean factures_store_mail_export_json (FacturesStore  *self,
                                          JsonBuilder    *builder,
                                          GError        **error);
gboolean factures_store_mail_import_json (FacturesStore  *self,
                                          JsonObject     *root,
                                          gboolean        keep_ids,
                                          GError        **error);

G_END_DECLS
