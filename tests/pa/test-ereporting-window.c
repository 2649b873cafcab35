/* test-ereporting-window.c — the e-reporting window driven as widgets (needs a display)
 *
 * On the period of ereporting-fixture.h (FACTURES_TODAY 2027-11-10): the window opens on the
 * period that holds today, shows September–October 2027 when chosen, with its due date and each
 * figure of the four blocks (the invoice to Acme Widgets Ltd, its payment, the days of sales to
 * private persons split into goods and services, their payments), and nothing of the French
 * business's invoice; changing the periodicity saves it and lists the months. Sending and saving
 * are covered by test-ereporting-flow (they need the keyring and the local PA), and the window's
 * « Envoyer » by test-ereporting-window-send.py, which runs /ereporting/window-send. Screenshots:
 * G_TEST_BUILDDIR/ui/screenshots/ereporting-window*.png, to be looked at. With
 * EREPORTING_WINDOW_LANGUAGE=fr it only takes the screenshots, in French.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "factures-ereporting-window.h"
#include "factures-pa-page.h"
#include "factures-store-einvoicing.h"
#include "factures-store-ereporting.h"
#include "../store/store-test-util.h"
#include "../ui/ui-test-util.h"
#include "ereporting-fixture.h"

static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

static char *
window_text (GtkWidget *widget)
{
  GString *text = g_string_new (NULL);

  collect_labels (widget, text);
  return g_string_free (text, FALSE);
}

#define assert_shows(window, needle) \
  G_STMT_START { \
    g_autofree char *text_ = window_text (window); \
    if (strstr (text_, needle) == NULL) \
      g_error ("the window does not show “%s”:\n%s", needle, text_); \
  } G_STMT_END

#define assert_not_shows(window, needle) \
  G_STMT_START { \
    g_autofree char *text_ = window_text (window); \
    if (strstr (text_, needle) != NULL) \
      g_error ("the window shows “%s”:\n%s", needle, text_); \
  } G_STMT_END

static AdwComboRow *
find_combo (GtkWidget  *widget,
            const char *title)
{
  if (ADW_IS_COMBO_ROW (widget) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_COMBO_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwComboRow *found = find_combo (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_window (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_db_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesStore) store = factures_store_open (path, &error);
  g_autoptr(FacturesProfile) profile = store_test_profile ();
  g_autoptr(FacturesPaAccount) account = factures_pa_account_new ();
  g_auto(GStrv) numbers = NULL;
  gboolean french = g_strcmp0 (g_getenv ("EREPORTING_WINDOW_LANGUAGE"), "fr") == 0;
  FacturesEreportingPeriodicity periodicity;
  GtkWidget *window;
  GDate september;

  g_assert_no_error (error);
  profile->activity = FACTURES_ACTIVITY_BOTH;
  g_assert_true (factures_store_save_profile (store, profile, &error));
  account->name = g_strdup ("PA Exemple");
  account->registration = g_strdup ("0042");
  account->base_url = g_strdup ("https://pa.example/flow-service");
  account->token_url = g_strdup ("https://pa.example/oauth2/token");
  account->client_id = g_strdup ("factures");
  account->timeout_seconds = 30;
  g_assert_true (factures_store_save_pa_account (store, account, &error));
  numbers = ereporting_fixture_fill (store);

  window = factures_ereporting_window_new (store, NULL);
  if (french)
    gtk_window_set_default_size (GTK_WINDOW (window), 720, 1500);   /* every block in one picture */
  gtk_window_present (GTK_WINDOW (window));
  ui_test_spin (200);
  if (!french)
    {
      g_autoptr(GPtrArray) records = NULL;
      GDate november;

      /* the period that holds today: shown, but not sent before it is over, nothing recorded */
      assert_shows (window, "novembre–décembre 2027");
      assert_shows (window, "31/01/2028");
      g_assert_true (gtk_widget_activate_action (window, "ereporting.send", NULL));
      ui_test_spin (50);
      assert_shows (window, "This period is not over");
      g_date_clear (&november, 1);
      g_date_set_dmy (&november, 1, G_DATE_NOVEMBER, 2027);
      records = factures_store_ereporting_list_reports (store, &november, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (records->len, ==, 0);
    }
  g_date_clear (&september, 1);
  g_date_set_dmy (&september, 1, G_DATE_SEPTEMBER, 2027);
  g_assert_true (factures_ereporting_window_select_period (FACTURES_EREPORTING_WINDOW (window), &september));
  ui_test_spin (100);
  ui_test_screenshot (window, french ? "ereporting-window-fr" : "ereporting-window");
  if (!french)
    {
      g_autofree char *acme = g_strdup_printf ("%s — Acme Widgets Ltd (GB)", numbers[4]);

      assert_shows (window, "septembre–octobre 2027");
      assert_shows (window, "30/11/2027");
      /* 10.1 and 10.2 */
      assert_shows (window, acme);
      assert_shows (window, "800,00\u00a0GBP");
      assert_shows (window, "Received on 20/10/2027");
      /* 10.3: goods and services of 10 September, services of 20 September */
      assert_shows (window, "10/09/2027 — Sales of goods (TLB1)");
      assert_shows (window, "30,00\u00a0€");
      assert_shows (window, "10/09/2027 — Services (TPS1");
      assert_shows (window, "2 documents · VAT 0,00\u00a0€");
      assert_shows (window, "150,00\u00a0€");
      assert_shows (window, "250,00\u00a0€");
      /* 10.4 */
      assert_shows (window, "15/09/2027");
      assert_shows (window, "02/10/2027");
      assert_shows (window, "Nothing was made or sent for this period yet.");
      /* the French business's invoice goes through the e-invoicing */
      assert_not_shows (window, numbers[2]);
      assert_not_shows (window, "70,00");

      /* monthly: saved, and the months are listed */
      adw_combo_row_set_selected (find_combo (window, "Periodicity"), FACTURES_EREPORTING_MONTHLY);
      ui_test_spin (100);
      g_assert_true (factures_store_get_ereporting_periodicity (store, &periodicity, &error));
      g_assert_cmpint (periodicity, ==, FACTURES_EREPORTING_MONTHLY);
      assert_shows (window, "septembre 2027");
      assert_shows (window, "31/10/2027");
      assert_not_shows (window, numbers[4]);
    }

  gtk_window_destroy (GTK_WINDOW (window));

  /* reached from Preferences → E-invoicing */
  if (!french)
    {
      GtkWidget *preferences = adw_preferences_window_new ();
      GtkWidget *page = factures_pa_page_new (store);
      GtkWindow *opened;

      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (preferences), ADW_PREFERENCES_PAGE (page));
      gtk_window_present (GTK_WINDOW (preferences));
      ui_test_spin (100);
      g_assert_true (gtk_widget_activate_action (page, "pa-page.ereporting", NULL));
      ui_test_spin (100);
      opened = ui_test_find_toplevel (GTK_WINDOW (preferences), FACTURES_TYPE_EREPORTING_WINDOW);
      g_assert_nonnull (opened);
      gtk_window_destroy (opened);
      gtk_window_destroy (GTK_WINDOW (preferences));
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&store);
  store_test_remove_dir (dir);
}

