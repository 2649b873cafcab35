/* test-schedule-ui.c — a payment schedule agreed on a draft invoice (issue 6), in the editor
 *
 * On the fixture database (argv[1] builds it) and a private client's new draft:
 * "Payment Schedule…" on the due date row opens the instalments dialog for the draft;
 * "Split" then "Save" stores three monthly instalments and the editor's due date becomes
 * the last one. A schedule that no longer adds up is refused when the draft is issued,
 * with the amounts, and nothing is issued; corrected, the issued original PDF prints it,
 * and its Factur-X file reads back and imports as a draft (the plan text is not a plan).
 * The professional client's draft of the fixture: "Split" spreads the instalments up to the
 * legal limit (C. com. L441-10), the last one on it; one more beyond it is refused at once.
 * Screenshots: <build>/tests/ui/schedule-dialog.png, schedule-editor.png,
 * schedule-refused.png, schedule-b2b.png, and schedule-screen.png (the X screen: the dialog over the
 * editor) when ImageMagick's import is there; LANGUAGE=fr for the French ones.
 * Exits 77 without a display (1 under CI).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <poppler.h>
#include <string.h>

#include "factures-cii-reader.h"
#include "factures-documents.h"
#include "factures-instalment-row.h"
#include "factures-schedule.h"
#include "factures-store.h"
#include "factures-store-facturx.h"
#include "factures-store-payments.h"
#include "ui-test-util.h"

static const char *fixture_exe;

static GtkWindow *
find_window (const char *title)
{
  for (guint tries = 0; tries < 100; tries++)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

          if (gtk_widget_get_visible (GTK_WIDGET (window)) &&
              g_strcmp0 (gtk_window_get_title (GTK_WINDOW (window)), title) == 0)
            return GTK_WINDOW (window);
        }
      ui_test_spin (20);
    }
  return NULL;
}

static AdwMessageDialog *
find_message (const char *heading)
{
  for (guint tries = 0; tries < 100; tries++)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

          if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
              g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
            return ADW_MESSAGE_DIALOG (window);
        }
      ui_test_spin (20);
    }
  return NULL;
}

/* The first descendant of @root of @type (and, for buttons and labels, that text). */
static GtkWidget *
find_widget (GtkWidget *root, GType type, const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          const char *t = NULL;

          if (GTK_IS_BUTTON (child))
            t = gtk_button_get_label (GTK_BUTTON (child));
          else if (GTK_IS_LABEL (child))
            t = gtk_label_get_text (GTK_LABEL (child));
          else if (ADW_IS_PREFERENCES_ROW (child))
            t = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child));
          if (text == NULL || g_strcmp0 (t, text) == 0)
            return child;
        }
      found = find_widget (child, type, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
click (GtkWidget *root, const char *label)
{
  GtkWidget *button = find_widget (root, GTK_TYPE_BUTTON, label);

  if (button == NULL)
    g_error ("no button “%s”", label);
  g_assert_true (gtk_widget_is_visible (button));
  g_signal_emit_by_name (button, "clicked");
  ui_test_spin (200);
}

static GtkWindow *
open_editor (FacturesStore *store, gint64 id, const char *title)
{
  GtkWindow *editor;

  factures_editor_window_open (NULL, store, id, 0);
  editor = find_window (title);
  g_assert_nonnull (editor);
  ui_test_spin (500);
  return editor;
}

static gint64
new_private_draft (FacturesStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) draft = factures_document_new (FACTURES_DOCUMENT_KIND_INVOICE);
  FacturesLine *line = factures_line_new ();

  for (gint64 id = 1; id < 20 && draft->client_id == 0; id++)
    {
      g_autoptr(FacturesClient) client = factures_store_get_client (store, id, NULL);

      if (client != NULL && client->category == FACTURES_CLIENT_CATEGORY_INDIVIDUAL)
        draft->client_id = id;
    }
  g_assert_cmpint (draft->client_id, !=, 0);
  factures_today (&draft->issue_date);
  g_free (line->description);
  line->description = g_strdup ("Cours de piano, trimestre d’hiver");
  line->quantity = 12 * FACTURES_QUANTITY_ONE;
  line->unit = g_strdup ("h");
  line->unit_price = 45 * FACTURES_UNIT_PRICE_ONE;
  g_ptr_array_add (draft->lines, line);
  g_assert_true (factures_store_save_draft (store, draft, &error));
  g_assert_no_error (error);
  return draft->id;
}

