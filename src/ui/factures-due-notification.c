/* factures-due-notification.c — see factures-due-notification.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-due-notification.h"
#include "factures-store-deadlines.h"
#include "factures-store-payments.h"

guint
factures_due_notification_send (GApplication  *application,
                                FacturesStore *store)
{
  g_autoptr(GError) error = NULL;
  GDate today;
  guint n;

  if (store == NULL)
    return 0;
  factures_today (&today);
  n = factures_store_count_due_steps (store, &today, &error);
  if (error != NULL)
    {
      g_printerr (_("factures: %s\n"), error->message);
      return 0;
    }
  return factures_due_notification_send_n (application, n);
}

guint
factures_due_notification_send_n (GApplication *application,
                                  guint         n)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;

  if (n == 0)
    return 0;
  /* The test suites run on a session bus without a notification server, where GIO would
   * warn that the notification could not be sent: they set FACTURES_NOTIFICATIONS=0. */
  if (g_strcmp0 (g_getenv ("FACTURES_NOTIFICATIONS"), "0") == 0)
    return n;
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dunning step is due today",
                                        "%u dunning steps are due today", n), n);
  notification = g_notification_new (title);
  g_notification_set_body (notification, _("Open Factures to review them in the “To do today” queue. "
                                            "Nothing is sent without your approval."));
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_NORMAL);
  g_notification_set_default_action (notification, "app.show-overdue");
  /* Straight to GIO: it picks the portal in the Flatpak, org.gtk.Notifications or the
   * freedesktop server outside it. No name is probed first: behind the Flatpak's D-Bus
   * proxy such a probe fails and the notification never showed (issue 11 item 9). */
  g_application_send_notification (application, "due-steps", notification);
  return n;
}

guint
factures_due_notification_send_deadlines (GApplication  *application,
                                          FacturesStore *store,
                                          guint          n)
{
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gboolean claimed = FALSE;
  GDate today;

  if (n == 0 || store == NULL)
    return 0;
  factures_today (&today);
  if (!factures_store_claim_deadline_notification (store, &today, &claimed, &error))
    {
      g_printerr (_("factures: %s\n"), error->message);
      return 0;
    }
  if (!claimed)
    return 0;
  if (g_strcmp0 (g_getenv ("FACTURES_NOTIFICATIONS"), "0") == 0)
    return n;
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u tax deadline is due",
                                        "%u tax deadlines are due", n), n);
  notification = g_notification_new (title);
  g_notification_set_body (notification, _("Open Factures to see them in the “To do today” queue and "
                                            "mark each one done."));
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action (notification, "app.show-overdue");
  g_application_send_notification (application, "due-deadlines", notification);
  return n;
}
