/* factures-store-issue.c — issuing and the hash chain (see factures-store.c's header comment)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "factures-identifiers.h"
#include "factures-identifiers-eu.h"
#include "factures-lifecycle.h"
#include "factures-mentions.h"
#include "factures-rows.h"
#include "factures-sql-list-model.h"
#include "factures-store-private.h"
#include "factures-store-integrity-private.h"
#include "factures-store-lifecycle-private.h"
#include "factures-store-numbering-private.h"
#include "factures-store-payments-private.h"
#include "factures-store-schedule-private.h"
#include "factures-store-resources.h"
#include "factures-terms.h"
#include "factures-vat.h"

#define MIGRATIONS_PATH "/org/example/Factures/migrations"
#include "factures-store-impl-private.h"

/* ---- issuing and the hash chain ---- */

static void
canon_text (GString    *out,
            const char *key,
            const char *value)
{
  if (value == NULL)
    g_string_append_printf (out, "%s=-\n", key);
  else
    g_string_append_printf (out, "%s=%" G_GSIZE_FORMAT ":%s\n", key, strlen (value), value);
}

static void
canon_int (GString    *out,
           const char *key,
           gint64      value)
{
  g_string_append_printf (out, "%s=%" G_GINT64_FORMAT "\n", key, value);
}

/* The columns of an issued document, classified for the chain (factures-chain-v2).
 *
 * KEEP IN STEP WITH document_canonical_text() below. Every column of the documents table is
 * either hashed (its value is part of the canonical text) or named here as not hashed, with the
 * reason. A later issue that adds a column an issued document carries MUST add it to the
 * canonical text under a NEW version (factures-chain-v3: a new value of documents.chain_version,
 * the older versions still computed as they were), never change what v1 or v2 hash: the stored
 * hashes of the documents already issued must keep verifying. tests/store/test-store-integrity.c
 * fails when a column of documents is in neither list. */
static const char * const chain_hashed_columns[] = {
  /* v1 and v2 */
  "number", "kind", "issue_date", "delivery_date", "due_date", "terms_kind", "terms_days",
  "seller", "buyer", "allowance", "net_total", "vat_total", "gross_total", "amount_due", "notes",
  "purchase_order", "prev_hash" /* the input of the hash */,
  /* v2 only */
  "client_id", "client_name", "pdf_sha256", "chain_seq", "chain_version", "series_name",
  "series_counter", "series_date",
  /* v1 and v2, hashed when set (issue 13 item 4, migration 0017) */
  "currency", "exchange_rate",
  NULL
};

static const char * const chain_unhashed_columns[] = {
  "id",          /* the row id: internal, documents are named by their number */
  "status",      /* 1 for every hashed document (the hash is computed just before it is set) */
  "hash",        /* the result */
  "client_key",  /* folded copy of client_name (sorting), rebuilt from it */
  "search_key",  /* folded copy of number and client_name (search), rebuilt from them */
  NULL
};

/**
 * factures_store_chain_columns:
 * @out_hashed: (out) (transfer none): the columns of documents hashed by the newest chain version
 * @out_unhashed: (out) (transfer none): the columns left out of the hash, each for a reason
 *
 * For the test that every column of documents is classified (see document_canonical_text()).
 */
void
factures_store_chain_columns (const char * const **out_hashed,
                              const char * const **out_unhashed)
{
  *out_hashed = chain_hashed_columns;
  *out_unhashed = chain_unhashed_columns;
}

/* The canonical text of a stored document (see the top of this file), in the chain version
 * the document records (chain_version: 1 before migration 0008, 2 since). @known_pdf_sha256:
 * NULL, or the SHA-256 of the stored original when the caller has just stored it (the issue:
 * the same bytes, so the same text, without reading the blob back and hashing it again). The
 * statements of today's schema are cached per connection (issue 12: their preparation was a
 * sixth of the issue path). */