static char *
original_text (FacturesStore *store, gint64 id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = factures_store_get_original (store, id, &error);
  PopplerDocument *doc;
  PopplerPage *page;
  char *text;

  g_assert_no_error (error);
  doc = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
  page = poppler_document_get_page (doc, 0);
  text = poppler_page_get_text (page);
  g_object_unref (page);
  g_object_unref (doc);
  return text;
}

static void
test_schedule (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("schedule-ui-XXXXXX", &error);
  g_autofree char *db = g_build_filename (tmp, "factures.db", NULL);
  const char *argv[] = { fixture_exe, db, NULL };
  g_autoptr(FacturesStore) store = NULL;
  g_autoptr(GArray) plan = NULL;
  g_autoptr(FacturesDocument) doc = NULL;
  g_autofree char *draft_title = NULL;
  g_autofree char *text = NULL;
  GtkWindow *editor, *dialog;
  GtkWidget *due_row;
  AdwMessageDialog *message;
  gint64 id, b2b_id = 0;
  int status = 0;

  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  store = factures_store_open (db, &error);
  g_assert_no_error (error);
  id = new_private_draft (store);

  /* Translators of the editor: "Facture (brouillon)" */
  draft_title = g_strdup_printf (_("%s (draft)"), factures_document_kind_title (FACTURES_DOCUMENT_KIND_INVOICE));
  editor = open_editor (store, id, draft_title);
  gtk_window_set_default_size (editor, 1100, 800);
  ui_test_spin (300);

  /* "Payment Schedule…" → the dialog of the draft, split in three, saved. */
  click (GTK_WIDGET (editor), _("Payment Schedule…"));
  dialog = find_window (_("Payment Schedule of the Draft"));
  g_assert_nonnull (dialog);
  click (GTK_WIDGET (dialog), _("Split"));
  ui_test_spin (300);
  ui_test_screenshot (GTK_WIDGET (dialog), "schedule-dialog.png");
  {
    /* The whole X screen too (the dialog over the editor), when ImageMagick is there. */
    g_autofree char *import = g_find_program_in_path ("import");
    g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                              "ui", "schedule-screen.png", NULL);
    const char *grab[] = { import, "-window", "root", path, NULL };

    if (import != NULL && g_getenv ("DISPLAY") != NULL)
      g_spawn_sync (NULL, (char **) grab, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, NULL, NULL);
  }
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  click (GTK_WIDGET (dialog), _("Save"));
  ui_test_spin (300);
  g_assert_null (dialog);   /* saved and closed */

  plan = factures_store_get_instalments (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->len, ==, 3);
  g_assert_cmpint (g_array_index (plan, FacturesInstalment, 0).amount +
                   g_array_index (plan, FacturesInstalment, 1).amount +
                   g_array_index (plan, FacturesInstalment, 2).amount, ==, 54000);

  /* The editor's due date is the last instalment's. */
  due_row = find_widget (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, _("Due date"));
  g_assert_nonnull (due_row);
  {
    g_autofree char *last = factures_date_format_fr (&g_array_index (plan, FacturesInstalment, 2).due_date);
    const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (due_row));

    g_test_message ("due row: %s", subtitle);
    g_assert_true (g_str_has_prefix (subtitle, last));
  }
  ui_test_spin (1500);   /* the preview follows */
  ui_test_screenshot (GTK_WIDGET (editor), "schedule-editor.png");

  /* The schedule no longer adds up (renegotiated to 500 €): refused at issue, nothing issued. */
  g_array_index (plan, FacturesInstalment, 2).amount -= 4000;
  g_assert_true (factures_store_set_instalments (store, id, plan, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.issue", NULL));
  message = find_message (_("Issue This Invoice?"));
  g_assert_nonnull (message);
  adw_message_dialog_response (message, "issue");
  gtk_window_destroy (GTK_WINDOW (message));
  message = find_message (_("The invoice cannot be issued"));
  g_assert_nonnull (message);
  g_test_message ("refused: %s", adw_message_dialog_get_body (message));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "500,00"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "540,00"));
  ui_test_spin (300);
  ui_test_screenshot (GTK_WIDGET (message), "schedule-refused.png");
  adw_message_dialog_response (message, "close");
  gtk_window_destroy (GTK_WINDOW (message));
  doc = factures_store_get_document (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (doc->status, ==, FACTURES_DOCUMENT_STATUS_DRAFT);
  g_clear_pointer (&doc, factures_document_free);

  /* Corrected, it issues; the stored original prints the schedule. */
  g_array_index (plan, FacturesInstalment, 2).amount += 4000;
  g_assert_true (factures_store_set_instalments (store, id, plan, &error));
  /* Once issued, the editor closes and the document's view opens (issue 11 item 2). */
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.issue", NULL));
  message = find_message (_("Issue This Invoice?"));
  adw_message_dialog_response (message, "issue");
  gtk_window_destroy (GTK_WINDOW (message));
  ui_test_spin (500);
  doc = factures_store_get_document (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (doc->status, ==, FACTURES_DOCUMENT_STATUS_ISSUED);
  g_assert_cmpuint (doc->instalments->len, ==, 3);
  text = original_text (store, id);
  g_assert_nonnull (strstr (text, "Paiement en 3 échéances"));
  for (guint i = 0; i < 50 && editor != NULL; i++)
    ui_test_spin (100);
  g_assert_null (editor);

  /* Its Factur-X file, with the schedule in BT-20, reads back and imports as a draft to
   * re-invoice: the last instalment is the due date read, the figures are the same, and the
   * new draft has no schedule (the text is not read back as a plan). */
  {
    g_autoptr(GBytes) original = factures_store_get_original (store, id, &error);
    g_autoptr(FacturesInvoiceFile) file = NULL;
    g_autoptr(FacturesDocument) redraft = NULL;
    g_auto (FacturesTotals) totals = { 0 };
    gint64 redraft_id;

    g_assert_no_error (error);
    file = factures_invoice_file_open (original, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (file->xsd_problems->len, ==, 0);
    g_assert_cmpuint (file->figure_problems->len, ==, 0);
    g_assert_cmpint (g_date_compare (&file->imported->due_date, &doc->due_date), ==, 0);
    redraft_id = factures_store_import_draft (store, file->imported, &error);
    g_assert_no_error (error);
    redraft = factures_store_get_document (store, redraft_id, &error);
    g_assert_no_error (error);
    g_assert_false (factures_document_has_schedule (redraft));
    g_assert_true (factures_document_compute_totals (redraft, &totals, NULL));
    g_assert_cmpint (totals.amount_due, ==, 54000);
  }

  /* The professional client's draft: the split spreads the instalments up to the legal
   * limit (C. com. L441-10), the last one on it; one more beyond it is refused at once. */
  for (gint64 i = 1; i < 20 && b2b_id == 0; i++)
    {
      g_autoptr(FacturesDocument) d = factures_store_get_document (store, i, NULL);

      if (d != NULL && d->status == FACTURES_DOCUMENT_STATUS_DRAFT && d->buyer != NULL &&
          factures_client_category_is_b2b (d->buyer->category))
        b2b_id = i;
    }
  g_assert_cmpint (b2b_id, !=, 0);
  editor = open_editor (store, b2b_id, draft_title);
  click (GTK_WIDGET (editor), _("Payment Schedule…"));
  dialog = find_window (_("Payment Schedule of the Draft"));
  g_assert_nonnull (dialog);
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, _("instalments up to the legal limit")));
  click (GTK_WIDGET (dialog), _("Split"));
  ui_test_screenshot (GTK_WIDGET (dialog), "schedule-b2b.png");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  click (GTK_WIDGET (dialog), _("Save"));
  g_assert_null (dialog);
  g_clear_pointer (&plan, g_array_unref);
  plan = factures_store_get_instalments (store, b2b_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->len, ==, 3);
  {
    g_autoptr(FacturesDocument) draft = factures_store_get_document (store, b2b_id, &error);
    GDate limit;

    factures_schedule_legal_limit (&draft->issue_date, draft->seller->eom_method, &limit);
    g_assert_cmpint (g_date_compare (&g_array_index (plan, FacturesInstalment, 2).due_date, &limit), ==, 0);
    g_assert_cmpint (g_date_compare (&draft->due_date, &limit), ==, 0);

    /* One more instalment, the day after the limit: refused with the reason, nothing stored. */
    click (GTK_WIDGET (editor), _("Payment Schedule…"));
    dialog = find_window (_("Payment Schedule of the Draft"));
    g_assert_nonnull (dialog);
    click (GTK_WIDGET (dialog), _("Add Instalment"));
    {
      GtkWidget *rows = find_widget (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX, NULL);
      GtkWidget *last = gtk_widget_get_last_child (rows);
      g_autofree char *late = NULL;

      g_date_add_days (&limit, 1);
      late = factures_date_format_fr (&limit);
      gtk_editable_set_text (GTK_EDITABLE (factures_instalment_row_get_date_entry (FACTURES_INSTALMENT_ROW (last))),
                             late);
      gtk_editable_set_text (GTK_EDITABLE (factures_instalment_row_get_amount_entry (FACTURES_INSTALMENT_ROW (last))),
                             "1,00");
    }
  }
  click (GTK_WIDGET (dialog), _("Save"));
  {
    /* the error label is the visible label with the "error" style */
    GtkWidget *found = NULL;
    GtkWidget *stack[64];
    guint n = 0;

    stack[n++] = GTK_WIDGET (dialog);
    while (n > 0 && found == NULL)
      {
        GtkWidget *w = stack[--n];

        if (GTK_IS_LABEL (w) && gtk_widget_has_css_class (w, "error") && gtk_widget_get_visible (w))
          found = w;
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL && n < G_N_ELEMENTS (stack);
             c = gtk_widget_get_next_sibling (c))
          stack[n++] = c;
      }
    g_assert_nonnull (found);
    g_test_message ("B2B: %s", gtk_label_get_text (GTK_LABEL (found)));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (found)), "L441-10"));
  }
  g_clear_pointer (&plan, g_array_unref);
  plan = factures_store_get_instalments (store, b2b_id, &error);
  g_assert_cmpuint (plan->len, ==, 3);
  gtk_window_destroy (dialog);
  gtk_window_destroy (editor);
  ui_test_spin (100);

  g_clear_object (&store);
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmp);

    g_assert_cmpint (system (cmd), ==, 0);
  }
}

int
main (int argc, char **argv)
{
  if (argc < 2)
    {
      g_printerr ("usage: test-schedule-ui FIXTURE\n");
      return 2;
    }
  fixture_exe = argv[1];
  argc--;
  argv[1] = argv[0];
  argv++;
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("FACTURES_LOCALEDIR") ? g_getenv ("FACTURES_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      if (g_getenv ("CI") != NULL)
        return 1;
      return 77;
    }
  adw_init ();
  g_test_add_func ("/schedule-ui/draft", test_schedule);
  return g_test_run ();
}
