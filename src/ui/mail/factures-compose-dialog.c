/* factures-compose-dialog.c — "Send by E-mail" for an issued document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-compose-dialog.h"
#include "factures-form.h"
#include "factures-mail-sender.h"
#include "factures-outbox-window.h"
#include "factures-store-mail.h"

typedef struct {
  FacturesStore     *store;
  FacturesMailDraft *draft;
  GtkWidget         *window;
  GtkWidget         *to_row;
  GtkWidget         *subject_row;
  GtkTextView       *body_view;
  GtkWidget         *receipt_switch;
  GtkWidget         *send_button;
  GtkWidget         *progress;
  GtkWidget         *status;
  GCancellable      *cancellable;
  gboolean           sending;
  gint64             outbox_id;   /* the queued message; a retry sends it again */
  char              *step_key;    /* the dunning step this message performs, or NULL */
  gint               instalment;
} Compose;

static void
compose_free (Compose *c)
{
  g_cancellable_cancel (c->cancellable);
  g_clear_object (&c->cancellable);
  g_clear_object (&c->store);
  g_free (c->step_key);
  factures_mail_draft_free (c->draft);
  g_free (c);
}

static void
set_status (Compose    *c,
            const char *text,
            gboolean    error)
{
  gtk_label_set_text (GTK_LABEL (c->status), text);
  gtk_widget_set_visible (c->status, text != NULL && *text != '\0');
  if (error)
    gtk_widget_add_css_class (c->status, "error");
  else
    gtk_widget_remove_css_class (c->status, "error");
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  Compose *c = user_data;

  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (c->progress), fraction);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Compose *c = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *reply = NULL;

  c->sending = FALSE;
  if (c->window == NULL)
    {
      /* Closed while sending: the outbox holds the outcome. */
      compose_free (c);
      return;
    }
  if (!factures_mail_send_finish (result, &reply, &error))
    {
      gtk_widget_set_visible (c->progress, FALSE);
      gtk_widget_set_sensitive (c->send_button, TRUE);
      gtk_button_set_label (GTK_BUTTON (c->send_button), _("_Retry"));
      {
        g_autofree char *text = g_strdup_printf (_("Not sent — the message stays in the outbox. %s"),
                                                 error->message);
        set_status (c, text, TRUE);
      }
      return;
    }
  gtk_window_destroy (GTK_WINDOW (c->window));
}

