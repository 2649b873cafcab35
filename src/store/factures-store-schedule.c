/* factures-store-schedule.c — a draft's payment schedule and the one frozen at issue (issue 6)
 *
 * A draft invoice or deposit invoice keeps the schedule agreed with the client
 * in the instalments table, like an issued invoice's plan
 * (factures_store_set_instalments()); its sum is free while the draft changes.
 * Issuing checks it against the amount due (factures_schedule_validate()),
 * makes the last instalment's date the due date (BT-9), draws it on the
 * original PDF and its XML, and freezes it into the buyer snapshot of the
 * issued row as member "instalments": [{"due_date": "YYYY-MM-DD",
 * "amount": cents}…]. That snapshot is immutable and in the hash chain, so the
 * issued document always shows the plan it was issued with; the instalments
 * table stays the current plan, renegotiable for dunning.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "factures-schedule.h"
#include "factures-store-private.h"
#include "factures-store-schedule-private.h"

static GArray *
load_draft_plan (FacturesStore  *self,
                 gint64          document_id,
                 GError        **error)
{
  g_autoptr(FacturesCachedStmt) stmt = NULL;
  g_autoptr(GArray) plan = g_array_new (FALSE, TRUE, sizeof (FacturesPlannedInstalment));
  int rc;

  stmt = factures_store_prepare_cached (self,
                                        "SELECT due_date, amount FROM instalments WHERE document_id = ?1 "
                                        "ORDER BY number", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FacturesPlannedInstalment inst;

      factures_sql_col_date (stmt, 0, &inst.due_date);
      inst.amount = sqlite3_column_int64 (stmt, 1);
      g_array_append_val (plan, inst);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&plan);
}

static GArray *
frozen_plan (const char  *buyer_json,
             GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GArray) plan = g_array_new (FALSE, TRUE, sizeof (FacturesPlannedInstalment));
  JsonNode *root, *member;
  JsonArray *array;

  if (buyer_json == NULL)
    return g_steal_pointer (&plan);
  /* Most snapshots have no schedule: load_document() has just parsed this JSON as the buyer (a
   * damaged one failed there), so it is parsed a second time only when it can hold the member
   * (its name, or an escape that could spell it). */
  if (strstr (buyer_json, "\"instalments\"") == NULL && strchr (buyer_json, '\\') == NULL)
    return g_steal_pointer (&plan);
  if (!json_parser_load_from_data (parser, buyer_json, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    goto damaged;
  member = json_object_get_member (json_node_get_object (root), "instalments");
  if (member == NULL || JSON_NODE_HOLDS_NULL (member))
    return g_steal_pointer (&plan);
  if (!JSON_NODE_HOLDS_ARRAY (member))
    goto damaged;
  array = json_node_get_array (member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;
      FacturesPlannedInstalment inst;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        goto damaged;
      object = json_node_get_object (node);
      if (!factures_date_parse_iso (json_object_get_string_member_with_default (object, "due_date", ""),
                                    &inst.due_date, NULL))
        goto damaged;
      inst.amount = json_object_get_int_member_with_default (object, "amount", 0);
      g_array_append_val (plan, inst);
    }
  return g_steal_pointer (&plan);

damaged:
  g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY,
                       _("A frozen seller or buyer snapshot is damaged."));
  return NULL;
}

gboolean
factures_store_schedule_load (FacturesStore     *self,
                              FacturesDocument  *document,
                              const char        *buyer_json,
                              GError           **error)
{
  g_autoptr(GArray) plan = NULL;

  if (document->kind != FACTURES_DOCUMENT_KIND_INVOICE &&
      document->kind != FACTURES_DOCUMENT_KIND_DEPOSIT)
    return TRUE;
  if (document->status == FACTURES_DOCUMENT_STATUS_ISSUED)
    plan = frozen_plan (buyer_json, error);
  else
    plan = load_draft_plan (self, document->id, error);
  if (plan == NULL)
    return FALSE;
  if (plan->len == 0)
    return TRUE;
  /* A draft's due date is the one issuing it would give: the last instalment's. */
  if (document->status == FACTURES_DOCUMENT_STATUS_DRAFT)
    factures_schedule_due_date (plan, &document->due_date);
  g_clear_pointer (&document->instalments, g_array_unref);
  document->instalments = g_steal_pointer (&plan);
  return TRUE;
}

