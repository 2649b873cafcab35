/* factures-store-ereporting.c — the e-reporting tables (issue 15 item 2; migration 0021)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "factures-error.h"
#include "factures-store-ereporting.h"
#include "factures-store-ereporting-private.h"
#include "factures-store-json-private.h"

gboolean
factures_store_get_ereporting_periodicity (FacturesStore                  *self,
                                           FacturesEreportingPeriodicity  *out,
                                           GError                        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  *out = FACTURES_EREPORTING_BIMONTHLY;
  stmt = factures_store_prepare (self, "SELECT periodicity FROM ereporting_settings WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = (FacturesEreportingPeriodicity) CLAMP (sqlite3_column_int (stmt, 0), 0, 2);
  else if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
factures_store_set_ereporting_periodicity (FacturesStore                  *self,
                                           FacturesEreportingPeriodicity   periodicity,
                                           GError                        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  if ((guint) periodicity > FACTURES_EREPORTING_DECADAL)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("E-reporting periodicity: %d is not one of every two months, monthly or every ten days."),
                   (int) periodicity);
      return FALSE;
    }
  stmt = factures_store_prepare (self,
                                 "INSERT INTO ereporting_settings (id, periodicity) VALUES (1, ?1) "
                                 "ON CONFLICT (id) DO UPDATE SET periodicity = excluded.periodicity", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, (int) periodicity);
  if (!factures_store_step_done (self, stmt, error))
    return FALSE;
  factures_store_emit_changed (self);
  return TRUE;
}

GArray *
factures_store_ereporting_document_ids (FacturesStore  *self,
                                        const GDate    *from,
                                        const GDate    *to,
                                        GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);
  stmt = factures_store_prepare (self,
                                 "SELECT id FROM documents WHERE status = 1 AND kind IN (380, 381, 386) "
                                 "AND issue_date BETWEEN ?1 AND ?2 ORDER BY issue_date, chain_seq", error);
  if (stmt == NULL)
    return NULL;
  factures_sql_bind_date (stmt, 1, from);
  factures_sql_bind_date (stmt, 2, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

GArray *
factures_store_ereporting_payments (FacturesStore  *self,
                                    const GDate    *from,
                                    const GDate    *to,
                                    GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (FacturesEreportingPaymentRow));
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);
  /* The money received (the allocations of a payment, on its date), then every cancellation of
   * such a payment on the day it was cancelled (the payment itself stays on its own date, as in
   * the livre des recettes). */
  stmt = factures_store_prepare (self,
                                 "SELECT document_id, day, amount FROM ("
                                 "  SELECT a.document_id, p.date AS day, a.amount, a.id AS k FROM payment_allocations a "
                                 "  JOIN payments p ON p.id = a.payment_id WHERE p.date BETWEEN ?1 AND ?2 "
                                 "  UNION ALL "
                                 "  SELECT a.document_id, r.date AS day, -a.amount, a.id AS k FROM payment_allocations a "
                                 "  JOIN payment_reversals r ON r.payment_id = a.payment_id WHERE r.date BETWEEN ?1 AND ?2"
                                 ") ORDER BY day, document_id, k", error);
  if (stmt == NULL)
    return NULL;
  factures_sql_bind_date (stmt, 1, from);
  factures_sql_bind_date (stmt, 2, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FacturesEreportingPaymentRow row;

      row.document_id = sqlite3_column_int64 (stmt, 0);
      factures_sql_col_date (stmt, 1, &row.date);
      row.amount = sqlite3_column_int64 (stmt, 2);
      g_array_append_val (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

void
factures_ereporting_record_free (FacturesEreportingRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->report_key);
  g_free (record->type_code);
  g_free (record->made);
  g_free (record->sha256);
  g_free (record->file);
  g_free (record);
}

void
factures_ereporting_flow_free (FacturesEreportingFlow *flow)
{
  if (flow == NULL)
    return;
  g_free (flow->block);
  g_free (flow->flow_type);
  g_free (flow->processing_rule);
  g_free (flow->tracking_id);
  g_free (flow->sha256);
  g_free (flow->flow_id);
  g_free (flow->submitted_at);
  g_free (flow->error);
  g_free (flow->attempted);
  g_free (flow);
}

gint64
factures_store_ereporting_add_report (FacturesStore                  *self,
                                      const FacturesEreportingRecord *record,
                                      GBytes                         *xml,
                                      GError                        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gsize size = 0;
  gconstpointer data;

  g_return_val_if_fail (FACTURES_IS_STORE (self), 0);
  g_return_val_if_fail (xml != NULL, 0);
  stmt = factures_store_prepare (self,
                                 "INSERT INTO ereporting_reports (period_start, period_end, periodicity, "
                                 "report_key, type_code, made, xml, sha256, file, n_invoices, n_payments, "
                                 "n_days, n_day_payments) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                                 "?11, ?12, ?13)", error);
  if (stmt == NULL)
    return 0;
  data = g_bytes_get_data (xml, &size);
  factures_sql_bind_date (stmt, 1, &record->start);
  factures_sql_bind_date (stmt, 2, &record->end);
  sqlite3_bind_int (stmt, 3, (int) record->periodicity);
  factures_sql_bind_text (stmt, 4, record->report_key);
  factures_sql_bind_text (stmt, 5, record->type_code);
  factures_sql_bind_text (stmt, 6, record->made);
  sqlite3_bind_blob (stmt, 7, data != NULL ? data : "", (int) size, SQLITE_TRANSIENT);
  factures_sql_bind_text (stmt, 8, record->sha256);
  factures_sql_bind_text (stmt, 9, record->file);
  sqlite3_bind_int (stmt, 10, (int) record->n_invoices);
  sqlite3_bind_int (stmt, 11, (int) record->n_payments);
  sqlite3_bind_int (stmt, 12, (int) record->n_days);
  sqlite3_bind_int (stmt, 13, (int) record->n_day_payments);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_autoptr(GError) local = NULL;

      factures_store_set_db_error (self, &local);
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_DATABASE,
                   _("The e-reporting report could not be recorded: %s"), local->message);
      return 0;
    }
  factures_store_emit_changed (self);
  return sqlite3_last_insert_rowid (factures_store_get_db (self));
}

