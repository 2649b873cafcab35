/* factures-cli-facturx.c — the command-line options of issue 6 (Factur-X)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "factures-cli.h"
#include "factures-cli-facturx.h"
#include "factures-cii-reader.h"
#include "factures-facturx.h"
#include "factures-imported-text.h"
#include "factures-store.h"
#include "factures-store-facturx.h"
#include "factures-store-facturx-drafts.h"
#include "factures-store-numbering.h"

static const GOptionEntry entries[] = {
  { "check-facturx", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check a Factur-X PDF or CII XML FILE (XSD of its profile, PDF/A-3 structure, figures); print each problem"), N_("FILE") },
  { "validate", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, NULL,
    N_("Same as --check-facturx"), N_("FILE") },
  { "import-facturx", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import a Factur-X PDF or CII XML FILE, as --as=history (default) or --as=draft"), N_("FILE") },
  { "import-invoice", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, NULL,
    N_("Same as --import-facturx"), N_("FILE") },
  { "as", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("How --import-facturx keeps the invoice: history or draft"), N_("MODE") },
  { "export-facturx", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write the Factur-X file of the issued document NUMBER to the --output file"), N_("NUMBER") },
  { NULL }
};

/**
 * factures_cli_facturx_add_options:
 * @application: the application
 */
void
factures_cli_facturx_add_options (GApplication *application)
{
  g_application_add_main_option_entries (application, entries);
}

/**
 * factures_cli_facturx_wanted:
 * @options: the parsed options
 *
 * Returns: TRUE when a Factur-X option was given
 */
gboolean
factures_cli_facturx_wanted (GVariantDict *options)
{
  return g_variant_dict_contains (options, "check-facturx") || g_variant_dict_contains (options, "validate")
         || g_variant_dict_contains (options, "import-facturx") || g_variant_dict_contains (options, "import-invoice")
         || g_variant_dict_contains (options, "export-facturx");
}

static int
fail (const char *message)
{
  g_printerr (_("factures: %s\n"), message);
  return 1;
}

static FacturesInvoiceFile *
open_file (const char *path, int *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) gfile = g_file_new_for_commandline_arg (path);
  FacturesInvoiceFile *file;

  /* A file above the limit is refused from its size, before it is read. */
  bytes = factures_invoice_file_load (gfile, &error);
  if (bytes == NULL)
    {
      g_autofree char *message = g_error_matches (error, FACTURES_ERROR, FACTURES_ERROR_OVERFLOW)
                                 ? g_strdup_printf (_("“%s” is not a Factur-X or CII invoice: %s"), path, error->message)
                                 : g_strdup_printf (_("Cannot read “%s”: %s"), path, error->message);

      *status = fail (message);
      return NULL;
    }
  file = factures_invoice_file_open (bytes, &error);
  if (file == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a Factur-X or CII invoice: %s"), path, error->message);

      *status = fail (message);
    }
  return file;
}

static int
check (const char *path)
{
  int status = 0;
  g_autoptr(FacturesInvoiceFile) file = open_file (path, &status);
  g_autofree char *report = NULL;
  guint n = 0;

  if (file == NULL)
    return status;
  report = factures_invoice_file_report (file, &n);
  g_print ("%s", report);
  return n == 0 ? 0 : 1;
}

static FacturesStore *
open_store (const char *database, gboolean write, int *status)
{
  /* issue 10: a read-only command never creates or converts a database; 30 s for a lock */
  return factures_cli_open_store (database, write, status);
}

