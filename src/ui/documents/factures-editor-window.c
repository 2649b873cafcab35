/* factures-editor-window.c — the invoice editor
 *
 * The editor works on a COPY of the document (gnome-calendar's event editor
 * pattern): fields are parsed as they are typed into that copy, totals and the
 * preview follow, and nothing reaches the database until Save Draft or Issue
 * commits the copy through the store. An issued document opens read-only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-close-prompt.h"
#include "factures-confirm-dialog.h"
#include "factures-documents.h"
#include "factures-editor-lines.h"
#include "factures-editor-parties.h"
#include "factures-editor-totals.h"
#include "factures-editor-window-private.h"
#include "factures-lifecycle-panel.h"
#include "factures-line-row.h"
#include "factures-mentions.h"
#include "factures-message-dialog.h"
#include "factures-pdf-preview.h"
#include "factures-pdf.h"
#include "factures-rows.h"
#include "factures-schedule.h"
#include "factures-terms.h"

#define PREVIEW_DELAY_MS   300
#define NOTES_MAX          2000

G_DEFINE_FINAL_TYPE (FacturesEditorWindow, factures_editor_window, ADW_TYPE_WINDOW)

static void refresh_from_fields (FacturesEditorWindow *self);

/* ---- helpers ---------------------------------------------------------- */

static gboolean
is_franchise (FacturesEditorWindow *self)
{
  return self->document->seller == NULL ||
         self->document->seller->vat_regime == FACTURES_VAT_REGIME_FRANCHISE;
}

