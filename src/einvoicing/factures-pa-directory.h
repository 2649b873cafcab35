/* factures-pa-directory.h — the AFNOR XP Z12-013 Directory Service client (issue 15 item 1)
 *
 * From a client's SIREN or SIRET, asks the PA's Directory Service whether the client receives
 * e-invoices and at which electronic address: POST /v1/directory-line/search, then
 * POST /v1/siren/search for the legal unit's name and type (PA.md §1.4). Same token, request
 * ids and libcurl exchange as the Flow Service client (factures-pa-client.h). Blocking: run
 * factures_pa_directory_lookup() in a worker thread from the window. Errors: FACTURES_PA_ERROR
 * with a French message about the directory (not the flow service) for each failure: 401,
 * 403, 404, 429, 5xx, time-out, unknown host, refused connection, unreadable answer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-pa-client.h"
#include "factures-store-einvoicing.h"

G_BEGIN_DECLS

/* Checks @identifier (a SIREN of 9 digits or a SIRET of 14, spaces allowed, keys checked):
 * the SIREN in *@out_siren (9 digits), the SIRET or NULL in *@out_siret (both transfer full).
 * FACTURES_ERROR_INVALID naming the field « SIREN ou SIRET ». */
gboolean   factures_pa_directory_check_identifier (const char  *identifier,
                                                   char       **out_siren,
                                                   char       **out_siret,
                                                   GError     **error);

/* Opens a client for the directory of @store's PA account: its directory address in
 * *@out_directory_url (transfer full). FACTURES_PA_ERROR_NOT_CONFIGURED without a PA account
 * or without a directory address (the message says where to fill it in), the errors of
 * factures_pa_open_client() otherwise. Main thread (reads the store and the keyring). */
FacturesPaClient *factures_pa_directory_open (FacturesStore  *store,
                                              char          **out_directory_url,
                                              GError        **error);

/* Looks @identifier (checked as factures_pa_directory_check_identifier()) up at
 * @directory_url. Returns the entry (transfer full; looked_up NULL: the caller's store stamps
 * it): status Enabled, Disabled or Upcoming from the line of the SIRET when one was given,
 * else of the SIREN (a line without SIRET first); Unknown when the directory answers 204;
 * partial TRUE on a 206 (a reduced set: factures_pa_directory_partial_note() says what it
 * means). Thread-safe; no store access. */
FacturesPaDirectoryEntry *factures_pa_directory_lookup (FacturesPaClient  *client,
                                                        const char        *directory_url,
                                                        const char        *identifier,
                                                        GError           **error);

/* factures_pa_directory_open(), _lookup() and factures_store_pa_directory_save() in one call
 * (the command line). Returns the entry as stored (transfer full), or NULL with the error. */
FacturesPaDirectoryEntry *factures_pa_directory_refresh (FacturesStore  *store,
                                                         const char     *identifier,
                                                         GError        **error);

/* What a 206 answer means, in words (translated, static). */
const char *factures_pa_directory_partial_note (void);

G_END_DECLS
