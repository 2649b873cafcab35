/* test-year-page.c — the « Année » view on a store with a year of receipts (issue 17, urssaf-ui)
 *
 * A BNC translator in franchise, quarterly, paid 3 500 € on the 10th of each month from January
 * to September 2026 and 250,40 € of goods in May (FACTURES_TODAY=2026-10-15). The view built on
 * that store shows, for the 2nd quarter, the boxes "10500" (BNC) and "250" (sales, rounded to the
 * euro as the form asks), each copied as the URSSAF site takes it; its gauges show the share of
 * each limit computed by hand (31 500 € of services against 83 600 €: 37,6 %; 31 750,40 € against
 * the VAT base threshold for goods of 85 000 €: 37,3 %; 31 500 € against 37 500 €: 84,0 %, past
 * the 80 % alert); a period marked declared reads « Déclarée le … »; the charts say their
 * figures. A second store crosses the major VAT threshold on 20 September: the view explains it
 * and lists the invoice issued since, which opens the document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>

#include "factures-box-row.h"
#include "factures-info-row.h"
#include "factures-line-row.h"
#include "factures-date-dialog.h"
#include "factures-message-dialog.h"
#include "factures-preferences-window.h"
#include "factures-urssaf-page.h"
#include "factures-store-payments.h"
#include "factures-store-urssaf.h"
#include "factures-threshold-row.h"
#include "factures-year-chart.h"
#include "factures-year-page.h"
#include "store-test-util.h"
#include "ui-test-util.h"

typedef struct
{
  char          *dir;
  FacturesStore *store;
  gint64         client_id;
} Fixture;

static GDate
d (const char *iso)
{
  GDate date;

  g_assert_true (factures_date_parse_iso (iso, &date, NULL));
  return date;
}

/* An invoice of one line (@euros_cents HT, @activity) issued on @issue and paid on @paid. */
static gint64
invoice_paid (Fixture              *f,
              const char           *issue,
              const char           *paid,
              gint64                cents,
              FacturesLineActivity  activity)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FacturesDocument) draft = store_test_draft (f->client_id, issue, 1);
  g_autoptr (FacturesDocument) issued = NULL;
  FacturesLine *line = g_ptr_array_index (draft->lines, 0);

  line->unit_price = cents * (FACTURES_UNIT_PRICE_ONE / 100);
  line->activity = activity;
  g_assert_true (factures_store_save_draft (f->store, draft, &error));
  issued = factures_store_issue (f->store, draft->id, store_test_render, NULL, &error);
  g_assert_no_error (error);
  if (paid != NULL)
    {
      g_autoptr (FacturesPayment) p = factures_payment_new ();

      p->date = d (paid);
      p->amount = cents;
      p->method = FACTURES_PAYMENT_METHOD_TRANSFER;
      p->client_id = f->client_id;
      factures_payment_add_allocation (p, issued->id, cents);
      g_assert_true (factures_store_record_payment (f->store, p, FACTURES_OVERPAYMENT_REFUSE, NULL, &error));
      g_assert_no_error (error);
    }
  return issued->id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FacturesProfile) profile = store_test_profile ();
  g_autoptr (FacturesClient) client = store_test_client ("Société Dupont");
  FacturesUrssafSettings settings;

  f->dir = store_test_make_dir ();
  {
    g_autofree char *path = store_test_db_path (f->dir);

    f->store = factures_store_open (path, &error);
  }
  g_assert_no_error (error);
  profile->line_activity = FACTURES_LINE_ACTIVITY_SERVICES_BNC;
  g_assert_true (factures_store_save_profile (f->store, profile, &error));
  g_assert_true (factures_store_save_client (f->store, client, &error));
  g_assert_no_error (error);
  f->client_id = client->id;
  g_assert_true (factures_store_get_urssaf_settings (f->store, &settings, &error));
  settings.quarterly = TRUE;
  g_assert_true (factures_store_set_urssaf_settings (f->store, &settings, &error));
  g_assert_no_error (error);
  factures_urssaf_settings_clear (&settings);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  store_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* Nine months of 3 500 € of BNC services, 250,40 € of goods in May. */
