/* factures-money.h — integer money, quantities, unit prices and rates (DESIGN.md §3)
 *
 * Units, everywhere in Factures:
 *   money       gint64 cents of euro            (123456 = 1 234,56 €)
 *   quantity    gint64 ten-thousandths           (15000 = 1,5)
 *   unit price  gint64 millionths of a euro      (85000 = 0,085 €)
 *   rate        gint basis points                (2000 = 20 %, 550 = 5,5 %)
 * No double is ever used to compute money. Products are formed in 128 bits and
 * rounded half away from zero; a result that does not fit in gint64 is
 * FACTURES_ERROR_OVERFLOW, never a wrap.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "factures-error.h"

G_BEGIN_DECLS

#define FACTURES_QUANTITY_ONE   G_GINT64_CONSTANT (10000)
#define FACTURES_UNIT_PRICE_ONE G_GINT64_CONSTANT (1000000)
#define FACTURES_RATE_ONE       10000
/* The largest quantity a line may hold, either sign (1 000 000 000 units): every
 * door refuses more (the store's draft and template checks). */
#define FACTURES_QUANTITY_MAX   (G_GINT64_CONSTANT (1000000000) * FACTURES_QUANTITY_ONE)
/* The largest amount of a line, a discount or a purchase: 1 000 000 000,00 € (cents), and the
 * largest unit price, 1 000 000 000 € (millionths). Fifth trial, finding 11: one bound in the
 * core that every door applies (the store's draft, template and JSON checks, the Factur-X
 * import's line figures, the purchases); a micro-entrepreneur's figures are far below, and the
 * sums of such lines stay far inside gint64 and the import's FACTURES_IMPORTED_AMOUNT_MAX. */
#define FACTURES_AMOUNT_MAX     G_GINT64_CONSTANT (100000000000)
#define FACTURES_UNIT_PRICE_MAX (G_GINT64_CONSTANT (1000000000) * FACTURES_UNIT_PRICE_ONE)

/* Arithmetic. All return FALSE and set FACTURES_ERROR_OVERFLOW on overflow. */
gboolean factures_money_add        (gint64        a,
                                    gint64        b,
                                    gint64       *out_cents,
                                    GError      **error);
/* quantity (1e-4) × unit price (1e-6 €) → cents, rounded half away from zero. */
gboolean factures_money_line_amount (gint64       quantity,
                                     gint64       unit_price,
                                     gint64      *out_cents,
                                     GError     **error);
/* base (cents) × rate (bp) / 10000 → cents, rounded half away from zero. */
gboolean factures_money_apply_rate (gint64        base_cents,
                                    gint          rate_bp,
                                    gint64       *out_cents,
                                    GError      **error);
/* a × b / c with a 128-bit intermediate, rounded half away from zero; c != 0. */
gboolean factures_muldiv_round     (gint64        a,
                                    gint64        b,
                                    gint64        c,
                                    gint64       *out,
                                    GError      **error);

/* Fifth trial, finding 11: @unit_price (millionths), @allowance (cents) and the line total
 * @quantity × @unit_price (cents) within FACTURES_UNIT_PRICE_MAX and FACTURES_AMOUNT_MAX;
 * FACTURES_ERROR_OVERFLOW naming the field otherwise (« Prix unitaire », « Remise »,
 * « Montant de la ligne »). The quantity's own bound is the caller's (FACTURES_QUANTITY_MAX). */
gboolean factures_line_amounts_check (gint64    quantity,
                                      gint64    unit_price,
                                      gint64    allowance,
                                      GError  **error);

/* French formatting. Thousands separated by U+202F; decimal comma.
 * factures_money_format:       "1 234,56 €" (U+00A0 before €), "-12,35 €"
 * factures_money_format_plain: "1 234,56"
 * factures_quantity_format:    "1,5", "3", "0,3333" (trailing zeros dropped)
 * factures_unit_price_format:  at least 2 decimals, up to 6: "0,085 €" → "0,085 €", "12,50 €"
 * factures_rate_format:        "20 %", "5,5 %" (U+00A0 before %)
 */
char    *factures_money_format        (gint64 cents);
char    *factures_money_format_plain  (gint64 cents);
char    *factures_quantity_format     (gint64 quantity);
char    *factures_unit_price_format   (gint64 unit_price);
char    *factures_rate_format         (gint   rate_bp);

/* French parsing. Accepts "12,5", "12.5", "1 234,56" (space, U+00A0 or U+202F as
 * thousands separators), an optional leading '-', and a trailing "€" or "%" where
 * it fits. Refuses "12,3,4", empty text, letters and more decimals than the unit
 * holds (2 for money, 4 for quantities, 6 for unit prices, 2 for rates in percent).
 * @field is the French name of the field for the message
 * ("Prix unitaire : « 12,3,4 » n’est pas un nombre valide."), FACTURES_ERROR_INVALID;
 * FACTURES_ERROR_OVERFLOW when it does not fit, the message naming @field too
 * ("Montant : « 99999999999999999999 » est trop grand."). */
gboolean factures_money_parse      (const char *text, const char *field, gint64 *out_cents, GError **error);
gboolean factures_quantity_parse   (const char *text, const char *field, gint64 *out_quantity, GError **error);
gboolean factures_unit_price_parse (const char *text, const char *field, gint64 *out_unit_price, GError **error);
gboolean factures_rate_parse       (const char *text, const char *field, gint *out_rate_bp, GError **error);

G_END_DECLS
