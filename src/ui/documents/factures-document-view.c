/* factures-document-view.c — an issued document, shown as the document it is (issue 11)
 *
 * An issued invoice, quote or credit note can no longer change (DESIGN.md §4): instead of
 * the editor with its fields greyed out, it opens in this window. On the left its number,
 * client, dates and total, every line with its full description, the Payments panel (what
 * was paid, cancelled, credited, and the balance) and the follow-up of the lifecycle panel
 * (credit note, quote decisions); on the right the stored original, byte for byte the PDF
 * that was issued. Its commands are actions of the "view" group: record-payment, export,
 * print, send-email, send-pa (the plateforme agréée: the « Envoyer » button proposes it for a
 * French business client when a PA account is configured, issue 14 item 2), duplicate. The
 * PA panel shows what the platform said about the document (acknowledgement, statuses).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "factures-compose-dialog.h"
#include "factures-confirm-dialog.h"
#include "factures-currency.h"
#include "factures-date.h"
#include "factures-document-line-row.h"
#include "factures-document-print.h"
#include "factures-document-view.h"
#include "factures-documents.h"
#include "factures-file-chooser.h"
#include "factures-lifecycle-panel.h"
#include "factures-message-dialog.h"
#include "factures-money.h"
#include "factures-pa-panel.h"
#include "factures-payment-dialog.h"
#include "factures-payments-panel.h"
#include "factures-pdf-preview.h"
#include "factures-store-einvoicing.h"

struct _FacturesDocumentView
{
  AdwWindow              parent_instance;

  FacturesStore         *store;
  FacturesDocument      *document;
  GtkFileChooserNative  *chooser;
  GtkWidget             *lifecycle_panel;

  /* template */
  AdwWindowTitle        *window_title;
  GtkWidget             *toast_overlay;
  GtkWidget             *document_group;
  AdwActionRow          *client_row;
  AdwActionRow          *issue_date_row;
  AdwActionRow          *delivery_date_row;
  AdwActionRow          *due_date_row;
  AdwActionRow          *total_row;
  GtkWidget             *lines_list;
  GtkWidget             *payments_panel;
  GtkWidget             *pa_panel;
  GtkWidget             *send_button;
  GtkWidget             *lifecycle_box;
  GtkWidget             *preview;
};

G_DEFINE_FINAL_TYPE (FacturesDocumentView, factures_document_view, ADW_TYPE_WINDOW)

static gboolean
is_invoice (const FacturesDocument *document)
{
  return document->kind == FACTURES_DOCUMENT_KIND_INVOICE ||
         document->kind == FACTURES_DOCUMENT_KIND_DEPOSIT;
}

static void
show_message (FacturesDocumentView *self,
              const char           *heading,
              const char           *body)
{
  factures_message_dialog_show (GTK_WINDOW (self), heading, body);
}

static void
toast (FacturesDocumentView *self,
       const char           *text)
{
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toast_overlay), adw_toast_new (text));
}

static void
set_date_row (AdwActionRow *row,
              const GDate  *date)
{
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (row), g_date_valid (date));
  if (!g_date_valid (date))
    return;
  text = factures_date_format_fr (date);
  adw_action_row_set_subtitle (row, text);
}

/* TRUE when « Envoyer » goes through the plateforme agréée: a PA account is configured and
 * the document is an issued invoice, deposit invoice or credit note to a French business
 * whose SIREN is known (factures_pa_document_is_eligible(); issue 14 item 2). */
static gboolean
pa_route (FacturesDocumentView *self)
{
  g_autoptr (FacturesPaAccount) account = NULL;

  /* (an administration only when the PA forwards to Chorus Pro, issue 15) */
  if (!factures_store_pa_document_goes (self->store, self->document))
    return FALSE;
  account = factures_store_get_pa_account (self->store, NULL);
  return account != NULL;
}

