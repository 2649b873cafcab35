/* factures-confirm-dialog.h — a question: Cancel, or the one thing it asks to do
 *
 * Every confirmation of the window (delete a draft, move a counter, close without
 * the values that cannot be saved…) is one of these: an AdwMessageDialog whose template
 * holds the response "cancel" (« Annuler », the default and the close response, so
 * Escape and Enter never do the thing asked), to which the caller adds its one response.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FACTURES_TYPE_CONFIRM_DIALOG (factures_confirm_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FacturesConfirmDialog, factures_confirm_dialog, FACTURES, CONFIRM_DIALOG,
                      AdwMessageDialog)

/* A question over @parent (may be NULL) headed @heading, explained by @body (may be NULL),
 * answered "cancel" or @response (its button labelled @label, a mnemonic, drawn with
 * @appearance), not yet shown. Connect to "response" and present it.
 * Returns: (transfer none): the dialog, owned by GTK's toplevel list. */
GtkWidget *factures_confirm_dialog_new (GtkWindow             *parent,
                                        const char            *heading,
                                        const char            *body,
                                        const char            *response,
                                        const char            *label,
                                        AdwResponseAppearance  appearance);

G_END_DECLS
