/* test-facturx-ui.c — the Factur-X "Check" dialog and the import dialog (issue 6)
 *
 * On the fixture database (argv[1] builds it): the check of issued invoice F2026-0001
 * says it is a valid Factur-X file; importing its own exported file offers both
 * "Keep as History" and "Re-invoice as Draft", and "history" stores it as a sale; a
 * public sample with document charges (reference data) gets the draft response disabled.
 * Screenshots of both dialogs: <build>/tests/ui/facturx-check.png, facturx-import.png.
 * Exits 77 without a display (1 under CI).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <glib/gstdio.h>

#include "factures-facturx-ui.h"
#include "factures-facturx.h"
#include "factures-cii-reader.h"
#include "factures-pdf.h"
#include "factures-store-lifecycle.h"
#include "factures-store.h"
#include "factures-store-facturx.h"
#include "factures-store-facturx-drafts.h"
#include "ui-test-util.h"

static const char *fixture_exe;

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static AdwMessageDialog *
wait_dialog (void)
{
  for (guint i = 0; i < 100; i++)
    {
      AdwMessageDialog *dialog = find_dialog ();

      if (dialog != NULL)
        {
          ui_test_spin (300);
          return dialog;
        }
      ui_test_spin (20);
    }
  return NULL;
}

/* Closes every window but message dialogs and @keep (the editor a draft import opens). */
static GtkWidget *keep_window;

static void
close_editors (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (GTK_WIDGET (window) != keep_window && !ADW_IS_MESSAGE_DIALOG (window)
          && gtk_widget_get_visible (GTK_WIDGET (window)))
        gtk_window_destroy (window);
    }
  ui_test_spin (100);
}

