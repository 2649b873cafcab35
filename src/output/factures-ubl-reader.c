/* factures-ubl-reader.c — reading an EN 16931 UBL 2.1 invoice or credit note (issue 14)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "factures-cii-parse.h"
#include "factures-error.h"
#include "factures-imported-text.h"
#include "factures-ubl-reader.h"

#define NS_INVOICE "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
#define NS_CREDIT  "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
#define NS_CAC     "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
#define NS_CBC     "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"

/* Trimmed text of the first node @expr selects under @node, or NULL. */
static char *
text_at (xmlXPathContextPtr  ctx,
         xmlNodePtr          node,
         const char         *expr)
{
  xmlXPathObjectPtr obj;
  char *out = NULL;

  if (node == NULL)
    return NULL;
  ctx->node = node;
  obj = xmlXPathEvalExpression (BAD_CAST expr, ctx);
  if (obj != NULL && obj->nodesetval != NULL && obj->nodesetval->nodeNr > 0)
    {
      xmlChar *s = xmlNodeGetContent (obj->nodesetval->nodeTab[0]);

      out = g_strstrip (g_strdup ((const char *) s));
      xmlFree (s);
      if (*out == '\0')
        g_clear_pointer (&out, g_free);
    }
  xmlXPathFreeObject (obj);
  return out;
}

static xmlNodeSetPtr
nodes_at (xmlXPathContextPtr  ctx,
          xmlNodePtr          node,
          const char         *expr,
          xmlXPathObjectPtr  *out_obj)
{
  ctx->node = node;
  *out_obj = xmlXPathEvalExpression (BAD_CAST expr, ctx);
  return *out_obj != NULL ? (*out_obj)->nodesetval : NULL;
}

static xmlNodePtr
first_node (xmlXPathContextPtr  ctx,
            xmlNodePtr          node,
            const char         *expr)
{
  xmlXPathObjectPtr obj = NULL;
  xmlNodeSetPtr set;
  xmlNodePtr out;

  if (node == NULL)
    return NULL;
  set = nodes_at (ctx, node, expr, &obj);
  out = set != NULL && set->nodeNr > 0 ? set->nodeTab[0] : NULL;
  xmlXPathFreeObject (obj);
  return out;
}

/* Sum of the amounts @expr selects (exact at 2 decimals, as text), or NULL when none. */
static char *
sum_amounts (xmlXPathContextPtr  ctx,
             xmlNodePtr          node,
             const char         *expr)
{
  xmlXPathObjectPtr obj = NULL;
  xmlNodeSetPtr set;
  gint64 total = 0;
  char *out = NULL;

  if (node == NULL)
    return NULL;
  set = nodes_at (ctx, node, expr, &obj);
  if (set != NULL && set->nodeNr > 0)
    {
      for (int i = 0; i < set->nodeNr; i++)
        {
          xmlChar *s = xmlNodeGetContent (set->nodeTab[i]);
          gint64 v = 0;

          if (factures_decimal_parse ((const char *) s, 2, &v, NULL))
            total += v;
          xmlFree (s);
        }
      out = g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02d", total < 0 ? "-" : "", ABS (total) / 100,
                             (int) (ABS (total) % 100));
    }
  xmlXPathFreeObject (obj);
  return out;
}

/* "2026-12-06" → "20261206" (format 102, as the CII model keeps it); anything else is kept
 * as written so that factures_imported_check_content() names it. */
static char *
date_text (char *iso)
{
  if (iso != NULL && strlen (iso) == 10 && iso[4] == '-' && iso[7] == '-')
    {
      char *out = g_strdup_printf ("%.4s%.2s%.2s", iso, iso + 5, iso + 8);

      g_free (iso);
      return out;
    }
  return iso;
}

