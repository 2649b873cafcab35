/* factures-identifiers-eu.h — VAT numbers of the European Union, SIREN from a
 * French VAT number, and the detailed BIC and IBAN diagnostics
 *
 * Issue 3 item 7: for clients abroad, EU VAT numbers are checked for their
 * country's format; French numbers get the full key check
 * (factures-identifiers.h), and since the fifth trial (finding 6) the numbers
 * of AT, BE, DE, DK, ES, FI, IT, LU, NL, PL and PT their check digits too. Formats follow the
 * European Commission's VIES format table as implemented by python-stdnum
 * (stdnum/eu/vat.py and the per-country modules).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "factures-error.h"

G_BEGIN_DECLS

/**
 * FacturesIdentifierProblem:
 * What is wrong with an identifier, for a message that says so.
 */
typedef enum {
  FACTURES_IDENTIFIER_OK,
  FACTURES_IDENTIFIER_BAD_LENGTH,     /* too short or too long */
  FACTURES_IDENTIFIER_BAD_CHARACTERS, /* a character not allowed at its place */
  FACTURES_IDENTIFIER_BAD_COUNTRY,    /* unknown or unsupported country code */
  FACTURES_IDENTIFIER_BAD_KEY,        /* check digits (IBAN mod 97, VAT key) */
  FACTURES_IDENTIFIER_BAD_NATIONAL_KEY, /* French RIB key inside an FR IBAN */
} FacturesIdentifierProblem;

/* Compact form of a VAT number as typed: spaces, dots, dashes, slashes and a
 * colon dropped, upper case, "BE (0)…" and 9-digit Belgian numbers padded to
 * 10 digits, "GR" written "EL", and a French number without its "FR" prefix
 * (11 characters: key + SIREN) given it. (transfer full), "" for NULL. */
char      *factures_vat_id_eu_compact    (const char *text);

/* TRUE when @vat_id (any typed form) has its country's format; French numbers
 * are checked fully (key and SIREN), and so are those of the member states
 * listed above. */
gboolean   factures_vat_id_eu_is_valid   (const char *vat_id);

/* The SIREN inside a valid French VAT number ("FR 40 303 265 045" →
 * "303265045"), NULL when the number is invalid or is a Monaco number
 * (FR + key + 00000 + 4 digits: no SIREN). (transfer full) */
char      *factures_vat_id_fr_to_siren   (const char *vat_id);

/* The grouped form shown in forms: SIREN "732 829 320", SIRET "732 829 320 00074",
 * French VAT number "FR 44 732 829 320"; anything else unchanged. (transfer full),
 * NULL for NULL. */
char      *factures_identifier_display   (const char *compact);

/* Why @bic (any typed form) is not a valid ISO 9362 BIC, or FACTURES_IDENTIFIER_OK:
 * length 8 or 11, 4 letters or digits, an ISO 3166 country, 2 + 3 letters or digits. */
FacturesIdentifierProblem factures_bic_problem  (const char *bic);

/* Why @iban (compact form) is not a valid IBAN, or FACTURES_IDENTIFIER_OK. */
FacturesIdentifierProblem factures_iban_problem (const char *iban);

G_END_DECLS