/* « Envoyer » to the local PA (tests/pa/test-ereporting-window-send.py starts it, the keyring
 * with the client secret, and the database of ereporting-tool setup in EREPORTING_WINDOW_DB):
 * September–October 2027 sent from the window, its four blocks taken, said in the status, the
 * report recorded with its four flows and shown in the period's history. The script then checks
 * the flows the PA received. */
static void
test_window_send (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesStore) store = factures_store_open (g_getenv ("EREPORTING_WINDOW_DB"), &error);
  g_autoptr(GPtrArray) records = NULL;
  GtkWidget *window;
  GDate september;
  gint64 waited = 0;

  g_assert_no_error (error);
  window = factures_ereporting_window_new (store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 900);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_spin (200);
  g_date_clear (&september, 1);
  g_date_set_dmy (&september, 1, G_DATE_SEPTEMBER, 2027);
  g_assert_true (factures_ereporting_window_select_period (FACTURES_EREPORTING_WINDOW (window), &september));
  ui_test_spin (100);
  g_assert_true (gtk_widget_activate_action (window, "ereporting.send", NULL));
  /* the send runs in a thread: until the window says how it went (at most 60 s) */
  for (;;)
    {
      g_autofree char *text = window_text (window);

      if (strstr (text, "Sent: ") != NULL || strstr (text, "Not wholly sent") != NULL || waited > 60000)
        break;
      ui_test_spin (100);
      waited += 100;
    }
  assert_shows (window, "Sent: the plateforme agréée took the 4 blocks.");
  assert_not_shows (window, "Not wholly sent");
  /* recorded, and the period now says that sending again corrects it */
  records = factures_store_ereporting_list_reports (store, &september, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  {
    const FacturesEreportingRecord *record = g_ptr_array_index (records, 0);
    g_autoptr(GPtrArray) flows = factures_store_ereporting_list_flows (store, record->id, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (record->type_code, ==, "IN");
    g_assert_true (g_str_has_prefix (record->made, "2027-11-10T"));
    g_assert_cmpuint (flows->len, ==, 4);
    for (guint i = 0; i < flows->len; i++)
      {
        const FacturesEreportingFlow *flow = g_ptr_array_index (flows, i);

        g_assert_true (flow->sent);
        g_assert_nonnull (flow->flow_id);
        g_assert_null (flow->error);
      }
  }
  /* the history of the period, made on FACTURES_TODAY's day */
  assert_shows (window, "2027-11-10 ");
  assert_shows (window, "(initial): 4 blocks taken by the platform, 0 refused or failed");
  ui_test_screenshot (window, "ereporting-window-sent");
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("FACTURES_TODAY", "2027-11-10", TRUE);
  if (g_strcmp0 (g_getenv ("EREPORTING_WINDOW_LANGUAGE"), "fr") == 0)
    {
      g_setenv ("LANGUAGE", "fr", TRUE);
      setlocale (LC_ALL, "C.UTF-8");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("FACTURES_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  else
    /* Source strings: the texts checked here are the English ones. */
    g_setenv ("LANGUAGE", "C", TRUE);
  if (!gtk_init_check ())
    {
      g_printerr ("test-ereporting-window: no display\n");
      return g_getenv ("CI") != NULL ? 1 : 77;
    }
  adw_init ();
  if (g_getenv ("EREPORTING_WINDOW_DB") != NULL)
    g_test_add_func ("/ereporting/window-send", test_window_send);
  else
    g_test_add_func ("/ereporting/window", test_window);
  return g_test_run ();
}
