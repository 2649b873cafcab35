/* factures-document-line-row.c — one line of an issued document, as it was issued
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-currency.h"
#include "factures-document-line-row.h"
#include "factures-documents.h"
#include "factures-money.h"

struct _FacturesDocumentLineRow
{
  GtkListBoxRow  parent_instance;

  GtkLabel      *description;
  GtkLabel      *detail;
  GtkLabel      *amount;
};

G_DEFINE_FINAL_TYPE (FacturesDocumentLineRow, factures_document_line_row, GTK_TYPE_LIST_BOX_ROW)

static void
factures_document_line_row_class_init (FacturesDocumentLineRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  factures_documents_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/documents/factures-document-line-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesDocumentLineRow, description);
  gtk_widget_class_bind_template_child (widget_class, FacturesDocumentLineRow, detail);
  gtk_widget_class_bind_template_child (widget_class, FacturesDocumentLineRow, amount);
}

static void
factures_document_line_row_init (FacturesDocumentLineRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
factures_document_line_row_new (const FacturesLine *line,
                                gint64              net)
{
  return factures_document_line_row_new_in (line, net, NULL);
}

GtkWidget *
factures_document_line_row_new_in (const FacturesLine *line,
                                   gint64              net,
                                   const char         *currency)
{
  FacturesDocumentLineRow *self = g_object_new (FACTURES_TYPE_DOCUMENT_LINE_ROW, NULL);
  g_autofree char *quantity = factures_quantity_format (line->quantity);
  g_autofree char *price = factures_currency_format_unit_price (line->unit_price, currency);
  g_autofree char *amount = factures_currency_format (net, currency);
  g_autofree char *detail = NULL;

  if (line->unit != NULL && *line->unit != '\0')
    /* Translators: "3 jour × 380,00 €": quantity, unit, unit price of a line */
    detail = g_strdup_printf (_("%s %s × %s"), quantity, line->unit, price);
  else
    /* Translators: "3 × 380,00 €": quantity and unit price of a line */
    detail = g_strdup_printf (_("%s × %s"), quantity, price);

  gtk_label_set_text (self->description, line->description != NULL ? line->description : "");
  gtk_label_set_text (self->detail, detail);
  gtk_label_set_text (self->amount, amount);
  return GTK_WIDGET (self);
}
