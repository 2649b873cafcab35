/* factures-store-mail.c — the e-mail tables: sending account, templates, outbox (issue 5)
 *
 * Tables from migrations/0005-mail.sql. The JSON export/import of these tables is
 * at the end of this file (factures-store-mail-private.h), called from
 * factures-store-json.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "factures-store-mail.h"
#include "factures-store-mail-private.h"
#include "factures-store-private.h"


/* ---- account ---- */

FacturesMailAccount *
factures_mail_account_new (void)
{
  FacturesMailAccount *account = g_new0 (FacturesMailAccount, 1);

  account->port = 587;
  account->security = FACTURES_MAIL_SECURITY_STARTTLS;
  account->timeout_seconds = 30;
  return account;
}

FacturesMailAccount *
factures_mail_account_copy (const FacturesMailAccount *account)
{
  FacturesMailAccount *copy;

  g_return_val_if_fail (account != NULL, NULL);
  copy = g_new0 (FacturesMailAccount, 1);
  *copy = *account;
  copy->sender_name = g_strdup (account->sender_name);
  copy->sender_address = g_strdup (account->sender_address);
  copy->reply_to = g_strdup (account->reply_to);
  copy->server = g_strdup (account->server);
  copy->user = g_strdup (account->user);
  copy->preset = g_strdup (account->preset);
  return copy;
}

void
factures_mail_account_free (FacturesMailAccount *account)
{
  if (account == NULL)
    return;
  g_free (account->sender_name);
  g_free (account->sender_address);
  g_free (account->reply_to);
  g_free (account->server);
  g_free (account->user);
  g_free (account->preset);
  g_free (account);
}

gboolean
factures_mail_host_is_local (const char *host)
{
  if (host == NULL)
    return FALSE;
  return g_ascii_strcasecmp (host, "localhost") == 0 ||
         g_ascii_strcasecmp (host, "localhost.") == 0 ||
         g_str_has_prefix (host, "127.") ||
         strcmp (host, "::1") == 0 || strcmp (host, "[::1]") == 0;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return text != NULL ? g_strdup (text) : NULL;
}

