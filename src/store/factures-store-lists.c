/* factures-store-lists.c — the list models of clients and documents
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

#define MIGRATIONS_PATH "/org/example/Factures/migrations"
#include "factures-store-impl-private.h"

/* ---- lists ---- */

/* What is still due on an issued invoice (its amount due minus its credit notes and live
 * payments) is maintained in document_summary (migration 0010), one row per issued invoice
 * or deposit invoice, in the transaction that changes it; overdue and days late derive from it
 * and the due date at query time. */
#define DUE_EXPR "(SELECT s.balance FROM document_summary s WHERE s.document_id = documents.id)"
#define BALANCE_EXPR "coalesce (" DUE_EXPR ", 0)"
#define DAYS_LATE_EXPR "(CASE WHEN due_date < :today AND " DUE_EXPR " > 0 " \
                       "THEN CAST (julianday (:today) - julianday (due_date) AS INTEGER) ELSE 0 END)"
#define LATE_KEY_EXPR "(CASE WHEN due_date < :today AND " DUE_EXPR " > 0 " \
                      "THEN due_date ELSE '9999-12-31' END)"
#define OUTSTANDING_EXPR "(SELECT coalesce (sum (s.balance), 0) FROM document_summary s " \
                         "WHERE s.client_id = clients.id)"

/* Finding T5: the same per currency of the invoices, "EUR:10000;GBP:50000"
 * (factures_client_row_get_outstanding_by_currency()). */
#define OUTSTANDING_BY_CURRENCY_EXPR "(SELECT group_concat (cur || ':' || total, ';') FROM " \
  "(SELECT coalesce (d.currency, 'EUR') AS cur, sum (s.balance) AS total FROM document_summary s " \
  "JOIN documents d ON d.id = s.document_id WHERE s.client_id = clients.id " \
  "GROUP BY 1 HAVING total <> 0 ORDER BY 1))"

static GObject *
client_row_from_stmt (sqlite3_stmt *stmt)
{
  FacturesClientRow *row = factures_client_row_new (sqlite3_column_int64 (stmt, 0),
                                                     factures_store_impl_col_text (stmt, 1),
                                                     factures_store_impl_col_text (stmt, 2),
                                                     factures_store_impl_col_text (stmt, 3),
                                                     factures_store_impl_col_text (stmt, 4),
                                                     sqlite3_column_int (stmt, 5),
                                                     sqlite3_column_int64 (stmt, 6));

  factures_client_row_set_outstanding_by_currency (row, factures_store_impl_col_text (stmt, 7));
  return G_OBJECT (row);
}

/* Columns 10–16 of a document row, read by document_row_from_stmt(): what derives a
 * quote's status (first decision event, final invoice made, validity date) and a
 * draft's due date (the last instalment of its schedule, else its effective terms:
 * the client's own or the profile's, and the profile's end-of-month method). */
#define DOCUMENT_ROW_DERIVED_COLUMNS \
  "CASE WHEN kind = 0 THEN (SELECT e.kind FROM events e WHERE e.document_id = documents.id " \
  "AND e.kind IN ('quote-accepted', 'quote-refused') ORDER BY e.id LIMIT 1) END, " \
  "CASE WHEN kind = 0 THEN EXISTS (SELECT 1 FROM document_links l WHERE l.role = 'final' " \
  "AND l.target_id = documents.id) ELSE 0 END, " \
  "CASE WHEN kind = 0 THEN (SELECT q.valid_until FROM quote_details q " \
  "WHERE q.document_id = documents.id) END, " \
  "CASE WHEN status = 0 THEN (SELECT i.due_date FROM instalments i " \
  "WHERE i.document_id = documents.id ORDER BY i.number DESC LIMIT 1) END, " \
  "CASE WHEN status = 0 THEN coalesce ((SELECT c.terms_kind FROM clients c " \
  "WHERE c.id = documents.client_id AND c.has_terms), (SELECT p.terms_kind FROM profile p), 0) END, " \
  "CASE WHEN status = 0 THEN coalesce ((SELECT c.terms_days FROM clients c " \
  "WHERE c.id = documents.client_id AND c.has_terms), (SELECT p.terms_days FROM profile p), 0) END, " \
  "CASE WHEN status = 0 THEN coalesce ((SELECT p.eom_method FROM profile p), 0) END, " \
  /* 17: the currency (issue 13 item 4), NULL for euros */ \
  "currency"