static void
test_dialogs (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("facturx-ui-XXXXXX", &error);
  g_autofree char *db = g_build_filename (tmp, "factures.db", NULL);
  g_autofree char *pdf_path = g_build_filename (tmp, "F2026-0001.pdf", NULL);
  const char *argv[] = { fixture_exe, db, NULL };
  g_autoptr(FacturesStore) store = NULL;
  g_autoptr(FacturesDocument) doc = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GFile) file = NULL;
  GtkWidget *parent;
  AdwMessageDialog *dialog;
  int status = 0;

  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  store = factures_store_open (db, &error);
  g_assert_no_error (error);
  doc = factures_store_find_document (store, "F2026-0001", &error);
  g_assert_no_error (error);

  parent = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (parent), 600, 400);
  gtk_window_present (GTK_WINDOW (parent));
  keep_window = parent;
  ui_test_spin (100);

  /* Check */
  factures_facturx_ui_check_document (GTK_WINDOW (parent), store, doc->id);
  dialog = wait_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Factur-X Check");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), "This document is a valid Factur-X file."));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "XML schema (XSD): valid."));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "PDF/A-3 structure: correct."));
  ui_test_screenshot (GTK_WIDGET (dialog), "facturx-check.png");
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_spin (100);
  g_assert_null (find_dialog ());

  /* Import our own file: its number is one of our issued documents, so "history" is not
   * offered and the dialog says why before any click; re-invoicing as a draft is. */
  original = factures_store_get_original (store, doc->id, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (pdf_path, g_bytes_get_data (original, NULL), g_bytes_get_size (original), NULL));
  file = g_file_new_for_path (pdf_path);
  factures_facturx_ui_import_file (GTK_WINDOW (parent), store, file);
  dialog = wait_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Import Invoice F2026-0001?");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "draft"));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "history"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "already one of the documents issued"));
  ui_test_screenshot (GTK_WIDGET (dialog), "facturx-import.png");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_spin (100);
  g_assert_cmpint (factures_store_count_imported (store, FACTURES_IMPORTED_SALE, NULL), ==, 0);
  g_assert_null (find_dialog ());

  /* Re-invoiced as a draft once; the second time the app asks before making another one. */
  {
    g_autoptr(GArray) drafts = NULL;

    factures_facturx_ui_import_file (GTK_WINDOW (parent), store, file);
    dialog = wait_dialog ();
    g_assert_nonnull (dialog);
    adw_message_dialog_response (dialog, "draft");
    gtk_window_destroy (GTK_WINDOW (dialog));
    ui_test_spin (300);
    drafts = factures_store_find_import_drafts (store, "F2026-0001", NULL);
    g_assert_cmpuint (drafts->len, ==, 1);
    g_clear_pointer (&drafts, g_array_unref);
    close_editors ();

    factures_facturx_ui_import_file (GTK_WINDOW (parent), store, file);
    dialog = wait_dialog ();
    g_assert_nonnull (dialog);
    adw_message_dialog_response (dialog, "draft");
    gtk_window_destroy (GTK_WINDOW (dialog));
    ui_test_spin (100);
    dialog = wait_dialog ();
    g_assert_nonnull (dialog);
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Invoice F2026-0001 Was Already Re-invoiced");
    g_assert_true (adw_message_dialog_has_response (dialog, "draft-again"));
    ui_test_screenshot (GTK_WIDGET (dialog), "facturx-draft-again.png");
    adw_message_dialog_response (dialog, "cancel");
    gtk_window_destroy (GTK_WINDOW (dialog));
    ui_test_spin (100);
    drafts = factures_store_find_import_drafts (store, "F2026-0001", NULL);
    g_assert_cmpuint (drafts->len, ==, 1);
  }

  /* Another seller's file with document charges: no draft, the reason is shown. */
  {
    const char *ref = g_getenv ("FACTURES_REFERENCE_DATA");
    g_autofree char *sample = ref != NULL ? g_build_filename (ref, "02_facturx", "akretion", "fixtures", "pdf",
                                                             "invoice_EN16931.pdf", NULL) : NULL;

    if (sample != NULL && g_file_test (sample, G_FILE_TEST_EXISTS))
      {
        g_autoptr(GFile) other = g_file_new_for_path (sample);

        factures_facturx_ui_import_file (GTK_WINDOW (parent), store, other);
        dialog = wait_dialog ();
        g_assert_nonnull (dialog);
        g_assert_false (adw_message_dialog_get_response_enabled (dialog, "draft"));
        g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "charges"));
        adw_message_dialog_response (dialog, "cancel");
        gtk_window_destroy (GTK_WINDOW (dialog));
        ui_test_spin (100);
        g_assert_cmpint (factures_store_count_imported (store, FACTURES_IMPORTED_PURCHASE, NULL), ==, 0);

        /* Kept as history, it is listed in the purchases. */
        factures_facturx_ui_import_file (GTK_WINDOW (parent), store, other);
        dialog = wait_dialog ();
        g_assert_nonnull (dialog);
        adw_message_dialog_response (dialog, "history");
        gtk_window_destroy (GTK_WINDOW (dialog));
        ui_test_spin (100);
        dialog = wait_dialog ();
        g_assert_nonnull (dialog);
        g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Invoice F20260023 kept in the purchases");
        adw_message_dialog_response (dialog, "close");
        gtk_window_destroy (GTK_WINDOW (dialog));
        ui_test_spin (100);
        factures_facturx_ui_purchases (GTK_WINDOW (parent), store);
        ui_test_spin (300);
        {
          GListModel *toplevels = gtk_window_get_toplevels ();
          GtkWindow *purchases = NULL;

          for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
            {
              g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

              if (g_strcmp0 (gtk_window_get_title (w), "Purchases") == 0)
                purchases = w;
            }
          g_assert_nonnull (purchases);
          {
            GtkWidget *row = NULL;
            GtkWidget *w = GTK_WIDGET (purchases);

            /* depth-first search for the row titled with the number and seller */
            GQueue queue = G_QUEUE_INIT;

            g_queue_push_tail (&queue, w);
            while (!g_queue_is_empty (&queue) && row == NULL)
              {
                GtkWidget *cur = g_queue_pop_head (&queue);

                if (ADW_IS_ACTION_ROW (cur)
                    && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (cur)), "F20260023 — LE FOURNISSEUR") == 0)
                  row = cur;
                for (GtkWidget *c = gtk_widget_get_first_child (cur); c != NULL; c = gtk_widget_get_next_sibling (c))
                  g_queue_push_tail (&queue, c);
              }
            g_queue_clear (&queue);
            g_assert_nonnull (row);
            /* French date and amount, whatever the language; the row opens the invoice */
            g_test_message ("%s", adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
            g_assert_true (g_regex_match_simple ("^[0-3][0-9]/[01][0-9]/20[0-9][0-9] · ",
                                                 adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), 0, 0));
            /* the amount: the row's suffix (issue 17: a row of the registre des achats) */
            {
              gboolean amount_shown = FALSE;

              g_queue_push_tail (&queue, row);
              while (!g_queue_is_empty (&queue))
                {
                  GtkWidget *cur = g_queue_pop_head (&queue);

                  if (GTK_IS_LABEL (cur) && strstr (gtk_label_get_text (GTK_LABEL (cur)), ",90\xc2\xa0€") != NULL)
                    amount_shown = TRUE;
                  for (GtkWidget *c = gtk_widget_get_first_child (cur); c != NULL; c = gtk_widget_get_next_sibling (c))
                    g_queue_push_tail (&queue, c);
                }
              g_assert_true (amount_shown);
            }
            g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
            ui_test_screenshot (GTK_WIDGET (purchases), "facturx-purchases.png");
            g_signal_emit_by_name (row, "activated");
            dialog = wait_dialog ();
            g_assert_nonnull (dialog);
            g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Invoice F20260023");
            g_test_message ("%s", adw_message_dialog_get_body (dialog));
            g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Seller: LE FOURNISSEUR"));
            g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Total with VAT: "));
            g_assert_true (adw_message_dialog_has_response (dialog, "export"));
            ui_test_screenshot (GTK_WIDGET (dialog), "facturx-purchase-details.png");
            adw_message_dialog_response (dialog, "close");
            gtk_window_destroy (GTK_WINDOW (dialog));
            ui_test_spin (100);
          }
          /* "Export the Original…" writes the file as it came, byte for byte */
          {
            g_autofree char *out_path = g_build_filename (tmp, "export.pdf", NULL);
            g_autoptr(GFile) out = g_file_new_for_path (out_path);
            g_autofree char *a = NULL, *b = NULL;
            gsize la = 0, lb = 0;
            gint64 id = factures_store_find_imported (store, "F20260023", NULL, NULL);

            g_assert_true (factures_facturx_ui_export_imported_to (store, id, out, &error));
            g_assert_no_error (error);
            g_assert_true (g_file_get_contents (out_path, &a, &la, NULL));
            g_assert_true (g_file_get_contents (sample, &b, &lb, NULL));
            g_assert_cmpuint (la, ==, lb);
            g_assert_true (memcmp (a, b, la) == 0);
            g_unlink (out_path);
          }
          gtk_window_destroy (purchases);
        }
      }
  }

  gtk_window_destroy (GTK_WINDOW (parent));
  g_clear_object (&store);
  g_unlink (db);
  g_unlink (pdf_path);
  g_rmdir (tmp);
}


