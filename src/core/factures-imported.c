/* factures-imported.c — checks and conversion of an imported invoice (issue 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "factures-currency.h"
#include "factures-imported.h"
#include "factures-imported-text.h"

/**
 * factures_imported_line_free:
 * @line: (nullable): a line
 */
void
factures_imported_line_free (FacturesImportedLine *line)
{
  if (line == NULL)
    return;
  g_free (line->line_id);
  g_free (line->name);
  g_free (line->quantity);
  g_free (line->unit_code);
  g_free (line->net_price);
  g_free (line->basis_quantity);
  g_free (line->allowances);
  g_free (line->charges);
  g_free (line->line_total);
  g_free (line->vat_category);
  g_free (line->vat_rate);
  g_free (line->status);
  g_free (line);
}

/**
 * factures_imported_line_counts:
 * @line: an imported line
 *
 * Returns: FALSE for EXTENDED sub-total ("GROUP") and comment ("INFORMATION") lines
 */
gboolean
factures_imported_line_counts (const FacturesImportedLine *line)
{
  return g_strcmp0 (line->status, "GROUP") != 0 && g_strcmp0 (line->status, "INFORMATION") != 0;
}

/**
 * factures_imported_vat_free:
 * @vat: (nullable): a VAT breakdown row
 */
void
factures_imported_vat_free (FacturesImportedVat *vat)
{
  if (vat == NULL)
    return;
  g_free (vat->category);
  g_free (vat->rate);
  g_free (vat->basis);
  g_free (vat->amount);
  g_free (vat->exemption);
  g_free (vat->exemption_code);
  g_free (vat);
}

/**
 * factures_imported_new:
 *
 * Returns: (transfer full): an empty imported invoice, dates cleared
 */
FacturesImported *
factures_imported_new (void)
{
  FacturesImported *self = g_new0 (FacturesImported, 1);

  g_date_clear (&self->issue_date, 1);
  g_date_clear (&self->due_date, 1);
  g_date_clear (&self->preceding_date, 1);
  self->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_imported_line_free);
  self->vat = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_imported_vat_free);
  return self;
}

/**
 * factures_imported_free:
 * @imported: (nullable): an imported invoice
 */
void
factures_imported_free (FacturesImported *imported)
{
  if (imported == NULL)
    return;
  g_free (imported->guideline);
  g_free (imported->number);
  g_free (imported->currency);
  factures_party_clear (&imported->seller);
  factures_party_clear (&imported->buyer);
  g_ptr_array_unref (imported->lines);
  g_ptr_array_unref (imported->vat);
  g_free (imported->doc_allowances);
  g_free (imported->doc_charges);
  g_free (imported->line_total);
  g_free (imported->allowance_total);
  g_free (imported->charge_total);
  g_free (imported->tax_basis_total);
  g_free (imported->tax_total);
  g_free (imported->tax_currency);
  g_free (imported->tax_total_accounting);
  g_free (imported->grand_total);
  g_free (imported->prepaid);
  g_free (imported->rounding);
  g_free (imported->due_payable);
  g_free (imported->issue_date_text);
  g_free (imported->due_date_text);
  g_free (imported->preceding_number);
  g_free (imported);
}

/**
 * factures_decimal_parse:
 * (see factures-imported.h)
 */
gboolean
factures_decimal_parse (const char *text,
                        guint       decimals,
                        gint64     *out_value,
                        gboolean   *out_exact)
{
  const char *p = text;
  gboolean negative = FALSE;
  guint64 value = 0;
  guint frac = 0;
  gboolean digits = FALSE;
  gboolean exact = TRUE;
  gboolean round_up = FALSE;
  gboolean first_dropped = TRUE;

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*p))
    p++;
  if (*p == '-' || *p == '+')
    negative = *p++ == '-';
  for (; g_ascii_isdigit (*p); p++)
    {
      digits = TRUE;
      if (value > (G_MAXINT64 - 9) / 10)
        return FALSE;
      value = value * 10 + (guint64) (*p - '0');
    }
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      {
        digits = TRUE;
        if (frac < decimals)
          {
            if (value > (G_MAXINT64 - 9) / 10)
              return FALSE;
            value = value * 10 + (guint64) (*p - '0');
            frac++;
          }
        else
          {
            if (first_dropped)
              round_up = *p >= '5';
            first_dropped = FALSE;
            if (*p != '0')
              exact = FALSE;
          }
      }
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0' || !digits)
    return FALSE;
  for (; frac < decimals; frac++)
    {
      if (value > G_MAXINT64 / 10)
        return FALSE;
      value *= 10;
    }
  if (round_up)
    value++;
  if (value > G_MAXINT64)
    return FALSE;
  *out_value = negative ? -(gint64) value : (gint64) value;
  if (out_exact != NULL)
    *out_exact = exact;
  return TRUE;
}

