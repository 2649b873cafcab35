/* factures-store-dunning.c — dunning plans, steps, promises and disputes
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
#include "factures-store-impl-private.h"

/* ---- dunning plans ---- */

void
factures_dunning_task_free (FacturesDunningTask *task)
{
  if (task == NULL)
    return;
  g_free (task->number);
  g_free (task->client_name);
  g_free (task->client_email);
  g_free (task->client_phone);
  factures_planned_step_clear (&task->step);
  g_free (task);
}

static void
event_clear (FacturesDunningEvent *ev)
{
  g_clear_pointer (&ev->step_key, g_free);
}

/* Events of one run. */
static GArray *
load_events (FacturesStore  *self,
             gint64          document_id,
             gint            instalment,
             GError        **error)
{
  g_autoptr(FacturesCachedStmt) stmt = NULL;
  g_autoptr(GArray) events = g_array_new (FALSE, TRUE, sizeof (FacturesDunningEvent));
  int rc;

  g_array_set_clear_func (events, (GDestroyNotify) event_clear);
  stmt = factures_store_prepare_cached (self,
                                        "SELECT step_key, date, state FROM dunning_events "
                                        "WHERE document_id = ?1 AND instalment = ?2 ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int (stmt, 2, instalment);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FacturesDunningEvent ev = { 0 };

      ev.step_key = factures_sql_col_dup (stmt, 0);
      factures_sql_col_date (stmt, 1, &ev.date);
      ev.skipped = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "skipped") == 0;
      g_array_append_val (events, ev);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&events);
}

