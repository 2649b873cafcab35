/* factures-store-documents.c — documents: loading, drafts, deletion, duplication
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "factures-currency.h"
#include "factures-identifiers.h"
#include "factures-identifiers-eu.h"
#include "factures-lifecycle.h"
#include "factures-mentions.h"
#include "factures-rows.h"
#include "factures-sql-list-model.h"
#include "factures-store-private.h"
#include "factures-store-integrity-private.h"
#include "factures-store-lifecycle-private.h"
#include "factures-store-numbering-private.h"
#include "factures-store-payments-private.h"
#include "factures-store-schedule-private.h"
#include "factures-store-resources.h"
#include "factures-terms.h"

#define MIGRATIONS_PATH "/org/example/Factures/migrations"
#include "factures-store-impl-private.h"

/* ---- documents ---- */

static gboolean
kind_is_valid (FacturesDocumentKind kind)
{
  return kind == FACTURES_DOCUMENT_KIND_QUOTE ||
         kind == FACTURES_DOCUMENT_KIND_INVOICE ||
         kind == FACTURES_DOCUMENT_KIND_CREDIT_NOTE ||
         kind == FACTURES_DOCUMENT_KIND_DEPOSIT;
}

const char *
factures_store_impl_series_of_kind (FacturesDocumentKind kind)
{
  switch (kind)
    {
    case FACTURES_DOCUMENT_KIND_QUOTE:
      return "quote";
    case FACTURES_DOCUMENT_KIND_CREDIT_NOTE:
      return "credit-note";
    case FACTURES_DOCUMENT_KIND_INVOICE:
    case FACTURES_DOCUMENT_KIND_DEPOSIT:
    default:
      return "invoice";
    }
}

/* The terms that apply: the client's own, else the profile's default. */
static void
effective_terms (const FacturesProfile *profile,
                 const FacturesClient  *client,
                 FacturesPaymentTerms  *out)
{
  if (client != NULL && client->has_terms)
    *out = client->terms;
  else if (profile != NULL)
    *out = profile->default_terms;
  else
    {
      out->kind = FACTURES_TERMS_ON_RECEIPT;
      out->days = 0;
    }
}

#define DOCUMENT_SELECT "SELECT id, kind, status, number, issue_date, delivery_date, due_date, " \
                        "terms_kind, terms_days, client_id, seller, buyer, allowance, notes, " \
                        "purchase_order, hash, currency, exchange_rate FROM documents "

