/* factures-pa-secret.c — the PA's client secret in the keyring (libsecret)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "factures-pa-error.h"
#include "factures-pa-secret.h"

static const SecretSchema *
pa_schema (void)
{
  static const SecretSchema schema = {
    .name = "org.example.Factures.Pa",
    .flags = SECRET_SCHEMA_NONE,
    .attributes = {
      { .name = "token_url", .type = SECRET_SCHEMA_ATTRIBUTE_STRING },
      { .name = "client_id", .type = SECRET_SCHEMA_ATTRIBUTE_STRING },
      { .name = NULL, .type = 0 },
    },
  };
  return &schema;
}

void
factures_pa_secret_free (char *secret)
{
  if (secret == NULL)
    return;
  memset (secret, 0, strlen (secret));
  g_free (secret);
}

static void
set_keyring_error (GError       **error,
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
  g_set_error (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_NO_KEYRING,
               _("%s The plateforme agréée’s client secret is only kept in the keyring. (%s)"),
               why, cause != NULL ? cause->message : "");
}

gboolean
factures_pa_secret_store (const char    *token_url,
                          const char    *client_id,
                          const char    *secret,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (token_url != NULL && client_id != NULL && secret != NULL, FALSE);
  label = g_strdup_printf (_("Factures: plateforme agréée secret for %s"), client_id);
  if (!secret_password_store_sync (pa_schema (), SECRET_COLLECTION_DEFAULT, label, secret,
                                   cancellable, &local_error,
                                   "token_url", token_url, "client_id", client_id, NULL))
    {
      set_keyring_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

char *
factures_pa_secret_lookup (const char    *token_url,
                           const char    *client_id,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *secret;
  char *copy;

  g_return_val_if_fail (token_url != NULL && client_id != NULL, NULL);
  secret = secret_password_lookup_sync (pa_schema (), cancellable, &local_error,
                                        "token_url", token_url, "client_id", client_id, NULL);
  if (local_error != NULL)
    {
      set_keyring_error (error, local_error);
      return NULL;
    }
  if (secret == NULL)
    return NULL;
  copy = g_strdup (secret);
  secret_password_free (secret);
  return copy;
}

gboolean
factures_pa_secret_clear (const char    *token_url,
                          const char    *client_id,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  secret_password_clear_sync (pa_schema (), cancellable, &local_error,
                              "token_url", token_url, "client_id", client_id, NULL);
  if (local_error != NULL)
    {
      set_keyring_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}
