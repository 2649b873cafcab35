/* factures-store-recurring.h — recurring invoices, the catalogue and client
 * history in the store (issue 3 items 4, 8, 10; migration 0003-recurring-catalogue.sql)
 *
 * Errors are in the FACTURES_ERROR domain. Every write is one transaction and
 * emits the store's "changed" signal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-store.h"
#include "factures-recurrence.h"

G_BEGIN_DECLS

/* ---- recurring templates ---- */

/**
 * factures_store_save_recurring:
 * @recurring: inserted when its id is 0 (and the id set), else updated; its
 *   text is replaced by the cleaned form. next_date defaults to start_date.
 * @error: FACTURES_ERROR_INVALID naming the field (client, period, dates: end
 *   before start, next date before start; at least one line; line description,
 *   quantity, VAT rate, discount), FACTURES_ERROR_NOT_FOUND for an unknown client
 */
gboolean           factures_store_save_recurring   (FacturesStore      *self,
                                                    FacturesRecurring  *recurring,
                                                    GError            **error);
FacturesRecurring *factures_store_get_recurring    (FacturesStore      *self,
                                                    gint64              id,
                                                    GError            **error);
/* Deletes the template; the documents it created stay (their occurrences go). */
gboolean           factures_store_delete_recurring (FacturesStore      *self,
                                                    gint64              id,
                                                    GError            **error);
/* (transfer full) (element-type FacturesRecurring): every template, by next date. */
GPtrArray         *factures_store_list_recurring   (FacturesStore      *self,
                                                    GError            **error);

/**
 * factures_store_recurring_from_document:
 * @document_id: any document: its client, lines, discount and notes are copied
 * @start: the first occurrence
 * @end: (nullable): the last possible occurrence, or NULL/invalid for none
 *
 * Returns: the new template's id, 0 on error (FACTURES_ERROR_INVALID when the
 *   document has no client or no line).
 */
gint64             factures_store_recurring_from_document (FacturesStore  *self,
                                                           gint64          document_id,
                                                           FacturesPeriod  period,
                                                           const GDate    *start,
                                                           const GDate    *end,
                                                           gboolean        auto_issue,
                                                           GError        **error);

/* What one run did. */
typedef struct {
  guint created;    /* drafts created (issued ones included) */
  guint issued;     /* of which issued on their day */
  guint missed;     /* of which created after their date: left as drafts, listed */
  guint failed;     /* automatic issues refused (the draft stays, the reason is kept) */
} FacturesRecurringRun;

/**
 * factures_store_run_recurring:
 * @today: the run's date (factures_today())
 * @render: (nullable): draws the PDF when a template issues automatically;
 *   NULL: every occurrence stays a draft
 * @out: (out caller-allocates) (optional): what was done
 *
 * For each template, each occurrence from its next date up to @today (and its
 * end date) is created once: the row (template, occurrence date) of
 * recurring_occurrences and the draft invoice dated on the occurrence are
 * written in one transaction, and the primary key refuses a second one, so
 * running again (or two processes at once) creates nothing twice. An
 * occurrence dated before @today was missed (the app was closed): it stays a
 * draft, flagged for the user, even when the template issues automatically, so
 * issued numbers keep following their dates. An occurrence dated @today of an
 * automatic template is issued in the same transaction as its row and draft (a
 * process killed at any point leaves either nothing or the issued invoice, never a
 * silent draft); when issuing is refused (a missing mention, the date order) the
 * draft stays and the reason is kept, still in that transaction.
 *
 * Returns: FALSE only on a database error.
 */
gboolean           factures_store_run_recurring    (FacturesStore         *self,
                                                    const GDate           *today,
                                                    FacturesRenderFunc     render,
                                                    gpointer               user_data,
                                                    FacturesRecurringRun  *out,
                                                    GError               **error);

/* An occurrence created late or whose automatic issue failed, to show the user. */
typedef struct {
  gint64  template_id;
  GDate   date;           /* the occurrence date */
  gint64  document_id;    /* 0 when the draft was deleted since */
  char   *client_name;
  char   *issue_error;    /* NULL, or why the automatic issue was refused */
  char   *number;         /* its number when it was issued, else NULL (factures_store_list_occurrences()) */
} FacturesOccurrence;

void               factures_occurrence_free        (FacturesOccurrence *occurrence);

/* (transfer full) (element-type FacturesOccurrence): not yet seen, oldest first. */
GPtrArray         *factures_store_list_unseen_occurrences (FacturesStore  *self,
                                                           GError        **error);
gboolean           factures_store_mark_occurrences_seen   (FacturesStore  *self,
                                                           GError        **error);

/**
 * factures_store_list_occurrences:
 * @error: FACTURES_ERROR_DATABASE
 *
 * Every occurrence created so far, seen or not, missed, issued or left as a draft, oldest first,
 * with the number of the invoice when it was issued (trial 6 finding 5: --run-recurring lists
 * each invoice its run created).
 *
 * Returns: (transfer full) (element-type FacturesOccurrence): the list, or NULL on error.
 */
GPtrArray         *factures_store_list_occurrences        (FacturesStore  *self,
                                                           GError        **error);

/* ---- catalogue ---- */

/* Insert (id 0) or update. FACTURES_ERROR_INVALID naming the field (name
 * required, lengths, negative price, VAT rate). */
gboolean           factures_store_save_catalogue_item   (FacturesStore          *self,
                                                         FacturesCatalogueItem  *item,
                                                         GError                **error);
gboolean           factures_store_delete_catalogue_item (FacturesStore          *self,
                                                         gint64                  id,
                                                         GError                **error);
/* (transfer full) (element-type FacturesCatalogueItem): by name; @search
 * (nullable) matches name, description and unit, case- and accent-insensitive. */
GPtrArray         *factures_store_search_catalogue      (FacturesStore          *self,
                                                         const char             *search,
                                                         GError                **error);

/* ---- client history ---- */

/**
 * factures_store_client_history:
 * @today: for what is late
 * @out: (out caller-allocates): filled
 *
 * Counts the client's documents, sums what its issued invoices and deposit
 * invoices still owe (net of credit notes and payments) and what of it is
 * past due, and the average delay between the due date and the day an invoice
 * was fully paid (its last payment, issue 4).
 */
gboolean           factures_store_client_history        (FacturesStore          *self,
                                                         gint64                  client_id,
                                                         const GDate            *today,
                                                         FacturesClientHistory  *out,
                                                         GError                **error);

/* (transfer full) (element-type FacturesDocumentRow): every document of the
 * client, newest first; balance net of credit notes and payments. */
GPtrArray         *factures_store_list_client_documents (FacturesStore          *self,
                                                         gint64                  client_id,
                                                         const GDate            *today,
                                                         GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesOccurrence, factures_occurrence_free)

G_END_DECLS