static char *
document_canonical_text (FacturesStore  *self,
                         gint64          id,
                         const char     *known_pdf_sha256,
                         GError        **error)
{
  g_autoptr(FacturesCachedStmt) cached = NULL;
  g_autoptr(FacturesCachedStmt) cached_lines = NULL;
  g_autoptr(sqlite3_stmt) legacy = NULL;
  g_autoptr(sqlite3_stmt) legacy_lines = NULL;
  sqlite3_stmt *stmt;
  sqlite3_stmt *lines;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *pdf_sha = NULL;
  gint64 version;
  int rc;

#define CANONICAL_COLUMNS "number, kind, issue_date, delivery_date, due_date, terms_kind, " \
                          "terms_days, seller, buyer, allowance, net_total, vat_total, " \
                          "gross_total, amount_due, notes, purchase_order, "
  /* The stored original: in document_originals since migration 0010 (hashed as its SHA-256,
   * the same bytes, so every hash verifies as before); not read when ?2 says it is known. */
  cached = factures_store_prepare_cached (self,
                                          "SELECT " CANONICAL_COLUMNS
                                          "CASE WHEN ?2 THEN NULL ELSE "
                                          "(SELECT pdf FROM document_originals o WHERE o.document_id = documents.id) END, "
                                          "coalesce (chain_version, 1), status, client_id, client_name, pdf_sha256, "
                                          "chain_seq, series_name, series_counter, series_date "
                                          "FROM documents WHERE id = ?1",
                                          NULL);
  stmt = cached;
  if (stmt == NULL)
    {
      /* A database from before migration 0008, verified read-only: every document is v1. */
      known_pdf_sha256 = NULL;
      stmt = legacy = factures_store_prepare (self,
                                              "SELECT " CANONICAL_COLUMNS "pdf, 1, status, client_id, client_name, "
                                              "pdf_sha256, chain_seq, NULL, NULL, NULL FROM documents WHERE id = ?1",
                                              error);
      if (stmt == NULL)
        return NULL;
    }
  else
    sqlite3_bind_int (stmt, 2, known_pdf_sha256 != NULL);
#undef CANONICAL_COLUMNS
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  version = sqlite3_column_int64 (stmt, 17);
  if (version != 1 && version != 2)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY,
                   _("Document %s: unknown hash chain version %" PRId64 "."),
                   factures_store_impl_col_text (stmt, 0) != NULL ? factures_store_impl_col_text (stmt, 0) : "?", version);
      return NULL;
    }
  g_string_append_printf (out, "factures-chain-v%" G_GINT64_FORMAT "\n", version);

  canon_text (out, "number", factures_store_impl_col_text (stmt, 0));
  canon_int (out, "kind", sqlite3_column_int64 (stmt, 1));
  canon_text (out, "issue_date", factures_store_impl_col_text (stmt, 2));
  canon_text (out, "delivery_date", factures_store_impl_col_text (stmt, 3));
  canon_text (out, "due_date", factures_store_impl_col_text (stmt, 4));
  canon_int (out, "terms_kind", sqlite3_column_int64 (stmt, 5));
  canon_int (out, "terms_days", sqlite3_column_int64 (stmt, 6));
  canon_text (out, "seller", factures_store_impl_col_text (stmt, 7));
  canon_text (out, "buyer", factures_store_impl_col_text (stmt, 8));

  cached_lines = factures_store_prepare_cached (self,
                                                "SELECT position, description, quantity, unit, unit_price, "
                                                "vat_rate_bp, allowance, net, activity, vat_category, vatex, "
                                                "exemption_reason, override_reason, debours FROM lines WHERE document_id = ?1 "
                                                "ORDER BY position",
                                                NULL);
  lines = cached_lines;
  if (lines == NULL
      /* A database from before migration 0016 (issue 17), verified read-only. */
      && sqlite3_prepare_v2 (self->db,
                             "SELECT position, description, quantity, unit, unit_price, "
                             "vat_rate_bp, allowance, net, activity, vat_category, vatex, "
                             "exemption_reason, override_reason, 0 FROM lines WHERE document_id = ?1 "
                             "ORDER BY position",
                             -1, &legacy_lines, NULL) != SQLITE_OK)
    {
      /* A database from before migration 0013, verified read-only. */
      legacy_lines = factures_store_prepare (self,
                                             "SELECT position, description, quantity, unit, unit_price, "
                                             "vat_rate_bp, allowance, net, 0, NULL, NULL, NULL, NULL, 0 "
                                             "FROM lines WHERE document_id = ?1 ORDER BY position",
                                             error);
      if (legacy_lines == NULL)
        return NULL;
    }
  if (lines == NULL)
    lines = legacy_lines;
  sqlite3_bind_int64 (lines, 1, id);
  while ((rc = sqlite3_step (lines)) == SQLITE_ROW)
    {
      canon_int (out, "line", sqlite3_column_int64 (lines, 0));
      canon_text (out, "description", factures_store_impl_col_text (lines, 1));
      canon_int (out, "quantity", sqlite3_column_int64 (lines, 2));
      canon_text (out, "unit", factures_store_impl_col_text (lines, 3));
      canon_int (out, "unit_price", sqlite3_column_int64 (lines, 4));
      canon_int (out, "vat_rate_bp", sqlite3_column_int64 (lines, 5));
      canon_int (out, "line_allowance", sqlite3_column_int64 (lines, 6));
      canon_int (out, "net", sqlite3_column_int64 (lines, 7));
      /* The VAT treatment of issue 13 (migration 0013): hashed when set, in v1 and v2 alike.
       * Lines issued before it carry 0 and NULL there, so their text (and every stored hash)
       * is unchanged, while any value set, changed or cleared on a later line changes it. The
       * documents table's CHECK allows chain versions 1 and 2 only (a new version would rebuild
       * it), hence this extension of v2 rather than a v3. */
      if (sqlite3_column_int64 (lines, 8) != 0)
        canon_int (out, "activity", sqlite3_column_int64 (lines, 8));
      if (sqlite3_column_type (lines, 9) != SQLITE_NULL)
        canon_text (out, "vat_category", factures_store_impl_col_text (lines, 9));
      if (sqlite3_column_type (lines, 10) != SQLITE_NULL)
        canon_text (out, "vatex", factures_store_impl_col_text (lines, 10));
      if (sqlite3_column_type (lines, 11) != SQLITE_NULL)
        canon_text (out, "exemption_reason", factures_store_impl_col_text (lines, 11));
      if (sqlite3_column_type (lines, 12) != SQLITE_NULL)
        canon_text (out, "override_reason", factures_store_impl_col_text (lines, 12));
      /* Issue 17 (migration 0016): a débours line, hashed when set, as above. */
      if (sqlite3_column_int64 (lines, 13) != 0)
        canon_int (out, "debours", 1);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }

  canon_int (out, "allowance", sqlite3_column_int64 (stmt, 9));
  canon_int (out, "net_total", sqlite3_column_int64 (stmt, 10));
  canon_int (out, "vat_total", sqlite3_column_int64 (stmt, 11));
  canon_int (out, "gross_total", sqlite3_column_int64 (stmt, 12));
  canon_int (out, "amount_due", sqlite3_column_int64 (stmt, 13));
  canon_text (out, "notes", factures_store_impl_col_text (stmt, 14));
  canon_text (out, "purchase_order", factures_store_impl_col_text (stmt, 15));
  pdf_sha = known_pdf_sha256 != NULL ? g_strdup (known_pdf_sha256)
                                      : factures_store_sha256_hex (sqlite3_column_blob (stmt, 16),
                                                                   (gsize) sqlite3_column_bytes (stmt, 16));
  canon_text (out, "pdf_sha256", pdf_sha);
  if (!factures_store_lifecycle_canon (self, id, out, error))
    return NULL;

  /* factures-chain-v2 (migration 0008): the rest of the issued row, the client reference and
   * the state of the number series after the issue. */
  if (version >= 2)
    {
      canon_text (out, "client_id", factures_store_impl_col_text (stmt, 19));
      canon_text (out, "client_name", factures_store_impl_col_text (stmt, 20));
      canon_text (out, "stored_pdf_sha256", factures_store_impl_col_text (stmt, 21));
      canon_text (out, "chain_seq", factures_store_impl_col_text (stmt, 22));
      canon_text (out, "series_name", factures_store_impl_col_text (stmt, 23));
      canon_text (out, "series_counter", factures_store_impl_col_text (stmt, 24));
      canon_text (out, "series_date", factures_store_impl_col_text (stmt, 25));
    }

  /* The currency and exchange rate of issue 13 item 4 (migration 0017): hashed when set, in v1
   * and v2 alike, as the VAT treatment of the lines above: a document in euros (NULL) keeps
   * its text and stored hash. A database from before 0017, verified read-only, has neither. */
  {
    g_autoptr(FacturesCachedStmt) currency = factures_store_prepare_cached (self,
                                                                            "SELECT currency, exchange_rate "
                                                                            "FROM documents WHERE id = ?1",
                                                                            NULL);

    if (currency != NULL)
      {
        sqlite3_bind_int64 (currency, 1, id);
        if (sqlite3_step (currency) == SQLITE_ROW)
          {
            if (sqlite3_column_type (currency, 0) != SQLITE_NULL)
              canon_text (out, "currency", factures_store_impl_col_text (currency, 0));
            if (sqlite3_column_type (currency, 1) != SQLITE_NULL)
              canon_int (out, "exchange_rate", sqlite3_column_int64 (currency, 1));
          }
      }
  }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
