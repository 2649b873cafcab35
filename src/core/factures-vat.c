/* factures-vat.c — the VAT treatment of a line (see factures-vat.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "factures-document.h"
#include "factures-vat.h"
#include "factures-identifiers-eu.h"
#include "factures-mentions.h"

/* ---- activities ---------------------------------------------------------- */

/**
 * factures_line_activity_is_goods:
 * @activity: a resolved line activity
 *
 * Returns: %TRUE for a supply of goods.
 */
gboolean
factures_line_activity_is_goods (FacturesLineActivity activity)
{
  return activity == FACTURES_LINE_ACTIVITY_GOODS;
}

/**
 * factures_line_activity_label:
 * @activity: a line activity
 *
 * Returns: (transfer none): its translated name, for the UI.
 */
const char *
factures_line_activity_label (FacturesLineActivity activity)
{
  switch (activity)
    {
    case FACTURES_LINE_ACTIVITY_GOODS:
      return _("Sale of goods");
    case FACTURES_LINE_ACTIVITY_SERVICES_BIC:
      return _("Commercial or craft services (BIC)");
    case FACTURES_LINE_ACTIVITY_SERVICES_BNC:
      return _("Professional services (BNC)");
    case FACTURES_LINE_ACTIVITY_FURNISHED_TOURISM:
      return _("Classified furnished tourist accommodation");
    case FACTURES_LINE_ACTIVITY_DEFAULT:
    default:
      return _("Profile default");
    }
}

/* ---- territories and rates ----------------------------------------------- */

/**
 * factures_vat_territory_label:
 * @territory: a territory
 *
 * Returns: (transfer none): its translated name.
 */
const char *
factures_vat_territory_label (FacturesVatTerritory territory)
{
  switch (territory)
    {
    case FACTURES_VAT_TERRITORY_CORSE:
      return _("Corsica");
    case FACTURES_VAT_TERRITORY_DOM:
      return _("Guadeloupe, Martinique, La Réunion");
    case FACTURES_VAT_TERRITORY_GUYANE_MAYOTTE:
      return _("French Guiana, Mayotte");
    case FACTURES_VAT_TERRITORY_METROPOLE:
    default:
      return _("Metropolitan France");
    }
}

/* Rates as data, with their source (CGI articles; LEGAL.md §8 BR-FR-16 lists them all). */
static const FacturesVatRate metropole_rates[] = {
  { 2000, "taux normal", "art. 278 du CGI" },
  { 1000, "taux intermédiaire", "art. 279 du CGI" },
  { 550, "taux réduit", "art. 278-0 bis du CGI" },
  { 210, "taux particulier", "art. 281 quater à 281 nonies du CGI" },
};

static const FacturesVatRate corse_rates[] = {
  { 2000, "taux normal", "art. 278 du CGI" },
  { 1300, "taux particulier Corse (produits pétroliers)", "art. 297 I 1° du CGI" },
  { 1000, "taux Corse", "art. 297 I 2° du CGI" },
  { 550, "taux réduit", "art. 278-0 bis du CGI" },
  { 210, "taux Corse", "art. 297 I 3° du CGI" },
  { 90, "taux Corse", "art. 297 I 4° du CGI" },
};

static const FacturesVatRate dom_rates[] = {
  { 850, "taux normal DOM", "art. 296-1° b du CGI" },
  { 210, "taux réduit DOM", "art. 296-1° a du CGI" },
  { 175, "taux particulier DOM", "art. 296 ter du CGI" },
  { 105, "taux particulier DOM (presse)", "art. 298 septies du CGI" },
};

/**
 * factures_vat_rates:
 * @territory: where the seller is established
 * @n_rates: (out): the number of rates
 *
 * See factures-vat.h.
 *
 * Returns: (transfer none) (array length=n_rates): static data, NULL when none.
 */
const FacturesVatRate *
factures_vat_rates (FacturesVatTerritory territory,
                    guint               *n_rates)
{
  switch (territory)
    {
    case FACTURES_VAT_TERRITORY_METROPOLE:
      *n_rates = G_N_ELEMENTS (metropole_rates);
      return metropole_rates;
    case FACTURES_VAT_TERRITORY_CORSE:
      *n_rates = G_N_ELEMENTS (corse_rates);
      return corse_rates;
    case FACTURES_VAT_TERRITORY_DOM:
      *n_rates = G_N_ELEMENTS (dom_rates);
      return dom_rates;
    case FACTURES_VAT_TERRITORY_GUYANE_MAYOTTE:
    default:
      *n_rates = 0;
      return NULL;
    }
}

/**
 * factures_vat_rate_allowed:
 * @territory: where the seller is established
 * @rate_bp: a rate in basis points
 *
 * Returns: %TRUE when @rate_bp is one of the territory's S rates.
 */
gboolean
factures_vat_rate_allowed (FacturesVatTerritory territory,
                           gint                 rate_bp)
{
  guint n = 0, i;
  const FacturesVatRate *rates = factures_vat_rates (territory, &n);

  for (i = 0; i < n; i++)
    if (rates[i].rate_bp == rate_bp)
      return TRUE;
  return FALSE;
}

/**
 * factures_vat_standard_rate:
 * @territory: where the seller is established
 *
 * Returns: the highest S rate of @territory (basis points), 0 when VAT does not apply.
 */
gint
factures_vat_standard_rate (FacturesVatTerritory territory)
{
  guint n = 0;
  const FacturesVatRate *rates = factures_vat_rates (territory, &n);

  return n > 0 ? rates[0].rate_bp : 0;
}

/* ---- categories ----------------------------------------------------------- */

static const char * const category_codes[] = {
  [FACTURES_VAT_CATEGORY_UNSET] = NULL,
  [FACTURES_VAT_CATEGORY_S] = "S",
  [FACTURES_VAT_CATEGORY_Z] = "Z",
  [FACTURES_VAT_CATEGORY_E] = "E",
  [FACTURES_VAT_CATEGORY_AE] = "AE",
  [FACTURES_VAT_CATEGORY_K] = "K",
  [FACTURES_VAT_CATEGORY_G] = "G",
  [FACTURES_VAT_CATEGORY_O] = "O",
};

/**
 * factures_vat_category_code:
 * @category: a category
 *
 * Returns: (transfer none) (nullable): its EN 16931 code, NULL for UNSET.
 */
