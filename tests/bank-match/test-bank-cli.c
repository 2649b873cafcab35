/* test-bank-cli.c — `factures --import-statement`, `--match`, `--confirm-matches` on a real
 * CFONB 120 file; bad input (an account in USD, an unmappable CSV, the same file twice, an
 * unknown movement) refused in French naming the file, the database unchanged
 *
 * The binary is $FACTURES_BIN; the database is made with the store's API, then closed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bank-test-util.h"

typedef struct {
  BankFixture  f;
  gint64       ids[4];
  char        *numbers[4];
  char        *statement;
} Fixture;

static void
set_up (Fixture *x, gconstpointer data)
{
  gint64 dupont, martin, leroy;

  bank_fixture_set_up (&x->f);
  dupont = bank_client (&x->f, "Dupont Conseil SARL");
  martin = bank_client (&x->f, "Martin et Fils");
  leroy = bank_client (&x->f, "Leroy Bâtiment");
  x->ids[0] = bank_invoice (&x->f, dupont, "2026-10-01", 120000, &x->numbers[0]);
  x->ids[1] = bank_invoice (&x->f, dupont, "2026-10-02", 30000, &x->numbers[1]);
  x->ids[2] = bank_invoice (&x->f, martin, "2026-10-03", 90000, &x->numbers[2]);
  x->ids[3] = bank_invoice (&x->f, leroy, "2026-10-04", 80000, &x->numbers[3]);
  g_clear_object (&x->f.store);
  x->statement = g_build_filename (x->f.dir, "releve-novembre.txt", NULL);
}

static void
tear_down (Fixture *x, gconstpointer data)
{
  bank_fixture_tear_down (&x->f);
  for (guint i = 0; i < G_N_ELEMENTS (x->numbers); i++)
    g_free (x->numbers[i]);
  g_free (x->statement);
}

/* Runs factures with @args (NULL-terminated) in French; returns the exit status. */
static int
run (Fixture *x, char **out, char **err, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *arg;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, g_strdup (g_getenv ("FACTURES_BIN")));
  g_ptr_array_add (argv, g_strdup_printf ("--database=%s", x->f.path));
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);
  env = g_environ_setenv (env, "LANGUAGE", "fr", TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("%s → %d\n%s%s", (char *) argv->pdata[2], status, *out, *err);
  return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
}

static gint64
balance (Fixture *x, gint64 id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesStore) store = factures_store_open (x->f.path, &error);
  FacturesBalance b;

  g_assert_no_error (error);
  g_assert_true (factures_store_get_payment_balance (store, id, &b, &error));
  return b.balance;
}

/* The movement id of the --match line whose label holds @needle. */
static char *
id_of (const char *match_output, const char *needle)
{
  g_auto(GStrv) lines = g_strsplit (match_output, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], needle) != NULL)
      {
        g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

        g_assert_cmpuint (g_strv_length (fields), ==, 7);
        return g_strdup (fields[0]);
      }
  g_assert_not_reached ();
}

