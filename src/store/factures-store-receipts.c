/* factures-store-receipts.c — the livre des recettes (LEGAL.md §6), computed from the payments
 * and the paid imported sales; the payment of an imported sale (migration 0007-receipts.sql)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include "config.h"

#include <csv.h>
#include <glib/gi18n.h>
#include <string.h>

#include "factures-imported.h"
#include "factures-store-receipts.h"
#include "factures-store-payments.h"
#include "factures-store-private.h"

/* ---- entries ---- */

/**
 * factures_receipt_free:
 * @receipt: (nullable): an entry of factures_store_list_receipts()
 */
void
factures_receipt_free (FacturesReceipt *receipt)
{
  if (receipt == NULL)
    return;
  g_free (receipt->invoices);
  g_free (receipt->client);
  g_free (receipt->nature);
  g_free (receipt->reference);
  g_free (receipt->reason);
  g_free (receipt);
}

/* The nature of what was sold, from the seller's activity (always French: a legal record). */
static char *
nature_of (gint activity, const char *first_line)
{
  switch (activity)
    {
    case FACTURES_ACTIVITY_SERVICES:
      return g_strdup ("Prestation de services");
    case FACTURES_ACTIVITY_GOODS:
      return g_strdup ("Vente de marchandises");
    default:
      if (first_line != NULL && *first_line != '\0')
        {
          /* The first line of the first invoice paid, on one line, 80 characters at most. */
          g_autofree char *one = g_strdup (first_line);
          const char *end;

          g_strdelimit (one, "\r\n\t", ' ');
          g_strstrip (one);
          if (g_utf8_strlen (one, -1) > 80)
            {
              end = g_utf8_offset_to_pointer (one, 79);
              return g_strdup_printf ("%.*s…", (int) (end - one), one);
            }
          return g_steal_pointer (&one);
        }
      return g_strdup ("Ventes et prestations de services");
    }
}

static gint
compare_receipts (gconstpointer a, gconstpointer b)
{
  const FacturesReceipt *ra = *(FacturesReceipt * const *) a;
  const FacturesReceipt *rb = *(FacturesReceipt * const *) b;
  gint c = g_date_compare (&ra->date, &rb->date);

  if (c != 0)
    return c;
  if (ra->source != rb->source)
    return ra->source < rb->source ? -1 : 1;
  if (ra->payment_id != rb->payment_id)
    return ra->payment_id < rb->payment_id ? -1 : 1;
  if (ra->id != rb->id)
    return ra->id < rb->id ? -1 : 1;
  return ra->reversal - rb->reversal;
}

static FacturesPaymentMethod
method_of (gint value)
{
  return value >= 0 && value < FACTURES_N_PAYMENT_METHODS ? (FacturesPaymentMethod) value
                                                          : FACTURES_PAYMENT_METHOD_OTHER;
}

/**
 * factures_store_list_receipts:
 * (see factures-store-receipts.h)
 */