const char *
factures_vat_category_code (FacturesVatCategory category)
{
  if ((guint) category > FACTURES_VAT_CATEGORY_LAST)
    return NULL;
  return category_codes[category];
}

/**
 * factures_vat_category_from_code:
 * @code: (nullable): an EN 16931 VAT category code
 *
 * Returns: its category, UNSET when @code is NULL or not one of BR-FR-15's.
 */
FacturesVatCategory
factures_vat_category_from_code (const char *code)
{
  guint i;

  if (code == NULL)
    return FACTURES_VAT_CATEGORY_UNSET;
  for (i = FACTURES_VAT_CATEGORY_S; i <= FACTURES_VAT_CATEGORY_LAST; i++)
    if (strcmp (code, category_codes[i]) == 0)
      return (FacturesVatCategory) i;
  return FACTURES_VAT_CATEGORY_UNSET;
}

/**
 * factures_vat_category_label:
 * @category: a category
 *
 * Returns: (transfer none): its translated name, for the UI.
 */
const char *
factures_vat_category_label (FacturesVatCategory category)
{
  switch (category)
    {
    case FACTURES_VAT_CATEGORY_S:
      return _("Standard or reduced rate");
    case FACTURES_VAT_CATEGORY_Z:
      return _("Zero rate");
    case FACTURES_VAT_CATEGORY_E:
      return _("Exempt");
    case FACTURES_VAT_CATEGORY_AE:
      return _("Reverse charge");
    case FACTURES_VAT_CATEGORY_K:
      return _("Intra-community supply");
    case FACTURES_VAT_CATEGORY_G:
      return _("Export outside the EU");
    case FACTURES_VAT_CATEGORY_O:
      return _("Outside the scope of VAT");
    case FACTURES_VAT_CATEGORY_UNSET:
    default:
      return _("Not set");
    }
}

/* ---- exemptions ------------------------------------------------------------ */

#define MENTION_FRANCHISE "TVA non applicable, art. 293 B du CGI"
#define MENTION_AE        "Autoliquidation"
#define MENTION_O_259_1   "TVA non applicable, art. 259-1 du CGI"
#define MENTION_O_294     "TVA non applicable, art. 294 du CGI"
#define MENTION_K         "Exonération de TVA, art. 262 ter I du CGI"
#define MENTION_G         "Exonération de TVA, art. 262 I du CGI"

/**
 * factures_vat_exemption_mention:
 * @basis: a legal basis
 *
 * Returns: (transfer none) (nullable): the French mention, NULL for NONE.
 */
const char *
factures_vat_exemption_mention (FacturesVatExemption basis)
{
  switch (basis)
    {
    case FACTURES_VAT_EXEMPTION_261_4_4_A:
      return "Exonération de TVA, art. 261-4-4° a du CGI";
    case FACTURES_VAT_EXEMPTION_261_4_4_B:
      return "Exonération de TVA, art. 261-4-4° b du CGI";
    case FACTURES_VAT_EXEMPTION_261_4_1:
      return "Exonération de TVA, art. 261-4-1° du CGI";
    case FACTURES_VAT_EXEMPTION_NONE:
    default:
      return NULL;
    }
}

/**
 * factures_vat_exemption_label:
 * @basis: a legal basis
 *
 * Returns: (transfer none): its translated name, for the UI.
 */
const char *
factures_vat_exemption_label (FacturesVatExemption basis)
{
  switch (basis)
    {
    case FACTURES_VAT_EXEMPTION_261_4_4_A:
      return _("Continuing vocational training or school teaching (art. 261-4-4° a)");
    case FACTURES_VAT_EXEMPTION_261_4_4_B:
      return _("Private lessons by a natural person (art. 261-4-4° b)");
    case FACTURES_VAT_EXEMPTION_261_4_1:
      return _("Medical or paramedical care (art. 261-4-1°)");
    case FACTURES_VAT_EXEMPTION_NONE:
    default:
      return _("Not exempt");
    }
}

/**
 * factures_exempt_activity_new:
 * @label: the seller's name for the activity
 * @basis: its legal basis
 *
 * Returns: (transfer full): a new exempt activity.
 */
FacturesExemptActivity *
factures_exempt_activity_new (const char           *label,
                              FacturesVatExemption  basis)
{
  FacturesExemptActivity *activity = g_new0 (FacturesExemptActivity, 1);

  activity->label = g_strdup (label);
  activity->basis = basis;
  return activity;
}

/**
 * factures_exempt_activity_copy:
 * @activity: an exempt activity
 *
 * Returns: (transfer full): a copy.
 */
FacturesExemptActivity *
factures_exempt_activity_copy (const FacturesExemptActivity *activity)
{
  return factures_exempt_activity_new (activity->label, activity->basis);
}

/**
 * factures_exempt_activity_free:
 * @activity: (nullable): an exempt activity
 */
void
factures_exempt_activity_free (FacturesExemptActivity *activity)
{
  if (activity == NULL)
    return;
  g_free (activity->label);
  g_free (activity);
}

/* ---- clients --------------------------------------------------------------- */

/* EU member states other than France (ISO 3166-1, plus EL for Greece as in VAT numbers). */
static const char * const eu_countries[] = {
  "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "GR", "HR", "HU", "IE",
  "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", NULL
};

/* French overseas departments and Monaco are France for the zone of a client: a seller in
 * metropolitan France selling to a client there is a French operation (the DOM being export
 * territories for goods is left out: to confirm). */
static const char * const french_countries[] = {
  "FR", "MC", "GP", "MQ", "RE", "GF", "YT", NULL
};

/**
 * factures_vat_client_zone:
 * @country_code: (nullable): ISO 3166-1 alpha-2
 *
 * Returns: the client's zone.
 */
FacturesVatClientZone
factures_vat_client_zone (const char *country_code)
{
  g_autofree char *upper = NULL;

  if (country_code == NULL || *country_code == '\0')
    return FACTURES_VAT_CLIENT_FRANCE;
  upper = g_ascii_strup (country_code, -1);
  if (g_strv_contains (french_countries, upper))
    return FACTURES_VAT_CLIENT_FRANCE;
  if (g_strv_contains (eu_countries, upper))
    return FACTURES_VAT_CLIENT_EU;
  return FACTURES_VAT_CLIENT_NON_EU;
}

