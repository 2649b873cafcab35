/* factures-identifiers.c — SIREN, SIRET, French VAT number, IBAN, BIC
 *
 * Algorithms: LEGAL.md §10. SIREN and SIRET: Luhn (INSEE), La Poste's SIRETs
 * (SIREN 356000000, except the head office 35600000000048) use "sum of the
 * digits is a multiple of 5". French VAT: key = (12 + 3 × (SIREN mod 97)) mod 97,
 * or the old alphanumeric keys. IBAN: ISO 13616 (country BBAN structure of
 * the SWIFT IBAN registry, mod 97 = 1) plus the national check digits of
 * France and Monaco (clé RIB), Spain and Belgium. BIC: ISO 9362.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "factures-identifiers.h"
#include "factures-identifiers-eu.h"

/* BBAN structures (SWIFT IBAN registry, release 101): n digits, a upper-case
 * letters, c letters or digits. length is the whole IBAN. */
typedef struct {
  const char *country;
  guint       length;
  const char *bban;
} IbanCountry;

static const IbanCountry iban_countries[] = {
  { "AD", 24, "4!n4!n12!c" },
  { "AE", 23, "3!n16!n" },
  { "AL", 28, "8!n16!c" },
  { "AT", 20, "5!n11!n" },
  { "AZ", 28, "4!a20!c" },
  { "BA", 20, "3!n3!n8!n2!n" },
  { "BE", 16, "3!n7!n2!n" },
  { "BG", 22, "4!a4!n2!n8!c" },
  { "BH", 22, "4!a14!c" },
  { "BI", 27, "5!n5!n11!n2!n" },
  { "BR", 29, "8!n5!n10!n1!a1!c" },
  { "BY", 28, "4!c4!n16!c" },
  { "CH", 21, "5!n12!c" },
  { "CR", 22, "4!n14!n" },
  { "CY", 28, "3!n5!n16!c" },
  { "CZ", 24, "4!n16!n" },
  { "DE", 22, "8!n10!n" },
  { "DJ", 27, "5!n5!n11!n2!n" },
  { "DK", 18, "4!n9!n1!n" },
  { "DO", 28, "4!c20!n" },
  { "EE", 20, "2!n14!n" },
  { "EG", 29, "4!n4!n17!n" },
  { "ES", 24, "4!n4!n1!n1!n10!n" },
  { "FI", 18, "3!n11!n" },
  { "FK", 18, "2!a12!n" },
  { "FO", 18, "4!n9!n1!n" },
  { "FR", 27, "5!n5!n11!c2!n" },
  { "GB", 22, "4!a6!n8!n" },
  { "GE", 22, "2!a16!n" },
  { "GI", 23, "4!a15!c" },
  { "GL", 18, "4!n9!n1!n" },
  { "GR", 27, "3!n4!n16!c" },
  { "GT", 28, "4!c20!c" },
  { "HN", 28, "4!a20!n" },
  { "HR", 21, "7!n10!n" },
  { "HU", 28, "3!n4!n1!n15!n1!n" },
  { "IE", 22, "4!a6!n8!n" },
  { "IL", 23, "3!n3!n13!n" },
  { "IQ", 23, "4!a3!n12!n" },
  { "IS", 26, "4!n2!n6!n10!n" },
  { "IT", 27, "1!a5!n5!n12!c" },
  { "JO", 30, "4!a4!n18!c" },
  { "KW", 30, "4!a22!c" },
  { "KZ", 20, "3!n13!c" },
  { "LB", 28, "4!n20!c" },
  { "LC", 32, "4!a24!c" },
  { "LI", 21, "5!n12!c" },
  { "LT", 20, "5!n11!n" },
  { "LU", 20, "3!n13!c" },
  { "LV", 21, "4!a13!c" },
  { "LY", 25, "3!n3!n15!n" },
  { "MC", 27, "5!n5!n11!c2!n" },
  { "MD", 24, "2!c18!c" },
  { "ME", 22, "3!n13!n2!n" },
  { "MK", 19, "3!n10!c2!n" },
  { "MN", 20, "4!n12!n" },
  { "MR", 27, "5!n5!n11!n2!n" },
  { "MT", 31, "4!a5!n18!c" },
  { "MU", 30, "4!a2!n2!n12!n3!n3!a" },
  { "NI", 28, "4!a20!n" },
  { "NL", 18, "4!a10!n" },
  { "NO", 15, "4!n6!n1!n" },
  { "OM", 23, "3!n16!c" },
  { "PK", 24, "4!a16!c" },
  { "PL", 28, "8!n16!n" },
  { "PS", 29, "4!a21!c" },
  { "PT", 25, "4!n4!n11!n2!n" },
  { "QA", 29, "4!a21!c" },
  { "RO", 24, "4!a16!c" },
  { "RS", 22, "3!n13!n2!n" },
  { "RU", 33, "9!n5!n15!c" },
  { "SA", 24, "2!n18!c" },
  { "SC", 31, "4!a2!n2!n16!n3!a" },
  { "SD", 18, "2!n12!n" },
  { "SE", 24, "3!n16!n1!n" },
  { "SI", 19, "5!n8!n2!n" },
  { "SK", 24, "4!n6!n10!n" },
  { "SM", 27, "1!a5!n5!n12!c" },
  { "SO", 23, "4!n3!n12!n" },
  { "ST", 25, "4!n4!n11!n2!n" },
  { "SV", 28, "4!a20!n" },
  { "TL", 23, "3!n14!n2!n" },
  { "TN", 24, "2!n3!n13!n2!n" },
  { "TR", 26, "5!n1!n16!c" },
  { "UA", 29, "6!n19!c" },
  { "VA", 22, "3!n15!n" },
  { "VG", 24, "4!a16!n" },
  { "XK", 20, "4!n10!n2!n" },
  { "YE", 30, "4!a4!n18!c" },
  /* Not in the SWIFT registry but issued (partial IBAN countries). */
  { "SN", 28, "2!a22!n" },
};

