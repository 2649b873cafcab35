/* factures-store-lifecycle.h — quotes, deposit invoices, credit notes and number
 * series in the store (issue 3, DESIGN.md §4)
 *
 * Links between documents live in the table document_links and a quote's
 * validity and conditions in quote_details (migration 0002); both are frozen
 * when the document holding them is issued. Quote decisions are events
 * ('quote-accepted', 'quote-refused'); expiry is derived.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-store.h"
#include "factures-lifecycle.h"

G_BEGIN_DECLS

/* ---- quotes ---- */

/**
 * factures_store_get_quote_status:
 * @id: a quote
 * @out_accepted: (out) (optional): the acceptance date when accepted (else cleared)
 * @error: FACTURES_ERROR_NOT_FOUND, FACTURES_ERROR_INVALID (not a quote)
 *
 * Returns: the derived status, or -1 on error.
 */
gint     factures_store_get_quote_status   (FacturesStore  *self,
                                            gint64          id,
                                            GDate          *out_accepted,
                                            GError        **error);

/**
 * factures_store_set_quote_decision:
 * @id: an issued quote
 * @accepted: TRUE for "accepted" (bon pour accord), FALSE for "refused"
 * @date: the day of the client's answer: not before the quote's issue date and,
 *   for an acceptance, not after its validity date
 * @error: FACTURES_ERROR_INVALID naming the field (“Quote: …”, “Date: …”)
 *
 * Records the answer as an event; a quote is answered once.
 */
gboolean factures_store_set_quote_decision (FacturesStore  *self,
                                            gint64          id,
                                            gboolean        accepted,
                                            const GDate    *date,
                                            GError        **error);

/**
 * factures_store_quote_to_deposit:
 * @quote_id: an accepted quote without final invoice
 * @percent_bp: share of the quote's net total (3000 = 30 %), or 0 to use @amount
 * @amount: net amount in cents when @percent_bp is 0
 * @error: FACTURES_ERROR_INVALID: not accepted, already invoiced, or the deposits
 *   (this one with the earlier ones, drafts included) above the quote's net total
 *
 * A draft deposit invoice (386) for the quote's client, in the invoices' series,
 * citing the quote, with one line per VAT rate (factures_lifecycle_amount_lines()).
 *
 * Returns: the new draft's id, 0 on error (nothing stored).
 */
gint64   factures_store_quote_to_deposit   (FacturesStore  *self,
                                            gint64          quote_id,
                                            gint            percent_bp,
                                            gint64          amount,
                                            GError        **error);

/**
 * factures_store_quote_to_invoice:
 * @quote_id: an accepted quote
 * @error: FACTURES_ERROR_INVALID when the quote is not accepted, is already
 *   converted (“Quote: this quote has already been converted into invoice …”),
 *   or has a deposit invoice still in draft
 *
 * A draft final invoice with the quote's client, lines, discount and notes,
 * citing the quote and deducting every issued deposit invoice of the quote.
 *
 * Returns: the new draft's id, 0 on error (nothing stored).
 */
gint64   factures_store_quote_to_invoice   (FacturesStore  *self,
                                            gint64          quote_id,
                                            GError        **error);

/* ---- credit notes ---- */

/**
 * factures_store_get_credited_total:
 * @invoice_id: an invoice or deposit invoice
 *
 * Returns: the sum (cents TTC) of the issued credit notes citing it, -1 on error.
 */
gint64   factures_store_get_credited_total (FacturesStore  *self,
                                            gint64          invoice_id,
                                            GError        **error);

/**
 * factures_store_credit_note_new:
 * @invoice_id: an issued invoice or deposit invoice
 * @lines: (nullable) (array length=n_lines): positions (0-based) of the invoice
 *   lines to credit, or NULL
 * @n_lines: their number
 * @amount: with no @lines, a net (HT) amount in cents to credit; 0 with no
 *   @lines credits everything (full credit note)
 * @error: FACTURES_ERROR_INVALID: not an issued invoice, or a credit above the
 *   invoice's total minus its earlier credit notes (“Credit note: …”)
 *
 * A draft credit note (381) for the invoice's client, citing its number and
 * date (BT-25, BT-26), in the credit notes' series.
 *
 * Returns: the new draft's id, 0 on error (nothing stored).
 */
