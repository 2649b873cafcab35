/* factures-mail-secret.c — the SMTP password: keyring (libsecret) or this session's memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "factures-mail-error.h"
#include "factures-mail-secret.h"

static const SecretSchema *
smtp_schema (void)
{
  static const SecretSchema schema = {
    .name = "org.example.Factures.Smtp",
    .flags = SECRET_SCHEMA_NONE,
    .attributes = {
      { .name = "server", .type = SECRET_SCHEMA_ATTRIBUTE_STRING },
      { .name = "user", .type = SECRET_SCHEMA_ATTRIBUTE_STRING },
      { .name = NULL, .type = 0 },
    },
  };
  return &schema;
}

/* Session passwords: "server\nuser" → password. */
static GMutex session_lock;
static GHashTable *session_passwords;

void
factures_mail_secret_free (char *password)
{
  if (password == NULL)
    return;
  memset (password, 0, strlen (password));
  g_free (password);
}

static char *
session_key (const char *server,
             const char *user)
{
  return g_strdup_printf ("%s\n%s", server != NULL ? server : "", user != NULL ? user : "");
}

void
factures_mail_secret_set_session (const char *server,
                                  const char *user,
                                  const char *password)
{
  g_mutex_lock (&session_lock);
  if (session_passwords == NULL)
    session_passwords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) factures_mail_secret_free);
  if (password != NULL)
    g_hash_table_insert (session_passwords, session_key (server, user), g_strdup (password));
  else
    {
      g_autofree char *key = session_key (server, user);

      g_hash_table_remove (session_passwords, key);
    }
  g_mutex_unlock (&session_lock);
}

static char *
session_lookup (const char *server,
                const char *user)
{
  g_autofree char *key = session_key (server, user);
  char *password = NULL;

  g_mutex_lock (&session_lock);
  if (session_passwords != NULL)
    password = g_strdup (g_hash_table_lookup (session_passwords, key));
  g_mutex_unlock (&session_lock);
  return password;
}

gboolean
factures_mail_secret_has_session (const char *server,
                                  const char *user)
{
  char *password = session_lookup (server, user);
  gboolean has = password != NULL;

  factures_mail_secret_free (password);
  return has;
}

/**
 * factures_mail_secret_set_keyring_error:
 * @cause: the error of libsecret (D-Bus: no service, no collection, prompt dismissed…)
 *
 * Sets FACTURES_MAIL_ERROR_NO_KEYRING with a message that says what is wrong and
 * offers typing the password for this session only. The cause's text is kept at the
 * end for support (it never contains a secret).
 */
void
factures_mail_secret_set_keyring_error (GError       **error,
                                        const GError  *cause)
{
  const char *why;

  if (cause != NULL && cause->domain == G_DBUS_ERROR &&
      (cause->code == G_DBUS_ERROR_SERVICE_UNKNOWN || cause->code == G_DBUS_ERROR_NAME_HAS_NO_OWNER))
    why = _("No keyring service (Secret Service) is running on this computer.");
  else if (cause != NULL && cause->domain == G_DBUS_ERROR && cause->code == G_DBUS_ERROR_UNKNOWN_OBJECT)
    why = _("The keyring is locked and could not be unlocked.");
  else if (cause != NULL && cause->domain == G_IO_ERROR && cause->code == G_IO_ERROR_CANCELLED)
    why = _("Access to the keyring was refused.");
  else if (cause != NULL && cause->domain == G_IO_ERROR)
    why = _("There is no session bus to reach a keyring.");
  else
    why = _("The keyring could not be used.");

  g_set_error (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_NO_KEYRING,
               _("%s The password cannot be saved. You can type it for this session only: "
                 "it stays in memory until Factures closes. (%s)"),
               why, cause != NULL ? cause->message : "");
}

gboolean
factures_mail_secret_store (const char    *server,
                            const char    *user,
                            const char    *password,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (server != NULL && user != NULL && password != NULL, FALSE);

  label = g_strdup_printf (_("Factures: SMTP password for %s on %s"), user, server);
  if (!secret_password_store_sync (smtp_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                                   cancellable, &local_error,
                                   "server", server, "user", user, NULL))
    {
      factures_mail_secret_set_keyring_error (error, local_error);
      return FALSE;
    }
  /* The keyring now holds it: a session copy would shadow later changes. */
  factures_mail_secret_set_session (server, user, NULL);
  return TRUE;
}

char *
factures_mail_secret_lookup (const char    *server,
                             const char    *user,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *password;
  char *copy;

  g_return_val_if_fail (server != NULL && user != NULL, NULL);

  password = session_lookup (server, user);
  if (password != NULL)
    return password;

  password = secret_password_lookup_sync (smtp_schema (), cancellable, &local_error,
                                          "server", server, "user", user, NULL);
  if (local_error != NULL)
    {
      factures_mail_secret_set_keyring_error (error, local_error);
      return NULL;
    }
  if (password == NULL)
    return NULL;
  copy = g_strdup (password);
  secret_password_free (password);
  return copy;
}

gboolean
factures_mail_secret_clear (const char    *server,
                            const char    *user,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  factures_mail_secret_set_session (server, user, NULL);
  secret_password_clear_sync (smtp_schema (), cancellable, &local_error,
                              "server", server, "user", user, NULL);
  if (local_error != NULL)
    {
      factures_mail_secret_set_keyring_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}
