/* factures-cii-reader.c — reading another tool's Factur-X PDF or CII XML (issue 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "factures-cii-reader.h"
#include "factures-ubl-reader.h"
#include "factures-cii-parse.h"
#include "factures-imported-text.h"
#include "factures-facturx.h"

#define NS_RSM "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
#define NS_RAM "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
#define NS_UDT "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"
#define NS_QDT "urn:un:unece:uncefact:data:standard:QualifiedDataType:100"

/**
 * factures_invoice_file_free:
 * @file: (nullable): a file from factures_invoice_file_open()
 */
void
factures_invoice_file_free (FacturesInvoiceFile *file)
{
  if (file == NULL)
    return;
  g_clear_pointer (&file->original, g_bytes_unref);
  g_clear_pointer (&file->xml, g_bytes_unref);
  g_clear_pointer (&file->xsd_problems, g_ptr_array_unref);
  g_clear_pointer (&file->pdf_problems, g_ptr_array_unref);
  g_clear_pointer (&file->imported, factures_imported_free);
  g_clear_pointer (&file->figure_problems, g_ptr_array_unref);
  g_free (file->range_problem);
  g_free (file->content_problem);
  g_free (file);
}

/* Trimmed text of the first node @expr selects under @node, or NULL. */
static char *
text_at (xmlXPathContextPtr ctx, xmlNodePtr node, const char *expr)
{
  xmlXPathObjectPtr obj;
  char *out = NULL;

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
nodes_at (xmlXPathContextPtr ctx, xmlNodePtr node, const char *expr, xmlXPathObjectPtr *out_obj)
{
  ctx->node = node;
  *out_obj = xmlXPathEvalExpression (BAD_CAST expr, ctx);
  return *out_obj != NULL ? (*out_obj)->nodesetval : NULL;
}

/* A date of format 102 (YYYYMMDD); cleared when it is not one (factures_imported_check_content()
 * refuses the file then, naming the field). */
static void
date_102 (const char *text, GDate *out)
{
  factures_imported_parse_date (text, out);
}

/* Sum of the amounts (exact at 2 decimals, as text) that @expr selects, or NULL when none. */
static char *
sum_amounts (xmlXPathContextPtr ctx, xmlNodePtr node, const char *expr)
{
  xmlXPathObjectPtr obj = NULL;
  xmlNodeSetPtr set = nodes_at (ctx, node, expr, &obj);
  gint64 total = 0;
  char *out = NULL;

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

static void
read_party (xmlXPathContextPtr ctx, xmlNodePtr party, FacturesParty *out)
{
  g_autofree char *line1 = NULL, *line2 = NULL, *line3 = NULL;
  g_autoptr(GString) address = g_string_new (NULL);

  if (party == NULL)
    return;
  out->name = text_at (ctx, party, "ram:Name");
  out->siren = text_at (ctx, party, "ram:SpecifiedLegalOrganization/ram:ID[@schemeID='0002']");
  if (out->siren == NULL)
    out->siren = text_at (ctx, party, "ram:SpecifiedLegalOrganization/ram:ID");
  out->siret = text_at (ctx, party, "ram:GlobalID[@schemeID='0009']");
  out->vat_id = text_at (ctx, party, "ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']");
  out->email = text_at (ctx, party, "ram:URIUniversalCommunication/ram:URIID[@schemeID='EM']");
  if (out->email == NULL)
    out->email = text_at (ctx, party, "ram:DefinedTradeContact/ram:EmailURIUniversalCommunication/ram:URIID");
  out->phone = text_at (ctx, party, "ram:DefinedTradeContact/ram:TelephoneUniversalCommunication/ram:CompleteNumber");
  out->postal_code = text_at (ctx, party, "ram:PostalTradeAddress/ram:PostcodeCode");
  out->city = text_at (ctx, party, "ram:PostalTradeAddress/ram:CityName");
  out->country_code = text_at (ctx, party, "ram:PostalTradeAddress/ram:CountryID");
  line1 = text_at (ctx, party, "ram:PostalTradeAddress/ram:LineOne");
  line2 = text_at (ctx, party, "ram:PostalTradeAddress/ram:LineTwo");
  line3 = text_at (ctx, party, "ram:PostalTradeAddress/ram:LineThree");
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

static xmlNodePtr
first_node (xmlXPathContextPtr ctx, xmlNodePtr node, const char *expr)
{
  xmlXPathObjectPtr obj = NULL;
  xmlNodeSetPtr set = nodes_at (ctx, node, expr, &obj);
  xmlNodePtr out = set != NULL && set->nodeNr > 0 ? set->nodeTab[0] : NULL;

  xmlXPathFreeObject (obj);
  return out;
}

/**
 * factures_cii_read:
 * (see factures-cii-reader.h)
 */
FacturesImported *
factures_cii_read (GBytes  *xml,
                   GError **error)
{
  g_autoptr(FacturesImported) self = factures_imported_new ();
  xmlDocPtr doc;
  xmlNodePtr root, tx, settlement, sum;
  xmlXPathContextPtr ctx;
  xmlXPathObjectPtr obj = NULL;
  xmlNodeSetPtr set;
  g_autofree char *type = NULL;
  g_autofree char *date = NULL;

  /* Never loads a DTD or an external entity (factures-cii-parse.c). */
  doc = factures_cii_parse (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml), error);
  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  if (root == NULL || root->ns == NULL || !xmlStrEqual (root->ns->href, BAD_CAST NS_RSM))
    {
      xmlFreeDoc (doc);
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                           _("The XML file is not a CII invoice (rsm:CrossIndustryInvoice)."));
      return NULL;
    }
  ctx = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (ctx, BAD_CAST "rsm", BAD_CAST NS_RSM);
  xmlXPathRegisterNs (ctx, BAD_CAST "ram", BAD_CAST NS_RAM);
  xmlXPathRegisterNs (ctx, BAD_CAST "udt", BAD_CAST NS_UDT);
  xmlXPathRegisterNs (ctx, BAD_CAST "qdt", BAD_CAST NS_QDT);

  self->guideline = text_at (ctx, root, "rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID");
  self->number = text_at (ctx, root, "rsm:ExchangedDocument/ram:ID");
  type = text_at (ctx, root, "rsm:ExchangedDocument/ram:TypeCode");
  self->type_code = type != NULL ? (int) g_ascii_strtoll (type, NULL, 10) : 0;
  date = text_at (ctx, root, "rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString");
  date_102 (date, &self->issue_date);
  self->issue_date_text = g_strdup (date);
  /* A MINIMUM file has no BT-113: what was already paid cannot be written in it. */
  self->no_prepaid = factures_cii_profile_from_guideline (self->guideline) == FACTURES_CII_PROFILE_MINIMUM;

  tx = first_node (ctx, root, "rsm:SupplyChainTradeTransaction");
  settlement = first_node (ctx, tx, "ram:ApplicableHeaderTradeSettlement");
  read_party (ctx, first_node (ctx, tx, "ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty"), &self->seller);
  read_party (ctx, first_node (ctx, tx, "ram:ApplicableHeaderTradeAgreement/ram:BuyerTradeParty"), &self->buyer);
  self->currency = text_at (ctx, settlement, "ram:InvoiceCurrencyCode");
  {
    g_autofree char *due = text_at (ctx, settlement, "ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString");

    date_102 (due, &self->due_date);
    self->due_date_text = g_steal_pointer (&due);
  }
  /* BT-25, BT-26: the invoice a credit note corrects (the first one when several). */
  {
    xmlNodePtr preceding = first_node (ctx, settlement, "ram:InvoiceReferencedDocument");
    g_autofree char *preceding_date = NULL;

    if (preceding != NULL)
      {
        self->preceding_number = text_at (ctx, preceding, "ram:IssuerAssignedID");
        preceding_date = text_at (ctx, preceding, "ram:FormattedIssueDateTime/qdt:DateTimeString");
        date_102 (preceding_date, &self->preceding_date);
      }
  }

  set = nodes_at (ctx, tx, "ram:IncludedSupplyChainTradeLineItem", &obj);
  for (int i = 0; set != NULL && i < set->nodeNr; i++)
    {
      xmlNodePtr item = set->nodeTab[i];
      FacturesImportedLine *line = g_new0 (FacturesImportedLine, 1);

      line->line_id = text_at (ctx, item, "ram:AssociatedDocumentLineDocument/ram:LineID");
      line->name = text_at (ctx, item, "ram:SpecifiedTradeProduct/ram:Name");
      line->status = text_at (ctx, item, "ram:AssociatedDocumentLineDocument/ram:LineStatusReasonCode");
      line->quantity = text_at (ctx, item, "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity");
      line->unit_code = text_at (ctx, item, "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity/@unitCode");
      line->net_price = text_at (ctx, item, "ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:ChargeAmount");
      line->basis_quantity = text_at (ctx, item, "ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:BasisQuantity");
      line->allowances = sum_amounts (ctx, item, "ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeAllowanceCharge"
                                                 "[ram:ChargeIndicator/udt:Indicator='false']/ram:ActualAmount");
      line->charges = sum_amounts (ctx, item, "ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeAllowanceCharge"
                                              "[ram:ChargeIndicator/udt:Indicator='true']/ram:ActualAmount");
      line->line_total = text_at (ctx, item, "ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount");
      line->vat_category = text_at (ctx, item, "ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode");
      line->vat_rate = text_at (ctx, item, "ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:RateApplicablePercent");
      g_ptr_array_add (self->lines, line);
    }
  g_clear_pointer (&obj, xmlXPathFreeObject);

  set = nodes_at (ctx, settlement, "ram:ApplicableTradeTax", &obj);
  for (int i = 0; set != NULL && i < set->nodeNr; i++)
    {
      xmlNodePtr tax = set->nodeTab[i];
      FacturesImportedVat *vat = g_new0 (FacturesImportedVat, 1);

      vat->category = text_at (ctx, tax, "ram:CategoryCode");
      vat->rate = text_at (ctx, tax, "ram:RateApplicablePercent");
      vat->basis = text_at (ctx, tax, "ram:BasisAmount");
      vat->amount = text_at (ctx, tax, "ram:CalculatedAmount");
      vat->exemption = text_at (ctx, tax, "ram:ExemptionReason");
      vat->exemption_code = text_at (ctx, tax, "ram:ExemptionReasonCode");
      g_ptr_array_add (self->vat, vat);
    }
  g_clear_pointer (&obj, xmlXPathFreeObject);

  self->doc_allowances = sum_amounts (ctx, settlement, "ram:SpecifiedTradeAllowanceCharge"
                                                       "[ram:ChargeIndicator/udt:Indicator='false']/ram:ActualAmount");
  self->doc_charges = sum_amounts (ctx, settlement, "ram:SpecifiedTradeAllowanceCharge"
                                                    "[ram:ChargeIndicator/udt:Indicator='true']/ram:ActualAmount");
  sum = first_node (ctx, settlement, "ram:SpecifiedTradeSettlementHeaderMonetarySummation");
  self->line_total = text_at (ctx, sum, "ram:LineTotalAmount");
  self->allowance_total = text_at (ctx, sum, "ram:AllowanceTotalAmount");
  self->charge_total = text_at (ctx, sum, "ram:ChargeTotalAmount");
  self->tax_basis_total = text_at (ctx, sum, "ram:TaxBasisTotalAmount");
  /* BT-110 is the TaxTotalAmount in the invoice currency (BT-111 is in the VAT currency). */
  {
    g_autofree char *expr = g_strdup_printf ("ram:TaxTotalAmount[@currencyID='%s' or not(@currencyID)]",
                                             self->currency != NULL ? self->currency : "EUR");

    self->tax_total = text_at (ctx, sum, expr);
  }
  /* BT-6 and BT-111 (issue 13 item 4): the VAT total in the VAT accounting currency. */
  self->tax_currency = text_at (ctx, settlement, "ram:TaxCurrencyCode");
  if (self->tax_currency != NULL && g_strcmp0 (self->tax_currency, self->currency) != 0)
    {
      g_autofree char *expr = g_strdup_printf ("ram:TaxTotalAmount[@currencyID='%s']", self->tax_currency);

      self->tax_total_accounting = text_at (ctx, sum, expr);
    }
  self->grand_total = text_at (ctx, sum, "ram:GrandTotalAmount");
  self->prepaid = text_at (ctx, sum, "ram:TotalPrepaidAmount");
  self->rounding = text_at (ctx, sum, "ram:RoundingAmount");
  self->due_payable = text_at (ctx, sum, "ram:DuePayableAmount");

  xmlXPathFreeContext (ctx);
  xmlFreeDoc (doc);

  if (self->number == NULL)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT, _("The invoice has no number (BT-1)."));
      return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * factures_invoice_file_sniff:
 * (see factures-cii-reader.h)
 */
FacturesInvoiceFileKind
factures_invoice_file_sniff (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  gsize i = 0;

  if (size == 0)
    return FACTURES_INVOICE_FILE_EMPTY;
  /* ISO 32000: the header may follow some bytes; readers look in the first 1024. */
  for (gsize j = 0; j + 5 <= MIN (size, 1024); j++)
    if (memcmp (data + j, "%PDF-", 5) == 0)
      return FACTURES_INVOICE_FILE_PDF;
  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < size && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
    i++;
  if (i < size && data[i] == '<')
    return FACTURES_INVOICE_FILE_XML;
  if (i == size)
    return FACTURES_INVOICE_FILE_EMPTY;
  return FACTURES_INVOICE_FILE_OTHER;
}

/* FACTURES_ERROR_OVERFLOW: "The PDF file is 31.5 MB; at most 30 MB are accepted." */
static void
set_too_large (GError **error, gsize size, gsize max)
{
  g_autofree char *limit = g_strdup_printf ("%" G_GSIZE_FORMAT, max / (1024 * 1024));

  if (max == FACTURES_INVOICE_FILE_PDF_MAX)
    {
      g_autofree char *have = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_OVERFLOW,
                   /* Translators: the file's size ("31.5 MiB"), then the limit in MiB ("30") */
                   _("The file is too large (%s): at most %s MiB are accepted for an invoice."), have, limit);
    }
  else
    g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_OVERFLOW,
                 /* Translators: %d is the limit in MiB ("10") */
                 _("The invoice XML is too large: at most %d MiB are accepted."), (int) (max / (1024 * 1024)));
}

