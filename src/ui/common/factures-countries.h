/* factures-countries.h — the ISO 3166-1 countries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *code;   /* ISO 3166-1 alpha-2, "FR" */
  const char *name;   /* English, as in iso-codes; dgettext ("iso_3166-1", name) */
} FacturesCountry;

const FacturesCountry *factures_countries_get (guint *n_countries);

char     *factures_country_search_key (const char *text);
gboolean  factures_country_matches    (const char *name,
                                       const char *code,
                                       const char *search);

G_END_DECLS
