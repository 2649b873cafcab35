/* factures-checks.h — field checks shared by the forms
 *
 * Each returns NULL when @text is acceptable, else a newly allocated French
 * message naming the field (source strings are English, translated by po/fr.po).
 * @text is already trimmed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-document.h"

G_BEGIN_DECLS

/* factures_text_clean(): valid UTF-8, at most @max_chars characters, not empty when @required. */
char *factures_check_text  (const char             *text,
                            const char             *field,
                            gsize                   max_chars,
                            gboolean                required);
/* Optional e-mail address: one '@', a dot in the domain, no spaces. */
char *factures_check_email (const char             *text);
/* Optional phone number: digits, spaces, + . - ( ). */
char *factures_check_phone (const char             *text);
/* Required French postal code: 5 digits. */
char *factures_check_postal_code (const char       *text,
                                  gboolean          required);
/* Optional SIREN (9 digits) or SIRET (14 digits), key checked (factures_siren_check /
 * factures_siret_check). On success *out_siren and *out_siret (nullable) are set. */
char *factures_check_siren_or_siret (const char    *text,
                                     gboolean       required,
                                     char         **out_siren,
                                     char         **out_siret);
/* "N days" payment terms: a whole number 0–365, within the B2B maximum of
 * C. com. L441-10 (60 days) when @category is professional (factures_terms_validate). */
char *factures_check_days  (const char             *text,
                            FacturesClientCategory  category,
                            guint                  *out_days);

/* "Individual", "Business", "Association", "Public body" (translated: particulier,
 * entreprise, association, administration). */
const char *factures_client_category_label (FacturesClientCategory category);

G_END_DECLS