static void
test_journey (Fixture *x, gconstpointer data)
{
  g_autofree char *both = g_strdup_printf ("FACTURES %s %s", x->numbers[0], x->numbers[1]);
  g_autofree char *part = g_strdup_printf ("%s ACOMPTE", x->numbers[2]);
  g_autofree char *leroy = g_strdup_printf ("FACTURE %s", x->numbers[3]);
  const BankCfonbLine lines[] = {
    { "2026-11-12", 150000, "VIR SEPA DUPONT CONSEIL", both },
    { "2026-11-14", 40000, "VIR SEPA MARTIN ET FILS", part },
    { "2026-11-16", 80000, "VIR SEPA LEROY", leroy },
    { "2026-11-30", -1250, "FRAIS TENUE DE COMPTE", NULL },
  };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *id_both = NULL, *id_part = NULL, *ids = NULL;
  g_autofree char *before = NULL, *after = NULL;

  bank_write_cfonb (x->statement, lines, G_N_ELEMENTS (lines), G_N_ELEMENTS (lines));
  g_assert_cmpint (run (x, &out, &err, g_strdup_printf ("--import-statement=%s", x->statement), NULL), ==, 0);
  g_assert_cmpstr (out, ==, "4\t0\t4\n");

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (x, &out, &err, "--match", NULL), ==, 0);
  /* three credits, the one of Leroy sure, every line of 7 fields */
  g_assert_nonnull (strstr (out, "\tsure\t"));
  id_both = id_of (out, "DUPONT");
  id_part = id_of (out, "MARTIN");
  g_assert_nonnull (strstr (out, "ontant exact"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (x, &out, &err, "--confirm-matches=sure", NULL), ==, 0);
  g_assert_nonnull (strstr (out, x->numbers[3]));
  g_assert_cmpint (balance (x, x->ids[3]), ==, 0);
  g_assert_cmpint (balance (x, x->ids[0]), ==, 120000);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ids = g_strdup_printf ("--confirm-matches=%s,%s", id_both, id_part);
  g_assert_cmpint (run (x, &out, &err, ids, NULL), ==, 0);
  g_assert_cmpint (balance (x, x->ids[0]), ==, 0);
  g_assert_cmpint (balance (x, x->ids[1]), ==, 0);
  g_assert_cmpint (balance (x, x->ids[2]), ==, 50000);

  /* the same file again: nothing added, said so, the database unchanged */
  before = bank_dump_hash (&x->f);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (x, &out, &err, g_strdup_printf ("--import-statement=%s", x->statement), NULL), ==, 0);
  g_assert_cmpstr (out, ==, "0\t4\t4\n");
  g_assert_nonnull (strstr (err, "releve-novembre.txt"));
  after = bank_dump_hash (&x->f);
  g_assert_cmpstr (before, ==, after);

  /* a movement already confirmed, or unknown: refused, nothing recorded */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (x, &out, &err, g_strdup_printf ("--confirm-matches=%s", id_both), NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (x, &out, &err, "--confirm-matches=abc", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "«\u00a0abc\u00a0»"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (x, &out, &err, "--confirm-matches=12", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "le mouvement 12 n’attend pas"));
  g_clear_pointer (&after, g_free);
  after = bank_dump_hash (&x->f);
  g_assert_cmpstr (before, ==, after);
}

/* --confirm-matches=ID,ID is all or nothing: the second movement refused (its day is after
 * today, so its payment cannot be recorded) undoes the first, the message names the second,
 * the database is unchanged. */
static void
test_confirm_atomic (Fixture *x, gconstpointer data)
{
  g_autofree char *first = g_strdup_printf ("FACTURE %s", x->numbers[3]);
  g_autofree char *second = g_strdup_printf ("FACTURE %s", x->numbers[2]);
  const BankCfonbLine lines[] = {
    { "2026-11-12", 80000, "VIR SEPA LEROY", first },
    { "2026-11-28", 90000, "VIR SEPA MARTIN ET FILS", second },
  };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *id_first = NULL, *id_second = NULL, *ids = NULL, *needle = NULL;
  g_autofree char *before = NULL, *after = NULL;

  bank_write_cfonb (x->statement, lines, G_N_ELEMENTS (lines), G_N_ELEMENTS (lines));
  g_assert_cmpint (run (x, &out, &err, g_strdup_printf ("--import-statement=%s", x->statement), NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (x, &out, &err, "--match", NULL), ==, 0);
  id_first = id_of (out, "LEROY");
  id_second = id_of (out, "MARTIN");

  before = bank_dump_hash (&x->f);
  g_setenv ("FACTURES_TODAY", "2026-11-20", TRUE);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ids = g_strdup_printf ("--confirm-matches=%s,%s", id_first, id_second);
  g_assert_cmpint (run (x, &out, &err, ids, NULL), ==, 1);
  g_setenv ("FACTURES_TODAY", "2026-12-01", TRUE);
  needle = g_strdup_printf ("Mouvement %s (VIR SEPA MARTIN ET FILS", id_second);
  g_assert_nonnull (strstr (err, needle));
  g_assert_nonnull (strstr (err, "Rien n’a été enregistré"));
  g_assert_cmpstr (out, ==, "");
  after = bank_dump_hash (&x->f);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (balance (x, x->ids[3]), ==, 80000);

  /* on the day after, both at once */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (x, &out, &err, ids, NULL), ==, 0);
  g_assert_nonnull (strstr (out, x->numbers[3]));
  g_assert_nonnull (strstr (out, x->numbers[2]));
  g_assert_cmpint (balance (x, x->ids[3]), ==, 0);
  g_assert_cmpint (balance (x, x->ids[2]), ==, 0);
}

