/* factures-client-history-group.c — what a client owes and how it pays
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-client-document-row.h"
#include "factures-client-history-group.h"
#include "factures-currency-sums.h"
#include "factures-imported-sale-row.h"
#include "factures-rows.h"
#include "factures-store-receipts.h"
#include "factures-store-recurring.h"

#define MAX_DOCUMENTS 200

struct _FacturesClientHistoryGroup
{
  AdwPreferencesGroup parent_instance;

  GtkWidget     *error_row;
  GtkLabel      *error_label;
  GtkWidget     *invoiced_row;
  GtkLabel      *invoiced_label;
  GtkWidget     *owed_row;
  GtkLabel      *owed_label;
  GtkWidget     *late_row;
  GtkLabel      *late_label;
  GtkWidget     *delay_row;
  GtkLabel      *delay_label;
  GtkWidget     *risk_row;
  GtkLabel      *risk_label;
  GtkWidget     *documents_group;
  GtkWidget     *no_documents_row;
  GtkWidget     *documents_error_row;
  GtkLabel      *documents_error_label;
  GtkWidget     *imported_group;   /* imported sales (issue 6), hidden when none */

  FacturesStore *store;
  gint64         client_id;
  GPtrArray     *rows;             /* document and sale rows, removed on refresh */
};

G_DEFINE_FINAL_TYPE (FacturesClientHistoryGroup, factures_client_history_group, ADW_TYPE_PREFERENCES_GROUP)

/* A summary row says its value: "@title : @value" for a screen reader. */
static void
set_value (GtkWidget  *row,
           GtkLabel   *label,
           const char *value,
           const char *style)
{
  static const char *const styles[] = { "error", "warning", "success" };
  g_autofree char *name = g_strdup_printf ("%s : %s",
                                           adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), value);

  gtk_label_set_label (label, value);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), styles[i]);
  if (style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (label), style);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_visible (row, TRUE);
}

static void
show_summary (FacturesClientHistoryGroup *self,
              gboolean                    shown)
{
  gtk_widget_set_visible (self->invoiced_row, shown);
  gtk_widget_set_visible (self->owed_row, shown);
  gtk_widget_set_visible (self->late_row, shown);
  gtk_widget_set_visible (self->delay_row, shown);
  gtk_widget_set_visible (self->risk_row, shown);
}

static void
clear_rows (FacturesClientHistoryGroup *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
  gtk_widget_set_visible (self->error_row, FALSE);
  gtk_widget_set_visible (self->documents_error_row, FALSE);
  gtk_widget_set_visible (self->no_documents_row, FALSE);
}

static void
add_row (FacturesClientHistoryGroup *self,
         GtkWidget                  *group,
         GtkWidget                  *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_ptr_array_add (self->rows, row);
}

/* "Invoiced", "Owed", "Late", "Average payment delay", "Payment risk". Imported sales in euros
 * count in "Invoiced" (their BT-112 as written); the others cannot be added to euros and are
 * listed only. Unpaid ones in euros count in "Owed"; late and the risk stay those of the app's
 * invoices (the dunning ladder does not run on imported invoices). */
/* Finding T5: the client's issued invoices summed per currency (invoiced, owed, late), from
 * the same balances as its document rows. TRUE when one is in another currency than euros:
 * the store's history then adds GBP to euros and is not shown. */
static gboolean
sum_per_currency (GPtrArray *documents,
                  GArray    *invoiced,
                  GArray    *owed,
                  GArray    *late)
{
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      FacturesDocumentRow *row = g_ptr_array_index (documents, i);
      gint kind = factures_document_row_get_kind (row);
      const char *code = factures_document_row_get_currency (row);
      gint64 balance = factures_document_row_get_balance (row);

      if (factures_document_row_get_status (row) != FACTURES_DOCUMENT_STATUS_ISSUED ||
          (kind != FACTURES_DOCUMENT_KIND_INVOICE && kind != FACTURES_DOCUMENT_KIND_DEPOSIT))
        continue;
      factures_currency_sums_add (invoiced, code, factures_document_row_get_total (row));
      factures_currency_sums_add (owed, code, balance);
      if (balance > 0 && factures_document_row_get_days_late (row) > 0)
        factures_currency_sums_add (late, code, balance);
    }
  return factures_currency_sums_foreign (invoiced);
}

