/* factures-store-payments-json.c — JSON export and import of the payments tables
 * (split from factures-store-payments.c; see factures-store-payments.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "factures-currency.h"
#include "factures-schedule.h"
#include "factures-store-lifecycle-private.h"
#include "factures-store-payments.h"
#include "factures-store-payments-private.h"
#include "factures-store-payments-impl-private.h"
#include "factures-store-json-private.h"

/* ---- JSON export/import (factures-store-json.c) ---- */

typedef struct {
  const char *table;
  const char *order;
  gboolean    when_filled;   /* exported only when it holds rows (tables added after the export
                                format was frozen by tests/store/data/schema9.json.gz) */
} JsonTable;

/* Parents before children, so foreign keys hold at every insert. */
static const JsonTable json_tables[] = {
  { "penalty_rates", "year, half" },
  { "dunning_steps", "category, position" },
  { "payments", "id" },
  { "payment_allocations", "id" },
  { "payment_reversals", "id" },   /* 0008-integrity.sql */
  /* (after imported_invoices, which factures-store-facturx.c imports later: foreign keys
   * are deferred to the import's COMMIT) */
  { "imported_payments", "id" },
  { "imported_payment_reversals", "id" },
  { "instalments", "document_id, number" },
  { "dunning_events", "id" },
  { "payment_promises", "id" },
  { "disputes", "id" },
  { "penalty_waivers", "document_id" },
  /* 0014-bank.sql (bank-match): accounts, movements, credit-note refunds, match decisions */
  { "bank_accounts", "id", TRUE },
  { "bank_transactions", "id", TRUE },
  { "credit_note_refunds", "id", TRUE },
  { "credit_note_refund_reversals", "id", TRUE },
  { "bank_matches", "id", TRUE },
};

gboolean
factures_store_payments_export_json (FacturesStore  *self,
                                     JsonBuilder    *builder,
                                     GError        **error)
{
  for (guint t = 0; t < G_N_ELEMENTS (json_tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY %s", json_tables[t].table,
                                              json_tables[t].order);
      g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self, sql, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      if (json_tables[t].when_filled)
        {
          g_autofree char *count_sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM %s)", json_tables[t].table);
          g_autoptr(sqlite3_stmt) count = factures_store_prepare (self, count_sql, error);

          if (count == NULL)
            return FALSE;
          if (sqlite3_step (count) != SQLITE_ROW)
            {
              factures_store_set_db_error (self, error);
              return FALSE;
            }
          if (sqlite3_column_int (count, 0) == 0)
            continue;
        }
      json_builder_set_member_name (builder, json_tables[t].table);
      json_builder_begin_array (builder);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          json_builder_begin_object (builder);
          for (int col = 0; col < sqlite3_column_count (stmt); col++)
            {
              /* payments.eur_amount (migration 0017) only when set: an export of payments in
               * euros is as before. */
              if (sqlite3_column_type (stmt, col) == SQLITE_NULL
                  && strcmp (sqlite3_column_name (stmt, col), "eur_amount") == 0)
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
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      if (rc != SQLITE_DONE)
        {
          factures_store_set_db_error (self, error);
          return FALSE;
        }
    }
  return TRUE;
}

static GPtrArray *
table_columns (FacturesStore  *self,
               const char     *table,
               GError        **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA table_info (%s)", table);
  g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self, sql, error);
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (columns, factures_sql_col_dup (stmt, 1));
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&columns);
}

static gboolean
json_format_error (GError **error, const char *table, guint index, const char *what)
{
  g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT, _("%s[%u]: %s."), table, index, what);
  return FALSE;
}

static gboolean check_row_date   (JsonObject *row, const char *where, const char *key, GDate *out,
                                  GError **error);
static gboolean check_row_amount (JsonObject *row, const char *where, const char *key, gint64 *out,
                                  GError **error);

/* imported_invoices[i].paid_on, paid_method, paid_amount, paid_reference (files from 0007) into
 * rows of imported_payments (0008), checked like the rows of imported_payments. */