/**
 * factures_identifier_compact:
 * @text: (nullable): an identifier as typed: "732 829 320 00074", "fr76-3000…"
 *
 * Drops white space (no-break spaces included), dots, dashes and slashes, and
 * upper-cases ASCII letters.
 *
 * Returns: (transfer full): the compact form ("" for NULL).
 */
char *
factures_identifier_compact (const char *text)
{
  GString *s = g_string_new (NULL);
  const char *p;

  if (text == NULL)
    return g_string_free (s, FALSE);

  for (p = text; *p; )
    {
      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
          *p == '.' || *p == '-' || *p == '/')
        p++;
      else if (strncmp (p, "\xc2\xa0", 2) == 0)          /* U+00A0 */
        p += 2;
      else if (strncmp (p, "\xe2\x80\xaf", 3) == 0 ||    /* U+202F */
               strncmp (p, "\xe2\x80\x89", 3) == 0)      /* U+2009 */
        p += 3;
      else
        {
          g_string_append_c (s, g_ascii_toupper (*p));
          p++;
        }
    }
  return g_string_free (s, FALSE);
}

static gboolean
all_digits (const char *s,
            gsize       len)
{
  gsize i;

  if (strlen (s) != len)
    return FALSE;
  for (i = 0; i < len; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

static gboolean
luhn_ok (const char *digits)
{
  gsize len = strlen (digits);
  guint sum = 0;
  gsize i;

  for (i = 0; i < len; i++)
    {
      guint d = digits[len - 1 - i] - '0';
      if (i % 2 == 1)
        {
          d *= 2;
          if (d > 9)
            d -= 9;
        }
      sum += d;
    }
  return sum % 10 == 0;
}

/**
 * factures_siren_is_valid:
 * @siren: (nullable): 9 digits, spaces allowed
 *
 * Returns: %TRUE when @siren has 9 digits and a valid Luhn key (INSEE).
 */
gboolean
factures_siren_is_valid (const char *siren)
{
  g_autofree char *c = factures_identifier_compact (siren);

  return all_digits (c, 9) && luhn_ok (c);
}

/**
 * factures_siret_is_valid:
 * @siret: (nullable): 14 digits (SIREN + NIC), spaces allowed
 *
 * Luhn over the 14 digits and a valid SIREN; La Poste establishments
 * (356000000…, except the head office 35600000000048) instead need a digit
 * sum that is a multiple of 5.
 *
 * Returns: %TRUE when valid.
 */
gboolean
factures_siret_is_valid (const char *siret)
{
  g_autofree char *c = factures_identifier_compact (siret);

  if (!all_digits (c, 14))
    return FALSE;
  if (strncmp (c, "356000000", 9) == 0 && strcmp (c, "35600000000048") != 0)
    {
      guint sum = 0;
      int i;

      for (i = 0; i < 14; i++)
        sum += c[i] - '0';
      return sum % 5 == 0;
    }
  return luhn_ok (c) && luhn_ok (((char[10]) { c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], 0 }));
}

static guint
siren_mod97 (const char *siren9)
{
  guint r = 0;
  int i;

  for (i = 0; i < 9; i++)
    r = (r * 10 + (guint) (siren9[i] - '0')) % 97;
  return r;
}

/* Position of @ch in the key alphabet 0-9, A-Z without I and O; -1 otherwise. */
static int
vat_key_index (char ch)
{
  static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  const char *p;

  if (ch == '\0')
    return -1;
  p = strchr (alphabet, ch);
  return p ? (int) (p - alphabet) : -1;
}

/**
 * factures_vat_id_fr_is_valid:
 * @vat_id: (nullable): "FR" + 2-character key + 9-digit SIREN, spaces allowed
 *
 * Numeric keys must equal (12 + 3 × (SIREN mod 97)) mod 97; old alphanumeric
 * keys (letters other than I and O) use the DGFiP mod 11 rule. The SIREN must
 * be valid, except for Monaco's numbers ("FR xx 000…").
 *
 * Returns: %TRUE when valid.
 */
gboolean
factures_vat_id_fr_is_valid (const char *vat_id)
{
  g_autofree char *c = factures_identifier_compact (vat_id);
  const char *key, *siren;
  int k0, k1;

  if (strlen (c) != 13 || strncmp (c, "FR", 2) != 0)
    return FALSE;
  key = c + 2;
  siren = c + 4;
  if (!all_digits (siren, 9))
    return FALSE;
  if (strncmp (siren, "000", 3) != 0 && !factures_siren_is_valid (siren))
    return FALSE;

  k0 = vat_key_index (key[0]);
  k1 = vat_key_index (key[1]);
  if (k0 < 0 || k1 < 0)
    return FALSE;

  if (k0 < 10 && k1 < 10)
    return (guint) (k0 * 10 + k1) == (12 + 3 * siren_mod97 (siren)) % 97;
  else
    {
      /* Alphanumeric key: a check value derived from the two characters
       * must match (SIREN + 1 + check / 11) mod 11. */
      int check = k0 < 10 ? k0 * 24 + k1 - 10 : k0 * 34 + k1 - 100;
      guint siren_mod11 = 0;
      int i;

      for (i = 0; i < 9; i++)
        siren_mod11 = (siren_mod11 * 10 + (guint) (siren[i] - '0')) % 11;
      return (siren_mod11 + 1 + (guint) (check / 11)) % 11 == (guint) (check % 11);
    }
}

/**
 * factures_vat_id_from_siren:
 * @siren: a valid SIREN (spaces allowed)
 *
 * Returns: (transfer full) (nullable): "FR" + 2-digit key + SIREN, or NULL when
 *   @siren is not valid. 552081317 → "FR03552081317".
 */
char *
factures_vat_id_from_siren (const char *siren)
{
  g_autofree char *c = factures_identifier_compact (siren);

  if (!factures_siren_is_valid (c))
    return NULL;
  return g_strdup_printf ("FR%02u%s", (12 + 3 * siren_mod97 (c)) % 97, c);
}

static const IbanCountry *
iban_country (const char *iban)
{
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (iban_countries); i++)
    if (strncmp (iban, iban_countries[i].country, 2) == 0)
      return &iban_countries[i];
  return NULL;
}