static void
refresh_summary (FacturesClientHistoryGroup  *self,
                 const FacturesClientHistory *h,
                 GPtrArray                   *sales,
                 GPtrArray                   *documents)
{
  g_autoptr (GArray) invoiced_sums = factures_currency_sums_new ();
  g_autoptr (GArray) owed_sums = factures_currency_sums_new ();
  g_autoptr (GArray) late_sums = factures_currency_sums_new ();
  gboolean foreign;
  gint64 imported_total = 0;
  guint n_imported = 0;
  gint64 imported_owed = 0;
  guint n_imported_owed = 0;
  g_autofree char *invoiced = NULL;
  g_autofree char *owed = NULL;
  g_autofree char *late = NULL;
  g_autofree char *invoiced_text = NULL;
  g_autofree char *late_text = NULL;
  g_autofree char *delay_text = NULL;
  g_autofree char *invoiced_including = NULL;
  g_autofree char *owed_including = NULL;
  FacturesRisk risk;

  for (guint i = 0; sales != NULL && i < sales->len; i++)
    {
      const FacturesImportedSale *sale = g_ptr_array_index (sales, i);

      if (sale->grand_total_cents >= 0)
        {
          imported_total += sale->grand_total_cents;
          n_imported++;
        }
      /* Unpaid, in euros: owed too, or "Owed" would say 0 € beside an unpaid invoice. */
      if (!sale->paid && sale->grand_total_cents >= 0 && sale->due_payable_cents > 0)
        {
          imported_owed += sale->due_payable_cents;
          n_imported_owed++;
        }
    }

  foreign = sum_per_currency (documents, invoiced_sums, owed_sums, late_sums);
  if (foreign)
    {
      /* imported sales in euros count as above */
      factures_currency_sums_add (invoiced_sums, NULL, imported_total);
      factures_currency_sums_add (owed_sums, NULL, imported_owed);
      invoiced = factures_currency_sums_format (invoiced_sums);
      owed = factures_currency_sums_format (owed_sums);
      late = factures_currency_sums_format (late_sums);
    }
  else
    {
      invoiced = factures_money_format (h->invoiced_total + imported_total);
      owed = factures_money_format (h->outstanding + imported_owed);
      late = factures_money_format (h->overdue);
    }

  /* Translators: "1 200,00 € (4 invoices)" */
  invoiced_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u invoice)", "%s (%u invoices)",
                                                h->n_invoices + n_imported),
                                   invoiced, h->n_invoices + n_imported);
  set_value (self->invoiced_row, self->invoiced_label, invoiced_text, NULL);
  if (n_imported > 0)
    {
      g_autofree char *amount = factures_money_format (imported_total);

      /* Translators: subtitle of "Invoiced": "Including 1 imported invoice in euros (250,00 €)" */
      invoiced_including = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "Including %u imported invoice in euros (%s)",
                                                         "Including %u imported invoices in euros (%s)",
                                                         n_imported), n_imported, amount);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->invoiced_row), invoiced_including ? invoiced_including : "");

  set_value (self->owed_row, self->owed_label, owed, NULL);
  if (n_imported_owed > 0)
    {
      g_autofree char *amount = factures_money_format (imported_owed);

      /* Translators: subtitle of "Owed": "Including 1 unpaid imported invoice (250,00 €)" */
      owed_including = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "Including %u unpaid imported invoice (%s)",
                                                     "Including %u unpaid imported invoices (%s)",
                                                     n_imported_owed), n_imported_owed, amount);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->owed_row), owed_including ? owed_including : "");

  if (h->n_overdue > 0)
    /* Translators: "300,00 € on 2 invoices, up to 45 days late" */
    late_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s on %u invoice, up to %d days late",
                                              "%s on %u invoices, up to %d days late", h->n_overdue),
                                 late, h->n_overdue, h->max_days_late);
  set_value (self->late_row, self->late_label, late_text ? late_text : _("Nothing late"),
             h->n_overdue > 0 ? "error" : NULL);

  if (h->n_paid == 0)
    delay_text = g_strdup ("—");
  else if (h->average_delay > 0)
    /* Translators: average payment delay: "12 days after the due date (5 invoices paid)" */
    delay_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day after the due date",
                                               "%d days after the due date", h->average_delay),
                                  h->average_delay);
  else if (h->average_delay < 0)
    delay_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day before the due date",
                                               "%d days before the due date", -h->average_delay),
                                  -h->average_delay);
  else
    delay_text = g_strdup (_("On the due date"));
  set_value (self->delay_row, self->delay_label, delay_text, NULL);

  risk = factures_client_history_risk (h);
  set_value (self->risk_row, self->risk_label, factures_risk_title (risk),
             risk == FACTURES_RISK_HIGH ? "error" :
             risk == FACTURES_RISK_MEDIUM ? "warning" :
             risk == FACTURES_RISK_LOW ? "success" : NULL);
}

