/* factures-schedule.c — a payment schedule (échéancier) agreed before issuing (issue 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "factures-currency.h"
#include "factures-schedule.h"
#include "factures-terms.h"

/**
 * factures_document_has_schedule:
 * @document: a document
 *
 * Returns: %TRUE when @document carries a payment schedule (one instalment or more).
 */
gboolean
factures_document_has_schedule (const FacturesDocument *document)
{
  g_return_val_if_fail (document != NULL, FALSE);

  return document->instalments != NULL && document->instalments->len > 0;
}

/**
 * factures_schedule_total:
 * @plan: (nullable) (element-type FacturesPlannedInstalment): a schedule
 *
 * Returns: the sum of the instalments, in cents; 0 for %NULL or an empty plan.
 */
gint64
factures_schedule_total (const GArray *plan)
{
  gint64 sum = 0;

  for (guint i = 0; plan != NULL && i < plan->len; i++)
    sum += g_array_index (plan, FacturesPlannedInstalment, i).amount;
  return sum;
}

/**
 * factures_schedule_due_date:
 * @plan: (nullable) (element-type FacturesPlannedInstalment): a schedule
 * @out: (out caller-allocates): the last instalment's date
 *
 * The due date of a document paid by instalments is the last instalment's
 * date: the day the whole amount is owed. It is the one payment due date the
 * Factur-X XML carries (EN 16931 BT-9; the plan itself goes into BT-20) and the
 * "Échéance" printed on the PDF (C. com. L441-9: the date payment is due).
 *
 * Returns: %FALSE without a plan (@out untouched).
 */
gboolean
factures_schedule_due_date (const GArray *plan,
                            GDate        *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (plan == NULL || plan->len == 0)
    return FALSE;
  *out = g_array_index (plan, FacturesPlannedInstalment, plan->len - 1).due_date;
  return TRUE;
}

/**
 * factures_schedule_legal_limit:
 * @issue_date: a valid issue date
 * @method: the profile's count of "45 jours fin de mois"
 * @out: (out caller-allocates): the latest date allowed
 *
 * The latest date a professional buyer may be asked to pay by: the later of
 * 60 days from the issue date and 45 days end of month (counted with
 * @method), the two maximum delays of C. com. L441-10 I (LEGAL.md §3), the
 * same caps factures_terms_validate() applies to payment terms.
 */
void
factures_schedule_legal_limit (const GDate       *issue_date,
                               FacturesEomMethod  method,
                               GDate             *out)
{
  FacturesPaymentTerms sixty = { FACTURES_TERMS_DAYS, 60 };
  FacturesPaymentTerms eom = { FACTURES_TERMS_END_OF_MONTH_45, 0 };
  GDate a, b;

  g_return_if_fail (issue_date != NULL && g_date_valid (issue_date));
  g_return_if_fail (out != NULL);

  factures_terms_due_date (&sixty, method, issue_date, &a);
  factures_terms_due_date (&eom, method, issue_date, &b);
  *out = g_date_compare (&a, &b) >= 0 ? a : b;
}

/**
 * factures_schedule_validate:
 * @plan: (element-type FacturesPlannedInstalment): a schedule (not empty)
 * @issue_date: the document's issue date
 * @category: the buyer's category
 * @method: the profile's count of "45 jours fin de mois"
 * @amount_due: the document's amount due in cents (BT-115), or -1 to skip the
 *   sum check (a draft, whose total still changes)
 * @error: FACTURES_ERROR_INVALID, with a French message naming the
 *   "Échéancier" and the instalment
 *
 * The rules a schedule obeys when its document is issued:
 * every date valid and strictly after the previous one; the first one not
 * before the issue date (EN 16931 BR-FR-CO-07 wants BT-9 ≥ BT-2, and an
 * instalment due before the invoice exists is a payment, not a term); every
 * amount > 0; their sum equal to @amount_due (the plan splits what is owed,
 * nothing more, nothing less); and, for a professional buyer
 * (factures_client_category_is_b2b()), the last date no later than
 * factures_schedule_legal_limit(): C. com. L441-10 I caps the payment delay
 * of the whole debt, an instalment plan does not extend it.
 *
 * Returns: %TRUE when the schedule can be issued.
 */
