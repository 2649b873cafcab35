/* test-bank-reference.c — every public statement of $FACTURES_REFERENCE_DATA/03_ofx, 04_camt
 * and 05_cfonb120 (INDEX.md) read, compared with the values the folder gives:
 *   - OFX: the real Banque Populaire exports, the spec examples, ofxparse's fixtures (the
 *     "fail_nice" ones read leniently: what can be read kept, the rest in warnings, counts as
 *     ofxparse's lenient parse), the negatives refused with their reason;
 *   - camt.053: genkgo/camt's *.expected.json (amounts in minor units, dates, references,
 *     opening and closing balances), OCA's golden-*.pydata (amounts, dates, partners,
 *     balances), kedder's davider80 (16 lines, 9433.31 → 5753.46 CHF), camt.054 refused as a
 *     notification and the statement-less message refused;
 *   - CFONB 120: the values pennylane-hq/cfonb's and silarhi/cfonb-parser's specs expect, the
 *     non-strict file read with a warning, the negatives refused naming the line.
 * Every file of the three folders is either read or refused on purpose: a new file fails the
 * test until it is classified.
 *
 * Skipped (exit 77) when the folder is missing, unless CI is set: then it fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "factures-bank-readers.h"

static const char *reference;

static char *
ref_path (const char *relative)
{
  return g_build_filename (reference, relative, NULL);
}

static FacturesBankFile *
read_ok (const char *relative)
{
  g_autofree char *path = ref_path (relative);
  g_autoptr(GError) error = NULL;
  FacturesBankFile *file = factures_bank_read_file (path, NULL, NULL, NULL, NULL, &error);

  if (error != NULL)
    g_error ("%s: %s", relative, error->message);
  g_assert_nonnull (file);
  return file;
}

static void
read_refused (const char *relative, const char *part)
{
  g_autofree char *path = ref_path (relative);
  g_autofree char *base = g_path_get_basename (relative);
  g_autoptr(GError) error = NULL;
  FacturesBankFile *file = factures_bank_read_file (path, NULL, NULL, NULL, NULL, &error);

  if (file != NULL)
    g_error ("%s: read, but should be refused (%s)", relative, part);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, base));
  if (strstr (error->message, part) == NULL)
    g_error ("%s: “%s” not in “%s”", relative, part, error->message);
}

static FacturesBankStatement *
statement_of (FacturesBankFile *file, guint index)
{
  g_assert_cmpuint (index, <, file->statements->len);
  return g_ptr_array_index (file->statements, index);
}

static FacturesBankTransaction *
nth (FacturesBankFile *file, guint statement, guint index)
{
  FacturesBankStatement *s = statement_of (file, statement);

  g_assert_cmpuint (index, <, s->transactions->len);
  return g_ptr_array_index (s->transactions, index);
}

static guint
count_transactions (FacturesBankFile *file)
{
  guint n = 0;

  for (guint i = 0; i < file->statements->len; i++)
    n += statement_of (file, i)->transactions->len;
  return n;
}

static guint
count_warnings (FacturesBankFile *file, const char *part)
{
  guint n = 0;

  for (guint i = 0; i < file->warnings->len; i++)
    if (strstr (g_ptr_array_index (file->warnings, i), part) != NULL)
      n++;
  return n;
}

static gboolean
date_is (const GDate *date, const char *iso)
{
  char text[16];

  if (!g_date_valid (date))
    return iso == NULL;
  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return iso != NULL && strncmp (text, iso, 10) == 0;
}

static FacturesBankTransaction *
find (FacturesBankFile *file, const char *label_part, gint64 amount, const char *booking)
{
  for (guint s = 0; s < file->statements->len; s++)
    {
      FacturesBankStatement *statement = statement_of (file, s);

      for (guint i = 0; i < statement->transactions->len; i++)
        {
          FacturesBankTransaction *t = g_ptr_array_index (statement->transactions, i);

          if (t->amount == amount && strstr (t->label, label_part) != NULL &&
              (booking == NULL || date_is (&t->booking_date, booking)))
            return t;
        }
    }
  g_error ("no transaction “%s” of %" G_GINT64_FORMAT " on %s", label_part, amount,
           booking != NULL ? booking : "any day");
  return NULL;
}

/* Every file under @folder (relative) whose name is not a licence or an expected output. */
static void
list_files (const char *folder, GPtrArray *out)
{
  g_autofree char *path = ref_path (folder);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *relative = g_build_filename (folder, name, NULL);
      g_autofree char *full = ref_path (relative);

      if (g_file_test (full, G_FILE_TEST_IS_DIR))
        list_files (relative, out);
      else if (!g_str_has_prefix (name, "LICENSE") && !g_str_has_suffix (name, ".json") &&
               !g_str_has_suffix (name, ".pydata") && !g_str_has_suffix (name, ".xsd"))
        g_ptr_array_add (out, g_steal_pointer (&relative));
    }
}