static void
read_party (xmlXPathContextPtr  ctx,
            xmlNodePtr          party,
            FacturesParty      *out)
{
  g_autofree char *line1 = NULL, *line2 = NULL, *line3 = NULL;
  g_autoptr(GString) address = g_string_new (NULL);
  g_autofree char *endpoint_scheme = NULL;

  if (party == NULL)
    return;
  out->name = text_at (ctx, party, "cac:PartyLegalEntity/cbc:RegistrationName");
  if (out->name == NULL)
    out->name = text_at (ctx, party, "cac:PartyName/cbc:Name");
  out->siren = text_at (ctx, party, "cac:PartyLegalEntity/cbc:CompanyID[@schemeID='0002']");
  if (out->siren == NULL)
    out->siren = text_at (ctx, party, "cac:PartyLegalEntity/cbc:CompanyID");
  out->siret = text_at (ctx, party, "cac:PartyIdentification/cbc:ID[@schemeID='0009']");
  out->vat_id = text_at (ctx, party, "cac:PartyTaxScheme[cac:TaxScheme/cbc:ID='VAT']/cbc:CompanyID");
  out->email = text_at (ctx, party, "cac:Contact/cbc:ElectronicMail");
  endpoint_scheme = text_at (ctx, party, "cbc:EndpointID/@schemeID");
  if (out->email == NULL && g_strcmp0 (endpoint_scheme, "EM") == 0)
    out->email = text_at (ctx, party, "cbc:EndpointID");
  out->phone = text_at (ctx, party, "cac:Contact/cbc:Telephone");
  out->postal_code = text_at (ctx, party, "cac:PostalAddress/cbc:PostalZone");
  out->city = text_at (ctx, party, "cac:PostalAddress/cbc:CityName");
  out->country_code = text_at (ctx, party, "cac:PostalAddress/cac:Country/cbc:IdentificationCode");
  line1 = text_at (ctx, party, "cac:PostalAddress/cbc:StreetName");
  line2 = text_at (ctx, party, "cac:PostalAddress/cbc:AdditionalStreetName");
  line3 = text_at (ctx, party, "cac:PostalAddress/cac:AddressLine/cbc:Line");
  {
    const char *lines[] = { line1, line2, line3 };

    for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
      {
        if (lines[i] == NULL)
          continue;
        if (address->len > 0)
          g_string_append_c (address, '\n');
        g_string_append (address, lines[i]);
      }
  }
  if (address->len > 0)
    out->address = g_strdup (address->str);
}

static xmlDocPtr
parse (GBytes  *xml,
       GError **error)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (xml, &size);

  /* Never loads a DTD or an external entity (factures-cii-parse.c). */
  return factures_cii_parse (data, size, error);
}

static gboolean
root_is_ubl (xmlNodePtr  root,
             gboolean   *out_credit)
{
  if (root == NULL || root->ns == NULL)
    return FALSE;
  if (xmlStrEqual (root->ns->href, BAD_CAST NS_INVOICE) && xmlStrEqual (root->name, BAD_CAST "Invoice"))
    {
      *out_credit = FALSE;
      return TRUE;
    }
  if (xmlStrEqual (root->ns->href, BAD_CAST NS_CREDIT) && xmlStrEqual (root->name, BAD_CAST "CreditNote"))
    {
      *out_credit = TRUE;
      return TRUE;
    }
  return FALSE;
}

gboolean
factures_ubl_is_ubl (GBytes *xml)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (xml, &size);
  gboolean credit;
  gboolean is;
  xmlDocPtr doc;

  /* A cheap look first: the namespace must appear near the start. */
  if (data == NULL || size == 0 ||
      (g_strstr_len (data, MIN (size, 4096), "ubl:schema:xsd:Invoice-2") == NULL &&
       g_strstr_len (data, MIN (size, 4096), "ubl:schema:xsd:CreditNote-2") == NULL))
    return FALSE;
  doc = parse (xml, NULL);
  if (doc == NULL)
    return FALSE;
  is = root_is_ubl (xmlDocGetRootElement (doc), &credit);
  xmlFreeDoc (doc);
  return is;
}

