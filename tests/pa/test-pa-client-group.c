/* test-pa-client-group.c — the client editor's « Facturation électronique » group and the
 * administration's service code (issue 15 items 1 and 3), driven as widgets (needs a display)
 *
 * - without a PA account the group says why nothing is looked up, and « Actualiser » is off;
 * - with an account whose directory address is filled in, the cached lookup is shown: status
 *   in words, the electronic address and the date; « Actualiser » is on;
 * - a client not Enabled: the group says what to do;
 * - the service code row appears for an administration only and is saved (BT-10); the store
 *   refuses a service code on a company (every door);
 * - the group is hidden for a private person.
 * A screenshot is written to G_TEST_BUILDDIR/client-einvoicing.png to be looked at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "factures-client-editor.h"
#include "factures-client-einvoicing-group.h"
#include "factures-store-einvoicing.h"
#include "../store/store-test-util.h"

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
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
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
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
  if (strstr (text->str, needle) == NULL)
    g_printerr ("not found: %s\nin: %s\n", needle, text->str);
  return strstr (text->str, needle) != NULL;
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* @widget alone (the group: the editor is taller than the Xvfb screen), drawn with its window's
 * renderer, on the window's background. */
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
  paintable = gtk_widget_paintable_new (widget);
  {
    GdkRGBA background = { 0.98, 0.98, 0.98, 1.0 };

    gtk_snapshot_append_color (snapshot, &background,
                               &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget)));
  }
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static GtkWidget *
open_editor (FacturesStore *store,
             gint64         id)
{
  GtkWidget *editor = GTK_WIDGET (factures_client_editor_open (NULL, store, id));

  gtk_window_set_default_size (GTK_WINDOW (editor), 640, 1400);
  spin (200);
  return editor;
}