/* ---- OFX ---- */

static const char *ofx_refused[][2] = {
  { "03_ofx/ofxparse/error_message.ofx", "General Server Error" },
  { "03_ofx/oca_bank-statement-import/test_ofx_wrong.ofx", "BANKACCTFROM" },
};

static guint
count_tag (const char *relative, const char *tag)
{
  g_autofree char *path = ref_path (relative);
  g_autofree char *contents = NULL;
  g_autofree char *upper = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  upper = g_ascii_strup (contents, -1);
  for (const char *p = upper; (p = strstr (p, tag)) != NULL; p++)
    n++;
  return n;
}

static void
test_ofx_all (void)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  guint read = 0;

  list_files ("03_ofx", files);
  g_assert_cmpuint (files->len, >=, 19);
  for (guint i = 0; i < files->len; i++)
    {
      const char *relative = g_ptr_array_index (files, i);
      gboolean negative = FALSE;
      g_autoptr(FacturesBankFile) file = NULL;

      for (guint n = 0; n < G_N_ELEMENTS (ofx_refused); n++)
        if (strcmp (relative, ofx_refused[n][0]) == 0)
          {
            read_refused (relative, ofx_refused[n][1]);
            negative = TRUE;
          }
      if (negative)
        continue;
      file = read_ok (relative);
      g_assert_cmpint (file->format, ==, FACTURES_BANK_FORMAT_OFX);
      g_assert_cmpuint (file->statements->len, >=, 1);
      /* Each <STMTTRN> is read, or left out with a warning naming its line. */
      g_assert_cmpuint (count_transactions (file) + count_warnings (file, "left out"), ==,
                        count_tag (relative, "<STMTTRN>"));
      for (guint s = 0; s < file->statements->len; s++)
        {
          FacturesBankStatement *statement = statement_of (file, s);

          g_assert_cmpuint (strlen (statement->currency), ==, 3);
          for (guint t = 0; t < statement->transactions->len; t++)
            {
              FacturesBankTransaction *tr = g_ptr_array_index (statement->transactions, t);

              g_assert_true (g_date_valid (&tr->booking_date));
              g_assert_nonnull (tr->id);
              g_assert_nonnull (tr->label);
              g_assert_cmpuint (tr->source_line, >, 0);
            }
        }
      read++;
    }
  g_test_message ("03_ofx: %u files read, %u refused", read, (guint) G_N_ELEMENTS (ofx_refused));
}

