/* test-document-status.c — the documents list's statuses, their French agreement, the
 * status and year filters, and a draft deleted from the list (issue 11 items 3 and 4)
 *
 * Runs in French (LANGUAGE=fr, the build's translations). Needs a display (suite ui) for
 * the page: skipped without DISPLAY, failed under CI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <adwaita.h>

#include "factures-document-status.h"
#include "factures-document-view.h"
#include "factures-payments-panel.h"
#include "factures-documents.h"
#include "factures-documents-page.h"
#include "factures-lifecycle.h"
#include "factures-pdf.h"
#include "factures-rows.h"
#include "factures-store-payments.h"
#include "ui-test-util.h"

/* ---- labels: pure facts, no store ---------------------------------------- */

static FacturesDocumentFacts
issued (FacturesDocumentKind kind)
{
  FacturesDocumentFacts facts = { 0, };

  facts.kind = kind;
  facts.status = FACTURES_DOCUMENT_STATUS_ISSUED;
  facts.quote_status = -1;
  facts.amount_due = 100000;
  facts.balance = 100000;
  return facts;
}

static void
expect_label (const FacturesDocumentFacts *facts,
              FacturesDocumentState        state,
              const char                  *label)
{
  g_autofree char *text = factures_document_state_label (facts);

  g_assert_cmpint (factures_document_state_of (facts), ==, state);
  g_assert_cmpstr (text, ==, label);
}

static void
test_french_agreement (void)
{
  FacturesDocumentFacts invoice = issued (FACTURES_DOCUMENT_KIND_INVOICE);
  FacturesDocumentFacts deposit = issued (FACTURES_DOCUMENT_KIND_DEPOSIT);
  FacturesDocumentFacts credit = issued (FACTURES_DOCUMENT_KIND_CREDIT_NOTE);
  FacturesDocumentFacts draft = invoice;

  /* Une facture : émise, envoyée, payée… */
  expect_label (&invoice, FACTURES_DOCUMENT_STATE_ISSUED, "Émise");
  expect_label (&deposit, FACTURES_DOCUMENT_STATE_ISSUED, "Émise");
  invoice.sent = TRUE;
  expect_label (&invoice, FACTURES_DOCUMENT_STATE_SENT, "Envoyée");
  invoice.paid = 40000;
  invoice.balance = 60000;
  expect_label (&invoice, FACTURES_DOCUMENT_STATE_PARTLY_PAID, "Partiellement payée");
  invoice.paid = 100000;
  invoice.balance = 0;
  expect_label (&invoice, FACTURES_DOCUMENT_STATE_PAID, "Payée");
  invoice.paid = 0;
  invoice.balance = 100000;
  invoice.disputed = TRUE;
  expect_label (&invoice, FACTURES_DOCUMENT_STATE_DISPUTED, "Contestée");
  invoice.disputed = FALSE;
  invoice.credited = 100000;
  invoice.balance = 0;
  expect_label (&invoice, FACTURES_DOCUMENT_STATE_CANCELLED, "Annulée");

  /* … un avoir : émis, envoyé. */
  expect_label (&credit, FACTURES_DOCUMENT_STATE_ISSUED, "Émis");
  credit.sent = TRUE;
  expect_label (&credit, FACTURES_DOCUMENT_STATE_SENT, "Envoyé");

  /* A quote keeps its own status (envoyé, accepté…). */
  {
    FacturesDocumentFacts quote = issued (FACTURES_DOCUMENT_KIND_QUOTE);

    quote.quote_status = FACTURES_QUOTE_STATUS_ACCEPTED;
    expect_label (&quote, FACTURES_DOCUMENT_STATE_QUOTE, "Accepté");
  }

  draft.status = FACTURES_DOCUMENT_STATUS_DRAFT;
  expect_label (&draft, FACTURES_DOCUMENT_STATE_DRAFT, "Brouillon");
}