static gboolean
bban_matches (const char *bban,
              const char *format)
{
  const char *f = format;
  const char *b = bban;

  while (*f)
    {
      guint n = 0, i;
      char kind;

      while (g_ascii_isdigit (*f))
        n = n * 10 + (guint) (*f++ - '0');
      if (*f == '!')
        f++;
      kind = *f++;
      for (i = 0; i < n; i++, b++)
        {
          if (*b == '\0')
            return FALSE;
          if (kind == 'n' && !g_ascii_isdigit (*b))
            return FALSE;
          if (kind == 'a' && !g_ascii_isupper (*b))
            return FALSE;
          if (kind == 'c' && !g_ascii_isdigit (*b) && !g_ascii_isupper (*b))
            return FALSE;
        }
    }
  return *b == '\0';
}

/* Clé RIB: 97 − ((89 × bank + 15 × branch + 3 × account) mod 97), letters of
 * the account replaced by digits (A,J→1 … I,R→9; S→2 … Z→9). */
static gboolean
rib_key_ok (const char *bban)
{
  guint r = 0;
  int i;

  for (i = 0; i < 23; i++)
    {
      char ch = bban[i];
      guint d;

      if (g_ascii_isdigit (ch))
        d = (guint) (ch - '0');
      else if (ch >= 'A' && ch <= 'I')
        d = (guint) (ch - 'A') + 1;
      else if (ch >= 'J' && ch <= 'R')
        d = (guint) (ch - 'J') + 1;
      else if (ch >= 'S' && ch <= 'Z')
        d = (guint) (ch - 'S') + 2;
      else
        return FALSE;
      r = (r * 10 + d) % 97;
    }
  /* The 23 digits bank(5) branch(5) account(11) key(2) read as one number are
   * 0 mod 97 exactly when the key is right. */
  return r == 0;
}

