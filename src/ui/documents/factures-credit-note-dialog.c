/* factures-credit-note-dialog.c — "Credit Note": the whole invoice, chosen lines or an amount
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "factures-credit-note-dialog.h"
#include "factures-documents.h"

struct _FacturesCreditNoteDialog
{
  AdwMessageDialog  parent_instance;

  GPtrArray        *line_checks;   /* GtkToggleButton, one per line of the invoice */

  /* template */
  GtkWidget        *mode_full;
  GtkWidget        *mode_lines;
  GtkWidget        *mode_amount;
  GtkWidget        *lines_box;
  GtkWidget        *amount_entry;
};

G_DEFINE_FINAL_TYPE (FacturesCreditNoteDialog, factures_credit_note_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
factures_credit_note_dialog_dispose (GObject *object)
{
  FacturesCreditNoteDialog *self = FACTURES_CREDIT_NOTE_DIALOG (object);

  g_clear_pointer (&self->line_checks, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), FACTURES_TYPE_CREDIT_NOTE_DIALOG);

  G_OBJECT_CLASS (factures_credit_note_dialog_parent_class)->dispose (object);
}

static void
factures_credit_note_dialog_class_init (FacturesCreditNoteDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = factures_credit_note_dialog_dispose;

  /* A static library drops the self-registering constructor of the bundle. */
  factures_documents_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/documents/factures-credit-note-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesCreditNoteDialog, mode_full);
  gtk_widget_class_bind_template_child (widget_class, FacturesCreditNoteDialog, mode_lines);
  gtk_widget_class_bind_template_child (widget_class, FacturesCreditNoteDialog, mode_amount);
  gtk_widget_class_bind_template_child (widget_class, FacturesCreditNoteDialog, lines_box);
  gtk_widget_class_bind_template_child (widget_class, FacturesCreditNoteDialog, amount_entry);
}

static void
factures_credit_note_dialog_init (FacturesCreditNoteDialog *self)
{
  self->line_checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

FacturesCreditNoteDialog *
factures_credit_note_dialog_new (GtkWindow              *parent,
                                 const FacturesDocument *invoice)
{
  FacturesCreditNoteDialog *self;

  g_return_val_if_fail (invoice != NULL, NULL);

  self = g_object_new (FACTURES_TYPE_CREDIT_NOTE_DIALOG, "transient-for", parent, NULL);
  for (guint i = 0; i < invoice->lines->len; i++)
    {
      const FacturesLine *line = g_ptr_array_index (invoice->lines, i);
      g_autofree char *first = g_strdup (line->description ? line->description : "");
      g_autofree char *label = NULL;
      char *newline = strchr (first, '\n');
      GtkWidget *check;

      if (newline != NULL)
        *newline = '\0';
      /* Translators: "Line 2: Pose de carrelage" */
      label = g_strdup_printf (_("Line %u: %s"), i + 1, first);
      /* Toggle buttons: pressable over AT-SPI in GTK 4.8 (check buttons have no action). */
      check = gtk_toggle_button_new_with_label (label);
      gtk_widget_set_halign (check, GTK_ALIGN_START);
      g_ptr_array_add (self->line_checks, check);
      gtk_box_append (GTK_BOX (self->lines_box), check);
    }

  return self;
}

FacturesCreditNoteMode
factures_credit_note_dialog_get_mode (FacturesCreditNoteDialog *self)
{
  g_return_val_if_fail (FACTURES_IS_CREDIT_NOTE_DIALOG (self), FACTURES_CREDIT_NOTE_WHOLE);

  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->mode_lines)))
    return FACTURES_CREDIT_NOTE_LINES;
  if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->mode_amount)))
    return FACTURES_CREDIT_NOTE_AMOUNT;
  return FACTURES_CREDIT_NOTE_WHOLE;
}

GArray *
factures_credit_note_dialog_get_lines (FacturesCreditNoteDialog *self)
{
  GArray *chosen = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (FACTURES_IS_CREDIT_NOTE_DIALOG (self), chosen);

  for (guint i = 0; i < self->line_checks->len; i++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (g_ptr_array_index (self->line_checks, i))))
      g_array_append_val (chosen, i);
  return chosen;
}

const char *
factures_credit_note_dialog_get_amount_text (FacturesCreditNoteDialog *self)
{
  g_return_val_if_fail (FACTURES_IS_CREDIT_NOTE_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->amount_entry));
}
