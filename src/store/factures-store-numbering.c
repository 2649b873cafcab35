/* factures-store-numbering.c — numbers that never repeat and never skip (issue 10)
 *
 * The number series (table number_series: 0001, 0002, 0009-numbering.sql): their listing and
 * their changes (Preferences → Numbering), the counter of issuing, the own sales imported as
 * history that continue a series, and what --verify checks of them.
 *
 * Numbers of a series follow each other without gaps and never repeat (CGI, annexe II,
 * art. 242 nonies A, I-7°; BOI-TVA-DECLA-30-20-20; LEGAL.md §1). Every number of the business
 * counts: the documents issued with Factures and the own sales imported as history
 * (imported_invoices.direction = 'sale'); purchases from other sellers do not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "factures-series.h"
#include "factures-store-lifecycle.h"
#include "factures-store-numbering-private.h"

#define COUNTER_MAX      G_GINT64_CONSTANT (999999999999)
#define COUNTER_MAX_TEXT "999999999999"

static guint
year_of (const GDate *date)
{
  return date != NULL && g_date_valid (date) ? g_date_get_year (date) : 0;
}

/* The year next_counter belongs to: set by hand or by an import for a new year, else the
 * year of the series' last number; 0 when nothing was numbered. */
static guint
counter_year (const FacturesSeries *series)
{
  return series->counter_year > 0 ? series->counter_year : year_of (&series->last_issued);
}

/* The day a change applies from: @date or today, never before the series' last number. */
static void
effective_day (const FacturesSeries *series,
               const GDate          *date,
               GDate                *out)
{
  if (date != NULL && g_date_valid (date))
    *out = *date;
  else
    factures_today (out);
  if (g_date_valid (&series->last_issued) && g_date_compare (out, &series->last_issued) < 0)
    *out = series->last_issued;
}

/* Whether @series gave a number in the period of @day: this year with a yearly restart,
 * ever otherwise. */
static gboolean
series_started (const FacturesSeries *series,
                gboolean              yearly_reset,
                const GDate          *day)
{
  guint last_year = year_of (&series->last_issued);

  if (last_year == 0)
    return FALSE;
  if (!yearly_reset)
    return TRUE;
  return last_year >= year_of (day) && series->counter_year <= last_year;
}

/* The kinds of document a series numbers (SQL list). */
static const char *
series_kinds (const char *name)
{
  if (g_strcmp0 (name, "invoice") == 0)
    return "380, 386";
  if (g_strcmp0 (name, "quote") == 0)
    return "0";
  if (g_strcmp0 (name, "credit-note") == 0)
    return "381";
  return "NULL";
}

/* A series as messages name it. */
const char *
factures_store_series_label (const char *name)
{
  if (g_strcmp0 (name, "invoice") == 0)
    return _("invoices and deposit invoices");
  if (g_strcmp0 (name, "quote") == 0)
    return _("quotes");
  if (g_strcmp0 (name, "credit-note") == 0)
    return _("credit notes");
  return name;
}

void
factures_series_free (FacturesSeries *series)
{
  if (series == NULL)
    return;
  g_free (series->name);
  g_free (series->pattern);
  g_free (series);
}

static FacturesSeries *
get_series (FacturesStore  *self,
            const char     *name,
            GError        **error)
{
  g_autoptr(FacturesCachedStmt) stmt = NULL;
  FacturesSeries *series;
  GDate today;

  stmt = factures_store_prepare_cached (self,
                                        "SELECT name, pattern, next_counter, yearly_reset, last_issued_date, "
                                        "counter_year FROM number_series WHERE name = ?1",
                                 error);
  if (stmt == NULL)
    return NULL;
  factures_sql_bind_text (stmt, 1, name);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND,
                   _("No number series named “%s”."), name);
      return NULL;
    }
  series = g_new0 (FacturesSeries, 1);
  series->name = factures_sql_col_dup (stmt, 0);
  series->pattern = factures_sql_col_dup (stmt, 1);
  series->next_counter = sqlite3_column_int64 (stmt, 2);
  series->yearly_reset = sqlite3_column_int (stmt, 3) != 0;
  factures_sql_col_date (stmt, 4, &series->last_issued);
  series->counter_year = (guint) CLAMP (sqlite3_column_int64 (stmt, 5), 0, 9999);
  effective_day (series, NULL, &today);
  series->counter_now = factures_series_counter_since (series->next_counter, counter_year (series),
                                                       &today, series->yearly_reset);
  series->started = series_started (series, series->yearly_reset, &today);
  return series;
}

