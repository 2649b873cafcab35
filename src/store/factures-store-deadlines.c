/* factures-store-deadlines.c — see factures-store-deadlines.h (migration 0022)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-date.h"
#include "factures-store-private.h"
#include "factures-store-deadlines.h"

/* The last mark of (@kind, @iso): 1 done, 0 undone, −1 none, −2 error. */
static int
last_mark (FacturesStore  *self,
           const char     *kind,
           const char     *iso,
           GError        **error)
{
  g_autoptr(FacturesCachedStmt) stmt = NULL;
  int rc;

  stmt = factures_store_prepare_cached (self,
                                        "SELECT done FROM deadline_marks WHERE kind = ?1 AND period = ?2 "
                                        "ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return -2;
  factures_sql_bind_text (stmt, 1, kind);
  factures_sql_bind_text (stmt, 2, iso);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int (stmt, 0) != 0 ? 1 : 0;
  if (rc == SQLITE_DONE)
    return -1;
  factures_store_set_db_error (self, error);
  return -2;
}

gboolean
factures_store_mark_deadline (FacturesStore  *self,
                              const char     *kind,
                              const GDate    *period,
                              gboolean        done,
                              GError        **error)
{
  g_autoptr(FacturesCachedStmt) stmt = NULL;
  g_autofree char *iso = NULL;
  GDate today;
  int last;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  if (kind == NULL || *kind == '\0')
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID, _("Deadline: the kind is missing."));
      return FALSE;
    }
  if (period == NULL || !g_date_valid (period))
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID, _("Deadline: the date is not valid."));
      return FALSE;
    }
  iso = factures_date_format_iso (period);
  last = last_mark (self, kind, iso, error);
  if (last == -2)
    return FALSE;
  if (done && last == 1)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Deadline: it is already marked done."));
      return FALSE;
    }
  if (!done && last != 1)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Deadline: it is not marked done."));
      return FALSE;
    }
  stmt = factures_store_prepare_cached (self,
                                        "INSERT INTO deadline_marks (kind, period, done, recorded) "
                                        "VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  factures_today (&today);
  factures_sql_bind_text (stmt, 1, kind);
  factures_sql_bind_text (stmt, 2, iso);
  sqlite3_bind_int (stmt, 3, done ? 1 : 0);
  factures_sql_bind_date (stmt, 4, &today);
  if (!factures_store_step_done (self, stmt, error))
    return FALSE;
  factures_store_emit_changed (self);
  return TRUE;
}

GHashTable *
factures_store_list_deadlines_done (FacturesStore  *self,
                                    GError        **error)
{
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(FacturesCachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  /* the last row of each key (the largest id) */
  stmt = factures_store_prepare_cached (self,
                                        "SELECT m.kind, m.period FROM deadline_marks m "
                                        "WHERE m.done = 1 AND m.id = (SELECT max (l.id) FROM deadline_marks l "
                                        "WHERE l.kind = m.kind AND l.period = m.period)", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (done, g_strdup_printf ("%s/%s", sqlite3_column_text (stmt, 0),
                                             sqlite3_column_text (stmt, 1)));
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&done);
}

gboolean
factures_store_claim_deadline_notification (FacturesStore  *self,
                                            const GDate    *today,
                                            gboolean       *out_claimed,
                                            GError        **error)
{
  g_autoptr(FacturesCachedStmt) stmt = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_claimed != NULL, FALSE);

  *out_claimed = FALSE;
  stmt = factures_store_prepare_cached (self, "INSERT OR IGNORE INTO deadline_notified (day) VALUES (?1)", error);
  if (stmt == NULL)
    return FALSE;
  factures_sql_bind_date (stmt, 1, today);
  if (!factures_store_step_done (self, stmt, error))
    return FALSE;
  *out_claimed = sqlite3_changes (factures_store_get_db (self)) > 0;
  return TRUE;
}

void
factures_refused_invoice_free (FacturesRefusedInvoice *invoice)
{
  if (invoice == NULL)
    return;
  g_free (invoice->number);
  g_free (invoice->client_name);
  g_free (invoice->note);
  g_free (invoice);
}

GPtrArray *
factures_store_list_refused_einvoices (FacturesStore  *self,
                                       GError        **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_refused_invoice_free);
  g_autoptr(FacturesCachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  stmt = factures_store_prepare_cached (self,
                                        "SELECT d.id, d.number, d.client_name, s.opened, s.note FROM disputes s "
                                        "JOIN documents d ON d.id = s.document_id "
                                        "JOIN document_summary m ON m.document_id = s.document_id "
                                        "WHERE s.closed IS NULL AND (s.note LIKE '[PA 210]%' OR s.note LIKE '[PA 213]%') "
                                        "AND m.balance > 0 ORDER BY s.opened, d.id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FacturesRefusedInvoice *invoice = g_new0 (FacturesRefusedInvoice, 1);

      invoice->document_id = sqlite3_column_int64 (stmt, 0);
      invoice->number = factures_sql_col_dup (stmt, 1);
      invoice->client_name = factures_sql_col_dup (stmt, 2);
      factures_sql_col_date (stmt, 3, &invoice->date);
      invoice->note = factures_sql_col_dup (stmt, 4);
      g_ptr_array_add (out, invoice);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

gboolean
factures_store_list_reverse_charge_months_since (FacturesStore  *self,
                                                 const GDate    *since,
                                                 GPtrArray      *months,
                                                 GError        **error)
{
  g_autoptr(FacturesCachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  stmt = factures_store_prepare_cached (self,
                                        "SELECT DISTINCT substr (d.issue_date, 1, 7) FROM documents d "
                                        "WHERE d.status = 1 AND d.kind IN (380, 386) AND d.issue_date >= ?1 "
                                        "AND EXISTS (SELECT 1 FROM lines l WHERE l.document_id = d.id "
                                        "AND l.vat_category = 'AE') ORDER BY 1", error);
  if (stmt == NULL)
    return FALSE;
  factures_sql_bind_date (stmt, 1, since);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (months, factures_sql_col_dup (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}
