/* factures-urssaf-page.c — Preferences → URSSAF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-store-changes.h"
#include "factures-store-urssaf.h"
#include "factures-urssaf-page.h"
#include "factures-urssaf-private.h"

struct _FacturesUrssafPage
{
  AdwPreferencesPage  parent_instance;

  FacturesStore      *store;
  gboolean            loading;

  /* template */
  GtkWidget          *quarterly;
  GtkWidget          *vat_return_group;
  GtkWidget          *vat_return_row;
  GtkWidget          *alert_low;
  GtkWidget          *alert_high;
  GtkAdjustment      *low_adjustment;
  GtkAdjustment      *high_adjustment;
  GtkWidget          *message;
  GtkWidget          *deadlines_group;
  GtkAdjustment      *notice_adjustment;
  GSettings          *settings;    /* the application's, NULL when its schema is not installed */
};

G_DEFINE_FINAL_TYPE (FacturesUrssafPage, factures_urssaf_page, ADW_TYPE_PREFERENCES_PAGE)

/* The first alert stays at or below the second (the store refuses the other way round). */
static void
link_ranges (FacturesUrssafPage *self)
{
  gtk_adjustment_set_upper (self->low_adjustment, gtk_adjustment_get_value (self->high_adjustment));
  gtk_adjustment_set_lower (self->high_adjustment, gtk_adjustment_get_value (self->low_adjustment));
}

static void
changed_cb (FacturesUrssafPage *self)
{
  g_autoptr(GError) error = NULL;
  FacturesUrssafSettings settings;

  if (self->loading || self->store == NULL)
    return;
  link_ranges (self);
  if (!factures_store_get_urssaf_settings (self->store, &settings, &error))
    {
      gtk_label_set_text (GTK_LABEL (self->message), error->message);
      gtk_widget_set_visible (self->message, TRUE);
      return;
    }
  settings.quarterly = gtk_switch_get_active (GTK_SWITCH (self->quarterly));
  /* CA12, CA3 monthly, CA3 quarterly: FacturesVatReturn 1 to 3 (only while VAT-registered) */
  if (settings.vat_return != FACTURES_VAT_RETURN_NONE)
    settings.vat_return = FACTURES_VAT_RETURN_CA12 + adw_combo_row_get_selected (ADW_COMBO_ROW (self->vat_return_row));
  settings.alert_low_percent = (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->alert_low));
  settings.alert_high_percent = (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->alert_high));
  if (!factures_store_set_urssaf_settings (self->store, &settings, &error))
    {
      gtk_label_set_text (GTK_LABEL (self->message), error->message);
      gtk_widget_set_visible (self->message, TRUE);
    }
  else
    {
      gtk_widget_set_visible (self->message, FALSE);
      /* the Year view follows */
      g_signal_emit_by_name (self->store, "changed");
    }
  factures_urssaf_settings_clear (&settings);
}

/* The notice changed: the To-Do queue lists its deadlines again (a setting every deadline
 * item depends on, so "everything" as the store says it for such settings). */
static void
on_notice_changed (FacturesUrssafPage *self)
{
  if (self->store == NULL)
    return;
  g_signal_emit_by_name (self->store, "item-changed", (guint) FACTURES_STORE_CHANGE_EVERYTHING, (gint64) 0);
  g_signal_emit_by_name (self->store, "changed");
}

static void
factures_urssaf_page_dispose (GObject *object)
{
  FacturesUrssafPage *self = FACTURES_URSSAF_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_URSSAF_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (factures_urssaf_page_parent_class)->dispose (object);
}

static void
factures_urssaf_page_class_init (FacturesUrssafPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = factures_urssaf_page_dispose;
  factures_urssaf_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Factures/ui/urssaf/factures-urssaf-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesUrssafPage, quarterly);
  gtk_widget_class_bind_template_child (widget_class, FacturesUrssafPage, vat_return_group);
  gtk_widget_class_bind_template_child (widget_class, FacturesUrssafPage, vat_return_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesUrssafPage, alert_low);
  gtk_widget_class_bind_template_child (widget_class, FacturesUrssafPage, alert_high);
  gtk_widget_class_bind_template_child (widget_class, FacturesUrssafPage, low_adjustment);
  gtk_widget_class_bind_template_child (widget_class, FacturesUrssafPage, high_adjustment);
  gtk_widget_class_bind_template_child (widget_class, FacturesUrssafPage, message);
  gtk_widget_class_bind_template_child (widget_class, FacturesUrssafPage, deadlines_group);
  gtk_widget_class_bind_template_child (widget_class, FacturesUrssafPage, notice_adjustment);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
}

static void
factures_urssaf_page_init (FacturesUrssafPage *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = FALSE;
  /* The deadlines' notice (GSettings "deadline-notice-days", read by the To-Do queue at each
   * refresh): a per-computer setting, not in the database. Without the schema (a build run
   * uninstalled) the group is not shown. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "deadline-notice-days"))
    {
      self->settings = g_settings_new (APP_ID);
      g_settings_bind (self->settings, "deadline-notice-days", self->notice_adjustment, "value",
                       G_SETTINGS_BIND_DEFAULT);
      g_signal_connect_object (self->settings, "changed::deadline-notice-days", G_CALLBACK (on_notice_changed),
                               self, G_CONNECT_SWAPPED);
    }
  else
    gtk_widget_set_visible (self->deadlines_group, FALSE);
}

GtkWidget *
factures_urssaf_page_new (FacturesStore *store)
{
  FacturesUrssafPage *self;
  g_autoptr(GError) error = NULL;
  FacturesUrssafSettings settings;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  self = g_object_new (FACTURES_TYPE_URSSAF_PAGE, NULL);
  self->store = g_object_ref (store);
  if (!factures_store_get_urssaf_settings (store, &settings, &error))
    {
      factures_urssaf_settings_init (&settings);
      gtk_label_set_text (GTK_LABEL (self->message), error->message);
      gtk_widget_set_visible (self->message, TRUE);
    }
  self->loading = TRUE;
  gtk_switch_set_active (GTK_SWITCH (self->quarterly), settings.quarterly);
  gtk_widget_set_visible (self->vat_return_group, settings.vat_return != FACTURES_VAT_RETURN_NONE);
  if (settings.vat_return != FACTURES_VAT_RETURN_NONE)
    adw_combo_row_set_selected (ADW_COMBO_ROW (self->vat_return_row), settings.vat_return - FACTURES_VAT_RETURN_CA12);
  /* wide ranges first, then the values, then the ranges that keep them in order */
  gtk_adjustment_set_upper (self->low_adjustment, 100);
  gtk_adjustment_set_lower (self->high_adjustment, 1);
  gtk_adjustment_set_value (self->low_adjustment, settings.alert_low_percent);
  gtk_adjustment_set_value (self->high_adjustment, settings.alert_high_percent);
  link_ranges (self);
  self->loading = FALSE;
  factures_urssaf_settings_clear (&settings);
  return GTK_WIDGET (self);
}
