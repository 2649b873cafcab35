/* factures-store-ereporting-private.h — the e-reporting tables in the JSON export and import
 * (issue 15 item 2, migration 0021)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "factures-store.h"

G_BEGIN_DECLS

/* Adds "ereporting": {"periodicity": 0|1|2, "reports": [REPORT…]} when a periodicity was saved
 * or a report made (an export of data without e-reporting keeps its bytes). REPORT: "period_start",
 * "period_end", "periodicity", "report_key", "type_code", "made", "xml" (base64), "sha256",
 * "file", "n_invoices", "n_payments", "n_days", "n_day_payments", "flows": [FLOW…]; FLOW:
 * "block", "flow_type", "processing_rule", "tracking_id", "sha256", "state" ("sent"|"failed"),
 * "flow_id", "submitted_at", "error", "attempted". */
gboolean factures_store_ereporting_export_json (FacturesStore  *self,
                                               JsonBuilder    *builder,
                                               GError        **error);
/* Inside the import transaction: the periodicity through the checks of
 * factures_store_set_ereporting_periodicity(), each report and flow through those of
 * factures_store_ereporting_add_report() / _add_flow(), the SHA-256 of each report's XML
 * checked against its bytes. FACTURES_ERROR_FORMAT or FACTURES_ERROR_INVALID naming the JSON
 * path. An absent member imports nothing. */
gboolean factures_store_ereporting_import_json (FacturesStore  *self,
                                               JsonObject     *root,
                                               GError        **error);

G_END_DECLS
