/* factures-identifiers-eu.c — EU VAT number formats, SIREN from a French VAT number
 *
 * Formats: the European Commission's VIES table, as python-stdnum checks them
 * (stdnum/eu/vat.py and stdnum/<cc>/vat.py, LGPL-2.1+; see
 * reference/data/07_identifiers). Only the format is checked for countries
 * other than France (issue 3 item 7: "other countries' checksums are out of
 * scope"); a few structural digits that the formats fix are checked too
 * (Cyprus' 12 prefix, Czech legal entities, the Italian office code, the
 * Lithuanian 1 digit, Slovakia's third digit).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "factures-identifiers.h"
#include "factures-identifiers-eu.h"

static gboolean
digits (const char *s,
        gsize       from,
        gsize       to)
{
  gsize i;

  for (i = from; i < to; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

static gboolean
all_digits_len (const char *s,
                gsize       min,
                gsize       max)
{
  gsize len = strlen (s);

  return len >= min && len <= max && digits (s, 0, len);
}

/**
 * factures_vat_id_eu_compact:
 * @text: (nullable): a VAT number as typed
 *
 * Returns: (transfer full): the compact form; "" for NULL.
 */
char *
factures_vat_id_eu_compact (const char *text)
{
  g_autofree char *c = factures_identifier_compact (text);
  GString *s = g_string_new (NULL);
  const char *p;
  gsize len;

  /* "DK: 21599336", "IT: 02331250163": the colon after the prefix goes. */
  for (p = c; *p; p++)
    if (*p != ':')
      g_string_append_c (s, *p);

  /* "GR" is written "EL" in VAT numbers. */
  if (g_str_has_prefix (s->str, "GR"))
    s->str[0] = 'E', s->str[1] = 'L';

  /* Belgium: "BE (0)468561072" and the old 9-digit numbers become 10 digits. */
  if (g_str_has_prefix (s->str, "BE(0)"))
    g_string_erase (s, 2, 3), g_string_insert_c (s, 2, '0');
  if (g_str_has_prefix (s->str, "BE") && all_digits_len (s->str + 2, 9, 9))
    g_string_insert_c (s, 2, '0');

  /* A French number typed without its prefix: key (2 digits, or the old
   * letter keys) followed by a 9-digit SIREN. */
  len = s->len;
  if (len == 11 && digits (s->str, 2, 11) &&
      (g_ascii_isdigit (s->str[0]) || g_ascii_isdigit (s->str[1])))
    g_string_prepend (s, "FR");

  return g_string_free (s, FALSE);
}

/* United Kingdom (HMRC): 9 digits (or 12, a branch suffix) whose check digits verify (the first
 * seven weighted 8…2 plus the last two: 0 mod 97, or 55 mod 97 for the numbers issued since
 * 2010), "GD" + 3 digits below 500 (government departments), "HA" + 3 digits from 500 (health
 * authorities). */
static gboolean
gb_format_ok (const char *n)
{
  gsize len = strlen (n);
  int sum = 0;

  if (len == 5 && (strncmp (n, "GD", 2) == 0 || strncmp (n, "HA", 2) == 0) && digits (n, 2, 5))
    {
      int v = (n[2] - '0') * 100 + (n[3] - '0') * 10 + (n[4] - '0');

      return n[0] == 'G' ? v < 500 : v >= 500;
    }
  if (!all_digits_len (n, 9, 9) && !all_digits_len (n, 12, 12))
    return FALSE;
  for (int i = 0; i < 7; i++)
    sum += (n[i] - '0') * (8 - i);
  sum += (n[7] - '0') * 10 + (n[8] - '0');
  return sum % 97 == 0 || (sum + 55) % 97 == 0;
}

