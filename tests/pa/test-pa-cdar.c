/* test-pa-cdar.c — CDAR lifecycle messages: what Factures writes passes the CDAR D22B XSD
 * of the reference data, reads back the same, and the reader refuses what is not a CDAR
 * message about an invoice with a known status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <libxml/xmlschemas.h>

#include "factures-cdar.h"
#include "factures-pa-error.h"

static GBytes *
build_212 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 12, 6, 10, 30, 0);
  GDate issued;
  const gint64 amounts[] = { 2000, 12000, 550, 1055 };

  g_date_clear (&issued, 1);
  g_date_set_dmy (&issued, 1, 12, 2026);
  return factures_cdar_build ("CDV-1", 212, "SE", "F2026-0007", &issued, "123456782", "Camille Martin EI",
                              "732829320", "Société & Cie <test>", NULL, NULL, amounts, 2, now);
}

static void
test_written_passes_xsd (void)
{
  const char *xsd = g_getenv ("PA_CDAR_XSD");
  g_autoptr(GBytes) xml = build_212 ();
  xmlSchemaParserCtxtPtr pctx;
  xmlSchemaPtr schema;
  xmlSchemaValidCtxtPtr vctx;
  xmlDocPtr doc;
  gsize size;
  const char *data = g_bytes_get_data (xml, &size);

  if (xsd == NULL || !g_file_test (xsd, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no CDAR XSD (reference_data)");
      return;
    }
  pctx = xmlSchemaNewParserCtxt (xsd);
  schema = xmlSchemaParse (pctx);
  g_assert_nonnull (schema);
  vctx = xmlSchemaNewValidCtxt (schema);
  doc = xmlReadMemory (data, (int) size, "cdar.xml", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  g_assert_cmpint (xmlSchemaValidateDoc (vctx, doc), ==, 0);
  xmlFreeDoc (doc);
  xmlSchemaFreeValidCtxt (vctx);
  xmlSchemaFree (schema);
  xmlSchemaFreeParserCtxt (pctx);
}

static void
test_round_trip (void)
{
  g_autoptr(GBytes) xml = build_212 ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) statuses = factures_cdar_parse (xml, &error);
  const FacturesPaStatus *s;

  g_assert_no_error (error);
  g_assert_cmpuint (statuses->len, ==, 1);
  s = g_ptr_array_index (statuses, 0);
  g_assert_cmpint (s->code, ==, 212);
  g_assert_cmpstr (s->invoice_number, ==, "F2026-0007");
  g_assert_cmpstr (s->date, ==, "2026-12-06T10:30:00");
  g_assert_cmpstr (s->sender_role, ==, "SE");
  g_assert_cmpstr (s->sender_id, ==, "123456782");
  g_assert_cmpint (s->amount, ==, 12000 + 1055);
}

static void
expect_refused (const char *xml,
                const char *words)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) statuses = factures_cdar_parse (bytes, &error);

  g_assert_null (statuses);
  g_assert_error (error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_FORMAT);
  if (words != NULL)
    g_assert_nonnull (strstr (error->message, words));
}

static char *
replace (const char *text,
         const char *from,
         const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, -1);

  return g_strjoinv (to, parts);
}

static void
test_refused (void)
{
  g_autoptr(GBytes) good = build_212 ();
  g_autofree char *text = g_strndup (g_bytes_get_data (good, NULL), g_bytes_get_size (good));
  g_autofree char *unknown = replace (text, "<ram:ProcessConditionCode>212<", "<ram:ProcessConditionCode>299<");
  g_autofree char *no_number = replace (text, "<ram:IssuerAssignedID>F2026-0007</ram:IssuerAssignedID>", "");
  g_autofree char *bad_amount = replace (text, ">120.00<", ">12O.00<");
  g_autofree char *bad_date = replace (text, "20261206103000", "2026-12-06");
  g_autofree char *other_ns = replace (text, "CrossDomainAcknowledgementAndResponse:100", "CrossIndustryInvoice:100");

  expect_refused ("", NULL);
  expect_refused ("<?xml version=\"1.0\"?><a", "XML");
  expect_refused ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]>"
                  "<rsm:CrossDomainAcknowledgementAndResponse xmlns:rsm=\"urn:un:unece:uncefact:data:standard:"
                  "CrossDomainAcknowledgementAndResponse:100\"/>", "DTD");
  expect_refused (unknown, "ProcessConditionCode");
  expect_refused (no_number, "IssuerAssignedID");
  expect_refused (bad_amount, "ValueAmount");
  expect_refused (bad_date, "IssueDateTime");
  expect_refused (other_ns, "CrossDomainAcknowledgementAndResponse");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pa/cdar/written-passes-xsd", test_written_passes_xsd);
  g_test_add_func ("/pa/cdar/round-trip", test_round_trip);
  g_test_add_func ("/pa/cdar/refused", test_refused);
  return g_test_run ();
}
