/* factures-document-view.h — an issued document, shown as the document it is (issue 11)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_DOCUMENT_VIEW (factures_document_view_get_type ())
G_DECLARE_FINAL_TYPE (FacturesDocumentView, factures_document_view, FACTURES, DOCUMENT_VIEW, AdwWindow)

/* (transfer floating) NULL with @error when the document cannot be read or is a draft. */
FacturesDocumentView *factures_document_view_new             (FacturesStore        *store,
                                                              gint64                document_id,
                                                              GError              **error);
gint64                factures_document_view_get_document_id (FacturesDocumentView *self);
void                  factures_document_view_add_toast       (FacturesDocumentView *self,
                                                              const char           *text);
/* (transfer none) The open view of @document_id, or NULL. */
FacturesDocumentView *factures_document_view_find            (gint64                document_id);

G_END_DECLS
