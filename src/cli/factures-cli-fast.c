/* factures-cli-fast.c — the factures-cli binary: listings and draft PDFs in a light process
 *
 * Issue 12 item 3/4: `factures-cli --list-overdue` within 1.5× of one sqlite3 query, and the
 * render of a draft within 2× of a bare cairo+pango program, whole process. Most of the time of
 * the full command line went to loading its 85 shared libraries before main() (perf: 46 % in
 * the dynamic linker's symbol lookups, 39 % in the kernel mapping them; SQLite 9 %): mail
 * (GMime, libcurl, libsecret, Kerberos…), Factur-X (libxml2, ICU, qpdf, poppler), and for a
 * listing the PDF renderer too. Built twice:
 *  - factures-cli links only the store (GLib, SQLite, JSON-GLib: about 15 libraries) and runs
 *    --list-overdue itself; --export-pdf goes to factures-cli-pdf;
 *  - factures-cli-pdf (FACTURES_CLI_WITH_PDF) adds the PDF renderer (the libraries the bare
 *    cairo+pango program loads) and runs --export-pdf of a document;
 * every other command line goes, unchanged, to factures-cli-full (the whole command line,
 * factures-cli.c: the same options as `factures`), with execv().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>

#ifdef FACTURES_CLI_WITH_PDF
#include "factures-headless.h"
#include "factures-pdf.h"
#endif
#include "factures-store.h"
#include "factures-store-payments.h"

typedef struct {
  const char *database;     /* --database, or NULL */
  const char *export_pdf;   /* --export-pdf, or NULL */
  const char *output;       /* --output, or NULL */
  gboolean    list_overdue;
} FastArgs;

/* "--name=value" or "--name value": the value, advancing *i; NULL when @arg is not --name. */
static const char *
option_value (int         argc,
              char      **argv,
              int        *i,
              const char *name)
{
  gsize len = strlen (name);

  if (strncmp (argv[*i], name, len) != 0)
    return NULL;
  if (argv[*i][len] == '=')
    return argv[*i] + len + 1;
  if (argv[*i][len] == '\0' && *i + 1 < argc)
    return argv[++*i];
  return NULL;
}

/* TRUE when the command line is one this binary runs itself: --list-overdue alone, or
 * --export-pdf with --output, each with an optional --database. Anything else (another option,
 * an argument twice, a value missing) goes to the full command line, which says what is wrong. */
static gboolean
parse (int       argc,
       char    **argv,
       FastArgs *out)
{
  memset (out, 0, sizeof *out);
  for (int i = 1; i < argc; i++)
    {
      const char *value;

      if (strcmp (argv[i], "--list-overdue") == 0 && !out->list_overdue)
        out->list_overdue = TRUE;
      else if ((value = option_value (argc, argv, &i, "--database")) != NULL && out->database == NULL)
        out->database = value;
      else if ((value = option_value (argc, argv, &i, "--export-pdf")) != NULL && out->export_pdf == NULL)
        out->export_pdf = value;
      else if ((value = option_value (argc, argv, &i, "--output")) != NULL && out->output == NULL)
        out->output = value;
      else
        return FALSE;
    }
  if (out->database != NULL && *out->database == '\0')
    return FALSE;
  if (out->list_overdue)
    return out->export_pdf == NULL && out->output == NULL;
  return out->export_pdf != NULL && *out->export_pdf != '\0' && out->output != NULL && *out->output != '\0';
}

static int
fail (const char *message)
{
  g_printerr (_("factures: %s\n"), message);
  return 1;
}

static void
busy_waiting_cb (FacturesStore *store,
                 gpointer       user_data)
{
  g_printerr (_("factures: %s\n"), _("Another process is using the database; waiting up to 30 s…"));
}

/* As factures_cli_open_store() with write FALSE (factures-cli.c): never creates nor converts. */
static FacturesStore *
open_store (const char *database,
            int        *status)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  FacturesStore *store;

  path = database != NULL ? g_canonicalize_filename (database, NULL) : factures_store_default_path ();
  store = factures_store_open_full (path, FACTURES_STORE_OPEN_EXISTING, 30000, busy_waiting_cb, NULL, &error);
  if (store == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Cannot open the database “%s”: %s"), path, error->message);

      *status = fail (message);
    }
  return store;
}

