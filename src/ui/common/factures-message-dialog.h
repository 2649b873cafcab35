/* factures-message-dialog.h — a notice (an error, a result) with one Close button
 *
 * Every error or notice of the window that only needs reading is one of these:
 * an AdwMessageDialog whose template holds the single response "close" (« Fermer »,
 * the default and the close response), modal over @parent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FACTURES_TYPE_MESSAGE_DIALOG (factures_message_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FacturesMessageDialog, factures_message_dialog, FACTURES, MESSAGE_DIALOG,
                      AdwMessageDialog)

/* A notice over @parent (may be NULL) headed @heading, saying @body (may be NULL),
 * not yet shown. Returns: (transfer none): the dialog, owned by GTK's toplevel list. */
GtkWidget *factures_message_dialog_new  (GtkWindow  *parent,
                                         const char *heading,
                                         const char *body);

/* factures_message_dialog_new() and present it. Returns: (transfer none): the dialog,
 * to connect to its "response" if the caller waits for it to be read. */
GtkWidget *factures_message_dialog_show (GtkWindow  *parent,
                                         const char *heading,
                                         const char *body);

G_END_DECLS
