/* factures-client-document-row.c — one document in the client editor's history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-client-document-row.h"
#include "factures-currency.h"
#include "factures-documents.h"

struct _FacturesClientDocumentRow
{
  AdwActionRow   parent_instance;

  FacturesStore *store;
  gint64         document_id;
};

G_DEFINE_FINAL_TYPE (FacturesClientDocumentRow, factures_client_document_row, ADW_TYPE_ACTION_ROW)

static void
activated_cb (FacturesClientDocumentRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  factures_editor_window_open (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                               self->document_id, 0);
}

static void
factures_client_document_row_dispose (GObject *object)
{
  FacturesClientDocumentRow *self = FACTURES_CLIENT_DOCUMENT_ROW (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_CLIENT_DOCUMENT_ROW);

  G_OBJECT_CLASS (factures_client_document_row_parent_class)->dispose (object);
}

static void
factures_client_document_row_class_init (FacturesClientDocumentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = factures_client_document_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/clients/factures-client-document-row.ui");
  gtk_widget_class_bind_template_callback (widget_class, activated_cb);
}

static void
factures_client_document_row_init (FacturesClientDocumentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
factures_client_document_row_new (FacturesStore       *store,
                                  FacturesDocumentRow *document)
{
  FacturesClientDocumentRow *self;
  const char *number = factures_document_row_get_number (document);
  g_autofree char *title = NULL;
  /* in the document's currency (finding T5) */
  const char *currency = factures_document_row_get_currency (document);
  g_autofree char *total = factures_currency_format (factures_document_row_get_total (document), currency);
  g_autofree char *date = NULL;
  g_autoptr (GString) subtitle = g_string_new (NULL);
  GDate d;

  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);

  self = g_object_new (FACTURES_TYPE_CLIENT_DOCUMENT_ROW, NULL);
  self->store = g_object_ref (store);
  self->document_id = factures_document_row_get_id (document);

  /* Translators: "F2026-0001 — Invoice" or "Draft — Invoice" */
  title = g_strdup_printf (_("%s — %s"), number ? number : _("Draft"),
                           factures_document_kind_title (factures_document_row_get_kind (document)));
  if (factures_date_parse_iso (factures_document_row_get_issue_date (document), &d, NULL))
    date = factures_date_format_fr (&d);
  g_string_append_printf (subtitle, "%s — %s", date ? date : "", total);
  if (factures_document_row_get_balance (document) > 0)
    {
      g_autofree char *balance = factures_currency_format (factures_document_row_get_balance (document), currency);

      g_string_append (subtitle, " — ");
      /* Translators: part of a document's subtitle: "50,00 € due" */
      g_string_append_printf (subtitle, _("%s due"), balance);
    }
  if (factures_document_row_get_days_late (document) > 0)
    {
      gint days = factures_document_row_get_days_late (document);

      g_string_append (subtitle, " — ");
      g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%d day late", "%d days late", days),
                              days);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle->str);
  return GTK_WIDGET (self);
}
