/* factures-mail-sender.c — composing a document's message, the outbox, sending off the UI thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "factures-mail-error.h"
#include "factures-mail-message.h"
#include "factures-mail-secret.h"
#include "factures-mail-sender.h"
#include "factures-mail-template.h"
#include "factures-smtp.h"
#include "factures-store-payments.h"

static FacturesMailSentHook sent_hook;
static guint in_flight;

guint
factures_mail_sends_in_flight (void)
{
  return in_flight;
}
static gpointer sent_hook_data;

void
factures_mail_set_sent_hook (FacturesMailSentHook hook,
                             gpointer             user_data)
{
  sent_hook = hook;
  sent_hook_data = user_data;
}

void
factures_mail_draft_free (FacturesMailDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->to);
  g_free (draft->subject);
  g_free (draft->body);
  g_free (draft->attachment_name);
  g_clear_pointer (&draft->attachment, g_bytes_unref);
  g_free (draft->template_key);
  g_free (draft);
}

char *
factures_mail_attachment_name (const FacturesDocument *document)
{
  g_autofree char *number = g_strdup (document->number != NULL ? document->number : "brouillon");

  g_strdelimit (number, "/\\", '-');
  return g_strdup_printf ("%s %s.pdf", factures_document_kind_title_fr (document->kind), number);
}

FacturesMailDraft *
factures_mail_prepare (FacturesStore  *store,
                       gint64          document_id,
                       const char     *template_key,
                       GError        **error)
{
  g_autoptr(FacturesMailDraft) draft = g_new0 (FacturesMailDraft, 1);
  g_autoptr(FacturesDocument) document = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  GDate today;

  document = factures_store_get_document (store, document_id, error);
  if (document == NULL)
    return NULL;
  if (document->status != FACTURES_DOCUMENT_STATUS_ISSUED)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Only an issued document can be sent by e-mail."));
      return NULL;
    }
  draft->document_id = document_id;
  draft->template_key = g_strdup (template_key != NULL ? template_key
                                                       : factures_mail_template_for_kind (document->kind));
  /* issue 13 item 5: French, or French then English for a client in both */
  if (!factures_mail_template_load_for_language (store, draft->template_key,
                                                 document->buyer != NULL ? document->buyer->document_language
                                                                         : FACTURES_DOCUMENT_LANGUAGE_FRENCH,
                                                 &subject, &body, error))
    return NULL;
  factures_today (&today);
  values = factures_mail_template_values (document, &today);
  draft->subject = factures_mail_template_expand (subject, values);
  draft->body = factures_mail_template_expand (body, values);
  draft->to = g_strdup (document->buyer != NULL && document->buyer->party.email != NULL
                          ? document->buyer->party.email : "");
  draft->attachment = factures_store_get_original (store, document_id, error);
  if (draft->attachment == NULL)
    return NULL;
  draft->attachment_name = factures_mail_attachment_name (document);
  return g_steal_pointer (&draft);
}

gint64
factures_mail_queue (FacturesStore              *store,
                     const FacturesMailAccount  *account,
                     const FacturesMailDraft    *draft,
                     const char                 *step,
                     gint                        instalment,
                     gboolean                    read_receipt,
                     GError                    **error)
{
  g_autoptr(GBytes) message = NULL;
  g_autofree char *message_id = NULL;
  FacturesMailContent content = { 0 };

  g_return_val_if_fail (draft != NULL, 0);
  if (account == NULL)
    {
      g_set_error_literal (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_NOT_CONFIGURED,
                           _("No e-mail account is set up: fill it in Preferences → E-mail."));
      return 0;
    }
  content.from_name = account->sender_name;
  content.from_address = account->sender_address;
  content.reply_to = account->reply_to;
  content.to = draft->to;
  content.subject = draft->subject;
  content.body = draft->body;
  content.attachment_name = draft->attachment_name;
  content.attachment = draft->attachment;
  content.read_receipt = read_receipt;
  message = factures_mail_message_build (&content, &message_id, error);
  if (message == NULL)
    return 0;
  return factures_store_outbox_add (store, draft->document_id, step, instalment, draft->to,
                                    draft->subject, message_id, message, error);
}

