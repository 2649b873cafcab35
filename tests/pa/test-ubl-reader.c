/* test-ubl-reader.c — UBL 2.1 invoices and credit notes read into the CII model (issue 14)
 *
 * Every official EN 16931 UBL example of the reference data opens through the same door as
 * a Factur-X or CII file (factures_invoice_file_open), with its number, kind, parties and
 * totals; example 1 reads the same as its CII twin; the credit note is a 381 whose figures
 * add up; what is not UBL is still refused. Skipped without the reference data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "factures-cii-reader.h"
#include "factures-error.h"
#include "factures-ubl-reader.h"

static char *
reference (const char *folder,
           const char *name)
{
  const char *root = g_getenv ("FACTURES_REFERENCE_DATA");
  char *path;

  if (root == NULL)
    return NULL;
  path = g_build_filename (root, folder, "examples", name, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_free (path);
      return NULL;
    }
  return path;
}

static FacturesInvoiceFile *
open_path (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize size = 0;
  g_autoptr(GBytes) bytes = NULL;
  FacturesInvoiceFile *file;

  g_assert_true (g_file_get_contents (path, &data, &size, &error));
  bytes = g_bytes_new_take (g_steal_pointer (&data), size);
  file = factures_invoice_file_open (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (file);
  return file;
}

static void
test_every_example (void)
{
  g_autofree char *probe = reference ("01_en16931_ubl", "ubl-tc434-example1.xml");
  g_autofree char *dir = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint n = 0;

  if (probe == NULL)
    {
      g_test_skip ("no reference data (01_en16931_ubl)");
      return;
    }
  dir = g_path_get_dirname (probe);
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(FacturesInvoiceFile) file = open_path (path);
      g_autofree char *report = factures_invoice_file_report (file, NULL);

      g_test_message ("%s: %s", name, file->imported != NULL ? file->imported->number : "-");
      g_assert_nonnull (file->imported);
      g_assert_nonnull (file->imported->number);
      g_assert_true (file->imported->type_code == 380 || file->imported->type_code == 381);
      g_assert_nonnull (file->imported->seller.name);
      g_assert_nonnull (file->imported->buyer.name);
      g_assert_nonnull (file->imported->grand_total);
      g_assert_nonnull (file->imported->due_payable);
      g_assert_cmpuint (file->imported->lines->len, >, 0);
      g_assert_cmpuint (file->imported->vat->len, >, 0);
      g_assert_true (g_date_valid (&file->imported->issue_date));
      g_assert_cmpuint (file->xsd_problems->len, ==, 0);
      g_assert_nonnull (strstr (report, "(UBL XML)"));
      n++;
    }
  g_assert_cmpuint (n, ==, 18);
}

static gint64
cents (const char *text)
{
  gint64 v = 0;

  g_assert_true (factures_decimal_parse (text, 2, &v, NULL));
  return v;
}

static void
test_same_as_cii (void)
{
  g_autofree char *ubl_path = reference ("01_en16931_ubl", "ubl-tc434-example1.xml");
  g_autofree char *cii_path = reference ("01_en16931_cii", "CII_example1.xml");
  g_autoptr(FacturesInvoiceFile) ubl = NULL;
  g_autoptr(FacturesInvoiceFile) cii = NULL;
  guint i;

  if (ubl_path == NULL || cii_path == NULL)
    {
      g_test_skip ("no reference data");
      return;
    }
  ubl = open_path (ubl_path);
  cii = open_path (cii_path);
  g_assert_cmpstr (ubl->imported->number, ==, cii->imported->number);
  g_assert_cmpint (ubl->imported->type_code, ==, cii->imported->type_code);
  g_assert_cmpstr (ubl->imported->issue_date_text, ==, cii->imported->issue_date_text);
  g_assert_cmpstr (ubl->imported->currency, ==, cii->imported->currency);
  g_assert_cmpstr (ubl->imported->seller.name, ==, cii->imported->seller.name);
  g_assert_cmpstr (ubl->imported->buyer.name, ==, cii->imported->buyer.name);
  g_assert_cmpstr (ubl->imported->seller.vat_id, ==, cii->imported->seller.vat_id);
  g_assert_cmpstr (ubl->imported->seller.city, ==, cii->imported->seller.city);
  g_assert_cmpint (cents (ubl->imported->line_total), ==, cents (cii->imported->line_total));
  g_assert_cmpint (cents (ubl->imported->tax_basis_total), ==, cents (cii->imported->tax_basis_total));
  g_assert_cmpint (cents (ubl->imported->tax_total), ==, cents (cii->imported->tax_total));
  g_assert_cmpint (cents (ubl->imported->grand_total), ==, cents (cii->imported->grand_total));
  g_assert_cmpint (cents (ubl->imported->due_payable), ==, cents (cii->imported->due_payable));
  g_assert_cmpuint (ubl->imported->lines->len, ==, cii->imported->lines->len);
  g_assert_cmpuint (ubl->imported->vat->len, ==, cii->imported->vat->len);
  for (i = 0; i < ubl->imported->vat->len; i++)
    {
      const FacturesImportedVat *a = g_ptr_array_index (ubl->imported->vat, i);
      const FacturesImportedVat *b = g_ptr_array_index (cii->imported->vat, i);

      g_assert_cmpstr (a->category, ==, b->category);
      g_assert_cmpint (cents (a->basis), ==, cents (b->basis));
      g_assert_cmpint (cents (a->amount), ==, cents (b->amount));
    }
  /* The same figure problems (the official example's line 20 sign). */
  g_assert_cmpuint (ubl->figure_problems->len, ==, cii->figure_problems->len);
}

