/* factures-store-recurring.c — recurring invoices, catalogue and client history
 * (issue 3 items 4, 8, 10), on the tables of 0003-recurring-catalogue.sql
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "factures-store-private.h"
#include "factures-store-lifecycle-private.h"
#include "factures-store-payments-private.h"
#include "factures-rows.h"
#include "factures-store-recurring.h"
#include "factures-currency.h"
#include "factures-store-recurring-private.h"


static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID, message);
  return FALSE;
}

/* Replaces *@text by its cleaned form (NULL when empty and optional). */
static gboolean
clean_text (char       **text,
            const char  *field,
            gsize        max,
            gboolean     required,
            GError     **error)
{
  char *clean = factures_text_clean (*text, field, max, required, error);

  if (clean == NULL)
    return FALSE;
  g_free (*text);
  if (*clean == '\0' && !required)
    {
      g_free (clean);
      clean = NULL;
    }
  *text = clean;
  return TRUE;
}

static gboolean
rate_is_valid (gint rate_bp)
{
  return rate_bp >= 0 && rate_bp <= FACTURES_RATE_ONE;
}

/* ---- recurring templates ---- */

static gboolean
clean_recurring (FacturesStore      *self,
                 FacturesRecurring  *r,
                 GError            **error)
{
  g_autoptr(FacturesClient) client = NULL;
  g_auto(FacturesTotals) totals = { NULL, };
  GError *local = NULL;

  if (r->client_id == 0)
    return invalid (error, _("Client: choose the client to invoice."));
  client = factures_store_get_client (self, r->client_id, &local);
  if (client == NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (!factures_period_is_valid (r->period))
    return invalid (error, _("Period: choose monthly, quarterly or yearly."));
  if (!g_date_valid (&r->start_date))
    return invalid (error, _("First invoice: enter a date."));
  if (!g_date_valid (&r->next_date))
    r->next_date = r->start_date;
  if (g_date_compare (&r->next_date, &r->start_date) < 0)
    return invalid (error, _("Next invoice: the date cannot be before the first invoice."));
  if (g_date_valid (&r->end_date) && g_date_compare (&r->end_date, &r->start_date) < 0)
    return invalid (error, _("End: the date cannot be before the first invoice."));
  if (r->allowance < 0)
    return invalid (error, _("Discount: the amount cannot be negative."));
  /* the currency, as the editor takes it (factures_store_save_draft()): "EUR" is none */
  {
    char *code = factures_currency_normalise (r->currency);

    g_free (r->currency);
    r->currency = code;
    if (!factures_currency_check (r->currency, error))
      return FALSE;
  }
  if (!clean_text (&r->notes, _("Notes"), FACTURES_MAX_NOTES, FALSE, error))
    return FALSE;
  if (r->lines == NULL || r->lines->len == 0)
    return invalid (error, _("Lines: a recurring invoice needs at least one line."));

  for (guint i = 0; i < r->lines->len; i++)
    {
      FacturesLine *line = g_ptr_array_index (r->lines, i);

      if (!clean_text (&line->description, _("Description"), FACTURES_MAX_DESCRIPTION, TRUE, error) ||
          !clean_text (&line->unit, _("Unit"), FACTURES_MAX_SHORT, FALSE, error))
        return FALSE;
      if (line->quantity == 0)
        return invalid (error, _("Quantity: enter a quantity other than 0."));
      if (line->quantity > FACTURES_QUANTITY_MAX || line->quantity < -FACTURES_QUANTITY_MAX)
        return invalid (error, _("Quantity: the quantity is too large (at most 1 000 000 000)."));
      if (line->unit_price < 0)
        return invalid (error, _("Unit price: the price cannot be negative."));
      if (!rate_is_valid (line->vat_rate_bp))
        return invalid (error, _("VAT rate: the rate is not valid."));
      if (line->allowance < 0)
        return invalid (error, _("Discount: the amount cannot be negative."));
      /* Fifth trial, finding 11: the core's upper bound of a unit price, discount, line. */
      if (!factures_line_amounts_check (line->quantity, line->unit_price, line->allowance, error))
        return FALSE;
    }
  /* Figures that would overflow are refused now rather than at each run. */
  if (!factures_totals_compute (r->lines, r->allowance, FALSE, &totals, error))
    return FALSE;
  /* A discount is at most what it reduces (as for drafts). */
  for (guint i = 0; i < r->lines->len; i++)
    if (((FacturesLine *) g_ptr_array_index (r->lines, i))->allowance > 0 &&
        g_array_index (totals.line_nets, gint64, i) < 0)
      return invalid (error, _("Discount: the discount is larger than the line’s amount."));
  if (r->allowance > 0 && totals.net_total < 0)
    return invalid (error, _("Discount: the discount is larger than the sum of the lines."));
  return TRUE;
}

gboolean
factures_store_recurring_clean (FacturesStore      *self,
                                FacturesRecurring  *recurring,
                                GError            **error)
{
  return clean_recurring (self, recurring, error);
}

static gboolean
write_recurring_lines (FacturesStore      *self,
                       FacturesRecurring  *r,
                       GError            **error)
{
  g_autoptr(sqlite3_stmt) del = NULL;
  g_autoptr(sqlite3_stmt) ins = NULL;

  del = factures_store_prepare (self, "DELETE FROM recurring_lines WHERE template_id = ?1", error);
  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, r->id);
  if (!factures_store_step_done (self, del, error))
    return FALSE;

  ins = factures_store_prepare (self,
                                "INSERT INTO recurring_lines (template_id, position, description, "
                                "quantity, unit, unit_price, vat_rate_bp, allowance, activity, "
                                "vat_category, vatex, exemption_reason, override_reason) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                                error);
  if (ins == NULL)
    return FALSE;
  for (guint i = 0; i < r->lines->len; i++)
    {
      const FacturesLine *line = g_ptr_array_index (r->lines, i);

      sqlite3_reset (ins);
      sqlite3_bind_int64 (ins, 1, r->id);
      sqlite3_bind_int (ins, 2, (int) i + 1);
      factures_sql_bind_text (ins, 3, line->description);
      sqlite3_bind_int64 (ins, 4, line->quantity);
      factures_sql_bind_text (ins, 5, line->unit);
      sqlite3_bind_int64 (ins, 6, line->unit_price);
      sqlite3_bind_int (ins, 7, line->vat_rate_bp);
      sqlite3_bind_int64 (ins, 8, line->allowance);
      /* Issue 13 (migration 0013). */
      sqlite3_bind_int (ins, 9, line->activity);
      factures_sql_bind_text (ins, 10, factures_vat_category_code (line->vat_category));
      factures_sql_bind_text (ins, 11, line->vatex);
      factures_sql_bind_text (ins, 12, line->exemption_reason);
      factures_sql_bind_text (ins, 13, line->override_reason);
      if (!factures_store_step_done (self, ins, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_recurring (FacturesStore      *self,
                 FacturesRecurring  *r,
                 GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean update = r->id != 0;

  if (update)
    stmt = factures_store_prepare (self,
                                   "UPDATE recurring_templates SET client_id = ?1, period = ?2, "
                                   "start_date = ?3, next_date = ?4, end_date = ?5, auto_issue = ?6, "
                                   "allowance = ?7, notes = ?8, currency = ?10 WHERE id = ?9",
                                   error);
  else
    stmt = factures_store_prepare (self,
                                   "INSERT INTO recurring_templates (client_id, period, start_date, "
                                   "next_date, end_date, auto_issue, allowance, notes, currency) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?10)",
                                   error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, r->client_id);
  sqlite3_bind_int (stmt, 2, r->period);
  factures_sql_bind_date (stmt, 3, &r->start_date);
  factures_sql_bind_date (stmt, 4, &r->next_date);
  factures_sql_bind_date (stmt, 5, &r->end_date);
  sqlite3_bind_int (stmt, 6, r->auto_issue ? 1 : 0);
  sqlite3_bind_int64 (stmt, 7, r->allowance);
  factures_sql_bind_text (stmt, 8, r->notes);
  if (update)
    sqlite3_bind_int64 (stmt, 9, r->id);
  factures_sql_bind_text (stmt, 10, r->currency);
  if (!factures_store_step_done (self, stmt, error))
    return FALSE;
  if (update && sqlite3_changes (factures_store_get_db (self)) == 0)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND,
                           _("This recurring invoice no longer exists."));
      return FALSE;
    }
  if (!update)
    r->id = sqlite3_last_insert_rowid (factures_store_get_db (self));
  return write_recurring_lines (self, r, error);
}

gboolean
factures_store_save_recurring (FacturesStore      *self,
                               FacturesRecurring  *recurring,
                               GError            **error)
{
  gint64 old_id;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (recurring != NULL, FALSE);

  if (!clean_recurring (self, recurring, error))
    return FALSE;
  old_id = recurring->id;
  if (!factures_store_begin (self, error))
    return FALSE;
  if (!write_recurring (self, recurring, error) || !factures_store_commit (self, error))
    {
      factures_store_rollback (self);
      recurring->id = old_id;
      return FALSE;
    }
  factures_store_emit_changed (self);
  return TRUE;
}

#define RECURRING_SELECT "SELECT t.id, t.client_id, c.name, t.period, t.start_date, t.next_date, " \
                         "t.end_date, t.auto_issue, t.allowance, t.notes, t.currency " \
                         "FROM recurring_templates t LEFT JOIN clients c ON c.id = t.client_id "

static gboolean
load_recurring_lines (FacturesStore      *self,
                      FacturesRecurring  *r,
                      GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = factures_store_prepare (self,
                                 "SELECT description, quantity, unit, unit_price, vat_rate_bp, "
                                 "allowance, activity, vat_category, vatex, exemption_reason, "
                                 "override_reason FROM recurring_lines WHERE template_id = ?1 "
                                 "ORDER BY position",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, r->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FacturesLine *line = factures_line_new ();

      line->description = factures_sql_col_dup (stmt, 0);
      line->quantity = sqlite3_column_int64 (stmt, 1);
      line->unit = factures_sql_col_dup (stmt, 2);
      line->unit_price = sqlite3_column_int64 (stmt, 3);
      line->vat_rate_bp = sqlite3_column_int (stmt, 4);
      line->allowance = sqlite3_column_int64 (stmt, 5);
      line->activity = sqlite3_column_int (stmt, 6);
      line->vat_category = factures_vat_category_from_code ((const char *) sqlite3_column_text (stmt, 7));
      line->vatex = factures_sql_col_dup (stmt, 8);
      line->exemption_reason = factures_sql_col_dup (stmt, 9);
      line->override_reason = factures_sql_col_dup (stmt, 10);
      g_ptr_array_add (r->lines, line);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static FacturesRecurring *
recurring_from_stmt (sqlite3_stmt *stmt)
{
  FacturesRecurring *r = factures_recurring_new ();

  r->id = sqlite3_column_int64 (stmt, 0);
  r->client_id = sqlite3_column_int64 (stmt, 1);
  r->client_name = factures_sql_col_dup (stmt, 2);
  r->period = (FacturesPeriod) sqlite3_column_int (stmt, 3);
  factures_sql_col_date (stmt, 4, &r->start_date);
  factures_sql_col_date (stmt, 5, &r->next_date);
  factures_sql_col_date (stmt, 6, &r->end_date);
  r->auto_issue = sqlite3_column_int (stmt, 7) != 0;
  r->allowance = sqlite3_column_int64 (stmt, 8);
  r->notes = factures_sql_col_dup (stmt, 9);
  r->currency = factures_sql_col_dup (stmt, 10);
  return r;
}

FacturesRecurring *
factures_store_get_recurring (FacturesStore  *self,
                              gint64          id,
                              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(FacturesRecurring) r = NULL;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  stmt = factures_store_prepare (self, RECURRING_SELECT "WHERE t.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND,
                           _("This recurring invoice no longer exists."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  r = recurring_from_stmt (stmt);
  if (!load_recurring_lines (self, r, error))
    return NULL;
  return g_steal_pointer (&r);
}

GPtrArray *
factures_store_list_recurring (FacturesStore  *self,
                               GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  stmt = factures_store_prepare (self, RECURRING_SELECT "ORDER BY t.next_date, t.id", error);
  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_recurring_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, recurring_from_stmt (stmt));
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  for (guint i = 0; i < list->len; i++)
    if (!load_recurring_lines (self, g_ptr_array_index (list, i), error))
      return NULL;
  return g_steal_pointer (&list);
}

gboolean
factures_store_delete_recurring (FacturesStore  *self,
                                 gint64          id,
                                 GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  if (!factures_store_begin (self, error))
    return FALSE;
  stmt = factures_store_prepare (self, "DELETE FROM recurring_templates WHERE id = ?1", error);
  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, id);
  if (stmt == NULL || !factures_store_step_done (self, stmt, error) ||
      !factures_store_commit (self, error))
    {
      factures_store_rollback (self);
      return FALSE;
    }
  factures_store_emit_changed (self);
  return TRUE;
}

gint64
factures_store_recurring_from_document (FacturesStore  *self,
                                        gint64          document_id,
                                        FacturesPeriod  period,
                                        const GDate    *start,
                                        const GDate    *end,
                                        gboolean        auto_issue,
                                        GError        **error)
{
  g_autoptr(FacturesDocument) document = NULL;
  g_autoptr(FacturesRecurring) r = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), 0);

  document = factures_store_get_document (self, document_id, error);
  if (document == NULL)
    return 0;
  r = factures_recurring_new ();
  r->client_id = document->client_id;
  r->period = period;
  if (start != NULL)
    r->start_date = *start;
  r->next_date = r->start_date;
  if (end != NULL)
    r->end_date = *end;
  r->auto_issue = auto_issue;
  r->allowance = document->allowance;
  r->notes = g_strdup (document->notes);
  r->currency = g_strdup (document->currency);   /* its invoices in the document's currency */
  for (guint i = 0; document->lines != NULL && i < document->lines->len; i++)
    g_ptr_array_add (r->lines, factures_line_copy (g_ptr_array_index (document->lines, i)));
  if (!factures_store_save_recurring (self, r, error))
    return 0;
  return r->id;
}

/* ---- running ---- */

/* Inside a transaction: the occurrence row and its draft. Returns the draft's
 * id, 0 when the occurrence already exists (nothing written), -1 on error. */
static gint64
create_occurrence (FacturesStore           *self,
                   const FacturesRecurring *r,
                   const GDate             *date,
                   const GDate             *today,
                   GError                 **error)
{
  g_autoptr(sqlite3_stmt) ins = NULL;
  g_autoptr(sqlite3_stmt) upd = NULL;
  g_autoptr(FacturesDocument) draft = NULL;
  int rc;

  ins = factures_store_prepare (self,
                                "INSERT OR IGNORE INTO recurring_occurrences (template_id, "
                                "occurrence_date, created_on, missed) VALUES (?1, ?2, ?3, ?4)",
                                error);
  if (ins == NULL)
    return -1;
  sqlite3_bind_int64 (ins, 1, r->id);
  factures_sql_bind_date (ins, 2, date);
  factures_sql_bind_date (ins, 3, today);
  sqlite3_bind_int (ins, 4, g_date_compare (date, today) < 0 ? 1 : 0);
  rc = sqlite3_step (ins);
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return -1;
    }
  if (sqlite3_changes (factures_store_get_db (self)) == 0)
    return 0;   /* already created: never twice */

  draft = factures_document_new (FACTURES_DOCUMENT_KIND_INVOICE);
  draft->issue_date = *date;
  draft->client_id = r->client_id;
  draft->allowance = r->allowance;
  draft->notes = g_strdup (r->notes);
  draft->currency = g_strdup (r->currency);
  for (guint i = 0; i < r->lines->len; i++)
    g_ptr_array_add (draft->lines, factures_line_copy (g_ptr_array_index (r->lines, i)));
  if (!factures_store_write_draft (self, draft, error))
    return -1;

  upd = factures_store_prepare (self,
                                "UPDATE recurring_occurrences SET document_id = ?1 "
                                "WHERE template_id = ?2 AND occurrence_date = ?3",
                                error);
  if (upd == NULL)
    return -1;
  sqlite3_bind_int64 (upd, 1, draft->id);
  sqlite3_bind_int64 (upd, 2, r->id);
  factures_sql_bind_date (upd, 3, date);
  if (!factures_store_step_done (self, upd, error))
    return -1;
  return draft->id;
}

static gboolean
set_next_date (FacturesStore           *self,
               const FacturesRecurring *r,
               const GDate             *next,
               GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = factures_store_prepare (self,
                                 "UPDATE recurring_templates SET next_date = ?1 WHERE id = ?2",
                                 error);
  if (stmt == NULL)
    return FALSE;
  factures_sql_bind_date (stmt, 1, next);
  sqlite3_bind_int64 (stmt, 2, r->id);
  return factures_store_step_done (self, stmt, error);
}

/* Inside the occurrence's transaction: why its automatic issue was refused. */
static gboolean
set_issue_error (FacturesStore           *self,
                 const FacturesRecurring *r,
                 const GDate             *date,
                 const char              *message,
                 GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = factures_store_prepare (self,
                                 "UPDATE recurring_occurrences SET issue_error = ?1, seen = 0 "
                                 "WHERE template_id = ?2 AND occurrence_date = ?3",
                                 error);
  if (stmt == NULL)
    return FALSE;
  factures_sql_bind_text (stmt, 1, message);
  sqlite3_bind_int64 (stmt, 2, r->id);
  factures_sql_bind_date (stmt, 3, date);
  return factures_store_step_done (self, stmt, error);
}

/* Inside the occurrence's transaction (issue 10 item 4: a process killed between the
 * occurrence and its issue used to leave a silent draft that no later run issued): the
 * automatic issue under a savepoint. Returns 1 issued, 0 refused (the draft stays, the
 * reason is kept on the occurrence), -1 on a database error. */
static int
auto_issue (FacturesStore           *self,
            const FacturesRecurring *r,
            const GDate             *date,
            gint64                   draft_id,
            FacturesRenderFunc       render,
            gpointer                 user_data,
            GError                 **error)
{
  g_autoptr(FacturesDocument) issued = NULL;
  g_autoptr(GError) refused = NULL;

  if (!factures_store_exec (self, "SAVEPOINT auto_issue", error))
    return -1;
  issued = factures_store_issue_in_transaction (self, draft_id, render, user_data, &refused);
  if (issued != NULL)
    return factures_store_exec (self, "RELEASE auto_issue", error) ? 1 : -1;
  if (!factures_store_exec (self, "ROLLBACK TO auto_issue", error) ||
      !factures_store_exec (self, "RELEASE auto_issue", error) ||
      !set_issue_error (self, r, date, refused->message, error))
    return -1;
  return 0;
}

gboolean
factures_store_run_recurring (FacturesStore         *self,
                              const GDate           *today,
                              FacturesRenderFunc     render,
                              gpointer               user_data,
                              FacturesRecurringRun  *out,
                              GError               **error)
{
  g_autoptr(GPtrArray) templates = NULL;
  FacturesRecurringRun run = { 0, };
  gboolean changed = FALSE;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  templates = factures_store_list_recurring (self, error);
  if (templates == NULL)
    return FALSE;

  for (guint t = 0; t < templates->len; t++)
    {
      FacturesRecurring *listed = g_ptr_array_index (templates, t);
      g_autoptr(GArray) dates = factures_recurring_due_dates (listed, today);

      for (guint i = 0; i < dates->len; i++)
        {
          const GDate *date = &g_array_index (dates, GDate, i);
          g_autoptr(FacturesRecurring) r = NULL;
          GError *local = NULL;
          GDate next;
          gint64 draft_id;
          int issued;

          /* One transaction per occurrence; the template is read again inside
           * it, so a concurrent run that got there first is seen. */
          if (!factures_store_begin (self, error))
            return FALSE;
          r = factures_store_get_recurring (self, listed->id, &local);
          if (r == NULL || g_date_compare (&r->next_date, date) > 0)
            {
              factures_store_rollback (self);
              if (local != NULL && !g_error_matches (local, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND))
                {
                  g_propagate_error (error, local);
                  return FALSE;
                }
              g_clear_error (&local);
              break;
            }
          factures_recurrence_after (&r->start_date, r->period, date, &next);
          draft_id = create_occurrence (self, r, date, today, &local);
          issued = -2;   /* not tried */
          /* An occurrence dated today of an automatic template is issued in the same
           * transaction; a missed one (dated before today) stays a draft. */
          if (draft_id > 0 && r->auto_issue && render != NULL && g_date_compare (date, today) >= 0)
            issued = auto_issue (self, r, date, draft_id, render, user_data, &local);
          if (draft_id < 0 || issued == -1 || !set_next_date (self, r, &next, &local) ||
              !factures_store_commit (self, &local))
            {
              factures_store_rollback (self);
              /* A template whose draft cannot be written (e.g. its client's data
               * became invalid) must not stop the others: skip it this time. */
              if (g_error_matches (local, FACTURES_ERROR, FACTURES_ERROR_DATABASE))
                {
                  g_propagate_error (error, local);
                  return FALSE;
                }
              g_warning ("recurring invoice %" G_GINT64_FORMAT ": %s", r->id, local->message);
              g_clear_error (&local);
              break;
            }
          changed = TRUE;
          if (draft_id == 0)
            continue;
          run.created++;
          if (g_date_compare (date, today) < 0)
            run.missed++;
          else if (issued == 1)
            run.issued++;
          else if (issued == 0)
            run.failed++;
        }
    }

  if (changed)
    factures_store_emit_changed (self);
  if (out != NULL)
    *out = run;
  return TRUE;
}

void
factures_occurrence_free (FacturesOccurrence *occurrence)
{
  if (occurrence == NULL)
    return;
  g_free (occurrence->client_name);
  g_free (occurrence->issue_error);
  g_free (occurrence->number);
  g_free (occurrence);
}

static GPtrArray *
list_occurrences (FacturesStore  *self,
                  gboolean        unseen,
                  GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  stmt = factures_store_prepare (self,
                                 unseen
                                 ? "SELECT o.template_id, o.occurrence_date, o.document_id, c.name, "
                                   "o.issue_error, NULL FROM recurring_occurrences o "
                                   "JOIN recurring_templates t ON t.id = o.template_id "
                                   "LEFT JOIN clients c ON c.id = t.client_id "
                                   "WHERE o.seen = 0 AND (o.missed = 1 OR o.issue_error IS NOT NULL) "
                                   "ORDER BY o.occurrence_date, o.template_id"
                                 : "SELECT o.template_id, o.occurrence_date, o.document_id, c.name, "
                                   "o.issue_error, d.number FROM recurring_occurrences o "
                                   "JOIN recurring_templates t ON t.id = o.template_id "
                                   "LEFT JOIN clients c ON c.id = t.client_id "
                                   "LEFT JOIN documents d ON d.id = o.document_id AND d.status = 1 "
                                   "ORDER BY o.occurrence_date, o.template_id",
                                 error);
  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_occurrence_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FacturesOccurrence *o = g_new0 (FacturesOccurrence, 1);

      o->template_id = sqlite3_column_int64 (stmt, 0);
      factures_sql_col_date (stmt, 1, &o->date);
      o->document_id = sqlite3_column_int64 (stmt, 2);
      o->client_name = factures_sql_col_dup (stmt, 3);
      o->issue_error = factures_sql_col_dup (stmt, 4);
      o->number = factures_sql_col_dup (stmt, 5);
      g_ptr_array_add (list, o);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
factures_store_list_unseen_occurrences (FacturesStore  *self,
                                        GError        **error)
{
  return list_occurrences (self, TRUE, error);
}

/**
 * factures_store_list_occurrences:
 * (see factures-store-recurring.h)
 */
GPtrArray *
factures_store_list_occurrences (FacturesStore  *self,
                                 GError        **error)
{
  return list_occurrences (self, FALSE, error);
}

gboolean
factures_store_mark_occurrences_seen (FacturesStore  *self,
                                      GError        **error)
{
  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  if (!factures_store_begin (self, error))
    return FALSE;
  if (!factures_store_exec (self, "UPDATE recurring_occurrences SET seen = 1 WHERE seen = 0", error) ||
      !factures_store_commit (self, error))
    {
      factures_store_rollback (self);
      return FALSE;
    }
  factures_store_emit_changed (self);
  return TRUE;
}

/* ---- catalogue ---- */

static gboolean
clean_item (FacturesCatalogueItem  *item,
            GError                **error)
{
  if (!clean_text (&item->name, _("Name"), FACTURES_MAX_NAME, TRUE, error) ||
      !clean_text (&item->description, _("Description"), FACTURES_MAX_DESCRIPTION, FALSE, error) ||
      !clean_text (&item->unit, _("Unit"), FACTURES_MAX_SHORT, FALSE, error))
    return FALSE;
  if (item->unit_price < 0)
    return invalid (error, _("Unit price: the price cannot be negative."));
  if (!rate_is_valid (item->vat_rate_bp))
    return invalid (error, _("VAT rate: the rate is not valid."));
  return TRUE;
}

gboolean
factures_store_catalogue_item_clean (FacturesCatalogueItem  *item,
                                     GError                **error)
{
  return clean_item (item, error);
}

gboolean
factures_store_save_catalogue_item (FacturesStore          *self,
                                    FacturesCatalogueItem  *item,
                                    GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean update;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  if (!clean_item (item, error))
    return FALSE;
  if ((guint) item->activity > FACTURES_LINE_ACTIVITY_LAST)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Activity: unknown activity."));
      return FALSE;
    }
  update = item->id != 0;
  if (!factures_store_begin (self, error))
    return FALSE;
  if (update)
    stmt = factures_store_prepare (self,
                                   "UPDATE catalogue_items SET name = ?1, description = ?2, unit = ?3, "
                                   "unit_price = ?4, vat_rate_bp = ?5, is_goods = ?6, "
                                   "name_key = factures_fold (?1), search_key = factures_fold "
                                   "(?1 || ' ' || coalesce (?2, '') || ' ' || coalesce (?3, '')) "
                                   "WHERE id = ?7",
                                   error);
  else
    stmt = factures_store_prepare (self,
                                   "INSERT INTO catalogue_items (name, description, unit, unit_price, "
                                   "vat_rate_bp, is_goods, name_key, search_key) VALUES (?1, ?2, ?3, "
                                   "?4, ?5, ?6, factures_fold (?1), factures_fold "
                                   "(?1 || ' ' || coalesce (?2, '') || ' ' || coalesce (?3, '')))",
                                   error);
  if (stmt != NULL)
    {
      factures_sql_bind_text (stmt, 1, item->name);
      factures_sql_bind_text (stmt, 2, item->description);
      factures_sql_bind_text (stmt, 3, item->unit);
      sqlite3_bind_int64 (stmt, 4, item->unit_price);
      sqlite3_bind_int (stmt, 5, item->vat_rate_bp);
      sqlite3_bind_int (stmt, 6, item->is_goods ? 1 : 0);
      if (update)
        sqlite3_bind_int64 (stmt, 7, item->id);
    }
  if (stmt == NULL || !factures_store_step_done (self, stmt, error))
    {
      factures_store_rollback (self);
      return FALSE;
    }
  if (update && sqlite3_changes (factures_store_get_db (self)) == 0)
    {
      factures_store_rollback (self);
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND,
                           _("This catalogue item no longer exists."));
      return FALSE;
    }
  if (!update)
    item->id = sqlite3_last_insert_rowid (factures_store_get_db (self));
  /* Issue 13 (migration 0013): the item's activity; is_goods follows it when it is set. */
  {
    g_autoptr(sqlite3_stmt) activity = factures_store_prepare (self,
                                                               "UPDATE catalogue_items SET activity = ?1, "
                                                               "is_goods = CASE WHEN ?1 = 0 THEN is_goods "
                                                               "ELSE ?1 = 1 END WHERE id = ?2",
                                                               error);

    if (activity != NULL)
      {
        sqlite3_bind_int (activity, 1, item->activity);
        sqlite3_bind_int64 (activity, 2, item->id);
      }
    if (activity == NULL || !factures_store_step_done (self, activity, error))
      {
        factures_store_rollback (self);
        return FALSE;
      }
  }
  if (!factures_store_commit (self, error))
    {
      factures_store_rollback (self);
      if (!update)
        item->id = 0;
      return FALSE;
    }
  factures_store_emit_changed (self);
  return TRUE;
}

gboolean
factures_store_delete_catalogue_item (FacturesStore  *self,
                                      gint64          id,
                                      GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  if (!factures_store_begin (self, error))
    return FALSE;
  stmt = factures_store_prepare (self, "DELETE FROM catalogue_items WHERE id = ?1", error);
  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, id);
  if (stmt == NULL || !factures_store_step_done (self, stmt, error) ||
      !factures_store_commit (self, error))
    {
      factures_store_rollback (self);
      return FALSE;
    }
  factures_store_emit_changed (self);
  return TRUE;
}

