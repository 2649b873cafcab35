/* factures-cii.c — CII XML (profile EN 16931) of an issued document
 *
 * Element order follows Factur-X_1.09_EN16931_…ReusableAggregateBusinessInformationEntity_100.xsd
 * (xs:sequence everywhere: order matters). References: LEGAL.md §8, §11, §12.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlIO.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "factures-cii.h"
#include "factures-cii-parse.h"
#include "factures-currency.h"
#include "factures-facturx-resources.h"
#include "factures-identifiers.h"
#include "factures-schedule.h"

#define NS_RSM "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
#define NS_RAM "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
#define NS_UDT "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"
#define NS_QDT "urn:un:unece:uncefact:data:standard:QualifiedDataType:100"

#define RESOURCE_PREFIX "resource:///org/example/Factures/facturx/"

typedef struct {
  xmlNsPtr rsm, ram, udt, qdt;
  gint     sign;   /* -1: a credit note stored with negative figures, written positive */
} Ctx;

static gboolean
is_blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return FALSE;
  return TRUE;
}

/* Cents as "1234.50" (BR-DEC: 2 decimals). */
static char *
amount (gint64 cents)
{
  guint64 abs = cents < 0 ? (guint64) 0 - (guint64) cents : (guint64) cents;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", cents < 0 ? "-" : "",
                          abs / 100, (guint) (abs % 100));
}

/* A fixed-point value with @scale decimals (10^scale = @one) as a dot decimal,
 * trailing zeros dropped down to @min_decimals. */
static char *
decimal (gint64 value, gint64 one, guint scale, guint min_decimals)
{
  guint64 abs = value < 0 ? (guint64) 0 - (guint64) value : (guint64) value;
  g_autofree char *frac = g_strdup_printf ("%0*" G_GUINT64_FORMAT, (int) scale, abs % (guint64) one);
  gsize len = strlen (frac);

  while (len > min_decimals && frac[len - 1] == '0')
    frac[--len] = '\0';
  if (len == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, value < 0 ? "-" : "", abs / (guint64) one);
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%s", value < 0 ? "-" : "",
                          abs / (guint64) one, frac);
}

static char *
rate_percent (gint rate_bp)
{
  return decimal (rate_bp, 100, 2, 2);
}

