/* factures-ladder-step-row.c — one step of a dunning ladder in Preferences → Reminders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-form.h"
#include "factures-ladder-step-row.h"

/* The e-mail templates of data/templates/ (ids of factures-dunning.h). */
static const char * const email_templates[] = { "heads-up", "email-courteous", "email-firm", "chorus-reminder", NULL };

struct _FacturesLadderStepRow
{
  GtkListBoxRow           parent_instance;

  GtkSpinButton          *spin;
  GtkDropDown            *channel;
  GtkDropDown            *template;
  GtkWidget              *remove;

  FacturesClientCategory  category;
  char                   *template_id;   /* as loaded: kept for the channels without a choice */
  gboolean                loading;
  guint                   position;      /* 1 for the first step: names the fields */
};

G_DEFINE_FINAL_TYPE (FacturesLadderStepRow, factures_ladder_step_row, GTK_TYPE_LIST_BOX_ROW)

enum { CHANGED, REMOVE, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
template_label (const char *id)
{
  if (g_strcmp0 (id, "heads-up") == 0)
    return _("Friendly heads-up");
  if (g_strcmp0 (id, "email-courteous") == 0)
    return _("Courteous reminder");
  if (g_strcmp0 (id, "email-firm") == 0)
    return _("Firm reminder");
  return _("Chorus Pro reminder");
}

static const char *
default_template (FacturesDunningChannel  channel,
                  FacturesClientCategory  category)
{
  switch (channel)
    {
    case FACTURES_DUNNING_CHANNEL_EMAIL:         return "email-courteous";
    case FACTURES_DUNNING_CHANNEL_PHONE:         return "phone";
    case FACTURES_DUNNING_CHANNEL_SMS:           return "sms";
    case FACTURES_DUNNING_CHANNEL_LETTER:        return "letter-last-reminder";
    case FACTURES_DUNNING_CHANNEL_FORMAL_NOTICE: return "formal-notice";
    case FACTURES_DUNNING_CHANNEL_GUIDANCE:
    default:
      return category == FACTURES_CLIENT_CATEGORY_PUBLIC ? "guidance-public" : "guidance-court";
    }
}

static void
changed_cb (FacturesLadderStepRow *self)
{
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
channel_changed_cb (FacturesLadderStepRow *self)
{
  if (self->template == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->template),
                          gtk_drop_down_get_selected (self->channel) == FACTURES_DUNNING_CHANNEL_EMAIL);
  changed_cb (self);
}

static void
remove_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_signal_emit (widget, signals[REMOVE], 0);
}

FacturesDunningStep *
factures_ladder_step_row_get_step (FacturesLadderStepRow *self)
{
  FacturesDunningChannel channel;
  const char *template_id;

  g_return_val_if_fail (FACTURES_IS_LADDER_STEP_ROW (self), NULL);

  channel = (FacturesDunningChannel) gtk_drop_down_get_selected (self->channel);
  if (channel == FACTURES_DUNNING_CHANNEL_EMAIL)
    template_id = email_templates[MIN (gtk_drop_down_get_selected (self->template),
                                       G_N_ELEMENTS (email_templates) - 2)];
  else if (self->template_id != NULL &&
           g_strcmp0 (self->template_id, default_template (channel, self->category)) == 0)
    template_id = self->template_id;
  else
    template_id = default_template (channel, self->category);
  return factures_dunning_step_new (gtk_spin_button_get_value_as_int (self->spin), channel, template_id);
}

gint
factures_ladder_step_row_get_day (FacturesLadderStepRow *self)
{
  g_return_val_if_fail (FACTURES_IS_LADDER_STEP_ROW (self), 0);
  return gtk_spin_button_get_value_as_int (self->spin);
}

