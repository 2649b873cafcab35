/* factures-store-urssaf-year.c — the year's receipts, ceilings and thresholds for the window
 * (issue 17 items 3 and 7; see factures-store-urssaf-year.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-error.h"
#include "factures-store-private.h"
#include "factures-store-urssaf-year.h"

void
factures_urssaf_year_free (FacturesUrssafYear *year)
{
  if (year == NULL)
    return;
  if (year->thresholds != NULL)
    {
      for (guint i = 0; i < year->thresholds->len; i++)
        g_free (g_array_index (year->thresholds, FacturesYearThreshold, i).missing);
      g_array_unref (year->thresholds);
    }
  g_free (year);
}

void
factures_issued_since_free (FacturesIssuedSince *issued)
{
  if (issued == NULL)
    return;
  g_free (issued->number);
  g_free (issued->client);
  g_free (issued);
}

/* The receipts of [@from, @to], per month (every box); with @all and @france the dated amounts
 * the thresholds count (NULL for the year before). */
static gboolean
sum_months (FacturesStore *self,
            const GDate   *from,
            const GDate   *to,
            gint64        *months,
            GArray        *all,
            GArray        *services,
            GArray        *france,
            GArray        *france_services,
            gboolean      *has_sales,
            GError       **error)
{
  g_autoptr(GPtrArray) splits = factures_store_list_split_receipts (self, from, to, error);

  if (splits == NULL)
    return FALSE;
  for (guint i = 0; i < splits->len; i++)
    {
      const FacturesSplitReceipt *s = g_ptr_array_index (splits, i);
      FacturesDatedAmount a = { s->receipt->date, 0 };
      FacturesDatedAmount sv = { s->receipt->date, 0 };
      FacturesDatedAmount fa = { s->receipt->date, s->france_sales + s->france_services };
      FacturesDatedAmount fs = { s->receipt->date, s->france_services };

      for (guint b = 0; b < FACTURES_URSSAF_N_BOXES; b++)
        {
          a.amount += s->box[b];
          if (!factures_urssaf_box_is_sales (b))
            sv.amount += s->box[b];
          else if (s->box[b] != 0 && has_sales != NULL)
            *has_sales = TRUE;
        }
      months[g_date_get_month (&s->receipt->date) - 1] += a.amount;
      if (all != NULL)
        {
          g_array_append_val (all, a);
          g_array_append_val (services, sv);
          g_array_append_val (france, fa);
          g_array_append_val (france_services, fs);
        }
    }
  return TRUE;
}

static gint64
cumulate (GArray *amounts, const GDate *until)
{
  gint64 total = 0;

  for (guint i = 0; i < amounts->len; i++)
    {
      const FacturesDatedAmount *a = &g_array_index (amounts, FacturesDatedAmount, i);

      if (g_date_compare (&a->date, until) <= 0)
        total += a->amount;
    }
  return total;
}

/**
 * factures_store_urssaf_year:
 * (see factures-store-urssaf-year.h)
 */
