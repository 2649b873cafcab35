/* factures-imported-sale-row.c — one imported sale in the client editor's history (issue 6):
 * figures as the file wrote them, paid or not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-cancel-payment-dialog.h"
#include "factures-confirm-dialog.h"
#include "factures-facturx-ui.h"
#include "factures-imported-payment-dialog.h"
#include "factures-imported-sale-row.h"
#include "factures-imported-text.h"
#include "factures-form.h"
#include "factures-message-dialog.h"
#include "factures-store-urssaf-year.h"

struct _FacturesImportedSaleRow
{
  AdwActionRow   parent_instance;

  GtkWidget     *record_button;
  GtkWidget     *cancel_button;
  GtkWidget     *activity;
  GtkStringList *activities;
  gboolean       loading;

  FacturesStore *store;
  gint64         sale_id;
  char          *number;
};

G_DEFINE_FINAL_TYPE (FacturesImportedSaleRow, factures_imported_sale_row, ADW_TYPE_ACTION_ROW)

static GtkWindow *
parent_window (FacturesImportedSaleRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* The row itself opens the invoice: its details and "Export the Original…" (issue 6). */
static void
activated_cb (FacturesImportedSaleRow *self)
{
  factures_facturx_ui_show_imported (parent_window (self), self->store, self->sale_id);
}

/* The stored activity shown again (a change refused or not confirmed). */
static void
show_stored_activity (FacturesImportedSaleRow *self)
{
  FacturesLineActivity stored = FACTURES_LINE_ACTIVITY_DEFAULT;

  factures_store_get_imported_activity (self->store, self->sale_id, &stored, NULL);
  self->loading = TRUE;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->activity), stored);
  self->loading = FALSE;
}

/* The change of a declared period's figures, confirmed or not. */
static void
declared_response_cb (AdwMessageDialog        *dialog,
                      const char              *response,
                      FacturesImportedSaleRow *self)
{
  g_autoptr (GError) error = NULL;
  FacturesLineActivity activity = (FacturesLineActivity) gtk_drop_down_get_selected (GTK_DROP_DOWN (self->activity));

  if (!g_str_equal (response, "change"))
    {
      show_stored_activity (self);
      return;
    }
  if (!factures_store_set_imported_activity_confirmed (self->store, self->sale_id, activity, TRUE, &error))
    {
      factures_message_dialog_show (parent_window (self), _("Activity Not Changed"), error->message);
      show_stored_activity (self);
    }
}

/* urssaf-ui (issue 17): the activity chosen, through the store's checks; refused: said, and the
 * stored one shown again; a period already declared: asked first (leftovers3). Position 0 is the
 * profile's main activity (DEFAULT). */
static void
activity_changed_cb (FacturesImportedSaleRow *self)
{
  g_autoptr (GError) error = NULL;
  FacturesLineActivity activity = (FacturesLineActivity) gtk_drop_down_get_selected (GTK_DROP_DOWN (self->activity));

  if (self->loading || self->store == NULL)
    return;
  if (factures_store_set_imported_activity (self->store, self->sale_id, activity, &error))
    return;
  if (g_error_matches (error, FACTURES_ERROR, FACTURES_ERROR_NOT_EMPTY))
    {
      GtkWidget *dialog = factures_confirm_dialog_new (parent_window (self), _("Change a Declared Period?"),
                                                       error->message, "change", _("_Change the Activity"),
                                                       ADW_RESPONSE_DESTRUCTIVE);

      g_signal_connect_object (dialog, "response", G_CALLBACK (declared_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  factures_message_dialog_show (parent_window (self), _("Activity Not Changed"), error->message);
  show_stored_activity (self);
}

static void
record_payment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  FacturesImportedSaleRow *self = FACTURES_IMPORTED_SALE_ROW (widget);

  gtk_window_present (factures_imported_payment_dialog_new (parent_window (self), self->store, self->sale_id));
}

static void
cancel_payment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  FacturesImportedSaleRow *self = FACTURES_IMPORTED_SALE_ROW (widget);

  gtk_window_present (GTK_WINDOW (factures_cancel_payment_dialog_new (parent_window (self), self->store,
                                                                      self->sale_id, self->number)));
}

static void
factures_imported_sale_row_dispose (GObject *object)
{
  FacturesImportedSaleRow *self = FACTURES_IMPORTED_SALE_ROW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->number, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_IMPORTED_SALE_ROW);

  G_OBJECT_CLASS (factures_imported_sale_row_parent_class)->dispose (object);
}

