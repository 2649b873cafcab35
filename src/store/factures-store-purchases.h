/* factures-store-purchases.h — the registre des achats (issue 17 item 5, migration
 * 0019-purchases.sql; LEGAL-2.md §4, LEGAL.md §6)
 *
 * Required when the main activity is the sale of goods, food or lodging: the purchases of the
 * year in chronological order with date, supplier, reference, nature, amount and payment
 * method, cash told apart, and the year's total. Its entries are
 *  - the supplier invoices imported into Achats (imported_invoices.direction = 'purchase'),
 *    on their issue date, with the method of their payment once it is recorded (a row of
 *    purchase_payments); a payment recorded by mistake is cancelled (a reversal row), never
 *    erased, and the purchase is unpaid again;
 *  - the purchases typed by hand (purchase_entries), paid when typed: a mistake is cancelled
 *    the same way, and its cancellation is a negative line on the day it was cancelled.
 * Every door (window, command line) goes through the functions below and their checks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "factures-money.h"
#include "factures-store.h"
#include "factures-store-payments.h"

G_BEGIN_DECLS

/* The largest amount of a purchase or of its payment: 1 000 000 000,00 € (cents). No invoice
 * total has a fixed maximum (only its quantities: FACTURES_QUANTITY_MAX, 10^9 units); a
 * micro-entrepreneur's purchases are far below this, and an amount beyond is a typing mistake
 * that would overflow the register's columns (trial finding T14). */
#define FACTURES_PURCHASE_AMOUNT_MAX FACTURES_AMOUNT_MAX   /* the core's bound (fifth trial, finding 11) */

typedef enum {
  FACTURES_PURCHASE_IMPORTED,   /* a supplier invoice imported into Achats */
  FACTURES_PURCHASE_TYPED,      /* typed by hand (purchase_entries) */
  FACTURES_PURCHASE_CANCELLED,  /* the cancellation of a typed purchase: @amount < 0 */
} FacturesPurchaseSource;

/**
 * FacturesPurchaseEntry:
 * @id: imported_invoices.id (imported) or purchase_entries.id (typed, cancelled)
 * @date: the invoice's issue date; the day typed; the day cancelled
 * @supplier: the seller's name as the file wrote it, or as typed
 * @reference: the invoice number
 * @nature: what was bought (French; "Facture d’achat importée" for an imported invoice)
 * @amount: cents in EUR (BT-112 of a file in EUR), -1 for a file in another currency
 *   (@foreign); negative for a cancellation and for a supplier's credit note
 * @amount_text: BT-112 as written (imported only)
 * @currency: as written (NULL when missing)
 * @source: where the entry comes from
 * @paid: TRUE when a payment counts (not cancelled)
 * @paid_on: the day it was paid, invalid while unpaid
 * @method: how it was paid (meaningful when @paid)
 * @paid_amount: cents paid, 0 while unpaid
 * @reason: why it was cancelled (FACTURES_PURCHASE_CANCELLED, or a typed purchase cancelled)
 * @cancelled: a typed purchase whose payment was cancelled (its cancellation is another entry)
 * @foreign: an imported file in another currency than the euro (@amount is -1, see @amount_text)
 * @credit_note: an imported supplier's credit note (UNTDID 1001 381, 261…, factures_imported_
 *   type_is_credit_note()): @amount is negative, @nature "Avoir d’achat importé" (fifth trial,
 *   finding 7: it reduces the purchases)
 *
 * One line of the registre des achats.
 */
typedef struct {
  gint64                  id;
  GDate                   date;
  char                   *supplier;
  char                   *reference;
  char                   *nature;
  gint64                  amount;
  char                   *amount_text;
  char                   *currency;
  FacturesPurchaseSource  source;
  gboolean                paid;
  GDate                   paid_on;
  FacturesPaymentMethod   method;
  gint64                  paid_amount;
  char                   *reason;
  gboolean                cancelled;
  gboolean                foreign;
  gboolean                credit_note;
} FacturesPurchaseEntry;

