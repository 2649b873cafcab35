/* factures-register-pdf.c — the registers as A4 PDFs (see factures-register-pdf.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "factures-date.h"
#include "factures-error.h"
#include "factures-fonts.h"
#include "factures-money.h"
#include "factures-pdf.h"
#include "factures-register-pdf.h"

#define PAGE_W      FACTURES_PDF_PAGE_WIDTH
#define PAGE_H      FACTURES_PDF_PAGE_HEIGHT
#define MARGIN      40.0
#define CONTENT     (PAGE_W - 2 * MARGIN)
#define BODY_SIZE   8.0
#define PAD         2.5
#define TOP_TABLE   150.0             /* where the table starts, below the header */
#define BOTTOM      (PAGE_H - 50.0)   /* where the totals must end, above the footer */
#define TOTAL_ROW   15.0

/* Pango 1.50 declares no autoptr for contexts. */
typedef PangoContext RegisterContext;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RegisterContext, g_object_unref)

enum { COL_DATE, COL_REFERENCE, COL_PARTY, COL_NATURE, COL_METHOD, COL_AMOUNT, COL_CASH, N_COLS };

static const double widths[N_COLS] = { 52, 74, 104, 96, 58, 68, 63.28 };

static cairo_status_t
write_to_byte_array (void                *closure,
                     const unsigned char *data,
                     unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* SOURCE_DATE_EPOCH as "YYYY-MM-DDThh:mm:ss", or NULL. */
static char *
source_date (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GDateTime) dt = NULL;

  if (epoch == NULL || *epoch == '\0')
    return NULL;
  dt = g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10));
  return dt != NULL ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S") : NULL;
}

static PangoLayout *
new_layout (PangoContext   *context,
            const char     *text,
            double          size,
            gboolean        bold,
            double          width,
            PangoAlignment  alignment)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FACTURES_FONTS_FAMILIES);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

/* Draws @text at (@x, @y) in @width points (cr may be NULL: measure only); returns its height. */
static double
show (cairo_t        *cr,
      PangoContext   *context,
      const char     *text,
      double          size,
      gboolean        bold,
      double          x,
      double          y,
      double          width,
      PangoAlignment  alignment)
{
  g_autoptr(PangoLayout) layout = new_layout (context, text, size, bold, width, alignment);
  int w, h;

  if (cr != NULL)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
    }
  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

typedef struct {
  char *cells[N_COLS];
  double height;
} Row;

static void
row_clear (Row *row)
{
  for (guint c = 0; c < N_COLS; c++)
    g_free (row->cells[c]);
}

static const char *
column_title (FacturesRegisterKind kind, guint column)
{
  switch (column)
    {
    case COL_DATE:      return kind == FACTURES_REGISTER_RECEIPTS ? "Encaissé le" : "Date";
    case COL_REFERENCE: return kind == FACTURES_REGISTER_RECEIPTS ? "Facture(s)" : "Référence";
    case COL_PARTY:     return kind == FACTURES_REGISTER_RECEIPTS ? "Client" : "Fournisseur";
    case COL_NATURE:    return "Nature";
    case COL_METHOD:    return "Mode de règlement";
    case COL_AMOUNT:    return "Montant";
    case COL_CASH:      return "dont espèces";
    default:            return "";
    }
}

static char *
seller_text (const FacturesProfile *seller)
{
  const FacturesParty *party;
  GString *text;

  if (seller == NULL)
    return g_strdup ("");
  party = &seller->party;
  text = g_string_new (party->name != NULL ? party->name : "");
  if (party->address != NULL && *party->address != '\0')
    g_string_append_printf (text, "\n%s", party->address);
  if (party->postal_code != NULL || party->city != NULL)
    g_string_append_printf (text, "\n%s %s", party->postal_code ? party->postal_code : "",
                            party->city ? party->city : "");
  if (party->siret != NULL && *party->siret != '\0')
    g_string_append_printf (text, "\nSIRET %s", party->siret);
  else if (party->siren != NULL && *party->siren != '\0')
    g_string_append_printf (text, "\nSIREN %s", party->siren);
  return g_string_free (text, FALSE);
}