static char *
date_102 (const GDate *date)
{
  return g_strdup_printf ("%04u%02u%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

static xmlNodePtr
ram (Ctx *ctx, xmlNodePtr parent, const char *name)
{
  return xmlNewChild (parent, ctx->ram, BAD_CAST name, NULL);
}

static xmlNodePtr
ram_text (Ctx *ctx, xmlNodePtr parent, const char *name, const char *text)
{
  return xmlNewTextChild (parent, ctx->ram, BAD_CAST name, BAD_CAST text);
}

static void
ram_text_attr (Ctx *ctx, xmlNodePtr parent, const char *name, const char *text,
               const char *attr, const char *value)
{
  xmlNodePtr node = ram_text (ctx, parent, name, text);

  xmlNewProp (node, BAD_CAST attr, BAD_CAST value);
}

static void
ram_amount (Ctx *ctx, xmlNodePtr parent, const char *name, gint64 cents)
{
  g_autofree char *text = amount (cents);

  ram_text (ctx, parent, name, text);
}

static void
date_element (Ctx *ctx, xmlNodePtr parent, const char *name, const GDate *date, gboolean qualified)
{
  g_autofree char *text = date_102 (date);
  xmlNodePtr wrapper = ram (ctx, parent, name);
  xmlNodePtr node = xmlNewTextChild (wrapper, qualified ? ctx->qdt : ctx->udt,
                                     BAD_CAST "DateTimeString", BAD_CAST text);

  xmlNewProp (node, BAD_CAST "format", BAD_CAST "102");
}

static void
indicator (Ctx *ctx, xmlNodePtr parent, gboolean charge)
{
  xmlNodePtr node = ram (ctx, parent, "ChargeIndicator");

  xmlNewTextChild (node, ctx->udt, BAD_CAST "Indicator", BAD_CAST (charge ? "true" : "false"));
}

/* Digits only (SIREN, SIRET), or NULL. */
static char *
digits (const char *s)
{
  GString *out;

  if (s == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (; *s; s++)
    if (g_ascii_isdigit (*s))
      g_string_append_c (out, *s);
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* SIREN of @party: its own field, else the first 9 digits of its SIRET. */
static char *
party_siren (const FacturesParty *party)
{
  g_autofree char *siren = digits (party->siren);
  g_autofree char *siret = digits (party->siret);

  if (siren != NULL && strlen (siren) == 9)
    return g_steal_pointer (&siren);
  if (siret != NULL && strlen (siret) == 14)
    return g_strndup (siret, 9);
  return NULL;
}

static void
postal_address (Ctx *ctx, xmlNodePtr parent, const FacturesParty *party)
{
  xmlNodePtr addr = ram (ctx, parent, "PostalTradeAddress");
  g_auto(GStrv) lines = NULL;
  guint n = 0;
  static const char * const names[] = { "LineOne", "LineTwo", "LineThree" };

  if (!is_blank (party->postal_code))
    ram_text (ctx, addr, "PostcodeCode", party->postal_code);

  if (!is_blank (party->address))
    {
      g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);

      lines = g_strsplit (party->address, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        if (!is_blank (lines[i]))
          g_ptr_array_add (kept, g_strstrip (g_strdup (lines[i])));
      /* Three lines at most: the rest joins the third one. */
      for (guint i = 0; i < kept->len && n < 3; i++)
        {
          if (n == 2 && kept->len > 3)
            {
              g_autoptr(GString) rest = g_string_new (NULL);

              for (guint j = i; j < kept->len; j++)
                g_string_append_printf (rest, "%s%s", j > i ? ", " : "",
                                        (const char *) kept->pdata[j]);
              ram_text (ctx, addr, names[n++], rest->str);
              break;
            }
          ram_text (ctx, addr, names[n++], kept->pdata[i]);
        }
    }

  if (!is_blank (party->city))
    ram_text (ctx, addr, "CityName", party->city);
  ram_text (ctx, addr, "CountryID", is_blank (party->country_code) ? "FR" : party->country_code);
}

/* UN/ECE Recommendation 20 code (BT-130) for the free-text unit of a line. The reader
 * (factures-imported.c, unit_text()) maps each code back to the first text below, so an
 * own file exported, imported as a draft and exported again keeps the unit's meaning:
 *   "h", "heure(s)", "hr" → HUR → "h"        "j", "jour(s)", "journée(s)" → DAY → "jour"
 *   "u", "unité(s)", no unit → C62 ("one") → "u"
 *   "pièce(s)", "pce", "pc" → H87 ("piece") → "pièce"
 *   "forfait", "lot" → LS ("lump sum") → "forfait"     "page" → ZZ (mutually defined) → no unit
 *   any other text → C62 → "u" (the text itself is not carried by CII). */
static const char *
unit_code (const char *unit)
{
  static const struct { const char *text; const char *code; } map[] = {
    { "u", "C62" }, { "unité", "C62" }, { "unités", "C62" },
    { "pièce", "H87" }, { "pièces", "H87" }, { "pce", "H87" }, { "pc", "H87" },
    { "h", "HUR" }, { "heure", "HUR" }, { "heures", "HUR" }, { "hr", "HUR" },
    { "j", "DAY" }, { "jour", "DAY" }, { "jours", "DAY" }, { "journée", "DAY" },
    { "journées", "DAY" }, { "demi-journée", "HD" }, { "demi-journées", "HD" },
    { "semaine", "WEE" }, { "semaines", "WEE" }, { "mois", "MON" }, { "an", "ANN" },
    { "année", "ANN" }, { "min", "MIN" }, { "minute", "MIN" }, { "minutes", "MIN" },
    { "kg", "KGM" }, { "g", "GRM" }, { "t", "TNE" }, { "m", "MTR" }, { "km", "KMT" },
    { "cm", "CMT" }, { "m2", "MTK" }, { "m²", "MTK" }, { "m3", "MTQ" }, { "m³", "MTQ" },
    { "l", "LTR" }, { "litre", "LTR" }, { "litres", "LTR" }, { "forfait", "LS" },
    { "lot", "LS" }, { "kwh", "KWH" }, { "page", "ZZ" },
  };
  g_autofree char *folded = NULL;

  if (is_blank (unit))
    return "C62";
  folded = g_utf8_casefold (unit, -1);
  g_strstrip (folded);
  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_strcmp0 (folded, map[i].text) == 0)
      return map[i].code;
  return "C62";  /* "one": pièce, unité, article… */
}

/* BT-151/152 (line) or BT-95/96 (allowance): the category and its rate; an O line or allowance
 * carries no rate (BR-O-05, BR-O-06). */
static void
category_tax (Ctx *ctx, xmlNodePtr parent, const char *element, FacturesVatCategory category, gint rate_bp)
{
  xmlNodePtr tax = ram (ctx, parent, element);
  g_autofree char *rate = rate_percent (rate_bp);

  ram_text (ctx, tax, "TypeCode", "VAT");
  ram_text (ctx, tax, "CategoryCode", factures_vat_category_code (category));
  if (category != FACTURES_VAT_CATEGORY_O)
    ram_text (ctx, tax, "RateApplicablePercent", rate);
}

/* The key of a breakdown row (category and rate) in allowance_by_row. */
static gpointer
row_key (FacturesVatCategory category, gint rate_bp)
{
  return GINT_TO_POINTER ((gint) category * 1000000 + rate_bp);
}

static void
add_note (Ctx *ctx, xmlNodePtr exchanged, const char *content, const char *subject)
{
  xmlNodePtr note = ram (ctx, exchanged, "IncludedNote");

  ram_text (ctx, note, "Content", content);
  if (subject != NULL)
    ram_text (ctx, note, "SubjectCode", subject);
}

static char *
terms_text (const FacturesPaymentTerms *terms)
{
  switch (terms->kind)
    {
    case FACTURES_TERMS_DAYS:
      return g_strdup_printf ("%u jours", terms->days);
    case FACTURES_TERMS_END_OF_MONTH_45:
      return g_strdup ("45 jours fin de mois");
    case FACTURES_TERMS_ON_RECEIPT:
    default:
      return g_strdup ("À réception");
    }
}

static gboolean
has_deposits (const FacturesDocument *document)
{
  return document->kind == FACTURES_DOCUMENT_KIND_INVOICE && document->deposits != NULL
         && document->deposits->len > 0;
}

static const char *
business_process (const FacturesDocument *document)
{
  /* BT-23 (BR-FR-08): B1 goods, S1 services, M1 both; B4/S4/M4 for a final
   * invoice after deposit invoices (LEGAL.md §8). */
  gboolean final = has_deposits (document);
  const char *code = factures_vat_document_process_code (document);

  /* Issue 13: from the lines' activities (factures-vat.h), not the profile's. */
  switch (code[0])
    {
    case 'B':
      return final ? "B4" : "B1";
    case 'M':
      return final ? "M4" : "M1";
    case 'S':
    default:
      return final ? "S4" : "S1";
    }
}

/* BG-3 (BT-25, BT-26): a preceding invoice, with its issue date when known. */
static void
invoice_reference (Ctx *ctx, xmlNodePtr settlement, const FacturesDocumentRef *ref)
{
  xmlNodePtr node;

  if (ref == NULL || ref->number == NULL || *ref->number == '\0')
    return;
  node = ram (ctx, settlement, "InvoiceReferencedDocument");
  ram_text (ctx, node, "IssuerAssignedID", ref->number);
  if (g_date_valid (&ref->issue_date))
    date_element (ctx, node, "FormattedIssueDateTime", &ref->issue_date, TRUE);
}

static void
write_party_seller (Ctx *ctx, xmlNodePtr agreement, const FacturesDocument *document)
{
  const FacturesProfile *seller = document->seller;
  const FacturesParty *p = &seller->party;
  xmlNodePtr party = ram (ctx, agreement, "SellerTradeParty");
  g_autofree char *siren = party_siren (p);
  g_autofree char *siret = digits (p->siret);

  if (siret != NULL && strlen (siret) == 14)
    ram_text_attr (ctx, party, "GlobalID", siret, "schemeID", "0009");
  ram_text (ctx, party, "Name", is_blank (p->name) ? "" : p->name);
  if (siren != NULL)
    {
      xmlNodePtr legal = ram (ctx, party, "SpecifiedLegalOrganization");

      ram_text_attr (ctx, legal, "ID", siren, "schemeID", "0002");
    }
  if (!is_blank (p->email) || !is_blank (p->phone))
    {
      xmlNodePtr contact = ram (ctx, party, "DefinedTradeContact");

      if (!is_blank (p->phone))
        ram_text (ctx, ram (ctx, contact, "TelephoneUniversalCommunication"), "CompleteNumber", p->phone);
      if (!is_blank (p->email))
        ram_text (ctx, ram (ctx, contact, "EmailURIUniversalCommunication"), "URIID", p->email);
    }
  postal_address (ctx, party, p);
  /* BT-34: the seller's electronic address in the French directory (scheme 0225, SIREN). */
  if (siren != NULL)
    ram_text_attr (ctx, ram (ctx, party, "URIUniversalCommunication"), "URIID", siren, "schemeID", "0225");
  else if (!is_blank (p->email))
    ram_text_attr (ctx, ram (ctx, party, "URIUniversalCommunication"), "URIID", p->email, "schemeID", "EM");

  /* BT-31 VAT identifier when there is one; in franchise without one, BT-32 (FC)
   * with the SIREN so that BR-E-02 holds (LEGAL.md §12). An invoice outside the scope of VAT
   * (O) carries no VAT identifier (BR-O-02; the PDF still prints it, LEGAL-2.md open point 2). */
  if (factures_vat_document_is_out_of_scope (document))
    ;
  else if (!is_blank (p->vat_id))
    {
      g_autofree char *vat = g_strdelimit (g_strdup (p->vat_id), " ", ' ');
      GString *compact = g_string_new (NULL);

      for (const char *c = vat; *c; c++)
        if (*c != ' ')
          g_string_append_c (compact, *c);
      ram_text_attr (ctx, ram (ctx, party, "SpecifiedTaxRegistration"), "ID", compact->str, "schemeID", "VA");
      g_string_free (compact, TRUE);
    }
  else if (seller->vat_regime == FACTURES_VAT_REGIME_FRANCHISE && siren != NULL)
    ram_text_attr (ctx, ram (ctx, party, "SpecifiedTaxRegistration"), "ID", siren, "schemeID", "FC");
}

static void
write_party_buyer (Ctx *ctx, xmlNodePtr agreement, const FacturesDocument *document)
{
  const FacturesClient *buyer = document->buyer;
  const FacturesParty *p = &buyer->party;
  xmlNodePtr party = ram (ctx, agreement, "BuyerTradeParty");
  gboolean b2b = factures_client_category_is_b2b (buyer->category);
  g_autofree char *siren = b2b ? party_siren (p) : NULL;

  ram_text (ctx, party, "Name", is_blank (p->name) ? "" : p->name);
  if (siren != NULL)
    ram_text_attr (ctx, ram (ctx, party, "SpecifiedLegalOrganization"), "ID", siren, "schemeID", "0002");
  else if (b2b && !is_blank (buyer->legal_id))
    /* BT-47 of a business abroad (issue 13): its register number, no scheme. */
    ram_text (ctx, ram (ctx, party, "SpecifiedLegalOrganization"), "ID", buyer->legal_id);
  postal_address (ctx, party, p);
  /* BT-49: 0225 + SIREN for a business (BR-FR-12/13), the e-mail address otherwise; the
   * directory's address (issue 15, PA.md §1.4) replaces the SIREN only when it differs. */
  if (siren != NULL)
    ram_text_attr (ctx, ram (ctx, party, "URIUniversalCommunication"), "URIID",
                   !is_blank (buyer->electronic_address) && strcmp (buyer->electronic_address, siren) != 0
                     ? buyer->electronic_address : siren,
                   "schemeID", "0225");
  else if (!is_blank (p->email))
    ram_text_attr (ctx, ram (ctx, party, "URIUniversalCommunication"), "URIID", p->email, "schemeID", "EM");
  if (b2b && !is_blank (p->vat_id) && !factures_vat_document_is_out_of_scope (document))
    {
      GString *compact = g_string_new (NULL);

      for (const char *c = p->vat_id; *c; c++)
        if (*c != ' ')
          g_string_append_c (compact, *c);
      ram_text_attr (ctx, ram (ctx, party, "SpecifiedTaxRegistration"), "ID", compact->str, "schemeID", "VA");
      g_string_free (compact, TRUE);
    }
}

static void
write_notes (Ctx *ctx, xmlNodePtr exchanged, const FacturesDocument *document)
{
  const FacturesProfile *seller = document->seller;
  gboolean b2b = factures_client_category_is_b2b (document->buyer->category);
  g_autofree char *pmd = NULL;

  if (!is_blank (document->notes))
    {
      g_autofree char *notes = g_strstrip (g_strdup (document->notes));

      add_note (ctx, exchanged, notes, "AAI");
    }

  /* BR-FR-05: PMD (penalties), PMT (recovery indemnity), AAB (escompte), once each;
   * wording as on the PDF (C. com. L441-10, D441-5; C. civ. 1344-1). */
  if (seller->penalty_rate_bp > 0)
    {
      g_autofree char *rate = factures_rate_format (seller->penalty_rate_bp);

      pmd = g_strdup_printf ("Taux des pénalités de retard : %s l'an", rate);
    }
  else if (document->buyer->category == FACTURES_CLIENT_CATEGORY_PUBLIC)
    pmd = g_strdup ("Pénalités de retard : taux de refinancement de la BCE majoré de 8 points");
  else if (b2b)
    pmd = g_strdup ("Pénalités de retard : taux de refinancement de la BCE majoré de 10 points");
  else
    pmd = g_strdup ("Pénalités de retard : taux de l'intérêt légal, à compter de la mise en demeure");
  add_note (ctx, exchanged, pmd, "PMD");

  add_note (ctx, exchanged,
            b2b ? "Indemnité forfaitaire pour frais de recouvrement : 40 €"
                : "Indemnité forfaitaire pour frais de recouvrement : sans objet (client particulier)",
            "PMT");
  /* AAB: the escompte terms as on the PDF (C. com. L441-9). */
  if (seller->escompte_rate_bp > 0)
    {
      g_autofree char *rate = factures_rate_format (seller->escompte_rate_bp);
      g_autofree char *aab = g_strdup_printf ("Escompte pour paiement anticipé : %s si paiement sous %u jours",
                                              rate, seller->escompte_days);

      add_note (ctx, exchanged, aab, "AAB");
    }
  else
    add_note (ctx, exchanged, "Pas d'escompte pour paiement anticipé", "AAB");

  if (!is_blank (seller->insurance))
    {
      g_autofree char *text = g_strdup_printf ("Assurance professionnelle : %s", seller->insurance);

      add_note (ctx, exchanged, text, "ABL");
    }
}

/* First line of @description as the item name (BT-153), the whole text as BT-154 when longer. */
static void
write_product (Ctx *ctx, xmlNodePtr item, const FacturesLine *line)
{
  xmlNodePtr product = ram (ctx, item, "SpecifiedTradeProduct");
  g_autofree char *text = g_strstrip (g_strdup (line->description != NULL ? line->description : ""));
  const char *nl = strchr (text, '\n');

  if (*text == '\0')
    {
      ram_text (ctx, product, "Name", "-");
      return;
    }
  if (nl == NULL)
    {
      ram_text (ctx, product, "Name", text);
      return;
    }
  {
    g_autofree char *first = g_strstrip (g_strndup (text, nl - text));

    ram_text (ctx, product, "Name", *first != '\0' ? first : "-");
    ram_text (ctx, product, "Description", text);
  }
}

/**
 * factures_cii_build:
 * (see factures-cii.h)
 */
GBytes *
factures_cii_build (const FacturesDocument *document,
                    GError                **error)
{
  g_auto(FacturesTotals) totals = { 0 };
  g_autoptr(GHashTable) allowance_by_row = NULL;
  gboolean has_k = FALSE;
  xmlDocPtr doc;
  xmlNodePtr root, context, exchanged, transaction, agreement, delivery, settlement, node;
  Ctx ctx = { 0 };
  xmlChar *buffer = NULL;
  int size = 0;
  GBytes *result;
  gboolean franchise;
  char kind_code[8];

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (document->seller != NULL && document->buyer != NULL, NULL);

  if (document->kind == FACTURES_DOCUMENT_KIND_QUOTE)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   "A quote has no Factur-X form");
      return NULL;
    }
  if (document->number == NULL || !g_date_valid (&document->issue_date))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   "Only an issued document (with its number and date) has a Factur-X form");
      return NULL;
    }
  if (!factures_document_compute_totals (document, &totals, error))
    return NULL;

  franchise = document->seller->vat_regime == FACTURES_VAT_REGIME_FRANCHISE;
  ctx.sign = (document->kind == FACTURES_DOCUMENT_KIND_CREDIT_NOTE && totals.gross_total < 0) ? -1 : 1;

  doc = xmlNewDoc (BAD_CAST "1.0");
  root = xmlNewNode (NULL, BAD_CAST "CrossIndustryInvoice");
  xmlDocSetRootElement (doc, root);
  ctx.rsm = xmlNewNs (root, BAD_CAST NS_RSM, BAD_CAST "rsm");
  ctx.qdt = xmlNewNs (root, BAD_CAST NS_QDT, BAD_CAST "qdt");
  ctx.ram = xmlNewNs (root, BAD_CAST NS_RAM, BAD_CAST "ram");
  ctx.udt = xmlNewNs (root, BAD_CAST NS_UDT, BAD_CAST "udt");
  xmlSetNs (root, ctx.rsm);

  /* BG-2: process control. */
  context = xmlNewChild (root, ctx.rsm, BAD_CAST "ExchangedDocumentContext", NULL);
  ram_text (&ctx, ram (&ctx, context, "BusinessProcessSpecifiedDocumentContextParameter"), "ID",
            business_process (document));
  ram_text (&ctx, ram (&ctx, context, "GuidelineSpecifiedDocumentContextParameter"), "ID",
            FACTURES_CII_GUIDELINE_EN16931);

  /* BT-1, BT-3, BT-2, BG-1. */
  exchanged = xmlNewChild (root, ctx.rsm, BAD_CAST "ExchangedDocument", NULL);
  ram_text (&ctx, exchanged, "ID", document->number);
  g_snprintf (kind_code, sizeof kind_code, "%d", (int) document->kind);
  ram_text (&ctx, exchanged, "TypeCode", kind_code);
  date_element (&ctx, exchanged, "IssueDateTime", &document->issue_date, FALSE);
  write_notes (&ctx, exchanged, document);

  transaction = xmlNewChild (root, ctx.rsm, BAD_CAST "SupplyChainTradeTransaction", NULL);

  /* BG-25: lines. */
  allowance_by_row = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  for (guint i = 0; i < document->lines->len; i++)
    {
      const FacturesLine *line = document->lines->pdata[i];
      gint64 net = g_array_index (totals.line_nets, gint64, i) * ctx.sign;
      gint64 quantity = line->quantity * ctx.sign;
      gint64 price = line->unit_price;
      g_autofree char *id = g_strdup_printf ("%u", i + 1);
      g_autofree char *price_text = NULL;
      g_autofree char *qty_text = NULL;
      const char *ucode = unit_code (line->unit);
      xmlNodePtr item, trade, line_settlement, summation;
      FacturesVatTreatment treatment;
      gint64 *sum;

      factures_vat_line_treatment (line, franchise, &treatment);
      has_k |= treatment.category == FACTURES_VAT_CATEGORY_K;
      /* BR-27: the item net price is never negative; the sign goes to the quantity. */
      if (price < 0)
        {
          price = -price;
          quantity = -quantity;
        }
      price_text = decimal (price, FACTURES_UNIT_PRICE_ONE, 6, 2);
      qty_text = decimal (quantity, FACTURES_QUANTITY_ONE, 4, 0);

      item = ram (&ctx, transaction, "IncludedSupplyChainTradeLineItem");
      ram_text (&ctx, ram (&ctx, item, "AssociatedDocumentLineDocument"), "LineID", id);
      write_product (&ctx, item, line);

      trade = ram (&ctx, item, "SpecifiedLineTradeAgreement");
      ram_text (&ctx, ram (&ctx, trade, "NetPriceProductTradePrice"), "ChargeAmount", price_text);

      ram_text_attr (&ctx, ram (&ctx, item, "SpecifiedLineTradeDelivery"), "BilledQuantity", qty_text,
                     "unitCode", ucode);

      line_settlement = ram (&ctx, item, "SpecifiedLineTradeSettlement");
      category_tax (&ctx, line_settlement, "ApplicableTradeTax", treatment.category, treatment.rate_bp);
      if (line->allowance != 0)
        {
          xmlNodePtr allowance = ram (&ctx, line_settlement, "SpecifiedTradeAllowanceCharge");

          indicator (&ctx, allowance, line->allowance * ctx.sign < 0);
          ram_amount (&ctx, allowance, "ActualAmount", ABS (line->allowance));
          ram_text (&ctx, allowance, "Reason", "Remise");
        }
      summation = ram (&ctx, line_settlement, "SpecifiedTradeSettlementLineMonetarySummation");
      ram_amount (&ctx, summation, "LineTotalAmount", net);

      /* Sum of line nets per breakdown row, to find each row's share of the document allowance
       * (rows are per category, and per rate for S: factures_totals_compute()). */
      {
        gpointer key = row_key (treatment.category,
                                treatment.category == FACTURES_VAT_CATEGORY_S ? treatment.rate_bp : 0);

        sum = g_hash_table_lookup (allowance_by_row, key);
        if (sum == NULL)
          {
            sum = g_new0 (gint64, 1);
            g_hash_table_insert (allowance_by_row, key, sum);
          }
      }
      *sum += g_array_index (totals.line_nets, gint64, i);
    }

  /* BG-4, BG-7 and references. */
  agreement = ram (&ctx, transaction, "ApplicableHeaderTradeAgreement");
  /* BT-10: an administration's service code (issue 15; Chorus Pro requires it, PA.md §4). */
  if (document->buyer->category == FACTURES_CLIENT_CATEGORY_PUBLIC && !is_blank (document->buyer->service_code))
    ram_text (&ctx, agreement, "BuyerReference", document->buyer->service_code);
  write_party_seller (&ctx, agreement, document);
  write_party_buyer (&ctx, agreement, document);
  if (!is_blank (document->purchase_order))
    ram_text (&ctx, ram (&ctx, agreement, "BuyerOrderReferencedDocument"), "IssuerAssignedID",
              document->purchase_order);

  /* BG-13: delivery date (BT-72); the model leaves it unset when it is the issue date. */
  delivery = ram (&ctx, transaction, "ApplicableHeaderTradeDelivery");
  /* BG-15 BT-80: an intra-community supply names the country it is delivered to (BR-IC-12):
   * the buyer's. */
  if (has_k)
    {
      xmlNodePtr ship_to = ram (&ctx, delivery, "ShipToTradeParty");
      const char *country = document->buyer->party.country_code;

      ram_text (&ctx, ram (&ctx, ship_to, "PostalTradeAddress"), "CountryID",
                is_blank (country) ? "FR" : country);
    }
  node = ram (&ctx, delivery, "ActualDeliverySupplyChainEvent");
  date_element (&ctx, node, "OccurrenceDateTime",
                g_date_valid (&document->delivery_date) ? &document->delivery_date : &document->issue_date,
                FALSE);

  /* Settlement. */
  settlement = ram (&ctx, transaction, "ApplicableHeaderTradeSettlement");
  ram_text (&ctx, settlement, "PaymentReference", document->number);  /* BT-83 */
  /* BT-6 then BT-5 (the XSD's order): a document in another currency than the euro keeps its
   * VAT accounts in euros (BR-FR-CO-12, issue 13 item 4). */
  if (!factures_currency_is_euro (document->currency))
    ram_text (&ctx, settlement, "TaxCurrencyCode", "EUR");
  ram_text (&ctx, settlement, "InvoiceCurrencyCode",
            factures_currency_is_euro (document->currency) ? "EUR" : document->currency);
  if (!is_blank (document->seller->iban))
    {
      /* BG-16: 58 = SEPA credit transfer, with the IBAN (BT-84) and BIC (BT-86). */
      xmlNodePtr means = ram (&ctx, settlement, "SpecifiedTradeSettlementPaymentMeans");

      ram_text (&ctx, means, "TypeCode", "58");
      ram_text (&ctx, means, "Information", "Virement SEPA");
      ram_text (&ctx, ram (&ctx, means, "PayeePartyCreditorFinancialAccount"), "IBANID",
                document->seller->iban);
      if (!is_blank (document->seller->bic))
        ram_text (&ctx, ram (&ctx, means, "PayeeSpecifiedCreditorFinancialInstitution"), "BICID",
                  document->seller->bic);
    }

  /* BG-23: VAT breakdown, one row per category and rate. */
  for (guint i = 0; i < totals.breakdown->len; i++)
    {
      const FacturesVatBreakdown *row = &g_array_index (totals.breakdown, FacturesVatBreakdown, i);
      xmlNodePtr tax = ram (&ctx, settlement, "ApplicableTradeTax");
      FacturesVatCategory category = row->vat_category;
      gboolean exempt = category != FACTURES_VAT_CATEGORY_S && category != FACTURES_VAT_CATEGORY_Z;
      g_autofree char *rate = rate_percent (row->rate_bp);
      g_autofree char *reason = NULL;

      /* BT-120: the mention(s) printed on the PDF, one per exemption basis (issue 13). */
      if (exempt)
        reason = row->reason != NULL ? g_strdelimit (g_strdup (row->reason), "\n", ';')
                                     : g_strdup ("Exonération de TVA");
      ram_amount (&ctx, tax, "CalculatedAmount", row->vat * ctx.sign);
      ram_text (&ctx, tax, "TypeCode", "VAT");
      if (reason != NULL)
        ram_text (&ctx, tax, "ExemptionReason", reason);
      ram_amount (&ctx, tax, "BasisAmount", row->base * ctx.sign);
      ram_text (&ctx, tax, "CategoryCode", factures_vat_category_code (category));
      /* BT-121: the VATEX code of the row (the first, when several bases share the E row). */
      if (exempt && row->vatex != NULL)
        ram_text (&ctx, tax, "ExemptionReasonCode", row->vatex);
      if (category != FACTURES_VAT_CATEGORY_O)
        ram_text (&ctx, tax, "RateApplicablePercent", rate);
    }

  /* BG-20: the document allowance, split per VAT rate as factures_totals_compute() does. */
  if (totals.allowance_total != 0)
    for (guint i = 0; i < totals.breakdown->len; i++)
      {
        const FacturesVatBreakdown *row = &g_array_index (totals.breakdown, FacturesVatBreakdown, i);
        gint64 *lines_at_rate = g_hash_table_lookup (allowance_by_row,
                                                     row_key (row->vat_category,
                                                              row->vat_category == FACTURES_VAT_CATEGORY_S
                                                              ? row->rate_bp : 0));
        gint64 share = (lines_at_rate != NULL ? *lines_at_rate : 0) - row->base;
        xmlNodePtr allowance;

        if (share == 0)
          continue;
        allowance = ram (&ctx, settlement, "SpecifiedTradeAllowanceCharge");
        indicator (&ctx, allowance, share * ctx.sign < 0);
        ram_amount (&ctx, allowance, "ActualAmount", ABS (share));
        ram_text (&ctx, allowance, "Reason", "Remise");
        category_tax (&ctx, allowance, "CategoryTradeTax", row->vat_category, row->rate_bp);
      }

  /* BG-20 BT-20 and BT-9. A payment schedule (issue 6) goes into the description,
   * "Paiement en 3 échéances : 300,00 € le 15/01/2027 ; …", as the PDF prints it;
   * the one due date the XSD allows is then the last instalment's. */
  {
    g_autofree char *text = terms_text (&document->terms);
    g_autofree char *description = NULL;
    xmlNodePtr terms = ram (&ctx, settlement, "SpecifiedTradePaymentTerms");
    GDate due = document->due_date;

    if (document->kind == FACTURES_DOCUMENT_KIND_CREDIT_NOTE)
      description = g_strdup ("Avoir : montant à déduire ou à rembourser");
    else if (factures_document_has_schedule (document))
      {
        description = factures_schedule_describe_in (document->instalments, document->currency);
        factures_schedule_due_date (document->instalments, &due);
      }
    else
      description = g_strdup_printf ("Paiement : %s", text);
    ram_text (&ctx, terms, "Description", description);
    if (g_date_valid (&due) && document->kind != FACTURES_DOCUMENT_KIND_CREDIT_NOTE)
      date_element (&ctx, terms, "DueDateDateTime", &due, FALSE);
  }

  /* BG-22: document totals. */
  node = ram (&ctx, settlement, "SpecifiedTradeSettlementHeaderMonetarySummation");
  ram_amount (&ctx, node, "LineTotalAmount", totals.lines_total * ctx.sign);
  if (totals.allowance_total != 0)
    {
      /* BT-107 is a sum of allowances; a negative one is a charge (BT-108). */
      if (totals.allowance_total * ctx.sign < 0)
        ram_amount (&ctx, node, "ChargeTotalAmount", ABS (totals.allowance_total));
      else
        ram_amount (&ctx, node, "AllowanceTotalAmount", ABS (totals.allowance_total));
    }
  ram_amount (&ctx, node, "TaxBasisTotalAmount", totals.net_total * ctx.sign);
  {
    g_autofree char *vat = amount (totals.vat_total * ctx.sign);

    ram_text_attr (&ctx, node, "TaxTotalAmount", vat, "currencyID",
                   factures_currency_is_euro (document->currency) ? "EUR" : document->currency);
  }
  /* BT-111: the VAT total in euros, at the document's exchange rate; 0.00 when no VAT is due
   * (BR-FR-CO-12, BR-53). */
  if (!factures_currency_is_euro (document->currency))
    {
      g_autofree char *vat_eur_text = NULL;
      gint64 vat_eur = 0;

      if (totals.vat_total != 0 && document->exchange_rate > 0
          && !factures_currency_vat_eur (totals.vat_total, document->exchange_rate, &vat_eur, error))
        {
          xmlFreeDoc (doc);
          return NULL;
        }
      vat_eur_text = amount (vat_eur * ctx.sign);
      ram_text_attr (&ctx, node, "TaxTotalAmount", vat_eur_text, "currencyID", "EUR");
    }
  ram_amount (&ctx, node, "GrandTotalAmount", totals.gross_total * ctx.sign);
  if (totals.paid_total != 0)
    ram_amount (&ctx, node, "TotalPrepaidAmount", totals.paid_total * ctx.sign);
  ram_amount (&ctx, node, "DuePayableAmount", totals.amount_due * ctx.sign);

  /* BG-3: the invoice a credit note corrects (BR-FR-CO-05), or the deposit
   * invoices a final invoice deducts. A deposit invoice cites a quote: not an invoice. */
  if (document->kind == FACTURES_DOCUMENT_KIND_CREDIT_NOTE)
    invoice_reference (&ctx, settlement, document->cites);
  else if (has_deposits (document))
    for (guint i = 0; i < document->deposits->len; i++)
      invoice_reference (&ctx, settlement, document->deposits->pdata[i]);

  xmlDocDumpFormatMemoryEnc (doc, &buffer, &size, "UTF-8", 1);
  xmlFreeDoc (doc);
  if (buffer == NULL)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT, "The XML could not be written");
      return NULL;
    }
  result = g_bytes_new (buffer, size);
  xmlFree (buffer);
  return result;
}

