/* test-screenshots-fixture.c — a small database for the screenshot and command-line tests
 *
 * usage: test-screenshots-fixture DB_PATH
 *
 * Writes a business profile, five clients (one per category, one more business),
 * five invoices issued from January to April 2026 through the store (stored
 * originals drawn by the real PDF layout) and one draft. With
 * FACTURES_TODAY=2026-04-15, three invoices are overdue:
 *   F2026-0001  Atelier Dupont SARL           due 2026-02-09  65 days  159000 cents
 *   F2026-0002  Association Les Amis du Vélo  due 2026-03-04  42 days   24000 cents
 *   F2026-0003  Mairie de Villeurbanne        due 2026-03-22  24 days  125050 cents
 * (30-day terms). The expected --list-overdue output is tests/data/ui/overdue.tsv.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "factures-pdf.h"
#include "factures-store.h"

typedef struct
{
  const char *description;
  const char *unit;
  gint64      quantity;    /* 1e-4 */
  gint64      unit_price;  /* cents: converted to 1e-6 € below */
} LineSpec;

static void
die (const char *what,
     GError     *error)
{
  g_printerr ("test-screenshots-fixture: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static gint64
add_client (FacturesStore          *store,
            FacturesClientCategory  category,
            const char             *name,
            const char             *address,
            const char             *postal_code,
            const char             *city,
            const char             *siren,
            const char             *email)
{
  g_autoptr (FacturesClient) client = factures_client_new ();
  g_autoptr (GError) error = NULL;

  client->category = category;
  client->party.name = g_strdup (name);
  client->party.address = g_strdup (address);
  client->party.postal_code = g_strdup (postal_code);
  client->party.city = g_strdup (city);
  client->party.country_code = g_strdup ("FR");
  client->party.siren = g_strdup (siren);
  client->party.email = g_strdup (email);
  if (!factures_store_save_client (store, client, &error))
    die (name, error);
  return client->id;
}

static gint64
add_draft (FacturesStore  *store,
           gint64          client_id,
           const char     *iso_date,
           const LineSpec *lines,
           guint           n_lines)
{
  g_autoptr (FacturesDocument) document = factures_document_new (FACTURES_DOCUMENT_KIND_INVOICE);
  g_autoptr (GError) error = NULL;

  document->client_id = client_id;
  if (!factures_date_parse_iso (iso_date, &document->issue_date, &error))
    die (iso_date, error);
  for (guint i = 0; i < n_lines; i++)
    {
      FacturesLine *line = factures_line_new ();

      g_free (line->description);
      g_free (line->unit);
      line->description = g_strdup (lines[i].description);
      line->unit = g_strdup (lines[i].unit);
      line->quantity = lines[i].quantity;
      line->unit_price = lines[i].unit_price * 10000;
      g_ptr_array_add (document->lines, line);
    }
  if (!factures_store_save_draft (store, document, &error))
    die ("draft", error);
  return document->id;
}

static void
issue (FacturesStore *store,
       gint64         id)
{
  g_autoptr (FacturesDocument) issued = NULL;
  g_autoptr (GError) error = NULL;

  issued = factures_store_issue (store, id, factures_pdf_render_for_issue, NULL, &error);
  if (issued == NULL)
    die ("issue", error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (FacturesStore) store = NULL;
  g_autoptr (FacturesProfile) profile = NULL;
  g_autoptr (GError) error = NULL;
  gint64 dupont, velo, mairie, bernard, lefevre;
  const LineSpec dupont_lines[] = {
    { "Conception du logo", "forfait", 10000, 45000 },
    { "Développement du site vitrine", "jour", 30000, 38000 },
  };
  const LineSpec velo_lines[] = {
    { "Atelier de réparation", "h", 20000, 12000 },
  };
  const LineSpec mairie_lines[] = {
    { "Formation des agents", "session", 10000, 125050 },
  };
  const LineSpec bernard_lines[] = {
    { "Cours particulier", "h", 15000, 4000 },
  };
  const LineSpec lefevre_lines[] = {
    { "Affiches A3", "pièce", 500000, 180 },
    { "Mise en page", "h", 20000, 5500 },
  };

  setlocale (LC_ALL, "");
  if (argc != 2)
    {
      g_printerr ("usage: %s DB_PATH\n", argv[0]);
      return 2;
    }

  store = factures_store_open (argv[1], &error);
  if (store == NULL)
    die (argv[1], error);

  profile = factures_profile_new ();
  factures_party_clear (&profile->party);
  profile->party.name = g_strdup ("Camille Martin EI");
  profile->party.address = g_strdup ("12 rue des Lilas");
  profile->party.postal_code = g_strdup ("69003");
  profile->party.city = g_strdup ("Lyon");
  profile->party.country_code = g_strdup ("FR");
  profile->party.siren = g_strdup ("732829320");
  profile->party.siret = g_strdup ("73282932000074");
  profile->party.email = g_strdup ("camille@example.org");
  profile->registry = FACTURES_REGISTRY_NONE;
  profile->activity = FACTURES_ACTIVITY_SERVICES;
  profile->vat_regime = FACTURES_VAT_REGIME_FRANCHISE;
  g_free (profile->iban);
  profile->iban = g_strdup ("FR7630006000011234567890189");
  profile->default_terms.kind = FACTURES_TERMS_DAYS;
  profile->default_terms.days = 30;
  if (!factures_store_save_profile (store, profile, &error))
    die ("profile", error);

  dupont = add_client (store, FACTURES_CLIENT_CATEGORY_COMPANY, "Atelier Dupont SARL",
                       "3 avenue Foch", "75016", "Paris", "552081317", "compta@dupont.example");
  velo = add_client (store, FACTURES_CLIENT_CATEGORY_ASSOCIATION, "Association Les Amis du Vélo",
                     "8 quai Saint-Vincent", "69001", "Lyon", NULL, "tresorier@velo.example");
  mairie = add_client (store, FACTURES_CLIENT_CATEGORY_PUBLIC, "Mairie de Villeurbanne",
                       "Place Lazare-Goujon", "69100", "Villeurbanne", NULL, NULL);
  bernard = add_client (store, FACTURES_CLIENT_CATEGORY_INDIVIDUAL, "Sophie Bernard",
                        "4 rue Lesdiguières", "38000", "Grenoble", NULL, "sophie@bernard.example");
  lefevre = add_client (store, FACTURES_CLIENT_CATEGORY_COMPANY, "Boulangerie Lefèvre",
                        "1 place du Marché", "74000", "Annecy", NULL, NULL);

  issue (store, add_draft (store, dupont, "2026-01-10", dupont_lines, G_N_ELEMENTS (dupont_lines)));
  issue (store, add_draft (store, velo, "2026-02-02", velo_lines, G_N_ELEMENTS (velo_lines)));
  issue (store, add_draft (store, mairie, "2026-02-20", mairie_lines, G_N_ELEMENTS (mairie_lines)));
  issue (store, add_draft (store, bernard, "2026-03-25", bernard_lines, G_N_ELEMENTS (bernard_lines)));
  issue (store, add_draft (store, lefevre, "2026-04-01", lefevre_lines, G_N_ELEMENTS (lefevre_lines)));
  add_draft (store, dupont, "2026-04-10", velo_lines, G_N_ELEMENTS (velo_lines));

  return 0;
}
