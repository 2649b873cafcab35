/* factures-store-deadlines.h — the tax calendar's deadlines marked done, and the day the
 * deadline notification went out (issue 17 item 4, migration 0022)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-store.h"

G_BEGIN_DECLS

/**
 * factures_store_mark_deadline:
 * @self: the store
 * @kind: the deadline's kind key (factures_deadline_kind_key(): "urssaf", "vat", …)
 * @period: (not nullable): the day the deadline falls due
 * @done: TRUE: « Marquer comme fait »; FALSE: « Annuler » of that mark
 * @error: FACTURES_ERROR_INVALID (French, naming the field) for an empty kind, an invalid
 *   day, a deadline already in that state; FACTURES_ERROR_DATABASE
 *
 * Appends a mark (deadline_marks is append-only: an « Annuler » is a new row, never a
 * deletion). Emits "changed" without any item (the to-do queue updates its own item).
 *
 * A URSSAF declaration's deadline (@kind "urssaf") marked done also marks the month (or
 * quarter, as the URSSAF settings say) it declares « déclarée » on today, as
 * factures_store_mark_declared() does, unless it already was; marking it done before the
 * period's last day is refused (FACTURES_ERROR_INVALID, naming the period), nothing stored.
 * Its « Annuler » takes that declaration back when the mark made it (declared and recorded on
 * the day of the mark), and only then. Both in one transaction.
 */
gboolean factures_store_mark_deadline (FacturesStore  *self,
                                       const char     *kind,
                                       const GDate    *period,
                                       gboolean        done,
                                       GError        **error);

/**
 * factures_store_list_deadlines_done:
 * @self: the store
 * @error: FACTURES_ERROR_DATABASE
 *
 * Returns: (transfer full) (element-type utf8 utf8): the set of deadlines done now, as keys
 *   "KIND/YYYY-MM-DD" (the last mark of each says done), NULL on error
 */
GHashTable *factures_store_list_deadlines_done (FacturesStore  *self,
                                                GError        **error);

/**
 * factures_store_claim_deadline_notification:
 * @self: the store
 * @today: the day
 * @out_claimed: (out): TRUE when no deadline notification went out on @today yet (it is now
 *   recorded as sent), FALSE when one did
 * @error: FACTURES_ERROR_DATABASE
 *
 * The deadline notification goes out once a day, not at every start.
 */
gboolean factures_store_claim_deadline_notification (FacturesStore  *self,
                                                     const GDate    *today,
                                                     gboolean       *out_claimed,
                                                     GError        **error);

/**
 * factures_store_list_reverse_charge_months_since:
 * @self: the store
 * @since: the first day looked at
 * @months: (element-type utf8): receives "YYYY-MM" of each month from @since with an issued
 *   invoice having a line reverse-charged in the EU (category AE): the DES months
 * @error: FACTURES_ERROR_DATABASE
 *
 * The months of reverse-charged invoices from a date on, through the index of issue
 * dates (issue 12: the To-Do queue asks it at each refresh; it costs the months it reads).
 */
gboolean factures_store_list_reverse_charge_months_since (FacturesStore  *self,
                                                          const GDate    *since,
                                                          GPtrArray      *months,
                                                          GError        **error);

/**
 * FacturesRefusedInvoice:
 * @document_id: the invoice
 * @number: its number
 * @client_name: its client
 * @date: the day the plateforme agréée's refusal was recorded
 * @note: the dispute's note ("[PA 210] Through the plateforme agréée: refusée (210) — …")
 */
typedef struct {
  gint64  document_id;
  char   *number;
  char   *client_name;
  GDate   date;
  char   *note;
} FacturesRefusedInvoice;

void factures_refused_invoice_free (FacturesRefusedInvoice *invoice);

/**
 * factures_store_list_refused_einvoices:
 * @self: the store
 * @error: FACTURES_ERROR_DATABASE
 *
 * The invoices the plateforme agréée refused (210) or rejected (213) that still have a balance
 * (no credit note yet): their dispute is open (factures_store_pa_record_status() opens it with
 * the note "[PA 210] …"), which takes them out of the dunning ladder, so the To-Do queue lists
 * them apart (issue 12's common kind of item). Oldest first.
 *
 * Returns: (transfer full) (element-type FacturesRefusedInvoice): NULL on error
 */
GPtrArray *factures_store_list_refused_einvoices (FacturesStore  *self,
                                                  GError        **error);

G_END_DECLS
