/* factures-overdue-page.c — the Overdue dashboard, first view of the window
 *
 * Receivables at a glance (outstanding, overdue, expected this month, days
 * sales outstanding), the aging chart, the "To Do Today" queue of dunning steps
 * (each done in one action) and the list of overdue invoices, sorted in SQL.
 *
 * The queue is a GtkListView over FacturesTodoItem (only the visible rows are built; a
 * row's penalties are computed when it is shown). The page refreshes only when it is
 * mapped: a store change while it is hidden marks it stale (and updates the count of the
 * view switcher's badge), and mapping it refreshes it. A change while it is shown
 * (FacturesStore::item-changed, issue 12 item 2) refreshes the figures (one query each), the
 * overdue list (re-sorted, its visible rows rebuilt) and, in the queue, only the items of the
 * documents and clients the write touched; "everything" (an import) refreshes the whole page.
 * Commands are the widget actions "overdue.*", each taking the invoice id ("x").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "factures-aging-chart.h"
#include "factures-cell.h"
#include "factures-currency.h"
#include "factures-documents.h"
#include "factures-dunning-actions.h"
#include "factures-ereporting-window.h"
#include "factures-overdue-page.h"
#include "factures-instalments-dialog.h"
#include "factures-message-dialog.h"
#include "factures-payment-dialog.h"
#include "factures-rows.h"
#include "factures-sort-state.h"
#include "factures-sql-list-model.h"
#include "factures-store-deadlines.h"
#include "factures-store-einvoicing.h"
#include "factures-store-ereporting.h"
#include "factures-store-payments.h"
#include "factures-store-urssaf.h"
#include "factures-urssaf.h"
#include "factures-todo-item.h"
#include "factures-todo-row.h"

enum { CARD_OUTSTANDING, CARD_OVERDUE, CARD_EXPECTED, CARD_DSO, N_CARDS };

struct _FacturesOverduePage
{
  GtkBox              parent_instance;

  FacturesStore      *store;
  FacturesSortState  *sort_state;
  GtkSingleSelection *selection;
  GtkSliceListModel  *list_slice;      /* the first rows of the overdue list (see grow_slice) */
  GListStore         *todo_items;      /* FacturesTodoItem: the steps planned and the deadlines */
  GArray             *pending;         /* FacturesDunningCandidate: the invoices not planned yet */
  guint               next_pending;    /* the first of them */
  GPtrArray          *held_deadlines;  /* FacturesTodoItem: deadlines after every step planned */
  guint               n_planned;       /* candidates planned since the page was made (tests) */
  guint               n_due_deadlines; /* deadlines due today or late, not done */
  gulong              changed_id;
  gulong              item_changed_id;
  GArray             *changed_documents;   /* gint64: "item-changed" since the last "changed" */
  GArray             *changed_clients;
  gboolean            changed_everything;
  guint               n_full_refreshes;    /* for the tests */
  guint               n_item_updates;
  guint               count;
  guint               n_todo_rows;     /* rows the factory built, for the tests */
  gboolean            stale;           /* the store changed while the page was hidden */

  GtkLabel           *outstanding_value;
  GtkLabel           *outstanding_note;
  GtkLabel           *overdue_value;
  GtkLabel           *overdue_note;
  GtkLabel           *expected_value;
  GtkLabel           *expected_note;
  GtkLabel           *dso_value;
  GtkLabel           *dso_note;
  GtkWidget          *chart;
  GtkWidget          *chart_note;
  GtkWidget          *todo_title;
  GtkWidget          *todo_scroller;
  GtkListView        *todo_view;
  GtkWidget          *rates_notice;
  GtkWidget          *todo_empty;
  GtkStack           *stack;
  GtkColumnView      *view;
  GtkColumnViewColumn *pa_column;      /* shown when a PA account exists (issue 14) */
  GtkWidget          *list_buttons;
  GtkWidget          *list_payment;
  GtkWidget          *list_instalments;
  GtkWidget          *list_more;
  GtkWidget          *list_menu_box;
};

G_DEFINE_FINAL_TYPE (FacturesOverduePage, factures_overdue_page, GTK_TYPE_BOX)

enum { PROP_0, PROP_COUNT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static const char *
card_title (guint card)
{
  switch (card)
    {
    case CARD_OUTSTANDING: return _("Total Outstanding");
    case CARD_OVERDUE:     return _("Overdue");
    case CARD_EXPECTED:    return _("Expected This Month");
    default:               return _("Days Sales Outstanding");
    }
}

/* ---- list cells ---- */

static char *
cell_number (gpointer item)
{
  return g_strdup (factures_document_row_get_number (item));
}

static char *
cell_client (gpointer item)
{
  return g_strdup (factures_document_row_get_client_name (item));
}

static char *
cell_due_date (gpointer item)
{
  const char *iso = factures_document_row_get_due_date (item);
  GDate date;

  if (iso == NULL || !factures_date_parse_iso (iso, &date, NULL))
    return g_strdup (iso);
  return factures_date_format_fr (&date);
}

static char *
cell_days_late (gpointer item)
{
  gint days = factures_document_row_get_days_late (item);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", days), days);
}

static char *
cell_balance (gpointer item)
{
  /* Issue 13 item 4: each invoice in its currency; the cards above sum the euros only. */
  return factures_currency_format (factures_document_row_get_balance (item),
                                   factures_document_row_get_currency (item));
}

/* The plateforme agréée's last word on an overdue invoice (issue 14, PA.md §2), when it
 * matters for chasing it: refused (210), rejected (213), cancelled (220) or disputed (207);
 * NULL otherwise (no status, or a later one such as an approval after the dispute). */
static char *
pa_status_words (FacturesOverduePage *self,
                 gint64               document_id)
{
  gint code = factures_store_pa_last_status (self->store, document_id, NULL, NULL);

  switch (code)
    {
    case 207:
    case 210:
    case 213:
    case 220:
      return g_strdup (factures_pa_status_label (code));
    default:
      return NULL;
    }
}

static void
pa_cell_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               FacturesOverduePage      *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "warning");
  gtk_list_item_set_child (item, label);
}

static void
pa_cell_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              FacturesOverduePage      *self)
{
  FacturesDocumentRow *row = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;

  if (row != NULL && self->store != NULL)
    text = pa_status_words (self, factures_document_row_get_id (row));
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text != NULL ? text : "");
}

/* ---- summary ---- */

static void
set_card (GtkLabel   *value_label,
          GtkLabel   *note_label,
          guint       card,
          const char *value,
          const char *note)
{
  g_autofree char *name = NULL;

  gtk_label_set_text (value_label, value);
  gtk_label_set_text (note_label, note != NULL ? note : "");
  /* Translators: an accessible name, "Outstanding: 1 234,00 €" */
  name = g_strdup_printf (_("%s: %s"), card_title (card), value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (value_label), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
refresh_summary (FacturesOverduePage *self,
                 const GDate         *today)
{
  FacturesReceivables r = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *outstanding = NULL;
  g_autofree char *overdue = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *dso = NULL;
  g_autofree char *overdue_note = NULL;
  g_autofree char *credit_note = NULL;
  g_autoptr (GArray) foreign = NULL;
  g_autoptr (GString) apart = g_string_new (NULL);
  guint n_foreign = 0;

  /* one query each over the maintained summary (issue 12) */
  if (!factures_store_get_dashboard_figures (self->store, today, &r, &error))
    {
      g_warning ("Receivables: %s", error->message);
      return;
    }
  outstanding = factures_money_format (r.outstanding);
  overdue = factures_money_format (r.overdue);
  expected = factures_money_format (r.expected_this_month);
  /* Trial 5 finding 17: the sums are in euros, but every overdue invoice is counted, as
   * in the list and the badge; the other currencies' totals are shown apart. */
  foreign = factures_store_get_foreign_overdue (self->store, today, NULL);
  for (guint i = 0; foreign != NULL && i < foreign->len; i++)
    {
      const FacturesForeignOverdue *f = &g_array_index (foreign, FacturesForeignOverdue, i);
      g_autofree char *amount = factures_currency_format (f->balance, f->currency);

      n_foreign += f->count;
      g_string_append_printf (apart, " + %s", amount);
    }
  overdue_note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u invoice late", "%u invoices late",
                                               r.n_overdue + n_foreign), r.n_overdue + n_foreign);
  if (apart->len > 0)
    {
      g_autofree char *euros = g_steal_pointer (&overdue_note);
      g_autofree char *chart_note = NULL;

      /* Translators: "5 invoices late" and " + 400,00 GBP" (the overdue in other currencies) */
      overdue_note = g_strdup_printf (_("%s;%s"), euros, apart->str);
      /* Translators: under the aging chart; %s is " + 400,00 GBP" */
      chart_note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Amounts in euros. Also %u overdue invoice in another currency, "
                                                 "not in the chart:%s.",
                                                 "Amounts in euros. Also %u overdue invoices in other currencies, "
                                                 "not in the chart:%s.", n_foreign), n_foreign, apart->str);
      gtk_label_set_text (GTK_LABEL (self->chart_note), chart_note);
    }
  gtk_widget_set_visible (self->chart_note, apart->len > 0);
  if (r.credit > 0)
    {
      g_autofree char *credit = factures_money_format (r.credit);
      /* Translators: %s is an amount */
      credit_note = g_strdup_printf (_("of which client credit %s"), credit);
    }

  set_card (self->outstanding_value, self->outstanding_note, CARD_OUTSTANDING, outstanding,
            credit_note != NULL ? credit_note : _("issued, not yet paid"));
  set_card (self->overdue_value, self->overdue_note, CARD_OVERDUE, overdue, overdue_note);
  set_card (self->expected_value, self->expected_note, CARD_EXPECTED, expected, _("due by the end of the month"));
  /* Issue 11 item 8: no figure before 5 invoices were paid and the first was issued 90 days ago. */
  if (!r.dso_history)
    {
      set_card (self->dso_value, self->dso_note, CARD_DSO, _("not enough history yet"),
                _("after 5 paid invoices and 90 days"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->dso_value), "title-2");
      gtk_widget_add_css_class (GTK_WIDGET (self->dso_value), "title-4");
    }
  else
    {
      if (r.dso >= 0)
        dso = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", r.dso), r.dso);
      else
        dso = g_strdup ("—");
      set_card (self->dso_value, self->dso_note, CARD_DSO, dso, _("over the last 90 days"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->dso_value), "title-4");
      gtk_widget_add_css_class (GTK_WIDGET (self->dso_value), "title-2");
    }
  if (r.overdue > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->overdue_value), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->overdue_value), "error");

  factures_aging_chart_set (FACTURES_AGING_CHART (self->chart), r.aging, r.aging_count);
}

