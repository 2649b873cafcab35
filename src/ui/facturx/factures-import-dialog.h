/* factures-import-dialog.h — "Import Invoice …?": keep a checked Factur-X/CII file as history,
 * or re-invoice it as a draft
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-cii-reader.h"
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_IMPORT_DIALOG (factures_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FacturesImportDialog, factures_import_dialog, FACTURES, IMPORT_DIALOG, AdwMessageDialog)

/* The file's report and what each way would do; a way the store would refuse is disabled,
 * with its reason. Takes @file (read from the file named @name). Not yet presented. */
GtkWidget *factures_import_dialog_new (GtkWindow           *parent,
                                       FacturesStore       *store,
                                       FacturesInvoiceFile *file,
                                       const char          *name);

G_END_DECLS
