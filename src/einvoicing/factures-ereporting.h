/* factures-ereporting.h — the e-reporting (Flux 10) of a period: what it holds, its XML, and
 * handing it to the plateforme agréée (issue 15 item 2)
 *
 * From 1 September 2027 a micro-entrepreneur reports through its PA the sales that are not
 * domestic B2B e-invoices, and their payments (PA.md §3; DGFiP external specifications v3.2,
 * annexe 6, XSD `ereporting.xsd`, root `Report`, no namespace):
 *  - 10.1 each invoice to a business abroad (the client's category is not « particulier » and
 *    its country is not France: src/core/factures-vat.h), one by one;
 *  - 10.2 the payments of those invoices;
 *  - 10.3 the sales to private persons (category « particulier », any country), per day ×
 *    currency × category: TLB1 goods, TPS1 services (default for the franchise en base with a
 *    VAT total of 0, to confirm against TNT1, PA.md §3 and §6 point 3); credit notes subtract;
 *    a final invoice counts without its deposit invoices (reported on their own day), each
 *    rate and category in proportion (to confirm);
 *  - 10.4 the payments of those sales per day.
 * Payment data is given for services only (goods excluded, reverse-charged lines excluded;
 * footnote 119), and for the franchise en base too (to confirm, PA.md §6 point 3). A payment
 * that pays goods and services counts for the services' share of the invoice's total.
 * The Sender is the PA (its registration number, schemeId 0238, role WK); the Issuer is the
 * declarant (SIREN, schemeId 0002, role SE). Dates are written YYYYMMDD (to confirm), amounts
 * with a point and two decimals.
 *
 * Handing over: AFNOR Flow Service POST /v1/flows with flowSyntax FRR, one flow per block, with
 * the processingRule B2BInt (10.1, 10.2) or B2C (10.3, 10.4); the PA computes the flowType
 * (PA.md §1.3: UnitaryCustomerTransactionReport, UnitaryCustomerPaymentReport,
 * AggregatedCustomerTransactionReport, AggregatedCustomerPaymentReport), which we record. That
 * route is "(to confirm)" in PA.md §3 (a PA may take other forms): the whole report is also
 * written to a file the user can upload (factures_ereport_default_file()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "factures-pa-client.h"
#include "factures-store-ereporting.h"
#include "factures-urssaf.h"

G_BEGIN_DECLS

/* One VAT rate of an invoice (10.1) or of a day (10.3). */
typedef struct {
  gint    rate_bp;
  char    code[4];      /* 10.1: the VAT category (BT-118: "E", "AE", "O", "S"…) */
  char   *vatex;        /* 10.1: the exemption reason code, NULL when none */
  gint64  base;         /* cents, in the document's currency */
  gint64  vat;          /* cents */
} FacturesEreportTax;

/* One rate of a payment (10.2, 10.4): the amount received in @currency. */
typedef struct {
  gint    rate_bp;
  char   *currency;
  gint64  amount;       /* cents; < 0 for a cancelled payment */
} FacturesEreportPaid;

/* 10.1: one invoice to a business abroad. Amounts in the document's currency, credit notes
 * with positive amounts and TypeCode 381, as in the invoice. */
typedef struct {
  gint64      document_id;
  char       *number;
  GDate       issue_date;
  GDate       due_date;
  gint        type_code;      /* 380, 381, 386 */
  char       *currency;
  char       *process_code;   /* BT-23: "S1", "B1", "M1" */
  char       *buyer_name;
  char       *buyer_country;
  char       *buyer_vat_id;   /* NULL when none */
  char       *buyer_legal_id; /* NULL when none */
  gint64      net_total;
  gint64      vat_total;
  gint64      gross_total;
  GArray     *taxes;          /* FacturesEreportTax */
} FacturesEreportInvoice;

