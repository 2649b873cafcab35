/* bench-store-lists.c — lazy list models over 100,000 documents
 *
 * Creates 2,000 documents (FACTURES_BENCH_DOCUMENTS: 100,000 on demand) (90 % issued invoices, 10 % drafts) over 1,000
 * clients, then, for each sort order, measures on fresh models: counting,
 * fetching item 0, an item in the middle and the last item. Prints the ratio
 * middle / first: with the page ids read from an index alone it stays small.
 * Run with: meson test --benchmark bench-store-lists -v
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <sqlite3.h>

#include "factures-rows.h"
#include "factures-store.h"
#include "store-test-util.h"

/* 2,000 by default (CI's smoke test: the stored originals are of real size, 48 KB each);
 * FACTURES_BENCH_DOCUMENTS=100000 on demand (about 4.4 GB). */
static gint n_documents = 2000;
#define N_CLIENTS   1000
#define RUNS        5

static void
fill (const char *path)
{
  sqlite3 *db = NULL;
  char *message = NULL;
  const char *sql =
    "BEGIN;"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " G_STRINGIFY (N_CLIENTS) ")"
    "INSERT INTO clients (id, name, city, category, name_key, city_key, search_key)"
    "  SELECT i, 'Client ' || printf ('%04d', (i * 7919) % 10000), 'Ville ' || (i % 97), i % 4,"
    "         'client ' || printf ('%04d', (i * 7919) % 10000), 'ville ' || (i % 97),"
    "         'client ' || printf ('%04d', (i * 7919) % 10000) FROM n;"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < (SELECT value FROM temp.bench_n))"
    "INSERT INTO documents (id, kind, status, number, issue_date, due_date, client_id, client_name,"
    "                       gross_total, net_total, amount_due, pdf_sha256, chain_seq, hash,"
    "                       client_key, search_key)"
    "  SELECT i, 380, CASE WHEN i % 10 = 0 THEN 0 ELSE 1 END,"
    "         CASE WHEN i % 10 = 0 THEN NULL ELSE printf ('F%04d-%06d', 2020 + i / 20000, i) END,"
    "         date ('2020-01-01', '+' || (i / 20) || ' days'),"
    "         date ('2020-01-01', '+' || (i / 20 + 30) || ' days'),"
    "         1 + i % " G_STRINGIFY (N_CLIENTS) ", c.name,"
    "         (i * 104729) % 500000, (i * 104729) % 500000, (i * 104729) % 500000,"
    "         CASE WHEN i % 10 = 0 THEN NULL ELSE 'x' END, CASE WHEN i % 10 = 0 THEN NULL ELSE i END,"
    "         CASE WHEN i % 10 = 0 THEN NULL ELSE 'h' || i END, c.name_key, c.name_key"
    "  FROM n JOIN clients c ON c.id = 1 + i % " G_STRINGIFY (N_CLIENTS) ";"
    /* real-size stored originals (48 KB, incompressible), in their own table since 0010 */
    "INSERT INTO document_originals (document_id, pdf) SELECT id, randomblob (49152) FROM documents "
    "  WHERE status = 1;"
    "COMMIT; ANALYZE;";

  g_autofree char *size_sql = g_strdup_printf ("CREATE TEMP TABLE bench_n AS SELECT %d AS value", n_documents);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, size_sql, NULL, NULL, &message) != SQLITE_OK ||
      sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("fill: %s", message);
  sqlite3_close (db);
}

static double
median (double *values)
{
  for (guint i = 0; i < RUNS; i++)
    for (guint j = i + 1; j < RUNS; j++)
      if (values[j] < values[i])
        {
          double t = values[i];
          values[i] = values[j];
          values[j] = t;
        }
  return values[RUNS / 2];
}

typedef GListModel *(*MakeModel) (FacturesStore *store, int sort, gboolean descending, const char *search);

static GListModel *
make_documents (FacturesStore *store, int sort, gboolean descending, const char *search)
{
  return factures_store_list_documents (store, search, sort, descending);
}

static GListModel *
make_overdue (FacturesStore *store, int sort, gboolean descending, const char *search)
{
  return factures_store_list_overdue (store, NULL, sort, descending);
}

static GListModel *
make_clients (FacturesStore *store, int sort, gboolean descending, const char *search)
{
  return factures_store_list_clients (store, search, sort, descending);
}

