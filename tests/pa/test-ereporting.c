/* test-ereporting.c — the e-reporting (Flux 10) of a period (issue 15 item 2)
 *
 * A micro-entrepreneur in franchise en base sells in September–October 2027 to private persons
 * (services and goods), to a business in the United Kingdom (in pounds sterling), and to a French
 * business (not reported: it goes through the e-invoicing), and is paid. The report is checked
 * figure by figure against what was worked out by hand, and against the DGFiP XSD v3.2 read in
 * place (reference_data). Also: an empty period, the periods and their refusals, the
 * calendar's deadlines, the record of what was made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>

#include "factures-ereporting.h"
#include "factures-store-einvoicing.h"
#include "factures-store-ereporting.h"
#include "factures-store-lifecycle.h"
#include "factures-store-urssaf.h"
#include "factures-urssaf.h"
#include "../store/store-test-util.h"
#include "ereporting-fixture.h"

typedef struct {
  char          *dir;
  FacturesStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(FacturesProfile) profile = store_test_profile ();
  g_autoptr(FacturesPaAccount) account = factures_pa_account_new ();

  fixture->dir = store_test_make_dir ();
  path = store_test_db_path (fixture->dir);
  fixture->store = factures_store_open (path, &error);
  g_assert_no_error (error);
  profile->activity = FACTURES_ACTIVITY_BOTH;
  g_assert_true (factures_store_save_profile (fixture->store, profile, &error));
  g_assert_no_error (error);
  account->name = g_strdup ("PA Exemple");
  account->registration = g_strdup ("0042");
  account->base_url = g_strdup ("https://pa.example/flow-service");
  account->token_url = g_strdup ("https://pa.example/oauth2/token");
  account->client_id = g_strdup ("factures");
  account->timeout_seconds = 30;
  account->report_payments = TRUE;
  g_assert_true (factures_store_save_pa_account (fixture->store, account, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  store_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static GDateTime *
made_at (void)
{
  return g_date_time_new_utc (2027, 11, 10, 9, 30, 0);
}

/* The text of the first node of @xpath, or NULL. */
static char *
xpath_text (xmlDocPtr   doc,
            const char *xpath)
{
  xmlXPathContextPtr ctx = xmlXPathNewContext (doc);
  xmlXPathObjectPtr obj = xmlXPathEvalExpression (BAD_CAST xpath, ctx);
  char *text = NULL;

  if (obj != NULL && obj->nodesetval != NULL && obj->nodesetval->nodeNr > 0)
    {
      xmlChar *content = xmlNodeGetContent (obj->nodesetval->nodeTab[0]);

      text = g_strdup ((const char *) content);
      xmlFree (content);
    }
  xmlXPathFreeObject (obj);
  xmlXPathFreeContext (ctx);
  return text;
}

static int
xpath_count (xmlDocPtr   doc,
             const char *xpath)
{
  xmlXPathContextPtr ctx = xmlXPathNewContext (doc);
  xmlXPathObjectPtr obj = xmlXPathEvalExpression (BAD_CAST xpath, ctx);
  int n = obj != NULL && obj->nodesetval != NULL ? obj->nodesetval->nodeNr : -1;

  xmlXPathFreeObject (obj);
  xmlXPathFreeContext (ctx);
  return n;
}

#define assert_xpath(doc, xpath, expected) \
  G_STMT_START { \
    g_autofree char *got_ = xpath_text (doc, xpath); \
    g_assert_cmpstr (got_, ==, expected); \
  } G_STMT_END

static void
check_xsd (GBytes *xml)
{
  const char *xsd = g_getenv ("EREPORTING_XSD");
  g_autoptr(GError) error = NULL;

  if (xsd == NULL || !g_file_test (xsd, G_FILE_TEST_EXISTS))
    {
      if (g_getenv ("CI") != NULL)
        g_error ("no e-reporting XSD (reference_data) in CI");
      g_test_message ("no e-reporting XSD (reference_data): not validated");
      return;
    }
  if (!factures_ereport_check_xsd (xml, xsd, &error))
    g_error ("%s\n%.*s", error->message, (int) g_bytes_get_size (xml), (const char *) g_bytes_get_data (xml, NULL));
}

