/* test-store-des.c — the documents of a month's DES through the store (issue 13 item 6)
 *
 * Invoices with reverse-charged lines (AE) to a German business are issued: one dated in
 * November, one issued in November for a service completed in October (the date of the
 * operation puts it in October), a credit note issued in December (it reduces December). The
 * month's lines and the months needing a DES follow src/core/factures-des.h (art. 289 B CGI).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "factures-store.h"
#include "factures-store-des.h"
#include "factures-store-lifecycle.h"
#include "factures-vat.h"
#include "store-test-util.h"

static gint64
issue_ae (FacturesStore *store, gint64 client_id, const char *issue, const char *delivery, gint64 euros)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesProfile) profile = factures_store_get_profile (store, &error);
  g_autoptr(FacturesClient) client = factures_store_get_client (store, client_id, &error);
  g_autoptr(FacturesDocument) draft = store_test_draft (client_id, issue, 1);
  g_autoptr(FacturesDocument) issued = NULL;
  FacturesLine *line = g_ptr_array_index (draft->lines, 0);
  FacturesVatProposal proposal;

  g_assert_no_error (error);
  if (delivery != NULL)
    g_assert_true (factures_date_parse_iso (delivery, &draft->delivery_date, NULL));
  line->unit_price = euros * FACTURES_UNIT_PRICE_ONE;
  line->activity = FACTURES_LINE_ACTIVITY_SERVICES_BNC;
  factures_vat_propose (profile, client, line->activity, FACTURES_VAT_EXEMPTION_NONE, &proposal);
  g_assert_cmpint (proposal.category, ==, FACTURES_VAT_CATEGORY_AE);
  factures_vat_apply_proposal (line, &proposal);
  g_assert_true (factures_store_save_draft (store, draft, &error));
  g_assert_no_error (error);
  issued = factures_store_issue (store, draft->id, store_test_render, NULL, &error);
  g_assert_no_error (error);
  return issued->id;
}

static void
assert_month (FacturesStore *store, guint year, guint month, const char *vat_id, gint64 euros)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = factures_store_des_month (store, year, month, &error);
  const FacturesDesEntry *e;

  g_assert_no_error (error);
  if (vat_id == NULL)
    {
      g_assert_cmpuint (list->len, ==, 0);
      return;
    }
  g_assert_cmpuint (list->len, ==, 1);
  e = g_ptr_array_index (list, 0);
  g_assert_cmpstr (e->vat_id, ==, vat_id);
  g_assert_cmpint (e->euros, ==, euros);
  g_assert_cmpstr (e->client, ==, "Müller Software GmbH");
}

static void
test_months (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = store_test_make_fast_dir ();
  g_autofree char *path = g_build_filename (dir, "des.db", NULL);
  g_autoptr(FacturesStore) store = NULL;
  g_autoptr(FacturesProfile) profile = store_test_profile ();
  g_autoptr(FacturesClient) client = factures_client_new ();
  g_autoptr(FacturesDocument) credit_draft = NULL;
  g_autoptr(FacturesDocument) credit = NULL;
  g_autoptr(GPtrArray) months = g_ptr_array_new_with_free_func (g_free);
  gint64 november, credit_id;

  g_setenv ("FACTURES_TODAY", "2026-12-06", TRUE);
  store = factures_store_open (path, &error);
  g_assert_no_error (error);
  profile->party.vat_id = g_strdup ("FR44732829320");
  g_assert_true (factures_store_save_profile (store, profile, &error));
  client->party.name = g_strdup ("Müller Software GmbH");
  client->party.address = g_strdup ("Friedrichstraße 10");
  client->party.postal_code = g_strdup ("10117");
  client->party.city = g_strdup ("Berlin");
  g_free (client->party.country_code);
  client->party.country_code = g_strdup ("DE");
  client->party.vat_id = g_strdup ("DE136695976");
  client->category = FACTURES_CLIENT_CATEGORY_COMPANY;
  g_assert_true (factures_store_save_client (store, client, &error));
  g_assert_no_error (error);

  /* the service of October, invoiced on 5 November; then 1 200 € in November */
  issue_ae (store, client->id, "2026-11-05", "2026-10-28", 450);
  november = issue_ae (store, client->id, "2026-11-10", NULL, 1200);
  /* a credit note of 300,50 € HT issued in December */
  credit_id = factures_store_credit_note_new (store, november, NULL, 0, 30050, &error);
  g_assert_no_error (error);
  credit_draft = factures_store_get_document (store, credit_id, &error);
  g_assert_no_error (error);
  g_assert_true (factures_date_parse_iso ("2026-12-02", &credit_draft->issue_date, NULL));
  g_assert_true (factures_store_save_draft (store, credit_draft, &error));
  g_assert_no_error (error);
  credit = factures_store_issue (store, credit_id, store_test_render, NULL, &error);
  g_assert_no_error (error);

  assert_month (store, 2026, 10, "DE136695976", 450);
  assert_month (store, 2026, 11, "DE136695976", 1200);
  assert_month (store, 2026, 12, "DE136695976", -301);   /* −300,50 → −301 */
  assert_month (store, 2026, 9, NULL, 0);

  g_assert_true (factures_store_des_months (store, months, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (months->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (months, 0), ==, "2026-10");
  g_assert_cmpstr (g_ptr_array_index (months, 1), ==, "2026-11");
  g_assert_cmpstr (g_ptr_array_index (months, 2), ==, "2026-12");

  g_clear_object (&store);
  store_test_remove_dir (dir);
  g_unsetenv ("FACTURES_TODAY");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/des/months", test_months);
  return g_test_run ();
}
