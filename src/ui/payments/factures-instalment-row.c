/* factures-instalment-row.c — one instalment of the plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-instalment-row.h"
#include "factures-money.h"
#include "factures-date.h"

struct _FacturesInstalmentRow
{
  GtkListBoxRow  parent_instance;

  GtkWidget     *date_entry;
  GtkWidget     *amount_entry;
  GtkWidget     *remove_button;
};

G_DEFINE_FINAL_TYPE (FacturesInstalmentRow, factures_instalment_row, GTK_TYPE_LIST_BOX_ROW)

enum { SIGNAL_REMOVE_REQUESTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_REMOVE_REQUESTED], 0);
}

static void
factures_instalment_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), FACTURES_TYPE_INSTALMENT_ROW);
  G_OBJECT_CLASS (factures_instalment_row_parent_class)->dispose (object);
}

static void
factures_instalment_row_class_init (FacturesInstalmentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = factures_instalment_row_dispose;

  signals[SIGNAL_REMOVE_REQUESTED] = g_signal_new ("remove-requested", G_TYPE_FROM_CLASS (klass),
                                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/payments/factures-instalment-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesInstalmentRow, date_entry);
  gtk_widget_class_bind_template_child (widget_class, FacturesInstalmentRow, amount_entry);
  gtk_widget_class_bind_template_child (widget_class, FacturesInstalmentRow, remove_button);
  gtk_widget_class_install_action (widget_class, "instalment.remove", NULL, remove_action);
}

static void
factures_instalment_row_init (FacturesInstalmentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
factures_instalment_row_new (guint        position,
                             const GDate *date,
                             gint64       amount)
{
  FacturesInstalmentRow *self = g_object_new (FACTURES_TYPE_INSTALMENT_ROW, NULL);
  g_autofree char *date_name = g_strdup_printf (_("Due date, instalment %u"), position);
  g_autofree char *amount_name = g_strdup_printf (_("Amount, instalment %u"), position);
  g_autofree char *remove_name = g_strdup_printf (_("Remove instalment %u"), position);

  if (date != NULL && g_date_valid (date))
    {
      g_autofree char *text = factures_date_format_fr (date);
      gtk_editable_set_text (GTK_EDITABLE (self->date_entry), text);
    }
  if (amount > 0)
    {
      g_autofree char *text = factures_money_format_plain (amount);
      gtk_editable_set_text (GTK_EDITABLE (self->amount_entry), text);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, date_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->amount_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, amount_name, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
  return GTK_WIDGET (self);
}

GtkWidget *
factures_instalment_row_get_date_entry (FacturesInstalmentRow *self)
{
  g_return_val_if_fail (FACTURES_IS_INSTALMENT_ROW (self), NULL);
  return self->date_entry;
}

GtkWidget *
factures_instalment_row_get_amount_entry (FacturesInstalmentRow *self)
{
  g_return_val_if_fail (FACTURES_IS_INSTALMENT_ROW (self), NULL);
  return self->amount_entry;
}
