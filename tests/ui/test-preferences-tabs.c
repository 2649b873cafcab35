/* test-preferences-tabs.c — Preferences opens wide enough for its tabs (trial 5 finding 21)
 *
 * In French, at the window's default size, the label of every page in the header's view
 * switcher is drawn whole (« Profil de l’ent… », « Facturation é… » were cut). The window is
 * drawn into <build>/tests/ui/screenshots/preferences-default-size.png.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "factures-preferences-window.h"
#include "ui-test-util.h"

/* Appends to @cut the text of every ellipsized label, drawn, of a view switcher under
 * @widget (@in_switcher: @widget is in one). */
static void
collect_cut_labels (GtkWidget *widget,
                    gboolean   in_switcher,
                    GString   *cut,
                    guint     *n_labels)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  in_switcher = in_switcher || ADW_IS_VIEW_SWITCHER (widget);
  if (in_switcher && GTK_IS_LABEL (widget))
    {
      (*n_labels)++;
      if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
        g_string_append_printf (cut, "« %s » ", gtk_label_get_label (GTK_LABEL (widget)));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cut_labels (child, in_switcher, cut, n_labels);
}

static void
test_tabs_whole (void)
{
  g_autofree char *dir = NULL;
  FacturesStore *store = ui_test_store_new (NULL, &dir);
  GtkWidget *window = factures_preferences_window_new (NULL, store);
  g_autoptr(GString) cut = g_string_new (NULL);
  GtkWidget *switcher;
  guint n_labels = 0;

  gtk_window_present (GTK_WINDOW (window));
  ui_test_screenshot (window, "preferences-default-size");
  /* the header's switcher when the window is wide enough, the bottom bar's otherwise:
   * whichever is drawn */
  switcher = ui_test_find_type (window, ADW_TYPE_VIEW_SWITCHER);
  g_assert_nonnull (switcher);
  collect_cut_labels (window, FALSE, cut, &n_labels);
  g_test_message ("%u labels in the switcher, %d px wide window", n_labels, gtk_widget_get_width (window));
  g_assert_cmpuint (n_labels, >=, 7);   /* the switcher's seven page titles at least */
  if (cut->len > 0)
    g_error ("tabs cut at the default width: %s", cut->str);
  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_spin (50);
  ui_test_store_free (store, g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "fr", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("FACTURES_LOCALEDIR") ? g_getenv ("FACTURES_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    return 77;
  adw_init ();
  g_test_add_func ("/ui/preferences/tabs-whole", test_tabs_whole);
  return g_test_run ();
}
