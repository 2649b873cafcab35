/* factures-receipt.c — payment receipts and paid duplicates (see factures-receipt.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <stdlib.h>

#include "factures-currency.h"
#include "factures-fonts.h"
#include "factures-money.h"
#include "factures-pdf.h"
#include "factures-receipt.h"

#define PAGE_W   FACTURES_PDF_PAGE_WIDTH
#define PAGE_H   FACTURES_PDF_PAGE_HEIGHT
#define MARGIN   56.0
#define CONTENT  (PAGE_W - 2 * MARGIN)

/* Pango 1.50 declares no autoptr for contexts. */
typedef PangoContext ReceiptContext;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReceiptContext, g_object_unref)

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

static cairo_surface_t *
new_surface (GByteArray *bytes,
             const char *title,
             const char *author)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_to_byte_array, bytes, PAGE_W, PAGE_H);
  g_autofree char *date = source_date ();

  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_5);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if (author != NULL && *author != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Factures");
  if (date != NULL)
    {
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
    }
  return surface;
}

static GBytes *
finish (cairo_t          *cr,
        cairo_surface_t  *surface,
        GByteArray       *bytes,
        GError          **error)
{
  cairo_status_t status = cairo_status (cr);

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

/* Draws @text at (@x, @y) in @width points; returns its height. */
static double
show (cairo_t      *cr,
      PangoContext *context,
      const char   *text,
      double        size,
      gboolean      bold,
      double        x,
      double        y,
      double        width,
      PangoAlignment alignment)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FACTURES_FONTS_FAMILIES);
  int w, h;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static char *