/**
 * factures_vat_client_is_business:
 * @client: (nullable): a client
 *
 * Returns: %TRUE when @client is not a private person.
 */
gboolean
factures_vat_client_is_business (const FacturesClient *client)
{
  return client != NULL && factures_client_category_is_b2b (client->category);
}

/* ---- the proposal ---------------------------------------------------------- */

/**
 * factures_vat_line_activity:
 * @line: (nullable): a line
 * @seller: (nullable): the seller's profile
 *
 * Returns: the line's resolved activity (never DEFAULT).
 */
FacturesLineActivity
factures_vat_line_activity (const FacturesLine    *line,
                            const FacturesProfile *seller)
{
  if (line != NULL && line->activity != FACTURES_LINE_ACTIVITY_DEFAULT &&
      (guint) line->activity <= FACTURES_LINE_ACTIVITY_LAST)
    return line->activity;
  if (seller == NULL)
    return FACTURES_LINE_ACTIVITY_SERVICES_BNC;
  if (seller->line_activity != FACTURES_LINE_ACTIVITY_DEFAULT &&
      (guint) seller->line_activity <= FACTURES_LINE_ACTIVITY_LAST)
    return seller->line_activity;
  if (seller->activity == FACTURES_ACTIVITY_GOODS)
    return FACTURES_LINE_ACTIVITY_GOODS;
  if (seller->registry != FACTURES_REGISTRY_NONE)
    return FACTURES_LINE_ACTIVITY_SERVICES_BIC;
  return FACTURES_LINE_ACTIVITY_SERVICES_BNC;
}

static void
set_proposal (FacturesVatProposal *out,
              FacturesVatCategory  category,
              gint                 rate_bp,
              const char          *vatex,
              const char          *mention,
              const char          *source,
              gboolean             to_confirm)
{
  out->category = category;
  out->rate_bp = rate_bp;
  out->vatex = vatex;
  out->mention = mention;
  out->source = source;
  out->to_confirm = to_confirm;
}

/* A French operation (or one taxed as French): exemption, franchise, or the standard rate. */
static void
propose_domestic (const FacturesProfile *seller,
                  FacturesVatExemption   exemption,
                  FacturesVatProposal   *out)
{
  if (exemption != FACTURES_VAT_EXEMPTION_NONE && (guint) exemption <= FACTURES_VAT_EXEMPTION_LAST)
    set_proposal (out, FACTURES_VAT_CATEGORY_E, 0, FACTURES_VATEX_CGI261_4,
                  factures_vat_exemption_mention (exemption), "art. 261-4 du CGI", FALSE);
  else if (seller == NULL || seller->vat_regime == FACTURES_VAT_REGIME_FRANCHISE)
    set_proposal (out, FACTURES_VAT_CATEGORY_E, 0, FACTURES_VATEX_FRANCHISE, MENTION_FRANCHISE,
                  "art. 293 B du CGI", FALSE);
  else
    set_proposal (out, FACTURES_VAT_CATEGORY_S, factures_vat_standard_rate (seller->territory),
                  NULL, NULL, "art. 278 du CGI", FALSE);
}

/**
 * factures_vat_propose:
 * @seller: the seller's profile
 * @buyer: (nullable): the client
 * @activity: the line's activity
 * @exemption: the legal basis of an exempt activity, or NONE
 * @out: (out caller-allocates): the proposal
 *
 * See factures-vat.h for the table.
 */
void
factures_vat_propose (const FacturesProfile *seller,
                      const FacturesClient  *buyer,
                      FacturesLineActivity   activity,
                      FacturesVatExemption   exemption,
                      FacturesVatProposal   *out)
{
  FacturesVatClientZone zone;
  gboolean business, registered, goods;

  g_return_if_fail (out != NULL);

  registered = seller != NULL && seller->vat_regime == FACTURES_VAT_REGIME_REGISTERED;
  if (activity == FACTURES_LINE_ACTIVITY_DEFAULT)
    activity = factures_vat_line_activity (NULL, seller);
  goods = factures_line_activity_is_goods (activity);
  zone = buyer != NULL ? factures_vat_client_zone (buyer->party.country_code) : FACTURES_VAT_CLIENT_FRANCE;
  business = factures_vat_client_is_business (buyer);

  /* VAT does not apply in Guyane and Mayotte (art. 294 1° CGI). To confirm. */
  if (seller != NULL && seller->territory == FACTURES_VAT_TERRITORY_GUYANE_MAYOTTE)
    {
      set_proposal (out, FACTURES_VAT_CATEGORY_O, 0, FACTURES_VATEX_EU_O, MENTION_O_294,
                    "art. 294 du CGI", TRUE);
      return;
    }

  if (!goods && activity != FACTURES_LINE_ACTIVITY_FURNISHED_TOURISM && business)
    {
      /* B2B services: taxed where the customer is established (art. 259-1° CGI). */
      if (zone == FACTURES_VAT_CLIENT_EU)
        {
          set_proposal (out, FACTURES_VAT_CATEGORY_AE, 0, FACTURES_VATEX_EU_AE, MENTION_AE,
                        "art. 259-1° et 283-2 du CGI ; art. 196 de la directive 2006/112/CE", FALSE);
          return;
        }
      if (zone == FACTURES_VAT_CLIENT_NON_EU)
        {
          set_proposal (out, FACTURES_VAT_CATEGORY_O, 0, FACTURES_VATEX_EU_O, MENTION_O_259_1,
                        "art. 259-1° du CGI", FALSE);
          return;
        }
    }

  if (goods && zone == FACTURES_VAT_CLIENT_EU && business)
    {
      if (registered)
        set_proposal (out, FACTURES_VAT_CATEGORY_K, 0, FACTURES_VATEX_EU_IC, MENTION_K,
                      "art. 262 ter I du CGI", FALSE);
      else /* 262 ter I excludes 293 B sellers: the franchise covers the supply (to confirm). */
        set_proposal (out, FACTURES_VAT_CATEGORY_E, 0, FACTURES_VATEX_FRANCHISE, MENTION_FRANCHISE,
                      "art. 293 B du CGI", TRUE);
      return;
    }

  if (goods && zone == FACTURES_VAT_CLIENT_NON_EU)
    {
      if (registered)
        set_proposal (out, FACTURES_VAT_CATEGORY_G, 0, FACTURES_VATEX_EU_G, MENTION_G,
                      "art. 262 I 1° du CGI", FALSE);
      else /* 262 I vs 293 B for a franchise seller (LEGAL-2.md §1, to confirm). */
        set_proposal (out, FACTURES_VAT_CATEGORY_E, 0, FACTURES_VATEX_FRANCHISE, MENTION_FRANCHISE,
                      "art. 293 B du CGI", TRUE);
      return;
    }

  propose_domestic (seller, exemption, out);
}

