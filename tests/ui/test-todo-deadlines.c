/* test-todo-deadlines.c — the tax calendar's deadlines in the To-Do queue (issue 17 item 4)
 *
 * The URSSAF declaration of November 2026 (due Thursday 31 December 2026) enters the queue
 * 7 days before (24 December), not 8 (23 December); « Marquer comme fait » takes it out, the
 * mark survives a restart (the store closed and opened again, a new page), and « Annuler »
 * of the mark brings it back. Screenshots of the dashboard with the deadline, light and dark.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "factures-overdue-page.h"
#include "factures-rows.h"
#include "factures-store-payments.h"
#include "factures-store-deadlines.h"
#include "factures-store-urssaf.h"
#include "factures-todo-item.h"
#include "factures-todo-row.h"
#include "ui-test-util.h"

#define NOVEMBER "Déclaration URSSAF de novembre 2026 et paiement"

typedef struct {
  GtkWidget *window;
  GtkWidget *page;
} Shown;

static Shown
show_page (FacturesStore *store)
{
  Shown shown;
  gint64 started = g_get_monotonic_time ();

  shown.window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (shown.window), 1100, 800);
  shown.page = factures_overdue_page_new (store);
  gtk_window_set_child (GTK_WINDOW (shown.window), shown.page);
  gtk_window_present (GTK_WINDOW (shown.window));
  while (!gtk_widget_get_mapped (shown.page) && g_get_monotonic_time () - started < 10 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  ui_test_spin (200);
  return shown;
}

static void
close_page (Shown *shown)
{
  gtk_window_destroy (GTK_WINDOW (shown->window));
  ui_test_spin (50);
}

/* The queue item titled @title, or NULL (transfer none). */
static FacturesTodoItem *
find_item (GtkWidget  *page,
           const char *title)
{
  GListModel *model = factures_overdue_page_get_todo_model (FACTURES_OVERDUE_PAGE (page));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (FacturesTodoItem) item = g_list_model_get_item (model, i);

      if (g_str_equal (factures_todo_item_get_title (item), title))
        return item;   /* the model keeps it */
    }
  return NULL;
}

static void
test_deadline_in_queue (void)
{
  char *dir = NULL;   /* freed by ui_test_store_free() */
  g_autofree char *path = NULL;
  FacturesStore *store = ui_test_store_new (NULL, &dir);
  g_autoptr (GError) error = NULL;
  FacturesTodoItem *item;
  Shown shown;

  path = g_strdup (factures_store_get_path (store));

  /* 8 days before: not yet */
  g_setenv ("FACTURES_TODAY", "2026-12-23", TRUE);
  shown = show_page (store);
  g_assert_null (find_item (shown.page, NOVEMBER));
  close_page (&shown);

  /* 7 days before: in the queue, with its primary action and « Marquer comme fait » */
  g_setenv ("FACTURES_TODAY", "2026-12-24", TRUE);
  shown = show_page (store);
  item = find_item (shown.page, NOVEMBER);
  g_assert_nonnull (item);
  g_assert_cmpstr (factures_todo_item_get_action_name (item), ==, "overdue.open-deadline");
  g_assert_cmpstr (g_variant_get_string (factures_todo_item_get_action_target (item), NULL), ==,
                   "urssaf/2026-12-31");
  g_assert_cmpstr (factures_todo_item_get_secondary_name (item), ==, "overdue.deadline-done");
  g_assert_nonnull (strstr (factures_todo_item_get_detail (item), "Due in 7 days"));
  g_assert_cmpuint (factures_overdue_page_get_n_due_deadlines (FACTURES_OVERDUE_PAGE (shown.page)), >=, 0);
  /* the row shows it: the « Mark as Done » button of a shown row, clicked */
  {
    GtkWidget *view = ui_test_find_type (shown.page, GTK_TYPE_LIST_VIEW);
    GtkWidget *done = NULL;

    g_assert_nonnull (view);
    for (GtkWidget *child = gtk_widget_get_first_child (view); child != NULL && done == NULL;
         child = gtk_widget_get_next_sibling (child))
      {
        GtkWidget *row = ui_test_find_type (child, FACTURES_TYPE_TODO_ROW);

        if (row != NULL && factures_todo_row_get_item (FACTURES_TODO_ROW (row)) == item)
          for (GtkWidget *w = ui_test_find_type (row, GTK_TYPE_BUTTON); w != NULL; w = gtk_widget_get_next_sibling (w))
            if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)),
                                                 "overdue.deadline-done") == 0)
              done = w;
      }
    g_assert_nonnull (done);
    g_assert_true (gtk_widget_get_visible (done));
    gtk_widget_activate (done);

  }
  /* a button's "activate" clicks after its pressed look (GTK_BUTTON activate timeout) */
  ui_test_spin (600);
  g_assert_null (find_item (shown.page, NOVEMBER));
  close_page (&shown);

  /* a restart: the store closed and opened again, a new page: still done */
  g_clear_object (&store);
  store = factures_store_open (path, &error);
  g_assert_no_error (error);
  shown = show_page (store);
  g_assert_null (find_item (shown.page, NOVEMBER));
  /* « Annuler »: the mark reversed by a new one (append-only), the deadline back */
  {
    GDate due;

    g_date_clear (&due, 1);
    g_date_set_dmy (&due, 31, G_DATE_DECEMBER, 2026);
    g_assert_true (factures_store_mark_deadline (store, "urssaf", &due, FALSE, &error));
    g_assert_no_error (error);
    /* twice is refused, naming the field */
    g_assert_false (factures_store_mark_deadline (store, "urssaf", &due, FALSE, &error));
    g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
    g_clear_error (&error);
  }
  factures_overdue_page_refresh (FACTURES_OVERDUE_PAGE (shown.page));
  g_assert_nonnull (find_item (shown.page, NOVEMBER));
  close_page (&shown);

  ui_test_store_free (store, dir);
}

