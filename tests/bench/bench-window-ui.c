/* bench-window-ui.c — the window at scale, in one process (issue 12 items 2 and 5)
 *
 * Usage: bench-window-ui --redraw DB      the redraw benchmark (tests/bench/bench-window.py)
 *        bench-window-ui --reminders N DB the UI test: N reminders worked through
 *
 * Opens Factures' main window (FacturesWindow in an AdwApplication) on DB, which it WRITES TO
 * (dunning steps, payments, a client's notes): give it a copy of a fixture.
 *
 * --redraw: after the first frame, measures the time from a store change (the first
 * "item-changed" of the write) to the next frame drawn (the window's frame clock
 * "after-paint"), with the overdue view shown, for three kinds of change: a dunning step done
 * on the first invoice of the To-Do queue, a payment settling the first overdue invoice, a
 * client's notes edited. The baseline, measured in the same run: the same window redrawn
 * without any change (gtk_widget_queue_draw() to "after-paint"). Prints the medians, each
 * ratio to the baseline and the goal (< 50 ms).
 *
 * --reminders N: works through N reminders the way a user does: the first step of the To-Do
 * queue's action ("overdue.perform-step"), its dialog confirmed (a phone call's outcome typed
 * in first); after each, the step is recorded, the invoice's item left the queue's head, the
 * queue is one shorter (unless the invoice has a next step due) and the window drew a frame.
 * Prints the time of each. Exits 77 (skipped) without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>

#include "factures-application.h"
#include "factures-dunning-actions.h"
#include "factures-dunning-dialog.h"
#include "factures-overdue-page.h"
#include "factures-rows.h"
#include "factures-store-payments.h"
#include "factures-todo-item.h"
#include "factures-window.h"

static FacturesStore *store;
static GtkWidget *window;
static GtkWidget *page;
static guint n_paints;
static gint64 painted_at;
static gint64 changed_at;   /* the first "item-changed" of the current write */
static gint64 returned_at;  /* the write returned (its signal handlers run) */
static gint64 cpu_changed_at;  /* the main thread's CPU time then (µs) */
static gint64 cpu_painted_at;

/* The CPU time of the calling thread, µs: what the work costs whatever else runs on the
 * machine (the wall-clock times also count the waits for a CPU). */
static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}
static int status;

static void
on_after_paint (GdkFrameClock *clock)
{
  n_paints++;
  painted_at = g_get_monotonic_time ();
  cpu_painted_at = thread_cpu_us ();
}

static void
on_item_changed (FacturesStore *s,
                 guint          kind,
                 gint64         id)
{
  if (changed_at == 0)
    {
      changed_at = g_get_monotonic_time ();
      cpu_changed_at = thread_cpu_us ();
    }
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Spins until a frame after the @before-th was drawn (5 s at most): FALSE on time-out. */
static gboolean
wait_paint (guint before)
{
  gint64 limit = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (n_paints <= before && g_get_monotonic_time () < limit)
    g_main_context_iteration (NULL, TRUE);
  return n_paints > before;
}

static void
spin (guint ms)
{
  gint64 limit = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < limit)
    g_main_context_iteration (NULL, FALSE);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *ms)
{
  if (ms->len == 0)
    return -1;
  g_array_sort (ms, compare_double);
  return g_array_index (ms, double, ms->len / 2);
}

/* The first dunning step of the queue (its tax deadlines and refused e-invoices skipped). */
static FacturesTodoItem *
first_queue_item (void)
{
  GListModel *queue = factures_overdue_page_get_todo_model (FACTURES_OVERDUE_PAGE (page));

  for (guint i = 0; i < g_list_model_get_n_items (queue); i++)
    {
      g_autoptr (FacturesTodoItem) item = g_list_model_get_item (queue, i);

      if (factures_todo_item_get_data (item) != NULL)
        return g_steal_pointer (&item);
    }
  return NULL;
}

/* ---- --redraw ---- */

typedef enum { CHANGE_STEP, CHANGE_PAYMENT, CHANGE_CLIENT } ChangeKind;

/* One store change of @kind; the time from its first "item-changed" to the frame that
 * follows, in ms (−1 when there was nothing to change or no frame came). */
