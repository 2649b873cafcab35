/* factures-store-payments-impl-private.h — what the files that were factures-store-payments.c
 * share: documents as they see them, runs, small helpers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-store-private.h"
#include "factures-store-payments-private.h"

G_BEGIN_DECLS

typedef struct {
  gint64                  id;
  gint                    kind;
  gint                    status;
  char                   *number;
  GDate                   issue_date;
  GDate                   due_date;
  gint64                  amount_due;
  gint64                  credited;
  gint64                  paid;
  gint64                  client_id;
  char                   *client_name;
  char                   *buyer_json;
  char                   *seller_json;
  gboolean                has_category;   /* the buyer's category, read by SQL (issue 12: */
  gint                    category;       /* not the buyer JSON parsed for each row) */
} DocInfo;

typedef struct {
  gint   instalment;
  GDate  due_date;
  gint64 balance;
} RunInfo;


gboolean
factures_store_pay_invalid (GError     **error,
                            const char  *format,
                            ...) G_GNUC_PRINTF (2, 3);

gboolean
factures_store_pay_query_int64 (FacturesStore  *self,
                                const char     *sql,
                                gint64          param,
                                gint64         *out,
                                GError        **error);

void
factures_store_pay_doc_info_free (DocInfo *info);

gint64
factures_store_pay_doc_balance (const DocInfo *info);

gboolean
factures_store_pay_is_payable (const DocInfo *info);

DocInfo *
factures_store_pay_load_doc (FacturesStore  *self,
                             gint64          id,
                             GError        **error);

GPtrArray *
factures_store_pay_load_open_docs (FacturesStore  *self,
                                   GError        **error);

FacturesClientCategory
factures_store_pay_doc_category (const DocInfo *info);

gint
factures_store_pay_doc_fixed_rate (const DocInfo *info);

GArray *
factures_store_pay_load_instalments (FacturesStore  *self,
                                     const DocInfo  *info,
                                     GError        **error);

GArray *
factures_store_pay_load_runs (FacturesStore  *self,
                              const DocInfo  *info,
                              GError        **error);

gboolean
factures_store_pay_check_open_invoice (FacturesStore  *self,
                                       gint64          document_id,
                                       GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocInfo, factures_store_pay_doc_info_free)

#define DOC_INFO_COLUMNS \
  "id, kind, status, number, issue_date, due_date, amount_due, " \
  FACTURES_CREDITED_EXPR ", " FACTURES_PAID_EXPR ", client_id, client_name, buyer, seller, " \
  "CASE WHEN json_valid (buyer) AND json_type (buyer, '$.category') = 'integer' " \
  "THEN json_extract (buyer, '$.category') END"

G_END_DECLS
