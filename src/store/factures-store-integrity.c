/* factures-store-integrity.c — the history journal, the chain head and the witness
 * (issue 10; see factures-store-integrity.h and migration 0008-integrity.sql)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include "config.h"

#include <csv.h>
#include <glib/gi18n.h>
#include <string.h>

#include "factures-store-integrity-private.h"
#include "factures-store-numbering-private.h"
#include "factures-store-receipts.h"

/* The migrations (factures-store.c MIGRATIONS_PATH): their triggers are what --verify expects. */
#define MIGRATIONS_RESOURCES "/org/example/Factures/migrations"

/* Problems beyond this number are counted, not listed. */
#define MAX_PROBLEMS 50

/* The append-only tables the journal copies (0008-integrity.sql, view journal_rows). */
static const char * const journal_tables[] = {
  "events", "payments", "payment_allocations", "payment_reversals", "imported_payments",
  "imported_payment_reversals",
  /* 0014-bank.sql */
  "bank_transactions", "credit_note_refunds", "credit_note_refund_reversals", "bank_matches",
};

/* The registre des achats (0019-purchases.sql), copied the same way from its own view. */
#define PURCHASE_JOURNAL_VIEW "purchase_journal_rows"
static const char * const purchase_journal_tables[] = {
  "purchase_entries", "purchase_payments", "purchase_payment_reversals",
};

void
factures_chain_head_clear (FacturesChainHead *head)
{
  g_clear_pointer (&head->hash, g_free);
  g_clear_pointer (&head->journal_hash, g_free);
  memset (head, 0, sizeof *head);
}

static gboolean
db_error (sqlite3  *db,
          GError  **error)
{
  g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_DATABASE, _("Database error: %s"), sqlite3_errmsg (db));
  return FALSE;
}

static char *
int_text (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

static gboolean
table_exists (sqlite3    *db,
              const char *table)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* The running hash of the journal: SHA-256 (previous hex || "seq|table|row|canonical"). */
static void
journal_hash_step (char       **running,
                   gint64       seq,
                   const char  *tbl,
                   gint64       row_id,
                   const char  *canonical)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *record = g_strdup_printf ("%" G_GINT64_FORMAT "|%s|%" G_GINT64_FORMAT "|%s", seq,
                                             tbl != NULL ? tbl : "", row_id, canonical != NULL ? canonical : "");

  if (*running != NULL)
    g_checksum_update (checksum, (const guchar *) *running, -1);
  g_checksum_update (checksum, (const guchar *) record, -1);
  g_free (*running);
  *running = g_strdup (g_checksum_get_string (checksum));
}

/* The hash of the first @limit journal entries (all when @limit < 0); @out_n: how many there were. */
static gboolean
journal_hash (sqlite3  *db,
              gint64    limit,
              char    **out_hash,
              gint64   *out_n,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *running = NULL;
  gint64 n = 0;
  int rc;

  *out_hash = NULL;
  *out_n = 0;
  if (!table_exists (db, "journal"))
    return TRUE;
  if (sqlite3_prepare_v2 (db, "SELECT seq, tbl, row_id, canonical FROM journal ORDER BY seq LIMIT ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return db_error (db, error);
  sqlite3_bind_int64 (stmt, 1, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      journal_hash_step (&running, sqlite3_column_int64 (stmt, 0), (const char *) sqlite3_column_text (stmt, 1),
                         sqlite3_column_int64 (stmt, 2), (const char *) sqlite3_column_text (stmt, 3));
      n++;
    }
  if (rc != SQLITE_DONE)
    return db_error (db, error);
  *out_hash = g_steal_pointer (&running);
  *out_n = n;
  return TRUE;
}

gboolean
factures_chain_head_read (sqlite3            *db,
                          FacturesChainHead  *out,
                          GError            **error)
{
  g_autoptr(sqlite3_stmt) last = NULL;
  g_autoptr(sqlite3_stmt) counts = NULL;

  memset (out, 0, sizeof *out);
  if (sqlite3_prepare_v2 (db, "SELECT chain_seq, hash FROM documents WHERE status = 1 "
                              "ORDER BY chain_seq DESC LIMIT 1", -1, &last, NULL) != SQLITE_OK)
    return db_error (db, error);
  if (sqlite3_step (last) == SQLITE_ROW)
    {
      out->chain_seq = sqlite3_column_int64 (last, 0);
      out->hash = factures_sql_col_dup (last, 1);
    }
  if (sqlite3_prepare_v2 (db, "SELECT coalesce (sum (kind IN (380, 386)), 0), coalesce (sum (kind = 0), 0), "
                              "coalesce (sum (kind = 381), 0) FROM documents WHERE status = 1",
                          -1, &counts, NULL) != SQLITE_OK ||
      sqlite3_step (counts) != SQLITE_ROW)
    return db_error (db, error);
  out->n_invoices = sqlite3_column_int64 (counts, 0);
  out->n_quotes = sqlite3_column_int64 (counts, 1);
  out->n_credit_notes = sqlite3_column_int64 (counts, 2);
  return journal_hash (db, -1, &out->journal_hash, &out->journal_seq, error);
}

/**
 * factures_store_get_chain_head:
 * (see factures-store-integrity.h)
 */
gboolean
factures_store_get_chain_head (FacturesStore      *self,
                               FacturesChainHead  *out,
                               GError            **error)
{
  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  return factures_chain_head_read (factures_store_get_db (self), out, error);
}

/* ---- the journal ---- */

/* "the event 12 of F2026-0003", "payment 4"… (the row a journal entry copies). */
static char *
describe_row (const char *tbl,
              gint64      row_id,
              const char *ref)
{
  g_autofree char *id = int_text (row_id);
  const char *about = ref != NULL ? ref : "?";

  if (g_strcmp0 (tbl, "events") == 0)
    return g_strdup_printf (_("the event %s of document %s"), id, about);
  if (g_strcmp0 (tbl, "payments") == 0)
    return g_strdup_printf (_("payment %s"), id);
  if (g_strcmp0 (tbl, "payment_allocations") == 0)
    return g_strdup_printf (_("the allocation %s of a payment to %s"), id, about);
  if (g_strcmp0 (tbl, "payment_reversals") == 0)
    return g_strdup_printf (_("the cancellation %s of a payment"), id);
  if (g_strcmp0 (tbl, "imported_payments") == 0)
    return g_strdup_printf (_("the payment %s of the imported sale %s"), id, about);
  if (g_strcmp0 (tbl, "imported_payment_reversals") == 0)
    return g_strdup_printf (_("the cancellation %s of an imported sale’s payment"), id);
  if (g_strcmp0 (tbl, "bank_transactions") == 0)
    return g_strdup_printf (_("the bank movement %s"), id);
  if (g_strcmp0 (tbl, "credit_note_refunds") == 0)
    return g_strdup_printf (_("the refund %s of credit note %s"), id, about);
  if (g_strcmp0 (tbl, "credit_note_refund_reversals") == 0)
    return g_strdup_printf (_("the cancellation %s of a refund"), id);
  if (g_strcmp0 (tbl, "bank_matches") == 0)
    return g_strdup_printf (_("the bank match %s"), id);
  if (g_strcmp0 (tbl, "purchase_entries") == 0 && ref == NULL)
    return g_strdup_printf (_("the purchase %s typed in the purchase register"), id);
  if (g_strcmp0 (tbl, "purchase_entries") == 0)
    return g_strdup_printf (_("the purchase %s typed in the purchase register (%s)"), id, ref);
  if (g_strcmp0 (tbl, "purchase_payments") == 0 && ref == NULL)
    return g_strdup_printf (_("the purchase payment %s"), id);
  if (g_strcmp0 (tbl, "purchase_payments") == 0)
    return g_strdup_printf (_("the payment %s of the purchase %s"), id, ref);
  if (g_strcmp0 (tbl, "purchase_payment_reversals") == 0 && ref == NULL)
    return g_strdup_printf (_("the cancellation %s of a purchase payment"), id);
  if (g_strcmp0 (tbl, "purchase_payment_reversals") == 0)
    return g_strdup_printf (_("the cancellation %s of the payment of the purchase %s"), id, ref);
  return g_strdup_printf ("%s %s", tbl != NULL ? tbl : "?", id);
}

static void
add_problem (GPtrArray *problems,
             char      *message)
{
  g_ptr_array_add (problems, message);
}

static gboolean
problems_error (GPtrArray  *problems,
                GError    **error)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (problems->len == 0)
    return TRUE;
  for (guint i = 0; i < problems->len && i < MAX_PROBLEMS; i++)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (problems, i));
    }
  if (problems->len > MAX_PROBLEMS)
    {
      g_autofree char *more = int_text (problems->len - MAX_PROBLEMS);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("… and %s more."), more);
    }
  g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY, text->str);
  return FALSE;
}