void factures_purchase_entry_free (FacturesPurchaseEntry *entry);

/**
 * factures_store_list_purchase_register:
 * @self: the store
 * @year: the year
 * @n_undated: (out) (optional): how many imported purchases have no issue date (left out: a
 *   register is chronological)
 * @error: FACTURES_ERROR_DATABASE
 *
 * The registre des achats of @year, in chronological order (date, then imported before typed,
 * then the order they were recorded in).
 *
 * Returns: (transfer full) (element-type FacturesPurchaseEntry): the entries, NULL on error
 */
GPtrArray *factures_store_list_purchase_register (FacturesStore  *self,
                                                  guint           year,
                                                  guint          *n_undated,
                                                  GError        **error);

/**
 * FacturesPurchaseTotals:
 * @total: cents, every entry in EUR (cancellations included, negative)
 * @cash: the part paid in cash (espèces)
 * @n_foreign: entries not in EUR, left out of @total
 *
 * The year's totals of the registre des achats.
 */
typedef struct {
  gint64 total;
  gint64 cash;
  guint  n_foreign;
} FacturesPurchaseTotals;

/* The totals of @entries (element-type FacturesPurchaseEntry). */
void factures_purchase_register_totals (GPtrArray              *entries,
                                        FacturesPurchaseTotals *out);

/**
 * factures_store_add_purchase:
 * @self: the store
 * @date: the day of the purchase: valid, not after today (factures_today())
 * @supplier: who sold it (required, at most 200 characters)
 * @reference: (nullable): the supplier's invoice or receipt number (at most 100 characters)
 * @nature: (nullable): what was bought (at most 200 characters; NULL or empty: "Achat")
 * @amount: cents paid in EUR, > 0 and at most FACTURES_PURCHASE_AMOUNT_MAX
 * @method: how it was paid
 * @error: FACTURES_ERROR_INVALID in French naming the field (« Fournisseur », « Montant »,
 *   « Date », « Mode de règlement »…); nothing stored
 *
 * Types a purchase into the registre des achats (LEGAL-2.md §4), paid on @date by @method.
 *
 * Returns: the new purchase_entries.id, 0 on error
 */
gint64   factures_store_add_purchase (FacturesStore          *self,
                                      const GDate            *date,
                                      const char             *supplier,
                                      const char             *reference,
                                      const char             *nature,
                                      gint64                  amount,
                                      FacturesPaymentMethod   method,
                                      GError                **error);

/**
 * factures_store_cancel_purchase:
 * @self: the store
 * @id: a typed purchase (purchase_entries.id)
 * @date: the day of the cancellation: valid, not before the purchase, not after today
 * @reason: why (required, at most 100 characters)
 * @error: FACTURES_ERROR_INVALID in French naming the field (already cancelled, reason,
 *   date); FACTURES_ERROR_NOT_FOUND
 *
 * Cancels a purchase typed by mistake: it stays on its date, and a negative line on @date
 * cancels it (never erased). Nothing changes on error.
 */
gboolean factures_store_cancel_purchase (FacturesStore  *self,
                                         gint64          id,
                                         const GDate    *date,
                                         const char     *reason,
                                         GError        **error);

/**
 * factures_store_record_purchase_payment:
 * @self: the store
 * @id: an imported invoice of direction 'purchase'
 * @date: the day it was paid: valid, not after today
 * @method: how it was paid
 * @amount: cents paid in EUR, > 0; 0 means "BT-115 (amount due) of the file", only when the
 *   file is in EUR
 * @reference: (nullable): cheque number, transfer reference (at most 100 characters)
 * @error: FACTURES_ERROR_INVALID in French naming the field (date missing or after today;
 *   amount ≤ 0 or more than BT-115 of a file in EUR; no amount for a file not in EUR; a sale,
 *   whose payment is a receipt; a payment already recorded, which is cancelled first);
 *   FACTURES_ERROR_NOT_FOUND
 *
 * Records the payment of a supplier invoice imported into Achats. Nothing stored on error.
 */
