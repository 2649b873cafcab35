/* factures-pdf-english.c — the English of the PDF's fixed texts, for a client whose documents
 * are in French and English (issue 13 item 5, FACTURES_DOCUMENT_LANGUAGE_FRENCH_ENGLISH)
 *
 * One table beside the French texts of the layout, not a second layout: each French title,
 * column header and mention is followed by its English ("Facture / Invoice"); the legal
 * mentions stay in French first. A French client's PDF never goes through here, so its bytes
 * do not change. The texts typed by the user (descriptions, notes, conditions) are printed as
 * typed. Legal wording: the English says what the French article says, naming the French tax
 * code ("art. 293 B of the French tax code"); the French text is the one that binds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "factures-pdf-private.h"

static const struct {
  const char *fr;
  const char *en;
} english[] = {
  /* titles (factures_pdf_impl_kind_title) */
  { "Facture", "Invoice" },
  { "Facture d'acompte", "Deposit invoice" },
  { "Avoir", "Credit note" },
  { "Devis", "Quote" },
  { "Brouillon", "Draft" },
  { "Duplicata", "Duplicate" },
  /* header */
  { "Date d'émission", "Issue date" },
  { "Date de livraison", "Delivery date" },
  { "Date de livraison / prestation", "Date of supply" },
  { "Valable jusqu'au", "Valid until" },
  { "Date d'échéance", "Due date" },
  { "Bon de commande", "Purchase order" },
  { "Facture d'origine", "Original invoice" },
  { "Opération", "Operation" },
  { "CLIENT", "CUSTOMER" },
  { "N° TVA intracommunautaire", "EU VAT number" },
  { "N° TVA", "VAT number" },
  { "Identifiant légal", "Legal identifier" },
  /* the nature of the operation (factures_vat_document_activity_mention) */
  { "livraison de biens", "supply of goods" },
  { "livraison de biens et prestation de services", "supply of goods and services" },
  { "prestation de services", "supply of services" },
  /* table */
  { "Désignation", "Description" },
  { "Qté", "Qty" },
  { "Unité", "Unit" },
  { "PU HT", "Unit price" },
  { "TVA", "VAT" },
  { "Montant HT", "Amount" },
  { "Remise", "Discount" },
  { "débours", "disbursement" },
  /* totals */
  { "Total des lignes HT", "Lines total excl. VAT" },
  { "Total des lignes", "Lines total" },
  { "Total HT", "Total excl. VAT" },
  { "Total TTC", "Total incl. VAT" },
  { "Déjà réglé", "Already paid" },
  { "Net à payer", "Amount due" },
  { "Récapitulatif de la TVA", "VAT summary" },
  { "Taux", "Rate" },
  { "Base HT", "Taxable amount" },
  { "Montant TVA", "VAT amount" },
  /* VAT mentions (factures-vat.c), French first */
  { "TVA non applicable, art. 293 B du CGI", "VAT not applicable, art. 293 B of the French tax code" },
  { "Autoliquidation", "Reverse charge" },
  { "TVA non applicable, art. 259-1 du CGI", "VAT not applicable, art. 259-1 of the French tax code" },
  { "TVA non applicable, art. 294 du CGI", "VAT not applicable, art. 294 of the French tax code" },
  { "Exonération de TVA, art. 262 ter I du CGI", "VAT exemption, art. 262 ter I of the French tax code" },
  { "Exonération de TVA, art. 262 I du CGI", "VAT exemption, art. 262 I of the French tax code" },
  { "Exonération de TVA, art. 261-4-4° a du CGI", "VAT exemption, art. 261-4-4° a of the French tax code" },
  { "Exonération de TVA, art. 261-4-4° b du CGI", "VAT exemption, art. 261-4-4° b of the French tax code" },
  { "Exonération de TVA, art. 261-4-1° du CGI", "VAT exemption, art. 261-4-1° of the French tax code" },
  /* the currency line (factures-pdf-tail.c; finding T9) */
  { "Devise", "Currency" },
  { "taux de change", "exchange rate" },
  { "montant de la TVA en euros", "VAT amount in euros" },
  /* payment and legal mentions */
  { "Conditions de règlement", "Terms of payment" },
  { "Conditions de paiement", "Payment terms" },
  { "Échéance", "Due date" },
  { "à réception", "on receipt" },
  { "45 jours fin de mois", "45 days end of month" },
  { "Paiement par virement", "Payment by bank transfer" },
  { "Escompte pour paiement anticipé", "Discount for early payment" },
  { "Pas d'escompte pour paiement anticipé", "No discount for early payment" },
  { "Taux des pénalités de retard", "Late payment interest rate" },
  { "Pénalités de retard", "Late payment penalties" },
  { "taux de refinancement de la BCE majoré de 8 points", "ECB refinancing rate plus 8 points" },
  { "taux de refinancement de la BCE majoré de 10 points", "ECB refinancing rate plus 10 points" },
  { "taux de l'intérêt légal, à compter de la mise en demeure",
    "statutory interest rate, from the formal notice" },
  { "Indemnité forfaitaire pour frais de recouvrement : 40 €",
    "Fixed compensation for recovery costs: €40" },
  { "Assurance professionnelle", "Professional insurance" },
  { "Payer par virement : scannez ce code (QR code EPC) avec l'application de votre banque ; le montant "
    "et la référence sont déjà remplis.",
    "Pay by bank transfer: scan this code (EPC QR code) with your bank's app; the amount and the "
    "reference are already filled in." },
  /* quotes ("Date :" and "Signature :" read the same in English; "Nom / Name :" is in
   * factures-pdf-tail.c) */
  { "Bon pour accord", "Approval" },
  { "Mention manuscrite « Lu et approuvé, bon pour accord », date, nom et signature du client :",
    "Handwritten “Lu et approuvé, bon pour accord” (read and approved), date, name and signature of "
    "the client:" },
  { "Mention manuscrite également : « Devis reçu avant l'exécution des travaux »",
    "Also handwritten: “Devis reçu avant l'exécution des travaux” (quote received before the work "
    "began)" },
};