static double
measure_change (ChangeKind  kind,
                double     *out_cpu_ms)
{
  g_autoptr (GError) error = NULL;
  guint before = n_paints;
  gboolean done = FALSE;
  GDate today;

  factures_today (&today);
  changed_at = 0;
  if (kind == CHANGE_STEP)
    {
      g_autoptr (FacturesTodoItem) item = first_queue_item ();
      const FacturesDunningTask *task = item != NULL ? factures_todo_item_get_data (item) : NULL;

      if (task == NULL)
        return -1;
      done = factures_store_perform_step (store, task->document_id, task->instalment, task->step.step_key,
                                          &today, "bench", &error);
    }
  else if (kind == CHANGE_PAYMENT)
    {
      GtkColumnView *view = GTK_COLUMN_VIEW (find_widget (page, GTK_TYPE_COLUMN_VIEW));
      GListModel *list = G_LIST_MODEL (gtk_column_view_get_model (view));
      g_autoptr (FacturesDocumentRow) row = g_list_model_get_n_items (list) > 0 ? g_list_model_get_item (list, 0) : NULL;
      g_autoptr (FacturesPayment) payment = factures_payment_new ();

      if (row == NULL)
        return -1;
      payment->date = today;
      payment->amount = factures_document_row_get_balance (row);
      payment->method = FACTURES_PAYMENT_METHOD_TRANSFER;
      factures_payment_add_allocation (payment, factures_document_row_get_id (row), 0);
      done = factures_store_record_payment (store, payment, FACTURES_OVERPAYMENT_KEEP_CREDIT, NULL, &error);
    }
  else
    {
      g_autoptr (FacturesTodoItem) item = first_queue_item ();
      const FacturesDunningTask *task = item != NULL ? factures_todo_item_get_data (item) : NULL;
      g_autoptr (FacturesClient) client = NULL;

      if (task == NULL)
        return -1;
      client = factures_store_get_client (store, task->client_id, &error);
      if (client == NULL)
        return -1;
      g_free (client->notes);
      client->notes = g_strdup_printf ("bench %" G_GINT64_FORMAT, g_get_real_time ());
      done = factures_store_save_client (store, client, &error);
    }
  if (!done)
    {
      g_printerr ("bench-window-ui: %s\n", error != NULL ? error->message : "?");
      return -1;
    }
  returned_at = g_get_monotonic_time ();
  if (changed_at == 0 || !wait_paint (before))
    return -1;
  if (g_getenv ("FACTURES_BENCH_VERBOSE") != NULL)
    printf ("    handlers %.1f ms, frame %.1f ms later\n", (returned_at - changed_at) / 1000.0,
            (painted_at - returned_at) / 1000.0);
  *out_cpu_ms = (cpu_painted_at - cpu_changed_at) / 1000.0;
  return (painted_at - changed_at) / 1000.0;
}

static void
run_redraw (void)
{
  const char *names[] = { "dunning step done (queue head)", "payment settling the first overdue",
                          "client's notes edited" };
  g_autoptr (GArray) base = g_array_new (FALSE, FALSE, sizeof (double));
  int runs = g_getenv ("FACTURES_BENCH_RUNS") != NULL ? atoi (g_getenv ("FACTURES_BENCH_RUNS")) : 5;
  double b;

  runs = MAX (1, runs * 2);
  spin (300);
  for (int i = 0; i < runs; i++)
    {
      guint before = n_paints;
      gint64 start = g_get_monotonic_time ();
      double ms;

      gtk_widget_queue_draw (window);
      if (!wait_paint (before))
        continue;
      ms = (painted_at - start) / 1000.0;
      g_array_append_val (base, ms);
      spin (20);
    }
  b = median (base);
  printf ("redraw after one store change, overdue view shown (%u overdue, %u in the To-Do queue)\n",
          factures_overdue_page_get_count (FACTURES_OVERDUE_PAGE (page)),
          g_list_model_get_n_items (factures_overdue_page_get_todo_model (FACTURES_OVERDUE_PAGE (page))));
  printf ("  baseline: the same window redrawn without a change %7.1f ms\n", b);
  for (guint k = CHANGE_STEP; k <= CHANGE_CLIENT; k++)
    {
      g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr (GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
      double m, c;

      for (int i = 0; i < runs; i++)
        {
          double cpu_ms = 0;
          double ms = measure_change ((ChangeKind) k, &cpu_ms);

          if (ms >= 0)
            {
              g_array_append_val (times, ms);
              g_array_append_val (cpu, cpu_ms);
            }
          spin (20);
        }
      m = median (times);
      c = median (cpu);
      if (times->len == 0)
        {
          printf ("  %-40s  no measure\n", names[k]);
          status = 1;
          continue;
        }
      printf ("  %-36s %7.1f ms (CPU %5.1f ms)  ratio %6.2f  (goal < 50 ms: %s)\n", names[k], m, c,
              b > 0 ? m / b : 0, m < 50 ? "yes" : "NO");
    }
  {
    guint full = 0, items = 0;

    factures_overdue_page_get_n_refreshes (FACTURES_OVERDUE_PAGE (page), &full, &items);
    printf ("  the overdue view refreshed whole %u time(s) (the first showing included), %u queue items "
            "recomputed one by one\n", full, items);
  }
}

/* ---- --reminders ---- */

static GtkWidget *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* (transfer none) */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (FACTURES_IS_DUNNING_DIALOG (w) && gtk_widget_get_visible (w))
        return w;
    }
  return NULL;
}

