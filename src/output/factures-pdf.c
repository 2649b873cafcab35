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
#include "factures-epc-qr.h"
#include "factures-qr.h"
#include "factures-facturx.h"

/* ---- geometry (points) ---- */

#define PAGE_W          FACTURES_PDF_PAGE_WIDTH
#define PAGE_H          FACTURES_PDF_PAGE_HEIGHT
#define MARGIN_X        45.0
#define MARGIN_TOP      40.0
#define CONTENT_W       (PAGE_W - 2 * MARGIN_X)
#define RIGHT_EDGE      (PAGE_W - MARGIN_X)
#define FOOTER_TOP      (PAGE_H - 50.0)
#define CONTENT_BOTTOM  (FOOTER_TOP - 14.0)
#define CONT_HEADER_H   30.0   /* running header of pages 2… */
#define HEADER_GAP      22.0   /* between the page-1 header and the table */
#define TAIL_GAP        16.0   /* between the table and the totals */
#define BLOCK_GAP       5.0    /* between mention paragraphs */
#define CELL_PAD_X      4.0
#define CELL_PAD_Y      4.5
#define HEAD_PAD_Y      5.0
#define LOGO_MAX_W      150.0
#define LOGO_MAX_H      56.0
#define TOTALS_W        235.0
#define VAT_SUMMARY_W   245.0
#define BUYER_W         235.0

/* ---- colours ---- */

typedef struct { double r, g, b; } Rgb;

static const Rgb ink      = { 0.13, 0.14, 0.16 };
static const Rgb muted    = { 0.40, 0.42, 0.46 };
static const Rgb accent   = { 0.15, 0.29, 0.48 };
static const Rgb tint     = { 0.925, 0.942, 0.965 };
static const Rgb rule     = { 0.80, 0.82, 0.85 };
static const Rgb stamp    = { 0.72, 0.11, 0.11 };
static const Rgb wmark    = { 0.90, 0.90, 0.92 };

/* ---- text styles ---- */

typedef enum {
  STYLE_BODY,         /* table cells, addresses */
  STYLE_BODY_BOLD,
  STYLE_HEAD,         /* table header */
  STYLE_SMALL,        /* identifiers, mentions */
  STYLE_SMALL_BOLD,
  STYLE_FOOTER,
  STYLE_NAME,         /* seller / buyer name */
  STYLE_TITLE,        /* "Facture" */
  STYLE_NUMBER,       /* "N° F2026-0042" */
  STYLE_TOTAL,        /* the final total */
  STYLE_LABEL,        /* "CLIENT" */
  STYLE_STAMP,        /* "Duplicata" */
  STYLE_WATERMARK,
  N_STYLES
} Style;

static const struct {
  double      size;
  PangoWeight weight;
  PangoStyle  slant;
} styles[N_STYLES] = {
  [STYLE_BODY]       = { 9.0,  PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [STYLE_BODY_BOLD]  = { 9.0,  PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL },
  [STYLE_HEAD]       = { 8.0,  PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL },
  [STYLE_SMALL]      = { 8.0,  PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [STYLE_SMALL_BOLD] = { 8.0,  PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL },
  [STYLE_FOOTER]     = { 7.0,  PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL },
  [STYLE_NAME]       = { 11.0, PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL },
  [STYLE_TITLE]      = { 22.0, PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL },
  [STYLE_NUMBER]     = { 11.0, PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL },
  [STYLE_TOTAL]      = { 10.5, PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL },
  [STYLE_LABEL]      = { 7.0,  PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL },
  [STYLE_STAMP]      = { 10.0, PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL },
  [STYLE_WATERMARK]  = { 80.0, PANGO_WEIGHT_BOLD,   PANGO_STYLE_NORMAL },
};

/* ---- blocks: positioned texts, shapes and an image ---- */

typedef enum {
  SHAPE_FILL,    /* filled rectangle x0,y0 → x1,y1 */
  SHAPE_FRAME,   /* stroked rectangle */
  SHAPE_LINE,    /* line x0,y0 → x1,y1 */
} ShapeKind;

typedef struct {
  ShapeKind kind;
  double    x0, y0, x1, y1;
  double    width;
  Rgb       color;
} Shape;

typedef struct {
  PangoLayout *layout;
  double       x, y;
  Rgb          color;
} Text;

/* x coordinates are absolute on the page, y relative to the top of the block. */
typedef struct {
  GArray          *shapes;  /* Shape, drawn first */
  GPtrArray       *texts;   /* Text* */
  cairo_surface_t *image;
  double           image_x, image_y, image_w, image_h;
  double           height;
  gboolean         keep_with_next;   /* a section title */
} Block;

/* ---- table ---- */

typedef enum {
  COL_DESCRIPTION,
  COL_QUANTITY,
  COL_UNIT,
  COL_UNIT_PRICE,
  COL_VAT,
  COL_AMOUNT,
  N_COLS
} Column;

typedef struct {
  PangoLayout *cells[N_COLS];   /* NULL: empty or hidden column */
  double       height;          /* whole row, padding included */
  double       others_height;   /* tallest cell other than the description */
} Row;

typedef enum {
  ITEM_ROW,     /* a table row, or lines [first_line, first_line + n_lines) of it */
  ITEM_BLOCK,   /* a tail block */
} ItemKind;

typedef struct {
  ItemKind kind;
  guint    index;
  gint     first_line;
  gint     n_lines;      /* -1: the whole row */
  double   y;
  double   height;
} Item;

typedef struct {
  GArray  *items;        /* Item */
  gboolean has_table;
} Page;

struct _FacturesPdfLayout {
  FacturesPdfFlags  flags;
  gboolean          draft;
  gboolean          duplicata;
  PangoContext     *context;

  char             *title;        /* "Facture" */
  char             *number;       /* NULL for a draft */
  char             *seller_name;

  double            col_x[N_COLS];
  double            col_w[N_COLS];   /* 0: hidden column */

  Block            *first_header;    /* page 1, at MARGIN_TOP */
  Block            *running_header;  /* pages 2…, at MARGIN_TOP */
  Block            *table_header;
  Block            *footer;          /* without the page number */
  GPtrArray        *rows;            /* Row* */
  GPtrArray        *tail;            /* Block*: totals, then mentions */
  GPtrArray        *pages;           /* Page* */

  double            first_table_top;
  double            running_table_top;
};

/* ------------------------------------------------------------------------ */

static void
row_free (Row *row)
{
  for (guint i = 0; i < N_COLS; i++)
    g_clear_object (&row->cells[i]);
  g_free (row);
}

static void
text_free (Text *text)
{
  g_clear_object (&text->layout);
  g_free (text);
}

static Block *
block_new (void)
{
  Block *block = g_new0 (Block, 1);

  block->shapes = g_array_new (FALSE, FALSE, sizeof (Shape));
  block->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) text_free);
  return block;
}

