/* factures-outbox-window.c — the outbox: every message with its state, retry by hand
 *
 * The template (factures-outbox-window.ui) holds the status line, the list (one
 * FacturesOutboxRow per message) and the empty state; "outbox.retry" and
 * "outbox.acknowledge" take the row's id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-acknowledgment-dialog.h"
#include "factures-mail-sender.h"
#include "factures-outbox-row.h"
#include "factures-outbox-window.h"
#include "factures-store-mail.h"

struct _FacturesOutboxWindow
{
  AdwWindow      parent_instance;

  FacturesStore *store;
  GCancellable  *cancellable;
  gulong         changed_id;

  GtkWidget     *list;
  GtkWidget     *empty;
  GtkWidget     *status;
};

G_DEFINE_FINAL_TYPE (FacturesOutboxWindow, factures_outbox_window, ADW_TYPE_WINDOW)

/* The one outbox window, presented again rather than opened twice. */
static FacturesOutboxWindow *open_window;

static void
refresh (FacturesOutboxWindow *self)
{
  g_autoptr(GPtrArray) items = factures_store_outbox_list (self->store, NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      FacturesOutboxItem *item = g_ptr_array_index (items, i);

      gtk_list_box_append (GTK_LIST_BOX (self->list),
                           factures_outbox_row_new (item, factures_mail_superseded (items, item)));
    }
  gtk_widget_set_visible (self->empty, items == NULL || items->len == 0);
  gtk_widget_set_visible (self->list, items != NULL && items->len > 0);
}

/* Holds a reference on the window: closed meanwhile, it stays alive (hidden) until here. */
static void
on_retried (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(FacturesOutboxWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!factures_mail_send_finish (result, NULL, &error))
    gtk_label_set_text (GTK_LABEL (self->status), error->message);
  else
    gtk_label_set_text (GTK_LABEL (self->status), _("Sent."));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outbox.retry", TRUE);
  if (self->store != NULL)
    refresh (self);
}

static void
retry_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  FacturesOutboxWindow *self = FACTURES_OUTBOX_WINDOW (widget);

  gtk_label_set_text (GTK_LABEL (self->status), _("Sending…"));
  /* One retry at a time: the buttons wait for its outcome. */
  gtk_widget_action_set_enabled (widget, "outbox.retry", FALSE);
  factures_mail_send_async (self->store, g_variant_get_int64 (parameter), self->cancellable, NULL, NULL,
                            on_retried, g_object_ref (self));
}

static void
acknowledge_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  FacturesOutboxWindow *self = FACTURES_OUTBOX_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (factures_acknowledgment_dialog_new (GTK_WINDOW (self), self->store,
                                                                      g_variant_get_int64 (parameter))));
}

static void
store_changed_cb (FacturesOutboxWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outbox.retry", TRUE);
  refresh (self);
}

static gboolean
factures_outbox_window_close_request (GtkWindow *window)
{
  FacturesOutboxWindow *self = FACTURES_OUTBOX_WINDOW (window);

  if (open_window == self)
    open_window = NULL;
  g_clear_signal_handler (&self->changed_id, self->store);
  return GTK_WINDOW_CLASS (factures_outbox_window_parent_class)->close_request (window);
}

static void
factures_outbox_window_dispose (GObject *object)
{
  FacturesOutboxWindow *self = FACTURES_OUTBOX_WINDOW (object);

  if (open_window == self)
    open_window = NULL;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (factures_outbox_window_parent_class)->dispose (object);
}

static void
factures_outbox_window_class_init (FacturesOutboxWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = factures_outbox_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = factures_outbox_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/mail/factures-outbox-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesOutboxWindow, list);
  gtk_widget_class_bind_template_child (widget_class, FacturesOutboxWindow, empty);
  gtk_widget_class_bind_template_child (widget_class, FacturesOutboxWindow, status);

  gtk_widget_class_install_action (widget_class, "outbox.retry", "x", retry_activated);
  gtk_widget_class_install_action (widget_class, "outbox.acknowledge", "x", acknowledge_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
factures_outbox_window_init (FacturesOutboxWindow *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
factures_outbox_window_present (GtkWindow     *parent,
                                FacturesStore *store)
{
  FacturesOutboxWindow *self;

  if (open_window != NULL)
    {
      gtk_window_present (GTK_WINDOW (open_window));
      return;
    }
  self = g_object_new (FACTURES_TYPE_OUTBOX_WINDOW, "transient-for", parent, NULL);
  open_window = self;
  self->store = g_object_ref (store);
  self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  if (factures_mail_sends_in_flight () == 0)
    factures_store_outbox_recover (store, NULL);
  refresh (self);
  gtk_window_present (GTK_WINDOW (self));
}
