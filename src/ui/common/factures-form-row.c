/* factures-form-row.c — a form field with its validation message under it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "factures-form-row.h"

struct _FacturesFormRow
{
  AdwPreferencesRow    parent_instance;

  GtkListBox          *list;
  GtkLabel            *message_label;

  GtkWidget           *field;          /* a child of list */
  GtkEventController  *focus;          /* on field */
  gulong               changed_id;
  gulong               activated_id;
  char                *message;

  FacturesFormRowCheck check;
  gpointer             check_data;
  GDestroyNotify       check_destroy;
};

static void factures_form_row_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FacturesFormRow, factures_form_row, ADW_TYPE_PREFERENCES_ROW,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, factures_form_row_buildable_init))

enum
{
  PROP_0,
  PROP_FIELD,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  VALIDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];
static GtkBuildableIface *parent_buildable_iface;

/* ------------------------------------------------------------ validation -- */

static void
field_left_cb (FacturesFormRow *self)
{
  /* Focus also leaves while the window is being destroyed. */
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    factures_form_row_validate (self);
}

static void
field_changed_cb (FacturesFormRow *self)
{
  /* Re-checked while typing only once a message is shown: it goes as soon as the
   * value is right, and none appears under a value still being typed. */
  if (self->message != NULL)
    factures_form_row_validate (self);
}

static void
field_activated_cb (FacturesFormRow *self)
{
  factures_form_row_validate (self);
}

static void
clear_field (FacturesFormRow *self)
{
  if (self->field == NULL)
    return;
  g_clear_signal_handler (&self->changed_id, self->field);
  g_clear_signal_handler (&self->activated_id, self->field);
  if (self->focus != NULL)
    gtk_widget_remove_controller (self->field, self->focus);
  self->focus = NULL;
  gtk_list_box_remove (self->list, gtk_widget_get_parent (self->field) == GTK_WIDGET (self->list)
                                   ? self->field : gtk_widget_get_parent (self->field));
  self->field = NULL;
}

/* ------------------------------------------------------------ public API -- */

/**
 * factures_form_row_new:
 * @field: the field (an AdwEntryRow, an AdwComboRow, any widget)
 *
 * Returns: (transfer floating): a new FacturesFormRow around @field.
 */
GtkWidget *
factures_form_row_new (GtkWidget *field)
{
  return g_object_new (FACTURES_TYPE_FORM_ROW, "field", field, NULL);
}

GtkWidget *
factures_form_row_get_field (FacturesFormRow *self)
{
  g_return_val_if_fail (FACTURES_IS_FORM_ROW (self), NULL);
  return self->field;
}

/**
 * factures_form_row_set_field:
 * @self: a FacturesFormRow
 * @field: (nullable): the field the row holds and reports on
 */
void
factures_form_row_set_field (FacturesFormRow *self,
                             GtkWidget       *field)
{
  g_return_if_fail (FACTURES_IS_FORM_ROW (self));
  g_return_if_fail (field == NULL || GTK_IS_WIDGET (field));

  if (self->field == field)
    return;

  factures_form_row_set_message (self, NULL);
  clear_field (self);

  if (field != NULL)
    {
      self->field = field;
      gtk_list_box_append (self->list, field);
      if (GTK_IS_EDITABLE (field))
        self->changed_id = g_signal_connect_swapped (field, "changed",
                                                     G_CALLBACK (field_changed_cb), self);
      if (ADW_IS_ENTRY_ROW (field))
        self->activated_id = g_signal_connect_swapped (field, "entry-activated",
                                                       G_CALLBACK (field_activated_cb), self);
      self->focus = gtk_event_controller_focus_new ();
      g_signal_connect_swapped (self->focus, "leave", G_CALLBACK (field_left_cb), self);
      gtk_widget_add_controller (field, self->focus);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD]);
}

const char *
factures_form_row_get_message (FacturesFormRow *self)
{
  g_return_val_if_fail (FACTURES_IS_FORM_ROW (self), NULL);
  return self->message;
}

/**
 * factures_form_row_set_message:
 * @self: a FacturesFormRow
 * @message: (nullable): the message, naming the field; NULL or "" clears it
 *
 * Shows @message under the field, marks the field in error ("error" style class,
 * tooltip, accessible description and invalid state).
 */