document_hash (FacturesStore  *self,
               gint64          id,
               const char     *prev_hash,
               const char     *known_pdf_sha256,
               GError        **error)
{
  g_autoptr(GChecksum) checksum = NULL;
  g_autofree char *canonical = document_canonical_text (self, id, known_pdf_sha256, error);

  if (canonical == NULL)
    return NULL;
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  if (prev_hash != NULL)
    g_checksum_update (checksum, (const guchar *) prev_hash, -1);
  g_checksum_update (checksum, (const guchar *) canonical, -1);
  return g_strdup (g_checksum_get_string (checksum));
}

gboolean
factures_store_verify_chain (FacturesStore  *self,
                             GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) stray = NULL;
  g_autofree char *expected_prev = NULL;
  gint64 expected_seq = 1;
  int rc;

  /* An issued document turned back into a draft behind the app's back. */
  stray = factures_store_prepare (self,
                                  "SELECT coalesce (number, id) FROM documents WHERE status = 0 "
                                  "AND (hash IS NOT NULL OR chain_seq IS NOT NULL OR number IS NOT NULL "
                                  "OR EXISTS (SELECT 1 FROM document_originals o WHERE o.document_id = documents.id)) "
                                  "ORDER BY id LIMIT 1",
                                  error);
  if (stray == NULL)
    return FALSE;
  if (sqlite3_step (stray) == SQLITE_ROW)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY,
                   _("Document %s: an issued document was turned back into a draft."),
                   factures_store_impl_col_text (stray, 0));
      return FALSE;
    }

  stmt = factures_store_prepare (self,
                                 "SELECT id, number, chain_seq, prev_hash, hash FROM documents "
                                 "WHERE status = 1 ORDER BY chain_seq, id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *computed = NULL;
      const char *number = factures_store_impl_col_text (stmt, 1);
      const char *prev = factures_store_impl_col_text (stmt, 3);
      const char *hash = factures_store_impl_col_text (stmt, 4);

      if (sqlite3_column_int64 (stmt, 2) != expected_seq)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY,
                       _("Document %s: the hash chain has a gap before it (a document is missing)."),
                       number);
          return FALSE;
        }
      if (g_strcmp0 (prev, expected_prev) != 0)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY,
                       _("Document %s: it does not follow the previous document in the hash chain."),
                       number);
          return FALSE;
        }

      computed = document_hash (self, sqlite3_column_int64 (stmt, 0), prev, NULL, error);
      if (computed == NULL)
        return FALSE;
      if (g_strcmp0 (computed, hash) != 0)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY,
                       _("Document %s: its content was altered after it was issued (hash mismatch)."),
                       number);
          return FALSE;
        }

      g_free (expected_prev);
      expected_prev = g_strdup (hash);
      expected_seq++;
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* Expands a series pattern: {YYYY}, {YY}, {MM} of the issue date and {N…}, the
 * counter padded to as many digits as there are Ns. */