static void
test_bimonthly_report (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) numbers = ereporting_fixture_fill (fixture->store);
  g_autoptr(FacturesEreport) report = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GDateTime) now = made_at ();
  FacturesEreportingPeriod period;
  xmlDocPtr doc;
  const char *uk_number = numbers[4];

  g_assert_true (factures_ereporting_period_parse ("2027-09", FACTURES_EREPORTING_BIMONTHLY, &period, &error));
  g_assert_no_error (error);
  report = factures_ereport_build (fixture->store, &period, now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  xml = factures_ereport_to_xml (report, FACTURES_EREPORT_BLOCK_ALL);
  check_xsd (xml);

  doc = xmlReadMemory (g_bytes_get_data (xml, NULL), (int) g_bytes_get_size (xml), NULL, NULL, 0);
  g_assert_nonnull (doc);
  /* the transmission: the PA sends, the micro-entrepreneur declares */
  assert_xpath (doc, "/Report/ReportDocument/Id", "732829320-20270901-20271110093000-1");
  assert_xpath (doc, "/Report/ReportDocument/IssueDateTime/DateTimeString", "20271110093000");
  assert_xpath (doc, "/Report/ReportDocument/TypeCode", "IN");
  assert_xpath (doc, "/Report/ReportDocument/Sender/Id[@schemeId='0238']", "0042");
  assert_xpath (doc, "/Report/ReportDocument/Sender/RoleCode", "WK");
  assert_xpath (doc, "/Report/ReportDocument/Issuer/Id[@schemeId='0002']", "732829320");
  assert_xpath (doc, "/Report/ReportDocument/Issuer/RoleCode", "SE");
  assert_xpath (doc, "/Report/TransactionsReport/ReportPeriod/StartDate", "20270901");
  assert_xpath (doc, "/Report/TransactionsReport/ReportPeriod/EndDate", "20271031");
  assert_xpath (doc, "/Report/PaymentsReport/ReportPeriod/EndDate", "20271031");

  /* 10.1: the invoice to Acme alone (not the French business's) */
  g_assert_cmpint (xpath_count (doc, "/Report/TransactionsReport/Invoice"), ==, 1);
  assert_xpath (doc, "/Report/TransactionsReport/Invoice/ID", uk_number);
  assert_xpath (doc, "/Report/TransactionsReport/Invoice/IssueDate", "20271005");
  assert_xpath (doc, "/Report/TransactionsReport/Invoice/TypeCode", "380");
  assert_xpath (doc, "/Report/TransactionsReport/Invoice/CurrencyCode", "GBP");
  assert_xpath (doc, "/Report/TransactionsReport/Invoice/Buyer/PostalAddress/CountryId", "GB");
  assert_xpath (doc, "/Report/TransactionsReport/Invoice/Buyer/CompanyId", "01234567");
  assert_xpath (doc, "/Report/TransactionsReport/Invoice/Buyer/CompanyId/@schemeId", "0227");
  assert_xpath (doc, "/Report/TransactionsReport/Invoice/MonetaryTotal/TaxExclusiveAmount", "800.00");
  assert_xpath (doc, "/Report/TransactionsReport/Invoice/MonetaryTotal/TaxAmount", "0.00");
  assert_xpath (doc, "/Report/TransactionsReport/Invoice/MonetaryTotal/TaxAmount/@CurrencyCode", "GBP");
  /* services to a business outside the EU: outside the scope of French VAT (art. 259-1°) */
  assert_xpath (doc, "/Report/TransactionsReport/Invoice/TaxSubTotal/TaxCategory/Code", "O");
  assert_xpath (doc, "/Report/TransactionsReport/Invoice/TaxSubTotal/TaxableAmount", "800.00");

  /* 10.3, by hand: 10 Sept. goods 30 (B) in TLB1; services 100 (A) + 50 (B) = 150 in TPS1, two
   * documents; 20 Sept. services 250 (C). VAT 0 everywhere (franchise). */
  g_assert_cmpint (xpath_count (doc, "/Report/TransactionsReport/Transactions"), ==, 3);
  assert_xpath (doc, "/Report/TransactionsReport/Transactions[1]/Date", "20270910");
  assert_xpath (doc, "/Report/TransactionsReport/Transactions[1]/CategoryCode", "TLB1");
  assert_xpath (doc, "/Report/TransactionsReport/Transactions[1]/TaxExclusiveAmount", "30.00");
  assert_xpath (doc, "/Report/TransactionsReport/Transactions[1]/TransactionsCount", "1");
  assert_xpath (doc, "/Report/TransactionsReport/Transactions[2]/CategoryCode", "TPS1");
  assert_xpath (doc, "/Report/TransactionsReport/Transactions[2]/TransactionsCurrency", "EUR");
  assert_xpath (doc, "/Report/TransactionsReport/Transactions[2]/TaxExclusiveAmount", "150.00");
  assert_xpath (doc, "/Report/TransactionsReport/Transactions[2]/TaxTotal", "0.00");
  assert_xpath (doc, "/Report/TransactionsReport/Transactions[2]/TransactionsCount", "2");
  assert_xpath (doc, "/Report/TransactionsReport/Transactions[2]/TaxSubtotal/TaxPercent", "0.00");
  assert_xpath (doc, "/Report/TransactionsReport/Transactions[2]/TaxSubtotal/TaxableAmount", "150.00");
  assert_xpath (doc, "/Report/TransactionsReport/Transactions[3]/Date", "20270920");
  assert_xpath (doc, "/Report/TransactionsReport/Transactions[3]/TaxExclusiveAmount", "250.00");

  /* 10.2: Acme's £800 on 20 Oct. (in pounds, as invoiced; not the 923,45 € credited) */
  g_assert_cmpint (xpath_count (doc, "/Report/PaymentsReport/Invoice"), ==, 1);
  assert_xpath (doc, "/Report/PaymentsReport/Invoice/InvoiceID", uk_number);
  assert_xpath (doc, "/Report/PaymentsReport/Invoice/IssueDate", "20271005");
  assert_xpath (doc, "/Report/PaymentsReport/Invoice/Payment/Date", "20271020");
  assert_xpath (doc, "/Report/PaymentsReport/Invoice/Payment/SubTotals/Amount", "800.00");
  assert_xpath (doc, "/Report/PaymentsReport/Invoice/Payment/SubTotals/CurrencyCode", "GBP");

  /* 10.4, services only: 15 Sept. 100 (A) + 50 of B's 80 = 150; 2 Oct. 100 of C. Not the
   * French business's 70 on 16 Sept., not C's 150 of 3 Nov. */
  g_assert_cmpint (xpath_count (doc, "/Report/PaymentsReport/Transactions"), ==, 2);
  assert_xpath (doc, "/Report/PaymentsReport/Transactions[1]/Payment/Date", "20270915");
  assert_xpath (doc, "/Report/PaymentsReport/Transactions[1]/Payment/SubTotals/Amount", "150.00");
  assert_xpath (doc, "/Report/PaymentsReport/Transactions[1]/Payment/SubTotals/TaxPercent", "0.00");
  assert_xpath (doc, "/Report/PaymentsReport/Transactions[2]/Payment/Date", "20271002");
  assert_xpath (doc, "/Report/PaymentsReport/Transactions[2]/Payment/SubTotals/Amount", "100.00");
  xmlFreeDoc (doc);

  /* each block alone validates too (one FRR flow each) */
  for (guint bit = 0; bit < 4; bit++)
    {
      g_autoptr(GBytes) one = factures_ereport_to_xml (report, (FacturesEreportBlocks) (1 << bit));

      check_xsd (one);
    }
  g_assert_cmpstr (factures_ereport_block_flow_type (FACTURES_EREPORT_BLOCK_DAYS), ==,
                   "AggregatedCustomerTransactionReport");
  g_assert_cmpstr (factures_ereport_block_rule (FACTURES_EREPORT_BLOCK_INVOICES), ==, "B2BInt");
  g_assert_cmpstr (factures_ereport_block_rule (FACTURES_EREPORT_BLOCK_DAY_PAYMENTS), ==, "B2C");
}