/* ---- to-do queue ---- */

static GtkWindow *
page_window (FacturesOverduePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* The dunning step due today for @document_id (at most one per invoice), or NULL. */
static const FacturesDunningTask *
task_for (FacturesOverduePage *self,
          gint64               document_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->todo_items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FacturesTodoItem) item = g_list_model_get_item (G_LIST_MODEL (self->todo_items), i);
      const FacturesDunningTask *task = factures_todo_item_get_data (item);

      if (task != NULL && task->document_id == document_id)
        return task;
    }
  return NULL;
}

/* The number of invoice @document_id, from the queue or the overdue list. */
static char *
number_of (FacturesOverduePage *self,
           gint64               document_id)
{
  const FacturesDunningTask *task = task_for (self, document_id);
  FacturesDocumentRow *row;

  if (task != NULL)
    return g_strdup (task->number);
  row = gtk_single_selection_get_selected_item (self->selection);
  if (row != NULL && factures_document_row_get_id (row) == document_id)
    return g_strdup (factures_document_row_get_number (row));
  return NULL;
}

static void
perform_step_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FacturesOverduePage *self = FACTURES_OVERDUE_PAGE (widget);
  const FacturesDunningTask *task = task_for (self, g_variant_get_int64 (parameter));

  if (task != NULL)
    factures_dunning_perform (widget, self->store, task);
}

static void
skip_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FacturesOverduePage *self = FACTURES_OVERDUE_PAGE (widget);
  const FacturesDunningTask *task = task_for (self, g_variant_get_int64 (parameter));

  if (task != NULL)
    factures_dunning_skip (widget, self->store, task);
}

static void
record_payment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  FacturesOverduePage *self = FACTURES_OVERDUE_PAGE (widget);

  factures_payment_dialog_open (page_window (self), self->store, g_variant_get_int64 (parameter));
}

static void
instalments_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FacturesOverduePage *self = FACTURES_OVERDUE_PAGE (widget);

  factures_instalments_dialog_open (page_window (self), self->store, g_variant_get_int64 (parameter));
}

static void
invoice_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FacturesOverduePage *self = FACTURES_OVERDUE_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autofree char *number = number_of (self, id);

  if (number == NULL)
    return;
  if (g_str_equal (action_name, "overdue.promise"))
    factures_dunning_promise (widget, self->store, id, number);
  else if (g_str_equal (action_name, "overdue.dispute"))
    factures_dunning_dispute (widget, self->store, id, number);
  else
    factures_dunning_waive (widget, self->store, id, number);
}

/* The subtitle of a dunning step; the late penalties and the flat indemnity apart. */
static void
complete_task_item (FacturesOverduePage *self,
                    FacturesTodoItem    *item)
{
  const FacturesDunningTask *task = factures_todo_item_get_data (item);
  g_autofree char *currency = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *penalties_text = NULL;
  g_autofree char *subtitle = NULL;
  g_auto (FacturesPenalties) penalties = { 0 };
  GDate today;

  if (task == NULL || factures_todo_item_get_complete (item))
    return;
  factures_todo_item_set_complete (item, TRUE);
  /* the balance and the interest in the invoice's currency, the 40 € indemnity in euros
   * (issue 13 item 4; art. D441-5 C. com.) */
  currency = factures_store_get_document_currency (self->store, task->document_id);
  amount = factures_currency_format (task->balance, currency);
  factures_today (&today);
  if (task->days_late > 0 &&
      factures_store_compute_penalties (self->store, task->document_id, &today, &penalties, NULL) &&
      !penalties.waived && penalties.total > 0)
    {
      g_autofree char *interest = factures_currency_format (penalties.interest, currency);
      g_autofree char *indemnity = factures_money_format (penalties.indemnity);
      g_autofree char *computation = factures_penalties_describe_in (&penalties, currency);

      if (penalties.interest > 0 && penalties.indemnity > 0)
        /* Translators: late penalties (interest) and the flat 40 € recovery indemnity, shown apart */
        penalties_text = g_strdup_printf (_(", penalties %s, indemnity %s"), interest, indemnity);
      else if (penalties.indemnity > 0)
        /* Translators: %s is the flat recovery indemnity */
        penalties_text = g_strdup_printf (_(", indemnity %s"), indemnity);
      else
        /* Translators: %s is an amount */
        penalties_text = g_strdup_printf (_(", penalties %s"), interest);
      /* the computation spelled out (days per half-year, rate, amount, indemnity) */
      factures_todo_item_set_tooltip (item, computation);
    }

  if (task->instalment > 0)
    /* Translators: step, instalment number, days late, amount, penalties */
    subtitle = g_strdup_printf (_("%s · instalment %d · %d days late · %s%s"),
                                factures_dunning_channel_label (task->step.channel), task->instalment,
                                task->days_late, amount, penalties_text != NULL ? penalties_text : "");
  else if (task->days_late > 0)
    /* Translators: step, days late, amount, penalties */
    subtitle = g_strdup_printf (_("%s · %d days late · %s%s"),
                                factures_dunning_channel_label (task->step.channel),
                                task->days_late, amount, penalties_text != NULL ? penalties_text : "");
  else
    /* Translators: step, amount */
    subtitle = g_strdup_printf (_("%s · not yet due · %s"),
                                factures_dunning_channel_label (task->step.channel), amount);
  factures_todo_item_set_detail (item, subtitle);
}

static FacturesTodoItem *
item_for_task (FacturesDunningTask *task)
{
  /* Translators: "F2026-0002 — Client name" */
  g_autofree char *title = g_strdup_printf (_("%s — %s"), task->number, task->client_name);
  FacturesTodoItem *item = factures_todo_item_new (&task->step.date, title, "overdue.perform-step",
                                                   g_variant_new_int64 (task->document_id),
                                                   factures_dunning_action_label (task->step.channel));

  factures_todo_item_set_document (item, task->document_id, task->number);
  factures_todo_item_set_data (item, task, (GDestroyNotify) factures_dunning_task_free);
  return item;
}

/* Whether the penalty table lacks the current half-year: one late invoice tells, since every
 * late invoice uses today's rate. */
static gboolean
rates_outdated (FacturesOverduePage *self,
                GPtrArray           *tasks,
                const GDate         *today)
{
  for (guint i = 0; i < tasks->len; i++)
    {
      const FacturesDunningTask *task = g_ptr_array_index (tasks, i);
      g_auto (FacturesPenalties) penalties = { 0 };

      if (task->days_late <= 0)
        continue;
      if (factures_store_compute_penalties (self->store, task->document_id, today, &penalties, NULL))
        return penalties.table_outdated;
    }
  return FALSE;
}

