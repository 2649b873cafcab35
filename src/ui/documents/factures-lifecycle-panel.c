/* factures-lifecycle-panel.c — quote fields, next steps of issued documents and
 * the live checklist of missing mentions (issue 3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "factures-credit-note-dialog.h"
#include "factures-deposit-dialog.h"
#include "factures-documents.h"
#include "factures-info-row.h"
#include "factures-lifecycle-panel.h"
#include "factures-mentions.h"
#include "factures-message-dialog.h"
#include "factures-quote-decision-dialog.h"
#include "factures-store-lifecycle.h"
#include "factures-store-payments.h"

struct _FacturesLifecyclePanel
{
  GtkBox             parent_instance;

  FacturesStore     *store;
  FacturesDocument  *document;   /* not owned */
  gboolean           loading;
  gulong             changed_id;

  GtkWidget         *quote_group;
  AdwEntryRow       *valid_until_row;
  GtkTextView       *conditions_view;

  GtkWidget         *status_group;
  GtkWidget         *status_rows;   /* GtkListBox of info rows */
  GtkWidget         *explanation;
  GtkWidget         *accept_button;
  GtkWidget         *refuse_button;
  GtkWidget         *deposit_button;
  GtkWidget         *final_button;
  GtkWidget         *credit_button;

  GtkWidget         *checklist_group;
  GtkWidget         *checklist;     /* GtkListBox */
  char              *checklist_key; /* what the checklist shows, to skip rebuilding it */
};

G_DEFINE_FINAL_TYPE (FacturesLifecyclePanel, factures_lifecycle_panel, GTK_TYPE_BOX)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void refresh_status (FacturesLifecyclePanel *self);

/* ---- helpers ---- */

static void
label_widget (GtkWidget  *widget,
              const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
label_entry_row (AdwEntryRow *row,
                 const char  *label)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));

  /* The title labels the row otherwise ("X X" over AT-SPI in libadwaita 1.2). */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  label_widget (GTK_WIDGET (row), label);
  if (delegate != NULL)
    label_widget (GTK_WIDGET (delegate), label);
}

static void
list_clear (GtkWidget *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (list), child);
}