static void
test_empty_period (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesEreport) report = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GDateTime) now = made_at ();
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GBytes) stored = NULL;
  FacturesEreportingPeriod period;
  xmlDocPtr doc;
  gint64 id;

  g_assert_true (factures_ereporting_period_parse ("2027-09", FACTURES_EREPORTING_BIMONTHLY, &period, &error));
  report = factures_ereport_build (fixture->store, &period, now, &error);
  g_assert_no_error (error);
  g_assert_true (factures_ereport_is_empty (report));
  xml = factures_ereport_to_xml (report, FACTURES_EREPORT_BLOCK_ALL);
  check_xsd (xml);
  doc = xmlReadMemory (g_bytes_get_data (xml, NULL), (int) g_bytes_get_size (xml), NULL, NULL, 0);
  g_assert_cmpint (xpath_count (doc, "/Report/TransactionsReport/*"), ==, 1);
  g_assert_cmpint (xpath_count (doc, "/Report/PaymentsReport/*"), ==, 1);
  assert_xpath (doc, "/Report/TransactionsReport/ReportPeriod/StartDate", "20270901");
  xmlFreeDoc (doc);

  /* recorded as made, bytes kept */
  id = factures_ereport_record (fixture->store, report, xml, "/tmp/x.xml", &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  records = factures_store_ereporting_list_reports (fixture->store, &period.start, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpstr (((FacturesEreportingRecord *) g_ptr_array_index (records, 0))->type_code, ==, "IN");
  stored = factures_store_ereporting_get_xml (fixture->store, id, &error);
  g_assert_true (g_bytes_equal (stored, xml));
}

static void
test_periods (void)
{
  g_autoptr(GError) error = NULL;
  FacturesEreportingPeriod p;
  g_autofree char *label = NULL;
  g_autofree char *due = NULL;
  struct {
    const char *text;
    FacturesEreportingPeriodicity periodicity;
    const char *words;
  } bad[] = {
    { "2027-10", FACTURES_EREPORTING_BIMONTHLY, "2027-09" },
    { "2027-13", FACTURES_EREPORTING_BIMONTHLY, "2027-13" },
    { "septembre", FACTURES_EREPORTING_BIMONTHLY, "septembre" },
    { "2027-07", FACTURES_EREPORTING_BIMONTHLY, "1 September 2027" },
    { "2027-09-05", FACTURES_EREPORTING_DECADAL, "11th" },
    { "2027-09", FACTURES_EREPORTING_DECADAL, "2027-09-11" },
    { "2027-09-01", FACTURES_EREPORTING_MONTHLY, "YYYY-MM" },
    { "2028-01", FACTURES_EREPORTING_BIMONTHLY, "not begun" },
    { "", FACTURES_EREPORTING_MONTHLY, "YYYY-MM" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_clear_error (&error);
      g_assert_false (factures_ereporting_period_parse (bad[i].text, bad[i].periodicity, &p, &error));
      g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, "Period: "));
      if (strstr (error->message, bad[i].words) == NULL)
        g_error ("%s: “%s” does not say %s", bad[i].text, error->message, bad[i].words);
    }

  g_assert_true (factures_ereporting_period_parse ("2027-11", FACTURES_EREPORTING_BIMONTHLY, &p, NULL));
  label = factures_ereporting_period_label (&p);
  g_assert_cmpstr (label, ==, "novembre–décembre 2027");
  due = factures_date_format_iso (&p.due);
  g_assert_cmpstr (due, ==, "2028-01-31");
  g_assert_true (factures_ereporting_period_parse ("2027-10", FACTURES_EREPORTING_MONTHLY, &p, NULL));
  g_assert_cmpint (g_date_get_day (&p.end), ==, 31);
  g_assert_true (factures_ereporting_period_parse ("2027-10-21", FACTURES_EREPORTING_DECADAL, &p, NULL));
  g_assert_cmpint (g_date_get_day (&p.end), ==, 31);
}