static void
block_free (Block *block)
{
  if (block == NULL)
    return;
  g_array_unref (block->shapes);
  g_ptr_array_unref (block->texts);
  g_clear_pointer (&block->image, cairo_surface_destroy);
  g_free (block);
}

static void
page_free (Page *page)
{
  g_array_unref (page->items);
  g_free (page);
}

static Page *
page_new (gboolean has_table)
{
  Page *page = g_new0 (Page, 1);

  page->items = g_array_new (FALSE, FALSE, sizeof (Item));
  page->has_table = has_table;
  return page;
}

/* ---- text helpers ---- */

static PangoFontDescription *
style_font (Style style)
{
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, FACTURES_FONTS_FAMILIES);
  pango_font_description_set_size (desc, (gint) (styles[style].size * PANGO_SCALE));
  pango_font_description_set_weight (desc, styles[style].weight);
  pango_font_description_set_style (desc, styles[style].slant);
  return desc;
}

/* A layout of @text in @style, wrapped at @width points (≤ 0: no wrapping). */
static PangoLayout *
make_layout (FacturesPdfLayout *self,
             const char        *text,
             Style              style,
             double             width,
             PangoAlignment     alignment)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *desc = style_font (style);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

/* Bold the first @n_bytes of @layout's text (a "Label :" prefix). */
static void
layout_bold_prefix (PangoLayout *layout,
                    gsize        n_bytes)
{
  PangoAttrList *attrs = pango_attr_list_new ();
  PangoAttribute *attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

  attr->start_index = 0;
  attr->end_index = n_bytes;
  pango_attr_list_insert (attrs, attr);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
}

/* Adds @layout (owned) to @block at (@x, @y); returns its height. */
static double
block_add_layout (Block       *block,
                  PangoLayout *layout,
                  double       x,
                  double       y,
                  const Rgb   *color)
{
  Text *text = g_new0 (Text, 1);

  text->layout = layout;
  text->x = x;
  text->y = y;
  text->color = *color;
  g_ptr_array_add (block->texts, text);
  return layout_height (layout);
}

static double
block_add_text (FacturesPdfLayout *self,
                Block             *block,
                const char        *string,
                Style              style,
                double             x,
                double             y,
                double             width,
                PangoAlignment     alignment,
                const Rgb         *color)
{
  return block_add_layout (block, make_layout (self, string, style, width, alignment), x, y, color);
}

static void
block_add_shape (Block     *block,
                 ShapeKind  kind,
                 double     x0,
                 double     y0,
                 double     x1,
                 double     y1,
                 double     width,
                 const Rgb *color)
{
  Shape shape = { kind, x0, y0, x1, y1, width, *color };

  g_array_append_val (block->shapes, shape);
}

/* ---- formatting helpers (French, fixed) ---- */

static gboolean
is_blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s != '\0'; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

/* Digits of @s grouped by the sizes in @groups (0-terminated), separated by
 * U+00A0; the rest goes into a last group. "552081317" → "552 081 317". */
static char *
group_chars (const char *s,
             const guint *groups)
{
  GString *out = g_string_new (NULL);
  gsize len = strlen (s);
  gsize pos = 0;

  for (guint i = 0; pos < len; i++)
    {
      gsize n = groups[i] != 0 ? groups[i] : len - pos;

      if (pos > 0)
        g_string_append (out, "\302\240");
      g_string_append_len (out, s + pos, MIN (n, len - pos));
      pos += MIN (n, len - pos);
      if (groups[i] == 0)
        break;
    }
  return g_string_free (out, FALSE);
}

static char *
format_siren (const char *siren)
{
  static const guint groups[] = { 3, 3, 3, 0 };
  return group_chars (siren, groups);
}

static char *
format_siret (const char *siret)
{
  static const guint groups[] = { 3, 3, 3, 0 };
  return group_chars (siret, groups);
}

static char *
format_iban (const char *iban)
{
  static const guint groups[] = { 4, 4, 4, 4, 4, 4, 4, 4, 4, 0 };
  return group_chars (iban, groups);
}

/* "SIRET 123 456 789 00012", else "SIREN 123 456 789", else NULL. */
static char *
party_identifier (const FacturesParty *party)
{
  if (!is_blank (party->siret))
    {
      g_autofree char *s = format_siret (party->siret);
      return g_strdup_printf ("SIRET %s", s);
    }
  if (!is_blank (party->siren))
    {
      g_autofree char *s = format_siren (party->siren);
      return g_strdup_printf ("SIREN %s", s);
    }
  return NULL;
}

/* The SIREN of @party: its own, or the first 9 digits of its SIRET. */
static char *
party_siren (const FacturesParty *party)
{
  if (!is_blank (party->siren))
    return format_siren (party->siren);
  if (!is_blank (party->siret) && strlen (party->siret) >= 9)
    {
      g_autofree char *s = g_strndup (party->siret, 9);
      return format_siren (s);
    }
  return NULL;
}

static char *
registry_text (const FacturesProfile *seller)
{
  switch (seller->registry)
    {
    case FACTURES_REGISTRY_RCS:
      if (is_blank (seller->registry_city))
        return g_strdup ("RCS");
      return g_strdup_printf ("RCS %s", seller->registry_city);
    case FACTURES_REGISTRY_RNE:
      return g_strdup ("Inscrit au RNE");
    case FACTURES_REGISTRY_NONE:
    default:
      return NULL;
    }
}

/* Street lines, then "postal code city", then the country outside France. */
static char *
party_address (const FacturesParty *party)
{
  GString *out = g_string_new (NULL);
  g_autofree char *city = NULL;

  if (!is_blank (party->address))
    {
      g_autofree char *street = g_strstrip (g_strdup (party->address));
      g_string_append (out, street);
    }
  city = g_strstrip (g_strdup_printf ("%s %s",
                                      party->postal_code != NULL ? party->postal_code : "",
                                      party->city != NULL ? party->city : ""));
  if (*city != '\0')
    {
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, city);
    }
  if (!is_blank (party->country_code) && g_ascii_strcasecmp (party->country_code, "FR") != 0)
    {
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, party->country_code);
    }
  return g_string_free (out, FALSE);
}

/* The same on one line, for the footer. */
static char *
party_address_one_line (const FacturesParty *party)
{
  g_autofree char *address = party_address (party);
  g_auto(GStrv) lines = g_strsplit (address, "\n", -1);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        g_ptr_array_add (parts, lines[i]);
    }
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

static const char *
kind_title (FacturesDocumentKind kind)
{
  switch (kind)
    {
    case FACTURES_DOCUMENT_KIND_QUOTE:
      return "Devis";
    case FACTURES_DOCUMENT_KIND_DEPOSIT:
      return "Facture d'acompte";
    case FACTURES_DOCUMENT_KIND_CREDIT_NOTE:
      return "Avoir";
    case FACTURES_DOCUMENT_KIND_INVOICE:
    default:
      return "Facture";
    }
}

