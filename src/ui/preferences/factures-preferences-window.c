/* factures-preferences-window.c — Preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-confirm-dialog.h"
#include "factures-escompte-page.h"
#include "factures-form.h"
#include "factures-ladder-page.h"
#include "factures-mail-page.h"
#include "factures-pa-page.h"
#include "factures-preferences-window.h"
#include "factures-profile-editor.h"
#include "factures-series-page.h"
#include "factures-urssaf-page.h"

struct _FacturesPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwPreferencesPage   *profile_page;
  AdwPreferencesGroup  *profile_group;

  GtkWidget            *profile_editor;
  GtkWidget            *escompte_page;
  GtkWidget            *series_page;
  GtkWidget            *ladder_page;
  GtkWidget            *mail_page;
  gboolean              closing;        /* the user chose to close with values left */
};

G_DEFINE_FINAL_TYPE (FacturesPreferencesWindow, factures_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
close_response_cb (AdwMessageDialog          *dialog,
                   const char                *response,
                   FacturesPreferencesWindow *self)
{
  if (g_strcmp0 (response, "close") == 0)
    {
      self->closing = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

/* Settings apply on change; what is still invalid is not saved: ask. */
static gboolean
close_request_cb (FacturesPreferencesWindow *self)
{
  gboolean profile_ok;
  gboolean series_ok;
  gboolean escompte_ok;
  gboolean ladder_ok;
  gboolean mail_ok;
  AdwMessageDialog *dialog;

  if (self->closing)
    return FALSE;
  profile_ok = factures_profile_editor_flush (FACTURES_PROFILE_EDITOR (self->profile_editor));
  series_ok = factures_series_page_flush (FACTURES_SERIES_PAGE (self->series_page));
  escompte_ok = factures_escompte_page_flush (FACTURES_ESCOMPTE_PAGE (self->escompte_page));
  ladder_ok = factures_ladder_page_flush (FACTURES_LADDER_PAGE (self->ladder_page));
  mail_ok = factures_mail_page_flush (FACTURES_MAIL_PAGE (self->mail_page));
  if (profile_ok && series_ok && escompte_ok && ladder_ok && mail_ok)
    return FALSE;

  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self),
                                           !profile_ok ? self->profile_page
                                           : !series_ok ? ADW_PREFERENCES_PAGE (self->series_page)
                                           : !escompte_ok ? ADW_PREFERENCES_PAGE (self->escompte_page)
                                           : !ladder_ok ? ADW_PREFERENCES_PAGE (self->ladder_page)
                                                        : ADW_PREFERENCES_PAGE (self->mail_page));
  dialog = ADW_MESSAGE_DIALOG (factures_confirm_dialog_new (GTK_WINDOW (self),
                                                            _("Some Values Are Not Saved"),
                                                            _("Some fields hold values that are not saved: the ones "
                                                              "marked in red cannot be, and an e-mail account is saved "
                                                              "with its Save button. The previous values are kept. "
                                                              "Correct or save them, or close and leave them as they were."),
                                                            "close", _("_Close Without Them"),
                                                            ADW_RESPONSE_DESTRUCTIVE));
  adw_message_dialog_set_response_label (dialog, "cancel", _("_Keep Editing"));
  g_signal_connect (dialog, "response", G_CALLBACK (close_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

GtkWidget *
factures_preferences_window_get_profile_editor (FacturesPreferencesWindow *self)
{
  g_return_val_if_fail (FACTURES_IS_PREFERENCES_WINDOW (self), NULL);
  return self->profile_editor;
}

static void
factures_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), FACTURES_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (factures_preferences_window_parent_class)->dispose (object);
}

static void
factures_preferences_window_class_init (FacturesPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = factures_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/preferences/factures-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesPreferencesWindow, profile_page);
  gtk_widget_class_bind_template_child (widget_class, FacturesPreferencesWindow, profile_group);
  gtk_widget_class_bind_template_callback (widget_class, close_request_cb);
}

static void
factures_preferences_window_init (FacturesPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Search is off, but its unnamed entry stays in the widget tree: keep it out of AT-SPI. */
  factures_accessible_fix_descendants (GTK_WIDGET (self), GTK_TYPE_SEARCH_ENTRY,
                                       GTK_ACCESSIBLE_ROLE_SEARCH_BOX, NULL);
}

GtkWidget *
factures_preferences_window_new (GtkWindow     *parent,
                                 FacturesStore *store)
{
  FacturesPreferencesWindow *self;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  self = g_object_new (FACTURES_TYPE_PREFERENCES_WINDOW, NULL);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
    }

  self->profile_editor = factures_profile_editor_new (store);
  factures_profile_editor_set_apply_on_change (FACTURES_PROFILE_EDITOR (self->profile_editor), TRUE);
  adw_preferences_group_add (self->profile_group, self->profile_editor);
  /* Issue 3: number series and the building-trade option of quotes. */
  self->series_page = factures_series_page_new (store);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (self->series_page));
  self->escompte_page = factures_escompte_page_new (store);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (self->escompte_page));
  self->ladder_page = factures_ladder_page_new (store);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (self->ladder_page));
  /* Issue 5: the e-mail account, its test, the templates. */
  self->mail_page = factures_mail_page_new (store);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (self->mail_page));
  /* Issue 14: the plateforme agréée account. */
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (factures_pa_page_new (store)));
  /* urssaf-ui (issue 17): the periodicity and the alerts of the Year view (saved on change,
   * never left invalid: nothing to flush at close). */
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (factures_urssaf_page_new (store)));

  return GTK_WIDGET (self);
}
