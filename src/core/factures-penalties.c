/* factures-penalties.c — late-payment interest (see factures-penalties.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "factures-currency.h"
#include "factures-money.h"
#include "factures-currency.h"
#include "factures-penalties.h"

void
factures_rate_period_clear (FacturesRatePeriod *period)
{
  g_clear_pointer (&period->source, g_free);
}

static void
add_period (GArray *table, gint year, gint half, gint ecb, gint individual, gint other,
            const char *source)
{
  FacturesRatePeriod period = { year, half, ecb, individual, other, g_strdup (source) };
  g_array_append_val (table, period);
}

/* LEGAL.md §3; only values with a source. The ECB rate in force on 1 January 2025 is
 * not in the reference: unknown. */
GArray *
factures_rate_table_new_default (void)
{
  GArray *table = g_array_new (FALSE, TRUE, sizeof (FacturesRatePeriod));

  g_array_set_clear_func (table, (GDestroyNotify) factures_rate_period_clear);
  add_period (table, 2025, 1, FACTURES_RATE_UNKNOWN, 721, 371, "Taux légal : ksca.fr");
  add_period (table, 2025, 2, 215, 665, 276,
              "Taux légal : enligne.biz ; BCE 2,15 % depuis le 11/06/2025");
  add_period (table, 2026, 1, 215, 667, 262,
              "Taux légal : arrêté du 15/12/2025 (JORF 26/12/2025) ; BCE 2,15 % (communiqué BCE du 19/03/2026)");
  return table;
}

FacturesPenaltyRule
factures_penalty_rule_for (FacturesClientCategory category,
                           gint                   fixed_rate_bp)
{
  switch (category)
    {
    case FACTURES_CLIENT_CATEGORY_PUBLIC:
      return FACTURES_PENALTY_RULE_PUBLIC;
    case FACTURES_CLIENT_CATEGORY_INDIVIDUAL:
      return fixed_rate_bp > 0 ? FACTURES_PENALTY_RULE_FIXED : FACTURES_PENALTY_RULE_LEGAL;
    case FACTURES_CLIENT_CATEGORY_COMPANY:
    case FACTURES_CLIENT_CATEGORY_ASSOCIATION:
    default:
      return fixed_rate_bp > 0 ? FACTURES_PENALTY_RULE_FIXED : FACTURES_PENALTY_RULE_ECB_PLUS_10;
    }
}

const char *
factures_penalty_rule_label (FacturesPenaltyRule rule)
{
  switch (rule)
    {
    case FACTURES_PENALTY_RULE_ECB_PLUS_10: return "taux BCE + 10 points";
    case FACTURES_PENALTY_RULE_FIXED:       return "taux fixe";
    case FACTURES_PENALTY_RULE_PUBLIC:      return "taux BCE + 8 points";
    case FACTURES_PENALTY_RULE_LEGAL:       return "taux légal";
    default:                                return "";
    }
}

void
factures_penalties_clear (FacturesPenalties *penalties)
{
  g_clear_pointer (&penalties->segments, g_array_unref);
  memset (penalties, 0, sizeof *penalties);
}

typedef enum { FIELD_ECB, FIELD_LEGAL_OTHER } RateField;

static gint
period_value (const FacturesRatePeriod *p, RateField field)
{
  return field == FIELD_ECB ? p->ecb_bp : p->legal_other_bp;
}

static gint
half_index (gint year, gint half)
{
  return year * 2 + (half - 1);
}

/* The value of @field for half-year (@year, @half): exact, else the latest earlier known
 * value, else the earliest later one (both flag @estimated). -1 when none at all. */
static gint
lookup (const GArray *table, gint year, gint half, RateField field, gboolean *estimated)
{
  gint want = half_index (year, half);
  gint best_before = -1, best_before_idx = G_MININT;
  gint best_after = -1, best_after_idx = G_MAXINT;

  for (guint i = 0; i < table->len; i++)
    {
      const FacturesRatePeriod *p = &g_array_index (table, FacturesRatePeriod, i);
      gint idx = half_index (p->year, p->half);
      gint value = period_value (p, field);

      if (value < 0)
        continue;
      if (idx == want)
        return value;
      if (idx < want && idx > best_before_idx)
        best_before_idx = idx, best_before = value;
      if (idx > want && idx < best_after_idx)
        best_after_idx = idx, best_after = value;
    }
  *estimated = TRUE;
  return best_before >= 0 ? best_before : best_after;
}

static void
half_of (const GDate *date, gint *year, gint *half)
{
  *year = g_date_get_year (date);
  *half = g_date_get_month (date) <= G_DATE_JUNE ? 1 : 2;
}

static gint
compare_payments (gconstpointer a, gconstpointer b)
{
  return g_date_compare (&((const FacturesPenaltyPayment *) a)->date,
                         &((const FacturesPenaltyPayment *) b)->date);
}

static gboolean
missing_rate (GError **error, gint year, gint half)
{
  g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
               _("Rate table: no rate is known for half-year %d of %d."), half, year);
  return FALSE;
}

