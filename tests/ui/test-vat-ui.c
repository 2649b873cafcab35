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
#include "factures-clients-page.h"
#include "factures-country-row.h"
#include "factures-documents.h"
#include "factures-editor-window.h"
#include "factures-form-row.h"
#include "factures-issue-dialog.h"
#include "factures-line-row.h"
#include "factures-profile-editor.h"
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
  /* (The fifth, the reason for another VAT treatment, is hidden until one is chosen.) */
  g_assert_cmpuint (entries->len, ==, G_N_ELEMENTS (wrong) + 1);
  g_ptr_array_set_size (entries, G_N_ELEMENTS (wrong));
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
  set_row (GTK_WIDGET (editor), "VAT number", "123 456 788");
  g_assert_false (row_in_error (GTK_WIDGET (editor), "VAT number"));
  set_row (GTK_WIDGET (editor), "Legal identifier", "HRB 123456 B");
  gtk_window_present (GTK_WINDOW (editor));
  screenshots (GTK_WIDGET (editor), "client-editor-eu-business");

  /* Monaco is in the French VAT territory: a French-format number, no SIREN. */
  factures_country_row_set_country_code (FACTURES_COUNTRY_ROW (country), "MC");
  g_assert_true (gtk_widget_is_visible (find_row (GTK_WIDGET (editor), "VAT number")));
  g_assert_true (gtk_widget_is_visible (find_row (GTK_WIDGET (editor), "Legal identifier")));
  /* La Réunion is France: SIREN or SIRET. */
  factures_country_row_set_country_code (FACTURES_COUNTRY_ROW (country), "RE");
  g_assert_nonnull (find_row (GTK_WIDGET (editor), "SIREN or SIRET"));
  g_assert_null (find_row (GTK_WIDGET (editor), "Legal identifier"));

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
  g_assert_cmpstr (client->party.vat_id, ==, "DE123456788");
  g_assert_cmpstr (client->legal_id, ==, "HRB 123456 B");
  g_assert_null (client->party.siren);
}

/* Finding T10: a UK business's VAT number (checked with HMRC's digits, printed on the PDF) is
 * shown and kept when the client is saved; a number the editor does not show (a US client's,
 * a private person's) stays as stored: never cleared by a save that did not touch it. */
static void
test_client_uk_vat (Fixture       *fixture,
                    gconstpointer  data)
{
  struct { const char *country; FacturesClientCategory category; gboolean shown; } cases[] = {
    { "GB", FACTURES_CLIENT_CATEGORY_COMPANY, TRUE },
    { "US", FACTURES_CLIENT_CATEGORY_COMPANY, FALSE },
    { "GB", FACTURES_CLIENT_CATEGORY_INDIVIDUAL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (FacturesClient) client = factures_client_new ();
      g_autoptr (FacturesClient) saved = NULL;
      g_autoptr (GError) error = NULL;
      FacturesClientEditor *editor;
      GtkWidget *vat;

      client->party.name = g_strdup ("Thames Books Ltd");
      client->party.city = g_strdup ("London");
      client->party.country_code = g_strdup (cases[i].country);
      client->party.vat_id = g_strdup ("GB980780684");
      client->category = cases[i].category;
      g_assert_true (factures_store_save_client (fixture->store, client, &error));
      g_assert_no_error (error);

      editor = factures_client_editor_open (NULL, fixture->store, client->id);
      g_object_ref (editor);
      gtk_window_set_default_size (GTK_WINDOW (editor), 560, 900);
      vat = find_row (GTK_WIDGET (editor), "VAT number");
      g_assert_nonnull (vat);
      g_assert_cmpint (gtk_widget_is_visible (vat), ==, cases[i].shown);
      if (cases[i].shown)
        {
          g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (vat)), ==, "GB980780684");
          g_assert_false (row_in_error (GTK_WIDGET (editor), "VAT number"));
          gtk_window_present (GTK_WINDOW (editor));
          spin (200);
          gtk_widget_grab_focus (vat);   /* the row in view */
          screenshots (GTK_WIDGET (editor), "client-editor-uk-business");
          /* the digits alone get the "GB" prefix; a wrong check digit is refused */
          set_row (GTK_WIDGET (editor), "VAT number", "980 780 685");
          activate_action (GTK_WIDGET (editor), "editor.save");
          g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor)));
          g_assert_true (row_in_error (GTK_WIDGET (editor), "VAT number"));
          set_row (GTK_WIDGET (editor), "VAT number", "980 780 684");
          g_assert_false (row_in_error (GTK_WIDGET (editor), "VAT number"));
        }
      activate_action (GTK_WIDGET (editor), "editor.save");
      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
      g_object_unref (editor);
      saved = factures_store_get_client (fixture->store, client->id, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (saved->party.vat_id, ==, "GB980780684");
    }
}

