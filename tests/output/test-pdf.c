/* test-pdf.c — the PDF layout read back with poppler (issue 2 §6, LEGAL.md §1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <cairo.h>
#include <poppler.h>

#include "factures-document.h"
#include "factures-money.h"
#include "factures-pdf.h"
#include "factures-schedule.h"

#define NNBSP "\342\200\257"  /* U+202F */
#define NBSP  "\302\240"      /* U+00A0 */

/* ---- fixtures ---- */

static void
set_date (GDate *date, guint day, guint month, guint year)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static FacturesProfile *
make_seller (gboolean vat_registered)
{
  FacturesProfile *p = factures_profile_new ();

  p->party.name = g_strdup (vat_registered ? "Camille Martin EI" : "Zoë Lefèvre EI");
  p->party.address = g_strdup (vat_registered ? "8 quai Saint-Vincent" : "12 rue des Œillets\nBâtiment B");
  p->party.postal_code = g_strdup (vat_registered ? "69001" : "35000");
  p->party.city = g_strdup (vat_registered ? "Lyon" : "Rennes");
  g_free (p->party.country_code);
  p->party.country_code = g_strdup ("FR");
  p->party.siren = g_strdup ("732829320");
  p->party.siret = g_strdup ("73282932000074");
  p->party.email = g_strdup ("contact@example.fr");
  p->party.phone = g_strdup ("06 12 34 56 78");
  if (vat_registered)
    {
      p->party.vat_id = g_strdup ("FR44732829320");
      p->registry = FACTURES_REGISTRY_RCS;
      p->registry_city = g_strdup ("Lyon");
      p->vat_regime = FACTURES_VAT_REGIME_REGISTERED;
      p->activity = FACTURES_ACTIVITY_BOTH;
      p->penalty_rate_bp = 1215;
    }
  else
    {
      p->registry = FACTURES_REGISTRY_RNE;
      p->vat_regime = FACTURES_VAT_REGIME_FRANCHISE;
      p->activity = FACTURES_ACTIVITY_SERVICES;
      p->penalty_rate_bp = 0;
      p->insurance = g_strdup ("Assurance décennale MAAF, 79036 Niort ; couverture : France métropolitaine");
    }
  p->iban = g_strdup ("FR7630006000011234567890189");
  p->bic = g_strdup ("AGRIFRPP");
  p->default_terms.kind = FACTURES_TERMS_DAYS;
  p->default_terms.days = 30;
  return p;
}

static FacturesClient *
make_buyer (FacturesClientCategory category)
{
  FacturesClient *c = factures_client_new ();

  c->category = category;
  if (category == FACTURES_CLIENT_CATEGORY_INDIVIDUAL)
    {
      c->party.name = g_strdup ("Jean-Noël Dupré");
      c->party.address = g_strdup ("3 allée des Tilleuls");
      c->party.postal_code = g_strdup ("44000");
      c->party.city = g_strdup ("Nantes");
    }
  else
    {
      c->party.name = g_strdup ("Boulangerie Ange SARL");
      c->party.address = g_strdup ("14 avenue Jean Jaurès");
      c->party.postal_code = g_strdup ("75019");
      c->party.city = g_strdup ("Paris");
      c->party.siren = g_strdup ("552081317");
      c->party.vat_id = g_strdup ("FR03552081317");
    }
  g_free (c->party.country_code);
  c->party.country_code = g_strdup ("FR");
  return c;
}

static void
add_line (FacturesDocument *doc,
          const char       *description,
          gint64            quantity,
          const char       *unit,
          gint64            unit_price,
          gint              vat_rate_bp)
{
  FacturesLine *line = factures_line_new ();

  line->description = g_strdup (description);
  line->quantity = quantity;
  line->unit = g_strdup (unit);
  line->unit_price = unit_price;
  line->vat_rate_bp = vat_rate_bp;
  line->allowance = 0;
  g_ptr_array_add (doc->lines, line);
}

static FacturesDocument *
make_document (gboolean               vat_registered,
               FacturesClientCategory category)
{
  FacturesDocument *doc = factures_document_new (FACTURES_DOCUMENT_KIND_INVOICE);

  g_clear_pointer (&doc->seller, factures_profile_free);
  g_clear_pointer (&doc->buyer, factures_client_free);
  doc->seller = make_seller (vat_registered);
  doc->buyer = make_buyer (category);
  doc->status = FACTURES_DOCUMENT_STATUS_ISSUED;
  g_free (doc->number);
  doc->number = g_strdup ("F2026-0042");
  set_date (&doc->issue_date, 30, 11, 2026);
  g_date_clear (&doc->delivery_date, 1);
  set_date (&doc->due_date, 30, 12, 2026);
  doc->terms.kind = FACTURES_TERMS_DAYS;
  doc->terms.days = 30;
  return doc;
}

/* ---- reading back ---- */

typedef struct {
  GPtrArray *pages;   /* char*: text of each page, spaces normalised */
  GPtrArray *raw;     /* char*: text of each page, as extracted */
  char      *all;     /* normalised, pages joined */
} PdfText;

static void
pdf_text_free (PdfText *t)
{
  g_ptr_array_unref (t->pages);
  g_ptr_array_unref (t->raw);
  g_free (t->all);
  g_free (t);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdfText, pdf_text_free)

/* U+00A0 and U+202F → ' ', so that mentions can be searched as plain text. */
static char *
normalise_spaces (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x00A0 || c == 0x202F)
        g_string_append_c (s, ' ');
      else
        g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

static PopplerDocument *
open_pdf (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_bytes (pdf, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static PdfText *
pdf_text (GBytes *pdf)
{
  PopplerDocument *document = open_pdf (pdf);
  PdfText *t = g_new0 (PdfText, 1);
  GString *all = g_string_new (NULL);

  t->pages = g_ptr_array_new_with_free_func (g_free);
  t->raw = g_ptr_array_new_with_free_func (g_free);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      char *raw = poppler_page_get_text (page);

      g_object_unref (page);
      g_assert_nonnull (raw);
      g_assert_true (g_utf8_validate (raw, -1, NULL));
      g_ptr_array_add (t->raw, raw);
      g_ptr_array_add (t->pages, normalise_spaces (raw));
      g_string_append (all, g_ptr_array_index (t->pages, i));
      g_string_append_c (all, '\f');
    }
  t->all = g_string_free (all, FALSE);
  g_object_unref (document);
  return t;
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;
  gsize len = strlen (needle);

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + len, needle))
    n++;
  return n;
}