/* The journal entries of @tbl against its rows in @view (a journal_rows-shaped view). */
static gboolean
verify_table (FacturesStore  *self,
              const char     *view,
              const char     *tbl,
              GPtrArray      *problems,
              GError        **error)
{
  g_autoptr(sqlite3_stmt) entries = NULL;
  g_autoptr(sqlite3_stmt) strays = NULL;
  g_autofree char *entries_sql = NULL;
  g_autofree char *strays_sql = NULL;
  int rc;

  /* Each entry against the row it copies. */
  entries_sql = g_strdup_printf ("SELECT j.seq, j.row_id, j.ref, r.row_id IS NULL, "
                                 "r.canonical IS NOT j.canonical "
                                 "FROM journal j LEFT JOIN %s r "
                                 "ON r.tbl = ?1 AND r.row_id = j.row_id "
                                 "WHERE j.tbl = ?1 ORDER BY j.seq", view);
  entries = factures_store_prepare (self, entries_sql, error);
  if (entries == NULL)
    return FALSE;
  sqlite3_bind_text (entries, 1, tbl, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (entries)) == SQLITE_ROW)
    {
      g_autofree char *seq = int_text (sqlite3_column_int64 (entries, 0));
      g_autofree char *what = NULL;

      if (!sqlite3_column_int (entries, 3) && !sqlite3_column_int (entries, 4))
        continue;
      what = describe_row (tbl, sqlite3_column_int64 (entries, 1), (const char *) sqlite3_column_text (entries, 2));
      if (sqlite3_column_int (entries, 3))
        add_problem (problems, g_strdup_printf (_("History: %s was deleted (journal entry %s)."), what, seq));
      else
        add_problem (problems, g_strdup_printf (_("History: %s was changed after it was recorded "
                                                  "(journal entry %s)."), what, seq));
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }

  /* Rows that no trigger copied: written behind the app's back. */
  strays_sql = g_strdup_printf ("SELECT r.row_id FROM %s r WHERE r.tbl = ?1 AND NOT EXISTS "
                                "(SELECT 1 FROM journal j WHERE j.tbl = ?1 AND j.row_id = r.row_id) "
                                "ORDER BY r.row_id", view);
  strays = factures_store_prepare (self, strays_sql, error);
  if (strays == NULL)
    return FALSE;
  sqlite3_bind_text (strays, 1, tbl, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (strays)) == SQLITE_ROW)
    {
      g_autofree char *what = describe_row (tbl, sqlite3_column_int64 (strays, 0), NULL);

      add_problem (problems, g_strdup_printf (_("History: %s was written outside Factures (it has no "
                                                "journal entry)."), what));
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* ---- the protection triggers (trial finding T2) ---- */

/* factures_fold() (factures-store.c) for the replay of the migrations: only its name matters,
 * the tables are empty. */
static void
fold_stub (sqlite3_context  *context,
           int               argc,
           sqlite3_value   **argv)
{
  sqlite3_result_value (context, argv[0]);
}

/* name → SQL of every trigger of @db. */
static GHashTable *
read_triggers (sqlite3  *db,
               GError  **error)
{
  g_autoptr(GHashTable) triggers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'", -1, &stmt,
                          NULL) != SQLITE_OK)
    {
      db_error (db, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (triggers, factures_sql_col_dup (stmt, 0), factures_sql_col_dup (stmt, 1));
  if (rc != SQLITE_DONE)
    {
      db_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&triggers);
}

/* The triggers the migrations 1 … @version create: replayed on an empty database in memory, as
 * migrate() runs them (0010 with its table of originals made first and the legacy rename, so
 * that the SQL text of each trigger is the one the real database got). */
static GHashTable *
expected_triggers (gint     version,
                   GError **error)
{
  g_auto(GStrv) names = NULL;
  GHashTable *triggers = NULL;
  sqlite3 *db = NULL;

  names = g_resources_enumerate_children (MIGRATIONS_RESOURCES, 0, error);
  if (names == NULL)
    return NULL;
  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      db_error (db, error);
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_create_function_v2 (db, "factures_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, fold_stub,
                              NULL, NULL, NULL);
  for (gint number = 1; number <= version; number++)
    {
      g_autofree char *prefix = g_strdup_printf ("%04d-", number);

      for (guint i = 0; names[i] != NULL; i++)
        {
          g_autofree char *resource = NULL;
          g_autoptr(GBytes) bytes = NULL;
          g_autofree char *sql = NULL;
          char *message = NULL;

          if (!g_str_has_prefix (names[i], prefix) || !g_str_has_suffix (names[i], ".sql"))
            continue;
          resource = g_strconcat (MIGRATIONS_RESOURCES "/", names[i], NULL);
          bytes = g_resources_lookup_data (resource, 0, error);
          if (bytes == NULL)
            goto out;
          sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
          if (number == 10 &&
              sqlite3_exec (db, "PRAGMA foreign_keys = OFF; PRAGMA legacy_alter_table = ON; "
                                "CREATE TABLE document_originals (document_id INTEGER PRIMARY KEY, "
                                "pdf BLOB NOT NULL)", NULL, NULL, NULL) != SQLITE_OK)
            {
              db_error (db, error);
              goto out;
            }
          if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
            {
              g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_DATABASE, _("Database error: %s"),
                           message != NULL ? message : names[i]);
              sqlite3_free (message);
              goto out;
            }
          if (number == 10)
            sqlite3_exec (db, "PRAGMA legacy_alter_table = OFF; PRAGMA foreign_keys = ON", NULL, NULL, NULL);
        }
    }
  triggers = read_triggers (db, error);

out:
  sqlite3_close (db);
  return triggers;
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Every trigger the migrations create is there with its SQL; none other was added. A trigger
 * dropped lets sqlite3 edit what it protected (an issued document, a payment) without a trace
 * the other checks can always see. */
static gboolean
verify_triggers (FacturesStore  *self,
                 GPtrArray      *problems,
                 GError        **error)
{
  sqlite3 *db = factures_store_get_db (self);
  g_autoptr(sqlite3_stmt) version_stmt = NULL;
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GHashTable) actual = NULL;
  g_autofree gpointer *keys = NULL;
  guint n_keys = 0;
  gint version;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &version_stmt, NULL) != SQLITE_OK ||
      sqlite3_step (version_stmt) != SQLITE_ROW)
    return db_error (db, error);
  version = sqlite3_column_int (version_stmt, 0);
  expected = expected_triggers (version, error);
  if (expected == NULL)
    return FALSE;
  actual = read_triggers (db, error);
  if (actual == NULL)
    return FALSE;

  keys = g_hash_table_get_keys_as_array (expected, &n_keys);
  qsort (keys, n_keys, sizeof (gpointer), compare_names);
  for (guint i = 0; i < n_keys; i++)
    {
      const char *sql = g_hash_table_lookup (actual, keys[i]);

      if (sql == NULL)
        add_problem (problems, g_strdup_printf (_("Protection: the trigger “%s” is missing (dropped outside "
                                                  "Factures): what it protects may have been changed "
                                                  "without a trace."), (const char *) keys[i]));
      else if (g_strcmp0 (sql, g_hash_table_lookup (expected, keys[i])) != 0)
        add_problem (problems, g_strdup_printf (_("Protection: the trigger “%s” was changed outside Factures "
                                                  "(its SQL is not the one of the migrations)."),
                                                (const char *) keys[i]));
    }
  g_clear_pointer (&keys, g_free);
  keys = g_hash_table_get_keys_as_array (actual, &n_keys);
  qsort (keys, n_keys, sizeof (gpointer), compare_names);
  for (guint i = 0; i < n_keys; i++)
    if (!g_hash_table_contains (expected, keys[i]))
      add_problem (problems, g_strdup_printf (_("Protection: the trigger “%s” was not made by Factures "
                                                "(added outside the app)."), (const char *) keys[i]));
  return TRUE;
}

