/* test-bank-import.c — a statement imported, its matches confirmed: balances, the overdue
 * view, the dunning queue and the livre des recettes follow; imported again, nothing is added;
 * bad input changes nothing (issue 16, end to end below the window)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bank-test-util.h"
#include "factures-bank-import.h"
#include "factures-bank-match.h"
#include "factures-store-integrity.h"

#define ACCOUNT "FR7630006000011234567890189"

typedef struct {
  BankFixture  f;
  gint64       a, b, c;
  char        *na, *nb, *nc;
} Fixture;

static void
set_up (Fixture *x, gconstpointer data)
{
  gint64 dupont, martin;

  bank_fixture_set_up (&x->f);
  dupont = bank_client (&x->f, "Dupont Conseil SARL");
  martin = bank_client (&x->f, "Martin et Fils");
  /* issued in October, due 30 days later: all overdue on 1 December */
  x->a = bank_invoice (&x->f, dupont, "2026-10-01", 120000, &x->na);
  x->b = bank_invoice (&x->f, dupont, "2026-10-02", 30000, &x->nb);
  x->c = bank_invoice (&x->f, martin, "2026-10-03", 90000, &x->nc);
}

static void
tear_down (Fixture *x, gconstpointer data)
{
  bank_fixture_tear_down (&x->f);
  g_free (x->na);
  g_free (x->nb);
  g_free (x->nc);
}

static FacturesBankTransaction *
transaction (const char *id, const char *iso, gint64 cents, const char *label, FacturesBankKind kind)
{
  FacturesBankTransaction *t = g_new0 (FacturesBankTransaction, 1);

  t->id = g_strdup (id);
  t->id_from_bank = TRUE;
  g_assert_true (factures_date_parse_iso (iso, &t->booking_date, NULL));
  g_date_clear (&t->value_date, 1);
  t->amount = cents;
  g_strlcpy (t->currency, "EUR", sizeof t->currency);
  t->label = g_strdup (label);
  t->kind = kind;
  return t;
}

/* The statement of November: the transfer paying A and B, the partial payment of C, the bank's
 * fee, and a credit that pays no invoice. */
static FacturesBankFile *
statement (Fixture *x, const char *currency)
{
  FacturesBankFile *file = g_new0 (FacturesBankFile, 1);
  FacturesBankStatement *s = g_new0 (FacturesBankStatement, 1);
  g_autofree char *both = g_strdup_printf ("VIR SEPA DUPONT CONSEIL FACTURES %s %s", x->na, x->nb);
  g_autofree char *partial = g_strdup_printf ("VIR SEPA MARTIN ET FILS %s ACOMPTE", x->nc);

  file->format = FACTURES_BANK_FORMAT_CFONB120;
  file->statements = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_bank_statement_free);
  file->warnings = g_ptr_array_new_with_free_func (g_free);
  s->format = file->format;
  s->account = g_strdup (ACCOUNT);
  g_strlcpy (s->currency, currency, sizeof s->currency);
  g_date_clear (&s->start_date, 1);
  g_date_clear (&s->end_date, 1);
  s->transactions = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_bank_transaction_free);
  g_ptr_array_add (s->transactions, transaction ("N1", "2026-11-12", 150000, both, FACTURES_BANK_KIND_TRANSFER));
  g_ptr_array_add (s->transactions, transaction ("N2", "2026-11-14", 40000, partial, FACTURES_BANK_KIND_TRANSFER));
  g_ptr_array_add (s->transactions, transaction ("N3", "2026-11-30", -1250, "FRAIS TENUE DE COMPTE", FACTURES_BANK_KIND_FEE));
  g_ptr_array_add (s->transactions, transaction ("N4", "2026-11-20", 5000, "VIR CAF ALLOCATIONS", FACTURES_BANK_KIND_TRANSFER));
  g_ptr_array_add (file->statements, s);
  return file;
}

static FacturesBankMatch *
pending_for (GPtrArray *pending, const char *stable_id)
{
  for (guint i = 0; i < pending->len; i++)
    {
      FacturesBankMatch *m = g_ptr_array_index (pending, i);

      if (g_strcmp0 (m->entry->stable_id, stable_id) == 0)
        return m;
    }
  return NULL;
}