gboolean
factures_schedule_validate (const GArray           *plan,
                            const GDate            *issue_date,
                            FacturesClientCategory  category,
                            FacturesEomMethod       method,
                            gint64                  amount_due,
                            GError                **error)
{
  gint64 sum = 0;

  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (issue_date != NULL && g_date_valid (issue_date), FALSE);

  for (guint i = 0; i < plan->len; i++)
    {
      const FacturesPlannedInstalment *inst = &g_array_index (plan, FacturesPlannedInstalment, i);

      if (!g_date_valid (&inst->due_date))
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("Payment schedule: the due date of instalment %u is missing or invalid."),
                       i + 1);
          return FALSE;
        }
      if (inst->amount <= 0)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("Payment schedule: the amount of instalment %u must be greater than zero."),
                       i + 1);
          return FALSE;
        }
      if (i == 0 && g_date_compare (&inst->due_date, issue_date) < 0)
        {
          g_autofree char *date = factures_date_format_fr (&inst->due_date);
          g_autofree char *issue = factures_date_format_fr (issue_date);

          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("Payment schedule: the first instalment (%s) is due before the issue "
                         "date (%s)."), date, issue);
          return FALSE;
        }
      if (i > 0 && g_date_compare (&inst->due_date,
                                   &g_array_index (plan, FacturesPlannedInstalment, i - 1).due_date) <= 0)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("Payment schedule: instalment %u must be due after the previous one."),
                       i + 1);
          return FALSE;
        }
      if (!factures_money_add (sum, inst->amount, &sum, error))
        return FALSE;
    }

  if (amount_due >= 0 && sum != amount_due)
    {
      g_autofree char *got = factures_money_format (sum);
      g_autofree char *want = factures_money_format (amount_due);

      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Payment schedule: the instalments add up to %s but the amount due is %s. "
                     "Correct the schedule, then issue."), got, want);
      return FALSE;
    }

  if (plan->len > 0 && factures_client_category_is_b2b (category))
    {
      GDate limit;
      const GDate *last = &g_array_index (plan, FacturesPlannedInstalment, plan->len - 1).due_date;

      factures_schedule_legal_limit (issue_date, method, &limit);
      if (g_date_compare (last, &limit) > 0)
        {
          g_autofree char *date = factures_date_format_fr (last);
          g_autofree char *max = factures_date_format_fr (&limit);

          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("Payment schedule: the last instalment (%s) is later than the legal "
                         "maximum for a professional client, %s (60 days from the issue date, "
                         "or 45 days end of month; Code de commerce L441-10)."), date, max);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * factures_schedule_title_fr:
 * @plan: (element-type FacturesPlannedInstalment): a schedule
 *
 * Returns: (transfer full): "Paiement en 3 échéances" ("en 1 échéance"), always French.
 */
char *
factures_schedule_title_fr (const GArray *plan)
{
  guint n = plan != NULL ? plan->len : 0;

  return g_strdup_printf ("Paiement en %u échéance%s", n, n > 1 ? "s" : "");
}

/**
 * factures_schedule_list_fr:
 * @plan: (element-type FacturesPlannedInstalment): a schedule
 *
 * Returns: (transfer full): "300,00 € le 15/01/2027 ; 390,00 € le 15/02/2027",
 *   always French (amounts by factures_money_format(), no-break spaces around "le"
 *   and before ";", so that lines wrap between instalments only).
 */
char *
factures_schedule_list_fr (const GArray *plan)
{
  return factures_schedule_list_in (plan, NULL);
}

/**
 * factures_schedule_list_in:
 * @plan: (element-type FacturesPlannedInstalment): a schedule
 * @currency: (nullable): the document's ISO 4217 code (BT-5); NULL or "EUR": euros
 *
 * factures_schedule_list_fr() with the amounts in @currency (factures_currency_format()):
 * "300,00 GBP le 15/01/2027 ; …" (issue 13 item 4).
 *
 * Returns: (transfer full): the list, French
 */
char *
factures_schedule_list_in (const GArray *plan,
                           const char   *currency)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; plan != NULL && i < plan->len; i++)
    {
      const FacturesPlannedInstalment *inst = &g_array_index (plan, FacturesPlannedInstalment, i);
      g_autofree char *amount = factures_currency_format (inst->amount, currency);
      g_autofree char *date = factures_date_format_fr (&inst->due_date);

      if (i > 0)
        g_string_append (out, "\302\240; ");
      /* no-break spaces: an instalment never wraps between its amount and its date */
      g_string_append_printf (out, "%s\302\240le\302\240%s", amount, date);
    }
  return g_string_free (out, FALSE);
}

/**
 * factures_schedule_describe_fr:
 * @plan: (element-type FacturesPlannedInstalment): a schedule
 *
 * Returns: (transfer full): "Paiement en 3 échéances : 300,00 € le 15/01/2027 ; …",
 *   the payment terms text of the XML (BT-20), always French.
 */
char *
factures_schedule_describe_fr (const GArray *plan)
{
  return factures_schedule_describe_in (plan, NULL);
}

/**
 * factures_schedule_describe_in:
 * @plan: (element-type FacturesPlannedInstalment): a schedule
 * @currency: (nullable): the document's ISO 4217 code; NULL or "EUR": euros
 *
 * factures_schedule_describe_fr() with the amounts in @currency (issue 13 item 4).
 *
 * Returns: (transfer full): the BT-20 text, French
 */
char *
factures_schedule_describe_in (const GArray *plan,
                               const char   *currency)
{
  g_autofree char *title = factures_schedule_title_fr (plan);
  g_autofree char *list = factures_schedule_list_in (plan, currency);

  return g_strdup_printf ("%s\302\240: %s", title, list);
}

static gint
compare_fills (gconstpointer a,
               gconstpointer b)
{
  return g_date_compare (&((const FacturesPenaltyPayment *) a)->date,
                         &((const FacturesPenaltyPayment *) b)->date);
}

