/* test-dunning-ui.c — the pieces of the dunning UI that compute: instalment split,
 * aging chart description, letters filled from the store (penalties, waiver)
 *
 * Needs a display (suite ui): skipped without DISPLAY, failed under CI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <poppler.h>

#include "factures-aging-chart.h"
#include "factures-dunning-actions.h"
#include "factures-dunning-dialog.h"
#include "factures-instalments-dialog.h"
#include "factures-overdue-page.h"
#include "factures-todo-item.h"
#include "factures-payment-dialog.h"
#include "factures-rows.h"
#include "factures-store-payments.h"
#include "store-test-util.h"
#include "ui-test-util.h"

static void
test_split (void)
{
  g_autoptr (GArray) plan = NULL;
  GDate first;
  g_autofree char *d1 = NULL;
  g_autofree char *d2 = NULL;
  g_autofree char *d3 = NULL;
  gint64 sum = 0;

  g_date_set_dmy (&first, 31, G_DATE_JANUARY, 2028);
  plan = factures_instalments_split (100000, 3, &first);
  g_assert_cmpuint (plan->len, ==, 3);
  for (guint i = 0; i < plan->len; i++)
    {
      g_assert_cmpint (g_array_index (plan, FacturesInstalment, i).number, ==, (gint) i + 1);
      sum += g_array_index (plan, FacturesInstalment, i).amount;
    }
  g_assert_cmpint (sum, ==, 100000);
  g_assert_cmpint (g_array_index (plan, FacturesInstalment, 0).amount, ==, 33333);
  g_assert_cmpint (g_array_index (plan, FacturesInstalment, 2).amount, ==, 33334);
  /* month ends: 31 January, 29 February (leap year), 31 March */
  d1 = factures_date_format_iso (&g_array_index (plan, FacturesInstalment, 0).due_date);
  d2 = factures_date_format_iso (&g_array_index (plan, FacturesInstalment, 1).due_date);
  d3 = factures_date_format_iso (&g_array_index (plan, FacturesInstalment, 2).due_date);
  g_assert_cmpstr (d1, ==, "2028-01-31");
  g_assert_cmpstr (d2, ==, "2028-02-29");
  g_assert_cmpstr (d3, ==, "2028-03-31");

  g_clear_pointer (&plan, g_array_unref);
  plan = factures_instalments_split (12345, 1, &first);
  g_assert_cmpuint (plan->len, ==, 1);
  g_assert_cmpint (g_array_index (plan, FacturesInstalment, 0).amount, ==, 12345);
}

static void
test_chart (void)
{
  GtkWidget *chart = g_object_ref_sink (factures_aging_chart_new ());
  const gint64 amounts[5] = { 26000, 125050, 24000, 159000, 0 };
  const guint counts[5] = { 2, 1, 1, 1, 0 };
  g_autofree char *text = NULL;
  g_autofree char *a = factures_money_format (125050);
  g_autofree char *b = factures_money_format (159000);

  factures_aging_chart_set (FACTURES_AGING_CHART (chart), amounts, counts);
  text = factures_aging_chart_describe (FACTURES_AGING_CHART (chart));
  g_assert_nonnull (strstr (text, a));
  g_assert_nonnull (strstr (text, b));
  g_assert_nonnull (strstr (text, "2 invoices"));
  g_assert_nonnull (strstr (text, "Over 90 days"));
  /* five buckets, in order */
  g_assert_true (strstr (text, "Not yet due") < strstr (text, "1–30 days"));
  g_assert_true (strstr (text, "61–90 days") < strstr (text, "Over 90 days"));
  g_object_unref (chart);
}

/* A company invoice of 200 € issued 2026-01-10 (30 days: due 2026-02-09), 50 € paid on
 * 2026-03-01; the formal notice written on 2026-04-15. */
