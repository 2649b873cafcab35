/* factures-ladder-step-row.h — one step of a dunning ladder in Preferences → Reminders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-dunning.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_LADDER_STEP_ROW (factures_ladder_step_row_get_type ())
G_DECLARE_FINAL_TYPE (FacturesLadderStepRow, factures_ladder_step_row, FACTURES, LADDER_STEP_ROW, GtkListBoxRow)

/* Day from the due date, channel and, for e-mails, the text; "changed" on each change,
 * "remove" when its trash button (action step.remove) is used. @position names its
 * fields for AT-SPI ("Channel, step 2"). */
GtkWidget           *factures_ladder_step_row_new      (const FacturesDunningStep *step,
                                                        guint                      position,
                                                        FacturesClientCategory     category);
/* (transfer full): the step as shown. */
FacturesDunningStep *factures_ladder_step_row_get_step (FacturesLadderStepRow     *self);
gint                 factures_ladder_step_row_get_day  (FacturesLadderStepRow     *self);
/* Takes in the day being typed (the focus still in it). FALSE, with a French
 * FACTURES_ERROR_INVALID naming the field, when the text is not a whole number of days
 * in range: the spin button would drop it. */
gboolean             factures_ladder_step_row_commit   (FacturesLadderStepRow     *self,
                                                        GError                   **error);

G_END_DECLS
