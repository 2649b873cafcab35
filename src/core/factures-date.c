/* factures-date.c — calendar dates, "today", French date text, user text cleaning
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "factures-date.h"

/* Documents are always French, whatever the UI language: a fixed table. */
static const char * const month_names_fr[12] = {
  "janvier", "février", "mars", "avril", "mai", "juin",
  "juillet", "août", "septembre", "octobre", "novembre", "décembre",
};

/* Strict "YYYY-MM-DD" without a message. */
static gboolean
parse_iso_quiet (const char *text,
                 GDate      *out_date,
                 gboolean   *out_impossible)
{
  guint y, m, d;
  int i;

  *out_impossible = FALSE;
  if (text == NULL || strlen (text) != 10)
    return FALSE;
  for (i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        {
          if (text[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isdigit (text[i]))
        return FALSE;
    }
  y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  m = (text[5] - '0') * 10 + (text[6] - '0');
  d = (text[8] - '0') * 10 + (text[9] - '0');
  if (!g_date_valid_dmy (d, m, y))
    {
      *out_impossible = TRUE;
      return FALSE;
    }
  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, d, m, y);
  return TRUE;
}

/**
 * factures_today:
 * @out_date: (out caller-allocates): today
 *
 * Today in Europe/Paris, or the date in the environment variable
 * FACTURES_TODAY ("YYYY-MM-DD") when it is set and valid (tests, demos). An invalid
 * FACTURES_TODAY is said once per process on stderr, translated, and the real date is used.
 */
void
factures_today (GDate *out_date)
{
  const char *env = g_getenv ("FACTURES_TODAY");
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) now = NULL;
  gboolean impossible;

  if (env != NULL && *env != '\0')
    {
      static gsize warned = 0;

      if (parse_iso_quiet (env, out_date, &impossible))
        return;
      /* Said once per process, in the user's language (issue 10 finding 8: the same English
       * warning was printed at every call, 55 times for one command). */
      if (g_once_init_enter (&warned))
        {
          g_autofree char *message = g_strdup_printf (_("FACTURES_TODAY=%s is not a date in the form "
                                                        "YYYY-MM-DD: the real date is used."), env);

          /* the one prefix of every message, « factures : » in French (trial 5 finding 21) */
          g_printerr (_("factures: %s\n"), message);
          g_once_init_leave (&warned, 1);
        }
    }

  /* Europe/Paris read once per process (issue 12: every draft created read the tzfile). */
  {
    static GTimeZone *paris;

    if (g_once_init_enter (&paris))
      {
        GTimeZone *zone = g_time_zone_new_identifier ("Europe/Paris");

        g_once_init_leave (&paris, zone != NULL ? zone : g_time_zone_new_local ());
      }
    tz = g_time_zone_ref (paris);
  }
  now = g_date_time_new_now (tz);
  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/**
 * factures_now_utc:
 *
 * Now, for the time stamps written into files and records (the e-reporting's IssueDateTime,
 * a directory lookup's date): the real time, or, when FACTURES_TODAY is set and valid, the
 * current UTC time of day on that day, so that every date the app shows or writes follows
 * the same today as factures_today() (trial finding T20).
 *
 * Returns: (transfer full): a UTC date and time
 */
GDateTime *
factures_now_utc (void)
{
  g_autoptr(GDateTime) real = g_date_time_new_now_utc ();
  const char *env = g_getenv ("FACTURES_TODAY");
  GDateTime *shifted;
  gboolean impossible;
  GDate today;

  if (env == NULL || *env == '\0' || !parse_iso_quiet (env, &today, &impossible))
    return g_steal_pointer (&real);
  shifted = g_date_time_new_utc (g_date_get_year (&today), g_date_get_month (&today), g_date_get_day (&today),
                                 g_date_time_get_hour (real), g_date_time_get_minute (real),
                                 g_date_time_get_seconds (real));
  return shifted != NULL ? shifted : g_steal_pointer (&real);
}

/**
 * factures_date_parse_iso:
 * @text: "2026-11-30"
 * @out_date: (out caller-allocates): the date
 * @error: FACTURES_ERROR_INVALID for a malformed or impossible date (2026-02-31)
 *
 * Returns: %TRUE on success.
 */
gboolean
factures_date_parse_iso (const char  *text,
                         GDate       *out_date,
                         GError     **error)
{
  gboolean impossible;

  if (parse_iso_quiet (text, out_date, &impossible))
    return TRUE;
  if (impossible)
    g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                 _("The date “%s” does not exist."), text);
  else
    g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                 _("“%s” is not a date in the form YYYY-MM-DD."), text ? text : "");
  return FALSE;
}

