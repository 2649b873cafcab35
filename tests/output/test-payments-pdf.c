/* test-payments-pdf.c — the EPC QR code decoded back from the rendered invoice (zbarimg),
 * receipts and paid duplicates read back with poppler
 *
 * zbarimg comes from Debian's zbar-tools (build-aux/dev). Without it the QR test is
 * skipped, unless CI is set: then it fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "factures-epc-qr.h"
#include "factures-pdf.h"
#include "factures-qr.h"
#include "factures-receipt.h"

static char *tmp_dir;

/* poppler-glib 22.12 declares no autoptr cleanups */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

static FacturesDocument *
make_invoice (const char *iban, const char *bic)
{
  FacturesDocument *doc = factures_document_new (FACTURES_DOCUMENT_KIND_INVOICE);
  FacturesProfile *p = factures_profile_new ();
  FacturesClient *c = factures_client_new ();
  FacturesLine *line = factures_line_new ();

  p->party.name = g_strdup ("Zoë Lefèvre EI");
  p->party.address = g_strdup ("12 rue des Œillets");
  p->party.postal_code = g_strdup ("35000");
  p->party.city = g_strdup ("Rennes");
  p->party.siren = g_strdup ("732829320");
  p->party.siret = g_strdup ("73282932000074");
  p->registry = FACTURES_REGISTRY_RNE;
  p->vat_regime = FACTURES_VAT_REGIME_FRANCHISE;
  p->activity = FACTURES_ACTIVITY_SERVICES;
  p->iban = g_strdup (iban);
  p->bic = g_strdup (bic);
  p->default_terms.kind = FACTURES_TERMS_DAYS;
  p->default_terms.days = 30;

  c->category = FACTURES_CLIENT_CATEGORY_COMPANY;
  c->party.name = g_strdup ("Boulangerie Ange SARL");
  c->party.address = g_strdup ("14 avenue Jean Jaurès");
  c->party.postal_code = g_strdup ("75019");
  c->party.city = g_strdup ("Paris");
  c->party.siren = g_strdup ("552081317");

  line->description = g_strdup ("Site vitrine");
  line->quantity = 35000;                 /* 3,5 */
  line->unit = g_strdup ("jour");
  line->unit_price = 420 * G_GINT64_CONSTANT (1000000) + 150000;   /* 420,15 € */
  g_ptr_array_add (doc->lines, line);

  g_clear_pointer (&doc->seller, factures_profile_free);
  g_clear_pointer (&doc->buyer, factures_client_free);
  doc->seller = p;
  doc->buyer = c;
  doc->status = FACTURES_DOCUMENT_STATUS_ISSUED;
  doc->number = g_strdup ("F2026-0042");
  g_date_set_dmy (&doc->issue_date, 30, 11, 2026);
  g_date_clear (&doc->delivery_date, 1);
  g_date_set_dmy (&doc->due_date, 30, 12, 2026);
  doc->terms.kind = FACTURES_TERMS_DAYS;
  doc->terms.days = 30;
  return doc;
}

/* With FACTURES_KEEP_TMP set, the PDFs stay in the temporary folder to be looked at. */
static void
keep (GBytes *pdf, const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

  if (g_getenv ("FACTURES_KEEP_TMP") != NULL)
    g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
}

static char *
page_text (GBytes *pdf, int index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) document = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_autoptr(PopplerPage) page = NULL;
  char *text;

  g_assert_no_error (error);
  if (index < 0)
    index = poppler_document_get_n_pages (document) - 1;
  page = poppler_document_get_page (document, index);
  text = poppler_page_get_text (page);
  /* one space for any run of white space */
  {
    GString *out = g_string_new (NULL);
    gboolean space = FALSE;
    for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
      {
        gunichar ch = g_utf8_get_char (p);
        if (g_unichar_isspace (ch) || ch == 0x202F || ch == 0x00A0)
          space = TRUE;
        else
          {
            if (space && out->len > 0)
              g_string_append_c (out, ' ');
            space = FALSE;
            g_string_append_unichar (out, ch);
          }
      }
    g_free (text);
    return g_string_free (out, FALSE);
  }
}

/* The first page rendered at 200 dpi to a PNG; returns its path. */
static char *
rasterise (GBytes *pdf, const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) document = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, 0);
  const double scale = 200.0 / 72.0;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                         (int) (FACTURES_PDF_PAGE_WIDTH * scale),
                                                         (int) (FACTURES_PDF_PAGE_HEIGHT * scale));
  cairo_t *cr = cairo_create (surface);
  char *path = g_build_filename (tmp_dir, name, NULL);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

