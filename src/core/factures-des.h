/* factures-des.h — the déclaration européenne de services (DES, issue 13 item 6)
 *
 * Art. 289 B CGI (III): a seller who supplies services to a business established in another
 * member state of the European Union, for which that customer is liable for the VAT there
 * (reverse charge: place of supply at the customer's, art. 259-1° CGI; directive 2006/112
 * art. 196), files each month a list of those customers (their VAT number) with the amount of
 * the services of the month in which the VAT became chargeable. It is due from the first euro,
 * by the 10th working day (jour ouvrable) of the next month, to the customs (pro.douane, or the
 * paper form Cerfa 13964 in franchise). ../shared/reference/LEGAL-2.md §1 and §5.
 *
 * In Factures these are the lines of category AE (BT-151 "Autoliquidation"). What this module
 * decides, and its sources:
 *
 * - The month of an operation: the VAT on a service reverse-charged in another member state is
 *   chargeable when the service is completed, or earlier when an advance is cashed (directive
 *   2006/112 art. 63, 65; art. 66 forbids deferring it for art. 196 services; CGI art. 269).
 *   Factures takes the date of the operation printed on the invoice (BT-72, "date de la
 *   prestation") and, when there is none, the issue date (an intra-EU service is invoiced when
 *   done, at the latest on the 15th of the next month). A deposit invoice (acompte) counts in
 *   the month of its own date, and a final invoice declares only what its AE deposits did not
 *   already declare. A credit note reduces the month it is issued in (its issue date).
 *   (A payment date is not used: whoever cashes an advance before issuing its deposit invoice
 *   corrects the month by hand; the help says so.)
 * - The amounts: the base excluding VAT (HT) of the AE lines after the document's allowance
 *   (factures_totals_compute()), summed per customer VAT number, then rounded to the euro,
 *   half away from zero, as the form asks for whole euros (to confirm: LEGAL-2.md does not give
 *   the rounding). A credit note larger than the month's invoices leaves a negative amount.
 *
 * Everything here is pure (no I/O). Money is gint64 cents, amounts declared gint64 euros.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "factures-document.h"

G_BEGIN_DECLS

/**
 * FacturesDesEntry:
 * @vat_id: the customer's intra-community VAT number (BT-48) as on the invoices, or "" when
 *   the buyer has none (a legal identifier abroad: BR-AE-02 allows it, the DES does not)
 * @client: the customer's name on the latest document of the month
 * @cents: the sum of the bases of the month in cents (negative after a larger credit note)
 * @euros: @cents rounded to the euro, what the DES line declares
 * @documents: how many documents of the month make up @cents
 *
 * One line of the DES: one customer VAT number of one month.
 */
typedef struct {
  char   *vat_id;
  char   *client;
  gint64  cents;
  gint64  euros;
  guint   documents;
} FacturesDesEntry;

void factures_des_entry_free (FacturesDesEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesDesEntry, factures_des_entry_free)

/**
 * factures_des_parse_month:
 * @text: "YYYY-MM" as typed after --month
 * @today: today (a month after today's is refused)
 * @year: (out): the year (2000–2999)
 * @month: (out): the month, 1–12
 * @error: FACTURES_ERROR_INVALID naming --month, in French, when @text is not a month or is in
 *   the future
 *
 * Returns: TRUE when @text is a month that has begun.
 */
gboolean factures_des_parse_month (const char  *text,
                                   const GDate *today,
                                   guint       *year,
                                   guint       *month,
                                   GError     **error);

/**
 * factures_des_operation_date:
 * @document: an issued invoice, deposit invoice or credit note
 * @out: (out caller-allocates): the date that puts it in a month of the DES
 *
 * The credit note's issue date; for an invoice or a deposit invoice the date of the operation
 * (BT-72) when it is set, else the issue date (see the top of this file: art. 289 B CGI, VAT
 * chargeable on completion of the service, directive 2006/112 art. 63 and 66).
 */
void     factures_des_operation_date (const FacturesDocument *document,
                                      GDate                  *out);

/**
 * factures_des_document_base:
 * @document: an issued invoice (380), deposit invoice (386) or credit note (381)
 * @deposits: (element-type FacturesDocument) (nullable): for a final invoice, the deposit
 *   invoices it deducts (@document->deposits), loaded; their AE bases were declared in their
 *   own month and are taken off this one's (never below 0)
 * @out: (out): the amount of @document for the DES in euro cents: the base (HT) of its AE lines
 *   after the document allowance, negative for a credit note; a document in another currency
 *   converted at its exchange rate (art. 289 B CGI: the DES is in euros)
 * @error: FACTURES_ERROR_OVERFLOW from factures_totals_compute(); FACTURES_ERROR_INVALID naming
 *   the document when it is not in euros and has no exchange rate
 *
 * Returns: FALSE on error.
 */
gboolean factures_des_document_base (const FacturesDocument *document,
                                     const GPtrArray        *deposits,
                                     gint64                 *out,
                                     GError                **error);

/**
 * factures_des_add:
 * @entries: (element-type FacturesDesEntry): the month's lines so far (made with
 *   g_ptr_array_new_with_free_func (factures_des_entry_free))
 * @document: the document whose @cents are added (its buyer snapshot gives the VAT number and
 *   the name)
 * @cents: its amount from factures_des_document_base()
 *
 * Adds @cents to the line of @document's buyer VAT number (a new line when there is none yet)
 * and rounds that line again to the euro (half away from zero: factures_des_round_euros()).
 * The lines stay sorted by VAT number.
 */
void     factures_des_add (GPtrArray              *entries,
                           const FacturesDocument *document,
                           gint64                  cents);

/**
 * factures_des_round_euros:
 * @cents: an amount in cents
 *
 * Returns: @cents rounded to the euro, half away from zero (the DES form takes whole euros).
 */
gint64   factures_des_round_euros (gint64 cents);

/**
 * factures_des_write_csv:
 * @entries: (element-type FacturesDesEntry): the lines of one month
 * @year: its year
 * @month: its month (1–12)
 *
 * The month as CSV (RFC 4180, ',' separated, "\r\n" ends), one row per line in the DES's order:
 * "mois,numero_ligne,numero_tva_client,montant_euros,client,montant_centimes".
 *
 * Returns: (transfer full): the text
 */
char    *factures_des_write_csv (const GPtrArray *entries,
                                 guint            year,
                                 guint            month);

G_END_DECLS
