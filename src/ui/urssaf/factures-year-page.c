/* factures-year-page.c — the « Année » view: the micro-entrepreneur's year (issue 17)
 *
 * The name: the view holds more than the declarations (the ceilings and thresholds of the year,
 * its charts), and « Année » stays whole in the narrow window's bottom bar of five views.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "factures-urssaf-private.h"
#include "factures-box-row.h"
#include "factures-date.h"
#include "factures-date-dialog.h"
#include "factures-error.h"
#include "factures-form.h"
#include "factures-info-row.h"
#include "factures-message-dialog.h"
#include "factures-money.h"
#include "factures-store-urssaf-year.h"
#include "factures-threshold-row.h"
#include "factures-year-chart.h"
#include "factures-year-page.h"
#include "factures-urssaf-resources.h"

struct _FacturesYearPage
{
  AdwBin          parent_instance;

  FacturesStore  *store;
  GArray         *periods;        /* FacturesUrssafPeriod, as in the period chooser */
  GPtrArray      *figure_rows;    /* the rows added to figures_row */
  GDate           vat_crossed;    /* shown in the crossing group; invalid when none */
  gboolean        dirty;
  gboolean        filling;

  /* template */
  GtkWidget      *period_drop;
  GtkWidget      *boxes;
  GtkWidget      *declared_label;
  GtkWidget      *declare_button;
  GtkWidget      *estimate_group;
  GtkWidget      *charges;
  GtkWidget      *threshold_group;
  char           *threshold_description;   /* the template's, for a profile in franchise */
  GtkWidget      *alert_label;
  GtkWidget      *gauges;
  GtkWidget      *crossing_group;
  GtkWidget      *crossing_label;
  GtkWidget      *issued_since;
  GtkWidget      *switch_button;
  GtkWidget      *monthly_chart;
  GtkWidget      *cumulative_chart;
  GtkWidget      *figures_row;
};

G_DEFINE_FINAL_TYPE (FacturesYearPage, factures_year_page, ADW_TYPE_BIN)

void
factures_urssaf_register_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      g_resources_register (factures_urssaf_get_resource ());
      g_once_init_leave (&registered, 1);
    }
}

static void
clear_list (GtkWidget *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (list), child);
}

static GtkWindow *
parent_window (FacturesYearPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (FacturesYearPage *self,
            const char       *heading,
            const GError     *error)
{
  factures_message_dialog_show (parent_window (self), heading, error->message);
}

static const FacturesUrssafPeriod *
selected_period (FacturesYearPage *self)
{
  guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->period_drop));

  if (self->periods == NULL || i >= self->periods->len)
    return NULL;
  return &g_array_index (self->periods, FacturesUrssafPeriod, i);
}

/* The periods offered: the current one (in progress) and the seven quarters or thirteen months
 * before it, latest first; the last one ended is chosen. */
static void
fill_periods (FacturesYearPage             *self,
              const FacturesUrssafSettings *settings)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *kept = NULL;
  const FacturesUrssafPeriod *before = selected_period (self);
  guint n = settings->quarterly ? 8 : 14, choose = 1;
  GDate today;
  gint year, index;

  if (before != NULL && (before->quarter != 0) == settings->quarterly)
    kept = factures_urssaf_period_key (before);
  factures_today (&today);
  year = g_date_get_year (&today);
  index = settings->quarterly ? (g_date_get_month (&today) - 1) / 3 : g_date_get_month (&today) - 1;
  g_array_set_size (self->periods, 0);
  for (guint i = 0; i < n; i++, index--)
    {
      g_autofree char *key = NULL, *label = NULL;
      FacturesUrssafPeriod period;

      if (index < 0)
        {
          year--;
          index = settings->quarterly ? 3 : 11;
        }
      key = settings->quarterly ? g_strdup_printf ("%d-Q%d", year, index + 1)
                                : g_strdup_printf ("%d-%02d", year, index + 1);
      if (!factures_urssaf_period_parse (key, NULL, &period, NULL))
        continue;
      g_array_append_val (self->periods, period);
      label = factures_urssaf_period_label (&period);
      if (i == 0)
        {
          /* Translators: the period in progress in the period chooser: "2e trimestre 2026 (en cours)" */
          g_autofree char *current = g_strdup_printf (_("%s (in progress)"), label);

          gtk_string_list_append (labels, current);
        }
      else
        gtk_string_list_append (labels, label);
      if (kept != NULL && g_str_equal (kept, key))
        choose = self->periods->len - 1;
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->period_drop), G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->period_drop), MIN (choose, self->periods->len - 1));
  self->filling = FALSE;
}