GPtrArray *
factures_store_list_series (FacturesStore  *self,
                            GError        **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_series_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  stmt = factures_store_prepare (self, "SELECT name FROM number_series ORDER BY name", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FacturesSeries *series = get_series (self, (const char *) sqlite3_column_text (stmt, 0), error);

      if (series == NULL)
        return NULL;
      g_ptr_array_add (list, series);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* ---- the numbers given in a series' terms ---- */

typedef struct {
  gint64      issued;         /* highest counter Factures issued in the period, 0 when none */
  guint       issued_year;    /* the year read from that number (0: the pattern has none) */
  char       *issued_number;
  GDate       issued_date;    /* the latest issue date of the series' documents (any period) */
  gint64      held;           /* highest counter held by an own imported sale in the period */
  char       *held_number;
  GHashTable *held_set;       /* counter (gint64*) → number, the own imported sales of the period */
} Period;

static void
period_clear (Period *period)
{
  g_clear_pointer (&period->issued_number, g_free);
  g_clear_pointer (&period->held_number, g_free);
  g_clear_pointer (&period->held_set, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Period, period_clear)

static gboolean
has_column (FacturesStore *self,
            const char    *table,
            const char    *column)
{
  g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self,
    "SELECT 1 FROM pragma_table_info (?1) WHERE name = ?2", NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, column, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* The numbers of series @name that @pattern reads: the documents Factures issued in it and the
 * own sales imported as history (when @with_imported). With a yearly restart only those of
 * @period_year count; otherwise every document, and the imported sales of @period_year or later
 * (an earlier year can never be given again: numbers follow dates). */
static gboolean
scan_period (FacturesStore  *self,
             const char     *name,
             const char     *pattern,
             gboolean        yearly_reset,
             guint           period_year,
             gboolean        with_imported,
             Period         *out,
             GError        **error)
{
  g_autoptr(sqlite3_stmt) docs = NULL;
  g_autofree char *sql = NULL;
  int rc;

  memset (out, 0, sizeof *out);
  g_date_clear (&out->issued_date, 1);
  out->held_set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  sql = g_strdup_printf ("SELECT number, issue_date FROM documents WHERE status = 1 AND kind IN (%s)",
                         series_kinds (name));
  docs = factures_store_prepare (self, sql, error);
  if (docs == NULL)
    return FALSE;
  while ((rc = sqlite3_step (docs)) == SQLITE_ROW)
    {
      const char *number = (const char *) sqlite3_column_text (docs, 0);
      guint year = 0;
      gint64 counter = 0;
      GDate date;

      factures_sql_col_date (docs, 1, &date);
      if (g_date_valid (&date) &&
          (!g_date_valid (&out->issued_date) || g_date_compare (&date, &out->issued_date) > 0))
        out->issued_date = date;
      if (number == NULL || !factures_series_parse (pattern, number, &year, &counter))
        continue;
      if (yearly_reset && year != 0 && year != period_year)
        continue;
      if (counter > out->issued)
        {
          out->issued = counter;
          out->issued_year = year;
          g_free (out->issued_number);
          out->issued_number = g_strdup (number);
        }
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }

  if (with_imported)
    {
      g_autoptr(sqlite3_stmt) sales = factures_store_prepare (self,
        "SELECT number FROM imported_invoices WHERE direction = 'sale'", error);

      if (sales == NULL)
        return FALSE;
      while ((rc = sqlite3_step (sales)) == SQLITE_ROW)
        {
          const char *number = (const char *) sqlite3_column_text (sales, 0);
          guint year = 0;
          gint64 counter = 0;

          if (number == NULL || !factures_series_parse (pattern, number, &year, &counter))
            continue;
          if (year != 0 && (yearly_reset ? year != period_year : year < period_year))
            continue;
          g_hash_table_insert (out->held_set, g_memdup2 (&counter, sizeof counter), g_strdup (number));
          if (counter > out->held)
            {
              out->held = counter;
              g_free (out->held_number);
              out->held_number = g_strdup (number);
            }
        }
      if (rc != SQLITE_DONE)
        {
          factures_store_set_db_error (self, error);
          return FALSE;
        }
    }
  return TRUE;
}

/* ---- changes by hand (Preferences → Numbering) ---- */

/* No number given so far (issued, or held by an own imported sale) could come again from the
 * series as it would be. @skip_own: leave out the imported sales that the series' current
 * pattern reads (an unchanged pattern: issuing and the counter rules see to those). */
static gboolean
check_unique (FacturesStore         *self,
              const FacturesSeries  *series,
              const char            *pattern,
              gboolean               yearly_reset,
              gint64                 next_counter,
              guint                  year,
              gboolean               with_imported,
              gboolean               skip_own,
              GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = factures_store_prepare (self, "SELECT number FROM documents WHERE number IS NOT NULL "
                                       "ORDER BY chain_seq", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *existing = (const char *) sqlite3_column_text (stmt, 0);

      if (factures_series_may_repeat_since (pattern, yearly_reset, next_counter, year, existing))
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("Pattern: this change could give number %s a second time; numbers never "
                         "repeat. Change the letters of the pattern or raise the next number."),
                       existing);
          return FALSE;
        }
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  if (!with_imported)
    return TRUE;

  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = factures_store_prepare (self, "SELECT number FROM imported_invoices WHERE direction = 'sale' "
                                       "ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *existing = (const char *) sqlite3_column_text (stmt, 0);

      if (existing == NULL || (skip_own && factures_series_parse (series->pattern, existing, NULL, NULL)))
        continue;
      if (factures_series_may_repeat_since (pattern, yearly_reset, next_counter, year, existing))
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("Pattern: this change could give number %s a second time: an own sale "
                         "imported as history already holds it, and numbers never repeat. Change the "
                         "letters of the pattern or raise the next number past it."),
                       existing);
          return FALSE;
        }
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* The series @name as the user wants it: every check, the next number it would give, and the
 * counter and counter year to store. */
static char *
plan_series (FacturesStore  *self,
             const char     *name,
             const char     *pattern,
             gint64          next_counter,
             gboolean        yearly_reset,
             const GDate    *date,
             gint64         *out_next,
             guint          *out_year,
             GError        **error)
{
  g_autoptr(FacturesSeries) series = NULL;
  g_autofree char *number = NULL;
  gboolean same, moves;
  gint64 current, new_next, counter;
  guint new_year, year;
  GDate when;

  series = get_series (self, name, error);
  if (series == NULL)
    return NULL;
  if (next_counter < 1)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Next number: the counter must be 1 or more."));
      return NULL;
    }
  /* Twelve digits at most: the widest counter {NNNNNNNNNNNN}, read back by factures_series_parse(). */
  if (next_counter > COUNTER_MAX)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Next number: the counter must be at most %s."), COUNTER_MAX_TEXT);
      return NULL;
    }
  if (!factures_series_pattern_check (pattern, yearly_reset, error))
    return NULL;

  effective_day (series, date, &when);
  same = g_strcmp0 (pattern, series->pattern) == 0 && !yearly_reset == !series->yearly_reset;
  /* The counter the series would give with the new restart setting; the one shown (with the
   * current setting) is no move either. */
  current = factures_series_counter_since (series->next_counter, counter_year (series), &when,
                                           yearly_reset);
  moves = next_counter != current &&
          next_counter != factures_series_counter_since (series->next_counter, counter_year (series),
                                                         &when, series->yearly_reset);
  if (moves)
    {
      new_next = next_counter;
      new_year = yearly_reset ? year_of (&when) : 0;
    }
  else
    {
      new_next = series->next_counter;
      new_year = series->counter_year;
    }
  year = new_year > 0 ? new_year : year_of (&series->last_issued);
  counter = factures_series_counter_since (new_next, year, &when, yearly_reset);
  number = factures_series_format (pattern, &when, counter, error);
  if (number == NULL)
    return NULL;

  /* A new pattern first: its repeats are the first thing to say. */
  if (!same && !check_unique (self, series, pattern, yearly_reset, new_next, year, TRUE, FALSE, error))
    return NULL;

  /* The counter never goes back and skips nothing once the period has begun; it may pass
   * numbers held by own sales imported as history (they are not gaps). */
  if (moves && series_started (series, yearly_reset, &when))
    {
      g_autofree char *last = current > 1 ? factures_series_format (series->pattern, &when, current - 1, NULL)
                                          : NULL;
      g_autofree char *next = factures_series_format (pattern, &when, current, NULL);

      if (next_counter < current)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("Next number: the counter never goes back: %s was already given in this "
                         "series, so the next number is %s. Numbers never repeat."),
                       last != NULL ? last : "?", next != NULL ? next : "?");
          return NULL;
        }
      else
        {
          g_auto(Period) period = { 0, };
          gboolean held = next_counter - current <= 100000;

          if (held && !scan_period (self, name, pattern, yearly_reset,
                                    yearly_reset ? year_of (&when) : year_of (&series->last_issued),
                                    TRUE, &period, error))
            return NULL;
          for (gint64 k = current; held && k < next_counter; k++)
            held = g_hash_table_contains (period.held_set, &k);
          if (!held)
            {
              g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           yearly_reset
                           ? _("Next number: numbers follow each other without gaps: %s was already "
                               "given in this series, so the next number is %s. The counter is set "
                               "only before the first number of a year.")
                           : _("Next number: numbers follow each other without gaps: %s was already "
                               "given in this series, so the next number is %s. The counter is set "
                               "only before the first number of the series."),
                           last != NULL ? last : "?", next != NULL ? next : "?");
              return NULL;
            }
        }
    }

  if (same && moves && !check_unique (self, series, pattern, yearly_reset, new_next, year, TRUE, TRUE, error))
    return NULL;

  if (out_next != NULL)
    *out_next = new_next;
  if (out_year != NULL)
    *out_year = new_year;
  return g_steal_pointer (&number);
}

