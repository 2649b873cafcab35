/* factures-profile-editor-exempt-row.h — one exempt activity of the seller in the profile
 * editor: its words, its legal basis, a button that removes it (issue 13 item 2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-vat.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_PROFILE_EDITOR_EXEMPT_ROW (factures_profile_editor_exempt_row_get_type ())
G_DECLARE_FINAL_TYPE (FacturesProfileEditorExemptRow, factures_profile_editor_exempt_row,
                      FACTURES, PROFILE_EDITOR_EXEMPT_ROW, AdwActionRow)

/* Signal "remove-requested" (no arguments): the remove button was clicked. */

/* A row showing @activity (borrowed: only its words and basis are read, now). */
GtkWidget *factures_profile_editor_exempt_row_new (const FacturesExemptActivity *activity);

G_END_DECLS