GBytes *
factures_store_ereporting_get_xml (FacturesStore  *self,
                                   gint64          id,
                                   GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);
  stmt = factures_store_prepare (self, "SELECT xml FROM ereporting_reports WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_bytes_new (sqlite3_column_blob (stmt, 0), (gsize) sqlite3_column_bytes (stmt, 0));
  if (rc == SQLITE_DONE)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND, _("No e-reporting report %s."), number);
    }
  else
    factures_store_set_db_error (self, error);
  return NULL;
}

gboolean
factures_store_ereporting_add_flow (FacturesStore                *self,
                                    gint64                        report_id,
                                    const FacturesEreportingFlow *flow,
                                    GError                      **error)
{
  static const char *const blocks[] = { "10.1", "10.2", "10.3", "10.4", NULL };
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  if (flow->block == NULL || !g_strv_contains (blocks, flow->block) || flow->processing_rule == NULL
      || (!g_str_equal (flow->processing_rule, "B2C") && !g_str_equal (flow->processing_rule, "B2BInt"))
      || (flow->sent && flow->flow_id == NULL))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("E-reporting flow: the block, the processing rule or the PA’s flow id is missing."));
      return FALSE;
    }
  stmt = factures_store_prepare (self,
                                 "INSERT INTO ereporting_flows (report_id, block, flow_type, processing_rule, "
                                 "tracking_id, sha256, state, flow_id, submitted_at, error, attempted) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report_id);
  factures_sql_bind_text (stmt, 2, flow->block);
  factures_sql_bind_text (stmt, 3, flow->flow_type);
  factures_sql_bind_text (stmt, 4, flow->processing_rule);
  factures_sql_bind_text (stmt, 5, flow->tracking_id);
  factures_sql_bind_text (stmt, 6, flow->sha256);
  factures_sql_bind_text (stmt, 7, flow->sent ? "sent" : "failed");
  factures_sql_bind_text (stmt, 8, flow->flow_id);
  factures_sql_bind_text (stmt, 9, flow->submitted_at);
  factures_sql_bind_text (stmt, 10, flow->error);
  factures_sql_bind_text (stmt, 11, flow->attempted);
  if (!factures_store_step_done (self, stmt, error))
    return FALSE;
  factures_store_emit_changed (self);
  return TRUE;
}