/* Trial finding T1: a purchase inserted with sqlite3 (its journal trigger left in place) and
 * back-dated: the app records each purchase at the time it is typed (purchase_entries.recorded,
 * UTC), so in journal order the days of recording never go back. A row whose recording day is
 * before one of a purchase journaled earlier was written behind the app's back. (Days, not
 * seconds: a clock set back by a few minutes is not a forgery.) */
static gboolean
verify_purchase_order (FacturesStore  *self,
                       GPtrArray      *problems,
                       GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = factures_store_prepare (self,
                                 "SELECT id, coalesce (reference, supplier), day, before FROM ("
                                 "SELECT e.id, e.reference, e.supplier, substr (e.recorded, 1, 10) AS day, "
                                 "max (substr (e.recorded, 1, 10)) OVER (ORDER BY j.seq ROWS BETWEEN UNBOUNDED "
                                 "PRECEDING AND 1 PRECEDING) AS before "
                                 "FROM journal j JOIN purchase_entries e ON j.tbl = 'purchase_entries' "
                                 "AND j.row_id = e.id) WHERE day < before ORDER BY id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *what = describe_row ("purchase_entries", sqlite3_column_int64 (stmt, 0),
                                            (const char *) sqlite3_column_text (stmt, 1));

      add_problem (problems, g_strdup_printf (_("History: %s says it was recorded on %s, after a purchase "
                                                "recorded on %s: it was written outside Factures with a date "
                                                "set back."), what, (const char *) sqlite3_column_text (stmt, 2),
                                              (const char *) sqlite3_column_text (stmt, 3)));
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* Trial finding T1: imported invoices are kept read-only by their triggers (checked by
 * verify_triggers()), not copied into the journal; but the journal entry of each payment of an
 * imported sale or purchase holds the invoice's number as it was when the payment was recorded.
 * A number changed since (the trigger dropped, then made again) is named. (A backup, through
 * --verify --against, sees every column.) */
static gboolean
verify_imported_numbers (FacturesStore  *self,
                         GPtrArray      *problems,
                         GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean purchases = table_exists (factures_store_get_db (self), "purchase_payments");
  int rc;

  stmt = factures_store_prepare (self,
                                 purchases
                                 ? "SELECT j.seq, j.ref, i.number FROM journal j JOIN imported_payments p "
                                   "ON j.tbl = 'imported_payments' AND j.row_id = p.id "
                                   "JOIN imported_invoices i ON i.id = p.invoice_id WHERE j.ref IS NOT i.number "
                                   "UNION ALL "
                                   "SELECT j.seq, j.ref, i.number FROM journal j JOIN purchase_payments p "
                                   "ON j.tbl = 'purchase_payments' AND j.row_id = p.id "
                                   "JOIN imported_invoices i ON i.id = p.invoice_id WHERE j.ref IS NOT i.number "
                                   "ORDER BY 1"
                                 : "SELECT j.seq, j.ref, i.number FROM journal j JOIN imported_payments p "
                                   "ON j.tbl = 'imported_payments' AND j.row_id = p.id "
                                   "JOIN imported_invoices i ON i.id = p.invoice_id WHERE j.ref IS NOT i.number "
                                   "ORDER BY 1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *seq = int_text (sqlite3_column_int64 (stmt, 0));
      const char *then = (const char *) sqlite3_column_text (stmt, 1);

      add_problem (problems, g_strdup_printf (_("Imported invoice %s: it was numbered %s when its payment was "
                                                "recorded (journal entry %s); its number was changed outside "
                                                "Factures."), (const char *) sqlite3_column_text (stmt, 2),
                                              then != NULL ? then : "?", seq));
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * factures_store_verify_journal:
 * (see factures-store-integrity.h)
 */
gboolean
factures_store_verify_journal (FacturesStore  *self,
                               GError        **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) gaps = NULL;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  /* A database from before migration 0008 (verified read-only) has no journal. */
  if (!table_exists (factures_store_get_db (self), "journal"))
    return TRUE;

  /* The protection triggers, as the migrations made them (trial finding T2). */
  if (!verify_triggers (self, problems, error))
    return FALSE;

  /* Entries deleted in the middle of the journal (with the rows they copy, or not). */
  gaps = factures_store_prepare (self,
                                 "SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM journal WHERE seq = 1) "
                                 "AND EXISTS (SELECT 1 FROM journal) "
                                 "UNION ALL SELECT j.seq + 1 FROM journal j "
                                 "WHERE j.seq < (SELECT max (seq) FROM journal) "
                                 "AND NOT EXISTS (SELECT 1 FROM journal k WHERE k.seq = j.seq + 1)",
                                 error);
  if (gaps == NULL)
    return FALSE;
  while ((rc = sqlite3_step (gaps)) == SQLITE_ROW)
    {
      g_autofree char *seq = int_text (sqlite3_column_int64 (gaps, 0));

      add_problem (problems, g_strdup_printf (_("History: journal entry %s is missing (a record of the "
                                                "history was deleted with it)."), seq));
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }

  for (guint t = 0; t < G_N_ELEMENTS (journal_tables); t++)
    if (!verify_table (self, "journal_rows", journal_tables[t], problems, error))
      return FALSE;
  if (!verify_imported_numbers (self, problems, error))
    return FALSE;
  /* (a database from before 0019, verified read-only, has no purchases) */
  if (table_exists (factures_store_get_db (self), PURCHASE_JOURNAL_VIEW))
    {
      for (guint t = 0; t < G_N_ELEMENTS (purchase_journal_tables); t++)
        if (!verify_table (self, PURCHASE_JOURNAL_VIEW, purchase_journal_tables[t], problems, error))
          return FALSE;
      if (!verify_purchase_order (self, problems, error))
        return FALSE;
    }
  return problems_error (problems, error);
}

/* ---- the witness in exports ---- */

/* Trial 5 findings 2 and 12: the history a JSON export witnesses, in the export's own form (a
 * faithful import gives back the same arrays, whatever ids the journal and the events take in
 * the new database; every amount, date, method, euro amount and allocation target is in it). */
typedef struct {
  const char *member;
  const char *label;
} HistoryPart;

static const HistoryPart history_parts[] = {
  { "events", N_("the events of the documents (issued, sent, accepted… and their dates)") },
  { "payments", N_("the payments (date, amount, method, amount in euros…)") },
  { "payment_allocations", N_("the allocations of payments to invoices") },
  { "payment_reversals", N_("the cancellations of payments") },
  { "imported_payments", N_("the payments of imported invoices") },
  { "imported_payment_reversals", N_("the cancellations of payments of imported invoices") },
  { "credit_note_refunds", N_("the refunds of credit notes") },
  { "credit_note_refund_reversals", N_("the cancellations of refunds of credit notes") },
  { "bank_transactions", N_("the bank movements") },
  { "bank_matches", N_("the bank reconciliations") },
  { "purchase_entries", N_("the purchases typed in the register") },
  { "purchase_payments", N_("the payments of purchases") },
  { "purchase_payment_reversals", N_("the cancellations of payments of purchases") },
};

/* The rows of @member in the export @root: its array, or for "events" one object per document
 * that has events: {"id", "number", "events"}. NULL when @root has no such array. */
static JsonArray *
history_rows (JsonObject *root,
              const char *member)
{
  JsonNode *node;
  JsonArray *rows;
  JsonArray *documents;

  if (strcmp (member, "events") != 0)
    {
      node = json_object_get_member (root, member);
      return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_array_ref (json_node_get_array (node)) : NULL;
    }
  node = json_object_get_member (root, "documents");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  documents = json_node_get_array (node);
  rows = json_array_new ();
  for (guint i = 0; i < json_array_get_length (documents); i++)
    {
      JsonNode *element = json_array_get_element (documents, i);
      JsonObject *doc = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      JsonNode *events = doc != NULL ? json_object_get_member (doc, "events") : NULL;
      JsonNode *number = doc != NULL ? json_object_get_member (doc, "number") : NULL;
      JsonObject *row;

      if (events == NULL || !JSON_NODE_HOLDS_ARRAY (events) || json_array_get_length (json_node_get_array (events)) == 0)
        continue;
      row = json_object_new ();
      json_object_set_member (row, "id", json_node_copy (json_object_get_member (doc, "id") != NULL
                                                         ? json_object_get_member (doc, "id")
                                                         : json_node_init_null (json_node_alloc ())));
      json_object_set_member (row, "number", number != NULL ? json_node_copy (number)
                                                            : json_node_init_null (json_node_alloc ()));
      json_object_set_member (row, "events", json_node_copy (events));
      json_array_add_object_element (rows, row);
    }
  return rows;
}

static char *
history_hash (JsonArray *rows)
{
  g_autoptr(JsonNode) node = json_node_alloc ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  gsize len = 0;

  json_node_init_array (node, rows);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &len);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text, len);
}

