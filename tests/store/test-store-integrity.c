/* test-store-integrity.c — issue 10, finding 4: a verify that sees everything, with a witness.
 *
 * Each tamper case is made with sqlite3 and the triggers dropped, as a user (or a tool) could:
 * a client changed on an issued invoice, an event edited or deleted, the payment of an imported
 * sale cleared, a payment deleted or edited (--verify), the last invoices deleted with the
 * counter set back (--verify --against a backup, a JSON export, a receipts CSV). Payments are
 * cancelled by reversals, never erased.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "factures-imported.h"
#include "factures-store-facturx.h"
#include "factures-store-integrity.h"
#include "factures-store-payments.h"
#include "factures-store-purchases.h"
#include "factures-store-receipts.h"
#include "store-test-util.h"

typedef struct {
  char          *dir;
  char          *path;
  FacturesStore *store;
  gint64         client_id;
  gint64         other_client_id;
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
  g_autoptr(FacturesClient) other = store_test_client ("Autre Client SARL");

  f->dir = store_test_make_fast_dir ();
  f->path = store_test_db_path (f->dir);
  f->store = factures_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_save_profile (f->store, profile, &error));
  g_assert_true (factures_store_save_client (f->store, client, &error));
  g_assert_true (factures_store_save_client (f->store, other, &error));
  g_assert_no_error (error);
  f->client_id = client->id;
  f->other_client_id = other->id;
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  store_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gint64
issue (Fixture *f, const char *iso)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) draft = store_test_draft (f->client_id, iso, 1);
  g_autoptr(FacturesDocument) issued = NULL;

  g_assert_true (factures_store_save_draft (f->store, draft, &error));
  g_assert_no_error (error);
  issued = factures_store_issue (f->store, draft->id, store_test_render, NULL, &error);
  g_assert_no_error (error);
  return issued->id;
}

static gint64
pay (Fixture *f, gint64 invoice, const char *iso, gint64 amount)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesPayment) p = factures_payment_new ();

  p->date = d (iso);
  p->amount = amount;
  p->method = FACTURES_PAYMENT_METHOD_TRANSFER;
  factures_payment_add_allocation (p, invoice, 0);
  g_assert_true (factures_store_record_payment (f->store, p, FACTURES_OVERPAYMENT_REFUSE, NULL, &error));
  g_assert_no_error (error);
  return p->id;
}

/* SQL on the file through another connection, as sqlite3 would (triggers dropped by @sql). */
static void
tamper (Fixture *f, const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 2000);
  rc = sqlite3_exec (db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* tamper(), then the triggers @sql dropped made again with their own SQL, as a careful forger
 * would (sqlite3 .schema gives it): what only the journal or a witness can show. */
static void
tamper_restoring (Fixture *f, const char *sql)
{
  g_autoptr(GPtrArray) triggers = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_master WHERE type = 'trigger'", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (triggers, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  tamper (f, sql);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < triggers->len; i++)
    sqlite3_exec (db, g_ptr_array_index (triggers, i), NULL, NULL, NULL);   /* (those still there fail) */
  sqlite3_close (db);
}

/* The SQL of the trigger @name, to make it again after a tamper. */
static char *
trigger_sql (Fixture *f, const char *name)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *sql = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  sql = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return sql;
}

static gboolean
refused (Fixture *f, const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 2000);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_close (db);
  return rc != SQLITE_OK;
}

/* --verify fails, and its message holds @fragment. */
static void
assert_verify_fails (Fixture *f, const char *fragment)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (factures_store_verify (f->store, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, fragment));
}

static void
assert_verify_passes (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  factures_store_verify (f->store, &error);
  g_assert_no_error (error);
}

/* Every column of documents is hashed or said not to be (a later issue adding an issued field
 * must classify it, and bump the chain version). */
static void
test_columns_classified (Fixture *f, gconstpointer data)
{
  const char * const *hashed = NULL;
  const char * const *unhashed = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  factures_store_chain_columns (&hashed, &unhashed);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA table_info (documents)", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *column = (const char *) sqlite3_column_text (stmt, 1);
      gboolean in_hashed = g_strv_contains (hashed, column);
      gboolean in_unhashed = g_strv_contains (unhashed, column);

      if (in_hashed == in_unhashed)
        g_error ("documents.%s is %s: add it to the hashed columns of a new chain version, or to the "
                 "unhashed ones with the reason (factures-store.c, chain_hashed_columns)",
                 column, in_hashed ? "in both lists" : "in neither list");
      n++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (n, ==, g_strv_length ((char **) hashed) + g_strv_length ((char **) unhashed));
}