/* Draws the header (seller, title, columns) and the footer; returns where the rows start. */
static double
draw_frame (cairo_t               *cr,
            PangoContext          *context,
            FacturesRegisterKind   kind,
            const char            *title,
            const char            *seller,
            const char            *printed,
            guint                  page,
            guint                  n_pages)
{
  g_autofree char *page_text = g_strdup_printf ("Page %u / %u", page, n_pages);
  double x = MARGIN, y, h = 0;

  cairo_set_source_rgb (cr, 0, 0, 0);
  show (cr, context, seller, 9, FALSE, MARGIN, MARGIN, CONTENT / 2, PANGO_ALIGN_LEFT);
  y = MARGIN + show (cr, context, title, 15, TRUE, MARGIN + CONTENT / 2, MARGIN, CONTENT / 2, PANGO_ALIGN_RIGHT);
  show (cr, context, printed, 8, FALSE, MARGIN + CONTENT / 2, y + 4, CONTENT / 2, PANGO_ALIGN_RIGHT);

  /* column titles */
  y = TOP_TABLE - 22;
  for (guint c = 0; c < N_COLS; c++)
    {
      h = MAX (h, show (cr, context, column_title (kind, c), 7.5, TRUE, x + PAD, y, widths[c] - 2 * PAD,
                        c >= COL_AMOUNT ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT));
      x += widths[c];
    }
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, MARGIN, TOP_TABLE - 2);
  cairo_line_to (cr, MARGIN + CONTENT, TOP_TABLE - 2);
  cairo_stroke (cr);

  show (cr, context, page_text, 8, FALSE, MARGIN, PAGE_H - 32, CONTENT, PANGO_ALIGN_RIGHT);
  return TOP_TABLE;
}

/* A line of totals: @label over the first columns, then the amount and the cash part. */
static void
draw_total (cairo_t      *cr,
            PangoContext *context,
            double        y,
            const char   *label,
            gint64        amount,
            gint64        cash,
            gboolean      rule)
{
  g_autofree char *a = factures_money_format (amount);
  g_autofree char *c = factures_money_format (cash);
  double left = 0;

  for (guint i = 0; i < COL_AMOUNT; i++)
    left += widths[i];
  if (rule)
    {
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, MARGIN, y - 1);
      cairo_line_to (cr, MARGIN + CONTENT, y - 1);
      cairo_stroke (cr);
    }
  show (cr, context, label, BODY_SIZE, TRUE, MARGIN + PAD, y + 2, left - 2 * PAD, PANGO_ALIGN_RIGHT);
  show (cr, context, a, BODY_SIZE, TRUE, MARGIN + left + PAD, y + 2, widths[COL_AMOUNT] - 2 * PAD, PANGO_ALIGN_RIGHT);
  show (cr, context, c, BODY_SIZE, TRUE, MARGIN + left + widths[COL_AMOUNT] + PAD, y + 2,
        widths[COL_CASH] - 2 * PAD, PANGO_ALIGN_RIGHT);
}

/**
 * factures_register_pdf_render:
 * (see factures-register-pdf.h)
 */
