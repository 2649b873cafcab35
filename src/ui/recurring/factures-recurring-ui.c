/* factures-recurring-ui.c — recurring invoices: dialog, list, start-up notice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-documents.h"
#include "factures-form.h"
#include "factures-pdf.h"
#include "factures-recurring-ui.h"
#include "factures-store-recurring.h"

static const FacturesPeriod periods[] = {
  FACTURES_PERIOD_MONTHLY, FACTURES_PERIOD_QUARTERLY, FACTURES_PERIOD_YEARLY,
};

/* ---- the "Make Recurring" dialog --------------------------------------- */

typedef struct {
  FacturesStore *store;
  gint64         document_id;
  GtkWidget     *window;
  GtkWidget     *period_row;
  GtkWidget     *start_row;
  GtkWidget     *end_row;
  GtkWidget     *mode_row;
  GtkWidget     *errors;
} Dialog;

static void
dialog_free (Dialog *dialog)
{
  g_clear_object (&dialog->store);
  g_free (dialog);
}

static void
dialog_error (Dialog     *dialog,
              const char *message)
{
  gtk_label_set_text (GTK_LABEL (dialog->errors), message);
  gtk_widget_set_visible (dialog->errors, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dialog->errors), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  message, -1);
}

static void
create_clicked_cb (Dialog *dialog)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *start_text = factures_editable_get_trimmed (dialog->start_row);
  g_autofree char *end_text = factures_editable_get_trimmed (dialog->end_row);
  guint period = adw_combo_row_get_selected (ADW_COMBO_ROW (dialog->period_row));
  GDate start, end;

  g_date_clear (&end, 1);
  if (!factures_date_parse_fr (start_text, _("First invoice"), &start, &error) ||
      (*end_text != '\0' && !factures_date_parse_fr (end_text, _("End"), &end, &error)))
    {
      dialog_error (dialog, error->message);
      return;
    }
  if (factures_store_recurring_from_document (dialog->store, dialog->document_id,
                                              periods[MIN (period, G_N_ELEMENTS (periods) - 1)],
                                              &start, &end,
                                              adw_combo_row_get_selected (ADW_COMBO_ROW (dialog->mode_row)) == 1,
                                              &error) == 0)
    {
      dialog_error (dialog, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (dialog->window));
}

static GtkWidget *
page_box (GtkWidget *window)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_box_append (GTK_BOX (content), adw_header_bar_new ());
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_box_append (GTK_BOX (content), box);
  adw_window_set_content (ADW_WINDOW (window), content);
  return box;
}

GtkWindow *
factures_recurring_dialog_open (GtkWindow     *parent,
                                FacturesStore *store,
                                gint64         document_id)
{
  const char *period_names[] = { _("Monthly"), _("Quarterly"), _("Yearly"), NULL };
  const char *modes[] = { _("Create a draft to check"), _("Issue automatically"), NULL };
  g_autoptr (FacturesDocument) document = NULL;
  g_autofree char *start = NULL;
  Dialog *dialog;
  GtkWidget *box, *group, *buttons, *cancel, *create, *intro;
  GDate next;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  dialog = g_new0 (Dialog, 1);
  dialog->store = g_object_ref (store);
  dialog->document_id = document_id;
  dialog->window = adw_window_new ();
  g_object_set_data_full (G_OBJECT (dialog->window), "dialog", dialog, (GDestroyNotify) dialog_free);
  gtk_window_set_title (GTK_WINDOW (dialog->window), _("Make Recurring"));
  gtk_window_set_modal (GTK_WINDOW (dialog->window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog->window), 480, -1);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (dialog->window), parent);

  box = page_box (dialog->window);
  intro = gtk_label_new (_("The same client, lines, discount and notes, invoiced again each period. "
                           "Invoices missed while Factures was closed are created once, as drafts."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0.0);
  gtk_label_set_max_width_chars (GTK_LABEL (intro), 50);
  gtk_box_append (GTK_BOX (box), intro);

  group = adw_preferences_group_new ();
  dialog->period_row = factures_combo_row_new (_("Period"), period_names);
  dialog->start_row = factures_entry_row_new (_("First invoice"));
  dialog->end_row = factures_entry_row_new (_("End (optional)"));
  dialog->mode_row = factures_combo_row_new (_("On each date"), modes);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), dialog->period_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), dialog->start_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), dialog->end_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), dialog->mode_row);
  gtk_box_append (GTK_BOX (box), group);

  /* The first invoice of the series: one month after this document's date. */
  document = factures_store_get_document (store, document_id, NULL);
  if (document != NULL && g_date_valid (&document->issue_date))
    factures_recurrence_nth (&document->issue_date, FACTURES_PERIOD_MONTHLY, 1, &next);
  else
    factures_today (&next);
  start = factures_date_format_fr (&next);
  gtk_editable_set_text (GTK_EDITABLE (dialog->start_row), start);

  dialog->errors = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (dialog->errors), TRUE);
  gtk_label_set_xalign (GTK_LABEL (dialog->errors), 0.0);
  gtk_widget_add_css_class (dialog->errors, "error");
  gtk_widget_set_visible (dialog->errors, FALSE);
  gtk_box_append (GTK_BOX (box), dialog->errors);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  cancel = gtk_button_new_with_label (_("Cancel"));
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), dialog->window);
  create = gtk_button_new_with_label (_("Create"));
  gtk_widget_add_css_class (create, "suggested-action");
  g_signal_connect_swapped (create, "clicked", G_CALLBACK (create_clicked_cb), dialog);
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), create);
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_window_present (GTK_WINDOW (dialog->window));
  return GTK_WINDOW (dialog->window);
}

