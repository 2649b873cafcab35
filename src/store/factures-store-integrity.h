/* factures-store-integrity.h — what --verify sees beyond the hash chain (issue 10)
 *
 * The history journal (migration 0008-integrity.sql): every row added to events, payments,
 * payment_allocations, payment_reversals, imported_payments and imported_payment_reversals is
 * copied by a trigger into the journal; factures_store_verify() compares each row with its copy.
 *
 * The witness: the chain head (last chain position, its hash, the issued documents per series,
 * the size and hash of the journal) is written into every backup (table factures_witness of the
 * copy), every JSON export (member "chain_head") and every CSV export of the livre des recettes
 * (its last line). factures_store_verify_against() compares the database with such a file: what
 * the file saw and the database lost (the last invoices deleted, a counter set back) is named.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "factures-store.h"

G_BEGIN_DECLS

typedef struct {
  gint64  chain_seq;       /* the last chain position, 0 when nothing is issued */
  char   *hash;            /* its hash (SHA-256, hex), NULL when nothing is issued */
  gint64  n_invoices;      /* issued documents of the series 'invoice' (invoices, deposit invoices) */
  gint64  n_quotes;        /* … of the series 'quote' */
  gint64  n_credit_notes;  /* … of the series 'credit-note' */
  gint64  journal_seq;     /* entries of the history journal */
  char   *journal_hash;    /* SHA-256 (hex) over those entries in order, NULL when empty */
} FacturesChainHead;

void     factures_chain_head_clear      (FacturesChainHead  *head);

/**
 * factures_store_get_chain_head:
 * @out: (out caller-allocates): cleared with factures_chain_head_clear()
 * @error: FACTURES_ERROR_DATABASE
 *
 * The witness of the database as it is now.
 */
gboolean factures_store_get_chain_head  (FacturesStore      *self,
                                         FacturesChainHead  *out,
                                         GError            **error);

/**
 * factures_store_verify_journal:
 * @error: FACTURES_ERROR_INTEGRITY naming, in French, every row of the history (an event of a
 *   document, a payment, an allocation, a cancellation, the payment of an imported sale) that
 *   was deleted, changed or added behind the app's back, one per line; FACTURES_ERROR_DATABASE
 *
 * Called by factures_store_verify(). Deleting the last rows together with their journal entries
 * leaves no trace in the database: factures_store_verify_against() sees it.
 */
gboolean factures_store_verify_journal  (FacturesStore      *self,
                                         GError            **error);

/**
 * factures_store_verify_against:
 * @path: a backup (--backup, SQLite), a JSON export (--export-json) or a CSV export of the
 *   livre des recettes (--receipts --output): the witness
 * @error: FACTURES_ERROR_INTEGRITY naming, one per line, every issued document the file holds
 *   that is missing or different in the database (by chain position, number and hash), a chain
 *   head beyond the database's last document (the last documents were deleted), a series with
 *   fewer issued documents than the file counted, (backup) every journal entry missing or
 *   different, (JSON export, trial 5 finding 2) every history array of the file that no longer
 *   matches the fingerprint of its "chain_head"/"history", and every payment, allocation,
 *   cancellation, bank row, purchase payment or document event of the file missing or different
 *   in the database, naming its JSON path, the field and both values;
 *   FACTURES_ERROR_FORMAT when @path is none of these files
 *
 * The database may hold more than the file (documents issued since): that is not an error.
 * Nothing is written.
 */
gboolean factures_store_verify_against  (FacturesStore      *self,
                                         const char         *path,
                                         GError            **error);

/**
 * factures_store_write_receipts_csv:
 * @receipts: (element-type FacturesReceipt): entries of factures_store_list_receipts()
 *
 * factures_receipts_write_csv(), then one last line with the chain head (the witness): "Tête de
 * chaîne";position;hash;"factures N";"devis N";"avoirs N";"historique N";journal hash.
 */
gboolean factures_store_write_receipts_csv (FacturesStore   *self,
                                            GPtrArray       *receipts,
                                            GOutputStream   *stream,
                                            GError         **error);

/**
 * factures_store_chain_columns:
 * @out_hashed: (out) (transfer none): NULL-terminated, the columns of documents the newest
 *   chain version hashes
 * @out_unhashed: (out) (transfer none): NULL-terminated, the columns left out of the hash
 *
 * Every column of the documents table is in one of the two lists (a test checks it against
 * PRAGMA table_info): a column added later must be classified, and hashed under a new version.
 */
void     factures_store_chain_columns   (const char * const **out_hashed,
                                         const char * const **out_unhashed);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FacturesChainHead, factures_chain_head_clear)

G_END_DECLS
