/* factures-mail-page.c — Preferences → E-mail: the sending account, its test, the templates
 *
 * The password goes to the keyring only (factures-mail-secret.h); when there is no
 * usable keyring the user is told why and may keep it for this session only.
 * Keyring and network work run in threads (GTask): the window never freezes.
 *
 * The template (factures-mail-page.ui) holds the provider, the account and the templates;
 * the buttons activate "mail-page.*" actions. The templates show their placeholders by
 * their French names ({Nom du client}…, factures_mail_template_placeholders()), inserted
 * from "Insert a Field" (FacturesPlaceholderButton) into the subject or the text, whichever
 * had the focus last.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-confirm-dialog.h"
#include "factures-form.h"
#include "factures-mail-error.h"
#include "factures-mail-page.h"
#include "factures-mail-presets.h"
#include "factures-mail-secret.h"
#include "factures-mail-template.h"
#include "factures-outbox-window.h"
#include "factures-placeholder-button.h"
#include "factures-smtp.h"
#include "factures-store-mail.h"

struct _FacturesMailPage
{
  AdwPreferencesPage  parent_instance;

  FacturesStore      *store;
  gboolean            loading;
  GCancellable       *cancellable;
  gboolean            account_edited;    /* typed since loaded or saved (Save: it goes with its password) */
  const char         *shown_template;    /* the key of the template in the fields (static) */
  gboolean            template_edited;   /* its texts typed since loaded or saved */

  GtkWidget          *preset_row;
  GtkWidget          *preset_note;
  GtkWidget          *name_row;
  GtkWidget          *address_row;
  GtkWidget          *reply_row;
  GtkWidget          *server_row;
  GtkWidget          *port_row;
  GtkWidget          *security_row;
  GtkWidget          *user_row;
  GtkWidget          *password_row;
  GtkWidget          *bcc_switch;
  GtkWidget          *receipt_switch;
  GtkWidget          *status_label;
  GtkWidget          *spinner;
  /* templates */
  GtkWidget          *template_row;
  GtkWidget          *subject_row;
  GtkTextView        *body_view;
  GtkWidget          *preview_label;
  GtkWidget          *placeholder_button;
};

G_DEFINE_FINAL_TYPE (FacturesMailPage, factures_mail_page, ADW_TYPE_PREFERENCES_PAGE)

typedef FacturesMailPage Page;

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
preset_changed_cb (Page *p)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (p->preset_row));
  guint n = 0;
  const FacturesMailPreset *presets = factures_mail_presets (&n);
  g_autofree char *port = NULL;

  if (p->store == NULL)
    return;
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
  p->account_edited = FALSE;   /* what the models' setting up said too */
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
  Page *p = FACTURES_MAIL_PAGE (source);
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
    GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (p));

    dialog = factures_confirm_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                          _("The Password Cannot Be Saved"), error->message,
                                          "session", _("_Use for This Session Only"),
                                          ADW_RESPONSE_SUGGESTED);
    g_signal_connect (dialog, "response", G_CALLBACK (on_session_choice), g_object_ref (result));
    gtk_window_present (GTK_WINDOW (dialog));
    set_status (p, _("E-mail account saved, but not its password (no keyring)."), TRUE);
  }
}

