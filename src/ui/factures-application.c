/* factures-application.c — the application: actions, command line, the open database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-application.h"
#include "factures-catalogue-window.h"
#include "factures-cli.h"
#include "factures-client-editor.h"
#include "factures-documents.h"
#include "factures-facturx-ui.h"
#include "factures-due-notification.h"
#include "factures-first-frame.h"
#include "factures-store-payments.h"
#include "factures-preferences-window.h"
#include "factures-recurring-ui.h"
#include "factures-register-window.h"
#include "factures-ui-resources.h"
#include "factures-window.h"

struct _FacturesApplication
{
  AdwApplication  parent_instance;

  FacturesStore  *store;
  GError         *store_error;
  char           *database_path;   /* --database, NULL: the default path */
  char           *initial_view;    /* --view */
};

G_DEFINE_FINAL_TYPE (FacturesApplication, factures_application, ADW_TYPE_APPLICATION)

void
factures_ui_register_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      g_resources_register (factures_ui_get_resource ());
      g_once_init_leave (&registered, 1);
    }
}

static FacturesWindow *
get_main_window (FacturesApplication *self)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  for (GList *l = windows; l != NULL; l = l->next)
    if (FACTURES_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* ------------------------------------------------------------- options -- */

static int
factures_application_handle_local_options (GApplication *application,
                                           GVariantDict *options)
{
  FacturesApplication *self = FACTURES_APPLICATION (application);
  const char *database = NULL;
  const char *view = NULL;
  int status;

  if (g_variant_dict_lookup (options, "database", "^&ay", &database) && *database != '\0')
    self->database_path = g_canonicalize_filename (database, NULL);
  if (g_variant_dict_lookup (options, "view", "&s", &view))
    self->initial_view = g_strdup (view);

  status = factures_cli_run (self->database_path, options);
  if (status >= 0)
    return status;

  /* A window on an explicit database is its own instance: a running instance may
   * have another database open. Tests set FACTURES_NON_UNIQUE. */
  if (self->database_path != NULL || g_getenv ("FACTURES_NON_UNIQUE") != NULL)
    g_application_set_flags (application,
                             g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);

  return -1;
}

/* ------------------------------------------------------------- actions -- */

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  FacturesApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Close rather than quit, so each window saves its state (and may ask first). */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  FacturesApplication *self = user_data;
  const char *developers[] = { "The Factures developers", NULL };
  GtkWidget *about;

  about = adw_about_window_new ();
  adw_about_window_set_application_name (ADW_ABOUT_WINDOW (about), _("Factures"));
  adw_about_window_set_application_icon (ADW_ABOUT_WINDOW (about), APP_ID);
  adw_about_window_set_version (ADW_ABOUT_WINDOW (about), PACKAGE_VERSION);
  adw_about_window_set_developer_name (ADW_ABOUT_WINDOW (about), "The Factures developers");
  adw_about_window_set_developers (ADW_ABOUT_WINDOW (about), developers);
  adw_about_window_set_comments (ADW_ABOUT_WINDOW (about),
                                 _("Invoices for French micro-entrepreneurs: clients, invoices with "
                                   "every mandatory mention, PDF, printing, and what is overdue."));
  adw_about_window_set_copyright (ADW_ABOUT_WINDOW (about), "© 2026 The Factures developers");
  adw_about_window_set_license_type (ADW_ABOUT_WINDOW (about), GTK_LICENSE_GPL_3_0);
  adw_about_window_set_website (ADW_ABOUT_WINDOW (about), "https://example.org/factures/");
  adw_about_window_set_issue_url (ADW_ABOUT_WINDOW (about), "https://example.org/factures/issues");
  adw_about_window_set_support_url (ADW_ABOUT_WINDOW (about), "https://example.org/factures/help/");
  adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), _("translator-credits"));
  gtk_window_set_transient_for (GTK_WINDOW (about),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (about));
}

static void
help_shown (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GtkWindow) parent = user_data;

  if (!gtk_show_uri_full_finish (parent, result, &error))
    {
      g_warning ("Cannot open the help: %s", error->message);
      if (FACTURES_IS_WINDOW (parent))
        factures_window_add_toast (FACTURES_WINDOW (parent),
                                   _("The help could not be opened: is Yelp installed?"));
    }
}

