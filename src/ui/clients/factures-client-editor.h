/* factures-client-editor.h — the window that creates or edits a client
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_CLIENT_EDITOR (factures_client_editor_get_type ())
G_DECLARE_FINAL_TYPE (FacturesClientEditor, factures_client_editor, FACTURES, CLIENT_EDITOR, AdwWindow)

/**
 * factures_client_editor_open:
 * @parent: (nullable): the main window
 * @store: the open database
 * @client_id: the client to edit, or 0 for a new client
 *
 * Opens the client editor (or presents the one already open on @client_id):
 * category (particulier, entreprise, association, administration), name
 * (required), address, country, e-mail, phone, SIREN/SIRET, VAT number, payment
 * terms (the profile's default or specific ones, within the B2B maximum of
 * C. com. L441-10 for professional buyers) and notes. Every field is checked when
 * it loses the focus with a French message naming it; "Save" writes through
 * factures_store_save_client(), which leaves the database unchanged on failure.
 * "New Invoice" saves, then opens the invoice editor for this client.
 *
 * Returns: (transfer none): the editor window
 */
FacturesClientEditor *factures_client_editor_open (GtkWindow     *parent,
                                                   FacturesStore *store,
                                                   gint64         client_id);

G_END_DECLS