static void
test_credit_note (void)
{
  g_autofree char *path = reference ("01_en16931_ubl", "ubl-tc434-creditnote1.xml");
  g_autoptr(FacturesInvoiceFile) file = NULL;

  if (path == NULL)
    {
      g_test_skip ("no reference data");
      return;
    }
  file = open_path (path);
  g_assert_cmpint (file->imported->type_code, ==, 381);
  /* This example cites no invoice (no cac:BillingReference). */
  g_assert_null (file->imported->preceding_number);
  g_assert_cmpuint (file->figure_problems->len, ==, 0);
}

static void
test_refused (void)
{
  const char *not_ubl = "<?xml version=\"1.0\"?><Invoice xmlns=\"urn:example:other\"><ID>1</ID></Invoice>";
  const char *doctype = "<?xml version=\"1.0\"?><!DOCTYPE Invoice [<!ENTITY x \"y\">]>"
                        "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"/>";
  const char *no_number = "<?xml version=\"1.0\"?><Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\""
                          " xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">"
                          "<cbc:IssueDate>2026-12-06</cbc:IssueDate></Invoice>";
  g_autoptr(GBytes) a = g_bytes_new_static (not_ubl, strlen (not_ubl));
  g_autoptr(GBytes) b = g_bytes_new_static (doctype, strlen (doctype));
  g_autoptr(GBytes) c = g_bytes_new_static (no_number, strlen (no_number));
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesImported) imported = NULL;

  g_assert_false (factures_ubl_is_ubl (a));
  imported = factures_ubl_read (a, &error);
  g_assert_null (imported);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT);
  g_clear_error (&error);
  imported = factures_ubl_read (b, &error);
  g_assert_null (imported);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT);
  g_clear_error (&error);
  imported = factures_ubl_read (c, &error);
  g_assert_null (imported);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_add_func ("/ubl/every-official-example", test_every_example);
  g_test_add_func ("/ubl/same-as-cii", test_same_as_cii);
  g_test_add_func ("/ubl/credit-note", test_credit_note);
  g_test_add_func ("/ubl/refused", test_refused);
  return g_test_run ();
}
