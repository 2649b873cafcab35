/* factures-document-print.c — GtkPrintOperation for drafts (cairo layout) and
 * issued documents (their stored original, rendered by poppler)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>

#include "factures-document-print.h"
#include "factures-pdf.h"

/* The print operation of one document: what GtkPrintOperation draws from, in its instance
 * (Text Editor's EditorPrintOperation pattern) rather than in object data. */
struct _FacturesDocumentPrint
{
  GtkPrintOperation  parent_instance;

  FacturesPdfLayout *layout;     /* a draft: drawn by the PDF layout code */
  PopplerDocument   *original;   /* an issued document: its stored original */
};

G_DEFINE_FINAL_TYPE (FacturesDocumentPrint, factures_document_print_operation, GTK_TYPE_PRINT_OPERATION)

GBytes *
factures_document_pdf_bytes (FacturesStore           *store,
                             const FacturesDocument  *document,
                             GError                 **error)
{
  g_return_val_if_fail (FACTURES_IS_STORE (store), NULL);
  g_return_val_if_fail (document != NULL, NULL);

  if (document->status == FACTURES_DOCUMENT_STATUS_ISSUED)
    return factures_store_get_original (store, document->id, error);

  return factures_pdf_render (document, FACTURES_PDF_FLAG_DRAFT, error);
}

static void
factures_document_print_begin_print (GtkPrintOperation *operation,
                                     GtkPrintContext   *context)
{
  FacturesDocumentPrint *self = (FacturesDocumentPrint *) operation;
  guint n_pages;

  if (self->layout != NULL)
    n_pages = factures_pdf_layout_get_n_pages (self->layout);
  else
    n_pages = (guint) MAX (poppler_document_get_n_pages (self->original), 0);

  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
factures_document_print_draw_page (GtkPrintOperation *operation,
                                   GtkPrintContext   *context,
                                   int                page_nr)
{
  FacturesDocumentPrint *self = (FacturesDocumentPrint *) operation;
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double page_width = FACTURES_PDF_PAGE_WIDTH;
  double page_height = FACTURES_PDF_PAGE_HEIGHT;
  PopplerPage *page = NULL;
  double scale;

  if (self->original != NULL)
    {
      page = poppler_document_get_page (self->original, page_nr);
      if (page == NULL)
        return;
      poppler_page_get_size (page, &page_width, &page_height);
    }

  /* Fit the A4 page into the printable area, keeping its proportions. */
  scale = MIN (width / page_width, height / page_height);

  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  if (self->layout != NULL)
    factures_pdf_layout_draw_page (self->layout, cr, (guint) page_nr);
  else
    poppler_page_render_for_printing (page, cr);
  cairo_restore (cr);

  g_clear_object (&page);
}

static void
factures_document_print_finalize (GObject *object)
{
  FacturesDocumentPrint *self = (FacturesDocumentPrint *) object;

  g_clear_pointer (&self->layout, factures_pdf_layout_free);
  g_clear_object (&self->original);

  G_OBJECT_CLASS (factures_document_print_operation_parent_class)->finalize (object);
}

static void
factures_document_print_operation_class_init (FacturesDocumentPrintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = factures_document_print_finalize;
  operation_class->begin_print = factures_document_print_begin_print;
  operation_class->draw_page = factures_document_print_draw_page;
}

static void
factures_document_print_operation_init (FacturesDocumentPrint *self)
{
}

gboolean
factures_document_print (GtkWindow               *parent,
                         FacturesStore           *store,
                         const FacturesDocument  *document,
                         GError                 **error)
{
  return factures_document_print_run (parent, store, document,
                                      GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, error);
}

gboolean
factures_document_print_run (GtkWindow               *parent,
                             FacturesStore           *store,
                             const FacturesDocument  *document,
                             GtkPrintOperationAction  action,
                             const char              *export_filename,
                             GError                 **error)
{
  g_autoptr (FacturesDocumentPrint) operation = NULL;
  g_autoptr (GtkPageSetup) setup = NULL;
  g_autoptr (GtkPaperSize) a4 = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *job_name = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (FACTURES_IS_STORE (store), FALSE);
  g_return_val_if_fail (document != NULL, FALSE);

  operation = g_object_new (FACTURES_TYPE_DOCUMENT_PRINT, NULL);

  if (document->status == FACTURES_DOCUMENT_STATUS_ISSUED)
    {
      g_autoptr (GBytes) bytes = factures_store_get_original (store, document->id, error);

      if (bytes == NULL)
        return FALSE;

      operation->original = poppler_document_new_from_bytes (bytes, NULL, &local_error);
      if (operation->original == NULL)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                       _("The stored original cannot be read: %s"), local_error->message);
          return FALSE;
        }
    }
  else
    {
      operation->layout = factures_pdf_layout_new (document, FACTURES_PDF_FLAG_DRAFT, error);
      if (operation->layout == NULL)
        return FALSE;
    }

  a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  setup = gtk_page_setup_new ();
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), setup);

  if (document->number != NULL)
    job_name = g_strdup_printf ("%s %s", factures_document_kind_title (document->kind), document->number);
  else
    job_name = g_strdup_printf (_("%s (draft)"), factures_document_kind_title (document->kind));
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (operation), job_name);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (operation), TRUE);

  if (export_filename != NULL)
    gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), export_filename);

  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), action, parent, &local_error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                   _("Printing failed: %s"), local_error ? local_error->message : "");
      return FALSE;
    }

  return TRUE;
}
