/* test-mail-ui.c — Preferences → E-mail, the compose dialog and the outbox, driven as widgets
 *
 * The account form refuses bad input (message shown, nothing saved) and saves good
 * input; a preset fills server, port and security; the compose dialog is prefilled
 * from the template with the PDF shown; sending to a port where nothing listens
 * runs off the UI thread and ends with the message failed in the outbox, its reason
 * shown, the document unchanged; the outbox window lists it with "Retry".
 * No password is typed: a keyring prompt could hang under Xvfb. Needs a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "factures-compose-dialog.h"
#include "factures-mail-sender.h"
#include "factures-mail-page.h"
#include "factures-outbox-window.h"
#include "factures-store-mail.h"
#include "../store/store-test-util.h"

typedef struct {
  char          *dir;
  FacturesStore *store;
  gint64         document_id;
  char          *hash;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(FacturesProfile) profile = store_test_profile ();
  g_autoptr(FacturesClient) client = store_test_client ("Société Étoile");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  FacturesDocument *draft, *issued;

  f->dir = store_test_make_dir ();
  path = store_test_db_path (f->dir);
  f->store = factures_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_save_profile (f->store, profile, &error));
  g_free (client->party.email);
  client->party.email = g_strdup ("client@example.org");
  g_assert_true (factures_store_save_client (f->store, client, &error));
  draft = store_test_draft (client->id, "2026-03-02", 1);
  g_assert_true (factures_store_save_draft (f->store, draft, &error));
  issued = factures_store_issue (f->store, draft->id, store_test_render, NULL, &error);
  g_assert_no_error (error);
  f->document_id = issued->id;
  f->hash = g_strdup (issued->hash);
  factures_document_free (draft);
  factures_document_free (issued);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GList *windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f->store);
  store_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->hash);
}

/* The row titled @title, the mnemonic's underscore left out ("Sender _address" is "Sender address"). */
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

/* Concatenated text of every label under @widget. */
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
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* Renders @widget's window into <G_TEST_BUILDDIR>/@name, to be looked at. */
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

/* The first widget of @type under @widget, depth first. */
static GtkWidget *
find_of_type (GtkWidget *widget,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_of_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The text of the first text view under @root. */
static char *
text_view_text (GtkWidget *root)
{
  GtkWidget *view = find_of_type (root, GTK_TYPE_TEXT_VIEW);
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_assert_nonnull (view);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static GtkWidget *
window_titled (const char *title)
{
  GList *windows = gtk_window_list_toplevels ();
  GtkWidget *found = NULL;

  for (GList *l = windows; l != NULL; l = l->next)
    if (g_strcmp0 (gtk_window_get_title (l->data), title) == 0)
      found = l->data;
  g_list_free (windows);
  return found;
}

static void
test_account_page (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = factures_mail_page_new (f->store);
  g_autoptr(FacturesMailAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *preset;

  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));

  /* Prefilled from the business profile. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (page, "Sender address"))), ==,
                   "camille@example.org");

  /* A preset fills server, port and security, and shows its note and source. */
  preset = find_row (page, "Provider");
  g_assert_nonnull (preset);
  adw_combo_row_set_selected (ADW_COMBO_ROW (preset), 3);   /* Other, Gmail, Outlook, Orange */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (page, "Server"))), ==, "smtp.orange.fr");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (page, "Port"))), ==, "465");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_row (page, "Security"))), ==,
                    FACTURES_MAIL_SECURITY_TLS);
  g_assert_true (labels_contain (page, "Source:"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (preset), 2);   /* Outlook: the password retirement */
  g_assert_true (labels_contain (page, "Basic authentication"));

  /* "None" to a remote server is refused, nothing saved. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (page, "Security")), FACTURES_MAIL_SECURITY_NONE);
  click (find_button (page, "_Save"));
  g_assert_true (labels_contain (page, "localhost"));
  g_assert_null (factures_store_get_mail_account (f->store, &error));
  g_assert_no_error (error);

  /* Localhost, no user: saved. */
  set_row (page, "Server", "127.0.0.1");
  set_row (page, "Port", "1");
  set_row (page, "User name", "");
  click (find_button (page, "_Save"));
  account = factures_store_get_mail_account (f->store, &error);
  g_assert_nonnull (account);
  g_assert_cmpstr (account->server, ==, "127.0.0.1");
  g_assert_cmpuint (account->port, ==, 1);
  g_assert_null (account->user);
  g_assert_true (labels_contain (page, "E-mail account saved."));

  /* The template editor previews the placeholders filled. */
  g_assert_true (labels_contain (page, "Facture F2026-0042"));

  /* It shows them by their French names, inserts them from "Insert a Field", and the sender
   * expands both the French names and the older ones. */
  {
    g_autofree char *body = text_view_text (page);
    g_autofree char *subject = NULL;
    g_autofree char *stored = NULL;
    GtkWidget *insert = find_of_type (page, g_type_from_name ("FacturesPlaceholderButton"));

    g_assert_nonnull (insert);
    g_assert_nonnull (strstr (body, "{Nom du client}"));
    g_assert_null (strstr (body, "{client}"));
    g_assert_true (gtk_widget_activate_action (insert, "placeholder.insert", "s", "Échéance"));
    g_free (body);
    body = text_view_text (page);
    g_assert_nonnull (strstr (body, "{Échéance}"));
    g_assert_true (labels_contain (page, "02/12/2026"));
    /* Applied on change (issue 11 item 6): no Save Template button; what closing
     * Preferences does saves it. */
    g_assert_null (find_button (page, "Save _Template"));
    g_assert_true (factures_mail_page_flush (FACTURES_MAIL_PAGE (page)));
    g_assert_true (factures_store_get_mail_template (f->store, "mail-invoice", &subject, &stored, &error));
    g_assert_no_error (error);
    g_assert_nonnull (strstr (stored, "{Échéance}"));
    g_assert_nonnull (strstr (stored, "{Nom du client}"));
  }
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 1000);
  screenshot (page, "mail-page.png");
  {
    /* …and its templates, at the bottom. */
    GtkWidget *scrolled = gtk_widget_get_first_child (page);
    GtkAdjustment *adjustment;

    while (scrolled != NULL && !GTK_IS_SCROLLED_WINDOW (scrolled))
      scrolled = gtk_widget_get_first_child (scrolled);
    g_assert_nonnull (scrolled);
    adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    screenshot (page, "mail-page-templates.png");

    /* Issue 13 item 5: the English version of each template, listed after the French one and
     * edited the same way. */
    {
      GtkWidget *template_row = find_row (page, "Template");
      GListModel *titles;

      g_assert_nonnull (template_row);
      titles = adw_combo_row_get_model (ADW_COMBO_ROW (template_row));
      g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (titles), 0), ==, "Invoice");
      g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (titles), 1), ==, "Invoice (English)");
      adw_combo_row_set_selected (ADW_COMBO_ROW (template_row), 1);
      spin (100);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (page, "Subject"))), ==,
                       "Invoice {Numéro} — {Montant dû}");
      g_assert_true (labels_contain (page, "Invoice F2026-0042"));
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      screenshot (page, "mail-page-template-english.png");
    }
  }
}