/* The header's « Envoyer » button: the PA for a French business client, e-mail otherwise. */
static void
update_send_button (FacturesDocumentView *self)
{
  gboolean pa = pa_route (self);
  const char *label = pa ? _("Send to the Plateforme Agréée…") : _("Send by E-mail…");

  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->send_button), pa ? "view.send-pa" : "view.send-email");
  gtk_widget_set_tooltip_text (self->send_button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->send_button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.send-pa", pa);
  /* Issue 15 item 3: an administration's invoice, for the Chorus Pro portal. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.export-chorus",
                                 factures_pa_document_is_eligible (self->document) &&
                                 self->document->buyer->category == FACTURES_CLIENT_CATEGORY_PUBLIC);
}

static void
fill (FacturesDocumentView *self)
{
  FacturesDocument *document = self->document;
  g_auto (FacturesTotals) totals = { NULL, };
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) original = NULL;
  g_autofree char *title = NULL;
  g_autofree char *total = NULL;
  const char *client = document->buyer != NULL && document->buyer->party.name != NULL
                       ? document->buyer->party.name : "";

  title = g_strdup_printf ("%s %s", factures_document_kind_title (document->kind),
                           document->number != NULL ? document->number : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, client);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->document_group), title);
  adw_action_row_set_subtitle (self->client_row, client);
  set_date_row (self->issue_date_row, &document->issue_date);
  set_date_row (self->delivery_date_row, &document->delivery_date);
  set_date_row (self->due_date_row,
                document->kind == FACTURES_DOCUMENT_KIND_QUOTE ? &document->valid_until : &document->due_date);
  if (document->kind == FACTURES_DOCUMENT_KIND_QUOTE)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->due_date_row), _("Valid until"));

  if (document->seller != NULL &&
      factures_totals_compute (document->lines, document->allowance,
                               document->seller->vat_regime == FACTURES_VAT_REGIME_FRANCHISE,
                               &totals, &error))
    {
      total = factures_currency_format (totals.gross_total, document->currency);
      adw_action_row_set_subtitle (self->total_row, total);
      for (guint i = 0; i < document->lines->len; i++)
        gtk_list_box_append (GTK_LIST_BOX (self->lines_list),
                             factures_document_line_row_new_in (g_ptr_array_index (document->lines, i),
                                                                g_array_index (totals.line_nets, gint64, i),
                                                                document->currency));
    }
  else
    g_warning ("totals of %s: %s", title, error != NULL ? error->message : "no seller");
  g_clear_error (&error);

  gtk_widget_set_visible (self->payments_panel, is_invoice (document));
  if (is_invoice (document))
    factures_payments_panel_set_document (FACTURES_PAYMENTS_PANEL (self->payments_panel),
                                          self->store, document->id);
  factures_pa_panel_set_document (FACTURES_PA_PANEL (self->pa_panel), self->store, document->id);
  factures_lifecycle_panel_set_document (FACTURES_LIFECYCLE_PANEL (self->lifecycle_panel), document);

  original = factures_store_get_original (self->store, document->id, &error);
  if (original == NULL ||
      !factures_pdf_preview_set_bytes (FACTURES_PDF_PREVIEW (self->preview), original, &error))
    factures_pdf_preview_set_message (FACTURES_PDF_PREVIEW (self->preview),
                                      error != NULL ? error->message : _("No stored original"));
}

static void
update_actions (FacturesDocumentView *self)
{
  gboolean can_pay = is_invoice (self->document) &&
                     factures_payments_panel_get_balance (FACTURES_PAYMENTS_PANEL (self->payments_panel)) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "view.record-payment", can_pay);
  update_send_button (self);
}

static void
store_changed_cb (FacturesDocumentView *self)
{
  if (is_invoice (self->document))
    factures_payments_panel_reload (FACTURES_PAYMENTS_PANEL (self->payments_panel));
  /* The synchronisation may have brought an acknowledgement or a status. */
  factures_pa_panel_reload (FACTURES_PA_PANEL (self->pa_panel));
  /* The balance, credit notes and quote decisions it shows may have changed. */
  factures_lifecycle_panel_set_document (FACTURES_LIFECYCLE_PANEL (self->lifecycle_panel), self->document);
  update_actions (self);
}

/* ---- actions ---------------------------------------------------------- */

static void
record_payment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  FacturesDocumentView *self = FACTURES_DOCUMENT_VIEW (widget);

  factures_payment_dialog_open (GTK_WINDOW (self), self->store, self->document->id);
}