GPtrArray *
factures_store_list_receipts (FacturesStore  *self,
                              const GDate    *from,
                              const GDate    *to,
                              GError        **error)
{
  g_autoptr(GPtrArray) receipts = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_receipt_free);
  g_autoptr(sqlite3_stmt) payments = NULL;
  g_autoptr(sqlite3_stmt) imported = NULL;
  g_autoptr(FacturesProfile) profile = NULL;
  gint my_activity = FACTURES_ACTIVITY_SERVICES;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  if (from == NULL || to == NULL || !g_date_valid (from) || !g_date_valid (to) || g_date_compare (from, to) > 0)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Period: the first day must be a valid date, not after the last day."));
      return NULL;
    }

  /* Every payment received (allocations of a client's credit, payment_id NULL, are not
   * receipts), then every cancellation of one, as a negative line on its own date (a payment is
   * never erased, migration 0008). In euros: a payment of a document in another currency is
   * booked at the amount the bank credited (payments.eur_amount, issue 13 item 4). */
  for (int reversal = 0; reversal <= 1; reversal++)
    {
      g_autofree char *sql = g_strdup_printf (
        "SELECT p.id, %s, %scoalesce (p.eur_amount, p.amount), p.method, p.reference, coalesce (p.client_id, 0), "
        "       (SELECT group_concat (n, ', ') FROM (SELECT d.number AS n FROM payment_allocations a "
        "          JOIN documents d ON d.id = a.document_id WHERE a.payment_id = p.id ORDER BY a.id)), "
        "       coalesce (fd.client_name, c.name), json_extract (fd.seller, '$.activity'), "
        "       (SELECT l.description FROM lines l WHERE l.document_id = fd.id ORDER BY l.position LIMIT 1), "
        "       %s "
        "FROM %s LEFT JOIN clients c ON c.id = p.client_id "
        "LEFT JOIN documents fd ON fd.id = (SELECT a.document_id FROM payment_allocations a "
        "                                   WHERE a.payment_id = p.id ORDER BY a.id LIMIT 1) "
        "WHERE %s BETWEEN ?1 AND ?2",
        reversal ? "r.date" : "p.date", reversal ? "-" : "", reversal ? "r.reason" : "NULL",
        reversal ? "payment_reversals r JOIN payments p ON p.id = r.payment_id" : "payments p",
        reversal ? "r.date" : "p.date");

      g_clear_pointer (&payments, sqlite3_finalize);
      payments = factures_store_prepare (self, sql, error);
      if (payments == NULL)
        return NULL;
      factures_sql_bind_date (payments, 1, from);
      factures_sql_bind_date (payments, 2, to);
      while ((rc = sqlite3_step (payments)) == SQLITE_ROW)
        {
          FacturesReceipt *r = g_new0 (FacturesReceipt, 1);

          r->source = FACTURES_RECEIPT_PAYMENT;
          r->id = sqlite3_column_int64 (payments, 0);
          factures_sql_col_date (payments, 1, &r->date);
          r->amount = sqlite3_column_int64 (payments, 2);
          r->method = method_of (sqlite3_column_int (payments, 3));
          r->reference = factures_sql_col_dup (payments, 4);
          r->client_id = sqlite3_column_int64 (payments, 5);
          r->invoices = factures_sql_col_dup (payments, 6);
          r->client = factures_sql_col_dup (payments, 7);
          r->nature = nature_of (sqlite3_column_type (payments, 8) == SQLITE_NULL
                                 ? FACTURES_ACTIVITY_SERVICES : sqlite3_column_int (payments, 8),
                                 (const char *) sqlite3_column_text (payments, 9));
          r->reversal = reversal != 0;
          r->reason = factures_sql_col_dup (payments, 10);
          g_ptr_array_add (receipts, r);
        }
      if (rc != SQLITE_DONE)
        {
          factures_store_set_db_error (self, error);
          return NULL;
        }
    }

  profile = factures_store_get_profile (self, NULL);
  if (profile != NULL)
    my_activity = profile->activity;

  /* Every payment of an imported sale (never a purchase), then every cancellation of one. */
  for (int reversal = 0; reversal <= 1; reversal++)
    {
      g_autofree char *sql = g_strdup_printf (
        "SELECT i.id, %s, %sp.amount, p.method, p.reference, coalesce (i.client_id, 0), "
        "       i.number, coalesce (i.buyer_name, c.name), %s, p.id "
        "FROM %s JOIN imported_invoices i ON i.id = p.invoice_id "
        "LEFT JOIN clients c ON c.id = i.client_id "
        "WHERE i.direction = 'sale' AND %s BETWEEN ?1 AND ?2",
        reversal ? "r.date" : "p.date", reversal ? "-" : "", reversal ? "r.reason" : "NULL",
        reversal ? "imported_payment_reversals r JOIN imported_payments p ON p.id = r.imported_payment_id"
                 : "imported_payments p",
        reversal ? "r.date" : "p.date");

      g_clear_pointer (&imported, sqlite3_finalize);
      imported = factures_store_prepare (self, sql, error);
      if (imported == NULL)
        return NULL;
      factures_sql_bind_date (imported, 1, from);
      factures_sql_bind_date (imported, 2, to);
      while ((rc = sqlite3_step (imported)) == SQLITE_ROW)
        {
          FacturesReceipt *r = g_new0 (FacturesReceipt, 1);

          r->source = FACTURES_RECEIPT_IMPORTED;
          r->id = sqlite3_column_int64 (imported, 0);
          factures_sql_col_date (imported, 1, &r->date);
          r->amount = sqlite3_column_int64 (imported, 2);
          r->method = method_of (sqlite3_column_int (imported, 3));
          r->reference = factures_sql_col_dup (imported, 4);
          r->client_id = sqlite3_column_int64 (imported, 5);
          r->invoices = factures_sql_col_dup (imported, 6);
          r->client = factures_sql_col_dup (imported, 7);
          r->nature = nature_of (my_activity, NULL);
          r->reversal = reversal != 0;
          r->reason = factures_sql_col_dup (imported, 8);
          r->payment_id = sqlite3_column_int64 (imported, 9);
          g_ptr_array_add (receipts, r);
        }
      if (rc != SQLITE_DONE)
        {
          factures_store_set_db_error (self, error);
          return NULL;
        }
    }

  /* Every refund of a credit note (money paid back: a negative line on the day it left), then
   * every cancellation of one (a positive line on its own date; 0014-bank.sql). */
  for (int reversal = 0; reversal <= 1; reversal++)
    {
      g_autoptr(sqlite3_stmt) refunds = NULL;
      g_autofree char *sql = g_strdup_printf (
        "SELECT f.id, %s, %sf.amount, f.method, f.reference, coalesce (d.client_id, 0), d.number, "
        "       coalesce (d.client_name, c.name), json_extract (d.seller, '$.activity'), "
        "       (SELECT l.description FROM lines l WHERE l.document_id = d.id ORDER BY l.position LIMIT 1), %s "
        "FROM %s JOIN documents d ON d.id = f.document_id LEFT JOIN clients c ON c.id = d.client_id "
        "WHERE %s BETWEEN ?1 AND ?2",
        reversal ? "v.date" : "f.date", reversal ? "" : "-", reversal ? "v.reason" : "NULL",
        reversal ? "credit_note_refund_reversals v JOIN credit_note_refunds f ON f.id = v.refund_id"
                 : "credit_note_refunds f",
        reversal ? "v.date" : "f.date");

      refunds = factures_store_prepare (self, sql, error);
      if (refunds == NULL)
        return NULL;
      factures_sql_bind_date (refunds, 1, from);
      factures_sql_bind_date (refunds, 2, to);
      while ((rc = sqlite3_step (refunds)) == SQLITE_ROW)
        {
          FacturesReceipt *r = g_new0 (FacturesReceipt, 1);

          r->source = FACTURES_RECEIPT_REFUND;
          r->id = sqlite3_column_int64 (refunds, 0);
          factures_sql_col_date (refunds, 1, &r->date);
          r->amount = sqlite3_column_int64 (refunds, 2);
          r->method = method_of (sqlite3_column_int (refunds, 3));
          r->reference = factures_sql_col_dup (refunds, 4);
          r->client_id = sqlite3_column_int64 (refunds, 5);
          r->invoices = factures_sql_col_dup (refunds, 6);
          r->client = factures_sql_col_dup (refunds, 7);
          r->nature = nature_of (sqlite3_column_type (refunds, 8) == SQLITE_NULL
                                 ? FACTURES_ACTIVITY_SERVICES : sqlite3_column_int (refunds, 8),
                                 (const char *) sqlite3_column_text (refunds, 9));
          r->reversal = reversal != 0;
          r->reason = factures_sql_col_dup (refunds, 10);
          g_ptr_array_add (receipts, r);
        }
      if (rc != SQLITE_DONE)
        {
          factures_store_set_db_error (self, error);
          return NULL;
        }
    }

  g_ptr_array_sort (receipts, compare_receipts);
  return g_steal_pointer (&receipts);
}

