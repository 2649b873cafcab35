/* factures-store-payments-private.h — hooks of the payments data into the store's own
 * code paths (balances in the lists, JSON export/import)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-store-private.h"
#include "factures-store-payments.h"

G_BEGIN_DECLS

/* SQL: payments and applied client credit allocated to the document in the outer query's row
 * (a cancelled payment no longer counts: live_payment_allocations, migration 0008). */
#define FACTURES_PAID_EXPR "(SELECT coalesce (sum (pa.amount), 0) FROM live_payment_allocations pa " \
                           "WHERE pa.document_id = documents.id)"

/* JSON export: adds the members "payments", "payment_allocations", "instalments",
 * "dunning_events", "payment_promises", "disputes", "penalty_waivers", "penalty_rates"
 * and "dunning_steps" to the object being built (rows in primary-key order, ids kept). */
gboolean factures_store_payments_export_json (FacturesStore  *self,
                                              JsonBuilder    *builder,
                                              GError        **error);
/* JSON import, inside the import's transaction, after clients and documents. Only a full
 * import (@keep_ids: documents kept their ids) carries these tables; otherwise nothing is
 * read. Missing members are fine (files from before 0004). The rate table and the ladders in
 * the file replace the ones in the database. FACTURES_ERROR_FORMAT names the bad member. */
gboolean factures_store_payments_import_json (FacturesStore  *self,
                                              JsonObject     *root,
                                              gboolean        keep_ids,
                                              GError        **error);

/* SQL: the payments not cancelled (a row of payment_reversals cancels one; migration 0008). */
#define FACTURES_LIVE_PAYMENTS "(SELECT * FROM payments WHERE id NOT IN (SELECT payment_id FROM payment_reversals))"

/* factures_store_record_payment() and factures_store_cancel_payment() inside the caller's
 * BEGIN IMMEDIATE transaction (the bank import confirms a match and records its decision in one
 * transaction, issue 16): no commit, no "changed"; on error the caller rolls back. @warnings
 * (element-type utf8) receives the warnings; @clean_reason is factures_store_clean_reason()'s. */
gboolean factures_store_record_payment_in_transaction (FacturesStore        *self,
                                                       FacturesPayment      *payment,
                                                       FacturesOverpayment   overpayment,
                                                       GPtrArray            *warnings,
                                                       GError              **error);
gboolean factures_store_cancel_payment_in_transaction (FacturesStore        *self,
                                                       gint64                id,
                                                       const GDate          *date,
                                                       const char           *clean_reason,
                                                       GError              **error);

G_END_DECLS