/**
 * factures_vat_apply_proposal:
 * @line: a line
 * @proposal: a proposal
 *
 * See factures-vat.h.
 */
void
factures_vat_apply_proposal (FacturesLine              *line,
                             const FacturesVatProposal *proposal)
{
  g_return_if_fail (line != NULL && proposal != NULL);

  if (proposal->category != FACTURES_VAT_CATEGORY_S || line->vat_category != FACTURES_VAT_CATEGORY_S ||
      line->vat_rate_bp <= 0)
    line->vat_rate_bp = proposal->rate_bp;
  line->vat_category = proposal->category;
  g_free (line->vatex);
  line->vatex = g_strdup (proposal->vatex);
  g_free (line->exemption_reason);
  line->exemption_reason = g_strdup (proposal->mention);
  g_clear_pointer (&line->override_reason, g_free);
}

/**
 * factures_vat_line_treatment:
 * @line: a line
 * @franchise: the seller is in franchise en base
 * @out: (out caller-allocates): the treatment
 *
 * See factures-vat.h.
 */
void
factures_vat_line_treatment (const FacturesLine   *line,
                             gboolean              franchise,
                             FacturesVatTreatment *out)
{
  FacturesVatCategory category = line->vat_category;

  if ((guint) category > FACTURES_VAT_CATEGORY_LAST)
    category = FACTURES_VAT_CATEGORY_UNSET;
  if (category == FACTURES_VAT_CATEGORY_UNSET)
    category = franchise || line->vat_rate_bp <= 0 ? FACTURES_VAT_CATEGORY_E : FACTURES_VAT_CATEGORY_S;

  out->category = category;
  out->rate_bp = category == FACTURES_VAT_CATEGORY_S ? line->vat_rate_bp
                 : (line->vat_category == FACTURES_VAT_CATEGORY_UNSET ? 0 : line->vat_rate_bp);
  out->vatex = line->vatex != NULL && *line->vatex != '\0' ? line->vatex : NULL;
  out->reason = line->exemption_reason != NULL && *line->exemption_reason != '\0'
                ? line->exemption_reason : NULL;
  switch (category)
    {
    case FACTURES_VAT_CATEGORY_E:
      if (out->reason == NULL && franchise &&
          (out->vatex == NULL || strcmp (out->vatex, FACTURES_VATEX_FRANCHISE) == 0))
        {
          out->vatex = FACTURES_VATEX_FRANCHISE;
          out->reason = MENTION_FRANCHISE;
        }
      break;
    case FACTURES_VAT_CATEGORY_AE:
      if (out->vatex == NULL)
        out->vatex = FACTURES_VATEX_EU_AE;
      if (out->reason == NULL)
        out->reason = MENTION_AE;
      break;
    case FACTURES_VAT_CATEGORY_K:
      if (out->vatex == NULL)
        out->vatex = FACTURES_VATEX_EU_IC;
      if (out->reason == NULL)
        out->reason = MENTION_K;
      break;
    case FACTURES_VAT_CATEGORY_G:
      if (out->vatex == NULL)
        out->vatex = FACTURES_VATEX_EU_G;
      if (out->reason == NULL)
        out->reason = MENTION_G;
      break;
    case FACTURES_VAT_CATEGORY_O:
      if (out->vatex == NULL)
        out->vatex = FACTURES_VATEX_EU_O;
      if (out->reason == NULL)
        out->reason = MENTION_O_259_1;
      break;
    case FACTURES_VAT_CATEGORY_S:
    case FACTURES_VAT_CATEGORY_Z:
    case FACTURES_VAT_CATEGORY_UNSET:
    default:
      break;
    }
}

/* ---- the document ------------------------------------------------------------ */

/* 1 goods only, 2 services only, 3 both. */
static guint
document_natures (const FacturesDocument *document)
{
  guint natures = 0, i;

  if (document->lines == NULL || document->lines->len == 0)
    {
      if (document->seller == NULL)
        return 2;
      switch (document->seller->activity)
        {
        case FACTURES_ACTIVITY_GOODS:
          return 1;
        case FACTURES_ACTIVITY_BOTH:
          return 3;
        case FACTURES_ACTIVITY_SERVICES:
        default:
          return 2;
        }
    }
  for (i = 0; i < document->lines->len; i++)
    natures |= factures_line_activity_is_goods (factures_vat_line_activity (g_ptr_array_index (document->lines, i),
                                                                            document->seller)) ? 1 : 2;
  return natures;
}

/**
 * factures_vat_document_activity_mention:
 * @document: a document
 *
 * Returns: (transfer none): the nature of the operation, French.
 */
const char *
factures_vat_document_activity_mention (const FacturesDocument *document)
{
  switch (document_natures (document))
    {
    case 1:
      return "livraison de biens";
    case 3:
      return "livraison de biens et prestation de services";
    case 2:
    default:
      return "prestation de services";
    }
}

/**
 * factures_vat_document_process_code:
 * @document: a document
 *
 * Returns: (transfer none): "B1", "S1" or "M1".
 */
const char *
factures_vat_document_process_code (const FacturesDocument *document)
{
  switch (document_natures (document))
    {
    case 1:
      return "B1";
    case 3:
      return "M1";
    case 2:
    default:
      return "S1";
    }
}

/**
 * factures_vat_document_is_out_of_scope:
 * @document: a document
 *
 * Returns: %TRUE when every line (at least one) is category O.
 */