/* Client change: an issued invoice's client_id and client_name (the overdue list would show
 * another client) are in the v2 hash. */
static void
test_client_change (Fixture *f, gconstpointer data)
{
  g_autofree char *sql = NULL;

  issue (f, "2026-03-01");
  issue (f, "2026-03-02");
  assert_verify_passes (f);

  sql = g_strdup_printf ("DROP TRIGGER documents_issued_no_update; "
                         "UPDATE documents SET client_id = %" G_GINT64_FORMAT ", client_name = 'Autre Client SARL' "
                         "WHERE number = 'F2026-0002';", f->other_client_id);
  tamper (f, sql);
  assert_verify_fails (f, "F2026-0002");
}

static void
test_client_name_change (Fixture *f, gconstpointer data)
{
  issue (f, "2026-03-01");
  tamper (f, "DROP TRIGGER documents_issued_no_update; "
             "UPDATE documents SET client_name = 'Quelqu''un d''autre' WHERE number = 'F2026-0001';");
  assert_verify_fails (f, "F2026-0001");
}

/* The series state at the issue is hashed too; a v2 document cannot pass for a v1 one. */
static void
test_series_state_and_version (Fixture *f, gconstpointer data)
{
  g_autofree char *trigger = trigger_sql (f, "documents_issued_no_update");

  issue (f, "2026-03-01");
  issue (f, "2026-03-02");
  tamper (f, "DROP TRIGGER documents_issued_no_update; "
             "UPDATE documents SET series_counter = 9 WHERE number = 'F2026-0001';");
  assert_verify_fails (f, "F2026-0001");
  tamper (f, "UPDATE documents SET series_counter = 2 WHERE number = 'F2026-0001';");
  tamper (f, trigger);   /* (made again as it was: only the chain could tell) */
  assert_verify_passes (f);
  tamper (f, "DROP TRIGGER documents_issued_no_update; "
             "UPDATE documents SET chain_version = 1 WHERE number = 'F2026-0002';");
  assert_verify_fails (f, "F2026-0002");
}

/* The factures-chain-v1 canonical text of an invoice without quote details or links, written
 * again here, independently of the store: it pins the v1 format, which must never change. */
static char *
v1_hash (sqlite3 *db, const char *number, const char *prev)
{
  g_autoptr(GString) out = g_string_new ("factures-chain-v1\n");
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *pdf_sha = NULL;
  sqlite3_stmt *doc = NULL, *lines = NULL;
  const char *text_cols[] = { "number", NULL, "issue_date", "delivery_date", "due_date", NULL, NULL, "seller", "buyer" };

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT number, kind, issue_date, delivery_date, due_date, terms_kind, "
                                           "terms_days, seller, buyer, allowance, net_total, vat_total, gross_total, "
                                           "amount_due, notes, purchase_order, "
                                           "(SELECT pdf FROM document_originals WHERE document_id = documents.id), "
                                           "id FROM documents WHERE number = ?1",
                                       -1, &doc, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (doc, 1, number, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (doc), ==, SQLITE_ROW);
#define TEXT(key, col) do { const char *v = (const char *) sqlite3_column_text (doc, col); \
    if (v == NULL) g_string_append_printf (out, "%s=-\n", key); \
    else g_string_append_printf (out, "%s=%zu:%s\n", key, strlen (v), v); } while (0)
