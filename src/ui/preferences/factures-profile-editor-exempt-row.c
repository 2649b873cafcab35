/* factures-profile-editor-exempt-row.c — one exempt activity of the seller
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-document.h"
#include "factures-profile-editor-exempt-row.h"

struct _FacturesProfileEditorExemptRow
{
  AdwActionRow  parent_instance;

  /* Template children */
  GtkWidget    *remove;
};

G_DEFINE_FINAL_TYPE (FacturesProfileEditorExemptRow, factures_profile_editor_exempt_row, ADW_TYPE_ACTION_ROW)

enum { REMOVE_REQUESTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
remove_clicked_cb (FacturesProfileEditorExemptRow *self)
{
  g_signal_emit (self, signals[REMOVE_REQUESTED], 0);
}

static void
factures_profile_editor_exempt_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), FACTURES_TYPE_PROFILE_EDITOR_EXEMPT_ROW);

  G_OBJECT_CLASS (factures_profile_editor_exempt_row_parent_class)->dispose (object);
}

static void
factures_profile_editor_exempt_row_class_init (FacturesProfileEditorExemptRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = factures_profile_editor_exempt_row_dispose;

  /**
   * FacturesProfileEditorExemptRow::remove-requested:
   * The remove button was clicked.
   */
  signals[REMOVE_REQUESTED] = g_signal_new ("remove-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/preferences/factures-profile-editor-exempt-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesProfileEditorExemptRow, remove);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
factures_profile_editor_exempt_row_init (FacturesProfileEditorExemptRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
factures_profile_editor_exempt_row_new (const FacturesExemptActivity *activity)
{
  FacturesProfileEditorExemptRow *self;
  g_autofree char *remove_label = NULL;

  g_return_val_if_fail (activity != NULL, NULL);

  self = g_object_new (FACTURES_TYPE_PROFILE_EDITOR_EXEMPT_ROW, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), activity->label);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), factures_vat_exemption_label (activity->basis));
  /* Translators: the button that removes an exempt activity, e.g. "Remove “Cours particuliers”" */
  remove_label = g_strdup_printf (_("Remove “%s”"), activity->label);
  gtk_widget_set_tooltip_text (self->remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  return GTK_WIDGET (self);
}
