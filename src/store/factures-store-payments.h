/* factures-store-payments.h — payments, instalments, dunning events, penalties (DESIGN.md §5)
 *
 * Tables of migration 0004-payments-dunning.sql. Every write is one transaction,
 * emits "changed" on success, and leaves the database unchanged on error.
 *
 * Balance of an invoice (or deposit invoice) = amount_due (total TTC net of deposits,
 * frozen at issue) − payments allocated to it − credit notes that correct it.
 * Instalments are paid in due-date order: the payments of an invoice fill the first
 * instalment, then the next.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-store.h"
#include "factures-dunning.h"
#include "factures-penalties.h"

G_BEGIN_DECLS

/* ---- payments ---- */

typedef enum {
  FACTURES_PAYMENT_METHOD_TRANSFER,      /* virement */
  FACTURES_PAYMENT_METHOD_CHEQUE,        /* chèque (reference: its number) */
  FACTURES_PAYMENT_METHOD_CASH,          /* espèces */
  FACTURES_PAYMENT_METHOD_CARD,          /* carte */
  FACTURES_PAYMENT_METHOD_DIRECT_DEBIT,  /* prélèvement */
  FACTURES_PAYMENT_METHOD_OTHER,         /* autre */
} FacturesPaymentMethod;

#define FACTURES_N_PAYMENT_METHODS 6

/* "Bank transfer", "Cheque", "Cash", "Card", "Direct debit", "Other" (translated). */
const char *factures_payment_method_label    (FacturesPaymentMethod method);
/* "virement", "chèque", "espèces", "carte", "prélèvement", "autre": always French (PDF). */
const char *factures_payment_method_label_fr (FacturesPaymentMethod method);

/* The part of a payment that pays one invoice. */
typedef struct {
  gint64 document_id;
  gint64 amount;          /* cents > 0; 0 on input: "as much as this invoice's balance" */
} FacturesAllocation;

/* A payment received from a client. */
typedef struct {
  gint64                 id;              /* 0 until stored */
  gint64                 client_id;       /* set by the store from the invoices when 0 */
  GDate                  date;
  gint64                 amount;          /* cents, > 0 */
  FacturesPaymentMethod  method;
  char                  *reference;       /* cheque number, transfer reference; may be NULL */
  char                  *payer;           /* who paid, when not the client; may be NULL */
  gboolean               payer_non_resident; /* a private payer not tax-resident in France
                                                (cash limit 10 000 € instead of 1 000 €) */
  char                  *notes;
  GArray                *allocations;     /* FacturesAllocation */
  gint64                 credit;          /* out: the part kept as client credit */
  GDate                  cancelled_on;    /* out: the day it was cancelled; invalid while it counts */
  char                  *cancel_reason;   /* out: why it was cancelled; NULL while it counts */
  /* Issue 13 item 4 (migration 0017): for invoices in another currency than the euro, @amount,
   * the allocations and the balance are in that currency and @eur_amount is what the bank
   * credited in euro cents (> 0, required: the livre des recettes and the URSSAF figures are
   * in euros, HACKING.md "Data rules"). 0 for a payment in euros (or equal to @amount, then
   * stored as 0). */
  gint64                 eur_amount;
} FacturesPayment;

FacturesPayment *factures_payment_new  (void);
void             factures_payment_free (FacturesPayment *payment);
/* Appends an allocation (amount 0: as much as the invoice's balance). */
void             factures_payment_add_allocation (FacturesPayment *payment,
                                                  gint64           document_id,
                                                  gint64           amount);
/* "chèque n° 1234567", "virement", "espèces" (French, for receipts and "Acquittée … par"). */
char            *factures_payment_describe_fr (const FacturesPayment *payment);

typedef enum {
  FACTURES_OVERPAYMENT_REFUSE,        /* FACTURES_ERROR_INVALID when more than the balances */
  FACTURES_OVERPAYMENT_KEEP_CREDIT,   /* the excess becomes client credit */
} FacturesOverpayment;

