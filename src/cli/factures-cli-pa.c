/* factures-cli-pa.c — the command-line options of issue 14 (plateforme agréée)
 *
 *   --pa-test         the connection test of the saved PA account (healthcheck, then a
 *                     token); prints the outcome, or the French reason on stderr
 *   --pa-send=NUMBER  puts the issued document NUMBER into the e-invoicing outbox (once)
 *                     and deposits it now (a failed one is retried by hand)
 *   --pa-sync         deposits what waits in the outbox, then fetches what changed at the
 *                     PA (acknowledgements, lifecycle statuses, supplier invoices)
 *
 * What changed is printed one line each, tab separated: NUMBER, what (French words),
 * detail ("-" for a line about no document of ours). The secret comes from the keyring.
 * Exit status 0 when everything went through, 1 otherwise (the outbox keeps what failed).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-cli.h"
#include "factures-cli-pa.h"
#include "factures-pa-error.h"
#include "factures-pa-sync.h"
#include "factures-store-einvoicing.h"

static const GOptionEntry entries[] = {
  { "pa-test", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Test the connection to the plateforme agréée and print the outcome"), NULL },
  { "pa-send", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Send the issued document NUMBER through the plateforme agréée"), N_("NUMBER") },
  { "pa-sync", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Send what waits for the plateforme agréée, fetch statuses and supplier invoices, print what changed"),
    NULL },
  { NULL }
};

void
factures_cli_pa_add_options (GApplication *application)
{
  g_application_add_main_option_entries (application, entries);
}

gboolean
factures_cli_pa_wanted (GVariantDict *options)
{
  return g_variant_dict_contains (options, "pa-test") || g_variant_dict_contains (options, "pa-send") ||
         g_variant_dict_contains (options, "pa-sync");
}

static int
fail (const char *message)
{
  g_printerr ("factures: %s\n", message);
  return 1;
}

static void
print_change (const char *number,
              const char *what,
              const char *detail,
              gpointer    user_data)
{
  g_print ("%s\t%s\t%s\n", number != NULL ? number : "-", what, detail != NULL ? detail : "-");
}

static int
send_number (FacturesStore    *store,
             FacturesPaClient *client,
             const char       *number)
{
  g_autoptr(FacturesDocument) document = NULL;
  g_autoptr(FacturesPaOutboxItem) item = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  document = factures_store_find_document (store, number, NULL);
  if (document == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("No document numbered “%s”."), number);
      return fail (message);
    }
  id = factures_store_pa_enqueue_document (store, document->id, &error);
  if (id == 0)
    return fail (error->message);
  item = factures_store_pa_outbox_for_document (store, document->id, &error);
  if (item == NULL)
    return fail (error != NULL ? error->message : number);
  if (item->state == FACTURES_PA_OUTBOX_SENT)
    {
      print_change (number, factures_pa_outbox_item_words (item), item->flow_id, NULL);
      return 0;
    }
  if (!factures_pa_deposit_item (store, client, item, print_change, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("%s was not deposited (kept in the e-invoicing outbox): %s"),
                                                  number, error->message);
      return fail (message);
    }
  return 0;
}

int
factures_cli_pa_run (const char   *database,
                     GVariantDict *options)
{
  g_autoptr(FacturesStore) store = NULL;
  g_autoptr(FacturesPaClient) client = NULL;
  g_autoptr(GError) error = NULL;
  const char *number = NULL;
  gboolean test = FALSE;
  gboolean sync = FALSE;
  int status = 0;

  g_variant_dict_lookup (options, "pa-send", "&s", &number);
  g_variant_dict_lookup (options, "pa-test", "b", &test);
  g_variant_dict_lookup (options, "pa-sync", "b", &sync);
  store = factures_cli_open_store (database, TRUE, &status);
  if (store == NULL)
    return status;
  client = factures_pa_open_client (store, &error);
  if (client == NULL)
    return fail (error->message);
  if (test)
    {
      g_autoptr(FacturesPaAccount) account = factures_store_get_pa_account (store, NULL);

      if (!factures_pa_test_connection (client, &error))
        return fail (error->message);
      g_print (_("Connection test passed: %s answers and accepted the client ID and secret. Nothing was sent.\n"),
               account->name);
    }
  if (number != NULL && (status = send_number (store, client, number)) != 0)
    return status;
  if (sync)
    {
      guint failed = factures_pa_send_outbox (store, client, print_change, NULL, NULL);

      if (!factures_pa_poll (store, client, print_change, NULL, &error))
        return fail (error->message);
      if (failed > 0)
        {
          g_autofree char *message = g_strdup_printf (g_dngettext (NULL, "%u document stays in the e-invoicing outbox.",
                                                                   "%u documents stay in the e-invoicing outbox.",
                                                                   failed), failed);
          return fail (message);
        }
    }
  return 0;
}
