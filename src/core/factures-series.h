/* factures-series.h — document number series: patterns, next number, safe changes
 *
 * A pattern is literal text with tokens: {YYYY} (year of the issue date), {YY}
 * (its last two digits), {MM} (month, 2 digits) and exactly one counter {N…}
 * zero-padded to as many digits as there are Ns (it widens past 9…9, never
 * wraps). Numbers have at most 35 characters among A–Z a–z 0–9 + - _ /
 * (LEGAL.md §1: BR-FR-01/02). DESIGN.md §4.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "factures-error.h"

G_BEGIN_DECLS

#define FACTURES_NUMBER_MAX_LENGTH 35

/**
 * factures_series_pattern_check:
 * @pattern: a pattern such as "F{YYYY}-{NNNN}"
 * @yearly_reset: whether the counter restarts at 1 each year
 * @error: FACTURES_ERROR_INVALID naming the field "Pattern"
 *
 * Syntax only: known tokens, exactly one counter token, literal characters among
 * A–Z a–z 0–9 + - _ /, a year token when the counter restarts each year (else
 * numbers would repeat).
 */
gboolean  factures_series_pattern_check (const char   *pattern,
                                         gboolean      yearly_reset,
                                         GError      **error);

/**
 * factures_series_format:
 * @date: the issue date (for {YYYY}, {YY}, {MM})
 * @counter: ≥ 1
 * @error: FACTURES_ERROR_INVALID when the number has more than 35 characters or
 *   characters outside A–Z a–z 0–9 + - _ /
 *
 * Returns: (transfer full): the number, or NULL.
 */
char     *factures_series_format        (const char   *pattern,
                                         const GDate  *date,
                                         gint64        counter,
                                         GError      **error);

/**
 * factures_series_counter_for:
 * @next_counter: the series' stored next counter
 * @last_issued: (nullable): date of the last number issued in the series
 * @issue_date: the date of the document being numbered
 *
 * Returns: the counter to use: 1 when @yearly_reset and @issue_date is in a
 *   later year than @last_issued, else @next_counter.
 */
gint64    factures_series_counter_for   (gint64        next_counter,
                                         const GDate  *last_issued,
                                         const GDate  *issue_date,
                                         gboolean      yearly_reset);

/**
 * factures_series_parse:
 * @number: an existing number
 * @out_year: (out) (optional): the year read from {YYYY}/{YY}, 0 when the pattern has none
 * @out_counter: (out) (optional): the counter
 *
 * Returns: TRUE when @pattern could have produced @number.
 */
gboolean  factures_series_parse         (const char   *pattern,
                                         const char   *number,
                                         guint        *out_year,
                                         gint64       *out_counter);

/**
 * factures_series_may_repeat:
 * @pattern, @yearly_reset, @next_counter, @last_issued: a series as it would be
 * @existing: a number already issued (in any series)
 *
 * Returns: TRUE when the series could one day produce @existing again: it
 *   matches the pattern with a counter not below the one the series would use
 *   for that year (any counter in a later year after a yearly reset).
 */
gboolean  factures_series_may_repeat    (const char   *pattern,
                                         gboolean      yearly_reset,
                                         gint64        next_counter,
                                         const GDate  *last_issued,
                                         const char   *existing);

/**
 * factures_series_counter_since:
 * @next_counter: the series' stored next counter
 * @counter_year: the year @next_counter belongs to (the year of the series' last
 *   number, or the year whose start was set by hand); 0 when nothing was numbered
 * @issue_date: the date of the document being numbered
 * @yearly_reset: whether the counter restarts at 1 each year
 *
 * Like factures_series_counter_for() with the counter's year given directly: a
 * series that restarts each year may have its start set for a new year before the
 * first number of that year (issue 10).
 *
 * Returns: 1 when @yearly_reset and @issue_date is in a later year than
 *   @counter_year, else @next_counter (at least 1).
 */
gint64    factures_series_counter_since (gint64        next_counter,
                                         guint         counter_year,
                                         const GDate  *issue_date,
                                         gboolean      yearly_reset);

/**
 * factures_series_may_repeat_since:
 * @pattern, @yearly_reset, @next_counter: a series as it would be
 * @counter_year: the year @next_counter belongs to, 0 when none (see
 *   factures_series_counter_since())
 * @existing: a number already given (issued, or held by an imported own sale)
 *
 * Like factures_series_may_repeat() with the counter's year given directly.
 *
 * Returns: TRUE when the series could one day produce @existing.
 */
gboolean  factures_series_may_repeat_since (const char *pattern,
                                            gboolean    yearly_reset,
                                            gint64      next_counter,
                                            guint       counter_year,
                                            const char *existing);

G_END_DECLS