/* ---- totals ---- */

static guint
period_index (const GDate *date, FacturesReceiptPeriod period)
{
  switch (period)
    {
    case FACTURES_RECEIPT_PERIOD_MONTH:
      return g_date_get_month (date);
    case FACTURES_RECEIPT_PERIOD_QUARTER:
      return (g_date_get_month (date) - 1) / 3 + 1;
    case FACTURES_RECEIPT_PERIOD_YEAR:
    default:
      return 0;
    }
}

/**
 * factures_receipts_totals:
 * (see factures-store-receipts.h)
 */
GArray *
factures_receipts_totals (GPtrArray              *receipts,
                          const GDate            *from,
                          const GDate            *to,
                          FacturesReceiptPeriod   period)
{
  GArray *totals = g_array_new (FALSE, TRUE, sizeof (FacturesReceiptTotal));
  guint per_year = period == FACTURES_RECEIPT_PERIOD_MONTH ? 12 : period == FACTURES_RECEIPT_PERIOD_QUARTER ? 4 : 1;
  guint first_year, last_year, first_index, last_index;

  g_return_val_if_fail (from != NULL && to != NULL && g_date_valid (from) && g_date_valid (to), totals);

  first_year = g_date_get_year (from);
  last_year = g_date_get_year (to);
  first_index = period_index (from, period);
  last_index = period_index (to, period);
  /* Every period from the one holding @from to the one holding @to, in order. */
  for (guint year = first_year; year <= last_year; year++)
    for (guint i = (per_year == 1 ? 0 : 1); i <= (per_year == 1 ? 0 : per_year); i++)
      {
        FacturesReceiptTotal t = { year, i, 0, 0, 0 };

        if ((year == first_year && i < first_index) || (year == last_year && i > last_index))
          continue;
        g_array_append_val (totals, t);
      }

  for (guint r = 0; receipts != NULL && r < receipts->len; r++)
    {
      const FacturesReceipt *receipt = g_ptr_array_index (receipts, r);
      guint year = g_date_get_year (&receipt->date);
      guint index = period_index (&receipt->date, period);

      for (guint t = 0; t < totals->len; t++)
        {
          FacturesReceiptTotal *total = &g_array_index (totals, FacturesReceiptTotal, t);

          if (total->year != year || total->index != index)
            continue;
          total->total += receipt->amount;
          if (receipt->method == FACTURES_PAYMENT_METHOD_CASH)
            total->cash += receipt->amount;
          total->n_entries++;
          break;
        }
    }
  return totals;
}