/* The first visible label of @widget whose text contains @needle, or NULL. */
static GtkWidget *
find_label_containing (GtkWidget  *widget,
                       const char *needle)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    {
      /* no-break spaces (U+00A0, U+202F) read as spaces */
      g_autoptr (GString) text = g_string_new (gtk_label_get_text (GTK_LABEL (widget)));

      g_string_replace (text, "\u00a0", " ", 0);
      g_string_replace (text, "\u202f", " ", 0);
      if (strstr (text->str, needle) != NULL)
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_containing (child, needle);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Finding T5: a client with an invoice in euros and one in pounds owes each in its
 * currency: the Clients view's « Reste dû » and the editor's history and document rows say
 * « 100,00 € + 200,00 GBP », never 300 €. */
static void
test_client_balances_currency (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr (FacturesClient) client = store_test_client ("Thames Books Ltd");
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) clients = NULL;
  g_autoptr (FacturesClientRow) row = NULL;
  GtkWidget *window, *page;
  FacturesClientEditor *editor;

  g_assert_true (factures_store_save_client (fixture->store, client, &error));
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (FacturesDocument) draft = store_test_draft (client->id, "2026-11-02", i + 1);
      g_autoptr (FacturesDocument) issued = NULL;

      if (i == 1)
        {
          draft->currency = g_strdup ("GBP");
          draft->exchange_rate = 1150000;
        }
      g_assert_true (factures_store_save_draft (fixture->store, draft, &error));
      g_assert_no_error (error);
      issued = factures_store_issue (fixture->store, draft->id, store_test_render, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (issued);
    }

  clients = factures_store_list_clients (fixture->store, NULL, FACTURES_CLIENT_SORT_NAME, FALSE);
  row = g_list_model_get_item (clients, 0);
  g_assert_cmpstr (factures_client_row_get_outstanding_by_currency (row), ==, "EUR:10000;GBP:20000");

  window = gtk_window_new ();
  page = factures_clients_page_new (fixture->store);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 400);
  gtk_window_present (GTK_WINDOW (window));
  spin (500);
  g_assert_nonnull (find_label_containing (page, "100,00 € + 200,00 GBP"));
  g_assert_null (find_label_containing (page, "300,00"));
  gtk_window_destroy (GTK_WINDOW (window));

  editor = factures_client_editor_open (NULL, fixture->store, client->id);
  gtk_window_set_default_size (GTK_WINDOW (editor), 560, 900);
  gtk_window_present (GTK_WINDOW (editor));
  spin (300);
  /* Invoiced and Owed */
  g_assert_nonnull (find_label_containing (GTK_WIDGET (editor), "100,00 € + 200,00 GBP (2 invoices)"));
  g_assert_null (find_label_containing (GTK_WIDGET (editor), "300,00"));
  screenshots (GTK_WIDGET (editor), "client-editor-history-currencies");
  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
collect_groups (GtkWidget *widget,
                GPtrArray *titles)
{
  if (ADW_IS_PREFERENCES_GROUP (widget) && gtk_widget_get_visible (widget) &&
      adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)) != NULL &&
      *adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)) != '\0')
    g_ptr_array_add (titles, (gpointer) adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_groups (child, titles);
}

