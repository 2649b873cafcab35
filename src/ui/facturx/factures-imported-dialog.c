/* factures-imported-dialog.c — an imported invoice: its details and "Export the Original…"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-cii-reader.h"
#include "factures-facturx-ui.h"
#include "factures-facturx-ui-private.h"
#include "factures-file-chooser.h"
#include "factures-imported-dialog.h"
#include "factures-pa-respond-dialog.h"
#include "factures-store-einvoicing.h"
#include "factures-store-facturx.h"

struct _FacturesImportedDialog
{
  AdwMessageDialog      parent_instance;

  GtkWindow            *parent;
  FacturesStore        *store;
  gint64                id;
  char                 *number;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (FacturesImportedDialog, factures_imported_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* Holds a reference on the dialog (closed by then) until the file is chosen. */
static void
chooser_response_cb (GtkNativeDialog        *chooser,
                     int                     response,
                     FacturesImportedDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) gfile = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (!factures_facturx_ui_export_imported_to (self->store, self->id, gfile, &error))
        _factures_facturx_show_message (self->parent, _("The original could not be exported"), error->message);
      else
        {
          g_autofree char *name = g_file_get_basename (gfile);
          g_autofree char *text = g_strdup_printf (_("Original of invoice %s exported as “%s”"), self->number, name);

          _factures_facturx_toast (self->parent, text);
        }
    }
  g_clear_object (&self->chooser);
  g_object_unref (self);
}

static void
export_original (FacturesImportedDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) original = factures_store_get_imported_original (self->store, self->id, &error);
  gboolean is_pdf = original != NULL && factures_invoice_file_sniff (original) == FACTURES_INVOICE_FILE_PDF;
  g_autofree char *safe = g_strdup (self->number != NULL ? self->number : "facture");
  g_autofree char *name = NULL;

  if (original == NULL)
    {
      _factures_facturx_show_message (self->parent, _("The original could not be exported"), error->message);
      return;
    }
  g_strdelimit (safe, "/\\:*?\"<>|", '-');
  name = g_strconcat (safe, is_pdf ? ".pdf" : ".xml", NULL);
  self->chooser = gtk_file_chooser_native_new (_("Export the Original"), self->parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  factures_file_chooser_start_in_documents (self->chooser);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
response_cb (FacturesImportedDialog *self,
             const char             *response)
{
  if (g_strcmp0 (response, "export") == 0)
    export_original (self);
  else if (g_strcmp0 (response, "respond") == 0)
    gtk_window_present (GTK_WINDOW (factures_pa_respond_dialog_new (self->parent, self->store, self->id,
                                                                    self->number)));
}

static void
factures_imported_dialog_dispose (GObject *object)
{
  FacturesImportedDialog *self = FACTURES_IMPORTED_DIALOG (object);

  g_clear_object (&self->chooser);
  g_clear_object (&self->parent);
  g_clear_object (&self->store);
  g_clear_pointer (&self->number, g_free);
  G_OBJECT_CLASS (factures_imported_dialog_parent_class)->dispose (object);
}

static void
factures_imported_dialog_class_init (FacturesImportedDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = factures_imported_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/facturx/factures-imported-dialog.ui");
  gtk_widget_class_bind_template_callback (widget_class, response_cb);
}

static void
factures_imported_dialog_init (FacturesImportedDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * factures_imported_dialog_new:
 * (see factures-imported-dialog.h)
 */
GtkWidget *
factures_imported_dialog_new (GtkWindow     *parent,
                              FacturesStore *store,
                              gint64         id,
                              const char    *number,
                              const char    *heading,
                              const char    *body)
{
  FacturesImportedDialog *self = g_object_new (FACTURES_TYPE_IMPORTED_DIALOG, "transient-for", parent,
                                               "heading", heading, "body", body, NULL);

  self->parent = parent != NULL ? g_object_ref (parent) : NULL;
  self->store = g_object_ref (store);
  self->id = id;
  self->number = g_strdup (number);

  /* A supplier invoice, with a plateforme agréée configured: the buyer can answer it
   * (approve, dispute, refuse; issue 14 item 5). */
  {
    g_autoptr(FacturesPaAccount) account = factures_store_get_pa_account (store, NULL);
    g_autoptr(FacturesPaPurchase) purchase = account != NULL ? factures_store_pa_get_purchase (store, id, NULL) : NULL;

    if (purchase != NULL)
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), "respond", _("_Answer the Seller…"));
  }
  return GTK_WIDGET (self);
}
