/* factures-window.c — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-client-editor.h"
#include "factures-clients-page.h"
#include "factures-documents.h"
#include "factures-documents-page.h"
#include "factures-overdue-page.h"
#include "factures-bank-page.h"
#include "factures-year-page.h"
#include "factures-profile-editor.h"
#include "factures-window.h"

static const char * const view_names[] = { "overdue", "documents", "clients", "bank", "year", NULL };
/* the views after "overdue", built on their first showing */
#define N_LAZY_VIEWS 4

struct _FacturesWindow
{
  AdwApplicationWindow  parent_instance;

  FacturesStore        *store;
  GSettings            *settings;   /* NULL when the schema is not installed */
  char                 *pending_view;

  /* template */
  GtkWidget            *title_stack;
  GtkWidget            *switcher_title;
  GtkWidget            *switcher_bar;
  GtkWidget            *toast_overlay;
  GtkWidget            *main_stack;
  GtkWidget            *view_stack;
  GtkWidget            *welcome_box;
  GtkWidget            *error_page;
  GtkWidget            *menu_button;
  GMenuModel           *primary_menu;

  GtkWidget            *profile_editor;
  GtkWidget            *overdue_page;
  GtkWidget            *clients_page;
  GtkWidget            *documents_page;
  AdwViewStackPage     *overdue_stack_page;

  /* Issue 12: the views other than Overdue are built on their first showing. Until then the
   * stack holds an empty AdwBin in their place (titled, with its icon, so the switcher, the
   * shortcuts and win.show-view work), which receives the view when it is first shown. */
  GtkWidget            *lazy_bins[N_LAZY_VIEWS];
};

G_DEFINE_FINAL_TYPE (FacturesWindow, factures_window, ADW_TYPE_APPLICATION_WINDOW)

static gboolean
is_view_name (const char *name)
{
  return name != NULL && g_strv_contains (view_names, name);
}

static GSettings *
settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

/* The tabs at the bottom when the window is too narrow for them in the header bar, and only
 * while the views are shown (not over the first-run pages). */
static void
update_switcher_bar (FacturesWindow *self)
{
  gboolean views;
  gboolean reveal;

  if (self->switcher_bar == NULL || self->switcher_title == NULL || self->title_stack == NULL)
    return;   /* still being built from the template */
  views = g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->title_stack)), "switcher") == 0;
  reveal = views && adw_view_switcher_title_get_title_visible (ADW_VIEW_SWITCHER_TITLE (self->switcher_title));
  /* Issue 12: the bar's buttons (one per view) made when it is first needed, not before the
   * first frame of a window wide enough for the tabs in its header bar. */
  if (reveal && adw_view_switcher_bar_get_stack (ADW_VIEW_SWITCHER_BAR (self->switcher_bar)) == NULL)
    adw_view_switcher_bar_set_stack (ADW_VIEW_SWITCHER_BAR (self->switcher_bar), ADW_VIEW_STACK (self->view_stack));
  adw_view_switcher_bar_set_reveal (ADW_VIEW_SWITCHER_BAR (self->switcher_bar), reveal);
}

static void
update_badge (FacturesWindow *self)
{
  guint count;

  if (self->overdue_page == NULL || self->overdue_stack_page == NULL)
    return;
  count = factures_overdue_page_get_count (FACTURES_OVERDUE_PAGE (self->overdue_page));
  adw_view_stack_page_set_badge_number (self->overdue_stack_page, count);
  adw_view_stack_page_set_needs_attention (self->overdue_stack_page, count > 0);
}

/* The view named NAME (one of view_names after "overdue"), created. */
static GtkWidget *
lazy_view_new (FacturesWindow *self,
               guint           index)
{
  switch (index)
    {
    case 0:
      return self->documents_page = factures_documents_page_new (self->store);
    case 1:
      return self->clients_page = factures_clients_page_new (self->store);
    case 2:
      return factures_bank_page_new (self->store);   /* bank-match (issue 16): the Banque view */
    case 3:
      /* urssaf-ui (issue 17): the « Année » view (URSSAF declaration, ceilings and VAT
       * thresholds, charts) */
      return factures_year_page_new (self->store);
    default:
      g_assert_not_reached ();
    }
}

