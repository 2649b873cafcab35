/* factures-payment-candidate-row.c — an unpaid invoice a payment may settle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "factures-payment-candidate-row.h"

struct _FacturesPaymentCandidateRow
{
  AdwActionRow    parent_instance;

  GtkCheckButton *check;
};

G_DEFINE_FINAL_TYPE (FacturesPaymentCandidateRow, factures_payment_candidate_row, ADW_TYPE_ACTION_ROW)

static void
factures_payment_candidate_row_class_init (FacturesPaymentCandidateRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/payments/factures-payment-candidate-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesPaymentCandidateRow, check);
}

static void
factures_payment_candidate_row_init (FacturesPaymentCandidateRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
factures_payment_candidate_row_new (const char *number,
                                    const char *subtitle,
                                    gboolean    active)
{
  FacturesPaymentCandidateRow *self = g_object_new (FACTURES_TYPE_PAYMENT_CANDIDATE_ROW, "title", number, NULL);

  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check), GTK_ACCESSIBLE_PROPERTY_LABEL, number, -1);
  gtk_check_button_set_active (self->check, active);
  return GTK_WIDGET (self);
}

GtkCheckButton *
factures_payment_candidate_row_get_check (FacturesPaymentCandidateRow *self)
{
  g_return_val_if_fail (FACTURES_IS_PAYMENT_CANDIDATE_ROW (self), NULL);

  return self->check;
}
