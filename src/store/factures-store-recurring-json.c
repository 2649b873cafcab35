/* factures-store-recurring-json.c — the recurring and catalogue tables in the
 * JSON export ("factures" version 1, see factures-store-json.c)
 *
 * After "series", the root object has:
 *   "catalogue": [ ITEM… ]  by id. ITEM: "id", "name", "description", "unit",
 *     "unit_price" (1e-6 €), "vat_rate_bp", "is_goods" (0/1), "activity" (issue 13: 0 the
 *     profile's, 1 goods, 2 BIC services, 3 BNC services, 4 classified furnished tourist let)
 *   "recurring": [ TEMPLATE… ]  by id. TEMPLATE: "id", "client_id", "period"
 *     (months: 1, 3, 12), "start_date", "next_date", "end_date", "auto_issue"
 *     (0/1), "allowance" (cents), "notes", "currency" (ISO 4217 code, absent for euros:
 *     migration 0024), "lines": [ RLINE… ]
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

#include "factures-currency.h"
#include "factures-store-recurring-private.h"
#include "factures-store-json-private.h"


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
          if (factures_store_json_impl_skip_unset (stmt, col))
            continue;
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
                     "SELECT id, name, description, unit, unit_price, vat_rate_bp, is_goods, "
                     "activity FROM catalogue_items ORDER BY id",
                     0, NULL, error))
    return FALSE;
  json_builder_set_member_name (builder, "recurring");
  if (!export_query (self, builder,
                     "SELECT id, client_id, period, start_date, next_date, end_date, auto_issue, "
                     "allowance, notes, currency FROM recurring_templates ORDER BY id",
                     0,
                     "SELECT position, description, quantity, unit, unit_price, vat_rate_bp, "
                     "allowance, activity, vat_category, vatex, exemption_reason, override_reason "
                     "FROM recurring_lines WHERE template_id = ?1 ORDER BY position",
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
  g_autofree char *path = *where != '\0' ? g_strconcat (where, ".", key, NULL) : g_strdup (key);

  g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
               _("Invalid file: %s must be %s."), path, expected);
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
  g_prefix_error (error, _("Invalid file: %s: "), where);
  return FALSE;
}

static const Column item_columns[] = {
  { "name", 'T' }, { "description", 't' }, { "unit", 't' }, { "unit_price", 'I' },
  { "vat_rate_bp", 'I' }, { "is_goods", 'I' }, { "id", 'i' },
  { "activity", 'i' },  /* issue 13; absent in older files */
};

static const Column template_columns[] = {
  { "client_id", 'I' }, { "period", 'I' }, { "start_date", 'D' }, { "next_date", 'D' },
  { "end_date", 'd' }, { "auto_issue", 'I' }, { "allowance", 'I' }, { "notes", 't' },
  { "id", 'i' }, { "currency", 't' },
};

static const Column line_columns[] = {
  { "position", 'I' }, { "description", 'T' }, { "quantity", 'I' }, { "unit", 't' },
  { "unit_price", 'I' }, { "vat_rate_bp", 'I' }, { "allowance", 'I' },
};

static const Column occurrence_columns[] = {
  { "template_id", 'I' }, { "occurrence_date", 'D' }, { "document_id", 'i' },
  { "created_on", 'D' }, { "missed", 'I' }, { "seen", 'I' }, { "issue_error", 't' },
};