static void
fill_year (Fixture *f)
{
  for (guint m = 1; m <= 9; m++)
    {
      g_autofree char *issue = g_strdup_printf ("2026-%02u-02", m);
      g_autofree char *paid = g_strdup_printf ("2026-%02u-10", m);

      invoice_paid (f, issue, paid, 350000, FACTURES_LINE_ACTIVITY_SERVICES_BNC);
      if (m == 5)
        invoice_paid (f, "2026-05-03", "2026-05-12", 25040, FACTURES_LINE_ACTIVITY_GOODS);
    }
}

static GtkWidget *
show_page (Fixture *f)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = factures_year_page_new (f->store);

  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 700);
  gtk_window_present (GTK_WINDOW (window));
  for (int i = 0; i < 200 && !gtk_widget_get_mapped (page); i++)
    g_main_context_iteration (NULL, TRUE);
  ui_test_spin (100);
  return window;
}

/* The rows of type @type under @root, in order. */
static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (out, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect (child, type, out);
}

static FacturesThresholdRow *
gauge (GtkWidget *root, const char *title)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  collect (root, FACTURES_TYPE_THRESHOLD_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      GtkWidget *label = ui_test_find_type (row, GTK_TYPE_LABEL);

      if (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), title))
        return FACTURES_THRESHOLD_ROW (row);
    }
  g_test_message ("no gauge \"%s\"", title);
  return NULL;
}

/* Screenshots of @window's view scrolled to the top, the middle and the bottom, light and dark,
 * at 800 px and at 360 px wide: @name-{800,360}-{top,middle,bottom}-{light,dark}.png. */
static void
shoot_all (GtkWidget  *window,
           const char *name)
{
  static const int widths[] = { 800, 360 };
  static const char *const places[] = { "top", "middle", "bottom" };
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (ui_test_find_type (window, GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (guint scheme = 0; scheme < 2; scheme++)
      {
        adw_style_manager_set_color_scheme (style, scheme ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
        gtk_window_set_default_size (GTK_WINDOW (window), widths[w], 700);
        ui_test_spin (150);
        /* the view fits 360 px: nothing forces the window wider */
        if (widths[w] == 360)
          g_assert_cmpint (gtk_widget_get_width (window), <=, 360);
        for (guint p = 0; p < G_N_ELEMENTS (places); p++)
          {
            g_autofree char *file = g_strdup_printf ("%s-%d-%s-%s", name, widths[w], places[p], scheme ? "dark" : "light");
            double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

            gtk_adjustment_set_value (adjustment, upper * p / 2.0);
            ui_test_spin (100);
            ui_test_screenshot (window, file);
          }
        gtk_adjustment_set_value (adjustment, 0);
      }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 700);
  ui_test_spin (100);
}

static void
clipboard_text_cb (GObject      *clipboard,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, NULL);

  *(char **) user_data = text != NULL ? text : g_strdup ("");
}

static gboolean
has_label (GtkWidget *root, const char *needle)
{
  if (GTK_IS_LABEL (root) && gtk_widget_is_visible (root)
      && strstr (gtk_label_get_text (GTK_LABEL (root)), needle) != NULL)
    return TRUE;
  if (ADW_IS_PREFERENCES_ROW (root) && strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), needle) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, needle))
      return TRUE;
  return FALSE;
}

