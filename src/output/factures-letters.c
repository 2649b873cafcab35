/* factures-letters.c — dunning letters and message templates
 *
 * A letter is laid out once as a flow of positioned Pango layouts and rules,
 * device-independently (72 dpi context of factures-fonts.c, unhinted metrics),
 * then cut into A4 pages: a paragraph or a table is never split; when it does
 * not fit it starts the next page. Every page has a footer with the sender's
 * legal identity (and "Page n / N" when there are several).
 *
 * Like the invoices, the letters are French legal documents for the French
 * market: their texts are French whatever the locale and are not translated; for a
 * client whose documents are in French and English each French text is followed by
 * its English (issue 13 item 5), the French first.
 * Sources: LEGAL.md §3 (penalties, 40 € indemnity D441-5, B2C legal rate
 * C. civ. 1344-1), §4 (mise en demeure: clear demand, "vaut mise en demeure",
 * invoice references, sums, deadline, consequence), §12 (public buyers).
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

#include "factures-currency.h"
#include "factures-date.h"
#include "factures-fonts.h"
#include "factures-letters.h"
#include "factures-letters-resources.h"
#include "factures-money.h"

#define PAGE_W        595.28
#define PAGE_H        841.89
#define MARGIN_X      56.0
#define MARGIN_TOP    48.0
#define CONTENT_W     (PAGE_W - 2 * MARGIN_X)
#define RIGHT_EDGE    (PAGE_W - MARGIN_X)
#define FOOTER_TOP    (PAGE_H - 46.0)
#define BOTTOM        (FOOTER_TOP - 12.0)
#define WINDOW_X      318.0   /* addressee block: DL window envelope, right */
#define WINDOW_Y      138.0
#define PARA_GAP      8.0

typedef struct { double r, g, b; } Rgb;

static const Rgb ink    = { 0.13, 0.14, 0.16 };
static const Rgb muted  = { 0.40, 0.42, 0.46 };
static const Rgb accent = { 0.15, 0.29, 0.48 };
static const Rgb tint   = { 0.925, 0.942, 0.965 };
static const Rgb rule   = { 0.80, 0.82, 0.85 };
static const Rgb alert  = { 0.62, 0.10, 0.10 };

typedef enum {
  STYLE_BODY,
  STYLE_BOLD,
  STYLE_SMALL,
  STYLE_SMALL_BOLD,
  STYLE_FOOTER,
  STYLE_NAME,
  STYLE_TITLE,
  STYLE_LABEL,
  N_STYLES
} Style;

static const struct {
  double      size;
  PangoWeight weight;
} styles[N_STYLES] = {
  [STYLE_BODY]       = { 10.0, PANGO_WEIGHT_NORMAL },
  [STYLE_BOLD]       = { 10.0, PANGO_WEIGHT_BOLD },
  [STYLE_SMALL]      = { 8.5,  PANGO_WEIGHT_NORMAL },
  [STYLE_SMALL_BOLD] = { 8.5,  PANGO_WEIGHT_BOLD },
  [STYLE_FOOTER]     = { 7.0,  PANGO_WEIGHT_NORMAL },
  [STYLE_NAME]       = { 11.0, PANGO_WEIGHT_BOLD },
  [STYLE_TITLE]      = { 15.0, PANGO_WEIGHT_BOLD },
  [STYLE_LABEL]      = { 7.0,  PANGO_WEIGHT_BOLD },
};

/* ---- items: positioned texts and shapes, relative to their block's top ---- */

typedef struct {
  PangoLayout *layout;   /* NULL for a shape */
  double       x, y;
  double       x1, y1;   /* shape: fill rectangle (x,y)→(x1,y1), or a line when y == y1 */
  gboolean     fill;
  Rgb          color;
} Item;

typedef struct {
  GArray *items;         /* Item */
  double  height;
} Block;

typedef struct {
  PangoContext *context;
  GPtrArray    *pages;   /* GPtrArray of Block* placed with a y offset: PlacedBlock */
  char         *footer;
  char         *currency;  /* issue 13 item 4: the invoice's ISO 4217 code; NULL: euros */
  gboolean      bilingual; /* issue 13 item 5: each French text followed by its English */
} Letter;

typedef struct {
  Block  *block;
  double  top;
} Placed;

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->layout);
}

static Block *
block_new (void)
{
  Block *block = g_new0 (Block, 1);

  block->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (block->items, item_clear);
  return block;
}

static void
block_free (Block *block)
{
  g_array_unref (block->items);
  g_free (block);
}

static void
placed_free (gpointer data)
{
  Placed *placed = data;

  block_free (placed->block);
  g_free (placed);
}

static PangoLayout *
make_layout (PangoContext   *context,
             const char     *text,
             Style           style,
             double          width,
             PangoAlignment  alignment)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, FACTURES_FONTS_FAMILIES);
  pango_font_description_set_size (desc, (gint) (styles[style].size * PANGO_SCALE));
  pango_font_description_set_weight (desc, styles[style].weight);
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

/* Adds a text; returns its height. */
static double
block_text (Letter        *self,
            Block         *block,
            const char    *text,
            Style          style,
            double         x,
            double         y,
            double         width,
            PangoAlignment alignment,
            const Rgb     *color)
{
  Item item = { 0 };
  double h;

  item.layout = make_layout (self->context, text, style, width, alignment);
  item.x = x;
  item.y = y;
  item.color = *color;
  h = layout_height (item.layout);
  g_array_append_val (block->items, item);
  if (y + h > block->height)
    block->height = y + h;
  return h;
}

/* Same with Pango markup (only for texts this file writes, values escaped). */
static double
block_markup (Letter        *self,
              Block         *block,
              const char    *markup,
              Style          style,
              double         x,
              double         y,
              double         width,
              const Rgb     *color)
{
  Item item = { 0 };
  double h;

  item.layout = make_layout (self->context, "", style, width, PANGO_ALIGN_LEFT);
  pango_layout_set_markup (item.layout, markup, -1);
  item.x = x;
  item.y = y;
  item.color = *color;
  h = layout_height (item.layout);
  g_array_append_val (block->items, item);
  if (y + h > block->height)
    block->height = y + h;
  return h;
}

