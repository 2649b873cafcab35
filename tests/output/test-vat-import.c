/* test-vat-import.c — the Factur-X/CII importer keeps every VAT category (issue 13 item 7)
 *
 * - Every public CII sample of the reference data with a category Z, K, O, AE or G (they used to
 *   fail "VAT category … is not handled (only S and E)") is exported again as a Duplicata PDF
 *   carrying its XML, unless the file is refused for another reason the app states (a currency
 *   other than the euro, document charges, figures that do not add up);
 * - our own files for AE and G (tests/data/facturx/vat-ae.xml, vat-g.xml; the public set has
 *   none), and the public K, Z and O ones, become draft lines with their category, VATEX code
 *   (BT-121) and mention (BT-120);
 * - the Factur-X draft door goes through the editor's checks: our K file (vat-k.xml) becomes a
 *   draft with its K line for a VAT-registered seller, and is refused, nothing stored, for a
 *   seller in franchise en base (art. 262 ter I excludes 293 B sellers).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "factures-cii-reader.h"
#include "factures-facturx.h"
#include "factures-imported.h"
#include "factures-store.h"
#include "factures-store-facturx.h"
#include "factures-vat.h"

static gboolean
has_other_category (const FacturesImported *imported, GString *seen)
{
  gboolean other = FALSE;

  for (guint i = 0; i < imported->lines->len; i++)
    {
      const FacturesImportedLine *line = imported->lines->pdata[i];

      if (line->vat_category != NULL && strcmp (line->vat_category, "S") != 0 &&
          strcmp (line->vat_category, "E") != 0)
        {
          other = TRUE;
          if (strstr (seen->str, line->vat_category) == NULL)
            g_string_append_printf (seen, "%s ", line->vat_category);
        }
    }
  for (guint i = 0; i < imported->vat->len; i++)
    {
      const FacturesImportedVat *vat = imported->vat->pdata[i];

      if (vat->category != NULL && strcmp (vat->category, "S") != 0 && strcmp (vat->category, "E") != 0)
        {
          other = TRUE;
          if (strstr (seen->str, vat->category) == NULL)
            g_string_append_printf (seen, "%s ", vat->category);
        }
    }
  return other;
}

static void
collect (const char *dir, GPtrArray *out)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect (path, out);
      else if (g_str_has_suffix (name, ".xml"))
        g_ptr_array_add (out, g_steal_pointer (&path));
    }
}

static void
test_public_samples (void)
{
  const char *ref = g_getenv ("FACTURES_REFERENCE_DATA");
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) seen = g_string_new (NULL);
  guint n_other = 0, n_exported = 0;

  if (ref == NULL || !g_file_test (ref, G_FILE_TEST_IS_DIR))
    {
      if (g_getenv ("CI") != NULL)
        g_error ("FACTURES_REFERENCE_DATA is missing under CI");
      g_test_skip ("FACTURES_REFERENCE_DATA is not set");
      return;
    }
  collect (ref, files);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *text = NULL;
      gsize len = 0;
      g_autoptr(GBytes) xml = NULL;
      g_autoptr(FacturesImported) imported = NULL;
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *base = g_path_get_basename (files->pdata[i]);

      if (!g_file_get_contents (files->pdata[i], &text, &len, NULL) ||
          strstr (text, "CrossIndustryInvoice") == NULL)
        continue;
      xml = g_bytes_new_take (g_steal_pointer (&text), len);
      imported = factures_cii_read (xml, NULL);
      if (imported == NULL || !has_other_category (imported, seen))
        continue;
      n_other++;
      pdf = factures_invoice_duplicata_from_xml (xml, &error);
      if (pdf == NULL)
        {
          g_test_message ("%s: no Duplicata: %s", base, error->message);
          /* Never because of its VAT category any more. */
          g_assert_null (strstr (error->message, "not handled"));
          continue;
        }
      g_test_message ("%s: exported again", base);
      n_exported++;
      {
        g_autoptr(GBytes) back = factures_facturx_extract_xml (pdf, NULL, &error);

        g_assert_no_error (error);
        g_assert_true (g_bytes_equal (back, xml));
      }
    }
  g_test_message ("%u samples with Z, K, O, AE or G (%s), %u exported again", n_other, seen->str, n_exported);
  /* The public set has K (in BG-23 rows of files with document charges, which a Duplicata cannot
   * draw yet), Z and O (on lines): each is seen, and the files refused only for other reasons. */
  g_assert_nonnull (strstr (seen->str, "K"));
  g_assert_nonnull (strstr (seen->str, "Z"));
  g_assert_nonnull (strstr (seen->str, "O"));
  g_assert_cmpuint (n_exported, >=, 2);
}