static void
test_letter_from_store (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_db_path (dir);
  g_autoptr (FacturesStore) store = NULL;
  g_autoptr (FacturesProfile) profile = store_test_profile ();
  g_autoptr (FacturesClient) client = store_test_client ("Atelier Dupont SARL");
  g_autoptr (FacturesDocument) draft = NULL;
  g_autoptr (FacturesDocument) issued = NULL;
  g_autoptr (FacturesPayment) payment = factures_payment_new ();
  g_autoptr (FacturesLetter) letter = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (FacturesPenalties) penalties = { 0 };
  GDate today;
  gint64 sum = 0;

  store = factures_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_save_profile (store, profile, &error));
  g_assert_true (factures_store_save_client (store, client, &error));
  draft = store_test_draft (client->id, "2026-01-10", 2);
  g_assert_true (factures_store_save_draft (store, draft, &error));
  issued = factures_store_issue (store, draft->id, store_test_render, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (factures_date_parse_iso ("2026-03-01", &payment->date, NULL));
  payment->amount = 5000;
  payment->method = FACTURES_PAYMENT_METHOD_TRANSFER;
  factures_payment_add_allocation (payment, issued->id, 0);
  g_assert_true (factures_store_record_payment (store, payment, FACTURES_OVERPAYMENT_REFUSE, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (factures_date_parse_iso ("2026-04-15", &today, NULL));
  g_assert_true (factures_store_compute_penalties (store, issued->id, &today, &penalties, &error));
  letter = factures_dunning_build_letter (store, issued->id, FACTURES_LETTER_FORMAL_NOTICE, &today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (letter);
  g_assert_cmpstr (letter->number, ==, issued->number);
  g_assert_cmpint (letter->total, ==, 20000);
  g_assert_cmpint (letter->paid, ==, 5000);
  g_assert_cmpint (letter->principal, ==, 15000);
  g_assert_cmpint (letter->indemnity, ==, 4000);
  g_assert_false (letter->waived);
  /* the stretch before the payment runs on 200 €, the one after on 150 € */
  g_assert_cmpuint (letter->periods->len, ==, penalties.segments->len);
  g_assert_cmpuint (letter->periods->len, >=, 2);
  g_assert_cmpint (g_array_index (letter->periods, FacturesLetterPeriod, 0).base, ==, 20000);
  g_assert_cmpint (g_array_index (letter->periods, FacturesLetterPeriod, letter->periods->len - 1).base, ==, 15000);
  for (guint i = 0; i < letter->periods->len; i++)
    sum += g_array_index (letter->periods, FacturesLetterPeriod, i).amount;
  g_assert_cmpint (sum, ==, letter->interest);
  g_assert_cmpint (letter->interest, ==, penalties.interest);
  g_assert_cmpint (letter->interest, >, 0);
  g_assert_nonnull (letter->rate_basis);
  {
    gint64 claimed = 0;
    GDate deadline;
    g_autofree char *iso = NULL;

    g_assert_true (factures_letter_claimed (letter, &claimed));
    g_assert_cmpint (claimed, ==, 15000 + letter->interest + 4000);
    factures_letter_deadline (letter, &deadline);
    iso = factures_date_format_iso (&deadline);
    g_assert_cmpstr (iso, ==, "2026-04-23");
  }

  /* waived: neither interest nor indemnity claimed */
  g_assert_true (factures_store_waive_penalties (store, issued->id, TRUE, NULL, &error));
  g_clear_pointer (&letter, factures_letter_free);
  letter = factures_dunning_build_letter (store, issued->id, FACTURES_LETTER_REGISTERED_REMINDER, &today, &error);
  g_assert_no_error (error);
  g_assert_true (letter->waived);
  g_assert_cmpint (letter->interest, ==, 0);
  g_assert_cmpint (letter->indemnity, ==, 0);
  g_assert_cmpuint (letter->periods->len, ==, 0);

  g_clear_object (&store);
  store_test_remove_dir (dir);
}

static char *
letter_text (const FacturesLetter *letter)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = factures_letter_render (letter, &error);
  PopplerDocument *doc = NULL;
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  doc = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      g_autofree char *t = poppler_page_get_text (page);

      g_string_append (text, t);
      g_object_unref (page);
    }
  g_object_unref (doc);
  return g_string_free (text, FALSE);
}

/* The formal notice cites the tracking number recorded with the registered letter step
 * (its dunning_events note), and only a number: "Registered letter sent" cites none. */
static void
test_notice_cites_tracking (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_db_path (dir);
  g_autoptr (FacturesStore) store = NULL;
  g_autoptr (FacturesProfile) profile = store_test_profile ();
  g_autoptr (FacturesClient) client = store_test_client ("Atelier Dupont SARL");
  g_autoptr (FacturesDocument) draft = NULL;
  g_autoptr (FacturesDocument) issued = NULL;
  g_autoptr (FacturesLetter) letter = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *note = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  GDate today, sent;

  store = factures_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_save_profile (store, profile, &error));
  g_assert_true (factures_store_save_client (store, client, &error));
  draft = store_test_draft (client->id, "2026-01-10", 2);
  g_assert_true (factures_store_save_draft (store, draft, &error));
  issued = factures_store_issue (store, draft->id, store_test_render, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (factures_date_parse_iso ("2026-04-15", &today, NULL));

  /* No registered letter yet: none cited. */
  letter = factures_dunning_build_letter (store, issued->id, FACTURES_LETTER_FORMAL_NOTICE, &today, &error);
  g_assert_no_error (error);
  g_assert_null (letter->tracking);
  g_clear_pointer (&letter, factures_letter_free);

  /* The registered letter step, sent without a number first, then the number added. */
  g_assert_true (factures_date_parse_iso ("2026-03-12", &sent, NULL));
  {
    /* The amicable steps before it are skipped, as the ladder asks. */
    g_autoptr (GPtrArray) plan = factures_store_get_dunning_plan (store, issued->id, &today, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < plan->len; i++)
      {
        const FacturesDunningTask *task = g_ptr_array_index (plan, i);

        if (task->step.channel == FACTURES_DUNNING_CHANNEL_LETTER)
          {
            g_assert_cmpstr (task->step.step_key, ==, "+30:letter");
            break;
          }
        g_assert_true (factures_store_skip_step (store, issued->id, 0, task->step.step_key,
                                                 &task->step.date, NULL, &error));
        g_assert_no_error (error);
      }
  }
  g_assert_true (factures_store_perform_step (store, issued->id, 0, "+30:letter", &sent,
                                              "Registered letter sent", &error));
  g_assert_no_error (error);
  letter = factures_dunning_build_letter (store, issued->id, FACTURES_LETTER_FORMAL_NOTICE, &today, &error);
  g_assert_no_error (error);
  g_assert_null (letter->tracking);
  g_clear_pointer (&letter, factures_letter_free);

  note = factures_dunning_tracking_note ("1A 234 567 8901 2");
  g_assert_true (factures_store_set_step_note (store, issued->id, 0, "+30:letter", note, &error));
  g_assert_no_error (error);
  letter = factures_dunning_build_letter (store, issued->id, FACTURES_LETTER_FORMAL_NOTICE, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (letter->tracking, ==, "1A 234 567 8901 2");
  text = letter_text (letter);
  flat = g_strdelimit (g_strdup (text), "\n", ' ');
  g_assert_nonnull (strstr (flat, "n° 1A 234 567 8901 2"));
  g_clear_pointer (&letter, factures_letter_free);

  /* The registered reminder itself cites nothing. */
  letter = factures_dunning_build_letter (store, issued->id, FACTURES_LETTER_REGISTERED_REMINDER, &today, &error);
  g_assert_no_error (error);
  g_assert_null (letter->tracking);

  /* Notes: in English whatever the language, and nothing but the number. */
  {
    g_autofree char *a = factures_dunning_tracking_from_note ("Registered letter, tracking number  RR 12 ");
    g_autofree char *b = factures_dunning_tracking_from_note ("Registered letter sent");
    g_autofree char *c = factures_dunning_tracking_from_note ("Registered letter, tracking number ");
    g_autofree char *d = factures_dunning_tracking_from_note (NULL);

    g_assert_cmpstr (a, ==, "RR 12");
    g_assert_null (b);
    g_assert_null (c);
    g_assert_null (d);
  }

  g_clear_object (&store);
  store_test_remove_dir (dir);
}

/* The overdue list sorted in SQL by what is still due (FACTURES_DOCUMENT_SORT_BALANCE):
 * 300 € with 250 € paid comes before 100 € unpaid and 200 € unpaid. */
static void
test_sort_by_balance (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_db_path (dir);
  g_autoptr (FacturesStore) store = NULL;
  g_autoptr (FacturesProfile) profile = store_test_profile ();
  g_autoptr (FacturesClient) client = store_test_client ("Atelier Dupont SARL");
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) ascending = NULL;
  g_autoptr (GListModel) descending = NULL;
  const guint n_lines[3] = { 3, 1, 2 };
  gint64 ids[3];
  GDate today;

  store = factures_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_save_profile (store, profile, &error));
  g_assert_true (factures_store_save_client (store, client, &error));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (FacturesDocument) draft = store_test_draft (client->id, "2026-01-10", n_lines[i]);
      g_autoptr (FacturesDocument) issued = NULL;

      g_assert_true (factures_store_save_draft (store, draft, &error));
      issued = factures_store_issue (store, draft->id, store_test_render, NULL, &error);
      g_assert_no_error (error);
      ids[i] = issued->id;
    }
  {
    g_autoptr (FacturesPayment) payment = factures_payment_new ();

    g_assert_true (factures_date_parse_iso ("2026-03-01", &payment->date, NULL));
    payment->amount = 25000;
    factures_payment_add_allocation (payment, ids[0], 0);
    g_assert_true (factures_store_record_payment (store, payment, FACTURES_OVERPAYMENT_REFUSE, NULL, &error));
  }

  g_assert_true (factures_date_parse_iso ("2026-04-15", &today, NULL));
  ascending = factures_store_list_overdue (store, &today, FACTURES_DOCUMENT_SORT_BALANCE, FALSE);
  descending = factures_store_list_overdue (store, &today, FACTURES_DOCUMENT_SORT_BALANCE, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (ascending), ==, 3);
  {
    const gint64 expected[3] = { 5000, 10000, 20000 };

    for (guint i = 0; i < 3; i++)
      {
        g_autoptr (FacturesDocumentRow) up = g_list_model_get_item (ascending, i);
        g_autoptr (FacturesDocumentRow) down = g_list_model_get_item (descending, 2 - i);

        g_assert_cmpint (factures_document_row_get_balance (up), ==, expected[i]);
        g_assert_cmpint (factures_document_row_get_balance (down), ==, expected[i]);
      }
  }

  g_clear_object (&ascending);
  g_clear_object (&descending);
  g_clear_object (&store);
  store_test_remove_dir (dir);
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* The payment form with the store's checks shown before saving: cash over the CMF
 * L112-6 limit and a payment dated before the invoice warn; zero and an excess refused. */
