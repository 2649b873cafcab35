/* factures-editor-window.h — the invoice editor window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_EDITOR_WINDOW (factures_editor_window_get_type ())
G_DECLARE_FINAL_TYPE (FacturesEditorWindow, factures_editor_window, FACTURES, EDITOR_WINDOW, AdwWindow)

/* Loads document @document_id (0: a new draft invoice for @client_id, which may be 0).
 * Returns NULL with an error when the document or the profile cannot be read. */
FacturesEditorWindow *factures_editor_window_new             (FacturesStore  *store,
                                                              gint64          document_id,
                                                              gint64          client_id,
                                                              GError        **error);
/* 0 for a new draft that was never saved. */
gint64                factures_editor_window_get_document_id (FacturesEditorWindow *self);

G_END_DECLS