static void
test_year (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (GPtrArray) boxes = g_ptr_array_new ();
  g_autoptr (GPtrArray) charts = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  GtkWidget *window, *page;
  FacturesThresholdRow *row;
  FacturesUrssafPeriod q3;
  GDate on = d ("2026-10-12");

  fill_year (f);
  window = show_page (f);
  page = gtk_window_get_child (GTK_WINDOW (window));

  /* the last quarter ended is proposed: Q3, 3 × 3 500 € */
  collect (page, FACTURES_TYPE_BOX_ROW, boxes);
  g_assert_cmpuint (boxes->len, ==, 1);
  g_assert_cmpstr (factures_box_row_get_figure (g_ptr_array_index (boxes, 0)), ==, "10500");

  /* Q2: the BNC box and the goods of May, rounded to the euro */
  g_assert_true (factures_year_page_select_period (FACTURES_YEAR_PAGE (page), "2026-Q2"));
  ui_test_spin (50);
  g_ptr_array_set_size (boxes, 0);
  collect (page, FACTURES_TYPE_BOX_ROW, boxes);
  g_assert_cmpuint (boxes->len, ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (boxes, 0)), ==, "Ventes de marchandises et hébergement (BIC)");
  g_assert_cmpstr (factures_box_row_get_figure (g_ptr_array_index (boxes, 0)), ==, "250");
  g_assert_cmpstr (factures_box_row_get_figure (g_ptr_array_index (boxes, 1)), ==, "10500");
  g_assert_true (has_label (g_ptr_array_index (boxes, 1), "10\u202f500\u00a0€"));
  /* the copy button: the figure as the URSSAF site takes it, on the clipboard */
  {
    g_autofree char *copied = NULL;

    g_assert_true (gtk_widget_activate_action (g_ptr_array_index (boxes, 1), "box-row.copy", NULL));
    gdk_clipboard_read_text_async (gtk_widget_get_clipboard (page), NULL, clipboard_text_cb, &copied);
    for (int i = 0; i < 200 && copied == NULL; i++)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpstr (copied, ==, "10500");
  }
  g_assert_true (has_label (page, "Pas encore déclarée."));
  ui_test_screenshot (window, "year-page");

  /* the gauges: hand-computed shares (tenths of a percent, rounded down) */
  row = gauge (page, "Plafond du régime micro (services)");
  g_assert_nonnull (row);
  g_assert_cmpstr (factures_threshold_row_get_percent (row), ==, "37,6\u00a0%");   /* 31 500 / 83 600 */
  g_assert_cmpfloat_with_epsilon (factures_threshold_row_get_fraction (row), 0.376, 0.0001);
  row = gauge (page, "Seuil de franchise de TVA (services)");
  g_assert_nonnull (row);
  g_assert_cmpstr (factures_threshold_row_get_percent (row), ==, "84,0\u00a0%");   /* 31 500 / 37 500 */
  row = gauge (page, "Seuil de franchise de TVA (ventes)");
  g_assert_nonnull (row);
  g_assert_cmpstr (factures_threshold_row_get_percent (row), ==, "37,3\u00a0%");   /* 31 750,40 / 85 000 */
  /* the 80 % alert of the base threshold for services, said at the top */
  g_assert_true (has_label (page, "80\u00a0% atteints"));
  g_assert_true (has_label (page, "réalisé en France"));

  /* the charts say their figures */
  collect (page, FACTURES_TYPE_YEAR_CHART, charts);
  g_assert_cmpuint (charts->len, ==, 2);
  {
    g_autofree char *monthly = factures_year_chart_describe (g_ptr_array_index (charts, 0));
    g_autofree char *cumulative = factures_year_chart_describe (g_ptr_array_index (charts, 1));

    g_test_message ("%s", monthly);
    g_test_message ("%s", cumulative);
    g_assert_nonnull (strstr (monthly, "mai\u00a0: 3\u202f750,40\u00a0€ (2025\u00a0: 0,00\u00a0€)\u00a0; juin"));
    g_assert_nonnull (strstr (cumulative, "fin septembre\u00a0: 31\u202f750,40\u00a0€"));
    g_assert_nonnull (strstr (cumulative, "Plafond du régime micro (services)\u00a0: 83\u202f600,00\u00a0€"));
  }

  /* marked declared (the store's function, as « Marquer comme déclarée… » calls it) */
  g_assert_true (factures_urssaf_period_parse ("2026-Q3", NULL, &q3, &error));
  g_assert_true (factures_store_mark_declared (f->store, &q3, &on, &error));
  g_assert_no_error (error);
  g_signal_emit_by_name (f->store, "changed");
  g_assert_true (factures_year_page_select_period (FACTURES_YEAR_PAGE (page), "2026-Q3"));
  ui_test_spin (50);
  g_assert_true (has_label (page, "Déclarée le 12 octobre 2026."));

  /* every part of the view, light and dark, 800 px and 360 px wide (looked at) */
  shoot_all (window, "year-page");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_spin (50);
}

/* 45 000 € received on 20 September: the major VAT threshold for services (41 250 €) is crossed
 * that day; the invoice issued on 1 October is to be corrected. */
