/* test-bank-readers.c — the statement readers on our own small files (tests/data/bank):
 * truncated OFX, camt.053 of an unsupported version, CFONB record of the wrong length,
 * Latin-1 CFONB, balances that disagree, French CSV layouts, an unmappable CSV, an explicit
 * mapping, two identical card payments on one day keeping two ids; and the shared helpers
 * (decimal amounts, format detection, cancellation, progress).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <gio/gio.h>
#include <string.h>

#include "factures-bank-readers.h"

static char *
data_path (const char *name)
{
  const char *dir = g_getenv ("FACTURES_TEST_DATA");

  g_assert_nonnull (dir);
  return g_build_filename (dir, "bank", name, NULL);
}

static FacturesBankFile *
read_ok (const char *name)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GError) error = NULL;
  FacturesBankFile *file = factures_bank_read_file (path, NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (file);
  return file;
}

/* Refused with FACTURES_ERROR_INVALID; the message names the file and contains @part. */
static void
read_refused (const char *name, const char *part)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GError) error = NULL;
  FacturesBankFile *file = factures_bank_read_file (path, NULL, NULL, NULL, NULL, &error);

  g_assert_null (file);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, name));
  if (strstr (error->message, part) == NULL)
    g_error ("“%s” not in “%s”", part, error->message);
}

static FacturesBankTransaction *
nth (FacturesBankFile *file, guint statement, guint index)
{
  FacturesBankStatement *s;

  g_assert_cmpuint (statement, <, file->statements->len);
  s = g_ptr_array_index (file->statements, statement);
  g_assert_cmpuint (index, <, s->transactions->len);
  return g_ptr_array_index (s->transactions, index);
}

static gboolean
has_warning (FacturesBankFile *file, const char *part)
{
  for (guint i = 0; i < file->warnings->len; i++)
    if (strstr (g_ptr_array_index (file->warnings, i), part) != NULL)
      return TRUE;
  return FALSE;
}

static void
assert_date (const GDate *date, guint year, guint month, guint day)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpuint (g_date_get_year (date), ==, year);
  g_assert_cmpuint (g_date_get_month (date), ==, month);
  g_assert_cmpuint (g_date_get_day (date), ==, day);
}

