/* factures-documents-page.h — the Documents view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_DOCUMENTS_PAGE (factures_documents_page_get_type ())
G_DECLARE_FINAL_TYPE (FacturesDocumentsPage, factures_documents_page, FACTURES, DOCUMENTS_PAGE, GtkBox)

/* The current SQL order of the list (the page's own sort state). */
FacturesDocumentSort factures_documents_page_get_sort       (FacturesDocumentsPage *self,
                                                             gboolean              *descending);

G_END_DECLS
