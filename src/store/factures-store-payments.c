/* factures-store-payments.c — payments, instalments, dunning events and late penalties
 * (issue 4, DESIGN.md §5; see factures-store-payments.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "factures-currency.h"
#include "factures-money.h"
#include "factures-schedule.h"
#include "factures-store-lifecycle-private.h"
#include "factures-urssaf.h"
#include "factures-store-payments.h"
#include "factures-store-payments-private.h"
#include "factures-store-payments-impl-private.h"

/* ---- small helpers ---- */

gboolean
factures_store_pay_invalid (GError **error, const char *format, ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID, message);
  return FALSE;
}

/* One integer from a query with one ?1 parameter. */
gboolean
factures_store_pay_query_int64 (FacturesStore  *self,
                                const char     *sql,
                                gint64          param,
                                gint64         *out,
                                GError        **error)
{
  g_autoptr(FacturesCachedStmt) stmt = factures_store_prepare_cached (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, param);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    {
      *out = 0;
      return TRUE;
    }
  factures_store_set_db_error (self, error);
  return FALSE;
}

/* ---- payment methods and objects ---- */

const char *
factures_payment_method_label (FacturesPaymentMethod method)
{
  switch (method)
    {
    case FACTURES_PAYMENT_METHOD_TRANSFER:     return _("Bank transfer");
    case FACTURES_PAYMENT_METHOD_CHEQUE:       return _("Cheque");
    case FACTURES_PAYMENT_METHOD_CASH:         return _("Cash");
    case FACTURES_PAYMENT_METHOD_CARD:         return _("Card");
    case FACTURES_PAYMENT_METHOD_DIRECT_DEBIT: return _("Direct debit");
    case FACTURES_PAYMENT_METHOD_OTHER:
    default:                                   return _("Other");
    }
}

const char *
factures_payment_method_label_fr (FacturesPaymentMethod method)
{
  switch (method)
    {
    case FACTURES_PAYMENT_METHOD_TRANSFER:     return "virement";
    case FACTURES_PAYMENT_METHOD_CHEQUE:       return "chèque";
    case FACTURES_PAYMENT_METHOD_CASH:         return "espèces";
    case FACTURES_PAYMENT_METHOD_CARD:         return "carte";
    case FACTURES_PAYMENT_METHOD_DIRECT_DEBIT: return "prélèvement";
    case FACTURES_PAYMENT_METHOD_OTHER:
    default:                                   return "autre";
    }
}

FacturesPayment *
factures_payment_new (void)
{
  FacturesPayment *payment = g_new0 (FacturesPayment, 1);

  g_date_clear (&payment->date, 1);
  g_date_clear (&payment->cancelled_on, 1);
  payment->allocations = g_array_new (FALSE, TRUE, sizeof (FacturesAllocation));
  return payment;
}

void
factures_payment_free (FacturesPayment *payment)
{
  if (payment == NULL)
    return;
  g_free (payment->reference);
  g_free (payment->payer);
  g_free (payment->notes);
  g_free (payment->cancel_reason);
  g_array_unref (payment->allocations);
  g_free (payment);
}

void
factures_payment_add_allocation (FacturesPayment *payment,
                                 gint64           document_id,
                                 gint64           amount)
{
  FacturesAllocation allocation = { document_id, amount };

  g_array_append_val (payment->allocations, allocation);
}

char *
factures_payment_describe_fr (const FacturesPayment *payment)
{
  const char *label = factures_payment_method_label_fr (payment->method);

  if (payment->reference != NULL && *payment->reference != '\0')
    {
      if (payment->method == FACTURES_PAYMENT_METHOD_CHEQUE)
        return g_strdup_printf ("chèque n° %s", payment->reference);
      return g_strdup_printf ("%s (%s)", label, payment->reference);
    }
  return g_strdup (label);
}

/* ---- documents as seen by this file ---- */


void
factures_store_pay_doc_info_free (DocInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->number);
  g_free (info->client_name);
  g_free (info->buyer_json);
  g_free (info->seller_json);
  g_free (info);
}


static DocInfo *
doc_info_from_stmt (sqlite3_stmt *stmt)
{
  DocInfo *info = g_new0 (DocInfo, 1);

  info->id = sqlite3_column_int64 (stmt, 0);
  info->kind = sqlite3_column_int (stmt, 1);
  info->status = sqlite3_column_int (stmt, 2);
  info->number = factures_sql_col_dup (stmt, 3);
  factures_sql_col_date (stmt, 4, &info->issue_date);
  factures_sql_col_date (stmt, 5, &info->due_date);
  info->amount_due = sqlite3_column_int64 (stmt, 6);
  info->credited = sqlite3_column_int64 (stmt, 7);
  info->paid = sqlite3_column_int64 (stmt, 8);
  info->client_id = sqlite3_column_int64 (stmt, 9);
  info->client_name = factures_sql_col_dup (stmt, 10);
  info->buyer_json = factures_sql_col_dup (stmt, 11);
  info->seller_json = factures_sql_col_dup (stmt, 12);
  info->has_category = sqlite3_column_type (stmt, 13) == SQLITE_INTEGER;
  info->category = sqlite3_column_int (stmt, 13);
  return info;
}

