/* factures-store-receipts.h — the livre des recettes (receipts register, LEGAL.md §6)
 *
 * Every micro-entrepreneur keeps a receipts register: chronological by cash-in date, with the
 * date, the invoice reference, the client, the nature of the sale, the amount and the payment
 * method (cash told apart), with totals per period and per year. URSSAF is declared on the
 * cash received per month or per quarter (LEGAL.md §6), which are the totals given here.
 *
 * The register is computed, never typed: its entries are
 *  - every row of the payments table (the full amount received, client credit included; the
 *    numbers of the invoices it pays as reference). Applying a client's credit to another
 *    invoice is not a new receipt and is not listed;
 *  - every imported sale (imported_invoices.direction = 'sale', the user is the seller) once
 *    its payment is recorded (date, method, amount in EUR cents: a row of imported_payments,
 *    migration 0008-integrity.sql);
 *  - every cancellation of one of those payments, as a negative line on the day it was
 *    cancelled (a payment is never erased: 0008-integrity.sql). The line of the payment itself
 *    stays on its own date;
 *  - every refund of a credit note (an outgoing payment, 0014-bank.sql) as a negative line on
 *    the day the money left, and its cancellation as a positive line.
 * Never purchases, unpaid sales, quotes or drafts.
 *
 * Nature (always French, as the register is a French legal record): from the seller's activity
 * frozen in the first invoice paid — "Prestation de services" or "Vente de marchandises"; when the
 * profile does both, the first line's description of that invoice. An imported sale takes the
 * current profile's activity ("Ventes et prestations de services" when it does both: the store
 * keeps the file's figures, not its lines).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-store.h"
#include "factures-store-payments.h"

G_BEGIN_DECLS

typedef enum {
  FACTURES_RECEIPT_PAYMENT,    /* a row of the payments table */
  FACTURES_RECEIPT_IMPORTED,   /* a paid imported sale */
  FACTURES_RECEIPT_REFUND,     /* money paid back for a credit note (credit_note_refunds,
                                  migration 0014): @amount < 0 on the day it left; its
                                  cancellation (@reversal) is > 0 on the day it was cancelled */
} FacturesReceiptSource;

/* One entry of the register. */
typedef struct {
  FacturesReceiptSource  source;
  gint64                 id;          /* payments.id, imported_invoices.id or credit_note_refunds.id */
  GDate                  date;        /* cash-in date */
  char                  *invoices;    /* "F2026-0001, F2026-0002": what it pays */
  gint64                 client_id;   /* 0 when unknown */
  char                  *client;      /* the client's name as on the invoice */
  char                  *nature;      /* French, see above */
  gint64                 amount;      /* cents received, > 0; < 0 for a reversal */
  FacturesPaymentMethod  method;
  char                  *reference;   /* cheque number, transfer reference; NULL when none */
  gboolean               reversal;    /* the cancellation of a payment: @amount < 0, on the day it
                                         was cancelled (migration 0008) */
  char                  *reason;      /* why it was cancelled (reversal only) */
  gint64                 payment_id;  /* imported sales: imported_payments.id; 0 otherwise */
} FacturesReceipt;

void factures_receipt_free (FacturesReceipt *receipt);

/**
 * factures_store_list_receipts:
 * @self: the store
 * @from: first day (included); must be valid
 * @to: last day (included); must be valid and not before @from
 * @error: FACTURES_ERROR_INVALID when the dates are not a period; FACTURES_ERROR_DATABASE
 *
 * The entries of the livre des recettes cashed in from @from to @to, in cash-in order (date,
 * then payments before imported sales, then the order they were recorded in).
 *
 * Returns: (transfer full) (element-type FacturesReceipt): the entries, NULL on error
 */
GPtrArray *factures_store_list_receipts (FacturesStore  *self,
                                         const GDate    *from,
                                         const GDate    *to,
                                         GError        **error);

typedef enum {
  FACTURES_RECEIPT_PERIOD_MONTH,
  FACTURES_RECEIPT_PERIOD_QUARTER,
  FACTURES_RECEIPT_PERIOD_YEAR,
} FacturesReceiptPeriod;

/* The total of one month, quarter or year: the cash received to declare to URSSAF. */
typedef struct {
  guint   year;
  guint   index;      /* month 1–12, quarter 1–4, 0 for a year */
  gint64  total;      /* cents, every method */
  gint64  cash;       /* cents received in cash (espèces), part of total */
  guint   n_entries;
} FacturesReceiptTotal;

/**
 * factures_receipts_totals:
 * @receipts: (element-type FacturesReceipt): entries of factures_store_list_receipts()
 * @from: first day of the period the entries were listed for
 * @to: last day of that period
 * @period: months, quarters or years
 *
 * One total for every month (quarter, year) that meets [@from, @to], in order, zero when nothing
 * came in (URSSAF asks for a declaration even at 0, LEGAL.md §6).
 *
 * Returns: (transfer full) (element-type FacturesReceiptTotal): the totals
 */
