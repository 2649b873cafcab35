/* bench-bank-import.c — importing a 20,000-movement CFONB 120 statement, against reading it
 * with the reader alone (issue 16: "time and memory reported as a ratio to reading the file
 * with the library alone")
 *
 * Each side runs in its own process (so that its peak memory is its own), three times; the
 * best time and the peak RSS are compared. FACTURES_BENCH_MOVEMENTS changes the count.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "bank-test-util.h"
#include "factures-bank-import.h"

static long
peak_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* The child: "read FILE" or "import FILE DB"; prints "seconds peak-kB". */
static int
child (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (strcmp (argv[1], "read") == 0)
    {
      g_autoptr(FacturesBankFile) file = factures_bank_read_file (argv[2], NULL, NULL, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (((FacturesBankStatement *) g_ptr_array_index (file->statements, 0))->transactions->len, >, 0);
    }
  else
    {
      g_autoptr(FacturesStore) store = factures_store_open (argv[3], &error);
      FacturesBankImportResult result = { 0 };

      g_assert_no_error (error);
      g_assert_true (factures_bank_import_file (store, argv[2], NULL, NULL, NULL, NULL, NULL, &result, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (result.n_added, ==, result.n_read);
      factures_bank_import_result_clear (&result);
    }
  g_print ("%.6f %ld\n", (g_get_monotonic_time () - start) / 1e6, peak_rss_kb ());
  return 0;
}

static void
run (const char *self_exe, const char *mode, const char *file, const char *db, double *best, long *rss)
{
  const char *argv[] = { self_exe, mode, file, db, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  double seconds;
  long kb;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpint (sscanf (out, "%lf %ld", &seconds, &kb), ==, 2);
  *best = MIN (*best, seconds);
  *rss = MAX (*rss, kb);
}

int
main (int argc, char **argv)
{
  BankFixture f = { 0 };
  const char *count_env = g_getenv ("FACTURES_BENCH_MOVEMENTS");
  guint n = count_env != NULL ? (guint) atoi (count_env) : 20000;
  g_autofree char *statement = NULL;
  double read_s = G_MAXDOUBLE, import_s = G_MAXDOUBLE;
  long read_kb = 0, import_kb = 0;
  const BankCfonbLine lines[] = {
    { "1990-01-02", 150000, "VIR SEPA DUPONT CONSEIL", "FACTURES F2026-0001 F2026-0002" },
    { "1990-01-02", -1250, "FRAIS TENUE DE COMPTE", NULL },
    { "1990-01-03", -4599, "PRLV SEPA FREE MOBILE", "LIB FREE MOBILE 123456" },
    { "1990-01-03", 40000, "VIR SEPA MARTIN ET FILS", "F2026-0003 ACOMPTE" },
    { "1990-01-04", -1230, "CB PAPETERIE DU CENTRE", NULL },
  };

  if (argc >= 3)
    return child (argc, argv);

  bank_fixture_set_up (&f);
  g_clear_object (&f.store);
  statement = g_build_filename (f.dir, "releve-20000.txt", NULL);
  bank_write_cfonb (statement, lines, G_N_ELEMENTS (lines), n);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *db = g_strdup_printf ("%s/bench-%u.db", f.dir, i);

      run (argv[0], "read", statement, "", &read_s, &read_kb);
      /* a fresh database each time (created and migrated before the clock starts) */
      {
        g_autoptr(FacturesStore) store = factures_store_open (db, NULL);

        g_assert_nonnull (store);
      }
      run (argv[0], "import", statement, db, &import_s, &import_kb);
    }
  g_print ("bank import of %u movements: %.3f s, peak %ld kB; the CFONB reader alone: %.3f s, peak %ld kB\n",
           n, import_s, import_kb, read_s, read_kb);
  g_print ("ratio import/reader: time %.2f, memory %.2f\n", import_s / read_s, (double) import_kb / (double) read_kb);
  bank_fixture_tear_down (&f);
  return 0;
}
