/* factures-store-bank.h — bank accounts, imported movements, matches, credit-note refunds
 *
 * Tables of migration 0014-bank.sql (issue 16). The statement readers and the matcher live in
 * src/bank/ (DESIGN.md §2: bank uses store, never the other way), so this layer takes the
 * movements as plain rows (FacturesBankEntry) and knows nothing of the file formats.
 *
 * Every movement is kept once per account and stable id: importing a file again, or an
 * overlapping period exported again, adds nothing. Movements, decisions and refunds are
 * append-only and copied into the journal (0008-integrity.sql): a confirmed match is undone by
 * the reversing entry of its payment (or refund), never by erasing anything.
 *
 * Every write is one transaction, emits "changed" on success, and leaves the database
 * unchanged on error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-store.h"
#include "factures-store-payments.h"

G_BEGIN_DECLS

/* What the user decided for a movement (bank_matches.action). */
typedef enum {
  FACTURES_BANK_DECISION_NONE = 0,       /* not decided (or the decision was undone) */
  FACTURES_BANK_DECISION_PAYMENT = 1,    /* it paid invoices: a row of payments */
  FACTURES_BANK_DECISION_REFUND = 2,     /* it refunded a credit note: a row of credit_note_refunds */
  FACTURES_BANK_DECISION_DISMISSED = 3,  /* « pas une facture »: no longer proposed */
} FacturesBankDecision;

/* One movement of a bank account. The kinds are those of FacturesBankKind
 * (src/bank/factures-bank-statement.h): 0 other, 1 transfer, 2 direct debit, 3 card, 4 cheque,
 * 5 cash, 6 fee. */
typedef struct {
  gint64                id;            /* bank_transactions.id; 0 on input */
  gint64                account_id;    /* out */
  char                 *account;       /* out: IBAN or the bank's account id */
  char                 *stable_id;     /* the bank's id, or the reader's hash (never NULL) */
  GDate                 booking_date;  /* always valid */
  GDate                 value_date;    /* cleared when unknown */
  gint64                amount;        /* cents, credit > 0, debit < 0, never 0 */
  char                 *label;         /* never NULL */
  char                 *counterparty;  /* nullable */
  char                 *reference;     /* nullable */
  gint                  kind;          /* 0…6, see above */
  FacturesBankDecision  decision;      /* out */
  gint64                payment_id;    /* out: FACTURES_BANK_DECISION_PAYMENT */
  gint64                refund_id;     /* out: FACTURES_BANK_DECISION_REFUND */
  gint64                fee;           /* out: bank fee withheld (cents ≥ 0) noted when confirmed */
} FacturesBankEntry;

FacturesBankEntry *factures_bank_entry_new  (void);
void               factures_bank_entry_free (FacturesBankEntry *entry);

/* The movements of one account of a statement, for factures_store_bank_import(). */
typedef struct {
  char      *account;                  /* never NULL nor empty */
  char       currency[4];              /* only "EUR" is imported */
  GPtrArray *entries;                  /* FacturesBankEntry*, in file order */
} FacturesBankImportAccount;

FacturesBankImportAccount *factures_bank_import_account_new  (const char *account,
                                                              const char *currency);
void                       factures_bank_import_account_free (FacturesBankImportAccount *account);

/* Told how many movements of the import were written (between 0 and @total). */
typedef void (*FacturesStoreBankProgress) (guint done, guint total, gpointer user_data);

/**
 * factures_store_bank_import:
 * @accounts: (element-type FacturesBankImportAccount): what a statement file holds
 * @cancellable: (nullable): checked between movements; cancelling rolls everything back
 * @progress: (nullable): told the movements written so far
 * @out_added: (out) (optional): movements added
 * @out_skipped: (out) (optional): movements already there (same account and stable id)
 * @error: FACTURES_ERROR_INVALID in French naming the account (an account that is not in EUR:
 *   « Compte FR76…: le relevé est en USD ; Factures n'importe que des comptes en euros. »; an
 *   empty account; a movement of 0 or without a date); G_IO_ERROR_CANCELLED; FACTURES_ERROR_DATABASE
 *
 * Stores the movements of every account in ONE transaction: a refusal or a cancel leaves the
 * database as it was. Accounts are created on first import.
 */
gboolean   factures_store_bank_import          (FacturesStore              *self,
                                                GPtrArray                  *accounts,
                                                GCancellable               *cancellable,
                                                FacturesStoreBankProgress   progress,
                                                gpointer                    progress_data,
                                                guint                      *out_added,
                                                guint                      *out_skipped,
                                                GError                    **error);

/* Filters of factures_store_bank_list(). */
typedef enum {
  FACTURES_BANK_LIST_ALL,              /* every movement */
  FACTURES_BANK_LIST_UNDECIDED,        /* decision NONE (credits and debits) */
  FACTURES_BANK_LIST_DECIDED,          /* decision PAYMENT, REFUND or DISMISSED */
} FacturesBankListFilter;

/* (transfer full) (element-type FacturesBankEntry): movements by booking date then id, latest
 * first when @latest_first. NULL on error. */
GPtrArray *factures_store_bank_list            (FacturesStore           *self,
                                                FacturesBankListFilter   filter,
                                                gboolean                 latest_first,
                                                GError                 **error);
/* (transfer full): one movement; FACTURES_ERROR_NOT_FOUND when there is none with @id. */
FacturesBankEntry *factures_store_bank_get     (FacturesStore           *self,
                                                gint64                   id,
                                                GError                 **error);

/* The CSV mapping remembered for @account (text of src/bank/factures-bank-import.c), or NULL
 * when none (no error). */
char      *factures_store_bank_get_csv_mapping (FacturesStore  *self,
                                                const char     *account,
                                                GError        **error);
