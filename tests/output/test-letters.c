/* test-letters.c — the dunning letters read back with poppler, and the templates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <cairo.h>
#include <poppler.h>

#include "factures-letters.h"

/* A micro-entrepreneur, a company client, invoice F2026-0007 of 1 500,00 € due
 * 15/09/2026, 500 € paid: 1 000 € unpaid; interest at 12,15 % over two stretches. */
static FacturesLetter *
make_letter (FacturesLetterKind     kind,
             FacturesClientCategory category)
{
  FacturesLetter *letter = factures_letter_new (kind);
  FacturesLetterPeriod period = { 0 };

  letter->seller = factures_profile_new ();
  letter->seller->party.name = g_strdup ("Camille Martin EI");
  letter->seller->party.address = g_strdup ("12 rue des Lilas");
  letter->seller->party.postal_code = g_strdup ("69003");
  letter->seller->party.city = g_strdup ("Lyon");
  letter->seller->party.siren = g_strdup ("732829320");
  letter->seller->iban = g_strdup ("FR7630006000011234567890189");
  letter->buyer = factures_client_new ();
  letter->buyer->category = category;
  letter->buyer->party.name = g_strdup ("Atelier Dupont SARL");
  letter->buyer->party.address = g_strdup ("4 place Bellecour");
  letter->buyer->party.postal_code = g_strdup ("69002");
  letter->buyer->party.city = g_strdup ("Lyon");
  letter->number = g_strdup ("F2026-0007");
  g_date_set_dmy (&letter->issue_date, 16, G_DATE_AUGUST, 2026);
  g_date_set_dmy (&letter->due_date, 15, G_DATE_SEPTEMBER, 2026);
  g_date_set_dmy (&letter->date, 30, G_DATE_NOVEMBER, 2026);
  letter->total = 150000;
  letter->paid = 50000;
  letter->principal = 100000;
  letter->rate_basis = g_strdup ("taux de refinancement de la BCE + 10 points");

  /* 16/09 → 30/09: 15 days at 12,15 % on 1 000 €, 16/10… */
  g_date_set_dmy (&period.from, 16, G_DATE_SEPTEMBER, 2026);
  g_date_set_dmy (&period.to, 30, G_DATE_SEPTEMBER, 2026);
  period.days = 15;
  period.rate_bp = 1215;
  period.base = 150000;
  period.amount = 749;     /* 150000 × 1215 × 15 / 3 650 000 = 748.97 */
  g_array_append_val (letter->periods, period);
  g_date_set_dmy (&period.from, 1, G_DATE_OCTOBER, 2026);
  g_date_set_dmy (&period.to, 30, G_DATE_NOVEMBER, 2026);
  period.days = 61;
  period.rate_bp = 1215;
  period.base = 100000;
  period.amount = 2031;    /* 100000 × 1215 × 61 / 3 650 000 = 2030.55 */
  g_array_append_val (letter->periods, period);
  letter->interest = 749 + 2031;
  letter->indemnity = factures_client_category_is_b2b (category) ? 4000 : 0;
  return letter;
}

static char *
pdf_text (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_bytes (pdf, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      g_autofree char *t = poppler_page_get_text (page);

      g_string_append (text, t);
      g_string_append_c (text, '\n');
      g_object_unref (page);
    }
  g_object_unref (doc);
  /* Lines wrap anywhere: compare on one line with plain spaces. */
  g_strdelimit (text->str, "\n", ' ');
  return g_string_free (text, FALSE);
}

/* Every kind of space (U+00A0, U+202F, line breaks) as one ASCII space, runs collapsed. */
static char *
flatten (const char *s)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F)
        {
          if (!space)
            g_string_append_c (out, ' ');
          space = TRUE;
          continue;
        }
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  g_autofree char *h = flatten (haystack);
  g_autofree char *n = flatten (needle);

  if (strstr (h, n) == NULL)
    g_error ("“%s” not found in the letter:\n%s", n, h);
}

static void
assert_not_contains (const char *haystack,
                     const char *needle)
{
  g_autofree char *h = flatten (haystack);
  g_autofree char *n = flatten (needle);

  if (strstr (h, n) != NULL)
    g_error ("“%s” should not be in the letter:\n%s", n, h);
}

/* Writes page 1 as PNG next to the test (for looking at it) when FACTURES_LETTERS_PNG is set. */
static void
maybe_write_png (GBytes     *pdf,
                 const char *name)
{
  const char *dir = g_getenv ("FACTURES_LETTERS_PNG");
  PopplerDocument *doc = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  doc = poppler_document_new_from_bytes (pdf, NULL, NULL);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1191, 1684);
      cairo_t *cr = cairo_create (surface);
      g_autofree char *file = g_strdup_printf ("%s-%d.png", name, i + 1);

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, 2.0, 2.0);
      poppler_page_render_for_printing (page, cr);
      cairo_destroy (cr);
      g_object_unref (page);
      g_free (path);
      path = g_build_filename (dir, file, NULL);
      g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_destroy (surface);
    }
  g_object_unref (doc);
}

