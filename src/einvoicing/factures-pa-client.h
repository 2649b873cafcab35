/* factures-pa-client.h — the AFNOR XP Z12-013 Flow Service client (libcurl), issue 14
 *
 * Blocking calls (run them in a worker thread from the window). Every call sends both
 * "Request-Id" (Flow Service 1.2.0) and "X-Request-Id" (1.1.0) with the same UUID, and
 * "Authorization: Bearer" with an OAuth2 client-credentials token obtained from the
 * account's token URL, kept in this process's memory only and obtained again once on a
 * 401. Errors: FACTURES_PA_ERROR with a French message per failure (factures-pa-error.h).
 * Facts: PA.md §1.2, §1.3.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "factures-store-einvoicing.h"

G_BEGIN_DECLS

typedef struct _FacturesPaClient FacturesPaClient;

/* @secret: the client secret (copied, wiped on free). Test hook: FACTURES_PA_CA_FILE names
 * a CA bundle to trust instead of the system's. */
FacturesPaClient *factures_pa_client_new          (const FacturesPaAccount *account,
                                                   const char              *secret);
void              factures_pa_client_free         (FacturesPaClient        *client);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesPaClient, factures_pa_client_free)

/* GET /v1/healthcheck (no token). */
gboolean          factures_pa_client_healthcheck  (FacturesPaClient  *client,
                                                   GError           **error);
/* Obtains a new token (client credentials). */
gboolean          factures_pa_client_fetch_token  (FacturesPaClient  *client,
                                                   GError           **error);
/* POST /v1/flows: multipart "flowInfo" (JSON: flowSyntax, name, trackingId, processingRule,
 * flowProfile (may be NULL), sha256 of @file) and "file" (@content_type). Returns the
 * FullFlowInfo (transfer full), with at least "flowId". */
JsonObject       *factures_pa_client_deposit      (FacturesPaClient  *client,
                                                   const char        *flow_syntax,
                                                   const char        *flow_profile,
                                                   const char        *processing_rule,
                                                   const char        *name,
                                                   const char        *tracking_id,
                                                   GBytes            *file,
                                                   const char        *content_type,
                                                   GError           **error);
/* POST /v1/flows/search {limit, where: @where} (@where owned by the caller). Returns the
 * "results" array (transfer full). */
JsonArray        *factures_pa_client_search       (FacturesPaClient  *client,
                                                   JsonObject        *where,
                                                   guint              limit,
                                                   GError           **error);
/* GET /v1/flows/{flowId}?docType=Original: the bytes. */
GBytes           *factures_pa_client_get_original (FacturesPaClient  *client,
                                                   const char        *flow_id,
                                                   GError           **error);
/* Issue 15: an authenticated JSON POST to @base_url (another service of the same PA, the
 * Directory Service) + @path, with the token (obtained again once on a 401) and the request
 * ids. Returns the body whatever the HTTP status (transfer full; empty for a 204), the status
 * in *@out_status; NULL only on a transport or token failure (FACTURES_PA_ERROR: its code says
 * which; the message speaks of the flow service, callers give their own). */
GBytes           *factures_pa_client_post_json   (FacturesPaClient  *client,
                                                  const char        *base_url,
                                                  const char        *path,
                                                  const char        *json_body,
                                                  long              *out_status,
                                                  GError           **error);
/* The account's time-out in seconds (the longest one exchange can take). */
guint             factures_pa_client_get_timeout (FacturesPaClient *client);
/* The Retry-After of the last 429/503 answer, in seconds (0: none). */
gint              factures_pa_client_get_retry_after (FacturesPaClient *client);
/* The Request-Id of the last request (for support), or NULL. */
const char       *factures_pa_client_get_last_request_id (FacturesPaClient *client);

G_END_DECLS
