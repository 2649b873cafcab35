/* bench-search.c — search per keystroke (issue 12 item 5)
 *
 * Usage: bench-search DB
 *
 * On a fixture of make-fixture.py, types "client 12 chantier" one key at a time; after each
 * key, as the documents page does, builds the documents list for what is typed and reads its
 * first 50 rows (what a window shows). The baseline, measured in the same run on the same
 * connection's file: the same FTS5 query and 50 rows by the sqlite3 API alone. Prints the
 * median time per keystroke of each (goal: <= 16 ms at 100,000 documents) and their ratio.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <time.h>

#include "factures-rows.h"
#include "factures-store.h"
#include "factures-store-private.h"

#define TYPED "client 12 chantier"
#define SHOWN 50

static gint64
cpu_time_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesStore) store = NULL;
  g_autoptr(GArray) app = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) base = g_array_new (FALSE, FALSE, sizeof (double));
  /* CPU time of the same (this thread): what a key costs when the machine is shared */
  g_autoptr(GArray) app_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) base_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint found = 0;

  if (argc < 2)
    return 2;
  store = factures_store_open_full (argv[1], FACTURES_STORE_OPEN_EXISTING, 5000, NULL, NULL, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  g_assert_cmpint (sqlite3_open_v2 (argv[1], &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT d.id, d.number, d.client_name, d.issue_date, d.due_date, d.gross_total "
                                       "FROM documents d WHERE d.id IN (SELECT rowid FROM document_search "
                                       "WHERE document_search MATCH ?1) ORDER BY d.number DESC LIMIT " G_STRINGIFY (SHOWN),
                                       -1, &stmt, NULL), ==, SQLITE_OK);

  for (int round = 0; round < 3; round++)
    for (gsize n = 1; n <= strlen (TYPED); n++)
      {
        g_autofree char *typed = g_strndup (TYPED, n);
        g_autofree char *query = factures_store_fts_query (typed);
        gint64 start, cpu_start;
        double ms, cpu;

        if (query == NULL)
          continue;
        /* the app: the lazy model, then the rows a window shows */
        start = g_get_monotonic_time ();
        cpu_start = cpu_time_us ();
        {
          g_autoptr(GListModel) model = factures_store_list_documents (store, typed,
                                                                       FACTURES_DOCUMENT_SORT_NUMBER, TRUE);
          guint shown = MIN (g_list_model_get_n_items (model), SHOWN);

          for (guint i = 0; i < shown; i++)
            g_object_unref (g_list_model_get_item (model, i));
          found = g_list_model_get_n_items (model);
        }
        ms = (g_get_monotonic_time () - start) / 1000.0;
        cpu = (cpu_time_us () - cpu_start) / 1000.0;
        if (round > 0)
          {
            g_array_append_val (app, ms);
            g_array_append_val (app_cpu, cpu);
          }

        /* the baseline: one query */
        start = g_get_monotonic_time ();
        cpu_start = cpu_time_us ();
        sqlite3_reset (stmt);
        sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
        while (sqlite3_step (stmt) == SQLITE_ROW)
          ;
        ms = (g_get_monotonic_time () - start) / 1000.0;
        cpu = (cpu_time_us () - cpu_start) / 1000.0;
        if (round > 0)
          {
            g_array_append_val (base, ms);
            g_array_append_val (base_cpu, cpu);
          }
        if (round == 2 && g_getenv ("FACTURES_BENCH_VERBOSE") != NULL)
          g_print ("  %-20s %6u found  factures %7.2f ms  query %7.2f ms\n", typed, found,
                   g_array_index (app, double, app->len - 1), ms);
      }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  {
    double a = median (app), b = median (base);

    g_print ("search per keystroke (\"%s\", %u documents found at the end):\n", TYPED, found);
    g_print ("  factures list model + %d rows  %7.2f ms per key (goal <= 16 ms)\n", SHOWN, a);
    g_print ("  one sqlite3 query, %d rows     %7.2f ms per key\n", SHOWN, b);
    g_print ("  ratio %.2f\n", b > 0 ? a / b : 0.0);
    g_print ("  CPU time: factures %.2f ms per key, the query %.2f ms (the wall time above includes waiting "
             "for a shared CPU)\n", median (app_cpu), median (base_cpu));
  }
  return 0;
}