/* Spanish CCC: two check digits, weights 1 2 4 8 5 10 9 7 3 6, mod 11. */
static guint
es_check_digit (const char *digits10)
{
  static const guint weights[10] = { 1, 2, 4, 8, 5, 10, 9, 7, 3, 6 };
  guint sum = 0, d;
  int i;

  for (i = 0; i < 10; i++)
    sum += weights[i] * (guint) (digits10[i] - '0');
  d = 11 - sum % 11;
  return d == 11 ? 0 : d == 10 ? 1 : d;
}

static gboolean
national_check_ok (const char *iban)
{
  const char *bban = iban + 4;

  if (strncmp (iban, "FR", 2) == 0 || strncmp (iban, "MC", 2) == 0)
    return rib_key_ok (bban);

  if (strncmp (iban, "ES", 2) == 0)
    {
      char first[11];

      /* bank(4) branch(4) checks(2) account(10) */
      first[0] = first[1] = '0';
      memcpy (first + 2, bban, 8);
      first[10] = '\0';
      return es_check_digit (first) == (guint) (bban[8] - '0') &&
             es_check_digit (bban + 10) == (guint) (bban[9] - '0');
    }

  if (strncmp (iban, "BE", 2) == 0)
    {
      guint64 v = g_ascii_strtoull (((char[11]) { bban[0], bban[1], bban[2], bban[3], bban[4],
                                                  bban[5], bban[6], bban[7], bban[8], bban[9], 0 }),
                                    NULL, 10);
      guint check = (guint) ((bban[10] - '0') * 10 + (bban[11] - '0'));
      guint r = (guint) (v % 97);
      return (r == 0 ? 97 : r) == check;
    }

  return TRUE;
}

/**
 * factures_iban_problem:
 * @iban: (nullable): an IBAN, spaces allowed
 *
 * Country code known, length and BBAN structure of that country (SWIFT IBAN
 * registry), check digits 02 to 98, ISO 13616 mod 97 = 1, and the national key for France and
 * Monaco (clé RIB), Spain and Belgium.
 *
 * Returns: FACTURES_IDENTIFIER_OK, or what is wrong: BAD_COUNTRY (unknown
 *   country code), BAD_LENGTH (length of that country), BAD_CHARACTERS (BBAN
 *   structure), BAD_KEY (IBAN check digits, Spanish or Belgian key),
 *   BAD_NATIONAL_KEY (French or Monaco clé RIB).
 */
FacturesIdentifierProblem
factures_iban_problem (const char *iban)
{
  g_autofree char *c = factures_identifier_compact (iban);
  const IbanCountry *country;
  gsize len = strlen (c);
  guint r = 0;
  gsize i;

  if (len < 5)
    return FACTURES_IDENTIFIER_BAD_LENGTH;
  if (!g_ascii_isupper (c[0]) || !g_ascii_isupper (c[1]))
    return FACTURES_IDENTIFIER_BAD_COUNTRY;
  if (!g_ascii_isdigit (c[2]) || !g_ascii_isdigit (c[3]))
    return FACTURES_IDENTIFIER_BAD_CHARACTERS;
  country = iban_country (c);
  if (country == NULL)
    return FACTURES_IDENTIFIER_BAD_COUNTRY;
  if (len != country->length)
    return FACTURES_IDENTIFIER_BAD_LENGTH;
  if (!bban_matches (c + 4, country->bban))
    return FACTURES_IDENTIFIER_BAD_CHARACTERS;
  /* ISO 13616: check digits are 02 to 98. */
  if ((c[2] == '0' && c[3] < '2') || (c[2] == '9' && c[3] == '9'))
    return FACTURES_IDENTIFIER_BAD_KEY;

  /* Move the first four characters to the end, letters → 10…35, mod 97. */
  for (i = 0; i < len; i++)
    {
      char ch = c[(i + 4) % len];

      if (g_ascii_isdigit (ch))
        r = (r * 10 + (guint) (ch - '0')) % 97;
      else if (g_ascii_isupper (ch))
        r = (r * 100 + (guint) (ch - 'A' + 10)) % 97;
      else
        return FACTURES_IDENTIFIER_BAD_CHARACTERS;
    }
  if (r != 1)
    return FACTURES_IDENTIFIER_BAD_KEY;

  if (!national_check_ok (c))
    return (strncmp (c, "FR", 2) == 0 || strncmp (c, "MC", 2) == 0)
           ? FACTURES_IDENTIFIER_BAD_NATIONAL_KEY : FACTURES_IDENTIFIER_BAD_KEY;
  return FACTURES_IDENTIFIER_OK;
}

