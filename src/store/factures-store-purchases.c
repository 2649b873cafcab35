/* factures-store-purchases.c — the registre des achats (see factures-store-purchases.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "factures-imported.h"
#include "factures-imported-text.h"
#include "factures-store-purchases.h"
#include "factures-store-purchases-private.h"
#include "factures-store-private.h"

static gboolean
invalid (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError **error, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID, message);
  return FALSE;
}

static FacturesPaymentMethod
method_of (gint value)
{
  return value >= 0 && value < FACTURES_N_PAYMENT_METHODS ? (FacturesPaymentMethod) value
                                                          : FACTURES_PAYMENT_METHOD_OTHER;
}

static char *
col_text_or_null (sqlite3_stmt *stmt, int column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

/* @date valid and not after today, else the French message naming @field. */
static gboolean
check_date (const GDate *date, const char *field, GError **error)
{
  GDate today;

  if (date == NULL || !g_date_valid (date))
    return invalid (error, _("%s: the date is missing or invalid."), field);
  factures_today (&today);
  if (g_date_compare (date, &today) > 0)
    {
      g_autofree char *text = factures_date_format_fr (date);

      return invalid (error, _("%s: %s is later than today; a purchase is recorded once it is paid."), field, text);
    }
  /* Trial 5 finding 20: the lower bound of payments received (core) */
  return factures_date_check_record (date, field, error);
}

/* ---- the register ---- */

void
factures_purchase_entry_free (FacturesPurchaseEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->supplier);
  g_free (entry->reference);
  g_free (entry->nature);
  g_free (entry->amount_text);
  g_free (entry->currency);
  g_free (entry->reason);
  g_free (entry);
}

/* SQL: column @col of the payment of a purchase that counts (the latest not cancelled). */
#define LIVE_PAYMENT(col, key, value) \
  "(SELECT " col " FROM purchase_payments p WHERE p." key " = " value " AND NOT EXISTS " \
  "(SELECT 1 FROM purchase_payment_reversals r WHERE r.purchase_payment_id = p.id) ORDER BY p.id DESC LIMIT 1)"

/* The three sources in one query: 0 imported, 1 typed, 2 a typed purchase's cancellation. */
static const char register_sql[] =
  "SELECT 0, i.id, i.issue_date, i.seller_name, i.number, NULL, i.grand_total_cents, i.grand_total, i.currency, "
  LIVE_PAYMENT ("p.date", "invoice_id", "i.id") ", " LIVE_PAYMENT ("p.method", "invoice_id", "i.id") ", "
  LIVE_PAYMENT ("p.amount", "invoice_id", "i.id") ", NULL, 0, i.type_code "
  "FROM imported_invoices i WHERE i.direction = 'purchase' AND i.issue_date BETWEEN ?1 AND ?2 "
  "UNION ALL "
  "SELECT 1, e.id, e.date, e.supplier, e.reference, e.nature, e.amount, NULL, 'EUR', "
  LIVE_PAYMENT ("p.date", "entry_id", "e.id") ", e.method, " LIVE_PAYMENT ("p.amount", "entry_id", "e.id") ", "
  "(SELECT r.reason FROM purchase_payment_reversals r JOIN purchase_payments p ON p.id = r.purchase_payment_id "
  " WHERE p.entry_id = e.id), "
  "EXISTS (SELECT 1 FROM purchase_payment_reversals r JOIN purchase_payments p ON p.id = r.purchase_payment_id "
  " WHERE p.entry_id = e.id), 0 "
  "FROM purchase_entries e WHERE e.date BETWEEN ?1 AND ?2 "
  "UNION ALL "
  "SELECT 2, e.id, r.date, e.supplier, e.reference, e.nature, -e.amount, NULL, 'EUR', NULL, e.method, NULL, "
  "r.reason, 1, 0 "
  "FROM purchase_payment_reversals r JOIN purchase_payments p ON p.id = r.purchase_payment_id "
  "JOIN purchase_entries e ON e.id = p.entry_id WHERE r.date BETWEEN ?1 AND ?2 "
  "ORDER BY 3, 1, 2";