/* Issue 13 item 4: the public samples in another currency than the euro (GBP, USD, SEK…) used
 * to be refused "a draft must be in euros"; each is now drawn again as a Duplicata carrying its
 * XML unless refused for another reason the app states, its amounts printed in its currency. */
static void
test_non_eur_samples (void)
{
  const char *ref = g_getenv ("FACTURES_REFERENCE_DATA");
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  guint n_foreign = 0, n_exported = 0;

  if (ref == NULL || !g_file_test (ref, G_FILE_TEST_IS_DIR))
    {
      if (g_getenv ("CI") != NULL)
        g_error ("FACTURES_REFERENCE_DATA is missing under CI");
      g_test_skip ("FACTURES_REFERENCE_DATA is not set");
      return;
    }
  collect (ref, files);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *text = NULL;
      gsize len = 0;
      g_autoptr(GBytes) xml = NULL;
      g_autoptr(FacturesImported) imported = NULL;
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *base = g_path_get_basename (files->pdata[i]);

      if (!g_file_get_contents (files->pdata[i], &text, &len, NULL) ||
          strstr (text, "CrossIndustryInvoice") == NULL)
        continue;
      xml = g_bytes_new_take (g_steal_pointer (&text), len);
      imported = factures_cii_read (xml, NULL);
      if (imported == NULL || imported->currency == NULL || strcmp (imported->currency, "EUR") == 0)
        continue;
      n_foreign++;
      pdf = factures_invoice_duplicata_from_xml (xml, &error);
      if (pdf == NULL)
        {
          g_test_message ("%s (%s): no Duplicata: %s", base, imported->currency, error->message);
          /* Never because of its currency when it has two decimals. */
          g_assert_null (strstr (error->message, "euros"));
          continue;
        }
      g_test_message ("%s (%s): exported again", base, imported->currency);
      n_exported++;
      {
        g_autoptr(GBytes) back = factures_facturx_extract_xml (pdf, NULL, &error);
        g_autofree char *tmp = NULL;
        g_autofree char *out = NULL;
        int fd = g_file_open_tmp ("non-eur-XXXXXX.pdf", &tmp, &error);
        const char *argv[] = { "pdftotext", "-enc", "UTF-8", tmp, "-", NULL };

        g_assert_no_error (error);
        g_assert_true (g_bytes_equal (back, xml));
        close (fd);
        g_assert_true (g_file_set_contents (tmp, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
        g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                     NULL, NULL, &out, NULL, NULL, NULL));
        g_unlink (tmp);
        /* the grand total in the file's currency, never in euros */
        g_assert_nonnull (strstr (out, imported->currency));
      }
    }
  g_test_message ("%u samples in another currency, %u exported again", n_foreign, n_exported);
  g_assert_cmpuint (n_foreign, >=, 5);
  g_assert_cmpuint (n_exported, >=, 3);
}

/* A file of tests/data/facturx (or the reference data) read as draft lines. */
static GPtrArray *
draft_lines (const char *path, gboolean *out_exempt)
{
  g_autofree char *text = NULL;
  gsize len = 0;
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(FacturesImported) imported = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *lines = NULL;
  gint64 allowance = 0;

  g_assert_true (g_file_get_contents (path, &text, &len, &error));
  xml = g_bytes_new_take (g_steal_pointer (&text), len);
  imported = factures_cii_read (xml, &error);
  g_assert_no_error (error);
  g_assert_true (factures_imported_to_lines (imported, &lines, &allowance, out_exempt, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GBytes) pdf = factures_invoice_duplicata_from_xml (xml, &error);

    g_assert_no_error (error);
    g_assert_nonnull (pdf);
  }
  return lines;
}

