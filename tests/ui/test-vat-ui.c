/* test-vat-ui.c — the window side of issue 13 and two leftovers of issue 11, as widgets:
 *
 * - the line editor: each message of a narrow field (quantity, unit, price, discount) sits
 *   right under its own field, as an alert, and the row keeps the editor's minimum width
 *   (issue 11 item 5);
 * - the client editor: a private person has no identifiers; a business in the EU gives a VAT
 *   number checked for its country's format (digits alone get the country's prefix); a
 *   business outside the EU gives its legal identifier (issue 13 item 2).
 *
 * Screenshots go to <build>/tests/ui/screenshots/, light and dark. Needs a display (suite ui).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "factures-client-editor.h"
#include "factures-country-row.h"
#include "factures-documents.h"
#include "factures-form-row.h"
#include "factures-line-row.h"
#include "factures-rows.h"
#include "store-test-util.h"

typedef struct
{
  char          *dir;
  char          *path;
  FacturesStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (FacturesProfile) profile = store_test_profile ();

  fixture->dir = store_test_make_dir ();
  fixture->path = store_test_db_path (fixture->dir);
  fixture->store = factures_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_save_profile (fixture->store, profile, &error));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  store_test_remove_dir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* Renders @window into <build>/tests/ui/screenshots/@name-light.png and -dark.png. */
static void
screenshots (GtkWidget  *window,
             const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  const AdwColorScheme schemes[] = { ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK };
  const char *suffixes[] = { "light", "dark" };

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      g_autoptr (GdkPaintable) paintable = NULL;
      g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr (GskRenderNode) node = NULL;
      g_autoptr (GdkTexture) texture = NULL;
      g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                               "screenshots", NULL);
      g_autofree char *png = g_strdup_printf ("%s-%s.png", name, suffixes[i]);
      g_autofree char *file = NULL;
      int width, height;

      adw_style_manager_set_color_scheme (style, schemes[i]);
      spin (300);
      paintable = gtk_widget_paintable_new (window);
      width = gtk_widget_get_width (window);
      height = gtk_widget_get_height (window);
      g_assert_true (width > 50 && height > 20);
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      g_assert_nonnull (node);
      texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (window)),
                                             node, &GRAPHENE_RECT_INIT (0, 0, width, height));
      g_mkdir_with_parents (dir, 0755);
      file = g_build_filename (dir, png, NULL);
      g_assert_true (gdk_texture_save_to_png (texture, file));
      g_test_message ("screenshot %s", file);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* The first descendant of @widget that is a preferences row titled @title. */
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

/* The entries of a line row, in the order of the form (quantity, unit, price, discount). */
static void
collect_entries (GtkWidget *widget,
                 GPtrArray *entries)
{
  if (GTK_IS_ENTRY (widget))
    g_ptr_array_add (entries, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_entries (child, entries);
}

/* Issue 11 item 5: every message of a line under its own field, an alert, at the minimum
 * width of the editor (its lines column is 520 px wide, less the page's margins). */
static void
test_line_row_messages (void)
{
  FacturesLineRow *row = factures_line_row_new (NULL, TRUE, FALSE);
  GtkWidget *window = gtk_window_new ();
  g_autoptr (GPtrArray) entries = g_ptr_array_new ();
  g_autoptr (GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (FacturesLine) line = NULL;
  const char *wrong[] = { "abc", "uuuuuuuuuuuuuuuuuuuuuu", "12,3,4", "-5" };
  const char *names[] = { "Quantity, line 1", "Unit, line 1", "Unit price, line 1", "Discount, line 1" };
  int minimum = 0;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (row));
  gtk_window_set_default_size (GTK_WINDOW (window), 496, -1);
  factures_line_row_set_texts (row, "Traduction", NULL, NULL, NULL);
  collect_entries (GTK_WIDGET (row), entries);
  g_assert_cmpuint (entries->len, ==, G_N_ELEMENTS (wrong));
  for (guint i = 0; i < entries->len; i++)
    gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, i)), wrong[i]);

  line = factures_line_row_get_line (row, TRUE, &error);
  g_assert_null (line);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  factures_line_row_collect_messages (row, messages);
  g_assert_cmpuint (messages->len, ==, G_N_ELEMENTS (wrong));

  for (guint i = 0; i < entries->len; i++)
    {
      GtkWidget *entry = g_ptr_array_index (entries, i);
      GtkWidget *label = gtk_widget_get_next_sibling (entry);

      /* Right under the field, in the same box, naming it, announced as an alert. */
      g_assert_true (GTK_IS_LABEL (label));
      g_assert_true (gtk_widget_get_visible (label));
      g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), names[i]));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, g_ptr_array_index (messages, i));
      g_assert_true (gtk_widget_has_css_class (label, "error"));
      g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (label)), ==,
                       GTK_ACCESSIBLE_ROLE_ALERT);
      g_assert_true (gtk_widget_has_css_class (entry, "error"));
    }

  /* The row still fits the editor's narrowest lines column with every message shown. */
  gtk_widget_measure (GTK_WIDGET (row), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 496);

  gtk_window_present (GTK_WINDOW (window));
  screenshots (window, "line-row-messages");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