/**
 * factures_cii_profile_from_guideline:
 * (see factures-cii.h)
 */
FacturesCiiProfile
factures_cii_profile_from_guideline (const char *guideline)
{
  g_autofree char *g = NULL;

  if (guideline == NULL)
    return FACTURES_CII_PROFILE_UNKNOWN;
  g = g_strstrip (g_strdup (guideline));
  if (g_str_equal (g, "urn:factur-x.eu:1p0:minimum"))
    return FACTURES_CII_PROFILE_MINIMUM;
  if (g_str_equal (g, "urn:factur-x.eu:1p0:basicwl"))
    return FACTURES_CII_PROFILE_BASIC_WL;
  if (g_str_equal (g, "urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic"))
    return FACTURES_CII_PROFILE_BASIC;
  if (g_str_equal (g, FACTURES_CII_GUIDELINE_EN16931))
    return FACTURES_CII_PROFILE_EN16931;
  if (g_str_has_prefix (g, "urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended")
      || g_str_has_prefix (g, "urn:cen.eu:en16931:2017#conformant#urn.cpro.gouv.fr:1p0:extended-ctc-fr"))
    return FACTURES_CII_PROFILE_EXTENDED;
  return FACTURES_CII_PROFILE_UNKNOWN;
}

/**
 * factures_cii_profile_conformance_level:
 * (see factures-cii.h)
 */