#define assert_contains(text, needle) \
  G_STMT_START { \
    if (strstr ((text), (needle)) == NULL) \
      g_error ("“%s” not found in the PDF text:\n%s", (needle), (text)); \
  } G_STMT_END

#define assert_not_contains(text, needle) \
  G_STMT_START { \
    if (strstr ((text), (needle)) != NULL) \
      g_error ("“%s” unexpectedly found in the PDF text:\n%s", (needle), (text)); \
  } G_STMT_END

static GBytes *
render (const FacturesDocument *doc,
        FacturesPdfFlags        flags)
{
  g_autoptr(GError) error = NULL;
  GBytes *pdf = factures_pdf_render (doc, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  g_assert_cmpuint (g_bytes_get_size (pdf), >, 1000);
  g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 5, "%PDF-", 5);

  /* FACTURES_TEST_PDF_DIR=DIR keeps every rendered PDF, to look at them. */
  if (g_getenv ("FACTURES_TEST_PDF_DIR") != NULL)
    {
      static guint serial = 0;
      g_autofree char *name = g_strdup_printf ("%02u%s.pdf", ++serial, g_test_get_path ());
      g_autofree char *path = NULL;

      g_strdelimit (name, "/", '-');
      path = g_build_filename (g_getenv ("FACTURES_TEST_PDF_DIR"), name, NULL);
      g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL);
    }
  return pdf;
}

/* No glyph sits in the band between the content and the footer of any page:
 * content that ran into the footer would land there first. */
static void
assert_footer_band_clear (GBytes *pdf)
{
  PopplerDocument *document = open_pdf (pdf);
  const double band_top = FACTURES_PDF_PAGE_HEIGHT - 62.0;
  const double band_bottom = FACTURES_PDF_PAGE_HEIGHT - 52.0;

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      PopplerRectangle *rects = NULL;
      guint n_rects = 0;

      g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
      for (guint r = 0; r < n_rects; r++)
        {
          double centre = (rects[r].y1 + rects[r].y2) / 2;

          if (centre > band_top && centre < band_bottom)
            g_error ("page %d: a glyph at y = %.1f, between the content and the footer", i + 1, centre);
        }
      g_free (rects);
      g_object_unref (page);
    }
  g_object_unref (document);
}

/* A money amount as printed, spaces normalised. */
static char *
money_text (gint64 cents)
{
  g_autofree char *s = factures_money_format (cents);
  return normalise_spaces (s);
}

/* ---- tests ---- */

/* B2C, franchise en base: art. 293 B, no 40 € indemnity, no VAT figures. */
static void
test_b2c_franchise (void)
{
  g_autoptr(FacturesDocument) doc = make_document (FALSE, FACTURES_CLIENT_CATEGORY_INDIVIDUAL);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PdfText) text = NULL;
  g_auto(FacturesTotals) totals = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *total = NULL;

  add_line (doc, "Séance de coaching individuel\nBilan et plan d'action", 30000, "h",
            60 * FACTURES_UNIT_PRICE_ONE, 0);
  add_line (doc, "Frais de déplacement", 10000, NULL, 25500000, 0);
  set_date (&doc->delivery_date, 27, 11, 2026);
  doc->notes = g_strdup ("Merci pour votre confiance.");

  g_assert_true (factures_document_compute_totals (doc, &totals, &error));
  g_assert_no_error (error);
  g_assert_cmpint (totals.gross_total, ==, 20550);
  total = money_text (totals.gross_total);

  pdf = render (doc, FACTURES_PDF_FLAG_NONE);
  text = pdf_text (pdf);
  g_assert_cmpuint (text->pages->len, ==, 1);

  /* Seller: name with EI, address, SIRET, registry */
  assert_contains (text->all, "Zoë Lefèvre EI");
  assert_contains (text->all, "12 rue des Œillets");
  assert_contains (text->all, "35000 Rennes");
  assert_contains (text->all, "SIRET 732 829 320 00074");
  assert_contains (text->all, "Inscrit au RNE");
  /* Buyer */
  assert_contains (text->all, "Jean-Noël Dupré");
  assert_contains (text->all, "3 allée des Tilleuls");
  assert_contains (text->all, "44000 Nantes");
  assert_not_contains (text->all, "552 081 317");
  /* Title, number, dates */
  assert_contains (text->all, "Facture");
  assert_contains (text->all, "F2026-0042");
  assert_contains (text->all, "Date d'émission");
  assert_contains (text->all, "30/11/2026");
  assert_contains (text->all, "27/11/2026");   /* date of the service, differs from issue */
  assert_contains (text->all, "Échéance : 30/12/2026");
  /* Lines */
  assert_contains (text->all, "Désignation");
  assert_contains (text->all, "Séance de coaching individuel");
  assert_contains (text->all, "Bilan et plan d'action");
  assert_contains (text->all, "Frais de déplacement");
  /* Totals: franchise */
  assert_contains (text->all, "Total");
  assert_contains (text->all, total);
  assert_contains (text->all, "TVA non applicable, art. 293 B du CGI");
  assert_not_contains (text->all, "Total TTC");
  assert_not_contains (text->all, "TVA 20");
  /* Mentions */
  assert_contains (text->all, "Pas d'escompte pour paiement anticipé");
  assert_contains (text->all, "Pénalités de retard");
  assert_not_contains (text->all, "Indemnité forfaitaire");
  assert_not_contains (text->all, "40 €");
  assert_contains (text->all, "Assurance décennale MAAF");
  assert_contains (text->all, "FR76 3000 6000 0112 3456 7890 189");
  assert_contains (text->all, "AGRIFRPP");
  assert_contains (text->all, "Merci pour votre confiance.");
  /* Footer: legal identity, page number */
  assert_contains (text->all, "Zoë Lefèvre EI — SIREN 732 829 320 — Inscrit au RNE");
  assert_contains (text->all, "Page 1 / 1");
  assert_not_contains (text->all, "Brouillon");
  assert_not_contains (text->all, "Duplicata");
}

