/* factures-threshold-row.c — one ceiling or VAT threshold as a gauge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-urssaf-private.h"
#include "factures-date.h"
#include "factures-money.h"
#include "factures-threshold-row.h"

struct _FacturesThresholdRow
{
  GtkListBoxRow  parent_instance;

  /* template */
  GtkWidget     *title;
  GtkWidget     *percent;
  GtkWidget     *gauge;
  GtkWidget     *amounts;
  GtkWidget     *when;
};

G_DEFINE_FINAL_TYPE (FacturesThresholdRow, factures_threshold_row, GTK_TYPE_LIST_BOX_ROW)

static void
factures_threshold_row_class_init (FacturesThresholdRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  factures_urssaf_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Factures/ui/urssaf/factures-threshold-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesThresholdRow, title);
  gtk_widget_class_bind_template_child (widget_class, FacturesThresholdRow, percent);
  gtk_widget_class_bind_template_child (widget_class, FacturesThresholdRow, gauge);
  gtk_widget_class_bind_template_child (widget_class, FacturesThresholdRow, amounts);
  gtk_widget_class_bind_template_child (widget_class, FacturesThresholdRow, when);
}

static void
factures_threshold_row_init (FacturesThresholdRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
factures_threshold_row_new (const FacturesYearThreshold *t,
                            guint                        alert_low,
                            guint                        alert_high)
{
  FacturesThresholdRow *self = g_object_new (FACTURES_TYPE_THRESHOLD_ROW, NULL);
  const char *label = factures_threshold_label (t->kind);
  g_autofree char *title = NULL;

  title = t->row != NULL && t->row->to_confirm ? g_strdup_printf ("%s (à confirmer)", label) : g_strdup (label);
  gtk_label_set_text (GTK_LABEL (self->title), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->gauge), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (t->row == NULL)
    {
      gtk_widget_set_visible (self->gauge, FALSE);
      gtk_widget_set_visible (self->percent, FALSE);
      gtk_widget_set_visible (self->when, FALSE);
      gtk_label_set_text (GTK_LABEL (self->amounts), t->missing);
      return GTK_WIDGET (self);
    }

  {
    g_autofree char *text = g_strdup_printf ("%d,%d\u00a0%%", t->crossing.permille / 10, t->crossing.permille % 10);
    double fraction = CLAMP (t->crossing.permille / 1000.0, 0.0, 1.0);
    GtkLevelBar *bar = GTK_LEVEL_BAR (self->gauge);

    gtk_label_set_text (GTK_LABEL (self->percent), text);
    /* the colour of the share reached: the accent below the first alert, warning up to the
     * second, error beyond (style.css: levelbar.threshold block.near, block.over) */
    gtk_level_bar_remove_offset_value (bar, GTK_LEVEL_BAR_OFFSET_LOW);
    gtk_level_bar_remove_offset_value (bar, GTK_LEVEL_BAR_OFFSET_HIGH);
    gtk_level_bar_remove_offset_value (bar, GTK_LEVEL_BAR_OFFSET_FULL);
    gtk_level_bar_add_offset_value (bar, "normal", alert_low / 100.0);
    gtk_level_bar_add_offset_value (bar, "near", alert_high / 100.0);
    gtk_level_bar_add_offset_value (bar, "over", 1.0);
    gtk_level_bar_set_value (bar, fraction);
  }
  {
    g_autofree char *total = factures_money_format (t->crossing.total);
    g_autofree char *limit = factures_money_format (t->amount);
    g_autofree char *text = NULL;

    /* Translators: a gauge: "12 345,00 € out of 37 500,00 €" */
    text = t->prorated ? g_strdup_printf (_("%s out of %s (prorated: the activity began this year)"), total, limit)
                       : g_strdup_printf (_("%s out of %s"), total, limit);
    gtk_label_set_text (GTK_LABEL (self->amounts), text);
  }
  {
    g_autofree char *text = NULL;

    if (t->crossing.crossed)
      {
        g_autofree char *on = factures_date_format_long (&t->crossing.date);

        text = g_strdup_printf (_("Crossed on %s."), on);
        gtk_widget_add_css_class (self->when, "error");
      }
    else if (g_date_valid (&t->crossing.date))
      {
        g_autofree char *on = factures_date_format_long (&t->crossing.date);

        text = g_strdup_printf (_("Would be crossed on %s at the current pace."), on);
      }
    else
      text = g_strdup (_("Not reached this year at the current pace."));
    if (t->alert > 0 && t->alert < 100)
      {
        g_autofree char *alert = g_strdup_printf (_("Alert: over %u %% of the limit."), t->alert);
        char *both = g_strconcat (alert, " ", text, NULL);

        g_free (text);
        text = both;
        gtk_widget_add_css_class (self->when, "warning");
      }
    gtk_label_set_text (GTK_LABEL (self->when), text);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->gauge), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  }
  return GTK_WIDGET (self);
}

const char *
factures_threshold_row_get_percent (FacturesThresholdRow *self)
{
  g_return_val_if_fail (FACTURES_IS_THRESHOLD_ROW (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->percent));
}

double
factures_threshold_row_get_fraction (FacturesThresholdRow *self)
{
  g_return_val_if_fail (FACTURES_IS_THRESHOLD_ROW (self), 0.0);
  return gtk_level_bar_get_value (GTK_LEVEL_BAR (self->gauge));
}
