/* factures-instalments-dialog.c — the instalment plan (échéancier) of an invoice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-form.h"
#include "factures-instalments-dialog.h"
#include "factures-schedule.h"
#include "factures-window.h"

typedef struct {
  FacturesStore *store;
  gint64         document_id;
  gint64         balance;
  gboolean       draft;       /* issue 6: the schedule agreed before issuing */
  GDate          issue_date;
  FacturesClientCategory category;   /* the draft's buyer (individual without one) */
  FacturesEomMethod      eom_method;
  char          *number;
  GtkWidget     *window;
  GtkWidget     *rows;        /* GtkListBox */
  GtkWidget     *count_spin;
  GtkWidget     *sum_label;
  GtkWidget     *error_label;
} Dialog;

static void
dialog_free (gpointer data)
{
  Dialog *d = data;

  g_clear_object (&d->store);
  g_free (d->number);
  g_free (d);
}

GArray *
factures_instalments_split (gint64       balance,
                            guint        n,
                            const GDate *first)
{
  GArray *plan = g_array_new (FALSE, TRUE, sizeof (FacturesInstalment));
  gint64 share;

  g_return_val_if_fail (n >= 1, plan);
  g_return_val_if_fail (first != NULL && g_date_valid (first), plan);

  share = balance / (gint64) n;
  for (guint i = 0; i < n; i++)
    {
      FacturesInstalment inst = { 0 };

      inst.number = (gint) i + 1;
      inst.due_date = *first;
      if (i > 0)
        g_date_add_months (&inst.due_date, i);   /* clamps 31 → 30/28/29 */
      inst.amount = i + 1 < n ? share : balance - share * (gint64) (n - 1);
      g_array_append_val (plan, inst);
    }
  return plan;
}

static guint
n_rows (Dialog *d)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (d->rows); row != NULL; row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

static void update_sum (Dialog *d);

static void
remove_row (GtkButton *button,
            GtkWidget *row)
{
  Dialog *d = g_object_get_data (G_OBJECT (row), "dialog");

  gtk_list_box_remove (GTK_LIST_BOX (d->rows), row);
  update_sum (d);
}

static void
add_row (Dialog       *d,
         const GDate  *date,
         gint64        amount)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *date_entry = gtk_entry_new ();
  GtkWidget *amount_entry = gtk_entry_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  guint position = n_rows (d) + 1;
  g_autofree char *date_name = g_strdup_printf (_("Due date, instalment %u"), position);
  g_autofree char *amount_name = g_strdup_printf (_("Amount, instalment %u"), position);
  g_autofree char *remove_name = g_strdup_printf (_("Remove instalment %u"), position);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  if (date != NULL && g_date_valid (date))
    {
      g_autofree char *text = factures_date_format_fr (date);
      gtk_editable_set_text (GTK_EDITABLE (date_entry), text);
    }
  gtk_entry_set_placeholder_text (GTK_ENTRY (date_entry), _("DD/MM/YYYY"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (date_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, date_name, -1);
  gtk_widget_set_hexpand (date_entry, TRUE);
  gtk_box_append (GTK_BOX (box), date_entry);
  if (amount > 0)
    {
      g_autofree char *text = factures_money_format_plain (amount);
      gtk_editable_set_text (GTK_EDITABLE (amount_entry), text);
    }
  gtk_entry_set_alignment (GTK_ENTRY (amount_entry), 1.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (amount_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, amount_name, -1);
  gtk_widget_set_hexpand (amount_entry, TRUE);
  gtk_box_append (GTK_BOX (box), amount_entry);
  gtk_widget_add_css_class (remove, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_row), row);
  gtk_box_append (GTK_BOX (box), remove);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "dialog", d);
  g_object_set_data (G_OBJECT (row), "date", date_entry);
  g_object_set_data (G_OBJECT (row), "amount", amount_entry);
  g_signal_connect_swapped (amount_entry, "changed", G_CALLBACK (update_sum), d);
  gtk_list_box_append (GTK_LIST_BOX (d->rows), row);
}

/* The plan as typed, or NULL with @error naming the row. */
static GArray *
collect (Dialog  *d,
         GError **error)
{
  g_autoptr (GArray) plan = g_array_new (FALSE, TRUE, sizeof (FacturesInstalment));
  guint i = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (d->rows); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      FacturesInstalment inst = { 0 };
      g_autofree char *date = factures_editable_get_trimmed (g_object_get_data (G_OBJECT (row), "date"));
      g_autofree char *amount = factures_editable_get_trimmed (g_object_get_data (G_OBJECT (row), "amount"));
      g_autofree char *date_field = g_strdup_printf (_("Due date, instalment %u"), i + 1);
      g_autofree char *amount_field = g_strdup_printf (_("Amount, instalment %u"), i + 1);

      inst.number = (gint) ++i;
      if (!factures_date_parse_fr (date, date_field, &inst.due_date, error) ||
          !factures_money_parse (amount, amount_field, &inst.amount, error))
        return NULL;
      g_array_append_val (plan, inst);
    }
  return g_steal_pointer (&plan);
}

