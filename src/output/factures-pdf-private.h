/* factures-pdf-private.h — geometry, styles and the layout's structures shared by the files
 * that were factures-pdf.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "factures-pdf.h"

G_BEGIN_DECLS

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

  char             *currency;        /* issue 13 item 4: the document's ISO 4217 code; NULL: euros */
};

/* An amount in the layout's currency: "1 234,56 €" or "1 234,56 GBP" (factures_currency_format()). */
char *
factures_pdf_impl_money (const FacturesPdfLayout *self,
                         gint64                   cents);

/* A unit price in the layout's currency: "12,50 €" or "12,50 GBP" (2 to 6 decimals). */
char *
factures_pdf_impl_unit_price (const FacturesPdfLayout *self,
                              gint64                   unit_price);


void
factures_pdf_impl_row_free (Row *row);

Block *
factures_pdf_impl_block_new (void);

void
factures_pdf_impl_block_free (Block *block);

void
factures_pdf_impl_page_free (Page *page);

Page *
factures_pdf_impl_page_new (gboolean has_table);

PangoFontDescription *
factures_pdf_impl_style_font (Style style);

PangoLayout *
factures_pdf_impl_make_layout (FacturesPdfLayout *self,
                               const char        *text,
                               Style              style,
                               double             width,
                               PangoAlignment     alignment);

double
factures_pdf_impl_layout_height (PangoLayout *layout);

double
factures_pdf_impl_layout_width (PangoLayout *layout);

void
factures_pdf_impl_layout_bold_prefix (PangoLayout *layout,
                                      gsize        n_bytes);

double
factures_pdf_impl_block_add_layout (Block       *block,
                                    PangoLayout *layout,
                                    double       x,
                                    double       y,
                                    const Rgb   *color);

double
factures_pdf_impl_block_add_text (FacturesPdfLayout *self,
                                  Block             *block,
                                  const char        *string,
                                  Style              style,
                                  double             x,
                                  double             y,
                                  double             width,
                                  PangoAlignment     alignment,
                                  const Rgb         *color);

void
factures_pdf_impl_block_add_shape (Block     *block,
                                   ShapeKind  kind,
                                   double     x0,
                                   double     y0,
                                   double     x1,
                                   double     y1,
                                   double     width,
                                   const Rgb *color);

gboolean
factures_pdf_impl_is_blank (const char *s);

char *
factures_pdf_impl_format_iban (const char *iban);

char *
factures_pdf_impl_party_identifier (const FacturesParty *party);

char *
factures_pdf_impl_party_siren (const FacturesParty *party);

char *
factures_pdf_impl_registry_text (const FacturesProfile *seller);

char *
factures_pdf_impl_party_address (const FacturesParty *party);

char *
factures_pdf_impl_party_address_one_line (const FacturesParty *party);

const char *
factures_pdf_impl_kind_title (FacturesDocumentKind kind);

char *
factures_pdf_impl_terms_text (const FacturesPaymentTerms *terms);

const char *
factures_pdf_impl_activity_text (FacturesActivity activity);

char *
factures_pdf_impl_date_text (const GDate *date);

char *
factures_pdf_impl_document_due_date_text (const FacturesDocument *document,
                                          const FacturesProfile  *seller);

Block *
factures_pdf_impl_build_first_header (FacturesPdfLayout      *self,
                                      const FacturesDocument *document,
                                      const FacturesProfile  *seller,
                                      const FacturesClient   *buyer,
                                      gboolean                b2b);

Block *
factures_pdf_impl_build_running_header (FacturesPdfLayout *self);

Block *
factures_pdf_impl_build_footer (FacturesPdfLayout     *self,
                                const FacturesProfile *seller);

void
factures_pdf_impl_setup_columns (FacturesPdfLayout *self,
                                 gboolean           show_vat);

Block *
factures_pdf_impl_build_table_header (FacturesPdfLayout *self);

Row *
factures_pdf_impl_build_row (FacturesPdfLayout  *self,
                             const FacturesLine *line,
                             gint64              net);

double
factures_pdf_impl_row_part_height (Row  *row,
                                   gint  first,
                                   gint  n);

void
factures_pdf_impl_build_tail (FacturesPdfLayout      *self,
                              const FacturesDocument *document,
                              const FacturesProfile  *seller,
                              const FacturesClient   *buyer,
                              const FacturesTotals   *totals,
                              gboolean                vat_registered,
                              gboolean                b2b);

G_END_DECLS
