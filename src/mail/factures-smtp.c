/* factures-smtp.c — SMTP submission and the connection test, with libcurl
 *
 * The SMTP dialogue is followed through libcurl's debug callback: the server's
 * replies (code and text), the last command sent, what EHLO advertised. Failures
 * are mapped from (libcurl code, last command, last reply) to FACTURES_MAIL_ERROR
 * codes with a message that says how to fix it.
 *
 * The AUTH exchange (from "AUTH" to the server's final reply) is never logged:
 * it carries the password in base64 (PLAIN, LOGIN).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <curl/curl.h>
#include <glib/gi18n.h>

#include "factures-mail-error.h"
#include "factures-smtp.h"

typedef struct {
  GCancellable         *cancellable;
  FacturesSmtpProgress  progress;
  gpointer              progress_data;
  gboolean              debug;

  GString              *reply;           /* the reply being read (multi-line) */
  int                   last_code;
  char                 *last_reply;
  char                 *last_command;    /* "EHLO", "AUTH", "MAIL", "RCPT", "DATA", … */
  char                 *reply_command;   /* the command last_reply answers */
  char                 *greeting;
  char                 *data_reply;      /* reply to the end of the message */
  gboolean              in_auth;
  gboolean              in_ehlo;
  gboolean              data_sent;
  gboolean              auth_advertised;
  gboolean              starttls_advertised;
  gboolean              authenticated;
  gboolean              tls;

  const guint8         *upload;
  gsize                 upload_size;
  gsize                 upload_pos;
} Session;

static void
session_clear (Session *s)
{
  g_string_free (s->reply, TRUE);
  g_free (s->last_reply);
  g_free (s->last_command);
  g_free (s->reply_command);
  g_free (s->greeting);
  g_free (s->data_reply);
}

const char *
factures_mail_security_label (FacturesMailSecurity security)
{
  switch (security)
    {
    case FACTURES_MAIL_SECURITY_STARTTLS:
      return _("STARTTLS");
    case FACTURES_MAIL_SECURITY_TLS:
      return _("TLS");
    case FACTURES_MAIL_SECURITY_NONE:
    default:
      return _("None");
    }
}

static void
ensure_curl (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      curl_global_init (CURL_GLOBAL_DEFAULT);
      g_once_init_leave (&done, 1);
    }
}

static void
debug_line (Session    *s,
            const char *prefix,
            const char *text,
            gsize       len)
{
  if (!s->debug)
    return;
  while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r'))
    len--;
  g_printerr ("smtp %s %.*s\n", prefix, (int) len, text);
}

static void
server_line (Session    *s,
             const char *line,
             gsize       len)
{
  gboolean final;
  int code;

  while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
    len--;
  debug_line (s, "<", line, len);
  if (len < 3 || !g_ascii_isdigit (line[0]) || !g_ascii_isdigit (line[1]) || !g_ascii_isdigit (line[2]))
    return;
  code = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
  final = len == 3 || line[3] == ' ';

  if (s->reply->len > 0)
    g_string_append (s->reply, " / ");
  g_string_append_len (s->reply, line, (gssize) len);

  if (s->in_ehlo && len > 4)
    {
      g_autofree char *upper = g_ascii_strup (line + 4, (gssize) len - 4);

      if (g_str_has_prefix (upper, "AUTH"))
        s->auth_advertised = TRUE;
      if (g_str_has_prefix (upper, "STARTTLS"))
        s->starttls_advertised = TRUE;
    }

  if (!final)
    return;

  /* The reply to QUIT (sent when the connection closes, also after a failure)
   * must not hide the reply that explains the failure. */
  if (g_strcmp0 (s->last_command, "QUIT") == 0)
    {
      g_string_truncate (s->reply, 0);
      return;
    }

  s->last_code = code;
  g_free (s->reply_command);
  s->reply_command = g_strdup (s->last_command);
  g_free (s->last_reply);
  s->last_reply = g_strdup (s->reply->str);
  g_string_truncate (s->reply, 0);

  if (code == 220 && s->greeting == NULL)
    s->greeting = g_strdup (s->last_reply);
  if (s->in_ehlo)
    s->in_ehlo = FALSE;
  if (s->in_auth && code != 334)
    {
      s->in_auth = FALSE;
      if (code == 235)
        s->authenticated = TRUE;
    }
  if (s->data_sent && s->data_reply == NULL)
    s->data_reply = g_strdup (s->last_reply);
}