gboolean
factures_store_get_promise (FacturesStore  *self,
                            gint64          document_id,
                            GDate          *out_date,
                            GError        **error)
{
  g_autoptr(FacturesCachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  g_date_clear (out_date, 1);
  stmt = factures_store_prepare_cached (self, "SELECT date FROM payment_promises WHERE document_id = ?1 "
                                        "ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    factures_sql_col_date (stmt, 0, out_date);
  else if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
factures_store_get_dispute (FacturesStore  *self,
                            gint64          document_id,
                            gboolean       *out_disputed,
                            GError        **error)
{
  gint64 open = 0;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  if (!factures_store_pay_query_int64 (self, "SELECT count(*) FROM disputes WHERE document_id = ?1 AND closed IS NULL",
                    document_id, &open, error))
    return FALSE;
  *out_disputed = open > 0;
  return TRUE;
}

/* The plan of one invoice (every step of every run), or NULL with @error. */
static GArray *
plan_for (FacturesStore          *self,
          const DocInfo          *info,
          const GDate            *today,
          FacturesDunningLadder **out_ladder,
          GArray                **out_runs,
          GError                **error)
{
  g_autoptr(FacturesDunningLadder) ladder = NULL;
  g_autoptr(GArray) runs = NULL;
  g_autoptr(GPtrArray) event_sets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GArray) plan_runs = g_array_new (FALSE, TRUE, sizeof (FacturesDunningRun));
  gboolean disputed = FALSE;
  GDate promise;

  ladder = factures_store_get_ladder (self, factures_store_pay_doc_category (info), error);
  if (ladder == NULL)
    return NULL;
  runs = factures_store_pay_load_runs (self, info, error);
  if (runs == NULL)
    return NULL;
  if (!factures_store_get_promise (self, info->id, &promise, error) ||
      !factures_store_get_dispute (self, info->id, &disputed, error))
    return NULL;
  for (guint r = 0; r < runs->len; r++)
    {
      const RunInfo *run = &g_array_index (runs, RunInfo, r);
      GArray *events = load_events (self, info->id, run->instalment, error);
      FacturesDunningRun plan_run = { 0 };

      if (events == NULL)
        return NULL;
      g_ptr_array_add (event_sets, events);
      plan_run.instalment = run->instalment;
      plan_run.due_date = run->due_date;
      plan_run.balance = run->balance;
      plan_run.events = events;
      g_array_append_val (plan_runs, plan_run);
    }
  {
    GArray *plan = factures_dunning_plan_invoice (ladder, plan_runs, &promise, disputed, today);
    if (out_ladder != NULL)
      *out_ladder = g_steal_pointer (&ladder);
    if (out_runs != NULL)
      *out_runs = g_steal_pointer (&runs);
    return plan;
  }
}

static FacturesDunningTask *
task_new (const DocInfo              *info,
          const RunInfo              *run,
          const FacturesPlannedStep  *step,
          const GDate                *today)
{
  FacturesDunningTask *task = g_new0 (FacturesDunningTask, 1);
  g_autoptr(FacturesClient) buyer = NULL;

  if (info->buyer_json != NULL)
    buyer = factures_store_client_from_json (info->buyer_json, NULL);
  task->document_id = info->id;
  task->number = g_strdup (info->number);
  task->client_id = info->client_id;
  task->client_name = g_strdup (info->client_name);
  task->client_email = buyer != NULL ? g_strdup (buyer->party.email) : NULL;
  task->client_phone = buyer != NULL ? g_strdup (buyer->party.phone) : NULL;
  task->category = buyer != NULL ? buyer->category : FACTURES_CLIENT_CATEGORY_COMPANY;
  task->instalment = run->instalment;
  task->due_date = run->due_date;
  task->balance = run->balance;
  task->invoice_balance = factures_store_pay_doc_balance (info);
  task->days_late = MAX (0, factures_date_days_between (&run->due_date, today));
  task->step = *step;
  task->step.step_key = g_strdup (step->step_key);
  task->step.template_id = g_strdup (step->template_id);
  return task;
}

static const RunInfo *
find_run (GArray *runs, gint instalment)
{
  for (guint r = 0; r < runs->len; r++)
    if (g_array_index (runs, RunInfo, r).instalment == instalment)
      return &g_array_index (runs, RunInfo, r);
  return NULL;
}

static gboolean
insert_event (FacturesStore  *self,
              gint64          document_id,
              gint            instalment,
              const char     *step_key,
              FacturesDunningChannel channel,
              const char     *template_id,
              gboolean        skipped,
              const GDate    *date,
              const GDate    *recorded,
              const char     *note,
              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = factures_store_prepare (self,
                                 "INSERT INTO dunning_events (document_id, instalment, step_key, channel, template_id, "
                                 "state, date, recorded, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int (stmt, 2, instalment);
  factures_sql_bind_text (stmt, 3, step_key);
  factures_sql_bind_text (stmt, 4, factures_dunning_channel_to_string (channel));
  factures_sql_bind_text (stmt, 5, template_id);
  factures_sql_bind_text (stmt, 6, skipped ? "skipped" : "done");
  factures_sql_bind_date (stmt, 7, date);
  factures_sql_bind_date (stmt, 8, recorded);
  factures_sql_bind_text (stmt, 9, note != NULL && *note != '\0' ? note : NULL);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (factures_store_get_db (self)) == SQLITE_CONSTRAINT_UNIQUE)
        return factures_store_pay_invalid (error, _("Dunning step %s: it was already recorded for this invoice."), step_key);
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* One transaction of the catch-up: at most @limit candidates (0: all) after (@after_due,
 * @after_id) in (due date, id) order; *@out_last the last one seen (invalid date when none). */
static gboolean
catch_up_range (FacturesStore  *self,
                const GDate    *today,
                const char     *after_due,
                gint64          after_id,
                guint           limit,
                guint          *out_n_skipped,
                char          **out_last_due,
                gint64         *out_last_id,
                GError        **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(FacturesCachedStmt) candidates = NULL;
  g_autofree char *last_due = NULL;
  gint64 last_id = 0;
  guint skipped = 0;
  int rc;

  if (!factures_store_begin (self, error))
    return FALSE;
  /* only the open invoices with a pre-due step left and their due date reached (the summary's
   * next_step_missed, migration 0012), those with instalments, and rows not yet recomputed */
  candidates = factures_store_prepare_cached (self,
                                              "SELECT document_id, due_date FROM document_summary WHERE balance > 0 "
                                              "AND ((next_step_missed AND due_date <= ?1) OR next_step_runs > 1 "
                                              "OR next_step_stale) AND (?2 IS NULL OR (due_date, document_id) > (?2, ?3)) "
                                              "ORDER BY due_date, document_id LIMIT ?4", error);
  if (candidates == NULL)
    goto fail;
  factures_sql_bind_date (candidates, 1, today);
  factures_sql_bind_text (candidates, 2, after_due);
  sqlite3_bind_int64 (candidates, 3, after_id);
  sqlite3_bind_int64 (candidates, 4, limit > 0 ? (sqlite3_int64) limit : -1);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (candidates)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (candidates, 0);

      g_array_append_val (ids, id);
      last_id = id;
      g_free (last_due);
      last_due = factures_sql_col_dup (candidates, 1);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      goto fail;
    }
  g_clear_pointer (&candidates, factures_store_release_cached);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(DocInfo) info = factures_store_pay_load_doc (self, g_array_index (ids, gint64, i), error);
      g_autoptr(GArray) plan = NULL;

      if (info == NULL)
        goto fail;
      plan = plan_for (self, info, today, NULL, NULL, error);
      if (plan == NULL)
        goto fail;
      for (guint s = 0; s < plan->len; s++)
        {
          const FacturesPlannedStep *step = &g_array_index (plan, FacturesPlannedStep, s);

          if (step->state != FACTURES_STEP_STATE_MISSED)
            continue;
          if (!insert_event (self, info->id, step->instalment, step->step_key, step->channel, step->template_id,
                             TRUE, &step->date, today, _("Not done before the due date"), error))
            goto fail;
          skipped++;
        }
    }
  if (!factures_store_commit (self, error))
    goto fail;
  if (skipped > 0)
    factures_store_emit_changed (self);
  *out_n_skipped = skipped;
  *out_last_due = g_steal_pointer (&last_due);
  *out_last_id = last_id;
  return TRUE;

fail:
  factures_store_rollback (self);
  return FALSE;
}

gboolean
factures_store_catch_up (FacturesStore  *self,
                         const GDate    *today,
                         guint          *out_n_skipped,
                         GError        **error)
{
  g_autofree char *last_due = NULL;
  gint64 last_id = 0;
  guint skipped = 0;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  if (out_n_skipped != NULL)
    *out_n_skipped = 0;
  if (!catch_up_range (self, today, NULL, 0, 0, &skipped, &last_due, &last_id, error))
    return FALSE;
  if (out_n_skipped != NULL)
    *out_n_skipped = skipped;
  return TRUE;
}

gboolean
factures_store_catch_up_batch (FacturesStore    *self,
                               const GDate      *today,
                               FacturesCatchUp  *state,
                               guint             max_invoices,
                               gboolean         *out_finished,
                               GError          **error)
{
  g_autofree char *last_due = NULL;
  gint64 last_id = 0;
  guint skipped = 0;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (state != NULL && out_finished != NULL, FALSE);

  *out_finished = FALSE;
  if (!catch_up_range (self, today, state->after_due[0] != '\0' ? state->after_due : NULL, state->after_id,
                       MAX (max_invoices, 1), &skipped, &last_due, &last_id, error))
    return FALSE;
  state->n_skipped += skipped;
  if (last_due == NULL)
    {
      *out_finished = TRUE;
      return TRUE;
    }
  g_strlcpy (state->after_due, last_due, sizeof state->after_due);
  state->after_id = last_id;
  return TRUE;
}

/* The step of the summary as a planned step of the ladder (DUE on its stored date). */
static gboolean
summary_step (const FacturesDunningLadder *ladder,
              const char                  *key,
              const GDate                 *date,
              FacturesPlannedStep         *out)
{
  for (guint i = 0; i < ladder->steps->len; i++)
    {
      const FacturesDunningStep *step = g_ptr_array_index (ladder->steps, i);
      g_autofree char *step_key = factures_dunning_step_key (step);

      if (g_strcmp0 (step_key, key) != 0)
        continue;
      memset (out, 0, sizeof *out);
      out->instalment = 0;
      out->index = i;
      out->step_key = g_steal_pointer (&step_key);
      out->offset_days = step->offset_days;
      out->channel = step->channel;
      out->template_id = g_strdup (step->template_id);
      out->date = *date;
      out->state = FACTURES_STEP_STATE_DUE;
      return TRUE;
    }
  return FALSE;
}

void
factures_dunning_candidate_clear (FacturesDunningCandidate *candidate)
{
  g_clear_pointer (&candidate->step_key, g_free);
}

/**
 * factures_store_list_dunning_candidates:
 * @today: the day of the queue
 *
 * The invoices of the to-do queue, from the summary's next step (migration 0012), in the
 * queue's order (oldest due date first, ties by id), without planning any: those whose step
 * is due by @today, and those to plan in full (instalments, a pre-due step before the due
 * date, a row not yet recomputed; they may have no step due). One query over the summary.
 *
 * Returns: (transfer full) (element-type FacturesDunningCandidate): the candidates (their
 *   step keys freed with the array), NULL with @error
 */
GArray *
factures_store_list_dunning_candidates (FacturesStore  *self,
                                        const GDate    *today,
                                        GError        **error)
{
  g_autoptr(GArray) out = g_array_new (FALSE, TRUE, sizeof (FacturesDunningCandidate));
  g_autoptr(FacturesCachedStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  g_array_set_clear_func (out, (GDestroyNotify) factures_dunning_candidate_clear);
  stmt = factures_store_prepare_cached (self,
                                        "SELECT document_id, next_step_key, next_step_date, "
                                        "(next_step_runs > 1 OR next_step_stale OR (next_step_missed AND due_date > ?1)), "
                                        "due_date "
                                        "FROM document_summary WHERE balance > 0 AND (next_step_date <= ?1 "
                                        "OR next_step_runs > 1 OR next_step_stale OR (next_step_missed AND due_date > ?1)) "
                                        "ORDER BY due_date, document_id", error);
  if (stmt == NULL)
    return NULL;
  factures_sql_bind_date (stmt, 1, today);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FacturesDunningCandidate candidate = { 0 };

      candidate.document_id = sqlite3_column_int64 (stmt, 0);
      candidate.step_key = factures_sql_col_dup (stmt, 1);
      factures_sql_col_date (stmt, 2, &candidate.step_date);
      candidate.full = sqlite3_column_int (stmt, 3) != 0;
      factures_sql_col_date (stmt, 4, &candidate.due_date);
      g_array_append_val (out, candidate);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

/**
 * factures_store_plan_dunning_candidates:
 * @today: the day of the queue
 * @candidates: (array length=n): candidates of factures_store_list_dunning_candidates()
 * @n: how many
 *
 * The step due on @today of each candidate: an invoice with one run takes its step from the
 * summary, only one with instalments, a pre-due step before its due date or a row not yet
 * recomputed (FacturesDunningCandidate.full) is planned in full, and may have none.
 *
 * Returns: (transfer full) (element-type FacturesDunningTask): at most one DUE step per
 *   candidate, in the candidates' order; NULL with @error
 */
GPtrArray *
factures_store_plan_dunning_candidates (FacturesStore                  *self,
                                        const GDate                    *today,
                                        const FacturesDunningCandidate *candidates,
                                        guint                           n,
                                        GError                        **error)
{
  g_autoptr(GPtrArray) queue = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_dunning_task_free);
  g_autoptr(GPtrArray) ladders = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_dunning_ladder_free);

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  g_ptr_array_set_size (ladders, FACTURES_CLIENT_CATEGORY_PUBLIC + 1);
  for (guint i = 0; i < n; i++)
    {
      const FacturesDunningCandidate *candidate = &candidates[i];
      g_autoptr(DocInfo) info = factures_store_pay_load_doc (self, candidate->document_id, error);

      if (info == NULL)
        return NULL;
      if (!candidate->full && candidate->step_key != NULL && g_date_valid (&candidate->step_date))
        {
          FacturesClientCategory category = factures_store_pay_doc_category (info);
          FacturesPlannedStep step;
          RunInfo run = { 0, info->due_date, factures_store_pay_doc_balance (info) };

          if ((guint) category > FACTURES_CLIENT_CATEGORY_PUBLIC)
            category = FACTURES_CLIENT_CATEGORY_COMPANY;
          if (g_ptr_array_index (ladders, category) == NULL)
            {
              FacturesDunningLadder *ladder = factures_store_get_ladder (self, category, error);

              if (ladder == NULL)
                return NULL;
              g_ptr_array_index (ladders, category) = ladder;
            }
          if (summary_step (g_ptr_array_index (ladders, category), candidate->step_key,
                            &candidate->step_date, &step))
            {
              g_ptr_array_add (queue, task_new (info, &run, &step, today));
              factures_planned_step_clear (&step);
              continue;
            }
          /* a step the ladder no longer has: planned in full below */
        }
      {
        g_autoptr(GArray) runs = NULL;
        g_autoptr(GArray) plan = plan_for (self, info, today, NULL, &runs, error);

        if (plan == NULL)
          return NULL;
        for (guint s = 0; s < plan->len; s++)
          {
            const FacturesPlannedStep *step = &g_array_index (plan, FacturesPlannedStep, s);

            if (step->state == FACTURES_STEP_STATE_DUE)
              {
                g_ptr_array_add (queue, task_new (info, find_run (runs, step->instalment), step, today));
                break;
              }
          }
      }
    }
  return g_steal_pointer (&queue);
}

/**
 * factures_store_list_dunning_queue:
 * @today: the day of the queue
 *
 * The to-do queue of factures_store_get_dunning_queue() without its catch-up (call
 * factures_store_catch_up() once after the window's first frame): every candidate of
 * factures_store_list_dunning_candidates() planned by factures_store_plan_dunning_candidates().
 *
 * Returns: (transfer full) (element-type FacturesDunningTask): at most one DUE step per
 *   invoice, oldest due date first (ties by id); NULL with @error.
 */
GPtrArray *
factures_store_list_dunning_queue (FacturesStore  *self,
                                   const GDate    *today,
                                   GError        **error)
{
  g_autoptr(GArray) candidates = factures_store_list_dunning_candidates (self, today, error);

  if (candidates == NULL)
    return NULL;
  return factures_store_plan_dunning_candidates (self, today, (const FacturesDunningCandidate *) candidates->data,
                                                 candidates->len, error);
}

GPtrArray *
factures_store_get_dunning_queue (FacturesStore  *self,
                                  const GDate    *today,
                                  GError        **error)
{
  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  if (!factures_store_catch_up (self, today, NULL, error))
    return NULL;
  return factures_store_list_dunning_queue (self, today, error);
}

GPtrArray *
factures_store_get_dunning_plan (FacturesStore  *self,
                                 gint64          document_id,
                                 const GDate    *today,
                                 GError        **error)
{
  g_autoptr(DocInfo) info = NULL;
  g_autoptr(GArray) runs = NULL;
  g_autoptr(GArray) plan = NULL;
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_dunning_task_free);

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  info = factures_store_pay_load_doc (self, document_id, error);
  if (info == NULL)
    return NULL;
  if (!factures_store_pay_is_payable (info))
    {
      factures_store_pay_invalid (error, _("Dunning: only issued invoices and deposit invoices have a dunning plan."));
      return NULL;
    }
  plan = plan_for (self, info, today, NULL, &runs, error);
  if (plan == NULL)
    return NULL;
  for (guint s = 0; s < plan->len; s++)
    {
      const FacturesPlannedStep *step = &g_array_index (plan, FacturesPlannedStep, s);
      g_ptr_array_add (tasks, task_new (info, find_run (runs, step->instalment), step, today));
    }
  return g_steal_pointer (&tasks);
}