/* B2B, VAT registered: VAT per rate, 40 € indemnity, client SIREN, penalty rate. */
static void
test_b2b_vat (void)
{
  g_autoptr(FacturesDocument) doc = make_document (TRUE, FACTURES_CLIENT_CATEGORY_COMPANY);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PdfText) text = NULL;
  g_auto(FacturesTotals) totals = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *net = NULL, *gross = NULL;

  add_line (doc, "Développement de l'application de caisse", 125000, "jour",
            450 * FACTURES_UNIT_PRICE_ONE, 2000);
  add_line (doc, "Formation du personnel", 20000, "jour", 380 * FACTURES_UNIT_PRICE_ONE, 2000);
  add_line (doc, "Ouvrages techniques", 30000, "pièce", 42500000, 550);
  add_line (doc, "Repas de travail", 10000, NULL, 61800000, 1000);
  doc->purchase_order = g_strdup ("BC-2026-118");

  g_assert_true (factures_document_compute_totals (doc, &totals, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (totals.breakdown->len, ==, 3);
  net = money_text (totals.net_total);
  gross = money_text (totals.gross_total);

  pdf = render (doc, FACTURES_PDF_FLAG_NONE);
  text = pdf_text (pdf);
  g_assert_cmpuint (text->pages->len, ==, 1);

  assert_contains (text->all, "Camille Martin EI");
  assert_contains (text->all, "RCS Lyon");
  assert_contains (text->all, "FR44732829320");
  /* Buyer: professional, with SIREN and VAT number */
  assert_contains (text->all, "Boulangerie Ange SARL");
  assert_contains (text->all, "SIREN 552 081 317");
  assert_contains (text->all, "FR03552081317");
  assert_contains (text->all, "BC-2026-118");
  /* Table */
  assert_contains (text->all, "PU HT");
  assert_contains (text->all, "Montant HT");
  assert_contains (text->all, "5,5 %");
  /* Totals: HT, VAT per rate, TTC */
  assert_contains (text->all, "Total HT");
  assert_contains (text->all, net);
  assert_contains (text->all, "Total TTC");
  assert_contains (text->all, gross);
  for (guint i = 0; i < totals.breakdown->len; i++)
    {
      const FacturesVatBreakdown *b = &g_array_index (totals.breakdown, FacturesVatBreakdown, i);
      g_autofree char *rate = factures_rate_format (b->rate_bp);
      g_autofree char *rate_n = normalise_spaces (rate);
      g_autofree char *label = g_strdup_printf ("TVA %s", rate_n);
      g_autofree char *vat = money_text (b->vat);
      g_autofree char *base = money_text (b->base);

      g_assert_cmpint (b->vat, >, 0);
      assert_contains (text->all, label);
      assert_contains (text->all, vat);
      assert_contains (text->all, base);
    }
  assert_not_contains (text->all, "293 B");
  /* B2B mentions */
  assert_contains (text->all, "Échéance : 30/12/2026");
  assert_contains (text->all, "Taux des pénalités de retard : 12,15 % l'an");
  assert_contains (text->all, "Indemnité forfaitaire pour frais de recouvrement : 40 €");
  assert_contains (text->all, "Pas d'escompte pour paiement anticipé");
  assert_contains (text->all, "Camille Martin EI — SIREN 732 829 320 — RCS Lyon");
  assert_contains (text->all, "Page 1 / 1");
}

/* Without a fixed rate, a professional buyer gets the BCE + 10 points wording. */
static void
test_b2b_default_penalty (void)
{
  g_autoptr(FacturesDocument) doc = make_document (FALSE, FACTURES_CLIENT_CATEGORY_ASSOCIATION);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PdfText) text = NULL;

  doc->seller->penalty_rate_bp = 0;
  add_line (doc, "Atelier", 10000, NULL, 200 * FACTURES_UNIT_PRICE_ONE, 0);
  pdf = render (doc, FACTURES_PDF_FLAG_NONE);
  text = pdf_text (pdf);
  assert_contains (text->all, "Pénalités de retard : taux de refinancement de la BCE majoré de 10 points");
  assert_contains (text->all, "Indemnité forfaitaire pour frais de recouvrement : 40 €");
  assert_contains (text->all, "TVA non applicable, art. 293 B du CGI");
}

static gboolean
page_has_header (const char *page)
{
  return strstr (page, "Désignation") != NULL && strstr (page, "Montant HT") != NULL
         && strstr (page, "PU HT") != NULL;
}

/* 300 lines: header on every page, rows neither lost nor repeated, totals once on the last page. */
static void
test_pagination (void)
{
  g_autoptr(FacturesDocument) doc = make_document (TRUE, FACTURES_CLIENT_CATEGORY_COMPANY);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PdfText) text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesPdfLayout) layout = NULL;
  g_auto(FacturesTotals) totals = { 0, };
  g_autofree char *gross = NULL;
  guint n_pages;
  const char *last;

  for (guint i = 1; i <= 300; i++)
    {
      g_autofree char *description = NULL;

      if (i % 7 == 0)
        description = g_strdup_printf ("Article %03u\nréférence longue sur deux lignes", i);
      else
        description = g_strdup_printf ("Article %03u", i);
      add_line (doc, description, 10000 + i, "u", 1234567 + i, i % 3 == 0 ? 1000 : 2000);
    }

  layout = factures_pdf_layout_new (doc, FACTURES_PDF_FLAG_NONE, &error);
  g_assert_no_error (error);
  n_pages = factures_pdf_layout_get_n_pages (layout);
  g_assert_cmpuint (n_pages, >=, 5);

  g_assert_true (factures_document_compute_totals (doc, &totals, &error));
  gross = money_text (totals.gross_total);

  pdf = render (doc, FACTURES_PDF_FLAG_NONE);
  text = pdf_text (pdf);
  g_assert_cmpuint (text->pages->len, ==, n_pages);

  for (guint p = 0; p < n_pages; p++)
    {
      const char *page = g_ptr_array_index (text->pages, p);
      g_autofree char *number = g_strdup_printf ("Page %u / %u", p + 1, n_pages);

      if (!page_has_header (page))
        g_error ("page %u has no table header:\n%s", p + 1, page);
      assert_contains (page, number);
      assert_contains (page, "SIREN 732 829 320");   /* footer */
      if (p > 0)
        assert_contains (page, "F2026-0042 (suite)");
      if (p + 1 < n_pages)
        {
          assert_not_contains (page, "Total TTC");
          assert_not_contains (page, "Total HT");
          assert_not_contains (page, "Indemnité forfaitaire");
        }
    }

  last = g_ptr_array_index (text->pages, n_pages - 1);
  g_assert_cmpuint (count_occurrences (text->all, "Total TTC"), ==, 1);
  g_assert_cmpuint (count_occurrences (text->all, "Total HT"), ==, 1);
  g_assert_cmpuint (count_occurrences (text->all, gross), ==, 1);
  assert_contains (last, "Total TTC");
  assert_contains (last, gross);
  assert_contains (last, "Indemnité forfaitaire pour frais de recouvrement : 40 €");

  /* Every row exactly once; a two-line row is never split across pages. */
  for (guint i = 1; i <= 300; i++)
    {
      g_autofree char *needle = g_strdup_printf ("Article %03u", i);

      g_assert_cmpuint (count_occurrences (text->all, needle), ==, 1);
      if (i % 7 == 0)
        {
          for (guint p = 0; p < n_pages; p++)
            {
              const char *page = g_ptr_array_index (text->pages, p);
              const char *at = strstr (page, needle);

              if (at != NULL)
                g_assert_nonnull (strstr (at, "référence longue sur deux lignes"));
            }
        }
    }
  g_assert_cmpuint (count_occurrences (text->all, "référence longue sur deux lignes"), ==, 42);
  assert_footer_band_clear (pdf);
}