gboolean
factures_penalties_compute (FacturesClientCategory  category,
                            gint                    fixed_rate_bp,
                            gint64                  principal,
                            const GArray           *payments,
                            const GDate            *due_date,
                            const GDate            *notice_date,
                            const GDate            *end_date,
                            const GArray           *table,
                            FacturesPenalties      *out,
                            GError                **error)
{
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (FacturesPenaltyPayment));
  gboolean b2b = category != FACTURES_CLIENT_CATEGORY_INDIVIDUAL;
  gint public_rate = 0;
  gint64 unpaid = principal;
  guint next_payment = 0;
  GDate cursor;

  g_return_val_if_fail (g_date_valid (due_date) && g_date_valid (end_date), FALSE);

  memset (out, 0, sizeof *out);
  out->rule = factures_penalty_rule_for (category, fixed_rate_bp);
  out->principal = principal;
  out->segments = g_array_new (FALSE, TRUE, sizeof (FacturesPenaltySegment));
  g_date_clear (&out->start, 1);
  g_date_clear (&out->end, 1);

  if (g_date_compare (end_date, due_date) <= 0 || principal <= 0)
    return TRUE;   /* not late */

  if (b2b)
    out->indemnity = FACTURES_PENALTY_INDEMNITY_CENTS;

  /* first day of interest */
  cursor = *due_date;
  g_date_add_days (&cursor, 1);
  if (out->rule == FACTURES_PENALTY_RULE_LEGAL)
    {
      GDate after_notice;

      if (notice_date == NULL || !g_date_valid (notice_date))
        {
          out->total = out->indemnity;
          return TRUE;   /* no formal notice yet: no interest */
        }
      after_notice = *notice_date;
      g_date_add_days (&after_notice, 1);
      if (g_date_compare (&after_notice, &cursor) > 0)
        cursor = after_notice;
    }

  if (payments != NULL)
    g_array_append_vals (sorted, payments->data, payments->len);
  g_array_sort (sorted, compare_payments);

  /* payments before the first day of interest only lower the principal */
  while (next_payment < sorted->len &&
         g_date_compare (&g_array_index (sorted, FacturesPenaltyPayment, next_payment).date, &cursor) < 0)
    unpaid -= g_array_index (sorted, FacturesPenaltyPayment, next_payment++).amount;
  out->principal = unpaid;

  if (out->rule == FACTURES_PENALTY_RULE_PUBLIC)
    {
      gint year, half;
      gboolean estimated = FALSE;
      gint ecb;

      half_of (&cursor, &year, &half);
      ecb = lookup (table, year, half, FIELD_ECB, &estimated);
      if (ecb < 0)
        return missing_rate (error, year, half);
      public_rate = ecb + 800;
      out->table_outdated |= estimated;
    }

  while (unpaid > 0 && g_date_compare (&cursor, end_date) <= 0)
    {
      FacturesPenaltySegment seg = { 0 };
      GDate half_end;
      gboolean estimated = FALSE;

      half_of (&cursor, &seg.year, &seg.half);
      g_date_set_dmy (&half_end, seg.half == 1 ? 30 : 31, seg.half == 1 ? G_DATE_JUNE : G_DATE_DECEMBER,
                      seg.year);
      seg.from = cursor;
      seg.to = g_date_compare (&half_end, end_date) < 0 ? half_end : *end_date;
      if (next_payment < sorted->len)
        {
          const GDate *pd = &g_array_index (sorted, FacturesPenaltyPayment, next_payment).date;
          if (g_date_compare (pd, &seg.to) < 0)
            seg.to = *pd;
        }
      seg.days = factures_date_days_between (&seg.from, &seg.to) + 1;
      seg.unpaid = unpaid;

      switch (out->rule)
        {
        case FACTURES_PENALTY_RULE_PUBLIC:
          seg.rate_bp = public_rate;
          break;
        case FACTURES_PENALTY_RULE_LEGAL:
          seg.rate_bp = lookup (table, seg.year, seg.half, FIELD_LEGAL_OTHER, &estimated);
          if (seg.rate_bp < 0)
            return missing_rate (error, seg.year, seg.half);
          break;
        case FACTURES_PENALTY_RULE_ECB_PLUS_10:
        case FACTURES_PENALTY_RULE_FIXED:
        default:
          if (out->rule == FACTURES_PENALTY_RULE_FIXED)
            seg.rate_bp = fixed_rate_bp;
          else
            {
              gint ecb = lookup (table, seg.year, seg.half, FIELD_ECB, &estimated);
              if (ecb < 0)
                return missing_rate (error, seg.year, seg.half);
              seg.rate_bp = ecb + 1000;
            }
          if (b2b)
            {
              /* C. com. L441-10: never below 3 × the legal rate */
              gint legal = lookup (table, seg.year, seg.half, FIELD_LEGAL_OTHER, &estimated);
              if (legal < 0)
                return missing_rate (error, seg.year, seg.half);
              if (seg.rate_bp < 3 * legal)
                {
                  seg.rate_bp = 3 * legal;
                  seg.floored = TRUE;
                }
            }
          break;
        }
      seg.estimated = estimated;
      out->table_outdated |= estimated;

      if (!factures_muldiv_round (unpaid, (gint64) seg.rate_bp * seg.days,
                                  G_GINT64_CONSTANT (10000) * 365, &seg.amount, error))
        return FALSE;
      if (!factures_money_add (out->interest, seg.amount, &out->interest, error))
        return FALSE;
      out->days += seg.days;
      if (!g_date_valid (&out->start))
        out->start = seg.from;
      out->end = seg.to;
      g_array_append_val (out->segments, seg);

      /* payments on the segment's last day lower the unpaid amount from the next day */
      while (next_payment < sorted->len &&
             g_date_compare (&g_array_index (sorted, FacturesPenaltyPayment, next_payment).date, &seg.to) <= 0)
        unpaid -= g_array_index (sorted, FacturesPenaltyPayment, next_payment++).amount;

      cursor = seg.to;
      g_date_add_days (&cursor, 1);
    }

  if (!factures_money_add (out->interest, out->indemnity, &out->total, error))
    return FALSE;
  return TRUE;
}