gboolean
factures_store_chain_head_export_json (FacturesStore  *self,
                                       JsonBuilder    *builder,
                                       JsonObject     *root,
                                       GError        **error)
{
  g_auto(FacturesChainHead) head = { 0 };

  if (!factures_store_get_chain_head (self, &head, error))
    return FALSE;
  json_builder_set_member_name (builder, "chain_head");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "chain_seq");
  json_builder_add_int_value (builder, head.chain_seq);
  json_builder_set_member_name (builder, "hash");
  if (head.hash != NULL)
    json_builder_add_string_value (builder, head.hash);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "series");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "invoice");
  json_builder_add_int_value (builder, head.n_invoices);
  json_builder_set_member_name (builder, "quote");
  json_builder_add_int_value (builder, head.n_quotes);
  json_builder_set_member_name (builder, "credit-note");
  json_builder_add_int_value (builder, head.n_credit_notes);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "journal_seq");
  json_builder_add_int_value (builder, head.journal_seq);
  /* Not the journal's running hash (its order and the events' ids change with an import: trial 5
   * finding 12), but a fingerprint of each history array of the file itself. */
  json_builder_set_member_name (builder, "history");
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (history_parts); i++)
    {
      g_autoptr(JsonArray) rows = history_rows (root, history_parts[i].member);
      g_autofree char *hash = NULL;

      if (rows == NULL)
        continue;
      hash = history_hash (rows);
      json_builder_set_member_name (builder, history_parts[i].member);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "count");
      json_builder_add_int_value (builder, json_array_get_length (rows));
      json_builder_set_member_name (builder, "sha256");
      json_builder_add_string_value (builder, hash);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return TRUE;
}

gboolean
factures_store_chain_export_document (FacturesStore  *self,
                                      JsonBuilder    *builder,
                                      gint64          id,
                                      GError        **error)
{
  static const char * const names[] = { "chain_version", "series_name", "series_counter", "series_date" };
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = factures_store_prepare (self,
                                 "SELECT chain_version, series_name, series_counter, series_date "
                                 "FROM documents WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  for (int col = 0; col < 4; col++)
    {
      if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
        continue;
      json_builder_set_member_name (builder, names[col]);
      if (sqlite3_column_type (stmt, col) == SQLITE_INTEGER)
        json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, col));
      else
        json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, col));
    }
  return TRUE;
}

static gboolean
member_error (GError    **error,
              const char *where,
              const char *member,
              const char *expected)
{
  g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT, _("Invalid file: %s.%s must be %s."),
               where, member, expected);
  return FALSE;
}

gboolean
factures_store_chain_import_document (FacturesStore  *self,
                                      JsonObject     *object,
                                      gint64          id,
                                      const char     *where,
                                      GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JsonNode *status = json_object_get_member (object, "status");
  gint64 version = 1, counter = 0;
  gboolean has_counter = FALSE;
  const char *series = NULL, *date = NULL;
  JsonNode *node;

  if (status == NULL || !JSON_NODE_HOLDS_VALUE (status) || json_node_get_value_type (status) != G_TYPE_INT64 ||
      json_node_get_int (status) != 1)
    return TRUE;

  node = json_object_get_member (object, "chain_version");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
          (json_node_get_int (node) != 1 && json_node_get_int (node) != 2))
        return member_error (error, where, "chain_version", _("1 or 2"));
      version = json_node_get_int (node);
    }
  node = json_object_get_member (object, "series_name");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return member_error (error, where, "series_name", _("a string"));
      series = json_node_get_string (node);
    }
  node = json_object_get_member (object, "series_counter");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
        return member_error (error, where, "series_counter", _("a whole number"));
      counter = json_node_get_int (node);
      has_counter = TRUE;
    }
  node = json_object_get_member (object, "series_date");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return member_error (error, where, "series_date", _("a string"));
      date = json_node_get_string (node);
    }

  stmt = factures_store_prepare (self,
                                 "UPDATE documents SET chain_version = ?1, series_name = ?2, "
                                 "series_counter = ?3, series_date = ?4 WHERE id = ?5 AND status = 0",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, version);
  factures_sql_bind_text (stmt, 2, series);
  if (has_counter)
    sqlite3_bind_int64 (stmt, 3, counter);
  else
    sqlite3_bind_null (stmt, 3);
  factures_sql_bind_text (stmt, 4, date);
  sqlite3_bind_int64 (stmt, 5, id);
  if (!factures_store_step_done (self, stmt, error))
    {
      g_prefix_error (error, "%s: ", where);
      return FALSE;
    }
  return TRUE;
}

static void
csv_field (GString    *line,
           const char *text,
           gboolean    first)
{
  gsize len = text != NULL ? strlen (text) : 0;
  gsize room = 2 * len + 2;
  g_autofree char *quoted = g_malloc (room + 1);
  gsize written = csv_write (quoted, room, text != NULL ? text : "", len);

  if (!first)
    g_string_append_c (line, ';');
  g_string_append_len (line, quoted, MIN (written, room));
}

