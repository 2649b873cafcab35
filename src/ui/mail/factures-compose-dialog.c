/* factures-compose-dialog.c — "Send by E-mail" for an issued document
 *
 * The template (factures-compose-dialog.ui) holds To, Subject, the attachment, the read
 * receipt switch and the text; "compose.send" (Ctrl+Return) queues the message in the
 * outbox and sends it off the UI thread, "compose.outbox" opens the outbox.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-acknowledgment-dialog.h"
#include "factures-compose-dialog.h"
#include "factures-confirm-dialog.h"
#include "factures-form.h"
#include "factures-mail-message.h"
#include "factures-mail-sender.h"
#include "factures-message-dialog.h"
#include "factures-outbox-window.h"
#include "factures-store-mail.h"

struct _FacturesComposeDialog
{
  AdwWindow          parent_instance;

  FacturesStore     *store;
  FacturesMailDraft *draft;
  GCancellable      *cancellable;
  gboolean           sending;
  gint64             outbox_id;   /* the queued message; a retry sends it again */
  char              *step_key;    /* the dunning step this message performs, or NULL */
  gint               instalment;
  char              *sent_before; /* "sent to … on …" when this message was already sent, or NULL */

  GtkWidget         *to_row;
  GtkWidget         *subject_row;
  GtkWidget         *attachment_row;
  GtkTextView       *body_view;
  GtkWidget         *receipt_switch;
  GtkWidget         *send_button;
  GtkWidget         *progress;
  GtkWidget         *status;
};

G_DEFINE_FINAL_TYPE (FacturesComposeDialog, factures_compose_dialog, ADW_TYPE_WINDOW)

static void
set_status (FacturesComposeDialog *self,
            const char            *text,
            gboolean               error)
{
  gtk_label_set_text (GTK_LABEL (self->status), text);
  gtk_widget_set_visible (self->status, text != NULL && *text != '\0');
  if (error)
    gtk_widget_add_css_class (self->status, "error");
  else
    gtk_widget_remove_css_class (self->status, "error");
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  FacturesComposeDialog *self = user_data;

  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress), fraction);
}

static void
set_sending (FacturesComposeDialog *self,
             gboolean               sending)
{
  self->sending = sending;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compose.send", !sending);
  gtk_widget_set_visible (self->progress, sending);
}

/* Holds a reference on the dialog: closed while sending, it stays alive (hidden) until here. */
static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(FacturesComposeDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *reply = NULL;

  set_sending (self, FALSE);
  if (!factures_mail_send_finish (result, &reply, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Not sent — the message stays in the outbox. %s"),
                                               error->message);

      /* Closed while sending: the outbox holds the outcome. */
      if (g_cancellable_is_cancelled (self->cancellable))
        return;
      gtk_button_set_label (GTK_BUTTON (self->send_button), _("_Retry"));
      set_status (self, text, TRUE);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static char *
body_text (FacturesComposeDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
send_queued (FacturesComposeDialog *self)
{
  set_sending (self, TRUE);
  set_status (self, _("Sending…"), FALSE);
  factures_mail_send_async (self->store, self->outbox_id, self->cancellable, on_progress, self,
                            on_sent, g_object_ref (self));
}

static void send_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter);

static void
on_send_again (FacturesComposeDialog *self)
{
  g_clear_pointer (&self->sent_before, g_free);
  send_activated (GTK_WIDGET (self), "compose.send", NULL);
}

static void
send_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FacturesComposeDialog *self = FACTURES_COMPOSE_DIALOG (widget);
  g_autoptr(FacturesMailAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->sending)
    return;
  if (self->outbox_id != 0)
    {
      /* Retry: the same message (same Message-ID) from the outbox. */
      send_queued (self);
      return;
    }
  if (self->sent_before != NULL)
    {
      /* trial 5 finding 8: a client never gets the same document twice by accident */
      GtkWidget *dialog = factures_confirm_dialog_new (GTK_WINDOW (self), _("Already Sent"), self->sent_before,
                                                       "send", _("Send _Again"),
                                                       ADW_RESPONSE_SUGGESTED);

      g_signal_connect_object (dialog, "response::send", G_CALLBACK (on_send_again), self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  account = factures_store_get_mail_account (self->store, &error);
  if (account == NULL)
    {
      set_status (self, error != NULL ? error->message
                                      : _("No e-mail account is set up: fill it in Preferences → E-mail."), TRUE);
      return;
    }
  g_free (self->draft->to);
  self->draft->to = factures_editable_get_trimmed (self->to_row);
  g_free (self->draft->subject);
  self->draft->subject = factures_editable_get_trimmed (self->subject_row);
  g_free (self->draft->body);
  self->draft->body = body_text (self);

  /* Written to the outbox before any network I/O. */
  id = factures_mail_queue (self->store, account, self->draft, self->step_key, self->instalment,
                            gtk_switch_get_active (GTK_SWITCH (self->receipt_switch)), &error);
  if (id == 0)
    {
      set_status (self, error->message, TRUE);
      return;
    }
  self->outbox_id = id;
  gtk_widget_set_sensitive (self->to_row, FALSE);
  gtk_widget_set_sensitive (self->subject_row, FALSE);
  gtk_text_view_set_editable (self->body_view, FALSE);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress), 0);
  send_queued (self);
}

static void
outbox_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FacturesComposeDialog *self = FACTURES_COMPOSE_DIALOG (widget);

  factures_outbox_window_present (GTK_WINDOW (self), self->store);
}