/**
 * factures_store_check_payment:
 * @payment: filled by the caller; zero allocation amounts are filled in (invoice order, up
 *   to each balance) and @payment->credit is set
 * @out_warnings: (out) (transfer full) (element-type utf8) (optional): French warnings that do
 *   not stop the payment: dated before an invoice's issue date; cash towards a debt above the
 *   legal limit (1 000 €, or 10 000 € when @payment->payer_non_resident; CMF L112-6, D112-3),
 *   the debt being the amount due of the invoices paid, whatever the size of each cash payment
 *
 * Validates without writing. Refused (FACTURES_ERROR_INVALID, French, nothing stored): amount
 * ≤ 0; no allocation; an allocation on a draft, a quote or a credit note, or with a negative
 * amount; allocations above the amount; an allocation above the invoice's balance; an excess
 * over the balances with %FACTURES_OVERPAYMENT_REFUSE; invoices of different clients;
 * invalid date; invoices in different currencies; for invoices in another currency than the
 * euro (issue 13 item 4): no EUR amount (@payment->eur_amount ≤ 0), or an excess (client credit
 * is kept in euros only); for invoices in euros, an EUR amount other than the amount.
 * Unknown invoice: FACTURES_ERROR_NOT_FOUND.
 */
gboolean factures_store_check_payment  (FacturesStore        *self,
                                        FacturesPayment      *payment,
                                        FacturesOverpayment   overpayment,
                                        GPtrArray           **out_warnings,
                                        GError              **error);
/* Checks as above, then stores the payment and its allocations (sets payment->id). */
gboolean factures_store_record_payment (FacturesStore        *self,
                                        FacturesPayment      *payment,
                                        FacturesOverpayment   overpayment,
                                        GPtrArray           **out_warnings,
                                        GError              **error);
/**
 * factures_store_cancel_payment:
 * @id: a row of the payments table (factures --list-payments prints them)
 * @date: the day of the cancellation: valid, not before the payment, not after today
 * @reason: why (a bounced cheque, a payment recorded by mistake…): required, at most 100 characters
 * @error: FACTURES_ERROR_INVALID in French naming the field (reason, date; a payment already
 *   cancelled; a payment whose excess was applied as credit to another invoice);
 *   FACTURES_ERROR_NOT_FOUND
 *
 * A payment is never erased (the payments table is append-only, migration 0008): it is cancelled
 * by a reversing entry (@date, @reason), shown as a negative line of the livre des recettes on
 * @date (LEGAL.md §6). From then on its allocations and its credit no longer count in balances.
 * Replaces factures_store_delete_payment(). Nothing changes on error.
 */
gboolean factures_store_cancel_payment (FacturesStore        *self,
                                        gint64                id,
                                        const GDate          *date,
                                        const char           *reason,
                                        GError              **error);
/* The reason of a cancellation, trimmed (FACTURES_ERROR_INVALID when empty or above 100
 * characters). (transfer full) */
char    *factures_store_clean_reason   (const char           *reason,
                                        GError              **error);
/* FACTURES_ERROR_INVALID unless @date is valid, not after today, not before @paid_on (ISO, nullable). */
gboolean factures_store_check_reversal_date (const GDate     *date,
                                             const char      *paid_on,
                                             GError         **error);
/* Trial 5 finding 3: FACTURES_ERROR_INVALID (naming the cancellation date, in French) when @date
 * lies in a month or quarter marked declared to URSSAF (factures_store_mark_declared()): a
 * declared figure never changes, so a cancellation (of a payment, of an imported invoice's
 * payment) is dated when the money was taken back, in a period not declared yet, whose figure it
 * reduces. A failed lookup lets the date through. */
gboolean factures_store_check_reversal_not_declared (FacturesStore  *self,
                                                     const GDate    *date,
                                                     GError        **error);
/* (transfer full) (element-type FacturesPayment): payments with an allocation on @document_id
 * (0: every payment), by date, the cancelled ones included (cancelled_on set); each carries all
 * its allocations. NULL on error. */
