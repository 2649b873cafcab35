/* test-pa-document-view.c — the plateforme agréée in the issued-document view (issue 14
 * items 2 and 3), driven as widgets (needs a display)
 *
 * Without a PA account « Envoyer » is e-mail and the PA panel is hidden. With one, an
 * invoice to a French business proposes the PA (a private client keeps e-mail); sending puts
 * it into the e-invoicing outbox and the panel says "waiting to be sent"; once deposited it
 * says "transmitted to the platform"; the lifecycle statuses show with their date, sender and
 * reason, and a refusal (210) or a cancellation (220) says what to do (credit note, then a new
 * invoice). A deposit the
 * platform refused shows each reasonCode and reasonMessage. In Achats, a supplier invoice can
 * be answered (205, 207, 210) with a reason code once a PA account exists: the status goes
 * into the outbox; a reason too long is refused and nothing is queued. Screenshots are written to
 * G_TEST_BUILDDIR/pa-document-view*.png to be looked at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "factures-cii-reader.h"
#include "factures-confirm-dialog.h"
#include "factures-facturx-ui.h"
#include "factures-imported-dialog.h"
#include "factures-message-dialog.h"
#include "factures-pa-respond-dialog.h"
#include "factures-store-facturx.h"
#include "factures-document-view.h"
#include "factures-pa-panel.h"
#include "factures-overdue-page.h"
#include "factures-store-einvoicing.h"
#include "../store/store-test-util.h"

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

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

static void
screenshot (GtkWidget  *window,
            const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                            name, NULL);

  spin (400);
  paintable = gtk_widget_paintable_new (window);
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (window), gtk_widget_get_height (window));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static FacturesDocumentView *
open_view (FacturesStore *store,
           gint64         id)
{
  g_autoptr(GError) error = NULL;
  FacturesDocumentView *view = factures_document_view_new (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (view);
  gtk_window_set_default_size (GTK_WINDOW (view), 1100, 1300);
  gtk_window_present (GTK_WINDOW (view));
  spin (200);
  return view;
}

static const char *
send_action (FacturesDocumentView *view)
{
  GObject *button = gtk_widget_get_template_child (GTK_WIDGET (view), FACTURES_TYPE_DOCUMENT_VIEW, "send_button");

  g_assert_nonnull (button);
  return gtk_actionable_get_action_name (GTK_ACTIONABLE (button));
}

static char *
describe (FacturesDocumentView *view)
{
  GtkWidget *panel = find_type (GTK_WIDGET (view), FACTURES_TYPE_PA_PANEL);

  g_assert_nonnull (panel);
  if (!gtk_widget_get_visible (panel))
    return g_strdup ("");
  return factures_pa_panel_describe (FACTURES_PA_PANEL (panel));
}

static FacturesDocument *
issue (FacturesStore *store,
       gint64         client_id,
       const char    *day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) draft = store_test_draft (client_id, day, 1);
  FacturesDocument *issued;

  g_assert_true (factures_store_save_draft (store, draft, &error));
  issued = factures_store_issue (store, draft->id, store_test_render, NULL, &error);
  g_assert_no_error (error);
  return issued;
}

static void
record (FacturesStore *store,
        const char    *number,
        gint           code,
        const char    *day,
        const char    *role,
        const char    *name,
        const char    *reason_code,
        const char    *reason)
{
  g_autoptr(GError) error = NULL;
  FacturesPaStatus status = { 0, };
  gint64 document_id = 0;

  status.code = code;
  status.invoice_number = (char *) number;
  status.date = (char *) day;
  status.sender_role = (char *) role;
  status.sender_name = (char *) name;
  status.reason_code = (char *) reason_code;
  status.reason = (char *) reason;
  g_assert_true (factures_store_pa_record_status (store, 0, "flow-1", &status, &document_id, &error));
  g_assert_no_error (error);
}

static void
test_view (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_db_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesStore) store = factures_store_open (path, &error);
  g_autoptr(FacturesProfile) profile = store_test_profile ();
  g_autoptr(FacturesClient) company = store_test_client ("Société Étoile");
  g_autoptr(FacturesClient) person = store_test_client ("Jeanne Martin");
  g_autoptr(FacturesDocument) a = NULL;
  g_autoptr(FacturesDocument) b = NULL;
  g_autoptr(FacturesDocument) c = NULL;
  g_autoptr(FacturesPaAccount) account = factures_pa_account_new ();
  g_autoptr(FacturesPaOutboxItem) item = NULL;
  g_autofree char *text = NULL;
  FacturesDocumentView *view, *view_b;
  GtkWindow *dialog;

  g_assert_no_error (error);
  g_assert_true (factures_store_save_profile (store, profile, &error));
  g_assert_true (factures_store_save_client (store, company, &error));
  person->category = FACTURES_CLIENT_CATEGORY_INDIVIDUAL;
  g_clear_pointer (&person->party.siren, g_free);
  g_assert_true (factures_store_save_client (store, person, &error));
  a = issue (store, company->id, "2026-09-02");
  b = issue (store, person->id, "2026-09-03");
  c = issue (store, company->id, "2026-09-04");

  /* No PA account: « Envoyer » is e-mail, nothing about the PA is shown. */
  view = open_view (store, a->id);
  g_assert_cmpstr (send_action (view), ==, "view.send-email");
  text = describe (view);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);

  /* A PA account: the French business is proposed the PA, the private client e-mail. */
  account->name = g_strdup ("Ma PA");
  account->registration = g_strdup ("0042");
  account->base_url = g_strdup ("https://pa.example/flow-service");
  account->token_url = g_strdup ("https://pa.example/oauth2/token");
  account->client_id = g_strdup ("client-42");
  g_assert_true (factures_store_save_pa_account (store, account, &error));
  g_assert_no_error (error);
  spin (100);
  g_assert_cmpstr (send_action (view), ==, "view.send-pa");
  view_b = open_view (store, b->id);
  g_assert_cmpstr (send_action (view_b), ==, "view.send-email");
  gtk_window_destroy (GTK_WINDOW (view_b));

  /* Sending: a question, then the outbox. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.send-pa", NULL));
  spin (100);
  dialog = NULL;
  {
    g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

        if (FACTURES_IS_CONFIRM_DIALOG (window))
          dialog = GTK_WINDOW (window);
      }
  }
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "send");
  gtk_window_destroy (dialog);
  spin (100);
  item = factures_store_pa_outbox_for_document (store, a->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (item);
  g_assert_cmpint (item->state, ==, FACTURES_PA_OUTBOX_QUEUED);
  text = describe (view);
  g_assert_nonnull (strstr (text, "Transmission\twaiting to be sent\n"));
  g_clear_pointer (&text, g_free);

  /* Deposited and acknowledged, then the statuses come back: déposée, refusée by the client. */
  g_assert_true (factures_store_pa_outbox_mark_sent (store, item->id, "flow-1", "2026-09-05T09:30:00Z",
                                                     FACTURES_PA_ACK_OK, NULL, &error));
  record (store, a->number, 200, "2026-09-05T09:31:00", "WK", "Ma PA", NULL, NULL);
  record (store, a->number, 210, "2026-09-08T14:00:00", "BY", "Société Étoile", "TX_TVA_ERR",
          "Taux de TVA erroné");
  spin (100);
  text = describe (view);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Transmission\ttransmitted to the platform — deposited on 05/09/2026\n"));
  g_assert_nonnull (strstr (text, "deposited (200)\t05/09/2026 — from Ma PA, a platform\n"));
  g_assert_nonnull (strstr (text, "refused (210)\t08/09/2026 — from Société Étoile, the client\n"
                                  "Reason: TX_TVA_ERR : Taux de TVA erroné\n"));
  g_assert_nonnull (strstr (text, "What to do\tThe client refused this invoice"));
  g_assert_nonnull (strstr (text, "credit note"));
  screenshot (GTK_WIDGET (view), "pa-document-view.png");
  g_clear_pointer (&text, g_free);
  gtk_window_destroy (GTK_WINDOW (view));

  /* A deposit the platform refused: each reasonCode and reasonMessage. */
  g_clear_pointer (&item, factures_pa_outbox_item_free);
  g_assert_cmpint (factures_store_pa_enqueue_document (store, c->id, &error), >, 0);
  item = factures_store_pa_outbox_for_document (store, c->id, &error);
  g_assert_nonnull (item);
  g_assert_true (factures_store_pa_outbox_mark_sent (store, item->id, "flow-2", "2026-09-06T10:00:00Z",
                                                     FACTURES_PA_ACK_ERROR,
                                                     "[{\"reasonCode\":\"SIREN_ERR\",\"reasonMessage\":\"SIREN du destinataire inconnu\"},"
                                                     "{\"reasonCode\":\"FORMAT_ERR\",\"reasonMessage\":\"BT-1 absent\"}]",
                                                     &error));
  view = open_view (store, c->id);
  text = describe (view);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Transmission\trefused by the platform — deposited on 06/09/2026\n"));
  g_assert_nonnull (strstr (text, "Reason SIREN_ERR\tSIREN du destinataire inconnu\n"));
  g_assert_nonnull (strstr (text, "Reason FORMAT_ERR\tBT-1 absent\n"));
  /* Already in the outbox: « Envoyer » does not enqueue it twice. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "view.send-pa", NULL));
  spin (100);
  screenshot (GTK_WIDGET (view), "pa-document-view-refused.png");
  gtk_window_destroy (GTK_WINDOW (view));

  /* Annulée (220, PA.md §2): in words, and what to do (the invoice no longer counts). */
  {
    g_autoptr(FacturesDocument) d = issue (store, company->id, "2026-09-05");
    g_autoptr(FacturesPaOutboxItem) item_d = NULL;

    g_assert_cmpint (factures_store_pa_enqueue_document (store, d->id, &error), >, 0);
    item_d = factures_store_pa_outbox_for_document (store, d->id, &error);
    g_assert_nonnull (item_d);
    g_assert_true (factures_store_pa_outbox_mark_sent (store, item_d->id, "flow-3", "2026-09-06T11:00:00Z",
                                                       FACTURES_PA_ACK_OK, NULL, &error));
    record (store, d->number, 220, "2026-09-09T10:00:00", "SE", "Ma PA", NULL, "Facture émise par erreur");
    view = open_view (store, d->id);
    g_clear_pointer (&text, g_free);
    text = describe (view);
    g_test_message ("%s", text);
    g_assert_nonnull (strstr (text, "cancelled (220)\t09/09/2026"));
    g_assert_nonnull (strstr (text, "Reason: Facture émise par erreur\n"));
    g_assert_nonnull (strstr (text, "What to do\tThis invoice was cancelled through the platform"));
    g_assert_nonnull (strstr (text, "reminders stop"));
    screenshot (GTK_WIDGET (view), "pa-document-view-cancelled.png");
    g_clear_pointer (&text, g_free);
    gtk_window_destroy (GTK_WINDOW (view));
  }

  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&store);
  store_test_remove_dir (dir);
}