static void
block_shape (Block     *block,
             double     x0,
             double     y0,
             double     x1,
             double     y1,
             gboolean   fill,
             const Rgb *color)
{
  Item item = { 0 };

  item.x = x0;
  item.y = y0;
  item.x1 = x1;
  item.y1 = y1;
  item.fill = fill;
  item.color = *color;
  g_array_append_val (block->items, item);
  if (y1 > block->height)
    block->height = y1;
}

/* ---- pages ---- */

static GPtrArray *
current_page (Letter *self)
{
  return g_ptr_array_index (self->pages, self->pages->len - 1);
}

static void
new_page (Letter *self)
{
  g_ptr_array_add (self->pages, g_ptr_array_new_with_free_func (placed_free));
}

/* Places @block (owned) at the flow position *@y, on a new page when it does not fit. */
static void
flow (Letter *self,
      Block  *block,
      double *y,
      double  gap_after)
{
  Placed *placed = g_new0 (Placed, 1);

  if (*y + block->height > BOTTOM && current_page (self)->len > 0)
    {
      new_page (self);
      *y = MARGIN_TOP;
    }
  placed->block = block;
  placed->top = *y;
  g_ptr_array_add (current_page (self), placed);
  *y += block->height + gap_after;
}

static void
flow_text (Letter     *self,
           double     *y,
           const char *text,
           Style       style,
           const Rgb  *color,
           double      gap_after)
{
  Block *block = block_new ();

  block_text (self, block, text, style, MARGIN_X, 0, CONTENT_W, PANGO_ALIGN_LEFT, color);
  flow (self, block, y, gap_after);
}

static void
flow_markup (Letter     *self,
             double     *y,
             const char *markup,
             double      gap_after)
{
  Block *block = block_new ();

  block_markup (self, block, markup, STYLE_BODY, MARGIN_X, 0, CONTENT_W, &ink);
  flow (self, block, y, gap_after);
}

/* Issue 13 item 5: a French paragraph, then (bilingual client) its English, smaller and muted;
 * for a French client exactly flow_text(). */
static void
flow_pair (Letter     *self,
           double     *y,
           const char *french,
           const char *english,
           Style       style,
           const Rgb  *color,
           double      gap_after)
{
  if (!self->bilingual || english == NULL)
    {
      flow_text (self, y, french, style, color, gap_after);
      return;
    }
  flow_text (self, y, french, style, color, 2);
  flow_text (self, y, english, STYLE_SMALL, &muted, gap_after);
}

/* The same for a paragraph in markup (the English is plain text). */
static void
flow_markup_pair (Letter     *self,
                  double     *y,
                  const char *french,
                  const char *english,
                  double      gap_after)
{
  if (!self->bilingual || english == NULL)
    {
      flow_markup (self, y, french, gap_after);
      return;
    }
  flow_markup (self, y, french, 2);
  flow_text (self, y, english, STYLE_SMALL, &muted, gap_after);
}

/* "French / English" for a bilingual client (@sep between them), else @french; (transfer full). */
static char *
pair (const Letter *self,
      const char   *french,
      const char   *english,
      const char   *sep)
{
  if (!self->bilingual)
    return g_strdup (french);
  return g_strconcat (french, sep, english, NULL);
}

/* ---- texts ---- */

static gboolean
is_blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s != '\0'; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return FALSE;
  return TRUE;
}

static char *
date_long (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("—");
  return factures_date_format_long (date);
}

static char *
date_short (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("—");
  return factures_date_format_fr (date);
}

static char *
party_address (const FacturesParty *party,
               gboolean             with_name)
{
  GString *s = g_string_new (NULL);

  if (with_name && !is_blank (party->name))
    g_string_append_printf (s, "%s\n", party->name);
  if (!is_blank (party->address))
    g_string_append_printf (s, "%s\n", party->address);
  if (!is_blank (party->postal_code) || !is_blank (party->city))
    g_string_append_printf (s, "%s %s\n",
                            party->postal_code != NULL ? party->postal_code : "",
                            party->city != NULL ? party->city : "");
  if (!is_blank (party->country_code) && g_strcmp0 (party->country_code, "FR") != 0)
    g_string_append_printf (s, "%s\n", party->country_code);
  if (s->len > 0 && s->str[s->len - 1] == '\n')
    g_string_truncate (s, s->len - 1);
  return g_string_free (s, FALSE);
}

static char *
group_digits (const char *s,
              const int  *groups)
{
  GString *out = g_string_new (NULL);
  gsize pos = 0;
  gsize len = strlen (s);

  for (guint i = 0; groups[i] > 0 && pos < len; i++)
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, s + pos, MIN ((gsize) groups[i], len - pos));
      pos += groups[i];
    }
  if (pos < len)
    g_string_append (out, s + pos);
  return g_string_free (out, FALSE);
}

static char *
seller_identifier (const FacturesProfile *seller)
{
  static const int siren_groups[] = { 3, 3, 3, 0 };
  static const int siret_groups[] = { 3, 3, 3, 5, 0 };

  if (!is_blank (seller->party.siret))
    {
      g_autofree char *s = group_digits (seller->party.siret, siret_groups);
      return g_strdup_printf ("SIRET %s", s);
    }
  if (!is_blank (seller->party.siren))
    {
      g_autofree char *s = group_digits (seller->party.siren, siren_groups);
      return g_strdup_printf ("SIREN %s", s);
    }
  return NULL;
}

static char *
iban_text (const char *iban)
{
  static const int groups[] = { 4, 4, 4, 4, 4, 4, 4, 4, 4, 0 };

  return group_digits (iban, groups);
}

/* An amount in the invoice's currency (issue 13 item 4): "1 234,56 €" or "1 234,56 GBP". */
static char *
money (const Letter *self,
       gint64        cents)
{
  return factures_currency_format (cents, self->currency);
}

/* The same in an English sentence: "1,234.56 GBP", "€1,234.56" (leftovers3). */
static char *
money_en (const Letter *self,
          gint64        cents)
{
  return factures_currency_format_english (cents, self->currency);
}

