/* factures-pa-page.c — Preferences → E-invoicing: the plateforme agréée account (issue 14)
 *
 * The account is saved by the store (its checks name the field); the client secret goes to
 * the keyring only (factures-pa-secret.h). The connection test and the synchronisation
 * (outbox, then what changed at the PA) run in worker threads (GTask) — the sync on its own
 * connection to the same database — so the window never freezes. The outbox group lists
 * each document with its acknowledgement in words ("en attente d'envoi", "transmise à la
 * plateforme", "refusée par la plateforme" with the reasons).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-ereporting-window.h"
#include "factures-form.h"
#include "factures-pa-error.h"
#include "factures-pa-page.h"
#include "factures-pa-secret.h"
#include "factures-pa-sync.h"
#include "factures-store-einvoicing.h"

struct _FacturesPaPage
{
  AdwPreferencesPage  parent_instance;

  FacturesStore      *store;
  GCancellable       *cancellable;

  GtkWidget          *name_row;
  GtkWidget          *registration_row;
  GtkWidget          *base_url_row;
  GtkWidget          *token_url_row;
  GtkWidget          *client_id_row;
  GtkWidget          *secret_row;
  GtkWidget          *report_switch;
  GtkWidget          *directory_url_row;  /* issue 15 */
  GtkWidget          *b2g_switch;
  GtkWidget          *spinner;
  GtkWidget          *status_label;
  GtkWidget          *outbox_label;
};

G_DEFINE_FINAL_TYPE (FacturesPaPage, factures_pa_page, ADW_TYPE_PREFERENCES_PAGE)

static void
set_status (FacturesPaPage *self,
            const char     *text,
            gboolean        error)
{
  gtk_label_set_text (GTK_LABEL (self->status_label), text != NULL ? text : "");
  if (error)
    gtk_widget_add_css_class (self->status_label, "error");
  else
    gtk_widget_remove_css_class (self->status_label, "error");
}

static void
set_busy (FacturesPaPage *self,
          gboolean        busy)
{
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pa-page.test", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pa-page.sync", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pa-page.save", !busy);
}

static FacturesPaAccount *
read_form (FacturesPaPage *self)
{
  FacturesPaAccount *account = factures_pa_account_new ();

  account->name = factures_editable_get_trimmed (self->name_row);
  account->registration = factures_editable_get_trimmed (self->registration_row);
  account->base_url = factures_editable_get_trimmed (self->base_url_row);
  account->token_url = factures_editable_get_trimmed (self->token_url_row);
  account->client_id = factures_editable_get_trimmed (self->client_id_row);
  account->report_payments = gtk_switch_get_active (GTK_SWITCH (self->report_switch));
  account->directory_url = factures_editable_get_trimmed (self->directory_url_row);
  account->routes_b2g = gtk_switch_get_active (GTK_SWITCH (self->b2g_switch));
  return account;
}

static void
show_outbox (FacturesPaPage *self)
{
  g_autoptr(GPtrArray) items = factures_store_pa_outbox_list (self->store, NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  guint i;

  for (i = 0; items != NULL && i < items->len && i < 30; i++)
    {
      const FacturesPaOutboxItem *item = g_ptr_array_index (items, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (item->is_status)
        g_string_append_printf (text, _("%s — status %d (%s): %s"), item->number, item->status_code,
                                factures_pa_status_label (item->status_code), factures_pa_outbox_item_words (item));
      else
        g_string_append_printf (text, "%s — %s", item->number, factures_pa_outbox_item_words (item));
      if (item->state != FACTURES_PA_OUTBOX_SENT && item->error != NULL)
        g_string_append_printf (text, " (%s)", item->error);
      else if (item->ack == FACTURES_PA_ACK_ERROR && item->ack_details != NULL)
        g_string_append_printf (text, " (%s)", item->ack_details);
    }
  gtk_label_set_text (GTK_LABEL (self->outbox_label),
                      text->len > 0 ? text->str : _("Nothing was sent through the plateforme agréée yet."));
}

static void
fill_form (FacturesPaPage *self)
{
  g_autoptr(FacturesPaAccount) account = factures_store_get_pa_account (self->store, NULL);

  if (account != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), account->name);
      gtk_editable_set_text (GTK_EDITABLE (self->registration_row), account->registration);
      gtk_editable_set_text (GTK_EDITABLE (self->base_url_row), account->base_url);
      gtk_editable_set_text (GTK_EDITABLE (self->token_url_row), account->token_url);
      gtk_editable_set_text (GTK_EDITABLE (self->client_id_row), account->client_id);
      gtk_switch_set_active (GTK_SWITCH (self->report_switch), account->report_payments);
      gtk_editable_set_text (GTK_EDITABLE (self->directory_url_row),
                             account->directory_url != NULL ? account->directory_url : "");
      gtk_switch_set_active (GTK_SWITCH (self->b2g_switch), account->routes_b2g);
    }
  show_outbox (self);
}