/**
 * factures_store_list_purchase_register:
 * (see factures-store-purchases.h)
 */
GPtrArray *
factures_store_list_purchase_register (FacturesStore  *self,
                                       guint           year,
                                       guint          *n_undated,
                                       GError        **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_purchase_entry_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *from = g_strdup_printf ("%04u-01-01", year);
  g_autofree char *to = g_strdup_printf ("%04u-12-31", year);
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  if (n_undated != NULL)
    {
      g_autoptr(sqlite3_stmt) count = factures_store_prepare (self,
                                                              "SELECT count(*) FROM imported_invoices "
                                                              "WHERE direction = 'purchase' AND issue_date IS NULL",
                                                              error);

      if (count == NULL)
        return NULL;
      if (sqlite3_step (count) != SQLITE_ROW)
        {
          factures_store_set_db_error (self, error);
          return NULL;
        }
      *n_undated = (guint) sqlite3_column_int (count, 0);
    }

  stmt = factures_store_prepare (self, register_sql, error);
  if (stmt == NULL)
    return NULL;
  factures_sql_bind_text (stmt, 1, from);
  factures_sql_bind_text (stmt, 2, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FacturesPurchaseEntry *e = g_new0 (FacturesPurchaseEntry, 1);

      e->source = (FacturesPurchaseSource) sqlite3_column_int (stmt, 0);
      e->id = sqlite3_column_int64 (stmt, 1);
      factures_sql_col_date (stmt, 2, &e->date);
      e->supplier = factures_sql_col_dup (stmt, 3);
      e->reference = factures_sql_col_dup (stmt, 4);
      /* Fifth trial, finding 7: a supplier's credit note (UNTDID 1001 381, 261…) reduces the
       * purchases: a negative line of the register, its total and the FEC. */
      e->credit_note = e->source == FACTURES_PURCHASE_IMPORTED
                       && factures_imported_type_is_credit_note (sqlite3_column_int (stmt, 14));
      e->nature = e->source != FACTURES_PURCHASE_IMPORTED ? factures_sql_col_dup (stmt, 5)
                  : e->credit_note ? g_strdup ("Avoir d’achat importé")
                  : g_strdup ("Facture d’achat importée");
      e->foreign = e->source == FACTURES_PURCHASE_IMPORTED && sqlite3_column_type (stmt, 6) == SQLITE_NULL;
      e->amount = e->foreign ? -1 : sqlite3_column_int64 (stmt, 6);
      if (e->credit_note && !e->foreign)
        e->amount = -ABS (e->amount);
      e->amount_text = factures_sql_col_dup (stmt, 7);
      e->currency = col_text_or_null (stmt, 8);
      factures_sql_col_date (stmt, 9, &e->paid_on);
      e->paid = g_date_valid (&e->paid_on);
      e->method = method_of (sqlite3_column_int (stmt, 10));
      e->paid_amount = e->paid ? sqlite3_column_int64 (stmt, 11) : 0;
      e->reason = factures_sql_col_dup (stmt, 12);
      e->cancelled = sqlite3_column_int (stmt, 13) != 0;
      if (e->source == FACTURES_PURCHASE_CANCELLED)
        e->paid = FALSE;
      g_ptr_array_add (out, e);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

/**
 * factures_purchase_register_totals:
 * (see factures-store-purchases.h)
 */
void
factures_purchase_register_totals (GPtrArray              *entries,
                                   FacturesPurchaseTotals *out)
{
  memset (out, 0, sizeof *out);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      const FacturesPurchaseEntry *e = g_ptr_array_index (entries, i);

      if (e->foreign)
        {
          out->n_foreign++;
          continue;
        }
      out->total += e->amount;
      /* a typed purchase and its cancellation carry the method typed */
      if (e->method == FACTURES_PAYMENT_METHOD_CASH
          && (e->source != FACTURES_PURCHASE_IMPORTED || e->paid))
        out->cash += e->amount;
    }
}

/**
 * factures_purchase_entry_method_fr:
 * (see factures-store-purchases.h)
 */
const char *
factures_purchase_entry_method_fr (const FacturesPurchaseEntry *entry)
{
  if (entry->source == FACTURES_PURCHASE_CANCELLED)
    return "annulation";
  if (entry->source == FACTURES_PURCHASE_IMPORTED && !entry->paid)
    return "";
  return factures_payment_method_label_fr (entry->method);
}

/* ---- typed purchases ---- */

/**
 * factures_store_add_purchase:
 * (see factures-store-purchases.h)
 */
gint64
factures_store_add_purchase (FacturesStore          *self,
                             const GDate            *date,
                             const char             *supplier,
                             const char             *reference,
                             const char             *nature,
                             gint64                  amount,
                             FacturesPaymentMethod   method,
                             GError                **error)
{
  g_autofree char *clean_supplier = NULL, *clean_reference = NULL, *clean_nature = NULL;
  g_autoptr(sqlite3_stmt) entry = NULL;
  g_autoptr(sqlite3_stmt) payment = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *recorded = g_date_time_format_iso8601 (now);
  gint64 id;

  g_return_val_if_fail (FACTURES_IS_STORE (self), 0);

  if (!check_date (date, _("Date"), error))
    return 0;
  clean_supplier = factures_text_clean (supplier, _("Supplier"), FACTURES_MAX_NAME, TRUE, error);
  if (clean_supplier == NULL)
    return 0;
  clean_reference = factures_text_clean (reference, _("Reference"), FACTURES_MAX_SHORT, FALSE, error);
  if (clean_reference == NULL)
    return 0;
  clean_nature = factures_text_clean (nature, _("Nature"), FACTURES_MAX_NAME, FALSE, error);
  if (clean_nature == NULL)
    return 0;
  if (amount <= 0)
    {
      invalid (error, _("Amount: a purchase must be greater than zero."));
      return 0;
    }
  if (amount > FACTURES_PURCHASE_AMOUNT_MAX)
    {
      invalid (error, _("Amount: a purchase is at most 1 000 000 000,00 €."));
      return 0;
    }
  if ((gint) method < 0 || method >= FACTURES_N_PAYMENT_METHODS)
    {
      invalid (error, _("Payment method: unknown method."));
      return 0;
    }

  if (!factures_store_begin (self, error))
    return 0;
  entry = factures_store_prepare (self,
    "INSERT INTO purchase_entries (date, supplier, reference, nature, amount, method, recorded) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (entry == NULL)
    goto fail;
  factures_sql_bind_date (entry, 1, date);
  factures_sql_bind_text (entry, 2, clean_supplier);
  factures_sql_bind_text (entry, 3, *clean_reference != '\0' ? clean_reference : NULL);
  factures_sql_bind_text (entry, 4, *clean_nature != '\0' ? clean_nature : "Achat");
  sqlite3_bind_int64 (entry, 5, amount);
  sqlite3_bind_int (entry, 6, method);
  factures_sql_bind_text (entry, 7, recorded);
  if (!factures_store_step_done (self, entry, error))
    goto fail;
  id = sqlite3_last_insert_rowid (factures_store_get_db (self));
  payment = factures_store_prepare (self,
    "INSERT INTO purchase_payments (entry_id, date, method, amount) VALUES (?1, ?2, ?3, ?4)", error);
  if (payment == NULL)
    goto fail;
  sqlite3_bind_int64 (payment, 1, id);
  factures_sql_bind_date (payment, 2, date);
  sqlite3_bind_int (payment, 3, method);
  sqlite3_bind_int64 (payment, 4, amount);
  if (!factures_store_step_done (self, payment, error) || !factures_store_commit (self, error))
    goto fail;
  factures_store_emit_changed (self);
  return id;

fail:
  factures_store_rollback (self);
  return 0;
}

static gboolean
insert_reversal (FacturesStore *self, gint64 payment_id, const GDate *date, const char *reason, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self,
    "INSERT INTO purchase_payment_reversals (purchase_payment_id, date, reason) VALUES (?1, ?2, ?3)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, payment_id);
  factures_sql_bind_date (stmt, 2, date);
  factures_sql_bind_text (stmt, 3, reason);
  if (!factures_store_step_done (self, stmt, error))
    return FALSE;
  factures_store_emit_changed (self);
  return TRUE;
}

/**
 * factures_store_cancel_purchase:
 * (see factures-store-purchases.h)
 */
gboolean
factures_store_cancel_purchase (FacturesStore  *self,
                                gint64          id,
                                const GDate    *date,
                                const char     *reason,
                                GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean_reason = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *paid_on = NULL;
  gint64 payment_id;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  stmt = factures_store_prepare (self,
    "SELECT p.id, p.date, EXISTS (SELECT 1 FROM purchase_payment_reversals r WHERE r.purchase_payment_id = p.id) "
    "FROM purchase_payments p WHERE p.entry_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND, _("No purchase with id %" PRId64 "."), id);
      return FALSE;
    }
  payment_id = sqlite3_column_int64 (stmt, 0);
  paid_on = factures_sql_col_dup (stmt, 1);
  if (sqlite3_column_int (stmt, 2) != 0)
    return invalid (error, _("This purchase was already cancelled."));
  /* (the payments' message says "payment": a purchase is what is cancelled here, T15) */
  trimmed = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  if (*trimmed == '\0')
    {
      return invalid (error, _("Reason: say why the purchase is cancelled (typed twice, a wrong amount…); "
                               "the reason stays in the register."));
    }
  clean_reason = factures_store_clean_reason (reason, error);
  if (clean_reason == NULL)
    return FALSE;
  if (!factures_store_check_reversal_date (date, paid_on, error))
    return FALSE;
  return insert_reversal (self, payment_id, date, clean_reason, error);
}

/* ---- the payment of an imported purchase ---- */

typedef struct {
  char    *number;
  gboolean purchase;
  char    *currency;
  char    *due_payable;
  gint64   payment_id;   /* the payment that counts, 0 when none */
  char    *paid_on;
} PurchaseState;

static void
purchase_state_clear (PurchaseState *state)
{
  g_free (state->number);
  g_free (state->currency);
  g_free (state->due_payable);
  g_free (state->paid_on);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PurchaseState, purchase_state_clear)

static gboolean
load_state (FacturesStore *self, gint64 id, PurchaseState *out, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self,
    "SELECT number, direction = 'purchase', currency, coalesce (due_payable, grand_total), "
    LIVE_PAYMENT ("p.id", "invoice_id", "?1") ", " LIVE_PAYMENT ("p.date", "invoice_id", "?1") " "
    "FROM imported_invoices WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND, _("No imported invoice with id %" PRId64 "."), id);
      return FALSE;
    }
  out->number = factures_sql_col_dup (stmt, 0);
  out->purchase = sqlite3_column_int (stmt, 1) != 0;
  out->currency = factures_sql_col_dup (stmt, 2);
  out->due_payable = factures_sql_col_dup (stmt, 3);
  out->payment_id = sqlite3_column_int64 (stmt, 4);
  out->paid_on = factures_sql_col_dup (stmt, 5);
  return TRUE;
}

/**
 * factures_store_record_purchase_payment:
 * (see factures-store-purchases.h)
 */
gboolean
factures_store_record_purchase_payment (FacturesStore          *self,
                                        gint64                  id,
                                        const GDate            *date,
                                        FacturesPaymentMethod   method,
                                        gint64                  amount,
                                        const char             *reference,
                                        GError                **error)
{
  g_auto(PurchaseState) state = { 0 };
  g_autofree char *clean_reference = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 due = 0;
  gboolean has_due;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  if (!load_state (self, id, &state, error))
    return FALSE;
  if (!state.purchase)
    return invalid (error, _("Invoice %s is a sale: its payment is a receipt, recorded in the receipts register."),
                    state.number);
  if (state.payment_id != 0)
    {
      GDate paid;
      g_autofree char *paid_text = NULL;

      factures_date_parse_iso (state.paid_on, &paid, NULL);
      paid_text = factures_date_format_fr (&paid);
      return invalid (error, _("Invoice %s: a payment was already recorded on %s. Cancel it first to record "
                               "another one."), state.number, paid_text);
    }
  if (!check_date (date, _("Payment date"), error))
    return FALSE;
  if ((gint) method < 0 || method >= FACTURES_N_PAYMENT_METHODS)
    return invalid (error, _("Payment method: unknown method."));
  if (amount < 0)
    return invalid (error, _("Amount: a payment must be greater than zero."));
  if (amount > FACTURES_PURCHASE_AMOUNT_MAX)
    return invalid (error, _("Amount: a purchase is at most 1 000 000 000,00 €."));
  has_due = g_strcmp0 (state.currency, "EUR") == 0 && state.due_payable != NULL
            && factures_decimal_parse (state.due_payable, 2, &due, NULL) && due > 0;
  if (amount == 0)
    {
      if (g_strcmp0 (state.currency, "EUR") != 0)
        return invalid (error, _("Amount: invoice %s is in %s; give the amount paid in euros."),
                        state.number, state.currency != NULL ? state.currency : "?");
      if (!has_due)
        return invalid (error, _("Amount: invoice %s gives no amount due; give the amount paid."), state.number);
      amount = due;
    }
  else if (has_due && amount > due)
    {
      g_autofree char *a = factures_money_format (amount);
      g_autofree char *d = factures_money_format (due);

      return invalid (error, _("Amount: %s is more than the %s invoice %s asks for."), a, d, state.number);
    }
  clean_reference = factures_text_clean (reference, _("Reference"), FACTURES_MAX_SHORT, FALSE, error);
  if (clean_reference == NULL)
    return FALSE;

  stmt = factures_store_prepare (self,
    "INSERT INTO purchase_payments (invoice_id, date, method, amount, reference) VALUES (?1, ?2, ?3, ?4, ?5)",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  factures_sql_bind_date (stmt, 2, date);
  sqlite3_bind_int (stmt, 3, method);
  sqlite3_bind_int64 (stmt, 4, amount);
  factures_sql_bind_text (stmt, 5, *clean_reference != '\0' ? clean_reference : NULL);
  if (!factures_store_step_done (self, stmt, error))
    return FALSE;
  factures_store_emit_changed (self);
  return TRUE;
}

/**
 * factures_store_cancel_purchase_payment:
 * (see factures-store-purchases.h)
 */
gboolean
factures_store_cancel_purchase_payment (FacturesStore  *self,
                                        gint64          id,
                                        const GDate    *date,
                                        const char     *reason,
                                        GError        **error)
{
  g_auto(PurchaseState) state = { 0 };
  g_autofree char *clean_reason = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  if (!load_state (self, id, &state, error))
    return FALSE;
  if (!state.purchase || state.payment_id == 0)
    return invalid (error, _("Invoice %s: no payment is recorded."), state.number);
  clean_reason = factures_store_clean_reason (reason, error);
  if (clean_reason == NULL)
    return FALSE;
  if (!factures_store_check_reversal_date (date, state.paid_on, error))
    return FALSE;
  return insert_reversal (self, state.payment_id, date, clean_reason, error);
}

/* ---- the movements of money (FEC) ---- */

void
factures_purchase_payment_free (FacturesPurchasePayment *payment)
{
  if (payment == NULL)
    return;
  g_free (payment->supplier);
  g_free (payment->reference);
  g_free (payment);
}

/**
 * factures_store_list_purchase_payments:
 * (see factures-store-purchases.h)
 */
GPtrArray *
factures_store_list_purchase_payments (FacturesStore  *self,
                                       const GDate    *from,
                                       const GDate    *to,
                                       GError        **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_purchase_payment_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

/* (a purchase typed without a reference is "ACH-<its id>": the FEC's PieceRef is required,
 * trial finding T13) */
#define WHO "coalesce (i.seller_name, e.supplier), coalesce (i.number, e.reference, 'ACH-' || e.id, '') "
#define FROM "FROM purchase_payments p LEFT JOIN imported_invoices i ON i.id = p.invoice_id " \
             "LEFT JOIN purchase_entries e ON e.id = p.entry_id "
  stmt = factures_store_prepare (self,
    "SELECT p.date, 0, p.id, " WHO ", p.method, p.amount, i.type_code " FROM "WHERE p.date BETWEEN ?1 AND ?2 "
    "UNION ALL "
    "SELECT r.date, 1, r.id, " WHO ", p.method, -p.amount, i.type_code "
    "FROM purchase_payment_reversals r JOIN purchase_payments p ON p.id = r.purchase_payment_id "
    "LEFT JOIN imported_invoices i ON i.id = p.invoice_id LEFT JOIN purchase_entries e ON e.id = p.entry_id "
    "WHERE r.date BETWEEN ?1 AND ?2 ORDER BY 1, 2, 3", error);
#undef WHO
#undef FROM
  if (stmt == NULL)
    return NULL;
  factures_sql_bind_date (stmt, 1, from);
  factures_sql_bind_date (stmt, 2, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FacturesPurchasePayment *p = g_new0 (FacturesPurchasePayment, 1);

      factures_sql_col_date (stmt, 0, &p->date);
      p->reversal = sqlite3_column_int (stmt, 1) != 0;
      p->supplier = factures_sql_col_dup (stmt, 3);
      p->reference = factures_sql_col_dup (stmt, 4);
      p->method = method_of (sqlite3_column_int (stmt, 5));
      p->amount = sqlite3_column_int64 (stmt, 6);
      /* The money a supplier's credit note brings back reduces the purchases (finding 7). */
      p->credit_note = factures_imported_type_is_credit_note (sqlite3_column_int (stmt, 7));
      if (p->credit_note)
        p->amount = -p->amount;
      g_ptr_array_add (out, p);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

/* ---- CSV ---- */

/**
 * factures_purchases_write_csv:
 * (see factures-store-purchases.h)
 */
gboolean
factures_purchases_write_csv (GPtrArray      *entries,
                              GOutputStream  *stream,
                              GError        **error)
{
  static const char * const header[] = {
    "Date", "Fournisseur", "Référence", "Nature", "Montant", "Mode de règlement", "Espèces", "Payé le",
  };
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");

  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    factures_store_csv_field (out, header[c], c == 0);
  g_string_append (out, "\r\n");
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      const FacturesPurchaseEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *date = factures_date_format_fr (&e->date);
      g_autofree char *amount = NULL;
      g_autofree char *paid = e->paid ? factures_date_format_fr (&e->paid_on) : g_strdup ("");
      g_autofree char *nature = NULL;

      if (!e->foreign)
        amount = factures_store_csv_amount (e->amount);
      else
        amount = g_strdup_printf ("%s %s", e->amount_text != NULL ? e->amount_text : "",
                                  e->currency != NULL ? e->currency : "");
      if (e->source == FACTURES_PURCHASE_CANCELLED)
        nature = g_strdup_printf ("Annulation : %s (motif : %s)", e->nature, e->reason != NULL ? e->reason : "");
      factures_store_csv_field (out, date, TRUE);
      factures_store_csv_field (out, e->supplier, FALSE);
      factures_store_csv_field (out, e->reference, FALSE);
      factures_store_csv_field (out, nature != NULL ? nature : e->nature, FALSE);
      factures_store_csv_field (out, amount, FALSE);
      factures_store_csv_field (out, factures_purchase_entry_method_fr (e), FALSE);
      factures_store_csv_field (out, e->method == FACTURES_PAYMENT_METHOD_CASH && (e->paid || e->source != FACTURES_PURCHASE_IMPORTED)
                        ? "oui" : "non", FALSE);
      factures_store_csv_field (out, paid, FALSE);
      g_string_append (out, "\r\n");
    }
  return g_output_stream_write_all (stream, out->str, out->len, NULL, NULL, error);
}

/* ---- JSON (factures-store-purchases-private.h) ---- */

static const char * const entry_columns[] = {
  "id", "date", "supplier", "reference", "nature", "amount", "method", "recorded",
};
static const char * const payment_columns[] = {
  "id", "invoice_id", "entry_id", "date", "method", "amount", "reference",
};
static const char * const reversal_columns[] = {
  "id", "purchase_payment_id", "date", "reason",
};

static gboolean
export_table (FacturesStore  *self,
              JsonBuilder    *builder,
              const char     *table,
              GError        **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY id", table);
  g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self, sql, error);
  gboolean first = TRUE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (first)
        {
          json_builder_set_member_name (builder, table);
          json_builder_begin_array (builder);
          first = FALSE;
        }
      json_builder_begin_object (builder);
      for (int col = 0; col < sqlite3_column_count (stmt); col++)
        {
          json_builder_set_member_name (builder, sqlite3_column_name (stmt, col));
          if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
            json_builder_add_null_value (builder);
          else if (sqlite3_column_type (stmt, col) == SQLITE_INTEGER)
            json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, col));
          else
            json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, col));
        }
      json_builder_end_object (builder);
    }
  if (!first)
    json_builder_end_array (builder);
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * factures_store_purchases_export_json:
 * (see factures-store-purchases-private.h)
 */
