/* factures-quote-decision-dialog.c — "Accept the Quote?" / "Refuse the Quote?" with the date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-documents.h"
#include "factures-quote-decision-dialog.h"

struct _FacturesQuoteDecisionDialog
{
  AdwMessageDialog  parent_instance;

  gboolean          accepted;

  /* template */
  GtkWidget        *date_entry;
};

G_DEFINE_FINAL_TYPE (FacturesQuoteDecisionDialog, factures_quote_decision_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
factures_quote_decision_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), FACTURES_TYPE_QUOTE_DECISION_DIALOG);

  G_OBJECT_CLASS (factures_quote_decision_dialog_parent_class)->dispose (object);
}

static void
factures_quote_decision_dialog_class_init (FacturesQuoteDecisionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = factures_quote_decision_dialog_dispose;

  /* A static library drops the self-registering constructor of the bundle. */
  factures_documents_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/documents/factures-quote-decision-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesQuoteDecisionDialog, date_entry);
}

static void
factures_quote_decision_dialog_init (FacturesQuoteDecisionDialog *self)
{
  g_autofree char *today_text = NULL;
  GDate today;

  gtk_widget_init_template (GTK_WIDGET (self));
  factures_today (&today);
  today_text = factures_date_format_fr (&today);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), today_text);
}

FacturesQuoteDecisionDialog *
factures_quote_decision_dialog_new (GtkWindow *parent,
                                    gboolean   accepted)
{
  FacturesQuoteDecisionDialog *self;

  self = g_object_new (FACTURES_TYPE_QUOTE_DECISION_DIALOG,
                       "transient-for", parent,
                       "heading", accepted ? _("Accept the Quote?") : _("Refuse the Quote?"),
                       "body", accepted ? _("Record the date of the client’s signed “bon pour accord”.")
                                        : _("Record the date of the client’s refusal."),
                       NULL);
  self->accepted = accepted;
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("Cancel"),
                                    "ok", accepted ? _("Accept") : _("Refuse"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "ok",
                                              accepted ? ADW_RESPONSE_SUGGESTED : ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
  return self;
}

gboolean
factures_quote_decision_dialog_get_accepted (FacturesQuoteDecisionDialog *self)
{
  g_return_val_if_fail (FACTURES_IS_QUOTE_DECISION_DIALOG (self), FALSE);

  return self->accepted;
}

const char *
factures_quote_decision_dialog_get_date_text (FacturesQuoteDecisionDialog *self)
{
  g_return_val_if_fail (FACTURES_IS_QUOTE_DECISION_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->date_entry));
}
