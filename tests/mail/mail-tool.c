/* mail-tool.c — drives the e-mail layer for the tests (test-mail-smtp.py, test-mail-keyring.sh)
 *
 *   mail-tool setup DB SERVER PORT starttls|tls|none USER|- SENDER TIMEOUT
 *       a profile, a client (client@example.org), an issued invoice of 1 234,56 €,
 *       the account; prints the invoice number
 *   mail-tool store-password SERVER USER          password on stdin → keyring
 *   mail-tool send DB NUMBER [SESSION-PASSWORD]   queue + send; prints JSON
 *   mail-tool retry DB OUTBOX-ID [SESSION-PASSWORD]
 *   mail-tool test DB [SESSION-PASSWORD]          connection test; prints JSON
 *   mail-tool send-async DB NUMBER [cancel]      the same through factures_mail_send_async()
 *                                                 in a main loop (progress counted; "cancel":
 *                                                 cancelled 0.5 s after the start)
 *   mail-tool state DB NUMBER                     document hash, events, outbox rows (JSON)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <glib/gi18n.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "factures-mail-error.h"
#include "factures-mail-secret.h"
#include "factures-mail-sender.h"
#include "factures-smtp.h"
#include "factures-store-mail.h"
#include "../store/store-test-util.h"

static void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  json_generator_set_root (generator, root);
  g_autofree char *text = json_generator_to_data (generator, NULL);
  /* Raw UTF-8 whatever the locale (g_print would convert to the locale charset). */
  fputs (text, stdout);
  fputc ('\n', stdout);
}

static void
add_error (JsonBuilder  *builder,
           const GError *error)
{
  json_builder_set_member_name (builder, "code");
  if (error != NULL && error->domain == FACTURES_MAIL_ERROR)
    json_builder_add_string_value (builder, factures_mail_error_code_name (error->code));
  else if (error != NULL)
    json_builder_add_string_value (builder, g_quark_to_string (error->domain));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, error != NULL ? error->message : NULL);
}

static FacturesStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  FacturesStore *store = factures_store_open (path, &error);

  if (store == NULL)
    g_error ("open: %s", error->message);
  return store;
}

static int
setup (char **argv)
{
  g_autoptr(FacturesStore) store = open_store (argv[2]);
  g_autoptr(FacturesProfile) profile = store_test_profile ();
  g_autoptr(FacturesClient) client = store_test_client ("Société Étoile");
  g_autoptr(FacturesMailAccount) account = factures_mail_account_new ();
  g_autoptr(GError) error = NULL;
  FacturesDocument *draft;
  FacturesDocument *issued;
  FacturesLine *line;
  GDate today;
  g_autofree char *iso = NULL;

  profile->iban = g_strdup ("FR7630006000011234567890189");
  if (!factures_store_save_profile (store, profile, &error))
    g_error ("profile: %s", error->message);
  g_free (client->party.email);
  client->party.email = g_strdup ("client@example.org");
  if (!factures_store_save_client (store, client, &error))
    g_error ("client: %s", error->message);
  factures_today (&today);
  iso = factures_date_format_iso (&today);
  draft = store_test_draft (client->id, iso, 1);
  line = g_ptr_array_index (draft->lines, 0);
  line->quantity = 10000;
  line->unit_price = 1234560000;
  if (!factures_store_save_draft (store, draft, &error))
    g_error ("draft: %s", error->message);
  issued = factures_store_issue (store, draft->id, store_test_render, NULL, &error);
  if (issued == NULL)
    g_error ("issue: %s", error->message);

  account->sender_name = g_strdup ("Camille Martin — Développement");
  account->sender_address = g_strdup (argv[7]);
  account->server = g_strdup (argv[3]);
  account->port = (guint) g_ascii_strtoull (argv[4], NULL, 10);
  account->security = strcmp (argv[5], "tls") == 0 ? FACTURES_MAIL_SECURITY_TLS
                      : strcmp (argv[5], "none") == 0 ? FACTURES_MAIL_SECURITY_NONE
                      : FACTURES_MAIL_SECURITY_STARTTLS;
  account->user = strcmp (argv[6], "-") != 0 ? g_strdup (argv[6]) : NULL;
  account->timeout_seconds = (guint) g_ascii_strtoull (argv[8], NULL, 10);
  if (!factures_store_save_mail_account (store, account, &error))
    g_error ("account: %s", error->message);
  g_print ("%s\n", issued->number);
  factures_document_free (issued);
  factures_document_free (draft);
  return 0;
}

static void
session_password (FacturesStore *store,
                  const char    *password)
{
  g_autoptr(FacturesMailAccount) account = factures_store_get_mail_account (store, NULL);

  if (password != NULL && account != NULL && account->user != NULL)
    factures_mail_secret_set_session (account->server, account->user, password);
}

