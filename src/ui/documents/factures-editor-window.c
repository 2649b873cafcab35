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

#include "factures-file-chooser.h"
#include "factures-documents.h"
#include "factures-document-print.h"
#include "factures-editor-window.h"
#include "factures-facturx-ui.h"
#include "factures-instalments-dialog.h"
#include "factures-compose-dialog.h"
#include "factures-catalogue-picker.h"
#include "factures-recurring-ui.h"
#include "factures-lifecycle-panel.h"
#include "factures-line-row.h"
#include "factures-mentions.h"
#include "factures-payment-dialog.h"
#include "factures-pdf.h"
#include "factures-pdf-preview.h"
#include "factures-rows.h"
#include "factures-schedule.h"
#include "factures-terms.h"

#define PREVIEW_DELAY_MS   300
#define NOTES_MAX          2000
#define CLIENT_CHOICES_MAX 50

struct _FacturesEditorWindow
{
  AdwWindow             parent_instance;

  FacturesStore        *store;
  FacturesDocument     *document;        /* the working copy */
  gboolean              read_only;
  gboolean              dirty;
  gboolean              loading;
  gboolean              dates_touched;
  gboolean              close_confirmed;
  guint                 preview_source;
  GtkFileChooserNative *chooser;

  /* template */
  AdwWindowTitle       *window_title;
  GtkWidget            *save_button;
  GtkWidget            *issue_button;
  GtkWidget            *payment_button;   /* issue 4: issued invoices only */
  GtkWidget            *check_button;     /* issue 6: Factur-X check of an issued document */
  GtkWidget            *schedule_button;  /* issue 6: payment schedule of a draft invoice */
  GtkWidget            *delete_button;    /* issue 10: Delete Draft… of a saved draft */
  AdwToastOverlay      *toast_overlay;
  GtkWidget            *read_only_box;
  GtkLabel             *read_only_label;
  GtkWidget            *form;
  AdwActionRow         *client_row;
  GtkWidget            *client_button;
  GtkWidget            *client_popover;
  GtkWidget            *client_search;
  GtkWidget            *client_list;
  AdwEntryRow          *issue_date_row;
  AdwEntryRow          *delivery_date_row;
  AdwActionRow         *due_row;
  GtkLabel             *document_errors;
  GtkWidget            *lines_box;
  GtkWidget            *lines_header_box;
  AdwEntryRow          *discount_row;
  AdwActionRow         *net_row;
  AdwActionRow         *vat_row;
  GtkLabel             *net_label;
  GtkLabel             *vat_label;
  GtkLabel             *gross_label;
  GtkWidget            *franchise_label;
  GtkTextView          *notes_view;
  FacturesPdfPreview   *preview;
  GtkWidget            *lifecycle_panel;  /* FacturesLifecyclePanel (issue 3) */
};

G_DEFINE_FINAL_TYPE (FacturesEditorWindow, factures_editor_window, ADW_TYPE_WINDOW)

static void refresh_from_fields (FacturesEditorWindow *self);

/* ---- helpers ---------------------------------------------------------- */

static gboolean
is_franchise (FacturesEditorWindow *self)
{
  return self->document->seller == NULL ||
         self->document->seller->vat_regime == FACTURES_VAT_REGIME_FRANCHISE;
}

