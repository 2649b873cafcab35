/* factures-imported-text.c — how an imported invoice reads in French (issue 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "factures-identifiers.h"
#include "factures-imported-text.h"
#include "factures-money.h"

#define NBSP "\xc2\xa0"

/**
 * factures_imported_cents_format:
 * (see factures-imported-text.h)
 */
char *
factures_imported_cents_format (gint64      cents,
                                const char *currency)
{
  g_autofree char *plain = NULL;

  if (currency == NULL || g_strcmp0 (currency, "EUR") == 0)
    return factures_money_format (cents);
  plain = factures_money_format_plain (cents);
  return g_strconcat (plain, NBSP, currency, NULL);
}

/**
 * factures_imported_amount_format:
 * (see factures-imported-text.h)
 */
char *
factures_imported_amount_format (const char *text,
                                 const char *currency)
{
  gint64 cents = 0;
  gboolean exact = FALSE;
  g_autofree char *shown = NULL;

  if (text == NULL)
    return g_strdup ("?");
  if (factures_decimal_parse (text, 2, &cents, &exact) && exact)
    return factures_imported_cents_format (cents, currency);
  /* More decimals than cents, or beyond 64 bits: as written, with a decimal comma. */
  shown = g_strstrip (g_strdelimit (g_strdup (text), ".", ','));
  if (currency == NULL || g_strcmp0 (currency, "EUR") == 0)
    return g_strconcat (shown, NBSP "€", NULL);
  return g_strconcat (shown, NBSP, currency, NULL);
}

/**
 * factures_imported_type_is_credit_note:
 * (see factures-imported-text.h)
 */
gboolean
factures_imported_type_is_credit_note (int type_code)
{
  /* UNTDID 1001 codes of credit notes allowed by EN 16931 (and the two older ones). */
  static const int credit_notes[] = { 81, 83, 261, 262, 296, 308, 381, 396, 420, 458, 532 };

  for (guint i = 0; i < G_N_ELEMENTS (credit_notes); i++)
    if (type_code == credit_notes[i])
      return TRUE;
  return FALSE;
}

/**
 * factures_imported_kind_label:
 * (see factures-imported-text.h)
 */
const char *
factures_imported_kind_label (int type_code)
{
  if (factures_imported_type_is_credit_note (type_code))
    return _("Credit note");
  if (type_code == 386)
    return _("Deposit invoice");
  if (type_code == 384)
    return _("Corrected invoice");
  return _("Invoice");
}

/* TRUE when @text is written as a decimal number (what the XSD lets through). */
static gboolean
is_decimal (const char *text)
{
  const char *p = text;
  gboolean digits = FALSE;

  while (g_ascii_isspace (*p))
    p++;
  if (*p == '-' || *p == '+')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    digits = TRUE;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      digits = TRUE;
  while (g_ascii_isspace (*p))
    p++;
  return digits && *p == '\0';
}

/* FALSE (and the error) when @text is a number beyond what @decimals and @max allow. */
static gboolean
fits (const char *text, guint decimals, gint64 max, const char *what, GError **error)
{
  gint64 value = 0;

  if (text == NULL || !is_decimal (text))
    return TRUE;  /* not a number at all: the figure checks say so */
  if (factures_decimal_parse (text, decimals, &value, NULL) && value <= max && value >= -max)
    return TRUE;
  g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_OVERFLOW,
               /* Translators: %s is the figure (e.g. "Total with VAT (BT-112)"), then the number as the file wrote it */
               _("%s: %s is beyond what the app can hold."), what, text);
  return FALSE;
}

/**
 * factures_imported_check_range:
 * (see factures-imported-text.h)
 */
