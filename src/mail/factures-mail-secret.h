/* factures-mail-secret.h — the SMTP password: keyring (libsecret) or this session's memory
 *
 * The password is stored only in the keyring, under the schema
 * org.example.Factures.Smtp with the string attributes "server" and "user"; or, when
 * there is no usable keyring and the user chose so, in this process's memory until
 * it exits. It is never written to SQLite, GSettings, logs or error messages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Saves in the keyring. FACTURES_MAIL_ERROR_NO_KEYRING (no Secret Service, locked,
 * refused) with a message that offers the session-only choice. */
gboolean  factures_mail_secret_store        (const char    *server,
                                             const char    *user,
                                             const char    *password,
                                             GCancellable  *cancellable,
                                             GError       **error);
/* The session password when one was set for (server, user), else the keyring's.
 * NULL without error when there is none; NULL with FACTURES_MAIL_ERROR_NO_KEYRING
 * when the keyring cannot be read. Free with factures_mail_secret_free(). */
char     *factures_mail_secret_lookup       (const char    *server,
                                             const char    *user,
                                             GCancellable  *cancellable,
                                             GError       **error);
gboolean  factures_mail_secret_clear        (const char    *server,
                                             const char    *user,
                                             GCancellable  *cancellable,
                                             GError       **error);
/* Keeps @password in memory for this session only (NULL forgets it). */
void      factures_mail_secret_set_session  (const char    *server,
                                             const char    *user,
                                             const char    *password);
gboolean  factures_mail_secret_has_session  (const char    *server,
                                             const char    *user);
/* Overwrites then frees. */
void      factures_mail_secret_free         (char          *password);

/* Turns a libsecret/D-Bus error into FACTURES_MAIL_ERROR_NO_KEYRING with a clear message. */
void      factures_mail_secret_set_keyring_error (GError   **error,
                                                  const GError *cause);

G_END_DECLS
