/* factures-recurrence.h — recurring invoice templates, catalogue items, client
 * payment history (issue 3 items 4, 8, 10)
 *
 * Plain structs and pure rules (no I/O); the store keeps them in the tables of
 * migration 0003-recurring-catalogue.sql.
 * Money is gint64 cents, quantities 1e-4, unit prices 1e-6 €, rates basis points.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "factures-document.h"

G_BEGIN_DECLS

/* A template's period; the value is its length in months. */
typedef enum {
  FACTURES_PERIOD_MONTHLY   = 1,
  FACTURES_PERIOD_QUARTERLY = 3,
  FACTURES_PERIOD_YEARLY    = 12,
} FacturesPeriod;

gboolean    factures_period_is_valid (gint period);
/* "Monthly", "Quarterly", "Yearly" (translated). */
const char *factures_period_title    (FacturesPeriod period);

/**
 * FacturesRecurring:
 * A recurring invoice template: on each occurrence date the store creates a
 * draft invoice for @client_id with a copy of @lines (or issues it, when
 * @auto_issue and the occurrence is due on the day it runs).
 */
typedef struct {
  gint64          id;             /* 0 until stored */
  gint64          client_id;
  char           *client_name;    /* filled by the store when read */
  FacturesPeriod  period;
  GDate           start_date;     /* first occurrence; its day of month is kept */
  GDate           next_date;      /* next occurrence to create */
  GDate           end_date;       /* last possible occurrence; invalid: no end */
  gboolean        auto_issue;     /* issue on the day instead of leaving a draft */
  gint64          allowance;      /* document-level allowance, cents */
  char           *notes;
  GPtrArray      *lines;          /* FacturesLine*, owned */
  char           *currency;       /* ISO 4217 code of the invoices (BT-5), NULL for euros
                                   * (migration 0024); amounts in its cents */
} FacturesRecurring;

FacturesRecurring *factures_recurring_new  (void);
FacturesRecurring *factures_recurring_copy (const FacturesRecurring *recurring);
void               factures_recurring_free (FacturesRecurring *recurring);

/**
 * factures_recurrence_nth:
 * @start: the first occurrence
 * @period: months between occurrences
 * @n: 0 for @start
 * @out: (out caller-allocates): @start + @n × @period months, on @start's day
 *   of month, or the last day of a shorter month (31 Jan → 28 Feb → 31 Mar)
 */
void      factures_recurrence_nth   (const GDate    *start,
                                     FacturesPeriod  period,
                                     guint           n,
                                     GDate          *out);

/**
 * factures_recurrence_after:
 * @out: (out caller-allocates): the first occurrence strictly after @date
 *   (an occurrence of @start's series, never drifting to shorter months' days)
 */
void      factures_recurrence_after (const GDate    *start,
                                     FacturesPeriod  period,
                                     const GDate    *date,
                                     GDate          *out);

/* The occurrence dates from @recurring->next_date up to @today included (and
 * up to the end date): GArray of GDate, empty when none is due. */
GArray   *factures_recurring_due_dates (const FacturesRecurring *recurring,
                                        const GDate             *today);

/* A catalogue item (product or service) picked into invoice lines. */
typedef struct {
  gint64   id;             /* 0 until stored */
  char    *name;           /* required, becomes the line's first description line */
  char    *description;    /* optional, appended below the name */
  char    *unit;           /* "h", "jour", "pièce", may be NULL */
  gint64   unit_price;     /* 1e-6 € HT */
  gint     vat_rate_bp;
  gboolean is_goods;       /* TRUE: goods (livraison de biens), FALSE: service */
  /* Issue 13 (migration 0013): the activity its lines carry (factures-vat.h). DEFAULT: GOODS when
   * is_goods, else the profile's; the store keeps is_goods = (activity == GOODS) when it is set. */
  FacturesLineActivity activity;
} FacturesCatalogueItem;

FacturesCatalogueItem *factures_catalogue_item_new  (void);
FacturesCatalogueItem *factures_catalogue_item_copy (const FacturesCatalogueItem *item);
void                   factures_catalogue_item_free (FacturesCatalogueItem *item);

/* A new invoice line from @item: description "name" or "name\ndescription",
 * quantity 1, the item's unit, price and VAT rate (0 when @vat_exempt). */
FacturesLine          *factures_catalogue_item_to_line (const FacturesCatalogueItem *item,
                                                        gboolean                     vat_exempt);

/* Payment risk of a client from its history (issue 3 item 10). */
typedef enum {
  FACTURES_RISK_UNKNOWN,   /* nothing was due yet: no invoice paid, none late */
  FACTURES_RISK_LOW,
  FACTURES_RISK_MEDIUM,
  FACTURES_RISK_HIGH,
} FacturesRisk;

/**
 * FacturesClientHistory:
 * What a client owes and how it pays, computed by the store from its documents.
 */
typedef struct {
  guint   n_documents;        /* every kind, drafts included */
  guint   n_invoices;         /* issued invoices and deposit invoices */
  gint64  invoiced_total;     /* their gross totals, cents */
  gint64  outstanding;        /* amount due over them, cents */
  gint64  overdue;            /* amount due past the due date, cents */
  guint   n_overdue;          /* invoices past due with a balance */
  gint    max_days_late;      /* of the overdue ones, 0 when none */
  guint   n_paid;             /* invoices with a known payment date */
  gint    average_delay;      /* mean days from due date to payment (negative: early);
                               * valid only when n_paid > 0 */
} FacturesClientHistory;

/**
 * factures_client_history_risk:
 *
 * A plain indicator from the history, to decide whether to ask a deposit:
 * UNKNOWN before anything was due (no invoice paid, none late); HIGH when an invoice is more than 30 days
 * late, when more than half the outstanding amount is overdue, or when
 * invoices are paid more than 30 days late on average; MEDIUM when something
 * is overdue or invoices are paid more than 7 days late on average; LOW otherwise.
 */
FacturesRisk factures_client_history_risk (const FacturesClientHistory *history);
/* "No history", "Low", "Medium", "High" (translated). */
const char  *factures_risk_title          (FacturesRisk risk);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesRecurring, factures_recurring_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesCatalogueItem, factures_catalogue_item_free)

G_END_DECLS