/* A draft's due date as issuing would set it (ISO, or NULL without an issue date). */
static char *
draft_row_due_date (sqlite3_stmt *stmt)
{
  FacturesPaymentTerms terms = { 0, };
  GDate issue, due;

  if (factures_store_impl_col_text (stmt, 13) != NULL)
    return g_strdup (factures_store_impl_col_text (stmt, 13));
  if (factures_store_impl_col_text (stmt, 5) == NULL || !factures_date_parse_iso (factures_store_impl_col_text (stmt, 5), &issue, NULL))
    return NULL;
  terms.kind = sqlite3_column_int (stmt, 14);
  terms.days = (guint) MAX (sqlite3_column_int (stmt, 15), 0);
  if (terms.kind < FACTURES_TERMS_ON_RECEIPT || terms.kind > FACTURES_TERMS_END_OF_MONTH_45)
    return NULL;
  factures_terms_due_date (&terms, sqlite3_column_int (stmt, 16), &issue, &due);
  return factures_date_format_iso (&due);
}

static gint
quote_row_status (sqlite3_stmt *stmt)
{
  const char *decision = factures_store_impl_col_text (stmt, 10);
  GDate valid_until, today;
  gboolean has_validity;

  has_validity = factures_store_impl_col_text (stmt, 12) != NULL &&
                 factures_date_parse_iso (factures_store_impl_col_text (stmt, 12), &valid_until, NULL);
  factures_today (&today);
  return factures_quote_status_derive (sqlite3_column_int (stmt, 2) == FACTURES_DOCUMENT_STATUS_ISSUED,
                                       g_strcmp0 (decision, "quote-accepted") == 0,
                                       g_strcmp0 (decision, "quote-refused") == 0,
                                       sqlite3_column_int (stmt, 11) != 0,
                                       has_validity ? &valid_until : NULL, &today);
}

static GObject *
document_row_from_stmt (sqlite3_stmt *stmt)
{
  g_autofree char *draft_due = NULL;
  FacturesDocumentRow *row;

  if (sqlite3_column_int (stmt, 2) == FACTURES_DOCUMENT_STATUS_DRAFT)
    draft_due = draft_row_due_date (stmt);
  row = factures_document_row_new (sqlite3_column_int64 (stmt, 0),
                                   sqlite3_column_int (stmt, 1),
                                   sqlite3_column_int (stmt, 2),
                                   factures_store_impl_col_text (stmt, 3),
                                   factures_store_impl_col_text (stmt, 4),
                                   factures_store_impl_col_text (stmt, 5),
                                   draft_due != NULL ? draft_due : factures_store_impl_col_text (stmt, 6),
                                   sqlite3_column_int64 (stmt, 7),
                                   sqlite3_column_int64 (stmt, 8),
                                   sqlite3_column_int (stmt, 9));
  if (sqlite3_column_int (stmt, 1) == FACTURES_DOCUMENT_KIND_QUOTE)
    factures_document_row_set_quote_status (row, quote_row_status (stmt));
  factures_document_row_set_currency (row, factures_store_impl_col_text (stmt, 17));
  return G_OBJECT (row);
}

/**
 * factures_store_list_clients:
 * @search: (nullable): text matched, case- and accent-insensitively, anywhere in
 *   the name, city, e-mail or SIREN
 *
 * Returns: (transfer full): a lazy GListModel of FacturesClientRow, sorted in SQL
 *   (ties by id). A snapshot: recreate it when the store emits "changed".
 */
GListModel *
factures_store_list_clients (FacturesStore       *self,
                             const char          *search,
                             FacturesClientSort   sort,
                             gboolean             descending)
{
  g_autofree char *pattern = factures_store_impl_like_pattern (search);
  const char *where = pattern ? "WHERE search_key LIKE :search ESCAPE '\\'" : "";
  const char *dir = descending ? "DESC" : "ASC";
  const char *key;
  const char *params[] = { ":search", pattern, NULL };

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  switch (sort)
    {
    case FACTURES_CLIENT_SORT_CITY:
      key = "city_key";
      break;
    case FACTURES_CLIENT_SORT_CATEGORY:
      key = "category";
      break;
    case FACTURES_CLIENT_SORT_OUTSTANDING:
      key = OUTSTANDING_EXPR;
      break;
    case FACTURES_CLIENT_SORT_NAME:
    default:
      key = "name_key";
      break;
    }

  /* Sort once, then read pages by id (issue 12: no OFFSET paging). */
  g_autofree char *ids_sql = g_strdup_printf ("SELECT id FROM clients %s ORDER BY %s %s, id %s",
                                              where, key, dir, dir);

  return G_LIST_MODEL (factures_sql_list_model_new_by_ids (G_OBJECT (self), self->db,
                                                           FACTURES_TYPE_CLIENT_ROW,
                                                           ids_sql,
                                                           "SELECT clients.id, name, city, email, siren, "
                                                           "category, " OUTSTANDING_EXPR ", "
                                                           OUTSTANDING_BY_CURRENCY_EXPR " FROM clients "
                                                           "WHERE clients.id IN",
                                                           pattern ? params : NULL,
                                                           client_row_from_stmt));
}