/* ---- what was already sent (trial 5 finding 8) ---- */

static gboolean
same_message (const FacturesOutboxItem *a,
              gint64                    document_id,
              const char               *step,
              gint                      instalment)
{
  return a->document_id == document_id && g_strcmp0 (a->step, step) == 0 && a->instalment == instalment;
}

/**
 * factures_mail_find_previous:
 * (see factures-mail-sender.h)
 */
gboolean
factures_mail_find_previous (FacturesStore       *store,
                             gint64               document_id,
                             const char          *step,
                             gint                 instalment,
                             gint64              *out_unsent_id,
                             FacturesOutboxItem **out_sent,
                             GError             **error)
{
  g_autoptr(GPtrArray) items = factures_store_outbox_list (store, error);
  gint64 unsent = 0;
  FacturesOutboxItem *sent = NULL;

  if (out_unsent_id != NULL)
    *out_unsent_id = 0;
  if (out_sent != NULL)
    *out_sent = NULL;
  if (items == NULL)
    return FALSE;
  /* Newest first: the first of each kind is the newest. */
  for (guint i = 0; i < items->len; i++)
    {
      FacturesOutboxItem *item = g_ptr_array_index (items, i);

      if (document_id == 0 || !same_message (item, document_id, step, instalment))
        continue;
      if (item->state == FACTURES_OUTBOX_SENT)
        {
          if (sent == NULL)
            sent = item;
        }
      else if (unsent == 0 && (item->state == FACTURES_OUTBOX_FAILED || item->state == FACTURES_OUTBOX_QUEUED)
               && !factures_mail_superseded (items, item))
        unsent = item->id;
    }
  if (out_unsent_id != NULL)
    *out_unsent_id = unsent;
  if (out_sent != NULL && sent != NULL)
    {
      guint index;

      g_ptr_array_find (items, sent, &index);
      *out_sent = g_ptr_array_steal_index (items, index);
    }
  return TRUE;
}

/**
 * factures_mail_superseded:
 * (see factures-mail-sender.h)
 */
gboolean
factures_mail_superseded (GPtrArray                *items,
                          const FacturesOutboxItem *item)
{
  if (item->document_id == 0 || item->state == FACTURES_OUTBOX_SENT || item->state == FACTURES_OUTBOX_SENDING)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      const FacturesOutboxItem *other = g_ptr_array_index (items, i);

      if (other != item && other->id > item->id && other->state == FACTURES_OUTBOX_SENT
          && same_message (other, item->document_id, item->step, item->instalment))
        return TRUE;
    }
  return FALSE;
}

/**
 * factures_mail_format_time:
 * (see factures-mail-sender.h)
 */
char *
factures_mail_format_time (const char *timestamp)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (timestamp == NULL)
    return g_strdup ("");
  utc = g_date_time_new_from_iso8601 (timestamp, NULL);
  if (utc == NULL)
    return g_strdup (timestamp);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%d/%m/%Y %H:%M");
}

/* ---- sending ---- */

typedef struct {
  FacturesStore        *store;
  gint64                outbox_id;
  FacturesMailAccount  *account;
  GBytes               *message;
  GPtrArray            *recipients;
  char                 *reply;
  FacturesMailProgress  progress;
  gpointer              progress_data;
  GMainContext         *context;
  GTask                *outer;
} SendData;

static void
send_data_free (SendData *data)
{
  g_clear_object (&data->store);
  factures_mail_account_free (data->account);
  g_clear_pointer (&data->message, g_bytes_unref);
  g_clear_pointer (&data->recipients, g_ptr_array_unref);
  g_free (data->reply);
  g_clear_pointer (&data->context, g_main_context_unref);
  g_free (data);
}