/**
 * factures_invoice_file_load:
 * (see factures-cii-reader.h)
 */
GBytes *
factures_invoice_file_load (GFile   *file,
                            GError **error)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                                                 NULL, NULL);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) data = NULL;

  if (info != NULL && g_file_info_get_size (info) > FACTURES_INVOICE_FILE_PDF_MAX)
    {
      set_too_large (error, (gsize) g_file_info_get_size (info), FACTURES_INVOICE_FILE_PDF_MAX);
      return NULL;
    }
  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;
  /* Read up to one byte past the limit: a file that grows, a pipe or a device without a
   * size (/dev/zero) is never held whole. */
  data = g_byte_array_new ();
  for (;;)
    {
      guint8 chunk[65536];
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk, NULL, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      g_byte_array_append (data, chunk, (guint) n);
      if (data->len > FACTURES_INVOICE_FILE_PDF_MAX)
        {
          set_too_large (error, data->len, FACTURES_INVOICE_FILE_PDF_MAX);
          return NULL;
        }
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/**
 * factures_invoice_file_check_importable:
 * (see factures-cii-reader.h)
 */
gboolean
factures_invoice_file_check_importable (const FacturesInvoiceFile  *file,
                                        GError                    **error)
{
  if (file->xsd_problems->len > 0 || file->imported == NULL)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("The file does not pass its XML schema (%s)."),
                   file->xsd_problems->len > 0 ? (const char *) file->xsd_problems->pdata[0] : "?");
      return FALSE;
    }
  if (file->range_problem != NULL || file->content_problem != NULL)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           file->range_problem != NULL ? file->range_problem : file->content_problem);
      return FALSE;
    }
  return TRUE;
}

