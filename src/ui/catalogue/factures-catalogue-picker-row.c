/* factures-catalogue-picker-row.c — one item in the "From Catalogue" popover
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-catalogue-picker-row.h"
#include "factures-money.h"

struct _FacturesCataloguePickerRow
{
  GtkButton  parent_instance;

  GtkLabel  *label;
};

G_DEFINE_FINAL_TYPE (FacturesCataloguePickerRow, factures_catalogue_picker_row, GTK_TYPE_BUTTON)

static void
factures_catalogue_picker_row_class_init (FacturesCataloguePickerRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/catalogue/factures-catalogue-picker-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesCataloguePickerRow, label);
}

static void
factures_catalogue_picker_row_init (FacturesCataloguePickerRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * factures_catalogue_picker_row_new:
 * (see factures-catalogue-picker-row.h)
 */
GtkWidget *
factures_catalogue_picker_row_new (const FacturesCatalogueItem *item)
{
  FacturesCataloguePickerRow *self = g_object_new (FACTURES_TYPE_CATALOGUE_PICKER_ROW, NULL);
  g_autofree char *price = factures_unit_price_format (item->unit_price);
  /* Translators: tooltip of a catalogue item: "45,00 € / h" */
  g_autofree char *tooltip = g_strdup_printf (_("%s / %s"), price, item->unit ? item->unit : _("unit"));

  gtk_label_set_text (self->label, item->name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "x", (gint64) item->id);
  return GTK_WIDGET (self);
}
