/* factures-editor-window-issue.c — "Issue…": every wrong field, missing mandatory mention
 * and date rule listed at once (issue 11 item 5), the confirmation, the issue itself, and
 * the live checklist that shows the same list as the user types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-document-view.h"
#include "factures-documents.h"
#include "factures-editor-window-private.h"
#include "factures-issue-dialog.h"
#include "factures-lifecycle-panel.h"
#include "factures-mentions.h"
#include "factures-pdf.h"
#include "factures-store-lifecycle.h"

/* The issue date of the last document issued in the series @kind numbers in, or an
 * invalid date (as factures_store_issue() picks the series). */
static void
series_last_issued (FacturesEditorWindow *self,
                    GDate                *out_date)
{
  const char *name = self->document->kind == FACTURES_DOCUMENT_KIND_QUOTE ? "quote"
                     : self->document->kind == FACTURES_DOCUMENT_KIND_CREDIT_NOTE ? "credit-note"
                     : "invoice";
  g_autoptr (GPtrArray) series = factures_store_list_series (self->store, NULL);

  g_date_clear (out_date, 1);
  for (guint i = 0; series != NULL && i < series->len; i++)
    {
      const FacturesSeries *one = g_ptr_array_index (series, i);

      if (g_strcmp0 (one->name, name) == 0)
        *out_date = one->last_issued;
    }
}

/**
 * collect_mentions:
 * @n_rows: lines that are not blank (right or wrong)
 *
 * What the document lacks to be issued, besides its wrong fields: the mandatory
 * mentions (factures_mentions_check()) and the date rules of issuing (a future
 * issue date, one earlier than the series' last). "The document has no lines" is
 * left out when lines were typed but are wrong: their own messages say why.
 *
 * Returns: (transfer full) (element-type FacturesMissingMention)
 */
static GPtrArray *
collect_mentions (FacturesEditorWindow *self,
                  guint                 n_rows)
{
  GPtrArray *mentions = factures_mentions_check (self->document);
  GDate last;

  for (guint i = mentions->len; n_rows > 0 && i > 0; i--)
    {
      const FacturesMissingMention *mention = g_ptr_array_index (mentions, i - 1);

      if (g_strcmp0 (mention->code, "lines") == 0)
        g_ptr_array_remove_index (mentions, i - 1);
    }

  series_last_issued (self, &last);
  factures_mentions_check_dates (mentions, self->document, &last);
  return mentions;
}

/* The live checklist: the missing mentions and the date rules of issuing. The wrong
 * fields show their messages under themselves. */
void
_factures_editor_window_refresh_checklist (FacturesEditorWindow *self,
                                           guint                 n_rows)
{
  g_autoptr (GPtrArray) mentions = NULL;

  if (self->lifecycle_panel == NULL)
    return;
  if (self->read_only)
    {
      factures_lifecycle_panel_refresh (FACTURES_LIFECYCLE_PANEL (self->lifecycle_panel));
      return;
    }

  mentions = collect_mentions (self, n_rows);
  factures_lifecycle_panel_set_checklist (FACTURES_LIFECYCLE_PANEL (self->lifecycle_panel), mentions);
}

