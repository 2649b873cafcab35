/* factures-lifecycle-panel.h — the editor's lifecycle part (issue 3): a quote's
 * validity and conditions, the status and next steps of issued documents
 * (accept or refuse a quote, deposit invoice, final invoice, credit note), and
 * the live checklist of missing mandatory mentions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_LIFECYCLE_PANEL (factures_lifecycle_panel_get_type ())
G_DECLARE_FINAL_TYPE (FacturesLifecyclePanel, factures_lifecycle_panel, FACTURES, LIFECYCLE_PANEL, GtkBox)

/* Signal "changed" (no arguments): the user edited the quote's validity or conditions. */
GtkWidget *factures_lifecycle_panel_new          (FacturesStore          *store);

/**
 * factures_lifecycle_panel_set_document:
 * @document: (nullable): the editor's document (not owned; the panel writes the
 *   quote's valid_until and conditions into it as the user types)
 *
 * Shows the fields and actions that fit the document's kind and status.
 */
void       factures_lifecycle_panel_set_document (FacturesLifecyclePanel *self,
                                                  FacturesDocument       *document);

/* Shows @mentions (element-type FacturesMissingMention) as the checklist: the editor's
 * list (wrong fields, missing mentions and the date rules of issuing, issue 11). */
void       factures_lifecycle_panel_set_checklist (FacturesLifecyclePanel *self,
                                                   const GPtrArray        *mentions);

/* Recomputes the checklist of missing mentions from the document as it is now. */
void       factures_lifecycle_panel_refresh      (FacturesLifecyclePanel *self);

G_END_DECLS
