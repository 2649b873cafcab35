/* factures-pdf.c — A4 page layout of documents with cairo + pango (DESIGN.md §6)
 *
 * The layout is computed once, device-independently (72 dpi Pango context,
 * unhinted metrics), as a list of blocks (positioned Pango layouts, rules,
 * fills and the logo) and table rows, then paginated:
 *   - page 1 carries the full header (seller, title and number, dates, buyer);
 *     later pages a running header;
 *   - the table header repeats on every page that has rows;
 *   - a row is never split unless it alone is taller than a page, and then only
 *     between lines of its description;
 *   - totals and mentions come together on the last page; when they do not fit
 *     they are pushed to a new page, taking the last row with them so that the
 *     table goes on there;
 *   - every page has a footer with the seller's legal identity and "Page n / N".
 * The PDF is always in French (it is a legal document for the French market),
 * whatever the locale of the program, so its texts are not translated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "factures-output"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "factures-date.h"
#include "factures-money.h"
#include "factures-schedule.h"
#include "factures-terms.h"
#include "factures-fonts.h"
#include "factures-pdf.h"
#include "factures-currency.h"
#include "factures-epc-qr.h"
#include "factures-qr.h"
#include "factures-facturx.h"
#include "factures-pdf-private.h"

/* ---- pagination ---- */

static double
tail_height (FacturesPdfLayout *self)
{
  double h = 0;

  for (guint i = 0; i < self->tail->len; i++)
    h += ((Block *) g_ptr_array_index (self->tail, i))->height;
  return h;
}

static Page *
add_page (FacturesPdfLayout *self,
          gboolean           has_table,
          double            *y)
{
  Page *page = factures_pdf_impl_page_new (has_table);

  g_ptr_array_add (self->pages, page);
  *y = self->pages->len == 1 ? self->first_table_top : self->running_table_top;
  if (has_table)
    *y += self->table_header->height;
  return page;
}

static void
page_add_item (Page     *page,
               ItemKind  kind,
               guint     index,
               gint      first_line,
               gint      n_lines,
               double    y,
               double    height)
{
  Item item = { kind, index, first_line, n_lines, y, height };

  g_array_append_val (page->items, item);
}

static void
paginate (FacturesPdfLayout *self)
{
  const double header_h = self->table_header->height;
  const double running_capacity = CONTENT_BOTTOM - self->running_table_top - header_h;
  double y;
  double tail_h = tail_height (self);
  Page *page = add_page (self, TRUE, &y);
  guint rows_on_page = 0;

  for (guint r = 0; r < self->rows->len; r++)
    {
      Row *row = g_ptr_array_index (self->rows, r);
      gint n_lines, line;

      if (y + row->height <= CONTENT_BOTTOM + 0.01)
        {
          page_add_item (page, ITEM_ROW, r, 0, -1, y, row->height);
          y += row->height;
          rows_on_page++;
          continue;
        }
      if (row->height <= running_capacity)
        {
          page = add_page (self, TRUE, &y);
          page_add_item (page, ITEM_ROW, r, 0, -1, y, row->height);
          y += row->height;
          rows_on_page = 1;
          continue;
        }

      /* Taller than a page: split between lines of the description. */
      n_lines = pango_layout_get_line_count (row->cells[COL_DESCRIPTION]);
      line = 0;
      while (line < n_lines)
        {
          gint k = 0;
          double h = 0;

          while (line + k < n_lines
                 && y + factures_pdf_impl_row_part_height (row, line, k + 1) <= CONTENT_BOTTOM + 0.01)
            k++;
          if (k == 0 && rows_on_page > 0)
            {
              page = add_page (self, TRUE, &y);
              rows_on_page = 0;
              continue;
            }
          k = MAX (k, 1);
          h = factures_pdf_impl_row_part_height (row, line, k);
          page_add_item (page, ITEM_ROW, r, line, k, y, h);
          y += h;
          rows_on_page++;
          line += k;
          if (line < n_lines)
            {
              page = add_page (self, TRUE, &y);
              rows_on_page = 0;
            }
        }
    }

  /* Totals and mentions: together on the last page. When they are taller
   * than a page anyway, they follow the table and flow block by block. */
  if (y + TAIL_GAP + tail_h > CONTENT_BOTTOM
      && TAIL_GAP + tail_h <= CONTENT_BOTTOM - self->running_table_top)
    {
      Item *last = page->items->len > 0
                   ? &g_array_index (page->items, Item, page->items->len - 1) : NULL;

      if (last != NULL && page->items->len >= 2 && last->kind == ITEM_ROW && last->n_lines < 0
          && header_h + last->height + TAIL_GAP + tail_h <= CONTENT_BOTTOM - self->running_table_top)
        {
          /* Carry the last row over, so the table goes on where the totals are. */
          Item moved = *last;

          g_array_set_size (page->items, page->items->len - 1);
          page = add_page (self, TRUE, &y);
          page_add_item (page, ITEM_ROW, moved.index, 0, -1, y, moved.height);
          y += moved.height;
        }
      else
        {
          page = add_page (self, FALSE, &y);
          y -= TAIL_GAP;
        }
    }
  y += TAIL_GAP;

  for (guint b = 0; b < self->tail->len; b++)
    {
      Block *block = g_ptr_array_index (self->tail, b);

      double needed = block->height;

      /* A section title goes with the first paragraph under it. */
      if (block->keep_with_next && b + 1 < self->tail->len)
        needed += ((Block *) g_ptr_array_index (self->tail, b + 1))->height;
      if (y + needed > CONTENT_BOTTOM + 0.01 && page->items->len > 0)
        page = add_page (self, FALSE, &y);
      page_add_item (page, ITEM_BLOCK, b, 0, -1, y, block->height);
      y += block->height;
    }
}

