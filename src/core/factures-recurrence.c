/* factures-recurrence.c — recurring templates, catalogue items, payment risk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-recurrence.h"

gboolean
factures_period_is_valid (gint period)
{
  return period == FACTURES_PERIOD_MONTHLY || period == FACTURES_PERIOD_QUARTERLY ||
         period == FACTURES_PERIOD_YEARLY;
}

/**
 * factures_period_title:
 *
 * Returns: (transfer none): the period's name, translated.
 */
const char *
factures_period_title (FacturesPeriod period)
{
  switch (period)
    {
    case FACTURES_PERIOD_MONTHLY:
      return _("Monthly");
    case FACTURES_PERIOD_QUARTERLY:
      return _("Quarterly");
    case FACTURES_PERIOD_YEARLY:
      return _("Yearly");
    default:
      return "";
    }
}

FacturesRecurring *
factures_recurring_new (void)
{
  FacturesRecurring *r = g_new0 (FacturesRecurring, 1);

  r->period = FACTURES_PERIOD_MONTHLY;
  g_date_clear (&r->start_date, 1);
  g_date_clear (&r->next_date, 1);
  g_date_clear (&r->end_date, 1);
  r->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_line_free);
  return r;
}

FacturesRecurring *
factures_recurring_copy (const FacturesRecurring *recurring)
{
  FacturesRecurring *r;

  if (recurring == NULL)
    return NULL;
  r = factures_recurring_new ();
  r->id = recurring->id;
  r->client_id = recurring->client_id;
  r->client_name = g_strdup (recurring->client_name);
  r->period = recurring->period;
  r->start_date = recurring->start_date;
  r->next_date = recurring->next_date;
  r->end_date = recurring->end_date;
  r->auto_issue = recurring->auto_issue;
  r->allowance = recurring->allowance;
  r->notes = g_strdup (recurring->notes);
  r->currency = g_strdup (recurring->currency);
  for (guint i = 0; recurring->lines != NULL && i < recurring->lines->len; i++)
    g_ptr_array_add (r->lines, factures_line_copy (g_ptr_array_index (recurring->lines, i)));
  return r;
}

void
factures_recurring_free (FacturesRecurring *recurring)
{
  if (recurring == NULL)
    return;
  g_free (recurring->client_name);
  g_free (recurring->notes);
  g_free (recurring->currency);
  g_clear_pointer (&recurring->lines, g_ptr_array_unref);
  g_free (recurring);
}

void
factures_recurrence_nth (const GDate    *start,
                         FacturesPeriod  period,
                         guint           n,
                         GDate          *out)
{
  guint months, year, month, day, last;

  g_return_if_fail (g_date_valid (start));

  months = (guint) (g_date_get_month (start) - 1) + n * (guint) period;
  year = g_date_get_year (start) + months / 12;
  month = months % 12 + 1;
  day = g_date_get_day (start);
  last = g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) MIN (day, last), (GDateMonth) month, (GDateYear) year);
}

void
factures_recurrence_after (const GDate    *start,
                           FacturesPeriod  period,
                           const GDate    *date,
                           GDate          *out)
{
  gint months;
  guint n;

  g_return_if_fail (g_date_valid (start) && g_date_valid (date));

  if (g_date_compare (date, start) < 0)
    {
      *out = *start;
      return;
    }
  /* Start a little before the answer and walk forward. */
  months = ((gint) g_date_get_year (date) - (gint) g_date_get_year (start)) * 12 +
           ((gint) g_date_get_month (date) - (gint) g_date_get_month (start));
  n = months > (gint) period ? (guint) (months / (gint) period) - 1 : 0;
  for (;; n++)
    {
      factures_recurrence_nth (start, period, n, out);
      if (g_date_compare (out, date) > 0)
        return;
    }
}

/**
 * factures_recurring_due_dates:
 *
 * Returns: (transfer full) (element-type GDate): the due occurrences, oldest first.
 */
