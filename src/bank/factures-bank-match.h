/* factures-bank-match.h — which invoices a bank movement pays, and why (issue 16 item 3)
 *
 * For each credit not yet decided, candidate invoices ranked by: the invoice number in the
 * label or reference, the client's name in the label, reference or counterparty, the exact
 * amount due (or the next instalment, or the sum of several open invoices of one client), the
 * booking date on or after the issue; a smaller credit is a partial payment, a larger one pays
 * the balance and keeps the excess as the client's credit (as payments do), a credit a few euros
 * below a balance is proposed as the full payment with the bank's fee noted. A debit equal to a
 * credit note's amount to refund is proposed as its refund. Other debits are left alone.
 *
 * Each suggestion carries its reason in French words the user can check (« n° F2026-0003 dans
 * le libellé, montant exact »). « Sûr » (FACTURES_BANK_CONFIDENCE_SURE) is exactly: the exact
 * balance of one open invoice of the client, with that invoice's number in the label or
 * reference, dated on or after its issue — what `factures --confirm-matches=sure` confirms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-store-bank.h"

G_BEGIN_DECLS

typedef enum {
  FACTURES_BANK_CONFIDENCE_NONE = 0,   /* nothing proposed */
  FACTURES_BANK_CONFIDENCE_POSSIBLE,   /* the amount alone, or a name with another amount */
  FACTURES_BANK_CONFIDENCE_LIKELY,     /* a number or name and a fitting amount */
  FACTURES_BANK_CONFIDENCE_SURE,       /* see above */
} FacturesBankConfidence;

typedef struct {
  gint64                  transaction_id;
  FacturesBankConfidence  confidence;
  gint                    score;        /* ranking, higher first */
  gboolean                refund;       /* a debit refunding the credit note in @allocations */
  gint64                  client_id;
  char                   *client_name;
  GArray                 *allocations;  /* FacturesAllocation: document and cents, in date order */
  char                   *numbers;      /* "F2026-0001, F2026-0002" */
  gint64                  amount;       /* what the payment records: the movement + @fee */
  gint64                  fee;          /* bank fee withheld, cents ≥ 0 */
  gint64                  excess;       /* kept as the client's credit, cents ≥ 0 */
  char                   *reason;       /* French (translated), never NULL */
  /* Issue 13 item 4: an invoice in another currency. @amount and @allocations are in
   * @currency (the invoice's balance) and @eur_amount is the movement, the euros the bank
   * credited (the payment's EUR amount); 0 and NULL for an invoice in euros. */
  gint64                  eur_amount;
  char                   *currency;
} FacturesBankSuggestion;

void                    factures_bank_suggestion_free (FacturesBankSuggestion *suggestion);

/**
 * factures_bank_match_entry:
 * @entry: a movement (credit or debit)
 * @documents: (element-type FacturesBankOpenDocument): factures_store_bank_open_documents()
 *
 * Returns: (transfer full) (element-type FacturesBankSuggestion): the suggestions for @entry,
 *   best first (at most 5); empty when nothing fits (and for debits other than refunds).
 */
GPtrArray              *factures_bank_match_entry     (const FacturesBankEntry *entry,
                                                       GPtrArray               *documents);

/* A movement and its best suggestion (NULL when none). */
typedef struct {
  FacturesBankEntry      *entry;
  FacturesBankSuggestion *best;
} FacturesBankMatch;

void                    factures_bank_match_free      (FacturesBankMatch *match);

/**
 * factures_bank_match_pending:
 * @error: FACTURES_ERROR_DATABASE
 *
 * Every undecided credit (with its best suggestion or none) and every undecided debit that
 * refunds a credit note, oldest first.
 *
 * Returns: (transfer full) (element-type FacturesBankMatch): NULL on error.
 */
GPtrArray              *factures_bank_match_pending   (FacturesStore  *store,
                                                       GError        **error);

/* The payment method of a movement's kind (FacturesBankKind): virement, prélèvement, carte,
 * chèque (remise de chèques), espèces; "autre" for the rest. */
FacturesPaymentMethod   factures_bank_method_for_kind (gint kind);

/* "Sûr", "Probable", "Possible" (translated). */
const char             *factures_bank_confidence_label (FacturesBankConfidence confidence);

/**
 * factures_bank_confirm:
 * @entry: the movement
 * @suggestion: one of its suggestions
 * @out_warnings: (out) (optional) (transfer full) (element-type utf8): the payment's warnings
 *
 * Records @suggestion through the store (factures_store_bank_confirm_payment() or
 * factures_store_bank_confirm_refund()): cash-in date = booking date, method from the kind,
 * the bank's label as reference, the fee noted. FACTURES_ERROR_INVALID in French.
 */
gboolean                factures_bank_confirm         (FacturesStore                 *store,
                                                       const FacturesBankEntry       *entry,
                                                       const FacturesBankSuggestion  *suggestion,
                                                       GPtrArray                    **out_warnings,
                                                       GError                       **error);

/* Issue 13 item 4: @suggestion pays one invoice in another currency; records @amount (cents of
 * that currency, > 0) on it with the movement as the EUR amount. See the .c. */
gboolean                factures_bank_confirm_in_currency (FacturesStore                 *store,
                                                           const FacturesBankEntry       *entry,
                                                           const FacturesBankSuggestion  *suggestion,
                                                           gint64                         amount,
                                                           GPtrArray                    **out_warnings,
                                                           GError                       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesBankSuggestion, factures_bank_suggestion_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesBankMatch, factures_bank_match_free)

G_END_DECLS
