/* factures-penalties.h — statutory late-payment interest and the 40 € indemnity
 *
 * DESIGN.md §5, LEGAL.md §3 and §12. Pure computation: the store passes the rate
 * table (table "penalty_rates" of migration 0004) and the amounts.
 *
 * Rules by buyer category (FacturesClientCategory):
 *   company, association  FACTURES_PENALTY_RULE_ECB_PLUS_10 (default): per half-year, ECB main
 *                         refinancing rate in force on 1 January / 1 July + 10 points, never below
 *                         3 × the legal rate "autres cas" of that half-year (C. com. L441-10);
 *                         or FACTURES_PENALTY_RULE_FIXED: the profile's rate, with the same floor.
 *                         Interest from the day after the due date. Plus 40 € per late invoice
 *                         (D441-5), never per instalment.
 *   public buyer          FACTURES_PENALTY_RULE_PUBLIC: ECB rate in force on the first day of the
 *                         half-year in which the delay starts + 8 points, fixed for the whole delay
 *                         (CCP R2192-31), plus 40 €.
 *   individual            FACTURES_PENALTY_RULE_LEGAL: the legal rate "autres cas" (the rate for a
 *                         professional creditor; LEGAL.md §12, C. civ. 1344-1) per half-year, from
 *                         the day after the formal notice (mise en demeure); none before it; no 40 €.
 *                         A fixed rate set in the profile applies instead, from the due date.
 *
 * Interest is simple, per day, on the unpaid amount: principal × rate × days / 365.
 * Days are counted from the first day of interest to the end date inclusive (a payment
 * on its date still counts that day: "until the funds are available").
 *
 * Rounding: one segment per half-year and per unpaid amount (a partial payment starts a
 * new segment the day after it). Each segment's amount is
 *   round (unpaid_cents × rate_bp × days / (10000 × 365))
 * computed in 128 bits and rounded half away from zero; the interest is the sum of the
 * rounded segments. Example: 15 000 € at 15 % for 30 days = 184,93 €.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "factures-error.h"
#include "factures-document.h"

G_BEGIN_DECLS

#define FACTURES_PENALTY_INDEMNITY_CENTS G_GINT64_CONSTANT (4000)   /* D441-5: 40 € */
#define FACTURES_RATE_UNKNOWN            (-1)

/* One half-year of the rate table. Rates in basis points, FACTURES_RATE_UNKNOWN when not known. */
typedef struct {
  gint year;                  /* 2026 */
  gint half;                  /* 1: 1 Jan–30 Jun, 2: 1 Jul–31 Dec */
  gint ecb_bp;                /* ECB main refinancing rate in force on the first day */
  gint legal_individual_bp;   /* taux légal, creditor a private person ("particuliers") */
  gint legal_other_bp;        /* taux légal "autres cas" (professional creditor) */
  char *source;               /* where the figures come from (free text), may be NULL */
} FacturesRatePeriod;

/* The values shipped in migration 0004 (LEGAL.md §3), oldest first: a GArray of
 * FacturesRatePeriod with g_array_set_clear_func set (sources freed). */
GArray   *factures_rate_table_new_default (void);
void      factures_rate_period_clear      (FacturesRatePeriod *period);

typedef enum {
  FACTURES_PENALTY_RULE_ECB_PLUS_10,
  FACTURES_PENALTY_RULE_FIXED,
  FACTURES_PENALTY_RULE_PUBLIC,
  FACTURES_PENALTY_RULE_LEGAL,
} FacturesPenaltyRule;

/* The rule for a buyer category and the profile's fixed rate (0: none). */
FacturesPenaltyRule factures_penalty_rule_for (FacturesClientCategory category,
                                               gint                   fixed_rate_bp);

/* A payment received after the due date: the unpaid amount drops by @amount the day after @date. */
typedef struct {
  GDate  date;
  gint64 amount;   /* cents, > 0 */
} FacturesPenaltyPayment;

