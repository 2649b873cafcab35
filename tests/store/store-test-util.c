/* store-test-util.c — fixtures shared by the store tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "store-test-util.h"

char *
store_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("factures-store-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

char *
store_test_db_path (const char *dir)
{
  return g_build_filename (dir, "sub", "factures.db", NULL);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR))
            remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

void
store_test_remove_dir (const char *dir)
{
  /* FACTURES_TEST_KEEP=1 leaves the files for a look. */
  if (g_getenv ("FACTURES_TEST_KEEP") != NULL)
    {
      g_test_message ("kept %s", dir);
      return;
    }
  remove_tree (dir);
}

FacturesProfile *
store_test_profile (void)
{
  FacturesProfile *profile = factures_profile_new ();

  profile->party.name = g_strdup ("Camille Martin EI");
  profile->party.address = g_strdup ("12 rue des Lilas");
  profile->party.postal_code = g_strdup ("69003");
  profile->party.city = g_strdup ("Lyon");
  profile->party.siren = g_strdup ("732829320");
  profile->party.email = g_strdup ("camille@example.org");
  profile->registry = FACTURES_REGISTRY_NONE;
  profile->activity = FACTURES_ACTIVITY_SERVICES;
  profile->vat_regime = FACTURES_VAT_REGIME_FRANCHISE;
  profile->default_terms.kind = FACTURES_TERMS_DAYS;
  profile->default_terms.days = 30;
  return profile;
}

FacturesClient *
store_test_client (const char *name)
{
  FacturesClient *client = factures_client_new ();

  client->party.name = g_strdup (name);
  client->party.address = g_strdup ("3 avenue Foch");
  client->party.postal_code = g_strdup ("75016");
  client->party.city = g_strdup ("Paris");
  client->party.siren = g_strdup ("552081317");
  client->party.email = g_strdup ("compta@example.com");
  client->category = FACTURES_CLIENT_CATEGORY_COMPANY;
  return client;
}

FacturesDocument *
store_test_draft (gint64      client_id,
                  const char *iso_date,
                  guint       n_lines)
{
  FacturesDocument *document = factures_document_new (FACTURES_DOCUMENT_KIND_INVOICE);

  document->client_id = client_id;
  g_assert_true (factures_date_parse_iso (iso_date, &document->issue_date, NULL));
  for (guint i = 0; i < n_lines; i++)
    {
      FacturesLine *line = factures_line_new ();

      g_free (line->description);
      line->description = g_strdup_printf ("Développement, étape %u", i + 1);
      line->quantity = FACTURES_QUANTITY_ONE;
      line->unit = g_strdup ("h");
      line->unit_price = 100 * FACTURES_UNIT_PRICE_ONE;
      g_ptr_array_add (document->lines, line);
    }
  return document;
}

GBytes *
store_test_render (const FacturesDocument *document,
                   gpointer                user_data,
                   GError                **error)
{
  char *text = g_strdup_printf ("%%PDF-1.4\n%% fake original of %s\n%%%%EOF\n", document->number);

  if (user_data != NULL)
    (*(guint *) user_data)++;
  return g_bytes_new_take (text, strlen (text));
}

/* Under /dev/shm when it is there: issuing 1,000 documents with synchronous=FULL
 * then costs no disk flush. */
char *
store_test_make_fast_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir;

  if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) && g_access ("/dev/shm", W_OK) == 0)
    {
      g_autofree char *template = g_build_filename ("/dev/shm", "factures-store-XXXXXX", NULL);

      dir = g_mkdtemp (g_steal_pointer (&template));
      if (dir != NULL)
        return dir;
    }

  dir = g_dir_make_tmp ("factures-store-XXXXXX", &error);
  g_assert_no_error (error);
  return dir;
}