static FacturesDocument *
load_document (FacturesStore  *self,
               sqlite3_stmt   *stmt,
               GError        **error)
{
  g_autoptr(FacturesDocument) document = NULL;
  g_autoptr(FacturesCachedStmt) lines = NULL;
  int rc;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND,
                           _("No such document."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }

  document = factures_document_new (sqlite3_column_int (stmt, 1));
  document->id = sqlite3_column_int64 (stmt, 0);
  document->status = sqlite3_column_int (stmt, 2);
  document->number = factures_sql_col_dup (stmt, 3);
  factures_sql_col_date (stmt, 4, &document->issue_date);
  factures_sql_col_date (stmt, 5, &document->delivery_date);
  factures_sql_col_date (stmt, 6, &document->due_date);
  document->terms.kind = sqlite3_column_int (stmt, 7);
  document->terms.days = (guint) sqlite3_column_int (stmt, 8);
  document->client_id = sqlite3_column_int64 (stmt, 9);
  document->allowance = sqlite3_column_int64 (stmt, 12);
  document->notes = factures_sql_col_dup (stmt, 13);
  document->purchase_order = factures_sql_col_dup (stmt, 14);
  document->hash = factures_sql_col_dup (stmt, 15);
  document->currency = factures_sql_col_dup (stmt, 16);
  document->exchange_rate = sqlite3_column_int64 (stmt, 17);

  if (document->status == FACTURES_DOCUMENT_STATUS_ISSUED)
    {
      g_autoptr(FacturesProfile) current = NULL;

      document->seller = factures_store_profile_from_json (factures_store_impl_col_text (stmt, 10), error);
      if (document->seller == NULL)
        return NULL;
      document->buyer = factures_store_client_from_json (factures_store_impl_col_text (stmt, 11), error);
      if (document->buyer == NULL)
        return NULL;
      /* The logo is not frozen (the original PDF carries it): use the current one. */
      current = factures_store_get_profile (self, NULL);
      if (current != NULL && current->logo != NULL && document->seller->logo == NULL)
        document->seller->logo = g_bytes_ref (current->logo);
    }
  else
    {
      GError *local_error = NULL;

      document->seller = factures_store_get_profile (self, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
      if (document->seller == NULL)
        document->seller = factures_profile_new ();
      if (document->client_id != 0)
        {
          document->buyer = factures_store_get_client (self, document->client_id, error);
          if (document->buyer == NULL)
            return NULL;
        }
      /* Trial 6 finding 2: a draft imported with its own terms and due date (JSON) keeps
       * them; the others get the client's or the profile's. */
      if (!g_date_valid (&document->due_date))
        {
          effective_terms (document->seller, document->buyer, &document->terms);
          if (g_date_valid (&document->issue_date))
            factures_terms_due_date (&document->terms, document->seller->eom_method,
                                     &document->issue_date, &document->due_date);
        }
    }

  lines = factures_store_prepare_cached (self,
                                         "SELECT description, quantity, unit, unit_price, vat_rate_bp, "
                                         "allowance, activity, vat_category, vatex, exemption_reason, "
                                         "override_reason, debours FROM lines WHERE document_id = ?1 ORDER BY position",
                                  error);
  if (lines == NULL)
    return NULL;
  sqlite3_bind_int64 (lines, 1, document->id);
  while ((rc = sqlite3_step (lines)) == SQLITE_ROW)
    {
      FacturesLine *line = factures_line_new ();

      g_free (line->description);
      g_free (line->unit);
      line->description = factures_sql_col_dup (lines, 0);
      line->quantity = sqlite3_column_int64 (lines, 1);
      line->unit = factures_sql_col_dup (lines, 2);
      line->unit_price = sqlite3_column_int64 (lines, 3);
      line->vat_rate_bp = sqlite3_column_int (lines, 4);
      line->allowance = sqlite3_column_int64 (lines, 5);
      /* Issue 13 (migration 0013). */
      line->activity = sqlite3_column_int (lines, 6);
      line->vat_category = factures_vat_category_from_code (factures_store_impl_col_text (lines, 7));
      line->vatex = factures_sql_col_dup (lines, 8);
      line->exemption_reason = factures_sql_col_dup (lines, 9);
      line->override_reason = factures_sql_col_dup (lines, 10);
      /* Issue 17 (migration 0016). */
      line->debours = sqlite3_column_int (lines, 11) != 0;
      g_ptr_array_add (document->lines, line);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }

  if (!factures_store_lifecycle_load (self, document, error))
    return NULL;
  /* The payment schedule (issue 6): a draft's, or the one frozen in the buyer snapshot. */
  if (!factures_store_schedule_load (self, document, factures_store_impl_col_text (stmt, 11), error))
    return NULL;

  return g_steal_pointer (&document);
}

/**
 * factures_store_get_document:
 * @error: FACTURES_ERROR_NOT_FOUND, FACTURES_ERROR_DATABASE
 *
 * A draft comes with the current profile as seller (an empty profile when none
 * is saved), the current client as buyer (NULL without client) and the terms and
 * due date that issuing it today would give; an issued document with its frozen
 * snapshots, terms and due date.
 *
 * Returns: (transfer full): the document, or NULL.
 */
FacturesDocument *
factures_store_get_document (FacturesStore  *self,
                             gint64          id,
                             GError        **error)
{
  g_autoptr(FacturesCachedStmt) stmt = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  stmt = factures_store_prepare_cached (self, DOCUMENT_SELECT "WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return load_document (self, stmt, error);
}

/**
 * factures_store_find_document:
 * @number: an issued document's number ("F2026-0042")
 *
 * Returns: (transfer full): the document, or NULL with FACTURES_ERROR_NOT_FOUND.
 */
FacturesDocument *
factures_store_find_document (FacturesStore  *self,
                              const char     *number,
                              GError        **error)
{
  g_autoptr(FacturesCachedStmt) stmt = NULL;
  GError *local_error = NULL;
  FacturesDocument *document;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  stmt = factures_store_prepare_cached (self, DOCUMENT_SELECT "WHERE number = ?1", error);
  if (stmt == NULL)
    return NULL;
  factures_sql_bind_text (stmt, 1, number);
  document = load_document (self, stmt, &local_error);
  if (document == NULL && g_error_matches (local_error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND))
    {
      g_clear_error (&local_error);
      g_set_error (&local_error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND,
                   _("No document numbered “%s”."), number);
    }
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return document;
}

static gint
document_status (FacturesStore  *self,
                 gint64          id,
                 GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = factures_store_prepare (self, "SELECT status FROM documents WHERE id = ?1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int (stmt, 0);
  if (rc == SQLITE_DONE)
    g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND,
                 _("No document with id %" PRId64 "."), id);
  else
    factures_store_set_db_error (self, error);
  return -1;
}

/* The member (JSON key of the export) and line (-1: the document) of the first
 * value clean_draft() refused, for the callers that name it (the JSON import). */
typedef struct {
  const char *key;
  gint        line;
} DraftFault;

#define FAULT(k, l) G_STMT_START { if (fault != NULL) { fault->key = (k); fault->line = (l); } } G_STMT_END

/* Validates and cleans a draft's text and figures; fills @totals (seller regime from the profile).
 * @fault: (nullable): set to the refused member on error. */
static gboolean
clean_draft (FacturesStore     *self,
             FacturesDocument  *document,
             FacturesTotals    *totals,
             DraftFault        *fault,
             GError           **error)
{
  g_autoptr(FacturesProfile) profile = NULL;
  GError *local_error = NULL;
  char *text = NULL;
  gboolean exempt;

  if (!kind_is_valid (document->kind))
    {
      FAULT ("kind", -1);
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Document type: unknown type."));
      return FALSE;
    }
  if (!g_date_valid (&document->issue_date))
    {
      FAULT ("issue_date", -1);
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Issue date: the date is missing or invalid."));
      return FALSE;
    }
  /* Trial 6 finding 3: as payments and purchases, no document before the registers' first year
   * (every door saves its drafts here, and issuing saves the draft first). */
  if (!factures_date_check_record (&document->issue_date, _("Issue date"), error))
    {
      FAULT ("issue_date", -1);
      return FALSE;
    }
  if (document->allowance < 0)
    {
      FAULT ("allowance", -1);
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Discount: the amount cannot be negative."));
      return FALSE;
    }
  if (document->allowance > FACTURES_AMOUNT_MAX)
    {
      g_autofree char *max = factures_money_format (FACTURES_AMOUNT_MAX);

      FAULT ("allowance", -1);
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_OVERFLOW,
                   _("Discount: the amount is above the largest amount (%s)."), max);
      return FALSE;
    }
  if (document->client_id != 0 && !factures_store_impl_client_exists (self, document->client_id))
    {
      FAULT ("client_id", -1);
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Client: the client no longer exists."));
      return FALSE;
    }

  if (!factures_store_impl_clean_optional (document->notes, _("Notes"), FACTURES_MAX_NOTES, &text, error))
    {
      FAULT ("notes", -1);
      return FALSE;
    }
  g_free (document->notes);
  document->notes = g_steal_pointer (&text);
  if (!factures_store_impl_clean_optional (document->purchase_order, _("Purchase order"), FACTURES_MAX_SHORT, &text, error))
    {
      FAULT ("purchase_order", -1);
      return FALSE;
    }
  g_free (document->purchase_order);
  document->purchase_order = g_steal_pointer (&text);

  /* Issue 13 item 4: the currency (BT-5) and the exchange rate; the rate is required at issue
   * only (factures_mentions_check()), a draft may wait for it. */
  text = factures_currency_normalise (document->currency);
  g_free (document->currency);
  document->currency = g_steal_pointer (&text);
  if (!factures_currency_check_document (document->currency, document->exchange_rate, 0, FALSE, error))
    {
      FAULT (factures_currency_check (document->currency, NULL) ? "exchange_rate" : "currency", -1);
      return FALSE;
    }

  for (guint i = 0; i < document->lines->len; i++)
    {
      FacturesLine *line = g_ptr_array_index (document->lines, i);
      char *description;

      description = factures_text_clean (line->description, _("Description"),
                                         FACTURES_MAX_DESCRIPTION, TRUE, &local_error);
      if (description == NULL)
        {
          FAULT ("description", (gint) i);
          g_propagate_prefixed_error (error, local_error, _("Line %u: "), i + 1);
          return FALSE;
        }
      g_free (line->description);
      line->description = description;

      if (!factures_store_impl_clean_optional (line->unit, _("Unit"), 20, &text, &local_error))
        {
          FAULT ("unit", (gint) i);
          g_propagate_prefixed_error (error, local_error, _("Line %u: "), i + 1);
          return FALSE;
        }
      g_free (line->unit);
      line->unit = g_steal_pointer (&text);

      /* Issue 13: the texts of the VAT treatment (BT-121 code, BT-120 mention, the reason for an
       * override), cleaned as every text is. */
      {
        struct { char **field; const char *name; const char *key; gsize max; } texts[] = {
          { &line->vatex, _("VAT exemption code"), "vatex", 30 },
          { &line->exemption_reason, _("VAT mention"), "exemption_reason", FACTURES_MAX_NOTES },
          { &line->override_reason, _("Reason for the change"), "override_reason", FACTURES_MAX_NOTES },
        };

        for (guint k = 0; k < G_N_ELEMENTS (texts); k++)
          {
            if (!factures_store_impl_clean_optional (*texts[k].field, texts[k].name, texts[k].max, &text,
                                                     &local_error))
              {
                FAULT (texts[k].key, (gint) i);
                g_propagate_prefixed_error (error, local_error, _("Line %u: "), i + 1);
                return FALSE;
              }
            g_free (*texts[k].field);
            *texts[k].field = g_steal_pointer (&text);
          }
        if (line->vatex != NULL && !g_str_has_prefix (line->vatex, "VATEX-"))
          {
            FAULT ("vatex", (gint) i);
            g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                         _("Line %u: VAT exemption code: %s is not a VATEX code (VATEX-…)."), i + 1,
                         line->vatex);
            return FALSE;
          }
      }

      if (line->quantity == 0 && document->kind != FACTURES_DOCUMENT_KIND_QUOTE)
        {
          FAULT ("quantity", (gint) i);
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("Line %u: Quantity: the quantity cannot be 0."), i + 1);
          return FALSE;
        }
      if (line->quantity > FACTURES_QUANTITY_MAX || line->quantity < -FACTURES_QUANTITY_MAX)
        {
          FAULT ("quantity", (gint) i);
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_OVERFLOW,
                       _("Line %u: Quantity: the quantity is too large (at most 1 000 000 000)."),
                       i + 1);
          return FALSE;
        }
      if (line->unit_price < 0)
        {
          FAULT ("unit_price", (gint) i);
          /* EN 16931 BR-27: the item net price (BT-146) is never negative. */
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("Line %u: Unit price: a unit price cannot be negative; enter a discount, "
                         "or a negative quantity for something taken back."), i + 1);
          return FALSE;
        }
      if (line->vat_rate_bp < 0 || line->vat_rate_bp > FACTURES_RATE_ONE)
        {
          FAULT ("vat_rate_bp", (gint) i);
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("Line %u: VAT rate: the rate must be between 0 and 100 %%."), i + 1);
          return FALSE;
        }
      if (line->allowance < 0)
        {
          FAULT ("allowance", (gint) i);
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("Line %u: Discount: the amount cannot be negative."), i + 1);
          return FALSE;
        }
      /* Fifth trial, finding 11: the core's upper bound of a unit price, discount, line. */
      if (!factures_line_amounts_check (line->quantity, line->unit_price, line->allowance, error))
        {
          FAULT (line->unit_price > FACTURES_UNIT_PRICE_MAX ? "unit_price"
                 : line->allowance > FACTURES_AMOUNT_MAX ? "allowance" : "quantity", (gint) i);
          g_prefix_error (error, _("Line %u: "), i + 1);
          return FALSE;
        }
    }

  profile = factures_store_get_profile (self, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  exempt = profile == NULL || profile->vat_regime == FACTURES_VAT_REGIME_FRANCHISE;
  /* Issue 13: a treatment that no client could make valid (factures_vat_check_line()). */
  for (guint i = 0; i < document->lines->len; i++)
    if (!factures_vat_check_line (g_ptr_array_index (document->lines, i), i, profile, error))
      {
        FAULT ("vat_category", (gint) i);
        return FALSE;
      }
  if (!factures_totals_compute (document->lines, document->allowance, exempt, totals, error))
    {
      FAULT ("lines", -1);
      return FALSE;
    }

  /* A discount is at most what it reduces: a line's amount, the sum of the lines. */
  for (guint i = 0; i < document->lines->len; i++)
    {
      const FacturesLine *line = g_ptr_array_index (document->lines, i);

      if (line->allowance > 0 && g_array_index (totals->line_nets, gint64, i) < 0)
        {
          FAULT ("allowance", (gint) i);
          factures_totals_clear (totals);
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("Line %u: Discount: the discount is larger than the line’s amount."), i + 1);
          return FALSE;
        }
    }
  if (document->allowance > 0 && totals->net_total < 0)
    {
      FAULT ("allowance", -1);
      factures_totals_clear (totals);
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Discount: the discount is larger than the sum of the lines."));
      return FALSE;
    }
  return TRUE;
}