/* claimed_text() in an English sentence: "1,050.60 GBP + €40.00". */
static char *
claimed_text_en (const Letter         *self,
                 const FacturesLetter *letter,
                 gint64                claimed)
{
  g_autofree char *in_currency = NULL;
  g_autofree char *indemnity = NULL;

  if (self->currency == NULL || letter->indemnity <= 0)
    return money_en (self, claimed);
  in_currency = money_en (self, claimed - letter->indemnity);
  indemnity = factures_currency_format_english (letter->indemnity, NULL);
  return g_strdup_printf ("%s + %s", in_currency, indemnity);
}

/* The sum claimed (@claimed: principal + penalties + indemnity). For an invoice in another
 * currency the recovery indemnity is a sum in euros (C. com. D441-5), never added to an amount
 * in that currency: "1 050,60 GBP + 40,00 €". */
static char *
claimed_text (const Letter         *self,
              const FacturesLetter *letter,
              gint64                claimed)
{
  g_autofree char *in_currency = NULL;
  g_autofree char *indemnity = NULL;

  if (self->currency == NULL || letter->indemnity <= 0)
    return money (self, claimed);
  in_currency = money (self, claimed - letter->indemnity);
  indemnity = factures_money_format (letter->indemnity);
  return g_strdup_printf ("%s + %s", in_currency, indemnity);
}

static gboolean
buyer_is_b2b (const FacturesLetter *letter)
{
  return letter->buyer != NULL && factures_client_category_is_b2b (letter->buyer->category);
}

static gboolean
buyer_is_public (const FacturesLetter *letter)
{
  return letter->buyer != NULL && letter->buyer->category == FACTURES_CLIENT_CATEGORY_PUBLIC;
}

/* ---- building blocks ---- */

static double
build_head (Letter               *self,
            const FacturesLetter *letter)
{
  const FacturesProfile *seller = letter->seller;
  Block *block = block_new ();
  g_autofree char *address = party_address (&seller->party, FALSE);
  g_autofree char *ident = seller_identifier (seller);
  g_autofree char *to = party_address (&letter->buyer->party, TRUE);
  g_autofree char *when = date_long (&letter->date);
  g_autofree char *place = NULL;
  GString *contact = g_string_new (NULL);
  double y = 0;
  Placed *placed;

  y += block_text (self, block, seller->party.name, STYLE_NAME, MARGIN_X, y, 250, PANGO_ALIGN_LEFT, &accent);
  y += 2;
  if (!is_blank (address))
    y += block_text (self, block, address, STYLE_SMALL, MARGIN_X, y, 250, PANGO_ALIGN_LEFT, &ink);
  if (ident != NULL)
    g_string_append_printf (contact, "%s\n", ident);
  if (!is_blank (seller->party.email))
    g_string_append_printf (contact, "%s\n", seller->party.email);
  if (!is_blank (seller->party.phone))
    g_string_append_printf (contact, "Tél. %s\n", seller->party.phone);
  if (contact->len > 0)
    {
      g_string_truncate (contact, contact->len - 1);
      y += 3;
      block_text (self, block, contact->str, STYLE_SMALL, MARGIN_X, y, 250, PANGO_ALIGN_LEFT, &muted);
    }
  g_string_free (contact, TRUE);

  /* The addressee, where a window envelope shows it. */
  y = WINDOW_Y - MARGIN_TOP;
  if (self->bilingual)
    block_text (self, block, "LETTRE RECOMMANDÉE AVEC ACCUSÉ DE RÉCEPTION\nREGISTERED LETTER WITH ACKNOWLEDGEMENT OF RECEIPT",
                STYLE_LABEL, WINDOW_X, y - 36, RIGHT_EDGE - WINDOW_X, PANGO_ALIGN_LEFT, &alert);
  else
    block_text (self, block, "LETTRE RECOMMANDÉE AVEC ACCUSÉ DE RÉCEPTION",
                STYLE_LABEL, WINDOW_X, y - 14, RIGHT_EDGE - WINDOW_X, PANGO_ALIGN_LEFT, &alert);
  y += block_text (self, block, to, STYLE_BODY, WINDOW_X, y, RIGHT_EDGE - WINDOW_X, PANGO_ALIGN_LEFT, &ink);

  y += 24;
  if (!is_blank (seller->party.city))
    place = g_strdup_printf ("%s, le %s", seller->party.city, when);
  else
    place = g_strdup_printf ("Le %s", when);
  y += block_text (self, block, place, STYLE_BODY, WINDOW_X, y, RIGHT_EDGE - WINDOW_X, PANGO_ALIGN_LEFT, &ink);

  placed = g_new0 (Placed, 1);
  placed->block = block;
  placed->top = MARGIN_TOP;
  g_ptr_array_add (current_page (self), placed);
  return MARGIN_TOP + block->height + 26;
}

/* A two-column table of sums; the last row is the total when @total_last. */
static Block *
sums_block (Letter     *self,
            const char *const *labels,
            const char *const *amounts,
            guint              n,
            gboolean           total_last)
{
  Block *block = block_new ();
  double x0 = MARGIN_X + 40;
  double x1 = RIGHT_EDGE - 40;
  double y = 0;
  /* another currency: room for "1 050,60 GBP + 40,00 €" */
  double aw = self->currency != NULL ? 176 : 118;

  for (guint i = 0; i < n; i++)
    {
      gboolean total = total_last && i == n - 1;
      Style style = total ? STYLE_BOLD : STYLE_BODY;
      const char *amount = amounts[i];
      PangoLayout *probe = make_layout (self->context, labels[i], style, x1 - x0 - aw - 12, PANGO_ALIGN_LEFT);
      double h = layout_height (probe) + 8;

      g_object_unref (probe);
      if (total)
        block_shape (block, x0, y, x1, y + h, TRUE, &tint);
      block_text (self, block, labels[i], style, x0 + 6, y + 4, x1 - x0 - aw - 12, PANGO_ALIGN_LEFT, &ink);
      block_text (self, block, amount, style, x1 - aw - 6, y + 4, aw, PANGO_ALIGN_RIGHT, &ink);
      y += h;
      block_shape (block, x0, y, x1, y, FALSE, &rule);
    }
  return block;
}

