/* factures-ladder-group.c — the dunning ladder of one client category
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-dunning.h"
#include "factures-ladder-group.h"
#include "factures-ladder-step-row.h"
#include "factures-store-payments.h"

struct _FacturesLadderGroup
{
  AdwPreferencesGroup     parent_instance;

  GtkListBox             *steps_box;
  GtkLabel               *error_label;

  FacturesStore          *store;
  FacturesClientCategory  category;
  gboolean                loading;
};

G_DEFINE_FINAL_TYPE (FacturesLadderGroup, factures_ladder_group, ADW_TYPE_PREFERENCES_GROUP)

static const char *
category_title (FacturesClientCategory category)
{
  switch (category)
    {
    case FACTURES_CLIENT_CATEGORY_INDIVIDUAL:  return _("Individuals");
    case FACTURES_CLIENT_CATEGORY_COMPANY:     return _("Companies");
    case FACTURES_CLIENT_CATEGORY_ASSOCIATION: return _("Associations");
    case FACTURES_CLIENT_CATEGORY_PUBLIC:
    default:                                   return _("Public Bodies");
    }
}

static void
show_error (FacturesLadderGroup *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->steps_box),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message != NULL ? message : "", -1);
}

static FacturesDunningLadder *
collect (FacturesLadderGroup *self)
{
  FacturesDunningLadder *ladder = factures_dunning_ladder_new (self->category);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->steps_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (FACTURES_IS_LADDER_STEP_ROW (row))
      g_ptr_array_add (ladder->steps, factures_ladder_step_row_get_step (FACTURES_LADDER_STEP_ROW (row)));
  return ladder;
}

/* Saves the ladder as shown; a refusal is said under the steps and nothing is saved. */
static void
apply (FacturesLadderGroup *self)
{
  g_autoptr (FacturesDunningLadder) ladder = NULL;
  g_autoptr (GError) error = NULL;

  if (self->loading || self->store == NULL)
    return;
  ladder = collect (self);
  if (!factures_store_save_ladder (self->store, ladder, &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
}

gboolean
factures_ladder_group_flush (FacturesLadderGroup *self)
{
  g_autoptr (GError) first = NULL;

  g_return_val_if_fail (FACTURES_IS_LADDER_GROUP (self), FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->steps_box));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      g_autoptr (GError) error = NULL;

      if (FACTURES_IS_LADDER_STEP_ROW (row) &&
          !factures_ladder_step_row_commit (FACTURES_LADDER_STEP_ROW (row), &error) && first == NULL)
        {
          first = g_steal_pointer (&error);
          gtk_widget_grab_focus (row);   /* scrolled to, under the dialog that asks */
        }
    }
  if (first != NULL)
    {
      show_error (self, first->message);
      return FALSE;
    }
  /* A refusal still shown: the ladder on screen is not the one saved. */
  return !gtk_widget_get_visible (GTK_WIDGET (self->error_label));
}

static void
step_removed_cb (FacturesLadderStepRow *row,
                 FacturesLadderGroup   *self)
{
  gtk_list_box_remove (self->steps_box, GTK_WIDGET (row));
  apply (self);
}

static void
append_step (FacturesLadderGroup       *self,
             const FacturesDunningStep *step,
             guint                      position)
{
  GtkWidget *row = factures_ladder_step_row_new (step, position, self->category);

  g_signal_connect_swapped (row, "changed", G_CALLBACK (apply), self);
  g_signal_connect (row, "remove", G_CALLBACK (step_removed_cb), self);
  gtk_list_box_append (self->steps_box, row);
}

static void
fill (FacturesLadderGroup         *self,
      const FacturesDunningLadder *ladder)
{
  GtkWidget *child;

  self->loading = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->steps_box))) != NULL)
    gtk_list_box_remove (self->steps_box, child);
  for (guint i = 0; i < ladder->steps->len; i++)
    append_step (self, g_ptr_array_index (ladder->steps, i), i + 1);
  self->loading = FALSE;
}

static void
add_step_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FacturesLadderGroup *self = FACTURES_LADDER_GROUP (widget);
  g_autoptr (FacturesDunningStep) step = NULL;
  gint last = 0;
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->steps_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row), n++)
    if (FACTURES_IS_LADDER_STEP_ROW (row))
      last = MAX (last, factures_ladder_step_row_get_day (FACTURES_LADDER_STEP_ROW (row)));
  step = factures_dunning_step_new (last + 7, FACTURES_DUNNING_CHANNEL_EMAIL, "email-firm");
  append_step (self, step, n + 1);
  apply (self);
}

static void
restore_defaults_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  FacturesLadderGroup *self = FACTURES_LADDER_GROUP (widget);
  g_autoptr (FacturesDunningLadder) ladder = factures_dunning_ladder_new_default (self->category);

  fill (self, ladder);
  show_error (self, NULL);
  apply (self);
}

static void
factures_ladder_group_dispose (GObject *object)
{
  FacturesLadderGroup *self = FACTURES_LADDER_GROUP (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_LADDER_GROUP);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (factures_ladder_group_parent_class)->dispose (object);
}

static void
factures_ladder_group_class_init (FacturesLadderGroupClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = factures_ladder_group_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/preferences/factures-ladder-group.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesLadderGroup, steps_box);
  gtk_widget_class_bind_template_child (widget_class, FacturesLadderGroup, error_label);
  gtk_widget_class_install_action (widget_class, "ladder.add-step", NULL, add_step_activated);
  gtk_widget_class_install_action (widget_class, "ladder.restore-defaults", NULL, restore_defaults_activated);
}

static void
factures_ladder_group_init (FacturesLadderGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
factures_ladder_group_new (FacturesStore          *store,
                           FacturesClientCategory  category)
{
  FacturesLadderGroup *self = g_object_new (FACTURES_TYPE_LADDER_GROUP, NULL);
  g_autoptr (FacturesDunningLadder) ladder = NULL;
  g_autoptr (GError) error = NULL;
  /* Translators: accessible name of a list, %s is a client category */
  g_autofree char *list_name = g_strdup_printf (_("Reminder steps for %s"), category_title (category));

  self->category = category;
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), category_title (category));
  if (category == FACTURES_CLIENT_CATEGORY_PUBLIC)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                           _("Public buyers pay through Chorus Pro; after the formal notice "
                                             "the route is the administrative court."));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->steps_box), GTK_ACCESSIBLE_PROPERTY_LABEL, list_name, -1);

  ladder = factures_store_get_ladder (store, category, &error);
  if (ladder == NULL)
    {
      show_error (self, error->message);
      ladder = factures_dunning_ladder_new_default (category);
    }
  fill (self, ladder);
  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}