gboolean
factures_store_purchases_export_json (FacturesStore  *self,
                                      JsonBuilder    *builder,
                                      GError        **error)
{
  return export_table (self, builder, "purchase_entries", error)
         && export_table (self, builder, "purchase_payments", error)
         && export_table (self, builder, "purchase_payment_reversals", error);
}

static gboolean
json_row_error (GError **error, const char *table, guint row, const char *reason)
{
  g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT, _("%s[%u]: %s Nothing was imported."), table, row, reason);
  return FALSE;
}

/* Member @key of @row: an integer (TRUE, @out set), absent or null (TRUE, @out = @fallback). */
static gboolean
json_int (JsonObject *row, const char *key, gint64 fallback, gint64 *out)
{
  JsonNode *node = json_object_get_member (row, key);

  *out = fallback;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_int (node);
  return TRUE;
}

static gboolean
json_text (JsonObject *row, const char *key, const char **out)
{
  JsonNode *node = json_object_get_member (row, key);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  *out = json_node_get_string (node);
  return TRUE;
}

/* Binds the members @columns of @row to @stmt in order (integers and strings as they are). */
static gboolean
bind_row (sqlite3_stmt *stmt, JsonObject *row, const char * const *columns, guint n)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  for (guint c = 0; c < n; c++)
    {
      JsonNode *node = json_object_get_member (row, columns[c]);

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        continue;
      if (!JSON_NODE_HOLDS_VALUE (node))
        return FALSE;
      if (json_node_get_value_type (node) == G_TYPE_INT64)
        sqlite3_bind_int64 (stmt, (int) c + 1, json_node_get_int (node));
      else if (json_node_get_value_type (node) == G_TYPE_STRING)
        sqlite3_bind_text (stmt, (int) c + 1, json_node_get_string (node), -1, SQLITE_TRANSIENT);
      else
        return FALSE;
    }
  return TRUE;
}

