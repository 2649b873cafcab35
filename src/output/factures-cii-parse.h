/* factures-cii-parse.h — parsing a CII XML file safely, and saying in French what is wrong (issue 6)
 *
 * Private to src/output (libxml2 types).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

G_BEGIN_DECLS

#define FACTURES_CII_NS_RSM "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
#define FACTURES_CII_NS_RAM "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
#define FACTURES_CII_NS_UDT "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"
#define FACTURES_CII_NS_QDT "urn:un:unece:uncefact:data:standard:QualifiedDataType:100"

/**
 * factures_cii_parse:
 * @data: the bytes of an XML file
 * @size: their number
 * @error: FACTURES_ERROR_FORMAT with a translated sentence: the file is empty,
 *   not well-formed (with its line, libxml2's text as a detail), or declares a
 *   DTD or entities; FACTURES_ERROR_OVERFLOW when it is larger than
 *   %FACTURES_INVOICE_FILE_XML_MAX bytes (never handed to libxml2)
 *
 * Parses without ever loading anything: no network (XML_PARSE_NONET), no
 * external DTD (no XML_PARSE_DTDLOAD), no entity substitution (no
 * XML_PARSE_NOENT); a file with a DOCTYPE is refused, since an invoice never
 * needs one and its entities could point at other files.
 *
 * Returns: (transfer full): the document (xmlFreeDoc()), NULL on error
 */
xmlDocPtr factures_cii_parse          (const char  *data,
                                       gsize        size,
                                       GError     **error);

/**
 * factures_cii_schema_problem:
 * @err: an XSD validation error from libxml2
 *
 * Returns: (transfer full): a translated sentence naming the line and the element
 *   ("Line 12, ram:Name: this element is not expected here (expected: ram:ID)"),
 *   libxml2's own text at the end as a technical detail
 */
char     *factures_cii_schema_problem (const xmlError *err);

G_END_DECLS
