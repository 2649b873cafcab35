/* factures-series.c — document number series
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "factures-series.h"

#define NUMBER_CHARS "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-_/"

typedef enum {
  TOKEN_LITERAL,
  TOKEN_YEAR4,
  TOKEN_YEAR2,
  TOKEN_MONTH,
  TOKEN_COUNTER,
} TokenKind;

typedef struct {
  TokenKind  kind;
  char      *text;   /* TOKEN_LITERAL */
  guint      width;  /* TOKEN_COUNTER: number of Ns */
} Token;

static void
token_free (Token *token)
{
  g_free (token->text);
  g_free (token);
}

/* Splits @pattern into tokens; NULL with a message for an unknown or unclosed token. */
static GPtrArray *
tokenize (const char  *pattern,
          GError     **error)
{
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func ((GDestroyNotify) token_free);
  const char *p = pattern;

  while (*p)
    {
      Token *token = g_new0 (Token, 1);

      if (*p == '{')
        {
          const char *end = strchr (p, '}');
          g_autofree char *name = NULL;

          if (end == NULL)
            {
              g_free (token);
              g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Pattern: “{” is not closed by “}” in “%s”."), pattern);
              return NULL;
            }
          name = g_strndup (p + 1, end - p - 1);
          if (g_str_equal (name, "YYYY"))
            token->kind = TOKEN_YEAR4;
          else if (g_str_equal (name, "YY"))
            token->kind = TOKEN_YEAR2;
          else if (g_str_equal (name, "MM"))
            token->kind = TOKEN_MONTH;
          else if (*name == 'N' && strspn (name, "N") == strlen (name) && strlen (name) <= 12)
            {
              token->kind = TOKEN_COUNTER;
              token->width = (guint) strlen (name);
            }
          else
            {
              g_free (token);
              g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Pattern: “{%s}” is not a known token; use {YYYY}, {YY}, {MM} or "
                             "{NNNN}."), name);
              return NULL;
            }
          p = end + 1;
        }
      else
        {
          const char *start = p;

          while (*p && *p != '{')
            p++;
          token->kind = TOKEN_LITERAL;
          token->text = g_strndup (start, p - start);
        }
      g_ptr_array_add (tokens, token);
    }
  return g_steal_pointer (&tokens);
}

gboolean
factures_series_pattern_check (const char  *pattern,
                               gboolean     yearly_reset,
                               GError     **error)
{
  g_autoptr(GPtrArray) tokens = NULL;
  guint counters = 0;
  gboolean has_year = FALSE;

  if (pattern == NULL || *pattern == '\0')
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Pattern: the pattern is empty."));
      return FALSE;
    }
  if (!g_utf8_validate (pattern, -1, NULL))
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Pattern: the text is not valid UTF-8."));
      return FALSE;
    }

  tokens = tokenize (pattern, error);
  if (tokens == NULL)
    return FALSE;

  for (guint i = 0; i < tokens->len; i++)
    {
      Token *token = g_ptr_array_index (tokens, i);

      switch (token->kind)
        {
        case TOKEN_LITERAL:
          {
            gsize ok = strspn (token->text, NUMBER_CHARS);

            if (token->text[ok] != '\0')
              {
                gunichar c = g_utf8_get_char (token->text + ok);

                if (c == ' ' || g_unichar_isspace (c))
                  g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                                       _("Pattern: a document number cannot contain a space."));
                else
                  {
                    char buf[8] = { 0 };

                    g_unichar_to_utf8 (c, buf);
                    g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                                 _("Pattern: “%s” is not allowed in a document number; use letters "
                                   "without accents, digits and + - _ /."), buf);
                  }
                return FALSE;
              }
          }
          break;
        case TOKEN_YEAR4:
        case TOKEN_YEAR2:
          has_year = TRUE;
          break;
        case TOKEN_MONTH:
          break;
        case TOKEN_COUNTER:
          counters++;
          break;
        default:
          g_assert_not_reached ();
        }
    }

  if (counters != 1)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           counters == 0
                           ? _("Pattern: a counter {NNNN} is needed, or numbers would repeat.")
                           : _("Pattern: only one counter {NNNN} is allowed."));
      return FALSE;
    }
  if (yearly_reset && !has_year)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Pattern: a counter that restarts each year needs the year {YYYY} "
                             "in the pattern, or numbers would repeat."));
      return FALSE;
    }
  return TRUE;
}