static void
test_precedence (void)
{
  FacturesDocumentFacts invoice = issued (FACTURES_DOCUMENT_KIND_INVOICE);

  /* Overdue before partly paid: what is late matters first; "N days" in French. */
  invoice.paid = 20000;
  invoice.balance = 80000;
  invoice.days_late = 12;
  invoice.sent = TRUE;
  expect_label (&invoice, FACTURES_DOCUMENT_STATE_OVERDUE, "En retard de 12 jours");
  invoice.days_late = 1;
  expect_label (&invoice, FACTURES_DOCUMENT_STATE_OVERDUE, "En retard de 1 jour");
  /* A dispute stops the ladder: it is said before the delay. */
  invoice.disputed = TRUE;
  expect_label (&invoice, FACTURES_DOCUMENT_STATE_DISPUTED, "Contestée");
  /* Credited in full: cancelled, whatever else. */
  invoice.credited = 100000;
  invoice.balance = -20000;
  expect_label (&invoice, FACTURES_DOCUMENT_STATE_CANCELLED, "Annulée");
}

/* ---- the page, on a real store ------------------------------------------- */

typedef struct
{
  char          *dir;
  FacturesStore *store;
  gint64         draft_id;
  gint64         partly_id;
} Fixture;

static gint64
add_invoice (FacturesStore *store,
             gint64         client_id,
             const char    *iso_date,
             gint64         cents,
             gboolean       issue)
{
  g_autoptr (FacturesDocument) document = factures_document_new (FACTURES_DOCUMENT_KIND_INVOICE);
  g_autoptr (FacturesDocument) done = NULL;
  g_autoptr (GError) error = NULL;
  FacturesLine *line = factures_line_new ();

  document->client_id = client_id;
  g_assert_true (factures_date_parse_iso (iso_date, &document->issue_date, NULL));
  g_free (line->description);
  line->description = g_strdup ("Prestation");
  line->quantity = FACTURES_QUANTITY_ONE;
  line->unit_price = cents * 10000;
  g_ptr_array_add (document->lines, line);
  g_assert_true (factures_store_save_draft (store, document, &error));
  g_assert_no_error (error);
  if (!issue)
    return document->id;
  done = factures_store_issue (store, document->id, factures_pdf_render_for_issue, NULL, &error);
  g_assert_no_error (error);
  return done->id;
}

static void
pay (FacturesStore *store,
     gint64         id,
     const char    *iso_date,
     gint64         cents)
{
  g_autoptr (FacturesPayment) payment = factures_payment_new ();
  g_autoptr (GError) error = NULL;

  g_assert_true (factures_date_parse_iso (iso_date, &payment->date, NULL));
  payment->amount = cents;
  payment->method = FACTURES_PAYMENT_METHOD_TRANSFER;
  factures_payment_add_allocation (payment, id, cents);
  g_assert_true (factures_store_record_payment (store, payment, FACTURES_OVERPAYMENT_REFUSE, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FacturesProfile) profile = factures_profile_new ();
  g_autoptr (FacturesClient) client = factures_client_new ();
  g_autofree char *path = NULL;
  gint64 paid, partly, disputed;
  GDate date;

  fixture->dir = g_dir_make_tmp ("factures-test-document-status-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "factures.db", NULL);
  fixture->store = factures_store_open (path, &error);
  g_assert_no_error (error);

  factures_party_clear (&profile->party);
  profile->party.name = g_strdup ("Camille Martin EI");
  profile->party.address = g_strdup ("12 rue des Lilas");
  profile->party.postal_code = g_strdup ("69003");
  profile->party.city = g_strdup ("Lyon");
  profile->party.country_code = g_strdup ("FR");
  profile->party.siren = g_strdup ("732829320");
  profile->party.siret = g_strdup ("73282932000074");
  profile->registry = FACTURES_REGISTRY_NONE;
  profile->activity = FACTURES_ACTIVITY_SERVICES;
  profile->vat_regime = FACTURES_VAT_REGIME_FRANCHISE;
  profile->default_terms.kind = FACTURES_TERMS_DAYS;
  profile->default_terms.days = 30;
  g_assert_true (factures_store_save_profile (fixture->store, profile, &error));
  g_assert_no_error (error);

  client->category = FACTURES_CLIENT_CATEGORY_COMPANY;
  client->party.name = g_strdup ("Atelier Dupont SARL");
  client->party.address = g_strdup ("3 avenue Foch");
  client->party.postal_code = g_strdup ("75016");
  client->party.city = g_strdup ("Paris");
  client->party.country_code = g_strdup ("FR");
  client->party.siren = g_strdup ("552081317");
  g_assert_true (factures_store_save_client (fixture->store, client, &error));
  g_assert_no_error (error);

  /* FACTURES_TODAY=2026-04-15 (main): 30-day terms. */
  /* In date order: numbers follow the dates. */
  add_invoice (fixture->store, client->id, "2025-12-01", 50000, TRUE);          /* overdue, 2025 */
  disputed = add_invoice (fixture->store, client->id, "2026-02-01", 24000, TRUE);
  paid = add_invoice (fixture->store, client->id, "2026-03-20", 30000, TRUE);
  partly = add_invoice (fixture->store, client->id, "2026-04-01", 251079, TRUE);
  add_invoice (fixture->store, client->id, "2026-04-10", 6000, TRUE);          /* issued */
  fixture->draft_id = add_invoice (fixture->store, client->id, "2026-04-12", 9000, FALSE);

  pay (fixture->store, paid, "2026-04-02", 30000);
  pay (fixture->store, partly, "2026-04-12", 100000);
  fixture->partly_id = partly;
  g_assert_true (factures_date_parse_iso ("2026-04-10", &date, NULL));
  g_assert_true (factures_store_set_dispute (fixture->store, disputed, TRUE, "Heures contestées", &date, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->store);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* The rows the page shows, once an incremental filter has gone through them all. */
static GListModel *
shown_rows (GtkWidget *page)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (ui_test_find_type (page, GTK_TYPE_COLUMN_VIEW));
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  GListModel *inner = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model));

  while (GTK_IS_FILTER_LIST_MODEL (inner) && gtk_filter_list_model_get_pending (GTK_FILTER_LIST_MODEL (inner)) > 0)
    g_main_context_iteration (NULL, TRUE);
  return model;
}

static GPtrArray *
shown_states (Fixture   *fixture,
              GtkWidget *page)
{
  GListModel *model = shown_rows (page);
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (FacturesDocumentRow) row = g_list_model_get_item (model, i);
      FacturesDocumentFacts facts;

      factures_document_facts_load (fixture->store, row, &facts);
      g_ptr_array_add (labels, factures_document_state_label (&facts));
    }
  return labels;
}

