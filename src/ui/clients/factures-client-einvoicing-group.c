/* factures-client-einvoicing-group.c — the client editor's « Facturation électronique » group
 * (issue 15 item 1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-client-einvoicing-group.h"
#include "factures-pa-directory.h"
#include "factures-store-einvoicing.h"

struct _FacturesClientEinvoicingGroup
{
  AdwPreferencesGroup  parent_instance;

  FacturesStore       *store;
  char                *identifier;   /* as typed, NULL when not a valid SIREN or SIRET */
  char                *siren;
  GCancellable        *cancellable;  /* the lookup running, or NULL */

  /* Template children */
  GtkWidget           *spinner;
  GtkWidget           *refresh_button;
  GtkWidget           *status_row;
  GtkWidget           *status_icon;
  GtkWidget           *address_row;
  GtkWidget           *date_row;
  GtkWidget           *message_label;
};

G_DEFINE_FINAL_TYPE (FacturesClientEinvoicingGroup, factures_client_einvoicing_group, ADW_TYPE_PREFERENCES_GROUP)

static void
set_message (FacturesClientEinvoicingGroup *self,
             const char                    *text,
             gboolean                       error)
{
  gtk_label_set_text (GTK_LABEL (self->message_label), text != NULL ? text : "");
  gtk_widget_set_visible (self->message_label, text != NULL && *text != '\0');
  if (error)
    gtk_widget_add_css_class (self->message_label, "error");
  else
    gtk_widget_remove_css_class (self->message_label, "error");
}

/* "2026-12-06T18:33:51Z" → "06/12/2026 à 19:33" (local time). (transfer full) */
static char *
format_date (const char *iso)
{
  g_autoptr(GDateTime) utc = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (iso != NULL ? iso : "—");
  local = g_date_time_to_local (utc);
  /* Translators: the date and time of a directory lookup (strftime format) */
  return g_date_time_format (local, _("%d/%m/%Y at %H:%M"));
}

/* Why nothing can be looked up, or NULL when the account has a directory address. */
static const char *
reason_not_looked_up (FacturesClientEinvoicingGroup *self)
{
  g_autoptr(FacturesPaAccount) account = NULL;

  if (self->store == NULL)
    return "";
  account = factures_store_get_pa_account (self->store, NULL);
  if (account == NULL)
    return _("No plateforme agréée is set up, so nothing is looked up: fill in its account in Preferences → "
             "E-invoicing to see whether this client receives e-invoices.");
  if (account->directory_url == NULL || *account->directory_url == '\0')
    return _("The directory service address of your plateforme agréée is not filled in, so nothing is looked "
             "up: add it in Preferences → E-invoicing.");
  return NULL;
}

static void
show (FacturesClientEinvoicingGroup *self)
{
  g_autoptr(FacturesPaDirectoryEntry) entry = NULL;
  const char *reason = reason_not_looked_up (self);
  gboolean busy = self->cancellable != NULL;
  /* Finding T17: the question mark in a circle read as a replacement glyph « � »: a
   * magnifier for "not looked up", a check mark for "receives" (both in Adwaita 43, Debian
   * 12; the check mark also in GTK's own icons). */
  const char *icon = "system-search-symbolic";

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "einvoicing.refresh",
                                 reason == NULL && self->siren != NULL && !busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
  if (self->siren != NULL && self->store != NULL)
    entry = factures_store_pa_directory_get (self->store, self->siren, NULL);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->status_row),
                               factures_pa_directory_status_words (entry != NULL ? entry->status
                                                                                 : FACTURES_PA_DIRECTORY_NONE));
  if (entry != NULL && entry->status == FACTURES_PA_DIRECTORY_ENABLED)
    icon = "object-select-symbolic";
  else if (entry != NULL)
    icon = "dialog-warning-symbolic";
  gtk_image_set_from_icon_name (GTK_IMAGE (self->status_icon), icon);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->address_row),
                               entry != NULL && entry->address != NULL ? entry->address : "—");
  {
    g_autofree char *date = entry != NULL ? format_date (entry->looked_up) : g_strdup (_("never"));

    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->date_row), date);
  }
  gtk_widget_set_visible (self->address_row, entry != NULL);
  gtk_widget_set_visible (self->date_row, entry != NULL);
  if (reason != NULL)
    set_message (self, reason, FALSE);
  else if (self->siren == NULL)
    set_message (self, _("Type the client’s SIREN or SIRET above, then press « Refresh »."), FALSE);
  else if (entry != NULL && entry->partial)
    set_message (self, factures_pa_directory_partial_note (), FALSE);
  else if (entry != NULL && entry->status != FACTURES_PA_DIRECTORY_ENABLED)
    set_message (self, _("Until the directory shows this client as receiving, send its invoices by e-mail and ask "
                         "it which plateforme agréée it has chosen."), FALSE);
  else
    set_message (self, NULL, FALSE);
}