static char *
body_text (Compose *c)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (c->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
on_send (GtkButton *button,
         Compose   *c)
{
  g_autoptr(FacturesMailAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (c->sending)
    return;
  if (c->outbox_id != 0)
    {
      /* Retry: the same message (same Message-ID) from the outbox. */
      c->sending = TRUE;
      gtk_widget_set_sensitive (c->send_button, FALSE);
      gtk_widget_set_visible (c->progress, TRUE);
      set_status (c, _("Sending…"), FALSE);
      factures_mail_send_async (c->store, c->outbox_id, c->cancellable, on_progress, c, on_sent, c);
      return;
    }
  account = factures_store_get_mail_account (c->store, &error);
  if (account == NULL)
    {
      set_status (c, error != NULL ? error->message
                                   : _("No e-mail account is set up: fill it in Preferences → E-mail."), TRUE);
      return;
    }
  g_free (c->draft->to);
  c->draft->to = factures_editable_get_trimmed (c->to_row);
  g_free (c->draft->subject);
  c->draft->subject = factures_editable_get_trimmed (c->subject_row);
  g_free (c->draft->body);
  c->draft->body = body_text (c);

  /* Written to the outbox before any network I/O. */
  id = factures_mail_queue (c->store, account, c->draft, c->step_key, c->instalment,
                            gtk_switch_get_active (GTK_SWITCH (c->receipt_switch)), &error);
  if (id == 0)
    {
      set_status (c, error->message, TRUE);
      return;
    }
  c->outbox_id = id;
  gtk_widget_set_sensitive (c->to_row, FALSE);
  gtk_widget_set_sensitive (c->subject_row, FALSE);
  gtk_text_view_set_editable (c->body_view, FALSE);
  c->sending = TRUE;
  gtk_widget_set_sensitive (c->send_button, FALSE);
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (c->progress), 0);
  gtk_widget_set_visible (c->progress, TRUE);
  set_status (c, _("Sending…"), FALSE);
  factures_mail_send_async (c->store, id, c->cancellable, on_progress, c, on_sent, c);
}

static void
on_outbox (GtkButton *button,
           Compose   *c)
{
  factures_outbox_window_present (GTK_WINDOW (c->window), c->store);
}

static void
on_destroy (GtkWidget *window,
            Compose   *c)
{
  c->window = NULL;
  if (!c->sending)
    compose_free (c);
  else
    /* on_sent frees it; the outbox keeps the message whatever happens. */
    g_cancellable_cancel (c->cancellable);
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
  GtkWidget *toolbar, *header, *content, *group, *row, *scroller, *box, *icon, *cancel;
  g_autofree char *size = NULL;
  Compose *c;

  if (draft == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (parent, _("This Document Cannot Be Sent"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  c = g_new0 (Compose, 1);
  c->store = g_object_ref (store);
  c->draft = draft;
  c->step_key = g_strdup (step_key);
  c->instalment = instalment;
  c->cancellable = g_cancellable_new ();

  c->window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (c->window), _("Send by E-mail"));
  gtk_window_set_default_size (GTK_WINDOW (c->window), 640, 640);
  gtk_window_set_modal (GTK_WINDOW (c->window), TRUE);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (c->window), parent);

  toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), c->window);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  c->send_button = gtk_button_new_with_mnemonic (_("_Send"));
  gtk_widget_add_css_class (c->send_button, "suggested-action");
  g_signal_connect (c->send_button, "clicked", G_CALLBACK (on_send), c);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), c->send_button);
  gtk_box_append (GTK_BOX (toolbar), header);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_vexpand (content, TRUE);

  group = adw_preferences_group_new ();
  c->to_row = factures_entry_row_new (_("To"));
  factures_editable_set_text_or_empty (c->to_row, draft->to);
  c->subject_row = factures_entry_row_new (_("Subject"));
  factures_editable_set_text_or_empty (c->subject_row, draft->subject);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), c->to_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), c->subject_row);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), draft->attachment_name);
  size = g_format_size (g_bytes_get_size (draft->attachment));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), size);
  icon = gtk_image_new_from_icon_name ("mail-attachment-symbolic");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Attachment"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Ask for a read receipt"));
  c->receipt_switch = gtk_switch_new ();
  gtk_widget_set_valign (c->receipt_switch, GTK_ALIGN_CENTER);
  {
    g_autoptr(FacturesMailAccount) account = factures_store_get_mail_account (store, NULL);

    gtk_switch_set_active (GTK_SWITCH (c->receipt_switch), account != NULL && account->read_receipt);
  }
  gtk_accessible_update_property (GTK_ACCESSIBLE (c->receipt_switch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Ask for a read receipt"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), c->receipt_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), c->receipt_switch);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  gtk_box_append (GTK_BOX (content), group);

  c->body_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (c->body_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (c->body_view, 8);
  gtk_text_view_set_top_margin (c->body_view, 8);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (c->body_view), draft->body, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (c->body_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Message text"), -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (c->body_view));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_widget_add_css_class (scroller, "card");
  gtk_box_append (GTK_BOX (content), scroller);

  c->progress = gtk_progress_bar_new ();
  gtk_widget_set_visible (c->progress, FALSE);
  gtk_box_append (GTK_BOX (content), c->progress);
  c->status = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (c->status), TRUE);
  gtk_label_set_selectable (GTK_LABEL (c->status), TRUE);
  gtk_label_set_xalign (GTK_LABEL (c->status), 0);
  gtk_widget_set_visible (c->status, FALSE);
  gtk_box_append (GTK_BOX (content), c->status);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  {
    GtkWidget *outbox = gtk_button_new_with_mnemonic (_("_Outbox…"));

    g_signal_connect (outbox, "clicked", G_CALLBACK (on_outbox), c);
    gtk_box_append (GTK_BOX (box), outbox);
  }
  gtk_box_append (GTK_BOX (content), box);

  gtk_box_append (GTK_BOX (toolbar), content);
  adw_window_set_content (ADW_WINDOW (c->window), toolbar);
  g_signal_connect (c->window, "destroy", G_CALLBACK (on_destroy), c);
  gtk_window_present (GTK_WINDOW (c->window));
}

/* ---- acknowledgment ---- */

typedef struct {
  FacturesStore *store;
  gint64         document_id;
  GtkWidget     *entry;
  GtkWindow     *parent;
} Ack;

static void
on_ack_response (AdwMessageDialog *dialog,
                 const char       *response,
                 Ack              *ack)
{
  if (g_strcmp0 (response, "record") == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *note = factures_editable_get_trimmed (ack->entry);

      if (!factures_store_record_acknowledgment (ack->store, ack->document_id, note, &error))
        {
          GtkWidget *fail = adw_message_dialog_new (ack->parent, _("Not Recorded"), error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (fail), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (fail));
        }
    }
  g_object_unref (ack->store);
  g_free (ack);
}

void
factures_acknowledgment_dialog_present (GtkWindow     *parent,
                                        FacturesStore *store,
                                        gint64         document_id)
{
  GtkWidget *dialog;
  Ack *ack = g_new0 (Ack, 1);

  ack->store = g_object_ref (store);
  ack->document_id = document_id;
  ack->parent = parent;
  dialog = adw_message_dialog_new (parent, _("Record an Acknowledgment"),
                                   _("The client confirmed receiving the document (a read receipt, "
                                     "a reply, a call). It is recorded on the document with today’s date."));
  ack->entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (ack->entry), _("Note (optional)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (ack->entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), ack->entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "record", _("_Record"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "record", ADW_RESPONSE_SUGGESTED);
  g_signal_connect (dialog, "response", G_CALLBACK (on_ack_response), ack);
  gtk_window_present (GTK_WINDOW (dialog));
}
