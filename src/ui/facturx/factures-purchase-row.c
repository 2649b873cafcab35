/* factures-purchase-row.c — one received invoice in the purchases window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-imported-text.h"
#include "factures-cli-registers.h"
#include "factures-purchase-row.h"

struct _FacturesPurchaseRow
{
  AdwActionRow  parent_instance;

  gint64        id;
  const char   *action;        /* the action of action_button, with id as its parameter */

  GtkWidget    *amount_label;
  GtkWidget    *action_button;
  GtkWidget    *next_icon;
};

G_DEFINE_FINAL_TYPE (FacturesPurchaseRow, factures_purchase_row, ADW_TYPE_ACTION_ROW)

/* Activating the row shows the invoice, and its original can be exported from there (an
 * imported purchase only: a typed one has no file). */
static void
activated_cb (FacturesPurchaseRow *self)
{
  if (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (self)))
    gtk_widget_activate_action (GTK_WIDGET (self), "purchases.show", "x", self->id);
}

static void
action_clicked_cb (FacturesPurchaseRow *self)
{
  if (self->action != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), self->action, "x", self->id);
}

static void
factures_purchase_row_class_init (FacturesPurchaseRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/facturx/factures-purchase-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesPurchaseRow, amount_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesPurchaseRow, action_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesPurchaseRow, next_icon);
  gtk_widget_class_bind_template_callback (widget_class, activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, action_clicked_cb);
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

/**
 * factures_purchase_row_new_entry:
 * (see factures-purchase-row.h)
 */
GtkWidget *
factures_purchase_row_new_entry (const FacturesPurchaseEntry *e)
{
  g_autofree char *date = factures_date_format_fr (&e->date);
  g_autofree char *amount = factures_purchase_entry_amount_text (e);
  g_autofree char *title = NULL;
  g_autoptr(GString) subtitle = g_string_new (date);
  FacturesPurchaseRow *self;
  const char *button = NULL;

  if (e->reference != NULL && *e->reference != '\0')
    title = g_strdup_printf ("%s — %s", e->reference, e->supplier != NULL ? e->supplier : "?");
  else
    title = g_strdup (e->supplier != NULL ? e->supplier : "?");
  g_string_append_printf (subtitle, " · %s", e->nature);
  switch (e->source)
    {
    case FACTURES_PURCHASE_IMPORTED:
      if (e->paid)
        {
          g_autofree char *paid = factures_date_format_fr (&e->paid_on);

          g_string_append (subtitle, " · ");
          if (e->credit_note)
            /* Translators: a supplier's credit note, "refunded on 30/11/2026 by Transfer" */
            g_string_append_printf (subtitle, _("refunded on %s by %s"), paid, factures_payment_method_label (e->method));
          else
            /* Translators: "paid on 30/11/2026 by Transfer" */
            g_string_append_printf (subtitle, _("paid on %s by %s"), paid, factures_payment_method_label (e->method));
          button = e->credit_note ? _("Cancel the Refund…") : _("Cancel the Payment…");
        }
      else
        {
          /* a supplier's credit note is money owed to the user: its refund, not a payment */
          g_string_append_printf (subtitle, " · %s", e->credit_note ? _("refund not received") : _("not paid"));
          button = e->credit_note ? _("Record the Refund…") : _("Record a Payment…");
        }
      break;
    case FACTURES_PURCHASE_TYPED:
      g_string_append_printf (subtitle, " · %s", factures_payment_method_label (e->method));
      if (e->cancelled)
        g_string_append_printf (subtitle, " · %s", _("cancelled"));
      else
        button = _("Cancel the Purchase…");
      break;
    case FACTURES_PURCHASE_CANCELLED:
    default:
      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, _("cancellation: %s"), e->reason != NULL ? e->reason : "");
      break;
    }

  self = g_object_new (FACTURES_TYPE_PURCHASE_ROW, "title", title, "subtitle", subtitle->str, NULL);
  self->id = e->id;
  gtk_label_set_text (GTK_LABEL (self->amount_label), amount);
  gtk_widget_set_visible (self->amount_label, TRUE);
  if (button != NULL)
    {
      gtk_button_set_label (GTK_BUTTON (self->action_button), button);
      gtk_widget_set_visible (self->action_button, TRUE);
      self->action = e->source == FACTURES_PURCHASE_TYPED ? "purchases.cancel-entry"
                     : e->paid ? "purchases.cancel-payment" : "purchases.pay";
    }
  if (e->source != FACTURES_PURCHASE_IMPORTED)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
      gtk_widget_set_visible (self->next_icon, FALSE);
    }
  return GTK_WIDGET (self);
}
