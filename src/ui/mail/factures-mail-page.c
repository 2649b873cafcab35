/* factures-mail-page.c — Preferences → E-mail: the sending account, its test, the templates
 *
 * The password goes to the keyring only (factures-mail-secret.h); when there is no
 * usable keyring the user is told why and may keep it for this session only.
 * Keyring and network work run in threads (GTask): the window never freezes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-form.h"
#include "factures-mail-error.h"
#include "factures-mail-page.h"
#include "factures-mail-presets.h"
#include "factures-mail-secret.h"
#include "factures-mail-template.h"
#include "factures-outbox-window.h"
#include "factures-smtp.h"
#include "factures-store-mail.h"

typedef struct {
  FacturesStore *store;
  GtkWidget     *page;
  GtkWidget     *preset_row;
  GtkWidget     *preset_note;
  GtkWidget     *name_row;
  GtkWidget     *address_row;
  GtkWidget     *reply_row;
  GtkWidget     *server_row;
  GtkWidget     *port_row;
  GtkWidget     *security_row;
  GtkWidget     *user_row;
  GtkWidget     *password_row;
  GtkWidget     *bcc_switch;
  GtkWidget     *receipt_switch;
  GtkWidget     *status_label;
  GtkWidget     *test_button;
  GtkWidget     *spinner;
  /* templates */
  GtkWidget     *template_row;
  GtkWidget     *subject_row;
  GtkTextView   *body_view;
  GtkWidget     *preview_label;
  gboolean       loading;
  GCancellable  *cancellable;
} Page;

static void
page_free (Page *p)
{
  g_cancellable_cancel (p->cancellable);
  g_clear_object (&p->cancellable);
  g_clear_object (&p->store);
  g_free (p);
}

static void
set_status (Page       *p,
            const char *text,
            gboolean    error)
{
  gtk_label_set_text (GTK_LABEL (p->status_label), text != NULL ? text : "");
  if (error)
    gtk_widget_add_css_class (p->status_label, "error");
  else
    gtk_widget_remove_css_class (p->status_label, "error");
}

static GtkWidget *
switch_row (const char  *title,
            const char  *subtitle,
            GtkWidget  **out_switch)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  *out_switch = sw;
  return row;
}

/* The account as typed (NULL strings for empty fields). */
static FacturesMailAccount *
read_form (Page *p)
{
  FacturesMailAccount *account = factures_mail_account_new ();
  g_autofree char *port = factures_editable_get_trimmed (p->port_row);
  guint preset = adw_combo_row_get_selected (ADW_COMBO_ROW (p->preset_row));
  guint n = 0;
  const FacturesMailPreset *presets = factures_mail_presets (&n);

#define TEXT(field, row) { char *t = factures_editable_get_trimmed (row); \
                           if (*t == '\0') g_free (t); else account->field = t; }
  TEXT (sender_name, p->name_row);
  TEXT (sender_address, p->address_row);
  TEXT (reply_to, p->reply_row);
  TEXT (server, p->server_row);
  TEXT (user, p->user_row);
#undef TEXT
  account->port = (guint) g_ascii_strtoull (port, NULL, 10);
  account->security = (FacturesMailSecurity) adw_combo_row_get_selected (ADW_COMBO_ROW (p->security_row));
  account->bcc_self = gtk_switch_get_active (GTK_SWITCH (p->bcc_switch));
  account->read_receipt = gtk_switch_get_active (GTK_SWITCH (p->receipt_switch));
  if (preset > 0 && preset <= n)
    account->preset = g_strdup (presets[preset - 1].id);
  return account;
}

static void
show_preset_note (Page *p)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (p->preset_row));
  guint n = 0;
  const FacturesMailPreset *presets = factures_mail_presets (&n);
  g_autofree char *text = NULL;

  if (selected == 0 || selected > n)
    {
      gtk_label_set_text (GTK_LABEL (p->preset_note),
                          _("Type the settings your provider gives for sending mail (SMTP)."));
      return;
    }
  /* Translators: %s: a note about the provider; then the source of the settings */
  text = g_strdup_printf ("%s\n%s %s%s", _(presets[selected - 1].note), _("Source:"),
                          presets[selected - 1].source,
                          presets[selected - 1].to_check ? _(" (to be checked: secondary source)") : "");
  gtk_label_set_text (GTK_LABEL (p->preset_note), text);
}

