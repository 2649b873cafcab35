/* test-purchases-ui.c — Achats: the registre des achats in the window (issue 17 items 5 and 6)
 *
 * With FACTURES_TODAY=2026-12-06 and LANGUAGE=fr, on an empty database: the Factur-X purchase of
 * the reference data (akretion's invoice_EN16931.pdf: F20260023 of LE FOURNISSEUR, 104,90 €)
 * imported as history. The purchases window lists it with « Enregistrer un paiement… »; the
 * payment dialog records a transfer and the row then offers « Annuler le paiement… ». The
 * « Ajouter un achat… » dialog refuses a purchase without supplier, without amount, of 0 € and
 * dated in the future (Save disabled, the message naming the field, `sqlite3 DB .dump`
 * unchanged), then adds one paid in cash; the window's totals follow. The PDF export writes
 * the register. Screenshots in <build>/tests/ui/screenshots/: purchases-unpaid.png, purchases.png,
 * purchase-add.png,
 * purchase-payment.png. Exits 77 without a display (1 under CI) or without the reference data.
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
#include "factures-imported-payment-dialog.h"
#include "factures-purchase-entry-dialog.h"
#include "factures-purchases-window.h"
#include "factures-store.h"
#include "factures-store-facturx.h"
#include "factures-store-purchases.h"
#include "ui-test-util.h"

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
button_labelled (GtkWidget *w, gconstpointer label)
{
  return GTK_IS_BUTTON (w) && gtk_widget_get_mapped (w)
         && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (w)), label) == 0;
}

static gboolean
label_has (GtkWidget *w, gconstpointer text)
{
  return GTK_IS_LABEL (w) && gtk_widget_get_mapped (w) && strstr (gtk_label_get_text (GTK_LABEL (w)), text) != NULL;
}

/* sha256 of `sqlite3 @db .dump` */
static char *
dump_hash (const char *db)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "sqlite3", db, ".dump", NULL };
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, out, -1);
}

