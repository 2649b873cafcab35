/* factures-document-cell.c — one cell of the documents list (issue 11)
 *
 * GTK 4.8's GtkColumnView has no row widget (GtkColumnViewRow is 4.12), so a list row is
 * a row of these cells: each knows its column and shows a FacturesDocumentRow with the
 * facts the page read for it (factures-document-status.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-currency.h"
#include "factures-date.h"
#include "factures-document-cell.h"
#include "factures-lifecycle.h"
#include "factures-money.h"

struct _FacturesDocumentCell
{
  GtkWidget               parent_instance;

  FacturesDocumentColumn  column;

  /* template */
  GtkWidget              *label;
};

G_DEFINE_FINAL_TYPE (FacturesDocumentCell, factures_document_cell, GTK_TYPE_WIDGET)

static const char * const state_classes[] = { "dim-label", "error", "success", "warning", NULL };

static char *
iso_to_fr (const char *iso)
{
  GDate date;

  if (iso == NULL || *iso == '\0' || !factures_date_parse_iso (iso, &date, NULL))
    return g_strdup ("");
  return factures_date_format_fr (&date);
}

static char *
cell_text (FacturesDocumentColumn       column,
           FacturesDocumentRow         *row,
           const FacturesDocumentFacts *facts)
{
  switch (column)
    {
    case FACTURES_DOCUMENT_COLUMN_NUMBER:
      if (factures_document_row_get_number (row) != NULL)
        return g_strdup (factures_document_row_get_number (row));
      return g_strdup (_("Draft"));

    case FACTURES_DOCUMENT_COLUMN_KIND:
      return g_strdup (factures_document_kind_title (factures_document_row_get_kind (row)));

    case FACTURES_DOCUMENT_COLUMN_CLIENT:
      return g_strdup (factures_document_row_get_client_name (row)
                       ? factures_document_row_get_client_name (row) : "");

    case FACTURES_DOCUMENT_COLUMN_ISSUE_DATE:
      return iso_to_fr (factures_document_row_get_issue_date (row));

    case FACTURES_DOCUMENT_COLUMN_DUE_DATE:
      return iso_to_fr (factures_document_row_get_due_date (row));

    case FACTURES_DOCUMENT_COLUMN_TOTAL:
      /* Issue 13 item 4: in the document's currency. */
      return factures_currency_format (factures_document_row_get_total (row),
                                       factures_document_row_get_currency (row));

    case FACTURES_DOCUMENT_COLUMN_LEFT:
      /* Only what an issued invoice still waits for; a dash for the others. */
      if (facts->status != FACTURES_DOCUMENT_STATUS_ISSUED ||
          (facts->kind != FACTURES_DOCUMENT_KIND_INVOICE && facts->kind != FACTURES_DOCUMENT_KIND_DEPOSIT))
        return g_strdup ("—");
      return factures_currency_format (facts->balance, factures_document_row_get_currency (row));

    case FACTURES_DOCUMENT_COLUMN_STATUS:
      return factures_document_state_label (facts);

    case FACTURES_N_DOCUMENT_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static const char *
status_style (const FacturesDocumentFacts *facts)
{
  switch (factures_document_state_of (facts))
    {
    case FACTURES_DOCUMENT_STATE_OVERDUE:
      return "error";
    case FACTURES_DOCUMENT_STATE_DISPUTED:
    case FACTURES_DOCUMENT_STATE_PARTLY_PAID:
      return "warning";
    case FACTURES_DOCUMENT_STATE_PAID:
      return "success";
    case FACTURES_DOCUMENT_STATE_DRAFT:
    case FACTURES_DOCUMENT_STATE_CANCELLED:
      return "dim-label";
    case FACTURES_DOCUMENT_STATE_QUOTE:
      /* An accepted quote waits for its invoice; refused and expired ones are over. */
      if (facts->quote_status == FACTURES_QUOTE_STATUS_ACCEPTED)
        return "success";
      if (facts->quote_status == FACTURES_QUOTE_STATUS_REFUSED ||
          facts->quote_status == FACTURES_QUOTE_STATUS_EXPIRED)
        return "dim-label";
      return NULL;
    case FACTURES_DOCUMENT_STATE_ANY:
    case FACTURES_DOCUMENT_STATE_ISSUED:
    case FACTURES_DOCUMENT_STATE_SENT:
    case FACTURES_N_DOCUMENT_STATES:
    default:
      return NULL;
    }
}

void
factures_document_cell_bind (FacturesDocumentCell        *self,
                             FacturesDocumentRow         *row,
                             const FacturesDocumentFacts *facts)
{
  g_autofree char *text = NULL;
  const char *style = NULL;

  g_return_if_fail (FACTURES_IS_DOCUMENT_CELL (self));
  g_return_if_fail (FACTURES_IS_DOCUMENT_ROW (row));

  text = cell_text (self->column, row, facts);
  gtk_label_set_text (GTK_LABEL (self->label), text);

  for (guint i = 0; state_classes[i] != NULL; i++)
    gtk_widget_remove_css_class (self->label, state_classes[i]);
  if (self->column == FACTURES_DOCUMENT_COLUMN_NUMBER && facts->status == FACTURES_DOCUMENT_STATUS_DRAFT)
    style = "dim-label";
  else if (self->column == FACTURES_DOCUMENT_COLUMN_STATUS)
    style = status_style (facts);
  if (style != NULL)
    gtk_widget_add_css_class (self->label, style);
}

GtkWidget *
factures_document_cell_new (FacturesDocumentColumn column)
{
  FacturesDocumentCell *self = g_object_new (FACTURES_TYPE_DOCUMENT_CELL, NULL);

  self->column = column;
  switch (column)
    {
    case FACTURES_DOCUMENT_COLUMN_TOTAL:
    case FACTURES_DOCUMENT_COLUMN_LEFT:
      gtk_label_set_xalign (GTK_LABEL (self->label), 1.0);
      gtk_widget_add_css_class (self->label, "numeric");
      break;
    case FACTURES_DOCUMENT_COLUMN_ISSUE_DATE:
    case FACTURES_DOCUMENT_COLUMN_DUE_DATE:
      gtk_widget_add_css_class (self->label, "numeric");
      break;
    case FACTURES_DOCUMENT_COLUMN_NUMBER:
    case FACTURES_DOCUMENT_COLUMN_KIND:
    case FACTURES_DOCUMENT_COLUMN_CLIENT:
    case FACTURES_DOCUMENT_COLUMN_STATUS:
    case FACTURES_N_DOCUMENT_COLUMNS:
    default:
      break;
    }
  return GTK_WIDGET (self);
}

static void
factures_document_cell_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), FACTURES_TYPE_DOCUMENT_CELL);

  G_OBJECT_CLASS (factures_document_cell_parent_class)->dispose (object);
}

static void
factures_document_cell_class_init (FacturesDocumentCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = factures_document_cell_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/documents/factures-document-cell.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesDocumentCell, label);
}

static void
factures_document_cell_init (FacturesDocumentCell *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