static char *
format_number (const char   *pattern,
               const GDate  *date,
               gint64        counter,
               GError      **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = pattern;

  while (*p)
    {
      if (*p == '{')
        {
          const char *end = strchr (p, '}');
          g_autofree char *token = NULL;

          if (end == NULL)
            break;
          token = g_strndup (p + 1, end - p - 1);
          if (g_str_equal (token, "YYYY"))
            g_string_append_printf (out, "%04u", g_date_get_year (date));
          else if (g_str_equal (token, "YY"))
            g_string_append_printf (out, "%02u", g_date_get_year (date) % 100);
          else if (g_str_equal (token, "MM"))
            g_string_append_printf (out, "%02u", g_date_get_month (date));
          else if (*token == 'N' && strspn (token, "N") == strlen (token))
            g_string_append_printf (out, "%0*" G_GINT64_FORMAT, (int) strlen (token), counter);
          else
            g_string_append (out, "?");
          p = end + 1;
        }
      else
        g_string_append_c (out, *p++);
    }

  /* EN 16931 / French rules: at most 35 characters, letters, digits and + - _ / */
  if (out->len == 0 || out->len > 35 ||
      strspn (out->str, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-_/") != out->len)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Numbering: the pattern “%s” gives “%s”, which is not a valid document number "
                     "(at most 35 letters, digits and + - _ /)."), pattern, out->str);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The lines of the draft being issued, frozen with their nets and VAT treatment: the same rows
 * factures_store_impl_write_lines() writes, but updated in place when the stored lines are the
 * document's (positions 1…n, the same descriptions: the document was read from them in this
 * transaction). Deleting and inserting them again ran the full-text index's triggers twice per
 * line (issue 12: a tenth of the issue path); the line ids, which nothing reads, are kept. */
