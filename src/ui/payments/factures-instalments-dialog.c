/* factures-instalments-dialog.c — the instalment plan (échéancier) of an invoice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-form.h"
#include "factures-instalment-row.h"
#include "factures-instalments-dialog.h"
#include "factures-message-dialog.h"
#include "factures-schedule.h"
#include "factures-window.h"

struct _FacturesInstalmentsDialog
{
  AdwWindow      parent_instance;

  FacturesStore *store;
  gint64         document_id;
  gint64         balance;
  gboolean       draft;       /* issue 6: the schedule agreed before issuing */
  GDate          issue_date;
  FacturesClientCategory category;   /* the draft's buyer (individual without one) */
  FacturesEomMethod      eom_method;
  char          *number;

  GtkWidget     *draft_note;
  GtkWidget     *split_label;
  GtkWidget     *unit_label;
  GtkWidget     *rows;        /* GtkListBox of FacturesInstalmentRow */
  GtkWidget     *count_spin;
  GtkWidget     *sum_label;
  GtkWidget     *error_label;
};

G_DEFINE_FINAL_TYPE (FacturesInstalmentsDialog, factures_instalments_dialog, ADW_TYPE_WINDOW)

typedef FacturesInstalmentsDialog Dialog;

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
on_remove_requested (FacturesInstalmentRow *row,
                     Dialog                *d)
{
  gtk_list_box_remove (GTK_LIST_BOX (d->rows), GTK_WIDGET (row));
  update_sum (d);
}

static void
add_row (Dialog       *d,
         const GDate  *date,
         gint64        amount)
{
  GtkWidget *row = factures_instalment_row_new (n_rows (d) + 1, date, amount);

  g_signal_connect (row, "remove-requested", G_CALLBACK (on_remove_requested), d);
  g_signal_connect_swapped (factures_instalment_row_get_amount_entry (FACTURES_INSTALMENT_ROW (row)), "changed",
                            G_CALLBACK (update_sum), d);
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
      g_autofree char *date = factures_editable_get_trimmed (factures_instalment_row_get_date_entry (FACTURES_INSTALMENT_ROW (row)));
      g_autofree char *amount = factures_editable_get_trimmed (factures_instalment_row_get_amount_entry (FACTURES_INSTALMENT_ROW (row)));
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
      g_autofree char *amount = factures_editable_get_trimmed (factures_instalment_row_get_amount_entry (FACTURES_INSTALMENT_ROW (row)));
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
  parent = gtk_window_get_transient_for (GTK_WINDOW (d));
  if (FACTURES_IS_WINDOW (parent) && d->number != NULL)
    {
      /* Translators: %s is an invoice number */
      g_autofree char *text = plan->len > 0 ? g_strdup_printf (_("Instalment plan of %s saved"), d->number)
                                            : g_strdup_printf (_("Instalment plan of %s removed"), d->number);
      factures_window_add_toast (FACTURES_WINDOW (parent), text);
    }
  gtk_window_close (GTK_WINDOW (d));
}

static void
split_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  on_split (FACTURES_INSTALMENTS_DIALOG (widget));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  on_add (FACTURES_INSTALMENTS_DIALOG (widget));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  on_save (FACTURES_INSTALMENTS_DIALOG (widget));
}

static void
factures_instalments_dialog_dispose (GObject *object)
{
  FacturesInstalmentsDialog *self = FACTURES_INSTALMENTS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_INSTALMENTS_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (factures_instalments_dialog_parent_class)->dispose (object);
}

static void
factures_instalments_dialog_finalize (GObject *object)
{
  FacturesInstalmentsDialog *self = FACTURES_INSTALMENTS_DIALOG (object);

  g_free (self->number);

  G_OBJECT_CLASS (factures_instalments_dialog_parent_class)->finalize (object);
}

static void
factures_instalments_dialog_class_init (FacturesInstalmentsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = factures_instalments_dialog_dispose;
  object_class->finalize = factures_instalments_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/payments/factures-instalments-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesInstalmentsDialog, draft_note);
  gtk_widget_class_bind_template_child (widget_class, FacturesInstalmentsDialog, split_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesInstalmentsDialog, unit_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesInstalmentsDialog, rows);
  gtk_widget_class_bind_template_child (widget_class, FacturesInstalmentsDialog, count_spin);
  gtk_widget_class_bind_template_child (widget_class, FacturesInstalmentsDialog, sum_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesInstalmentsDialog, error_label);
  gtk_widget_class_install_action (widget_class, "instalments.split", NULL, split_action);
  gtk_widget_class_install_action (widget_class, "instalments.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "instalments.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
factures_instalments_dialog_init (FacturesInstalmentsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
      factures_message_dialog_show (parent, _("The invoice cannot be read"), error->message);
      return NULL;
    }

  d = g_object_new (FACTURES_TYPE_INSTALMENTS_DIALOG, NULL);
  d->store = g_object_ref (store);
  d->document_id = document_id;
  d->balance = balance.balance;
  d->draft = document->status == FACTURES_DOCUMENT_STATUS_DRAFT;
  d->issue_date = document->issue_date;
  d->category = document->buyer != NULL ? document->buyer->category : FACTURES_CLIENT_CATEGORY_INDIVIDUAL;
  d->eom_method = document->seller != NULL ? document->seller->eom_method : FACTURES_EOM_METHOD_ADD_THEN_END;
  d->number = g_strdup (document->number);
  if (d->draft)
    title = g_strdup (_("Payment Schedule of the Draft"));
  else
    /* Translators: %s is an invoice number */
    title = g_strdup_printf (_("Instalment Plan of %s"), document->number);
  gtk_window_set_title (GTK_WINDOW (d), title);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (d), parent);

  /* What happens to the schedule of a draft (issue 6). */
  gtk_widget_set_visible (d->draft_note, d->draft);
  gtk_label_set_text (GTK_LABEL (d->split_label),
                      d->draft ? _("Split the amount due into") : _("Split the balance into"));
  gtk_label_set_text (GTK_LABEL (d->unit_label),
                      within_limit (d) ? _("instalments up to the legal limit") : _("monthly instalments"));

  for (guint i = 0; i < plan->len; i++)
    {
      const FacturesInstalment *inst = &g_array_index (plan, FacturesInstalment, i);
      add_row (d, &inst->due_date, inst->amount);
    }
  update_sum (d);
  gtk_window_present (GTK_WINDOW (d));
  return GTK_WIDGET (d);
}