gboolean
factures_vat_document_is_out_of_scope (const FacturesDocument *document)
{
  gboolean franchise = document->seller == NULL || document->seller->vat_regime == FACTURES_VAT_REGIME_FRANCHISE;
  guint i;

  if (document->lines == NULL || document->lines->len == 0)
    return FALSE;
  for (i = 0; i < document->lines->len; i++)
    {
      FacturesVatTreatment treatment;

      factures_vat_line_treatment (g_ptr_array_index (document->lines, i), franchise, &treatment);
      if (treatment.category != FACTURES_VAT_CATEGORY_O)
        return FALSE;
    }
  return TRUE;
}

/* ---- checks ---------------------------------------------------------------- */

/**
 * factures_vat_exemption_from_mention:
 * @mention: (nullable): a mention
 *
 * Returns: the exemption basis whose mention is @mention, NONE otherwise.
 */
FacturesVatExemption
factures_vat_exemption_from_mention (const char *mention)
{
  guint i;

  if (mention == NULL)
    return FACTURES_VAT_EXEMPTION_NONE;
  for (i = FACTURES_VAT_EXEMPTION_261_4_4_A; i <= FACTURES_VAT_EXEMPTION_LAST; i++)
    if (strcmp (mention, factures_vat_exemption_mention ((FacturesVatExemption) i)) == 0)
      return (FacturesVatExemption) i;
  return FACTURES_VAT_EXEMPTION_NONE;
}

/**
 * factures_vat_line_proposal:
 * @document: the document
 * @line: one of its lines
 * @out: (out caller-allocates): the proposal for it
 *
 * Returns: %TRUE when the line follows the proposal.
 */
gboolean
factures_vat_line_proposal (const FacturesDocument *document,
                            const FacturesLine     *line,
                            FacturesVatProposal    *out)
{
  gboolean franchise = document->seller == NULL || document->seller->vat_regime == FACTURES_VAT_REGIME_FRANCHISE;
  FacturesVatExemption basis = factures_vat_exemption_from_mention (line->exemption_reason);
  FacturesVatTreatment treatment;

  if (line->debours)
    {
      factures_vat_debours_proposal (document, out);
      factures_vat_line_treatment (line, franchise, &treatment);
      return treatment.category == out->category && treatment.rate_bp == 0 &&
             g_strcmp0 (treatment.reason, out->mention) == 0;
    }
  factures_vat_propose (document->seller, document->buyer, factures_vat_line_activity (line, document->seller),
                        basis, out);
  factures_vat_line_treatment (line, franchise, &treatment);
  if (treatment.category != out->category)
    return FALSE;
  if (treatment.category == FACTURES_VAT_CATEGORY_S)
    return factures_vat_rate_allowed (document->seller != NULL ? document->seller->territory
                                                               : FACTURES_VAT_TERRITORY_METROPOLE,
                                      treatment.rate_bp);
  return TRUE;
}

/**
 * factures_vat_debours_proposal:
 * @document: the document
 * @out: (out caller-allocates): the débours treatment
 *
 * See factures-vat.h.
 */
void
factures_vat_debours_proposal (const FacturesDocument *document,
                               FacturesVatProposal    *out)
{
  gboolean franchise = document->seller == NULL || document->seller->vat_regime == FACTURES_VAT_REGIME_FRANCHISE;
  gboolean others = FALSE, all_o = TRUE;

  for (guint i = 0; document->lines != NULL && i < document->lines->len; i++)
    {
      const FacturesLine *line = g_ptr_array_index (document->lines, i);
      FacturesVatTreatment t;
      FacturesVatProposal p;

      if (line->debours)
        continue;
      others = TRUE;
      if (line->vat_category == FACTURES_VAT_CATEGORY_UNSET && line->activity != FACTURES_LINE_ACTIVITY_DEFAULT)
        {
          factures_vat_line_proposal (document, line, &p);
          t.category = p.category;
        }
      else
        factures_vat_line_treatment (line, franchise, &t);
      if (t.category != FACTURES_VAT_CATEGORY_O)
        all_o = FALSE;
    }
  if ((document->seller != NULL && document->seller->territory == FACTURES_VAT_TERRITORY_GUYANE_MAYOTTE) ||
      (others && all_o))
    set_proposal (out, FACTURES_VAT_CATEGORY_O, 0, FACTURES_VATEX_EU_O, FACTURES_VAT_MENTION_DEBOURS,
                  "art. 267 II 2° du CGI", FALSE);
  else
    set_proposal (out, FACTURES_VAT_CATEGORY_E, 0, FACTURES_VATEX_EU_79_C, FACTURES_VAT_MENTION_DEBOURS,
                  "art. 267 II 2° du CGI", FALSE);
}

/**
 * factures_vat_resolve_lines:
 * @document: a draft about to be issued (seller, buyer, lines)
 *
 * See factures-vat.h.
 */
void
factures_vat_resolve_lines (FacturesDocument *document)
{
  FacturesVatProposal debours;
  guint i;

  g_return_if_fail (document != NULL);

  /* A credit note mirrors the invoice it corrects, whose lines (copied) carry the treatment
   * they were issued with, or, before issue 13, none: it must cancel what was invoiced. */
  if (document->lines == NULL || document->kind == FACTURES_DOCUMENT_KIND_CREDIT_NOTE)
    return;
  /* Issued before the day VAT is charged from (FacturesProfile.vat_from): still in franchise,
   * with its mention; the lines the editor gave S without a reason follow the proposal again. */
  if (document->seller != NULL && document->seller->vat_regime == FACTURES_VAT_REGIME_REGISTERED &&
      g_date_valid (&document->seller->vat_from) && g_date_valid (&document->issue_date) &&
      g_date_compare (&document->issue_date, &document->seller->vat_from) < 0)
    {
      document->seller->vat_regime = FACTURES_VAT_REGIME_FRANCHISE;
      g_date_clear (&document->seller->vat_from, 1);
      for (i = 0; i < document->lines->len; i++)
        {
          FacturesLine *line = g_ptr_array_index (document->lines, i);

          if (line->vat_category == FACTURES_VAT_CATEGORY_S &&
              (line->override_reason == NULL || *line->override_reason == '\0'))
            {
              line->vat_category = FACTURES_VAT_CATEGORY_UNSET;
              line->vat_rate_bp = 0;
            }
        }
    }
  for (i = 0; i < document->lines->len; i++)
    {
      FacturesLine *line = g_ptr_array_index (document->lines, i);
      FacturesVatProposal proposal;
      g_autofree char *override = NULL;
      gint rate_bp;

      if (line->vat_category != FACTURES_VAT_CATEGORY_UNSET || line->debours)
        continue;
      rate_bp = line->vat_rate_bp;
      override = g_steal_pointer (&line->override_reason);
      factures_vat_line_proposal (document, line, &proposal);
      factures_vat_apply_proposal (line, &proposal);
      /* S keeps the rate typed (any rate of the territory; a wrong one is refused by the checks,
       * naming the line, rather than silently changed). */
      if (proposal.category == FACTURES_VAT_CATEGORY_S)
        line->vat_rate_bp = rate_bp;
      line->override_reason = g_steal_pointer (&override);
    }

  /* Débours are outside the VAT base (art. 267 II 2° du CGI): no VAT whatever the row says,
   * decided once the other lines are (O or not). */
  factures_vat_debours_proposal (document, &debours);
  for (i = 0; i < document->lines->len; i++)
    {
      FacturesLine *line = g_ptr_array_index (document->lines, i);

      if (!line->debours)
        continue;
      factures_vat_apply_proposal (line, &debours);
      line->vat_rate_bp = 0;
    }
}