gint64
factures_store_pay_doc_balance (const DocInfo *info)
{
  return info->amount_due - info->credited - info->paid;
}

gboolean
factures_store_pay_is_payable (const DocInfo *info)
{
  return info->status == FACTURES_DOCUMENT_STATUS_ISSUED &&
         (info->kind == FACTURES_DOCUMENT_KIND_INVOICE || info->kind == FACTURES_DOCUMENT_KIND_DEPOSIT);
}

DocInfo *
factures_store_pay_load_doc (FacturesStore  *self,
                             gint64          id,
                             GError        **error)
{
  g_autoptr(FacturesCachedStmt) stmt = NULL;
  int rc;

  stmt = factures_store_prepare_cached (self, "SELECT " DOC_INFO_COLUMNS " FROM documents WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return doc_info_from_stmt (stmt);
  if (rc == SQLITE_DONE)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND, _("No document with id %s."), text);
    }
  else
    factures_store_set_db_error (self, error);
  return NULL;
}

/* Issued invoices and deposit invoices with a positive balance, oldest due date first. */
GPtrArray *
factures_store_pay_load_open_docs (FacturesStore  *self,
                                   GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_store_pay_doc_info_free);
  int rc;

  stmt = factures_store_prepare (self,
                                 /* the open invoices from the partial index of the
                                  * maintained summary (migration 0010), not a balance
                                  * computed for every issued invoice (issue 12) */
                                 "SELECT " DOC_INFO_COLUMNS " FROM documents "
                                 "WHERE id IN (SELECT document_id FROM document_summary "
                                 "WHERE balance > 0) "
                                 "ORDER BY due_date, id",
                                 error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (docs, doc_info_from_stmt (stmt));
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&docs);
}

FacturesClientCategory
factures_store_pay_doc_category (const DocInfo *info)
{
  g_autoptr(FacturesClient) buyer = NULL;

  if (info->has_category)
    return (FacturesClientCategory) info->category;
  if (info->buyer_json != NULL)
    buyer = factures_store_client_from_json (info->buyer_json, NULL);
  return buyer != NULL ? buyer->category : FACTURES_CLIENT_CATEGORY_COMPANY;
}

gint
factures_store_pay_doc_fixed_rate (const DocInfo *info)
{
  g_autoptr(FacturesProfile) seller = NULL;

  if (info->seller_json != NULL)
    seller = factures_store_profile_from_json (info->seller_json, NULL);
  return seller != NULL ? seller->penalty_rate_bp : 0;
}

/* ---- payments ---- */

/* The day the month or quarter of @date was declared to URSSAF, when it was (@out set; the keys
 * of urssaf_declarations, "2026-11" and "2026-Q4", as factures_urssaf_period_key() writes them). */
static gboolean
declared_on (FacturesStore *self,
             const GDate   *date,
             GDate         *out)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  FacturesUrssafPeriod in_month = { .year = g_date_get_year (date), .month = g_date_get_month (date) };
  FacturesUrssafPeriod in_quarter = { .year = g_date_get_year (date), .quarter = (g_date_get_month (date) + 2) / 3 };
  g_autofree char *month = factures_urssaf_period_key (&in_month);
  g_autofree char *quarter = factures_urssaf_period_key (&in_quarter);

  stmt = factures_store_prepare (self, "SELECT declared_on FROM urssaf_declarations "
                                       "WHERE period IN (?1, ?2) ORDER BY declared_on LIMIT 1", NULL);
  if (stmt == NULL)
    return FALSE;
  factures_sql_bind_text (stmt, 1, month);
  factures_sql_bind_text (stmt, 2, quarter);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  factures_sql_col_date (stmt, 0, out);
  return g_date_valid (out);
}

/**
 * factures_store_check_reversal_not_declared:
 * (see factures-store-payments.h)
 */