GPtrArray *factures_store_list_payments (FacturesStore  *self,
                                         gint64          document_id,
                                         GError        **error);

/* Unused credit of a client (sum of the payments' excess not yet applied), cents. */
gint64   factures_store_get_client_credit (FacturesStore  *self,
                                           gint64          client_id,
                                           GError        **error);
/* Applies up to @amount of the client's credit to an invoice of the same client (as a
 * "credit" allocation dated @date). Refused above the credit or the balance. */
gboolean factures_store_apply_credit      (FacturesStore  *self,
                                           gint64          document_id,
                                           gint64          amount,
                                           const GDate    *date,
                                           GError        **error);

/* ---- balances and the dashboard ---- */

typedef struct {
  gint64 amount_due;     /* total TTC net of deposits (frozen at issue) */
  gint64 paid;           /* payments and applied credit */
  gint64 credited;       /* credit notes correcting this invoice */
  gint64 balance;        /* amount_due − paid − credited */
  GDate  last_payment;   /* invalid when none */
  GDate  paid_date;      /* the day the balance reached 0; invalid while > 0 */
} FacturesBalance;

/* The one balance of an invoice, shown everywhere (documents list, issued-document view,
 * payment dialog, dunning, clients list); factures_store_get_balance(), which left the payments
 * out, is gone (issue 11). */
gboolean factures_store_get_payment_balance (FacturesStore    *self,
                                             gint64            document_id,
                                             FacturesBalance  *out,
                                             GError          **error);

#define FACTURES_AGING_N_BUCKETS 5   /* not yet due, 1–30, 31–60, 61–90, > 90 days late */

typedef struct {
  gint64 outstanding;            /* balances of issued invoices and deposit invoices */
  gint64 overdue;                /* balances past their due date */
  gint64 expected_this_month;    /* balances (or instalments) due from today to the month's end, not late */
  gint64 aging[FACTURES_AGING_N_BUCKETS];   /* cents per bucket */
  guint  aging_count[FACTURES_AGING_N_BUCKETS];   /* runs: invoices, or instalments with a plan */
  gint   dso;                    /* days sales outstanding: outstanding × 90 / TTC invoiced over the
                                    last 90 days; −1 when nothing was invoiced */
  gboolean dso_history;          /* enough history for the DSO to mean something: see
                                    factures_dso_has_history() (issue 11 item 8) */
  gint64 credit;                 /* unused client credit, all clients */
  guint  n_overdue;
} FacturesReceivables;

/* The same figures from the maintained summary, one query each (issue 12; see
 * factures-store-receivables.c): what the dashboard and the overdue page read. */
gboolean factures_store_get_dashboard_figures (FacturesStore        *self,
                                               const GDate          *today,
                                               FacturesReceivables  *out,
                                               GError              **error);
/**
 * FacturesForeignOverdue:
 * @currency: ISO 4217 code, "GBP"
 * @count: overdue invoices in it
 * @balance: their balances, hundredths of @currency
 *
 * The overdue invoices in another currency than the euro, which the sums of
 * #FacturesReceivables leave out (issue 13 item 4).
 */
typedef struct {
  char   currency[4];
  guint  count;
  gint64 balance;
} FacturesForeignOverdue;

/**
 * factures_store_get_foreign_overdue:
 * @today: the day the lateness is counted at
 *
 * The overdue invoices not in euros, per currency (sorted by code), counted as the
 * dashboard counts the others (factures_store_get_dashboard_figures()): what the overdue
 * card and the aging chart show apart so that they agree with the list and the badge
 * (trial 5 finding 17).
 *
 * Returns: (transfer full) (element-type FacturesForeignOverdue): possibly empty, NULL on
 *   error (FACTURES_ERROR_DATABASE)
 */
GArray  *factures_store_get_foreign_overdue (FacturesStore  *self,
                                             const GDate    *today,
                                             GError        **error);

gboolean factures_store_get_receivables (FacturesStore        *self,
                                         const GDate          *today,
                                         FacturesReceivables  *out,
                                         GError              **error);

