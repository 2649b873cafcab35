/* factures-pdf-preview.c — a poppler view of PDF bytes with page navigation
 *
 * The page is drawn by poppler onto the cairo context of a GtkDrawingArea,
 * scaled to fit, on a white sheet; GTK keeps the result until the next change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>

#include "factures-documents.h"
#include "factures-error.h"
#include "factures-pdf-preview.h"

struct _FacturesPdfPreview
{
  GtkBox           parent_instance;

  PopplerDocument *document;
  GBytes          *bytes;
  guint            page;

  GtkWidget       *stack;
  GtkWidget       *area;
  GtkWidget       *message;
  GtkWidget       *nav;
  GtkWidget       *page_label;
};

G_DEFINE_FINAL_TYPE (FacturesPdfPreview, factures_pdf_preview, GTK_TYPE_BOX)

static void
update_navigation (FacturesPdfPreview *self)
{
  guint n_pages = factures_pdf_preview_get_n_pages (self);
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->nav, n_pages > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous-page", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next-page", self->page + 1 < n_pages);
  /* Translators: page navigation of the preview, "Page 1 / 3" */
  text = g_strdup_printf (_("Page %u / %u"), self->page + 1, MAX (n_pages, 1));
  gtk_label_set_text (GTK_LABEL (self->page_label), text);
}

static void
draw_page (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  FacturesPdfPreview *self = user_data;
  PopplerPage *page;
  double page_width, page_height, scale, x, y;
  const double margin = 12.0;

  /* A neutral desk under the white sheet, in light and dark styles alike. */
  cairo_set_source_rgb (cr, 0.82, 0.82, 0.84);
  cairo_paint (cr);

  if (self->document == NULL)
    return;

  page = poppler_document_get_page (self->document, self->page);
  if (page == NULL)
    return;

  poppler_page_get_size (page, &page_width, &page_height);
  scale = MIN ((width - 2 * margin) / page_width, (height - 2 * margin) / page_height);
  if (page_width <= 0 || page_height <= 0 || scale <= 0)
    {
      g_object_unref (page);
      return;
    }

  x = (width - page_width * scale) / 2.0;
  y = (height - page_height * scale) / 2.0;

  /* A soft shadow, then the sheet. */
  cairo_save (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_rectangle (cr, x + 1, y + 2, page_width * scale, page_height * scale);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, page_width * scale, page_height * scale);
  cairo_fill (cr);

  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, page_width, page_height);
  cairo_clip (cr);
  poppler_page_render (page, cr);
  cairo_restore (cr);

  g_object_unref (page);
}

static void
previous_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  FacturesPdfPreview *self = FACTURES_PDF_PREVIEW (widget);

  if (self->page > 0)
    factures_pdf_preview_set_page (self, self->page - 1);
}

static void
next_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FacturesPdfPreview *self = FACTURES_PDF_PREVIEW (widget);

  factures_pdf_preview_set_page (self, self->page + 1);
}

static void
factures_pdf_preview_dispose (GObject *object)
{
  FacturesPdfPreview *self = FACTURES_PDF_PREVIEW (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), FACTURES_TYPE_PDF_PREVIEW);

  G_OBJECT_CLASS (factures_pdf_preview_parent_class)->dispose (object);
}

static void
factures_pdf_preview_class_init (FacturesPdfPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = factures_pdf_preview_dispose;

  gtk_widget_class_set_css_name (widget_class, "pdfpreview");
  /* A static library drops the self-registering constructor of the bundle. */
  factures_documents_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Factures/ui/documents/factures-pdf-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, FacturesPdfPreview, stack);
  gtk_widget_class_bind_template_child (widget_class, FacturesPdfPreview, area);
  gtk_widget_class_bind_template_child (widget_class, FacturesPdfPreview, message);
  gtk_widget_class_bind_template_child (widget_class, FacturesPdfPreview, nav);
  gtk_widget_class_bind_template_child (widget_class, FacturesPdfPreview, page_label);

  gtk_widget_class_install_action (widget_class, "preview.previous-page", NULL, previous_page_action);
  gtk_widget_class_install_action (widget_class, "preview.next-page", NULL, next_page_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "preview.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "preview.next-page", NULL);
}

static void
factures_pdf_preview_init (FacturesPdfPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_page, self, NULL);
  update_navigation (self);
}

/**
 * factures_pdf_preview_new:
 *
 * Returns: (transfer floating): an empty preview
 */
GtkWidget *
factures_pdf_preview_new (void)
{
  return g_object_new (FACTURES_TYPE_PDF_PREVIEW, NULL);
}

/**
 * factures_pdf_preview_set_bytes:
 * @bytes: (nullable): PDF bytes, kept by the preview
 *
 * Shows the PDF; the current page is kept when it still exists, so a preview
 * that follows edits does not jump back to page 1.
 *
 * Returns: FALSE with FACTURES_ERROR_FORMAT when poppler cannot read @bytes
 */
gboolean
factures_pdf_preview_set_bytes (FacturesPdfPreview  *self,
                                GBytes              *bytes,
                                GError             **error)
{
  PopplerDocument *document = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (FACTURES_IS_PDF_PREVIEW (self), FALSE);

  if (bytes != NULL)
    {
      document = poppler_document_new_from_bytes (bytes, NULL, &local_error);
      if (document == NULL)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                       _("The preview cannot be shown: %s"), local_error->message);
          factures_pdf_preview_set_message (self, _("The preview cannot be shown."));
          return FALSE;
        }
    }

  g_clear_object (&self->document);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  self->document = g_steal_pointer (&document);
  self->bytes = bytes ? g_bytes_ref (bytes) : NULL;

  if (self->page >= factures_pdf_preview_get_n_pages (self))
    self->page = factures_pdf_preview_get_n_pages (self) > 0 ? factures_pdf_preview_get_n_pages (self) - 1 : 0;

  gtk_stack_set_visible_child (GTK_STACK (self->stack), self->area);
  gtk_widget_queue_draw (self->area);
  update_navigation (self);

  return TRUE;
}

void
factures_pdf_preview_set_message (FacturesPdfPreview *self,
                                  const char         *message)
{
  g_return_if_fail (FACTURES_IS_PDF_PREVIEW (self));

  gtk_label_set_text (GTK_LABEL (self->message), message);
  gtk_stack_set_visible_child (GTK_STACK (self->stack), self->message);
  gtk_widget_set_visible (self->nav, FALSE);
}

guint
factures_pdf_preview_get_n_pages (FacturesPdfPreview *self)
{
  g_return_val_if_fail (FACTURES_IS_PDF_PREVIEW (self), 0);

  if (self->document == NULL)
    return 0;

  return (guint) MAX (poppler_document_get_n_pages (self->document), 0);
}

/* 0-based. */
guint
factures_pdf_preview_get_page (FacturesPdfPreview *self)
{
  g_return_val_if_fail (FACTURES_IS_PDF_PREVIEW (self), 0);

  return self->page;
}

void
factures_pdf_preview_set_page (FacturesPdfPreview *self,
                               guint               page)
{
  g_return_if_fail (FACTURES_IS_PDF_PREVIEW (self));

  if (page >= factures_pdf_preview_get_n_pages (self))
    return;

  self->page = page;
  gtk_widget_queue_draw (self->area);
  update_navigation (self);
}