gboolean
factures_store_check_reversal_not_declared (FacturesStore  *self,
                                            const GDate    *date,
                                            GError        **error)
{
  GDate declared;
  g_autofree char *text = NULL;
  g_autofree char *when = NULL;

  g_date_clear (&declared, 1);
  if (!g_date_valid (date) || !declared_on (self, date, &declared))
    return TRUE;
  text = factures_date_format_fr (date);
  when = factures_date_format_fr (&declared);
  return factures_store_pay_invalid (error, _("Cancellation date: %s is in a period already declared to URSSAF (on %s), "
                                              "whose figure does not change. Date the cancellation of the day the money "
                                              "was taken back, in a period not declared yet (usually today): it then "
                                              "reduces that period's figure."), text, when);
}

/* A payment dated in a month or quarter already declared to URSSAF (migration 0016) changes
 * that period's figure: said, so that the user adds it to the next declaration or corrects the
 * one made (trial finding 6). A failed lookup only drops the warning. */
static void
declared_period_warning (FacturesStore *self,
                         const GDate   *date,
                         GPtrArray     *warnings)
{
  GDate declared;
  g_autofree char *when = NULL;
  g_autofree char *paid = NULL;

  g_date_clear (&declared, 1);
  if (!declared_on (self, date, &declared))
    return;
  paid = factures_date_format_fr (date);
  when = factures_date_format_fr (&declared);
  g_ptr_array_add (warnings,
                   g_strdup_printf (_("The payment is dated %s, in a period already declared to URSSAF "
                                      "(on %s): declare it with the next period or correct that "
                                      "declaration on the URSSAF site."),
                                    paid, when));
}

static gboolean
cash_limit_warning (FacturesStore    *self,
                    FacturesPayment  *payment,
                    GPtrArray        *docs,
                    GPtrArray        *warnings,
                    GError          **error)
{
  /* CMF L112-6, D112-3 (LEGAL.md §5): a debt above 1 000 € (payer tax-resident in France or
   * acting professionally; 10 000 € for a private payer who is not) cannot be paid in cash.
   * The limit applies to the whole debt, so paying it in several cash instalments below the
   * limit does not escape it: any cash payment towards such a debt is warned about. The debt
   * is the amount due of the invoices paid (TTC, net of deposits). */
  gint64 limit = payment->payer_non_resident ? G_GINT64_CONSTANT (1000000) : G_GINT64_CONSTANT (100000);
  gint64 debt = 0;

  if (payment->method != FACTURES_PAYMENT_METHOD_CASH)
    return TRUE;
  for (guint i = 0; i < docs->len; i++)
    debt += ((const DocInfo *) g_ptr_array_index (docs, i))->amount_due;
  if (debt > limit || payment->amount > limit)
    {
      g_autofree char *total = factures_money_format (MAX (debt, payment->amount));
      g_autofree char *max = factures_money_format (limit);
      g_ptr_array_add (warnings,
                       g_strdup_printf (_("A debt of %s cannot be paid in cash above the legal limit of %s "
                                          "(article L112-6 of the Code monétaire et financier), even split "
                                          "into several cash payments."),
                                        total, max));
    }
  (void) self;
  (void) error;
  return TRUE;
}

/* Issue 13 item 4: the invoices of one payment share a currency; a payment of invoices in
 * another currency than the euro gives the EUR amount the bank credited and keeps no credit. */