static gboolean
factures_compose_dialog_close_request (GtkWindow *window)
{
  FacturesComposeDialog *self = FACTURES_COMPOSE_DIALOG (window);

  /* on_sent ends it; the outbox keeps the message whatever happens. */
  if (self->sending)
    g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (factures_compose_dialog_parent_class)->close_request (window);
}

static void
factures_compose_dialog_dispose (GObject *object)
{
  FacturesComposeDialog *self = FACTURES_COMPOSE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->step_key, g_free);
  g_clear_pointer (&self->sent_before, g_free);
  g_clear_pointer (&self->draft, factures_mail_draft_free);
  G_OBJECT_CLASS (factures_compose_dialog_parent_class)->dispose (object);
}

static void
factures_compose_dialog_class_init (FacturesComposeDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = factures_compose_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = factures_compose_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/mail/factures-compose-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesComposeDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesComposeDialog, subject_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesComposeDialog, attachment_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesComposeDialog, body_view);
  gtk_widget_class_bind_template_child (widget_class, FacturesComposeDialog, receipt_switch);
  gtk_widget_class_bind_template_child (widget_class, FacturesComposeDialog, send_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesComposeDialog, progress);
  gtk_widget_class_bind_template_child (widget_class, FacturesComposeDialog, status);

  gtk_widget_class_install_action (widget_class, "compose.send", NULL, send_activated);
  gtk_widget_class_install_action (widget_class, "compose.outbox", NULL, outbox_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "compose.send", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
factures_compose_dialog_init (FacturesComposeDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  factures_entry_row_name_once (self->to_row);
  factures_entry_row_name_once (self->subject_row);
}

void
factures_compose_dialog_present (GtkWindow     *parent,
                                 FacturesStore *store,
                                 gint64         document_id)
{
  factures_compose_dialog_present_for_step (parent, store, document_id, NULL, NULL, 0);
}

void
factures_compose_dialog_present_for_step (GtkWindow     *parent,
                                          FacturesStore *store,
                                          gint64         document_id,
                                          const char    *template_key,
                                          const char    *step_key,
                                          gint           instalment)
{
  g_autoptr(GError) error = NULL;
  FacturesMailDraft *draft = factures_mail_prepare (store, document_id, template_key, &error);
  g_autoptr(FacturesMailAccount) account = NULL;
  g_autoptr(FacturesOutboxItem) sent = NULL;
  g_autoptr(FacturesOutboxItem) unsent = NULL;
  g_autofree char *size = NULL;
  g_autofree char *unsent_body = NULL;
  FacturesComposeDialog *self;
  gint64 unsent_id = 0;

  if (draft == NULL)
    {
      factures_message_dialog_show (parent, _("This Document Cannot Be Sent"), error->message);
      return;
    }
  self = g_object_new (FACTURES_TYPE_COMPOSE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->draft = draft;
  self->step_key = g_strdup (step_key);
  self->instalment = instalment;

  factures_editable_set_text_or_empty (self->to_row, draft->to);
  factures_editable_set_text_or_empty (self->subject_row, draft->subject);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->attachment_row), draft->attachment_name);
  size = g_format_size (g_bytes_get_size (draft->attachment));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->attachment_row), size);
  account = factures_store_get_mail_account (store, NULL);
  gtk_switch_set_active (GTK_SWITCH (self->receipt_switch), account != NULL && account->read_receipt);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), draft->body, -1);

  /* trial 5 finding 8: a message of this document that failed is retried, not written
   * twice; a document already sent asks before it goes again. */
  if (factures_mail_find_previous (store, document_id, step_key, instalment, &unsent_id, &sent, NULL))
    {
      if (unsent_id != 0)
        unsent = factures_store_outbox_get (store, unsent_id, NULL);
      /* (the client's address changed since: a new message to the new address) */
      if (unsent != NULL && unsent->message != NULL && g_strcmp0 (unsent->recipients, draft->to) == 0)
        unsent_body = factures_mail_message_body_text (unsent->message);
      if (unsent_body != NULL)
        {
          g_autofree char *text = g_strdup_printf (_("An earlier attempt to send this message failed: %s "
                                                     "Retry sends the same message."),
                                                   unsent->error != NULL ? unsent->error : "");

          self->outbox_id = unsent->id;
          factures_editable_set_text_or_empty (self->to_row, unsent->recipients);
          factures_editable_set_text_or_empty (self->subject_row, unsent->subject);
          gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), unsent_body, -1);
          gtk_widget_set_sensitive (self->to_row, FALSE);
          gtk_widget_set_sensitive (self->subject_row, FALSE);
          gtk_widget_set_sensitive (self->receipt_switch, FALSE);
          gtk_text_view_set_editable (self->body_view, FALSE);
          gtk_button_set_label (GTK_BUTTON (self->send_button), _("_Retry"));
          set_status (self, text, FALSE);
        }
      else if (sent != NULL)
        {
          g_autofree char *when = factures_mail_format_time (sent->updated != NULL ? sent->updated : sent->created);
          g_autofree char *note = NULL;

          /* Translators: "… sent to client@example.org on 06/12/2026 22:44 …" */
          self->sent_before = g_strdup_printf (_("This document was sent to %s on %s. Send it again?"),
                                               sent->recipients, when);
          note = g_strdup_printf (_("Already sent to %s on %s."), sent->recipients, when);
          set_status (self, note, FALSE);
        }
    }
  gtk_window_present (GTK_WINDOW (self));
}

void
factures_acknowledgment_dialog_present (GtkWindow     *parent,
                                        FacturesStore *store,
                                        gint64         document_id)
{
  gtk_window_present (GTK_WINDOW (factures_acknowledgment_dialog_new (parent, store, document_id)));
}
