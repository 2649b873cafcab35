/* factures-store-json-import.c — the import's checks: raw bytes, typed members, profile and clients
 * (split from factures-store-json.c, whose header comment describes the format)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "factures-store-private.h"
#include "factures-store-integrity-private.h"
#include "factures-store-mail-private.h"
#include "factures-store-lifecycle-private.h"
#include "factures-store-schedule-private.h"
#include "factures-store-facturx-private.h"
#include "factures-store-recurring-private.h"
#include "factures-store-payments-private.h"
#include "factures-series.h"
#include "factures-store-json-private.h"

/* ---- import ---- */

/* "documents[3]" + "lines" → "documents[3].lines"; "" + "clients" → "clients". */
char *
factures_store_json_impl_path_join (const char *where,
                                    const char *key)
{
  if (where == NULL || *where == '\0')
    return g_strdup (key);
  return g_strconcat (where, ".", key, NULL);
}

void
factures_store_json_impl_format_error (GError     **error,
                                       const char  *where,
                                       const char  *key,
                                       const char  *expected)
{
  g_autofree char *path = factures_store_json_impl_path_join (where, key);

  g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
               _("Invalid file: %s must be %s."), path, expected);
}

/* Prefixes a refusal of the checks with the JSON path of the refused value. */
void
factures_store_json_impl_prefix_path (GError     **error,
                                      const char  *path)
{
  g_prefix_error (error, _("Invalid file: %s: "), path);
}

/* ---- checks on the raw bytes, before json-glib parses them ---- */

typedef struct {
  gboolean    array;
  guint       index;     /* array: current element */
  gboolean    want_key;  /* object: the next string is a key */
  const char *key;       /* object: the current key (raw bytes, never escaped in our format) */
  gsize       key_len;
} Frame;

static char *
frames_path (const Frame *frames,
             guint        depth)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    {
      if (frames[i].array)
        g_string_append_printf (path, "[%u]", frames[i].index);
      else if (frames[i].key != NULL)
        {
          if (path->len > 0)
            g_string_append_c (path, '.');
          g_string_append_len (path, frames[i].key, (gssize) frames[i].key_len);
        }
    }
  if (path->len == 0)
    g_string_append (path, _("the top of the file"));
  return g_string_free (path, FALSE);
}

static gboolean
is_scalar_char (char c)
{
  return g_ascii_isalnum (c) || c == '+' || c == '-' || c == '.';
}

/* Walks @data (valid UTF-8) without recursion: nesting at most MAX_DEPTH
 * levels, one value at the top, no "\u0000" in a string (a C string would end
 * there: "ACME\u0000SAS" would be stored as "ACME"), nothing between values
 * but JSON's own tokens. Other syntax errors are left to json-glib, which
 * names their line. */
