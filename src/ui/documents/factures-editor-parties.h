/* factures-editor-parties.h — the editor's "Client and Dates" section: the client
 * chooser, the issue and delivery dates (each with its message under it) and the due date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_EDITOR_PARTIES (factures_editor_parties_get_type ())
G_DECLARE_FINAL_TYPE (FacturesEditorParties, factures_editor_parties, FACTURES, EDITOR_PARTIES,
                      AdwPreferencesGroup)

/* Signals: "changed" (no arguments): a date was edited;
 * "client-chosen" (gint64 id): a client was picked in the chooser. */

/* The store the chooser lists clients from (required before the chooser opens). */
void     factures_editor_parties_set_store    (FacturesEditorParties  *self,
                                               FacturesStore          *store);
/* Shows @buyer ("Name — City", or "No client chosen" when NULL). */
void     factures_editor_parties_set_client   (FacturesEditorParties  *self,
                                               const FacturesClient   *buyer);
/* Fills the dates (invalid dates: empty fields) as loaded, not typed: no message shows
 * until the user edits a date or factures_editor_parties_collect() is asked to reveal. */
void     factures_editor_parties_set_dates    (FacturesEditorParties  *self,
                                               const GDate            *issue_date,
                                               const GDate            *delivery_date);
/**
 * factures_editor_parties_collect:
 * @document: the working copy: its issue and delivery dates are set from the fields
 *   (a wrong field keeps the previous value)
 * @reveal: show the messages of untouched fields too
 * @messages: (element-type utf8): every message shown is added (each names its field)
 *
 * Returns: FALSE when a date is wrong, with the first error (FACTURES_ERROR_INVALID)
 */
gboolean factures_editor_parties_collect      (FacturesEditorParties  *self,
                                               FacturesDocument       *document,
                                               gboolean                reveal,
                                               GPtrArray              *messages,
                                               GError                **error);
/* Shows the due date of @document and its terms or payment schedule. */
void     factures_editor_parties_set_due      (FacturesEditorParties  *self,
                                               const FacturesDocument *document);
void     factures_editor_parties_set_editable (FacturesEditorParties  *self,
                                               gboolean                editable);
/**
 * factures_editor_parties_set_currency:
 * @currency: (nullable): the document's ISO 4217 code (NULL: euros)
 * @exchange_rate: its rate (millionths of a euro per unit, 0: none), shown in the rate field,
 *   which only shows for another currency than the euro
 * @changeable: FALSE for a credit note, which keeps its invoice's currency
 *
 * Issue 13 item 4: fills the currency chooser and the rate as loaded, not typed.
 * factures_editor_parties_collect() sets the document's currency and rate from them (a blank
 * rate: 0, required only at issue where VAT is due; a wrong one shows its message).
 */
void     factures_editor_parties_set_currency (FacturesEditorParties  *self,
                                               const char             *currency,
                                               gint64                  exchange_rate,
                                               gboolean                changeable);
/* "Payment Schedule…" on the due date row (action editor.payment-schedule). */
void     factures_editor_parties_set_schedule_visible (FacturesEditorParties *self,
                                                       gboolean               visible);

G_END_DECLS