static gboolean
wait_for (gboolean (*done) (gpointer),
          gpointer   data,
          guint      seconds)
{
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (10000);
  return done (data);
}

static gboolean
outbox_failed (gpointer data)
{
  Fixture *f = data;
  g_autoptr(GPtrArray) items = factures_store_outbox_list (f->store, NULL);

  return items != NULL && items->len == 1 &&
         ((FacturesOutboxItem *) items->pdata[0])->state == FACTURES_OUTBOX_FAILED &&
         window_titled ("Send by E-mail") != NULL &&
         labels_contain (window_titled ("Send by E-mail"), "stays in the outbox");
}

static void
test_compose_and_outbox (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(FacturesMailAccount) account = factures_mail_account_new ();
  g_autoptr(FacturesDocument) after = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *compose, *outbox;

  /* Without an account: said so, nothing queued. */
  factures_compose_dialog_present (NULL, f->store, f->document_id);
  compose = window_titled ("Send by E-mail");
  g_assert_nonnull (compose);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (compose, "To"))), ==, "client@example.org");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (compose, "Subject"))), ==,
                   "Facture F2026-0001 — 100,00\u00a0€");
  g_assert_nonnull (find_row (compose, "Facture F2026-0001.pdf"));
  screenshot (compose, "compose.png");
  click (find_button (compose, "_Send"));
  g_assert_true (labels_contain (compose, "No e-mail account"));
  items = factures_store_outbox_list (f->store, NULL);
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* A port where nothing listens: sent off the UI thread, failed, kept, document unchanged. */
  account->sender_address = g_strdup ("camille@example.org");
  account->server = g_strdup ("127.0.0.1");
  account->port = 1;
  account->security = FACTURES_MAIL_SECURITY_NONE;
  account->timeout_seconds = 5;
  g_assert_true (factures_store_save_mail_account (f->store, account, &error));
  click (find_button (compose, "_Send"));
  g_assert_true (wait_for (outbox_failed, f, 30));
  g_assert_true (labels_contain (compose, "refused the connection"));
  after = factures_store_get_document (f->store, f->document_id, NULL);
  g_assert_cmpstr (after->hash, ==, f->hash);
  g_assert_cmpint (factures_store_count_events (f->store, f->document_id, "sent", NULL), ==, 0);

  /* The outbox lists it with its reason and "Retry". */
  factures_outbox_window_present (NULL, f->store);
  outbox = window_titled ("Outbox");
  g_assert_nonnull (outbox);
  g_assert_true (labels_contain (outbox, "Failed"));
  g_assert_true (labels_contain (outbox, "refused the connection"));
  g_assert_nonnull (find_button (outbox, "_Retry"));
  screenshot (outbox, "outbox.png");
}