static void
print_outcome (FacturesStore *store,
               gint64         outbox_id,
               gboolean       ok,
               const char    *reply,
               const GError  *error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(FacturesOutboxItem) item = outbox_id != 0 ? factures_store_outbox_get (store, outbox_id, NULL) : NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "ok");
  json_builder_add_boolean_value (builder, ok);
  add_error (builder, error);
  json_builder_set_member_name (builder, "reply");
  json_builder_add_string_value (builder, reply);
  json_builder_set_member_name (builder, "outbox_id");
  json_builder_add_int_value (builder, outbox_id);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, item != NULL ? factures_outbox_state_to_string (item->state) : NULL);
  json_builder_set_member_name (builder, "reason");
  json_builder_add_string_value (builder, item != NULL ? item->error : NULL);
  json_builder_set_member_name (builder, "subject");
  json_builder_add_string_value (builder, item != NULL ? item->subject : NULL);
  json_builder_end_object (builder);
  print_json (builder);
}

static int
send (char **argv,
      int    argc)
{
  g_autoptr(FacturesStore) store = open_store (argv[2]);
  g_autoptr(FacturesDocument) document = NULL;
  g_autoptr(FacturesMailAccount) account = NULL;
  g_autoptr(FacturesMailDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reply = NULL;
  gint64 id = 0;
  gboolean ok = FALSE;

  session_password (store, argc > 4 ? argv[4] : NULL);
  document = factures_store_find_document (store, argv[3], &error);
  account = factures_store_get_mail_account (store, NULL);
  if (document != NULL)
    draft = factures_mail_prepare (store, document->id, NULL, &error);
  if (draft != NULL)
    id = factures_mail_queue (store, account, draft, NULL, 0, TRUE, &error);
  if (id != 0)
    ok = factures_mail_send_sync (store, id, NULL, &reply, &error);
  print_outcome (store, id, ok, reply, error);
  return 0;
}

typedef struct {
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
  char      *reply;
  guint      progress_calls;
  double     last_fraction;
  gboolean   main_thread_ok;
  GThread   *main_thread;
} AsyncRun;

static void
on_async_progress (double   fraction,
                   gpointer user_data)
{
  AsyncRun *run = user_data;

  run->progress_calls++;
  run->last_fraction = fraction;
  if (g_thread_self () != run->main_thread)
    run->main_thread_ok = FALSE;
}

static void
on_async_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncRun *run = user_data;

  if (g_thread_self () != run->main_thread)
    run->main_thread_ok = FALSE;
  run->ok = factures_mail_send_finish (result, &run->reply, &run->error);
  g_main_loop_quit (run->loop);
}

static gboolean
cancel_later (gpointer cancellable)
{
  g_cancellable_cancel (cancellable);
  return G_SOURCE_REMOVE;
}

static int
send_async (char **argv,
            int    argc)
{
  g_autoptr(FacturesStore) store = open_store (argv[2]);
  g_autoptr(FacturesDocument) document = NULL;
  g_autoptr(FacturesMailAccount) account = NULL;
  g_autoptr(FacturesMailDraft) draft = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(FacturesOutboxItem) item = NULL;
  g_autoptr(GError) error = NULL;
  AsyncRun run = { 0 };
  gint64 id;

  document = factures_store_find_document (store, argv[3], &error);
  account = factures_store_get_mail_account (store, NULL);
  draft = factures_mail_prepare (store, document->id, NULL, &error);
  id = factures_mail_queue (store, account, draft, NULL, 0, FALSE, &error);
  g_assert (id != 0);
  run.loop = g_main_loop_new (NULL, FALSE);
  run.main_thread = g_thread_self ();
  run.main_thread_ok = TRUE;
  if (argc > 4 && strcmp (argv[4], "cancel") == 0)
    g_timeout_add (500, cancel_later, cancellable);
  factures_mail_send_async (store, id, cancellable, on_async_progress, &run, on_async_done, &run);
  g_main_loop_run (run.loop);
  g_main_loop_unref (run.loop);
  item = factures_store_outbox_get (store, id, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "ok");
  json_builder_add_boolean_value (builder, run.ok);
  add_error (builder, run.error);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, factures_outbox_state_to_string (item->state));
  json_builder_set_member_name (builder, "progress_calls");
  json_builder_add_int_value (builder, run.progress_calls);
  json_builder_set_member_name (builder, "last_fraction");
  json_builder_add_double_value (builder, run.last_fraction);
  json_builder_set_member_name (builder, "callbacks_in_main_thread");
  json_builder_add_boolean_value (builder, run.main_thread_ok);
  json_builder_set_member_name (builder, "in_flight_after");
  json_builder_add_int_value (builder, factures_mail_sends_in_flight ());
  json_builder_end_object (builder);
  print_json (builder);
  g_clear_error (&run.error);
  g_free (run.reply);
  return 0;
}