/* ---- the tax calendar's deadlines (issue 17 item 4) ---- */

/* Days before a deadline that it enters the queue (GSettings "deadline-notice-days"). */
static guint
notice_days (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autoptr (GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "deadline-notice-days"))
    return 7;
  settings = g_settings_new (APP_ID);
  return g_settings_get_uint (settings, "deadline-notice-days");
}

/* The months with services reverse-charged in the EU (the DES), as factures_tax_calendar()
 * takes them: the year before @first_year, that year and the next. */
static guint64
des_months (FacturesStore *store,
            const GDate   *from)
{
  g_autoptr (GPtrArray) months = g_ptr_array_new_with_free_func (g_free);
  guint first_year = g_date_get_year (from);
  guint64 bits = 0;
  GDate since;

  /* the DES of a month falls due in the next: the months from the one before @from's */
  g_date_clear (&since, 1);
  g_date_set_dmy (&since, 1, g_date_get_month (from), g_date_get_year (from));
  g_date_subtract_months (&since, 1);
  if (!factures_store_list_reverse_charge_months_since (store, &since, months, NULL))
    return 0;
  for (guint i = 0; i < months->len; i++)
    {
      const char *ym = g_ptr_array_index (months, i);
      guint y = (guint) atoi (ym), m = (guint) atoi (ym + 5);

      if (y + 1 >= first_year && y <= first_year + 1 && m >= 1 && m <= 12)
        bits |= (guint64) 1 << ((y + 1 - first_year) * 12 + m - 1);
    }
  return bits;
}

/* Whether the window offers the year view's declarations (helper urssaf-ui's
 * "win.show-declarations", without parameter). */
static GAction *
declarations_action (FacturesOverduePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GAction *action;

  if (!G_IS_ACTION_MAP (root))
    return NULL;
  action = g_action_map_lookup_action (G_ACTION_MAP (root), "show-declarations");
  if (action == NULL || g_action_get_parameter_type (action) != NULL || !g_action_get_enabled (action))
    return NULL;
  return action;
}

/* The site where a deadline of @kind is met. */
static const char *
deadline_site (const char *kind)
{
  if (g_str_equal (kind, "urssaf") || g_str_equal (kind, "periodicity") || g_str_equal (kind, "vl-option"))
    return "https://www.autoentrepreneur.urssaf.fr";
  if (g_str_equal (kind, "des"))
    return "https://www.douane.gouv.fr";
  return "https://www.impots.gouv.fr";
}

static const char *
deadline_action_label (FacturesOverduePage *self,
                       const char          *kind)
{
  if (g_str_equal (kind, "urssaf") && declarations_action (self) != NULL)
    return _("Open Declaration");
  if (g_str_equal (kind, "urssaf") || g_str_equal (kind, "periodicity") || g_str_equal (kind, "vl-option"))
    return _("Open URSSAF Site");
  if (g_str_equal (kind, "des"))
    return _("Open Customs Site");
  if (g_str_equal (kind, "ereporting"))
    return _("Prepare E-reporting");
  return _("Open impots.gouv.fr");
}

static char *
deadline_detail (const FacturesDeadline *deadline,
                 const GDate            *today)
{
  gint days = factures_date_days_between (today, &deadline->date);
  g_autofree char *when = NULL;
  g_autofree char *date = factures_date_format_fr (&deadline->date);

  if (days == 0)
    when = g_strdup (_("Due today"));
  else if (days > 0)
    when = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Due in %d day", "Due in %d days", days), days);
  else
    when = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day late", "%d days late", -days), -days);
  if (deadline->to_confirm)
    /* Translators: "Due in 3 days · 15/12/2026 · date to confirm" */
    return g_strdup_printf (_("%s · %s · date to confirm"), when, date);
  /* Translators: "Due in 3 days · 15/12/2026" */
  return g_strdup_printf (_("%s · %s"), when, date);
}

/* Whether the URSSAF declaration that @deadline is for was marked « déclarée » (the « Année »
 * view or --declared-on): such a deadline is met without « Marquer comme fait ». The deadline
 * falls in the month after the period (end of M+1, or of the month after the quarter), moved
 * at most a few days to a working day: a week and a month before it lies in the period. */
static gboolean
urssaf_deadline_declared (FacturesOverduePage    *self,
                          const FacturesDeadline *deadline,
                          gboolean                quarterly,
                          const GDate            *today)
{
  FacturesUrssafPeriod period;
  g_autofree char *text = NULL;
  GDate inside = deadline->date, declared;

  g_date_subtract_days (&inside, 7);
  g_date_subtract_months (&inside, 1);
  if (quarterly)
    text = g_strdup_printf ("%u-Q%u", g_date_get_year (&inside), (g_date_get_month (&inside) - 1) / 3 + 1);
  else
    text = g_strdup_printf ("%u-%02u", g_date_get_year (&inside), g_date_get_month (&inside));
  if (!factures_urssaf_period_parse (text, today, &period, NULL))
    return FALSE;
  g_date_clear (&declared, 1);
  return factures_store_get_declared (self->store, &period, &declared, NULL);
}

/* Whether the URSSAF period that @deadline declares (the month, or quarter, before it) ended
 * before @start, the beginning of the activity: nothing to declare (finding T12). */
static gboolean
urssaf_period_before (const FacturesDeadline *deadline,
                      gboolean                quarterly,
                      const GDate            *start)
{
  GDate end = deadline->date;
  guint month;

  if (!g_date_valid (start))
    return FALSE;
  /* a day inside the period, as urssaf_deadline_declared() finds it */
  g_date_subtract_days (&end, 7);
  g_date_subtract_months (&end, 1);
  month = g_date_get_month (&end);
  if (quarterly)
    month = (month - 1) / 3 * 3 + 3;
  g_date_set_dmy (&end, g_date_get_days_in_month ((GDateMonth) month, g_date_get_year (&end)),
                  (GDateMonth) month, g_date_get_year (&end));
  return g_date_compare (&end, start) < 0;
}

/* The deadlines of the calendar from 92 days before @today to notice_days() after it that are
 * not marked done, as queue items in date order; *@out_n_due: how many fall on or before @today. */
static GPtrArray *
deadline_items (FacturesOverduePage *self,
                const GDate         *today,
                guint               *out_n_due)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) done = NULL;
  g_autoptr (GPtrArray) deadlines = NULL;
  g_autoptr (GError) error = NULL;
  FacturesUrssafSettings settings;
  GDate from = *today, to = *today, start;
  gboolean quarterly;

  *out_n_due = 0;
  g_date_clear (&start, 1);
  if (!factures_store_get_urssaf_settings (self->store, &settings, &error))
    {
      g_warning ("Deadlines: %s", error->message);
      return items;
    }
  done = factures_store_list_deadlines_done (self->store, &error);
  if (done == NULL)
    {
      g_warning ("Deadlines: %s", error->message);
      factures_urssaf_settings_clear (&settings);
      return items;
    }
  /* the deadlines missed in the last three months, not before the activity began: the
   * profile's start of activity, else the first issued document, else none missed
   * (finding T12: a start in November showed August's declaration 67 days late) */
  g_date_subtract_days (&from, 92);
  if (g_date_valid (&settings.creation))
    start = settings.creation;
  else if (!factures_store_get_first_issue_date (self->store, &start, NULL))
    g_date_clear (&start, 1);
  if (!g_date_valid (&start))
    from = *today;
  else if (g_date_compare (&start, &from) > 0)
    from = start;
  g_date_add_days (&to, notice_days ());
  deadlines = factures_tax_calendar (&from, &to, &settings, NULL, des_months (self->store, &from));
  quarterly = settings.quarterly;
  factures_urssaf_settings_clear (&settings);
  for (guint i = 0; i < deadlines->len; i++)
    {
      const FacturesDeadline *deadline = g_ptr_array_index (deadlines, i);
      const char *kind = factures_deadline_kind_key (deadline->kind);
      g_autofree char *iso = factures_date_format_iso (&deadline->date);
      g_autofree char *key = g_strdup_printf ("%s/%s", kind, iso);
      g_autofree char *detail = NULL;
      FacturesTodoItem *item;

      if (g_hash_table_contains (done, key))
        continue;
      if (deadline->kind == FACTURES_DEADLINE_URSSAF &&
          (urssaf_period_before (deadline, quarterly, &start) ||
           urssaf_deadline_declared (self, deadline, quarterly, today)))
        continue;
      item = factures_todo_item_new (&deadline->date, deadline->what, "overdue.open-deadline",
                                     g_variant_new_string (key), deadline_action_label (self, kind));
      detail = deadline_detail (deadline, today);
      factures_todo_item_set_detail (item, detail);
      factures_todo_item_set_tooltip (item, deadline->source);
      /* Translators: the button that records a tax deadline as met */
      factures_todo_item_set_secondary (item, "overdue.deadline-done", g_variant_new_string (key), _("Mark as Done"));
      factures_todo_item_set_complete (item, TRUE);
      if (g_date_compare (&deadline->date, today) <= 0)
        (*out_n_due)++;
      g_ptr_array_add (items, item);
    }
  return items;
}