#undef FAULT

gboolean
factures_store_impl_write_lines (FacturesStore           *self,
                                 gint64                   document_id,
                                 const GPtrArray         *lines,
                                 const FacturesTotals    *totals,
                                 GError                 **error)
{
  g_autoptr(sqlite3_stmt) del = NULL;
  g_autoptr(sqlite3_stmt) ins = NULL;

  del = factures_store_prepare (self, "DELETE FROM lines WHERE document_id = ?1", error);
  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, document_id);
  if (!factures_store_step_done (self, del, error))
    return FALSE;

  ins = factures_store_prepare (self,
                                "INSERT INTO lines (document_id, position, description, quantity, "
                                "unit, unit_price, vat_rate_bp, allowance, net, activity, "
                                "vat_category, vatex, exemption_reason, override_reason, debours) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                                error);
  if (ins == NULL)
    return FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      const FacturesLine *line = g_ptr_array_index (lines, i);

      sqlite3_reset (ins);
      sqlite3_bind_int64 (ins, 1, document_id);
      sqlite3_bind_int (ins, 2, (int) i + 1);
      factures_sql_bind_text (ins, 3, line->description);
      sqlite3_bind_int64 (ins, 4, line->quantity);
      factures_sql_bind_text (ins, 5, line->unit);
      sqlite3_bind_int64 (ins, 6, line->unit_price);
      sqlite3_bind_int (ins, 7, line->vat_rate_bp);
      sqlite3_bind_int64 (ins, 8, line->allowance);
      sqlite3_bind_int64 (ins, 9, g_array_index (totals->line_nets, gint64, i));
      /* Issue 13 (migration 0013). */
      sqlite3_bind_int (ins, 10, line->activity);
      factures_sql_bind_text (ins, 11, factures_vat_category_code (line->vat_category));
      factures_sql_bind_text (ins, 12, line->vatex);
      factures_sql_bind_text (ins, 13, line->exemption_reason);
      factures_sql_bind_text (ins, 14, line->override_reason);
      /* Issue 17 (migration 0016). */
      sqlite3_bind_int (ins, 15, line->debours ? 1 : 0);
      if (!factures_store_step_done (self, ins, error))
        return FALSE;
    }
  return TRUE;
}

