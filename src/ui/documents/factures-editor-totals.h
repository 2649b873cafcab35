/* factures-editor-totals.h — the editor's "Totals" section: the discount on the total
 * (with its message under it) and the totals excl. VAT, VAT (with its breakdown) and incl. VAT
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-document.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_EDITOR_TOTALS (factures_editor_totals_get_type ())
G_DECLARE_FINAL_TYPE (FacturesEditorTotals, factures_editor_totals, FACTURES, EDITOR_TOTALS,
                      AdwPreferencesGroup)

/* Signal "changed" (no arguments): the discount was edited. */

/* Fills the discount (cents, 0: empty) as loaded, not typed. */
void     factures_editor_totals_set_discount (FacturesEditorTotals *self,
                                              gint64                cents);
/**
 * factures_editor_totals_collect:
 * @document: its allowance (EN 16931 BG-20) is set from the field when it is right
 * @messages: (element-type utf8): the message shown, if any, is added
 *
 * Returns: FALSE with FACTURES_ERROR_INVALID naming the field when the discount is wrong
 */
gboolean factures_editor_totals_collect      (FacturesEditorTotals *self,
                                              FacturesDocument     *document,
                                              GPtrArray            *messages,
                                              GError              **error);
/* Issue 13 item 4: the currency the totals are shown in (NULL: euros). */
void     factures_editor_totals_set_currency (FacturesEditorTotals *self,
                                              const char           *currency);
/* Shows @totals; NULL shows "—" and @error's message (the totals cannot be computed). */
void     factures_editor_totals_show         (FacturesEditorTotals *self,
                                              const FacturesTotals *totals,
                                              const GError         *error,
                                              gboolean              franchise);
void     factures_editor_totals_set_editable (FacturesEditorTotals *self,
                                              gboolean              editable);

G_END_DECLS