static GtkWindow *
parent_window (FacturesLifecyclePanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (FacturesLifecyclePanel *self,
            const char             *heading,
            const GError           *error)
{
  factures_message_dialog_show (parent_window (self), heading, error->message);
}

static void
open_document (FacturesLifecyclePanel *self,
               gint64                  id)
{
  factures_editor_window_open (parent_window (self), self->store, id, 0);
}

static char *
ref_text (const FacturesDocumentRef *ref)
{
  g_autofree char *date = g_date_valid (&ref->issue_date) ? factures_date_format_fr (&ref->issue_date) : NULL;

  if (ref->number == NULL)
    return g_strdup (_("not issued yet"));
  /* Translators: a document number and its date, "F2026-0001 dated 02/03/2026" */
  return g_strdup_printf (_("%s dated %s"), ref->number, date ? date : "");
}

/* ---- quote fields ---- */

static void
quote_field_changed (FacturesLifecyclePanel *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  const char *until;
  GDate date;

  if (self->loading || self->document == NULL)
    return;

  until = gtk_editable_get_text (GTK_EDITABLE (self->valid_until_row));
  if (factures_date_parse_fr (until, _("Valid until"), &date, NULL))
    {
      self->document->valid_until = date;
      gtk_widget_remove_css_class (GTK_WIDGET (self->valid_until_row), "error");
    }
  else
    {
      g_date_clear (&self->document->valid_until, 1);
      gtk_widget_add_css_class (GTK_WIDGET (self->valid_until_row), "error");
    }

  buffer = gtk_text_view_get_buffer (self->conditions_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_free (self->document->conditions);
  self->document->conditions = *text != '\0' ? g_steal_pointer (&text) : NULL;

  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* ---- actions on an issued quote ---- */

static void
decision_response_cb (FacturesLifecyclePanel      *self,
                      const char                  *response,
                      FacturesQuoteDecisionDialog *dialog)
{
  gboolean accepted = factures_quote_decision_dialog_get_accepted (dialog);
  g_autoptr(GError) error = NULL;
  GDate date;

  if (g_strcmp0 (response, "ok") != 0 || self->document == NULL)
    return;
  if (!factures_date_parse_fr (factures_quote_decision_dialog_get_date_text (dialog), _("Date"),
                               &date, &error) ||
      !factures_store_set_quote_decision (self->store, self->document->id, accepted, &date, &error))
    show_error (self, accepted ? _("The quote cannot be accepted") : _("The quote cannot be refused"),
                error);
  refresh_status (self);
}

static void
ask_decision (FacturesLifecyclePanel *self,
              gboolean                accepted)
{
  FacturesQuoteDecisionDialog *dialog = factures_quote_decision_dialog_new (parent_window (self), accepted);

  g_signal_connect_object (dialog, "response", G_CALLBACK (decision_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
accept_clicked_cb (FacturesLifecyclePanel *self)
{
  ask_decision (self, TRUE);
}

static void
refuse_clicked_cb (FacturesLifecyclePanel *self)
{
  ask_decision (self, FALSE);
}

static void
deposit_response_cb (FacturesLifecyclePanel *self,
                     const char             *response,
                     FacturesDepositDialog  *dialog)
{
  const char *percent_text = factures_deposit_dialog_get_percent_text (dialog);
  const char *amount_text = factures_deposit_dialog_get_amount_text (dialog);
  g_autoptr(GError) error = NULL;
  gint percent = 0;
  gint64 amount = 0;
  gint64 id = 0;

  if (g_strcmp0 (response, "ok") != 0 || self->document == NULL)
    return;

  if (*amount_text != '\0')
    {
      if (factures_money_parse (amount_text, _("Amount"), &amount, &error))
        id = factures_store_quote_to_deposit (self->store, self->document->id, 0, amount, &error);
    }
  else if (factures_rate_parse (percent_text, _("Percentage"), &percent, &error))
    {
      /* Fifth trial, finding 13: the message names the field typed (the store would speak of
       * the amount). */
      if (percent <= 0)
        g_set_error_literal (&error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                             _("Percentage: the percentage must be greater than 0."));
      else
        id = factures_store_quote_to_deposit (self->store, self->document->id, percent, 0, &error);
    }

  if (id == 0)
    show_error (self, _("The deposit invoice cannot be made"), error);
  else
    open_document (self, id);
  refresh_status (self);
}

static void
deposit_clicked_cb (FacturesLifecyclePanel *self)
{
  FacturesDepositDialog *dialog = factures_deposit_dialog_new (parent_window (self));

  g_signal_connect_object (dialog, "response", G_CALLBACK (deposit_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
final_clicked_cb (FacturesLifecyclePanel *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->document == NULL)
    return;
  id = factures_store_quote_to_invoice (self->store, self->document->id, &error);
  if (id == 0)
    show_error (self, _("The quote cannot be invoiced"), error);
  else
    open_document (self, id);
  refresh_status (self);
}

/* ---- credit note ---- */

static void
credit_response_cb (FacturesLifecyclePanel   *self,
                    const char               *response,
                    FacturesCreditNoteDialog *dialog)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  if (g_strcmp0 (response, "ok") != 0 || self->document == NULL)
    return;

  switch (factures_credit_note_dialog_get_mode (dialog))
    {
    case FACTURES_CREDIT_NOTE_LINES:
      {
        g_autoptr(GArray) chosen = factures_credit_note_dialog_get_lines (dialog);

        if (chosen->len == 0)
          g_set_error_literal (&error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                               _("Lines: choose at least one line to credit."));
        else
          id = factures_store_credit_note_new (self->store, self->document->id,
                                               (const guint *) (gpointer) chosen->data, chosen->len,
                                               0, &error);
      }
      break;

    case FACTURES_CREDIT_NOTE_AMOUNT:
      {
        gint64 amount = 0;

        /* Fifth trial, finding 9: 0 would mean "the whole invoice" to the store; refused like
         * a negative amount. */
        if (factures_money_parse (factures_credit_note_dialog_get_amount_text (dialog),
                                  _("Amount"), &amount, &error))
          {
            if (amount <= 0)
              g_set_error_literal (&error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                                   _("Amount: the amount to credit must be greater than 0."));
            else
              id = factures_store_credit_note_new (self->store, self->document->id, NULL, 0, amount,
                                                   &error);
          }
      }
      break;

    case FACTURES_CREDIT_NOTE_WHOLE:
    default:
      id = factures_store_credit_note_new (self->store, self->document->id, NULL, 0, 0, &error);
      break;
    }

  if (id == 0)
    show_error (self, _("The credit note cannot be made"), error);
  else
    open_document (self, id);
  refresh_status (self);
}

static void
credit_clicked_cb (FacturesLifecyclePanel *self)
{
  FacturesCreditNoteDialog *dialog;

  if (self->document == NULL)
    return;

  dialog = factures_credit_note_dialog_new (parent_window (self), self->document);
  g_signal_connect_object (dialog, "response", G_CALLBACK (credit_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- status of the document ---- */

static const char *
quote_status_text (gint status)
{
  switch (status)
    {
    case FACTURES_QUOTE_STATUS_DRAFT:
      return _("Draft");
    case FACTURES_QUOTE_STATUS_SENT:
      return _("Sent, waiting for the client’s answer");
    case FACTURES_QUOTE_STATUS_ACCEPTED:
      return _("Accepted");
    case FACTURES_QUOTE_STATUS_REFUSED:
      return _("Refused");
    case FACTURES_QUOTE_STATUS_EXPIRED:
      return _("Expired: its validity date has passed");
    case FACTURES_QUOTE_STATUS_INVOICED:
      return _("Invoiced");
    default:
      return "";
    }
}

static void
refresh_status (FacturesLifecyclePanel *self)
{
  FacturesDocument *document = self->document;
  gboolean issued, any = FALSE;
  gboolean can_decide = FALSE, can_invoice = FALSE, can_credit = FALSE;

  list_clear (self->status_rows);
  gtk_widget_set_visible (self->explanation, FALSE);

  if (document == NULL)
    {
      gtk_widget_set_visible (self->status_group, FALSE);
      return;
    }
  issued = document->status == FACTURES_DOCUMENT_STATUS_ISSUED;

  /* What this document cites. */
  if (document->cites != NULL)
    {
      g_autofree char *text = ref_text (document->cites);

      gtk_list_box_append (GTK_LIST_BOX (self->status_rows),
                           factures_info_row_new (document->kind == FACTURES_DOCUMENT_KIND_CREDIT_NOTE
                                       ? _("Corrects invoice") : _("From quote"),
                                     text, NULL));
      any = TRUE;
    }
  if (document->deposits != NULL)
    for (guint i = 0; i < document->deposits->len; i++)
      {
        const FacturesDocumentRef *ref = g_ptr_array_index (document->deposits, i);
        g_autofree char *text = ref_text (ref);
        g_autofree char *amount = factures_money_format (ref->amount);
        g_autofree char *subtitle = g_strdup_printf ("%s — %s", text, amount);

        gtk_list_box_append (GTK_LIST_BOX (self->status_rows),
                             factures_info_row_new (_("Deducted deposit invoice"), subtitle, NULL));
        any = TRUE;
      }

  if (issued && document->kind == FACTURES_DOCUMENT_KIND_QUOTE)
    {
      g_autoptr(GError) error = NULL;
      GDate accepted;
      gint status = factures_store_get_quote_status (self->store, document->id, &accepted, &error);
      g_autofree char *text = NULL;

      if (status == FACTURES_QUOTE_STATUS_ACCEPTED || status == FACTURES_QUOTE_STATUS_INVOICED)
        {
          g_autofree char *date = factures_date_format_fr (&accepted);

          text = status == FACTURES_QUOTE_STATUS_INVOICED
                 /* Translators: %s is a date, "02/03/2026" */
                 ? g_strdup_printf (_("Invoiced (accepted on %s)"), date)
                 : g_strdup_printf (_("Accepted on %s"), date);
        }
      else
        text = g_strdup (quote_status_text (status));
      gtk_list_box_append (GTK_LIST_BOX (self->status_rows), factures_info_row_new (_("Status"), text, NULL));
      any = TRUE;
      can_decide = status == FACTURES_QUOTE_STATUS_SENT;
      can_invoice = status == FACTURES_QUOTE_STATUS_ACCEPTED;
    }
  else if (issued && (document->kind == FACTURES_DOCUMENT_KIND_INVOICE ||
                      document->kind == FACTURES_DOCUMENT_KIND_DEPOSIT))
    {
      /* The balance and the credit notes are in the Payments panel beside this one
       * (FacturesPaymentsPanel): not said twice. */
      gint64 credited = factures_store_get_credited_total (self->store, document->id, NULL);

      gtk_label_set_text (GTK_LABEL (self->explanation),
                          /* The banner above the form already says it cannot be changed. */
                          _("A credit note cites this invoice and lowers its balance: credit all of "
                            "it to cancel it, or part of it to correct it; then issue a new invoice "
                            "if needed."));
      gtk_widget_set_visible (self->explanation, TRUE);
      any = TRUE;
      {
        g_auto(FacturesTotals) totals = { NULL, };

        can_credit = document->seller != NULL &&
                     factures_totals_compute (document->lines, document->allowance,
                                              document->seller->vat_regime == FACTURES_VAT_REGIME_FRANCHISE,
                                              &totals, NULL) &&
                     totals.gross_total - credited > 0;
      }
    }

  gtk_widget_set_visible (self->accept_button, can_decide);
  gtk_widget_set_visible (self->refuse_button, can_decide);
  gtk_widget_set_visible (self->deposit_button, can_invoice);
  gtk_widget_set_visible (self->final_button, can_invoice);
  gtk_widget_set_visible (self->credit_button, can_credit);
  gtk_widget_set_visible (self->status_rows, gtk_widget_get_first_child (self->status_rows) != NULL);
  gtk_widget_set_visible (self->status_group, any);
}

/* ---- checklist ---- */

void
factures_lifecycle_panel_set_checklist (FacturesLifecyclePanel *self,
                                        const GPtrArray        *mentions)
{
  g_autoptr(GString) key = g_string_new (NULL);

  g_return_if_fail (FACTURES_IS_LIFECYCLE_PANEL (self));

  if (self->document == NULL || self->document->status != FACTURES_DOCUMENT_STATUS_DRAFT)
    {
      list_clear (self->checklist);
      g_clear_pointer (&self->checklist_key, g_free);
      gtk_widget_set_visible (self->checklist_group, FALSE);
      return;
    }
  gtk_widget_set_visible (self->checklist_group, TRUE);

  /* Called on every keystroke: the rows (and their AT-SPI events) only change with the list. */
  for (guint i = 0; i < mentions->len; i++)
    {
      const FacturesMissingMention *m = g_ptr_array_index ((GPtrArray *) mentions, i);

      g_string_append_printf (key, "%d%s\n", m->severity, m->message);
    }
  if (g_strcmp0 (key->str, self->checklist_key) == 0 && gtk_widget_get_first_child (self->checklist) != NULL)
    return;
  g_free (self->checklist_key);
  self->checklist_key = g_strdup (key->str);
  list_clear (self->checklist);

  for (guint i = 0; i < mentions->len; i++)
    {
      const FacturesMissingMention *m = g_ptr_array_index ((GPtrArray *) mentions, i);

      gtk_list_box_append (GTK_LIST_BOX (self->checklist),
                           factures_info_row_new (m->message,
                                     m->severity == FACTURES_MENTION_ERROR
                                       ? _("Required to issue") : _("Warning"),
                                     m->severity == FACTURES_MENTION_ERROR
                                       ? "dialog-error-symbolic" : "dialog-warning-symbolic"));
    }
  if (mentions->len == 0)
    gtk_list_box_append (GTK_LIST_BOX (self->checklist),
                         factures_info_row_new (_("Every mandatory mention is present"), NULL, "emblem-ok-symbolic"));
}

void
factures_lifecycle_panel_refresh (FacturesLifecyclePanel *self)
{
  g_autoptr(GPtrArray) mentions = NULL;

  g_return_if_fail (FACTURES_IS_LIFECYCLE_PANEL (self));

  if (self->document == NULL || self->document->status != FACTURES_DOCUMENT_STATUS_DRAFT)
    {
      list_clear (self->checklist);
      g_clear_pointer (&self->checklist_key, g_free);
      gtk_widget_set_visible (self->checklist_group, FALSE);
      return;
    }
  mentions = factures_mentions_check (self->document);
  factures_lifecycle_panel_set_checklist (self, mentions);
}

void
factures_lifecycle_panel_set_document (FacturesLifecyclePanel *self,
                                       FacturesDocument       *document)
{
  g_return_if_fail (FACTURES_IS_LIFECYCLE_PANEL (self));

  self->document = document;
  self->loading = TRUE;

  if (document != NULL && document->kind == FACTURES_DOCUMENT_KIND_QUOTE)
    {
      g_autofree char *until = NULL;
      gboolean editable = document->status == FACTURES_DOCUMENT_STATUS_DRAFT;

      if (!g_date_valid (&document->valid_until) && g_date_valid (&document->issue_date))
        factures_quote_default_validity (&document->issue_date, &document->valid_until);
      until = g_date_valid (&document->valid_until) ? factures_date_format_fr (&document->valid_until) : NULL;
      gtk_editable_set_text (GTK_EDITABLE (self->valid_until_row), until ? until : "");
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->conditions_view),
                                document->conditions ? document->conditions : "", -1);
      gtk_editable_set_editable (GTK_EDITABLE (self->valid_until_row), editable);
      gtk_text_view_set_editable (self->conditions_view, editable);
      gtk_widget_set_visible (self->quote_group, TRUE);
    }
  else
    gtk_widget_set_visible (self->quote_group, FALSE);

  self->loading = FALSE;
  refresh_status (self);
  factures_lifecycle_panel_refresh (self);
}

/* ---- life cycle ---- */

static void
store_changed_cb (FacturesLifecyclePanel *self)
{
  if (self->document != NULL && self->document->status == FACTURES_DOCUMENT_STATUS_ISSUED)
    refresh_status (self);
}

static void
factures_lifecycle_panel_dispose (GObject *object)
{
  FacturesLifecyclePanel *self = FACTURES_LIFECYCLE_PANEL (object);

  if (self->store != NULL && self->changed_id != 0)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->checklist_key, g_free);
  self->document = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_LIFECYCLE_PANEL);

  G_OBJECT_CLASS (factures_lifecycle_panel_parent_class)->dispose (object);
}

static void
factures_lifecycle_panel_class_init (FacturesLifecyclePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = factures_lifecycle_panel_dispose;

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* A static library drops the self-registering constructor of the bundle. */
  factures_documents_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/documents/factures-lifecycle-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesLifecyclePanel, quote_group);
  gtk_widget_class_bind_template_child (widget_class, FacturesLifecyclePanel, valid_until_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesLifecyclePanel, conditions_view);
  gtk_widget_class_bind_template_child (widget_class, FacturesLifecyclePanel, status_group);
  gtk_widget_class_bind_template_child (widget_class, FacturesLifecyclePanel, status_rows);
  gtk_widget_class_bind_template_child (widget_class, FacturesLifecyclePanel, explanation);
  gtk_widget_class_bind_template_child (widget_class, FacturesLifecyclePanel, accept_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesLifecyclePanel, refuse_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesLifecyclePanel, deposit_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesLifecyclePanel, final_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesLifecyclePanel, credit_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesLifecyclePanel, checklist_group);
  gtk_widget_class_bind_template_child (widget_class, FacturesLifecyclePanel, checklist);
  gtk_widget_class_bind_template_callback (widget_class, quote_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, accept_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, refuse_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, deposit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, final_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, credit_clicked_cb);
}

static void
factures_lifecycle_panel_init (FacturesLifecyclePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  label_entry_row (self->valid_until_row, _("Valid until"));
  /* The buffer is not a template child. */
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->conditions_view), "changed",
                            G_CALLBACK (quote_field_changed), self);
}

GtkWidget *
factures_lifecycle_panel_new (FacturesStore *store)
{
  FacturesLifecyclePanel *self;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  self = g_object_new (FACTURES_TYPE_LIFECYCLE_PANEL, NULL);
  self->store = g_object_ref (store);
  self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
  return GTK_WIDGET (self);
}