static gboolean
freeze_lines (FacturesStore         *self,
              gint64                 document_id,
              const GPtrArray       *lines,
              const FacturesTotals  *totals,
              GError               **error)
{
  g_autoptr(FacturesCachedStmt) shape = NULL;
  g_autoptr(FacturesCachedStmt) update = NULL;
  gboolean same;

  shape = factures_store_prepare_cached (self,
                                         "SELECT count(*), coalesce (min (position), 1), coalesce (max (position), 0) "
                                         "FROM lines WHERE document_id = ?1",
                                         error);
  if (shape == NULL)
    return FALSE;
  sqlite3_bind_int64 (shape, 1, document_id);
  if (sqlite3_step (shape) != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  same = sqlite3_column_int64 (shape, 0) == lines->len && sqlite3_column_int64 (shape, 1) == 1 &&
         sqlite3_column_int64 (shape, 2) == lines->len;
  g_clear_pointer (&shape, factures_store_release_cached);   /* reset before the writes */
  if (!same)
    return factures_store_impl_write_lines (self, document_id, lines, totals, error);

  update = factures_store_prepare_cached (self,
                                          "UPDATE lines SET quantity = ?4, unit = ?5, unit_price = ?6, "
                                          "vat_rate_bp = ?7, allowance = ?8, net = ?9, activity = ?10, "
                                          "vat_category = ?11, vatex = ?12, exemption_reason = ?13, "
                                          "override_reason = ?14, debours = ?15 "
                                          "WHERE document_id = ?1 AND position = ?2 AND description IS ?3",
                                          error);
  if (update == NULL)
    return FALSE;
  for (guint i = 0; i < lines->len; i++)
    {
      const FacturesLine *line = g_ptr_array_index (lines, i);

      sqlite3_reset (update);
      sqlite3_bind_int64 (update, 1, document_id);
      sqlite3_bind_int (update, 2, (int) i + 1);
      factures_sql_bind_text (update, 3, line->description);
      sqlite3_bind_int64 (update, 4, line->quantity);
      factures_sql_bind_text (update, 5, line->unit);
      sqlite3_bind_int64 (update, 6, line->unit_price);
      sqlite3_bind_int (update, 7, line->vat_rate_bp);
      sqlite3_bind_int64 (update, 8, line->allowance);
      sqlite3_bind_int64 (update, 9, g_array_index (totals->line_nets, gint64, i));
      sqlite3_bind_int (update, 10, line->activity);
      factures_sql_bind_text (update, 11, factures_vat_category_code (line->vat_category));
      factures_sql_bind_text (update, 12, line->vatex);
      factures_sql_bind_text (update, 13, line->exemption_reason);
      factures_sql_bind_text (update, 14, line->override_reason);
      sqlite3_bind_int (update, 15, line->debours ? 1 : 0);
      if (!factures_store_step_done (self, update, error))
        return FALSE;
      /* A description that differs (it cannot, read in this transaction): written as before. */
      if (sqlite3_changes (self->db) != 1)
        return factures_store_impl_write_lines (self, document_id, lines, totals, error);
    }
  return TRUE;
}

/* The checks and the frozen figures, run inside the issuing transaction. */
static FacturesDocument *
issue_in_transaction (FacturesStore       *self,
                      gint64               id,
                      FacturesRenderFunc   render,
                      gpointer             user_data,
                      GError             **error)
{
  g_autoptr(FacturesDocument) document = NULL;
  g_autoptr(FacturesCachedStmt) series = NULL;
  g_autoptr(FacturesCachedStmt) update = NULL;
  g_autoptr(FacturesCachedStmt) last = NULL;
  g_autoptr(FacturesCachedStmt) stmt = NULL;
  g_autoptr(FacturesCachedStmt) event = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_auto(FacturesTotals) totals = { NULL, };
  g_autofree char *seller_json = NULL;
  g_autofree char *buyer_json = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *prev_hash = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *pdf_sha = NULL;
  g_autofree char *today_iso = NULL;
  GDate last_date;
  GDate today;
  gint64 counter;
  gint64 chain_seq = 1;
  const char *series_name;

  document = factures_store_get_document (self, id, error);
  if (document == NULL)
    return NULL;
  if (document->status != FACTURES_DOCUMENT_STATUS_DRAFT)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_IMMUTABLE,
                           _("This document is already issued."));
      return NULL;
    }

  /* The series: next counter, and numbers follow dates. */
  series_name = factures_store_impl_series_of_kind (document->kind);
  series = factures_store_prepare_cached (self,
                                          "SELECT pattern, next_counter, last_issued_date FROM number_series "
                                          "WHERE name = ?1",
                                          error);
  if (series == NULL)
    return NULL;
  factures_sql_bind_text (series, 1, series_name);
  if (sqlite3_step (series) != SQLITE_ROW)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_DATABASE,
                   _("Database error: the number series “%s” is missing."), series_name);
      return NULL;
    }
  pattern = factures_sql_col_dup (series, 0);
  counter = sqlite3_column_int64 (series, 1);
  factures_sql_col_date (series, 2, &last_date);
  /* The counter restarts with the year when the series says so. */
  if (!factures_store_numbering_next (self, series_name, &document->issue_date, &counter, error))
    return NULL;

  if (g_date_valid (&last_date) && g_date_compare (&document->issue_date, &last_date) < 0)
    {
      g_autofree char *issue_text = factures_date_format_fr (&document->issue_date);
      g_autofree char *last_text = factures_date_format_fr (&last_date);

      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_DATE_ORDER,
                   _("Issue date: %s is earlier than %s, the date of the last document issued "
                     "in this series. Numbers must follow dates: use %s or a later date."),
                   issue_text, last_text, last_text);
      return NULL;
    }

  /* An issue date in the future would also push every later number past it (numbers
   * follow dates), so a mistyped year would block the series: refused. */
  /* Trial 6 finding 3: a draft saved before the check of its date (factures_date_check_record()). */
  if (!factures_date_check_record (&document->issue_date, _("Issue date"), error))
    return NULL;
  {
    GDate now;

    factures_today (&now);
    if (g_date_compare (&document->issue_date, &now) > 0)
      {
        g_autofree char *issue_text = factures_date_format_fr (&document->issue_date);
        g_autofree char *today_text = factures_date_format_fr (&now);

        g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_DATE_ORDER,
                     _("Issue date: %s is later than today (%s). A document is issued on the "
                       "day it is dated: correct the date, or issue it on that day."),
                     issue_text, today_text);
        return NULL;
      }
  }

  if (!factures_store_lifecycle_check_issue (self, document, error))
    return NULL;

  document->number = format_number (pattern, &document->issue_date, counter, error);
  if (document->number == NULL)
    return NULL;
  /* Unique among every number of the business, own sales imported as history included. */
  if (!factures_store_numbering_check_free (self, document->number, error))
    return NULL;
  document->status = FACTURES_DOCUMENT_STATUS_ISSUED;

  /* Terms and due date were filled by get_document from the client or profile. */

  /* Lines left without a VAT treatment get the core's proposal for this client, whichever door
   * wrote the draft (issue 13); they are frozen with it by write_lines below. */
  factures_vat_resolve_lines (document);

  mentions = factures_mentions_check (document);
  if (factures_mentions_has_errors (mentions))
    {
      g_autoptr(GString) message = g_string_new (NULL);

      for (guint i = 0; i < mentions->len; i++)
        {
          FacturesMissingMention *mention = g_ptr_array_index (mentions, i);

          if (mention->severity != FACTURES_MENTION_ERROR)
            continue;
          if (message->len > 0)
            g_string_append_c (message, '\n');
          g_string_append (message, mention->message);
        }
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_MISSING_MENTION, message->str);
      return NULL;
    }

  /* The checker lists a missing client; never go on without one. */
  g_return_val_if_fail (document->buyer != NULL, NULL);

  if (!factures_document_compute_totals (document, &totals, error))
    return NULL;
  /* A payment schedule must add up to the amount due (issue 6). */
  if (!factures_store_schedule_check_issue (document, &totals, error))
    return NULL;

  pdf = render (document, user_data, error);
  if (pdf == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                             _("The PDF could not be produced."));
      return NULL;
    }
  pdf_sha = factures_store_sha256_hex (g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf));

  seller_json = factures_store_profile_to_json (document->seller, FALSE);
  {
    g_autofree char *client_json = factures_store_client_to_json (document->buyer);

    /* …with the payment schedule frozen into the buyer snapshot (issue 6). */
    buyer_json = factures_store_schedule_freeze (client_json, document->instalments);
  }

  /* Freeze lines (nets) and the document while it is still a draft… */
  if (!freeze_lines (self, id, document->lines, &totals, error))
    return NULL;

  /* The original goes to its own table (migration 0010), before the row is issued: the
   * trigger documents_issued_has_original refuses an issued document without it. */
  {
    g_autoptr(FacturesCachedStmt) original = factures_store_prepare_cached (self,
                                                                            "INSERT INTO document_originals (document_id, pdf) "
                                                                            "VALUES (?1, ?2)",
                                                                            error);

    if (original == NULL)
      return NULL;
    sqlite3_bind_int64 (original, 1, id);
    sqlite3_bind_blob64 (original, 2, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), SQLITE_STATIC);
    if (!factures_store_step_done (self, original, error))
      return NULL;
  }

  update = factures_store_prepare_cached (self,
                                          "UPDATE documents SET number = ?1, due_date = ?2, terms_kind = ?3, "
                                          "terms_days = ?4, client_name = ?5, seller = ?6, buyer = ?7, "
                                          "net_total = ?8, vat_total = ?9, gross_total = ?10, amount_due = ?11, "
                                          "pdf_sha256 = ?13, client_key = factures_fold (?5), "
                                          "search_key = factures_fold (?1 || ' ' || ?5) "
                                          "WHERE id = ?14 AND status = 0",
                                          error);
  if (update == NULL)
    return NULL;
  factures_sql_bind_text (update, 1, document->number);
  factures_sql_bind_date (update, 2, &document->due_date);
  sqlite3_bind_int (update, 3, document->terms.kind);
  sqlite3_bind_int (update, 4, (int) document->terms.days);
  factures_sql_bind_text (update, 5, document->buyer->party.name);
  factures_sql_bind_text (update, 6, seller_json);
  factures_sql_bind_text (update, 7, buyer_json);
  sqlite3_bind_int64 (update, 8, totals.net_total);
  sqlite3_bind_int64 (update, 9, totals.vat_total);
  sqlite3_bind_int64 (update, 10, totals.gross_total);
  sqlite3_bind_int64 (update, 11, totals.amount_due);
  factures_sql_bind_text (update, 13, pdf_sha);
  sqlite3_bind_int64 (update, 14, id);
  if (!factures_store_step_done (self, update, error))
    return NULL;

  /* …then chain it, from the stored row, and make it immutable. */
  last = factures_store_prepare_cached (self,
                                        "SELECT chain_seq, hash FROM documents WHERE status = 1 "
                                        "ORDER BY chain_seq DESC LIMIT 1",
                                        error);
  if (last == NULL)
    return NULL;
  if (sqlite3_step (last) == SQLITE_ROW)
    {
      chain_seq = sqlite3_column_int64 (last, 0) + 1;
      prev_hash = factures_sql_col_dup (last, 1);
    }

  /* …with its place, its chain version and the state its series will have after the issue
   * (factures-chain-v2, migration 0008)… */
  {
    g_autoptr(FacturesCachedStmt) chain = factures_store_prepare_cached (self,
                                                                         "UPDATE documents SET chain_version = 2, "
                                                                         "series_name = ?1, series_counter = ?2 + 1, "
                                                                         "series_date = ?3, chain_seq = ?5 WHERE id = ?4 AND status = 0",
                                                                         error);

    if (chain == NULL)
      return NULL;
    factures_sql_bind_text (chain, 1, series_name);
    sqlite3_bind_int64 (chain, 2, counter);
    factures_sql_bind_date (chain, 3, &document->issue_date);
    sqlite3_bind_int64 (chain, 4, id);
    sqlite3_bind_int64 (chain, 5, chain_seq);
    if (!factures_store_step_done (self, chain, error))
      return NULL;
  }

  hash = document_hash (self, id, prev_hash, pdf_sha, error);
  if (hash == NULL)
    return NULL;

  stmt = factures_store_prepare_cached (self,
                                        "UPDATE documents SET status = 1, chain_seq = ?1, prev_hash = ?2, "
                                        "hash = ?3 WHERE id = ?4 AND status = 0",
                                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, chain_seq);
  factures_sql_bind_text (stmt, 2, prev_hash);
  factures_sql_bind_text (stmt, 3, hash);
  sqlite3_bind_int64 (stmt, 4, id);
  if (!factures_store_step_done (self, stmt, error))
    return NULL;

  if (!factures_store_numbering_advance (self, series_name, counter, &document->issue_date, error))
    return NULL;

  factures_today (&today);
  today_iso = factures_date_format_iso (&today);
  event = factures_store_prepare_cached (self,
                                         "INSERT INTO events (document_id, kind, date, data) "
                                         "VALUES (?1, 'issued', ?2, NULL)",
                                         error);
  if (event == NULL)
    return NULL;
  sqlite3_bind_int64 (event, 1, id);
  factures_sql_bind_text (event, 2, today_iso);
  if (!factures_store_step_done (self, event, error))
    return NULL;

  return factures_store_get_document (self, id, error);
}