static gboolean
import_legacy_imported_payments (FacturesStore  *self,
                                 JsonObject     *root,
                                 GError        **error)
{
  JsonNode *node = json_object_get_member (root, "imported_invoices");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JsonArray *rows;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return TRUE;  /* (factures-store-facturx.c says what is wrong with it) */
  stmt = factures_store_prepare (self,
                                 "INSERT INTO imported_payments (invoice_id, date, method, amount, reference) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  rows = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonNode *row_node = json_array_get_element (rows, i);
      JsonObject *row = JSON_NODE_HOLDS_OBJECT (row_node) ? json_node_get_object (row_node) : NULL;
      const char *members[] = { "id", "paid_on", "paid_method", "paid_amount", "paid_reference" };
      JsonNode *values[G_N_ELEMENTS (members)] = { NULL, };
      gboolean paid = row != NULL;

      for (guint m = 0; row != NULL && m < G_N_ELEMENTS (members); m++)
        {
          values[m] = json_object_get_member (row, members[m]);
          if (m < 4 && (values[m] == NULL || !JSON_NODE_HOLDS_VALUE (values[m])))
            paid = FALSE;
        }
      if (!paid)
        continue;
      {
        g_autofree char *where = g_strdup_printf ("imported_invoices[%u]", i);
        gint64 amount, method;
        GDate date;

        if (!check_row_date (row, where, "paid_on", &date, error) ||
            !check_row_amount (row, where, "paid_amount", &amount, error) ||
            !factures_store_json_impl_get_int_range (row, where, "paid_method", -1, 0,
                                                     FACTURES_N_PAYMENT_METHODS - 1, &method, error))
          return FALSE;
      }
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      for (guint m = 0; m < G_N_ELEMENTS (members); m++)
        {
          if (values[m] == NULL || !JSON_NODE_HOLDS_VALUE (values[m]))
            continue;
          if (json_node_get_value_type (values[m]) == G_TYPE_INT64)
            sqlite3_bind_int64 (stmt, (int) m + 1, json_node_get_int (values[m]));
          else if (json_node_get_value_type (values[m]) == G_TYPE_STRING)
            sqlite3_bind_text (stmt, (int) m + 1, json_node_get_string (values[m]), -1, SQLITE_TRANSIENT);
          else
            return json_format_error (error, "imported_invoices", i, _("a value is neither a whole number, a text nor null"));
        }
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          g_autofree char *what = g_strdup (sqlite3_errmsg (factures_store_get_db (self)));
          return json_format_error (error, "imported_invoices", i, what);
        }
    }
  return TRUE;
}

/* ---- the checks of factures_store_record_payment() and of a reversal, on the file's rows ---- */

/* @key of @row: a date written YYYY-MM-DD, not after today (a receipt is recorded once the money
 * has come in: LEGAL.md §6); @out gets it. */
