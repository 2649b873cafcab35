/* factures-cii-reader.h — reading another tool's Factur-X PDF or CII XML (issue 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "factures-cii.h"
#include "factures-imported.h"

G_BEGIN_DECLS

/**
 * FacturesInvoiceFile:
 * @original: the file's bytes, unchanged
 * @xml: the CII XML (the file itself, or the one embedded in the PDF)
 * @is_pdf: TRUE for a Factur-X PDF
 * @profile: the profile read from BT-24
 * @xsd_problems: (element-type utf8): what the profile's XSD refuses (empty: valid)
 * @pdf_problems: (element-type utf8): the PDF/A-3 structure checks (PDF only)
 * @imported: (nullable): the invoice read from the XML (NULL when the XSD refuses it)
 * @figure_problems: (element-type utf8): what does not add up in the file's own figures
 * @range_problem: (nullable): a figure beyond what the app can hold
 *   (factures_imported_check_range(), translated): the file is refused
 *   as history and as a draft, its figures are not checked
 * @content_problem: (nullable): what the XSD lets through but no invoice holds
 *   (factures_imported_check_content(), translated: a date that is not one, an
 *   invoice number or a text beyond its limit): the file is refused as history and
 *   as a draft (issue 10)
 */
typedef struct {
  GBytes             *original;
  GBytes             *xml;
  gboolean            is_pdf;
  FacturesCiiProfile  profile;
  GPtrArray          *xsd_problems;
  GPtrArray          *pdf_problems;
  FacturesImported   *imported;
  GPtrArray          *figure_problems;
  char               *range_problem;
  char               *content_problem;
} FacturesInvoiceFile;

/* The largest files the import reads (issue 10): a Factur-X PDF, and the CII XML, alone or
 * attached to a PDF (an invoice's XML is a few hundred kilobytes at most). */
#define FACTURES_INVOICE_FILE_PDF_MAX (30 * 1024 * 1024)
#define FACTURES_INVOICE_FILE_XML_MAX (10 * 1024 * 1024)

typedef enum {
  FACTURES_INVOICE_FILE_EMPTY,  /* no byte, or only blanks */
  FACTURES_INVOICE_FILE_PDF,    /* "%PDF-" in the first 1024 bytes */
  FACTURES_INVOICE_FILE_XML,    /* '<' first, after a BOM and blanks */
  FACTURES_INVOICE_FILE_OTHER,  /* anything else (a PNG renamed .pdf…) */
} FacturesInvoiceFileKind;

/**
 * factures_invoice_file_sniff:
 * @bytes: a file's content
 *
 * What the file is, from its content (never from its name).
 *
 * Returns: its kind
 */
FacturesInvoiceFileKind factures_invoice_file_sniff (GBytes *bytes);

void                 factures_invoice_file_free (FacturesInvoiceFile *file);

/**
 * factures_invoice_file_open:
 * @bytes: a Factur-X PDF or a CII XML file
 * @error: FACTURES_ERROR_FORMAT with a translated reason when it is neither
 *   (empty, neither PDF nor XML by its content, an unreadable PDF, a damaged
 *   PDF (factures_facturx_check_damage()), XML that is not well-formed or
 *   declares a DOCTYPE, not a CII invoice), FACTURES_ERROR_NOT_FOUND when a PDF
 *   carries no invoice XML, FACTURES_ERROR_OVERFLOW when the PDF is larger than
 *   %FACTURES_INVOICE_FILE_PDF_MAX or its XML larger than
 *   %FACTURES_INVOICE_FILE_XML_MAX bytes (the limit in the message; the XML is
 *   measured before libxml2 reads it)
 *
 * Reads and checks a file: XSD of its profile, PDF/A-3 structure (PDF),
 * and, when the XSD accepts it, the invoice and its own arithmetic.
 *
 * Returns: (transfer full): the file and what was found
 */
FacturesInvoiceFile *factures_invoice_file_open (GBytes  *bytes,
                                                 GError **error);

/**
 * factures_invoice_file_load:
 * @file: a file the user chose
 * @error: FACTURES_ERROR_OVERFLOW (the limit in the message) when it is larger than
 *   %FACTURES_INVOICE_FILE_PDF_MAX, seen from its size before reading it; the
 *   G_IO_ERROR of reading it otherwise
 *
 * Reads a file to import, refusing a file too large before holding it in memory.
 *
 * Returns: (transfer full): its bytes, NULL on error
 */
GBytes              *factures_invoice_file_load (GFile   *file,
                                                 GError **error);

/**
 * factures_invoice_file_check_importable:
 * @file: a file from factures_invoice_file_open()
 * @error: FACTURES_ERROR_INVALID with a translated reason when the file cannot be
 *   imported at all (it fails its XSD, carries an amount beyond what the app holds,
 *   or content no invoice holds: @file's problems)
 *
 * What every door (command line, import dialog) checks before offering to store the file;
 * the store checks the content again (factures_store_check_import_history()).
 *
 * Returns: TRUE when the file may be kept as history or, if its figures allow, a draft
 */
gboolean             factures_invoice_file_check_importable (const FacturesInvoiceFile  *file,
                                                             GError                    **error);

/**
 * factures_cii_read:
 * @xml: CII XML bytes (any Factur-X profile)
 * @error: FACTURES_ERROR_FORMAT when it is not a CII invoice
 *
 * Returns: (transfer full): the invoice with its figures as written
 */
FacturesImported    *factures_cii_read (GBytes  *xml,
                                        GError **error);

/**
 * factures_invoice_file_report:
 * @file: a file from factures_invoice_file_open()
 * @out_n_problems: (out) (optional): the number of problems listed
 *
 * What the "Check" action shows (translated): the invoice number and profile,
 * the XSD check, the PDF/A-3 structure checks (PDF only) and whether the
 * file's own figures add up, one problem per line.
 *
 * Returns: (transfer full): the report, several lines of text
 */
char                *factures_invoice_file_report (const FacturesInvoiceFile *file,
                                                   guint                     *out_n_problems);

/**
 * factures_invoice_duplicata_from_xml:
 * @xml: an imported CII XML file that came without a PDF
 * @error: FACTURES_ERROR_INVALID (French reason) when its figures cannot be
 *   drawn to the cent by the app (see factures_imported_to_lines()),
 *   FACTURES_ERROR_FORMAT when it is not a CII invoice
 *
 * A PDF of the file's figures marked "Duplicata", under its own number, with
 * @xml attached unchanged as factur-x.xml (PDF/A-3b).
 *
 * Returns: (transfer full): the PDF bytes
 */
GBytes              *factures_invoice_duplicata_from_xml (GBytes  *xml,
                                                          GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesInvoiceFile, factures_invoice_file_free)

G_END_DECLS
