/* factures-overdue-page.c — the Overdue dashboard, first view of the window
 *
 * Receivables at a glance (outstanding, overdue, expected this month, days
 * sales outstanding), the aging chart, the "To Do Today" queue of dunning steps
 * (each done in one action) and the list of overdue invoices, sorted in SQL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-aging-chart.h"
#include "factures-cell.h"
#include "factures-documents.h"
#include "factures-dunning-actions.h"
#include "factures-overdue-page.h"
#include "factures-instalments-dialog.h"
#include "factures-payment-dialog.h"
#include "factures-rows.h"
#include "factures-sort-state.h"
#include "factures-store-payments.h"

enum { CARD_OUTSTANDING, CARD_OVERDUE, CARD_EXPECTED, CARD_DSO, N_CARDS };

struct _FacturesOverduePage
{
  GtkBox              parent_instance;

  FacturesStore      *store;
  FacturesSortState  *sort_state;
  GtkSingleSelection *selection;
  gulong              changed_id;
  guint               count;
  GPtrArray          *tasks;           /* FacturesDunningTask* of the queue */
  gboolean            rates_outdated;  /* a penalty used the last known rate */

  GtkWidget          *card_values[N_CARDS];
  GtkWidget          *card_notes[N_CARDS];
  GtkWidget          *chart;
  GtkWidget          *todo_list;
  GtkWidget          *rates_notice;
  GtkWidget          *todo_empty;
  GtkWidget          *todo_title;
  GtkWidget          *stack;
  GtkWidget          *view;
  GtkWidget          *list_buttons;
  GtkWidget          *status;
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
  return factures_money_format (factures_document_row_get_balance (item));
}

/* ---- summary ---- */

static void
set_card (FacturesOverduePage *self,
          guint                card,
          const char          *value,
          const char          *note)
{
  g_autofree char *name = NULL;

  gtk_label_set_text (GTK_LABEL (self->card_values[card]), value);
  gtk_label_set_text (GTK_LABEL (self->card_notes[card]), note != NULL ? note : "");
  /* Translators: an accessible name, "Outstanding: 1 234,00 €" */
  name = g_strdup_printf (_("%s: %s"), card_title (card), value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->card_values[card]),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
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

  if (!factures_store_get_receivables (self->store, today, &r, &error))
    {
      g_warning ("Receivables: %s", error->message);
      return;
    }
  outstanding = factures_money_format (r.outstanding);
  overdue = factures_money_format (r.overdue);
  expected = factures_money_format (r.expected_this_month);
  if (r.dso >= 0)
    dso = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", r.dso), r.dso);
  else
    dso = g_strdup ("—");
  overdue_note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u invoice late", "%u invoices late",
                                               r.n_overdue), r.n_overdue);
  if (r.credit > 0)
    {
      g_autofree char *credit = factures_money_format (r.credit);
      /* Translators: %s is an amount */
      credit_note = g_strdup_printf (_("of which client credit %s"), credit);
    }

  set_card (self, CARD_OUTSTANDING, outstanding, credit_note != NULL ? credit_note : _("issued, not yet paid"));
  set_card (self, CARD_OVERDUE, overdue, overdue_note);
  set_card (self, CARD_EXPECTED, expected, _("due by the end of the month"));
  set_card (self, CARD_DSO, dso, _("over the last 90 days"));
  gtk_widget_set_visible (self->card_notes[CARD_OVERDUE], TRUE);
  if (r.overdue > 0)
    gtk_widget_add_css_class (self->card_values[CARD_OVERDUE], "error");
  else
    gtk_widget_remove_css_class (self->card_values[CARD_OVERDUE], "error");

  factures_aging_chart_set (FACTURES_AGING_CHART (self->chart), r.aging, r.aging_count);
}

/* ---- to-do queue ---- */

static FacturesDunningTask *
task_of (FacturesOverduePage *self,
         GtkWidget           *button)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "factures-task"));

  if (self->tasks == NULL || index >= self->tasks->len)
    return NULL;
  return g_ptr_array_index (self->tasks, index);
}