/* The SQL sort key; *inverted when the key runs against the requested direction. */
static const char *
document_sort_key (FacturesDocumentSort  sort,
                   gboolean             *inverted)
{
  *inverted = FALSE;
  switch (sort)
    {
    case FACTURES_DOCUMENT_SORT_NUMBER:
      return "number";
    case FACTURES_DOCUMENT_SORT_CLIENT:
      return "client_key";
    case FACTURES_DOCUMENT_SORT_TOTAL:
      return "gross_total";
    case FACTURES_DOCUMENT_SORT_BALANCE:
      return BALANCE_EXPR;
    case FACTURES_DOCUMENT_SORT_DUE:
      return "due_date";
    case FACTURES_DOCUMENT_SORT_DAYS_LATE:
      /* More days late = an earlier due date; documents not late (0 days) come
       * after every late one. A text key is much cheaper than julianday (). */
      *inverted = TRUE;
      return LATE_KEY_EXPR;
    case FACTURES_DOCUMENT_SORT_DATE:
    default:
      return "issue_date";
    }
}

/* A search that matches more documents than this reads its first pages from the sort's index
 * and every id only when scrolled past them (issue 12: a one-letter search matches all
 * 100,000 documents; sorting them all cost 90 ms a keystroke). Fewer are read once from the
 * full-text index and sorted from that list. */
#define SEARCH_FIRST_PAGES_ABOVE 4000

static GListModel *
list_documents_first (FacturesStore        *self,
                      const char           *where,
                      const char           *first_where,
                      guint                 n_items,
                      const char           *search_pattern,
                      const GDate          *today,
                      FacturesDocumentSort  sort,
                      gboolean              descending);

static GListModel *
list_documents (FacturesStore        *self,
                const char           *where,
                const char           *search_pattern,
                const GDate          *today,
                FacturesDocumentSort  sort,
                gboolean              descending)
{
  return list_documents_first (self, where, NULL, 0, search_pattern, today, sort, descending);
}

/* list_documents_first() sorted by @key (an SQL expression; @inverted: its order is the
 * opposite of the column's, as days late against the due date). */
static GListModel *
list_documents_keyed (FacturesStore *self,
                      const char    *where,
                      const char    *first_where,
                      guint          n_items,
                      const char    *search_pattern,
                      const GDate   *today,
                      const char    *key,
                      gboolean       inverted,
                      gboolean       descending);

/* With @first_where (the same filter, written so that the sort's index leads): the first
 * pages of @n_items documents only (factures_sql_list_model_new_by_ids_first()). */
static GListModel *
list_documents_first (FacturesStore        *self,
                      const char           *where,
                      const char           *first_where,
                      guint                 n_items,
                      const char           *search_pattern,
                      const GDate          *today,
                      FacturesDocumentSort  sort,
                      gboolean              descending)
{
  gboolean inverted;
  const char *key = document_sort_key (sort, &inverted);

  return list_documents_keyed (self, where, first_where, n_items, search_pattern, today, key, inverted, descending);
}