void
_factures_editor_window_toast (FacturesEditorWindow *self,
       const char           *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

void
_factures_editor_window_show_message (FacturesEditorWindow *self,
              const char           *heading,
              const char           *body)
{
  factures_message_dialog_show (GTK_WINDOW (self), heading, body);
}

static char *
text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* A copy fit for the PDF layout: a seller and a buyer even when none is chosen yet. */
FacturesDocument *
_factures_editor_window_document_for_output (FacturesEditorWindow *self)
{
  FacturesDocument *copy = factures_document_copy (self->document);

  if (copy->seller == NULL)
    copy->seller = factures_profile_new ();
  if (copy->buyer == NULL)
    copy->buyer = factures_client_new ();

  return copy;
}

static void
update_title (FacturesEditorWindow *self)
{
  const char *kind = factures_document_kind_title (self->document->kind);
  g_autofree char *title = NULL;

  adw_window_title_set_title (self->window_title, kind);
  if (self->document->number != NULL)
    {
      adw_window_title_set_subtitle (self->window_title, self->document->number);
      title = g_strdup_printf ("%s %s", kind, self->document->number);
    }
  else
    {
      const char *state = (self->dirty || self->document->id == 0) ? _("Draft, not saved") : _("Draft");

      adw_window_title_set_subtitle (self->window_title, state);
      /* Translators: window title of a draft, "Facture (brouillon)" */
      title = g_strdup_printf (_("%s (draft)"), kind);
    }
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
set_dirty (FacturesEditorWindow *self,
           gboolean              dirty)
{
  if (self->dirty == dirty)
    return;
  self->dirty = dirty;
  update_title (self);
}

/* ---- preview ---------------------------------------------------------- */

static gboolean
preview_timeout_cb (gpointer user_data)
{
  FacturesEditorWindow *self = user_data;
  g_autoptr (FacturesDocument) copy = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;

  self->preview_source = 0;

  if (self->read_only)
    bytes = factures_store_get_original (self->store, self->document->id, &error);
  else
    {
      copy = _factures_editor_window_document_for_output (self);
      bytes = factures_pdf_render (copy, FACTURES_PDF_FLAG_DRAFT, &error);
    }

  if (bytes == NULL || !factures_pdf_preview_set_bytes (self->preview, bytes, &error))
    factures_pdf_preview_set_message (self->preview, error ? error->message : _("No preview"));

  return G_SOURCE_REMOVE;
}

void
_factures_editor_window_schedule_preview (FacturesEditorWindow *self,
                  guint                 delay_ms)
{
  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (delay_ms, preview_timeout_cb, self);
}

/* ---- figures ---------------------------------------------------------- */

void
_factures_editor_window_update_due_date (FacturesEditorWindow *self)
{
  FacturesDocument *document = self->document;

  if (document->status != FACTURES_DOCUMENT_STATUS_ISSUED && g_date_valid (&document->issue_date))
    {
      FacturesEomMethod method = document->seller ? document->seller->eom_method
                                                  : FACTURES_EOM_METHOD_ADD_THEN_END;

      factures_terms_due_date (&document->terms, method, &document->issue_date, &document->due_date);
      /* With a payment schedule, the last instalment's date (issue 6). */
      factures_schedule_due_date (document->instalments, &document->due_date);
    }
  factures_editor_parties_set_due (self->parties, document);
}

static void
update_totals (FacturesEditorWindow *self,
               GPtrArray            *valid_rows)
{
  g_auto (FacturesTotals) totals = { 0 };
  g_autoptr (GError) error = NULL;

  factures_editor_totals_set_currency (self->totals, self->document->currency);
  if (!factures_document_compute_totals (self->document, &totals, &error))
    {
      factures_editor_lines_show_nets (self->lines, NULL, NULL);
      factures_editor_totals_show (self->totals, NULL, error, is_franchise (self));
      return;
    }
  factures_editor_lines_show_nets (self->lines, valid_rows, totals.line_nets);
  factures_editor_totals_show (self->totals, &totals, NULL, is_franchise (self));
}

/**
 * _factures_editor_window_collect_fields:
 * @reveal: show the message of every wrong field, touched or not
 * @complete: also require what issuing needs (a client, at least one line)
 * @problems: (nullable) (element-type utf8): every message shown is added, each naming
 *   its field, in the order of the form
 * @n_rows: (out) (optional): lines that are not blank, right or wrong
 *
 * Parses every field into the working copy. Wrong fields keep their previous
 * value in the copy (lines: wrong lines are left out), so the totals and the
 * preview always show something consistent. Each wrong field shows its message
 * under it.
 *
 * Returns: FALSE with the first error (FACTURES_ERROR_INVALID, naming the field)
 */
gboolean
_factures_editor_window_collect_fields (FacturesEditorWindow  *self,
                gboolean               reveal,
                gboolean               complete,
                GPtrArray             *problems,
                guint                 *n_rows,
                GError               **error)
{
  FacturesDocument *document = self->document;
  g_autoptr (GError) first_error = NULL;
  g_autoptr (GError) notes_error = NULL;
  g_autoptr (GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) valid_rows = g_ptr_array_new ();
  g_autoptr (GPtrArray) lines = NULL;
  g_autofree char *notes_text = NULL;
  g_autofree char *notes = NULL;
  guint rows = 0;

  if (complete && document->client_id == 0)
    {
      first_error = g_error_new (FACTURES_ERROR, FACTURES_ERROR_INVALID, "%s",
                                 _("Client: choose the client of this invoice."));
      g_ptr_array_add (messages, g_strdup (first_error->message));
    }

  factures_editor_parties_collect (self->parties, document, reveal, messages,
                                   first_error == NULL ? &first_error : NULL);

  lines = factures_editor_lines_collect (self->lines, reveal, valid_rows, messages, &rows,
                                         first_error == NULL ? &first_error : NULL);
  if (complete && rows == 0)
    {
      GError *none = g_error_new (FACTURES_ERROR, FACTURES_ERROR_INVALID, "%s",
                                  _("Lines: add at least one line."));

      g_ptr_array_add (messages, g_strdup (none->message));
      if (first_error == NULL)
        first_error = none;
      else
        g_error_free (none);
    }

  factures_editor_totals_collect (self->totals, document, messages,
                                  first_error == NULL ? &first_error : NULL);

  /* Notes */
  notes_text = text_view_get_text (self->notes_view);
  notes = factures_text_clean (notes_text, _("Notes"), NOTES_MAX, FALSE, &notes_error);
  gtk_label_set_text (self->notes_message, notes_error ? notes_error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->notes_message), notes_error != NULL);
  if (notes_error != NULL)
    {
      g_ptr_array_add (messages, g_strdup (notes_error->message));
      if (first_error == NULL)
        first_error = g_steal_pointer (&notes_error);
    }
  else
    {
      g_free (document->notes);
      document->notes = (notes != NULL && *notes != '\0') ? g_steal_pointer (&notes) : NULL;
    }

  g_ptr_array_set_size (document->lines, 0);
  for (guint i = 0; i < lines->len; i++)
    g_ptr_array_add (document->lines, factures_line_copy (g_ptr_array_index (lines, i)));

  _factures_editor_window_update_due_date (self);
  update_totals (self, valid_rows);

  if (problems != NULL)
    for (guint i = 0; i < messages->len; i++)
      g_ptr_array_add (problems, g_strdup (g_ptr_array_index (messages, i)));
  if (n_rows != NULL)
    *n_rows = rows;

  if (first_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return FALSE;
    }

  return TRUE;
}

static void
refresh_from_fields (FacturesEditorWindow *self)
{
  guint n_rows = 0;

  if (self->loading || self->read_only)
    return;

  _factures_editor_window_collect_fields (self, FALSE, FALSE, NULL, &n_rows, NULL);
  _factures_editor_window_refresh_checklist (self, n_rows);
  _factures_editor_window_schedule_preview (self, PREVIEW_DELAY_MS);
}

static void
field_edited (FacturesEditorWindow *self)
{
  if (self->loading || self->read_only)
    return;

  set_dirty (self, TRUE);
  refresh_from_fields (self);
}

/* ---- populate --------------------------------------------------------- */

/* "Delete Draft…" only for a draft that is saved (issue 10 finding 8: before, nothing a user
 * could reach deleted a draft). */
static void
update_delete (FacturesEditorWindow *self)
{
  gboolean saved_draft = !self->read_only && self->document != NULL && self->document->id != 0;

  gtk_widget_set_visible (self->delete_button, saved_draft);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete-draft", saved_draft);
}

static void
update_read_only (FacturesEditorWindow *self)
{
  gboolean invoice = self->document->kind == FACTURES_DOCUMENT_KIND_INVOICE ||
                     self->document->kind == FACTURES_DOCUMENT_KIND_DEPOSIT;

  gtk_widget_set_visible (self->read_only_box, self->read_only);
  gtk_widget_set_sensitive (self->form, !self->read_only);
  gtk_widget_set_visible (self->save_button, !self->read_only);
  gtk_widget_set_visible (self->issue_button, !self->read_only);
  gtk_widget_set_visible (self->check_button,
                          self->read_only && self->document->kind != FACTURES_DOCUMENT_KIND_QUOTE);
  gtk_widget_set_visible (self->payment_button, self->read_only && invoice);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", !self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.issue", !self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-line", !self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.send-email", self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.record-payment", self->read_only && invoice);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.check-facturx",
                                 self->read_only && self->document->kind != FACTURES_DOCUMENT_KIND_QUOTE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.payment-schedule", !self->read_only && invoice);
  update_delete (self);
  factures_editor_parties_set_schedule_visible (self->parties, !self->read_only && invoice);
  factures_editor_parties_set_editable (self->parties, !self->read_only);
  factures_editor_lines_set_editable (self->lines, !self->read_only);
  factures_editor_totals_set_editable (self->totals, !self->read_only);
  gtk_text_view_set_editable (self->notes_view, !self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.make-recurring",
                                 self->document->kind == FACTURES_DOCUMENT_KIND_INVOICE);
}

void
_factures_editor_window_populate (FacturesEditorWindow *self)
{
  FacturesDocument *document = self->document;

  self->loading = TRUE;
  self->read_only = document->status == FACTURES_DOCUMENT_STATUS_ISSUED;
  /* The banner of the .ui speaks of invoices; quotes and credit notes have their own. */
  if (document->kind == FACTURES_DOCUMENT_KIND_QUOTE)
    gtk_label_set_text (self->read_only_label,
                        _("This quote has been issued: it can no longer be changed. Record the "
                          "client’s answer below, then make the deposit or final invoice from it."));
  else if (document->kind == FACTURES_DOCUMENT_KIND_CREDIT_NOTE)
    gtk_label_set_text (self->read_only_label,
                        _("This credit note has been issued: it is final and cannot be changed. "
                          "You can still export, print or duplicate it."));

  update_title (self);
  factures_editor_parties_set_client (self->parties, document->buyer);
  factures_editor_parties_set_dates (self->parties, &document->issue_date, &document->delivery_date);
  /* Issue 13 item 4: a credit note keeps its invoice's currency. */
  factures_editor_parties_set_currency (self->parties, document->currency, document->exchange_rate,
                                        document->kind != FACTURES_DOCUMENT_KIND_CREDIT_NOTE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            document->notes ? document->notes : "", -1);
  factures_editor_totals_set_discount (self->totals, document->allowance);
  factures_editor_lines_configure (self->lines, !is_franchise (self),
                                   document->kind == FACTURES_DOCUMENT_KIND_QUOTE);
  /* Issue 13: the lines' VAT treatment follows the seller and the client (a draft's seller
   * is the profile as it is now; an issued document's, as it was). */
  factures_editor_lines_set_parties (self->lines, document->seller, document->buyer);
  factures_editor_lines_load (self->lines, document->lines);

  self->loading = FALSE;

  update_read_only (self);
  if (self->lifecycle_panel != NULL)
    factures_lifecycle_panel_set_document (FACTURES_LIFECYCLE_PANEL (self->lifecycle_panel), self->document);
  if (self->read_only)
    {
      _factures_editor_window_update_due_date (self);
      update_totals (self, NULL);
      _factures_editor_window_schedule_preview (self, 0);
    }
  else
    {
      /* As loaded: the totals of the lines, no message until a field is edited. */
      refresh_from_fields (self);
      _factures_editor_window_schedule_preview (self, 0);
    }
}

/* ---- client chooser --------------------------------------------------- */

static void
client_chosen_cb (FacturesEditorWindow *self,
                  gint64                client_id)
{
  g_autoptr (GError) error = NULL;
  FacturesClient *client;

  if (self->read_only)
    return;
  client = factures_store_get_client (self->store, client_id, &error);
  if (client == NULL)
    {
      _factures_editor_window_show_message (self, _("The client cannot be read"), error->message);
      return;
    }

  factures_client_free (self->document->buyer);
  self->document->buyer = client;
  self->document->client_id = client_id;
  if (client->has_terms)
    self->document->terms = client->terms;
  else if (self->document->seller != NULL)
    self->document->terms = self->document->seller->default_terms;

  factures_editor_parties_set_client (self->parties, client);
  /* Issue 13: each line's VAT treatment is proposed again for this client. */
  factures_editor_lines_set_parties (self->lines, self->document->seller, client);
  field_edited (self);
}

/* ---- actions ---------------------------------------------------------- */

/* The working copy was just saved. */
void
_factures_editor_window_saved (FacturesEditorWindow *self)
{
  set_dirty (self, FALSE);
  update_title (self);
  update_delete (self);
}

gboolean
_factures_editor_window_save_draft (FacturesEditorWindow  *self,
            gboolean               complete,
            GError               **error)
{
  if (!_factures_editor_window_collect_fields (self, TRUE, complete, NULL, NULL, error))
    return FALSE;

  if (!factures_store_save_draft (self->store, self->document, error))
    return FALSE;

  _factures_editor_window_saved (self);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FacturesEditorWindow *self = FACTURES_EDITOR_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  if (self->read_only)
    return;

  if (!_factures_editor_window_save_draft (self, FALSE, &error))
    {
      _factures_editor_window_show_message (self, _("The draft cannot be saved"), error->message);
      return;
    }

  _factures_editor_window_toast (self, _("Draft saved"));
}


static gboolean
close_idle_cb (gpointer user_data)
{
  FacturesEditorWindow *self = user_data;

  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

/* Closes the editor once the dialog that asked has finished its "response" emission
 * (issue 11 item 11: closing it inside the emission, then finalizing the editor before the
 * dialog, logged four "g_signal_handlers_disconnect_matched … invalid (NULL) class pointer"
 * when the dialog let go of its transient parent; see _factures_editor_window_keep_alive_for()). */
void
_factures_editor_window_close_later (FacturesEditorWindow *self)
{
  self->close_confirmed = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
}

/* @dialog is transient for the editor: GtkWindow disconnects from its transient parent
 * when it is finalized, which may come after the editor was closed (an event still holds
 * the dialog). So the editor object lives until @dialog is finalized. */
static void
dialog_finalized_cb (gpointer  user_data,
                     GObject  *dialog)
{
  g_object_unref (user_data);
}

void
_factures_editor_window_keep_alive_for (FacturesEditorWindow *self,
                                        gpointer              dialog)
{
  g_object_weak_ref (G_OBJECT (dialog), dialog_finalized_cb, g_object_ref (self));
}

static void
delete_draft_response_cb (FacturesEditorWindow *self,
                          const char           *response)
{
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  /* A refusal (another process holds the database, the draft was issued meanwhile) keeps
   * the window and what was typed. */
  if (!factures_store_delete_draft (self->store, self->document->id, &error))
    {
      _factures_editor_window_show_message (self, _("The draft cannot be deleted"), error->message);
      return;
    }
  self->dirty = FALSE;
  _factures_editor_window_close_later (self);
}

/* The application window that implements "win.delete-draft" (an x: the draft's id), or NULL. */
static GtkWidget *
delete_draft_handler (FacturesEditorWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  for (GList *l = application ? gtk_application_get_windows (application) : NULL; l != NULL; l = l->next)
    if (GTK_IS_APPLICATION_WINDOW (l->data) &&
        g_action_group_has_action (G_ACTION_GROUP (l->data), "delete-draft"))
      return l->data;
  return NULL;
}

/**
 * delete_draft_action:
 *
 * "Delete Draft…" (issue 10; issue 11 item 4). When the main window implements
 * `win.delete-draft` (parameter: the draft's id, "x"), the editor hands the draft to it and
 * closes: the Documents page deletes it with an undo _factures_editor_window_toast. Without it (tests, a window
 * of another kind), the editor asks first and deletes the draft itself.
 */
static void
delete_draft_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FacturesEditorWindow *self = FACTURES_EDITOR_WINDOW (widget);
  GtkWidget *handler, *dialog;

  if (self->read_only || self->document->id == 0)
    return;

  handler = delete_draft_handler (self);
  if (handler != NULL)
    {
      self->dirty = FALSE;
      gtk_widget_activate_action (handler, "win.delete-draft", "x", self->document->id);
      _factures_editor_window_close_later (self);
      return;
    }

  dialog = factures_confirm_dialog_new (GTK_WINDOW (self), _("Delete This Draft?"),
                                        _("The draft and its lines are deleted for good. It has no number "
                                          "yet, so no gap is left in the numbering."),
                                        "delete", _("_Delete"), ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_draft_response_cb), self,
                           G_CONNECT_SWAPPED);
  _factures_editor_window_keep_alive_for (self, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_line_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  FacturesEditorWindow *self = FACTURES_EDITOR_WINDOW (widget);
  FacturesLineRow *row;

  if (self->read_only)
    return;

  row = factures_editor_lines_add (self->lines, NULL);
  gtk_widget_grab_focus (factures_line_row_get_description_view (row));
  field_edited (self);
}

/* ---- closing ---------------------------------------------------------- */

static void
close_response_cb (FacturesEditorWindow *self,
                   const char           *response)
{
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "save") == 0)
    {
      if (!_factures_editor_window_save_draft (self, FALSE, &error))
        {
          _factures_editor_window_show_message (self, _("The draft cannot be saved"), error->message);
          return;
        }
    }
  else if (g_strcmp0 (response, "discard") != 0)
    return;

  _factures_editor_window_close_later (self);
}