static gboolean
check_payment_currency (FacturesStore    *self,
                        FacturesPayment  *payment,
                        GPtrArray        *docs,
                        GError          **error)
{
  g_autofree char *currency = NULL;
  gint64 min_rate = 0, max_rate = 0;
  gboolean all_rated = TRUE;

  for (guint i = 0; i < docs->len; i++)
    {
      const DocInfo *info = g_ptr_array_index (docs, i);
      g_autoptr(FacturesCachedStmt) stmt = factures_store_prepare_cached (self,
                                                                          "SELECT currency, coalesce (exchange_rate, 0) "
                                                                          "FROM documents WHERE id = ?1",
                                                                          error);
      const char *code;
      gint64 rate;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, info->id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          factures_store_set_db_error (self, error);
          return FALSE;
        }
      code = (const char *) sqlite3_column_text (stmt, 0);
      rate = sqlite3_column_int64 (stmt, 1);
      if (rate <= 0)
        all_rated = FALSE;
      else
        {
          min_rate = min_rate == 0 ? rate : MIN (min_rate, rate);
          max_rate = MAX (max_rate, rate);
        }
      if (i == 0)
        currency = g_strdup (code);
      else if (g_strcmp0 (code, currency) != 0)
        return factures_store_pay_invalid (error, _("Invoices: one payment can only pay invoices in the same currency."));
    }
  if (payment->eur_amount < 0)
    return factures_store_pay_invalid (error, _("Amount in euros: the amount cannot be negative."));
  if (factures_currency_is_euro (currency))
    {
      if (payment->eur_amount != 0 && payment->eur_amount != payment->amount)
        return factures_store_pay_invalid (error, _("Amount in euros: the invoice is in euros; the amount received is the amount."));
      payment->eur_amount = 0;
      return TRUE;
    }
  if (payment->eur_amount == 0)
    return factures_store_pay_invalid (error, _("Amount in euros: the invoice is in %s; give the amount the bank credited "
                                                "in euros (the livre des recettes and the URSSAF declarations are in euros)."),
                                       currency);
  /* Trial finding T8: the EUR amount against the invoices' own rate, when they all have one. The
   * bank's rate and its fees differ from the invoice's by a few percent, never by a factor of
   * two: beyond that it is a typing mistake (0,01 for 300 USD, an extra digit), and it would go
   * into the livre des recettes and the URSSAF declaration as it is. Without a rate (no VAT was
   * due) there is nothing to compare with: accepted. */
  if (all_rated && min_rate > 0)
    {
      gint64 low = 0, high = 0;

      if (!factures_muldiv_round (payment->amount, min_rate, FACTURES_EXCHANGE_RATE_ONE, &low, error) ||
          !factures_muldiv_round (payment->amount, max_rate, FACTURES_EXCHANGE_RATE_ONE, &high, error))
        return FALSE;
      if (payment->eur_amount < low / 2 || payment->eur_amount / 2 > high)
        {
          g_autofree char *given = factures_money_format (payment->eur_amount);
          g_autofree char *paid = factures_currency_format (payment->amount, currency);
          g_autofree char *rate_text = factures_exchange_rate_format (min_rate);
          g_autofree char *expected = factures_money_format (low);

          return factures_store_pay_invalid (error, _("Amount in euros: %s is far from %s at the invoice’s rate "
                                                      "(1 %s = %s €, about %s); the amount credited may differ "
                                                      "from it by the bank’s rate and fees, not by more than half "
                                                      "or twice as much. Check the amount typed."),
                                             given, paid, currency, rate_text, expected);
        }
    }
  if (payment->credit > 0)
    {
      g_autofree char *excess = factures_currency_format (payment->credit, currency);

      return factures_store_pay_invalid (error, _("Amount: the payment exceeds what is due by %s; a payment in another "
                                                  "currency than the euro cannot be kept as client credit."), excess);
    }
  return TRUE;
}