/* Main-thread part before the network: the account, the row, state "sending". */
static SendData *
send_begin (FacturesStore  *store,
            gint64          outbox_id,
            GError        **error)
{
  g_autoptr(FacturesOutboxItem) item = NULL;
  SendData *data;
  GError *local_error = NULL;
  FacturesMailAccount *account;
  GPtrArray *recipients;

  account = factures_store_get_mail_account (store, &local_error);
  if (account == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error_literal (error, FACTURES_MAIL_ERROR, FACTURES_MAIL_ERROR_NOT_CONFIGURED,
                             _("No e-mail account is set up: fill it in Preferences → E-mail."));
      return NULL;
    }
  item = factures_store_outbox_get (store, outbox_id, error);
  if (item == NULL)
    {
      factures_mail_account_free (account);
      return NULL;
    }
  recipients = factures_mail_parse_recipients (item->recipients, error);
  if (recipients == NULL)
    {
      factures_mail_account_free (account);
      return NULL;
    }
  if (account->bcc_self)
    g_ptr_array_add (recipients, g_strdup (account->sender_address));
  if (!factures_store_outbox_begin_send (store, outbox_id, error))
    {
      factures_mail_account_free (account);
      g_ptr_array_unref (recipients);
      return NULL;
    }
  data = g_new0 (SendData, 1);
  data->store = g_object_ref (store);
  data->outbox_id = outbox_id;
  data->account = account;
  data->message = g_steal_pointer (&item->message);
  data->recipients = recipients;
  return data;
}

/* Network part (any thread): password, then SMTP. */
static gboolean
send_network (SendData      *data,
              GCancellable  *cancellable,
              GError       **error);

typedef struct {
  SendData *data;
  double    fraction;
} ProgressUpdate;

static gboolean
progress_in_main (gpointer user_data)
{
  ProgressUpdate *update = user_data;

  if (update->data->progress != NULL)
    update->data->progress (update->fraction, update->data->progress_data);
  return G_SOURCE_REMOVE;
}

static void
on_smtp_progress (guint64  sent,
                  guint64  total,
                  gpointer user_data)
{
  SendData *data = user_data;
  ProgressUpdate *update;
  static const gint64 min_interval = G_USEC_PER_SEC / 10;
  static gint64 last;
  gint64 now = g_get_monotonic_time ();

  if (data->progress == NULL || data->context == NULL || (now - last < min_interval && sent < total))
    return;
  last = now;
  update = g_new0 (ProgressUpdate, 1);
  /* The outer GTask keeps data alive until the callback, after every update. */
  update->data = data;
  update->fraction = total > 0 ? (double) sent / (double) total : 0.0;
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, progress_in_main, update, g_free);
}