#define CSV_HEAD_LABEL "Tête de chaîne"

/**
 * factures_store_write_receipts_csv:
 * (see factures-store-integrity.h)
 */
gboolean
factures_store_write_receipts_csv (FacturesStore   *self,
                                   GPtrArray       *receipts,
                                   GOutputStream   *stream,
                                   GError         **error)
{
  g_auto(FacturesChainHead) head = { 0 };
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *seq = NULL;
  g_autofree char *invoices = NULL;
  g_autofree char *quotes = NULL;
  g_autofree char *credit_notes = NULL;
  g_autofree char *journal = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  if (!factures_store_get_chain_head (self, &head, error) ||
      !factures_receipts_write_csv (receipts, stream, error))
    return FALSE;
  /* Always French, like the rest of the register. */
  seq = int_text (head.chain_seq);
  invoices = g_strdup_printf ("factures %" G_GINT64_FORMAT, head.n_invoices);
  quotes = g_strdup_printf ("devis %" G_GINT64_FORMAT, head.n_quotes);
  credit_notes = g_strdup_printf ("avoirs %" G_GINT64_FORMAT, head.n_credit_notes);
  journal = g_strdup_printf ("historique %" G_GINT64_FORMAT, head.journal_seq);
  csv_field (line, CSV_HEAD_LABEL, TRUE);
  csv_field (line, seq, FALSE);
  csv_field (line, head.hash, FALSE);
  csv_field (line, invoices, FALSE);
  csv_field (line, quotes, FALSE);
  csv_field (line, credit_notes, FALSE);
  csv_field (line, journal, FALSE);
  csv_field (line, head.journal_hash, FALSE);
  g_string_append (line, "\r\n");
  return g_output_stream_write_all (stream, line->str, line->len, NULL, NULL, error);
}

/* ---- the witness in backups ---- */

gboolean
factures_store_write_witness (const char  *path,
                              GError     **error)
{
  g_auto(FacturesChainHead) head = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = NULL;
  gboolean ok = FALSE;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_DATABASE,
                   _("Cannot write the chain head into the backup “%s”: %s"), path,
                   db != NULL ? sqlite3_errmsg (db) : "out of memory");
      sqlite3_close (db);
      return FALSE;
    }
  /* The head of the copy itself, so that it matches the documents it holds. */
  if (!factures_chain_head_read (db, &head, error))
    goto out;
  if (sqlite3_exec (db,
                    "CREATE TABLE IF NOT EXISTS factures_witness ("
                    "  id INTEGER PRIMARY KEY CHECK (id = 1), written TEXT NOT NULL, "
                    "  chain_seq INTEGER NOT NULL, hash TEXT, n_invoices INTEGER NOT NULL, "
                    "  n_quotes INTEGER NOT NULL, n_credit_notes INTEGER NOT NULL, "
                    "  journal_seq INTEGER NOT NULL, journal_hash TEXT)",
                    NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db,
                          "INSERT OR REPLACE INTO factures_witness VALUES "
                          "(1, strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'), ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_DATABASE,
                   _("Cannot write the chain head into the backup “%s”: %s"), path, sqlite3_errmsg (db));
      goto out;
    }
  sqlite3_bind_int64 (stmt, 1, head.chain_seq);
  factures_sql_bind_text (stmt, 2, head.hash);
  sqlite3_bind_int64 (stmt, 3, head.n_invoices);
  sqlite3_bind_int64 (stmt, 4, head.n_quotes);
  sqlite3_bind_int64 (stmt, 5, head.n_credit_notes);
  sqlite3_bind_int64 (stmt, 6, head.journal_seq);
  factures_sql_bind_text (stmt, 7, head.journal_hash);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_DATABASE,
                   _("Cannot write the chain head into the backup “%s”: %s"), path, sqlite3_errmsg (db));
      goto out;
    }
  ok = TRUE;

out:
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (sqlite3_close (db) != SQLITE_OK && ok)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_DATABASE,
                   _("Cannot write the chain head into the backup “%s”."), path);
      ok = FALSE;
    }
  return ok;
}

/* ---- comparing with a witness ---- */

typedef struct {
  gint64  chain_seq;
  char   *number;
  char   *hash;
} WitnessDocument;

static void
witness_document_free (WitnessDocument *doc)
{
  g_free (doc->number);
  g_free (doc->hash);
  g_free (doc);
}

typedef struct {
  GPtrArray         *documents;   /* WitnessDocument: the issued documents the file holds */
  gboolean           has_head;
  FacturesChainHead  head;
  GPtrArray         *journal;     /* char *: "tbl\x1frow_id\x1fcanonical" by seq (backups only) */
  GPtrArray         *journal_refs;  /* char *: the ref of each of those entries */
  gboolean           journal_comparable;   /* the file's journal hash can be compared (backups) */
  GPtrArray         *imported;    /* char *: "id\x1fnumber\x1fcanonical" of each imported invoice (backups) */
  JsonObject        *file;        /* a JSON export: the whole file (trial 5 finding 2) */
  JsonObject        *history;     /* its chain_head's "history", when it has one */
} Witness;

static void
witness_clear (Witness *w)
{
  g_clear_pointer (&w->documents, g_ptr_array_unref);
  g_clear_pointer (&w->journal, g_ptr_array_unref);
  g_clear_pointer (&w->journal_refs, g_ptr_array_unref);
  g_clear_pointer (&w->imported, g_ptr_array_unref);
  g_clear_pointer (&w->file, json_object_unref);
  g_clear_pointer (&w->history, json_object_unref);
  factures_chain_head_clear (&w->head);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Witness, witness_clear)

static void
add_witness_document (Witness    *w,
                      gint64      chain_seq,
                      const char *number,
                      const char *hash)
{
  WitnessDocument *doc = g_new0 (WitnessDocument, 1);

  doc->chain_seq = chain_seq;
  doc->number = g_strdup (number);
  doc->hash = g_strdup (hash);
  g_ptr_array_add (w->documents, doc);
}

/* An imported invoice as imported (trial finding T1): the columns the app reads and the files
 * themselves, the same text in the database and in a backup. imported_invoices is outside the
 * journal (kept read-only by its triggers, which --verify checks): a backup shows a row changed
 * after it was made, the triggers dropped and made again. */
#define IMPORTED_CANONICAL_SQL \
  "SELECT id, number, quote (direction) || ',' || quote (number) || ',' || quote (type_code) || ',' " \
  "|| quote (issue_date) || ',' || quote (due_date) || ',' || quote (currency) || ',' || quote (seller_name) " \
  "|| ',' || quote (seller_siren) || ',' || quote (buyer_name) || ',' || quote (buyer_siren) || ',' " \
  "|| quote (client_id) || ',' || quote (tax_basis_total) || ',' || quote (tax_total) || ',' " \
  "|| quote (grand_total) || ',' || quote (due_payable) || ',' || quote (grand_total_cents) || ',' " \
  "|| quote (imported_at), original, xml FROM imported_invoices"

/* The canonical text of the row @stmt stands on (IMPORTED_CANONICAL_SQL): its columns, then the
 * SHA-256 of the original file and of its XML. */
static char *
imported_canonical (sqlite3_stmt *stmt)
{
  g_autofree char *original = factures_store_sha256_hex (sqlite3_column_blob (stmt, 3),
                                                          (gsize) sqlite3_column_bytes (stmt, 3));
  g_autofree char *xml = factures_store_sha256_hex (sqlite3_column_blob (stmt, 4),
                                                     (gsize) sqlite3_column_bytes (stmt, 4));

  return g_strdup_printf ("%s,%s,%s", (const char *) sqlite3_column_text (stmt, 2), original, xml);
}

