/* pa-tool.c — fixtures for the plateforme agréée tests
 *
 *   pa-tool setup DB BASE-URL TOKEN-URL N TIMEOUT
 *       a profile, N business clients in France (SIREN known) with one issued invoice each,
 *       one private client with an issued invoice, and the PA account; prints the N numbers,
 *       then "private NUMBER"
 *   pa-tool store-secret TOKEN-URL CLIENT-ID      secret on stdin → keyring
 *   pa-tool enqueue DB NUMBER                     into the e-invoicing outbox; prints the row id
 *   pa-tool directory DB URL|- B2G                the account's directory address and whether the
 *                                                 PA routes to Chorus Pro (0/1) (issue 15)
 *   pa-tool client DB NAME SIREN company|public [SERVICE-CODE]
 *                                                 a client in France and one issued invoice (an
 *                                                 administration's with the engagement number
 *                                                 EJ-2027-000123); prints the number
 *   pa-tool cii DB NUMBER                         the CII XML of the issued document, from its
 *                                                 frozen snapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "factures-cii.h"
#include "factures-pa-secret.h"
#include "factures-store-einvoicing.h"
#include "../store/store-test-util.h"

static FacturesStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  FacturesStore *store = factures_store_open (path, &error);

  if (store == NULL)
    g_error ("open: %s", error->message);
  return store;
}

static FacturesDocument *
issue_for (FacturesStore  *store,
           FacturesClient *client,
           gint64          unit_price)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) draft = NULL;
  g_autofree char *iso = NULL;
  FacturesDocument *issued;
  FacturesLine *line;
  GDate today;

  if (!factures_store_save_client (store, client, &error))
    g_error ("client: %s", error->message);
  factures_today (&today);
  iso = factures_date_format_iso (&today);
  draft = store_test_draft (client->id, iso, 1);
  line = g_ptr_array_index (draft->lines, 0);
  line->unit_price = unit_price;
  if (!factures_store_save_draft (store, draft, &error))
    g_error ("draft: %s", error->message);
  issued = factures_store_issue (store, draft->id, store_test_render, NULL, &error);
  if (issued == NULL)
    g_error ("issue: %s", error->message);
  return issued;
}

static int
setup (char **argv)
{
  g_autoptr(FacturesStore) store = open_store (argv[2]);
  g_autoptr(FacturesProfile) profile = store_test_profile ();
  g_autoptr(FacturesPaAccount) account = factures_pa_account_new ();
  g_autoptr(FacturesClient) person = NULL;
  g_autoptr(FacturesDocument) private_doc = NULL;
  g_autoptr(GError) error = NULL;
  guint n = (guint) g_ascii_strtoull (argv[5], NULL, 10);
  guint i;

  profile->iban = g_strdup ("FR7630006000011234567890189");
  if (!factures_store_save_profile (store, profile, &error))
    g_error ("profile: %s", error->message);
  for (i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Société Cliente %u", i + 1);
      g_autoptr(FacturesClient) client = store_test_client (name);
      g_autoptr(FacturesDocument) issued = issue_for (store, client, (gint64) (i + 1) * 150000000);

      g_print ("%s\n", issued->number);
    }
  person = store_test_client ("Camille Particulier");
  person->category = FACTURES_CLIENT_CATEGORY_INDIVIDUAL;
  g_clear_pointer (&person->party.siren, g_free);
  g_clear_pointer (&person->party.siret, g_free);
  g_clear_pointer (&person->party.vat_id, g_free);
  private_doc = issue_for (store, person, 80000000);
  g_print ("private %s\n", private_doc->number);

  account->name = g_strdup ("PA de test");
  account->registration = g_strdup ("0042");
  account->base_url = g_strdup (argv[3]);
  account->token_url = g_strdup (argv[4]);
  account->client_id = g_strdup ("factures-test");
  account->timeout_seconds = (guint) g_ascii_strtoull (argv[6], NULL, 10);
  if (!factures_store_save_pa_account (store, account, &error))
    g_error ("account: %s", error->message);
  return 0;
}

static int
store_secret (char **argv)
{
  g_autoptr(GError) error = NULL;
  char line[512];

  if (fgets (line, sizeof line, stdin) == NULL)
    return 2;
  line[strcspn (line, "\n")] = '\0';
  if (!factures_pa_secret_store (argv[2], argv[3], line, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

static int
enqueue (char **argv)
{
  g_autoptr(FacturesStore) store = open_store (argv[2]);
  g_autoptr(FacturesDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  document = factures_store_find_document (store, argv[3], &error);
  if (document == NULL)
    g_error ("find: %s", error->message);
  id = factures_store_pa_enqueue_document (store, document->id, &error);
  if (id == 0)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("%" G_GINT64_FORMAT "\n", id);
  return 0;
}

static int
directory (char **argv)
{
  g_autoptr(FacturesStore) store = open_store (argv[2]);
  g_autoptr(FacturesPaAccount) account = factures_store_get_pa_account (store, NULL);
  g_autoptr(GError) error = NULL;

  g_free (account->directory_url);
  account->directory_url = strcmp (argv[3], "-") == 0 ? NULL : g_strdup (argv[3]);
  account->routes_b2g = strcmp (argv[4], "1") == 0;
  if (!factures_store_save_pa_account (store, account, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

static int
client (int    argc,
        char **argv)
{
  g_autoptr(FacturesStore) store = open_store (argv[2]);
  g_autoptr(FacturesClient) buyer = store_test_client (argv[3]);
  g_autoptr(FacturesDocument) draft = NULL;
  g_autoptr(FacturesDocument) issued = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  GDate today;

  g_free (buyer->party.siren);
  buyer->party.siren = g_strdup (argv[4]);
  g_clear_pointer (&buyer->party.siret, g_free);
  g_clear_pointer (&buyer->party.vat_id, g_free);
  if (strcmp (argv[5], "public") == 0)
    {
      buyer->category = FACTURES_CLIENT_CATEGORY_PUBLIC;
      buyer->service_code = argc > 6 ? g_strdup (argv[6]) : NULL;
    }
  if (!factures_store_save_client (store, buyer, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  factures_today (&today);
  iso = factures_date_format_iso (&today);
  draft = store_test_draft (buyer->id, iso, 1);
  if (buyer->category == FACTURES_CLIENT_CATEGORY_PUBLIC)
    draft->purchase_order = g_strdup ("EJ-2027-000123");
  if (!factures_store_save_draft (store, draft, &error))
    g_error ("draft: %s", error->message);
  issued = factures_store_issue (store, draft->id, store_test_render, NULL, &error);
  if (issued == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("%s\n", issued->number);
  return 0;
}

static int
cii (char **argv)
{
  g_autoptr(FacturesStore) store = open_store (argv[2]);
  g_autoptr(FacturesDocument) document = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GError) error = NULL;

  document = factures_store_find_document (store, argv[3], &error);
  if (document == NULL)
    g_error ("find: %s", error->message);
  xml = factures_cii_build (document, &error);
  if (xml == NULL)
    g_error ("cii: %s", error->message);
  fwrite (g_bytes_get_data (xml, NULL), 1, g_bytes_get_size (xml), stdout);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  if (argc == 7 && strcmp (argv[1], "setup") == 0)
    return setup (argv);
  if (argc == 4 && strcmp (argv[1], "store-secret") == 0)
    return store_secret (argv);
  if (argc == 4 && strcmp (argv[1], "enqueue") == 0)
    return enqueue (argv);
  if (argc == 5 && strcmp (argv[1], "directory") == 0)
    return directory (argv);
  if ((argc == 6 || argc == 7) && strcmp (argv[1], "client") == 0)
    return client (argc, argv);
  if (argc == 4 && strcmp (argv[1], "cii") == 0)
    return cii (argv);
  g_printerr ("usage: pa-tool setup|store-secret|enqueue|directory|client|cii …\n");
  return 2;
}
