/* factures-checks.c — field checks shared by the forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "factures-checks.h"
#include "factures-identifiers.h"
#include "factures-terms.h"

static char *
take_message (GError *error)
{
  char *message = g_strdup (error->message);

  g_error_free (error);
  return message;
}

char *
factures_check_text (const char *text,
                     const char *field,
                     gsize       max_chars,
                     gboolean    required)
{
  GError *error = NULL;
  g_autofree char *clean = factures_text_clean (text, field, max_chars, required, &error);

  if (clean == NULL && error != NULL)
    return take_message (error);
  return NULL;
}

char *
factures_check_email (const char *text)
{
  const char *at;
  char *message = factures_check_text (text, _("E-mail address"), 254, FALSE);

  if (message != NULL || *text == '\0')
    return message;
  at = strchr (text, '@');
  if (at == NULL || at == text || strchr (at + 1, '@') != NULL ||
      strchr (at + 1, '.') == NULL || g_str_has_suffix (text, ".") ||
      strpbrk (text, " \t\n,;<>") != NULL)
    return g_strdup_printf (_("E-mail address: “%s” is not a valid address."), text);
  return NULL;
}

char *
factures_check_phone (const char *text)
{
  char *message = factures_check_text (text, _("Phone"), 30, FALSE);

  if (message != NULL || *text == '\0')
    return message;
  if (strspn (text, "0123456789 +.-()") != strlen (text))
    return g_strdup_printf (_("Phone: “%s” is not a phone number."), text);
  return NULL;
}

char *
factures_check_postal_code (const char *text,
                            gboolean    required)
{
  char *message = factures_check_text (text, _("Postal code"), 10, required);

  if (message != NULL || *text == '\0')
    return message;
  if (strlen (text) != 5 || strspn (text, "0123456789") != 5)
    return g_strdup_printf (_("Postal code: “%s” is not a French postal code (5 digits)."), text);
  return NULL;
}

char *
factures_check_siren_or_siret (const char  *text,
                               gboolean     required,
                               char       **out_siren,
                               char       **out_siret)
{
  g_autofree char *compact = NULL;
  g_autofree char *out = NULL;
  GError *error = NULL;

  if (*text == '\0')
    {
      if (required)
        return g_strdup (_("SIREN or SIRET: required, it is printed on every invoice."));
      return NULL;
    }

  compact = factures_identifier_compact (text);
  if (strlen (compact) == 14)
    {
      if (!factures_siret_check (text, &out, &error))
        return take_message (error);
      if (out_siret != NULL)
        *out_siret = g_strdup (out);
      if (out_siren != NULL)
        *out_siren = g_strndup (out, 9);
      return NULL;
    }
  if (strlen (compact) == 9)
    {
      if (!factures_siren_check (text, &out, &error))
        return take_message (error);
      if (out_siren != NULL)
        *out_siren = g_strdup (out);
      return NULL;
    }
  return g_strdup_printf (_("SIREN or SIRET: “%s” is neither 9 digits (SIREN) nor 14 digits (SIRET)."), text);
}

char *
factures_check_days (const char             *text,
                     FacturesClientCategory  category,
                     guint                  *out_days)
{
  guint64 days = 0;
  FacturesPaymentTerms terms = { FACTURES_TERMS_DAYS, 0 };
  GError *error = NULL;

  if (!g_ascii_string_to_unsigned (text, 10, 0, 365, &days, NULL))
    return g_strdup_printf (_("Number of days: “%s” is not a whole number from 0 to 365."), text);
  terms.days = (guint) days;
  if (!factures_terms_validate (&terms, category, &error))
    return take_message (error);
  if (out_days != NULL)
    *out_days = (guint) days;
  return NULL;
}

const char *
factures_client_category_label (FacturesClientCategory category)
{
  switch (category)
    {
    case FACTURES_CLIENT_CATEGORY_INDIVIDUAL:
      return _("Individual");
    case FACTURES_CLIENT_CATEGORY_COMPANY:
      return _("Business");
    case FACTURES_CLIENT_CATEGORY_ASSOCIATION:
      return _("Association");
    case FACTURES_CLIENT_CATEGORY_PUBLIC:
      return _("Public body");
    default:
      return "";
    }
}
