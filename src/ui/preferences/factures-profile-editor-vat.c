/* factures-profile-editor-vat.c — the profile's VAT: where the business is established, the
 * usual activity of a line, the activities exempt from VAT (issue 13 item 2)
 *
 * The choices come from the core (factures-vat.h): its labels, its enumerations. The list of
 * exempt activities is data: one FacturesProfileEditorExemptRow per activity of the profile.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-checks.h"
#include "factures-country-row.h"
#include "factures-form.h"
#include "factures-form-row.h"
#include "factures-profile-editor-exempt-row.h"
#include "factures-profile-editor-private.h"

/* Positions of the "usual activity" row: first "from the activity above", then the four. */
#define LINE_ACTIVITY_POS_DEFAULT 0

static void
fill_combo (GtkWidget   *row,
            const char **labels)
{
  g_autoptr (GtkStringList) list = gtk_string_list_new (labels);

  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
}

static void
remove_requested_cb (GtkWidget             *row,
                     FacturesProfileEditor *self)
{
  guint index;

  if (!g_ptr_array_find (self->exempt_rows, row, &index))
    return;
  g_ptr_array_remove_index (self->exempt_activities, index);
  _factures_profile_editor_show_exempt_activities (self);
  _factures_profile_editor_vat_changed (self);
}

/**
 * _factures_profile_editor_show_exempt_activities:
 *
 * One row per exempt activity (its words, its legal basis, a remove button), before the rows
 * that add one.
 */
void
_factures_profile_editor_show_exempt_activities (FacturesProfileEditor *self)
{
  for (guint i = 0; i < self->exempt_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->exempt_group),
                                  g_ptr_array_index (self->exempt_rows, i));
  g_ptr_array_set_size (self->exempt_rows, 0);

  for (guint i = 0; i < self->exempt_activities->len; i++)
    {
      const FacturesExemptActivity *activity = g_ptr_array_index (self->exempt_activities, i);
      GtkWidget *row = factures_profile_editor_exempt_row_new (activity);
      GtkWidget *parent;

      g_signal_connect_object (row, "remove-requested", G_CALLBACK (remove_requested_cb), self, 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->exempt_group), row);
      /* Before the rows that add one (the group's list keeps the order of addition). */
      parent = gtk_widget_get_parent (row);
      if (GTK_IS_LIST_BOX (parent))
        {
          GtkWidget *previous = i == 0 ? NULL : g_ptr_array_index (self->exempt_rows, i - 1);

          g_object_ref (row);
          gtk_list_box_remove (GTK_LIST_BOX (parent), row);
          gtk_list_box_insert (GTK_LIST_BOX (parent), row,
                               previous == NULL ? 0 : gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (previous)) + 1);
          g_object_unref (row);
        }
      g_ptr_array_add (self->exempt_rows, row);
    }
}

static char *
check_exempt_label (const char *text,
                    gpointer    user_data)
{
  /* Empty is fine while nothing is being added (add_exempt_activity() says otherwise). */
  return factures_check_text (text, _("New exempt activity"), 100, FALSE);
}

/* "Add Exempt Activity": the words typed and the basis chosen join the list. */
static void
add_exempt_activity (FacturesProfileEditor *self)
{
  FacturesFormRow *form_row = factures_form_row_find (self->exempt_label_row);
  g_autofree char *text = factures_editable_get_trimmed (self->exempt_label_row);
  FacturesVatExemption basis = adw_combo_row_get_selected (ADW_COMBO_ROW (self->exempt_basis_row)) + 1;

  if (!factures_form_row_validate (form_row))
    return;
  if (*text == '\0')
    {
      factures_form_row_set_message (form_row,
                                     _("New exempt activity: name it first, e.g. “Private lessons” or “Training”."));
      gtk_widget_grab_focus (self->exempt_label_row);
      return;
    }
  g_ptr_array_add (self->exempt_activities, factures_exempt_activity_new (text, basis));
  gtk_editable_set_text (GTK_EDITABLE (self->exempt_label_row), "");
  factures_form_row_set_message (form_row, NULL);
  _factures_profile_editor_show_exempt_activities (self);
  _factures_profile_editor_vat_changed (self);
}

static void
add_exempt_activity_activated (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  add_exempt_activity (FACTURES_PROFILE_EDITOR (widget));
}

void
_factures_profile_editor_class_init_vat (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "profile.add-exempt-activity", NULL,
                                   add_exempt_activity_activated);
}

/**
 * _factures_profile_editor_setup_vat:
 *
 * Fills the VAT choices from the core's labels; called once the template is built.
 */
