/* factures-series-page.c — Preferences page: number series and quote options (issue 3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-series-page.h"
#include "factures-store-lifecycle.h"

typedef struct {
  FacturesStore *store;
  char          *name;
  AdwEntryRow   *pattern_row;
  AdwEntryRow   *counter_row;
  GtkSwitch     *reset_switch;
  AdwActionRow  *preview_row;
  GtkWidget     *save_button;
} SeriesGroup;

static void
series_group_free (SeriesGroup *group)
{
  g_clear_object (&group->store);
  g_free (group->name);
  g_free (group);
}

static void
label_entry_row (AdwEntryRow *row,
                 const char  *label)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));

  /* The title labels the row otherwise ("X X" over AT-SPI in libadwaita 1.2). */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (delegate != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (delegate), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
toast (GtkWidget  *widget,
       const char *text)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (text));
}

/* Reads the rows; FALSE with a message naming the field. */
static gboolean
read_group (SeriesGroup  *group,
            char        **out_pattern,
            gint64       *out_counter,
            GError      **error)
{
  g_autofree char *counter_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (group->counter_row))));
  char *end = NULL;
  gint64 counter;

  counter = g_ascii_strtoll (counter_text, &end, 10);
  if (*counter_text == '\0' || end == NULL || *end != '\0' || counter < 1)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Next number: a whole number, 1 or more."));
      return FALSE;
    }
  *out_pattern = g_strdup (gtk_editable_get_text (GTK_EDITABLE (group->pattern_row)));
  *out_counter = counter;
  return TRUE;
}

static void
group_changed (SeriesGroup *group)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *preview = NULL;
  gint64 counter = 0;

  if (read_group (group, &pattern, &counter, &error))
    preview = factures_store_preview_series (group->store, group->name, pattern, counter,
                                             gtk_switch_get_active (group->reset_switch), NULL, &error);
  if (preview != NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (group->preview_row), _("Next number"));
      adw_action_row_set_subtitle (group->preview_row, preview);
      gtk_widget_remove_css_class (GTK_WIDGET (group->preview_row), "error");
      gtk_widget_set_sensitive (group->save_button, TRUE);
    }
  else
    {
      /* The refusal, with its reason, where the preview was. */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (group->preview_row), _("Refused"));
      adw_action_row_set_subtitle (group->preview_row, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (group->preview_row), "error");
      gtk_widget_set_sensitive (group->save_button, FALSE);
    }
}

/* Saves; a refusal is shown where the preview was, and the user's input stays as typed. */
static void
save_group (SeriesGroup *group)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pattern = NULL;
  gint64 counter = 0;

  if (read_group (group, &pattern, &counter, &error) &&
      factures_store_set_series (group->store, group->name, pattern, counter,
                                 gtk_switch_get_active (group->reset_switch), &error))
    toast (group->save_button, _("Numbering saved"));
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (group->preview_row), _("Refused"));
      adw_action_row_set_subtitle (group->preview_row, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (group->preview_row), "error");
    }
}

static void
move_counter_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          SeriesGroup      *group)
{
  if (g_strcmp0 (response, "move") == 0)
    save_group (group);
}

/* The counter the series' next number takes now, as stored (0 when unknown). */
static gint64
stored_counter (SeriesGroup *group)
{
  g_autoptr(GPtrArray) list = factures_store_list_series (group->store, NULL);

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const FacturesSeries *series = g_ptr_array_index (list, i);

      if (g_strcmp0 (series->name, group->name) == 0)
        return series->counter_now;
    }
  return 0;
}

/* Moving the counter sets where the series starts: the store allows it only before the
 * first number of the period (issue 10); the window says why first and asks. */
static void
save_clicked_cb (SeriesGroup *group)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *preview = NULL;
  g_autofree char *body = NULL;
  gint64 counter = 0;
  GtkRoot *root;
  GtkWidget *dialog;

  if (!read_group (group, &pattern, &counter, &error) || counter == stored_counter (group))
    {
      save_group (group);
      return;
    }
  preview = factures_store_preview_series (group->store, group->name, pattern, counter,
                                           gtk_switch_get_active (group->reset_switch), NULL, &error);
  if (preview == NULL)
    {
      save_group (group);
      return;
    }

  body = g_strdup_printf (_("The numbers of a series follow each other without gaps and never repeat "
                            "(CGI, annexe II, art. 242 nonies A). Move the counter only to continue the "
                            "numbering of another tool or of a paper invoice book: the next number "
                            "will be %s. Once a number is given in this period, the counter can no "
                            "longer be moved."),
                          preview);
  root = gtk_widget_get_root (group->save_button);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Set Where the Numbering Starts?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "move", _("_Move the Counter"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "move",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (move_counter_response_cb), group);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const char *
series_title (const char *name)
{
  if (g_strcmp0 (name, "invoice") == 0)
    return _("Invoices and Deposit Invoices");
  if (g_strcmp0 (name, "quote") == 0)
    return _("Quotes");
  if (g_strcmp0 (name, "credit-note") == 0)
    return _("Credit Notes");
  return name;
}

