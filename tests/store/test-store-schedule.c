/* test-store-schedule.c — a payment schedule (échéancier) agreed on a draft (issue 6):
 * kept with the draft, checked in the issuing transaction (nothing issued when it is
 * wrong), frozen into the issued document, not changed by a later renegotiation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "factures-schedule.h"
#include "factures-store-payments.h"
#include "store-test-util.h"

typedef struct {
  char          *dir;
  FacturesStore *store;
  gint64         client_id;    /* a company (B2B) */
  gint64         private_id;   /* a private client (B2C) */
} Fixture;

static GDate
d (const char *iso)
{
  GDate date;

  g_assert_true (factures_date_parse_iso (iso, &date, NULL));
  return date;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesProfile) profile = store_test_profile ();
  g_autoptr(FacturesClient) client = store_test_client ("Société Dupont");
  g_autoptr(FacturesClient) person = store_test_client ("Jeanne Martin");
  g_autofree char *path = NULL;

  f->dir = store_test_make_fast_dir ();
  path = store_test_db_path (f->dir);
  f->store = factures_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_save_profile (f->store, profile, &error));
  g_assert_true (factures_store_save_client (f->store, client, &error));
  g_assert_no_error (error);
  f->client_id = client->id;
  person->category = FACTURES_CLIENT_CATEGORY_INDIVIDUAL;
  g_clear_pointer (&person->party.siren, g_free);
  g_clear_pointer (&person->party.siret, g_free);
  g_clear_pointer (&person->party.vat_id, g_free);
  g_assert_true (factures_store_save_client (f->store, person, &error));
  g_assert_no_error (error);
  f->private_id = person->id;
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  store_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* A render that writes the schedule into the "PDF", as the real one prints it. */
static GBytes *
render_with_plan (const FacturesDocument *document,
                  gpointer                user_data,
                  GError                **error)
{
  g_autofree char *plan = factures_document_has_schedule (document)
                          ? factures_schedule_describe_fr (document->instalments) : g_strdup ("-");
  g_autofree char *due = factures_date_format_iso (&document->due_date);
  char *text = g_strdup_printf ("%%PDF-1.4\n%% %s due %s: %s\n%%%%EOF\n", document->number, due, plan);

  return g_bytes_new_take (text, strlen (text));
}

static gint64
save_draft (Fixture *f, gint64 client_id, const char *iso, guint n_lines)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) draft = store_test_draft (client_id, iso, n_lines);

  g_assert_true (factures_store_save_draft (f->store, draft, &error));
  g_assert_no_error (error);
  return draft->id;
}

/* "2026-12-15:30000,2027-01-15:30000" */
static GArray *
plan_of (const char *spec)
{
  GArray *plan = g_array_new (FALSE, TRUE, sizeof (FacturesInstalment));
  g_auto(GStrv) items = g_strsplit (spec, ",", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (items[i], ":", 2);
      FacturesInstalment inst = { 0, d (parts[0]), g_ascii_strtoll (parts[1], NULL, 10), 0 };

      g_array_append_val (plan, inst);
    }
  return plan;
}

static void
set_plan (Fixture *f, gint64 id, const char *spec)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) plan = plan_of (spec);

  g_assert_true (factures_store_set_instalments (f->store, id, plan, &error));
  g_assert_no_error (error);
}

static char *
plan_text (const FacturesDocument *document)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; document->instalments != NULL && i < document->instalments->len; i++)
    {
      const FacturesPlannedInstalment *inst = &g_array_index (document->instalments, FacturesPlannedInstalment, i);
      g_autofree char *iso = factures_date_format_iso (&inst->due_date);

      g_string_append_printf (out, "%s%s:%" G_GINT64_FORMAT, i > 0 ? "," : "", iso, inst->amount);
    }
  return g_strdup (out->str);
}

