/* test-vat.c — the VAT proposal table and the checks of issue 13 (factures-vat.h)
 *
 * Seller regime × territory × client (zone, business or private) × line nature → category,
 * VATEX code and mention, as LEGAL-2.md §1–§2 say; the rates of each territory; and the bad
 * inputs of the issue, each refused by the mentions checker with a French message naming the
 * field and the rule id in the detail.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "factures-document.h"
#include "factures-identifiers.h"
#include "factures-lifecycle.h"
#include "factures-mentions.h"
#include "factures-vat.h"

typedef enum { FR_PRIVATE, FR_BUSINESS, EU_PRIVATE, EU_BUSINESS, NON_EU_PRIVATE, NON_EU_BUSINESS } Client;

static FacturesProfile *
seller_new (FacturesVatRegime regime, FacturesVatTerritory territory, const char *vat_id)
{
  FacturesProfile *p = factures_profile_new ();

  p->party.name = g_strdup ("Camille Martin EI");
  p->party.address = g_strdup ("8 quai Saint-Vincent");
  p->party.postal_code = g_strdup ("69001");
  p->party.city = g_strdup ("Lyon");
  p->party.siren = g_strdup ("732829320");
  p->party.siret = g_strdup ("73282932000074");
  p->party.vat_id = g_strdup (vat_id);
  p->vat_regime = regime;
  p->territory = territory;
  return p;
}

static FacturesClient *
client_new (Client kind)
{
  FacturesClient *c = factures_client_new ();
  const char *country = "FR";

  switch (kind)
    {
    case EU_PRIVATE:
    case EU_BUSINESS:
      country = "DE";
      break;
    case NON_EU_PRIVATE:
    case NON_EU_BUSINESS:
      country = "US";
      break;
    case FR_PRIVATE:
    case FR_BUSINESS:
    default:
      break;
    }
  g_free (c->party.country_code);
  c->party.country_code = g_strdup (country);
  c->party.name = g_strdup ("Client");
  c->party.address = g_strdup ("1 rue du Client");
  c->party.postal_code = g_strdup ("10117");
  c->party.city = g_strdup ("Ville");
  c->category = kind == FR_BUSINESS || kind == EU_BUSINESS || kind == NON_EU_BUSINESS
                ? FACTURES_CLIENT_CATEGORY_COMPANY : FACTURES_CLIENT_CATEGORY_INDIVIDUAL;
  if (kind == EU_BUSINESS)
    c->party.vat_id = g_strdup ("DE136695976");
  if (kind == FR_BUSINESS)
    {
      c->party.siren = g_strdup ("552081317");
      c->party.vat_id = g_strdup ("FR03552081317");
    }
  if (kind == NON_EU_BUSINESS)
    c->legal_id = g_strdup ("EIN 12-3456789");
  return c;
}

typedef struct {
  FacturesVatRegime    regime;
  FacturesVatTerritory territory;
  Client               client;
  FacturesLineActivity activity;
  FacturesVatExemption exemption;
  FacturesVatCategory  category;
  gint                 rate_bp;
  const char          *vatex;
  const char          *mention;
} Row;

#define FR FACTURES_VAT_REGIME_FRANCHISE
#define RG FACTURES_VAT_REGIME_REGISTERED
#define METRO FACTURES_VAT_TERRITORY_METROPOLE
#define CORSE FACTURES_VAT_TERRITORY_CORSE
#define DOM FACTURES_VAT_TERRITORY_DOM
#define GUYANE FACTURES_VAT_TERRITORY_GUYANE_MAYOTTE
#define GOODS FACTURES_LINE_ACTIVITY_GOODS
#define BIC FACTURES_LINE_ACTIVITY_SERVICES_BIC
#define BNC FACTURES_LINE_ACTIVITY_SERVICES_BNC
#define MEUBLE FACTURES_LINE_ACTIVITY_FURNISHED_TOURISM
#define NONE FACTURES_VAT_EXEMPTION_NONE
#define M_293B "TVA non applicable, art. 293 B du CGI"
#define M_AE "Autoliquidation"
#define M_259 "TVA non applicable, art. 259-1 du CGI"
#define M_294 "TVA non applicable, art. 294 du CGI"
#define M_K "Exonération de TVA, art. 262 ter I du CGI"
#define M_G "Exonération de TVA, art. 262 I du CGI"

static const Row table[] = {
  /* Franchise, metropolitan France. */
  { FR, METRO, FR_PRIVATE, BNC, NONE, FACTURES_VAT_CATEGORY_E, 0, FACTURES_VATEX_FRANCHISE, M_293B },
  { FR, METRO, FR_BUSINESS, BIC, NONE, FACTURES_VAT_CATEGORY_E, 0, FACTURES_VATEX_FRANCHISE, M_293B },
  { FR, METRO, FR_BUSINESS, GOODS, NONE, FACTURES_VAT_CATEGORY_E, 0, FACTURES_VATEX_FRANCHISE, M_293B },
  { FR, METRO, EU_BUSINESS, BNC, NONE, FACTURES_VAT_CATEGORY_AE, 0, FACTURES_VATEX_EU_AE, M_AE },
  { FR, METRO, EU_BUSINESS, BIC, NONE, FACTURES_VAT_CATEGORY_AE, 0, FACTURES_VATEX_EU_AE, M_AE },
  { FR, METRO, EU_PRIVATE, BNC, NONE, FACTURES_VAT_CATEGORY_E, 0, FACTURES_VATEX_FRANCHISE, M_293B },
  { FR, METRO, NON_EU_BUSINESS, BNC, NONE, FACTURES_VAT_CATEGORY_O, 0, FACTURES_VATEX_EU_O, M_259 },
  { FR, METRO, NON_EU_PRIVATE, BNC, NONE, FACTURES_VAT_CATEGORY_E, 0, FACTURES_VATEX_FRANCHISE, M_293B },
  { FR, METRO, EU_BUSINESS, GOODS, NONE, FACTURES_VAT_CATEGORY_E, 0, FACTURES_VATEX_FRANCHISE, M_293B },
  { FR, METRO, NON_EU_BUSINESS, GOODS, NONE, FACTURES_VAT_CATEGORY_E, 0, FACTURES_VATEX_FRANCHISE, M_293B },
  { FR, METRO, NON_EU_PRIVATE, GOODS, NONE, FACTURES_VAT_CATEGORY_E, 0, FACTURES_VATEX_FRANCHISE, M_293B },
  /* A furnished tourist let is taxed where the property is: French whoever the client. */
  { FR, METRO, EU_BUSINESS, MEUBLE, NONE, FACTURES_VAT_CATEGORY_E, 0, FACTURES_VATEX_FRANCHISE, M_293B },
  /* Exempt activities (§2), in franchise and VAT-registered alike. */
  { FR, METRO, FR_BUSINESS, BNC, FACTURES_VAT_EXEMPTION_261_4_4_A, FACTURES_VAT_CATEGORY_E, 0,
    FACTURES_VATEX_CGI261_4, "Exonération de TVA, art. 261-4-4° a du CGI" },
  { FR, METRO, FR_PRIVATE, BNC, FACTURES_VAT_EXEMPTION_261_4_4_B, FACTURES_VAT_CATEGORY_E, 0,
    FACTURES_VATEX_CGI261_4, "Exonération de TVA, art. 261-4-4° b du CGI" },
  { RG, METRO, FR_PRIVATE, BNC, FACTURES_VAT_EXEMPTION_261_4_1, FACTURES_VAT_CATEGORY_E, 0,
    FACTURES_VATEX_CGI261_4, "Exonération de TVA, art. 261-4-1° du CGI" },
  /* …but a training for a business abroad is taxed where the business is. */
  { RG, METRO, EU_BUSINESS, BNC, FACTURES_VAT_EXEMPTION_261_4_4_A, FACTURES_VAT_CATEGORY_AE, 0,
    FACTURES_VATEX_EU_AE, M_AE },
  /* VAT-registered, metropolitan France. */
  { RG, METRO, FR_PRIVATE, BNC, NONE, FACTURES_VAT_CATEGORY_S, 2000, NULL, NULL },
  { RG, METRO, FR_BUSINESS, GOODS, NONE, FACTURES_VAT_CATEGORY_S, 2000, NULL, NULL },
  { RG, METRO, EU_BUSINESS, BIC, NONE, FACTURES_VAT_CATEGORY_AE, 0, FACTURES_VATEX_EU_AE, M_AE },
  { RG, METRO, EU_PRIVATE, BIC, NONE, FACTURES_VAT_CATEGORY_S, 2000, NULL, NULL },
  { RG, METRO, NON_EU_BUSINESS, BNC, NONE, FACTURES_VAT_CATEGORY_O, 0, FACTURES_VATEX_EU_O, M_259 },
  { RG, METRO, NON_EU_PRIVATE, BNC, NONE, FACTURES_VAT_CATEGORY_S, 2000, NULL, NULL },
  { RG, METRO, EU_BUSINESS, GOODS, NONE, FACTURES_VAT_CATEGORY_K, 0, FACTURES_VATEX_EU_IC, M_K },
  { RG, METRO, EU_PRIVATE, GOODS, NONE, FACTURES_VAT_CATEGORY_S, 2000, NULL, NULL },
  { RG, METRO, NON_EU_BUSINESS, GOODS, NONE, FACTURES_VAT_CATEGORY_G, 0, FACTURES_VATEX_EU_G, M_G },
  { RG, METRO, NON_EU_PRIVATE, GOODS, NONE, FACTURES_VAT_CATEGORY_G, 0, FACTURES_VATEX_EU_G, M_G },
  { RG, METRO, EU_BUSINESS, MEUBLE, NONE, FACTURES_VAT_CATEGORY_S, 2000, NULL, NULL },
  /* Territories: the standard rate of each; nothing in Guyane and Mayotte. */
  { RG, DOM, FR_PRIVATE, BIC, NONE, FACTURES_VAT_CATEGORY_S, 850, NULL, NULL },
  { RG, CORSE, FR_PRIVATE, BIC, NONE, FACTURES_VAT_CATEGORY_S, 2000, NULL, NULL },
  { RG, DOM, EU_BUSINESS, BNC, NONE, FACTURES_VAT_CATEGORY_AE, 0, FACTURES_VATEX_EU_AE, M_AE },
  { RG, GUYANE, FR_PRIVATE, BIC, NONE, FACTURES_VAT_CATEGORY_O, 0, FACTURES_VATEX_EU_O, M_294 },
  { RG, GUYANE, EU_BUSINESS, GOODS, NONE, FACTURES_VAT_CATEGORY_O, 0, FACTURES_VATEX_EU_O, M_294 },
  { FR, GUYANE, FR_PRIVATE, BNC, NONE, FACTURES_VAT_CATEGORY_O, 0, FACTURES_VATEX_EU_O, M_294 },
};