static void
export_response_cb (GtkNativeDialog      *chooser,
                    int                   response,
                    FacturesDocumentView *self)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  /* The stored original, byte for byte: what was issued is what goes out. */
  if (factures_store_check_file (self->store, file, &error))
    bytes = factures_store_get_original (self->store, self->document->id, &error);
  if (bytes == NULL ||
      !g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
    show_message (self, _("The PDF cannot be exported"), error->message);
  else
    {
      g_autofree char *basename = g_file_get_basename (file);
      /* Translators: %s is a file name */
      g_autofree char *message = g_strdup_printf (_("Exported to “%s”"), basename);

      toast (self, message);
    }
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FacturesDocumentView *self = FACTURES_DOCUMENT_VIEW (widget);
  g_autofree char *name = NULL;

  if (self->chooser != NULL)
    return;

  name = g_strdup_printf ("%s %s.pdf", factures_document_kind_title (self->document->kind),
                          self->document->number != NULL ? self->document->number : "");

  self->chooser = factures_file_chooser_new_save_pdf (GTK_WINDOW (self), _("Export PDF"), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Issue 15 item 3: the stored original is the Factur-X the Chorus Pro portal takes
 * (PA.md §4: "user uploads our Factur-X on the Chorus Pro portal"); the help gives the steps. */
static void
export_chorus_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FacturesDocumentView *self = FACTURES_DOCUMENT_VIEW (widget);
  g_autofree char *name = NULL;

  if (self->chooser != NULL)
    return;
  /* Translators: the file name offered for Chorus Pro; %s is the document's number */
  name = g_strdup_printf (_("Chorus Pro %s.pdf"), self->document->number != NULL ? self->document->number : "");
  self->chooser = factures_file_chooser_new_save_pdf (GTK_WINDOW (self), _("Export for Chorus Pro"), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FacturesDocumentView *self = FACTURES_DOCUMENT_VIEW (widget);
  g_autoptr (GError) error = NULL;

  if (!factures_document_print (GTK_WINDOW (self), self->store, self->document, &error))
    show_message (self, _("The document cannot be printed"), error->message);
}

static void
send_email_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  FacturesDocumentView *self = FACTURES_DOCUMENT_VIEW (widget);

  factures_compose_dialog_present (GTK_WINDOW (self), self->store, self->document->id);
}

static void
send_pa_response_cb (AdwMessageDialog     *dialog,
                     const char           *response,
                     FacturesDocumentView *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "send") != 0)
    return;
  if (factures_store_pa_enqueue_document (self->store, self->document->id, &error) == 0)
    {
      show_message (self, _("The document cannot be sent to the plateforme agréée"), error->message);
      return;
    }
  /* Translators: %s is the document's number */
  message = g_strdup_printf (_("%s is in the e-invoicing outbox: it is deposited at the next synchronisation"),
                             self->document->number != NULL ? self->document->number : "");
  toast (self, message);
}

static void
send_pa_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FacturesDocumentView *self = FACTURES_DOCUMENT_VIEW (widget);
  g_autoptr (FacturesPaAccount) account = NULL;
  g_autoptr (FacturesPaOutboxItem) item = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  account = factures_store_get_pa_account (self->store, &error);
  if (account == NULL)
    {
      show_message (self, _("No plateforme agréée is configured"),
                    error != NULL ? error->message
                    : _("Enter your platform’s account in Preferences → E-invoicing first."));
      return;
    }
  item = factures_store_pa_outbox_for_document (self->store, self->document->id, NULL);
  if (item != NULL)
    {
      /* Translators: %s is the acknowledgement in words, e.g. "transmitted to the platform" */
      g_autofree char *message = g_strdup_printf (_("Already sent through the plateforme agréée: %s"),
                                                  factures_pa_outbox_item_words (item));
      toast (self, message);
      return;
    }
  /* Translators: %s is the name of the user's plateforme agréée */
  body = g_strdup_printf (_("The document goes into the e-invoicing outbox and is deposited with %s at the next synchronisation; its acknowledgement and statuses then show here."),
                          account->name);
  /* Issue 15: a buyer the directory does not show as receiving is flagged first. */
  {
    g_autofree char *warning = factures_store_pa_directory_warning (self->store, self->document);

    if (warning != NULL)
      {
        char *both = g_strdup_printf ("%s\n\n%s", warning, body);

        g_free (body);
        body = both;
      }
  }
  dialog = factures_confirm_dialog_new (GTK_WINDOW (self), _("Send to the plateforme agréée?"), body,
                                        "send", _("_Send"), ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (send_pa_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FacturesDocumentView *self = FACTURES_DOCUMENT_VIEW (widget);
  g_autoptr (GError) error = NULL;
  gint64 new_id;

  new_id = factures_store_duplicate (self->store, self->document->id, &error);
  if (new_id == 0)
    {
      show_message (self, _("The document cannot be duplicated"), error->message);
      return;
    }
  factures_editor_window_open (GTK_WINDOW (self), self->store, new_id, 0);
}

/* ---- GObject ---------------------------------------------------------- */

static void
factures_document_view_dispose (GObject *object)
{
  FacturesDocumentView *self = FACTURES_DOCUMENT_VIEW (object);

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_DOCUMENT_VIEW);
  self->lifecycle_panel = NULL;
  g_clear_object (&self->store);

  G_OBJECT_CLASS (factures_document_view_parent_class)->dispose (object);
}

static void
factures_document_view_finalize (GObject *object)
{
  FacturesDocumentView *self = FACTURES_DOCUMENT_VIEW (object);

  g_clear_pointer (&self->document, factures_document_free);

  G_OBJECT_CLASS (factures_document_view_parent_class)->finalize (object);
}