/* Inside the caller's transaction. */
static gboolean
write_draft (FacturesStore            *self,
             FacturesDocument         *document,
             const FacturesTotals     *totals,
             GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(FacturesClient) client = NULL;
  gboolean update = document->id != 0;

  if (update)
    {
      gint status = document_status (self, document->id, error);

      if (status < 0)
        return FALSE;
      if (status == FACTURES_DOCUMENT_STATUS_ISSUED)
        {
          g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_IMMUTABLE,
                               _("An issued document cannot be changed or deleted."));
          return FALSE;
        }
    }

  if (document->client_id != 0)
    client = factures_store_get_client (self, document->client_id, NULL);

  if (update)
    stmt = factures_store_prepare (self,
                                   "UPDATE documents SET kind = ?1, issue_date = ?2, "
                                   "delivery_date = ?3, client_id = ?4, client_name = ?5, "
                                   "allowance = ?6, net_total = ?7, vat_total = ?8, gross_total = ?9, "
                                   "amount_due = ?10, notes = ?11, purchase_order = ?12, "
                                   "currency = ?14, exchange_rate = ?15, "
                                   /* A draft's own due date (imported) moves with its issue date. */
                                   "due_date = date (due_date, (julianday (?2) - julianday (issue_date)) "
                                   "|| ' days'), "
                                   "client_key = factures_fold (?5), "
                                   "search_key = factures_fold (coalesce (?5, '')) "
                                   "WHERE id = ?13 AND status = 0",
                                   error);
  else
    stmt = factures_store_prepare (self,
                                   "INSERT INTO documents (kind, issue_date, delivery_date, client_id, "
                                   "client_name, allowance, net_total, vat_total, gross_total, "
                                   "amount_due, notes, purchase_order, client_key, search_key, "
                                   "currency, exchange_rate) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                                   "factures_fold (?5), factures_fold (coalesce (?5, '')), ?14, ?15)",
                                   error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, document->kind);
  factures_sql_bind_date (stmt, 2, &document->issue_date);
  factures_sql_bind_date (stmt, 3, &document->delivery_date);
  if (client != NULL)
    sqlite3_bind_int64 (stmt, 4, client->id);
  else
    sqlite3_bind_null (stmt, 4);
  factures_sql_bind_text (stmt, 5, client ? client->party.name : NULL);
  sqlite3_bind_int64 (stmt, 6, document->allowance);
  sqlite3_bind_int64 (stmt, 7, totals->net_total);
  sqlite3_bind_int64 (stmt, 8, totals->vat_total);
  sqlite3_bind_int64 (stmt, 9, totals->gross_total);
  sqlite3_bind_int64 (stmt, 10, totals->amount_due);
  factures_sql_bind_text (stmt, 11, document->notes);
  factures_sql_bind_text (stmt, 12, document->purchase_order);
  if (update)
    sqlite3_bind_int64 (stmt, 13, document->id);
  factures_sql_bind_text (stmt, 14, document->currency);
  if (document->exchange_rate > 0)
    sqlite3_bind_int64 (stmt, 15, document->exchange_rate);
  else
    sqlite3_bind_null (stmt, 15);

  if (!factures_store_step_done (self, stmt, error))
    return FALSE;
  if (!update)
    document->id = sqlite3_last_insert_rowid (self->db);

  return factures_store_impl_write_lines (self, document->id, document->lines, totals, error) &&
         factures_store_lifecycle_save (self, document, error);
}