GPtrArray *
factures_store_search_catalogue (FacturesStore  *self,
                                 const char     *search,
                                 GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *key = NULL;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  stmt = factures_store_prepare (self,
                                 "SELECT id, name, description, unit, unit_price, vat_rate_bp, "
                                 "is_goods, activity FROM catalogue_items "
                                 "WHERE ?1 IS NULL OR instr (search_key, ?1) > 0 "
                                 "ORDER BY name_key, id",
                                 error);
  if (stmt == NULL)
    return NULL;
  if (search != NULL)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (search));

      if (*trimmed != '\0')
        key = factures_store_fold (trimmed);
    }
  factures_sql_bind_text (stmt, 1, key);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_catalogue_item_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FacturesCatalogueItem *item = factures_catalogue_item_new ();

      item->id = sqlite3_column_int64 (stmt, 0);
      item->name = factures_sql_col_dup (stmt, 1);
      item->description = factures_sql_col_dup (stmt, 2);
      item->unit = factures_sql_col_dup (stmt, 3);
      item->unit_price = sqlite3_column_int64 (stmt, 4);
      item->vat_rate_bp = sqlite3_column_int (stmt, 5);
      item->is_goods = sqlite3_column_int (stmt, 6) != 0;
      item->activity = sqlite3_column_int (stmt, 7);
      g_ptr_array_add (list, item);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* ---- client history ---- */