/* The calendar holds the e-reporting deadlines from the first period of September 2027. */
static void
test_calendar (void)
{
  FacturesUrssafSettings settings;
  g_autoptr(GPtrArray) list = NULL;
  GDate from, to;
  const char *expected[] = { "2027-11-30", "2028-01-31", "2028-03-31", "2028-05-31", "2028-07-31", "2028-09-30" };
  guint n = 0;

  factures_urssaf_settings_init (&settings);
  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, G_DATE_JANUARY, 2027);
  g_date_set_dmy (&to, 30, G_DATE_SEPTEMBER, 2028);
  list = factures_tax_calendar (&from, &to, &settings, NULL, 0);
  for (guint i = 0; i < list->len; i++)
    {
      const FacturesDeadline *d = g_ptr_array_index (list, i);
      g_autofree char *iso = NULL;

      if (d->kind != FACTURES_DEADLINE_EREPORTING)
        continue;
      iso = factures_date_format_iso (&d->date);
      if (n >= G_N_ELEMENTS (expected))
        g_error ("one e-reporting deadline too many: %s", iso);
      g_assert_cmpstr (iso, ==, expected[n]);
      if (n == 0)
        g_assert_nonnull (strstr (d->what, "septembre–octobre 2027"));
      n++;
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));

  /* monthly when the profile says so */
  g_clear_pointer (&list, g_ptr_array_unref);
  settings.ereporting = FACTURES_EREPORTING_MONTHLY;
  g_date_set_dmy (&to, 31, G_DATE_DECEMBER, 2027);
  list = factures_tax_calendar (&from, &to, &settings, NULL, 0);
  n = 0;
  for (guint i = 0; i < list->len; i++)
    if (((FacturesDeadline *) g_ptr_array_index (list, i))->kind == FACTURES_DEADLINE_EREPORTING)
      n++;
  g_assert_cmpuint (n, ==, 3);   /* September (31 Oct.), October (30 Nov.), November (31 Dec.) */
  factures_urssaf_settings_clear (&settings);
}