/* ---- save: the store, then the secret into the keyring in a thread ---- */

typedef struct {
  char *token_url;
  char *client_id;
  char *secret;
} SecretData;

static void
secret_data_free (SecretData *d)
{
  g_free (d->token_url);
  g_free (d->client_id);
  factures_pa_secret_free (d->secret);
  g_free (d);
}

static void
store_secret_thread (GTask        *task,
                     gpointer      source,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  SecretData *d = task_data;
  GError *error = NULL;

  if (factures_pa_secret_store (d->token_url, d->client_id, d->secret, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_secret_stored (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  FacturesPaPage *self = FACTURES_PA_PAGE (source);
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      set_status (self, error->message, TRUE);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->secret_row), "");
  set_status (self, _("Saved. The client secret is in the keyring."), FALSE);
}

static void
save_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  FacturesPaPage *self = FACTURES_PA_PAGE (widget);
  g_autoptr(FacturesPaAccount) account = read_form (self);
  g_autoptr(GError) error = NULL;
  const char *secret = gtk_editable_get_text (GTK_EDITABLE (self->secret_row));
  GTask *task;
  SecretData *d;

  if (!factures_store_save_pa_account (self->store, account, &error))
    {
      set_status (self, error->message, TRUE);
      return;
    }
  if (secret == NULL || *secret == '\0')
    {
      set_status (self, _("Saved."), FALSE);
      return;
    }
  d = g_new0 (SecretData, 1);
  d->token_url = g_strdup (account->token_url);
  d->client_id = g_strdup (account->client_id);
  d->secret = g_strdup (secret);
  task = g_task_new (self, self->cancellable, on_secret_stored, NULL);
  g_task_set_task_data (task, d, (GDestroyNotify) secret_data_free);
  set_busy (self, TRUE);
  g_task_run_in_thread (task, store_secret_thread);
  g_object_unref (task);
}

/* ---- connection test in a thread (the account as typed) ---- */

typedef struct {
  FacturesPaAccount *account;
  char              *secret;   /* typed, or NULL: the keyring's */
} TestData;

static void
test_data_free (TestData *t)
{
  factures_pa_account_free (t->account);
  factures_pa_secret_free (t->secret);
  g_free (t);
}