static void
account_edited_cb (Page *p)
{
  if (!p->loading)
    p->account_edited = TRUE;
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  Page *p = FACTURES_MAIL_PAGE (widget);
  g_autoptr(FacturesMailAccount) account = read_form (p);
  g_autoptr(GError) error = NULL;
  g_autofree char *password = factures_editable_get_trimmed (p->password_row);

  if (!factures_store_save_mail_account (p->store, account, &error))
    {
      set_status (p, error->message, TRUE);
      return;
    }
  set_status (p, _("E-mail account saved."), FALSE);
  p->account_edited = FALSE;
  if (*password != '\0' && account->user != NULL)
    {
      g_autoptr(GTask) task = g_task_new (p, p->cancellable, on_secret_stored, NULL);
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
  Page *p = FACTURES_MAIL_PAGE (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesSmtpTestResult) result = g_task_propagate_pointer (G_TASK (res), &error);
  g_autofree char *text = NULL;

  if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_stop (GTK_SPINNER (p->spinner));
  gtk_widget_action_set_enabled (GTK_WIDGET (p), "mail-page.test", TRUE);
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
test_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  Page *p = FACTURES_MAIL_PAGE (widget);
  g_autoptr(GTask) task = g_task_new (p, p->cancellable, on_tested, NULL);
  TestData *t = g_new0 (TestData, 1);

  t->account = read_form (p);
  t->typed_password = factures_editable_get_trimmed (p->password_row);
  if (t->account->timeout_seconds == 0)
    t->account->timeout_seconds = 30;
  g_task_set_task_data (task, t, (GDestroyNotify) test_data_free);
  set_status (p, _("Testing the connection… (no message is sent)"), FALSE);
  gtk_spinner_start (GTK_SPINNER (p->spinner));
  gtk_widget_action_set_enabled (GTK_WIDGET (p), "mail-page.test", FALSE);
  g_task_run_in_thread (task, test_thread);
}

static void
outbox_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  Page *p = FACTURES_MAIL_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

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

/* "{client}" → "{Nom du client}": the shipped templates and those saved before show the
 * names "Insert a Field" inserts (both are expanded). */
static char *
with_french_names (const char *text)
{
  guint n = 0;
  const FacturesMailPlaceholder *placeholders = factures_mail_template_placeholders (&n);
  g_autoptr(GString) out = g_string_new (text);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("{%s}", placeholders[i].name);
      g_autofree char *french = g_strdup_printf ("{%s}", placeholders[i].french);

      g_string_replace (out, name, french, 0);
    }
  return g_strdup (out->str);
}

static void
load_template (Page *p)
{
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;

  g_autofree char *subject_shown = NULL;
  g_autofree char *body_shown = NULL;

  if (!factures_mail_template_load (p->store, selected_template (p), &subject, &body, NULL))
    return;
  subject_shown = with_french_names (subject);
  body_shown = with_french_names (body);
  p->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (p->subject_row), subject_shown);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (p->body_view), body_shown, -1);
  p->loading = FALSE;
  p->shown_template = selected_template (p);
  p->template_edited = FALSE;
  update_preview (p);
}

static void
template_edited_cb (Page *p)
{
  if (!p->loading)
    p->template_edited = TRUE;
}

/* Applied on change (issue 11 item 6): the template in the fields is saved when the focus
 * leaves its subject or text, before another template is shown, and when Preferences
 * closes. FALSE, with the refusal in the status line, when it cannot be saved. */
static gboolean
save_template (Page *p)
{
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GError) error = NULL;

  if (!p->template_edited || p->shown_template == NULL || p->store == NULL)
    return TRUE;
  subject = factures_editable_get_trimmed (p->subject_row);
  body = body_text (p);
  if (!factures_store_save_mail_template (p->store, p->shown_template, subject, body, &error))
    {
      set_status (p, error->message, TRUE);
      return FALSE;
    }
  p->template_edited = FALSE;
  set_status (p, _("Template saved."), FALSE);
  return TRUE;
}

static void
template_left_cb (Page *p)
{
  /* Focus also leaves while the window is being destroyed. */
  if (gtk_widget_get_root (GTK_WIDGET (p)) != NULL)
    save_template (p);
}

static void
save_template_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  Page *p = FACTURES_MAIL_PAGE (widget);

  p->template_edited = TRUE;
  save_template (p);
}

static void
reset_template_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  Page *p = FACTURES_MAIL_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!factures_store_reset_mail_template (p->store, selected_template (p), &error))
    set_status (p, error->message, TRUE);
  else
    {
      load_template (p);
      set_status (p, _("The shipped template is back."), FALSE);
    }
}

static void
template_changed_cb (Page *p)
{
  if (p->store == NULL)
    return;
  save_template (p);   /* the one shown until now, if typed in */
  load_template (p);
}

gboolean
factures_mail_page_flush (FacturesMailPage *self)
{
  g_return_val_if_fail (FACTURES_IS_MAIL_PAGE (self), FALSE);

  if (!save_template (self))
    return FALSE;
  if (self->account_edited)
    {
      set_status (self, _("The account is not saved: press Save (it goes with its password), "
                          "or close and leave it as it was."), TRUE);
      return FALSE;
    }
  return TRUE;
}