static void
popdown (GtkWidget *button)
{
  GtkWidget *popover = gtk_widget_get_ancestor (button, GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
on_task_perform (GtkWidget           *button,
                 FacturesOverduePage *self)
{
  FacturesDunningTask *task = task_of (self, button);

  if (task != NULL)
    factures_dunning_perform (GTK_WIDGET (self), self->store, task);
}

static void
on_task_skip (GtkWidget           *button,
              FacturesOverduePage *self)
{
  FacturesDunningTask *task = task_of (self, button);

  popdown (button);
  if (task != NULL)
    factures_dunning_skip (GTK_WIDGET (self), self->store, task);
}

static void
on_task_promise (GtkWidget           *button,
                 FacturesOverduePage *self)
{
  FacturesDunningTask *task = task_of (self, button);

  popdown (button);
  if (task != NULL)
    factures_dunning_promise (GTK_WIDGET (self), self->store, task->document_id, task->number);
}

static void
on_task_dispute (GtkWidget           *button,
                 FacturesOverduePage *self)
{
  FacturesDunningTask *task = task_of (self, button);

  popdown (button);
  if (task != NULL)
    factures_dunning_dispute (GTK_WIDGET (self), self->store, task->document_id, task->number);
}

static void
on_task_waive (GtkWidget           *button,
               FacturesOverduePage *self)
{
  FacturesDunningTask *task = task_of (self, button);

  popdown (button);
  if (task != NULL)
    factures_dunning_waive (GTK_WIDGET (self), self->store, task->document_id, task->number);
}

static GtkWindow *
page_window (FacturesOverduePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
on_task_payment (GtkWidget           *button,
                 FacturesOverduePage *self)
{
  FacturesDunningTask *task = task_of (self, button);

  popdown (button);
  if (task != NULL)
    factures_payment_dialog_open (page_window (self), self->store, task->document_id);
}

static void
on_task_instalments (GtkWidget           *button,
                     FacturesOverduePage *self)
{
  FacturesDunningTask *task = task_of (self, button);

  popdown (button);
  if (task != NULL)
    factures_instalments_dialog_open (page_window (self), self->store, task->document_id);
}

static GtkWidget *
menu_item (FacturesOverduePage *self,
           const char          *label,
           GCallback            callback,
           guint                index)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_halign (gtk_button_get_child (GTK_BUTTON (button)), GTK_ALIGN_START);
  g_object_set_data (G_OBJECT (button), "factures-task", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
task_row (FacturesOverduePage       *self,
          const FacturesDunningTask *task,
          guint                      index)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button, *menu, *popover, *box;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *amount = factures_money_format (task->balance);
  g_autofree char *penalties_text = NULL;
  g_autofree char *more_name = NULL;
  g_auto (FacturesPenalties) penalties = { 0 };
  GDate today;

  factures_today (&today);
  if (factures_store_compute_penalties (self->store, task->document_id, &today, &penalties, NULL) &&
      !penalties.waived && penalties.total > 0)
    {
      g_autofree char *p = factures_money_format (penalties.total);
      g_autofree char *computation = factures_penalties_describe (&penalties);

      /* Translators: %s is an amount */
      penalties_text = g_strdup_printf (_(", penalties %s"), p);
      /* the computation spelled out (days per half-year, rate, amount, indemnity) */
      gtk_widget_set_tooltip_text (row, computation);
      if (penalties.table_outdated)
        self->rates_outdated = TRUE;
    }

  /* Translators: "F2026-0002 — Client name" */
  title = g_strdup_printf (_("%s — %s"), task->number, task->client_name);
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
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  button = gtk_button_new_with_label (factures_dunning_action_label (task->step.channel));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "suggested-action");
  g_object_set_data (G_OBJECT (button), "factures-task", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", G_CALLBACK (on_task_perform), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), menu_item (self, _("Record Payment…"), G_CALLBACK (on_task_payment), index));
  gtk_box_append (GTK_BOX (box), menu_item (self, _("Instalment Plan…"), G_CALLBACK (on_task_instalments), index));
  gtk_box_append (GTK_BOX (box), menu_item (self, _("Skip This Step…"), G_CALLBACK (on_task_skip), index));
  gtk_box_append (GTK_BOX (box), menu_item (self, _("Promise to Pay…"), G_CALLBACK (on_task_promise), index));
  gtk_box_append (GTK_BOX (box), menu_item (self, _("Mark as Disputed…"), G_CALLBACK (on_task_dispute), index));
  gtk_box_append (GTK_BOX (box), menu_item (self, _("Waive Penalties…"), G_CALLBACK (on_task_waive), index));
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  menu = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "view-more-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (menu), popover);
  gtk_widget_set_valign (menu, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu, "flat");
  /* Translators: accessible name of a menu button, %s is an invoice number */
  more_name = g_strdup_printf (_("More Actions for %s"), task->number);
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu), GTK_ACCESSIBLE_PROPERTY_LABEL, more_name, -1);
  gtk_widget_set_tooltip_text (menu, _("More actions"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu);
  return row;
}

static void
refresh_queue (FacturesOverduePage *self,
               const GDate         *today)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->todo_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->todo_list), child);
  g_clear_pointer (&self->tasks, g_ptr_array_unref);

  self->rates_outdated = FALSE;
  self->tasks = factures_store_get_dunning_queue (self->store, today, &error);
  if (self->tasks == NULL)
    {
      g_warning ("To-do queue: %s", error->message);
      self->tasks = g_ptr_array_new ();
    }
  for (guint i = 0; i < self->tasks->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->todo_list),
                         task_row (self, g_ptr_array_index (self->tasks, i), i));
  gtk_widget_set_visible (self->todo_list, self->tasks->len > 0);
  gtk_widget_set_visible (self->todo_empty, self->tasks->len == 0);
  gtk_widget_set_visible (self->rates_notice, self->rates_outdated);
}