static void
test_crossed (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *window, *page;
  FacturesThresholdRow *row;

  invoice_paid (f, "2026-09-01", "2026-09-20", 4500000, FACTURES_LINE_ACTIVITY_SERVICES_BNC);
  invoice_paid (f, "2026-10-01", NULL, 120000, FACTURES_LINE_ACTIVITY_SERVICES_BNC);
  window = show_page (f);
  page = gtk_window_get_child (GTK_WINDOW (window));

  row = gauge (page, "Seuil majoré de franchise de TVA (services)");
  g_assert_nonnull (row);
  g_assert_cmpfloat (factures_threshold_row_get_fraction (row), ==, 1.0);
  g_assert_true (has_label (page, "franchi le 20 septembre 2026"));
  g_assert_true (has_label (page, "La franchise de TVA a pris fin le 20 septembre 2026"));
  /* the invoice issued since, a row that opens it */
  {
    g_autoptr (GPtrArray) rows = g_ptr_array_new ();
    gboolean found = FALSE;

    collect (page, FACTURES_TYPE_INFO_ROW, rows);
    for (guint i = 0; i < rows->len; i++)
      if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (rows, i)), "win.open-document") == 0)
        {
          g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), ==, "F2026-0002");
          found = TRUE;
        }
    g_assert_true (found);
  }
  shoot_all (window, "year-page-crossed");

  /* « Appliquer la TVA à partir d’une date… »: the crossing day proposed, confirmed; the profile
   * charges VAT, the issued invoice is not changed, the explanation goes */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (FacturesProfile) profile = NULL;
    g_autoptr (FacturesDocument) issued = NULL;
    GtkWindow *dialog, *notice;
    GtkWidget *entry;

    g_assert_true (gtk_widget_activate_action (page, "year.switch-regime", NULL));
    ui_test_spin (100);
    dialog = ui_test_find_toplevel (NULL, FACTURES_TYPE_DATE_DIALOG);
    g_assert_nonnull (dialog);
    entry = ui_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "20/09/2026");
    ui_test_screenshot (GTK_WIDGET (dialog), "year-page-switch");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "confirm");
    ui_test_spin (100);
    profile = factures_store_get_profile (f->store, &error);
    g_assert_no_error (error);
    g_assert_cmpint (profile->vat_regime, ==, FACTURES_VAT_REGIME_REGISTERED);
    /* the day confirmed is kept (migration 0025) */
    g_assert_true (g_date_valid (&profile->vat_from));
    g_assert_cmpint (g_date_get_day (&profile->vat_from), ==, 20);
    g_assert_cmpint (g_date_get_month (&profile->vat_from), ==, 9);
    issued = factures_store_find_document (f->store, "F2026-0002", &error);
    g_assert_no_error (error);
    g_assert_cmpint (issued->seller->vat_regime, ==, FACTURES_VAT_REGIME_FRANCHISE);
    notice = ui_test_find_toplevel (NULL, FACTURES_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (notice);
    gtk_window_destroy (notice);
    ui_test_spin (50);
    g_assert_false (has_label (page, "La franchise de TVA a pris fin"));
    /* finding T19: the profile charges VAT: the franchise thresholds' gauges go, the micro
     * ceilings stay, and the page says why */
    ui_test_spin (100);
    g_assert_null (gauge (page, "Seuil de franchise de TVA"));
    g_assert_null (gauge (page, "Seuil majoré de franchise de TVA"));
    g_assert_nonnull (gauge (page, "Plafond du régime micro"));
    g_assert_true (has_label (page, "les seuils de la franchise en base de TVA ne s’appliquent plus"));
    shoot_all (window, "year-page-vat-charged");
  }
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_spin (50);
}

/* The débours checkbox of a line (issue 17 item 1): loaded from the line, given back, with its
 * explanation shown while it is ticked. */