GArray *
factures_recurring_due_dates (const FacturesRecurring *recurring,
                              const GDate             *today)
{
  GArray *dates = g_array_new (FALSE, FALSE, sizeof (GDate));
  GDate d;

  if (!g_date_valid (&recurring->next_date) || !g_date_valid (&recurring->start_date) ||
      !factures_period_is_valid (recurring->period))
    return dates;
  d = recurring->next_date;
  while (g_date_compare (&d, today) <= 0 &&
         (!g_date_valid (&recurring->end_date) || g_date_compare (&d, &recurring->end_date) <= 0))
    {
      GDate next;

      g_array_append_val (dates, d);
      factures_recurrence_after (&recurring->start_date, recurring->period, &d, &next);
      d = next;
    }
  return dates;
}

FacturesCatalogueItem *
factures_catalogue_item_new (void)
{
  return g_new0 (FacturesCatalogueItem, 1);
}

FacturesCatalogueItem *
factures_catalogue_item_copy (const FacturesCatalogueItem *item)
{
  FacturesCatalogueItem *c;

  if (item == NULL)
    return NULL;
  c = g_new0 (FacturesCatalogueItem, 1);
  *c = *item;
  c->name = g_strdup (item->name);
  c->description = g_strdup (item->description);
  c->unit = g_strdup (item->unit);
  return c;
}

void
factures_catalogue_item_free (FacturesCatalogueItem *item)
{
  if (item == NULL)
    return;
  g_free (item->name);
  g_free (item->description);
  g_free (item->unit);
  g_free (item);
}

/**
 * factures_catalogue_item_to_line:
 *
 * Returns: (transfer full): a new line, quantity 1 (10000 in 1e-4).
 */
FacturesLine *
factures_catalogue_item_to_line (const FacturesCatalogueItem *item,
                                 gboolean                     vat_exempt)
{
  FacturesLine *line = factures_line_new ();

  g_free (line->description);
  if (item->description != NULL && *item->description != '\0')
    line->description = g_strdup_printf ("%s\n%s", item->name ? item->name : "", item->description);
  else
    line->description = g_strdup (item->name ? item->name : "");
  line->quantity = FACTURES_QUANTITY_ONE;
  g_free (line->unit);
  line->unit = g_strdup (item->unit);
  line->unit_price = item->unit_price;
  line->vat_rate_bp = vat_exempt ? 0 : item->vat_rate_bp;
  line->allowance = 0;
  /* Issue 13: the item's activity (its VAT category is proposed by the editor). */
  line->activity = item->activity != FACTURES_LINE_ACTIVITY_DEFAULT ? item->activity
                   : item->is_goods ? FACTURES_LINE_ACTIVITY_GOODS : FACTURES_LINE_ACTIVITY_DEFAULT;
  return line;
}

FacturesRisk
factures_client_history_risk (const FacturesClientHistory *history)
{
  /* Nothing was due yet (nothing paid, nothing late): no history to judge from. */
  if (history->n_invoices == 0 || (history->n_paid == 0 && history->n_overdue == 0))
    return FACTURES_RISK_UNKNOWN;
  if (history->max_days_late > 30 ||
      (history->outstanding > 0 && history->overdue * 2 > history->outstanding) ||
      (history->n_paid > 0 && history->average_delay > 30))
    return FACTURES_RISK_HIGH;
  if (history->n_overdue > 0 || (history->n_paid > 0 && history->average_delay > 7))
    return FACTURES_RISK_MEDIUM;
  return FACTURES_RISK_LOW;
}

const char *
factures_risk_title (FacturesRisk risk)
{
  switch (risk)
    {
    case FACTURES_RISK_LOW:
      return _("Low: pays on time");
    case FACTURES_RISK_MEDIUM:
      return _("Medium: some delays");
    case FACTURES_RISK_HIGH:
      return _("High: ask for a deposit");
    case FACTURES_RISK_UNKNOWN:
    default:
      return _("No history yet");
    }
}
