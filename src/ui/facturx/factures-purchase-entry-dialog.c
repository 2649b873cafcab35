/* factures-purchase-entry-dialog.c — « Ajouter un achat… » (see factures-purchase-entry-dialog.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-form.h"
#include "factures-purchase-entry-dialog.h"
#include "factures-store-purchases.h"

struct _FacturesPurchaseEntryDialog
{
  AdwWindow      parent_instance;

  FacturesStore *store;
  FacturesForm  *form;

  GtkWidget     *date_row;
  GtkWidget     *supplier_row;
  GtkWidget     *reference_row;
  GtkWidget     *nature_row;
  GtkWidget     *amount_row;
  GtkWidget     *method_row;
  GtkWidget     *errors_label;
};

G_DEFINE_FINAL_TYPE (FacturesPurchaseEntryDialog, factures_purchase_entry_dialog, ADW_TYPE_WINDOW)

/* The same checks as the store's, field by field while typing; fills @out_* when right. */
static gboolean
validate (FacturesPurchaseEntryDialog *self, GDate *out_date, gint64 *out_amount)
{
  g_autofree char *date_text = factures_editable_get_trimmed (self->date_row);
  g_autofree char *supplier = factures_editable_get_trimmed (self->supplier_row);
  g_autofree char *amount_text = factures_editable_get_trimmed (self->amount_row);
  g_autoptr(GError) error = NULL;
  GDate date, today;
  gint64 amount = 0;

  g_date_clear (&date, 1);
  if (!factures_date_parse_fr (date_text, _("Date"), &date, &error))
    factures_form_set_error (self->form, self->date_row, error->message);
  else
    {
      factures_today (&today);
      if (g_date_compare (&date, &today) > 0)
        {
          g_autofree char *message = g_strdup_printf (_("Date: %s is later than today; a purchase is recorded once it is paid."),
                                                      date_text);

          factures_form_set_error (self->form, self->date_row, message);
        }
      else
        factures_form_set_error (self->form, self->date_row, NULL);
    }
  g_clear_error (&error);
  factures_form_set_error (self->form, self->supplier_row,
                           *supplier == '\0' ? _("Supplier: who sold it is required.") : NULL);
  if (*amount_text == '\0')
    factures_form_set_error (self->form, self->amount_row, _("Amount: the amount paid is required."));
  else if (!factures_money_parse (amount_text, _("Amount"), &amount, &error))
    factures_form_set_error (self->form, self->amount_row, error->message);
  else if (amount <= 0)
    factures_form_set_error (self->form, self->amount_row, _("Amount: a purchase must be greater than zero."));
  else
    factures_form_set_error (self->form, self->amount_row, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "purchase-entry.save", !factures_form_has_errors (self->form));
  if (factures_form_has_errors (self->form))
    return FALSE;
  if (out_date != NULL)
    *out_date = date;
  if (out_amount != NULL)
    *out_amount = amount;
  return TRUE;
}

static void
changed_cb (FacturesPurchaseEntryDialog *self)
{
  if (self->form != NULL)
    validate (self, NULL, NULL);
}

/**
 * factures_purchase_entry_dialog_save:
 * (see factures-purchase-entry-dialog.h)
 */
gboolean
factures_purchase_entry_dialog_save (FacturesPurchaseEntryDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *supplier = NULL, *reference = NULL, *nature = NULL;
  GDate date;
  gint64 amount = 0;

  g_return_val_if_fail (FACTURES_IS_PURCHASE_ENTRY_DIALOG (self), FALSE);

  if (!validate (self, &date, &amount))
    return FALSE;
  supplier = factures_editable_get_trimmed (self->supplier_row);
  reference = factures_editable_get_trimmed (self->reference_row);
  nature = factures_editable_get_trimmed (self->nature_row);
  if (factures_store_add_purchase (self->store, &date, supplier, reference, nature, amount,
                                   (FacturesPaymentMethod) adw_combo_row_get_selected (ADW_COMBO_ROW (self->method_row)),
                                   &error) == 0)
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
  factures_purchase_entry_dialog_save (FACTURES_PURCHASE_ENTRY_DIALOG (widget));
}