static void
client_line (Session    *s,
             const char *line,
             gsize       len)
{
  g_autofree char *command = NULL;
  gsize n = 0;

  while (n < len && g_ascii_isalpha (line[n]))
    n++;
  command = g_ascii_strup (line, (gssize) n);

  if (strcmp (command, "AUTH") == 0)
    {
      s->in_auth = TRUE;
      debug_line (s, ">", "AUTH [redacted]", 15);
    }
  else if (s->in_auth)
    debug_line (s, ">", "[redacted]", 10);
  else
    debug_line (s, ">", line, len);

  if (s->in_auth && strcmp (command, "AUTH") != 0)
    return;
  g_free (s->last_command);
  s->last_command = g_steal_pointer (&command);
  if (strcmp (s->last_command, "EHLO") == 0 || strcmp (s->last_command, "HELO") == 0)
    {
      /* A second EHLO (after STARTTLS) advertises again. */
      s->in_ehlo = TRUE;
      s->auth_advertised = FALSE;
      s->starttls_advertised = FALSE;
    }
}

static int
on_debug (CURL          *handle,
          curl_infotype  type,
          char          *data,
          size_t         size,
          void          *user_data)
{
  Session *s = user_data;

  switch (type)
    {
    case CURLINFO_HEADER_IN:
      {
        const char *start = data;
        const char *end = data + size;

        while (start < end)
          {
            const char *nl = memchr (start, '\n', (size_t) (end - start));
            const char *stop = nl != NULL ? nl + 1 : end;

            server_line (s, start, (gsize) (stop - start));
            start = stop;
          }
      }
      break;
    case CURLINFO_HEADER_OUT:
      client_line (s, data, size);
      break;
    case CURLINFO_DATA_OUT:
      s->data_sent = TRUE;
      break;
    case CURLINFO_TEXT:
      if (size > 0 && !s->in_auth)
        debug_line (s, "*", data, size);
      if (g_strstr_len (data, (gssize) size, "SSL connection using") != NULL ||
          g_strstr_len (data, (gssize) size, "TLS") != NULL)
        {
          /* "SSL connection using TLS1.3 / …": the session is now encrypted. */
          if (g_strstr_len (data, (gssize) size, "connection using") != NULL)
            s->tls = TRUE;
        }
      break;
    default:
      break;
    }
  return 0;
}

static size_t
on_read (char   *buffer,
         size_t  size,
         size_t  nitems,
         void   *user_data)
{
  Session *s = user_data;
  gsize room = size * nitems;
  gsize left = s->upload_size - s->upload_pos;
  gsize n = MIN (room, left);

  memcpy (buffer, s->upload + s->upload_pos, n);
  s->upload_pos += n;
  return n;
}

static size_t
on_write (char   *buffer,
          size_t  size,
          size_t  nitems,
          void   *user_data)
{
  return size * nitems;
}

static int
on_progress (void       *user_data,
             curl_off_t  dltotal,
             curl_off_t  dlnow,
             curl_off_t  ultotal,
             curl_off_t  ulnow)
{
  Session *s = user_data;

  if (s->cancellable != NULL && g_cancellable_is_cancelled (s->cancellable))
    return 1;
  if (s->progress != NULL && ultotal > 0)
    s->progress ((guint64) ulnow, (guint64) ultotal, s->progress_data);
  return 0;
}

