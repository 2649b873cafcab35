/* factures-cli-mail.c — the command-line options of issue 5 (e-mail)
 *
 *   --send=NUMBER   sends the issued document NUMBER to its client's address with
 *                   the template of its kind (through the outbox: a failure leaves
 *                   the message there, failed, with its reason); prints the server's reply.
 *                   A message of the document that failed before is retried (the same
 *                   message, not a second one); a document already sent is not sent
 *                   again unless --yes is given (trial 5 finding 8)
 *   --test-smtp     the connection test of the saved account; prints the outcome
 *
 * The password comes from the keyring. Exit status 0 on success, 1 otherwise.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-cli.h"
#include "factures-cli-mail.h"
#include "factures-mail-secret.h"
#include "factures-mail-sender.h"
#include "factures-smtp.h"
#include "factures-store-mail.h"

static const GOptionEntry entries[] = {
  { "send", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Send the issued document NUMBER by e-mail to its client, with its template. A message "
       "of it that failed before is retried; a document already sent is sent again only with --yes"),
    N_("NUMBER") },
  { "test-smtp", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Test the connection to the e-mail server (no message is sent) and print the outcome"), NULL },
  { NULL }
};

void
factures_cli_mail_add_options (GApplication *application)
{
  g_application_add_main_option_entries (application, entries);
}

gboolean
factures_cli_mail_wanted (GVariantDict *options)
{
  return g_variant_dict_contains (options, "send") || g_variant_dict_contains (options, "test-smtp");
}

static int
fail (const char *message)
{
  g_printerr (_("factures: %s\n"), message);
  return 1;
}

static int
send_document (FacturesStore *store,
               const char    *number,
               gboolean       yes)
{
  g_autoptr(FacturesOutboxItem) sent = NULL;
  gint64 unsent_id = 0;
  g_autoptr(FacturesDocument) document = NULL;
  g_autoptr(FacturesMailAccount) account = NULL;
  g_autoptr(FacturesMailDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reply = NULL;
  gint64 id;

  document = factures_store_find_document (store, number, &error);
  if (document == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("No document numbered “%s”."), number);
      return fail (message);
    }
  account = factures_store_get_mail_account (store, &error);
  if (account == NULL)
    return fail (error != NULL ? error->message
                               : _("No e-mail account is set up: fill it in Preferences → E-mail."));
  draft = factures_mail_prepare (store, document->id, NULL, &error);
  if (draft == NULL)
    return fail (error->message);
  if (draft->to == NULL || *draft->to == '\0')
    {
      g_autofree char *message = g_strdup_printf (_("The client of %s has no e-mail address."), number);
      return fail (message);
    }
  if (!factures_mail_find_previous (store, document->id, NULL, 0, &unsent_id, &sent, &error))
    return fail (error->message);
  if (sent != NULL && !yes)
    {
      g_autofree char *when = factures_mail_format_time (sent->updated != NULL ? sent->updated : sent->created);
      g_autofree char *message = g_strdup_printf (_("%s was already sent to %s on %s. Add --yes to send it "
                                                    "again."), number, sent->recipients, when);
      return fail (message);
    }
  if (unsent_id != 0)
    {
      g_autoptr(FacturesOutboxItem) unsent = factures_store_outbox_get (store, unsent_id, &error);

      if (unsent == NULL)
        return fail (error->message);
      /* The client's address changed since: a new message to the new address. */
      if (g_strcmp0 (unsent->recipients, draft->to) != 0)
        unsent_id = 0;
    }
  if (unsent_id != 0)
    id = unsent_id;
  else
    id = factures_mail_queue (store, account, draft, NULL, 0, account->read_receipt, &error);
  if (id == 0)
    return fail (error->message);
  if (!factures_mail_send_sync (store, id, NULL, &reply, &error))
    {
      g_autofree char *message = g_strdup_printf (_("%s was not sent (kept in the outbox): %s"),
                                                  number, error->message);
      return fail (message);
    }
  g_print (_("%s sent to %s. The server replied: %s\n"), number, draft->to, reply);
  return 0;
}

static int
test_smtp (FacturesStore *store)
{
  g_autoptr(FacturesMailAccount) account = NULL;
  g_autoptr(FacturesSmtpTestResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  char *password = NULL;

  account = factures_store_get_mail_account (store, &error);
  if (account == NULL)
    return fail (error != NULL ? error->message
                               : _("No e-mail account is set up: fill it in Preferences → E-mail."));
  if (account->user != NULL && *account->user != '\0')
    {
      password = factures_mail_secret_lookup (account->server, account->user, NULL, &error);
      if (error != NULL)
        return fail (error->message);
    }
  result = factures_smtp_test (account, password, NULL);
  factures_mail_secret_free (password);
  text = factures_smtp_test_result_describe (result);
  if (!result->ok)
    return fail (text);
  g_print ("%s\n", text);
  return 0;
}

int
factures_cli_mail_run (const char   *database,
                       GVariantDict *options)
{
  g_autoptr(FacturesStore) store = NULL;
  const char *number = NULL;
  gboolean test = FALSE;
  gboolean yes = FALSE;
  int status = 0;

  g_variant_dict_lookup (options, "send", "&s", &number);
  g_variant_dict_lookup (options, "test-smtp", "b", &test);
  g_variant_dict_lookup (options, "yes", "b", &yes);
  store = factures_cli_open_store_existing (database, &status);
  if (store == NULL)
    return status;
  factures_store_outbox_recover (store, NULL);
  if (test)
    status = test_smtp (store);
  if (status == 0 && number != NULL)
    status = send_document (store, number, yes);
  return status;
}
