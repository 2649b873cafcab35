/* factures-store-payments.c — payments, instalments, dunning events and late penalties
 * (issue 4, DESIGN.md §5; see factures-store-payments.h)
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


/* ---- small helpers ---- */

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

/* One integer from a query with one ?1 parameter. */
static gboolean
query_int64 (FacturesStore  *self,
             const char     *sql,
             gint64          param,
             gint64         *out,
             GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self, sql, error);
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

typedef struct {
  gint64                  id;
  gint                    kind;
  gint                    status;
  char                   *number;
  GDate                   issue_date;
  GDate                   due_date;
  gint64                  amount_due;
  gint64                  credited;
  gint64                  paid;
  gint64                  client_id;
  char                   *client_name;
  char                   *buyer_json;
  char                   *seller_json;
} DocInfo;

static void
doc_info_free (DocInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->number);
  g_free (info->client_name);
  g_free (info->buyer_json);
  g_free (info->seller_json);
  g_free (info);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocInfo, doc_info_free)

#define DOC_INFO_COLUMNS \
  "id, kind, status, number, issue_date, due_date, amount_due, " \
  FACTURES_CREDITED_EXPR ", " FACTURES_PAID_EXPR ", client_id, client_name, buyer, seller"

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
  return info;
}

static gint64
doc_balance (const DocInfo *info)
{
  return info->amount_due - info->credited - info->paid;
}

static gboolean
is_payable (const DocInfo *info)
{
  return info->status == FACTURES_DOCUMENT_STATUS_ISSUED &&
         (info->kind == FACTURES_DOCUMENT_KIND_INVOICE || info->kind == FACTURES_DOCUMENT_KIND_DEPOSIT);
}

static DocInfo *
load_doc (FacturesStore  *self,
          gint64          id,
          GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = factures_store_prepare (self, "SELECT " DOC_INFO_COLUMNS " FROM documents WHERE id = ?1", error);
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
static GPtrArray *
load_open_docs (FacturesStore  *self,
                GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) doc_info_free);
  int rc;

  stmt = factures_store_prepare (self,
                                 "SELECT " DOC_INFO_COLUMNS " FROM documents "
                                 "WHERE status = 1 AND kind IN (380, 386) AND amount_due > 0 "
                                 "AND amount_due - " FACTURES_CREDITED_EXPR " - " FACTURES_PAID_EXPR " > 0 "
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

static FacturesClientCategory
doc_category (const DocInfo *info)
{
  g_autoptr(FacturesClient) buyer = NULL;

  if (info->buyer_json != NULL)
    buyer = factures_store_client_from_json (info->buyer_json, NULL);
  return buyer != NULL ? buyer->category : FACTURES_CLIENT_CATEGORY_COMPANY;
}

static gint
doc_fixed_rate (const DocInfo *info)
{
  g_autoptr(FacturesProfile) seller = NULL;

  if (info->seller_json != NULL)
    seller = factures_store_profile_from_json (info->seller_json, NULL);
  return seller != NULL ? seller->penalty_rate_bp : 0;
}

/* ---- payments ---- */

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

/* Validates @payment, fills zero allocations and the credit; @out_docs gets one DocInfo per allocation. */
static gboolean
check_payment (FacturesStore        *self,
               FacturesPayment      *payment,
               FacturesOverpayment   overpayment,
               GPtrArray            *warnings,
               GError              **error)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) doc_info_free);
  gint64 explicit_sum = 0, allocated = 0, remaining;

  if (!g_date_valid (&payment->date))
    return invalid (error, _("Payment date: the date is missing or invalid."));
  {
    /* The livre des recettes is kept by cash-in date (LEGAL.md §6): a payment is recorded
     * once the money has come in, never ahead. */
    GDate today;

    factures_today (&today);
    if (g_date_compare (&payment->date, &today) > 0)
      {
        g_autofree char *text = factures_date_format_fr (&payment->date);

        return invalid (error, _("Payment date: %s is later than today; a receipt is recorded once the money "
                                 "has come in."), text);
      }
  }
  if (payment->amount <= 0)
    return invalid (error, _("Amount: a payment must be greater than zero."));
  if ((guint) payment->method >= FACTURES_N_PAYMENT_METHODS)
    return invalid (error, _("Payment method: unknown method."));
  if (payment->allocations->len == 0)
    return invalid (error, _("Invoices: choose at least one invoice this payment pays."));

  for (guint i = 0; i < payment->allocations->len; i++)
    {
      FacturesAllocation *a = &g_array_index (payment->allocations, FacturesAllocation, i);
      DocInfo *info = load_doc (self, a->document_id, error);

      if (info == NULL)
        return FALSE;
      g_ptr_array_add (docs, info);
      if (info->status != FACTURES_DOCUMENT_STATUS_ISSUED)
        return invalid (error, _("Invoice: a payment cannot be recorded on a draft; issue the invoice first."));
      if (!is_payable (info))
        return invalid (error, _("Invoice %s: payments are recorded on invoices and deposit invoices only."),
                        info->number);
      for (guint j = 0; j < i; j++)
        if (((DocInfo *) g_ptr_array_index (docs, j))->id == info->id)
          return invalid (error, _("Invoice %s: listed twice in the same payment."), info->number);
      if (i > 0 && info->client_id != ((DocInfo *) g_ptr_array_index (docs, 0))->client_id)
        return invalid (error, _("Invoices: one payment can only pay invoices of the same client."));
      if (a->amount < 0)
        return invalid (error, _("Invoice %s: the amount allocated cannot be negative."), info->number);
      explicit_sum += a->amount;
    }
  if (explicit_sum > payment->amount)
    return invalid (error, _("Amount: the amounts allocated to the invoices exceed the payment."));

  remaining = payment->amount - explicit_sum;
  for (guint i = 0; i < payment->allocations->len; i++)
    {
      FacturesAllocation *a = &g_array_index (payment->allocations, FacturesAllocation, i);
      const DocInfo *info = g_ptr_array_index (docs, i);
      gint64 balance = doc_balance (info);

      if (a->amount == 0)
        {
          a->amount = MIN (remaining, balance);
          remaining -= MAX (a->amount, 0);
        }
      if (balance <= 0)
        return invalid (error, _("Invoice %s: it is already paid."), info->number);
      if (a->amount <= 0)
        return invalid (error, _("Invoice %s: nothing of this payment is left for it."), info->number);
      if (a->amount > balance)
        {
          g_autofree char *amount = factures_money_format (a->amount);
          g_autofree char *due = factures_money_format (balance);
          return invalid (error, _("Invoice %s: %s is more than its balance of %s."), info->number, amount, due);
        }
      allocated += a->amount;
    }

  payment->credit = payment->amount - allocated;
  if (payment->credit > 0 && overpayment == FACTURES_OVERPAYMENT_REFUSE)
    {
      g_autofree char *excess = factures_money_format (payment->credit);
      return invalid (error, _("Amount: the payment exceeds what is due by %s; correct the amount or keep "
                               "the excess as a credit for the client."), excess);
    }
  payment->client_id = ((DocInfo *) g_ptr_array_index (docs, 0))->client_id;

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