static void
on_preset_changed (Page *p)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (p->preset_row));
  guint n = 0;
  const FacturesMailPreset *presets = factures_mail_presets (&n);
  g_autofree char *port = NULL;

  show_preset_note (p);
  if (p->loading || selected == 0 || selected > n)
    return;
  gtk_editable_set_text (GTK_EDITABLE (p->server_row), presets[selected - 1].host);
  port = g_strdup_printf ("%u", presets[selected - 1].port);
  gtk_editable_set_text (GTK_EDITABLE (p->port_row), port);
  adw_combo_row_set_selected (ADW_COMBO_ROW (p->security_row), presets[selected - 1].security);
}

static void
load (Page *p)
{
  g_autoptr(FacturesMailAccount) account = factures_store_get_mail_account (p->store, NULL);
  g_autofree char *port = NULL;
  guint n = 0;
  const FacturesMailPreset *presets = factures_mail_presets (&n);
  g_autoptr(FacturesProfile) profile = NULL;

  p->loading = TRUE;
  if (account == NULL)
    {
      account = factures_mail_account_new ();
      profile = factures_store_get_profile (p->store, NULL);
      if (profile != NULL)
        {
          account->sender_name = g_strdup (profile->party.name);
          account->sender_address = g_strdup (profile->party.email);
          account->user = g_strdup (profile->party.email);
        }
    }
  factures_editable_set_text_or_empty (p->name_row, account->sender_name);
  factures_editable_set_text_or_empty (p->address_row, account->sender_address);
  factures_editable_set_text_or_empty (p->reply_row, account->reply_to);
  factures_editable_set_text_or_empty (p->server_row, account->server);
  port = g_strdup_printf ("%u", account->port);
  gtk_editable_set_text (GTK_EDITABLE (p->port_row), port);
  adw_combo_row_set_selected (ADW_COMBO_ROW (p->security_row), account->security);
  factures_editable_set_text_or_empty (p->user_row, account->user);
  gtk_switch_set_active (GTK_SWITCH (p->bcc_switch), account->bcc_self);
  gtk_switch_set_active (GTK_SWITCH (p->receipt_switch), account->read_receipt);
  adw_combo_row_set_selected (ADW_COMBO_ROW (p->preset_row), 0);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (account->preset, presets[i].id) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (p->preset_row), i + 1);
  show_preset_note (p);
  p->loading = FALSE;
}

/* ---- password: keyring in a thread, session-only fallback ---- */

typedef struct {
  char *server;
  char *user;
  char *password;
} Secret;

static void
secret_free (Secret *s)
{
  g_free (s->server);
  g_free (s->user);
  factures_mail_secret_free (s->password);
  g_free (s);
}

static void
store_secret_thread (GTask        *task,
                     gpointer      source,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  Secret *s = task_data;
  GError *error = NULL;

  if (factures_mail_secret_store (s->server, s->user, s->password, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_session_choice (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  GTask *task = user_data;
  Secret *s = g_task_get_task_data (task);

  if (g_strcmp0 (response, "session") == 0)
    factures_mail_secret_set_session (s->server, s->user, s->password);
  g_object_unref (task);
}

static void
on_secret_stored (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Page *p = user_data;
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      set_status (p, _("E-mail account saved; the password is in the keyring."), FALSE);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  {
    GtkWidget *dialog;
    GtkRoot *root = gtk_widget_get_root (p->page);

    dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     _("The Password Cannot Be Saved"), error->message);
    adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                      "cancel", _("_Cancel"),
                                      "session", _("_Use for This Session Only"),
                                      NULL);
    adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "session",
                                                ADW_RESPONSE_SUGGESTED);
    g_signal_connect (dialog, "response", G_CALLBACK (on_session_choice), g_object_ref (result));
    gtk_window_present (GTK_WINDOW (dialog));
    set_status (p, _("E-mail account saved, but not its password (no keyring)."), TRUE);
  }
}

