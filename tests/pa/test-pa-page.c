/* test-pa-page.c — Preferences → E-invoicing driven as widgets (needs a display)
 *
 * The account form refuses a bad registration number (message naming the field, nothing
 * saved), saves good input with "Report payments" on, and the outbox group shows each
 * document with its acknowledgement in words. No secret is typed: a keyring prompt could hang
 * under Xvfb (the keyring is covered by test-pa-flow). A screenshot is written to
 * G_TEST_BUILDDIR/pa-page.png to be looked at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "factures-pa-page.h"
#include "factures-store-einvoicing.h"
#include "../store/store-test-util.h"

static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget))
    {
      g_autoptr(GString) shown = g_string_new (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));

      if (adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (widget)))
        g_string_replace (shown, "_", "", 1);
      if (g_strcmp0 (shown->str, title) == 0)
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, out);
}

static gboolean
labels_contain (GtkWidget  *widget,
                const char *needle)
{
  g_autoptr(GString) text = g_string_new (NULL);

  collect_labels (widget, text);
  return strstr (text->str, needle) != NULL;
}

static void
set_row (GtkWidget  *root,
         const char *title,
         const char *text)
{
  GtkWidget *row = find_row (root, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                            name, NULL);

  spin (300);
  paintable = gtk_widget_paintable_new (window);
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (window), gtk_widget_get_height (window));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static void
test_page (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_db_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesStore) store = factures_store_open (path, &error);
  g_autoptr(FacturesProfile) profile = store_test_profile ();
  g_autoptr(FacturesClient) client = store_test_client ("Société Étoile");
  g_autoptr(FacturesPaAccount) account = NULL;
  FacturesDocument *draft, *issued;
  GtkWidget *window, *page;

  g_assert_no_error (error);
  g_assert_true (factures_store_save_profile (store, profile, &error));
  g_assert_true (factures_store_save_client (store, client, &error));
  draft = store_test_draft (client->id, "2026-03-02", 1);
  g_assert_true (factures_store_save_draft (store, draft, &error));
  issued = factures_store_issue (store, draft->id, store_test_render, NULL, &error);
  g_assert_no_error (error);

  window = adw_preferences_window_new ();
  page = factures_pa_page_new (store);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 1000);
  gtk_window_present (GTK_WINDOW (window));
  spin (200);
  g_assert_true (labels_contain (page, "Nothing was sent through the plateforme agréée yet."));

  /* Testing an empty form: said at once, naming the field (trial finding 16). */
  g_assert_true (gtk_widget_activate_action (page, "pa-page.test", NULL));
  g_assert_true (labels_contain (page, "Flow service address: give the full https:// address"));

  /* A bad registration number: refused, the field named, nothing saved. */
  set_row (page, "PA name", "Ma PA");
  set_row (page, "Registration number (4 characters)", "12");
  set_row (page, "Flow service address", "https://pa.example/flow-service");
  set_row (page, "Token address", "https://pa.example/oauth2/token");
  set_row (page, "Client ID", "client-42");
  g_assert_true (gtk_widget_activate_action (page, "pa-page.save", NULL));
  g_assert_true (labels_contain (page, "Registration number:"));
  account = factures_store_get_pa_account (store, &error);
  g_assert_no_error (error);
  g_assert_null (account);

  /* Issue 15: a directory address the PA cannot have: refused, naming the field. */
  set_row (page, "Registration number (4 characters)", "0042");
  set_row (page, "Directory service address (optional)", "http://pa.example/directory-service");
  g_assert_true (gtk_widget_activate_action (page, "pa-page.save", NULL));
  g_assert_true (labels_contain (page, "Directory service address:"));
  account = factures_store_get_pa_account (store, &error);
  g_assert_null (account);

  /* Good input: saved (no secret typed: the keyring is not touched). */
  set_row (page, "Directory service address (optional)", "https://pa.example/directory-service");
  g_assert_true (gtk_widget_activate_action (page, "pa-page.save", NULL));
  g_assert_true (labels_contain (page, "Saved."));
  account = factures_store_get_pa_account (store, &error);
  g_assert_nonnull (account);
  g_assert_cmpstr (account->registration, ==, "0042");
  g_assert_cmpstr (account->base_url, ==, "https://pa.example/flow-service");
  g_assert_true (account->report_payments);
  g_assert_cmpstr (account->directory_url, ==, "https://pa.example/directory-service");
  g_assert_false (account->routes_b2g);

  /* The outbox group shows the document with its acknowledgement in words. */
  g_assert_cmpint (factures_store_pa_enqueue_document (store, issued->id, &error), >, 0);
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (window));
  window = adw_preferences_window_new ();
  page = factures_pa_page_new (store);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 1000);
  gtk_window_present (GTK_WINDOW (window));
  spin (200);
  {
    g_autofree char *line = g_strdup_printf ("%s — waiting to be sent", issued->number);

    g_assert_true (labels_contain (page, line));
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (page, "Client ID"))), ==, "client-42");
  screenshot (page, "pa-page.png");

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  factures_document_free (draft);
  factures_document_free (issued);
  g_clear_object (&store);
  store_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* Source strings: the texts checked here are the English ones. */
  g_setenv ("LANGUAGE", "C", TRUE);
  if (!gtk_init_check ())
    {
      g_printerr ("test-pa-page: no display\n");
      return g_getenv ("CI") != NULL ? 1 : 77;
    }
  adw_init ();
  g_test_add_func ("/pa/ui/page", test_page);
  return g_test_run ();
}