static gboolean
is_blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s != '\0'; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

/* "20 %, 10 %, 5,5 % ou 2,1 %" (the territory's rates), newly allocated. */
static char *
rates_text (FacturesVatTerritory territory)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = 0, i;
  const FacturesVatRate *rates = factures_vat_rates (territory, &n);

  for (i = 0; i < n; i++)
    {
      g_autofree char *rate = factures_rate_format (rates[i].rate_bp);

      if (i > 0)
        g_string_append (out, i + 1 == n ? _(" or ") : ", ");
      g_string_append (out, rate);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The EN 16931 rule that sets the rate of a category other than S to 0. */
static const char *
zero_rate_rule (FacturesVatCategory category)
{
  switch (category)
    {
    case FACTURES_VAT_CATEGORY_Z:
      return "BR-Z-05";
    case FACTURES_VAT_CATEGORY_E:
      return "BR-E-05";
    case FACTURES_VAT_CATEGORY_AE:
      return "BR-AE-05";
    case FACTURES_VAT_CATEGORY_K:
      return "BR-IC-05";
    case FACTURES_VAT_CATEGORY_G:
      return "BR-G-05";
    case FACTURES_VAT_CATEGORY_O:
      return "BR-O-05";
    case FACTURES_VAT_CATEGORY_S:
    case FACTURES_VAT_CATEGORY_UNSET:
    default:
      return "BR-S-05";
    }
}

typedef struct {
  const char *code;
  char       *detail;
  char       *message;
} LineRefusal;

/* The line-and-seller checks; FALSE with @out filled (caller frees detail and message). */
static gboolean
line_ok (const FacturesLine    *line,
         guint                  index,
         const FacturesProfile *seller,
         LineRefusal           *out)
{
  FacturesVatTerritory territory = seller != NULL ? seller->territory : FACTURES_VAT_TERRITORY_METROPOLE;
  gboolean franchise = seller == NULL || seller->vat_regime == FACTURES_VAT_REGIME_FRANCHISE;
  FacturesVatTreatment t;
  guint n = index + 1;

  if ((guint) line->activity > FACTURES_LINE_ACTIVITY_LAST)
    {
      out->code = "vat-activity";
      out->detail = NULL;
      out->message = g_strdup_printf (_("Line %u: Activity: unknown activity."), n);
      return FALSE;
    }
  if ((guint) line->vat_category > FACTURES_VAT_CATEGORY_LAST)
    {
      out->code = "vat-category";
      out->detail = g_strdup ("BR-FR-15");
      out->message = g_strdup_printf (_("Line %u: VAT category: unknown category (S, Z, E, AE, K, G or O)."), n);
      return FALSE;
    }
  if ((guint) territory > FACTURES_VAT_TERRITORY_LAST)
    territory = FACTURES_VAT_TERRITORY_METROPOLE;

  factures_vat_line_treatment (line, franchise, &t);

  if (t.category == FACTURES_VAT_CATEGORY_S)
    {
      if (territory == FACTURES_VAT_TERRITORY_GUYANE_MAYOTTE)
        {
          out->code = "vat-territory";
          out->detail = g_strdup ("art. 294 du CGI");
          out->message = g_strdup_printf (_("Line %u: VAT: VAT does not apply in French Guiana and Mayotte "
                                            "(art. 294 du CGI); the line is outside the scope of VAT (O)."), n);
          return FALSE;
        }
      if (franchise && line->vat_category == FACTURES_VAT_CATEGORY_S)
        {
          out->code = "vat-franchise";
          out->detail = g_strdup ("art. 293 B du CGI");
          out->message = g_strdup_printf (_("Line %u: VAT category: in franchise en base you charge no VAT "
                                            "(art. 293 B du CGI); change the VAT regime in the Business "
                                            "profile if you are VAT-registered."), n);
          return FALSE;
        }
      if (!factures_vat_rate_allowed (territory, t.rate_bp))
        {
          g_autofree char *rate = factures_rate_format (t.rate_bp);
          g_autofree char *rates = rates_text (territory);
          guint n_rates = 0;
          const FacturesVatRate *all = factures_vat_rates (territory, &n_rates);

          out->code = "vat-rate";
          out->detail = g_strdup_printf ("%s ; BR-FR-16", t.rate_bp == 0 ? "BR-S-05"
                                                                           : (n_rates > 0 ? all[0].source : ""));
          out->message = g_strdup_printf (_("Line %u: VAT rate: %s is not a VAT rate of %s (%s)."), n, rate,
                                          factures_vat_territory_label (territory), rates);
          return FALSE;
        }
      return TRUE;
    }

  if (t.rate_bp != 0)
    {
      g_autofree char *rate = factures_rate_format (t.rate_bp);

      out->code = "vat-rate";
      out->detail = g_strdup (zero_rate_rule (t.category));
      out->message = g_strdup_printf (_("Line %u: VAT rate: a line of category %s (%s) carries no VAT, "
                                        "its rate is 0 %%, not %s."), n,
                                      factures_vat_category_code (t.category),
                                      factures_vat_category_label (t.category), rate);
      return FALSE;
    }
  if (t.category == FACTURES_VAT_CATEGORY_K && franchise)
    {
      out->code = "vat-franchise";
      out->detail = g_strdup ("art. 262 ter I du CGI ; BR-IC-02");
      out->message = g_strdup_printf (_("Line %u: VAT category: an intra-community supply (K) is for "
                                        "VAT-registered sellers; in franchise en base the supply takes "
                                        "the mention of art. 293 B du CGI (E)."), n);
      return FALSE;
    }
  return TRUE;
}

/**
 * factures_vat_check_line:
 * @line: a line
 * @index: its 0-based position
 * @seller: (nullable): the profile
 * @error: FACTURES_ERROR_INVALID
 *
 * See factures-vat.h.
 *
 * Returns: %FALSE when refused.
 */
gboolean
factures_vat_check_line (const FacturesLine    *line,
                         guint                  index,
                         const FacturesProfile *seller,
                         GError               **error)
{
  LineRefusal refusal = { NULL, NULL, NULL };

  /* Lines without a category (before issue 13) keep the old rules: rate checked at issue. */
  if (line->vat_category == FACTURES_VAT_CATEGORY_UNSET && line->activity == FACTURES_LINE_ACTIVITY_DEFAULT)
    return TRUE;
  /* A débours is issued without VAT whatever its row says (factures_vat_resolve_lines()). */
  if (line->debours && (guint) line->activity <= FACTURES_LINE_ACTIVITY_LAST)
    return TRUE;
  if (line_ok (line, index, seller, &refusal))
    return TRUE;
  if (refusal.detail != NULL)
    g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID, "%s (%s)", refusal.message, refusal.detail);
  else
    g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID, refusal.message);
  g_free (refusal.message);
  g_free (refusal.detail);
  return FALSE;
}

