/* factures-payment-row.c — one payment recorded on an invoice, in the payment dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-date.h"
#include "factures-money.h"
#include "factures-payment-row.h"

struct _FacturesPaymentRow
{
  AdwActionRow  parent_instance;

  GtkWidget    *cancel_button;
};

G_DEFINE_FINAL_TYPE (FacturesPaymentRow, factures_payment_row, ADW_TYPE_ACTION_ROW)

static void
factures_payment_row_class_init (FacturesPaymentRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/payments/factures-payment-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesPaymentRow, cancel_button);
}

static void
factures_payment_row_init (FacturesPaymentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
factures_payment_row_new (const FacturesPayment *payment)
{
  FacturesPaymentRow *self = g_object_new (FACTURES_TYPE_PAYMENT_ROW, NULL);
  g_autofree char *date = factures_date_format_fr (&payment->date);
  g_autofree char *amount = factures_money_format (payment->amount);
  /* Translators: "05/03/2026 — 240,00 € — Cheque" */
  g_autofree char *title = g_strdup_printf (_("%s — %s — %s"), date, amount,
                                            factures_payment_method_label (payment->method));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  if (g_date_valid (&payment->cancelled_on))
    {
      g_autofree char *on = factures_date_format_fr (&payment->cancelled_on);
      /* Translators: "Cancelled on 20/03/2026: bounced cheque" */
      g_autofree char *subtitle = g_strdup_printf (_("Cancelled on %s: %s"), on,
                                                   payment->cancel_reason != NULL ? payment->cancel_reason : "");

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
      gtk_widget_add_css_class (GTK_WIDGET (self), "dim-label");
      gtk_widget_set_visible (self->cancel_button, FALSE);
    }
  else
    {
      /* The target first: the action takes an int64 (x). */
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->cancel_button),
                                              g_variant_new_int64 (payment->id));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->cancel_button), "payment.cancel-payment");
      if (payment->reference != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (self), payment->reference);
    }
  return GTK_WIDGET (self);
}