gboolean
factures_store_json_impl_check_raw_json (const char  *data,
                                         gsize        len,
                                         GError     **error)
{
  Frame frames[MAX_DEPTH];
  guint depth = 0;
  gboolean top_seen = FALSE;
  guint line = 1;
  gsize i = 0;

  while (i < len)
    {
      char c = data[i];

      if (c == '\n')
        {
          line++;
          i++;
          continue;
        }
      if (c == ' ' || c == '\t' || c == '\r')
        {
          i++;
          continue;
        }
      if (depth == 0)
        {
          if (top_seen)
            {
              g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                           _("Invalid file: a second JSON value follows the first, at line %u; "
                             "a Factures export is one JSON object."),
                           line);
              return FALSE;
            }
          top_seen = TRUE;
        }

      switch (c)
        {
        case '{':
        case '[':
          if (depth == MAX_DEPTH)
            {
              g_autofree char *path = frames_path (frames, depth);

              g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                           _("Invalid file: %s is nested more than %d levels deep (line %u)."),
                           path, MAX_DEPTH, line);
              return FALSE;
            }
          frames[depth].array = c == '[';
          frames[depth].index = 0;
          frames[depth].want_key = c == '{';
          frames[depth].key = NULL;
          frames[depth].key_len = 0;
          depth++;
          i++;
          break;

        case '}':
        case ']':
          if (depth > 0)
            depth--;
          i++;
          break;

        case ',':
          if (depth > 0)
            {
              Frame *frame = &frames[depth - 1];

              if (frame->array)
                frame->index++;
              else
                {
                  frame->want_key = TRUE;
                  frame->key = NULL;
                }
            }
          i++;
          break;

        case '"':
          {
            gsize start = ++i;

            while (i < len && data[i] != '"')
              {
                if (data[i] == '\\')
                  {
                    if (len - i >= 6 && data[i + 1] == 'u' && memcmp (data + i + 2, "0000", 4) == 0)
                      {
                        g_autofree char *path = NULL;

                        if (depth > 0 && frames[depth - 1].want_key)
                          frames[depth - 1].key = NULL;
                        path = frames_path (frames, depth);
                        g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                                     _("Invalid file: %s holds a NUL character (\\u0000, line %u); "
                                       "no text may contain one."),
                                     path, line);
                        return FALSE;
                      }
                    i += 2;
                    continue;
                  }
                if (data[i] == '\n')
                  line++;
                i++;
              }
            if (depth > 0 && !frames[depth - 1].array && frames[depth - 1].want_key)
              {
                frames[depth - 1].key = data + start;
                frames[depth - 1].key_len = MIN (i, len) - start;
                frames[depth - 1].want_key = FALSE;
              }
            i++;
          }
          break;

        case ':':
          i++;
          break;

        default:
          /* A number or a literal (true, false, null), nothing else: json-glib
           * also reads comments and single-quoted strings, which could hide
           * brackets from this walk; an export never has them. */
          if (!is_scalar_char (c))
            {
              char text[8] = { 0 };

              g_unichar_to_utf8 (g_utf8_get_char (data + i), text);
              g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                           _("Invalid file: unexpected “%s” at line %u; a Factures export is "
                             "plain JSON, without comments."),
                           text, line);
              return FALSE;
            }
          while (i < len && is_scalar_char (data[i]))
            i++;
          break;
        }
    }
  return TRUE;
}

/* ---- typed members ---- */

/* An optional integer member: missing or null gives @fallback. */
gboolean
factures_store_json_impl_get_int (JsonObject  *object,
                                  const char  *where,
                                  const char  *key,
                                  gint64       fallback,
                                  gint64      *out,
                                  GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = fallback;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      factures_store_json_impl_format_error (error, where, key, _("an integer"));
      return FALSE;
    }
  *out = json_node_get_int (node);
  return TRUE;
}

/* An integer member within [@min, @max]. */
gboolean
factures_store_json_impl_get_int_range (JsonObject  *object,
                                        const char  *where,
                                        const char  *key,
                                        gint64       fallback,
                                        gint64       min,
                                        gint64       max,
                                        gint64      *out,
                                        GError     **error)
{
  if (!factures_store_json_impl_get_int (object, where, key, fallback, out, error))
    return FALSE;
  if (*out < min || *out > max)
    {
      g_autofree char *path = factures_store_json_impl_path_join (where, key);

      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                   _("Invalid file: %s must be between %" PRId64 " and %" PRId64 "."),
                   path, min, max);
      return FALSE;
    }
  return TRUE;
}

/* An optional string member: missing or null gives NULL. */
gboolean
factures_store_json_impl_get_text (JsonObject   *object,
                                   const char   *where,
                                   const char   *key,
                                   const char  **out,
                                   GError      **error)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      factures_store_json_impl_format_error (error, where, key, _("a string"));
      return FALSE;
    }
  *out = json_node_get_string (node);
  return TRUE;
}

gboolean
factures_store_json_impl_get_date (JsonObject   *object,
                                   const char   *where,
                                   const char   *key,
                                   gboolean      required,
                                   const char  **out,
                                   GError      **error)
{
  GDate date;

  if (!factures_store_json_impl_get_text (object, where, key, out, error))
    return FALSE;
  if (*out == NULL && !required)
    return TRUE;
  if (*out == NULL || !factures_date_parse_iso (*out, &date, NULL))
    {
      factures_store_json_impl_format_error (error, where, key, _("a date written YYYY-MM-DD"));
      return FALSE;
    }
  return TRUE;
}