/* A period marked « déclarée » (the « Année » view, --declared-on) meets its deadline: the
 * queue no longer lists it, with no « Marquer comme fait » needed. */
static void
test_declared_period (void)
{
  char *dir = NULL;   /* freed by ui_test_store_free() */
  FacturesStore *store = ui_test_store_new (NULL, &dir);
  g_autoptr (GError) error = NULL;
  FacturesUrssafPeriod period;
  GDate today, on;
  Shown shown;

  g_setenv ("FACTURES_TODAY", "2026-12-24", TRUE);
  shown = show_page (store);
  g_assert_nonnull (find_item (shown.page, NOVEMBER));
  factures_today (&today);
  g_assert_true (factures_urssaf_period_parse ("2026-11", &today, &period, &error));
  g_assert_no_error (error);
  g_date_clear (&on, 1);
  g_date_set_dmy (&on, 20, G_DATE_DECEMBER, 2026);
  g_assert_true (factures_store_mark_declared (store, &period, &on, &error));
  g_assert_no_error (error);
  factures_overdue_page_refresh (FACTURES_OVERDUE_PAGE (shown.page));
  g_assert_null (find_item (shown.page, NOVEMBER));
  close_page (&shown);
  ui_test_store_free (store, dir);
}

/* An e-invoice the plateforme agréée refused (a "[PA 210]" dispute, as
 * factures_store_pa_record_status() opens it) leaves the dunning ladder: the queue lists it
 * apart, with the invoice to open, until its balance is settled by a credit note. */
