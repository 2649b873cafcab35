/* factures-pdf-tail.c — totals, VAT summary and mentions of the PDF layout
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
#include "factures-currency.h"
#include "factures-epc-qr.h"
#include "factures-qr.h"
#include "factures-facturx.h"
#include "factures-pdf-private.h"

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
  g_autofree char *amount = factures_pdf_impl_money (self, cents);
  double h;

  h = factures_pdf_impl_block_add_text (self, block, factures_pdf_impl_tr_sep (self, label, "\n"), style,
                                        x + 8.0, y + 3.0, TOTALS_W * 0.55,
                      PANGO_ALIGN_LEFT, &ink);
  h = MAX (h, factures_pdf_impl_block_add_text (self, block, amount, style, x + TOTALS_W * 0.4, y + 3.0,
                              TOTALS_W * 0.6 - 8.0, PANGO_ALIGN_RIGHT, &ink));
  return y + h + 6.0;
}

static Block *
build_totals (FacturesPdfLayout      *self,
              const FacturesDocument *document,
              const FacturesTotals   *totals,
              gboolean                vat_registered)
{
  Block *block = factures_pdf_impl_block_new ();
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
          g_autofree char *label = g_strdup_printf (self->bilingual ? "TVA %s\nVAT %s" : "TVA %s", rate, rate);

          /* Only the rows that charge VAT (issue 13: AE, K, G, O, E rows carry their mention). */
          if (b->vat_category != FACTURES_VAT_CATEGORY_S && b->vat_category != FACTURES_VAT_CATEGORY_Z)
            continue;
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
  factures_pdf_impl_block_add_shape (block, SHAPE_FILL, x, top, RIGHT_EDGE, y, 0, &tint);
  factures_pdf_impl_block_add_shape (block, SHAPE_LINE, x, top, RIGHT_EDGE, top, 1.0, &accent);

  if (show_due)
    {
      gint64 other_paid = totals->paid_total;

      /* A final invoice lists each deposit invoice it deducts (DESIGN.md §4). */
      if (document->kind == FACTURES_DOCUMENT_KIND_INVOICE && document->deposits != NULL)
        for (guint i = 0; i < document->deposits->len; i++)
          {
            const FacturesDocumentRef *ref = g_ptr_array_index (document->deposits, i);
            g_autofree char *date = factures_pdf_impl_date_text (&ref->issue_date);
            g_autofree char *label = g_strdup_printf (self->bilingual ? "Acompte %s du %s\nDeposit %s of %s"
                                                      : "Acompte %s du %s",
                                                      ref->number ? ref->number : "", date ? date : "",
                                                      ref->number ? ref->number : "", date ? date : "");

            y = totals_row (self, block, y, label, -ref->amount, STYLE_BODY);
            other_paid -= ref->amount;
          }
      if (other_paid != 0)
        y = totals_row (self, block, y, "Déjà réglé", -other_paid, STYLE_BODY);
      top = y;
      y = totals_row (self, block, y + 1.0, "Net à payer", totals->amount_due, STYLE_TOTAL);
      factures_pdf_impl_block_add_shape (block, SHAPE_LINE, x, top, RIGHT_EDGE, top, 1.0, &accent);
    }

  /* Issue 13: the mention of each category, one line per exemption basis ("TVA non applicable,
   * art. 293 B du CGI", "Autoliquidation", "Exonération de TVA, art. 262 I du CGI", …). */
  {
    g_autoptr(GString) mentions = g_string_new (NULL);

    for (guint i = 0; i < totals->breakdown->len; i++)
      {
        const FacturesVatBreakdown *b = &g_array_index (totals->breakdown, FacturesVatBreakdown, i);
        g_auto(GStrv) lines = NULL;

        if (b->reason == NULL)
          continue;
        lines = g_strsplit (b->reason, "\n", -1);
        for (guint j = 0; lines[j] != NULL; j++)
          {
            if (mentions->len > 0)
              g_string_append_c (mentions, '\n');
            g_string_append (mentions, factures_pdf_impl_tr (self, lines[j]));
          }
      }
    if (mentions->len > 0)
      {
        y += 4.0;
        y += factures_pdf_impl_block_add_text (self, block, mentions->str, STYLE_SMALL_BOLD,
                                               x, y, TOTALS_W, PANGO_ALIGN_RIGHT, &ink);
      }
  }

  /* VAT summary per rate (left). */
  if (vat_registered && totals->breakdown->len > 0)
    {
      const double c0 = MARGIN_X, w0 = 55.0;
      const double c1 = c0 + w0, w1 = 95.0;
      const double c2 = c1 + w1, w2 = VAT_SUMMARY_W - w0 - w1;
      double h;

      y_left += factures_pdf_impl_block_add_text (self, block, factures_pdf_impl_tr (self, "Récapitulatif de la TVA"), STYLE_SMALL_BOLD,
                                c0, y_left, VAT_SUMMARY_W, PANGO_ALIGN_LEFT, &accent);
      y_left += 3.0;
      top = y_left;
      h = factures_pdf_impl_block_add_text (self, block, factures_pdf_impl_tr_sep (self, "Taux", "\n"), STYLE_HEAD, c0 + CELL_PAD_X, y_left + 3.0,
                          w0 - 2 * CELL_PAD_X, PANGO_ALIGN_LEFT, &accent);
      factures_pdf_impl_block_add_text (self, block, factures_pdf_impl_tr_sep (self, "Base HT", "\n"), STYLE_HEAD, c1 + CELL_PAD_X, y_left + 3.0,
                      w1 - 2 * CELL_PAD_X, PANGO_ALIGN_RIGHT, &accent);
      factures_pdf_impl_block_add_text (self, block, factures_pdf_impl_tr_sep (self, "Montant TVA", "\n"), STYLE_HEAD, c2 + CELL_PAD_X, y_left + 3.0,
                      w2 - 2 * CELL_PAD_X, PANGO_ALIGN_RIGHT, &accent);
      y_left += h + 6.0;
      factures_pdf_impl_block_add_shape (block, SHAPE_FILL, c0, top, c0 + VAT_SUMMARY_W, y_left, 0, &tint);

      for (guint i = 0; i < totals->breakdown->len; i++)
        {
          const FacturesVatBreakdown *b = &g_array_index (totals->breakdown, FacturesVatBreakdown, i);
          g_autofree char *rate_only = factures_rate_format (b->rate_bp);
          /* Issue 13: a row that charges no VAT says its category ("0 % (AE)"). */
          g_autofree char *rate = b->vat_category == FACTURES_VAT_CATEGORY_S
                                  ? g_strdup (rate_only)
                                  : g_strdup_printf ("%s (%s)", rate_only, factures_vat_category_code (b->vat_category));
          g_autofree char *base = factures_pdf_impl_money (self, b->base);
          g_autofree char *vat = factures_pdf_impl_money (self, b->vat);

          h = factures_pdf_impl_block_add_text (self, block, rate, STYLE_SMALL, c0 + CELL_PAD_X, y_left + 3.0,
                              w0 - 2 * CELL_PAD_X, PANGO_ALIGN_LEFT, &ink);
          factures_pdf_impl_block_add_text (self, block, base, STYLE_SMALL, c1 + CELL_PAD_X, y_left + 3.0,
                          w1 - 2 * CELL_PAD_X, PANGO_ALIGN_RIGHT, &ink);
          factures_pdf_impl_block_add_text (self, block, vat, STYLE_SMALL, c2 + CELL_PAD_X, y_left + 3.0,
                          w2 - 2 * CELL_PAD_X, PANGO_ALIGN_RIGHT, &ink);
          y_left += h + 6.0;
          factures_pdf_impl_block_add_shape (block, SHAPE_LINE, c0, y_left, c0 + VAT_SUMMARY_W, y_left, 0.5, &rule);
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
  Block *block = factures_pdf_impl_block_new ();
  g_autofree char *text = NULL;
  PangoLayout *layout;

  label = label != NULL ? factures_pdf_impl_tr (self, label) : NULL;
  value = factures_pdf_impl_tr (self, value);
  if (label != NULL)
    text = g_strdup_printf ("%s : %s", label, value);
  else
    text = g_strdup (value);
  layout = factures_pdf_impl_make_layout (self, text, style, CONTENT_W, PANGO_ALIGN_LEFT);
  if (label != NULL)
    factures_pdf_impl_layout_bold_prefix (layout, strlen (label) + 2);
  block->height = factures_pdf_impl_block_add_layout (block, layout, MARGIN_X, 0, &ink) + BLOCK_GAP;
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
  g_autoptr(PangoLayout) whole = factures_pdf_impl_make_layout (self, paragraph, STYLE_SMALL, CONTENT_W,
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
      Block *block = factures_pdf_impl_block_new ();

      g_strchomp (chunk);
      block->height = factures_pdf_impl_block_add_text (self, block, chunk, STYLE_SMALL, MARGIN_X, 0, CONTENT_W,
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
  Block *block = factures_pdf_impl_block_new ();

  block->keep_with_next = TRUE;
  double h;

  h = factures_pdf_impl_block_add_text (self, block, factures_pdf_impl_tr (self, title), STYLE_SMALL_BOLD,
                                        MARGIN_X, 6.0, CONTENT_W,
                      PANGO_ALIGN_LEFT, &accent);
  factures_pdf_impl_block_add_shape (block, SHAPE_LINE, MARGIN_X, 6.0 + h + 2.0, RIGHT_EDGE, 6.0 + h + 2.0, 0.6, &rule);
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

  block = factures_pdf_impl_block_new ();
  module = size / (width + 8);   /* with its 4-module quiet zone */
  factures_pdf_impl_block_add_shape (block, SHAPE_FILL, x0, y0, x0 + size, y0 + size, 0, &white);
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
        factures_pdf_impl_block_add_shape (block, SHAPE_FILL, x0 + (4 + col) * module, y0 + (4 + row) * module,
                         x0 + (4 + end) * module, y0 + (5 + row) * module + 0.05, 0, &black);
        col = end;
      }
  factures_pdf_impl_block_add_text (self, block,
                  factures_pdf_impl_tr_sep (self, "Payer par virement : scannez ce code (QR code EPC) avec "
                                            "l'application de votre banque ; le montant et la référence sont "
                                            "déjà remplis.", "\n"),
                  STYLE_SMALL, x0 + size + 10.0, y0 + size / 2 - 10.0, CONTENT_W - size - 10.0,
                  PANGO_ALIGN_LEFT, &muted);
  block->height = y0 + size + 4.0;
  return block;
}

void
factures_pdf_impl_build_tail (FacturesPdfLayout      *self,
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
  /* Issue 13 item 4: a document in another currency says which, and where VAT is due the rate
   * and the VAT in euros (CGI art. 266 1 bis, BT-111). */
  if (self->currency != NULL)
    {
      const FacturesCurrency *row = factures_currency_lookup (self->currency);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *name = g_utf8_strdown (row != NULL ? row->name_fr : self->currency, -1);

      g_string_append_printf (text, "%s (%s)", self->currency, name);
      if (document->exchange_rate > 0)
        {
          g_autofree char *rate = factures_exchange_rate_format (document->exchange_rate);

          g_string_append_printf (text, " — %s : 1 %s = %s €", factures_pdf_impl_tr (self, "taux de change"),
                                  self->currency, rate);
        }
      if (totals->vat_total != 0 && document->exchange_rate > 0)
        {
          gint64 vat_eur = 0;

          if (factures_currency_vat_eur (totals->vat_total, document->exchange_rate, &vat_eur, NULL))
            {
              g_autofree char *eur = factures_money_format (vat_eur);

              g_string_append_printf (text, " — %s : %s",
                                      factures_pdf_impl_tr (self, "montant de la TVA en euros"), eur);
            }
        }
      g_ptr_array_add (tail, mention_block (self, "Devise", text->str, STYLE_SMALL));
    }

  if (!is_credit)
    {
      g_autofree char *terms = factures_pdf_impl_terms_text (&document->terms);
      g_autofree char *due = factures_pdf_impl_document_due_date_text (document, seller);

      /* "30 jours / 30 days" (the other terms are in the table of factures-pdf-english.c) */
      if (self->bilingual && document->terms.kind == FACTURES_TERMS_DAYS)
        {
          g_free (terms);
          terms = g_strdup_printf ("%u jours / %u days", document->terms.days, document->terms.days);
        }

      g_ptr_array_add (tail, section_title_block (self, "Conditions de règlement"));
      if (factures_document_has_schedule (document) && !is_quote)
        {
          /* The payment schedule agreed with the client (issue 6): "Paiement en 3
           * échéances : 300,00 € le 15/01/2027 ; …"; the due date below is the last one. */
          g_autofree char *title = factures_schedule_title_fr (document->instalments);
          g_autofree char *list = factures_schedule_list_in (document->instalments, self->currency);

          g_ptr_array_add (tail, mention_block (self, title, list, STYLE_SMALL));
        }
      else
        g_ptr_array_add (tail, mention_block (self, "Conditions de paiement", terms, STYLE_SMALL));
      if (due != NULL && !is_quote)
        g_ptr_array_add (tail, mention_block (self, "Échéance", due, STYLE_SMALL));

      if (!factures_pdf_impl_is_blank (seller->iban))
        {
          g_autofree char *iban = factures_pdf_impl_format_iban (seller->iban);
          g_autoptr(GString) bank = g_string_new (NULL);

          g_string_append_printf (bank, "IBAN %s", iban);
          if (!factures_pdf_impl_is_blank (seller->bic))
            g_string_append_printf (bank, " — BIC %s", seller->bic);
          if (!self->draft && !is_quote)
            g_string_append_printf (bank, " — référence : %s", self->number);
          g_ptr_array_add (tail, mention_block (self, "Paiement par virement", bank->str, STYLE_SMALL));
          /* The EPC QR code is for euro transfers only (EPC069-12): none in another currency. */
          if (!self->draft && !is_quote && self->currency == NULL)
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
          g_autofree char *escompte = g_strdup_printf (self->bilingual
                                                       ? "%s si paiement sous %u jours / %s if paid within %u days"
                                                       : "%s si paiement sous %u jours",
                                                       rate, seller->escompte_days, rate, seller->escompte_days);

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
          g_autofree char *value = g_strdup_printf (self->bilingual ? "%s l'an / %s per year" : "%s l'an",
                                                    rate, rate);

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

  if (!factures_pdf_impl_is_blank (seller->insurance))
    g_ptr_array_add (tail, mention_block (self, "Assurance professionnelle", seller->insurance,
                                          STYLE_SMALL));

  if (!factures_pdf_impl_is_blank (document->notes))
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
      g_autofree char *cited_date = factures_pdf_impl_date_text (&document->cites->issue_date);
      g_autofree char *text = g_strdup_printf (self->bilingual
                                               ? "Avoir sur la facture n° %s du %s : il en annule le montant à "
                                                 "hauteur du total ci-dessus. / Credit note on invoice no. %s of "
                                                 "%s: it cancels its amount up to the total above."
                                               : "Avoir sur la facture n° %s du %s : il en annule "
                                                 "le montant à hauteur du total ci-dessus.",
                                               document->cites->number, cited_date ? cited_date : "",
                                               document->cites->number, cited_date ? cited_date : "");

      g_ptr_array_add (tail, mention_block (self, NULL, text, STYLE_SMALL_BOLD));
    }

  if (is_quote && !factures_pdf_impl_is_blank (document->conditions))
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
      Block *block = factures_pdf_impl_block_new ();
      const double w = 260.0;
      const double x = RIGHT_EDGE - w + 8.0;
      double h, y = 14.0;

      /* LEGAL.md §2: dated signature "bon pour accord"; building trades add the
       * handwritten "devis reçu avant l'exécution des travaux". */
      y += factures_pdf_impl_block_add_text (self, block, factures_pdf_impl_tr (self, "Bon pour accord"), STYLE_SMALL_BOLD, x, y, w - 16.0,
                           PANGO_ALIGN_LEFT, &ink) + 4.0;
      y += factures_pdf_impl_block_add_text (self, block,
                           factures_pdf_impl_tr_sep (self, "Mention manuscrite « Lu et approuvé, bon pour accord », "
                                                     "date, nom et signature du client :", "\n"),
                           STYLE_SMALL, x, y, w - 16.0, PANGO_ALIGN_LEFT, &muted) + 4.0;
      if (seller->building_trade)
        y += factures_pdf_impl_block_add_text (self, block,
                             factures_pdf_impl_tr_sep (self, "Mention manuscrite également : « Devis reçu avant "
                                                       "l'exécution des travaux »", "\n"),
                             STYLE_SMALL, x, y, w - 16.0, PANGO_ALIGN_LEFT, &muted) + 4.0;
      h = factures_pdf_impl_block_add_text (self, block, "Date :", STYLE_SMALL, x, y + 6.0, w - 16.0, PANGO_ALIGN_LEFT, &ink);
      y += h + 14.0;
      factures_pdf_impl_block_add_text (self, block, self->bilingual ? "Nom / Name :" : "Nom :", STYLE_SMALL, x, y, w - 16.0, PANGO_ALIGN_LEFT, &ink);
      y += h + 14.0;
      factures_pdf_impl_block_add_text (self, block, "Signature :", STYLE_SMALL, x, y, w - 16.0, PANGO_ALIGN_LEFT, &ink);
      y += h + 40.0;
      factures_pdf_impl_block_add_shape (block, SHAPE_FRAME, RIGHT_EDGE - w, 8.0, RIGHT_EDGE, y, 0.6, &rule);
      block->height = y + 4.0;
      g_ptr_array_add (tail, block);
    }
}