/* Milliseconds for a fresh model to give item @position (count included separately). */
static void
measure (FacturesStore *store,
         const char    *label,
         MakeModel      make,
         int            sort,
         gboolean       descending,
         const char    *search,
         double        *worst_ratio)
{
  double count_ms[RUNS], first_ms[RUNS], middle_ms[RUNS], last_ms[RUNS];
  guint n = 0;
  double ratio;

  for (guint run = 0; run < RUNS; run++)
    {
      for (guint which = 0; which < 3; which++)
        {
          g_autoptr(GListModel) model = NULL;
          g_autoptr(GObject) item = NULL;
          gint64 start = g_get_monotonic_time ();
          guint position;

          model = make (store, sort, descending, search);
          n = g_list_model_get_n_items (model);
          if (which == 0)
            count_ms[run] = (g_get_monotonic_time () - start) / 1000.0;

          position = which == 0 ? 0 : which == 1 ? n / 2 : (n > 0 ? n - 1 : 0);
          start = g_get_monotonic_time ();
          item = g_list_model_get_item (model, position);
          if (n > 0)
            g_assert_nonnull (item);
          (which == 0 ? first_ms : which == 1 ? middle_ms : last_ms)[run] =
            (g_get_monotonic_time () - start) / 1000.0;
        }
    }

  ratio = median (middle_ms) / MAX (median (first_ms), 0.001);
  *worst_ratio = MAX (*worst_ratio, ratio);
  g_print ("%-34s n=%6u  count %7.2f ms  item 0 %6.2f ms  middle %6.2f ms  last %6.2f ms  middle/first %5.1f\n",
           label, n, median (count_ms), median (first_ms), median (middle_ms), median (last_ms), ratio);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  const struct { const char *label; int sort; } document_sorts[] = {
    { "documents by date", FACTURES_DOCUMENT_SORT_DATE },
    { "documents by number", FACTURES_DOCUMENT_SORT_NUMBER },
    { "documents by client", FACTURES_DOCUMENT_SORT_CLIENT },
    { "documents by total", FACTURES_DOCUMENT_SORT_TOTAL },
    { "documents by due date", FACTURES_DOCUMENT_SORT_DUE },
    { "documents by days late", FACTURES_DOCUMENT_SORT_DAYS_LATE },
  };
  double worst = 0, worst_indexed = 0;
  gint64 start;

  g_setenv ("FACTURES_TODAY", "2026-06-15", TRUE);
  dir = store_test_make_fast_dir ();
  path = g_build_filename (dir, "bench.db", NULL);

  store = factures_store_open (path, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  if (g_getenv ("FACTURES_BENCH_DOCUMENTS") != NULL)
    n_documents = MAX (100, atoi (g_getenv ("FACTURES_BENCH_DOCUMENTS")));
  fill (path);
  g_print ("created %d documents and %d clients in %.1f s\n", n_documents, N_CLIENTS,
           (g_get_monotonic_time () - start) / 1e6);

  for (guint i = 0; i < G_N_ELEMENTS (document_sorts); i++)
    for (int desc = 0; desc < 2; desc++)
      {
        g_autofree char *label = g_strdup_printf ("%s%s", document_sorts[i].label, desc ? " desc" : "");
        double *which = document_sorts[i].sort == FACTURES_DOCUMENT_SORT_DAYS_LATE ? &worst : &worst_indexed;

        measure (store, label, make_documents, document_sorts[i].sort, desc, NULL, which);
      }
  measure (store, "documents search \"client 12\"", make_documents, FACTURES_DOCUMENT_SORT_DATE, TRUE, "client 12", &worst);
  measure (store, "overdue by days late", make_overdue, FACTURES_DOCUMENT_SORT_DAYS_LATE, TRUE, NULL, &worst);
  measure (store, "overdue by due date", make_overdue, FACTURES_DOCUMENT_SORT_DUE, FALSE, NULL, &worst_indexed);
  measure (store, "clients by name", make_clients, FACTURES_CLIENT_SORT_NAME, FALSE, NULL, &worst_indexed);
  measure (store, "clients by outstanding", make_clients, FACTURES_CLIENT_SORT_OUTSTANDING, TRUE, NULL, &worst);

  g_print ("worst middle/first ratio, indexed sorts: %.1f; computed sorts and search: %.1f\n",
           worst_indexed, worst);

  g_clear_object (&store);
  store_test_remove_dir (dir);
  return 0;
}