/* refused ARG NEEDLE: exit 1, NEEDLE in the message, the database unchanged. */
static void
refused (Fixture *x, const char *arg, const char *needle, const char *french)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *before = bank_dump_hash (&x->f);
  g_autofree char *after = NULL;

  g_assert_cmpint (run (x, &out, &err, arg, NULL), ==, 1);
  g_assert_nonnull (strstr (err, needle));
  if (french != NULL)
    g_assert_nonnull (strstr (err, french));
  after = bank_dump_hash (&x->f);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refusals (Fixture *x, gconstpointer data)
{
  const char *reference = g_getenv ("FACTURES_REFERENCE_DATA");
  g_autofree char *csv = g_build_filename (x->f.dir, "export-banque.csv", NULL);
  g_autofree char *truncated = g_build_filename (x->f.dir, "tronque.ofx", NULL);
  g_autofree char *arg = NULL;
  const BankCfonbLine lines[] = { { "2026-11-12", 150000, "VIR SEPA DUPONT CONSEIL", NULL } };

  /* an account in USD (ofxparse checking.ofx): read, then refused for import */
  if (reference != NULL && *reference != '\0')
    {
      g_autofree char *usd = g_build_filename (reference, "03_ofx", "ofxparse", "checking.ofx", NULL);

      if (g_file_test (usd, G_FILE_TEST_EXISTS))
        {
          arg = g_strdup_printf ("--import-statement=%s", usd);
          refused (x, arg, "USD", "euros");
          g_clear_pointer (&arg, g_free);
        }
    }
  /* the public files of issue 16: a CAMT of a CHF account refused for import; the Banque
   * Populaire export with empty ACCTID and no movement imported as an empty statement, warned */
  if (reference != NULL && *reference != '\0')
    {
      g_autofree char *chf = g_build_filename (reference, "04_camt", "oca_bank-statement-import",
                                               "test-camt053-txdtls.xml", NULL);
      g_autofree char *empty = g_build_filename (reference, "03_ofx", "fr_banque_populaire_ofxstatement-french",
                                                 "46297554894_02092025_04102025.ofx", NULL);

      if (g_file_test (chf, G_FILE_TEST_EXISTS))
        {
          arg = g_strdup_printf ("--import-statement=%s", chf);
          refused (x, arg, "CHF", "euros");
          g_clear_pointer (&arg, g_free);
        }
      if (g_file_test (empty, G_FILE_TEST_EXISTS))
        {
          g_autofree char *out = NULL, *err = NULL;
          g_autofree char *before = bank_dump_hash (&x->f);
          g_autofree char *after = NULL;

          arg = g_strdup_printf ("--import-statement=%s", empty);
          g_assert_cmpint (run (x, &out, &err, arg, NULL), ==, 0);
          g_assert_cmpstr (out, ==, "0\t0\t0\n");
          g_assert_nonnull (strstr (err, "ACCTID"));
          after = bank_dump_hash (&x->f);
          g_assert_cmpstr (before, ==, after);
          g_clear_pointer (&arg, g_free);
        }
    }
  /* a CSV whose columns cannot be mapped */
  g_assert_true (g_file_set_contents (csv, "foo;bar;baz\nquux;1;2\n", -1, NULL));
  arg = g_strdup_printf ("--import-statement=%s", csv);
  refused (x, arg, "export-banque.csv", NULL);
  g_clear_pointer (&arg, g_free);
  /* a truncated OFX */
  g_assert_true (g_file_set_contents (truncated, "OFXHEADER:100\nDATA:OFXSGML\n\n<OFX><BANKMSGSRSV1><STMTTRNRS>", -1, NULL));
  arg = g_strdup_printf ("--import-statement=%s", truncated);
  refused (x, arg, "tronque.ofx", NULL);
  g_clear_pointer (&arg, g_free);
  /* balances that do not add up: imported, with the reader's warning naming the file */
  bank_write_cfonb_off (x->statement, lines, 1, 1, 100);
  {
    g_autofree char *out = NULL, *err = NULL;
    g_autofree char *import = g_strdup_printf ("--import-statement=%s", x->statement);

    g_assert_cmpint (run (x, &out, &err, import, NULL), ==, 0);
    g_assert_cmpstr (out, ==, "1\t0\t1\n");
    g_assert_nonnull (strstr (err, "releve-novembre.txt"));
    g_assert_nonnull (strstr (err, "501,00"));
  }
  /* --account without --import-statement */
  refused (x, "--account=FR76", "--account", NULL);
}