/* @xml (the XML of F2026-0001) with each FROM of @pairs replaced by its TO, written to @dir/@name. */
static GFile *
variant (GBytes *xml, const char *dir, const char *name, const char * const *pairs)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml));
  g_autofree char *path = g_build_filename (dir, name, NULL);

  for (guint i = 0; pairs[i] != NULL; i += 2)
    {
      g_auto(GStrv) parts = g_strsplit (text, pairs[i], 2);

      g_assert_nonnull (parts[1]);
      g_free (text);
      text = g_strconcat (parts[0], pairs[i + 1], parts[1], NULL);
    }
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return g_file_new_for_path (path);
}

/* The response's dialog for @file: its heading and body checked by the caller; NULL when none. */
static AdwMessageDialog *
import_dialog (GtkWidget *parent, FacturesStore *store, GFile *file)
{
  factures_facturx_ui_import_file (GTK_WINDOW (parent), store, file);
  return wait_dialog ();
}

static void
close_dialog (AdwMessageDialog *dialog, const char *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_spin (100);
}

/* Documents, clients and imported invoices as the store lists them: what a refusal must leave. */
static char *
store_counts (FacturesStore *store)
{
  g_autoptr(GListModel) documents = factures_store_list_documents (store, NULL, 0, FALSE);
  g_autoptr(GListModel) clients = factures_store_list_clients (store, NULL, 0, FALSE);

  return g_strdup_printf ("%u documents, %u clients, %" G_GINT64_FORMAT " imported",
                          g_list_model_get_n_items (documents), g_list_model_get_n_items (clients),
                          factures_store_count_imported (store, FACTURES_IMPORTED_SALE, NULL)
                          + factures_store_count_imported (store, FACTURES_IMPORTED_PURCHASE, NULL));
}