static void
append_tsv (GString    *out,
            const char *text)
{
  for (const char *p = text != NULL ? text : ""; *p; p++)
    g_string_append_c (out, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
}

static void
overdue_line (const FacturesOverdueLine *line,
              gpointer                   user_data)
{
  GString *out = user_data;

  append_tsv (out, line->number);
  g_string_append_c (out, '\t');
  append_tsv (out, line->client_name);
  g_string_append_c (out, '\t');
  append_tsv (out, line->due_date);
  g_string_append_printf (out, "\t%d\t%" G_GINT64_FORMAT "\t", line->days_late, line->balance);
  append_tsv (out, line->next_step_key);
  g_string_append_c (out, '\t');
  append_tsv (out, line->next_step_date);
  /* issue 13: the balance's currency (BT-5), last so that the columns before keep their place */
  g_string_append_c (out, '\t');
  append_tsv (out, line->currency);
  g_string_append_c (out, '\n');
}

/* --list-overdue, as factures-cli.c prints it. */
static int
list_overdue (FacturesStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_sized_new (4096);
  GDate today;

  factures_today (&today);
  if (!factures_store_foreach_overdue (store, &today, overdue_line, out, &error))
    return fail (error->message);
  fwrite (out->str, 1, out->len, stdout);
  return fflush (stdout) == 0 ? 0 : 1;
}

#ifdef FACTURES_CLI_WITH_PDF
/* --export-pdf of an issued document (its stored original) or a draft (by id); -1 when the
 * number names neither (an imported invoice: the full command line exports it). */
static int
export_pdf (FacturesStore *store,
            const char    *number,
            const char    *output)
{
  g_autoptr(FacturesDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  document = factures_store_find_document (store, number, &error);
  g_clear_error (&error);
  if (document == NULL && *number != '\0' && strspn (number, "0123456789") == strlen (number))
    {
      document = factures_store_get_document (store, g_ascii_strtoll (number, NULL, 10), NULL);
      /* Only drafts are reached by id: an issued document goes by its number. */
      if (document != NULL && document->status != FACTURES_DOCUMENT_STATUS_DRAFT)
        g_clear_pointer (&document, factures_document_free);
    }
  if (document == NULL)
    return -1;
  /* Trial 5 finding 1: never over the database, as factures_cli_run() checks it. */
  if (!factures_store_check_destination (factures_store_get_path (store), output, "--output", &error))
    return fail (error->message);
  if (document->status == FACTURES_DOCUMENT_STATUS_ISSUED)
    bytes = factures_store_get_original (store, document->id, &error);
  else
    bytes = factures_pdf_render (document, FACTURES_PDF_FLAG_DRAFT, &error);
  if (bytes == NULL)
    return fail (error != NULL ? error->message : _("The PDF could not be produced."));
  if (!g_file_set_contents (output, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error))
    {
      g_autofree char *message = g_strdup_printf (_("Cannot write “%s”: %s"), output, error->message);
      return fail (message);
    }
  return 0;
}
#endif

/* The full command line: beside this binary (the build tree, or an install that keeps them
 * together), else in the package's libexec folder. */
static char *
helper_path (const char *name)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      char *beside = g_build_filename (dir, name, NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
        return beside;
      g_free (beside);
    }
  return g_build_filename (FACTURES_LIBEXECDIR, name, NULL);
}

int
main (int   argc,
      char *argv[])
{
  FastArgs args;

#ifdef FACTURES_CLI_WITH_PDF
  factures_output_init_headless ();   /* no window: fontconfig parsed once, freed heap kept (issue 12) */
#endif
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("FACTURES_LOCALEDIR") ? g_getenv ("FACTURES_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (parse (argc, argv, &args))
    {
      g_autoptr(FacturesStore) store = NULL;
      int status = 0;

#ifndef FACTURES_CLI_WITH_PDF
      /* the PDF renderer's libraries (cairo, Pango, fontconfig…) only in the process that renders */
      if (!args.list_overdue)
        {
          g_autofree char *pdf = helper_path ("factures-cli-pdf");

          argv[0] = pdf;
          execv (pdf, argv);
          g_printerr (_("factures: %s: %s\n"), pdf, g_strerror (errno));
          return 127;
        }
#endif
      store = open_store (args.database, &status);
      if (store == NULL)
        return status;
      if (args.list_overdue)
        return list_overdue (store);
#ifdef FACTURES_CLI_WITH_PDF
      status = export_pdf (store, args.export_pdf, args.output);
      if (status >= 0)
        return status;
#endif
    }

  {
    g_autofree char *full = helper_path ("factures-cli-full");

    argv[0] = full;
    execv (full, argv);
    g_printerr (_("factures: %s: %s\n"), full, g_strerror (errno));
    return 127;
  }
}
