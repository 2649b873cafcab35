/* factures-identifiers.h — French and European identifiers
 *
 * Inputs may contain spaces; the normalise functions return them without.
 * SIREN: 9 digits, Luhn key (INSEE); La Poste's SIREN 356000000 and its SIRETs
 * use the digit-sum rule instead. SIRET: SIREN + 5-digit NIC, Luhn over 14 digits.
 * French VAT number: "FR" + key (12 + 3 × (SIREN mod 97)) mod 97 + SIREN.
 * IBAN: ISO 13616 mod 97 = 1, country length table. BIC: ISO 9362, 8 or 11 chars.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "factures-error.h"

G_BEGIN_DECLS

char     *factures_identifier_compact (const char *text);   /* drops spaces, dots, dashes; uppercases */

gboolean  factures_siren_is_valid     (const char *siren);
gboolean  factures_siret_is_valid     (const char *siret);
gboolean  factures_vat_id_fr_is_valid (const char *vat_id);
char     *factures_vat_id_from_siren  (const char *siren);  /* "FR" + key + SIREN */
gboolean  factures_iban_is_valid      (const char *iban);
gboolean  factures_bic_is_valid       (const char *bic);
char     *factures_iban_format        (const char *iban);   /* groups of 4 */

/* Validate-and-normalise for forms: NULL/empty → TRUE with *out = NULL;
 * invalid → FALSE, FACTURES_ERROR_INVALID naming the field in French. */
gboolean  factures_siren_check        (const char *text, char **out, GError **error);
gboolean  factures_siret_check        (const char *text, char **out, GError **error);
gboolean  factures_iban_check         (const char *text, char **out, GError **error);
gboolean  factures_bic_check          (const char *text, char **out, GError **error);
gboolean  factures_vat_id_check       (const char *text, char **out, GError **error);

/* Fifth trial, findings 5 and 6 (see the doc comments): an assigned ISO 3166-1
 * alpha-2 code (« Pays »), a postal code consistent with its country
 * (« Code postal »), and SIREN, SIRET and French VAT number of one business. */
gboolean  factures_country_code_is_known   (const char *code);
gboolean  factures_country_code_check      (const char *text, char **out, GError **error);
gboolean  factures_postal_code_check       (const char *postal_code, const char *country_code,
                                            GError **error);
gboolean  factures_party_identifiers_check (const char *siren, const char *siret,
                                            const char *vat_id, GError **error);

G_END_DECLS