static void
add_refusal (GPtrArray  *mentions,
             const char *code,
             char       *detail,
             char       *message)
{
  FacturesMissingMention *m = g_new0 (FacturesMissingMention, 1);

  m->code = code;
  m->severity = FACTURES_MENTION_ERROR;
  m->message = message;
  m->detail = detail;
  g_ptr_array_add (mentions, m);
}

/* TRUE when @vat_id is a VAT number of another member state (not FR). */
static gboolean
is_eu_vat_id (const char *vat_id)
{
  g_autofree char *compact = NULL;
  char country[3];

  if (is_blank (vat_id))
    return FALSE;
  compact = factures_vat_id_eu_compact (vat_id);
  if (compact == NULL || strlen (compact) < 4)
    return FALSE;
  country[0] = compact[0];
  country[1] = compact[1];
  country[2] = '\0';
  return factures_vat_client_zone (country) == FACTURES_VAT_CLIENT_EU;
}

/* TRUE when an E line has a legal basis: an exempt activity of the seller's profile whose
 * mention it carries (art. 261), or art. 293 B in franchise en base. An override reason is no
 * legal basis (BR-E-10 asks for the reason on the document, the CGI for the article). */
static gboolean
exemption_has_basis (const FacturesProfile      *seller,
                     gboolean                    franchise,
                     const FacturesLine         *line,
                     const FacturesVatTreatment *t)
{
  FacturesVatExemption basis = factures_vat_exemption_from_mention (t->reason);

  /* Débours: art. 267 II 2° du CGI (art. 79 c of the directive), with its mention. */
  if (line->debours && g_strcmp0 (t->reason, FACTURES_VAT_MENTION_DEBOURS) == 0)
    return TRUE;

  if (franchise && t->reason != NULL && strcmp (t->reason, MENTION_FRANCHISE) == 0)
    return TRUE;
  if (basis == FACTURES_VAT_EXEMPTION_NONE || seller == NULL || seller->exempt_activities == NULL)
    return FALSE;
  for (guint i = 0; i < seller->exempt_activities->len; i++)
    {
      const FacturesExemptActivity *activity = g_ptr_array_index (seller->exempt_activities, i);

      if (activity->basis == basis)
        return TRUE;
    }
  return FALSE;
}

/* TRUE when the client is in metropolitan France or Monaco (or no country is given): an
 * operation there is French, never an export. */
static gboolean
buyer_in_france (const FacturesClient *buyer)
{
  const char *cc = buyer != NULL ? buyer->party.country_code : NULL;

  return cc == NULL || *cc == '\0' || g_ascii_strcasecmp (cc, "FR") == 0 ||
         g_ascii_strcasecmp (cc, "MC") == 0;
}

/**
 * factures_vat_check:
 * @mentions: the list to add to
 * @document: a document about to be issued
 *
 * See factures-vat.h.
 */