static char *
terms_text (const FacturesPaymentTerms *terms)
{
  switch (terms->kind)
    {
    case FACTURES_TERMS_ON_RECEIPT:
      return g_strdup ("à réception");
    case FACTURES_TERMS_DAYS:
      return g_strdup_printf ("%u jours", terms->days);
    case FACTURES_TERMS_END_OF_MONTH_45:
    default:
      return g_strdup ("45 jours fin de mois");
    }
}

static const char *
activity_text (FacturesActivity activity)
{
  switch (activity)
    {
    case FACTURES_ACTIVITY_GOODS:
      return "livraison de biens";
    case FACTURES_ACTIVITY_BOTH:
      return "livraison de biens et prestation de services";
    case FACTURES_ACTIVITY_SERVICES:
    default:
      return "prestation de services";
    }
}

static char *
date_text (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return factures_date_format_fr (date);
}

/* The due date as a calendar date (LEGAL.md §1): the document's, or computed
 * from its terms when it has none yet (a draft). */
static char *
document_due_date_text (const FacturesDocument *document,
                        const FacturesProfile  *seller)
{
  GDate due;

  if (g_date_valid (&document->due_date))
    return date_text (&document->due_date);
  if (!g_date_valid (&document->issue_date))
    return NULL;
  g_date_clear (&due, 1);
  factures_terms_due_date (&document->terms, seller->eom_method, &document->issue_date, &due);
  return date_text (&due);
}

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
static Block *
build_first_header (FacturesPdfLayout      *self,
                    const FacturesDocument *document,
                    const FacturesProfile  *seller,
                    const FacturesClient   *buyer,
                    gboolean                b2b)
{
  Block *block = block_new ();
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
  y_left += block_add_text (self, block, seller->party.name, STYLE_NAME,
                            MARGIN_X, y_left, left_w, PANGO_ALIGN_LEFT, &ink);
  y_left += 2.0;
  address = party_address (&seller->party);
  if (*address != '\0')
    y_left += block_add_text (self, block, address, STYLE_BODY,
                              MARGIN_X, y_left, left_w, PANGO_ALIGN_LEFT, &ink);
  y_left += 3.0;

  identifier = party_identifier (&seller->party);
  registry = registry_text (seller);
  if (identifier != NULL)
    g_string_append (ids, identifier);
  if (registry != NULL)
    g_string_append_printf (ids, "%s%s", ids->len > 0 ? " — " : "", registry);
  if (!is_blank (seller->party.vat_id))
    g_string_append_printf (ids, "%sN° TVA intracommunautaire : %s",
                            ids->len > 0 ? "\n" : "", seller->party.vat_id);
  if (!is_blank (seller->party.email))
    g_string_append_printf (ids, "%s%s", ids->len > 0 ? "\n" : "", seller->party.email);
  if (!is_blank (seller->party.phone))
    g_string_append_printf (ids, "%sTél. %s",
                            is_blank (seller->party.email) ? (ids->len > 0 ? "\n" : "") : " — ",
                            seller->party.phone);
  if (ids->len > 0)
    y_left += block_add_text (self, block, ids->str, STYLE_SMALL,
                              MARGIN_X, y_left, left_w, PANGO_ALIGN_LEFT, &muted);

  /* Title and number */
  {
    /* On one line, smaller when long ("Facture d'acompte"). */
    PangoLayout *title = make_layout (self, self->title, STYLE_TITLE, -1, PANGO_ALIGN_LEFT);
    double w = layout_width (title);

    if (w > right_w)
      {
        PangoFontDescription *desc = style_font (STYLE_TITLE);

        pango_font_description_set_size (desc, (gint) (styles[STYLE_TITLE].size * right_w / w
                                                       * PANGO_SCALE));
        pango_layout_set_font_description (title, desc);
        pango_font_description_free (desc);
        w = layout_width (title);
      }
    y_right += block_add_layout (block, title, RIGHT_EDGE - w, y_right, &accent);
  }
  if (self->draft)
    {
      y_right += block_add_text (self, block, "Brouillon", STYLE_NUMBER,
                                 right_x, y_right, right_w, PANGO_ALIGN_RIGHT, &stamp);
    }
  else
    {
      g_autofree char *number = g_strdup_printf ("N° %s", self->number);
      y_right += block_add_text (self, block, number, STYLE_NUMBER,
                                 right_x, y_right, right_w, PANGO_ALIGN_RIGHT, &ink);
    }
  if (self->duplicata)
    {
      PangoLayout *layout = make_layout (self, "Duplicata", STYLE_STAMP, -1, PANGO_ALIGN_LEFT);
      double w = layout_width (layout), h = layout_height (layout);
      double x = RIGHT_EDGE - w - 8.0;

      y_right += 6.0;
      block_add_shape (block, SHAPE_FRAME, x - 0.5 - 3.0, y_right, RIGHT_EDGE - 0.5, y_right + h + 6.0,
                       1.2, &stamp);
      block_add_layout (block, layout, x - 3.0 + 4.0, y_right + 3.0, &stamp);
      y_right += h + 6.0;
    }

  /* Second band: dates (left), buyer (right). */
  y2 = MAX (y_left, y_right) + 20.0;

#define ADD_DATE_ROW(label, value) \
  G_STMT_START { \
    g_string_append_printf (labels, "%s%s :", labels->len > 0 ? "\n" : "", (label)); \
    g_string_append_printf (values, "%s%s", values->len > 0 ? "\n" : "", (value)); \
  } G_STMT_END

  {
    g_autofree char *issue = date_text (&document->issue_date);
    g_autofree char *delivery = NULL;
    g_autofree char *due = document_due_date_text (document, seller);

    if (g_date_valid (&document->delivery_date)
        && (!g_date_valid (&document->issue_date)
            || g_date_compare (&document->delivery_date, &document->issue_date) != 0))
      delivery = date_text (&document->delivery_date);

    if (issue != NULL)
      ADD_DATE_ROW ("Date d'émission", issue);
    if (delivery != NULL)
      ADD_DATE_ROW (seller->activity == FACTURES_ACTIVITY_GOODS
                      ? "Date de livraison" : "Date de livraison / prestation",
                    delivery);
    if (document->kind == FACTURES_DOCUMENT_KIND_QUOTE && g_date_valid (&document->valid_until))
      {
        g_autofree char *until = date_text (&document->valid_until);

        ADD_DATE_ROW ("Valable jusqu'au", until);
      }
    else if (due != NULL && document->kind == FACTURES_DOCUMENT_KIND_QUOTE)
      ADD_DATE_ROW ("Valable jusqu'au", due);
    else if (due != NULL && document->kind != FACTURES_DOCUMENT_KIND_CREDIT_NOTE)
      ADD_DATE_ROW ("Date d'échéance", due);
    if (!is_blank (document->purchase_order))
      ADD_DATE_ROW ("Bon de commande", document->purchase_order);
    /* The cited document: the quote, or the invoice a credit note corrects (BT-25, BT-26). */
    if (document->cites != NULL && document->cites->number != NULL)
      {
        g_autofree char *cited_date = date_text (&document->cites->issue_date);
        g_autofree char *cited = g_strdup_printf ("%s du %s", document->cites->number,
                                                  cited_date ? cited_date : "");

        ADD_DATE_ROW (document->kind == FACTURES_DOCUMENT_KIND_CREDIT_NOTE
                        ? "Facture d'origine" : "Devis", cited);
      }
    ADD_DATE_ROW ("Opération", activity_text (seller->activity));
  }
#undef ADD_DATE_ROW

  y_dates = y2 + 14.0;
  {
    PangoLayout *l = make_layout (self, labels->str, STYLE_SMALL_BOLD, -1, PANGO_ALIGN_LEFT);
    double lw = layout_width (l);
    double h;

    h = block_add_layout (block, l, MARGIN_X, y_dates, &muted);
    h = MAX (h, block_add_text (self, block, values->str, STYLE_SMALL, MARGIN_X + lw + 6.0,
                                y_dates, RIGHT_EDGE - BUYER_W - 20.0 - (MARGIN_X + lw + 6.0),
                                PANGO_ALIGN_LEFT, &ink));
    y_dates += h;
  }

  /* Buyer, in a tinted box. */
  {
    const double x = RIGHT_EDGE - BUYER_W;
    const double pad = 10.0;
    const double inner = BUYER_W - 2 * pad;
    g_autofree char *buyer_address = party_address (&buyer->party);
    double y = y2 + pad;

    y += block_add_text (self, block, "CLIENT", STYLE_LABEL, x + pad, y, inner,
                         PANGO_ALIGN_LEFT, &muted);
    y += 2.0;
    y += block_add_text (self, block, is_blank (buyer->party.name) ? "—" : buyer->party.name,
                         STYLE_NAME, x + pad, y, inner, PANGO_ALIGN_LEFT, &ink);
    y += 1.0;
    if (*buyer_address != '\0')
      y += block_add_text (self, block, buyer_address, STYLE_BODY, x + pad, y, inner,
                           PANGO_ALIGN_LEFT, &ink);
    if (b2b)
      {
        g_autoptr(GString) bids = g_string_new (NULL);
        g_autofree char *bid = party_identifier (&buyer->party);

        if (bid != NULL)
          g_string_append (bids, bid);
        if (!is_blank (buyer->party.vat_id))
          g_string_append_printf (bids, "%sN° TVA : %s", bids->len > 0 ? "\n" : "",
                                  buyer->party.vat_id);
        if (bids->len > 0)
          {
            y += 3.0;
            y += block_add_text (self, block, bids->str, STYLE_SMALL, x + pad, y, inner,
                                 PANGO_ALIGN_LEFT, &muted);
          }
      }
    y += pad;
    /* The box goes behind the texts: shapes are drawn first. */
    block_add_shape (block, SHAPE_FILL, x, y2, RIGHT_EDGE, y, 0, &tint);
    block_add_shape (block, SHAPE_LINE, x, y2, x, y, 2.0, &accent);
    y_buyer = y;
  }

  block->height = MAX (y_dates, y_buyer);
  return block;
}