static void
close_editor (GtkWidget *editor)
{
  gtk_window_destroy (GTK_WINDOW (editor));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
refresh_enabled (GtkWidget *group)
{
  GtkWidget *button = find_type (group, GTK_TYPE_BUTTON);

  return button != NULL && gtk_widget_get_sensitive (button);
}

static void
test_group (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_db_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesStore) store = factures_store_open (path, &error);
  g_autoptr(FacturesProfile) profile = store_test_profile ();
  g_autoptr(FacturesClient) client = store_test_client ("Société Étoile");
  g_autoptr(FacturesClient) off = store_test_client ("Société Éteinte");
  g_autoptr(FacturesPaAccount) account = factures_pa_account_new ();
  g_autoptr(FacturesPaDirectoryEntry) entry = factures_pa_directory_entry_new ();
  GtkWidget *editor, *group;

  g_assert_no_error (error);
  g_assert_true (factures_store_save_profile (store, profile, &error));
  g_assert_true (factures_store_save_client (store, client, &error));
  g_free (off->party.siren);
  off->party.siren = g_strdup ("404833048");
  g_clear_pointer (&off->party.siret, g_free);
  g_clear_pointer (&off->party.vat_id, g_free);
  g_assert_true (factures_store_save_client (store, off, &error));

  /* No PA account: nothing is looked up, and the group says why. */
  editor = open_editor (store, client->id);
  group = find_type (editor, FACTURES_TYPE_CLIENT_EINVOICING_GROUP);
  g_assert_nonnull (group);
  g_assert_true (gtk_widget_get_visible (group));
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==, "E-invoicing");
  /* (its own accessible name, as the AT-SPI journeys find groups and fields) */
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (group), GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_true (labels_contain (group, "No plateforme agréée is set up, so nothing is looked up"));
  g_assert_true (labels_contain (group, "not looked up yet"));
  g_assert_false (refresh_enabled (group));
  close_editor (editor);

  /* An account without a directory address: said too. */
  account->name = g_strdup ("PA de test");
  account->registration = g_strdup ("0042");
  account->base_url = g_strdup ("https://pa.example/flow-service");
  account->token_url = g_strdup ("https://pa.example/oauth2/token");
  account->client_id = g_strdup ("client-42");
  g_assert_true (factures_store_save_pa_account (store, account, &error));
  editor = open_editor (store, client->id);
  group = find_type (editor, FACTURES_TYPE_CLIENT_EINVOICING_GROUP);
  g_assert_true (labels_contain (group, "directory service address of your plateforme agréée is not filled in"));
  g_assert_false (refresh_enabled (group));
  close_editor (editor);

  /* With the directory address and a cached lookup: status, address, date, « Actualiser ». */
  account->directory_url = g_strdup ("https://pa.example/directory-service");
  g_assert_true (factures_store_save_pa_account (store, account, &error));
  entry->siren = g_strdup ("552081317");
  entry->status = FACTURES_PA_DIRECTORY_ENABLED;
  entry->address = g_strdup ("552081317_FACTURES");
  entry->platform = g_strdup ("WK");
  entry->looked_up = g_strdup ("2026-12-06T09:30:00Z");
  g_assert_true (factures_store_pa_directory_save (store, entry, &error));
  editor = open_editor (store, client->id);
  group = find_type (editor, FACTURES_TYPE_CLIENT_EINVOICING_GROUP);
  g_assert_true (labels_contain (group, "receives e-invoices"));
  g_assert_true (labels_contain (group, "552081317_FACTURES"));
  g_assert_true (labels_contain (group, "06/12/2026"));
  g_assert_true (refresh_enabled (group));
  /* The service code row is for an administration only. */
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (find_row (editor, "Service code (Chorus Pro)"))) &&
                  gtk_widget_get_mapped (find_row (editor, "Service code (Chorus Pro)")));
  screenshot (group, "client-einvoicing.png");
  close_editor (editor);

  /* A client whose line is disabled: what to do. */
  g_clear_pointer (&entry->siren, g_free);
  g_clear_pointer (&entry->address, g_free);
  entry->siren = g_strdup ("404833048");
  entry->status = FACTURES_PA_DIRECTORY_DISABLED;
  g_assert_true (factures_store_pa_directory_save (store, entry, &error));
  editor = open_editor (store, off->id);
  group = find_type (editor, FACTURES_TYPE_CLIENT_EINVOICING_GROUP);
  g_assert_true (labels_contain (group, "does not receive e-invoices"));
  g_assert_true (labels_contain (group, "send its invoices by e-mail"));

  /* An administration: the service code row appears and is saved. */
  {
    GtkWidget *category = find_row (editor, "Category");
    GtkWidget *code_row = find_row (editor, "Service code (Chorus Pro)");
    g_autoptr(FacturesClient) saved = NULL;

    g_assert_false (gtk_widget_get_mapped (code_row));
    adw_combo_row_set_selected (ADW_COMBO_ROW (category), FACTURES_CLIENT_CATEGORY_PUBLIC);
    spin (100);
    g_assert_true (gtk_widget_get_mapped (code_row));
    gtk_editable_set_text (GTK_EDITABLE (code_row), "  SERV-FACT-42 ");
    g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
    spin (100);
    saved = factures_store_get_client (store, off->id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (saved->category, ==, FACTURES_CLIENT_CATEGORY_PUBLIC);
    g_assert_cmpstr (saved->service_code, ==, "SERV-FACT-42");
  }

  /* The store refuses a service code on a company, naming the field. */
  {
    g_autoptr(FacturesClient) company = store_test_client ("Société Code");

    company->service_code = g_strdup ("SERV-1");
    g_assert_false (factures_store_save_client (store, company, &error));
    g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (error->message, "Service code:"));
    g_clear_error (&error);
  }

  /* A private person: no e-invoicing group. */
  editor = open_editor (store, client->id);
  group = find_type (editor, FACTURES_TYPE_CLIENT_EINVOICING_GROUP);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (editor, "Category")), FACTURES_CLIENT_CATEGORY_INDIVIDUAL);
  spin (50);
  g_assert_false (gtk_widget_get_visible (group));
  close_editor (editor);

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
  g_setenv ("TZ", "UTC", TRUE);
  if (!gtk_init_check ())
    {
      g_printerr ("test-pa-client-group: no display\n");
      return g_getenv ("CI") != NULL ? 1 : 77;
    }
  adw_init ();
  g_test_add_func ("/pa/ui/client-group", test_group);
  return g_test_run ();
}
