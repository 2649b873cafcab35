/* factures-store-schedule-private.h — a draft's payment schedule and the one frozen at issue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "factures-store.h"

G_BEGIN_DECLS

/* Fills document->instalments: a draft's from the instalments table (and its due date
 * becomes the last instalment's), an issued document's from @buyer_json (the frozen buyer
 * snapshot, member "instalments"). Nothing when there is no plan. */
gboolean  factures_store_schedule_load        (FacturesStore          *self,
                                               FacturesDocument       *document,
                                               const char             *buyer_json,
                                               GError                **error);

/* Inside the issuing transaction: the plan's rules (factures_schedule_validate()) with the
 * amount due of @totals; TRUE without a plan. */
gboolean  factures_store_schedule_check_issue (const FacturesDocument *document,
                                               const FacturesTotals   *totals,
                                               GError                **error);

/* @buyer_json with the plan appended as member "instalments" ([{"due_date", "amount"}…]);
 * a copy of @buyer_json without a plan. */
char     *factures_store_schedule_freeze      (const char             *buyer_json,
                                               const GArray           *plan);

/* JSON (factures-store-json.c): a draft's schedule as the member "schedule" of its
 * DOCUMENT, [{"due_date", "amount"}…], only when it has one. The full export also has the
 * instalments table, which a full import (@keep_ids) restores: the member is then skipped;
 * a file of clients and drafts (new ids) gets its drafts' schedules from it. */
gboolean  factures_store_schedule_export_document (FacturesStore  *self,
                                                   JsonBuilder    *builder,
                                                   gint64          id,
                                                   GError        **error);
gboolean  factures_store_schedule_import_document (FacturesStore  *self,
                                                   JsonObject     *object,
                                                   gint64          new_id,
                                                   gboolean        keep_ids,
                                                   const char     *where,
                                                   GError        **error);

G_END_DECLS