const char *
factures_cii_profile_conformance_level (FacturesCiiProfile profile)
{
  switch (profile)
    {
    case FACTURES_CII_PROFILE_MINIMUM:  return "MINIMUM";
    case FACTURES_CII_PROFILE_BASIC_WL: return "BASIC WL";
    case FACTURES_CII_PROFILE_BASIC:    return "BASIC";
    case FACTURES_CII_PROFILE_EN16931:  return "EN 16931";
    case FACTURES_CII_PROFILE_EXTENDED: return "EXTENDED";
    case FACTURES_CII_PROFILE_UNKNOWN:
    default:                            return NULL;
    }
}

static const char *
profile_xsd (FacturesCiiProfile profile)
{
  switch (profile)
    {
    case FACTURES_CII_PROFILE_MINIMUM:  return RESOURCE_PREFIX "xsd/minimum/Factur-X_MINIMUM.xsd";
    case FACTURES_CII_PROFILE_BASIC_WL: return RESOURCE_PREFIX "xsd/basicwl/Factur-X_BASICWL.xsd";
    case FACTURES_CII_PROFILE_BASIC:    return RESOURCE_PREFIX "xsd/basic/Factur-X_BASIC.xsd";
    case FACTURES_CII_PROFILE_EN16931:  return RESOURCE_PREFIX "xsd/en16931/Factur-X_EN16931.xsd";
    case FACTURES_CII_PROFILE_EXTENDED: return RESOURCE_PREFIX "xsd/extended/Factur-X_EXTENDED.xsd";
    case FACTURES_CII_PROFILE_UNKNOWN:
    default:                            return NULL;
    }
}