/**
 * factures_iban_is_valid:
 * @iban: (nullable): an IBAN, spaces allowed
 *
 * See factures_iban_problem().
 *
 * Returns: %TRUE when valid.
 */
gboolean
factures_iban_is_valid (const char *iban)
{
  return factures_iban_problem (iban) == FACTURES_IDENTIFIER_OK;
}

/* ISO 3166-1 alpha-2 codes (Debian iso-codes 4.15) plus XK (Kosovo, used by SWIFT). */
static const char iso3166[] =
  "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZ"
  "CACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFO"
  "FRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJE"
  "JMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMO"
  "MPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPW"
  "PYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTM"
  "TNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSXKYEYTZAZMZW";

static gboolean
country_known (const char *cc)
{
  gsize i;

  for (i = 0; i + 1 < sizeof iso3166; i += 2)
    if (iso3166[i] == cc[0] && iso3166[i + 1] == cc[1])
      return TRUE;
  return FALSE;
}

/**
 * factures_bic_problem:
 * @bic: (nullable): a BIC, spaces allowed
 *
 * ISO 9362: 4 letters or digits (party prefix; letters before 2022), an
 * ISO 3166 country code, 2 letters or digits (location), optional 3 letters
 * or digits (branch).
 *
 * Returns: FACTURES_IDENTIFIER_OK, BAD_LENGTH (not 8 or 11), BAD_CHARACTERS,
 *   or BAD_COUNTRY (letters that are no ISO 3166 country).
 */
FacturesIdentifierProblem
factures_bic_problem (const char *bic)
{
  g_autofree char *c = factures_identifier_compact (bic);
  gsize len = strlen (c);
  gsize i;

  if (len != 8 && len != 11)
    return FACTURES_IDENTIFIER_BAD_LENGTH;
  for (i = 0; i < len; i++)
    {
      if (i == 4 || i == 5)
        {
          if (!g_ascii_isupper (c[i]))
            return FACTURES_IDENTIFIER_BAD_CHARACTERS;
        }
      else if (!g_ascii_isupper (c[i]) && !g_ascii_isdigit (c[i]))
        return FACTURES_IDENTIFIER_BAD_CHARACTERS;
    }
  if (!country_known (c + 4))
    return FACTURES_IDENTIFIER_BAD_COUNTRY;
  return FACTURES_IDENTIFIER_OK;
}

/**
 * factures_bic_is_valid:
 * @bic: (nullable): a BIC, spaces allowed
 *
 * See factures_bic_problem().
 *
 * Returns: %TRUE for 8 or 11 characters of that shape with a known country.
 */
gboolean
factures_bic_is_valid (const char *bic)
{
  return factures_bic_problem (bic) == FACTURES_IDENTIFIER_OK;
}

/**
 * factures_iban_format:
 * @iban: (nullable): an IBAN
 *
 * Returns: (transfer full): the compact IBAN in groups of 4 separated by
 *   spaces: "FR76 3000 6000 0112 3456 7890 189".
 */
char *
factures_iban_format (const char *iban)
{
  g_autofree char *c = factures_identifier_compact (iban);
  GString *s = g_string_new (NULL);
  gsize i;

  for (i = 0; c[i]; i++)
    {
      if (i > 0 && i % 4 == 0)
        g_string_append_c (s, ' ');
      g_string_append_c (s, c[i]);
    }
  return g_string_free (s, FALSE);
}

/* ---- Form checks --------------------------------------------------------- */

typedef gboolean (*ValidFunc) (const char *compact);

/* TRUE with *out = NULL for empty text, TRUE with *out = compact form when
 * valid, FALSE when not (the caller sets the error naming its field). */
