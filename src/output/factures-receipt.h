/* factures-receipt.h — payment receipts (reçu) and paid duplicates ("Acquittée le … par …")
 *
 * LEGAL.md §5: no statutory format; a receipt on request (always for cash), or the
 * invoice marked "acquittée". Same fonts and page as factures-pdf.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "factures-document.h"

G_BEGIN_DECLS

/* One payment as printed: the store's FacturesPayment gives these (method label in French). */
typedef struct {
  GDate       date;
  gint64      amount;        /* cents allocated to this invoice */
  const char *method;        /* "virement", "chèque n° 1234567", "espèces", … */
  const char *payer;         /* may be NULL */
} FacturesReceiptLine;

/**
 * factures_receipt_render:
 * @document: an issued invoice (seller and buyer snapshots are used)
 * @payments: (element-type FacturesReceiptLine): the payments to acknowledge
 * @balance: cents still due after them
 * @receipt_date: the date printed on the receipt
 *
 * An A4 "Reçu" PDF: seller, payer, invoice number and date, each payment (date, method,
 * amount), the total received and the balance ("Solde restant dû" or "Facture acquittée").
 *
 * Returns: (transfer full): PDF bytes, or NULL with FACTURES_ERROR_FORMAT.
 */
GBytes *factures_receipt_render (const FacturesDocument *document,
                                 const GArray           *payments,
                                 gint64                  balance,
                                 const GDate            *receipt_date,
                                 GError                **error);

/**
 * factures_pdf_render_paid_duplicate:
 * @paid_date: the date the balance reached zero
 * @paid_by: how, in French ("virement", "chèque n° 1234567"); several methods joined by ", "
 *
 * The invoice reprinted with the "Duplicata" mark and, on its last page, the stamp
 * "Acquittée le 30 novembre 2026 par virement".
 */
GBytes *factures_pdf_render_paid_duplicate (const FacturesDocument *document,
                                            const GDate            *paid_date,
                                            const char             *paid_by,
                                            GError                **error);

G_END_DECLS