/* ---- the declaration ---- */

/* A rate in parts per million as French text: "25,6 %", "0,015 %" (as --urssaf prints it). */
static char *
format_ppm (gint ppm)
{
  GString *s = g_string_new (NULL);
  gint frac = ppm % 10000;

  g_string_append_printf (s, "%d", ppm / 10000);
  if (frac != 0)
    {
      char digits[8];

      g_snprintf (digits, sizeof digits, "%04d", frac);
      for (int i = 3; i > 0 && digits[i] == '0'; i--)
        digits[i] = '\0';
      g_string_append_printf (s, ",%s", digits);
    }
  g_string_append (s, "\u00a0%");
  return g_string_free (s, FALSE);
}

static void
refresh_declaration (FacturesYearPage             *self,
                     const FacturesUrssafSettings *settings,
                     const FacturesProfile        *profile)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesUrssafDeclaration) d = NULL;
  g_autoptr(FacturesLine) blank = factures_line_new ();
  const FacturesUrssafPeriod *period = selected_period (self);
  FacturesUrssafBox main_box = factures_urssaf_box_of_activity (factures_vat_line_activity (blank, profile));
  g_autofree char *title = NULL, *label = NULL;
  GDate today, declared;

  clear_list (self->boxes);
  clear_list (self->charges);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->estimate_group), NULL);
  if (period == NULL)
    return;

  factures_today (&today);
  d = factures_store_urssaf_declaration (self->store, period, settings, &error);
  if (d == NULL)
    {
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->estimate_group), error->message);
      gtk_label_set_text (GTK_LABEL (self->declared_label), error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "year.mark-declared", FALSE);
      return;
    }

  for (guint b = 0; b < FACTURES_URSSAF_N_BOXES; b++)
    {
      g_autofree char *name = NULL;

      /* The boxes of the user's activities: the main one (declared even at 0) and those received. */
      if (b != main_box && d->cash[b] == 0)
        continue;
      name = b == FACTURES_URSSAF_BOX_SERVICES_BNC && settings->bnc_cipav
             ? g_strdup_printf ("%s – CIPAV", factures_urssaf_box_label (b))
             : g_strdup (factures_urssaf_box_label (b));
      gtk_list_box_append (GTK_LIST_BOX (self->boxes), factures_box_row_new (name, d->declared[b], d->cash[b]));
    }
  if (d->debours != 0 || d->vat != 0)
    {
      g_autofree char *debours = factures_money_format (d->debours);
      g_autofree char *vat = factures_money_format (d->vat);
      /* Translators: under the boxes: "Left out: 120,00 € of débours, 0,00 € of VAT" */
      g_autofree char *text = g_strdup_printf (_("Left out: %s of débours, %s of VAT"), debours, vat);

      gtk_list_box_append (GTK_LIST_BOX (self->boxes), factures_info_row_new (text, NULL, NULL));
    }

  g_date_clear (&declared, 1);
  if (factures_store_get_declared (self->store, period, &declared, NULL))
    {
      g_autofree char *on = factures_date_format_long (&declared);

      label = g_strdup_printf (_("Declared on %s."), on);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "year.mark-declared", FALSE);
      gtk_widget_set_visible (self->declare_button, FALSE);
    }
  else
    {
      label = g_date_compare (&period->last, &today) >= 0
              ? g_strdup (_("Not declared yet. The period is not over: the figures are those received so far."))
              : g_strdup (_("Not declared yet."));
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "year.mark-declared", TRUE);
      gtk_widget_set_visible (self->declare_button, TRUE);
    }
  gtk_label_set_text (GTK_LABEL (self->declared_label), label);

  for (guint i = 0; i < d->charges->len; i++)
    {
      const FacturesUrssafCharge *c = &g_array_index (d->charges, FacturesUrssafCharge, i);
      g_autofree char *rate = NULL, *amount = factures_money_format (c->amount), *row_title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      rate = format_ppm (c->rate->rate_ppm);
      row_title = g_strdup_printf ("%s – %s", factures_urssaf_rate_kind_label (c->kind), factures_urssaf_box_label (c->box));
      subtitle = c->kind == FACTURES_URSSAF_RATE_ACRE
                 /* Translators: the ACRE reduction: "50 % des cotisations" */
                 ? g_strdup_printf (_("%s of the contributions%s"), rate, c->rate->to_confirm ? " (à confirmer)" : "")
                 : g_strdup_printf ("%s%s", rate, c->rate->to_confirm ? " (à confirmer)" : "");
      row = factures_info_row_new (row_title, subtitle, NULL);
      factures_info_row_set_value (FACTURES_INFO_ROW (row), amount, FALSE);
      gtk_list_box_append (GTK_LIST_BOX (self->charges), row);
    }
  {
    g_autofree char *total = factures_money_format (d->total);
    GtkWidget *row;

    title = g_strdup_printf (_("Total for %u rates"), period->year);
    row = factures_info_row_new (_("Total"), title, NULL);
    factures_info_row_set_value (FACTURES_INFO_ROW (row), total, FALSE);
    gtk_list_box_append (GTK_LIST_BOX (self->charges), row);
  }
  if (d->to_confirm)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->estimate_group),
                                           _("(à confirmer) Some rates are not confirmed by the references: "
                                             "check them on the URSSAF site."));
}