FacturesMailAccount *
factures_store_get_mail_account (FacturesStore  *self,
                                 GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  FacturesMailAccount *account;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  stmt = factures_store_prepare (self,
                                 "SELECT sender_name, sender_address, reply_to, server, port, "
                                 "security, user, bcc_self, read_receipt, timeout_seconds, preset "
                                 "FROM mail_account WHERE id = 1",
                                 error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  account = factures_mail_account_new ();
  account->sender_name = column_dup (stmt, 0);
  account->sender_address = column_dup (stmt, 1);
  account->reply_to = column_dup (stmt, 2);
  account->server = column_dup (stmt, 3);
  account->port = (guint) sqlite3_column_int (stmt, 4);
  account->security = (FacturesMailSecurity) sqlite3_column_int (stmt, 5);
  account->user = column_dup (stmt, 6);
  account->bcc_self = sqlite3_column_int (stmt, 7) != 0;
  account->read_receipt = sqlite3_column_int (stmt, 8) != 0;
  account->timeout_seconds = (guint) sqlite3_column_int (stmt, 9);
  account->preset = column_dup (stmt, 10);
  return account;
}

/* A light check of an address: one '@', something on each side, no space. */
static gboolean
address_is_valid (const char *address)
{
  const char *at;

  if (address == NULL || *address == '\0')
    return FALSE;
  at = strchr (address, '@');
  return at != NULL && at != address && at[1] != '\0' && strchr (at + 1, '@') == NULL &&
         strpbrk (address, " \t\r\n<>,;\"") == NULL && strchr (at + 1, '.') != NULL;
}

static gboolean
validate_account (const FacturesMailAccount  *account,
                  GError                    **error)
{
  if (!address_is_valid (account->sender_address))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Sender address: “%s” is not a valid e-mail address."),
                   account->sender_address != NULL ? account->sender_address : "");
      return FALSE;
    }
  if (account->reply_to != NULL && *account->reply_to != '\0' && !address_is_valid (account->reply_to))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Reply-to: “%s” is not a valid e-mail address."), account->reply_to);
      return FALSE;
    }
  if (account->server == NULL || *account->server == '\0' ||
      strpbrk (account->server, " \t\r\n/@") != NULL)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Server: “%s” is not a server name."),
                   account->server != NULL ? account->server : "");
      return FALSE;
    }
  if (account->port < 1 || account->port > 65535)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Port: %u is not between 1 and 65535."), account->port);
      return FALSE;
    }
  if (account->security > FACTURES_MAIL_SECURITY_NONE)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Security: unknown mode."));
      return FALSE;
    }
  if (account->security == FACTURES_MAIL_SECURITY_NONE &&
      !factures_mail_host_is_local (account->server))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Security: an unencrypted connection is only allowed to this computer "
                     "(localhost), not to “%s”. Choose STARTTLS or TLS."), account->server);
      return FALSE;
    }
  if (account->timeout_seconds < 1 || account->timeout_seconds > 600)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Time-out: %u seconds is not between 1 and 600."), account->timeout_seconds);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_account (FacturesStore              *self,
               const FacturesMailAccount  *account,
               GError                    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = factures_store_prepare (self,
                                 "INSERT OR REPLACE INTO mail_account (id, sender_name, sender_address, "
                                 "reply_to, server, port, security, user, bcc_self, read_receipt, "
                                 "timeout_seconds, preset) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, account->sender_name);
  bind_text (stmt, 2, account->sender_address);
  bind_text (stmt, 3, account->reply_to);
  bind_text (stmt, 4, account->server);
  sqlite3_bind_int (stmt, 5, (int) account->port);
  sqlite3_bind_int (stmt, 6, (int) account->security);
  bind_text (stmt, 7, account->user);
  sqlite3_bind_int (stmt, 8, account->bcc_self ? 1 : 0);
  sqlite3_bind_int (stmt, 9, account->read_receipt ? 1 : 0);
  sqlite3_bind_int (stmt, 10, (int) account->timeout_seconds);
  bind_text (stmt, 11, account->preset);
  return factures_store_step_done (self, stmt, error);
}

/**
 * factures_store_save_mail_account:
 * @account: the account; its strings are trimmed before the checks
 * @error: FACTURES_ERROR_INVALID naming the field, FACTURES_ERROR_DATABASE
 *
 * Saves the single account row. No password is ever written.
 */
gboolean
factures_store_save_mail_account (FacturesStore              *self,
                                  const FacturesMailAccount  *account,
                                  GError                    **error)
{
  g_autoptr(FacturesMailAccount) clean = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (account != NULL, FALSE);

  clean = factures_mail_account_copy (account);
#define TRIM(field) if (clean->field != NULL) g_strstrip (clean->field)
  TRIM (sender_name);
  TRIM (sender_address);
  TRIM (reply_to);
  TRIM (server);
  TRIM (user);
#undef TRIM
  if (!validate_account (clean, error))
    return FALSE;
  if (!write_account (self, clean, error))
    return FALSE;
  factures_store_emit_changed (self);
  return TRUE;
}

/* ---- templates ---- */