static char *
ehlo_name (const FacturesMailAccount *account)
{
  const char *at = account->sender_address != NULL ? strrchr (account->sender_address, '@') : NULL;
  const char *host;

  if (at != NULL && at[1] != '\0' && strchr (at + 1, '.') != NULL)
    return g_strdup (at + 1);
  host = g_get_host_name ();
  if (strchr (host, '.') != NULL)
    return g_strdup (host);
  return g_strdup ("[127.0.0.1]");
}

static CURL *
setup (const FacturesMailAccount *account,
       const char                *password,
       Session                   *s,
       char                      *errbuf)
{
  g_autofree char *name = ehlo_name (account);
  g_autofree char *url = NULL;
  gboolean ipv6 = account->server != NULL && strchr (account->server, ':') != NULL &&
                  account->server[0] != '[';
  const char *ca_file = g_getenv ("FACTURES_SMTP_CA_FILE");
  long timeout = account->timeout_seconds > 0 ? (long) account->timeout_seconds : 30;
  CURL *curl;

  ensure_curl ();
  curl = curl_easy_init ();
  if (curl == NULL)
    return NULL;

  url = g_strdup_printf ("%s://%s%s%s:%u/%s",
                         account->security == FACTURES_MAIL_SECURITY_TLS ? "smtps" : "smtp",
                         ipv6 ? "[" : "", account->server, ipv6 ? "]" : "",
                         account->port, name);
  curl_easy_setopt (curl, CURLOPT_URL, url);
  curl_easy_setopt (curl, CURLOPT_USE_SSL,
                    (long) (account->security == FACTURES_MAIL_SECURITY_NONE ? CURLUSESSL_NONE : CURLUSESSL_ALL));
  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYHOST, 2L);
  if (ca_file != NULL && *ca_file != '\0')
    curl_easy_setopt (curl, CURLOPT_CAINFO, ca_file);
  curl_easy_setopt (curl, CURLOPT_CONNECTTIMEOUT, timeout);
  curl_easy_setopt (curl, CURLOPT_SERVER_RESPONSE_TIMEOUT, timeout);
  curl_easy_setopt (curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt (curl, CURLOPT_LOW_SPEED_TIME, timeout);
  curl_easy_setopt (curl, CURLOPT_TIMEOUT, timeout * 20);
  curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (curl, CURLOPT_FORBID_REUSE, 1L);
  curl_easy_setopt (curl, CURLOPT_VERBOSE, 1L);
  curl_easy_setopt (curl, CURLOPT_DEBUGFUNCTION, on_debug);
  curl_easy_setopt (curl, CURLOPT_DEBUGDATA, s);
  curl_easy_setopt (curl, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt (curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt (curl, CURLOPT_XFERINFOFUNCTION, on_progress);
  curl_easy_setopt (curl, CURLOPT_XFERINFODATA, s);
  curl_easy_setopt (curl, CURLOPT_WRITEFUNCTION, on_write);
  if (account->user != NULL && *account->user != '\0')
    {
      curl_easy_setopt (curl, CURLOPT_USERNAME, account->user);
      curl_easy_setopt (curl, CURLOPT_PASSWORD, password != NULL ? password : "");
    }
  return curl;
}

static gboolean
reply_has (const Session *s,
           const char    *needle)
{
  g_autofree char *lower = NULL;
  g_autofree char *lower_needle = NULL;

  if (s->last_reply == NULL)
    return FALSE;
  lower = g_ascii_strdown (s->last_reply, -1);
  lower_needle = g_ascii_strdown (needle, -1);
  return strstr (lower, lower_needle) != NULL;
}

static const char *
server_text (const Session *s)
{
  return s->last_reply != NULL ? s->last_reply : _("(no reply)");
}

/* Maps a failed transfer to a FACTURES_MAIL_ERROR. */
static void
map_error (const FacturesMailAccount  *account,
           const Session              *s,
           CURLcode                    rc,
           const char                 *errbuf,
           GError                    **error)
{
  const char *command = s->reply_command != NULL ? s->reply_command : "";
  const char *detail = *errbuf != '\0' ? errbuf : curl_easy_strerror (rc);
  int code = s->last_code;

  if (rc == CURLE_ABORTED_BY_CALLBACK)
    {
      g_set_error_literal (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_CANCELLED,
                           _("Cancelled."));
      return;
    }
  if (rc == CURLE_COULDNT_RESOLVE_HOST)
    {
      g_set_error (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_UNKNOWN_HOST,
                   _("The server “%s” is unknown: check its spelling in the e-mail account "
                     "(for example smtp.orange.fr) and that this computer is connected to the Internet."),
                   account->server);
      return;
    }
  if (rc == CURLE_COULDNT_CONNECT)
    {
      g_set_error (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_REFUSED,
                   _("The server %s refused the connection on port %u: nothing answers on that "
                     "port. Check the port (usually 587 with STARTTLS or 465 with TLS); a firewall "
                     "may also block it."),
                   account->server, account->port);
      return;
    }
  if (rc == CURLE_PEER_FAILED_VERIFICATION)
    {
      if (strstr (detail, "name") != NULL || strstr (detail, "host") != NULL)
        g_set_error (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_CERTIFICATE_HOST,
                     _("The server’s certificate is not valid for the name “%s”: the connection "
                       "could be intercepted, so nothing was sent. Type the exact server name your "
                       "provider gives (for example ssl0.ovh.net rather than smtp.your-domain). (%s)"),
                     account->server, detail);
      else
        g_set_error (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_CERTIFICATE,
                     _("The server’s certificate is not trusted (expired, self-signed or from an "
                       "unknown authority), so nothing was sent. Check the server name, or ask your "
                       "provider. (%s)"),
                     detail);
      return;
    }
  if (rc == CURLE_USE_SSL_FAILED)
    {
      g_set_error (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_NO_STARTTLS,
                   _("The server %s on port %u does not offer STARTTLS. If your provider says "
                     "“SSL/TLS”, choose TLS (usually port 465)."),
                   account->server, account->port);
      return;
    }
  if (rc == CURLE_SSL_CONNECT_ERROR || rc == CURLE_SSL_CERTPROBLEM || rc == CURLE_SSL_CIPHER)
    {
      if (account->security == FACTURES_MAIL_SECURITY_TLS && s->greeting == NULL)
        g_set_error (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_TLS_MISMATCH,
                     _("The server %s on port %u does not speak TLS from the start (“wrong version "
                       "number”): this port expects STARTTLS. Choose STARTTLS (usually port 587), "
                       "or port 465 with TLS. (%s)"),
                     account->server, account->port, detail);
      else
        g_set_error (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_TLS,
                     _("The encrypted connection with %s failed. Check the security setting "
                       "(STARTTLS on 587, TLS on 465). (%s)"),
                     account->server, detail);
      return;
    }
  if (rc == CURLE_OPERATION_TIMEDOUT)
    {
      if (account->security == FACTURES_MAIL_SECURITY_STARTTLS && s->greeting == NULL)
        g_set_error (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_TIMEOUT,
                     _("The server %s did not answer on port %u within %u seconds. If this port "
                       "expects TLS from the start (usually 465), choose TLS; otherwise check the "
                       "server name, the port and your connection."),
                     account->server, account->port, account->timeout_seconds);
      else
        g_set_error (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_TIMEOUT,
                     _("The server %s did not answer within %u seconds. Try again later; if it "
                       "persists, check the server name, the port and your connection."),
                     account->server, account->timeout_seconds);
      return;
    }

  /* Refusals by the server, by its reply. */
  if (code == 534 || reply_has (s, "5.7.9") || reply_has (s, "application-specific password"))
    {
      g_set_error (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_APP_PASSWORD,
                   _("Your provider requires an app password: it refuses your usual password "
                     "here. Create an app password in your account’s security settings and type it "
                     "as the password. The server said: %s"),
                   server_text (s));
      return;
    }
  if (reply_has (s, "5.7.139") || reply_has (s, "5.7.30") || reply_has (s, "basic authentication"))
    {
      g_set_error (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_BASIC_AUTH_DISABLED,
                   _("Your provider no longer accepts a password for sending (Basic authentication "
                     "is disabled). Use another sending address, or your provider’s relay. The "
                     "server said: %s"),
                   server_text (s));
      return;
    }
  if (rc == CURLE_LOGIN_DENIED || code == 535 || (strcmp (command, "AUTH") == 0 && code >= 500))
    {
      g_set_error (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_AUTH,
                   _("The server refused the user name or the password (535). Check both in "
                     "Preferences → E-mail; with Gmail, iCloud or Yahoo you need an app password. "
                     "The server said: %s"),
                   server_text (s));
      return;
    }
  if ((code == 530 || code == 451) &&
      (reply_has (s, "starttls") || reply_has (s, "5.7.3") || reply_has (s, "tls")))
    {
      g_set_error (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_STARTTLS_REQUIRED,
                   _("The server requires an encrypted connection (STARTTLS) before anything "
                     "else. Choose STARTTLS (port 587) or TLS (port 465). The server said: %s"),
                   server_text (s));
      return;
    }
  if (code == 530 || (code == 550 && reply_has (s, "auth")))
    {
      if (account->user == NULL || *account->user == '\0')
        g_set_error (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_AUTH_REQUIRED,
                     _("The server requires a user name and a password: fill them in "
                       "Preferences → E-mail. The server said: %s"),
                     server_text (s));
      else if (account->security == FACTURES_MAIL_SECURITY_NONE)
        g_set_error (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_STARTTLS_REQUIRED,
                     _("The server only accepts a password over an encrypted connection. Choose "
                       "STARTTLS (port 587) or TLS (port 465). The server said: %s"),
                     server_text (s));
      else
        g_set_error (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_NO_AUTH,
                     _("The server requires authentication but does not offer it on this "
                       "connection. Check the port and the security setting. The server said: %s"),
                     server_text (s));
      return;
    }
  if (code == 552 || reply_has (s, "5.3.4") || reply_has (s, "too large") || reply_has (s, "size limit"))
    {
      g_set_error (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_TOO_LARGE,
                   _("The server refused the message as too large (552). Send the document "
                     "without other attachments, or through another account. The server said: %s"),
                   server_text (s));
      return;
    }
  if (strcmp (command, "RCPT") == 0 && code >= 400)
    {
      g_set_error (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_RECIPIENT,
                   _("The server refused a recipient address: check the client’s e-mail address. "
                     "The server said: %s"),
                   server_text (s));
      return;
    }
  if (strcmp (command, "MAIL") == 0 && code >= 400)
    {
      g_set_error (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_SENDER,
                   _("The server refused the sender address “%s”: it only sends from the "
                     "addresses of this account. The server said: %s"),
                   account->sender_address, server_text (s));
      return;
    }
  if (rc == CURLE_SEND_ERROR || rc == CURLE_RECV_ERROR || rc == CURLE_GOT_NOTHING ||
      rc == CURLE_PARTIAL_FILE || (rc == CURLE_WEIRD_SERVER_REPLY && code < 400))
    {
      g_set_error (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_CLOSED,
                   _("The server closed the connection before accepting the message: it was "
                     "not sent. Retry from the outbox. (%s)"),
                   detail);
      return;
    }
  g_set_error (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_SERVER,
               _("The server refused: %s (%s)"), server_text (s), detail);
}

static gboolean
check_account (const FacturesMailAccount  *account,
               const char                 *password,
               GError                    **error)
{
  if (account == NULL || account->server == NULL || *account->server == '\0' ||
      account->sender_address == NULL)
    {
      g_set_error_literal (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_NOT_CONFIGURED,
                           _("No e-mail account is set up: fill it in Preferences → E-mail."));
      return FALSE;
    }
  if (account->security == FACTURES_MAIL_SECURITY_NONE && !factures_mail_host_is_local (account->server))
    {
      g_set_error (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_NOT_CONFIGURED,
                   _("An unencrypted connection is only allowed to this computer (localhost), "
                     "not to “%s”. Choose STARTTLS or TLS."), account->server);
      return FALSE;
    }
  if (account->user != NULL && *account->user != '\0' && password == NULL)
    {
      g_set_error_literal (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_NO_PASSWORD,
                           _("No password is known for this account: type it in Preferences → E-mail."));
      return FALSE;
    }
  return TRUE;
}

/* Runs one transfer. Returns the CURLcode; @s holds the dialogue. */
static CURLcode
run (const FacturesMailAccount *account,
     const char                *password,
     Session                   *s,
     GPtrArray                 *recipients,
     GBytes                    *message,
     char                      *errbuf)
{
  struct curl_slist *rcpt = NULL;
  g_autofree char *from = NULL;
  CURLcode rc;
  CURL *curl;

  curl = setup (account, password, s, errbuf);
  if (curl == NULL)
    return CURLE_FAILED_INIT;

  if (message != NULL)
    {
      from = g_strdup_printf ("<%s>", account->sender_address);
      curl_easy_setopt (curl, CURLOPT_MAIL_FROM, from);
      for (guint i = 0; i < recipients->len; i++)
        {
          g_autofree char *to = g_strdup_printf ("<%s>", (const char *) g_ptr_array_index (recipients, i));

          rcpt = curl_slist_append (rcpt, to);
        }
      curl_easy_setopt (curl, CURLOPT_MAIL_RCPT, rcpt);
      s->upload = g_bytes_get_data (message, &s->upload_size);
      curl_easy_setopt (curl, CURLOPT_READFUNCTION, on_read);
      curl_easy_setopt (curl, CURLOPT_READDATA, s);
      curl_easy_setopt (curl, CURLOPT_UPLOAD, 1L);
      curl_easy_setopt (curl, CURLOPT_INFILESIZE_LARGE, (curl_off_t) s->upload_size);
    }
  else
    curl_easy_setopt (curl, CURLOPT_CUSTOMREQUEST, "NOOP");

  rc = curl_easy_perform (curl);
  curl_easy_cleanup (curl);
  curl_slist_free_all (rcpt);
  return rc;
}

static void
session_init (Session      *s,
              GCancellable *cancellable)
{
  memset (s, 0, sizeof *s);
  s->reply = g_string_new (NULL);
  s->cancellable = cancellable;
  s->debug = g_getenv ("FACTURES_SMTP_DEBUG") != NULL;
}

/* Whether the other TLS mode works on the same port (no credentials, short time-out). */
static gboolean
other_mode_answers (const FacturesMailAccount *account,
                    GCancellable              *cancellable)
{
  g_autoptr(FacturesMailAccount) probe = factures_mail_account_copy (account);
  char errbuf[CURL_ERROR_SIZE] = "";
  Session s;
  CURLcode rc;
  gboolean ok;

  probe->security = account->security == FACTURES_MAIL_SECURITY_TLS ? FACTURES_MAIL_SECURITY_STARTTLS
                                                                      : FACTURES_MAIL_SECURITY_TLS;
  g_clear_pointer (&probe->user, g_free);
  probe->timeout_seconds = MIN (account->timeout_seconds, 8);
  session_init (&s, cancellable);
  rc = run (probe, NULL, &s, NULL, NULL, errbuf);
  ok = (rc == CURLE_OK || s.greeting != NULL) && s.tls;
  session_clear (&s);
  return ok;
}

/* A time-out or a TLS failure before any greeting, when the other mode answers on
 * the same port, is a mode mismatch: say so. */
static void
refine_mismatch (const FacturesMailAccount  *account,
                 const Session              *s,
                 GCancellable               *cancellable,
                 GError                    **error)
{
  if (error == NULL || *error == NULL || s->greeting != NULL ||
      account->security == FACTURES_MAIL_SECURITY_NONE ||
      !((*error)->code == FACTURES_MAIL_ERROR_TIMEOUT || (*error)->code == FACTURES_MAIL_ERROR_TLS ||
        (*error)->code == FACTURES_MAIL_ERROR_TLS_MISMATCH))
    return;
  if ((*error)->code == FACTURES_MAIL_ERROR_TLS_MISMATCH || other_mode_answers (account, cancellable))
    {
      g_clear_error (error);
      if (account->security == FACTURES_MAIL_SECURITY_STARTTLS)
        g_set_error (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_TLS_MISMATCH,
                     _("Port %u of %s expects TLS from the first byte, not STARTTLS: the server "
                       "waited for encryption while Factures waited for its greeting. Choose TLS "
                       "for this port (usually 465), or STARTTLS with port 587."),
                     account->port, account->server);
      else
        g_set_error (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_TLS_MISMATCH,
                     _("Port %u of %s expects STARTTLS, not TLS from the first byte (“wrong "
                       "version number”). Choose STARTTLS for this port (usually 587), or TLS with "
                       "port 465."),
                     account->port, account->server);
    }
}

gboolean
factures_smtp_send (const FacturesMailAccount  *account,
                    const char                 *password,
                    GPtrArray                  *recipients,
                    GBytes                     *message,
                    GCancellable               *cancellable,
                    FacturesSmtpProgress        progress,
                    gpointer                    progress_data,
                    char                      **out_reply,
                    GError                    **error)
{
  char errbuf[CURL_ERROR_SIZE] = "";
  Session s;
  CURLcode rc;

  g_return_val_if_fail (recipients != NULL && recipients->len > 0, FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  if (!check_account (account, password, error))
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  session_init (&s, cancellable);
  s.progress = progress;
  s.progress_data = progress_data;
  rc = run (account, password, &s, recipients, message, errbuf);

  if (rc == CURLE_OK && s.data_reply != NULL && g_str_has_prefix (s.data_reply, "2"))
    {
      if (out_reply != NULL)
        *out_reply = g_strdup (s.data_reply);
      session_clear (&s);
      return TRUE;
    }
  if (rc == CURLE_OK)
    {
      /* libcurl is content, but no 2xx to the message was seen: never claim "sent". */
      g_set_error (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_SERVER,
                   _("The server did not confirm the message: %s"), server_text (&s));
      session_clear (&s);
      return FALSE;
    }
  map_error (account, &s, rc, errbuf, error);
  refine_mismatch (account, &s, cancellable, error);
  session_clear (&s);
  return FALSE;
}

void
factures_smtp_test_result_free (FacturesSmtpTestResult *result)
{
  if (result == NULL)
    return;
  g_clear_error (&result->error);
  g_free (result->greeting);
  g_free (result);
}

static gboolean
test_once (const FacturesMailAccount  *account,
           const char                 *password,
           GCancellable               *cancellable,
           FacturesSmtpTestResult     *result,
           GError                    **error)
{
  char errbuf[CURL_ERROR_SIZE] = "";
  gboolean has_user = account->user != NULL && *account->user != '\0';
  Session s;
  CURLcode rc;
  gboolean ok = FALSE;

  session_init (&s, cancellable);
  rc = run (account, password, &s, NULL, NULL, errbuf);
  if (result != NULL)
    {
      g_free (result->greeting);
      result->greeting = g_strdup (s.greeting);
      result->tls = s.tls;
      result->authenticated = s.authenticated;
    }
  if (rc != CURLE_OK)
    {
      map_error (account, &s, rc, errbuf, error);
      refine_mismatch (account, &s, cancellable, error);
    }
  else if (has_user && !s.authenticated)
    {
      if (!s.auth_advertised && s.starttls_advertised && account->security == FACTURES_MAIL_SECURITY_NONE)
        g_set_error_literal (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_STARTTLS_REQUIRED,
                             _("The server only offers authentication after STARTTLS. Choose "
                               "STARTTLS (port 587) or TLS (port 465)."));
      else
        g_set_error_literal (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_NO_AUTH,
                             _("The server does not offer authentication on this connection, so "
                               "the user name and password cannot be checked. Check the port and the "
                               "security setting, or leave the user name empty if this server needs none."));
    }
  else
    ok = TRUE;
  session_clear (&s);
  return ok;
}

FacturesSmtpTestResult *
factures_smtp_test (const FacturesMailAccount *account,
                    const char                *password,
                    GCancellable              *cancellable)
{
  FacturesSmtpTestResult *result = g_new0 (FacturesSmtpTestResult, 1);
  static const struct { guint port; FacturesMailSecurity security; } standard[] = {
    { 587, FACTURES_MAIL_SECURITY_STARTTLS },
    { 465, FACTURES_MAIL_SECURITY_TLS },
  };
  gint code;

  if (!check_account (account, password, &result->error))
    return result;
  result->ok = test_once (account, password, cancellable, result, &result->error);
  if (result->ok)
    return result;

  code = result->error->code;
  if (code != FACTURES_MAIL_ERROR_TLS_MISMATCH && code != FACTURES_MAIL_ERROR_TIMEOUT &&
      code != FACTURES_MAIL_ERROR_REFUSED && code != FACTURES_MAIL_ERROR_TLS &&
      code != FACTURES_MAIL_ERROR_NO_STARTTLS)
    return result;

  /* Another combination: the same port in the other mode, then the standard ones. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(FacturesMailAccount) other = factures_mail_account_copy (account);
      g_autoptr(GError) other_error = NULL;

      if (i == 0)
        {
          if (account->security == FACTURES_MAIL_SECURITY_NONE)
            continue;
          other->security = account->security == FACTURES_MAIL_SECURITY_TLS ? FACTURES_MAIL_SECURITY_STARTTLS
                                                                               : FACTURES_MAIL_SECURITY_TLS;
        }
      else
        {
          other->port = standard[i - 1].port;
          other->security = standard[i - 1].security;
        }
      if (other->port == account->port && other->security == account->security)
        continue;
      if (g_cancellable_is_cancelled (cancellable))
        break;
      other->timeout_seconds = MIN (account->timeout_seconds, 8);
      /* Reaching the server in that mode is enough to propose it; a refused password
       * there is reported after the change. */
      if (test_once (other, password, cancellable, NULL, &other_error) ||
          (other_error != NULL &&
           (other_error->code == FACTURES_MAIL_ERROR_AUTH || other_error->code == FACTURES_MAIL_ERROR_APP_PASSWORD ||
            other_error->code == FACTURES_MAIL_ERROR_BASIC_AUTH_DISABLED ||
            other_error->code == FACTURES_MAIL_ERROR_NO_AUTH)))
        {
          result->suggested_port = other->port;
          result->suggested_security = other->security;
          break;
        }
    }
  return result;
}

char *
factures_smtp_test_result_describe (const FacturesSmtpTestResult *result)
{
  GString *text = g_string_new (NULL);

  if (result->ok)
    {
      g_string_append (text, result->authenticated
                               ? _("Connection test passed: the server answered, the connection is "
                                   "encrypted and it accepted the user name and password. No message was sent.")
                               : _("Connection test passed: the server answered. No message was sent."));
      if (!result->tls)
        {
          g_string_append_c (text, ' ');
          g_string_append (text, _("The connection is not encrypted (allowed only on this computer)."));
        }
      return g_string_free (text, FALSE);
    }
  g_string_append (text, result->error != NULL ? result->error->message : _("The test failed."));
  if (result->suggested_port != 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, _("The server does answer on port %u with %s: use these settings."),
                              result->suggested_port,
                              factures_mail_security_label (result->suggested_security));
    }
  return g_string_free (text, FALSE);
}