/**
 * factures_schedule_penalties:
 * @plan: (element-type FacturesPlannedInstalment): the schedule in force, in date order
 * @settled: cents of the schedule settled without a date (credit notes), ≥ 0
 * @payments: (element-type FacturesPenaltyPayment) (nullable): the payments on the
 *   schedule, any order
 * @category: the buyer's category
 * @fixed_rate_bp: as factures_penalties_compute()
 * @notice_date: (nullable): as factures_penalties_compute()
 * @end_date: last day counted
 * @table: (element-type FacturesRatePeriod): the rate table
 * @out: (out caller-allocates): cleared first; clear with factures_penalties_clear()
 * @error: as factures_penalties_compute()
 *
 * Late penalties of an invoice paid by instalments: interest runs on each instalment
 * from the day after its own due date (C. com. L441-10: penalties are due from the
 * day after the payment date agreed, and each instalment has its own), on what is
 * unpaid on it. @settled, then the payments in date order, fill the instalments in
 * due-date order, the earliest first (as factures_store_get_instalments() does).
 * Each instalment is computed by factures_penalties_compute(); the result adds up
 * their interest and lists their segments, instalment after instalment. The 40 €
 * indemnity is due once per late invoice (C. com. D441-5), not per instalment.
 * @out->principal is the sum of what was unpaid on the late instalments when their
 * interest started; @out->days the longest delay among them; @out->start the
 * earliest first day of interest.
 *
 * Returns: FALSE on the errors of factures_penalties_compute().
 */
gboolean
factures_schedule_penalties (const GArray           *plan,
                             gint64                  settled,
                             const GArray           *payments,
                             FacturesClientCategory  category,
                             gint                    fixed_rate_bp,
                             const GDate            *notice_date,
                             const GDate            *end_date,
                             const GArray           *table,
                             FacturesPenalties      *out,
                             GError                **error)
{
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (FacturesPenaltyPayment));
  guint next = 0;
  gint64 left_in_payment = 0;

  g_return_val_if_fail (plan != NULL && end_date != NULL, FALSE);

  memset (out, 0, sizeof *out);
  out->rule = factures_penalty_rule_for (category, fixed_rate_bp);
  out->segments = g_array_new (FALSE, TRUE, sizeof (FacturesPenaltySegment));
  g_date_clear (&out->start, 1);
  g_date_clear (&out->end, 1);

  if (payments != NULL)
    g_array_append_vals (sorted, payments->data, payments->len);
  g_array_sort (sorted, compare_fills);
  if (sorted->len > 0)
    left_in_payment = g_array_index (sorted, FacturesPenaltyPayment, 0).amount;

  for (guint i = 0; i < plan->len; i++)
    {
      const FacturesPlannedInstalment *inst = &g_array_index (plan, FacturesPlannedInstalment, i);
      g_autoptr(GArray) later = g_array_new (FALSE, FALSE, sizeof (FacturesPenaltyPayment));
      g_auto(FacturesPenalties) one = { 0 };
      gint64 need = inst->amount;
      gint64 principal;
      gint64 take = MIN (settled, need);

      /* what credit notes settle first, then the payments in date order */
      settled -= take;
      need -= take;
      principal = need;
      while (need > 0 && next < sorted->len)
        {
          const FacturesPenaltyPayment *p = &g_array_index (sorted, FacturesPenaltyPayment, next);
          FacturesPenaltyPayment part = { p->date, MIN (left_in_payment, need) };

          need -= part.amount;
          left_in_payment -= part.amount;
          if (g_date_compare (&part.date, &inst->due_date) <= 0)
            principal -= part.amount;
          else
            g_array_append_val (later, part);
          if (left_in_payment == 0 && ++next < sorted->len)
            left_in_payment = g_array_index (sorted, FacturesPenaltyPayment, next).amount;
        }

      if (!factures_penalties_compute (category, fixed_rate_bp, principal, later, &inst->due_date,
                                       notice_date, end_date, table, &one, error))
        {
          factures_penalties_clear (out);
          return FALSE;
        }
      if (one.indemnity == 0 && one.segments->len == 0 && !g_date_valid (&one.start))
        continue;   /* not late */
      if (!factures_money_add (out->interest, one.interest, &out->interest, error) ||
          !factures_money_add (out->principal, one.principal, &out->principal, error))
        {
          factures_penalties_clear (out);
          return FALSE;
        }
      out->indemnity = MAX (out->indemnity, one.indemnity);
      out->days = MAX (out->days, one.days);
      out->table_outdated |= one.table_outdated;
      if (g_date_valid (&one.start) &&
          (!g_date_valid (&out->start) || g_date_compare (&one.start, &out->start) < 0))
        out->start = one.start;
      if (g_date_valid (&one.end) &&
          (!g_date_valid (&out->end) || g_date_compare (&one.end, &out->end) > 0))
        out->end = one.end;
      g_array_append_vals (out->segments, one.segments->data, one.segments->len);
    }

  return factures_money_add (out->interest, out->indemnity, &out->total, error);
}