char *
factures_store_preview_series (FacturesStore  *self,
                               const char     *name,
                               const char     *pattern,
                               gint64          next_counter,
                               gboolean        yearly_reset,
                               const GDate    *date,
                               GError        **error)
{
  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  return plan_series (self, name, pattern, next_counter, yearly_reset, date, NULL, NULL, error);
}

gboolean
factures_store_set_series (FacturesStore  *self,
                           const char     *name,
                           const char     *pattern,
                           gint64          next_counter,
                           gboolean        yearly_reset,
                           GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *preview = NULL;
  gint64 new_next = 0;
  guint new_year = 0;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  if (!factures_store_begin (self, error))
    return FALSE;
  preview = plan_series (self, name, pattern, next_counter, yearly_reset, NULL, &new_next, &new_year, error);
  if (preview == NULL)
    goto fail;
  stmt = factures_store_prepare (self,
                                 "UPDATE number_series SET pattern = ?1, next_counter = ?2, "
                                 "yearly_reset = ?3, counter_year = ?4 WHERE name = ?5",
                                 error);
  if (stmt == NULL)
    goto fail;
  factures_sql_bind_text (stmt, 1, pattern);
  sqlite3_bind_int64 (stmt, 2, new_next);
  sqlite3_bind_int (stmt, 3, yearly_reset ? 1 : 0);
  if (new_year > 0)
    sqlite3_bind_int (stmt, 4, (int) new_year);
  else
    sqlite3_bind_null (stmt, 4);
  factures_sql_bind_text (stmt, 5, name);
  if (!factures_store_step_done (self, stmt, error) ||
      !factures_store_commit (self, error))
    goto fail;
  factures_store_emit_changed (self);
  return TRUE;

fail:
  factures_store_rollback (self);
  return FALSE;
}