void
factures_client_einvoicing_group_set_store (FacturesClientEinvoicingGroup *self,
                                            FacturesStore                 *store)
{
  g_return_if_fail (FACTURES_IS_CLIENT_EINVOICING_GROUP (self));
  g_set_object (&self->store, store);
  show (self);
}

void
factures_client_einvoicing_group_set_identifier (FacturesClientEinvoicingGroup *self,
                                                 const char                    *identifier)
{
  g_autofree char *siren = NULL;
  g_autofree char *siret = NULL;

  g_return_if_fail (FACTURES_IS_CLIENT_EINVOICING_GROUP (self));
  g_clear_pointer (&self->identifier, g_free);
  g_clear_pointer (&self->siren, g_free);
  if (identifier != NULL && factures_pa_directory_check_identifier (identifier, &siren, &siret, NULL))
    {
      self->identifier = g_strdup (identifier);
      self->siren = g_steal_pointer (&siren);
    }
  show (self);
}

/* ---- « Actualiser »: the lookup in a thread, the cache written on the main thread ---- */

typedef struct {
  FacturesPaClient *client;
  char             *directory_url;
  char             *identifier;
} Lookup;

static void
lookup_free (Lookup *lookup)
{
  g_clear_pointer (&lookup->client, factures_pa_client_free);
  g_free (lookup->directory_url);
  g_free (lookup->identifier);
  g_free (lookup);
}

static void
lookup_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Lookup *lookup = task_data;
  GError *error = NULL;
  FacturesPaDirectoryEntry *entry = factures_pa_directory_lookup (lookup->client, lookup->directory_url,
                                                                  lookup->identifier, &error);

  if (entry == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, entry, (GDestroyNotify) factures_pa_directory_entry_free);
}

static void
lookup_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  FacturesClientEinvoicingGroup *self = FACTURES_CLIENT_EINVOICING_GROUP (source);
  g_autoptr(FacturesPaDirectoryEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  entry = g_task_propagate_pointer (G_TASK (result), &error);
  g_clear_object (&self->cancellable);
  if (entry != NULL && self->store != NULL && !factures_store_pa_directory_save (self->store, entry, &error))
    g_clear_pointer (&entry, factures_pa_directory_entry_free);
  show (self);
  if (entry == NULL && error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_message (self, error->message, TRUE);
}

static void
refresh_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  FacturesClientEinvoicingGroup *self = FACTURES_CLIENT_EINVOICING_GROUP (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  Lookup *lookup;

  if (self->store == NULL || self->identifier == NULL || self->cancellable != NULL)
    return;
  lookup = g_new0 (Lookup, 1);
  lookup->client = factures_pa_directory_open (self->store, &lookup->directory_url, &error);
  if (lookup->client == NULL)
    {
      lookup_free (lookup);
      set_message (self, error->message, TRUE);
      return;
    }
  lookup->identifier = g_strdup (self->identifier);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, lookup_done, NULL);
  g_task_set_task_data (task, lookup, (GDestroyNotify) lookup_free);
  g_task_run_in_thread (task, lookup_thread);
  show (self);
  set_message (self, _("Looking the client up in the directory…"), FALSE);
}

static void
factures_client_einvoicing_group_dispose (GObject *object)
{
  FacturesClientEinvoicingGroup *self = FACTURES_CLIENT_EINVOICING_GROUP (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->identifier, g_free);
  g_clear_pointer (&self->siren, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_CLIENT_EINVOICING_GROUP);
  G_OBJECT_CLASS (factures_client_einvoicing_group_parent_class)->dispose (object);
}

static void
factures_client_einvoicing_group_class_init (FacturesClientEinvoicingGroupClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = factures_client_einvoicing_group_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/clients/factures-client-einvoicing-group.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesClientEinvoicingGroup, spinner);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientEinvoicingGroup, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientEinvoicingGroup, status_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientEinvoicingGroup, status_icon);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientEinvoicingGroup, address_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientEinvoicingGroup, date_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesClientEinvoicingGroup, message_label);
  gtk_widget_class_install_action (widget_class, "einvoicing.refresh", NULL, refresh_activated);
}

static void
factures_client_einvoicing_group_init (FacturesClientEinvoicingGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  show (self);
}
