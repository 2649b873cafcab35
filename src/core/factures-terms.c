/* factures-terms.c — payment terms and due dates (C. com. L441-10, LEGAL.md §3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-terms.h"

static void
end_of_month (GDate *date)
{
  g_date_set_day (date, g_date_get_days_in_month (g_date_get_month (date),
                                                  g_date_get_year (date)));
}

/**
 * factures_terms_due_date:
 * @terms: payment terms
 * @method: how to count "45 jours fin de mois" (profile setting)
 * @issue_date: a valid issue date
 * @out_due_date: (out caller-allocates): the due date
 *
 * On receipt: the issue date. N days: issue date + N. 45 days end of month,
 * the two counts accepted by the DGCCRF for C. com. L441-10:
 * %FACTURES_EOM_METHOD_ADD_THEN_END: issue date + 45 days, then the last day
 * of that month (15 January → 1 March → 31 March);
 * %FACTURES_EOM_METHOD_END_THEN_ADD: the last day of the issue month, then
 * + 45 days (15 January → 31 January → 17 March).
 */
void
factures_terms_due_date (const FacturesPaymentTerms *terms,
                         FacturesEomMethod           method,
                         const GDate                *issue_date,
                         GDate                      *out_due_date)
{
  g_return_if_fail (terms != NULL);
  g_return_if_fail (issue_date != NULL && g_date_valid (issue_date));
  g_return_if_fail (out_due_date != NULL);

  *out_due_date = *issue_date;
  switch (terms->kind)
    {
    case FACTURES_TERMS_ON_RECEIPT:
      break;
    case FACTURES_TERMS_DAYS:
      g_date_add_days (out_due_date, terms->days);
      break;
    case FACTURES_TERMS_END_OF_MONTH_45:
      if (method == FACTURES_EOM_METHOD_END_THEN_ADD)
        {
          end_of_month (out_due_date);
          g_date_add_days (out_due_date, 45);
        }
      else
        {
          g_date_add_days (out_due_date, 45);
          end_of_month (out_due_date);
        }
      break;
    default:
      g_return_if_reached ();
    }
}

/**
 * factures_terms_validate:
 * @terms: payment terms
 * @category: the buyer's category
 * @error: FACTURES_ERROR_INVALID with a French message
 *
 * Professional buyers (factures_client_category_is_b2b()): at most 60 days
 * from the issue date, or 45 days end of month (C. com. L441-10 I). Any
 * buyer: at most 365 days (a typing error otherwise), and never a negative count
 * (a value above G_MAXINT32: a negative number cast to guint).
 *
 * Returns: %TRUE when the terms are allowed.
 */
gboolean
factures_terms_validate (const FacturesPaymentTerms *terms,
                         FacturesClientCategory      category,
                         GError                    **error)
{
  g_return_val_if_fail (terms != NULL, FALSE);

  switch (terms->kind)
    {
    case FACTURES_TERMS_ON_RECEIPT:
    case FACTURES_TERMS_END_OF_MONTH_45:
      return TRUE;
    case FACTURES_TERMS_DAYS:
      /* A negative count (-30 from a JSON file) arrives wrapped round as a guint: said as
       * typed, never as "4294967266 days" (issue 10 finding 8). */
      if (terms->days > G_MAXINT32)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("Payment terms: %d days is negative; give a number of days from 0 to 365."),
                       (gint) (gint32) terms->days);
          return FALSE;
        }
      if (factures_client_category_is_b2b (category) && terms->days > 60)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("Payment terms: %u days is longer than the legal maximum for a "
                         "professional client (60 days from the issue date, or 45 days end "
                         "of month; Code de commerce L441-10)."),
                       terms->days);
          return FALSE;
        }
      if (terms->days > 365)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("Payment terms: %u days is more than a year."), terms->days);
          return FALSE;
        }
      return TRUE;
    default:
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Payment terms: unknown kind of terms."));
      return FALSE;
    }
}

/**
 * factures_terms_describe:
 * @terms: payment terms
 *
 * Returns: (transfer full): "On receipt", "30 days", "45 days end of month",
 *   translated for the UI.
 */
char *
factures_terms_describe (const FacturesPaymentTerms *terms)
{
  g_return_val_if_fail (terms != NULL, NULL);

  switch (terms->kind)
    {
    case FACTURES_TERMS_DAYS:
      return g_strdup_printf (ngettext ("%u day", "%u days", terms->days), terms->days);
    case FACTURES_TERMS_END_OF_MONTH_45:
      return g_strdup (_("45 days end of month"));
    case FACTURES_TERMS_ON_RECEIPT:
    default:
      return g_strdup (_("On receipt"));
    }
}

/**
 * factures_terms_describe_fr:
 * @terms: payment terms
 *
 * Always French, for the document: "À réception", "30 jours",
 * "45 jours fin de mois".
 *
 * Returns: (transfer full): the text.
 */
char *
factures_terms_describe_fr (const FacturesPaymentTerms *terms)
{
  g_return_val_if_fail (terms != NULL, NULL);

  switch (terms->kind)
    {
    case FACTURES_TERMS_DAYS:
      return g_strdup_printf ("%u jour%s", terms->days, terms->days > 1 ? "s" : "");
    case FACTURES_TERMS_END_OF_MONTH_45:
      return g_strdup ("45 jours fin de mois");
    case FACTURES_TERMS_ON_RECEIPT:
    default:
      return g_strdup ("À réception");
    }
}