/* libxml2 input callbacks for resource:/// URIs, so that the XSDs' relative
 * imports resolve inside the GResource bundle. */
typedef struct {
  GBytes *bytes;
  gsize   offset;
} ResourceStream;

static int
resource_match (const char *uri)
{
  return uri != NULL && g_str_has_prefix (uri, "resource:///");
}

static void *
resource_open (const char *uri)
{
  GBytes *bytes = g_resources_lookup_data (uri + strlen ("resource://"), G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  ResourceStream *stream;

  if (bytes == NULL)
    return NULL;
  stream = g_new0 (ResourceStream, 1);
  stream->bytes = bytes;
  return stream;
}

static int
resource_read (void *context, char *buffer, int len)
{
  ResourceStream *stream = context;
  gsize size;
  const char *data = g_bytes_get_data (stream->bytes, &size);
  gsize n = MIN ((gsize) len, size - stream->offset);

  memcpy (buffer, data + stream->offset, n);
  stream->offset += n;
  return (int) n;
}

static int
resource_close (void *context)
{
  ResourceStream *stream = context;

  g_bytes_unref (stream->bytes);
  g_free (stream);
  return 0;
}

/**
 * factures_facturx_register_resources:
 * (see factures-cii.h)
 */
void
factures_facturx_register_resources (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_resources_register (factures_facturx_get_resource ());
      xmlInitParser ();
      xmlRegisterInputCallbacks (resource_match, resource_open, resource_read, resource_close);
      g_once_init_leave (&done, 1);
    }
}

