/* factures-pa-respond-dialog.h — the buyer's answer about a supplier invoice received
 * through the plateforme agréée (issue 14 item 5): approve (205), dispute (207) or refuse
 * (210), with a reason code of PA.md §2 and an optional reason, sent as a CDAR status
 * through the e-invoicing outbox (factures_pa_respond())
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_PA_RESPOND_DIALOG (factures_pa_respond_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FacturesPaRespondDialog, factures_pa_respond_dialog, FACTURES, PA_RESPOND_DIALOG,
                      AdwMessageDialog)

/* The answer about the purchase @imported_id numbered @number, over @parent (nullable).
 * Responses "cancel" and "send"; "send" puts the status into the outbox and says so (a
 * toast on the main window, else a notice), or says in French why it cannot. Not yet
 * presented. Returns: (transfer none): the dialog, owned by GTK's toplevel list. */
GtkWidget *factures_pa_respond_dialog_new (GtkWindow     *parent,
                                           FacturesStore *store,
                                           gint64         imported_id,
                                           const char    *number);

/* Chooses the answer: 205, 207 or 210 (tests and keyboard users alike use the rows). */
void       factures_pa_respond_dialog_set_answer (FacturesPaRespondDialog *self,
                                                  gint                     code,
                                                  const char              *reason_code,
                                                  const char              *reason);

G_END_DECLS
