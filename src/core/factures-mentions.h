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

/* TRUE when @mentions holds at least one FACTURES_MENTION_ERROR. */
gboolean   factures_mentions_has_errors (const GPtrArray *mentions);

G_END_DECLS