char *
factures_series_format (const char   *pattern,
                        const GDate  *date,
                        gint64        counter,
                        GError      **error)
{
  g_autoptr(GPtrArray) tokens = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (pattern != NULL, NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  tokens = tokenize (pattern, error);
  if (tokens == NULL)
    return NULL;

  for (guint i = 0; i < tokens->len; i++)
    {
      Token *token = g_ptr_array_index (tokens, i);

      switch (token->kind)
        {
        case TOKEN_LITERAL:
          g_string_append (out, token->text);
          break;
        case TOKEN_YEAR4:
          g_string_append_printf (out, "%04u", g_date_get_year (date));
          break;
        case TOKEN_YEAR2:
          g_string_append_printf (out, "%02u", g_date_get_year (date) % 100);
          break;
        case TOKEN_MONTH:
          g_string_append_printf (out, "%02u", (guint) g_date_get_month (date));
          break;
        case TOKEN_COUNTER:
          g_string_append_printf (out, "%0*" G_GINT64_FORMAT, (int) token->width, counter);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  if (strspn (out->str, NUMBER_CHARS) != out->len)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Pattern: the number “%s” would contain a space or a character other than "
                     "letters, digits and + - _ /."), out->str);
      return NULL;
    }
  if (out->len == 0 || out->len > FACTURES_NUMBER_MAX_LENGTH)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Pattern: the number “%s” would have %u characters; at most %d are "
                     "allowed."), out->str, (guint) out->len, FACTURES_NUMBER_MAX_LENGTH);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static guint
year_of (const GDate *date)
{
  return date != NULL && g_date_valid (date) ? g_date_get_year (date) : 0;
}

gint64
factures_series_counter_since (gint64        next_counter,
                               guint         counter_year,
                               const GDate  *issue_date,
                               gboolean      yearly_reset)
{
  if (yearly_reset && counter_year > 0 && year_of (issue_date) > counter_year)
    return 1;
  return MAX (next_counter, 1);
}

gint64
factures_series_counter_for (gint64        next_counter,
                             const GDate  *last_issued,
                             const GDate  *issue_date,
                             gboolean      yearly_reset)
{
  return factures_series_counter_since (next_counter, year_of (last_issued), issue_date, yearly_reset);
}

/* Reads @n digits (exactly) at @s. */
static gboolean
read_digits (const char *s,
             guint       n,
             guint64    *out)
{
  guint64 v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      v = v * 10 + (guint64) (s[i] - '0');
    }
  *out = v;
  return TRUE;
}

/* Backtracking match of @tokens from @index against @s. */
static gboolean
match (GPtrArray  *tokens,
       guint       index,
       const char *s,
       guint      *year,
       gint64     *counter)
{
  Token *token;
  guint64 v;

  if (index == tokens->len)
    return *s == '\0';
  token = g_ptr_array_index (tokens, index);

  switch (token->kind)
    {
    case TOKEN_LITERAL:
      {
        gsize len = strlen (token->text);

        return strncmp (s, token->text, len) == 0 &&
               match (tokens, index + 1, s + len, year, counter);
      }
    case TOKEN_YEAR4:
      if (!read_digits (s, 4, &v))
        return FALSE;
      *year = (guint) v;
      return match (tokens, index + 1, s + 4, year, counter);
    case TOKEN_YEAR2:
      if (!read_digits (s, 2, &v))
        return FALSE;
      *year = 2000 + (guint) v;
      return match (tokens, index + 1, s + 2, year, counter);
    case TOKEN_MONTH:
      if (!read_digits (s, 2, &v) || v < 1 || v > 12)
        return FALSE;
      return match (tokens, index + 1, s + 2, year, counter);
    case TOKEN_COUNTER:
      {
        gsize avail = strspn (s, "0123456789");

        /* Widest first; a wider counter never starts with 0 beyond its width. */
        for (gsize n = MIN (avail, 18); n >= token->width && n > 0; n--)
          {
            if (n > token->width && s[0] == '0')
              continue;
            if (!read_digits (s, (guint) n, &v))
              continue;
            if (match (tokens, index + 1, s + n, year, counter))
              {
                *counter = (gint64) v;
                return TRUE;
              }
          }
        return FALSE;
      }
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

gboolean
factures_series_parse (const char  *pattern,
                       const char  *number,
                       guint       *out_year,
                       gint64      *out_counter)
{
  g_autoptr(GPtrArray) tokens = NULL;
  guint year = 0;
  gint64 counter = 0;

  g_return_val_if_fail (pattern != NULL, FALSE);
  g_return_val_if_fail (number != NULL, FALSE);

  tokens = tokenize (pattern, NULL);
  if (tokens == NULL || !match (tokens, 0, number, &year, &counter))
    return FALSE;
  if (out_year != NULL)
    *out_year = year;
  if (out_counter != NULL)
    *out_counter = counter;
  return TRUE;
}

gboolean
factures_series_may_repeat_since (const char *pattern,
                                  gboolean    yearly_reset,
                                  gint64      next_counter,
                                  guint       counter_year,
                                  const char *existing)
{
  guint year = 0;
  gint64 counter = 0;

  if (!factures_series_parse (pattern, existing, &year, &counter))
    return FALSE;

  if (!yearly_reset || year == 0)
    return counter >= next_counter;

  /* Restarting each year: a later year starts again at 1. */
  if (year > counter_year)
    return TRUE;
  if (year == counter_year)
    return counter >= next_counter;
  return FALSE;
}

gboolean
factures_series_may_repeat (const char   *pattern,
                            gboolean      yearly_reset,
                            gint64        next_counter,
                            const GDate  *last_issued,
                            const char   *existing)
{
  return factures_series_may_repeat_since (pattern, yearly_reset, next_counter, year_of (last_issued),
                                           existing);
}