/* One huge paragraph of notes flows over pages without running into the footer. */
static void
test_huge_notes (void)
{
  g_autoptr(FacturesDocument) doc = make_document (FALSE, FACTURES_CLIENT_CATEGORY_INDIVIDUAL);
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PdfText) text = NULL;
  g_autofree char *flat = NULL;

  for (guint i = 0; i < 40; i++)
    add_line (doc, "Prestation", 10000, NULL, 10 * FACTURES_UNIT_PRICE_ONE, 0);
  for (guint i = 1; i <= 300; i++)
    g_string_append_printf (notes, "Phrase %03u de la note, sans retour à la ligne. ", i);
  doc->notes = g_strdup (notes->str);

  pdf = render (doc, FACTURES_PDF_FLAG_NONE);
  text = pdf_text (pdf);
  g_assert_cmpuint (text->pages->len, >=, 3);
  flat = g_strdelimit (g_strdup (text->all), "\n", ' ');   /* the paragraph wraps anywhere */
  for (guint i = 1; i <= 300; i++)
    {
      g_autofree char *needle = g_strdup_printf ("Phrase %03u de la note", i);
      g_assert_cmpuint (count_occurrences (flat, needle), ==, 1);
    }
  assert_footer_band_clear (pdf);
}

/* Long names, discounts and notes that flow over a page: nothing is lost or cut. */
static void
test_long_texts (void)
{
  g_autoptr(FacturesDocument) doc = make_document (TRUE, FACTURES_CLIENT_CATEGORY_PUBLIC);
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PdfText) text = NULL;
  g_auto(FacturesTotals) totals = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *allowance = NULL;
  FacturesLine *line;

  g_free (doc->seller->party.name);
  doc->seller->party.name = g_strdup ("Marie-Bérénice de La Tour d'Auvergne-Lauraguais EI");
  doc->seller->penalty_rate_bp = 0;   /* public buyer: the ECB + 8 points wording */
  g_free (doc->buyer->party.name);
  doc->buyer->party.name = g_strdup ("Communauté d'agglomération du Grand Chalon — Direction des systèmes d'information");
  g_free (doc->buyer->party.address);
  doc->buyer->party.address = g_strdup ("Service comptabilité, bâtiment C, 3e étage\n4 place de l'Hôtel de Ville\nBP 92");
  for (guint i = 0; i < 12; i++)
    add_line (doc, "Maintenance évolutive du portail citoyen, y compris les correctifs de sécurité "
              "et la mise à jour des dépendances, selon le bon de commande", 7500, "jour",
              520 * FACTURES_UNIT_PRICE_ONE, 2000);
  line = g_ptr_array_index (doc->lines, 0);
  line->allowance = 5000;
  doc->allowance = 10000;
  for (guint i = 1; i <= 60; i++)
    g_string_append_printf (notes, "Note %02u : le présent paragraphe précise les modalités "
                            "d'exécution et de réception de la prestation.\n", i);
  doc->notes = g_strdup (notes->str);

  g_assert_true (factures_document_compute_totals (doc, &totals, &error));
  g_assert_no_error (error);
  allowance = money_text (totals.allowance_total);

  pdf = render (doc, FACTURES_PDF_FLAG_NONE);
  text = pdf_text (pdf);
  g_assert_cmpuint (text->pages->len, >=, 2);
  assert_contains (text->all, "Marie-Bérénice de La Tour");
  assert_contains (text->all, "systèmes d'information");
  assert_contains (text->all, "BP 92");
  assert_contains (text->all, "Remise : 50,00 €");
  assert_contains (text->all, "Total des lignes HT");
  assert_contains (text->all, allowance);
  assert_contains (text->all, "BCE majoré de 8 points");
  assert_contains (text->all, "Indemnité forfaitaire pour frais de recouvrement : 40 €");
  for (guint i = 1; i <= 60; i++)
    {
      g_autofree char *needle = g_strdup_printf ("Note %02u : le présent paragraphe", i);
      g_assert_cmpuint (count_occurrences (text->all, needle), ==, 1);
    }
  g_assert_cmpuint (count_occurrences (text->all, "Total TTC"), ==, 1);
  assert_footer_band_clear (pdf);
}

/* A row taller than a page is split between its lines, and nothing is lost. */
static void
test_giant_row (void)
{
  g_autoptr(FacturesDocument) doc = make_document (FALSE, FACTURES_CLIENT_CATEGORY_INDIVIDUAL);
  g_autoptr(GString) description = g_string_new (NULL);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PdfText) text = NULL;

  add_line (doc, "Première ligne", 10000, NULL, FACTURES_UNIT_PRICE_ONE, 0);
  for (guint i = 1; i <= 120; i++)
    g_string_append_printf (description, "%sÉtape %03u du chantier", i > 1 ? "\n" : "", i);
  add_line (doc, description->str, 10000, NULL, 5 * FACTURES_UNIT_PRICE_ONE, 0);
  add_line (doc, "Dernière ligne", 10000, NULL, FACTURES_UNIT_PRICE_ONE, 0);

  pdf = render (doc, FACTURES_PDF_FLAG_NONE);
  text = pdf_text (pdf);
  g_assert_cmpuint (text->pages->len, >=, 2);
  for (guint i = 1; i <= 120; i++)
    {
      g_autofree char *needle = g_strdup_printf ("Étape %03u du chantier", i);
      g_assert_cmpuint (count_occurrences (text->all, needle), ==, 1);
    }
  g_assert_cmpuint (count_occurrences (text->all, "Dernière ligne"), ==, 1);
  g_assert_cmpuint (count_occurrences (text->all, "TVA non applicable"), ==, 1);
  for (guint p = 0; p < text->pages->len; p++)
    g_assert_true (page_has_header (g_ptr_array_index (text->pages, p)));
  assert_footer_band_clear (pdf);
}

static char *
write_temp_pdf (GBytes  *pdf,
                char   **out_dir)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("factures-pdf-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, "out.pdf", NULL);
  g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error);
  g_assert_no_error (error);
  *out_dir = dir;
  return path;
}