/**
 * factures_invoice_file_open:
 * (see factures-cii-reader.h)
 */
FacturesInvoiceFile *
factures_invoice_file_open (GBytes  *bytes,
                            GError **error)
{
  g_autoptr(FacturesInvoiceFile) file = g_new0 (FacturesInvoiceFile, 1);
  gboolean valid;

  file->original = g_bytes_ref (bytes);
  if (g_bytes_get_size (bytes) > FACTURES_INVOICE_FILE_PDF_MAX)
    {
      set_too_large (error, g_bytes_get_size (bytes), FACTURES_INVOICE_FILE_PDF_MAX);
      return NULL;
    }
  /* The kind comes from the content, never from the file name. */
  switch (factures_invoice_file_sniff (bytes))
    {
    case FACTURES_INVOICE_FILE_EMPTY:
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT, _("The file is empty."));
      return NULL;
    case FACTURES_INVOICE_FILE_OTHER:
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                           _("This file is neither a PDF nor an XML file."));
      return NULL;
    case FACTURES_INVOICE_FILE_PDF:
      file->is_pdf = TRUE;
      break;
    case FACTURES_INVOICE_FILE_XML:
      file->is_pdf = FALSE;
      break;
    }
  if (file->is_pdf)
    {
      g_autoptr(GError) local = NULL;

      /* A damaged PDF is refused (help: import-invoice), whatever qpdf could still read. */
      if (!factures_facturx_check_damage (bytes, error))
        return NULL;
      file->xml = factures_facturx_extract_xml_max (bytes, FACTURES_INVOICE_FILE_XML_MAX, NULL, &local);
      if (file->xml == NULL)
        {
          if (g_error_matches (local, FACTURES_ERROR, FACTURES_ERROR_OVERFLOW))
            set_too_large (error, FACTURES_INVOICE_FILE_XML_MAX + 1, FACTURES_INVOICE_FILE_XML_MAX);
          else
            g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      file->pdf_problems = factures_facturx_check_pdf (bytes);
    }
  else
    {
      if (g_bytes_get_size (bytes) > FACTURES_INVOICE_FILE_XML_MAX)
        {
          set_too_large (error, g_bytes_get_size (bytes), FACTURES_INVOICE_FILE_XML_MAX);
          return NULL;
        }
      file->xml = g_bytes_ref (bytes);
      file->pdf_problems = g_ptr_array_new_with_free_func (g_free);
    }

  /* Issue 14: a UBL 2.1 invoice or credit note (the reform's third format) is read into the
   * same model and goes through the same checks (factures-ubl-reader.h). */
  if (!file->is_pdf && factures_ubl_is_ubl (file->xml))
    {
      valid = TRUE;
      file->profile = FACTURES_CII_PROFILE_UNKNOWN;
      file->xsd_problems = g_ptr_array_new_with_free_func (g_free);
    }
  else
    valid = factures_cii_check_xsd (file->xml, &file->profile, &file->xsd_problems, error);
  if (!valid && file->xsd_problems == NULL)
    return NULL;
  if (valid)
    {
      file->imported = file->profile == FACTURES_CII_PROFILE_UNKNOWN && factures_ubl_is_ubl (file->xml)
                       ? factures_ubl_read (file->xml, error)
                       : factures_cii_read (file->xml, error);
      if (file->imported == NULL)
        return NULL;
      file->figure_problems = factures_imported_check_figures (file->imported);
      {
        g_autoptr(GError) range = NULL;

        if (!factures_imported_check_range (file->imported, &range))
          file->range_problem = g_strdup (range->message);
        else if (!factures_imported_check_content (file->imported, &range))
          file->content_problem = g_strdup (range->message);
      }
    }
  else
    file->figure_problems = g_ptr_array_new_with_free_func (g_free);
  return g_steal_pointer (&file);
}