static void
factures_document_view_class_init (FacturesDocumentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = factures_document_view_dispose;
  object_class->finalize = factures_document_view_finalize;

  g_type_ensure (FACTURES_TYPE_PA_PANEL);
  g_type_ensure (FACTURES_TYPE_PAYMENTS_PANEL);
  g_type_ensure (FACTURES_TYPE_PDF_PREVIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/documents/factures-document-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesDocumentView, window_title);
  gtk_widget_class_bind_template_child (widget_class, FacturesDocumentView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FacturesDocumentView, document_group);
  gtk_widget_class_bind_template_child (widget_class, FacturesDocumentView, client_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesDocumentView, issue_date_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesDocumentView, delivery_date_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesDocumentView, due_date_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesDocumentView, total_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesDocumentView, lines_list);
  gtk_widget_class_bind_template_child (widget_class, FacturesDocumentView, payments_panel);
  gtk_widget_class_bind_template_child (widget_class, FacturesDocumentView, pa_panel);
  gtk_widget_class_bind_template_child (widget_class, FacturesDocumentView, send_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesDocumentView, lifecycle_box);
  gtk_widget_class_bind_template_child (widget_class, FacturesDocumentView, preview);

  gtk_widget_class_install_action (widget_class, "view.record-payment", NULL, record_payment_action);
  gtk_widget_class_install_action (widget_class, "view.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "view.export-chorus", NULL, export_chorus_action);
  gtk_widget_class_install_action (widget_class, "view.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "view.send-email", NULL, send_email_action);
  gtk_widget_class_install_action (widget_class, "view.send-pa", NULL, send_pa_action);
  gtk_widget_class_install_action (widget_class, "view.duplicate", NULL, duplicate_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "view.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "view.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
factures_document_view_init (FacturesDocumentView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

FacturesDocumentView *
factures_document_view_new (FacturesStore  *store,
                            gint64          document_id,
                            GError        **error)
{
  g_autoptr (FacturesDocument) document = NULL;
  FacturesDocumentView *self;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  factures_documents_register_resources ();

  document = factures_store_get_document (store, document_id, error);
  if (document == NULL)
    return NULL;
  if (document->status != FACTURES_DOCUMENT_STATUS_ISSUED)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Document %" PRId64 " is a draft: it opens in the editor."), document_id);
      return NULL;
    }

  self = g_object_new (FACTURES_TYPE_DOCUMENT_VIEW, NULL);
  self->store = g_object_ref (store);
  self->document = g_steal_pointer (&document);

  self->lifecycle_panel = factures_lifecycle_panel_new (store);
  gtk_box_append (GTK_BOX (self->lifecycle_box), self->lifecycle_panel);

  fill (self);
  update_actions (self);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}

gint64
factures_document_view_get_document_id (FacturesDocumentView *self)
{
  g_return_val_if_fail (FACTURES_IS_DOCUMENT_VIEW (self), 0);

  return self->document->id;
}

void
factures_document_view_add_toast (FacturesDocumentView *self,
                                  const char           *text)
{
  g_return_if_fail (FACTURES_IS_DOCUMENT_VIEW (self));

  toast (self, text);
}

FacturesDocumentView *
factures_document_view_find (gint64 document_id)
{
  g_autoptr (GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (toplevels, i);

      if (FACTURES_IS_DOCUMENT_VIEW (item) &&
          factures_document_view_get_document_id (FACTURES_DOCUMENT_VIEW (item)) == document_id)
        return FACTURES_DOCUMENT_VIEW (item);
    }
  return NULL;
}

/* ---- public entry point (factures-documents.h) ------------------------ */

gboolean
factures_document_view_open_if_issued (GtkWindow     *parent,
                                       FacturesStore *store,
                                       gint64         document_id)
{
  g_autoptr (GListModel) toplevels = NULL;
  g_autoptr (FacturesDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  FacturesDocumentView *view;

  g_return_val_if_fail (FACTURES_IS_STORE (store), FALSE);

  if (document_id == 0)
    return FALSE;

  toplevels = g_object_ref (gtk_window_get_toplevels ());
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (toplevels, i);

      if (FACTURES_IS_DOCUMENT_VIEW (item) &&
          factures_document_view_get_document_id (FACTURES_DOCUMENT_VIEW (item)) == document_id)
        {
          gtk_window_present (GTK_WINDOW (item));
          return TRUE;
        }
    }

  /* A draft, or a document that cannot be read: the editor opens it (or says why not). */
  document = factures_store_get_document (store, document_id, NULL);
  if (document == NULL || document->status != FACTURES_DOCUMENT_STATUS_ISSUED)
    return FALSE;

  view = factures_document_view_new (store, document_id, &error);
  if (view == NULL)
    {
      factures_message_dialog_show (parent, _("The document cannot be opened"), error->message);
      return TRUE;
    }
  if (parent != NULL && gtk_window_get_application (parent) != NULL)
    gtk_window_set_application (GTK_WINDOW (view), gtk_window_get_application (parent));
  gtk_window_present (GTK_WINDOW (view));
  return TRUE;
}