static void
test_payment_dialog (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_db_path (dir);
  g_autoptr (FacturesStore) store = NULL;
  g_autoptr (FacturesProfile) profile = store_test_profile ();
  g_autoptr (FacturesClient) client = store_test_client ("Atelier Dupont SARL");
  g_autoptr (FacturesDocument) draft = NULL;
  g_autoptr (FacturesDocument) issued = NULL;
  g_autoptr (GError) error = NULL;
  FacturesPaymentDialog *dialog;
  FacturesBalance balance = { 0 };

  store = factures_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_save_profile (store, profile, &error));
  g_assert_true (factures_store_save_client (store, client, &error));
  draft = store_test_draft (client->id, "2026-01-10", 16);    /* 1 600 € */
  g_assert_true (factures_store_save_draft (store, draft, &error));
  issued = factures_store_issue (store, draft->id, store_test_render, NULL, &error);
  g_assert_no_error (error);

  dialog = FACTURES_PAYMENT_DIALOG (factures_payment_dialog_open (NULL, store, issued->id));
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  /* prefilled with the balance: valid as it is, no warning */
  g_assert_cmpstr (factures_payment_dialog_get_errors (dialog), ==, "");
  g_assert_cmpstr (factures_payment_dialog_get_warnings (dialog), ==, "");

  factures_payment_dialog_set_fields (dialog, "15/04/2026", "1 500,00", FACTURES_PAYMENT_METHOD_CASH, NULL);
  g_assert_cmpstr (factures_payment_dialog_get_errors (dialog), ==, "");
  g_assert_nonnull (strstr (factures_payment_dialog_get_warnings (dialog), "L112-6"));
  if (g_getenv ("FACTURES_SHOTS") != NULL)
    {
      g_autofree char *shot = g_build_filename (g_getenv ("FACTURES_SHOTS"), "payment-dialog-cash.png", NULL);
      g_autofree char *command = g_strdup_printf ("import -window root %s", shot);

      spin (800);
      g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
    }

  factures_payment_dialog_set_fields (dialog, "05/01/2026", "100,00", FACTURES_PAYMENT_METHOD_TRANSFER, NULL);
  g_assert_cmpstr (factures_payment_dialog_get_errors (dialog), ==, "");
  g_assert_cmpstr (factures_payment_dialog_get_warnings (dialog), !=, "");
  g_assert_null (strstr (factures_payment_dialog_get_warnings (dialog), "L112-6"));

  factures_payment_dialog_set_fields (dialog, "15/04/2026", "0", -1, NULL);
  g_assert_cmpstr (factures_payment_dialog_get_errors (dialog), !=, "");
  g_assert_false (factures_payment_dialog_save (dialog));

  factures_payment_dialog_set_fields (dialog, NULL, "2 000,00", -1, NULL);
  g_assert_cmpstr (factures_payment_dialog_get_errors (dialog), !=, "");
  g_assert_false (factures_payment_dialog_save (dialog));
  g_assert_true (factures_store_get_payment_balance (store, issued->id, &balance, &error));
  g_assert_cmpint (balance.balance, ==, 160000);

  factures_payment_dialog_set_fields (dialog, "15/04/2026", "100,00", FACTURES_PAYMENT_METHOD_CHEQUE, "1234567");
  g_assert_cmpstr (factures_payment_dialog_get_errors (dialog), ==, "");
  g_assert_cmpstr (factures_payment_dialog_get_warnings (dialog), ==, "");
  g_assert_true (factures_payment_dialog_save (dialog));
  g_assert_true (factures_store_get_payment_balance (store, issued->id, &balance, &error));
  g_assert_cmpint (balance.balance, ==, 150000);

  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (50);
  g_assert_null (dialog);
  g_clear_object (&store);
  store_test_remove_dir (dir);
}

