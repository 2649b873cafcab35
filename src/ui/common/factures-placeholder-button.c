/* factures-placeholder-button.c — “Insert a Field”: template placeholders by their French names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-mail-template.h"
#include "factures-placeholder-button.h"

struct _FacturesPlaceholderButton
{
  GtkWidget      parent_instance;

  GtkMenuButton *button;
  GtkWidget     *target;   /* weak */
};

G_DEFINE_FINAL_TYPE (FacturesPlaceholderButton, factures_placeholder_button, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_TARGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
factures_placeholder_button_new (GtkWidget *target)
{
  return g_object_new (FACTURES_TYPE_PLACEHOLDER_BUTTON, "target", target, NULL);
}

GtkWidget *
factures_placeholder_button_get_target (FacturesPlaceholderButton *self)
{
  g_return_val_if_fail (FACTURES_IS_PLACEHOLDER_BUTTON (self), NULL);
  return self->target;
}

void
factures_placeholder_button_set_target (FacturesPlaceholderButton *self,
                                        GtkWidget                 *target)
{
  g_return_if_fail (FACTURES_IS_PLACEHOLDER_BUTTON (self));
  g_return_if_fail (target == NULL || GTK_IS_EDITABLE (target) || GTK_IS_TEXT_VIEW (target));

  if (g_set_weak_pointer (&self->target, target))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

void
factures_placeholder_button_insert (FacturesPlaceholderButton *self,
                                    const char                *french)
{
  g_autofree char *token = NULL;

  g_return_if_fail (FACTURES_IS_PLACEHOLDER_BUTTON (self));
  g_return_if_fail (french != NULL);

  if (self->target == NULL)
    return;
  token = g_strconcat ("{", french, "}", NULL);
  if (GTK_IS_TEXT_VIEW (self->target))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->target));

      gtk_text_buffer_delete_selection (buffer, TRUE, gtk_text_view_get_editable (GTK_TEXT_VIEW (self->target)));
      gtk_text_buffer_insert_at_cursor (buffer, token, -1);
    }
  else if (GTK_IS_EDITABLE (self->target))
    {
      int position;

      gtk_editable_delete_selection (GTK_EDITABLE (self->target));
      position = gtk_editable_get_position (GTK_EDITABLE (self->target));
      gtk_editable_insert_text (GTK_EDITABLE (self->target), token, -1, &position);
      gtk_editable_set_position (GTK_EDITABLE (self->target), position);
    }
  gtk_widget_grab_focus (self->target);
}

static void
insert_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  factures_placeholder_button_insert (FACTURES_PLACEHOLDER_BUTTON (widget),
                                      g_variant_get_string (parameter, NULL));
}

static void
factures_placeholder_button_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  FacturesPlaceholderButton *self = FACTURES_PLACEHOLDER_BUTTON (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      g_value_set_object (value, self->target);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
factures_placeholder_button_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  FacturesPlaceholderButton *self = FACTURES_PLACEHOLDER_BUTTON (object);

  switch (prop_id)
    {
    case PROP_TARGET:
      factures_placeholder_button_set_target (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
factures_placeholder_button_dispose (GObject *object)
{
  FacturesPlaceholderButton *self = FACTURES_PLACEHOLDER_BUTTON (object);

  g_clear_weak_pointer (&self->target);
  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_PLACEHOLDER_BUTTON);

  G_OBJECT_CLASS (factures_placeholder_button_parent_class)->dispose (object);
}

static void
factures_placeholder_button_class_init (FacturesPlaceholderButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = factures_placeholder_button_get_property;
  object_class->set_property = factures_placeholder_button_set_property;
  object_class->dispose = factures_placeholder_button_dispose;

  properties[PROP_TARGET] =
    g_param_spec_object ("target", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/common/factures-placeholder-button.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesPlaceholderButton, button);
  gtk_widget_class_install_action (widget_class, "placeholder.insert", "s", insert_activated);
}

static void
factures_placeholder_button_init (FacturesPlaceholderButton *self)
{
  g_autoptr (GMenu) menu = g_menu_new ();
  const FacturesMailPlaceholder *placeholders;
  guint n = 0;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The names are French on purpose: they are written into French templates. */
  placeholders = factures_mail_template_placeholders (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GMenuItem) item = g_menu_item_new (placeholders[i].french, NULL);

      g_menu_item_set_action_and_target_value (item, "placeholder.insert",
                                               g_variant_new_string (placeholders[i].french));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->button, G_MENU_MODEL (menu));
}