static void
test_purchases (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *sample = g_build_filename (g_getenv ("FACTURES_REFERENCE_DATA"), "02_facturx", "akretion",
                                              "fixtures", "pdf", "invoice_EN16931.pdf", NULL);
  g_autoptr(GBytes) bytes = NULL;
  FacturesInvoiceFile *file;
  FacturesImportedDirection direction;
  FacturesStore *store;
  GtkWindow *window, *dialog;
  GtkWidget *row, *button;
  g_autofree char *before = NULL;
  g_autofree char *pdf_path = NULL;
  g_autoptr(GFile) pdf = NULL;
  struct { const char *date, *supplier, *amount, *field; } bad[] = {
    { "10/11/2026", "", "12,00", "Fournisseur" },
    { "10/11/2026", "Papeterie", "", "Montant" },
    { "10/11/2026", "Papeterie", "0", "Montant" },
    { "10/01/2027", "Papeterie", "12,00", "Date" },
  };

  {
    g_autofree char *contents = NULL;
    gsize length;

    if (!g_file_get_contents (sample, &contents, &length, NULL))
      {
        g_test_skip ("the reference data (invoice_EN16931.pdf) is missing");
        return;
      }
    bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  }
  store = ui_test_store_new (NULL, &dir);
  db = g_strdup (factures_store_get_path (store));
  file = factures_invoice_file_open (bytes, &error);
  g_assert_no_error (error);
  factures_store_import_history (store, file->imported, file->original, "invoice_EN16931.pdf", file->is_pdf,
                                 file->xml, factures_cii_profile_conformance_level (file->profile),
                                 file->figure_problems, &direction, &error);
  g_assert_no_error (error);
  g_assert_cmpint (direction, ==, FACTURES_IMPORTED_PURCHASE);
  factures_invoice_file_free (file);

  window = GTK_WINDOW (factures_purchases_window_new (NULL, store));
  gtk_window_set_default_size (window, 760, 640);
  gtk_window_present (window);
  ui_test_spin (400);
  row = find (GTK_WIDGET (window), row_titled, "F20260023 — LE FOURNISSEUR");
  g_assert_nonnull (row);
  button = find (row, button_labelled, "Enregistrer un paiement…");
  g_assert_nonnull (button);
  g_assert_nonnull (find (GTK_WIDGET (window), button_labelled, "Ajouter un achat…"));
  g_assert_nonnull (find (GTK_WIDGET (window), label_has, "104,90"));
  ui_test_screenshot (GTK_WIDGET (window), "purchases-unpaid.png");

  /* the payment of the imported purchase */
  g_signal_emit_by_name (button, "clicked");
  ui_test_spin (200);
  dialog = ui_test_find_toplevel (window, FACTURES_TYPE_IMPORTED_PAYMENT_DIALOG);
  g_assert_nonnull (dialog);
  factures_imported_payment_dialog_set_fields (FACTURES_IMPORTED_PAYMENT_DIALOG (dialog), "25/02/2026", NULL,
                                               FACTURES_PAYMENT_METHOD_TRANSFER, NULL);
  ui_test_screenshot (GTK_WIDGET (dialog), "purchase-payment.png");
  g_assert_true (factures_imported_payment_dialog_save (FACTURES_IMPORTED_PAYMENT_DIALOG (dialog)));
  ui_test_spin (200);
  row = find (GTK_WIDGET (window), row_titled, "F20260023 — LE FOURNISSEUR");
  g_assert_nonnull (find (row, button_labelled, "Annuler le paiement…"));

  /* a typed purchase: every bad input refused, nothing stored */
  before = dump_hash (db);
  gtk_widget_activate_action (GTK_WIDGET (window), "purchases.add", NULL);
  ui_test_spin (200);
  dialog = ui_test_find_toplevel (window, FACTURES_TYPE_PURCHASE_ENTRY_DIALOG);
  g_assert_nonnull (dialog);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *after = NULL;
      GtkWidget *errors;

      factures_purchase_entry_dialog_set_fields (FACTURES_PURCHASE_ENTRY_DIALOG (dialog), bad[i].date, bad[i].supplier,
                                                 "R-1", "Fournitures", bad[i].amount, FACTURES_PAYMENT_METHOD_CASH);
      g_assert_false (factures_purchase_entry_dialog_save (FACTURES_PURCHASE_ENTRY_DIALOG (dialog)));
      errors = find (GTK_WIDGET (dialog), label_has, bad[i].field);
      g_assert_nonnull (errors);
      after = dump_hash (db);
      g_assert_cmpstr (after, ==, before);
    }
  factures_purchase_entry_dialog_set_fields (FACTURES_PURCHASE_ENTRY_DIALOG (dialog), "10/11/2026", "Papeterie Martin",
                                             "T-12", "Fournitures de bureau", "23,40", FACTURES_PAYMENT_METHOD_CASH);
  ui_test_screenshot (GTK_WIDGET (dialog), "purchase-add.png");
  g_assert_true (factures_purchase_entry_dialog_save (FACTURES_PURCHASE_ENTRY_DIALOG (dialog)));
  ui_test_spin (300);
  row = find (GTK_WIDGET (window), row_titled, "T-12 — Papeterie Martin");
  g_assert_nonnull (row);
  g_assert_nonnull (find (row, button_labelled, "Annuler l’achat…"));
  /* 104,90 + 23,40 = 128,30 €, of which cash 23,40 € */
  g_assert_nonnull (find (GTK_WIDGET (window), label_has, "128,30"));
  g_assert_nonnull (find (GTK_WIDGET (window), label_has, "dont espèces\u00a0: 23,40"));
  ui_test_screenshot (GTK_WIDGET (window), "purchases.png");

  /* the export PDF: the register with its year's total */
  pdf_path = g_build_filename (dir, "achats.pdf", NULL);
  pdf = g_file_new_for_path (pdf_path);
  g_assert_true (factures_purchases_window_export (FACTURES_PURCHASES_WINDOW (window), pdf, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf_path, G_FILE_TEST_IS_REGULAR));
  g_unlink (pdf_path);

  /* « previous year » goes back to 1900 as the receipts register and the command line do
   * (it stopped at 2000), and no further */
  factures_purchases_window_set_year (FACTURES_PURCHASES_WINDOW (window), 2000);
  gtk_widget_activate_action (GTK_WIDGET (window), "purchases.previous-year", NULL);
  ui_test_spin (100);
  g_assert_nonnull (find (GTK_WIDGET (window), label_has, "1999"));
  factures_purchases_window_set_year (FACTURES_PURCHASES_WINDOW (window), 1900);
  gtk_widget_activate_action (GTK_WIDGET (window), "purchases.previous-year", NULL);
  ui_test_spin (100);
  g_assert_nonnull (find (GTK_WIDGET (window), label_has, "1900"));
  g_assert_null (find (GTK_WIDGET (window), label_has, "1899"));

  gtk_window_destroy (window);
  ui_test_spin (100);
  ui_test_store_free (store, g_steal_pointer (&dir));
}

