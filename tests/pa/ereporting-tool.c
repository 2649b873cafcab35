/* ereporting-tool.c — fixtures for the e-reporting flow test (issue 15 item 2)
 *
 *   ereporting-tool setup DB BASE-URL TOKEN-URL
 *       a profile (franchise, goods and services), the PA account and the period of
 *       ereporting-fixture.h (FACTURES_TODAY must be 2027-11-10 or later); prints the numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "factures-store-einvoicing.h"
#include "ereporting-fixture.h"
#include "../store/store-test-util.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(FacturesStore) store = NULL;
  g_autoptr(FacturesProfile) profile = store_test_profile ();
  g_autoptr(FacturesPaAccount) account = factures_pa_account_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) numbers = NULL;

  if (argc != 5 || !g_str_equal (argv[1], "setup"))
    {
      g_printerr ("usage: ereporting-tool setup DB BASE-URL TOKEN-URL\n");
      return 2;
    }
  store = factures_store_open (argv[2], &error);
  if (store == NULL)
    g_error ("open: %s", error->message);
  profile->activity = FACTURES_ACTIVITY_BOTH;
  if (!factures_store_save_profile (store, profile, &error))
    g_error ("profile: %s", error->message);
  account->name = g_strdup ("PA de test");
  account->registration = g_strdup ("0042");
  account->base_url = g_strdup (argv[3]);
  account->token_url = g_strdup (argv[4]);
  account->client_id = g_strdup ("factures-test");
  account->timeout_seconds = 5;
  account->report_payments = TRUE;
  if (!factures_store_save_pa_account (store, account, &error))
    g_error ("account: %s", error->message);
  numbers = ereporting_fixture_fill (store);
  for (guint i = 0; numbers[i] != NULL; i++)
    g_print ("%s\n", numbers[i]);
  return 0;
}
