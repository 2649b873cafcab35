/* test-bank-ui.c — the Banque view: a statement imported through the page (thread, progress
 * bar), a sure match confirmed by its button (the invoice paid), undone from the toast (the
 * reversing entry), a credit set aside as « Pas une facture », the CSV column step for a layout
 * it does not recognise
 *
 * Screenshots in <build>/tests/bank-match/: bank.png, bank-dark.png, bank-csv.png. Exits 77
 * without a display (1 under CI).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bank-test-util.h"
#include "factures-application.h"
#include "factures-window.h"
#include "factures-bank-amount-dialog.h"
#include "factures-bank-import-dialog.h"
#include "factures-bank-page.h"
#include "factures-bank-row.h"
#include "ui-test-util.h"

static GtkWidget *
find (GtkWidget *root, gboolean (*match) (GtkWidget *, gconstpointer), gconstpointer data)
{
  GQueue queue = G_QUEUE_INIT;
  GtkWidget *found = NULL;

  g_queue_push_tail (&queue, root);
  while (!g_queue_is_empty (&queue) && found == NULL)
    {
      GtkWidget *cur = g_queue_pop_head (&queue);

      if (match (cur, data))
        found = cur;
      for (GtkWidget *c = gtk_widget_get_first_child (cur); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_queue_push_tail (&queue, c);
    }
  g_queue_clear (&queue);
  return found;
}

static gboolean
is_button_labelled (GtkWidget *widget, gconstpointer label)
{
  const char *text;

  if (!GTK_IS_BUTTON (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;
  text = gtk_button_get_label (GTK_BUTTON (widget));
  return text != NULL && strcmp (text, label) == 0;
}

static gboolean
is_row_titled (GtkWidget *widget, gconstpointer needle)
{
  return FACTURES_IS_BANK_ROW (widget)
         && strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), needle) != NULL;
}

static gboolean
is_type (GtkWidget *widget, gconstpointer type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static void
wait_for_count (FacturesBankPage *page, guint count)
{
  for (guint i = 0; i < 300 && factures_bank_page_get_count (page) != count; i++)
    ui_test_spin (20);
  g_assert_cmpuint (factures_bank_page_get_count (page), ==, count);
}

static void
test_page (void)
{
  BankFixture f = { 0 };
  gint64 dupont, martin, leroy, a, b, c;
  g_autofree char *na = NULL, *nb = NULL, *nc = NULL;
  g_autofree char *statement = NULL, *csv = NULL;
  g_autofree char *lib_a = NULL, *lib_c = NULL;
  GtkWidget *window, *overlay, *page, *row, *button, *dialog;
  AdwStyleManager *style = adw_style_manager_get_default ();

  bank_fixture_set_up (&f);
  dupont = bank_client (&f, "Dupont Conseil SARL");
  martin = bank_client (&f, "Martin et Fils");
  leroy = bank_client (&f, "Leroy Bâtiment");
  a = bank_invoice (&f, dupont, "2026-10-01", 120000, &na);
  b = bank_invoice (&f, martin, "2026-10-02", 45000, &nb);
  c = bank_invoice (&f, leroy, "2026-10-03", 80000, &nc);
  (void) b;
  lib_a = g_strdup_printf ("FACTURE %s", na);
  lib_c = g_strdup_printf ("%s ACOMPTE", nc);
  {
    const BankCfonbLine lines[] = {
      { "2026-11-12", 120000, "VIR SEPA DUPONT CONSEIL", lib_a },
      { "2026-11-14", 45000, "VIR SEPA MARTIN ET FILS", NULL },
      { "2026-11-15", 30000, "VIR SEPA LEROY BATIMENT", lib_c },
      { "2026-11-18", 2500, "VIR SEPA REMBOURSEMENT MUTUELLE", NULL },
      { "2026-11-30", -1250, "FRAIS TENUE DE COMPTE", NULL },
    };

    statement = g_build_filename (f.dir, "releve-novembre.txt", NULL);
    bank_write_cfonb (statement, lines, G_N_ELEMENTS (lines), G_N_ELEMENTS (lines));
  }

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 640);
  overlay = adw_toast_overlay_new ();
  page = factures_bank_page_new (f.store);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_spin (300);
  g_assert_cmpuint (factures_bank_page_get_count (FACTURES_BANK_PAGE (page)), ==, 0);

  /* imported through the page: a thread on its own connection, then "changed" */
  factures_bank_page_import (FACTURES_BANK_PAGE (page), statement);
  wait_for_count (FACTURES_BANK_PAGE (page), 4);
  ui_test_spin (300);
  ui_test_screenshot (window, "bank.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  ui_test_spin (300);
  ui_test_screenshot (window, "bank-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  /* the sure match of Dupont, confirmed by its button */
  row = find (page, is_row_titled, "DUPONT");
  g_assert_nonnull (row);
  button = find (row, is_button_labelled, _("_Confirm"));
  g_assert_nonnull (button);
  gtk_widget_activate (button);
  wait_for_count (FACTURES_BANK_PAGE (page), 3);
  g_assert_cmpint (bank_balance (&f, a), ==, 0);

  /* Undo in the toast: the reversing entry; the invoice is due again and proposed again */
  ui_test_spin (200);
  button = find (overlay, is_button_labelled, _("_Undo"));
  g_assert_nonnull (button);
  gtk_widget_activate (button);
  wait_for_count (FACTURES_BANK_PAGE (page), 4);
  g_assert_cmpint (bank_balance (&f, a), ==, 120000);

  /* the mutual's refund pays no invoice: « Pas une facture » */
  row = find (page, is_row_titled, "MUTUELLE");
  g_assert_nonnull (row);
  button = find (row, is_button_labelled, _("_Not an Invoice"));
  g_assert_nonnull (button);
  gtk_widget_activate (button);
  wait_for_count (FACTURES_BANK_PAGE (page), 3);

  /* "Confirm all sure ones": Dupont again (the partial payment of Leroy is not sure) */
  gtk_widget_activate_action (page, "bank.confirm-sure", NULL);
  wait_for_count (FACTURES_BANK_PAGE (page), 2);
  g_assert_cmpint (bank_balance (&f, a), ==, 0);
  g_assert_cmpint (bank_balance (&f, c), ==, 80000);

  /* a CSV it does not recognise: the column step */
  csv = g_build_filename (f.dir, "export.csv", NULL);
  g_assert_true (g_file_set_contents (csv,
                                      "Quand;Quoi;Combien\n"
                                      "16/11/2026;VIR SEPA CLIENT DIVERS;150,00\n"
                                      "17/11/2026;CB PAPETERIE;-12,30\n", -1, NULL));
  factures_bank_page_import (FACTURES_BANK_PAGE (page), csv);
  ui_test_spin (300);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    dialog = NULL;
    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
      {
        g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

        if (FACTURES_IS_BANK_IMPORT_DIALOG (w))
          dialog = GTK_WIDGET (w);
      }
  }
  g_assert_nonnull (dialog);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 620, 900);
  ui_test_spin (300);
  ui_test_screenshot (dialog, "bank-csv.png");
  {
    GtkWidget *account = find (dialog, is_type, GSIZE_TO_POINTER (ADW_TYPE_ENTRY_ROW));
    GtkWidget *rows[3] = { NULL };
    guint n = 0;

    gtk_editable_set_text (GTK_EDITABLE (account), "FR7630006000011234567890189");
    /* the combo rows of the columns: booking date, amount, debit, credit, label… */
    for (GtkWidget *w = find (dialog, is_type, GSIZE_TO_POINTER (ADW_TYPE_COMBO_ROW)); w != NULL && n < 3;
         w = gtk_widget_get_next_sibling (w))
      if (ADW_IS_COMBO_ROW (w) && strcmp (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)), _("Separator")) != 0
          && strcmp (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)), _("Date Format")) != 0)
        {
          const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w));

          if (strcmp (title, _("Booking Date")) == 0)
            rows[0] = w;
          else if (strcmp (title, _("Amount")) == 0)
            rows[1] = w;
          else if (strcmp (title, _("Label")) == 0)
            rows[2] = w;
        }
    g_assert_nonnull (rows[0]);
    g_assert_nonnull (rows[1]);
    g_assert_nonnull (rows[2]);
    adw_combo_row_set_selected (ADW_COMBO_ROW (rows[0]), 1);
    adw_combo_row_set_selected (ADW_COMBO_ROW (rows[1]), 3);
    adw_combo_row_set_selected (ADW_COMBO_ROW (rows[2]), 2);
  }
  gtk_widget_activate_action (dialog, "import-dialog.import", NULL);
  /* the credit of 150,00 waits; the card payment (a debit) is left alone */
  wait_for_count (FACTURES_BANK_PAGE (page), 3);

  /* a big statement: the progress bar shows; Cancel stores nothing */
  {
    g_autofree char *big = g_build_filename (f.dir, "releve-annee.txt", NULL);
    g_autofree char *before = NULL, *after = NULL;
    const BankCfonbLine lines[] = {
      { "1990-01-02", 150000, "VIR SEPA CLIENT", NULL },
      { "1990-01-02", -1250, "FRAIS", NULL },
    };
    GtkWidget *revealer = find (page, is_type, GSIZE_TO_POINTER (GTK_TYPE_REVEALER));

    GtkWidget *cancel = find (revealer, is_type, GSIZE_TO_POINTER (GTK_TYPE_BUTTON));

    /* no import: the progress and its « Annuler » are hidden, out of the accessibility tree
     * (a journey took that button for the toast's « Annuler ») */
    g_assert_nonnull (cancel);
    g_assert_false (gtk_widget_is_visible (cancel));
    g_assert_false (gtk_widget_get_mapped (cancel));
    bank_write_cfonb (big, lines, G_N_ELEMENTS (lines), 20000);
    before = bank_dump_hash (&f);
    factures_bank_page_import (FACTURES_BANK_PAGE (page), big);
    g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
    g_assert_nonnull (find (revealer, is_type, GSIZE_TO_POINTER (GTK_TYPE_PROGRESS_BAR)));
    g_assert_true (gtk_widget_is_visible (cancel));
    gtk_widget_activate_action (page, "bank.cancel-import", NULL);
    for (guint i = 0; i < 500 && gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)); i++)
      ui_test_spin (20);
    g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
    ui_test_spin (100);
    for (guint i = 0; i < 100 && gtk_widget_is_visible (cancel); i++)
      ui_test_spin (20);
    g_assert_false (gtk_widget_is_visible (cancel));
    g_assert_cmpuint (factures_bank_page_get_count (FACTURES_BANK_PAGE (page)), ==, 3);
    after = bank_dump_hash (&f);
    g_assert_cmpstr (before, ==, after);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_spin (100);
  bank_fixture_tear_down (&f);
}

