/* factures-pdf-header.c — the page headers, the footer and the table of the PDF layout
 * (split from factures-pdf.c, whose header comment describes the layout)
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
#include "factures-epc-qr.h"
#include "factures-qr.h"
#include "factures-facturx.h"
#include "factures-pdf-private.h"

/* ---- page 1 header ---- */

static cairo_status_t
read_png_bytes (void          *closure,
                unsigned char *data,
                unsigned int   length)
{
  GInputStream *stream = closure;
  gsize n_read = 0;

  if (!g_input_stream_read_all (stream, data, length, &n_read, NULL, NULL) || n_read != length)
    return CAIRO_STATUS_READ_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
load_logo (GBytes *png)
{
  g_autoptr(GInputStream) stream = NULL;
  cairo_surface_t *surface;

  if (png == NULL || g_bytes_get_size (png) == 0)
    return NULL;
  stream = g_memory_input_stream_new_from_bytes (png);
  surface = cairo_image_surface_create_from_png_stream (read_png_bytes, stream);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS
      || cairo_image_surface_get_width (surface) <= 0
      || cairo_image_surface_get_height (surface) <= 0)
    {
      g_debug ("Ignoring a logo that is not a readable PNG");
      cairo_surface_destroy (surface);
      return NULL;
    }
  return surface;
}

/* Seller block (left) and title, number and dates (right), then dates (left)
 * and buyer (right). */
