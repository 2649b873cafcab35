/* factures-letters.h — dunning letters and message templates
 * (DESIGN.md §5, LEGAL.md §3–§5, §12)
 *
 * The letters are A4 PDF pages drawn with cairo + pango on the private font map
 * of factures-fonts.h, like the invoices, in French (each text followed by its English
 * for a client whose documents are in French and English, issue 13 item 5). They take a plain
 * FacturesLetter filled by the caller (the UI fills it from the penalty
 * computation of the store), so this layer does not depend on the store.
 *
 * The templates of e-mails, SMS and the phone script are UTF-8 text files
 * under data/templates/, compiled into the resource bundle at
 * /org/example/Factures/templates/<id>.txt. E-mail templates start with a line
 * "Objet : …", then a blank line, then the body.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include "factures-document.h"

G_BEGIN_DECLS

typedef enum {
  FACTURES_LETTER_REGISTERED_REMINDER, /* last amicable reminder, sent as LRAR */
  FACTURES_LETTER_FORMAL_NOTICE,       /* mise en demeure (C. civ. 1344) */
} FacturesLetterKind;

/* One stretch of days at one annual rate (simple interest, days / 365). */
typedef struct {
  GDate  from;        /* first day counted */
  GDate  to;          /* last day counted (inclusive) */
  gint   days;
  gint   rate_bp;     /* annual rate, basis points */
  gint64 base;        /* unpaid amount the interest runs on, cents */
  gint64 amount;      /* interest of the stretch, cents */
} FacturesLetterPeriod;

/**
 * FacturesLetter:
 * @kind: which letter
 * @seller: (owned): the business profile (sender)
 * @buyer: (owned): the client (addressee)
 * @date: the date of the letter
 * @number: invoice number
 * @issue_date: invoice issue date
 * @due_date: invoice due date
 * @total: invoice total TTC, cents
 * @paid: payments and credits received so far, cents
 * @principal: amount still due (principal), cents
 * @periods: (element-type FacturesLetterPeriod): penalty computation, may be empty
 * @interest: penalties to date, cents (sum of the periods' amounts)
 * @indemnity: fixed recovery indemnity (4000 for a professional buyer, D441-5; 0 otherwise)
 * @rate_basis: (nullable): how the rate was set, e.g. "taux de refinancement de la BCE + 10 points"
 * @waived: TRUE when the creditor waived the penalties on this invoice
 * @deadline_days: days given to pay (formal notice; 8 by default)
 * @tracking: (nullable): registered-mail number of an earlier LRAR, cited by the formal notice
 * @currency: (nullable): the invoice's ISO 4217 code (BT-5); NULL or "EUR": euros. @total, @paid,
 *   @principal, the periods and @interest are in it; @indemnity is always in euros (a sum fixed in
 *   EUR, C. com. D441-5), so for another currency the letter states the sum claimed as
 *   "1 050,60 GBP + 40,00 €" (issue 13 item 4)
 *
 * A client whose documents are in French and English (@buyer's document_language) gets each
 * French text followed by its English (issue 13 item 5); the French stays first and binds.
 *
 * Strings are UTF-8 and owned by the struct.
 */
typedef struct {
  FacturesLetterKind  kind;
  FacturesProfile    *seller;
  FacturesClient     *buyer;
  GDate               date;
  char               *number;
  GDate               issue_date;
  GDate               due_date;
  gint64              total;
  gint64              paid;
  gint64              principal;
  GArray             *periods;
  gint64              interest;
  gint64              indemnity;
  char               *rate_basis;
  gboolean            waived;
  gint                deadline_days;
  char               *tracking;
  char               *currency;
} FacturesLetter;

/* A letter with empty fields, dated today, 8-day deadline, no periods. */
FacturesLetter *factures_letter_new      (FacturesLetterKind kind);
void            factures_letter_free     (FacturesLetter *letter);

/* principal + interest + indemnity (cents); FALSE on overflow. */
gboolean        factures_letter_claimed  (const FacturesLetter *letter,
                                          gint64               *out_cents);

/* The deadline of a formal notice: letter date + deadline_days. */
void            factures_letter_deadline (const FacturesLetter *letter,
                                          GDate                *out_date);

/**
 * factures_letter_render:
 * @letter: a filled letter
 * @error: FACTURES_ERROR_INVALID when the seller, buyer or invoice number is
 *   missing, FACTURES_ERROR_OVERFLOW, FACTURES_ERROR_FORMAT when cairo fails
 *
 * The letter as a PDF (A4, fonts embedded, text extractable). The
 * registered reminder states the amount due and the penalties so far and says
 * that a formal notice follows; the formal notice sets out the principal, the
 * penalties with their computation (days, rate and amount per stretch), the
 * 40 € indemnity for a professional buyer, the deadline (date + 8 days) and the
 * words "vaut mise en demeure" (C. civ. 1344, 1344-1; LEGAL.md §4). When
 * SOURCE_DATE_EPOCH is set the PDF dates come from it.
 *
 * Returns: (transfer full) (nullable): the PDF bytes
 */
GBytes         *factures_letter_render   (const FacturesLetter *letter,
                                          GError              **error);

/* Number of A4 pages and drawing of one page (0-based) on @cr in points: for previews. */
guint           factures_letter_get_n_pages (const FacturesLetter *letter);
gboolean        factures_letter_draw_page   (const FacturesLetter *letter,
                                             cairo_t              *cr,
                                             guint                 page,
                                             GError              **error);

/* "Objet" line of the letter / e-mail subject, French. */
char           *factures_letter_subject  (const FacturesLetter *letter);

/**
 * factures_template_load:
 * @id: "heads-up", "email-courteous", "email-firm", "chorus-reminder", "phone", "sms"
 * @error: FACTURES_ERROR_NOT_FOUND when there is no such template
 *
 * Returns: (transfer full) (nullable): the template text (UTF-8)
 */
char           *factures_template_load   (const char  *id,
                                          GError     **error);

/**
 * factures_template_expand:
 * @text: a template
 * @keys_values: NULL-terminated list of alternating keys (without braces) and values
 *
 * Replaces each "{key}" by its value; unknown placeholders are left as they are.
 *
 * Returns: (transfer full): the expanded text
 */
char           *factures_template_expand (const char         *text,
                                          const char * const *keys_values);

/* Splits an e-mail template's "Objet : …" first line from its body (both transfer full). */
void            factures_template_split_subject (const char  *text,
                                                 char       **out_subject,
                                                 char       **out_body);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesLetter, factures_letter_free)

G_END_DECLS