/* The checks of the doors, for one row of @table; a French reason in @reason when refused. */
static gboolean
check_json_row (FacturesStore *self, const char *table, JsonObject *row, char **reason)
{
  g_autoptr(GError) error = NULL;
  const char *date_text = NULL, *text = NULL;
  gint64 amount = 0, method = 0, ref = 0;
  GDate date;

  if (!json_text (row, "date", &date_text) || date_text == NULL || !factures_date_parse_iso (date_text, &date, NULL))
    {
      *reason = g_strdup (_("the date is missing or invalid."));
      return FALSE;
    }
  if (g_strcmp0 (table, "purchase_payment_reversals") == 0)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autofree char *paid_on = NULL;

      if (!json_int (row, "purchase_payment_id", 0, &ref) || !json_text (row, "reason", &text))
        {
          *reason = g_strdup (_("a member has the wrong type."));
          return FALSE;
        }
      stmt = factures_store_prepare (self, "SELECT date FROM purchase_payments WHERE id = ?1", NULL);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, ref);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            paid_on = factures_sql_col_dup (stmt, 0);
        }
      if (paid_on == NULL)
        {
          *reason = g_strdup (_("the payment it cancels is not in the file."));
          return FALSE;
        }
      g_free (factures_store_clean_reason (text, &error));
      if (error == NULL)
        factures_store_check_reversal_date (&date, paid_on, &error);
      if (error != NULL)
        {
          *reason = g_strdup (error->message);
          return FALSE;
        }
      return TRUE;
    }

  if (!json_int (row, "amount", 0, &amount) || !json_int (row, "method", -1, &method))
    {
      *reason = g_strdup (_("a member has the wrong type."));
      return FALSE;
    }
  if (!check_date (&date, _("Date"), &error))
    {
      *reason = g_strdup (error->message);
      return FALSE;
    }
  if (amount <= 0)
    {
      *reason = g_strdup (_("Amount: a purchase must be greater than zero."));
      return FALSE;
    }
  if (method < 0 || method >= FACTURES_N_PAYMENT_METHODS)
    {
      *reason = g_strdup (_("Payment method: unknown method."));
      return FALSE;
    }
  if (g_strcmp0 (table, "purchase_entries") == 0)
    {
      g_autofree char *supplier = NULL;

      if (!json_text (row, "supplier", &text))
        {
          *reason = g_strdup (_("a member has the wrong type."));
          return FALSE;
        }
      supplier = factures_text_clean (text, _("Supplier"), FACTURES_MAX_NAME, TRUE, &error);
      if (supplier == NULL)
        {
          *reason = g_strdup (error->message);
          return FALSE;
        }
      return TRUE;
    }
  /* a payment: of an imported purchase, or of a typed purchase of the file */
  if (!json_int (row, "invoice_id", 0, &ref))
    {
      *reason = g_strdup (_("a member has the wrong type."));
      return FALSE;
    }
  if (ref != 0)
    {
      g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self,
        "SELECT 1 FROM imported_invoices WHERE id = ?1 AND direction = 'purchase'", NULL);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, ref);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          *reason = g_strdup (_("the payment is not of an imported purchase of the file."));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