Block *
factures_pdf_impl_build_first_header (FacturesPdfLayout      *self,
                                      const FacturesDocument *document,
                                      const FacturesProfile  *seller,
                                      const FacturesClient   *buyer,
                                      gboolean                b2b)
{
  Block *block = factures_pdf_impl_block_new ();
  const double left_w = 250.0;
  const double right_w = 230.0;
  const double right_x = RIGHT_EDGE - right_w;
  double y_left = 0, y_right = 0, y2, y_dates, y_buyer;
  g_autofree char *address = NULL;
  g_autofree char *identifier = NULL;
  g_autofree char *registry = NULL;
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autoptr(GString) labels = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  /* a bilingual document lays its longer rows out one by one (factures-pdf-english.c) */
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  cairo_surface_t *logo = load_logo (seller->logo);

  /* Logo, scaled to fit, aspect ratio kept. */
  if (logo != NULL)
    {
      double w = cairo_image_surface_get_width (logo);
      double h = cairo_image_surface_get_height (logo);
      double scale = MIN (LOGO_MAX_W / w, LOGO_MAX_H / h);

      block->image = logo;
      block->image_x = MARGIN_X;
      block->image_y = 0;
      block->image_w = w * scale;
      block->image_h = h * scale;
      y_left = block->image_h + 10.0;
    }

  /* Seller */
  y_left += factures_pdf_impl_block_add_text (self, block, seller->party.name, STYLE_NAME,
                            MARGIN_X, y_left, left_w, PANGO_ALIGN_LEFT, &ink);
  y_left += 2.0;
  address = factures_pdf_impl_party_address (&seller->party);
  if (*address != '\0')
    y_left += factures_pdf_impl_block_add_text (self, block, address, STYLE_BODY,
                              MARGIN_X, y_left, left_w, PANGO_ALIGN_LEFT, &ink);
  y_left += 3.0;

  identifier = factures_pdf_impl_party_identifier (&seller->party);
  registry = factures_pdf_impl_registry_text (seller);
  if (identifier != NULL)
    g_string_append (ids, identifier);
  if (registry != NULL)
    g_string_append_printf (ids, "%s%s", ids->len > 0 ? " — " : "", registry);
  if (!factures_pdf_impl_is_blank (seller->party.vat_id))
    g_string_append_printf (ids, "%s%s : %s",
                            ids->len > 0 ? "\n" : "", factures_pdf_impl_tr (self, "N° TVA intracommunautaire"),
                            seller->party.vat_id);
  if (!factures_pdf_impl_is_blank (seller->party.email))
    g_string_append_printf (ids, "%s%s", ids->len > 0 ? "\n" : "", seller->party.email);
  if (!factures_pdf_impl_is_blank (seller->party.phone))
    g_string_append_printf (ids, "%sTél. %s",
                            factures_pdf_impl_is_blank (seller->party.email) ? (ids->len > 0 ? "\n" : "") : " — ",
                            seller->party.phone);
  if (ids->len > 0)
    y_left += factures_pdf_impl_block_add_text (self, block, ids->str, STYLE_SMALL,
                              MARGIN_X, y_left, left_w, PANGO_ALIGN_LEFT, &muted);

  /* Title and number */
  {
    /* On one line, smaller when long ("Facture d'acompte"). */
    PangoLayout *title = factures_pdf_impl_make_layout (self, self->title, STYLE_TITLE, -1, PANGO_ALIGN_LEFT);
    double w = factures_pdf_impl_layout_width (title);

    if (w > right_w)
      {
        PangoFontDescription *desc = factures_pdf_impl_style_font (STYLE_TITLE);

        pango_font_description_set_size (desc, (gint) (styles[STYLE_TITLE].size * right_w / w
                                                       * PANGO_SCALE));
        pango_layout_set_font_description (title, desc);
        pango_font_description_free (desc);
        w = factures_pdf_impl_layout_width (title);
      }
    y_right += factures_pdf_impl_block_add_layout (block, title, RIGHT_EDGE - w, y_right, &accent);
  }
  if (self->draft)
    {
      y_right += factures_pdf_impl_block_add_text (self, block, factures_pdf_impl_tr (self, "Brouillon"), STYLE_NUMBER,
                                 right_x, y_right, right_w, PANGO_ALIGN_RIGHT, &stamp);
    }
  else
    {
      g_autofree char *number = g_strdup_printf ("N° %s", self->number);
      y_right += factures_pdf_impl_block_add_text (self, block, number, STYLE_NUMBER,
                                 right_x, y_right, right_w, PANGO_ALIGN_RIGHT, &ink);
    }
  if (self->duplicata)
    {
      PangoLayout *layout = factures_pdf_impl_make_layout (self, factures_pdf_impl_tr (self, "Duplicata"), STYLE_STAMP, -1, PANGO_ALIGN_LEFT);
      double w = factures_pdf_impl_layout_width (layout), h = factures_pdf_impl_layout_height (layout);
      double x = RIGHT_EDGE - w - 8.0;

      y_right += 6.0;
      factures_pdf_impl_block_add_shape (block, SHAPE_FRAME, x - 0.5 - 3.0, y_right, RIGHT_EDGE - 0.5, y_right + h + 6.0,
                       1.2, &stamp);
      factures_pdf_impl_block_add_layout (block, layout, x - 3.0 + 4.0, y_right + 3.0, &stamp);
      y_right += h + 6.0;
    }

  /* Second band: dates (left), buyer (right). */
  y2 = MAX (y_left, y_right) + 20.0;

#define ADD_DATE_ROW(label, value) \
  G_STMT_START { \
    g_string_append_printf (labels, "%s%s :", labels->len > 0 ? "\n" : "", factures_pdf_impl_tr (self, (label))); \
    g_string_append_printf (values, "%s%s", values->len > 0 ? "\n" : "", factures_pdf_impl_tr (self, (value))); \
    g_ptr_array_add (rows, (gpointer) factures_pdf_impl_tr (self, (label))); \
    g_ptr_array_add (rows, (gpointer) factures_pdf_impl_keep (self, g_strdup (factures_pdf_impl_tr (self, (value))))); \
  } G_STMT_END

  {
    g_autofree char *issue = factures_pdf_impl_date_text (&document->issue_date);
    g_autofree char *delivery = NULL;
    g_autofree char *due = factures_pdf_impl_document_due_date_text (document, seller);

    if (g_date_valid (&document->delivery_date)
        && (!g_date_valid (&document->issue_date)
            || g_date_compare (&document->delivery_date, &document->issue_date) != 0))
      delivery = factures_pdf_impl_date_text (&document->delivery_date);

    if (issue != NULL)
      ADD_DATE_ROW ("Date d'émission", issue);
    if (delivery != NULL)
      ADD_DATE_ROW (strcmp (factures_vat_document_process_code (document), "B1") == 0
                      ? "Date de livraison" : "Date de livraison / prestation",
                    delivery);
    if (document->kind == FACTURES_DOCUMENT_KIND_QUOTE && g_date_valid (&document->valid_until))
      {
        g_autofree char *until = factures_pdf_impl_date_text (&document->valid_until);

        ADD_DATE_ROW ("Valable jusqu'au", until);
      }
    else if (due != NULL && document->kind == FACTURES_DOCUMENT_KIND_QUOTE)
      ADD_DATE_ROW ("Valable jusqu'au", due);
    else if (due != NULL && document->kind != FACTURES_DOCUMENT_KIND_CREDIT_NOTE)
      ADD_DATE_ROW ("Date d'échéance", due);
    if (!factures_pdf_impl_is_blank (document->purchase_order))
      ADD_DATE_ROW ("Bon de commande", document->purchase_order);
    /* Issue 15: an administration's service code (BT-10), which Chorus Pro requires. */
    if (document->buyer != NULL && document->buyer->category == FACTURES_CLIENT_CATEGORY_PUBLIC &&
        !factures_pdf_impl_is_blank (document->buyer->service_code))
      ADD_DATE_ROW ("Code service", document->buyer->service_code);
    /* The cited document: the quote, or the invoice a credit note corrects (BT-25, BT-26). */
    if (document->cites != NULL && document->cites->number != NULL)
      {
        g_autofree char *cited_date = factures_pdf_impl_date_text (&document->cites->issue_date);
        g_autofree char *cited = g_strdup_printf ("%s du %s", document->cites->number,
                                                  cited_date ? cited_date : "");

        ADD_DATE_ROW (document->kind == FACTURES_DOCUMENT_KIND_CREDIT_NOTE
                        ? "Facture d'origine" : "Devis", cited);
      }
    /* Issue 13: the nature of the operation from the lines' activities. */
    ADD_DATE_ROW ("Opération", factures_vat_document_activity_mention (document));
  }
#undef ADD_DATE_ROW

  y_dates = y2 + 14.0;
  if (self->bilingual)
    {
      /* Row by row: a value that wraps ("prestation de services / supply of services") pushes
       * the next row down instead of leaving its label behind. The labels' column never takes
       * the values' width (finding T9: « Date de livraison / prestation / Date of supply »
       * left « 22/11/2 026 »): the values keep their natural width up to 40 % of the band, and a
       * long label wraps in what is left. */
      double lw = 0, vw = 0;
      double band = RIGHT_EDGE - BUYER_W - 20.0 - MARGIN_X;

      for (guint i = 0; i < rows->len; i += 2)
        {
          g_autofree char *label = g_strdup_printf ("%s :", (const char *) rows->pdata[i]);
          PangoLayout *l = factures_pdf_impl_make_layout (self, label, STYLE_SMALL_BOLD, -1, PANGO_ALIGN_LEFT);
          PangoLayout *v = factures_pdf_impl_make_layout (self, rows->pdata[i + 1], STYLE_SMALL, -1,
                                                          PANGO_ALIGN_LEFT);

          lw = MAX (lw, factures_pdf_impl_layout_width (l));
          vw = MAX (vw, factures_pdf_impl_layout_width (v));
          g_object_unref (l);
          g_object_unref (v);
        }
      lw = MIN (lw, band - 6.0 - MIN (vw, band * 0.4));
      for (guint i = 0; i < rows->len; i += 2)
        {
          g_autofree char *label = g_strdup_printf ("%s :", (const char *) rows->pdata[i]);
          double h;

          h = factures_pdf_impl_block_add_text (self, block, label, STYLE_SMALL_BOLD, MARGIN_X, y_dates, lw + 1.0,
                                                PANGO_ALIGN_LEFT, &muted);
          h = MAX (h, factures_pdf_impl_block_add_text (self, block, rows->pdata[i + 1], STYLE_SMALL,
                                                        MARGIN_X + lw + 6.0, y_dates,
                                                        RIGHT_EDGE - BUYER_W - 20.0 - (MARGIN_X + lw + 6.0),
                                                        PANGO_ALIGN_LEFT, &ink));
          y_dates += h;
        }
    }
  else
  {
    PangoLayout *l = factures_pdf_impl_make_layout (self, labels->str, STYLE_SMALL_BOLD, -1, PANGO_ALIGN_LEFT);
    double lw = factures_pdf_impl_layout_width (l);
    double h;

    h = factures_pdf_impl_block_add_layout (block, l, MARGIN_X, y_dates, &muted);
    h = MAX (h, factures_pdf_impl_block_add_text (self, block, values->str, STYLE_SMALL, MARGIN_X + lw + 6.0,
                                y_dates, RIGHT_EDGE - BUYER_W - 20.0 - (MARGIN_X + lw + 6.0),
                                PANGO_ALIGN_LEFT, &ink));
    y_dates += h;
  }

  /* Buyer, in a tinted box. */
  {
    const double x = RIGHT_EDGE - BUYER_W;
    const double pad = 10.0;
    const double inner = BUYER_W - 2 * pad;
    g_autofree char *buyer_address = factures_pdf_impl_party_address (&buyer->party);
    double y = y2 + pad;

    y += factures_pdf_impl_block_add_text (self, block, factures_pdf_impl_tr (self, "CLIENT"), STYLE_LABEL, x + pad, y, inner,
                         PANGO_ALIGN_LEFT, &muted);
    y += 2.0;
    y += factures_pdf_impl_block_add_text (self, block, factures_pdf_impl_is_blank (buyer->party.name) ? "—" : buyer->party.name,
                         STYLE_NAME, x + pad, y, inner, PANGO_ALIGN_LEFT, &ink);
    y += 1.0;
    if (*buyer_address != '\0')
      y += factures_pdf_impl_block_add_text (self, block, buyer_address, STYLE_BODY, x + pad, y, inner,
                           PANGO_ALIGN_LEFT, &ink);
    if (b2b)
      {
        g_autoptr(GString) bids = g_string_new (NULL);
        g_autofree char *bid = factures_pdf_impl_party_identifier (&buyer->party);

        if (bid != NULL)
          g_string_append (bids, bid);
        else if (!factures_pdf_impl_is_blank (buyer->legal_id))
          /* A business abroad: its legal identifier (BT-47), as the CII carries it. */
          g_string_append_printf (bids, "%s : %s", factures_pdf_impl_tr (self, "Identifiant légal"), buyer->legal_id);
        if (!factures_pdf_impl_is_blank (buyer->party.vat_id))
          g_string_append_printf (bids, "%s%s : %s", bids->len > 0 ? "\n" : "",
                                  factures_pdf_impl_tr (self, "N° TVA"), buyer->party.vat_id);
        if (bids->len > 0)
          {
            y += 3.0;
            y += factures_pdf_impl_block_add_text (self, block, bids->str, STYLE_SMALL, x + pad, y, inner,
                                 PANGO_ALIGN_LEFT, &muted);
          }
      }
    y += pad;
    /* The box goes behind the texts: shapes are drawn first. */
    factures_pdf_impl_block_add_shape (block, SHAPE_FILL, x, y2, RIGHT_EDGE, y, 0, &tint);
    factures_pdf_impl_block_add_shape (block, SHAPE_LINE, x, y2, x, y, 2.0, &accent);
    y_buyer = y;
  }

  block->height = MAX (y_dates, y_buyer);
  return block;
}

