/* factures-payment-fields.h — the fields of a payment: date, amount, method, reference
 *
 * One group of rows shared by the payment dialog and the imported-sale payment dialog:
 * "Payment Date" (today by default), the amount (its title given by the dialog), "Payment
 * Method" over every FacturesPaymentMethod in order, and "Reference". The dialogs validate
 * the rows they get from here; more rows may be added to the group.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store-payments.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_PAYMENT_FIELDS (factures_payment_fields_get_type ())
G_DECLARE_FINAL_TYPE (FacturesPaymentFields, factures_payment_fields, FACTURES, PAYMENT_FIELDS, AdwPreferencesGroup)

GtkWidget *factures_payment_fields_new              (void);
/* The title of the amount row ("Amount" by default), also its accessible name. */
void       factures_payment_fields_set_amount_title (FacturesPaymentFields *self,
                                                     const char            *title);
GtkWidget *factures_payment_fields_get_date_row      (FacturesPaymentFields *self);
GtkWidget *factures_payment_fields_get_amount_row    (FacturesPaymentFields *self);
GtkWidget *factures_payment_fields_get_method_row    (FacturesPaymentFields *self);
GtkWidget *factures_payment_fields_get_reference_row (FacturesPaymentFields *self);
FacturesPaymentMethod factures_payment_fields_get_method (FacturesPaymentFields *self);
/* Fills the rows as a user would type them; NULL (or @method −1) leaves a row as it is. */
void       factures_payment_fields_set              (FacturesPaymentFields *self,
                                                     const char            *date,
                                                     const char            *amount,
                                                     gint                   method,
                                                     const char            *reference);

G_END_DECLS
