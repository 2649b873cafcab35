/* factures-store-penalties.c — late-payment penalties and the rate table
 * (split from factures-store-payments.c; see factures-store-payments.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "factures-schedule.h"
#include "factures-store-lifecycle-private.h"
#include "factures-store-payments.h"
#include "factures-store-payments-private.h"
#include "factures-store-payments-impl-private.h"

/* ---- penalties ---- */

GArray *
factures_store_get_rate_table (FacturesStore  *self,
                               GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) table = g_array_new (FALSE, TRUE, sizeof (FacturesRatePeriod));
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  g_array_set_clear_func (table, (GDestroyNotify) factures_rate_period_clear);
  stmt = factures_store_prepare (self,
                                 "SELECT year, half, coalesce (ecb_bp, -1), coalesce (legal_individual_bp, -1), "
                                 "coalesce (legal_other_bp, -1), source FROM penalty_rates ORDER BY year, half", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FacturesRatePeriod p = { 0 };

      p.year = sqlite3_column_int (stmt, 0);
      p.half = sqlite3_column_int (stmt, 1);
      p.ecb_bp = sqlite3_column_int (stmt, 2);
      p.legal_individual_bp = sqlite3_column_int (stmt, 3);
      p.legal_other_bp = sqlite3_column_int (stmt, 4);
      p.source = factures_sql_col_dup (stmt, 5);
      g_array_append_val (table, p);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&table);
}

static void
bind_rate (sqlite3_stmt *stmt, int index, gint rate)
{
  if (rate >= 0)
    sqlite3_bind_int (stmt, index, rate);
  else
    sqlite3_bind_null (stmt, index);
}

