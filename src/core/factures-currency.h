/* factures-currency.h — ISO 4217 currencies, the invoice currency (BT-5) and its exchange rate
 *
 * Issue 13 item 4. A document is in euros unless told otherwise (FacturesDocument.currency NULL
 * or "EUR"); it may be in any ISO 4217 currency with two decimals, since every amount of the
 * model is in cents. When it is not in euros, the VAT accounting currency (BT-6) is EUR and the
 * VAT total in euros (BT-111) is written in the CII (BR-FR-CO-12): 0.00 when no VAT is due, else
 * the VAT total (BT-110) at the exchange rate the user gave, stored with the document and frozen
 * at issue (CGI art. 266 1 bis and 267: VAT on a sale invoiced in a foreign currency is converted
 * at the rate of the day the VAT falls due; the seller states it).
 *
 * Exchange rates are gint64 millionths of a euro for one unit of the invoice's currency
 * (1 GBP = 1,1612 EUR: 1161200), never a double; 0 means "not given".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One unit of exchange rate: 1 000 000 millionths of a euro. */
#define FACTURES_EXCHANGE_RATE_ONE G_GINT64_CONSTANT (1000000)

/* The highest exchange rate accepted: 100 000 € for one unit of the invoice's currency. The
 * dearest currency with two decimals is worth a few hundred euros (KWD, which has three, is
 * refused anyway); a rate beyond this is a typing mistake (a missing decimal comma), and its
 * VAT in euros (BT-111) would be absurd on the PDF and in the CII (trial finding T7). */
#define FACTURES_EXCHANGE_RATE_MAX (G_GINT64_CONSTANT (100000) * FACTURES_EXCHANGE_RATE_ONE)

/* One row of ISO 4217 list one (active codes), as data. */
typedef struct {
  const char *code;         /* "GBP" */
  const char *name_fr;      /* "Livre sterling" */
  gint        minor_units;  /* digits after the decimal point: 2 for most; -1 for "N.A."
                             * (gold, SDR, test and no-currency codes) */
} FacturesCurrency;

/**
 * factures_currency_table:
 * @out_n: (out): number of rows
 *
 * ISO 4217 list one (codes in use), sorted by code, names in French (iso-codes' French
 * translation, corrected where it left English) with their minor units.
 *
 * Returns: (transfer none) (array length=out_n): the table, static.
 */
const FacturesCurrency *factures_currency_table (guint *out_n);

/* The row of @code (exact, upper case: "GBP"), or NULL when it is not an ISO 4217 code. */
const FacturesCurrency *factures_currency_lookup (const char *code);

/* TRUE for NULL, "" and "EUR": a document in euros. */
gboolean factures_currency_is_euro (const char *code);

/**
 * factures_currency_check:
 * @code: (nullable): a document's currency (NULL: euros)
 * @error: FACTURES_ERROR_INVALID, in French naming the field (« Devise ») and the rule
 *
 * Refuses a code that is not ISO 4217 and a currency whose amounts do not have two decimals
 * (JPY, KWD…): every amount of the model is in cents (BT-5, EN 16931 BR-CL-04).
 *
 * Returns: %TRUE when @code may be used for a document.
 */
gboolean factures_currency_check (const char  *code,
                                  GError     **error);

/**
 * factures_currency_normalise:
 * @text: (nullable): what the user or a file gave ("gbp", " EUR ")
 *
 * Returns: (transfer full) (nullable): the code trimmed and upper-cased, NULL for NULL or blank
 * and for "EUR" (a document in euros stores no currency of its own). Not checked.
 */
char *factures_currency_normalise (const char *text);

/**
 * factures_currency_format:
 * @cents: an amount in hundredths of the currency
 * @code: (nullable): its currency; NULL or "EUR": euros
 *
 * "1 234,56 €" for euros (factures_money_format()); "1 234,56 GBP" for any other currency
 * (U+00A0 before the ISO code). The code rather than a symbol: "$" names a dozen currencies,
 * "kr" four, and the code is what the CII carries (BT-5) and what the bank statement shows.
 *
 * Returns: (transfer full): the text.
 */
char *factures_currency_format (gint64      cents,
                                const char *code);

/**
 * factures_currency_format_english:
 * @cents: an amount in hundredths of the currency
 * @code: (nullable): its currency; NULL or "EUR": euros
 *
 * The amount as an English sentence writes it (the English part of a bilingual document,
 * letter, receipt or e-mail): "1,234.56 GBP" (comma between thousands, point before the
 * decimals, U+00A0 before the code), "€1,234.56" for euros, "-€12.00" below zero.
 *
 * Returns: (transfer full): the text.
 */
char *factures_currency_format_english (gint64      cents,
                                        const char *code);

/* A unit price (millionths) in @code: "12,50 €", "0,085 GBP" (2 to 6 decimals, as
 * factures_unit_price_format()). (transfer full) */
char *factures_currency_format_unit_price (gint64      unit_price,
                                           const char *code);

/**
 * factures_exchange_rate_parse:
 * @text: (nullable): "1,1612", "0.86"
 * @out_rate: (out): millionths of a euro for one unit of the currency
 * @error: FACTURES_ERROR_INVALID naming « Taux de change »: blank, not a number, more than six
 *   decimals, zero or negative, above FACTURES_EXCHANGE_RATE_MAX
 *
 * Returns: %TRUE on success.
 */
gboolean factures_exchange_rate_parse (const char  *text,
                                       gint64      *out_rate,
                                       GError     **error);

/* "1,1612" (4 to 6 decimals; trailing zeros past the fourth dropped). (transfer full) */
char    *factures_exchange_rate_format (gint64 rate);

/**
 * factures_currency_vat_eur:
 * @vat_cents: a VAT total in cents of the document's currency (BT-110)
 * @rate: the exchange rate (millionths of a euro per unit), > 0
 * @out_cents: (out): the VAT in euro cents (BT-111), rounded half away from zero
 * @error: FACTURES_ERROR_OVERFLOW
 *
 * Returns: %TRUE on success.
 */
gboolean factures_currency_vat_eur (gint64   vat_cents,
                                    gint64   rate,
                                    gint64  *out_cents,
                                    GError **error);

/**
 * factures_currency_check_document:
 * @currency: (nullable): the document's currency (NULL: euros)
 * @exchange_rate: its exchange rate (0: none)
 * @vat_total: its VAT total (BT-110) in cents
 * @at_issue: %TRUE when the document is being issued: the rate is then required where VAT is due
 * @error: FACTURES_ERROR_INVALID in French naming the field, the rule id in the message
 *
 * The one check of a document's currency and rate, for every door (editor, JSON, CII import,
 * command line): the currency passes factures_currency_check(); a rate is never negative nor
 * above FACTURES_EXCHANGE_RATE_MAX; a
 * document in euros has no rate; a document in another currency whose VAT total is not 0 needs a
 * rate above 0 before it is issued (BR-FR-CO-12: BT-111 is written). A rate given where no VAT is
 * due is kept (BT-111 is 0.00 anyway).
 *
 * Returns: %TRUE when the document may be saved (or issued, with @at_issue).
 */
gboolean factures_currency_check_document (const char  *currency,
                                           gint64       exchange_rate,
                                           gint64       vat_total,
                                           gboolean     at_issue,
                                           GError     **error);

G_END_DECLS
