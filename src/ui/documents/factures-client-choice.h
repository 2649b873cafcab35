/* factures-client-choice.h — one client offered by the editor's client chooser
 *
 * A flat button showing the client's name and, below it, dimmed, the city; its
 * accessible name is the client's name (the AT-SPI journeys pick clients by name).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FACTURES_TYPE_CLIENT_CHOICE (factures_client_choice_get_type ())
G_DECLARE_FINAL_TYPE (FacturesClientChoice, factures_client_choice, FACTURES, CLIENT_CHOICE, GtkButton)

/* The client @client_id named @name, living in @city (NULL or empty: no second line).
 * Returns: (transfer floating): the button. */
GtkWidget *factures_client_choice_new    (gint64                client_id,
                                          const char           *name,
                                          const char           *city);

/* The client's id in the store. */
gint64     factures_client_choice_get_id (FacturesClientChoice *self);

G_END_DECLS
