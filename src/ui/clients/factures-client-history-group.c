/* factures-client-history.c — what a client owes and how it pays
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-cancel-payment-dialog.h"
#include "factures-client-history.h"
#include "factures-documents.h"
#include "factures-rows.h"
#include "factures-store-recurring.h"
#include "factures-store-receipts.h"
#include "factures-imported-payment-dialog.h"
#include "factures-facturx-ui.h"
#include "factures-imported-text.h"

#define MAX_DOCUMENTS 200

struct _FacturesClientHistoryGroups
{
  FacturesStore *store;
  gint64         client_id;
  gulong         changed_id;
  GtkWindow     *window;
  GtkWidget     *summary;     /* AdwPreferencesGroup */
  GtkWidget     *documents;   /* AdwPreferencesGroup */
  GtkWidget     *imported;    /* AdwPreferencesGroup: imported sales (issue 6), hidden when none */
  GPtrArray     *rows;        /* widgets added to the groups, removed on refresh */
};

typedef FacturesClientHistoryGroups History;

/* What a row or button acts on: its document or imported sale (no object data). */
typedef struct
{
  History *history;
  gint64   id;
  char    *number;
} Target;

static void
target_free (gpointer  data,
             GClosure *closure)
{
  Target *target = data;

  g_free (target->number);
  g_free (target);
}

static void
connect_target (GtkWidget  *widget,
                const char *signal,
                GCallback   callback,
                History    *history,
                gint64      id,
                const char *number)
{
  Target *target = g_new0 (Target, 1);

  target->history = history;
  target->id = id;
  target->number = g_strdup (number);
  g_signal_connect_data (widget, signal, callback, target, target_free, 0);
}

void
factures_client_history_groups_free (FacturesClientHistoryGroups *history)
{
  if (history->changed_id != 0)
    g_signal_handler_disconnect (history->store, history->changed_id);
  g_clear_object (&history->store);
  g_clear_pointer (&history->rows, g_ptr_array_unref);
  g_free (history);
}

static GtkWidget *
value_row (History    *history,
           GtkWidget  *group,
           const char *title,
           const char *value,
           const char *style)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);
  g_autofree char *name = g_strdup_printf ("%s : %s", title, value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "numeric");
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_ptr_array_add (history->rows, row);
  return row;
}

static void
open_document_cb (GtkWidget *row,
                  Target    *target)
{
  factures_editor_window_open (target->history->window, target->history->store, target->id, 0);
}

/* An imported sale: its details and "Export the Original…" (issue 6). */
static void
open_imported_cb (GtkWidget *row,
                  Target    *target)
{
  factures_facturx_ui_show_imported (target->history->window, target->history->store, target->id);
}

static void
record_payment_clicked_cb (GtkWidget *button,
                           Target    *target)
{
  gtk_window_present (factures_imported_payment_dialog_new (target->history->window, target->history->store,
                                                            target->id));
}

static void
cancel_payment_clicked_cb (GtkWidget *button,
                           Target    *target)
{
  gtk_window_present (GTK_WINDOW (factures_cancel_payment_dialog_new (target->history->window,
                                                                      target->history->store,
                                                                      target->id, target->number)));
}

/* The client's imported sales (issue 6): figures as the file wrote them, paid or not. */
static void
add_imported_rows (History *history, GPtrArray *sales)
{
  gtk_widget_set_visible (history->imported, sales != NULL && sales->len > 0);
  for (guint i = 0; sales != NULL && i < sales->len && i < MAX_DOCUMENTS; i++)
    {
      const FacturesImportedSale *sale = g_ptr_array_index (sales, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button;
      g_autofree char *title = NULL;
      g_autofree char *date = g_date_valid (&sale->issue_date) ? factures_date_format_fr (&sale->issue_date) : NULL;
      g_autoptr (GString) subtitle = g_string_new (date != NULL ? date : "");

      /* Translators: "F2026-0001 — Imported invoice" */
      title = g_strdup_printf (_("%s — %s"), sale->number, _("Imported invoice"));
      /* the total as written, the French way: "1 590,00 €", "110,00 USD" */
      {
        g_autofree char *total = factures_imported_amount_format (sale->grand_total, sale->currency);

        g_string_append_printf (subtitle, " — %s", total);
      }
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
          gtk_widget_add_css_class (row, "error");
          if (sale->figure_problems != NULL)
            gtk_widget_set_tooltip_text (row, sale->figure_problems);
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      if (!sale->paid)
        {
          button = gtk_button_new_with_mnemonic (_("_Record Payment…"));
          connect_target (button, "clicked", G_CALLBACK (record_payment_clicked_cb), history, sale->id, NULL);
        }
      else
        {
          button = gtk_button_new_with_mnemonic (_("Cancel _Payment…"));
          gtk_widget_add_css_class (button, "flat");
          connect_target (button, "clicked", G_CALLBACK (cancel_payment_clicked_cb), history, sale->id,
                          sale->number);
        }
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      /* the row itself opens the invoice, with "Export the Original…" */
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      connect_target (row, "activated", G_CALLBACK (open_imported_cb), history, sale->id, NULL);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (history->imported), row);
      g_ptr_array_add (history->rows, row);
    }
}