/* pdffonts: every font embedded, DejaVu Sans among them, no colour-emoji font. */
static void
check_pdffonts (GBytes *pdf)
{
  g_autofree char *program = g_find_program_in_path ("pdffonts");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  const char *argv[] = { NULL, NULL, NULL };
  int status = 0;
  guint n_fonts = 0;
  gboolean dejavu = FALSE;

  if (program == NULL)
    {
      if (g_getenv ("CI") != NULL)
        g_error ("pdffonts (poppler-utils) is missing and CI is set");
      g_test_message ("pdffonts not installed: font check skipped");
      return;
    }

  path = write_temp_pdf (pdf, &dir);
  argv[0] = program;
  argv[1] = path;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  g_test_message ("pdffonts:\n%s", out);

  /* name  type  encoding  emb sub uni  object ID */
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      guint n;

      if (*lines[i] == '\0')
        continue;
      fields = g_regex_split_simple ("\\s+", lines[i], 0, 0);
      n = g_strv_length (fields);
      g_assert_cmpuint (n, >=, 7);
      n_fonts++;
      /* emb, sub, uni are the 5th, 4th and 3rd fields from the end (object ID is two fields). */
      if (g_strcmp0 (fields[n - 5], "yes") != 0)
        g_error ("font not embedded: %s", lines[i]);
      if (g_strcmp0 (fields[n - 3], "yes") != 0)
        g_error ("font without a Unicode map (text not extractable): %s", lines[i]);
      if (strstr (fields[0], "DejaVuSans") != NULL)
        dejavu = TRUE;
      if (g_regex_match_simple ("color|colour|emoji|twemoji|joypixels", fields[0],
                                G_REGEX_CASELESS, 0))
        g_error ("colour-emoji font used: %s", lines[i]);
    }
  g_assert_cmpuint (n_fonts, >, 0);
  g_assert_true (dejavu);

  g_unlink (path);
  g_rmdir (dir);
}

/* Fraction of the pixels of page 0 that are not white, rendered by poppler. */
static double
ink_ratio (GBytes *pdf,
           guint   page_index,
           guint  *out_n_images)
{
  PopplerDocument *document = open_pdf (pdf);
  PopplerPage *page = poppler_document_get_page (document, page_index);
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  const double scale = 0.75;
  guint64 dark = 0, total = 0;
  GList *images;

  poppler_page_get_size (page, &width, &height);
  g_assert_cmpfloat (fabs (width - FACTURES_PDF_PAGE_WIDTH), <, 1.0);
  g_assert_cmpfloat (fabs (height - FACTURES_PDF_PAGE_HEIGHT), <, 1.0);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (width * scale), (int) (height * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    {
      const guint32 *row = (const guint32 *) (cairo_image_surface_get_data (surface)
                                              + y * cairo_image_surface_get_stride (surface));
      for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
        {
          guint32 px = row[x] & 0xffffff;
          total++;
          if (((px >> 16) & 0xff) < 160 && ((px >> 8) & 0xff) < 160 && (px & 0xff) < 160)
            dark++;
        }
    }
  cairo_surface_destroy (surface);

  images = poppler_page_get_image_mapping (page);
  if (out_n_images != NULL)
    *out_n_images = g_list_length (images);
  poppler_page_free_image_mapping (images);
  g_object_unref (page);
  g_object_unref (document);

  return (double) dark / total;
}

/* Accents, €, œ, « », CJK and emoji come back as text, from embedded outline fonts. */
static void
test_unicode (void)
{
  g_autoptr(FacturesDocument) doc = make_document (TRUE, FACTURES_CLIENT_CATEGORY_COMPANY);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PdfText) text = NULL;
  guint n_images = 99;
  double ratio;

  g_free (doc->buyer->party.name);
  doc->buyer->party.name = g_strdup ("Société « Cœur d'Œuvre » 請求書");
  add_line (doc, "Dégustation « Œnologie » — œufs brouillés, café ☕ et sourire 😀", 20000, "pièce",
            12500000, 2000);
  add_line (doc, "請求書の翻訳 (traduction japonaise)", 10000, NULL, 99 * FACTURES_UNIT_PRICE_ONE, 2000);
  add_line (doc, "Coût unitaire en € : ½ journée", 5000, "jour", 400 * FACTURES_UNIT_PRICE_ONE, 2000);

  pdf = render (doc, FACTURES_PDF_FLAG_NONE);
  text = pdf_text (pdf);

  assert_contains (text->all, "Société « Cœur d'Œuvre » 請求書");
  assert_contains (text->all, "Dégustation « Œnologie » — œufs brouillés,");
  assert_contains (text->all, "café");
  assert_contains (text->all, "☕");
  assert_contains (text->all, "😀");
  assert_contains (text->all, "請求書の翻訳");
  assert_contains (text->all, "Coût unitaire en € : ½ journée");
  assert_contains (text->all, "Échéance");
  assert_contains (text->all, "€");

  check_pdffonts (pdf);

  /* Not blank, and no images: the emoji are glyphs, not colour bitmaps. */
  ratio = ink_ratio (pdf, 0, &n_images);
  g_test_message ("ink ratio %.4f", ratio);
  g_assert_cmpfloat (ratio, >, 0.01);
  g_assert_cmpfloat (ratio, <, 0.5);
  g_assert_cmpuint (n_images, ==, 0);
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize size = 0, len = strlen (needle);
  const char *data = g_bytes_get_data (bytes, &size);

  for (gsize i = 0; i + len <= size; i++)
    if (memcmp (data + i, needle, len) == 0)
      return TRUE;
  return FALSE;
}

/* Every Flate stream of @pdf, inflated and concatenated (fonts, ToUnicode maps, pages). */
static char *
inflate_streams (GBytes *pdf)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (pdf, &size);
  const char *end = data + size;
  GString *out = g_string_new (NULL);
  const char *p = data;

  while (p < end)
    {
      const char *start = NULL, *stop = NULL;

      for (; p + 7 < end; p++)
        if (memcmp (p, "stream\n", 7) == 0 && (p == data || p[-1] != 'd'))
          {
            start = p + 7;
            break;
          }
      if (start == NULL)
        break;
      for (p = start; p + 9 <= end; p++)
        if (memcmp (p, "endstream", 9) == 0)
          {
            stop = p;
            break;
          }
      if (stop == NULL)
        break;

      {
        g_autoptr(GBytes) chunk = g_bytes_new (start, stop - start);
        g_autoptr(GInputStream) raw = g_memory_input_stream_new_from_bytes (chunk);
        g_autoptr(GConverter) zlib = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB));
        g_autoptr(GInputStream) in = g_converter_input_stream_new (raw, zlib);
        char buffer[8192];
        gssize n;

        while ((n = g_input_stream_read (in, buffer, sizeof buffer, NULL, NULL)) > 0)
          {
            /* Font programs are binary: keep the result a C string. */
            for (gssize i = 0; i < n; i++)
              if (buffer[i] == '\0')
                buffer[i] = ' ';
            g_string_append_len (out, buffer, n);
          }
      }
      p = stop + 9;
    }
  return g_string_free (out, FALSE);
}

