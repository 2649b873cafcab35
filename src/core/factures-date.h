/* factures-date.h — calendar dates (Europe/Paris), "today", French date text
 *
 * Dates are GDate values (calendar days, no time). In SQLite and JSON they are
 * ISO 8601 "YYYY-MM-DD"; on screen and paper "30/11/2026".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "factures-error.h"

G_BEGIN_DECLS

/* Maximum lengths, in characters, for factures_text_clean() callers. */
#define FACTURES_MAX_NAME         200    /* seller, client, contact names */
#define FACTURES_MAX_ADDRESS      500    /* street lines */
#define FACTURES_MAX_SHORT        100    /* city, postal code, unit, e-mail, phone, references */
#define FACTURES_MAX_DESCRIPTION  4000   /* one line's description */
#define FACTURES_MAX_NOTES        4000   /* document and client notes */

/* The first year a register, the purchases list or a date read from a file may have: the
 * purchases and receipts windows' « previous year » stops there, as the command line's --year
 * and factures_imported_parse_date() do (an earlier year is a typing mistake). */
#define FACTURES_YEAR_FIRST       1900

/* Today in Europe/Paris, or FACTURES_TODAY=YYYY-MM-DD when set (tests, demos). */
void      factures_today            (GDate       *out_date);
/* Now in UTC, on FACTURES_TODAY's day when it is set (time stamps of files and records). */
GDateTime *factures_now_utc         (void);

/* "2026-11-30" ↔ GDate. Parse refuses impossible dates (2026-02-31): FACTURES_ERROR_INVALID. */
gboolean  factures_date_parse_iso   (const char  *text,
                                     GDate       *out_date,
                                     GError     **error);
char     *factures_date_format_iso  (const GDate *date);

/* "30/11/2026" (also "30/11/26", "30.11.2026", "2026-11-30") → GDate.
 * "31/02/2026" → FACTURES_ERROR_INVALID, message names @field in French. */
gboolean  factures_date_parse_fr    (const char  *text,
                                     const char  *field,
                                     GDate       *out_date,
                                     GError     **error);
char     *factures_date_format_fr   (const GDate *date);           /* "30/11/2026" */
char     *factures_date_format_long (const GDate *date);           /* "30 novembre 2026", "1er mars 2027"; always French */

/* The first year a register entry (a payment received, a purchase) may be dated: the registers
 * are kept in euros, the currency of France since 1 January 1999 (Council Regulation (EC)
 * No 974/98, art. 2); an earlier date is a typing mistake (trial 5 findings 4 and 20). */
#define FACTURES_RECORD_YEAR_FIRST 1999
/* FALSE with FACTURES_ERROR_INVALID naming @field in French when @date is valid and before
 * 1 January FACTURES_RECORD_YEAR_FIRST; TRUE otherwise (an invalid date is the caller's to say). */
gboolean  factures_date_check_record (const GDate  *date,
                                      const char   *field,
                                      GError      **error);

/* Days from @from to @to (negative when @to is earlier). */
gint      factures_date_days_between (const GDate *from,
                                      const GDate *to);

/* User text: validates UTF-8, trims, NFC-normalises, refuses longer than @max_chars
 * characters (and empty text when @required). Returns a newly allocated string or
 * NULL with FACTURES_ERROR_INVALID naming @field in French. NULL text counts as
 * empty; empty non-required text gives ""; @max_chars 0 means no limit; CRLF → LF;
 * control characters other than tab and line feed are refused. */
char     *factures_text_clean       (const char  *text,
                                     const char  *field,
                                     gsize        max_chars,
                                     gboolean     required,
                                     GError     **error);

G_END_DECLS
