/* factures-rates-group.c — the late-penalty rate table (DESIGN.md §5, LEGAL.md §3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-rate-row.h"
#include "factures-rates-group.h"
#include "factures-store-payments.h"

struct _FacturesRatesGroup
{
  AdwPreferencesGroup  parent_instance;

  GtkListBox          *list;
  GtkLabel            *error_label;

  FacturesStore       *store;
};

G_DEFINE_FINAL_TYPE (FacturesRatesGroup, factures_rates_group, ADW_TYPE_PREFERENCES_GROUP)

static void
show_error (FacturesRatesGroup *self,
            const char         *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Saves @row's rates; FALSE with the refusal in @error (the row stays pending). */
static gboolean
save_row (FacturesRatesGroup  *self,
          FacturesRateRow     *row,
          GError             **error)
{
  FacturesRatePeriod period = { 0 };

  if (!factures_rate_row_get_period (row, &period, error) ||
      !factures_store_save_rate (self->store, &period, error))
    return FALSE;
  factures_rate_row_set_saved (row);
  return TRUE;
}

static void
row_changed_cb (FacturesRateRow    *row,
                FacturesRatesGroup *self)
{
  g_autoptr (GError) error = NULL;

  show_error (self, save_row (self, row, &error) ? NULL : error->message);
}

gboolean
factures_rates_group_flush (FacturesRatesGroup *self)
{
  g_autoptr (GError) first = NULL;

  g_return_val_if_fail (FACTURES_IS_RATES_GROUP (self), FALSE);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      g_autoptr (GError) error = NULL;

      if (!FACTURES_IS_RATE_ROW (child) || !factures_rate_row_get_pending (FACTURES_RATE_ROW (child)))
        continue;
      if (!save_row (self, FACTURES_RATE_ROW (child), &error) && first == NULL)
        {
          first = g_steal_pointer (&error);
          gtk_widget_grab_focus (child);   /* scrolled to, under the dialog that asks */
        }
    }
  if (first != NULL)
    show_error (self, first->message);
  return first == NULL;
}

static void
add_row (FacturesRatesGroup       *self,
         const FacturesRatePeriod *period,
         gboolean                  first)
{
  GtkWidget *row = factures_rate_row_new (period);

  g_signal_connect (row, "changed", G_CALLBACK (row_changed_cb), self);
  if (first)
    gtk_list_box_prepend (self->list, row);
  else
    gtk_list_box_append (self->list, row);
}

static void
add_half_year_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  FacturesRatesGroup *self = FACTURES_RATES_GROUP (widget);
  FacturesRatePeriod period = { 0 };
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->list));

  period.ecb_bp = period.legal_individual_bp = period.legal_other_bp = FACTURES_RATE_UNKNOWN;
  if (FACTURES_IS_RATE_ROW (first))
    {
      factures_rate_row_get_half (FACTURES_RATE_ROW (first), &period.year, &period.half);
      period.half++;
      if (period.half > 2)
        {
          period.half = 1;
          period.year++;
        }
    }
  else
    {
      GDate today;

      factures_today (&today);
      period.year = g_date_get_year (&today);
      period.half = g_date_get_month (&today) <= 6 ? 1 : 2;
    }
  add_row (self, &period, TRUE);
}

static void
factures_rates_group_dispose (GObject *object)
{
  FacturesRatesGroup *self = FACTURES_RATES_GROUP (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_RATES_GROUP);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (factures_rates_group_parent_class)->dispose (object);
}

static void
factures_rates_group_class_init (FacturesRatesGroupClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = factures_rates_group_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/preferences/factures-rates-group.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesRatesGroup, list);
  gtk_widget_class_bind_template_child (widget_class, FacturesRatesGroup, error_label);
  gtk_widget_class_install_action (widget_class, "rates.add-half-year", NULL, add_half_year_activated);
}

static void
factures_rates_group_init (FacturesRatesGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
factures_rates_group_new (FacturesStore *store)
{
  FacturesRatesGroup *self = g_object_new (FACTURES_TYPE_RATES_GROUP, NULL);
  g_autoptr (GArray) table = NULL;
  g_autoptr (GError) error = NULL;

  self->store = g_object_ref (store);
  table = factures_store_get_rate_table (store, &error);
  if (table == NULL)
    show_error (self, error->message);
  /* newest first */
  for (guint i = table != NULL ? table->len : 0; i > 0; i--)
    add_row (self, &g_array_index (table, FacturesRatePeriod, i - 1), FALSE);
  return GTK_WIDGET (self);
}