static void
refresh (History *history)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (GPtrArray) sales = NULL;
  gint64 imported_total = 0;
  guint n_imported = 0;
  gint64 imported_owed = 0;
  guint n_imported_owed = 0;
  FacturesClientHistory h;
  FacturesRisk risk;
  GDate today;

  for (guint i = 0; i < history->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (history->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (history->rows, 0);

  factures_today (&today);
  if (!factures_store_client_history (history->store, history->client_id, &today, &h, &error))
    {
      value_row (history, history->summary, _("Error"), error->message, "error");
      return;
    }
  /* Imported sales in euros count in "Invoiced" (their BT-112 as written); the others cannot be
   * added to euros and are listed only. Unpaid ones in euros count in "Owed"; late and the risk
   * stay those of the app's invoices (the dunning ladder does not run on imported invoices). */
  sales = factures_store_list_client_imported_sales (history->store, history->client_id, NULL);
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

  {
    g_autofree char *invoiced = factures_money_format (h.invoiced_total + imported_total);
    g_autofree char *owed = factures_money_format (h.outstanding + imported_owed);
    g_autofree char *late = factures_money_format (h.overdue);
    g_autofree char *invoiced_text = NULL;
    g_autofree char *late_text = NULL;
    g_autofree char *delay_text = NULL;

    /* Translators: "1 200,00 € (4 invoices)" */
    invoiced_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u invoice)", "%s (%u invoices)",
                                                  h.n_invoices + n_imported),
                                     invoiced, h.n_invoices + n_imported);
    {
      GtkWidget *row = value_row (history, history->summary, _("Invoiced"), invoiced_text, NULL);

      if (n_imported > 0)
        {
          g_autofree char *amount = factures_money_format (imported_total);
          /* Translators: subtitle of "Invoiced": "Including 1 imported invoice in euros (250,00 €)" */
          g_autofree char *including = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                     "Including %u imported invoice in euros (%s)",
                                                                     "Including %u imported invoices in euros (%s)",
                                                                     n_imported), n_imported, amount);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), including);
        }
    }
    {
      GtkWidget *row = value_row (history, history->summary, _("Owed"), owed, NULL);

      if (n_imported_owed > 0)
        {
          g_autofree char *amount = factures_money_format (imported_owed);
          /* Translators: subtitle of "Owed": "Including 1 unpaid imported invoice (250,00 €)" */
          g_autofree char *including = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                     "Including %u unpaid imported invoice (%s)",
                                                                     "Including %u unpaid imported invoices (%s)",
                                                                     n_imported_owed), n_imported_owed, amount);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), including);
        }
    }
    if (h.n_overdue > 0)
      /* Translators: "300,00 € on 2 invoices, up to 45 days late" */
      late_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s on %u invoice, up to %d days late",
                                                "%s on %u invoices, up to %d days late", h.n_overdue),
                                   late, h.n_overdue, h.max_days_late);
    value_row (history, history->summary, _("Late"), late_text ? late_text : _("Nothing late"),
               h.n_overdue > 0 ? "error" : NULL);
    if (h.n_paid == 0)
      delay_text = g_strdup ("—");
    else if (h.average_delay > 0)
      /* Translators: average payment delay: "12 days after the due date (5 invoices paid)" */
      delay_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day after the due date",
                                                 "%d days after the due date", h.average_delay),
                                    h.average_delay);
    else if (h.average_delay < 0)
      delay_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day before the due date",
                                                 "%d days before the due date", -h.average_delay),
                                    -h.average_delay);
    else
      delay_text = g_strdup (_("On the due date"));
    value_row (history, history->summary, _("Average payment delay"), delay_text, NULL);
  }

  risk = factures_client_history_risk (&h);
  value_row (history, history->summary, _("Payment risk"), factures_risk_title (risk),
             risk == FACTURES_RISK_HIGH ? "error" :
             risk == FACTURES_RISK_MEDIUM ? "warning" :
             risk == FACTURES_RISK_LOW ? "success" : NULL);

  add_imported_rows (history, sales);

  documents = factures_store_list_client_documents (history->store, history->client_id, &today, &error);
  if (documents == NULL)
    {
      value_row (history, history->documents, _("Error"), error->message, "error");
      return;
    }
  if (documents->len == 0)
    value_row (history, history->documents, _("No document yet"), "", NULL);
  for (guint i = 0; i < documents->len && i < MAX_DOCUMENTS; i++)
    {
      FacturesDocumentRow *doc = g_ptr_array_index (documents, i);
      const char *number = factures_document_row_get_number (doc);
      g_autofree char *title = NULL;
      g_autofree char *total = factures_money_format (factures_document_row_get_total (doc));
      g_autofree char *date = NULL;
      g_autoptr (GString) subtitle = g_string_new (NULL);
      GDate d;
      GtkWidget *row = adw_action_row_new ();

      /* Translators: "F2026-0001 — Invoice" or "Draft — Invoice" */
      title = g_strdup_printf (_("%s — %s"), number ? number : _("Draft"),
                               factures_document_kind_title (factures_document_row_get_kind (doc)));
      if (factures_date_parse_iso (factures_document_row_get_issue_date (doc), &d, NULL))
        date = factures_date_format_fr (&d);
      g_string_append_printf (subtitle, "%s — %s", date ? date : "", total);
      if (factures_document_row_get_balance (doc) > 0)
        {
          g_autofree char *balance = factures_money_format (factures_document_row_get_balance (doc));

          g_string_append (subtitle, " — ");
          /* Translators: part of a document's subtitle: "50,00 € due" */
          g_string_append_printf (subtitle, _("%s due"), balance);
        }
      if (factures_document_row_get_days_late (doc) > 0)
        {
          gint days = factures_document_row_get_days_late (doc);

          g_string_append (subtitle, " — ");
          g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%d day late", "%d days late", days),
                                  days);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      connect_target (row, "activated", G_CALLBACK (open_document_cb), history,
                      factures_document_row_get_id (doc), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (history->documents), row);
      g_ptr_array_add (history->rows, row);
    }
}

