/* factures-cli-pa.c — the command-line options of issue 14 (plateforme agréée)
 *
 *   --pa-test         the connection test of the saved PA account (healthcheck, then a
 *                     token); prints the outcome, or the French reason on stderr
 *   --pa-send=NUMBER  puts the issued document NUMBER into the e-invoicing outbox (once)
 *                     and deposits it now (a failed one is retried by hand)
 *   --pa-sync         deposits what waits in the outbox, then fetches what changed at the
 *                     PA (acknowledgements, lifecycle statuses, supplier invoices)
 *   --pa-respond=NUMBER --pa-status=CODE [--pa-reason-code=CODE] [--reason=TEXT]
 *                     the buyer's answer about the supplier invoice NUMBER of the purchases:
 *                     approve (205), dispute (207), refuse (210)…, put into the outbox (sent by
 *                     the next --pa-sync, or at once with it)
 *
 *   --pa-lookup=SIREN (or SIRET) asks the PA's Directory Service whether that business receives
 *                     e-invoices and at which address (issue 15 item 1); prints "Statut :",
 *                     "Adresse électronique :", "Consulté le :" lines, and caches the answer
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
#include "factures-pa-directory.h"
#include "factures-pa-error.h"
#include "factures-pa-sync.h"
#include "factures-store-einvoicing.h"
#include "factures-store-facturx.h"

static const GOptionEntry entries[] = {
  { "pa-test", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Test the connection to the plateforme agréée and print the outcome"), NULL },
  { "pa-send", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Send the issued document NUMBER through the plateforme agréée"), N_("NUMBER") },
  { "pa-respond", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Answer the supplier invoice NUMBER of the purchases through the plateforme agréée, with --pa-status "
       "(205 approve, 207 dispute, 210 refuse…), --pa-reason-code and --reason"), N_("NUMBER") },
  { "pa-status", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("With --pa-respond: the lifecycle status code to send"), N_("CODE") },
  { "pa-reason-code", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --pa-respond: the reason code (TX_TVA_ERR, QTE_ERR, PU_ERR, AUTRE…)"), N_("CODE") },
  { "pa-lookup", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Look the business SIREN (or SIRET) up in the directory of the plateforme agréée: does it receive "
       "e-invoices, and at which address"), N_("SIREN") },
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
         g_variant_dict_contains (options, "pa-sync") || g_variant_dict_contains (options, "pa-respond") ||
         g_variant_dict_contains (options, "pa-lookup");
}

static int
fail (const char *message)
{
  g_printerr (_("factures: %s\n"), message);
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

/* Issue 15 item 1: --pa-lookup. */
static int
lookup (FacturesStore *store,
        const char    *identifier)
{
  g_autoptr(FacturesPaDirectoryEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *siren = NULL;
  g_autofree char *siret = NULL;

  /* The identifier first: a typing mistake is said before any account question. */
  if (!factures_pa_directory_check_identifier (identifier, &siren, &siret, &error))
    return fail (error->message);
  entry = factures_pa_directory_refresh (store, identifier, &error);
  if (entry == NULL)
    return fail (error->message);
  g_print (_("SIREN: %s\n"), entry->siren);
  if (entry->name != NULL)
    g_print (_("Name: %s\n"), entry->name);
  g_print (_("Status: %s (%s)\n"), factures_pa_directory_status_words (entry->status),
           factures_pa_directory_status_code (entry->status));
  g_print (_("Electronic address: %s\n"), entry->address != NULL ? entry->address : "—");
  if (entry->entity_type != NULL && g_strcmp0 (entry->entity_type, "Public") == 0)
    g_print (_("Public buyer: invoices go through Chorus Pro (service code required).\n"));
  g_print (_("Looked up on: %s\n"), entry->looked_up);
  if (entry->partial)
    g_printerr (_("factures: %s\n"), factures_pa_directory_partial_note ());
  return 0;
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
  /* Issue 15 item 1: a buyer the directory does not show as receiving is flagged first. */
  {
    g_autofree char *warning = factures_store_pa_directory_warning (store, document);

    if (warning != NULL)
      g_printerr (_("factures: warning: %s\n"), warning);
  }
  if (!factures_pa_deposit_item (store, client, item, print_change, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("%s was not deposited (kept in the e-invoicing outbox): %s"),
                                                  number, error->message);
      return fail (message);
    }
  return 0;
}

static int
respond (FacturesStore *store,
         GVariantDict  *options,
         const char    *number)
{
  g_autoptr(GError) error = NULL;
  const char *reason_code = NULL;
  const char *reason = NULL;
  gint code = 0;
  gint64 imported_id;
  gint64 id;

  if (!g_variant_dict_lookup (options, "pa-status", "i", &code))
    return fail (_("--pa-respond needs --pa-status=CODE: 205 to approve, 207 to dispute, 210 to refuse."));
  g_variant_dict_lookup (options, "pa-reason-code", "&s", &reason_code);
  g_variant_dict_lookup (options, "reason", "&s", &reason);
  /* "Complétée" (209) is the seller's answer to "suspendue" (208) on one of our invoices. */
  if (code == 209)
    {
      g_autoptr(FacturesDocument) document = factures_store_find_document (store, number, NULL);

      if (document == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("No document numbered “%s”."), number);
          return fail (message);
        }
      if (factures_pa_send_completed (store, document->id, reason, &error) == 0)
        return fail (error->message);
      {
        g_autofree char *what = g_strdup_printf (_("status %d queued (%s)"), code, factures_pa_status_label (code));

        print_change (number, what, NULL, NULL);
      }
      return 0;
    }
  imported_id = factures_store_find_imported (store, number, NULL, NULL);
  if (imported_id == 0)
    {
      g_autofree char *message = g_strdup_printf (_("No supplier invoice numbered “%s” in the purchases."), number);
      return fail (message);
    }
  id = factures_pa_respond (store, imported_id, code, reason_code, reason, &error);
  if (id == 0)
    return fail (error->message);
  {
    g_autofree char *what = g_strdup_printf (_("status %d queued (%s)"), code, factures_pa_status_label (code));

    print_change (number, what, reason_code, NULL);
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
  const char *respond_number = NULL;
  gboolean test = FALSE;
  gboolean sync = FALSE;
  int status = 0;

  g_variant_dict_lookup (options, "pa-send", "&s", &number);
  g_variant_dict_lookup (options, "pa-test", "b", &test);
  g_variant_dict_lookup (options, "pa-sync", "b", &sync);
  g_variant_dict_lookup (options, "pa-respond", "&s", &respond_number);
  store = factures_cli_open_store_existing (database, &status);
  if (store == NULL)
    return status;
  {
    const char *identifier = NULL;

    if (g_variant_dict_lookup (options, "pa-lookup", "&s", &identifier) && (status = lookup (store, identifier)) != 0)
      return status;
  }
  /* Answering a supplier invoice only writes to the outbox: no account needed yet. */
  if (respond_number != NULL && (status = respond (store, options, respond_number)) != 0)
    return status;
  if (!test && number == NULL && !sync)
    return 0;
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