static int
import (const char *database, const char *path, const char *mode)
{
  int status = 0;
  g_autoptr(FacturesInvoiceFile) file = NULL;
  g_autoptr(FacturesStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (path);
  gboolean draft;

  if (mode == NULL || g_str_equal (mode, "history"))
    draft = FALSE;
  else if (g_str_equal (mode, "draft"))
    draft = TRUE;
  else
    return fail (_("--as takes history or draft."));

  file = open_file (path, &status);
  if (file == NULL)
    return status;
  if (file->xsd_problems->len > 0)
    {
      g_autofree char *report = factures_invoice_file_report (file, NULL);

      g_printerr ("%s", report);
      return fail (_("The file does not pass its XML schema: nothing was imported."));
    }
  /* An amount beyond what the app holds, a date that is not one, a number or a text above
   * its limit: refused before the database is opened. */
  if (!factures_invoice_file_check_importable (file, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Refused: %s Nothing was imported."), error->message);

      return fail (message);
    }
  store = open_store (database, TRUE, &status);
  if (store == NULL)
    return status;

  if (draft)
    {
      /* Re-invoicing the same file twice can be meant: not refused, but said. */
      g_autoptr(GArray) before = factures_store_find_import_drafts (store, file->imported->number, NULL);
      gint64 id = factures_store_import_draft (store, file->imported, &error);
      g_autoptr(FacturesDocument) made = NULL;
      const char *client = NULL;

      if (id == 0)
        {
          g_autofree char *message = g_strdup_printf (_("Refused as a draft: %s"), error->message);

          return fail (message);
        }
      made = factures_store_get_document (store, id, NULL);
      if (made != NULL && made->buyer != NULL)
        client = made->buyer->party.name;
      if (made != NULL && made->kind == FACTURES_DOCUMENT_KIND_CREDIT_NOTE)
        g_print (_("Credit note %s imported as a draft credit note for %s, citing invoice %s.\n"),
                 file->imported->number, client != NULL ? client : "?",
                 made->cites != NULL && made->cites->number != NULL ? made->cites->number
                 : file->imported->preceding_number);
      else if (made != NULL && made->kind == FACTURES_DOCUMENT_KIND_DEPOSIT)
        g_print (_("Deposit invoice %s imported as a draft deposit invoice for %s.\n"), file->imported->number,
                 client != NULL ? client : "?");
      else
        g_print (_("Invoice %s imported as a draft invoice for %s.\n"), file->imported->number,
                 client != NULL ? client : "?");
      if (before != NULL && before->len > 0)
        g_printerr (ngettext ("Warning: a draft already re-invoiced invoice %s; this is a second one.\n",
                              "Warning: %2$u drafts already re-invoiced invoice %1$s; this is one more.\n",
                              before->len),
                    file->imported->number, before->len);
    }
  else
    {
      FacturesImportedDirection direction = FACTURES_IMPORTED_PURCHASE;
      gint64 id = factures_store_import_history (store, file->imported, file->original, name, file->is_pdf,
                                                 file->xml, factures_cii_profile_conformance_level (file->profile),
                                                 file->figure_problems, &direction, &error);

      if (id == 0)
        {
          g_autofree char *message = g_strdup_printf (_("Import of “%s” failed: %s"), path, error->message);

          return fail (message);
        }
      g_print (direction == FACTURES_IMPORTED_SALE
               ? _("Invoice %s kept in the client's history.\n")
               : factures_imported_type_is_credit_note (file->imported->type_code)
               ? _("Credit note %s kept in the purchases: it reduces them (imported purchase credit note).\n")
               : _("Invoice %s kept in the purchases (received invoices).\n"), file->imported->number);
      if (direction == FACTURES_IMPORTED_SALE)
        {
          /* An own sale of a series' pattern: the numbering continues after it (issue 10). */
          g_autofree char *note = factures_store_numbering_note (store, file->imported->number);

          if (note != NULL)
            g_print ("%s\n", note);
        }
      for (guint i = 0; i < file->figure_problems->len; i++)
        g_print (_("Warning: %s\n"), (const char *) file->figure_problems->pdata[i]);
    }
  return 0;
}

/**
 * factures_cli_facturx_export_imported:
 * (see factures-cli-facturx.h)
 */
int
factures_cli_facturx_export_imported (FacturesStore *store,
                                      const char    *number,
                                      const char    *output)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gboolean is_pdf = FALSE;
  gint64 id = factures_store_find_imported (store, number, &is_pdf, NULL);

  if (id == 0)
    return -1;
  /* An imported invoice exports again under its number: its original PDF, or for an
   * XML alone a "Duplicata" PDF of its figures carrying that XML unchanged. */
  if (is_pdf)
    bytes = factures_store_get_imported_original (store, id, &error);
  else
    {
      g_autoptr(GBytes) xml = factures_store_get_imported_xml (store, id, &error);

      if (xml != NULL)
        bytes = factures_invoice_duplicata_from_xml (xml, &error);
      if (bytes == NULL && error != NULL)
        {
          g_autofree char *message = g_strdup_printf (_("Imported invoice %s came as an XML file alone and no "
                                                        "Duplicata PDF can be drawn from it: %s"),
                                                      number, error->message);

          return fail (message);
        }
    }
  if (bytes == NULL)
    return fail (error->message);
  if (!g_file_set_contents (output, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot write “%s”: %s"), output, error->message);

      return fail (message);
    }
  return 0;
}

static int
export (const char *database, const char *number, const char *output)
{
  int status = 0;
  g_autoptr(FacturesStore) store = NULL;
  g_autoptr(FacturesDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (output == NULL)
    return fail (_("--export-facturx needs --output=FILE: where to write the file."));
  store = open_store (database, FALSE, &status);
  if (store == NULL)
    return status;
  document = factures_store_find_document (store, number, &error);
  g_clear_error (&error);
  if (document == NULL)
    {
      int imported = factures_cli_facturx_export_imported (store, number, output);

      if (imported >= 0)
        return imported;
    }
  if (document == NULL || document->status != FACTURES_DOCUMENT_STATUS_ISSUED)
    {
      g_autofree char *message = g_strdup_printf (_("No issued document numbered “%s”."), number);

      return fail (message);
    }
  if (document->kind == FACTURES_DOCUMENT_KIND_QUOTE)
    return fail (_("A quote has no Factur-X file."));
  bytes = factures_store_get_original (store, document->id, &error);
  if (bytes == NULL)
    return fail (error->message);
  /* The stored original is the Factur-X file (since issue 6). */
  {
    g_autoptr(GBytes) xml = factures_facturx_extract_xml (bytes, NULL, NULL);

    if (xml == NULL)
      return fail (_("This document was issued before Factur-X: its stored PDF carries no XML."));
  }
  if (!g_file_set_contents (output, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot write “%s”: %s"), output, error->message);

      return fail (message);
    }
  return 0;
}

/**
 * factures_cli_facturx_run:
 * @database: (nullable): the database path, NULL for the default one
 * @options: the parsed options
 *
 * Returns: the exit status
 */
int
factures_cli_facturx_run (const char   *database,
                          GVariantDict *options)
{
  const char *check_path = NULL;
  const char *import_path = NULL;
  const char *mode = NULL;
  const char *number = NULL;
  const char *output = NULL;

  if (!g_variant_dict_lookup (options, "check-facturx", "^&ay", &check_path))
    g_variant_dict_lookup (options, "validate", "^&ay", &check_path);
  if (!g_variant_dict_lookup (options, "import-facturx", "^&ay", &import_path))
    g_variant_dict_lookup (options, "import-invoice", "^&ay", &import_path);
  g_variant_dict_lookup (options, "as", "&s", &mode);
  g_variant_dict_lookup (options, "export-facturx", "&s", &number);
  g_variant_dict_lookup (options, "output", "^&ay", &output);

  if (check_path != NULL)
    return check (check_path);
  if (import_path != NULL)
    return import (database, import_path, mode);
  if (number != NULL)
    return export (database, number, output);
  return fail (_("--as goes with --import-facturx=FILE."));
}