static void
factures_imported_sale_row_class_init (FacturesImportedSaleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = factures_imported_sale_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/clients/factures-imported-sale-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesImportedSaleRow, record_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesImportedSaleRow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesImportedSaleRow, activity);
  gtk_widget_class_bind_template_child (widget_class, FacturesImportedSaleRow, activities);
  gtk_widget_class_bind_template_callback (widget_class, activity_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activated_cb);
  gtk_widget_class_install_action (widget_class, "sale.record-payment", NULL, record_payment_action);
  gtk_widget_class_install_action (widget_class, "sale.cancel-payment", NULL, cancel_payment_action);
}

static void
factures_imported_sale_row_init (FacturesImportedSaleRow *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  /* in FacturesLineActivity order: 0 is the profile's main activity */
  gtk_string_list_append (self->activities, _("Main activity"));
  for (FacturesLineActivity a = FACTURES_LINE_ACTIVITY_GOODS; a <= FACTURES_LINE_ACTIVITY_LAST; a++)
    gtk_string_list_append (self->activities, factures_line_activity_label (a));
  factures_drop_down_set_accessible_label (self->activity, _("Activity declared to URSSAF"));
  self->loading = FALSE;
}

GtkWidget *
factures_imported_sale_row_new (FacturesStore              *store,
                                const FacturesImportedSale *sale)
{
  FacturesImportedSaleRow *self;
  g_autofree char *title = NULL;
  g_autofree char *total = NULL;
  g_autofree char *date = NULL;
  g_autoptr (GString) subtitle = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  self = g_object_new (FACTURES_TYPE_IMPORTED_SALE_ROW, NULL);
  self->store = g_object_ref (store);
  self->sale_id = sale->id;
  self->number = g_strdup (sale->number);

  date = g_date_valid (&sale->issue_date) ? factures_date_format_fr (&sale->issue_date) : NULL;
  subtitle = g_string_new (date != NULL ? date : "");
  /* Translators: "F2026-0001 — Imported invoice" */
  title = g_strdup_printf (_("%s — %s"), sale->number, _("Imported invoice"));
  /* the total as written, the French way: "1 590,00 €", "110,00 USD" */
  total = factures_imported_amount_format (sale->grand_total, sale->currency);
  g_string_append_printf (subtitle, " — %s", total);
  g_string_append (subtitle, " — ");
  if (sale->paid)
    {
      g_autofree char *paid_on = factures_date_format_fr (&sale->paid_on);
      g_autofree char *amount = factures_money_format (sale->paid_amount);

      /* Translators: "Paid on 05/03/2026 (Cash, 1 590,00 €)" */
      g_string_append_printf (subtitle, _("Paid on %s (%s, %s)"), paid_on,
                              factures_payment_method_label (sale->paid_method), amount);
    }
  else
    g_string_append (subtitle, _("Not paid"));
  if (sale->n_cancelled > 0)
    {
      g_autofree char *count = g_strdup_printf ("%u", sale->n_cancelled);

      g_string_append (subtitle, " — ");
      /* Translators: %s is a number; the cancelled payments stay in the receipts register */
      g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%s payment cancelled",
                                                     "%s payments cancelled", sale->n_cancelled), count);
    }
  if (!sale->figures_ok)
    {
      g_string_append (subtitle, " — ");
      g_string_append (subtitle, _("Figures do not add up"));
      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
      if (sale->figure_problems != NULL)
        gtk_widget_set_tooltip_text (GTK_WIDGET (self), sale->figure_problems);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle->str);
  /* Unpaid: "Record Payment…"; paid: "Cancel Payment…" (the receipts register keeps both). */
  gtk_widget_set_visible (self->record_button, !sale->paid);
  gtk_widget_set_visible (self->cancel_button, sale->paid);
  {
    FacturesLineActivity activity = FACTURES_LINE_ACTIVITY_DEFAULT;

    factures_store_get_imported_activity (store, sale->id, &activity, NULL);
    self->loading = TRUE;
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->activity), activity);
    self->loading = FALSE;
  }
  return GTK_WIDGET (self);
}