static void
test_ofx_values (void)
{
  FacturesBankFile *file;
  FacturesBankStatement *statement;
  FacturesBankTransaction *t;

  /* Real Banque Populaire export: 1252, SGML with mixed closed tags, two accounts. */
  file = read_ok ("03_ofx/fr_banque_populaire_ofxstatement-french/BPACA_OP_20220717.ofx");
  g_assert_cmpuint (file->statements->len, ==, 2);
  statement = statement_of (file, 0);
  g_assert_cmpstr (statement->account, ==, "10907 00001 99999999999");
  g_assert_cmpstr (statement->currency, ==, "EUR");
  g_assert_cmpint (statement->closing_balance, ==, 151881);
  g_assert_true (date_is (&statement->start_date, "2022-06-22"));
  g_assert_true (date_is (&statement->end_date, "2022-07-17"));
  g_assert_cmpuint (statement->transactions->len, ==, 61);
  t = nth (file, 0, 0);
  g_assert_cmpstr (t->id, ==, "202200700026BD27");
  g_assert_cmpint (t->amount, ==, -7892);
  g_assert_true (date_is (&t->booking_date, "2022-07-15"));
  g_assert_cmpint (t->kind, ==, FACTURES_BANK_KIND_CARD);
  t = find (file, "VIR INST Marjorie POIROT", 75335, "2022-07-12");
  g_assert_cmpint (t->kind, ==, FACTURES_BANK_KIND_TRANSFER);
  g_assert_cmpstr (t->reference, ==, "BIPT221930300079374_C Virement de Marjorie POIROT");
  find (file, "ECHEANCE PRET", -146189, "2022-07-01");
  find (file, "CHEQUE", -22500, "2022-07-08");
  g_assert_cmpuint (statement_of (file, 1)->transactions->len, ==, 2);
  factures_bank_file_free (file);

  /* Memos with foreign-currency information, a cheque deposit. */
  file = read_ok ("03_ofx/fr_banque_populaire_ofxstatement-french/BPACA_OP_20220717-2.ofx");
  t = find (file, "BRIDGEBASE.COM", -3795, "2022-06-29");
  g_assert_nonnull (strstr (t->label, "40,00USD 1 EURO = 1,054018"));
  t = find (file, "REM CHQ", 4603, "2022-06-15");
  g_assert_cmpint (t->kind, ==, FACTURES_BANK_KIND_CHEQUE);
  factures_bank_file_free (file);

  file = read_ok ("03_ofx/fr_banque_populaire_ofxstatement-french/BPACA_OP_20220802.ofx");
  g_assert_cmpuint (statement_of (file, 0)->transactions->len, ==, 37);
  g_assert_cmpint (statement_of (file, 0)->closing_balance, ==, 345254);
  factures_bank_file_free (file);

  /* Empty TRNUID, ACCTID and BALAMT, no transactions: an empty statement with warnings. */
  file =
      read_ok ("03_ofx/fr_banque_populaire_ofxstatement-french/46297554894_02092025_04102025.ofx");
  g_assert_cmpuint (file->statements->len, ==, 1);
  statement = statement_of (file, 0);
  g_assert_cmpuint (statement->transactions->len, ==, 0);
  g_assert_cmpstr (statement->account, ==, "");
  g_assert_false (statement->has_closing_balance);
  g_assert_cmpstr (statement->currency, ==, "EUR");
  g_assert_cmpuint (count_warnings (file, "ACCTID"), ==, 1);
  g_assert_cmpuint (count_warnings (file, "no movement"), ==, 1);
  factures_bank_file_free (file);

  /* USD account: read (the import refuses it, not the reader). */
  file = read_ok ("03_ofx/ofxparse/checking.ofx");
  statement = statement_of (file, 0);
  g_assert_cmpstr (statement->currency, ==, "USD");
  g_assert_cmpint (statement->closing_balance, ==, 10099);
  g_assert_cmpuint (statement->transactions->len, ==, 3);
  t = nth (file, 0, 0);
  g_assert_cmpstr (t->id, ==, "0000486");
  g_assert_cmpint (t->amount, ==, 1);
  g_assert_true (date_is (&t->booking_date, "2011-03-31"));
  g_assert_cmpstr (t->currency, ==, "USD");
  g_assert_cmpint (nth (file, 0, 1)->amount, ==, -3451);
  g_assert_cmpint (nth (file, 0, 2)->amount, ==, -2500);
  factures_bank_file_free (file);

  /* Crédit Agricole-coded French file: one cheque, negative ledger balance. */
  file = read_ok ("03_ofx/pynYNAB/test.ofx");
  statement = statement_of (file, 0);
  g_assert_cmpstr (statement->account, ==, "11706 41029 29939615002");
  g_assert_cmpint (statement->closing_balance, ==, -634801);
  t = nth (file, 0, 0);
  g_assert_cmpint (t->amount, ==, -49109);
  g_assert_true (date_is (&t->booking_date, "2013-03-12"));
  g_assert_cmpint (t->kind, ==, FACTURES_BANK_KIND_CHEQUE);
  g_assert_cmpstr (t->id, ==, "13071099780237330004");
  factures_bank_file_free (file);

  /* ofxparse's fail_nice: lenient parse discards 3, 1, keeps 1 without balance. */
  file = read_ok ("03_ofx/ofxparse/fail_nice/date_missing.ofx");
  g_assert_cmpuint (count_transactions (file), ==, 0);
  g_assert_cmpuint (count_warnings (file, "left out"), ==, 3);
  g_assert_cmpuint (count_warnings (file, "20120231"), ==, 1);
  factures_bank_file_free (file);
  file = read_ok ("03_ofx/ofxparse/fail_nice/decimal_error.ofx");
  g_assert_cmpuint (count_transactions (file), ==, 0);
  g_assert_cmpuint (count_warnings (file, "“$120”"), ==, 1);
  factures_bank_file_free (file);
  file = read_ok ("03_ofx/ofxparse/fail_nice/empty_balance.ofx");
  g_assert_cmpuint (count_transactions (file), ==, 1);
  g_assert_cmpint (nth (file, 0, 0)->amount, ==, 12000);
  g_assert_false (statement_of (file, 0)->has_closing_balance);
  factures_bank_file_free (file);

  /* Several accounts; spec examples (SGML 1.6 and XML 2.x give the same statement). */
  file = read_ok ("03_ofx/ofxparse/multiple_accounts.ofx");
  g_assert_cmpuint (file->statements->len, ==, 2);
  g_assert_cmpint (statement_of (file, 0)->closing_balance, ==, 11100);
  g_assert_cmpint (statement_of (file, 1)->closing_balance, ==, 22200);
  factures_bank_file_free (file);
  {
    g_autoptr(FacturesBankFile) sgml = read_ok ("03_ofx/libofx/ofx_spec160_stmtrs_example.sgml");
    g_autoptr(FacturesBankFile) xml = read_ok ("03_ofx/libofx/ofx_spec201_stmtrs_example.xml");

    for (guint i = 0; i < 2; i++)
      {
        g_assert_cmpint (nth (sgml, 0, i)->amount, ==, nth (xml, 0, i)->amount);
        g_assert_cmpstr (nth (sgml, 0, i)->id, ==, nth (xml, 0, i)->id);
      }
    g_assert_cmpint (nth (sgml, 0, 0)->amount, ==, -20000);
    g_assert_cmpint (nth (sgml, 0, 1)->amount, ==, -30000);
    g_assert_cmpint (statement_of (sgml, 0)->closing_balance, ==, 20029);
  }
  file = read_ok ("03_ofx/oca_bank-statement-import/test_ofx_iban.ofx");
  g_assert_cmpstr (statement_of (file, 0)->account, ==, "30001 00794 12345678901");
  g_assert_cmpuint (statement_of (file, 0)->transactions->len, ==, 4);
  find (file, "China Scuba", -9000, "2013-08-24");
  factures_bank_file_free (file);

  /* Empty CURDEF: no currency (XXX), so the import refuses it; empty FITID: a hashed id. */
  file = read_ok ("03_ofx/ofxparse/ofx-v102-empty-tags.ofx");
  g_assert_cmpstr (statement_of (file, 0)->currency, ==, "XXX");
  g_assert_cmpuint (count_warnings (file, "CURDEF"), ==, 1);
  g_assert_true (g_str_has_prefix (nth (file, 0, 0)->id, "h:"));
  g_assert_cmpint (nth (file, 0, 0)->amount, ==, 1234);
  factures_bank_file_free (file);
}