/* @args (NULL-terminated) refused: exit 1, @needle and @french in the message, database unchanged. */
static void
refused_args (Fixture *x, const char *needle, const char *french, ...)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *before = bank_dump_hash (&x->f);
  g_autofree char *after = NULL;
  const char *args[5] = { NULL };
  va_list ap;
  guint n = 0;

  va_start (ap, french);
  while (n < 4 && (args[n] = va_arg (ap, const char *)) != NULL)
    n++;
  va_end (ap);
  g_assert_cmpint (run (x, &out, &err, args[0], args[1], args[2], args[3], NULL), ==, 1);
  g_assert_nonnull (strstr (err, needle));
  if (french != NULL)
    g_assert_nonnull (strstr (err, french));
  after = bank_dump_hash (&x->f);
  g_assert_cmpstr (before, ==, after);
}

static void
imported (Fixture *x, const char *expected, ...)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *args[5] = { NULL };
  va_list ap;
  guint n = 0;

  va_start (ap, expected);
  while (n < 4 && (args[n] = va_arg (ap, const char *)) != NULL)
    n++;
  va_end (ap);
  g_assert_cmpint (run (x, &out, &err, args[0], args[1], args[2], args[3], NULL), ==, 0);
  g_assert_cmpstr (out, ==, expected);
  /* trial 5 finding 14: a CSV imported with --account is not said to lack its account */
  g_assert_null (strstr (err, "does not say its account"));
  g_assert_null (strstr (err, "n’indique pas son compte"));
}

/* What a tester found (issue 16): a mistyped --account importing a statement again, a CSV in
 * USD, the Société Générale and Boursorama layouts, no way to name the columns, empty
 * --confirm-matches. */
static void
test_tester (Fixture *x, gconstpointer data)
{
  const BankCfonbLine lines[] = {
    { "2026-11-12", 150000, "VIR SEPA DUPONT CONSEIL", NULL },
    { "2026-11-14", 40000, "VIR SEPA MARTIN ET FILS", NULL },
    { "2026-11-15", -2000, "FRAIS", NULL },
  };
  g_autofree char *import = g_strdup_printf ("--import-statement=%s", x->statement);
  g_autofree char *usd = g_build_filename (x->f.dir, "dollars.csv", NULL);
  g_autofree char *sg = g_build_filename (x->f.dir, "sg.csv", NULL);
  g_autofree char *bourso = g_build_filename (x->f.dir, "bourso.csv", NULL);
  g_autofree char *odd = g_build_filename (x->f.dir, "maison.csv", NULL);
  g_autofree char *arg = NULL;

  bank_write_cfonb (x->statement, lines, G_N_ELEMENTS (lines), G_N_ELEMENTS (lines));
  imported (x, "3\t0\t3\n", import, NULL);
  /* an IBAN with a wrong key: refused naming --account */
  refused_args (x, "--account", "IBAN", import, "--account=FR7630004008230001234567818", NULL);
  /* the same statement under another (valid) account: refused, naming the first one */
  refused_args (x, "déjà importés sous le compte", "releve-novembre.txt", import,
                "--account=FR7630004008230001234567819", NULL);

  /* a currency column saying USD: refused naming the file and the line */
  g_assert_true (g_file_set_contents (usd, "Date;Libellé;Montant;Devise\n12/11/2026;VIR ACME;100,00;EUR\n"
                                           "13/11/2026;VIR ACME INC;250,00;USD\n", -1, NULL));
  arg = g_strdup_printf ("--import-statement=%s", usd);
  refused_args (x, "dollars.csv", "ligne 3", arg, "--account=FR7630004008230001234567819", NULL);
  g_clear_pointer (&arg, g_free);

  /* Société Générale: recognised, the account a bank account number (not an IBAN) */
  g_assert_true (g_file_set_contents (sg, "Date de l'opération;Libellé;Détail de l'écriture;Montant de l'opération;Devise\n"
                                          "12/11/2026;VIR RECU;DE: LEROY BATIMENT;800,00;EUR\n"
                                          "13/11/2026;CARTE X1234;PAPETERIE;-12,50;EUR\n", -1, NULL));
  arg = g_strdup_printf ("--import-statement=%s", sg);
  imported (x, "2\t0\t2\n", arg, "--account=00012345678", NULL);
  g_clear_pointer (&arg, g_free);

  /* Boursorama: the account from its accountNum column, no --account needed */
  g_assert_true (g_file_set_contents (bourso, "dateOp;dateVal;label;category;categoryParent;amount;accountNum;accountLabel\n"
                                              "2026-11-20;2026-11-20;VIR M MUSTERMANN;Virements;Virements;70,00;FR7630004008230001234567819;Compte\n",
                                      -1, NULL));
  arg = g_strdup_printf ("--import-statement=%s", bourso);
  imported (x, "1\t0\t1\n", arg, NULL);
  g_clear_pointer (&arg, g_free);

  /* a layout nobody knows: refused, then read with --csv-columns */
  g_assert_true (g_file_set_contents (odd, "Quand;Quoi;Combien\n21/11/2026;VIR DUPONT;12,00\n", -1, NULL));
  arg = g_strdup_printf ("--import-statement=%s", odd);
  refused_args (x, "maison.csv", NULL, arg, "--account=00012345678", NULL);
  refused_args (x, "--csv-columns", "quoi", arg, "--account=00012345678", "--csv-columns=date=1,quoi=2", NULL);
  refused_args (x, "--csv-columns", NULL, arg, "--account=00012345678", "--csv-columns=label=2", NULL);
  imported (x, "1\t0\t1\n", arg, "--account=00012345678", "--csv-columns=date=1,amount=3,label=2", NULL);
  g_clear_pointer (&arg, g_free);

  /* --confirm-matches with nothing to confirm */
  refused_args (x, "--confirm-matches", NULL, "--confirm-matches=", NULL);
  refused_args (x, "--confirm-matches", NULL, "--confirm-matches= , ", NULL);
}