static void
test_proposal_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      const Row *row = &table[i];
      g_autoptr(FacturesProfile) seller = seller_new (row->regime, row->territory, "FR44732829320");
      g_autoptr(FacturesClient) client = client_new (row->client);
      FacturesVatProposal proposal;

      factures_vat_propose (seller, client, row->activity, row->exemption, &proposal);
      if (proposal.category != row->category)
        g_printerr ("row %u: got %s, want %s\n", i, factures_vat_category_code (proposal.category),
                    factures_vat_category_code (row->category));
      g_assert_cmpint (proposal.category, ==, row->category);
      g_assert_cmpint (proposal.rate_bp, ==, row->rate_bp);
      g_assert_cmpstr (proposal.vatex, ==, row->vatex);
      g_assert_cmpstr (proposal.mention, ==, row->mention);
      g_assert_nonnull (proposal.source);
      /* Z is never proposed: France has no zero rate. */
      g_assert_cmpint (proposal.category, !=, FACTURES_VAT_CATEGORY_Z);
    }
}

/* Decisions the references leave open are marked "to confirm". */
static void
test_proposal_to_confirm (void)
{
  g_autoptr(FacturesProfile) franchise = seller_new (FR, METRO, NULL);
  g_autoptr(FacturesProfile) guyane = seller_new (RG, GUYANE, "FR44732829320");
  g_autoptr(FacturesProfile) registered = seller_new (RG, METRO, "FR44732829320");
  g_autoptr(FacturesClient) us = client_new (NON_EU_BUSINESS);
  g_autoptr(FacturesClient) fr = client_new (FR_PRIVATE);
  FacturesVatProposal p;

  factures_vat_propose (franchise, us, GOODS, NONE, &p);
  g_assert_true (p.to_confirm);
  factures_vat_propose (guyane, fr, BNC, NONE, &p);
  g_assert_true (p.to_confirm);
  factures_vat_propose (registered, fr, BNC, NONE, &p);
  g_assert_false (p.to_confirm);
}