/* ---- instalment plans (échéancier) ---- */

typedef struct {
  gint   number;        /* 1…n */
  GDate  due_date;
  gint64 amount;        /* cents > 0 */
  gint64 paid;          /* out: paid on it (payments fill instalments in date order) */
} FacturesInstalment;

/* (transfer full) (element-type FacturesInstalment): empty when there is no plan; NULL on error. */
GArray  *factures_store_get_instalments (FacturesStore  *self,
                                         gint64          document_id,
                                         GError        **error);
/* Replaces the plan. Refused: dates not strictly increasing, an amount ≤ 0, a sum that differs
 * from the current balance (the message gives both), a quote or credit note. An empty array
 * removes the plan. Numbers are reassigned 1…n. Dunning events of the old plan are kept for the
 * record. A draft invoice or deposit invoice may have a plan too (the schedule agreed before
 * issuing, issue 6): its sum is not checked then but when it is issued
 * (factures_schedule_validate()), and the issued document keeps the plan it was issued with
 * (FacturesDocument.instalments) whatever is set here later. */
gboolean factures_store_set_instalments (FacturesStore  *self,
                                         gint64          document_id,
                                         GArray         *instalments,
                                         GError        **error);

/* ---- dunning ---- */

/* The ladder of a category (the default one until the user saved another). */
FacturesDunningLadder *factures_store_get_ladder  (FacturesStore               *self,
                                                   FacturesClientCategory       category,
                                                   GError                     **error);
/* Validates (factures_dunning_ladder_validate) and replaces the category's ladder. */
gboolean               factures_store_save_ladder (FacturesStore               *self,
                                                   FacturesDunningLadder       *ladder,
                                                   GError                     **error);

/* A step of one invoice, as shown in the to-do queue and the plan. */
typedef struct {
  gint64                 document_id;
  char                  *number;
  gint64                 client_id;
  char                  *client_name;
  char                  *client_email;
  char                  *client_phone;
  FacturesClientCategory category;
  gint                   instalment;     /* 0: whole invoice */
  GDate                  due_date;       /* of the run (invoice or instalment) */
  gint64                 balance;        /* of the run, cents */
  gint64                 invoice_balance;/* of the whole invoice, cents */
  gint                   days_late;      /* today − due_date, ≥ 0 */
  FacturesPlannedStep    step;           /* key, channel, template, date, state */
} FacturesDunningTask;

void factures_dunning_task_free (FacturesDunningTask *task);

/**
 * factures_store_catch_up:
 *
 * Records as skipped (event dated the step's planned date) every pre-due step that was not
 * done by its invoice's due date (FACTURES_STEP_STATE_MISSED), for every issued invoice with
 * a balance. Idempotent. Called at start-up and by factures_store_get_dunning_queue().
 * @out_n_skipped (optional): how many were recorded. Never performs a step.
 */
gboolean   factures_store_catch_up          (FacturesStore  *self,
                                             const GDate    *today,
                                             guint          *out_n_skipped,
                                             GError        **error);
/**
 * FacturesCatchUp:
 * @after_due: the due date of the last invoice looked at ("" before the first batch)
 * @after_id: its id
 * @n_skipped: steps recorded as skipped so far
 *
 * Where a catch-up in batches stands; zero-initialise it before the first batch.
 */
typedef struct {
  char   after_due[16];
  gint64 after_id;
  guint  n_skipped;
} FacturesCatchUp;

/**
 * factures_store_catch_up_batch:
 * @state: where the catch-up stands (zeroed before the first call)
 * @max_invoices: invoices looked at in this batch (at least 1)
 * @out_finished: TRUE when no invoice was left to look at
 *
 * factures_store_catch_up() in batches (issue 12): each call looks at the next @max_invoices
 * candidates in (due date, id) order in one transaction, and emits "changed" when it recorded
 * a skip, so that a window can run the catch-up of thousands of missed steps in idle callbacks
 * after its first frame without blocking its main loop.
 */