/* Validates @payment, fills zero allocations and the credit; @out_docs gets one DocInfo per allocation. */
static gboolean
check_payment (FacturesStore        *self,
               FacturesPayment      *payment,
               FacturesOverpayment   overpayment,
               GPtrArray            *warnings,
               GError              **error)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_store_pay_doc_info_free);
  gint64 explicit_sum = 0, allocated = 0, remaining;

  if (!g_date_valid (&payment->date))
    return factures_store_pay_invalid (error, _("Payment date: the date is missing or invalid."));
  {
    /* The livre des recettes is kept by cash-in date (LEGAL.md §6): a payment is recorded
     * once the money has come in, never ahead. */
    GDate today;

    factures_today (&today);
    if (g_date_compare (&payment->date, &today) > 0)
      {
        g_autofree char *text = factures_date_format_fr (&payment->date);

        return factures_store_pay_invalid (error, _("Payment date: %s is later than today; a receipt is recorded once the money "
                                 "has come in."), text);
      }
  }
  /* Trial 5 finding 4: the registers' first year, as purchases (an earlier one is a typing mistake) */
  if (!factures_date_check_record (&payment->date, _("Payment date"), error))
    return FALSE;
  if (payment->amount <= 0)
    return factures_store_pay_invalid (error, _("Amount: a payment must be greater than zero."));
  if ((guint) payment->method >= FACTURES_N_PAYMENT_METHODS)
    return factures_store_pay_invalid (error, _("Payment method: unknown method."));
  if (payment->allocations->len == 0)
    return factures_store_pay_invalid (error, _("Invoices: choose at least one invoice this payment pays."));

  for (guint i = 0; i < payment->allocations->len; i++)
    {
      FacturesAllocation *a = &g_array_index (payment->allocations, FacturesAllocation, i);
      DocInfo *info = factures_store_pay_load_doc (self, a->document_id, error);

      if (info == NULL)
        return FALSE;
      g_ptr_array_add (docs, info);
      if (info->status != FACTURES_DOCUMENT_STATUS_ISSUED)
        return factures_store_pay_invalid (error, _("Invoice: a payment cannot be recorded on a draft; issue the invoice first."));
      if (!factures_store_pay_is_payable (info))
        return factures_store_pay_invalid (error, _("Invoice %s: payments are recorded on invoices and deposit invoices only."),
                        info->number);
      for (guint j = 0; j < i; j++)
        if (((DocInfo *) g_ptr_array_index (docs, j))->id == info->id)
          return factures_store_pay_invalid (error, _("Invoice %s: listed twice in the same payment."), info->number);
      if (i > 0 && info->client_id != ((DocInfo *) g_ptr_array_index (docs, 0))->client_id)
        return factures_store_pay_invalid (error, _("Invoices: one payment can only pay invoices of the same client."));
      if (a->amount < 0)
        return factures_store_pay_invalid (error, _("Invoice %s: the amount allocated cannot be negative."), info->number);
      explicit_sum += a->amount;
    }
  if (explicit_sum > payment->amount)
    return factures_store_pay_invalid (error, _("Amount: the amounts allocated to the invoices exceed the payment."));

  remaining = payment->amount - explicit_sum;
  for (guint i = 0; i < payment->allocations->len; i++)
    {
      FacturesAllocation *a = &g_array_index (payment->allocations, FacturesAllocation, i);
      const DocInfo *info = g_ptr_array_index (docs, i);
      gint64 balance = factures_store_pay_doc_balance (info);

      if (a->amount == 0)
        {
          a->amount = MIN (remaining, balance);
          remaining -= MAX (a->amount, 0);
        }
      if (balance <= 0)
        return factures_store_pay_invalid (error, _("Invoice %s: it is already paid."), info->number);
      if (a->amount <= 0)
        return factures_store_pay_invalid (error, _("Invoice %s: nothing of this payment is left for it."), info->number);
      if (a->amount > balance)
        {
          g_autofree char *amount = factures_money_format (a->amount);
          g_autofree char *due = factures_money_format (balance);
          return factures_store_pay_invalid (error, _("Invoice %s: %s is more than its balance of %s."), info->number, amount, due);
        }
      allocated += a->amount;
    }

  payment->credit = payment->amount - allocated;
  if (payment->credit > 0 && overpayment == FACTURES_OVERPAYMENT_REFUSE)
    {
      g_autofree char *excess = factures_money_format (payment->credit);
      return factures_store_pay_invalid (error, _("Amount: the payment exceeds what is due by %s; correct the amount or keep "
                               "the excess as a credit for the client."), excess);
    }
  payment->client_id = ((DocInfo *) g_ptr_array_index (docs, 0))->client_id;
  if (!check_payment_currency (self, payment, docs, error))
    return FALSE;

  for (guint i = 0; i < docs->len; i++)
    {
      const DocInfo *info = g_ptr_array_index (docs, i);
      if (g_date_compare (&payment->date, &info->issue_date) < 0)
        {
          g_autofree char *issued = factures_date_format_fr (&info->issue_date);
          g_ptr_array_add (warnings,
                           g_strdup_printf (_("The payment is dated before invoice %s (issued on %s)."),
                                            info->number, issued));
        }
    }
  declared_period_warning (self, &payment->date, warnings);
  return cash_limit_warning (self, payment, docs, warnings, error);
}

gboolean
factures_store_check_payment (FacturesStore        *self,
                              FacturesPayment      *payment,
                              FacturesOverpayment   overpayment,
                              GPtrArray           **out_warnings,
                              GError              **error)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  if (!check_payment (self, payment, overpayment, warnings, error))
    return FALSE;
  if (out_warnings != NULL)
    *out_warnings = g_steal_pointer (&warnings);
  return TRUE;
}

/* Checks and inserts @payment inside the caller's transaction: no commit, no "changed"; on
 * error the caller rolls back (factures-store-payments-private.h). */
