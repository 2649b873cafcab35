/* factures-imported-payment-dialog.c — "Record Payment…" of an imported sale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-form.h"
#include "factures-imported-payment-dialog.h"
#include "factures-store-receipts.h"

struct _FacturesImportedPaymentDialog
{
  AdwWindow      parent_instance;

  FacturesStore *store;
  gint64         imported_id;
  gboolean       in_euros;       /* the file is in EUR: the amount may stay as its amount due */

  FacturesForm  *form;
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
                             _("Amount: this invoice is not in euros; give the amount received in euros."));
  else if (*amount_text != '\0' && !factures_money_parse (amount_text, _("Amount"), &amount, &error))
    factures_form_set_error (self->form, self->amount_row, error->message);
  else if (*amount_text != '\0' && amount <= 0)
    factures_form_set_error (self->form, self->amount_row, _("Amount: a payment must be greater than zero."));
  else
    factures_form_set_error (self->form, self->amount_row, NULL);

  gtk_widget_set_sensitive (self->save_button, !factures_form_has_errors (self->form));
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
  if (!factures_store_record_imported_payment (self->store, self->imported_id, &date,
                                               (FacturesPaymentMethod) adw_combo_row_get_selected (ADW_COMBO_ROW (self->method_row)),
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
save_clicked_cb (FacturesImportedPaymentDialog *self)
{
  factures_imported_payment_dialog_save (self);
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

  if (date != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  if (amount != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->amount_row), amount);
  if (method >= 0 && method < FACTURES_N_PAYMENT_METHODS)
    adw_combo_row_set_selected (ADW_COMBO_ROW (self->method_row), (guint) method);
  if (reference != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->reference_row), reference);
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

  g_clear_object (&self->form);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (factures_imported_payment_dialog_parent_class)->dispose (object);
}

static void
factures_imported_payment_dialog_class_init (FacturesImportedPaymentDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = factures_imported_payment_dialog_dispose;
}

static void
factures_imported_payment_dialog_init (FacturesImportedPaymentDialog *self)
{
  const char *methods[FACTURES_N_PAYMENT_METHODS + 1];
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_label (_("Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *today_text = NULL;
  GDate today;

  for (guint i = 0; i < FACTURES_N_PAYMENT_METHODS; i++)
    methods[i] = factures_payment_method_label ((FacturesPaymentMethod) i);
  methods[FACTURES_N_PAYMENT_METHODS] = NULL;

  gtk_window_set_title (GTK_WINDOW (self), _("Record Payment"));
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 460);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->save_button = gtk_button_new_with_label (_("Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  gtk_box_append (GTK_BOX (box), header);

  self->errors_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->errors_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->errors_label), 0);
  gtk_widget_add_css_class (self->errors_label, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->errors_label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Input errors"), -1);
  self->form = factures_form_new (GTK_LABEL (self->errors_label));

  self->date_row = factures_entry_row_new (_("Payment Date"));
  factures_today (&today);
  today_text = factures_date_format_fr (&today);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today_text);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->date_row);
  self->amount_row = factures_entry_row_new (_("Amount Received (€)"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->amount_row);
  self->method_row = factures_combo_row_new (_("Payment Method"), methods);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->method_row);
  self->reference_row = factures_entry_row_new (_("Reference"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->reference_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  {
    GtkWidget *messages = adw_preferences_group_new ();

    adw_preferences_group_add (ADW_PREFERENCES_GROUP (messages), self->errors_label);
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (messages));
  }
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);

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