/**
 * factures_receipt_total_label:
 * (see factures-store-receipts.h)
 */
char *
factures_receipt_total_label (const FacturesReceiptTotal *total,
                              FacturesReceiptPeriod       period)
{
  static const char * const months[] = {
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
  };

  switch (period)
    {
    case FACTURES_RECEIPT_PERIOD_MONTH:
      g_return_val_if_fail (total->index >= 1 && total->index <= 12, NULL);
      return g_strdup_printf ("%s %u", months[total->index - 1], total->year);
    case FACTURES_RECEIPT_PERIOD_QUARTER:
      return g_strdup_printf ("%u%s trimestre %u", total->index, total->index == 1 ? "er" : "e", total->year);
    case FACTURES_RECEIPT_PERIOD_YEAR:
    default:
      return g_strdup_printf ("%u", total->year);
    }
}

/* ---- CSV ---- */

void
factures_store_csv_field (GString    *line,
                          const char *text,
                          gboolean    first)
{
  gsize len = text != NULL ? strlen (text) : 0;
  /* libcsv quotes the field and doubles its quotes: at most 2 × len + 2 bytes. */
  gsize room = 2 * len + 2;
  g_autofree char *quoted = g_malloc (room + 1);
  gsize written = csv_write (quoted, room, text != NULL ? text : "", len);

  if (!first)
    g_string_append_c (line, ';');
  g_string_append_len (line, quoted, MIN (written, room));
}

/* (see factures-store-private.h) */
char *
factures_store_csv_amount (gint64 cents)
{
  guint64 abs_cents = cents < 0 ? (guint64) -(cents + 1) + 1 : (guint64) cents;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ",%02u", cents < 0 ? "-" : "",
                          abs_cents / 100, (guint) (abs_cents % 100));
}