gboolean
factures_imported_check_range (const FacturesImported  *imported,
                               GError                 **error)
{
  const gint64 max = FACTURES_IMPORTED_AMOUNT_MAX;
  struct { const char *text; const char *what; } totals[] = {
    { imported->line_total, _("Sum of the lines (BT-106)") },
    { imported->allowance_total, _("Allowances (BT-107)") },
    { imported->charge_total, _("Charges (BT-108)") },
    { imported->tax_basis_total, _("Total without VAT (BT-109)") },
    { imported->tax_total, _("Total VAT (BT-110)") },
    { imported->grand_total, _("Total with VAT (BT-112)") },
    { imported->prepaid, _("Amount already paid (BT-113)") },
    { imported->rounding, _("Rounding (BT-114)") },
    { imported->due_payable, _("Amount due (BT-115)") },
    { imported->doc_allowances, _("Allowances (BT-92)") },
    { imported->doc_charges, _("Charges (BT-99)") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (totals); i++)
    if (!fits (totals[i].text, 2, max, totals[i].what, error))
      return FALSE;
  for (guint i = 0; i < imported->lines->len; i++)
    {
      const FacturesImportedLine *line = imported->lines->pdata[i];
      const char *id = line->line_id != NULL ? line->line_id : "?";
      g_autofree char *what = g_strdup_printf (_("Line %s"), id);
      g_autofree char *total_what = g_strdup_printf (_("Line %s, net amount (BT-131)"), id);
      g_autofree char *quantity_what = g_strdup_printf (_("Line %s, quantity (BT-129)"), id);
      g_autofree char *price_what = g_strdup_printf (_("Line %s, net price (BT-146)"), id);

      /* Fifth trial, finding 11: a line holds what a line of the app holds (FACTURES_AMOUNT_MAX,
       * FACTURES_QUANTITY_MAX, FACTURES_UNIT_PRICE_MAX); quantity at 1e-4 and unit price at 1e-6,
       * the app's own units. */
      if (!fits (line->line_total, 2, FACTURES_AMOUNT_MAX, total_what, error)
          || !fits (line->allowances, 2, FACTURES_AMOUNT_MAX, what, error)
          || !fits (line->charges, 2, FACTURES_AMOUNT_MAX, what, error)
          || !fits (line->quantity, 4, FACTURES_QUANTITY_MAX, quantity_what, error)
          || !fits (line->net_price, 6, FACTURES_UNIT_PRICE_MAX, price_what, error)
          || !fits (line->basis_quantity, 4, FACTURES_QUANTITY_MAX, quantity_what, error))
        return FALSE;
    }
  for (guint i = 0; i < imported->vat->len; i++)
    {
      const FacturesImportedVat *vat = imported->vat->pdata[i];
      const char *what = _("VAT breakdown");

      if (!fits (vat->basis, 2, max, what, error) || !fits (vat->amount, 2, max, what, error)
          || !fits (vat->rate, 2, 10000 * 100, what, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * factures_imported_parse_date:
 * (see factures-imported-text.h)
 */
gboolean
factures_imported_parse_date (const char *text,
                              GDate      *out_date)
{
  guint64 value;
  guint y, m, d;

  g_date_clear (out_date, 1);
  if (text == NULL || strlen (text) != 8 || strspn (text, "0123456789") != 8)
    return FALSE;
  value = g_ascii_strtoull (text, NULL, 10);
  y = (guint) (value / 10000);
  m = (guint) (value / 100 % 100);
  d = (guint) (value % 100);
  if (y < FACTURES_YEAR_FIRST || y > 2999 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (out_date, d, m, y);
  return TRUE;
}

/* FALSE (and the error naming @what) when @text is longer than @max characters. */
static gboolean
text_fits (const char *text, glong max, const char *what, GError **error)
{
  glong length;

  if (text == NULL)
    return TRUE;
  length = g_utf8_validate (text, -1, NULL) ? g_utf8_strlen (text, -1) : (glong) strlen (text);
  if (length <= max)
    return TRUE;
  g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
               /* Translators: %s names the field ("Seller name (BT-27)"); then its length and the limit */
               _("%s: %ld characters, at most %ld are accepted."), what, length, max);
  return FALSE;
}

static const char *
shown (const char *text)
{
  return g_utf8_validate (text, -1, NULL) ? text : "?";
}

/* TRUE when @text, without its spaces, is 9 digits (a SIREN rather than a SIRET or another
 * registration). */
static gboolean
nine_digits (const char *text)
{
  guint n = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '.' || *p == '-')
        continue;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      n++;
    }
  return n == 9;
}

/* France and the places with French SIRENs and postal codes (a missing
 * country is France, as in factures_postal_code_check()). */
static gboolean
is_french (const char *country)
{
  static const char *const french[] = { "FR", "GP", "MQ", "GF", "RE", "PM", "YT", "BL", "MF", "MC" };

  if (country == NULL || *country == '\0')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (french); i++)
    if (strcmp (country, french[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Fifth trial, findings 5 and 6: the country is an ISO 3166-1 code (EN 16931
 * BT-40/BT-55, code list ISO 3166-1 alpha-2), and a French SIREN, SIRET and
 * VAT number the file gives are those of one business (the window's checks,
 * factures_party_identifiers_check()); other schemes are not compared. */
static gboolean
party_agrees (const FacturesParty *party, gboolean seller, GError **error)
{
  g_autofree char *country = NULL;
  g_autofree char *siren = NULL;
  g_autofree char *siret = NULL;
  g_autofree char *vat_id = NULL;
  GError *local_error = NULL;

  if (!factures_country_code_check (party->country_code, &country, NULL))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   /* Translators: %s names the field ("Seller country (BT-40)"), then the code of the file */
                   _("%s: “%s” is not an ISO 3166-1 country code."),
                   seller ? _("Seller country (BT-40)") : _("Buyer country (BT-55)"),
                   g_utf8_validate (party->country_code, -1, NULL) ? party->country_code : "?");
      return FALSE;
    }
  /* Sixth trial, finding 4: what the window and the JSON import refuse is
   * refused here too, naming the BT field. Only what is surely wrong: the
   * seller's 9-digit SIREN when French (BT-30 may hold a SIRET or another
   * registration), its SIRET (scheme 0009 is the SIRET), and both parties' French
   * postal codes. The buyer's identifiers are not checked for their keys: the
   * public samples carry made-up ones (akretion: 987654321, FR05987654321), and
   * the buyer of a purchase is the business itself, checked in its profile. */
  if (!factures_siren_check (party->siren, &siren, NULL))
    {
      g_clear_pointer (&siren, g_free);
      if (seller && is_french (country) && nine_digits (party->siren))
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       /* Translators: %s names the field ("Seller legal registration (BT-30)"), then the text */
                       _("%s: “%s” is not a valid SIREN number (9 digits with a valid check digit)."),
                       _("Seller legal registration (BT-30)"), shown (party->siren));
          return FALSE;
        }
    }
  if (!factures_siret_check (party->siret, &siret, NULL))
    {
      g_clear_pointer (&siret, g_free);
      if (seller)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       /* Translators: %s names the field ("Seller identifier (BT-29)"), then the text */
                       _("%s: “%s” is not a valid SIRET number (14 digits with a valid check digit)."),
                       _("Seller identifier (BT-29)"), shown (party->siret));
          return FALSE;
        }
    }
  /* A VAT number with wrong check digits is not refused: public samples carry some
   * (mustangproject validV2FR.xml: FR44552081317; CII_example4.xml: DK16356706). */
  if (!factures_vat_id_check (party->vat_id, &vat_id, NULL))
    g_clear_pointer (&vat_id, g_free);
  if (!factures_postal_code_check (party->postal_code, country, &local_error))
    {
      g_clear_error (&local_error);
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   /* Translators: %s names the field ("Seller post code (BT-38)"), then the code, then the country */
                   _("%s: “%s” is not a postal code of the country %s."),
                   seller ? _("Seller post code (BT-38)") : _("Buyer post code (BT-53)"),
                   shown (party->postal_code),
                   country != NULL ? country : "FR");
      return FALSE;
    }
  if (!factures_party_identifiers_check (siren, siret, vat_id, &local_error))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   "%s: %s",
                   seller ? _("Seller identifiers (BT-29, BT-30, BT-31)")
                          : _("Buyer identifiers (BT-46, BT-47, BT-48)"),
                   local_error->message);
      g_error_free (local_error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
party_fits (const FacturesParty *party, gboolean seller, GError **error)
{
  struct { const char *text; const char *what; } fields[] = {
    { party->name, seller ? _("Seller name (BT-27)") : _("Buyer name (BT-44)") },
    { party->siren, seller ? _("Seller legal registration (BT-30)") : _("Buyer legal registration (BT-47)") },
    { party->siret, seller ? _("Seller identifier (BT-29)") : _("Buyer identifier (BT-46)") },
    { party->vat_id, seller ? _("Seller VAT number (BT-31)") : _("Buyer VAT number (BT-48)") },
    { party->email, seller ? _("Seller e-mail (BT-34)") : _("Buyer e-mail (BT-49)") },
    { party->phone, seller ? _("Seller phone (BT-42)") : _("Buyer phone (BT-57)") },
    { party->address, seller ? _("Seller address (BG-5)") : _("Buyer address (BG-8)") },
    { party->postal_code, seller ? _("Seller post code (BT-38)") : _("Buyer post code (BT-53)") },
    { party->city, seller ? _("Seller city (BT-37)") : _("Buyer city (BT-52)") },
    { party->country_code, seller ? _("Seller country (BT-40)") : _("Buyer country (BT-55)") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (!text_fits (fields[i].text, FACTURES_IMPORTED_TEXT_MAX, fields[i].what, error))
      return FALSE;
  return party_agrees (party, seller, error);
}

/* FALSE (and the error naming @what) when @text is written but is not a date. */
static gboolean
date_ok (const char *text, const char *what, GError **error)
{
  GDate date;

  if (text == NULL || factures_imported_parse_date (text, &date))
    return TRUE;
  g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
               /* Translators: %s names the date ("Issue date (BT-2)"), then the text of the file */
               _("%s: “%s” is not a date (YYYYMMDD, years 1900 to 2999)."), what, text);
  return FALSE;
}

/**
 * factures_imported_check_content:
 * (see factures-imported-text.h)
 */
gboolean
factures_imported_check_content (const FacturesImported  *imported,
                                 GError                 **error)
{
  if (imported->number == NULL || *imported->number == '\0')
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Invoice number (BT-1): the file gives none."));
      return FALSE;
    }
  if (!text_fits (imported->number, FACTURES_IMPORTED_NUMBER_MAX, _("Invoice number (BT-1)"), error))
    return FALSE;
  if (imported->issue_date_text != NULL)
    {
      if (!date_ok (imported->issue_date_text, _("Issue date (BT-2)"), error))
        return FALSE;
    }
  else if (!g_date_valid (&imported->issue_date))
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Issue date (BT-2): the file gives none."));
      return FALSE;
    }
  if (!date_ok (imported->due_date_text, _("Due date (BT-9)"), error)
      || !text_fits (imported->preceding_number, FACTURES_IMPORTED_NUMBER_MAX,
                     _("Preceding invoice reference (BT-25)"), error)
      || !text_fits (imported->currency, 3, _("Currency (BT-5)"), error)
      || !text_fits (imported->guideline, FACTURES_IMPORTED_TEXT_MAX, _("Specification identifier (BT-24)"), error)
      || !party_fits (&imported->seller, TRUE, error)
      || !party_fits (&imported->buyer, FALSE, error))
    return FALSE;
  for (guint i = 0; i < imported->lines->len; i++)
    {
      const FacturesImportedLine *line = imported->lines->pdata[i];
      g_autofree char *what = NULL;

      if (!text_fits (line->line_id, FACTURES_IMPORTED_NUMBER_MAX, _("Line identifier (BT-126)"), error))
        return FALSE;
      what = g_strdup_printf (_("Line %s, item name (BT-153)"), line->line_id != NULL ? line->line_id : "?");
      if (!text_fits (line->name, FACTURES_IMPORTED_TEXT_MAX, what, error)
          || !text_fits (line->unit_code, FACTURES_IMPORTED_TEXT_MAX, _("Unit (BT-130)"), error)
          || !text_fits (line->vat_category, FACTURES_IMPORTED_TEXT_MAX, _("VAT category (BT-151)"), error)
          || !text_fits (line->status, FACTURES_IMPORTED_TEXT_MAX, _("Line status"), error))
        return FALSE;
    }
  for (guint i = 0; i < imported->vat->len; i++)
    {
      const FacturesImportedVat *vat = imported->vat->pdata[i];

      if (!text_fits (vat->exemption, FACTURES_IMPORTED_TEXT_MAX, _("VAT exemption reason (BT-120)"), error)
          || !text_fits (vat->category, FACTURES_IMPORTED_TEXT_MAX, _("VAT category (BT-118)"), error))
        return FALSE;
    }
  return TRUE;
}
