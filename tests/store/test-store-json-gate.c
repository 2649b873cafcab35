/* test-store-json-gate.c — the JSON import checks what the editor checks (issue 10, finding 3)
 *
 * Every bad file is refused in both import modes where it applies (a full
 * restore into an empty database, and "add clients and drafts" to a database
 * with content), the message names the JSON path of the first bad value, and
 * the database is byte-identical afterwards (its SQL dump has the same SHA-256).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "factures-rows.h"
#include "factures-store.h"
#include "store-test-util.h"

typedef struct {
  char          *dir;
  char          *file;     /* the JSON file under test */
  char          *db_path;  /* a database with one client (the "add" mode) */
  FacturesStore *store;
  char          *empty_path;
  FacturesStore *empty;    /* an empty database (the full restore mode) */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesClient) client = store_test_client ("Already here");

  g_setenv ("FACTURES_TODAY", "2026-07-01", TRUE);
  fixture->dir = store_test_make_fast_dir ();
  fixture->file = g_build_filename (fixture->dir, "file.json", NULL);
  fixture->db_path = g_build_filename (fixture->dir, "target.db", NULL);
  fixture->store = factures_store_open (fixture->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_save_client (fixture->store, client, &error));
  fixture->empty_path = g_build_filename (fixture->dir, "empty.db", NULL);
  fixture->empty = factures_store_open (fixture->empty_path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->empty);
  store_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->file);
  g_free (fixture->db_path);
  g_free (fixture->empty_path);
  g_unsetenv ("FACTURES_TODAY");
}

/* SHA-256 of `sqlite3 DB .dump`: the whole content, whatever the file layout. */
static char *
dump_hash (const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { "sqlite3", db_path, ".dump", NULL };
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpuint (strlen (out), >, 100);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, out, -1);
}

