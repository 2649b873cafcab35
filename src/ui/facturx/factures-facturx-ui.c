/* factures-facturx-ui.c — the "Check" action and the invoice import of issue 6
 *
 * The file's checks before the import; the dialogs and the purchases window are their own
 * classes (factures-import-dialog.c, factures-imported-dialog.c, factures-purchases-window.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "factures-cii-reader.h"
#include "factures-documents.h"
#include "factures-facturx-ui-private.h"
#include "factures-facturx-ui.h"
#include "factures-file-chooser.h"
#include "factures-import-dialog.h"
#include "factures-imported-dialog.h"
#include "factures-imported-text.h"
#include "factures-message-dialog.h"
#include "factures-purchases-window.h"
#include "factures-store-facturx-drafts.h"
#include "factures-store-facturx.h"
#include "factures-store-numbering.h"
#include "factures-window.h"

void
_factures_facturx_show_message (GtkWindow  *parent,
                                const char *heading,
                                const char *body)
{
  factures_message_dialog_show (parent, heading, body);
}

void
_factures_facturx_toast (GtkWindow  *parent,
                         const char *text)
{
  if (parent != NULL && G_TYPE_CHECK_INSTANCE_TYPE (parent, FACTURES_TYPE_WINDOW))
    factures_window_add_toast ((FacturesWindow *) parent, text);
  else
    _factures_facturx_show_message (parent, text, NULL);
}

/**
 * factures_facturx_ui_check_document:
 * (see factures-facturx-ui.h)
 */
void
factures_facturx_ui_check_document (GtkWindow     *parent,
                                    FacturesStore *store,
                                    gint64         document_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) original = factures_store_get_original (store, document_id, &error);
  g_autoptr(FacturesInvoiceFile) file = NULL;
  g_autofree char *report = NULL;
  g_autofree char *body = NULL;
  guint n = 0;

  if (original == NULL)
    {
      _factures_facturx_show_message (parent, _("The document cannot be checked"), error->message);
      return;
    }
  file = factures_invoice_file_open (original, &error);
  if (file == NULL)
    {
      body = g_strdup_printf (_("Its stored PDF is not a Factur-X file: %s"), error->message);
      _factures_facturx_show_message (parent, _("Not a Factur-X file"), body);
      return;
    }
  report = factures_invoice_file_report (file, &n);
  body = g_strdup_printf ("%s\n%s", n == 0 ? _("This document is a valid Factur-X file.")
                                           : _("This document has problems:"), report);
  _factures_facturx_show_message (parent, _("Factur-X Check"), body);
}

/* ---- import ---- */

/* What the file chooser answers to. */
typedef struct {
  GtkWindow     *parent;
  FacturesStore *store;
} ImportRequest;

static void
import_request_free (ImportRequest *request)
{
  g_clear_object (&request->parent);
  g_clear_object (&request->store);
  g_free (request);
}

/* Reads @gfile, checks it, then asks how to keep it. */
static void
import_file (GtkWindow     *parent,
             FacturesStore *store,
             GFile         *gfile)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesInvoiceFile) file = NULL;
  g_autofree char *name = g_file_get_basename (gfile);

  /* A file above the limit is refused from its size, before it is read. */
  bytes = factures_invoice_file_load (gfile, &error);
  if (bytes == NULL)
    {
      if (g_error_matches (error, FACTURES_ERROR, FACTURES_ERROR_OVERFLOW))
        {
          g_autofree char *body = g_strdup_printf (_("“%s” is not a Factur-X or CII invoice: %s"), name,
                                                   error->message);

          _factures_facturx_show_message (parent, _("The file is refused"), body);
        }
      else
        _factures_facturx_show_message (parent, _("The file cannot be read"), error->message);
      return;
    }
  file = factures_invoice_file_open (bytes, &error);
  if (file == NULL)
    {
      g_autofree char *body = g_strdup_printf (_("“%s” is not a Factur-X or CII invoice: %s"), name, error->message);

      _factures_facturx_show_message (parent, _("The file is refused"), body);
      return;
    }
  if (file->xsd_problems->len > 0)
    {
      g_autofree char *report = factures_invoice_file_report (file, NULL);
      g_autofree char *body = g_strdup_printf ("%s\n%s", _("It does not pass its XML schema: nothing was imported."), report);

      _factures_facturx_show_message (parent, _("The file is refused"), body);
      return;
    }
  /* An amount beyond what the app holds, a date that is not one, a number or a text above its
   * limit (issue 10). */
  if (!factures_invoice_file_check_importable (file, &error))
    {
      g_autofree char *body = g_strdup_printf ("%s\n%s", error->message, _("Nothing was imported."));

      _factures_facturx_show_message (parent, _("The file is refused"), body);
      return;
    }
  gtk_window_present (GTK_WINDOW (factures_import_dialog_new (parent, store, g_steal_pointer (&file), name)));
}

