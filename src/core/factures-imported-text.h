/* factures-imported-text.h — how an imported invoice reads in French (issue 6)
 *
 * The figures of an imported file are kept as the decimal text the file wrote;
 * these helpers say them the French way ("1 273,00 €", "110,00 USD"), name the
 * kind of document from its type code (BT-3) and refuse amounts the app cannot hold.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "factures-imported.h"

G_BEGIN_DECLS

/* The largest amount (cents, absolute value) an imported figure may have: sums of
 * lines, VAT rows and totals of such amounts stay far inside gint64. */
#define FACTURES_IMPORTED_AMOUNT_MAX G_GINT64_CONSTANT (1000000000000000)

/**
 * factures_imported_amount_format:
 * @text: (nullable): an amount as the file wrote it ("1273.00", "-5.5")
 * @currency: (nullable): its ISO 4217 code (BT-5), NULL or "EUR" for euros
 *
 * An amount the French way: "1 273,00 €" for euros (factures_money_format()),
 * "110,00 USD" for another currency (decimal comma, U+00A0 before the code). Text
 * that is not an exact amount at 2 decimals is shown as written, with a decimal comma.
 *
 * Returns: (transfer full): the text; "?" when @text is NULL
 */
char       *factures_imported_amount_format (const char *text,
                                             const char *currency);

/**
 * factures_imported_cents_format:
 * @cents: an amount in cents
 * @currency: (nullable): its ISO 4217 code, NULL or "EUR" for euros
 *
 * Returns: (transfer full): "1 273,00 €" or "1 273,00 USD"
 */
char       *factures_imported_cents_format  (gint64      cents,
                                             const char *currency);

/**
 * factures_imported_type_is_credit_note:
 * @type_code: the document type code (BT-3, UNTDID 1001)
 *
 * Returns: TRUE for the credit note codes EN 16931 allows (381, 261, 262, 296,
 *   308, 396, 420, 458, 532) and the older 81 and 83
 */
gboolean    factures_imported_type_is_credit_note (int type_code);

/**
 * factures_imported_kind_label:
 * @type_code: the document type code (BT-3, UNTDID 1001)
 *
 * Returns: the translated name of the document: "Credit note" for 381, 261,
 *   262, 296, 308, 396, 420, 458, 532, 81 and 83; "Deposit invoice" for 386;
 *   "Corrected invoice" for 384; "Invoice" otherwise
 */
const char *factures_imported_kind_label    (int         type_code);

/**
 * factures_imported_check_range:
 * @imported: an invoice read from a file that passed its XSD
 * @error: FACTURES_ERROR_OVERFLOW with a French sentence naming the figure
 *   (BT number) when an amount is beyond FACTURES_IMPORTED_AMOUNT_MAX, or a
 *   quantity or price does not fit in the app's 64-bit units
 *
 * An XSD-valid file may carry amounts no invoice holds (9223372036854775807.99):
 * such a file is refused, as history and as a draft, and nothing is stored.
 *
 * Returns: TRUE when every figure can be held
 */
gboolean    factures_imported_check_range   (const FacturesImported  *imported,
                                             GError                 **error);

/* The longest invoice number (BT-1, and BT-25) an imported file may carry, in characters. */
#define FACTURES_IMPORTED_NUMBER_MAX 200
/* The longest text (a name, an address, a line's name…) an imported file may carry, in
 * characters: what the editor allows for a line's description (FACTURES_MAX_DESCRIPTION). */
#define FACTURES_IMPORTED_TEXT_MAX   4000

/**
 * factures_imported_check_content:
 * @imported: an invoice read from a file that passed its XSD
 * @error: FACTURES_ERROR_INVALID with a French sentence naming the field (BT number):
 *   an invoice number (BT-1) missing or longer than %FACTURES_IMPORTED_NUMBER_MAX
 *   characters, an issue date (BT-2) missing or not a calendar date (format 102,
 *   YYYYMMDD: the XSD only checks that it is text), a due date (BT-9) written but
 *   not a date, a preceding invoice reference (BT-25)
 *   longer than %FACTURES_IMPORTED_NUMBER_MAX, a text longer than
 *   %FACTURES_IMPORTED_TEXT_MAX characters
 *
 * What the XSD lets through but no invoice holds: such a file is refused, as history and
 * as a draft, and nothing is stored (issue 10).
 *
 * Returns: TRUE when the file can be kept
 */
gboolean    factures_imported_check_content (const FacturesImported  *imported,
                                             GError                 **error);

/**
 * factures_imported_parse_date:
 * @text: (nullable): a date as CII writes it, format 102 (YYYYMMDD)
 * @out_date: (out): the date, cleared when @text is not one
 *
 * Returns: TRUE for a calendar date between the years 1900 and 2999
 */
gboolean    factures_imported_parse_date    (const char *text,
                                             GDate      *out_date);

G_END_DECLS
