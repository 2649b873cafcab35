/* factures-payment-dialog.c — recording a payment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-currency.h"
#include "factures-file-chooser.h"
#include "factures-form.h"
#include "factures-message-dialog.h"
#include "factures-payment-cancel-dialog.h"
#include "factures-payment-candidate-row.h"
#include "factures-payment-dialog.h"
#include "factures-payment-fields.h"
#include "factures-payment-row.h"
#include "factures-receipt.h"
#include "factures-rows.h"
#include "factures-window.h"

typedef struct {
  gint64     document_id;
  char      *number;
  gint64     balance;
  GtkWidget *check;
} Candidate;

struct _FacturesPaymentDialog
{
  AdwWindow      parent_instance;

  FacturesStore *store;
  GPtrArray     *candidates;     /* Candidate* */
  gint64         payment_id;     /* once saved */
  gboolean       amount_edited;
  gboolean       setting_amount;
  gboolean       can_save;
  gint64         cancel_id;      /* the payment the "Cancel This Payment?" dialog is about */

  GtkWidget     *stack;
  GtkWidget     *save_button;
  GtkWidget     *cancel_button;
  GtkWidget     *invoices_group;
  GtkWidget     *payments_group;  /* the payments already recorded on the invoice (issue 10) */
  gint64         document_id;
  GtkWidget     *fields;          /* FacturesPaymentFields: date, amount, method, reference */
  GtkWidget     *date_row;
  GtkWidget     *amount_row;
  GtkWidget     *method_row;
  GtkWidget     *reference_row;
  GtkWidget     *excess_row;
  GtkWidget     *eur_row;         /* issue 13 item 4: shown for an invoice in another currency */
  char          *currency;        /* the invoice's currency, NULL for euros */
  GtkWidget     *warnings_label;
  GtkWidget     *errors_label;
  GtkWidget     *done_page;     /* AdwStatusPage */
  GtkFileChooserNative *chooser;
  FacturesPayment *saved;
};

G_DEFINE_FINAL_TYPE (FacturesPaymentDialog, factures_payment_dialog, ADW_TYPE_WINDOW)

static void
candidate_free (gpointer data)
{
  Candidate *c = data;

  g_free (c->number);
  g_free (c);
}

static void
toast (FacturesPaymentDialog *self,
       const char            *text)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  while (parent != NULL && !FACTURES_IS_WINDOW (parent))
    parent = gtk_window_get_transient_for (parent);
  if (parent != NULL)
    factures_window_add_toast (FACTURES_WINDOW (parent), text);
}

static void
show_error (GtkWindow  *parent,
            const char *heading,
            const char *body)
{
  factures_message_dialog_show (parent, heading, body);
}

/* ---- reading the form ---- */

static gint64
checked_balances (FacturesPaymentDialog *self)
{
  gint64 sum = 0;

  for (guint i = 0; i < self->candidates->len; i++)
    {
      Candidate *c = g_ptr_array_index (self->candidates, i);

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (c->check)))
        sum += c->balance;
    }
  return sum;
}

/* The payment as typed, or NULL with @error naming the field. */
static FacturesPayment *
collect (FacturesPaymentDialog *self,
         FacturesOverpayment   *out_overpayment,
         GError               **error)
{
  g_autoptr (FacturesPayment) payment = factures_payment_new ();
  g_autofree char *date = factures_editable_get_trimmed (self->date_row);
  g_autofree char *amount = factures_editable_get_trimmed (self->amount_row);
  g_autofree char *reference = factures_editable_get_trimmed (self->reference_row);

  if (!factures_date_parse_fr (date, _("Payment date"), &payment->date, error))
    return NULL;
  if (!factures_money_parse (amount, _("Amount"), &payment->amount, error))
    return NULL;
  if (self->currency != NULL)
    {
      g_autofree char *eur = factures_editable_get_trimmed (self->eur_row);

      /* Blank: the store names what is missing (factures_store_record_payment()). */
      if (*eur != '\0' && !factures_money_parse (eur, _("Amount credited in euros"), &payment->eur_amount, error))
        return NULL;
    }
  payment->method = (FacturesPaymentMethod) adw_combo_row_get_selected (ADW_COMBO_ROW (self->method_row));
  if (*reference != '\0')
    payment->reference = g_steal_pointer (&reference);
  for (guint i = 0; i < self->candidates->len; i++)
    {
      Candidate *c = g_ptr_array_index (self->candidates, i);

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (c->check)))
        factures_payment_add_allocation (payment, c->document_id, 0);
    }
  *out_overpayment = adw_combo_row_get_selected (ADW_COMBO_ROW (self->excess_row)) == 1
                     ? FACTURES_OVERPAYMENT_KEEP_CREDIT : FACTURES_OVERPAYMENT_REFUSE;
  return g_steal_pointer (&payment);
}