party_text (const FacturesParty *party)
{
  GString *text = g_string_new (party->name != NULL ? party->name : "");

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

/* Issue 13 item 5: "French / English" for a client whose documents are in French and English
 * (the French first, as on the invoices: factures-pdf-english.c), else the French; kept in
 * @keep. */
static const char *
tr (GPtrArray  *keep,
    gboolean    bilingual,
    const char *french,
    const char *english,
    const char *sep)
{
  char *text;

  if (!bilingual)
    return french;
  text = g_strconcat (french, sep, english, NULL);
  g_ptr_array_add (keep, text);
  return text;
}

GBytes *
factures_receipt_render (const FacturesDocument *document,
                         const GArray           *payments,
                         gint64                  balance,
                         const GDate            *receipt_date,
                         GError                **error)
{
  GByteArray *bytes = g_byte_array_new ();
  g_autoptr(ReceiptContext) context = factures_fonts_create_context ();
  g_autofree char *title = g_strdup_printf ("Reçu — facture %s", document->number ? document->number : "");
  g_autofree char *seller = party_text (&document->seller->party);
  g_autofree char *buyer = party_text (&document->buyer->party);
  g_autofree char *dated = factures_date_format_long (receipt_date);
  g_autofree char *issued = factures_date_format_fr (&document->issue_date);
  g_autofree char *intro = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *balance_text = NULL;
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  cairo_surface_t *surface;
  cairo_t *cr;
  gint64 total = 0;
  double y = MARGIN;
  gboolean bi;

  g_return_val_if_fail (document != NULL && document->seller != NULL && document->buyer != NULL, NULL);
  bi = document->buyer->document_language == FACTURES_DOCUMENT_LANGUAGE_FRENCH_ENGLISH;

  surface = new_surface (bytes, title, document->seller->party.name);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);

  show (cr, context, seller, 9.5, FALSE, MARGIN, y, CONTENT / 2, PANGO_ALIGN_LEFT);
  y += show (cr, context, tr (keep, bi, "REÇU", "RECEIPT", "\n"), 20, TRUE, MARGIN + CONTENT / 2, y, CONTENT / 2, PANGO_ALIGN_RIGHT) + 4;
  {
    g_autofree char *line = g_strdup_printf ("Le %s", dated);
    y += show (cr, context, line, 9.5, FALSE, MARGIN + CONTENT / 2, y, CONTENT / 2, PANGO_ALIGN_RIGHT);
  }
  y = MAX (y, MARGIN + 80) + 20;
  y += show (cr, context, tr (keep, bi, "Reçu de :", "Received from:", "\n"), 9.5, TRUE, MARGIN + CONTENT / 2, y, CONTENT / 2, PANGO_ALIGN_LEFT) + 2;
  y += show (cr, context, buyer, 9.5, FALSE, MARGIN + CONTENT / 2, y, CONTENT / 2, PANGO_ALIGN_LEFT) + 28;

  for (guint i = 0; i < payments->len; i++)
    total += g_array_index (payments, FacturesReceiptLine, i).amount;
  /* issue 13 item 4: in the invoice's currency */
  total_text = factures_currency_format (total, document->currency);
  intro = g_strdup_printf ("Je soussigné(e) %s reconnais avoir reçu la somme de %s en règlement de la "
                           "facture n° %s du %s.",
                           document->seller->party.name ? document->seller->party.name : "",
                           total_text, document->number ? document->number : "", issued);
  if (bi)
    {
      g_autofree char *intro_en = NULL;
      /* the English sentence writes the amount the English way: "1,234.56 GBP" */
      g_autofree char *total_en = factures_currency_format_english (total, document->currency);

      intro_en = g_strdup_printf ("I, the undersigned %s, acknowledge receipt of the sum of %s in payment of "
                                  "invoice no. %s of %s.",
                                  document->seller->party.name ? document->seller->party.name : "",
                                  total_en, document->number ? document->number : "", issued);
      y += show (cr, context, intro, 10.5, FALSE, MARGIN, y, CONTENT, PANGO_ALIGN_LEFT) + 4;
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.40, 0.42, 0.46);
      y += show (cr, context, intro_en, 9.5, FALSE, MARGIN, y, CONTENT, PANGO_ALIGN_LEFT) + 18;
      cairo_restore (cr);
    }
  else
    y += show (cr, context, intro, 10.5, FALSE, MARGIN, y, CONTENT, PANGO_ALIGN_LEFT) + 18;

  /* one line per payment: date, method, amount */
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, MARGIN, y);
  cairo_line_to (cr, MARGIN + CONTENT, y);
  cairo_stroke (cr);
  y += 4;
  show (cr, context, "Date", 9.5, TRUE, MARGIN, y, 100, PANGO_ALIGN_LEFT);
  show (cr, context, tr (keep, bi, "Mode de paiement", "Payment method", " / "), 9.5, TRUE, MARGIN + 100, y,
        CONTENT - 220, PANGO_ALIGN_LEFT);
  y += show (cr, context, tr (keep, bi, "Montant", "Amount", " / "), 9.5, TRUE, MARGIN + CONTENT - 120, y, 120,
             PANGO_ALIGN_RIGHT) + 4;
  for (guint i = 0; i < payments->len; i++)
    {
      const FacturesReceiptLine *line = &g_array_index (payments, FacturesReceiptLine, i);
      g_autofree char *date = factures_date_format_fr (&line->date);
      g_autofree char *amount = factures_currency_format (line->amount, document->currency);
      g_autofree char *method = line->payer != NULL && *line->payer != '\0'
                                ? g_strdup_printf ("%s, par %s", line->method, line->payer)
                                : g_strdup (line->method);
      double h;

      show (cr, context, date, 9.5, FALSE, MARGIN, y, 100, PANGO_ALIGN_LEFT);
      h = show (cr, context, method, 9.5, FALSE, MARGIN + 100, y, CONTENT - 220, PANGO_ALIGN_LEFT);
      show (cr, context, amount, 9.5, FALSE, MARGIN + CONTENT - 120, y, 120, PANGO_ALIGN_RIGHT);
      y += h + 3;
      if (y > PAGE_H - 160)
        {
          cairo_show_page (cr);
          y = MARGIN;
        }
    }
  cairo_move_to (cr, MARGIN, y);
  cairo_line_to (cr, MARGIN + CONTENT, y);
  cairo_stroke (cr);
  y += 6;
  show (cr, context, tr (keep, bi, "Total reçu", "Total received", " / "), 10.5, TRUE, MARGIN, y, CONTENT - 130, PANGO_ALIGN_LEFT);
  y += show (cr, context, total_text, 10.5, TRUE, MARGIN + CONTENT - 130, y, 130, PANGO_ALIGN_RIGHT) + 6;
  if (balance > 0)
    {
      balance_text = factures_currency_format (balance, document->currency);
      show (cr, context, tr (keep, bi, "Solde restant dû", "Balance due", " / "), 10.5, FALSE, MARGIN, y, CONTENT - 130, PANGO_ALIGN_LEFT);
      y += show (cr, context, balance_text, 10.5, FALSE, MARGIN + CONTENT - 130, y, 130, PANGO_ALIGN_RIGHT) + 6;
    }
  else
    y += show (cr, context, tr (keep, bi, "Facture acquittée.", "Invoice paid in full.", " / "), 10.5, TRUE, MARGIN, y, CONTENT, PANGO_ALIGN_LEFT) + 6;

  y += 40;
  show (cr, context, tr (keep, bi, "Pour valoir ce que de droit.", "For all legal purposes.", "\n"), 9.5, FALSE, MARGIN, y, CONTENT, PANGO_ALIGN_LEFT);
  {
    g_autofree char *sign = g_strdup_printf ("%s\nSignature :", document->seller->party.name ? document->seller->party.name : "");
    show (cr, context, sign, 9.5, FALSE, MARGIN + CONTENT / 2, y, CONTENT / 2, PANGO_ALIGN_LEFT);
  }
  cairo_show_page (cr);
  return finish (cr, surface, bytes, error);
}

