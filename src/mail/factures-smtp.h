/* factures-smtp.h — SMTP submission and the connection test, with libcurl
 *
 * Runs synchronously: call it from a worker thread (GTask) in the UI. Every
 * failure becomes a FACTURES_MAIL_ERROR with a French message that says how to
 * fix it. No log, error or reply ever contains the password: libcurl's verbose
 * output (printed when FACTURES_SMTP_DEBUG is set) has the AUTH exchange redacted.
 *
 * A certificate authority file for a private server can be given in the
 * environment variable FACTURES_SMTP_CA_FILE (used by the tests).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "factures-store-mail.h"

G_BEGIN_DECLS

/* Progress of an upload: bytes sent of total. Called from the sending thread. */
typedef void (*FacturesSmtpProgress) (guint64  sent,
                                      guint64  total,
                                      gpointer user_data);

/**
 * factures_smtp_send:
 * @account: server, port, security, user, time-out
 * @password: (nullable): needed when @account has a user
 * @recipients: (element-type utf8): envelope recipients (bare addresses)
 * @message: the RFC 5322 bytes (CRLF)
 * @out_reply: (out) (optional): the server's reply to the end of DATA
 *
 * Returns: TRUE when the server accepted the message.
 */
gboolean  factures_smtp_send  (const FacturesMailAccount  *account,
                               const char                 *password,
                               GPtrArray                  *recipients,
                               GBytes                     *message,
                               GCancellable               *cancellable,
                               FacturesSmtpProgress        progress,
                               gpointer                    progress_data,
                               char                      **out_reply,
                               GError                    **error);

/* The outcome of a connection test. */
typedef struct {
  gboolean              ok;
  GError               *error;             /* when !ok */
  char                 *greeting;          /* the server's 220 line, when reached */
  gboolean              tls;               /* the session was encrypted */
  gboolean              authenticated;     /* AUTH succeeded (235) */
  /* When the test failed on the port or TLS mode and another standard combination
   * answered: the proposal (suggested_port 0: none). */
  guint                 suggested_port;
  FacturesMailSecurity  suggested_security;
} FacturesSmtpTestResult;

void      factures_smtp_test_result_free (FacturesSmtpTestResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesSmtpTestResult, factures_smtp_test_result_free)

/**
 * factures_smtp_test:
 *
 * Connects, EHLO (with the sender's domain as host name), STARTTLS or implicit TLS,
 * AUTH when a user is set, NOOP, QUIT: no mail is sent. On a failure that points to
 * the port or the TLS mode (mismatch, time-out, refused), tries the other standard
 * combinations (587 STARTTLS, 465 TLS) and fills the suggestion.
 */
FacturesSmtpTestResult *factures_smtp_test (const FacturesMailAccount *account,
                                            const char                *password,
                                            GCancellable              *cancellable);

/* A one-paragraph French text for the user: success, or the error and the proposal. */
char     *factures_smtp_test_result_describe (const FacturesSmtpTestResult *result);

/* "STARTTLS", "TLS", "None" (translated) */
const char *factures_mail_security_label (FacturesMailSecurity security);

G_END_DECLS