/* ---- the list of templates --------------------------------------------- */

typedef struct {
  FacturesStore *store;
  gulong         changed_id;
  GtkWidget     *window;
  GtkWidget     *list;
  GtkWidget     *empty;
} ListWindow;

static void fill_templates (ListWindow *list);

static void
list_window_free (ListWindow *list)
{
  if (list->changed_id != 0)
    g_signal_handler_disconnect (list->store, list->changed_id);
  g_clear_object (&list->store);
  g_free (list);
}

static void
delete_template_cb (GtkButton  *button,
                    ListWindow *list)
{
  g_autoptr (GError) error = NULL;
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "id");

  if (!factures_store_delete_recurring (list->store, id, &error))
    g_warning ("%s", error->message);
}

static void
fill_templates (ListWindow *list)
{
  g_autoptr (GPtrArray) templates = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (list->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (list->list), child);

  templates = factures_store_list_recurring (list->store, &error);
  if (templates == NULL)
    {
      gtk_label_set_text (GTK_LABEL (list->empty), error->message);
      gtk_widget_set_visible (list->empty, TRUE);
      return;
    }
  for (guint i = 0; i < templates->len; i++)
    {
      const FacturesRecurring *r = g_ptr_array_index (templates, i);
      g_auto (FacturesTotals) totals = { NULL, };
      g_autofree char *next = factures_date_format_fr (&r->next_date);
      g_autofree char *end = g_date_valid (&r->end_date) ? factures_date_format_fr (&r->end_date) : NULL;
      g_autofree char *amount = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *delete_name = NULL;
      gboolean finished = g_date_valid (&r->end_date) && g_date_compare (&r->next_date, &r->end_date) > 0;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gint64 *id = g_new (gint64, 1);

      if (factures_totals_compute (r->lines, r->allowance, FALSE, &totals, NULL))
        amount = factures_money_format (totals.net_total);
      if (finished)
        /* Translators: subtitle of a finished recurring invoice: "Monthly — 1 200,00 € excl. VAT — ended 31/12/2026" */
        subtitle = g_strdup_printf (_("%s — %s excl. VAT — ended %s"), factures_period_title (r->period),
                                    amount ? amount : "—", end);
      else
        /* Translators: "Monthly — 1 200,00 € excl. VAT — next 31/01/2027 (until 31/12/2027) — draft" */
        subtitle = g_strdup_printf (_("%s — %s excl. VAT — next %s%s%s%s — %s"),
                                    factures_period_title (r->period), amount ? amount : "—", next,
                                    end ? _(" (until ") : "", end ? end : "", end ? ")" : "",
                                    r->auto_issue ? _("issued automatically") : _("draft to check"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), r->client_name ? r->client_name : "—");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

      *id = r->id;
      g_object_set_data_full (G_OBJECT (delete), "id", id, g_free);
      gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (delete, "flat");
      /* Translators: accessible name of the delete button of a recurring invoice */
      delete_name = g_strdup_printf (_("Stop the recurring invoice of %s"), r->client_name ? r->client_name : "");
      gtk_widget_set_tooltip_text (delete, delete_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_name, -1);
      g_signal_connect (delete, "clicked", G_CALLBACK (delete_template_cb), list);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
      gtk_list_box_append (GTK_LIST_BOX (list->list), row);
    }
  gtk_label_set_text (GTK_LABEL (list->empty),
                      _("No recurring invoice. Open an invoice and choose “Make Recurring…”."));
  gtk_widget_set_visible (list->empty, templates->len == 0);
  gtk_widget_set_visible (list->list, templates->len > 0);
}

