/* factures-imported-payment-dialog.c — "Record Payment…" of an imported sale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-form.h"
#include "factures-imported-payment-dialog.h"
#include "factures-payment-fields.h"
#include "factures-store-purchases.h"
#include "factures-store-receipts.h"

struct _FacturesImportedPaymentDialog
{
  AdwWindow      parent_instance;

  FacturesStore *store;
  gint64         imported_id;
  gboolean       in_euros;       /* the file is in EUR: the amount may stay as its amount due */
  gboolean       purchase;       /* a supplier invoice of Achats (issue 17): its payment goes out */

  FacturesForm  *form;
  GtkWidget     *fields;         /* FacturesPaymentFields */
  GtkWidget     *date_row;
  GtkWidget     *amount_row;
  GtkWidget     *method_row;
  GtkWidget     *reference_row;
  GtkWidget     *errors_label;
  GtkWidget     *save_button;
};

G_DEFINE_FINAL_TYPE (FacturesImportedPaymentDialog, factures_imported_payment_dialog, ADW_TYPE_WINDOW)

/* Checks the fields; fills @out_* when they are right. Messages go to the form. */
static gboolean
validate (FacturesImportedPaymentDialog *self, GDate *out_date, gint64 *out_amount)
{
  g_autofree char *date_text = factures_editable_get_trimmed (self->date_row);
  g_autofree char *amount_text = factures_editable_get_trimmed (self->amount_row);
  g_autoptr(GError) error = NULL;
  GDate date, today;
  gint64 amount = 0;

  if (!factures_date_parse_fr (date_text, _("Payment Date"), &date, &error))
    factures_form_set_error (self->form, self->date_row, error->message);
  else
    {
      factures_today (&today);
      if (g_date_compare (&date, &today) > 0)
        {
          g_autofree char *message = g_strdup_printf (_("Payment Date: %s is later than today."), date_text);

          factures_form_set_error (self->form, self->date_row, message);
        }
      else
        factures_form_set_error (self->form, self->date_row, NULL);
    }
  g_clear_error (&error);
  if (*amount_text == '\0' && !self->in_euros)
    factures_form_set_error (self->form, self->amount_row,
                             self->purchase ? _("Amount: this invoice is not in euros; give the amount paid in euros.")
                                            : _("Amount: this invoice is not in euros; give the amount received in euros."));
  else if (*amount_text != '\0' && !factures_money_parse (amount_text, _("Amount"), &amount, &error))
    factures_form_set_error (self->form, self->amount_row, error->message);
  else if (*amount_text != '\0' && amount <= 0)
    factures_form_set_error (self->form, self->amount_row, _("Amount: a payment must be greater than zero."));
  else
    factures_form_set_error (self->form, self->amount_row, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "imported-payment.save", !factures_form_has_errors (self->form));
  if (factures_form_has_errors (self->form))
    return FALSE;
  if (out_date != NULL)
    *out_date = date;
  if (out_amount != NULL)
    *out_amount = amount;
  return TRUE;
}

static void
changed_cb (FacturesImportedPaymentDialog *self)
{
  validate (self, NULL, NULL);
}

/**
 * factures_imported_payment_dialog_save:
 * (see factures-imported-payment-dialog.h)
 */
gboolean
factures_imported_payment_dialog_save (FacturesImportedPaymentDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;
  GDate date;
  gint64 amount = 0;

  g_return_val_if_fail (FACTURES_IS_IMPORTED_PAYMENT_DIALOG (self), FALSE);

  if (!validate (self, &date, &amount))
    return FALSE;
  reference = factures_editable_get_trimmed (self->reference_row);
  if (self->purchase
      ? !factures_store_record_purchase_payment (self->store, self->imported_id, &date,
                                                 factures_payment_fields_get_method (FACTURES_PAYMENT_FIELDS (self->fields)),
                                                 amount, reference, &error)
      : !factures_store_record_imported_payment (self->store, self->imported_id, &date,
                                                 factures_payment_fields_get_method (FACTURES_PAYMENT_FIELDS (self->fields)),
                                                 amount, reference, &error))
    {
      /* Refused by the store (nothing stored): said under the form, the dialog stays open. */
      gtk_label_set_text (GTK_LABEL (self->errors_label), error->message);
      gtk_widget_set_visible (self->errors_label, TRUE);
      return FALSE;
    }
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  factures_imported_payment_dialog_save (FACTURES_IMPORTED_PAYMENT_DIALOG (widget));
}

/**
 * factures_imported_payment_dialog_set_fields:
 * (see factures-imported-payment-dialog.h)
 */