gboolean   factures_store_catch_up_batch    (FacturesStore    *self,
                                             const GDate      *today,
                                             FacturesCatchUp  *state,
                                             guint             max_invoices,
                                             gboolean         *out_finished,
                                             GError          **error);
/* (transfer full) (element-type FacturesDunningTask): the to-do queue for @today — at most one
 * step per invoice, state DUE — oldest due date first. Runs factures_store_catch_up() first. */
GPtrArray *factures_store_get_dunning_queue (FacturesStore  *self,
                                             const GDate    *today,
                                             GError        **error);
/* The to-do queue without the catch-up, from the summary's next step (migration 0012): see
 * factures-store-dunning.c. The window lists it before its first frame and calls
 * factures_store_catch_up() after it. */
GPtrArray *factures_store_list_dunning_queue (FacturesStore  *self,
                                              const GDate    *today,
                                              GError        **error);

/**
 * FacturesDunningCandidate:
 * @document_id: the invoice
 * @due_date: its due date (the queue's order)
 * @step_date: the summary's next step date (invalid when none)
 * @step_key: (nullable): the summary's next step key ("+10:email")
 * @full: the invoice is planned in full (instalments, a missed pre-due step, a stale row): it
 *   may have no step due
 *
 * An invoice of the to-do queue before its step is planned (issue 12: the window plans only
 * the ones it shows).
 */
typedef struct {
  gint64    document_id;
  GDate     due_date;
  GDate     step_date;
  char     *step_key;
  gboolean  full;
} FacturesDunningCandidate;

void       factures_dunning_candidate_clear        (FacturesDunningCandidate *candidate);
GArray    *factures_store_list_dunning_candidates  (FacturesStore                  *self,
                                                    const GDate                    *today,
                                                    GError                        **error);
GPtrArray *factures_store_plan_dunning_candidates  (FacturesStore                  *self,
                                                    const GDate                    *today,
                                                    const FacturesDunningCandidate *candidates,
                                                    guint                           n,
                                                    GError                        **error);

/* One line of --list-overdue (strings valid during the callback only). */
typedef struct {
  gint64      document_id;
  const char *number;
  const char *client_name;
  const char *due_date;          /* ISO */
  gint        days_late;         /* today − due date, > 0 */
  gint64      balance;           /* cents */
  const char *next_step_key;     /* "+10:email"; NULL when no step is left */
  const char *next_step_date;    /* ISO; NULL when no step is left */
  const char *currency;          /* ISO 4217 code of @balance (BT-5): "EUR" when the document is in euros */
} FacturesOverdueLine;

typedef void (*FacturesOverdueFunc) (const FacturesOverdueLine *line,
                                     gpointer                   user_data);

/* The overdue invoices of @today with their next dunning step, in one query over the summary
 * (see factures-store-dunning.c). */
gboolean   factures_store_foreach_overdue    (FacturesStore        *self,
                                              const GDate          *today,
                                              FacturesOverdueFunc   func,
                                              gpointer              user_data,
                                              GError              **error);

/* (transfer full) (element-type FacturesDunningTask): every step of every run of one invoice with
 * its date and state (does not record anything). */
GPtrArray *factures_store_get_dunning_plan  (FacturesStore  *self,
                                             gint64          document_id,
                                             const GDate    *today,
                                             GError        **error);

/* Records that a step was done on @date (@note: the phone call's outcome, the letter's tracking
 * number…, may be NULL). Refused: step not in the ladder, already done or skipped
 * (FACTURES_ERROR_INVALID "already recorded"), a step already done that day on this invoice. */
gboolean factures_store_perform_step (FacturesStore  *self,
                                      gint64          document_id,
                                      gint            instalment,
                                      const char     *step_key,
                                      const GDate    *date,
                                      const char     *note,
                                      GError        **error);
gboolean factures_store_skip_step    (FacturesStore  *self,
                                      gint64          document_id,
                                      gint            instalment,
                                      const char     *step_key,
                                      const GDate    *date,
                                      const char     *note,
                                      GError        **error);