/* The penalty computation, one row per stretch of days at one rate. */
static Block *
periods_block (Letter               *self,
               const FacturesLetter *letter)
{
  static const char *heads[] = { "Période", "Jours", "Taux annuel", "Base", "Pénalités" };
  static const char *heads_en[] = { "Period", "Days", "Annual rate", "Base", "Penalties" };
  static const double widths[] = { 150, 50, 80, 101, 102 };
  Block *block = block_new ();
  double x = MARGIN_X;
  double y = 0;
  double row_h;

  row_h = 0;
  for (guint c = 0; c < G_N_ELEMENTS (heads); c++)
    {
      g_autofree char *head = pair (self, heads[c], heads_en[c], "\n");
      double h = block_text (self, block, head, STYLE_SMALL_BOLD, x + 4, y + 4, widths[c] - 8,
                             c == 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT, &accent);
      row_h = MAX (row_h, h);
      x += widths[c];
    }
  y += row_h + 8;
  block_shape (block, MARGIN_X, y, RIGHT_EDGE, y, FALSE, &accent);

  for (guint i = 0; i < letter->periods->len; i++)
    {
      const FacturesLetterPeriod *p = &g_array_index (letter->periods, FacturesLetterPeriod, i);
      g_autofree char *from = date_short (&p->from);
      g_autofree char *to = date_short (&p->to);
      char *cells[5] = { NULL };

      cells[0] = g_strdup_printf ("du %s au %s", from, to);
      cells[1] = g_strdup_printf ("%d", p->days);
      cells[2] = factures_rate_format (p->rate_bp);
      cells[3] = money (self, p->base);
      cells[4] = money (self, p->amount);
      x = MARGIN_X;
      row_h = 0;
      for (guint c = 0; c < 5; c++)
        {
          double h = block_text (self, block, cells[c], STYLE_SMALL, x + 4, y + 4, widths[c] - 8,
                                 c == 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT, &ink);
          row_h = MAX (row_h, h);
          x += widths[c];
        }
      for (guint c = 0; c < 5; c++)
        g_clear_pointer (&cells[c], g_free);
      y += row_h + 8;
      block_shape (block, MARGIN_X, y, RIGHT_EDGE, y, FALSE, &rule);
    }

  {
    g_autofree char *total = money (self, letter->interest);
    g_autofree char *label = pair (self, "Total des pénalités", "Total penalties", " / ");
    double h;

    h = block_text (self, block, label, STYLE_SMALL_BOLD, MARGIN_X + 4, y + 4, 300,
                    PANGO_ALIGN_LEFT, &ink);
    block_text (self, block, total, STYLE_SMALL_BOLD, RIGHT_EDGE - widths[4] + 4, y + 4, widths[4] - 8,
                PANGO_ALIGN_RIGHT, &ink);
    y += h + 8;
    block_shape (block, MARGIN_X, y, RIGHT_EDGE, y, FALSE, &rule);
  }
  return block;
}

/* FALSE for a seller in franchise en base (no VAT on any of its invoices). */
static gboolean
charges_vat (const FacturesLetter *letter)
{
  return letter->seller == NULL || letter->seller->vat_regime != FACTURES_VAT_REGIME_FRANCHISE;
}

static char *
invoice_reference (const Letter         *self,
                   const FacturesLetter *letter)
{
  g_autofree char *issued = date_long (&letter->issue_date);
  g_autofree char *due = date_long (&letter->due_date);
  g_autofree char *total = money (self, letter->total);

  /* « TTC » only where VAT is charged: a seller in franchise en base (art. 293 B CGI) invoices
   * no VAT, and its invoices say so; « TTC » there would suggest a tax (trial 5 finding 21). */
  return g_strdup_printf ("la facture n° %s du %s, d’un montant de %s%s, échue le %s",
                          letter->number, issued, total, charges_vat (letter) ? " TTC" : "", due);
}

/* The same in English (dates dd/mm/yyyy). */
static char *
invoice_reference_en (const Letter         *self,
                      const FacturesLetter *letter)
{
  g_autofree char *issued = date_short (&letter->issue_date);
  g_autofree char *due = date_short (&letter->due_date);
  g_autofree char *total = money_en (self, letter->total);

  return g_strdup_printf ("invoice no. %s of %s, for %s%s, due on %s",
                          letter->number, issued, total, charges_vat (letter) ? " including VAT" : "", due);
}

static void
flow_penalty_explanation (Letter               *self,
                          const FacturesLetter *letter,
                          double               *y)
{
  g_autofree char *today = date_long (&letter->date);

  if (letter->waived)
    return;
  if (letter->periods->len > 0)
    {
      g_autofree char *intro = NULL;
      g_autofree char *intro_en = NULL;
      g_autofree char *today_en = date_short (&letter->date);

      intro_en = g_strdup_printf ("Late payment penalties at %s: simple interest, amount outstanding × annual "
                                  "rate × number of days / 365, from the day after the due date.", today_en);
      intro = g_strdup_printf ("Calcul des pénalités de retard au %s%s%s : intérêts simples, "
                               "montant restant dû × taux annuel × nombre de jours / 365, "
                               "à compter du lendemain de l’échéance.",
                               today,
                               letter->rate_basis != NULL ? " — " : "",
                               letter->rate_basis != NULL ? letter->rate_basis : "");
      if (self->bilingual)
        {
          flow_text (self, y, intro, STYLE_SMALL, &muted, 2);
          flow_text (self, y, intro_en, STYLE_SMALL, &muted, 4);
        }
      else
        flow_text (self, y, intro, STYLE_SMALL, &muted, 4);
      flow (self, periods_block (self, letter), y, PARA_GAP + 4);
    }
}

static void
flow_closing (Letter               *self,
              const FacturesLetter *letter,
              double               *y)
{
  Block *block = block_new ();
  double h;

  h = block_text (self, block, "Nous vous prions d’agréer, Madame, Monsieur, l’expression de nos salutations distinguées.",
                  STYLE_BODY, MARGIN_X, 0, CONTENT_W, PANGO_ALIGN_LEFT, &ink);
  if (self->bilingual)
    h += 2 + block_text (self, block, "Yours faithfully,", STYLE_SMALL, MARGIN_X, h + 2, CONTENT_W,
                         PANGO_ALIGN_LEFT, &muted);
  block_text (self, block, letter->seller->party.name, STYLE_BOLD, WINDOW_X, h + 22,
              RIGHT_EDGE - WINDOW_X, PANGO_ALIGN_LEFT, &ink);
  flow (self, block, y, PARA_GAP);
}

