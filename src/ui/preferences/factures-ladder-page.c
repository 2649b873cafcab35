/* factures-ladder-page.c — the dunning ladders in Preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-ladder-group.h"
#include "factures-ladder-page.h"
#include "factures-rates-group.h"

#define N_CATEGORIES 4

struct _FacturesLadderPage
{
  AdwPreferencesPage  parent_instance;

  GtkWidget          *ladders[N_CATEGORIES];   /* FacturesLadderGroup, owned by the page */
  GtkWidget          *rates;                   /* FacturesRatesGroup */
};

G_DEFINE_FINAL_TYPE (FacturesLadderPage, factures_ladder_page, ADW_TYPE_PREFERENCES_PAGE)

static void
factures_ladder_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), FACTURES_TYPE_LADDER_PAGE);

  G_OBJECT_CLASS (factures_ladder_page_parent_class)->dispose (object);
}

static void
factures_ladder_page_class_init (FacturesLadderPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = factures_ladder_page_dispose;
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               "/org/example/Factures/ui/preferences/factures-ladder-page.ui");
}

static void
factures_ladder_page_init (FacturesLadderPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
factures_ladder_page_new (FacturesStore *store)
{
  const FacturesClientCategory order[N_CATEGORIES] = {
    FACTURES_CLIENT_CATEGORY_COMPANY, FACTURES_CLIENT_CATEGORY_INDIVIDUAL,
    FACTURES_CLIENT_CATEGORY_ASSOCIATION, FACTURES_CLIENT_CATEGORY_PUBLIC,
  };
  FacturesLadderPage *self;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  self = g_object_new (FACTURES_TYPE_LADDER_PAGE, NULL);
  for (guint i = 0; i < N_CATEGORIES; i++)
    {
      self->ladders[i] = factures_ladder_group_new (store, order[i]);
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (self->ladders[i]));
    }
  self->rates = factures_rates_group_new (store);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (self->rates));
  return GTK_WIDGET (self);
}

gboolean
factures_ladder_page_flush (FacturesLadderPage *self)
{
  gboolean ok;

  g_return_val_if_fail (FACTURES_IS_LADDER_PAGE (self), FALSE);

  ok = factures_rates_group_flush (FACTURES_RATES_GROUP (self->rates));
  for (guint i = 0; i < N_CATEGORIES; i++)
    ok = factures_ladder_group_flush (FACTURES_LADDER_GROUP (self->ladders[i])) && ok;
  return ok;
}
