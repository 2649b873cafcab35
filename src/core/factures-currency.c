/* factures-currency.c — ISO 4217 currencies as data, the invoice currency and its exchange rate
 * (see factures-currency.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "factures-currency.h"
#include "factures-error.h"
#include "factures-money.h"

#define NBSP "\xc2\xa0"

/* ISO 4217 list one (codes in use; HRK withdrawn in 2023 left out, XCG and ZWG of 2024 added):
 * code, French name (iso-codes' fr translation, corrected where it had English or typos),
 * minor units (-1: "N.A."). Source: ISO 4217 amendments published by SIX, the maintenance
 * agency (https://www.six-group.com/en/products-services/financial-information/data-standards.html). */
static const FacturesCurrency currencies[] = {
  { "AED", "Dirham des Émirats arabes unis", 2 },
  { "AFN", "Afghani (nouvel)", 2 },
  { "ALL", "Lek", 2 },
  { "AMD", "Dram arménien", 2 },
  { "ANG", "Florin des Antilles néerlandaises", 2 },
  { "AOA", "Kwanza (ajusté)", 2 },
  { "ARS", "Peso argentin", 2 },
  { "AUD", "Dollar australien", 2 },
  { "AWG", "Florin d’Aruba", 2 },
  { "AZN", "Manat azerbaïdjanais", 2 },
  { "BAM", "Mark convertible", 2 },
  { "BBD", "Dollar de la Barbade", 2 },
  { "BDT", "Taka", 2 },
  { "BGN", "Lev bulgare", 2 },
  { "BHD", "Dinar bahreïni", 3 },
  { "BIF", "Franc burundais", 0 },
  { "BMD", "Dollar des Bermudes", 2 },
  { "BND", "Dollar de Brunei", 2 },
  { "BOB", "Boliviano bolivien", 2 },
  { "BOV", "Mvdol", 2 },
  { "BRL", "Real brésilien", 2 },
  { "BSD", "Dollar bahaméen", 2 },
  { "BTN", "Ngultrum", 2 },
  { "BWP", "Pula", 2 },
  { "BYN", "Rouble biélorusse", 2 },
  { "BZD", "Dollar de Belize", 2 },
  { "CAD", "Dollar canadien", 2 },
  { "CDF", "Franc congolais", 2 },
  { "CHE", "Euro WIR", 2 },
  { "CHF", "Franc suisse", 2 },
  { "CHW", "Franc WIR", 2 },
  { "CLF", "Unité d’investissement chilienne", 4 },
  { "CLP", "Peso chilien", 0 },
  { "CNY", "Yuan renminbi", 2 },
  { "COP", "Peso colombien", 2 },
  { "COU", "Unité de valeur réelle (Colombie)", 2 },
  { "CRC", "Colón costaricain", 2 },
  { "CUC", "Peso convertible", 2 },
  { "CUP", "Peso cubain", 2 },
  { "CVE", "Escudo cap-verdien", 2 },
  { "CZK", "Koruna tchèque", 2 },
  { "DJF", "Franc djiboutien", 0 },
  { "DKK", "Couronne danoise", 2 },
  { "DOP", "Peso dominicain", 2 },
  { "DZD", "Dinar algérien", 2 },
  { "EGP", "Livre égyptienne", 2 },
  { "ERN", "Nafka", 2 },
  { "ETB", "Birr éthiopien", 2 },
  { "EUR", "Euro", 2 },
  { "FJD", "Dollar fidjien", 2 },
  { "FKP", "Livre des Îles Malouines", 2 },
  { "GBP", "Livre sterling", 2 },
  { "GEL", "Lari", 2 },
  { "GHS", "Cedi du Ghana", 2 },
  { "GIP", "Livre de Gibraltar", 2 },
  { "GMD", "Dalasi", 2 },
  { "GNF", "Franc guinéen", 0 },
  { "GTQ", "Quetzal", 2 },
  { "GYD", "Dollar de Guyana", 2 },
  { "HKD", "Dollar de Hong-Kong", 2 },
  { "HNL", "Lempira", 2 },
  { "HTG", "Gourde", 2 },
  { "HUF", "Forint", 2 },
  { "IDR", "Roupie indonésienne", 2 },
  { "ILS", "Nouveau shekel israélien", 2 },
  { "INR", "Roupie indienne", 2 },
  { "IQD", "Dinar irakien", 3 },
  { "IRR", "Rial iranien", 2 },
  { "ISK", "Couronne islandaise", 0 },
  { "JMD", "Dollar jamaïcain", 2 },
  { "JOD", "Dinar jordanien", 3 },
  { "JPY", "Yen", 0 },
  { "KES", "Shilling kényan", 2 },
  { "KGS", "Som", 2 },
  { "KHR", "Riel", 2 },
  { "KMF", "Franc comorien", 0 },
  { "KPW", "Won nord-coréen", 2 },
  { "KRW", "Won", 0 },
  { "KWD", "Dinar koweïtien", 3 },
  { "KYD", "Dollar des îles Caïman", 2 },
  { "KZT", "Tenge", 2 },
  { "LAK", "Kip", 2 },
  { "LBP", "Livre libanaise", 2 },
  { "LKR", "Roupie sri-lankaise", 2 },
  { "LRD", "Dollar libérien", 2 },
  { "LSL", "Loti", 2 },
  { "LYD", "Dinar libyen", 3 },
  { "MAD", "Dirham marocain", 2 },
  { "MDL", "Leu moldave", 2 },
  { "MGA", "Ariary malgache", 2 },
  { "MKD", "Dinar macédonien", 2 },
  { "MMK", "Kyat", 2 },
  { "MNT", "Tugrik", 2 },
  { "MOP", "Pataca", 2 },
  { "MRU", "Ouguiya", 2 },
  { "MUR", "Roupie mauricienne", 2 },
  { "MVR", "Roupie maldive", 2 },
  { "MWK", "Kwacha malawien", 2 },
  { "MXN", "Peso mexicain", 2 },
  { "MXV", "Unité d’investissement mexicaine (UDI)", 2 },
  { "MYR", "Ringgit malaisien", 2 },
  { "MZN", "Metical mozambicain", 2 },
  { "NAD", "Dollar namibien", 2 },
  { "NGN", "Naira", 2 },
  { "NIO", "Córdoba oro", 2 },
  { "NOK", "Couronne norvégienne", 2 },
  { "NPR", "Roupie népalaise", 2 },
  { "NZD", "Dollar néo-zélandais", 2 },
  { "OMR", "Rial omanais", 3 },
  { "PAB", "Balboa", 2 },
  { "PEN", "Sol (nouveau)", 2 },
  { "PGK", "Kina", 2 },
  { "PHP", "Peso philippin", 2 },
  { "PKR", "Roupie pakistanaise", 2 },
  { "PLN", "Zloty (nouveau)", 2 },
  { "PYG", "Guarani", 0 },
  { "QAR", "Riyal qatarien", 2 },
  { "RON", "Leu roumain", 2 },
  { "RSD", "Dinar serbe", 2 },
  { "RUB", "Rouble russe", 2 },
  { "RWF", "Franc rwandais", 0 },
  { "SAR", "Riyal saoudien", 2 },
  { "SBD", "Dollar des îles Salomon", 2 },
  { "SCR", "Roupie seychelloise", 2 },
  { "SDG", "Livre soudanaise", 2 },
  { "SEK", "Couronne suédoise", 2 },
  { "SGD", "Dollar singapourien", 2 },
  { "SHP", "Livre de Sainte-Hélène", 2 },
  { "SLE", "Leone", 2 },
  { "SLL", "Leone (ancien)", 2 },
  { "SOS", "Shilling somalien", 2 },
  { "SRD", "Dollar surinamien", 2 },
  { "SSP", "Livre sud-soudanaise", 2 },
  { "STN", "Dobra", 2 },
  { "SVC", "Colón salvadorien", 2 },
  { "SYP", "Livre syrienne", 2 },
  { "SZL", "Lilangeni", 2 },
  { "THB", "Baht", 2 },
  { "TJS", "Somoni", 2 },
  { "TMT", "Manat nouveau turkmène", 2 },
  { "TND", "Dinar tunisien", 3 },
  { "TOP", "Pa’anga", 2 },
  { "TRY", "Livre turque", 2 },
  { "TTD", "Dollar de Trinité-et-Tobago", 2 },
  { "TWD", "Nouveau dollar de Taïwan", 2 },
  { "TZS", "Shilling tanzanien", 2 },
  { "UAH", "Hryvnia", 2 },
  { "UGX", "Shilling ougandais", 0 },
  { "USD", "Dollar américain", 2 },
  { "USN", "Dollar des États-Unis (jour suivant)", 2 },
  { "UYI", "Peso uruguayen en unités indexées (UI)", 0 },
  { "UYU", "Peso uruguayen", 2 },
  { "UYW", "Unité de salaire nominal (Uruguay)", 4 },
  { "UZS", "Sum d’Ouzbékistan", 2 },
  { "VED", "Bolívar numérique", 2 },
  { "VES", "Bolívar souverain", 2 },
  { "VND", "Dong", 0 },
  { "VUV", "Vatu", 0 },
  { "WST", "Tala", 2 },
  { "XAF", "Franc CFA (BEAC)", 0 },
  { "XAG", "Argent", -1 },
  { "XAU", "Or", -1 },
  { "XBA", "Unité européenne composée (EURCO)", -1 },
  { "XBB", "Unité monétaire européenne (UME-6)", -1 },
  { "XBC", "Unité de compte européenne 9 (UEC-9)", -1 },
  { "XBD", "Unité de compte européenne 17 (UEC-17)", -1 },
  { "XCD", "Dollar des Caraïbes orientales", 2 },
  { "XCG", "Florin caribéen", 2 },
  { "XDR", "Droit de tirage spécial (D.T.S.)", -1 },
  { "XOF", "Franc CFA (BCEAO)", 0 },
  { "XPD", "Palladium", -1 },
  { "XPF", "Franc pacifique", 0 },
  { "XPT", "Platine", -1 },
  { "XSU", "Sucre", -1 },
  { "XTS", "Code réservé aux essais", -1 },
  { "XUA", "Unité de compte de la BAD (Banque africaine de développement)", -1 },
  { "XXX", "Sans devise", -1 },
  { "YER", "Riyal yéménite", 2 },
  { "ZAR", "Rand", 2 },
  { "ZMW", "Kwacha zambien", 2 },
  { "ZWG", "Or du Zimbabwe", 2 },
  { "ZWL", "Dollar zimbabwéen", 2 },
};