/* An action row whose subtitle holds @text, anywhere under @widget. */
static GtkWidget *
find_subtitle (GtkWidget  *widget,
               const char *text)
{
  if (ADW_IS_ACTION_ROW (widget) && adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)) != NULL &&
      strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), text) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_subtitle (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Issue 10: a payment recorded on the invoice is listed under "Payments Recorded" and cancelled
 * by a reversal once a reason is given; it stays listed, with its cancellation. */
static void
test_payment_cancel (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_db_path (dir);
  g_autoptr (FacturesStore) store = NULL;
  g_autoptr (FacturesProfile) profile = store_test_profile ();
  g_autoptr (FacturesClient) client = store_test_client ("Atelier Dupont SARL");
  g_autoptr (FacturesDocument) draft = NULL;
  g_autoptr (FacturesDocument) issued = NULL;
  g_autoptr (FacturesPayment) payment = factures_payment_new ();
  g_autoptr (GError) error = NULL;
  GListModel *toplevels = NULL;   /* transfer none */
  FacturesPaymentDialog *dialog, *reopened = NULL;
  FacturesBalance balance = { 0 };

  store = factures_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_save_profile (store, profile, &error));
  g_assert_true (factures_store_save_client (store, client, &error));
  draft = store_test_draft (client->id, "2026-01-10", 2);    /* 200 € */
  g_assert_true (factures_store_save_draft (store, draft, &error));
  issued = factures_store_issue (store, draft->id, store_test_render, NULL, &error);
  g_assert_no_error (error);
  g_date_set_dmy (&payment->date, 1, 3, 2026);
  payment->amount = 20000;
  payment->method = FACTURES_PAYMENT_METHOD_CHEQUE;
  payment->reference = g_strdup ("1234567");
  factures_payment_add_allocation (payment, issued->id, 0);
  g_assert_true (factures_store_record_payment (store, payment, FACTURES_OVERPAYMENT_REFUSE, NULL, &error));
  g_assert_no_error (error);

  dialog = FACTURES_PAYMENT_DIALOG (factures_payment_dialog_open (NULL, store, issued->id));
  g_assert_nonnull (dialog);
  spin (100);
  g_assert_nonnull (find_subtitle (GTK_WIDGET (dialog), "1234567"));

  /* no reason: refused, shown, nothing stored */
  g_assert_false (factures_payment_dialog_cancel_payment (dialog, payment->id, "  "));
  g_assert_nonnull (strstr (factures_payment_dialog_get_errors (dialog), "Reason"));
  g_assert_true (factures_store_get_payment_balance (store, issued->id, &balance, &error));
  g_assert_cmpint (balance.balance, ==, 0);

  g_assert_true (factures_payment_dialog_cancel_payment (dialog, payment->id, "chèque impayé"));
  spin (100);
  g_assert_true (factures_store_get_payment_balance (store, issued->id, &balance, &error));
  g_assert_cmpint (balance.balance, ==, 20000);
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (FACTURES_IS_PAYMENT_DIALOG (window))
        reopened = FACTURES_PAYMENT_DIALOG (window);
    }
  g_assert_nonnull (reopened);
  g_assert_nonnull (find_subtitle (GTK_WIDGET (reopened), "chèque impayé"));
  gtk_window_destroy (GTK_WINDOW (reopened));
  spin (50);
  g_clear_object (&store);
  store_test_remove_dir (dir);
}

