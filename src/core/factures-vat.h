/* factures-vat.h — the VAT treatment of a line: decided from the seller, the client and the
 * line's nature, not typed (issue 13)
 *
 * Facts and codes: ../shared/reference/LEGAL-2.md §1 (clients abroad) and §2 (exempt activities),
 * LEGAL.md §1 and §8 (EN 16931 BG-23, BT-118/120/121/151, BR-FR-15/16).
 *
 * Vocabulary:
 * - a line's *activity* (FacturesLineActivity) is what the seller does on that line: it gives the
 *   nature of the operation (goods, services or both: the mention and CII BT-23) and the URSSAF box
 *   of the declarations (ventes / prestations BIC / prestations BNC / meublé de tourisme classé);
 * - a line's *VAT treatment* is its category (BT-151: S, Z, E, AE, K, G, O), its rate (BT-152,
 *   basis points), the exemption reason code (BT-121, a VATEX code) and text (BT-120, the mention
 *   printed on the PDF), and, when the user chose something else than the proposal, the reason
 *   for it (kept with the line, shown in the checker);
 * - the *proposal* (factures_vat_propose()) is what the law says for seller × client × line.
 *
 * Everything here is pure (no I/O); strings returned as `const char *` are static, French
 * for mentions (legal text on the document is always French).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Forward declarations (factures-document.h includes this header). */
typedef struct _FacturesProfile  FacturesProfile;
typedef struct _FacturesClient   FacturesClient;
typedef struct _FacturesLine     FacturesLine;
typedef struct _FacturesDocument FacturesDocument;

/**
 * FacturesLineActivity:
 * @FACTURES_LINE_ACTIVITY_DEFAULT: not chosen: the profile's default line activity
 *   (factures_vat_line_activity() resolves it); what old lines and old JSON exports carry
 * @FACTURES_LINE_ACTIVITY_GOODS: vente de biens (livraison de biens; URSSAF "ventes", BIC)
 * @FACTURES_LINE_ACTIVITY_SERVICES_BIC: prestation de services commerciale ou artisanale (BIC)
 * @FACTURES_LINE_ACTIVITY_SERVICES_BNC: prestation de services libérale (BNC)
 * @FACTURES_LINE_ACTIVITY_FURNISHED_TOURISM: location de meublé de tourisme classé (BIC; a
 *   service taxed where the property is, so always treated as a French operation)
 *
 * Stored as these integers (lines.activity, catalogue.activity, profile.line_activity).
 * Catalogue items carry one (their old is_goods is GOODS or the profile's services activity).
 */
typedef enum {
  FACTURES_LINE_ACTIVITY_DEFAULT           = 0,
  FACTURES_LINE_ACTIVITY_GOODS             = 1,
  FACTURES_LINE_ACTIVITY_SERVICES_BIC      = 2,
  FACTURES_LINE_ACTIVITY_SERVICES_BNC      = 3,
  FACTURES_LINE_ACTIVITY_FURNISHED_TOURISM = 4,
} FacturesLineActivity;

#define FACTURES_LINE_ACTIVITY_LAST FACTURES_LINE_ACTIVITY_FURNISHED_TOURISM

/* TRUE for GOODS: a supply of goods (livraison de biens); FALSE for the services. */
gboolean    factures_line_activity_is_goods (FacturesLineActivity activity);
/* "Vente de biens", "Prestation commerciale ou artisanale (BIC)", … (translated, for the UI). */
const char *factures_line_activity_label    (FacturesLineActivity activity);

/**
 * FacturesVatTerritory:
 * @FACTURES_VAT_TERRITORY_METROPOLE: France métropolitaine (rates of art. 278 ff. CGI)
 * @FACTURES_VAT_TERRITORY_CORSE: Corse (art. 297 CGI adds 13 % and 0.9 %, keeps 10 % and 2.1 %)
 * @FACTURES_VAT_TERRITORY_DOM: Guadeloupe, Martinique, La Réunion (art. 296 CGI: 8.5 %, 2.1 %,
 *   1.75 %, 1.05 %)
 * @FACTURES_VAT_TERRITORY_GUYANE_MAYOTTE: Guyane or Mayotte, where VAT does not apply
 *   (art. 294 1° CGI): every line is O, "TVA non applicable, art. 294 du CGI" (to confirm)
 *
 * Where the seller is established (profile.territory).
 */