#define INT(key, stmt, col) g_string_append_printf (out, "%s=%" G_GINT64_FORMAT "\n", key, \
    (gint64) sqlite3_column_int64 (stmt, col))
  for (int col = 0; col < 9; col++)
    {
      if (text_cols[col] != NULL)
        TEXT (text_cols[col], col);
      else
        INT (col == 1 ? "kind" : col == 5 ? "terms_kind" : "terms_days", doc, col);
    }
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT position, description, quantity, unit, unit_price, vat_rate_bp, "
                                           "allowance, net FROM lines WHERE document_id = ?1 ORDER BY position",
                                       -1, &lines, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (lines, 1, sqlite3_column_int64 (doc, 17));
  while (sqlite3_step (lines) == SQLITE_ROW)
    {
      const char *description = (const char *) sqlite3_column_text (lines, 1);
      const char *unit = (const char *) sqlite3_column_text (lines, 3);

      INT ("line", lines, 0);
      g_string_append_printf (out, "description=%zu:%s\n", strlen (description), description);
      INT ("quantity", lines, 2);
      if (unit == NULL)
        g_string_append (out, "unit=-\n");
      else
        g_string_append_printf (out, "unit=%zu:%s\n", strlen (unit), unit);
      INT ("unit_price", lines, 4);
      INT ("vat_rate_bp", lines, 5);
      INT ("line_allowance", lines, 6);
      INT ("net", lines, 7);
    }
  sqlite3_finalize (lines);
  INT ("allowance", doc, 9);
  INT ("net_total", doc, 10);
  INT ("vat_total", doc, 11);
  INT ("gross_total", doc, 12);
  INT ("amount_due", doc, 13);
  TEXT ("notes", 14);
  TEXT ("purchase_order", 15);
  pdf_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, sqlite3_column_blob (doc, 16),
                                         (gsize) sqlite3_column_bytes (doc, 16));
  g_string_append_printf (out, "pdf_sha256=%zu:%s\n", strlen (pdf_sha), pdf_sha);
#undef TEXT
#undef INT
  sqlite3_finalize (doc);
  if (prev != NULL)
    g_checksum_update (checksum, (const guchar *) prev, -1);
  g_checksum_update (checksum, (const guchar *) out->str, -1);
  return g_strdup (g_checksum_get_string (checksum));
}

/* A chain issued before migration 0008 (v1) keeps verifying, v1 hashes as they were, and goes
 * on in v2: the client of a v1 document is outside its hash, that of a v2 one inside. */
static void
test_v1_then_v2 (Fixture *f, gconstpointer data)
{
  g_autofree char *hash = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;

  issue (f, "2026-03-01");
  /* F2026-0001 made as the code before 0008 made it: its lines without the VAT treatment that
   * the issue now records (issue 13). */
  tamper_restoring (f, "DROP TRIGGER lines_issued_no_update; "
             "UPDATE lines SET activity = 0, vat_category = NULL, vatex = NULL, exemption_reason = NULL, "
             "override_reason = NULL;");
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  hash = v1_hash (db, "F2026-0001", NULL);
  sqlite3_close (db);
  sql = g_strdup_printf ("DROP TRIGGER documents_issued_no_update; "
                         "UPDATE documents SET chain_version = 1, series_name = NULL, series_counter = NULL, "
                         "series_date = NULL, hash = '%s' WHERE number = 'F2026-0001';", hash);
  tamper_restoring (f, sql);
  assert_verify_passes (f);

  issue (f, "2026-03-02");
  assert_verify_passes (f);
  {
    g_autofree char *check = NULL;

    g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
    check = v1_hash (db, "F2026-0001", NULL);
    sqlite3_close (db);
    g_assert_cmpstr (check, ==, hash);
  }

  /* v1 never hashed the client reference: unseen there (documented); seen on v2 */
  tamper_restoring (f, "DROP TRIGGER documents_issued_no_update; "
             "UPDATE documents SET client_name = 'Autre' WHERE number = 'F2026-0001';");
  assert_verify_passes (f);
  tamper (f, "DROP TRIGGER documents_issued_no_update; "
             "UPDATE documents SET client_name = 'Autre' WHERE number = 'F2026-0002';");
  assert_verify_fails (f, "F2026-0002");
}

/* Events: never updated nor deleted; done behind the app's back, --verify names them. */
static void
test_events (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  issue (f, "2026-03-01");
  issue (f, "2026-03-02");
  g_assert_true (refused (f, "UPDATE events SET date = '2026-01-01'"));
  g_assert_true (refused (f, "DELETE FROM events"));
  assert_verify_passes (f);

  tamper_restoring (f, "DROP TRIGGER events_no_update; "
             "UPDATE events SET date = '2026-01-01' WHERE document_id = "
             "(SELECT id FROM documents WHERE number = 'F2026-0001');");
  assert_verify_fails (f, "F2026-0001");
  /* (back to the value it had: factures_today() is 2026-06-15 in these tests) */
  tamper_restoring (f, "DROP TRIGGER events_no_update; UPDATE events SET date = '2026-06-15' WHERE document_id = "
             "(SELECT id FROM documents WHERE number = 'F2026-0001');");
  assert_verify_passes (f);

  tamper (f, "DROP TRIGGER events_no_delete; "
             "DELETE FROM events WHERE document_id = (SELECT id FROM documents WHERE number = 'F2026-0002');");
  assert_verify_fails (f, "F2026-0002");
}

