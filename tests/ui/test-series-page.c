/* test-series-page.c — Preferences → Numbering as widgets (issue 10, finding 2)
 *
 * After F2026-0002 a counter of 10 is refused with the reason where the next number was
 * shown, nothing is saved and what was typed stays; a series that has given nothing yet
 * (quotes) moves its counter only after a confirmation that says why numbers follow without
 * gaps, and not when the confirmation is cancelled. Needs a display (suite ui; 77 without).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>
#include <glib/gstdio.h>

#include "factures-form-row.h"
#include "factures-series-page.h"
#include "factures-store.h"
#include "factures-store-lifecycle.h"
#include "ui-test-util.h"

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* The preferences group titled @title. */
static GtkWidget *
find_group (GtkWidget  *widget,
            const char *title)
{
  if (ADW_IS_PREFERENCES_GROUP (widget) &&
      g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_group (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The row titled @title (the last one: the preview row changes its title). */
static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  GtkWidget *found = NULL;

  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = find_row (child, title);

      if (row != NULL)
        found = row;
    }
  return found;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gint64
counter_now (FacturesStore *store,
             const char    *name)
{
  g_autoptr(GPtrArray) list = factures_store_list_series (store, NULL);

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const FacturesSeries *series = g_ptr_array_index (list, i);

      if (g_strcmp0 (series->name, name) == 0)
        return series->counter_now;
    }
  return -1;
}

static GBytes *
render (const FacturesDocument *document,
        gpointer                user_data,
        GError                **error)
{
  char *text = g_strdup_printf ("%%PDF-1.4 %s", document->number);

  return g_bytes_new_take (text, strlen (text));
}

static void
issue (FacturesStore *store,
       gint64         client_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) draft = factures_document_new (FACTURES_DOCUMENT_KIND_INVOICE);
  g_autoptr(FacturesDocument) issued = NULL;
  FacturesLine *line = factures_line_new ();

  draft->client_id = client_id;
  g_assert_true (factures_date_parse_iso ("2026-03-10", &draft->issue_date, NULL));
  g_free (line->description);
  line->description = g_strdup ("Conseil");
  line->quantity = FACTURES_QUANTITY_ONE;
  line->unit_price = 100 * FACTURES_UNIT_PRICE_ONE;
  g_ptr_array_add (draft->lines, line);
  g_assert_true (factures_store_save_draft (store, draft, &error));
  g_assert_no_error (error);
  issued = factures_store_issue (store, draft->id, render, NULL, &error);
  g_assert_no_error (error);
}

static void
test_series_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("factures-series-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "factures.db", NULL);
  g_autoptr(FacturesStore) store = NULL;
  g_autoptr(FacturesProfile) profile = factures_profile_new ();
  g_autoptr(FacturesClient) client = factures_client_new ();
  GtkWidget *window, *page, *group, *counter, *preview;
  AdwMessageDialog *dialog;

  g_setenv ("FACTURES_TODAY", "2026-03-10", TRUE);
  store = factures_store_open (path, &error);
  g_assert_no_error (error);
  profile->party.name = g_strdup ("Camille Martin EI");
  profile->party.address = g_strdup ("12 rue des Lilas");
  profile->party.postal_code = g_strdup ("69003");
  profile->party.city = g_strdup ("Lyon");
  profile->party.siren = g_strdup ("732829320");
  profile->registry = FACTURES_REGISTRY_NONE;
  profile->activity = FACTURES_ACTIVITY_SERVICES;
  profile->vat_regime = FACTURES_VAT_REGIME_FRANCHISE;
  g_assert_true (factures_store_save_profile (store, profile, &error));
  client->party.name = g_strdup ("Société Dupont");
  client->party.address = g_strdup ("3 avenue Foch");
  client->party.postal_code = g_strdup ("75016");
  client->party.city = g_strdup ("Paris");
  client->party.siren = g_strdup ("552081317");
  client->category = FACTURES_CLIENT_CATEGORY_COMPANY;
  g_assert_true (factures_store_save_client (store, client, &error));
  g_assert_no_error (error);
  issue (store, client->id);
  issue (store, client->id);
  g_assert_cmpint (counter_now (store, "invoice"), ==, 3);

  window = adw_preferences_window_new ();
  page = factures_series_page_new (store);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  gtk_window_present (GTK_WINDOW (window));
  ui_test_spin (200);

  /* Finding 2: a counter of 10 after F2026-0002 is refused, said where the preview was. */
  group = find_group (page, "Invoices and Deposit Invoices");
  g_assert_nonnull (group);
  counter = find_row (group, "Next counter");
  g_assert_nonnull (counter);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (counter)), ==, "3");
  gtk_editable_set_text (GTK_EDITABLE (counter), "10");
  ui_test_spin (50);
  preview = find_row (group, "Refused");
  g_assert_nonnull (preview);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (preview)), "Next number: "));
  /* Applied on change (issue 11 item 6): no Save; leaving the field applies it. */
  g_assert_null (find_button (group, "Save"));
  factures_form_row_validate (factures_form_row_find (counter));
  ui_test_spin (100);
  g_assert_null (find_dialog ());
  g_assert_nonnull (factures_form_row_get_message (factures_form_row_find (counter)));
  g_assert_cmpint (counter_now (store, "invoice"), ==, 3);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (counter)), ==, "10");

  /* Quotes have given nothing: the start may be set, after a confirmation. */
  group = find_group (page, "Quotes");
  counter = find_row (group, "Next counter");
  gtk_editable_set_text (GTK_EDITABLE (counter), "7");
  factures_form_row_validate (factures_form_row_find (counter));
  ui_test_spin (100);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "without gaps"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "D2026-0007"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_spin (100);
  g_assert_cmpint (counter_now (store, "quote"), ==, 1);
  /* Not moved: the field shows the stored counter again. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (counter)), ==, "1");

  gtk_editable_set_text (GTK_EDITABLE (counter), "7");
  factures_form_row_validate (factures_form_row_find (counter));
  ui_test_spin (100);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "move");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_spin (100);
  g_assert_cmpint (counter_now (store, "quote"), ==, 7);

  gtk_window_destroy (GTK_WINDOW (window));
  ui_test_spin (50);
  g_clear_object (&store);
  for (guint i = 0; i < 3; i++)
    {
      static const char *names[] = { "factures.db", "factures.db-wal", "factures.db-shm" };
      g_autofree char *file = g_build_filename (dir, names[i], NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
  g_unsetenv ("FACTURES_TODAY");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      if (g_getenv ("CI") != NULL)
        return 1;
      return 77;
    }
  adw_init ();
  g_test_add_func ("/series-page/counter", test_series_page);
  return g_test_run ();
}
