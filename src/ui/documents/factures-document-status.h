/* factures-document-status.h — what the documents list says of each document (issue 11)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-rows.h"
#include "factures-store.h"

G_BEGIN_DECLS

typedef enum {
  FACTURES_DOCUMENT_STATE_ANY,           /* filters only: every document */
  FACTURES_DOCUMENT_STATE_DRAFT,
  FACTURES_DOCUMENT_STATE_ISSUED,        /* issued, not sent, nothing paid */
  FACTURES_DOCUMENT_STATE_SENT,          /* sent by e-mail (a "sent" event), nothing paid */
  FACTURES_DOCUMENT_STATE_PARTLY_PAID,   /* paid or credited in part, not late */
  FACTURES_DOCUMENT_STATE_PAID,          /* balance 0 (or below) by payments */
  FACTURES_DOCUMENT_STATE_OVERDUE,       /* past its due date with a balance */
  FACTURES_DOCUMENT_STATE_DISPUTED,      /* an open dispute (stops the dunning ladder) */
  FACTURES_DOCUMENT_STATE_CANCELLED,     /* credited in full by credit notes */
  FACTURES_DOCUMENT_STATE_QUOTE,         /* an issued quote: its own FacturesQuoteStatus */
  FACTURES_N_DOCUMENT_STATES
} FacturesDocumentState;

/* What the list knows of one document: the row's columns and a few facts from the store. */
typedef struct {
  gint64                  id;
  FacturesDocumentKind    kind;
  FacturesDocumentStatus  status;
  gint                    quote_status;   /* FacturesQuoteStatus, -1 when not a quote */
  gint64                  amount_due;     /* cents, net of deposits (frozen at issue) */
  gint64                  paid;           /* payments counted (cancelled ones excluded) */
  gint64                  credited;       /* issued credit notes */
  gint64                  balance;        /* factures_store_get_payment_balance() */
  gint                    days_late;
  gboolean                disputed;
  gboolean                sent;
  guint                   year;           /* of the issue date; 0 when none */
} FacturesDocumentFacts;

/* Fills @out from @row and, for an issued invoice or deposit invoice, from @store (balance,
 * dispute, "sent" events). Without @store (tests), only the row's columns are used. */
void                  factures_document_facts_load  (FacturesStore         *store,
                                                     FacturesDocumentRow   *row,
                                                     FacturesDocumentFacts *out);
FacturesDocumentState factures_document_state_of    (const FacturesDocumentFacts *facts);
/**
 * factures_document_state_label:
 *
 * The status column's text, agreeing in French with the document's kind: "Payée", "Émise",
 * "Envoyée" for an invoice (une facture), "Payé", "Émis", "Envoyé" for a quote or a credit
 * note (un devis, un avoir); "En retard de 12 jours". (transfer full)
 */
char                 *factures_document_state_label (const FacturesDocumentFacts *facts);
/* The label of a state in the status filter (plural, "documents"). (transfer none) */
const char           *factures_document_state_filter_label (FacturesDocumentState state);

G_END_DECLS