static gboolean
check_identifier (const char  *text,
                  char       **out,
                  ValidFunc    valid)
{
  g_autofree char *c = NULL;

  g_return_val_if_fail (out != NULL, FALSE);

  *out = NULL;
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  c = factures_identifier_compact (text);
  if (*c == '\0')
    return TRUE;
  if (!valid (c))
    return FALSE;
  *out = g_steal_pointer (&c);
  return TRUE;
}

/* The text for a message: invalid UTF-8 is shown as "?". */
static const char *
shown (const char *text)
{
  return g_utf8_validate (text, -1, NULL) ? text : "?";
}

/**
 * factures_siren_check:
 * @text: (nullable): typed SIREN
 * @out: (out) (transfer full) (nullable): 9 digits, or NULL when @text is empty
 * @error: FACTURES_ERROR_INVALID naming the field
 *
 * Returns: %TRUE when empty or valid.
 */
gboolean
factures_siren_check (const char  *text,
                      char       **out,
                      GError     **error)
{
  if (check_identifier (text, out, factures_siren_is_valid))
    return TRUE;
  g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
               _("SIREN: “%s” is not a valid SIREN number (9 digits with a valid check digit)."), shown (text));
  return FALSE;
}

/**
 * factures_siret_check:
 * @text: (nullable): typed SIRET
 * @out: (out) (transfer full) (nullable): 14 digits, or NULL when @text is empty
 * @error: FACTURES_ERROR_INVALID naming the field
 *
 * Returns: %TRUE when empty or valid.
 */
gboolean
factures_siret_check (const char  *text,
                      char       **out,
                      GError     **error)
{
  if (check_identifier (text, out, factures_siret_is_valid))
    return TRUE;
  g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
               _("SIRET: “%s” is not a valid SIRET number (14 digits with a valid check digit)."), shown (text));
  return FALSE;
}

static gboolean
iban_valid_compact (const char *c)
{
  /* Accept a leading "IBAN" or "IBAN:" label as printed on RIBs. */
  if (strncmp (c, "IBAN", 4) == 0)
    c += (c[4] == ':') ? 5 : 4;
  return factures_iban_is_valid (c);
}

/**
 * factures_iban_check:
 * @text: (nullable): typed IBAN ("FR76 3000 …", "IBAN: FR76…")
 * @out: (out) (transfer full) (nullable): compact IBAN, or NULL when @text is empty
 * @error: FACTURES_ERROR_INVALID naming the field
 *
 * Returns: %TRUE when empty or valid.
 */
gboolean
factures_iban_check (const char  *text,
                     char       **out,
                     GError     **error)
{
  if (!check_identifier (text, out, iban_valid_compact))
    {
      g_autofree char *c = factures_identifier_compact (text);
      const char *bare = c;

      if (strncmp (bare, "IBAN", 4) == 0)
        bare += (bare[4] == ':') ? 5 : 4;
      switch (g_utf8_validate (text, -1, NULL) ? factures_iban_problem (bare)
                                                  : FACTURES_IDENTIFIER_BAD_CHARACTERS)
        {
        case FACTURES_IDENTIFIER_BAD_COUNTRY:
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("IBAN: “%s” does not start with a known country code."), shown (text));
          break;
        case FACTURES_IDENTIFIER_BAD_LENGTH:
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("IBAN: “%s” does not have the length of its country’s IBANs."), shown (text));
          break;
        case FACTURES_IDENTIFIER_BAD_KEY:
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("IBAN: the check digits of “%s” are wrong: a character was probably mistyped."),
                       shown (text));
          break;
        case FACTURES_IDENTIFIER_BAD_NATIONAL_KEY:
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("IBAN: the RIB key of “%s” (its last two digits) is wrong: a digit was probably mistyped."),
                       shown (text));
          break;
        case FACTURES_IDENTIFIER_BAD_CHARACTERS:
        case FACTURES_IDENTIFIER_OK:
        default:
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("IBAN: “%s” is not a valid IBAN."), shown (text));
          break;
        }
      return FALSE;
    }
  if (*out != NULL && strncmp (*out, "IBAN", 4) == 0)
    {
      char *stripped = g_strdup (*out + ((*out)[4] == ':' ? 5 : 4));
      g_free (*out);
      *out = stripped;
    }
  return TRUE;
}

/**
 * factures_bic_check:
 * @text: (nullable): typed BIC
 * @out: (out) (transfer full) (nullable): compact BIC, or NULL when @text is empty
 * @error: FACTURES_ERROR_INVALID naming the field
 *
 * Returns: %TRUE when empty or valid.
 */
