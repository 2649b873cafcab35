/* bare-render.c — the baseline of the render benchmarks (issue 12 item 5)
 *
 * A bare cairo + pango program that draws what an invoice PDF of Factures holds: on A4 pages,
 * a header (seller, title and number, dates, buyer), a table of N lines (description, quantity,
 * unit price, VAT, amount) with its header repeated on each page, the totals and a few
 * mentions, a footer with the page number; DOCS such documents, each to its own PDF in memory.
 * No store, no validation, no Factur-X: what any program must do to draw the same content.
 *
 * Usage: bare-render N_LINES [DOCS]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#define PAGE_W 595.28
#define PAGE_H 841.89
#define MARGIN 45.0
#define BOTTOM (PAGE_H - 64.0)

static cairo_status_t
discard (void *closure, const unsigned char *data, unsigned int length)
{
  *(size_t *) closure += length;
  return CAIRO_STATUS_SUCCESS;
}

static double
text (cairo_t *cr, PangoLayout *layout, const char *font, double x, double y, double width, const char *s)
{
  PangoFontDescription *desc = pango_font_description_from_string (font);
  int h;

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_text (layout, s, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

static void
table_header (cairo_t *cr, PangoLayout *layout, double y)
{
  cairo_set_source_rgb (cr, 0.925, 0.942, 0.965);
  cairo_rectangle (cr, MARGIN, y, PAGE_W - 2 * MARGIN, 18);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.13, 0.14, 0.16);
  text (cr, layout, "DejaVu Sans Bold 8", MARGIN + 4, y + 4, 0, "Désignation");
  text (cr, layout, "DejaVu Sans Bold 8", 330, y + 4, 0, "Qté");
  text (cr, layout, "DejaVu Sans Bold 8", 380, y + 4, 0, "Prix unit. HT");
  text (cr, layout, "DejaVu Sans Bold 8", 455, y + 4, 0, "TVA");
  text (cr, layout, "DejaVu Sans Bold 8", 500, y + 4, 0, "Montant HT");
}

static size_t
render (int n_lines, int number)
{
  size_t bytes = 0;
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (discard, &bytes, PAGE_W, PAGE_H);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  char buf[256];
  double y;
  int page = 1;

  cairo_set_source_rgb (cr, 0.13, 0.14, 0.16);
  y = MARGIN;
  y += text (cr, layout, "DejaVu Sans Bold 11", MARGIN, y, 250, "Camille Martin EI");
  y += text (cr, layout, "DejaVu Sans 9", MARGIN, y, 250,
             "12 rue des Lilas\n69003 Lyon\nSIREN 732 829 320\ncamille@example.org");
  text (cr, layout, "DejaVu Sans Bold 22", 360, MARGIN, 0, "Facture");
  snprintf (buf, sizeof buf, "N° F2026-%04d", number);
  text (cr, layout, "DejaVu Sans Bold 11", 360, MARGIN + 30, 0, buf);
  text (cr, layout, "DejaVu Sans 9", 360, MARGIN + 50, 0, "Date : 06/12/2026\nÉchéance : 05/01/2027");
  text (cr, layout, "DejaVu Sans Bold 7", 320, y + 10, 0, "CLIENT");
  y += text (cr, layout, "DejaVu Sans 9", 320, y + 20, 235, "Exemple Conseil SARL\n3 avenue Foch\n75016 Paris") + 40;
  table_header (cr, layout, y);
  y += 22;
  for (int i = 0; i < n_lines; i++)
    {
      double h;

      snprintf (buf, sizeof buf, "Développement, étape %d : analyse, réalisation et recette", i + 1);
      h = text (cr, layout, "DejaVu Sans 9", MARGIN + 4, y + 4, 270, buf);
      text (cr, layout, "DejaVu Sans 9", 330, y + 4, 0, "1 h");
      text (cr, layout, "DejaVu Sans 9", 380, y + 4, 0, "100,00 €");
      text (cr, layout, "DejaVu Sans 9", 455, y + 4, 0, "20 %");
      text (cr, layout, "DejaVu Sans 9", 500, y + 4, 0, "100,00 €");
      y += h + 9;
      cairo_set_source_rgb (cr, 0.80, 0.82, 0.85);
      cairo_move_to (cr, MARGIN, y);
      cairo_line_to (cr, PAGE_W - MARGIN, y);
      cairo_set_line_width (cr, 0.5);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0.13, 0.14, 0.16);
      if (y > BOTTOM - 30 && i + 1 < n_lines)
        {
          snprintf (buf, sizeof buf, "Camille Martin EI — SIREN 732 829 320 — Page %d", page++);
          text (cr, layout, "DejaVu Sans 7", MARGIN, PAGE_H - 40, 0, buf);
          cairo_show_page (cr);
          y = MARGIN + 30;
          table_header (cr, layout, y);
          y += 22;
        }
    }
  snprintf (buf, sizeof buf, "Total HT  %d,00 €\nTVA 20 %%  %d,00 €\nTotal TTC  %d,00 €",
            100 * n_lines, 20 * n_lines, 120 * n_lines);
  y += text (cr, layout, "DejaVu Sans Bold 10.5", 380, y + 16, 0, buf) + 24;
  text (cr, layout, "DejaVu Sans 8", MARGIN, y, PAGE_W - 2 * MARGIN,
        "Conditions de paiement : 30 jours. En cas de retard, pénalités au taux de 3 fois le taux "
        "d’intérêt légal et indemnité forfaitaire de 40 € pour frais de recouvrement (C. com. L441-10). "
        "Pas d’escompte pour paiement anticipé.");
  snprintf (buf, sizeof buf, "Camille Martin EI — SIREN 732 829 320 — Page %d", page);
  text (cr, layout, "DejaVu Sans 7", MARGIN, PAGE_H - 40, 0, buf);
  cairo_show_page (cr);

  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return bytes;
}

int
main (int argc, char *argv[])
{
  int n_lines = argc > 1 ? atoi (argv[1]) : 10;
  int docs = argc > 2 ? atoi (argv[2]) : 1;
  size_t total = 0;

  for (int d = 0; d < docs; d++)
    total += render (n_lines, d + 1);
  printf ("%d documents of %d lines: %zu bytes of PDF\n", docs, n_lines, total);
  return 0;
}