gboolean
factures_store_get_mail_template (FacturesStore  *self,
                                  const char     *key,
                                  char          **out_subject,
                                  char          **out_body,
                                  GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  stmt = factures_store_prepare (self, "SELECT subject, body FROM mail_templates WHERE key = ?1", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  if (out_subject != NULL)
    *out_subject = column_dup (stmt, 0);
  if (out_body != NULL)
    *out_body = column_dup (stmt, 1);
  return TRUE;
}

gboolean
factures_store_save_mail_template (FacturesStore  *self,
                                   const char     *key,
                                   const char     *subject,
                                   const char     *body,
                                   GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (subject == NULL || *subject == '\0' || strpbrk (subject, "\r\n") != NULL)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Subject: it must be one line of text, not empty."));
      return FALSE;
    }
  stmt = factures_store_prepare (self,
                                 "INSERT OR REPLACE INTO mail_templates (key, subject, body) VALUES (?1, ?2, ?3)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, subject, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, body != NULL ? body : "", -1, SQLITE_TRANSIENT);
  if (!factures_store_step_done (self, stmt, error))
    return FALSE;
  factures_store_emit_changed (self);
  return TRUE;
}

gboolean
factures_store_reset_mail_template (FacturesStore  *self,
                                    const char     *key,
                                    GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  stmt = factures_store_prepare (self, "DELETE FROM mail_templates WHERE key = ?1", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, key);
  if (!factures_store_step_done (self, stmt, error))
    return FALSE;
  factures_store_emit_changed (self);
  return TRUE;
}

/* ---- outbox ---- */

static const char *state_names[] = { "queued", "sending", "sent", "failed" };

const char *
factures_outbox_state_to_string (FacturesOutboxState state)
{
  g_return_val_if_fail (state <= FACTURES_OUTBOX_FAILED, "queued");
  return state_names[state];
}

static FacturesOutboxState
state_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_names); i++)
    if (g_strcmp0 (text, state_names[i]) == 0)
      return (FacturesOutboxState) i;
  return FACTURES_OUTBOX_FAILED;
}

void
factures_outbox_item_free (FacturesOutboxItem *item)
{
  if (item == NULL)
    return;
  g_free (item->step);
  g_free (item->created);
  g_free (item->recipients);
  g_free (item->subject);
  g_free (item->message_id);
  g_clear_pointer (&item->message, g_bytes_unref);
  g_free (item->updated);
  g_free (item->server_reply);
  g_free (item->error);
  g_free (item);
}

static char *
now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* Status of a document: -1 when it does not exist. */
static gint
document_status (FacturesStore  *self,
                 gint64          id,
                 GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self, "SELECT status FROM documents WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return -2;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int (stmt, 0);
  if (rc == SQLITE_DONE)
    return -1;
  factures_store_set_db_error (self, error);
  return -2;
}

/**
 * factures_store_outbox_add:
 * @document_id: an issued document, or 0 for a message tied to none (a test message)
 * @step: (nullable): the dunning step this message performs
 * @message: the complete RFC 5322 message, CRLF line endings
 *
 * Returns: the new row id, 0 on error (FACTURES_ERROR_INVALID: a draft or unknown
 *   document, empty recipients; FACTURES_ERROR_DATABASE)
 */
gint64
factures_store_outbox_add (FacturesStore  *self,
                           gint64          document_id,
                           const char     *step,
                           gint            instalment,
                           const char     *recipients,
                           const char     *subject,
                           const char     *message_id,
                           GBytes         *message,
                           GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = now_utc ();
  gconstpointer data;
  gsize size;

  g_return_val_if_fail (FACTURES_IS_STORE (self), 0);
  g_return_val_if_fail (message != NULL && message_id != NULL, 0);

  if (recipients == NULL || *recipients == '\0')
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("To: give at least one e-mail address."));
      return 0;
    }
  if (document_id != 0)
    {
      gint status = document_status (self, document_id, error);

      if (status == -2)
        return 0;
      if (status != FACTURES_DOCUMENT_STATUS_ISSUED)
        {
          g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                               _("Only an issued document can be sent by e-mail."));
          return 0;
        }
    }

  stmt = factures_store_prepare (self,
                                 "INSERT INTO outbox (document_id, step, created, recipients, subject, "
                                 "message_id, message, state, attempts, updated, instalment) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'queued', 0, ?3, ?8)",
                                 error);
  if (stmt == NULL)
    return 0;
  if (document_id != 0)
    sqlite3_bind_int64 (stmt, 1, document_id);
  else
    sqlite3_bind_null (stmt, 1);
  bind_text (stmt, 2, step);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, recipients, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, subject != NULL ? subject : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, message_id, -1, SQLITE_TRANSIENT);
  data = g_bytes_get_data (message, &size);
  sqlite3_bind_blob64 (stmt, 7, data != NULL ? data : "", size, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 8, instalment);
  if (!factures_store_step_done (self, stmt, error))
    return 0;
  factures_store_emit_changed (self);
  return sqlite3_last_insert_rowid (factures_store_get_db (self));
}

