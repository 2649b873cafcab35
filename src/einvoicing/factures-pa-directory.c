/* factures-pa-directory.c — the AFNOR XP Z12-013 Directory Service client (issue 15 item 1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "factures-error.h"
#include "factures-identifiers.h"
#include "factures-pa-directory.h"
#include "factures-pa-error.h"
#include "factures-pa-sync.h"

gboolean
factures_pa_directory_check_identifier (const char  *identifier,
                                        char       **out_siren,
                                        char       **out_siret,
                                        GError     **error)
{
  g_autofree char *compact = factures_identifier_compact (identifier != NULL ? identifier : "");
  g_autofree char *siren = NULL;
  g_autofree char *siret = NULL;

  if (strlen (compact) == 14 && factures_siret_check (compact, &siret, NULL) && siret != NULL)
    siren = g_strndup (siret, 9);
  else if (!factures_siren_check (compact, &siren, NULL) || siren == NULL)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("SIREN or SIRET: “%s” is neither a SIREN (9 digits) nor a SIRET (14 digits) with a valid check "
                     "digit; the directory is looked up with one of them."),
                   identifier != NULL ? identifier : "");
      return FALSE;
    }
  *out_siren = g_steal_pointer (&siren);
  *out_siret = g_steal_pointer (&siret);
  return TRUE;
}

FacturesPaClient *
factures_pa_directory_open (FacturesStore  *store,
                            char          **out_directory_url,
                            GError        **error)
{
  g_autoptr(FacturesPaAccount) account = NULL;
  g_autoptr(GError) local_error = NULL;

  account = factures_store_get_pa_account (store, &local_error);
  if (account == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_NOT_CONFIGURED,
                             _("No plateforme agréée is set up, so the directory is not looked up: fill in its "
                               "account in Preferences → E-invoicing."));
      return NULL;
    }
  if (account->directory_url == NULL || *account->directory_url == '\0')
    {
      g_set_error_literal (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_NOT_CONFIGURED,
                           _("The directory service address of the plateforme agréée is not filled in, so the "
                             "directory is not looked up: add it in Preferences → E-invoicing (your PA gives it; "
                             "it usually ends in /directory-service)."));
      return NULL;
    }
  *out_directory_url = g_strdup (account->directory_url);
  return factures_pa_open_client (store, error);
}

static const char *
host_of (const char *url)
{
  /* (only for messages: the URL when it does not parse) */
  static GMutex lock;
  static GHashTable *hosts;
  const char *host;

  g_mutex_lock (&lock);
  if (hosts == NULL)
    hosts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  host = g_hash_table_lookup (hosts, url);
  if (host == NULL)
    {
      g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
      char *value = g_strdup (uri != NULL && g_uri_get_host (uri) != NULL ? g_uri_get_host (uri) : url);

      g_hash_table_insert (hosts, g_strdup (url), value);
      host = value;
    }
  g_mutex_unlock (&lock);
  return host;
}

/* The directory's own words for a transport failure of the flow client (@error replaced). */
static void
directory_transport_error (FacturesPaClient  *client,
                           const char        *directory_url,
                           GError           **error)
{
  const char *host = host_of (directory_url);
  GError *e = *error;
  GError *mine = NULL;

  if (e->domain != FACTURES_PA_ERROR)
    return;
  switch (e->code)
    {
    case FACTURES_PA_ERROR_TIMEOUT:
      mine = g_error_new (FACTURES_PA_ERROR, FACTURES_PA_ERROR_TIMEOUT,
                          _("The directory of %s did not answer within %u seconds. Try again later with « Refresh »; "
                            "the last answer known is kept, and nothing was changed on the client."),
                          host, factures_pa_client_get_timeout (client));
      break;
    case FACTURES_PA_ERROR_UNKNOWN_HOST:
    case FACTURES_PA_ERROR_REFUSED:
      mine = g_error_new (FACTURES_PA_ERROR, e->code,
                          _("The directory service at %s cannot be reached (unknown server or connection refused). "
                            "Check its address in Preferences → E-invoicing and the Internet connection; the last "
                            "answer known is kept."),
                          host);
      break;
    case FACTURES_PA_ERROR_LOST:
      mine = g_error_new (FACTURES_PA_ERROR, e->code,
                          _("The connection with the directory at %s was cut before it answered. Try again with "
                            "« Refresh »; the last answer known is kept."),
                          host);
      break;
    default:
      /* token refused, no secret, certificate: the flow client's words fit the directory too */
      return;
    }
  g_clear_error (error);
  g_propagate_error (error, mine);
}

static void
error_body (GBytes  *body,
            char   **out_code)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize size = 0;
  const char *data = body != NULL ? g_bytes_get_data (body, &size) : NULL;

  *out_code = NULL;
  if (size > 0 && json_parser_load_from_data (parser, data, (gssize) size, NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      JsonObject *object = json_node_get_object (json_parser_get_root (parser));
      JsonNode *code = json_object_get_member (object, "errorCode");

      if (code != NULL && JSON_NODE_HOLDS_VALUE (code) && json_node_get_value_type (code) == G_TYPE_STRING)
        *out_code = g_strdup (json_node_get_string (code));
    }
  if (*out_code == NULL)
    *out_code = g_strdup ("—");
}

