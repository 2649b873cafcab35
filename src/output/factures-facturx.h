/* factures-facturx.h — Factur-X files: a PDF/A-3b carrying its CII XML (LEGAL.md §8)
 *
 * The PDF objects are written with libqpdf's C API (qpdf-c.h), never by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "factures-document.h"
#include "factures-cii.h"
#include "factures-pdf.h"

G_BEGIN_DECLS

#define FACTURES_FACTURX_FILENAME "factur-x.xml"

/**
 * factures_facturx_wrap:
 * @pdf: a PDF (as cairo writes it)
 * @xml: the CII XML to embed
 * @profile: the XML's profile (its fx:ConformanceLevel and AFRelationship)
 * @error: FACTURES_ERROR_FORMAT when qpdf cannot read or write the file
 *
 * Turns @pdf into a PDF/A-3b Factur-X file: @xml embedded as factur-x.xml
 * (MIME text/xml, AFRelationship Alternative, or Data for MINIMUM and BASIC WL),
 * listed in the EmbeddedFiles name tree and in the catalog's /AF; XMP metadata
 * with the PDF/A identification (part 3, conformance B) and the Factur-X
 * extension schema; an sRGB output intent (icc-profiles-free); a document /ID;
 * Info dates in "D:" form, equal to the XMP dates. The dates come from
 * SOURCE_DATE_EPOCH when set (then the output is byte-for-byte reproducible),
 * else from now.
 *
 * Returns: (transfer full): the Factur-X PDF bytes
 */
GBytes    *factures_facturx_wrap   (GBytes              *pdf,
                                    GBytes              *xml,
                                    FacturesCiiProfile   profile,
                                    GError             **error);

/**
 * factures_facturx_render:
 * @document: an issued invoice, deposit invoice or credit note
 * @flags: as for factures_pdf_render()
 * @error: from factures_pdf_render(), factures_cii_build() or factures_facturx_wrap()
 *
 * The document's PDF with its CII XML (profile EN 16931) embedded: the Factur-X file.
 *
 * Returns: (transfer full): the PDF bytes
 */
GBytes    *factures_facturx_render (const FacturesDocument *document,
                                    FacturesPdfFlags        flags,
                                    GError                **error);

/**
 * factures_facturx_extract_xml:
 * @pdf: a PDF file's bytes
 * @out_name: (out) (optional) (transfer full): the embedded file's name
 * @error: FACTURES_ERROR_FORMAT when @pdf is not a PDF qpdf can read;
 *   FACTURES_ERROR_NOT_FOUND when it carries no invoice XML
 *
 * Finds the invoice XML embedded in @pdf (factur-x.xml, else zugferd-invoice.xml,
 * xrechnung.xml, else the only XML attachment).
 *
 * Returns: (transfer full): the XML bytes, unchanged
 */
GBytes    *factures_facturx_extract_xml (GBytes  *pdf,
                                         char   **out_name,
                                         GError **error);

/**
 * factures_facturx_extract_xml_max:
 * @pdf: a PDF file's bytes
 * @max: the largest XML accepted, in bytes
 * @out_name: (out) (optional) (transfer full): the embedded file's name
 * @error: as factures_facturx_extract_xml(), and FACTURES_ERROR_OVERFLOW when the
 *   decoded XML is larger than @max (detected while inflating: a small compressed
 *   stream never makes a large buffer); its message is only the size, for the caller
 *   to word
 *
 * factures_facturx_extract_xml() with a limit (issue 10).
 *
 * Returns: (transfer full): the XML bytes, unchanged
 */
GBytes    *factures_facturx_extract_xml_max (GBytes  *pdf,
                                             gsize    max,
                                             char   **out_name,
                                             GError **error);

/* The most a PDF to import may inflate to, all its FlateDecode streams together (1 GiB). */
#define FACTURES_FACTURX_INFLATED_MAX ((gsize) 1024 * 1024 * 1024)

/**
 * factures_facturx_check_damage:
 * @pdf: a PDF file's bytes
 * @error: FACTURES_ERROR_FORMAT (French) when qpdf cannot read @pdf, had to rebuild its
 *   cross-reference table, meets a FlateDecode stream that does not inflate to its end
 *   with a right checksum, or an error or warning while reading and decoding every
 *   object and stream (qpdf_check_pdf(), what "qpdf --check" does);
 *   FACTURES_ERROR_OVERFLOW when its FlateDecode streams inflate to more than
 *   %FACTURES_FACTURX_INFLATED_MAX bytes together (checked first, while inflating)
 *
 * Whether @pdf is damaged: a damaged file is refused by the import (help: import-invoice).
 *
 * Returns: TRUE when qpdf reads it all without a warning
 */
gboolean   factures_facturx_check_damage (GBytes  *pdf,
                                          GError **error);

/**
 * factures_facturx_check_pdf:
 * @pdf: a PDF file's bytes
 *
 * The app's own PDF/A-3 structure checks of a Factur-X file: qpdf reads it
 * without warnings, the catalog has /AF, /Metadata and an sRGB /OutputIntents
 * entry, the trailer an /ID, the XMP declares pdfaid part 3 conformance B and
 * the four fx: properties, the embedded factur-x.xml has MIME text/xml and an
 * AFRelationship, the Info dates start with "D:" and equal the XMP dates.
 *
 * Returns: (transfer full) (element-type utf8): one French sentence per
 *   problem; empty when the structure is right
 */
GPtrArray *factures_facturx_check_pdf (GBytes *pdf);

G_END_DECLS
