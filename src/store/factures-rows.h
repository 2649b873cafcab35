/* factures-rows.h — read-only row objects handed to list views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include "factures-document.h"

G_BEGIN_DECLS

/* Properties: "id" (gint64), "name", "city", "email", "siren" (strings),
 * "category" (gint, FacturesClientCategory), "outstanding" (gint64 cents). */
#define FACTURES_TYPE_CLIENT_ROW (factures_client_row_get_type ())
G_DECLARE_FINAL_TYPE (FacturesClientRow, factures_client_row, FACTURES, CLIENT_ROW, GObject)

gint64      factures_client_row_get_id          (FacturesClientRow *self);
const char *factures_client_row_get_name        (FacturesClientRow *self);
const char *factures_client_row_get_city        (FacturesClientRow *self);
const char *factures_client_row_get_email       (FacturesClientRow *self);
const char *factures_client_row_get_siren       (FacturesClientRow *self);
gint        factures_client_row_get_category    (FacturesClientRow *self);
gint64      factures_client_row_get_outstanding (FacturesClientRow *self);

/* Used by the store's list models (and tests); strings are copied. */
FacturesClientRow *factures_client_row_new       (gint64      id,
                                                  const char *name,
                                                  const char *city,
                                                  const char *email,
                                                  const char *siren,
                                                  gint        category,
                                                  gint64      outstanding);
/* Finding T5: what the client owes per currency, "EUR:10000;GBP:50000" (see factures-rows.c). */
const char *factures_client_row_get_outstanding_by_currency (FacturesClientRow *self);
void        factures_client_row_set_outstanding_by_currency (FacturesClientRow *self,
                                                             const char        *sums);

/* Properties: "id" (gint64), "kind" (gint, FacturesDocumentKind), "status" (gint,
 * FacturesDocumentStatus), "number" (NULL for drafts), "client-name", "issue-date",
 * "due-date" (ISO strings), "total" (gint64 cents TTC), "balance" (gint64 cents),
 * "days-late" (gint, 0 when not late), "quote-status" (gint, -1 when not a quote).
 * A draft's "due-date" is the one its payment terms give from its issue date (what
 * issuing it would store), NULL without an issue date. */
#define FACTURES_TYPE_DOCUMENT_ROW (factures_document_row_get_type ())
G_DECLARE_FINAL_TYPE (FacturesDocumentRow, factures_document_row, FACTURES, DOCUMENT_ROW, GObject)

gint64      factures_document_row_get_id          (FacturesDocumentRow *self);
gint        factures_document_row_get_kind        (FacturesDocumentRow *self);
gint        factures_document_row_get_status      (FacturesDocumentRow *self);
const char *factures_document_row_get_number      (FacturesDocumentRow *self);
const char *factures_document_row_get_client_name (FacturesDocumentRow *self);
const char *factures_document_row_get_issue_date  (FacturesDocumentRow *self);
const char *factures_document_row_get_due_date    (FacturesDocumentRow *self);
gint64      factures_document_row_get_total       (FacturesDocumentRow *self);
gint64      factures_document_row_get_balance     (FacturesDocumentRow *self);
gint        factures_document_row_get_days_late   (FacturesDocumentRow *self);
/* A quote's derived status (FacturesQuoteStatus of factures-lifecycle.h), -1 for
 * any other kind. Property "quote-status". */
gint        factures_document_row_get_quote_status (FacturesDocumentRow *self);

/* Used by the store's list models (and tests); strings are copied. */
FacturesDocumentRow *factures_document_row_new   (gint64      id,
                                                  gint        kind,
                                                  gint        status,
                                                  const char *number,
                                                  const char *client_name,
                                                  const char *issue_date,
                                                  const char *due_date,
                                                  gint64      total,
                                                  gint64      balance,
                                                  gint        days_late);
/* Issue 13 item 4: the document's ISO 4217 currency, NULL for euros (the default): "total" and
 * "balance" are in it. */
const char *factures_document_row_get_currency    (FacturesDocumentRow *self);
void        factures_document_row_set_currency    (FacturesDocumentRow *self,
                                                   const char          *currency);
/* Used by the store's list models after factures_document_row_new(): @status is a
 * FacturesQuoteStatus, or -1 (the default) when the row is not a quote. */
void        factures_document_row_set_quote_status (FacturesDocumentRow *self,
                                                    gint                 status);

G_END_DECLS