gboolean
factures_store_record_payment (FacturesStore        *self,
                               FacturesPayment      *payment,
                               FacturesOverpayment   overpayment,
                               GPtrArray           **out_warnings,
                               GError              **error)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *payer = NULL;
  g_autofree char *notes = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

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
    return invalid (error, _("Cheque number: the number of the cheque is required."));

  if (!factures_store_begin (self, error))
    return FALSE;
  if (!check_payment (self, payment, overpayment, warnings, error))
    goto fail;

  insert = factures_store_prepare (self,
                                   "INSERT INTO payments (client_id, date, amount, method, reference, payer, "
                                   "payer_non_resident, notes, credit) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                   error);
  if (insert == NULL)
    goto fail;
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
  if (!factures_store_step_done (self, insert, error))
    goto fail;
  payment->id = sqlite3_last_insert_rowid (factures_store_get_db (self));

  for (guint i = 0; i < payment->allocations->len; i++)
    {
      const FacturesAllocation *a = &g_array_index (payment->allocations, FacturesAllocation, i);
      g_autoptr(sqlite3_stmt) alloc = factures_store_prepare (self,
                                                              "INSERT INTO payment_allocations (payment_id, client_id, "
                                                              "document_id, date, amount) VALUES (?1, ?2, ?3, ?4, ?5)",
                                                              error);
      if (alloc == NULL)
        goto fail;
      sqlite3_bind_int64 (alloc, 1, payment->id);
      if (payment->client_id != 0)
        sqlite3_bind_int64 (alloc, 2, payment->client_id);
      sqlite3_bind_int64 (alloc, 3, a->document_id);
      factures_sql_bind_date (alloc, 4, &payment->date);
      sqlite3_bind_int64 (alloc, 5, a->amount);
      if (!factures_store_step_done (self, alloc, error))
        goto fail;
    }
  if (!factures_store_commit (self, error))
    goto fail;
  g_free (payment->reference);
  payment->reference = *reference ? g_strdup (reference) : NULL;
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
    return invalid (error, _("Cancellation date: the date is missing or invalid."));
  factures_today (&today);
  if (g_date_compare (date, &today) > 0)
    {
      g_autofree char *text = factures_date_format_fr (date);

      return invalid (error, _("Cancellation date: %s is later than today."), text);
    }
  if (paid_on != NULL && factures_date_parse_iso (paid_on, &paid, NULL) && g_date_compare (date, &paid) < 0)
    {
      g_autofree char *text = factures_date_format_fr (date);
      g_autofree char *paid_text = factures_date_format_fr (&paid);

      return invalid (error, _("Cancellation date: %s is earlier than the payment it cancels (%s)."),
                      text, paid_text);
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
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) payment = NULL;
  g_autofree char *clean_reason = NULL;
  g_autofree char *paid_on = NULL;
  gint64 client_id = 0, credit = 0;
  gboolean cancelled;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  clean_reason = factures_store_clean_reason (reason, error);
  if (clean_reason == NULL)
    return FALSE;
  if (!factures_store_begin (self, error))
    return FALSE;
  payment = factures_store_prepare (self,
                                    "SELECT coalesce (client_id, 0), date, "
                                    "EXISTS (SELECT 1 FROM payment_reversals WHERE payment_id = ?1) "
                                    "FROM payments WHERE id = ?1",
                                    error);
  if (payment == NULL)
    goto fail;
  sqlite3_bind_int64 (payment, 1, id);
  if (sqlite3_step (payment) != SQLITE_ROW)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND, _("No payment with id %" PRId64 "."), id);
      goto fail;
    }
  client_id = sqlite3_column_int64 (payment, 0);
  paid_on = factures_sql_col_dup (payment, 1);
  cancelled = sqlite3_column_int (payment, 2) != 0;
  if (cancelled)
    {
      invalid (error, _("Payment %" PRId64 ": it is already cancelled."), id);
      goto fail;
    }
  if (!factures_store_check_reversal_date (date, paid_on, error))
    goto fail;
  stmt = factures_store_prepare (self,
                                 "INSERT INTO payment_reversals (payment_id, date, reason) VALUES (?1, ?2, ?3)",
                                 error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  factures_sql_bind_date (stmt, 2, date);
  factures_sql_bind_text (stmt, 3, clean_reason);
  if (!factures_store_step_done (self, stmt, error))
    goto fail;
  credit = factures_store_get_client_credit (self, client_id, error);
  if (credit < 0)
    {
      if (error != NULL && *error == NULL)
        invalid (error, _("Payment %" PRId64 ": its excess was already applied as credit to another invoice; "
                          "that credit cannot be taken back."), id);
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
                                 "(SELECT r.reason FROM payment_reversals r WHERE r.payment_id = payments.id) "
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

  if (!query_int64 (self, "SELECT coalesce (sum (credit), 0) FROM " FACTURES_LIVE_PAYMENTS " WHERE client_id = ?1",
                    client_id, &credit, error) ||
      !query_int64 (self, "SELECT coalesce (sum (amount), 0) FROM payment_allocations "
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
    return invalid (error, _("Date: the date is missing or invalid."));
  if (amount <= 0)
    return invalid (error, _("Amount: the credit applied must be greater than zero."));
  if (!factures_store_begin (self, error))
    return FALSE;
  info = load_doc (self, document_id, error);
  if (info == NULL)
    goto fail;
  if (!is_payable (info))
    {
      invalid (error, _("Invoice: credit can only be applied to an issued invoice."));
      goto fail;
    }
  credit = factures_store_get_client_credit (self, info->client_id, error);
  if (credit < 0)
    goto fail;
  if (amount > credit)
    {
      g_autofree char *available = factures_money_format (credit);
      invalid (error, _("Amount: the client's credit is only %s."), available);
      goto fail;
    }
  if (amount > doc_balance (info))
    {
      g_autofree char *due = factures_money_format (doc_balance (info));
      invalid (error, _("Amount: the balance of invoice %s is only %s."), info->number, due);
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
  info = load_doc (self, document_id, error);
  if (info == NULL)
    return FALSE;
  if (!is_payable (info))
    return TRUE;
  out->amount_due = info->amount_due;
  out->paid = info->paid;
  out->credited = info->credited;
  out->balance = doc_balance (info);

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

/* ---- instalments and runs ---- */

static GArray *
load_instalments (FacturesStore  *self,
                  const DocInfo  *info,
                  GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) instalments = g_array_new (FALSE, TRUE, sizeof (FacturesInstalment));
  /* a draft's plan (issue 6) has nothing paid on it */
  gint64 remaining = is_payable (info) ? doc_balance (info) : G_MAXINT64;
  gint64 later = 0;
  int rc;

  stmt = factures_store_prepare (self,
                                 "SELECT number, due_date, amount FROM instalments WHERE document_id = ?1 ORDER BY number",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, info->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FacturesInstalment inst = { 0 };

      inst.number = sqlite3_column_int (stmt, 0);
      factures_sql_col_date (stmt, 1, &inst.due_date);
      inst.amount = sqlite3_column_int64 (stmt, 2);
      g_array_append_val (instalments, inst);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  /* what is still owed sits on the latest instalments: payments fill the earliest first */
  for (guint i = instalments->len; i-- > 0;)
    {
      FacturesInstalment *inst = &g_array_index (instalments, FacturesInstalment, i);
      gint64 unpaid = CLAMP (remaining - later, 0, inst->amount);

      inst->paid = inst->amount - unpaid;
      later += inst->amount;
    }
  return g_steal_pointer (&instalments);
}

GArray *
factures_store_get_instalments (FacturesStore  *self,
                                gint64          document_id,
                                GError        **error)
{
  g_autoptr(DocInfo) info = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  info = load_doc (self, document_id, error);
  if (info == NULL)
    return NULL;
  return load_instalments (self, info, error);
}

gboolean
factures_store_set_instalments (FacturesStore  *self,
                                gint64          document_id,
                                GArray         *instalments,
                                GError        **error)
{
  g_autoptr(DocInfo) info = NULL;
  g_autoptr(sqlite3_stmt) del = NULL;
  gint64 sum = 0;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  if (!factures_store_begin (self, error))
    return FALSE;
  info = load_doc (self, document_id, error);
  if (info == NULL)
    goto fail;
  /* A draft invoice may carry the schedule agreed before issuing (issue 6): its
   * total still changes, so the sum is checked when it is issued. */
  if (info->kind != FACTURES_DOCUMENT_KIND_INVOICE && info->kind != FACTURES_DOCUMENT_KIND_DEPOSIT)
    {
      invalid (error, _("Instalments: only invoices and deposit invoices have instalments."));
      goto fail;
    }
  for (guint i = 0; i < instalments->len; i++)
    {
      FacturesInstalment *inst = &g_array_index (instalments, FacturesInstalment, i);

      if (!g_date_valid (&inst->due_date))
        {
          invalid (error, _("Instalment %u: the due date is missing or invalid."), i + 1);
          goto fail;
        }
      if (inst->amount <= 0)
        {
          invalid (error, _("Instalment %u: the amount must be greater than zero."), i + 1);
          goto fail;
        }
      if (i > 0 && g_date_compare (&inst->due_date,
                                   &g_array_index (instalments, FacturesInstalment, i - 1).due_date) <= 0)
        {
          invalid (error, _("Instalment %u: each due date must come after the previous one."), i + 1);
          goto fail;
        }
      sum += inst->amount;
    }
  if (is_payable (info) && instalments->len > 0 && sum != doc_balance (info))
    {
      g_autofree char *got = factures_money_format (sum);
      g_autofree char *want = factures_money_format (doc_balance (info));
      invalid (error, _("Instalments: they add up to %s but the balance of the invoice is %s."), got, want);
      goto fail;
    }

  del = factures_store_prepare (self, "DELETE FROM instalments WHERE document_id = ?1", error);
  if (del == NULL)
    goto fail;
  sqlite3_bind_int64 (del, 1, document_id);
  if (!factures_store_step_done (self, del, error))
    goto fail;
  for (guint i = 0; i < instalments->len; i++)
    {
      FacturesInstalment *inst = &g_array_index (instalments, FacturesInstalment, i);
      g_autoptr(sqlite3_stmt) ins = factures_store_prepare (self,
                                                            "INSERT INTO instalments (document_id, number, due_date, amount) "
                                                            "VALUES (?1, ?2, ?3, ?4)", error);
      if (ins == NULL)
        goto fail;
      inst->number = (gint) i + 1;
      sqlite3_bind_int64 (ins, 1, document_id);
      sqlite3_bind_int (ins, 2, inst->number);
      factures_sql_bind_date (ins, 3, &inst->due_date);
      sqlite3_bind_int64 (ins, 4, inst->amount);
      if (!factures_store_step_done (self, ins, error))
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

typedef struct {
  gint   instalment;
  GDate  due_date;
  gint64 balance;
} RunInfo;

/* The runs of an invoice: each instalment (with what is unpaid on it), or the whole invoice. */
static GArray *
load_runs (FacturesStore  *self,
           const DocInfo  *info,
           GError        **error)
{
  g_autoptr(GArray) instalments = load_instalments (self, info, error);
  g_autoptr(GArray) runs = g_array_new (FALSE, TRUE, sizeof (RunInfo));

  if (instalments == NULL)
    return NULL;
  if (instalments->len == 0)
    {
      RunInfo run = { 0, info->due_date, doc_balance (info) };
      g_array_append_val (runs, run);
    }
  for (guint i = 0; i < instalments->len; i++)
    {
      const FacturesInstalment *inst = &g_array_index (instalments, FacturesInstalment, i);
      RunInfo run = { inst->number, inst->due_date, inst->amount - inst->paid };
      g_array_append_val (runs, run);
    }
  return g_steal_pointer (&runs);
}

/* ---- receivables ---- */

gboolean
factures_store_get_receivables (FacturesStore        *self,
                                const GDate          *today,
                                FacturesReceivables  *out,
                                GError              **error)
{
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(sqlite3_stmt) sales = NULL;
  GDate month_end, window_start;
  gint64 invoiced = 0;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  memset (out, 0, sizeof *out);
  month_end = *today;
  g_date_set_day (&month_end, g_date_get_days_in_month (g_date_get_month (today), g_date_get_year (today)));

  docs = load_open_docs (self, error);
  if (docs == NULL)
    return FALSE;
  for (guint i = 0; i < docs->len; i++)
    {
      const DocInfo *info = g_ptr_array_index (docs, i);
      g_autoptr(GArray) runs = load_runs (self, info, error);
      gboolean late = FALSE;

      if (runs == NULL)
        return FALSE;
      out->outstanding += doc_balance (info);
      for (guint r = 0; r < runs->len; r++)
        {
          const RunInfo *run = &g_array_index (runs, RunInfo, r);
          gint days = factures_date_days_between (&run->due_date, today);
          guint bucket;

          if (run->balance <= 0)
            continue;
          if (days <= 0)
            bucket = 0;
          else if (days <= 30)
            bucket = 1;
          else if (days <= 60)
            bucket = 2;
          else if (days <= 90)
            bucket = 3;
          else
            bucket = 4;
          out->aging[bucket] += run->balance;
          out->aging_count[bucket]++;
          if (days > 0)
            {
              out->overdue += run->balance;
              late = TRUE;
            }
          else if (g_date_compare (&run->due_date, &month_end) <= 0)
            out->expected_this_month += run->balance;
        }
      out->n_overdue += late;
    }

  /* DSO over the last 90 days: outstanding × 90 / TTC invoiced (credit notes deducted) */
  window_start = *today;
  g_date_subtract_days (&window_start, 89);
  sales = factures_store_prepare (self,
                                  "SELECT coalesce (sum (CASE WHEN kind = 381 THEN -gross_total ELSE gross_total END), 0) "
                                  "FROM documents WHERE status = 1 AND kind IN (380, 381, 386) "
                                  "AND issue_date >= ?1 AND issue_date <= ?2",
                                  error);
  if (sales == NULL)
    return FALSE;
  factures_sql_bind_date (sales, 1, &window_start);
  factures_sql_bind_date (sales, 2, today);
  if (sqlite3_step (sales) != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  invoiced = sqlite3_column_int64 (sales, 0);
  if (invoiced > 0)
    {
      gint64 dso = 0;
      if (!factures_muldiv_round (out->outstanding, 90, invoiced, &dso, error))
        return FALSE;
      out->dso = (gint) MIN (dso, G_MAXINT);
    }
  else
    out->dso = -1;

  /* Issue 11 item 8: invoices paid in full, and the first issue date. */
  {
    g_autoptr(sqlite3_stmt) history = NULL;
    GDate first;

    history = factures_store_prepare (self,
                                      "SELECT (SELECT count (*) FROM documents WHERE status = 1 AND kind IN (380, 386) "
                                      "AND amount_due > 0 AND " FACTURES_PAID_EXPR " > 0 "
                                      "AND amount_due - " FACTURES_CREDITED_EXPR " - " FACTURES_PAID_EXPR " <= 0), "
                                      "(SELECT min (issue_date) FROM documents WHERE status = 1 AND kind IN (380, 386))",
                                      error);
    if (history == NULL)
      return FALSE;
    if (sqlite3_step (history) != SQLITE_ROW)
      {
        factures_store_set_db_error (self, error);
        return FALSE;
      }
    factures_sql_col_date (history, 1, &first);
    out->dso_history = factures_dso_has_history ((guint) sqlite3_column_int64 (history, 0), &first, today);
  }

  {
    gint64 credit = 0, used = 0;
    if (!query_int64 (self, "SELECT coalesce (sum (credit), 0) FROM " FACTURES_LIVE_PAYMENTS " WHERE ?1 = ?1", 0, &credit, error) ||
        !query_int64 (self, "SELECT coalesce (sum (amount), 0) FROM payment_allocations WHERE payment_id IS NULL AND ?1 = ?1",
                      0, &used, error))
      return FALSE;
    out->credit = credit - used;
  }
  return TRUE;
}

/* ---- ladders ---- */

FacturesDunningLadder *
factures_store_get_ladder (FacturesStore           *self,
                           FacturesClientCategory   category,
                           GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(FacturesDunningLadder) ladder = factures_dunning_ladder_new (category);
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  stmt = factures_store_prepare (self,
                                 "SELECT offset_days, channel, template_id FROM dunning_steps "
                                 "WHERE category = ?1 ORDER BY position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, category);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FacturesDunningChannel channel = FACTURES_DUNNING_CHANNEL_EMAIL;

      if (!factures_dunning_channel_from_string ((const char *) sqlite3_column_text (stmt, 1), &channel))
        {
          g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY,
                               _("Dunning ladder: unknown channel in the database."));
          return NULL;
        }
      g_ptr_array_add (ladder->steps,
                       factures_dunning_step_new (sqlite3_column_int (stmt, 0), channel,
                                                  (const char *) sqlite3_column_text (stmt, 2)));
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  if (ladder->steps->len == 0)
    return factures_dunning_ladder_new_default (category);
  return g_steal_pointer (&ladder);
}

gboolean
factures_store_save_ladder (FacturesStore          *self,
                            FacturesDunningLadder  *ladder,
                            GError                **error)
{
  g_autoptr(sqlite3_stmt) del = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  if ((guint) ladder->category > FACTURES_CLIENT_CATEGORY_PUBLIC)
    return invalid (error, _("Dunning ladder: unknown client category."));
  if (!factures_dunning_ladder_validate (ladder, error))
    return FALSE;
  if (!factures_store_begin (self, error))
    return FALSE;
  del = factures_store_prepare (self, "DELETE FROM dunning_steps WHERE category = ?1", error);
  if (del == NULL)
    goto fail;
  sqlite3_bind_int (del, 1, ladder->category);
  if (!factures_store_step_done (self, del, error))
    goto fail;
  for (guint i = 0; i < ladder->steps->len; i++)
    {
      const FacturesDunningStep *step = g_ptr_array_index (ladder->steps, i);
      g_autoptr(sqlite3_stmt) ins = factures_store_prepare (self,
                                                            "INSERT INTO dunning_steps (category, position, offset_days, "
                                                            "channel, template_id) VALUES (?1, ?2, ?3, ?4, ?5)", error);
      if (ins == NULL)
        goto fail;
      sqlite3_bind_int (ins, 1, ladder->category);
      sqlite3_bind_int (ins, 2, (int) i);
      sqlite3_bind_int (ins, 3, step->offset_days);
      factures_sql_bind_text (ins, 4, factures_dunning_channel_to_string (step->channel));
      factures_sql_bind_text (ins, 5, step->template_id);
      if (!factures_store_step_done (self, ins, error))
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
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) events = g_array_new (FALSE, TRUE, sizeof (FacturesDunningEvent));
  int rc;

  g_array_set_clear_func (events, (GDestroyNotify) event_clear);
  stmt = factures_store_prepare (self,
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
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  g_date_clear (out_date, 1);
  stmt = factures_store_prepare (self, "SELECT date FROM payment_promises WHERE document_id = ?1 "
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

  if (!query_int64 (self, "SELECT count(*) FROM disputes WHERE document_id = ?1 AND closed IS NULL",
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

  ladder = factures_store_get_ladder (self, doc_category (info), error);
  if (ladder == NULL)
    return NULL;
  runs = load_runs (self, info, error);
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
  task->invoice_balance = doc_balance (info);
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
        return invalid (error, _("Dunning step %s: it was already recorded for this invoice."), step_key);
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
factures_store_catch_up (FacturesStore  *self,
                         const GDate    *today,
                         guint          *out_n_skipped,
                         GError        **error)
{
  g_autoptr(GPtrArray) docs = NULL;
  guint skipped = 0;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  if (out_n_skipped != NULL)
    *out_n_skipped = 0;
  if (!factures_store_begin (self, error))
    return FALSE;
  docs = load_open_docs (self, error);
  if (docs == NULL)
    goto fail;
  for (guint i = 0; i < docs->len; i++)
    {
      const DocInfo *info = g_ptr_array_index (docs, i);
      g_autoptr(GArray) plan = plan_for (self, info, today, NULL, NULL, error);

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
  if (out_n_skipped != NULL)
    *out_n_skipped = skipped;
  return TRUE;

fail:
  factures_store_rollback (self);
  return FALSE;
}

GPtrArray *
factures_store_get_dunning_queue (FacturesStore  *self,
                                  const GDate    *today,
                                  GError        **error)
{
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GPtrArray) queue = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_dunning_task_free);

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  if (!factures_store_catch_up (self, today, NULL, error))
    return NULL;
  docs = load_open_docs (self, error);
  if (docs == NULL)
    return NULL;
  for (guint i = 0; i < docs->len; i++)
    {
      const DocInfo *info = g_ptr_array_index (docs, i);
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
  return g_steal_pointer (&queue);
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

  info = load_doc (self, document_id, error);
  if (info == NULL)
    return NULL;
  if (!is_payable (info))
    {
      invalid (error, _("Dunning: only issued invoices and deposit invoices have a dunning plan."));
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
    return invalid (error, _("Date: the date is missing or invalid."));
  clean_note = factures_text_clean (note, _("Note"), FACTURES_MAX_NOTES, FALSE, error);
  if (clean_note == NULL)
    return FALSE;
  factures_today (&today);
  if (!factures_store_begin (self, error))
    return FALSE;
  info = load_doc (self, document_id, error);
  if (info == NULL)
    goto fail;
  if (!is_payable (info))
    {
      invalid (error, _("Dunning: only issued invoices and deposit invoices have a dunning plan."));
      goto fail;
    }
  plan = plan_for (self, info, date, &ladder, &runs, error);
  if (plan == NULL)
    goto fail;
  if (find_run (runs, instalment) == NULL)
    {
      invalid (error, _("Dunning: invoice %s has no instalment %d."), info->number, instalment);
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
          invalid (error, _("Dunning step %s: the earlier step %s is neither done nor skipped."),
                   step_key, step->step_key);
          goto fail;
        }
    }
  if (found == NULL)
    {
      invalid (error, _("Dunning step %s: not in the ladder of this client's category."), step_key);
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
          invalid (error, _("Dunning step %s: another step was already done on this invoice that day; "
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

static gboolean
check_open_invoice (FacturesStore  *self,
                    gint64          document_id,
                    GError        **error)
{
  g_autoptr(DocInfo) info = load_doc (self, document_id, error);

  if (info == NULL)
    return FALSE;
  if (!is_payable (info))
    return invalid (error, _("Invoice: only issued invoices and deposit invoices can be followed up."));
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
    return invalid (error, _("Promised date: the date is missing or invalid."));
  if (g_date_compare (promise_date, today) < 0)
    return invalid (error, _("Promised date: a promise to pay cannot be dated in the past."));
  clean = factures_text_clean (note, _("Note"), FACTURES_MAX_NOTES, FALSE, error);
  if (clean == NULL)
    return FALSE;
  if (!factures_store_begin (self, error))
    return FALSE;
  if (!check_open_invoice (self, document_id, error) ||
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
    return invalid (error, _("Date: the date is missing or invalid."));
  clean = factures_text_clean (note, _("Note"), FACTURES_MAX_NOTES, FALSE, error);
  if (clean == NULL)
    return FALSE;
  if (!factures_store_begin (self, error))
    return FALSE;
  if (!check_open_invoice (self, document_id, error) ||
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

/* ---- penalties ---- */

GArray *
factures_store_get_rate_table (FacturesStore  *self,
                               GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) table = g_array_new (FALSE, TRUE, sizeof (FacturesRatePeriod));
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  g_array_set_clear_func (table, (GDestroyNotify) factures_rate_period_clear);
  stmt = factures_store_prepare (self,
                                 "SELECT year, half, coalesce (ecb_bp, -1), coalesce (legal_individual_bp, -1), "
                                 "coalesce (legal_other_bp, -1), source FROM penalty_rates ORDER BY year, half", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FacturesRatePeriod p = { 0 };

      p.year = sqlite3_column_int (stmt, 0);
      p.half = sqlite3_column_int (stmt, 1);
      p.ecb_bp = sqlite3_column_int (stmt, 2);
      p.legal_individual_bp = sqlite3_column_int (stmt, 3);
      p.legal_other_bp = sqlite3_column_int (stmt, 4);
      p.source = factures_sql_col_dup (stmt, 5);
      g_array_append_val (table, p);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&table);
}

static void
bind_rate (sqlite3_stmt *stmt, int index, gint rate)
{
  if (rate >= 0)
    sqlite3_bind_int (stmt, index, rate);
  else
    sqlite3_bind_null (stmt, index);
}

gboolean
factures_store_save_rate (FacturesStore            *self,
                          const FacturesRatePeriod *period,
                          GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *source = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  if (period->half != 1 && period->half != 2)
    return invalid (error, _("Half-year: 1 (January to June) or 2 (July to December)."));
  if (period->year < 2000 || period->year > 2200)
    return invalid (error, _("Year: %d is not a plausible year."), period->year);
  if (period->ecb_bp < FACTURES_RATE_UNKNOWN || period->legal_individual_bp < FACTURES_RATE_UNKNOWN ||
      period->legal_other_bp < FACTURES_RATE_UNKNOWN ||
      period->ecb_bp > 10000 || period->legal_individual_bp > 10000 || period->legal_other_bp > 10000)
    return invalid (error, _("Rates: a rate must be between 0 and 100 %%."));
  source = factures_text_clean (period->source, _("Source"), FACTURES_MAX_SHORT * 4, FALSE, error);
  if (source == NULL)
    return FALSE;
  if (!factures_store_begin (self, error))
    return FALSE;
  stmt = factures_store_prepare (self,
                                 "INSERT OR REPLACE INTO penalty_rates (year, half, ecb_bp, legal_individual_bp, "
                                 "legal_other_bp, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, period->year);
  sqlite3_bind_int (stmt, 2, period->half);
  bind_rate (stmt, 3, period->ecb_bp);
  bind_rate (stmt, 4, period->legal_individual_bp);
  bind_rate (stmt, 5, period->legal_other_bp);
  factures_sql_bind_text (stmt, 6, *source ? source : NULL);
  if (!factures_store_step_done (self, stmt, error) || !factures_store_commit (self, error))
    goto fail;
  factures_store_emit_changed (self);
  return TRUE;

fail:
  factures_store_rollback (self);
  return FALSE;
}

gboolean
factures_store_waive_penalties (FacturesStore  *self,
                                gint64          document_id,
                                gboolean        waived,
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
  if (!check_open_invoice (self, document_id, error))
    goto fail;
  stmt = factures_store_prepare (self,
                                 waived ? "INSERT OR REPLACE INTO penalty_waivers (document_id, note) VALUES (?1, ?2)"
                                        : "DELETE FROM penalty_waivers WHERE document_id = ?1 AND ?2 IS ?2",
                                 error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, document_id);
  factures_sql_bind_text (stmt, 2, *clean ? clean : NULL);
  if (!factures_store_step_done (self, stmt, error) || !factures_store_commit (self, error))
    goto fail;
  factures_store_emit_changed (self);
  return TRUE;

fail:
  factures_store_rollback (self);
  return FALSE;
}

gboolean
factures_store_compute_penalties (FacturesStore      *self,
                                  gint64              document_id,
                                  const GDate        *today,
                                  FacturesPenalties  *out,
                                  GError            **error)
{
  g_autoptr(DocInfo) info = NULL;
  g_autoptr(GArray) table = NULL;
  g_autoptr(GArray) payments = g_array_new (FALSE, FALSE, sizeof (FacturesPenaltyPayment));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  FacturesBalance balance;
  gint64 principal, waived = 0;
  gboolean scheduled = FALSE;
  GDate notice, end;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  memset (out, 0, sizeof *out);
  info = load_doc (self, document_id, error);
  if (info == NULL)
    return FALSE;
  if (!is_payable (info))
    return invalid (error, _("Penalties: only issued invoices and deposit invoices have late penalties."));
  table = factures_store_get_rate_table (self, error);
  if (table == NULL || !factures_store_get_payment_balance (self, document_id, &balance, error))
    return FALSE;

  /* the unpaid amount on the due date, and the payments after it */
  principal = info->amount_due - info->credited;
  stmt = factures_store_prepare (self, "SELECT date, amount FROM live_payment_allocations WHERE document_id = ?1 "
                                       "ORDER BY date, id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FacturesPenaltyPayment p;

      factures_sql_col_date (stmt, 0, &p.date);
      p.amount = sqlite3_column_int64 (stmt, 1);
      if (g_date_compare (&p.date, &info->due_date) <= 0)
        principal -= p.amount;
      else
        g_array_append_val (payments, p);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* the formal notice (individuals): the first formal-notice step done */
  g_date_clear (&notice, 1);
  stmt = factures_store_prepare (self, "SELECT min (date) FROM dunning_events WHERE document_id = ?1 "
                                       "AND channel = 'formal-notice' AND state = 'done'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  factures_sql_col_date (stmt, 0, &notice);

  end = *today;
  if (balance.balance <= 0 && g_date_valid (&balance.paid_date))
    end = balance.paid_date;

  /* With an instalment plan (issue 6), interest runs on each instalment from its own due date. */
  {
    g_autoptr(GArray) plan = load_instalments (self, info, error);

    if (plan == NULL)
      return FALSE;
    if (plan->len > 0)
      {
        g_autoptr(GArray) planned = g_array_new (FALSE, FALSE, sizeof (FacturesPlannedInstalment));
        g_autoptr(GArray) dated = g_array_new (FALSE, FALSE, sizeof (FacturesPenaltyPayment));
        gint64 sum = 0, before, settled;

        for (guint i = 0; i < plan->len; i++)
          {
            const FacturesInstalment *inst = &g_array_index (plan, FacturesInstalment, i);
            FacturesPlannedInstalment p = { inst->due_date, inst->amount };

            g_array_append_val (planned, p);
            sum += inst->amount;
          }
        /* What was settled before the plan (it covers what was owed when it was agreed):
         * credit notes first, then the earliest payments. The rest fills the instalments. */
        before = MAX (info->amount_due - sum, 0);
        settled = info->credited - MIN (before, info->credited);
        before -= MIN (before, info->credited);
        g_clear_pointer (&stmt, sqlite3_finalize);
        stmt = factures_store_prepare (self, "SELECT date, amount FROM live_payment_allocations "
                                             "WHERE document_id = ?1 ORDER BY date, id", error);
        if (stmt == NULL)
          return FALSE;
        sqlite3_bind_int64 (stmt, 1, document_id);
        while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
          {
            FacturesPenaltyPayment p;

            factures_sql_col_date (stmt, 0, &p.date);
            p.amount = sqlite3_column_int64 (stmt, 1);
            if (before > 0)
              {
                gint64 skip = MIN (before, p.amount);

                before -= skip;
                p.amount -= skip;
              }
            if (p.amount > 0)
              g_array_append_val (dated, p);
          }
        if (rc != SQLITE_DONE)
          {
            factures_store_set_db_error (self, error);
            return FALSE;
          }
        if (!factures_schedule_penalties (planned, settled, dated, doc_category (info), doc_fixed_rate (info),
                                          &notice, &end, table, out, error))
          return FALSE;
        scheduled = TRUE;
      }
  }

  if (!scheduled &&
      !factures_penalties_compute (doc_category (info), doc_fixed_rate (info), principal, payments,
                                   &info->due_date, &notice, &end, table, out, error))
    return FALSE;
  if (!query_int64 (self, "SELECT count(*) FROM penalty_waivers WHERE document_id = ?1", document_id, &waived, error))
    return FALSE;
  out->waived = waived > 0;
  return TRUE;
}

guint
factures_store_count_due_steps (FacturesStore  *self,
                                const GDate    *today,
                                GError        **error)
{
  g_autoptr(GPtrArray) queue = factures_store_get_dunning_queue (self, today, error);

  return queue != NULL ? queue->len : 0;
}

/* ---- JSON export/import (factures-store-json.c) ---- */

typedef struct {
  const char *table;
  const char *order;
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
      json_builder_set_member_name (builder, json_tables[t].table);
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

/* imported_invoices[i].paid_on, paid_method, paid_amount, paid_reference (files from 0007) into
 * rows of imported_payments (0008). */
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

gboolean
factures_store_payments_import_json (FacturesStore  *self,
                                     JsonObject     *root,
                                     gboolean        keep_ids,
                                     GError        **error)
{
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