static gboolean
has (GPtrArray  *labels,
     const char *label)
{
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (g_ptr_array_index (labels, i), label) == 0)
      return TRUE;
  return FALSE;
}

static void
test_page_filters (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *page = factures_documents_page_new (fixture->store);
  GtkDropDown *status_filter, *year_filter;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) partly = NULL;
  GListModel *years;
  GtkWidget *child;

  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  gtk_window_set_child (GTK_WINDOW (window), overlay);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 420);
  gtk_window_present (GTK_WINDOW (window));

  all = shown_states (fixture, page);
  g_assert_cmpuint (all->len, ==, 6);
  g_assert_true (has (all, "Payée"));
  g_assert_true (has (all, "Partiellement payée"));
  g_assert_true (has (all, "Contestée"));
  g_assert_true (has (all, "Émise"));
  g_assert_true (has (all, "Brouillon"));
  g_assert_true (has (all, "En retard de 105 jours"));   /* due 2025-12-31 */

  /* The two drop-downs: statuses first, then years. */
  child = ui_test_find_type (page, GTK_TYPE_DROP_DOWN);
  status_filter = GTK_DROP_DOWN (child);
  year_filter = NULL;
  for (GtkWidget *sibling = gtk_widget_get_next_sibling (child); sibling != NULL;
       sibling = gtk_widget_get_next_sibling (sibling))
    if (GTK_IS_DROP_DOWN (sibling))
      {
        year_filter = GTK_DROP_DOWN (sibling);
        break;
      }
  g_assert_nonnull (year_filter);

  gtk_drop_down_set_selected (status_filter, FACTURES_DOCUMENT_STATE_PARTLY_PAID);
  partly = shown_states (fixture, page);
  g_assert_cmpuint (partly->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (partly, 0), ==, "Partiellement payée");
  {
    g_autoptr (FacturesDocumentRow) row = g_list_model_get_item (shown_rows (page), 0);

    g_assert_cmpint (factures_document_row_get_balance (row), ==, 151079);   /* 1 510,79 € left */
  }

  gtk_drop_down_set_selected (status_filter, FACTURES_DOCUMENT_STATE_OVERDUE);
  g_assert_cmpuint (g_list_model_get_n_items (shown_rows (page)), ==, 1);
  ui_test_screenshot (window, "document-status-overdue.png");

  /* Years: "Toutes les années", 2026, 2025; 2025 alone holds the overdue invoice. */
  years = gtk_drop_down_get_model (year_filter);
  g_assert_cmpuint (g_list_model_get_n_items (years), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (years), 0), ==, "Toutes les années");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (years), 1), ==, "2026");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (years), 2), ==, "2025");
  gtk_drop_down_set_selected (status_filter, FACTURES_DOCUMENT_STATE_ANY);
  gtk_drop_down_set_selected (year_filter, 2);
  g_assert_cmpuint (g_list_model_get_n_items (shown_rows (page)), ==, 1);
  gtk_drop_down_set_selected (year_filter, 1);
  g_assert_cmpuint (g_list_model_get_n_items (shown_rows (page)), ==, 5);
  ui_test_screenshot (window, "document-status-2026.png");
  gtk_drop_down_set_selected (year_filter, 0);
  g_assert_cmpuint (g_list_model_get_n_items (shown_rows (page)), ==, 6);

  /* Deleting the draft: gone from the list at once, still in the store until the toast
   * goes; closing the window (quitting) performs it. An issued document is refused. */
  g_assert_false (factures_documents_page_delete_draft (FACTURES_DOCUMENTS_PAGE (page), 1));
  /* The editor's way needs the application's main window (journey-documents drives it). */
  g_assert_false (factures_documents_delete_draft_with_undo (GTK_WINDOW (window), fixture->draft_id));
  g_assert_true (factures_documents_page_delete_draft (FACTURES_DOCUMENTS_PAGE (page), fixture->draft_id));
  g_assert_cmpuint (g_list_model_get_n_items (shown_rows (page)), ==, 5);
  {
    /* Hidden without filtering: the list stays the lazy SQL model underneath. */
    GListModel *inner = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (shown_rows (page)));

    g_assert_false (GTK_IS_FILTER_LIST_MODEL (inner));
    for (guint i = 0; i < g_list_model_get_n_items (inner); i++)
      {
        g_autoptr (FacturesDocumentRow) row = g_list_model_get_item (inner, i);

        g_assert_cmpint (factures_document_row_get_id (row), !=, fixture->draft_id);
      }
  }
  {
    g_autoptr (FacturesDocument) still = factures_store_get_document (fixture->store, fixture->draft_id, NULL);

    g_assert_nonnull (still);
  }
  gtk_window_close (GTK_WINDOW (window));
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (FacturesDocument) gone = factures_store_get_document (fixture->store, fixture->draft_id, &error);

    g_assert_null (gone);
    g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND);
  }
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The issued-document view of the invoice paid in part: its Payments panel says what the
 * list says; screenshots in light and dark at 1024×700. */