static void
test_rates (void)
{
  static const gint metro[] = { 2000, 1000, 550, 210 };
  static const gint corse[] = { 2000, 1300, 1000, 550, 210, 90 };
  static const gint dom[] = { 850, 210, 175, 105 };
  const FacturesVatRate *rates;
  guint n;

  rates = factures_vat_rates (METRO, &n);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (metro));
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (rates[i].rate_bp, ==, metro[i]);
      g_assert_true (g_str_has_prefix (rates[i].source, "art. "));
    }
  rates = factures_vat_rates (CORSE, &n);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (corse));
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (rates[i].rate_bp, ==, corse[i]);
  g_assert_nonnull (strstr (rates[1].source, "297"));
  rates = factures_vat_rates (DOM, &n);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (dom));
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (rates[i].rate_bp, ==, dom[i]);
  g_assert_nonnull (strstr (rates[0].source, "296"));
  g_assert_null (factures_vat_rates (GUYANE, &n));
  g_assert_cmpuint (n, ==, 0);

  g_assert_true (factures_vat_rate_allowed (DOM, 850));
  g_assert_false (factures_vat_rate_allowed (DOM, 2000));
  g_assert_true (factures_vat_rate_allowed (CORSE, 90));
  g_assert_false (factures_vat_rate_allowed (METRO, 1300));
  g_assert_cmpint (factures_vat_standard_rate (GUYANE), ==, 0);
}

static void
test_codes (void)
{
  for (guint c = FACTURES_VAT_CATEGORY_S; c <= FACTURES_VAT_CATEGORY_LAST; c++)
    g_assert_cmpint (factures_vat_category_from_code (factures_vat_category_code (c)), ==, c);
  g_assert_cmpint (factures_vat_category_from_code ("L"), ==, FACTURES_VAT_CATEGORY_UNSET);
  g_assert_cmpint (factures_vat_category_from_code (NULL), ==, FACTURES_VAT_CATEGORY_UNSET);
  g_assert_cmpint (factures_vat_client_zone ("EL"), ==, FACTURES_VAT_CLIENT_EU);
  g_assert_cmpint (factures_vat_client_zone ("GB"), ==, FACTURES_VAT_CLIENT_NON_EU);
  g_assert_cmpint (factures_vat_client_zone ("RE"), ==, FACTURES_VAT_CLIENT_FRANCE);
  g_assert_cmpint (factures_vat_client_zone (NULL), ==, FACTURES_VAT_CLIENT_FRANCE);
}

/* ---- the document: nature of the operation, breakdown ---- */

static FacturesDocument *
document_new (FacturesProfile *seller, FacturesClient *buyer)
{
  FacturesDocument *doc = factures_document_new (FACTURES_DOCUMENT_KIND_INVOICE);

  doc->seller = seller;
  doc->buyer = buyer;
  g_date_set_dmy (&doc->issue_date, 30, 11, 2026);
  doc->due_date = doc->issue_date;
  return doc;
}

static FacturesLine *
line_add (FacturesDocument *doc, FacturesLineActivity activity, FacturesVatExemption exemption)
{
  FacturesLine *line = factures_line_new ();
  FacturesVatProposal p;

  line->description = g_strdup ("Ligne");
  line->unit_price = 100000000;
  line->activity = activity;
  factures_vat_propose (doc->seller, doc->buyer, activity, exemption, &p);
  factures_vat_apply_proposal (line, &p);
  g_ptr_array_add (doc->lines, line);
  return line;
}

