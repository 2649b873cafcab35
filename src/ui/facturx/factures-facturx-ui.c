/* factures-facturx-ui.c — the "Check" action and the invoice import of issue 6
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "factures-facturx-ui.h"
#include "factures-cii-reader.h"
#include "factures-documents.h"
#include "factures-file-chooser.h"
#include "factures-imported-text.h"
#include "factures-store-facturx.h"
#include "factures-store-facturx-drafts.h"
#include "factures-store-numbering.h"
#include "factures-window.h"

static void
show_message (GtkWindow *parent, const char *heading, const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toast (GtkWindow *parent, const char *text)
{
  if (parent != NULL && G_TYPE_CHECK_INSTANCE_TYPE (parent, FACTURES_TYPE_WINDOW))
    factures_window_add_toast ((FacturesWindow *) parent, text);
  else
    show_message (parent, text, NULL);
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
      show_message (parent, _("The document cannot be checked"), error->message);
      return;
    }
  file = factures_invoice_file_open (original, &error);
  if (file == NULL)
    {
      body = g_strdup_printf (_("Its stored PDF is not a Factur-X file: %s"), error->message);
      show_message (parent, _("Not a Factur-X file"), body);
      return;
    }
  report = factures_invoice_file_report (file, &n);
  body = g_strdup_printf ("%s\n%s", n == 0 ? _("This document is a valid Factur-X file.")
                                           : _("This document has problems:"), report);
  show_message (parent, _("Factur-X Check"), body);
}

/* ---- import ---- */

typedef struct {
  GtkWindow            *parent;
  FacturesStore        *store;
  FacturesInvoiceFile  *file;
  char                 *name;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->store);
  g_clear_pointer (&data->file, factures_invoice_file_free);
  g_free (data->name);
  g_free (data);
}

static void import_response_cb (AdwMessageDialog *dialog, const char *response, gpointer user_data);

/* A draft from the same invoice exists: ask before making another one (re-invoicing twice can
 * be meant, so it is not refused). Takes @data. */