/* The window drawn into @name in $DUNNING_UI_SHOTS, when set (to look at the dialogs). */
static void
save_shot (GtkWidget  *window,
           const char *name)
{
  const char *dir = g_getenv ("DUNNING_UI_SHOTS");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  int width, height;

  if (dir == NULL)
    return;
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

/* Issue 11 item 1: one dialog class for every step, parameterised by channel, and for the
 * decisions on an invoice; each shows its parts and its confirming response. */
static void
test_dunning_dialogs (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_db_path (dir);
  g_autoptr (FacturesStore) store = NULL;
  g_autoptr (FacturesProfile) profile = store_test_profile ();
  g_autoptr (FacturesClient) client = store_test_client ("Atelier Dupont SARL");
  g_autoptr (FacturesDocument) draft = NULL;
  g_autoptr (FacturesDocument) issued = NULL;
  g_autoptr (GPtrArray) queue = NULL;
  g_autoptr (GError) error = NULL;
  const struct { FacturesDunningChannel channel; const char *template_id; const char *heading; const char *confirm; } steps[] = {
    { FACTURES_DUNNING_CHANNEL_EMAIL, "email-courteous", "E-mail Reminder", "Mark as Sent" },
    { FACTURES_DUNNING_CHANNEL_PHONE, "phone", "Phone Call", "Log the Call" },
    { FACTURES_DUNNING_CHANNEL_SMS, "sms", "SMS Reminder", "Mark as Sent" },
    { FACTURES_DUNNING_CHANNEL_LETTER, NULL, "Registered Letter", "Mark as Sent" },
    { FACTURES_DUNNING_CHANNEL_FORMAL_NOTICE, NULL, "Formal Notice", "Mark as Sent" },
    { FACTURES_DUNNING_CHANNEL_GUIDANCE, NULL, "Next Steps", "Mark as Done" },
  };
  const struct { FacturesDunningDialogKind kind; const char *heading; const char *confirm; } decisions[] = {
    { FACTURES_DUNNING_DIALOG_SKIP, "Skip This Step?", "Skip" },
    { FACTURES_DUNNING_DIALOG_PROMISE, "Promise to Pay", "Record" },
    { FACTURES_DUNNING_DIALOG_DISPUTE, "Mark as Disputed?", "Mark as Disputed" },
    { FACTURES_DUNNING_DIALOG_WAIVE, "Waive the Penalties?", "Waive" },
  };
  GDate today;

  store = factures_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_save_profile (store, profile, &error));
  g_assert_true (factures_store_save_client (store, client, &error));
  draft = store_test_draft (client->id, "2026-01-10", 2);
  g_assert_true (factures_store_save_draft (store, draft, &error));
  issued = factures_store_issue (store, draft->id, store_test_render, NULL, &error);
  g_assert_no_error (error);
  g_date_set_dmy (&today, 15, G_DATE_APRIL, 2026);
  queue = factures_store_get_dunning_queue (store, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queue->len, ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      FacturesDunningTask task = *(FacturesDunningTask *) g_ptr_array_index (queue, 0);
      GtkWidget *dialog;

      task.step.channel = steps[i].channel;
      task.step.template_id = (char *) steps[i].template_id;
      dialog = factures_dunning_dialog_new (NULL, store, FACTURES_DUNNING_DIALOG_STEP, &task, 0, NULL);
      g_assert_nonnull (dialog);
      g_assert_cmpint (factures_dunning_dialog_get_channel (FACTURES_DUNNING_DIALOG (dialog)), ==, steps[i].channel);
      g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, steps[i].heading);
      g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), "confirm"), ==,
                       steps[i].confirm);
      if (steps[i].channel == FACTURES_DUNNING_CHANNEL_PHONE || steps[i].channel == FACTURES_DUNNING_CHANNEL_FORMAL_NOTICE)
        {
          g_autofree char *name = g_strdup_printf ("dunning-dialog-%u.png", i);

          gtk_window_present (GTK_WINDOW (dialog));
          spin (400);
          save_shot (dialog, name);
        }
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  for (guint i = 0; i < G_N_ELEMENTS (decisions); i++)
    {
      GtkWidget *dialog = factures_dunning_dialog_new (NULL, store, decisions[i].kind, g_ptr_array_index (queue, 0),
                                                       issued->id, issued->number);

      g_assert_nonnull (dialog);
      g_assert_cmpint (factures_dunning_dialog_get_kind (FACTURES_DUNNING_DIALOG (dialog)), ==, decisions[i].kind);
      g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, decisions[i].heading);
      g_assert_cmpstr (adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), "confirm"), ==,
                       decisions[i].confirm);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }

  /* the dispute recorded through the dialog's response */
  {
    GtkWidget *dialog = factures_dunning_dialog_new (NULL, store, FACTURES_DUNNING_DIALOG_DISPUTE, NULL,
                                                     issued->id, issued->number);
    gboolean disputed = FALSE;

    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "confirm");
    g_assert_true (factures_store_get_dispute (store, issued->id, &disputed, &error));
    g_assert_no_error (error);
    g_assert_true (disputed);
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  spin (50);
  g_clear_object (&store);
  store_test_remove_dir (dir);
}