static void
test_nature (void)
{
  g_autoptr(FacturesDocument) doc = document_new (seller_new (FR, METRO, NULL), client_new (FR_PRIVATE));

  /* The profile says services, a line sells books: the lines decide. */
  doc->seller->activity = FACTURES_ACTIVITY_SERVICES;
  line_add (doc, GOODS, NONE);
  g_assert_cmpstr (factures_vat_document_activity_mention (doc), ==, "livraison de biens");
  g_assert_cmpstr (factures_vat_document_process_code (doc), ==, "B1");
  line_add (doc, BNC, NONE);
  g_assert_cmpstr (factures_vat_document_activity_mention (doc), ==,
                   "livraison de biens et prestation de services");
  g_assert_cmpstr (factures_vat_document_process_code (doc), ==, "M1");
  g_ptr_array_remove_index (doc->lines, 0);
  g_assert_cmpstr (factures_vat_document_process_code (doc), ==, "S1");

  /* A line without an activity takes the profile's. */
  {
    g_autoptr(FacturesLine) line = factures_line_new ();

    doc->seller->activity = FACTURES_ACTIVITY_GOODS;
    g_assert_cmpint (factures_vat_line_activity (line, doc->seller), ==, GOODS);
    doc->seller->activity = FACTURES_ACTIVITY_SERVICES;
    doc->seller->registry = FACTURES_REGISTRY_RCS;
    g_assert_cmpint (factures_vat_line_activity (line, doc->seller), ==, BIC);
    doc->seller->registry = FACTURES_REGISTRY_NONE;
    g_assert_cmpint (factures_vat_line_activity (line, doc->seller), ==, BNC);
    doc->seller->line_activity = MEUBLE;
    g_assert_cmpint (factures_vat_line_activity (line, doc->seller), ==, MEUBLE);
  }
}

static void
test_breakdown (void)
{
  g_autoptr(FacturesDocument) doc = document_new (seller_new (FR, METRO, NULL), client_new (FR_PRIVATE));
  g_auto(FacturesTotals) totals = { 0 };
  const FacturesVatBreakdown *row;

  /* 261 and 293 B on one invoice: one E row (BR-E-08), one mention per basis. */
  line_add (doc, BNC, FACTURES_VAT_EXEMPTION_261_4_4_B);
  line_add (doc, GOODS, NONE);
  g_assert_true (factures_document_compute_totals (doc, &totals, NULL));
  g_assert_cmpuint (totals.breakdown->len, ==, 1);
  row = &g_array_index (totals.breakdown, FacturesVatBreakdown, 0);
  g_assert_cmpint (row->vat_category, ==, FACTURES_VAT_CATEGORY_E);
  g_assert_cmpint (row->base, ==, 20000);
  g_assert_cmpstr (row->vatex, ==, FACTURES_VATEX_CGI261_4);
  g_assert_cmpstr (row->reason, ==, "Exonération de TVA, art. 261-4-4° b du CGI\n" M_293B);
  factures_totals_clear (&totals);

  /* A registered seller: an S row per rate, one AE row. */
  {
    g_autoptr(FacturesDocument) d2 = document_new (seller_new (RG, METRO, "FR44732829320"),
                                                   client_new (EU_BUSINESS));
    FacturesLine *line;

    line_add (d2, BIC, NONE);
    line = line_add (d2, BIC, NONE);
    line->vat_category = FACTURES_VAT_CATEGORY_S;
    line->vat_rate_bp = 550;
    line->override_reason = g_strdup ("Livres");
    g_assert_true (factures_document_compute_totals (d2, &totals, NULL));
    g_assert_cmpuint (totals.breakdown->len, ==, 2);
    row = &g_array_index (totals.breakdown, FacturesVatBreakdown, 0);
    g_assert_cmpint (row->vat_category, ==, FACTURES_VAT_CATEGORY_S);
    g_assert_cmpint (row->rate_bp, ==, 550);
    g_assert_cmpint (row->vat, ==, 550);
    row = &g_array_index (totals.breakdown, FacturesVatBreakdown, 1);
    g_assert_cmpint (row->vat_category, ==, FACTURES_VAT_CATEGORY_AE);
    g_assert_cmpstr (row->reason, ==, M_AE);
    g_assert_cmpint (totals.vat_total, ==, 550);
  }
}

/* A deposit invoice's share of a reverse-charged quote keeps the category, mention and activity. */
static void
test_deposit_share (void)
{
  g_autoptr(FacturesDocument) quote = document_new (seller_new (FR, METRO, "FR44732829320"),
                                                    client_new (EU_BUSINESS));
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  const FacturesLine *line;

  line_add (quote, BIC, NONE);
  lines = factures_lifecycle_amount_lines (quote, 3000, 0, "Acompte de 30 %", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 1);
  line = lines->pdata[0];
  g_assert_cmpint (line->vat_category, ==, FACTURES_VAT_CATEGORY_AE);
  g_assert_cmpint (line->activity, ==, BIC);
  g_assert_cmpstr (line->vatex, ==, FACTURES_VATEX_EU_AE);
  g_assert_cmpstr (line->exemption_reason, ==, M_AE);
  g_assert_cmpint (line->unit_price, ==, 30 * FACTURES_UNIT_PRICE_ONE);
}

/* ---- bad input: refused with the field and the rule ---- */

/* The errors of factures_mentions_check() whose code starts with "vat-". */
static GPtrArray *
vat_errors (const FacturesDocument *doc)
{
  g_autoptr(GPtrArray) all = factures_mentions_check (doc);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_missing_mention_free);

  while (all->len > 0)
    {
      FacturesMissingMention *m = g_ptr_array_steal_index (all, 0);

      if (m->severity == FACTURES_MENTION_ERROR && g_str_has_prefix (m->code, "vat-"))
        g_ptr_array_add (out, m);
      else
        factures_missing_mention_free (m);
    }
  return out;
}

