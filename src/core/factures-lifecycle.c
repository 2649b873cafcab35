/* factures-lifecycle.c — quotes, deposit invoices and credit notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-lifecycle.h"

FacturesQuoteStatus
factures_quote_status_derive (gboolean     issued,
                              gboolean     accepted,
                              gboolean     refused,
                              gboolean     invoiced,
                              const GDate *valid_until,
                              const GDate *today)
{
  if (!issued)
    return FACTURES_QUOTE_STATUS_DRAFT;
  if (accepted)
    return invoiced ? FACTURES_QUOTE_STATUS_INVOICED : FACTURES_QUOTE_STATUS_ACCEPTED;
  if (refused)
    return FACTURES_QUOTE_STATUS_REFUSED;
  if (valid_until != NULL && g_date_valid (valid_until) && today != NULL && g_date_valid (today) &&
      g_date_compare (today, valid_until) > 0)
    return FACTURES_QUOTE_STATUS_EXPIRED;
  return FACTURES_QUOTE_STATUS_SENT;
}

const char *
factures_quote_status_title (FacturesQuoteStatus status)
{
  switch (status)
    {
    case FACTURES_QUOTE_STATUS_DRAFT:
      return _("Draft");
    case FACTURES_QUOTE_STATUS_SENT:
      return _("Sent");
    case FACTURES_QUOTE_STATUS_ACCEPTED:
      return _("Accepted");
    case FACTURES_QUOTE_STATUS_REFUSED:
      return _("Refused");
    case FACTURES_QUOTE_STATUS_EXPIRED:
      return _("Expired");
    case FACTURES_QUOTE_STATUS_INVOICED:
      return _("Invoiced");
    default:
      return "";
    }
}

void
factures_quote_default_validity (const GDate *issue_date,
                                 GDate       *out)
{
  g_return_if_fail (issue_date != NULL && g_date_valid (issue_date));

  *out = *issue_date;
  g_date_add_days (out, FACTURES_QUOTE_VALIDITY_DAYS);
}

GPtrArray *
factures_lifecycle_amount_lines (const FacturesDocument *source,
                                 gint                    percent_bp,
                                 gint64                  amount,
                                 const char             *description,
                                 GError                **error)
{
  g_auto(FacturesTotals) totals = { NULL, };
  g_autoptr(GPtrArray) lines = NULL;
  gint64 remaining;
  guint n;

  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (description != NULL, NULL);

  if (!factures_document_compute_totals (source, &totals, error))
    return NULL;

  if (percent_bp != 0)
    {
      if (percent_bp < 0 || percent_bp > FACTURES_RATE_ONE)
        {
          g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                               _("Percentage: the share must be above 0 and at most 100 %."));
          return NULL;
        }
    }
  else if (amount <= 0)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Amount: the amount must be above 0."));
      return NULL;
    }
  else if (amount > totals.net_total)
    {
      g_autofree char *max = factures_money_format (totals.net_total);

      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Amount: the amount is above the total before tax (%s)."), max);
      return NULL;
    }

  if (totals.net_total <= 0)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Amount: the document has nothing to take a share of."));
      return NULL;
    }

  lines = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_line_free);
  n = totals.breakdown->len;
  remaining = amount;
  for (guint i = 0; i < n; i++)
    {
      const FacturesVatBreakdown *row = &g_array_index (totals.breakdown, FacturesVatBreakdown, i);
      FacturesLine *line;
      gint64 net;

      if (percent_bp != 0)
        {
          if (!factures_money_apply_rate (row->base, percent_bp, &net, error))
            return NULL;
        }
      else if (i + 1 == n)
        net = remaining;
      else
        {
          if (!factures_muldiv_round (amount, row->base, totals.net_total, &net, error))
            return NULL;
          remaining -= net;
        }
      if (net == 0)
        continue;

      line = factures_line_new ();
      g_free (line->description);
      if (n > 1)
        {
          g_autofree char *rate = factures_rate_format (row->rate_bp);

          line->description = g_strdup_printf ("%s — TVA %s", description, rate);
        }
      else
        line->description = g_strdup (description);
      line->quantity = FACTURES_QUANTITY_ONE;
      line->unit_price = net * (FACTURES_UNIT_PRICE_ONE / 100);
      line->vat_rate_bp = row->rate_bp;
      /* Issue 13: the row's VAT treatment, and the activity of the source's first line of that
       * category (so that the proposal for the share is the source's). Lines of a source from
       * before issue 13 (no category) keep the old rule. */
      for (guint j = 0; source->lines != NULL && j < source->lines->len; j++)
        {
          const FacturesLine *src = g_ptr_array_index (source->lines, j);
          FacturesVatTreatment treatment;

          if (src->vat_category == FACTURES_VAT_CATEGORY_UNSET)
            continue;
          factures_vat_line_treatment (src, source->seller == NULL ||
                                            source->seller->vat_regime == FACTURES_VAT_REGIME_FRANCHISE,
                                       &treatment);
          if (treatment.category != row->vat_category ||
              (row->vat_category == FACTURES_VAT_CATEGORY_S && treatment.rate_bp != row->rate_bp))
            continue;
          line->activity = factures_vat_line_activity (src, source->seller);
          line->vat_category = row->vat_category;
          line->vatex = g_strdup (row->vatex);
          line->exemption_reason = g_strdup (row->reason);
          line->override_reason = g_strdup (src->override_reason);
          break;
        }
      g_ptr_array_add (lines, line);
    }

  if (lines->len == 0)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Amount: the share is 0,00 €."));
      return NULL;
    }
  return g_steal_pointer (&lines);
}
