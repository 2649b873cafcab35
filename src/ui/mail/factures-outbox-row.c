/* factures-outbox-row.c — one message of the outbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-mail-sender.h"
#include "factures-outbox-row.h"

struct _FacturesOutboxRow
{
  AdwActionRow  parent_instance;

  GtkWidget    *retry;
  GtkWidget    *acknowledge;
};

G_DEFINE_FINAL_TYPE (FacturesOutboxRow, factures_outbox_row, ADW_TYPE_ACTION_ROW)

static const char *
state_label (FacturesOutboxState state)
{
  switch (state)
    {
    case FACTURES_OUTBOX_QUEUED:
      return _("Queued");
    case FACTURES_OUTBOX_SENDING:
      return _("Sending…");
    case FACTURES_OUTBOX_SENT:
      return _("Sent");
    case FACTURES_OUTBOX_FAILED:
    default:
      return _("Failed");
    }
}

static void
factures_outbox_row_class_init (FacturesOutboxRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/mail/factures-outbox-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesOutboxRow, retry);
  gtk_widget_class_bind_template_child (widget_class, FacturesOutboxRow, acknowledge);
}

static void
factures_outbox_row_init (FacturesOutboxRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * factures_outbox_row_new:
 * (see factures-outbox-row.h)
 */
GtkWidget *
factures_outbox_row_new (const FacturesOutboxItem *item,
                         gboolean                  superseded)
{
  g_autofree char *when = factures_mail_format_time (item->updated != NULL ? item->updated : item->created);
  g_autofree char *reason = NULL;
  FacturesOutboxRow *self = g_object_new (FACTURES_TYPE_OUTBOX_ROW, "title", item->subject, NULL);
  const char *detail = item->state == FACTURES_OUTBOX_SENT ? item->server_reply : item->error;

  /* trial 5 finding 8: the document went since in another message; retrying would send it twice */
  if (superseded)
    detail = reason = g_strdup_printf (_("Sent since in a later message. %s"), item->error != NULL ? item->error : "");
  g_autofree char *subtitle = NULL;

  /* Translators: recipients · state · date (· attempts) and, on the next line, the server's
   * reply or the reason of the failure */
  subtitle = g_strdup_printf (_("%s · %s · %s · attempts: %d%s%s"),
                              item->recipients, state_label (item->state),
                              when, item->attempts,
                              detail != NULL ? "\n" : "", detail != NULL ? detail : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  if (!superseded && (item->state == FACTURES_OUTBOX_FAILED || item->state == FACTURES_OUTBOX_QUEUED))
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->retry), "x", (gint64) item->id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->retry), "outbox.retry");
      gtk_widget_set_visible (self->retry, TRUE);
    }
  else if (item->state == FACTURES_OUTBOX_SENT && item->document_id != 0)
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->acknowledge), "x", (gint64) item->document_id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->acknowledge), "outbox.acknowledge");
      gtk_widget_set_visible (self->acknowledge, TRUE);
    }
  return GTK_WIDGET (self);
}