static gint
compare_item_dates (gconstpointer a,
                    gconstpointer b)
{
  FacturesTodoItem *ia = *(FacturesTodoItem * const *) a;
  FacturesTodoItem *ib = *(FacturesTodoItem * const *) b;

  return g_date_compare (factures_todo_item_get_date (ia), factures_todo_item_get_date (ib));
}

/* The queue's items that are not dunning steps, in date order: the tax deadlines, and the
 * e-invoices the plateforme agréée refused or rejected that still have a balance (out of the
 * dunning ladder: a credit note is to be issued; issue 14, PA.md §2). */
static GPtrArray *
extra_items (FacturesOverduePage *self,
             const GDate         *today,
             guint               *out_n_due)
{
  GPtrArray *items = deadline_items (self, today, out_n_due);
  g_autoptr (GPtrArray) refused = NULL;
  g_autoptr (GError) error = NULL;

  refused = factures_store_list_refused_einvoices (self->store, &error);
  if (refused == NULL)
    g_warning ("Refused e-invoices: %s", error->message);
  for (guint i = 0; refused != NULL && i < refused->len; i++)
    {
      const FacturesRefusedInvoice *invoice = g_ptr_array_index (refused, i);
      /* Translators: "F2026-0002 — Client name" */
      g_autofree char *title = g_strdup_printf (_("%s — %s"), invoice->number, invoice->client_name);
      FacturesTodoItem *item = factures_todo_item_new (&invoice->date, title, "overdue.open-invoice",
                                                       g_variant_new_int64 (invoice->document_id),
                                                       _("Open Invoice"));

      factures_todo_item_set_detail (item, _("Refused by the plateforme agréée: correct it with a credit note"));
      factures_todo_item_set_tooltip (item, invoice->note);
      factures_todo_item_set_complete (item, TRUE);
      g_ptr_array_add (items, item);
    }
  g_ptr_array_sort (items, compare_item_dates);
  return items;
}

/* ---- the lazy queue (issue 12) ---- */

/* Candidates planned at a time: about two screens of rows (the list shows at most 360 px, four
 * rows of 75 to 95 px, and the deadlines of those dates come in between); more when the list
 * is scrolled to within half a screen of its end (todo_scrolled()). Each row built costs about
 * 7 M instructions before the first frame (template, style, layout of its wrapped title):
 * 16 candidates built 20 rows at 100,000 documents for the four seen (issue 12). */
#define QUEUE_PAGE 8

/* Whether the queue item is a dunning step (not a deadline). */
static gboolean
is_step (FacturesTodoItem *item)
{
  return factures_todo_item_get_data (item) != NULL;
}

/* Plans the next @n candidates and appends their steps to the queue, each held deadline
 * before the first step of a later date (the queue is in date order); once no candidate is
 * left, the deadlines still held go at the end. */
static void
load_page (FacturesOverduePage *self,
           const GDate         *today,
           guint                n)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) tasks = NULL;
  g_autoptr (GError) error = NULL;
  guint count = MIN (n, self->pending->len - self->next_pending);

  if (count > 0)
    {
      tasks = factures_store_plan_dunning_candidates (self->store, today,
                                                      &g_array_index (self->pending, FacturesDunningCandidate,
                                                                      self->next_pending),
                                                      count, &error);
      if (tasks == NULL)
        {
          g_warning ("To-do queue: %s", error->message);
          tasks = g_ptr_array_new ();
        }
      self->next_pending += count;
      self->n_planned += count;
      /* the items take the tasks over */
      g_ptr_array_set_free_func (tasks, NULL);
      for (guint i = 0; i < tasks->len; i++)
        {
          FacturesDunningTask *task = g_ptr_array_index (tasks, i);

          while (self->held_deadlines->len > 0 &&
                 g_date_compare (factures_todo_item_get_date (g_ptr_array_index (self->held_deadlines, 0)),
                                 &task->step.date) < 0)
            g_ptr_array_add (items, g_ptr_array_steal_index (self->held_deadlines, 0));
          g_ptr_array_add (items, item_for_task (task));
        }
    }
  if (self->next_pending >= self->pending->len)
    while (self->held_deadlines->len > 0)
      g_ptr_array_add (items, g_ptr_array_steal_index (self->held_deadlines, 0));
  g_list_store_splice (self->todo_items, g_list_model_get_n_items (G_LIST_MODEL (self->todo_items)), 0,
                       items->pdata, items->len);
}

static guint count_steps (FacturesOverduePage *self);

/* The list when it has items; "No reminder to send today." when none is a dunning step (the
 * tax deadlines may be there all the same). */
static void
update_queue_visibility (FacturesOverduePage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->todo_items));

  gtk_widget_set_visible (self->todo_scroller, n > 0);
  gtk_widget_set_visible (self->todo_empty, count_steps (self) == 0);
}

/* The queue listed again: the candidates (one query over the summary), the first page of them
 * planned, the deadlines merged in by date (issue 12: the first frame plans a page, not the
 * queue, whatever the number of overdue invoices). */
static void
refresh_queue (FacturesOverduePage *self,
               const GDate         *today)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) candidates = NULL;
  g_autoptr (GPtrArray) deadlines = NULL;
  g_autoptr (GPtrArray) first = g_ptr_array_new ();
  gboolean outdated;

  /* without the catch-up: the application runs it after the first frame (issue 12) */
  candidates = factures_store_list_dunning_candidates (self->store, today, &error);
  if (candidates == NULL)
    {
      g_warning ("To-do queue: %s", error->message);
      candidates = g_array_new (FALSE, TRUE, sizeof (FacturesDunningCandidate));
    }
  g_list_store_remove_all (self->todo_items);
  g_clear_pointer (&self->pending, g_array_unref);
  self->pending = g_steal_pointer (&candidates);
  self->next_pending = 0;
  g_clear_pointer (&self->held_deadlines, g_ptr_array_unref);
  self->held_deadlines = extra_items (self, today, &self->n_due_deadlines);
  load_page (self, today, QUEUE_PAGE);

  /* the penalty table: one late step tells (every late invoice uses today's rate) */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->todo_items)); i++)
    {
      g_autoptr (FacturesTodoItem) item = g_list_model_get_item (G_LIST_MODEL (self->todo_items), i);

      if (is_step (item))
        g_ptr_array_add (first, factures_todo_item_get_data (item));
    }
  outdated = rates_outdated (self, first, today);

  update_queue_visibility (self);
  gtk_widget_set_visible (self->rates_notice, outdated);
}

/* The list scrolled to within half a page of its end: the next candidates planned. */
static void
todo_scrolled (GtkAdjustment       *adjustment,
               FacturesOverduePage *self)
{
  double left = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_value (adjustment) -
                gtk_adjustment_get_page_size (adjustment);
  GDate today;

  if (self->pending == NULL || self->next_pending >= self->pending->len ||
      left > gtk_adjustment_get_page_size (adjustment) / 2)
    return;
  factures_today (&today);
  load_page (self, &today, QUEUE_PAGE);
}

/* The key "kind/YYYY-MM-DD" of a deadline item into its parts. */
static gboolean
split_deadline_key (const char  *key,
                    char       **out_kind,
                    GDate       *out_date)
{
  const char *slash = strchr (key, '/');

  if (slash == NULL || !factures_date_parse_iso (slash + 1, out_date, NULL))
    return FALSE;
  *out_kind = g_strndup (key, slash - key);
  return TRUE;
}

static void
open_invoice_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  FacturesOverduePage *self = FACTURES_OVERDUE_PAGE (widget);

  factures_editor_window_open (page_window (self), self->store, g_variant_get_int64 (parameter), 0);
}

/* Issue 15: an e-reporting deadline opens the e-reporting window on the period due on @due (a
 * month or two: due at the end of the following month; a decade: ten days after it). */