static void
report_list (GString *out, const GPtrArray *problems)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    g_string_append_printf (out, "  • %s\n", (const char *) problems->pdata[i]);
}

/**
 * factures_invoice_file_report:
 * (see factures-cii-reader.h)
 */
char *
factures_invoice_file_report (const FacturesInvoiceFile *file,
                              guint                     *out_n_problems)
{
  GString *out = g_string_new (NULL);
  const char *level = factures_cii_profile_conformance_level (file->profile);
  /* Issue 14: a UBL invoice has no Factur-X profile and no XSD here. */
  gboolean ubl = !file->is_pdf && file->profile == FACTURES_CII_PROFILE_UNKNOWN && factures_ubl_is_ubl (file->xml);
  guint n = 0;

  if (file->imported != NULL)
    /* Translators: "Credit note A2026-0001 (Factur-X PDF)": the kind of document, its number, the file format */
    g_string_append_printf (out, C_("imported document", "%s %s (%s)\n"),
                            factures_imported_kind_label (file->imported->type_code), file->imported->number,
                            file->is_pdf ? _("Factur-X PDF") : ubl ? _("UBL XML") : _("CII XML"));
  if (ubl)
    g_string_append (out, _("Syntax: UBL 2.1 (EN 16931); its XML schema is not checked, the reader checks what it reads.\n"));
  else
    g_string_append_printf (out, _("Profile: %s\n"), level != NULL ? level : _("not a Factur-X profile (checked against EXTENDED)"));

  if (ubl)
    ;
  else if (file->xsd_problems->len == 0)
    g_string_append (out, _("XML schema (XSD): valid.\n"));
  else
    {
      g_string_append_printf (out, ngettext ("XML schema (XSD): %u error.\n", "XML schema (XSD): %u errors.\n",
                                             file->xsd_problems->len), file->xsd_problems->len);
      report_list (out, file->xsd_problems);
      n += file->xsd_problems->len;
    }

  if (file->is_pdf)
    {
      if (file->pdf_problems->len == 0)
        g_string_append (out, _("PDF/A-3 structure: correct.\n"));
      else
        {
          g_string_append_printf (out, ngettext ("PDF/A-3 structure: %u problem.\n", "PDF/A-3 structure: %u problems.\n",
                                                 file->pdf_problems->len), file->pdf_problems->len);
          report_list (out, file->pdf_problems);
          n += file->pdf_problems->len;
        }
    }

  if (file->range_problem != NULL)
    {
      g_string_append_printf (out, "%s\n", _("Amounts: beyond what the app can hold, the file cannot be imported."));
      g_string_append_printf (out, "  • %s\n", file->range_problem);
      n++;
    }
  else if (file->content_problem != NULL)
    {
      /* What the XSD lets through (a date of 20261340): said, never "valid" alone. */
      g_string_append_printf (out, "%s\n", _("Content: refused, the file cannot be imported."));
      g_string_append_printf (out, "  • %s\n", file->content_problem);
      n++;
    }
  else if (file->imported != NULL)
    {
      if (file->figure_problems->len == 0)
        /* What was checked depends on the profile: MINIMUM has neither lines nor VAT
         * breakdown, BASIC WL no lines. */
        g_string_append (out, file->imported->lines->len > 0 ? _("Figures: lines, VAT and totals add up.\n")
                              : file->imported->vat->len > 0 ? _("Figures: VAT and totals add up (the profile has no lines).\n")
                              : _("Figures: the totals add up (the profile has no lines and no VAT breakdown).\n"));
      else
        {
          g_string_append_printf (out, ngettext ("Figures: %u amount does not add up.\n", "Figures: %u amounts do not add up.\n",
                                                 file->figure_problems->len), file->figure_problems->len);
          report_list (out, file->figure_problems);
          n += file->figure_problems->len;
        }
    }
  if (out_n_problems != NULL)
    *out_n_problems = n;
  return g_string_free (out, FALSE);
}