const FacturesCurrency *
factures_currency_table (guint *out_n)
{
  *out_n = G_N_ELEMENTS (currencies);
  return currencies;
}

static int
compare_code (const void *key,
              const void *row)
{
  return strcmp (key, ((const FacturesCurrency *) row)->code);
}

const FacturesCurrency *
factures_currency_lookup (const char *code)
{
  if (code == NULL || strlen (code) != 3)
    return NULL;
  return bsearch (code, currencies, G_N_ELEMENTS (currencies), sizeof currencies[0], compare_code);
}

gboolean
factures_currency_is_euro (const char *code)
{
  return code == NULL || code[0] == '\0' || strcmp (code, "EUR") == 0;
}

char *
factures_currency_normalise (const char *text)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return NULL;
  copy = g_ascii_strup (text, -1);
  g_strstrip (copy);
  if (copy[0] == '\0' || strcmp (copy, "EUR") == 0)
    return NULL;
  return g_steal_pointer (&copy);
}

gboolean
factures_currency_check (const char  *code,
                         GError     **error)
{
  const FacturesCurrency *row;

  if (factures_currency_is_euro (code))
    return TRUE;
  row = factures_currency_lookup (code);
  if (row == NULL)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Currency: “%s” is not an ISO 4217 currency code (BT-5, rule BR-CL-04); "
                     "give three capital letters such as EUR, GBP, USD or CHF."),
                   code);
      return FALSE;
    }
  if (row->minor_units != 2)
    {
      if (row->minor_units < 0)
        g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                     _("Currency: %s (%s) is not a currency an invoice can be paid in (BT-5)."),
                     row->code, row->name_fr);
      else
        g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                     _("Currency: %s (%s) has %d decimals; Factures only invoices in currencies "
                       "with two decimals (BT-5), such as EUR, GBP, USD or CHF."),
                     row->code, row->name_fr, row->minor_units);
      return FALSE;
    }
  return TRUE;
}

