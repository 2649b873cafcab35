/* factures-pdf-issue.c — the stored original of a document being issued (PDF, or Factur-X)
 *
 * Apart from factures-pdf.c so that a program that only renders PDFs (factures-cli's
 * --export-pdf, factures-cli-fast.c) does not link the Factur-X side (libxml2, qpdf, ICU),
 * whose loading cost more than the render itself (issue 12).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>   /* defines __GLIBC__ on glibc */
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <glib/gi18n.h>

#include "factures-cii.h"
#include "factures-facturx.h"
#include "factures-pdf.h"

/* Each issue allocates and frees about a megabyte at the top of the heap (cairo's and qpdf's
 * zlib streams, the PDF buffers, SQLite's pages), which glibc gave back to the kernel after
 * every invoice and took again for the next: issuing 100 invoices in one process made 4,490
 * brk calls and 21,000 page faults (a bare cairo program drawing 100: 13 and 940), an eighth
 * of its CPU time in the kernel (issue 12). Keeping up to 8 MiB of freed heap makes them
 * 2,350 page faults; the process's peak memory is unchanged (28 MiB). Once per process. */
static void
keep_freed_heap (void)
{
#ifdef __GLIBC__
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      mallopt (M_TRIM_THRESHOLD, 8 * 1024 * 1024);
      g_once_init_leave (&done, 1);
    }
#endif
}

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

  keep_freed_heap ();
  if (document->kind == FACTURES_DOCUMENT_KIND_QUOTE)
    return factures_pdf_render (document, FACTURES_PDF_FLAG_NONE, error);

  xml = factures_cii_build (document, error);
  if (xml == NULL)
    return NULL;
  if (!factures_cii_check_xsd (xml, NULL, &problems, error))
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