/**
 * factures_purchase_entry_dialog_set_fields:
 * (see factures-purchase-entry-dialog.h)
 */
void
factures_purchase_entry_dialog_set_fields (FacturesPurchaseEntryDialog *self,
                                           const char                  *date,
                                           const char                  *supplier,
                                           const char                  *reference,
                                           const char                  *nature,
                                           const char                  *amount,
                                           gint                         method)
{
  g_return_if_fail (FACTURES_IS_PURCHASE_ENTRY_DIALOG (self));

  if (date != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  if (supplier != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->supplier_row), supplier);
  if (reference != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->reference_row), reference);
  if (nature != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->nature_row), nature);
  if (amount != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->amount_row), amount);
  if (method >= 0 && method < FACTURES_N_PAYMENT_METHODS)
    adw_combo_row_set_selected (ADW_COMBO_ROW (self->method_row), (guint) method);
  validate (self, NULL, NULL);
}

/**
 * factures_purchase_entry_dialog_get_errors:
 * (see factures-purchase-entry-dialog.h)
 */
const char *
factures_purchase_entry_dialog_get_errors (FacturesPurchaseEntryDialog *self)
{
  g_return_val_if_fail (FACTURES_IS_PURCHASE_ENTRY_DIALOG (self), "");
  return gtk_widget_get_visible (self->errors_label) ? gtk_label_get_text (GTK_LABEL (self->errors_label)) : "";
}

static void
factures_purchase_entry_dialog_dispose (GObject *object)
{
  FacturesPurchaseEntryDialog *self = FACTURES_PURCHASE_ENTRY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_PURCHASE_ENTRY_DIALOG);
  g_clear_object (&self->form);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (factures_purchase_entry_dialog_parent_class)->dispose (object);
}

static void
factures_purchase_entry_dialog_class_init (FacturesPurchaseEntryDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = factures_purchase_entry_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/facturx/factures-purchase-entry-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesPurchaseEntryDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesPurchaseEntryDialog, supplier_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesPurchaseEntryDialog, reference_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesPurchaseEntryDialog, nature_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesPurchaseEntryDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesPurchaseEntryDialog, method_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesPurchaseEntryDialog, errors_label);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_install_action (widget_class, "purchase-entry.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
factures_purchase_entry_dialog_init (FacturesPurchaseEntryDialog *self)
{
  g_autoptr(GtkStringList) methods = gtk_string_list_new (NULL);
  g_autofree char *today_text = NULL;
  GDate today;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < FACTURES_N_PAYMENT_METHODS; i++)
    gtk_string_list_append (methods, factures_payment_method_label ((FacturesPaymentMethod) i));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->method_row), G_LIST_MODEL (methods));
  factures_entry_row_name_once (self->date_row);
  factures_entry_row_name_once (self->supplier_row);
  factures_entry_row_name_once (self->reference_row);
  factures_entry_row_name_once (self->nature_row);
  factures_entry_row_name_once (self->amount_row);

  factures_today (&today);
  today_text = factures_date_format_fr (&today);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today_text);
  self->form = factures_form_new (GTK_LABEL (self->errors_label));
}

/**
 * factures_purchase_entry_dialog_new:
 * (see factures-purchase-entry-dialog.h)
 *
 * Returns: (transfer none): the dialog, not presented
 */
GtkWindow *
factures_purchase_entry_dialog_new (GtkWindow     *parent,
                                    FacturesStore *store)
{
  FacturesPurchaseEntryDialog *self;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  self = g_object_new (FACTURES_TYPE_PURCHASE_ENTRY_DIALOG, NULL);
  self->store = g_object_ref (store);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  validate (self, NULL, NULL);
  return GTK_WINDOW (self);
}