static void
run_reminders (guint n)
{
  GListModel *queue = factures_overdue_page_get_todo_model (FACTURES_OVERDUE_PAGE (page));

  printf ("working through %u reminders: %u overdue, %u in the To-Do queue\n", n,
          factures_overdue_page_get_count (FACTURES_OVERDUE_PAGE (page)), g_list_model_get_n_items (queue));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (FacturesTodoItem) item = first_queue_item ();
      g_autofree char *number = NULL;
      GtkWidget *dialog = NULL;
      gint64 id, limit, start;
      guint before_items, before_paints;
      FacturesDunningChannel channel;
      g_autoptr (GPtrArray) plan = NULL;
      GDate today;
      gboolean recorded = FALSE;

      if (item == NULL)
        {
          printf ("  the queue is empty after %u\n", i);
          status = 1;
          return;
        }
      id = factures_todo_item_get_document_id (item);
      number = g_strdup (factures_todo_item_get_number (item));
      /* the steps due, not the items listed: the queue plans more as it empties (issue 12) */
      before_items = factures_overdue_page_get_n_due_steps (FACTURES_OVERDUE_PAGE (page));
      /* the row's primary button's action */
      g_assert_cmpstr (factures_todo_item_get_action_name (item), ==, "overdue.perform-step");
      gtk_widget_activate_action_variant (page, "overdue.perform-step", factures_todo_item_get_action_target (item));
      limit = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
      while ((dialog = find_dialog ()) == NULL && g_get_monotonic_time () < limit)
        g_main_context_iteration (NULL, TRUE);
      if (dialog == NULL)
        {
          printf ("  %s: no dialog\n", number);
          status = 1;
          return;
        }
      channel = factures_dunning_dialog_get_channel (FACTURES_DUNNING_DIALOG (dialog));
      if (channel == FACTURES_DUNNING_CHANNEL_PHONE)
        {
          GtkWidget *entry = find_widget (dialog, GTK_TYPE_EDITABLE);

          g_assert_nonnull (entry);
          gtk_editable_set_text (GTK_EDITABLE (entry), "Paiement promis par téléphone");
        }
      spin (50);
      before_paints = n_paints;
      start = g_get_monotonic_time ();
      /* what the dialog's "confirm" button does: the response, then the dialog closes */
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "confirm");
      gtk_window_close (GTK_WINDOW (dialog));
      if (!wait_paint (before_paints))
        {
          printf ("  %s: no frame after the step\n", number);
          status = 1;
          return;
        }
      /* the dialog closes */
      limit = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
      while (find_dialog () != NULL && g_get_monotonic_time () < limit)
        g_main_context_iteration (NULL, TRUE);
      if (find_dialog () != NULL)
        {
          printf ("  %s: the dialog stayed open\n", number);
          status = 1;
          return;
        }
      /* the step is recorded */
      factures_today (&today);
      plan = factures_store_get_dunning_plan (store, id, &today, NULL);
      for (guint s = 0; plan != NULL && s < plan->len; s++)
        {
          const FacturesDunningTask *step = g_ptr_array_index (plan, s);

          if (step->step.state == FACTURES_STEP_STATE_DONE)
            recorded = TRUE;
        }
      printf ("  %2u. %s (%s): recorded and drawn in %.1f ms; queue %u → %u\n", i + 1, number,
              factures_dunning_action_label (channel), (painted_at - start) / 1000.0, before_items,
              factures_overdue_page_get_n_due_steps (FACTURES_OVERDUE_PAGE (page)));
      if (!recorded || factures_overdue_page_get_n_due_steps (FACTURES_OVERDUE_PAGE (page)) > before_items)
        {
          printf ("     the step was not recorded, or the queue grew\n");
          status = 1;
        }
      {
        g_autoptr (FacturesTodoItem) head = first_queue_item ();

        if (head != NULL && factures_todo_item_get_document_id (head) == id &&
            factures_overdue_page_get_n_due_steps (FACTURES_OVERDUE_PAGE (page)) == before_items)
          {
            /* the same invoice with another step due today is fine; the same step is not */
            const FacturesDunningTask *task = factures_todo_item_get_data (head);

            if (task != NULL && task->step.state != FACTURES_STEP_STATE_DUE)
              status = 1;
          }
      }
      spin (50);
    }
}

