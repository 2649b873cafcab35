/* factures-cli-main.c — the factures-cli binary: the command line without GTK
 *
 * The same options as `factures` (factures_cli_add_options()), run in this process;
 * nothing here links GTK or libadwaita, so scripts and servers need neither.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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