/* ---- overdue list ---- */

static FacturesDocumentRow *
selected_row (FacturesOverduePage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
on_list_payment (FacturesOverduePage *self)
{
  FacturesDocumentRow *row = selected_row (self);

  if (row != NULL)
    factures_payment_dialog_open (page_window (self), self->store, factures_document_row_get_id (row));
}

static void
on_list_instalments (FacturesOverduePage *self)
{
  FacturesDocumentRow *row = selected_row (self);

  if (row != NULL)
    factures_instalments_dialog_open (page_window (self), self->store, factures_document_row_get_id (row));
}

static void
on_list_promise (FacturesOverduePage *self)
{
  FacturesDocumentRow *row = selected_row (self);

  if (row != NULL)
    factures_dunning_promise (GTK_WIDGET (self), self->store, factures_document_row_get_id (row),
                              factures_document_row_get_number (row));
}

static void
on_list_dispute (FacturesOverduePage *self)
{
  FacturesDocumentRow *row = selected_row (self);

  if (row != NULL)
    factures_dunning_dispute (GTK_WIDGET (self), self->store, factures_document_row_get_id (row),
                              factures_document_row_get_number (row));
}

static void
on_list_waive (FacturesOverduePage *self)
{
  FacturesDocumentRow *row = selected_row (self);

  if (row != NULL)
    factures_dunning_waive (GTK_WIDGET (self), self->store, factures_document_row_get_id (row),
                            factures_document_row_get_number (row));
}

static void
update_list_buttons (FacturesOverduePage *self)
{
  gtk_widget_set_sensitive (self->list_buttons, selected_row (self) != NULL);
}

void
factures_overdue_page_refresh (FacturesOverduePage *self)
{
  g_autoptr (GListModel) model = NULL;
  int sort = FACTURES_DOCUMENT_SORT_DAYS_LATE;
  gboolean descending = TRUE;
  GDate today;
  guint count;

  g_return_if_fail (FACTURES_IS_OVERDUE_PAGE (self));

  if (self->store == NULL)
    return;
  if (!factures_sort_state_query (self->sort_state, &sort, &descending))
    {
      sort = FACTURES_DOCUMENT_SORT_DAYS_LATE;
      descending = TRUE;
    }

  factures_today (&today);
  model = factures_store_list_overdue (self->store, &today, (FacturesDocumentSort) sort, descending);
  gtk_single_selection_set_model (self->selection, model);
  update_list_buttons (self);

  count = g_list_model_get_n_items (model);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), count > 0 ? "list" : "empty");
  gtk_widget_set_visible (self->list_buttons, count > 0);
  if (count != self->count)
    {
      self->count = count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
    }

  refresh_summary (self, &today);
  refresh_queue (self, &today);
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
  g_clear_object (&self->store);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->sort_state, factures_sort_state_free);
  g_clear_pointer (&self->tasks, g_ptr_array_unref);

  G_OBJECT_CLASS (factures_overdue_page_parent_class)->dispose (object);
}