/* ---- running header of pages 2… ---- */

Block *
factures_pdf_impl_build_running_header (FacturesPdfLayout *self)
{
  Block *block = factures_pdf_impl_block_new ();
  g_autofree char *left = NULL;
  double h;

  if (self->draft)
    left = g_strdup_printf (self->bilingual ? "%s — Brouillon / Draft (suite / continued)" : "%s — Brouillon (suite)",
                            self->title);
  else
    left = g_strdup_printf (self->bilingual ? "%s N° %s (suite / continued)" : "%s N° %s (suite)",
                            self->title, self->number);

  h = factures_pdf_impl_block_add_text (self, block, left, STYLE_SMALL_BOLD, MARGIN_X, 0, CONTENT_W * 0.6,
                      PANGO_ALIGN_LEFT, self->draft ? &stamp : &accent);

  if (self->duplicata)
    factures_pdf_impl_block_add_text (self, block, factures_pdf_impl_tr (self, "Duplicata"), STYLE_SMALL_BOLD, RIGHT_EDGE - CONTENT_W * 0.35, 0,
                    CONTENT_W * 0.35, PANGO_ALIGN_RIGHT, &stamp);
  else
    {
      /* One line: the full identity is in the footer. */
      PangoLayout *name = factures_pdf_impl_make_layout (self, self->seller_name, STYLE_SMALL, CONTENT_W * 0.35,
                                       PANGO_ALIGN_RIGHT);

      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
      factures_pdf_impl_block_add_layout (block, name, RIGHT_EDGE - CONTENT_W * 0.35, 0, &muted);
    }

  factures_pdf_impl_block_add_shape (block, SHAPE_LINE, MARGIN_X, h + 4.0, RIGHT_EDGE, h + 4.0, 0.6, &rule);
  block->height = h + 4.0;
  return block;
}

