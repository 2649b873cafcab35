/* factures-store-recurring-json.c — the recurring and catalogue tables in the
 * JSON export ("factures" version 1, see factures-store-json.c)
 *
 * After "series", the root object has:
 *   "catalogue": [ ITEM… ]  by id. ITEM: "id", "name", "description", "unit",
 *     "unit_price" (1e-6 €), "vat_rate_bp", "is_goods" (0/1)
 *   "recurring": [ TEMPLATE… ]  by id. TEMPLATE: "id", "client_id", "period"
 *     (months: 1, 3, 12), "start_date", "next_date", "end_date", "auto_issue"
 *     (0/1), "allowance" (cents), "notes", "lines": [ RLINE… ]
 *   RLINE: "position", "description", "quantity", "unit", "unit_price",
 *     "vat_rate_bp", "allowance"
 *   "recurring_occurrences": [ OCCURRENCE… ]  by template and date.
 *     OCCURRENCE: "template_id", "occurrence_date", "document_id", "created_on",
 *     "missed" (0/1), "seen" (0/1), "issue_error"
 * Files written before these tables existed lack the members: nothing is imported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "factures-store-recurring-private.h"


static gboolean
export_query (FacturesStore  *self,
              JsonBuilder    *builder,
              const char     *sql,
              gint64          id,
              const char     *nested_sql,
              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      for (int col = 0; col < sqlite3_column_count (stmt); col++)
        {
          json_builder_set_member_name (builder, sqlite3_column_name (stmt, col));
          switch (sqlite3_column_type (stmt, col))
            {
            case SQLITE_INTEGER:
              json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, col));
              break;
            case SQLITE_NULL:
              json_builder_add_null_value (builder);
              break;
            default:
              json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, col));
              break;
            }
        }
      if (nested_sql != NULL)
        {
          json_builder_set_member_name (builder, "lines");
          if (!export_query (self, builder, nested_sql, sqlite3_column_int64 (stmt, 0), NULL, error))
            return FALSE;
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
factures_store_recurring_export_json (FacturesStore  *self,
                                      JsonBuilder    *builder,
                                      GError        **error)
{
  json_builder_set_member_name (builder, "catalogue");
  if (!export_query (self, builder,
                     "SELECT id, name, description, unit, unit_price, vat_rate_bp, is_goods "
                     "FROM catalogue_items ORDER BY id",
                     0, NULL, error))
    return FALSE;
  json_builder_set_member_name (builder, "recurring");
  if (!export_query (self, builder,
                     "SELECT id, client_id, period, start_date, next_date, end_date, auto_issue, "
                     "allowance, notes FROM recurring_templates ORDER BY id",
                     0,
                     "SELECT position, description, quantity, unit, unit_price, vat_rate_bp, "
                     "allowance FROM recurring_lines WHERE template_id = ?1 ORDER BY position",
                     error))
    return FALSE;
  json_builder_set_member_name (builder, "recurring_occurrences");
  return export_query (self, builder,
                       "SELECT template_id, occurrence_date, document_id, created_on, missed, seen, "
                       "issue_error FROM recurring_occurrences ORDER BY template_id, occurrence_date",
                       0, NULL, error);
}

/* ---- import ---- */

/* Column kinds: 'i' integer, 'I' required integer, 't' text, 'T' required
 * text, 'd' date, 'D' required date. */
typedef struct {
  const char *key;
  char        kind;
} Column;

static void
format_error (GError     **error,
              const char  *where,
              const char  *key,
              const char  *expected)
{
  g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
               _("Invalid file: %s “%s” must be %s."), where, key, expected);
}