/* ---- camt.053 ---- */

static const char *camt_refused[][2] = {
  { "04_camt/genkgo_camt/camt053.v2.wrong.xml", "Stmt" },
  { "04_camt/genkgo_camt/camt054.v2.xml", "camt.054" },
};

static void
test_camt_all (void)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  guint read = 0;

  list_files ("04_camt", files);
  g_assert_cmpuint (files->len, >=, 13);
  for (guint i = 0; i < files->len; i++)
    {
      const char *relative = g_ptr_array_index (files, i);
      gboolean negative = FALSE;
      g_autoptr(FacturesBankFile) file = NULL;

      for (guint n = 0; n < G_N_ELEMENTS (camt_refused); n++)
        if (strcmp (relative, camt_refused[n][0]) == 0)
          {
            read_refused (relative, camt_refused[n][1]);
            negative = TRUE;
          }
      if (negative)
        continue;
      file = read_ok (relative);
      g_assert_cmpint (file->format, ==, FACTURES_BANK_FORMAT_CAMT053);
      for (guint s = 0; s < file->statements->len; s++)
        {
          FacturesBankStatement *statement = statement_of (file, s);

          g_assert_cmpuint (strlen (statement->account), >, 0);
          g_assert_true (statement->has_opening_balance);
          g_assert_true (statement->has_closing_balance);
        }
      read++;
    }
  g_test_message ("04_camt: %u files read, %u refused", read, (guint) G_N_ELEMENTS (camt_refused));
}