/* ---- drawing ---- */

static void
set_color (cairo_t   *cr,
           const Rgb *color)
{
  cairo_set_source_rgb (cr, color->r, color->g, color->b);
}

static void
draw_block (cairo_t     *cr,
            const Block *block,
            double       top)
{
  cairo_save (cr);
  cairo_translate (cr, 0, top);

  for (guint i = 0; i < block->shapes->len; i++)
    {
      const Shape *s = &g_array_index (block->shapes, Shape, i);

      set_color (cr, &s->color);
      switch (s->kind)
        {
        case SHAPE_FILL:
          cairo_rectangle (cr, s->x0, s->y0, s->x1 - s->x0, s->y1 - s->y0);
          cairo_fill (cr);
          break;
        case SHAPE_FRAME:
          cairo_set_line_width (cr, s->width);
          cairo_rectangle (cr, s->x0, s->y0, s->x1 - s->x0, s->y1 - s->y0);
          cairo_stroke (cr);
          break;
        case SHAPE_LINE:
        default:
          cairo_set_line_width (cr, s->width);
          cairo_move_to (cr, s->x0, s->y0);
          cairo_line_to (cr, s->x1, s->y1);
          cairo_stroke (cr);
          break;
        }
    }

  if (block->image != NULL)
    {
      double sx = block->image_w / cairo_image_surface_get_width (block->image);
      double sy = block->image_h / cairo_image_surface_get_height (block->image);

      cairo_save (cr);
      cairo_translate (cr, block->image_x, block->image_y);
      cairo_scale (cr, sx, sy);
      cairo_set_source_surface (cr, block->image, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
      cairo_restore (cr);
    }

  for (guint i = 0; i < block->texts->len; i++)
    {
      const Text *t = g_ptr_array_index (block->texts, i);

      set_color (cr, &t->color);
      cairo_move_to (cr, t->x, t->y);
      pango_cairo_show_layout (cr, t->layout);
    }

  cairo_restore (cr);
}

static void
draw_row (FacturesPdfLayout *self,
          cairo_t           *cr,
          const Item        *item)
{
  Row *row = g_ptr_array_index (self->rows, item->index);
  double top = item->y + CELL_PAD_Y;

  set_color (cr, &ink);
  if (item->n_lines < 0)
    {
      cairo_move_to (cr, self->col_x[COL_DESCRIPTION] + CELL_PAD_X, top);
      pango_cairo_show_layout (cr, row->cells[COL_DESCRIPTION]);
    }
  else
    {
      /* Lines [first_line, first_line + n_lines) of the description. */
      PangoLayoutIter *iter = pango_layout_get_iter (row->cells[COL_DESCRIPTION]);
      double first_top = -1;
      gint i = 0;

      do
        {
          if (i >= item->first_line && i < item->first_line + item->n_lines)
            {
              PangoRectangle logical;
              int y0, y1;
              double baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

              pango_layout_iter_get_line_yrange (iter, &y0, &y1);
              pango_layout_iter_get_line_extents (iter, NULL, &logical);
              if (first_top < 0)
                first_top = (double) y0 / PANGO_SCALE;
              cairo_move_to (cr,
                             self->col_x[COL_DESCRIPTION] + CELL_PAD_X
                               + (double) logical.x / PANGO_SCALE,
                             top + baseline - first_top);
              pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
            }
          i++;
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }

  if (item->first_line == 0)
    {
      for (guint c = 1; c < N_COLS; c++)
        {
          if (row->cells[c] == NULL)
            continue;
          cairo_move_to (cr, self->col_x[c] + CELL_PAD_X, top);
          pango_cairo_show_layout (cr, row->cells[c]);
        }
    }

  set_color (cr, &rule);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_X, item->y + item->height);
  cairo_line_to (cr, RIGHT_EDGE, item->y + item->height);
  cairo_stroke (cr);
}

/* "Brouillon" across the page, as outlines (not text, so that it does not
 * mix with the extracted text). */
static void
draw_watermark (FacturesPdfLayout *self,
                cairo_t           *cr,
                const char        *text)
{
  PangoLayout *layout = factures_pdf_impl_make_layout (self, text, STYLE_WATERMARK, -1, PANGO_ALIGN_LEFT);
  double w = factures_pdf_impl_layout_width (layout), h = factures_pdf_impl_layout_height (layout);

  cairo_save (cr);
  cairo_translate (cr, PAGE_W / 2, PAGE_H / 2);
  cairo_rotate (cr, -G_PI / 5);
  cairo_move_to (cr, -w / 2, -h / 2);
  pango_cairo_layout_path (cr, layout);
  set_color (cr, &wmark);
  cairo_fill (cr);
  cairo_restore (cr);
  g_object_unref (layout);
}

/* ------------------------------------------------------------------------ */

static const FacturesProfile *
empty_profile (void)
{
  static FacturesProfile profile;
  return &profile;
}

static const FacturesClient *
empty_client (void)
{
  static FacturesClient client;
  return &client;
}

/**
 * factures_pdf_layout_new:
 * @document: the document; its seller and buyer may be %NULL (drawn empty)
 * @flags: %FACTURES_PDF_FLAG_DRAFT marks the document "Brouillon" (also
 *   implied when the document has no number); %FACTURES_PDF_FLAG_DUPLICATA
 *   marks every page "Duplicata"
 * @error: %FACTURES_ERROR_OVERFLOW when the totals do not fit in 64 bits
 *
 * Lays @document out on A4 pages (points, origin top-left): full header on
 * page 1, running header after it, lines table with its header on every page,
 * rows split only when taller than a page, totals and mentions (LEGAL.md §1:
 * VAT per rate or art. 293 B, due date, penalty rate, 40 € indemnity for
 * professional buyers (C. com. D441-5), escompte, insurance, bank details) on
 * the last page, footer with the seller's legal identity and "Page n / N".
 * Every figure comes from factures_document_compute_totals().
 *
 * Returns: (transfer full) (nullable): the layout, or %NULL with @error set
 */
FacturesPdfLayout *
factures_pdf_layout_new (const FacturesDocument *document,
                         FacturesPdfFlags        flags,
                         GError                **error)
{
  g_autoptr(FacturesPdfLayout) self = NULL;
  g_auto(FacturesTotals) totals = { 0, };
  const FacturesProfile *seller;
  const FacturesClient *buyer;
  gboolean vat_registered, b2b;
  guint n_lines;

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!factures_document_compute_totals (document, &totals, error))
    return NULL;

  seller = document->seller != NULL ? document->seller : empty_profile ();
  buyer = document->buyer != NULL ? document->buyer : empty_client ();
  vat_registered = seller->vat_regime == FACTURES_VAT_REGIME_REGISTERED;
  b2b = document->buyer != NULL && factures_client_category_is_b2b (buyer->category);

  self = g_new0 (FacturesPdfLayout, 1);
  self->flags = flags;
  self->duplicata = (flags & FACTURES_PDF_FLAG_DUPLICATA) != 0;
  /* Not the status: the store renders the original while issuing. */
  self->draft = (flags & FACTURES_PDF_FLAG_DRAFT) != 0 || factures_pdf_impl_is_blank (document->number);
  self->context = factures_fonts_create_context ();
  self->title = g_strdup (factures_pdf_impl_kind_title (document->kind));
  self->number = self->draft ? NULL : g_strdup (document->number);
  self->seller_name = g_strdup (seller->party.name != NULL ? seller->party.name : "");
  self->currency = factures_currency_is_euro (document->currency) ? NULL : g_strdup (document->currency);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_pdf_impl_row_free);
  self->tail = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_pdf_impl_block_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_pdf_impl_page_free);

  factures_pdf_impl_setup_columns (self, vat_registered);
  self->first_header = factures_pdf_impl_build_first_header (self, document, seller, buyer, b2b);
  self->running_header = factures_pdf_impl_build_running_header (self);
  self->table_header = factures_pdf_impl_build_table_header (self);
  self->footer = factures_pdf_impl_build_footer (self, seller);
  self->first_table_top = MARGIN_TOP + self->first_header->height + HEADER_GAP;
  self->running_table_top = MARGIN_TOP + CONT_HEADER_H;

  n_lines = document->lines != NULL ? document->lines->len : 0;
  for (guint i = 0; i < n_lines; i++)
    {
      const FacturesLine *line = g_ptr_array_index (document->lines, i);
      gint64 net = i < totals.line_nets->len ? g_array_index (totals.line_nets, gint64, i) : 0;

      g_ptr_array_add (self->rows, factures_pdf_impl_build_row (self, line, net));
    }

  factures_pdf_impl_build_tail (self, document, seller, buyer, &totals, vat_registered, b2b);
  paginate (self);

  return g_steal_pointer (&self);
}