void
_factures_profile_editor_setup_vat (FacturesProfileEditor *self)
{
  const char *territories[FACTURES_VAT_TERRITORY_LAST + 2] = { NULL, };
  const char *activities[FACTURES_LINE_ACTIVITY_LAST + 2] = { NULL, };
  const char *bases[FACTURES_VAT_EXEMPTION_LAST + 1] = { NULL, };
  GtkWidget *form_row;

  for (guint i = 0; i <= FACTURES_VAT_TERRITORY_LAST; i++)
    territories[i] = factures_vat_territory_label (i);
  fill_combo (self->territory_row, territories);

  activities[LINE_ACTIVITY_POS_DEFAULT] = _("As the activity above says");
  for (guint i = FACTURES_LINE_ACTIVITY_GOODS; i <= FACTURES_LINE_ACTIVITY_LAST; i++)
    activities[i] = factures_line_activity_label (i);
  fill_combo (self->line_activity_row, activities);

  for (guint i = FACTURES_VAT_EXEMPTION_261_4_4_A; i <= FACTURES_VAT_EXEMPTION_LAST; i++)
    bases[i - 1] = factures_vat_exemption_label (i);
  fill_combo (self->exempt_basis_row, bases);

  factures_entry_row_name_once (self->exempt_label_row);
  form_row = factures_form_row_find (self->exempt_label_row) != NULL
             ? GTK_WIDGET (factures_form_row_find (self->exempt_label_row)) : NULL;
  if (form_row != NULL)
    factures_form_row_set_check (FACTURES_FORM_ROW (form_row), check_exempt_label, self, NULL);
}

/* Where a country puts the business: an overseas department sets its territory; France keeps
 * metropolitan France or Corsica as chosen. */
void
_factures_profile_editor_territory_from_country (FacturesProfileEditor *self)
{
  const char *code = factures_country_row_get_country_code (FACTURES_COUNTRY_ROW (self->country_row));
  guint territory = adw_combo_row_get_selected (ADW_COMBO_ROW (self->territory_row));
  guint wanted = territory;

  if (g_strcmp0 (code, "GP") == 0 || g_strcmp0 (code, "MQ") == 0 || g_strcmp0 (code, "RE") == 0)
    wanted = FACTURES_VAT_TERRITORY_DOM;
  else if (g_strcmp0 (code, "GF") == 0 || g_strcmp0 (code, "YT") == 0)
    wanted = FACTURES_VAT_TERRITORY_GUYANE_MAYOTTE;
  else if (g_strcmp0 (code, "FR") == 0 &&
           (territory == FACTURES_VAT_TERRITORY_DOM || territory == FACTURES_VAT_TERRITORY_GUYANE_MAYOTTE))
    wanted = FACTURES_VAT_TERRITORY_METROPOLE;
  if (wanted != territory)
    adw_combo_row_set_selected (ADW_COMBO_ROW (self->territory_row), wanted);
}

/* The other way: metropolitan France or Corsica for a business in an overseas department's
 * country moves it to France. */
void
_factures_profile_editor_country_from_territory (FacturesProfileEditor *self)
{
  const char *code = factures_country_row_get_country_code (FACTURES_COUNTRY_ROW (self->country_row));
  guint territory = adw_combo_row_get_selected (ADW_COMBO_ROW (self->territory_row));

  if ((territory == FACTURES_VAT_TERRITORY_METROPOLE || territory == FACTURES_VAT_TERRITORY_CORSE) &&
      g_strcmp0 (code, "FR") != 0 && _factures_profile_editor_country_allowed (code))
    factures_country_row_set_country_code (FACTURES_COUNTRY_ROW (self->country_row), "FR");
}

void
_factures_profile_editor_load_vat (FacturesProfileEditor *self,
                                   const FacturesProfile *profile)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->territory_row), profile->territory);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->line_activity_row), profile->line_activity);
  g_ptr_array_set_size (self->exempt_activities, 0);
  for (guint i = 0; profile->exempt_activities != NULL && i < profile->exempt_activities->len; i++)
    g_ptr_array_add (self->exempt_activities,
                     factures_exempt_activity_copy (g_ptr_array_index (profile->exempt_activities, i)));
  _factures_profile_editor_show_exempt_activities (self);
}

void
_factures_profile_editor_build_vat (FacturesProfileEditor *self,
                                    FacturesProfile       *profile)
{
  profile->territory = adw_combo_row_get_selected (ADW_COMBO_ROW (self->territory_row));
  profile->line_activity = adw_combo_row_get_selected (ADW_COMBO_ROW (self->line_activity_row));
  g_ptr_array_set_size (profile->exempt_activities, 0);
  for (guint i = 0; i < self->exempt_activities->len; i++)
    g_ptr_array_add (profile->exempt_activities,
                     factures_exempt_activity_copy (g_ptr_array_index (self->exempt_activities, i)));
}