/* ---- footer ---- */

Block *
factures_pdf_impl_build_footer (FacturesPdfLayout     *self,
                                const FacturesProfile *seller)
{
  Block *block = factures_pdf_impl_block_new ();
  g_autoptr(GString) line1 = g_string_new (NULL);
  g_autofree char *siren = factures_pdf_impl_party_siren (&seller->party);
  g_autofree char *registry = factures_pdf_impl_registry_text (seller);
  g_autofree char *address = factures_pdf_impl_party_address_one_line (&seller->party);
  const double side = 70.0;

  g_string_append (line1, factures_pdf_impl_is_blank (seller->party.name) ? "—" : seller->party.name);
  if (siren != NULL)
    g_string_append_printf (line1, " — SIREN %s", siren);
  if (registry != NULL)
    g_string_append_printf (line1, " — %s", registry);
  if (*address != '\0')
    g_string_append_printf (line1, "\n%s", address);
  if (!factures_pdf_impl_is_blank (seller->party.vat_id))
    g_string_append_printf (line1, " — N° TVA %s", seller->party.vat_id);

  factures_pdf_impl_block_add_shape (block, SHAPE_LINE, MARGIN_X, 0, RIGHT_EDGE, 0, 0.6, &rule);
  block->height = 6.0 + factures_pdf_impl_block_add_text (self, block, line1->str, STYLE_FOOTER, MARGIN_X + side, 6.0,
                                        CONTENT_W - 2 * side, PANGO_ALIGN_CENTER, &muted);
  return block;
}