gboolean
factures_store_schedule_check_issue (const FacturesDocument *document,
                                     const FacturesTotals   *totals,
                                     GError                **error)
{
  if (!factures_document_has_schedule (document))
    return TRUE;
  return factures_schedule_validate (document->instalments, &document->issue_date,
                                     document->buyer != NULL ? document->buyer->category
                                                             : FACTURES_CLIENT_CATEGORY_INDIVIDUAL,
                                     document->seller != NULL ? document->seller->eom_method
                                                              : FACTURES_EOM_METHOD_ADD_THEN_END,
                                     totals->amount_due, error);
}

char *
factures_store_schedule_freeze (const char   *buyer_json,
                                const GArray *plan)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonArray) array = NULL;
  JsonNode *root;

  if (plan == NULL || plan->len == 0 || buyer_json == NULL ||
      !json_parser_load_from_data (parser, buyer_json, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return g_strdup (buyer_json);

  array = json_array_sized_new (plan->len);
  for (guint i = 0; i < plan->len; i++)
    {
      const FacturesPlannedInstalment *inst = &g_array_index (plan, FacturesPlannedInstalment, i);
      JsonObject *object = json_object_new ();
      g_autofree char *iso = factures_date_format_iso (&inst->due_date);

      json_object_set_string_member (object, "due_date", iso);
      json_object_set_int_member (object, "amount", inst->amount);
      json_array_add_object_element (array, object);
    }
  json_object_set_array_member (json_node_get_object (root), "instalments", g_steal_pointer (&array));

  /* The same compact form as every other snapshot (factures-store-json.c), so that an
   * export and import gives back the same text and the same hash. */
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

gboolean
factures_store_schedule_export_document (FacturesStore  *self,
                                         JsonBuilder    *builder,
                                         gint64          id,
                                         GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) plan = NULL;
  int rc;

  stmt = factures_store_prepare (self, "SELECT status FROM documents WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  if (sqlite3_column_int (stmt, 0) != FACTURES_DOCUMENT_STATUS_DRAFT)
    return TRUE;
  plan = load_draft_plan (self, id, error);
  if (plan == NULL)
    return FALSE;
  if (plan->len == 0)
    return TRUE;
  json_builder_set_member_name (builder, "schedule");
  json_builder_begin_array (builder);
  for (guint i = 0; i < plan->len; i++)
    {
      const FacturesPlannedInstalment *inst = &g_array_index (plan, FacturesPlannedInstalment, i);
      g_autofree char *iso = factures_date_format_iso (&inst->due_date);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "due_date");
      json_builder_add_string_value (builder, iso);
      json_builder_set_member_name (builder, "amount");
      json_builder_add_int_value (builder, inst->amount);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return TRUE;
}

gboolean
factures_store_schedule_import_document (FacturesStore  *self,
                                         JsonObject     *object,
                                         gint64          new_id,
                                         gboolean        keep_ids,
                                         const char     *where,
                                         GError        **error)
{
  JsonNode *node = json_object_get_member (object, "schedule");
  JsonArray *array;

  /* a full import restores the instalments table itself */
  if (keep_ids || node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    goto bad;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(sqlite3_stmt) stmt = NULL;
      JsonObject *inst;
      JsonNode *amount;
      GDate date;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        goto bad;
      inst = json_node_get_object (element);
      amount = json_object_get_member (inst, "amount");
      if (!factures_date_parse_iso (json_object_get_string_member_with_default (inst, "due_date", ""), &date, NULL) ||
          amount == NULL || json_node_get_value_type (amount) != G_TYPE_INT64 || json_node_get_int (amount) <= 0)
        goto bad;
      stmt = factures_store_prepare (self, "INSERT INTO instalments (document_id, number, due_date, amount) "
                                           "VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, new_id);
      sqlite3_bind_int (stmt, 2, (int) i + 1);
      factures_sql_bind_date (stmt, 3, &date);
      sqlite3_bind_int64 (stmt, 4, json_node_get_int (amount));
      if (!factures_store_step_done (self, stmt, error))
        {
          g_prefix_error (error, "%s.schedule: ", where);
          return FALSE;
        }
    }
  return TRUE;

bad:
  g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
               _("%s.schedule: a list of instalments with a date and an amount in cents is expected."),
               where);
  return FALSE;
}