static void
collect_images (GtkWidget *widget,
                GPtrArray *images)
{
  if (GTK_IS_IMAGE (widget) && gtk_widget_get_visible (widget) &&
      gtk_image_get_storage_type (GTK_IMAGE (widget)) == GTK_IMAGE_ICON_NAME)
    g_ptr_array_add (images, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_images (child, images);
}

/* Findings T17: the client editor's groups have distinct titles (two were « Documents »); its
 * icons are in the theme (the directory status showed a missing-icon glyph). */
static void
test_client_editor_groups (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr (FacturesClient) client = store_test_client ("Atelier Dupont SARL");
  g_autoptr (GPtrArray) titles = g_ptr_array_new ();
  g_autoptr (GPtrArray) images = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  FacturesClientEditor *editor;
  GtkIconTheme *theme;

  g_assert_true (factures_store_save_client (fixture->store, client, &error));
  editor = factures_client_editor_open (NULL, fixture->store, client->id);
  gtk_window_present (GTK_WINDOW (editor));
  spin (200);
  collect_groups (GTK_WIDGET (editor), titles);
  g_assert_cmpuint (titles->len, >, 4);
  for (guint i = 0; i < titles->len; i++)
    for (guint j = i + 1; j < titles->len; j++)
      if (g_strcmp0 (titles->pdata[i], titles->pdata[j]) == 0)
        g_error ("two groups titled « %s »", (const char *) titles->pdata[i]);
  theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (editor)));
  collect_images (GTK_WIDGET (editor), images);
  g_assert_cmpuint (images->len, >, 0);
  for (guint i = 0; i < images->len; i++)
    {
      const char *name = gtk_image_get_icon_name (GTK_IMAGE (images->pdata[i]));

      if (!gtk_icon_theme_has_icon (theme, name))
        g_error ("icon « %s » not in the theme", name);
      /* a question mark in a shape reads as the replacement glyph « � » */
      g_assert_null (strstr (name, "question"));
    }
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* Issue 13 item 5: the language of the client's documents, one row in its own group. */
static void
test_client_language (Fixture       *fixture,
                      gconstpointer  data)
{
  FacturesClientEditor *editor = factures_client_editor_open (NULL, fixture->store, 0);
  GtkWidget *language = find_row (GTK_WIDGET (editor), "Document language");
  GtkWidget *category = find_row (GTK_WIDGET (editor), "Category");
  g_autoptr (FacturesClient) client = NULL;

  g_object_ref (editor);
  gtk_window_set_default_size (GTK_WINDOW (editor), 560, 1100);
  g_assert_nonnull (language);
  g_assert_true (ADW_IS_COMBO_ROW (language));
  /* French by default */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (language)), ==, FACTURES_DOCUMENT_LANGUAGE_FRENCH);
  adw_combo_row_set_selected (ADW_COMBO_ROW (category), FACTURES_CLIENT_CATEGORY_COMPANY);
  set_row (GTK_WIDGET (editor), "Name", "Thames Books Ltd");
  set_row (GTK_WIDGET (editor), "Address", "1 Strand");
  set_row (GTK_WIDGET (editor), "Postal code", "WC2N 5HR");
  set_row (GTK_WIDGET (editor), "City", "London");
  factures_country_row_set_country_code (FACTURES_COUNTRY_ROW (find_row (GTK_WIDGET (editor), "Country")), "GB");
  adw_combo_row_set_selected (ADW_COMBO_ROW (language), FACTURES_DOCUMENT_LANGUAGE_FRENCH_ENGLISH);
  gtk_window_present (GTK_WINDOW (editor));
  {
    GtkWidget *page = gtk_widget_get_ancestor (language, GTK_TYPE_SCROLLED_WINDOW);

    /* the row in view for the screenshot */
    if (page != NULL)
      {
        GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page));

        spin (200);
        gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
      }
  }
  screenshots (GTK_WIDGET (editor), "client-editor-language");
  activate_action (GTK_WIDGET (editor), "editor.save");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor)));
  g_object_unref (editor);
  client = last_client (fixture->store);
  g_assert_cmpint (client->document_language, ==, FACTURES_DOCUMENT_LANGUAGE_FRENCH_ENGLISH);

  /* read back into the editor */
  editor = factures_client_editor_open (NULL, fixture->store, client->id);
  language = find_row (GTK_WIDGET (editor), "Document language");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (language)), ==,
                    FACTURES_DOCUMENT_LANGUAGE_FRENCH_ENGLISH);
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* ------------------------------------------------------ line treatment -- */

static void
collect_type (GtkWidget *widget,
              GType      type,
              GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_type (child, type, found);
}

/* The line row's drop-downs: activity, then VAT. */
static GtkDropDown *
row_drop_down (FacturesLineRow *row,
               guint            index)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new ();

  collect_type (GTK_WIDGET (row), GTK_TYPE_DROP_DOWN, found);
  g_assert_cmpuint (found->len, ==, 2);
  return g_ptr_array_index (found, index);
}

/* The text shown by the visible label that starts with @prefix, or NULL. */
static const char *
label_starting (GtkWidget  *widget,
                const char *prefix)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new ();

  collect_type (widget, GTK_TYPE_LABEL, found);
  for (guint i = 0; i < found->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (found, i);

      if (gtk_widget_is_visible (label) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), prefix))
        return gtk_label_get_text (GTK_LABEL (label));
    }
  return NULL;
}

/* The position of the choice shown as @text in @drop_down (a GtkStringList). */
static guint
choice_position (GtkDropDown *drop_down,
                 const char  *text)
{
  GListModel *model = gtk_drop_down_get_model (drop_down);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), text) == 0)
        return i;
    }
  g_error ("no choice “%s”", text);
  return 0;
}

static const char *
selected_text (GtkDropDown *drop_down)
{
  return gtk_string_object_get_string (gtk_drop_down_get_selected_item (drop_down));
}

static FacturesClient *
german_business (void)
{
  FacturesClient *client = factures_client_new ();

  client->party.name = g_strdup ("Übersetzungsbüro Weber GmbH");
  client->party.country_code = g_strdup ("DE");
  client->party.vat_id = g_strdup ("DE123456788");
  client->category = FACTURES_CLIENT_CATEGORY_COMPANY;
  return client;
}

/* Issue 13 item 1, as shown: a service to a German business is proposed "reverse charge" with
 * its basis, not typed; the seller without an intra-community VAT number is told to ask for one
 * (art. 286 ter); another treatment needs a reason; an exempt activity gives its mention. */