/* Issue 12: the view NAME built if it is not yet (its first showing, or an action that needs
 * it), in the placeholder that holds its place in the stack. Nothing for "overdue", always
 * built. */
static void
ensure_view (FacturesWindow *self,
             const char     *name)
{
  for (guint i = 0; i < N_LAZY_VIEWS; i++)
    {
      if (g_strcmp0 (name, view_names[i + 1]) != 0)
        continue;
      if (self->lazy_bins[i] != NULL && adw_bin_get_child (ADW_BIN (self->lazy_bins[i])) == NULL)
        adw_bin_set_child (ADW_BIN (self->lazy_bins[i]), lazy_view_new (self, i));
      return;
    }
}

static void
build_views (FacturesWindow *self)
{
  static const struct { const char *title; const char *icon; } lazy[N_LAZY_VIEWS] = {
    { N_("Documents"), "x-office-document-symbolic" },
    { N_("Clients"), "system-users-symbolic" },
    { N_("Bank"), "mail-send-receive-symbolic" },   /* Adwaita 43 has no bank icon: the movements in and out */
    { N_("Year"), "x-office-calendar-symbolic" },
  };

  if (self->overdue_page != NULL)
    return;

  self->overdue_page = factures_overdue_page_new (self->store);
  self->overdue_stack_page = adw_view_stack_add_titled (ADW_VIEW_STACK (self->view_stack),
                                                        self->overdue_page, "overdue", _("Overdue"));
  adw_view_stack_page_set_icon_name (self->overdue_stack_page, "alarm-symbolic");
  g_signal_connect_swapped (self->overdue_page, "notify::count", G_CALLBACK (update_badge), self);
  update_badge (self);

  for (guint i = 0; i < N_LAZY_VIEWS; i++)
    {
      AdwViewStackPage *page;

      self->lazy_bins[i] = adw_bin_new ();
      page = adw_view_stack_add_titled (ADW_VIEW_STACK (self->view_stack), self->lazy_bins[i],
                                        view_names[i + 1], _(lazy[i].title));
      adw_view_stack_page_set_icon_name (page, lazy[i].icon);
    }
}

/* The views, on the one last shown (or the one asked for before they existed), except that
 * something overdue makes the window open on it (the README's promise; --view still wins).
 * Only the view shown is built (issue 12). */
static void
show_views (FacturesWindow *self)
{
  build_views (self);
  gtk_stack_set_visible_child_name (GTK_STACK (self->main_stack), "views");
  gtk_stack_set_visible_child_name (GTK_STACK (self->title_stack), "switcher");
  if (self->pending_view != NULL
      && factures_overdue_page_get_count (FACTURES_OVERDUE_PAGE (self->overdue_page)) == 0)
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (self->view_stack), self->pending_view);
  else
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (self->view_stack), "overdue");
  g_clear_pointer (&self->pending_view, g_free);
}

/* Issue 11 item 7: the first run ends on what to do next, not on an all-zero dashboard. */
static void
on_profile_saved (FacturesWindow *self)
{
  build_views (self);
  g_clear_pointer (&self->pending_view, g_free);
  gtk_stack_set_visible_child_name (GTK_STACK (self->main_stack), "next-steps");
  gtk_stack_set_visible_child_name (GTK_STACK (self->title_stack), "switcher");
}

/* A view shown for the first time: built (issue 12). A view chosen in the switcher while the
 * next steps are shown: show the views. */
static void
view_changed_cb (FacturesWindow *self)
{
  ensure_view (self, adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (self->view_stack)));
  if (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->main_stack)), "next-steps") == 0)
    gtk_stack_set_visible_child_name (GTK_STACK (self->main_stack), "views");
}

/* Issue 12: the main menu's popover (a row per item) made when it is first opened. */
static void
create_primary_menu (GtkMenuButton *button,
                     gpointer       user_data)
{
  FacturesWindow *self = user_data;

  gtk_menu_button_set_menu_model (button, self->primary_menu);
}