FacturesUrssafYear *
factures_store_urssaf_year (FacturesStore                *self,
                            guint                         year,
                            const GDate                  *today,
                            const FacturesUrssafSettings *settings,
                            GError                      **error)
{
  g_autoptr(FacturesUrssafYear) out = g_new0 (FacturesUrssafYear, 1);
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (FacturesDatedAmount));
  g_autoptr(GArray) services = g_array_new (FALSE, FALSE, sizeof (FacturesDatedAmount));
  g_autoptr(GArray) france = g_array_new (FALSE, FALSE, sizeof (FacturesDatedAmount));
  g_autoptr(GArray) france_services = g_array_new (FALSE, FALSE, sizeof (FacturesDatedAmount));
  GDate jan1, dec31, prev1, prev31;
  gboolean prorated;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);
  g_return_val_if_fail (g_date_valid_year (year) && today != NULL && g_date_valid (today), NULL);

  out->year = year;
  out->thresholds = g_array_new (FALSE, TRUE, sizeof (FacturesYearThreshold));
  g_date_clear (&out->vat_crossed, 1);
  g_date_clear (&jan1, 1);
  g_date_clear (&dec31, 1);
  g_date_clear (&prev1, 1);
  g_date_clear (&prev31, 1);
  g_date_set_dmy (&jan1, 1, G_DATE_JANUARY, year);
  g_date_set_dmy (&dec31, 31, G_DATE_DECEMBER, year);
  g_date_set_dmy (&prev1, 1, G_DATE_JANUARY, year - 1);
  g_date_set_dmy (&prev31, 31, G_DATE_DECEMBER, year - 1);
  out->today = g_date_compare (today, &dec31) < 0 ? *today : dec31;

  if (g_date_compare (&out->today, &jan1) >= 0
      && !sum_months (self, &jan1, &out->today, out->months, all, services, france, france_services,
                      &out->has_sales, error))
    return NULL;
  if (!sum_months (self, &prev1, &prev31, out->previous, NULL, NULL, NULL, NULL, NULL, error))
    return NULL;

  for (guint m = 0; m < 12; m++)
    {
      GDate end;

      g_date_clear (&end, 1);
      g_date_set_dmy (&end, g_date_get_days_in_month (m + 1, year), m + 1, year);
      out->cumulative[m] = cumulate (all, &end);
      out->cumulative_france[m] = cumulate (france, &end);
    }

  prorated = g_date_valid (&settings->creation) && g_date_get_year (&settings->creation) == year;
  for (guint k = 0; k < FACTURES_N_THRESHOLDS; k++)
    {
      gboolean sales_kind = k == FACTURES_THRESHOLD_MICRO_SALES || k == FACTURES_THRESHOLD_VAT_BASE_SALES
                            || k == FACTURES_THRESHOLD_VAT_MAJOR_SALES;
      gboolean vat_kind = k >= FACTURES_THRESHOLD_VAT_BASE_SALES;
      g_autoptr(GError) missing = NULL;
      FacturesYearThreshold t = { 0, };

      /* The sales limits count the whole turnover (mixed rule, to confirm); they matter only
       * with sales (as --thresholds). */
      if (sales_kind && !out->has_sales)
        continue;
      t.kind = k;
      g_date_clear (&t.crossing.date, 1);
      t.row = factures_threshold_get (year, k, &missing);
      if (t.row == NULL)
        {
          t.missing = g_strdup (missing->message);
          g_array_append_val (out->thresholds, t);
          continue;
        }
      t.amount = factures_threshold_prorated (t.row->amount, year, &settings->creation);
      t.prorated = prorated;
      factures_threshold_crossing (vat_kind ? (sales_kind ? france : france_services)
                                            : (sales_kind ? all : services),
                                   year, t.amount, &settings->creation, &out->today, &t.crossing);
      if (t.crossing.crossed)
        t.alert = 100;
      else if (t.crossing.permille >= (gint) settings->alert_high_percent * 10)
        t.alert = settings->alert_high_percent;
      else if (t.crossing.permille >= (gint) settings->alert_low_percent * 10)
        t.alert = settings->alert_low_percent;
      if (t.crossing.crossed && (k == FACTURES_THRESHOLD_VAT_BASE_SALES || k == FACTURES_THRESHOLD_VAT_BASE_SERVICES))
        out->base_crossed = TRUE;
      if (t.crossing.crossed && (k == FACTURES_THRESHOLD_VAT_MAJOR_SALES || k == FACTURES_THRESHOLD_VAT_MAJOR_SERVICES)
          && (!g_date_valid (&out->vat_crossed) || g_date_compare (&t.crossing.date, &out->vat_crossed) < 0))
        out->vat_crossed = t.crossing.date;
      g_array_append_val (out->thresholds, t);
    }
  return g_steal_pointer (&out);
}

/**
 * factures_store_list_issued_since:
 * (see factures-store-urssaf-year.h)
 */
GPtrArray *
factures_store_list_issued_since (FacturesStore  *self,
                                  const GDate    *since,
                                  GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_issued_since_free);
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);
  g_return_val_if_fail (since != NULL && g_date_valid (since), NULL);

  stmt = factures_store_prepare (self,
                                 "SELECT id, number, issue_date, client_name, amount_due FROM documents "
                                 "WHERE status = 1 AND kind IN (380, 386) AND issue_date >= ?1 "
                                 "ORDER BY number", error);
  if (stmt == NULL)
    return NULL;
  factures_sql_bind_date (stmt, 1, since);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FacturesIssuedSince *d = g_new0 (FacturesIssuedSince, 1);

      d->id = sqlite3_column_int64 (stmt, 0);
      d->number = factures_sql_col_dup (stmt, 1);
      g_date_clear (&d->issue_date, 1);
      factures_date_parse_iso ((const char *) sqlite3_column_text (stmt, 2), &d->issue_date, NULL);
      d->client = factures_sql_col_dup (stmt, 3);
      d->total = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (out, d);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

