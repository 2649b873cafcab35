/* factures-rate-row.c — one half-year of the late-penalty rate table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-form.h"
#include "factures-rate-row.h"

struct _FacturesRateRow
{
  GtkListBoxRow  parent_instance;

  GtkLabel      *title;
  GtkWidget     *ecb;
  GtkWidget     *individual;
  GtkWidget     *other;

  gint           year;
  gint           half;
  char          *source;
  gboolean       pending;   /* typed since it was last saved */
};

G_DEFINE_FINAL_TYPE (FacturesRateRow, factures_rate_row, GTK_TYPE_LIST_BOX_ROW)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
changed_cb (FacturesRateRow *self)
{
  /* Focus also leaves while the window is being destroyed. */
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
edited_cb (FacturesRateRow *self)
{
  self->pending = TRUE;
}

static gboolean
read_rate (GtkWidget *entry,
           gint      *out,
           GError   **error)
{
  g_autofree char *text = factures_editable_get_trimmed (entry);

  if (*text == '\0')
    {
      *out = FACTURES_RATE_UNKNOWN;
      return TRUE;
    }
  return factures_rate_parse (text, gtk_widget_get_tooltip_text (entry), out, error);
}

gboolean
factures_rate_row_get_period (FacturesRateRow     *self,
                              FacturesRatePeriod  *period,
                              GError             **error)
{
  g_return_val_if_fail (FACTURES_IS_RATE_ROW (self), FALSE);

  period->year = self->year;
  period->half = self->half;
  period->source = self->source;
  return read_rate (self->ecb, &period->ecb_bp, error) &&
         read_rate (self->individual, &period->legal_individual_bp, error) &&
         read_rate (self->other, &period->legal_other_bp, error);
}

void
factures_rate_row_get_half (FacturesRateRow *self,
                            gint            *year,
                            gint            *half)
{
  g_return_if_fail (FACTURES_IS_RATE_ROW (self));
  *year = self->year;
  *half = self->half;
}

static void
factures_rate_row_dispose (GObject *object)
{
  FacturesRateRow *self = FACTURES_RATE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_RATE_ROW);
  g_clear_pointer (&self->source, g_free);

  G_OBJECT_CLASS (factures_rate_row_parent_class)->dispose (object);
}

static void
factures_rate_row_class_init (FacturesRateRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = factures_rate_row_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/preferences/factures-rate-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesRateRow, title);
  gtk_widget_class_bind_template_child (widget_class, FacturesRateRow, ecb);
  gtk_widget_class_bind_template_child (widget_class, FacturesRateRow, individual);
  gtk_widget_class_bind_template_child (widget_class, FacturesRateRow, other);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, edited_cb);
}

static void
factures_rate_row_init (FacturesRateRow *self)
{
  GtkWidget *entries[3];

  gtk_widget_init_template (GTK_WIDGET (self));
  entries[0] = self->ecb;
  entries[1] = self->individual;
  entries[2] = self->other;
  /* Saved when the focus leaves a rate too (applied on change, issue 11 item 6). */
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect_swapped (focus, "leave", G_CALLBACK (changed_cb), self);
      gtk_widget_add_controller (entries[i], focus);
    }
}

static void
set_rate (GtkWidget  *entry,
          gint        rate_bp,
          const char *accessible_name)
{
  if (rate_bp != FACTURES_RATE_UNKNOWN)
    {
      g_autofree char *text = factures_rate_format (rate_bp);
      gtk_editable_set_text (GTK_EDITABLE (entry), text);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  gtk_widget_set_tooltip_text (entry, accessible_name);
}

GtkWidget *
factures_rate_row_new (const FacturesRatePeriod *period)
{
  FacturesRateRow *self = g_object_new (FACTURES_TYPE_RATE_ROW, NULL);
  /* Translators: a half-year of the rate table, "H1 2026" */
  g_autofree char *title = g_strdup_printf (_("H%d %d"), period->half, period->year);
  /* Translators: accessible names of the rate table's fields, %s is "H1 2026" */
  g_autofree char *ecb_name = g_strdup_printf (_("ECB rate, %s"), title);
  g_autofree char *ind_name = g_strdup_printf (_("Legal rate for individuals, %s"), title);
  g_autofree char *other_name = g_strdup_printf (_("Legal rate, other cases, %s"), title);

  self->year = period->year;
  self->half = period->half;
  self->source = g_strdup (period->source);
  gtk_label_set_text (self->title, title);
  set_rate (self->ecb, period->ecb_bp, ecb_name);
  set_rate (self->individual, period->legal_individual_bp, ind_name);
  set_rate (self->other, period->legal_other_bp, other_name);
  self->pending = FALSE;
  return GTK_WIDGET (self);
}

gboolean
factures_rate_row_get_pending (FacturesRateRow *self)
{
  g_return_val_if_fail (FACTURES_IS_RATE_ROW (self), FALSE);
  return self->pending;
}

void
factures_rate_row_set_saved (FacturesRateRow *self)
{
  g_return_if_fail (FACTURES_IS_RATE_ROW (self));
  self->pending = FALSE;
}