/* Cents of an optional amount: 0 when @text is NULL. FALSE when it is not a number. */
static gboolean
cents_of (const char *text, gint64 *out)
{
  if (text == NULL)
    {
      *out = 0;
      return TRUE;
    }
  return factures_decimal_parse (text, 2, out, NULL);
}

/* The amounts in the French form ("1 273,00 €", "110,00 USD"). */
static void
mismatch (GPtrArray *problems, const char *currency, const char *what, gint64 written, gint64 computed)
{
  g_autofree char *w = factures_imported_cents_format (written, currency);
  g_autofree char *c = factures_imported_cents_format (computed, currency);

  g_ptr_array_add (problems, g_strdup_printf (_("%s: the file says %s, its own figures give %s."), what, w, c));
}

/* Line net from quantity, price and basis quantity, in cents (rounded). */
static gboolean
line_amount (const FacturesImportedLine *line, gint64 *out_cents)
{
  gint64 q, p, b = 10000;

  if (!factures_decimal_parse (line->quantity, 4, &q, NULL)
      || !factures_decimal_parse (line->net_price, 6, &p, NULL))
    return FALSE;
  if (line->basis_quantity != NULL && (!factures_decimal_parse (line->basis_quantity, 4, &b, NULL) || b == 0))
    return FALSE;
  /* q·1e4 × p·1e6 / (b·1e4) = amount·1e6 → cents: / 1e4 */
  return factures_muldiv_round (q, p, b * 10000, out_cents, NULL);
}

/**
 * factures_imported_check_figures:
 * (see factures-imported.h)
 */
GPtrArray *
factures_imported_check_figures (const FacturesImported *imported)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);
  gint64 sum_lines = 0, line_total, allowance_total, charge_total, tax_basis, tax_total, grand, prepaid,
         rounding, due, sum_vat = 0, doc_allowances, doc_charges;
  struct { const char *text; gint64 *out; const char *name; } totals[] = {
    { imported->line_total, &line_total, "BT-106" },
    { imported->allowance_total, &allowance_total, "BT-107" },
    { imported->charge_total, &charge_total, "BT-108" },
    { imported->tax_basis_total, &tax_basis, "BT-109" },
    { imported->tax_total, &tax_total, "BT-110" },
    { imported->grand_total, &grand, "BT-112" },
    { imported->prepaid, &prepaid, "BT-113" },
    { imported->rounding, &rounding, "BT-114" },
    { imported->due_payable, &due, "BT-115" },
    { imported->doc_allowances, &doc_allowances, "BT-92" },
    { imported->doc_charges, &doc_charges, "BT-99" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (totals); i++)
    if (!cents_of (totals[i].text, totals[i].out))
      {
        g_ptr_array_add (problems, g_strdup_printf (_("%s: “%s” is not an amount."), totals[i].name, totals[i].text));
        return problems;
      }

  for (guint i = 0; i < imported->lines->len; i++)
    {
      const FacturesImportedLine *line = imported->lines->pdata[i];
      gint64 net, amount, allowances, charges;
      g_autofree char *what = g_strdup_printf (_("Line %s"), line->line_id != NULL ? line->line_id : "?");

      if (!factures_imported_line_counts (line))
        continue;
      if (!cents_of (line->line_total, &net) || !cents_of (line->allowances, &allowances)
          || !cents_of (line->charges, &charges) || !line_amount (line, &amount))
        {
          g_ptr_array_add (problems, g_strdup_printf (_("%s: a figure is not a number."), what));
          continue;
        }
      sum_lines += net;
      /* One cent of tolerance: the price may carry more decimals than the quantity × price product. */
      if (ABS (amount - allowances + charges - net) > 1)
        mismatch (problems, imported->currency, what, net, amount - allowances + charges);
    }
  if (imported->lines->len > 0 && imported->line_total != NULL && sum_lines != line_total)
    mismatch (problems, imported->currency, _("Sum of the lines (BT-106)"), line_total, sum_lines);
  if (imported->doc_allowances != NULL && imported->allowance_total != NULL && doc_allowances != allowance_total)
    mismatch (problems, imported->currency, _("Allowances (BT-107)"), allowance_total, doc_allowances);
  if (imported->doc_charges != NULL && imported->charge_total != NULL && doc_charges != charge_total)
    mismatch (problems, imported->currency, _("Charges (BT-108)"), charge_total, doc_charges);
  if (imported->line_total != NULL && tax_basis != line_total - allowance_total + charge_total)
    mismatch (problems, imported->currency, _("Total without VAT (BT-109)"), tax_basis, line_total - allowance_total + charge_total);

  for (guint i = 0; i < imported->vat->len; i++)
    {
      const FacturesImportedVat *vat = imported->vat->pdata[i];
      gint64 basis, amount, rate, expected;

      if (!cents_of (vat->basis, &basis) || !cents_of (vat->amount, &amount)
          || !factures_decimal_parse (vat->rate != NULL ? vat->rate : "0", 2, &rate, NULL)
          || !factures_muldiv_round (basis, rate, 10000, &expected, NULL))
        {
          g_ptr_array_add (problems, g_strdup (_("VAT breakdown: a figure is not a number.")));
          continue;
        }
      sum_vat += amount;
      if (ABS (expected - amount) > 1)
        {
          g_autofree char *what = g_strdup_printf (_("VAT at %s %%"), vat->rate != NULL ? vat->rate : "0");

          mismatch (problems, imported->currency, what, amount, expected);
        }
    }
  if (imported->vat->len > 0 && imported->tax_total != NULL && sum_vat != tax_total)
    mismatch (problems, imported->currency, _("Total VAT (BT-110)"), tax_total, sum_vat);
  if (imported->grand_total != NULL && grand != tax_basis + tax_total)
    mismatch (problems, imported->currency, _("Total with VAT (BT-112)"), grand, tax_basis + tax_total);
  /* BR-CO-16 (BT-115 = BT-112 - BT-113 + BT-114) only where the profile has BT-113: a
   * MINIMUM file cannot say what was already paid, so its amount due may be lower. */
  if (imported->due_payable != NULL && !imported->no_prepaid && due != grand - prepaid + rounding)
    mismatch (problems, imported->currency, _("Amount due (BT-115)"), due, grand - prepaid + rounding);
  return problems;
}