gboolean
factures_store_record_payment_in_transaction (FacturesStore        *self,
                                              FacturesPayment      *payment,
                                              FacturesOverpayment   overpayment,
                                              GPtrArray            *warnings,
                                              GError              **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *payer = NULL;
  g_autofree char *notes = NULL;

  reference = factures_text_clean (payment->reference, _("Reference"), FACTURES_MAX_SHORT, FALSE, error);
  if (reference == NULL)
    return FALSE;
  payer = factures_text_clean (payment->payer, _("Payer"), FACTURES_MAX_NAME, FALSE, error);
  if (payer == NULL)
    return FALSE;
  notes = factures_text_clean (payment->notes, _("Notes"), FACTURES_MAX_NOTES, FALSE, error);
  if (notes == NULL)
    return FALSE;
  if (payment->method == FACTURES_PAYMENT_METHOD_CHEQUE && *reference == '\0')
    return factures_store_pay_invalid (error, _("Cheque number: the number of the cheque is required."));

  if (!check_payment (self, payment, overpayment, warnings, error))
    return FALSE;

  insert = factures_store_prepare (self,
                                   "INSERT INTO payments (client_id, date, amount, method, reference, payer, "
                                   "payer_non_resident, notes, credit, eur_amount) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                   error);
  if (insert == NULL)
    return FALSE;
  if (payment->client_id != 0)
    sqlite3_bind_int64 (insert, 1, payment->client_id);
  factures_sql_bind_date (insert, 2, &payment->date);
  sqlite3_bind_int64 (insert, 3, payment->amount);
  sqlite3_bind_int (insert, 4, payment->method);
  factures_sql_bind_text (insert, 5, *reference ? reference : NULL);
  factures_sql_bind_text (insert, 6, *payer ? payer : NULL);
  sqlite3_bind_int (insert, 7, payment->payer_non_resident ? 1 : 0);
  factures_sql_bind_text (insert, 8, *notes ? notes : NULL);
  sqlite3_bind_int64 (insert, 9, payment->credit);
  if (payment->eur_amount > 0)
    sqlite3_bind_int64 (insert, 10, payment->eur_amount);
  if (!factures_store_step_done (self, insert, error))
    return FALSE;
  payment->id = sqlite3_last_insert_rowid (factures_store_get_db (self));

  for (guint i = 0; i < payment->allocations->len; i++)
    {
      const FacturesAllocation *a = &g_array_index (payment->allocations, FacturesAllocation, i);
      g_autoptr(sqlite3_stmt) alloc = factures_store_prepare (self,
                                                              "INSERT INTO payment_allocations (payment_id, client_id, "
                                                              "document_id, date, amount) VALUES (?1, ?2, ?3, ?4, ?5)",
                                                              error);
      if (alloc == NULL)
        return FALSE;
      sqlite3_bind_int64 (alloc, 1, payment->id);
      if (payment->client_id != 0)
        sqlite3_bind_int64 (alloc, 2, payment->client_id);
      sqlite3_bind_int64 (alloc, 3, a->document_id);
      factures_sql_bind_date (alloc, 4, &payment->date);
      sqlite3_bind_int64 (alloc, 5, a->amount);
      if (!factures_store_step_done (self, alloc, error))
        return FALSE;
    }
  g_free (payment->reference);
  payment->reference = *reference ? g_strdup (reference) : NULL;
  return TRUE;
}

gboolean
factures_store_record_payment (FacturesStore        *self,
                               FacturesPayment      *payment,
                               FacturesOverpayment   overpayment,
                               GPtrArray           **out_warnings,
                               GError              **error)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  if (!factures_store_begin (self, error))
    return FALSE;
  if (!factures_store_record_payment_in_transaction (self, payment, overpayment, warnings, error))
    goto fail;
  if (!factures_store_commit (self, error))
    goto fail;
  factures_store_emit_changed (self);
  if (out_warnings != NULL)
    *out_warnings = g_steal_pointer (&warnings);
  return TRUE;

fail:
  factures_store_rollback (self);
  payment->id = 0;
  return FALSE;
}

/* The reason of a reversal: trimmed, required, at most FACTURES_MAX_SHORT characters. */
char *
factures_store_clean_reason (const char  *reason,
                             GError     **error)
{
  g_autofree char *clean = factures_text_clean (reason, _("Reason"), FACTURES_MAX_SHORT, FALSE, error);

  if (clean == NULL)
    return NULL;
  if (*clean == '\0')
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Reason: say why the payment is cancelled (a bounced cheque, a payment "
                             "recorded by mistake…); the reason stays in the records."));
      return NULL;
    }
  return g_steal_pointer (&clean);
}

/* A reversal date: valid, not before @paid_on (ISO), not after today. */
gboolean
factures_store_check_reversal_date (const GDate  *date,
                                    const char   *paid_on,
                                    GError      **error)
{
  GDate today, paid;

  if (date == NULL || !g_date_valid (date))
    return factures_store_pay_invalid (error, _("Cancellation date: the date is missing or invalid."));
  factures_today (&today);
  if (g_date_compare (date, &today) > 0)
    {
      g_autofree char *text = factures_date_format_fr (date);

      return factures_store_pay_invalid (error, _("Cancellation date: %s is later than today."), text);
    }
  if (paid_on != NULL && factures_date_parse_iso (paid_on, &paid, NULL) && g_date_compare (date, &paid) < 0)
    {
      g_autofree char *text = factures_date_format_fr (date);
      g_autofree char *paid_text = factures_date_format_fr (&paid);

      return factures_store_pay_invalid (error, _("Cancellation date: %s is earlier than the payment it cancels (%s)."),
                      text, paid_text);
    }
  return TRUE;
}

/* factures_store_cancel_payment() inside the caller's transaction (@reason already cleaned):
 * no commit, no "changed"; on error the caller rolls back. */
