/* factures-currency-sums.h — amounts summed per currency, for the clients' balances
 *
 * Finding T5: a client's invoices may be in several currencies (issue 13 item 4); what it
 * owes is then one sum per currency, never a GBP balance shown as euros.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A GArray of these, one per currency. */
typedef struct {
  char   code[4];   /* ISO 4217, "EUR" for euros */
  gint64 cents;     /* hundredths of that currency */
} FacturesCurrencySum;

/* (transfer full): an empty set of sums. */
GArray *factures_currency_sums_new    (void);

/* Adds @cents of @code (NULL or "EUR": euros) to @sums. */
void    factures_currency_sums_add    (GArray     *sums,
                                       const char *code,
                                       gint64      cents);

/* (transfer full): the sums of "EUR:10000;GBP:50000" (factures_client_row_get_outstanding_by_currency()),
 * empty for NULL. */
GArray *factures_currency_sums_parse  (const char *text);

/* TRUE when @sums holds a non-zero amount in another currency than euros. */
gboolean factures_currency_sums_foreign (GArray   *sums);

/* (transfer full): "1 000,00 € + 500,00 GBP": euros first, then the codes in order, zero
 * sums left out; "0,00 €" when all are zero. */
char   *factures_currency_sums_format (GArray     *sums);

G_END_DECLS