/* 10.2: what came in on one day for one of those invoices. */
typedef struct {
  char   *number;
  GDate   issue_date;
  GDate   date;
  GArray *paid;              /* FacturesEreportPaid */
} FacturesEreportInvoicePayment;

/* 10.3: the sales to private persons of one day, in one currency and category. */
typedef struct {
  GDate        date;
  char        *currency;
  const char  *category;      /* "TLB1", "TPS1" (static) */
  gint64       net;           /* cents; credit notes subtract */
  gint64       vat;
  guint        count;         /* documents */
  GArray      *taxes;         /* FacturesEreportTax (rate, base, vat) */
} FacturesEreportDay;

/* 10.4: what private persons paid on one day. */
typedef struct {
  GDate   date;
  GArray *paid;              /* FacturesEreportPaid */
} FacturesEreportDayPayment;

/**
 * FacturesEreport:
 * @period: the period reported
 * @type_code: TT-4: "IN", or "RE" when a report of the period already reached the PA (it
 *   replaces all the data of the period)
 * @report_key: TT-1, unique: "<SIREN>-<start YYYYMMDD>-<made YYYYMMDDHHMMSS>-<n>", the n-th report
 *   made for the period
 * @made: TT-3, "YYYYMMDDHHMMSS" (UTC)
 * @sender_id: the PA's registration number; @sender_name: its name
 * @issuer_siren: the declarant's SIREN; @issuer_name: its name
 * @invoices: (element-type FacturesEreportInvoice) 10.1
 * @invoice_payments: (element-type FacturesEreportInvoicePayment) 10.2
 * @days: (element-type FacturesEreportDay) 10.3, by date, currency, category
 * @day_payments: (element-type FacturesEreportDayPayment) 10.4, by date
 */
typedef struct {
  FacturesEreportingPeriod  period;
  char                     *type_code;
  char                     *report_key;
  char                     *made;
  char                     *sender_id;
  char                     *sender_name;
  char                     *issuer_siren;
  char                     *issuer_name;
  GPtrArray                *invoices;
  GPtrArray                *invoice_payments;
  GPtrArray                *days;
  GPtrArray                *day_payments;
} FacturesEreport;

void factures_ereport_free (FacturesEreport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesEreport, factures_ereport_free)

/**
 * factures_ereporting_period_parse:
 * @text: "2027-09" (a month: the first month of a two-month period, or a month), or for a
 *   decade "2027-09-01", "2027-09-11", "2027-09-21"
 * @periodicity: the user's
 * @out: (out caller-allocates): the period
 * @error: FACTURES_ERROR_INVALID in French naming « Période »: not a date, a month that does not
 *   begin a period of @periodicity, a period before September 2027 (the e-reporting starts on
 *   1 September 2027), a period that has not begun (factures_today())
 *
 * Returns: TRUE when @text is a period
 */
gboolean factures_ereporting_period_parse (const char                     *text,
                                           FacturesEreportingPeriodicity   periodicity,
                                           FacturesEreportingPeriod       *out,
                                           GError                        **error);

/* "2027-09" or "2027-09-11" (decades), as factures_ereporting_period_parse() reads it. */
char    *factures_ereporting_period_key   (const FacturesEreportingPeriod *period);

/**
 * factures_ereport_build:
 * @store: the store
 * @period: the period
 * @now: (nullable): the time of making (NULL: now), UTC
 * @error: FACTURES_ERROR_INVALID in French when no PA account is saved (the Sender) or the
 *   profile has no SIREN (the Issuer); the store's errors
 *
 * Gathers the period's figures from the issued documents (their frozen buyer and lines,
 * factures_document_compute_totals()) and the payments (factures_store_ereporting_payments()).
 *
 * Returns: (transfer full): the report, NULL on error
 */
FacturesEreport *factures_ereport_build (FacturesStore                  *store,
                                         const FacturesEreportingPeriod *period,
                                         GDateTime                      *now,
                                         GError                        **error);

