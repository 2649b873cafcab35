/* factures-due-notification.c — see factures-due-notification.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-due-notification.h"
#include "factures-store-payments.h"

/* TRUE when a notification server owns, or can be started for, one of the names. */
static gboolean
have_notification_service (GApplication *application)
{
  GDBusConnection *bus = g_application_get_dbus_connection (application);
  const char *names[] = { "org.freedesktop.Notifications", "org.gtk.Notifications" };

  if (bus == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GVariant) reply = NULL;
      gboolean owned = FALSE;

      reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                           "org.freedesktop.DBus", "NameHasOwner",
                                           g_variant_new ("(s)", names[i]), G_VARIANT_TYPE ("(b)"),
                                           G_DBUS_CALL_FLAGS_NONE, 1000, NULL, NULL);
      if (reply != NULL)
        g_variant_get (reply, "(b)", &owned);
      if (owned)
        return TRUE;
    }
  {
    g_autoptr(GVariant) reply = NULL;
    g_autofree const char **activatable = NULL;

    reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                         "org.freedesktop.DBus", "ListActivatableNames", NULL,
                                         G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE, 1000, NULL, NULL);
    if (reply != NULL)
      {
        g_variant_get (reply, "(^a&s)", &activatable);
        for (guint i = 0; activatable != NULL && activatable[i] != NULL; i++)
          if (g_strcmp0 (activatable[i], names[0]) == 0 || g_strcmp0 (activatable[i], names[1]) == 0)
            return TRUE;
      }
  }
  return FALSE;
}

guint
factures_due_notification_send (GApplication  *application,
                                FacturesStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;
  GDate today;
  guint n;

  if (store == NULL)
    return 0;
  factures_today (&today);
  n = factures_store_count_due_steps (store, &today, &error);
  if (error != NULL)
    {
      g_printerr ("factures: %s\n", error->message);
      return 0;
    }
  if (n == 0)
    return 0;
  if (!have_notification_service (application))
    {
      g_debug ("%u dunning steps due; no notification service on the session bus", n);
      return n;
    }
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dunning step is due today",
                                        "%u dunning steps are due today", n), n);
  notification = g_notification_new (title);
  g_notification_set_body (notification, _("Open Factures to review them in the “To do today” queue. "
                                            "Nothing is sent without your approval."));
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_NORMAL);
  g_application_send_notification (application, "due-steps", notification);
  return n;
}
