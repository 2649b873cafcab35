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
  GHashTable    *codes_by_name;   /* name → code (strings of @names and @codes) */

  FacturesCountryFilter *filter;   /* the popup's search */
  GtkFilterListModel    *popup_model;   /* the drop-down's, whose filter is @filter */
  GtkWidget             *search_entry;  /* the drop-down's */
};

/* ---- the search filter ---- */

struct _FacturesCountryFilter
{
  GtkFilter   parent_instance;

  GHashTable *codes;
  char       *search;
};

G_DEFINE_FINAL_TYPE (FacturesCountryFilter, factures_country_filter, GTK_TYPE_FILTER)

static gboolean
factures_country_filter_match (GtkFilter *filter,
                               gpointer   item)
{
  FacturesCountryFilter *self = FACTURES_COUNTRY_FILTER (filter);
  const char *name;

  if (!GTK_IS_STRING_OBJECT (item))
    return FALSE;
  name = gtk_string_object_get_string (item);
  return factures_country_matches (name, g_hash_table_lookup (self->codes, name), self->search);
}

static GtkFilterMatch
factures_country_filter_get_strictness (GtkFilter *filter)
{
  FacturesCountryFilter *self = FACTURES_COUNTRY_FILTER (filter);

  return self->search == NULL ? GTK_FILTER_MATCH_ALL : GTK_FILTER_MATCH_SOME;
}

static void
factures_country_filter_finalize (GObject *object)
{
  FacturesCountryFilter *self = FACTURES_COUNTRY_FILTER (object);

  g_clear_pointer (&self->codes, g_hash_table_unref);
  g_clear_pointer (&self->search, g_free);
  G_OBJECT_CLASS (factures_country_filter_parent_class)->finalize (object);
}

static void
factures_country_filter_class_init (FacturesCountryFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->finalize = factures_country_filter_finalize;
  filter_class->match = factures_country_filter_match;
  filter_class->get_strictness = factures_country_filter_get_strictness;
}

static void
factures_country_filter_init (FacturesCountryFilter *self)
{
}

FacturesCountryFilter *
factures_country_filter_new (GHashTable *codes)
{
  FacturesCountryFilter *self = g_object_new (FACTURES_TYPE_COUNTRY_FILTER, NULL);

  self->codes = g_hash_table_ref (codes);
  return self;
}

const char *
factures_country_filter_get_search (FacturesCountryFilter *self)
{
  g_return_val_if_fail (FACTURES_IS_COUNTRY_FILTER (self), NULL);
  return self->search != NULL ? self->search : "";
}

void
factures_country_filter_set_search (FacturesCountryFilter *self,
                                    const char            *search)
{
  g_autofree char *old = NULL;
  g_autofree char *trimmed = NULL;
  GtkFilterChange change;

  g_return_if_fail (FACTURES_IS_COUNTRY_FILTER (self));

  trimmed = g_strstrip (g_strdup (search != NULL ? search : ""));
  if (g_strcmp0 (trimmed, self->search != NULL ? self->search : "") == 0)
    return;
  old = g_steal_pointer (&self->search);
  self->search = *trimmed != '\0' ? g_steal_pointer (&trimmed) : NULL;
  /* A longer search shows fewer countries, a shorter one more (a part of the name stays a
   * part of it): the list model then looks only at the rows that may change. */
  if (old == NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (self->search == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else if (g_str_has_prefix (self->search, old))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (g_str_has_prefix (old, self->search))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;
  gtk_filter_changed (GTK_FILTER (self), change);
}

/* ---- the row ---- */

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
      g_hash_table_insert (self->codes_by_name, g_strdup (entries[i].name), g_strdup (entries[i].code));
      g_free (entries[i].key);
    }
}

/* The first descendant of @widget of @type (the drop-down's own popup parts). */
static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      found = find_descendant (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Typed into the popup's search entry: the filter follows at once (not after the entry's
 * search delay), so that an empty search (the popup closed, a country picked) shows every
 * country again before the drop-down reads the picked row's position. */
static void
search_text_changed_cb (FacturesCountryRow *self)
{
  factures_country_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Escape in the search entry: clears the search, then closes the popup (as the drop-down does
 * with its own filter). */
static void
search_stopped_cb (FacturesCountryRow *self)
{
  GtkWidget *popover;

  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      return;
    }
  popover = gtk_widget_get_ancestor (self->search_entry, GTK_TYPE_POPOVER);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/* GTK 4.8's drop-down filters its popup with a GtkStringFilter matching the start of the
 * name: its filter list model gets ours instead, fed by its search entry. */
static void
install_filter (FacturesCountryRow *self)
{
  GtkWidget *list = find_descendant (GTK_WIDGET (self->drop_down), GTK_TYPE_LIST_VIEW);
  GtkSelectionModel *selection = list != NULL ? gtk_list_view_get_model (GTK_LIST_VIEW (list)) : NULL;
  GListModel *popup_model = GTK_IS_SINGLE_SELECTION (selection)
                            ? gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection)) : NULL;

  self->search_entry = find_descendant (GTK_WIDGET (self->drop_down), GTK_TYPE_SEARCH_ENTRY);
  if (!GTK_IS_FILTER_LIST_MODEL (popup_model) || self->search_entry == NULL)
    {
      g_warning ("FacturesCountryRow: the drop-down's popup is not built as in GTK 4.8; "
                 "its search matches the start of names only");
      self->search_entry = NULL;
      return;
    }
  self->popup_model = GTK_FILTER_LIST_MODEL (popup_model);
  gtk_filter_list_model_set_filter (self->popup_model, GTK_FILTER (self->filter));
  g_signal_connect_object (self->search_entry, "changed", G_CALLBACK (search_text_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (search_stopped_cb), self,
                           G_CONNECT_SWAPPED);
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
      g_hash_table_insert (self->codes_by_name, g_strdup (upper), g_strdup (upper));
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
  g_clear_pointer (&self->codes_by_name, g_hash_table_unref);
  g_clear_object (&self->filter);
  self->popup_model = NULL;
  self->search_entry = NULL;

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
  self->codes_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->filter = factures_country_filter_new (self->codes_by_name);
  gtk_widget_init_template (GTK_WIDGET (self));
  fill (self);
  gtk_drop_down_set_model (self->drop_down, G_LIST_MODEL (self->names));
  install_filter (self);
  factures_country_row_set_country_code (self, "FR");
  g_signal_connect (self, "notify::title", G_CALLBACK (title_changed_cb), NULL);
  title_changed_cb (self);
}