static void
on_save (GtkButton *button,
         Page      *p)
{
  g_autoptr(FacturesMailAccount) account = read_form (p);
  g_autoptr(GError) error = NULL;
  g_autofree char *password = factures_editable_get_trimmed (p->password_row);

  if (!factures_store_save_mail_account (p->store, account, &error))
    {
      set_status (p, error->message, TRUE);
      return;
    }
  set_status (p, _("E-mail account saved."), FALSE);
  if (*password != '\0' && account->user != NULL)
    {
      g_autoptr(GTask) task = g_task_new (NULL, p->cancellable, on_secret_stored, p);
      Secret *s = g_new0 (Secret, 1);

      s->server = g_strdup (account->server);
      s->user = g_strdup (account->user);
      s->password = g_steal_pointer (&password);
      g_task_set_task_data (task, s, (GDestroyNotify) secret_free);
      g_task_run_in_thread (task, store_secret_thread);
      /* Typed once: the field does not keep it. */
      gtk_editable_set_text (GTK_EDITABLE (p->password_row), "");
    }
}

/* ---- connection test in a thread ---- */

typedef struct {
  FacturesMailAccount *account;
  char                *typed_password;
} TestData;

static void
test_data_free (TestData *t)
{
  factures_mail_account_free (t->account);
  factures_mail_secret_free (t->typed_password);
  g_free (t);
}

static void
test_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TestData *t = task_data;
  FacturesSmtpTestResult *result;
  char *password = NULL;
  GError *error = NULL;

  if (t->typed_password != NULL && *t->typed_password != '\0')
    password = g_strdup (t->typed_password);
  else if (t->account->user != NULL)
    password = factures_mail_secret_lookup (t->account->server, t->account->user, cancellable, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  result = factures_smtp_test (t->account, password, cancellable);
  factures_mail_secret_free (password);
  g_task_return_pointer (task, result, (GDestroyNotify) factures_smtp_test_result_free);
}

static void
on_tested (GObject      *source,
           GAsyncResult *res,
           gpointer      user_data)
{
  Page *p = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesSmtpTestResult) result = g_task_propagate_pointer (G_TASK (res), &error);
  g_autofree char *text = NULL;

  if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_stop (GTK_SPINNER (p->spinner));
  gtk_widget_set_sensitive (p->test_button, TRUE);
  if (result == NULL)
    {
      set_status (p, error->message, TRUE);
      return;
    }
  text = factures_smtp_test_result_describe (result);
  set_status (p, text, !result->ok);
  if (!result->ok && result->suggested_port != 0)
    {
      g_autofree char *port = g_strdup_printf ("%u", result->suggested_port);

      /* Proposed, not saved: the user sees it in the form and saves. */
      gtk_editable_set_text (GTK_EDITABLE (p->port_row), port);
      adw_combo_row_set_selected (ADW_COMBO_ROW (p->security_row), result->suggested_security);
    }
}

static void
on_test (GtkButton *button,
         Page      *p)
{
  g_autoptr(GTask) task = g_task_new (NULL, p->cancellable, on_tested, p);
  TestData *t = g_new0 (TestData, 1);

  t->account = read_form (p);
  t->typed_password = factures_editable_get_trimmed (p->password_row);
  if (t->account->timeout_seconds == 0)
    t->account->timeout_seconds = 30;
  g_task_set_task_data (task, t, (GDestroyNotify) test_data_free);
  set_status (p, _("Testing the connection… (no message is sent)"), FALSE);
  gtk_spinner_start (GTK_SPINNER (p->spinner));
  gtk_widget_set_sensitive (p->test_button, FALSE);
  g_task_run_in_thread (task, test_thread);
}

static void
on_outbox (GtkButton *button,
           Page      *p)
{
  GtkRoot *root = gtk_widget_get_root (p->page);

  factures_outbox_window_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, p->store);
}

/* ---- templates ---- */

static const char *
selected_template (Page *p)
{
  return factures_mail_template_keys ()[adw_combo_row_get_selected (ADW_COMBO_ROW (p->template_row))];
}

static GHashTable *
sample_values (void)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, NULL);

  g_hash_table_insert (values, "client", "Société Exemple");
  g_hash_table_insert (values, "number", "F2026-0042");
  g_hash_table_insert (values, "kind", "Facture");
  g_hash_table_insert (values, "total", "1\u202f234,56\u00a0€");
  g_hash_table_insert (values, "amount", "1\u202f234,56\u00a0€");
  g_hash_table_insert (values, "issue_date", "02/11/2026");
  g_hash_table_insert (values, "due_date", "02/12/2026");
  g_hash_table_insert (values, "days_late", "10");
  g_hash_table_insert (values, "penalties", "Conformément à l’article L441-10 du Code de commerce, …");
  g_hash_table_insert (values, "payment_details", "Règlement par virement :\nIBAN : FR76 …");
  g_hash_table_insert (values, "sender", "Camille Martin EI");
  return values;
}