static void
set_label (GtkWidget  *label,
           const char *text)
{
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_visible (label, text != NULL && *text != '\0');
}

/* Checks with the store (nothing written) and shows warnings and refusals. */
static gboolean
validate (FacturesPaymentDialog *self)
{
  g_autoptr (FacturesPayment) payment = NULL;
  g_autoptr (GPtrArray) warnings = NULL;
  g_autoptr (GError) error = NULL;
  FacturesOverpayment overpayment = FACTURES_OVERPAYMENT_REFUSE;
  gboolean ok;

  payment = collect (self, &overpayment, &error);
  ok = payment != NULL &&
       factures_store_check_payment (self->store, payment, overpayment, &warnings, &error);

  set_label (self->errors_label, ok ? NULL : error->message);
  {
    g_autoptr (GString) text = g_string_new (NULL);

    for (guint i = 0; warnings != NULL && i < warnings->len; i++)
      g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", (const char *) g_ptr_array_index (warnings, i));
    if (ok && payment->credit > 0)
      {
        g_autofree char *credit = factures_money_format (payment->credit);

        if (text->len > 0)
          g_string_append_c (text, '\n');
        /* Translators: %s is an amount */
        g_string_append_printf (text, _("%s more than the balances will be kept as client credit."), credit);
      }
    set_label (self->warnings_label, text->str);
  }
  self->can_save = ok;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "payment.save", ok);
  return ok;
}

static void
on_changed (FacturesPaymentDialog *self)
{
  validate (self);
}

static void
on_amount_changed (FacturesPaymentDialog *self)
{
  if (!self->setting_amount)
    self->amount_edited = TRUE;
  validate (self);
}

static void
prefill_amount (FacturesPaymentDialog *self)
{
  g_autofree char *text = NULL;

  if (self->amount_edited)
    return;
  text = factures_money_format_plain (checked_balances (self));
  self->setting_amount = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), text);
  self->setting_amount = FALSE;
}

static void
on_check_toggled (FacturesPaymentDialog *self)
{
  prefill_amount (self);
  validate (self);
}

static void
on_method_changed (FacturesPaymentDialog *self)
{
  FacturesPaymentMethod method = adw_combo_row_get_selected (ADW_COMBO_ROW (self->method_row));
  const char *title = method == FACTURES_PAYMENT_METHOD_CHEQUE ? _("Cheque Number") : _("Reference");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reference_row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reference_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  validate (self);
}

/* ---- receipt ---- */