static gboolean
read_backup (const char  *path,
             Witness     *w,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = NULL;
  gboolean ok = FALSE;
  int rc;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT, _("Cannot read the backup “%s”: %s"), path,
                   db != NULL ? sqlite3_errmsg (db) : "out of memory");
      sqlite3_close (db);
      return FALSE;
    }
  if (sqlite3_prepare_v2 (db, "SELECT chain_seq, number, hash FROM documents WHERE status = 1 ORDER BY chain_seq",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                   _("“%s” is not a backup of a Factures database: %s"), path, sqlite3_errmsg (db));
      goto out;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_witness_document (w, sqlite3_column_int64 (stmt, 0), (const char *) sqlite3_column_text (stmt, 1),
                          (const char *) sqlite3_column_text (stmt, 2));
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT, _("Cannot read the backup “%s”: %s"), path,
                   sqlite3_errmsg (db));
      goto out;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (table_exists (db, "factures_witness") &&
      sqlite3_prepare_v2 (db, "SELECT chain_seq, hash, n_invoices, n_quotes, n_credit_notes, journal_seq, "
                              "journal_hash FROM factures_witness WHERE id = 1", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      w->has_head = TRUE;
      w->head.chain_seq = sqlite3_column_int64 (stmt, 0);
      w->head.hash = factures_sql_col_dup (stmt, 1);
      w->head.n_invoices = sqlite3_column_int64 (stmt, 2);
      w->head.n_quotes = sqlite3_column_int64 (stmt, 3);
      w->head.n_credit_notes = sqlite3_column_int64 (stmt, 4);
      w->head.journal_seq = sqlite3_column_int64 (stmt, 5);
      w->head.journal_hash = factures_sql_col_dup (stmt, 6);
      w->journal_comparable = TRUE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (table_exists (db, "journal") &&
      sqlite3_prepare_v2 (db, "SELECT seq, tbl, row_id, canonical, ref FROM journal ORDER BY seq",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      w->journal = g_ptr_array_new_with_free_func (g_free);
      w->journal_refs = g_ptr_array_new_with_free_func (g_free);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 seq = sqlite3_column_int64 (stmt, 0);

          /* by position: seq 1 at index 0 (a gap in the file leaves a NULL) */
          while ((gint64) w->journal->len < seq - 1)
            {
              g_ptr_array_add (w->journal, NULL);
              g_ptr_array_add (w->journal_refs, NULL);
            }
          if ((gint64) w->journal->len != seq - 1)
            continue;
          g_ptr_array_add (w->journal_refs, factures_sql_col_dup (stmt, 4));
          g_ptr_array_add (w->journal,
                             g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT "\x1f%s",
                                              (const char *) sqlite3_column_text (stmt, 1),
                                              (gint64) sqlite3_column_int64 (stmt, 2),
                                              (const char *) sqlite3_column_text (stmt, 3)));
        }
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (table_exists (db, "imported_invoices") &&
      sqlite3_prepare_v2 (db, IMPORTED_CANONICAL_SQL, -1, &stmt, NULL) == SQLITE_OK)
    {
      w->imported = g_ptr_array_new_with_free_func (g_free);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autofree char *canonical = imported_canonical (stmt);

          g_ptr_array_add (w->imported, g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s\x1f%s",
                                                         (gint64) sqlite3_column_int64 (stmt, 0),
                                                         (const char *) sqlite3_column_text (stmt, 1), canonical));
        }
    }
  ok = TRUE;

out:
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close (db);
  return ok;
}

static gint64
json_int (JsonObject *object,
          const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return json_node_get_int (node);
}

static const char *
json_text (JsonObject *object,
           const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
read_json (const char  *path,
           Witness     *w,
           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonObject *object, *head;
  JsonNode *documents;

  if (!json_parser_load_from_mapped_file (parser, path, &local_error))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                   _("“%s” is neither a backup, a JSON export nor a CSV export of Factures: %s"),
                   path, local_error->message);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      g_strcmp0 (json_text (json_node_get_object (root), "format"), "factures") != 0)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                   _("“%s” is not a Factures export (its “format” is not “factures”)."), path);
      return FALSE;
    }
  object = json_node_get_object (root);
  w->file = json_object_ref (object);
  documents = json_object_get_member (object, "documents");
  if (documents != NULL && JSON_NODE_HOLDS_ARRAY (documents))
    {
      JsonArray *array = json_node_get_array (documents);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          JsonObject *doc = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

          if (doc == NULL || json_int (doc, "status") != 1)
            continue;
          add_witness_document (w, json_int (doc, "chain_seq"), json_text (doc, "number"), json_text (doc, "hash"));
        }
    }
  head = json_object_has_member (object, "chain_head") &&
         JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "chain_head"))
         ? json_object_get_object_member (object, "chain_head") : NULL;
  if (head != NULL)
    {
      JsonObject *series = json_object_has_member (head, "series") &&
                           JSON_NODE_HOLDS_OBJECT (json_object_get_member (head, "series"))
                           ? json_object_get_object_member (head, "series") : NULL;

      w->has_head = TRUE;
      w->head.chain_seq = json_int (head, "chain_seq");
      w->head.hash = g_strdup (json_text (head, "hash"));
      w->head.n_invoices = json_int (series, "invoice");
      w->head.n_quotes = json_int (series, "quote");
      w->head.n_credit_notes = json_int (series, "credit-note");
      w->head.journal_seq = json_int (head, "journal_seq");
      w->head.journal_hash = g_strdup (json_text (head, "journal_hash"));
      if (json_object_has_member (head, "history") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (head, "history")))
        w->history = json_object_ref (json_object_get_object_member (head, "history"));
    }
  return TRUE;
}

/* A member's value as the export writes it, for a message. */
static char *
member_text (JsonObject *object,
             const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;
  g_autoptr(JsonGenerator) generator = NULL;

  if (node == NULL)
    return g_strdup (_("(absent)"));
  generator = json_generator_new ();
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

/* "amount: 30000 in the copy, 99999 in the database; method: …", or NULL when @seen and @now
 * are the same. */
static char *
object_differences (JsonObject *seen,
                    JsonObject *now)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GList) members = json_object_get_members (seen);
  g_autoptr(GList) extra = json_object_get_members (now);

  for (GList *l = extra; l != NULL; l = l->next)
    if (!json_object_has_member (seen, l->data))
      members = g_list_append (members, l->data);
  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *a = member_text (seen, l->data);
      g_autofree char *b = member_text (now, l->data);

      if (g_strcmp0 (a, b) == 0)
        continue;
      if (out->len > 0)
        g_string_append (out, C_("list separator", "; "));
      /* Translators: a field of a history row that differs: "amount: 30000 in the copy, 99999 in the database" */
      g_string_append_printf (out, _("%s: %s in the copy, %s in the database"), (const char *) l->data, a, b);
    }
  return out->len > 0 ? g_strdup (out->str) : NULL;
}

