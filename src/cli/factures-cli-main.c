/* factures-cli-main.c — the factures-cli binary: the command line without GTK
 *
 * The same options as `factures` (factures_cli_add_options()), run in this process;
 * nothing here links GTK or libadwaita, so scripts and servers need neither.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "factures-cli.h"
#include "factures-headless.h"

static int
handle_local_options_cb (GApplication *application,
                         GVariantDict *options,
                         gpointer      user_data)
{
  const char *database = NULL;
  g_autofree char *path = NULL;
  int status;

  if (g_variant_dict_lookup (options, "database", "^&ay", &database) && *database != '\0')
    path = g_canonicalize_filename (database, NULL);

  status = factures_cli_run (path, options);
  if (status >= 0)
    return status;

  g_printerr (_("factures: %s\n"),
              _("Nothing to do: give one of the options of --help (the window is “factures”)"));
  return 2;
}

/* The options whose value is a file name: any bytes (G_OPTION_ARG_FILENAME). */
static const char *const filename_options[] = {
  "against", "backup", "check-facturx", "database", "export-json", "import-facturx", "import-invoice",
  "import-json", "import-statement", "output", "validate", NULL,
};

/* Fifth trial, finding 13: a text option whose value is not UTF-8 is refused naming the option
 * (GLib's conversion error names neither the option nor the program). FALSE once said. */
static gboolean
arguments_are_text (int    argc,
                    char **argv)
{
  if (!g_get_charset (NULL))
    return TRUE;   /* a non-UTF-8 locale: GLib converts from its charset */
  for (int i = 1; i < argc; i++)
    {
      g_autofree char *name = NULL;
      const char *value = NULL;
      const char *eq;

      if (strcmp (argv[i], "--") == 0)
        break;
      if (!g_str_has_prefix (argv[i], "--"))
        continue;
      eq = strchr (argv[i], '=');
      if (eq != NULL)
        {
          name = g_strndup (argv[i] + 2, (gsize) (eq - argv[i] - 2));
          value = eq + 1;
        }
      else if (i + 1 < argc)
        {
          name = g_strdup (argv[i] + 2);
          value = argv[i + 1];
        }
      else
        continue;
      if (g_utf8_validate (value, -1, NULL) || g_strv_contains (filename_options, name)
          || !g_utf8_validate (name, -1, NULL))
        continue;
      g_printerr ("factures: ");
      g_printerr (_("--%s: the value is not UTF-8 text."), name);
      g_printerr ("\n");
      return FALSE;
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GApplication) app = NULL;

  factures_output_init_headless ();   /* no window: fontconfig parsed once, freed heap kept (issue 12) */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("FACTURES_LOCALEDIR") ? g_getenv ("FACTURES_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!arguments_are_text (argc, argv))
    return 1;

  /* No application id: never registers on the bus, each run is its own process. */
  app = g_application_new (NULL, G_APPLICATION_NON_UNIQUE);
  /* factures-cli may run as factures-cli-full (exec'd by the fast path): --help says the
   * name typed, and that this program has no window (trial 5 finding 21). */
  g_set_prgname ("factures-cli");
  factures_cli_add_options (app);
  g_application_set_option_context_summary (app, _("Invoices for French micro-entrepreneurs, from the command "
                                                   "line: give one of the options below (the window is the "
                                                   "“factures” program)."));
  g_signal_connect (app, "handle-local-options", G_CALLBACK (handle_local_options_cb), NULL);
  return g_application_run (app, argc, argv);
}