/**
 * factures_store_issue:
 * @id: a draft
 * @render: draws the PDF that becomes the stored original; called inside the
 *   transaction with the document numbered, dated and with its snapshots
 * @error: FACTURES_ERROR_MISSING_MENTION (the message lists every missing
 *   mention, one per line; LEGAL.md §1), FACTURES_ERROR_DATE_ORDER (an issue date
 *   earlier than the series' last — numbers follow dates, CGI ann. II art. 242 nonies A —
 *   or later than factures_today()), FACTURES_ERROR_IMMUTABLE (already issued),
 *   FACTURES_ERROR_INVALID (a payment schedule that breaks factures_schedule_validate(),
 *   e.g. whose sum is not the amount due; issue 6),
 *   FACTURES_ERROR_NOT_FOUND,
 *   any error of @render, FACTURES_ERROR_DATABASE
 *
 * One BEGIN IMMEDIATE transaction: the document takes the next number of its
 * series (invoices and deposit invoices share "F{YYYY}-{NNNN}"; quotes "D…" and
 * credit notes "A…" have their own), its due date from the client's terms or
 * the profile's default, its seller (profile) and buyer (client) snapshots, its
 * totals from factures_document_compute_totals(), the PDF bytes as its original,
 * its payment schedule, if any, frozen (the due date is then the last instalment's),
 * and its place in the SHA-256 hash chain. Nothing changes on error.
 *
 * Returns: (transfer full): the issued document, or NULL.
 */
