/* factures-countries.c — the ISO 3166-1 countries, for the country chooser
 *
 * Generated once from iso-codes 4.15 (/usr/share/iso-codes/json/iso_3166-1.json):
 * the two-letter code and the English name, which iso-codes translates in its
 * own gettext domain "iso_3166-1" (present in Debian and the GNOME runtime).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "factures-countries.h"

#include <string.h>

static const FacturesCountry countries[] = {
  { "AD", "Andorra" },
  { "AE", "United Arab Emirates" },
  { "AF", "Afghanistan" },
  { "AG", "Antigua and Barbuda" },
  { "AI", "Anguilla" },
  { "AL", "Albania" },
  { "AM", "Armenia" },
  { "AO", "Angola" },
  { "AQ", "Antarctica" },
  { "AR", "Argentina" },
  { "AS", "American Samoa" },
  { "AT", "Austria" },
  { "AU", "Australia" },
  { "AW", "Aruba" },
  { "AX", "Åland Islands" },
  { "AZ", "Azerbaijan" },
  { "BA", "Bosnia and Herzegovina" },
  { "BB", "Barbados" },
  { "BD", "Bangladesh" },
  { "BE", "Belgium" },
  { "BF", "Burkina Faso" },
  { "BG", "Bulgaria" },
  { "BH", "Bahrain" },
  { "BI", "Burundi" },
  { "BJ", "Benin" },
  { "BL", "Saint Barthélemy" },
  { "BM", "Bermuda" },
  { "BN", "Brunei Darussalam" },
  { "BO", "Bolivia, Plurinational State of" },
  { "BQ", "Bonaire, Sint Eustatius and Saba" },
  { "BR", "Brazil" },
  { "BS", "Bahamas" },
  { "BT", "Bhutan" },
  { "BV", "Bouvet Island" },
  { "BW", "Botswana" },
  { "BY", "Belarus" },
  { "BZ", "Belize" },
  { "CA", "Canada" },
  { "CC", "Cocos (Keeling) Islands" },
  { "CD", "Congo, The Democratic Republic of the" },
  { "CF", "Central African Republic" },
  { "CG", "Congo" },
  { "CH", "Switzerland" },
  { "CI", "Côte d'Ivoire" },
  { "CK", "Cook Islands" },
  { "CL", "Chile" },
  { "CM", "Cameroon" },
  { "CN", "China" },
  { "CO", "Colombia" },
  { "CR", "Costa Rica" },
  { "CU", "Cuba" },
  { "CV", "Cabo Verde" },
  { "CW", "Curaçao" },
  { "CX", "Christmas Island" },
  { "CY", "Cyprus" },
  { "CZ", "Czechia" },
  { "DE", "Germany" },
  { "DJ", "Djibouti" },
  { "DK", "Denmark" },
  { "DM", "Dominica" },
  { "DO", "Dominican Republic" },
  { "DZ", "Algeria" },
  { "EC", "Ecuador" },
  { "EE", "Estonia" },
  { "EG", "Egypt" },
  { "EH", "Western Sahara" },
  { "ER", "Eritrea" },
  { "ES", "Spain" },
  { "ET", "Ethiopia" },
  { "FI", "Finland" },
  { "FJ", "Fiji" },
  { "FK", "Falkland Islands (Malvinas)" },
  { "FM", "Micronesia, Federated States of" },
  { "FO", "Faroe Islands" },
  { "FR", "France" },
  { "GA", "Gabon" },
  { "GB", "United Kingdom" },
  { "GD", "Grenada" },
  { "GE", "Georgia" },
  { "GF", "French Guiana" },
  { "GG", "Guernsey" },
  { "GH", "Ghana" },
  { "GI", "Gibraltar" },
  { "GL", "Greenland" },
  { "GM", "Gambia" },
  { "GN", "Guinea" },
  { "GP", "Guadeloupe" },
  { "GQ", "Equatorial Guinea" },
  { "GR", "Greece" },
  { "GS", "South Georgia and the South Sandwich Islands" },
  { "GT", "Guatemala" },
  { "GU", "Guam" },
  { "GW", "Guinea-Bissau" },
  { "GY", "Guyana" },
  { "HK", "Hong Kong" },
  { "HM", "Heard Island and McDonald Islands" },
  { "HN", "Honduras" },
  { "HR", "Croatia" },
  { "HT", "Haiti" },
  { "HU", "Hungary" },
  { "ID", "Indonesia" },
  { "IE", "Ireland" },
  { "IL", "Israel" },
  { "IM", "Isle of Man" },
  { "IN", "India" },
  { "IO", "British Indian Ocean Territory" },
  { "IQ", "Iraq" },
  { "IR", "Iran, Islamic Republic of" },
  { "IS", "Iceland" },
  { "IT", "Italy" },
  { "JE", "Jersey" },
  { "JM", "Jamaica" },
  { "JO", "Jordan" },
  { "JP", "Japan" },
  { "KE", "Kenya" },
  { "KG", "Kyrgyzstan" },
  { "KH", "Cambodia" },
  { "KI", "Kiribati" },
  { "KM", "Comoros" },
  { "KN", "Saint Kitts and Nevis" },
  { "KP", "Korea, Democratic People's Republic of" },
  { "KR", "Korea, Republic of" },
  { "KW", "Kuwait" },
  { "KY", "Cayman Islands" },
  { "KZ", "Kazakhstan" },
  { "LA", "Lao People's Democratic Republic" },
  { "LB", "Lebanon" },
  { "LC", "Saint Lucia" },
  { "LI", "Liechtenstein" },
  { "LK", "Sri Lanka" },
  { "LR", "Liberia" },
  { "LS", "Lesotho" },
  { "LT", "Lithuania" },
  { "LU", "Luxembourg" },
  { "LV", "Latvia" },
  { "LY", "Libya" },
  { "MA", "Morocco" },
  { "MC", "Monaco" },
  { "MD", "Moldova, Republic of" },
  { "ME", "Montenegro" },
  { "MF", "Saint Martin (French part)" },
  { "MG", "Madagascar" },
  { "MH", "Marshall Islands" },
  { "MK", "North Macedonia" },
  { "ML", "Mali" },
  { "MM", "Myanmar" },
  { "MN", "Mongolia" },
  { "MO", "Macao" },
  { "MP", "Northern Mariana Islands" },
  { "MQ", "Martinique" },
  { "MR", "Mauritania" },
  { "MS", "Montserrat" },
  { "MT", "Malta" },
  { "MU", "Mauritius" },
  { "MV", "Maldives" },
  { "MW", "Malawi" },
  { "MX", "Mexico" },
  { "MY", "Malaysia" },
  { "MZ", "Mozambique" },
  { "NA", "Namibia" },
  { "NC", "New Caledonia" },
  { "NE", "Niger" },
  { "NF", "Norfolk Island" },
  { "NG", "Nigeria" },
  { "NI", "Nicaragua" },
  { "NL", "Netherlands" },
  { "NO", "Norway" },
  { "NP", "Nepal" },
  { "NR", "Nauru" },
  { "NU", "Niue" },
  { "NZ", "New Zealand" },
  { "OM", "Oman" },
  { "PA", "Panama" },
  { "PE", "Peru" },
  { "PF", "French Polynesia" },
  { "PG", "Papua New Guinea" },
  { "PH", "Philippines" },
  { "PK", "Pakistan" },
  { "PL", "Poland" },
  { "PM", "Saint Pierre and Miquelon" },
  { "PN", "Pitcairn" },
  { "PR", "Puerto Rico" },
  { "PS", "Palestine, State of" },
  { "PT", "Portugal" },
  { "PW", "Palau" },
  { "PY", "Paraguay" },
  { "QA", "Qatar" },
  { "RE", "Réunion" },
  { "RO", "Romania" },
  { "RS", "Serbia" },
  { "RU", "Russian Federation" },
  { "RW", "Rwanda" },
  { "SA", "Saudi Arabia" },
  { "SB", "Solomon Islands" },
  { "SC", "Seychelles" },
  { "SD", "Sudan" },
  { "SE", "Sweden" },
  { "SG", "Singapore" },
  { "SH", "Saint Helena, Ascension and Tristan da Cunha" },
  { "SI", "Slovenia" },
  { "SJ", "Svalbard and Jan Mayen" },
  { "SK", "Slovakia" },
  { "SL", "Sierra Leone" },
  { "SM", "San Marino" },
  { "SN", "Senegal" },
  { "SO", "Somalia" },
  { "SR", "Suriname" },
  { "SS", "South Sudan" },
  { "ST", "Sao Tome and Principe" },
  { "SV", "El Salvador" },
  { "SX", "Sint Maarten (Dutch part)" },
  { "SY", "Syrian Arab Republic" },
  { "SZ", "Eswatini" },
  { "TC", "Turks and Caicos Islands" },
  { "TD", "Chad" },
  { "TF", "French Southern Territories" },
  { "TG", "Togo" },
  { "TH", "Thailand" },
  { "TJ", "Tajikistan" },
  { "TK", "Tokelau" },
  { "TL", "Timor-Leste" },
  { "TM", "Turkmenistan" },
  { "TN", "Tunisia" },
  { "TO", "Tonga" },
  { "TR", "Türkiye" },
  { "TT", "Trinidad and Tobago" },
  { "TV", "Tuvalu" },
  { "TW", "Taiwan, Province of China" },
  { "TZ", "Tanzania, United Republic of" },
  { "UA", "Ukraine" },
  { "UG", "Uganda" },
  { "UM", "United States Minor Outlying Islands" },
  { "US", "United States" },
  { "UY", "Uruguay" },
  { "UZ", "Uzbekistan" },
  { "VA", "Holy See (Vatican City State)" },
  { "VC", "Saint Vincent and the Grenadines" },
  { "VE", "Venezuela, Bolivarian Republic of" },
  { "VG", "Virgin Islands, British" },
  { "VI", "Virgin Islands, U.S." },
  { "VN", "Viet Nam" },
  { "VU", "Vanuatu" },
  { "WF", "Wallis and Futuna" },
  { "WS", "Samoa" },
  { "YE", "Yemen" },
  { "YT", "Mayotte" },
  { "ZA", "South Africa" },
  { "ZM", "Zambia" },
  { "ZW", "Zimbabwe" },
};

/**
 * factures_countries_get:
 * @n_countries: (out): how many
 *
 * Returns: (transfer none): the countries, by code.
 */