/* Every reason at once (issue 11 item 5). */
static void
show_problems (FacturesEditorWindow *self,
               GPtrArray            *problems)
{
  FacturesIssueDialog *dialog = factures_issue_dialog_new_refused (GTK_WINDOW (self), problems);

  gtk_window_present (GTK_WINDOW (dialog));
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
      if (g_error_matches (error, FACTURES_ERROR, FACTURES_ERROR_MISSING_MENTION) ||
          g_error_matches (error, FACTURES_ERROR, FACTURES_ERROR_DATE_ORDER))
        {
          /* The store lists every missing mention, one a line. */
          g_auto (GStrv) lines = g_strsplit (error->message, "\n", -1);
          g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

          for (guint i = 0; lines[i] != NULL; i++)
            if (*lines[i] != '\0')
              g_ptr_array_add (problems, g_strdup (lines[i]));
          show_problems (self, problems);
        }
      else
        _factures_editor_window_show_message (self, _("The invoice cannot be issued"), error->message);
      return;
    }

  factures_document_free (self->document);
  self->document = issued;
  self->dirty = FALSE;

  /* Translators: %s is the new number, "F2026-0001" */
  message = g_strdup_printf (_("Issued as %s"), issued->number ? issued->number : "");

  /* Issue 11 item 2: an issued document is shown as a document, not a greyed form. The
   * editor gives way to the document view, which says the new number. */
  if (factures_document_view_open_if_issued (GTK_WINDOW (self), self->store, issued->id))
    {
      FacturesDocumentView *view = factures_document_view_find (issued->id);

      if (view != NULL)
        factures_document_view_add_toast (view, message);
      _factures_editor_window_close_later (self);
      return;
    }

  /* The view could not be shown: the editor stays, read-only. */
  _factures_editor_window_populate (self);
  _factures_editor_window_toast (self, message);
}

static void
issue_response_cb (FacturesEditorWindow *self,
                   const char           *response)
{
  if (g_strcmp0 (response, "issue") == 0)
    issue_confirmed (self);
}

/* "Issue…": every wrong field, missing mention and date rule in one list; else the
 * confirmation. The draft is saved first when its fields are right. */
/* NULL, empty or only spaces. */
static gboolean
blank (const char *text)
{
  while (text != NULL && g_ascii_isspace (*text))
    text++;
  return text == NULL || *text == '\0';
}

static void
issue_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  FacturesEditorWindow *self = FACTURES_EDITOR_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) mentions = NULL;
  g_autofree char *body = NULL;
  g_autofree char *total = NULL;
  FacturesIssueDialog *dialog;
  gboolean fields_right;
  guint n_rows = 0;

  if (self->read_only)
    return;

  fields_right = _factures_editor_window_collect_fields (self, TRUE, TRUE, problems, &n_rows, NULL);
  if (fields_right)
    {
      if (!factures_store_save_draft (self->store, self->document, &error))
        {
          _factures_editor_window_show_message (self, _("The draft cannot be saved"), error->message);
          return;
        }
      _factures_editor_window_saved (self);
    }

  mentions = collect_mentions (self, n_rows);
  for (guint i = 0; i < mentions->len; i++)
    {
      const FacturesMissingMention *mention = g_ptr_array_index (mentions, i);

      /* Without a client, "Client: choose the client" says it already. */
      if (mention->severity == FACTURES_MENTION_ERROR &&
          g_strcmp0 (mention->code, "buyer-missing") != 0)
        g_ptr_array_add (problems, g_strdup (mention->message));
    }
  _factures_editor_window_refresh_checklist (self, n_rows);

  if (problems->len > 0)
    {
      show_problems (self, problems);
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

  dialog = factures_issue_dialog_new_confirm (GTK_WINDOW (self), body);
  /* Finding T11: an administration in France without service code (BT-10): a warning, not a
   * refusal (not every administration has one; Chorus Pro refuses the invoice of one that
   * requires it). */
  if (self->document->buyer != NULL &&
      self->document->buyer->category == FACTURES_CLIENT_CATEGORY_PUBLIC &&
      factures_vat_client_zone (self->document->buyer->party.country_code) == FACTURES_VAT_CLIENT_FRANCE &&
      blank (self->document->buyer->service_code))
    factures_issue_dialog_add_warning (dialog, _("The administration has no service code (Client, Service code): "
                                                 "if it requires one, Chorus Pro will refuse this invoice."));
  g_signal_connect_object (dialog, "response", G_CALLBACK (issue_response_cb), self, G_CONNECT_SWAPPED);
  _factures_editor_window_keep_alive_for (self, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_factures_editor_window_class_add_issue_action (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.issue", NULL, issue_action);
}