/* The seller's account of a credit transfer (BG-16 payment means 30 or 58, BG-17 BT-84 IBAN,
 * BT-86 BIC), or NULLs; the IBAN without spaces. */
static void
read_transfer_account (GBytes *xml, char **out_iban, char **out_bic)
{
  xmlDocPtr doc = factures_cii_parse (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml), NULL);
  xmlXPathContextPtr ctx;
  xmlNodePtr means;

  *out_iban = *out_bic = NULL;
  if (doc == NULL)
    return;
  ctx = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (ctx, BAD_CAST "rsm", BAD_CAST NS_RSM);
  xmlXPathRegisterNs (ctx, BAD_CAST "ram", BAD_CAST NS_RAM);
  means = first_node (ctx, xmlDocGetRootElement (doc),
                      "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement"
                      "/ram:SpecifiedTradeSettlementPaymentMeans[(ram:TypeCode='58' or ram:TypeCode='30')"
                      " and ram:PayeePartyCreditorFinancialAccount/ram:IBANID]");
  if (means != NULL)
    {
      g_autofree char *iban = text_at (ctx, means, "ram:PayeePartyCreditorFinancialAccount/ram:IBANID");
      GString *compact = g_string_new (NULL);

      for (const char *p = iban; p != NULL && *p; p++)
        if (!g_ascii_isspace (*p))
          g_string_append_c (compact, g_ascii_toupper (*p));
      *out_iban = g_string_free (compact, compact->len == 0);
      *out_bic = text_at (ctx, means, "ram:PayeeSpecifiedCreditorFinancialInstitution/ram:BICID");
    }
  xmlXPathFreeContext (ctx);
  xmlFreeDoc (doc);
}

