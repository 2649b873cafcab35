/* factures-pa-client.c — the AFNOR XP Z12-013 Flow Service client (libcurl)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <curl/curl.h>
#include <glib/gi18n.h>

#include "factures-pa-client.h"
#include "factures-pa-error.h"

G_DEFINE_QUARK (factures-pa-error-quark, factures_pa_error)

gboolean
factures_pa_error_is_uncertain (const GError *error)
{
  return error != NULL && error->domain == FACTURES_PA_ERROR &&
         (error->code == FACTURES_PA_ERROR_TIMEOUT || error->code == FACTURES_PA_ERROR_LOST ||
          error->code == FACTURES_PA_ERROR_SERVER || error->code == FACTURES_PA_ERROR_MALFORMED);
}

gboolean
factures_pa_error_is_transient (const GError *error)
{
  if (error == NULL || error->domain != FACTURES_PA_ERROR)
    return FALSE;
  switch (error->code)
    {
    case FACTURES_PA_ERROR_UNKNOWN_HOST:
    case FACTURES_PA_ERROR_REFUSED:
    case FACTURES_PA_ERROR_TIMEOUT:
    case FACTURES_PA_ERROR_RATE_LIMITED:
    case FACTURES_PA_ERROR_SERVER:
    case FACTURES_PA_ERROR_UNAVAILABLE:
    case FACTURES_PA_ERROR_MALFORMED:
    case FACTURES_PA_ERROR_LOST:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Tokens live in this process's memory only: one per (token URL, client id). */
static GMutex token_lock;
static GHashTable *tokens;

struct _FacturesPaClient {
  FacturesPaAccount *account;
  char              *secret;
  char              *token_key;
  gint               retry_after;
  char              *request_id;
  gboolean           depositing_report;  /* an e-reporting file (flowSyntax FRR) is being deposited */
};

FacturesPaClient *
factures_pa_client_new (const FacturesPaAccount *account,
                        const char              *secret)
{
  FacturesPaClient *client = g_new0 (FacturesPaClient, 1);

  client->account = factures_pa_account_copy (account);
  client->secret = g_strdup (secret != NULL ? secret : "");
  client->token_key = g_strdup_printf ("%s\n%s", account->token_url, account->client_id);
  return client;
}

void
factures_pa_client_free (FacturesPaClient *client)
{
  if (client == NULL)
    return;
  factures_pa_account_free (client->account);
  if (client->secret != NULL)
    memset (client->secret, 0, strlen (client->secret));
  g_free (client->secret);
  g_free (client->token_key);
  g_free (client->request_id);
  g_free (client);
}

guint
factures_pa_client_get_timeout (FacturesPaClient *client)
{
  return client->account->timeout_seconds;
}

gint
factures_pa_client_get_retry_after (FacturesPaClient *client)
{
  return client->retry_after;
}

const char *
factures_pa_client_get_last_request_id (FacturesPaClient *client)
{
  return client->request_id;
}

static char *
token_get (FacturesPaClient *client)
{
  char *token = NULL;

  g_mutex_lock (&token_lock);
  if (tokens != NULL)
    token = g_strdup (g_hash_table_lookup (tokens, client->token_key));
  g_mutex_unlock (&token_lock);
  return token;
}

static void
token_set (FacturesPaClient *client,
           const char       *token)
{
  g_mutex_lock (&token_lock);
  if (tokens == NULL)
    tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (token != NULL)
    g_hash_table_insert (tokens, g_strdup (client->token_key), g_strdup (token));
  else
    g_hash_table_remove (tokens, client->token_key);
  g_mutex_unlock (&token_lock);
}

/* ---- one HTTP exchange ---- */

typedef struct {
  GByteArray *body;
  gint        retry_after;
  char       *content_type;
} Response;

static void
response_clear (Response *r)
{
  if (r->body != NULL)
    g_byte_array_unref (r->body);
  g_free (r->content_type);
  memset (r, 0, sizeof *r);
}