/**
 * factures_date_format_iso:
 * @date: a valid date
 *
 * Returns: (transfer full): "2026-11-30", or NULL when @date is not valid.
 */
char *
factures_date_format_iso (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

/**
 * factures_date_parse_fr:
 * @text: "30/11/2026", "30/11/26", "30.11.2026", "30-11-2026", "1/2/2026" or "2026-11-30"
 * @field: French name of the field, for the message
 * @out_date: (out caller-allocates): the date
 * @error: FACTURES_ERROR_INVALID naming @field: empty, malformed, or impossible
 *   ("31/02/2026")
 *
 * A two-digit year means 20YY.
 *
 * Returns: %TRUE on success.
 */
gboolean
factures_date_parse_fr (const char  *text,
                        const char  *field,
                        GDate       *out_date,
                        GError     **error)
{
  g_autofree char *t = NULL;
  guint part[3] = { 0, 0, 0 };
  guint ndigits[3] = { 0, 0, 0 };
  char sep = 0;
  int n = 0;
  const char *p;
  guint d, m, y;
  gboolean impossible;

  if (field == NULL)
    field = _("Date");

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("%s: a date is required."), field);
      return FALSE;
    }
  t = g_strstrip (g_strdup (text));
  if (*t == '\0')
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("%s: a date is required."), field);
      return FALSE;
    }

  if (parse_iso_quiet (t, out_date, &impossible))
    return TRUE;
  if (impossible)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("%s: the date “%s” does not exist."), field, t);
      return FALSE;
    }

  for (p = t; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (ndigits[n] >= 4)
            goto malformed;
          part[n] = part[n] * 10 + (guint) (*p - '0');
          ndigits[n]++;
        }
      else if (*p == '/' || *p == '.' || *p == '-')
        {
          if (ndigits[n] == 0 || n == 2 || (sep != 0 && *p != sep))
            goto malformed;
          sep = *p;
          n++;
        }
      else
        goto malformed;
    }
  if (n != 2 || ndigits[2] == 0 || ndigits[0] > 2 || ndigits[1] > 2 ||
      (ndigits[2] != 2 && ndigits[2] != 4))
    goto malformed;

  d = part[0];
  m = part[1];
  y = ndigits[2] == 2 ? 2000 + part[2] : part[2];
  if (!g_date_valid_dmy (d, m, y))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("%s: the date “%s” does not exist."), field, t);
      return FALSE;
    }
  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, d, m, y);
  return TRUE;

malformed:
  g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
               _("%s: “%s” is not a date (expected day/month/year, for example 30/11/2026)."),
               field, t);
  return FALSE;
}

/**
 * factures_date_format_fr:
 * @date: a valid date
 *
 * Returns: (transfer full): "30/11/2026", or NULL when @date is not valid.
 */
/**
 * factures_date_check_record:
 * (see factures-date.h)
 */
gboolean
factures_date_check_record (const GDate  *date,
                            const char   *field,
                            GError      **error)
{
  g_autofree char *text = NULL;

  if (date == NULL || !g_date_valid (date) || g_date_get_year (date) >= FACTURES_RECORD_YEAR_FIRST)
    return TRUE;
  text = factures_date_format_fr (date);
  /* Translators: %s: a field ("Payment date"), %s: a date, %d: 1999 */
  g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
               _("%s: %s is before 1 January %d; the registers are kept in euros since then: check the year."),
               field, text, FACTURES_RECORD_YEAR_FIRST);
  return FALSE;
}