static gboolean
check_row_date (JsonObject   *row,
                const char   *where,
                const char   *key,
                GDate        *out,
                GError      **error)
{
  const char *text;
  GDate today;

  if (!factures_store_json_impl_get_date (row, where, key, TRUE, &text, error))
    return FALSE;
  factures_date_parse_iso (text, out, NULL);
  factures_today (&today);
  if (g_date_compare (out, &today) > 0)
    {
      factures_store_json_impl_format_error (error, where, key, _("a date no later than today"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_row_amount (JsonObject   *row,
                  const char   *where,
                  const char   *key,
                  gint64       *out,
                  GError      **error)
{
  if (!factures_store_json_impl_get_int (row, where, key, 0, out, error))
    return FALSE;
  if (*out <= 0)
    {
      factures_store_json_impl_format_error (error, where, key, _("an amount in cents greater than zero"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_row_id (JsonObject   *row,
              const char   *where,
              const char   *key,
              GHashTable   *ids,
              const char   *expected,
              gpointer     *out_value,
              GError      **error)
{
  gint64 id;

  if (!factures_store_json_impl_get_int (row, where, key, 0, &id, error))
    return FALSE;
  if (!g_hash_table_lookup_extended (ids, &id, NULL, out_value))
    {
      factures_store_json_impl_format_error (error, where, key, expected);
      return FALSE;
    }
  return TRUE;
}

static void
remember_id (GHashTable *ids,
             JsonObject *row,
             gpointer    value)
{
  JsonNode *node = json_object_get_member (row, "id");

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
    g_hash_table_insert (ids, g_memdup2 (&(gint64) { json_node_get_int (node) }, sizeof (gint64)), value);
}

typedef struct {
  GHashTable *payments;           /* id → its date (GDate, owned) */
  GHashTable *imported_payments;  /* id → its date (GDate, owned) */
  GHashTable *refunds;            /* id → its date (GDate, owned): credit_note_refunds */
} RowIds;

/* A reversal: the payment it cancels is in the file, its date is valid, not after today, not
 * before the payment (factures_store_check_reversal_date()), its reason is not empty. */
static gboolean
check_reversal_row (JsonObject   *row,
                    const char   *where,
                    const char   *payment_key,
                    GHashTable   *payments,
                    GError      **error)
{
  gpointer paid = NULL;
  const char *reason;
  GDate date;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *paid_on = NULL;
  g_autofree char *clean = NULL;

  if (!check_row_id (row, where, payment_key, payments, _("the id of a payment in the file"), &paid, error) ||
      !check_row_date (row, where, "date", &date, error))
    return FALSE;
  if (paid != NULL)
    {
      paid_on = g_malloc (11);
      g_date_strftime (paid_on, 11, "%Y-%m-%d", paid);
    }
  if (!factures_store_check_reversal_date (&date, paid_on, &local_error))
    {
      g_autofree char *path = factures_store_json_impl_path_join (where, "date");

      g_propagate_error (error, g_steal_pointer (&local_error));
      factures_store_json_impl_prefix_path (error, path);
      return FALSE;
    }
  if (!factures_store_json_impl_get_text (row, where, "reason", &reason, error))
    return FALSE;
  clean = factures_store_clean_reason (reason, error);
  if (clean == NULL)
    {
      g_autofree char *path = factures_store_json_impl_path_join (where, "reason");

      factures_store_json_impl_prefix_path (error, path);
      return FALSE;
    }
  return TRUE;
}

/* The checks of a payment recorded in the app (check_payment(), factures_store_record_payment()),
 * on row @index of @table, before it is inserted: the refusal names the JSON path. */
static gboolean
check_row (FacturesStore  *self,
           const char     *table,
           guint           index,
           JsonObject     *row,
           RowIds         *ids,
           GError        **error)
{
  g_autofree char *where = g_strdup_printf ("%s[%u]", table, index);
  gint64 amount, method, credit;
  GDate date;

  if (strcmp (table, "payments") == 0 || strcmp (table, "imported_payments") == 0)
    {
      if (!check_row_date (row, where, "date", &date, error) ||
          !check_row_amount (row, where, "amount", &amount, error) ||
          !factures_store_json_impl_get_int_range (row, where, "method", -1, 0,
                                                   FACTURES_N_PAYMENT_METHODS - 1, &method, error))
        return FALSE;
      if (strcmp (table, "payments") == 0)
        {
          const char *reference;

          gint64 eur_amount;

          if (!factures_store_json_impl_get_int_range (row, where, "credit", 0, 0, amount, &credit, error) ||
              !factures_store_json_impl_get_text (row, where, "reference", &reference, error) ||
              !factures_store_json_impl_get_int_range (row, where, "eur_amount", 0, 0, G_MAXINT64, &eur_amount, error))
            return FALSE;
          /* Issue 13 item 4: the EUR amount the bank credited, when given, is above 0. */
          if (eur_amount == 0 && json_object_has_member (row, "eur_amount")
              && !json_object_get_null_member (row, "eur_amount"))
            {
              factures_store_json_impl_format_error (error, where, "eur_amount", _("an amount in euro cents above 0, or null"));
              return FALSE;
            }
          if (method == FACTURES_PAYMENT_METHOD_CHEQUE && (reference == NULL || *reference == '\0'))
            {
              factures_store_json_impl_format_error (error, where, "reference", _("the number of the cheque"));
              return FALSE;
            }
          remember_id (ids->payments, row, g_memdup2 (&date, sizeof date));
        }
      else
        remember_id (ids->imported_payments, row, g_memdup2 (&date, sizeof date));
      return TRUE;
    }
  if (strcmp (table, "payment_allocations") == 0)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      gint64 document_id;

      if (!check_row_id (row, where, "payment_id", ids->payments, _("the id of a payment in the file"), NULL, error) ||
          !factures_store_json_impl_get_int (row, where, "document_id", 0, &document_id, error) ||
          !check_row_date (row, where, "date", &date, error) ||
          !check_row_amount (row, where, "amount", &amount, error))
        return FALSE;
      stmt = factures_store_prepare (self, "SELECT gross_total, currency IS NOT NULL AND ?2 IS NOT NULL AND "
                                     "(SELECT eur_amount IS NULL FROM payments WHERE id = ?2), "
                                     "client_id, (SELECT client_id FROM payments WHERE id = ?2), "
                                     "coalesce (exchange_rate, 0), (SELECT amount FROM payments WHERE id = ?2), "
                                     "(SELECT coalesce (eur_amount, 0) FROM payments WHERE id = ?2), "
                                     "kind, status "
                                     "FROM documents WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, document_id);
      {
        JsonNode *payment_id = json_object_get_member (row, "payment_id");

        if (payment_id != NULL && JSON_NODE_HOLDS_VALUE (payment_id) && json_node_get_value_type (payment_id) == G_TYPE_INT64)
          sqlite3_bind_int64 (stmt, 2, json_node_get_int (payment_id));
      }
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          factures_store_json_impl_format_error (error, where, "document_id", _("the id of a document in the file"));
          return FALSE;
        }
      /* What factures_store_record_payment() pays: an issued invoice or deposit invoice, never
       * a quote, a draft or a credit note (factures_store_pay_is_payable()). */
      if (sqlite3_column_int (stmt, 8) != FACTURES_DOCUMENT_STATUS_ISSUED ||
          (sqlite3_column_int (stmt, 7) != FACTURES_DOCUMENT_KIND_INVOICE &&
           sqlite3_column_int (stmt, 7) != FACTURES_DOCUMENT_KIND_DEPOSIT))
        {
          factures_store_json_impl_format_error (error, where, "document_id",
                                                 _("the id of an issued invoice or deposit invoice (a payment pays "
                                                   "nothing else)"));
          return FALSE;
        }
      /* Issue 13 item 4: a payment of a document in another currency says what the bank
       * credited in euros (factures_store_record_payment()). */
      if (sqlite3_column_int (stmt, 1) != 0)
        {
          factures_store_json_impl_format_error (error, where, "payment_id",
                                                 _("a payment with its amount in euros (eur_amount): the document is not in euros"));
          return FALSE;
        }
      /* Trial 5 finding 2: a payment moved by hand onto another client's invoice (the dialog
       * pays invoices of one client only: factures_store_record_payment()). */
      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL &&
          (sqlite3_column_int64 (stmt, 2) != sqlite3_column_int64 (stmt, 3) ||
           json_object_get_int_member_with_default (row, "client_id", sqlite3_column_int64 (stmt, 3))
             != sqlite3_column_int64 (stmt, 3)))
        {
          factures_store_json_impl_format_error (error, where, "document_id",
                                                 _("a document of the payment’s client (“client_id” of the payment)"));
          return FALSE;
        }
      /* Trial 5 finding 2: the euros credited against the document's rate, as
       * factures_store_record_payment() checks them (trial finding T8): within half and twice. */
      if (sqlite3_column_int64 (stmt, 4) > 0 && sqlite3_column_int64 (stmt, 6) > 0)
        {
          gint64 at_rate = 0;

          if (factures_muldiv_round (sqlite3_column_int64 (stmt, 5), sqlite3_column_int64 (stmt, 4),
                                     FACTURES_EXCHANGE_RATE_ONE, &at_rate, NULL) &&
              (sqlite3_column_int64 (stmt, 6) < at_rate / 2 || sqlite3_column_int64 (stmt, 6) / 2 > at_rate))
            {
              factures_store_json_impl_format_error (error, where, "payment_id",
                                                     _("a payment whose amount in euros (eur_amount) is within half and "
                                                       "twice its amount at the document’s exchange rate"));
              return FALSE;
            }
        }
      if (amount > sqlite3_column_int64 (stmt, 0))
        {
          g_autofree char *path = factures_store_json_impl_path_join (where, "amount");
          g_autofree char *text = factures_money_format (amount);
          g_autofree char *gross = factures_money_format (sqlite3_column_int64 (stmt, 0));

          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                       _("Invalid file: %s: %s is more than the document’s total of %s."), path, text, gross);
          return FALSE;
        }
      return TRUE;
    }
  if (strcmp (table, "payment_reversals") == 0)
    return check_reversal_row (row, where, "payment_id", ids->payments, error);
  if (strcmp (table, "imported_payment_reversals") == 0)
    return check_reversal_row (row, where, "imported_payment_id", ids->imported_payments, error);
  /* 0014-bank.sql: the checks of factures_store_record_refund() and of the bank import */
  if (strcmp (table, "credit_note_refunds") == 0)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      gint64 document_id;

      if (!factures_store_json_impl_get_int (row, where, "document_id", 0, &document_id, error) ||
          !check_row_date (row, where, "date", &date, error) ||
          !check_row_amount (row, where, "amount", &amount, error) ||
          !factures_store_json_impl_get_int_range (row, where, "method", -1, 0,
                                                   FACTURES_N_PAYMENT_METHODS - 1, &method, error))
        return FALSE;
      stmt = factures_store_prepare (self, "SELECT gross_total FROM documents WHERE id = ?1 AND kind = 381 AND status = 1",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, document_id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          factures_store_json_impl_format_error (error, where, "document_id", _("the id of an issued credit note in the file"));
          return FALSE;
        }
      if (amount > sqlite3_column_int64 (stmt, 0))
        {
          factures_store_json_impl_format_error (error, where, "amount", _("an amount no larger than the credit note"));
          return FALSE;
        }
      remember_id (ids->refunds, row, g_memdup2 (&date, sizeof date));
      return TRUE;
    }
  if (strcmp (table, "credit_note_refund_reversals") == 0)
    return check_reversal_row (row, where, "refund_id", ids->refunds, error);
  if (strcmp (table, "bank_transactions") == 0)
    {
      const char *text;

      if (!factures_store_json_impl_get_date (row, where, "booking_date", TRUE, &text, error) ||
          !factures_store_json_impl_get_int (row, where, "amount", 0, &amount, error))
        return FALSE;
      if (amount == 0)
        {
          factures_store_json_impl_format_error (error, where, "amount", _("an amount in cents other than zero"));
          return FALSE;
        }
      return TRUE;
    }
  if (strcmp (table, "bank_matches") == 0)
    {
      gint64 action;

      if (!factures_store_json_impl_get_int_range (row, where, "action", -1, 1, 4, &action, error))
        return FALSE;
      if (action == 1)
        return check_row_id (row, where, "payment_id", ids->payments, _("the id of a payment in the file"), NULL, error);
      if (action == 2)
        return check_row_id (row, where, "refund_id", ids->refunds, _("the id of a refund in the file"), NULL, error);
      return TRUE;
    }
  return TRUE;
}

gboolean
factures_store_payments_import_json (FacturesStore  *self,
                                     JsonObject     *root,
                                     gboolean        keep_ids,
                                     GError        **error)
{
  g_autoptr(GHashTable) payment_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) imported_payment_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) refund_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  RowIds ids = { payment_ids, imported_payment_ids, refund_ids };

  if (!keep_ids)
    return TRUE;

  /* The payments of imported sales refer to imported_invoices, imported after these tables. */
  if (!factures_store_exec (self, "PRAGMA defer_foreign_keys = ON", error))
    return FALSE;
  /* A file from before 0008: the payment of an imported sale was in its paid_* members. */
  if (!json_object_has_member (root, "imported_payments") && !import_legacy_imported_payments (self, root, error))
    return FALSE;

  for (guint t = 0; t < G_N_ELEMENTS (json_tables); t++)
    {
      const char *table = json_tables[t].table;
      g_autoptr(GPtrArray) columns = NULL;
      JsonNode *node = json_object_get_member (root, table);
      JsonArray *rows;

      if (node == NULL)
        continue;
      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT, _("%s: an array is expected."), table);
          return FALSE;
        }
      rows = json_node_get_array (node);
      columns = table_columns (self, table, error);
      if (columns == NULL)
        return FALSE;

      /* the file's rate table and ladders replace the shipped ones */
      if (strcmp (table, "penalty_rates") == 0 || strcmp (table, "dunning_steps") == 0)
        {
          g_autofree char *del = g_strdup_printf ("DELETE FROM %s", table);
          if (!factures_store_exec (self, del, error))
            return FALSE;
        }

      for (guint i = 0; i < json_array_get_length (rows); i++)
        {
          JsonNode *row_node = json_array_get_element (rows, i);
          JsonObject *row;
          g_autoptr(GString) names = g_string_new (NULL);
          g_autoptr(GString) marks = g_string_new (NULL);
          g_autoptr(GPtrArray) values = g_ptr_array_new ();
          g_autofree char *sql = NULL;
          g_autoptr(sqlite3_stmt) stmt = NULL;
          g_autoptr(GList) members = NULL;

          if (!JSON_NODE_HOLDS_OBJECT (row_node))
            return json_format_error (error, table, i, _("an object is expected"));
          row = json_node_get_object (row_node);
          members = json_object_get_members (row);
          for (GList *m = members; m != NULL; m = m->next)
            {
              gboolean known = FALSE;

              for (guint c = 0; c < columns->len; c++)
                known |= strcmp (m->data, g_ptr_array_index (columns, c)) == 0;
              if (!known)
                {
                  g_autofree char *what = g_strdup_printf (_("unknown member “%s”"), (const char *) m->data);
                  return json_format_error (error, table, i, what);
                }
              g_string_append_printf (names, "%s%s", names->len ? ", " : "", (const char *) m->data);
              g_string_append_printf (marks, "%s?", marks->len ? ", " : "");
              g_ptr_array_add (values, json_object_get_member (row, m->data));
            }
          if (values->len == 0)
            return json_format_error (error, table, i, _("the row is empty"));
          if (!check_row (self, table, i, row, &ids, error))
            return FALSE;
          sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", table, names->str, marks->str);
          stmt = factures_store_prepare (self, sql, error);
          if (stmt == NULL)
            return FALSE;
          for (guint v = 0; v < values->len; v++)
            {
              JsonNode *value = g_ptr_array_index (values, v);

              if (JSON_NODE_HOLDS_NULL (value))
                sqlite3_bind_null (stmt, (int) v + 1);
              else if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_INT64)
                sqlite3_bind_int64 (stmt, (int) v + 1, json_node_get_int (value));
              else if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
                sqlite3_bind_text (stmt, (int) v + 1, json_node_get_string (value), -1, SQLITE_TRANSIENT);
              else
                return json_format_error (error, table, i, _("a value is neither a whole number, a text nor null"));
            }
          if (sqlite3_step (stmt) != SQLITE_DONE)
            {
              g_autofree char *what = g_strdup (sqlite3_errmsg (factures_store_get_db (self)));
              return json_format_error (error, table, i, what);
            }
        }
    }
  return TRUE;
}