static gboolean
send_network (SendData      *data,
              GCancellable  *cancellable,
              GError       **error)
{
  char *password = NULL;
  gboolean ok;

  if (data->account->user != NULL && *data->account->user != '\0')
    {
      GError *local_error = NULL;

      password = factures_mail_secret_lookup (data->account->server, data->account->user,
                                              cancellable, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
    }
  ok = factures_smtp_send (data->account, password, data->recipients, data->message, cancellable,
                           on_smtp_progress, data, &data->reply, error);
  factures_mail_secret_free (password);
  return ok;
}

gboolean
factures_mail_record_step (FacturesStore  *store,
                           gint64          outbox_id,
                           GError        **error)
{
  g_autoptr(FacturesOutboxItem) item = factures_store_outbox_get (store, outbox_id, error);
  g_autofree char *note = NULL;
  GDate today;

  if (item == NULL)
    return FALSE;
  if (item->step == NULL || item->document_id == 0 || item->state != FACTURES_OUTBOX_SENT)
    return TRUE;
  factures_today (&today);
  note = g_strdup_printf ("E-mail <%s>", item->message_id);
  return factures_store_perform_step (store, item->document_id, item->instalment, item->step, &today,
                                      note, error);
}

/* Main-thread part after the network: the outcome goes to the outbox. */
static void
send_end (SendData  *data,
          gboolean   ok,
          GError    *send_error)
{
  g_autoptr(GError) store_error = NULL;

  if (ok)
    {
      g_autoptr(FacturesOutboxItem) item = NULL;

      if (!factures_store_outbox_mark_sent (data->store, data->outbox_id, data->reply, &store_error))
        g_warning ("outbox %" G_GINT64_FORMAT ": sent, but not recorded: %s", data->outbox_id,
                   store_error->message);
      g_clear_error (&store_error);
      if (!factures_mail_record_step (data->store, data->outbox_id, &store_error))
        g_debug ("outbox %" G_GINT64_FORMAT ": dunning step not recorded: %s", data->outbox_id,
                 store_error->message);
      item = factures_store_outbox_get (data->store, data->outbox_id, NULL);
      if (item != NULL && item->step != NULL && item->document_id != 0 && sent_hook != NULL)
        sent_hook (data->store, item->document_id, item->step, item->instalment, sent_hook_data);
    }
  else if (!factures_store_outbox_mark_failed (data->store, data->outbox_id,
                                               send_error != NULL ? send_error->message : NULL,
                                               &store_error))
    g_warning ("outbox %" G_GINT64_FORMAT ": failure not recorded: %s", data->outbox_id,
               store_error->message);
}

static void
send_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SendData *data = task_data;
  GError *error = NULL;

  if (send_network (data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_thread_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *outer = user_data;
  SendData *data = g_task_get_task_data (outer);
  GError *error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  in_flight--;
  send_end (data, ok, error);
  if (ok)
    g_task_return_boolean (outer, TRUE);
  else
    g_task_return_error (outer, error);
  g_object_unref (outer);
}

void
factures_mail_send_async (FacturesStore        *store,
                          gint64                outbox_id,
                          GCancellable         *cancellable,
                          FacturesMailProgress  progress,
                          gpointer              progress_data,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  GTask *outer = g_task_new (store, cancellable, callback, user_data);
  g_autoptr(GTask) inner = NULL;
  GError *error = NULL;
  SendData *data;

  g_task_set_source_tag (outer, factures_mail_send_async);
  /* The outcome is what the server said, even if the user cancelled too late. */
  g_task_set_check_cancellable (outer, FALSE);
  data = send_begin (store, outbox_id, &error);
  if (data == NULL)
    {
      g_task_return_error (outer, error);
      g_object_unref (outer);
      return;
    }
  data->progress = progress;
  data->progress_data = progress_data;
  data->context = g_main_context_ref_thread_default ();
  g_task_set_task_data (outer, data, (GDestroyNotify) send_data_free);

  /* The inner task runs the network in a thread; it shares the data, owned by outer. */
  in_flight++;
  inner = g_task_new (NULL, cancellable, on_thread_done, outer);
  g_task_set_task_data (inner, data, NULL);
  g_task_set_return_on_cancel (inner, FALSE);
  g_task_set_check_cancellable (inner, FALSE);
  g_task_run_in_thread (inner, send_thread);
}

gboolean
factures_mail_send_finish (GAsyncResult  *result,
                           char         **out_reply,
                           GError       **error)
{
  GTask *task = G_TASK (result);
  SendData *data = g_task_get_task_data (task);

  if (!g_task_propagate_boolean (task, error))
    return FALSE;
  if (out_reply != NULL && data != NULL)
    *out_reply = g_strdup (data->reply);
  return TRUE;
}

gboolean
factures_mail_send_sync (FacturesStore  *store,
                         gint64          outbox_id,
                         GCancellable   *cancellable,
                         char          **out_reply,
                         GError        **error)
{
  GError *send_error = NULL;
  SendData *data;
  gboolean ok;

  data = send_begin (store, outbox_id, error);
  if (data == NULL)
    return FALSE;
  ok = send_network (data, cancellable, &send_error);
  send_end (data, ok, send_error);
  if (ok && out_reply != NULL)
    *out_reply = g_strdup (data->reply);
  if (!ok)
    g_propagate_error (error, send_error);
  send_data_free (data);
  return ok;
}
