/* factures-store-receivables.c — instalments, runs, receivables and dunning ladders
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

/* Issue 13 item 4: the receivables' sums are in euros; invoices in another currency (their
 * balance is in it) are left out of them and shown one by one in their currency. */
#define FOREIGN_IDS "SELECT id FROM documents WHERE currency IS NOT NULL"

/* ---- instalments and runs ---- */

GArray *
factures_store_pay_load_instalments (FacturesStore  *self,
                                     const DocInfo  *info,
                                     GError        **error)
{
  g_autoptr(FacturesCachedStmt) stmt = NULL;
  g_autoptr(GArray) instalments = g_array_new (FALSE, TRUE, sizeof (FacturesInstalment));
  /* a draft's plan (issue 6) has nothing paid on it */
  gint64 remaining = factures_store_pay_is_payable (info) ? factures_store_pay_doc_balance (info) : G_MAXINT64;
  gint64 later = 0;
  int rc;

  stmt = factures_store_prepare_cached (self,
                                        "SELECT number, due_date, amount FROM instalments WHERE document_id = ?1 ORDER BY number",
                                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, info->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FacturesInstalment inst = { 0 };

      inst.number = sqlite3_column_int (stmt, 0);
      factures_sql_col_date (stmt, 1, &inst.due_date);
      inst.amount = sqlite3_column_int64 (stmt, 2);
      g_array_append_val (instalments, inst);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  /* what is still owed sits on the latest instalments: payments fill the earliest first */
  for (guint i = instalments->len; i-- > 0;)
    {
      FacturesInstalment *inst = &g_array_index (instalments, FacturesInstalment, i);
      gint64 unpaid = CLAMP (remaining - later, 0, inst->amount);

      inst->paid = inst->amount - unpaid;
      later += inst->amount;
    }
  return g_steal_pointer (&instalments);
}

GArray *
factures_store_get_instalments (FacturesStore  *self,
                                gint64          document_id,
                                GError        **error)
{
  g_autoptr(DocInfo) info = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  info = factures_store_pay_load_doc (self, document_id, error);
  if (info == NULL)
    return NULL;
  return factures_store_pay_load_instalments (self, info, error);
}

gboolean
factures_store_set_instalments (FacturesStore  *self,
                                gint64          document_id,
                                GArray         *instalments,
                                GError        **error)
{
  g_autoptr(DocInfo) info = NULL;
  g_autoptr(sqlite3_stmt) del = NULL;
  gint64 sum = 0;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  if (!factures_store_begin (self, error))
    return FALSE;
  info = factures_store_pay_load_doc (self, document_id, error);
  if (info == NULL)
    goto fail;
  /* A draft invoice may carry the schedule agreed before issuing (issue 6): its
   * total still changes, so the sum is checked when it is issued. */
  if (info->kind != FACTURES_DOCUMENT_KIND_INVOICE && info->kind != FACTURES_DOCUMENT_KIND_DEPOSIT)
    {
      factures_store_pay_invalid (error, _("Instalments: only invoices and deposit invoices have instalments."));
      goto fail;
    }
  for (guint i = 0; i < instalments->len; i++)
    {
      FacturesInstalment *inst = &g_array_index (instalments, FacturesInstalment, i);

      if (!g_date_valid (&inst->due_date))
        {
          factures_store_pay_invalid (error, _("Instalment %u: the due date is missing or invalid."), i + 1);
          goto fail;
        }
      if (inst->amount <= 0)
        {
          factures_store_pay_invalid (error, _("Instalment %u: the amount must be greater than zero."), i + 1);
          goto fail;
        }
      if (i > 0 && g_date_compare (&inst->due_date,
                                   &g_array_index (instalments, FacturesInstalment, i - 1).due_date) <= 0)
        {
          factures_store_pay_invalid (error, _("Instalment %u: each due date must come after the previous one."), i + 1);
          goto fail;
        }
      sum += inst->amount;
    }
  if (factures_store_pay_is_payable (info) && instalments->len > 0 && sum != factures_store_pay_doc_balance (info))
    {
      g_autofree char *got = factures_money_format (sum);
      g_autofree char *want = factures_money_format (factures_store_pay_doc_balance (info));
      factures_store_pay_invalid (error, _("Instalments: they add up to %s but the balance of the invoice is %s."), got, want);
      goto fail;
    }

  del = factures_store_prepare (self, "DELETE FROM instalments WHERE document_id = ?1", error);
  if (del == NULL)
    goto fail;
  sqlite3_bind_int64 (del, 1, document_id);
  if (!factures_store_step_done (self, del, error))
    goto fail;
  for (guint i = 0; i < instalments->len; i++)
    {
      FacturesInstalment *inst = &g_array_index (instalments, FacturesInstalment, i);
      g_autoptr(sqlite3_stmt) ins = factures_store_prepare (self,
                                                            "INSERT INTO instalments (document_id, number, due_date, amount) "
                                                            "VALUES (?1, ?2, ?3, ?4)", error);
      if (ins == NULL)
        goto fail;
      inst->number = (gint) i + 1;
      sqlite3_bind_int64 (ins, 1, document_id);
      sqlite3_bind_int (ins, 2, inst->number);
      factures_sql_bind_date (ins, 3, &inst->due_date);
      sqlite3_bind_int64 (ins, 4, inst->amount);
      if (!factures_store_step_done (self, ins, error))
        goto fail;
    }
  if (!factures_store_commit (self, error))
    goto fail;
  factures_store_emit_changed (self);
  return TRUE;

fail:
  factures_store_rollback (self);
  return FALSE;
}

/* The runs of an invoice: each instalment (with what is unpaid on it), or the whole invoice. */
GArray *
factures_store_pay_load_runs (FacturesStore  *self,
                              const DocInfo  *info,
                              GError        **error)
{
  g_autoptr(GArray) instalments = factures_store_pay_load_instalments (self, info, error);
  g_autoptr(GArray) runs = g_array_new (FALSE, TRUE, sizeof (RunInfo));

  if (instalments == NULL)
    return NULL;
  if (instalments->len == 0)
    {
      RunInfo run = { 0, info->due_date, factures_store_pay_doc_balance (info) };
      g_array_append_val (runs, run);
    }
  for (guint i = 0; i < instalments->len; i++)
    {
      const FacturesInstalment *inst = &g_array_index (instalments, FacturesInstalment, i);
      RunInfo run = { inst->number, inst->due_date, inst->amount - inst->paid };
      g_array_append_val (runs, run);
    }
  return g_steal_pointer (&runs);
}

/* ---- receivables ---- */

gboolean
factures_store_get_receivables (FacturesStore        *self,
                                const GDate          *today,
                                FacturesReceivables  *out,
                                GError              **error)
{
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(sqlite3_stmt) sales = NULL;
  GDate month_end, window_start;
  gint64 invoiced = 0;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  memset (out, 0, sizeof *out);
  month_end = *today;
  g_date_set_day (&month_end, g_date_get_days_in_month (g_date_get_month (today), g_date_get_year (today)));

  docs = factures_store_pay_load_open_docs (self, error);
  if (docs == NULL)
    return FALSE;
  for (guint i = 0; i < docs->len; i++)
    {
      const DocInfo *info = g_ptr_array_index (docs, i);
      g_autoptr(GArray) runs = NULL;
      gboolean late = FALSE;
      gint64 foreign = 0;

      /* Issue 13 item 4: the sums are in euros; an invoice in another currency is left out. */
      if (!factures_store_pay_query_int64 (self, "SELECT currency IS NOT NULL FROM documents WHERE id = ?1",
                                           info->id, &foreign, error))
        return FALSE;
      if (foreign)
        continue;
      runs = factures_store_pay_load_runs (self, info, error);
      if (runs == NULL)
        return FALSE;
      out->outstanding += factures_store_pay_doc_balance (info);
      for (guint r = 0; r < runs->len; r++)
        {
          const RunInfo *run = &g_array_index (runs, RunInfo, r);
          gint days = factures_date_days_between (&run->due_date, today);
          guint bucket;

          if (run->balance <= 0)
            continue;
          if (days <= 0)
            bucket = 0;
          else if (days <= 30)
            bucket = 1;
          else if (days <= 60)
            bucket = 2;
          else if (days <= 90)
            bucket = 3;
          else
            bucket = 4;
          out->aging[bucket] += run->balance;
          out->aging_count[bucket]++;
          if (days > 0)
            {
              out->overdue += run->balance;
              late = TRUE;
            }
          else if (g_date_compare (&run->due_date, &month_end) <= 0)
            out->expected_this_month += run->balance;
        }
      out->n_overdue += late;
    }

  /* DSO over the last 90 days: outstanding × 90 / TTC invoiced (credit notes deducted) */
  window_start = *today;
  g_date_subtract_days (&window_start, 89);
  sales = factures_store_prepare (self,
                                  "SELECT coalesce (sum (CASE WHEN kind = 381 THEN -gross_total ELSE gross_total END), 0) "
                                  "FROM documents WHERE status = 1 AND kind IN (380, 381, 386) AND currency IS NULL "
                                  "AND issue_date >= ?1 AND issue_date <= ?2",
                                  error);
  if (sales == NULL)
    return FALSE;
  factures_sql_bind_date (sales, 1, &window_start);
  factures_sql_bind_date (sales, 2, today);
  if (sqlite3_step (sales) != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  invoiced = sqlite3_column_int64 (sales, 0);
  if (invoiced > 0)
    {
      gint64 dso = 0;
      if (!factures_muldiv_round (out->outstanding, 90, invoiced, &dso, error))
        return FALSE;
      out->dso = (gint) MIN (dso, G_MAXINT);
    }
  else
    out->dso = -1;

  /* Issue 11 item 8: invoices paid in full, and the first issue date. */
  {
    g_autoptr(sqlite3_stmt) history = NULL;
    GDate first;

    history = factures_store_prepare (self,
                                      "SELECT (SELECT count (*) FROM documents WHERE status = 1 AND kind IN (380, 386) "
                                      "AND amount_due > 0 AND " FACTURES_PAID_EXPR " > 0 "
                                      "AND amount_due - " FACTURES_CREDITED_EXPR " - " FACTURES_PAID_EXPR " <= 0), "
                                      "(SELECT min (issue_date) FROM documents WHERE status = 1 AND kind IN (380, 386))",
                                      error);
    if (history == NULL)
      return FALSE;
    if (sqlite3_step (history) != SQLITE_ROW)
      {
        factures_store_set_db_error (self, error);
        return FALSE;
      }
    factures_sql_col_date (history, 1, &first);
    out->dso_history = factures_dso_has_history ((guint) sqlite3_column_int64 (history, 0), &first, today);
  }

  {
    gint64 credit = 0, used = 0;
    if (!factures_store_pay_query_int64 (self, "SELECT coalesce (sum (credit), 0) FROM " FACTURES_LIVE_PAYMENTS " WHERE ?1 = ?1", 0, &credit, error) ||
        !factures_store_pay_query_int64 (self, "SELECT coalesce (sum (amount), 0) FROM payment_allocations WHERE payment_id IS NULL AND ?1 = ?1",
                      0, &used, error))
      return FALSE;
    out->credit = credit - used;
  }
  return TRUE;
}

/**
 * factures_store_get_dashboard_figures:
 * @today: the day the figures are for
 * @out: (out caller-allocates): the same figures as factures_store_get_receivables()
 *
 * The dashboard's and the overdue page's figures from the maintained summary (migrations 0010
 * and 0012): one query sums the balances, the ageing buckets, what is late and what is expected
 * this month over the open invoices without instalments; only those with an instalment plan (a
 * run per instalment) are read one by one; then one query each for the DSO's sales, its
 * history and the unused credit. Costs what is open, not what exists (issue 12).
 */
/**
 * factures_store_get_foreign_overdue:
 * (see factures-store-payments.h)
 */
GArray *
factures_store_get_foreign_overdue (FacturesStore  *self,
                                    const GDate    *today,
                                    GError        **error)
{
  g_autoptr(FacturesCachedStmt) stmt = NULL;
  g_autoptr(GArray) out = g_array_new (FALSE, TRUE, sizeof (FacturesForeignOverdue));
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  /* the rows of the dashboard's sums (one run per invoice, late: due before today), in
   * another currency */
  stmt = factures_store_prepare_cached (self,
                                        "SELECT d.currency, count (*), coalesce (sum (s.balance), 0) "
                                        "FROM document_summary s JOIN documents d ON d.id = s.document_id "
                                        "WHERE s.balance > 0 AND s.next_step_runs = 1 AND NOT s.next_step_stale "
                                        "AND d.currency IS NOT NULL AND s.due_date < ?1 "
                                        "GROUP BY d.currency ORDER BY d.currency",
                                        error);
  if (stmt == NULL)
    return NULL;
  factures_sql_bind_date (stmt, 1, today);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FacturesForeignOverdue f = { 0 };

      g_strlcpy (f.currency, (const char *) sqlite3_column_text (stmt, 0), sizeof f.currency);
      f.count = (guint) sqlite3_column_int64 (stmt, 1);
      f.balance = sqlite3_column_int64 (stmt, 2);
      g_array_append_val (out, f);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

gboolean
factures_store_get_dashboard_figures (FacturesStore        *self,
                                      const GDate          *today,
                                      FacturesReceivables  *out,
                                      GError              **error)
{
  g_autoptr(FacturesCachedStmt) sums = NULL;
  g_autoptr(FacturesCachedStmt) sales = NULL;
  g_autoptr(FacturesCachedStmt) history = NULL;
  g_autoptr(GArray) several = g_array_new (FALSE, FALSE, sizeof (gint64));
  GDate month_end, window_start, day30, day60, day90;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  memset (out, 0, sizeof *out);
  month_end = *today;
  g_date_set_day (&month_end, g_date_get_days_in_month (g_date_get_month (today), g_date_get_year (today)));
  day30 = day60 = day90 = *today;
  g_date_subtract_days (&day30, 30);
  g_date_subtract_days (&day60, 60);
  g_date_subtract_days (&day90, 90);

  /* one run per invoice: the bucket of each from its due date (days late = today − due) */
  sums = factures_store_prepare_cached (self,
                                        "SELECT coalesce (sum (balance), 0), "
                                        "coalesce (sum (balance) FILTER (WHERE due_date >= ?1), 0), "
                                        "count (*) FILTER (WHERE due_date >= ?1), "
                                        "coalesce (sum (balance) FILTER (WHERE due_date < ?1 AND due_date >= ?2), 0), "
                                        "count (*) FILTER (WHERE due_date < ?1 AND due_date >= ?2), "
                                        "coalesce (sum (balance) FILTER (WHERE due_date < ?2 AND due_date >= ?3), 0), "
                                        "count (*) FILTER (WHERE due_date < ?2 AND due_date >= ?3), "
                                        "coalesce (sum (balance) FILTER (WHERE due_date < ?3 AND due_date >= ?4), 0), "
                                        "count (*) FILTER (WHERE due_date < ?3 AND due_date >= ?4), "
                                        "coalesce (sum (balance) FILTER (WHERE due_date < ?4), 0), "
                                        "count (*) FILTER (WHERE due_date < ?4), "
                                        "coalesce (sum (balance) FILTER (WHERE due_date >= ?1 AND due_date <= ?5), 0) "
                                        "FROM document_summary WHERE balance > 0 AND next_step_runs = 1 AND NOT next_step_stale "
                                        "AND document_id NOT IN (" FOREIGN_IDS ")",
                                        error);
  if (sums == NULL)
    return FALSE;
  factures_sql_bind_date (sums, 1, today);
  factures_sql_bind_date (sums, 2, &day30);
  factures_sql_bind_date (sums, 3, &day60);
  factures_sql_bind_date (sums, 4, &day90);
  factures_sql_bind_date (sums, 5, &month_end);
  if (sqlite3_step (sums) != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  out->outstanding = sqlite3_column_int64 (sums, 0);
  for (guint b = 0; b < FACTURES_AGING_N_BUCKETS; b++)
    {
      out->aging[b] = sqlite3_column_int64 (sums, 1 + 2 * (int) b);
      out->aging_count[b] = (guint) sqlite3_column_int64 (sums, 2 + 2 * (int) b);
    }
  out->overdue = out->outstanding - out->aging[0];
  out->n_overdue = out->aging_count[1] + out->aging_count[2] + out->aging_count[3] + out->aging_count[4];
  out->expected_this_month = sqlite3_column_int64 (sums, 11);
  g_clear_pointer (&sums, factures_store_release_cached);

  /* the invoices with instalments (a run each), and rows not recomputed yet: one by one */
  {
    g_autoptr(FacturesCachedStmt) ids = factures_store_prepare_cached (self,
                                                                       "SELECT document_id FROM document_summary WHERE balance > 0 "
                                                                       "AND (next_step_runs <> 1 OR next_step_stale) "
                                                                       "AND document_id NOT IN (" FOREIGN_IDS ") "
                                                                       "ORDER BY due_date, document_id", error);
    if (ids == NULL)
      return FALSE;
    while ((rc = sqlite3_step (ids)) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (ids, 0);
        g_array_append_val (several, id);
      }
    if (rc != SQLITE_DONE)
      {
        factures_store_set_db_error (self, error);
        return FALSE;
      }
  }
  for (guint i = 0; i < several->len; i++)
    {
      g_autoptr(DocInfo) info = factures_store_pay_load_doc (self, g_array_index (several, gint64, i), error);
      g_autoptr(GArray) runs = NULL;
      gboolean late = FALSE;

      if (info == NULL)
        return FALSE;
      runs = factures_store_pay_load_runs (self, info, error);
      if (runs == NULL)
        return FALSE;
      out->outstanding += factures_store_pay_doc_balance (info);
      for (guint r = 0; r < runs->len; r++)
        {
          const RunInfo *run = &g_array_index (runs, RunInfo, r);
          gint days = factures_date_days_between (&run->due_date, today);
          guint bucket = days <= 0 ? 0 : days <= 30 ? 1 : days <= 60 ? 2 : days <= 90 ? 3 : 4;

          if (run->balance <= 0)
            continue;
          out->aging[bucket] += run->balance;
          out->aging_count[bucket]++;
          if (days > 0)
            {
              out->overdue += run->balance;
              late = TRUE;
            }
          else if (g_date_compare (&run->due_date, &month_end) <= 0)
            out->expected_this_month += run->balance;
        }
      out->n_overdue += late;
    }

  /* DSO over the last 90 days: outstanding × 90 / TTC invoiced (credit notes deducted) */
  window_start = *today;
  g_date_subtract_days (&window_start, 89);
  sales = factures_store_prepare_cached (self,
                                         "SELECT coalesce (sum (CASE WHEN kind = 381 THEN -gross_total ELSE gross_total END), 0) "
                                         "FROM documents WHERE status = 1 AND kind IN (380, 381, 386) AND currency IS NULL "
                                         "AND issue_date >= ?1 AND issue_date <= ?2",
                                         error);
  if (sales == NULL)
    return FALSE;
  factures_sql_bind_date (sales, 1, &window_start);
  factures_sql_bind_date (sales, 2, today);
  if (sqlite3_step (sales) != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  if (sqlite3_column_int64 (sales, 0) > 0)
    {
      gint64 dso = 0;

      if (!factures_muldiv_round (out->outstanding, 90, sqlite3_column_int64 (sales, 0), &dso, error))
        return FALSE;
      out->dso = (gint) MIN (dso, G_MAXINT);
    }
  else
    out->dso = -1;

  /* Issue 11 item 8: enough invoices paid in full (a payment, nothing left; the count stops at
   * the threshold), and the first issue date. */
  history = factures_store_prepare_cached (self,
                                           "SELECT (SELECT count (*) FROM (SELECT 1 FROM document_summary s "
                                           "JOIN documents d ON d.id = s.document_id WHERE s.balance <= 0 "
                                           "AND s.n_payments > 0 AND d.amount_due > 0 LIMIT ?1)), "
                                           "(SELECT min (issue_date) FROM documents WHERE status = 1 AND kind IN (380, 386))",
                                           error);
  if (history == NULL)
    return FALSE;
  sqlite3_bind_int (history, 1, FACTURES_DSO_MIN_PAID);
  if (sqlite3_step (history) != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  {
    GDate first;

    factures_sql_col_date (history, 1, &first);
    out->dso_history = factures_dso_has_history ((guint) sqlite3_column_int64 (history, 0), &first, today);
  }

  /* the live payments with credit left: the partial index payments_credit (migration 0022),
   * not every payment (issue 12: recounted after each payment) */
  {
    gint64 credit = 0, used = 0;

    if (!factures_store_pay_query_int64 (self, "SELECT coalesce (sum (credit), 0) FROM payments WHERE credit > 0 AND ?1 = ?1 "
                                         "AND id NOT IN (SELECT payment_id FROM payment_reversals)", 0, &credit, error) ||
        !factures_store_pay_query_int64 (self, "SELECT coalesce (sum (amount), 0) FROM payment_allocations WHERE payment_id IS NULL AND ?1 = ?1",
                                         0, &used, error))
      return FALSE;
    out->credit = credit - used;
  }
  return TRUE;
}

/* ---- ladders ---- */

FacturesDunningLadder *
factures_store_get_ladder (FacturesStore           *self,
                           FacturesClientCategory   category,
                           GError                 **error)
{
  g_autoptr(FacturesCachedStmt) stmt = NULL;
  g_autoptr(FacturesDunningLadder) ladder = factures_dunning_ladder_new (category);
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  stmt = factures_store_prepare_cached (self,
                                        "SELECT offset_days, channel, template_id FROM dunning_steps "
                                        "WHERE category = ?1 ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, category);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FacturesDunningChannel channel = FACTURES_DUNNING_CHANNEL_EMAIL;

      if (!factures_dunning_channel_from_string ((const char *) sqlite3_column_text (stmt, 1), &channel))
        {
          g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY,
                               _("Dunning ladder: unknown channel in the database."));
          return NULL;
        }
      g_ptr_array_add (ladder->steps,
                       factures_dunning_step_new (sqlite3_column_int (stmt, 0), channel,
                                                  (const char *) sqlite3_column_text (stmt, 2)));
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  if (ladder->steps->len == 0)
    return factures_dunning_ladder_new_default (category);
  return g_steal_pointer (&ladder);
}

gboolean
factures_store_save_ladder (FacturesStore          *self,
                            FacturesDunningLadder  *ladder,
                            GError                **error)
{
  g_autoptr(sqlite3_stmt) del = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  if ((guint) ladder->category > FACTURES_CLIENT_CATEGORY_PUBLIC)
    return factures_store_pay_invalid (error, _("Dunning ladder: unknown client category."));
  if (!factures_dunning_ladder_validate (ladder, error))
    return FALSE;
  if (!factures_store_begin (self, error))
    return FALSE;
  del = factures_store_prepare (self, "DELETE FROM dunning_steps WHERE category = ?1", error);
  if (del == NULL)
    goto fail;
  sqlite3_bind_int (del, 1, ladder->category);
  if (!factures_store_step_done (self, del, error))
    goto fail;
  for (guint i = 0; i < ladder->steps->len; i++)
    {
      const FacturesDunningStep *step = g_ptr_array_index (ladder->steps, i);
      g_autoptr(sqlite3_stmt) ins = factures_store_prepare (self,
                                                            "INSERT INTO dunning_steps (category, position, offset_days, "
                                                            "channel, template_id) VALUES (?1, ?2, ?3, ?4, ?5)", error);
      if (ins == NULL)
        goto fail;
      sqlite3_bind_int (ins, 1, ladder->category);
      sqlite3_bind_int (ins, 2, (int) i);
      sqlite3_bind_int (ins, 3, step->offset_days);
      factures_sql_bind_text (ins, 4, factures_dunning_channel_to_string (step->channel));
      factures_sql_bind_text (ins, 5, step->template_id);
      if (!factures_store_step_done (self, ins, error))
        goto fail;
    }
  if (!factures_store_commit (self, error))
    goto fail;
  factures_store_emit_changed (self);
  return TRUE;

fail:
  factures_store_rollback (self);
  return FALSE;
}