/**
 * factures_invoice_duplicata_from_xml:
 * (see factures-cii-reader.h)
 */
GBytes *
factures_invoice_duplicata_from_xml (GBytes  *xml,
                                     GError **error)
{
  g_autoptr(FacturesImported) imported = factures_cii_read (xml, error);
  g_autoptr(FacturesDocument) doc = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GBytes) pdf = NULL;
  FacturesCiiProfile profile = FACTURES_CII_PROFILE_UNKNOWN;
  gint64 allowance = 0;
  gboolean exempt = FALSE;
  g_autofree char *siren = NULL;

  if (imported == NULL)
    return NULL;
  if (!factures_imported_to_lines (imported, &lines, &allowance, &exempt, error))
    return NULL;
  if (!factures_cii_check_xsd (xml, &profile, NULL, NULL) || profile == FACTURES_CII_PROFILE_UNKNOWN)
    profile = FACTURES_CII_PROFILE_EN16931;

  doc = factures_document_new (factures_imported_type_is_credit_note (imported->type_code)
                               ? FACTURES_DOCUMENT_KIND_CREDIT_NOTE
                               : imported->type_code == 386 ? FACTURES_DOCUMENT_KIND_DEPOSIT
                               : FACTURES_DOCUMENT_KIND_INVOICE);
  doc->status = FACTURES_DOCUMENT_STATUS_ISSUED;
  g_free (doc->number);
  doc->number = g_strdup (imported->number);
  if (g_date_valid (&imported->issue_date))
    doc->issue_date = imported->issue_date;
  doc->due_date = imported->due_date;
  if (!g_date_valid (&doc->due_date))
    doc->due_date = doc->issue_date;
  if (doc->seller == NULL)
    doc->seller = factures_profile_new ();
  if (doc->buyer == NULL)
    doc->buyer = factures_client_new ();
  factures_party_clear (&doc->seller->party);
  factures_party_copy_to (&imported->seller, &doc->seller->party);
  doc->seller->vat_regime = exempt ? FACTURES_VAT_REGIME_FRANCHISE : FACTURES_VAT_REGIME_REGISTERED;
  /* "Paiement par virement": the account the XML gives (BG-16, BG-17) */
  g_clear_pointer (&doc->seller->iban, g_free);
  g_clear_pointer (&doc->seller->bic, g_free);
  read_transfer_account (xml, &doc->seller->iban, &doc->seller->bic);
  factures_party_clear (&doc->buyer->party);
  factures_party_copy_to (&imported->buyer, &doc->buyer->party);
  siren = g_strdup (imported->buyer.siren);
  doc->buyer->category = siren != NULL ? FACTURES_CLIENT_CATEGORY_COMPANY : FACTURES_CLIENT_CATEGORY_INDIVIDUAL;
  g_ptr_array_extend_and_steal (doc->lines, g_steal_pointer (&lines));
  doc->allowance = allowance;
  /* Issue 13 item 4: the file's currency, and the rate of its BT-111. */
  factures_imported_currency (imported, &doc->currency, &doc->exchange_rate);

  pdf = factures_pdf_render (doc, FACTURES_PDF_FLAG_DUPLICATA, error);
  if (pdf == NULL)
    return NULL;
  return factures_facturx_wrap (pdf, xml, profile, error);
}
