/* factures-purchase-row.c — one received invoice in the purchases window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-imported-text.h"
#include "factures-purchase-row.h"

struct _FacturesPurchaseRow
{
  AdwActionRow  parent_instance;

  gint64        id;
};

G_DEFINE_FINAL_TYPE (FacturesPurchaseRow, factures_purchase_row, ADW_TYPE_ACTION_ROW)

/* Activating the row shows the invoice, and its original can be exported from there. */
static void
activated_cb (FacturesPurchaseRow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "purchases.show", "x", self->id);
}

static void
factures_purchase_row_class_init (FacturesPurchaseRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/facturx/factures-purchase-row.ui");
  gtk_widget_class_bind_template_callback (widget_class, activated_cb);
}

static void
factures_purchase_row_init (FacturesPurchaseRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* "2018-12-31" → "31/12/2018"; the text itself when it is not a date. */
static char *
french_date (const char *iso)
{
  GDate date;

  if (iso == NULL)
    return g_strdup ("");
  if (!factures_date_parse_iso (iso, &date, NULL))
    return g_strdup (iso);
  return factures_date_format_fr (&date);
}

/**
 * factures_purchase_row_new:
 * (see factures-purchase-row.h)
 */
GtkWidget *
factures_purchase_row_new (const FacturesImportedRow *r)
{
  g_autofree char *title = g_strdup_printf ("%s — %s", r->number, r->seller_name != NULL ? r->seller_name : "?");
  g_autofree char *date = french_date (r->issue_date);
  g_autofree char *total = factures_imported_amount_format (r->grand_total, r->currency);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s%s", date, total,
                                               r->figures_ok ? "" : _(" · figures that do not add up"));
  FacturesPurchaseRow *self = g_object_new (FACTURES_TYPE_PURCHASE_ROW, "title", title, "subtitle", subtitle, NULL);

  self->id = r->id;
  if (!r->figures_ok && r->figure_problems != NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self), r->figure_problems);
  return GTK_WIDGET (self);
}
