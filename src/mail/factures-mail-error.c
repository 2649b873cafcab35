/* factures-mail-error.c — errors of the e-mail layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "factures-mail-error.h"

G_DEFINE_QUARK (factures-mail-error-quark, factures_mail_error)

static const char *names[] = {
  "not-configured", "no-keyring", "no-password", "unknown-host", "refused", "timeout",
  "tls-mismatch", "certificate", "certificate-host", "tls", "no-starttls", "starttls-required",
  "auth", "app-password", "basic-auth-disabled", "auth-required", "no-auth", "sender",
  "recipient", "too-large", "closed", "server", "cancelled", "compose",
};

const char *
factures_mail_error_code_name (gint code)
{
  if (code < 0 || code >= (gint) G_N_ELEMENTS (names))
    return "unknown";
  return names[code];
}