/* What is still due on an issued invoice of the outer "documents" row: its
 * amount due minus its credit notes and the payments allocated to it. */
#define DUE "(amount_due - " FACTURES_CREDITED_EXPR " - " FACTURES_PAID_EXPR ")"
#define IS_INVOICE "(status = 1 AND kind IN (380, 386))"

gboolean
factures_store_client_history (FacturesStore          *self,
                               gint64                  client_id,
                               const GDate            *today,
                               FacturesClientHistory  *out,
                               GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) paid = NULL;
  g_autofree char *iso = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  iso = factures_date_format_iso (today);

  stmt = factures_store_prepare (self,
                                 "SELECT count (*), coalesce (sum (" IS_INVOICE "), 0), "
                                 "coalesce (sum (CASE WHEN " IS_INVOICE " THEN gross_total ELSE 0 END), 0), "
                                 "coalesce (sum (CASE WHEN " IS_INVOICE " THEN due ELSE 0 END), 0), "
                                 "coalesce (sum (CASE WHEN " IS_INVOICE " AND due > 0 AND due_date < ?2 "
                                 "  THEN due ELSE 0 END), 0), "
                                 "coalesce (sum (" IS_INVOICE " AND due > 0 AND due_date < ?2), 0), "
                                 "coalesce (max (CASE WHEN " IS_INVOICE " AND due > 0 AND due_date < ?2 "
                                 "  THEN CAST (julianday (?2) - julianday (due_date) AS INTEGER) END), 0) "
                                 "FROM (SELECT status, kind, gross_total, due_date, " DUE " AS due "
                                 "      FROM documents WHERE client_id = ?1)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, client_id);
  sqlite3_bind_text (stmt, 2, iso, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  out->n_documents = (guint) sqlite3_column_int (stmt, 0);
  out->n_invoices = (guint) sqlite3_column_int (stmt, 1);
  out->invoiced_total = sqlite3_column_int64 (stmt, 2);
  out->outstanding = sqlite3_column_int64 (stmt, 3);
  out->overdue = sqlite3_column_int64 (stmt, 4);
  out->n_overdue = (guint) sqlite3_column_int (stmt, 5);
  out->max_days_late = sqlite3_column_int (stmt, 6);

  /* Paid invoices (balance 0 with at least one payment, issue 4): the day of
   * their last payment against their due date. */
  paid = factures_store_prepare (self,
                                 "SELECT count (*), coalesce (sum (CAST (julianday (paid_on) "
                                 "- julianday (due_date) AS INTEGER)), 0) FROM "
                                 "(SELECT due_date, " DUE " AS due, "
                                 " (SELECT max (pa.date) FROM live_payment_allocations pa "
                                 "  WHERE pa.document_id = documents.id) AS paid_on "
                                 " FROM documents WHERE client_id = ?1 AND " IS_INVOICE ") "
                                 "WHERE due <= 0 AND paid_on IS NOT NULL AND due_date IS NOT NULL",
                                 error);
  if (paid == NULL)
    return FALSE;
  sqlite3_bind_int64 (paid, 1, client_id);
  if (sqlite3_step (paid) != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  out->n_paid = (guint) sqlite3_column_int (paid, 0);
  if (out->n_paid > 0)
    {
      gint64 sum = sqlite3_column_int64 (paid, 1);
      gint64 n = out->n_paid;

      /* Mean rounded half away from zero. */
      out->average_delay = (gint) ((sum >= 0 ? sum * 2 + n : sum * 2 - n) / (2 * n));
    }
  return TRUE;
}

/**
 * factures_store_list_client_documents:
 *
 * Returns: (transfer full) (element-type FacturesDocumentRow): every document of
 *   the client, newest first, with balance and days late as in the lists.
 */
GPtrArray *
factures_store_list_client_documents (FacturesStore  *self,
                                      gint64          client_id,
                                      const GDate    *today,
                                      GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *iso = NULL;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  iso = factures_date_format_iso (today);
  stmt = factures_store_prepare (self,
                                 "SELECT id, kind, status, number, client_name, issue_date, due_date, "
                                 "gross_total, CASE WHEN " IS_INVOICE " THEN due ELSE 0 END, "
                                 "CASE WHEN " IS_INVOICE " AND due > 0 AND due_date < ?2 "
                                 "  THEN CAST (julianday (?2) - julianday (due_date) AS INTEGER) ELSE 0 END, "
                                 /* the currency (finding T5), NULL for euros */
                                 "currency "
                                 "FROM (SELECT *, " DUE " AS due FROM documents WHERE client_id = ?1) "
                                 "ORDER BY issue_date DESC, id DESC",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  sqlite3_bind_text (stmt, 2, iso, -1, SQLITE_TRANSIENT);
  rows = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FacturesDocumentRow *row = factures_document_row_new (sqlite3_column_int64 (stmt, 0),
                                                            sqlite3_column_int (stmt, 1),
                                                            sqlite3_column_int (stmt, 2),
                                                            (const char *) sqlite3_column_text (stmt, 3),
                                                            (const char *) sqlite3_column_text (stmt, 4),
                                                            (const char *) sqlite3_column_text (stmt, 5),
                                                            (const char *) sqlite3_column_text (stmt, 6),
                                                            sqlite3_column_int64 (stmt, 7),
                                                            sqlite3_column_int64 (stmt, 8),
                                                            sqlite3_column_int (stmt, 9));

      factures_document_row_set_currency (row, (const char *) sqlite3_column_text (stmt, 10));
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}