static gboolean
row_subtitled (GtkWidget *w, gconstpointer text)
{
  return ADW_IS_ACTION_ROW (w) && gtk_widget_get_mapped (w)
         && strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (w)), text) != NULL;
}

/* Fifth trial, finding 7: a supplier's credit note (type 381) imported into Achats is a negative
 * line « Avoir d’achat importé » that lowers the year's total. Screenshot purchases-credit-note.png. */
static void
test_credit_note (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *xml_path = g_build_filename (g_getenv ("FACTURES_REFERENCE_DATA"), "02_facturx", "akretion",
                                                "fixtures", "xml", "factur-x-en16931.xml", NULL);
  g_autofree char *contents = NULL;
  const char *numbers[] = { "F20260023", "AV20260007" };
  FacturesImportedDirection direction;
  FacturesStore *store;
  GtkWindow *window;
  GtkWidget *row;

  if (!g_file_get_contents (xml_path, &contents, NULL, NULL))
    {
      g_test_skip ("the reference data (factur-x-en16931.xml) is missing");
      return;
    }
  store = ui_test_store_new (NULL, &dir);
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autoptr(GString) text = g_string_new (contents);
      g_autoptr(GBytes) bytes = NULL;
      FacturesInvoiceFile *file;

      if (i == 1)
        {
          g_string_replace (text, "<ram:ID>F20260023</ram:ID>", "<ram:ID>AV20260007</ram:ID>", 1);
          g_string_replace (text, "<ram:TypeCode>380</ram:TypeCode>", "<ram:TypeCode>381</ram:TypeCode>", 1);
        }
      bytes = g_bytes_new (text->str, text->len);
      file = factures_invoice_file_open (bytes, &error);
      g_assert_no_error (error);
      factures_store_import_history (store, file->imported, file->original, numbers[i], file->is_pdf, file->xml,
                                     factures_cii_profile_conformance_level (file->profile), file->figure_problems,
                                     &direction, &error);
      g_assert_no_error (error);
      factures_invoice_file_free (file);
    }

  window = GTK_WINDOW (factures_purchases_window_new (NULL, store));
  gtk_window_set_default_size (window, 760, 480);
  gtk_window_present (window);
  ui_test_spin (400);
  row = find (GTK_WIDGET (window), row_titled, "AV20260007 — LE FOURNISSEUR");
  g_assert_nonnull (row);
  g_assert_nonnull (find (row, label_has, "-104,90"));
  /* a credit note is money owed to the user: its refund, not a payment */
  g_assert_nonnull (find (row, button_labelled, "Enregistrer le remboursement…"));
  g_assert_null (find (row, button_labelled, "Enregistrer un paiement…"));
  g_assert_nonnull (find (GTK_WIDGET (window), row_subtitled, "remboursement non reçu"));
  g_assert_nonnull (find (GTK_WIDGET (window), row_subtitled, "Avoir d’achat importé"));
  g_assert_nonnull (find (GTK_WIDGET (window), row_subtitled, "Facture d’achat importée"));
  ui_test_screenshot (GTK_WIDGET (window), "purchases-credit-note.png");

  gtk_window_destroy (window);
  ui_test_spin (100);
  ui_test_store_free (store, g_steal_pointer (&dir));
}

int
main (int argc, char **argv)
{
  g_setenv ("FACTURES_TODAY", "2026-12-06", TRUE);
  g_setenv ("LANGUAGE", "fr", TRUE);
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
  g_test_add_func ("/purchases-ui/register", test_purchases);
  g_test_add_func ("/purchases-ui/credit-note", test_credit_note);
  return g_test_run ();
}