static size_t
on_write (char   *data,
          size_t  size,
          size_t  nmemb,
          void   *user_data)
{
  Response *r = user_data;

  /* 200 MiB at most: a PA never sends more for one flow (100 MB per file, PA.md §1.3). */
  if (r->body->len + size * nmemb > 200u * 1024 * 1024)
    return 0;
  g_byte_array_append (r->body, (const guint8 *) data, size * nmemb);
  return size * nmemb;
}

static size_t
on_header (char   *data,
           size_t  size,
           size_t  nmemb,
           void   *user_data)
{
  Response *r = user_data;
  size_t len = size * nmemb;
  g_autofree char *line = g_strndup (data, len);

  g_strstrip (line);
  if (g_ascii_strncasecmp (line, "Retry-After:", 12) == 0)
    {
      const char *value = line + 12;
      char *end = NULL;
      gint64 seconds;

      while (*value == ' ')
        value++;
      seconds = g_ascii_strtoll (value, &end, 10);
      /* An HTTP date instead of seconds: one minute. */
      r->retry_after = end != value && *end == '\0' ? (gint) CLAMP (seconds, 0, 86400) : 60;
    }
  return len;
}

static const char *
host_of (const char *url)
{
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

/* The French message for a transport failure (curl code @rc) on @url. */
static void
set_transport_error (FacturesPaClient  *client,
                     CURLcode           rc,
                     const char        *url,
                     const char        *detail,
                     GError           **error)
{
  const char *host = host_of (url);

  switch (rc)
    {
    case CURLE_COULDNT_RESOLVE_HOST:
      g_set_error (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_UNKNOWN_HOST,
                   _("The platform’s server “%s” is unknown: check its address in Preferences → E-invoicing "
                     "and the Internet connection. Nothing was sent; the outbox keeps everything."), host);
      return;
    case CURLE_COULDNT_CONNECT:
      g_set_error (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_REFUSED,
                   _("The platform %s refused the connection: nothing answers at that address. Check the "
                     "address in Preferences → E-invoicing, or try again later. Nothing was sent; the outbox "
                     "keeps everything."), host);
      return;
    case CURLE_OPERATION_TIMEDOUT:
      g_set_error (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_TIMEOUT,
                   _("The platform %s did not answer within %u seconds. Try again later: before depositing "
                     "again, Factures looks the document up at the platform, so it is never deposited twice."),
                   host, client->account->timeout_seconds);
      return;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
      g_set_error (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_CERTIFICATE,
                   _("The certificate of %s is not trusted (expired, self-signed or for another name): the "
                     "connection was stopped to protect your invoices. Check the address with your plateforme "
                     "agréée. (%s)"), host, detail);
      return;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
      g_set_error (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_TLS,
                   _("The encrypted connection with %s failed: check that the address starts with https:// "
                     "as your plateforme agréée gives it. (%s)"), host, detail);
      return;
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
      g_set_error (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_LOST,
                   _("The connection with %s was cut before the platform answered. The document may have "
                     "arrived: before depositing again, Factures looks it up at the platform, so it is never "
                     "deposited twice."), host);
      return;
    default:
      g_set_error (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_LOST,
                   _("The exchange with %s failed (%s). Before depositing again, Factures looks the document "
                     "up at the platform, so it is never deposited twice."), host, detail);
      return;
    }
}

/* errorCode and errorMessage of an AFNOR Error body, when there is one. */
static void
parse_error_body (GByteArray  *body,
                  char       **out_code,
                  char       **out_message)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;

  *out_code = NULL;
  *out_message = NULL;
  if (body == NULL || body->len == 0 ||
      !json_parser_load_from_data (parser, (const char *) body->data, body->len, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return;
  object = json_node_get_object (json_parser_get_root (parser));
  if (json_object_has_member (object, "errorCode") &&
      JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "errorCode")) &&
      json_node_get_value_type (json_object_get_member (object, "errorCode")) == G_TYPE_STRING)
    *out_code = g_strdup (json_object_get_string_member (object, "errorCode"));
  if (json_object_has_member (object, "errorMessage") &&
      JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "errorMessage")) &&
      json_node_get_value_type (json_object_get_member (object, "errorMessage")) == G_TYPE_STRING)
    *out_message = g_strdup (json_object_get_string_member (object, "errorMessage"));
}