static gboolean
set_state (FacturesStore  *self,
           gint64          id,
           const char     *sql,
           const char     *text,
           GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self, sql, error);
  g_autofree char *now = now_utc ();

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    bind_text (stmt, 3, text);
  if (!factures_store_step_done (self, stmt, error))
    {
      if (error != NULL && *error != NULL && strstr ((*error)->message, "immutable") != NULL)
        {
          g_clear_error (error);
          g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_IMMUTABLE,
                               _("This message was already sent."));
        }
      return FALSE;
    }
  if (sqlite3_changes (factures_store_get_db (self)) == 0)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND,
                   _("No message %" PRId64 " waiting in the outbox."), id);
      return FALSE;
    }
  return TRUE;
}

gboolean
factures_store_outbox_begin_send (FacturesStore  *self,
                                  gint64          id,
                                  GError        **error)
{
  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  if (!set_state (self, id,
                  "UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated = ?2, "
                  "error = NULL WHERE id = ?1",
                  NULL, error))
    return FALSE;
  factures_store_emit_changed (self);
  return TRUE;
}

static gboolean
insert_event (FacturesStore  *self,
              gint64          document_id,
              const char     *kind,
              const char     *data,
              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *today_iso = NULL;
  GDate today;

  factures_today (&today);
  today_iso = factures_date_format_iso (&today);
  stmt = factures_store_prepare (self,
                                 "INSERT INTO events (document_id, kind, date, data) VALUES (?1, ?2, ?3, ?4)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, today_iso, -1, SQLITE_TRANSIENT);
  bind_text (stmt, 4, data);
  return factures_store_step_done (self, stmt, error);
}

static char *
sent_event_data (gint64      id,
                 const char *message_id,
                 const char *recipients,
                 const char *step)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "outbox_id");
  json_builder_add_int_value (builder, id);
  json_builder_set_member_name (builder, "message_id");
  json_builder_add_string_value (builder, message_id);
  json_builder_set_member_name (builder, "recipients");
  json_builder_add_string_value (builder, recipients);
  json_builder_set_member_name (builder, "step");
  if (step != NULL)
    json_builder_add_string_value (builder, step);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/**
 * factures_store_outbox_mark_sent:
 * @server_reply: the server's reply to the end of DATA ("250 2.0.0 Ok: queued as …")
 *
 * One transaction: the message becomes sent (never to change again) and a "sent"
 * event is added to its document.
 *
 * Dunning: when the message performs a ladder step (@step of the row), issue 4's
 * engine records the step as performed from this "sent" event (kind "sent", data
 * "step"); see the final report of issue 5 for the hook.
 */
gboolean
factures_store_outbox_mark_sent (FacturesStore  *self,
                                 gint64          id,
                                 const char     *server_reply,
                                 GError        **error)
{
  g_autoptr(FacturesOutboxItem) item = NULL;
  g_autofree char *data = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  item = factures_store_outbox_get (self, id, error);
  if (item == NULL)
    return FALSE;
  if (!factures_store_begin (self, error))
    return FALSE;
  if (!set_state (self, id,
                  "UPDATE outbox SET state = 'sent', updated = ?2, server_reply = ?3, error = NULL "
                  "WHERE id = ?1",
                  server_reply, error))
    goto fail;
  if (item->document_id != 0)
    {
      data = sent_event_data (id, item->message_id, item->recipients, item->step);
      if (!insert_event (self, item->document_id, "sent", data, error))
        goto fail;
    }
  if (!factures_store_commit (self, error))
    goto fail;
  factures_store_emit_changed (self);
  return TRUE;

fail:
  factures_store_rollback (self);
  return FALSE;
}

