/* factures-client-history.c — what a client owes and how it pays
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-client-history.h"
#include "factures-documents.h"
#include "factures-rows.h"
#include "factures-store-recurring.h"

#define MAX_DOCUMENTS 200

typedef struct {
  FacturesStore *store;
  gint64         client_id;
  gulong         changed_id;
  GtkWindow     *window;
  GtkWidget     *summary;     /* AdwPreferencesGroup */
  GtkWidget     *documents;   /* AdwPreferencesGroup */
  GPtrArray     *rows;        /* widgets added to the groups, removed on refresh */
} History;

static void
history_free (History *history)
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
                  History   *history)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "id");

  factures_editor_window_open (history->window, history->store, id, 0);
}

static void
refresh (History *history)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) documents = NULL;
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

  {
    g_autofree char *invoiced = factures_money_format (h.invoiced_total);
    g_autofree char *owed = factures_money_format (h.outstanding);
    g_autofree char *late = factures_money_format (h.overdue);
    g_autofree char *invoiced_text = NULL;
    g_autofree char *late_text = NULL;
    g_autofree char *delay_text = NULL;

    /* Translators: "1 200,00 € (4 invoices)" */
    invoiced_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u invoice)", "%s (%u invoices)", h.n_invoices),
                                     invoiced, h.n_invoices);
    value_row (history, history->summary, _("Invoiced"), invoiced_text, NULL);
    value_row (history, history->summary, _("Owed"), owed, NULL);
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
      gint64 *id = g_new (gint64, 1);

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
      *id = factures_document_row_get_id (doc);
      g_object_set_data_full (G_OBJECT (row), "id", id, g_free);
      g_signal_connect (row, "activated", G_CALLBACK (open_document_cb), history);
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

void
factures_client_history_attach (GtkWindow     *editor,
                                FacturesStore *store,
                                gint64         client_id)
{
  GtkWidget *page;
  History *history;

  g_return_if_fail (GTK_IS_WINDOW (editor));
  g_return_if_fail (FACTURES_IS_STORE (store));

  page = find_page (GTK_WIDGET (editor));
  if (page == NULL || client_id == 0)
    return;

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
  /* The history first: it is what the page is opened for before an order. */
  {
    GtkWidget *box = gtk_widget_get_parent (history->summary);

    if (GTK_IS_BOX (box))
      gtk_box_reorder_child_after (GTK_BOX (box), history->summary, NULL);
  }
  g_object_set_data_full (G_OBJECT (editor), "factures-client-history", history, (GDestroyNotify) history_free);
  history->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (refresh), history);
  refresh (history);
}