static void
confirm_second_draft (ImportData *data, guint n_drafts)
{
  g_autofree char *heading = g_strdup_printf (_("Invoice %s Was Already Re-invoiced"), data->file->imported->number);
  g_autofree char *body = g_strdup_printf (ngettext ("A draft made from this invoice already exists. Create another draft?",
                                                     "%u drafts made from this invoice already exist. Create another draft?",
                                                     n_drafts), n_drafts);
  GtkWidget *dialog = adw_message_dialog_new (data->parent, heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "draft-again", _("Create _Another Draft"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (import_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  ImportData *data = user_data;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "draft") == 0)
    {
      g_autoptr(GArray) drafts = factures_store_find_import_drafts (data->store, data->file->imported->number, NULL);

      if (drafts != NULL && drafts->len > 0)
        {
          confirm_second_draft (data, drafts->len);
          return;
        }
    }
  if (g_strcmp0 (response, "draft-again") == 0)
    response = "draft";

  if (g_strcmp0 (response, "history") == 0)
    {
      FacturesImportedDirection direction = FACTURES_IMPORTED_PURCHASE;
      gint64 id = factures_store_import_history (data->store, data->file->imported, data->file->original,
                                                 data->name, data->file->is_pdf, data->file->xml,
                                                 factures_cii_profile_conformance_level (data->file->profile),
                                                 data->file->figure_problems, &direction, &error);
      g_autofree char *text = NULL;

      if (id == 0)
        show_message (data->parent, _("The invoice was not imported"), error->message);
      else
        {
          /* An own sale of a series' pattern: the numbering continues after it (issue 10). */
          g_autofree char *note = direction == FACTURES_IMPORTED_SALE
                                  ? factures_store_numbering_note (data->store, data->file->imported->number)
                                  : NULL;

          text = g_strdup_printf (direction == FACTURES_IMPORTED_SALE
                                  ? _("Invoice %s kept in the client's history")
                                  : _("Invoice %s kept in the purchases"), data->file->imported->number);
          if (note != NULL)
            {
              g_autofree char *both = g_strdup_printf ("%s. %s", text, note);

              g_free (text);
              text = g_steal_pointer (&both);
            }
          toast (data->parent, text);
        }
    }
  else if (g_strcmp0 (response, "draft") == 0)
    {
      gint64 id = factures_store_import_draft (data->store, data->file->imported, &error);

      if (id == 0)
        show_message (data->parent, _("The invoice cannot be re-invoiced"), error->message);
      else
        factures_editor_window_open (data->parent, data->store, id, 0);
    }
  import_data_free (data);
}

static void
ask_how (ImportData *data)
{
  g_autofree char *report = factures_invoice_file_report (data->file, NULL);
  g_autoptr(GError) reason = NULL;
  g_autoptr(GString) body = g_string_new (report);
  int type = data->file->imported->type_code;
  /* The kind of document, as the report names it (a credit note is not called an invoice). */
  g_autofree char *heading = g_strdup_printf (factures_imported_type_is_credit_note (type) ? _("Import Credit Note %s?")
                                              : type == 386 ? _("Import Deposit Invoice %s?")
                                              : _("Import Invoice %s?"),
                                              data->file->imported->number);
  g_autoptr(GError) history_reason = NULL;
  GtkWidget *dialog;
  /* The store's own checks, so that a response that would be refused is not offered. */
  gboolean history_ok = factures_store_check_import_history (data->store, data->file->imported, NULL, &history_reason);
  gboolean draft_ok = factures_store_check_import_draft (data->store, data->file->imported, &reason);

  g_string_append (body, "\n");
  if (history_ok)
    g_string_append (body, _("As history, the file is kept unchanged, read-only, under its own number."));
  else
    g_string_append_printf (body, _("It cannot be kept as history: %s"), history_reason->message);
  if (!draft_ok)
    {
      g_string_append (body, "\n");
      g_string_append_printf (body, _("It cannot be re-invoiced as a draft: %s"), reason->message);
    }
  dialog = adw_message_dialog_new (data->parent, heading, body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "draft", _("Re-invoice as _Draft"),
                                    "history", _("Keep as _History"),
                                    NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "draft", draft_ok);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "history", history_ok);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "history", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           history_ok ? "history" : draft_ok ? "draft" : "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (import_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Reads @gfile, checks it, then asks how to keep it; takes @data. */
static void
import_file (ImportData *data,
             GFile      *gfile)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  data->name = g_file_get_basename (gfile);
  bytes = g_file_load_bytes (gfile, NULL, NULL, &error);
  if (bytes == NULL)
    {
      show_message (data->parent, _("The file cannot be read"), error->message);
      import_data_free (data);
      return;
    }
  data->file = factures_invoice_file_open (bytes, &error);
  if (data->file == NULL)
    {
      g_autofree char *body = g_strdup_printf (_("“%s” is not a Factur-X or CII invoice: %s"), data->name, error->message);

      show_message (data->parent, _("The file is refused"), body);
      import_data_free (data);
      return;
    }
  if (data->file->xsd_problems->len > 0)
    {
      g_autofree char *report = factures_invoice_file_report (data->file, NULL);
      g_autofree char *body = g_strdup_printf ("%s\n%s", _("It does not pass its XML schema: nothing was imported."), report);

      show_message (data->parent, _("The file is refused"), body);
      import_data_free (data);
      return;
    }
  if (data->file->range_problem != NULL)
    {
      g_autofree char *body = g_strdup_printf ("%s\n%s", data->file->range_problem, _("Nothing was imported."));

      show_message (data->parent, _("The file is refused"), body);
      import_data_free (data);
      return;
    }
  ask_how (data);
}

static ImportData *
import_data_new (GtkWindow *parent, FacturesStore *store)
{
  ImportData *data = g_new0 (ImportData, 1);

  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->store = g_object_ref (store);
  return data;
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
  import_file (import_data_new (parent, store), file);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  ImportData *data = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) gfile = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      import_file (data, gfile);
    }
  else
    import_data_free (data);
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
  ImportData *data = import_data_new (parent, store);

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
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* "2018-12-31" → "31/12/2018"; the text itself when it is not a date. */
static char *
french_date (const char *iso)
{
  GDate date;

  if (iso == NULL)
    return g_strdup ("");
  if (!factures_date_parse_iso (iso, &date, NULL))
    return g_strdup (iso);
  return factures_date_format_fr (&date);
}

/* ---- one imported invoice: its details and "Export the Original…" ---- */

typedef struct {
  GtkWindow     *parent;
  FacturesStore *store;
  gint64         id;
  char          *number;
} ShowData;

