/* test-store-lifecycle.c — quotes, deposits, final invoices, credit notes and
 * number series in the store (issue 3 items 1–3 and 5, with their bad input)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "factures-rows.h"
#include "factures-store.h"
#include "factures-store-lifecycle.h"
#include "factures-store-payments.h"
#include "store-test-util.h"

typedef struct {
  char          *dir;
  char          *path;
  FacturesStore *store;
  gint64         client_id;
} Fixture;

/* The one balance of an invoice (issue 11: factures_store_get_balance() is gone):
 * amount due − payments − credit notes, or G_MININT64 on error. */
static gint64
payment_balance (FacturesStore *store,
                 gint64         id,
                 GError       **error)
{
  FacturesBalance balance;

  if (!factures_store_get_payment_balance (store, id, &balance, error))
    return G_MININT64;
  return balance.balance;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(FacturesProfile) profile = store_test_profile ();
  g_autoptr(FacturesClient) client = store_test_client ("Chantier Martin SARL");
  g_autoptr(GError) error = NULL;

  g_setenv ("FACTURES_TODAY", "2026-03-02", TRUE);
  fixture->dir = store_test_make_fast_dir ();
  fixture->path = store_test_db_path (fixture->dir);
  fixture->store = factures_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_save_profile (fixture->store, profile, &error));
  g_assert_true (factures_store_save_client (fixture->store, client, &error));
  g_assert_no_error (error);
  fixture->client_id = client->id;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  store_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_unsetenv ("FACTURES_TODAY");
}

static gint64
raw_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static int
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_close (db);
  return rc;
}

/* Everything the database holds, to prove that a refusal stored nothing. */
static gint64
content_count (Fixture *fixture)
{
  return raw_int (fixture->path,
                  "SELECT (SELECT count(*) FROM documents) * 1000000 + "
                  "(SELECT count(*) FROM lines) * 10000 + (SELECT count(*) FROM document_links) * 100 + "
                  "(SELECT count(*) FROM events)");
}