static void
assert_refused (const FacturesDocument *doc,
                const char             *code,
                const char             *rule,
                const char             *field)
{
  g_autoptr(GPtrArray) errors = vat_errors (doc);
  gboolean found = FALSE;

  for (guint i = 0; i < errors->len; i++)
    {
      FacturesMissingMention *m = errors->pdata[i];

      if (strcmp (m->code, code) != 0)
        continue;
      found = TRUE;
      g_assert_nonnull (m->detail);
      g_assert_nonnull (strstr (m->detail, rule));
      if (field != NULL)
        g_assert_nonnull (strstr (m->message, field));
    }
  if (!found)
    g_printerr ("%s not found (%u errors)\n", code, errors->len);
  g_assert_true (found);
}

static void
assert_no_vat_errors (const FacturesDocument *doc)
{
  g_autoptr(GPtrArray) errors = vat_errors (doc);

  for (guint i = 0; i < errors->len; i++)
    g_printerr ("unexpected: %s\n", ((FacturesMissingMention *) errors->pdata[i])->message);
  g_assert_cmpuint (errors->len, ==, 0);
}

static void
test_bad_input (void)
{
  /* An AE line without the client's VAT number. */
  {
    g_autoptr(FacturesDocument) doc = document_new (seller_new (FR, METRO, "FR44732829320"),
                                                    client_new (EU_BUSINESS));

    line_add (doc, BNC, NONE);
    assert_no_vat_errors (doc);
    g_clear_pointer (&doc->buyer->party.vat_id, g_free);
    assert_refused (doc, "vat-ae-buyer", "BR-AE-02", "VAT number");
  }
  /* AE by a seller without an intra-community VAT number: ask the SIE (art. 286 ter). */
  {
    g_autoptr(FacturesDocument) doc = document_new (seller_new (FR, METRO, NULL), client_new (EU_BUSINESS));

    line_add (doc, BNC, NONE);
    assert_refused (doc, "vat-ae-seller", "286 ter", "SIE");
  }
  /* An O line to a client with an EU VAT number. */
  {
    g_autoptr(FacturesDocument) doc = document_new (seller_new (RG, METRO, "FR44732829320"),
                                                    client_new (NON_EU_BUSINESS));

    line_add (doc, BNC, NONE);
    assert_no_vat_errors (doc);
    doc->buyer->party.vat_id = g_strdup ("DE136695976");
    assert_refused (doc, "vat-o-vat-id", "BR-O-02", "VAT number");
  }
  /* O with another category on the same invoice. */
  {
    g_autoptr(FacturesDocument) doc = document_new (seller_new (RG, METRO, "FR44732829320"),
                                                    client_new (NON_EU_BUSINESS));
    FacturesLine *line;

    line_add (doc, BNC, NONE);
    line = line_add (doc, BNC, NONE);
    line->vat_category = FACTURES_VAT_CATEGORY_S;
    line->vat_rate_bp = 2000;
    line->override_reason = g_strdup ("Prestation utilisée en France");
    assert_refused (doc, "vat-o-mixed", "BR-O-11", NULL);
  }
  /* A K line from a franchise seller. */
  {
    g_autoptr(FacturesDocument) doc = document_new (seller_new (FR, METRO, "FR44732829320"),
                                                    client_new (EU_BUSINESS));
    FacturesLine *line = line_add (doc, GOODS, NONE);

    line->vat_category = FACTURES_VAT_CATEGORY_K;
    line->override_reason = g_strdup ("essai");
    assert_refused (doc, "vat-franchise", "262 ter I", "VAT category");
  }
  /* A G line without the seller's VAT number. */
  {
    g_autoptr(FacturesDocument) doc = document_new (seller_new (RG, METRO, "FR44732829320"),
                                                    client_new (NON_EU_BUSINESS));

    line_add (doc, GOODS, NONE);
    assert_no_vat_errors (doc);
    g_clear_pointer (&doc->seller->party.vat_id, g_free);
    assert_refused (doc, "vat-g-seller", "BR-G-02", "VAT number");
  }
  /* A K line without the client's VAT number. */
  {
    g_autoptr(FacturesDocument) doc = document_new (seller_new (RG, METRO, "FR44732829320"),
                                                    client_new (EU_BUSINESS));

    line_add (doc, GOODS, NONE);
    assert_no_vat_errors (doc);
    g_clear_pointer (&doc->buyer->party.vat_id, g_free);
    assert_refused (doc, "vat-ic-buyer", "BR-IC-02", "VAT number");
  }
  /* A French rate in a DOM establishment. */
  {
    g_autoptr(FacturesDocument) doc = document_new (seller_new (RG, DOM, "FR44732829320"),
                                                    client_new (FR_PRIVATE));
    FacturesLine *line = line_add (doc, BIC, NONE);

    assert_no_vat_errors (doc);
    line->vat_rate_bp = 2000;
    assert_refused (doc, "vat-rate", "296", "VAT rate");
  }
  /* VAT in Guyane. */
  {
    g_autoptr(FacturesDocument) doc = document_new (seller_new (RG, GUYANE, "FR44732829320"),
                                                    client_new (FR_PRIVATE));
    FacturesLine *line = line_add (doc, BIC, NONE);

    line->vat_category = FACTURES_VAT_CATEGORY_S;
    line->vat_rate_bp = 2000;
    assert_refused (doc, "vat-territory", "294", "VAT");
  }
  /* A rate on a line that carries no VAT. */
  {
    g_autoptr(FacturesDocument) doc = document_new (seller_new (RG, METRO, "FR44732829320"),
                                                    client_new (EU_BUSINESS));
    FacturesLine *line = line_add (doc, BIC, NONE);

    line->vat_rate_bp = 2000;
    assert_refused (doc, "vat-rate", "BR-AE-05", "VAT rate");
  }
  /* Franchise charging VAT. */
  {
    g_autoptr(FacturesDocument) doc = document_new (seller_new (FR, METRO, NULL), client_new (FR_PRIVATE));
    FacturesLine *line = line_add (doc, BIC, NONE);

    line->vat_category = FACTURES_VAT_CATEGORY_S;
    line->vat_rate_bp = 2000;
    assert_refused (doc, "vat-franchise", "293 B", "VAT category");
  }
  /* Another (lawful) treatment than the proposal needs a reason: a service to a private client
   * outside the EU placed outside the scope (art. 259 B, left to an override). An E line without
   * its legal basis is refused whatever the reason (test_override_impossible()). */
  {
    g_autoptr(FacturesDocument) doc = document_new (seller_new (RG, METRO, "FR44732829320"),
                                                    client_new (NON_EU_PRIVATE));
    FacturesLine *line = line_add (doc, BIC, NONE);

    g_assert_cmpint (line->vat_category, ==, FACTURES_VAT_CATEGORY_S);
    line->vat_category = FACTURES_VAT_CATEGORY_O;
    line->vat_rate_bp = 0;
    assert_refused (doc, "vat-override", "art.", "Reason for the change");
    line->override_reason = g_strdup ("Service utilisé hors de l’UE (art. 259 B du CGI)");
    assert_no_vat_errors (doc);
  }
  /* The draft gate refuses what no client could make valid. */
  {
    g_autoptr(FacturesProfile) dom = seller_new (RG, DOM, "FR44732829320");
    g_autoptr(FacturesLine) line = factures_line_new ();
    g_autoptr(GError) error = NULL;

    line->activity = BIC;
    line->vat_category = FACTURES_VAT_CATEGORY_S;
    line->vat_rate_bp = 850;
    g_assert_true (factures_vat_check_line (line, 0, dom, NULL));
    line->vat_rate_bp = 2000;
    g_assert_false (factures_vat_check_line (line, 2, dom, &error));
    g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Line 3"));
    g_assert_nonnull (strstr (error->message, "296"));
  }
}