/**
 * factures_receipts_write_csv:
 * (see factures-store-receipts.h)
 *
 * The file starts with a UTF-8 byte order mark so that spreadsheets set to a French locale read
 * the accents right.
 */
gboolean
factures_receipts_write_csv (GPtrArray      *receipts,
                             GOutputStream  *stream,
                             GError        **error)
{
  static const char * const header[] = {
    "Date d'encaissement", "Référence", "Client", "Nature", "Montant", "Mode de règlement",
    "Espèces", "Référence du paiement",
  };
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");

  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    factures_store_csv_field (out, header[c], c == 0);
  g_string_append (out, "\r\n");
  for (guint i = 0; receipts != NULL && i < receipts->len; i++)
    {
      const FacturesReceipt *r = g_ptr_array_index (receipts, i);
      g_autofree char *date = factures_date_format_fr (&r->date);
      g_autofree char *amount = factures_store_csv_amount (r->amount);

      factures_store_csv_field (out, date, TRUE);
      factures_store_csv_field (out, r->invoices, FALSE);
      factures_store_csv_field (out, r->client, FALSE);
      factures_store_csv_field (out, r->nature, FALSE);
      factures_store_csv_field (out, amount, FALSE);
      factures_store_csv_field (out, factures_payment_method_label_fr (r->method), FALSE);
      factures_store_csv_field (out, r->method == FACTURES_PAYMENT_METHOD_CASH ? "oui" : "non", FALSE);
      if (r->reversal)
        {
          /* A cancellation: why, and which payment (always French: a legal record). */
          g_autofree char *text = g_strdup_printf ("Annulation du paiement%s%s (motif : %s)",
                                                   r->reference != NULL ? " " : "",
                                                   r->reference != NULL ? r->reference : "",
                                                   r->reason != NULL ? r->reason : "");

          factures_store_csv_field (out, text, FALSE);
        }
      else
        factures_store_csv_field (out, r->reference, FALSE);
      g_string_append (out, "\r\n");
    }
  return g_output_stream_write_all (stream, out->str, out->len, NULL, NULL, error);
}

/* ---- the payment of an imported sale ---- */

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

typedef struct {
  char     *number;
  gboolean  sale;
  char     *currency;
  char     *due_payable;
  gboolean  paid;
  gint64    payment_id;   /* the payment that counts (imported_payments.id), 0 when none */
  char     *paid_on;
} ImportedState;

static void
imported_state_clear (ImportedState *state)
{
  g_free (state->number);
  g_free (state->currency);
  g_free (state->due_payable);
  g_free (state->paid_on);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ImportedState, imported_state_clear)

/* SQL: the payment of imported sale ?1 that counts (the latest not cancelled). */
#define LIVE_IMPORTED_PAYMENT(col, invoice) \
  "(SELECT " col " FROM imported_payments p WHERE p.invoice_id = " invoice " AND NOT EXISTS " \
  "(SELECT 1 FROM imported_payment_reversals r WHERE r.imported_payment_id = p.id) ORDER BY p.id DESC LIMIT 1)"

static gboolean
load_state (FacturesStore *self, gint64 id, ImportedState *out, GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self,
    "SELECT number, direction = 'sale', currency, due_payable, "
    LIVE_IMPORTED_PAYMENT ("p.id", "?1") ", " LIVE_IMPORTED_PAYMENT ("p.date", "?1") " "
    "FROM imported_invoices WHERE id = ?1",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND, _("No imported invoice with id %" PRId64 "."), id);
      return FALSE;
    }
  out->number = factures_sql_col_dup (stmt, 0);
  out->sale = sqlite3_column_int (stmt, 1) != 0;
  out->currency = factures_sql_col_dup (stmt, 2);
  out->due_payable = factures_sql_col_dup (stmt, 3);
  out->payment_id = sqlite3_column_int64 (stmt, 4);
  out->paid_on = factures_sql_col_dup (stmt, 5);
  out->paid = out->payment_id != 0;
  return TRUE;
}

/**
 * factures_store_record_imported_payment:
 * (see factures-store-receipts.h)
 */