static void
test_draft_plan_kept (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = save_draft (f, f->private_id, "2026-11-02", 3);   /* 300 € */
  g_autoptr(FacturesDocument) doc = NULL;
  g_autoptr(FacturesDocument) again = NULL;
  g_autofree char *text = NULL;
  g_autofree char *due = NULL;

  /* On a draft the sum need not match its (changing) total. */
  set_plan (f, id, "2026-12-15:10000,2027-01-15:10000");
  doc = factures_store_get_document (f->store, id, &error);
  g_assert_no_error (error);
  text = plan_text (doc);
  g_assert_cmpstr (text, ==, "2026-12-15:10000,2027-01-15:10000");
  due = factures_date_format_iso (&doc->due_date);
  g_assert_cmpstr (due, ==, "2027-01-15");

  /* Saving the draft again (the editor does) keeps it. */
  g_ptr_array_remove_index (doc->lines, 2);
  g_assert_true (factures_store_save_draft (f->store, doc, &error));
  g_assert_no_error (error);
  again = factures_store_get_document (f->store, id, &error);
  g_assert_cmpuint (again->instalments->len, ==, 2);
  g_assert_cmpuint (again->lines->len, ==, 2);

  /* A copy owns its plan. */
  {
    g_autoptr(FacturesDocument) copy = factures_document_copy (again);

    g_assert_true (copy->instalments != again->instalments);
    g_assert_cmpuint (copy->instalments->len, ==, 2);
  }

  /* A draft with a plan can still be deleted (the plan goes with it). */
  g_assert_true (factures_store_delete_draft (f->store, id, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GArray) gone = factures_store_get_instalments (f->store, id, &error);

    g_assert_null (gone);
    g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND);
  }
}