GPtrArray *
factures_store_ereporting_list_reports (FacturesStore  *self,
                                        const GDate    *start,
                                        GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_ereporting_record_free);
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);
  stmt = factures_store_prepare (self,
                                 "SELECT r.id, r.period_start, r.period_end, r.periodicity, r.report_key, "
                                 "r.type_code, r.made, r.sha256, r.file, r.n_invoices, r.n_payments, r.n_days, "
                                 "r.n_day_payments, "
                                 "(SELECT count(*) FROM ereporting_flows f WHERE f.report_id = r.id AND f.state = 'sent'), "
                                 "(SELECT count(*) FROM ereporting_flows f WHERE f.report_id = r.id AND f.state = 'failed') "
                                 "FROM ereporting_reports r WHERE r.period_start = ?1 ORDER BY r.id DESC", error);
  if (stmt == NULL)
    return NULL;
  factures_sql_bind_date (stmt, 1, start);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FacturesEreportingRecord *r = g_new0 (FacturesEreportingRecord, 1);

      r->id = sqlite3_column_int64 (stmt, 0);
      factures_sql_col_date (stmt, 1, &r->start);
      factures_sql_col_date (stmt, 2, &r->end);
      r->periodicity = (FacturesEreportingPeriodicity) CLAMP (sqlite3_column_int (stmt, 3), 0, 2);
      r->report_key = factures_sql_col_dup (stmt, 4);
      r->type_code = factures_sql_col_dup (stmt, 5);
      r->made = factures_sql_col_dup (stmt, 6);
      r->sha256 = factures_sql_col_dup (stmt, 7);
      r->file = factures_sql_col_dup (stmt, 8);
      r->n_invoices = (guint) sqlite3_column_int (stmt, 9);
      r->n_payments = (guint) sqlite3_column_int (stmt, 10);
      r->n_days = (guint) sqlite3_column_int (stmt, 11);
      r->n_day_payments = (guint) sqlite3_column_int (stmt, 12);
      r->flows_sent = (guint) sqlite3_column_int (stmt, 13);
      r->flows_failed = (guint) sqlite3_column_int (stmt, 14);
      g_ptr_array_add (list, r);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
factures_store_ereporting_list_flows (FacturesStore  *self,
                                      gint64          report_id,
                                      GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_ereporting_flow_free);
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);
  stmt = factures_store_prepare (self,
                                 "SELECT block, flow_type, processing_rule, tracking_id, sha256, state, flow_id, "
                                 "submitted_at, error, attempted FROM ereporting_flows WHERE report_id = ?1 "
                                 "ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, report_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FacturesEreportingFlow *f = g_new0 (FacturesEreportingFlow, 1);

      f->block = factures_sql_col_dup (stmt, 0);
      f->flow_type = factures_sql_col_dup (stmt, 1);
      f->processing_rule = factures_sql_col_dup (stmt, 2);
      f->tracking_id = factures_sql_col_dup (stmt, 3);
      f->sha256 = factures_sql_col_dup (stmt, 4);
      f->sent = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 5), "sent") == 0;
      f->flow_id = factures_sql_col_dup (stmt, 6);
      f->submitted_at = factures_sql_col_dup (stmt, 7);
      f->error = factures_sql_col_dup (stmt, 8);
      f->attempted = factures_sql_col_dup (stmt, 9);
      g_ptr_array_add (list, f);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

