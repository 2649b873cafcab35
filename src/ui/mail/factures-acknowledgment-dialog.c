/* factures-acknowledgment-dialog.c — "Record an Acknowledgment" of a sent document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-acknowledgment-dialog.h"
#include "factures-form.h"
#include "factures-message-dialog.h"
#include "factures-store-mail.h"

struct _FacturesAcknowledgmentDialog
{
  AdwMessageDialog  parent_instance;

  FacturesStore    *store;
  gint64            document_id;

  GtkWidget        *note;
};

G_DEFINE_FINAL_TYPE (FacturesAcknowledgmentDialog, factures_acknowledgment_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
response_cb (FacturesAcknowledgmentDialog *self,
             const char                   *response)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;

  if (g_strcmp0 (response, "record") != 0)
    return;
  note = factures_editable_get_trimmed (self->note);
  if (factures_store_record_acknowledgment (self->store, self->document_id, note, &error))
    return;
  factures_message_dialog_show (gtk_window_get_transient_for (GTK_WINDOW (self)), _("Not Recorded"),
                                error->message);
}

static void
factures_acknowledgment_dialog_dispose (GObject *object)
{
  g_clear_object (&FACTURES_ACKNOWLEDGMENT_DIALOG (object)->store);
  G_OBJECT_CLASS (factures_acknowledgment_dialog_parent_class)->dispose (object);
}

static void
factures_acknowledgment_dialog_class_init (FacturesAcknowledgmentDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = factures_acknowledgment_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/mail/factures-acknowledgment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesAcknowledgmentDialog, note);
  gtk_widget_class_bind_template_callback (widget_class, response_cb);
}

static void
factures_acknowledgment_dialog_init (FacturesAcknowledgmentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * factures_acknowledgment_dialog_new:
 * (see factures-acknowledgment-dialog.h)
 */
GtkWidget *
factures_acknowledgment_dialog_new (GtkWindow     *parent,
                                    FacturesStore *store,
                                    gint64         document_id)
{
  FacturesAcknowledgmentDialog *self = g_object_new (FACTURES_TYPE_ACKNOWLEDGMENT_DIALOG,
                                                     "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  self->document_id = document_id;
  return GTK_WIDGET (self);
}