static JsonObject *
element_object (JsonArray *array,
                guint      i)
{
  JsonNode *node = json_array_get_element (array, i);

  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* Every row of the copy's @member, in the database unchanged (matched by "id"): the database may
 * have more (recorded since), never fewer nor others. A document's events: those of the copy are
 * the first of the database's. */
static void
compare_history (GPtrArray  *problems,
                 const char *member,
                 JsonArray  *seen,
                 JsonArray  *now)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean events = strcmp (member, "events") == 0;

  for (guint i = 0; now != NULL && i < json_array_get_length (now); i++)
    {
      JsonObject *row = element_object (now, i);

      if (row != NULL && json_object_has_member (row, "id"))
        g_hash_table_insert (by_id, member_text (row, "id"), row);
    }
  for (guint i = 0; i < json_array_get_length (seen); i++)
    {
      JsonObject *row = element_object (seen, i);
      g_autofree char *id = NULL;
      JsonObject *other;

      if (row == NULL || !json_object_has_member (row, "id"))
        continue;
      id = member_text (row, "id");
      other = g_hash_table_lookup (by_id, id);
      if (events)
        {
          JsonArray *a, *b;
          const char *number = json_object_get_string_member_with_default (row, "number", NULL);

          /* a draft deleted since takes its events with it; an issued document missing is named
           * by the chain's comparison above */
          if (other == NULL)
            continue;
          a = json_object_get_array_member (row, "events");
          b = json_object_has_member (other, "events") ? json_object_get_array_member (other, "events") : NULL;
          for (guint j = 0; a != NULL && j < json_array_get_length (a); j++)
            {
              JsonObject *ea = element_object (a, j);
              JsonObject *eb = b != NULL && j < json_array_get_length (b) ? element_object (b, j) : NULL;
              g_autofree char *diff = NULL;

              if (eb == NULL)
                add_problem (problems, g_strdup_printf (_("History: documents[id=%s].events[%u] (document %s) is "
                                                          "missing from the database."), id, j, number != NULL ? number : _("draft")));
              else if (ea != NULL && (diff = object_differences (ea, eb)) != NULL)
                add_problem (problems, g_strdup_printf (_("History: documents[id=%s].events[%u] (document %s) "
                                                          "differs: %s."), id, j, number != NULL ? number : _("draft"), diff));
            }
          continue;
        }
      if (other == NULL)
        add_problem (problems, g_strdup_printf (_("History: %s[%u] (id %s) is missing from the database."),
                                                member, i, id));
      else
        {
          g_autofree char *diff = object_differences (row, other);

          if (diff != NULL)
            add_problem (problems, g_strdup_printf (_("History: %s[%u] (id %s) differs: %s."), member, i, id, diff));
        }
    }
}

/* A JSON export against the database: the file against its own fingerprints (a file edited by
 * hand, then imported, agrees with the database but no longer with them), then each history row
 * of the file against the database's. */
static gboolean
verify_json_history (FacturesStore  *self,
                     Witness        *w,
                     GPtrArray      *problems,
                     GError        **error)
{
  g_autoptr(JsonNode) db_root = NULL;

  if (w->history != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (history_parts); i++)
      {
        JsonNode *print = json_object_get_member (w->history, history_parts[i].member);
        g_autoptr(JsonArray) rows = NULL;
        g_autofree char *hash = NULL;

        if (print == NULL || !JSON_NODE_HOLDS_OBJECT (print))
          continue;
        rows = history_rows (w->file, history_parts[i].member);
        hash = rows != NULL ? history_hash (rows) : NULL;
        if (g_strcmp0 (hash, json_object_get_string_member_with_default (json_node_get_object (print), "sha256", "")) != 0)
          add_problem (problems, g_strdup_printf (_("The copy was changed after it was exported: %s (“%s”) no "
                                                    "longer match the fingerprint written in its chain_head."),
                                                  _(history_parts[i].label), history_parts[i].member));
      }

  db_root = factures_store_json_export_root (self, error);
  if (db_root == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (history_parts); i++)
    {
      g_autoptr(JsonArray) seen = history_rows (w->file, history_parts[i].member);
      g_autoptr(JsonArray) now = NULL;

      if (seen == NULL)
        continue;
      now = history_rows (json_node_get_object (db_root), history_parts[i].member);
      compare_history (problems, history_parts[i].member, seen, now);
    }
  return TRUE;
}

/* The last line of a CSV export of the livre des recettes. */
static gboolean
read_csv (const char  *path,
          const char  *data,
          Witness     *w,
          GError     **error)
{
  const char *line = g_strrstr (data, "\"" CSV_HEAD_LABEL "\"");
  g_auto(GStrv) fields = NULL;
  g_autofree char *copy = NULL;

  if (line == NULL)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                   _("“%s” has no chain head: it is not an export of the receipts register made by "
                     "this version of Factures."), path);
      return FALSE;
    }
  copy = g_strndup (line, strcspn (line, "\r\n"));
  g_strdelimit (copy, "\"", ' ');
  fields = g_strsplit (copy, ";", -1);
  if (g_strv_length (fields) < 8)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                   _("“%s”: the chain head on its last line is incomplete."), path);
      return FALSE;
    }
  for (guint i = 0; fields[i] != NULL; i++)
    g_strstrip (fields[i]);
  w->has_head = TRUE;
  w->head.chain_seq = g_ascii_strtoll (fields[1], NULL, 10);
  w->head.hash = *fields[2] != '\0' ? g_strdup (fields[2]) : NULL;
  w->head.n_invoices = g_ascii_strtoll (fields[3] + strcspn (fields[3], "0123456789"), NULL, 10);
  w->head.n_quotes = g_ascii_strtoll (fields[4] + strcspn (fields[4], "0123456789"), NULL, 10);
  w->head.n_credit_notes = g_ascii_strtoll (fields[5] + strcspn (fields[5], "0123456789"), NULL, 10);
  w->head.journal_seq = g_ascii_strtoll (fields[6] + strcspn (fields[6], "0123456789"), NULL, 10);
  w->head.journal_hash = *fields[7] != '\0' ? g_strdup (fields[7]) : NULL;
  return TRUE;
}

static void
compare_count (GPtrArray  *problems,
               const char *series,
               gint64      witnessed,
               gint64      stored)
{
  g_autofree char *seen = NULL;
  g_autofree char *now = NULL;

  if (stored >= witnessed)
    return;
  seen = int_text (witnessed);
  now = int_text (stored);
  add_problem (problems, g_strdup_printf (_("Series “%s”: the copy counted %s issued documents, the "
                                            "database has only %s."), factures_store_series_label (series), seen, now));
}

/**
 * factures_store_verify_against:
 * (see factures-store-integrity.h)
 */