static void
toast (FacturesEditorWindow *self,
       const char           *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
show_message (FacturesEditorWindow *self,
              const char           *heading,
              const char           *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* AdwEntryRow 1.2 does not name its text for assistive technologies. */
static void
label_entry_row (AdwEntryRow *row,
                 const char  *label)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (delegate != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (delegate), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* A copy fit for the PDF layout: a seller and a buyer even when none is chosen yet. */
static FacturesDocument *
document_for_output (FacturesEditorWindow *self)
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
      copy = document_for_output (self);
      bytes = factures_pdf_render (copy, FACTURES_PDF_FLAG_DRAFT, &error);
    }

  if (bytes == NULL || !factures_pdf_preview_set_bytes (self->preview, bytes, &error))
    factures_pdf_preview_set_message (self->preview, error ? error->message : _("No preview"));

  return G_SOURCE_REMOVE;
}

static void
schedule_preview (FacturesEditorWindow *self,
                  guint                 delay_ms)
{
  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (delay_ms, preview_timeout_cb, self);
}

/* ---- figures ---------------------------------------------------------- */

static void
update_due_date (FacturesEditorWindow *self)
{
  FacturesDocument *document = self->document;
  g_autofree char *date = NULL;
  g_autofree char *terms = NULL;
  g_autofree char *subtitle = NULL;

  if (document->status != FACTURES_DOCUMENT_STATUS_ISSUED && g_date_valid (&document->issue_date))
    {
      FacturesEomMethod method = document->seller ? document->seller->eom_method
                                                  : FACTURES_EOM_METHOD_ADD_THEN_END;

      factures_terms_due_date (&document->terms, method, &document->issue_date, &document->due_date);
      /* With a payment schedule, the last instalment's date (issue 6). */
      factures_schedule_due_date (document->instalments, &document->due_date);
    }

  if (!g_date_valid (&document->due_date))
    {
      adw_action_row_set_subtitle (self->due_row, "—");
      return;
    }

  date = factures_date_format_fr (&document->due_date);
  if (factures_document_has_schedule (document))
    terms = g_strdup_printf (ngettext ("payment schedule of %u instalment",
                                       "payment schedule of %u instalments",
                                       document->instalments->len),
                             document->instalments->len);
  else
    terms = factures_terms_describe (&document->terms);
  /* Translators: due date and payment terms, "30/12/2026 — 30 jours" */
  subtitle = g_strdup_printf (_("%s — %s"), date, terms);
  adw_action_row_set_subtitle (self->due_row, subtitle);
}

static void
update_totals (FacturesEditorWindow *self,
               GPtrArray            *valid_rows)
{
  g_auto (FacturesTotals) totals = { 0 };
  g_autoptr (GError) error = NULL;
  gboolean franchise = is_franchise (self);
  GtkWidget *child;

  gtk_widget_set_visible (GTK_WIDGET (self->vat_row), !franchise);
  gtk_widget_set_visible (self->franchise_label, franchise);

  for (child = gtk_widget_get_first_child (self->lines_box); child; child = gtk_widget_get_next_sibling (child))
    factures_line_row_set_net (FACTURES_LINE_ROW (child), 0, FALSE);

  if (!factures_document_compute_totals (self->document, &totals, &error))
    {
      gtk_label_set_text (self->net_label, "—");
      gtk_label_set_text (self->vat_label, "—");
      gtk_label_set_text (self->gross_label, "—");
      gtk_label_set_text (self->document_errors, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->document_errors), TRUE);
      return;
    }

  if (valid_rows != NULL && totals.line_nets != NULL)
    for (guint i = 0; i < valid_rows->len && i < totals.line_nets->len; i++)
      factures_line_row_set_net (g_ptr_array_index (valid_rows, i),
                                 g_array_index (totals.line_nets, gint64, i), TRUE);

  {
    g_autofree char *net = factures_money_format (totals.net_total);
    g_autofree char *vat = factures_money_format (totals.vat_total);
    g_autofree char *gross = factures_money_format (totals.gross_total);
    g_autoptr (GString) breakdown = g_string_new (NULL);

    gtk_label_set_text (self->net_label, net);
    if (totals.allowance_total != 0)
      {
        g_autofree char *lines_total = factures_money_format (totals.lines_total);
        g_autofree char *discount = factures_money_format (totals.allowance_total);
        /* Translators: subtitle of the total excl. VAT: "Lines 150,00 € − discount 5,00 €" */
        g_autofree char *subtitle = g_strdup_printf (_("Lines %s − discount %s"), lines_total, discount);

        adw_action_row_set_subtitle (self->net_row, subtitle);
      }
    else
      adw_action_row_set_subtitle (self->net_row, "");
    gtk_label_set_text (self->vat_label, vat);
    gtk_label_set_text (self->gross_label, gross);

    for (guint i = 0; totals.breakdown != NULL && i < totals.breakdown->len; i++)
      {
        const FacturesVatBreakdown *row = &g_array_index (totals.breakdown, FacturesVatBreakdown, i);
        g_autofree char *rate = factures_rate_format (row->rate_bp);
        g_autofree char *base = factures_money_format (row->base);

        if (breakdown->len > 0)
          g_string_append_c (breakdown, '\n');
        /* Translators: a VAT breakdown row, "20 % sur 100,00 €" */
        g_string_append_printf (breakdown, _("%s on %s"), rate, base);
      }
    adw_action_row_set_subtitle (self->vat_row, breakdown->str);
  }
}

/**
 * collect_fields:
 * @reveal: show the message of every wrong field, touched or not
 * @complete: also require what issuing needs (a client, at least one line)
 *
 * Parses every field into the working copy. Wrong fields keep their previous
 * value in the copy (lines: wrong lines are left out), so the totals and the
 * preview always show something consistent.
 *
 * Returns: FALSE with the first error (FACTURES_ERROR_INVALID, naming the field)
 */
static gboolean
collect_fields (FacturesEditorWindow  *self,
                gboolean               reveal,
                gboolean               complete,
                GError               **error)
{
  FacturesDocument *document = self->document;
  g_autoptr (GError) first_error = NULL;
  g_autoptr (GString) messages = g_string_new (NULL);
  g_autoptr (GPtrArray) valid_rows = g_ptr_array_new ();
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_line_free);
  g_autofree char *notes_text = NULL;
  g_autofree char *notes = NULL;
  g_autoptr (GError) notes_error = NULL;
  const char *text;
  guint n_rows = 0;
  GDate date;