static void
flow_payment_details (Letter               *self,
                      const FacturesLetter *letter,
                      double               *y)
{
  g_autofree char *text = NULL;
  g_autofree char *iban = NULL;

  if (is_blank (letter->seller->iban))
    return;
  iban = iban_text (letter->seller->iban);
  text = g_strdup_printf ("Règlement par virement : IBAN %s%s%s — référence à indiquer : %s",
                          iban,
                          is_blank (letter->seller->bic) ? "" : " — BIC ",
                          is_blank (letter->seller->bic) ? "" : letter->seller->bic,
                          letter->number);
  if (self->bilingual)
    {
      g_autofree char *en = g_strdup_printf ("Payment by bank transfer: IBAN %s%s%s — reference to quote: %s",
                                             iban,
                                             is_blank (letter->seller->bic) ? "" : " — BIC ",
                                             is_blank (letter->seller->bic) ? "" : letter->seller->bic,
                                             letter->number);

      flow_text (self, y, text, STYLE_SMALL, &ink, 2);
      flow_text (self, y, en, STYLE_SMALL, &muted, PARA_GAP);
      return;
    }
  flow_text (self, y, text, STYLE_SMALL, &ink, PARA_GAP);
}

static void
flow_sums (Letter               *self,
           const FacturesLetter *letter,
           double               *y,
           gint64                claimed)
{
  const char *labels[4];
  const char *amounts[4];
  guint n = 0;
  g_autofree char *interest_label = NULL;
  g_autofree char *today = date_long (&letter->date);
  g_autofree char *principal_label = pair (self, "Principal restant dû", "Principal outstanding", " / ");
  g_autofree char *indemnity_label = pair (self, "Indemnité forfaitaire pour frais de recouvrement (art. D441-5 du Code de commerce)",
                                           "Fixed compensation for recovery costs (art. D441-5 of the French Commercial Code)",
                                           " / ");
  g_autofree char *total_label = pair (self, "Total dû", "Total due", " / ");
  g_autofree char *principal = money (self, letter->principal);
  g_autofree char *interest = money (self, letter->interest);
  /* the recovery indemnity is a sum in euros whatever the invoice's currency (D441-5) */
  g_autofree char *indemnity = factures_money_format (letter->indemnity);
  g_autofree char *total = claimed_text (self, letter, claimed);

  labels[n] = principal_label;
  amounts[n++] = principal;
  if (!letter->waived && (letter->interest > 0 || letter->periods->len > 0))
    {
      if (self->bilingual)
        {
          g_autofree char *today_en = date_short (&letter->date);

          interest_label = g_strdup_printf ("Pénalités de retard au %s / Late payment penalties at %s",
                                            today, today_en);
        }
      else
        interest_label = g_strdup_printf ("Pénalités de retard au %s", today);
      labels[n] = interest_label;
      amounts[n++] = interest;
    }
  if (letter->indemnity > 0)
    {
      labels[n] = indemnity_label;
      amounts[n++] = indemnity;
    }
  labels[n] = total_label;
  amounts[n++] = total;
  flow (self, sums_block (self, labels, amounts, n, TRUE), y, PARA_GAP + 6);
}

/* ---- the three letters ---- */

static void
build_registered_reminder (Letter               *self,
                           const FacturesLetter *letter,
                           gint64                claimed,
                           double                y)
{
  g_autofree char *ref = invoice_reference (self, letter);
  g_autofree char *ref_en = invoice_reference_en (self, letter);
  g_autofree char *subject = factures_letter_subject (letter);
  g_autofree char *subject_en = NULL;
  g_autofree char *principal = money (self, letter->principal);
  g_autofree char *p1 = NULL;
  g_autofree char *p1_en = NULL;
  g_autofree char *p2 = NULL;
  g_autofree char *p2_en = NULL;
  g_autofree char *interest = money (self, letter->interest);
  g_autofree char *principal_en = money_en (self, letter->principal);
  g_autofree char *interest_en = money_en (self, letter->interest);

  subject_en = g_strdup_printf ("Subject: final reminder before formal notice – invoice no. %s", letter->number);
  flow_pair (self, &y, subject, subject_en, STYLE_BOLD, &ink, PARA_GAP + 6);
  flow_pair (self, &y, "Madame, Monsieur,", "Dear Sir or Madam,", STYLE_BODY, &ink, PARA_GAP);
  p1 = g_strdup_printf ("Sauf erreur ou omission de notre part, %s, reste impayée à ce jour malgré nos "
                        "précédentes relances. Le montant restant dû s’élève à %s.", ref, principal);
  p1_en = g_strdup_printf ("Unless we are mistaken, %s, remains unpaid to date despite our previous reminders. "
                           "The amount outstanding is %s.", ref_en, principal_en);
  flow_pair (self, &y, p1, p1_en, STYLE_BODY, &ink, PARA_GAP);

  if (letter->waived)
    p2 = NULL;
  else if (buyer_is_b2b (letter))
    {
      p2 = g_strdup_printf ("Conformément à nos conditions de paiement et à l’article L441-10 du Code de "
                            "commerce, ce retard fait courir des pénalités de retard, qui s’élèvent à %s à ce "
                            "jour, ainsi que l’indemnité forfaitaire pour frais de recouvrement de 40 € "
                            "(article D441-5 du Code de commerce).", interest);
      p2_en = g_strdup_printf ("Under our payment terms and article L441-10 of the French Commercial Code, this "
                               "delay gives rise to late payment penalties, amounting to %s to date, and to the "
                               "fixed compensation for recovery costs of €40 (article D441-5 of the French "
                               "Commercial Code).", interest_en);
    }
  else if (letter->interest > 0)
    {
      p2 = g_strdup_printf ("Conformément à nos conditions de vente, ce retard fait courir des pénalités de "
                            "retard, qui s’élèvent à %s à ce jour.", interest);
      p2_en = g_strdup_printf ("Under our terms of sale, this delay gives rise to late payment penalties, "
                               "amounting to %s to date.", interest_en);
    }
  else
    {
      p2 = g_strdup ("À défaut de règlement, des intérêts au taux légal courront à compter de la mise en "
                     "demeure (article 1344-1 du Code civil).");
      p2_en = g_strdup ("Failing payment, interest at the statutory rate will run from the formal notice "
                        "(article 1344-1 of the French Civil Code).");
    }
  if (p2 != NULL)
    flow_pair (self, &y, p2, p2_en, STYLE_BODY, &ink, PARA_GAP);

  flow_sums (self, letter, &y, claimed);
  flow_penalty_explanation (self, letter, &y);

  flow_pair (self, &y, "Nous vous demandons de bien vouloir régler cette somme dans les meilleurs délais.",
             "Please pay this sum as soon as possible.", STYLE_BODY, &ink, PARA_GAP);
  flow_markup_pair (self, &y,
                    "<b>À défaut de règlement, nous vous adresserons une mise en demeure de payer</b>, "
                    "préalable à une action en recouvrement.",
                    "Failing payment, we will send you a formal notice to pay, before taking recovery action.",
                    PARA_GAP);
  flow_pair (self, &y, "Si votre règlement a été effectué entre-temps, nous vous prions de ne pas tenir "
             "compte de la présente lettre.", "If you have paid in the meantime, please disregard this letter.",
             STYLE_BODY, &ink, PARA_GAP);
  flow_payment_details (self, letter, &y);
  flow_closing (self, letter, &y);
}