void
factures_imported_payment_dialog_set_fields (FacturesImportedPaymentDialog *self,
                                             const char                    *date,
                                             const char                    *amount,
                                             gint                           method,
                                             const char                    *reference)
{
  g_return_if_fail (FACTURES_IS_IMPORTED_PAYMENT_DIALOG (self));

  factures_payment_fields_set (FACTURES_PAYMENT_FIELDS (self->fields), date, amount, method, reference);
  validate (self, NULL, NULL);
}

/**
 * factures_imported_payment_dialog_get_errors:
 * (see factures-imported-payment-dialog.h)
 */
const char *
factures_imported_payment_dialog_get_errors (FacturesImportedPaymentDialog *self)
{
  g_return_val_if_fail (FACTURES_IS_IMPORTED_PAYMENT_DIALOG (self), "");
  return gtk_widget_get_visible (self->errors_label) ? gtk_label_get_text (GTK_LABEL (self->errors_label)) : "";
}

static void
factures_imported_payment_dialog_dispose (GObject *object)
{
  FacturesImportedPaymentDialog *self = FACTURES_IMPORTED_PAYMENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_IMPORTED_PAYMENT_DIALOG);
  g_clear_object (&self->form);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (factures_imported_payment_dialog_parent_class)->dispose (object);
}

static void
factures_imported_payment_dialog_class_init (FacturesImportedPaymentDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = factures_imported_payment_dialog_dispose;

  g_type_ensure (FACTURES_TYPE_PAYMENT_FIELDS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/register/factures-imported-payment-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesImportedPaymentDialog, fields);
  gtk_widget_class_bind_template_child (widget_class, FacturesImportedPaymentDialog, errors_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesImportedPaymentDialog, save_button);
  gtk_widget_class_install_action (widget_class, "imported-payment.save", NULL, save_action);
}

static void
factures_imported_payment_dialog_init (FacturesImportedPaymentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->form = factures_form_new (GTK_LABEL (self->errors_label));
  factures_payment_fields_set_amount_title (FACTURES_PAYMENT_FIELDS (self->fields), _("Amount Received (€)"));
  self->date_row = factures_payment_fields_get_date_row (FACTURES_PAYMENT_FIELDS (self->fields));
  self->amount_row = factures_payment_fields_get_amount_row (FACTURES_PAYMENT_FIELDS (self->fields));
  self->method_row = factures_payment_fields_get_method_row (FACTURES_PAYMENT_FIELDS (self->fields));
  self->reference_row = factures_payment_fields_get_reference_row (FACTURES_PAYMENT_FIELDS (self->fields));

  g_signal_connect_swapped (self->date_row, "changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (self->amount_row, "changed", G_CALLBACK (changed_cb), self);
}

/**
 * factures_imported_payment_dialog_new:
 * (see factures-imported-payment-dialog.h)
 *
 * Returns: (transfer none): the dialog, not presented
 */
GtkWindow *
factures_imported_payment_dialog_new (GtkWindow     *parent,
                                      FacturesStore *store,
                                      gint64         imported_id)
{
  FacturesImportedPaymentDialog *self;
  g_autoptr(FacturesImportedSale) sale = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  self = g_object_new (FACTURES_TYPE_IMPORTED_PAYMENT_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->imported_id = imported_id;
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  sale = factures_store_get_imported_sale (store, imported_id, NULL);
  if (sale != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Payment of %s"), sale->number);

      gtk_window_set_title (GTK_WINDOW (self), title);
      self->in_euros = sale->due_payable_cents > 0;
      if (self->in_euros)
        {
          g_autofree char *amount = factures_money_format_plain (sale->due_payable_cents);

          gtk_editable_set_text (GTK_EDITABLE (self->amount_row), amount);
        }
    }
  validate (self, NULL, NULL);
  return GTK_WINDOW (self);
}

/**
 * factures_imported_payment_dialog_new_purchase:
 * (see factures-imported-payment-dialog.h)
 *
 * Returns: (transfer none): the dialog, not presented
 */
GtkWindow *
factures_imported_payment_dialog_new_purchase (GtkWindow     *parent,
                                               FacturesStore *store,
                                               gint64         imported_id,
                                               const char    *number,
                                               gint64         due_cents)
{
  FacturesImportedPaymentDialog *self;
  g_autofree char *title = g_strdup_printf (_("Payment of %s"), number);

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  self = g_object_new (FACTURES_TYPE_IMPORTED_PAYMENT_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->imported_id = imported_id;
  self->purchase = TRUE;
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  gtk_window_set_title (GTK_WINDOW (self), title);
  factures_payment_fields_set_amount_title (FACTURES_PAYMENT_FIELDS (self->fields), _("Amount Paid (€)"));
  self->in_euros = due_cents > 0;
  if (self->in_euros)
    {
      g_autofree char *amount = factures_money_format_plain (due_cents);

      gtk_editable_set_text (GTK_EDITABLE (self->amount_row), amount);
    }
  validate (self, NULL, NULL);
  return GTK_WINDOW (self);
}