/* Issue 10: the import dialog makes a credit note (citing its invoice) or a deposit invoice,
 * refuses a corrected invoice, a damaged PDF, a date that is none; the store function refuses
 * the same when called directly; nothing is stored by a refusal. */
static void
test_kinds_and_refusals (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("facturx-ui10-XXXXXX", &error);
  g_autofree char *db = g_build_filename (tmp, "factures.db", NULL);
  const char *argv[] = { fixture_exe, db, NULL };
  g_autoptr(FacturesStore) store = NULL;
  g_autoptr(FacturesDocument) doc = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) xml = NULL;
  GtkWidget *parent;
  AdwMessageDialog *dialog;
  int status = 0;
  const char *reference = "</ram:SpecifiedTradeSettlementHeaderMonetarySummation>";
  const char *credit_pairs[] = {
    "<ram:TypeCode>380</ram:TypeCode>", "<ram:TypeCode>381</ram:TypeCode>",
    "<ram:ID>F2026-0001</ram:ID>", "<ram:ID>AV-UI-1</ram:ID>",
    reference, "</ram:SpecifiedTradeSettlementHeaderMonetarySummation><ram:InvoiceReferencedDocument>"
               "<ram:IssuerAssignedID>F2026-0001</ram:IssuerAssignedID></ram:InvoiceReferencedDocument>",
    NULL };
  const char *corrected_pairs[] = {
    "<ram:TypeCode>380</ram:TypeCode>", "<ram:TypeCode>384</ram:TypeCode>",
    "<ram:ID>F2026-0001</ram:ID>", "<ram:ID>RC-UI-1</ram:ID>", NULL };
  const char *deposit_pairs[] = {
    "<ram:TypeCode>380</ram:TypeCode>", "<ram:TypeCode>386</ram:TypeCode>",
    "<ram:ID>F2026-0001</ram:ID>", "<ram:ID>AC-UI-1</ram:ID>", NULL };
  const char *date_pairs[] = {
    "<udt:DateTimeString format=\"102\">20260110</udt:DateTimeString>",
    "<udt:DateTimeString format=\"102\">20261340</udt:DateTimeString>",
    "<ram:ID>F2026-0001</ram:ID>", "<ram:ID>DATE-UI-1</ram:ID>", NULL };
  g_autoptr(GFile) credit = NULL, corrected = NULL, deposit = NULL, bad_date = NULL, damaged = NULL;
  g_autofree char *before = NULL;

  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  store = factures_store_open (db, &error);
  g_assert_no_error (error);
  doc = factures_store_find_document (store, "F2026-0001", &error);
  g_assert_no_error (error);
  original = factures_store_get_original (store, doc->id, &error);
  g_assert_no_error (error);
  xml = factures_facturx_extract_xml (original, NULL, &error);
  g_assert_no_error (error);
  credit = variant (xml, tmp, "credit.xml", credit_pairs);
  corrected = variant (xml, tmp, "corrected.xml", corrected_pairs);
  deposit = variant (xml, tmp, "deposit.xml", deposit_pairs);
  bad_date = variant (xml, tmp, "date.xml", date_pairs);
  /* the PDF with 16 bytes zeroed in the middle of its first large compressed stream */
  {
    gsize size;
    const char *data = g_bytes_get_data (original, &size);
    g_autofree char *copy = g_memdup2 (data, size);
    g_autofree char *path = g_build_filename (tmp, "damaged.pdf", NULL);
    gsize mid = 0;

    for (gsize i = 0; i + 10 < size && mid == 0; i++)
      if (memcmp (data + i, ">>\nstream\n", 10) == 0)
        {
          g_autofree char *head = g_strndup (data + (i > 300 ? i - 300 : 0), i > 300 ? 300 : i);
          gsize start = i + 10, end = start;

          while (end + 9 < size && memcmp (data + end, "endstream", 9) != 0)
            end++;
          if (strstr (head, "/FlateDecode") != NULL && end - start > 1000)
            mid = (start + end) / 2;
        }
    g_assert_cmpuint (mid, >, 0);
    memset (copy + mid, 0, 16);
    g_assert_true (g_file_set_contents (path, copy, size, NULL));
    damaged = g_file_new_for_path (path);
  }

  parent = gtk_window_new ();
  gtk_window_present (GTK_WINDOW (parent));
  keep_window = parent;
  ui_test_spin (100);

  /* 381 citing F2026-0001 of the same client: a credit-note draft citing it */
  dialog = import_dialog (parent, store, credit);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Import Credit Note AV-UI-1?");
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "draft"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "credit note citing invoice F2026-0001"));
  close_dialog (dialog, "draft");
  ui_test_spin (200);
  {
    g_autoptr(GArray) drafts = factures_store_find_import_drafts (store, "AV-UI-1", NULL);
    g_autoptr(FacturesDocument) made = NULL;

    g_assert_cmpuint (drafts->len, ==, 1);
    made = factures_store_get_document (store, g_array_index (drafts, gint64, 0), &error);
    g_assert_no_error (error);
    g_assert_cmpint (made->kind, ==, FACTURES_DOCUMENT_KIND_CREDIT_NOTE);
    g_assert_nonnull (made->cites);
    g_assert_cmpstr (made->cites->number, ==, "F2026-0001");
    g_assert_cmpint (made->client_id, ==, doc->client_id);
    close_editors ();

    /* it issues like a credit note made from the invoice, and credits it */
    {
      g_autoptr(FacturesDocument) issued = factures_store_issue (store, made->id, factures_pdf_render_for_issue,
                                                                 NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpint (issued->kind, ==, FACTURES_DOCUMENT_KIND_CREDIT_NOTE);
      g_test_message ("issued credit note %s", issued->number);
      g_assert_cmpint (factures_store_get_credited_total (store, doc->id, NULL), >, 0);
    }
  }

  /* 386: a deposit-invoice draft */
  dialog = import_dialog (parent, store, deposit);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Import Deposit Invoice AC-UI-1?");
  close_dialog (dialog, "draft");
  ui_test_spin (200);
  {
    g_autoptr(GArray) drafts = factures_store_find_import_drafts (store, "AC-UI-1", NULL);
    g_autoptr(FacturesDocument) made = NULL;

    g_assert_cmpuint (drafts->len, ==, 1);
    made = factures_store_get_document (store, g_array_index (drafts, gint64, 0), &error);
    g_assert_cmpint (made->kind, ==, FACTURES_DOCUMENT_KIND_DEPOSIT);
    close_editors ();
    {
      g_autoptr(FacturesDocument) issued = factures_store_issue (store, made->id, factures_pdf_render_for_issue,
                                                                 NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpint (issued->kind, ==, FACTURES_DOCUMENT_KIND_DEPOSIT);
    }
  }
  /* the invoice is now fully credited: a second credit note of it is refused, with the reason */
  {
    g_autofree char *dir = g_strdup (tmp);
    const char *again_pairs[] = {
      "<ram:TypeCode>380</ram:TypeCode>", "<ram:TypeCode>381</ram:TypeCode>",
      "<ram:ID>F2026-0001</ram:ID>", "<ram:ID>AV-UI-2</ram:ID>",
      reference, "</ram:SpecifiedTradeSettlementHeaderMonetarySummation><ram:InvoiceReferencedDocument>"
                 "<ram:IssuerAssignedID>F2026-0001</ram:IssuerAssignedID></ram:InvoiceReferencedDocument>",
      NULL };
    g_autoptr(GFile) again = variant (xml, dir, "credit-again.xml", again_pairs);

    dialog = import_dialog (parent, store, again);
    g_assert_nonnull (dialog);
    g_test_message ("%s", adw_message_dialog_get_body (dialog));
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "draft"));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "left to credit"));
    close_dialog (dialog, "cancel");
  }

  before = store_counts (store);

  /* 384: no draft, the way is said */
  dialog = import_dialog (parent, store, corrected);
  g_assert_nonnull (dialog);
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "draft"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "make a credit note from it, then a new invoice"));
  close_dialog (dialog, "cancel");

  /* a damaged PDF and a date that is none: refused before any choice */
  dialog = import_dialog (parent, store, damaged);
  g_assert_nonnull (dialog);
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The file is refused");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "damaged"));
  close_dialog (dialog, "close");
  dialog = import_dialog (parent, store, bad_date);
  g_assert_nonnull (dialog);
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The file is refused");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "BT-2"));
  close_dialog (dialog, "close");

  /* the store function, called directly, refuses the same */
  {
    g_autoptr(FacturesImported) date_file = NULL;
    g_autoptr(FacturesImported) corrected_file = NULL;
    g_autoptr(GBytes) date_bytes = g_file_load_bytes (bad_date, NULL, NULL, NULL);
    g_autoptr(GBytes) corrected_bytes = g_file_load_bytes (corrected, NULL, NULL, NULL);

    date_file = factures_cii_read (date_bytes, &error);
    g_assert_no_error (error);
    g_assert_cmpint (factures_store_import_history (store, date_file, date_bytes, "date.xml", FALSE, date_bytes,
                                                    "EN 16931", NULL, NULL, &error), ==, 0);
    g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "BT-2"));
    g_clear_error (&error);
    g_assert_cmpint (factures_store_import_draft (store, date_file, &error), ==, 0);
    g_assert_nonnull (strstr (error->message, "BT-2"));
    g_clear_error (&error);
    corrected_file = factures_cii_read (corrected_bytes, &error);
    g_assert_no_error (error);
    g_assert_cmpint (factures_store_import_draft (store, corrected_file, &error), ==, 0);
    g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "384"));
    g_clear_error (&error);
  }
  {
    g_autofree char *after = store_counts (store);

    g_test_message ("%s", after);
    g_assert_cmpstr (after, ==, before);
  }

  keep_window = NULL;
  gtk_window_destroy (GTK_WINDOW (parent));
  ui_test_spin (100);
  g_clear_object (&store);
  {
    const char *names[] = { "factures.db", "credit-again.xml", "credit.xml", "corrected.xml", "deposit.xml", "date.xml", "damaged.pdf" };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autofree char *path = g_build_filename (tmp, names[i], NULL);

        g_unlink (path);
      }
  }
  g_rmdir (tmp);
}

int
main (int argc, char **argv)
{
  if (argc < 2)
    {
      g_printerr ("usage: test-facturx-ui FIXTURE\n");
      return 2;
    }
  fixture_exe = argv[1];
  argc--;
  argv[1] = argv[0];
  argv++;
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      if (g_getenv ("CI") != NULL)
        return 1;
      return 77;
    }
  adw_init ();
  g_test_add_func ("/facturx-ui/dialogs", test_dialogs);
  g_test_add_func ("/facturx-ui/kinds-and-refusals", test_kinds_and_refusals);
  return g_test_run ();
}
