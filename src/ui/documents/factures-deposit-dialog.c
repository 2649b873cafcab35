/* factures-deposit-dialog.c — "Deposit Invoice": a share of the quote, as a percentage or an amount
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "factures-deposit-dialog.h"
#include "factures-documents.h"

struct _FacturesDepositDialog
{
  AdwMessageDialog  parent_instance;

  /* template */
  GtkWidget        *percent_entry;
  GtkWidget        *amount_entry;
};

G_DEFINE_FINAL_TYPE (FacturesDepositDialog, factures_deposit_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
factures_deposit_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), FACTURES_TYPE_DEPOSIT_DIALOG);

  G_OBJECT_CLASS (factures_deposit_dialog_parent_class)->dispose (object);
}

static void
factures_deposit_dialog_class_init (FacturesDepositDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = factures_deposit_dialog_dispose;

  /* A static library drops the self-registering constructor of the bundle. */
  factures_documents_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/documents/factures-deposit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesDepositDialog, percent_entry);
  gtk_widget_class_bind_template_child (widget_class, FacturesDepositDialog, amount_entry);
}

static void
factures_deposit_dialog_init (FacturesDepositDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

FacturesDepositDialog *
factures_deposit_dialog_new (GtkWindow *parent)
{
  return g_object_new (FACTURES_TYPE_DEPOSIT_DIALOG, "transient-for", parent, NULL);
}

const char *
factures_deposit_dialog_get_percent_text (FacturesDepositDialog *self)
{
  g_return_val_if_fail (FACTURES_IS_DEPOSIT_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->percent_entry));
}

const char *
factures_deposit_dialog_get_amount_text (FacturesDepositDialog *self)
{
  g_return_val_if_fail (FACTURES_IS_DEPOSIT_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->amount_entry));
}