#define FAIL(err) G_STMT_START {                                              \
    GError *_e = (err);                                                     \
    if (messages->len > 0)                                                  \
      g_string_append_c (messages, '\n');                                   \
    g_string_append (messages, _e->message);                                \
    if (first_error == NULL)                                                \
      first_error = _e;                                                     \
    else                                                                    \
      g_error_free (_e);                                                    \
  } G_STMT_END

  if (reveal)
    self->dates_touched = TRUE;

  if (complete && document->client_id == 0)
    FAIL (g_error_new (FACTURES_ERROR, FACTURES_ERROR_INVALID, "%s",
                       _("Client: choose the client of this invoice.")));

  /* Issue date */
  {
    g_autoptr (GError) date_error = NULL;

    text = gtk_editable_get_text (GTK_EDITABLE (self->issue_date_row));
    if (factures_date_parse_fr (text, _("Issue date"), &date, &date_error))
      {
        document->issue_date = date;
        gtk_widget_remove_css_class (GTK_WIDGET (self->issue_date_row), "error");
      }
    else if (self->dates_touched)
      {
        gtk_widget_add_css_class (GTK_WIDGET (self->issue_date_row), "error");
        FAIL (g_steal_pointer (&date_error));
      }
    else if (first_error == NULL)
      first_error = g_steal_pointer (&date_error);
  }

  /* Delivery date: empty means the same as the issue date */
  {
    g_autoptr (GError) date_error = NULL;
    g_autofree char *trimmed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->delivery_date_row))));

    if (*trimmed == '\0')
      {
        g_date_clear (&document->delivery_date, 1);
        gtk_widget_remove_css_class (GTK_WIDGET (self->delivery_date_row), "error");
      }
    else if (factures_date_parse_fr (trimmed, _("Delivery date"), &date, &date_error))
      {
        document->delivery_date = date;
        gtk_widget_remove_css_class (GTK_WIDGET (self->delivery_date_row), "error");
      }
    else if (self->dates_touched)
      {
        gtk_widget_add_css_class (GTK_WIDGET (self->delivery_date_row), "error");
        FAIL (g_steal_pointer (&date_error));
      }
    else if (first_error == NULL)
      first_error = g_steal_pointer (&date_error);
  }

  /* Notes */
  notes_text = text_view_get_text (self->notes_view);
  notes = factures_text_clean (notes_text, _("Notes"), NOTES_MAX, FALSE, &notes_error);
  if (notes_error != NULL)
    FAIL (g_steal_pointer (&notes_error));
  else
    {
      g_free (document->notes);
      document->notes = (notes != NULL && *notes != '\0') ? g_steal_pointer (&notes) : NULL;
    }

  /* Document-level discount (EN 16931 BG-20 allowance), in euros; empty means none. */
  {
    g_autoptr (GError) discount_error = NULL;
    g_autofree char *trimmed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->discount_row))));
    gint64 cents = 0;

    if (*trimmed != '\0' && !factures_money_parse (trimmed, _("Discount on the total"), &cents, &discount_error))
      ;
    else if (cents < 0)
      discount_error = g_error_new (FACTURES_ERROR, FACTURES_ERROR_INVALID, "%s",
                                    _("Discount on the total: a discount cannot be negative."));
    if (discount_error != NULL)
      {
        gtk_widget_add_css_class (GTK_WIDGET (self->discount_row), "error");
        FAIL (g_steal_pointer (&discount_error));
      }
    else
      {
        gtk_widget_remove_css_class (GTK_WIDGET (self->discount_row), "error");
        document->allowance = cents;
      }
  }

  gtk_label_set_text (self->document_errors, messages->str);
  gtk_widget_set_visible (GTK_WIDGET (self->document_errors), messages->len > 0);

  /* Lines: each row shows its own messages */
  for (GtkWidget *child = gtk_widget_get_first_child (self->lines_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autoptr (GError) line_error = NULL;
      FacturesLine *line;

      /* An untouched new line is left out rather than refused. */
      if (factures_line_row_is_blank (FACTURES_LINE_ROW (child)))
        {
          factures_line_row_clear_messages (FACTURES_LINE_ROW (child));
          continue;
        }

      n_rows++;
      line = factures_line_row_get_line (FACTURES_LINE_ROW (child), reveal, &line_error);
      if (line != NULL)
        {
          g_ptr_array_add (lines, line);
          g_ptr_array_add (valid_rows, child);
        }
      else if (first_error == NULL)
        first_error = g_steal_pointer (&line_error);
    }

  if (complete && n_rows == 0 && first_error == NULL)
    first_error = g_error_new (FACTURES_ERROR, FACTURES_ERROR_INVALID, "%s",
                               _("Lines: add at least one line."));

#undef FAIL

  g_ptr_array_set_size (document->lines, 0);
  for (guint i = 0; i < lines->len; i++)
    g_ptr_array_add (document->lines, factures_line_copy (g_ptr_array_index (lines, i)));

  update_due_date (self);
  update_totals (self, valid_rows);

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
  if (self->loading || self->read_only)
    return;

  collect_fields (self, FALSE, FALSE, NULL);
  if (self->lifecycle_panel != NULL)
    factures_lifecycle_panel_refresh (FACTURES_LIFECYCLE_PANEL (self->lifecycle_panel));
  schedule_preview (self, PREVIEW_DELAY_MS);
}