/* ---- running header of pages 2… ---- */

static Block *
build_running_header (FacturesPdfLayout *self)
{
  Block *block = block_new ();
  g_autofree char *left = NULL;
  double h;

  if (self->draft)
    left = g_strdup_printf ("%s — Brouillon (suite)", self->title);
  else
    left = g_strdup_printf ("%s N° %s (suite)", self->title, self->number);

  h = block_add_text (self, block, left, STYLE_SMALL_BOLD, MARGIN_X, 0, CONTENT_W * 0.6,
                      PANGO_ALIGN_LEFT, self->draft ? &stamp : &accent);

  if (self->duplicata)
    block_add_text (self, block, "Duplicata", STYLE_SMALL_BOLD, RIGHT_EDGE - CONTENT_W * 0.35, 0,
                    CONTENT_W * 0.35, PANGO_ALIGN_RIGHT, &stamp);
  else
    {
      /* One line: the full identity is in the footer. */
      PangoLayout *name = make_layout (self, self->seller_name, STYLE_SMALL, CONTENT_W * 0.35,
                                       PANGO_ALIGN_RIGHT);

      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
      block_add_layout (block, name, RIGHT_EDGE - CONTENT_W * 0.35, 0, &muted);
    }

  block_add_shape (block, SHAPE_LINE, MARGIN_X, h + 4.0, RIGHT_EDGE, h + 4.0, 0.6, &rule);
  block->height = h + 4.0;
  return block;
}

/* ---- footer ---- */

static Block *
build_footer (FacturesPdfLayout     *self,
              const FacturesProfile *seller)
{
  Block *block = block_new ();
  g_autoptr(GString) line1 = g_string_new (NULL);
  g_autofree char *siren = party_siren (&seller->party);
  g_autofree char *registry = registry_text (seller);
  g_autofree char *address = party_address_one_line (&seller->party);
  const double side = 70.0;

  g_string_append (line1, is_blank (seller->party.name) ? "—" : seller->party.name);
  if (siren != NULL)
    g_string_append_printf (line1, " — SIREN %s", siren);
  if (registry != NULL)
    g_string_append_printf (line1, " — %s", registry);
  if (*address != '\0')
    g_string_append_printf (line1, "\n%s", address);
  if (!is_blank (seller->party.vat_id))
    g_string_append_printf (line1, " — N° TVA %s", seller->party.vat_id);

  block_add_shape (block, SHAPE_LINE, MARGIN_X, 0, RIGHT_EDGE, 0, 0.6, &rule);
  block->height = 6.0 + block_add_text (self, block, line1->str, STYLE_FOOTER, MARGIN_X + side, 6.0,
                                        CONTENT_W - 2 * side, PANGO_ALIGN_CENTER, &muted);
  return block;
}

/* ---- table ---- */