static void
build_formal_notice (Letter               *self,
                     const FacturesLetter *letter,
                     gint64                claimed,
                     double                y)
{
  g_autofree char *ref = invoice_reference (self, letter);
  g_autofree char *ref_en = invoice_reference_en (self, letter);
  g_autofree char *subject = factures_letter_subject (letter);
  g_autofree char *subject_en = NULL;
  g_autofree char *total = claimed_text (self, letter, claimed);
  g_autofree char *total_en = claimed_text_en (self, letter, claimed);
  g_autofree char *p1 = NULL;
  g_autofree char *p1_en = NULL;
  g_autofree char *deadline_text = NULL;
  g_autofree char *deadline_en = NULL;
  g_autofree char *consequence = NULL;
  const char *consequence_en = NULL;
  g_autofree char *demand = NULL;
  g_autofree char *demand_en = NULL;
  g_autofree char *escaped = NULL;
  GDate deadline;

  flow_pair (self, &y, "MISE EN DEMEURE DE PAYER", "FORMAL NOTICE TO PAY", STYLE_TITLE, &alert, PARA_GAP);
  subject_en = g_strdup_printf ("Subject: formal notice to pay – invoice no. %s", letter->number);
  flow_pair (self, &y, subject, subject_en, STYLE_BOLD, &ink, PARA_GAP + 6);
  flow_pair (self, &y, "Madame, Monsieur,", "Dear Sir or Madam,", STYLE_BODY, &ink, PARA_GAP);

  if (!is_blank (letter->tracking))
    {
      p1 = g_strdup_printf ("Malgré nos relances, et en dernier lieu notre lettre recommandée avec accusé de "
                            "réception n° %s, %s, demeure impayée.", letter->tracking, ref);
      p1_en = g_strdup_printf ("Despite our reminders, and lastly our registered letter with acknowledgement of "
                               "receipt no. %s, %s, remains unpaid.", letter->tracking, ref_en);
    }
  else
    {
      p1 = g_strdup_printf ("Malgré nos relances, %s, demeure impayée.", ref);
      p1_en = g_strdup_printf ("Despite our reminders, %s, remains unpaid.", ref_en);
    }
  flow_pair (self, &y, p1, p1_en, STYLE_BODY, &ink, PARA_GAP);

  factures_letter_deadline (letter, &deadline);
  deadline_text = date_long (&deadline);
  deadline_en = date_short (&deadline);
  demand = g_strdup_printf ("Par la présente, nous vous mettons en demeure de nous régler la somme de %s, "
                            "détaillée ci-dessous, dans un délai de %d jours, soit au plus tard le %s.",
                            total, letter->deadline_days, deadline_text);
  demand_en = g_strdup_printf ("We hereby give you formal notice to pay us the sum of %s, detailed below, within "
                               "%d days, that is by %s at the latest.", total_en, letter->deadline_days, deadline_en);
  escaped = g_markup_escape_text (demand, -1);
  g_free (demand);
  demand = g_strdup_printf ("<b>%s</b>", escaped);
  flow_markup_pair (self, &y, demand, demand_en, PARA_GAP);

  flow_sums (self, letter, &y, claimed);
  flow_penalty_explanation (self, letter, &y);

  if (!letter->waived)
    {
      if (buyer_is_public (letter))
        flow_pair (self, &y, "Les intérêts moratoires sont calculés au taux de refinancement de la BCE en vigueur "
                   "au premier jour du semestre où le retard a commencé, majoré de 8 points, et s’ajoutent "
                   "à l’indemnité forfaitaire de 40 € (Code de la commande publique). Ils continuent de "
                   "courir jusqu’au paiement complet.",
                   "Late payment interest is calculated at the ECB refinancing rate in force on the first day "
                   "of the half-year in which the delay began, plus 8 points, and is added to the fixed "
                   "compensation of €40 (French Public Procurement Code). It continues to run until payment "
                   "in full.", STYLE_BODY, &ink, PARA_GAP);
      else if (buyer_is_b2b (letter))
        flow_pair (self, &y, "Les pénalités de retard (article L441-10 du Code de commerce) continuent de courir "
                   "jusqu’au paiement complet.",
                   "Late payment penalties (article L441-10 of the French Commercial Code) continue to run "
                   "until payment in full.", STYLE_BODY, &ink, PARA_GAP);
      else
        flow_pair (self, &y, "La somme due produira intérêts au taux légal à compter de la présente mise en "
                   "demeure, jusqu’au paiement complet (article 1344-1 du Code civil).",
                   "The sum due will bear interest at the statutory rate from this formal notice until "
                   "payment in full (article 1344-1 of the French Civil Code).",
                   STYLE_BODY, &ink, PARA_GAP);
    }

  if (buyer_is_public (letter))
    {
      consequence = g_strdup ("À défaut de paiement dans ce délai, nous saisirons le tribunal administratif "
                              "compétent, sans autre avis.");
      consequence_en = "Failing payment within this period, we will refer the matter to the competent "
                       "administrative court without further notice.";
    }
  else if (buyer_is_b2b (letter))
    {
      consequence = g_strdup ("À défaut de paiement dans ce délai, nous engagerons sans autre avis une procédure "
                              "judiciaire de recouvrement (injonction de payer devant le tribunal de commerce), "
                              "dont les frais resteront à votre charge.");
      consequence_en = "Failing payment within this period, we will start court recovery proceedings without "
                       "further notice (injunction to pay before the commercial court), the costs of which will "
                       "be borne by you.";
    }
  else
    {
      consequence = g_strdup ("À défaut de paiement dans ce délai, nous engagerons sans autre avis une procédure "
                              "judiciaire de recouvrement (injonction de payer devant le tribunal judiciaire), "
                              "dont les frais resteront à votre charge.");
      consequence_en = "Failing payment within this period, we will start court recovery proceedings without "
                       "further notice (injunction to pay before the civil court), the costs of which will be "
                       "borne by you.";
    }
  flow_pair (self, &y, consequence, consequence_en, STYLE_BODY, &ink, PARA_GAP);
  flow_markup_pair (self, &y, "<b>La présente lettre vaut mise en demeure</b> au sens de l’article 1344 du Code civil.",
                    "This letter constitutes formal notice within the meaning of article 1344 of the French "
                    "Civil Code.", PARA_GAP);
  flow_payment_details (self, letter, &y);
  flow_closing (self, letter, &y);
}