/* ---- the application ---- */

typedef struct {
  const char *mode;
  guint       reminders;
} Options;

static void
on_realize (GtkWidget *widget)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint", G_CALLBACK (on_after_paint), NULL);
}

static void
on_activate (GtkApplication *app,
             Options        *options)
{
  gint64 limit;

  window = GTK_WIDGET (factures_window_new (app, store, NULL));
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
  factures_window_set_view (FACTURES_WINDOW (window), "overdue");
  gtk_window_present (GTK_WINDOW (window));
  limit = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (n_paints == 0 && g_get_monotonic_time () < limit)
    g_main_context_iteration (NULL, TRUE);
  page = find_widget (window, FACTURES_TYPE_OVERDUE_PAGE);
  /* as the application does after the first frame: the missed pre-due steps recorded as
   * skipped, so that the queue's steps can be done */
  if (n_paints > 0)
    {
      g_autoptr (GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      gint64 done;
      guint skipped = 0;
      guint before = n_paints;
      GDate today;

      factures_today (&today);
      if (!factures_store_catch_up (store, &today, &skipped, &error))
        {
          g_printerr ("bench-window-ui: %s\n", error->message);
          status = 1;
        }
      done = g_get_monotonic_time ();
      wait_paint (before);
      printf ("catch-up after the first frame: %u missed steps recorded as skipped in %.1f ms (view refreshed "
              "included), drawn %.1f ms after it began\n",
              skipped, (done - start) / 1000.0, (painted_at - start) / 1000.0);
    }
  if (n_paints == 0 || page == NULL || !gtk_widget_get_mapped (page))
    {
      g_printerr ("bench-window-ui: the window did not show the overdue view\n");
      status = 1;
    }
  else if (g_str_equal (options->mode, "--redraw"))
    run_redraw ();
  else
    run_reminders (options->reminders);
  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AdwApplication) app = NULL;
  Options options = { NULL, 0 };
  const char *db;

  setlocale (LC_ALL, "");
  if (argc == 3 && g_str_equal (argv[1], "--redraw"))
    db = argv[2];
  else if (argc == 4 && g_str_equal (argv[1], "--reminders"))
    {
      options.reminders = (guint) atoi (argv[2]);
      db = argv[3];
    }
  else
    {
      g_printerr ("usage: bench-window-ui --redraw DB | --reminders N DB\n");
      return 2;
    }
  options.mode = argv[1];
  factures_ui_register_resources ();
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("needs a display\n");
      return 77;
    }
  g_setenv ("FACTURES_NOTIFICATIONS", "0", FALSE);

  store = factures_store_open_full (db, FACTURES_STORE_OPEN_CREATE, 250, NULL, NULL, &error);
  if (store == NULL)
    {
      g_printerr ("bench-window-ui: %s\n", error->message);
      return 1;
    }
  /* before the window's handlers: the time a change starts */
  g_signal_connect (store, "item-changed", G_CALLBACK (on_item_changed), NULL);

  app = adw_application_new ("org.example.FacturesBenchWindow", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), &options);
  g_application_run (G_APPLICATION (app), 1, argv);
  g_clear_object (&store);
  return status;
}