static void
test_formal_notice_b2b (void)
{
  g_autoptr(FacturesLetter) letter = make_letter (FACTURES_LETTER_FORMAL_NOTICE,
                                                  FACTURES_CLIENT_CATEGORY_COMPANY);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *principal = factures_money_format (100000);
  g_autofree char *interest = factures_money_format (2780);
  g_autofree char *claimed = factures_money_format (100000 + 2780 + 4000);
  g_autofree char *forty = factures_money_format (4000);
  gint64 sum = 0;

  letter->tracking = g_strdup ("1A 123 456 7890 1");
  g_assert_true (factures_letter_claimed (letter, &sum));
  g_assert_cmpint (sum, ==, 106780);

  pdf = factures_letter_render (letter, &error);
  g_assert_no_error (error);
  maybe_write_png (pdf, "formal-notice-b2b");
  text = pdf_text (pdf);

  assert_contains (text, "MISE EN DEMEURE DE PAYER");
  assert_contains (text, "vaut mise en demeure");
  assert_contains (text, "F2026-0007");
  assert_contains (text, "Principal restant dû");
  assert_contains (text, principal);                   /* 1 000,00 € */
  assert_contains (text, interest);                    /* 27,80 € */
  assert_contains (text, "Indemnité forfaitaire pour frais de recouvrement");
  assert_contains (text, forty);                       /* 40,00 € */
  assert_contains (text, claimed);                     /* 1 067,80 € */
  assert_contains (text, "dans un délai de 8 jours, soit au plus tard le 8 décembre 2026");
  assert_contains (text, "1A 123 456 7890 1");
  /* the computation, spelled out */
  assert_contains (text, "du 16/09/2026 au 30/09/2026");
  assert_contains (text, "du 01/10/2026 au 30/11/2026");
  assert_contains (text, "12,15 %");
  assert_contains (text, "61");
  assert_contains (text, "7,49 €");
  assert_contains (text, "20,31 €");
  assert_contains (text, "nombre de jours / 365");
  assert_contains (text, "tribunal de commerce");
  assert_contains (text, "LETTRE RECOMMANDÉE AVEC ACCUSÉ DE RÉCEPTION");
  assert_contains (text, "Atelier Dupont SARL");
  assert_contains (text, "SIREN 732 829 320");
  assert_contains (text, "FR76 3000 6000 0112 3456 7890 189");
}

/* Issue 13 item 4: an invoice in GBP. Every amount in GBP, the 40 € indemnity in euros (a sum
 * fixed in EUR, C. com. D441-5), and the sum claimed never adds the two. */
static void
test_formal_notice_gbp (void)
{
  g_autoptr(FacturesLetter) letter = make_letter (FACTURES_LETTER_FORMAL_NOTICE,
                                                  FACTURES_CLIENT_CATEGORY_COMPANY);
  g_autoptr(FacturesLetter) reminder = make_letter (FACTURES_LETTER_REGISTERED_REMINDER,
                                                    FACTURES_CLIENT_CATEGORY_COMPANY);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) pdf2 = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;

  letter->currency = g_strdup ("GBP");
  reminder->currency = g_strdup ("GBP");
  /* a seller charging VAT: « TTC » (see /letters/franchise-no-ttc) */
  letter->seller->vat_regime = FACTURES_VAT_REGIME_REGISTERED;
  pdf = factures_letter_render (letter, &error);
  g_assert_no_error (error);
  maybe_write_png (pdf, "formal-notice-gbp");
  text = pdf_text (pdf);
  assert_contains (text, "d’un montant de 1 500,00 GBP TTC");
  assert_contains (text, "1 000,00 GBP");
  assert_contains (text, "27,80 GBP");
  assert_contains (text, "7,49 GBP");
  assert_contains (text, "20,31 GBP");
  assert_contains (text, "la somme de 1 027,80 GBP + 40,00 €");
  assert_contains (text, "Total dû 1 027,80 GBP + 40,00 €");
  assert_not_contains (text, "1 000,00 €");
  assert_not_contains (text, "1 067,80");
  assert_not_contains (text, "27,80 €");

  pdf2 = factures_letter_render (reminder, &error);
  g_assert_no_error (error);
  maybe_write_png (pdf2, "registered-reminder-gbp");
  text2 = pdf_text (pdf2);
  assert_contains (text2, "Le montant restant dû s’élève à 1 000,00 GBP.");
  assert_contains (text2, "qui s’élèvent à 27,80 GBP à ce jour");
  assert_not_contains (text2, "1 000,00 €");
}

/* Issue 13 item 5: a client whose documents are in French and English gets each text in French
 * then in English; a French client's letter has no English. */