/* A French unit for a UN/ECE Rec. 20 code (the inverse of factures-cii.c's map). */
static const char *
unit_text (const char *code)
{
  static const char * const map[][2] = {
    { "HUR", "h" }, { "DAY", "jour" }, { "HD", "demi-journée" }, { "WEE", "semaine" },
    { "MON", "mois" }, { "ANN", "an" }, { "MIN", "min" }, { "KGM", "kg" }, { "GRM", "g" },
    { "TNE", "t" }, { "MTR", "m" }, { "KMT", "km" }, { "CMT", "cm" }, { "MTK", "m²" },
    { "MTQ", "m³" }, { "LTR", "l" }, { "LS", "forfait" }, { "KWH", "kWh" },
    { "C62", "u" }, { "H87", "pièce" }, { "EA", "u" }, { "XPP", "pièce" },  /* "one", "piece", "each" */
  };

  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (map); i++)
    if (g_strcmp0 (code, map[i][0]) == 0)
      return map[i][1];
  return NULL;
}

static gboolean
refuse (GError **error, char *message)
{
  g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID, message);
  g_free (message);
  return FALSE;
}

/**
 * factures_imported_to_lines:
 * (see factures-imported.h)
 */
gboolean
factures_imported_to_lines (const FacturesImported *imported,
                            GPtrArray             **out_lines,
                            gint64                 *out_allowance,
                            gboolean               *out_vat_exempt,
                            GError                **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_line_free);
  g_auto(FacturesTotals) totals = { 0 };
  gint64 allowance = 0, charges = 0, prepaid = 0, value;
  gboolean exempt = TRUE;

  /* Issue 13 item 4: any ISO 4217 currency with two decimals (the model's cents). */
  if (imported->currency == NULL || !factures_currency_check (imported->currency, error))
    {
      if (imported->currency == NULL)
        return refuse (error, g_strdup (_("Currency: the file gives no invoice currency (BT-5).")));
      return FALSE;
    }
  if (imported->lines->len == 0)
    return refuse (error, g_strdup (_("The file has no invoice lines (profile MINIMUM or BASIC WL).")));
  if (!cents_of (imported->doc_charges, &charges) || !cents_of (imported->charge_total, &value))
    return refuse (error, g_strdup (_("The document charges are not amounts.")));
  if (charges != 0 || value != 0)
    return refuse (error, g_strdup (_("The invoice has document-level charges, which a draft cannot hold.")));
  if (!cents_of (imported->allowance_total, &allowance) || allowance < 0)
    return refuse (error, g_strdup (_("The document allowance is not a positive amount.")));
  if (!cents_of (imported->prepaid, &prepaid) || prepaid != 0)
    return refuse (error, g_strdup (_("The invoice has an amount already paid (BT-113), which a draft cannot hold.")));

  for (guint i = 0; i < imported->lines->len; i++)
    {
      const FacturesImportedLine *src = imported->lines->pdata[i];
      const char *id = src->line_id != NULL ? src->line_id : "?";
      g_autoptr(FacturesLine) line = factures_line_new ();
      gint64 quantity, price, basis = 10000, line_allowance = 0, line_charges = 0, rate;
      gboolean exact_q, exact_p, exact_b = TRUE, exact_r;
      FacturesVatCategory category;

      if (!factures_imported_line_counts (src))
        return refuse (error, g_strdup_printf (_("Line %s: sub-total and comment lines cannot be held by a draft."), id));
      if (!factures_decimal_parse (src->quantity, 4, &quantity, &exact_q) || !exact_q)
        return refuse (error, g_strdup_printf (_("Line %s: the quantity %s has more than 4 decimals."), id,
                                               src->quantity != NULL ? src->quantity : "?"));
      if (!factures_decimal_parse (src->net_price, 6, &price, &exact_p) || !exact_p)
        return refuse (error, g_strdup_printf (_("Line %s: the unit price %s has more than 6 decimals."), id,
                                               src->net_price != NULL ? src->net_price : "?"));
      if (src->basis_quantity != NULL
          && (!factures_decimal_parse (src->basis_quantity, 4, &basis, &exact_b) || !exact_b || basis <= 0))
        return refuse (error, g_strdup_printf (_("Line %s: the price base quantity %s cannot be used."), id,
                                               src->basis_quantity));
      if (basis != 10000)
        {
          gint64 per_unit;

          /* price per one unit, at 6 decimals, must be exact */
          if (!factures_muldiv_round (price, 10000, basis, &per_unit, NULL)
              || (__int128) per_unit * basis != (__int128) price * 10000)
            return refuse (error, g_strdup_printf (_("Line %s: the unit price %s for %s units has more than 6 decimals per unit."),
                                                   id, src->net_price, src->basis_quantity));
          price = per_unit;
        }
      if (!cents_of (src->charges, &line_charges) || line_charges != 0)
        return refuse (error, g_strdup_printf (_("Line %s: line charges cannot be held by a draft."), id));
      if (!cents_of (src->allowances, &line_allowance) || line_allowance < 0)
        return refuse (error, g_strdup_printf (_("Line %s: the allowance is not a positive amount."), id));
      if (!factures_decimal_parse (src->vat_rate != NULL ? src->vat_rate : "0", 2, &rate, &exact_r) || !exact_r
          || rate < 0 || rate > 10000)
        return refuse (error, g_strdup_printf (_("Line %s: the VAT rate %s cannot be used."), id,
                                               src->vat_rate != NULL ? src->vat_rate : "?"));
      /* Issue 13: every category BR-FR-15 allows (S, Z, E, AE, K, G, O) is kept, with the
       * exemption reason (BT-120) and code (BT-121) of its breakdown row. */
      category = factures_vat_category_from_code (src->vat_category);
      if (category == FACTURES_VAT_CATEGORY_UNSET)
        return refuse (error, g_strdup_printf (_("Line %s: VAT category %s is not handled (S, Z, E, AE, K, G "
                                                 "or O; BR-FR-15)."), id,
                                               src->vat_category != NULL ? src->vat_category : "?"));
      if (category != FACTURES_VAT_CATEGORY_E || rate != 0)
        exempt = FALSE;
      line->vat_category = category;
      for (guint j = 0; j < imported->vat->len; j++)
        {
          const FacturesImportedVat *vat = imported->vat->pdata[j];

          if (g_strcmp0 (vat->category, src->vat_category) != 0)
            continue;
          if (category == FACTURES_VAT_CATEGORY_S || category == FACTURES_VAT_CATEGORY_Z)
            break;
          line->vatex = g_strdup (vat->exemption_code);
          line->exemption_reason = g_strdup (vat->exemption);
          /* Débours (art. 267 II 2° du CGI): the E row coded VATEX-EU-79-C (factures-vat.h). */
          if (category == FACTURES_VAT_CATEGORY_E && g_strcmp0 (vat->exemption_code, FACTURES_VATEX_EU_79_C) == 0)
            line->debours = TRUE;
          break;
        }

      line->description = g_strdup (src->name != NULL ? src->name : "");
      line->quantity = quantity;
      line->unit = g_strdup (unit_text (src->unit_code));
      line->unit_price = price;
      line->vat_rate_bp = (gint) rate;
      line->allowance = line_allowance;
      g_ptr_array_add (lines, g_steal_pointer (&line));
    }

  if (!factures_totals_compute (lines, allowance, exempt, &totals, error))
    return FALSE;

  for (guint i = 0; i < imported->lines->len; i++)
    {
      const FacturesImportedLine *src = imported->lines->pdata[i];
      gint64 written = 0;

      cents_of (src->line_total, &written);
      if (written != g_array_index (totals.line_nets, gint64, i))
        {
          g_autofree char *w = factures_money_format (written);
          g_autofree char *c = factures_money_format (g_array_index (totals.line_nets, gint64, i));

          return refuse (error, g_strdup_printf (_("Line %s: the file's net amount %s is %s in the app."),
                                                 src->line_id != NULL ? src->line_id : "?", w, c));
        }
    }
  {
    struct { const char *text; gint64 computed; const char *what; } checks[] = {
      { imported->line_total, totals.lines_total, _("Sum of the lines") },
      { imported->tax_basis_total, totals.net_total, _("Total without VAT") },
      { imported->tax_total, totals.vat_total, _("Total VAT") },
      { imported->grand_total, totals.gross_total, _("Total with VAT") },
      { imported->due_payable, totals.amount_due, _("Amount due") },
    };

    for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
      {
        gint64 written;

        if (checks[i].text == NULL)
          continue;
        if (!cents_of (checks[i].text, &written) || written != checks[i].computed)
          {
            g_autofree char *w = factures_imported_amount_format (checks[i].text, imported->currency);
            g_autofree char *c = factures_currency_format (checks[i].computed, imported->currency);

            return refuse (error, g_strdup_printf (_("%s: the file says %s, the app computes %s: the totals do not add up in the app's model."),
                                                   checks[i].what, w, c));
          }
      }
  }
  /* Each VAT row of the file is one of the app's rows, to the cent. */
  for (guint i = 0; i < imported->vat->len; i++)
    {
      const FacturesImportedVat *vat = imported->vat->pdata[i];
      gint64 rate = 0, basis = 0, amount = 0;
      gboolean found = FALSE;

      factures_decimal_parse (vat->rate != NULL ? vat->rate : "0", 2, &rate, NULL);
      cents_of (vat->basis, &basis);
      cents_of (vat->amount, &amount);
      for (guint j = 0; j < totals.breakdown->len; j++)
        {
          const FacturesVatBreakdown *row = &g_array_index (totals.breakdown, FacturesVatBreakdown, j);

          if ((exempt ? 0 : row->rate_bp) == rate && row->base == basis && row->vat == amount &&
              g_strcmp0 (factures_vat_category_code (row->vat_category), vat->category) == 0)
            found = TRUE;
        }
      if (!found)
        {
          g_autofree char *b = factures_imported_amount_format (vat->basis, imported->currency);
          g_autofree char *a = factures_imported_amount_format (vat->amount, imported->currency);

          return refuse (error, g_strdup_printf (_("VAT at %s %%: base %s and VAT %s are not what the app computes."),
                                                 vat->rate != NULL ? vat->rate : "0", b, a));
        }
    }

  *out_lines = g_steal_pointer (&lines);
  *out_allowance = allowance;
  *out_vat_exempt = exempt;
  return TRUE;
}

/**
 * factures_imported_currency:
 * (see factures-imported.h)
 */
void
factures_imported_currency (const FacturesImported *imported,
                            char                  **out_currency,
                            gint64                 *out_exchange_rate)
{
  gint64 vat = 0, vat_eur = 0, rate = 0, check = 0;

  *out_currency = factures_currency_normalise (imported->currency);
  *out_exchange_rate = 0;
  if (*out_currency == NULL || g_strcmp0 (imported->tax_currency, "EUR") != 0)
    return;
  if (!cents_of (imported->tax_total, &vat) || !cents_of (imported->tax_total_accounting, &vat_eur)
      || vat == 0 || vat_eur == 0 || (vat < 0) != (vat_eur < 0))
    return;
  /* The rate that gives BT-111 back from BT-110, to the cent (a rate of 6 decimals does for
   * any VAT total under 10 000 units; beyond, the nearest). */
  if (!factures_muldiv_round (ABS (vat_eur), FACTURES_EXCHANGE_RATE_ONE, ABS (vat), &rate, NULL) || rate <= 0)
    return;
  if (factures_currency_vat_eur (ABS (vat), rate, &check, NULL))
    *out_exchange_rate = rate;
}