static void
test_journey (Fixture *x, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesBankFile) file = statement (x, "EUR");
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GPtrArray) receipts = NULL;
  g_autoptr(GPtrArray) queue = NULL;
  g_autofree char *before_again = NULL;
  g_autofree char *after_again = NULL;
  FacturesBankImportResult result = { 0 };
  FacturesReceivables receivables;
  FacturesBankMatch *both, *partial, *other;
  gint64 partial_id;
  FacturesReceipt *r;
  GDate today, from, to;

  factures_today (&today);
  g_assert_true (factures_store_get_receivables (x->f.store, &today, &receivables, &error));
  g_assert_cmpuint (receivables.n_overdue, ==, 3);

  g_assert_true (factures_bank_import_read (x->f.store, "novembre.cfonb", file, NULL, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_read, ==, 4);
  g_assert_cmpuint (result.n_added, ==, 4);
  factures_bank_import_result_clear (&result);

  /* the three credits wait; the fee (a debit refunding nothing) is left alone */
  pending = factures_bank_match_pending (x->f.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pending->len, ==, 3);
  both = pending_for (pending, "N1");
  partial = pending_for (pending, "N2");
  other = pending_for (pending, "N4");
  g_assert_nonnull (both->best);
  g_assert_cmpuint (both->best->allocations->len, ==, 2);
  g_assert_cmpint (both->best->confidence, ==, FACTURES_BANK_CONFIDENCE_LIKELY);
  g_assert_nonnull (partial->best);
  g_assert_cmpint (g_array_index (partial->best->allocations, FacturesAllocation, 0).document_id, ==, x->c);
  g_assert_null (other->best);
  partial_id = partial->entry->id;

  g_assert_true (factures_bank_confirm (x->f.store, both->entry, both->best, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (factures_bank_confirm (x->f.store, partial->entry, partial->best, NULL, &error));
  g_assert_no_error (error);
  /* confirmed twice: refused, nothing recorded */
  g_assert_false (factures_bank_confirm (x->f.store, partial->entry, partial->best, NULL, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  /* "pas une facture" */
  g_assert_true (factures_store_bank_dismiss (x->f.store, other->entry->id, &error));
  g_assert_no_error (error);

  /* balances */
  g_assert_cmpint (bank_balance (&x->f, x->a), ==, 0);
  g_assert_cmpint (bank_balance (&x->f, x->b), ==, 0);
  g_assert_cmpint (bank_balance (&x->f, x->c), ==, 50000);
  /* the overdue view: only C, for what is left */
  g_assert_true (factures_store_get_receivables (x->f.store, &today, &receivables, &error));
  g_assert_cmpuint (receivables.n_overdue, ==, 1);
  g_assert_cmpint (receivables.overdue, ==, 50000);
  /* the dunning ladder stops for A and B */
  queue = factures_store_get_dunning_queue (x->f.store, &today, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < queue->len; i++)
    g_assert_cmpint (((FacturesDunningTask *) g_ptr_array_index (queue, i))->document_id, ==, x->c);
  /* the livre des recettes: cash-in date = booking date, method from the movement */
  g_date_set_dmy (&from, 1, 11, 2026);
  g_date_set_dmy (&to, 30, 11, 2026);
  receipts = factures_store_list_receipts (x->f.store, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (receipts->len, ==, 2);
  r = g_ptr_array_index (receipts, 0);
  g_assert_cmpint (r->amount, ==, 150000);
  g_assert_cmpint (g_date_get_day (&r->date), ==, 12);
  g_assert_cmpint (r->method, ==, FACTURES_PAYMENT_METHOD_TRANSFER);
  g_assert_nonnull (strstr (r->invoices, x->na));
  g_assert_nonnull (strstr (r->invoices, x->nb));
  r = g_ptr_array_index (receipts, 1);
  g_assert_cmpint (r->amount, ==, 40000);
  g_assert_cmpint (g_date_get_day (&r->date), ==, 14);

  /* nothing left to propose */
  g_clear_pointer (&pending, g_ptr_array_unref);
  pending = factures_bank_match_pending (x->f.store, &error);
  g_assert_cmpuint (pending->len, ==, 0);

  /* the same statement again adds nothing: the database is the same */
  before_again = bank_dump_hash (&x->f);
  g_assert_true (factures_bank_import_read (x->f.store, "novembre.cfonb", file, NULL, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_added, ==, 0);
  g_assert_cmpuint (result.n_skipped, ==, 4);
  g_assert_cmpuint (result.warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (result.warnings, 0), "novembre.cfonb"));
  factures_bank_import_result_clear (&result);
  after_again = bank_dump_hash (&x->f);
  g_assert_cmpstr (before_again, ==, after_again);

  /* undo the partial payment: its reversal, both lines kept; proposed again */
  g_assert_true (factures_store_bank_undo (x->f.store, partial_id, &today, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bank_balance (&x->f, x->c), ==, 90000);
  g_date_set_dmy (&to, 1, 12, 2026);
  g_clear_pointer (&receipts, g_ptr_array_unref);
  receipts = factures_store_list_receipts (x->f.store, &from, &to, &error);
  g_assert_cmpuint (receipts->len, ==, 3);
  r = g_ptr_array_index (receipts, 2);
  g_assert_true (r->reversal);
  g_assert_cmpint (r->amount, ==, -40000);
  g_clear_pointer (&pending, g_ptr_array_unref);
  pending = factures_bank_match_pending (x->f.store, &error);
  g_assert_cmpuint (pending->len, ==, 1);
  g_assert_cmpstr (((FacturesBankMatch *) g_ptr_array_index (pending, 0))->entry->stable_id, ==, "N2");

  /* the history is whole: every row in the journal */
  g_assert_true (factures_store_verify_journal (x->f.store, &error));
  g_assert_no_error (error);
}

/* Bad input: refused with a French message naming the file and the account; the database as
 * it was. */
static void
test_refusals (Fixture *x, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesBankFile) usd = statement (x, "USD");
  g_autoptr(FacturesBankFile) mixed = statement (x, "EUR");
  g_autoptr(FacturesBankFile) nameless = statement (x, "EUR");
  g_autofree char *before = bank_dump_hash (&x->f);
  g_autofree char *after = NULL;
  FacturesBankImportResult result = { 0 };
  FacturesBankStatement *second;

  /* an account in another currency */
  g_assert_false (factures_bank_import_read (x->f.store, "checking.ofx", usd, NULL, NULL, NULL, NULL, &result, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "checking.ofx"));
  g_assert_nonnull (strstr (error->message, "USD"));
  g_assert_nonnull (strstr (error->message, ACCOUNT));
  g_clear_error (&error);
  factures_bank_import_result_clear (&result);

  /* a file of two accounts, one in CHF: nothing of the EUR one is kept either */
  second = g_new0 (FacturesBankStatement, 1);
  second->account = g_strdup ("CH9300762011623852957");
  g_strlcpy (second->currency, "CHF", sizeof second->currency);
  second->transactions = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_bank_transaction_free);
  g_ptr_array_add (second->transactions, transaction ("C1", "2026-11-02", 1000, "VIR", FACTURES_BANK_KIND_TRANSFER));
  g_ptr_array_add (mixed->statements, second);
  g_assert_false (factures_bank_import_read (x->f.store, "camt053.xml", mixed, NULL, NULL, NULL, NULL, &result, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "CHF"));
  g_clear_error (&error);
  factures_bank_import_result_clear (&result);

  /* no account */
  g_free (((FacturesBankStatement *) g_ptr_array_index (nameless->statements, 0))->account);
  ((FacturesBankStatement *) g_ptr_array_index (nameless->statements, 0))->account = g_strdup ("");
  g_assert_false (factures_bank_import_read (x->f.store, "releve.csv", nameless, NULL, NULL, NULL, NULL, &result, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "releve.csv"));
  g_clear_error (&error);
  factures_bank_import_result_clear (&result);

  /* cancelled half-way: nothing */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(FacturesBankFile) eur = statement (x, "EUR");

    g_cancellable_cancel (cancellable);
    g_assert_false (factures_bank_import_read (x->f.store, "novembre.cfonb", eur, NULL, cancellable, NULL, NULL,
                                               &result, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    factures_bank_import_result_clear (&result);
  }

  after = bank_dump_hash (&x->f);
  g_assert_cmpstr (before, ==, after);
}

/* Two identical card payments on one day stay two; an overlapping period exported again (the
 * same movements, the same ids, plus new ones) adds only the new ones. */
static void
test_overlap (Fixture *x, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesBankFile) first = statement (x, "EUR");
  g_autoptr(FacturesBankFile) second = statement (x, "EUR");
  FacturesBankStatement *s = g_ptr_array_index (second->statements, 0);
  FacturesBankImportResult result = { 0 };

  g_assert_true (factures_bank_import_read (x->f.store, "a.ofx", first, NULL, NULL, NULL, NULL, &result, &error));
  g_assert_cmpuint (result.n_added, ==, 4);
  factures_bank_import_result_clear (&result);
  g_ptr_array_add (s->transactions, transaction ("h:abc:1", "2026-12-01", -450, "CB BOULANGERIE", FACTURES_BANK_KIND_CARD));
  g_ptr_array_add (s->transactions, transaction ("h:abc:2", "2026-12-01", -450, "CB BOULANGERIE", FACTURES_BANK_KIND_CARD));
  g_assert_true (factures_bank_import_read (x->f.store, "b.ofx", second, NULL, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_added, ==, 2);
  g_assert_cmpuint (result.n_skipped, ==, 4);
  factures_bank_import_result_clear (&result);
}

/* The JSON export carries the bank tables and the refunds; imported back into an empty
 * database, the movements, decisions and the livre des recettes are the same. */
static void
test_json (Fixture *x, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesBankFile) file = statement (x, "EUR");
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(FacturesStore) copy = NULL;
  g_autofree char *json = g_build_filename (x->f.dir, "export.json", NULL);
  g_autofree char *copy_path = g_build_filename (x->f.dir, "copy.db", NULL);
  g_autofree char *text = NULL;
  FacturesBankImportResult result = { 0 };
  FacturesBankMatch *m;

  g_assert_true (factures_bank_import_read (x->f.store, "a.cfonb", file, NULL, NULL, NULL, NULL, &result, &error));
  factures_bank_import_result_clear (&result);
  pending = factures_bank_match_pending (x->f.store, &error);
  m = pending_for (pending, "N1");
  g_assert_true (factures_bank_confirm (x->f.store, m->entry, m->best, NULL, &error));
  g_assert_no_error (error);
  m = pending_for (pending, "N4");
  g_assert_true (factures_store_bank_dismiss (x->f.store, m->entry->id, &error));

  g_assert_true (factures_store_export_json (x->f.store, json, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (json, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"bank_transactions\""));
  g_assert_nonnull (strstr (text, "\"bank_matches\""));
  copy = factures_store_open (copy_path, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_import_json (copy, json, &error));
  g_assert_no_error (error);
  before = factures_store_bank_list (x->f.store, FACTURES_BANK_LIST_DECIDED, FALSE, &error);
  after = factures_store_bank_list (copy, FACTURES_BANK_LIST_DECIDED, FALSE, &error);
  g_assert_cmpuint (before->len, ==, 2);
  g_assert_cmpuint (after->len, ==, 2);
  g_assert_true (factures_store_verify_journal (copy, &error));
  g_assert_no_error (error);
}

/* A movement changed behind the app's back is named by the journal's check (0008, 0014). */
static void
test_tampered (Fixture *x, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesBankFile) file = statement (x, "EUR");
  FacturesBankImportResult result = { 0 };
  sqlite3 *db = NULL;

  g_assert_true (factures_bank_import_read (x->f.store, "a.cfonb", file, NULL, NULL, NULL, NULL, &result, &error));
  factures_bank_import_result_clear (&result);
  g_assert_true (factures_store_verify_journal (x->f.store, &error));
  g_assert_no_error (error);
  /* refused through SQL as it is */
  g_assert_cmpint (sqlite3_open (x->f.path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE bank_transactions SET amount = 1 WHERE id = 1", NULL, NULL, NULL), !=, SQLITE_OK);
  /* …and seen when the trigger is dropped first */
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER bank_transactions_no_update; "
                                     "UPDATE bank_transactions SET amount = 1 WHERE id = 1", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_false (factures_store_verify_journal (x->f.store, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "bank movement 1"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/bank/import/journey", Fixture, NULL, set_up, test_journey, tear_down);
  g_test_add ("/bank/import/refusals", Fixture, NULL, set_up, test_refusals, tear_down);
  g_test_add ("/bank/import/overlap", Fixture, NULL, set_up, test_overlap, tear_down);
  g_test_add ("/bank/import/tampered", Fixture, NULL, set_up, test_tampered, tear_down);
  g_test_add ("/bank/import/json", Fixture, NULL, set_up, test_json, tear_down);
  return g_test_run ();
}