typedef enum {
  FACTURES_VAT_TERRITORY_METROPOLE      = 0,
  FACTURES_VAT_TERRITORY_CORSE          = 1,
  FACTURES_VAT_TERRITORY_DOM            = 2,
  FACTURES_VAT_TERRITORY_GUYANE_MAYOTTE = 3,
} FacturesVatTerritory;

#define FACTURES_VAT_TERRITORY_LAST FACTURES_VAT_TERRITORY_GUYANE_MAYOTTE

/* "France métropolitaine", "Corse", "Guadeloupe, Martinique, La Réunion", "Guyane, Mayotte". */
const char *factures_vat_territory_label (FacturesVatTerritory territory);

/**
 * FacturesVatCategory:
 * @FACTURES_VAT_CATEGORY_UNSET: not recorded (lines written before issue 13): the old rule
 *   applies, E in franchise, S with a rate above 0 (factures_vat_line_category())
 * @FACTURES_VAT_CATEGORY_S: standard rate (taux normal, intermédiaire, réduit, particulier)
 * @FACTURES_VAT_CATEGORY_Z: zero rated; never proposed (France has no zero rate), kept on import
 * @FACTURES_VAT_CATEGORY_E: exempt (franchise 293 B, art. 261 …)
 * @FACTURES_VAT_CATEGORY_AE: reverse charge ("Autoliquidation"): services to an EU business
 * @FACTURES_VAT_CATEGORY_K: intra-community supply of goods (art. 262 ter I), VAT-registered
 *   sellers only
 * @FACTURES_VAT_CATEGORY_G: export of goods outside the EU (art. 262 I)
 * @FACTURES_VAT_CATEGORY_O: outside the scope of VAT (services to a business outside the EU,
 *   art. 259-1°; a seller in Guyane or Mayotte, art. 294)
 *
 * EN 16931 UNCL5305 codes allowed by BR-FR-15 (S, E, AE, K, G, O, Z). Stored as the code text
 * (lines.vat_category: NULL for UNSET).
 */
typedef enum {
  FACTURES_VAT_CATEGORY_UNSET = 0,
  FACTURES_VAT_CATEGORY_S,
  FACTURES_VAT_CATEGORY_Z,
  FACTURES_VAT_CATEGORY_E,
  FACTURES_VAT_CATEGORY_AE,
  FACTURES_VAT_CATEGORY_K,
  FACTURES_VAT_CATEGORY_G,
  FACTURES_VAT_CATEGORY_O,
} FacturesVatCategory;

#define FACTURES_VAT_CATEGORY_LAST FACTURES_VAT_CATEGORY_O

/* "S", "Z", "E", "AE", "K", "G", "O"; NULL for UNSET. */
const char          *factures_vat_category_code      (FacturesVatCategory category);
/* The category of an EN 16931 code (case-sensitive, as in the XML); UNSET for NULL or any
 * other code (L, M, B: refused by BR-FR-15). */
FacturesVatCategory  factures_vat_category_from_code (const char *code);
/* "Taux normal ou réduit", "Exonération", "Autoliquidation", … (translated, for the UI). */
const char          *factures_vat_category_label     (FacturesVatCategory category);

/* VATEX codes (BT-121) this module writes (CEF VATEX list, LEGAL-2.md §1–§2). */
#define FACTURES_VATEX_FRANCHISE  "VATEX-FR-FRANCHISE"   /* art. 293 B du CGI */
#define FACTURES_VATEX_CGI261_4   "VATEX-FR-CGI261-4"    /* art. 261-4 (teaching, care) */
#define FACTURES_VATEX_EU_AE      "VATEX-EU-AE"          /* reverse charge */
#define FACTURES_VATEX_EU_IC      "VATEX-EU-IC"          /* intra-community supply */
#define FACTURES_VATEX_EU_G       "VATEX-EU-G"           /* export outside the EU */
#define FACTURES_VATEX_EU_O       "VATEX-EU-O"           /* not subject to VAT */
/* Débours (art. 267 II 2° du CGI, transposing art. 79 c of directive 2006/112/EC: sums paid in
 * the client's name and for the client, left out of the taxable amount). The CEF VATEX list
 * (also in the code lists of the EN 16931 validation, data/01_en16931_ubl/xslt, and of
 * Factur-X, the codedb files of data/02_facturx) gives "VATEX-EU-79-C", "Exempt based on article 79, point c of
 * Council Directive 2006/112/EC", with category E; the validators accept it beside S, AE, K, G
 * and E rows. An invoice whose other lines are all O (BR-O-11: O shares no invoice) gives its
 * débours O with VATEX-EU-O instead. */