static void
collect_error (void *user_data, xmlErrorPtr err)
{
  GPtrArray *problems = user_data;

  /* In French, naming the line and the element; libxml2's text stays as a detail. */
  g_ptr_array_add (problems, factures_cii_schema_problem (err));
}

static void
ignore_error (void *user_data, xmlErrorPtr err)
{
}

/* Schemas compiled once per profile (they never change at run time). */
static xmlSchemaPtr
profile_schema (FacturesCiiProfile profile, GError **error)
{
  static xmlSchemaPtr schemas[FACTURES_CII_PROFILE_EXTENDED + 1];
  G_LOCK_DEFINE_STATIC (schemas);
  xmlSchemaPtr schema;

  factures_facturx_register_resources ();
  G_LOCK (schemas);
  if (schemas[profile] == NULL)
    {
      xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt (profile_xsd (profile));

      xmlSchemaSetParserStructuredErrors (parser, ignore_error, NULL);
      schemas[profile] = xmlSchemaParse (parser);
      xmlSchemaFreeParserCtxt (parser);
    }
  schema = schemas[profile];
  G_UNLOCK (schemas);
  if (schema == NULL)
    g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                 _("The Factur-X schema %s could not be loaded."), profile_xsd (profile));
  return schema;
}

/* BT-24 of a parsed CII document, or NULL. */
static char *
read_guideline (xmlDocPtr doc)
{
  xmlXPathContextPtr xpath = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result;
  char *guideline = NULL;

  xmlXPathRegisterNs (xpath, BAD_CAST "rsm", BAD_CAST NS_RSM);
  xmlXPathRegisterNs (xpath, BAD_CAST "ram", BAD_CAST NS_RAM);
  result = xmlXPathEvalExpression (BAD_CAST "/rsm:CrossIndustryInvoice/rsm:ExchangedDocumentContext"
                                   "/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID", xpath);
  if (result != NULL && result->nodesetval != NULL && result->nodesetval->nodeNr > 0)
    {
      xmlChar *text = xmlNodeGetContent (result->nodesetval->nodeTab[0]);

      guideline = g_strdup ((const char *) text);
      xmlFree (text);
    }
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (xpath);
  return guideline;
}