static GtkWidget *
find_page (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_PREFERENCES_PAGE (child))
        return child;
      if ((found = find_page (child)) != NULL)
        return found;
    }
  return NULL;
}

FacturesClientHistoryGroups *
factures_client_history_attach (GtkWindow     *editor,
                                FacturesStore *store,
                                gint64         client_id)
{
  GtkWidget *page;
  History *history;

  g_return_val_if_fail (GTK_IS_WINDOW (editor), NULL);
  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  page = find_page (GTK_WIDGET (editor));
  if (page == NULL || client_id == 0)
    return NULL;

  history = g_new0 (History, 1);
  history->store = g_object_ref (store);
  history->client_id = client_id;
  history->window = editor;
  history->rows = g_ptr_array_new ();
  history->summary = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (history->summary), _("Payment History"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (history->summary),
                                         _("From the issued invoices, their credit notes and payments: "
                                           "before a large order from a risky client, ask for a deposit."));
  history->documents = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (history->documents), _("Documents"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (history->summary));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (history->documents));
  history->imported = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (history->imported), _("Imported Invoices"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (history->imported),
                                         _("Your invoices to this client imported from Factur-X or CII files, "
                                           "figures as written. Those in euros count in “Invoiced”; each one "
                                           "counts in the receipts register once its payment is recorded."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (history->imported));
  /* The history first: it is what the page is opened for before an order. */
  {
    GtkWidget *box = gtk_widget_get_parent (history->summary);

    if (GTK_IS_BOX (box))
      gtk_box_reorder_child_after (GTK_BOX (box), history->summary, NULL);
  }
  history->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (refresh), history);
  refresh (history);
  return history;
}