/**
 * factures_store_write_draft: (skip)
 *
 * factures_store_save_draft() inside the caller's transaction, without "changed".
 */
gboolean
factures_store_write_draft (FacturesStore     *self,
                            FacturesDocument  *document,
                            GError           **error)
{
  g_auto(FacturesTotals) totals = { NULL, };

  if (document->status != FACTURES_DOCUMENT_STATUS_DRAFT)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_IMMUTABLE,
                           _("An issued document cannot be changed or deleted."));
      return FALSE;
    }
  return clean_draft (self, document, &totals, NULL, error) &&
         write_draft (self, document, &totals, error);
}

/**
 * factures_store_write_draft_at: (skip)
 * @out_key: (out) (optional): on a refusal by the checks, the member of the JSON
 *   export ("quantity", "allowance", …) that holds the refused value, else NULL
 * @out_line: (out) (optional): its line (0-based), -1 for the document itself
 *
 * factures_store_write_draft() that says which value it refused: the JSON import
 * names its path.
 */
gboolean
factures_store_write_draft_at (FacturesStore     *self,
                               FacturesDocument  *document,
                               const char       **out_key,
                               gint              *out_line,
                               GError           **error)
{
  g_auto(FacturesTotals) totals = { NULL, };
  DraftFault fault = { NULL, -1 };
  gboolean ok;

  if (document->status != FACTURES_DOCUMENT_STATUS_DRAFT)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_IMMUTABLE,
                           _("An issued document cannot be changed or deleted."));
      return FALSE;
    }
  ok = clean_draft (self, document, &totals, &fault, error);
  if (out_key != NULL)
    *out_key = ok ? NULL : fault.key;
  if (out_line != NULL)
    *out_line = ok ? -1 : fault.line;
  return ok && write_draft (self, document, &totals, error);
}

