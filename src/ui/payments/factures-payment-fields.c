/* factures-payment-fields.c — the fields of a payment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-payment-fields.h"

struct _FacturesPaymentFields
{
  AdwPreferencesGroup parent_instance;

  GtkWidget          *date_row;
  GtkWidget          *amount_row;
  GtkWidget          *method_row;
  GtkWidget          *reference_row;
};

G_DEFINE_FINAL_TYPE (FacturesPaymentFields, factures_payment_fields, ADW_TYPE_PREFERENCES_GROUP)

/* libadwaita 1.2 labels an entry row by its title and its placeholder title, which AT-SPI
 * reads as "Name Name": name the row once, by its title (as factures_entry_row_name_once()). */
static void
name_row (GtkWidget *row)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

static void
factures_payment_fields_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), FACTURES_TYPE_PAYMENT_FIELDS);
  G_OBJECT_CLASS (factures_payment_fields_parent_class)->dispose (object);
}

static void
factures_payment_fields_class_init (FacturesPaymentFieldsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = factures_payment_fields_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/payments/factures-payment-fields.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesPaymentFields, date_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesPaymentFields, amount_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesPaymentFields, method_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesPaymentFields, reference_row);
}

static void
factures_payment_fields_init (FacturesPaymentFields *self)
{
  g_autoptr (GtkStringList) methods = gtk_string_list_new (NULL);
  g_autofree char *today_text = NULL;
  GDate today;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < FACTURES_N_PAYMENT_METHODS; i++)
    gtk_string_list_append (methods, factures_payment_method_label ((FacturesPaymentMethod) i));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->method_row), G_LIST_MODEL (methods));

  factures_today (&today);
  today_text = factures_date_format_fr (&today);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today_text);

  name_row (self->date_row);
  name_row (self->amount_row);
  name_row (self->reference_row);
}

GtkWidget *
factures_payment_fields_new (void)
{
  return g_object_new (FACTURES_TYPE_PAYMENT_FIELDS, NULL);
}

void
factures_payment_fields_set_amount_title (FacturesPaymentFields *self,
                                          const char            *title)
{
  g_return_if_fail (FACTURES_IS_PAYMENT_FIELDS (self));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->amount_row), title);
  name_row (self->amount_row);
}

GtkWidget *
factures_payment_fields_get_date_row (FacturesPaymentFields *self)
{
  g_return_val_if_fail (FACTURES_IS_PAYMENT_FIELDS (self), NULL);
  return self->date_row;
}

GtkWidget *
factures_payment_fields_get_amount_row (FacturesPaymentFields *self)
{
  g_return_val_if_fail (FACTURES_IS_PAYMENT_FIELDS (self), NULL);
  return self->amount_row;
}

GtkWidget *
factures_payment_fields_get_method_row (FacturesPaymentFields *self)
{
  g_return_val_if_fail (FACTURES_IS_PAYMENT_FIELDS (self), NULL);
  return self->method_row;
}

GtkWidget *
factures_payment_fields_get_reference_row (FacturesPaymentFields *self)
{
  g_return_val_if_fail (FACTURES_IS_PAYMENT_FIELDS (self), NULL);
  return self->reference_row;
}

FacturesPaymentMethod
factures_payment_fields_get_method (FacturesPaymentFields *self)
{
  g_return_val_if_fail (FACTURES_IS_PAYMENT_FIELDS (self), 0);
  return (FacturesPaymentMethod) adw_combo_row_get_selected (ADW_COMBO_ROW (self->method_row));
}

void
factures_payment_fields_set (FacturesPaymentFields *self,
                             const char            *date,
                             const char            *amount,
                             gint                   method,
                             const char            *reference)
{
  g_return_if_fail (FACTURES_IS_PAYMENT_FIELDS (self));

  if (date != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  if (amount != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->amount_row), amount);
  if (method >= 0 && method < FACTURES_N_PAYMENT_METHODS)
    adw_combo_row_set_selected (ADW_COMBO_ROW (self->method_row), (guint) method);
  if (reference != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->reference_row), reference);
}