/* The CSV column step offers the currency and account columns the reader knows: the account
 * then comes from its column, and a line in another currency is refused, naming its line. */
static void
on_dialog_import (FacturesBankImportDialog *dialog, const char *account, FacturesBankCsvMapping *mapping,
                  gpointer data)
{
  FacturesBankCsvMapping **out = data;

  g_assert_null (account);
  *out = factures_bank_csv_mapping_copy (mapping);
}

static GtkWidget *
combo_titled (GtkWidget *dialog, const char *title)
{
  for (GtkWidget *w = find (dialog, is_type, GSIZE_TO_POINTER (ADW_TYPE_COMBO_ROW)); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    if (ADW_IS_COMBO_ROW (w) && strcmp (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)), title) == 0)
      return w;
  return NULL;
}

static void
test_csv_columns (void)
{
  g_autofree char *dir = g_dir_make_tmp ("factures-bank-csv-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "export.csv", NULL);
  g_autoptr(GError) error = NULL;
  FacturesBankCsvMapping *mapping = NULL;
  FacturesBankFile *file;
  GtkWidget *dialog, *account;
  const char *titles[] = { N_("Booking Date"), N_("Label"), N_("Amount"), N_("Currency"), N_("Account Column") };

  g_assert_true (g_file_set_contents (csv,
                                      "Quand;Quoi;Combien;Devise;Compte\n"
                                      "16/11/2026;VIR SEPA CLIENT;150,00;EUR;FR7630006000011234567890189\n"
                                      "17/11/2026;VIR SEPA LONDON;20,00;GBP;FR7630006000011234567890189\n", -1, NULL));
  dialog = GTK_WIDGET (factures_bank_import_dialog_new (NULL, csv, NULL, NULL));
  g_signal_connect (dialog, "import", G_CALLBACK (on_dialog_import), &mapping);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 620, 1000);
  gtk_window_present (GTK_WINDOW (dialog));
  ui_test_spin (300);
  account = find (dialog, is_type, GSIZE_TO_POINTER (ADW_TYPE_ENTRY_ROW));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (account)), ==, "");
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      GtkWidget *row = combo_titled (dialog, _(titles[i]));

      g_assert_nonnull (row);
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), i + 1);   /* (0 is "—") */
    }
  for (guint i = 0; i < 100 && (!gtk_widget_get_mapped (dialog) || gtk_widget_get_width (dialog) == 0); i++)
    ui_test_spin (20);
  ui_test_spin (200);
  ui_test_screenshot (dialog, "bank-csv-columns.png");
  /* (no account typed: the account column gives it, the import is allowed) */
  gtk_widget_activate_action (dialog, "import-dialog.import", NULL);
  ui_test_spin (100);
  g_assert_nonnull (mapping);
  g_assert_cmpuint (mapping->currency_at, ==, 4);
  g_assert_cmpuint (mapping->account_at, ==, 5);
  g_assert_null (mapping->account);

  file = factures_bank_read_file (csv, mapping, NULL, NULL, NULL, &error);
  g_assert_null (file);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "export.csv"));
  g_assert_nonnull (strstr (error->message, " 3"));
  g_assert_nonnull (strstr (error->message, "GBP"));
  factures_bank_csv_mapping_free (mapping);
  g_unlink (csv);
  g_rmdir (dir);
}