static GListModel *
list_documents_keyed (FacturesStore *self,
                      const char    *where,
                      const char    *first_where,
                      guint          n_items,
                      const char    *search_pattern,
                      const GDate   *today,
                      const char    *key,
                      gboolean       inverted,
                      gboolean       descending)
{
  g_autofree char *today_iso = NULL;
  const char *dir = descending ? "DESC" : "ASC";
  const char *params[] = { ":today", NULL, ":search", search_pattern, NULL };
  const char *key_dir = descending != inverted ? "DESC" : "ASC";
  GDate now;

  if (today == NULL || !g_date_valid (today))
    {
      factures_today (&now);
      today = &now;
    }
  today_iso = factures_date_format_iso (today);
  params[1] = today_iso;

  /* Sort once, then read pages by id (issue 12: no OFFSET paging). */
  g_autofree char *ids_sql = g_strdup_printf ("SELECT id FROM documents %s ORDER BY %s %s, id %s",
                                              where, key, key_dir, dir);

  if (first_where != NULL)
    {
      g_autofree char *first_sql = g_strdup_printf ("SELECT id FROM documents %s ORDER BY %s %s, id %s LIMIT %d",
                                                    first_where, key, key_dir, dir,
                                                    2 * FACTURES_SQL_LIST_MODEL_PAGE);

      return G_LIST_MODEL (factures_sql_list_model_new_by_ids_first (G_OBJECT (self), self->db,
                                                                     FACTURES_TYPE_DOCUMENT_ROW,
                                                                     first_sql, ids_sql, n_items,
                                                                     "SELECT documents.id, kind, status, number, "
                                                                     "client_name, issue_date, due_date, gross_total, "
                                                                     BALANCE_EXPR ", " DAYS_LATE_EXPR ", "
                                                                     DOCUMENT_ROW_DERIVED_COLUMNS " FROM documents "
                                                                     "WHERE documents.id IN",
                                                                     params, document_row_from_stmt));
    }
  return G_LIST_MODEL (factures_sql_list_model_new_by_ids (G_OBJECT (self), self->db,
                                                           FACTURES_TYPE_DOCUMENT_ROW,
                                                           ids_sql,
                                                           "SELECT documents.id, kind, status, number, "
                                                           "client_name, issue_date, due_date, gross_total, "
                                                           BALANCE_EXPR ", " DAYS_LATE_EXPR ", "
                                                           DOCUMENT_ROW_DERIVED_COLUMNS " FROM documents "
                                                           "WHERE documents.id IN",
                                                           params, document_row_from_stmt));
}

/**
 * factures_store_list_documents:
 * @search: (nullable): text matched, case- and accent-insensitively, anywhere in
 *   the number or the client's name
 *
 * Balance is the amount due of issued invoices and deposit invoices (0 for other
 * documents); days late count from the due date to factures_today().
 *
 * Returns: (transfer full): a lazy GListModel of FacturesDocumentRow, every kind
 *   and status. A snapshot: recreate it when the store emits "changed".
 */
GListModel *
factures_store_list_documents (FacturesStore         *self,
                               const char            *search,
                               FacturesDocumentSort   sort,
                               gboolean               descending)
{
  g_autofree char *query = factures_store_fts_query (search);

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  /* The documents found, read once from the full-text index (up to the threshold): sorted
   * from that list. More found, and a sort with an index (not the computed balance or
   * lateness): the first pages by that index, the unary "+" keeping the planner from starting
   * at the matches, and the count for the scroll bar. */
  if (query != NULL)
    {
      g_autoptr(FacturesCachedStmt) found = factures_store_prepare_cached (self,
                                                                           "SELECT rowid FROM document_search WHERE "
                                                                           "document_search MATCH ?1 LIMIT ?2", NULL);
      g_autoptr(GString) ids = g_string_new ("WHERE documents.id IN (");
      guint n = 0;
      int rc = SQLITE_ERROR;

      if (found != NULL)
        {
          sqlite3_bind_text (found, 1, query, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (found, 2, SEARCH_FIRST_PAGES_ABOVE + 1);
          while ((rc = sqlite3_step (found)) == SQLITE_ROW)
            g_string_append_printf (ids, n++ ? ", %" G_GINT64_FORMAT : "%" G_GINT64_FORMAT,
                                    (gint64) sqlite3_column_int64 (found, 0));
          g_clear_pointer (&found, factures_store_release_cached);
        }
      if (rc == SQLITE_DONE && n <= SEARCH_FIRST_PAGES_ABOVE)
        {
          g_string_append_c (ids, ')');
          return list_documents (self, ids->str, query, NULL, sort, descending);
        }
      if (rc == SQLITE_DONE && sort != FACTURES_DOCUMENT_SORT_BALANCE && sort != FACTURES_DOCUMENT_SORT_DAYS_LATE)
        {
          g_autoptr(FacturesCachedStmt) count = factures_store_prepare_cached (self,
                                                                               "SELECT count (*) FROM document_search "
                                                                               "WHERE document_search MATCH ?1", NULL);

          if (count != NULL)
            {
              sqlite3_bind_text (count, 1, query, -1, SQLITE_TRANSIENT);
              if (sqlite3_step (count) == SQLITE_ROW && sqlite3_column_int64 (count, 0) <= G_MAXUINT)
                return list_documents_first (self,
                                             "WHERE documents.id IN (SELECT rowid FROM document_search "
                                             "WHERE document_search MATCH :search)",
                                             "WHERE +documents.id IN (SELECT rowid FROM document_search "
                                             "WHERE document_search MATCH :search)",
                                             (guint) sqlite3_column_int64 (count, 0),
                                             query, NULL, sort, descending);
            }
        }
    }
  return list_documents (self,
                         query ? "WHERE documents.id IN (SELECT rowid FROM document_search "
                                 "WHERE document_search MATCH :search)" : "",
                         query, NULL, sort, descending);
}

/**
 * factures_store_fts_query:
 * @search: (nullable): what the user typed
 *
 * The FTS5 query of migration 0011's document_search: each word folded (as
 * factures_store_fold()), quoted (a '"' doubled) and given a "*", so that every word is a
 * prefix to find and no character typed can make a syntax error ("F2026-00", "\"", "AND", "(").
 *
 * Returns: (transfer full) (nullable): the query, NULL when @search has no word.
 */
char *
factures_store_fts_query (const char *search)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  GString *query;

  if (search == NULL)
    return NULL;
  folded = factures_store_fold (search);
  words = g_strsplit_set (folded, " \t\n\r", -1);
  query = g_string_new (NULL);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_c (query, '"');
      for (const char *p = words[i]; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append (query, "\"*");
    }
  if (query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }
  return g_string_free (query, FALSE);
}