/**
 * factures_pdf_impl_english:
 * @french: a fixed French text of the layout
 *
 * Returns: (transfer none) (nullable): its English, NULL when the table has none (a text typed
 *   by the user, or the same in both languages: "Notes", "Total")
 */
const char *
factures_pdf_impl_english (const char *french)
{
  if (french == NULL)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (english); i++)
    if (strcmp (english[i].fr, french) == 0)
      return english[i].en;
  return NULL;
}

/**
 * factures_pdf_impl_keep:
 * @self: the layout
 * @text: (transfer full): a text
 *
 * Keeps @text until the layout is freed.
 *
 * Returns: (transfer none): @text
 */
const char *
factures_pdf_impl_keep (FacturesPdfLayout *self,
                        char              *text)
{
  if (self->strings == NULL)
    self->strings = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->strings, text);
  return text;
}

/**
 * factures_pdf_impl_tr_sep:
 * @self: the layout
 * @french: a fixed French text
 * @separator: between the French and the English (" / " on a line, "\n" in a narrow cell)
 *
 * Returns: (transfer none): @french itself for a French document (its bytes unchanged), else
 *   "@french@separator<English>" when the table has an English for it, else @french
 */
const char *
factures_pdf_impl_tr_sep (FacturesPdfLayout *self,
                          const char        *french,
                          const char        *separator)
{
  const char *en;

  if (!self->bilingual || (en = factures_pdf_impl_english (french)) == NULL)
    return french;
  return factures_pdf_impl_keep (self, g_strconcat (french, separator, en, NULL));
}

/**
 * factures_pdf_impl_tr:
 * @self: the layout
 * @french: a fixed French text
 *
 * factures_pdf_impl_tr_sep() with " / ".
 *
 * Returns: (transfer none): the text to print
 */
const char *
factures_pdf_impl_tr (FacturesPdfLayout *self,
                      const char        *french)
{
  return factures_pdf_impl_tr_sep (self, french, " / ");
}