/* The stored periodicity reaches the settings the calendar reads. */
static void
test_periodicity_stored (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  FacturesUrssafSettings settings;
  FacturesEreportingPeriodicity p;

  g_assert_true (factures_store_get_ereporting_periodicity (fixture->store, &p, &error));
  g_assert_cmpint (p, ==, FACTURES_EREPORTING_BIMONTHLY);
  g_assert_true (factures_store_set_ereporting_periodicity (fixture->store, FACTURES_EREPORTING_DECADAL, &error));
  g_assert_false (factures_store_set_ereporting_periodicity (fixture->store, 7, &error));
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_true (factures_store_get_urssaf_settings (fixture->store, &settings, NULL));
  g_assert_cmpint (settings.ereporting, ==, FACTURES_EREPORTING_DECADAL);
  factures_urssaf_settings_clear (&settings);
}

/* The reports and flows, and the periodicity, go through the JSON backup and back; a report
 * whose XML does not match its SHA-256 is refused naming the path. */
static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesEreport) report = NULL;
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GDateTime) now = made_at ();
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) flows = NULL;
  g_autoptr(FacturesStore) other = NULL;
  g_autofree char *json = g_build_filename (fixture->dir, "export.json", NULL);
  g_autofree char *bad = g_build_filename (fixture->dir, "bad.json", NULL);
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *bad_path = g_build_filename (fixture->dir, "bad.db", NULL);
  g_autofree char *text = NULL;
  g_autofree char *sha = NULL;
  FacturesEreportingFlow flow = { 0 };
  FacturesEreportingPeriod period;
  FacturesEreportingPeriodicity periodicity;
  gint64 id;

  g_auto(GStrv) numbers = ereporting_fixture_fill (fixture->store);
  g_assert_true (factures_store_set_ereporting_periodicity (fixture->store, FACTURES_EREPORTING_BIMONTHLY, &error));
  g_assert_true (factures_ereporting_period_parse ("2027-09", FACTURES_EREPORTING_BIMONTHLY, &period, &error));
  report = factures_ereport_build (fixture->store, &period, now, &error);
  g_assert_no_error (error);
  xml = factures_ereport_to_xml (report, FACTURES_EREPORT_BLOCK_ALL);
  id = factures_ereport_record (fixture->store, report, xml, NULL, &error);
  g_assert_cmpint (id, >, 0);
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, xml);
  flow.block = "10.3";
  flow.flow_type = "AggregatedCustomerTransactionReport";
  flow.processing_rule = "B2C";
  flow.tracking_id = "erep-1-10.3";
  flow.sha256 = sha;
  flow.sent = TRUE;
  flow.flow_id = "FLOW-1";
  flow.submitted_at = "2027-11-10T09:30:01Z";
  flow.attempted = "2027-11-10T09:30:00Z";
  g_assert_true (factures_store_ereporting_add_flow (fixture->store, id, &flow, &error));
  g_assert_no_error (error);
  g_assert_true (factures_store_export_json (fixture->store, json, &error));
  g_assert_no_error (error);

  other = factures_store_open (other_path, &error);
  g_assert_true (factures_store_import_json (other, json, &error));
  g_assert_no_error (error);
  g_assert_true (factures_store_get_ereporting_periodicity (other, &periodicity, &error));
  g_assert_cmpint (periodicity, ==, FACTURES_EREPORTING_BIMONTHLY);
  records = factures_store_ereporting_list_reports (other, &period.start, &error);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpstr (((FacturesEreportingRecord *) g_ptr_array_index (records, 0))->report_key, ==, report->report_key);
  g_assert_cmpuint (((FacturesEreportingRecord *) g_ptr_array_index (records, 0))->flows_sent, ==, 1);
  flows = factures_store_ereporting_list_flows (other, ((FacturesEreportingRecord *) g_ptr_array_index (records, 0))->id,
                                                &error);
  g_assert_cmpuint (flows->len, ==, 1);
  g_assert_cmpstr (((FacturesEreportingFlow *) g_ptr_array_index (flows, 0))->flow_id, ==, "FLOW-1");
  g_assert_true (factures_store_ereporting_period_sent (other, &period.start, &error));

  /* a tampered report */
  g_assert_true (g_file_get_contents (json, &text, NULL, NULL));
  {
    g_autofree char *tampered = g_strdup (text);
    char *p = strstr (tampered, "\"sha256\" : \"");

    g_assert_nonnull (p);
    p += strlen ("\"sha256\" : \"");
    *p = *p == '0' ? '1' : '0';
    g_assert_true (g_file_set_contents (bad, tampered, -1, NULL));
  }
  {
    g_autoptr(FacturesStore) third = factures_store_open (bad_path, &error);

    g_assert_false (factures_store_import_json (third, bad, &error));
    g_assert_nonnull (error);
    if (strstr (error->message, "ereporting.reports[0]") == NULL)
      g_error ("the refusal does not name the path: %s", error->message);
  }
  (void) numbers;
}