/* SOURCE_DATE_EPOCH: byte-identical renders; money with U+202F and U+00A0. */
static void
test_deterministic (void)
{
  g_autoptr(FacturesDocument) doc = make_document (TRUE, FACTURES_CLIENT_CATEGORY_COMPANY);
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  g_autoptr(PdfText) text = NULL;
  PopplerDocument *document = NULL;
  g_auto(FacturesTotals) totals = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *gross = NULL;
  g_autofree char *old = g_strdup (g_getenv ("SOURCE_DATE_EPOCH"));
  g_autofree char *title = NULL, *author = NULL;

  add_line (doc, "Audit de sécurité", 25000, "jour", 1450 * FACTURES_UNIT_PRICE_ONE, 2000);
  g_assert_true (factures_document_compute_totals (doc, &totals, &error));
  g_assert_cmpint (totals.gross_total, >, 100000);   /* over 1 000 €: a thousands separator */
  gross = factures_money_format (totals.gross_total);
  g_assert_nonnull (strstr (gross, NNBSP));
  g_assert_nonnull (strstr (gross, NBSP "€"));

  g_setenv ("SOURCE_DATE_EPOCH", "1764460800", TRUE);  /* 2025-11-30T00:00:00Z */
  a = render (doc, FACTURES_PDF_FLAG_NONE);
  b = render (doc, FACTURES_PDF_FLAG_NONE);
  g_assert_true (g_bytes_equal (a, b));
  /* The date written into the file is the one from SOURCE_DATE_EPOCH. */
  g_assert_true (bytes_contain (a, "/CreationDate (20251130"));
  g_assert_true (bytes_contain (a, "/ModDate (20251130"));

  g_setenv ("SOURCE_DATE_EPOCH", "1600000000", TRUE);
  b = (g_bytes_unref (b), render (doc, FACTURES_PDF_FLAG_NONE));
  g_assert_false (g_bytes_equal (a, b));   /* the date does reach the file */

  if (old != NULL)
    g_setenv ("SOURCE_DATE_EPOCH", old, TRUE);
  else
    g_unsetenv ("SOURCE_DATE_EPOCH");

  /* Poppler turns every Unicode space into ' ' when it extracts text, so the
   * figure is found with plain spaces, and U+202F and U+00A0 are looked for in
   * the ToUnicode maps of the fonts, which is what text extraction reads. */
  text = pdf_text (a);
  {
    g_autofree char *gross_n = normalise_spaces (gross);
    g_autofree char *streams = inflate_streams (a);

    assert_contains ((const char *) g_ptr_array_index (text->pages, 0), gross_n);
    g_assert_nonnull (strstr (streams, "beginbfchar"));
    g_assert_true (g_regex_match_simple ("<[0-9a-f]+> ?<202f>", streams, G_REGEX_CASELESS | G_REGEX_RAW, 0));
    g_assert_true (g_regex_match_simple ("<[0-9a-f]+> ?<00a0>", streams, G_REGEX_CASELESS | G_REGEX_RAW, 0));
  }

  document = open_pdf (a);
  title = poppler_document_get_title (document);
  author = poppler_document_get_author (document);
  g_assert_cmpstr (title, ==, "Facture F2026-0042");
  g_assert_cmpstr (author, ==, "Camille Martin EI");
  g_object_unref (document);
}

static gpointer
render_in_thread (gpointer data)
{
  return factures_pdf_render (data, FACTURES_PDF_FLAG_NONE, NULL);
}

/* Rendering in worker threads (the store issues in one) gives the same bytes. */
static void
test_threads (void)
{
  g_autoptr(FacturesDocument) doc = make_document (TRUE, FACTURES_CLIENT_CATEGORY_COMPANY);
  g_autoptr(GBytes) reference = NULL;
  g_autofree char *old = g_strdup (g_getenv ("SOURCE_DATE_EPOCH"));
  GThread *threads[3];

  for (guint i = 0; i < 40; i++)
    add_line (doc, "Prestation ☕ 請求書", 10000 + i, "h", 10 * FACTURES_UNIT_PRICE_ONE, 2000);
  g_setenv ("SOURCE_DATE_EPOCH", "1764460800", TRUE);
  reference = render (doc, FACTURES_PDF_FLAG_NONE);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("render", render_in_thread, doc);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autoptr(GBytes) pdf = g_thread_join (threads[i]);

      g_assert_nonnull (pdf);
      g_assert_true (g_bytes_equal (pdf, reference));
    }
  if (old != NULL)
    g_setenv ("SOURCE_DATE_EPOCH", old, TRUE);
  else
    g_unsetenv ("SOURCE_DATE_EPOCH");
}

static void
test_duplicata_and_draft (void)
{
  g_autoptr(FacturesDocument) doc = make_document (FALSE, FACTURES_CLIENT_CATEGORY_INDIVIDUAL);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PdfText) text = NULL;

  for (guint i = 0; i < 80; i++)
    add_line (doc, "Prestation", 10000, NULL, 10 * FACTURES_UNIT_PRICE_ONE, 0);

  pdf = render (doc, FACTURES_PDF_FLAG_DUPLICATA);
  text = pdf_text (pdf);
  g_assert_cmpuint (text->pages->len, >=, 2);
  for (guint p = 0; p < text->pages->len; p++)
    assert_contains ((const char *) g_ptr_array_index (text->pages, p), "Duplicata");
  assert_contains (text->all, "F2026-0042");
  g_clear_pointer (&text, pdf_text_free);
  g_clear_pointer (&pdf, g_bytes_unref);

  /* A draft: "Brouillon" on every page, no number. */
  g_clear_pointer (&doc->number, g_free);
  doc->status = FACTURES_DOCUMENT_STATUS_DRAFT;
  pdf = render (doc, FACTURES_PDF_FLAG_DRAFT);
  text = pdf_text (pdf);
  for (guint p = 0; p < text->pages->len; p++)
    assert_contains ((const char *) g_ptr_array_index (text->pages, p), "Brouillon");
  assert_not_contains (text->all, "Duplicata");
  assert_not_contains (text->all, "N° ");
}