static void
test_debours (void)
{
  g_autoptr (FacturesLine) line = factures_line_new ();
  g_autoptr (FacturesLine) back = NULL;
  g_autoptr (GError) error = NULL;
  FacturesLineRow *row;
  GtkCheckButton *check;

  line->description = g_strdup ("Frais de greffe payés pour le client");
  line->quantity = FACTURES_QUANTITY_ONE;
  line->unit_price = 45 * FACTURES_UNIT_PRICE_ONE;
  line->debours = TRUE;
  row = factures_line_row_new (line, FALSE, FALSE);
  g_object_ref_sink (row);
  check = GTK_CHECK_BUTTON (ui_test_find_type (GTK_WIDGET (row), GTK_TYPE_CHECK_BUTTON));
  g_assert_nonnull (check);
  g_assert_true (gtk_check_button_get_active (check));
  g_assert_true (has_label (GTK_WIDGET (row), "payée au nom et pour le compte du client"));
  back = factures_line_row_get_line (row, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (back->debours);
  g_clear_pointer (&back, factures_line_free);
  {
    /* looked at: the box and its explanation under the line's fields */
    GtkWidget *window = gtk_window_new ();

    gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (row));
    gtk_window_set_default_size (GTK_WINDOW (window), 640, -1);
    gtk_window_present (GTK_WINDOW (window));
    ui_test_spin (200);
    ui_test_screenshot (window, "line-debours");
    gtk_window_set_child (GTK_WINDOW (window), NULL);
    gtk_window_destroy (GTK_WINDOW (window));
  }
  gtk_check_button_set_active (check, FALSE);
  g_assert_false (has_label (GTK_WIDGET (row), "payée au nom et pour le compte du client"));
  back = factures_line_row_get_line (row, TRUE, &error);
  g_assert_no_error (error);
  g_assert_false (back->debours);
  g_object_unref (row);
}

/* Preferences → URSSAF: the periodicity and the alerts saved on change; the first alert cannot
 * pass the second (no refused state); the Year view follows. Screenshots light and dark. */
static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  FacturesUrssafSettings settings;
  GtkWidget *window = factures_preferences_window_new (NULL, f->store);
  GtkWidget *page = ui_test_find_type (window, FACTURES_TYPE_URSSAF_PAGE);
  GtkSwitch *quarterly;
  GtkSpinButton *low, *high;
  AdwStyleManager *style = adw_style_manager_get_default ();

  g_assert_nonnull (page);
  quarterly = GTK_SWITCH (ui_test_find_type (page, GTK_TYPE_SWITCH));
  low = GTK_SPIN_BUTTON (ui_test_find_type (page, GTK_TYPE_SPIN_BUTTON));
  /* the second spin button: the last one of the group */
  {
    GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (low), ADW_TYPE_ACTION_ROW);
    GtkWidget *next = gtk_widget_get_next_sibling (row);

    high = GTK_SPIN_BUTTON (ui_test_find_type (next, GTK_TYPE_SPIN_BUTTON));
  }
  g_assert_true (gtk_switch_get_active (quarterly));      /* the fixture declares quarterly */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (low), ==, 80);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (high), ==, 95);

  gtk_switch_set_active (quarterly, FALSE);
  gtk_spin_button_set_value (low, 70);
  gtk_spin_button_set_value (high, 90);
  gtk_spin_button_set_value (low, 99);                    /* held at the second alert */
  g_assert_true (factures_store_get_urssaf_settings (f->store, &settings, &error));
  g_assert_false (settings.quarterly);
  g_assert_cmpuint (settings.alert_low_percent, ==, 90);
  g_assert_cmpuint (settings.alert_high_percent, ==, 90);
  factures_urssaf_settings_clear (&settings);

  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 560);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_spin (200);
  ui_test_screenshot (window, "preferences-urssaf-light");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  ui_test_screenshot (window, "preferences-urssaf-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_spin (50);
}