static void
open_ereporting_window (FacturesOverduePage *self,
                        const GDate         *due)
{
  FacturesEreportingPeriodicity periodicity = FACTURES_EREPORTING_BIMONTHLY;
  FacturesEreportingPeriod period;
  GtkWidget *window;
  GDate inside = *due;

  if (!factures_store_get_ereporting_periodicity (self->store, &periodicity, NULL))
    periodicity = FACTURES_EREPORTING_BIMONTHLY;
  if (periodicity == FACTURES_EREPORTING_DECADAL)
    g_date_subtract_days (&inside, 10);
  else
    g_date_subtract_months (&inside, 1);
  factures_ereporting_period_containing (periodicity, &inside, &period);
  window = factures_ereporting_window_new (self->store, page_window (self));
  factures_ereporting_window_select_period (FACTURES_EREPORTING_WINDOW (window), &period.start);
  gtk_window_present (GTK_WINDOW (window));
}

static void
open_deadline_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FacturesOverduePage *self = FACTURES_OVERDUE_PAGE (widget);
  const char *key = g_variant_get_string (parameter, NULL);
  g_autofree char *kind = NULL;
  GAction *declarations;
  GDate date;

  if (!split_deadline_key (key, &kind, &date))
    return;
  declarations = g_str_equal (kind, "urssaf") ? declarations_action (self) : NULL;
  if (declarations != NULL)
    {
      g_action_activate (declarations, NULL);
      return;
    }
  if (g_str_equal (kind, "ereporting"))
    {
      open_ereporting_window (self, &date);
      return;
    }
  gtk_show_uri (page_window (self), deadline_site (kind), GDK_CURRENT_TIME);
}

typedef struct {
  GWeakRef  page;
  char     *key;
} UndoMark;

static void
undo_mark_free (gpointer  data,
                GClosure *closure)
{
  UndoMark *undo = data;

  g_weak_ref_clear (&undo->page);
  g_free (undo->key);
  g_free (undo);
}

static void
page_toast (FacturesOverduePage *self,
            AdwToast            *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_mark_error (FacturesOverduePage *self,
                 const char          *message)
{
  factures_message_dialog_show (page_window (self), _("The Deadline Was Not Changed"), message);
}

static void refresh_deadlines (FacturesOverduePage *self);

/* « Annuler » of a « Marquer comme fait »: a new mark (the table is append-only). */
static void
on_undo_mark (AdwToast *toast,
              UndoMark *undo)
{
  g_autoptr (FacturesOverduePage) self = g_weak_ref_get (&undo->page);
  g_autoptr (GError) error = NULL;
  g_autofree char *kind = NULL;
  GDate date;

  if (self == NULL || !split_deadline_key (undo->key, &kind, &date))
    return;
  if (!factures_store_mark_deadline (self->store, kind, &date, FALSE, &error))
    {
      show_mark_error (self, error->message);
      return;
    }
  refresh_deadlines (self);
}

static void
deadline_done_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FacturesOverduePage *self = FACTURES_OVERDUE_PAGE (widget);
  const char *key = g_variant_get_string (parameter, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *kind = NULL;
  AdwToast *toast;
  UndoMark *undo;
  GDate date;

  if (!split_deadline_key (key, &kind, &date))
    return;
  if (!factures_store_mark_deadline (self->store, kind, &date, TRUE, &error))
    {
      show_mark_error (self, error->message);
      return;
    }
  refresh_deadlines (self);
  toast = adw_toast_new (_("Deadline marked as done"));
  undo = g_new0 (UndoMark, 1);
  g_weak_ref_init (&undo->page, self);
  undo->key = g_strdup (key);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_timeout (toast, 10);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_mark), undo, undo_mark_free, 0);
  page_toast (self, toast);
}

/* The deadlines (and refused e-invoices) listed again (a mark, an « Annuler », a store
 * change), the steps planned kept: those items taken out and the new ones merged in by date
 * among the steps planned. */
/* The same queue item: a deadline listed again is kept where it is (finding T12). */
static gboolean
same_item (FacturesTodoItem *a,
           FacturesTodoItem *b)
{
  return g_date_compare (factures_todo_item_get_date (a), factures_todo_item_get_date (b)) == 0 &&
         g_strcmp0 (factures_todo_item_get_title (a), factures_todo_item_get_title (b)) == 0 &&
         g_strcmp0 (factures_todo_item_get_detail (a), factures_todo_item_get_detail (b)) == 0;
}

static void
refresh_deadlines (FacturesOverduePage *self)
{
  g_autoptr (GPtrArray) deadlines = NULL;
  guint n;
  GDate today;

  /* Only the items that changed leave the list, the others stay in place: the list keeps
   * its place (finding T12: « Marquer comme fait » sent it back to the top when every
   * deadline was taken out and put back). */
  factures_today (&today);
  deadlines = extra_items (self, &today, &self->n_due_deadlines);
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->todo_items)); i > 0; i--)
    {
      g_autoptr (FacturesTodoItem) item = g_list_model_get_item (G_LIST_MODEL (self->todo_items), i - 1);
      gboolean kept = FALSE;

      if (is_step (item))
        continue;
      for (guint d = 0; d < deadlines->len && !kept; d++)
        kept = same_item (item, g_ptr_array_index (deadlines, d));
      if (!kept)
        g_list_store_remove (self->todo_items, i - 1);
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->todo_items));
  g_clear_pointer (&self->held_deadlines, g_ptr_array_unref);
  self->held_deadlines = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint d = 0, position = 0; d < deadlines->len; d++)
    {
      FacturesTodoItem *deadline = g_ptr_array_index (deadlines, d);
      gboolean listed = FALSE;

      while (position < n)
        {
          g_autoptr (FacturesTodoItem) item = g_list_model_get_item (G_LIST_MODEL (self->todo_items), position);

          if (!is_step (item) && same_item (item, deadline))
            {
              /* already there */
              listed = TRUE;
              position++;
              break;
            }
          if (g_date_compare (factures_todo_item_get_date (deadline), factures_todo_item_get_date (item)) < 0)
            break;
          position++;
        }
      if (listed)
        continue;
      if (position < n || self->pending == NULL || self->next_pending >= self->pending->len)
        {
          g_list_store_insert (self->todo_items, position, deadline);
          position++;
          n++;
        }
      else
        g_ptr_array_add (self->held_deadlines, g_object_ref (deadline));
    }
  update_queue_visibility (self);
}

static void
todo_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            FacturesOverduePage      *self)
{
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
  gtk_list_item_set_child (list_item, factures_todo_row_new ());
  self->n_todo_rows++;
}

static void
todo_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           FacturesOverduePage      *self)
{
  FacturesTodoRow *row = FACTURES_TODO_ROW (gtk_list_item_get_child (list_item));
  FacturesTodoItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *primary;

  complete_task_item (self, item);
  factures_todo_row_set_item (row, item);
  /* one suggested action per view: the first step of the queue */
  primary = factures_todo_row_get_primary (row);
  if (gtk_list_item_get_position (list_item) == 0)
    gtk_widget_add_css_class (primary, "suggested-action");
  else
    gtk_widget_remove_css_class (primary, "suggested-action");
}

static void
todo_unbind (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             FacturesOverduePage      *self)
{
  factures_todo_row_set_item (FACTURES_TODO_ROW (gtk_list_item_get_child (list_item)), NULL);
}

/* The steps of the queue: those planned and the candidates not planned yet (issue 12: the
 * notification's count reuses the queue). */
static guint
count_steps (FacturesOverduePage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->todo_items)), steps = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FacturesTodoItem) item = g_list_model_get_item (G_LIST_MODEL (self->todo_items), i);

      if (is_step (item))
        steps++;
    }
  if (self->pending != NULL)
    steps += self->pending->len - self->next_pending;
  return steps;
}

/* ---- overdue list ---- */

static FacturesDocumentRow *
selected_row (FacturesOverduePage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_list_buttons (FacturesOverduePage *self)
{
  FacturesDocumentRow *row = selected_row (self);
  GVariant *target;

  gtk_widget_set_sensitive (self->list_buttons, row != NULL);
  if (row == NULL)
    return;
  target = g_variant_ref_sink (g_variant_new_int64 (factures_document_row_get_id (row)));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->list_payment), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->list_instalments), target);
  for (GtkWidget *child = gtk_widget_get_first_child (self->list_menu_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (child), target);
  g_variant_unref (target);
}

static void
on_list_menu_clicked (GtkWidget           *button,
                      FacturesOverduePage *self)
{
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->list_more));
}

static void
refresh_count (FacturesOverduePage *self,
               GListModel          *model)
{
  guint count = g_list_model_get_n_items (model);

  if (count != self->count)
    {
      self->count = count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
    }
}