gboolean
factures_store_verify_against (FacturesStore  *self,
                               const char     *path,
                               GError        **error)
{
  g_auto(Witness) w = { 0 };
  g_auto(FacturesChainHead) head = { 0 };
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) by_seq = NULL;
  g_autoptr(sqlite3_stmt) by_number = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3 *db;
  gsize len = 0;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  db = factures_store_get_db (self);
  w.documents = g_ptr_array_new_with_free_func ((GDestroyNotify) witness_document_free);

  /* Which kind of file: the first bytes tell. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, &local_error);
    char magic[16] = { 0 };
    gsize n = 0;

    if (stream == NULL ||
        !g_input_stream_read_all (G_INPUT_STREAM (stream), magic, sizeof magic, &n, NULL, &local_error))
      {
        g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT, _("Cannot read “%s”: %s"), path,
                     local_error->message);
        return FALSE;
      }
    if (n == sizeof magic && memcmp (magic, "SQLite format 3", 16) == 0)
      {
        if (!read_backup (path, &w, error))
          return FALSE;
      }
    else
      {
        if (!g_file_get_contents (path, &data, &len, &local_error))
          {
            g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT, _("Cannot read “%s”: %s"), path,
                         local_error->message);
            return FALSE;
          }
        /* The register's CSV starts with a byte order mark and its French header. */
        if (g_str_has_prefix (data, "\xEF\xBB\xBF\"Date d'encaissement\""))
          {
            if (!read_csv (path, data, &w, error))
              return FALSE;
          }
        else if (!read_json (path, &w, error))
          return FALSE;
      }
  }

  if (!factures_store_get_chain_head (self, &head, error))
    return FALSE;

  /* Every issued document the file holds: in the database at the same chain position, with the
   * same number and hash. */
  by_seq = factures_store_prepare (self, "SELECT number, hash FROM documents WHERE status = 1 AND chain_seq = ?1",
                                   error);
  by_number = factures_store_prepare (self, "SELECT chain_seq FROM documents WHERE status = 1 AND number = ?1",
                                      error);
  if (by_seq == NULL || by_number == NULL)
    return FALSE;
  for (guint i = 0; i < w.documents->len; i++)
    {
      const WitnessDocument *doc = g_ptr_array_index (w.documents, i);
      g_autofree char *seq = int_text (doc->chain_seq);
      const char *number = doc->number != NULL ? doc->number : "?";

      sqlite3_reset (by_seq);
      sqlite3_bind_int64 (by_seq, 1, doc->chain_seq);
      if (sqlite3_step (by_seq) != SQLITE_ROW)
        {
          sqlite3_reset (by_number);
          factures_sql_bind_text (by_number, 1, doc->number);
          if (doc->number != NULL && sqlite3_step (by_number) == SQLITE_ROW)
            {
              g_autofree char *now = int_text (sqlite3_column_int64 (by_number, 0));

              add_problem (problems, g_strdup_printf (_("Document %s: at position %s of the chain in the copy, "
                                                        "at position %s in the database."), number, seq, now));
            }
          else
            add_problem (problems, g_strdup_printf (_("Document %s (position %s of the chain) is missing from "
                                                      "the database."), number, seq));
          continue;
        }
      if (g_strcmp0 ((const char *) sqlite3_column_text (by_seq, 0), doc->number) != 0)
        add_problem (problems, g_strdup_printf (_("Document %s (position %s of the chain) is missing from the "
                                                  "database: %s is in its place."),
                                                number, seq, (const char *) sqlite3_column_text (by_seq, 0)));
      else if (g_strcmp0 ((const char *) sqlite3_column_text (by_seq, 1), doc->hash) != 0)
        add_problem (problems, g_strdup_printf (_("Document %s (position %s of the chain) differs from the copy "
                                                  "(another hash)."), number, seq));
    }

  if (w.has_head)
    {
      g_autofree char *seen = int_text (w.head.chain_seq);
      g_autofree char *now = int_text (head.chain_seq);

      /* The head: the last document the file saw is still there, unchanged. */
      if (w.head.chain_seq > head.chain_seq)
        add_problem (problems, g_strdup_printf (_("The copy saw %s documents in the hash chain, the database "
                                                  "has only %s: the last documents were deleted."), seen, now));
      else if (w.head.chain_seq > 0)
        {
          sqlite3_reset (by_seq);
          sqlite3_bind_int64 (by_seq, 1, w.head.chain_seq);
          if (sqlite3_step (by_seq) != SQLITE_ROW ||
              g_strcmp0 ((const char *) sqlite3_column_text (by_seq, 1), w.head.hash) != 0)
            add_problem (problems, g_strdup_printf (_("The last document the copy saw (position %s of the chain) "
                                                      "differs in the database."), seen));
        }
      compare_count (problems, "invoice", w.head.n_invoices, head.n_invoices);
      compare_count (problems, "quote", w.head.n_quotes, head.n_quotes);
      compare_count (problems, "credit-note", w.head.n_credit_notes, head.n_credit_notes);

      /* The history: as long as the copy saw, and (backups, whose journal is the same file's)
       * the same entries. */
      if (w.head.journal_seq > head.journal_seq)
        {
          g_autofree char *jseen = int_text (w.head.journal_seq);
          g_autofree char *jnow = int_text (head.journal_seq);

          add_problem (problems, g_strdup_printf (_("History: the copy saw %s journal entries, the database has "
                                                    "only %s: the last records (payments, events) were deleted."),
                                                  jseen, jnow));
        }
      else if (w.journal_comparable && w.head.journal_seq > 0)
        {
          g_autofree char *prefix = NULL;
          gint64 n = 0;

          if (!journal_hash (db, w.head.journal_seq, &prefix, &n, error))
            return FALSE;
          if (g_strcmp0 (prefix, w.head.journal_hash) != 0 && w.journal == NULL)
            add_problem (problems, g_strdup (_("History: the journal entries the copy saw differ in the database.")));
        }
    }

  /* Backups: each journal entry of the copy, in the database. */
  if (w.journal != NULL)
    {
      g_autoptr(sqlite3_stmt) entry = factures_store_prepare (self,
                                                               "SELECT tbl, row_id, canonical, ref FROM journal "
                                                               "WHERE seq = ?1",
                                                               error);

      if (entry == NULL)
        return FALSE;
      for (guint i = 0; i < w.journal->len; i++)
        {
          const char *seen = g_ptr_array_index (w.journal, i);
          g_autofree char *seq = int_text (i + 1);
          g_autofree char *now = NULL;
          g_auto(GStrv) parts = NULL;
          g_autofree char *what = NULL;

          if (seen == NULL)
            continue;
          parts = g_strsplit (seen, "\x1f", 3);
          sqlite3_reset (entry);
          sqlite3_bind_int64 (entry, 1, i + 1);
          if (sqlite3_step (entry) == SQLITE_ROW)
            now = g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT "\x1f%s", (const char *) sqlite3_column_text (entry, 0),
                                   (gint64) sqlite3_column_int64 (entry, 1), (const char *) sqlite3_column_text (entry, 2));
          if (g_strcmp0 (now, seen) == 0)
            continue;
          what = describe_row (parts[0], parts[1] != NULL ? g_ascii_strtoll (parts[1], NULL, 10) : 0,
                               now != NULL ? (const char *) sqlite3_column_text (entry, 3)
                                           : g_ptr_array_index (w.journal_refs, i));
          if (now == NULL)
            add_problem (problems, g_strdup_printf (_("History: %s (journal entry %s) is missing from the "
                                                      "database."), what, seq));
          else
            add_problem (problems, g_strdup_printf (_("History: %s (journal entry %s) differs from the copy."),
                                                    what, seq));
        }
    }

  /* JSON exports: each payment, allocation, cancellation, event… of the copy (trial 5 finding 2). */
  if (w.file != NULL && !verify_json_history (self, &w, problems, error))
    return FALSE;

  /* Backups: each imported invoice of the copy, unchanged in the database (trial finding T1). */
  if (w.imported != NULL && table_exists (db, "imported_invoices"))
    {
      g_autofree char *sql = g_strconcat (IMPORTED_CANONICAL_SQL, " WHERE id = ?1", NULL);
      g_autoptr(sqlite3_stmt) row = factures_store_prepare (self, sql, error);

      if (row == NULL)
        return FALSE;
      for (guint i = 0; i < w.imported->len; i++)
        {
          g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (w.imported, i), "\x1f", 3);
          g_autofree char *now = NULL;

          sqlite3_reset (row);
          sqlite3_bind_int64 (row, 1, g_ascii_strtoll (parts[0], NULL, 10));
          if (sqlite3_step (row) != SQLITE_ROW)
            add_problem (problems, g_strdup_printf (_("Imported invoice %s (row %s) is missing from the database."),
                                                    parts[1], parts[0]));
          else if (g_strcmp0 ((now = imported_canonical (row)), parts[2]) != 0)
            add_problem (problems, g_strdup_printf (_("Imported invoice %s (row %s) differs from the copy (now %s)."),
                                                    parts[1], parts[0], (const char *) sqlite3_column_text (row, 1)));
        }
    }

  return problems_error (problems, error);
}