/* ---- issuing ---- */

gboolean
factures_store_numbering_next (FacturesStore  *self,
                               const char     *series_name,
                               const GDate    *issue_date,
                               gint64         *out_counter,
                               GError        **error)
{
  g_autoptr(FacturesSeries) series = get_series (self, series_name, error);

  if (series == NULL)
    return FALSE;
  /* The start of a later year is set: the previous year's counter is gone. */
  if (series->yearly_reset && series->counter_year > 0 && year_of (issue_date) < series->counter_year)
    {
      g_autofree char *issue_text = factures_date_format_fr (issue_date);

      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_DATE_ORDER,
                   _("Issue date: the numbering of %u has already begun in this series (next number "
                     "counter %" PRId64 "), so a document dated %s can no longer take a number of an "
                     "earlier year. Use a date in %u or later."),
                   series->counter_year, series->next_counter, issue_text, series->counter_year);
      return FALSE;
    }
  *out_counter = factures_series_counter_since (series->next_counter, counter_year (series), issue_date,
                                                series->yearly_reset);
  return TRUE;
}

gboolean
factures_store_numbering_check_free (FacturesStore  *self,
                                     const char     *number,
                                     GError        **error)
{
  g_autoptr(FacturesCachedStmt) stmt = NULL;
  int rc;

  stmt = factures_store_prepare_cached (self,
                                        "SELECT original_name, buyer_name, issue_date FROM imported_invoices "
                                        "WHERE direction = 'sale' AND number = ?1 ORDER BY id LIMIT 1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  factures_sql_bind_text (stmt, 1, number);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *file = (const char *) sqlite3_column_text (stmt, 0);
      const char *buyer = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *date = NULL;
      GDate issued;

      factures_sql_col_date (stmt, 2, &issued);
      date = g_date_valid (&issued) ? factures_date_format_fr (&issued) : g_strdup ("?");
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Number: %s is already the number of a sale imported as history (file “%s”, "
                     "client %s, dated %s), and numbers never repeat. In Preferences → Numbering, set "
                     "the next number past it: a number held by an imported sale is not a gap."),
                   number, file != NULL ? file : "?", buyer != NULL ? buyer : "?", date);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
factures_store_numbering_advance (FacturesStore  *self,
                                  const char     *series_name,
                                  gint64          counter,
                                  const GDate    *issue_date,
                                  GError        **error)
{
  g_autoptr(FacturesCachedStmt) stmt = NULL;

  stmt = factures_store_prepare_cached (self,
                                        "UPDATE number_series SET next_counter = ?3 + 1, "
                                        "last_issued_date = ?1, counter_year = NULL WHERE name = ?2",
                                 error);
  if (stmt == NULL)
    return FALSE;
  factures_sql_bind_date (stmt, 1, issue_date);
  factures_sql_bind_text (stmt, 2, series_name);
  sqlite3_bind_int64 (stmt, 3, counter);
  return factures_store_step_done (self, stmt, error);
}

/* ---- own sales imported as history ---- */

/* Every series whose pattern reads @number: refused when it does not come after the last
 * number Factures issued in the series; with @apply, the series continues after it when it
 * is at or past the counter. */
static gboolean
import_sale (FacturesStore  *self,
             const char     *number,
             const GDate    *issue_date,
             gboolean        apply,
             GError        **error)
{
  g_autoptr(GPtrArray) list = NULL;

  if (number == NULL)
    return TRUE;
  list = factures_store_list_series (self, error);
  if (list == NULL)
    return FALSE;

  for (guint i = 0; i < list->len; i++)
    {
      const FacturesSeries *series = g_ptr_array_index (list, i);
      g_auto(Period) period = { 0, };
      g_autoptr(sqlite3_stmt) stmt = NULL;
      guint year = 0;
      gint64 counter = 0;
      GDate last;
      guint new_year;

      if (!factures_series_parse (series->pattern, number, &year, &counter))
        continue;
      if (!scan_period (self, series->name, series->pattern, series->yearly_reset, year, FALSE,
                        &period, error))
        return FALSE;
      /* Above the last number Factures issued (in that year, with a yearly restart). */
      if (period.issued > 0 &&
          (counter <= period.issued ||
           (!series->yearly_reset && year != 0 && period.issued_year != 0 && year < period.issued_year)))
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("Number: the sale %s is numbered like the %s (%s) but does not come after "
                         "%s, the last number issued with Factures in that series. Numbers never go "
                         "back, so it is not kept as history."),
                       number, factures_store_series_label (series->name), series->pattern, period.issued_number);
          return FALSE;
        }
      if (!apply ||
          !factures_series_may_repeat_since (series->pattern, series->yearly_reset, series->next_counter,
                                             counter_year (series), number))
        continue;
      if (counter >= G_MAXINT64 - 1)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("Number: the counter of %s is too large to continue the numbering."), number);
          return FALSE;
        }

      /* The series continues after it; numbers follow dates, so its date counts. */
      last = series->last_issued;
      if (issue_date != NULL && g_date_valid (issue_date) &&
          (!g_date_valid (&last) || g_date_compare (issue_date, &last) > 0))
        last = *issue_date;
      new_year = series->yearly_reset && year != 0 && year != year_of (&last) ? year : 0;
      stmt = factures_store_prepare (self,
                                     "UPDATE number_series SET next_counter = ?1, last_issued_date = ?2, "
                                     "counter_year = ?3 WHERE name = ?4",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, counter + 1);
      factures_sql_bind_date (stmt, 2, &last);
      if (new_year > 0)
        sqlite3_bind_int (stmt, 3, (int) new_year);
      else
        sqlite3_bind_null (stmt, 3);
      factures_sql_bind_text (stmt, 4, series->name);
      if (!factures_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
factures_store_numbering_check_import (FacturesStore  *self,
                                       const char     *number,
                                       const GDate    *issue_date,
                                       GError        **error)
{
  return import_sale (self, number, issue_date, FALSE, error);
}

gboolean
factures_store_numbering_import_sale (FacturesStore  *self,
                                      const char     *number,
                                      const GDate    *issue_date,
                                      GError        **error)
{
  return import_sale (self, number, issue_date, TRUE, error);
}

char *
factures_store_numbering_note (FacturesStore *self,
                               const char    *number)
{
  g_autoptr(GPtrArray) list = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  if (number == NULL)
    return NULL;
  list = factures_store_list_series (self, NULL);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const FacturesSeries *series = g_ptr_array_index (list, i);
      guint year = 0;
      gint64 counter = 0;

      if (factures_series_parse (series->pattern, number, &year, &counter) &&
          counter + 1 == series->next_counter &&
          (!series->yearly_reset || year == 0 || year == counter_year (series)))
        /* Translators: %s is a document number, e.g. F2026-0041 */
        return g_strdup_printf (_("Numbering continues after %s."), number);
    }
  return NULL;
}