gboolean
factures_ladder_step_row_commit (FacturesLadderStepRow  *self,
                                 GError                **error)
{
  GtkAdjustment *adjustment;
  g_autofree char *text = NULL;
  gint64 day;

  g_return_val_if_fail (FACTURES_IS_LADDER_STEP_ROW (self), FALSE);

  adjustment = gtk_spin_button_get_adjustment (self->spin);
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->spin))));
  if (!g_ascii_string_to_signed (text, 10, (gint64) gtk_adjustment_get_lower (adjustment),
                                 (gint64) gtk_adjustment_get_upper (adjustment), &day, NULL))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   /* Translators: %u is the step's position, %s what was typed */
                   _("Days from the due date, step %u: “%s” is not a whole number of days "
                     "between %d and %d."),
                   self->position, text, (int) gtk_adjustment_get_lower (adjustment),
                   (int) gtk_adjustment_get_upper (adjustment));
      return FALSE;
    }
  /* Emits "changed" when the day typed differs from the value: the group saves it. */
  gtk_spin_button_update (self->spin);
  return TRUE;
}

static void
factures_ladder_step_row_dispose (GObject *object)
{
  FacturesLadderStepRow *self = FACTURES_LADDER_STEP_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_LADDER_STEP_ROW);
  g_clear_pointer (&self->template_id, g_free);

  G_OBJECT_CLASS (factures_ladder_step_row_parent_class)->dispose (object);
}

static void
factures_ladder_step_row_class_init (FacturesLadderStepRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = factures_ladder_step_row_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/preferences/factures-ladder-step-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesLadderStepRow, spin);
  gtk_widget_class_bind_template_child (widget_class, FacturesLadderStepRow, channel);
  gtk_widget_class_bind_template_child (widget_class, FacturesLadderStepRow, template);
  gtk_widget_class_bind_template_child (widget_class, FacturesLadderStepRow, remove);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, channel_changed_cb);
  gtk_widget_class_install_action (widget_class, "step.remove", NULL, remove_activated);
}

static void
factures_ladder_step_row_init (FacturesLadderStepRow *self)
{
  const char *channels[FACTURES_DUNNING_N_CHANNELS + 1];
  const char *templates[G_N_ELEMENTS (email_templates)];
  g_autoptr (GtkStringList) channel_list = NULL;
  g_autoptr (GtkStringList) template_list = NULL;

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < FACTURES_DUNNING_N_CHANNELS; i++)
    channels[i] = factures_dunning_channel_label ((FacturesDunningChannel) i);
  channels[FACTURES_DUNNING_N_CHANNELS] = NULL;
  for (guint i = 0; email_templates[i] != NULL; i++)
    templates[i] = template_label (email_templates[i]);
  templates[G_N_ELEMENTS (email_templates) - 1] = NULL;
  channel_list = gtk_string_list_new (channels);
  template_list = gtk_string_list_new (templates);
  gtk_drop_down_set_model (self->channel, G_LIST_MODEL (channel_list));
  gtk_drop_down_set_model (self->template, G_LIST_MODEL (template_list));
  self->loading = FALSE;
}

GtkWidget *
factures_ladder_step_row_new (const FacturesDunningStep *step,
                              guint                      position,
                              FacturesClientCategory     category)
{
  FacturesLadderStepRow *self = g_object_new (FACTURES_TYPE_LADDER_STEP_ROW, NULL);
  /* Translators: accessible names in a ladder editor, %u is the step's position */
  g_autofree char *spin_name = g_strdup_printf (_("Days from the due date, step %u"), position);
  g_autofree char *channel_name = g_strdup_printf (_("Channel, step %u"), position);
  g_autofree char *template_name = g_strdup_printf (_("E-mail text, step %u"), position);
  g_autofree char *remove_name = g_strdup_printf (_("Remove step %u"), position);

  self->loading = TRUE;
  self->position = position;
  self->category = category;
  self->template_id = g_strdup (step->template_id);
  gtk_spin_button_set_value (self->spin, step->offset_days);
  gtk_drop_down_set_selected (self->channel, step->channel);
  for (guint i = 0; email_templates[i] != NULL; i++)
    if (g_strcmp0 (email_templates[i], step->template_id) == 0)
      gtk_drop_down_set_selected (self->template, i);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spin), GTK_ACCESSIBLE_PROPERTY_LABEL, spin_name, -1);
  factures_drop_down_set_accessible_label (GTK_WIDGET (self->channel), channel_name);
  factures_drop_down_set_accessible_label (GTK_WIDGET (self->template), template_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
  channel_changed_cb (self);
  self->loading = FALSE;
  return GTK_WIDGET (self);
}
