/* factures-store-urssaf.h — the livre des recettes split by URSSAF box, the user's URSSAF
 * settings and the periods declared (issue 17, migration 0016-urssaf.sql)
 *
 * Every receipt of the livre des recettes (factures-store-receipts.h) is split by the activities
 * of the lines it pays, pro rata of their amounts (LEGAL-2.md §3: a mixed activity is declared
 * box by box):
 *  - a payment: each part allocated to an invoice is split over that invoice's lines in
 *    proportion to their nets (after the document's allowance, pro rata); the VAT is removed
 *    pro rata of the invoice's VAT over its total (once the user charges VAT); débours lines
 *    (lines.debours) are set apart and excluded from every figure;
 *  - the part of a payment kept as client credit (not allocated by that payment) counts when it
 *    is received, in the profile's main activity (factures_vat_line_activity() of a line
 *    without activity), whole;
 *  - the cancellation of a payment is the same split, negative, on the day it was cancelled;
 *  - a paid imported sale (it has no lines in the store) counts in the main activity, without
 *    the VAT of the file (BT-110 over BT-112, pro rata, when the file is in EUR).
 * The store records no refund of a credit note (no money goes out through it): a credit note
 * lowers what is still due, and nothing is declared for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-store.h"
#include "factures-store-receipts.h"
#include "factures-store-purchases.h"
#include "factures-urssaf.h"

G_BEGIN_DECLS

/**
 * FacturesSplitReceipt:
 * @receipt: (owned): the entry of the livre des recettes
 * @box: cents per URSSAF box, VAT and débours excluded (negative for a cancellation)
 * @vat: cents of VAT removed
 * @debours: cents of débours set apart
 * @france_sales: cents of @box counting toward the VAT franchise threshold, goods
 * @france_services: the same, services. Operations located in France only (LEGAL-2.md §2:
 *   "chiffre d'affaires réalisé en France" since 2025, to confirm): lines of category AE, O
 *   (art. 259-1°), G (export) or K are left out.
 *
 * @receipt->amount = Σ @box + @vat + @debours.
 */
typedef struct {
  FacturesReceipt *receipt;
  gint64           box[FACTURES_URSSAF_N_BOXES];
  gint64           vat;
  gint64           debours;
  gint64           france_sales;
  gint64           france_services;
} FacturesSplitReceipt;

void factures_split_receipt_free (FacturesSplitReceipt *split);

/**
 * factures_store_list_split_receipts:
 * @self: the store
 * @from: first day (included)
 * @to: last day (included)
 * @error: as factures_store_list_receipts(); FACTURES_ERROR_DATABASE
 *
 * The livre des recettes from @from to @to, each entry split as said above, in cash-in order.
 *
 * Returns: (transfer full) (element-type FacturesSplitReceipt): the entries, NULL on error
 */
GPtrArray *factures_store_list_split_receipts (FacturesStore  *self,
                                               const GDate    *from,
                                               const GDate    *to,
                                               GError        **error);

/**
 * factures_store_get_urssaf_settings:
 * @self: the store
 * @out: (out caller-allocates): the settings (factures_urssaf_settings_clear() them); the
 *   defaults when never saved; vat_return, when the profile is VAT-registered, is the return
 *   chosen in Preferences (migration 0026: CA12, the régime simplifié of a micro leaving the
 *   franchise, by default; CA3 monthly or quarterly), else NONE
 * @error: FACTURES_ERROR_DATABASE
 */
gboolean factures_store_get_urssaf_settings (FacturesStore           *self,
                                             FacturesUrssafSettings  *out,
                                             GError                 **error);

/**
 * factures_store_set_urssaf_settings:
 * @self: the store
 * @settings: the settings to keep
 * @error: FACTURES_ERROR_INVALID in French naming the field (alert percentages not 1–100 or
 *   the first above the second; an FEC account number (NULL: the default) that is not 1 to 20
 *   digits and letters; a département that is not
 *   2 or 3 characters of digits, 2A or 2B; a vat_return beyond CA3_QUARTERLY); nothing stored.
 *   vat_return NONE keeps the return chosen before (a franchise profile's settings).
 */
gboolean factures_store_set_urssaf_settings (FacturesStore                *self,
                                             const FacturesUrssafSettings *settings,
                                             GError                      **error);

/**
 * factures_store_urssaf_declaration:
 * @self: the store
 * @period: the month or quarter
 * @settings: the user's situation
 * @error: FACTURES_ERROR_INVALID when the rate table has a gap for the period;
 *   FACTURES_ERROR_DATABASE
 *
 * The cash received in @period per box (factures_store_list_split_receipts() summed), then
 * factures_urssaf_declaration_compute().
 *
 * Returns: (transfer full): the declaration, NULL on error
 */
FacturesUrssafDeclaration *factures_store_urssaf_declaration (FacturesStore                *self,
                                                              const FacturesUrssafPeriod   *period,
                                                              const FacturesUrssafSettings *settings,
                                                              GError                      **error);

/**
 * factures_store_mark_declared:
 * @self: the store
 * @period: the period
 * @date: the day it was declared: valid, not before the period's end, not after today
 * @error: FACTURES_ERROR_INVALID in French naming the field "Date de déclaration" (or the
 *   period already marked); nothing stored
 *
 * Marks @period "déclarée" on @date.
 */
gboolean factures_store_mark_declared (FacturesStore              *self,
                                       const FacturesUrssafPeriod *period,
                                       const GDate                *date,
                                       GError                    **error);

/* The day @period was marked declared: TRUE and @out set, FALSE when it was not (or on a
 * database error, which is then set). */
gboolean factures_store_get_declared  (FacturesStore              *self,
                                       const FacturesUrssafPeriod *period,
                                       GDate                      *out,
                                       GError                    **error);

/**
 * factures_store_list_documents_issued_since:
 * @self: the store
 * @since: first issue date
 * @numbers: (element-type utf8): where to add the numbers (owned strings) of the invoices and
 *   deposit invoices issued on or after @since, in number order
 * @error: FACTURES_ERROR_DATABASE
 *
 * The invoices to correct with credit notes once the VAT franchise threshold was crossed on
 * @since (art. 293 B II: VAT is due from that day).
 */
gboolean factures_store_list_documents_issued_since (FacturesStore  *self,
                                                     const GDate    *since,
                                                     GPtrArray      *numbers,
                                                     GError        **error);

/* The registre des achats: factures-store-purchases.h (migration 0019). */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesSplitReceipt, factures_split_receipt_free)

G_END_DECLS