#define FACTURES_VATEX_EU_79_C    "VATEX-EU-79-C"
/* The mention printed for débours (BT-120), French. */
#define FACTURES_VAT_MENTION_DEBOURS "Débours : frais payés au nom et pour le compte du client, hors base de TVA (art. 267 II 2° du CGI)"

/**
 * FacturesVatExemption:
 * @FACTURES_VAT_EXEMPTION_NONE: the activity is not exempt
 * @FACTURES_VAT_EXEMPTION_261_4_4_A: formation professionnelle continue (with the DREETS
 *   attestation) or school teaching, art. 261-4-4° a du CGI
 * @FACTURES_VAT_EXEMPTION_261_4_4_B: private lessons given by a natural person and paid by the
 *   pupils, art. 261-4-4° b du CGI
 * @FACTURES_VAT_EXEMPTION_261_4_1: medical and paramedical care by a regulated profession,
 *   art. 261-4-1° du CGI
 *
 * The legal basis of an exempt activity (LEGAL-2.md §2). All three are VATEX-FR-CGI261-4 (the
 * VATEX list stops at the paragraph). Stored as these integers (profile_exempt_activities.basis).
 */
typedef enum {
  FACTURES_VAT_EXEMPTION_NONE       = 0,
  FACTURES_VAT_EXEMPTION_261_4_4_A  = 1,
  FACTURES_VAT_EXEMPTION_261_4_4_B  = 2,
  FACTURES_VAT_EXEMPTION_261_4_1    = 3,
} FacturesVatExemption;

#define FACTURES_VAT_EXEMPTION_LAST FACTURES_VAT_EXEMPTION_261_4_1

/* "Exonération de TVA, art. 261-4-4° a du CGI", …: the mention (BT-120), French; NULL for NONE. */
const char *factures_vat_exemption_mention (FacturesVatExemption basis);
/* "Formation professionnelle continue ou enseignement (art. 261-4-4° a)", … (translated, UI). */
const char *factures_vat_exemption_label   (FacturesVatExemption basis);

/**
 * FacturesExemptActivity:
 * @label: the seller's words for it ("Formation professionnelle"), UTF-8, owned
 * @basis: its legal basis (never NONE in a stored profile)
 *
 * One activity of the seller that is exempt from VAT (profile.exempt_activities). A line that
 * carries it is proposed E with the basis' mention and VATEX code.
 */
typedef struct {
  char                 *label;
  FacturesVatExemption  basis;
} FacturesExemptActivity;

FacturesExemptActivity *factures_exempt_activity_new  (const char *label, FacturesVatExemption basis);
FacturesExemptActivity *factures_exempt_activity_copy (const FacturesExemptActivity *activity);
void                    factures_exempt_activity_free (FacturesExemptActivity *activity);

/**
 * FacturesVatRate:
 * @rate_bp: the rate in basis points (2000 = 20 %)
 * @label: "taux normal", "taux intermédiaire", … (French)
 * @source: the article of the CGI that sets it, e.g. "art. 278 du CGI"
 *
 * One VAT rate of a territory: rates are data, with their source.
 */
typedef struct {
  gint        rate_bp;
  const char *label;
  const char *source;
} FacturesVatRate;

/**
 * factures_vat_rates:
 * @territory: where the seller is established
 * @n_rates: (out): the number of rates
 *
 * The rates of category S in @territory, highest first: metropole 20 / 10 / 5.5 / 2.1
 * (art. 278, 279, 278-0 bis, 281 quater ff.); Corse 20 / 13 / 10 / 5.5 / 2.1 / 0.9 (art. 297);
 * DOM 8.5 / 2.1 / 1.75 / 1.05 (art. 296, 296 ter, 298 septies); none in Guyane and Mayotte
 * (art. 294).
 *
 * Returns: (transfer none) (array length=n_rates): static data, NULL when none.
 */
const FacturesVatRate *factures_vat_rates (FacturesVatTerritory territory,
                                           guint               *n_rates);