/* The French message for an HTTP error status. */
static void
set_http_error (FacturesPaClient  *client,
                long               status,
                Response          *r,
                GError           **error)
{
  g_autofree char *code = NULL;
  g_autofree char *message = NULL;
  const char *host = host_of (client->account->base_url);

  parse_error_body (r->body, &code, &message);
  if (code == NULL)
    code = g_strdup ("—");
  if (message == NULL)
    message = g_strdup ("—");
  switch (status)
    {
    case 400:
      g_set_error (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_BAD_REQUEST,
                   _("The platform refused the request as incomplete (400, %s: %s). Nothing was deposited; "
                     "please report it with the request number %s."), code, message, client->request_id);
      return;
    case 401:
      g_set_error (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_TOKEN,
                   _("The platform refused the access even with a new token (401, %s). Check the client ID "
                     "and secret in Preferences → E-invoicing, or ask your plateforme agréée whether the "
                     "access is still open. Nothing was deposited."), code);
      return;
    case 403:
      g_set_error (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_FORBIDDEN,
                   _("The platform refuses this operation to your account (403, %s): your subscription may "
                     "not include it, or the account is not yet open for your SIREN. Ask your plateforme "
                     "agréée. Nothing was deposited; the outbox keeps the document."), code);
      return;
    case 404:
      g_set_error (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_NOT_FOUND,
                   _("The platform does not know this address (404, %s): check the flow service address in "
                     "Preferences → E-invoicing (it usually ends in /flow-service). Nothing was deposited."),
                   code);
      return;
    case 413:
      g_set_error (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_TOO_LARGE,
                   _("The file is too large for the platform (413, %s). Reduce the attachments or the logo "
                     "of the document; nothing was deposited."), code);
      return;
    case 422:
      /* An e-reporting file is made again from the store at each send: the advice is to
       * correct what the platform names, not the credit note of an issued invoice (T20). */
      if (client->depositing_report)
        {
          g_set_error (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_UNPROCESSABLE,
                       _("The platform refused the e-reporting file (422, %s): %s. Nothing was deposited. "
                         "Correct what it names (the business profile, a client’s country or VAT number, a "
                         "sale’s category), then send the period again: the file is made again from your "
                         "invoices and payments."), code, message);
          return;
        }
      g_set_error (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_UNPROCESSABLE,
                   _("The platform refused the file (422, %s): %s. Nothing was deposited. An issued document "
                     "cannot be changed: issue a credit note, then a corrected invoice."), code, message);
      return;
    case 429:
      g_set_error (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_RATE_LIMITED,
                   _("The platform asks to slow down (429) and to wait %d seconds before the next request. "
                     "Nothing is lost; the outbox keeps the document."), r->retry_after > 0 ? r->retry_after : 60);
      return;
    case 503:
      g_set_error (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_UNAVAILABLE,
                   _("The platform %s is unavailable for now (503, %s). The outbox keeps the document and "
                     "another attempt will be made later."), host, code);
      return;
    default:
      if (status >= 500)
        g_set_error (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_SERVER,
                     _("The platform %s had an internal error (%ld, %s). The outbox keeps the document; "
                       "before depositing again Factures looks it up at the platform, so it is never "
                       "deposited twice."), host, status, code);
      else
        g_set_error (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_BAD_REQUEST,
                     _("The platform answered with the unexpected status %ld (%s: %s)."), status, code, message);
      return;
    }
}

typedef curl_mime *(*MimeBuilder) (CURL *curl, gpointer user_data);