set_row (GtkWidget  *form,
         const char *title,
         const char *text)
{
  GtkWidget *row = find_row (form, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static gboolean
row_in_error (GtkWidget  *form,
              const char *title)
{
  GtkWidget *row = find_row (form, title);

  g_assert_nonnull (row);
  return gtk_widget_has_css_class (row, "error");
}

static void
activate_action (GtkWidget  *widget,
                 const char *name)
{
  g_assert_true (gtk_widget_activate_action (widget, name, NULL));
}

static guint
n_clients (FacturesStore *store)
{
  g_autoptr (GListModel) model = factures_store_list_clients (store, NULL, FACTURES_CLIENT_SORT_NAME, FALSE);

  return g_list_model_get_n_items (model);
}

/* The client saved last (the highest id). */
static FacturesClient *
last_client (FacturesStore *store)
{
  g_autoptr (GListModel) model = factures_store_list_clients (store, NULL, FACTURES_CLIENT_SORT_NAME, FALSE);
  g_autoptr (GError) error = NULL;
  gint64 id = 0;
  FacturesClient *client;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (FacturesClientRow) row = g_list_model_get_item (model, i);

      id = MAX (id, factures_client_row_get_id (row));
    }
  client = factures_store_get_client (store, id, &error);
  g_assert_no_error (error);
  return client;
}

/* Issue 13 item 2: the client's identifiers follow its country and whether it is a business. */
static void
test_client_abroad (Fixture       *fixture,
                    gconstpointer  data)
{
  FacturesClientEditor *editor = factures_client_editor_open (NULL, fixture->store, 0);
  GtkWidget *country = find_row (GTK_WIDGET (editor), "Country");
  GtkWidget *category = find_row (GTK_WIDGET (editor), "Category");
  g_autoptr (FacturesClient) client = NULL;

  g_object_ref (editor);
  gtk_window_set_default_size (GTK_WINDOW (editor), 560, 900);
  g_assert_nonnull (country);
  adw_combo_row_set_selected (ADW_COMBO_ROW (category), FACTURES_CLIENT_CATEGORY_COMPANY);
  set_row (GTK_WIDGET (editor), "Name", "Übersetzungsbüro Weber GmbH");
  set_row (GTK_WIDGET (editor), "City", "Berlin");

  /* In France: SIREN and VAT number. */
  g_assert_nonnull (find_row (GTK_WIDGET (editor), "SIREN or SIRET"));
  g_assert_null (find_row (GTK_WIDGET (editor), "Legal identifier"));

  /* In Germany: a legal identifier, and the VAT number checked for the German format. */
  factures_country_row_set_country_code (FACTURES_COUNTRY_ROW (country), "DE");
  g_assert_null (find_row (GTK_WIDGET (editor), "SIREN or SIRET"));
  g_assert_true (gtk_widget_is_visible (find_row (GTK_WIDGET (editor), "Legal identifier")));
  g_assert_true (gtk_widget_is_visible (find_row (GTK_WIDGET (editor), "VAT number")));
  set_row (GTK_WIDGET (editor), "VAT number", "DE 12345");
  activate_action (GTK_WIDGET (editor), "editor.save");
  g_assert_true (row_in_error (GTK_WIDGET (editor), "VAT number"));
  g_assert_cmpuint (n_clients (fixture->store), ==, 0);
  /* The digits alone get the country's prefix. */
  set_row (GTK_WIDGET (editor), "VAT number", "123 456 789");
  g_assert_false (row_in_error (GTK_WIDGET (editor), "VAT number"));
  gtk_window_present (GTK_WINDOW (editor));
  screenshots (GTK_WIDGET (editor), "client-editor-eu-business");

  /* Outside the EU: no VAT number to give. */
  factures_country_row_set_country_code (FACTURES_COUNTRY_ROW (country), "US");
  g_assert_false (gtk_widget_is_visible (find_row (GTK_WIDGET (editor), "VAT number")));
  g_assert_true (gtk_widget_is_visible (find_row (GTK_WIDGET (editor), "Legal identifier")));
  screenshots (GTK_WIDGET (editor), "client-editor-non-eu-business");

  /* A private person: no identifiers at all. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (category), FACTURES_CLIENT_CATEGORY_INDIVIDUAL);
  g_assert_false (gtk_widget_is_visible (find_row (GTK_WIDGET (editor), "Legal identifier")));
  g_assert_false (gtk_widget_is_visible (find_row (GTK_WIDGET (editor), "VAT number")));

  /* Back to a German business, saved with its prefixed number. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (category), FACTURES_CLIENT_CATEGORY_COMPANY);
  factures_country_row_set_country_code (FACTURES_COUNTRY_ROW (country), "DE");
  activate_action (GTK_WIDGET (editor), "editor.save");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_object_unref (editor);
  g_assert_cmpuint (n_clients (fixture->store), ==, 1);
  client = last_client (fixture->store);
  g_assert_cmpstr (client->party.country_code, ==, "DE");
  g_assert_cmpstr (client->party.vat_id, ==, "DE123456789");
  g_assert_null (client->party.siren);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  factures_documents_register_resources ();

  g_test_add_func ("/ui/vat/line-row-messages", test_line_row_messages);
  g_test_add ("/ui/vat/client-abroad", Fixture, NULL, fixture_set_up, test_client_abroad, fixture_tear_down);
  return g_test_run ();
}
