/* factures-client-document-row.h — one document in the client editor's history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-rows.h"
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_CLIENT_DOCUMENT_ROW (factures_client_document_row_get_type ())
G_DECLARE_FINAL_TYPE (FacturesClientDocumentRow, factures_client_document_row, FACTURES,
                      CLIENT_DOCUMENT_ROW, AdwActionRow)

/* Number and kind, date, total, what is due and how late; activating it opens the
 * document (the editor for a draft, the document view once issued). */
GtkWidget *factures_client_document_row_new (FacturesStore       *store,
                                             FacturesDocumentRow *document);

G_END_DECLS