static char *
body_text (Page *p)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (p->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
update_preview (Page *p)
{
  g_autoptr(GHashTable) values = sample_values ();
  g_autofree char *subject_src = factures_editable_get_trimmed (p->subject_row);
  g_autofree char *body_src = body_text (p);
  g_autofree char *subject = factures_mail_template_expand (subject_src, values);
  g_autofree char *body = factures_mail_template_expand (body_src, values);
  g_autofree char *text = g_strdup_printf ("%s %s\n\n%s", _("Subject:"), subject, body);

  gtk_label_set_text (GTK_LABEL (p->preview_label), text);
}

static void
load_template (Page *p)
{
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;

  if (!factures_mail_template_load (p->store, selected_template (p), &subject, &body, NULL))
    return;
  gtk_editable_set_text (GTK_EDITABLE (p->subject_row), subject);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (p->body_view), body, -1);
  update_preview (p);
}

static void
on_template_save (GtkButton *button,
                  Page      *p)
{
  g_autofree char *subject = factures_editable_get_trimmed (p->subject_row);
  g_autofree char *body = body_text (p);
  g_autoptr(GError) error = NULL;

  if (!factures_store_save_mail_template (p->store, selected_template (p), subject, body, &error))
    set_status (p, error->message, TRUE);
  else
    set_status (p, _("Template saved."), FALSE);
}

static void
on_template_reset (GtkButton *button,
                   Page      *p)
{
  g_autoptr(GError) error = NULL;

  if (!factures_store_reset_mail_template (p->store, selected_template (p), &error))
    set_status (p, error->message, TRUE);
  else
    {
      load_template (p);
      set_status (p, _("The shipped template is back."), FALSE);
    }
}

static GtkWidget *
button (const char *label,
        GCallback   callback,
        Page       *p)
{
  GtkWidget *b = gtk_button_new_with_mnemonic (label);

  g_signal_connect (b, "clicked", callback, p);
  return b;
}