/* Issue 12: GTK 4.8's list and column views keep up to 200 rows built either side of the
 * first one shown, whatever their height (gtklistview.c, GTK_LIST_VIEW_MAX_LIST_ITEMS): 400
 * rows measured and styled before the first frame for a dozen seen. The views show a slice of
 * their model instead, its first rows (a few screens), which doubles when the user scrolls to
 * within half a page of its end (or moves the keyboard focus there), until it holds the whole
 * model. The rows are about 20 px high and the list gets 135 px of a window of the default size
 * (at most 480 px): 12 rows are nearly two screens, and a taller list doubles them at once. */
#define LIST_STEP 12

static void
grow_slice (GtkAdjustment     *adjustment,
            GtkSliceListModel *slice)
{
  GListModel *model = gtk_slice_list_model_get_model (slice);
  guint size = gtk_slice_list_model_get_size (slice);
  double left = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_value (adjustment) -
                gtk_adjustment_get_page_size (adjustment);

  if (model == NULL || size >= g_list_model_get_n_items (model) ||
      left > gtk_adjustment_get_page_size (adjustment) / 2)
    return;
  gtk_slice_list_model_set_size (slice, size * 2);
}

static void
grow_slice_on_scroll (GtkWidget         *scrolled,
                      GtkSliceListModel *slice)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (grow_slice), slice, 0);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (grow_slice), slice, 0);
}

/* The badge's count of a hidden page (and before the first frame): one count over the partial
 * index of open invoices, no sort, no row read. */
static void
refresh_count_only (FacturesOverduePage *self,
                    const GDate         *today)
{
  g_autoptr (GError) error = NULL;
  guint count = 0;

  if (!factures_store_count_overdue (self->store, today, &count, &error))
    g_warning ("Overdue invoices: %s", error->message);
  if (count != self->count)
    {
      self->count = count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
    }
}

/* The overdue invoices, sorted in SQL (a new snapshot: the view rebuilds the rows it shows),
 * keeping the selected invoice selected. */
static void
refresh_list (FacturesOverduePage *self,
              const GDate         *today)
{
  g_autoptr (GListModel) model = NULL;
  FacturesDocumentRow *selected = gtk_single_selection_get_selected_item (self->selection);
  gint64 selected_id = selected != NULL ? factures_document_row_get_id (selected) : 0;
  int sort = FACTURES_DOCUMENT_SORT_DAYS_LATE;
  gboolean descending = TRUE;
  guint count;

  if (!factures_sort_state_query (self->sort_state, &sort, &descending))
    {
      sort = FACTURES_DOCUMENT_SORT_DAYS_LATE;
      descending = TRUE;
    }

  model = factures_store_list_overdue (self->store, today, (FacturesDocumentSort) sort, descending);
  {
    g_autoptr (FacturesPaAccount) account = factures_store_get_pa_account (self->store, NULL);

    gtk_column_view_column_set_visible (self->pa_column, account != NULL);
  }
  gtk_slice_list_model_set_model (self->list_slice, model);
  count = g_list_model_get_n_items (model);
  if (selected_id != 0)
    {
      /* a selected invoice sits among the rows the list shows: look there only */
      for (guint i = 0; i < MIN (count, gtk_slice_list_model_get_size (self->list_slice)); i++)
        {
          g_autoptr (FacturesDocumentRow) row = g_list_model_get_item (model, i);

          if (row != NULL && factures_document_row_get_id (row) == selected_id)
            {
              gtk_single_selection_set_selected (self->selection, i);
              break;
            }
        }
    }
  update_list_buttons (self);

  gtk_stack_set_visible_child_name (self->stack, count > 0 ? "list" : "empty");
  gtk_widget_set_visible (self->list_buttons, count > 0);
  refresh_count (self, model);
}

void
factures_overdue_page_refresh (FacturesOverduePage *self)
{
  GDate today;

  g_return_if_fail (FACTURES_IS_OVERDUE_PAGE (self));

  if (self->store == NULL)
    return;
  self->stale = FALSE;
  self->n_full_refreshes++;
  factures_today (&today);
  refresh_list (self, &today);
  refresh_summary (self, &today);
  refresh_queue (self, &today);
}

/* The queue item of @document_id and its position, or NULL. */
static FacturesTodoItem *
find_queue_item (FacturesOverduePage *self,
                 gint64               document_id,
                 guint               *out_position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->todo_items));

  for (guint i = 0; i < n; i++)
    {
      FacturesTodoItem *item = g_list_model_get_item (G_LIST_MODEL (self->todo_items), i);

      g_object_unref (item);   /* the store keeps it */
      if (factures_todo_item_get_document_id (item) == document_id)
        {
          *out_position = i;
          return item;
        }
    }
  return NULL;
}

/* Where a step of an invoice due on @due_date goes: the queue is oldest due date first,
 * then by invoice (the store's order). */
static guint
queue_position_for (FacturesOverduePage       *self,
                    const FacturesDunningTask *task)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->todo_items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FacturesTodoItem) item = g_list_model_get_item (G_LIST_MODEL (self->todo_items), i);
      const FacturesDunningTask *other = factures_todo_item_get_data (item);
      int cmp;

      if (other == NULL)
        continue;
      cmp = g_date_compare (&other->due_date, &task->due_date);
      if (cmp > 0 || (cmp == 0 && other->document_id > task->document_id))
        return i;
    }
  return n;
}

/* A new step of an invoice due after every step planned while candidates are left: among
 * them, in the queue's order (due date, then id), planned when the list reaches it. */
static gboolean
pend_task (FacturesOverduePage       *self,
           const FacturesDunningTask *task)
{
  FacturesDunningCandidate candidate = { 0 };
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->todo_items)), at;

  if (self->pending == NULL || self->next_pending >= self->pending->len)
    return FALSE;
  for (guint i = n; i > 0; i--)
    {
      g_autoptr (FacturesTodoItem) item = g_list_model_get_item (G_LIST_MODEL (self->todo_items), i - 1);
      const FacturesDunningTask *last = factures_todo_item_get_data (item);

      if (last == NULL)
        continue;
      if (g_date_compare (&task->due_date, &last->due_date) < 0 ||
          (g_date_compare (&task->due_date, &last->due_date) == 0 && task->document_id < last->document_id))
        return FALSE;
      break;
    }
  for (at = self->next_pending; at < self->pending->len; at++)
    {
      const FacturesDunningCandidate *other = &g_array_index (self->pending, FacturesDunningCandidate, at);
      int cmp = g_date_compare (&other->due_date, &task->due_date);

      if (cmp > 0 || (cmp == 0 && other->document_id > task->document_id))
        break;
    }
  candidate.document_id = task->document_id;
  candidate.due_date = task->due_date;
  g_date_clear (&candidate.step_date, 1);
  candidate.full = TRUE;
  g_array_insert_val (self->pending, at, candidate);
  return TRUE;
}

/* The step of @document_id due today (at most one per invoice), recomputed for that invoice
 * alone: its item replaced, removed or added. */
static void
update_queue_item (FacturesOverduePage *self,
                   gint64               document_id,
                   GPtrArray           *plan,
                   const GDate         *today)
{
  FacturesDunningTask *task = NULL;
  FacturesTodoItem *old;
  guint position = 0;

  self->n_item_updates++;
  for (guint i = 0; plan != NULL && i < plan->len; i++)
    {
      FacturesDunningTask *step = g_ptr_array_index (plan, i);

      if (step->step.state == FACTURES_STEP_STATE_DUE && step->invoice_balance > 0)
        {
          task = g_ptr_array_steal_index (plan, i);
          break;
        }
    }

  /* an invoice not planned yet: planned afresh when the list reaches it, or taken out */
  for (guint i = self->pending != NULL ? self->next_pending : 0; self->pending != NULL && i < self->pending->len; i++)
    {
      FacturesDunningCandidate *candidate = &g_array_index (self->pending, FacturesDunningCandidate, i);

      if (candidate->document_id != document_id)
        continue;
      if (task == NULL)
        g_array_remove_index (self->pending, i);
      else
        candidate->full = TRUE;
      g_clear_pointer (&task, factures_dunning_task_free);
      return;
    }

  old = find_queue_item (self, document_id, &position);
  if (task == NULL)
    {
      if (old != NULL)
        g_list_store_remove (self->todo_items, position);
      return;
    }
  {
    g_autoptr (FacturesTodoItem) item = item_for_task (task);   /* takes @task */

    if (old != NULL)
      g_list_store_splice (self->todo_items, position, 1, (gpointer *) &item, 1);
    else if (!pend_task (self, task))
      g_list_store_insert (self->todo_items, queue_position_for (self, task), item);
  }
}

/* More queue items than this touched by one write: the whole queue is listed again. */
#define MAX_ITEM_UPDATES 32