/* Members whose types bind_columns() checked. */
static const char *
member_text (JsonObject *object,
             const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gint64
member_int (JsonObject *object,
            const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return json_node_get_int (node);
}

/* An integer member that a gint holds, else -1 (which the checks refuse). */
static gint
member_gint (JsonObject *object,
             const char *key)
{
  gint64 value = member_int (object, key);

  return value >= G_MININT && value <= G_MAXINT ? (gint) value : -1;
}

static void
member_date (JsonObject *object,
             const char *key,
             GDate      *out)
{
  const char *text = member_text (object, key);

  g_date_clear (out, 1);
  if (text != NULL)
    factures_date_parse_iso (text, out, NULL);
}

/* A refusal of the editor's checks, after the JSON path of the template or item. */
static void
prefix_where (GError     **error,
              const char  *where)
{
  g_prefix_error (error, _("Invalid file: %s: "), where);
}

static gboolean
import_catalogue (FacturesStore  *self,
                  JsonArray      *items,
                  gboolean        keep_ids,
                  GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = factures_store_prepare (self,
                                 "INSERT INTO catalogue_items (name, description, unit, unit_price, "
                                 "vat_rate_bp, is_goods, id, name_key, search_key, activity) VALUES (?1, "
                                 "?2, ?3, ?4, ?5, ?6, ?7, factures_fold (?1), factures_fold "
                                 "(?1 || ' ' || coalesce (?2, '') || ' ' || coalesce (?3, '')), "
                                 "coalesce (?8, 0))",
                                 error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autofree char *where = g_strdup_printf ("catalogue[%u]", i);
      g_autoptr(FacturesCatalogueItem) item = NULL;
      JsonObject *object = element_object (items, i, where, error);

      if (object == NULL)
        return FALSE;
      sqlite3_reset (stmt);
      if (!bind_columns (stmt, object, item_columns, G_N_ELEMENTS (item_columns), where, error))
        return FALSE;

      /* The catalogue editor's checks (factures_store_save_catalogue_item()). */
      item = factures_catalogue_item_new ();
      item->name = g_strdup (member_text (object, "name"));
      item->description = g_strdup (member_text (object, "description"));
      item->unit = g_strdup (member_text (object, "unit"));
      item->unit_price = member_int (object, "unit_price");
      item->vat_rate_bp = member_gint (object, "vat_rate_bp");
      item->is_goods = member_int (object, "is_goods") != 0;
      item->activity = (FacturesLineActivity) member_int (object, "activity");
      if ((guint) item->activity > FACTURES_LINE_ACTIVITY_LAST)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                       _("Invalid file: %s.activity must be between 0 and 4."), where);
          return FALSE;
        }
      if (!factures_store_catalogue_item_clean (item, error))
        {
          prefix_where (error, where);
          return FALSE;
        }
      factures_sql_bind_text (stmt, 1, item->name);
      factures_sql_bind_text (stmt, 2, item->description);
      factures_sql_bind_text (stmt, 3, item->unit);
      sqlite3_bind_int64 (stmt, 4, item->unit_price);
      sqlite3_bind_int (stmt, 5, item->vat_rate_bp);
      sqlite3_bind_int (stmt, 6, item->is_goods ? 1 : 0);
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
                                 "next_date, end_date, auto_issue, allowance, notes, id, currency) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                 error);
  line_stmt = factures_store_prepare (self,
                                      "INSERT INTO recurring_lines (position, description, quantity, "
                                      "unit, unit_price, vat_rate_bp, allowance, template_id, activity, "
                                      "vat_category, vatex, exemption_reason, override_reason) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                                      error);
  if (stmt == NULL || line_stmt == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (templates); i++)
    {
      g_autofree char *where = g_strdup_printf ("recurring[%u]", i);
      g_autoptr(FacturesRecurring) r = NULL;
      JsonObject *object = element_object (templates, i, where, error);
      JsonNode *lines_node;
      JsonArray *lines;
      gint64 client_id, *mapped, template_id;

      if (object == NULL)
        return FALSE;
      sqlite3_reset (stmt);
      if (!bind_columns (stmt, object, template_columns, G_N_ELEMENTS (template_columns), where, error))
        return FALSE;
      client_id = member_int (object, "client_id");
      mapped = g_hash_table_lookup (client_ids, &client_id);
      if (mapped == NULL)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                       _("Invalid file: %s refers to client %" PRId64 ", which is not in the file."),
                       where, client_id);
          return FALSE;
        }

      lines_node = json_object_get_member (object, "lines");
      if (lines_node == NULL || !JSON_NODE_HOLDS_ARRAY (lines_node))
        {
          format_error (error, where, "lines", _("an array"));
          return FALSE;
        }
      lines = json_node_get_array (lines_node);

      /* The template editor's checks (factures_store_save_recurring()). */
      r = factures_recurring_new ();
      r->client_id = *mapped;
      r->period = member_gint (object, "period");
      member_date (object, "start_date", &r->start_date);
      member_date (object, "next_date", &r->next_date);
      member_date (object, "end_date", &r->end_date);
      r->auto_issue = member_int (object, "auto_issue") != 0;
      r->allowance = member_int (object, "allowance");
      r->notes = g_strdup (member_text (object, "notes"));
      /* the currency as documents[N].currency is read: a code other than EUR, or absent */
      {
        const char *currency = member_text (object, "currency");
        g_autofree char *normal = factures_currency_normalise (currency);

        if (g_strcmp0 (normal, currency) != 0 || !factures_currency_check (currency, NULL))
          {
            format_error (error, where, "currency", _("an ISO 4217 code other than EUR, or null"));
            return FALSE;
          }
        r->currency = g_strdup (currency);
      }
      for (guint j = 0; j < json_array_get_length (lines); j++)
        {
          g_autofree char *line_where = g_strdup_printf ("%s.lines[%u]", where, j);
          JsonObject *line = element_object (lines, j, line_where, error);
          FacturesLine *copy;

          if (line == NULL)
            return FALSE;
          sqlite3_reset (line_stmt);
          if (!bind_columns (line_stmt, line, line_columns, G_N_ELEMENTS (line_columns),
                             line_where, error))
            return FALSE;
          copy = factures_line_new ();
          g_free (copy->description);
          g_free (copy->unit);
          copy->description = g_strdup (member_text (line, "description"));
          copy->unit = g_strdup (member_text (line, "unit"));
          copy->quantity = member_int (line, "quantity");
          copy->unit_price = member_int (line, "unit_price");
          copy->vat_rate_bp = member_gint (line, "vat_rate_bp");
          copy->allowance = member_int (line, "allowance");
          /* Issue 13: the line's VAT treatment, absent in older files. */
          copy->activity = (FacturesLineActivity) member_int (line, "activity");
          copy->vat_category = factures_vat_category_from_code (member_text (line, "vat_category"));
          copy->vatex = g_strdup (member_text (line, "vatex"));
          copy->exemption_reason = g_strdup (member_text (line, "exemption_reason"));
          copy->override_reason = g_strdup (member_text (line, "override_reason"));
          g_ptr_array_add (r->lines, copy);
          if ((guint) copy->activity > FACTURES_LINE_ACTIVITY_LAST)
            {
              g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                           _("Invalid file: %s.activity must be between 0 and 4."), line_where);
              return FALSE;
            }
          if (member_text (line, "vat_category") != NULL && copy->vat_category == FACTURES_VAT_CATEGORY_UNSET)
            {
              g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT, _("Invalid file: %s.%s must be %s."),
                           line_where, "vat_category", _("a VAT category code (S, Z, E, AE, K, G or O)"));
              return FALSE;
            }
        }
      if (!factures_store_recurring_clean (self, r, error))
        {
          prefix_where (error, where);
          return FALSE;
        }

      sqlite3_bind_int64 (stmt, 1, r->client_id);
      sqlite3_bind_int (stmt, 2, r->period);
      factures_sql_bind_date (stmt, 3, &r->start_date);
      factures_sql_bind_date (stmt, 4, &r->next_date);
      factures_sql_bind_date (stmt, 5, &r->end_date);
      sqlite3_bind_int (stmt, 6, r->auto_issue ? 1 : 0);
      sqlite3_bind_int64 (stmt, 7, r->allowance);
      factures_sql_bind_text (stmt, 8, r->notes);
      if (!keep_ids)
        sqlite3_bind_null (stmt, 9);
      factures_sql_bind_text (stmt, 10, r->currency);
      if (!step (self, stmt, where, error))
        return FALSE;
      template_id = sqlite3_last_insert_rowid (factures_store_get_db (self));

      for (guint j = 0; j < r->lines->len; j++)
        {
          g_autofree char *line_where = g_strdup_printf ("%s.lines[%u]", where, j);
          const FacturesLine *line = g_ptr_array_index (r->lines, j);

          sqlite3_reset (line_stmt);
          sqlite3_bind_int (line_stmt, 1, (int) j + 1);
          factures_sql_bind_text (line_stmt, 2, line->description);
          sqlite3_bind_int64 (line_stmt, 3, line->quantity);
          factures_sql_bind_text (line_stmt, 4, line->unit);
          sqlite3_bind_int64 (line_stmt, 5, line->unit_price);
          sqlite3_bind_int (line_stmt, 6, line->vat_rate_bp);
          sqlite3_bind_int64 (line_stmt, 7, line->allowance);
          sqlite3_bind_int64 (line_stmt, 8, template_id);
          sqlite3_bind_int (line_stmt, 9, line->activity);
          factures_sql_bind_text (line_stmt, 10, factures_vat_category_code (line->vat_category));
          factures_sql_bind_text (line_stmt, 11, line->vatex);
          factures_sql_bind_text (line_stmt, 12, line->exemption_reason);
          factures_sql_bind_text (line_stmt, 13, line->override_reason);
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