void
factures_form_row_set_message (FacturesFormRow *self,
                               const char      *message)
{
  g_return_if_fail (FACTURES_IS_FORM_ROW (self));

  if (message != NULL && *message == '\0')
    message = NULL;
  if (g_strcmp0 (message, self->message) == 0)
    return;

  g_free (self->message);
  self->message = g_strdup (message);

  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);

  if (self->field != NULL)
    {
      GtkAccessible *field = GTK_ACCESSIBLE (self->field);

      if (message != NULL)
        {
          gtk_widget_add_css_class (self->field, "error");
          gtk_widget_set_tooltip_text (self->field, message);
          gtk_accessible_update_property (field, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
          gtk_accessible_update_state (field, GTK_ACCESSIBLE_STATE_INVALID,
                                       GTK_ACCESSIBLE_INVALID_TRUE, -1);
        }
      else
        {
          gtk_widget_remove_css_class (self->field, "error");
          gtk_widget_set_tooltip_text (self->field, NULL);
          gtk_accessible_reset_property (field, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
          gtk_accessible_reset_state (field, GTK_ACCESSIBLE_STATE_INVALID);
        }
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

/**
 * factures_form_row_set_check:
 * @self: a FacturesFormRow
 * @check: (nullable): the check of the field's text
 * @user_data: passed to @check
 * @destroy: (nullable): frees @user_data with the row or the next check
 */
void
factures_form_row_set_check (FacturesFormRow     *self,
                             FacturesFormRowCheck check,
                             gpointer             user_data,
                             GDestroyNotify       destroy)
{
  g_return_if_fail (FACTURES_IS_FORM_ROW (self));

  if (self->check_destroy != NULL)
    self->check_destroy (self->check_data);
  self->check = check;
  self->check_data = user_data;
  self->check_destroy = destroy;
}

/**
 * factures_form_row_validate:
 * @self: a FacturesFormRow
 *
 * Runs the check on the trimmed text of the field (an editable; "" otherwise) and
 * shows its message. Without a check, keeps the message set by hand.
 *
 * Returns: TRUE when no message is shown afterwards.
 */
gboolean
factures_form_row_validate (FacturesFormRow *self)
{
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (FACTURES_IS_FORM_ROW (self), FALSE);

  if (self->check == NULL)
    return self->message == NULL;

  if (self->field != NULL && GTK_IS_EDITABLE (self->field))
    text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->field))));
  else
    text = g_strdup ("");
  message = self->check (text, self->check_data);
  factures_form_row_set_message (self, message);
  g_signal_emit (self, signals[VALIDATED], 0, message == NULL);
  return message == NULL;
}

/**
 * factures_form_row_is_valid:
 * @self: a FacturesFormRow
 *
 * Runs the check on the field's trimmed text without showing anything (to know
 * whether a value being typed may be saved).
 *
 * Returns: TRUE when the check accepts the value (or there is no check and no
 *   message shown).
 */
gboolean
factures_form_row_is_valid (FacturesFormRow *self)
{
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (FACTURES_IS_FORM_ROW (self), FALSE);

  if (self->check == NULL)
    return self->message == NULL;
  if (self->field != NULL && GTK_IS_EDITABLE (self->field))
    text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->field))));
  else
    text = g_strdup ("");
  message = self->check (text, self->check_data);
  return message == NULL;
}

/**
 * factures_form_row_find:
 * @field: a widget
 *
 * Returns: (transfer none) (nullable): the FacturesFormRow holding @field.
 */
FacturesFormRow *
factures_form_row_find (GtkWidget *field)
{
  GtkWidget *row;

  g_return_val_if_fail (GTK_IS_WIDGET (field), NULL);

  if (FACTURES_IS_FORM_ROW (field))
    return FACTURES_FORM_ROW (field);
  row = gtk_widget_get_ancestor (field, FACTURES_TYPE_FORM_ROW);
  if (row != NULL && FACTURES_FORM_ROW (row)->field != NULL &&
      (FACTURES_FORM_ROW (row)->field == field || gtk_widget_is_ancestor (field, FACTURES_FORM_ROW (row)->field)))
    return FACTURES_FORM_ROW (row);
  return NULL;
}

/* ------------------------------------------------------------- GtkBuildable -- */

static void
factures_form_row_buildable_add_child (GtkBuildable *buildable,
                                       GtkBuilder   *builder,
                                       GObject      *child,
                                       const char   *type)
{
  FacturesFormRow *self = FACTURES_FORM_ROW (buildable);

  /* After the template is built, a <child> is the field. */
  if (self->list != NULL && type == NULL && GTK_IS_WIDGET (child))
    factures_form_row_set_field (self, GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
factures_form_row_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = factures_form_row_buildable_add_child;
}

/* ----------------------------------------------------------------- GObject -- */

static void
factures_form_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FacturesFormRow *self = FACTURES_FORM_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      g_value_set_object (value, self->field);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
factures_form_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  FacturesFormRow *self = FACTURES_FORM_ROW (object);

  switch (prop_id)
    {
    case PROP_FIELD:
      factures_form_row_set_field (self, g_value_get_object (value));
      break;
    case PROP_MESSAGE:
      factures_form_row_set_message (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
factures_form_row_dispose (GObject *object)
{
  FacturesFormRow *self = FACTURES_FORM_ROW (object);

  if (self->field != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->field);
      g_clear_signal_handler (&self->activated_id, self->field);
      self->field = NULL;
      self->focus = NULL;
    }
  factures_form_row_set_check (self, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_FORM_ROW);

  G_OBJECT_CLASS (factures_form_row_parent_class)->dispose (object);
}

static void
factures_form_row_finalize (GObject *object)
{
  FacturesFormRow *self = FACTURES_FORM_ROW (object);

  g_free (self->message);

  G_OBJECT_CLASS (factures_form_row_parent_class)->finalize (object);
}

static void
factures_form_row_class_init (FacturesFormRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = factures_form_row_get_property;
  object_class->set_property = factures_form_row_set_property;
  object_class->dispose = factures_form_row_dispose;
  object_class->finalize = factures_form_row_finalize;

  properties[PROP_FIELD] =
    g_param_spec_object ("field", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FacturesFormRow::validated:
   * @valid: whether the value is acceptable
   *
   * Emitted after the check ran on the field (leaving it, Enter, a change while a
   * message is shown, or factures_form_row_validate()): where settings apply on
   * change, a valid value is saved from here.
   */
  signals[VALIDATED] = g_signal_new ("validated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/common/factures-form-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesFormRow, list);
  gtk_widget_class_bind_template_child (widget_class, FacturesFormRow, message_label);
}

static void
factures_form_row_init (FacturesFormRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