/* The first button labelled @label under @widget that would be drawn. */
static GtkWidget *
find_shown_button (GtkWidget  *widget,
                   const char *label)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_shown_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first toplevel that is an AdwMessageDialog headed @heading. */
static GtkWidget *
message_dialog_headed (const char *heading)
{
  GList *windows = gtk_window_list_toplevels ();
  GtkWidget *found = NULL;

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data)
        && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (l->data)), heading) == 0)
      found = l->data;
  g_list_free (windows);
  return found;
}

/* trial 5 finding 8: a failed message is retried, not written twice; a document already
 * sent asks before it goes again; "Retry" is not offered on a message sent since. */
static void
test_no_second_send (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(FacturesMailAccount) account = factures_mail_account_new ();
  g_autoptr(FacturesMailDraft) draft = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *when = NULL;
  GtkWidget *compose, *outbox, *question;
  gint64 failed_id, sent_id;

  account->sender_address = g_strdup ("camille@example.org");
  account->server = g_strdup ("127.0.0.1");
  account->port = 1;
  account->security = FACTURES_MAIL_SECURITY_NONE;
  account->timeout_seconds = 5;
  g_assert_true (factures_store_save_mail_account (f->store, account, &error));
  draft = factures_mail_prepare (f->store, f->document_id, NULL, &error);
  g_assert_no_error (error);
  g_free (draft->body);
  draft->body = g_strdup ("Le texte envoyé la première fois.");
  failed_id = factures_mail_queue (f->store, account, draft, NULL, 0, FALSE, &error);
  g_assert_cmpint (failed_id, >, 0);
  g_assert_false (factures_mail_send_sync (f->store, failed_id, NULL, NULL, NULL));

  /* Sending again offers to retry that message, as it was written. */
  factures_compose_dialog_present (NULL, f->store, f->document_id);
  compose = window_titled ("Send by E-mail");
  g_assert_nonnull (compose);
  g_assert_nonnull (find_shown_button (compose, "_Retry"));
  g_assert_true (labels_contain (compose, "earlier attempt"));
  body = text_view_text (compose);
  g_assert_cmpstr (body, ==, "Le texte envoyé la première fois.");
  screenshot (compose, "compose-retry.png");
  gtk_window_destroy (GTK_WINDOW (compose));

  /* The document goes in another message (as the command line with --yes would). */
  sent_id = factures_mail_queue (f->store, account, draft, NULL, 0, FALSE, &error);
  g_assert_true (factures_store_outbox_begin_send (f->store, sent_id, &error));
  g_assert_true (factures_store_outbox_mark_sent (f->store, sent_id, "250 OK", &error));

  /* The failed one no longer offers "Retry"; dates are French, local. */
  factures_outbox_window_present (NULL, f->store);
  outbox = window_titled ("Outbox");
  g_assert_nonnull (outbox);
  g_assert_null (find_shown_button (outbox, "_Retry"));
  g_assert_true (labels_contain (outbox, "Sent since in a later message"));
  items = factures_store_outbox_list (f->store, NULL);
  when = factures_mail_format_time (((FacturesOutboxItem *) items->pdata[0])->updated);
  g_assert_true (g_regex_match_simple ("^\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d$", when, 0, 0));
  g_assert_true (labels_contain (outbox, when));
  g_assert_false (labels_contain (outbox, "Z ·"));
  screenshot (outbox, "outbox-superseded.png");
  gtk_window_destroy (GTK_WINDOW (outbox));

  /* Sending it a third time asks first; « Annuler » sends nothing. */
  factures_compose_dialog_present (NULL, f->store, f->document_id);
  compose = window_titled ("Send by E-mail");
  g_assert_true (labels_contain (compose, "Already sent to client@example.org"));
  click (find_button (compose, "_Send"));
  question = message_dialog_headed ("Already Sent");
  g_assert_nonnull (question);
  screenshot (question, "compose-already-sent.png");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "cancel");
  spin (100);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = factures_store_outbox_list (f->store, NULL);
  g_assert_cmpuint (items->len, ==, 2);
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
      g_printerr ("test-mail-ui: no display\n");
      return g_getenv ("CI") != NULL ? 1 : 77;
    }
  adw_init ();
  g_test_add ("/mail/ui/account-page", Fixture, NULL, fixture_set_up, test_account_page, fixture_tear_down);
  g_test_add ("/mail/ui/compose-and-outbox", Fixture, NULL, fixture_set_up, test_compose_and_outbox,
              fixture_tear_down);
  g_test_add ("/mail/ui/no-second-send", Fixture, NULL, fixture_set_up, test_no_second_send,
              fixture_tear_down);
  return g_test_run ();
}