/* Remembers @mapping for @account (created as an EUR account when new). */
gboolean   factures_store_bank_set_csv_mapping (FacturesStore  *self,
                                                const char     *account,
                                                const char     *mapping,
                                                GError        **error);

/**
 * factures_store_bank_confirm_payment:
 * @id: an undecided credit
 * @payment: built by the caller (src/bank/factures-bank-match.c): date = booking date, method
 *   from the movement's kind, allocations; its amount must be the credit's amount plus @fee
 * @fee: cents the bank withheld (≥ 0): the invoice is paid in full and the fee noted
 * @overpayment: what to do with an excess (as factures_store_record_payment())
 * @out_warnings: (out) (optional) (transfer full) (element-type utf8): the payment's warnings
 *
 * Records the payment through the store's payment checks (factures_store_record_payment()) and
 * the decision, in one transaction. Refused (FACTURES_ERROR_INVALID, French): a debit, a
 * movement already decided, an amount that is not the credit plus @fee, a fee < 0 or of more
 * than 5 % of the payment; the payment's own refusals.
 *
 * An invoice in another currency (issue 13 item 4): @payment's amount and allocations are in
 * that currency and its eur_amount is what the bank credited, which is then the one that must
 * be the credit plus @fee (euro cents; the fee is measured against it).
 */
gboolean   factures_store_bank_confirm_payment (FacturesStore        *self,
                                                gint64                id,
                                                FacturesPayment      *payment,
                                                gint64                fee,
                                                FacturesOverpayment   overpayment,
                                                GPtrArray           **out_warnings,
                                                GError              **error);
/**
 * factures_store_bank_confirm_refund:
 * @id: an undecided debit
 * @credit_note_id: an issued credit note with at least the debit's amount still to refund
 *   (factures_store_get_refundable())
 * @method: how the money left (from the movement's kind)
 *
 * Records the refund (an outgoing payment on the credit note, dated the booking date: a
 * negative line of the livre des recettes) and the decision in one transaction.
 */
gboolean   factures_store_bank_confirm_refund  (FacturesStore          *self,
                                                gint64                  id,
                                                gint64                  credit_note_id,
                                                FacturesPaymentMethod   method,
                                                GError                **error);
/* « Pas une facture »: the undecided movement @id is no longer proposed. */
gboolean   factures_store_bank_dismiss         (FacturesStore  *self,
                                                gint64          id,
                                                GError        **error);
/**
 * factures_store_bank_undo:
 * @id: a decided movement
 * @date: the day of the undo (valid, not after today, not before the payment)
 * @reason: (nullable): why; NULL = « Rapprochement bancaire annulé »
 *
 * Undoes the decision of @id: its payment (or refund) gets the reversing entry of migration
 * 0008 (the register keeps both lines), a dismissal is lifted; the movement is proposed again.
 */
gboolean   factures_store_bank_undo            (FacturesStore  *self,
                                                gint64          id,
                                                const GDate    *date,
                                                const char     *reason,
                                                GError        **error);

/* ---- open invoices and credit notes as the matcher sees them ---- */

typedef struct {
  gint64  document_id;
  gint    kind;              /* FacturesDocumentKind: invoice, deposit invoice, credit note */
  char   *number;
  gint64  client_id;
  char   *client_name;       /* as on the document */
  GDate   issue_date;
  GDate   due_date;
  gint64  balance;           /* invoices: cents still due > 0; credit notes: cents to refund > 0 */
  gint64  next_instalment;   /* the unpaid part of the earliest instalment not paid; 0 without a plan */
  char   *currency;          /* issue 13 item 4: ISO 4217 code of @balance; NULL: euros */
} FacturesBankOpenDocument;

void       factures_bank_open_document_free    (FacturesBankOpenDocument *document);

/* (transfer full) (element-type FacturesBankOpenDocument): issued invoices and deposit invoices
 * with a balance > 0, then issued credit notes with an amount to refund > 0. NULL on error. */
GPtrArray *factures_store_bank_open_documents  (FacturesStore  *self,
                                                GError        **error);

/**
 * factures_store_get_refundable:
 * @credit_note_id: an issued credit note
 *
 * What is still to be paid back to the client for a credit note: the part of its total that
 * its invoice's balance could not absorb (the invoice was already paid), or its whole total
 * when it corrects no invoice, minus the refunds not cancelled.
 *
 * Returns: cents ≥ 0, or −1 with @error set (FACTURES_ERROR_NOT_FOUND; FACTURES_ERROR_INVALID
 *   for a document that is not an issued credit note).
 */
gint64     factures_store_get_refundable       (FacturesStore  *self,
                                                gint64          credit_note_id,
                                                GError        **error);
/**
 * factures_store_record_refund:
 * @credit_note_id: an issued credit note
 * @date: the day the money left: valid, not after today
 * @amount: cents > 0, at most factures_store_get_refundable()
 * @method: how
 * @reference: (nullable): transfer reference
 * @out_id: (out) (optional): the refund's id
 *
 * Records an outgoing payment on a credit note (a negative line of the livre des recettes).
 */
gboolean   factures_store_record_refund        (FacturesStore          *self,
                                                gint64                  credit_note_id,
                                                const GDate            *date,
                                                gint64                  amount,
                                                FacturesPaymentMethod   method,
                                                const char             *reference,
                                                gint64                 *out_id,
                                                GError                **error);
/* Cancels a refund by its reversing entry (as factures_store_cancel_payment()). */
gboolean   factures_store_cancel_refund        (FacturesStore  *self,
                                                gint64          refund_id,
                                                const GDate    *date,
                                                const char     *reason,
                                                GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesBankEntry, factures_bank_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesBankImportAccount, factures_bank_import_account_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesBankOpenDocument, factures_bank_open_document_free)

G_END_DECLS