GBytes *
factures_register_pdf_render (FacturesRegisterKind   kind,
                              guint                  year,
                              const FacturesProfile *seller,
                              const GArray          *lines,
                              const GDate           *printed_on,
                              guint                 *out_n_pages,
                              GError               **error)
{
  g_autoptr(RegisterContext) context = factures_fonts_create_context ();
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_autoptr(GArray) breaks = g_array_new (FALSE, FALSE, sizeof (guint));   /* first row of each page */
  g_autofree char *title = g_strdup_printf ("%s %u", kind == FACTURES_REGISTER_RECEIPTS ? "Livre des recettes"
                                                                                          : "Registre des achats", year);
  g_autofree char *seller_lines = seller_text (seller);
  g_autofree char *printed_date = factures_date_format_long (printed_on);
  g_autofree char *printed = g_strdup_printf ("Édité le %s", printed_date);
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  g_autofree char *date = source_date ();
  gint64 carried = 0, carried_cash = 0;
  guint n_pages;
  double y;

  g_array_set_clear_func (rows, (GDestroyNotify) row_clear);

  /* 1. the cells and each row's height */
  for (guint i = 0; lines != NULL && i < lines->len; i++)
    {
      const FacturesRegisterLine *l = &g_array_index (lines, FacturesRegisterLine, i);
      Row row = { { NULL }, 0 };

      row.cells[COL_DATE] = factures_date_format_fr (&l->date);
      row.cells[COL_REFERENCE] = g_strdup (l->reference);
      row.cells[COL_PARTY] = g_strdup (l->party);
      row.cells[COL_NATURE] = g_strdup (l->nature);
      row.cells[COL_METHOD] = g_strdup (l->method);
      row.cells[COL_AMOUNT] = l->amount_text != NULL ? g_strdup (l->amount_text) : factures_money_format (l->amount);
      row.cells[COL_CASH] = l->cash && l->amount_text == NULL ? factures_money_format (l->amount) : NULL;
      for (guint c = 0; c < N_COLS; c++)
        row.height = MAX (row.height, show (NULL, context, row.cells[c], BODY_SIZE, FALSE, 0, 0,
                                            widths[c] - 2 * PAD, PANGO_ALIGN_LEFT));
      row.height += 2 * PAD;
      g_array_append_val (rows, row);
    }

  /* 2. the pages: the « Report » line on top after the first, two lines of totals at the bottom */
  y = TOP_TABLE;
  {
    guint first = 0;

    g_array_append_val (breaks, first);
  }
  for (guint i = 0; i < rows->len; i++)
    {
      double h = g_array_index (rows, Row, i).height;

      if (y + h > BOTTOM - 2 * TOTAL_ROW - 4 && i > g_array_index (breaks, guint, breaks->len - 1))
        {
          g_array_append_val (breaks, i);
          y = TOP_TABLE + TOTAL_ROW;
        }
      y += h;
    }
  n_pages = breaks->len;
  if (out_n_pages != NULL)
    *out_n_pages = n_pages;

  /* 3. drawing */
  surface = cairo_pdf_surface_create_for_stream (write_to_byte_array, bytes, PAGE_W, PAGE_H);
  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_5);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if (seller != NULL && seller->party.name != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, seller->party.name);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Factures");
  if (date != NULL)
    {
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
    }
  cr = cairo_create (surface);

  for (guint p = 0; p < n_pages; p++)
    {
      guint first = g_array_index (breaks, guint, p);
      guint end = p + 1 < n_pages ? g_array_index (breaks, guint, p + 1) : rows->len;
      gint64 page_total = 0, page_cash = 0;

      y = draw_frame (cr, context, kind, title, seller_lines, printed, p + 1, n_pages);
      if (p > 0)
        {
          draw_total (cr, context, y, "Report", carried, carried_cash, FALSE);
          y += TOTAL_ROW;
        }
      if (rows->len == 0)
        {
          show (cr, context, "Aucune écriture pour cette année.", BODY_SIZE, FALSE, MARGIN + PAD, y + PAD,
                CONTENT - 2 * PAD, PANGO_ALIGN_LEFT);
          y += TOTAL_ROW;
        }
      for (guint i = first; i < end; i++)
        {
          const Row *row = &g_array_index (rows, Row, i);
          const FacturesRegisterLine *l = &g_array_index (lines, FacturesRegisterLine, i);
          double x = MARGIN;

          for (guint c = 0; c < N_COLS; c++)
            {
              show (cr, context, row->cells[c], BODY_SIZE, FALSE, x + PAD, y + PAD, widths[c] - 2 * PAD,
                    c >= COL_AMOUNT ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
              x += widths[c];
            }
          if (l->amount_text == NULL)
            {
              page_total += l->amount;
              if (l->cash)
                page_cash += l->amount;
            }
          y += row->height;
          cairo_set_line_width (cr, 0.2);
          cairo_move_to (cr, MARGIN, y);
          cairo_line_to (cr, MARGIN + CONTENT, y);
          cairo_stroke (cr);
        }
      carried += page_total;
      carried_cash += page_cash;
      y += 3;
      draw_total (cr, context, y, "Total de la page", page_total, page_cash, TRUE);
      y += TOTAL_ROW;
      draw_total (cr, context, y, p + 1 < n_pages ? "À reporter" : "Total de l’année", carried, carried_cash, FALSE);
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
      g_byte_array_unref (bytes);
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                   _("Could not write the PDF: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (bytes);
}
