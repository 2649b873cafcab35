/* factures-documents.h — the Documents feature: list page, invoice editor, preview, print, export
 *
 * The public entry points of src/ui/documents, used by the shell (window, Clients and
 * Overdue pages, the "app.new-invoice" action).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

/**
 * factures_documents_register_resources:
 *
 * Registers the GResource bundle of this folder (its .ui templates). The bundle
 * lives in a static library, whose self-registering constructor the linker may
 * drop, so it is registered explicitly. Idempotent; called by the functions below.
 */
void       factures_documents_register_resources (void);

/**
 * factures_documents_page_new:
 * @store: the open database
 *
 * The Documents view: a GtkColumnView ("data-table") over the lazy
 * factures_store_list_documents() model. Clicking a column header sorts in SQL
 * (the page keeps its own sort state: GtkColumnViewSorter is private in GTK 4.8
 * and GtkSortListModel would read every row); the search entry filters in SQL as
 * you type; "New Invoice" and row activation open the editor.
 *
 * Returns: (transfer floating): the page widget
 */
GtkWidget *factures_documents_page_new           (FacturesStore *store);

/**
 * factures_editor_window_open:
 * @parent: (nullable): the window the editor belongs to (its application is reused)
 * @store: the open database
 * @document_id: the document to open, or 0 for a new draft invoice
 * @client_id: for a new draft, the client to preselect, or 0
 *
 * Opens the invoice editor. An editor already open on @document_id is presented
 * instead of opening a second one. An issued document opens in the document view
 * instead (factures_document_view_open_if_issued()): it can only be corrected by a
 * credit note.
 */
void       factures_editor_window_open           (GtkWindow     *parent,
                                                  FacturesStore *store,
                                                  gint64         document_id,
                                                  gint64         client_id);

/**
 * factures_editor_window_open_new:
 * @parent: (nullable): the window the editor belongs to
 * @store: the open database
 * @kind: the kind of the new draft (FACTURES_DOCUMENT_KIND_QUOTE for a quote)
 * @client_id: the client to preselect, or 0
 *
 * Opens the editor on a new, unsaved draft of @kind (issue 3).
 */
void       factures_editor_window_open_new       (GtkWindow            *parent,
                                                  FacturesStore        *store,
                                                  FacturesDocumentKind  kind,
                                                  gint64                client_id);

/**
 * factures_document_view_open_if_issued:
 * @parent: (nullable): the window it belongs to (its application is reused)
 * @store: the open database
 * @document_id: a document
 *
 * An issued document opens as a document, not as a greyed form (issue 11): its number,
 * client, dates, full lines, the stored original, and for an invoice the Payments panel
 * and balance. A view already open on @document_id is presented.
 *
 * Returns: TRUE when @document_id is issued and the view was shown (or an error said
 *   why not); FALSE for a draft or an unknown id, which the editor opens.
 */
gboolean   factures_document_view_open_if_issued (GtkWindow     *parent,
                                                  FacturesStore *store,
                                                  gint64         document_id);

/**
 * factures_documents_delete_draft_with_undo:
 * @from: a window of the application (the editor of the draft)
 * @id: the draft's id
 *
 * Activates "win.delete-draft" (int64 parameter) on the application's main window: the
 * draft leaves the documents list at once with an undo toast and is deleted from the
 * database when the toast goes (or at quit), never if the user presses "Undo". The editor
 * calls this, then closes without asking to save.
 *
 * Returns: FALSE when no main window has the action (delete directly then)
 */
gboolean   factures_documents_delete_draft_with_undo (GtkWindow *from,
                                                      gint64     id);

G_END_DECLS
