/* factures-pa-panel.h — the issued-document view's part about the plateforme agréée
 * (issue 14 items 2 and 3)
 *
 * For a document sent through the PA: the acknowledgement in words ("en attente d'envoi",
 * "transmise à la plateforme", "refusée par la plateforme" with each reasonCode and
 * reasonMessage), then the lifecycle statuses the PA brought back (date, sender, reason),
 * and, for a refused (210) or rejected (213) invoice, what to do. Hidden for a document
 * that never went to the PA.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_PA_PANEL (factures_pa_panel_get_type ())
G_DECLARE_FINAL_TYPE (FacturesPaPanel, factures_pa_panel, FACTURES, PA_PANEL, AdwBin)

/* Shows what the PA said about @document_id of @store (the panel keeps a reference to
 * @store; call again, or factures_pa_panel_reload(), when the store changed). */
void       factures_pa_panel_set_document (FacturesPaPanel *self,
                                           FacturesStore   *store,
                                           gint64           document_id);

/* Reads the outbox and the statuses again. */
void       factures_pa_panel_reload       (FacturesPaPanel *self);

/* The rows' titles and subtitles, one "title\tsubtitle" line each (tests).
 * Returns: (transfer full). */
char      *factures_pa_panel_describe     (FacturesPaPanel *self);

G_END_DECLS