static gboolean
record_step (FacturesStore  *self,
             gint64          document_id,
             gint            instalment,
             const char     *step_key,
             const GDate    *date,
             const char     *note,
             gboolean        skipped,
             GError        **error)
{
  g_autoptr(DocInfo) info = NULL;
  g_autoptr(FacturesDunningLadder) ladder = NULL;
  g_autoptr(GArray) runs = NULL;
  g_autoptr(GArray) plan = NULL;
  g_autofree char *clean_note = NULL;
  const FacturesPlannedStep *found = NULL;
  GDate today;

  if (date == NULL || !g_date_valid (date))
    return factures_store_pay_invalid (error, _("Date: the date is missing or invalid."));
  clean_note = factures_text_clean (note, _("Note"), FACTURES_MAX_NOTES, FALSE, error);
  if (clean_note == NULL)
    return FALSE;
  factures_today (&today);
  if (!factures_store_begin (self, error))
    return FALSE;
  info = factures_store_pay_load_doc (self, document_id, error);
  if (info == NULL)
    goto fail;
  if (!factures_store_pay_is_payable (info))
    {
      factures_store_pay_invalid (error, _("Dunning: only issued invoices and deposit invoices have a dunning plan."));
      goto fail;
    }
  plan = plan_for (self, info, date, &ladder, &runs, error);
  if (plan == NULL)
    goto fail;
  if (find_run (runs, instalment) == NULL)
    {
      factures_store_pay_invalid (error, _("Dunning: invoice %s has no instalment %d."), info->number, instalment);
      goto fail;
    }
  for (guint s = 0; s < plan->len; s++)
    {
      const FacturesPlannedStep *step = &g_array_index (plan, FacturesPlannedStep, s);

      if (step->instalment != instalment)
        continue;
      if (g_strcmp0 (step->step_key, step_key) == 0)
        {
          found = step;
          break;
        }
      /* steps run in order: every earlier step of the run is done or skipped first */
      if (step->state != FACTURES_STEP_STATE_DONE && step->state != FACTURES_STEP_STATE_SKIPPED &&
          !skipped)
        {
          factures_store_pay_invalid (error, _("Dunning step %s: the earlier step %s is neither done nor skipped."),
                   step_key, step->step_key);
          goto fail;
        }
    }
  if (found == NULL)
    {
      factures_store_pay_invalid (error, _("Dunning step %s: not in the ladder of this client's category."), step_key);
      goto fail;
    }
  if (!skipped)
    {
      gint64 same_day = 0;
      g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self,
                                                             "SELECT count(*) FROM dunning_events WHERE document_id = ?1 "
                                                             "AND state = 'done' AND date = ?2", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, document_id);
      factures_sql_bind_date (stmt, 2, date);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          factures_store_set_db_error (self, error);
          goto fail;
        }
      same_day = sqlite3_column_int64 (stmt, 0);
      if (same_day > 0)
        {
          factures_store_pay_invalid (error, _("Dunning step %s: another step was already done on this invoice that day; "
                            "never two on the same day."), step_key);
          goto fail;
        }
    }
  if (!insert_event (self, document_id, instalment, step_key, found->channel, found->template_id, skipped,
                     skipped && g_date_valid (&found->date) && g_date_compare (&found->date, date) < 0 ? &found->date : date,
                     &today, clean_note, error))
    goto fail;
  if (!factures_store_commit (self, error))
    goto fail;
  factures_store_emit_changed (self);
  return TRUE;