/* Binds @object's members as ?1…?n in @columns' order. */
static gboolean
bind_columns (sqlite3_stmt  *stmt,
              JsonObject    *object,
              const Column  *columns,
              guint          n,
              const char    *where,
              GError       **error)
{
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_object_get_member (object, columns[i].key);
      char kind = columns[i].kind;
      gboolean required = g_ascii_isupper (kind);
      int col = (int) i + 1;

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        {
          if (required)
            {
              format_error (error, where, columns[i].key,
                            g_ascii_tolower (kind) == 'i' ? _("an integer") : _("a string"));
              return FALSE;
            }
          sqlite3_bind_null (stmt, col);
          continue;
        }
      if (g_ascii_tolower (kind) == 'i')
        {
          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
            {
              format_error (error, where, columns[i].key, _("an integer"));
              return FALSE;
            }
          sqlite3_bind_int64 (stmt, col, json_node_get_int (node));
        }
      else
        {
          const char *text;
          GDate date;

          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
            {
              format_error (error, where, columns[i].key, _("a string"));
              return FALSE;
            }
          text = json_node_get_string (node);
          if (g_ascii_tolower (kind) == 'd' && !factures_date_parse_iso (text, &date, NULL))
            {
              format_error (error, where, columns[i].key, _("a date (YYYY-MM-DD)"));
              return FALSE;
            }
          sqlite3_bind_text (stmt, col, text, -1, SQLITE_TRANSIENT);
        }
    }
  return TRUE;
}

static JsonArray *
optional_array (JsonObject  *root,
                const char  *key,
                GError     **error)
{
  JsonNode *node = json_object_get_member (root, key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      format_error (error, "", key, _("an array"));
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonObject *
element_object (JsonArray   *array,
                guint        i,
                const char  *where,
                GError     **error)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                   _("Invalid file: %s must be an object."), where);
      return NULL;
    }
  return json_node_get_object (node);
}

/* Runs @stmt; a constraint failure becomes a format error naming @where. */
static gboolean
step (FacturesStore  *self,
      sqlite3_stmt   *stmt,
      const char     *where,
      GError        **error)
{
  if (factures_store_step_done (self, stmt, error))
    return TRUE;
  g_prefix_error (error, "%s: ", where);
  return FALSE;
}

static const Column item_columns[] = {
  { "name", 'T' }, { "description", 't' }, { "unit", 't' }, { "unit_price", 'I' },
  { "vat_rate_bp", 'I' }, { "is_goods", 'I' }, { "id", 'i' },
};

static const Column template_columns[] = {
  { "client_id", 'I' }, { "period", 'I' }, { "start_date", 'D' }, { "next_date", 'D' },
  { "end_date", 'd' }, { "auto_issue", 'I' }, { "allowance", 'I' }, { "notes", 't' },
  { "id", 'i' },
};

static const Column line_columns[] = {
  { "position", 'I' }, { "description", 'T' }, { "quantity", 'I' }, { "unit", 't' },
  { "unit_price", 'I' }, { "vat_rate_bp", 'I' }, { "allowance", 'I' },
};

static const Column occurrence_columns[] = {
  { "template_id", 'I' }, { "occurrence_date", 'D' }, { "document_id", 'i' },
  { "created_on", 'D' }, { "missed", 'I' }, { "seen", 'I' }, { "issue_error", 't' },
};