/* The format of the part after the 2-letter prefix. */
static gboolean
eu_format_ok (const char *cc,
              const char *n)
{
  gsize len = strlen (n);

  if (strcmp (cc, "AT") == 0)
    return len == 9 && n[0] == 'U' && digits (n, 1, 9);
  if (strcmp (cc, "BE") == 0)
    return len == 10 && digits (n, 0, 10) && (n[0] == '0' || n[0] == '1');
  if (strcmp (cc, "BG") == 0)
    return all_digits_len (n, 9, 10);
  if (strcmp (cc, "CY") == 0)
    return len == 9 && digits (n, 0, 8) && g_ascii_isupper (n[8]) &&
           strncmp (n, "12", 2) != 0;
  if (strcmp (cc, "CZ") == 0)
    return all_digits_len (n, 8, 10) && !(len == 8 && n[0] == '9');
  if (strcmp (cc, "DE") == 0)
    return all_digits_len (n, 9, 9) && n[0] != '0';
  if (strcmp (cc, "DK") == 0 || strcmp (cc, "FI") == 0 || strcmp (cc, "HU") == 0 ||
      strcmp (cc, "LU") == 0)
    return all_digits_len (n, 8, 8);
  if (strcmp (cc, "EE") == 0 || strcmp (cc, "PT") == 0 || strcmp (cc, "EU") == 0)
    return all_digits_len (n, 9, 9);
  if (strcmp (cc, "EL") == 0)
    return all_digits_len (n, 8, 9);
  if (strcmp (cc, "ES") == 0)
    return len == 9 && (g_ascii_isdigit (n[0]) || g_ascii_isupper (n[0])) &&
           digits (n, 1, 8) && (g_ascii_isdigit (n[8]) || g_ascii_isupper (n[8]));
  if (strcmp (cc, "HR") == 0)
    return all_digits_len (n, 11, 11);
  if (strcmp (cc, "IE") == 0)
    {
      /* New: 7 digits + 1 or 2 letters; old: digit, letter or + or *, 5 digits, letter. */
      if ((len == 8 || len == 9) && digits (n, 0, 7) && g_ascii_isupper (n[7]) &&
          (len == 8 || g_ascii_isupper (n[8])))
        return TRUE;
      return len == 8 && g_ascii_isdigit (n[0]) &&
             (g_ascii_isupper (n[1]) || n[1] == '+' || n[1] == '*') &&
             digits (n, 2, 7) && g_ascii_isupper (n[7]);
    }
  if (strcmp (cc, "IT") == 0)
    {
      int office;

      if (!all_digits_len (n, 11, 11))
        return FALSE;
      office = (n[7] - '0') * 100 + (n[8] - '0') * 10 + (n[9] - '0');
      return (office >= 1 && office <= 100) || office == 120 || office == 121 ||
             office == 888 || office == 999;
    }
  if (strcmp (cc, "LT") == 0)
    return (all_digits_len (n, 9, 9) && n[7] == '1') ||
           (all_digits_len (n, 12, 12) && n[10] == '1');
  if (strcmp (cc, "LV") == 0)
    return all_digits_len (n, 11, 11);
  if (strcmp (cc, "MT") == 0 || strcmp (cc, "SI") == 0)
    return all_digits_len (n, 8, 8) && n[0] != '0';
  if (strcmp (cc, "NL") == 0)
    {
      /* Up to 9 digits (zero-padded), "B", 2 digits other than 00. */
      const char *b = strchr (n, 'B');
      gsize head;

      if (b == NULL)
        return FALSE;
      head = (gsize) (b - n);
      return head >= 1 && head <= 9 && digits (n, 0, head) && strlen (b) == 3 &&
             digits (b, 1, 3) && !(b[1] == '0' && b[2] == '0');
    }
  if (strcmp (cc, "PL") == 0)
    return all_digits_len (n, 10, 10);
  if (strcmp (cc, "RO") == 0)
    return all_digits_len (n, 2, 10) || all_digits_len (n, 13, 13);
  if (strcmp (cc, "SE") == 0)
    return all_digits_len (n, 12, 12);
  if (strcmp (cc, "SK") == 0)
    return all_digits_len (n, 10, 10) && n[0] != '0' && strchr ("234789", n[2]) != NULL;
  if (strcmp (cc, "GB") == 0)
    return gb_format_ok (n);
  if (strcmp (cc, "XI") == 0)
    return all_digits_len (n, 9, 9) || all_digits_len (n, 12, 12);
  return FALSE;
}

/**
 * factures_vat_id_eu_is_valid:
 * @vat_id: (nullable): a VAT number, any typed form
 *
 * The 27 member states ("EL" for Greece, "GR" accepted), "XI" (Northern
 * Ireland), "GB" (United Kingdom, with its check digits) and "EU" (non-Union
 * OSS). French numbers: factures_vat_id_fr_is_valid().
 *
 * Returns: %TRUE when the number has its country's format.
 */
gboolean
factures_vat_id_eu_is_valid (const char *vat_id)
{
  g_autofree char *c = factures_vat_id_eu_compact (vat_id);
  char cc[3];

  if (strlen (c) < 4 || !g_ascii_isupper (c[0]) || !g_ascii_isupper (c[1]))
    return FALSE;
  if (strncmp (c, "FR", 2) == 0)
    return factures_vat_id_fr_is_valid (c);
  cc[0] = c[0];
  cc[1] = c[1];
  cc[2] = '\0';
  return eu_format_ok (cc, c + 2);
}

/**
 * factures_vat_id_fr_to_siren:
 * @vat_id: (nullable): a French VAT number, with or without "FR", any typed form
 *
 * Returns: (transfer full) (nullable): the 9-digit SIREN, or NULL when the
 *   number is invalid or belongs to Monaco (SIREN part 000…).
 */
char *
factures_vat_id_fr_to_siren (const char *vat_id)
{
  g_autofree char *c = factures_vat_id_eu_compact (vat_id);

  if (!g_str_has_prefix (c, "FR") || !factures_vat_id_fr_is_valid (c))
    return NULL;
  if (strncmp (c + 4, "000", 3) == 0)
    return NULL;
  return g_strdup (c + 4);
}

/**
 * factures_identifier_display:
 * @compact: (nullable): a stored (compact) SIREN, SIRET or VAT number
 *
 * Returns: (transfer full) (nullable): its grouped form for display.
 */
char *
factures_identifier_display (const char *compact)
{
  gsize len;

  if (compact == NULL)
    return NULL;
  len = strlen (compact);
  if (len == 9 && digits (compact, 0, 9))
    return g_strdup_printf ("%.3s %.3s %.3s", compact, compact + 3, compact + 6);
  if (len == 14 && digits (compact, 0, 14))
    return g_strdup_printf ("%.3s %.3s %.3s %.5s", compact, compact + 3, compact + 6, compact + 9);
  if (len == 13 && strncmp (compact, "FR", 2) == 0 && digits (compact, 4, 13))
    return g_strdup_printf ("FR %.2s %.3s %.3s %.3s", compact + 2, compact + 4, compact + 7, compact + 10);
  return g_strdup (compact);
}