static gboolean
factures_editor_window_close_request (GtkWindow *window)
{
  FacturesEditorWindow *self = FACTURES_EDITOR_WINDOW (window);
  FacturesClosePrompt *prompt;

  if (self->read_only || !self->dirty || self->close_confirmed)
    return GTK_WINDOW_CLASS (factures_editor_window_parent_class)->close_request (window);

  prompt = factures_close_prompt_new (window);
  g_signal_connect_object (prompt, "response", G_CALLBACK (close_response_cb), self, G_CONNECT_SWAPPED);
  _factures_editor_window_keep_alive_for (self, prompt);
  gtk_window_present (GTK_WINDOW (prompt));

  return TRUE;
}

/* ---- GObject ---------------------------------------------------------- */

static void
factures_editor_window_dispose (GObject *object)
{
  FacturesEditorWindow *self = FACTURES_EDITOR_WINDOW (object);

  g_clear_handle_id (&self->preview_source, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_EDITOR_WINDOW);

  g_clear_pointer (&self->document, factures_document_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (factures_editor_window_parent_class)->dispose (object);
}

static void
factures_editor_window_class_init (FacturesEditorWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = factures_editor_window_dispose;
  window_class->close_request = factures_editor_window_close_request;

  g_type_ensure (FACTURES_TYPE_PDF_PREVIEW);
  g_type_ensure (FACTURES_TYPE_EDITOR_PARTIES);
  g_type_ensure (FACTURES_TYPE_EDITOR_LINES);
  g_type_ensure (FACTURES_TYPE_EDITOR_TOTALS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/documents/factures-editor-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, issue_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, payment_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, check_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, delete_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, read_only_box);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, form);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, parties);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, lines);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, totals);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, notes_view);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, notes_message);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, preview);
  gtk_widget_class_bind_template_callback (widget_class, field_edited);
  gtk_widget_class_bind_template_callback (widget_class, client_chosen_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  _factures_editor_window_class_add_issue_action (widget_class);
  gtk_widget_class_install_action (widget_class, "editor.delete-draft", NULL, delete_draft_action);
  gtk_widget_class_install_action (widget_class, "editor.add-line", NULL, add_line_action);
  _factures_editor_window_class_add_actions (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "editor.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "editor.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
factures_editor_window_init (FacturesEditorWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (field_edited), self);
}

FacturesEditorWindow *
factures_editor_window_new (FacturesStore  *store,
                            gint64          document_id,
                            gint64          client_id,
                            GError        **error)
{
  g_autoptr (FacturesDocument) document = NULL;
  FacturesEditorWindow *self;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  factures_documents_register_resources ();

  if (document_id != 0)
    {
      document = factures_store_get_document (store, document_id, error);
      if (document == NULL)
        return NULL;
    }
  else
    {
      g_autoptr (GError) local_error = NULL;

      document = factures_document_new (FACTURES_DOCUMENT_KIND_INVOICE);
      document->seller = factures_store_get_profile (store, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (document->seller != NULL)
        document->terms = document->seller->default_terms;
    }

  self = g_object_new (FACTURES_TYPE_EDITOR_WINDOW, NULL);
  self->store = g_object_ref (store);
  self->document = g_steal_pointer (&document);

  factures_editor_parties_set_store (self->parties, store);
  factures_editor_lines_set_store (self->lines, store);

  /* Quote fields, follow-up of issued documents and the live checklist of
   * missing mentions, above the form (outside it: it stays usable read-only). */
  self->lifecycle_panel = factures_lifecycle_panel_new (store);
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (self->form)), self->lifecycle_panel,
                              self->read_only_box);
  g_signal_connect_swapped (self->lifecycle_panel, "changed", G_CALLBACK (field_edited), self);

  if (document_id == 0 && client_id != 0)
    {
      g_autoptr (FacturesClient) client = factures_store_get_client (store, client_id, NULL);

      if (client != NULL)
        {
          self->document->client_id = client_id;
          if (client->has_terms)
            self->document->terms = client->terms;
          factures_client_free (self->document->buyer);
          self->document->buyer = g_steal_pointer (&client);
        }
    }

  _factures_editor_window_populate (self);

  if (document_id == 0)
    {
      /* A new invoice starts with one empty line; closing it untouched asks nothing. */
      factures_editor_lines_add (self->lines, NULL);
      refresh_from_fields (self);
    }

  return self;
}

