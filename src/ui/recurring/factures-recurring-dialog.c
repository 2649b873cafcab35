/* factures-recurring-dialog.c — "Make Recurring": a template from a saved document
 *
 * The template (factures-recurring-dialog.ui) holds the period, the first invoice, the end
 * and the mode; "recurring.create" (Ctrl+Return) creates the template through the store,
 * whose refusal is shown under the form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-form.h"
#include "factures-recurring-dialog.h"
#include "factures-store-recurring.h"

static const FacturesPeriod periods[] = {
  FACTURES_PERIOD_MONTHLY, FACTURES_PERIOD_QUARTERLY, FACTURES_PERIOD_YEARLY,
};

struct _FacturesRecurringDialog
{
  AdwWindow      parent_instance;

  FacturesStore *store;
  gint64         document_id;

  GtkWidget     *period_row;
  GtkWidget     *start_row;
  GtkWidget     *end_row;
  GtkWidget     *mode_row;
  GtkWidget     *errors;
};

G_DEFINE_FINAL_TYPE (FacturesRecurringDialog, factures_recurring_dialog, ADW_TYPE_WINDOW)

static void
show_error (FacturesRecurringDialog *self,
            const char              *message)
{
  gtk_label_set_text (GTK_LABEL (self->errors), message);
  gtk_widget_set_visible (self->errors, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->errors), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  message, -1);
}

static void
create_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FacturesRecurringDialog *self = FACTURES_RECURRING_DIALOG (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *start_text = factures_editable_get_trimmed (self->start_row);
  g_autofree char *end_text = factures_editable_get_trimmed (self->end_row);
  guint period = adw_combo_row_get_selected (ADW_COMBO_ROW (self->period_row));
  GDate start, end;

  g_date_clear (&end, 1);
  if (!factures_date_parse_fr (start_text, _("First invoice"), &start, &error) ||
      (*end_text != '\0' && !factures_date_parse_fr (end_text, _("End"), &end, &error)))
    {
      show_error (self, error->message);
      return;
    }
  if (factures_store_recurring_from_document (self->store, self->document_id,
                                              periods[MIN (period, G_N_ELEMENTS (periods) - 1)],
                                              &start, &end,
                                              adw_combo_row_get_selected (ADW_COMBO_ROW (self->mode_row)) == 1,
                                              &error) == 0)
    {
      show_error (self, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
factures_recurring_dialog_dispose (GObject *object)
{
  FacturesRecurringDialog *self = FACTURES_RECURRING_DIALOG (object);

  g_clear_object (&self->store);
  G_OBJECT_CLASS (factures_recurring_dialog_parent_class)->dispose (object);
}

static void
factures_recurring_dialog_class_init (FacturesRecurringDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = factures_recurring_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/recurring/factures-recurring-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesRecurringDialog, period_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesRecurringDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesRecurringDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesRecurringDialog, mode_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesRecurringDialog, errors);

  gtk_widget_class_install_action (widget_class, "recurring.create", NULL, create_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "recurring.create", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
factures_recurring_dialog_init (FacturesRecurringDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  factures_entry_row_name_once (self->start_row);
  factures_entry_row_name_once (self->end_row);
}

/**
 * factures_recurring_dialog_new:
 * (see factures-recurring-dialog.h)
 */
FacturesRecurringDialog *
factures_recurring_dialog_new (GtkWindow     *parent,
                               FacturesStore *store,
                               gint64         document_id)
{
  FacturesRecurringDialog *self;
  g_autoptr (FacturesDocument) document = NULL;
  g_autofree char *start = NULL;
  GDate next;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  self = g_object_new (FACTURES_TYPE_RECURRING_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->document_id = document_id;

  /* The first invoice of the series: one month after this document's date. */
  document = factures_store_get_document (store, document_id, NULL);
  if (document != NULL && g_date_valid (&document->issue_date))
    factures_recurrence_nth (&document->issue_date, FACTURES_PERIOD_MONTHLY, 1, &next);
  else
    factures_today (&next);
  start = factures_date_format_fr (&next);
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), start);
  return self;
}
