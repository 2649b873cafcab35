/* factures-catalogue-row.c — one product or service in the catalogue window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-catalogue-row.h"
#include "factures-money.h"

struct _FacturesCatalogueRow
{
  AdwActionRow  parent_instance;

  GtkWidget    *edit;
};

G_DEFINE_FINAL_TYPE (FacturesCatalogueRow, factures_catalogue_row, ADW_TYPE_ACTION_ROW)

static void
factures_catalogue_row_class_init (FacturesCatalogueRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/catalogue/factures-catalogue-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesCatalogueRow, edit);
}

static void
factures_catalogue_row_init (FacturesCatalogueRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * factures_catalogue_row_new:
 * (see factures-catalogue-row.h)
 */
GtkWidget *
factures_catalogue_row_new (const FacturesCatalogueItem *item)
{
  FacturesCatalogueRow *self = g_object_new (FACTURES_TYPE_CATALOGUE_ROW, "title", item->name, NULL);
  g_autofree char *price = factures_unit_price_format (item->unit_price);
  g_autofree char *rate = factures_rate_format (item->vat_rate_bp);
  /* Translators: "45,00 € / h — VAT 20 % — Service" */
  g_autofree char *subtitle = g_strdup_printf (_("%s / %s — VAT %s — %s"), price,
                                               item->unit ? item->unit : _("unit"), rate,
                                               item->is_goods ? _("Goods") : _("Service"));

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit), "x", (gint64) item->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  item->name, -1);
  return GTK_WIDGET (self);
}