void
factures_vat_check (GPtrArray              *mentions,
                    const FacturesDocument *document)
{
  const FacturesProfile *seller = document->seller;
  const FacturesClient *buyer = document->buyer;
  gboolean franchise = seller == NULL || seller->vat_regime == FACTURES_VAT_REGIME_FRANCHISE;
  gboolean seller_vat = seller != NULL && !is_blank (seller->party.vat_id);
  gboolean buyer_vat = buyer != NULL && !is_blank (buyer->party.vat_id);
  gboolean has_o = FALSE, has_other = FALSE;
  FacturesVatClientZone zone = buyer != NULL ? factures_vat_client_zone (buyer->party.country_code)
                                             : FACTURES_VAT_CLIENT_FRANCE;
  guint i;

  if (document->lines == NULL)
    return;

  for (i = 0; i < document->lines->len; i++)
    {
      const FacturesLine *line = g_ptr_array_index (document->lines, i);
      LineRefusal refusal = { NULL, NULL, NULL };
      FacturesVatTreatment t;
      FacturesVatProposal proposal;
      guint n = i + 1;

      /* Sixth trial, finding 7: a débours is issued without VAT whatever its row says
       * (factures_vat_resolve_lines() replaces its rate and category); it is checked as it
       * will be issued. A credit note's lines keep what the invoice was issued with. */
      if (line->debours && document->kind != FACTURES_DOCUMENT_KIND_CREDIT_NOTE)
        {
          FacturesVatProposal debours;

          factures_vat_debours_proposal (document, &debours);
          t.category = debours.category;
          t.rate_bp = 0;
          t.vatex = debours.vatex;
          t.reason = debours.mention;
        }
      /* Lines without a category (before issue 13): the old rate check of factures_mentions_check(). */
      else if ((line->vat_category != FACTURES_VAT_CATEGORY_UNSET ||
                line->activity != FACTURES_LINE_ACTIVITY_DEFAULT) &&
               !line_ok (line, i, seller, &refusal))
        {
          add_refusal (mentions, refusal.code, refusal.detail, refusal.message);
          continue;
        }
      else
        factures_vat_line_treatment (line, franchise, &t);
      if (t.category == FACTURES_VAT_CATEGORY_O)
        has_o = TRUE;
      else
        has_other = TRUE;

      switch (t.category)
        {
        case FACTURES_VAT_CATEGORY_AE:
          if (!seller_vat)
            add_refusal (mentions, "vat-ae-seller", g_strdup ("BR-AE-02 ; art. 286 ter du CGI"),
                         g_strdup_printf (_("Line %u: reverse charge (Autoliquidation) needs your "
                                            "intra-community VAT number (Business profile, VAT number). "
                                            "Even in franchise en base, ask your tax office (SIE) for one "
                                            "(art. 286 ter du CGI)."), n));
          if (!buyer_vat && (buyer == NULL || is_blank (buyer->legal_id)))
            add_refusal (mentions, "vat-ae-buyer", g_strdup ("BR-AE-02"),
                         g_strdup_printf (_("Line %u: reverse charge (Autoliquidation) needs the client’s "
                                            "VAT number (Client, VAT number)."), n));
          break;
        case FACTURES_VAT_CATEGORY_K:
          if (!seller_vat)
            add_refusal (mentions, "vat-ic-seller", g_strdup ("BR-IC-02"),
                         g_strdup_printf (_("Line %u: an intra-community supply (K) needs your "
                                            "intra-community VAT number (Business profile, VAT number)."), n));
          if (!buyer_vat)
            add_refusal (mentions, "vat-ic-buyer", g_strdup ("BR-IC-02"),
                         g_strdup_printf (_("Line %u: an intra-community supply (K) needs the client’s "
                                            "VAT number (Client, VAT number)."), n));
          break;
        case FACTURES_VAT_CATEGORY_G:
          if (!seller_vat)
            add_refusal (mentions, "vat-g-seller", g_strdup ("BR-G-02"),
                         g_strdup_printf (_("Line %u: an export outside the EU (G) needs your VAT number "
                                            "(Business profile, VAT number)."), n));
          break;
        case FACTURES_VAT_CATEGORY_O:
          if (buyer_vat && is_eu_vat_id (buyer->party.vat_id) &&
              (seller == NULL || seller->territory != FACTURES_VAT_TERRITORY_GUYANE_MAYOTTE))
            add_refusal (mentions, "vat-o-vat-id", g_strdup ("BR-O-02"),
                         g_strdup_printf (_("Line %u: the client has an EU VAT number (Client, VAT number): "
                                            "a service to a business in the EU is reverse-charged "
                                            "(Autoliquidation, AE), not outside the scope of VAT (O)."), n));
          break;
        case FACTURES_VAT_CATEGORY_E:
          if (!exemption_has_basis (seller, franchise, line, &t))
            add_refusal (mentions, "vat-e-basis", g_strdup ("BR-E-10 ; art. 261 et 293 B du CGI"),
                         g_strdup_printf (_("Line %u: VAT category: an exempt line (E) needs its legal "
                                            "basis on the invoice: an exempt activity of your Business "
                                            "profile (art. 261 du CGI) or, in franchise en base, art. 293 B "
                                            "du CGI. A reason for the change is not a legal basis."), n));
          break;
        case FACTURES_VAT_CATEGORY_Z:
          if (zone == FACTURES_VAT_CLIENT_FRANCE)
            add_refusal (mentions, "vat-z-france", g_strdup ("art. 278 à 281 nonies du CGI ; BR-FR-15"),
                         g_strdup_printf (_("Line %u: VAT category: France has no zero rate (Z); a French "
                                            "operation is taxed (S) or exempt with its legal basis (E), "
                                            "whatever the reason given."), n));
          break;
        case FACTURES_VAT_CATEGORY_S:
        case FACTURES_VAT_CATEGORY_UNSET:
        default:
          break;
        }

      /* Impossible whatever the override reason: a reason chooses among lawful treatments. */
      if (t.category == FACTURES_VAT_CATEGORY_K &&
          !factures_line_activity_is_goods (factures_vat_line_activity (line, seller)))
        add_refusal (mentions, "vat-k-services", g_strdup ("art. 262 ter I du CGI"),
                     g_strdup_printf (_("Line %u: VAT category: an intra-community supply (K, art. 262 "
                                        "ter I du CGI) is a supply of goods, and this line is a service "
                                        "(Activity); a service to a business in the EU is reverse-charged "
                                        "(Autoliquidation, AE)."), n));
      if (t.category == FACTURES_VAT_CATEGORY_G && (zone == FACTURES_VAT_CLIENT_EU || buyer_in_france (buyer)))
        add_refusal (mentions, "vat-g-zone", g_strdup ("art. 262 I du CGI ; BR-G"),
                     g_strdup_printf (_("Line %u: VAT category: an export (G, art. 262 I du CGI) is a "
                                        "supply of goods leaving the EU, and the client is in France or "
                                        "in a member state of the EU (Client, Country); goods to a "
                                        "business in the EU are an intra-community supply (K)."), n));

      if (line->vat_category != FACTURES_VAT_CATEGORY_UNSET &&
          !(line->debours && document->kind != FACTURES_DOCUMENT_KIND_CREDIT_NOTE) &&
          !factures_vat_line_proposal (document, line, &proposal) && is_blank (line->override_reason))
        add_refusal (mentions, "vat-override", g_strdup (proposal.source),
                     g_strdup_printf (_("Line %u: VAT category: %s (%s) is proposed for this client and "
                                        "line; give the reason for choosing %s (Reason for the change)."),
                                      n, factures_vat_category_code (proposal.category),
                                      factures_vat_category_label (proposal.category),
                                      factures_vat_category_code (t.category)));
    }

  if (has_o && has_other)
    add_refusal (mentions, "vat-o-mixed", g_strdup ("BR-O-11"),
                 g_strdup (_("VAT category: a line outside the scope of VAT (O) cannot share an invoice "
                             "with lines of another category; issue them on separate invoices.")));
}
