/* factures-todo-item.c — one thing to do today
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "factures-todo-item.h"

struct _FacturesTodoItem
{
  GObject         parent_instance;

  GDate           date;
  char           *title;
  char           *detail;
  char           *tooltip;
  char           *action_name;
  GVariant       *action_target;
  char           *action_label;
  gint64          document_id;
  char           *number;
  gpointer        data;
  GDestroyNotify  data_destroy;
  gboolean        complete;
  char           *secondary_name;
  GVariant       *secondary_target;
  char           *secondary_label;
};

G_DEFINE_FINAL_TYPE (FacturesTodoItem, factures_todo_item, G_TYPE_OBJECT)

/* g_set_str() is GLib 2.76 */
static gboolean
set_str (char       **field,
         const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

enum { PROP_0, PROP_TITLE, PROP_DETAIL, PROP_TOOLTIP, PROP_ACTION_LABEL, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
factures_todo_item_finalize (GObject *object)
{
  FacturesTodoItem *self = FACTURES_TODO_ITEM (object);

  g_free (self->title);
  g_free (self->detail);
  g_free (self->tooltip);
  g_free (self->action_name);
  g_clear_pointer (&self->action_target, g_variant_unref);
  g_free (self->action_label);
  g_free (self->number);
  g_free (self->secondary_name);
  g_clear_pointer (&self->secondary_target, g_variant_unref);
  g_free (self->secondary_label);
  if (self->data_destroy != NULL)
    self->data_destroy (self->data);

  G_OBJECT_CLASS (factures_todo_item_parent_class)->finalize (object);
}

static void
factures_todo_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FacturesTodoItem *self = FACTURES_TODO_ITEM (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;
    case PROP_TOOLTIP:
      g_value_set_string (value, self->tooltip);
      break;
    case PROP_ACTION_LABEL:
      g_value_set_string (value, self->action_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
factures_todo_item_class_init (FacturesTodoItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = factures_todo_item_finalize;
  object_class->get_property = factures_todo_item_get_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, NULL,
                                                 G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOOLTIP] = g_param_spec_string ("tooltip", NULL, NULL, NULL,
                                                  G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION_LABEL] = g_param_spec_string ("action-label", NULL, NULL, NULL,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
factures_todo_item_init (FacturesTodoItem *self)
{
  g_date_clear (&self->date, 1);
}

FacturesTodoItem *
factures_todo_item_new (const GDate *date,
                        const char  *title,
                        const char  *action_name,
                        GVariant    *action_target,
                        const char  *action_label)
{
  FacturesTodoItem *self = g_object_new (FACTURES_TYPE_TODO_ITEM, NULL);

  if (date != NULL && g_date_valid (date))
    self->date = *date;
  self->title = g_strdup (title);
  self->action_name = g_strdup (action_name);
  self->action_target = action_target != NULL ? g_variant_ref_sink (action_target) : NULL;
  self->action_label = g_strdup (action_label);
  return self;
}

const GDate *
factures_todo_item_get_date (FacturesTodoItem *self)
{
  g_return_val_if_fail (FACTURES_IS_TODO_ITEM (self), NULL);
  return &self->date;
}

const char *
factures_todo_item_get_title (FacturesTodoItem *self)
{
  g_return_val_if_fail (FACTURES_IS_TODO_ITEM (self), NULL);
  return self->title;
}

const char *
factures_todo_item_get_detail (FacturesTodoItem *self)
{
  g_return_val_if_fail (FACTURES_IS_TODO_ITEM (self), NULL);
  return self->detail;
}

void
factures_todo_item_set_detail (FacturesTodoItem *self,
                               const char       *detail)
{
  g_return_if_fail (FACTURES_IS_TODO_ITEM (self));
  if (set_str (&self->detail, detail))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAIL]);
}

const char *
factures_todo_item_get_tooltip (FacturesTodoItem *self)
{
  g_return_val_if_fail (FACTURES_IS_TODO_ITEM (self), NULL);
  return self->tooltip;
}

void
factures_todo_item_set_tooltip (FacturesTodoItem *self,
                                const char       *tooltip)
{
  g_return_if_fail (FACTURES_IS_TODO_ITEM (self));
  if (set_str (&self->tooltip, tooltip))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOLTIP]);
}

const char *
factures_todo_item_get_action_name (FacturesTodoItem *self)
{
  g_return_val_if_fail (FACTURES_IS_TODO_ITEM (self), NULL);
  return self->action_name;
}

GVariant *
factures_todo_item_get_action_target (FacturesTodoItem *self)
{
  g_return_val_if_fail (FACTURES_IS_TODO_ITEM (self), NULL);
  return self->action_target;
}

const char *
factures_todo_item_get_action_label (FacturesTodoItem *self)
{
  g_return_val_if_fail (FACTURES_IS_TODO_ITEM (self), NULL);
  return self->action_label;
}

gint64
factures_todo_item_get_document_id (FacturesTodoItem *self)
{
  g_return_val_if_fail (FACTURES_IS_TODO_ITEM (self), 0);
  return self->document_id;
}

const char *
factures_todo_item_get_number (FacturesTodoItem *self)
{
  g_return_val_if_fail (FACTURES_IS_TODO_ITEM (self), NULL);
  return self->number;
}

void
factures_todo_item_set_document (FacturesTodoItem *self,
                                 gint64            document_id,
                                 const char       *number)
{
  g_return_if_fail (FACTURES_IS_TODO_ITEM (self));
  self->document_id = document_id;
  set_str (&self->number, number);
}

gpointer
factures_todo_item_get_data (FacturesTodoItem *self)
{
  g_return_val_if_fail (FACTURES_IS_TODO_ITEM (self), NULL);
  return self->data;
}

void
factures_todo_item_set_data (FacturesTodoItem *self,
                             gpointer          data,
                             GDestroyNotify    destroy)
{
  g_return_if_fail (FACTURES_IS_TODO_ITEM (self));
  if (self->data_destroy != NULL)
    self->data_destroy (self->data);
  self->data = data;
  self->data_destroy = destroy;
}

gboolean
factures_todo_item_get_complete (FacturesTodoItem *self)
{
  g_return_val_if_fail (FACTURES_IS_TODO_ITEM (self), FALSE);
  return self->complete;
}

void
factures_todo_item_set_complete (FacturesTodoItem *self,
                                 gboolean          complete)
{
  g_return_if_fail (FACTURES_IS_TODO_ITEM (self));
  self->complete = complete;
}

void
factures_todo_item_set_secondary (FacturesTodoItem *self,
                                  const char       *action_name,
                                  GVariant         *action_target,
                                  const char       *label)
{
  g_return_if_fail (FACTURES_IS_TODO_ITEM (self));

  set_str (&self->secondary_name, action_name);
  g_clear_pointer (&self->secondary_target, g_variant_unref);
  if (action_target != NULL)
    self->secondary_target = g_variant_ref_sink (action_target);
  set_str (&self->secondary_label, label);
}

const char *
factures_todo_item_get_secondary_name (FacturesTodoItem *self)
{
  g_return_val_if_fail (FACTURES_IS_TODO_ITEM (self), NULL);
  return self->secondary_name;
}

GVariant *
factures_todo_item_get_secondary_target (FacturesTodoItem *self)
{
  g_return_val_if_fail (FACTURES_IS_TODO_ITEM (self), NULL);
  return self->secondary_target;
}

const char *
factures_todo_item_get_secondary_label (FacturesTodoItem *self)
{
  g_return_val_if_fail (FACTURES_IS_TODO_ITEM (self), NULL);
  return self->secondary_label;
}