static AdwViewStack *
find_view_stack (GtkWidget *widget)
{
  if (ADW_IS_VIEW_STACK (widget))
    return ADW_VIEW_STACK (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      AdwViewStack *found = find_view_stack (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The Banque view has its own icon (one of the theme's, not the Documents one) and Alt+4 like
 * the other views' Alt+1–3, listed in the shortcuts window. */
static void
test_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesApplication) app = factures_application_new ();
  g_auto(GStrv) accels = NULL;
  g_autoptr(GBytes) overlay = NULL;
  BankFixture f;
  GtkWidget *window;
  AdwViewStack *stack;
  AdwViewStackPage *page;
  const char *icon;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-view::bank");
  g_assert_nonnull (accels);
  g_assert_cmpstr (accels[0], ==, "<Alt>4");
  overlay = g_resources_lookup_data ("/org/example/Factures/gtk/help-overlay.ui", 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (overlay, NULL), g_bytes_get_size (overlay), "&lt;Alt&gt;4"));

  bank_fixture_set_up (&f);
  window = GTK_WIDGET (factures_window_new (NULL, f.store, NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_spin (200);
  stack = find_view_stack (window);
  g_assert_nonnull (stack);
  page = adw_view_stack_get_page (stack, adw_view_stack_get_child_by_name (stack, "bank"));
  g_assert_nonnull (page);
  icon = adw_view_stack_page_get_icon_name (page);
  g_assert_cmpstr (icon, !=, "x-office-document-symbolic");
  g_assert_cmpstr (icon, !=, "x-office-spreadsheet-symbolic");
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (window)), icon));
  adw_view_stack_set_visible_child_name (stack, "bank");
  ui_test_spin (300);
  ui_test_screenshot (window, "bank-window.png");
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_spin (100);
  bank_fixture_tear_down (&f);
}