/* The overdue list's rows as shown: each row's mapped labels joined by tabs, one row a line. */
static void
collect_rows (GtkWidget *widget,
              GString   *out,
              GString   *row)
{
  gboolean is_row = row == NULL && g_strcmp0 (gtk_widget_get_css_name (widget), "row") == 0 &&
                    gtk_widget_get_ancestor (widget, GTK_TYPE_COLUMN_VIEW) != NULL;
  g_autoptr(GString) mine = is_row ? g_string_new (NULL) : NULL;

  if (!gtk_widget_get_mapped (widget))
    return;
  if (is_row)
    row = mine;
  if (row != NULL && GTK_IS_LABEL (widget))
    g_string_append_printf (row, "%s\t", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, out, row);
  if (is_row && mine->len > 0)
    g_string_append_printf (out, "%s\n", mine->str);
}

static char *
overdue_rows (GtkWidget *page)
{
  GString *out = g_string_new (NULL);

  spin (200);
  collect_rows (page, out, NULL);
  return g_string_free (out, FALSE);
}

/* Issue 14 with the overdue view: an invoice refused (210), rejected (213), cancelled (220) or
 * disputed (207) by the PA says so in its row of the overdue list, once a PA account exists;
 * an approval after the dispute clears it. */
static void
test_overdue (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_db_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesStore) store = factures_store_open (path, &error);
  g_autoptr(FacturesProfile) profile = store_test_profile ();
  g_autoptr(FacturesClient) company = store_test_client ("Société Étoile");
  g_autoptr(FacturesPaAccount) account = factures_pa_account_new ();
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_document_free);
  static const gint codes[] = { 210, 213, 220, 207, 207, 200 };
  static const char *const words[] = { "refused", "rejected", "cancelled", "disputed", NULL, NULL };
  g_autofree char *text = NULL;
  GtkWidget *window, *page;

  g_setenv ("FACTURES_TODAY", "2026-12-06", TRUE);
  g_assert_no_error (error);
  g_assert_true (factures_store_save_profile (store, profile, &error));
  g_assert_true (factures_store_save_client (store, company, &error));
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_autofree char *day = g_strdup_printf ("2026-09-%02u", i + 1);
      FacturesDocument *doc = issue (store, company->id, day);

      g_ptr_array_add (docs, doc);
      record (store, doc->number, codes[i], "2026-09-20T10:00:00", codes[i] == 200 ? "WK" : "BY",
              "Société Étoile", codes[i] == 200 ? NULL : "AUTRE", NULL);
    }
  /* the fifth: disputed, then approved (the ladder runs again, nothing to say) */
  record (store, ((FacturesDocument *) docs->pdata[4])->number, 205, "2026-09-25T10:00:00", "BY",
          "Société Étoile", NULL, NULL);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 1400);
  page = factures_overdue_page_new (store);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  spin (300);

  /* No PA account: the column is not shown. */
  text = overdue_rows (page);
  g_test_message ("%s", text);
  for (guint i = 0; i < docs->len; i++)
    g_assert_nonnull (strstr (text, ((FacturesDocument *) docs->pdata[i])->number));
  g_assert_null (strstr (text, "refused"));
  g_clear_pointer (&text, g_free);

  account->name = g_strdup ("Ma PA");
  account->registration = g_strdup ("0042");
  account->base_url = g_strdup ("https://pa.example/flow-service");
  account->token_url = g_strdup ("https://pa.example/oauth2/token");
  account->client_id = g_strdup ("client-42");
  g_assert_true (factures_store_save_pa_account (store, account, &error));
  g_assert_no_error (error);
  factures_overdue_page_refresh (FACTURES_OVERDUE_PAGE (page));
  text = overdue_rows (page);
  g_test_message ("%s", text);
  for (guint i = 0; i < docs->len; i++)
    {
      const char *number = ((FacturesDocument *) docs->pdata[i])->number;
      g_autofree char *prefix = g_strdup_printf ("%s\tSociété Étoile\t%s\t", number,
                                                 words[i] != NULL ? words[i] : "");
      const char *line = strstr (text, number);

      g_assert_nonnull (line);
      g_assert_true (g_str_has_prefix (line, prefix));
    }
  screenshot (window, "pa-overdue.png");
  g_clear_pointer (&text, g_free);
  gtk_window_destroy (GTK_WINDOW (window));

  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_unsetenv ("FACTURES_TODAY");
  g_clear_object (&store);
  store_test_remove_dir (dir);
}