gint64
factures_editor_window_get_document_id (FacturesEditorWindow *self)
{
  g_return_val_if_fail (FACTURES_IS_EDITOR_WINDOW (self), 0);

  return self->document->id;
}

/* ---- public entry point (factures-documents.h) ------------------------ */

/**
 * factures_editor_window_open_new:
 * @kind: the kind of the new draft (quote, invoice…)
 *
 * Like factures_editor_window_open() with no document, for a new draft of @kind.
 */
void
factures_editor_window_open_new (GtkWindow            *parent,
                                 FacturesStore        *store,
                                 FacturesDocumentKind  kind,
                                 gint64                client_id)
{
  g_autoptr (GError) error = NULL;
  FacturesEditorWindow *window;

  g_return_if_fail (FACTURES_IS_STORE (store));

  window = factures_editor_window_new (store, 0, client_id, &error);
  if (window == NULL)
    {
      factures_message_dialog_show (parent, _("The document cannot be opened"), error->message);
      return;
    }
  window->document->kind = kind;
  factures_editor_lines_configure (window->lines, !is_franchise (window), kind == FACTURES_DOCUMENT_KIND_QUOTE);
  update_title (window);
  factures_lifecycle_panel_set_document (FACTURES_LIFECYCLE_PANEL (window->lifecycle_panel), window->document);
  refresh_from_fields (window);
  _factures_editor_window_schedule_preview (window, 0);

  if (parent != NULL && gtk_window_get_application (parent) != NULL)
    gtk_window_set_application (GTK_WINDOW (window), gtk_window_get_application (parent));
  gtk_window_present (GTK_WINDOW (window));
}

