/* factures-escompte-page.c — the escompte terms in the preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-escompte-page.h"
#include "factures-form.h"

typedef struct {
  FacturesStore *store;
  GtkWidget     *rate_row;
  GtkWidget     *days_row;
  GtkWidget     *status;
} Page;

static void
page_free (Page *page)
{
  g_clear_object (&page->store);
  g_free (page);
}

static void
set_status (Page       *page,
            const char *message,
            gboolean    error)
{
  gtk_label_set_text (GTK_LABEL (page->status), message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (page->status), GTK_ACCESSIBLE_PROPERTY_LABEL, message, -1);
  if (error)
    gtk_widget_add_css_class (page->status, "error");
  else
    gtk_widget_remove_css_class (page->status, "error");
}

static void
save_clicked_cb (Page *page)
{
  g_autoptr (FacturesProfile) profile = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *rate_text = factures_editable_get_trimmed (page->rate_row);
  g_autofree char *days_text = factures_editable_get_trimmed (page->days_row);
  gint rate = 0;
  guint64 days = 0;

  profile = factures_store_get_profile (page->store, &error);
  if (profile == NULL)
    {
      set_status (page, error ? error->message : _("Save your business profile first."), TRUE);
      return;
    }
  if (*rate_text != '\0' && !factures_rate_parse (rate_text, _("Escompte rate"), &rate, &error))
    {
      set_status (page, error->message, TRUE);
      return;
    }
  if (rate > 0 && !g_ascii_string_to_unsigned (days_text, 10, 1, 365, &days, NULL))
    {
      set_status (page, _("Escompte period: enter a number of days from 1 to 365."), TRUE);
      return;
    }
  profile->escompte_rate_bp = rate;
  profile->escompte_days = rate > 0 ? (guint) days : 0;
  if (!factures_store_save_profile (page->store, profile, &error))
    {
      set_status (page, error->message, TRUE);
      return;
    }
  if (rate > 0)
    {
      g_autofree char *rate_shown = factures_rate_format (rate);
      /* Translators: confirmation; the second part is what invoices will print */
      g_autofree char *message = g_strdup_printf (_("Saved. Invoices will print: “Escompte pour paiement "
                                                    "anticipé : %s si paiement sous %u jours”."),
                                                  rate_shown, (guint) days);
      set_status (page, message, FALSE);
    }
  else
    set_status (page, _("Saved. Invoices will print: “Pas d’escompte pour paiement anticipé”."), FALSE);
}

GtkWidget *
factures_escompte_page_new (FacturesStore *store)
{
  g_autoptr (FacturesProfile) profile = NULL;
  GtkWidget *widget, *group, *button;
  Page *page;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  page = g_new0 (Page, 1);
  page->store = g_object_ref (store);

  widget = adw_preferences_page_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (widget), _("Discounts"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (widget), "accessories-calculator-symbolic");
  g_object_set_data_full (G_OBJECT (widget), "factures-escompte-page", page, (GDestroyNotify) page_free);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Discount for Early Payment (Escompte)"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The law requires invoices to state the escompte conditions. "
                                           "Leave the rate empty to print “Pas d’escompte pour paiement anticipé”. "
                                           "Discounts on a line or on an invoice’s total are entered in the invoice."));
  page->rate_row = factures_entry_row_new (_("Escompte rate (%)"));
  page->days_row = factures_entry_row_new (_("If paid within (days)"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), page->rate_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), page->days_row);

  page->status = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (page->status), TRUE);
  gtk_label_set_xalign (GTK_LABEL (page->status), 0.0);
  gtk_widget_set_margin_top (page->status, 12);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), page->status);

  button = gtk_button_new_with_label (_("Save"));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (button, 12);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (save_clicked_cb), page);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), button);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (widget), ADW_PREFERENCES_GROUP (group));

  profile = factures_store_get_profile (store, NULL);
  if (profile != NULL && profile->escompte_rate_bp > 0)
    {
      g_autofree char *rate = factures_rate_format (profile->escompte_rate_bp);
      g_autofree char *days = g_strdup_printf ("%u", profile->escompte_days);
      char *percent = g_strrstr (rate, "\xc2\xa0%");

      /* The editable form: "2,5" without " %". */
      if (percent != NULL)
        *percent = '\0';
      gtk_editable_set_text (GTK_EDITABLE (page->rate_row), rate);
      gtk_editable_set_text (GTK_EDITABLE (page->days_row), days);
    }
  return widget;
}