static void
field_edited (FacturesEditorWindow *self)
{
  if (self->loading || self->read_only)
    return;

  set_dirty (self, TRUE);
  refresh_from_fields (self);
}

static void
date_changed_cb (FacturesEditorWindow *self)
{
  if (!self->loading)
    self->dates_touched = TRUE;
  field_edited (self);
}

/* ---- lines ------------------------------------------------------------ */

static void
renumber_lines (FacturesEditorWindow *self)
{
  guint number = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (self->lines_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    factures_line_row_set_number (FACTURES_LINE_ROW (child), number++);
}

static void
line_remove_requested_cb (FacturesLineRow      *row,
                          FacturesEditorWindow *self)
{
  gtk_box_remove (GTK_BOX (self->lines_box), GTK_WIDGET (row));
  renumber_lines (self);
  field_edited (self);
}

static FacturesLineRow *
add_line_row (FacturesEditorWindow *self,
              const FacturesLine   *line)
{
  FacturesLineRow *row;

  row = factures_line_row_new (line, !is_franchise (self),
                               self->document->kind == FACTURES_DOCUMENT_KIND_QUOTE);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (field_edited), self);
  g_signal_connect (row, "remove-requested", G_CALLBACK (line_remove_requested_cb), self);
  gtk_box_append (GTK_BOX (self->lines_box), GTK_WIDGET (row));
  renumber_lines (self);

  return row;
}

/* ---- populate --------------------------------------------------------- */

static void
update_client_row (FacturesEditorWindow *self)
{
  const FacturesClient *buyer = self->document->buyer;

  if (buyer != NULL && buyer->party.name != NULL)
    {
      g_autoptr (GString) subtitle = g_string_new (buyer->party.name);

      if (buyer->party.city != NULL && *buyer->party.city != '\0')
        g_string_append_printf (subtitle, " — %s", buyer->party.city);
      adw_action_row_set_subtitle (self->client_row, subtitle->str);
    }
  else
    adw_action_row_set_subtitle (self->client_row, _("No client chosen"));
}

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
  gtk_widget_set_visible (self->read_only_box, self->read_only);
  gtk_widget_set_sensitive (self->form, !self->read_only);
  gtk_widget_set_visible (self->save_button, !self->read_only);
  gtk_widget_set_visible (self->issue_button, !self->read_only);
  gtk_widget_set_visible (self->check_button,
                          self->read_only && self->document->kind != FACTURES_DOCUMENT_KIND_QUOTE);
  gtk_widget_set_visible (self->payment_button,
                          self->read_only &&
                          (self->document->kind == FACTURES_DOCUMENT_KIND_INVOICE ||
                           self->document->kind == FACTURES_DOCUMENT_KIND_DEPOSIT));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", !self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.issue", !self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-line", !self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.choose-client", !self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.send-email", self->read_only);
  update_delete (self);
  gtk_widget_set_visible (self->schedule_button,
                          !self->read_only &&
                          (self->document->kind == FACTURES_DOCUMENT_KIND_INVOICE ||
                           self->document->kind == FACTURES_DOCUMENT_KIND_DEPOSIT));

  for (GtkWidget *child = gtk_widget_get_first_child (self->lines_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    factures_line_row_set_editable (FACTURES_LINE_ROW (child), !self->read_only);
  gtk_text_view_set_editable (self->notes_view, !self->read_only);
  gtk_editable_set_editable (GTK_EDITABLE (self->issue_date_row), !self->read_only);
  gtk_editable_set_editable (GTK_EDITABLE (self->delivery_date_row), !self->read_only);
  gtk_editable_set_editable (GTK_EDITABLE (self->discount_row), !self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.make-recurring",
                                 self->document->kind == FACTURES_DOCUMENT_KIND_INVOICE);
}

static void
populate (FacturesEditorWindow *self)
{
  FacturesDocument *document = self->document;
  GtkWidget *child;
  g_autofree char *issue = NULL;
  g_autofree char *delivery = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

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
  update_client_row (self);

  issue = g_date_valid (&document->issue_date) ? factures_date_format_fr (&document->issue_date) : NULL;
  delivery = g_date_valid (&document->delivery_date) ? factures_date_format_fr (&document->delivery_date) : NULL;
  gtk_editable_set_text (GTK_EDITABLE (self->issue_date_row), issue ? issue : "");
  gtk_editable_set_text (GTK_EDITABLE (self->delivery_date_row), delivery ? delivery : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            document->notes ? document->notes : "", -1);
  {
    g_autofree char *discount = document->allowance != 0 ? factures_money_format_plain (document->allowance) : NULL;

    gtk_editable_set_text (GTK_EDITABLE (self->discount_row), discount ? discount : "");
  }

  while ((child = gtk_widget_get_first_child (self->lines_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->lines_box), child);
  for (guint i = 0; i < document->lines->len; i++)
    g_ptr_array_add (rows, add_line_row (self, g_ptr_array_index (document->lines, i)));

  self->dates_touched = FALSE;
  self->loading = FALSE;

  update_read_only (self);
  update_due_date (self);
  update_totals (self, rows);
  if (self->lifecycle_panel != NULL)
    factures_lifecycle_panel_set_document (FACTURES_LIFECYCLE_PANEL (self->lifecycle_panel), self->document);
  schedule_preview (self, 0);
}

/* ---- client chooser --------------------------------------------------- */

static void
choose_client (FacturesEditorWindow *self,
               gint64                client_id)
{
  g_autoptr (GError) error = NULL;
  FacturesClient *client;

  client = factures_store_get_client (self->store, client_id, &error);
  if (client == NULL)
    {
      show_message (self, _("The client cannot be read"), error->message);
      return;
    }

  factures_client_free (self->document->buyer);
  self->document->buyer = client;
  self->document->client_id = client_id;
  if (client->has_terms)
    self->document->terms = client->terms;
  else if (self->document->seller != NULL)
    self->document->terms = self->document->seller->default_terms;

  update_client_row (self);
  field_edited (self);
}

static void
client_choice_clicked_cb (GtkButton            *button,
                          FacturesEditorWindow *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), "factures-client-id");

  gtk_popover_popdown (GTK_POPOVER (self->client_popover));
  choose_client (self, *id);
}