const FacturesCountry *
factures_countries_get (guint *n_countries)
{
  *n_countries = G_N_ELEMENTS (countries);
  return countries;
}

/**
 * factures_country_search_key:
 * @text: UTF-8 text (a country name, or what the user typed)
 *
 * The text as the country search compares it: decomposed (NFD), without its combining marks
 * (accents, cedillas), case-folded: « États-Unis » and « etats » give "etats-unis" and "etats".
 *
 * Returns: (transfer full): the key; "" for NULL
 */
char *
factures_country_search_key (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autoptr(GString) bare = NULL;

  if (text == NULL)
    return g_strdup ("");
  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)   /* not UTF-8 */
    return g_strdup ("");
  bare = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (bare, c);
    }
  return g_utf8_casefold (bare->str, -1);
}

/**
 * factures_country_matches:
 * @name: the country's name as shown (translated)
 * @code: (nullable): its ISO 3166-1 alpha-2 code
 * @search: (nullable): what the user typed
 *
 * Whether the chooser shows this country for @search: anywhere in the name, ignoring case and
 * accents (« emagne » finds Allemagne, « Etats » États-Unis), or the start of its code (« de »;
 * a longer search never matches more countries than a shorter one it starts with).
 * Leading and trailing spaces of @search are ignored; an empty search matches every country.
 */
gboolean
factures_country_matches (const char *name,
                          const char *code,
                          const char *search)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (search != NULL ? search : ""));
  g_autofree char *key = NULL;
  g_autofree char *name_key = NULL;

  if (*trimmed == '\0')
    return TRUE;
  if (code != NULL && g_ascii_strncasecmp (code, trimmed, strlen (trimmed)) == 0)
    return TRUE;
  key = factures_country_search_key (trimmed);
  name_key = factures_country_search_key (name);
  return strstr (name_key, key) != NULL;
}