GArray    *factures_receipts_totals     (GPtrArray              *receipts,
                                         const GDate            *from,
                                         const GDate            *to,
                                         FacturesReceiptPeriod   period);

/* "janvier 2026", "1er trimestre 2026", "2026" (always French, as the register). */
char      *factures_receipt_total_label (const FacturesReceiptTotal *total,
                                         FacturesReceiptPeriod       period);

/**
 * factures_receipts_write_csv:
 * @receipts: (element-type FacturesReceipt): the entries
 * @stream: where to write (UTF-8, CRLF line ends, RFC 4180 quoting by libcsv)
 * @error: the stream's error (G_IO_ERROR)
 *
 * The register as CSV for a spreadsheet: a header row in French (Date d'encaissement;
 * Référence; Client; Nature; Montant; Mode de règlement; Espèces; Référence du paiement),
 * dates "30/11/2026", amounts with a decimal comma and no thousands separator ("1234,56"),
 * fields separated by ";" (the decimal comma takes ","), then one row per entry.
 */
gboolean   factures_receipts_write_csv  (GPtrArray              *receipts,
                                         GOutputStream          *stream,
                                         GError                **error);

/**
 * factures_store_record_imported_payment:
 * @self: the store
 * @id: an imported invoice of direction 'sale'
 * @date: the cash-in date: valid, not after today (factures_today())
 * @method: how it was paid
 * @amount: cents received in EUR, > 0; 0 means "BT-115 (amount due) of the file", only when the
 *   file is in EUR
 * @reference: (nullable): cheque number, transfer reference (trimmed; at most 100 characters)
 * @error: FACTURES_ERROR_INVALID in French naming the field (date missing or after today;
 *   amount ≤ 0; more than BT-115 of a file in EUR; no amount for a file not in EUR; a cheque without its number, as for the
 *   payments table; a purchase, which is never revenue; a payment already recorded, which is
 *   cancelled first); FACTURES_ERROR_NOT_FOUND
 *
 * Records that an imported sale was paid: it enters the livre des recettes on @date. Nothing is
 * stored when it fails.
 *
 * Returns: TRUE on success
 */
gboolean   factures_store_record_imported_payment (FacturesStore          *self,
                                                   gint64                  id,
                                                   const GDate            *date,
                                                   FacturesPaymentMethod   method,
                                                   gint64                  amount,
                                                   const char             *reference,
                                                   GError                **error);

/**
 * factures_store_cancel_imported_payment:
 * @self: the store
 * @id: an imported sale whose payment was recorded
 * @date: the day of the cancellation: valid, not before the payment, not after today
 * @reason: why (required, at most 100 characters)
 * @error: FACTURES_ERROR_INVALID in French naming the field (no payment recorded, reason,
 *   date); FACTURES_ERROR_NOT_FOUND
 *
 * Cancels the payment of an imported sale (as factures_store_cancel_payment() does for a payment
 * of the app's invoices): the payment stays in the livre des recettes on its date, its
 * cancellation is a negative line on @date, and the sale is unpaid again. A recorded payment is
 * never edited nor erased (append-only, migration 0008): cancel it, then record the right one.
 *
 * Returns: TRUE on success
 */
gboolean   factures_store_cancel_imported_payment (FacturesStore          *self,
                                                   gint64                  id,
                                                   const GDate            *date,
                                                   const char             *reason,
                                                   GError                **error);

/* One imported sale of a client, for the client's history. */
typedef struct {
  gint64                 id;
  char                  *number;
  GDate                  issue_date;     /* invalid when the file had none */
  char                  *grand_total;    /* BT-112 as written */
  char                  *currency;       /* as written, NULL when missing */
  gint64                 grand_total_cents; /* BT-112 in cents when EUR, else -1 */
  gint64                 due_payable_cents; /* BT-115 in cents when EUR, else -1 */
  gboolean               figures_ok;
  char                  *figure_problems;
  gboolean               paid;
  GDate                  paid_on;        /* invalid while unpaid */
  FacturesPaymentMethod  paid_method;
  gint64                 paid_amount;    /* cents, 0 while unpaid */
  guint                  n_cancelled;    /* payments recorded then cancelled (0008) */
} FacturesImportedSale;

void       factures_imported_sale_free (FacturesImportedSale *sale);

/* (transfer full) (element-type FacturesImportedSale): the imported sales of @client_id, newest
 * issue date first; NULL on error. */
GPtrArray *factures_store_list_client_imported_sales (FacturesStore  *self,
                                                      gint64          client_id,
                                                      GError        **error);

/* One imported sale by id; NULL with FACTURES_ERROR_NOT_FOUND (also for a purchase). */
FacturesImportedSale *factures_store_get_imported_sale (FacturesStore  *self,
                                                        gint64          id,
                                                        GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesReceipt, factures_receipt_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesImportedSale, factures_imported_sale_free)

G_END_DECLS
