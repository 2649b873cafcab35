/* factures-imported-dialog.h — an imported invoice: its details and "Export the Original…"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_IMPORTED_DIALOG (factures_imported_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FacturesImportedDialog, factures_imported_dialog, FACTURES, IMPORTED_DIALOG, AdwMessageDialog)

/* @heading and @body describe the imported invoice @id numbered @number; "Export the
 * Original…" writes its file as it came. For a supplier invoice with a plateforme agréée
 * configured, "respond" opens FacturesPaRespondDialog (approve, dispute, refuse). Not yet
 * presented. */
GtkWidget *factures_imported_dialog_new (GtkWindow     *parent,
                                         FacturesStore *store,
                                         gint64         id,
                                         const char    *number,
                                         const char    *heading,
                                         const char    *body);

G_END_DECLS
