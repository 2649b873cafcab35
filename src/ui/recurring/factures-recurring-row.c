/* factures-recurring-row.c — one recurring invoice in the list of templates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-currency.h"
#include "factures-documents.h"
#include "factures-recurring-row.h"

struct _FacturesRecurringRow
{
  AdwActionRow  parent_instance;

  GtkWidget    *stop;
};

G_DEFINE_FINAL_TYPE (FacturesRecurringRow, factures_recurring_row, ADW_TYPE_ACTION_ROW)

static void
factures_recurring_row_class_init (FacturesRecurringRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/recurring/factures-recurring-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesRecurringRow, stop);
}

static void
factures_recurring_row_init (FacturesRecurringRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * factures_recurring_row_new:
 * (see factures-recurring-row.h)
 */
GtkWidget *
factures_recurring_row_new (const FacturesRecurring *r)
{
  FacturesRecurringRow *self = g_object_new (FACTURES_TYPE_RECURRING_ROW,
                                             "title", r->client_name ? r->client_name : "—", NULL);
  g_auto (FacturesTotals) totals = { NULL, };
  g_autofree char *next = factures_date_format_fr (&r->next_date);
  g_autofree char *end = g_date_valid (&r->end_date) ? factures_date_format_fr (&r->end_date) : NULL;
  g_autofree char *amount = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *stop_name = NULL;
  gboolean finished = g_date_valid (&r->end_date) && g_date_compare (&r->next_date, &r->end_date) > 0;

  if (factures_totals_compute (r->lines, r->allowance, FALSE, &totals, NULL))
    amount = factures_currency_format (totals.net_total, r->currency);   /* "1 200,00 GBP" off euros */
  if (finished)
    /* Translators: subtitle of a finished recurring invoice: "Monthly — 1 200,00 € excl. VAT — ended 31/12/2026" */
    subtitle = g_strdup_printf (_("%s — %s excl. VAT — ended %s"), factures_period_title (r->period),
                                amount ? amount : "—", end);
  else
    /* Translators: "Monthly — 1 200,00 € excl. VAT — next 31/01/2027 (until 31/12/2027) — draft" */
    subtitle = g_strdup_printf (_("%s — %s excl. VAT — next %s%s%s%s — %s"),
                                factures_period_title (r->period), amount ? amount : "—", next,
                                end ? _(" (until ") : "", end ? end : "", end ? ")" : "",
                                r->auto_issue ? _("issued automatically") : _("draft to check"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  /* Translators: accessible name of the delete button of a recurring invoice */
  stop_name = g_strdup_printf (_("Stop the recurring invoice of %s"), r->client_name ? r->client_name : "");
  gtk_widget_set_tooltip_text (self->stop, stop_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->stop), GTK_ACCESSIBLE_PROPERTY_LABEL, stop_name, -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->stop), "x", (gint64) r->id);
  return GTK_WIDGET (self);
}