static void
test_bilingual (void)
{
  g_autoptr(FacturesLetter) letter = make_letter (FACTURES_LETTER_FORMAL_NOTICE,
                                                  FACTURES_CLIENT_CATEGORY_COMPANY);
  g_autoptr(FacturesLetter) reminder = make_letter (FACTURES_LETTER_REGISTERED_REMINDER,
                                                    FACTURES_CLIENT_CATEGORY_COMPANY);
  g_autoptr(FacturesLetter) french = make_letter (FACTURES_LETTER_FORMAL_NOTICE,
                                                  FACTURES_CLIENT_CATEGORY_COMPANY);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) pdf2 = NULL;
  g_autoptr(GBytes) pdf3 = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;
  g_autofree char *text3 = NULL;
  g_autofree char *flat = NULL;

  letter->buyer->document_language = FACTURES_DOCUMENT_LANGUAGE_FRENCH_ENGLISH;
  reminder->buyer->document_language = FACTURES_DOCUMENT_LANGUAGE_FRENCH_ENGLISH;
  letter->currency = g_strdup ("GBP");
  letter->seller->vat_regime = FACTURES_VAT_REGIME_REGISTERED;
  pdf = factures_letter_render (letter, &error);
  g_assert_no_error (error);
  maybe_write_png (pdf, "formal-notice-bilingual");
  text = pdf_text (pdf);
  assert_contains (text, "MISE EN DEMEURE DE PAYER FORMAL NOTICE TO PAY");
  assert_contains (text, "Madame, Monsieur, Dear Sir or Madam,");
  assert_contains (text, "Despite our reminders, invoice no. F2026-0007 of 16/08/2026, for 1,500.00 GBP including VAT, due on 15/09/2026, remains unpaid.");
  assert_contains (text, "We hereby give you formal notice to pay us the sum of 1,027.80 GBP + €40.00");
  /* the French part keeps the French format */
  assert_contains (text, "la somme de 1 027,80 GBP + 40,00 €");
  assert_contains (text, "Principal restant dû / Principal outstanding");
  assert_contains (text, "Total dû / Total due");
  assert_contains (text, "This letter constitutes formal notice within the meaning of article 1344");
  assert_contains (text, "Yours faithfully,");
  /* French first */
  flat = flatten (text);
  g_assert_true (strstr (flat, "vaut mise en demeure") < strstr (flat, "This letter constitutes formal notice"));

  pdf2 = factures_letter_render (reminder, &error);
  g_assert_no_error (error);
  maybe_write_png (pdf2, "registered-reminder-bilingual");
  text2 = pdf_text (pdf2);
  assert_contains (text2, "Subject: final reminder before formal notice – invoice no. F2026-0007");
  assert_contains (text2, "Please pay this sum as soon as possible.");
  assert_contains (text2, "Payment by bank transfer: IBAN FR76 3000 6000 0112 3456 7890 189");

  pdf3 = factures_letter_render (french, &error);
  g_assert_no_error (error);
  text3 = pdf_text (pdf3);
  assert_not_contains (text3, "Dear Sir or Madam");
  assert_not_contains (text3, "Principal outstanding");
}

static void
test_formal_notice_b2c (void)
{
  g_autoptr(FacturesLetter) letter = make_letter (FACTURES_LETTER_FORMAL_NOTICE,
                                                  FACTURES_CLIENT_CATEGORY_INDIVIDUAL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *principal = factures_money_format (100000);

  /* an individual: interest only from the notice, no 40 € */
  g_array_set_size (letter->periods, 0);
  letter->interest = 0;
  letter->rate_basis = (g_free (letter->rate_basis), NULL);
  letter->deadline_days = 15;

  pdf = factures_letter_render (letter, &error);
  g_assert_no_error (error);
  maybe_write_png (pdf, "formal-notice-b2c");
  text = pdf_text (pdf);
  assert_contains (text, "vaut mise en demeure");
  assert_contains (text, principal);
  assert_not_contains (text, "Indemnité forfaitaire");
  assert_contains (text, "taux légal à compter de la présente mise en demeure");
  assert_contains (text, "tribunal judiciaire");
  assert_contains (text, "dans un délai de 15 jours, soit au plus tard le 15 décembre 2026");
}

static void
test_registered_reminder (void)
{
  g_autoptr(FacturesLetter) letter = make_letter (FACTURES_LETTER_REGISTERED_REMINDER,
                                                  FACTURES_CLIENT_CATEGORY_ASSOCIATION);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *interest = factures_money_format (2780);

  pdf = factures_letter_render (letter, &error);
  g_assert_no_error (error);
  maybe_write_png (pdf, "registered-reminder");
  text = pdf_text (pdf);
  assert_contains (text, "dernière relance avant mise en demeure");
  assert_contains (text, "nous vous adresserons une mise en demeure de payer");
  assert_contains (text, interest);
  assert_contains (text, "40 €");
  assert_not_contains (text, "vaut mise en demeure");

  /* waived penalties are neither claimed nor shown */
  letter->waived = TRUE;
  g_clear_pointer (&pdf, g_bytes_unref);
  g_clear_pointer (&text, g_free);
  pdf = factures_letter_render (letter, &error);
  g_assert_no_error (error);
  text = pdf_text (pdf);
  assert_not_contains (text, interest);
  assert_not_contains (text, "Pénalités de retard au");
}

static void
test_refusals (void)
{
  g_autoptr(FacturesLetter) letter = make_letter (FACTURES_LETTER_FORMAL_NOTICE,
                                                  FACTURES_CLIENT_CATEGORY_COMPANY);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;

  g_clear_pointer (&letter->number, g_free);
  pdf = factures_letter_render (letter, &error);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID);
  g_assert_null (pdf);
  g_clear_error (&error);

  letter->number = g_strdup ("F1");
  letter->principal = G_MAXINT64;
  pdf = factures_letter_render (letter, &error);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_OVERFLOW);
  g_assert_null (pdf);
}