/* Base64 as g_base64_encode() writes it: groups of 4 of A–Z a–z 0–9 + /, '=' padding. */
static gboolean
is_base64 (const char *text)
{
  gsize n = strlen (text);
  guint pad = 0;

  if (n % 4 != 0)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    {
      char c = text[i];

      if (c == '=')
        {
          if (i + 2 < n)
            return FALSE;
          pad++;
        }
      else if (pad > 0 || !(g_ascii_isalnum (c) || c == '+' || c == '/'))
        return FALSE;
    }
  return TRUE;
}

/* An optional base64 member, decoded. */
gboolean
factures_store_json_impl_get_base64 (JsonObject   *object,
                                     const char   *where,
                                     const char   *key,
                                     GBytes      **out,
                                     GError      **error)
{
  const char *text;
  gsize len = 0;
  guchar *data;

  *out = NULL;
  if (!factures_store_json_impl_get_text (object, where, key, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;
  if (!is_base64 (text))
    {
      factures_store_json_impl_format_error (error, where, key, _("base64 data"));
      return FALSE;
    }
  data = g_base64_decode (text, &len);
  *out = g_bytes_new_take (data, len);
  return TRUE;
}

JsonArray *
factures_store_json_impl_get_array (JsonObject  *object,
                                    const char  *where,
                                    const char  *key,
                                    GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      factures_store_json_impl_format_error (error, where, key, _("a list"));
      return NULL;
    }
  return json_node_get_array (node);
}

JsonObject *
factures_store_json_impl_get_element_object (JsonArray   *array,
                                             guint        index,
                                             const char  *where,
                                             GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                   _("Invalid file: %s must be an object."), where);
      return NULL;
    }
  return json_node_get_object (node);
}

static const char *const party_text_keys[] = {
  "name", "address", "postal_code", "city", "country_code", "siren", "siret", "vat_id",
  "email", "phone",
};

/* Types of the PARTY members and of @text_keys and @int_keys (factures_store_json_impl_read_profile() and
 * factures_store_json_impl_read_client() skip a value of the wrong type: refuse it here instead). */
static gboolean
check_types (JsonObject         *object,
             const char         *where,
             const char *const  *text_keys,
             guint               n_text,
             const char *const  *int_keys,
             guint               n_int,
             GError            **error)
{
  const char *text;
  gint64 value;

  for (guint i = 0; i < G_N_ELEMENTS (party_text_keys); i++)
    if (!factures_store_json_impl_get_text (object, where, party_text_keys[i], &text, error))
      return FALSE;
  for (guint i = 0; i < n_text; i++)
    if (!factures_store_json_impl_get_text (object, where, text_keys[i], &text, error))
      return FALSE;
  for (guint i = 0; i < n_int; i++)
    if (!factures_store_json_impl_get_int_range (object, where, int_keys[i], 0, G_MININT, G_MAXINT, &value, error))
      return FALSE;
  return TRUE;
}

/* ---- profile and clients: the checks of the preferences and of the client editor ---- */