static int
retry (char **argv,
       int    argc)
{
  g_autoptr(FacturesStore) store = open_store (argv[2]);
  g_autoptr(GError) error = NULL;
  g_autofree char *reply = NULL;
  gint64 id = g_ascii_strtoll (argv[3], NULL, 10);
  gboolean ok;

  session_password (store, argc > 4 ? argv[4] : NULL);
  ok = factures_mail_send_sync (store, id, NULL, &reply, &error);
  print_outcome (store, id, ok, reply, error);
  return 0;
}

static int
test (char **argv,
      int    argc)
{
  g_autoptr(FacturesStore) store = open_store (argv[2]);
  g_autoptr(FacturesMailAccount) account = factures_store_get_mail_account (store, NULL);
  g_autoptr(FacturesSmtpTestResult) result = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  char *password = NULL;

  session_password (store, argc > 3 ? argv[3] : NULL);
  if (account->user != NULL)
    password = factures_mail_secret_lookup (account->server, account->user, NULL, &error);
  result = factures_smtp_test (account, password, NULL);
  factures_mail_secret_free (password);
  text = factures_smtp_test_result_describe (result);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "ok");
  json_builder_add_boolean_value (builder, result->ok);
  add_error (builder, error != NULL ? error : result->error);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text);
  json_builder_set_member_name (builder, "authenticated");
  json_builder_add_boolean_value (builder, result->authenticated);
  json_builder_set_member_name (builder, "tls");
  json_builder_add_boolean_value (builder, result->tls);
  json_builder_set_member_name (builder, "suggested_port");
  json_builder_add_int_value (builder, result->suggested_port);
  json_builder_set_member_name (builder, "suggested_security");
  json_builder_add_int_value (builder, result->suggested_security);
  json_builder_end_object (builder);
  print_json (builder);
  return 0;
}

static int
state (char **argv)
{
  g_autoptr(FacturesStore) store = open_store (argv[2]);
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) document = factures_store_find_document (store, argv[3], &error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) items = factures_store_outbox_list (store, NULL);
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *sha = NULL;

  if (document == NULL)
    g_error ("%s", error->message);
  pdf = factures_store_get_original (store, document->id, NULL);
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "hash");
  json_builder_add_string_value (builder, document->hash);
  json_builder_set_member_name (builder, "pdf_sha256");
  json_builder_add_string_value (builder, sha);
  json_builder_set_member_name (builder, "sent_events");
  json_builder_add_int_value (builder, factures_store_count_events (store, document->id, "sent", NULL));
  json_builder_set_member_name (builder, "outbox");
  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      FacturesOutboxItem *item = g_ptr_array_index (items, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, item->id);
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, factures_outbox_state_to_string (item->state));
      json_builder_set_member_name (builder, "attempts");
      json_builder_add_int_value (builder, item->attempts);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  print_json (builder);
  return 0;
}

static int
store_password (char **argv)
{
  g_autoptr(GError) error = NULL;
  char buffer[256] = "";

  if (fgets (buffer, sizeof buffer, stdin) == NULL)
    return 2;
  buffer[strcspn (buffer, "\r\n")] = '\0';
  if (!factures_mail_secret_store (argv[2], argv[3], buffer, NULL, &error))
    {
      g_printerr ("%s: %s\n", factures_mail_error_code_name (error->code), error->message);
      memset (buffer, 0, sizeof buffer);
      return 1;
    }
  memset (buffer, 0, sizeof buffer);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  /* The messages in the language of LANGUAGE, from the build's catalogue when given. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("FACTURES_LOCALEDIR") != NULL ? g_getenv ("FACTURES_LOCALEDIR")
                                                                          : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (argc >= 9 && strcmp (argv[1], "setup") == 0)
    return setup (argv);
  if (argc >= 4 && strcmp (argv[1], "send") == 0)
    return send (argv, argc);
  if (argc >= 4 && strcmp (argv[1], "send-async") == 0)
    return send_async (argv, argc);
  if (argc >= 4 && strcmp (argv[1], "retry") == 0)
    return retry (argv, argc);
  if (argc >= 3 && strcmp (argv[1], "test") == 0)
    return test (argv, argc);
  if (argc >= 4 && strcmp (argv[1], "state") == 0)
    return state (argv);
  if (argc >= 4 && strcmp (argv[1], "store-password") == 0)
    return store_password (argv);
  g_printerr ("usage: see the top of mail-tool.c\n");
  return 2;
}
