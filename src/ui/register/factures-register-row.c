/* factures-register-row.c — one row of the livre des recettes: a receipt or a total
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "factures-money.h"
#include "factures-register-row.h"

struct _FacturesRegisterRow
{
  AdwActionRow  parent_instance;

  GtkLabel     *cash_tag;
  GtkLabel     *amount;
};

G_DEFINE_FINAL_TYPE (FacturesRegisterRow, factures_register_row, ADW_TYPE_ACTION_ROW)

static void
factures_register_row_class_init (FacturesRegisterRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/register/factures-register-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesRegisterRow, cash_tag);
  gtk_widget_class_bind_template_child (widget_class, FacturesRegisterRow, amount);
}

static void
factures_register_row_init (FacturesRegisterRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static FacturesRegisterRow *
row_new (const char *title,
         const char *subtitle,
         gint64      cents,
         char      **amount_text)
{
  FacturesRegisterRow *self = g_object_new (FACTURES_TYPE_REGISTER_ROW, "title", title, NULL);

  *amount_text = factures_money_format (cents);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_label_set_text (self->amount, *amount_text);
  return self;
}

/**
 * factures_register_row_new_total:
 * (see factures-register-row.h)
 */
GtkWidget *
factures_register_row_new_total (const char *title,
                                 const char *subtitle,
                                 gint64      cents,
                                 gboolean    strong)
{
  g_autofree char *amount = NULL;
  FacturesRegisterRow *self = row_new (title, subtitle, cents, &amount);
  g_autofree char *name = g_strdup_printf ("%s: %s", title, amount);

  if (strong)
    gtk_widget_add_css_class (GTK_WIDGET (self->amount), "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return GTK_WIDGET (self);
}

/**
 * factures_register_row_new_receipt:
 * (see factures-register-row.h)
 */
GtkWidget *
factures_register_row_new_receipt (const char *title,
                                   const char *subtitle,
                                   gint64      cents,
                                   gboolean    cash,
                                   gboolean    reversal)
{
  g_autofree char *amount = NULL;
  FacturesRegisterRow *self = row_new (title, subtitle, cents, &amount);
  g_autofree char *name = g_strdup_printf ("%s, %s, %s", title, subtitle, amount);

  /* Cash told apart (LEGAL.md §6): a tag before the amount. */
  gtk_widget_set_visible (GTK_WIDGET (self->cash_tag), cash);
  if (cash)
    gtk_widget_add_css_class (GTK_WIDGET (self->cash_tag), "warning");
  if (reversal)
    gtk_widget_add_css_class (GTK_WIDGET (self), "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return GTK_WIDGET (self);
}