gboolean
factures_bic_check (const char  *text,
                    char       **out,
                    GError     **error)
{
  if (check_identifier (text, out, factures_bic_is_valid))
    return TRUE;
  switch (g_utf8_validate (text, -1, NULL) ? factures_bic_problem (text)
                                              : FACTURES_IDENTIFIER_BAD_CHARACTERS)
    {
    case FACTURES_IDENTIFIER_BAD_LENGTH:
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("BIC: “%s” must have 8 or 11 characters."), shown (text));
      break;
    case FACTURES_IDENTIFIER_BAD_COUNTRY:
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("BIC: “%s” does not contain a known country code (its 5th and 6th letters)."),
                   shown (text));
      break;
    default:
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("BIC: “%s” is not a valid BIC (8 or 11 letters and digits)."), shown (text));
      break;
    }
  return FALSE;
}

static gboolean
vat_id_valid_compact (const char *c)
{
  /* French numbers are checked fully; other EU numbers only for their format. */
  return factures_vat_id_eu_is_valid (c);
}

/**
 * factures_vat_id_check:
 * @text: (nullable): typed VAT number
 * @out: (out) (transfer full) (nullable): compact VAT number, or NULL when @text is empty
 * @error: FACTURES_ERROR_INVALID naming the field
 *
 * French numbers ("FR…", or key + SIREN without the prefix) get the key check;
 * other EU numbers are checked for their country's format only
 * (factures_vat_id_eu_is_valid()). The result is the compact form with its prefix.
 *
 * Returns: %TRUE when empty or valid.
 */
gboolean
factures_vat_id_check (const char  *text,
                       char       **out,
                       GError     **error)
{
  if (check_identifier (text, out, vat_id_valid_compact))
    {
      if (*out != NULL)
        {
          char *eu = factures_vat_id_eu_compact (*out);
          g_free (*out);
          *out = eu;
        }
      return TRUE;
    }
  g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
               _("VAT number: “%s” is not a valid VAT identification number."), shown (text));
  return FALSE;
}

/* ---- Country, postal code and the agreement of a party's identifiers ------ */

/**
 * factures_country_code_is_known:
 * @code: (nullable): two letters
 *
 * The 249 ISO 3166-1 alpha-2 codes (Debian iso-codes 4.15, the list the
 * window's country chooser offers, src/ui/common/factures-countries.c); not
 * XK, which SWIFT uses but ISO 3166-1 does not assign. Upper case only.
 *
 * Returns: %TRUE for an assigned code.
 */
gboolean
factures_country_code_is_known (const char *code)
{
  if (code == NULL || strlen (code) != 2 || strcmp (code, "XK") == 0)
    return FALSE;
  return country_known (code);
}

/**
 * factures_country_code_check:
 * @text: (nullable): a country code as typed or imported ("fr", " FR ")
 * @out: (out) (transfer full) (nullable): the upper-case code, NULL when @text is empty
 * @error: FACTURES_ERROR_INVALID naming the field « Pays »
 *
 * Fifth trial, finding 5: an unknown code ("XX") would change the VAT
 * treatment (a client outside the EU) and be written into the Factur-X
 * CountryID (EN 16931 BT-40/BT-55, code list ISO 3166-1 alpha-2).
 *
 * Returns: %TRUE when empty or an assigned ISO 3166-1 alpha-2 code.
 */
gboolean
factures_country_code_check (const char  *text,
                             char       **out,
                             GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *upper = NULL;

  g_return_val_if_fail (out != NULL, FALSE);

  *out = NULL;
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Country: the code is not UTF-8 text."));
      return FALSE;
    }
  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    return TRUE;
  upper = g_ascii_strup (stripped, -1);
  if (!factures_country_code_is_known (upper))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Country: “%s” is not an ISO 3166-1 country code (two letters, such as FR, BE "
                     "or DE)."), stripped);
      return FALSE;
    }
  *out = g_steal_pointer (&upper);
  return TRUE;
}

/* The overseas departments and collectivities that have an ISO 3166-1 code of
 * their own and French postal codes (La Poste): the code and the postal
 * prefix. */
static const struct
{
  const char *country;
  const char *prefix;
} overseas_postal[] = {
  { "GP", "971" }, { "MQ", "972" }, { "GF", "973" }, { "RE", "974" }, { "PM", "975" },
  { "YT", "976" }, { "BL", "977" }, { "MF", "978" }, { "MC", "980" },
};