gboolean
factures_store_outbox_mark_failed (FacturesStore  *self,
                                   gint64          id,
                                   const char     *reason,
                                   GError        **error)
{
  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  if (!set_state (self, id,
                  "UPDATE outbox SET state = 'failed', updated = ?2, error = ?3 WHERE id = ?1",
                  reason != NULL ? reason : _("Unknown error"), error))
    return FALSE;
  factures_store_emit_changed (self);
  return TRUE;
}

gint
factures_store_outbox_recover (FacturesStore  *self,
                               GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = now_utc ();
  gint changes;

  g_return_val_if_fail (FACTURES_IS_STORE (self), -1);
  stmt = factures_store_prepare (self,
                                 "UPDATE outbox SET state = 'failed', updated = ?1, error = ?2 "
                                 "WHERE state = 'sending'",
                                 error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2,
                     _("Sending was interrupted (the application stopped). The server may or may "
                       "not have received it: check your sent messages before retrying."),
                     -1, SQLITE_TRANSIENT);
  if (!factures_store_step_done (self, stmt, error))
    return -1;
  changes = sqlite3_changes (factures_store_get_db (self));
  if (changes > 0)
    factures_store_emit_changed (self);
  return changes;
}

#define OUTBOX_COLUMNS "id, document_id, step, created, recipients, subject, message_id, state, " \
                       "attempts, updated, server_reply, error, instalment"

static FacturesOutboxItem *
item_from_row (sqlite3_stmt *stmt)
{
  FacturesOutboxItem *item = g_new0 (FacturesOutboxItem, 1);

  item->id = sqlite3_column_int64 (stmt, 0);
  item->document_id = sqlite3_column_int64 (stmt, 1);
  item->step = column_dup (stmt, 2);
  item->created = column_dup (stmt, 3);
  item->recipients = column_dup (stmt, 4);
  item->subject = column_dup (stmt, 5);
  item->message_id = column_dup (stmt, 6);
  item->state = state_from_string ((const char *) sqlite3_column_text (stmt, 7));
  item->attempts = sqlite3_column_int (stmt, 8);
  item->updated = column_dup (stmt, 9);
  item->server_reply = column_dup (stmt, 10);
  item->error = column_dup (stmt, 11);
  item->instalment = sqlite3_column_int (stmt, 12);
  return item;
}

FacturesOutboxItem *
factures_store_outbox_get (FacturesStore  *self,
                           gint64          id,
                           GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  FacturesOutboxItem *item;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);
  stmt = factures_store_prepare (self, "SELECT " OUTBOX_COLUMNS ", message FROM outbox WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND,
                   _("No message %" PRId64 " in the outbox."), id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  item = item_from_row (stmt);
  item->message = g_bytes_new (sqlite3_column_blob (stmt, 13), (gsize) sqlite3_column_bytes (stmt, 13));
  return item;
}

GPtrArray *
factures_store_outbox_list (FacturesStore  *self,
                            GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_outbox_item_free);
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);
  stmt = factures_store_prepare (self, "SELECT " OUTBOX_COLUMNS " FROM outbox ORDER BY id DESC", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, item_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

gboolean
factures_store_record_acknowledgment (FacturesStore  *self,
                                      gint64          document_id,
                                      const char     *note,
                                      GError        **error)
{
  g_autofree char *data = NULL;
  gint status;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  status = document_status (self, document_id, error);
  if (status == -2)
    return FALSE;
  if (status != FACTURES_DOCUMENT_STATUS_ISSUED)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("An acknowledgment can only be recorded on an issued document."));
      return FALSE;
    }
  if (note != NULL && *note != '\0')
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "note");
      json_builder_add_string_value (builder, note);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      data = json_generator_to_data (generator, NULL);
    }
  if (!insert_event (self, document_id, "acknowledged", data, error))
    return FALSE;
  factures_store_emit_changed (self);
  return TRUE;
}