/**
 * factures_pdf_layout_get_n_pages:
 *
 * Returns: the number of pages (at least 1)
 */
guint
factures_pdf_layout_get_n_pages (FacturesPdfLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);
  return layout->pages->len;
}

/**
 * factures_pdf_layout_draw_page:
 * @layout: a layout
 * @cr: any cairo context (PDF, print, image); units are points, origin at the
 *   top-left corner of the A4 page; the caller scales for other devices
 * @page: 0-based page index, below factures_pdf_layout_get_n_pages()
 *
 * Draws one page. The state of @cr is saved and restored.
 */
void
factures_pdf_layout_draw_page (FacturesPdfLayout *layout,
                               cairo_t           *cr,
                               guint              page)
{
  FacturesPdfLayout *self = layout;
  const Page *p;
  g_autofree char *page_text = NULL;
  g_autoptr(PangoLayout) page_layout = NULL;
  double table_top;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  p = g_ptr_array_index (self->pages, page);

  cairo_save (cr);

  if (self->draft)
    draw_watermark (self, cr, "BROUILLON");

  if (page == 0)
    {
      draw_block (cr, self->first_header, MARGIN_TOP);
      table_top = self->first_table_top;
    }
  else
    {
      draw_block (cr, self->running_header, MARGIN_TOP);
      table_top = self->running_table_top;
    }

  if (p->has_table)
    draw_block (cr, self->table_header, table_top);

  for (guint i = 0; i < p->items->len; i++)
    {
      const Item *item = &g_array_index (p->items, Item, i);

      if (item->kind == ITEM_ROW)
        draw_row (self, cr, item);
      else
        draw_block (cr, g_ptr_array_index (self->tail, item->index), item->y);
    }

  /* Footer, with the page number on the right. */
  draw_block (cr, self->footer, FOOTER_TOP);
  page_text = g_strdup_printf ("Page %u / %u", page + 1, self->pages->len);
  page_layout = factures_pdf_impl_make_layout (self, page_text, STYLE_FOOTER, 70.0, PANGO_ALIGN_RIGHT);
  set_color (cr, &muted);
  cairo_move_to (cr, RIGHT_EDGE - 70.0, FOOTER_TOP + 6.0);
  pango_cairo_show_layout (cr, page_layout);

  cairo_restore (cr);
}