/* Updates the note of a recorded event (tracking number added later…). */
gboolean factures_store_set_step_note (FacturesStore  *self,
                                       gint64          document_id,
                                       gint            instalment,
                                       const char     *step_key,
                                       const char     *note,
                                       GError        **error);

/**
 * factures_store_get_last_step_note:
 * @document_id: an invoice
 * @channel: a FacturesDunningChannel, e.g. %FACTURES_DUNNING_CHANNEL_LETTER
 * @error: FACTURES_ERROR_DATABASE
 *
 * The note of the latest step done through @channel on @document_id, whatever its
 * instalment (latest by date, then by recording order): for a registered letter, the
 * sentence holding its tracking number, cited by the formal notice (LEGAL.md §4).
 *
 * Returns: (transfer full) (nullable): the note; NULL when no such step was done or it has
 *   no note, or with @error set.
 */
char    *factures_store_get_last_step_note (FacturesStore          *self,
                                            gint64                  document_id,
                                            FacturesDunningChannel  channel,
                                            GError                **error);

/* A promise to pay by @promise_date, recorded @today. Refused when @promise_date < @today. */
gboolean factures_store_add_promise   (FacturesStore  *self,
                                       gint64          document_id,
                                       const GDate    *promise_date,
                                       const GDate    *today,
                                       const char     *note,
                                       GError        **error);
/* The latest promise's date (invalid GDate when none). */
gboolean factures_store_get_promise   (FacturesStore  *self,
                                       gint64          document_id,
                                       GDate          *out_date,
                                       GError        **error);
/* Opens (@disputed TRUE, @note: the client's reason) or closes a dispute; an open dispute stops
 * the ladder. */
gboolean factures_store_set_dispute   (FacturesStore  *self,
                                       gint64          document_id,
                                       gboolean        disputed,
                                       const char     *note,
                                       const GDate    *date,
                                       GError        **error);
gboolean factures_store_get_dispute   (FacturesStore  *self,
                                       gint64          document_id,
                                       gboolean       *out_disputed,
                                       GError        **error);

/* ---- late penalties ---- */

/* (transfer full) (element-type FacturesRatePeriod): the rate table, oldest first. */
GArray  *factures_store_get_rate_table (FacturesStore            *self,
                                        GError                  **error);
/* Inserts or replaces one half-year (rates ≥ 0 or FACTURES_RATE_UNKNOWN, half 1 or 2). */
gboolean factures_store_save_rate      (FacturesStore            *self,
                                        const FacturesRatePeriod *period,
                                        GError                  **error);
/* Waives (or restores) the penalties of one invoice. */
gboolean factures_store_waive_penalties (FacturesStore  *self,
                                         gint64          document_id,
                                         gboolean        waived,
                                         const char     *note,
                                         GError        **error);
/**
 * factures_store_compute_penalties:
 *
 * The penalties of an issued invoice on @today with factures_penalties_compute(): the
 * buyer's frozen category, the seller's frozen penalty_rate_bp, the balance on the due date,
 * later payments, the formal-notice step's date for individuals, the rate table. When the
 * invoice is paid the end date is the day it was paid in full. out->waived is set (figures
 * still computed, for the record). With an instalment plan, interest runs on each instalment
 * from its own due date (factures_schedule_penalties(); issue 6): credit notes, then the
 * payments in date order, fill the instalments earliest first, what was settled before the
 * plan was agreed (the invoice's amount due minus the plan's sum) set aside first.
 */
gboolean factures_store_compute_penalties (FacturesStore      *self,
                                           gint64              document_id,
                                           const GDate        *today,
                                           FacturesPenalties  *out,
                                           GError            **error);

/* Number of steps in the to-do queue on @today (the start-up notification). */
guint    factures_store_count_due_steps (FacturesStore  *self,
                                         const GDate    *today,
                                         GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesPayment, factures_payment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesDunningTask, factures_dunning_task_free)

G_END_DECLS