static void
field_focused_cb (GtkEventControllerFocus *controller,
                  Page                    *p)
{
  factures_placeholder_button_set_target (FACTURES_PLACEHOLDER_BUTTON (p->placeholder_button),
                                          gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static void
factures_mail_page_dispose (GObject *object)
{
  Page *p = FACTURES_MAIL_PAGE (object);

  g_cancellable_cancel (p->cancellable);
  g_clear_object (&p->cancellable);
  g_clear_object (&p->store);
  G_OBJECT_CLASS (factures_mail_page_parent_class)->dispose (object);
}

static void
factures_mail_page_class_init (FacturesMailPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = factures_mail_page_dispose;
  g_type_ensure (FACTURES_TYPE_PLACEHOLDER_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/mail/factures-mail-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesMailPage, preset_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesMailPage, preset_note);
  gtk_widget_class_bind_template_child (widget_class, FacturesMailPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesMailPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesMailPage, reply_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesMailPage, server_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesMailPage, port_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesMailPage, security_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesMailPage, user_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesMailPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesMailPage, bcc_switch);
  gtk_widget_class_bind_template_child (widget_class, FacturesMailPage, receipt_switch);
  gtk_widget_class_bind_template_child (widget_class, FacturesMailPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesMailPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, FacturesMailPage, template_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesMailPage, subject_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesMailPage, body_view);
  gtk_widget_class_bind_template_child (widget_class, FacturesMailPage, preview_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesMailPage, placeholder_button);
  gtk_widget_class_bind_template_callback (widget_class, preset_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, template_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_preview);
  gtk_widget_class_bind_template_callback (widget_class, template_edited_cb);
  gtk_widget_class_bind_template_callback (widget_class, account_edited_cb);

  gtk_widget_class_install_action (widget_class, "mail-page.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "mail-page.test", NULL, test_activated);
  gtk_widget_class_install_action (widget_class, "mail-page.outbox", NULL, outbox_activated);
  gtk_widget_class_install_action (widget_class, "mail-page.save-template", NULL, save_template_activated);
  gtk_widget_class_install_action (widget_class, "mail-page.reset-template", NULL, reset_template_activated);
}

static void
factures_mail_page_init (FacturesMailPage *self)
{
  GtkWidget *fields[2];

  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  factures_entry_row_name_once (self->name_row);
  factures_entry_row_name_once (self->address_row);
  factures_entry_row_name_once (self->reply_row);
  factures_entry_row_name_once (self->server_row);
  factures_entry_row_name_once (self->port_row);
  factures_entry_row_name_once (self->user_row);
  factures_entry_row_name_once (self->subject_row);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->password_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Password"), -1);
  /* Its peek and apply buttons hold only an icon: libadwaita 1.2 names them by tooltip only. */
  factures_accessible_fix_descendants (self->password_row, GTK_TYPE_BUTTON, GTK_ACCESSIBLE_ROLE_BUTTON, NULL);

  /* "Insert a Field" puts it in the field last focused: the subject or the text. */
  fields[0] = self->subject_row;
  fields[1] = GTK_WIDGET (self->body_view);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect (focus, "enter", G_CALLBACK (field_focused_cb), self);
      g_signal_connect_swapped (focus, "leave", G_CALLBACK (template_left_cb), self);
      gtk_widget_add_controller (fields[i], focus);
    }
}

GtkWidget *
factures_mail_page_new (FacturesStore *store)
{
  g_autoptr(GtkStringList) presets_model = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) templates_model = gtk_string_list_new (NULL);
  Page *p = g_object_new (FACTURES_TYPE_MAIL_PAGE, NULL);
  guint n = 0;
  const FacturesMailPreset *presets = factures_mail_presets (&n);

  gtk_string_list_append (presets_model, _("Other"));
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (presets_model, presets[i].name);
  adw_combo_row_set_model (ADW_COMBO_ROW (p->preset_row), G_LIST_MODEL (presets_model));
  for (const char * const *key = factures_mail_template_keys (); *key; key++)
    gtk_string_list_append (templates_model, factures_mail_template_title (*key));
  adw_combo_row_set_model (ADW_COMBO_ROW (p->template_row), G_LIST_MODEL (templates_model));

  p->store = g_object_ref (store);
  load (p);
  load_template (p);
  return GTK_WIDGET (p);
}
