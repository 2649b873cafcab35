/* main.c — gettext set-up and g_application_run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "factures-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (FacturesApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* FACTURES_LOCALEDIR: the build tree's po/ folder, for tests and build-aux/dev run. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("FACTURES_LOCALEDIR") ? g_getenv ("FACTURES_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = factures_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