/* A quote of 100 € to a private person, a 30 % deposit invoice on 3 September and the final
 * invoice on 25 September: 30 € then 70 € in 10.3, not 30 + 100. */
static void
test_deposit_and_final (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesClient) client = factures_client_new ();
  g_autoptr(FacturesDocument) quote = NULL;
  g_autoptr(FacturesDocument) issued_quote = NULL;
  g_autoptr(FacturesEreport) report = NULL;
  g_autoptr(GDateTime) now = made_at ();
  const char *days[] = { "2027-09-03", "2027-09-25" };
  const gint64 expected[] = { 3000, 7000 };
  FacturesEreportingPeriod period;
  gint64 ids[2];
  GDate date;

  client->party.name = g_strdup ("Lucie Bernard");
  client->party.address = g_strdup ("2 place Bellecour");
  client->party.postal_code = g_strdup ("69002");
  client->party.city = g_strdup ("Lyon");
  client->category = FACTURES_CLIENT_CATEGORY_INDIVIDUAL;
  g_assert_true (factures_store_save_client (fixture->store, client, &error));
  quote = store_test_draft (client->id, "2027-09-01", 1);
  quote->kind = FACTURES_DOCUMENT_KIND_QUOTE;
  /* the fixture's profile sells goods and services: each line names its activity (issue 17) */
  ((FacturesLine *) g_ptr_array_index (quote->lines, 0))->activity = FACTURES_LINE_ACTIVITY_SERVICES_BNC;
  g_assert_true (factures_store_save_draft (fixture->store, quote, &error));
  g_assert_no_error (error);
  issued_quote = factures_store_issue (fixture->store, quote->id, store_test_render, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (factures_date_parse_iso ("2027-09-02", &date, NULL));
  g_assert_true (factures_store_set_quote_decision (fixture->store, issued_quote->id, TRUE, &date, &error));
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(FacturesDocument) draft = NULL;
      g_autoptr(FacturesDocument) issued = NULL;

      ids[i] = i == 0 ? factures_store_quote_to_deposit (fixture->store, issued_quote->id, 3000, 0, &error)
                      : factures_store_quote_to_invoice (fixture->store, issued_quote->id, &error);
      g_assert_no_error (error);
      draft = factures_store_get_document (fixture->store, ids[i], &error);
      g_assert_true (factures_date_parse_iso (days[i], &draft->issue_date, NULL));
      g_assert_true (factures_store_save_draft (fixture->store, draft, &error));
      g_assert_no_error (error);
      issued = factures_store_issue (fixture->store, ids[i], store_test_render, NULL, &error);
      g_assert_no_error (error);
    }

  g_assert_true (factures_ereporting_period_parse ("2027-09", FACTURES_EREPORTING_BIMONTHLY, &period, &error));
  report = factures_ereport_build (fixture->store, &period, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->days->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      const FacturesEreportDay *day = g_ptr_array_index (report->days, i);
      g_autofree char *iso = factures_date_format_iso (&day->date);

      g_assert_cmpstr (iso, ==, days[i]);
      g_assert_cmpint (day->net, ==, expected[i]);
      g_assert_cmpint (g_array_index (day->taxes, FacturesEreportTax, 0).base, ==, expected[i]);
    }
}