typedef struct {
  const char        *method;
  const char        *url;
  struct curl_slist *headers;
  const char        *body;       /* POST body (form or JSON) */
  MimeBuilder        build_mime; /* or a multipart body, built on the request's handle */
  gpointer           mime_data;
} Request;

/* Performs one exchange; the HTTP status in *@out_status, the body in @r. FALSE with a
 * transport error. */
static gboolean
perform (FacturesPaClient  *client,
         const Request     *req,
         Response          *r,
         long              *out_status,
         GError           **error)
{
  g_autofree char *user_agent = g_strdup_printf ("Factures/%s", PACKAGE_VERSION);
  char errbuf[CURL_ERROR_SIZE] = "";
  const char *ca_file = g_getenv ("FACTURES_PA_CA_FILE");
  curl_mime *mime = NULL;
  CURL *curl;
  CURLcode rc;

  curl = curl_easy_init ();
  if (curl == NULL)
    {
      set_transport_error (client, CURLE_FAILED_INIT, req->url, "curl_easy_init", error);
      return FALSE;
    }
  r->body = g_byte_array_new ();
  curl_easy_setopt (curl, CURLOPT_URL, req->url);
  curl_easy_setopt (curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYHOST, 2L);
  if (ca_file != NULL && *ca_file)
    curl_easy_setopt (curl, CURLOPT_CAINFO, ca_file);
  curl_easy_setopt (curl, CURLOPT_CONNECTTIMEOUT, (long) client->account->timeout_seconds);
  curl_easy_setopt (curl, CURLOPT_TIMEOUT, (long) client->account->timeout_seconds);
  curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt (curl, CURLOPT_USERAGENT, user_agent);
  curl_easy_setopt (curl, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt (curl, CURLOPT_WRITEFUNCTION, on_write);
  curl_easy_setopt (curl, CURLOPT_WRITEDATA, r);
  curl_easy_setopt (curl, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt (curl, CURLOPT_HEADERDATA, r);
  curl_easy_setopt (curl, CURLOPT_HTTPHEADER, req->headers);
  if (req->build_mime != NULL)
    {
      mime = req->build_mime (curl, req->mime_data);
      curl_easy_setopt (curl, CURLOPT_MIMEPOST, mime);
    }
  else if (req->body != NULL)
    curl_easy_setopt (curl, CURLOPT_POSTFIELDS, req->body);
  else
    curl_easy_setopt (curl, CURLOPT_HTTPGET, 1L);
  rc = curl_easy_perform (curl);
  if (rc != CURLE_OK)
    {
      set_transport_error (client, rc, req->url, *errbuf ? errbuf : curl_easy_strerror (rc), error);
      curl_easy_cleanup (curl);
      curl_mime_free (mime);
      return FALSE;
    }
  curl_easy_getinfo (curl, CURLINFO_RESPONSE_CODE, out_status);
  curl_easy_cleanup (curl);
  curl_mime_free (mime);
  client->retry_after = r->retry_after;
  return TRUE;
}

static char *
join_url (const char *base,
          const char *path)
{
  gsize len = strlen (base);

  while (len > 0 && base[len - 1] == '/')
    len--;
  return g_strdup_printf ("%.*s%s", (int) len, base, path);
}

/* A JSON object from a 2xx body, or FACTURES_PA_ERROR_MALFORMED. */
static JsonNode *
parse_json (GByteArray  *body,
            const char  *what,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;

  if (body->len == 0 ||
      !json_parser_load_from_data (parser, (const char *) body->data, body->len, &local_error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_MALFORMED,
                   _("The platform’s answer (%s) cannot be read (not the JSON expected: %s). If it was a "
                     "deposit, Factures looks the document up at the platform before depositing again."),
                   what, local_error != NULL ? local_error->message : _("empty"));
      return NULL;
    }
  return json_node_copy (json_parser_get_root (parser));
}

gboolean
factures_pa_client_fetch_token (FacturesPaClient  *client,
                                GError           **error)
{
  g_autofree char *id = g_uri_escape_string (client->account->client_id, NULL, FALSE);
  g_autofree char *secret = g_uri_escape_string (client->secret, NULL, FALSE);
  g_autofree char *body = NULL;
  g_autoptr(JsonNode) root = NULL;
  Request req = { "POST", client->account->token_url, NULL, NULL, NULL, NULL };
  Response r = { 0 };
  JsonObject *object;
  long status = 0;
  gboolean ok = FALSE;

  if (*client->secret == '\0')
    {
      g_set_error_literal (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_NO_SECRET,
                           _("No client secret is known for the plateforme agréée: type it in Preferences → "
                             "E-invoicing (it is kept in the keyring)."));
      return FALSE;
    }
  body = g_strdup_printf ("grant_type=client_credentials&client_id=%s&client_secret=%s", id, secret);
  req.body = body;
  req.headers = curl_slist_append (NULL, "Content-Type: application/x-www-form-urlencoded");
  req.headers = curl_slist_append (req.headers, "Accept: application/json");
  if (!perform (client, &req, &r, &status, error))
    goto out;
  if (status == 400 || status == 401 || status == 403)
    {
      g_set_error (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_CREDENTIALS,
                   _("The platform’s token service refused the client ID or the secret (%ld). Check both in "
                     "Preferences → E-invoicing; your plateforme agréée can give you new ones."), status);
      goto out;
    }
  if (status < 200 || status >= 300)
    {
      set_http_error (client, status, &r, error);
      goto out;
    }
  root = parse_json (r.body, _("token"), error);
  if (root == NULL)
    goto out;
  object = json_node_get_object (root);
  if (!json_object_has_member (object, "access_token") ||
      !JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "access_token")) ||
      json_node_get_value_type (json_object_get_member (object, "access_token")) != G_TYPE_STRING)
    {
      g_set_error_literal (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_MALFORMED,
                           _("The platform’s token service answered without an access token (access_token)."));
      goto out;
    }
  token_set (client, json_object_get_string_member (object, "access_token"));
  ok = TRUE;

out:
  if (body != NULL)
    memset (body, 0, strlen (body));
  curl_slist_free_all (req.headers);
  response_clear (&r);
  return ok;
}

