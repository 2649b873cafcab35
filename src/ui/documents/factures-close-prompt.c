/* factures-close-prompt.c — "Save the Draft?" when an editor with unsaved changes closes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "factures-documents.h"
#include "factures-close-prompt.h"

struct _FacturesClosePrompt
{
  AdwMessageDialog parent_instance;
};

G_DEFINE_FINAL_TYPE (FacturesClosePrompt, factures_close_prompt, ADW_TYPE_MESSAGE_DIALOG)

static void
factures_close_prompt_class_init (FacturesClosePromptClass *klass)
{
  /* A static library drops the self-registering constructor of the bundle. */
  factures_documents_register_resources ();
  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               "/org/example/Factures/ui/documents/factures-close-prompt.ui");
}

static void
factures_close_prompt_init (FacturesClosePrompt *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

FacturesClosePrompt *
factures_close_prompt_new (GtkWindow *parent)
{
  return g_object_new (FACTURES_TYPE_CLOSE_PROMPT, "transient-for", parent, NULL);
}