/**
 * factures_store_save_draft:
 * @document: a draft; its id is set on insert; its text fields are replaced by
 *   their cleaned form
 * @error: FACTURES_ERROR_INVALID naming the field (issue date, description
 *   required and at most FACTURES_MAX_DESCRIPTION characters, quantity 0 on an
 *   invoice, deposit or credit note, negative discount…), FACTURES_ERROR_OVERFLOW,
 *   FACTURES_ERROR_IMMUTABLE for an issued document
 *
 * Saves the draft and replaces its lines, in one transaction.
 */
gboolean
factures_store_save_draft (FacturesStore     *self,
                           FacturesDocument  *document,
                           GError           **error)
{
  g_auto(FacturesTotals) totals = { NULL, };
  gint64 old_id;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (document != NULL, FALSE);

  if (document->status != FACTURES_DOCUMENT_STATUS_DRAFT)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_IMMUTABLE,
                           _("An issued document cannot be changed or deleted."));
      return FALSE;
    }

  if (!clean_draft (self, document, &totals, NULL, error))
    return FALSE;

  old_id = document->id;
  if (!factures_store_begin (self, error))
    return FALSE;
  if (!write_draft (self, document, &totals, error) ||
      !factures_store_commit (self, error))
    {
      factures_store_rollback (self);
      document->id = old_id;
      return FALSE;
    }

  factures_store_emit_changed (self);
  return TRUE;
}