/* The spin buttons under @widget, in the order of the widget tree. */
static void
collect_spins (GtkWidget *widget,
               GPtrArray *out)
{
  if (GTK_IS_SPIN_BUTTON (widget))
    {
      g_ptr_array_add (out, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_spins (child, out);
}

static void
count_everything (FacturesStore *store,
                  guint          kind,
                  gint64         id,
                  guint         *count)
{
  if (kind == 0)   /* FACTURES_STORE_CHANGE_EVERYTHING */
    (*count)++;
}

/* Preferences → URSSAF › « Échéances fiscales »: the days of notice of the To-Do queue's tax
 * deadlines (GSettings "deadline-notice-days", which had no row: note-prev "Deadlines"), shown
 * from the setting and saved on change, the queue told to list its deadlines again. */
static void
test_notice_days (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *window, *page, *spin = NULL;
  guint everything = 0;

  g_settings_set_uint (settings, "deadline-notice-days", 10);
  window = factures_preferences_window_new (NULL, f->store);
  page = ui_test_find_type (window, FACTURES_TYPE_URSSAF_PAGE);
  g_assert_nonnull (page);
  /* the third spin button of the page: after the two alerts */
  {
    g_autoptr (GPtrArray) spins = g_ptr_array_new ();

    collect_spins (page, spins);
    g_assert_cmpuint (spins->len, ==, 3);
    spin = g_ptr_array_index (spins, 2);
  }
  g_assert_nonnull (spin);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (spin, ADW_TYPE_PREFERENCES_GROUP)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_widget_get_ancestor (spin, ADW_TYPE_ACTION_ROW))),
                   ==, _("Days of _Notice"));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 10);

  g_signal_connect (f->store, "item-changed", G_CALLBACK (count_everything), &everything);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 21);
  g_assert_cmpuint (g_settings_get_uint (settings, "deadline-notice-days"), ==, 21);
  g_assert_cmpuint (everything, >=, 1);
  g_signal_handlers_disconnect_by_func (f->store, count_everything, &everything);
  /* the range of the setting (0 to 60) */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 90);
  g_assert_cmpuint (g_settings_get_uint (settings, "deadline-notice-days"), ==, 60);

  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 760);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_spin (200);
  ui_test_screenshot (window, "preferences-urssaf-notice");
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_spin (50);
  g_settings_reset (settings, "deadline-notice-days");
}

/* The first preferences row under @widget titled @title. */
static GtkWidget *
find_preferences_row (GtkWidget  *widget,
                      const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_preferences_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Preferences once VAT is charged from a day: the day under « Régime de TVA »; the VAT return
 * (CA12, CA3 monthly or quarterly) chosen in URSSAF and stored (migrations 0025, 0026). */
static void
test_preferences_vat (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FacturesProfile) profile = factures_store_get_profile (f->store, &error);
  FacturesUrssafSettings settings;
  GtkWidget *window, *page, *row;

  profile->vat_regime = FACTURES_VAT_REGIME_REGISTERED;
  profile->party.vat_id = g_strdup ("FR44732829320");
  g_date_set_dmy (&profile->vat_from, 20, 9, 2026);
  g_assert_true (factures_store_save_profile (f->store, profile, &error));
  g_assert_no_error (error);

  window = factures_preferences_window_new (NULL, f->store);
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 700);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_spin (100);
  row = find_preferences_row (window, "Régime de TVA");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "20 septembre 2026"));
  /* the VAT group, which the window shows below the fold */
  ui_test_screenshot (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP), "preferences-vat-from");

  page = ui_test_find_type (window, FACTURES_TYPE_URSSAF_PAGE);
  row = find_preferences_row (page, "Déclaration de _TVA");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_visible (row));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);   /* CA12 */
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 2);
  g_assert_true (factures_store_get_urssaf_settings (f->store, &settings, &error));
  g_assert_cmpuint (settings.vat_return, ==, FACTURES_VAT_RETURN_CA3_QUARTERLY);
  factures_urssaf_settings_clear (&settings);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  ui_test_spin (100);
  ui_test_screenshot (window, "preferences-urssaf-vat-return");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "fr", TRUE);
  g_setenv ("FACTURES_TODAY", "2026-10-15", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("FACTURES_LOCALEDIR") ? g_getenv ("FACTURES_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  adw_init ();
  {
    /* the application's style sheet (the gauges' colours), as AdwApplication loads it */
    g_autoptr (GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/org/example/Factures/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  g_test_add ("/ui/year/boxes-and-gauges", Fixture, NULL, fixture_set_up, test_year, fixture_tear_down);
  g_test_add ("/ui/year/crossed", Fixture, NULL, fixture_set_up, test_crossed, fixture_tear_down);
  g_test_add_func ("/ui/year/debours-checkbox", test_debours);
  g_test_add ("/ui/year/preferences", Fixture, NULL, fixture_set_up, test_preferences, fixture_tear_down);
  g_test_add ("/ui/year/preferences-vat", Fixture, NULL, fixture_set_up, test_preferences_vat, fixture_tear_down);
  g_test_add ("/ui/year/notice-days", Fixture, NULL, fixture_set_up, test_notice_days, fixture_tear_down);
  return g_test_run ();
}