gboolean
factures_store_cancel_payment_in_transaction (FacturesStore  *self,
                                              gint64          id,
                                              const GDate    *date,
                                              const char     *clean_reason,
                                              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) payment = NULL;
  g_autofree char *paid_on = NULL;
  gint64 client_id = 0, credit = 0;
  gboolean cancelled;

  payment = factures_store_prepare (self,
                                    "SELECT coalesce (client_id, 0), date, "
                                    "EXISTS (SELECT 1 FROM payment_reversals WHERE payment_id = ?1) "
                                    "FROM payments WHERE id = ?1",
                                    error);
  if (payment == NULL)
    return FALSE;
  sqlite3_bind_int64 (payment, 1, id);
  if (sqlite3_step (payment) != SQLITE_ROW)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND, _("No payment with id %" PRId64 "."), id);
      return FALSE;
    }
  client_id = sqlite3_column_int64 (payment, 0);
  paid_on = factures_sql_col_dup (payment, 1);
  cancelled = sqlite3_column_int (payment, 2) != 0;
  if (cancelled)
    return factures_store_pay_invalid (error, _("Payment %" PRId64 ": it is already cancelled."), id);
  if (!factures_store_check_reversal_date (date, paid_on, error) ||
      !factures_store_check_reversal_not_declared (self, date, error))
    return FALSE;
  stmt = factures_store_prepare (self,
                                 "INSERT INTO payment_reversals (payment_id, date, reason) VALUES (?1, ?2, ?3)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  factures_sql_bind_date (stmt, 2, date);
  factures_sql_bind_text (stmt, 3, clean_reason);
  if (!factures_store_step_done (self, stmt, error))
    return FALSE;
  credit = factures_store_get_client_credit (self, client_id, error);
  if (credit < 0)
    {
      if (error != NULL && *error == NULL)
        factures_store_pay_invalid (error, _("Payment %" PRId64 ": its excess was already applied as credit to another invoice; "
                          "that credit cannot be taken back."), id);
      return FALSE;
    }
  return TRUE;
}

/**
 * factures_store_cancel_payment:
 * (see factures-store-payments.h)
 */
gboolean
factures_store_cancel_payment (FacturesStore  *self,
                               gint64          id,
                               const GDate    *date,
                               const char     *reason,
                               GError        **error)
{
  g_autofree char *clean_reason = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  clean_reason = factures_store_clean_reason (reason, error);
  if (clean_reason == NULL)
    return FALSE;
  if (!factures_store_begin (self, error))
    return FALSE;
  if (!factures_store_cancel_payment_in_transaction (self, id, date, clean_reason, error))
    goto fail;
  if (!factures_store_commit (self, error))
    goto fail;
  factures_store_emit_changed (self);
  return TRUE;

fail:
  factures_store_rollback (self);
  return FALSE;
}

static GArray *
load_allocations (FacturesStore  *self,
                  gint64          payment_id,
                  GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) allocations = g_array_new (FALSE, TRUE, sizeof (FacturesAllocation));
  int rc;

  stmt = factures_store_prepare (self,
                                 "SELECT document_id, amount FROM payment_allocations WHERE payment_id = ?1 ORDER BY id",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, payment_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FacturesAllocation a = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };
      g_array_append_val (allocations, a);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&allocations);
}

GPtrArray *
factures_store_list_payments (FacturesStore  *self,
                              gint64          document_id,
                              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) payments = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_payment_free);
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  stmt = factures_store_prepare (self,
                                 "SELECT id, coalesce (client_id, 0), date, amount, method, reference, payer, "
                                 "payer_non_resident, notes, credit, "
                                 "(SELECT r.date FROM payment_reversals r WHERE r.payment_id = payments.id), "
                                 "(SELECT r.reason FROM payment_reversals r WHERE r.payment_id = payments.id), "
                                 "coalesce (eur_amount, 0) "
                                 "FROM payments "
                                 "WHERE ?1 = 0 OR id IN (SELECT payment_id FROM payment_allocations WHERE document_id = ?1) "
                                 "ORDER BY date, id",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FacturesPayment *p = factures_payment_new ();

      g_ptr_array_add (payments, p);
      p->id = sqlite3_column_int64 (stmt, 0);
      p->client_id = sqlite3_column_int64 (stmt, 1);
      factures_sql_col_date (stmt, 2, &p->date);
      p->amount = sqlite3_column_int64 (stmt, 3);
      p->method = (FacturesPaymentMethod) sqlite3_column_int (stmt, 4);
      p->reference = factures_sql_col_dup (stmt, 5);
      p->payer = factures_sql_col_dup (stmt, 6);
      p->payer_non_resident = sqlite3_column_int (stmt, 7) != 0;
      p->notes = factures_sql_col_dup (stmt, 8);
      p->credit = sqlite3_column_int64 (stmt, 9);
      factures_sql_col_date (stmt, 10, &p->cancelled_on);
      p->cancel_reason = factures_sql_col_dup (stmt, 11);
      p->eur_amount = sqlite3_column_int64 (stmt, 12);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  for (guint i = 0; i < payments->len; i++)
    {
      FacturesPayment *p = g_ptr_array_index (payments, i);
      GArray *allocations = load_allocations (self, p->id, error);

      if (allocations == NULL)
        return NULL;
      g_array_unref (p->allocations);
      p->allocations = allocations;
    }
  return g_steal_pointer (&payments);
}