/* A Flow Service call with the token, obtained again once on a 401. @build_mime makes a
 * fresh multipart body per attempt. Returns the 2xx body (transfer full). */
static GByteArray *
call (FacturesPaClient  *client,
      const char        *method,
      const char        *path,
      const char        *json_body,
      MimeBuilder        build_mime,
      gpointer           mime_data,
      GError           **error)
{
  g_autofree char *url = join_url (client->account->base_url, path);
  int attempt;

  for (attempt = 0; attempt < 2; attempt++)
    {
      g_autofree char *token = token_get (client);
      g_autofree char *auth = NULL;
      g_autofree char *rid = NULL;
      g_autofree char *xrid = NULL;
      Request req = { method, url, NULL, json_body, build_mime, mime_data };
      Response r = { 0 };
      long status = 0;
      gboolean ok;

      if (token == NULL)
        {
          if (!factures_pa_client_fetch_token (client, error))
            return NULL;
          token = token_get (client);
        }
      g_free (client->request_id);
      client->request_id = g_uuid_string_random ();
      auth = g_strdup_printf ("Authorization: Bearer %s", token);
      rid = g_strdup_printf ("Request-Id: %s", client->request_id);
      xrid = g_strdup_printf ("X-Request-Id: %s", client->request_id);
      req.headers = curl_slist_append (NULL, auth);
      req.headers = curl_slist_append (req.headers, rid);
      req.headers = curl_slist_append (req.headers, xrid);
      req.headers = curl_slist_append (req.headers, "Accept: application/json, application/octet-stream, */*");
      if (json_body != NULL)
        req.headers = curl_slist_append (req.headers, "Content-Type: application/json");
      ok = perform (client, &req, &r, &status, error);
      curl_slist_free_all (req.headers);
      if (auth != NULL)
        memset (auth, 0, strlen (auth));
      if (!ok)
        {
          response_clear (&r);
          return NULL;
        }
      if (status == 401 && attempt == 0)
        {
          /* The token expired: forget it and obtain a new one, once. */
          token_set (client, NULL);
          response_clear (&r);
          continue;
        }
      if (status < 200 || status >= 300)
        {
          set_http_error (client, status, &r, error);
          response_clear (&r);
          return NULL;
        }
      {
        GByteArray *body = g_steal_pointer (&r.body);

        response_clear (&r);
        return body;
      }
    }
  g_assert_not_reached ();
}