static void
help_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  FacturesApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (parent == NULL)
    return;
  /* Mallard pages of help/ (installed by the data layer), opened by Yelp. */
  gtk_show_uri_full (parent, "help:" APP_ID, GDK_CURRENT_TIME, NULL,
                     help_shown, g_object_ref (parent));
}

/* The main window when the views are usable (profile saved); else a toast and NULL. */
static FacturesWindow *
ready_window (FacturesApplication *self)
{
  FacturesWindow *window = get_main_window (self);

  if (window == NULL || self->store == NULL)
    return NULL;
  if (factures_window_is_welcome (window))
    {
      factures_window_add_toast (window, _("Save your business profile first"));
      return NULL;
    }
  return window;
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  FacturesApplication *self = user_data;
  FacturesWindow *window = ready_window (self);

  if (window != NULL)
    gtk_window_present (GTK_WINDOW (factures_preferences_window_new (GTK_WINDOW (window), self->store)));
}

static void
new_invoice_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  FacturesApplication *self = user_data;
  FacturesWindow *window = ready_window (self);

  if (window != NULL)
    factures_editor_window_open (GTK_WINDOW (window), self->store, 0, 0);
}

static void
new_client_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  FacturesApplication *self = user_data;
  FacturesWindow *window = ready_window (self);

  if (window != NULL)
    factures_client_editor_open (GTK_WINDOW (window), self->store, 0);
}

/* Issue 3 items 8 and 4: the catalogue and the recurring invoices. */
static void
catalogue_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  FacturesApplication *self = user_data;
  FacturesWindow *window = ready_window (self);

  if (window != NULL)
    factures_catalogue_window_open (GTK_WINDOW (window), self->store);
}

static void
recurring_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  FacturesApplication *self = user_data;
  FacturesWindow *window = ready_window (self);

  if (window != NULL)
    factures_recurring_window_open (GTK_WINDOW (window), self->store);
}

/* The due-steps notification's action: the window, on the overdue view. */
static void
show_overdue_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  FacturesApplication *self = user_data;

  g_free (self->initial_view);
  self->initial_view = g_strdup ("overdue");
  g_application_activate (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "show-overdue", show_overdue_activated },
  { "catalogue", catalogue_activated },
  { "recurring", recurring_activated },
  { "quit", quit_activated },
  { "about", about_activated },
  { "help", help_activated },
  { "preferences", preferences_activated },
  { "new-invoice", new_invoice_activated },
  { "new-client", new_client_activated },
};

/* ----------------------------------------------------------- lifecycle -- */

static void
factures_application_startup (GApplication *application)
{
  FacturesApplication *self = FACTURES_APPLICATION (application);
  g_autofree char *default_path = NULL;
  const char *path = self->database_path;
  struct { const char *action; const char *accels[2]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.help", { "F1", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.new-invoice", { "<Control>n", NULL } },
    { "app.new-client", { "<Control><Shift>n", NULL } },
    { "win.show-view::overdue", { "<Alt>1", NULL } },
    { "win.show-view::documents", { "<Alt>2", NULL } },
    { "win.show-view::clients", { "<Alt>3", NULL } },
    { "win.show-view::bank", { "<Alt>4", NULL } },
    { "win.show-view::year", { "<Alt>5", NULL } },
  };

  G_APPLICATION_CLASS (factures_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);

  gtk_window_set_default_icon_name (APP_ID);

  if (path == NULL)
    path = default_path = factures_store_default_path ();
  /* One synchronous connection on the main thread: a lock held by another process (the
   * command line) is waited for at most 250 ms, then the write is refused with a message
   * and the user's input stays for a retry (issue 10 item 5), instead of a frozen window. */
  self->store = factures_store_open_full (path, FACTURES_STORE_OPEN_CREATE, 250, NULL, NULL,
                                          &self->store_error);
  if (self->store == NULL)
    g_printerr (_("factures: %s\n"), self->store_error->message);
  else
    {
      factures_facturx_ui_install_actions (GTK_APPLICATION (self), self->store);  /* issue 6: app.import-invoice */
      factures_register_install_actions (GTK_APPLICATION (self), self->store);    /* app.receipts */
    }
}

/* Issue 12: invoices the catch-up looks at per idle callback (each batch one transaction of
 * a few milliseconds, so that the window stays responsive while thousands are caught up). */
#define CATCH_UP_BATCH 200