static void
test_templates (void)
{
  static const char *ids[] = { "heads-up", "email-courteous", "email-firm", "chorus-reminder", "phone", "sms" };
  const char *values[] = { "client", "Atelier Dupont", "number", "F2026-0007", "amount", "1 000,00 €",
                           "due_date", "15/09/2026", "days_late", "76", "penalties", "27,80 €",
                           "payment_details", "IBAN FR76…", "seller", "Camille Martin EI", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *expanded = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *text = factures_template_load (ids[i], &error);
      g_autofree char *out = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (strstr (text, "{number}"));
      out = factures_template_expand (text, values);
      g_assert_null (strstr (out, "{number}"));
      g_assert_null (strstr (out, "{amount}"));
      g_assert_nonnull (strstr (out, "F2026-0007"));
      if (g_str_has_prefix (ids[i], "email") || g_str_equal (ids[i], "heads-up") ||
          g_str_equal (ids[i], "chorus-reminder"))
        {
          g_autofree char *s = NULL;
          g_autofree char *b = NULL;

          factures_template_split_subject (out, &s, &b);
          g_assert_nonnull (strstr (s, "F2026-0007"));
          g_assert_false (g_str_has_prefix (b, "Objet"));
          g_assert_cmpuint (strlen (b), >, 50);
        }
    }

  missing = factures_template_load ("no-such-template", &error);
  g_assert_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND);
  g_assert_null (missing);

  expanded = factures_template_expand ("{a} et {b} mais pas {c} ni {", (const char *[]) { "a", "1", "b", "{a}", NULL });
  g_assert_cmpstr (expanded, ==, "1 et {a} mais pas {c} ni {");

  factures_template_split_subject ("Objet : Bonjour\n\nLe corps.", &subject, &body);
  g_assert_cmpstr (subject, ==, "Bonjour");
  g_assert_cmpstr (body, ==, "Le corps.");
}

/* trial 5 finding 21: a seller in franchise en base charges no VAT; its letters never say
 * « TTC » (« including VAT ») of the invoice's amount. */
static void
test_franchise_no_ttc (void)
{
  g_autoptr(FacturesLetter) letter = make_letter (FACTURES_LETTER_FORMAL_NOTICE,
                                                  FACTURES_CLIENT_CATEGORY_COMPANY);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (letter->seller->vat_regime, ==, FACTURES_VAT_REGIME_FRANCHISE);
  letter->buyer->document_language = FACTURES_DOCUMENT_LANGUAGE_FRENCH_ENGLISH;
  pdf = factures_letter_render (letter, &error);
  g_assert_no_error (error);
  maybe_write_png (pdf, "formal-notice-franchise");
  text = pdf_text (pdf);
  assert_contains (text, "d’un montant de 1 500,00 €, échue le");
  assert_contains (text, "for €1,500.00, due on 15/09/2026");
  assert_not_contains (text, "TTC");
  assert_not_contains (text, "including VAT");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_setenv ("FACTURES_TODAY", "2026-11-30", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/letters/formal-notice/b2b", test_formal_notice_b2b);
  g_test_add_func ("/letters/formal-notice/b2c", test_formal_notice_b2c);
  g_test_add_func ("/letters/registered-reminder", test_registered_reminder);
  g_test_add_func ("/letters/refusals", test_refusals);
  g_test_add_func ("/letters/currency/gbp", test_formal_notice_gbp);
  g_test_add_func ("/letters/franchise-no-ttc", test_franchise_no_ttc);
  g_test_add_func ("/letters/bilingual", test_bilingual);
  g_test_add_func ("/letters/templates", test_templates);

  return g_test_run ();
}