/* TRUE when @rate_bp is a rate of category S in @territory (factures_vat_rates()). */
gboolean factures_vat_rate_allowed (FacturesVatTerritory territory,
                                    gint                 rate_bp);

/* The standard (highest) S rate of @territory in basis points, 0 in Guyane and Mayotte. */
gint     factures_vat_standard_rate (FacturesVatTerritory territory);

/**
 * FacturesVatClientZone:
 * @FACTURES_VAT_CLIENT_FRANCE: the client is in France (country "FR", or not given)
 * @FACTURES_VAT_CLIENT_EU: in another member state of the EU (EL for Greece, XI Northern Ireland
 *   for goods)
 * @FACTURES_VAT_CLIENT_NON_EU: anywhere else (GB, CH, US, …)
 */
typedef enum {
  FACTURES_VAT_CLIENT_FRANCE,
  FACTURES_VAT_CLIENT_EU,
  FACTURES_VAT_CLIENT_NON_EU,
} FacturesVatClientZone;

/* The zone of an ISO 3166-1 alpha-2 country code (NULL or "" → FRANCE; GR and EL → EU). */
FacturesVatClientZone factures_vat_client_zone (const char *country_code);

/* TRUE when @client is a business for VAT purposes: its category is not "particulier"
 * (factures_client_category_is_b2b()). A business abroad identifies itself by its VAT number
 * (party.vat_id) or, outside the EU, its legal identifier (FacturesClient.legal_id, BT-47). */
gboolean              factures_vat_client_is_business (const FacturesClient *client);

/**
 * FacturesVatProposal:
 * @category: the proposed category (never UNSET)
 * @rate_bp: the proposed rate: the territory's standard rate for S, 0 otherwise
 * @vatex: (nullable): the exemption reason code (BT-121), NULL for S
 * @mention: (nullable): the mention printed on the document and written as BT-120 (French),
 *   NULL for S
 * @source: the legal basis of the decision ("art. 259-1° du CGI", …), for the help and checker
 * @to_confirm: TRUE when the references leave the decision open (LEGAL-2.md "to confirm"):
 *   franchise goods abroad, Guyane/Mayotte
 *
 * What the law says for one line. All strings static.
 */
typedef struct {
  FacturesVatCategory  category;
  gint                 rate_bp;
  const char          *vatex;
  const char          *mention;
  const char          *source;
  gboolean             to_confirm;
} FacturesVatProposal;

/**
 * factures_vat_propose:
 * @seller: the seller's profile (regime, territory, VAT number)
 * @buyer: (nullable): the client (country, business or private); NULL: a French private client
 * @activity: the line's activity (DEFAULT: the profile's)
 * @exemption: the legal basis when the line is an exempt activity of the seller, else NONE
 * @out: (out caller-allocates): the proposal
 *
 * Seller × client × line nature → category, rate, VATEX, mention (LEGAL-2.md §1–§2):
 * - seller in Guyane or Mayotte: O, "TVA non applicable, art. 294 du CGI" (to confirm);
 * - services (not a furnished tourist let) to a business in another member state: AE,
 *   VATEX-EU-AE, "Autoliquidation" (art. 259-1°, 283-2; even in franchise, art. 286 ter 5°);
 * - services to a business outside the EU: O, VATEX-EU-O, "TVA non applicable, art. 259-1 du CGI";
 * - goods to a business in another member state: K, VATEX-EU-IC, "Exonération de TVA, art. 262
 *   ter I du CGI" when VAT-registered; in franchise E + 293 B (262 ter I excludes 293 B sellers,
 *   to confirm);
 * - goods to a client outside the EU: G, VATEX-EU-G, "Exonération de TVA, art. 262 I du CGI" when
 *   VAT-registered; in franchise E + 293 B (to confirm);
 * - otherwise (a French operation, or a private client in the EU, or a private client abroad for
 *   services, whose 259 B case is left to an override): an exempt activity gives E, VATEX-FR-
 *   CGI261-4 and its 261 mention; franchise gives E, VATEX-FR-FRANCHISE, "TVA non applicable,
 *   art. 293 B du CGI"; a VAT-registered seller gives S at its territory's standard rate.
 * Z is never proposed.
 */
void factures_vat_propose (const FacturesProfile *seller,
                           const FacturesClient  *buyer,
                           FacturesLineActivity   activity,
                           FacturesVatExemption   exemption,
                           FacturesVatProposal   *out);