/* An override reason justifies choosing among lawful treatments, never an unlawful one: E
 * without its legal basis, G to the EU, K on a service, Z on a French operation (tester's
 * findings 2 and 3). */
static void
test_override_impossible (void)
{
  /* E from a VAT-registered seller with a mere reason: no article of the CGI to print. */
  {
    g_autoptr(FacturesDocument) doc = document_new (seller_new (RG, METRO, "FR44732829320"),
                                                    client_new (FR_BUSINESS));
    FacturesLine *line = line_add (doc, BNC, NONE);

    line->vat_category = FACTURES_VAT_CATEGORY_E;
    line->vat_rate_bp = 0;
    line->override_reason = g_strdup ("Client exonéré");
    assert_refused (doc, "vat-e-basis", "BR-E-10", "Line 1");
    /* With an exempt activity of the profile and its mention: lawful. */
    line->exemption_reason = g_strdup (factures_vat_exemption_mention (FACTURES_VAT_EXEMPTION_261_4_4_A));
    assert_refused (doc, "vat-e-basis", "BR-E-10", "Line 1");
    g_ptr_array_add (doc->seller->exempt_activities,
                     factures_exempt_activity_new ("Formation", FACTURES_VAT_EXEMPTION_261_4_4_A));
    assert_no_vat_errors (doc);
  }
  /* In franchise, E carries 293 B: lawful. */
  {
    g_autoptr(FacturesDocument) doc = document_new (seller_new (FR, METRO, NULL), client_new (FR_BUSINESS));

    line_add (doc, BNC, NONE);
    assert_no_vat_errors (doc);
  }
  /* G (export) to a business in a member state, whatever the reason. */
  {
    g_autoptr(FacturesDocument) doc = document_new (seller_new (RG, METRO, "FR44732829320"),
                                                    client_new (EU_BUSINESS));
    FacturesLine *line = line_add (doc, GOODS, NONE);

    g_assert_cmpint (line->vat_category, ==, FACTURES_VAT_CATEGORY_K);
    line->vat_category = FACTURES_VAT_CATEGORY_G;
    g_clear_pointer (&line->vatex, g_free);
    g_clear_pointer (&line->exemption_reason, g_free);
    line->override_reason = g_strdup ("Livré hors UE");
    assert_refused (doc, "vat-g-zone", "262 I", "Line 1");
  }
  /* K on a service line, whatever the reason. */
  {
    g_autoptr(FacturesDocument) doc = document_new (seller_new (RG, METRO, "FR44732829320"),
                                                    client_new (EU_BUSINESS));
    FacturesLine *line = line_add (doc, BNC, NONE);

    line->vat_category = FACTURES_VAT_CATEGORY_K;
    g_clear_pointer (&line->vatex, g_free);
    g_clear_pointer (&line->exemption_reason, g_free);
    line->override_reason = g_strdup ("Comme l’an dernier");
    assert_refused (doc, "vat-k-services", "262 ter I", "Line 1");
  }
  /* Z on a French operation, whatever the reason. */
  {
    g_autoptr(FacturesDocument) doc = document_new (seller_new (RG, METRO, "FR44732829320"),
                                                    client_new (FR_BUSINESS));
    FacturesLine *line = line_add (doc, BNC, NONE);

    line->vat_category = FACTURES_VAT_CATEGORY_Z;
    line->vat_rate_bp = 0;
    line->override_reason = g_strdup ("Taux zéro");
    assert_refused (doc, "vat-z-france", "BR-FR-15", "Line 1");
  }
}