/* ------------------------------------------------------------- actions -- */

static void
show_view_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  FacturesWindow *self = user_data;
  const char *name = g_variant_get_string (parameter, NULL);

  if (self->overdue_page == NULL || !is_view_name (name))
    return;
  gtk_stack_set_visible_child_name (GTK_STACK (self->main_stack), "views");
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (self->view_stack), name);
}

static void
first_client_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  FacturesWindow *self = user_data;

  g_action_group_activate_action (G_ACTION_GROUP (self), "show-view", g_variant_new_string ("clients"));
  factures_client_editor_open (GTK_WINDOW (self), self->store, 0);
}

static void
first_invoice_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  FacturesWindow *self = user_data;

  g_action_group_activate_action (G_ACTION_GROUP (self), "show-view", g_variant_new_string ("documents"));
  factures_editor_window_open (GTK_WINDOW (self), self->store, 0, 0);
}


static void
show_welcome (FacturesWindow *self)
{
  self->profile_editor = factures_profile_editor_new (self->store);
  g_signal_connect_swapped (self->profile_editor, "saved", G_CALLBACK (on_profile_saved), self);
  gtk_box_append (GTK_BOX (self->welcome_box), self->profile_editor);
  gtk_stack_set_visible_child_name (GTK_STACK (self->main_stack), "welcome");
  gtk_stack_set_visible_child_name (GTK_STACK (self->title_stack), "title");
}

/* win.delete-draft (int64: the draft's id), for the documents list and the editor: the draft
 * goes from the list with an undo toast and is deleted when the toast goes (issue 11). */
static void
delete_draft_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  FacturesWindow *self = user_data;

  ensure_view (self, "documents");
  if (self->documents_page != NULL)
    factures_documents_page_delete_draft (FACTURES_DOCUMENTS_PAGE (self->documents_page),
                                          g_variant_get_int64 (parameter));
}

/* win.open-document (int64): a draft in the editor, an issued document in its view. */
static void
open_document_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  FacturesWindow *self = user_data;

  if (self->store != NULL)
    factures_editor_window_open (GTK_WINDOW (self), self->store, g_variant_get_int64 (parameter), 0);
}

/* win.show-declarations: the « Année » view, whose declaration proposes the last period that
 * ended (the to-do queue's URSSAF deadlines open it; issue 17 item 4). */
static void
show_declarations_activated (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  FacturesWindow *self = user_data;

  g_action_group_activate_action (G_ACTION_GROUP (self), "show-view", g_variant_new_string ("year"));
}

static const GActionEntry win_actions[] = {
  { "show-view", show_view_activated, "s" },
  { "show-declarations", show_declarations_activated },
  { "first-client", first_client_activated },
  { "first-invoice", first_invoice_activated },
  { "delete-draft", delete_draft_activated, "x" },
  { "open-document", open_document_activated, "x" },
};

static gboolean
factures_window_close_request (GtkWindow *window)
{
  FacturesWindow *self = FACTURES_WINDOW (window);

  if (self->settings != NULL)
    {
      gboolean maximized = gtk_window_is_maximized (window);
      const char *view = adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (self->view_stack));

      g_settings_set_boolean (self->settings, "window-maximized", maximized);
      if (!maximized)
        {
          int width = 0;
          int height = 0;

          gtk_window_get_default_size (window, &width, &height);
          if (width > 0 && height > 0)
            {
              g_settings_set_int (self->settings, "window-width", width);
              g_settings_set_int (self->settings, "window-height", height);
            }
        }
      if (is_view_name (view))
        g_settings_set_string (self->settings, "last-view", view);
    }

  return GTK_WINDOW_CLASS (factures_window_parent_class)->close_request (window);
}

static void
factures_window_dispose (GObject *object)
{
  FacturesWindow *self = FACTURES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->pending_view, g_free);

  G_OBJECT_CLASS (factures_window_parent_class)->dispose (object);
}

