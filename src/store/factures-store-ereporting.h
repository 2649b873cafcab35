/* factures-store-ereporting.h — the e-reporting tables (issue 15 item 2; migration 0021)
 *
 * What the report of a period is made from (the issued documents and the payments of the
 * period), how often it goes, and what was made and handed to the plateforme agréée. The
 * report itself is built in src/einvoicing/factures-ereporting.h. Errors are in the
 * FACTURES_ERROR domain. Facts: PA.md §1.3 (flowType, processingRule), §3 (Flux 10).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-store.h"
#include "factures-urssaf.h"

G_BEGIN_DECLS

/* The stored periodicity; BIMONTHLY (the franchise en base) when none was saved. */
gboolean factures_store_get_ereporting_periodicity (FacturesStore                  *self,
                                                    FacturesEreportingPeriodicity  *out,
                                                    GError                        **error);
/* Saves it; FACTURES_ERROR_INVALID (« Périodicité de l’e-reporting ») for a value out of the
 * enum. Emits "changed". */
gboolean factures_store_set_ereporting_periodicity (FacturesStore                  *self,
                                                    FacturesEreportingPeriodicity   periodicity,
                                                    GError                        **error);

/* The ids of the issued invoices, deposit invoices and credit notes issued from @from to @to
 * (included), in issue order. Returns: (transfer full): GArray of gint64, NULL on error. */
GArray  *factures_store_ereporting_document_ids    (FacturesStore  *self,
                                                    const GDate    *from,
                                                    const GDate    *to,
                                                    GError        **error);

/**
 * FacturesEreportingPaymentRow:
 * @document_id: the issued document paid
 * @date: the day the money came in, or the day the payment was cancelled
 * @amount: cents allocated to the document (> 0); < 0 for a cancellation (the payment was
 *   received in an earlier or the same period, then cancelled: to confirm with the PA)
 *
 * One part of a payment (payment_allocations with a payment: a client credit applied later is
 * not money received) of the period.
 */
typedef struct {
  gint64 document_id;
  GDate  date;
  gint64 amount;
} FacturesEreportingPaymentRow;

/* The payment rows dated from @from to @to, by date then document. Returns: (transfer full):
 * GArray of FacturesEreportingPaymentRow, NULL on error. */
GArray  *factures_store_ereporting_payments        (FacturesStore  *self,
                                                    const GDate    *from,
                                                    const GDate    *to,
                                                    GError        **error);

/**
 * FacturesEreportingRecord:
 * @id: the row
 * @start: the period's first day
 * @end: its last day
 * @periodicity: the kind of period
 * @report_key: TT-1, the report's identifier
 * @type_code: TT-4, "IN" or "RE"
 * @made: when it was made, "YYYY-MM-DDTHH:MM:SSZ"
 * @sha256: of the XML
 * @file: (nullable): where it was written
 * @n_invoices: 10.1 entries; @n_payments: 10.2; @n_days: 10.3; @n_day_payments: 10.4
 * @flows_sent: how many blocks the PA took (a flow recorded "sent")
 * @flows_failed: how many attempts failed
 *
 * A report made for a period (ereporting_reports).
 */
typedef struct {
  gint64                         id;
  GDate                          start;
  GDate                          end;
  FacturesEreportingPeriodicity  periodicity;
  char                          *report_key;
  char                          *type_code;
  char                          *made;
  char                          *sha256;
  char                          *file;
  guint                          n_invoices;
  guint                          n_payments;
  guint                          n_days;
  guint                          n_day_payments;
  guint                          flows_sent;
  guint                          flows_failed;
} FacturesEreportingRecord;

void     factures_ereporting_record_free (FacturesEreportingRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesEreportingRecord, factures_ereporting_record_free)

/* Records a report as made (@record: every member but @id, @flows_*; @xml its bytes). Returns
 * the new row's id, 0 on error (FACTURES_ERROR_DATABASE, FACTURES_ERROR_INVALID when the
 * report key is already used). */
gint64   factures_store_ereporting_add_report      (FacturesStore                  *self,
                                                    const FacturesEreportingRecord *record,
                                                    GBytes                         *xml,
                                                    GError                        **error);
/* The XML of the report @id as it was made; NULL with FACTURES_ERROR_NOT_FOUND. */
GBytes  *factures_store_ereporting_get_xml         (FacturesStore  *self,
                                                    gint64          id,
                                                    GError        **error);

/**
 * FacturesEreportingFlow:
 * @block: "10.1", "10.2", "10.3" or "10.4"
 * @flow_type: PA.md §1.3 ("UnitaryCustomerTransactionReport", …)
 * @processing_rule: "B2BInt" (10.1, 10.2) or "B2C" (10.3, 10.4)
 * @tracking_id: ours (≤ 36)
 * @sha256: of the bytes handed over
 * @sent: TRUE when the PA took it (@flow_id, @submitted_at set), FALSE: @error says why not
 * @flow_id: (nullable); @submitted_at: (nullable); @error: (nullable), French
 * @attempted: "YYYY-MM-DDTHH:MM:SSZ"
 *
 * One block of a report handed to the PA (ereporting_flows).
 */
typedef struct {
  char     *block;
  char     *flow_type;
  char     *processing_rule;
  char     *tracking_id;
  char     *sha256;
  gboolean  sent;
  char     *flow_id;
  char     *submitted_at;
  char     *error;
  char     *attempted;
} FacturesEreportingFlow;

void     factures_ereporting_flow_free (FacturesEreportingFlow *flow);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesEreportingFlow, factures_ereporting_flow_free)

/* Appends one attempt of the report @report_id; FACTURES_ERROR_INVALID for an unknown block or
 * rule, a sent flow without flowId. */
gboolean factures_store_ereporting_add_flow        (FacturesStore                *self,
                                                    gint64                        report_id,
                                                    const FacturesEreportingFlow *flow,
                                                    GError                      **error);
/* The reports made for the period beginning @start, the newest first.
 * Returns: (transfer full) (element-type FacturesEreportingRecord), NULL on error. */
GPtrArray *factures_store_ereporting_list_reports  (FacturesStore  *self,
                                                    const GDate    *start,
                                                    GError        **error);
/* The flows of the report @report_id in the order they were attempted.
 * Returns: (transfer full) (element-type FacturesEreportingFlow), NULL on error. */
GPtrArray *factures_store_ereporting_list_flows    (FacturesStore  *self,
                                                    gint64          report_id,
                                                    GError        **error);
/* Whether a block of a report of the period beginning @start was taken by the PA: a new report
 * for it is then a correction (TT-4 "RE", which replaces all data of the period, PA.md §3).
 * FALSE with @error set on a database error. */
gboolean   factures_store_ereporting_period_sent   (FacturesStore  *self,
                                                    const GDate    *start,
                                                    GError        **error);

G_END_DECLS