static void
test_line_treatment (void)
{
  g_autoptr (FacturesProfile) seller = store_test_profile ();
  g_autoptr (FacturesClient) buyer = german_business ();
  g_autoptr (FacturesClient) private_person = factures_client_new ();
  FacturesLineRow *row = factures_line_row_new (NULL, FALSE, FALSE);
  GtkWidget *window = gtk_window_new ();
  g_autoptr (FacturesLine) line = NULL;
  g_autoptr (GError) error = NULL;
  GtkDropDown *activity, *vat;
  const char *proposal;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (row));
  gtk_window_set_default_size (GTK_WINDOW (window), 496, -1);
  factures_line_row_set_texts (row, "Traduction, 12 pages", "12", "page", "35");
  gtk_window_present (GTK_WINDOW (window));
  private_person->party.name = g_strdup ("Sophie Bernard");

  /* A franchise seller without a VAT number, a German business: reverse charge proposed,
   * and the way to the number it needs. */
  factures_line_row_set_parties (row, seller, buyer);
  activity = row_drop_down (row, 0);
  vat = row_drop_down (row, 1);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (activity)));
  g_assert_cmpstr (selected_text (activity), ==, factures_line_activity_label (FACTURES_LINE_ACTIVITY_SERVICES_BNC));
  g_assert_cmpstr (selected_text (vat), ==, factures_vat_category_label (FACTURES_VAT_CATEGORY_AE));
  proposal = label_starting (GTK_WIDGET (row), "Proposed: ");
  g_assert_nonnull (proposal);
  g_assert_nonnull (strstr (proposal, factures_vat_category_label (FACTURES_VAT_CATEGORY_AE)));
  g_assert_nonnull (strstr (proposal, "286 ter"));
  line = factures_line_row_get_line (row, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (line->vat_category, ==, FACTURES_VAT_CATEGORY_AE);
  g_assert_cmpint (line->vat_rate_bp, ==, 0);
  g_assert_cmpstr (line->vatex, ==, FACTURES_VATEX_EU_AE);
  g_assert_cmpstr (line->exemption_reason, ==, "Autoliquidation");
  g_assert_cmpint (line->activity, ==, FACTURES_LINE_ACTIVITY_SERVICES_BNC);
  g_assert_null (line->override_reason);
  g_clear_pointer (&line, factures_line_free);
  screenshots (window, "line-row-reverse-charge-no-vat-number");

  /* With its number, no warning. */
  seller->party.vat_id = g_strdup ("FR44732829320");
  factures_line_row_set_parties (row, seller, buyer);
  proposal = label_starting (GTK_WIDGET (row), "Proposed: ");
  g_assert_null (strstr (proposal, "286 ter"));
  screenshots (window, "line-row-reverse-charge");

  /* Another treatment than the proposal asks why, under its field. */
  gtk_drop_down_set_selected (vat, choice_position (vat, factures_vat_category_label (FACTURES_VAT_CATEGORY_O)));
  line = factures_line_row_get_line (row, TRUE, &error);
  g_assert_null (line);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Reason for the change, line 1"));
  g_assert_nonnull (label_starting (GTK_WIDGET (row), "Reason for the change, line 1"));
  g_clear_error (&error);
  screenshots (window, "line-row-override");
  {
    g_autoptr (GPtrArray) entries = g_ptr_array_new ();

    collect_type (GTK_WIDGET (row), GTK_TYPE_ENTRY, entries);
    gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, entries->len - 1)),
                           "Le client est établi hors UE pour cette prestation");
  }
  line = factures_line_row_get_line (row, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (line->vat_category, ==, FACTURES_VAT_CATEGORY_O);
  g_assert_cmpstr (line->override_reason, ==, "Le client est établi hors UE pour cette prestation");
  g_clear_pointer (&line, factures_line_free);
  /* Kept, with its reason, when the client changes. */
  factures_line_row_set_parties (row, seller, private_person);
  g_assert_cmpstr (selected_text (vat), ==, factures_vat_category_label (FACTURES_VAT_CATEGORY_O));

  /* Back to the proposal: for a French private person, the franchise. */
  gtk_drop_down_set_selected (vat, choice_position (vat, factures_vat_category_label (FACTURES_VAT_CATEGORY_E)));
  line = factures_line_row_get_line (row, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (line->vat_category, ==, FACTURES_VAT_CATEGORY_E);
  g_assert_cmpstr (line->vatex, ==, FACTURES_VATEX_FRANCHISE);
  g_assert_null (line->override_reason);
  g_clear_pointer (&line, factures_line_free);

  /* An exempt activity of the seller: E with its legal basis. */
  g_ptr_array_add (seller->exempt_activities,
                   factures_exempt_activity_new ("Cours particuliers", FACTURES_VAT_EXEMPTION_261_4_4_B));
  factures_line_row_set_parties (row, seller, private_person);
  gtk_drop_down_set_selected (activity, choice_position (activity, "Cours particuliers (exempt)"));
  line = factures_line_row_get_line (row, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (line->vat_category, ==, FACTURES_VAT_CATEGORY_E);
  g_assert_cmpstr (line->vatex, ==, FACTURES_VATEX_CGI261_4);
  g_assert_cmpstr (line->exemption_reason, ==, factures_vat_exemption_mention (FACTURES_VAT_EXEMPTION_261_4_4_B));
  g_clear_pointer (&line, factures_line_free);

  /* A VAT-registered seller in Corsica: the Corsican rates, 20 % proposed to a French client. */
  seller->vat_regime = FACTURES_VAT_REGIME_REGISTERED;
  seller->territory = FACTURES_VAT_TERRITORY_CORSE;
  g_ptr_array_set_size (seller->exempt_activities, 0);
  factures_line_row_set_parties (row, seller, private_person);
  {
    g_autofree char *standard = factures_rate_format (2000);
    g_autofree char *corsican = factures_rate_format (1300);

    g_assert_cmpstr (selected_text (vat), ==, standard);
    gtk_drop_down_set_selected (vat, choice_position (vat, corsican));
  }
  line = factures_line_row_get_line (row, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (line->vat_category, ==, FACTURES_VAT_CATEGORY_S);
  g_assert_cmpint (line->vat_rate_bp, ==, 1300);
  g_assert_null (line->override_reason);
  g_clear_pointer (&line, factures_line_free);

  /* In La Réunion: 8.5 %, and the metropolitan 20 % is not offered. */
  seller->territory = FACTURES_VAT_TERRITORY_DOM;
  factures_line_row_set_parties (row, seller, private_person);
  {
    GListModel *model = gtk_drop_down_get_model (vat);
    g_autofree char *dom = factures_rate_format (850);
    g_autofree char *metropolitan = factures_rate_format (2000);

    g_assert_cmpstr (selected_text (vat), ==, dom);

    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autoptr (GtkStringObject) item = g_list_model_get_item (model, i);

        g_assert_cmpstr (gtk_string_object_get_string (item), !=, metropolitan);
      }
  }
  screenshots (window, "line-row-dom");

  /* With the longest choices, the row keeps the editor's narrowest lines column. */
  gtk_drop_down_set_selected (vat, choice_position (vat, factures_vat_category_label (FACTURES_VAT_CATEGORY_O)));
  {
    int minimum = 0;

    gtk_widget_measure (GTK_WIDGET (row), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
    g_assert_cmpint (minimum, <=, 472);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* --------------------------------------------------------------- profile -- */

static FacturesProfile *
stored_profile (FacturesStore *store)
{
  g_autoptr (GError) error = NULL;
  FacturesProfile *profile = factures_store_get_profile (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (profile);
  return profile;
}

static void
validate (GtkWidget *form,
          const char *title)
{
  GtkWidget *row = find_row (form, title);

  g_assert_nonnull (row);
  factures_form_row_validate (factures_form_row_find (row));
}

/* Issue 13 item 2 and issue 11 item 6: the seller's country (searchable, France or an overseas
 * department), where it is established (the VAT rates), its intra-community VAT number even in
 * franchise, the usual activity of a line and its exempt activities, applied on change. */
static void
test_profile_vat (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *editor = factures_profile_editor_new (fixture->store);
  GtkWidget *country = find_row (editor, "Country");
  GtkWidget *territory = find_row (editor, "Established in");
  GtkWidget *vat_id = find_row (editor, "VAT number");
  g_autoptr (FacturesProfile) profile = NULL;

  factures_profile_editor_set_apply_on_change (FACTURES_PROFILE_EDITOR (editor), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), editor);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 900);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (FACTURES_IS_COUNTRY_ROW (country));
  g_assert_nonnull (territory);
  g_assert_cmpstr (factures_country_row_get_country_code (FACTURES_COUNTRY_ROW (country)), ==, "FR");

  /* In franchise the VAT number can be given (art. 286 ter 5°), and is French. */
  g_assert_true (gtk_widget_get_sensitive (vat_id));
  set_row (editor, "VAT number", "DE123456788");
  validate (editor, "VAT number");
  g_assert_true (row_in_error (editor, "VAT number"));
  set_row (editor, "VAT number", "FR 44 732 829 320");
  validate (editor, "VAT number");
  g_assert_false (row_in_error (editor, "VAT number"));
  profile = stored_profile (fixture->store);
  g_assert_cmpstr (profile->party.vat_id, ==, "FR44732829320");
  g_assert_cmpint (profile->vat_regime, ==, FACTURES_VAT_REGIME_FRANCHISE);
  g_clear_pointer (&profile, factures_profile_free);

  /* La Réunion: its territory follows (its postal code first: a code of La Réunion starts
   * with 974, fifth trial, finding 5). */
  set_row (editor, "Postal code", "97400");
  validate (editor, "Postal code");
  factures_country_row_set_country_code (FACTURES_COUNTRY_ROW (country), "RE");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (territory)), ==, FACTURES_VAT_TERRITORY_DOM);
  profile = stored_profile (fixture->store);
  g_assert_cmpstr (profile->party.country_code, ==, "RE");
  g_assert_cmpint (profile->territory, ==, FACTURES_VAT_TERRITORY_DOM);
  g_clear_pointer (&profile, factures_profile_free);

  /* Not established in France: said under the field, not saved. */
  factures_country_row_set_country_code (FACTURES_COUNTRY_ROW (country), "DE");
  g_assert_nonnull (factures_form_row_get_message (factures_form_row_find (country)));
  g_assert_true (g_str_has_prefix (factures_form_row_get_message (factures_form_row_find (country)), "Country: "));
  profile = stored_profile (fixture->store);
  g_assert_cmpstr (profile->party.country_code, ==, "RE");
  g_clear_pointer (&profile, factures_profile_free);

  /* Corsica: in France. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (territory), FACTURES_VAT_TERRITORY_CORSE);
  factures_country_row_set_country_code (FACTURES_COUNTRY_ROW (country), "FR");
  g_assert_null (factures_form_row_get_message (factures_form_row_find (country)));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (territory)), ==, FACTURES_VAT_TERRITORY_CORSE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (editor, "Usual activity of a line")),
                              FACTURES_LINE_ACTIVITY_SERVICES_BIC);
  profile = stored_profile (fixture->store);
  g_assert_cmpstr (profile->party.country_code, ==, "FR");
  g_assert_cmpint (profile->territory, ==, FACTURES_VAT_TERRITORY_CORSE);
  g_assert_cmpint (profile->line_activity, ==, FACTURES_LINE_ACTIVITY_SERVICES_BIC);
  g_clear_pointer (&profile, factures_profile_free);

  /* An exempt activity: named, with its basis; saved; removed. */
  activate_action (editor, "profile.add-exempt-activity");
  g_assert_true (row_in_error (editor, "New exempt activity"));
  set_row (editor, "New exempt activity", "Cours particuliers de mathématiques");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (editor, "Legal basis")),
                              FACTURES_VAT_EXEMPTION_261_4_4_B - 1);
  activate_action (editor, "profile.add-exempt-activity");
  g_assert_false (row_in_error (editor, "New exempt activity"));
  g_assert_nonnull (find_row (editor, "Cours particuliers de mathématiques"));
  profile = stored_profile (fixture->store);
  g_assert_cmpuint (profile->exempt_activities->len, ==, 1);
  {
    FacturesExemptActivity *exempt = g_ptr_array_index (profile->exempt_activities, 0);

    g_assert_cmpstr (exempt->label, ==, "Cours particuliers de mathématiques");
    g_assert_cmpint (exempt->basis, ==, FACTURES_VAT_EXEMPTION_261_4_4_B);
  }
  g_clear_pointer (&profile, factures_profile_free);
  {
    /* The VAT groups at the top of the window. */
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    double x = 0, y = 0;

    spin (500);
    g_assert_true (gtk_widget_translate_coordinates (territory, editor, 0, 0, &x, &y));
    g_test_message ("VAT group at %g of %g", y, gtk_adjustment_get_upper (adjustment));
    gtk_adjustment_set_value (adjustment, y - 60);
    screenshots (window, "profile-editor-vat");
  }

  {
    GtkWidget *row = find_row (editor, "Cours particuliers de mathématiques");
    g_autoptr (GPtrArray) buttons = g_ptr_array_new ();

    collect_type (row, GTK_TYPE_BUTTON, buttons);
    g_assert_cmpuint (buttons->len, ==, 1);
    g_signal_emit_by_name (g_ptr_array_index (buttons, 0), "clicked");
  }
  g_assert_null (find_row (editor, "Cours particuliers de mathématiques"));
  profile = stored_profile (fixture->store);
  g_assert_cmpuint (profile->exempt_activities->len, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---------------------------------------------------------------- editor -- */

/* The editor window open over no parent (a new draft), or NULL. */
static GtkWidget *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* (transfer none) */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (FACTURES_IS_EDITOR_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }
  return NULL;
}

/* Issue 13 in the invoice editor: a service to a German business is proposed reverse charge;
 * while the seller has no intra-community VAT number, the live checklist refuses it in French
 * words naming the line and the field (factures_vat_check(), art. 286 ter). */
static void
test_editor_reverse_charge (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr (FacturesClient) client = german_business ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *editor;
  FacturesLineRow *row;
  g_autoptr (FacturesLine) line = NULL;

  g_assert_true (factures_store_save_client (fixture->store, client, &error));
  g_assert_no_error (error);
  factures_editor_window_open (NULL, fixture->store, 0, client->id);
  editor = find_editor ();
  g_assert_nonnull (editor);
  gtk_window_set_default_size (GTK_WINDOW (editor), 1100, 1000);
  spin (300);
  collect_type (editor, FACTURES_TYPE_LINE_ROW, rows);
  if (rows->len == 0)
    {
      g_assert_true (gtk_widget_activate_action (editor, "editor.add-line", NULL));
      collect_type (editor, FACTURES_TYPE_LINE_ROW, rows);
    }
  g_assert_cmpuint (rows->len, >=, 1);
  row = g_ptr_array_index (rows, 0);
  factures_line_row_set_texts (row, "Traduction FR → DE, manuel utilisateur", "12", "page", "35");
  spin (500);

  line = factures_line_row_get_line (row, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (line->vat_category, ==, FACTURES_VAT_CATEGORY_AE);
  /* The checklist says what is missing and where to give it. */
  g_assert_nonnull (label_starting (editor, "Line 1: reverse charge (Autoliquidation) needs your intra-community VAT number"));
  /* The totals say the invoice's mention, not the franchise's (the seller is in franchise). */
  g_assert_nonnull (label_starting (editor, "Autoliquidation"));
  g_assert_null (label_starting (editor, "VAT not applicable, art. 293 B"));
  screenshots (editor, "editor-reverse-charge-refused");
  {
    /* …and at the bottom of the form, the totals. */
    g_autoptr (GPtrArray) scrolled = g_ptr_array_new ();
    GtkAdjustment *adjustment;

    collect_type (editor, GTK_TYPE_SCROLLED_WINDOW, scrolled);
    g_assert_cmpuint (scrolled->len, >=, 1);
    adjustment = gtk_scrolled_window_get_vadjustment (g_ptr_array_index (scrolled, 0));
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    screenshots (editor, "editor-reverse-charge-totals");
  }

  gtk_window_destroy (GTK_WINDOW (editor));
  spin (100);
}

/* Finding T18: the editor's currencies: the euro, then the common ones (GBP and USD near the
 * top), then the rest; ISO 4217's fund codes (BOV, CHE, CHW…) left out. */
static void
test_currency_choices (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (FacturesClient) client = german_business ();
  g_autoptr (GError) error = NULL;
  GtkWidget *editor, *row;
  GListModel *model;
  guint n;

  g_assert_true (factures_store_save_client (fixture->store, client, &error));
  factures_editor_window_open (NULL, fixture->store, 0, client->id);
  editor = find_editor ();
  g_assert_nonnull (editor);
  spin (200);
  row = find_row (editor, "Currency");
  g_assert_nonnull (row);
  model = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >, 100);
  g_assert_true (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), "EUR"));
  g_assert_true (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (model), 1), "GBP"));
  g_assert_true (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (model), 2), "USD"));
  g_assert_true (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (model), 3), "CHF"));
  g_assert_true (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (model), 4), "CAD"));
  for (guint i = 0; i < n; i++)
    {
      const char *item = gtk_string_list_get_string (GTK_STRING_LIST (model), i);
      static const char *const funds[] = { "BOV ", "CHE ", "CHW ", "COU ", "MXV ", "USN " };

      for (guint f = 0; f < G_N_ELEMENTS (funds); f++)
        g_assert_false (g_str_has_prefix (item, funds[f]));
      /* each once */
      for (guint j = i + 1; j < n; j++)
        g_assert_cmpstr (item, !=, gtk_string_list_get_string (GTK_STRING_LIST (model), j));
    }
  gtk_window_destroy (GTK_WINDOW (editor));
}

