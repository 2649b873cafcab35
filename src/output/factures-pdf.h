/* factures-pdf.h — A4 page layout of documents with cairo + pango (DESIGN.md §6)
 *
 * One layout feeds the PDF file, the print operation of a draft and the preview.
 * Fonts: "DejaVu Sans" (embedded, subset), with CJK from WenQuanYi Micro Hei and
 * emoji from Symbola (monochrome) through a private fontconfig set-up that
 * refuses colour fonts. When SOURCE_DATE_EPOCH is set every date written into
 * the file comes from it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include "factures-document.h"

G_BEGIN_DECLS

#define FACTURES_PDF_PAGE_WIDTH  595.28  /* A4 in points */
#define FACTURES_PDF_PAGE_HEIGHT 841.89

typedef enum {
  FACTURES_PDF_FLAG_NONE      = 0,
  FACTURES_PDF_FLAG_DUPLICATA = 1 << 0,  /* a reprint: "Duplicata" on every page */
  FACTURES_PDF_FLAG_DRAFT     = 1 << 1,  /* "Brouillon" watermark, no number */
  FACTURES_PDF_FLAG_PAID      = 1 << 2,  /* paid in full: no EPC QR code to pay it (issue 4) */
} FacturesPdfFlags;

typedef struct _FacturesPdfLayout FacturesPdfLayout;

/* Lays out @document (paginated: header repeated, rows unsplit, totals on the last page). */
FacturesPdfLayout *factures_pdf_layout_new      (const FacturesDocument *document,
                                                 FacturesPdfFlags        flags,
                                                 GError                **error);
guint              factures_pdf_layout_get_n_pages (FacturesPdfLayout *layout);
/* Draws page @page (0-based) on @cr, in points, origin top-left of an A4 page. */
void               factures_pdf_layout_draw_page   (FacturesPdfLayout *layout,
                                                    cairo_t           *cr,
                                                    guint              page);
void               factures_pdf_layout_free        (FacturesPdfLayout *layout);

/* The whole document as PDF bytes. FACTURES_ERROR_OVERFLOW from totals, FACTURES_ERROR_FORMAT from cairo. */
GBytes            *factures_pdf_render          (const FacturesDocument *document,
                                                 FacturesPdfFlags        flags,
                                                 GError                **error);

/* A FacturesRenderFunc for factures_store_issue(): renders with no flags. */
GBytes            *factures_pdf_render_for_issue (const FacturesDocument *document,
                                                  gpointer                user_data,
                                                  GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesPdfLayout, factures_pdf_layout_free)

G_END_DECLS