char *
factures_pdf_impl_money (const FacturesPdfLayout *self,
                         gint64                   cents)
{
  return factures_currency_format (cents, self->currency);
}

char *
factures_pdf_impl_unit_price (const FacturesPdfLayout *self,
                              gint64                   unit_price)
{
  g_autofree char *euros = factures_unit_price_format (unit_price);

  if (self->currency == NULL)
    return g_steal_pointer (&euros);
  /* "12,50 €" → "12,50 GBP": the same digits, the code for the sign. */
  g_assert (g_str_has_suffix (euros, "€"));
  euros[strlen (euros) - strlen ("€")] = '\0';
  return g_strconcat (euros, self->currency, NULL);
}

void
factures_pdf_layout_free (FacturesPdfLayout *layout)
{
  if (layout == NULL)
    return;
  g_free (layout->title);
  g_free (layout->number);
  g_free (layout->seller_name);
  g_free (layout->currency);
  factures_pdf_impl_block_free (layout->first_header);
  factures_pdf_impl_block_free (layout->running_header);
  factures_pdf_impl_block_free (layout->table_header);
  factures_pdf_impl_block_free (layout->footer);
  g_clear_pointer (&layout->rows, g_ptr_array_unref);
  g_clear_pointer (&layout->tail, g_ptr_array_unref);
  g_clear_pointer (&layout->pages, g_ptr_array_unref);
  g_clear_object (&layout->context);
  g_free (layout);
}

