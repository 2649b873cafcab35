/* factures-outbox-window.c — the outbox: every message with its state, retry by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-compose-dialog.h"
#include "factures-mail-sender.h"
#include "factures-outbox-window.h"
#include "factures-store-mail.h"

typedef struct {
  FacturesStore *store;
  GtkWidget     *window;
  GtkWidget     *list;
  GtkWidget     *empty;
  GtkWidget     *status;
  GCancellable  *cancellable;
  gulong         changed_id;
  guint          in_flight;
} Outbox;

static GtkWidget *open_window;

static void refresh (Outbox *o);

static void
outbox_free (Outbox *o)
{
  g_cancellable_cancel (o->cancellable);
  g_clear_object (&o->cancellable);
  g_clear_object (&o->store);
  g_free (o);
}

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

typedef struct {
  Outbox *outbox;
  gint64  id;
} RowAction;

static void
on_retried (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Outbox *o = user_data;
  g_autoptr(GError) error = NULL;

  o->in_flight--;
  if (o->window == NULL)
    {
      if (o->in_flight == 0)
        outbox_free (o);
      return;
    }
  if (!factures_mail_send_finish (result, NULL, &error))
    gtk_label_set_text (GTK_LABEL (o->status), error->message);
  else
    gtk_label_set_text (GTK_LABEL (o->status), _("Sent."));
  refresh (o);
}

static void
on_retry (GtkButton *button,
          RowAction *action)
{
  Outbox *o = action->outbox;

  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  gtk_label_set_text (GTK_LABEL (o->status), _("Sending…"));
  o->in_flight++;
  factures_mail_send_async (o->store, action->id, o->cancellable, NULL, NULL, on_retried, o);
}

static void
on_ack (GtkButton *button,
        RowAction *action)
{
  factures_acknowledgment_dialog_present (GTK_WINDOW (action->outbox->window), action->outbox->store,
                                          action->id);
}

static GtkWidget *
row_for (Outbox             *o,
         FacturesOutboxItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  const char *detail = item->state == FACTURES_OUTBOX_SENT ? item->server_reply : item->error;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->subject);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* Translators: recipients · state · date (· attempts) and, on the next line, the server's
   * reply or the reason of the failure */
  subtitle = g_strdup_printf (_("%s · %s · %s · attempts: %d%s%s"),
                              item->recipients, state_label (item->state),
                              item->updated != NULL ? item->updated : item->created, item->attempts,
                              detail != NULL ? "\n" : "", detail != NULL ? detail : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  if (item->state == FACTURES_OUTBOX_FAILED || item->state == FACTURES_OUTBOX_QUEUED)
    {
      GtkWidget *retry = gtk_button_new_with_mnemonic (_("_Retry"));
      RowAction *action = g_new0 (RowAction, 1);

      action->outbox = o;
      action->id = item->id;
      gtk_widget_set_valign (retry, GTK_ALIGN_CENTER);
      g_signal_connect_data (retry, "clicked", G_CALLBACK (on_retry), action, (GClosureNotify) (void (*) (void)) g_free, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), retry);
    }
  else if (item->state == FACTURES_OUTBOX_SENT && item->document_id != 0)
    {
      GtkWidget *ack = gtk_button_new_with_mnemonic (_("Record _Acknowledgment…"));
      RowAction *action = g_new0 (RowAction, 1);

      action->outbox = o;
      action->id = item->document_id;
      gtk_widget_set_valign (ack, GTK_ALIGN_CENTER);
      g_signal_connect_data (ack, "clicked", G_CALLBACK (on_ack), action, (GClosureNotify) (void (*) (void)) g_free, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), ack);
    }
  return row;
}

static void
refresh (Outbox *o)
{
  g_autoptr(GPtrArray) items = factures_store_outbox_list (o->store, NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (o->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (o->list), child);
  for (guint i = 0; items != NULL && i < items->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (o->list), row_for (o, g_ptr_array_index (items, i)));
  gtk_widget_set_visible (o->empty, items == NULL || items->len == 0);
  gtk_widget_set_visible (o->list, items != NULL && items->len > 0);
}

static void
on_destroy (GtkWidget *window,
            Outbox    *o)
{
  if (open_window == window)
    open_window = NULL;
  g_signal_handler_disconnect (o->store, o->changed_id);
  o->window = NULL;
  if (o->in_flight == 0)
    outbox_free (o);
}

void
factures_outbox_window_present (GtkWindow     *parent,
                                FacturesStore *store)
{
  GtkWidget *box, *header, *scroller, *clamp, *content;
  Outbox *o;

  if (open_window != NULL)
    {
      gtk_window_present (GTK_WINDOW (open_window));
      return;
    }
  o = g_new0 (Outbox, 1);
  o->store = g_object_ref (store);
  o->cancellable = g_cancellable_new ();
  o->window = adw_window_new ();
  open_window = o->window;
  gtk_window_set_title (GTK_WINDOW (o->window), _("Outbox"));
  gtk_window_set_default_size (GTK_WINDOW (o->window), 720, 560);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (o->window), parent);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  o->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (o->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (o->list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (o->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Messages"), -1);
  o->empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (o->empty), "mail-send-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (o->empty), _("No Messages"));
  adw_status_page_set_description (ADW_STATUS_PAGE (o->empty),
                                   _("Documents sent by e-mail appear here with their state."));
  o->status = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (o->status), TRUE);
  gtk_label_set_xalign (GTK_LABEL (o->status), 0);
  gtk_label_set_selectable (GTK_LABEL (o->status), TRUE);
  gtk_box_append (GTK_BOX (content), o->status);
  gtk_box_append (GTK_BOX (content), o->list);
  gtk_box_append (GTK_BOX (content), o->empty);
  clamp = adw_clamp_new ();
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (o->window), box);

  o->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (refresh), o);
  g_signal_connect (o->window, "destroy", G_CALLBACK (on_destroy), o);
  if (factures_mail_sends_in_flight () == 0)
    factures_store_outbox_recover (store, NULL);
  refresh (o);
  gtk_window_present (GTK_WINDOW (o->window));
}