/* Payment deleted: the allocation and the payment, triggers dropped. */
static void
test_payment_deleted (Fixture *f, gconstpointer data)
{
  gint64 invoice = issue (f, "2026-03-01");

  pay (f, invoice, "2026-03-10", 4000);
  pay (f, invoice, "2026-03-20", 6000);
  g_assert_true (refused (f, "DELETE FROM payments WHERE id = 2"));
  g_assert_true (refused (f, "DELETE FROM payment_allocations"));
  g_assert_true (refused (f, "UPDATE payments SET amount = 1"));
  assert_verify_passes (f);

  tamper (f, "DROP TRIGGER payments_no_delete; DROP TRIGGER payment_allocations_no_delete; "
             "PRAGMA foreign_keys = ON; DELETE FROM payments WHERE id = 1;");
  assert_verify_fails (f, "payment 1");
}

static void
test_payment_edited (Fixture *f, gconstpointer data)
{
  gint64 invoice = issue (f, "2026-03-01");

  pay (f, invoice, "2026-03-10", 4000);
  tamper (f, "DROP TRIGGER payments_no_update; UPDATE payments SET amount = 400 WHERE id = 1;");
  assert_verify_fails (f, "payment 1");
}

static gint64
import_sale (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesImported) imported = factures_imported_new ();
  g_autoptr(GBytes) xml = g_bytes_new_static ("<x/>", 4);
  FacturesImportedDirection direction;
  gint64 id;

  imported->number = g_strdup ("EXT-1");
  imported->type_code = 380;
  imported->issue_date = d ("2026-01-20");
  imported->currency = g_strdup ("EUR");
  imported->seller.name = g_strdup ("Marie Martin EI");
  imported->seller.siren = g_strdup ("732829320");
  imported->buyer.name = g_strdup ("Société Dupont");
  imported->buyer.siren = g_strdup ("552081317");
  imported->tax_basis_total = g_strdup ("250.00");
  imported->tax_total = g_strdup ("0.00");
  imported->grand_total = g_strdup ("250.00");
  imported->due_payable = g_strdup ("250.00");
  id = factures_store_import_history (f->store, imported, xml, "f.xml", FALSE, xml, NULL, NULL, &direction, &error);
  g_assert_no_error (error);
  g_assert_cmpint (direction, ==, FACTURES_IMPORTED_SALE);
  return id;
}

/* Imported payment: the payment of an imported sale cleared with sqlite3 (it left the livre
 * des recettes without a trace). */
static void
test_imported_payment (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 sale = import_sale (f);
  GDate date = d ("2026-02-10");

  g_assert_true (factures_store_record_imported_payment (f->store, sale, &date, FACTURES_PAYMENT_METHOD_CARD, 0,
                                                         NULL, &error));
  g_assert_no_error (error);
  g_assert_true (refused (f, "DELETE FROM imported_payments"));
  g_assert_true (refused (f, "UPDATE imported_invoices SET paid_on = NULL"));
  assert_verify_passes (f);

  /* trial finding T1: its number changed, the trigger dropped and made again */
  {
    g_autofree char *trigger = trigger_sql (f, "imported_invoices_read_only");

    tamper (f, "DROP TRIGGER imported_invoices_read_only; UPDATE imported_invoices SET number = 'EXT-9';");
    tamper (f, trigger);
    assert_verify_fails (f, "Imported invoice EXT-9: it was numbered EXT-1 when its payment was recorded");
    tamper (f, "DROP TRIGGER imported_invoices_read_only; UPDATE imported_invoices SET number = 'EXT-1';");
    tamper (f, trigger);
    assert_verify_passes (f);
  }

  tamper (f, "DROP TRIGGER imported_payments_no_delete; DELETE FROM imported_payments;");
  assert_verify_fails (f, "EXT-1");
}

/* The registre des achats (0019): purchases typed by hand, their payments and the payments'
 * reversals are history like the receipts. Edited or deleted with sqlite3, triggers dropped,
 * --verify names them, the last row included; deleted with their journal entries at the end,
 * a backup made before names them. */