/* ---- the year: gauges, crossing, charts ---- */

static void
refresh_year (FacturesYearPage             *self,
              const FacturesUrssafSettings *settings,
              const FacturesProfile        *profile)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesUrssafYear) year = NULL;
  g_autoptr(GString) alert = g_string_new (NULL);
  gboolean crossed_any = FALSE;
  gboolean charges_vat;
  GDate today;

  clear_list (self->gauges);
  clear_list (self->issued_since);
  for (guint i = 0; i < self->figure_rows->len; i++)
    adw_expander_row_remove (ADW_EXPANDER_ROW (self->figures_row), g_ptr_array_index (self->figure_rows, i));
  g_ptr_array_set_size (self->figure_rows, 0);
  gtk_widget_set_visible (self->crossing_group, FALSE);
  g_date_clear (&self->vat_crossed, 1);

  factures_today (&today);
  year = factures_store_urssaf_year (self->store, g_date_get_year (&today), &today, settings, &error);
  if (year == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->alert_label), error->message);
      gtk_widget_set_visible (self->alert_label, TRUE);
      factures_year_chart_set_year (FACTURES_YEAR_CHART (self->monthly_chart), NULL);
      factures_year_chart_set_year (FACTURES_YEAR_CHART (self->cumulative_chart), NULL);
      return;
    }

  /* Finding T19: a profile that charges VAT has left the franchise: its thresholds no longer
   * apply, only the micro ceilings are shown (gauges, alerts and charts). */
  charges_vat = profile != NULL && profile->vat_regime != FACTURES_VAT_REGIME_FRANCHISE;
  for (guint i = year->thresholds->len; charges_vat && i > 0; i--)
    {
      FacturesThresholdKind kind = g_array_index (year->thresholds, FacturesYearThreshold, i - 1).kind;

      if (kind != FACTURES_THRESHOLD_MICRO_SALES && kind != FACTURES_THRESHOLD_MICRO_SERVICES)
        g_array_remove_index (year->thresholds, i - 1);
    }
  {
    g_autofree char *title = charges_vat ? g_strdup_printf (_("Ceilings of %u"), year->year)
                                         : g_strdup_printf (_("Ceilings and VAT Thresholds of %u"), year->year);

    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->threshold_group), title);
    if (self->threshold_description == NULL)
      self->threshold_description =
        g_strdup (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (self->threshold_group)));
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->threshold_group),
                                           charges_vat ? _("You charge VAT: the thresholds of the VAT franchise "
                                                           "no longer apply. The micro ceilings count the whole "
                                                           "turnover.")
                                                       : self->threshold_description);
  }
  for (guint i = 0; i < year->thresholds->len; i++)
    {
      const FacturesYearThreshold *t = &g_array_index (year->thresholds, FacturesYearThreshold, i);


      gtk_list_box_append (GTK_LIST_BOX (self->gauges),
                           factures_threshold_row_new (t, settings->alert_low_percent, settings->alert_high_percent));
      if (t->alert == 0)
        continue;
      if (alert->len > 0)
        g_string_append_c (alert, '\n');
      if (t->alert >= 100)
        {
          crossed_any = TRUE;
          g_autofree char *on = factures_date_format_long (&t->crossing.date);

          /* Translators: "Seuil de franchise de TVA majoré (services) franchi le 3 octobre 2026." */
          g_string_append_printf (alert, _("%s crossed on %s."), factures_threshold_label (t->kind), on);
        }
      else
        /* Translators: "Plafond micro (services) : 80 % atteints." */
        g_string_append_printf (alert, _("%s: %u %% reached."), factures_threshold_label (t->kind), t->alert);
    }
  gtk_label_set_text (GTK_LABEL (self->alert_label), alert->str);
  if (crossed_any)
    {
      gtk_widget_remove_css_class (self->alert_label, "warning");
      gtk_widget_add_css_class (self->alert_label, "error");
    }
  else
    {
      gtk_widget_remove_css_class (self->alert_label, "error");
      gtk_widget_add_css_class (self->alert_label, "warning");
    }
  gtk_widget_set_visible (self->alert_label, alert->len > 0);

  /* Crossed while in franchise: what changes, what to correct, the switch offered. */
  if (profile != NULL && profile->vat_regime == FACTURES_VAT_REGIME_FRANCHISE
      && (g_date_valid (&year->vat_crossed) || year->base_crossed))
    {
      gtk_widget_set_visible (self->crossing_group, TRUE);
      if (g_date_valid (&year->vat_crossed))
        {
          g_autoptr(GPtrArray) issued = NULL;
          g_autofree char *on = factures_date_format_long (&year->vat_crossed);
          g_autofree char *text = NULL;

          self->vat_crossed = year->vat_crossed;
          text = g_strdup_printf (_("The VAT franchise ended on %s (art. 293 B II of the CGI): VAT is due on "
                                    "what you invoice from that day. Correct the invoices issued since then "
                                    "without VAT with credit notes and invoice again with VAT, then charge VAT "
                                    "from that day. Factures never switches by itself and never changes an "
                                    "issued document."), on);
          gtk_label_set_text (GTK_LABEL (self->crossing_label), text);
          issued = factures_store_list_issued_since (self->store, &year->vat_crossed, &error);
          if (issued == NULL)
            gtk_list_box_append (GTK_LIST_BOX (self->issued_since), factures_info_row_new (error->message, NULL, NULL));
          else
            for (guint i = 0; i < issued->len; i++)
              {
                const FacturesIssuedSince *doc = g_ptr_array_index (issued, i);
                g_autofree char *date = factures_date_format_fr (&doc->issue_date);
                g_autofree char *total = factures_money_format (doc->total);
                g_autofree char *subtitle = g_strdup_printf ("%s · %s", doc->client != NULL ? doc->client : "", date);
                GtkWidget *row = factures_info_row_new (doc->number, subtitle, NULL);

                factures_info_row_set_value (FACTURES_INFO_ROW (row), total, FALSE);
                gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
                gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-document");
                gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_int64 (doc->id));
                gtk_list_box_append (GTK_LIST_BOX (self->issued_since), row);
              }
          gtk_widget_set_visible (self->issued_since, issued == NULL || issued->len > 0);
          gtk_widget_set_visible (self->switch_button, TRUE);
        }
      else
        {
          gtk_label_set_text (GTK_LABEL (self->crossing_label),
                              _("Over the base threshold this year: the VAT franchise ends on 1 January next "
                                "year (art. 293 B of the CGI; no tolerance year since 2025)."));
          gtk_widget_set_visible (self->issued_since, FALSE);
          gtk_widget_set_visible (self->switch_button, FALSE);
        }
    }

  factures_year_chart_set_year (FACTURES_YEAR_CHART (self->monthly_chart), year);
  factures_year_chart_set_year (FACTURES_YEAR_CHART (self->cumulative_chart), year);
  for (guint m = 0; m < 12; m++)
    {
      GDate first;
      g_autofree char *month = NULL, *amount = factures_money_format (year->months[m]);
      g_autofree char *before = factures_money_format (year->previous[m]);
      g_autofree char *cumul = factures_money_format (year->cumulative[m]);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      g_date_clear (&first, 1);
      g_date_set_dmy (&first, 1, m + 1, year->year);
      if (g_date_compare (&first, &year->today) > 0)
        break;
      month = factures_date_format_long (&first);
      /* "1er janvier 2026" → "janvier 2026" */
      {
        const char *space = strchr (month, ' ');
        char *copy = g_strdup (space != NULL ? space + 1 : month);

        g_free (month);
        month = copy;
      }
      /* Translators: a month in "See the Figures": "2025: 980,00 € · year to date: 3 000,00 €" */
      subtitle = g_strdup_printf (_("%u: %s · year to date: %s"), year->year - 1, before, cumul);
      row = factures_info_row_new (month, subtitle, NULL);
      factures_info_row_set_value (FACTURES_INFO_ROW (row), amount, FALSE);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self->figures_row), row);
      g_ptr_array_add (self->figure_rows, row);
    }
}

