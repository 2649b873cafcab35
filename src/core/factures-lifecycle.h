/* factures-lifecycle.h — quotes, deposit invoices and credit notes (issue 3, DESIGN.md §4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-document.h"

G_BEGIN_DECLS

/* Default validity of a quote, in days from its issue date (LEGAL.md §2: no
 * legal duration, it must be stated; practice 1–3 months). */
#define FACTURES_QUOTE_VALIDITY_DAYS 30

/* Derived, never stored (DESIGN.md §4). */
typedef enum {
  FACTURES_QUOTE_STATUS_DRAFT,
  FACTURES_QUOTE_STATUS_SENT,      /* issued, waiting for the client's answer */
  FACTURES_QUOTE_STATUS_ACCEPTED,
  FACTURES_QUOTE_STATUS_REFUSED,
  FACTURES_QUOTE_STATUS_EXPIRED,   /* no answer and today is after the validity date */
  FACTURES_QUOTE_STATUS_INVOICED,  /* accepted, and its final invoice exists */
} FacturesQuoteStatus;

/**
 * factures_quote_status_derive:
 * @issued: the quote has a number
 * @accepted: an acceptance was recorded
 * @refused: a refusal was recorded
 * @invoiced: a final invoice was made from it
 * @valid_until: (nullable): its validity date
 * @today: the day to judge expiry on
 *
 * Returns: the status; expired only when issued, neither accepted nor refused
 *   and @today is after @valid_until.
 */
FacturesQuoteStatus factures_quote_status_derive (gboolean     issued,
                                                  gboolean     accepted,
                                                  gboolean     refused,
                                                  gboolean     invoiced,
                                                  const GDate *valid_until,
                                                  const GDate *today);

/* "Draft", "Sent", "Accepted", "Refused", "Expired", "Invoiced" (translated). */
const char *factures_quote_status_title (FacturesQuoteStatus status);

/* @issue_date + FACTURES_QUOTE_VALIDITY_DAYS. */
void        factures_quote_default_validity (const GDate *issue_date,
                                             GDate       *out);

/**
 * factures_lifecycle_amount_lines:
 * @source: the quote (deposit) or invoice (credit note) the amount is taken from;
 *   its seller decides the VAT regime
 * @percent_bp: a share of @source's net total in basis points (3000 = 30 %), or 0
 * @amount: when @percent_bp is 0, a net (HT) amount in cents, > 0
 * @description: the text of the line(s); " — TVA x %" is added when @source has
 *   several VAT rates
 * @error: FACTURES_ERROR_INVALID ("Amount: …", "Percentage: …") when the share
 *   is not above 0 or above @source's net total, FACTURES_ERROR_OVERFLOW
 *
 * One line per VAT rate of @source (quantity 1, unit price = the net amount at
 * that rate): the percentage of each rate's taxable base, rounded half away from
 * zero, or @amount split pro rata over the bases (the last rate takes the
 * remainder, so the lines add up to @amount exactly).
 *
 * Returns: (transfer full) (element-type FacturesLine): the lines, or NULL.
 */
GPtrArray  *factures_lifecycle_amount_lines (const FacturesDocument *source,
                                             gint                    percent_bp,
                                             gint64                  amount,
                                             const char             *description,
                                             GError                **error);

G_END_DECLS