/* ---- the activity of an imported sale (migration 0023) ---- */

gboolean
factures_store_get_imported_activity (FacturesStore         *self,
                                      gint64                 id,
                                      FacturesLineActivity  *out,
                                      GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  stmt = factures_store_prepare (self, "SELECT activity FROM imported_invoices WHERE id = ?1 AND direction = 'sale'",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out = (FacturesLineActivity) sqlite3_column_int (stmt, 0);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND, _("Imported sale %s: not found."), number);
      return FALSE;
    }
  factures_store_set_db_error (self, error);
  return FALSE;
}

char *
factures_store_imported_activity_warning (FacturesStore  *self,
                                          gint64          id,
                                          GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) periods = NULL;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  /* The keys of urssaf_declarations ("2026-11", "2026-Q4", factures_urssaf_period_key()) of each
   * day a receipt of the sale was cashed or cancelled. */
  stmt = factures_store_prepare (self,
                                 "SELECT DISTINCT u.period, u.declared_on FROM "
                                 "(SELECT date FROM imported_payments WHERE invoice_id = ?1 "
                                 " UNION SELECT r.date FROM imported_payment_reversals r "
                                 " JOIN imported_payments p ON p.id = r.imported_payment_id WHERE p.invoice_id = ?1) x "
                                 "JOIN urssaf_declarations u ON u.period IN (substr (x.date, 1, 7), "
                                 "  substr (x.date, 1, 4) || '-Q' || ((CAST (substr (x.date, 6, 2) AS INTEGER) + 2) / 3)) "
                                 "ORDER BY u.period", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FacturesUrssafPeriod period;
      GDate declared;
      g_autofree char *label = NULL;
      g_autofree char *on = NULL;

      if (!factures_urssaf_period_parse ((const char *) sqlite3_column_text (stmt, 0), NULL, &period, NULL))
        continue;
      factures_sql_col_date (stmt, 1, &declared);
      label = factures_urssaf_period_label (&period);
      on = factures_date_format_fr (&declared);
      if (periods == NULL)
        periods = g_string_new (NULL);
      else
        g_string_append (periods, ", ");
      /* Translators: a declared period in a list, e.g. "novembre 2026 (déclaré le 10/12/2026)" */
      g_string_append_printf (periods, _("%s (declared on %s)"), label, on);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  if (periods == NULL)
    return NULL;
  return g_strdup_printf (_("This sale was cashed in a period already declared to URSSAF: %s. Changing its "
                            "activity changes that declaration’s figures: correct it on the URSSAF site."),
                          periods->str);
}

gboolean
factures_store_set_imported_activity (FacturesStore         *self,
                                      gint64                 id,
                                      FacturesLineActivity   activity,
                                      GError               **error)
{
  return factures_store_set_imported_activity_confirmed (self, id, activity, FALSE, error);
}

gboolean
factures_store_set_imported_activity_confirmed (FacturesStore         *self,
                                                gint64                 id,
                                                FacturesLineActivity   activity,
                                                gboolean               confirmed,
                                                GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(FacturesProfile) profile = NULL;
  FacturesLineActivity old;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  if ((guint) activity > FACTURES_LINE_ACTIVITY_LAST)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Activity: %d is not an activity (sale of goods, BIC or BNC service, classified furnished let)."),
                   (int) activity);
      return FALSE;
    }
  /* The rule of a line at issue (factures_mentions_check(), "line-activity"): a seller of
   * several activities says which one each sale was. */
  profile = factures_store_get_profile (self, NULL);
  if (activity == FACTURES_LINE_ACTIVITY_DEFAULT && profile != NULL && profile->activity == FACTURES_ACTIVITY_BOTH)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Activity: choose the sale’s activity (sale of goods or service): your profile has several."));
      return FALSE;
    }
  if (!factures_store_get_imported_activity (self, id, &old, error))
    return FALSE;
  /* A declared period's figures change only once the user confirmed it (as the other edits
   * touching a declared period are warned of). */
  if (!confirmed && activity != old)
    {
      GError *local_error = NULL;
      g_autofree char *warning = factures_store_imported_activity_warning (self, id, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      if (warning != NULL)
        {
          g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_NOT_EMPTY, warning);
          return FALSE;
        }
    }
  stmt = factures_store_prepare (self, "UPDATE imported_invoices SET activity = ?2 WHERE id = ?1 AND direction = 'sale'",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, activity);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  factures_store_emit_changed (self);
  return TRUE;
}