char *
factures_currency_format (gint64      cents,
                          const char *code)
{
  g_autofree char *plain = NULL;

  if (factures_currency_is_euro (code))
    return factures_money_format (cents);
  plain = factures_money_format_plain (cents);
  return g_strconcat (plain, NBSP, code, NULL);
}

char *
factures_currency_format_english (gint64      cents,
                                  const char *code)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  guint64 magnitude = cents < 0 ? (guint64) (-(cents + 1)) + 1 : (guint64) cents;
  g_autofree char *units = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude / 100);
  gsize n = strlen (units);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (digits, ',');
      g_string_append_c (digits, units[i]);
    }
  g_string_append_printf (digits, ".%02u", (guint) (magnitude % 100));
  if (factures_currency_is_euro (code))
    return g_strdup_printf ("%s€%s", cents < 0 ? "-" : "", digits->str);
  return g_strdup_printf ("%s%s" NBSP "%s", cents < 0 ? "-" : "", digits->str, code);
}

char *
factures_currency_format_unit_price (gint64      unit_price,
                                     const char *code)
{
  g_autofree char *euros = factures_unit_price_format (unit_price);

  if (factures_currency_is_euro (code))
    return g_steal_pointer (&euros);
  /* "12,50 €" → "12,50 GBP": the same digits, the code for the sign. */
  if (g_str_has_suffix (euros, "€"))
    euros[strlen (euros) - strlen ("€")] = '\0';
  return g_strconcat (euros, code, NULL);
}