static void
setup_columns (FacturesPdfLayout *self,
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

static Block *
build_table_header (FacturesPdfLayout *self)
{
  static const char *titles[N_COLS] = {
    "Désignation", "Qté", "Unité", "PU HT", "TVA", "Montant HT",
  };
  Block *block = block_new ();
  double h = 0;

  for (guint i = 0; i < N_COLS; i++)
    {
      if (self->col_w[i] <= 0)
        continue;
      h = MAX (h, block_add_text (self, block, titles[i], STYLE_HEAD,
                                  self->col_x[i] + CELL_PAD_X, HEAD_PAD_Y,
                                  self->col_w[i] - 2 * CELL_PAD_X,
                                  column_alignment (i), &accent));
    }
  block->height = h + 2 * HEAD_PAD_Y;
  block_add_shape (block, SHAPE_FILL, MARGIN_X, 0, RIGHT_EDGE, block->height, 0, &tint);
  block_add_shape (block, SHAPE_LINE, MARGIN_X, block->height, RIGHT_EDGE, block->height, 1.0, &accent);
  return block;
}

static Row *
build_row (FacturesPdfLayout  *self,
           const FacturesLine *line,
           gint64              net)
{
  Row *row = g_new0 (Row, 1);
  g_autofree char *description = NULL;
  char *texts[N_COLS] = { NULL, };
  gsize description_len;

  description = g_strdup (line->description != NULL ? line->description : "");
  g_strchomp (description);
  description_len = strlen (description);

  texts[COL_QUANTITY] = factures_quantity_format (line->quantity);
  texts[COL_UNIT] = g_strdup (line->unit != NULL ? line->unit : "");
  texts[COL_UNIT_PRICE] = factures_unit_price_format (line->unit_price);
  if (self->col_w[COL_VAT] > 0)
    texts[COL_VAT] = factures_rate_format (line->vat_rate_bp);
  texts[COL_AMOUNT] = factures_money_format (net);

  /* Description, with the line discount in italics below it. */
  if (line->allowance != 0)
    {
      g_autofree char *allowance = factures_money_format (line->allowance);
      g_autofree char *full = g_strdup_printf ("%s%sRemise : %s", description,
                                               description_len > 0 ? "\n" : "", allowance);
      PangoAttrList *attrs = pango_attr_list_new ();
      PangoAttribute *attr = pango_attr_style_new (PANGO_STYLE_ITALIC);

      row->cells[COL_DESCRIPTION] = make_layout (self, full, STYLE_BODY,
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
      row->cells[COL_DESCRIPTION] = make_layout (self, description, STYLE_BODY,
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
      row->cells[i] = make_layout (self, texts[i], STYLE_BODY,
                                   self->col_w[i] - 2 * CELL_PAD_X, column_alignment (i));
      row->others_height = MAX (row->others_height, layout_height (row->cells[i]));
      g_free (texts[i]);
    }

  row->height = MAX (layout_height (row->cells[COL_DESCRIPTION]), row->others_height)
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
static double
row_part_height (Row  *row,
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

/* ---- totals, VAT summary and mentions ---- */

/* One "label … amount" row of the totals box; returns the new y. */
static double
totals_row (FacturesPdfLayout *self,
            Block             *block,
            double             y,
            const char        *label,
            gint64             cents,
            Style              style)
{
  const double x = RIGHT_EDGE - TOTALS_W;
  g_autofree char *amount = factures_money_format (cents);
  double h;

  h = block_add_text (self, block, label, style, x + 8.0, y + 3.0, TOTALS_W * 0.55,
                      PANGO_ALIGN_LEFT, &ink);
  h = MAX (h, block_add_text (self, block, amount, style, x + TOTALS_W * 0.4, y + 3.0,
                              TOTALS_W * 0.6 - 8.0, PANGO_ALIGN_RIGHT, &ink));
  return y + h + 6.0;
}

static Block *
build_totals (FacturesPdfLayout      *self,
              const FacturesDocument *document,
              const FacturesTotals   *totals,
              gboolean                vat_registered)
{
  Block *block = block_new ();
  const double x = RIGHT_EDGE - TOTALS_W;
  double y = 0, y_left = 0, top;
  const char *final_label;
  gint64 final_amount;
  gboolean show_due = totals->paid_total != 0;

  if (totals->allowance_total != 0)
    {
      y = totals_row (self, block, y, vat_registered ? "Total des lignes HT" : "Total des lignes",
                      totals->lines_total, STYLE_BODY);
      y = totals_row (self, block, y, "Remise", -totals->allowance_total, STYLE_BODY);
    }

  if (vat_registered)
    {
      y = totals_row (self, block, y, "Total HT", totals->net_total, STYLE_BODY);
      for (guint i = 0; i < totals->breakdown->len; i++)
        {
          const FacturesVatBreakdown *b = &g_array_index (totals->breakdown, FacturesVatBreakdown, i);
          g_autofree char *rate = factures_rate_format (b->rate_bp);
          g_autofree char *label = g_strdup_printf ("TVA %s", rate);

          y = totals_row (self, block, y, label, b->vat, STYLE_BODY);
        }
      final_label = "Total TTC";
      final_amount = totals->gross_total;
    }
  else
    {
      final_label = "Total";
      final_amount = totals->gross_total;
    }

  top = y;
  y = totals_row (self, block, y + 1.0, final_label, final_amount, STYLE_TOTAL);
  block_add_shape (block, SHAPE_FILL, x, top, RIGHT_EDGE, y, 0, &tint);
  block_add_shape (block, SHAPE_LINE, x, top, RIGHT_EDGE, top, 1.0, &accent);

  if (show_due)
    {
      gint64 other_paid = totals->paid_total;

      /* A final invoice lists each deposit invoice it deducts (DESIGN.md §4). */
      if (document->kind == FACTURES_DOCUMENT_KIND_INVOICE && document->deposits != NULL)
        for (guint i = 0; i < document->deposits->len; i++)
          {
            const FacturesDocumentRef *ref = g_ptr_array_index (document->deposits, i);
            g_autofree char *date = date_text (&ref->issue_date);
            g_autofree char *label = g_strdup_printf ("Acompte %s du %s", ref->number ? ref->number : "",
                                                      date ? date : "");

            y = totals_row (self, block, y, label, -ref->amount, STYLE_BODY);
            other_paid -= ref->amount;
          }
      if (other_paid != 0)
        y = totals_row (self, block, y, "Déjà réglé", -other_paid, STYLE_BODY);
      top = y;
      y = totals_row (self, block, y + 1.0, "Net à payer", totals->amount_due, STYLE_TOTAL);
      block_add_shape (block, SHAPE_LINE, x, top, RIGHT_EDGE, top, 1.0, &accent);
    }

  if (!vat_registered)
    {
      y += 4.0;
      y += block_add_text (self, block, "TVA non applicable, art. 293 B du CGI", STYLE_SMALL_BOLD,
                           x, y, TOTALS_W, PANGO_ALIGN_RIGHT, &ink);
    }

  /* VAT summary per rate (left). */
  if (vat_registered && totals->breakdown->len > 0)
    {
      const double c0 = MARGIN_X, w0 = 55.0;
      const double c1 = c0 + w0, w1 = 95.0;
      const double c2 = c1 + w1, w2 = VAT_SUMMARY_W - w0 - w1;
      double h;

      y_left += block_add_text (self, block, "Récapitulatif de la TVA", STYLE_SMALL_BOLD,
                                c0, y_left, VAT_SUMMARY_W, PANGO_ALIGN_LEFT, &accent);
      y_left += 3.0;
      top = y_left;
      h = block_add_text (self, block, "Taux", STYLE_HEAD, c0 + CELL_PAD_X, y_left + 3.0,
                          w0 - 2 * CELL_PAD_X, PANGO_ALIGN_LEFT, &accent);
      block_add_text (self, block, "Base HT", STYLE_HEAD, c1 + CELL_PAD_X, y_left + 3.0,
                      w1 - 2 * CELL_PAD_X, PANGO_ALIGN_RIGHT, &accent);
      block_add_text (self, block, "Montant TVA", STYLE_HEAD, c2 + CELL_PAD_X, y_left + 3.0,
                      w2 - 2 * CELL_PAD_X, PANGO_ALIGN_RIGHT, &accent);
      y_left += h + 6.0;
      block_add_shape (block, SHAPE_FILL, c0, top, c0 + VAT_SUMMARY_W, y_left, 0, &tint);

      for (guint i = 0; i < totals->breakdown->len; i++)
        {
          const FacturesVatBreakdown *b = &g_array_index (totals->breakdown, FacturesVatBreakdown, i);
          g_autofree char *rate = factures_rate_format (b->rate_bp);
          g_autofree char *base = factures_money_format (b->base);
          g_autofree char *vat = factures_money_format (b->vat);

          h = block_add_text (self, block, rate, STYLE_SMALL, c0 + CELL_PAD_X, y_left + 3.0,
                              w0 - 2 * CELL_PAD_X, PANGO_ALIGN_LEFT, &ink);
          block_add_text (self, block, base, STYLE_SMALL, c1 + CELL_PAD_X, y_left + 3.0,
                          w1 - 2 * CELL_PAD_X, PANGO_ALIGN_RIGHT, &ink);
          block_add_text (self, block, vat, STYLE_SMALL, c2 + CELL_PAD_X, y_left + 3.0,
                          w2 - 2 * CELL_PAD_X, PANGO_ALIGN_RIGHT, &ink);
          y_left += h + 6.0;
          block_add_shape (block, SHAPE_LINE, c0, y_left, c0 + VAT_SUMMARY_W, y_left, 0.5, &rule);
        }
    }

  block->height = MAX (y, y_left);
  return block;
}

/* A paragraph of the mentions, "Label : value" with the label in bold. */
static Block *
mention_block (FacturesPdfLayout *self,
               const char        *label,
               const char        *value,
               Style              style)
{
  Block *block = block_new ();
  g_autofree char *text = NULL;
  PangoLayout *layout;

  if (label != NULL)
    text = g_strdup_printf ("%s : %s", label, value);
  else
    text = g_strdup (value);
  layout = make_layout (self, text, style, CONTENT_W, PANGO_ALIGN_LEFT);
  if (label != NULL)
    layout_bold_prefix (layout, strlen (label) + 2);
  block->height = block_add_layout (block, layout, MARGIN_X, 0, &ink) + BLOCK_GAP;
  return block;
}

/* Notes: a paragraph as blocks of at most NOTE_CHUNK_LINES wrapped lines, so
 * that even one huge paragraph flows over pages instead of running into the
 * footer. */
#define NOTE_CHUNK_LINES 12

static void
add_paragraph_blocks (FacturesPdfLayout *self,
                      GPtrArray         *tail,
                      const char        *paragraph)
{
  g_autoptr(PangoLayout) whole = make_layout (self, paragraph, STYLE_SMALL, CONTENT_W,
                                              PANGO_ALIGN_LEFT);
  GSList *lines = pango_layout_get_lines_readonly (whole);
  guint n_lines = g_slist_length (lines);
  gsize len = strlen (paragraph);

  for (guint first = 0; first < n_lines; first += NOTE_CHUNK_LINES)
    {
      const PangoLayoutLine *start = g_slist_nth_data (lines, first);
      const PangoLayoutLine *next = first + NOTE_CHUNK_LINES < n_lines
                                    ? g_slist_nth_data (lines, first + NOTE_CHUNK_LINES) : NULL;
      gsize from = start->start_index;
      gsize to = next != NULL ? (gsize) next->start_index : len;
      g_autofree char *chunk = g_strndup (paragraph + from, to - from);
      Block *block = block_new ();

      g_strchomp (chunk);
      block->height = block_add_text (self, block, chunk, STYLE_SMALL, MARGIN_X, 0, CONTENT_W,
                                      PANGO_ALIGN_LEFT, &ink);
      if (next == NULL)
        block->height += 1.0;
      g_ptr_array_add (tail, block);
    }
}

static Block *
section_title_block (FacturesPdfLayout *self,
                     const char        *title)
{
  Block *block = block_new ();

  block->keep_with_next = TRUE;
  double h;

  h = block_add_text (self, block, title, STYLE_SMALL_BOLD, MARGIN_X, 6.0, CONTENT_W,
                      PANGO_ALIGN_LEFT, &accent);
  block_add_shape (block, SHAPE_LINE, MARGIN_X, 6.0 + h + 2.0, RIGHT_EDGE, 6.0 + h + 2.0, 0.6, &rule);
  block->height = 6.0 + h + 6.0;
  return block;
}

/* The EPC QR code (LEGAL.md §9, EPC069-12): the amount due and the invoice number as
 * remittance text, for the payer's banking app. NULL when the profile's details cannot make
 * a valid payload (a name over 70 characters, a malformed BIC…): the IBAN text stays. */
static Block *
epc_qr_block (FacturesPdfLayout     *self,
              const FacturesProfile *seller,
              gint64                 amount_due)
{
  static const Rgb black = { 0, 0, 0 };
  static const Rgb white = { 1, 1, 1 };
  const double size = 96.0, x0 = MARGIN_X, y0 = 4.0;
  FacturesEpcQr qr = { 0 };
  g_autoptr(GBytes) data = NULL;
  g_autofree guint8 *modules = NULL;
  gint width = 0;
  double module;
  Block *block;

  if (amount_due <= 0 || self->number == NULL || (self->flags & FACTURES_PDF_FLAG_PAID))
    return NULL;
  qr.charset = 1;
  qr.version = "002";
  qr.bic = seller->bic;
  qr.name = seller->party.name;
  qr.iban = seller->iban;
  qr.amount = amount_due;
  qr.text = self->number;
  data = factures_epc_qr_encode (&qr, NULL);
  if (data == NULL)
    return NULL;
  modules = factures_qr_modules (data, &width, NULL);
  if (modules == NULL)
    return NULL;

  block = block_new ();
  module = size / (width + 8);   /* with its 4-module quiet zone */
  block_add_shape (block, SHAPE_FILL, x0, y0, x0 + size, y0 + size, 0, &white);
  for (gint row = 0; row < width; row++)
    for (gint col = 0; col < width;)
      {
        gint end = col;

        if (!modules[row * width + col])
          {
            col++;
            continue;
          }
        while (end < width && modules[row * width + end])
          end++;
        /* rows overlap by a hair so that no seam shows between them */
        block_add_shape (block, SHAPE_FILL, x0 + (4 + col) * module, y0 + (4 + row) * module,
                         x0 + (4 + end) * module, y0 + (5 + row) * module + 0.05, 0, &black);
        col = end;
      }
  block_add_text (self, block, "Payer par virement : scannez ce code (QR code EPC) avec l'application "
                  "de votre banque ; le montant et la référence sont déjà remplis.",
                  STYLE_SMALL, x0 + size + 10.0, y0 + size / 2 - 10.0, CONTENT_W - size - 10.0,
                  PANGO_ALIGN_LEFT, &muted);
  block->height = y0 + size + 4.0;
  return block;
}

static void
build_tail (FacturesPdfLayout      *self,
            const FacturesDocument *document,
            const FacturesProfile  *seller,
            const FacturesClient   *buyer,
            const FacturesTotals   *totals,
            gboolean                vat_registered,
            gboolean                b2b)
{
  GPtrArray *tail = self->tail;
  gboolean is_quote = document->kind == FACTURES_DOCUMENT_KIND_QUOTE;
  gboolean is_credit = document->kind == FACTURES_DOCUMENT_KIND_CREDIT_NOTE;

  g_ptr_array_add (tail, build_totals (self, document, totals, vat_registered));

  if (!is_credit)
    {
      g_autofree char *terms = terms_text (&document->terms);
      g_autofree char *due = document_due_date_text (document, seller);

      g_ptr_array_add (tail, section_title_block (self, "Conditions de règlement"));
      if (factures_document_has_schedule (document) && !is_quote)
        {
          /* The payment schedule agreed with the client (issue 6): "Paiement en 3
           * échéances : 300,00 € le 15/01/2027 ; …"; the due date below is the last one. */
          g_autofree char *title = factures_schedule_title_fr (document->instalments);
          g_autofree char *list = factures_schedule_list_fr (document->instalments);

          g_ptr_array_add (tail, mention_block (self, title, list, STYLE_SMALL));
        }
      else
        g_ptr_array_add (tail, mention_block (self, "Conditions de paiement", terms, STYLE_SMALL));
      if (due != NULL && !is_quote)
        g_ptr_array_add (tail, mention_block (self, "Échéance", due, STYLE_SMALL));

      if (!is_blank (seller->iban))
        {
          g_autofree char *iban = format_iban (seller->iban);
          g_autoptr(GString) bank = g_string_new (NULL);

          g_string_append_printf (bank, "IBAN %s", iban);
          if (!is_blank (seller->bic))
            g_string_append_printf (bank, " — BIC %s", seller->bic);
          if (!self->draft && !is_quote)
            g_string_append_printf (bank, " — référence : %s", self->number);
          g_ptr_array_add (tail, mention_block (self, "Paiement par virement", bank->str, STYLE_SMALL));
          if (!self->draft && !is_quote)
            {
              Block *qr = epc_qr_block (self, seller, totals->amount_due);

              if (qr != NULL)
                g_ptr_array_add (tail, qr);
            }
        }

      /* Escompte conditions (C. com. L441-9), issue 3 item 9. */
      if (seller->escompte_rate_bp > 0)
        {
          g_autofree char *rate = factures_rate_format (seller->escompte_rate_bp);
          g_autofree char *escompte = g_strdup_printf ("%s si paiement sous %u jours", rate,
                                                       seller->escompte_days);

          g_ptr_array_add (tail, mention_block (self, "Escompte pour paiement anticipé", escompte,
                                                STYLE_SMALL));
        }
      else
        g_ptr_array_add (tail, mention_block (self, NULL, "Pas d'escompte pour paiement anticipé",
                                              STYLE_SMALL));

      /* Late penalties (C. com. L441-10; C. civ. 1344-1 for private buyers). */
      if (seller->penalty_rate_bp > 0)
        {
          g_autofree char *rate = factures_rate_format (seller->penalty_rate_bp);
          g_autofree char *value = g_strdup_printf ("%s l'an", rate);

          g_ptr_array_add (tail, mention_block (self, "Taux des pénalités de retard", value, STYLE_SMALL));
        }
      else if (buyer->category == FACTURES_CLIENT_CATEGORY_PUBLIC)
        g_ptr_array_add (tail, mention_block (self, "Pénalités de retard",
                                              "taux de refinancement de la BCE majoré de 8 points",
                                              STYLE_SMALL));
      else if (b2b)
        g_ptr_array_add (tail, mention_block (self, "Pénalités de retard",
                                              "taux de refinancement de la BCE majoré de 10 points",
                                              STYLE_SMALL));
      else
        g_ptr_array_add (tail, mention_block (self, "Pénalités de retard",
                                              "taux de l'intérêt légal, à compter de la mise en demeure",
                                              STYLE_SMALL));

      /* C. com. D441-5: professional buyers only. */
      if (b2b)
        g_ptr_array_add (tail, mention_block (self, NULL,
                                              "Indemnité forfaitaire pour frais de recouvrement : 40 €",
                                              STYLE_SMALL));
    }

  if (!is_blank (seller->insurance))
    g_ptr_array_add (tail, mention_block (self, "Assurance professionnelle", seller->insurance,
                                          STYLE_SMALL));

  if (!is_blank (document->notes))
    {
      g_auto(GStrv) paragraphs = NULL;
      g_autofree char *notes = g_strstrip (g_strdup (document->notes));

      g_ptr_array_add (tail, section_title_block (self, "Notes"));
      /* One block per paragraph so that very long notes can flow over pages. */
      paragraphs = g_strsplit (notes, "\n", -1);
      for (guint i = 0; paragraphs[i] != NULL; i++)
        add_paragraph_blocks (self, tail, *paragraphs[i] != '\0' ? paragraphs[i] : " ");
    }

  if (is_credit && document->cites != NULL && document->cites->number != NULL)
    {
      g_autofree char *cited_date = date_text (&document->cites->issue_date);
      g_autofree char *text = g_strdup_printf ("Avoir sur la facture n° %s du %s : il en annule "
                                               "le montant à hauteur du total ci-dessus.",
                                               document->cites->number, cited_date ? cited_date : "");

      g_ptr_array_add (tail, mention_block (self, NULL, text, STYLE_SMALL_BOLD));
    }

  if (is_quote && !is_blank (document->conditions))
    {
      g_auto(GStrv) paragraphs = NULL;
      g_autofree char *conditions = g_strstrip (g_strdup (document->conditions));

      g_ptr_array_add (tail, section_title_block (self, "Conditions"));
      paragraphs = g_strsplit (conditions, "\n", -1);
      for (guint i = 0; paragraphs[i] != NULL; i++)
        add_paragraph_blocks (self, tail, *paragraphs[i] != '\0' ? paragraphs[i] : " ");
    }

  if (is_quote)
    {
      Block *block = block_new ();
      const double w = 260.0;
      const double x = RIGHT_EDGE - w + 8.0;
      double h, y = 14.0;

      /* LEGAL.md §2: dated signature "bon pour accord"; building trades add the
       * handwritten "devis reçu avant l'exécution des travaux". */
      y += block_add_text (self, block, "Bon pour accord", STYLE_SMALL_BOLD, x, y, w - 16.0,
                           PANGO_ALIGN_LEFT, &ink) + 4.0;
      y += block_add_text (self, block,
                           "Mention manuscrite « Lu et approuvé, bon pour accord », date, nom et "
                           "signature du client :",
                           STYLE_SMALL, x, y, w - 16.0, PANGO_ALIGN_LEFT, &muted) + 4.0;
      if (seller->building_trade)
        y += block_add_text (self, block,
                             "Mention manuscrite également : « Devis reçu avant l'exécution des "
                             "travaux »",
                             STYLE_SMALL, x, y, w - 16.0, PANGO_ALIGN_LEFT, &muted) + 4.0;
      h = block_add_text (self, block, "Date :", STYLE_SMALL, x, y + 6.0, w - 16.0, PANGO_ALIGN_LEFT, &ink);
      y += h + 14.0;
      block_add_text (self, block, "Nom :", STYLE_SMALL, x, y, w - 16.0, PANGO_ALIGN_LEFT, &ink);
      y += h + 14.0;
      block_add_text (self, block, "Signature :", STYLE_SMALL, x, y, w - 16.0, PANGO_ALIGN_LEFT, &ink);
      y += h + 40.0;
      block_add_shape (block, SHAPE_FRAME, RIGHT_EDGE - w, 8.0, RIGHT_EDGE, y, 0.6, &rule);
      block->height = y + 4.0;
      g_ptr_array_add (tail, block);
    }
}

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
  Page *page = page_new (has_table);

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
                 && y + row_part_height (row, line, k + 1) <= CONTENT_BOTTOM + 0.01)
            k++;
          if (k == 0 && rows_on_page > 0)
            {
              page = add_page (self, TRUE, &y);
              rows_on_page = 0;
              continue;
            }
          k = MAX (k, 1);
          h = row_part_height (row, line, k);
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
  PangoLayout *layout = make_layout (self, text, STYLE_WATERMARK, -1, PANGO_ALIGN_LEFT);
  double w = layout_width (layout), h = layout_height (layout);

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
  self->draft = (flags & FACTURES_PDF_FLAG_DRAFT) != 0 || is_blank (document->number);
  self->context = factures_fonts_create_context ();
  self->title = g_strdup (kind_title (document->kind));
  self->number = self->draft ? NULL : g_strdup (document->number);
  self->seller_name = g_strdup (seller->party.name != NULL ? seller->party.name : "");
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  self->tail = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);

  setup_columns (self, vat_registered);
  self->first_header = build_first_header (self, document, seller, buyer, b2b);
  self->running_header = build_running_header (self);
  self->table_header = build_table_header (self);
  self->footer = build_footer (self, seller);
  self->first_table_top = MARGIN_TOP + self->first_header->height + HEADER_GAP;
  self->running_table_top = MARGIN_TOP + CONT_HEADER_H;

  n_lines = document->lines != NULL ? document->lines->len : 0;
  for (guint i = 0; i < n_lines; i++)
    {
      const FacturesLine *line = g_ptr_array_index (document->lines, i);
      gint64 net = i < totals.line_nets->len ? g_array_index (totals.line_nets, gint64, i) : 0;

      g_ptr_array_add (self->rows, build_row (self, line, net));
    }

  build_tail (self, document, seller, buyer, &totals, vat_registered, b2b);
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
  page_layout = make_layout (self, page_text, STYLE_FOOTER, 70.0, PANGO_ALIGN_RIGHT);
  set_color (cr, &muted);
  cairo_move_to (cr, RIGHT_EDGE - 70.0, FOOTER_TOP + 6.0);
  pango_cairo_show_layout (cr, page_layout);

  cairo_restore (cr);
}

void
factures_pdf_layout_free (FacturesPdfLayout *layout)
{
  if (layout == NULL)
    return;
  g_free (layout->title);
  g_free (layout->number);
  g_free (layout->seller_name);
  block_free (layout->first_header);
  block_free (layout->running_header);
  block_free (layout->table_header);
  block_free (layout->footer);
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

/**
 * factures_pdf_render_for_issue:
 * @document: the document being issued (number, dates and snapshots set)
 * @user_data: unused
 * @error: see factures_pdf_render(); for invoices, deposit invoices and credit
 *   notes also factures_facturx_render(), and FACTURES_ERROR_FORMAT when the
 *   XML would not pass the Factur-X EN16931 XSD
 *
 * A FacturesRenderFunc for factures_store_issue(): the stored original, with
 * no flags. Invoices (380), deposit invoices (386) and credit notes (381) are
 * Factur-X files (PDF/A-3b carrying their CII XML, LEGAL.md §8), checked
 * against the Factur-X XSD before they are stored; quotes are plain PDF.
 *
 * Returns: (transfer full) (nullable): the PDF bytes
 */
GBytes *
factures_pdf_render_for_issue (const FacturesDocument *document,
                               gpointer                user_data,
                               GError                **error)
{
  g_autoptr(GBytes) xml = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  if (document->kind == FACTURES_DOCUMENT_KIND_QUOTE)
    return factures_pdf_render (document, FACTURES_PDF_FLAG_NONE, error);

  xml = factures_cii_build (document, error);
  if (xml == NULL)
    return NULL;
  if (!factures_cii_check_xsd (xml, NULL, &problems, error))
    {
      if (problems != NULL)
        g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                     _("The Factur-X XML of this document does not pass its schema: %s"),
                     problems->len > 0 ? (const char *) problems->pdata[0] : "?");
      return NULL;
    }
  pdf = factures_pdf_render (document, FACTURES_PDF_FLAG_NONE, error);
  if (pdf == NULL)
    return NULL;
  return factures_facturx_wrap (pdf, xml, FACTURES_CII_PROFILE_EN16931, error);
}
