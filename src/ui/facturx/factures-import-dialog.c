/* factures-import-dialog.c — "Import Invoice …?": keep a checked Factur-X/CII file as history,
 * or re-invoice it as a draft
 *
 * The template (factures-import-dialog.ui) holds the responses; the heading, the body and
 * which responses are enabled come from the file and the store's own checks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-confirm-dialog.h"
#include "factures-documents.h"
#include "factures-facturx-ui-private.h"
#include "factures-import-dialog.h"
#include "factures-imported-text.h"
#include "factures-store-facturx-drafts.h"
#include "factures-store-facturx.h"
#include "factures-store-numbering.h"

struct _FacturesImportDialog
{
  AdwMessageDialog     parent_instance;

  GtkWindow           *parent;
  FacturesStore       *store;
  FacturesInvoiceFile *file;
  char                *name;
};

G_DEFINE_FINAL_TYPE (FacturesImportDialog, factures_import_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
keep_as_history (FacturesImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  FacturesImportedDirection direction = FACTURES_IMPORTED_PURCHASE;
  gint64 id = factures_store_import_history (self->store, self->file->imported, self->file->original,
                                             self->name, self->file->is_pdf, self->file->xml,
                                             factures_cii_profile_conformance_level (self->file->profile),
                                             self->file->figure_problems, &direction, &error);
  g_autofree char *text = NULL;
  g_autofree char *note = NULL;

  if (id == 0)
    {
      _factures_facturx_show_message (self->parent, _("The invoice was not imported"), error->message);
      return;
    }
  /* An own sale of a series' pattern: the numbering continues after it (issue 10). */
  if (direction == FACTURES_IMPORTED_SALE)
    note = factures_store_numbering_note (self->store, self->file->imported->number);
  text = g_strdup_printf (direction == FACTURES_IMPORTED_SALE
                          ? _("Invoice %s kept in the client's history")
                          : _("Invoice %s kept in the purchases"), self->file->imported->number);
  if (note != NULL)
    {
      g_autofree char *both = g_strdup_printf ("%s. %s", text, note);

      g_free (text);
      text = g_steal_pointer (&both);
    }
  _factures_facturx_toast (self->parent, text);
}

static void
reinvoice_as_draft (FacturesImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = factures_store_import_draft (self->store, self->file->imported, &error);

  if (id == 0)
    _factures_facturx_show_message (self->parent, _("The invoice cannot be re-invoiced"), error->message);
  else
    factures_editor_window_open (self->parent, self->store, id, 0);
}

static void
second_draft_response_cb (AdwMessageDialog     *dialog,
                          const char           *response,
                          FacturesImportDialog *self)
{
  if (g_strcmp0 (response, "draft-again") == 0)
    reinvoice_as_draft (self);
}

/* A draft from the same invoice exists: ask before making another one (re-invoicing twice can
 * be meant, so it is not refused). */
static void
confirm_second_draft (FacturesImportDialog *self,
                      guint                 n_drafts)
{
  g_autofree char *heading = g_strdup_printf (_("Invoice %s Was Already Re-invoiced"), self->file->imported->number);
  g_autofree char *body = g_strdup_printf (ngettext ("A draft made from this invoice already exists. Create another draft?",
                                                     "%u drafts made from this invoice already exist. Create another draft?",
                                                     n_drafts), n_drafts);
  GtkWidget *dialog = factures_confirm_dialog_new (self->parent, heading, body, "draft-again",
                                                   _("Create _Another Draft"), ADW_RESPONSE_DEFAULT);

  /* It holds this dialog (and the file) until answered. */
  g_signal_connect_data (dialog, "response", G_CALLBACK (second_draft_response_cb), g_object_ref (self),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
response_cb (FacturesImportDialog *self,
             const char           *response)
{
  if (g_strcmp0 (response, "history") == 0)
    keep_as_history (self);
  else if (g_strcmp0 (response, "draft") == 0)
    {
      g_autoptr(GArray) drafts = factures_store_find_import_drafts (self->store, self->file->imported->number, NULL);

      if (drafts != NULL && drafts->len > 0)
        confirm_second_draft (self, drafts->len);
      else
        reinvoice_as_draft (self);
    }
}

static void
factures_import_dialog_dispose (GObject *object)
{
  FacturesImportDialog *self = FACTURES_IMPORT_DIALOG (object);

  g_clear_object (&self->parent);
  g_clear_object (&self->store);
  g_clear_pointer (&self->file, factures_invoice_file_free);
  g_clear_pointer (&self->name, g_free);
  G_OBJECT_CLASS (factures_import_dialog_parent_class)->dispose (object);
}

static void
factures_import_dialog_class_init (FacturesImportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = factures_import_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/facturx/factures-import-dialog.ui");
  gtk_widget_class_bind_template_callback (widget_class, response_cb);
}

static void
factures_import_dialog_init (FacturesImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * factures_import_dialog_new:
 * (see factures-import-dialog.h)
 */
GtkWidget *
factures_import_dialog_new (GtkWindow           *parent,
                            FacturesStore       *store,
                            FacturesInvoiceFile *file,
                            const char          *name)
{
  FacturesImportDialog *self = g_object_new (FACTURES_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  g_autofree char *report = factures_invoice_file_report (file, NULL);
  g_autoptr(GError) reason = NULL;
  g_autoptr(GError) history_reason = NULL;
  g_autoptr(GString) body = g_string_new (report);
  int type = file->imported->type_code;
  /* The kind of document, as the report names it (a credit note is not called an invoice). */
  g_autofree char *heading = g_strdup_printf (factures_imported_type_is_credit_note (type) ? _("Import Credit Note %s?")
                                              : type == 386 ? _("Import Deposit Invoice %s?")
                                              : _("Import Invoice %s?"),
                                              file->imported->number);
  /* The store's own checks, so that a response that would be refused is not offered. */
  gboolean history_ok = factures_store_check_import_history (store, file->imported, NULL, &history_reason);
  gboolean draft_ok = factures_store_check_import_draft (store, file->imported, &reason);

  self->parent = parent != NULL ? g_object_ref (parent) : NULL;
  self->store = g_object_ref (store);
  self->file = file;
  self->name = g_strdup (name);

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
  else if (factures_imported_type_is_credit_note (type))
    {
      g_string_append (body, "\n");
      g_string_append_printf (body, _("As a draft, it becomes a credit note citing invoice %s."),
                              file->imported->preceding_number);
    }
  else if (type == 386)
    {
      g_string_append (body, "\n");
      g_string_append (body, _("As a draft, it becomes a deposit invoice."));
    }
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), heading);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body->str);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "draft", draft_ok);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "history", history_ok);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self),
                                           history_ok ? "history" : draft_ok ? "draft" : "cancel");
  return GTK_WIDGET (self);
}