static void
show_data_free (ShowData *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->store);
  g_free (data->number);
  g_free (data);
}

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
  g_autoptr(GBytes) original = factures_store_get_imported_original (store, id, error);

  if (original == NULL)
    return FALSE;
  return g_file_replace_contents (file, g_bytes_get_data (original, NULL), g_bytes_get_size (original), NULL,
                                  FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

static void
export_chooser_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            gpointer         user_data)
{
  ShowData *data = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) gfile = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (!factures_facturx_ui_export_imported_to (data->store, data->id, gfile, &error))
        show_message (data->parent, _("The original could not be exported"), error->message);
      else
        {
          g_autofree char *name = g_file_get_basename (gfile);
          g_autofree char *text = g_strdup_printf (_("Original of invoice %s exported as “%s”"), data->number, name);

          toast (data->parent, text);
        }
    }
  show_data_free (data);
  g_object_unref (chooser);
}

static void
export_original (ShowData *data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) original = factures_store_get_imported_original (data->store, data->id, &error);
  gboolean is_pdf = original != NULL && factures_invoice_file_sniff (original) == FACTURES_INVOICE_FILE_PDF;
  g_autofree char *safe = g_strdup (data->number != NULL ? data->number : "facture");
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (original == NULL)
    {
      show_message (data->parent, _("The original could not be exported"), error->message);
      show_data_free (data);
      return;
    }
  g_strdelimit (safe, "/\\:*?\"<>|", '-');
  name = g_strconcat (safe, is_pdf ? ".pdf" : ".xml", NULL);
  chooser = gtk_file_chooser_native_new (_("Export the Original"), data->parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  factures_file_chooser_start_in_documents (chooser);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_chooser_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
show_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  gpointer          user_data)
{
  ShowData *data = user_data;

  if (g_strcmp0 (response, "export") == 0)
    export_original (data);
  else
    show_data_free (data);
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
  ShowData *data;
  GtkWidget *dialog;

  if (xml != NULL)
    imported = factures_cii_read (xml, &error);
  if (imported == NULL)
    {
      show_message (parent, _("The imported invoice cannot be shown"), error->message);
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

  data = g_new0 (ShowData, 1);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->store = g_object_ref (store);
  data->id = id;
  data->number = g_strdup (imported->number);
  dialog = adw_message_dialog_new (parent, heading, body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "export", _("_Export the Original…"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect (dialog, "response", G_CALLBACK (show_response_cb), data);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
purchase_row_activated (AdwActionRow *row,
                        gpointer      user_data)
{
  FacturesStore *store = user_data;
  const gint64 *id = g_object_get_data (G_OBJECT (row), "imported-id64");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));

  if (id != NULL)
    factures_facturx_ui_show_imported (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, store, *id);
}

static void
fill_purchases (GtkListBox *list, FacturesStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = factures_store_list_imported (store, FACTURES_IMPORTED_PURCHASE, &error);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
  if (rows == NULL || rows->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     rows == NULL ? error->message : _("No received invoice imported yet"));
      gtk_list_box_append (list, row);
      return;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      const FacturesImportedRow *r = rows->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf ("%s — %s", r->number, r->seller_name != NULL ? r->seller_name : "?");
      g_autofree char *date = french_date (r->issue_date);
      g_autofree char *total = factures_imported_amount_format (r->grand_total, r->currency);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s%s", date, total,
                                                   r->figures_ok ? "" : _(" · figures that do not add up"));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (!r->figures_ok && r->figure_problems != NULL)
        gtk_widget_set_tooltip_text (row, r->figure_problems);
      /* Activating the row shows the invoice, and its original can be exported from there. */
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "imported-id64", g_memdup2 (&r->id, sizeof r->id), g_free);
      g_signal_connect_data (row, "activated", G_CALLBACK (purchase_row_activated), g_object_ref (store),
                             (GClosureNotify) (void (*) (void)) g_object_unref, 0);
      gtk_list_box_append (list, row);
    }
}

static void
purchases_store_changed (GtkListBox *list)
{
  fill_purchases (list, g_object_get_data (G_OBJECT (list), "store"));
}

/**
 * factures_facturx_ui_purchases:
 * (see factures-facturx-ui.h)
 */
void
factures_facturx_ui_purchases (GtkWindow     *parent,
                               FacturesStore *store)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_window_set_title (GTK_WINDOW (window), _("Purchases"));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Received invoices"), -1);
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  gtk_widget_set_margin_top (list, 18);
  gtk_widget_set_margin_bottom (list, 18);
  gtk_widget_set_margin_start (list, 12);
  gtk_widget_set_margin_end (list, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), list);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);
  fill_purchases (GTK_LIST_BOX (list), store);
  /* A purchase imported while the window is open shows at once. */
  g_object_set_data_full (G_OBJECT (list), "store", g_object_ref (store), g_object_unref);
  g_signal_connect_object (store, "changed", G_CALLBACK (purchases_store_changed), list, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
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