/* Issue 13 item 4: --confirm-matches=ID of a transfer paying an invoice in GBP records its
 * balance in GBP with the movement as the EUR amount (before: refused for the missing EUR
 * amount). */
static void
test_foreign_currency (Fixture *x, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) draft = NULL;
  g_autoptr(FacturesDocument) issued = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *id = NULL, *more = NULL;
  FacturesLine *line;

  x->f.store = factures_store_open (x->f.path, &error);
  g_assert_no_error (error);
  draft = store_test_draft (bank_client (&x->f, "Example Ltd"), "2026-11-02", 1);
  line = g_ptr_array_index (draft->lines, 0);
  line->unit_price = 100000 * (FACTURES_UNIT_PRICE_ONE / 100);
  draft->currency = g_strdup ("GBP");
  g_assert_true (factures_store_save_draft (x->f.store, draft, &error));
  g_assert_no_error (error);
  issued = factures_store_issue (x->f.store, draft->id, store_test_render, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&x->f.store);

  more = g_strdup_printf ("FACTURE %s", issued->number);
  {
    const BankCfonbLine lines[] = { { "2026-11-20", 115000, "VIR SEPA EXAMPLE LTD", more } };

    bank_write_cfonb (x->statement, lines, 1, 1);
  }
  g_assert_cmpint (run (x, &out, &err, g_strdup_printf ("--import-statement=%s", x->statement), NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (x, &out, &err, "--match", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "GBP"));
  id = id_of (out, "EXAMPLE");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (x, &out, &err, g_strdup_printf ("--confirm-matches=%s", id), NULL), ==, 0);
  g_assert_nonnull (strstr (out, issued->number));
  g_assert_cmpint (balance (x, issued->id), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("FACTURES_BIN") == NULL)
    {
      g_test_skip ("FACTURES_BIN is not set");
      return 77;
    }
  g_test_add ("/bank/cli/journey", Fixture, NULL, set_up, test_journey, tear_down);
  g_test_add ("/bank/cli/refusals", Fixture, NULL, set_up, test_refusals, tear_down);
  g_test_add ("/bank/cli/confirm-atomic", Fixture, NULL, set_up, test_confirm_atomic, tear_down);
  g_test_add ("/bank/cli/tester", Fixture, NULL, set_up, test_tester, tear_down);
  g_test_add ("/bank/cli/foreign-currency", Fixture, NULL, set_up, test_foreign_currency, tear_down);
  return g_test_run ();
}