/* One line of the computation. */
typedef struct {
  GDate    from;          /* first day, inclusive */
  GDate    to;            /* last day, inclusive */
  gint     days;          /* to − from + 1 */
  gint     year;          /* half-year of the rate used */
  gint     half;
  gint     rate_bp;       /* annual rate applied */
  gint64   unpaid;        /* cents on which interest runs */
  gint64   amount;        /* cents, rounded as above */
  gboolean floored;       /* the rate was raised to 3 × the legal rate */
  gboolean estimated;     /* the table had no value for this half-year: the last known one was used */
} FacturesPenaltySegment;

typedef struct {
  FacturesPenaltyRule rule;
  gint64   principal;        /* unpaid amount (cents) on the first day of interest */
  GDate    start;            /* first day of interest; invalid when none runs yet */
  GDate    end;              /* last day counted */
  gint     days;             /* sum of segment days */
  GArray  *segments;         /* FacturesPenaltySegment, in date order */
  gint64   interest;         /* sum of the segments' amounts */
  gint64   indemnity;        /* 4000 or 0 */
  gint64   total;            /* interest + indemnity */
  gboolean table_outdated;   /* some half-year had no value: "the rate table needs updating" */
  gboolean waived;           /* set by the caller (store) when the user waived the penalties */
} FacturesPenalties;

void     factures_penalties_clear   (FacturesPenalties *penalties);

/**
 * factures_penalties_compute:
 * @category: the buyer's category (frozen in the issued document)
 * @fixed_rate_bp: the rate printed on the invoice (profile penalty_rate_bp), 0 for the
 *   default rule ("taux BCE + 10 points")
 * @principal: cents unpaid on the due date (total TTC net of deposits, credit notes and
 *   payments received up to the due date)
 * @payments: (element-type FacturesPenaltyPayment) (nullable): later payments, any order
 * @due_date: the invoice's (or instalment's) due date
 * @notice_date: (nullable): date of the formal notice (individuals only; invalid or NULL: none)
 * @end_date: last day counted (today, or the day the balance was paid in full)
 * @table: (element-type FacturesRatePeriod): the rate table, any order
 * @out: (out caller-allocates): cleared first; clear with factures_penalties_clear()
 *
 * Computes interest as documented at the top of this file. An invoice not late on
 * @end_date gives zero everywhere (no indemnity). The 40 € indemnity is due from the
 * first day late for companies, associations and public buyers, even when fully paid late.
 *
 * Returns: FALSE with FACTURES_ERROR_INVALID when the table has no usable value at all
 *   for a rate the rule needs (message names the half-year), FACTURES_ERROR_OVERFLOW.
 */
gboolean factures_penalties_compute (FacturesClientCategory  category,
                                     gint                    fixed_rate_bp,
                                     gint64                  principal,
                                     const GArray           *payments,
                                     const GDate            *due_date,
                                     const GDate            *notice_date,
                                     const GDate            *end_date,
                                     const GArray           *table,
                                     FacturesPenalties      *out,
                                     GError                **error);

/* The computation spelled out in French, one line per segment, then the interest,
 * the indemnity and the total, and "Le barème des taux doit être mis à jour." when
 * @penalties->table_outdated. Used by the CLI, the dashboard and the letters. */
char    *factures_penalties_describe (const FacturesPenalties *penalties);
/**
 * factures_penalties_describe_in:
 * @currency: (nullable): the invoice's currency (BT-5); NULL or "EUR": euros
 *
 * factures_penalties_describe() with the unpaid amounts and the interest in @currency (the
 * interest runs on the sum due, in the invoice's currency); the recovery indemnity stays 40 €
 * (art. D441-5 C. com.), so that the total of an invoice in another currency reads
 * "12,34 USD + 40,00 €". (transfer full)
 */
char    *factures_penalties_describe_in (const FacturesPenalties *penalties,
                                         const char              *currency);

/* "taux BCE + 10 points", "taux fixe", "taux BCE + 8 points", "taux légal" (French). */
const char *factures_penalty_rule_label (FacturesPenaltyRule rule);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FacturesPenalties, factures_penalties_clear)

G_END_DECLS