/**
 * factures_store_list_overdue:
 * @today: (nullable): the day to count from; NULL for factures_today()
 *
 * Returns: (transfer full): a lazy GListModel of FacturesDocumentRow: issued
 *   invoices and deposit invoices whose due date is before @today and whose
 *   balance is positive.
 */
GListModel *
factures_store_list_overdue (FacturesStore         *self,
                             const GDate           *today,
                             FacturesDocumentSort   sort,
                             gboolean               descending)
{
  const char *where = "WHERE documents.id IN (SELECT document_id FROM document_summary "
                      "WHERE balance > 0 AND due_date < :today)";

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  /* Issue 12: every invoice listed here is late, so its days-late key is its due date (the
   * summary's copy of it): the same order as LATE_KEY_EXPR, without two lookups of the summary
   * per invoice (5,000 overdue: 42 M instructions to sort them) */
  if (sort == FACTURES_DOCUMENT_SORT_DAYS_LATE)
    return list_documents_keyed (self, where, NULL, 0, NULL, today, "due_date", TRUE, descending);
  return list_documents (self, where, NULL, today, sort, descending);
}

/**
 * factures_store_count_overdue:
 * @today: the day that decides what is past due
 * @out_count: (out): the number of issued invoices past due with a balance, the rows
 *   factures_store_list_overdue() lists
 *
 * Issue 12: the overdue view's badge while the view is not shown (and before its first
 * showing): one count over the partial index of open invoices (document_summary, migration
 * 0010), where listing them would sort every overdue invoice.
 *
 * Returns: %FALSE with @error (FACTURES_ERROR) when the database could not be read
 */
gboolean
factures_store_count_overdue (FacturesStore  *self,
                              const GDate    *today,
                              guint          *out_count,
                              GError        **error)
{
  g_autoptr(FacturesCachedStmt) stmt = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (today != NULL && out_count != NULL, FALSE);

  *out_count = 0;
  stmt = factures_store_prepare_cached (self,
                                        "SELECT count (*) FROM document_summary "
                                        "WHERE balance > 0 AND due_date < ?1", error);
  if (stmt == NULL)
    return FALSE;
  factures_sql_bind_date (stmt, 1, today);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  *out_count = (guint) sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/**
 * factures_store_get_first_issue_date:
 * @out: (out caller-allocates): the issue date of the first issued document, cleared
 *   (g_date_clear()) when none was issued
 *
 * Where the activity began when the profile does not say (finding T12: the to-do queue's
 * look-back at missed deadlines does not start before it). One step of the issue date's
 * index.
 *
 * Returns: %FALSE with @error (FACTURES_ERROR) when the database could not be read
 */
gboolean
factures_store_get_first_issue_date (FacturesStore  *self,
                                     GDate          *out,
                                     GError        **error)
{
  g_autoptr(FacturesCachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  g_date_clear (out, 1);
  stmt = factures_store_prepare_cached (self,
                                        "SELECT issue_date FROM documents WHERE status = 1 "
                                        "AND issue_date IS NOT NULL ORDER BY issue_date LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    factures_date_parse_iso (factures_store_impl_col_text (stmt, 0), out, NULL);
  else if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

char *
factures_store_get_document_currency (FacturesStore *self,
                                      gint64         id)
{
  g_autoptr(FacturesCachedStmt) stmt = NULL;
  const char *code;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  stmt = factures_store_prepare_cached (self, "SELECT currency FROM documents WHERE id = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  code = factures_store_impl_col_text (stmt, 0);
  return code != NULL && *code != '\0' && g_strcmp0 (code, "EUR") != 0 ? g_strdup (code) : NULL;
}