static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        found = GTK_WINDOW (window);
    }
  return found;
}

static void
close_all (void)
{
  GtkWindow *window;

  while ((window = find_toplevel (GTK_TYPE_WINDOW)) != NULL)
    gtk_window_destroy (window);
  spin (50);
}

static GtkWidget *
find_button_labelled (GtkWidget  *root,
                      const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_labelled (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* « suspendue » (208) on one of our invoices: the panel offers « complétée » (209), which goes
 * into the outbox once, and then says it waits there. */
static void
test_suspended (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_db_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesStore) store = factures_store_open (path, &error);
  g_autoptr(FacturesProfile) profile = store_test_profile ();
  g_autoptr(FacturesClient) company = store_test_client ("Société Étoile");
  g_autoptr(FacturesDocument) a = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *text = NULL;
  GtkWidget *window, *panel;
  guint n = 0;

  g_assert_no_error (error);
  g_assert_true (factures_store_save_profile (store, profile, &error));
  g_assert_true (factures_store_save_client (store, company, &error));
  a = issue (store, company->id, "2026-09-02");
  record (store, a->number, 208, "2026-09-09T10:00:00", "BY", "Société Étoile", "DOC_MANQ",
          "Bon de commande manquant");

  window = gtk_window_new ();
  panel = g_object_new (FACTURES_TYPE_PA_PANEL, NULL);
  gtk_window_set_child (GTK_WINDOW (window), panel);
  factures_pa_panel_set_document (FACTURES_PA_PANEL (panel), store, a->id);
  gtk_window_present (GTK_WINDOW (window));
  spin (100);
  g_assert_true (gtk_widget_is_visible (find_button_labelled (panel, "Send “_Complétée”")));
  screenshot (window, "pa-suspended.png");
  g_assert_true (gtk_widget_activate_action (panel, "pa-panel.send-completed", NULL));
  /* Once only: the button goes, and the action with it. */
  g_assert_false (gtk_widget_is_visible (find_button_labelled (panel, "Send “_Complétée”")));
  gtk_widget_activate_action (panel, "pa-panel.send-completed", NULL);
  rows = factures_store_pa_outbox_list (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      FacturesPaOutboxItem *item = g_ptr_array_index (rows, i);

      if (item->is_status && item->document_id == a->id && item->status_code == 209)
        n++;
    }
  g_assert_cmpuint (n, ==, 1);
  text = factures_pa_panel_describe (FACTURES_PA_PANEL (panel));
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Status “complétée” (209)\tIn the e-invoicing outbox"));
  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
}

static guint
purchase_statuses (FacturesStore *store,
                   gint64         imported_id,
                   gint           code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = factures_store_pa_outbox_list (store, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      FacturesPaOutboxItem *item = g_ptr_array_index (rows, i);

      if (item->is_status && item->imported_id == imported_id && item->status_code == code)
        n++;
    }
  return n;
}

static void
test_purchase_answer (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_db_path (dir);
  g_autofree char *sample = g_build_filename (g_getenv ("FACTURES_REFERENCE_DATA"), "02_facturx", "akretion",
                                              "fixtures", "xml", "factur-x-en16931.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesStore) store = factures_store_open (path, &error);
  g_autoptr(FacturesProfile) profile = store_test_profile ();
  g_autoptr(FacturesPaAccount) account = factures_pa_account_new ();
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(FacturesImported) imported = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *too_long = NULL;
  FacturesImportedDirection direction;
  AdwMessageDialog *dialog;
  GtkWindow *answer;
  gsize length;
  gint64 id;

  g_assert_no_error (error);
  if (!g_file_get_contents (sample, &contents, &length, NULL))
    {
      g_test_skip ("reference data not available");
      return;
    }
  g_assert_true (factures_store_save_profile (store, profile, &error));
  xml = g_bytes_new_take (g_steal_pointer (&contents), length);
  imported = factures_cii_read (xml, &error);
  g_assert_no_error (error);
  id = factures_store_import_history (store, imported, xml, "factur-x.xml", FALSE, xml, NULL, NULL, &direction, &error);
  g_assert_no_error (error);
  g_assert_cmpint (direction, ==, FACTURES_IMPORTED_PURCHASE);

  /* Without a PA account the invoice cannot be answered from the window. */
  factures_facturx_ui_show_imported (NULL, store, id);
  spin (100);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (FACTURES_TYPE_IMPORTED_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_has_response (dialog, "respond"));
  close_all ();

  account->name = g_strdup ("Ma PA");
  account->registration = g_strdup ("0042");
  account->base_url = g_strdup ("https://pa.example/flow-service");
  account->token_url = g_strdup ("https://pa.example/oauth2/token");
  account->client_id = g_strdup ("client-42");
  g_assert_true (factures_store_save_pa_account (store, account, &error));

  factures_facturx_ui_show_imported (NULL, store, id);
  spin (100);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (FACTURES_TYPE_IMPORTED_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "respond"));
  adw_message_dialog_response (dialog, "respond");
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (100);
  answer = find_toplevel (FACTURES_TYPE_PA_RESPOND_DIALOG);
  g_assert_nonnull (answer);

  /* A reason over 500 characters: refused with a message, nothing queued. */
  too_long = g_strnfill (501, 'x');
  factures_pa_respond_dialog_set_answer (FACTURES_PA_RESPOND_DIALOG (answer), 207, "TX_TVA_ERR", too_long);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (answer), "send");
  spin (100);
  g_assert_cmpuint (purchase_statuses (store, id, 207), ==, 0);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (FACTURES_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The answer cannot be sent");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Disputed with a reason code: the status 207 is in the outbox, once. */
  factures_pa_respond_dialog_set_answer (FACTURES_PA_RESPOND_DIALOG (answer), 207, "TX_TVA_ERR",
                                         "Le taux de TVA de la ligne 2 est erroné");
  screenshot (GTK_WIDGET (answer), "pa-purchase-answer.png");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (answer), "send");
  spin (100);
  g_assert_cmpuint (purchase_statuses (store, id, 207), ==, 1);
  close_all ();

  g_clear_object (&store);
  store_test_remove_dir (dir);
}

