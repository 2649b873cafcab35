/* factures-pa-sync.h — the e-invoicing outbox and the polling of the plateforme agréée
 *
 * Sending: every row of the outbox is deposited once (POST /v1/flows). A row found
 * "sending" (the process stopped, the answer was lost, a time-out) may already be at the
 * PA: its trackingId is searched first (POST /v1/flows/search) and deposited only when the
 * PA does not have it (the PA does not check trackingId uniqueness, PA.md §1.3). Failures
 * wait with a backoff (1, 2, 4 … minutes up to 6 h, or the PA's Retry-After); failures the
 * user must fix (credentials, 403, 404, 413, 422, certificate) wait for a retry by hand.
 *
 * Polling: POST /v1/flows/search {updatedAfter: the highest updatedAt seen}, then
 * GET /v1/flows/{flowId}?docType=Original for each flow received. Our deposits' acknowledgements
 * update the outbox; CDAR lifecycle messages become "pa-status" events on our documents;
 * supplier invoices are kept in the inbox. A message that cannot be read is kept and reported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-pa-client.h"
#include "factures-store-einvoicing.h"

G_BEGIN_DECLS

/* Called for each change: @number the document's number ("-" when none), @what a few
 * words ("transmise à la plateforme", "approuvée"…), @detail or NULL. */
typedef void (*FacturesPaReportFunc) (const char *number,
                                      const char *what,
                                      const char *detail,
                                      gpointer    user_data);

/* A client for the saved account with the secret from the keyring.
 * FACTURES_PA_ERROR_NOT_CONFIGURED, _NO_SECRET, _NO_KEYRING. */
FacturesPaClient *factures_pa_open_client    (FacturesStore         *store,
                                              GError               **error);

/* The connection test: GET /v1/healthcheck, then a token. FALSE with the French reason. */
gboolean          factures_pa_test_connection (FacturesPaClient     *client,
                                               GError              **error);

/* Seconds before the next automatic attempt after @attempts failures (60 · 2^(n−1), at
 * most 6 h); @retry_after (the PA's, > 0) wins when larger. */
gint              factures_pa_backoff_seconds (gint                  attempts,
                                               gint                  retry_after);

/* Deposits one outbox row (searching its trackingId first when it may be there already).
 * On failure the row keeps the reason and the next attempt; FALSE with that error. */
gboolean          factures_pa_deposit_item    (FacturesStore              *store,
                                               FacturesPaClient           *client,
                                               const FacturesPaOutboxItem *item,
                                               FacturesPaReportFunc        report,
                                               gpointer                    user_data,
                                               GError                    **error);

/* Puts an "encaissée" (212) status into the outbox, once, for each invoice deposited through
 * the PA that has received a payment (factures_store_pa_cashed_candidates()), with the amount
 * received (TTC) per VAT rate. Only when the account's report_payments is on (default; for
 * the franchise en base whether it is due is to confirm, PA.md §3 and §6 point 3) and the
 * seller's activity includes services (payment data concerns services only, DGFiP Dossier
 * général v3.2 §3.7; CGI art. 290 A). Returns the number queued, −1 on error. */
gint              factures_pa_queue_cashed    (FacturesStore         *store,
                                               GError               **error);

/* The buyer's answer about supplier invoice @imported_id (Achats): approve (205), dispute
 * (207), refuse (210)… with a reason code of PA.md §2 (factures_pa_check_buyer_status()). Writes
 * the CDAR message (the user's profile as the buyer, role BY) and puts it into the outbox,
 * once per code. Returns the outbox row, 0 on error (FACTURES_ERROR_INVALID naming the field). */
gint64            factures_pa_respond         (FacturesStore         *store,
                                               gint64                 imported_id,
                                               gint                   code,
                                               const char            *reason_code,
                                               const char            *reason,
                                               GError               **error);

/* "Complétée" (209), the seller's answer to "suspendue" (208) once the supporting documents
 * were supplied (@reason: what was supplied, optional): a CDAR message about our issued
 * document @document_id put into the outbox, once. Returns the row, 0 on error. */
gint64            factures_pa_send_completed  (FacturesStore         *store,
                                               gint64                 document_id,
                                               const char            *reason,
                                               GError               **error);

/* Deposits every row due now, after putting into the outbox the documents issued since the
 * account was saved (factures_store_pa_enqueue_new()) and the "encaissée" due
 * (factures_pa_queue_cashed()). Returns the number that failed; the first failure's error in
 * @error (when non-NULL). */
guint             factures_pa_send_outbox     (FacturesStore         *store,
                                               FacturesPaClient      *client,
                                               FacturesPaReportFunc   report,
                                               gpointer               user_data,
                                               GError               **error);

/* Fetches what changed since the cursor (see above). FALSE on a network or store error
 * (what was read before stays recorded; the cursor only passes flows fully recorded). */
gboolean          factures_pa_poll            (FacturesStore         *store,
                                               FacturesPaClient      *client,
                                               FacturesPaReportFunc   report,
                                               gpointer               user_data,
                                               GError               **error);

G_END_DECLS