/* ---- layout ---- */

static void
letter_free (Letter *self)
{
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_free (self->footer);
  g_free (self->currency);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Letter, letter_free)

static gboolean
check_letter (const FacturesLetter *letter,
              gint64               *out_claimed,
              GError              **error)
{
  if (letter->seller == NULL || is_blank (letter->seller->party.name))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Letter: the business profile has no name."));
      return FALSE;
    }
  if (letter->buyer == NULL || is_blank (letter->buyer->party.name))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Letter: the client has no name."));
      return FALSE;
    }
  if (is_blank (letter->number))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Letter: the invoice has no number."));
      return FALSE;
    }
  if (!factures_letter_claimed (letter, out_claimed))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_OVERFLOW,
                   _("Letter: the amounts are too large."));
      return FALSE;
    }
  return TRUE;
}

static Letter *
letter_build (const FacturesLetter *letter,
              GError              **error)
{
  g_autoptr(Letter) self = g_new0 (Letter, 1);
  g_autofree char *ident = NULL;
  g_autofree char *address = NULL;
  gint64 claimed = 0;
  double y;

  if (!check_letter (letter, &claimed, error))
    return NULL;

  self->context = factures_fonts_create_context ();
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->currency = factures_currency_is_euro (letter->currency) ? NULL : g_strdup (letter->currency);
  self->bilingual = letter->buyer->document_language == FACTURES_DOCUMENT_LANGUAGE_FRENCH_ENGLISH;
  new_page (self);

  ident = seller_identifier (letter->seller);
  {
    g_autofree char *lines = party_address (&letter->seller->party, FALSE);
    g_auto(GStrv) parts = g_strsplit (lines, "\n", -1);

    address = g_strjoinv (", ", parts);
  }
  self->footer = g_strdup_printf ("%s%s%s%s%s", letter->seller->party.name,
                                  ident != NULL ? " — " : "", ident != NULL ? ident : "",
                                  is_blank (address) ? "" : " — ", address);

  y = build_head (self, letter);
  switch (letter->kind)
    {
    case FACTURES_LETTER_REGISTERED_REMINDER:
      build_registered_reminder (self, letter, claimed, y);
      break;
    case FACTURES_LETTER_FORMAL_NOTICE:
    default:
      build_formal_notice (self, letter, claimed, y);
      break;
    }
  return g_steal_pointer (&self);
}

static void
draw_page (Letter  *self,
           cairo_t *cr,
           guint    page)
{
  GPtrArray *placed = g_ptr_array_index (self->pages, page);
  g_autoptr(PangoLayout) footer = NULL;

  cairo_save (cr);
  for (guint i = 0; i < placed->len; i++)
    {
      const Placed *p = g_ptr_array_index (placed, i);

      for (guint j = 0; j < p->block->items->len; j++)
        {
          const Item *item = &g_array_index (p->block->items, Item, j);

          cairo_set_source_rgb (cr, item->color.r, item->color.g, item->color.b);
          if (item->layout != NULL)
            {
              cairo_move_to (cr, item->x, p->top + item->y);
              pango_cairo_show_layout (cr, item->layout);
            }
          else if (item->fill)
            {
              cairo_rectangle (cr, item->x, p->top + item->y, item->x1 - item->x, item->y1 - item->y);
              cairo_fill (cr);
            }
          else
            {
              cairo_set_line_width (cr, 0.6);
              cairo_move_to (cr, item->x, p->top + item->y);
              cairo_line_to (cr, item->x1, p->top + item->y1);
              cairo_stroke (cr);
            }
        }
    }

  cairo_set_source_rgb (cr, rule.r, rule.g, rule.b);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, MARGIN_X, FOOTER_TOP);
  cairo_line_to (cr, RIGHT_EDGE, FOOTER_TOP);
  cairo_stroke (cr);
  footer = make_layout (self->context, self->footer, STYLE_FOOTER, CONTENT_W - 60, PANGO_ALIGN_LEFT);
  cairo_set_source_rgb (cr, muted.r, muted.g, muted.b);
  cairo_move_to (cr, MARGIN_X, FOOTER_TOP + 6);
  pango_cairo_show_layout (cr, footer);
  if (self->pages->len > 1)
    {
      g_autofree char *text = g_strdup_printf ("Page %u / %u", page + 1, self->pages->len);
      g_autoptr(PangoLayout) numbers = make_layout (self->context, text, STYLE_FOOTER, 60, PANGO_ALIGN_RIGHT);

      cairo_move_to (cr, RIGHT_EDGE - 60, FOOTER_TOP + 6);
      pango_cairo_show_layout (cr, numbers);
    }
  cairo_restore (cr);
}

/* ---- public API ---- */

FacturesLetter *
factures_letter_new (FacturesLetterKind kind)
{
  FacturesLetter *letter = g_new0 (FacturesLetter, 1);

  letter->kind = kind;
  factures_today (&letter->date);
  g_date_clear (&letter->issue_date, 1);
  g_date_clear (&letter->due_date, 1);
  letter->periods = g_array_new (FALSE, TRUE, sizeof (FacturesLetterPeriod));
  letter->deadline_days = 8;
  return letter;
}