/**
 * factures_vat_apply_proposal:
 * @line: the line to set
 * @proposal: a proposal (factures_vat_propose())
 *
 * Writes the proposal into @line: vat_category, vat_rate_bp (kept when the proposal is S and the
 * line's rate is already one of the territory's, which the caller checks), vatex,
 * exemption_reason; clears override_reason.
 */
void factures_vat_apply_proposal (FacturesLine              *line,
                                  const FacturesVatProposal *proposal);

/**
 * factures_vat_line_activity:
 * @line: a line
 * @seller: (nullable): the seller's profile
 *
 * The line's activity, DEFAULT resolved from the profile: profile.line_activity when set, else
 * GOODS for a goods-selling profile, SERVICES_BIC for a registered trader or craftsman (RCS, RNE),
 * SERVICES_BNC otherwise.
 */
FacturesLineActivity factures_vat_line_activity (const FacturesLine    *line,
                                                 const FacturesProfile *seller);

/**
 * FacturesVatTreatment:
 * @category: the effective category (never UNSET)
 * @rate_bp: the rate
 * @vatex: (nullable): the VATEX code (BT-121) or NULL
 * @reason: (nullable): the exemption reason text (BT-120, the mention) or NULL
 *
 * A line's effective treatment; strings point into the line or into static data (transfer none).
 */
typedef struct {
  FacturesVatCategory  category;
  gint                 rate_bp;
  const char          *vatex;
  const char          *reason;
} FacturesVatTreatment;

/**
 * factures_vat_line_treatment:
 * @line: a line
 * @franchise: TRUE when the seller is in franchise en base
 * @out: (out caller-allocates): the treatment
 *
 * What the line carries, with the old rule for lines without a category (E + 293 B in
 * franchise, S when the rate is above 0, E otherwise) and, for a category without its VATEX code
 * or mention, the usual ones of that category (E: franchise when @franchise).
 */
void factures_vat_line_treatment (const FacturesLine   *line,
                                  gboolean              franchise,
                                  FacturesVatTreatment *out);

/**
 * factures_vat_document_activity_mention:
 * @document: a document with its lines and seller
 *
 * The nature of the operation from the lines' activities (mandatory mention from 1 Sep 2027,
 * CII BT-23): "livraison de biens", "prestation de services" or "livraison de biens et
 * prestation de services" (lower case, as printed after "Opération :"); with no lines, from the
 * profile. French, static.
 */
const char *factures_vat_document_activity_mention (const FacturesDocument *document);

/* CII BT-23 process code for @document: "B1" goods, "S1" services, "M1" both (BR-FR-08). */
const char *factures_vat_document_process_code (const FacturesDocument *document);

/* TRUE when every line of @document is category O (the CII then carries no seller or buyer VAT
 * identifier, BR-O-02; the PDF still prints them). */
gboolean    factures_vat_document_is_out_of_scope (const FacturesDocument *document);

/* The basis whose mention is @mention (factures_vat_exemption_mention()), NONE for any other. */
FacturesVatExemption factures_vat_exemption_from_mention (const char *mention);

/**
 * factures_vat_line_proposal:
 * @document: the document (seller, buyer)
 * @line: one of its lines
 * @out: (out caller-allocates): what factures_vat_propose() says for it, with the line's
 *   activity and, when the line carries a 261 mention, that exemption basis
 *
 * Returns: %TRUE when the line follows the proposal (same category, and same rate for S or any
 *   rate of the territory), %FALSE when it is an override (which needs an override_reason).
 */
gboolean factures_vat_line_proposal (const FacturesDocument *document,
                                     const FacturesLine     *line,
                                     FacturesVatProposal    *out);

/**
 * factures_vat_debours_proposal:
 * @document: the document (seller, its other lines)
 * @out: (out caller-allocates): the treatment of its débours lines
 *
 * Débours (FacturesLine.debours) are outside the VAT base whatever their row says (art. 267
 * II 2° du CGI; LEGAL-2.md §3): E, rate 0, VATEX-EU-79-C and FACTURES_VAT_MENTION_DEBOURS;
 * O with VATEX-EU-O and the same mention when the seller is in Guyane or Mayotte or every other
 * line of @document is O (BR-O-11 lets O share no invoice). Strings static.
 */