void
factures_editor_window_open (GtkWindow     *parent,
                             FacturesStore *store,
                             gint64         document_id,
                             gint64         client_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) toplevels = NULL;
  FacturesEditorWindow *window;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (FACTURES_IS_STORE (store));

  factures_documents_register_resources ();

  /* Issue 11: an issued document is shown as a document (factures-document-view.c). */
  if (factures_document_view_open_if_issued (parent, store, document_id))
    return;

  if (document_id != 0)
    {
      toplevels = gtk_window_get_toplevels ();
      g_object_ref (toplevels);
      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr (GObject) item = g_list_model_get_item (toplevels, i);

          if (FACTURES_IS_EDITOR_WINDOW (item) &&
              factures_editor_window_get_document_id (FACTURES_EDITOR_WINDOW (item)) == document_id)
            {
              gtk_window_present (GTK_WINDOW (item));
              return;
            }
        }
    }

  window = factures_editor_window_new (store, document_id, client_id, &error);
  if (window == NULL)
    {
      factures_message_dialog_show (parent, _("The document cannot be opened"), error->message);
      return;
    }

  if (parent != NULL && gtk_window_get_application (parent) != NULL)
    gtk_window_set_application (GTK_WINDOW (window), gtk_window_get_application (parent));

  gtk_window_present (GTK_WINDOW (window));
}
