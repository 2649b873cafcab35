/* factures-series-page.c — Preferences page: number series and quote options (issue 3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-series-group.h"
#include "factures-series-page.h"
#include "factures-store-lifecycle.h"

struct _FacturesSeriesPage
{
  AdwPreferencesPage  parent_instance;

  GtkWidget          *quotes_group;
  GtkSwitch          *building_trade_switch;

  FacturesStore      *store;
  GPtrArray          *groups;    /* FacturesSeriesGroup, weak (children of the page) */
  gboolean            loading;
};

G_DEFINE_FINAL_TYPE (FacturesSeriesPage, factures_series_page, ADW_TYPE_PREFERENCES_PAGE)

static void
toast (GtkWidget  *widget,
       const char *text)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (text));
}

static void
building_trade_toggled_cb (FacturesSeriesPage *self)
{
  g_autoptr (FacturesProfile) profile = NULL;
  g_autoptr (GError) error = NULL;
  gboolean active = gtk_switch_get_active (self->building_trade_switch);

  if (self->loading || self->store == NULL)
    return;
  profile = factures_store_get_profile (self->store, &error);
  if (profile == NULL || profile->building_trade == active)
    return;
  profile->building_trade = active;
  if (factures_store_save_profile (self->store, profile, &error))
    toast (GTK_WIDGET (self), active ? _("Quotes will carry the building-trade mention")
                                     : _("Quotes will not carry the building-trade mention"));
  else
    toast (GTK_WIDGET (self), error->message);
}

gboolean
factures_series_page_flush (FacturesSeriesPage *self)
{
  gboolean valid = TRUE;

  g_return_val_if_fail (FACTURES_IS_SERIES_PAGE (self), TRUE);

  for (guint i = 0; i < self->groups->len; i++)
    if (!factures_series_group_flush (g_ptr_array_index (self->groups, i)))
      valid = FALSE;
  return valid;
}

static void
factures_series_page_dispose (GObject *object)
{
  FacturesSeriesPage *self = FACTURES_SERIES_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_SERIES_PAGE);
  g_clear_object (&self->store);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (factures_series_page_parent_class)->dispose (object);
}

static void
factures_series_page_class_init (FacturesSeriesPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = factures_series_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/preferences/factures-series-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesSeriesPage, quotes_group);
  gtk_widget_class_bind_template_child (widget_class, FacturesSeriesPage, building_trade_switch);
  gtk_widget_class_bind_template_callback (widget_class, building_trade_toggled_cb);
}

static void
factures_series_page_init (FacturesSeriesPage *self)
{
  self->groups = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
factures_series_page_new (FacturesStore *store)
{
  static const char * const order[] = { "invoice", "quote", "credit-note" };
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (FacturesProfile) profile = NULL;
  FacturesSeriesPage *self;
  GtkWidget *box;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  self = g_object_new (FACTURES_TYPE_SERIES_PAGE, NULL);
  self->store = g_object_ref (store);
  self->loading = TRUE;

  list = factures_store_list_series (store, NULL);
  for (guint o = 0; list != NULL && o < G_N_ELEMENTS (order); o++)
    for (guint i = 0; i < list->len; i++)
      {
        const FacturesSeries *series = g_ptr_array_index (list, i);

        if (g_strcmp0 (series->name, order[o]) == 0)
          {
            GtkWidget *group = factures_series_group_new (store, series);

            g_ptr_array_add (self->groups, group);
            adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));
          }
      }
  /* The quote options after the series. */
  box = gtk_widget_get_parent (self->quotes_group);
  if (GTK_IS_BOX (box))
    gtk_box_reorder_child_after (GTK_BOX (box), self->quotes_group, gtk_widget_get_last_child (box));

  profile = factures_store_get_profile (store, NULL);
  gtk_switch_set_active (self->building_trade_switch, profile != NULL && profile->building_trade);
  gtk_widget_set_sensitive (GTK_WIDGET (self->building_trade_switch), profile != NULL);
  self->loading = FALSE;
  return GTK_WIDGET (self);
}
