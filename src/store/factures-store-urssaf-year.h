/* factures-store-urssaf-year.h — the micro-entrepreneur's year as the window shows it (issue 17
 * items 3 and 7): receipts per month against the year before, the cumulative receipts, and each
 * micro ceiling and VAT franchise threshold with its crossing (done or projected) and alert
 *
 * Everything is computed by the core (factures-urssaf.h) from the split livre des recettes
 * (factures_store_list_split_receipts()); the window only shows it. Débours and VAT are left
 * out of every figure; what counts toward the VAT thresholds is the turnover located in France
 * (FacturesSplitReceipt.france_sales / france_services, LEGAL-2.md §2, to confirm).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-store-urssaf.h"

G_BEGIN_DECLS

/**
 * FacturesYearThreshold:
 * @kind: which ceiling or threshold
 * @row: (nullable) (transfer none): the row of the core's table (value, source, to_confirm);
 *   NULL when the table has no value for the year (@missing then says so)
 * @missing: (nullable): French message when @row is NULL
 * @amount: the threshold for the year in cents, prorated in the creation year
 * @prorated: TRUE when @amount was prorated (the activity began that year)
 * @crossing: the cumulated receipts that count, the crossing day or the projected one, the
 *   share of the threshold in tenths of a percent
 * @alert: 0 when no alert; the alert percentage reached (the settings' low or high one, 80 or 95
 *   by default) when below the threshold; 100 when crossed (the alert "on the day")
 */
typedef struct {
  FacturesThresholdKind    kind;
  const FacturesThreshold *row;
  char                    *missing;
  gint64                   amount;
  gboolean                 prorated;
  FacturesCrossing         crossing;
  guint                    alert;
} FacturesYearThreshold;

/**
 * FacturesUrssafYear:
 * @year: the year
 * @today: the last day counted (today, or 31 December of a past year)
 * @months: cents received per month of @year (every box: VAT and débours excluded)
 * @previous: the same for the year before
 * @cumulative: the cumulative receipts at the end of each month of @year (every box)
 * @cumulative_france: the same for what counts toward the VAT thresholds
 * @has_sales: some receipts of @year are in a sales box (the sales limits then apply)
 * @thresholds: (element-type FacturesYearThreshold): the limits that apply, in
 *   FacturesThresholdKind order (the sales ones only with sales)
 * @vat_crossed: the earliest day a major VAT threshold was exceeded (VAT is due from that day,
 *   art. 293 B II since 2025); invalid when none was
 * @base_crossed: a base VAT threshold was exceeded (the franchise ends on 1 January next year)
 */
typedef struct {
  guint   year;
  GDate   today;
  gint64  months[12];
  gint64  previous[12];
  gint64  cumulative[12];
  gint64  cumulative_france[12];
  gboolean has_sales;
  GArray *thresholds;
  GDate   vat_crossed;
  gboolean base_crossed;
} FacturesUrssafYear;

void factures_urssaf_year_free (FacturesUrssafYear *year);

/**
 * factures_store_urssaf_year:
 * @self: the store
 * @year: the year watched
 * @today: the day of the reckoning (receipts after it are not counted; the projection is at the
 *   pace up to it)
 * @settings: the user's situation (creation day, alert percentages)
 * @error: FACTURES_ERROR_DATABASE
 *
 * Receipts from the split livre des recettes, summed per month, and each ceiling and threshold
 * through factures_threshold_get(), factures_threshold_prorated() and
 * factures_threshold_crossing(). The micro ceilings count the whole turnover, the VAT
 * thresholds the turnover located in France; the sales limits apply only when something was
 * sold (mixed rule, to confirm).
 *
 * Returns: (transfer full): the year, NULL on error
 */
FacturesUrssafYear *factures_store_urssaf_year (FacturesStore                *self,
                                                guint                         year,
                                                const GDate                  *today,
                                                const FacturesUrssafSettings *settings,
                                                GError                      **error);