fail:
  factures_store_rollback (self);
  return FALSE;
}

gboolean
factures_store_perform_step (FacturesStore  *self,
                             gint64          document_id,
                             gint            instalment,
                             const char     *step_key,
                             const GDate    *date,
                             const char     *note,
                             GError        **error)
{
  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  return record_step (self, document_id, instalment, step_key, date, note, FALSE, error);
}

gboolean
factures_store_skip_step (FacturesStore  *self,
                          gint64          document_id,
                          gint            instalment,
                          const char     *step_key,
                          const GDate    *date,
                          const char     *note,
                          GError        **error)
{
  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  return record_step (self, document_id, instalment, step_key, date, note, TRUE, error);
}

gboolean
factures_store_set_step_note (FacturesStore  *self,
                              gint64          document_id,
                              gint            instalment,
                              const char     *step_key,
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
  stmt = factures_store_prepare (self, "UPDATE dunning_events SET note = ?4 WHERE document_id = ?1 "
                                       "AND instalment = ?2 AND step_key = ?3", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int (stmt, 2, instalment);
  factures_sql_bind_text (stmt, 3, step_key);
  factures_sql_bind_text (stmt, 4, *clean ? clean : NULL);
  if (!factures_store_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (factures_store_get_db (self)) == 0)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND,
                   _("Dunning step %s: nothing recorded yet."), step_key);
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

char *
factures_store_get_last_step_note (FacturesStore          *self,
                                   gint64                  document_id,
                                   FacturesDunningChannel  channel,
                                   GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  stmt = factures_store_prepare (self, "SELECT note FROM dunning_events WHERE document_id = ?1 "
                                       "AND channel = ?2 AND state = 'done' "
                                       "ORDER BY date DESC, id DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  factures_sql_bind_text (stmt, 2, factures_dunning_channel_to_string (channel));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return factures_sql_col_dup (stmt, 0);
  if (rc != SQLITE_DONE)
    factures_store_set_db_error (self, error);
  return NULL;
}

static gboolean
insert_simple (FacturesStore  *self,
               const char     *sql,
               gint64          document_id,
               const GDate    *date1,
               const GDate    *date2,
               const char     *note,
               GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  factures_sql_bind_date (stmt, 2, date1);
  factures_sql_bind_date (stmt, 3, date2);
  factures_sql_bind_text (stmt, 4, note != NULL && *note != '\0' ? note : NULL);
  return factures_store_step_done (self, stmt, error);
}

gboolean
factures_store_pay_check_open_invoice (FacturesStore  *self,
                                       gint64          document_id,
                                       GError        **error)
{
  g_autoptr(DocInfo) info = factures_store_pay_load_doc (self, document_id, error);

  if (info == NULL)
    return FALSE;
  if (!factures_store_pay_is_payable (info))
    return factures_store_pay_invalid (error, _("Invoice: only issued invoices and deposit invoices can be followed up."));
  return TRUE;
}

gboolean
factures_store_add_promise (FacturesStore  *self,
                            gint64          document_id,
                            const GDate    *promise_date,
                            const GDate    *today,
                            const char     *note,
                            GError        **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  if (promise_date == NULL || !g_date_valid (promise_date))
    return factures_store_pay_invalid (error, _("Promised date: the date is missing or invalid."));
  if (g_date_compare (promise_date, today) < 0)
    return factures_store_pay_invalid (error, _("Promised date: a promise to pay cannot be dated in the past."));
  clean = factures_text_clean (note, _("Note"), FACTURES_MAX_NOTES, FALSE, error);
  if (clean == NULL)
    return FALSE;
  if (!factures_store_begin (self, error))
    return FALSE;
  if (!factures_store_pay_check_open_invoice (self, document_id, error) ||
      !insert_simple (self, "INSERT INTO payment_promises (document_id, date, recorded, note) VALUES (?1, ?2, ?3, ?4)",
                      document_id, promise_date, today, clean, error) ||
      !factures_store_commit (self, error))
    {
      factures_store_rollback (self);
      return FALSE;
    }
  factures_store_emit_changed (self);
  return TRUE;
}

gboolean
factures_store_set_dispute (FacturesStore  *self,
                            gint64          document_id,
                            gboolean        disputed,
                            const char     *note,
                            const GDate    *date,
                            GError        **error)
{
  g_autofree char *clean = NULL;
  gboolean open = FALSE;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  if (date == NULL || !g_date_valid (date))
    return factures_store_pay_invalid (error, _("Date: the date is missing or invalid."));
  clean = factures_text_clean (note, _("Note"), FACTURES_MAX_NOTES, FALSE, error);
  if (clean == NULL)
    return FALSE;
  if (!factures_store_begin (self, error))
    return FALSE;
  if (!factures_store_pay_check_open_invoice (self, document_id, error) ||
      !factures_store_get_dispute (self, document_id, &open, error))
    goto fail;
  if (disputed && !open)
    {
      if (!insert_simple (self, "INSERT INTO disputes (document_id, opened, closed, note) VALUES (?1, ?2, ?3, ?4)",
                          document_id, date, NULL, clean, error))
        goto fail;
    }
  else if (!disputed && open)
    {
      g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self,
                                                             "UPDATE disputes SET closed = ?2, note = coalesce (note || '\n', '') || coalesce (?3, '') "
                                                             "WHERE document_id = ?1 AND closed IS NULL", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, document_id);
      factures_sql_bind_date (stmt, 2, date);
      factures_sql_bind_text (stmt, 3, *clean ? clean : NULL);
      if (!factures_store_step_done (self, stmt, error))
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

/* ---- the next step kept in the summary (migration 0012, issue 12) ---- */

typedef struct {
  char    *key;       /* NULL: no step left */
  GDate    date;
  gint     runs;
  gboolean missed;    /* a pre-due step neither done nor skipped */
} NextStep;

static void
next_step_clear (NextStep *next)
{
  g_clear_pointer (&next->key, g_free);
}

/* The next step of @info as 0012-next-step.sql defines it: factures_dunning_plan_invoice()'s
 * rule without a "today": per run (not stopped), the first step neither done nor skipped once
 * the pre-due steps not done are skipped at their planned date (what catch-up records after
 * the due date), moved after a promise to pay; the earliest over the runs (first run on a tie).
 * For an invoice with one run and a due date passed this is the plan's pending step for any
 * later day: a step done today on the run puts the next one after today already. */
static gboolean
next_step_compute (FacturesStore  *self,
                   const DocInfo  *info,
                   NextStep       *out,
                   GError        **error)
{
  g_autoptr(FacturesDunningLadder) ladder = NULL;
  g_autoptr(GArray) runs = NULL;
  gboolean disputed = FALSE;
  GDate promise;

  memset (out, 0, sizeof *out);
  out->runs = 1;
  g_date_clear (&out->date, 1);
  if (!factures_store_pay_is_payable (info) || factures_store_pay_doc_balance (info) <= 0)
    return TRUE;
  ladder = factures_store_get_ladder (self, factures_store_pay_doc_category (info), error);
  if (ladder == NULL)
    return FALSE;
  runs = factures_store_pay_load_runs (self, info, error);
  if (runs == NULL)
    return FALSE;
  out->runs = (gint) runs->len;
  if (!factures_store_get_promise (self, info->id, &promise, error) ||
      !factures_store_get_dispute (self, info->id, &disputed, error))
    return FALSE;
  if (disputed)
    return TRUE;
  for (guint r = 0; r < runs->len; r++)
    {
      const RunInfo *run = &g_array_index (runs, RunInfo, r);
      g_autoptr(GArray) events = NULL;
      gint prev_offset = 0;
      gboolean prev_done = FALSE;
      GDate ref, prev_done_date;

      if (run->balance <= 0)
        continue;
      events = load_events (self, info->id, run->instalment, error);
      if (events == NULL)
        return FALSE;
      g_date_clear (&ref, 1);
      g_date_clear (&prev_done_date, 1);
      for (guint i = 0; i < ladder->steps->len; i++)
        {
          const FacturesDunningStep *step = g_ptr_array_index (ladder->steps, i);
          g_autofree char *key = factures_dunning_step_key (step);
          const FacturesDunningEvent *ev = NULL;
          GDate planned = run->due_date;

          if (step->offset_days >= 0)
            g_date_add_days (&planned, (guint) step->offset_days);
          else
            g_date_subtract_days (&planned, (guint) -step->offset_days);
          if (i > 0)
            {
              GDate spaced = ref;
              gint gap = step->offset_days - prev_offset;

              if (gap >= 0)
                g_date_add_days (&spaced, (guint) gap);
              if (g_date_compare (&spaced, &planned) > 0)
                planned = spaced;
              if (prev_done)
                {
                  GDate next_day = prev_done_date;

                  g_date_add_days (&next_day, 1);
                  if (g_date_compare (&next_day, &planned) > 0)
                    planned = next_day;
                }
            }
          for (guint e = 0; e < events->len && ev == NULL; e++)
            if (g_strcmp0 (g_array_index (events, FacturesDunningEvent, e).step_key, key) == 0)
              ev = &g_array_index (events, FacturesDunningEvent, e);
          if (ev != NULL)
            {
              prev_done = !ev->skipped;
              prev_done_date = ev->date;
              ref = ev->date;
            }
          else if (step->offset_days < 0)
            {
              /* skipped at its planned date once the due date has passed */
              out->missed = TRUE;
              prev_done = FALSE;
              ref = planned;
            }
          else
            {
              if (g_date_valid (&promise) && g_date_compare (&planned, &promise) <= 0)
                {
                  planned = promise;
                  g_date_add_days (&planned, 1);
                }
              if (out->key == NULL || g_date_compare (&planned, &out->date) < 0)
                {
                  g_free (out->key);
                  out->key = g_steal_pointer (&key);
                  out->date = planned;
                }
              break;
            }
          prev_offset = step->offset_days;
        }
    }
  return TRUE;
}

/**
 * factures_store_next_steps_refresh:
 *
 * Recomputes the next step of every summary row its triggers marked stale (migration 0012),
 * inside the caller's write transaction; factures_store_commit() calls it before COMMIT, so
 * the step is maintained in the transaction that moves it. A row unchanged costs one lookup
 * of an empty partial index.
 */
gboolean
factures_store_next_steps_refresh (FacturesStore  *self,
                                   GError        **error)
{
  /* INDEXED BY: left to itself SQLite's planner scans the whole table (issue 12) */
  g_autoptr(GArray) ids = factures_store_select_ids (self, "SELECT document_id FROM document_summary "
                                            "INDEXED BY document_summary_stale "
                                            "WHERE next_step_stale = 1", error);

  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(DocInfo) info = factures_store_pay_load_doc (self, id, error);
      g_autoptr(FacturesCachedStmt) update = NULL;
      NextStep next;

      if (info == NULL || !next_step_compute (self, info, &next, error))
        return FALSE;
      update = factures_store_prepare_cached (self,
                                              "UPDATE document_summary SET next_step_key = ?2, next_step_date = ?3, "
                                              "next_step_runs = ?4, next_step_missed = ?5, next_step_stale = 0 "
                                              "WHERE document_id = ?1", error);
      if (update == NULL)
        {
          next_step_clear (&next);
          return FALSE;
        }
      sqlite3_bind_int64 (update, 1, id);
      factures_sql_bind_text (update, 2, next.key);
      factures_sql_bind_date (update, 3, next.key != NULL ? &next.date : NULL);
      sqlite3_bind_int (update, 4, next.runs);
      sqlite3_bind_int (update, 5, next.missed);
      next_step_clear (&next);
      if (!factures_store_step_done (self, update, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * factures_store_verify_next_steps:
 * @error: FACTURES_ERROR_INTEGRITY naming the first invoice whose stored next step differs
 *
 * --verify: the next step of every open invoice (balance > 0) against its recomputation from
 * the ladder, the runs, the events, the promise and the dispute; a closed one must have none.
 */
gboolean
factures_store_verify_next_steps (FacturesStore  *self,
                                  GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = factures_store_prepare (self,
                                 "SELECT s.document_id, coalesce (d.number, s.document_id), s.balance, "
                                 "s.next_step_key, s.next_step_date, s.next_step_runs, s.next_step_missed, "
                                 "s.next_step_stale FROM document_summary s "
                                 "LEFT JOIN documents d ON d.id = s.document_id "
                                 "WHERE s.balance > 0 OR s.next_step_key IS NOT NULL OR s.next_step_date IS NOT NULL "
                                 "OR s.next_step_runs <> 1 OR s.next_step_missed <> 0 OR s.next_step_stale <> 0 "
                                 "ORDER BY s.document_id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(DocInfo) info = factures_store_pay_load_doc (self, sqlite3_column_int64 (stmt, 0), error);
      g_autofree char *date = NULL;
      NextStep next;
      gboolean same;

      if (info == NULL || !next_step_compute (self, info, &next, error))
        return FALSE;
      date = next.key != NULL ? factures_date_format_iso (&next.date) : NULL;
      same = g_strcmp0 (next.key, (const char *) sqlite3_column_text (stmt, 3)) == 0 &&
             g_strcmp0 (date, (const char *) sqlite3_column_text (stmt, 4)) == 0 &&
             next.runs == sqlite3_column_int (stmt, 5) &&
             (next.missed ? 1 : 0) == sqlite3_column_int (stmt, 6) &&
             sqlite3_column_int (stmt, 7) == 0;
      next_step_clear (&next);
      if (!same)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY,
                       _("Document %s: its stored next dunning step differs from the one its dunning plan gives."),
                       (const char *) sqlite3_column_text (stmt, 1));
          return FALSE;
        }
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* The pending step the plan of @info shows first for @today (due, planned or paused), the
 * earliest over its runs: what the summary's next step is for an invoice it cannot answer
 * for alone (several runs, a stale row of a read-only open). */
static gboolean
next_step_planned (FacturesStore  *self,
                   const DocInfo  *info,
                   const GDate    *today,
                   NextStep       *out,
                   GError        **error)
{
  g_autoptr(GArray) plan = plan_for (self, info, today, NULL, NULL, error);
  const FacturesPlannedStep *next = NULL;

  memset (out, 0, sizeof *out);
  if (plan == NULL)
    return FALSE;
  for (guint i = 0; i < plan->len; i++)
    {
      const FacturesPlannedStep *step = &g_array_index (plan, FacturesPlannedStep, i);

      if (step->state != FACTURES_STEP_STATE_DUE && step->state != FACTURES_STEP_STATE_PLANNED &&
          step->state != FACTURES_STEP_STATE_PAUSED)
        continue;
      if (next == NULL || g_date_compare (&step->date, &next->date) < 0)
        next = step;
      /* later steps of this run come after this one */
      while (i + 1 < plan->len && g_array_index (plan, FacturesPlannedStep, i + 1).instalment == step->instalment)
        i++;
    }
  if (next != NULL)
    {
      out->key = g_strdup (next->step_key);
      out->date = next->date;
    }
  return TRUE;
}

/**
 * factures_store_foreach_overdue:
 * @today: the day to count from
 * @func: called for each overdue invoice (issued invoice or deposit invoice, balance > 0, due
 *   date before @today), oldest due date first (ties by id); the line's strings are valid
 *   during the call only
 *
 * What `--list-overdue` prints, read in one query over the summary with the next dunning step
 * kept there (migration 0012); only an invoice with an instalment plan (or a row not yet
 * recomputed, in a read-only open) is planned in full.
 */
gboolean
factures_store_foreach_overdue (FacturesStore        *self,
                                const GDate          *today,
                                FacturesOverdueFunc   func,
                                gpointer              user_data,
                                GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  stmt = factures_store_prepare (self,
                                 "SELECT d.id, d.number, d.client_name, d.due_date, "
                                 "CAST (julianday (?1) - julianday (d.due_date) AS INTEGER), s.balance, "
                                 "s.next_step_key, s.next_step_date, (s.next_step_runs > 1 OR s.next_step_stale), "
                                 "coalesce (d.currency, 'EUR') "
                                 "FROM document_summary s JOIN documents d ON d.id = s.document_id "
                                 "WHERE s.balance > 0 AND s.due_date < ?1 "
                                 "ORDER BY s.due_date, s.document_id", error);
  if (stmt == NULL)
    return FALSE;
  factures_sql_bind_date (stmt, 1, today);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FacturesOverdueLine line = { 0 };
      g_autofree char *planned_date = NULL;
      NextStep planned = { 0 };

      line.document_id = sqlite3_column_int64 (stmt, 0);
      line.number = (const char *) sqlite3_column_text (stmt, 1);
      line.client_name = (const char *) sqlite3_column_text (stmt, 2);
      line.due_date = (const char *) sqlite3_column_text (stmt, 3);
      line.days_late = sqlite3_column_int (stmt, 4);
      line.balance = sqlite3_column_int64 (stmt, 5);
      line.next_step_key = (const char *) sqlite3_column_text (stmt, 6);
      line.next_step_date = (const char *) sqlite3_column_text (stmt, 7);
      line.currency = (const char *) sqlite3_column_text (stmt, 9);
      if (sqlite3_column_int (stmt, 8))
        {
          g_autoptr(DocInfo) info = factures_store_pay_load_doc (self, line.document_id, error);

          if (info == NULL || !next_step_planned (self, info, today, &planned, error))
            return FALSE;
          planned_date = planned.key != NULL ? factures_date_format_iso (&planned.date) : NULL;
          line.next_step_key = planned.key;
          line.next_step_date = planned_date;
        }
      func (&line, user_data);
      next_step_clear (&planned);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}