static GtkWindow *
ui_find_issue_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (FACTURES_IS_ISSUE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

/* Finding T11: an administration without service code (BT-10): a note in the client editor,
 * a warning in the issue dialog, which still offers to issue. */
static void
test_public_without_service_code (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr (FacturesClient) client = store_test_client ("Mairie de Villeurbanne");
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  FacturesClientEditor *client_editor;
  GtkWidget *editor;
  GtkWindow *dialog;
  GPtrArray *problems;
  gboolean warned = FALSE;

  client->category = FACTURES_CLIENT_CATEGORY_PUBLIC;
  g_assert_true (factures_store_save_client (fixture->store, client, &error));
  g_assert_no_error (error);

  client_editor = factures_client_editor_open (NULL, fixture->store, client->id);
  gtk_window_present (GTK_WINDOW (client_editor));
  spin (200);
  g_assert_nonnull (label_starting (GTK_WIDGET (client_editor), "No service code"));
  set_row (GTK_WIDGET (client_editor), "Service code (Chorus Pro)", "SERV-42");
  g_assert_null (label_starting (GTK_WIDGET (client_editor), "No service code"));
  gtk_window_destroy (GTK_WINDOW (client_editor));

  factures_editor_window_open (NULL, fixture->store, 0, client->id);
  editor = find_editor ();
  g_assert_nonnull (editor);
  gtk_window_set_default_size (GTK_WINDOW (editor), 1100, 1000);
  spin (300);
  collect_type (editor, FACTURES_TYPE_LINE_ROW, rows);
  if (rows->len == 0)
    {
      g_assert_true (gtk_widget_activate_action (editor, "editor.add-line", NULL));
      collect_type (editor, FACTURES_TYPE_LINE_ROW, rows);
    }
  factures_line_row_set_texts (g_ptr_array_index (rows, 0), "Atelier de formation", "1", "jour", "600");
  spin (300);
  g_assert_true (gtk_widget_activate_action (editor, "editor.issue", NULL));
  spin (300);
  dialog = ui_find_issue_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "issue"));
  problems = factures_issue_dialog_get_problems (FACTURES_ISSUE_DIALOG (dialog));
  for (guint i = 0; i < problems->len; i++)
    warned |= strstr (g_ptr_array_index (problems, i), "no service code") != NULL;
  g_assert_true (warned);
  screenshots (GTK_WIDGET (dialog), "issue-dialog-no-service-code");
  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* The first check button under @widget. */
