/* factures-imported-text.c — how an imported invoice reads in French (issue 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

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
      g_autofree char *what = g_strdup_printf (_("Line %s"), line->line_id != NULL ? line->line_id : "?");

      if (!fits (line->line_total, 2, max, what, error) || !fits (line->allowances, 2, max, what, error)
          || !fits (line->charges, 2, max, what, error)
          /* quantity at 1e-4 and unit price at 1e-6: the app's own units */
          || !fits (line->quantity, 4, max * 100, what, error) || !fits (line->net_price, 6, max * 1000, what, error)
          || !fits (line->basis_quantity, 4, max * 100, what, error))
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