/* Whether the invoice of @plan (its dunning plan; NULL: not an issued invoice) is overdue on
 * @today, as factures_store_list_overdue() says (a balance, the due date passed); *out_unsure
 * when the plan cannot tell (an instalment plan, or no step). */
static gboolean
plan_says_overdue (GPtrArray   *plan,
                   const GDate *today,
                   gboolean    *out_unsure)
{
  const FacturesDunningTask *task;

  *out_unsure = FALSE;
  if (plan == NULL)
    return FALSE;
  if (plan->len == 0)
    {
      *out_unsure = TRUE;
      return FALSE;
    }
  task = g_ptr_array_index (plan, 0);
  if (task->instalment > 0)
    {
      *out_unsure = TRUE;
      return FALSE;
    }
  return task->invoice_balance > 0 && g_date_compare (&task->due_date, today) < 0;
}

/* What one write changed, on the page shown: the figures; in the overdue list, the rows of the
 * documents touched (the list sorted again only when an invoice enters or leaves it); the
 * queue's items of the documents (and clients) touched. */
static void
apply_changes (FacturesOverduePage *self,
               GArray              *documents,
               GArray              *clients)
{
  g_autoptr (GArray) queue_ids = g_array_copy (documents);
  g_autoptr (GArray) leaving = g_array_new (FALSE, FALSE, sizeof (gint64));
  GListModel *list = gtk_slice_list_model_get_model (self->list_slice);
  gboolean requery = !FACTURES_IS_SQL_LIST_MODEL (list);
  guint n;
  GDate today;

  factures_today (&today);
  /* the invoices of the clients touched (a name changed) */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->todo_items));
  for (guint i = 0; clients->len > 0 && i < n && queue_ids->len <= MAX_ITEM_UPDATES; i++)
    {
      g_autoptr (FacturesTodoItem) item = g_list_model_get_item (G_LIST_MODEL (self->todo_items), i);
      const FacturesDunningTask *task = factures_todo_item_get_data (item);

      for (guint c = 0; task != NULL && c < clients->len; c++)
        if (task->client_id == g_array_index (clients, gint64, c))
          {
            g_array_append_val (queue_ids, task->document_id);
            break;
          }
    }

  if (queue_ids->len > MAX_ITEM_UPDATES)
    {
      refresh_list (self, &today);
      refresh_queue (self, &today);
    }
  else
    {
      for (guint i = 0; i < queue_ids->len; i++)
        {
          gint64 id = g_array_index (queue_ids, gint64, i);
          /* NULL: not an issued invoice (a draft, a quote, gone) */
          g_autoptr (GPtrArray) plan = factures_store_get_dunning_plan (self->store, id, &today, NULL);

          if (i < documents->len && !requery)
            {
              gboolean unsure;
              gboolean overdue = plan_says_overdue (plan, &today, &unsure);
              gboolean listed = factures_sql_list_model_find_id (FACTURES_SQL_LIST_MODEL (list), id) != G_MAXUINT;

              /* an invoice that enters the list is sorted in with the others; one that leaves
               * it (paid) is taken out */
              requery = unsure || (overdue && !listed);
              if (!requery && listed && !overdue)
                g_array_append_val (leaving, id);
            }
          update_queue_item (self, id, plan, &today);
        }
      if (requery)
        refresh_list (self, &today);
      else
        {
          guint selected = gtk_single_selection_get_selected (self->selection);

          for (guint i = 0; i < leaving->len; i++)
            factures_sql_list_model_remove_id (FACTURES_SQL_LIST_MODEL (list), g_array_index (leaving, gint64, i));
          for (guint i = 0; i < documents->len; i++)
            factures_sql_list_model_refresh_id (FACTURES_SQL_LIST_MODEL (list), g_array_index (documents, gint64, i));
          /* a row read again is a new item: still the selected one (unless it left) */
          if (leaving->len == 0 && selected != GTK_INVALID_LIST_POSITION)
            gtk_single_selection_set_selected (self->selection, selected);
          update_list_buttons (self);
          n = g_list_model_get_n_items (list);
          gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
          gtk_widget_set_visible (self->list_buttons, n > 0);
          refresh_count (self, list);
        }
      /* a refusal by the plateforme agréée (a dispute), a credit note: the other items again */
      refresh_deadlines (self);
    }
  refresh_summary (self, &today);
}

static void
append_unique (GArray *array,
               gint64  id)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, gint64, i) == id)
      return;
  g_array_append_val (array, id);
}

/* Issue 12 item 2: what a write touched, collected until its "changed". */
static void
on_store_item_changed (FacturesStore       *store,
                       guint                kind,
                       gint64               id,
                       FacturesOverduePage *self)
{
  if (kind == FACTURES_STORE_CHANGE_DOCUMENT)
    append_unique (self->changed_documents, id);
  else if (kind == FACTURES_STORE_CHANGE_CLIENT)
    append_unique (self->changed_clients, id);
  else
    self->changed_everything = TRUE;
}

/* A store change: what it touched when the page is shown; only the badge's count when hidden
 * (the page is stale then, and refreshed whole when shown). */
static void
on_store_changed (FacturesOverduePage *self)
{
  g_autoptr (GArray) documents = g_steal_pointer (&self->changed_documents);
  g_autoptr (GArray) clients = g_steal_pointer (&self->changed_clients);
  gboolean everything = self->changed_everything;
  GDate today;

  self->changed_documents = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->changed_clients = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->changed_everything = FALSE;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && !self->stale)
    {
      if (everything)
        factures_overdue_page_refresh (self);
      else if (documents->len > 0 || clients->len > 0)
        apply_changes (self, documents, clients);
      return;
    }
  if (!everything && documents->len == 0 && clients->len == 0)
    return;
  self->stale = TRUE;
  factures_today (&today);
  refresh_count_only (self, &today);
}

static void
factures_overdue_page_map (GtkWidget *widget)
{
  FacturesOverduePage *self = FACTURES_OVERDUE_PAGE (widget);

  GTK_WIDGET_CLASS (factures_overdue_page_parent_class)->map (widget);
  if (self->stale)
    factures_overdue_page_refresh (self);
}

