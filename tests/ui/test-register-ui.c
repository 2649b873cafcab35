/* test-register-ui.c — the "Livre des recettes" window and the imported sales in the client editor
 *
 * On the fixture database (argv[1] builds it) with FACTURES_TODAY=2026-06-30: two payments of the
 * app's invoices (a cheque in February, cash in April) and our own invoice F2026-0001 (renumbered H2025-0099) imported
 * back from its Factur-X file as a sale. The register window shows 2026 by month with the
 * payments and not the unpaid sale; the client editor lists the sale with "Record Payment…" and
 * counts it in "Invoiced"; the payment dialog refuses a negative amount and a future date
 * (nothing stored) and records a cash payment; the open register follows ("changed") with the
 * sale in March marked cash; 2025 shows the empty state; the CSV export writes the year.
 * Screenshots in <build>/tests/ui/: register.png, register-empty.png, client-summary.png,
 * client-imported.png, client-imported-paid.png, imported-payment.png. Exits 77 without a display (1 under CI).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "factures-cii-reader.h"
#include "factures-cii.h"
#include "factures-client-editor.h"
#include "factures-imported-payment-dialog.h"
#include "factures-register-window.h"
#include "factures-store.h"
#include "factures-store-facturx.h"
#include "factures-store-payments.h"
#include "factures-store-receipts.h"
#include "ui-test-util.h"

static const char *fixture_exe;

/* The first descendant of @root (breadth first) for which @match returns TRUE. */
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
row_titled (GtkWidget *w, gconstpointer prefix)
{
  return ADW_IS_ACTION_ROW (w) && gtk_widget_get_mapped (w)
         && g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)), prefix);
}

static gboolean
group_titled (GtkWidget *w, gconstpointer title)
{
  return ADW_IS_PREFERENCES_GROUP (w) && gtk_widget_get_mapped (w)
         && g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (w)), title) == 0;
}

static gboolean
label_is (GtkWidget *w, gconstpointer text)
{
  return GTK_IS_LABEL (w) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (w)), text) == 0;
}

static gboolean
button_with_action (GtkWidget *w, gconstpointer action)
{
  return GTK_IS_BUTTON (w) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)), action) == 0;
}

static gboolean
is_button (GtkWidget *w, gconstpointer data)
{
  return GTK_IS_BUTTON (w);
}

static gboolean
is_warning_label (GtkWidget *w, gconstpointer data)
{
  return GTK_IS_LABEL (w) && gtk_widget_has_css_class (w, "warning");
}

static GtkStack *
stack_of (GtkWidget *root)
{
  GQueue queue = G_QUEUE_INIT;
  GtkStack *stack = NULL;

  g_queue_push_tail (&queue, root);
  while (!g_queue_is_empty (&queue) && stack == NULL)
    {
      GtkWidget *cur = g_queue_pop_head (&queue);

      if (GTK_IS_STACK (cur))
        stack = GTK_STACK (cur);
      for (GtkWidget *c = gtk_widget_get_first_child (cur); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_queue_push_tail (&queue, c);
    }
  g_queue_clear (&queue);
  return stack;
}

static void
pay (FacturesStore *store, const char *number, const char *iso, gint64 amount, FacturesPaymentMethod method)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) doc = factures_store_find_document (store, number, &error);
  g_autoptr(FacturesPayment) p = factures_payment_new ();

  g_assert_no_error (error);
  g_assert_true (factures_date_parse_iso (iso, &p->date, NULL));
  p->amount = amount;
  p->method = method;
  if (method == FACTURES_PAYMENT_METHOD_CHEQUE)
    p->reference = g_strdup ("0001234");
  factures_payment_add_allocation (p, doc->id, 0);
  factures_store_record_payment (store, p, FACTURES_OVERPAYMENT_REFUSE, NULL, &error);
  g_assert_no_error (error);
}