gboolean
factures_store_save_rate (FacturesStore            *self,
                          const FacturesRatePeriod *period,
                          GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *source = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  if (period->half != 1 && period->half != 2)
    return factures_store_pay_invalid (error, _("Half-year: 1 (January to June) or 2 (July to December)."));
  if (period->year < 2000 || period->year > 2200)
    return factures_store_pay_invalid (error, _("Year: %d is not a plausible year."), period->year);
  if (period->ecb_bp < FACTURES_RATE_UNKNOWN || period->legal_individual_bp < FACTURES_RATE_UNKNOWN ||
      period->legal_other_bp < FACTURES_RATE_UNKNOWN ||
      period->ecb_bp > 10000 || period->legal_individual_bp > 10000 || period->legal_other_bp > 10000)
    return factures_store_pay_invalid (error, _("Rates: a rate must be between 0 and 100 %%."));
  source = factures_text_clean (period->source, _("Source"), FACTURES_MAX_SHORT * 4, FALSE, error);
  if (source == NULL)
    return FALSE;
  if (!factures_store_begin (self, error))
    return FALSE;
  stmt = factures_store_prepare (self,
                                 "INSERT OR REPLACE INTO penalty_rates (year, half, ecb_bp, legal_individual_bp, "
                                 "legal_other_bp, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, period->year);
  sqlite3_bind_int (stmt, 2, period->half);
  bind_rate (stmt, 3, period->ecb_bp);
  bind_rate (stmt, 4, period->legal_individual_bp);
  bind_rate (stmt, 5, period->legal_other_bp);
  factures_sql_bind_text (stmt, 6, *source ? source : NULL);
  if (!factures_store_step_done (self, stmt, error) || !factures_store_commit (self, error))
    goto fail;
  factures_store_emit_changed (self);
  return TRUE;

fail:
  factures_store_rollback (self);
  return FALSE;
}

gboolean
factures_store_waive_penalties (FacturesStore  *self,
                                gint64          document_id,
                                gboolean        waived,
                                const char     *note,
                                GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  clean = factures_text_clean (note, _("Note"), FACTURES_MAX_NOTES, FALSE, error);
  if (clean == NULL)
    return FALSE;
  if (!factures_store_begin (self, error))
    return FALSE;
  if (!factures_store_pay_check_open_invoice (self, document_id, error))
    goto fail;
  stmt = factures_store_prepare (self,
                                 waived ? "INSERT OR REPLACE INTO penalty_waivers (document_id, note) VALUES (?1, ?2)"
                                        : "DELETE FROM penalty_waivers WHERE document_id = ?1 AND ?2 IS ?2",
                                 error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, document_id);
  factures_sql_bind_text (stmt, 2, *clean ? clean : NULL);
  if (!factures_store_step_done (self, stmt, error) || !factures_store_commit (self, error))
    goto fail;
  factures_store_emit_changed (self);
  return TRUE;

fail:
  factures_store_rollback (self);
  return FALSE;
}

gboolean
factures_store_compute_penalties (FacturesStore      *self,
                                  gint64              document_id,
                                  const GDate        *today,
                                  FacturesPenalties  *out,
                                  GError            **error)
{
  g_autoptr(DocInfo) info = NULL;
  g_autoptr(GArray) table = NULL;
  g_autoptr(GArray) payments = g_array_new (FALSE, FALSE, sizeof (FacturesPenaltyPayment));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  FacturesBalance balance;
  gint64 principal, waived = 0;
  gboolean scheduled = FALSE;
  GDate notice, end;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  memset (out, 0, sizeof *out);
  info = factures_store_pay_load_doc (self, document_id, error);
  if (info == NULL)
    return FALSE;
  if (!factures_store_pay_is_payable (info))
    return factures_store_pay_invalid (error, _("Penalties: only issued invoices and deposit invoices have late penalties."));
  table = factures_store_get_rate_table (self, error);
  if (table == NULL || !factures_store_get_payment_balance (self, document_id, &balance, error))
    return FALSE;

  /* the unpaid amount on the due date, and the payments after it */
  principal = info->amount_due - info->credited;
  stmt = factures_store_prepare (self, "SELECT date, amount FROM live_payment_allocations WHERE document_id = ?1 "
                                       "ORDER BY date, id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FacturesPenaltyPayment p;

      factures_sql_col_date (stmt, 0, &p.date);
      p.amount = sqlite3_column_int64 (stmt, 1);
      if (g_date_compare (&p.date, &info->due_date) <= 0)
        principal -= p.amount;
      else
        g_array_append_val (payments, p);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* the formal notice (individuals): the first formal-notice step done */
  g_date_clear (&notice, 1);
  stmt = factures_store_prepare (self, "SELECT min (date) FROM dunning_events WHERE document_id = ?1 "
                                       "AND channel = 'formal-notice' AND state = 'done'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  factures_sql_col_date (stmt, 0, &notice);

  end = *today;
  if (balance.balance <= 0 && g_date_valid (&balance.paid_date))
    end = balance.paid_date;

  /* With an instalment plan (issue 6), interest runs on each instalment from its own due date. */
  {
    g_autoptr(GArray) plan = factures_store_pay_load_instalments (self, info, error);

    if (plan == NULL)
      return FALSE;
    if (plan->len > 0)
      {
        g_autoptr(GArray) planned = g_array_new (FALSE, FALSE, sizeof (FacturesPlannedInstalment));
        g_autoptr(GArray) dated = g_array_new (FALSE, FALSE, sizeof (FacturesPenaltyPayment));
        gint64 sum = 0, before, settled;

        for (guint i = 0; i < plan->len; i++)
          {
            const FacturesInstalment *inst = &g_array_index (plan, FacturesInstalment, i);
            FacturesPlannedInstalment p = { inst->due_date, inst->amount };

            g_array_append_val (planned, p);
            sum += inst->amount;
          }
        /* What was settled before the plan (it covers what was owed when it was agreed):
         * credit notes first, then the earliest payments. The rest fills the instalments. */
        before = MAX (info->amount_due - sum, 0);
        settled = info->credited - MIN (before, info->credited);
        before -= MIN (before, info->credited);
        g_clear_pointer (&stmt, sqlite3_finalize);
        stmt = factures_store_prepare (self, "SELECT date, amount FROM live_payment_allocations "
                                             "WHERE document_id = ?1 ORDER BY date, id", error);
        if (stmt == NULL)
          return FALSE;
        sqlite3_bind_int64 (stmt, 1, document_id);
        while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
          {
            FacturesPenaltyPayment p;

            factures_sql_col_date (stmt, 0, &p.date);
            p.amount = sqlite3_column_int64 (stmt, 1);
            if (before > 0)
              {
                gint64 skip = MIN (before, p.amount);

                before -= skip;
                p.amount -= skip;
              }
            if (p.amount > 0)
              g_array_append_val (dated, p);
          }
        if (rc != SQLITE_DONE)
          {
            factures_store_set_db_error (self, error);
            return FALSE;
          }
        if (!factures_schedule_penalties (planned, settled, dated, factures_store_pay_doc_category (info), factures_store_pay_doc_fixed_rate (info),
                                          &notice, &end, table, out, error))
          return FALSE;
        scheduled = TRUE;
      }
  }

  if (!scheduled &&
      !factures_penalties_compute (factures_store_pay_doc_category (info), factures_store_pay_doc_fixed_rate (info), principal, payments,
                                   &info->due_date, &notice, &end, table, out, error))
    return FALSE;
  if (!factures_store_pay_query_int64 (self, "SELECT count(*) FROM penalty_waivers WHERE document_id = ?1", document_id, &waived, error))
    return FALSE;
  out->waived = waived > 0;
  return TRUE;
}

guint
factures_store_count_due_steps (FacturesStore  *self,
                                const GDate    *today,
                                GError        **error)
{
  g_autoptr(GPtrArray) queue = factures_store_get_dunning_queue (self, today, error);

  return queue != NULL ? queue->len : 0;
}