void     factures_vat_debours_proposal (const FacturesDocument *document,
                                        FacturesVatProposal    *out);

/**
 * factures_vat_resolve_lines:
 * @document: a draft about to be issued, with its seller and buyer
 *
 * Gives every line without a VAT category (UNSET: the door that wrote the draft left the
 * treatment to the core: a JSON draft without `vat_category`, a draft written before issue 13, an
 * editor line never given a treatment) the core's proposal for this seller, client and line
 * (factures_vat_line_proposal(): category, VATEX code and mention; rate 0 outside S). For S the
 * line keeps its rate, which factures_vat_check() then checks against the territory's. Lines
 * with a category and the lines of a credit note (it mirrors the invoice it corrects, whose
 * copied lines keep what was invoiced) are left as they are. Débours lines get
 * factures_vat_debours_proposal() whatever their row says (category, rate, override reason),
 * after the other lines are resolved. A document issued before its seller's vat_from is issued
 * in franchise (the seller snapshot's regime is set so, and its S lines without a reason follow
 * the franchise proposal).
 * factures_store_issue() calls it before the checks, so
 * every door issues the same treatment; issued documents are never passed to it.
 */
void     factures_vat_resolve_lines (FacturesDocument *document);

/**
 * factures_vat_check:
 * @mentions: (element-type FacturesMissingMention): the list to add to (factures-mentions.h)
 * @document: a document about to be issued (seller, buyer, lines)
 *
 * Adds, as errors, every VAT treatment EN 16931, BR-FR and the CGI refuse, each with a French
 * message naming the line and field and the rule id in FacturesMissingMention.detail:
 * "vat-category" (BR-FR-15: S, E, AE, K, G, O, Z only), "vat-rate" (S: a rate of the seller's
 * territory, art. 278 ff., 296, 297, BR-S-05; other categories 0, BR-AE-05, BR-E-05, BR-O-05,
 * BR-IC-05, BR-G-05, BR-Z-05), "vat-franchise" (franchise seller charging VAT, art. 293 B; K by a
 * franchise seller, art. 262 ter I, BR-IC), "vat-territory" (Guyane/Mayotte: only O, art. 294),
 * "vat-ae-seller" (AE without the seller's intra-community VAT number: ask the SIE, art. 286 ter,
 * BR-AE-02), "vat-ae-buyer" (AE without the client's VAT number or legal id, BR-AE-02),
 * "vat-ic-seller"/"vat-ic-buyer" (K without the seller's or client's VAT number, BR-IC-02),
 * "vat-g-seller" (G without the seller's VAT number, BR-G-02), "vat-o-vat-id" (O line to a
 * client with an EU VAT number: reverse charge, BR-O-02), "vat-o-mixed" (O with another
 * category, BR-O-11), "vat-override" (a treatment other than the proposal without a reason),
 * and, whatever the override reason: "vat-e-basis" (E without its legal basis: an exempt activity
 * of the profile, art. 261, or 293 B in franchise; BR-E-10), "vat-z-france" (Z on a French
 * operation: France has no zero rate), "vat-k-services" (K on a service line, art. 262 ter I),
 * "vat-g-zone" (G to a client in France or in the EU, art. 262 I).
 * factures_mentions_check() calls it.
 */
void     factures_vat_check (GPtrArray              *mentions,
                             const FacturesDocument *document);

/**
 * factures_vat_check_line:
 * @line: a line being saved in a draft
 * @index: its 0-based position (messages say "Line @index + 1")
 * @seller: (nullable): the current profile (NULL: an empty profile)
 * @error: FACTURES_ERROR_INVALID with a French message naming the line and field and the rule
 *
 * The checks of factures_vat_check() that depend on the line and the seller only (category
 * code, rate for the category and territory, franchise, Guyane/Mayotte, activity range), applied
 * by every door that writes a draft (editor, JSON import, Factur-X draft import): a draft never
 * holds a treatment that could not be issued whatever the client. A débours line is not
 * refused for its VAT: it is issued without VAT whatever its row says (factures_vat_resolve_lines()).
 *
 * Returns: %FALSE with @error set when refused.
 */
gboolean factures_vat_check_line (const FacturesLine    *line,
                                  guint                  index,
                                  const FacturesProfile *seller,
                                  GError               **error);

G_END_DECLS