/* Issue 12 item 2: the To-Do queue is a list model of FacturesTodoItem shown by a GtkListView
 * that builds only the visible rows: N_QUEUE overdue invoices, one step each, and the page maps
 * with a few dozen rows built. A store change while the page is hidden only marks it stale. */
#define N_QUEUE 5000

/* The To-Do queue's list view in @root. */
static GtkWidget *
find_list_view (GtkWidget *root)
{
  if (GTK_IS_LIST_VIEW (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first shown menu button of a dunning step's row under @root (the rows of deadlines hide
 * theirs). */
static GtkWidget *
find_row_menu_button (GtkWidget *root)
{
  if (GTK_IS_MENU_BUTTON (root) && gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_menu_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Issue 13 item 4: a reminder step of an invoice in pounds shows its balance and interest in
 * pounds, the 40 € recovery indemnity in euros (art. D441-5 C. com.), never pounds as euros. */
static void
test_todo_currency (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_db_path (dir);
  g_autoptr (FacturesStore) store = NULL;
  g_autoptr (FacturesProfile) profile = store_test_profile ();
  g_autoptr (FacturesClient) client = store_test_client ("Atelier Dupont SARL");
  g_autoptr (FacturesDocument) draft = NULL;
  g_autoptr (FacturesDocument) issued = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *window, *page;
  GListModel *model;
  const char *detail = NULL;
  gint64 started;

  store = factures_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_save_profile (store, profile, &error));
  g_assert_true (factures_store_save_client (store, client, &error));
  draft = store_test_draft (client->id, "2026-01-10", 1);
  draft->currency = g_strdup ("GBP");
  if (draft->exchange_rate == 0)
    draft->exchange_rate = 1161200;   /* 1 GBP = 1,1612 €, asked where VAT is due */
  g_assert_true (factures_store_save_draft (store, draft, &error));
  g_assert_no_error (error);
  issued = factures_store_issue (store, draft->id, store_test_render, NULL, &error);
  g_assert_no_error (error);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  page = factures_overdue_page_new (store);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  started = g_get_monotonic_time ();
  while (!gtk_widget_get_mapped (page) && g_get_monotonic_time () - started < 10 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  spin (300);

  model = factures_overdue_page_get_todo_model (FACTURES_OVERDUE_PAGE (page));
  for (guint i = 0; i < g_list_model_get_n_items (model) && detail == NULL; i++)
    {
      g_autoptr (FacturesTodoItem) item = g_list_model_get_item (model, i);

      if (factures_todo_item_get_document_id (item) == issued->id)
        detail = factures_todo_item_get_detail (item);   /* the model keeps the item */
    }
  g_assert_nonnull (detail);
  g_test_message ("%s", detail);
  g_assert_nonnull (strstr (detail, "GBP"));
  g_assert_nonnull (strstr (detail, "indemnity 40,00"));
  g_assert_true (g_str_has_suffix (detail, "€"));   /* the indemnity, last, in euros */
  g_assert_nonnull (strstr (detail, "GBP, penalties"));   /* the balance in pounds */
  /* only one amount in euros: the indemnity */
  g_assert_true (strstr (detail, "€") == g_strrstr (detail, "€"));

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
  g_clear_object (&store);
  store_test_remove_dir (dir);
}

static void
test_todo_queue (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_db_path (dir);
  g_autoptr (FacturesStore) store = NULL;
  g_autoptr (FacturesProfile) profile = store_test_profile ();
  g_autoptr (FacturesClient) client = store_test_client ("Atelier Dupont SARL");
  g_autoptr (GError) error = NULL;
  g_autoptr (FacturesTodoItem) first = NULL;
  GtkWidget *window, *page;
  GListModel *model;
  gint64 first_id = 0;
  gint64 started;

  store = factures_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_save_profile (store, profile, &error));
  g_assert_true (factures_store_save_client (store, client, &error));
  started = g_get_monotonic_time ();
  for (guint i = 0; i < N_QUEUE; i++)
    {
      g_autoptr (FacturesDocument) draft = store_test_draft (client->id, "2026-01-10", 1);
      g_autoptr (FacturesDocument) issued = NULL;

      g_assert_true (factures_store_save_draft (store, draft, &error));
      issued = factures_store_issue (store, draft->id, store_test_render, NULL, &error);
      g_assert_no_error (error);
      if (first_id == 0)
        first_id = issued->id;
    }
  g_test_message ("%u invoices issued in %.1f s", N_QUEUE, (g_get_monotonic_time () - started) / 1e6);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  page = factures_overdue_page_new (store);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  started = g_get_monotonic_time ();
  while (!gtk_widget_get_mapped (page) && g_get_monotonic_time () - started < 10 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  spin (300);

  model = factures_overdue_page_get_todo_model (FACTURES_OVERDUE_PAGE (page));
  g_assert_true (g_list_model_get_item_type (model) == FACTURES_TYPE_TODO_ITEM);
  /* issue 12: the queue plans a page of its invoices, not the 5,000 of them (counted by the
   * page, not timed); the count of steps due is the whole queue's all the same */
  g_test_message ("%u invoices planned, %u items listed for %u steps due",
                  factures_overdue_page_get_n_planned (FACTURES_OVERDUE_PAGE (page)),
                  g_list_model_get_n_items (model), N_QUEUE);
  g_assert_cmpuint (factures_overdue_page_get_n_planned (FACTURES_OVERDUE_PAGE (page)), >, 0);
  g_assert_cmpuint (factures_overdue_page_get_n_planned (FACTURES_OVERDUE_PAGE (page)), <=, 64);
  g_assert_cmpuint (g_list_model_get_n_items (model), <=, 64 + 16);
  g_assert_cmpuint (factures_overdue_page_get_n_due_steps (FACTURES_OVERDUE_PAGE (page)), ==, N_QUEUE);
  g_assert_cmpuint (factures_overdue_page_get_count (FACTURES_OVERDUE_PAGE (page)), ==, N_QUEUE);
  /* the first dunning step (the tax deadlines of the calendar are in the queue too) */
  for (guint i = 0; first == NULL || factures_todo_item_get_document_id (first) == 0; i++)
    {
      g_clear_object (&first);
      first = g_list_model_get_item (model, i);
    }
  g_assert_cmpstr (factures_todo_item_get_action_name (first), ==, "overdue.perform-step");
  g_assert_nonnull (factures_todo_item_get_number (first));
  g_assert_true (g_str_has_prefix (factures_todo_item_get_title (first), factures_todo_item_get_number (first)));
  g_assert_true (g_date_valid (factures_todo_item_get_date (first)));
  /* only what is visible and a margin around it was built (GTK 4.8's list views keep up to
   * 200 rows around the visible ones; 410 built, the same for 300, 1,500 or 5,000 items),
   * not one row per item */
  g_test_message ("%u rows built for %u items", factures_overdue_page_get_n_todo_rows (FACTURES_OVERDUE_PAGE (page)),
                  N_QUEUE);
  g_assert_cmpuint (factures_overdue_page_get_n_todo_rows (FACTURES_OVERDUE_PAGE (page)), >, 0);
  g_assert_cmpuint (factures_overdue_page_get_n_todo_rows (FACTURES_OVERDUE_PAGE (page)), <=, 500);
  /* scrolled to its end: the next page of invoices planned */
  {
    guint planned = factures_overdue_page_get_n_planned (FACTURES_OVERDUE_PAGE (page));
    GtkWidget *view = find_list_view (page);
    GtkAdjustment *adjustment;

    g_assert_nonnull (view);
    adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    spin (200);
    g_assert_cmpuint (factures_overdue_page_get_n_planned (FACTURES_OVERDUE_PAGE (page)), >, planned);
    gtk_adjustment_set_value (adjustment, 0);
    spin (100);
  }
  /* issue 12: a row's menu is made when first opened, its buttons on the row's invoice */
  {
    GtkWidget *more = find_row_menu_button (find_list_view (page));
    GtkPopover *menu;
    GtkWidget *button;
    GVariant *target;

    g_assert_nonnull (more);
    g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (more)));
    gtk_menu_button_popup (GTK_MENU_BUTTON (more));
    spin (50);
    menu = gtk_menu_button_get_popover (GTK_MENU_BUTTON (more));
    g_assert_nonnull (menu);
    button = gtk_widget_get_first_child (gtk_popover_get_child (menu));
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "overdue.record-payment");
    target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
    g_assert_nonnull (target);
    g_assert_cmpint (g_variant_get_int64 (target), >=, first_id);
    gtk_menu_button_popdown (GTK_MENU_BUTTON (more));
    spin (50);
  }
  /* a shown row has its detail (penalties and indemnity apart) */
  g_assert_nonnull (factures_todo_item_get_detail (first));
  g_assert_nonnull (strstr (factures_todo_item_get_detail (first), "indemnity"));
  g_assert_false (factures_overdue_page_get_stale (FACTURES_OVERDUE_PAGE (page)));

  /* hidden: a change marks the page stale, updates only the count; shown: refreshed */
  gtk_widget_set_visible (page, FALSE);
  spin (50);
  g_assert_false (gtk_widget_get_mapped (page));
  {
    GDate today;

    g_date_set_dmy (&today, 15, G_DATE_APRIL, 2026);
    g_assert_true (factures_store_set_dispute (store, first_id, TRUE, "test", &today, &error));
  }
  g_assert_no_error (error);
  g_assert_true (factures_overdue_page_get_stale (FACTURES_OVERDUE_PAGE (page)));
  gtk_widget_set_visible (page, TRUE);
  spin (300);
  g_assert_false (factures_overdue_page_get_stale (FACTURES_OVERDUE_PAGE (page)));
  g_assert_cmpuint (factures_overdue_page_get_n_planned (FACTURES_OVERDUE_PAGE (page)), <=, 2 * 64);
  /* the count for the start-up notification is the queue's */
  g_assert_cmpuint (factures_overdue_page_get_n_due_steps (FACTURES_OVERDUE_PAGE (page)), ==, N_QUEUE - 1);
  {
    GDate today;

    g_date_set_dmy (&today, 15, G_DATE_APRIL, 2026);
    g_assert_cmpuint (factures_store_count_due_steps (store, &today, &error), ==, N_QUEUE - 1);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
  g_clear_object (&store);
  store_test_remove_dir (dir);
}

/* The text of every drawn label under @widget, one per line. */
static void
drawn_labels (GtkWidget *widget,
              GString   *out)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    drawn_labels (child, out);
}

/* Trial 5 finding 17: an overdue invoice in pounds is counted on the overdue card as in the
 * list and the badge, its amount shown apart (the sums are in euros), and the aging chart
 * says which invoices it leaves out. */
static void
test_overdue_card_currency (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_db_path (dir);
  g_autoptr (FacturesStore) store = NULL;
  g_autoptr (FacturesProfile) profile = store_test_profile ();
  g_autoptr (FacturesClient) client = store_test_client ("Atelier Dupont SARL");
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  GtkWidget *window, *page;
  gint64 started;

  store = factures_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_save_profile (store, profile, &error));
  g_assert_true (factures_store_save_client (store, client, &error));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (FacturesDocument) draft = store_test_draft (client->id, "2026-01-10", 1);
      g_autoptr (FacturesDocument) issued = NULL;

      if (i == 2)
        {
          draft->currency = g_strdup ("GBP");
          if (draft->exchange_rate == 0)
            draft->exchange_rate = 1161200;
        }
      g_assert_true (factures_store_save_draft (store, draft, &error));
      issued = factures_store_issue (store, draft->id, store_test_render, NULL, &error);
      g_assert_no_error (error);
    }

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  page = factures_overdue_page_new (store);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  started = g_get_monotonic_time ();
  while (!gtk_widget_get_mapped (page) && g_get_monotonic_time () - started < 10 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  spin (300);
  ui_test_screenshot (window, "overdue-foreign-currency");
  drawn_labels (window, text);
  g_test_message ("%s", text->str);
  /* three invoices late, as the list shows them; the pounds apart, under the card and the chart */
  g_assert_nonnull (strstr (text->str, "3 invoices late; + 100,00\u00a0GBP"));
  g_assert_nonnull (strstr (text->str, "Also 1 overdue invoice in another currency, not in the chart: + 100,00\u00a0GBP."));

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
  g_clear_object (&store);
  store_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("FACTURES_TODAY", "2026-04-15", TRUE);
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("needs a display\n");
      return g_getenv ("CI") ? 1 : 77;
    }
  adw_init ();

  g_test_add_func ("/dunning-ui/instalments-split", test_split);
  g_test_add_func ("/dunning-ui/aging-chart", test_chart);
  g_test_add_func ("/dunning-ui/letter-from-store", test_letter_from_store);
  g_test_add_func ("/dunning-ui/notice-cites-tracking", test_notice_cites_tracking);
  g_test_add_func ("/dunning-ui/sort-by-balance", test_sort_by_balance);
  g_test_add_func ("/dunning-ui/payment-dialog", test_payment_dialog);
  g_test_add_func ("/dunning-ui/payment-cancel", test_payment_cancel);
  g_test_add_func ("/dunning-ui/dunning-dialogs", test_dunning_dialogs);
  g_test_add_func ("/dunning-ui/todo-queue", test_todo_queue);
  g_test_add_func ("/dunning-ui/todo-currency", test_todo_currency);
  g_test_add_func ("/dunning-ui/overdue-card-currency", test_overdue_card_currency);
  return g_test_run ();
}