static void
receipt_response (GtkNativeDialog       *chooser,
                  int                    response,
                  FacturesPaymentDialog *self)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && self->saved != NULL && self->saved->allocations->len > 0)
    {
      const FacturesAllocation *a = &g_array_index (self->saved->allocations, FacturesAllocation, 0);
      g_autoptr (FacturesDocument) document = NULL;
      g_autoptr (GArray) lines = g_array_new (FALSE, TRUE, sizeof (FacturesReceiptLine));
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *method = factures_payment_describe_fr (self->saved);
      FacturesBalance balance = { 0 };
      FacturesReceiptLine line = { 0 };

      line.date = self->saved->date;
      line.amount = a->amount;
      line.method = method;
      line.payer = self->saved->payer;
      g_array_append_val (lines, line);

      if (factures_store_check_file (self->store, file, &error))
        document = factures_store_get_document (self->store, a->document_id, &error);
      if (document != NULL && factures_store_get_payment_balance (self->store, a->document_id, &balance, &error))
        bytes = factures_receipt_render (document, lines, balance.balance, &self->saved->date, &error);
      if (bytes == NULL ||
          !g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
        show_error (GTK_WINDOW (self), _("The receipt cannot be saved"), error->message);
      else
        {
          g_autofree char *basename = g_file_get_basename (file);
          /* Translators: %s is a file name */
          g_autofree char *message = g_strdup_printf (_("Receipt saved as “%s”"), basename);
          toast (self, message);
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static void
save_receipt (FacturesPaymentDialog *self)
{
  g_autofree char *name = NULL;

  if (self->chooser != NULL || self->saved == NULL || self->saved->allocations->len == 0)
    return;
  for (guint i = 0; i < self->candidates->len; i++)
    {
      Candidate *c = g_ptr_array_index (self->candidates, i);

      if (c->document_id == g_array_index (self->saved->allocations, FacturesAllocation, 0).document_id)
        name = g_strdup_printf ("recu-%s.pdf", c->number);
    }
  if (name == NULL)
    name = g_strdup ("recu.pdf");
  self->chooser = factures_file_chooser_new_save_pdf (GTK_WINDOW (self), _("Save Receipt"), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (receipt_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
save_receipt_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  save_receipt (FACTURES_PAYMENT_DIALOG (widget));
}

/* ---- saving ---- */

static void
on_save (FacturesPaymentDialog *self)
{
  g_autoptr (FacturesPayment) payment = NULL;
  g_autoptr (GPtrArray) warnings = NULL;
  g_autoptr (GError) error = NULL;
  FacturesOverpayment overpayment = FACTURES_OVERPAYMENT_REFUSE;
  g_autofree char *amount = NULL;
  g_autofree char *message = NULL;

  if (!validate (self))
    return;
  payment = collect (self, &overpayment, &error);
  if (payment == NULL ||
      !factures_store_record_payment (self->store, payment, overpayment, &warnings, &error))
    {
      set_label (self->errors_label, error->message);
      return;
    }

  amount = factures_currency_format (payment->amount, self->currency);
  /* Translators: %s is an amount */
  message = g_strdup_printf (_("Payment of %s recorded"), amount);
  toast (self, message);
  self->saved = g_steal_pointer (&payment);
  self->payment_id = self->saved->id;
  adw_status_page_set_description (ADW_STATUS_PAGE (self->done_page), message);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "done");
  gtk_widget_set_visible (self->save_button, FALSE);
  gtk_button_set_label (GTK_BUTTON (self->cancel_button), _("Close"));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  on_save (FACTURES_PAYMENT_DIALOG (widget));
}

/* ---- building ---- */

static void
add_candidates (FacturesPaymentDialog *self,
                gint64                 document_id)
{
  g_autoptr (FacturesDocument) document = NULL;
  g_autoptr (GListModel) rows = NULL;
  const char *client_name;

  document = factures_store_get_document (self->store, document_id, NULL);
  if (document == NULL)
    return;
  client_name = document->buyer != NULL ? document->buyer->party.name : NULL;
  rows = factures_store_list_documents (self->store, client_name, FACTURES_DOCUMENT_SORT_DUE, FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (FacturesDocumentRow) row = g_list_model_get_item (rows, i);
      gint64 id = factures_document_row_get_id (row);
      gint kind = factures_document_row_get_kind (row);
      FacturesBalance balance = { 0 };
      Candidate *c;
      GtkWidget *action_row;
      g_autofree char *subtitle = NULL;
      g_autofree char *amount = NULL;
      g_autofree char *due = NULL;
      GDate due_date;

      if (factures_document_row_get_status (row) != FACTURES_DOCUMENT_STATUS_ISSUED ||
          (kind != FACTURES_DOCUMENT_KIND_INVOICE && kind != FACTURES_DOCUMENT_KIND_DEPOSIT) ||
          g_strcmp0 (factures_document_row_get_client_name (row), client_name) != 0)
        continue;
      if (!factures_store_get_payment_balance (self->store, id, &balance, NULL))
        continue;
      if (balance.balance <= 0 && id != document_id)
        continue;

      /* Issue 13 item 4: one payment pays invoices of one currency, the first invoice's. */
      if (id != document_id)
        {
          g_autoptr (FacturesDocument) other = factures_store_get_document (self->store, id, NULL);

          if (other == NULL || g_strcmp0 (other->currency, document->currency) != 0)
            continue;
        }
      c = g_new0 (Candidate, 1);
      c->document_id = id;
      c->number = g_strdup (factures_document_row_get_number (row));
      c->balance = balance.balance;
      g_ptr_array_add (self->candidates, c);

      amount = factures_currency_format (balance.balance, document->currency);
      if (factures_date_parse_iso (factures_document_row_get_due_date (row), &due_date, NULL))
        due = factures_date_format_fr (&due_date);
      /* Translators: "Balance 1 234,00 € — due 15/03/2026" */
      subtitle = g_strdup_printf (_("Balance %s — due %s"), amount, due != NULL ? due : "—");
      action_row = factures_payment_candidate_row_new (c->number, subtitle, id == document_id);
      c->check = GTK_WIDGET (factures_payment_candidate_row_get_check (FACTURES_PAYMENT_CANDIDATE_ROW (action_row)));
      g_signal_connect_swapped (c->check, "toggled", G_CALLBACK (on_check_toggled), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->invoices_group), action_row);
    }
}

/* ---- the payments recorded: cancelled by a reversal, never erased (issue 10) ---- */

static void
cancel_response_cb (FacturesPaymentCancelDialog *dialog,
                    const char                  *response,
                    FacturesPaymentDialog       *self)
{
  g_autofree char *reason = NULL;

  if (g_strcmp0 (response, "cancel-payment") != 0)
    return;
  reason = factures_payment_cancel_dialog_get_reason (dialog);
  factures_payment_dialog_cancel_payment (self, self->cancel_id, reason);
}

/* "payment.cancel-payment" (x: the payment): asks for the reason first. */
static void
cancel_payment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  FacturesPaymentDialog *self = FACTURES_PAYMENT_DIALOG (widget);
  GtkWidget *dialog;

  self->cancel_id = g_variant_get_int64 (parameter);
  dialog = factures_payment_cancel_dialog_new (GTK_WINDOW (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (cancel_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_payments (FacturesPaymentDialog *self)
{
  g_autoptr (GPtrArray) payments = factures_store_list_payments (self->store, self->document_id, NULL);

  gtk_widget_set_visible (self->payments_group, payments != NULL && payments->len > 0);
  for (guint i = 0; payments != NULL && i < payments->len; i++)
    {
      const FacturesPayment *p = g_ptr_array_index (payments, i);
      GtkWidget *row = factures_payment_row_new (p);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->payments_group), row);
    }
}

gboolean
factures_payment_dialog_cancel_payment (FacturesPaymentDialog *self,
                                        gint64                 payment_id,
                                        const char            *reason)
{
  g_autoptr (GError) error = NULL;
  GtkWindow *parent;
  GDate today;

  g_return_val_if_fail (FACTURES_IS_PAYMENT_DIALOG (self), FALSE);

  factures_today (&today);
  if (!factures_store_cancel_payment (self->store, payment_id, &today, reason, &error))
    {
      set_label (self->errors_label, error->message);
      return FALSE;
    }
  toast (self, _("Payment cancelled"));
  /* The balances changed: the window opens again on the same invoice. */
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  factures_payment_dialog_open (parent, self->store, self->document_id);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
factures_payment_dialog_dispose (GObject *object)
{
  FacturesPaymentDialog *self = FACTURES_PAYMENT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_PAYMENT_DIALOG);
  g_clear_pointer (&self->currency, g_free);
  g_clear_object (&self->store);
  g_clear_pointer (&self->candidates, g_ptr_array_unref);
  g_clear_pointer (&self->saved, factures_payment_free);

  G_OBJECT_CLASS (factures_payment_dialog_parent_class)->dispose (object);
}

static void
factures_payment_dialog_class_init (FacturesPaymentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = factures_payment_dialog_dispose;

  g_type_ensure (FACTURES_TYPE_PAYMENT_FIELDS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/payments/factures-payment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesPaymentDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, FacturesPaymentDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesPaymentDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesPaymentDialog, invoices_group);
  gtk_widget_class_bind_template_child (widget_class, FacturesPaymentDialog, payments_group);
  gtk_widget_class_bind_template_child (widget_class, FacturesPaymentDialog, fields);
  gtk_widget_class_bind_template_child (widget_class, FacturesPaymentDialog, excess_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesPaymentDialog, eur_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesPaymentDialog, warnings_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesPaymentDialog, errors_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesPaymentDialog, done_page);

  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_install_action (widget_class, "payment.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "payment.save-receipt", NULL, save_receipt_action);
  gtk_widget_class_install_action (widget_class, "payment.cancel-payment", "x", cancel_payment_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
factures_payment_dialog_init (FacturesPaymentDialog *self)
{
  const char *excess[] = { _("Refuse"), _("Keep as Client Credit"), NULL };
  g_autoptr (GtkStringList) excess_list = gtk_string_list_new (excess);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->candidates = g_ptr_array_new_with_free_func (candidate_free);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->excess_row), G_LIST_MODEL (excess_list));
  self->date_row = factures_payment_fields_get_date_row (FACTURES_PAYMENT_FIELDS (self->fields));
  self->amount_row = factures_payment_fields_get_amount_row (FACTURES_PAYMENT_FIELDS (self->fields));
  self->method_row = factures_payment_fields_get_method_row (FACTURES_PAYMENT_FIELDS (self->fields));
  self->reference_row = factures_payment_fields_get_reference_row (FACTURES_PAYMENT_FIELDS (self->fields));

  g_signal_connect_swapped (self->date_row, "changed", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->amount_row, "changed", G_CALLBACK (on_amount_changed), self);
  g_signal_connect_swapped (self->reference_row, "changed", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->method_row, "notify::selected", G_CALLBACK (on_method_changed), self);
  g_signal_connect_swapped (self->excess_row, "notify::selected", G_CALLBACK (on_changed), self);
}

GtkWidget *
factures_payment_dialog_open (GtkWindow     *parent,
                              FacturesStore *store,
                              gint64         document_id)
{
  FacturesPaymentDialog *self;
  g_autoptr (FacturesDocument) document = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  document = factures_store_get_document (store, document_id, &error);
  if (document == NULL)
    {
      show_error (parent, _("The invoice cannot be read"), error->message);
      return NULL;
    }

  self = g_object_new (FACTURES_TYPE_PAYMENT_DIALOG, NULL);
  self->store = g_object_ref (store);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  self->document_id = document_id;
  if (!factures_currency_is_euro (document->currency))
    {
      /* Translators: the title of the amount row for an invoice in another currency, "Amount in GBP" */
      g_autofree char *title = g_strdup_printf (_("Amount in %s"), document->currency);

      self->currency = g_strdup (document->currency);
      factures_payment_fields_set_amount_title (FACTURES_PAYMENT_FIELDS (self->fields), title);
      gtk_widget_set_visible (self->eur_row, TRUE);
    }
  add_candidates (self, document_id);
  add_payments (self);
  prefill_amount (self);
  validate (self);
  gtk_window_present (GTK_WINDOW (self));
  return GTK_WIDGET (self);
}

void
factures_payment_dialog_set_fields (FacturesPaymentDialog *self,
                                    const char            *date,
                                    const char            *amount,
                                    gint                   method,
                                    const char            *reference)
{
  g_return_if_fail (FACTURES_IS_PAYMENT_DIALOG (self));

  factures_payment_fields_set (FACTURES_PAYMENT_FIELDS (self->fields), date, amount, method, reference);
}

const char *
factures_payment_dialog_get_warnings (FacturesPaymentDialog *self)
{
  g_return_val_if_fail (FACTURES_IS_PAYMENT_DIALOG (self), NULL);
  return gtk_widget_get_visible (self->warnings_label) ? gtk_label_get_text (GTK_LABEL (self->warnings_label)) : "";
}

const char *
factures_payment_dialog_get_errors (FacturesPaymentDialog *self)
{
  g_return_val_if_fail (FACTURES_IS_PAYMENT_DIALOG (self), NULL);
  return gtk_widget_get_visible (self->errors_label) ? gtk_label_get_text (GTK_LABEL (self->errors_label)) : "";
}

gboolean
factures_payment_dialog_save (FacturesPaymentDialog *self)
{
  g_return_val_if_fail (FACTURES_IS_PAYMENT_DIALOG (self), FALSE);
  if (!self->can_save)
    return FALSE;
  on_save (self);
  return self->saved != NULL;
}
