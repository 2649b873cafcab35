/* factures-mail-error.h — errors of the e-mail layer
 *
 * Every message is meant for the user (translated, French in the app): what went
 * wrong and how to fix it. No message ever contains the password.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FACTURES_MAIL_ERROR (factures_mail_error_quark ())

/**
 * FacturesMailErrorCode:
 * @FACTURES_MAIL_ERROR_NOT_CONFIGURED: no account saved yet
 * @FACTURES_MAIL_ERROR_NO_KEYRING: no Secret Service, keyring locked or access refused
 * @FACTURES_MAIL_ERROR_NO_PASSWORD: the account has a user but no password is known
 * @FACTURES_MAIL_ERROR_UNKNOWN_HOST: the server name does not resolve
 * @FACTURES_MAIL_ERROR_REFUSED: nothing listens on that port (connection refused)
 * @FACTURES_MAIL_ERROR_TIMEOUT: no answer within the configured time-out
 * @FACTURES_MAIL_ERROR_TLS_MISMATCH: implicit TLS on a STARTTLS port or the reverse
 * @FACTURES_MAIL_ERROR_CERTIFICATE: the certificate is not trusted
 * @FACTURES_MAIL_ERROR_CERTIFICATE_HOST: the certificate is for another host name
 * @FACTURES_MAIL_ERROR_TLS: another TLS failure
 * @FACTURES_MAIL_ERROR_NO_STARTTLS: the server does not offer STARTTLS
 * @FACTURES_MAIL_ERROR_STARTTLS_REQUIRED: the server requires STARTTLS (530 / 451 5.7.3)
 * @FACTURES_MAIL_ERROR_AUTH: user name or password refused (535)
 * @FACTURES_MAIL_ERROR_APP_PASSWORD: the provider requires an app password (534 5.7.9)
 * @FACTURES_MAIL_ERROR_BASIC_AUTH_DISABLED: the provider no longer accepts passwords (5.7.139, 5.7.30)
 * @FACTURES_MAIL_ERROR_AUTH_REQUIRED: the server requires authentication (530 5.7.0) and no user is set
 * @FACTURES_MAIL_ERROR_NO_AUTH: a user is set but the server offers no authentication
 * @FACTURES_MAIL_ERROR_SENDER: the sender address is refused (MAIL FROM)
 * @FACTURES_MAIL_ERROR_RECIPIENT: a recipient is refused (RCPT TO 550…)
 * @FACTURES_MAIL_ERROR_TOO_LARGE: the message is too large (552 / 5.3.4)
 * @FACTURES_MAIL_ERROR_CLOSED: the server closed the connection before accepting the message
 * @FACTURES_MAIL_ERROR_SERVER: any other refusal; the message quotes the server
 * @FACTURES_MAIL_ERROR_CANCELLED: cancelled by the user
 * @FACTURES_MAIL_ERROR_COMPOSE: the message could not be built (missing address, template…)
 */
typedef enum {
  FACTURES_MAIL_ERROR_NOT_CONFIGURED,
  FACTURES_MAIL_ERROR_NO_KEYRING,
  FACTURES_MAIL_ERROR_NO_PASSWORD,
  FACTURES_MAIL_ERROR_UNKNOWN_HOST,
  FACTURES_MAIL_ERROR_REFUSED,
  FACTURES_MAIL_ERROR_TIMEOUT,
  FACTURES_MAIL_ERROR_TLS_MISMATCH,
  FACTURES_MAIL_ERROR_CERTIFICATE,
  FACTURES_MAIL_ERROR_CERTIFICATE_HOST,
  FACTURES_MAIL_ERROR_TLS,
  FACTURES_MAIL_ERROR_NO_STARTTLS,
  FACTURES_MAIL_ERROR_STARTTLS_REQUIRED,
  FACTURES_MAIL_ERROR_AUTH,
  FACTURES_MAIL_ERROR_APP_PASSWORD,
  FACTURES_MAIL_ERROR_BASIC_AUTH_DISABLED,
  FACTURES_MAIL_ERROR_AUTH_REQUIRED,
  FACTURES_MAIL_ERROR_NO_AUTH,
  FACTURES_MAIL_ERROR_SENDER,
  FACTURES_MAIL_ERROR_RECIPIENT,
  FACTURES_MAIL_ERROR_TOO_LARGE,
  FACTURES_MAIL_ERROR_CLOSED,
  FACTURES_MAIL_ERROR_SERVER,
  FACTURES_MAIL_ERROR_CANCELLED,
  FACTURES_MAIL_ERROR_COMPOSE,
} FacturesMailErrorCode;

GQuark       factures_mail_error_quark (void);
/* "timeout", "auth", … (stable names for the command line and tests). */
const char  *factures_mail_error_code_name (gint code);

G_END_DECLS