static gint64
purchase (Fixture *f, const char *iso, const char *supplier, const char *reference, gint64 amount)
{
  g_autoptr(GError) error = NULL;
  GDate date = d (iso);
  gint64 id = factures_store_add_purchase (f->store, &date, supplier, reference, "Papeterie", amount,
                                           FACTURES_PAYMENT_METHOD_CARD, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_purchases (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  GDate date = d ("2026-03-05");

  purchase (f, "2026-03-01", "Papeterie Durand", "FA-300", 4590);
  purchase (f, "2026-03-02", "Imprimerie Lebon", NULL, 12000);
  g_assert_true (factures_store_cancel_purchase (f->store, 2, &date, "saisie en double", &error));
  g_assert_no_error (error);
  g_assert_true (refused (f, "UPDATE purchase_entries SET amount = 1"));
  g_assert_true (refused (f, "DELETE FROM purchase_payment_reversals"));
  assert_verify_passes (f);

  /* a purchase edited, then back as it was */
  tamper_restoring (f, "DROP TRIGGER purchase_entries_read_only; UPDATE purchase_entries SET amount = 459 WHERE id = 1;");
  assert_verify_fails (f, "purchase 1 typed in the purchase register (FA-300)");
  tamper_restoring (f, "DROP TRIGGER purchase_entries_read_only; UPDATE purchase_entries SET amount = 4590 WHERE id = 1;");
  assert_verify_passes (f);

  /* a payment edited */
  tamper_restoring (f, "DROP TRIGGER purchase_payments_read_only; UPDATE purchase_payments SET amount = amount + 1 WHERE id = 1;");
  assert_verify_fails (f, "payment 1 of the purchase FA-300");
  tamper_restoring (f, "DROP TRIGGER purchase_payments_read_only; UPDATE purchase_payments SET amount = amount - 1 WHERE id = 1;");
  assert_verify_passes (f);

  /* the last row of the journal, the reversal, deleted */
  tamper (f, "DROP TRIGGER purchase_payment_reversals_no_delete; DELETE FROM purchase_payment_reversals;");
  assert_verify_fails (f, "cancellation 1 of the payment of the purchase Imprimerie Lebon was deleted");

  /* a purchase and its payment written with sqlite3 (no journal entry: triggers dropped) */
  tamper (f, "DROP TRIGGER purchase_entries_journal; DROP TRIGGER purchase_payments_journal; "
             "INSERT INTO purchase_entries (date, supplier, nature, amount, method, recorded) "
             "VALUES ('2026-03-03', 'X', 'Achat', 100, 0, '2026-03-03T10:00:00Z'); "
             "INSERT INTO purchase_payments (entry_id, date, method, amount) VALUES (3, '2026-03-03', 0, 100);");
  assert_verify_fails (f, "the purchase 3 typed in the purchase register was written outside Factures");
}

/* Trial finding T1: a purchase inserted with sqlite3, its journal trigger in place, recorded on
 * a day before purchases recorded earlier: named by --verify. */
static void
test_purchase_back_dated (Fixture *f, gconstpointer data)
{
  purchase (f, "2026-03-01", "Papeterie Durand", "FA-300", 4590);
  assert_verify_passes (f);
  tamper (f, "INSERT INTO purchase_entries (date, supplier, reference, nature, amount, method, recorded) "
             "VALUES ('2026-01-10', 'Bureau Vallée', 'BV-1', 'Papeterie', 9900, 1, '2026-01-10T09:00:00Z');");
  assert_verify_fails (f, "the purchase 2 typed in the purchase register (BV-1) says it was recorded on 2026-01-10");
}

/* Trial finding T1: an imported invoice's number and currency changed, its trigger dropped and
 * made again: --verify alone names the trigger while it is missing; once made again, a backup
 * made before names the invoice. */
static void
test_imported_against (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_build_filename (f->dir, "copie.db", NULL);

  g_autofree char *trigger = trigger_sql (f, "imported_invoices_read_only");

  import_sale (f);
  g_assert_true (factures_store_backup (f->store, backup, &error));
  g_assert_no_error (error);
  g_assert_true (factures_store_verify_against (f->store, backup, &error));
  g_assert_no_error (error);

  tamper (f, "DROP TRIGGER imported_invoices_read_only; "
             "UPDATE imported_invoices SET number = 'EXT-9', currency = 'USD';");
  assert_verify_fails (f, "imported_invoices_read_only");
  tamper (f, trigger);
  assert_verify_passes (f);   /* (what the witness is for) */
  g_assert_false (factures_store_verify_against (f->store, backup, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Imported invoice EXT-1 (row 1) differs from the copy (now EXT-9)"));
}

static void
test_purchases_trailing (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_build_filename (f->dir, "copie.db", NULL);

  purchase (f, "2026-03-01", "Papeterie Durand", "FA-300", 4590);
  purchase (f, "2026-03-02", "Imprimerie Lebon", "L-7", 12000);
  g_assert_true (factures_store_backup (f->store, backup, &error));
  g_assert_no_error (error);
  g_assert_true (factures_store_verify_against (f->store, backup, &error));
  g_assert_no_error (error);

  /* the last purchase, its payment and their journal entries */
  tamper_restoring (f, "PRAGMA foreign_keys = OFF; DROP TRIGGER purchase_entries_no_delete; "
             "DROP TRIGGER purchase_payments_no_delete; DROP TRIGGER journal_no_delete; "
             "DELETE FROM journal WHERE tbl IN ('purchase_entries', 'purchase_payments') AND row_id = 2; "
             "DELETE FROM purchase_payments WHERE id = 2; DELETE FROM purchase_entries WHERE id = 2;");
  assert_verify_passes (f);   /* (what the witness is for) */
  g_assert_false (factures_store_verify_against (f->store, backup, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "the purchase 2 typed in the purchase register (L-7)"));
  g_assert_nonnull (strstr (error->message, "the payment 2 of the purchase L-7"));
  g_assert_null (strstr (error->message, "FA-300"));
}

/* A payment is cancelled by a reversing entry (date, reason): balances no longer count it, the
 * livre des recettes shows it on its date and its reversal, negative, on the day it was
 * cancelled. */
static void
test_cancel_payment (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  g_autoptr(GPtrArray) receipts = NULL;
  gint64 invoice = issue (f, "2026-03-01");
  gint64 payment = pay (f, invoice, "2026-03-10", 10000);
  GDate date = d ("2026-04-02"), early = d ("2026-03-09"), late = d ("2026-07-01");
  GDate from = d ("2026-01-01"), to = d ("2026-12-31");
  const FacturesPayment *p;
  FacturesBalance balance;

  g_assert_true (factures_store_get_payment_balance (f->store, invoice, &balance, &error));
  g_assert_cmpint (balance.balance, ==, 0);

  /* refused: no reason, a date before the payment or after today, an unknown payment */
  g_assert_false (factures_store_cancel_payment (f->store, payment, &date, " ", &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Reason"));
  g_clear_error (&error);
  g_assert_false (factures_store_cancel_payment (f->store, payment, &early, "chèque impayé", &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (factures_store_cancel_payment (f->store, payment, &late, "chèque impayé", &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (factures_store_cancel_payment (f->store, 99, &date, "chèque impayé", &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (factures_store_cancel_payment (f->store, payment, &date, "chèque impayé", &error));
  g_assert_no_error (error);
  g_assert_false (factures_store_cancel_payment (f->store, payment, &date, "encore", &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (factures_store_get_payment_balance (f->store, invoice, &balance, &error));
  g_assert_cmpint (balance.balance, ==, 10000);
  payments = factures_store_list_payments (f->store, invoice, &error);
  g_assert_cmpuint (payments->len, ==, 1);
  p = g_ptr_array_index (payments, 0);
  g_assert_cmpint (p->amount, ==, 10000);
  g_assert_true (g_date_valid (&p->cancelled_on));
  g_assert_cmpint (g_date_compare (&p->cancelled_on, &date), ==, 0);
  g_assert_cmpstr (p->cancel_reason, ==, "chèque impayé");

  receipts = factures_store_list_receipts (f->store, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (receipts->len, ==, 2);
  g_assert_cmpint (((FacturesReceipt *) g_ptr_array_index (receipts, 0))->amount, ==, 10000);
  g_assert_false (((FacturesReceipt *) g_ptr_array_index (receipts, 0))->reversal);
  g_assert_cmpint (((FacturesReceipt *) g_ptr_array_index (receipts, 1))->amount, ==, -10000);
  g_assert_true (((FacturesReceipt *) g_ptr_array_index (receipts, 1))->reversal);
  g_assert_cmpint (g_date_compare (&((FacturesReceipt *) g_ptr_array_index (receipts, 1))->date, &date), ==, 0);

  /* paid again, then verified */
  pay (f, invoice, "2026-04-05", 10000);
  assert_verify_passes (f);
  g_assert_true (refused (f, "DELETE FROM payment_reversals"));
}

/* The excess of a payment kept as client credit and applied to another invoice cannot be taken
 * back by cancelling the payment: refused, nothing stored. */
static void
test_cancel_applied_credit (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesPayment) p = factures_payment_new ();
  gint64 first = issue (f, "2026-03-01");
  gint64 second = issue (f, "2026-03-02");
  GDate date = d ("2026-03-20");
  FacturesBalance balance;

  p->date = d ("2026-03-10");
  p->amount = 15000;
  p->method = FACTURES_PAYMENT_METHOD_TRANSFER;
  factures_payment_add_allocation (p, first, 0);
  g_assert_true (factures_store_record_payment (f->store, p, FACTURES_OVERPAYMENT_KEEP_CREDIT, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (factures_store_apply_credit (f->store, second, 5000, &date, &error));
  g_assert_no_error (error);

  g_assert_false (factures_store_cancel_payment (f->store, p->id, &date, "erreur", &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "credit"));
  g_assert_true (factures_store_get_payment_balance (f->store, first, &balance, NULL));
  g_assert_cmpint (balance.balance, ==, 0);
  g_assert_true (factures_store_get_payment_balance (f->store, second, &balance, NULL));
  g_assert_cmpint (balance.balance, ==, 5000);
  assert_verify_passes (f);
}

/* Trial finding T2: a protection trigger dropped (or rewritten, or one added) is named by
 * --verify, although nothing it protects has changed yet. */
static void
test_triggers (Fixture *f, gconstpointer data)
{
  gint64 invoice = issue (f, "2026-03-01");

  pay (f, invoice, "2026-03-10", 4000);
  assert_verify_passes (f);

  tamper (f, "DROP TRIGGER documents_issued_no_update;");
  assert_verify_fails (f, "trigger “documents_issued_no_update” is missing");
  tamper (f, "CREATE TRIGGER documents_issued_no_update BEFORE UPDATE ON documents WHEN OLD.status = 9 "
             "BEGIN SELECT RAISE (ABORT, 'issued document is immutable'); END;");
  assert_verify_fails (f, "trigger “documents_issued_no_update” was changed");
  tamper (f, "CREATE TRIGGER quiet AFTER INSERT ON payments BEGIN SELECT 1; END;");
  assert_verify_fails (f, "trigger “quiet” was not made by Factures");

  tamper (f, "DROP TRIGGER payments_no_delete;");
  assert_verify_fails (f, "trigger “payments_no_delete” is missing");
}

/* Trailing deletion: the last invoice deleted with its history and the counter set back. The
 * database alone cannot show it; a backup, a JSON export or a receipts CSV made before can. */
static void
test_trailing_deletion (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_build_filename (f->dir, "copie.db", NULL);
  g_autofree char *json = g_build_filename (f->dir, "export.json", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "recettes.csv", NULL);
  GDate from = d ("2026-01-01"), to = d ("2026-12-31");

  issue (f, "2026-03-01");
  issue (f, "2026-03-02");
  issue (f, "2026-04-01");
  g_assert_true (factures_store_backup (f->store, backup, &error));
  g_assert_no_error (error);
  g_assert_true (factures_store_export_json (f->store, json, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) receipts = factures_store_list_receipts (f->store, &from, &to, &error);
    g_autoptr(GFile) file = g_file_new_for_path (csv);
    g_autoptr(GFileOutputStream) stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);

    g_assert_true (factures_store_write_receipts_csv (f->store, receipts, G_OUTPUT_STREAM (stream), &error));
    g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error));
    g_assert_no_error (error);
  }
  /* nothing is missing yet */
  g_assert_true (factures_store_verify_against (f->store, backup, &error));
  g_assert_no_error (error);
  g_assert_true (factures_store_verify_against (f->store, json, &error));
  g_assert_no_error (error);
  g_assert_true (factures_store_verify_against (f->store, csv, &error));
  g_assert_no_error (error);

  /* the whole of April: the invoice, its lines, its history, the counter set back */
  tamper_restoring (f, "PRAGMA foreign_keys = OFF; DROP TRIGGER documents_issued_no_delete; "
             "DROP TRIGGER lines_issued_no_delete; DROP TRIGGER events_no_delete; DROP TRIGGER journal_no_delete; "
             "DROP TRIGGER number_series_counter_never_back; "
             "DELETE FROM journal WHERE tbl = 'events' AND row_id IN (SELECT id FROM events WHERE document_id = "
             "(SELECT id FROM documents WHERE number = 'F2026-0003'));"
             "DELETE FROM events WHERE document_id = (SELECT id FROM documents WHERE number = 'F2026-0003');"
             "DELETE FROM lines WHERE document_id = (SELECT id FROM documents WHERE number = 'F2026-0003');"
             "DROP TRIGGER document_originals_no_delete; "
             "DELETE FROM document_originals WHERE document_id = (SELECT id FROM documents WHERE number = 'F2026-0003');"
             "DELETE FROM document_summary WHERE document_id = (SELECT id FROM documents WHERE number = 'F2026-0003');"
             "DELETE FROM documents WHERE number = 'F2026-0003';"
             "UPDATE number_series SET next_counter = 3, last_issued_date = '2026-03-02' WHERE name = 'invoice';");
  assert_verify_passes (f);   /* (what the witness is for) */

  g_assert_false (factures_store_verify_against (f->store, backup, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "F2026-0003"));
  g_assert_null (strstr (error->message, "F2026-0002"));
  g_clear_error (&error);
  g_assert_false (factures_store_verify_against (f->store, json, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY);
  g_assert_nonnull (strstr (error->message, "F2026-0003"));
  g_clear_error (&error);
  g_assert_false (factures_store_verify_against (f->store, csv, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY);
  g_assert_nonnull (strstr (error->message, "3"));
  g_clear_error (&error);

  /* a file that is none of these */
  g_assert_true (g_file_set_contents (csv, "bonjour", -1, NULL));
  g_assert_false (factures_store_verify_against (f->store, csv, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT);
}

/* A JSON export restores into an empty database: v2 documents keep their chain columns, the
 * history is journaled again, and the copy verifies against the export. */
static void
test_json_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesStore) copy = NULL;
  g_autofree char *json = g_build_filename (f->dir, "export.json", NULL);
  g_autofree char *copy_path = g_build_filename (f->dir, "copy.db", NULL);
  gint64 invoice = issue (f, "2026-03-01");
  gint64 payment = pay (f, invoice, "2026-03-10", 4000);
  GDate date = d ("2026-03-12");

  g_assert_true (factures_store_cancel_payment (f->store, payment, &date, "erreur de saisie", &error));
  pay (f, invoice, "2026-03-15", 10000);
  g_assert_true (factures_store_export_json (f->store, json, &error));
  g_assert_no_error (error);

  copy = factures_store_open (copy_path, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_import_json (copy, json, &error));
  g_assert_no_error (error);
  g_assert_true (factures_store_verify (copy, &error));
  g_assert_no_error (error);
  g_assert_true (factures_store_verify_against (copy, json, &error));
  g_assert_no_error (error);
  {
    FacturesBalance balance;

    g_assert_true (factures_store_get_payment_balance (copy, invoice, &balance, &error));
    g_assert_cmpint (balance.balance, ==, 0);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("FACTURES_TODAY", "2026-06-15", TRUE);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/integrity/columns-classified", test_columns_classified);
  ADD ("/integrity/verify/client-change", test_client_change);
  ADD ("/integrity/verify/v1-then-v2", test_v1_then_v2);
  ADD ("/integrity/verify/client-name-change", test_client_name_change);
  ADD ("/integrity/verify/series-state-and-version", test_series_state_and_version);
  ADD ("/integrity/verify/events", test_events);
  ADD ("/integrity/verify/payment-deleted", test_payment_deleted);
  ADD ("/integrity/verify/payment-edited", test_payment_edited);
  ADD ("/integrity/verify/imported-payment", test_imported_payment);
  ADD ("/integrity/verify/purchases", test_purchases);
  ADD ("/integrity/against/purchases-trailing", test_purchases_trailing);
  ADD ("/integrity/verify/purchase-back-dated", test_purchase_back_dated);
  ADD ("/integrity/against/imported", test_imported_against);
  ADD ("/integrity/verify/triggers", test_triggers);
  ADD ("/integrity/cancel-payment", test_cancel_payment);
  ADD ("/integrity/cancel-payment/applied-credit", test_cancel_applied_credit);
  ADD ("/integrity/against/trailing-deletion", test_trailing_deletion);
  ADD ("/integrity/json-round-trip", test_json_round_trip);
#undef ADD

  return g_test_run ();
}