/**
 * FacturesIssuedSince:
 * @id: documents.id
 * @number: the document's number
 * @issue_date: its issue date
 * @client: the client's name as frozen in the document
 * @total: the amount due in cents
 */
typedef struct {
  gint64  id;
  char   *number;
  GDate   issue_date;
  char   *client;
  gint64  total;
} FacturesIssuedSince;

void factures_issued_since_free (FacturesIssuedSince *issued);

/**
 * factures_store_list_issued_since:
 * @self: the store
 * @since: first issue date
 * @error: FACTURES_ERROR_DATABASE
 *
 * The invoices and deposit invoices issued on or after @since, in number order, with what the
 * window shows of them: those to correct with credit notes once the VAT franchise threshold was
 * crossed on @since (art. 293 B II). The same documents as
 * factures_store_list_documents_issued_since().
 *
 * Returns: (transfer full) (element-type FacturesIssuedSince): the documents, NULL on error
 */
GPtrArray *factures_store_list_issued_since (FacturesStore  *self,
                                             const GDate    *since,
                                             GError        **error);

/**
 * factures_store_set_imported_activity:
 * @self: the store
 * @id: imported_invoices.id of an imported sale
 * @activity: what the sale was (FACTURES_LINE_ACTIVITY_DEFAULT: the profile's main activity)
 * @error: FACTURES_ERROR_INVALID in French naming the field "Activité" (not an activity, or
 *   DEFAULT while the profile has several activities: the same rule as a line at issue,
 *   factures_mentions_check() "line-activity"); FACTURES_ERROR_NOT_FOUND when @id is not an
 *   imported sale; FACTURES_ERROR_DATABASE. Nothing stored on error.
 *
 * Sets the activity an imported sale's receipts are declared in (issue 17 item 1: an imported
 * sale has no lines; it counts in the main activity unless said otherwise). The imported file is
 * not changed. A change that moves receipts of a month or quarter already declared to URSSAF is
 * refused with FACTURES_ERROR_NOT_EMPTY and the warning of
 * factures_store_imported_activity_warning(): the caller asks, then calls
 * factures_store_set_imported_activity_confirmed().
 */
gboolean factures_store_set_imported_activity (FacturesStore         *self,
                                               gint64                 id,
                                               FacturesLineActivity   activity,
                                               GError               **error);

/**
 * factures_store_set_imported_activity_confirmed:
 * @confirmed: the user confirmed the change of a declared period's figures
 *
 * factures_store_set_imported_activity(), the change made even when a period it touches is
 * declared when @confirmed (the declaration is then to be corrected on the URSSAF site).
 */
gboolean factures_store_set_imported_activity_confirmed (FacturesStore         *self,
                                                         gint64                 id,
                                                         FacturesLineActivity   activity,
                                                         gboolean               confirmed,
                                                         GError               **error);

/**
 * factures_store_imported_activity_warning:
 * @self: the store
 * @id: an imported sale
 * @error: FACTURES_ERROR_DATABASE
 *
 * When a receipt of the imported sale @id (a payment, or its cancellation) falls in a month or
 * quarter already declared to URSSAF, the French warning that changing its activity changes
 * that declaration's figures (naming the periods and the day each was declared), as a payment
 * dated in a declared period is warned of.
 *
 * Returns: (transfer full) (nullable): the warning, NULL when none (or on error, @error set)
 */
char    *factures_store_imported_activity_warning (FacturesStore  *self,
                                                   gint64          id,
                                                   GError        **error);

/* The activity stored for the imported sale @id (DEFAULT when never set): TRUE and @out set;
 * FALSE with FACTURES_ERROR_NOT_FOUND or FACTURES_ERROR_DATABASE. */
gboolean factures_store_get_imported_activity (FacturesStore         *self,
                                               gint64                 id,
                                               FacturesLineActivity  *out,
                                               GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesUrssafYear, factures_urssaf_year_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesIssuedSince, factures_issued_since_free)

G_END_DECLS
