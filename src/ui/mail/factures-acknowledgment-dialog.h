/* factures-acknowledgment-dialog.h — "Record an Acknowledgment" of a sent document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_ACKNOWLEDGMENT_DIALOG (factures_acknowledgment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FacturesAcknowledgmentDialog, factures_acknowledgment_dialog, FACTURES, ACKNOWLEDGMENT_DIALOG,
                      AdwMessageDialog)

/* Asks for a note; "Record" records that the client acknowledged @document_id. Not yet presented. */
GtkWidget *factures_acknowledgment_dialog_new (GtkWindow     *parent,
                                               FacturesStore *store,
                                               gint64         document_id);

G_END_DECLS