/* genkgo's Money: minor units as a string. */
static gint64
money_of (JsonObject *money)
{
  const char *text = json_object_get_string_member (money, "getAmount");
  char *end = NULL;
  gint64 minor = g_ascii_strtoll (text, &end, 10);

  g_assert_true (end != NULL && *end == '\0');
  return minor;
}

static const char *
date_member (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return json_object_get_string_member (json_node_get_object (node), "0");
}

/* genkgo/camt's serialised DTOs: every entry found among ours (amount signed by its
 * CdtDbtInd, booking and value dates, the AcctSvcrRef as id), and its statement's opening and
 * closing balances. */
static void
test_camt_genkgo (void)
{
  const char *names[] = { "camt053.v2.minimal",
                          "camt053.v4",
                          "camt053.v8",
                          "camt053.v2.multi.statement",
                          "camt053.v2.five.decimals",
                          "camt053.v2.all-balance-types" };
  guint matched = 0;

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autofree char *xml = g_strdup_printf ("04_camt/genkgo_camt/%s.xml", names[n]);
      g_autofree char *json_rel =
          g_strdup_printf ("04_camt/genkgo_camt/%s.expected.json", names[n]);
      g_autofree char *json_path = ref_path (json_rel);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(FacturesBankFile) file = read_ok (xml);
      JsonArray *entries;

      json_parser_load_from_file (parser, json_path, &error);
      g_assert_no_error (error);
      entries = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                              "getEntries");
      g_assert_cmpuint (json_array_get_length (entries), >=, 1);
      for (guint e = 0; e < json_array_get_length (entries); e++)
        {
          JsonObject *entry = json_array_get_object_element (entries, e);
          gint64 amount = money_of (json_object_get_object_member (entry, "getAmount"));
          const char *indicator = json_object_get_string_member (entry, "getCreditDebitIndicator");
          const char *booking = date_member (entry, "getBookingDate");
          const char *value = date_member (entry, "getValueDate");
          const char *servicer =
              json_object_get_null_member (entry, "getAccountServicerReference")
                  ? NULL
                  : json_object_get_string_member (entry, "getAccountServicerReference");
          JsonNode *record = json_object_get_member (entry, "getRecord");
          FacturesBankStatement *found_in = NULL;
          FacturesBankTransaction *found = NULL;

          if (strcmp (indicator, "DBIT") == 0 && amount > 0)
            amount = -amount;
          for (guint s = 0; s < file->statements->len && found == NULL; s++)
            for (guint t = 0; t < statement_of (file, s)->transactions->len && found == NULL; t++)
              {
                FacturesBankTransaction *tr = nth (file, s, t);

                if (tr->amount == amount && date_is (&tr->booking_date, booking) &&
                    date_is (&tr->value_date, value) &&
                    (servicer == NULL || g_strcmp0 (tr->id, servicer) == 0))
                  found = tr, found_in = statement_of (file, s);
              }
          if (found == NULL)
            g_error ("%s: entry %u (%" G_GINT64_FORMAT ", %s) not read", names[n], e, amount,
                     booking);
          if (JSON_NODE_HOLDS_OBJECT (record))
            {
              JsonArray *balances =
                  json_object_get_array_member (json_node_get_object (record), "getBalances");
              gboolean opening = FALSE, closing = FALSE;

              for (guint b = 0; b < json_array_get_length (balances); b++)
                {
                  JsonObject *balance = json_array_get_object_element (balances, b);
                  const char *type = json_object_get_string_member (balance, "getType");
                  gint64 cents = money_of (json_object_get_object_member (balance, "getAmount"));

                  if (strcmp (type, "opening") == 0 && !opening)
                    {
                      g_assert_cmpint (found_in->opening_balance, ==, cents);
                      opening = TRUE;
                    }
                  else if (strcmp (type, "closing") == 0 && !closing)
                    {
                      g_assert_cmpint (found_in->closing_balance, ==, cents);
                      closing = TRUE;
                    }
                }
              g_assert_true (opening && closing);
            }
          matched++;
        }
    }
  g_test_message ("genkgo/camt: %u expected entries matched", matched);
}

