/* factures-issue-dialog.c — "Issue This Invoice?", or every reason why it cannot be issued yet
 *
 * Issue 11 item 5: the refusal lists every wrong field, every missing mandatory mention
 * and every date rule at once (before, only the first, and the next after a second try).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-documents.h"
#include "factures-info-row.h"
#include "factures-issue-dialog.h"

struct _FacturesIssueDialog
{
  AdwMessageDialog  parent_instance;

  GPtrArray        *problems;   /* utf8 */

  /* template */
  GtkWidget        *problems_list;
};

G_DEFINE_FINAL_TYPE (FacturesIssueDialog, factures_issue_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
factures_issue_dialog_dispose (GObject *object)
{
  FacturesIssueDialog *self = FACTURES_ISSUE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_ISSUE_DIALOG);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (factures_issue_dialog_parent_class)->dispose (object);
}

static void
factures_issue_dialog_class_init (FacturesIssueDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = factures_issue_dialog_dispose;

  /* A static library drops the self-registering constructor of the bundle. */
  factures_documents_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/documents/factures-issue-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesIssueDialog, problems_list);
}

static void
factures_issue_dialog_init (FacturesIssueDialog *self)
{
  self->problems = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

FacturesIssueDialog *
factures_issue_dialog_new_confirm (GtkWindow  *parent,
                                   const char *body)
{
  FacturesIssueDialog *self = g_object_new (FACTURES_TYPE_ISSUE_DIALOG,
                                            "transient-for", parent,
                                            "body", body,
                                            NULL);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "issue", _("_Issue"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "issue", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");
  return self;
}

FacturesIssueDialog *
factures_issue_dialog_new_refused (GtkWindow *parent,
                                   GPtrArray *problems)
{
  FacturesIssueDialog *self;
  g_autofree char *body = NULL;

  g_return_val_if_fail (problems != NULL, NULL);

  body = g_strdup_printf (ngettext ("Correct this first:",
                                    "Correct these %u points first:",
                                    problems->len),
                          problems->len);
  self = g_object_new (FACTURES_TYPE_ISSUE_DIALOG,
                       "transient-for", parent,
                       "heading", _("This invoice cannot be issued yet"),
                       "body", body,
                       NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "close");

  for (guint i = 0; i < problems->len; i++)
    {
      const char *message = g_ptr_array_index (problems, i);

      gtk_list_box_append (GTK_LIST_BOX (self->problems_list),
                           factures_info_row_new (message, NULL, "dialog-error-symbolic"));
      g_ptr_array_add (self->problems, g_strdup (message));
    }
  gtk_widget_set_visible (self->problems_list, problems->len > 0);
  return self;
}

/**
 * factures_issue_dialog_add_warning:
 * @message: what the user should know before issuing (finding T11: an administration without
 *   service code)
 *
 * Lists @message with a warning icon in the confirmation; issuing stays possible. The message
 * is also in factures_issue_dialog_get_problems().
 */
void
factures_issue_dialog_add_warning (FacturesIssueDialog *self,
                                   const char          *message)
{
  g_return_if_fail (FACTURES_IS_ISSUE_DIALOG (self));
  g_return_if_fail (message != NULL);

  gtk_list_box_append (GTK_LIST_BOX (self->problems_list),
                       factures_info_row_new (message, NULL, "dialog-warning-symbolic"));
  g_ptr_array_add (self->problems, g_strdup (message));
  gtk_widget_set_visible (self->problems_list, TRUE);
}

GPtrArray *
factures_issue_dialog_get_problems (FacturesIssueDialog *self)
{
  g_return_val_if_fail (FACTURES_IS_ISSUE_DIALOG (self), NULL);

  return self->problems;
}
