/* factures-bank-amount-dialog.c — the amount a bank credit pays on an invoice in another
 * currency than the euro
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-bank-amount-dialog.h"
#include "factures-currency.h"
#include "factures-error.h"
#include "factures-money.h"

struct _FacturesBankAmountDialog
{
  AdwMessageDialog  parent_instance;

  char             *field;

  /* template */
  GtkWidget        *amount;
};

G_DEFINE_FINAL_TYPE (FacturesBankAmountDialog, factures_bank_amount_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
factures_bank_amount_dialog_finalize (GObject *object)
{
  FacturesBankAmountDialog *self = FACTURES_BANK_AMOUNT_DIALOG (object);

  g_free (self->field);
  G_OBJECT_CLASS (factures_bank_amount_dialog_parent_class)->finalize (object);
}

static void
factures_bank_amount_dialog_class_init (FacturesBankAmountDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = factures_bank_amount_dialog_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/bank/factures-bank-amount-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesBankAmountDialog, amount);
}

static void
factures_bank_amount_dialog_init (FacturesBankAmountDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
factures_bank_amount_dialog_new (GtkWindow  *parent,
                                 const char *numbers,
                                 const char *currency,
                                 gint64      balance,
                                 gint64      credited)
{
  FacturesBankAmountDialog *self;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *balance_text = factures_currency_format (balance, currency);
  g_autofree char *credited_text = factures_money_format (credited);
  g_autofree char *plain = factures_money_format_plain (balance);

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  /* Translators: %s is an ISO 4217 currency code, e.g. GBP */
  heading = g_strdup_printf (_("Amount Paid in %s"), currency);
  /* Translators: invoice number, its balance ("1 000,00 GBP"), the euros the bank credited */
  body = g_strdup_printf (_("Invoice %s is in another currency than the euro; its balance is %s. The bank "
                            "credited %s. How much of the invoice does this transfer pay? The %s are "
                            "recorded as the payment’s amount in euros."),
                          numbers, balance_text, credited_text, credited_text);
  self = g_object_new (FACTURES_TYPE_BANK_AMOUNT_DIALOG, "transient-for", parent, "heading", heading,
                       "body", body, NULL);
  /* Translators: the field's name, %s is an ISO 4217 currency code */
  self->field = g_strdup_printf (_("Amount in %s"), currency);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->amount), self->field);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->amount), GTK_ACCESSIBLE_PROPERTY_LABEL, self->field, -1);
  gtk_editable_set_text (GTK_EDITABLE (self->amount), plain);
  return GTK_WIDGET (self);
}

gboolean
factures_bank_amount_dialog_get_amount (FacturesBankAmountDialog  *self,
                                        gint64                    *out_cents,
                                        GError                   **error)
{
  gint64 cents = 0;

  g_return_val_if_fail (FACTURES_IS_BANK_AMOUNT_DIALOG (self), FALSE);

  if (!factures_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->amount)), self->field, &cents, error))
    return FALSE;
  if (cents <= 0)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   /* Translators: %s is the field, "Amount in GBP" */
                   _("%s: the amount paid must be greater than zero."), self->field);
      return FALSE;
    }
  *out_cents = cents;
  return TRUE;
}

GtkWidget *
factures_bank_amount_dialog_get_entry (FacturesBankAmountDialog *self)
{
  g_return_val_if_fail (FACTURES_IS_BANK_AMOUNT_DIALOG (self), NULL);

  return self->amount;
}