/**
 * factures_cii_check_xsd:
 * (see factures-cii.h)
 */
gboolean
factures_cii_check_xsd (GBytes              *xml,
                        FacturesCiiProfile  *out_profile,
                        GPtrArray          **out_problems,
                        GError             **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  gsize size;
  const char *data = g_bytes_get_data (xml, &size);
  xmlDocPtr doc;
  xmlNodePtr root;
  g_autofree char *guideline = NULL;
  FacturesCiiProfile profile;
  xmlSchemaPtr schema;
  xmlSchemaValidCtxtPtr valid;
  int rc;

  if (out_profile != NULL)
    *out_profile = FACTURES_CII_PROFILE_UNKNOWN;
  if (out_problems != NULL)
    *out_problems = NULL;

  factures_facturx_register_resources ();
  /* Never loads a DTD or an external entity; refuses a DOCTYPE (factures-cii-parse.c). */
  doc = factures_cii_parse (data, size, error);
  if (doc == NULL)
    return FALSE;
  root = xmlDocGetRootElement (doc);
  if (root == NULL || root->ns == NULL || !xmlStrEqual (root->ns->href, BAD_CAST NS_RSM)
      || !xmlStrEqual (root->name, BAD_CAST "CrossIndustryInvoice"))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                   _("The XML file is not a CII invoice: its first element is %s, not rsm:CrossIndustryInvoice."),
                   root != NULL ? (const char *) root->name : "?");
      xmlFreeDoc (doc);
      return FALSE;
    }
  guideline = read_guideline (doc);
  profile = factures_cii_profile_from_guideline (guideline);
  if (out_profile != NULL)
    *out_profile = profile;

  /* A CII file of another guideline (ZUGFeRD 2 COMFORT, XRechnung, a national
   * CIUS…) is checked against the widest Factur-X schema, EXTENDED. */
  schema = profile_schema (profile != FACTURES_CII_PROFILE_UNKNOWN ? profile : FACTURES_CII_PROFILE_EXTENDED,
                           error);
  if (schema == NULL)
    {
      xmlFreeDoc (doc);
      return FALSE;
    }
  valid = xmlSchemaNewValidCtxt (schema);
  xmlSchemaSetValidStructuredErrors (valid, collect_error, problems);
  rc = xmlSchemaValidateDoc (valid, doc);
  xmlSchemaFreeValidCtxt (valid);
  xmlFreeDoc (doc);

  if (rc != 0 && problems->len == 0)
    g_ptr_array_add (problems, g_strdup (_("The file does not follow its XML schema (XSD).")));
  if (out_problems != NULL)
    *out_problems = g_steal_pointer (&problems);
  return rc == 0;
}