gint64
factures_store_get_client_credit (FacturesStore  *self,
                                  gint64          client_id,
                                  GError        **error)
{
  gint64 credit = 0, used = 0;

  g_return_val_if_fail (FACTURES_IS_STORE (self), -1);

  if (!factures_store_pay_query_int64 (self, "SELECT coalesce (sum (credit), 0) FROM " FACTURES_LIVE_PAYMENTS " WHERE client_id = ?1",
                    client_id, &credit, error) ||
      !factures_store_pay_query_int64 (self, "SELECT coalesce (sum (amount), 0) FROM payment_allocations "
                          "WHERE payment_id IS NULL AND client_id = ?1",
                    client_id, &used, error))
    return -1;
  return credit - used;
}

gboolean
factures_store_apply_credit (FacturesStore  *self,
                             gint64          document_id,
                             gint64          amount,
                             const GDate    *date,
                             GError        **error)
{
  g_autoptr(DocInfo) info = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 credit;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  if (date == NULL || !g_date_valid (date))
    return factures_store_pay_invalid (error, _("Date: the date is missing or invalid."));
  if (amount <= 0)
    return factures_store_pay_invalid (error, _("Amount: the credit applied must be greater than zero."));
  if (!factures_store_begin (self, error))
    return FALSE;
  info = factures_store_pay_load_doc (self, document_id, error);
  if (info == NULL)
    goto fail;
  if (!factures_store_pay_is_payable (info))
    {
      factures_store_pay_invalid (error, _("Invoice: credit can only be applied to an issued invoice."));
      goto fail;
    }
  credit = factures_store_get_client_credit (self, info->client_id, error);
  if (credit < 0)
    goto fail;
  if (amount > credit)
    {
      g_autofree char *available = factures_money_format (credit);
      factures_store_pay_invalid (error, _("Amount: the client's credit is only %s."), available);
      goto fail;
    }
  if (amount > factures_store_pay_doc_balance (info))
    {
      g_autofree char *due = factures_money_format (factures_store_pay_doc_balance (info));
      factures_store_pay_invalid (error, _("Amount: the balance of invoice %s is only %s."), info->number, due);
      goto fail;
    }
  stmt = factures_store_prepare (self,
                                 "INSERT INTO payment_allocations (payment_id, client_id, document_id, date, amount) "
                                 "VALUES (NULL, ?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, info->client_id);
  sqlite3_bind_int64 (stmt, 2, document_id);
  factures_sql_bind_date (stmt, 3, date);
  sqlite3_bind_int64 (stmt, 4, amount);
  if (!factures_store_step_done (self, stmt, error) || !factures_store_commit (self, error))
    goto fail;
  factures_store_emit_changed (self);
  return TRUE;

fail:
  factures_store_rollback (self);
  return FALSE;
}

/* ---- balances ---- */

gboolean
factures_store_get_payment_balance (FacturesStore    *self,
                                    gint64            document_id,
                                    FacturesBalance  *out,
                                    GError          **error)
{
  g_autoptr(DocInfo) info = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 cumulative = 0;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  memset (out, 0, sizeof *out);
  g_date_clear (&out->last_payment, 1);
  g_date_clear (&out->paid_date, 1);
  info = factures_store_pay_load_doc (self, document_id, error);
  if (info == NULL)
    return FALSE;
  if (!factures_store_pay_is_payable (info))
    return TRUE;
  out->amount_due = info->amount_due;
  out->paid = info->paid;
  out->credited = info->credited;
  out->balance = factures_store_pay_doc_balance (info);

  stmt = factures_store_prepare (self,
                                 "SELECT date, amount FROM live_payment_allocations WHERE document_id = ?1 ORDER BY date, id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GDate date;

      factures_sql_col_date (stmt, 0, &date);
      cumulative += sqlite3_column_int64 (stmt, 1);
      out->last_payment = date;
      if (!g_date_valid (&out->paid_date) && cumulative >= info->amount_due - info->credited)
        out->paid_date = date;
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  if (out->balance > 0)
    g_date_clear (&out->paid_date, 1);
  return TRUE;
}
