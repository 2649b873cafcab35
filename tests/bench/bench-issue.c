/* bench-issue.c — the Factures side of the render benchmarks (issue 12 item 5)
 *
 *   bench-issue drafts DB     a database with a 10-line and a 500-line draft (prints their ids),
 *                             for `factures --export-pdf=ID` against `bare-render 10|500`
 *   bench-issue prepare DB N  a database with N drafts of 10 lines, untimed: the input of…
 *   bench-issue issue DB      …every draft of DB issued in this one process (opened, rendered,
 *                             chained, stored), against `bare-render 10 N`
 *   bench-issue issue DB N    the measure before 2026-12-06 (wave 4): a new database, N drafts
 *                             written, then issued, all in the timed process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "factures-headless.h"
#include "factures-pdf.h"
#include "factures-store.h"
#include "factures-store-private.h"
#include "store-test-util.h"

static FacturesStore *
new_store (const char *path, gint64 *out_client)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesProfile) profile = store_test_profile ();
  g_autoptr(FacturesClient) client = store_test_client ("Exemple Conseil SARL");
  FacturesStore *store = factures_store_open (path, &error);

  if (store == NULL ||
      !factures_store_save_profile (store, profile, &error) ||
      !factures_store_save_client (store, client, &error))
    g_error ("%s", error->message);
  *out_client = client->id;
  return store;
}

static gint64
draft (FacturesStore *store, gint64 client, guint n_lines)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) document = store_test_draft (client, "2026-12-06", n_lines);

  if (!factures_store_save_draft (store, document, &error))
    g_error ("%s", error->message);
  return document->id;
}

static void
issue_all (FacturesStore *store,
           GArray        *ids)
{
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FacturesDocument) issued = factures_store_issue (store, g_array_index (ids, gint64, i),
                                                                 factures_pdf_render_for_issue, NULL, &error);
      if (issued == NULL)
        g_error ("%s", error->message);
    }
}

int
main (int argc, char *argv[])
{
  g_autoptr(FacturesStore) store = NULL;
  gint64 client;

  /* A process without a window, set up as factures-cli's (factures-cli-main.c). */
  factures_output_init_headless ();
  if (argc < 3)
    {
      g_printerr ("usage: bench-issue drafts DB | bench-issue prepare DB N | bench-issue issue DB [N]\n");
      return 2;
    }
  if (strcmp (argv[1], "issue") == 0 && argc == 3)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ids = NULL;

      /* The drafts exist, as when a user issues them: only the open and the issues are timed. */
      store = factures_store_open (argv[2], &error);
      if (store == NULL)
        g_error ("%s", error->message);
      ids = factures_store_select_ids (store, "SELECT id FROM documents WHERE status = 0 ORDER BY id", &error);
      if (ids == NULL)
        g_error ("%s", error->message);
      issue_all (store, ids);
      g_print ("%u invoices issued\n", ids->len);
      return 0;
    }
  store = new_store (argv[2], &client);
  if (strcmp (argv[1], "prepare") == 0 && argc > 3)
    {
      int n = atoi (argv[3]);

      for (int i = 0; i < n; i++)
        draft (store, client, 10);
      /* Everything in the main file: the benchmark copies it alone before each run. */
      if (sqlite3_wal_checkpoint_v2 (factures_store_get_db (store), NULL, SQLITE_CHECKPOINT_TRUNCATE,
                                     NULL, NULL) != SQLITE_OK)
        g_error ("checkpoint: %s", sqlite3_errmsg (factures_store_get_db (store)));
      return 0;
    }
  if (strcmp (argv[1], "drafts") == 0)
    {
      gint64 ten = draft (store, client, 10);
      gint64 five_hundred = draft (store, client, 500);

      g_print ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n", ten, five_hundred);
      return 0;
    }
  if (strcmp (argv[1], "issue") == 0 && argc > 3)
    {
      int n = atoi (argv[3]);
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      for (int i = 0; i < n; i++)
        {
          gint64 id = draft (store, client, 10);
          g_array_append_val (ids, id);
        }
      issue_all (store, ids);
      g_print ("%d invoices issued\n", n);
      return 0;
    }
  return 2;
}