/**
 * factures_store_delete_draft:
 * @error: FACTURES_ERROR_IMMUTABLE for an issued document, FACTURES_ERROR_NOT_FOUND
 */
gboolean
factures_store_delete_draft (FacturesStore  *self,
                             gint64          id,
                             GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint status;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  if (!factures_store_begin (self, error))
    return FALSE;

  status = document_status (self, id, error);
  if (status < 0)
    goto fail;
  if (status == FACTURES_DOCUMENT_STATUS_ISSUED)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_IMMUTABLE,
                           _("An issued document cannot be changed or deleted."));
      goto fail;
    }

  stmt = factures_store_prepare (self, "DELETE FROM documents WHERE id = ?1 AND status = 0", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!factures_store_step_done (self, stmt, error) ||
      !factures_store_commit (self, error))
    goto fail;

  factures_store_emit_changed (self);
  return TRUE;

fail:
  factures_store_rollback (self);
  return FALSE;
}

/**
 * factures_store_duplicate:
 * @id: any document, draft or issued
 *
 * A new draft of the same kind, with the same client (if it still exists), lines,
 * discount and notes, dated today.
 *
 * Returns: the new draft's id, 0 on error.
 */
gint64
factures_store_duplicate (FacturesStore  *self,
                          gint64          id,
                          GError        **error)
{
  g_autoptr(FacturesDocument) source = NULL;
  g_autoptr(FacturesDocument) copy = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), 0);

  source = factures_store_get_document (self, id, error);
  if (source == NULL)
    return 0;

  copy = factures_document_new (source->kind);
  factures_today (&copy->issue_date);
  if (source->client_id != 0 && factures_store_impl_client_exists (self, source->client_id))
    copy->client_id = source->client_id;
  copy->allowance = source->allowance;
  copy->notes = g_strdup (source->notes);
  /* Issue 13 item 4: the same currency; the rate is the one of the new VAT's day: asked again. */
  copy->currency = g_strdup (source->currency);
  for (guint i = 0; i < source->lines->len; i++)
    g_ptr_array_add (copy->lines, factures_line_copy (g_ptr_array_index (source->lines, i)));

  if (!factures_store_save_draft (self, copy, error))
    return 0;
  return copy->id;
}
