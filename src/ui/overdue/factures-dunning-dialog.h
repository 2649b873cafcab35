/* factures-dunning-dialog.h — one dialog for every dunning step and decision
 *
 * A step of the To-Do queue, parameterised by its channel (e-mail, phone call, SMS,
 * registered letter, formal notice, next steps), or a decision on an invoice (skip the
 * step, promise to pay, dispute, waive the penalties). The store records it only when
 * the user confirms; results go to the main window's toasts, errors to a message dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store-payments.h"

G_BEGIN_DECLS

typedef enum {
  FACTURES_DUNNING_DIALOG_STEP,      /* do the task's step, by its channel */
  FACTURES_DUNNING_DIALOG_SKIP,      /* skip the task's step */
  FACTURES_DUNNING_DIALOG_PROMISE,   /* a promised date and a note */
  FACTURES_DUNNING_DIALOG_DISPUTE,   /* the client's reason */
  FACTURES_DUNNING_DIALOG_WAIVE,     /* no penalties nor indemnity claimed */
} FacturesDunningDialogKind;

#define FACTURES_TYPE_DUNNING_DIALOG (factures_dunning_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FacturesDunningDialog, factures_dunning_dialog, FACTURES, DUNNING_DIALOG, AdwMessageDialog)

/**
 * factures_dunning_dialog_new:
 * @parent: the widget the dialog is about (its window is the transient parent; its
 *   toasts show the result)
 * @task: (nullable): the step, for STEP and SKIP (copied)
 * @document_id: the invoice, for PROMISE, DISPUTE and WAIVE (ignored with a @task)
 * @number: (nullable): its number, likewise
 *
 * Returns: (transfer floating) (nullable): the dialog, not yet shown; NULL when the text or
 *   letter of the step cannot be prepared (the error is then shown)
 */
GtkWidget              *factures_dunning_dialog_new         (GtkWidget                 *parent,
                                                             FacturesStore             *store,
                                                             FacturesDunningDialogKind  kind,
                                                             const FacturesDunningTask *task,
                                                             gint64                     document_id,
                                                             const char                *number);
FacturesDunningDialogKind factures_dunning_dialog_get_kind    (FacturesDunningDialog *self);
FacturesDunningChannel    factures_dunning_dialog_get_channel (FacturesDunningDialog *self);

G_END_DECLS
