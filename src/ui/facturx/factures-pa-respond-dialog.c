/* factures-pa-respond-dialog.c — the buyer's answer about a supplier invoice (PA)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-facturx-ui-private.h"
#include "factures-pa-respond-dialog.h"
#include "factures-pa-sync.h"
#include "factures-store-einvoicing.h"

/* The rows of the answer list, in order. */
static const gint answer_codes[] = { 205, 207, 210 };

struct _FacturesPaRespondDialog
{
  AdwMessageDialog  parent_instance;

  GtkWindow        *parent;
  FacturesStore    *store;
  gint64            imported_id;
  char             *number;

  /* template */
  AdwComboRow      *answer_row;
  AdwComboRow      *reason_code_row;
  GtkStringList    *reason_codes;
  AdwEntryRow      *reason_row;
};

G_DEFINE_FINAL_TYPE (FacturesPaRespondDialog, factures_pa_respond_dialog, ADW_TYPE_MESSAGE_DIALOG)

static gint
selected_code (FacturesPaRespondDialog *self)
{
  guint i = adw_combo_row_get_selected (self->answer_row);

  return i < G_N_ELEMENTS (answer_codes) ? answer_codes[i] : 0;
}

/* An approval needs no reason code; a dispute or a refusal does (PA.md §2). */
static void
answer_changed_cb (FacturesPaRespondDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->reason_code_row), selected_code (self) != 205);
}

static void
response_cb (FacturesPaRespondDialog *self,
             const char              *response)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint code = selected_code (self);
  const char *reason_code = NULL;
  const char *reason = gtk_editable_get_text (GTK_EDITABLE (self->reason_row));
  guint i;

  if (g_strcmp0 (response, "send") != 0)
    return;
  i = adw_combo_row_get_selected (self->reason_code_row);
  if (code != 205 && i != GTK_INVALID_LIST_POSITION)
    reason_code = gtk_string_list_get_string (self->reason_codes, i);
  if (factures_pa_respond (self->store, self->imported_id, code, reason_code,
                           reason != NULL && *reason != '\0' ? reason : NULL, &error) == 0)
    {
      _factures_facturx_show_message (self->parent, _("The answer cannot be sent"), error->message);
      return;
    }
  /* Translators: the first %s is the answer (e.g. "Dispute (207)"), the second the invoice's number */
  text = g_strdup_printf (_("%s about invoice %s is in the e-invoicing outbox: it is deposited at the next synchronisation"),
                          gtk_string_object_get_string (GTK_STRING_OBJECT (adw_combo_row_get_selected_item (self->answer_row))),
                          self->number != NULL ? self->number : "");
  _factures_facturx_toast (self->parent, text);
}

void
factures_pa_respond_dialog_set_answer (FacturesPaRespondDialog *self,
                                       gint                     code,
                                       const char              *reason_code,
                                       const char              *reason)
{
  g_return_if_fail (FACTURES_IS_PA_RESPOND_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (answer_codes); i++)
    if (answer_codes[i] == code)
      adw_combo_row_set_selected (self->answer_row, i);
  for (guint i = 0; reason_code != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->reason_codes)); i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->reason_codes, i), reason_code) == 0)
      adw_combo_row_set_selected (self->reason_code_row, i);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), reason != NULL ? reason : "");
}

static void
factures_pa_respond_dialog_dispose (GObject *object)
{
  FacturesPaRespondDialog *self = FACTURES_PA_RESPOND_DIALOG (object);

  g_clear_object (&self->parent);
  g_clear_object (&self->store);
  g_clear_pointer (&self->number, g_free);
  G_OBJECT_CLASS (factures_pa_respond_dialog_parent_class)->dispose (object);
}

static void
factures_pa_respond_dialog_class_init (FacturesPaRespondDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = factures_pa_respond_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/facturx/factures-pa-respond-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesPaRespondDialog, answer_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesPaRespondDialog, reason_code_row);
  gtk_widget_class_bind_template_child (widget_class, FacturesPaRespondDialog, reason_codes);
  gtk_widget_class_bind_template_child (widget_class, FacturesPaRespondDialog, reason_row);
  gtk_widget_class_bind_template_callback (widget_class, answer_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, response_cb);
}

static void
factures_pa_respond_dialog_init (FacturesPaRespondDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The reason codes of PA.md §2, as the platforms name them. */
  for (const char * const *code = factures_pa_business_reason_codes (); *code != NULL; code++)
    gtk_string_list_append (self->reason_codes, *code);
}

GtkWidget *
factures_pa_respond_dialog_new (GtkWindow     *parent,
                                FacturesStore *store,
                                gint64         imported_id,
                                const char    *number)
{
  /* Translators: %s is the supplier invoice's number */
  g_autofree char *heading = g_strdup_printf (_("Answer about invoice %s"), number != NULL ? number : "");
  FacturesPaRespondDialog *self = g_object_new (FACTURES_TYPE_PA_RESPOND_DIALOG, "transient-for", parent,
                                                "heading", heading,
                                                "body", _("Your answer goes to the seller through the plateforme agréée. A dispute or a refusal needs the reason code that fits best."),
                                                NULL);

  self->parent = parent != NULL ? g_object_ref (parent) : NULL;
  self->store = g_object_ref (store);
  self->imported_id = imported_id;
  self->number = g_strdup (number);
  return GTK_WIDGET (self);
}