char *
factures_date_format_fr (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%02u/%02u/%04u",
                          (guint) g_date_get_day (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_year (date));
}

/**
 * factures_date_format_long:
 * @date: a valid date
 *
 * Always French (documents are French): "30 novembre 2026", "1er décembre 2026".
 *
 * Returns: (transfer full): the text, or NULL when @date is not valid.
 */
char *
factures_date_format_long (const GDate *date)
{
  guint day;

  if (date == NULL || !g_date_valid (date))
    return NULL;
  day = g_date_get_day (date);
  return g_strdup_printf ("%u%s %s %u", day, day == 1 ? "er" : "",
                          month_names_fr[g_date_get_month (date) - 1],
                          (guint) g_date_get_year (date));
}

/**
 * factures_date_days_between:
 * @from: a valid date
 * @to: a valid date
 *
 * Returns: days from @from to @to, negative when @to is earlier.
 */
gint
factures_date_days_between (const GDate *from,
                            const GDate *to)
{
  g_return_val_if_fail (from != NULL && g_date_valid (from), 0);
  g_return_val_if_fail (to != NULL && g_date_valid (to), 0);
  return g_date_days_between (from, to);
}

/**
 * factures_text_clean:
 * @text: (nullable): user text, possibly untrusted bytes
 * @field: French name of the field, for the message
 * @max_chars: maximum length in characters after cleaning; 0 for no limit
 *   (see FACTURES_MAX_NAME, FACTURES_MAX_DESCRIPTION…)
 * @required: refuse empty text
 * @error: FACTURES_ERROR_INVALID naming @field: invalid UTF-8, control
 *   characters other than tab and line feed, too long, or empty when @required
 *
 * Validates UTF-8, turns "\r\n" into "\n", trims white space (Unicode
 * spaces included) at both ends and NFC-normalises.
 *
 * Returns: (transfer full): the cleaned text ("" when empty and not required),
 *   or NULL on error.
 */
char *
factures_text_clean (const char  *text,
                     const char  *field,
                     gsize        max_chars,
                     gboolean     required,
                     GError     **error)
{
  g_autofree char *nfc = NULL;
  GString *s;
  const char *p, *start, *end;
  glong len;

  if (field == NULL)
    field = _("Text");
  if (text == NULL)
    text = "";

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("%s: the text is not valid UTF-8."), field);
      return NULL;
    }

  /* Line endings and control characters. */
  s = g_string_sized_new (strlen (text));
  for (p = text; *p; p++)
    {
      if (*p == '\r')
        {
          if (p[1] != '\n')
            g_string_append_c (s, '\n');
          continue;
        }
      if ((guchar) *p < 0x20 && *p != '\n' && *p != '\t')
        {
          g_string_free (s, TRUE);
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                       _("%s: the text contains a control character."), field);
          return NULL;
        }
      g_string_append_c (s, *p);
    }

  /* Trim Unicode white space. */
  start = s->str;
  while (*start && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  end = s->str + s->len;
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);
      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  nfc = g_utf8_normalize (start, end - start, G_NORMALIZE_NFC);
  g_string_free (s, TRUE);
  if (nfc == NULL)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("%s: the text is not valid UTF-8."), field);
      return NULL;
    }

  if (required && *nfc == '\0')
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("%s: this field is required."), field);
      return NULL;
    }

  len = g_utf8_strlen (nfc, -1);
  if (max_chars > 0 && (gsize) len > max_chars)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("%s: the text is too long (%ld characters, at most %lu)."),
                   field, (long) len, (gulong) max_chars);
      return NULL;
    }

  return g_steal_pointer (&nfc);
}
