/* factures-credit-note-dialog.h — "Credit Note": the whole invoice, chosen lines or an amount
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-document.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_CREDIT_NOTE_DIALOG (factures_credit_note_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FacturesCreditNoteDialog, factures_credit_note_dialog, FACTURES,
                      CREDIT_NOTE_DIALOG, AdwMessageDialog)

typedef enum {
  FACTURES_CREDIT_NOTE_WHOLE,
  FACTURES_CREDIT_NOTE_LINES,
  FACTURES_CREDIT_NOTE_AMOUNT,
} FacturesCreditNoteMode;

/* Responses "cancel" and "ok" (Create); one toggle per line of @invoice. */
FacturesCreditNoteDialog *factures_credit_note_dialog_new          (GtkWindow                *parent,
                                                                    const FacturesDocument   *invoice);
FacturesCreditNoteMode    factures_credit_note_dialog_get_mode     (FacturesCreditNoteDialog *self);
/* The indexes (guint, 0-based) of the lines chosen. */
GArray                   *factures_credit_note_dialog_get_lines    (FacturesCreditNoteDialog *self);
const char               *factures_credit_note_dialog_get_amount_text (FacturesCreditNoteDialog *self);

G_END_DECLS