FacturesImported *
factures_ubl_read (GBytes  *xml,
                   GError **error)
{
  g_autoptr(FacturesImported) self = factures_imported_new ();
  xmlDocPtr doc;
  xmlNodePtr root, total, preceding, supplier, customer;
  xmlXPathContextPtr ctx;
  xmlXPathObjectPtr obj = NULL;
  xmlNodeSetPtr set;
  g_autofree char *type = NULL;
  gboolean credit = FALSE;

  doc = parse (xml, error);
  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  if (!root_is_ubl (root, &credit))
    {
      xmlFreeDoc (doc);
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                           _("The XML file is not a UBL invoice or credit note (Invoice-2, CreditNote-2)."));
      return NULL;
    }
  ctx = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (ctx, BAD_CAST "cac", BAD_CAST NS_CAC);
  xmlXPathRegisterNs (ctx, BAD_CAST "cbc", BAD_CAST NS_CBC);

  self->guideline = text_at (ctx, root, "cbc:CustomizationID");
  self->number = text_at (ctx, root, "cbc:ID");
  type = text_at (ctx, root, credit ? "cbc:CreditNoteTypeCode" : "cbc:InvoiceTypeCode");
  self->type_code = type != NULL ? (int) g_ascii_strtoll (type, NULL, 10) : (credit ? 381 : 380);
  self->issue_date_text = date_text (text_at (ctx, root, "cbc:IssueDate"));
  factures_imported_parse_date (self->issue_date_text, &self->issue_date);
  self->due_date_text = date_text (text_at (ctx, root, "cbc:DueDate"));
  if (self->due_date_text == NULL)
    self->due_date_text = date_text (text_at (ctx, root, "cac:PaymentMeans/cbc:PaymentDueDate"));
  factures_imported_parse_date (self->due_date_text, &self->due_date);
  self->currency = text_at (ctx, root, "cbc:DocumentCurrencyCode");

  supplier = first_node (ctx, root, "cac:AccountingSupplierParty/cac:Party");
  customer = first_node (ctx, root, "cac:AccountingCustomerParty/cac:Party");
  read_party (ctx, supplier, &self->seller);
  read_party (ctx, customer, &self->buyer);

  preceding = first_node (ctx, root, "cac:BillingReference/cac:InvoiceDocumentReference");
  if (preceding != NULL)
    {
      g_autofree char *date = NULL;

      self->preceding_number = text_at (ctx, preceding, "cbc:ID");
      date = date_text (text_at (ctx, preceding, "cbc:IssueDate"));
      factures_imported_parse_date (date, &self->preceding_date);
    }

  set = nodes_at (ctx, root, credit ? "cac:CreditNoteLine" : "cac:InvoiceLine", &obj);
  for (int i = 0; set != NULL && i < set->nodeNr; i++)
    {
      xmlNodePtr item = set->nodeTab[i];
      FacturesImportedLine *line = g_new0 (FacturesImportedLine, 1);
      const char *qty = credit ? "cbc:CreditedQuantity" : "cbc:InvoicedQuantity";
      g_autofree char *unit_expr = g_strdup_printf ("%s/@unitCode", qty);

      line->line_id = text_at (ctx, item, "cbc:ID");
      line->name = text_at (ctx, item, "cac:Item/cbc:Name");
      line->quantity = text_at (ctx, item, qty);
      line->unit_code = text_at (ctx, item, unit_expr);
      line->net_price = text_at (ctx, item, "cac:Price/cbc:PriceAmount");
      line->basis_quantity = text_at (ctx, item, "cac:Price/cbc:BaseQuantity");
      line->allowances = sum_amounts (ctx, item, "cac:AllowanceCharge[cbc:ChargeIndicator='false']/cbc:Amount");
      line->charges = sum_amounts (ctx, item, "cac:AllowanceCharge[cbc:ChargeIndicator='true']/cbc:Amount");
      line->line_total = text_at (ctx, item, "cbc:LineExtensionAmount");
      line->vat_category = text_at (ctx, item, "cac:Item/cac:ClassifiedTaxCategory/cbc:ID");
      line->vat_rate = text_at (ctx, item, "cac:Item/cac:ClassifiedTaxCategory/cbc:Percent");
      g_ptr_array_add (self->lines, line);
    }
  g_clear_pointer (&obj, xmlXPathFreeObject);

  set = nodes_at (ctx, root, "cac:TaxTotal/cac:TaxSubtotal", &obj);
  for (int i = 0; set != NULL && i < set->nodeNr; i++)
    {
      xmlNodePtr tax = set->nodeTab[i];
      FacturesImportedVat *vat = g_new0 (FacturesImportedVat, 1);

      vat->category = text_at (ctx, tax, "cac:TaxCategory/cbc:ID");
      vat->rate = text_at (ctx, tax, "cac:TaxCategory/cbc:Percent");
      vat->basis = text_at (ctx, tax, "cbc:TaxableAmount");
      vat->amount = text_at (ctx, tax, "cbc:TaxAmount");
      vat->exemption = text_at (ctx, tax, "cac:TaxCategory/cbc:TaxExemptionReason");
      g_ptr_array_add (self->vat, vat);
    }
  g_clear_pointer (&obj, xmlXPathFreeObject);

  self->doc_allowances = sum_amounts (ctx, root, "cac:AllowanceCharge[cbc:ChargeIndicator='false']/cbc:Amount");
  self->doc_charges = sum_amounts (ctx, root, "cac:AllowanceCharge[cbc:ChargeIndicator='true']/cbc:Amount");
  total = first_node (ctx, root, "cac:LegalMonetaryTotal");
  self->line_total = text_at (ctx, total, "cbc:LineExtensionAmount");
  self->allowance_total = text_at (ctx, total, "cbc:AllowanceTotalAmount");
  self->charge_total = text_at (ctx, total, "cbc:ChargeTotalAmount");
  self->tax_basis_total = text_at (ctx, total, "cbc:TaxExclusiveAmount");
  /* BT-110: the TaxTotal in the invoice currency (BT-111 is another TaxTotal in the VAT
   * currency). */
  {
    g_autofree char *expr = g_strdup_printf ("cac:TaxTotal/cbc:TaxAmount[@currencyID='%s' or not(@currencyID)]",
                                             self->currency != NULL ? self->currency : "EUR");

    self->tax_total = text_at (ctx, root, expr);
  }
  self->grand_total = text_at (ctx, total, "cbc:TaxInclusiveAmount");
  self->prepaid = text_at (ctx, total, "cbc:PrepaidAmount");
  self->rounding = text_at (ctx, total, "cbc:PayableRoundingAmount");
  self->due_payable = text_at (ctx, total, "cbc:PayableAmount");

  xmlXPathFreeContext (ctx);
  xmlFreeDoc (doc);

  if (self->number == NULL)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT, _("The invoice has no number (BT-1)."));
      return NULL;
    }
  return g_steal_pointer (&self);
}
