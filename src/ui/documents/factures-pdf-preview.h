/* factures-pdf-preview.h — shows PDF bytes, rendered by poppler, one page at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define FACTURES_TYPE_PDF_PREVIEW (factures_pdf_preview_get_type ())
G_DECLARE_FINAL_TYPE (FacturesPdfPreview, factures_pdf_preview, FACTURES, PDF_PREVIEW, GtkBox)

GtkWidget *factures_pdf_preview_new        (void);

/* Shows @bytes (a PDF; NULL clears). Keeps the current page when it still exists.
 * Returns FALSE with FACTURES_ERROR_FORMAT when poppler cannot read the bytes. */
gboolean   factures_pdf_preview_set_bytes  (FacturesPdfPreview *self,
                                            GBytes             *bytes,
                                            GError            **error);
/* Shows @message (e.g. why there is no preview) instead of a page. */
void       factures_pdf_preview_set_message (FacturesPdfPreview *self,
                                             const char         *message);
guint      factures_pdf_preview_get_n_pages (FacturesPdfPreview *self);
guint      factures_pdf_preview_get_page    (FacturesPdfPreview *self);
void       factures_pdf_preview_set_page    (FacturesPdfPreview *self,
                                             guint               page);

G_END_DECLS