/* ---- table ---- */

void
factures_pdf_impl_setup_columns (FacturesPdfLayout *self,
                                 gboolean           show_vat)
{
  const double widths[N_COLS] = {
    [COL_DESCRIPTION] = 0,
    [COL_QUANTITY]    = 46,
    [COL_UNIT]        = 46,
    [COL_UNIT_PRICE]  = 72,
    [COL_VAT]         = show_vat ? 42 : 0,
    [COL_AMOUNT]      = 80,
  };
  double fixed = 0, x = MARGIN_X;

  for (guint i = 1; i < N_COLS; i++)
    fixed += widths[i];
  for (guint i = 0; i < N_COLS; i++)
    {
      self->col_w[i] = i == COL_DESCRIPTION ? CONTENT_W - fixed : widths[i];
      self->col_x[i] = x;
      x += self->col_w[i];
    }
}

static PangoAlignment
column_alignment (Column column)
{
  switch (column)
    {
    case COL_DESCRIPTION:
    case COL_UNIT:
      return PANGO_ALIGN_LEFT;
    default:
      return PANGO_ALIGN_RIGHT;
    }
}

Block *
factures_pdf_impl_build_table_header (FacturesPdfLayout *self)
{
  static const char *titles[N_COLS] = {
    "Désignation", "Qté", "Unité", "PU HT", "TVA", "Montant HT",
  };
  Block *block = factures_pdf_impl_block_new ();
  double h = 0;

  for (guint i = 0; i < N_COLS; i++)
    {
      if (self->col_w[i] <= 0)
        continue;
      /* a bilingual document: the English under the French, in the narrow columns too */
      h = MAX (h, factures_pdf_impl_block_add_text (self, block, factures_pdf_impl_tr_sep (self, titles[i], "\n"),
                                                    STYLE_HEAD,
                                  self->col_x[i] + CELL_PAD_X, HEAD_PAD_Y,
                                  self->col_w[i] - 2 * CELL_PAD_X,
                                  column_alignment (i), &accent));
    }
  block->height = h + 2 * HEAD_PAD_Y;
  factures_pdf_impl_block_add_shape (block, SHAPE_FILL, MARGIN_X, 0, RIGHT_EDGE, block->height, 0, &tint);
  factures_pdf_impl_block_add_shape (block, SHAPE_LINE, MARGIN_X, block->height, RIGHT_EDGE, block->height, 1.0, &accent);
  return block;
}