/* The French message for an HTTP failure of the directory. */
static void
directory_http_error (FacturesPaClient  *client,
                      const char        *directory_url,
                      long               status,
                      GBytes            *body,
                      GError           **error)
{
  g_autofree char *code = NULL;
  const char *host = host_of (directory_url);

  error_body (body, &code);
  switch (status)
    {
    case 401:
      g_set_error (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_TOKEN,
                   _("The directory refused the access even with a new token (401, %s): your plateforme agréée "
                     "may not open its directory to this client ID. Check the client ID and secret in "
                     "Preferences → E-invoicing, or ask your PA. Nothing was changed on the client."), code);
      return;
    case 403:
      g_set_error (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_FORBIDDEN,
                   _("The directory refuses this search to your account (403, %s): your subscription may not "
                     "include it. Ask your plateforme agréée. Nothing was changed on the client."), code);
      return;
    case 404:
      g_set_error (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_NOT_FOUND,
                   _("The platform does not know this directory address (404, %s): check the directory service "
                     "address in Preferences → E-invoicing (it usually ends in /directory-service). Nothing was "
                     "changed on the client."), code);
      return;
    case 429:
      g_set_error (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_RATE_LIMITED,
                   _("The directory asks to slow down (429): wait %d seconds before « Refresh »."),
                   factures_pa_client_get_retry_after (client) > 0 ? factures_pa_client_get_retry_after (client) : 60);
      return;
    case 400:
      g_set_error (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_BAD_REQUEST,
                   _("The directory refused the search as incomplete (400, %s); please report it with the request "
                     "number %s."), code, factures_pa_client_get_last_request_id (client));
      return;
    default:
      if (status >= 500)
        g_set_error (error, FACTURES_PA_ERROR, status == 503 ? FACTURES_PA_ERROR_UNAVAILABLE : FACTURES_PA_ERROR_SERVER,
                     _("The directory of %s is unavailable for now (%ld, %s). Try again later with « Refresh »; "
                       "the last answer known is kept."), host, status, code);
      else
        g_set_error (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_BAD_REQUEST,
                     _("The directory answered with the unexpected status %ld (%s)."), status, code);
      return;
    }
}

static char *
search_body (const char *siren)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "filters");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "siren");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "op");
  json_builder_add_string_value (builder, "strict");
  json_builder_set_member_name (builder, "value");
  json_builder_add_string_value (builder, siren);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "limit");
  json_builder_add_int_value (builder, 100);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* The "results" array of a 200/206 search answer (transfer full), or NULL with MALFORMED. */