/* The dates written follow FACTURES_TODAY, as every other date of the app (trial finding
 * T20): the report's IssueDateTime (made when no time is given) and a directory lookup's day
 * (« Consulté le »), set 2027-11-10 by main(). */
static void
test_dates_follow_today (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesPaDirectoryEntry) entry = factures_pa_directory_entry_new ();
  g_autoptr(FacturesPaDirectoryEntry) read = NULL;
  FacturesEreportingPeriod period;
  FacturesEreport *report;

  g_assert_true (factures_ereporting_period_parse ("2027-09", FACTURES_EREPORTING_BIMONTHLY, &period, &error));
  report = factures_ereport_build (fixture->store, &period, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_true (g_str_has_prefix (report->made, "20271110"));
  g_assert_nonnull (strstr (report->report_key, "-20271110"));
  factures_ereport_free (report);

  entry->siren = g_strdup ("732829320");
  entry->status = FACTURES_PA_DIRECTORY_ENABLED;
  g_assert_true (factures_store_pa_directory_save (fixture->store, entry, &error));
  g_assert_no_error (error);
  read = factures_store_pa_directory_get (fixture->store, "732829320", &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  g_assert_true (g_str_has_prefix (read->looked_up, "2027-11-10T"));
}

int
main (int argc, char **argv)
{
  g_setenv ("FACTURES_TODAY", "2027-11-10", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/ereporting/bimonthly-report", Fixture, NULL, fixture_set_up, test_bimonthly_report,
              fixture_tear_down);
  g_test_add ("/ereporting/empty-period", Fixture, NULL, fixture_set_up, test_empty_period, fixture_tear_down);
  g_test_add ("/ereporting/periodicity-stored", Fixture, NULL, fixture_set_up, test_periodicity_stored,
              fixture_tear_down);
  g_test_add ("/ereporting/json", Fixture, NULL, fixture_set_up, test_json, fixture_tear_down);
  g_test_add ("/ereporting/deposit-and-final", Fixture, NULL, fixture_set_up, test_deposit_and_final,
              fixture_tear_down);
  g_test_add ("/ereporting/dates-follow-today", Fixture, NULL, fixture_set_up, test_dates_follow_today,
              fixture_tear_down);
  g_test_add_func ("/ereporting/periods", test_periods);
  g_test_add_func ("/ereporting/calendar", test_calendar);
  return g_test_run ();
}