/* TRUE when no block holds anything (the XML still says the period, with no entry). */
gboolean factures_ereport_is_empty (const FacturesEreport *report);

/* The blocks, for factures_ereport_to_xml() and the flows. */
typedef enum {
  FACTURES_EREPORT_BLOCK_INVOICES         = 1 << 0,  /* 10.1 */
  FACTURES_EREPORT_BLOCK_INVOICE_PAYMENTS = 1 << 1,  /* 10.2 */
  FACTURES_EREPORT_BLOCK_DAYS             = 1 << 2,  /* 10.3 */
  FACTURES_EREPORT_BLOCK_DAY_PAYMENTS     = 1 << 3,  /* 10.4 */
  FACTURES_EREPORT_BLOCK_ALL              = 0xf,
} FacturesEreportBlocks;

/* The flowType of PA.md §1.3 and the processingRule of a single block (static). */
const char *factures_ereport_block_flow_type  (FacturesEreportBlocks block);
const char *factures_ereport_block_rule       (FacturesEreportBlocks block);

/**
 * factures_ereport_to_xml:
 * @report: the report
 * @blocks: which blocks to write (ALL for the file the user sees and keeps)
 *
 * The Flux 10 XML (UTF-8, no namespace, DGFiP XSD v3.2). TransactionsReport is written when
 * @blocks holds 10.1 or 10.3, PaymentsReport when it holds 10.2 or 10.4, each with the period
 * even when it holds no entry (an empty period).
 *
 * Returns: (transfer full): the bytes
 */
GBytes  *factures_ereport_to_xml (const FacturesEreport *report,
                                  FacturesEreportBlocks  blocks);

/* Validates @xml against the XSD at @xsd_path (libxml2); FACTURES_ERROR_FORMAT naming the line
 * and the schema's message. For the tests and the reference data. */
gboolean factures_ereport_check_xsd (GBytes      *xml,
                                     const char  *xsd_path,
                                     GError     **error);

/* Where the report is written when it is sent (the user can upload it if the PA does not take
 * FRR flows, to confirm): $XDG_DATA_HOME/factures/e-reporting/ereporting-<period>-<made>.xml.
 * Free with g_free(). */
char    *factures_ereport_default_file (const FacturesEreport *report);

/* Records the report as made (ereporting_reports): returns the row id, 0 on error. */
gint64   factures_ereport_record (FacturesStore         *store,
                                  const FacturesEreport *report,
                                  GBytes                *xml,
                                  const char            *file,
                                  GError               **error);

/* Told about each block handed over: @block "10.1"…, @flow_id the PA's (NULL on failure),
 * @problem the French reason of a failure (NULL on success). */
typedef void (*FacturesEreportSendFunc) (const char *block,
                                         const char *flow_id,
                                         const char *problem,
                                         gpointer    user_data);

/**
 * factures_ereport_send:
 * @store: the store
 * @client: the Flow Service client (factures_pa_open_client())
 * @report: the report
 * @report_id: its row (factures_ereport_record())
 * @on_block: (nullable): told about each block
 * @user_data: for @on_block
 * @out_sent: (out) (optional): how many blocks the PA took
 * @error: the first failure (FACTURES_PA_ERROR, French)
 *
 * Deposits each block that holds something as its own FRR flow (name
 * "ereporting-<period>-<block>.xml", trackingId "erep-<row>-<block>"), and records each attempt
 * (ereporting_flows). Blocking: run it in a worker thread from the window. An empty report
 * sends nothing (whether a « néant » report is due is to confirm) and returns TRUE.
 *
 * Returns: TRUE when every block went
 */
gboolean factures_ereport_send (FacturesStore           *store,
                                FacturesPaClient        *client,
                                const FacturesEreport   *report,
                                gint64                   report_id,
                                FacturesEreportSendFunc  on_block,
                                gpointer                 user_data,
                                guint                   *out_sent,
                                GError                 **error);

G_END_DECLS
