/* factures-editor-window-actions.c — the editor's output and follow-up commands:
 * duplicate, export as PDF, print, send by e-mail, make recurring, record a payment,
 * check the Factur-X file, payment schedule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-compose-dialog.h"
#include "factures-document-print.h"
#include "factures-documents.h"
#include "factures-editor-window-private.h"
#include "factures-facturx-ui.h"
#include "factures-file-chooser.h"
#include "factures-instalments-dialog.h"
#include "factures-payment-dialog.h"
#include "factures-recurring-ui.h"

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FacturesEditorWindow *self = FACTURES_EDITOR_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  gint64 new_id;

  if (!self->read_only && (self->dirty || self->document->id == 0))
    {
      if (!_factures_editor_window_save_draft (self, FALSE, &error))
        {
          _factures_editor_window_show_message (self, _("The draft cannot be saved"), error->message);
          return;
        }
    }

  new_id = factures_store_duplicate (self->store, self->document->id, &error);
  if (new_id == 0)
    {
      _factures_editor_window_show_message (self, _("The document cannot be duplicated"), error->message);
      return;
    }

  factures_editor_window_open (GTK_WINDOW (self), self->store, new_id, 0);
}

static char *
suggested_file_name (FacturesEditorWindow *self)
{
  g_autofree char *name = NULL;

  if (self->document->number != NULL)
    name = g_strdup_printf ("%s %s.pdf", factures_document_kind_title (self->document->kind),
                            self->document->number);
  else
    /* Translators: file name of an exported draft, "Facture (brouillon).pdf" */
    name = g_strdup_printf (_("%s (draft).pdf"), factures_document_kind_title (self->document->kind));

  /* Numbers may hold '/', which a file name cannot. */
  g_strdelimit (name, "/\\:", '-');
  return g_steal_pointer (&name);
}

static void
export_to_file (FacturesEditorWindow *self,
                GFile                *file)
{
  g_autoptr (FacturesDocument) copy = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;

  if (!self->read_only)
    _factures_editor_window_collect_fields (self, FALSE, FALSE, NULL, NULL, NULL);

  copy = _factures_editor_window_document_for_output (self);
  if (factures_store_check_file (self->store, file, &error))
    bytes = factures_document_pdf_bytes (self->store, copy, &error);
  if (bytes == NULL ||
      !g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
    {
      _factures_editor_window_show_message (self, _("The PDF cannot be exported"), error->message);
      return;
    }

  basename = g_file_get_basename (file);
  /* Translators: %s is a file name */
  message = g_strdup_printf (_("Exported to “%s”"), basename);
  _factures_editor_window_toast (self, message);
}

static void
export_response_cb (GtkNativeDialog      *chooser,
                    int                   response,
                    FacturesEditorWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        export_to_file (self, file);
    }

  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FacturesEditorWindow *self = FACTURES_EDITOR_WINDOW (widget);
  g_autofree char *name = suggested_file_name (self);

  if (self->chooser != NULL)
    return;

  self->chooser = factures_file_chooser_new_save_pdf (GTK_WINDOW (self), _("Export PDF"), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Issue 5: an issued document goes out by e-mail through the compose dialog. */
static void
send_email_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  FacturesEditorWindow *self = FACTURES_EDITOR_WINDOW (widget);

  if (self->read_only && self->document->id != 0)
    factures_compose_dialog_present (GTK_WINDOW (self), self->store, self->document->id);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FacturesEditorWindow *self = FACTURES_EDITOR_WINDOW (widget);
  g_autoptr (FacturesDocument) copy = NULL;
  g_autoptr (GError) error = NULL;

  if (!self->read_only)
    _factures_editor_window_collect_fields (self, FALSE, FALSE, NULL, NULL, NULL);

  copy = _factures_editor_window_document_for_output (self);
  if (!factures_document_print (GTK_WINDOW (self), self->store, copy, &error))
    _factures_editor_window_show_message (self, _("The document cannot be printed"), error->message);
}


static void
make_recurring_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  FacturesEditorWindow *self = FACTURES_EDITOR_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  if (!self->read_only && (self->dirty || self->document->id == 0) && !_factures_editor_window_save_draft (self, TRUE, &error))
    {
      _factures_editor_window_show_message (self, _("The invoice cannot be made recurring"), error->message);
      return;
    }
  factures_recurring_dialog_open (GTK_WINDOW (self), self->store, self->document->id);
}


static void
record_payment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  FacturesEditorWindow *self = FACTURES_EDITOR_WINDOW (widget);

  if (self->document != NULL && self->document->id != 0)
    factures_payment_dialog_open (GTK_WINDOW (self), self->store, self->document->id);
}

/* The schedule dialog closed: take the draft's plan as stored (issue 6). */
static void
schedule_closed_cb (FacturesEditorWindow *self)
{
  g_autoptr (FacturesDocument) stored = NULL;

  if (self->document->id == 0 || self->document->status != FACTURES_DOCUMENT_STATUS_DRAFT)
    return;
  stored = factures_store_get_document (self->store, self->document->id, NULL);
  if (stored == NULL)
    return;
  g_clear_pointer (&self->document->instalments, g_array_unref);
  self->document->instalments = g_steal_pointer (&stored->instalments);
  _factures_editor_window_update_due_date (self);
  _factures_editor_window_schedule_preview (self, 0);
}

/* "Payment Schedule…" of a draft invoice (issue 6): saved first, then the
 * instalments dialog the overdue page uses for issued invoices. */
static void
payment_schedule_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  FacturesEditorWindow *self = FACTURES_EDITOR_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  GtkWidget *dialog;

  if (self->read_only)
    return;
  if ((self->dirty || self->document->id == 0) && !_factures_editor_window_save_draft (self, FALSE, &error))
    {
      _factures_editor_window_show_message (self, _("The draft cannot be saved"), error->message);
      return;
    }
  dialog = factures_instalments_dialog_open (GTK_WINDOW (self), self->store, self->document->id);
  if (dialog != NULL)
    g_signal_connect_object (dialog, "destroy", G_CALLBACK (schedule_closed_cb), self, G_CONNECT_SWAPPED);
}

/* "Check": the Factur-X check of an issued document (issue 6). */
static void
check_facturx_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FacturesEditorWindow *self = FACTURES_EDITOR_WINDOW (widget);

  if (self->document != NULL && self->document->id != 0)
    factures_facturx_ui_check_document (GTK_WINDOW (self), self->store, self->document->id);
}

void
_factures_editor_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "editor.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "editor.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "editor.send-email", NULL, send_email_action);
  gtk_widget_class_install_action (widget_class, "editor.make-recurring", NULL, make_recurring_action);
  gtk_widget_class_install_action (widget_class, "editor.record-payment", NULL, record_payment_action);
  gtk_widget_class_install_action (widget_class, "editor.check-facturx", NULL, check_facturx_action);
  gtk_widget_class_install_action (widget_class, "editor.payment-schedule", NULL, payment_schedule_action);
}
