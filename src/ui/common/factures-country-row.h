/* factures-country-row.h — a row to choose a country by its name
 *
 * An AdwActionRow with a searchable GtkDropDown (enable-search and an expression,
 * GTK 4.0+: AdwComboRow searches only from libadwaita 1.4) of the ISO 3166-1
 * countries, named in the user's language (iso-codes' translations), sorted by
 * name. Its value is the two-letter code ("country-code", "FR" by default); a code
 * that is not in the list (an old record) is kept and shown as is.
 *
 * The search of the drop-down's popup is a FacturesCountryFilter (GTK 4.8's drop-down only
 * matches the start of the name, with accents): anywhere in the name, ignoring case and
 * accents, or the ISO code (factures_country_matches()).
 *
 *   <object class="FacturesCountryRow" id="country_row">
 *     <property name="title" translatable="yes">Country</property>
 *   </object>
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FACTURES_TYPE_COUNTRY_ROW (factures_country_row_get_type ())
G_DECLARE_FINAL_TYPE (FacturesCountryRow, factures_country_row, FACTURES, COUNTRY_ROW, AdwActionRow)

GtkWidget  *factures_country_row_new              (void);
/* The ISO 3166-1 alpha-2 code chosen ("FR"); never NULL. */
const char *factures_country_row_get_country_code (FacturesCountryRow *self);
/* @code: two letters, any case; NULL or "" means "FR". */
void        factures_country_row_set_country_code (FacturesCountryRow *self,
                                                   const char         *code);
/* The drop-down, for tests. */
GtkWidget  *factures_country_row_get_drop_down    (FacturesCountryRow *self);

/* A GtkFilter of the GtkStringObject names of a country list: factures_country_matches()
 * against its search, the code looked up by name in the table given (name → code). */
#define FACTURES_TYPE_COUNTRY_FILTER (factures_country_filter_get_type ())
G_DECLARE_FINAL_TYPE (FacturesCountryFilter, factures_country_filter, FACTURES, COUNTRY_FILTER, GtkFilter)

/* @codes: (transfer none): name (char *) → ISO code (char *); the filter keeps a reference. */
FacturesCountryFilter *factures_country_filter_new        (GHashTable            *codes);
/* @search: (nullable): what the user typed; NULL or "" shows every country. */
void                   factures_country_filter_set_search (FacturesCountryFilter *self,
                                                           const char            *search);
const char            *factures_country_filter_get_search (FacturesCountryFilter *self);

G_END_DECLS
