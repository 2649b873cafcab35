/* factures-quote-decision-dialog.h — "Accept the Quote?" / "Refuse the Quote?" with the date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FACTURES_TYPE_QUOTE_DECISION_DIALOG (factures_quote_decision_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FacturesQuoteDecisionDialog, factures_quote_decision_dialog, FACTURES,
                      QUOTE_DECISION_DIALOG, AdwMessageDialog)

/* Responses "cancel" and "ok" (Accept or Refuse); the date field starts at today. */
FacturesQuoteDecisionDialog *factures_quote_decision_dialog_new      (GtkWindow                   *parent,
                                                                      gboolean                     accepted);
gboolean                     factures_quote_decision_dialog_get_accepted (FacturesQuoteDecisionDialog *self);
/* The date typed (DD/MM/YYYY), untrimmed. */
const char                  *factures_quote_decision_dialog_get_date_text (FacturesQuoteDecisionDialog *self);

G_END_DECLS