/**
 * factures_postal_code_check:
 * @postal_code: (nullable): a cleaned postal code
 * @country_code: (nullable): the party's upper-case country code (NULL: France)
 * @error: FACTURES_ERROR_INVALID naming the field « Code postal »
 *
 * Fifth trial, finding 5: a French postal code is 5 digits (La Poste), from
 * 01000 to 98999 (Corsica's 20xxx included, the overseas departments 97xxx,
 * Monaco and the Pacific 98xxx); the overseas departments and collectivities
 * that have their own ISO code (Guadeloupe GP, Martinique MQ, Guyane GF,
 * La Réunion RE, Saint-Pierre-et-Miquelon PM, Mayotte YT, Saint-Barthélemy BL,
 * Saint-Martin MF) and Monaco (MC) have 5 digits starting with their prefix
 * (971 … 978, 980). Other countries' codes are not checked.
 *
 * Returns: %TRUE when empty or consistent with the country.
 */
gboolean
factures_postal_code_check (const char  *postal_code,
                            const char  *country_code,
                            GError     **error)
{
  const char *country = country_code != NULL && *country_code != '\0' ? country_code : "FR";
  gboolean five = postal_code != NULL && strlen (postal_code) == 5;

  if (postal_code == NULL || *postal_code == '\0')
    return TRUE;
  for (gsize i = 0; five && i < 5; i++)
    if (!g_ascii_isdigit (postal_code[i]))
      five = FALSE;

  if (strcmp (country, "FR") == 0)
    {
      if (!five || strncmp (postal_code, "00", 2) == 0 || strncmp (postal_code, "99", 2) == 0)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("Postal code: “%s” is not a French postal code (5 digits, such as 69002)."),
                       shown (postal_code));
          return FALSE;
        }
      return TRUE;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (overseas_postal); i++)
    if (strcmp (country, overseas_postal[i].country) == 0 &&
        (!five || !g_str_has_prefix (postal_code, overseas_postal[i].prefix)))
      {
        g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                     _("Postal code: “%s” is not a postal code of the country %s (5 digits starting "
                       "with %s)."),
                     shown (postal_code), country, overseas_postal[i].prefix);
        return FALSE;
      }
  return TRUE;
}

/**
 * factures_party_identifiers_check:
 * @siren: (nullable): compact, valid SIREN (factures_siren_check())
 * @siret: (nullable): compact, valid SIRET
 * @vat_id: (nullable): compact, valid VAT number (factures_vat_id_check())
 * @error: FACTURES_ERROR_INVALID naming both fields that disagree
 *
 * Fifth trial, finding 6: the identifiers of one business agree. The SIRET is
 * the SIREN followed by the establishment's NIC (décret 73-314, art. R123-220
 * ff. of the Code de commerce: the first 9 digits are the SIREN), and a
 * French VAT number is "FR" + key + SIREN (art. 286 ter of the CGI, BOI-TVA-
 * DECLA-20-20-10). A Monaco number (FR + key + 000…) and foreign VAT numbers
 * carry no SIREN and are not compared.
 *
 * Returns: %TRUE when they agree (or are missing).
 */
gboolean
factures_party_identifiers_check (const char  *siren,
                                  const char  *siret,
                                  const char  *vat_id,
                                  GError     **error)
{
  g_autofree char *vat_siren = NULL;
  const char *reference = siren;
  char from_siret[10];

  if (siren != NULL && siret != NULL && strncmp (siret, siren, 9) != 0)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("SIRET and SIREN: the SIRET “%s” does not start with the SIREN “%s”; its "
                     "first 9 digits are the SIREN of the business."), siret, siren);
      return FALSE;
    }
  if (vat_id == NULL)
    return TRUE;
  if (reference == NULL && siret != NULL)
    {
      memcpy (from_siret, siret, 9);
      from_siret[9] = '\0';
      reference = from_siret;
    }
  if (reference == NULL)
    return TRUE;
  vat_siren = factures_vat_id_fr_to_siren (vat_id);
  if (vat_siren != NULL && strcmp (vat_siren, reference) != 0)
    {
      g_autofree char *expected = factures_vat_id_from_siren (reference);

      if (siren != NULL)
        g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                     _("VAT number and SIREN: the VAT number “%s” belongs to the SIREN %s, not to "
                       "“%s”; the VAT number of this SIREN is %s."),
                     vat_id, vat_siren, siren, expected);
      else
        g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                     _("VAT number and SIRET: the VAT number “%s” belongs to the SIREN %s, not to "
                       "the SIRET “%s”; the VAT number of this SIRET is %s."),
                     vat_id, vat_siren, siret, expected);
      return FALSE;
    }
  return TRUE;
}
