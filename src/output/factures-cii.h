/* factures-cii.h — UN/CEFACT Cross Industry Invoice (CII D16B/D22B) for Factur-X
 *
 * The XML half of a Factur-X file (LEGAL.md §8): profile EN 16931, built with
 * libxml2 in the element order of the Factur-X EN16931 XSD, every figure from
 * factures_document_compute_totals() (the same function as the PDF).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "factures-document.h"

G_BEGIN_DECLS

/* BT-24 of profile EN 16931 (LEGAL.md §8). */
#define FACTURES_CII_GUIDELINE_EN16931 "urn:cen.eu:en16931:2017"

/* Text of BT-120 and code BT-121 for franchise en base (art. 293 B du CGI, LEGAL.md §8). */
#define FACTURES_CII_FRANCHISE_TEXT "TVA non applicable, art. 293 B du CGI"
#define FACTURES_CII_FRANCHISE_CODE "VATEX-FR-FRANCHISE"

/* The Factur-X profiles, in increasing order of content (BT-24 values in LEGAL.md §8). */
typedef enum {
  FACTURES_CII_PROFILE_UNKNOWN,
  FACTURES_CII_PROFILE_MINIMUM,
  FACTURES_CII_PROFILE_BASIC_WL,
  FACTURES_CII_PROFILE_BASIC,
  FACTURES_CII_PROFILE_EN16931,
  FACTURES_CII_PROFILE_EXTENDED,
} FacturesCiiProfile;

/**
 * factures_cii_profile_from_guideline:
 * @guideline: the BT-24 text of a CII file
 *
 * Returns: the profile, FACTURES_CII_PROFILE_UNKNOWN when @guideline is none of the
 *   Factur-X URNs (EXTENDED-CTC-FR counts as EXTENDED).
 */
FacturesCiiProfile factures_cii_profile_from_guideline (const char *guideline);

/* "MINIMUM", "BASIC WL", "BASIC", "EN 16931", "EXTENDED": the XMP fx:ConformanceLevel values. */
const char        *factures_cii_profile_conformance_level (FacturesCiiProfile profile);

/**
 * factures_cii_build:
 * @document: an issued invoice (380), deposit invoice (386) or credit note (381)
 * @error: FACTURES_ERROR_INVALID for a quote or a draft (no number),
 *   FACTURES_ERROR_OVERFLOW from the totals
 *
 * The document as a CII XML file (UTF-8, profile EN 16931): seller with SIREN
 * (scheme 0002), postal address, electronic address (BT-34, scheme 0225) and
 * VAT identifier or, in franchise, tax registration FC (BR-E-02, LEGAL.md §12);
 * buyer with SIREN and electronic address 0225 when professional, e-mail address
 * (scheme EM) for a private buyer; dates in format 102; the French PMD, PMT and
 * AAB notes (BR-FR-05); payment means 58 with the IBAN; payment terms and due
 * date; lines, allowances and the VAT breakdown (category E, reason
 * VATEX-FR-FRANCHISE in franchise). A credit note whose figures are negative is
 * written with positive amounts (its type code 381 says it is a credit).
 *
 * Returns: (transfer full): the XML bytes
 */
GBytes            *factures_cii_build (const FacturesDocument *document,
                                       GError                **error);

/**
 * factures_cii_check_xsd:
 * @xml: CII XML bytes
 * @out_profile: (out) (optional): the profile read from BT-24
 * @out_problems: (out) (optional) (transfer full): the schema errors, French
 *   sentences naming the line, or an empty array
 * @error: FACTURES_ERROR_FORMAT when @xml is not well-formed XML or not a CII invoice
 *
 * Checks @xml against the Factur-X XSD of its own profile (the five XSDs of
 * Factur-X 1.0.9 are compiled into the program); a CII file whose BT-24 is no
 * Factur-X profile (@out_profile UNKNOWN) is checked against the EXTENDED XSD.
 *
 * Returns: TRUE when the file is valid; FALSE with @out_problems filled (and
 *   no @error) when the schema refuses it; FALSE with @error when it could not
 *   be checked at all.
 */
gboolean           factures_cii_check_xsd (GBytes              *xml,
                                           FacturesCiiProfile  *out_profile,
                                           GPtrArray          **out_problems,
                                           GError             **error);

/**
 * factures_cii_check_xsd_profile:
 * @xml: CII XML bytes, of a known profile (the XML the app itself writes)
 * @profile: the Factur-X profile whose XSD @xml must follow (not UNKNOWN)
 * @out_problems: (out) (optional) (transfer full): the schema errors, French
 *   sentences naming the line, or an empty array
 * @error: FACTURES_ERROR_FORMAT when the schema cannot be loaded
 *
 * factures_cii_check_xsd() for a file whose profile is known: @xml is parsed
 * and checked against @profile's XSD in one streaming pass, without building
 * its tree or reading its BT-24 (issue 12: issuing checks every invoice's XML).
 * A file that is not well-formed fails as well.
 *
 * Returns: TRUE when the file is valid; FALSE with @out_problems filled (and
 *   no @error) when the schema refuses it; FALSE with @error when it could not
 *   be checked at all.
 */
gboolean           factures_cii_check_xsd_profile (GBytes              *xml,
                                                   FacturesCiiProfile   profile,
                                                   GPtrArray          **out_problems,
                                                   GError             **error);

/* The compiled-in data (XSDs, sRGB profile) registered once; idempotent. */
void               factures_facturx_register_resources (void);

G_END_DECLS