/* OCA's golden-*.pydata (a Python literal): 'amount', 'date', 'partner_name' of each line in
 * order, 'balance_start' and 'balance_end_real'. */
static void
test_camt_oca (void)
{
  const char *pairs[][2] = {
    { "test-camt053.xml", "golden-camt053.pydata" },
    { "test-camt053-txdtls.xml", "golden-camt053-txdtls.pydata" },
  };

  for (guint p = 0; p < G_N_ELEMENTS (pairs); p++)
    {
      g_autofree char *xml = g_strdup_printf ("04_camt/oca_bank-statement-import/%s", pairs[p][0]);
      g_autofree char *golden_rel =
          g_strdup_printf ("04_camt/oca_bank-statement-import/%s", pairs[p][1]);
      g_autofree char *golden_path = ref_path (golden_rel);
      g_autofree char *golden = NULL;
      g_autoptr(FacturesBankFile) file = read_ok (xml);
      g_autoptr(GRegex) line_re =
          g_regex_new ("'amount': (-?[0-9.]+),\\s*'date': '([0-9-]{10})'", 0, 0, NULL);
      g_autoptr(GRegex) partner_re = g_regex_new ("'partner_name': '([^']*)'", 0, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;
      FacturesBankStatement *statement = statement_of (file, 0);
      guint index = 0;
      gint64 cents;
      char *start, *end;

      g_assert_true (g_file_get_contents (golden_path, &golden, NULL, NULL));
      start = strstr (golden, "'balance_start': ");
      end = strstr (golden, "'balance_end_real': ");
      g_assert_nonnull (start);
      g_assert_nonnull (end);
      {
        g_autofree char *s = g_strndup (start + 17, strcspn (start + 17, ",\n"));
        g_autofree char *e = g_strndup (end + 20, strcspn (end + 20, ",\n"));

        g_assert_true (factures_bank_parse_decimal (s, '.', &cents));
        g_assert_cmpint (statement->opening_balance, ==, cents);
        g_assert_true (factures_bank_parse_decimal (e, '.', &cents));
        g_assert_cmpint (statement->closing_balance, ==, cents);
      }

      g_regex_match (line_re, golden, 0, &match);
      while (g_match_info_matches (match))
        {
          g_autofree char *amount = g_match_info_fetch (match, 1);
          g_autofree char *date = g_match_info_fetch (match, 2);
          FacturesBankTransaction *t = nth (file, 0, index);

          g_assert_true (factures_bank_parse_decimal (amount, '.', &cents));
          g_assert_cmpint (t->amount, ==, cents);
          g_assert_true (date_is (&t->booking_date, date));
          index++;
          g_match_info_next (match, NULL);
        }
      g_assert_cmpuint (index, ==, statement->transactions->len);
      g_clear_pointer (&match, g_match_info_free);

      /* The partners in the same order (OCA's name for the other party). */
      index = 0;
      g_regex_match (partner_re, golden, 0, &match);
      while (g_match_info_matches (match))
        {
          g_autofree char *partner = g_match_info_fetch (match, 1);

          g_assert_cmpstr (nth (file, 0, index)->counterparty, ==, partner);
          index++;
          g_match_info_next (match, NULL);
        }
    }
}

static void
test_camt_values (void)
{
  FacturesBankFile *file;
  FacturesBankStatement *statement;

  /* kedder's real Raiffeisen v04 file: 16 lines, 9433.31 → 5753.46 CHF, balances agree. */
  file = read_ok ("04_camt/kedder_ofxstatement-iso20022/davider80.xml");
  statement = statement_of (file, 0);
  g_assert_cmpstr (statement->currency, ==, "CHF");
  g_assert_cmpuint (statement->transactions->len, ==, 16);
  g_assert_cmpint (statement->opening_balance, ==, 943331);
  g_assert_cmpint (statement->closing_balance, ==, 575346);
  g_assert_cmpuint (count_warnings (file, "balance"), ==, 0);
  factures_bank_file_free (file);

  file = read_ok ("04_camt/kedder_ofxstatement-iso20022/camt053.v08.xml");
  statement = statement_of (file, 0);
  g_assert_cmpstr (statement->currency, ==, "CHF");
  g_assert_cmpuint (statement->transactions->len, ==, 1);
  g_assert_cmpint (nth (file, 0, 0)->amount, ==,
                   statement->closing_balance - statement->opening_balance);
  g_assert_cmpstr (nth (file, 0, 0)->counterparty, ==, "PAYEE");
  factures_bank_file_free (file);

  file = read_ok ("04_camt/oca_bank-statement-import/test-camt053-no-ntry.xml");
  g_assert_cmpuint (count_transactions (file), ==, 0);
  g_assert_cmpuint (count_warnings (file, "no movement"), ==, 1);
  factures_bank_file_free (file);

  /* The test data's balances disagree with its entries: read, with the warning. */
  file = read_ok ("04_camt/genkgo_camt/camt053.v2.minimal.xml");
  g_assert_cmpuint (count_warnings (file, "does not give the closing balance"), ==, 1);
  factures_bank_file_free (file);
}

/* ---- CFONB 120 ---- */

static const char *cfonb_refused[][2] = {
  { "05_cfonb120/pennylane_cfonb/invalid_date.txt", "line 1" },
  { "05_cfonb120/pennylane_cfonb/new_statement_without_previous_ended.txt", "line 6" },
  { "05_cfonb120/pennylane_cfonb/operation_detail_without_operation.txt", "line 3" },
};

static void
test_cfonb_all (void)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  guint read = 0;

  list_files ("05_cfonb120", files);
  g_assert_cmpuint (files->len, >=, 8);
  for (guint i = 0; i < files->len; i++)
    {
      const char *relative = g_ptr_array_index (files, i);
      gboolean negative = FALSE;
      g_autoptr(FacturesBankFile) file = NULL;

      for (guint n = 0; n < G_N_ELEMENTS (cfonb_refused); n++)
        if (strcmp (relative, cfonb_refused[n][0]) == 0)
          {
            read_refused (relative, cfonb_refused[n][1]);
            negative = TRUE;
          }
      if (negative)
        continue;
      file = read_ok (relative);
      g_assert_cmpint (file->format, ==, FACTURES_BANK_FORMAT_CFONB120);
      /* The real files' balances agree with their movements. */
      g_assert_cmpuint (count_warnings (file, "closing balance"), ==, 0);
      read++;
    }
  g_test_message ("05_cfonb120: %u files read, %u refused", read,
                  (guint) G_N_ELEMENTS (cfonb_refused));
}