gboolean
factures_store_record_imported_payment (FacturesStore          *self,
                                        gint64                  id,
                                        const GDate            *date,
                                        FacturesPaymentMethod   method,
                                        gint64                  amount,
                                        const char             *reference,
                                        GError                **error)
{
  g_auto(ImportedState) state = { 0 };
  g_autofree char *clean_reference = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GDate today;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  if (!load_state (self, id, &state, error))
    return FALSE;
  if (!state.sale)
    return invalid (error, _("Invoice %s is a received invoice (a purchase): it is never revenue, "
                             "its payment is not recorded here."), state.number);
  if (state.paid)
    {
      GDate paid;
      g_autofree char *paid_text = NULL;

      factures_date_parse_iso (state.paid_on, &paid, NULL);
      paid_text = factures_date_format_fr (&paid);
      return invalid (error, _("Invoice %s: a payment was already recorded on %s. Cancel it first to record "
                               "another one."), state.number, paid_text);
    }
  if (date == NULL || !g_date_valid (date))
    return invalid (error, _("Payment date: the date is missing or invalid."));
  factures_today (&today);
  if (g_date_compare (date, &today) > 0)
    {
      g_autofree char *text = factures_date_format_fr (date);

      return invalid (error, _("Payment date: %s is later than today; a receipt is recorded once the money "
                               "has come in."), text);
    }
  if ((gint) method < 0 || method >= FACTURES_N_PAYMENT_METHODS)
    return invalid (error, _("Payment method: unknown method."));
  if (amount < 0)
    return invalid (error, _("Amount: a payment must be greater than zero."));
  if (amount == 0)
    {
      gint64 due = 0;

      if (g_strcmp0 (state.currency, "EUR") != 0)
        return invalid (error, _("Amount: invoice %s is in %s; give the amount received in euros."),
                        state.number, state.currency != NULL ? state.currency : "?");
      if (state.due_payable == NULL || !factures_decimal_parse (state.due_payable, 2, &due, NULL) || due <= 0)
        return invalid (error, _("Amount: invoice %s gives no amount due; give the amount received."), state.number);
      amount = due;
    }
  else if (g_strcmp0 (state.currency, "EUR") == 0)
    {
      gint64 due = 0;

      /* More than the invoice asks for is not a payment of it (an overpayment of the app's own
       * invoices becomes client credit; an imported invoice has no such account). */
      if (state.due_payable != NULL && factures_decimal_parse (state.due_payable, 2, &due, NULL) && due > 0
          && amount > due)
        {
          g_autofree char *a = factures_money_format (amount);
          g_autofree char *d = factures_money_format (due);

          return invalid (error, _("Amount: %s is more than the %s invoice %s asks for."), a, d, state.number);
        }
    }
  clean_reference = factures_text_clean (reference, _("Reference"), FACTURES_MAX_SHORT, FALSE, error);
  if (clean_reference == NULL)
    return FALSE;
  if (method == FACTURES_PAYMENT_METHOD_CHEQUE && *clean_reference == '\0')
    return invalid (error, _("Cheque number: the number of the cheque is required."));

  /* A new row, never an update (the payments of imported sales are append-only, 0008). */
  stmt = factures_store_prepare (self,
    "INSERT INTO imported_payments (invoice_id, date, method, amount, reference) VALUES (?1, ?2, ?3, ?4, ?5)",
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
 * factures_store_cancel_imported_payment:
 * (see factures-store-receipts.h)
 */
gboolean
factures_store_cancel_imported_payment (FacturesStore  *self,
                                        gint64          id,
                                        const GDate    *date,
                                        const char     *reason,
                                        GError        **error)
{
  g_auto(ImportedState) state = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean_reason = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  if (!load_state (self, id, &state, error))
    return FALSE;
  if (!state.paid)
    return invalid (error, _("Invoice %s: no payment is recorded."), state.number);
  clean_reason = factures_store_clean_reason (reason, error);
  if (clean_reason == NULL)
    return FALSE;
  if (!factures_store_check_reversal_date (date, state.paid_on, error) ||
      !factures_store_check_reversal_not_declared (self, date, error))
    return FALSE;
  stmt = factures_store_prepare (self,
    "INSERT INTO imported_payment_reversals (imported_payment_id, date, reason) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, state.payment_id);
  factures_sql_bind_date (stmt, 2, date);
  factures_sql_bind_text (stmt, 3, clean_reason);
  if (!factures_store_step_done (self, stmt, error))
    return FALSE;
  factures_store_emit_changed (self);
  return TRUE;
}

/* ---- the imported sales of a client ---- */

/**
 * factures_imported_sale_free:
 * @sale: (nullable): a row of factures_store_list_client_imported_sales()
 */
void
factures_imported_sale_free (FacturesImportedSale *sale)
{
  if (sale == NULL)
    return;
  g_free (sale->number);
  g_free (sale->grand_total);
  g_free (sale->currency);
  g_free (sale->figure_problems);
  g_free (sale);
}

#define SALE_COLUMNS "id, number, issue_date, grand_total, currency, coalesce (grand_total_cents, -1), figures_ok, " \
                     "figure_problems, " LIVE_IMPORTED_PAYMENT ("p.date", "imported_invoices.id") ", " \
                     "coalesce (" LIVE_IMPORTED_PAYMENT ("p.method", "imported_invoices.id") ", 5), " \
                     "coalesce (" LIVE_IMPORTED_PAYMENT ("p.amount", "imported_invoices.id") ", 0), due_payable, " \
                     "(SELECT count (*) FROM imported_payment_reversals r JOIN imported_payments p " \
                     " ON p.id = r.imported_payment_id WHERE p.invoice_id = imported_invoices.id) "

static FacturesImportedSale *
read_sale (sqlite3_stmt *stmt)
{
  FacturesImportedSale *sale = g_new0 (FacturesImportedSale, 1);
  const char *due = (const char *) sqlite3_column_text (stmt, 11);

  sale->id = sqlite3_column_int64 (stmt, 0);
  sale->number = factures_sql_col_dup (stmt, 1);
  factures_sql_col_date (stmt, 2, &sale->issue_date);
  sale->grand_total = factures_sql_col_dup (stmt, 3);
  sale->currency = factures_sql_col_dup (stmt, 4);
  sale->grand_total_cents = sqlite3_column_int64 (stmt, 5);
  sale->figures_ok = sqlite3_column_int (stmt, 6) != 0;
  sale->figure_problems = factures_sql_col_dup (stmt, 7);
  factures_sql_col_date (stmt, 8, &sale->paid_on);
  sale->paid = g_date_valid (&sale->paid_on);
  sale->paid_method = method_of (sqlite3_column_int (stmt, 9));
  sale->paid_amount = sqlite3_column_int64 (stmt, 10);
  sale->n_cancelled = (guint) sqlite3_column_int (stmt, 12);
  if (g_strcmp0 (sale->currency, "EUR") != 0 || due == NULL
      || !factures_decimal_parse (due, 2, &sale->due_payable_cents, NULL))
    sale->due_payable_cents = -1;
  return sale;
}

/**
 * factures_store_list_client_imported_sales:
 * (see factures-store-receipts.h)
 */
GPtrArray *
factures_store_list_client_imported_sales (FacturesStore  *self,
                                           gint64          client_id,
                                           GError        **error)
{
  g_autoptr(GPtrArray) sales = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_imported_sale_free);
  g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self,
    "SELECT " SALE_COLUMNS "FROM imported_invoices WHERE direction = 'sale' AND client_id = ?1 "
    "ORDER BY issue_date DESC, id DESC", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, client_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (sales, read_sale (stmt));
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&sales);
}

/**
 * factures_store_get_imported_sale:
 * (see factures-store-receipts.h)
 */
FacturesImportedSale *
factures_store_get_imported_sale (FacturesStore  *self,
                                  gint64          id,
                                  GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self,
    "SELECT " SALE_COLUMNS "FROM imported_invoices WHERE direction = 'sale' AND id = ?1", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND, _("No imported sale with id %" PRId64 "."), id);
      return NULL;
    }
  return read_sale (stmt);
}
