/* factures-form.c — validation state and accessible rows for forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-form.h"
#include "factures-form-row.h"

struct _FacturesForm
{
  GObject     parent_instance;

  GtkLabel   *error_label;   /* weak */
  GPtrArray  *rows;          /* rows that ever had an error, in order; strong refs */
  GHashTable *messages;      /* row → its current message (owned); rows without one absent */
};

G_DEFINE_FINAL_TYPE (FacturesForm, factures_form, G_TYPE_OBJECT)

static void
factures_form_dispose (GObject *object)
{
  FacturesForm *self = FACTURES_FORM (object);

  g_clear_weak_pointer (&self->error_label);
  g_clear_pointer (&self->messages, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (factures_form_parent_class)->dispose (object);
}

static void
factures_form_class_init (FacturesFormClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = factures_form_dispose;
}

static void
factures_form_init (FacturesForm *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->messages = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

FacturesForm *
factures_form_new (GtkLabel *error_label)
{
  FacturesForm *self = g_object_new (FACTURES_TYPE_FORM, NULL);

  g_set_weak_pointer (&self->error_label, error_label);
  if (error_label != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (error_label), "error");
      gtk_widget_set_visible (GTK_WIDGET (error_label), FALSE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (error_label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Input errors"),
                                      -1);
    }
  return self;
}

/* The label lists the messages of the rows that are not in a FacturesFormRow (those
 * show their message under the field). */
static void
update_label (FacturesForm *self)
{
  g_autoptr (GString) text = g_string_new (NULL);

  if (self->error_label == NULL)
    return;

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      const char *message = g_hash_table_lookup (self->messages, row);

      if (message == NULL || factures_form_row_find (row) != NULL)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, message);
    }

  gtk_label_set_text (self->error_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), text->len > 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
}

void
factures_form_set_error (FacturesForm *self,
                         GtkWidget    *row,
                         const char   *message)
{
  FacturesFormRow *form_row;

  g_return_if_fail (FACTURES_IS_FORM (self));
  g_return_if_fail (GTK_IS_WIDGET (row));

  if (message != NULL && *message == '\0')
    message = NULL;

  if (message != NULL)
    {
      if (!g_ptr_array_find (self->rows, row, NULL))
        g_ptr_array_add (self->rows, g_object_ref (row));
      g_hash_table_replace (self->messages, row, g_strdup (message));
    }
  else
    g_hash_table_remove (self->messages, row);

  form_row = factures_form_row_find (row);
  if (form_row != NULL)
    factures_form_row_set_message (form_row, message);
  else if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }

  update_label (self);
}

gboolean
factures_form_has_errors (FacturesForm *self)
{
  return factures_form_get_first_error_row (self) != NULL;
}

GtkWidget *
factures_form_get_first_error_row (FacturesForm *self)
{
  g_return_val_if_fail (FACTURES_IS_FORM (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (g_hash_table_contains (self->messages, row))
        return row;
    }
  return NULL;
}

void
factures_entry_row_name_once (GtkWidget *row)
{
  const char *title;
  g_autoptr(GString) name = NULL;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  /* libadwaita 1.2 labels the row by both its title and its placeholder title,
   * which AT-SPI reads as "Name Name": name it once, by its title. */
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  name = g_string_new (NULL);

  /* Without the mnemonic's underscore ("_Name" is named "Name"; "__" is one "_"). */
  for (const char *p = title != NULL ? title : ""; *p != '\0'; p++)
    if (*p != '_' || !adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (row)) || *++p != '\0')
      g_string_append_c (name, *p);
    else
      break;
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name->str, -1);
}

char *
factures_editable_get_trimmed (GtkWidget *editable)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (editable));

  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

void
factures_editable_set_text_or_empty (GtkWidget  *editable,
                                     const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text != NULL ? text : "");
}

void
factures_entry_row_on_leave (GtkWidget *row,
                             GCallback  callback,
                             gpointer   user_data)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_swapped (focus, "leave", callback, user_data);
  gtk_widget_add_controller (row, focus);
}

/**
 * factures_drop_down_set_accessible_label:
 * @drop_down: a GtkDropDown
 * @label: its accessible name
 */
void
factures_drop_down_set_accessible_label (GtkWidget  *drop_down,
                                         const char *label)
{
  GtkWidget *button;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  /* GTK 4.8: the first child is the button that opens the list. */
  button = gtk_widget_get_first_child (drop_down);
  if (GTK_IS_TOGGLE_BUTTON (button))
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/**
 * factures_accessible_fix_descendants:
 * @widget: where to look (not itself)
 * @type: the GType of the internal widgets
 * @role: their accessible role
 * @label: (nullable): their accessible name, or NULL for their tooltip (hidden from
 *   AT-SPI without one)
 *
 * Returns: the number of widgets changed.
 */
guint
factures_accessible_fix_descendants (GtkWidget         *widget,
                                     GType              type,
                                     GtkAccessibleRole  role,
                                     const char        *label)
{
  guint count = 0;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (child)) == role)
        {
          const char *name = label != NULL ? label : gtk_widget_get_tooltip_text (child);

          if (name != NULL)
            gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          else
            gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
          count++;
        }
      count += factures_accessible_fix_descendants (child, type, role, label);
    }
  return count;
}
