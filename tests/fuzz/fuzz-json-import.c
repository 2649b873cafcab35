/* fuzz-json-import.c — libFuzzer target: bytes as a JSON file for factures_store_import_json()
 *
 * Each input is imported twice: into an empty database (full restore) and into
 * a database with one client (clients and drafts added). A refused file must
 * leave the database as it was; an accepted one is imported and the database
 * is made again, so that every input meets the same two databases. GLib
 * criticals abort (a g_return_if_fail reached by a file is a bug).
 *
 * Built with -Dfuzzing=true (tests/fuzz/meson.build); build-aux/dev test runs it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "factures-store.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *dir;
static char *json_path;
static FacturesStore *stores[2];

static void
remove_database (const char *path)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autofree char *base = g_path_get_basename (path);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, base))
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_unlink (file);
      }
}

/* Database @i made anew: 0 empty, 1 with a client. */
static void
make_store (guint i)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("db%u.db", i);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_clear_object (&stores[i]);
  remove_database (path);
  stores[i] = factures_store_open (path, &error);
  if (stores[i] == NULL)
    g_error ("cannot open %s: %s", path, error->message);
  if (i == 1)
    {
      g_autoptr(FacturesClient) client = factures_client_new ();

      client->party.name = g_strdup ("Client déjà là");
      if (!factures_store_save_client (stores[i], client, &error))
        g_error ("cannot save the client: %s", error->message);
    }
}

static void
clean_up (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (stores); i++)
    g_clear_object (&stores[i]);
  if (dir != NULL)
    {
      remove_database ("db");
      g_unlink (json_path);
      g_rmdir (dir);
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  const char *base = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir ();
  g_autofree char *template = g_build_filename (base, "fuzz-json-XXXXXX", NULL);

  g_setenv ("FACTURES_TODAY", "2026-07-01", TRUE);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR);
  dir = g_mkdtemp (g_steal_pointer (&template));
  if (dir == NULL)
    g_error ("cannot make a temporary folder");
  json_path = g_build_filename (dir, "input.json", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (stores); i++)
    make_store (i);
  atexit (clean_up);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  if (!g_file_set_contents (json_path, (const char *) data, (gssize) size, NULL))
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (stores); i++)
    {
      g_autoptr(GError) error = NULL;

      if (factures_store_import_json (stores[i], json_path, &error))
        make_store (i);
      else if (error == NULL || error->message == NULL)
        abort ();  /* a refusal always says why */
    }
  return 0;
}