Row *
factures_pdf_impl_build_row (FacturesPdfLayout  *self,
                             const FacturesLine *line,
                             gint64              net)
{
  Row *row = g_new0 (Row, 1);
  g_autofree char *description = NULL;
  char *texts[N_COLS] = { NULL, };
  gsize description_len;

  description = g_strdup (line->description != NULL ? line->description : "");
  g_strchomp (description);
  /* A débours (art. 267 II 2° CGI) says so on its own line, beside its 0 % and the mention
   * under the totals. */
  if (line->debours)
    {
      char *marked = g_strdup_printf ("%s%s(%s)", description, *description != '\0' ? " " : "",
                                      factures_pdf_impl_tr (self, "débours"));
      g_free (description);
      description = marked;
    }
  description_len = strlen (description);

  texts[COL_QUANTITY] = factures_quantity_format (line->quantity);
  texts[COL_UNIT] = g_strdup (line->unit != NULL ? line->unit : "");
  texts[COL_UNIT_PRICE] = factures_pdf_impl_unit_price (self, line->unit_price);
  if (self->col_w[COL_VAT] > 0)
    texts[COL_VAT] = factures_rate_format (line->vat_rate_bp);
  texts[COL_AMOUNT] = factures_pdf_impl_money (self, net);

  /* Description, with the line discount in italics below it. */
  if (line->allowance != 0)
    {
      g_autofree char *allowance = factures_pdf_impl_money (self, line->allowance);
      g_autofree char *full = g_strdup_printf ("%s%s%s : %s", description,
                                               description_len > 0 ? "\n" : "",
                                               factures_pdf_impl_tr (self, "Remise"), allowance);
      PangoAttrList *attrs = pango_attr_list_new ();
      PangoAttribute *attr = pango_attr_style_new (PANGO_STYLE_ITALIC);

      row->cells[COL_DESCRIPTION] = factures_pdf_impl_make_layout (self, full, STYLE_BODY,
                                                 self->col_w[COL_DESCRIPTION] - 2 * CELL_PAD_X,
                                                 PANGO_ALIGN_LEFT);
      attr->start_index = description_len;
      attr->end_index = G_MAXUINT;
      pango_attr_list_insert (attrs, attr);
      attr = pango_attr_foreground_new (0.40 * 65535, 0.42 * 65535, 0.46 * 65535);
      attr->start_index = description_len;
      attr->end_index = G_MAXUINT;
      pango_attr_list_insert (attrs, attr);
      pango_layout_set_attributes (row->cells[COL_DESCRIPTION], attrs);
      pango_attr_list_unref (attrs);
    }
  else
    {
      row->cells[COL_DESCRIPTION] = factures_pdf_impl_make_layout (self, description, STYLE_BODY,
                                                 self->col_w[COL_DESCRIPTION] - 2 * CELL_PAD_X,
                                                 PANGO_ALIGN_LEFT);
    }

  row->others_height = 0;
  for (guint i = 1; i < N_COLS; i++)
    {
      if (self->col_w[i] <= 0 || texts[i] == NULL)
        {
          g_free (texts[i]);
          continue;
        }
      row->cells[i] = factures_pdf_impl_make_layout (self, texts[i], STYLE_BODY,
                                   self->col_w[i] - 2 * CELL_PAD_X, column_alignment (i));
      row->others_height = MAX (row->others_height, factures_pdf_impl_layout_height (row->cells[i]));
      g_free (texts[i]);
    }

  row->height = MAX (factures_pdf_impl_layout_height (row->cells[COL_DESCRIPTION]), row->others_height)
                + 2 * CELL_PAD_Y;
  return row;
}

/* Line @index of @layout: its top and bottom (logical), from the layout top. */
static void
layout_line_range (PangoLayout *layout,
                   gint         index,
                   double      *top,
                   double      *bottom)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int y0 = 0, y1 = 0;

  for (gint i = 0; i < index; i++)
    pango_layout_iter_next_line (iter);
  pango_layout_iter_get_line_yrange (iter, &y0, &y1);
  pango_layout_iter_free (iter);
  *top = (double) y0 / PANGO_SCALE;
  *bottom = (double) y1 / PANGO_SCALE;
}

/* Height of the part of @row holding description lines [first, first + n). */
double
factures_pdf_impl_row_part_height (Row  *row,
                                   gint  first,
                                   gint  n)
{
  double top, bottom, dummy;
  double h;

  layout_line_range (row->cells[COL_DESCRIPTION], first, &top, &dummy);
  layout_line_range (row->cells[COL_DESCRIPTION], first + n - 1, &dummy, &bottom);
  h = bottom - top;
  if (first == 0)
    h = MAX (h, row->others_height);
  return h + 2 * CELL_PAD_Y;
}