static void
update_sum (Dialog *d)
{
  gint64 sum = 0;
  g_autofree char *sum_text = NULL;
  g_autofree char *balance_text = factures_money_format (d->balance);
  g_autofree char *text = NULL;

  for (GtkWidget *row = gtk_widget_get_first_child (d->rows); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      g_autofree char *amount = factures_editable_get_trimmed (g_object_get_data (G_OBJECT (row), "amount"));
      gint64 cents = 0;

      if (factures_money_parse (amount, "", &cents, NULL))
        sum += cents;
    }
  sum_text = factures_money_format (sum);
  /* Translators: "Total of the instalments: 1 000,00 € of 1 590,00 €" */
  text = g_strdup_printf (_("Total of the instalments: %s of %s"), sum_text, balance_text);
  gtk_label_set_text (GTK_LABEL (d->sum_label), text);
  if (sum != d->balance && n_rows (d) > 0)
    gtk_widget_add_css_class (d->sum_label, "warning");
  else
    gtk_widget_remove_css_class (d->sum_label, "warning");
}

/* A draft for a professional client: the schedule must end within the legal limit. */
static gboolean
within_limit (Dialog *d)
{
  return d->draft && g_date_valid (&d->issue_date) && factures_client_category_is_b2b (d->category);
}

static void
on_split (Dialog *d)
{
  g_autoptr (GArray) plan = NULL;
  guint n = (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (d->count_spin));
  GtkWidget *child;
  GDate first;

  /* a month after the issue date of a draft, after today for an issued invoice */
  if (d->draft && g_date_valid (&d->issue_date))
    first = d->issue_date;
  else
    factures_today (&first);
  g_date_add_months (&first, 1);
  plan = factures_instalments_split (d->balance, MAX (n, 1), &first);
  if (within_limit (d))
    {
      /* A professional client's draft: monthly instalments would pass the legal limit
       * (C. com. L441-10), so they are spread evenly up to it, the last one on it. */
      GDate limit;
      gint span;

      factures_schedule_legal_limit (&d->issue_date, d->eom_method, &limit);
      span = factures_date_days_between (&d->issue_date, &limit);
      n = MAX (n, 1);
      for (guint i = 0; i < plan->len; i++)
        {
          FacturesInstalment *inst = &g_array_index (plan, FacturesInstalment, i);

          inst->due_date = d->issue_date;
          g_date_add_days (&inst->due_date, (guint) ((gint64) span * (i + 1) / n));
        }
    }
  while ((child = gtk_widget_get_first_child (d->rows)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (d->rows), child);
  for (guint i = 0; i < plan->len; i++)
    {
      const FacturesInstalment *inst = &g_array_index (plan, FacturesInstalment, i);
      add_row (d, &inst->due_date, inst->amount);
    }
  update_sum (d);
}

static void
on_add (Dialog *d)
{
  add_row (d, NULL, 0);
  update_sum (d);
}

static void
set_error (Dialog     *d,
           const char *message)
{
  gtk_label_set_text (GTK_LABEL (d->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (d->error_label, message != NULL);
}

static void
on_save (Dialog *d)
{
  g_autoptr (GArray) plan = NULL;
  g_autoptr (GError) error = NULL;
  GtkWindow *parent;

  plan = collect (d, &error);
  if (plan != NULL && d->draft && plan->len > 0 && g_date_valid (&d->issue_date))
    {
      /* A draft's schedule meets the rules of issuing now, but for its sum (the
       * total may still change): dates from the issue date on, the legal limit
       * for a professional client (factures_schedule_validate()). */
      g_autoptr (GArray) planned = g_array_new (FALSE, TRUE, sizeof (FacturesPlannedInstalment));

      for (guint i = 0; i < plan->len; i++)
        {
          const FacturesInstalment *inst = &g_array_index (plan, FacturesInstalment, i);
          FacturesPlannedInstalment p = { inst->due_date, inst->amount };

          g_array_append_val (planned, p);
        }
      if (!factures_schedule_validate (planned, &d->issue_date, d->category, d->eom_method, -1, &error))
        g_clear_pointer (&plan, g_array_unref);
    }
  if (plan == NULL || !factures_store_set_instalments (d->store, d->document_id, plan, &error))
    {
      set_error (d, error->message);
      return;
    }
  parent = gtk_window_get_transient_for (GTK_WINDOW (d->window));
  if (FACTURES_IS_WINDOW (parent) && d->number != NULL)
    {
      /* Translators: %s is an invoice number */
      g_autofree char *text = plan->len > 0 ? g_strdup_printf (_("Instalment plan of %s saved"), d->number)
                                            : g_strdup_printf (_("Instalment plan of %s removed"), d->number);
      factures_window_add_toast (FACTURES_WINDOW (parent), text);
    }
  gtk_window_close (GTK_WINDOW (d->window));
}

GtkWidget *
factures_instalments_dialog_open (GtkWindow     *parent,
                                  FacturesStore *store,
                                  gint64         document_id)
{
  Dialog *d;
  g_autoptr (FacturesDocument) document = NULL;
  g_autoptr (GArray) plan = NULL;
  g_autoptr (GError) error = NULL;
  FacturesBalance balance = { 0 };
  GtkWidget *box, *header, *button, *content, *split_box, *label, *scroller;
  g_autofree char *title = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  document = factures_store_get_document (store, document_id, &error);
  if (document != NULL && document->status == FACTURES_DOCUMENT_STATUS_DRAFT)
    {
      /* A draft (issue 6): its amount due as it stands; the sum is checked at issue. */
      g_auto (FacturesTotals) totals = { 0 };

      if (factures_document_compute_totals (document, &totals, &error))
        balance.balance = totals.amount_due;
      else
        g_clear_pointer (&document, factures_document_free);
    }
  else if (document != NULL && !factures_store_get_payment_balance (store, document_id, &balance, &error))
    g_clear_pointer (&document, factures_document_free);
  if (document == NULL ||
      (plan = factures_store_get_instalments (store, document_id, &error)) == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (parent, _("The invoice cannot be read"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return NULL;
    }

  d = g_new0 (Dialog, 1);
  d->store = g_object_ref (store);
  d->document_id = document_id;
  d->balance = balance.balance;
  d->draft = document->status == FACTURES_DOCUMENT_STATUS_DRAFT;
  d->issue_date = document->issue_date;
  d->category = document->buyer != NULL ? document->buyer->category : FACTURES_CLIENT_CATEGORY_INDIVIDUAL;
  d->eom_method = document->seller != NULL ? document->seller->eom_method : FACTURES_EOM_METHOD_ADD_THEN_END;
  d->number = g_strdup (document->number);
  d->window = adw_window_new ();
  g_object_set_data_full (G_OBJECT (d->window), "factures-dialog", d, dialog_free);
  if (d->draft)
    title = g_strdup (_("Payment Schedule of the Draft"));
  else
    /* Translators: %s is an invoice number */
    title = g_strdup_printf (_("Instalment Plan of %s"), document->number);
  gtk_window_set_title (GTK_WINDOW (d->window), title);
  gtk_window_set_modal (GTK_WINDOW (d->window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (d->window), 520, 560);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (d->window), parent);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  button = gtk_button_new_with_label (_("Cancel"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (gtk_window_close), d->window);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), button);
  button = gtk_button_new_with_label (_("Save"));
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_save), d);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), button);
  gtk_box_append (GTK_BOX (box), header);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);

  if (d->draft)
    {
      /* What happens to the schedule of a draft (issue 6). */
      label = gtk_label_new (_("The schedule agreed with the client is printed on the invoice. "
                               "The draft can still change: when it is issued, the instalments must "
                               "add up to the amount due, the last one gives the due date and, for a "
                               "professional client, falls within the legal limit (60 days, or 45 days "
                               "end of month)."));
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (content), label);
    }

  split_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  label = gtk_label_new (d->draft ? _("Split the amount due into") : _("Split the balance into"));
  gtk_box_append (GTK_BOX (split_box), label);
  d->count_spin = gtk_spin_button_new_with_range (1, 36, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (d->count_spin), 3);
  gtk_accessible_update_property (GTK_ACCESSIBLE (d->count_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Number of instalments"), -1);
  gtk_box_append (GTK_BOX (split_box), d->count_spin);
  label = gtk_label_new (within_limit (d) ? _("instalments up to the legal limit") : _("monthly instalments"));
  gtk_box_append (GTK_BOX (split_box), label);
  button = gtk_button_new_with_label (_("Split"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_split), d);
  gtk_box_append (GTK_BOX (split_box), button);
  gtk_box_append (GTK_BOX (content), split_box);

  d->rows = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (d->rows), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (d->rows, "boxed-list");
  gtk_widget_set_valign (d->rows, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (d->rows), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Instalments"), -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), d->rows);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (content), scroller);

  button = gtk_button_new_with_label (_("Add Instalment"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_add), d);
  gtk_box_append (GTK_BOX (content), button);

  d->sum_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (d->sum_label), 0.0);
  gtk_box_append (GTK_BOX (content), d->sum_label);
  d->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (d->error_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (d->error_label), 0.0);
  gtk_widget_add_css_class (d->error_label, "error");
  gtk_widget_set_visible (d->error_label, FALSE);
  gtk_box_append (GTK_BOX (content), d->error_label);
  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (d->window), box);

  for (guint i = 0; i < plan->len; i++)
    {
      const FacturesInstalment *inst = &g_array_index (plan, FacturesInstalment, i);
      add_row (d, &inst->due_date, inst->amount);
    }
  update_sum (d);
  gtk_window_present (GTK_WINDOW (d->window));
  return d->window;
}