/* Issue 15: the directory's warning before the deposit, and an administration's invoice:
 * the Chorus Pro portal while the PA does not route B2G, the PA once it does. */
static void
test_directory_and_public (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_db_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesStore) store = factures_store_open (path, &error);
  g_autoptr(FacturesProfile) profile = store_test_profile ();
  g_autoptr(FacturesClient) off = store_test_client ("Société Éteinte");
  g_autoptr(FacturesClient) mairie = store_test_client ("Mairie de Test");
  g_autoptr(FacturesDocument) a = NULL;
  g_autoptr(FacturesDocument) b = NULL;
  g_autoptr(FacturesPaAccount) account = factures_pa_account_new ();
  g_autoptr(FacturesPaDirectoryEntry) entry = factures_pa_directory_entry_new ();
  g_autofree char *text = NULL;
  FacturesDocumentView *view;

  g_assert_no_error (error);
  g_assert_true (factures_store_save_profile (store, profile, &error));
  g_free (off->party.siren);
  off->party.siren = g_strdup ("404833048");
  g_clear_pointer (&off->party.siret, g_free);
  g_clear_pointer (&off->party.vat_id, g_free);
  g_assert_true (factures_store_save_client (store, off, &error));
  mairie->category = FACTURES_CLIENT_CATEGORY_PUBLIC;
  g_free (mairie->party.siren);
  mairie->party.siren = g_strdup ("130005481");
  g_clear_pointer (&mairie->party.siret, g_free);
  g_clear_pointer (&mairie->party.vat_id, g_free);
  mairie->service_code = g_strdup ("SERV-FACT-42");
  g_assert_true (factures_store_save_client (store, mairie, &error));
  account->name = g_strdup ("PA de test");
  account->registration = g_strdup ("0042");
  account->base_url = g_strdup ("https://pa.example/flow-service");
  account->token_url = g_strdup ("https://pa.example/oauth2/token");
  account->client_id = g_strdup ("client-42");
  account->directory_url = g_strdup ("https://pa.example/directory-service");
  g_assert_true (factures_store_save_pa_account (store, account, &error));
  entry->siren = g_strdup ("404833048");
  entry->status = FACTURES_PA_DIRECTORY_DISABLED;
  entry->looked_up = g_strdup ("2026-12-06T09:30:00Z");
  g_assert_true (factures_store_pa_directory_save (store, entry, &error));
  a = issue (store, off->id, "2026-12-06");
  b = issue (store, mairie->id, "2026-12-06");

  /* A client whose directory line is disabled: flagged, with what to do, before the deposit. */
  view = open_view (store, a->id);
  g_assert_cmpstr (send_action (view), ==, "view.send-pa");
  text = describe (view);
  g_assert_nonnull (strstr (text, "Directory\t"));
  g_assert_nonnull (strstr (text, "does not receive e-invoices"));
  g_assert_nonnull (strstr (text, "send the invoice by e-mail"));
  gtk_window_destroy (GTK_WINDOW (view));
  g_clear_pointer (&text, g_free);

  /* An administration, the PA not routing to Chorus Pro: e-mail, and the portal explained. */
  view = open_view (store, b->id);
  g_assert_cmpstr (send_action (view), ==, "view.send-email");
  text = describe (view);
  g_assert_nonnull (strstr (text, "Chorus Pro\t"));
  g_assert_nonnull (strstr (text, "Export for Chorus Pro"));
  screenshot (GTK_WIDGET (view), "pa-document-chorus.png");
  gtk_window_destroy (GTK_WINDOW (view));
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (factures_store_pa_enqueue_document (store, b->id, &error), ==, 0);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_clear_error (&error);

  /* …routing to Chorus Pro: through the PA, B2G. */
  account->routes_b2g = TRUE;
  g_assert_true (factures_store_save_pa_account (store, account, &error));
  view = open_view (store, b->id);
  g_assert_cmpstr (send_action (view), ==, "view.send-pa");
  text = describe (view);
  g_assert_null (strstr (text, "Chorus Pro\t"));
  gtk_window_destroy (GTK_WINDOW (view));
  {
    g_autoptr(FacturesPaOutboxItem) item = NULL;

    g_assert_cmpint (factures_store_pa_enqueue_document (store, b->id, &error), >, 0);
    item = factures_store_pa_outbox_for_document (store, b->id, &error);
    g_assert_nonnull (item);
    g_assert_cmpstr (item->processing_rule, ==, "B2G");
  }
  while (g_main_context_iteration (NULL, FALSE))
    ;
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
      g_printerr ("test-pa-document-view: no display\n");
      return g_getenv ("CI") != NULL ? 1 : 77;
    }
  adw_init ();
  g_test_add_func ("/pa/ui/document-view", test_view);
  g_test_add_func ("/pa/ui/purchase-answer", test_purchase_answer);
  g_test_add_func ("/pa/ui/overdue", test_overdue);
  g_test_add_func ("/pa/ui/suspended", test_suspended);
  g_test_add_func ("/pa/ui/directory-and-public", test_directory_and_public);
  return g_test_run ();
}