/* Issue 13 item 4: a credit paying an invoice in GBP. « Confirmer » asks the amount it pays in
 * GBP (the balance proposed); 0 is refused with nothing recorded; 400,00 GBP is recorded with the
 * credit (460,00 €) as its EUR amount. A screenshot of the question. */
static GtkWidget *
find_amount_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (FACTURES_IS_BANK_AMOUNT_DIALOG (w))
        return GTK_WIDGET (w);
    }
  return NULL;
}

static void
test_foreign_currency (void)
{
  BankFixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) draft = NULL;
  g_autoptr(FacturesDocument) issued = NULL;
  g_autofree char *statement = NULL, *label = NULL;
  GtkWidget *window, *overlay, *page, *row, *button, *dialog;
  FacturesLine *line;

  bank_fixture_set_up (&f);
  draft = store_test_draft (bank_client (&f, "Example Ltd"), "2026-11-02", 1);
  line = g_ptr_array_index (draft->lines, 0);
  line->unit_price = 100000 * (FACTURES_UNIT_PRICE_ONE / 100);
  draft->currency = g_strdup ("GBP");
  g_assert_true (factures_store_save_draft (f.store, draft, &error));
  g_assert_no_error (error);
  issued = factures_store_issue (f.store, draft->id, store_test_render, NULL, &error);
  g_assert_no_error (error);
  label = g_strdup_printf ("FACTURE %s", issued->number);
  {
    const BankCfonbLine lines[] = { { "2026-11-20", 46000, "VIR SEPA EXAMPLE LTD", label } };

    statement = g_build_filename (f.dir, "releve-gbp.txt", NULL);
    bank_write_cfonb (statement, lines, 1, 1);
  }

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 640);
  overlay = adw_toast_overlay_new ();
  page = factures_bank_page_new (f.store);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_spin (200);
  factures_bank_page_import (FACTURES_BANK_PAGE (page), statement);
  wait_for_count (FACTURES_BANK_PAGE (page), 1);
  ui_test_spin (200);

  row = find (page, is_row_titled, "EXAMPLE");
  g_assert_nonnull (row);
  button = find (row, is_button_labelled, _("_Confirm"));
  g_assert_nonnull (button);
  gtk_widget_activate (button);
  ui_test_spin (300);
  dialog = find_amount_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (factures_bank_amount_dialog_get_entry (FACTURES_BANK_AMOUNT_DIALOG (dialog)))),
                   ==, "1\u202f000,00");
  ui_test_screenshot (dialog, "bank-foreign-amount.png");

  /* 0: refused, nothing recorded */
  gtk_editable_set_text (GTK_EDITABLE (factures_bank_amount_dialog_get_entry (FACTURES_BANK_AMOUNT_DIALOG (dialog))), "0");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "confirm");
  ui_test_spin (200);
  g_assert_cmpint (bank_balance (&f, issued->id), ==, 100000);
  g_assert_cmpuint (factures_bank_page_get_count (FACTURES_BANK_PAGE (page)), ==, 1);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (w) && GTK_WIDGET (w) != dialog)
          gtk_window_destroy (GTK_WINDOW (w));
      }
  }

  /* 400,00 GBP stated */
  gtk_widget_activate (button);
  ui_test_spin (300);
  dialog = find_amount_dialog ();
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (factures_bank_amount_dialog_get_entry (FACTURES_BANK_AMOUNT_DIALOG (dialog))), "400,00");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "confirm");
  wait_for_count (FACTURES_BANK_PAGE (page), 0);
  g_assert_cmpint (bank_balance (&f, issued->id), ==, 60000);

  gtk_window_destroy (GTK_WINDOW (window));
  bank_fixture_tear_down (&f);
}

int
main (int argc, char **argv)
{
  g_autofree char *data_home = g_dir_make_tmp ("factures-bank-ui-XXXXXX", NULL);

  /* The application opens its default database: a temporary one (before GTK reads the path). */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("FACTURES_LOCALEDIR") ? g_getenv ("FACTURES_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      if (g_getenv ("CI") != NULL)
        return 1;
      return 77;
    }
  adw_init ();
  g_test_add_func ("/bank-ui/page", test_page);
  g_test_add_func ("/bank-ui/window", test_window);
  g_test_add_func ("/bank-ui/csv-columns", test_csv_columns);
  g_test_add_func ("/bank-ui/foreign-currency", test_foreign_currency);
  {
    int status = g_test_run ();
    g_autofree char *db_dir = g_build_filename (data_home, "factures", NULL);
    g_autoptr(GDir) dir = g_dir_open (db_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (db_dir, name, NULL);

        g_unlink (path);
      }
    g_rmdir (db_dir);
    g_rmdir (data_home);
    return status;
  }
}
