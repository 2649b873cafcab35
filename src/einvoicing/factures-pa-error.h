/* factures-pa-error.h — errors of the plateforme agréée layer (issue 14)
 *
 * Every message is meant for the user (translated, French in the app): what went wrong,
 * what happens to the document, and what to do. No message ever contains the secret.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FACTURES_PA_ERROR (factures_pa_error_quark ())

/**
 * FacturesPaErrorCode:
 * @FACTURES_PA_ERROR_NOT_CONFIGURED: no PA account saved
 * @FACTURES_PA_ERROR_NO_KEYRING: the keyring cannot be used
 * @FACTURES_PA_ERROR_NO_SECRET: no client secret is known
 * @FACTURES_PA_ERROR_UNKNOWN_HOST: the host name does not resolve
 * @FACTURES_PA_ERROR_REFUSED: connection refused
 * @FACTURES_PA_ERROR_TIMEOUT: no answer within the time-out (a deposit may have arrived)
 * @FACTURES_PA_ERROR_CERTIFICATE: the TLS certificate is not trusted
 * @FACTURES_PA_ERROR_TLS: another TLS failure
 * @FACTURES_PA_ERROR_CREDENTIALS: the token URL refused the client id or secret
 * @FACTURES_PA_ERROR_TOKEN: 401 even with a new token
 * @FACTURES_PA_ERROR_BAD_REQUEST: 400
 * @FACTURES_PA_ERROR_FORBIDDEN: 403
 * @FACTURES_PA_ERROR_NOT_FOUND: 404
 * @FACTURES_PA_ERROR_TOO_LARGE: 413
 * @FACTURES_PA_ERROR_UNPROCESSABLE: 422 (the message quotes errorCode and errorMessage)
 * @FACTURES_PA_ERROR_RATE_LIMITED: 429 (the retry delay is in the message and
 *   factures_pa_client_get_retry_after())
 * @FACTURES_PA_ERROR_SERVER: 500 and other 5xx (a deposit may have arrived)
 * @FACTURES_PA_ERROR_UNAVAILABLE: 503
 * @FACTURES_PA_ERROR_MALFORMED: the answer is not the JSON expected
 * @FACTURES_PA_ERROR_LOST: the connection closed before any answer (a deposit may have arrived)
 * @FACTURES_PA_ERROR_FORMAT: a lifecycle message (CDAR) cannot be read
 */
typedef enum {
  FACTURES_PA_ERROR_NOT_CONFIGURED,
  FACTURES_PA_ERROR_NO_KEYRING,
  FACTURES_PA_ERROR_NO_SECRET,
  FACTURES_PA_ERROR_UNKNOWN_HOST,
  FACTURES_PA_ERROR_REFUSED,
  FACTURES_PA_ERROR_TIMEOUT,
  FACTURES_PA_ERROR_CERTIFICATE,
  FACTURES_PA_ERROR_TLS,
  FACTURES_PA_ERROR_CREDENTIALS,
  FACTURES_PA_ERROR_TOKEN,
  FACTURES_PA_ERROR_BAD_REQUEST,
  FACTURES_PA_ERROR_FORBIDDEN,
  FACTURES_PA_ERROR_NOT_FOUND,
  FACTURES_PA_ERROR_TOO_LARGE,
  FACTURES_PA_ERROR_UNPROCESSABLE,
  FACTURES_PA_ERROR_RATE_LIMITED,
  FACTURES_PA_ERROR_SERVER,
  FACTURES_PA_ERROR_UNAVAILABLE,
  FACTURES_PA_ERROR_MALFORMED,
  FACTURES_PA_ERROR_LOST,
  FACTURES_PA_ERROR_FORMAT,
} FacturesPaErrorCode;

GQuark   factures_pa_error_quark          (void);

/* TRUE when, after @error on a deposit, the PA may hold the flow (time-out, lost answer,
 * 5xx other than 503, an unreadable 2xx): search its trackingId before depositing again. */
gboolean factures_pa_error_is_uncertain   (const GError *error);
/* TRUE when retrying later may succeed without the user doing anything. */
gboolean factures_pa_error_is_transient   (const GError *error);

G_END_DECLS
