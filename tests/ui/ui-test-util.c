/* ui-test-util.c — what the GTK test programs of tests/ui share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "ui-test-util.h"

void
ui_test_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

GtkWidget *
ui_test_find_type (GtkWidget *root,
                   GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_test_find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWindow *
ui_test_find_toplevel (GtkWindow *parent,
                       GType      type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          (parent == NULL || gtk_window_get_transient_for (window) == parent))
        return window;
    }
  return NULL;
}

void
ui_test_screenshot (GtkWidget  *window,
                    const char *name)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  const char *build_dir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *dir = g_build_filename (build_dir != NULL ? build_dir : ".", "ui", "screenshots", NULL);
  g_autofree char *file = g_str_has_suffix (name, ".png") ? g_strdup (name) : g_strconcat (name, ".png", NULL);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  int width, height;

  for (int i = 0; i < 200 && (!gtk_widget_get_mapped (window) || gtk_widget_get_width (window) == 0); i++)
    g_main_context_iteration (NULL, TRUE);
  ui_test_spin (300);   /* first frame, fonts, lazy rows */
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  g_assert_true (width > 50 && height > 20);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot %s", path);
}

FacturesStore *
ui_test_store_new (const char  *fixture,
                   char       **dir)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  FacturesStore *store;

  *dir = g_dir_make_tmp ("factures-ui-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "factures.db", NULL);
  if (fixture != NULL)
    {
      const char *argv[] = { fixture, path, NULL };
      int status = 0;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                    &status, &error);
      g_assert_no_error (error);
      g_spawn_check_wait_status (status, &error);
      g_assert_no_error (error);
    }
  store = factures_store_open (path, &error);
  g_assert_no_error (error);
  return store;
}

void
ui_test_store_free (FacturesStore *store,
                    char          *dir)
{
  const char *names[] = { "factures.db", "factures.db-wal", "factures.db-shm", NULL };

  g_clear_object (&store);
  for (guint i = 0; dir != NULL && names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      g_unlink (path);
    }
  if (dir != NULL)
    g_rmdir (dir);
  g_free (dir);
}
