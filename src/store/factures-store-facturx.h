/* factures-store-facturx.h — invoices imported from Factur-X / CII files (issue 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-store.h"
#include "factures-imported.h"

G_BEGIN_DECLS

typedef enum {
  FACTURES_IMPORTED_SALE,      /* the user is the seller: a client's history, revenue when paid */
  FACTURES_IMPORTED_PURCHASE,  /* a received invoice: the purchases list, never revenue */
} FacturesImportedDirection;

/**
 * factures_store_import_history:
 * @self: the store
 * @imported: the invoice read from @xml (figures as written)
 * @original: the file as the user gave it, kept byte for byte
 * @original_name: (nullable): its file name
 * @original_is_pdf: TRUE for a Factur-X PDF
 * @xml: the CII XML (@original itself, or the XML embedded in it)
 * @profile: (nullable): its fx:ConformanceLevel, NULL when not a Factur-X profile
 * @figure_problems: (element-type utf8): what does not add up in the file (kept and shown)
 * @out_direction: (out) (optional): sale (same SIREN as the profile: BT-30 of 9
 *   digits, or a 14-digit SIRET there or in BT-29, or the French VAT number) or purchase
 * @error: FACTURES_ERROR_INVALID when the same invoice (seller, number) was
 *   already imported, or its content is refused (factures_imported_check_content());
 *   FACTURES_ERROR_OVERFLOW when a figure is beyond what the
 *   app can hold (factures_imported_check_range()); FACTURES_ERROR_DATABASE
 *
 * Keeps the file as history, read-only, under its own number (any currency,
 * any profile). A sale is attached to the client with the buyer's SIREN, else
 * name, else a new client. Nothing is stored when it fails.
 *
 * Returns: the new row's id, 0 on error
 */
gint64   factures_store_import_history (FacturesStore              *self,
                                        const FacturesImported     *imported,
                                        GBytes                     *original,
                                        const char                 *original_name,
                                        gboolean                    original_is_pdf,
                                        GBytes                     *xml,
                                        const char                 *profile,
                                        GPtrArray                  *figure_problems,
                                        FacturesImportedDirection  *out_direction,
                                        GError                    **error);

/**
 * factures_store_check_import_history:
 * @self: the store
 * @imported: the invoice read from a file
 * @out_direction: (out) (optional): sale (same SIREN as the profile) or purchase
 * @error: FACTURES_ERROR_INVALID with the reason: an amount beyond what the app holds, the
 *   same invoice (seller, number) already imported, or (a sale) a number Factures issued itself
 *
 * What factures_store_import_history() checks before storing, without storing: lets the
 * import dialog say at once why a file cannot be kept as history.
 */
gboolean factures_store_check_import_history (FacturesStore              *self,
                                              const FacturesImported     *imported,
                                              FacturesImportedDirection  *out_direction,
                                              GError                    **error);

/**
 * factures_store_check_import_draft:
 * @self: the store
 * @imported: the invoice read from a file
 * @error: FACTURES_ERROR_INVALID with the reason (as factures_store_import_draft())
 *
 * What factures_store_import_draft() checks before storing, without storing.
 */
gboolean factures_store_check_import_draft   (FacturesStore           *self,
                                              const FacturesImported  *imported,
                                              GError                 **error);

/**
 * factures_store_import_draft:
 * @self: the store
 * @imported: the invoice read from a file
 * @error: FACTURES_ERROR_INVALID with the reason: content no invoice holds
 *   (factures_imported_check_content(): BT-2 not a date, BT-1 above 200 characters,
 *   a text above 4,000), a corrected invoice (BT-3 384: the way is a credit note and a
 *   new invoice), a credit note whose BT-25 is not an invoice Factures issued to the
 *   client the buyer matches (or with less left to credit than its total), figures
 *   that factures_imported_to_lines() or the app's model with the user's VAT regime do
 *   not give to the cent; FACTURES_ERROR_OVERFLOW (factures_imported_check_range());
 *   the editor's refusals (factures_store_save_draft())
 *
 * A new draft to re-invoice (issue 6, kinds since issue 10): a deposit invoice for
 * type code 386, a credit note citing its invoice (BT-25, as the editor's credit notes
 * do) for the EN 16931 credit-note codes (381, 261, 262, 296, 308, 396, 420, 458, 532,
 * and 81, 83), an invoice otherwise; the file's lines (EUR, every figure to the cent in
 * the app's model, else refused), for the client matched by SIREN (BT-47, or a 14-digit
 * SIRET there), else by name, else created from the file's buyer. One transaction
 * through the editor's checks (factures_store_save_draft()): nothing is stored when
 * it fails.
 *
 * Returns: the draft's id, 0 on error
 */
gint64   factures_store_import_draft   (FacturesStore           *self,
                                        const FacturesImported  *imported,
                                        GError                 **error);

/* One row of the purchases (or sales) list: the figures as the file wrote them. */
typedef struct {
  gint64    id;
  char     *number;
  char     *seller_name;
  char     *buyer_name;
  char     *issue_date;     /* 'YYYY-MM-DD' or NULL */
  char     *grand_total;    /* BT-112 as written */
  char     *currency;
  gboolean  figures_ok;
  char     *figure_problems;
} FacturesImportedRow;

void       factures_imported_row_free (FacturesImportedRow *row);

/* The imported invoices in @direction, newest issue date first. */
GPtrArray *factures_store_list_imported (FacturesStore             *self,
                                         FacturesImportedDirection  direction,
                                         GError                   **error);

/* Number of imported invoices in @direction. */
gint64   factures_store_count_imported (FacturesStore             *self,
                                        FacturesImportedDirection  direction,
                                        GError                   **error);

/* The original file of an imported invoice, byte for byte; NULL with FACTURES_ERROR_NOT_FOUND. */
GBytes  *factures_store_get_imported_original (FacturesStore  *self,
                                               gint64          id,
                                               GError        **error);

/* The id of the imported invoice numbered @number (the most recent when several sellers
 * used it), 0 with FACTURES_ERROR_NOT_FOUND; @out_is_pdf: whether its original is a PDF. */
gint64   factures_store_find_imported (FacturesStore  *self,
                                       const char     *number,
                                       gboolean       *out_is_pdf,
                                       GError        **error);

/* The CII XML of an imported invoice, byte for byte; NULL with FACTURES_ERROR_NOT_FOUND. */
GBytes  *factures_store_get_imported_xml (FacturesStore  *self,
                                          gint64          id,
                                          GError        **error);

/* Records that an imported sale was paid on @date (the only change allowed), as
 * factures_store_record_imported_payment() with the method "autre" and the file's amount due
 * (BT-115, EUR files only); a NULL @date cancels the payment recorded. Refused for a purchase. */
gboolean factures_store_set_imported_paid (FacturesStore  *self,
                                           gint64          id,
                                           const GDate    *date,
                                           GError        **error);

G_END_DECLS