static FacturesDocument *
issue (Fixture *fixture,
       gint64   id)
{
  g_autoptr(GError) error = NULL;
  FacturesDocument *document;

  document = factures_store_issue (fixture->store, id, store_test_render, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

/* An issued quote dated 2026-03-02 of @n_lines × 100 € (franchise: TTC = HT). */
static gint64
issued_quote (Fixture *fixture,
              guint    n_lines)
{
  g_autoptr(FacturesDocument) quote = store_test_draft (fixture->client_id, "2026-03-02", n_lines);
  g_autoptr(FacturesDocument) issued = NULL;
  g_autoptr(GError) error = NULL;

  quote->kind = FACTURES_DOCUMENT_KIND_QUOTE;
  quote->conditions = g_strdup ("  Travaux sous 15 jours après acceptation.  ");
  g_assert_true (factures_store_save_draft (fixture->store, quote, &error));
  g_assert_no_error (error);
  issued = issue (fixture, quote->id);
  return issued->id;
}

static void
accept (Fixture    *fixture,
        gint64      quote_id,
        const char *iso)
{
  g_autoptr(GError) error = NULL;
  GDate date;

  g_assert_true (factures_date_parse_iso (iso, &date, NULL));
  g_assert_true (factures_store_set_quote_decision (fixture->store, quote_id, TRUE, &date, &error));
  g_assert_no_error (error);
}

static void
test_quote (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(FacturesDocument) draft = store_test_draft (fixture->client_id, "2026-03-02", 2);
  g_autoptr(FacturesDocument) loaded = NULL;
  g_autoptr(FacturesDocument) issued = NULL;
  g_autoptr(GError) error = NULL;
  GDate accepted, date;
  gint64 before;

  /* Draft: validity 30 days by default, conditions cleaned. */
  draft->kind = FACTURES_DOCUMENT_KIND_QUOTE;
  draft->conditions = g_strdup ("  Acompte de 30 % à la commande.  ");
  g_assert_true (factures_store_save_draft (fixture->store, draft, &error));
  g_assert_no_error (error);
  loaded = factures_store_get_document (fixture->store, draft->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->conditions, ==, "Acompte de 30 % à la commande.");
  g_assert_cmpint (g_date_get_day (&loaded->valid_until), ==, 1);
  g_assert_cmpint (g_date_get_month (&loaded->valid_until), ==, 4);
  g_assert_cmpint (factures_store_get_quote_status (fixture->store, draft->id, NULL, &error), ==,
                   FACTURES_QUOTE_STATUS_DRAFT);

  /* Editable: 15 days instead; earlier than the issue date refused. */
  g_date_set_dmy (&loaded->valid_until, 17, G_DATE_MARCH, 2026);
  g_assert_true (factures_store_save_draft (fixture->store, loaded, &error));
  g_assert_no_error (error);
  g_date_set_dmy (&loaded->valid_until, 1, G_DATE_MARCH, 2026);
  g_assert_false (factures_store_save_draft (fixture->store, loaded, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Valid until: "));
  g_clear_error (&error);

  issued = issue (fixture, draft->id);
  g_assert_cmpstr (issued->number, ==, "D2026-0001");
  g_assert_cmpint (g_date_get_day (&issued->valid_until), ==, 17);
  g_assert_cmpint (factures_store_get_quote_status (fixture->store, issued->id, NULL, &error), ==,
                   FACTURES_QUOTE_STATUS_SENT);

  /* Frozen at issue: the triggers refuse any change of its details. */
  g_assert_cmpint (raw_exec (fixture->path, "UPDATE quote_details SET valid_until = '2030-01-01'"), !=, SQLITE_OK);
  g_assert_cmpint (raw_exec (fixture->path, "DELETE FROM quote_details"), !=, SQLITE_OK);

  /* Expired is derived, never stored: the day after its validity. */
  g_setenv ("FACTURES_TODAY", "2026-03-18", TRUE);
  g_assert_cmpint (factures_store_get_quote_status (fixture->store, issued->id, NULL, &error), ==,
                   FACTURES_QUOTE_STATUS_EXPIRED);
  /* …and an acceptance after it is refused. */
  before = content_count (fixture);
  g_assert_true (factures_date_parse_iso ("2026-03-18", &date, NULL));
  g_assert_false (factures_store_set_quote_decision (fixture->store, issued->id, TRUE, &date, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Date: "));
  g_clear_error (&error);
  g_assert_cmpint (content_count (fixture), ==, before);

  accept (fixture, issued->id, "2026-03-10");
  g_assert_cmpint (factures_store_get_quote_status (fixture->store, issued->id, &accepted, &error), ==,
                   FACTURES_QUOTE_STATUS_ACCEPTED);
  g_assert_cmpint (g_date_get_day (&accepted), ==, 10);

  /* Answered once. */
  g_assert_false (factures_store_set_quote_decision (fixture->store, issued->id, FALSE, &date, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);

  /* Not a quote / a draft quote: refused. */
  g_assert_cmpint (factures_store_verify (fixture->store, &error), ==, TRUE);
  g_assert_no_error (error);
}

static void
test_quote_to_invoices (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(FacturesDocument) deposit = NULL;
  g_autoptr(FacturesDocument) final = NULL;
  g_autoptr(FacturesDocument) issued_final = NULL;
  g_autoptr(FacturesDocument) issued_deposit = NULL;
  g_autoptr(GError) error = NULL;
  gint64 quote_id = issued_quote (fixture, 10);   /* 1 000,00 € */
  gint64 deposit_id, final_id, before;
  const FacturesDocumentRef *ref;

  /* Not accepted yet: no conversion. */
  before = content_count (fixture);
  g_assert_cmpint (factures_store_quote_to_invoice (fixture->store, quote_id, &error), ==, 0);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Quote: "));
  g_clear_error (&error);
  g_assert_cmpint (factures_store_quote_to_deposit (fixture->store, quote_id, 3000, 0, &error), ==, 0);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (content_count (fixture), ==, before);

  accept (fixture, quote_id, "2026-03-02");

  /* A 30 % deposit invoice, citing the quote, in the invoices' series. */
  deposit_id = factures_store_quote_to_deposit (fixture->store, quote_id, 3000, 0, &error);
  g_assert_no_error (error);
  deposit = factures_store_get_document (fixture->store, deposit_id, &error);
  g_assert_cmpint (deposit->kind, ==, FACTURES_DOCUMENT_KIND_DEPOSIT);
  g_assert_cmpint (deposit->client_id, ==, fixture->client_id);
  g_assert_nonnull (deposit->cites);
  g_assert_cmpstr (deposit->cites->number, ==, "D2026-0001");
  g_assert_cmpuint (deposit->lines->len, ==, 1);
  g_assert_cmpstr (((FacturesLine *) deposit->lines->pdata[0])->description, ==,
                   "Acompte de 30\u00a0% sur le devis D2026-0001 du 02/03/2026");

  /* Bad input: a deposit above what is left of the quote (700 € left, 700,01 € asked). */
  before = content_count (fixture);
  g_assert_cmpint (factures_store_quote_to_deposit (fixture->store, quote_id, 0, 70001, &error), ==, 0);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Deposit: "));
  g_assert_nonnull (strstr (error->message, "700,00"));
  g_clear_error (&error);
  /* Above the quote total on its own, too. */
  g_assert_cmpint (factures_store_quote_to_deposit (fixture->store, quote_id, 0, 100001, &error), ==, 0);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (content_count (fixture), ==, before);

  /* The final invoice waits for the draft deposit to be issued. */
  g_assert_cmpint (factures_store_quote_to_invoice (fixture->store, quote_id, &error), ==, 0);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);

  issued_deposit = issue (fixture, deposit_id);
  g_assert_cmpstr (issued_deposit->number, ==, "F2026-0001");
  g_assert_cmpint (payment_balance (fixture->store, deposit_id, NULL), ==, 30000);

  /* The final invoice: lines copied, the quote cited, the deposit deducted. */
  final_id = factures_store_quote_to_invoice (fixture->store, quote_id, &error);
  g_assert_no_error (error);
  final = factures_store_get_document (fixture->store, final_id, &error);
  g_assert_cmpint (final->kind, ==, FACTURES_DOCUMENT_KIND_INVOICE);
  g_assert_cmpuint (final->lines->len, ==, 10);
  g_assert_cmpstr (final->cites->number, ==, "D2026-0001");
  g_assert_cmpuint (final->deposits->len, ==, 1);
  ref = g_ptr_array_index (final->deposits, 0);
  g_assert_cmpstr (ref->number, ==, "F2026-0001");
  g_assert_cmpint (ref->amount, ==, 30000);

  /* Bad input: the quote converted twice (the first conversion is still a draft). */
  before = content_count (fixture);
  g_assert_cmpint (factures_store_quote_to_invoice (fixture->store, quote_id, &error), ==, 0);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already been converted"));
  g_clear_error (&error);
  g_assert_cmpint (content_count (fixture), ==, before);

  issued_final = issue (fixture, final_id);
  g_assert_cmpstr (issued_final->number, ==, "F2026-0002");
  g_assert_cmpint (raw_int (fixture->path, "SELECT amount_due FROM documents WHERE number = 'F2026-0002'"),
                   ==, 70000);
  g_assert_cmpint (raw_int (fixture->path, "SELECT gross_total FROM documents WHERE number = 'F2026-0002'"),
                   ==, 100000);
  g_assert_cmpint (payment_balance (fixture->store, final_id, NULL), ==, 70000);
  g_assert_cmpint (factures_store_get_quote_status (fixture->store, quote_id, NULL, &error), ==,
                   FACTURES_QUOTE_STATUS_INVOICED);

  /* Converted twice, now with the number of the invoice in the message. */
  g_assert_cmpint (factures_store_quote_to_invoice (fixture->store, quote_id, &error), ==, 0);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "F2026-0002"));
  g_clear_error (&error);
  /* No deposit after the final invoice either. */
  g_assert_cmpint (factures_store_quote_to_deposit (fixture->store, quote_id, 1000, 0, &error), ==, 0);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);

  /* The links of issued documents are frozen. */
  g_assert_cmpint (raw_exec (fixture->path, "DELETE FROM document_links"), !=, SQLITE_OK);
  g_assert_cmpint (raw_exec (fixture->path, "UPDATE document_links SET target_id = 1"), !=, SQLITE_OK);
  g_assert_true (factures_store_verify (fixture->store, &error));
  g_assert_no_error (error);
}

/* Fifth trial, finding 10: a deposit invoice deducted by an issued final invoice is not credited
 * alone (the credit note goes on the final invoice), neither made nor issued; allowed again once
 * the final invoice is fully credited. */
static void
test_deposit_credit (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(FacturesDocument) issued_deposit = NULL;
  g_autoptr(FacturesDocument) issued_final = NULL;
  g_autoptr(FacturesDocument) issued_credit = NULL;
  g_autoptr(FacturesDocument) refused = NULL;
  g_autoptr(GError) error = NULL;
  gint64 quote_id = issued_quote (fixture, 10);   /* 1 000,00 € */
  gint64 deposit_id, final_id, early_credit, final_credit, late_credit, before;

  accept (fixture, quote_id, "2026-03-02");
  deposit_id = factures_store_quote_to_deposit (fixture->store, quote_id, 3000, 0, &error);
  g_assert_no_error (error);
  issued_deposit = issue (fixture, deposit_id);
  final_id = factures_store_quote_to_invoice (fixture->store, quote_id, &error);
  g_assert_no_error (error);

  /* While the final invoice is a draft, the deposit may still be credited (a draft). */
  early_credit = factures_store_credit_note_new (fixture->store, deposit_id, NULL, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (early_credit, >, 0);

  issued_final = issue (fixture, final_id);
  g_assert_cmpstr (issued_final->number, ==, "F2026-0002");

  /* Now refused, naming the final invoice; nothing stored. */
  before = content_count (fixture);
  g_assert_cmpint (factures_store_credit_note_new (fixture->store, deposit_id, NULL, 0, 0, &error), ==, 0);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Credit note: "));
  g_assert_nonnull (strstr (error->message, "F2026-0001"));
  g_assert_nonnull (strstr (error->message, "F2026-0002"));
  g_clear_error (&error);
  g_assert_cmpint (factures_store_credit_note_new (fixture->store, deposit_id, NULL, 0, 1000, &error), ==, 0);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (content_count (fixture), ==, before);

  /* The draft made before cannot be issued either. */
  refused = factures_store_issue (fixture->store, early_credit, store_test_render, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "F2026-0002"));
  g_clear_error (&error);
  g_assert_cmpint (payment_balance (fixture->store, deposit_id, NULL), ==, 30000);

  /* The final invoice credited in full: it deducts nothing any more, the deposit may be credited. */
  final_credit = factures_store_credit_note_new (fixture->store, final_id, NULL, 0, 0, &error);
  g_assert_no_error (error);
  issued_credit = issue (fixture, final_credit);
  late_credit = factures_store_credit_note_new (fixture->store, deposit_id, NULL, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (late_credit, >, 0);
}

/* The converse: a deposit invoice credited while its final invoice is a draft cannot be deducted
 * by that final invoice when it is issued (it would ask the client for less than is owed). */
static void
test_deposit_credited_first (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(FacturesDocument) issued_deposit = NULL;
  g_autoptr(FacturesDocument) issued_credit = NULL;
  g_autoptr(FacturesDocument) refused = NULL;
  g_autoptr(GError) error = NULL;
  gint64 quote_id = issued_quote (fixture, 10);   /* 1 000,00 € */
  gint64 deposit_id, final_id, credit_id, before;

  accept (fixture, quote_id, "2026-03-02");
  deposit_id = factures_store_quote_to_deposit (fixture->store, quote_id, 3000, 0, &error);
  g_assert_no_error (error);
  issued_deposit = issue (fixture, deposit_id);
  final_id = factures_store_quote_to_invoice (fixture->store, quote_id, &error);
  g_assert_no_error (error);
  credit_id = factures_store_credit_note_new (fixture->store, deposit_id, NULL, 0, 0, &error);
  g_assert_no_error (error);
  issued_credit = issue (fixture, credit_id);

  before = content_count (fixture);
  refused = factures_store_issue (fixture->store, final_id, store_test_render, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Deposits: "));
  g_assert_nonnull (strstr (error->message, issued_deposit->number));
  g_assert_cmpint (content_count (fixture), ==, before);
}

static void
test_credit_notes (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(FacturesDocument) invoice = store_test_draft (fixture->client_id, "2026-03-02", 3);
  g_autoptr(FacturesDocument) issued = NULL;
  g_autoptr(FacturesDocument) credit = NULL;
  g_autoptr(FacturesDocument) issued_credit = NULL;
  g_autoptr(FacturesDocument) second = NULL;
  g_autoptr(GError) error = NULL;
  guint chosen[] = { 1 };
  gint64 credit_id, second_id, before;
  GListModel *list;

  g_assert_true (factures_store_save_draft (fixture->store, invoice, &error));

  /* Only an issued invoice can be credited. */
  g_assert_cmpint (factures_store_credit_note_new (fixture->store, invoice->id, NULL, 0, 0, &error), ==, 0);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Credit note: "));
  g_clear_error (&error);

  issued = issue (fixture, invoice->id);   /* F2026-0001, 300 € */

  /* Partial, by chosen lines: line 2 (100 €). */
  credit_id = factures_store_credit_note_new (fixture->store, issued->id, chosen, 1, 0, &error);
  g_assert_no_error (error);
  credit = factures_store_get_document (fixture->store, credit_id, &error);
  g_assert_cmpint (credit->kind, ==, FACTURES_DOCUMENT_KIND_CREDIT_NOTE);
  g_assert_cmpuint (credit->lines->len, ==, 1);
  g_assert_cmpstr (((FacturesLine *) credit->lines->pdata[0])->description, ==, "Développement, étape 2");
  g_assert_cmpstr (credit->cites->number, ==, "F2026-0001");
  g_assert_cmpint (g_date_get_day (&credit->cites->issue_date), ==, 2);

  /* The draft does not lower the balance; the issued credit note does. */
  g_assert_cmpint (payment_balance (fixture->store, issued->id, NULL), ==, 30000);
  issued_credit = issue (fixture, credit_id);
  g_assert_cmpstr (issued_credit->number, ==, "A2026-0001");
  g_assert_cmpint (factures_store_get_credited_total (fixture->store, issued->id, NULL), ==, 10000);
  g_assert_cmpint (payment_balance (fixture->store, issued->id, NULL), ==, 20000);
  /* The list rows show the same balance. */
  list = factures_store_list_documents (fixture->store, "F2026-0001", FACTURES_DOCUMENT_SORT_NUMBER, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  {
    g_autoptr(FacturesDocumentRow) row = g_list_model_get_item (list, 0);

    g_assert_cmpint (factures_document_row_get_balance (row), ==, 20000);
  }
  g_object_unref (list);

  /* Bad input: above the invoice's total minus its earlier credit notes (200 € left). */
  before = content_count (fixture);
  g_assert_cmpint (factures_store_credit_note_new (fixture->store, issued->id, NULL, 0, 0, &error), ==, 0);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Credit note: "));
  g_assert_nonnull (strstr (error->message, "200,00"));
  g_clear_error (&error);
  g_assert_cmpint (factures_store_credit_note_new (fixture->store, issued->id, NULL, 0, 20001, &error), ==, 0);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (content_count (fixture), ==, before);

  /* Partial by an amount: exactly what is left, then nothing is left. */
  second_id = factures_store_credit_note_new (fixture->store, issued->id, NULL, 0, 20000, &error);
  g_assert_no_error (error);
  /* A draft raised above the limit in the editor is refused at issue. */
  second = factures_store_get_document (fixture->store, second_id, &error);
  ((FacturesLine *) second->lines->pdata[0])->unit_price += 1000000;
  g_assert_true (factures_store_save_draft (fixture->store, second, &error));
  g_assert_null (factures_store_issue (fixture->store, second_id, store_test_render, NULL, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  ((FacturesLine *) second->lines->pdata[0])->unit_price -= 1000000;
  g_assert_true (factures_store_save_draft (fixture->store, second, &error));
  g_clear_pointer (&second, factures_document_free);
  second = issue (fixture, second_id);
  g_assert_cmpint (payment_balance (fixture->store, issued->id, NULL), ==, 0);
  g_assert_cmpint (factures_store_credit_note_new (fixture->store, issued->id, NULL, 0, 100, &error), ==, 0);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "fully credited"));
  g_clear_error (&error);

  /* A credit note that cites nothing cannot be issued. */
  {
    g_autoptr(FacturesDocument) lone = store_test_draft (fixture->client_id, "2026-03-02", 1);

    lone->kind = FACTURES_DOCUMENT_KIND_CREDIT_NOTE;
    g_assert_true (factures_store_save_draft (fixture->store, lone, &error));
    g_assert_null (factures_store_issue (fixture->store, lone->id, store_test_render, NULL, &error));
    g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_MISSING_MENTION);
    g_clear_error (&error);
  }

  g_assert_true (factures_store_verify (fixture->store, &error));
  g_assert_no_error (error);
}

static void
test_series (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *preview = NULL;
  g_autoptr(FacturesDocument) a = NULL;
  g_autoptr(FacturesDocument) b = NULL;
  g_autoptr(FacturesDocument) c = NULL;
  const FacturesSeries *invoice;
  struct {
    const char *pattern;
    gint64      next;
    gboolean    reset;
    const char *prefix;
  } bad[] = {
    { "F {YYYY}-{NNNN}", 2, FALSE, "Pattern: " },              /* a space */
    { "FACTURES-DE-MON-ENTREPRISE-{YYYY}-{NNNN}", 2, FALSE, "Pattern: " },  /* 36 characters */
    { "F{YYYY}-{NNNN}", 1, FALSE, "Next number: " },           /* back: would repeat F2026-0001 */
    { "F{YYYY}-{NNNN}", 0, FALSE, "Next number: " },
  };

  list = factures_store_list_series (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  invoice = g_ptr_array_index (list, 1);
  g_assert_cmpstr (invoice->name, ==, "invoice");
  g_assert_cmpstr (invoice->pattern, ==, "F{YYYY}-{NNNN}");
  g_assert_false (invoice->yearly_reset);

  preview = factures_store_preview_series (fixture->store, "invoice", "F{YYYY}-{NNNN}", 1, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (preview, ==, "F2026-0001");

  {
    g_autoptr(FacturesDocument) draft = store_test_draft (fixture->client_id, "2026-03-02", 1);

    g_assert_true (factures_store_save_draft (fixture->store, draft, &error));
    a = issue (fixture, draft->id);
    g_assert_cmpstr (a->number, ==, "F2026-0001");
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *p = NULL;

      p = factures_store_preview_series (fixture->store, "invoice", bad[i].pattern, bad[i].next,
                                         bad[i].reset, NULL, &error);
      g_assert_null (p);
      g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
      if (!g_str_has_prefix (error->message, bad[i].prefix))
        g_error ("%s: %s", bad[i].pattern, error->message);
      g_clear_error (&error);
      g_assert_false (factures_store_set_series (fixture->store, "invoice", bad[i].pattern, bad[i].next,
                                                 bad[i].reset, &error));
      g_clear_error (&error);
    }
  g_assert_cmpint (raw_int (fixture->path, "SELECT count(*) FROM number_series WHERE pattern = 'F{YYYY}-{NNNN}' "
                                           "AND next_counter = 2"), ==, 1);

  /* The repeat message names the number. */
  g_clear_pointer (&preview, g_free);
  preview = factures_store_preview_series (fixture->store, "invoice", "F{YYYY}-{NNNN}", 1, FALSE, NULL, &error);
  g_assert_null (preview);
  g_assert_nonnull (strstr (error->message, "F2026-0001"));
  g_clear_error (&error);

  /* A new pattern with a yearly reset: accepted, previewed, used at issue. */
  g_assert_true (factures_store_set_series (fixture->store, "invoice", "FA{YY}{MM}-{NNN}", 2, TRUE, &error));
  g_assert_no_error (error);
  g_setenv ("FACTURES_TODAY", "2026-12-30", TRUE);  /* issue dates may not be in the future */
  {
    g_autoptr(FacturesDocument) draft = store_test_draft (fixture->client_id, "2026-12-30", 1);

    g_assert_true (factures_store_save_draft (fixture->store, draft, &error));
    b = issue (fixture, draft->id);
    g_assert_cmpstr (b->number, ==, "FA2612-002");
  }
  g_setenv ("FACTURES_TODAY", "2027-01-04", TRUE);
  g_clear_pointer (&preview, g_free);
  /* The counter the next number takes in the new year is 1 (issue 10: the window shows it). */
  preview = factures_store_preview_series (fixture->store, "invoice", "FA{YY}{MM}-{NNN}", 1, TRUE, NULL, &error);
  g_assert_cmpstr (preview, ==, "FA2701-001");
  {
    g_autoptr(FacturesDocument) draft = store_test_draft (fixture->client_id, "2027-01-04", 1);

    g_assert_true (factures_store_save_draft (fixture->store, draft, &error));
    c = issue (fixture, draft->id);
    g_assert_cmpstr (c->number, ==, "FA2701-001");
  }
  g_assert_cmpint (raw_int (fixture->path, "SELECT next_counter FROM number_series WHERE name = 'invoice'"), ==, 2);

  /* Without the reset, counter 1 would give FA2612-002 (and FA2701-001) again: refused. */
  g_assert_false (factures_store_set_series (fixture->store, "invoice", "FA{YY}{MM}-{NNN}", 1, FALSE, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "FA2612-002"));
  g_clear_error (&error);
}

static void
test_json_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesStore) target = NULL;
  g_autoptr(FacturesDocument) deposit = NULL;
  g_autoptr(FacturesDocument) final = NULL;
  g_autoptr(FacturesDocument) credit = NULL;
  g_autoptr(FacturesDocument) copy = NULL;
  g_autofree char *first = g_build_filename (fixture->dir, "first.json", NULL);
  g_autofree char *second = g_build_filename (fixture->dir, "second.json", NULL);
  g_autofree char *target_path = g_build_filename (fixture->dir, "target.db", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  gint64 quote_id = issued_quote (fixture, 4);
  gint64 id;
  FacturesProfile *profile;

  profile = factures_store_get_profile (fixture->store, NULL);
  profile->building_trade = TRUE;
  g_assert_true (factures_store_save_profile (fixture->store, profile, &error));
  factures_profile_free (profile);
  g_assert_true (factures_store_set_series (fixture->store, "credit-note", "AV-{YYYY}-{NNNNN}", 1, TRUE, &error));
  g_assert_no_error (error);

  accept (fixture, quote_id, "2026-03-02");
  id = factures_store_quote_to_deposit (fixture->store, quote_id, 0, 12000, &error);
  g_assert_no_error (error);
  deposit = issue (fixture, id);
  id = factures_store_quote_to_invoice (fixture->store, quote_id, &error);
  g_assert_no_error (error);
  final = issue (fixture, id);
  id = factures_store_credit_note_new (fixture->store, final->id, NULL, 0, 5000, &error);
  g_assert_no_error (error);
  credit = issue (fixture, id);
  g_assert_cmpstr (credit->number, ==, "AV-2026-00001");
  /* And a draft quote with conditions. */
  {
    g_autoptr(FacturesDocument) draft = store_test_draft (fixture->client_id, "2026-03-02", 1);

    draft->kind = FACTURES_DOCUMENT_KIND_QUOTE;
    draft->conditions = g_strdup ("Valable « sous réserve »");
    g_assert_true (factures_store_save_draft (fixture->store, draft, &error));
  }

  g_assert_true (factures_store_export_json (fixture->store, first, &error));
  g_assert_no_error (error);
  target = factures_store_open (target_path, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_import_json (target, first, &error));
  g_assert_no_error (error);
  g_assert_true (factures_store_export_json (target, second, &error));
  g_assert_true (g_file_get_contents (first, &a, NULL, NULL));
  g_assert_true (g_file_get_contents (second, &b, NULL, NULL));
  g_assert_cmpstr (a, ==, b);
  g_assert_nonnull (strstr (a, "\"role\" : \"deposit\""));
  g_assert_nonnull (strstr (a, "\"building_trade\" : 1"));
  g_assert_nonnull (strstr (a, "\"yearly_reset\" : 1"));
  g_assert_nonnull (strstr (a, "\"quote-accepted\""));

  copy = factures_store_find_document (target, final->number, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (copy->deposits->len, ==, 1);
  g_assert_cmpint (payment_balance (target, copy->id, NULL), ==, 40000 - 12000 - 5000);
  g_assert_true (factures_store_verify (target, &error));
  g_assert_no_error (error);
}

/* The row of document @id in the Documents list (every kind and status). */
static FacturesDocumentRow *
listed_row (Fixture *fixture,
            gint64   id)
{
  g_autoptr(GListModel) model = factures_store_list_documents (fixture->store, NULL,
                                                               FACTURES_DOCUMENT_SORT_DATE, TRUE);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(FacturesDocumentRow) row = g_list_model_get_item (model, i);

      if (factures_document_row_get_id (row) == id)
        return g_steal_pointer (&row);
    }
  g_assert_not_reached ();
}

static gint
listed_quote_status (Fixture *fixture,
                     gint64   id)
{
  g_autoptr(FacturesDocumentRow) row = listed_row (fixture, id);
  g_autoptr(GError) error = NULL;
  gint status = factures_document_row_get_quote_status (row);

  /* The list derives it in SQL; it must say what the quote's own page says. */
  g_assert_cmpint (status, ==, factures_store_get_quote_status (fixture->store, id, NULL, &error));
  g_assert_no_error (error);
  return status;
}

static void
test_list_rows (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(FacturesDocument) invoice = store_test_draft (fixture->client_id, "2026-03-02", 1);
  g_autoptr(FacturesDocument) own_terms = NULL;
  g_autoptr(FacturesDocument) draft_quote = store_test_draft (fixture->client_id, "2026-03-02", 1);
  g_autoptr(FacturesDocument) issued_invoice = NULL;
  g_autoptr(FacturesClient) client = store_test_client ("Atelier Dupont SAS");
  g_autoptr(FacturesProfile) profile = NULL;
  g_autoptr(FacturesDocumentRow) row = NULL;
  g_autoptr(GError) error = NULL;
  gint64 sent, accepted, refused, invoiced;
  GDate date;

  /* A draft invoice: the due date of the profile's terms (30 days), not nothing. */
  g_assert_true (factures_store_save_draft (fixture->store, invoice, &error));
  g_assert_no_error (error);
  row = listed_row (fixture, invoice->id);
  g_assert_cmpstr (factures_document_row_get_due_date (row), ==, "2026-04-01");
  g_assert_cmpint (factures_document_row_get_quote_status (row), ==, -1);
  g_clear_object (&row);

  /* A client with its own terms, 45 days end of month counted "end, then add". */
  client->has_terms = TRUE;
  client->terms.kind = FACTURES_TERMS_END_OF_MONTH_45;
  g_assert_true (factures_store_save_client (fixture->store, client, &error));
  g_assert_no_error (error);
  profile = factures_store_get_profile (fixture->store, &error);
  profile->eom_method = FACTURES_EOM_METHOD_END_THEN_ADD;
  g_assert_true (factures_store_save_profile (fixture->store, profile, &error));
  g_assert_no_error (error);
  own_terms = store_test_draft (client->id, "2026-03-02", 1);
  g_assert_true (factures_store_save_draft (fixture->store, own_terms, &error));
  g_assert_no_error (error);
  row = listed_row (fixture, own_terms->id);
  g_assert_cmpstr (factures_document_row_get_due_date (row), ==, "2026-05-15");
  g_clear_object (&row);

  /* Issued: the stored due date, whatever the terms are now. */
  issued_invoice = issue (fixture, invoice->id);
  row = listed_row (fixture, invoice->id);
  g_assert_cmpstr (factures_document_row_get_due_date (row), ==, "2026-04-01");
  g_clear_object (&row);

  /* Quotes: each status of the lifecycle. */
  draft_quote->kind = FACTURES_DOCUMENT_KIND_QUOTE;
  g_assert_true (factures_store_save_draft (fixture->store, draft_quote, &error));
  g_assert_no_error (error);
  g_assert_cmpint (listed_quote_status (fixture, draft_quote->id), ==, FACTURES_QUOTE_STATUS_DRAFT);
  sent = issued_quote (fixture, 1);
  accepted = issued_quote (fixture, 1);
  refused = issued_quote (fixture, 1);
  invoiced = issued_quote (fixture, 1);
  g_assert_cmpint (listed_quote_status (fixture, sent), ==, FACTURES_QUOTE_STATUS_SENT);
  accept (fixture, accepted, "2026-03-02");
  g_assert_cmpint (listed_quote_status (fixture, accepted), ==, FACTURES_QUOTE_STATUS_ACCEPTED);
  g_assert_true (factures_date_parse_iso ("2026-03-02", &date, NULL));
  g_assert_true (factures_store_set_quote_decision (fixture->store, refused, FALSE, &date, &error));
  g_assert_no_error (error);
  g_assert_cmpint (listed_quote_status (fixture, refused), ==, FACTURES_QUOTE_STATUS_REFUSED);
  accept (fixture, invoiced, "2026-03-02");
  g_assert_cmpint (factures_store_quote_to_invoice (fixture->store, invoiced, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (listed_quote_status (fixture, invoiced), ==, FACTURES_QUOTE_STATUS_INVOICED);

  /* Expired: derived from today, after the 30 days of validity; answered ones stay. */
  g_setenv ("FACTURES_TODAY", "2026-04-02", TRUE);
  g_assert_cmpint (listed_quote_status (fixture, sent), ==, FACTURES_QUOTE_STATUS_EXPIRED);
  g_assert_cmpint (listed_quote_status (fixture, accepted), ==, FACTURES_QUOTE_STATUS_ACCEPTED);
  g_assert_cmpint (listed_quote_status (fixture, refused), ==, FACTURES_QUOTE_STATUS_REFUSED);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/lifecycle/quote", test_quote);
  ADD ("/store/lifecycle/quote-to-invoices", test_quote_to_invoices);
  ADD ("/store/lifecycle/deposit-credit", test_deposit_credit);
  ADD ("/store/lifecycle/deposit-credited-first", test_deposit_credited_first);
  ADD ("/store/lifecycle/credit-notes", test_credit_notes);
  ADD ("/store/lifecycle/series", test_series);
  ADD ("/store/lifecycle/json-round-trip", test_json_round_trip);
  ADD ("/store/lifecycle/list-rows", test_list_rows);
#undef ADD

  return g_test_run ();
}
