/* factures-store-deadlines.c — see factures-store-deadlines.h (migration 0022)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "factures-date.h"
#include "factures-store-private.h"
#include "factures-store-deadlines.h"
#include "factures-store-urssaf.h"
#include "factures-urssaf.h"

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

/* The URSSAF period (month, or quarter when @quarterly) whose declaration falls due on
 * @deadline: the end of the month after it, moved at most a few days to a working day, so a
 * week and a month before the deadline lies in the period (as the To-Do queue reads it). */
static void
urssaf_period_of_deadline (const GDate          *deadline,
                           gboolean              quarterly,
                           FacturesUrssafPeriod *out)
{
  GDate inside = *deadline;
  guint month, year;

  g_date_subtract_days (&inside, 7);
  g_date_subtract_months (&inside, 1);
  year = g_date_get_year (&inside);
  month = g_date_get_month (&inside);
  memset (out, 0, sizeof *out);
  out->year = year;
  g_date_clear (&out->first, 1);
  g_date_clear (&out->last, 1);
  if (quarterly)
    {
      out->quarter = (month - 1) / 3 + 1;
      g_date_set_dmy (&out->first, 1, (GDateMonth) (3 * out->quarter - 2), year);
      month = 3 * out->quarter;
    }
  else
    {
      out->month = month;
      g_date_set_dmy (&out->first, 1, (GDateMonth) month, year);
    }
  g_date_set_dmy (&out->last, g_date_get_days_in_month ((GDateMonth) month, year), (GDateMonth) month, year);
}

/* Whether the declaration of @period was made by a « Marquer comme fait » of its deadline
 * (declared on the day it was recorded, that day being the one of the deadline's last mark):
 * its « Annuler » takes it back. FALSE on error, which is then set. */
static gboolean
declared_by_mark (FacturesStore              *self,
                  const FacturesUrssafPeriod *period,
                  const char                 *iso,
                  GError                    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *key = factures_urssaf_period_key (period);
  int rc;

  stmt = factures_store_prepare (self,
                                 "SELECT 1 FROM urssaf_declarations d WHERE d.period = ?1 "
                                 "AND d.declared_on = d.recorded AND d.recorded = "
                                 "(SELECT m.recorded FROM deadline_marks m WHERE m.kind = 'urssaf' AND "
                                 "m.period = ?2 ORDER BY m.id DESC LIMIT 1)", error);
  if (stmt == NULL)
    return FALSE;
  factures_sql_bind_text (stmt, 1, key);
  factures_sql_bind_text (stmt, 2, iso);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    factures_store_set_db_error (self, error);
  return FALSE;
}

/* A URSSAF deadline marked done is its period declared, on the day of the mark (the « Année »
 * view's « Marquer comme déclarée… » asks the day; the queue's button means today); its
 * « Annuler » takes back the declaration that the mark made. Inside the caller's transaction. */
static gboolean
mark_urssaf_period (FacturesStore  *self,
                    const GDate    *deadline,
                    const char     *iso,
                    gboolean        done,
                    GError        **error)
{
  FacturesUrssafSettings settings;
  FacturesUrssafPeriod period;
  GError *local_error = NULL;
  GDate today, declared;
  gboolean quarterly;

  if (!factures_store_get_urssaf_settings (self, &settings, error))
    return FALSE;
  quarterly = settings.quarterly;
  factures_urssaf_settings_clear (&settings);
  urssaf_period_of_deadline (deadline, quarterly, &period);
  g_date_clear (&declared, 1);
  if (done)
    {
      if (factures_store_get_declared (self, &period, &declared, &local_error))
        return TRUE;
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      factures_today (&today);
      if (g_date_compare (&today, &period.last) < 0)
        {
          g_autofree char *label = factures_urssaf_period_label (&period);
          g_autofree char *last = factures_date_format_fr (&period.last);

          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("Deadline: the declaration of %s can be made from the period’s last day, %s; "
                         "mark it done once declared."), label, last);
          return FALSE;
        }
      {
        /* as factures_store_mark_declared() writes it (its checks are the ones above: the day
         * is today, from the period's last day on), without its "changed" inside this
         * transaction */
        g_autoptr(sqlite3_stmt) stmt = NULL;
        g_autofree char *key = factures_urssaf_period_key (&period);

        stmt = factures_store_prepare (self,
                                       "INSERT INTO urssaf_declarations (period, declared_on, recorded) "
                                       "VALUES (?1, ?2, ?2)", error);
        if (stmt == NULL)
          return FALSE;
        factures_sql_bind_text (stmt, 1, key);
        factures_sql_bind_date (stmt, 2, &today);
        return factures_store_step_done (self, stmt, error);
      }
    }
  if (declared_by_mark (self, &period, iso, &local_error))
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autofree char *key = factures_urssaf_period_key (&period);

      stmt = factures_store_prepare (self, "DELETE FROM urssaf_declarations WHERE period = ?1", error);
      if (stmt == NULL)
        return FALSE;
      factures_sql_bind_text (stmt, 1, key);
      return factures_store_step_done (self, stmt, error);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
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
  if (!factures_store_begin (self, error))
    return FALSE;
  /* the URSSAF declaration's period marked declared (or taken back) with its deadline */
  if (g_str_equal (kind, "urssaf") && !mark_urssaf_period (self, period, iso, done, error))
    goto fail;
  stmt = factures_store_prepare_cached (self,
                                        "INSERT INTO deadline_marks (kind, period, done, recorded) "
                                        "VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    goto fail;
  factures_today (&today);
  factures_sql_bind_text (stmt, 1, kind);
  factures_sql_bind_text (stmt, 2, iso);
  sqlite3_bind_int (stmt, 3, done ? 1 : 0);
  factures_sql_bind_date (stmt, 4, &today);
  if (!factures_store_step_done (self, stmt, error) || !factures_store_commit (self, error))
    goto fail;
  /* The To-Do queue lists its deadlines again itself (keeping its place, finding T12): the
   * declaration written with the mark is not "everything" for the views; the « Année » view
   * follows "changed". */
  factures_store_forget_changes (self);
  factures_store_emit_changed (self);
  return TRUE;

fail:
  factures_store_rollback (self);
  return FALSE;
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