gboolean
factures_store_ereporting_period_sent (FacturesStore  *self,
                                       const GDate    *start,
                                       GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  stmt = factures_store_prepare (self,
                                 "SELECT EXISTS (SELECT 1 FROM ereporting_flows f JOIN ereporting_reports r "
                                 "ON r.id = f.report_id WHERE r.period_start = ?1 AND f.state = 'sent')", error);
  if (stmt == NULL)
    return FALSE;
  factures_sql_bind_date (stmt, 1, start);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return sqlite3_column_int (stmt, 0) != 0;
}

/* ---- JSON export and import (factures-store-ereporting-private.h) ---- */

static void
add_text (JsonBuilder *builder,
          const char  *key,
          const char  *text)
{
  json_builder_set_member_name (builder, key);
  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *key,
         gint64       value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, value);
}

gboolean
factures_store_ereporting_export_json (FacturesStore  *self,
                                       JsonBuilder    *builder,
                                       GError        **error)
{
  g_autoptr(sqlite3_stmt) any = NULL;
  g_autoptr(sqlite3_stmt) reports = NULL;
  FacturesEreportingPeriodicity periodicity;
  int rc;

  any = factures_store_prepare (self,
                                "SELECT (SELECT count(*) FROM ereporting_settings) + "
                                "(SELECT count(*) FROM ereporting_reports)", error);
  if (any == NULL)
    return FALSE;
  if (sqlite3_step (any) != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  if (sqlite3_column_int64 (any, 0) == 0)
    return TRUE;
  if (!factures_store_get_ereporting_periodicity (self, &periodicity, error))
    return FALSE;
  reports = factures_store_prepare (self,
                                    "SELECT id, period_start, period_end, periodicity, report_key, type_code, made, "
                                    "xml, sha256, file, n_invoices, n_payments, n_days, n_day_payments "
                                    "FROM ereporting_reports ORDER BY id", error);
  if (reports == NULL)
    return FALSE;
  json_builder_set_member_name (builder, "ereporting");
  json_builder_begin_object (builder);
  add_int (builder, "periodicity", periodicity);
  json_builder_set_member_name (builder, "reports");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (reports)) == SQLITE_ROW)
    {
      g_autofree char *xml = g_base64_encode (sqlite3_column_blob (reports, 7),
                                              (gsize) sqlite3_column_bytes (reports, 7));
      g_autoptr(GPtrArray) flows = factures_store_ereporting_list_flows (self, sqlite3_column_int64 (reports, 0),
                                                                         error);

      if (flows == NULL)
        return FALSE;
      json_builder_begin_object (builder);
      add_text (builder, "period_start", (const char *) sqlite3_column_text (reports, 1));
      add_text (builder, "period_end", (const char *) sqlite3_column_text (reports, 2));
      add_int (builder, "periodicity", sqlite3_column_int (reports, 3));
      add_text (builder, "report_key", (const char *) sqlite3_column_text (reports, 4));
      add_text (builder, "type_code", (const char *) sqlite3_column_text (reports, 5));
      add_text (builder, "made", (const char *) sqlite3_column_text (reports, 6));
      add_text (builder, "xml", xml);
      add_text (builder, "sha256", (const char *) sqlite3_column_text (reports, 8));
      add_text (builder, "file", (const char *) sqlite3_column_text (reports, 9));
      add_int (builder, "n_invoices", sqlite3_column_int (reports, 10));
      add_int (builder, "n_payments", sqlite3_column_int (reports, 11));
      add_int (builder, "n_days", sqlite3_column_int (reports, 12));
      add_int (builder, "n_day_payments", sqlite3_column_int (reports, 13));
      json_builder_set_member_name (builder, "flows");
      json_builder_begin_array (builder);
      for (guint i = 0; i < flows->len; i++)
        {
          const FacturesEreportingFlow *f = g_ptr_array_index (flows, i);

          json_builder_begin_object (builder);
          add_text (builder, "block", f->block);
          add_text (builder, "flow_type", f->flow_type);
          add_text (builder, "processing_rule", f->processing_rule);
          add_text (builder, "tracking_id", f->tracking_id);
          add_text (builder, "sha256", f->sha256);
          add_text (builder, "state", f->sent ? "sent" : "failed");
          add_text (builder, "flow_id", f->flow_id);
          add_text (builder, "submitted_at", f->submitted_at);
          add_text (builder, "error", f->error);
          add_text (builder, "attempted", f->attempted);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return TRUE;
}

static gboolean
required_text (JsonObject  *object,
               const char  *where,
               const char  *key,
               const char **out,
               GError     **error)
{
  if (!factures_store_json_impl_get_text (object, where, key, out, error))
    return FALSE;
  if (*out == NULL || **out == '\0')
    {
      factures_store_json_impl_format_error (error, where, key, _("a string"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
import_flow (FacturesStore *self,
             gint64         report_id,
             JsonObject    *object,
             const char    *where,
             GError       **error)
{
  FacturesEreportingFlow flow = { 0 };
  const char *block, *flow_type, *rule, *tracking, *sha, *state, *flow_id, *submitted, *problem, *attempted;

  if (!required_text (object, where, "block", &block, error)
      || !required_text (object, where, "flow_type", &flow_type, error)
      || !required_text (object, where, "processing_rule", &rule, error)
      || !required_text (object, where, "tracking_id", &tracking, error)
      || !required_text (object, where, "sha256", &sha, error)
      || !required_text (object, where, "state", &state, error)
      || !factures_store_json_impl_get_text (object, where, "flow_id", &flow_id, error)
      || !factures_store_json_impl_get_text (object, where, "submitted_at", &submitted, error)
      || !factures_store_json_impl_get_text (object, where, "error", &problem, error)
      || !required_text (object, where, "attempted", &attempted, error))
    return FALSE;
  if (!g_str_equal (state, "sent") && !g_str_equal (state, "failed"))
    {
      factures_store_json_impl_format_error (error, where, "state", "\"sent\", \"failed\"");
      return FALSE;
    }
  flow.block = (char *) block;
  flow.flow_type = (char *) flow_type;
  flow.processing_rule = (char *) rule;
  flow.tracking_id = (char *) tracking;
  flow.sha256 = (char *) sha;
  flow.sent = g_str_equal (state, "sent");
  flow.flow_id = (char *) flow_id;
  flow.submitted_at = (char *) submitted;
  flow.error = (char *) problem;
  flow.attempted = (char *) attempted;
  if (!factures_store_ereporting_add_flow (self, report_id, &flow, error))
    {
      factures_store_json_impl_prefix_path (error, where);
      return FALSE;
    }
  return TRUE;
}

gboolean
factures_store_ereporting_import_json (FacturesStore  *self,
                                       JsonObject     *root,
                                       GError        **error)
{
  JsonNode *node = json_object_get_member (root, "ereporting");
  JsonObject *object;
  JsonArray *reports;
  gint64 periodicity;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      factures_store_json_impl_format_error (error, "", "ereporting", _("an object"));
      return FALSE;
    }
  object = json_node_get_object (node);
  if (!factures_store_json_impl_get_int_range (object, "ereporting", "periodicity", 0, 0, 2, &periodicity, error))
    return FALSE;
  {
    g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self,
                                                           "INSERT OR REPLACE INTO ereporting_settings (id, periodicity) "
                                                           "VALUES (1, ?1)", error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int (stmt, 1, (int) periodicity);
    if (!factures_store_step_done (self, stmt, error))
      return FALSE;
  }
  if (!json_object_has_member (object, "reports"))
    return TRUE;
  reports = factures_store_json_impl_get_array (object, "ereporting", "reports", error);
  if (reports == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (reports); i++)
    {
      g_autofree char *where = g_strdup_printf ("ereporting.reports[%u]", i);
      JsonObject *r = factures_store_json_impl_get_element_object (reports, i, "ereporting.reports", error);
      FacturesEreportingRecord record = { 0 };
      g_autoptr(GBytes) xml = NULL;
      g_autofree char *computed = NULL;
      const char *start, *end, *key, *type, *made, *sha, *file;
      gint64 kind, n_invoices, n_payments, n_days, n_day_payments, id;
      JsonArray *flows;

      if (r == NULL
          || !factures_store_json_impl_get_date (r, where, "period_start", TRUE, &start, error)
          || !factures_store_json_impl_get_date (r, where, "period_end", TRUE, &end, error)
          || !factures_store_json_impl_get_int_range (r, where, "periodicity", 0, 0, 2, &kind, error)
          || !required_text (r, where, "report_key", &key, error)
          || !required_text (r, where, "type_code", &type, error)
          || !required_text (r, where, "made", &made, error)
          || !factures_store_json_impl_get_base64 (r, where, "xml", &xml, error)
          || !required_text (r, where, "sha256", &sha, error)
          || !factures_store_json_impl_get_text (r, where, "file", &file, error)
          || !factures_store_json_impl_get_int_range (r, where, "n_invoices", 0, 0, G_MAXINT, &n_invoices, error)
          || !factures_store_json_impl_get_int_range (r, where, "n_payments", 0, 0, G_MAXINT, &n_payments, error)
          || !factures_store_json_impl_get_int_range (r, where, "n_days", 0, 0, G_MAXINT, &n_days, error)
          || !factures_store_json_impl_get_int_range (r, where, "n_day_payments", 0, 0, G_MAXINT, &n_day_payments,
                                                      error))
        return FALSE;
      if (xml == NULL)
        {
          factures_store_json_impl_format_error (error, where, "xml", _("base64 bytes"));
          return FALSE;
        }
      computed = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, xml);
      if (!g_str_equal (computed, sha))
        {
          factures_store_json_impl_format_error (error, where, "sha256", _("the SHA-256 of the report’s XML"));
          return FALSE;
        }
      if (!g_str_equal (type, "IN") && !g_str_equal (type, "RE"))
        {
          factures_store_json_impl_format_error (error, where, "type_code", "\"IN\", \"RE\"");
          return FALSE;
        }
      factures_date_parse_iso (start, &record.start, NULL);
      factures_date_parse_iso (end, &record.end, NULL);
      record.periodicity = (FacturesEreportingPeriodicity) kind;
      record.report_key = (char *) key;
      record.type_code = (char *) type;
      record.made = (char *) made;
      record.sha256 = (char *) sha;
      record.file = (char *) file;
      record.n_invoices = (guint) n_invoices;
      record.n_payments = (guint) n_payments;
      record.n_days = (guint) n_days;
      record.n_day_payments = (guint) n_day_payments;
      id = factures_store_ereporting_add_report (self, &record, xml, error);
      if (id == 0)
        {
          factures_store_json_impl_prefix_path (error, where);
          return FALSE;
        }
      if (!json_object_has_member (r, "flows"))
        continue;
      flows = factures_store_json_impl_get_array (r, where, "flows", error);
      if (flows == NULL)
        return FALSE;
      for (guint j = 0; j < json_array_get_length (flows); j++)
        {
          g_autofree char *fwhere = g_strdup_printf ("%s.flows[%u]", where, j);
          JsonObject *f = factures_store_json_impl_get_element_object (flows, j, fwhere, error);

          if (f == NULL || !import_flow (self, id, f, fwhere, error))
            return FALSE;
        }
    }
  return TRUE;
}