static void
check_silarhi_complex (FacturesBankFile *file)
{
  FacturesBankTransaction *t;

  g_assert_cmpuint (file->statements->len, ==, 8);
  t = find (file, "PRLV SEPA ONLINE SAS", -2279, "2020-04-07");
  g_assert_nonnull (strstr (t->label, "DEDIBOX 3706114"));
  find (file, "VIR JOHNDOE / FOOBAR", -500000, "2020-04-08");
  t = find (file, "FACTURE SGT20022040001692", -11775, "2020-04-10");
  g_assert_true (date_is (&t->value_date, "2020-04-01"));
  find (file, "PRLV SEPA FREE MOBILE", -2011, "2020-04-08");
  g_assert_cmpstr (statement_of (file, 0)->account, ==, "10278 02204 00012345603");
  g_assert_cmpint (statement_of (file, 0)->opening_balance, ==, 1669565);
}

static void
test_cfonb_values (void)
{
  FacturesBankFile *file;
  FacturesBankStatement *statement;
  FacturesBankTransaction *t;

  file = read_ok ("05_cfonb120/pennylane_cfonb/example.txt");
  g_assert_cmpuint (file->statements->len, ==, 2);
  t = find (file, "PRLV SEPA TEST CABINET", -3221, "2019-05-16");
  g_assert_cmpint (t->kind, ==, FACTURES_BANK_KIND_DIRECT_DEBIT);
  g_assert_nonnull (strstr (t->reference, "REFERENCE"));
  find (file, "VIR SEPA DEMONSTRATION", -1070, NULL);
  find (file, "PRLV SEPA GROUPAMA CEN", 9749, NULL);
  g_assert_cmpint (statement_of (file, 0)->opening_balance, ==, -19040);
  factures_bank_file_free (file);

  file = read_ok ("05_cfonb120/silarhi_cfonb-parser/complex-test.txt");
  check_silarhi_complex (file);
  g_assert_cmpuint (file->warnings->len, ==, 0);
  factures_bank_file_free (file);

  /* The same statements with blank entry numbers: read the same, with a warning. */
  file = read_ok ("05_cfonb120/silarhi_cfonb-parser/non-strict-test.txt");
  check_silarhi_complex (file);
  g_assert_cmpuint (count_warnings (file, "82–88"), ==, 1);
  factures_bank_file_free (file);

  file = read_ok ("05_cfonb120/silarhi_cfonb-parser/simple-test.txt");
  g_assert_cmpuint (file->statements->len, ==, 1);
  statement = statement_of (file, 0);
  g_assert_cmpstr (statement->account, ==, "10278 02204 00012345603");
  g_assert_cmpstr (statement->currency, ==, "EUR");
  g_assert_cmpint (statement->opening_balance, ==, 1669565);
  g_assert_true (date_is (&statement->start_date, "2020-04-03"));
  g_assert_cmpuint (statement->transactions->len, ==, 0);
  factures_bank_file_free (file);

  file = read_ok ("05_cfonb120/silarhi_cfonb-parser/test-unused-parts.txt");
  g_assert_cmpuint (file->statements->len, ==, 8);
  factures_bank_file_free (file);
}