static void
test_own_files (void)
{
  const char *data = g_getenv ("FACTURES_TEST_DATA");
  struct {
    const char *file;
    FacturesVatCategory category;
    const char *vatex;
    const char *reason;
  } cases[] = {
    { "vat-ae.xml", FACTURES_VAT_CATEGORY_AE, FACTURES_VATEX_EU_AE, "Autoliquidation" },
    { "vat-g.xml", FACTURES_VAT_CATEGORY_G, FACTURES_VATEX_EU_G, "Exonération de TVA, art. 262 I du CGI" },
  };

  g_assert_nonnull (data);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (data, "facturx", cases[i].file, NULL);
      gboolean exempt = TRUE;
      g_autoptr(GPtrArray) lines = draft_lines (path, &exempt);
      const FacturesLine *line = lines->pdata[0];

      g_assert_false (exempt);
      g_assert_cmpint (line->vat_category, ==, cases[i].category);
      g_assert_cmpint (line->vat_rate_bp, ==, 0);
      g_assert_cmpstr (line->vatex, ==, cases[i].vatex);
      g_assert_cmpstr (line->exemption_reason, ==, cases[i].reason);
    }
}

static char *
dump_hash (const char *db_path)
{
  g_autofree char *out = NULL;
  const char *argv[] = { "sqlite3", db_path, ".dump", NULL };
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, out, -1);
}

static void
test_draft_door (void)
{
  const char *data = g_getenv ("FACTURES_TEST_DATA");
  g_autofree char *path = g_build_filename (data, "facturx", "vat-k.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vat-import-XXXXXX", &error);
  g_autofree char *text = NULL;
  gsize len = 0;
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(FacturesImported) imported = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, &len, &error));
  xml = g_bytes_new_take (g_steal_pointer (&text), len);
  imported = factures_cii_read (xml, &error);
  g_assert_no_error (error);

  for (guint registered = 0; registered < 2; registered++)
    {
      g_autofree char *name = g_strdup_printf ("%u.db", registered);
      g_autofree char *db = g_build_filename (dir, name, NULL);
      g_autoptr(FacturesStore) store = factures_store_open (db, &error);
      g_autoptr(FacturesProfile) profile = factures_profile_new ();
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      gint64 id;

      g_assert_no_error (error);
      profile->party.name = g_strdup ("Camille Martin EI");
      profile->party.vat_id = g_strdup ("FR44732829320");
      profile->vat_regime = registered ? FACTURES_VAT_REGIME_REGISTERED : FACTURES_VAT_REGIME_FRANCHISE;
      g_assert_true (factures_store_save_profile (store, profile, &error));
      g_assert_no_error (error);
      before = dump_hash (db);
      id = factures_store_import_draft (store, imported, &error);
      if (registered)
        {
          g_autoptr(FacturesDocument) draft = NULL;
          const FacturesLine *line;

          g_assert_no_error (error);
          g_assert_cmpint (id, >, 0);
          draft = factures_store_get_document (store, id, &error);
          g_assert_no_error (error);
          line = draft->lines->pdata[0];
          g_assert_cmpint (line->vat_category, ==, FACTURES_VAT_CATEGORY_K);
          g_assert_cmpstr (line->vatex, ==, FACTURES_VATEX_EU_IC);
        }
      else
        {
          g_assert_cmpint (id, ==, 0);
          g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
          g_test_message ("%s", error->message);
          g_assert_nonnull (strstr (error->message, "262 ter I"));
          g_clear_error (&error);
          after = dump_hash (db);
          g_assert_cmpstr (before, ==, after);
        }
      g_clear_object (&store);
      {
        g_autofree char *wal = g_strconcat (db, "-wal", NULL);
        g_autofree char *shm = g_strconcat (db, "-shm", NULL);

        g_unlink (db);
        g_unlink (wal);
        g_unlink (shm);
      }
    }
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/vat-import/non-eur-samples", test_non_eur_samples);
  g_test_add_func ("/vat-import/public-samples", test_public_samples);
  g_test_add_func ("/vat-import/own-files", test_own_files);
  g_test_add_func ("/vat-import/draft-door", test_draft_door);
  return g_test_run ();
}