static void
fill_client_list (FacturesEditorWindow *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->client_search));
  g_autoptr (GListModel) model = NULL;
  GtkWidget *child;
  guint n_items;

  while ((child = gtk_widget_get_first_child (self->client_list)) != NULL)
    gtk_box_remove (GTK_BOX (self->client_list), child);

  model = factures_store_list_clients (self->store, search, FACTURES_CLIENT_SORT_NAME, FALSE);
  n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < MIN (n_items, CLIENT_CHOICES_MAX); i++)
    {
      g_autoptr (FacturesClientRow) row = g_list_model_get_item (model, i);
      const char *name = factures_client_row_get_name (row);
      const char *city = factures_client_row_get_city (row);
      GtkWidget *button, *box, *label;
      gint64 *id;

      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      label = gtk_label_new (name);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), label);
      if (city != NULL && *city != '\0')
        {
          label = gtk_label_new (city);
          gtk_label_set_xalign (GTK_LABEL (label), 0.0);
          gtk_widget_add_css_class (label, "caption");
          gtk_widget_add_css_class (label, "dim-label");
          gtk_box_append (GTK_BOX (box), label);
        }

      button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "flat");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      id = g_new (gint64, 1);
      *id = factures_client_row_get_id (row);
      g_object_set_data_full (G_OBJECT (button), "factures-client-id", id, g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (client_choice_clicked_cb), self);
      gtk_box_append (GTK_BOX (self->client_list), button);
    }

  if (n_items == 0 || n_items > CLIENT_CHOICES_MAX)
    {
      GtkWidget *label;

      if (n_items == 0 && (search == NULL || *search == '\0'))
        label = gtk_label_new (_("No clients yet: add one on the Clients page."));
      else if (n_items == 0)
        label = gtk_label_new (_("No client matches."));
      else
        label = gtk_label_new (_("Type to narrow the search…"));
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_box_append (GTK_BOX (self->client_list), label);
    }
}

/* Enter in the search entry picks the first client shown. */
static void
client_search_activated_cb (FacturesEditorWindow *self)
{
  GtkWidget *first;

  fill_client_list (self);   /* "search-changed" comes after a delay */
  first = gtk_widget_get_first_child (self->client_list);
  if (first != NULL && GTK_IS_BUTTON (first))
    client_choice_clicked_cb (GTK_BUTTON (first), self);
}

static void
choose_client_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FacturesEditorWindow *self = FACTURES_EDITOR_WINDOW (widget);

  if (self->read_only)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->client_search), "");
  fill_client_list (self);
  gtk_popover_popup (GTK_POPOVER (self->client_popover));
}

/* ---- actions ---------------------------------------------------------- */