gint64
factures_store_count_events (FacturesStore  *self,
                             gint64          document_id,
                             const char     *kind,
                             GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), -1);
  stmt = factures_store_prepare (self, "SELECT count(*) FROM events WHERE document_id = ?1 AND kind = ?2", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/* ---- JSON export and import (called from factures-store-json.c) ---- */

static void
add_value (JsonBuilder  *builder,
           sqlite3_stmt *stmt,
           int           col)
{
  json_builder_set_member_name (builder, sqlite3_column_name (stmt, col));
  switch (sqlite3_column_type (stmt, col))
    {
    case SQLITE_INTEGER:
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, col));
      break;
    case SQLITE_BLOB:
      {
        g_autofree char *text = g_base64_encode (sqlite3_column_blob (stmt, col),
                                                 (gsize) sqlite3_column_bytes (stmt, col));
        json_builder_add_string_value (builder, text);
      }
      break;
    case SQLITE_NULL:
      json_builder_add_null_value (builder);
      break;
    default:
      json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, col));
      break;
    }
}

static gboolean
export_table (FacturesStore  *self,
              JsonBuilder    *builder,
              const char     *member,
              const char     *sql,
              gboolean        single,
              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self, sql, error);
  gboolean any = FALSE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  json_builder_set_member_name (builder, member);
  if (!single)
    json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      for (int col = 0; col < sqlite3_column_count (stmt); col++)
        add_value (builder, stmt, col);
      json_builder_end_object (builder);
      any = TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  if (!single)
    json_builder_end_array (builder);
  else if (!any)
    json_builder_add_null_value (builder);
  return TRUE;
}

#define ACCOUNT_EXPORT "SELECT sender_name, sender_address, reply_to, server, port, security, user, " \
                       "bcc_self, read_receipt, timeout_seconds, preset FROM mail_account"
#define OUTBOX_EXPORT "SELECT id, document_id, step, instalment, created, recipients, subject, message_id, message, " \
                      "state, attempts, updated, server_reply, error FROM outbox ORDER BY id"

/**
 * factures_store_mail_export_json:
 *
 * Adds, to the object being built, "mail_account" (ACCOUNT or null: sender_name,
 * sender_address, reply_to, server, port, security (0 STARTTLS, 1 TLS, 2 none),
 * user, bcc_self, read_receipt, timeout_seconds, preset — never a password),
 * "mail_templates" ([ {key, subject, body} ] by key) and "outbox" ([ {id,
 * document_id, step, instalment, created, recipients, subject, message_id, message (base64),
 * state, attempts, updated, server_reply, error} ] by id).
 */
gboolean
factures_store_mail_export_json (FacturesStore  *self,
                                 JsonBuilder    *builder,
                                 GError        **error)
{
  return export_table (self, builder, "mail_account", ACCOUNT_EXPORT, TRUE, error) &&
         export_table (self, builder, "mail_templates",
                       "SELECT key, subject, body FROM mail_templates ORDER BY key", FALSE, error) &&
         export_table (self, builder, "outbox", OUTBOX_EXPORT, FALSE, error);
}

static gboolean
format_error (GError     **error,
              const char  *where)
{
  g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
               _("“%s” is missing or has the wrong type. Nothing was imported."), where);
  return FALSE;
}

/* Binds member @name of @object to @index by its JSON type; FALSE on a wrong type. */
static gboolean
bind_member (sqlite3_stmt *stmt,
             int           index,
             JsonObject   *object,
             const char   *name,
             gboolean      blob)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      sqlite3_bind_null (stmt, index);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      if (blob)
        return FALSE;
      sqlite3_bind_int64 (stmt, index, json_node_get_int (node));
      return TRUE;
    case G_TYPE_BOOLEAN:
      sqlite3_bind_int (stmt, index, json_node_get_boolean (node) ? 1 : 0);
      return TRUE;
    case G_TYPE_STRING:
      if (blob)
        {
          gsize len = 0;
          guchar *data = g_base64_decode (json_node_get_string (node), &len);

          sqlite3_bind_blob64 (stmt, index, data != NULL ? (const void *) data : "", len, g_free);
        }
      else
        sqlite3_bind_text (stmt, index, json_node_get_string (node), -1, SQLITE_TRANSIENT);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