GtkWidget *
factures_mail_page_new (FacturesStore *store)
{
  static const char *security_items[] = { N_("STARTTLS"), N_("TLS"), N_("None (this computer only)"), NULL };
  g_autoptr(GPtrArray) preset_names = g_ptr_array_new ();
  g_autoptr(GPtrArray) security_names = g_ptr_array_new ();
  g_autoptr(GPtrArray) template_names = g_ptr_array_new ();
  Page *p = g_new0 (Page, 1);
  GtkWidget *group, *row, *box, *scroller;
  guint n = 0;
  const FacturesMailPreset *presets = factures_mail_presets (&n);

  p->store = g_object_ref (store);
  p->cancellable = g_cancellable_new ();
  p->page = adw_preferences_page_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (p->page), _("E-mail"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (p->page), "mail-send-symbolic");
  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (p->page), "mail");
  g_object_set_data_full (G_OBJECT (p->page), "factures-mail-page", p, (GDestroyNotify) page_free);

  /* Provider */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Provider"));
  g_ptr_array_add (preset_names, (gpointer) _("Other"));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (preset_names, (gpointer) presets[i].name);
  g_ptr_array_add (preset_names, NULL);
  p->preset_row = factures_combo_row_new (_("Provider"), (const char * const *) preset_names->pdata);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), p->preset_row);
  p->preset_note = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (p->preset_note), TRUE);
  gtk_label_set_selectable (GTK_LABEL (p->preset_note), TRUE);
  gtk_label_set_xalign (GTK_LABEL (p->preset_note), 0);
  gtk_widget_add_css_class (p->preset_note, "dim-label");
  gtk_widget_set_margin_top (p->preset_note, 6);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), p->preset_note);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (p->page), ADW_PREFERENCES_GROUP (group));

  /* Account */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Sending Account"));
  p->name_row = factures_entry_row_new (_("Sender name"));
  p->address_row = factures_entry_row_new (_("Sender address"));
  p->reply_row = factures_entry_row_new (_("Reply-to address (optional)"));
  p->server_row = factures_entry_row_new (_("Server"));
  p->port_row = factures_entry_row_new (_("Port"));
  for (guint i = 0; security_items[i] != NULL; i++)
    g_ptr_array_add (security_names, (gpointer) _(security_items[i]));
  g_ptr_array_add (security_names, NULL);
  p->security_row = factures_combo_row_new (_("Security"), (const char * const *) security_names->pdata);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (p->security_row),
                               _("STARTTLS usually on port 587, TLS from the first byte on port 465"));
  p->user_row = factures_entry_row_new (_("User name"));
  p->password_row = adw_password_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (p->password_row), _("Password (kept in the keyring)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (p->password_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Password"), -1);
  /* Its peek and apply buttons hold only an icon: libadwaita 1.2 names them by tooltip only. */
  factures_accessible_fix_descendants (p->password_row, GTK_TYPE_BUTTON, GTK_ACCESSIBLE_ROLE_BUTTON, NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), p->name_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), p->address_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), p->reply_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), p->server_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), p->port_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), p->security_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), p->user_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), p->password_row);
  row = switch_row (_("Send me a copy"), _("A hidden copy (Bcc) of every message to the sender address"),
                    &p->bcc_switch);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  row = switch_row (_("Ask for a read receipt"), _("The client’s mail program may send one back, or not"),
                    &p->receipt_switch);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (box, 12);
  gtk_box_append (GTK_BOX (box), button (_("_Save"), G_CALLBACK (on_save), p));
  p->test_button = button (_("_Test Connection"), G_CALLBACK (on_test), p);
  gtk_box_append (GTK_BOX (box), p->test_button);
  gtk_box_append (GTK_BOX (box), button (_("_Outbox…"), G_CALLBACK (on_outbox), p));
  p->spinner = gtk_spinner_new ();
  gtk_box_append (GTK_BOX (box), p->spinner);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  p->status_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (p->status_label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (p->status_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (p->status_label), 0);
  gtk_widget_set_margin_top (p->status_label, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (p->status_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("E-mail status"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), p->status_label);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (p->page), ADW_PREFERENCES_GROUP (group));

  /* Templates */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Message Templates"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
    _("Placeholders: {client} {number} {kind} {total} {amount} {issue_date} {due_date} "
      "{days_late} {penalties} {payment_details} {sender}"));
  for (const char * const *key = factures_mail_template_keys (); *key; key++)
    g_ptr_array_add (template_names, (gpointer) factures_mail_template_title (*key));
  g_ptr_array_add (template_names, NULL);
  p->template_row = factures_combo_row_new (_("Template"), (const char * const *) template_names->pdata);
  p->subject_row = factures_entry_row_new (_("Subject"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), p->template_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), p->subject_row);
  p->body_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (p->body_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (p->body_view, 6);
  gtk_text_view_set_left_margin (p->body_view, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (p->body_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Message text"), -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (p->body_view));
  gtk_widget_set_size_request (scroller, -1, 180);
  gtk_widget_set_margin_top (scroller, 6);
  gtk_widget_add_css_class (scroller, "card");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), scroller);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_box_append (GTK_BOX (box), button (_("Save _Template"), G_CALLBACK (on_template_save), p));
  gtk_box_append (GTK_BOX (box), button (_("_Reset to Shipped Text"), G_CALLBACK (on_template_reset), p));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
  p->preview_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (p->preview_label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (p->preview_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (p->preview_label), 0);
  gtk_widget_set_margin_top (p->preview_label, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (p->preview_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Preview"), -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), p->preview_label);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (p->page), ADW_PREFERENCES_GROUP (group));

  load (p);
  load_template (p);
  g_signal_connect_swapped (p->preset_row, "notify::selected", G_CALLBACK (on_preset_changed), p);
  g_signal_connect_swapped (p->template_row, "notify::selected", G_CALLBACK (load_template), p);
  g_signal_connect_swapped (p->subject_row, "changed", G_CALLBACK (update_preview), p);
  g_signal_connect_swapped (gtk_text_view_get_buffer (p->body_view), "changed", G_CALLBACK (update_preview), p);
  return p->page;
}