GBytes *
factures_pa_client_post_json (FacturesPaClient  *client,
                              const char        *base_url,
                              const char        *path,
                              const char        *json_body,
                              long              *out_status,
                              GError           **error)
{
  g_autofree char *url = join_url (base_url, path);

  for (int attempt = 0; attempt < 2; attempt++)
    {
      g_autofree char *token = token_get (client);
      g_autofree char *auth = NULL;
      g_autofree char *rid = NULL;
      g_autofree char *xrid = NULL;
      Request req = { "POST", url, NULL, json_body, NULL, NULL };
      Response r = { 0 };
      long status = 0;
      gboolean ok;

      if (token == NULL)
        {
          if (!factures_pa_client_fetch_token (client, error))
            return NULL;
          token = token_get (client);
        }
      g_free (client->request_id);
      client->request_id = g_uuid_string_random ();
      auth = g_strdup_printf ("Authorization: Bearer %s", token);
      rid = g_strdup_printf ("Request-Id: %s", client->request_id);
      xrid = g_strdup_printf ("X-Request-Id: %s", client->request_id);
      req.headers = curl_slist_append (NULL, auth);
      req.headers = curl_slist_append (req.headers, rid);
      req.headers = curl_slist_append (req.headers, xrid);
      req.headers = curl_slist_append (req.headers, "Accept: application/json");
      req.headers = curl_slist_append (req.headers, "Content-Type: application/json");
      ok = perform (client, &req, &r, &status, error);
      curl_slist_free_all (req.headers);
      if (auth != NULL)
        memset (auth, 0, strlen (auth));
      if (!ok)
        {
          response_clear (&r);
          return NULL;
        }
      if (status == 401 && attempt == 0)
        {
          token_set (client, NULL);
          response_clear (&r);
          continue;
        }
      *out_status = status;
      {
        GByteArray *body = g_steal_pointer (&r.body);

        response_clear (&r);
        return g_byte_array_free_to_bytes (body);
      }
    }
  g_assert_not_reached ();
}

gboolean
factures_pa_client_healthcheck (FacturesPaClient  *client,
                                GError           **error)
{
  g_autofree char *url = join_url (client->account->base_url, "/v1/healthcheck");
  g_autofree char *rid = NULL;
  g_autofree char *xrid = NULL;
  Request req = { "GET", url, NULL, NULL, NULL, NULL };
  Response r = { 0 };
  long status = 0;
  gboolean ok;

  g_free (client->request_id);
  client->request_id = g_uuid_string_random ();
  rid = g_strdup_printf ("Request-Id: %s", client->request_id);
  xrid = g_strdup_printf ("X-Request-Id: %s", client->request_id);
  req.headers = curl_slist_append (NULL, rid);
  req.headers = curl_slist_append (req.headers, xrid);
  ok = perform (client, &req, &r, &status, error);
  curl_slist_free_all (req.headers);
  if (ok && (status < 200 || status >= 300))
    {
      set_http_error (client, status, &r, error);
      ok = FALSE;
    }
  response_clear (&r);
  return ok;
}

typedef struct {
  const char *info;
  GBytes     *file;
  const char *name;
  const char *content_type;
} DepositParts;