char *
factures_penalties_describe (const FacturesPenalties *penalties)
{
  return factures_penalties_describe_in (penalties, NULL);
}

/**
 * factures_penalties_describe_in:
 * @penalties: a computation
 * @currency: (nullable): the invoice's ISO 4217 code (BT-5); NULL or "EUR": euros
 *
 * Returns: (transfer full): the computation spelled out in French, amounts in @currency but the
 *   recovery indemnity in euros (C. com. D441-5)
 */
char *
factures_penalties_describe_in (const FacturesPenalties *penalties,
                                const char              *currency)
{
  GString *text = g_string_new (NULL);
  gboolean euro = factures_currency_is_euro (currency);
  g_autofree char *interest = factures_currency_format (penalties->interest, currency);
  g_autofree char *total = NULL;

  /* (trial finding T6: interest in the invoice's currency, the 40 € indemnity in euros, so a
   * total of both only in euros) */
  if (euro)
    total = factures_money_format (penalties->total);
  else if (penalties->indemnity > 0)
    {
      g_autofree char *indemnity = factures_money_format (penalties->indemnity);

      total = g_strdup_printf ("%s + %s", interest, indemnity);
    }
  else
    total = g_strdup (interest);

  g_string_append_printf (text, "Pénalités de retard : %s", factures_penalty_rule_label (penalties->rule));
  if (penalties->rule == FACTURES_PENALTY_RULE_ECB_PLUS_10 || penalties->rule == FACTURES_PENALTY_RULE_FIXED)
    g_string_append (text, " (au moins 3 fois le taux d’intérêt légal entre professionnels)");
  if (penalties->rule == FACTURES_PENALTY_RULE_LEGAL)
    g_string_append (text, " (à compter de la mise en demeure)");
  g_string_append_c (text, '\n');

  if (penalties->segments == NULL || penalties->segments->len == 0)
    g_string_append (text, "Aucun intérêt couru.\n");
  for (guint i = 0; penalties->segments != NULL && i < penalties->segments->len; i++)
    {
      const FacturesPenaltySegment *seg = &g_array_index (penalties->segments, FacturesPenaltySegment, i);
      g_autofree char *from = factures_date_format_fr (&seg->from);
      g_autofree char *to = factures_date_format_fr (&seg->to);
      g_autofree char *rate = factures_rate_format (seg->rate_bp);
      g_autofree char *unpaid = factures_currency_format (seg->unpaid, currency);
      g_autofree char *amount = factures_currency_format (seg->amount, currency);

      g_string_append_printf (text, "Du %s au %s (%d %s, %s semestre %d) : %s × %s × %d / 365 = %s%s%s\n",
                              from, to, seg->days, seg->days > 1 ? "jours" : "jour",
                              seg->half == 1 ? "1er" : "2e", seg->year, unpaid, rate, seg->days, amount,
                              seg->floored ? " (plancher : 3 fois le taux légal)" : "",
                              seg->estimated ? " (taux du dernier semestre connu)" : "");
    }
  g_string_append_printf (text, "Intérêts de retard (%d %s) : %s\n", penalties->days,
                          penalties->days > 1 ? "jours" : "jour", interest);
  if (penalties->indemnity > 0)
    {
      g_autofree char *indemnity = factures_money_format (penalties->indemnity);
      g_string_append_printf (text, "Indemnité forfaitaire pour frais de recouvrement (art. D441-5 du Code de commerce) : %s\n",
                              indemnity);
    }
  g_string_append_printf (text, "Total : %s\n", total);
  if (penalties->waived)
    g_string_append (text, "Pénalités abandonnées pour cette facture.\n");
  if (penalties->table_outdated)
    g_string_append (text, "Le barème des taux doit être mis à jour.\n");
  return g_string_free (text, FALSE);
}