/**
 * factures_facturx_ui_import_file:
 * (see factures-facturx-ui.h)
 */
void
factures_facturx_ui_import_file (GtkWindow     *parent,
                                 FacturesStore *store,
                                 GFile         *file)
{
  import_file (parent, store, file);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  ImportRequest *request = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) gfile = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      import_file (request->parent, request->store, gfile);
    }
  import_request_free (request);
  g_object_unref (chooser);
}

/**
 * factures_facturx_ui_import:
 * (see factures-facturx-ui.h)
 */
void
factures_facturx_ui_import (GtkWindow     *parent,
                            FacturesStore *store)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();
  ImportRequest *request = g_new0 (ImportRequest, 1);

  request->parent = parent != NULL ? g_object_ref (parent) : NULL;
  request->store = g_object_ref (store);
  chooser = gtk_file_chooser_native_new (_("Import an Invoice"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Factur-X or CII invoices"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_mime_type (filter, "application/xml");
  gtk_file_filter_add_mime_type (filter, "text/xml");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  factures_file_chooser_start_in_documents (chooser);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- one imported invoice: its details and "Export the Original…" ---- */

/**
 * factures_facturx_ui_export_imported_to:
 * (see factures-facturx-ui.h)
 */
gboolean
factures_facturx_ui_export_imported_to (FacturesStore  *store,
                                        gint64          id,
                                        GFile          *file,
                                        GError        **error)
{
  g_autoptr(GBytes) original = NULL;

  if (!factures_store_check_file (store, file, error))
    return FALSE;
  original = factures_store_get_imported_original (store, id, error);
  if (original == NULL)
    return FALSE;
  return g_file_replace_contents (file, g_bytes_get_data (original, NULL), g_bytes_get_size (original), NULL,
                                  FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

static void
append_line (GString *out, const char *label, const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  /* Translators: one line of an imported invoice's details: "Seller: Le Fournisseur" */
  g_string_append_printf (out, _("%s: %s\n"), label, value);
}

static void
append_amount (GString *out, const char *label, const char *text, const char *currency)
{
  g_autofree char *value = NULL;

  if (text == NULL)
    return;
  value = factures_imported_amount_format (text, currency);
  append_line (out, label, value);
}

/**
 * factures_facturx_ui_show_imported:
 * (see factures-facturx-ui.h)
 */
void
factures_facturx_ui_show_imported (GtkWindow     *parent,
                                   FacturesStore *store,
                                   gint64         id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) xml = factures_store_get_imported_xml (store, id, &error);
  g_autoptr(GBytes) original = NULL;
  g_autoptr(FacturesImported) imported = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;

  if (xml != NULL)
    imported = factures_cii_read (xml, &error);
  if (imported == NULL)
    {
      _factures_facturx_show_message (parent, _("The imported invoice cannot be shown"), error->message);
      return;
    }
  original = factures_store_get_imported_original (store, id, NULL);
  heading = g_strdup_printf ("%s %s", factures_imported_kind_label (imported->type_code), imported->number);
  {
    g_autofree char *seller = imported->seller.siren != NULL
      ? g_strdup_printf ("%s (SIREN %s)", imported->seller.name != NULL ? imported->seller.name : "?", imported->seller.siren)
      : g_strdup (imported->seller.name);
    g_autofree char *issued = g_date_valid (&imported->issue_date) ? factures_date_format_fr (&imported->issue_date) : NULL;
    g_autofree char *due = g_date_valid (&imported->due_date) ? factures_date_format_fr (&imported->due_date) : NULL;

    append_line (body, _("Seller"), seller);
    append_line (body, _("Buyer"), imported->buyer.name);
    append_line (body, _("Issue date"), issued);
    append_line (body, _("Due date"), due);
    append_line (body, _("Currency"), imported->currency);
  }
  g_string_append_c (body, '\n');
  append_amount (body, _("Total without VAT"), imported->tax_basis_total, imported->currency);
  append_amount (body, _("VAT"), imported->tax_total, imported->currency);
  append_amount (body, _("Total with VAT"), imported->grand_total, imported->currency);
  append_amount (body, _("Amount already paid"), imported->prepaid, imported->currency);
  append_amount (body, _("Amount due"), imported->due_payable, imported->currency);
  g_string_append_c (body, '\n');
  problems = factures_imported_check_figures (imported);
  if (problems->len == 0)
    g_string_append (body, _("Its lines, VAT and totals add up."));
  else
    {
      g_string_append_printf (body, ngettext ("%u amount does not add up (kept as the file wrote it):",
                                              "%u amounts do not add up (kept as the file wrote them):",
                                              problems->len), problems->len);
      for (guint i = 0; i < problems->len; i++)
        g_string_append_printf (body, "\n • %s", (const char *) problems->pdata[i]);
    }
  g_string_append_c (body, '\n');
  g_string_append (body, original != NULL && factures_invoice_file_sniff (original) == FACTURES_INVOICE_FILE_PDF
                         ? _("Kept as the Factur-X PDF received, unchanged.")
                         : _("Kept as the CII XML file received, unchanged."));

  gtk_window_present (GTK_WINDOW (factures_imported_dialog_new (parent, store, id, imported->number,
                                                                heading, body->str)));
}

/**
 * factures_facturx_ui_purchases:
 * (see factures-facturx-ui.h)
 */
void
factures_facturx_ui_purchases (GtkWindow     *parent,
                               FacturesStore *store)
{
  gtk_window_present (GTK_WINDOW (factures_purchases_window_new (parent, store)));
}

static void
purchases_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  FacturesStore *store = user_data;
  GtkApplication *app = GTK_APPLICATION (g_application_get_default ());

  factures_facturx_ui_purchases (app != NULL ? gtk_application_get_active_window (app) : NULL, store);
}

static void
import_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  FacturesStore *store = user_data;
  GtkApplication *app = GTK_APPLICATION (g_application_get_default ());

  factures_facturx_ui_import (app != NULL ? gtk_application_get_active_window (app) : NULL, store);
}

/**
 * factures_facturx_ui_install_actions:
 * (see factures-facturx-ui.h)
 */
void
factures_facturx_ui_install_actions (GtkApplication *application,
                                     FacturesStore  *store)
{
  g_autoptr(GSimpleAction) action = g_simple_action_new ("import-invoice", NULL);
  g_autoptr(GSimpleAction) purchases = g_simple_action_new ("purchases", NULL);

  g_signal_connect_data (action, "activate", G_CALLBACK (import_activated), g_object_ref (store),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_action_map_add_action (G_ACTION_MAP (application), G_ACTION (action));
  g_signal_connect_data (purchases, "activate", G_CALLBACK (purchases_activated), g_object_ref (store),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_action_map_add_action (G_ACTION_MAP (application), G_ACTION (purchases));
  /* Ctrl+O, as "Open" elsewhere: no other action of the app uses it. */
  gtk_application_set_accels_for_action (application, "app.import-invoice", (const char *[]) { "<Control>o", NULL });
}
