/* ereporting-fixture.c — the e-reporting period of the tests (issue 15 item 2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "factures-store-payments.h"
#include "ereporting-fixture.h"
#include "../store/store-test-util.h"

static gint64
save_client (FacturesStore  *store,
             FacturesClient *client)
{
  g_autoptr(GError) error = NULL;

  if (!factures_store_save_client (store, client, &error))
    g_error ("client %s: %s", client->party.name, error->message);
  return client->id;
}

static gint64
private_client (FacturesStore *store,
                const char    *name)
{
  g_autoptr(FacturesClient) client = factures_client_new ();

  client->party.name = g_strdup (name);
  client->party.address = g_strdup ("5 rue Victor Hugo");
  client->party.postal_code = g_strdup ("69002");
  client->party.city = g_strdup ("Lyon");
  client->category = FACTURES_CLIENT_CATEGORY_INDIVIDUAL;
  return save_client (store, client);
}

static gint64
uk_client (FacturesStore *store)
{
  g_autoptr(FacturesClient) client = factures_client_new ();

  client->party.name = g_strdup ("Acme Widgets Ltd");
  client->party.address = g_strdup ("10 Downing Street");
  client->party.postal_code = g_strdup ("SW1A 2AA");
  client->party.city = g_strdup ("London");
  client->party.country_code = g_strdup ("GB");
  client->legal_id = g_strdup ("01234567");
  client->category = FACTURES_CLIENT_CATEGORY_COMPANY;
  return save_client (store, client);
}

/* Issues an invoice of @n lines (@prices in units of the currency, goods where @goods[i]). */
static FacturesDocument *
issue (FacturesStore  *store,
       gint64          client_id,
       const char     *iso,
       guint           n,
       const gint64   *prices,
       const gboolean *goods,
       const char     *currency)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) draft = store_test_draft (client_id, iso, n);
  FacturesDocument *issued;

  for (guint i = 0; i < n; i++)
    {
      FacturesLine *line = g_ptr_array_index (draft->lines, i);

      line->unit_price = prices[i] * FACTURES_UNIT_PRICE_ONE;
      line->activity = goods != NULL && goods[i] ? FACTURES_LINE_ACTIVITY_GOODS
                                                 : FACTURES_LINE_ACTIVITY_SERVICES_BNC;
    }
  g_clear_pointer (&draft->currency, g_free);
  draft->currency = g_strdup (currency);
  if (!factures_store_save_draft (store, draft, &error))
    g_error ("draft %s: %s", iso, error->message);
  issued = factures_store_issue (store, draft->id, store_test_render, NULL, &error);
  if (issued == NULL)
    g_error ("issue %s: %s", iso, error->message);
  return issued;
}

/* @cents in the invoice's currency; @eur_cents what the bank credited (0 for an invoice in
 * euros). */
static void
pay (FacturesStore          *store,
     const FacturesDocument *document,
     const char             *iso,
     gint64                  cents,
     gint64                  eur_cents)
{
  g_autoptr(GError) error = NULL;
  FacturesPayment *payment = factures_payment_new ();

  factures_date_parse_iso (iso, &payment->date, NULL);
  payment->amount = cents;
  payment->method = FACTURES_PAYMENT_METHOD_TRANSFER;
  payment->reference = g_strdup ("VIR");
  payment->eur_amount = eur_cents;
  factures_payment_add_allocation (payment, document->id, cents);
  if (!factures_store_record_payment (store, payment, FACTURES_OVERPAYMENT_REFUSE, NULL, &error))
    g_error ("payment %s: %s", iso, error->message);
  factures_payment_free (payment);
}

GStrv
ereporting_fixture_fill (FacturesStore *store)
{
  g_autoptr(GStrvBuilder) numbers = g_strv_builder_new ();
  g_autoptr(FacturesClient) french = store_test_client ("Société Française");
  const gint64 p100[] = { 100 }, p50_30[] = { 50, 30 }, p250[] = { 250 }, p400x2[] = { 400, 400 }, p70[] = { 70 };
  const gboolean services_goods[] = { FALSE, TRUE };
  gint64 jeanne = private_client (store, "Jeanne Dupont");
  gint64 paul = private_client (store, "Paul Martin");
  gint64 acme = uk_client (store);
  FacturesDocument *docs[6];

  save_client (store, french);
  docs[0] = issue (store, jeanne, "2027-09-10", 1, p100, NULL, NULL);
  docs[1] = issue (store, paul, "2027-09-10", 2, p50_30, services_goods, NULL);
  docs[2] = issue (store, french->id, "2027-09-12", 1, p70, NULL, NULL);
  docs[3] = issue (store, jeanne, "2027-09-20", 1, p250, NULL, NULL);
  docs[4] = issue (store, acme, "2027-10-05", 2, p400x2, NULL, "GBP");
  docs[5] = issue (store, jeanne, "2027-11-02", 1, p100, NULL, NULL);

  pay (store, docs[0], "2027-09-15", 10000, 0);
  pay (store, docs[1], "2027-09-15", 8000, 0);
  pay (store, docs[2], "2027-09-16", 7000, 0);
  pay (store, docs[3], "2027-10-02", 10000, 0);
  pay (store, docs[4], "2027-10-20", 80000, 92345);   /* £800.00 credited as 923,45 € */
  pay (store, docs[3], "2027-11-03", 15000, 0);
  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      g_strv_builder_add (numbers, docs[i]->number);
      factures_document_free (docs[i]);
    }
  return g_strv_builder_end (numbers);
}