static void
factures_window_class_init (FacturesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = factures_window_dispose;
  window_class->close_request = factures_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Factures/ui/factures-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesWindow, title_stack);
  gtk_widget_class_bind_template_child (widget_class, FacturesWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, FacturesWindow, switcher_bar);
  gtk_widget_class_bind_template_callback (widget_class, update_switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, FacturesWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FacturesWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, FacturesWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, FacturesWindow, welcome_box);
  gtk_widget_class_bind_template_child (widget_class, FacturesWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, FacturesWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesWindow, primary_menu);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
factures_window_init (FacturesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->menu_button), create_primary_menu, self, NULL);
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);
  /* Shown only when the database cannot be opened: until then, not in the AT-SPI tree. */
  gtk_widget_set_visible (self->error_page, FALSE);
}

FacturesWindow *
factures_window_new (GtkApplication *application,
                     FacturesStore  *store,
                     const GError   *store_error)
{
  FacturesWindow *self;
  g_autoptr (FacturesProfile) profile = NULL;
  g_autoptr (GError) error = NULL;

  self = g_object_new (FACTURES_TYPE_WINDOW, "application", application, NULL);
  self->settings = settings_new_if_installed ();

  if (self->settings != NULL)
    {
      g_autofree char *view = g_settings_get_string (self->settings, "last-view");

      gtk_window_set_default_size (GTK_WINDOW (self),
                                   MAX (360, g_settings_get_int (self->settings, "window-width")),
                                   MAX (400, g_settings_get_int (self->settings, "window-height")));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      if (is_view_name (view))
        self->pending_view = g_steal_pointer (&view);
    }

  if (store == NULL)
    {
      adw_status_page_set_description (ADW_STATUS_PAGE (self->error_page),
                                       store_error != NULL ? store_error->message : NULL);
      gtk_widget_set_visible (self->error_page, TRUE);
      gtk_stack_set_visible_child_name (GTK_STACK (self->main_stack), "error");
      gtk_stack_set_visible_child_name (GTK_STACK (self->title_stack), "title");
      return self;
    }

  self->store = g_object_ref (store);
  profile = factures_store_get_profile (store, &error);
  if (profile == NULL && error != NULL)
    {
      adw_status_page_set_description (ADW_STATUS_PAGE (self->error_page), error->message);
      gtk_widget_set_visible (self->error_page, TRUE);
      gtk_stack_set_visible_child_name (GTK_STACK (self->main_stack), "error");
      gtk_stack_set_visible_child_name (GTK_STACK (self->title_stack), "title");
      return self;
    }

  if (profile == NULL)
    show_welcome (self);
  else
    show_views (self);

  return self;
}

void
factures_window_add_toast (FacturesWindow *self,
                           const char     *text)
{
  g_return_if_fail (FACTURES_IS_WINDOW (self));
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->toast_overlay), adw_toast_new (text));
}

void
factures_window_set_view (FacturesWindow *self,
                          const char     *name)
{
  g_return_if_fail (FACTURES_IS_WINDOW (self));

  if (!is_view_name (name))
    return;
  if (self->overdue_page == NULL)
    {
      /* Still on the welcome form: show it once the views exist. */
      g_free (self->pending_view);
      self->pending_view = g_strdup (name);
      return;
    }
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (self->view_stack), name);
}

guint
factures_window_get_n_due_steps (FacturesWindow *self)
{
  g_return_val_if_fail (FACTURES_IS_WINDOW (self), 0);

  if (self->overdue_page == NULL)
    return 0;
  return factures_overdue_page_get_n_due_steps (FACTURES_OVERDUE_PAGE (self->overdue_page));
}

guint
factures_window_get_n_due_deadlines (FacturesWindow *self)
{
  g_return_val_if_fail (FACTURES_IS_WINDOW (self), 0);

  if (self->overdue_page == NULL)
    return 0;
  return factures_overdue_page_get_n_due_deadlines (FACTURES_OVERDUE_PAGE (self->overdue_page));
}

gboolean
factures_window_is_welcome (FacturesWindow *self)
{
  g_return_val_if_fail (FACTURES_IS_WINDOW (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (self->main_stack)), "welcome") == 0;
}