/* Lines without a category get the core's proposal (tester's finding 1): S keeps its rate. */
static void
test_resolve_lines (void)
{
  struct { FacturesVatRegime regime; FacturesLineActivity activity; FacturesVatCategory category;
           const char *mention; } cases[] = {
    { RG, BNC, FACTURES_VAT_CATEGORY_AE, M_AE },
    { RG, GOODS, FACTURES_VAT_CATEGORY_K, M_K },
    { FR, BNC, FACTURES_VAT_CATEGORY_AE, M_AE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FacturesDocument) doc = document_new (seller_new (cases[i].regime, METRO, "FR44732829320"),
                                                      client_new (EU_BUSINESS));
      FacturesLine *line = factures_line_new ();

      line->description = g_strdup ("Ligne");
      line->quantity = 10000;
      line->unit_price = 100000000;
      line->vat_rate_bp = 2000;
      line->activity = cases[i].activity;
      g_ptr_array_add (doc->lines, line);
      factures_vat_resolve_lines (doc);
      g_assert_cmpint (line->vat_category, ==, cases[i].category);
      g_assert_cmpint (line->vat_rate_bp, ==, 0);
      g_assert_cmpstr (line->exemption_reason, ==, cases[i].mention);
      assert_no_vat_errors (doc);
    }
  /* A credit note mirrors its invoice: an old line (no category) stays as invoiced. */
  {
    g_autoptr(FacturesDocument) doc = document_new (seller_new (RG, METRO, "FR44732829320"),
                                                    client_new (EU_BUSINESS));
    FacturesLine *line = factures_line_new ();

    doc->kind = FACTURES_DOCUMENT_KIND_CREDIT_NOTE;
    line->vat_rate_bp = 2000;
    line->activity = BNC;
    g_ptr_array_add (doc->lines, line);
    factures_vat_resolve_lines (doc);
    g_assert_cmpint (line->vat_category, ==, FACTURES_VAT_CATEGORY_UNSET);
    g_assert_cmpint (line->vat_rate_bp, ==, 2000);
  }
  /* A French client: S, the typed rate kept. */
  {
    g_autoptr(FacturesDocument) doc = document_new (seller_new (RG, METRO, "FR44732829320"),
                                                    client_new (FR_BUSINESS));
    FacturesLine *line = factures_line_new ();

    line->description = g_strdup ("Livre");
    line->quantity = 10000;
    line->unit_price = 100000000;
    line->vat_rate_bp = 550;
    g_ptr_array_add (doc->lines, line);
    factures_vat_resolve_lines (doc);
    g_assert_cmpint (line->vat_category, ==, FACTURES_VAT_CATEGORY_S);
    g_assert_cmpint (line->vat_rate_bp, ==, 550);
  }
}

/* A débours (art. 267 II 2° du CGI) carries no VAT whatever its row says: E with VATEX-EU-79-C
 * and its mention beside S or franchise lines, O on an invoice whose other lines are all O
 * (BR-O-11); a draft's débours line is not refused for its row's VAT. */
static void
add_debours (FacturesDocument *doc, gint rate_bp)
{
  FacturesLine *line = factures_line_new ();

  line->description = g_strdup ("Frais de greffe payés pour le client");
  line->quantity = 10000;
  line->unit_price = 37450000;
  line->vat_category = FACTURES_VAT_CATEGORY_S;
  line->vat_rate_bp = rate_bp;
  line->debours = TRUE;
  g_ptr_array_add (doc->lines, line);
}

static void
test_debours (void)
{
  /* VAT-registered seller: the service taxed, the débours not. */
  {
    g_autoptr(FacturesDocument) doc = document_new (seller_new (RG, METRO, "FR44732829320"),
                                                    client_new (FR_BUSINESS));
    g_auto(FacturesTotals) totals = { 0 };
    FacturesLine *debours;
    FacturesVatProposal p;

    line_add (doc, BNC, NONE)->quantity = 10000;
    add_debours (doc, 2000);
    debours = doc->lines->pdata[1];
    g_assert_true (factures_vat_check_line (debours, 1, doc->seller, NULL));
    factures_vat_resolve_lines (doc);
    g_assert_cmpint (debours->vat_category, ==, FACTURES_VAT_CATEGORY_E);
    g_assert_cmpint (debours->vat_rate_bp, ==, 0);
    g_assert_cmpstr (debours->vatex, ==, FACTURES_VATEX_EU_79_C);
    g_assert_cmpstr (debours->exemption_reason, ==, FACTURES_VAT_MENTION_DEBOURS);
    g_assert_true (factures_vat_line_proposal (doc, debours, &p));
    assert_no_vat_errors (doc);
    g_assert_true (factures_document_compute_totals (doc, &totals, NULL));
    g_assert_cmpint (totals.vat_total, ==, 2000);   /* 20 % of 100,00 € only */
    g_assert_cmpint (totals.gross_total, ==, 10000 + 2000 + 3745);
    g_assert_cmpuint (totals.breakdown->len, ==, 2);
    g_assert_cmpstr (g_array_index (totals.breakdown, FacturesVatBreakdown, 1).vatex, ==, FACTURES_VATEX_EU_79_C);
  }
  /* Franchise: the débours shares the E row, whose code stays the franchise's. */
  {
    g_autoptr(FacturesDocument) doc = document_new (seller_new (FR, METRO, NULL), client_new (FR_PRIVATE));
    g_auto(FacturesTotals) totals = { 0 };
    const FacturesVatBreakdown *row;

    add_debours (doc, 2000);
    line_add (doc, BNC, NONE)->quantity = 10000;
    g_assert_true (factures_vat_check_line (doc->lines->pdata[0], 0, doc->seller, NULL));
    factures_vat_resolve_lines (doc);
    assert_no_vat_errors (doc);
    g_assert_true (factures_document_compute_totals (doc, &totals, NULL));
    g_assert_cmpint (totals.vat_total, ==, 0);
    g_assert_cmpuint (totals.breakdown->len, ==, 1);
    row = &g_array_index (totals.breakdown, FacturesVatBreakdown, 0);
    g_assert_cmpstr (row->vatex, ==, FACTURES_VATEX_FRANCHISE);
    g_assert_nonnull (strstr (row->reason, M_293B));
    g_assert_nonnull (strstr (row->reason, "art. 267 II 2° du CGI"));
  }
  /* Services to a business outside the EU (O): the débours is O too (BR-O-11). */
  {
    g_autoptr(FacturesDocument) doc = document_new (seller_new (RG, METRO, "FR44732829320"),
                                                    client_new (NON_EU_BUSINESS));
    FacturesLine *debours;

    line_add (doc, BNC, NONE)->quantity = 10000;
    add_debours (doc, 2000);
    debours = doc->lines->pdata[1];
    factures_vat_resolve_lines (doc);
    g_assert_cmpint (debours->vat_category, ==, FACTURES_VAT_CATEGORY_O);
    g_assert_cmpint (debours->vat_rate_bp, ==, 0);
    g_assert_cmpstr (debours->exemption_reason, ==, FACTURES_VAT_MENTION_DEBOURS);
    assert_no_vat_errors (doc);
  }
}