static void
test_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TestData *t = task_data;
  g_autoptr(FacturesPaClient) client = NULL;
  GError *error = NULL;
  char *secret = t->secret != NULL ? g_strdup (t->secret)
                                   : factures_pa_secret_lookup (t->account->token_url, t->account->client_id,
                                                                cancellable, &error);

  if (secret == NULL)
    {
      if (error == NULL)
        g_set_error_literal (&error, FACTURES_PA_ERROR, FACTURES_PA_ERROR_NO_SECRET,
                             _("No client secret is known for the plateforme agréée: type it in Preferences → "
                               "E-invoicing (it is kept in the keyring)."));
      g_task_return_error (task, error);
      return;
    }
  client = factures_pa_client_new (t->account, secret);
  factures_pa_secret_free (secret);
  if (factures_pa_test_connection (client, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_tested (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  FacturesPaPage *self = FACTURES_PA_PAGE (source);
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    set_status (self, error->message, TRUE);
  else
    set_status (self, _("Connection test passed: the platform answers and accepted the client ID and secret. "
                        "Nothing was sent."), FALSE);
}

static void
test_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  FacturesPaPage *self = FACTURES_PA_PAGE (widget);
  const char *secret = gtk_editable_get_text (GTK_EDITABLE (self->secret_row));
  TestData *t = g_new0 (TestData, 1);
  GTask *task;

  t->account = read_form (self);
  t->account->timeout_seconds = 30;
  t->secret = secret != NULL && *secret ? g_strdup (secret) : NULL;
  if (!factures_pa_url_is_acceptable (t->account->base_url) || !factures_pa_url_is_acceptable (t->account->token_url))
    {
      set_status (self, _("Flow service address: give the full https:// address the PA gives for its flow service "
                          "(http is only allowed to this computer)."), TRUE);
      test_data_free (t);
      return;
    }
  task = g_task_new (self, self->cancellable, on_tested, NULL);
  g_task_set_task_data (task, t, (GDestroyNotify) test_data_free);
  set_status (self, _("Testing…"), FALSE);
  set_busy (self, TRUE);
  g_task_run_in_thread (task, test_thread);
  g_object_unref (task);
}

/* ---- synchronisation in a thread, on its own connection to the database ---- */

static void
collect_line (const char *number,
              const char *what,
              const char *detail,
              gpointer    user_data)
{
  GString *out = user_data;

  if (out->len > 0)
    g_string_append_c (out, '\n');
  g_string_append_printf (out, "%s — %s", number, what);
  if (detail != NULL)
    g_string_append_printf (out, " (%s)", detail);
}

static void
sync_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(FacturesStore) store = NULL;
  g_autoptr(FacturesPaClient) client = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  GError *error = NULL;

  store = factures_store_open (path, &error);
  if (store == NULL || (client = factures_pa_open_client (store, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  factures_pa_send_outbox (store, client, collect_line, out, NULL);
  if (!factures_pa_poll (store, client, collect_line, out, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_string_free (g_steal_pointer (&out), FALSE), g_free);
}

static void
on_synced (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  FacturesPaPage *self = FACTURES_PA_PAGE (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_task_propagate_pointer (G_TASK (result), &error);

  set_busy (self, FALSE);
  /* The sync wrote through its own connection: the views of this one refresh. */
  factures_store_pa_notify_synced (self->store);
  show_outbox (self);
  if (text == NULL)
    set_status (self, error->message, TRUE);
  else
    set_status (self, *text ? text : _("Nothing changed at the plateforme agréée."), FALSE);
}

static void
sync_activated (GtkWidget  *widget,
                const char *action,
                GVariant   *parameter)
{
  FacturesPaPage *self = FACTURES_PA_PAGE (widget);
  GTask *task = g_task_new (self, self->cancellable, on_synced, NULL);

  g_task_set_task_data (task, g_strdup (factures_store_get_path (self->store)), g_free);
  set_status (self, _("Synchronizing…"), FALSE);
  set_busy (self, TRUE);
  g_task_run_in_thread (task, sync_thread);
  g_object_unref (task);
}

/* issue 15: the e-reporting window */
static void
ereporting_activated (GtkWidget  *widget,
                      const char *action,
                      GVariant   *parameter)
{
  FacturesPaPage *self = FACTURES_PA_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_window_present (GTK_WINDOW (factures_ereporting_window_new (self->store,
                                                                  GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL)));
}

static void
factures_pa_page_dispose (GObject *object)
{
  FacturesPaPage *self = FACTURES_PA_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_PA_PAGE);
  G_OBJECT_CLASS (factures_pa_page_parent_class)->dispose (object);
}

static void
factures_pa_page_finalize (GObject *object)
{
  FacturesPaPage *self = FACTURES_PA_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (factures_pa_page_parent_class)->finalize (object);
}

static void
factures_pa_page_class_init (FacturesPaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = factures_pa_page_dispose;
  object_class->finalize = factures_pa_page_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/preferences/factures-pa-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesPaPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesPaPage, registration_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesPaPage, base_url_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesPaPage, token_url_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesPaPage, client_id_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesPaPage, secret_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesPaPage, report_switch);
  gtk_widget_class_bind_template_child (widget_class, FacturesPaPage, directory_url_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesPaPage, b2g_switch);
  gtk_widget_class_bind_template_child (widget_class, FacturesPaPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, FacturesPaPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesPaPage, outbox_label);
  gtk_widget_class_install_action (widget_class, "pa-page.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "pa-page.test", NULL, test_activated);
  gtk_widget_class_install_action (widget_class, "pa-page.sync", NULL, sync_activated);
  gtk_widget_class_install_action (widget_class, "pa-page.ereporting", NULL, ereporting_activated);
}

static void
factures_pa_page_init (FacturesPaPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  /* Accessible names by the rows' titles (the AT-SPI journeys find fields by them). */
  factures_entry_row_name_once (self->name_row);
  factures_entry_row_name_once (self->registration_row);
  factures_entry_row_name_once (self->base_url_row);
  factures_entry_row_name_once (self->token_url_row);
  factures_entry_row_name_once (self->client_id_row);
  factures_entry_row_name_once (self->directory_url_row);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->secret_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Client secret"), -1);
  /* Its peek and apply buttons hold only an icon: libadwaita 1.2 names them by tooltip only. */
  factures_accessible_fix_descendants (self->secret_row, GTK_TYPE_BUTTON, GTK_ACCESSIBLE_ROLE_BUTTON, NULL);
}

GtkWidget *
factures_pa_page_new (FacturesStore *store)
{
  FacturesPaPage *self = g_object_new (FACTURES_TYPE_PA_PAGE, NULL);

  self->store = g_object_ref (store);
  fill_form (self);
  return GTK_WIDGET (self);
}