FacturesDocument *
factures_store_issue (FacturesStore       *self,
                      gint64               id,
                      FacturesRenderFunc   render,
                      gpointer             user_data,
                      GError             **error)
{
  FacturesDocument *document;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);
  g_return_val_if_fail (render != NULL, NULL);

  if (!factures_store_begin (self, error))
    return NULL;

  document = issue_in_transaction (self, id, render, user_data, error);
  if (document == NULL)
    {
      factures_store_rollback (self);
      return NULL;
    }
  if (!factures_store_commit (self, error))
    {
      factures_store_rollback (self);
      factures_document_free (document);
      return NULL;
    }

  factures_store_emit_changed (self);
  return document;
}

/**
 * factures_store_issue_in_transaction:
 * (see factures-store-private.h)
 */
FacturesDocument *
factures_store_issue_in_transaction (FacturesStore       *self,
                                     gint64               id,
                                     FacturesRenderFunc   render,
                                     gpointer             user_data,
                                     GError             **error)
{
  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);
  g_return_val_if_fail (render != NULL, NULL);
  g_return_val_if_fail (!sqlite3_get_autocommit (self->db), NULL);

  return issue_in_transaction (self, id, render, user_data, error);
}

/**
 * factures_store_get_original:
 * @error: FACTURES_ERROR_NOT_FOUND for an unknown id or a draft (no original)
 *
 * Returns: (transfer full): the PDF bytes stored when the document was issued.
 */
GBytes *
factures_store_get_original (FacturesStore  *self,
                             gint64          id,
                             GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  stmt = factures_store_prepare (self, "SELECT o.pdf FROM documents d JOIN document_originals o "
                                 "ON o.document_id = d.id WHERE d.id = ?1 AND d.status = 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) == SQLITE_BLOB)
    return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND,
                         _("This document has no stored original: it is not issued."));
  else
    factures_store_set_db_error (self, error);
  return NULL;
}
