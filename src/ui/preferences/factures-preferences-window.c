/* factures-preferences-window.c — Preferences: the business profile after the first run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-form.h"
#include "factures-ladder-page.h"
#include "factures-mail-page.h"
#include "factures-preferences-window.h"
#include "factures-escompte-page.h"
#include "factures-profile-editor.h"
#include "factures-series-page.h"

static void
on_saved (GtkWidget *editor,
          GtkWidget *window)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window),
                                    adw_toast_new (_("Business profile saved")));
}

GtkWidget *
factures_preferences_window_new (GtkWindow     *parent,
                                 FacturesStore *store)
{
  GtkWidget *window;
  GtkWidget *page;
  GtkWidget *group;
  GtkWidget *editor;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  window = adw_preferences_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Preferences"));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 760);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (window), FALSE);
  /* Search is off, but its unnamed entry stays in the widget tree: keep it out of AT-SPI. */
  factures_accessible_fix_descendants (window, GTK_TYPE_SEARCH_ENTRY, GTK_ACCESSIBLE_ROLE_SEARCH_BOX, NULL);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (window), parent);
      gtk_window_set_application (GTK_WINDOW (window), gtk_window_get_application (parent));
    }

  page = adw_preferences_page_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Business Profile"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "user-info-symbolic");
  /* The editor holds its own groups: wrap it in one untitled group, whose
   * non-row children go below its (empty) list. */
  group = adw_preferences_group_new ();
  editor = factures_profile_editor_new (store);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), editor);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  g_signal_connect (editor, "saved", G_CALLBACK (on_saved), window);
  /* Issue 3: number series and the building-trade option of quotes. */
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window),
                              ADW_PREFERENCES_PAGE (factures_series_page_new (store)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window),
                              ADW_PREFERENCES_PAGE (factures_escompte_page_new (store)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window),
                              ADW_PREFERENCES_PAGE (factures_ladder_page_new (store)));
  /* Issue 5: the e-mail account, its test, the templates. */
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window),
                              ADW_PREFERENCES_PAGE (factures_mail_page_new (store)));

  return window;
}