gint64   factures_store_credit_note_new    (FacturesStore  *self,
                                            gint64          invoice_id,
                                            const guint    *lines,
                                            guint           n_lines,
                                            gint64          amount,
                                            GError        **error);

/**
 * factures_store_list_credit_notes:
 * @invoice_id: an issued invoice or deposit invoice
 *
 * The issued credit notes that correct @invoice_id (the Payments panel of the
 * issued-document view, issue 11), oldest first; their amounts are gross (TTC).
 *
 * Returns: (transfer full) (element-type FacturesDocumentRef): may be empty; NULL on error.
 */
GPtrArray *factures_store_list_credit_notes (FacturesStore  *self,
                                             gint64          invoice_id,
                                             GError        **error);

/* ---- number series ---- */

typedef struct {
  char     *name;          /* "invoice" (invoices and deposit invoices), "quote", "credit-note" */
  char     *pattern;
  gint64    next_counter;
  gboolean  yearly_reset;
  GDate     last_issued;   /* invalid when nothing was issued */
  /* Since issue 10 (0009-numbering.sql; factures-store-numbering.c): */
  guint     counter_year;  /* yearly reset: the year whose start was set before its first
                            * number, 0 when next_counter belongs to last_issued's year */
  gint64    counter_now;   /* the counter the next number takes today (1 in a new year
                            * after a yearly reset): what the window shows and edits */
  gboolean  started;       /* a number was given in the current period (this year with a
                            * yearly reset, ever otherwise): the counter no longer moves */
} FacturesSeries;

void     factures_series_free              (FacturesSeries *series);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesSeries, factures_series_free)

/* Returns: (transfer full) (element-type FacturesSeries): the series by name. */
GPtrArray *factures_store_list_series      (FacturesStore  *self,
                                            GError        **error);

/**
 * factures_store_preview_series:
 * @name: a series name
 * @pattern, @yearly_reset: the series as the user wants it
 * @next_counter: the counter the next number should take (FacturesSeries.counter_now
 *   leaves it where it is)
 * @date: (nullable): the issue date to preview for (today when NULL)
 * @error: FACTURES_ERROR_INVALID naming the field: the pattern's syntax, a number
 *   above 35 characters or with a space, a counter below 1, a change that could
 *   produce a number already issued or held by an own sale imported as history
 *   (“… would repeat number F2026-0003”), or a counter moved once the period has begun
 *   (“Next number: …”)
 *
 * Numbers of a series follow each other without gaps and never repeat (CGI, annexe II,
 * art. 242 nonies A, I-7°; BOI-TVA-DECLA-30-20-20; LEGAL.md §1). So the counter never goes
 * back, and moves forward only to set where the series starts, before its first number in
 * the current period (the year for a series that restarts each year, the series' whole life
 * otherwise) — or past numbers held by own sales imported as history, which are not gaps.
 * The window asks for a confirmation before moving it; the store enforces the rule.
 *
 * Returns: (transfer full): the next number the series would give, or NULL.
 */
char      *factures_store_preview_series   (FacturesStore  *self,
                                            const char     *name,
                                            const char     *pattern,
                                            gint64          next_counter,
                                            gboolean        yearly_reset,
                                            const GDate    *date,
                                            GError        **error);

/* Checks as factures_store_preview_series() (for today), then saves, in one transaction.
 * Defined in factures-store-numbering.c. */
gboolean   factures_store_set_series       (FacturesStore  *self,
                                            const char     *name,
                                            const char     *pattern,
                                            gint64          next_counter,
                                            gboolean        yearly_reset,
                                            GError        **error);

G_END_DECLS