import_table (FacturesStore       *self,
              JsonObject          *root,
              const char          *table,
              const char * const  *columns,
              guint                n,
              GError             **error)
{
  JsonNode *node = json_object_get_member (root, table);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  JsonArray *rows;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT, _("%s: an array is expected."), table);
      return FALSE;
    }
  g_string_printf (sql, "INSERT INTO %s (", table);
  for (guint c = 0; c < n; c++)
    g_string_append_printf (sql, "%s%s", c > 0 ? ", " : "", columns[c]);
  g_string_append (sql, ") VALUES (");
  for (guint c = 0; c < n; c++)
    g_string_append_printf (sql, "%s?%u", c > 0 ? ", " : "", c + 1);
  g_string_append (sql, ")");
  stmt = factures_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  rows = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonNode *row_node = json_array_get_element (rows, i);
      g_autofree char *reason = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (row_node))
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT, _("%s: row %u is not an object."), table, i + 1);
          return FALSE;
        }
      if (!check_json_row (self, table, json_node_get_object (row_node), &reason))
        return json_row_error (error, table, i, reason != NULL ? reason : "");
      if (!bind_row (stmt, json_node_get_object (row_node), columns, n))
        return json_row_error (error, table, i, _("a member has the wrong type."));
      if (!factures_store_step_done (self, stmt, error))
        {
          g_prefix_error (error, "%s[%u]: ", table, i);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * factures_store_purchases_import_json:
 * (see factures-store-purchases-private.h)
 */
gboolean
factures_store_purchases_import_json (FacturesStore  *self,
                                      JsonObject     *root,
                                      gboolean        keep_ids,
                                      GError        **error)
{
  if (!keep_ids)
    return TRUE;
  return import_table (self, root, "purchase_entries", entry_columns, G_N_ELEMENTS (entry_columns), error)
         && import_table (self, root, "purchase_payments", payment_columns, G_N_ELEMENTS (payment_columns), error)
         && import_table (self, root, "purchase_payment_reversals", reversal_columns,
                          G_N_ELEMENTS (reversal_columns), error);
}