int
main (int argc, char **argv)
{
  g_autofree char *probe = NULL;

  g_test_init (&argc, &argv, NULL);
  reference = g_getenv ("FACTURES_REFERENCE_DATA");
  probe = reference != NULL ? g_build_filename (reference, "05_cfonb120", NULL) : NULL;
  if (probe == NULL || !g_file_test (probe, G_FILE_TEST_IS_DIR))
    {
      if (g_getenv ("CI") != NULL)
        {
          g_printerr ("bank reference files not found (%s) and CI is set\n",
                      reference != NULL ? reference : "FACTURES_REFERENCE_DATA unset");
          return 1;
        }
      g_printerr ("bank reference files not found: skipped\n");
      return 77;
    }

  g_test_add_func ("/bank/reference/ofx/all", test_ofx_all);
  g_test_add_func ("/bank/reference/ofx/values", test_ofx_values);
  g_test_add_func ("/bank/reference/camt/all", test_camt_all);
  g_test_add_func ("/bank/reference/camt/genkgo", test_camt_genkgo);
  g_test_add_func ("/bank/reference/camt/oca", test_camt_oca);
  g_test_add_func ("/bank/reference/camt/values", test_camt_values);
  g_test_add_func ("/bank/reference/cfonb/all", test_cfonb_all);
  g_test_add_func ("/bank/reference/cfonb/values", test_cfonb_values);
  return g_test_run ();
}