static void
test_quote_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) quote = store_test_draft (f->client_id, "2026-11-02", 1);
  g_autoptr(GArray) plan = plan_of ("2026-12-15:10000");

  quote->kind = FACTURES_DOCUMENT_KIND_QUOTE;
  g_assert_true (factures_store_save_draft (f->store, quote, &error));
  g_assert_no_error (error);
  g_assert_false (factures_store_set_instalments (f->store, quote->id, plan, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
}

static void
test_issue_refused_wrong_sum (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = save_draft (f, f->private_id, "2026-11-02", 3);   /* 300 € */
  g_autoptr(FacturesDocument) issued = NULL;
  g_autoptr(FacturesDocument) still = NULL;

  set_plan (f, id, "2026-12-15:10000,2027-01-15:10000");     /* 200 € */
  issued = factures_store_issue (f->store, id, render_with_plan, NULL, &error);
  g_assert_null (issued);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Payment schedule"));
  g_assert_nonnull (strstr (error->message, "200,00"));
  g_assert_nonnull (strstr (error->message, "300,00"));
  g_clear_error (&error);

  /* Nothing issued: still a draft, no number, no original, the series untouched. */
  still = factures_store_get_document (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (still->status, ==, FACTURES_DOCUMENT_STATUS_DRAFT);
  g_assert_null (still->number);
  g_assert_null (factures_store_get_original (f->store, id, &error));
  g_clear_error (&error);

  /* Corrected, it issues as the first number of the series. */
  set_plan (f, id, "2026-12-15:10000,2027-01-15:20000");
  issued = factures_store_issue (f->store, id, render_with_plan, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (issued->number, ==, "F2026-0001");
}

static void
test_issue_refused_b2b_cap (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = save_draft (f, f->client_id, "2026-11-02", 3);   /* 300 €, company */
  g_autoptr(FacturesDocument) issued = NULL;

  /* 2/11 + 60 days = 1/01; 45 days end of month = 31/12: the last may be 1/01/2027. */
  set_plan (f, id, "2026-12-02:15000,2027-01-02:15000");
  issued = factures_store_issue (f->store, id, render_with_plan, NULL, &error);
  g_assert_null (issued);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "L441-10"));
  g_clear_error (&error);

  set_plan (f, id, "2026-12-02:15000,2027-01-01:15000");
  issued = factures_store_issue (f->store, id, render_with_plan, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (issued);
}

static void
test_frozen_at_issue (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = save_draft (f, f->private_id, "2026-11-02", 3);   /* 300 € */
  g_autoptr(FacturesDocument) issued = NULL;
  g_autoptr(FacturesDocument) later = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) original_later = NULL;
  g_autoptr(GArray) current = NULL;
  g_autofree char *text = NULL;
  g_autofree char *later_text = NULL;
  g_autofree char *due = NULL;
  g_autofree char *export_path = g_build_filename (f->dir, "export.json", NULL);
  g_autofree char *import_dir = store_test_make_dir ();
  g_autofree char *import_path = store_test_db_path (import_dir);
  g_autoptr(FacturesStore) copy = NULL;
  g_autoptr(FacturesDocument) imported = NULL;
  g_autofree char *imported_text = NULL;

  set_plan (f, id, "2026-12-15:10000,2027-01-15:10000,2027-02-15:10000");
  issued = factures_store_issue (f->store, id, render_with_plan, NULL, &error);
  g_assert_no_error (error);
  text = plan_text (issued);
  g_assert_cmpstr (text, ==, "2026-12-15:10000,2027-01-15:10000,2027-02-15:10000");
  due = factures_date_format_iso (&issued->due_date);
  g_assert_cmpstr (due, ==, "2027-02-15");   /* BT-9: the last instalment */
  original = factures_store_get_original (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (original, NULL), g_bytes_get_size (original),
                                  "due 2027-02-15: Paiement en 3 échéances"));

  /* The issued invoice's plan is the dunning plan… */
  current = factures_store_get_instalments (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (current->len, ==, 3);
  g_clear_pointer (&current, g_array_unref);

  /* …renegotiated later, as before (sum = the balance): the issued document does not move. */
  set_plan (f, id, "2027-01-31:15000,2027-03-31:15000");
  current = factures_store_get_instalments (f->store, id, &error);
  g_assert_cmpuint (current->len, ==, 2);
  later = factures_store_get_document (f->store, id, &error);
  g_assert_no_error (error);
  later_text = plan_text (later);
  g_assert_cmpstr (later_text, ==, text);
  g_clear_pointer (&due, g_free);
  due = factures_date_format_iso (&later->due_date);
  g_assert_cmpstr (due, ==, "2027-02-15");
  original_later = factures_store_get_original (f->store, id, &error);
  g_assert_true (g_bytes_equal (original, original_later));
  g_assert_true (factures_store_verify (f->store, &error));
  g_assert_no_error (error);

  /* The frozen plan goes through a JSON export and import with the hash chain intact. */
  g_assert_true (factures_store_export_json (f->store, export_path, &error));
  g_assert_no_error (error);
  copy = factures_store_open (import_path, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_import_json (copy, export_path, &error));
  g_assert_no_error (error);
  imported = factures_store_get_document (copy, id, &error);
  g_assert_no_error (error);
  imported_text = plan_text (imported);
  g_assert_cmpstr (imported_text, ==, text);
  g_assert_true (factures_store_verify (copy, &error));
  g_assert_no_error (error);
  /* …and the export of the copy is the same file, byte for byte. */
  {
    g_autofree char *again_path = g_build_filename (import_dir, "again.json", NULL);
    g_autofree char *first = NULL;
    g_autofree char *second = NULL;

    g_assert_true (factures_store_export_json (copy, again_path, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (export_path, &first, NULL, NULL));
    g_assert_true (g_file_get_contents (again_path, &second, NULL, NULL));
    /* the frozen schedule is in the issued document's buyer */
    g_assert_nonnull (strstr (first, "\"instalments\" : [\n          {\n            \"due_date\" : \"2026-12-15\""));
    g_assert_cmpstr (first, ==, second);
  }
  g_clear_object (&copy);
  store_test_remove_dir (import_dir);
}

/* Penalties of an invoice with a plan run per instalment from each one's due date. */
static void
test_penalties_per_instalment (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = save_draft (f, f->client_id, "2026-09-01", 3);   /* 300 €, company */
  g_autoptr(FacturesDocument) issued = NULL;
  g_autoptr(GArray) table = NULL;
  g_auto(FacturesPenalties) pen = { 0 };
  g_auto(FacturesPenalties) first = { 0 };
  g_auto(FacturesPenalties) second = { 0 };
  g_auto(FacturesPenalties) whole = { 0 };
  GDate today = d ("2026-11-30");
  GDate due1 = d ("2026-09-30"), due2 = d ("2026-10-30");
  gint rate;

  set_plan (f, id, "2026-09-30:15000,2026-10-30:15000");
  issued = factures_store_issue (f->store, id, render_with_plan, NULL, &error);
  g_assert_no_error (error);
  rate = issued->seller->penalty_rate_bp;
  table = factures_store_get_rate_table (f->store, &error);
  g_assert_no_error (error);

  g_assert_true (factures_store_compute_penalties (f->store, id, &today, &pen, &error));
  g_assert_no_error (error);
  g_assert_true (factures_penalties_compute (FACTURES_CLIENT_CATEGORY_COMPANY, rate, 15000, NULL, &due1, NULL,
                                             &today, table, &first, NULL));
  g_assert_true (factures_penalties_compute (FACTURES_CLIENT_CATEGORY_COMPANY, rate, 15000, NULL, &due2, NULL,
                                             &today, table, &second, NULL));
  g_assert_true (factures_penalties_compute (FACTURES_CLIENT_CATEGORY_COMPANY, rate, 30000, NULL, &due2, NULL,
                                             &today, table, &whole, NULL));
  g_test_message ("per instalment %" G_GINT64_FORMAT " + %" G_GINT64_FORMAT ", whole from the last date %"
                  G_GINT64_FORMAT, first.interest, second.interest, whole.interest);
  g_assert_cmpint (first.interest, >, 0);
  g_assert_cmpint (pen.interest, ==, first.interest + second.interest);
  g_assert_cmpint (pen.interest, !=, whole.interest);
  g_assert_cmpint (pen.indemnity, ==, 4000);   /* once per invoice (D441-5) */
  g_assert_cmpuint (pen.segments->len, ==, first.segments->len + second.segments->len);
  factures_penalties_clear (&pen);

  /* The first instalment paid on 10/10: 10 days on it; the second runs on. */
  {
    g_autoptr(FacturesPayment) payment = factures_payment_new ();
    g_autoptr(GArray) later = g_array_new (FALSE, FALSE, sizeof (FacturesPenaltyPayment));
    FacturesPenaltyPayment p = { d ("2026-10-10"), 15000 };
    g_auto(FacturesPenalties) first_paid = { 0 };

    payment->date = p.date;
    payment->amount = p.amount;
    payment->method = FACTURES_PAYMENT_METHOD_TRANSFER;
    factures_payment_add_allocation (payment, id, 0);
    g_assert_true (factures_store_record_payment (f->store, payment, FACTURES_OVERPAYMENT_REFUSE, NULL, &error));
    g_assert_no_error (error);
    g_array_append_val (later, p);
    g_assert_true (factures_penalties_compute (FACTURES_CLIENT_CATEGORY_COMPANY, rate, 15000, later, &due1,
                                               NULL, &today, table, &first_paid, NULL));
    g_assert_cmpint (first_paid.days, ==, 10);
    g_assert_true (factures_store_compute_penalties (f->store, id, &today, &pen, &error));
    g_assert_no_error (error);
    g_assert_cmpint (pen.interest, ==, first_paid.interest + second.interest);
    g_assert_cmpint (pen.indemnity, ==, 4000);
  }
}

/* A file of clients and drafts (no issued document) is added with new ids: the drafts keep
 * their schedules (the member "schedule" of each draft in the file). */
static void
test_drafts_file_keeps_schedule (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = save_draft (f, f->private_id, "2026-11-02", 3);
  g_autofree char *path = g_build_filename (f->dir, "drafts.json", NULL);
  g_autofree char *other_dir = store_test_make_dir ();
  g_autofree char *other_path = store_test_db_path (other_dir);
  g_autoptr(FacturesStore) other = NULL;
  g_autoptr(FacturesClient) someone = store_test_client ("Déjà là SARL");
  g_autofree char *text = NULL;
  gint64 found = 0;

  set_plan (f, id, "2026-12-15:10000,2027-01-15:20000");
  g_assert_true (factures_store_export_json (f->store, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"schedule\""));

  other = factures_store_open (other_path, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_save_client (other, someone, &error));   /* ids move on */
  g_assert_true (factures_store_import_json (other, path, &error));
  g_assert_no_error (error);
  for (gint64 i = 1; i < 10 && found == 0; i++)
    {
      g_autoptr(FacturesDocument) doc = factures_store_get_document (other, i, NULL);

      if (doc != NULL && factures_document_has_schedule (doc))
        {
          g_autofree char *plan = plan_text (doc);

          g_assert_cmpstr (plan, ==, "2026-12-15:10000,2027-01-15:20000");
          found = i;
        }
    }
  g_assert_cmpint (found, !=, 0);
  g_clear_object (&other);
  store_test_remove_dir (other_dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/store-schedule/draft-plan-kept", Fixture, NULL, fixture_set_up, test_draft_plan_kept, fixture_tear_down);
  g_test_add ("/store-schedule/quote-refused", Fixture, NULL, fixture_set_up, test_quote_refused, fixture_tear_down);
  g_test_add ("/store-schedule/issue-refused-wrong-sum", Fixture, NULL, fixture_set_up, test_issue_refused_wrong_sum, fixture_tear_down);
  g_test_add ("/store-schedule/issue-refused-b2b-cap", Fixture, NULL, fixture_set_up, test_issue_refused_b2b_cap, fixture_tear_down);
  g_test_add ("/store-schedule/frozen-at-issue", Fixture, NULL, fixture_set_up, test_frozen_at_issue, fixture_tear_down);
  g_test_add ("/store-schedule/drafts-file-keeps-schedule", Fixture, NULL, fixture_set_up, test_drafts_file_keeps_schedule, fixture_tear_down);
  g_test_add ("/store-schedule/penalties-per-instalment", Fixture, NULL, fixture_set_up, test_penalties_per_instalment, fixture_tear_down);
  return g_test_run ();
}