static void
refresh (FacturesClientHistoryGroup *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (GPtrArray) sales = NULL;
  FacturesClientHistory h;
  GDate today;

  clear_rows (self);

  factures_today (&today);
  if (!factures_store_client_history (self->store, self->client_id, &today, &h, &error))
    {
      show_summary (self, FALSE);
      set_value (self->error_row, self->error_label, error->message, "error");
      return;
    }
  show_summary (self, TRUE);
  sales = factures_store_list_client_imported_sales (self->store, self->client_id, NULL);
  documents = factures_store_list_client_documents (self->store, self->client_id, &today, &error);
  refresh_summary (self, &h, sales, documents);

  /* The client's imported sales (issue 6): figures as the file wrote them, paid or not. */
  gtk_widget_set_visible (self->imported_group, sales != NULL && sales->len > 0);
  for (guint i = 0; sales != NULL && i < sales->len && i < MAX_DOCUMENTS; i++)
    add_row (self, self->imported_group,
             factures_imported_sale_row_new (self->store, g_ptr_array_index (sales, i)));

  if (documents == NULL)
    {
      set_value (self->documents_error_row, self->documents_error_label, error->message, "error");
      return;
    }
  if (documents->len == 0)
    gtk_widget_set_visible (self->no_documents_row, TRUE);
  for (guint i = 0; i < documents->len && i < MAX_DOCUMENTS; i++)
    add_row (self, self->documents_group,
             factures_client_document_row_new (self->store, g_ptr_array_index (documents, i)));
}

static void
factures_client_history_group_dispose (GObject *object)
{
  FacturesClientHistoryGroup *self = FACTURES_CLIENT_HISTORY_GROUP (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_CLIENT_HISTORY_GROUP);

  G_OBJECT_CLASS (factures_client_history_group_parent_class)->dispose (object);
}

static void
factures_client_history_group_class_init (FacturesClientHistoryGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = factures_client_history_group_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/clients/factures-client-history-group.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesClientHistoryGroup, error_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientHistoryGroup, error_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientHistoryGroup, invoiced_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientHistoryGroup, invoiced_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientHistoryGroup, owed_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientHistoryGroup, owed_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientHistoryGroup, late_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientHistoryGroup, late_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientHistoryGroup, delay_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientHistoryGroup, delay_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientHistoryGroup, risk_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientHistoryGroup, risk_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientHistoryGroup, documents_group);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientHistoryGroup, no_documents_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientHistoryGroup, documents_error_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientHistoryGroup, documents_error_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientHistoryGroup, imported_group);
}

static void
factures_client_history_group_init (FacturesClientHistoryGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

GtkWidget *
factures_client_history_group_new (FacturesStore *store,
                                   gint64         client_id)
{
  FacturesClientHistoryGroup *self;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  self = g_object_new (FACTURES_TYPE_CLIENT_HISTORY_GROUP, NULL);
  self->store = g_object_ref (store);
  self->client_id = client_id;
  g_signal_connect_object (store, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  refresh (self);
  return GTK_WIDGET (self);
}

GtkWidget *
factures_client_history_group_get_documents_group (FacturesClientHistoryGroup *self)
{
  g_return_val_if_fail (FACTURES_IS_CLIENT_HISTORY_GROUP (self), NULL);

  return self->documents_group;
}

GtkWidget *
factures_client_history_group_get_imported_group (FacturesClientHistoryGroup *self)
{
  g_return_val_if_fail (FACTURES_IS_CLIENT_HISTORY_GROUP (self), NULL);

  return self->imported_group;
}