static gboolean
import_catalogue (FacturesStore  *self,
                  JsonArray      *items,
                  gboolean        keep_ids,
                  GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = factures_store_prepare (self,
                                 "INSERT INTO catalogue_items (name, description, unit, unit_price, "
                                 "vat_rate_bp, is_goods, id, name_key, search_key) VALUES (?1, ?2, ?3, "
                                 "?4, ?5, ?6, ?7, factures_fold (?1), factures_fold "
                                 "(?1 || ' ' || coalesce (?2, '') || ' ' || coalesce (?3, '')))",
                                 error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autofree char *where = g_strdup_printf ("catalogue[%u]", i);
      JsonObject *object = element_object (items, i, where, error);

      if (object == NULL)
        return FALSE;
      sqlite3_reset (stmt);
      if (!bind_columns (stmt, object, item_columns, G_N_ELEMENTS (item_columns), where, error))
        return FALSE;
      if (!keep_ids)
        sqlite3_bind_null (stmt, 7);
      if (!step (self, stmt, where, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_templates (FacturesStore  *self,
                  JsonArray      *templates,
                  gboolean        keep_ids,
                  GHashTable     *client_ids,
                  GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) line_stmt = NULL;

  stmt = factures_store_prepare (self,
                                 "INSERT INTO recurring_templates (client_id, period, start_date, "
                                 "next_date, end_date, auto_issue, allowance, notes, id) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                 error);
  line_stmt = factures_store_prepare (self,
                                      "INSERT INTO recurring_lines (position, description, quantity, "
                                      "unit, unit_price, vat_rate_bp, allowance, template_id) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                      error);
  if (stmt == NULL || line_stmt == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (templates); i++)
    {
      g_autofree char *where = g_strdup_printf ("recurring[%u]", i);
      JsonObject *object = element_object (templates, i, where, error);
      JsonNode *lines_node;
      JsonArray *lines;
      gint64 client_id, *mapped, template_id;

      if (object == NULL)
        return FALSE;
      sqlite3_reset (stmt);
      if (!bind_columns (stmt, object, template_columns, G_N_ELEMENTS (template_columns), where, error))
        return FALSE;
      client_id = json_object_get_int_member (object, "client_id");
      mapped = g_hash_table_lookup (client_ids, &client_id);
      if (mapped == NULL)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                       _("Invalid file: %s refers to client %" PRId64 ", which is not in the file."),
                       where, client_id);
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, 1, *mapped);
      if (!keep_ids)
        sqlite3_bind_null (stmt, 9);
      if (!step (self, stmt, where, error))
        return FALSE;
      template_id = sqlite3_last_insert_rowid (factures_store_get_db (self));

      lines_node = json_object_get_member (object, "lines");
      if (lines_node == NULL || !JSON_NODE_HOLDS_ARRAY (lines_node))
        {
          format_error (error, where, "lines", _("an array"));
          return FALSE;
        }
      lines = json_node_get_array (lines_node);
      for (guint j = 0; j < json_array_get_length (lines); j++)
        {
          g_autofree char *line_where = g_strdup_printf ("%s.lines[%u]", where, j);
          JsonObject *line = element_object (lines, j, line_where, error);

          if (line == NULL)
            return FALSE;
          sqlite3_reset (line_stmt);
          if (!bind_columns (line_stmt, line, line_columns, G_N_ELEMENTS (line_columns),
                             line_where, error))
            return FALSE;
          sqlite3_bind_int64 (line_stmt, 8, template_id);
          if (!step (self, line_stmt, line_where, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
import_occurrences (FacturesStore  *self,
                    JsonArray      *occurrences,
                    GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = factures_store_prepare (self,
                                 "INSERT INTO recurring_occurrences (template_id, occurrence_date, "
                                 "document_id, created_on, missed, seen, issue_error) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (occurrences); i++)
    {
      g_autofree char *where = g_strdup_printf ("recurring_occurrences[%u]", i);
      JsonObject *object = element_object (occurrences, i, where, error);

      if (object == NULL)
        return FALSE;
      sqlite3_reset (stmt);
      if (!bind_columns (stmt, object, occurrence_columns, G_N_ELEMENTS (occurrence_columns),
                         where, error) ||
          !step (self, stmt, where, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
factures_store_recurring_import_json (FacturesStore  *self,
                                      JsonObject     *root,
                                      gboolean        keep_ids,
                                      GHashTable     *client_ids,
                                      GError        **error)
{
  GError *local = NULL;
  JsonArray *array;

  array = optional_array (root, "catalogue", &local);
  if (local != NULL || (array != NULL && !import_catalogue (self, array, keep_ids, &local)))
    goto fail;
  array = optional_array (root, "recurring", &local);
  if (local != NULL || (array != NULL && !import_templates (self, array, keep_ids, client_ids, &local)))
    goto fail;
  if (keep_ids)
    {
      array = optional_array (root, "recurring_occurrences", &local);
      if (local != NULL || (array != NULL && !import_occurrences (self, array, &local)))
        goto fail;
    }
  return TRUE;

fail:
  g_propagate_error (error, local);
  return FALSE;
}