static void
test_refused_einvoice (void)
{
  const char *fixture = g_getenv ("FACTURES_UI_FIXTURE");
  char *dir = NULL;   /* freed by ui_test_store_free() */
  FacturesStore *store;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) overdue = NULL;
  g_autoptr (FacturesDocumentRow) row = NULL;
  g_autofree char *title = NULL;
  FacturesTodoItem *item;
  Shown shown;
  GDate today;

  if (fixture == NULL)
    {
      g_test_skip ("FACTURES_UI_FIXTURE not set");
      return;
    }
  g_setenv ("FACTURES_TODAY", "2026-04-24", TRUE);
  factures_today (&today);
  store = ui_test_store_new (fixture, &dir);
  overdue = factures_store_list_overdue (store, &today, FACTURES_DOCUMENT_SORT_DUE, FALSE);
  row = g_list_model_get_item (overdue, 0);
  g_assert_nonnull (row);
  title = g_strdup_printf ("%s — %s", factures_document_row_get_number (row),
                           factures_document_row_get_client_name (row));
  g_assert_true (factures_store_set_dispute (store, factures_document_row_get_id (row), TRUE,
                                             "[PA 210] Through the plateforme agréée: refusée (210)", &today, &error));
  g_assert_no_error (error);

  shown = show_page (store);
  item = find_item (shown.page, title);
  g_assert_nonnull (item);
  g_assert_cmpstr (factures_todo_item_get_action_name (item), ==, "overdue.open-invoice");
  g_assert_cmpint (g_variant_get_int64 (factures_todo_item_get_action_target (item)), ==,
                   factures_document_row_get_id (row));
  g_assert_nonnull (strstr (factures_todo_item_get_detail (item), "credit note"));
  close_page (&shown);
  ui_test_store_free (store, dir);
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (FACTURES_IS_TODO_ROW (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static GtkWidget *
first_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Finding T12: at the page's minimum width, at 1100 and at 1400 px, each row's title takes
 * a usable part of the row (it had ~30 px beside « Marquer comme fait » and the primary
 * button, one word-piece a line); the tooltips cite public sources, not the project's notes. */
static void
test_layout (void)
{
  const char *fixture = g_getenv ("FACTURES_UI_FIXTURE");
  char *dir = NULL;   /* freed by ui_test_store_free() */
  FacturesStore *store;
  const int widths[] = { 0, 1100, 1400 };

  if (fixture == NULL)
    {
      g_test_skip ("FACTURES_UI_FIXTURE not set");
      return;
    }
  g_setenv ("FACTURES_TODAY", "2026-04-24", TRUE);
  store = ui_test_store_new (fixture, &dir);
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      g_autoptr (GPtrArray) rows = g_ptr_array_new ();
      g_autofree char *name = NULL;
      guint n_deadlines = 0;
      Shown shown = show_page (store);
      int width = widths[w];

      if (width == 0)
        gtk_widget_measure (shown.window, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
      gtk_window_set_default_size (GTK_WINDOW (shown.window), width, 800);
      ui_test_spin (300);
      collect_rows (shown.page, rows);
      g_assert_cmpuint (rows->len, >, 0);
      for (guint i = 0; i < rows->len; i++)
        {
          GtkWidget *row = g_ptr_array_index (rows, i);
          GtkWidget *title = first_label (row);
          const char *tooltip = gtk_widget_get_tooltip_text (row);

          g_assert_nonnull (title);
          if (gtk_widget_get_width (title) * 100 < gtk_widget_get_width (row) * 45)
            g_error ("window %d px: the title « %s » has %d px of its row's %d", width,
                     gtk_label_get_text (GTK_LABEL (title)), gtk_widget_get_width (title),
                     gtk_widget_get_width (row));
          if (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (title)), "Déclaration"))
            {
              n_deadlines++;
              g_assert_nonnull (tooltip);
              g_assert_null (strstr (tooltip, ".md"));
              g_assert_null (strstr (tooltip, "§"));
            }
        }
      g_assert_cmpuint (n_deadlines, >, 0);
      name = g_strdup_printf ("todo-deadlines-%d", width);
      ui_test_screenshot (shown.window, name);
      close_page (&shown);
    }
  ui_test_store_free (store, dir);
}