static void
test_decimal (void)
{
  struct
  {
    const char *text;
    char mark;
    gboolean ok;
    gint64 cents;
  } cases[] = {
    { "1 100,50", ',', TRUE, 110050 },
    { "-1\xC2\xA0"
      "234,5",
      ',', TRUE, -123450 },
    { "1\xE2\x80\xAF"
      "000,00",
      ',', TRUE, 100000 },
    { "120", '.', TRUE, 12000 },
    { "-0.01", '.', TRUE, -1 },
    { "8.850", '.', TRUE, 885 },
    { "18.15499", '.', TRUE, 1815 },
    { "0.005", '.', TRUE, 1 },
    { "+12.3", '.', TRUE, 1230 },
    { "1.234,56", ',', TRUE, 123456 },
    { "$120", '.', FALSE, 0 },
    { "", '.', FALSE, 0 },
    { "12,3,4", ',', FALSE, 0 },
    { "abc", ',', FALSE, 0 },
    { "99999999999999999999", '.', FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 cents = 0;
      gboolean ok = factures_bank_parse_decimal (cases[i].text, cases[i].mark, &cents);

      if (ok != cases[i].ok)
        g_error ("“%s”: %s expected", cases[i].text, cases[i].ok ? "accepted" : "refused");
      if (ok)
        g_assert_cmpint (cents, ==, cases[i].cents);
    }
}

static void
test_detect (void)
{
  const char *ofx = "OFXHEADER:100\nDATA:OFXSGML\n<OFX>";
  const char *xml =
      "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">";
  const char *cfonb = "0130004    00823EUR2 00010203040  010324                              "
                      "                    0000000010000{010324          \n";
  const char *csv = "\xEF\xBB\xBF"
                    "dateOp;dateVal;label;amount\n";
  const char *text = "Bonjour\n";

  g_assert_cmpint (factures_bank_detect_format ((const guint8 *) ofx, strlen (ofx)), ==,
                   FACTURES_BANK_FORMAT_OFX);
  g_assert_cmpint (factures_bank_detect_format ((const guint8 *) xml, strlen (xml)), ==,
                   FACTURES_BANK_FORMAT_CAMT053);
  g_assert_cmpint (factures_bank_detect_format ((const guint8 *) cfonb, strlen (cfonb)), ==,
                   FACTURES_BANK_FORMAT_CFONB120);
  g_assert_cmpint (factures_bank_detect_format ((const guint8 *) csv, strlen (csv)), ==,
                   FACTURES_BANK_FORMAT_CSV);
  g_assert_cmpint (factures_bank_detect_format ((const guint8 *) text, strlen (text)), ==,
                   FACTURES_BANK_FORMAT_UNKNOWN);
  g_assert_cmpint (factures_bank_detect_format (NULL, 0), ==, FACTURES_BANK_FORMAT_UNKNOWN);
}

/* Two identical card payments on one day, no FITID: two hashed ids, :1 and :2; a date with a
 * time zone keeps the bank's day; a comma decimal in TRNAMT. */
static void
test_ofx_identical_payments (void)
{
  g_autoptr(FacturesBankFile) file = read_ok ("two-card-payments.ofx");
  FacturesBankStatement *statement = g_ptr_array_index (file->statements, 0);
  FacturesBankTransaction *first = nth (file, 0, 0), *second = nth (file, 0, 1),
                          *third = nth (file, 0, 2);
  g_autofree char *stem = NULL;

  g_assert_cmpuint (file->statements->len, ==, 1);
  g_assert_cmpstr (statement->account, ==, "30004 00823 00010203040");
  g_assert_cmpstr (statement->currency, ==, "EUR");
  g_assert_true (statement->has_closing_balance);
  g_assert_cmpint (statement->closing_balance, ==, 119100);
  g_assert_cmpuint (statement->transactions->len, ==, 3);

  g_assert_cmpint (first->amount, ==, -450);
  g_assert_cmpint (second->amount, ==, -450);
  g_assert_false (first->id_from_bank);
  g_assert_true (g_str_has_prefix (first->id, "h:"));
  g_assert_true (g_str_has_suffix (first->id, ":1"));
  g_assert_true (g_str_has_suffix (second->id, ":2"));
  stem = g_strndup (first->id, strlen (first->id) - 2);
  g_assert_true (g_str_has_prefix (second->id, stem));
  g_assert_cmpuint (strlen (stem), ==, 2 + 64);
  g_assert_cmpint (first->kind, ==, FACTURES_BANK_KIND_CARD);
  g_assert_cmpuint (first->source_line, ==, 40);

  g_assert_true (third->id_from_bank);
  g_assert_cmpstr (third->id, ==, "FR240308A1");
  g_assert_cmpint (third->amount, ==, 120000);
  assert_date (&third->booking_date, 2024, 3, 8);
  assert_date (&third->value_date, 2024, 3, 9);
  g_assert_cmpstr (third->reference, ==, "FACTURE F-2024-0042");
  g_assert_nonnull (strstr (third->label, "MARTIN CONSEIL"));
  g_assert_cmpint (third->kind, ==, FACTURES_BANK_KIND_TRANSFER);
}

/* The same file read twice gives the same ids (the import's "seen before"). */
static void
test_ids_stable (void)
{
  g_autoptr(FacturesBankFile) once = read_ok ("two-card-payments.ofx");
  g_autoptr(FacturesBankFile) twice = read_ok ("two-card-payments.ofx");

  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (nth (once, 0, i)->id, ==, nth (twice, 0, i)->id);
}

static void
test_refused (void)
{
  read_refused ("truncated.ofx", "</OFX>");
  read_refused ("truncated.ofx", "line 53");
  read_refused ("camt053-unsupported-version.xml", "version 001");
  read_refused ("cfonb-bad-length.txt", "line 3");
  read_refused ("cfonb-bad-length.txt", "119");
  read_refused ("camt053-truncated.xml", "line 16");
  read_refused ("camt053-truncated.xml", "truncated");
  read_refused ("not-a-statement.txt", "not a bank statement");
  read_refused ("unmappable.csv", "columns");
  read_refused ("bad-amount.csv", "line 2");
  read_refused ("bad-amount.csv", "douze euros");
}

static void
test_cfonb (void)
{
  g_autoptr(FacturesBankFile) file = read_ok ("cfonb-latin1.txt");
  g_autoptr(FacturesBankFile) mismatch = read_ok ("cfonb-balance-mismatch.txt");
  FacturesBankStatement *statement = g_ptr_array_index (file->statements, 0);
  FacturesBankTransaction *transfer = nth (file, 0, 0), *fee = nth (file, 0, 1);

  g_assert_cmpint (file->format, ==, FACTURES_BANK_FORMAT_CFONB120);
  g_assert_cmpstr (statement->account, ==, "30004 00823 00010203040");
  g_assert_cmpint (statement->opening_balance, ==, 100000);
  g_assert_cmpint (statement->closing_balance, ==, 219250);
  g_assert_cmpuint (file->warnings->len, ==, 0);
  g_assert_cmpint (transfer->amount, ==, 120000);
  g_assert_cmpstr (transfer->label, ==, "VIR SEPA MARTIN CONSEIL FACTURE F-2024-0042");
  g_assert_cmpstr (transfer->counterparty, ==, "MARTIN CONSEIL SARL");
  g_assert_cmpstr (transfer->reference, ==, "F-2024-0042");
  g_assert_cmpint (transfer->kind, ==, FACTURES_BANK_KIND_TRANSFER);
  g_assert_cmpint (fee->amount, ==, -750);
  g_assert_cmpstr (fee->label, ==, "FRAIS RELEVÉ MENSUEL");
  g_assert_cmpint (fee->kind, ==, FACTURES_BANK_KIND_FEE);

  /* The same file in UTF-8: records counted in characters, not bytes. */
  {
    g_autoptr(FacturesBankFile) utf8 = read_ok ("cfonb-utf8.txt");

    g_assert_cmpstr (nth (utf8, 0, 1)->label, ==, "FRAIS RELEVÉ MENSUEL");
    g_assert_cmpstr (nth (utf8, 0, 1)->id, ==, fee->id);
    g_assert_cmpuint (utf8->warnings->len, ==, 0);
  }

  /* Same movements, a closing balance that disagrees: read, with a warning. */
  g_assert_cmpuint (g_ptr_array_index (mismatch->statements, 0) != NULL, ==, TRUE);
  g_assert_true (has_warning (mismatch, "does not give the closing balance"));
  g_assert_true (has_warning (mismatch, "199,25"));
}

static void
test_csv_layouts (void)
{
  g_autoptr(FacturesBankFile) bourso = read_ok ("boursobank-bom.csv");
  g_autoptr(FacturesBankFile) postale = read_ok ("banquepostale-latin1.csv");
  g_autoptr(FacturesBankFile) epargne = read_ok ("caisse-epargne-debit-credit.csv");
  g_autoptr(FacturesBankFile) n26 = read_ok ("n26-comma.csv");
  FacturesBankTransaction *t;

  /* BoursoBank: UTF-8 with BOM, ISO dates, "1 100,50", NBSP thousands, two identical card
   * payments on one day keeping two ids. */
  g_assert_cmpuint (nth (bourso, 0, 0) != NULL, ==, TRUE);
  g_assert_cmpuint (
      ((FacturesBankStatement *) g_ptr_array_index (bourso->statements, 0))->transactions->len, ==,
      4);
  t = nth (bourso, 0, 0);
  g_assert_cmpint (t->amount, ==, 110050);
  assert_date (&t->booking_date, 2024, 3, 4);
  g_assert_cmpstr (t->label, ==, "VIR SEPA DUPONT SARL FACTURE F-2024-0012");
  g_assert_cmpint (nth (bourso, 0, 3)->amount, ==, -123400);
  g_assert_cmpint (nth (bourso, 0, 1)->amount, ==, -2340);
  g_assert_cmpint (nth (bourso, 0, 2)->amount, ==, -2340);
  g_assert_cmpstr (nth (bourso, 0, 1)->id, !=, nth (bourso, 0, 2)->id);
  g_assert_true (g_str_has_suffix (nth (bourso, 0, 1)->id, ":1"));
  g_assert_true (g_str_has_suffix (nth (bourso, 0, 2)->id, ":2"));
  /* its accountNum column gives the account (issue 16, a tester's finding) */
  g_assert_cmpstr (((FacturesBankStatement *) g_ptr_array_index (bourso->statements, 0))->account, ==, "00012345678");
  g_assert_false (has_warning (bourso, "account"));

  /* La Banque Postale: Latin-1, a key;value preamble, DD/MM/YYYY, Montant(EUROS). */
  t = nth (postale, 0, 0);
  g_assert_cmpint (t->amount, ==, 25000);
  assert_date (&t->booking_date, 2024, 3, 1);
  g_assert_cmpstr (t->label, ==, "VIREMENT DE M. LÉON MARTIN F-2024-0007");
  g_assert_cmpuint (t->source_line, ==, 8);
  g_assert_cmpint (nth (postale, 0, 1)->amount, ==, -420);

  /* Caisse d'Épargne pro: Débit and Crédit columns, value dates, references. */
  t = nth (epargne, 0, 0);
  g_assert_cmpint (t->amount, ==, 150000);
  assert_date (&t->value_date, 2024, 3, 5);
  g_assert_cmpstr (t->reference, ==, "REF123");
  g_assert_cmpint (nth (epargne, 0, 1)->amount, ==, -1999);
  g_assert_cmpint (nth (epargne, 0, 2)->amount, ==, -750);

  /* N26: ',' separated and quoted (a comma inside the reference), dot decimals, ISO dates,
   * the partner as counterparty. */
  t = nth (n26, 0, 0);
  g_assert_cmpint (t->amount, ==, 125000);
  assert_date (&t->booking_date, 2024, 3, 4);
  g_assert_cmpstr (t->counterparty, ==, "Atelier Dupont");
  g_assert_cmpstr (t->label, ==, "Atelier Dupont Facture F-2024-0015, merci");
  g_assert_cmpstr (t->reference, ==, "Facture F-2024-0015, merci");
  g_assert_cmpint (nth (n26, 0, 1)->amount, ==, -380);
  g_assert_cmpstr (nth (n26, 0, 1)->counterparty, ==, "Café de la Gare");
}

static void
test_csv_mapping (void)
{
  g_autofree char *path = data_path ("unmappable.csv");
  g_autofree char *epargne_path = data_path ("caisse-epargne-debit-credit.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesBankCsvMapping) guessed = NULL;
  g_autoptr(FacturesBankCsvMapping) copy = NULL;
  g_autoptr(FacturesBankFile) file = NULL;
  FacturesBankCsvMapping mapping = {
    .separator = ';',
    .decimal_comma = TRUE,
    .date_format = (char *) "%d/%m/%Y",
    .skip_lines = 1,
    .booking_date_column = 0,
    .value_date_column = -1,
    .amount_column = -1,
    .debit_column = 5,
    .credit_column = 6,
    .label_column = 1,
    .counterparty_column = -1,
    .reference_column = 2,
    .account = (char *) "FR7630004008230001020304017",
    .currency = "EUR",
  };

  guessed = factures_bank_csv_guess_mapping (path, &error);
  g_assert_null (guessed);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);

  guessed = factures_bank_csv_guess_mapping (epargne_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (guessed->separator, ==, ';');
  g_assert_true (guessed->decimal_comma);
  g_assert_cmpstr (guessed->date_format, ==, "%d/%m/%Y");
  g_assert_cmpuint (guessed->skip_lines, ==, 1);
  g_assert_cmpint (guessed->booking_date_column, ==, 0);
  g_assert_cmpint (guessed->value_date_column, ==, 8);
  g_assert_cmpint (guessed->amount_column, ==, -1);
  g_assert_cmpint (guessed->debit_column, ==, 5);
  g_assert_cmpint (guessed->credit_column, ==, 6);
  g_assert_cmpint (guessed->label_column, ==, 1);

  copy = factures_bank_csv_mapping_copy (&mapping);
  g_assert_cmpstr (copy->account, ==, mapping.account);
  g_assert_true (copy->date_format != mapping.date_format);

  /* An explicit mapping: the account is the one the user chose, no warning about it. */
  file = factures_bank_read_file (epargne_path, copy, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((FacturesBankStatement *) g_ptr_array_index (file->statements, 0))->account, ==,
                   "FR7630004008230001020304017");
  g_assert_false (has_warning (file, "account"));
  g_assert_cmpint (nth (file, 0, 0)->amount, ==, 150000);
  g_assert_false (g_date_valid (&nth (file, 0, 0)->value_date));
}

static void
on_progress (guint64 done, guint64 total, gpointer user_data)
{
  guint64 *last = user_data;

  g_assert_cmpuint (done, <=, total);
  g_assert_cmpuint (done, >=, last[0]);
  last[0] = done;
  last[1] = total;
}

static void
test_cancel_and_progress (void)
{
  const char *names[] = { "two-card-payments.ofx", "cfonb-latin1.txt", "boursobank-bom.csv" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = data_path (names[i]);
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(FacturesBankFile) file = NULL;
      guint64 last[2] = { 0, 0 };

      file = factures_bank_read_file (path, NULL, NULL, on_progress, last, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (last[1], >, 0);
      g_assert_cmpuint (last[0], ==, last[1]);
      g_clear_pointer (&file, factures_bank_file_free);

      g_cancellable_cancel (cancellable);
      file = factures_bank_read_file (path, NULL, cancellable, NULL, NULL, &error);
      g_assert_null (file);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/bank/readers/decimal", test_decimal);
  g_test_add_func ("/bank/readers/detect", test_detect);
  g_test_add_func ("/bank/readers/ofx-identical-payments", test_ofx_identical_payments);
  g_test_add_func ("/bank/readers/ids-stable", test_ids_stable);
  g_test_add_func ("/bank/readers/refused", test_refused);
  g_test_add_func ("/bank/readers/cfonb", test_cfonb);
  g_test_add_func ("/bank/readers/csv-layouts", test_csv_layouts);
  g_test_add_func ("/bank/readers/csv-mapping", test_csv_mapping);
  g_test_add_func ("/bank/readers/cancel-and-progress", test_cancel_and_progress);
  return g_test_run ();
}