/* ---- PDF ---- */

static cairo_status_t
write_to_byte_array (void                *closure,
                     const unsigned char *data,
                     unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* SOURCE_DATE_EPOCH (reproducible builds) as ISO 8601 UTC, or NULL. */
static char *
source_date_epoch_iso8601 (void)
{
  const char *env = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GDateTime) dt = NULL;
  gint64 epoch;
  char *end = NULL;

  if (env == NULL || *env == '\0')
    return NULL;
  epoch = g_ascii_strtoll (env, &end, 10);
  if (end == env || *end != '\0' || epoch < 0)
    {
      g_warning ("Ignoring SOURCE_DATE_EPOCH=%s: not a number of seconds", env);
      return NULL;
    }
  dt = g_date_time_new_from_unix_utc (epoch);
  if (dt == NULL)
    return NULL;
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * factures_pdf_render:
 * @document: the document to render
 * @flags: see factures_pdf_layout_new()
 * @error: %FACTURES_ERROR_OVERFLOW from the totals, %FACTURES_ERROR_FORMAT when
 *   cairo fails
 *
 * The whole document as a PDF (A4, fonts embedded and subset, text
 * extractable). Title and author metadata are the document title and number
 * and the seller's name. When SOURCE_DATE_EPOCH is set, the creation and
 * modification dates come from it, so the same input gives the same bytes.
 *
 * Returns: (transfer full) (nullable): the PDF bytes
 */
GBytes *
factures_pdf_render (const FacturesDocument *document,
                     FacturesPdfFlags        flags,
                     GError                **error)
{
  g_autoptr(FacturesPdfLayout) layout = NULL;
  g_autoptr(GByteArray) bytes = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  layout = factures_pdf_layout_new (document, flags, error);
  if (layout == NULL)
    return NULL;

  bytes = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (write_to_byte_array, bytes, PAGE_W, PAGE_H);
  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_5);

  if (layout->draft)
    title = g_strdup_printf ("%s (brouillon)", layout->title);
  else
    title = g_strdup_printf ("%s %s", layout->title, layout->number);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if (*layout->seller_name != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, layout->seller_name);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Factures");
  date = source_date_epoch_iso8601 ();
  if (date != NULL)
    {
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
    }

  cr = cairo_create (surface);
  for (guint i = 0; i < factures_pdf_layout_get_n_pages (layout); i++)
    {
      factures_pdf_layout_draw_page (layout, cr, i);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                   _("Could not write the PDF: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