static void
refresh (FacturesYearPage *self)
{
  g_autoptr(FacturesProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  FacturesUrssafSettings settings;

  self->dirty = FALSE;
  if (!factures_store_get_urssaf_settings (self->store, &settings, &error))
    {
      g_warning ("%s", error->message);
      factures_urssaf_settings_init (&settings);
    }
  profile = factures_store_get_profile (self->store, NULL);
  fill_periods (self, &settings);
  refresh_declaration (self, &settings, profile);
  refresh_year (self, &settings, profile);
  factures_urssaf_settings_clear (&settings);
}

static void
period_changed_cb (FacturesYearPage *self)
{
  g_autoptr(FacturesProfile) profile = NULL;
  FacturesUrssafSettings settings;

  if (self->filling || self->store == NULL)
    return;
  if (!factures_store_get_urssaf_settings (self->store, &settings, NULL))
    factures_urssaf_settings_init (&settings);
  profile = factures_store_get_profile (self->store, NULL);
  refresh_declaration (self, &settings, profile);
  factures_urssaf_settings_clear (&settings);
}

static void
store_changed_cb (FacturesYearPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    self->dirty = TRUE;
}

/* ---- actions ---- */

static void
declared_response_cb (FacturesDateDialog *dialog,
                      const char         *response,
                      FacturesYearPage   *self)
{
  g_autoptr(GError) error = NULL;
  const FacturesUrssafPeriod *period = selected_period (self);
  GDate date;

  if (!g_str_equal (response, "confirm") || period == NULL)
    return;
  if (!factures_date_dialog_get_date (dialog, &date, &error)
      || !factures_store_mark_declared (self->store, period, &date, &error))
    {
      show_error (self, _("Not Marked as Declared"), error);
      return;
    }
  refresh (self);
}

static void
mark_declared_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  FacturesYearPage *self = FACTURES_YEAR_PAGE (widget);
  const FacturesUrssafPeriod *period = selected_period (self);
  g_autofree char *label = NULL, *heading = NULL;
  GtkWidget *dialog;
  GDate today;

  if (period == NULL)
    return;
  factures_today (&today);
  label = factures_urssaf_period_label (period);
  /* Translators: "Mark 1er trimestre 2026 as Declared?" */
  heading = g_strdup_printf (_("Mark %s as Declared?"), label);
  dialog = factures_date_dialog_new (parent_window (self), heading,
                                     _("Say the day you declared this period on the URSSAF site. "
                                       "A payment dated in a declared period will be recorded with a warning."),
                                     _("Declaration date"), &today, _("_Mark as Declared"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (declared_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
switch_response_cb (FacturesDateDialog *dialog,
                    const char         *response,
                    FacturesYearPage   *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesProfile) profile = NULL;
  g_autofree char *on = NULL, *body = NULL;
  GDate date, today;

  if (!g_str_equal (response, "confirm"))
    return;
  if (!factures_date_dialog_get_date (dialog, &date, &error))
    {
      show_error (self, _("VAT Not Charged"), error);
      return;
    }
  factures_today (&today);
  if (g_date_compare (&date, &today) > 0)
    {
      g_autofree char *text = factures_date_format_fr (&date);

      g_set_error (&error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Charge VAT from: %s is later than today."), text);
      show_error (self, _("VAT Not Charged"), error);
      return;
    }
  profile = factures_store_get_profile (self->store, &error);
  if (profile == NULL)
    {
      show_error (self, _("VAT Not Charged"), error);
      return;
    }
  profile->vat_regime = FACTURES_VAT_REGIME_REGISTERED;
  /* Kept (migration 0025): documents issued before it keep the franchise. */
  profile->vat_from = date;
  if (!factures_store_save_profile (self->store, profile, &error))
    {
      show_error (self, _("VAT Not Charged"), error);
      return;
    }
  on = factures_date_format_long (&date);
  body = g_strdup_printf (_("New documents now charge VAT. Issue credit notes for the invoices issued since "
                            "%s without VAT, then invoice again. Issued documents were not changed."), on);
  factures_message_dialog_show (parent_window (self), _("VAT Charged"), body);
  refresh (self);
}

static void
switch_regime_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  FacturesYearPage *self = FACTURES_YEAR_PAGE (widget);
  GtkWidget *dialog;

  dialog = factures_date_dialog_new (parent_window (self), _("Charge VAT From a Date?"),
                                     _("Your profile will charge VAT on the documents you create from now on: the "
                                       "franchise mention goes, VAT rates apply. Check the date the threshold was "
                                       "crossed: the invoices issued since then are to be corrected with credit "
                                       "notes. Issued documents are never changed. Your VAT number is needed "
                                       "(Preferences)."),
                                     _("VAT due from"), &self->vat_crossed, _("_Charge VAT"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (switch_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- life cycle ---- */

static void
factures_year_page_map (GtkWidget *widget)
{
  FacturesYearPage *self = FACTURES_YEAR_PAGE (widget);

  GTK_WIDGET_CLASS (factures_year_page_parent_class)->map (widget);
  if (self->dirty)
    refresh (self);
}

static void
factures_year_page_dispose (GObject *object)
{
  FacturesYearPage *self = FACTURES_YEAR_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_YEAR_PAGE);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (factures_year_page_parent_class)->dispose (object);
}

static void
factures_year_page_finalize (GObject *object)
{
  FacturesYearPage *self = FACTURES_YEAR_PAGE (object);

  g_clear_pointer (&self->periods, g_array_unref);
  g_clear_pointer (&self->figure_rows, g_ptr_array_unref);
  g_clear_pointer (&self->threshold_description, g_free);
  G_OBJECT_CLASS (factures_year_page_parent_class)->finalize (object);
}

static void
factures_year_page_class_init (FacturesYearPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = factures_year_page_dispose;
  object_class->finalize = factures_year_page_finalize;
  widget_class->map = factures_year_page_map;

  g_type_ensure (FACTURES_TYPE_YEAR_CHART);
  factures_urssaf_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Factures/ui/urssaf/factures-year-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesYearPage, period_drop);
  gtk_widget_class_bind_template_child (widget_class, FacturesYearPage, boxes);
  gtk_widget_class_bind_template_child (widget_class, FacturesYearPage, declared_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesYearPage, declare_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesYearPage, estimate_group);
  gtk_widget_class_bind_template_child (widget_class, FacturesYearPage, charges);
  gtk_widget_class_bind_template_child (widget_class, FacturesYearPage, threshold_group);
  gtk_widget_class_bind_template_child (widget_class, FacturesYearPage, alert_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesYearPage, gauges);
  gtk_widget_class_bind_template_child (widget_class, FacturesYearPage, crossing_group);
  gtk_widget_class_bind_template_child (widget_class, FacturesYearPage, crossing_label);
  gtk_widget_class_bind_template_child (widget_class, FacturesYearPage, issued_since);
  gtk_widget_class_bind_template_child (widget_class, FacturesYearPage, switch_button);
  gtk_widget_class_bind_template_child (widget_class, FacturesYearPage, monthly_chart);
  gtk_widget_class_bind_template_child (widget_class, FacturesYearPage, cumulative_chart);
  gtk_widget_class_bind_template_child (widget_class, FacturesYearPage, figures_row);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);
  gtk_widget_class_install_action (widget_class, "year.mark-declared", NULL, mark_declared_activated);
  gtk_widget_class_install_action (widget_class, "year.switch-regime", NULL, switch_regime_activated);
}

static void
factures_year_page_init (FacturesYearPage *self)
{
  self->periods = g_array_new (FALSE, TRUE, sizeof (FacturesUrssafPeriod));
  self->figure_rows = g_ptr_array_new ();
  g_date_clear (&self->vat_crossed, 1);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* the drop-down's own button carries the name too (a screen reader reads that one) */
  factures_drop_down_set_accessible_label (self->period_drop, _("Period"));
}

GtkWidget *
factures_year_page_new (FacturesStore *store)
{
  FacturesYearPage *self;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  self = g_object_new (FACTURES_TYPE_YEAR_PAGE, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  refresh (self);
  return GTK_WIDGET (self);
}

gboolean
factures_year_page_select_period (FacturesYearPage *self,
                                  const char       *key)
{
  g_return_val_if_fail (FACTURES_IS_YEAR_PAGE (self), FALSE);

  for (guint i = 0; i < self->periods->len; i++)
    {
      g_autofree char *k = factures_urssaf_period_key (&g_array_index (self->periods, FacturesUrssafPeriod, i));

      if (g_str_equal (k, key))
        {
          gtk_drop_down_set_selected (GTK_DROP_DOWN (self->period_drop), i);
          return TRUE;
        }
    }
  return FALSE;
}