static gboolean
save_draft (FacturesEditorWindow  *self,
            gboolean               complete,
            GError               **error)
{
  if (!collect_fields (self, TRUE, complete, error))
    return FALSE;

  if (!factures_store_save_draft (self->store, self->document, error))
    return FALSE;

  set_dirty (self, FALSE);
  update_title (self);
  update_delete (self);
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

  if (!save_draft (self, FALSE, &error))
    {
      show_message (self, _("The draft cannot be saved"), error->message);
      return;
    }

  toast (self, _("Draft saved"));
}

static void
show_missing_mentions (FacturesEditorWindow *self,
                       const char           *fallback)
{
  g_autoptr (FacturesDocument) copy = document_for_output (self);
  g_autoptr (GPtrArray) mentions = factures_mentions_check (copy);
  g_autoptr (GString) body = g_string_new (_("These mandatory mentions are missing:"));
  guint n_errors = 0;

  for (guint i = 0; mentions != NULL && i < mentions->len; i++)
    {
      FacturesMissingMention *mention = g_ptr_array_index (mentions, i);

      if (mention->severity != FACTURES_MENTION_ERROR)
        continue;
      g_string_append_printf (body, "\n• %s", mention->message);
      n_errors++;
    }

  if (n_errors == 0 && fallback != NULL)
    {
      g_string_truncate (body, 0);
      g_string_append (body, fallback);
    }

  show_message (self, _("This invoice cannot be issued yet"), body->str);
}

static void
issue_confirmed (FacturesEditorWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  FacturesDocument *issued;

  issued = factures_store_issue (self->store, self->document->id,
                                 factures_pdf_render_for_issue, NULL, &error);
  if (issued == NULL)
    {
      if (g_error_matches (error, FACTURES_ERROR, FACTURES_ERROR_MISSING_MENTION))
        show_missing_mentions (self, error->message);
      else
        show_message (self, _("The invoice cannot be issued"), error->message);
      return;
    }

  factures_document_free (self->document);
  self->document = issued;
  self->dirty = FALSE;
  populate (self);

  /* Translators: %s is the new number, "F2026-0001" */
  message = g_strdup_printf (_("Issued as %s"), issued->number ? issued->number : "");
  toast (self, message);
}

static void
issue_response_cb (AdwMessageDialog     *dialog,
                   const char           *response,
                   FacturesEditorWindow *self)
{
  if (g_strcmp0 (response, "issue") == 0)
    issue_confirmed (self);
}

