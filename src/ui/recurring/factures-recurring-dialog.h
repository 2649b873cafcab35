/* factures-recurring-dialog.h — "Make Recurring": a template from a saved document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_RECURRING_DIALOG (factures_recurring_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FacturesRecurringDialog, factures_recurring_dialog, FACTURES, RECURRING_DIALOG, AdwWindow)

/* A modal window over @parent (nullable) for the document @document_id; not yet presented. */
FacturesRecurringDialog *factures_recurring_dialog_new (GtkWindow     *parent,
                                                        FacturesStore *store,
                                                        gint64         document_id);

G_END_DECLS