static JsonArray *
parse_results (GBytes      *body,
               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize size = 0;
  const char *data = g_bytes_get_data (body, &size);
  JsonNode *results;

  if (size == 0 || !json_parser_load_from_data (parser, data, (gssize) size, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ||
      (results = json_object_get_member (json_node_get_object (json_parser_get_root (parser)), "results")) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (results))
    {
      g_set_error_literal (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_MALFORMED,
                           _("The directory’s answer cannot be read (not the JSON expected, or no list of results). "
                             "Try again later; the last answer known is kept."));
      return NULL;
    }
  return json_array_ref (json_node_get_array (results));
}

static const char *
member_text (JsonObject *object,
             const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* How well @line fits: its SIRET's line first when a SIRET was given, then the SIREN's own
 * line (without SIRET), then any line; Enabled before the others. −1: another SIREN. */
static gint
line_score (JsonObject *line,
            const char *siren,
            const char *siret)
{
  const char *line_siren = member_text (line, "siren");
  const char *line_siret = member_text (line, "siret");
  gint score = 0;

  if (line_siren != NULL && g_strcmp0 (line_siren, siren) != 0)
    return -1;
  if (siret != NULL && g_strcmp0 (line_siret, siret) == 0)
    score += 8;
  else if (line_siret == NULL || *line_siret == '\0')
    score += 4;
  if (g_strcmp0 (member_text (line, "directoryLineStatus"), "Enabled") == 0)
    score += 2;
  return score;
}

static FacturesPaDirectoryStatus
status_of (const char *text)
{
  if (g_strcmp0 (text, "Enabled") == 0)
    return FACTURES_PA_DIRECTORY_ENABLED;
  if (g_strcmp0 (text, "Disabled") == 0)
    return FACTURES_PA_DIRECTORY_DISABLED;
  if (g_strcmp0 (text, "Upcoming") == 0)
    return FACTURES_PA_DIRECTORY_UPCOMING;
  return FACTURES_PA_DIRECTORY_NONE;
}

FacturesPaDirectoryEntry *
factures_pa_directory_lookup (FacturesPaClient  *client,
                              const char        *directory_url,
                              const char        *identifier,
                              GError           **error)
{
  g_autoptr(FacturesPaDirectoryEntry) entry = factures_pa_directory_entry_new ();
  g_autofree char *siren = NULL;
  g_autofree char *siret = NULL;
  g_autofree char *body_text = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonArray) results = NULL;
  long status = 0;

  if (!factures_pa_directory_check_identifier (identifier, &siren, &siret, error))
    return NULL;
  entry->siren = g_strdup (siren);
  body_text = search_body (siren);

  /* 1. The directory lines of the SIREN (PA.md §1.4). */
  body = factures_pa_client_post_json (client, directory_url, "/v1/directory-line/search", body_text, &status, error);
  if (body == NULL)
    {
      directory_transport_error (client, directory_url, error);
      return NULL;
    }
  if (status == 204)
    entry->status = FACTURES_PA_DIRECTORY_UNKNOWN;
  else if (status == 200 || status == 206)
    {
      JsonObject *best = NULL;
      gint best_score = -1;

      results = parse_results (body, error);
      if (results == NULL)
        return NULL;
      entry->partial = status == 206;
      for (guint i = 0; i < json_array_get_length (results); i++)
        {
          JsonNode *node = json_array_get_element (results, i);
          gint score;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            continue;
          score = line_score (json_node_get_object (node), siren, siret);
          if (score > best_score)
            {
              best_score = score;
              best = json_node_get_object (node);
            }
        }
      if (best == NULL)
        entry->status = FACTURES_PA_DIRECTORY_UNKNOWN;
      else
        {
          const char *address = member_text (best, "addressingIdentifier");

          entry->status = status_of (member_text (best, "directoryLineStatus"));
          /* 1.1.0 had platform.platformStatus instead (PA.md §1.4). */
          if (entry->status == FACTURES_PA_DIRECTORY_NONE && json_object_has_member (best, "platform") &&
              JSON_NODE_HOLDS_OBJECT (json_object_get_member (best, "platform")))
            entry->status = status_of (member_text (json_object_get_object_member (best, "platform"),
                                                    "platformStatus"));
          if (entry->status == FACTURES_PA_DIRECTORY_NONE)
            {
              g_set_error_literal (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_MALFORMED,
                                   _("The directory’s answer has a line without a status it knows "
                                     "(directoryLineStatus Enabled, Disabled or Upcoming). Try again later; the last "
                                     "answer known is kept."));
              return NULL;
            }
          if (address != NULL && *address != '\0' && g_utf8_validate (address, -1, NULL) &&
              g_utf8_strlen (address, -1) <= 125)
            entry->address = g_strdup (address);
          entry->siret = g_strdup (member_text (best, "siret"));
          entry->platform = g_strdup (member_text (best, "platformType"));
        }
    }
  else
    {
      directory_http_error (client, directory_url, status, body, error);
      return NULL;
    }

  /* 2. The legal unit (name, Public or private): useful, not needed; a failure is ignored. */
  {
    g_autoptr(GBytes) unit = NULL;
    g_autoptr(JsonArray) units = NULL;

    status = 0;
    unit = factures_pa_client_post_json (client, directory_url, "/v1/siren/search", body_text, &status, NULL);
    if (unit != NULL && (status == 200 || status == 206) && (units = parse_results (unit, NULL)) != NULL)
      for (guint i = 0; i < json_array_get_length (units); i++)
        {
          JsonNode *node = json_array_get_element (units, i);

          if (JSON_NODE_HOLDS_OBJECT (node) &&
              g_strcmp0 (member_text (json_node_get_object (node), "siren"), siren) == 0)
            {
              entry->name = g_strdup (member_text (json_node_get_object (node), "businessName"));
              entry->entity_type = g_strdup (member_text (json_node_get_object (node), "entityType"));
              break;
            }
        }
  }
  return g_steal_pointer (&entry);
}

FacturesPaDirectoryEntry *
factures_pa_directory_refresh (FacturesStore  *store,
                               const char     *identifier,
                               GError        **error)
{
  g_autoptr(FacturesPaClient) client = NULL;
  g_autoptr(FacturesPaDirectoryEntry) entry = NULL;
  g_autofree char *directory_url = NULL;
  g_autofree char *siren = NULL;
  g_autofree char *siret = NULL;

  if (!factures_pa_directory_check_identifier (identifier, &siren, &siret, error))
    return NULL;
  client = factures_pa_directory_open (store, &directory_url, error);
  if (client == NULL)
    return NULL;
  entry = factures_pa_directory_lookup (client, directory_url, identifier, error);
  if (entry == NULL || !factures_store_pa_directory_save (store, entry, error))
    return NULL;
  return factures_store_pa_directory_get (store, siren, error);
}

const char *
factures_pa_directory_partial_note (void)
{
  return _("The directory answered with only part of its lines (206): the status shown is the best one "
           "among those returned. Press « Refresh » later to check it.");
}