/* The other kinds get their French title, whatever the locale. */
static void
test_kinds (void)
{
  const struct { FacturesDocumentKind kind; const char *title; } kinds[] = {
    { FACTURES_DOCUMENT_KIND_QUOTE, "Devis" },
    { FACTURES_DOCUMENT_KIND_DEPOSIT, "Facture d'acompte" },
    { FACTURES_DOCUMENT_KIND_CREDIT_NOTE, "Avoir" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(FacturesDocument) doc = make_document (FALSE, FACTURES_CLIENT_CATEGORY_INDIVIDUAL);
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(PdfText) text = NULL;

      doc->kind = kinds[i].kind;
      add_line (doc, "Prestation", 10000, NULL, 10 * FACTURES_UNIT_PRICE_ONE, 0);
      pdf = render (doc, FACTURES_PDF_FLAG_NONE);
      text = pdf_text (pdf);
      assert_contains (text->all, kinds[i].title);
      assert_contains (text->all, "TVA non applicable, art. 293 B du CGI");
    }
}

/* A draft without a due date yet shows the one its terms give, as a date. */
/* A payment schedule agreed before issuing (issue 6) replaces the terms in the payment
 * conditions: "Paiement en 3 échéances : 300,00 € le 15/12/2026 ; …", due date the last. */
static void
test_schedule (void)
{
  for (guint n = 2; n <= 12; n += 10)
    {
      g_autoptr(FacturesDocument) doc = make_document (FALSE, FACTURES_CLIENT_CATEGORY_INDIVIDUAL);
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(PdfText) text = NULL;
      g_auto(FacturesTotals) totals = { 0, };
      g_autofree char *title = g_strdup_printf ("Paiement en %u échéances :", n);
      gint64 share;

      add_line (doc, "Stage de poterie, cycle annuel", 120000, "h", 40 * FACTURES_UNIT_PRICE_ONE, 0);
      g_assert_true (factures_document_compute_totals (doc, &totals, NULL));
      share = totals.amount_due / n;
      doc->instalments = g_array_new (FALSE, TRUE, sizeof (FacturesPlannedInstalment));
      for (guint i = 0; i < n; i++)
        {
          FacturesPlannedInstalment inst;

          set_date (&inst.due_date, 15, 12, 2026);
          g_date_add_months (&inst.due_date, i);
          inst.amount = i + 1 < n ? share : totals.amount_due - share * (n - 1);
          g_array_append_val (doc->instalments, inst);
        }
      g_assert_true (factures_schedule_due_date (doc->instalments, &doc->due_date));

      pdf = render (doc, FACTURES_PDF_FLAG_NONE);
      text = pdf_text (pdf);
      assert_contains (text->all, title);
      assert_not_contains (text->all, "Conditions de paiement");
      for (guint i = 0; i < n; i++)
        {
          const FacturesPlannedInstalment *inst = &g_array_index (doc->instalments, FacturesPlannedInstalment, i);
          g_autofree char *amount = money_text (inst->amount);
          g_autofree char *date = factures_date_format_fr (&inst->due_date);
          g_autofree char *item = g_strdup_printf ("%s le %s", amount, date);

          assert_contains (text->all, item);
        }
      assert_contains (text->all, n == 2 ? "Échéance : 15/01/2027" : "Échéance : 15/11/2027");
    }
}

static void
test_due_date_from_terms (void)
{
  g_autoptr(FacturesDocument) doc = make_document (FALSE, FACTURES_CLIENT_CATEGORY_COMPANY);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PdfText) text = NULL;

  g_clear_pointer (&doc->number, g_free);
  doc->status = FACTURES_DOCUMENT_STATUS_DRAFT;
  g_date_clear (&doc->due_date, 1);
  set_date (&doc->issue_date, 15, 1, 2026);
  doc->terms.kind = FACTURES_TERMS_DAYS;
  doc->terms.days = 45;
  add_line (doc, "Prestation", 10000, NULL, 10 * FACTURES_UNIT_PRICE_ONE, 0);
  pdf = render (doc, FACTURES_PDF_FLAG_NONE);
  text = pdf_text (pdf);
  assert_contains (text->all, "Brouillon");
  assert_contains (text->all, "Conditions de paiement : 45 jours");
  assert_contains (text->all, "Échéance : 01/03/2026");
}

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A PNG logo is drawn (one image on page 1); a broken one is ignored. */
static void
test_logo (void)
{
  g_autoptr(FacturesDocument) doc = make_document (FALSE, FACTURES_CLIENT_CATEGORY_INDIVIDUAL);
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autoptr(GBytes) pdf = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 120);
  cairo_t *cr = cairo_create (surface);
  guint n_images = 0;

  cairo_set_source_rgb (cr, 0.1, 0.4, 0.7);
  cairo_arc (cr, 60, 60, 50, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_rectangle (cr, 130, 30, 250, 60);
  cairo_fill (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_png, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  add_line (doc, "Prestation", 10000, NULL, 10 * FACTURES_UNIT_PRICE_ONE, 0);
  doc->seller->logo = g_byte_array_free_to_bytes (g_steal_pointer (&png));
  pdf = render (doc, FACTURES_PDF_FLAG_NONE);
  ink_ratio (pdf, 0, &n_images);
  g_assert_cmpuint (n_images, ==, 1);
  g_clear_pointer (&pdf, g_bytes_unref);

  g_bytes_unref (doc->seller->logo);
  doc->seller->logo = g_bytes_new_static ("not a png", 9);
  pdf = render (doc, FACTURES_PDF_FLAG_NONE);
  ink_ratio (pdf, 0, &n_images);
  g_assert_cmpuint (n_images, ==, 0);
}

/* The layout draws on any cairo_t (here an image, as the print operation would). */
static void
test_layout_on_image (void)
{
  g_autoptr(FacturesDocument) doc = make_document (TRUE, FACTURES_CLIENT_CATEGORY_COMPANY);
  g_autoptr(FacturesPdfLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  add_line (doc, "Prestation", 10000, NULL, 10 * FACTURES_UNIT_PRICE_ONE, 2000);
  layout = factures_pdf_layout_new (doc, FACTURES_PDF_FLAG_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (factures_pdf_layout_get_n_pages (layout), ==, 1);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 298, 421);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 0.5, 0.5);
  factures_pdf_layout_draw_page (layout, cr, 0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A total that overflows gint64 is an error, not a wrapped figure. */
static void
test_overflow (void)
{
  g_autoptr(FacturesDocument) doc = make_document (TRUE, FACTURES_CLIENT_CATEGORY_COMPANY);
  g_autoptr(GError) error = NULL;
  GBytes *pdf;

  add_line (doc, "Énorme", G_MAXINT64 / 2, NULL, G_MAXINT64 / 2, 2000);
  pdf = factures_pdf_render (doc, FACTURES_PDF_FLAG_NONE, &error);
  g_assert_null (pdf);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_OVERFLOW);
}

/* Every glyph of every page inside the page's margins (a long English string that overflowed
 * would run past the right edge). */
static void
assert_inside_margins (GBytes *pdf)
{
  PopplerDocument *document = open_pdf (pdf);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      PopplerRectangle *rects = NULL;
      guint n_rects = 0;

      g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
      for (guint r = 0; r < n_rects; r++)
        if (rects[r].x1 < 40.0 || rects[r].x2 > FACTURES_PDF_PAGE_WIDTH - 40.0)
          g_error ("page %d: a glyph from x = %.1f to %.1f, outside the margins", i + 1, rects[r].x1, rects[r].x2);
      g_free (rects);
      g_object_unref (page);
    }
  g_object_unref (document);
}

/* Issue 13 item 5: a client in French and English: each title, header and mention followed by
 * its English, the French first; the same document to a French client has no English. */
static void
test_bilingual (void)
{
  g_autoptr(FacturesDocument) doc = make_document (TRUE, FACTURES_CLIENT_CATEGORY_COMPANY);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) french_pdf = NULL;
  g_autoptr(PdfText) text = NULL;
  g_autoptr(PdfText) french = NULL;
  static const char *const pairs[] = {
    "Facture / Invoice", "Date d'émission / Issue date", "Date d'échéance / Due date",
    "CLIENT / CUSTOMER", "Total HT", "Total excl. VAT", "Total TTC", "Total incl. VAT",
    "Récapitulatif de la TVA / VAT summary", "Conditions de règlement / Terms of payment",
    "Conditions de paiement / Payment terms", "Paiement par virement / Payment by bank transfer",
    "Indemnité forfaitaire pour frais de recouvrement : 40 € / Fixed compensation for recovery costs: €40",
    "(suite / continued)", "Remise / Discount",
  };
  static const char *const english[] = { "Invoice", "Issue date", "CUSTOMER", "Terms of payment", "continued" };

  for (guint i = 0; i < 40; i++)
    add_line (doc, "Développement d'une fonction de rapprochement bancaire, tests compris", 10000, "j",
              450 * FACTURES_UNIT_PRICE_ONE, 2000);
  ((FacturesLine *) g_ptr_array_index (doc->lines, 0))->allowance = 5000;
  french_pdf = render (doc, FACTURES_PDF_FLAG_NONE);
  french = pdf_text (french_pdf);
  for (guint i = 0; i < G_N_ELEMENTS (english); i++)
    g_assert_null (strstr (french->all, english[i]));

  doc->buyer->document_language = FACTURES_DOCUMENT_LANGUAGE_FRENCH_ENGLISH;
  pdf = render (doc, FACTURES_PDF_FLAG_NONE);
  text = pdf_text (pdf);
  g_assert_cmpuint (text->pages->len, >, 1);
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    assert_contains (text->all, pairs[i]);
  assert_footer_band_clear (pdf);
  assert_inside_margins (pdf);
  assert_inside_margins (french_pdf);
}

