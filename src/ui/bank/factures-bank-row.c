/* factures-bank-row.c — one bank movement waiting for a match (see factures-bank-row.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-bank-row.h"

struct _FacturesBankRow
{
  AdwActionRow  parent_instance;

  gint64        movement_id;
  GtkWidget    *amount_label;
  GtkWidget    *confidence_label;
  GtkWidget    *confirm_button;
  GtkWidget    *dismiss_button;
};

G_DEFINE_FINAL_TYPE (FacturesBankRow, factures_bank_row, ADW_TYPE_ACTION_ROW)

static void
factures_bank_row_class_init (FacturesBankRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Factures/ui/bank/factures-bank-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesBankRow, amount_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesBankRow, confidence_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesBankRow, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesBankRow, dismiss_button);
}

static void
factures_bank_row_init (FacturesBankRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
factures_bank_row_new (const FacturesBankMatch *match)
{
  FacturesBankRow *self = g_object_new (FACTURES_TYPE_BANK_ROW, NULL);
  const FacturesBankEntry *entry = match->entry;
  const FacturesBankSuggestion *best = match->best;
  g_autofree char *date = factures_date_format_fr (&entry->booking_date);
  g_autofree char *amount = factures_money_format (entry->amount);
  g_autofree char *subtitle = NULL;
  g_autofree char *title = g_markup_escape_text (entry->label != NULL && *entry->label ? entry->label : "—", -1);

  self->movement_id = entry->id;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  if (best != NULL)
    {
      g_autofree char *what = g_markup_escape_text (best->numbers, -1);
      g_autofree char *reason = g_markup_escape_text (best->reason, -1);
      g_autofree char *client = g_markup_escape_text (best->client_name != NULL ? best->client_name : "", -1);

      /* "12 novembre 2026 · F2026-0001 — Dupont Conseil\nN° de facture … dans le libellé, montant exact dû." */
      subtitle = g_strdup_printf (best->refund ? _("%s · refund of %s — %s\n%s") : _("%s · pays %s — %s\n%s"),
                                  date, what, client, reason);
      gtk_label_set_label (GTK_LABEL (self->confidence_label), factures_bank_confidence_label (best->confidence));
      gtk_widget_add_css_class (self->confidence_label,
                                best->confidence == FACTURES_BANK_CONFIDENCE_SURE ? "success"
                                : best->confidence == FACTURES_BANK_CONFIDENCE_LIKELY ? "accent" : "dim-label");
      /* the target first: the action's parameter is an int64 */
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->confirm_button), g_variant_new_int64 (entry->id));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->confirm_button), "bank.confirm");
      {
        g_autofree char *name = g_strdup_printf (_("Confirm %s"), best->numbers);

        gtk_accessible_update_property (GTK_ACCESSIBLE (self->confirm_button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      }
    }
  else
    {
      g_autofree char *none = g_markup_escape_text (_("No open invoice fits."), -1);

      subtitle = g_strdup_printf ("%s\n%s", date, none);
      gtk_widget_set_visible (self->confirm_button, FALSE);
      gtk_widget_set_visible (self->confidence_label, FALSE);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_label_set_label (GTK_LABEL (self->amount_label), amount);
  if (entry->amount < 0)
    gtk_widget_add_css_class (self->amount_label, "error");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->dismiss_button), g_variant_new_int64 (entry->id));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->dismiss_button), "bank.dismiss");
  if (entry->amount < 0)
    gtk_widget_set_visible (self->dismiss_button, FALSE);
  return GTK_WIDGET (self);
}

gint64
factures_bank_row_get_movement_id (FacturesBankRow *self)
{
  g_return_val_if_fail (FACTURES_IS_BANK_ROW (self), 0);
  return self->movement_id;
}
