/* factures-mentions.h — the legal-mentions checker (LEGAL.md §1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-document.h"

G_BEGIN_DECLS

typedef enum {
  FACTURES_MENTION_ERROR,    /* issue is refused */
  FACTURES_MENTION_WARNING,  /* shown; becomes an error at a later date (e.g. 1 Sep 2027) */
} FacturesMentionSeverity;

typedef struct {
  const char              *code;      /* stable id: "seller-name", "seller-ei", "seller-siren", … */
  FacturesMentionSeverity  severity;
  char                    *message;   /* French, names what is missing and where to fill it in */
  char                    *detail;    /* issue 13: the rule refused (EN 16931 / BR-FR rule id,
                                       * CGI article), e.g. "BR-AE-02", or NULL */
} FacturesMissingMention;

void factures_missing_mention_free (FacturesMissingMention *mention);

/**
 * factures_mentions_check:
 * @document: a document about to be issued (seller and buyer filled)
 *
 * Every mandatory mention that is missing, per LEGAL.md §1 (C. com. L441-9,
 * CGI art. 242 nonies A, D441-5), B2B vs B2C, franchise vs VAT. Mentions that
 * become mandatory on 1 September 2027 (décret 2022-1299) are warnings for
 * documents issued before that date and errors from it.
 *
 * Returns: (transfer full) (element-type FacturesMissingMention): empty when complete.
 */
GPtrArray *factures_mentions_check (const FacturesDocument *document);

/**
 * factures_mentions_check_dates:
 * @mentions: (element-type FacturesMissingMention): the list to add to
 * @document: a document about to be issued
 * @last_issued: (nullable): the issue date of the last document of its number series
 *
 * Adds the date rules the store applies when issuing (factures_store_issue()), so that
 * they can be shown before "Issue": an issue date later than today ("issue-date-future",
 * a mistyped year would push every later number past it) and an issue date earlier than
 * @last_issued ("issue-date-order": numbers follow dates, CGI annexe II art. 242 nonies A).
 * Both are errors. Nothing is added when the issue date is not valid.
 */
void       factures_mentions_check_dates (GPtrArray              *mentions,
                                          const FacturesDocument *document,
                                          const GDate            *last_issued);

/* TRUE when @mentions holds at least one FACTURES_MENTION_ERROR. */
gboolean   factures_mentions_has_errors (const GPtrArray *mentions);

G_END_DECLS
