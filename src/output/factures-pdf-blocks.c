/* factures-pdf-blocks.c — blocks, text and formatting helpers of the PDF layout
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

/* ------------------------------------------------------------------------ */

void
factures_pdf_impl_row_free (Row *row)
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

Block *
factures_pdf_impl_block_new (void)
{
  Block *block = g_new0 (Block, 1);

  block->shapes = g_array_new (FALSE, FALSE, sizeof (Shape));
  block->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) text_free);
  return block;
}

void
factures_pdf_impl_block_free (Block *block)
{
  if (block == NULL)
    return;
  g_array_unref (block->shapes);
  g_ptr_array_unref (block->texts);
  g_clear_pointer (&block->image, cairo_surface_destroy);
  g_free (block);
}

void
factures_pdf_impl_page_free (Page *page)
{
  g_array_unref (page->items);
  g_free (page);
}

Page *
factures_pdf_impl_page_new (gboolean has_table)
{
  Page *page = g_new0 (Page, 1);

  page->items = g_array_new (FALSE, FALSE, sizeof (Item));
  page->has_table = has_table;
  return page;
}

/* ---- text helpers ---- */

PangoFontDescription *
factures_pdf_impl_style_font (Style style)
{
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, FACTURES_FONTS_FAMILIES);
  pango_font_description_set_size (desc, (gint) (styles[style].size * PANGO_SCALE));
  pango_font_description_set_weight (desc, styles[style].weight);
  pango_font_description_set_style (desc, styles[style].slant);
  return desc;
}

/* A layout of @text in @style, wrapped at @width points (≤ 0: no wrapping). */
PangoLayout *
factures_pdf_impl_make_layout (FacturesPdfLayout *self,
                               const char        *text,
                               Style              style,
                               double             width,
                               PangoAlignment     alignment)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *desc = factures_pdf_impl_style_font (style);

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

double
factures_pdf_impl_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

double
factures_pdf_impl_layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

/* Bold the first @n_bytes of @layout's text (a "Label :" prefix). */
void
factures_pdf_impl_layout_bold_prefix (PangoLayout *layout,
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
double
factures_pdf_impl_block_add_layout (Block       *block,
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
  return factures_pdf_impl_layout_height (layout);
}

double
factures_pdf_impl_block_add_text (FacturesPdfLayout *self,
                                  Block             *block,
                                  const char        *string,
                                  Style              style,
                                  double             x,
                                  double             y,
                                  double             width,
                                  PangoAlignment     alignment,
                                  const Rgb         *color)
{
  return factures_pdf_impl_block_add_layout (block, factures_pdf_impl_make_layout (self, string, style, width, alignment), x, y, color);
}

void
factures_pdf_impl_block_add_shape (Block     *block,
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

gboolean
factures_pdf_impl_is_blank (const char *s)
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

char *
factures_pdf_impl_format_iban (const char *iban)
{
  static const guint groups[] = { 4, 4, 4, 4, 4, 4, 4, 4, 4, 0 };
  return group_chars (iban, groups);
}

/* "SIRET 123 456 789 00012", else "SIREN 123 456 789", else NULL. */
char *
factures_pdf_impl_party_identifier (const FacturesParty *party)
{
  if (!factures_pdf_impl_is_blank (party->siret))
    {
      g_autofree char *s = format_siret (party->siret);
      return g_strdup_printf ("SIRET %s", s);
    }
  if (!factures_pdf_impl_is_blank (party->siren))
    {
      g_autofree char *s = format_siren (party->siren);
      return g_strdup_printf ("SIREN %s", s);
    }
  return NULL;
}

/* The SIREN of @party: its own, or the first 9 digits of its SIRET. */
char *
factures_pdf_impl_party_siren (const FacturesParty *party)
{
  if (!factures_pdf_impl_is_blank (party->siren))
    return format_siren (party->siren);
  if (!factures_pdf_impl_is_blank (party->siret) && strlen (party->siret) >= 9)
    {
      g_autofree char *s = g_strndup (party->siret, 9);
      return format_siren (s);
    }
  return NULL;
}

char *
factures_pdf_impl_registry_text (const FacturesProfile *seller)
{
  switch (seller->registry)
    {
    case FACTURES_REGISTRY_RCS:
      if (factures_pdf_impl_is_blank (seller->registry_city))
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
char *
factures_pdf_impl_party_address (const FacturesParty *party)
{
  GString *out = g_string_new (NULL);
  g_autofree char *city = NULL;

  if (!factures_pdf_impl_is_blank (party->address))
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
  if (!factures_pdf_impl_is_blank (party->country_code) && g_ascii_strcasecmp (party->country_code, "FR") != 0)
    {
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, party->country_code);
    }
  return g_string_free (out, FALSE);
}

/* The same on one line, for the footer. */
char *
factures_pdf_impl_party_address_one_line (const FacturesParty *party)
{
  g_autofree char *address = factures_pdf_impl_party_address (party);
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

const char *
factures_pdf_impl_kind_title (FacturesDocumentKind kind)
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

char *
factures_pdf_impl_terms_text (const FacturesPaymentTerms *terms)
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

const char *
factures_pdf_impl_activity_text (FacturesActivity activity)
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

char *
factures_pdf_impl_date_text (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return factures_date_format_fr (date);
}

/* The due date as a calendar date (LEGAL.md §1): the document's, or computed
 * from its terms when it has none yet (a draft). */
char *
factures_pdf_impl_document_due_date_text (const FacturesDocument *document,
                                          const FacturesProfile  *seller)
{
  GDate due;

  if (g_date_valid (&document->due_date))
    return factures_pdf_impl_date_text (&document->due_date);
  if (!g_date_valid (&document->issue_date))
    return NULL;
  g_date_clear (&due, 1);
  factures_terms_due_date (&document->terms, seller->eom_method, &document->issue_date, &due);
  return factures_pdf_impl_date_text (&due);
}