/* ---- --verify ---- */

gboolean
factures_store_check_series (FacturesStore  *self,
                             GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean with_imported;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  with_imported = has_column (self, "imported_invoices", "direction");

  /* A number both issued and held by an own imported sale (finding 1 of issue 10). */
  if (with_imported)
    {
      g_autoptr(sqlite3_stmt) twice = factures_store_prepare (self,
        "SELECT d.number FROM documents d JOIN imported_invoices i ON i.number = d.number "
        "WHERE d.status = 1 AND i.direction = 'sale' ORDER BY d.chain_seq LIMIT 1", error);

      if (twice == NULL)
        return FALSE;
      rc = sqlite3_step (twice);
      if (rc == SQLITE_ROW)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY,
                       _("Number %s is both a document issued with Factures and an own sale imported "
                         "as history: a number must never repeat."),
                       (const char *) sqlite3_column_text (twice, 0));
          return FALSE;
        }
      if (rc != SQLITE_DONE)
        {
          factures_store_set_db_error (self, error);
          return FALSE;
        }
    }

  stmt = factures_store_prepare (self,
                                 has_column (self, "number_series", "counter_year")
                                 ? "SELECT name, pattern, next_counter, yearly_reset, last_issued_date, "
                                   "counter_year FROM number_series ORDER BY name"
                                 : "SELECT name, pattern, next_counter, yearly_reset, last_issued_date, "
                                   "NULL FROM number_series ORDER BY name",
                                 error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_auto(Period) period = { 0, };
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      const char *pattern = (const char *) sqlite3_column_text (stmt, 1);
      gint64 next = sqlite3_column_int64 (stmt, 2);
      gboolean yearly_reset = sqlite3_column_int (stmt, 3) != 0;
      guint set_year = (guint) CLAMP (sqlite3_column_int64 (stmt, 5), 0, 9999);
      const char *top_number;
      gint64 top;
      GDate last;

      factures_sql_col_date (stmt, 4, &last);
      if (name == NULL || pattern == NULL)
        continue;
      if (!scan_period (self, name, pattern, yearly_reset,
                        yearly_reset && set_year > 0 ? set_year : year_of (&last),
                        with_imported, &period, error))
        return FALSE;

      /* Numbers follow dates: the series' last date is never before its documents'. */
      if (g_date_valid (&period.issued_date) &&
          (!g_date_valid (&last) || g_date_compare (&last, &period.issued_date) < 0))
        {
          g_autofree char *last_text = g_date_valid (&last) ? factures_date_format_fr (&last) : g_strdup ("?");
          g_autofree char *issued_text = factures_date_format_fr (&period.issued_date);

          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY,
                       _("Numbering of the %s (%s): the date of its last number, %s, is earlier than "
                         "%s, the issue date of one of its documents."),
                       factures_store_series_label (name), pattern, last_text, issued_text);
          return FALSE;
        }

      top = MAX (period.issued, period.held);
      top_number = period.issued >= period.held ? period.issued_number : period.held_number;
      if (top == 0)
        continue;  /* nothing numbered in the period with this pattern: any start is right */
      if (next <= top)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY,
                       _("Numbering of the %s (%s): the next counter is %" PRId64 " but %s was already "
                         "given, so a number would repeat."),
                       factures_store_series_label (name), pattern, next, top_number);
          return FALSE;
        }
      if (next > top + 1)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INTEGRITY,
                       _("Numbering of the %s (%s): the next counter is %" PRId64 " but the last number "
                         "given is %s, so numbers would be skipped."),
                       factures_store_series_label (name), pattern, next, top_number);
          return FALSE;
        }
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}
