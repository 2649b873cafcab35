/* factures-imported.h — an invoice read from another tool's Factur-X or CII file (issue 6)
 *
 * Plain data: every figure is kept as the decimal text the file wrote (history
 * keeps them verbatim); the checks below parse them exactly (no double).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "factures-document.h"

G_BEGIN_DECLS

typedef struct {
  char *line_id;          /* BT-126 */
  char *name;             /* BT-153 */
  char *quantity;         /* BT-129, text */
  char *unit_code;        /* BT-130 */
  char *net_price;        /* BT-146, text */
  char *basis_quantity;   /* BT-149, text or NULL (1) */
  char *allowances;       /* sum of BT-136 written in the line (text, computed exactly), or NULL */
  char *charges;          /* sum of BT-141, or NULL */
  char *line_total;       /* BT-131, text */
  char *vat_category;     /* BT-151 */
  char *vat_rate;         /* BT-152, text or NULL */
  char *status;           /* EXTENDED-CTC-FR EXT-FR-FE-163: "GROUP" and "INFORMATION" lines
                           * are sub-totals or comments, outside BT-106; NULL otherwise */
} FacturesImportedLine;

/* TRUE for a line that counts in the totals (not a GROUP or INFORMATION line). */
gboolean factures_imported_line_counts (const FacturesImportedLine *line);

typedef struct {
  char *category;         /* BT-118 */
  char *rate;             /* BT-119 */
  char *basis;            /* BT-116 */
  char *amount;           /* BT-117 */
  char *exemption;        /* BT-120 */
  char *exemption_code;   /* BT-121 (VATEX), issue 13 */
} FacturesImportedVat;

typedef struct {
  char                 *guideline;        /* BT-24 */
  char                 *number;           /* BT-1 */
  int                   type_code;        /* BT-3 */
  GDate                 issue_date;       /* BT-2 */
  GDate                 due_date;         /* BT-9, invalid when absent */
  char                 *currency;         /* BT-5 */
  FacturesParty         seller;           /* name, siren (0002 or the legal ID), vat_id, address… */
  FacturesParty         buyer;
  GPtrArray            *lines;            /* FacturesImportedLine*, empty for MINIMUM/BASIC WL */
  GPtrArray            *vat;              /* FacturesImportedVat* */
  char                 *doc_allowances;   /* sum of BT-92 (text), or NULL */
  char                 *doc_charges;      /* sum of BT-99 (text), or NULL */
  char                 *line_total;       /* BT-106 */
  char                 *allowance_total;  /* BT-107 */
  char                 *charge_total;     /* BT-108 */
  char                 *tax_basis_total;  /* BT-109 */
  char                 *tax_total;        /* BT-110 (in the invoice currency) */
  char                 *grand_total;      /* BT-112 */
  char                 *prepaid;          /* BT-113 */
  char                 *rounding;         /* BT-114 */
  char                 *due_payable;      /* BT-115 */
  /* Since issue 10: */
  char                 *issue_date_text;  /* BT-2 as written (YYYYMMDD), NULL when absent */
  char                 *due_date_text;    /* BT-9 as written, NULL when absent */
  char                 *preceding_number; /* BT-25: the invoice a credit note corrects, or NULL */
  GDate                 preceding_date;   /* BT-26, invalid when absent or not a date */
  gboolean              no_prepaid;       /* the file's profile has no BT-113 (Factur-X MINIMUM):
                                           * BT-115 may be below BT-112 without any fault */
  /* Issue 13 item 4: */
  char                 *tax_currency;     /* BT-6, NULL when absent */
  char                 *tax_total_accounting; /* BT-111: the VAT total in BT-6, NULL when absent */
} FacturesImported;

FacturesImported *factures_imported_new  (void);
void              factures_imported_free (FacturesImported *imported);
void              factures_imported_line_free (FacturesImportedLine *line);
void              factures_imported_vat_free  (FacturesImportedVat *vat);

/**
 * factures_decimal_parse:
 * @text: a dot-decimal number as XML writes it ("-12.5", "0.000100", "3")
 * @decimals: the scale of the result (2 for cents, 4 for quantities, 6 for unit prices)
 * @out_value: (out): @text × 10^@decimals, rounded half away from zero
 * @out_exact: (out) (optional): TRUE when no digit was lost by the rounding
 *
 * Returns: FALSE when @text is not a decimal number or overflows.
 */
gboolean factures_decimal_parse (const char *text,
                                 guint       decimals,
                                 gint64     *out_value,
                                 gboolean   *out_exact);

/**
 * factures_imported_check_figures:
 * @imported: an imported invoice
 *
 * Checks the file's own arithmetic to the cent (EN 16931 BR-CO-10, 11, 12, 13,
 * 14, 15, 16 and each line's net = quantity × price / basis quantity −
 * allowances + charges, each VAT row = basis × rate, rounded): what does not
 * add up is listed, the file itself is never changed.
 *
 * Returns: (transfer full) (element-type utf8): one French sentence per
 *   discrepancy; empty when the figures add up
 */
GPtrArray *factures_imported_check_figures (const FacturesImported *imported);

/**
 * factures_imported_to_lines:
 * @imported: an imported invoice
 * @out_lines: (out) (transfer full) (element-type FacturesLine): the lines in the app's model
 * @out_allowance: (out): the document-level allowance, cents
 * @out_vat_exempt: (out): TRUE when every line is category E at 0 %
 * @error: FACTURES_ERROR_INVALID with the reason (French) when the file's currency
 *   is not one with two decimals (factures_currency_check()), when a figure cannot be held by the model (a unit price beyond 6
 *   decimals, a quantity beyond 4, a rate beyond 2, a charge), or when
 *   factures_totals_compute() does not reproduce every line net, VAT amount
 *   and total of the file to the cent
 *
 * The file as a draft's lines: every figure must come out to the cent.
 */
gboolean   factures_imported_to_lines (const FacturesImported *imported,
                                       GPtrArray             **out_lines,
                                       gint64                 *out_allowance,
                                       gboolean               *out_vat_exempt,
                                       GError                **error);

/**
 * factures_imported_currency:
 * @imported: an imported invoice whose lines factures_imported_to_lines() accepted
 * @out_currency: (out) (transfer full) (nullable): the document currency for the model
 *   (FacturesDocument.currency): NULL for euros
 * @out_exchange_rate: (out): the exchange rate that gives back the file's BT-111 from its BT-110
 *   (millionths of a euro per unit, factures-currency.h), 0 when the file is in euros, when it
 *   gives no BT-111 in euros or when its VAT total is 0
 *
 * Issue 13 item 4: the currency and rate of a document made from the file (a draft, or the
 * duplicata drawn to export it again).
 */
void       factures_imported_currency (const FacturesImported *imported,
                                       char                  **out_currency,
                                       gint64                 *out_exchange_rate);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesImported, factures_imported_free)

G_END_DECLS
