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

/**
 * factures_documents_page_delete_draft:
 * @id: a draft (a document that is not a draft is left alone)
 *
 * Hides the draft from the list at once and shows a toast "… draft deleted" with "Undo".
 * The draft is deleted from the database when the toast is dismissed or times out, or when
 * the page is disposed (quit); "Undo" brings it back into the list. The main window's
 * "win.delete-draft" action (int64 parameter) calls this; the editor's "Delete Draft"
 * activates it.
 *
 * Returns: TRUE when the deletion was scheduled
 */
gboolean             factures_documents_page_delete_draft (FacturesDocumentsPage *self,
                                                           gint64                 id);

G_END_DECLS