/**
 * factures_cii_check_xsd_profile:
 * (see factures-cii.h)
 */
gboolean
factures_cii_check_xsd_profile (GBytes              *xml,
                                FacturesCiiProfile   profile,
                                GPtrArray          **out_problems,
                                GError             **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  gsize size;
  const char *data = g_bytes_get_data (xml, &size);
  xmlSchemaPtr schema;
  xmlSchemaValidCtxtPtr valid;
  xmlParserInputBufferPtr input;
  int rc;

  g_return_val_if_fail (profile != FACTURES_CII_PROFILE_UNKNOWN, FALSE);

  if (out_problems != NULL)
    *out_problems = NULL;
  schema = profile_schema (profile, error);
  if (schema == NULL)
    return FALSE;
  if (size > G_MAXINT)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT, _("The file does not follow its XML schema (XSD)."));
      return FALSE;
    }
  input = xmlParserInputBufferCreateMem (data, (int) size, XML_CHAR_ENCODING_NONE);
  if (input == NULL)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT, "The XML could not be read");
      return FALSE;
    }
  /* One pass of the SAX parser through the schema (no tree, no XPath): the XML is still parsed
   * from its bytes, so a file that is not well-formed fails too. The parser takes @input. */
  valid = xmlSchemaNewValidCtxt (schema);
  xmlSchemaSetValidStructuredErrors (valid, collect_error, problems);
  rc = xmlSchemaValidateStream (valid, input, XML_CHAR_ENCODING_NONE, NULL, NULL);
  xmlSchemaFreeValidCtxt (valid);

  if (rc != 0 && problems->len == 0)
    g_ptr_array_add (problems, g_strdup (_("The file does not follow its XML schema (XSD).")));
  if (out_problems != NULL)
    *out_problems = g_steal_pointer (&problems);
  return rc == 0;
}