static GtkWidget *
series_group_new (FacturesStore        *store,
                  const FacturesSeries *series)
{
  GtkWidget *widget = adw_preferences_group_new ();
  SeriesGroup *group = g_new0 (SeriesGroup, 1);
  /* The counter the next number takes today (1 in a new year after a yearly restart). */
  g_autofree char *counter = g_strdup_printf ("%" G_GINT64_FORMAT, series->counter_now);
  g_autofree char *pattern_label = NULL;
  g_autofree char *counter_label = NULL;
  g_autofree char *reset_label = NULL;
  const char *title = series_title (series->name);
  GtkWidget *reset_row;

  group->store = g_object_ref (store);
  group->name = g_strdup (series->name);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (widget), title);

  /* Accessible names carry the series: "Modèle, Devis". */
  /* Translators: accessible name, "Pattern, Quotes" */
  pattern_label = g_strdup_printf (_("Pattern, %s"), title);
  group->pattern_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (group->pattern_row),
                                 _("Pattern ({YYYY}, {YY}, {MM}, counter {NNNN})"));
  gtk_editable_set_text (GTK_EDITABLE (group->pattern_row), series->pattern);
  label_entry_row (group->pattern_row, pattern_label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (widget), GTK_WIDGET (group->pattern_row));

  /* Translators: accessible name, "Next counter, Quotes" */
  counter_label = g_strdup_printf (_("Next counter, %s"), title);
  group->counter_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (group->counter_row), _("Next counter"));
  gtk_editable_set_text (GTK_EDITABLE (group->counter_row), counter);
  label_entry_row (group->counter_row, counter_label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (widget), GTK_WIDGET (group->counter_row));

  reset_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reset_row), _("Restart at 1 each year"));
  group->reset_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_switch_set_active (group->reset_switch, series->yearly_reset);
  gtk_widget_set_valign (GTK_WIDGET (group->reset_switch), GTK_ALIGN_CENTER);
  /* Translators: accessible name, "Restart each year, Quotes" */
  reset_label = g_strdup_printf (_("Restart each year, %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (group->reset_switch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  reset_label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (reset_row), GTK_WIDGET (group->reset_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (reset_row), GTK_WIDGET (group->reset_switch));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (widget), reset_row);

  group->preview_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (group->preview_row), _("Next number"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (widget), GTK_WIDGET (group->preview_row));

  group->save_button = gtk_button_new_with_label (_("Save"));
  gtk_widget_set_valign (group->save_button, GTK_ALIGN_CENTER);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (widget), group->save_button);

  g_signal_connect_swapped (group->pattern_row, "changed", G_CALLBACK (group_changed), group);
  g_signal_connect_swapped (group->counter_row, "changed", G_CALLBACK (group_changed), group);
  g_signal_connect_swapped (group->reset_switch, "notify::active", G_CALLBACK (group_changed), group);
  g_signal_connect_swapped (group->save_button, "clicked", G_CALLBACK (save_clicked_cb), group);
  g_object_set_data_full (G_OBJECT (widget), "series-group", group, (GDestroyNotify) series_group_free);

  group_changed (group);
  return widget;
}

/* ---- quotes: building trade ---- */

static void
building_trade_cb (GtkSwitch     *sw,
                   GParamSpec    *pspec,
                   FacturesStore *store)
{
  g_autoptr(FacturesProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  gboolean active = gtk_switch_get_active (sw);

  profile = factures_store_get_profile (store, &error);
  if (profile == NULL || profile->building_trade == active)
    return;
  profile->building_trade = active;
  if (factures_store_save_profile (store, profile, &error))
    toast (GTK_WIDGET (sw), active ? _("Quotes will carry the building-trade mention")
                                   : _("Quotes will not carry the building-trade mention"));
  else
    toast (GTK_WIDGET (sw), error->message);
}

GtkWidget *
factures_series_page_new (FacturesStore *store)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(FacturesProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page, *group, *row, *sw;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  page = adw_preferences_page_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Numbering"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "accessories-text-editor-symbolic");

  group = adw_preferences_group_new ();
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Numbers follow each other without gaps and never repeat. "
                                           "At most 35 characters: letters without accents, digits and "
                                           "+ - _ /, no spaces. The counter widens past 9999. It never "
                                           "goes back, and can be moved forward only to set where a "
                                           "series starts, before its first number of the year (or of "
                                           "the series, without a yearly restart)."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  list = factures_store_list_series (store, &error);
  if (list != NULL)
    {
      static const char * const order[] = { "invoice", "quote", "credit-note" };

      for (guint o = 0; o < G_N_ELEMENTS (order); o++)
        for (guint i = 0; i < list->len; i++)
          {
            const FacturesSeries *series = g_ptr_array_index (list, i);

            if (g_strcmp0 (series->name, order[o]) == 0)
              adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                                        ADW_PREFERENCES_GROUP (series_group_new (store, series)));
          }
    }

  /* LEGAL.md §2: building-trade quotes carry "devis reçu avant l'exécution des travaux". */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Quotes"));
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Building trade"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Quotes ask the client to write “devis reçu avant l’exécution des "
                                 "travaux” above the signature."));
  sw = gtk_switch_new ();
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Building trade"), -1);
  profile = factures_store_get_profile (store, NULL);
  gtk_switch_set_active (GTK_SWITCH (sw), profile != NULL && profile->building_trade);
  gtk_widget_set_sensitive (sw, profile != NULL);
  g_signal_connect_object (sw, "notify::active", G_CALLBACK (building_trade_cb), store, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  return page;
}