void
factures_letter_free (FacturesLetter *letter)
{
  if (letter == NULL)
    return;
  g_clear_pointer (&letter->seller, factures_profile_free);
  g_clear_pointer (&letter->buyer, factures_client_free);
  g_clear_pointer (&letter->periods, g_array_unref);
  g_free (letter->number);
  g_free (letter->rate_basis);
  g_free (letter->tracking);
  g_free (letter->currency);
  g_free (letter);
}

/**
 * factures_letter_claimed:
 * @letter: a letter
 * @out_cents: (out): principal + penalties + indemnity, cents; penalties count
 *   for nothing when they were waived
 *
 * Returns: FALSE when the sum overflows gint64
 */
gboolean
factures_letter_claimed (const FacturesLetter *letter,
                         gint64               *out_cents)
{
  gint64 sum = 0;

  g_return_val_if_fail (letter != NULL, FALSE);
  if (!factures_money_add (letter->principal, letter->waived ? 0 : letter->interest, &sum, NULL) ||
      !factures_money_add (sum, letter->indemnity, &sum, NULL))
    return FALSE;
  *out_cents = sum;
  return TRUE;
}

void
factures_letter_deadline (const FacturesLetter *letter,
                          GDate                *out_date)
{
  g_return_if_fail (letter != NULL);
  *out_date = letter->date;
  if (g_date_valid (out_date))
    g_date_add_days (out_date, MAX (letter->deadline_days, 0));
}

char *
factures_letter_subject (const FacturesLetter *letter)
{
  g_return_val_if_fail (letter != NULL, NULL);

  switch (letter->kind)
    {
    case FACTURES_LETTER_REGISTERED_REMINDER:
      return g_strdup_printf ("Objet : dernière relance avant mise en demeure – facture n° %s",
                              letter->number != NULL ? letter->number : "");
    case FACTURES_LETTER_FORMAL_NOTICE:
    default:
      return g_strdup_printf ("Objet : mise en demeure de payer – facture n° %s",
                              letter->number != NULL ? letter->number : "");
    }
}

guint
factures_letter_get_n_pages (const FacturesLetter *letter)
{
  g_autoptr(Letter) self = letter_build (letter, NULL);

  return self != NULL ? self->pages->len : 0;
}

gboolean
factures_letter_draw_page (const FacturesLetter *letter,
                           cairo_t              *cr,
                           guint                 page,
                           GError              **error)
{
  g_autoptr(Letter) self = letter_build (letter, error);

  if (self == NULL)
    return FALSE;
  if (page >= self->pages->len)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND, "No page %u", page);
      return FALSE;
    }
  draw_page (self, cr, page);
  return TRUE;
}

static cairo_status_t
write_to_byte_array (void                *closure,
                     const unsigned char *data,
                     unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

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
    return NULL;
  dt = g_date_time_new_from_unix_utc (epoch);
  return dt != NULL ? g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ") : NULL;
}

GBytes *
factures_letter_render (const FacturesLetter *letter,
                        GError              **error)
{
  g_autoptr(Letter) self = NULL;
  g_autoptr(GByteArray) bytes = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (letter != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = letter_build (letter, error);
  if (self == NULL)
    return NULL;

  bytes = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (write_to_byte_array, bytes, PAGE_W, PAGE_H);
  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_5);
  title = factures_letter_subject (letter);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  g_str_has_prefix (title, "Objet : ") ? title + strlen ("Objet : ") : title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, letter->seller->party.name);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Factures");
  date = source_date_epoch_iso8601 ();
  if (date != NULL)
    {
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
    }

  cr = cairo_create (surface);
  for (guint i = 0; i < self->pages->len; i++)
    {
      draw_page (self, cr, i);
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

/* ---- templates ---- */

static void
register_templates (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      g_resources_register (factures_letters_get_resource ());
      g_once_init_leave (&once, 1);
    }
}

char *
factures_template_load (const char  *id,
                        GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (id != NULL, NULL);

  register_templates ();
  path = g_strdup_printf ("/org/example/Factures/templates/%s.txt", id);
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND,
                   _("Template: there is no template named “%s”."), id);
      return NULL;
    }
  data = g_bytes_get_data (bytes, &size);
  if (!g_utf8_validate_len (data, size, NULL))
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                   _("Template: “%s” is not valid UTF-8."), id);
      return NULL;
    }
  return g_strstrip (g_strndup (data, size));
}

char *
factures_template_expand (const char         *text,
                          const char * const *keys_values)
{
  GString *out;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text) + 64);
  for (p = text; *p != '\0';)
    {
      const char *close;
      gboolean replaced = FALSE;

      if (*p == '{' && (close = strchr (p + 1, '}')) != NULL && keys_values != NULL)
        {
          gsize len = close - (p + 1);

          for (guint i = 0; keys_values[i] != NULL && keys_values[i + 1] != NULL; i += 2)
            if (strlen (keys_values[i]) == len && strncmp (keys_values[i], p + 1, len) == 0)
              {
                g_string_append (out, keys_values[i + 1]);
                p = close + 1;
                replaced = TRUE;
                break;
              }
        }
      if (!replaced)
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

void
factures_template_split_subject (const char  *text,
                                 char       **out_subject,
                                 char       **out_body)
{
  const char *nl;
  const char *line;

  g_return_if_fail (text != NULL);

  nl = strchr (text, '\n');
  line = text;
  if (g_str_has_prefix (line, "Objet"))
    {
      const char *colon = strchr (line, ':');
      const char *end = nl != NULL ? nl : line + strlen (line);

      if (colon != NULL && colon < end)
        {
          g_autofree char *subject = g_strndup (colon + 1, end - colon - 1);

          if (out_subject != NULL)
            *out_subject = g_strdup (g_strstrip (subject));
          if (out_body != NULL)
            {
              g_autofree char *body = g_strdup (nl != NULL ? nl + 1 : "");
              *out_body = g_strdup (g_strstrip (body));
            }
          return;
        }
    }
  if (out_subject != NULL)
    *out_subject = g_strdup ("");
  if (out_body != NULL)
    *out_body = g_strdup (text);
}
