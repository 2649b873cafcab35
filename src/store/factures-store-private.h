/* factures-store-private.h — shared between the files of the store layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "factures-store.h"

/* ---- SQL helpers shared by the store's files ---- */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* Column @col as a newly allocated string, NULL for SQL NULL. */
static inline char *
factures_sql_col_dup (sqlite3_stmt *stmt,
                      int           col)
{
  const unsigned char *text = sqlite3_column_text (stmt, col);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

/* Binds @text, or SQL NULL when @text is NULL. */
static inline void
factures_sql_bind_text (sqlite3_stmt *stmt,
                        int           index,
                        const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/* Binds @date as ISO "YYYY-MM-DD", or SQL NULL when it is NULL or invalid. */
static inline void
factures_sql_bind_date (sqlite3_stmt *stmt,
                        int           index,
                        const GDate  *date)
{
  if (date != NULL && g_date_valid (date))
    sqlite3_bind_text (stmt, index, factures_date_format_iso (date), -1, g_free);
  else
    sqlite3_bind_null (stmt, index);
}

/* Column @col (ISO date text) into @out_date; cleared (invalid) for NULL. */
static inline void
factures_sql_col_date (sqlite3_stmt *stmt,
                       int           col,
                       GDate        *out_date)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  g_date_clear (out_date, 1);
  if (text != NULL)
    factures_date_parse_iso (text, out_date, NULL);
}

G_BEGIN_DECLS

sqlite3  *factures_store_get_db          (FacturesStore  *self);
void      factures_store_emit_changed    (FacturesStore  *self);
/* The documents and clients the write being committed touched forgotten: its "changed"
 * names none (a write whose views update themselves, as the To-Do queue's deadline marks). */
void      factures_store_forget_changes  (FacturesStore  *self);

/* Transactions: begin ("BEGIN IMMEDIATE"), commit, rollback (never fails). */
gboolean  factures_store_begin           (FacturesStore  *self,
                                          GError        **error);
gboolean  factures_store_commit          (FacturesStore  *self,
                                          GError        **error);
void      factures_store_rollback        (FacturesStore  *self);

/* Runs SQL without results; FACTURES_ERROR_DATABASE with SQLite's text. */
gboolean  factures_store_exec            (FacturesStore  *self,
                                          const char     *sql,
                                          GError        **error);
sqlite3_stmt *factures_store_prepare     (FacturesStore  *self,
                                          const char     *sql,
                                          GError        **error);
/* Steps to SQLITE_DONE; maps a trigger refusal to FACTURES_ERROR_IMMUTABLE. */
gboolean  factures_store_step_done       (FacturesStore  *self,
                                          sqlite3_stmt   *stmt,
                                          GError        **error);
void      factures_store_set_db_error    (FacturesStore  *self,
                                          GError        **error);

/* A statement cached per connection (transfer none), released (reset) by
 * factures_store_release_cached(): use g_autoptr(FacturesCachedStmt). */
sqlite3_stmt *factures_store_prepare_cached (FacturesStore  *self,
                                             const char     *sql,
                                             GError        **error);
void      factures_store_release_cached  (sqlite3_stmt   *stmt);
typedef sqlite3_stmt FacturesCachedStmt;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesCachedStmt, factures_store_release_cached)

/* The SHA-256 of @data as 64 lowercase hexadecimal digits, the text
 * g_compute_checksum_for_data (G_CHECKSUM_SHA256, …) gives, computed by nettle (with the
 * processor's SHA instructions when it has them: issue 12). Returns: (transfer full). */
char     *factures_store_sha256_hex      (gconstpointer   data,
                                          gsize           length);

/* The first column of every row of @sql (no parameters), as gint64 ids in row order, through
 * the connection's statement cache. Returns: (transfer full): a GArray of gint64, or NULL with
 * FACTURES_ERROR_DATABASE. */
GArray   *factures_store_select_ids      (FacturesStore  *self,
                                          const char     *sql,
                                          GError        **error);

/* Inside a transaction, without "changed": validated writes shared with the JSON import. */
gboolean  factures_store_write_profile   (FacturesStore          *self,
                                          const FacturesProfile  *profile,
                                          GError                **error);
gboolean  factures_store_clean_client    (FacturesClient         *client,
                                          GError                **error);
/* Inserts (client->id == 0, or @force_id != 0 to keep an imported id) or updates. */
gboolean  factures_store_write_client    (FacturesStore          *self,
                                          const FacturesClient   *client,
                                          gint64                  force_id,
                                          gint64                 *out_id,
                                          GError                **error);

/* factures_store_write_draft() (the editor's checks, totals from factures_totals_compute())
 * naming, on a refusal, the member of the JSON export (*out_key: "quantity", "allowance"…)
 * and the line (0-based, -1 for the document) that holds the refused value. */
gboolean  factures_store_write_draft_at  (FacturesStore          *self,
                                          FacturesDocument       *document,
                                          const char            **out_key,
                                          gint                   *out_line,
                                          GError                **error);
/* factures_store_issue() inside the caller's BEGIN IMMEDIATE transaction (issue 10 item 4:
 * an automatic recurring issue commits with its occurrence). On error the caller rolls back
 * (to a savepoint taken before, to keep the rest); no "changed" is emitted. */
FacturesDocument *factures_store_issue_in_transaction (FacturesStore       *self,
                                                       gint64               id,
                                                       FacturesRenderFunc   render,
                                                       gpointer             user_data,
                                                       GError             **error);

/* The FTS5 query of the document search: each word quoted and given a "*" (NULL: no word). */
char     *factures_store_fts_query       (const char     *search);

/* Lower case, accents removed: the key used to sort and search names. */
char     *factures_store_fold            (const char     *text);

/* Number of clients plus documents (0: an empty database). */
gint64    factures_store_count_content   (FacturesStore  *self,
                                          GError        **error);

/* Checks the hash chain from the first issued document, in chain order.
 * FACTURES_ERROR_INTEGRITY naming the first broken document. */
gboolean  factures_store_verify_chain    (FacturesStore  *self,
                                          GError        **error);

/* Snapshots (JSON text with a stable key order) of seller and buyer. */
char             *factures_store_profile_to_json   (const FacturesProfile *profile,
                                                    gboolean               with_logo);
FacturesProfile  *factures_store_profile_from_json (const char            *json,
                                                    GError               **error);
char             *factures_store_client_to_json    (const FacturesClient  *client);
FacturesClient   *factures_store_client_from_json  (const char            *json,
                                                    GError               **error);

/* Helpers for JSON objects of parties (shared by snapshots and export). */
void              factures_store_json_add_party    (JsonBuilder           *builder,
                                                    const FacturesParty   *party);
void              factures_store_json_read_party   (JsonObject            *object,
                                                    FacturesParty         *party);

/* The registers' CSV (factures-store-receipts.c; the livre des recettes and the registre des
 * achats): @text quoted by libcsv, after a ';' unless @first; NULL is an empty field. */
void              factures_store_csv_field         (GString               *line,
                                                    const char            *text,
                                                    gboolean               first);
/* @cents as "1234,56" / "-0,05": a decimal comma, no thousands separator (spreadsheets read it
 * as a number). (transfer full) */
char             *factures_store_csv_amount        (gint64                 cents);

G_END_DECLS