typedef struct {
  FacturesApplication *app;
  FacturesCatchUp      state;
  GDate                today;
} CatchUpRun;

static void
catch_up_run_free (CatchUpRun *run)
{
  g_object_unref (run->app);
  g_free (run);
}

/* The notifications, once the catch-up is over: the due-steps one, counting the To-Do queue
 * the window lists, once per start; the tax deadlines', once a day (issue 17 item 4). */
static void
send_notifications (FacturesApplication *self)
{
  FacturesWindow *window = get_main_window (self);

  if (window == NULL || factures_window_is_welcome (window))
    return;
  factures_due_notification_send_n (G_APPLICATION (self), factures_window_get_n_due_steps (window));
  factures_due_notification_send_deadlines (G_APPLICATION (self), self->store,
                                            factures_window_get_n_due_deadlines (window));
}

static gboolean
catch_up_batch (gpointer user_data)
{
  CatchUpRun *run = user_data;
  g_autoptr (GError) error = NULL;
  gboolean finished = FALSE;

  if (run->app->store == NULL)   /* shut down meanwhile */
    return G_SOURCE_REMOVE;
  if (!factures_store_catch_up_batch (run->app->store, &run->today, &run->state, CATCH_UP_BATCH, &finished, &error))
    {
      g_printerr (_("factures: %s\n"), error->message);
      finished = TRUE;
    }
  if (!finished)
    return G_SOURCE_CONTINUE;
  send_notifications (run->app);
  return G_SOURCE_REMOVE;
}

/* Issue 12 item 2: after the window's first frame, never before it: the missed pre-due
 * dunning steps recorded as skipped (issue 4; nothing is sent on its own), in batches in idle
 * callbacks, then the notifications. */
static gboolean
after_first_frame (gpointer user_data)
{
  FacturesApplication *self = user_data;
  CatchUpRun *run;

  if (self->store == NULL)
    return G_SOURCE_REMOVE;
  run = g_new0 (CatchUpRun, 1);
  run->app = g_object_ref (self);
  factures_today (&run->today);
  g_idle_add_full (G_PRIORITY_LOW, catch_up_batch, run, (GDestroyNotify) catch_up_run_free);
  return G_SOURCE_REMOVE;
}

static void
factures_application_activate (GApplication *application)
{
  FacturesApplication *self = FACTURES_APPLICATION (application);
  FacturesWindow *window = get_main_window (self);

  if (window == NULL)
    {
      window = factures_window_new (GTK_APPLICATION (self), self->store, self->store_error);
      factures_after_first_frame (GTK_WIDGET (window), after_first_frame, g_object_ref (self), g_object_unref);
      /* Issue 3 item 4: the recurring invoices due since the last run, once per start. */
      gtk_window_present (GTK_WINDOW (window));
      factures_recurring_run_at_startup (GTK_WINDOW (window), self->store);
    }
  if (self->initial_view != NULL)
    {
      factures_window_set_view (window, self->initial_view);
      g_clear_pointer (&self->initial_view, g_free);
    }
  gtk_window_present (GTK_WINDOW (window));
}

static void
factures_application_shutdown (GApplication *application)
{
  FacturesApplication *self = FACTURES_APPLICATION (application);

  G_APPLICATION_CLASS (factures_application_parent_class)->shutdown (application);
  g_clear_object (&self->store);
}

static void
factures_application_finalize (GObject *object)
{
  FacturesApplication *self = FACTURES_APPLICATION (object);

  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  g_free (self->database_path);
  g_free (self->initial_view);

  G_OBJECT_CLASS (factures_application_parent_class)->finalize (object);
}

static void
factures_application_class_init (FacturesApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = factures_application_finalize;
  app_class->handle_local_options = factures_application_handle_local_options;
  app_class->startup = factures_application_startup;
  app_class->activate = factures_application_activate;
  app_class->shutdown = factures_application_shutdown;
}

static void
factures_application_init (FacturesApplication *self)
{
  factures_cli_add_options (G_APPLICATION (self));
}

FacturesApplication *
factures_application_new (void)
{
  factures_ui_register_resources ();
  return g_object_new (FACTURES_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/org/example/Factures",
                       NULL);
}

FacturesStore *
factures_application_get_store (FacturesApplication *self)
{
  g_return_val_if_fail (FACTURES_IS_APPLICATION (self), NULL);
  return self->store;
}