gboolean factures_store_record_purchase_payment (FacturesStore          *self,
                                                 gint64                  id,
                                                 const GDate            *date,
                                                 FacturesPaymentMethod   method,
                                                 gint64                  amount,
                                                 const char             *reference,
                                                 GError                **error);

/**
 * factures_store_cancel_purchase_payment:
 * @self: the store
 * @id: an imported purchase whose payment was recorded
 * @date: the day of the cancellation: valid, not before the payment, not after today
 * @reason: why (required, at most 100 characters)
 * @error: FACTURES_ERROR_INVALID in French naming the field (no payment recorded, reason,
 *   date); FACTURES_ERROR_NOT_FOUND
 *
 * Cancels the payment of an imported purchase (a reversal row; the payment is never erased):
 * the purchase is unpaid again and another payment can be recorded.
 */
gboolean factures_store_cancel_purchase_payment (FacturesStore  *self,
                                                 gint64          id,
                                                 const GDate    *date,
                                                 const char     *reason,
                                                 GError        **error);

/**
 * FacturesPurchasePayment:
 * @date: the day paid, or the day cancelled (@reversal)
 * @supplier: the supplier
 * @reference: the supplier's invoice number; "ACH-<id>" for a purchase typed without one (the
 *   FEC's PieceRef is required)
 * @method: how it was paid
 * @amount: cents; negative for a cancellation and for the refund of a supplier's credit note
 * @reversal: TRUE for the cancellation of a payment
 * @credit_note: TRUE when the movement is the refund of a supplier's credit note (or its
 *   cancellation): the FEC's EcritureLib says « Avoir », not « Achat » (sixth trial, finding 13)
 *
 * A movement of money for a purchase (the FEC's AC and BQ entries, factures_fec_write_all()).
 */
typedef struct {
  GDate                  date;
  char                  *supplier;
  char                  *reference;
  FacturesPaymentMethod  method;
  gint64                 amount;
  gboolean               reversal;
  gboolean               credit_note;
} FacturesPurchasePayment;

void factures_purchase_payment_free (FacturesPurchasePayment *payment);

/**
 * factures_store_list_purchase_payments:
 * @self: the store
 * @from: first day (included)
 * @to: last day (included)
 * @error: FACTURES_ERROR_DATABASE
 *
 * Every purchase payment made from @from to @to and every cancellation of one in that time,
 * in date order (then the order recorded).
 *
 * Returns: (transfer full) (element-type FacturesPurchasePayment): NULL on error
 */
GPtrArray *factures_store_list_purchase_payments (FacturesStore  *self,
                                                  const GDate    *from,
                                                  const GDate    *to,
                                                  GError        **error);

/**
 * factures_purchases_write_csv:
 * @entries: (element-type FacturesPurchaseEntry): the register
 * @stream: where to write (UTF-8 with a byte order mark, CRLF, RFC 4180 quoting by libcsv)
 * @error: the stream's error
 *
 * The register as CSV, as factures_receipts_write_csv(): a French header (Date; Fournisseur;
 * Référence; Nature; Montant; Mode de règlement; Espèces; Payé le), dates "30/11/2026",
 * amounts "1234,56", ";" between fields.
 */
gboolean factures_purchases_write_csv (GPtrArray      *entries,
                                       GOutputStream  *stream,
                                       GError        **error);

/* "virement", "espèces"…: the method of @entry in French, "" while unpaid; "annulation" for a
 * cancellation. */
const char *factures_purchase_entry_method_fr (const FacturesPurchaseEntry *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesPurchaseEntry, factures_purchase_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesPurchasePayment, factures_purchase_payment_free)

G_END_DECLS