static char *
paid_on (FacturesStore *store, gint64 id)
{
  g_autoptr(FacturesImportedSale) sale = factures_store_get_imported_sale (store, id, NULL);

  g_assert_nonnull (sale);
  return sale->paid ? factures_date_format_iso (&sale->paid_on) : g_strdup ("");
}

static void
test_register (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("register-ui-XXXXXX", &error);
  g_autofree char *db = g_build_filename (tmp, "factures.db", NULL);
  g_autofree char *csv = g_build_filename (tmp, "recettes.csv", NULL);
  const char *argv[] = { fixture_exe, db, NULL };
  g_autoptr(FacturesStore) store = NULL;
  g_autoptr(FacturesDocument) doc = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(FacturesInvoiceFile) file = NULL;
  g_autoptr(GFile) csv_file = NULL;
  g_autofree char *csv_text = NULL;
  FacturesImportedDirection direction;
  GtkWindow *window;
  GtkWidget *editor;
  GtkWidget *row;
  GtkWidget *dialog;
  g_autofree char *imported_title = NULL;
  gint64 sale_id;
  int status = 0;

  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  store = factures_store_open (db, &error);
  g_assert_no_error (error);

  pay (store, "F2026-0002", "2026-02-15", 24000, FACTURES_PAYMENT_METHOD_CHEQUE);
  pay (store, "F2026-0004", "2026-04-03", 6000, FACTURES_PAYMENT_METHOD_CASH);
  /* our own Factur-X file, imported back: a sale of client 1 */
  doc = factures_store_find_document (store, "F2026-0001", &error);
  g_assert_no_error (error);
  original = factures_store_get_original (store, doc->id, &error);
  g_assert_no_error (error);
  file = factures_invoice_file_open (original, &error);
  g_assert_no_error (error);
  /* under a number Factures never issued (an issued number is not imported twice): an invoice
   * of ours made before, with another tool */
  g_free (file->imported->number);
  file->imported->number = g_strdup ("H2025-0099");
  sale_id = factures_store_import_history (store, file->imported, file->original, "H2025-0099.pdf", file->is_pdf,
                                           file->xml, factures_cii_profile_conformance_level (file->profile),
                                           file->figure_problems, &direction, &error);
  g_assert_no_error (error);
  g_assert_cmpint (direction, ==, FACTURES_IMPORTED_SALE);

  /* the register of 2026: February and April, not the unpaid sale */
  window = factures_register_window_new (NULL, store);
  gtk_window_set_default_size (window, 720, 900);
  gtk_window_present (window);
  ui_test_spin (400);
  g_assert_cmpuint (factures_register_window_get_year (FACTURES_REGISTER_WINDOW (window)), ==, 2026);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack_of (GTK_WIDGET (window))), ==, "register");
  g_assert_nonnull (find (GTK_WIDGET (window), group_titled, "février 2026"));
  g_assert_nonnull (find (GTK_WIDGET (window), group_titled, "avril 2026"));
  g_assert_nonnull (find (GTK_WIDGET (window), row_titled, "F2026-0002"));
  g_assert_null (find (GTK_WIDGET (window), row_titled, "H2025-0099"));
  row = find (GTK_WIDGET (window), row_titled, "F2026-0004");
  g_assert_nonnull (row);
  g_assert_nonnull (find (row, is_warning_label, NULL));   /* cash is marked */
  g_assert_null (find (find (GTK_WIDGET (window), row_titled, "F2026-0002"), is_warning_label, NULL));

  /* the client editor lists the imported sale, unpaid, with "Record Payment…" */
  editor = GTK_WIDGET (factures_client_editor_open (NULL, store, 1));
  gtk_window_set_default_size (GTK_WINDOW (editor), 640, 1100);
  gtk_window_present (GTK_WINDOW (editor));
  ui_test_spin (500);
  imported_title = g_strdup_printf (_("%s — %s"), "H2025-0099", _("Imported invoice"));
  row = find (editor, row_titled, imported_title);
  g_assert_nonnull (row);
  /* the total as written, the French way; the row opens the invoice (Export the Original…) */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "1\u202f590,00\u00a0€"));
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_assert_nonnull (find (row, is_button, NULL));
  {
    GtkWidget *invoiced = find (editor, row_titled, _("Invoiced"));

    g_assert_nonnull (invoiced);
    g_assert_nonnull (adw_action_row_get_subtitle (ADW_ACTION_ROW (invoiced)));
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (invoiced)), "1"));
    {
      /* F2026-0001 issued (1 590 €) and the imported H2025-0099 in euros: 3 180 € over 2 invoices */
      g_autofree char *amount = factures_money_format (318000);
      g_autofree char *value = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u invoice)", "%s (%u invoices)", 2),
                                                amount, 2);

      g_assert_nonnull (find (invoiced, label_is, value));
    }
  }
  {
    /* F2026-0001's balance (1 590 €) and the unpaid imported H2025-0099 (1 590 €) are owed */
    GtkWidget *owed = find (editor, row_titled, _("Owed"));
    g_autofree char *value = factures_money_format (318000);

    g_assert_nonnull (owed);
    g_assert_nonnull (find (owed, label_is, value));
  }
  ui_test_screenshot (editor, "client-summary.png");
  {
    /* scroll the editor to its imported invoices for the picture */
    GtkWidget *scrolled = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
    graphene_point_t point;

    if (scrolled != NULL && gtk_widget_compute_point (row, scrolled, &GRAPHENE_POINT_INIT (0, 0), &point))
      {
        GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

        gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + point.y - 300);
        ui_test_spin (200);
      }
  }
  ui_test_screenshot (editor, "client-imported.png");

  /* the payment dialog: bad input refused, nothing stored */
  dialog = GTK_WIDGET (factures_imported_payment_dialog_new (GTK_WINDOW (editor), store, sale_id));
  gtk_window_present (GTK_WINDOW (dialog));
  ui_test_spin (200);
  factures_imported_payment_dialog_set_fields (FACTURES_IMPORTED_PAYMENT_DIALOG (dialog), "05/03/2026", "-5",
                                               FACTURES_PAYMENT_METHOD_CASH, NULL);
  g_assert_cmpstr (factures_imported_payment_dialog_get_errors (FACTURES_IMPORTED_PAYMENT_DIALOG (dialog)), !=, "");
  g_assert_false (factures_imported_payment_dialog_save (FACTURES_IMPORTED_PAYMENT_DIALOG (dialog)));
  ui_test_spin (100);
  ui_test_screenshot (dialog, "imported-payment.png");
  factures_imported_payment_dialog_set_fields (FACTURES_IMPORTED_PAYMENT_DIALOG (dialog), "01/07/2026", "1590",
                                               -1, NULL);
  g_assert_false (factures_imported_payment_dialog_save (FACTURES_IMPORTED_PAYMENT_DIALOG (dialog)));
  g_assert_nonnull (strstr (factures_imported_payment_dialog_get_errors (FACTURES_IMPORTED_PAYMENT_DIALOG (dialog)),
                            "01/07/2026"));
  {
    g_autofree char *on = paid_on (store, sale_id);
    g_assert_cmpstr (on, ==, "");
  }
  /* the amount proposed is the file's amount due */
  factures_imported_payment_dialog_set_fields (FACTURES_IMPORTED_PAYMENT_DIALOG (dialog), "05/03/2026", "1 590,00",
                                               -1, NULL);
  g_assert_cmpstr (factures_imported_payment_dialog_get_errors (FACTURES_IMPORTED_PAYMENT_DIALOG (dialog)), ==, "");
  g_assert_true (factures_imported_payment_dialog_save (FACTURES_IMPORTED_PAYMENT_DIALOG (dialog)));
  ui_test_spin (300);
  {
    g_autofree char *on = paid_on (store, sale_id);
    g_assert_cmpstr (on, ==, "2026-03-05");
  }

  /* the editor and the open register followed the store's "changed" */
  row = find (editor, row_titled, imported_title);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "05/03/2026"));
  {
    /* paid: only F2026-0001 is owed */
    GtkWidget *owed = find (editor, row_titled, _("Owed"));
    g_autofree char *value = factures_money_format (159000);

    g_assert_nonnull (owed);
    g_assert_nonnull (find (owed, label_is, value));
  }
  ui_test_screenshot (editor, "client-imported-paid.png");
  g_assert_nonnull (find (GTK_WIDGET (window), group_titled, "mars 2026"));
  row = find (GTK_WIDGET (window), row_titled, "H2025-0099");
  g_assert_nonnull (row);
  g_assert_nonnull (find (row, is_warning_label, NULL));
  ui_test_screenshot (GTK_WIDGET (window), "register.png");
  gtk_window_destroy (GTK_WINDOW (editor));

  /* CSV of the year */
  csv_file = g_file_new_for_path (csv);
  g_assert_true (factures_register_window_export (FACTURES_REGISTER_WINDOW (window), csv_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &csv_text, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv_text, "\xEF\xBB\xBF\"Date d'encaissement\""));
  g_assert_nonnull (strstr (csv_text, "\"05/03/2026\";\"H2025-0099\""));
  g_assert_nonnull (strstr (csv_text, "\"1590,00\";\"espèces\";\"oui\""));

  /* the printable PDF of the year (issue 17 item 6): "Export PDF…" is enabled and writes it */
  g_assert_true (gtk_widget_is_sensitive (find (GTK_WIDGET (window), button_with_action, "register.export-pdf")));
  {
    g_autofree char *pdf_path = g_strconcat (csv, ".pdf", NULL);
    g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf_path);
    g_autofree char *pdf_text = NULL;
    gsize pdf_length = 0;

    g_assert_true (factures_register_window_export_pdf (FACTURES_REGISTER_WINDOW (window), pdf_file, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (pdf_path, &pdf_text, &pdf_length, NULL));
    g_assert_true (pdf_length > 1000 && g_str_has_prefix (pdf_text, "%PDF-"));
    g_unlink (pdf_path);
  }

  /* a save dialog pointed at the database itself (or its -wal) or at a folder: refused, naming
   * the file, the database untouched (fifth trial, finding 1, the window's doors) */
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    const char *targets[] = { db, wal, tmp };

    for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
      {
        g_autoptr(GFile) target = g_file_new_for_path (targets[i]);
        g_autofree char *before = NULL;
        g_autofree char *after = NULL;
        gsize before_length = 0, after_length = 0;

        g_assert_true (g_file_get_contents (db, &before, &before_length, NULL));
        g_assert_false (factures_register_window_export_pdf (FACTURES_REGISTER_WINDOW (window), target, &error));
        g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
        g_assert_nonnull (strstr (error->message, targets[i]));
        g_clear_error (&error);
        g_assert_false (factures_register_window_export (FACTURES_REGISTER_WINDOW (window), target, &error));
        g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
        g_clear_error (&error);
        g_assert_true (g_file_get_contents (db, &after, &after_length, NULL));
        g_assert_cmpmem (before, before_length, after, after_length);
      }
  }

  /* another year: the empty state */
  factures_register_window_set_year (FACTURES_REGISTER_WINDOW (window), 2025);
  ui_test_spin (200);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack_of (GTK_WIDGET (window))), ==, "empty");
  ui_test_screenshot (GTK_WIDGET (window), "register-empty.png");
  gtk_window_destroy (window);

  g_clear_object (&store);
  g_unlink (csv);
  g_unlink (db);
  g_rmdir (tmp);
}

int
main (int argc, char **argv)
{
  if (argc < 2)
    {
      g_printerr ("usage: test-register-ui FIXTURE\n");
      return 2;
    }
  fixture_exe = argv[1];
  argc--;
  argv[1] = argv[0];
  argv++;
  g_setenv ("FACTURES_TODAY", "2026-06-30", TRUE);
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
  g_test_add_func ("/register-ui/window", test_register);
  return g_test_run ();
}
