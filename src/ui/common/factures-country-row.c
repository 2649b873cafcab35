/* factures-country-row.c — a row to choose a country by its name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-countries.h"
#include "factures-country-row.h"
#include "factures-form.h"

#define ISO_DOMAIN "iso_3166-1"

struct _FacturesCountryRow
{
  AdwActionRow   parent_instance;

  GtkDropDown   *drop_down;

  GtkStringList *names;   /* shown, sorted */
  GPtrArray     *codes;   /* the code of each name, same order; owned strings */
};

G_DEFINE_FINAL_TYPE (FacturesCountryRow, factures_country_row, ADW_TYPE_ACTION_ROW)

enum
{
  PROP_0,
  PROP_COUNTRY_CODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  const char *code;
  const char *name;   /* translated */
  char       *key;    /* collation key of name */
} Entry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (((const Entry *) a)->key, ((const Entry *) b)->key);
}

static void
fill (FacturesCountryRow *self)
{
  static gsize domain_bound = 0;
  const FacturesCountry *countries;
  g_autofree Entry *entries = NULL;
  guint n = 0;

  if (g_once_init_enter (&domain_bound))
    {
      bind_textdomain_codeset (ISO_DOMAIN, "UTF-8");
      g_once_init_leave (&domain_bound, 1);
    }

  countries = factures_countries_get (&n);
  entries = g_new0 (Entry, n);
  for (guint i = 0; i < n; i++)
    {
      entries[i].code = countries[i].code;
      entries[i].name = g_dgettext (ISO_DOMAIN, countries[i].name);
      entries[i].key = g_utf8_collate_key (entries[i].name, -1);
    }
  qsort (entries, n, sizeof (Entry), compare_entries);

  for (guint i = 0; i < n; i++)
    {
      gtk_string_list_append (self->names, entries[i].name);
      g_ptr_array_add (self->codes, g_strdup (entries[i].code));
      g_free (entries[i].key);
    }
}

static void
selected_changed_cb (FacturesCountryRow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY_CODE]);
}

GtkWidget *
factures_country_row_new (void)
{
  return g_object_new (FACTURES_TYPE_COUNTRY_ROW, NULL);
}

const char *
factures_country_row_get_country_code (FacturesCountryRow *self)
{
  guint selected;

  g_return_val_if_fail (FACTURES_IS_COUNTRY_ROW (self), "FR");

  selected = gtk_drop_down_get_selected (self->drop_down);
  if (selected >= self->codes->len)
    return "FR";
  return g_ptr_array_index (self->codes, selected);
}

/**
 * factures_country_row_set_country_code:
 * @self: a FacturesCountryRow
 * @code: (nullable): an ISO 3166-1 alpha-2 code; NULL or "" for France
 */
void
factures_country_row_set_country_code (FacturesCountryRow *self,
                                       const char         *code)
{
  g_autofree char *upper = NULL;
  guint i;

  g_return_if_fail (FACTURES_IS_COUNTRY_ROW (self));

  upper = g_ascii_strup (code != NULL && *code != '\0' ? code : "FR", -1);
  for (i = 0; i < self->codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->codes, i), upper) == 0)
      break;
  if (i == self->codes->len)
    {
      /* Not an ISO country (a record from an older version): keep it, shown as is. */
      gtk_string_list_append (self->names, upper);
      g_ptr_array_add (self->codes, g_strdup (upper));
    }
  gtk_drop_down_set_selected (self->drop_down, i);
}

GtkWidget *
factures_country_row_get_drop_down (FacturesCountryRow *self)
{
  g_return_val_if_fail (FACTURES_IS_COUNTRY_ROW (self), NULL);
  return GTK_WIDGET (self->drop_down);
}

static void
title_changed_cb (FacturesCountryRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));

  /* The drop-down and the button inside it are named after the row. */
  factures_drop_down_set_accessible_label (GTK_WIDGET (self->drop_down), title != NULL ? title : "");
}

static void
factures_country_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  FacturesCountryRow *self = FACTURES_COUNTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_COUNTRY_CODE:
      g_value_set_string (value, factures_country_row_get_country_code (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
factures_country_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  FacturesCountryRow *self = FACTURES_COUNTRY_ROW (object);

  switch (prop_id)
    {
    case PROP_COUNTRY_CODE:
      factures_country_row_set_country_code (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
factures_country_row_dispose (GObject *object)
{
  FacturesCountryRow *self = FACTURES_COUNTRY_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_COUNTRY_ROW);
  g_clear_object (&self->names);
  g_clear_pointer (&self->codes, g_ptr_array_unref);

  G_OBJECT_CLASS (factures_country_row_parent_class)->dispose (object);
}

static void
factures_country_row_class_init (FacturesCountryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = factures_country_row_get_property;
  object_class->set_property = factures_country_row_set_property;
  object_class->dispose = factures_country_row_dispose;

  properties[PROP_COUNTRY_CODE] =
    g_param_spec_string ("country-code", NULL, NULL, "FR",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/common/factures-country-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesCountryRow, drop_down);
  gtk_widget_class_bind_template_callback (widget_class, selected_changed_cb);
}

static void
factures_country_row_init (FacturesCountryRow *self)
{
  self->names = gtk_string_list_new (NULL);
  self->codes = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  fill (self);
  gtk_drop_down_set_model (self->drop_down, G_LIST_MODEL (self->names));
  factures_country_row_set_country_code (self, "FR");
  g_signal_connect (self, "notify::title", G_CALLBACK (title_changed_cb), NULL);
  title_changed_cb (self);
}
