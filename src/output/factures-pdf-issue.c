/* factures-pdf-issue.c — the stored original of a document being issued (PDF, or Factur-X)
 *
 * Apart from factures-pdf.c so that a program that only renders PDFs (factures-cli's
 * --export-pdf, factures-cli-fast.c) does not link the Factur-X side (libxml2, qpdf, ICU),
 * whose loading cost more than the render itself (issue 12).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-cii.h"
#include "factures-facturx.h"
#include "factures-pdf.h"

/**
 * factures_pdf_render_for_issue:
 * @document: the document being issued (number, dates and snapshots set)
 * @user_data: unused
 * @error: see factures_pdf_render(); for invoices, deposit invoices and credit
 *   notes also factures_facturx_render(), and FACTURES_ERROR_FORMAT when the
 *   XML would not pass the Factur-X EN16931 XSD
 *
 * A FacturesRenderFunc for factures_store_issue(): the stored original, with
 * no flags. Invoices (380), deposit invoices (386) and credit notes (381) are
 * Factur-X files (PDF/A-3b carrying their CII XML, LEGAL.md §8), checked
 * against the Factur-X XSD before they are stored; quotes are plain PDF.
 *
 * Returns: (transfer full) (nullable): the PDF bytes
 */
GBytes *
factures_pdf_render_for_issue (const FacturesDocument *document,
                               gpointer                user_data,
                               GError                **error)
{
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  if (document->kind == FACTURES_DOCUMENT_KIND_QUOTE)
    return factures_pdf_render (document, FACTURES_PDF_FLAG_NONE, error);

  xml = factures_cii_build (document, error);
  if (xml == NULL)
    return NULL;
  if (!factures_cii_check_xsd_profile (xml, FACTURES_CII_PROFILE_EN16931, &problems, error))
    {
      if (problems != NULL)
        g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                     _("The Factur-X XML of this document does not pass its schema: %s"),
                     problems->len > 0 ? (const char *) problems->pdata[0] : "?");
      return NULL;
    }
  pdf = factures_pdf_render (document, FACTURES_PDF_FLAG_NONE, error);
  if (pdf == NULL)
    return NULL;
  return factures_facturx_wrap (pdf, xml, FACTURES_CII_PROFILE_EN16931, error);
}