static void
test_view (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  FacturesDocumentView *view = factures_document_view_new (fixture->store, fixture->partly_id, &error);
  GtkWidget *panel;

  g_assert_no_error (error);
  g_assert_nonnull (view);
  panel = ui_test_find_type (GTK_WIDGET (view), FACTURES_TYPE_PAYMENTS_PANEL);
  g_assert_nonnull (panel);
  g_assert_cmpint (factures_payments_panel_get_balance (FACTURES_PAYMENTS_PANEL (panel)), ==, 151079);

  /* A draft is the editor's: refused here. */
  g_assert_null (factures_document_view_new (fixture->store, fixture->draft_id, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);

  gtk_window_set_default_size (GTK_WINDOW (view), 1024, 700);
  gtk_window_present (GTK_WINDOW (view));
  ui_test_screenshot (GTK_WIDGET (view), "document-view-light.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  ui_test_screenshot (GTK_WIDGET (view), "document-view-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (view));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("LANGUAGE", "fr", TRUE);
  g_setenv ("FACTURES_TODAY", "2026-04-15", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("FACTURES_LOCALEDIR") ? g_getenv ("FACTURES_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/document-status/french-agreement", test_french_agreement);
  g_test_add_func ("/document-status/precedence", test_precedence);

  if (g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL)
    {
      gtk_init ();
      adw_init ();
      g_test_add ("/document-status/page-filters-and-delete", Fixture, NULL, fixture_set_up,
                  test_page_filters, fixture_tear_down);
      g_test_add ("/document-status/view", Fixture, NULL, fixture_set_up, test_view, fixture_tear_down);
    }
  else if (g_getenv ("CI") != NULL)
    g_error ("needs a display");

  return g_test_run ();
}