static curl_mime *
build_deposit (CURL     *curl,
               gpointer  user_data)
{
  DepositParts *parts = user_data;
  curl_mime *mime = curl_mime_init (curl);
  curl_mimepart *part;
  gsize size;
  const char *data = g_bytes_get_data (parts->file, &size);

  part = curl_mime_addpart (mime);
  curl_mime_name (part, "flowInfo");
  curl_mime_data (part, parts->info, CURL_ZERO_TERMINATED);
  curl_mime_type (part, "application/json");
  part = curl_mime_addpart (mime);
  curl_mime_name (part, "file");
  curl_mime_data (part, data, size);
  curl_mime_filename (part, parts->name);
  curl_mime_type (part, parts->content_type);
  return mime;
}

static char *
node_to_text (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

JsonObject *
factures_pa_client_deposit (FacturesPaClient  *client,
                            const char        *flow_syntax,
                            const char        *flow_profile,
                            const char        *processing_rule,
                            const char        *name,
                            const char        *tracking_id,
                            GBytes            *file,
                            const char        *content_type,
                            GError           **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) info_node = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GByteArray) body = NULL;
  g_autofree char *info = NULL;
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, file);
  DepositParts parts = { NULL, file, name, content_type };
  JsonObject *object;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "flowSyntax");
  json_builder_add_string_value (builder, flow_syntax);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "trackingId");
  json_builder_add_string_value (builder, tracking_id);
  json_builder_set_member_name (builder, "processingRule");
  json_builder_add_string_value (builder, processing_rule);
  if (flow_profile != NULL)
    {
      json_builder_set_member_name (builder, "flowProfile");
      json_builder_add_string_value (builder, flow_profile);
    }
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, sha256);
  json_builder_end_object (builder);
  info_node = json_builder_get_root (builder);
  info = node_to_text (info_node);
  parts.info = info;

  client->depositing_report = g_strcmp0 (flow_syntax, "FRR") == 0;
  body = call (client, "POST", "/v1/flows", NULL, build_deposit, &parts, error);
  client->depositing_report = FALSE;
  if (body == NULL)
    return NULL;
  root = parse_json (body, _("deposit"), error);
  if (root == NULL)
    return NULL;
  object = json_node_get_object (root);
  if (!json_object_has_member (object, "flowId") ||
      !JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "flowId")) ||
      json_node_get_value_type (json_object_get_member (object, "flowId")) != G_TYPE_STRING)
    {
      g_set_error_literal (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_MALFORMED,
                           _("The platform accepted the deposit but its answer has no flowId. Factures will "
                             "look the document up at the platform before depositing again."));
      return NULL;
    }
  return json_object_ref (object);
}

JsonArray *
factures_pa_client_search (FacturesPaClient  *client,
                           JsonObject        *where,
                           guint              limit,
                           GError           **error)
{
  g_autoptr(JsonNode) request = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(GByteArray) body = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  JsonObject *answer;
  JsonNode *results;

  json_object_set_int_member (object, "limit", CLAMP (limit, 1, 100));
  json_object_set_object_member (object, "where", json_object_ref (where));
  json_node_set_object (request, object);
  text = node_to_text (request);
  body = call (client, "POST", "/v1/flows/search", text, NULL, NULL, error);
  if (body == NULL)
    return NULL;
  root = parse_json (body, _("search"), error);
  if (root == NULL)
    return NULL;
  answer = json_node_get_object (root);
  results = json_object_get_member (answer, "results");
  if (results == NULL || !JSON_NODE_HOLDS_ARRAY (results))
    {
      g_set_error_literal (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_MALFORMED,
                           _("The platform’s answer to the search has no list of results (results)."));
      return NULL;
    }
  return json_array_ref (json_node_get_array (results));
}

GBytes *
factures_pa_client_get_original (FacturesPaClient  *client,
                                 const char        *flow_id,
                                 GError           **error)
{
  g_autofree char *escaped = g_uri_escape_string (flow_id, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/v1/flows/%s?docType=Original", escaped);
  GByteArray *body = call (client, "GET", path, NULL, NULL, NULL, error);

  if (body == NULL)
    return NULL;
  return g_byte_array_free_to_bytes (body);
}