static void
on_activate (GtkColumnView       *view,
             guint                position,
             FacturesOverduePage *self)
{
  g_autoptr (FacturesDocumentRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (row == NULL)
    return;
  factures_editor_window_open (page_window (self), self->store, factures_document_row_get_id (row), 0);
}

static void
factures_overdue_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  FacturesOverduePage *self = FACTURES_OVERDUE_PAGE (object);

  switch (prop_id)
    {
    case PROP_COUNT:
      g_value_set_uint (value, self->count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
factures_overdue_page_dispose (GObject *object)
{
  FacturesOverduePage *self = FACTURES_OVERDUE_PAGE (object);

  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_signal_handler (&self->item_changed_id, self->store);
  g_clear_pointer (&self->changed_documents, g_array_unref);
  g_clear_pointer (&self->changed_clients, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_OVERDUE_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->selection);
  g_clear_object (&self->todo_items);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->held_deadlines, g_ptr_array_unref);
  g_clear_object (&self->list_slice);
  g_clear_pointer (&self->sort_state, factures_sort_state_free);

  G_OBJECT_CLASS (factures_overdue_page_parent_class)->dispose (object);
}

static void
factures_overdue_page_class_init (FacturesOverduePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = factures_overdue_page_dispose;
  object_class->get_property = factures_overdue_page_get_property;
  widget_class->map = factures_overdue_page_map;

  properties[PROP_COUNT] = g_param_spec_uint ("count", NULL, NULL,
                                              0, G_MAXUINT, 0,
                                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FACTURES_TYPE_AGING_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/overdue/factures-overdue-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesOverduePage, outstanding_value);
  gtk_widget_class_bind_template_child (widget_class, FacturesOverduePage, outstanding_note);
  gtk_widget_class_bind_template_child (widget_class, FacturesOverduePage, overdue_value);
  gtk_widget_class_bind_template_child (widget_class, FacturesOverduePage, overdue_note);
  gtk_widget_class_bind_template_child (widget_class, FacturesOverduePage, expected_value);
  gtk_widget_class_bind_template_child (widget_class, FacturesOverduePage, expected_note);
  gtk_widget_class_bind_template_child (widget_class, FacturesOverduePage, dso_value);
  gtk_widget_class_bind_template_child (widget_class, FacturesOverduePage, dso_note);
  gtk_widget_class_bind_template_child (widget_class, FacturesOverduePage, chart);
  gtk_widget_class_bind_template_child (widget_class, FacturesOverduePage, chart_note);
  gtk_widget_class_bind_template_child (widget_class, FacturesOverduePage, rates_notice);
  gtk_widget_class_bind_template_child (widget_class, FacturesOverduePage, todo_title);
  gtk_widget_class_bind_template_child (widget_class, FacturesOverduePage, todo_scroller);
  gtk_widget_class_bind_template_child (widget_class, FacturesOverduePage, todo_view);
  gtk_widget_class_bind_template_child (widget_class, FacturesOverduePage, todo_empty);
  gtk_widget_class_bind_template_child (widget_class, FacturesOverduePage, stack);
  gtk_widget_class_bind_template_child (widget_class, FacturesOverduePage, view);
  gtk_widget_class_bind_template_child (widget_class, FacturesOverduePage, list_buttons);
  gtk_widget_class_bind_template_child (widget_class, FacturesOverduePage, list_payment);
  gtk_widget_class_bind_template_child (widget_class, FacturesOverduePage, list_instalments);
  gtk_widget_class_bind_template_child (widget_class, FacturesOverduePage, list_more);
  gtk_widget_class_bind_template_child (widget_class, FacturesOverduePage, list_menu_box);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_list_menu_clicked);

  gtk_widget_class_install_action (widget_class, "overdue.perform-step", "x", perform_step_action);
  gtk_widget_class_install_action (widget_class, "overdue.skip-step", "x", skip_step_action);
  gtk_widget_class_install_action (widget_class, "overdue.record-payment", "x", record_payment_action);
  gtk_widget_class_install_action (widget_class, "overdue.instalments", "x", instalments_action);
  gtk_widget_class_install_action (widget_class, "overdue.promise", "x", invoice_action);
  gtk_widget_class_install_action (widget_class, "overdue.dispute", "x", invoice_action);
  gtk_widget_class_install_action (widget_class, "overdue.waive", "x", invoice_action);
  /* a deadline of the tax calendar (issue 17 item 4), "kind/YYYY-MM-DD" */
  gtk_widget_class_install_action (widget_class, "overdue.open-deadline", "s", open_deadline_action);
  /* an e-invoice the plateforme agréée refused (issue 14) */
  gtk_widget_class_install_action (widget_class, "overdue.open-invoice", "x", open_invoice_action);
  gtk_widget_class_install_action (widget_class, "overdue.deadline-done", "s", deadline_done_action);
}

static void
factures_overdue_page_init (FacturesOverduePage *self)
{
  GtkColumnViewColumn *column;
  GtkListItemFactory *factory;
  GtkNoSelection *none;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->changed_documents = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->changed_clients = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* "after 5 paid invoices and 90 days" is read whole */
  gtk_label_set_ellipsize (self->dso_note, PANGO_ELLIPSIZE_NONE);
  gtk_label_set_wrap (self->dso_note, TRUE);

  /* the to-do queue */
  self->todo_items = g_list_store_new (FACTURES_TYPE_TODO_ITEM);
  self->held_deadlines = g_ptr_array_new_with_free_func (g_object_unref);
  none = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->todo_items)));
  {
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->todo_scroller));

    g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (todo_scrolled), self, 0);
    g_signal_connect_object (adjustment, "changed", G_CALLBACK (todo_scrolled), self, 0);
  }
  gtk_list_view_set_model (self->todo_view, GTK_SELECTION_MODEL (none));
  g_object_unref (none);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (todo_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (todo_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (todo_unbind), self);
  gtk_list_view_set_factory (self->todo_view, factory);
  g_object_unref (factory);

  /* the overdue invoices, sorted in SQL */
  self->list_slice = gtk_slice_list_model_new (NULL, 0, LIST_STEP);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->list_slice)));
  grow_slice_on_scroll (gtk_widget_get_parent (GTK_WIDGET (self->view)), self->list_slice);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (update_list_buttons), self);
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));

  self->sort_state = factures_sort_state_new (self->view);
  column = factures_cell_column_add (self->view, _("Number"), cell_number, FALSE, FALSE);
  gtk_column_view_column_set_fixed_width (column, 150);
  factures_sort_state_attach (self->sort_state, column, FACTURES_DOCUMENT_SORT_NUMBER);
  column = factures_cell_column_add (self->view, _("Client"), cell_client, FALSE, TRUE);
  factures_sort_state_attach (self->sort_state, column, FACTURES_DOCUMENT_SORT_CLIENT);
  /* the plateforme agréée's refusal, rejection, cancellation or dispute (issue 14) */
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (pa_cell_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (pa_cell_bind), self);
  /* Translators: the column of the overdue list saying what the plateforme agréée reported */
  self->pa_column = gtk_column_view_column_new (_("PA Status"), factory);
  gtk_column_view_column_set_fixed_width (self->pa_column, 130);
  gtk_column_view_column_set_resizable (self->pa_column, TRUE);
  gtk_column_view_column_set_visible (self->pa_column, FALSE);
  gtk_column_view_append_column (self->view, self->pa_column);
  g_object_unref (self->pa_column);
  column = factures_cell_column_add (self->view, _("Due Date"), cell_due_date, TRUE, FALSE);
  gtk_column_view_column_set_fixed_width (column, 130);
  factures_sort_state_attach (self->sort_state, column, FACTURES_DOCUMENT_SORT_DUE);
  column = factures_cell_column_add (self->view, _("Days Late"), cell_days_late, TRUE, FALSE);
  gtk_column_view_column_set_fixed_width (column, 130);
  factures_sort_state_attach (self->sort_state, column, FACTURES_DOCUMENT_SORT_DAYS_LATE);
  gtk_column_view_sort_by_column (self->view, column, GTK_SORT_DESCENDING);
  column = factures_cell_column_add (self->view, _("Balance"), cell_balance, TRUE, FALSE);
  gtk_column_view_column_set_fixed_width (column, 140);
  factures_sort_state_attach (self->sort_state, column, FACTURES_DOCUMENT_SORT_BALANCE);
  g_signal_connect_swapped (gtk_column_view_get_sorter (self->view),
                            "changed", G_CALLBACK (factures_overdue_page_refresh), self);
}

GtkWidget *
factures_overdue_page_new (FacturesStore *store)
{
  FacturesOverduePage *self;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  self = g_object_new (FACTURES_TYPE_OVERDUE_PAGE, NULL);
  self->store = g_object_ref (store);
  self->item_changed_id = g_signal_connect (store, "item-changed", G_CALLBACK (on_store_item_changed), self);
  self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed), self);
  /* the count now (for the badge), the rest when the page is first shown */
  self->stale = TRUE;
  {
    GDate today;

    factures_today (&today);
    refresh_count_only (self, &today);
  }
  return GTK_WIDGET (self);
}

guint
factures_overdue_page_get_count (FacturesOverduePage *self)
{
  g_return_val_if_fail (FACTURES_IS_OVERDUE_PAGE (self), 0);
  return self->count;
}

GListModel *
factures_overdue_page_get_todo_model (FacturesOverduePage *self)
{
  g_return_val_if_fail (FACTURES_IS_OVERDUE_PAGE (self), NULL);
  return G_LIST_MODEL (self->todo_items);
}

guint
factures_overdue_page_get_n_todo_rows (FacturesOverduePage *self)
{
  g_return_val_if_fail (FACTURES_IS_OVERDUE_PAGE (self), 0);
  return self->n_todo_rows;
}

void
factures_overdue_page_get_n_refreshes (FacturesOverduePage *self,
                                       guint               *out_full,
                                       guint               *out_items)
{
  g_return_if_fail (FACTURES_IS_OVERDUE_PAGE (self));

  if (out_full != NULL)
    *out_full = self->n_full_refreshes;
  if (out_items != NULL)
    *out_items = self->n_item_updates;
}

gboolean
factures_overdue_page_get_stale (FacturesOverduePage *self)
{
  g_return_val_if_fail (FACTURES_IS_OVERDUE_PAGE (self), FALSE);
  return self->stale;
}

guint
factures_overdue_page_get_n_due_steps (FacturesOverduePage *self)
{
  g_return_val_if_fail (FACTURES_IS_OVERDUE_PAGE (self), 0);

  if (self->stale)
    factures_overdue_page_refresh (self);
  return count_steps (self);
}

guint
factures_overdue_page_get_n_due_deadlines (FacturesOverduePage *self)
{
  g_return_val_if_fail (FACTURES_IS_OVERDUE_PAGE (self), 0);

  if (self->stale)
    factures_overdue_page_refresh (self);
  return self->n_due_deadlines;
}

guint
factures_overdue_page_get_n_planned (FacturesOverduePage *self)
{
  g_return_val_if_fail (FACTURES_IS_OVERDUE_PAGE (self), 0);
  return self->n_planned;
}