/* A UK VAT number (HMRC check digits); a company outside the EU identified by its legal
 * identifier is not reminded of a VAT number (tester's finding 4). */
static void
test_uk_client (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  g_assert_true (factures_vat_id_check ("GB980780684", &out, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, "GB980780684");
  g_clear_pointer (&out, g_free);
  g_assert_true (factures_vat_id_check ("GB 980 7806 84 000", &out, &error));
  g_assert_no_error (error);
  g_clear_pointer (&out, g_free);
  g_assert_false (factures_vat_id_check ("GB980780685", &out, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (factures_vat_id_check ("GBGD001", &out, NULL));
  g_clear_pointer (&out, g_free);
  g_assert_false (factures_vat_id_check ("GBGD888", &out, NULL));

  {
    g_autoptr(FacturesDocument) doc = document_new (seller_new (RG, METRO, "FR44732829320"),
                                                    client_new (NON_EU_BUSINESS));
    g_autoptr(GPtrArray) all = NULL;

    g_free (doc->buyer->party.country_code);
    doc->buyer->party.country_code = g_strdup ("GB");
    line_add (doc, BNC, NONE);
    all = factures_mentions_check (doc);
    for (guint i = 0; i < all->len; i++)
      g_assert_cmpstr (((FacturesMissingMention *) all->pdata[i])->code, !=, "buyer-vat-id");
  }
}

/* Sixth trial, finding 7: a débours line is checked before issue as it will be issued (no VAT,
 * factures_vat_resolve_lines()): its row at 0 % without a category, or E without a legal basis,
 * is not refused on a VAT-registered seller's draft. */
static void
test_debours_draft (void)
{
  for (guint variant = 0; variant < 3; variant++)
    {
      g_autoptr(FacturesDocument) doc = document_new (seller_new (RG, METRO, "FR44732829320"),
                                                      client_new (FR_BUSINESS));
      g_autoptr(GPtrArray) all = NULL;
      FacturesLine *debours;

      line_add (doc, BNC, NONE)->quantity = 10000;
      add_debours (doc, 0);
      debours = doc->lines->pdata[1];
      if (variant == 0)
        {
          debours->vat_category = FACTURES_VAT_CATEGORY_UNSET;   /* a row from the JSON import */
          debours->activity = FACTURES_LINE_ACTIVITY_DEFAULT;
        }
      else if (variant == 1)
        debours->vat_category = FACTURES_VAT_CATEGORY_E;       /* E without its basis */
      else
        debours->vat_rate_bp = 1234;                          /* no French rate */
      all = factures_mentions_check (doc);
      for (guint i = 0; i < all->len; i++)
        {
          const FacturesMissingMention *m = all->pdata[i];

          if (m->severity == FACTURES_MENTION_ERROR &&
              (g_str_has_prefix (m->code, "vat-") || g_str_has_prefix (m->code, "line-vat")))
            g_error ("variant %u: unexpected %s: %s", variant, m->code, m->message);
        }
      factures_vat_resolve_lines (doc);
      g_assert_cmpint (debours->vat_category, ==, FACTURES_VAT_CATEGORY_E);
      g_assert_cmpint (debours->vat_rate_bp, ==, 0);
      assert_no_vat_errors (doc);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/vat/proposal/table", test_proposal_table);
  g_test_add_func ("/vat/proposal/to-confirm", test_proposal_to_confirm);
  g_test_add_func ("/vat/rates", test_rates);
  g_test_add_func ("/vat/codes", test_codes);
  g_test_add_func ("/vat/document/nature", test_nature);
  g_test_add_func ("/vat/document/breakdown", test_breakdown);
  g_test_add_func ("/vat/document/deposit-share", test_deposit_share);
  g_test_add_func ("/vat/check/bad-input", test_bad_input);
  g_test_add_func ("/vat/check/override-impossible", test_override_impossible);
  g_test_add_func ("/vat/check/resolve-lines", test_resolve_lines);
  g_test_add_func ("/vat/check/uk-client", test_uk_client);
  g_test_add_func ("/vat/check/debours", test_debours);
  g_test_add_func ("/vat/check/debours-draft", test_debours_draft);
  return g_test_run ();
}