GtkWindow *
factures_recurring_window_open (GtkWindow     *parent,
                                FacturesStore *store)
{
  ListWindow *list;
  GtkWidget *box, *group, *scrolled;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  list = g_new0 (ListWindow, 1);
  list->store = g_object_ref (store);
  list->window = adw_window_new ();
  g_object_set_data_full (G_OBJECT (list->window), "list", list, (GDestroyNotify) list_window_free);
  gtk_window_set_title (GTK_WINDOW (list->window), _("Recurring Invoices"));
  gtk_window_set_default_size (GTK_WINDOW (list->window), 640, 480);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (list->window), parent);
      gtk_window_set_application (GTK_WINDOW (list->window), gtk_window_get_application (parent));
    }

  box = page_box (list->window);
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Recurring Invoices"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Created at start-up on each date; stopping one keeps the invoices it made."));
  list->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list->list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Recurring Invoices"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list->list);
  list->empty = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (list->empty), TRUE);
  gtk_widget_add_css_class (list->empty, "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list->empty);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), group);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);

  list->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (fill_templates), list);
  fill_templates (list);
  gtk_window_present (GTK_WINDOW (list->window));
  return GTK_WINDOW (list->window);
}

/* ---- start-up ----------------------------------------------------------- */

static void
notice_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    FacturesStore    *store)
{
  g_autoptr (GError) error = NULL;

  if (!factures_store_mark_occurrences_seen (store, &error))
    g_printerr ("factures: %s\n", error->message);
}

void
factures_recurring_run_at_startup (GtkWindow     *window,
                                   FacturesStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) unseen = NULL;
  g_autoptr (GString) body = NULL;
  FacturesRecurringRun run;
  GtkWidget *dialog;
  GDate today;

  if (store == NULL)
    return;
  factures_today (&today);
  if (!factures_store_run_recurring (store, &today, factures_pdf_render_for_issue, NULL, &run, &error))
    {
      g_printerr ("factures: %s\n", error->message);
      return;
    }
  unseen = factures_store_list_unseen_occurrences (store, &error);
  if (unseen == NULL)
    {
      g_printerr ("factures: %s\n", error->message);
      return;
    }
  if (unseen->len == 0 || window == NULL)
    return;

  body = g_string_new (_("These recurring invoices were created as drafts, on their own dates, "
                         "while Factures was closed or could not issue them. Check them in "
                         "Documents, then issue them:"));
  for (guint i = 0; i < unseen->len; i++)
    {
      const FacturesOccurrence *o = g_ptr_array_index (unseen, i);
      g_autofree char *date = factures_date_format_fr (&o->date);

      g_string_append_printf (body, "\n• %s — %s", date, o->client_name ? o->client_name : "");
      if (o->document_id == 0)
        g_string_append_printf (body, " %s", _("(draft deleted since)"));
      if (o->issue_error != NULL)
        g_string_append_printf (body, "\n  %s", o->issue_error);
    }

  dialog = adw_message_dialog_new (window, _("Recurring Invoices to Check"), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "ok", _("OK"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (notice_response_cb), store, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