import_rows (FacturesStore  *self,
             JsonNode       *node,
             const char     *member,
             const char     *sql,
             const char    **columns,
             const char     *blob_column,
             GError        **error)
{
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      array = json_array_new ();
      json_array_add_element (array, json_node_copy (node));
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    array = json_array_ref (json_node_get_array (node));
  else
    return format_error (error, member);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s[%u]", member, i);
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(sqlite3_stmt) stmt = NULL;
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          json_array_unref (array);
          return format_error (error, where);
        }
      object = json_node_get_object (element);
      stmt = factures_store_prepare (self, sql, error);
      if (stmt == NULL)
        {
          json_array_unref (array);
          return FALSE;
        }
      for (int c = 0; columns[c] != NULL; c++)
        if (!bind_member (stmt, c + 1, object, columns[c], g_strcmp0 (columns[c], blob_column) == 0))
          {
            g_autofree char *key = g_strdup_printf ("%s.%s", where, columns[c]);

            json_array_unref (array);
            return format_error (error, key);
          }
      if (!factures_store_step_done (self, stmt, error))
        {
          json_array_unref (array);
          g_prefix_error (error, "%s: ", where);
          return FALSE;
        }
    }
  json_array_unref (array);
  return TRUE;
}

/**
 * factures_store_mail_import_json:
 * @root: the file's top object; absent members (older files) import nothing
 * @keep_ids: TRUE for a full import into an empty database
 *
 * Inside the import transaction. Into an empty database the account, templates
 * and outbox are restored as they were; into a non-empty one the account and
 * templates only fill what is missing, and the outbox (which belongs to issued
 * documents) is not imported.
 */
gboolean
factures_store_mail_import_json (FacturesStore  *self,
                                 JsonObject     *root,
                                 gboolean        keep_ids,
                                 GError        **error)
{
  static const char *account_columns[] = {
    "sender_name", "sender_address", "reply_to", "server", "port", "security", "user",
    "bcc_self", "read_receipt", "timeout_seconds", "preset", NULL };
  static const char *template_columns[] = { "key", "subject", "body", NULL };
  static const char *outbox_columns[] = {
    "id", "document_id", "step", "instalment", "created", "recipients", "subject", "message_id", "message",
    "state", "attempts", "updated", "server_reply", "error", NULL };
  const char *verb = keep_ids ? "INSERT OR REPLACE" : "INSERT OR IGNORE";
  g_autofree char *account_sql = g_strdup_printf (
    "%s INTO mail_account (id, sender_name, sender_address, reply_to, server, port, security, "
    "user, bcc_self, read_receipt, timeout_seconds, preset) "
    "VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", verb);
  g_autofree char *template_sql = g_strdup_printf (
    "%s INTO mail_templates (key, subject, body) VALUES (?1, ?2, ?3)", verb);

  if (!import_rows (self, json_object_get_member (root, "mail_account"), "mail_account",
                    account_sql, account_columns, NULL, error) ||
      !import_rows (self, json_object_get_member (root, "mail_templates"), "mail_templates",
                    template_sql, template_columns, NULL, error))
    return FALSE;
  if (!keep_ids)
    return TRUE;
  return import_rows (self, json_object_get_member (root, "outbox"), "outbox",
                      "INSERT INTO outbox (id, document_id, step, instalment, created, recipients, "
                      "subject, message_id, message, state, attempts, updated, server_reply, error) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                      outbox_columns, "message", error);
}