/* A rate above FACTURES_EXCHANGE_RATE_MAX: a typing mistake (trial finding T7). */
static gboolean
exchange_rate_check_max (gint64   rate,
                         GError **error)
{
  if (rate <= FACTURES_EXCHANGE_RATE_MAX)
    return TRUE;
  g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("Exchange rate: at most 100 000 euros for one unit of the invoice’s currency "
                         "(check the decimal comma)."));
  return FALSE;
}

gboolean
factures_exchange_rate_parse (const char  *text,
                              gint64      *out_rate,
                              GError     **error)
{
  g_autofree char *copy = g_strdup (text != NULL ? text : "");
  gint64 rate = 0;

  g_strstrip (copy);
  if (copy[0] == '\0')
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Exchange rate: give the value of one unit of the invoice’s currency in "
                             "euros, such as 1,1612 (rule BR-FR-CO-12)."));
      return FALSE;
    }
  if (!factures_unit_price_parse (copy, _("Exchange rate"), &rate, error))
    return FALSE;
  if (rate <= 0)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Exchange rate: the rate must be greater than zero (rule BR-FR-CO-12)."));
      return FALSE;
    }
  if (!exchange_rate_check_max (rate, error))
    return FALSE;
  *out_rate = rate;
  return TRUE;
}

char *
factures_exchange_rate_format (gint64 rate)
{
  g_autofree char *digits = g_strdup_printf ("%06" G_GINT64_MODIFIER "d", ABS (rate) % FACTURES_EXCHANGE_RATE_ONE);
  gsize len = 6;

  while (len > 4 && digits[len - 1] == '0')
    digits[--len] = '\0';
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ",%s", rate < 0 ? "-" : "",
                          ABS (rate) / FACTURES_EXCHANGE_RATE_ONE, digits);
}

gboolean
factures_currency_vat_eur (gint64   vat_cents,
                           gint64   rate,
                           gint64  *out_cents,
                           GError **error)
{
  return factures_muldiv_round (vat_cents, rate, FACTURES_EXCHANGE_RATE_ONE, out_cents, error);
}

gboolean
factures_currency_check_document (const char  *currency,
                                  gint64       exchange_rate,
                                  gint64       vat_total,
                                  gboolean     at_issue,
                                  GError     **error)
{
  if (!factures_currency_check (currency, error))
    return FALSE;
  if (exchange_rate < 0)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Exchange rate: the rate must be greater than zero (rule BR-FR-CO-12)."));
      return FALSE;
    }
  if (!exchange_rate_check_max (exchange_rate, error))
    return FALSE;
  if (factures_currency_is_euro (currency))
    {
      if (exchange_rate != 0)
        {
          g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                               _("Exchange rate: a document in euros has no exchange rate."));
          return FALSE;
        }
      return TRUE;
    }
  if (at_issue && vat_total != 0 && exchange_rate == 0)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Exchange rate: the document is in %s and charges VAT; give the value of one %s "
                     "in euros on the day the VAT falls due, so that the VAT is also stated in euros "
                     "(rule BR-FR-CO-12, CGI art. 266 1 bis)."),
                   currency, currency);
      return FALSE;
    }
  return TRUE;
}