/* The "Acquittée le … par …" stamp, in the lower right part of the last page (not rotated,
 * so that the text stays extractable in reading order). */
static void
draw_paid_stamp (cairo_t      *cr,
                 PangoContext *context,
                 const char   *text)
{
  const double w = 320, cx = PAGE_W - MARGIN - w / 2 - 10, cy = PAGE_H - 150;
  double h;

  cairo_save (cr);
  cairo_translate (cr, cx, cy);
  cairo_set_source_rgb (cr, 0.70, 0.10, 0.10);
  h = show (cr, context, text, 13, TRUE, -w / 2 + 10, -20, w - 20, PANGO_ALIGN_CENTER);
  cairo_set_line_width (cr, 2.0);
  cairo_rectangle (cr, -w / 2, -28, w, h + 16);
  cairo_stroke (cr);
  cairo_restore (cr);
}

GBytes *
factures_pdf_render_paid_duplicate (const FacturesDocument *document,
                                    const GDate            *paid_date,
                                    const char             *paid_by,
                                    GError                **error)
{
  g_autoptr(FacturesPdfLayout) layout = NULL;
  g_autoptr(ReceiptContext) context = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  g_autofree char *stamp = NULL;
  GByteArray *bytes;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (document != NULL && paid_date != NULL && g_date_valid (paid_date), NULL);

  layout = factures_pdf_layout_new (document, FACTURES_PDF_FLAG_DUPLICATA | FACTURES_PDF_FLAG_PAID, error);
  if (layout == NULL)
    return NULL;
  context = factures_fonts_create_context ();
  date = factures_date_format_long (paid_date);
  stamp = paid_by != NULL && *paid_by != '\0'
          ? g_strdup_printf ("Acquittée le %s\npar %s", date, paid_by)
          : g_strdup_printf ("Acquittée le %s", date);
  /* issue 13 item 5: a bilingual client's stamp says it in English too */
  if (document->buyer != NULL && document->buyer->document_language == FACTURES_DOCUMENT_LANGUAGE_FRENCH_ENGLISH)
    {
      g_autofree char *on = factures_date_format_fr (paid_date);
      char *both = g_strdup_printf ("%s\nPaid on %s", stamp, on);

      g_free (stamp);
      stamp = both;
    }
  title = g_strdup_printf ("%s %s (duplicata acquitté)", factures_document_kind_title_fr (document->kind),
                           document->number ? document->number : "");

  bytes = g_byte_array_new ();
  surface = new_surface (bytes, title, document->seller != NULL ? document->seller->party.name : NULL);
  cr = cairo_create (surface);
  n_pages = factures_pdf_layout_get_n_pages (layout);
  for (guint i = 0; i < n_pages; i++)
    {
      factures_pdf_layout_draw_page (layout, cr, i);
      if (i == n_pages - 1)
        draw_paid_stamp (cr, context, stamp);
      cairo_show_page (cr);
    }
  return finish (cr, surface, bytes, error);
}