static void
issue_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FacturesEditorWindow *self = FACTURES_EDITOR_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (FacturesDocument) copy = NULL;
  g_autoptr (GPtrArray) mentions = NULL;
  g_autofree char *body = NULL;
  g_autofree char *total = NULL;
  GtkWidget *dialog;

  if (self->read_only)
    return;

  if (!save_draft (self, TRUE, &error))
    {
      show_message (self, _("This invoice cannot be issued yet"), error->message);
      return;
    }

  copy = document_for_output (self);
  mentions = factures_mentions_check (copy);
  if (mentions != NULL && factures_mentions_has_errors (mentions))
    {
      show_missing_mentions (self, NULL);
      return;
    }

  {
    g_auto (FacturesTotals) totals = { 0 };

    if (factures_document_compute_totals (self->document, &totals, NULL))
      total = factures_money_format (totals.gross_total);
  }

  /* Translators: %s is the client, then the total, "Dupont SARL, 1 234,56 €" */
  body = g_strdup_printf (_("The invoice for %s (%s incl. VAT) will get its number and become final: "
                            "it can then no longer be changed or deleted, only corrected by a credit note."),
                          self->document->buyer && self->document->buyer->party.name
                            ? self->document->buyer->party.name : "—",
                          total ? total : "—");

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Issue This Invoice?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "issue", _("_Issue"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "issue",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (issue_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_draft_response_cb (AdwMessageDialog     *dialog,
                          const char           *response,
                          FacturesEditorWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  /* A refusal (another process holds the database, the draft was issued meanwhile) keeps
   * the window and what was typed. */
  if (!factures_store_delete_draft (self->store, self->document->id, &error))
    {
      show_message (self, _("The draft cannot be deleted"), error->message);
      return;
    }
  self->dirty = FALSE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
delete_draft_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FacturesEditorWindow *self = FACTURES_EDITOR_WINDOW (widget);
  GtkWidget *dialog;

  if (self->read_only || self->document->id == 0)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Delete This Draft?"),
                                   _("The draft and its lines are deleted for good. It has no number "
                                     "yet, so no gap is left in the numbering."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (delete_draft_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

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
      if (!save_draft (self, FALSE, &error))
        {
          show_message (self, _("The draft cannot be saved"), error->message);
          return;
        }
    }

  new_id = factures_store_duplicate (self->store, self->document->id, &error);
  if (new_id == 0)
    {
      show_message (self, _("The document cannot be duplicated"), error->message);
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
    collect_fields (self, FALSE, FALSE, NULL);

  copy = document_for_output (self);
  bytes = factures_document_pdf_bytes (self->store, copy, &error);
  if (bytes == NULL ||
      !g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
    {
      show_message (self, _("The PDF cannot be exported"), error->message);
      return;
    }

  basename = g_file_get_basename (file);
  /* Translators: %s is a file name */
  message = g_strdup_printf (_("Exported to “%s”"), basename);
  toast (self, message);
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
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_file_name (self);

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export PDF"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, NULL, NULL);
  factures_file_chooser_start_in_documents (self->chooser);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
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
    collect_fields (self, FALSE, FALSE, NULL);

  copy = document_for_output (self);
  if (!factures_document_print (GTK_WINDOW (self), self->store, copy, &error))
    show_message (self, _("The document cannot be printed"), error->message);
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

  row = add_line_row (self, NULL);
  gtk_widget_grab_focus (factures_line_row_get_description_view (row));
  field_edited (self);
}

/* ---- closing ---------------------------------------------------------- */

static gboolean
close_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
close_response_cb (AdwMessageDialog     *dialog,
                   const char           *response,
                   FacturesEditorWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "save") == 0)
    {
      if (!save_draft (self, FALSE, &error))
        {
          show_message (self, _("The draft cannot be saved"), error->message);
          return;
        }
    }
  else if (g_strcmp0 (response, "discard") != 0)
    return;

  self->close_confirmed = TRUE;
  /* Not from inside the dialog's "response": closing the editor there destroys the
   * transient dialog under libadwaita's feet (use after free, issue 11 item 11). */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self), g_object_unref);
}

/* Issue 3 item 8: a catalogue item becomes a new line (replacing a blank one). */
static void
catalogue_picked_cb (FacturesEditorWindow        *self,
                     const FacturesCatalogueItem *item)
{
  g_autoptr (FacturesLine) line = NULL;
  GtkWidget *only;

  if (self->read_only)
    return;
  only = gtk_widget_get_first_child (self->lines_box);
  if (only != NULL && gtk_widget_get_next_sibling (only) == NULL &&
      factures_line_row_is_blank (FACTURES_LINE_ROW (only)))
    gtk_box_remove (GTK_BOX (self->lines_box), only);
  line = factures_catalogue_item_to_line (item, is_franchise (self));
  add_line_row (self, line);
  field_edited (self);
}

/* Issue 3 item 4: a recurring template from this invoice (saved first). */
static void
make_recurring_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  FacturesEditorWindow *self = FACTURES_EDITOR_WINDOW (widget);
  g_autoptr (GError) error = NULL;

  if (!self->read_only && (self->dirty || self->document->id == 0) && !save_draft (self, TRUE, &error))
    {
      show_message (self, _("The invoice cannot be made recurring"), error->message);
      return;
    }
  factures_recurring_dialog_open (GTK_WINDOW (self), self->store, self->document->id);
}