/* Finding T9: in French and English, the dates block's long label (« Date de livraison /
 * prestation / Date of supply ») wraps in its column and leaves the values whole (it took
 * their width: « 22/11/2 026 »); the currency line is in both languages. The PNG of the first
 * page is written beside the test (bilingual-dates.png) to be looked at. */
static void
test_bilingual_dates (void)
{
  g_autoptr(FacturesDocument) doc = make_document (TRUE, FACTURES_CLIENT_CATEGORY_COMPANY);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PdfText) text = NULL;
  static const char *const whole[] = {
    "30/11/2026", "22/11/2026", "30/12/2026", "prestation de services", "Devise / Currency",
    "taux de change / exchange rate", "VAT amount in euros",
  };

  doc->buyer->document_language = FACTURES_DOCUMENT_LANGUAGE_FRENCH_ENGLISH;
  set_date (&doc->delivery_date, 22, 11, 2026);
  doc->currency = g_strdup ("GBP");
  doc->exchange_rate = 1150000;
  add_line (doc, "Traduction d'un rapport annuel", 10000, "forfait", 1200 * FACTURES_UNIT_PRICE_ONE, 2000);
  pdf = render (doc, FACTURES_PDF_FLAG_NONE);
  {
    g_autofree char *file = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                              "bilingual-dates.pdf", NULL);

    if (g_file_set_contents (file, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf), NULL))
      g_test_message ("PDF %s", file);
  }
  text = pdf_text (pdf);
  for (guint i = 0; i < G_N_ELEMENTS (whole); i++)
    assert_contains (text->all, whole[i]);
  assert_inside_margins (pdf);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/output/pdf/b2c-franchise", test_b2c_franchise);
  g_test_add_func ("/output/pdf/b2b-vat", test_b2b_vat);
  g_test_add_func ("/output/pdf/b2b-default-penalty", test_b2b_default_penalty);
  g_test_add_func ("/output/pdf/pagination", test_pagination);
  g_test_add_func ("/output/pdf/giant-row", test_giant_row);
  g_test_add_func ("/output/pdf/long-texts", test_long_texts);
  g_test_add_func ("/output/pdf/huge-notes", test_huge_notes);
  g_test_add_func ("/output/pdf/unicode", test_unicode);
  g_test_add_func ("/output/pdf/deterministic", test_deterministic);
  g_test_add_func ("/output/pdf/threads", test_threads);
  g_test_add_func ("/output/pdf/duplicata-draft", test_duplicata_and_draft);
  g_test_add_func ("/output/pdf/kinds", test_kinds);
  g_test_add_func ("/output/pdf/due-date-from-terms", test_due_date_from_terms);
  g_test_add_func ("/output/pdf/schedule", test_schedule);
  g_test_add_func ("/output/pdf/logo", test_logo);
  g_test_add_func ("/output/pdf/layout-on-image", test_layout_on_image);
  g_test_add_func ("/output/pdf/overflow", test_overflow);
  g_test_add_func ("/output/pdf/bilingual", test_bilingual);
  g_test_add_func ("/output/pdf/bilingual-dates", test_bilingual_dates);

  return g_test_run ();
}