/* @text is refused by @store: the message holds @needle, nothing changed. */
static void
expect_refused_by (Fixture       *fixture,
                   FacturesStore *store,
                   const char    *db_path,
                   const char    *text,
                   gssize         len,
                   const char    *needle)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_hash (db_path);
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (fixture->file, text, len, NULL));
  g_assert_false (factures_store_import_json (store, fixture->file, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  if (strstr (error->message, needle) == NULL)
    g_error ("“%s” does not name “%s”", error->message, needle);
  after = dump_hash (db_path);
  g_assert_cmpstr (before, ==, after);
}

/* Refused in both modes. */
static void
expect_refused (Fixture    *fixture,
                const char *text,
                const char *needle)
{
  expect_refused_by (fixture, fixture->store, fixture->db_path, text, -1, needle);
  expect_refused_by (fixture, fixture->empty, fixture->empty_path, text, -1, needle);
}

/* A file of one client and one draft; @line is the draft's only line. */
static char *
drafts_file (const char *profile,
             const char *client_name,
             const char *client_id_2,
             gint64      allowance,
             const char *line)
{
  return g_strdup_printf ("{\"format\": \"factures\", \"version\": 1, \"profile\": %s,\n"
                          " \"clients\": [{\"id\": 7, \"name\": %s, \"category\": 1}%s],\n"
                          " \"documents\": [{\"id\": 3, \"kind\": 380, \"status\": 0,\n"
                          "   \"issue_date\": \"2026-07-01\", \"client_id\": 7, \"allowance\": %" G_GINT64_FORMAT ",\n"
                          "   \"net_total\": 1, \"vat_total\": 2, \"gross_total\": 3, \"amount_due\": 4,\n"
                          "   \"lines\": [%s], \"events\": []}],\n"
                          " \"series\": []}\n",
                          profile, client_name, client_id_2, allowance, line);
}

#define GOOD_LINE "{\"position\": 1, \"description\": \"Audit\", \"quantity\": 20000, " \
                  "\"unit_price\": 50000000, \"vat_rate_bp\": 0, \"allowance\": 0, \"net\": 5}"

static void
test_good_drafts_file (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = drafts_file ("null", "\"Client SARL\"", "", 0, GOOD_LINE);
  g_autoptr(FacturesDocument) draft = NULL;
  g_auto(FacturesTotals) totals = { NULL, };

  /* The base file is good: the cases below each change one value. */
  g_assert_true (g_file_set_contents (fixture->file, text, -1, NULL));
  g_assert_true (factures_store_import_json (fixture->empty, fixture->file, &error));
  g_assert_no_error (error);

  /* The draft's totals in the file (1, 2, 3, 4) disagree with its lines: recomputed. */
  draft = factures_store_get_document (fixture->empty, 3, &error);
  g_assert_no_error (error);
  g_assert_true (factures_document_compute_totals (draft, &totals, &error));
  g_assert_cmpint (totals.gross_total, ==, 10000);
  {
    g_autoptr(GListModel) documents = factures_store_list_documents (fixture->empty, NULL,
                                                                    FACTURES_DOCUMENT_SORT_DATE, FALSE);
    g_autoptr(FacturesDocumentRow) row = g_list_model_get_item (documents, 0);

    g_assert_cmpint (factures_document_row_get_total (row), ==, 10000);
  }
}

static void
test_bad_lines (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *long_text = g_strnfill (4030, 'x');
  g_autofree char *long_line = g_strdup_printf ("{\"position\": 1, \"description\": \"%s\", "
                                                "\"quantity\": 10000, \"unit_price\": 1000000}",
                                                long_text);
  struct {
    const char *line;
    gint64      allowance;
    const char *path;
  } cases[] = {
    { "{\"description\": \"Huge\", \"quantity\": 9223372036854775807, \"unit_price\": 0}", 0,
      "documents[0].lines[0].quantity" },
    { "{\"description\": \"Rate\", \"quantity\": 10000, \"unit_price\": 1000000, \"vat_rate_bp\": -2000}", 0,
      "documents[0].lines[0].vat_rate_bp" },
    { "{\"description\": \"Rate\", \"quantity\": 10000, \"unit_price\": 1000000, \"vat_rate_bp\": 4294969296}", 0,
      "documents[0].lines[0].vat_rate_bp" },
    { "{\"description\": \"Price\", \"quantity\": 10000, \"unit_price\": -1000000}", 0,
      "documents[0].lines[0].unit_price" },
    { "{\"description\": \"Line discount\", \"quantity\": 10000, \"unit_price\": 1000000, \"allowance\": 101}", 0,
      "documents[0].lines[0].allowance" },
    { GOOD_LINE, 10001, "documents[0].allowance" },
    { GOOD_LINE, -1, "documents[0].allowance" },
    { long_line, 0, "documents[0].lines[0].description" },
    { "{\"description\": \"  \", \"quantity\": 10000, \"unit_price\": 1000000}", 0,
      "documents[0].lines[0].description" },
    { "{\"description\": \"Zero\", \"quantity\": 0, \"unit_price\": 1000000}", 0,
      "documents[0].lines[0].quantity" },
    { "{\"description\": \"Type\", \"quantity\": \"1\", \"unit_price\": 1000000}", 0,
      "documents[0].lines[0].quantity" },
    { "{\"description\": \"Overflow\", \"quantity\": 10000000000000, \"unit_price\": 9223372036854775807}", 0,
      "documents[0].lines" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = drafts_file ("null", "\"Client SARL\"", "", cases[i].allowance, cases[i].line);

      g_test_message ("case %u", i);
      expect_refused (fixture, text, cases[i].path);
    }
}

static void
test_bad_parties (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *nul = drafts_file ("null", "\"ACME\\u0000SAS\"", "", 0, GOOD_LINE);
  g_autofree char *twice = drafts_file ("null", "\"Client SARL\"", ", {\"id\": 7, \"name\": \"Other\"}", 0, GOOD_LINE);
  g_autofree char *logo = drafts_file ("{\"name\": \"Me EI\", \"siren\": \"732829320\", \"logo\": \"not base64!\"}",
                                       "\"Client SARL\"", "", 0, GOOD_LINE);
  g_autofree char *not_png = drafts_file ("{\"name\": \"Me EI\", \"siren\": \"732829320\", \"logo\": \"R0lGODlh\"}",
                                          "\"Client SARL\"", "", 0, GOOD_LINE);
  g_autofree char *regime = drafts_file ("{\"name\": \"Me EI\", \"vat_regime\": 7}",
                                         "\"Client SARL\"", "", 0, GOOD_LINE);
  g_autofree char *name_type = drafts_file ("null", "42", "", 0, GOOD_LINE);

  expect_refused (fixture, nul, "clients[0].name");
  expect_refused (fixture, twice, "clients[1].id");
  /* The profile is only taken by a database without one: the empty one. */
  expect_refused_by (fixture, fixture->empty, fixture->empty_path, logo, -1, "profile.logo");
  expect_refused_by (fixture, fixture->empty, fixture->empty_path, not_png, -1, "profile");
  expect_refused_by (fixture, fixture->empty, fixture->empty_path, regime, -1, "profile");
  expect_refused (fixture, name_type, "clients[0].name");
}

static void
test_bad_structure (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *good = drafts_file ("null", "\"Client SARL\"", "", 0, GOOD_LINE);
  g_autofree char *second = g_strconcat (good, "{\"format\": \"factures\"}\n", NULL);
  g_autofree char *scalar = g_strconcat (good, " 12", NULL);
  GString *deep = g_string_new ("{\"format\": \"factures\", \"version\": 1, \"clients\": ");
  g_autofree char *deep_text = NULL;
  g_autofree char *deep_65 = NULL;

  expect_refused (fixture, second, "second JSON value");
  expect_refused (fixture, scalar, "second JSON value");

  /* json-glib reads comments and single quotes, where brackets could hide from the
   * depth check: refused. */
  {
    g_autofree char *comment = g_strdup_printf ("{\"format\": /* \" */ \"factures\", %s", good + 1);
    g_autofree char *quote = g_strdup_printf ("{'format': 'factures', %s", good + 1);

    expect_refused (fixture, comment, "comments");
    expect_refused (fixture, quote, "comments");
  }

  /* 100,000 levels crashed json-glib's recursive parser (SIGSEGV). */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, ']');
  g_string_append (deep, "}");
  deep_text = g_string_free (deep, FALSE);
  expect_refused (fixture, deep_text, "clients[0][0]");

  /* 64 levels pass the limit (then fail as a wrong value), 65 do not. */
  {
    GString *text = g_string_new ("{\"format\": \"factures\", \"version\": 1, \"clients\": ");
    g_autofree char *ok_text = NULL;

    for (guint i = 0; i < 63; i++)
      g_string_append_c (text, '[');
    for (guint i = 0; i < 63; i++)
      g_string_append_c (text, ']');
    g_string_append (text, ", \"documents\": [], \"series\": []}");
    ok_text = g_string_free (text, FALSE);
    expect_refused (fixture, ok_text, "clients[0] must be an object");
  }
  {
    GString *text = g_string_new ("{\"format\": \"factures\", \"version\": 1, \"clients\": ");

    for (guint i = 0; i < 64; i++)
      g_string_append_c (text, '[');
    for (guint i = 0; i < 64; i++)
      g_string_append_c (text, ']');
    g_string_append (text, "}");
    deep_65 = g_string_free (text, FALSE);
  }
  expect_refused (fixture, deep_65, "nested more than 64 levels");
}

/* Recurring templates and catalogue items go through the checks of their editors. */
static void
test_bad_templates (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *item = "{\"id\": 1, \"name\": \"Item\", \"unit_price\": 1000000, \"vat_rate_bp\": 0, \"is_goods\": 0}";
  const char *line = "{\"position\": 1, \"description\": \"Maintenance\", \"quantity\": 10000, "
                     "\"unit_price\": 1000000, \"vat_rate_bp\": 0, \"allowance\": 0}";
  struct {
    const char *item;
    const char *line;
    gint64      allowance;
    const char *path;
  } cases[] = {
    { "{\"id\": 1, \"name\": \"Item\", \"unit_price\": -5, \"vat_rate_bp\": 0, \"is_goods\": 0}", NULL, 0,
      "catalogue[0]" },
    { "{\"id\": 1, \"name\": \"Item\", \"unit_price\": 5, \"vat_rate_bp\": 4294969296, \"is_goods\": 0}", NULL, 0,
      "catalogue[0]" },
    { NULL, "{\"position\": 1, \"description\": \"M\", \"quantity\": 10000, \"unit_price\": -1, "
            "\"vat_rate_bp\": 0, \"allowance\": 0}", 0, "recurring[0]" },
    { NULL, "{\"position\": 1, \"description\": \"M\", \"quantity\": 9223372036854775807, \"unit_price\": 0, "
            "\"vat_rate_bp\": 0, \"allowance\": 0}", 0, "recurring[0]" },
    { NULL, NULL, 1000001, "recurring[0]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf ("{\"format\": \"factures\", \"version\": 1, \"profile\": null,\n"
                              " \"clients\": [{\"id\": 7, \"name\": \"Client SARL\", \"category\": 1}],\n"
                              " \"documents\": [], \"series\": [], \"catalogue\": [%s],\n"
                              " \"recurring\": [{\"id\": 1, \"client_id\": 7, \"period\": 1, \"start_date\": \"2026-05-01\",\n"
                              "   \"next_date\": \"2026-05-01\", \"auto_issue\": 0, \"allowance\": %" G_GINT64_FORMAT ",\n"
                              "   \"lines\": [%s]}]}\n",
                              cases[i].item != NULL ? cases[i].item : item, cases[i].allowance,
                              cases[i].line != NULL ? cases[i].line : line);
      g_test_message ("case %u", i);
      expect_refused (fixture, text, cases[i].path);
    }
}

static char *
read_fixture_export (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("FACTURES_TEST_DATA"), "export-2026-12-06.json", NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

/* @text with the first @old replaced by @new (which must be there). */
static char *
replace_once (const char *text,
              const char *old,
              const char *new)
{
  const char *at = strstr (text, old);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, new, at + strlen (old));
}

/* A restore of an export made by today's code (before issue 10) still imports. */
static void
test_todays_export_restores (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = read_fixture_export ();
  g_autoptr(FacturesDocument) invoice = NULL;
  g_autoptr(GBytes) original = NULL;

  g_assert_true (g_file_set_contents (fixture->file, text, -1, NULL));
  g_assert_true (factures_store_import_json (fixture->empty, fixture->file, &error));
  g_assert_no_error (error);
  g_assert_true (factures_store_verify (fixture->empty, &error));
  g_assert_no_error (error);
  invoice = factures_store_find_document (fixture->empty, "F2026-0002", &error);
  g_assert_no_error (error);
  original = factures_store_get_original (fixture->empty, invoice->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (original);

  /* Its issued documents cannot be added to a database with content. */
  expect_refused_by (fixture, fixture->store, fixture->db_path, text, -1, "empty database");
}

static void
test_bad_restores (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *text = read_fixture_export ();
  struct {
    const char *old;
    const char *new;
    const char *path;
  } cases[] = {
    /* Series: a pattern without counter, an invalid one, a counter behind the file. */
    { "\"pattern\" : \"F{YYYY}-{NNNN}\"", "\"pattern\" : \"F{YYYY}\"", "series[1].pattern" },
    { "\"pattern\" : \"F{YYYY}-{NNNN}\"", "\"pattern\" : \"F {YYYY}-{NNNN}\"", "series[1].pattern" },
    { "\"pattern\" : \"F{YYYY}-{NNNN}\"", "\"pattern\" : \"F{ZZ}-{NNNN}\"", "series[1].pattern" },
    { "\"next_counter\" : 3", "\"next_counter\" : 2", "series[1].next_counter" },
    { "\"next_counter\" : 3", "\"next_counter\" : 0", "series[1].next_counter" },
    { "\"name\" : \"invoice\"", "\"name\" : \"other\"", "series[1].name" },
    /* Issued documents: totals that disagree with the lines, wrong types and ranges. */
    { "\"gross_total\" : 10000", "\"gross_total\" : 90000", "documents[0].gross_total" },
    { "\"net\" : 10000", "\"net\" : 10001", "documents[0].lines[0].net" },
    { "\"kind\" : 380", "\"kind\" : 999", "documents[0].kind" },
    { "\"vat_rate_bp\" : 0", "\"vat_rate_bp\" : -5", "documents[0].lines[0].vat_rate_bp" },
    { "\"quantity\" : 10000", "\"quantity\" : 9223372036854775807", "documents[0].lines[0].quantity" },
    { "\"pdf\" : \"", "\"pdf\" : \"*", "documents[0].pdf" },
    { "\"id\" : 2,\n      \"kind\"", "\"id\" : 1,\n      \"kind\"", "documents[1].id" },
    { "\"number\" : \"F2026-0001\"", "\"number\" : null", "documents[0].number" },
    { "\"number\" : \"D2026-0001\"", "\"number\" : \"F2026-0001\"", "documents[1].number" },
    { "\"chain_seq\" : 2", "\"chain_seq\" : 1", "documents[1].chain_seq" },
    /* The recurring template and the catalogue. */
    { "\"description\" : \"Maintenance mensuelle\"", "\"description\" : \"\"", "recurring[0]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *bad = replace_once (text, cases[i].old, cases[i].new);

      g_test_message ("case %u", i);
      expect_refused_by (fixture, fixture->empty, fixture->empty_path, bad, -1, cases[i].path);
    }
}

/* The draft of the export (its last document) with a negative unit price: the
 * path names it. */
static void
test_restore_draft_path (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *text = read_fixture_export ();
  const char *last = g_strrstr (text, "\"unit_price\" : 100000000");
  g_autofree char *bad = NULL;

  g_assert_nonnull (last);
  bad = g_strdup_printf ("%.*s\"unit_price\" : -1%s", (int) (last - text), text,
                         last + strlen ("\"unit_price\" : 100000000"));
  expect_refused_by (fixture, fixture->empty, fixture->empty_path, bad, -1,
                     "documents[4].lines[1].unit_price");
}

#define PAYMENT_DATE "\"date\" : \"2026-03-01\",\n      \"amount\" : 5000,\n      \"method\" : 0,\n      \"reference\" : null"
#define PAYMENT(date, amount, method) \
  "\"date\" : " date ",\n      \"amount\" : " amount ",\n      \"method\" : " method ",\n      \"reference\" : null"
#define ALLOCATION "\"document_id\" : 3,\n      \"date\" : \"2026-03-01\",\n      \"amount\" : 5000"
#define AFTER_PAYMENTS "\"instalments\" : [],"
#define REVERSAL(payment_id, date, reason) \
  "\"payment_reversals\" : [{\"id\" : 1, \"payment_id\" : " payment_id ", \"date\" : " date \
  ", \"reason\" : " reason "}],\n  \"instalments\" : [],"

/* The payments side of a restore goes through the checks of a payment recorded in the app
 * (issue 10: every door, the same checks): each bad value is refused before its insert, in
 * French, with its JSON path; the database is unchanged. */
static void
test_bad_payments (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *text = read_fixture_export ();
  struct {
    const char *old;
    const char *new;
    const char *path;
  } cases[] = {
    { PAYMENT_DATE, PAYMENT ("\"2026-13-45\"", "5000", "0"), "payments[0].date" },
    { PAYMENT_DATE, PAYMENT ("\"hier\"", "5000", "0"), "payments[0].date" },
    { PAYMENT_DATE, PAYMENT ("\"2026-08-01\"", "5000", "0"), "payments[0].date" },
    { PAYMENT_DATE, PAYMENT ("\"2026-03-01\"", "-500", "0"), "payments[0].amount" },
    { PAYMENT_DATE, PAYMENT ("\"2026-03-01\"", "5000", "99"), "payments[0].method" },
    { PAYMENT_DATE, PAYMENT ("\"2026-03-01\"", "5000", "1"), "payments[0].reference" },
    { "\"credit\" : 0", "\"credit\" : 6000", "payments[0].credit" },
    { ALLOCATION, "\"document_id\" : 99,\n      \"date\" : \"2026-03-01\",\n      \"amount\" : 5000",
      "payment_allocations[0].document_id" },
    { ALLOCATION, "\"document_id\" : 3,\n      \"date\" : \"2026-02-30\",\n      \"amount\" : 5000",
      "payment_allocations[0].date" },
    { ALLOCATION, "\"document_id\" : 3,\n      \"date\" : \"2026-03-01\",\n      \"amount\" : 0",
      "payment_allocations[0].amount" },
    { ALLOCATION, "\"document_id\" : 3,\n      \"date\" : \"2026-03-01\",\n      \"amount\" : 99999999",
      "payment_allocations[0].amount" },
    { "\"payment_id\" : 1,\n      \"client_id\" : 1,\n      \"document_id\" : 3",
      "\"payment_id\" : 9,\n      \"client_id\" : 1,\n      \"document_id\" : 3", "payment_allocations[0].payment_id" },
    { AFTER_PAYMENTS, REVERSAL ("1", "\"hier\"", "\"Chèque impayé\""), "payment_reversals[0].date" },
    { AFTER_PAYMENTS, REVERSAL ("1", "\"2026-02-01\"", "\"Chèque impayé\""), "payment_reversals[0].date" },
    { AFTER_PAYMENTS, REVERSAL ("1", "\"2026-08-01\"", "\"Chèque impayé\""), "payment_reversals[0].date" },
    { AFTER_PAYMENTS, REVERSAL ("1", "\"2026-04-01\"", "\"  \""), "payment_reversals[0].reason" },
    { AFTER_PAYMENTS, REVERSAL ("5", "\"2026-04-01\"", "\"Chèque impayé\""), "payment_reversals[0].payment_id" },
    { AFTER_PAYMENTS, "\"imported_payments\" : [{\"id\" : 1, \"invoice_id\" : 1, \"date\" : \"hier\", "
      "\"method\" : 0, \"amount\" : 100}],\n  \"instalments\" : [],", "imported_payments[0].date" },
    { AFTER_PAYMENTS, "\"imported_payments\" : [{\"id\" : 1, \"invoice_id\" : 1, \"date\" : \"2026-03-01\", "
      "\"method\" : 0, \"amount\" : -1}],\n  \"instalments\" : [],", "imported_payments[0].amount" },
    /* A file from before 0008: the payment of an imported sale in its paid_* members. */
    { "\"imported_invoices\" : []", "\"imported_invoices\" : [{\"id\" : 1, \"paid_on\" : \"hier\", "
      "\"paid_method\" : 0, \"paid_amount\" : 100}]", "imported_invoices[0].paid_on" },
    { "\"imported_invoices\" : []", "\"imported_invoices\" : [{\"id\" : 1, \"paid_on\" : \"2026-03-01\", "
      "\"paid_method\" : 7, \"paid_amount\" : 100}]", "imported_invoices[0].paid_method" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *bad = replace_once (text, cases[i].old, cases[i].new);

      g_test_message ("case %u", i);
      expect_refused_by (fixture, fixture->empty, fixture->empty_path, bad, -1, cases[i].path);
      expect_refused_by (fixture, fixture->empty, fixture->empty_path, bad, -1, "Invalid file");
    }
}

/* A good reversal still restores. */
static void
test_reversal_restores (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = read_fixture_export ();
  g_autofree char *good = replace_once (text, AFTER_PAYMENTS,
                                        REVERSAL ("1", "\"2026-04-01\"", "\"Chèque impayé\""));

  g_assert_true (g_file_set_contents (fixture->file, good, -1, NULL));
  g_assert_true (factures_store_import_json (fixture->empty, fixture->file, &error));
  g_assert_no_error (error);
}

/* Not JSON: the message says so with the line and the column, json-glib's text is only a detail. */
static void
test_not_json (Fixture       *fixture,
               gconstpointer  data)
{
  const char *text = "{\"format\": \"factures\",\n \"version\": 1 \"clients\": []}\n";

  expect_refused (fixture, text, "is not valid JSON (line 2, column");
  expect_refused (fixture, text, "Invalid file: ");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/json-gate/good-drafts-file", test_good_drafts_file);
  ADD ("/store/json-gate/bad-lines", test_bad_lines);
  ADD ("/store/json-gate/bad-parties", test_bad_parties);
  ADD ("/store/json-gate/bad-structure", test_bad_structure);
  ADD ("/store/json-gate/bad-templates", test_bad_templates);
  ADD ("/store/json-gate/todays-export-restores", test_todays_export_restores);
  ADD ("/store/json-gate/bad-restores", test_bad_restores);
  ADD ("/store/json-gate/restore-draft-path", test_restore_draft_path);
  ADD ("/store/json-gate/bad-payments", test_bad_payments);
  ADD ("/store/json-gate/reversal-restores", test_reversal_restores);
  ADD ("/store/json-gate/not-json", test_not_json);
#undef ADD

  return g_test_run ();
}