/* Finding T12: « Marquer comme fait » keeps the list where it was (it went back to the top). */
static void
test_done_keeps_scroll (void)
{
  const char *fixture = g_getenv ("FACTURES_UI_FIXTURE");
  char *dir = NULL;   /* freed by ui_test_store_free() */
  FacturesStore *store;
  GListModel *model;
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  g_autofree char *key = NULL;
  double before;
  Shown shown;

  if (fixture == NULL)
    {
      g_test_skip ("FACTURES_UI_FIXTURE not set");
      return;
    }
  g_setenv ("FACTURES_TODAY", "2026-04-24", TRUE);
  store = ui_test_store_new (fixture, &dir);
  shown = show_page (store);
  model = factures_overdue_page_get_todo_model (FACTURES_OVERDUE_PAGE (shown.page));
  for (guint i = g_list_model_get_n_items (model); i > 0 && key == NULL; i--)
    {
      g_autoptr (FacturesTodoItem) item = g_list_model_get_item (model, i - 1);

      if (g_strcmp0 (factures_todo_item_get_secondary_name (item), "overdue.deadline-done") == 0)
        key = g_variant_dup_string (factures_todo_item_get_secondary_target (item), NULL);
    }
  g_assert_nonnull (key);
  scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (ui_test_find_type (shown.page, GTK_TYPE_LIST_VIEW),
                                                           GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment), >, 100);
  gtk_adjustment_set_value (adjustment, 100);
  ui_test_spin (200);
  before = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (before, >, 50);
  /* the button clicked, as the user does: it has the focus, and goes with its row */
  {
    g_autoptr (GPtrArray) rows = g_ptr_array_new ();
    GtkWidget *button = NULL;

    collect_rows (shown.page, rows);
    for (guint i = rows->len; i > 0 && button == NULL; i--)
      {
        GtkWidget *b = factures_todo_row_get_secondary (g_ptr_array_index (rows, i - 1));

        if (gtk_widget_get_visible (b) && gtk_widget_get_mapped (b))
          {
            graphene_point_t p;

            /* in view */
            if (gtk_widget_compute_point (b, GTK_WIDGET (scroller), &GRAPHENE_POINT_INIT (0, 0), &p) &&
                p.y > 0 && p.y < gtk_widget_get_height (GTK_WIDGET (scroller)) - 30)
              button = b;
          }
      }
    g_assert_nonnull (button);
    gtk_widget_grab_focus (button);
    ui_test_spin (100);
    before = gtk_adjustment_get_value (adjustment);
    gtk_widget_activate (button);
  }
  ui_test_spin (300);
  g_test_message ("before %.0f after %.0f upper %.0f page %.0f", before, gtk_adjustment_get_value (adjustment), gtk_adjustment_get_upper (adjustment), gtk_adjustment_get_page_size (adjustment));
  /* where it was, or as far as the list (one row shorter) now goes */
  g_assert_cmpfloat (fabs (gtk_adjustment_get_value (adjustment) -
                           MIN (before, gtk_adjustment_get_upper (adjustment) -
                                        gtk_adjustment_get_page_size (adjustment))), <, 2);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 20);
  close_page (&shown);
  ui_test_store_free (store, dir);
}

/* Finding T12: without a start of activity nor any issued document, no deadline is shown as
 * missed (the queue looked back three months: « 67 jours de retard » for August). */
static void
test_no_look_back_before_activity (void)
{
  char *dir = NULL;   /* freed by ui_test_store_free() */
  FacturesStore *store = ui_test_store_new (NULL, &dir);
  GListModel *model;
  Shown shown;
  GDate today;

  g_setenv ("FACTURES_TODAY", "2026-12-24", TRUE);
  g_assert_true (factures_date_parse_iso ("2026-12-24", &today, NULL));
  shown = show_page (store);
  model = factures_overdue_page_get_todo_model (FACTURES_OVERDUE_PAGE (shown.page));
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);   /* the coming ones */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (FacturesTodoItem) item = g_list_model_get_item (model, i);

      if (g_date_compare (factures_todo_item_get_date (item), &today) < 0)
        g_error ("« %s » shown as missed", factures_todo_item_get_title (item));
    }
  close_page (&shown);
  ui_test_store_free (store, dir);
}

/* The dashboard with deadlines and dunning steps in the queue, light and dark (looked at). */
static void
test_screenshots (void)
{
  const char *fixture = g_getenv ("FACTURES_UI_FIXTURE");
  char *dir = NULL;   /* freed by ui_test_store_free() */
  FacturesStore *store;
  AdwStyleManager *style = adw_style_manager_get_default ();
  Shown shown;

  if (fixture == NULL)
    {
      g_test_skip ("FACTURES_UI_FIXTURE not set");
      return;
    }
  g_setenv ("FACTURES_TODAY", "2026-04-24", TRUE);
  store = ui_test_store_new (fixture, &dir);
  shown = show_page (store);
  ui_test_screenshot (shown.window, "todo-deadlines-light");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  ui_test_spin (100);
  ui_test_screenshot (shown.window, "todo-deadlines-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  close_page (&shown);
  ui_test_store_free (store, dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("needs a display\n");
      return g_getenv ("CI") ? 1 : 77;
    }
  adw_init ();

  g_test_add_func ("/todo-deadlines/in-queue", test_deadline_in_queue);
  g_test_add_func ("/todo-deadlines/declared", test_declared_period);
  g_test_add_func ("/todo-deadlines/refused-einvoice", test_refused_einvoice);
  g_test_add_func ("/todo-deadlines/screenshots", test_screenshots);
  g_test_add_func ("/todo-deadlines/layout", test_layout);
  g_test_add_func ("/todo-deadlines/done-keeps-scroll", test_done_keeps_scroll);
  g_test_add_func ("/todo-deadlines/no-look-back-before-activity", test_no_look_back_before_activity);
  return g_test_run ();
}