static gboolean
factures_editor_window_close_request (GtkWindow *window)
{
  FacturesEditorWindow *self = FACTURES_EDITOR_WINDOW (window);
  GtkWidget *dialog;

  if (self->read_only || !self->dirty || self->close_confirmed)
    return GTK_WINDOW_CLASS (factures_editor_window_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (window, _("Save the Draft?"),
                                   _("The changes to this draft have not been saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (close_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));

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
  if (self->client_popover != NULL && gtk_widget_get_parent (self->client_popover) != NULL)
    gtk_widget_unparent (self->client_popover);

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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/documents/factures-editor-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, issue_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, read_only_box);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, form);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, client_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, client_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, client_popover);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, client_search);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, client_list);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, issue_date_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, delivery_date_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, due_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, document_errors);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, lines_box);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, lines_header_box);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, discount_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, net_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, vat_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, net_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, vat_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, gross_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, franchise_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, notes_view);
  gtk_widget_class_bind_template_child (widget_class, FacturesEditorWindow, preview);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.issue", NULL, issue_action);
  gtk_widget_class_install_action (widget_class, "editor.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "editor.delete-draft", NULL, delete_draft_action);
  gtk_widget_class_install_action (widget_class, "editor.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "editor.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "editor.send-email", NULL, send_email_action);
  gtk_widget_class_install_action (widget_class, "editor.add-line", NULL, add_line_action);
  gtk_widget_class_install_action (widget_class, "editor.choose-client", NULL, choose_client_action);
  gtk_widget_class_install_action (widget_class, "editor.make-recurring", NULL, make_recurring_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "editor.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "editor.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
record_payment_clicked (FacturesEditorWindow *self)
{
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
  update_due_date (self);
  schedule_preview (self, 0);
}

/* "Payment Schedule…" of a draft invoice (issue 6): saved first, then the
 * instalments dialog the overdue page uses for issued invoices. */
static void
schedule_clicked (FacturesEditorWindow *self)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *dialog;

  if (self->read_only)
    return;
  if ((self->dirty || self->document->id == 0) && !save_draft (self, FALSE, &error))
    {
      show_message (self, _("The draft cannot be saved"), error->message);
      return;
    }
  dialog = factures_instalments_dialog_open (GTK_WINDOW (self), self->store, self->document->id);
  if (dialog != NULL)
    g_signal_connect_object (dialog, "destroy", G_CALLBACK (schedule_closed_cb), self, G_CONNECT_SWAPPED);
}

static void
check_clicked (FacturesEditorWindow *self)
{
  if (self->document != NULL && self->document->id != 0)
    factures_facturx_ui_check_document (GTK_WINDOW (self), self->store, self->document->id);
}

static void
factures_editor_window_init (FacturesEditorWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* "Check" in the header: the Factur-X check of an issued document (issue 6). */
  self->check_button = gtk_button_new_with_label (_("Check"));
  gtk_widget_set_tooltip_text (self->check_button, _("Check the Factur-X file of this document"));
  gtk_widget_set_visible (self->check_button, FALSE);
  g_signal_connect_swapped (self->check_button, "clicked", G_CALLBACK (check_clicked), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (gtk_widget_get_ancestor (self->issue_button, ADW_TYPE_HEADER_BAR)),
                           self->check_button);

  /* "Record Payment…" in the header, for issued invoices (issue 4). */
  self->payment_button = gtk_button_new_with_label (_("Record Payment…"));
  gtk_widget_set_visible (self->payment_button, FALSE);
  g_signal_connect_swapped (self->payment_button, "clicked", G_CALLBACK (record_payment_clicked), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (gtk_widget_get_ancestor (self->issue_button, ADW_TYPE_HEADER_BAR)),
                           self->payment_button);

  /* "Delete Draft…" in the header, for a saved draft (issue 10). */
  self->delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->delete_button), "editor.delete-draft");
  gtk_widget_set_tooltip_text (self->delete_button, _("Delete Draft…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete Draft"), -1);
  gtk_widget_set_visible (self->delete_button, FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (gtk_widget_get_ancestor (self->issue_button, ADW_TYPE_HEADER_BAR)),
                             self->delete_button);

  /* "Payment Schedule…" on the due date row of a draft invoice (issue 6). */
  self->schedule_button = gtk_button_new_with_label (_("Payment Schedule…"));
  gtk_widget_set_valign (self->schedule_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->schedule_button,
                               _("Split the payment into dated instalments agreed with the client"));
  g_signal_connect_swapped (self->schedule_button, "clicked", G_CALLBACK (schedule_clicked), self);
  adw_action_row_add_suffix (self->due_row, self->schedule_button);

  gtk_widget_set_parent (self->client_popover, self->client_button);

  label_entry_row (self->issue_date_row, _("Issue date"));
  label_entry_row (self->delivery_date_row, _("Delivery date"));
  label_entry_row (self->discount_row, _("Discount on the total"));
  g_signal_connect_swapped (self->discount_row, "changed", G_CALLBACK (field_edited), self);

  g_signal_connect_swapped (self->client_search, "search-changed", G_CALLBACK (fill_client_list), self);
  g_signal_connect_swapped (self->client_search, "activate", G_CALLBACK (client_search_activated_cb), self);
  g_signal_connect_swapped (self->issue_date_row, "changed", G_CALLBACK (date_changed_cb), self);
  g_signal_connect_swapped (self->delivery_date_row, "changed", G_CALLBACK (date_changed_cb), self);
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

  /* Issue 3 item 8: lines picked from the catalogue. */
  {
    GtkWidget *picker = factures_catalogue_picker_new (store);

    g_signal_connect_swapped (picker, "picked", G_CALLBACK (catalogue_picked_cb), self);
    gtk_box_prepend (GTK_BOX (self->lines_header_box), picker);
  }

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

  populate (self);

  if (document_id == 0)
    {
      /* A new invoice starts with one empty line; closing it untouched asks nothing. */
      add_line_row (self, NULL);
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
      GtkWidget *dialog = adw_message_dialog_new (parent, _("The document cannot be opened"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  window->document->kind = kind;
  update_title (window);
  factures_lifecycle_panel_set_document (FACTURES_LIFECYCLE_PANEL (window->lifecycle_panel), window->document);
  refresh_from_fields (window);
  schedule_preview (window, 0);

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
      GtkWidget *dialog = adw_message_dialog_new (parent, _("The document cannot be opened"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  if (parent != NULL && gtk_window_get_application (parent) != NULL)
    gtk_window_set_application (GTK_WINDOW (window), gtk_window_get_application (parent));

  gtk_window_present (GTK_WINDOW (window));
}
