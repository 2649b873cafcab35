/* factures-pa-secret.h — the PA's client secret in the keyring (libsecret) only
 *
 * Schema org.example.Factures.Pa, string attributes "token_url" and "client_id" (the same
 * pattern as the SMTP password, src/mail/factures-mail-secret.h). Never written to SQLite,
 * GSettings, logs or error messages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Saves; FACTURES_PA_ERROR_NO_KEYRING when the keyring cannot be used. */
gboolean  factures_pa_secret_store  (const char    *token_url,
                                     const char    *client_id,
                                     const char    *secret,
                                     GCancellable  *cancellable,
                                     GError       **error);
/* NULL without error when none is stored; free with factures_pa_secret_free(). */
char     *factures_pa_secret_lookup (const char    *token_url,
                                     const char    *client_id,
                                     GCancellable  *cancellable,
                                     GError       **error);
/* Forgets the client secret of (@token_url, @client_id) in the keyring; TRUE when none was
 * stored; FACTURES_PA_ERROR_NO_KEYRING when the keyring cannot be used. */
gboolean  factures_pa_secret_clear  (const char    *token_url,
                                     const char    *client_id,
                                     GCancellable  *cancellable,
                                     GError       **error);
/* Overwrites then frees. */
void      factures_pa_secret_free   (char          *secret);

G_END_DECLS