gboolean
factures_store_json_impl_import_profile (Import      *import,
                                         JsonNode    *node,
                                         GError     **error)
{
  static const char *const text_keys[] = { "registry_city", "iban", "bic", "insurance" };
  static const char *const int_keys[] = {
    "registry", "activity", "vat_regime", "terms_kind", "terms_days", "eom_method",
    "penalty_rate_bp", "building_trade", "escompte_rate_bp", "escompte_days",
    "territory", "line_activity",
  };
  g_autoptr(FacturesProfile) profile = NULL;
  g_autoptr(FacturesProfile) current = NULL;
  g_autoptr(GBytes) logo = NULL;
  GError *local_error = NULL;
  JsonObject *object;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      factures_store_json_impl_format_error (error, "", "profile", _("an object"));
      return FALSE;
    }
  object = json_node_get_object (node);
  /* Issue 13: exempt_activities is an array of objects (their fields: the profile's checks). */
  if (json_object_has_member (object, "exempt_activities") &&
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "exempt_activities")))
    {
      factures_store_json_impl_format_error (error, "profile", "exempt_activities", _("an array"));
      return FALSE;
    }
  if (!check_types (object, "profile", text_keys, G_N_ELEMENTS (text_keys),
                    int_keys, G_N_ELEMENTS (int_keys), error) ||
      !factures_store_json_impl_get_base64 (object, "profile", "logo", &logo, error))
    return FALSE;
  /* Migration 0025: a date (YYYY-MM-DD), absent from older files. */
  {
    const char *vat_from = NULL;

    gint64 vat_regime = 0;

    if (!factures_store_json_impl_get_date (object, "profile", "vat_from", FALSE, &vat_from, error))
      return FALSE;
    /* Trial 6 finding 10: as in the preferences, the day VAT is charged from goes only with
     * vat_regime 1 (the export writes it only then): refused rather than dropped. */
    if (json_object_has_member (object, "vat_regime") &&
        json_node_get_value_type (json_object_get_member (object, "vat_regime")) == G_TYPE_INT64)
      vat_regime = json_object_get_int_member (object, "vat_regime");
    if (vat_from != NULL && vat_regime != FACTURES_VAT_REGIME_REGISTERED)
      {
        factures_store_json_impl_format_error (error, "profile", "vat_from",
                                               _("absent (or null) unless “vat_regime” is 1, VAT registered"));
        return FALSE;
      }
    if (vat_from != NULL)
      {
        GDate date;

        /* Trial 6 finding 3: named by its path (the profile's check says the same). */
        factures_date_parse_iso (vat_from, &date, NULL);
        if (!factures_date_check_record (&date, _("VAT charged from"), error))
          {
            factures_store_json_impl_prefix_path (error, "profile.vat_from");
            return FALSE;
          }
      }
  }

  if (!import->keep_ids)
    {
      current = factures_store_get_profile (import->store, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      /* Adding to a database: its own profile wins. */
      if (current != NULL)
        return TRUE;
    }

  profile = factures_store_json_impl_read_profile (object);
  if (!factures_store_write_profile (import->store, profile, error))
    {
      factures_store_json_impl_prefix_path (error, "profile");
      return FALSE;
    }
  return TRUE;
}

gboolean
factures_store_json_impl_import_clients (Import     *import,
                                         JsonArray  *clients,
                                         GError    **error)
{
  static const char *const text_keys[] = { "notes", "legal_id", "service_code" };
  static const char *const int_keys[] = { "category", "has_terms", "terms_kind", "terms_days",
                                           "document_language" };

  for (guint i = 0; i < json_array_get_length (clients); i++)
    {
      g_autofree char *where = g_strdup_printf ("clients[%u]", i);
      g_autoptr(FacturesClient) client = NULL;
      JsonObject *object = factures_store_json_impl_get_element_object (clients, i, where, error);
      gint64 file_id, new_id = 0;

      if (object == NULL ||
          !factures_store_json_impl_get_int (object, where, "id", 0, &file_id, error) ||
          !check_types (object, where, text_keys, G_N_ELEMENTS (text_keys),
                        int_keys, G_N_ELEMENTS (int_keys), error))
        return FALSE;
      if (file_id <= 0)
        {
          factures_store_json_impl_format_error (error, where, "id", _("a positive integer"));
          return FALSE;
        }
      if (g_hash_table_contains (import->client_ids, &file_id))
        {
          g_autofree char *path = factures_store_json_impl_path_join (where, "id");

          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                       _("Invalid file: %s: two clients have the id %" PRId64 "."), path, file_id);
          return FALSE;
        }

      /* The client editor's checks (factures_store_save_client()). */
      client = factures_store_json_impl_read_client (object);
      client->id = 0;
      if (!factures_store_clean_client (client, error) ||
          !factures_store_write_client (import->store, client,
                                        import->keep_ids ? file_id : 0, &new_id, error))
        {
          factures_store_json_impl_prefix_path (error, where);
          return FALSE;
        }
      g_hash_table_insert (import->client_ids, g_memdup2 (&file_id, sizeof file_id),
                           g_memdup2 (&new_id, sizeof new_id));
    }
  return TRUE;
}
