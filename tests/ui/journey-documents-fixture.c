/* journey-documents-fixture.c — an invoice partly paid, for the issued-document journey
 *
 * usage: FACTURES_TODAY=2026-04-15 journey-documents-fixture DB_PATH
 *        (after test-screenshots-fixture DB_PATH)
 *
 * Adds the client Studio Moreau and its invoice F2026-0006 of 2 510,79 € issued on
 * 2026-04-05 (one line whose description is long enough to wrap), a cheque of 200 € on
 * 2026-04-08 cancelled on 2026-04-14 (it bounced), and a transfer of 1 000 € on
 * 2026-04-12: its balance is then 1 510,79 €. F2026-0002 is disputed. A second draft
 * (Studio Moreau, 2026-04-14). Prints the invoice's id and number.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "factures-pdf.h"
#include "factures-store-payments.h"

static void
die (const char *what,
     GError     *error)
{
  g_printerr ("journey-documents-fixture: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static gint64
pay (FacturesStore         *store,
     gint64                 document_id,
     const char            *iso,
     gint64                 amount,
     FacturesPaymentMethod  method,
     const char            *reference)
{
  g_autoptr (FacturesPayment) payment = factures_payment_new ();
  g_autoptr (GError) error = NULL;

  if (!factures_date_parse_iso (iso, &payment->date, &error))
    die (iso, error);
  payment->amount = amount;
  payment->method = method;
  payment->reference = g_strdup (reference);
  factures_payment_add_allocation (payment, document_id, amount);
  if (!factures_store_record_payment (store, payment, FACTURES_OVERPAYMENT_REFUSE, NULL, &error))
    die ("payment", error);
  return payment->id;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (FacturesStore) store = NULL;
  g_autoptr (FacturesClient) client = factures_client_new ();
  g_autoptr (FacturesDocument) draft = factures_document_new (FACTURES_DOCUMENT_KIND_INVOICE);
  g_autoptr (FacturesDocument) issued = NULL;
  g_autoptr (FacturesDocument) disputed = NULL;
  g_autoptr (GError) error = NULL;
  FacturesLine *line = factures_line_new ();
  gint64 cheque;
  GDate date;

  setlocale (LC_ALL, "");
  if (argc != 2)
    {
      g_printerr ("usage: %s DB_PATH\n", argv[0]);
      return 2;
    }
  store = factures_store_open (argv[1], &error);
  if (store == NULL)
    die (argv[1], error);

  client->category = FACTURES_CLIENT_CATEGORY_COMPANY;
  client->party.name = g_strdup ("Studio Moreau");
  client->party.address = g_strdup ("22 rue Mercière");
  client->party.postal_code = g_strdup ("69002");
  client->party.city = g_strdup ("Lyon");
  client->party.country_code = g_strdup ("FR");
  client->party.siren = g_strdup ("552081317");
  if (!factures_store_save_client (store, client, &error))
    die ("client", error);

  draft->client_id = client->id;
  if (!factures_date_parse_iso ("2026-04-05", &draft->issue_date, &error))
    die ("date", error);
  g_free (line->description);
  g_free (line->unit);
  line->description = g_strdup ("Refonte complète de l’identité visuelle : logo, charte graphique, "
                                "déclinaisons pour le site, les réseaux sociaux et les supports imprimés, "
                                "avec trois allers-retours de corrections inclus");
  line->unit = g_strdup ("forfait");
  line->quantity = 10000;
  line->unit_price = (gint64) 251079 * 10000;
  g_ptr_array_add (draft->lines, line);
  if (!factures_store_save_draft (store, draft, &error))
    die ("draft", error);
  issued = factures_store_issue (store, draft->id, factures_pdf_render_for_issue, NULL, &error);
  if (issued == NULL)
    die ("issue", error);

  cheque = pay (store, issued->id, "2026-04-08", 20000, FACTURES_PAYMENT_METHOD_CHEQUE, "1234567");
  if (!factures_date_parse_iso ("2026-04-14", &date, &error) ||
      !factures_store_cancel_payment (store, cheque, &date, "Chèque impayé", &error))
    die ("cancel", error);
  pay (store, issued->id, "2026-04-12", 100000, FACTURES_PAYMENT_METHOD_TRANSFER, "VIR-0412");

  disputed = factures_store_find_document (store, "F2026-0002", &error);
  if (disputed == NULL)
    die ("F2026-0002", error);
  if (!factures_date_parse_iso ("2026-04-10", &date, &error) ||
      !factures_store_set_dispute (store, disputed->id, TRUE, "Heures contestées", &date, &error))
    die ("dispute", error);

  /* A second draft, for deleting through win.delete-draft and quitting with the toast up. */
  {
    g_autoptr (FacturesDocument) second = factures_document_new (FACTURES_DOCUMENT_KIND_INVOICE);
    FacturesLine *more = factures_line_new ();

    second->client_id = client->id;
    if (!factures_date_parse_iso ("2026-04-14", &second->issue_date, &error))
      die ("date", error);
    g_free (more->description);
    more->description = g_strdup ("Maquettes supplémentaires");
    more->quantity = 10000;
    more->unit_price = (gint64) 30000 * 10000;
    g_ptr_array_add (second->lines, more);
    if (!factures_store_save_draft (store, second, &error))
      die ("second draft", error);
  }

  g_print ("%" G_GINT64_FORMAT " %s\n", issued->id, issued->number);
  return 0;
}