static gboolean
have_zbarimg (void)
{
  g_autofree char *zbar = g_find_program_in_path ("zbarimg");

  if (zbar != NULL)
    return TRUE;
  if (g_getenv ("CI") != NULL)
    g_error ("zbarimg (zbar-tools) is missing and CI is set");
  g_test_skip ("zbarimg (zbar-tools) is not installed");
  return FALSE;
}

/* zbarimg's decoded text, or NULL when it finds no symbol. */
static char *
decode (const char *png)
{
  g_autoptr(GError) error = NULL;
  char *argv[] = { (char *) "zbarimg", (char *) "--raw", (char *) "-q", (char *) "-Sbinary", (char *) png, NULL };
  g_autofree char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    return NULL;
  /* zbarimg ends the symbol's data with a newline */
  if (g_str_has_suffix (out, "\n"))
    out[strlen (out) - 1] = '\0';
  return g_steal_pointer (&out);
}

static void
test_qr_decoded_from_pdf (void)
{
  g_autoptr(FacturesDocument) doc = make_invoice ("FR7630006000011234567890189", "AGRIFRPP");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *png = NULL;
  g_autofree char *decoded = NULL;
  g_autofree char *expected = NULL;
  FacturesEpcQr qr = { 1, "002", "AGRIFRPP", "Zoë Lefèvre EI", "FR7630006000011234567890189",
                       147053, NULL, NULL, "F2026-0042", NULL };

  if (!have_zbarimg ())
    return;
  pdf = factures_pdf_render (doc, FACTURES_PDF_FLAG_NONE, &error);
  g_assert_no_error (error);
  png = rasterise (pdf, "invoice.png");
  decoded = decode (png);
  g_assert_nonnull (decoded);

  /* 3,5 × 420,15 € = 1 470,525 → 1 470,53 € due; the payload the core builds */
  expected = factures_epc_qr_payload (&qr, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (decoded, ==, expected);
  g_assert_true (g_str_has_prefix (decoded, "BCD\n002\n1\nSCT\nAGRIFRPP\nZoë Lefèvre EI\nFR7630006000011234567890189\nEUR1470.53\n"));
  g_assert_true (g_str_has_suffix (decoded, "\nF2026-0042"));
}

static void
test_no_iban_no_qr (void)
{
  g_autoptr(FacturesDocument) doc = make_invoice (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *png = NULL;
  g_autofree char *decoded = NULL;
  g_autofree char *text = NULL;

  if (!have_zbarimg ())
    return;
  pdf = factures_pdf_render (doc, FACTURES_PDF_FLAG_NONE, &error);
  g_assert_no_error (error);
  text = page_text (pdf, 0);
  g_assert_null (strstr (text, "QR code"));
  png = rasterise (pdf, "no-iban.png");
  decoded = decode (png);
  g_assert_null (decoded);
}

static void
test_qr_draw (void)
{
  g_autoptr(GBytes) data = g_bytes_new_static ("BCD\n002\n1\nSCT\n\nTest\nABC\nEUR1075.25\n\n\nDEF", 40);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "draw.png", NULL);
  g_autofree char *decoded = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 300, 300);
  cairo_t *cr = cairo_create (surface);

  g_assert_cmpint (factures_qr_version (data), >=, 1);
  g_assert_cmpint (factures_qr_version (data), <=, 13);
  g_assert_true (factures_qr_draw (cr, data, 10, 10, 280, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  if (!have_zbarimg ())
    return;
  decoded = decode (path);
  g_assert_cmpstr (decoded, ==, "BCD\n002\n1\nSCT\n\nTest\nABC\nEUR1075.25\n\n\nDEF");
}

static void
test_receipt (void)
{
  g_autoptr(FacturesDocument) doc = make_invoice ("FR7630006000011234567890189", "AGRIFRPP");
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (FacturesReceiptLine));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;
  FacturesReceiptLine a = { { 0 }, 50000, "chèque n° 1234567", NULL };
  FacturesReceiptLine b = { { 0 }, 20000, "espèces", "Paul Ange" };
  GDate when;

  g_date_clear (&a.date, 1);
  g_date_clear (&b.date, 1);
  g_date_set_dmy (&a.date, 5, 12, 2026);
  g_date_set_dmy (&b.date, 7, 12, 2026);
  g_array_append_val (lines, a);
  g_array_append_val (lines, b);
  g_date_clear (&when, 1);
  g_date_set_dmy (&when, 7, 12, 2026);
  pdf = factures_receipt_render (doc, lines, 77053, &when, &error);
  g_assert_no_error (error);
  keep (pdf, "receipt.pdf");
  text = page_text (pdf, 0);
  g_assert_nonnull (strstr (text, "REÇU"));
  g_assert_nonnull (strstr (text, "7 décembre 2026"));
  g_assert_nonnull (strstr (text, "la somme de 700,00 €"));
  g_assert_nonnull (strstr (text, "facture n° F2026-0042 du 30/11/2026"));
  g_assert_nonnull (strstr (text, "chèque n° 1234567"));
  g_assert_nonnull (strstr (text, "espèces, par Paul Ange"));
  g_assert_nonnull (strstr (text, "Solde restant dû"));
  g_assert_nonnull (strstr (text, "770,53 €"));
  g_assert_nonnull (strstr (text, "Total reçu"));
}

static void
test_paid_duplicate (void)
{
  g_autoptr(FacturesDocument) doc = make_invoice ("FR7630006000011234567890189", "AGRIFRPP");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;
  GDate paid;

  g_date_clear (&paid, 1);
  g_date_set_dmy (&paid, 1, 12, 2026);
  pdf = factures_pdf_render_paid_duplicate (doc, &paid, "virement", &error);
  g_assert_no_error (error);
  keep (pdf, "paid-duplicate.pdf");
  text = page_text (pdf, -1);
  g_assert_nonnull (strstr (text, "Duplicata"));
  g_assert_nonnull (strstr (text, "Acquittée le 1er décembre 2026 par virement"));
  g_assert_nonnull (strstr (text, "F2026-0042"));
  g_assert_null (strstr (text, "QR code"));   /* nothing left to pay */
}

/* Issue 13 items 4 and 5: a receipt for a client whose documents are in French and English, of
 * an invoice in GBP: every text in French then in English, the amounts in GBP; and the paid
 * duplicate's stamp in both languages. Written as receipt-bilingual.png (rasterised). */
static void
test_receipt_bilingual (void)
{
  g_autoptr(FacturesDocument) doc = make_invoice ("FR7630006000011234567890189", "AGRIFRPP");
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (FacturesReceiptLine));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) duplicate = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;
  g_autofree char *png = NULL;
  FacturesReceiptLine a = { { 0 }, 50000, "virement", NULL };
  GDate when;

  doc->buyer->document_language = FACTURES_DOCUMENT_LANGUAGE_FRENCH_ENGLISH;
  doc->currency = g_strdup ("GBP");
  doc->exchange_rate = 1161200;
  g_date_clear (&a.date, 1);
  g_date_set_dmy (&a.date, 5, 12, 2026);
  g_array_append_val (lines, a);
  g_date_clear (&when, 1);
  g_date_set_dmy (&when, 7, 12, 2026);
  pdf = factures_receipt_render (doc, lines, 97053, &when, &error);
  g_assert_no_error (error);
  keep (pdf, "receipt-bilingual.pdf");
  png = rasterise (pdf, "receipt-bilingual.png");
  g_test_message ("%s", png);
  text = page_text (pdf, 0);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "REÇU RECEIPT"));
  g_assert_nonnull (strstr (text, "Reçu de : Received from:"));
  g_assert_nonnull (strstr (text, "la somme de 500,00 GBP"));
  g_assert_nonnull (strstr (text, "I, the undersigned"));
  g_assert_nonnull (strstr (text, "acknowledge receipt of the sum of 500.00 GBP in payment of invoice no. F2026-0042"));
  g_assert_nonnull (strstr (text, "Mode de paiement / Payment method"));
  g_assert_nonnull (strstr (text, "Total reçu / Total received"));
  g_assert_nonnull (strstr (text, "Solde restant dû / Balance due"));
  g_assert_nonnull (strstr (text, "970,53 GBP"));
  g_assert_null (strstr (text, "€"));

  duplicate = factures_pdf_render_paid_duplicate (doc, &when, "virement", &error);
  g_assert_no_error (error);
  text2 = page_text (duplicate, -1);
  g_assert_nonnull (strstr (text2, "Acquittée le 7 décembre 2026 par virement Paid on 07/12/2026"));
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("factures-payments-pdf-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);
  g_test_add_func ("/payments-pdf/qr-draw", test_qr_draw);
  g_test_add_func ("/payments-pdf/qr-decoded-from-pdf", test_qr_decoded_from_pdf);
  g_test_add_func ("/payments-pdf/no-iban-no-qr", test_no_iban_no_qr);
  g_test_add_func ("/payments-pdf/receipt", test_receipt);
  g_test_add_func ("/payments-pdf/paid-duplicate", test_paid_duplicate);
  g_test_add_func ("/payments-pdf/receipt-bilingual", test_receipt_bilingual);
  status = g_test_run ();
  if (g_getenv ("FACTURES_KEEP_TMP") == NULL)
    {
      const char *names[] = { "invoice.png", "no-iban.png", "draw.png", "receipt-bilingual.png" };
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *p = g_build_filename (tmp_dir, names[i], NULL);
          g_remove (p);
        }
      g_rmdir (tmp_dir);
    }
  g_free (tmp_dir);
  return status;
}