static void
factures_overdue_page_class_init (FacturesOverduePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = factures_overdue_page_dispose;
  object_class->get_property = factures_overdue_page_get_property;

  properties[PROP_COUNT] = g_param_spec_uint ("count", NULL, NULL,
                                              0, G_MAXUINT, 0,
                                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  return label;
}

static GtkWidget *
build_cards (FacturesOverduePage *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
  for (guint i = 0; i < N_CARDS; i++)
    {
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *title = gtk_label_new (card_title (i));

      gtk_widget_add_css_class (card, "card");
      gtk_widget_set_margin_bottom (card, 2);
      gtk_label_set_xalign (GTK_LABEL (title), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (title, "caption-heading");
      gtk_widget_add_css_class (title, "dim-label");
      gtk_widget_set_margin_start (title, 14);
      gtk_widget_set_margin_end (title, 14);
      gtk_widget_set_margin_top (title, 12);
      gtk_box_append (GTK_BOX (card), title);

      self->card_values[i] = gtk_label_new ("—");
      gtk_label_set_xalign (GTK_LABEL (self->card_values[i]), 0.0);
      gtk_widget_add_css_class (self->card_values[i], "title-2");
      gtk_widget_add_css_class (self->card_values[i], "numeric");
      gtk_widget_set_margin_start (self->card_values[i], 14);
      gtk_widget_set_margin_end (self->card_values[i], 14);
      gtk_box_append (GTK_BOX (card), self->card_values[i]);

      self->card_notes[i] = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (self->card_notes[i]), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (self->card_notes[i]), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (self->card_notes[i], "caption");
      gtk_widget_add_css_class (self->card_notes[i], "dim-label");
      gtk_widget_set_margin_start (self->card_notes[i], 14);
      gtk_widget_set_margin_end (self->card_notes[i], 14);
      gtk_widget_set_margin_bottom (self->card_notes[i], 12);
      gtk_box_append (GTK_BOX (card), self->card_notes[i]);
      gtk_box_append (GTK_BOX (row), card);
    }
  return row;
}

static GtkWidget *
list_button (FacturesOverduePage *self,
             const char          *label,
             GCallback            callback)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  g_signal_connect_swapped (button, "clicked", callback, self);
  return button;
}

static void
factures_overdue_page_init (FacturesOverduePage *self)
{
  GtkWidget *scroller, *clamp, *content, *middle, *left, *right, *frame, *list_header;
  GtkColumnViewColumn *column;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);

  gtk_box_append (GTK_BOX (content), build_cards (self));

  self->rates_notice = gtk_label_new (_("The late-penalty rate table has no rate for the current half-year: "
                                        "the last known rate is used. The table needs updating."));
  gtk_label_set_wrap (GTK_LABEL (self->rates_notice), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->rates_notice), 0.0);
  gtk_widget_add_css_class (self->rates_notice, "warning");
  gtk_widget_set_visible (self->rates_notice, FALSE);
  gtk_box_append (GTK_BOX (content), self->rates_notice);

  /* aging chart | to-do queue */
  middle = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  gtk_box_set_homogeneous (GTK_BOX (middle), TRUE);
  left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_box_append (GTK_BOX (left), heading (_("Aging of Receivables")));
  frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (frame, "card");
  self->chart = factures_aging_chart_new ();
  gtk_widget_set_margin_start (self->chart, 8);
  gtk_widget_set_margin_end (self->chart, 8);
  gtk_widget_set_margin_top (self->chart, 8);
  gtk_widget_set_margin_bottom (self->chart, 8);
  gtk_widget_set_vexpand (self->chart, TRUE);
  gtk_box_append (GTK_BOX (frame), self->chart);
  gtk_box_append (GTK_BOX (left), frame);
  gtk_box_append (GTK_BOX (middle), left);

  right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  self->todo_title = heading (_("To Do Today"));
  gtk_box_append (GTK_BOX (right), self->todo_title);
  self->todo_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->todo_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->todo_list, "boxed-list");
  gtk_widget_set_valign (self->todo_list, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->todo_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("To Do Today"), -1);
  gtk_box_append (GTK_BOX (right), self->todo_list);
  self->todo_empty = gtk_label_new (_("No reminder to send today."));
  gtk_widget_add_css_class (self->todo_empty, "dim-label");
  gtk_widget_set_vexpand (self->todo_empty, TRUE);
  gtk_box_append (GTK_BOX (right), self->todo_empty);
  gtk_box_append (GTK_BOX (middle), right);
  gtk_box_append (GTK_BOX (content), middle);

  /* overdue invoices */
  list_header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  {
    GtkWidget *title = heading (_("Overdue Invoices"));

    gtk_widget_set_hexpand (title, TRUE);
    gtk_box_append (GTK_BOX (list_header), title);
  }
  self->list_buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (self->list_buttons),
                  list_button (self, _("Record Payment…"), G_CALLBACK (on_list_payment)));
  gtk_box_append (GTK_BOX (self->list_buttons),
                  list_button (self, _("Instalment Plan…"), G_CALLBACK (on_list_instalments)));
  {
    GtkWidget *menu = gtk_menu_button_new ();
    GtkWidget *popover = gtk_popover_new ();
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
    const struct { const char *label; GCallback callback; } items[] = {
      { N_("Promise to Pay…"), G_CALLBACK (on_list_promise) },
      { N_("Mark as Disputed…"), G_CALLBACK (on_list_dispute) },
      { N_("Waive Penalties…"), G_CALLBACK (on_list_waive) },
    };

    for (guint i = 0; i < G_N_ELEMENTS (items); i++)
      {
        GtkWidget *button = list_button (self, _(items[i].label), items[i].callback);

        gtk_widget_add_css_class (button, "flat");
        gtk_widget_set_halign (gtk_button_get_child (GTK_BUTTON (button)), GTK_ALIGN_START);
        g_signal_connect_swapped (button, "clicked", G_CALLBACK (gtk_popover_popdown), popover);
        gtk_box_append (GTK_BOX (box), button);
      }
    gtk_popover_set_child (GTK_POPOVER (popover), box);
    gtk_menu_button_set_popover (GTK_MENU_BUTTON (menu), popover);
    gtk_menu_button_set_label (GTK_MENU_BUTTON (menu), _("More Actions"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (menu), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("More Actions"), -1);
    gtk_box_append (GTK_BOX (self->list_buttons), menu);
  }
  gtk_box_append (GTK_BOX (content), list_header);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (update_list_buttons), self);
  self->view = gtk_column_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)));
  gtk_widget_add_css_class (self->view, "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Overdue invoices"), -1);
  g_signal_connect (self->view, "activate", G_CALLBACK (on_activate), self);

  self->sort_state = factures_sort_state_new (GTK_COLUMN_VIEW (self->view));
  column = factures_cell_column_add (GTK_COLUMN_VIEW (self->view), _("Number"), cell_number, FALSE, FALSE);
  gtk_column_view_column_set_fixed_width (column, 150);
  factures_sort_state_attach (self->sort_state, column, FACTURES_DOCUMENT_SORT_NUMBER);
  column = factures_cell_column_add (GTK_COLUMN_VIEW (self->view), _("Client"), cell_client, FALSE, TRUE);
  factures_sort_state_attach (self->sort_state, column, FACTURES_DOCUMENT_SORT_CLIENT);
  column = factures_cell_column_add (GTK_COLUMN_VIEW (self->view), _("Due Date"), cell_due_date, TRUE, FALSE);
  gtk_column_view_column_set_fixed_width (column, 130);
  factures_sort_state_attach (self->sort_state, column, FACTURES_DOCUMENT_SORT_DUE);
  column = factures_cell_column_add (GTK_COLUMN_VIEW (self->view), _("Days Late"), cell_days_late, TRUE, FALSE);
  gtk_column_view_column_set_fixed_width (column, 130);
  factures_sort_state_attach (self->sort_state, column, FACTURES_DOCUMENT_SORT_DAYS_LATE);
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (self->view), column, GTK_SORT_DESCENDING);
  column = factures_cell_column_add (GTK_COLUMN_VIEW (self->view), _("Balance"), cell_balance, TRUE, FALSE);
  gtk_column_view_column_set_fixed_width (column, 140);
  factures_sort_state_attach (self->sort_state, column, FACTURES_DOCUMENT_SORT_BALANCE);
  g_signal_connect_swapped (gtk_column_view_get_sorter (GTK_COLUMN_VIEW (self->view)),
                            "changed", G_CALLBACK (factures_overdue_page_refresh), self);

  self->stack = gtk_stack_new ();
  gtk_stack_set_vhomogeneous (GTK_STACK (self->stack), FALSE);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), self->view);
  gtk_stack_add_named (GTK_STACK (self->stack), frame, "list");
  self->status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->status), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->status), _("Nothing Overdue"));
  adw_status_page_set_description (ADW_STATUS_PAGE (self->status),
                                   _("Every issued invoice is paid or not yet due."));
  gtk_widget_add_css_class (self->status, "compact");
  gtk_stack_add_named (GTK_STACK (self->stack), self->status, "empty");
  gtk_box_append (GTK_BOX (content), self->stack);
  gtk_widget_set_halign (self->list_buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (content), self->list_buttons);

  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1200);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (self), scroller);
}

GtkWidget *
factures_overdue_page_new (FacturesStore *store)
{
  FacturesOverduePage *self;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  self = g_object_new (FACTURES_TYPE_OVERDUE_PAGE, NULL);
  self->store = g_object_ref (store);
  self->changed_id = g_signal_connect_swapped (store, "changed",
                                               G_CALLBACK (factures_overdue_page_refresh), self);
  factures_overdue_page_refresh (self);
  return GTK_WIDGET (self);
}

guint
factures_overdue_page_get_count (FacturesOverduePage *self)
{
  g_return_val_if_fail (FACTURES_IS_OVERDUE_PAGE (self), 0);
  return self->count;
}