static GtkWidget *
find_check_button (GtkWidget *widget)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_check_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A débours (art. 267 II 2° du CGI) carries no VAT whatever the VAT chosen: the choice is
 * greyed out and the line the editor saves is E with VATEX-EU-79-C and its mention. */
static void
test_line_debours (void)
{
  g_autoptr (FacturesProfile) seller = store_test_profile ();
  g_autoptr (FacturesClient) buyer = factures_client_new ();
  FacturesLineRow *row = factures_line_row_new (NULL, FALSE, FALSE);
  GtkWidget *window = gtk_window_new ();
  g_autoptr (FacturesLine) line = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *debours;
  GtkDropDown *vat;

  seller->vat_regime = FACTURES_VAT_REGIME_REGISTERED;
  seller->party.vat_id = g_strdup ("FR44732829320");
  buyer->party.name = g_strdup ("Boulangerie Petit SARL");
  buyer->category = FACTURES_CLIENT_CATEGORY_COMPANY;
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (row));
  gtk_window_set_default_size (GTK_WINDOW (window), 496, -1);
  factures_line_row_set_texts (row, "Frais de greffe payés pour le client", "1", "u", "37,45");
  gtk_window_present (GTK_WINDOW (window));
  factures_line_row_set_parties (row, seller, buyer);
  vat = row_drop_down (row, 1);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (vat)));
  line = factures_line_row_get_line (row, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (line->vat_category, ==, FACTURES_VAT_CATEGORY_S);
  g_clear_pointer (&line, factures_line_free);

  debours = find_check_button (GTK_WIDGET (row));
  g_assert_nonnull (debours);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (debours), TRUE);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (vat)));
  g_assert_null (label_starting (GTK_WIDGET (row), "Proposed: "));
  line = factures_line_row_get_line (row, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (line->debours);
  g_assert_cmpint (line->vat_category, ==, FACTURES_VAT_CATEGORY_E);
  g_assert_cmpint (line->vat_rate_bp, ==, 0);
  g_assert_cmpstr (line->vatex, ==, FACTURES_VATEX_EU_79_C);
  g_assert_cmpstr (line->exemption_reason, ==, FACTURES_VAT_MENTION_DEBOURS);
  screenshots (window, "line-row-debours");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  factures_documents_register_resources ();

  g_test_add_func ("/ui/vat/line-row-messages", test_line_row_messages);
  g_test_add_func ("/ui/vat/line-treatment", test_line_treatment);
  g_test_add_func ("/ui/vat/line-debours", test_line_debours);
  g_test_add ("/ui/vat/profile", Fixture, NULL, fixture_set_up, test_profile_vat, fixture_tear_down);
  g_test_add ("/ui/vat/editor-reverse-charge", Fixture, NULL, fixture_set_up, test_editor_reverse_charge,
              fixture_tear_down);
  g_test_add ("/ui/vat/client-abroad", Fixture, NULL, fixture_set_up, test_client_abroad, fixture_tear_down);
  g_test_add ("/ui/vat/client-uk-vat", Fixture, NULL, fixture_set_up, test_client_uk_vat, fixture_tear_down);
  g_test_add ("/ui/vat/client-balances-currency", Fixture, NULL, fixture_set_up, test_client_balances_currency,
              fixture_tear_down);
  g_test_add ("/ui/vat/client-editor-groups", Fixture, NULL, fixture_set_up, test_client_editor_groups,
              fixture_tear_down);
  g_test_add ("/ui/vat/currency-choices", Fixture, NULL, fixture_set_up, test_currency_choices, fixture_tear_down);
  g_test_add ("/ui/vat/public-without-service-code", Fixture, NULL, fixture_set_up, test_public_without_service_code,
              fixture_tear_down);
  g_test_add ("/ui/vat/client-language", Fixture, NULL, fixture_set_up, test_client_language, fixture_tear_down);
  return g_test_run ();
}
