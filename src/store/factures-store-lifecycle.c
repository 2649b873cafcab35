/* factures-store-lifecycle.c — quotes, deposit invoices, credit notes and number
 * series (issue 3, DESIGN.md §4, LEGAL.md §2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "factures-currency.h"
#include "factures-store-lifecycle-private.h"


/* ---- references ---- */

/* A reference to document @id (kind, number, date, gross total), or NULL. */
static FacturesDocumentRef *
load_ref (FacturesStore  *self,
          gint64          id,
          GError        **error)
{
  g_autoptr(FacturesCachedStmt) stmt = NULL;
  FacturesDocumentRef *ref;

  stmt = factures_store_prepare_cached (self,
                                        "SELECT kind, number, issue_date, gross_total FROM documents "
                                        "WHERE id = ?1",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND,
                   _("No document with id %" PRId64 "."), id);
      return NULL;
    }
  ref = factures_document_ref_new ();
  ref->id = id;
  ref->kind = sqlite3_column_int (stmt, 0);
  ref->number = factures_sql_col_dup (stmt, 1);
  factures_sql_col_date (stmt, 2, &ref->issue_date);
  ref->amount = sqlite3_column_int64 (stmt, 3);
  return ref;
}

gboolean
factures_store_lifecycle_load (FacturesStore     *self,
                               FacturesDocument  *document,
                               GError           **error)
{
  g_autoptr(FacturesCachedStmt) stmt = NULL;
  int rc;

  g_date_clear (&document->valid_until, 1);
  g_clear_pointer (&document->conditions, g_free);
  g_clear_pointer (&document->cites, factures_document_ref_free);
  g_clear_pointer (&document->deposits, g_ptr_array_unref);

  if (document->kind == FACTURES_DOCUMENT_KIND_QUOTE)
    {
      stmt = factures_store_prepare_cached (self,
                                            "SELECT valid_until, conditions FROM quote_details "
                                            "WHERE document_id = ?1",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, document->id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          factures_sql_col_date (stmt, 0, &document->valid_until);
          document->conditions = factures_sql_col_dup (stmt, 1);
        }
      if (!g_date_valid (&document->valid_until) && g_date_valid (&document->issue_date))
        factures_quote_default_validity (&document->issue_date, &document->valid_until);
      g_clear_pointer (&stmt, factures_store_release_cached);
    }

  stmt = factures_store_prepare_cached (self,
                                        "SELECT role, target_id FROM document_links WHERE document_id = ?1 "
                                        "ORDER BY role = 'deposit', position, target_id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *role = (const char *) sqlite3_column_text (stmt, 0);
      FacturesDocumentRef *ref = load_ref (self, sqlite3_column_int64 (stmt, 1), error);

      if (ref == NULL)
        return FALSE;
      if (g_strcmp0 (role, "deposit") == 0)
        {
          if (document->deposits == NULL)
            document->deposits = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_document_ref_free);
          g_ptr_array_add (document->deposits, ref);
        }
      else
        {
          factures_document_ref_free (document->cites);
          document->cites = ref;
        }
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
factures_store_lifecycle_save (FacturesStore     *self,
                               FacturesDocument  *document,
                               GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *conditions = NULL;

  if (document->kind != FACTURES_DOCUMENT_KIND_QUOTE)
    return TRUE;

  if (!g_date_valid (&document->valid_until))
    factures_quote_default_validity (&document->issue_date, &document->valid_until);
  if (g_date_compare (&document->valid_until, &document->issue_date) < 0)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Valid until: the date is earlier than the issue date."));
      return FALSE;
    }
  if (document->conditions != NULL)
    {
      conditions = factures_text_clean (document->conditions, _("Conditions"), FACTURES_MAX_NOTES,
                                        FALSE, error);
      if (conditions == NULL)
        return FALSE;
      if (*conditions == '\0')
        g_clear_pointer (&conditions, g_free);
    }

  stmt = factures_store_prepare (self,
                                 "INSERT OR REPLACE INTO quote_details (document_id, valid_until, "
                                 "conditions) VALUES (?1, ?2, ?3)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document->id);
  factures_sql_bind_date (stmt, 2, &document->valid_until);
  factures_sql_bind_text (stmt, 3, conditions);
  if (!factures_store_step_done (self, stmt, error))
    return FALSE;

  g_free (document->conditions);
  document->conditions = g_steal_pointer (&conditions);
  return TRUE;
}

/* ---- quotes ---- */

static gboolean
count_rows (FacturesStore  *self,
            const char     *sql,
            gint64          id,
            gint64         *out,
            GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  *out = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* The decision events of quote @id: 1 accepted (date set), 0 refused, -1 none, -2 error. */
static gint
quote_decision (FacturesStore  *self,
                gint64          id,
                GDate          *out_date,
                GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (out_date != NULL)
    g_date_clear (out_date, 1);
  stmt = factures_store_prepare (self,
                                 "SELECT kind, date FROM events WHERE document_id = ?1 "
                                 "AND kind IN ('quote-accepted', 'quote-refused') ORDER BY id LIMIT 1",
                                 error);
  if (stmt == NULL)
    return -2;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return -1;
  if (rc != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return -2;
    }
  if (out_date != NULL)
    factures_sql_col_date (stmt, 1, out_date);
  return g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "quote-accepted") == 0 ? 1 : 0;
}

/* The final invoice made from quote @id: its id (0: none), and its number or NULL. */
static gint64
quote_final_invoice (FacturesStore  *self,
                     gint64          id,
                     char          **out_number,
                     GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (out_number != NULL)
    *out_number = NULL;
  stmt = factures_store_prepare (self,
                                 "SELECT d.id, d.number FROM document_links l JOIN documents d "
                                 "ON d.id = l.document_id WHERE l.role = 'final' AND l.target_id = ?1",
                                 error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return 0;
  if (rc != SQLITE_ROW)
    {
      factures_store_set_db_error (self, error);
      return -1;
    }
  if (out_number != NULL)
    *out_number = factures_sql_col_dup (stmt, 1);
  return sqlite3_column_int64 (stmt, 0);
}

gint
factures_store_get_quote_status (FacturesStore  *self,
                                 gint64          id,
                                 GDate          *out_accepted,
                                 GError        **error)
{
  g_autoptr(FacturesDocument) quote = NULL;
  GDate today, decided;
  gint decision;
  gint64 final;

  g_return_val_if_fail (FACTURES_IS_STORE (self), -1);

  if (out_accepted != NULL)
    g_date_clear (out_accepted, 1);
  quote = factures_store_get_document (self, id, error);
  if (quote == NULL)
    return -1;
  if (quote->kind != FACTURES_DOCUMENT_KIND_QUOTE)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Quote: this document is not a quote."));
      return -1;
    }
  decision = quote_decision (self, id, &decided, error);
  if (decision == -2)
    return -1;
  final = quote_final_invoice (self, id, NULL, error);
  if (final < 0)
    return -1;
  if (decision == 1 && out_accepted != NULL)
    *out_accepted = decided;
  factures_today (&today);
  return factures_quote_status_derive (quote->status == FACTURES_DOCUMENT_STATUS_ISSUED,
                                       decision == 1, decision == 0, final > 0,
                                       &quote->valid_until, &today);
}

gboolean
factures_store_set_quote_decision (FacturesStore  *self,
                                   gint64          id,
                                   gboolean        accepted,
                                   const GDate    *date,
                                   GError        **error)
{
  g_autoptr(FacturesDocument) quote = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint decision;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  if (date == NULL || !g_date_valid (date))
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Date: the date of the client’s answer is missing."));
      return FALSE;
    }

  if (!factures_store_begin (self, error))
    return FALSE;

  quote = factures_store_get_document (self, id, error);
  if (quote == NULL)
    goto fail;
  if (quote->kind != FACTURES_DOCUMENT_KIND_QUOTE || quote->status != FACTURES_DOCUMENT_STATUS_ISSUED)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Quote: only an issued quote can be accepted or refused."));
      goto fail;
    }
  decision = quote_decision (self, id, NULL, error);
  if (decision == -2)
    goto fail;
  if (decision >= 0)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           decision == 1 ? _("Quote: this quote is already accepted.")
                                         : _("Quote: this quote is already refused."));
      goto fail;
    }
  if (g_date_compare (date, &quote->issue_date) < 0)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Date: the answer cannot be earlier than the quote’s issue date."));
      goto fail;
    }
  if (accepted && g_date_valid (&quote->valid_until) && g_date_compare (date, &quote->valid_until) > 0)
    {
      g_autofree char *until = factures_date_format_fr (&quote->valid_until);

      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Date: the quote was valid until %s; make a new quote."), until);
      goto fail;
    }

  stmt = factures_store_prepare (self,
                                 "INSERT INTO events (document_id, kind, date, data) VALUES (?1, ?2, ?3, NULL)",
                                 error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  factures_sql_bind_text (stmt, 2, accepted ? "quote-accepted" : "quote-refused");
  factures_sql_bind_date (stmt, 3, date);
  if (!factures_store_step_done (self, stmt, error) ||
      !factures_store_commit (self, error))
    goto fail;

  factures_store_emit_changed (self);
  return TRUE;

fail:
  factures_store_rollback (self);
  return FALSE;
}

static gboolean
insert_link (FacturesStore  *self,
             gint64          document_id,
             const char     *role,
             gint64          target_id,
             gint            position,
             GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = factures_store_prepare (self,
                                 "INSERT INTO document_links (document_id, role, target_id, position) "
                                 "VALUES (?1, ?2, ?3, ?4)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  factures_sql_bind_text (stmt, 2, role);
  sqlite3_bind_int64 (stmt, 3, target_id);
  sqlite3_bind_int (stmt, 4, position);
  return factures_store_step_done (self, stmt, error);
}

/* An accepted quote that has no final invoice yet, loaded; NULL with a message naming "Quote". */
static FacturesDocument *
convertible_quote (FacturesStore  *self,
                   gint64          quote_id,
                   GError        **error)
{
  g_autoptr(FacturesDocument) quote = NULL;
  g_autofree char *final_number = NULL;
  gint64 final;
  gint decision;

  quote = factures_store_get_document (self, quote_id, error);
  if (quote == NULL)
    return NULL;
  if (quote->kind != FACTURES_DOCUMENT_KIND_QUOTE || quote->status != FACTURES_DOCUMENT_STATUS_ISSUED)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Quote: only an issued, accepted quote can be invoiced."));
      return NULL;
    }
  decision = quote_decision (self, quote_id, NULL, error);
  if (decision == -2)
    return NULL;
  if (decision != 1)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Quote: record the client’s acceptance before invoicing it."));
      return NULL;
    }
  final = quote_final_invoice (self, quote_id, &final_number, error);
  if (final < 0)
    return NULL;
  if (final > 0)
    {
      if (final_number != NULL)
        g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                     _("Quote: this quote has already been converted into invoice %s."), final_number);
      else
        g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                             _("Quote: this quote has already been converted into an invoice "
                               "(a draft)."));
      return NULL;
    }
  return g_steal_pointer (&quote);
}

static FacturesDocument *
new_draft_for (const FacturesDocument *source,
               FacturesDocumentKind    kind)
{
  FacturesDocument *draft = factures_document_new (kind);

  factures_today (&draft->issue_date);
  if (g_date_compare (&draft->issue_date, &source->issue_date) < 0)
    draft->issue_date = source->issue_date;
  draft->client_id = source->client_id;
  /* Issue 13 item 4: a deposit, final invoice or credit note is in its source's currency. */
  draft->currency = g_strdup (source->currency);
  draft->exchange_rate = source->exchange_rate;
  return draft;
}

gint64
factures_store_quote_to_deposit (FacturesStore  *self,
                                 gint64          quote_id,
                                 gint            percent_bp,
                                 gint64          amount,
                                 GError        **error)
{
  g_autoptr(FacturesDocument) quote = NULL;
  g_autoptr(FacturesDocument) deposit = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(FacturesTotals) quote_totals = { NULL, };
  g_auto(FacturesTotals) totals = { NULL, };
  g_autofree char *date = NULL;
  g_autofree char *description = NULL;
  gint64 earlier = 0;

  g_return_val_if_fail (FACTURES_IS_STORE (self), 0);

  quote = convertible_quote (self, quote_id, error);
  if (quote == NULL)
    return 0;

  date = factures_date_format_fr (&quote->issue_date);
  if (percent_bp != 0)
    {
      g_autofree char *rate = factures_rate_format (percent_bp);

      description = g_strdup_printf ("Acompte de %s sur le devis %s du %s", rate, quote->number, date);
    }
  else
    description = g_strdup_printf ("Acompte sur le devis %s du %s", quote->number, date);

  lines = factures_lifecycle_amount_lines (quote, percent_bp, amount, description, error);
  if (lines == NULL)
    return 0;

  deposit = new_draft_for (quote, FACTURES_DOCUMENT_KIND_DEPOSIT);
  deposit->seller = factures_profile_copy (quote->seller);
  for (guint i = 0; i < lines->len; i++)
    g_ptr_array_add (deposit->lines, factures_line_copy (g_ptr_array_index (lines, i)));

  /* Deposits (drafts included) never exceed the quote's net total. */
  if (!factures_document_compute_totals (quote, &quote_totals, error) ||
      !factures_document_compute_totals (deposit, &totals, error))
    return 0;
  stmt = factures_store_prepare (self,
                                 "SELECT coalesce (sum (d.net_total), 0) FROM document_links l "
                                 "JOIN documents d ON d.id = l.document_id "
                                 "WHERE l.role = 'quote' AND l.target_id = ?1",
                                 error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, quote_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    earlier = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (earlier + totals.net_total > quote_totals.net_total)
    {
      g_autofree char *left = factures_money_format (MAX (quote_totals.net_total - earlier, 0));

      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Deposit: the deposits would exceed the quote’s total before tax; at most %s "
                     "can still be asked."), left);
      return 0;
    }

  g_clear_pointer (&deposit->seller, factures_profile_free);
  if (!factures_store_begin (self, error))
    return 0;
  if (!factures_store_write_draft (self, deposit, error) ||
      !insert_link (self, deposit->id, "quote", quote_id, 0, error) ||
      !factures_store_commit (self, error))
    {
      factures_store_rollback (self);
      return 0;
    }
  factures_store_emit_changed (self);
  return deposit->id;
}

gint64
factures_store_quote_to_invoice (FacturesStore  *self,
                                 gint64          quote_id,
                                 GError        **error)
{
  g_autoptr(FacturesDocument) quote = NULL;
  g_autoptr(FacturesDocument) invoice = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) deposits = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 drafts = 0;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), 0);

  quote = convertible_quote (self, quote_id, error);
  if (quote == NULL)
    return 0;

  if (!count_rows (self,
                   "SELECT count (*) FROM document_links l JOIN documents d ON d.id = l.document_id "
                   "WHERE l.role = 'quote' AND l.target_id = ?1 AND d.status = 0",
                   quote_id, &drafts, error))
    return 0;
  if (drafts > 0)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Quote: a deposit invoice of this quote is still a draft; issue it "
                             "or delete it first."));
      return 0;
    }

  stmt = factures_store_prepare (self,
                                 "SELECT d.id FROM document_links l JOIN documents d ON d.id = l.document_id "
                                 "WHERE l.role = 'quote' AND l.target_id = ?1 AND d.status = 1 "
                                 "ORDER BY d.chain_seq",
                                 error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, quote_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (deposits, id);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return 0;
    }

  invoice = new_draft_for (quote, FACTURES_DOCUMENT_KIND_INVOICE);
  invoice->allowance = quote->allowance;
  invoice->notes = g_strdup (quote->notes);
  invoice->purchase_order = g_strdup (quote->purchase_order);
  for (guint i = 0; i < quote->lines->len; i++)
    g_ptr_array_add (invoice->lines, factures_line_copy (g_ptr_array_index (quote->lines, i)));

  if (!factures_store_begin (self, error))
    return 0;
  if (!factures_store_write_draft (self, invoice, error) ||
      !insert_link (self, invoice->id, "final", quote_id, 0, error))
    goto rollback;
  for (guint i = 0; i < deposits->len; i++)
    if (!insert_link (self, invoice->id, "deposit", g_array_index (deposits, gint64, i), (gint) i, error))
      goto rollback;
  if (!factures_store_commit (self, error))
    goto rollback;
  factures_store_emit_changed (self);
  return invoice->id;

rollback:
  factures_store_rollback (self);
  return 0;
}

/* ---- credit notes ---- */

gint64
factures_store_get_credited_total (FacturesStore  *self,
                                   gint64          invoice_id,
                                   GError        **error)
{
  gint64 total = 0;

  g_return_val_if_fail (FACTURES_IS_STORE (self), -1);

  if (!count_rows (self,
                   "SELECT coalesce (sum (c.gross_total), 0) FROM document_links l "
                   "JOIN documents c ON c.id = l.document_id "
                   "WHERE l.role = 'invoice' AND l.target_id = ?1 AND c.status = 1",
                   invoice_id, &total, error))
    return -1;
  return total;
}

GPtrArray *
factures_store_list_credit_notes (FacturesStore  *self,
                                  gint64          invoice_id,
                                  GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  stmt = factures_store_prepare (self,
                                 "SELECT c.id FROM document_links l JOIN documents c ON c.id = l.document_id "
                                 "WHERE l.role = 'invoice' AND l.target_id = ?1 AND c.status = 1 "
                                 "ORDER BY c.issue_date, c.id",
                                 error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, invoice_id);
  notes = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_document_ref_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FacturesDocumentRef *ref = load_ref (self, sqlite3_column_int64 (stmt, 0), error);

      if (ref == NULL)
        return NULL;
      g_ptr_array_add (notes, ref);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&notes);
}

/**
 * factures_store_lifecycle_check_deposit_creditable:
 * @self: the store
 * @invoice: an issued invoice or deposit invoice about to be credited
 * @error: FACTURES_ERROR_INVALID naming the final invoice
 *
 * Fifth trial, finding 10: a deposit invoice deducted by an issued final invoice is not credited
 * alone. The final invoice states the deposits it deducts and asks only for the rest (CGI art.
 * 242 nonies A, I-11° and BOI-TVA-DECLA-30-20-20 § 160 on the deposits; art. 272-1 and
 * BOI-TVA-DECLA-30-20-20-20 on correcting invoices): the deposit is settled by that invoice, and
 * a correction goes on the final invoice, with a credit note citing it. Crediting the deposit as
 * well would give the client the deposit back twice. Allowed again once the final invoice is
 * fully credited (it deducts nothing any more).
 *
 * Returns: %TRUE when @invoice may be credited.
 */
gboolean
factures_store_lifecycle_check_deposit_creditable (FacturesStore           *self,
                                                   const FacturesDocument  *invoice,
                                                   GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (invoice->kind != FACTURES_DOCUMENT_KIND_DEPOSIT)
    return TRUE;
  stmt = factures_store_prepare (self,
                                 "SELECT d.id, d.number FROM document_links l JOIN documents d ON d.id = l.document_id "
                                 "WHERE l.role = 'deposit' AND l.target_id = ?1 AND d.status = 1 ORDER BY d.id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, invoice->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 final_id = sqlite3_column_int64 (stmt, 0);
      g_autoptr(FacturesDocument) final = factures_store_get_document (self, final_id, error);
      g_auto(FacturesTotals) totals = { NULL, };
      gint64 credited;

      if (final == NULL)
        return FALSE;
      credited = factures_store_get_credited_total (self, final_id, error);
      if (credited < 0 || !factures_document_compute_totals (final, &totals, error))
        return FALSE;
      if (credited >= totals.gross_total)
        continue;
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Credit note: deposit invoice %s is deducted by the final invoice %s, already "
                     "issued; it cannot be credited alone. Make the credit note from the final "
                     "invoice %s instead."),
                   invoice->number, (const char *) sqlite3_column_text (stmt, 1),
                   (const char *) sqlite3_column_text (stmt, 1));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* The invoice a credit note may cite, and what is left to credit on it. */
static FacturesDocument *
creditable_invoice (FacturesStore  *self,
                    gint64          invoice_id,
                    gint64         *out_remaining,
                    GError        **error)
{
  g_autoptr(FacturesDocument) invoice = NULL;
  g_auto(FacturesTotals) totals = { NULL, };
  gint64 credited;

  invoice = factures_store_get_document (self, invoice_id, error);
  if (invoice == NULL)
    return NULL;
  if ((invoice->kind != FACTURES_DOCUMENT_KIND_INVOICE &&
       invoice->kind != FACTURES_DOCUMENT_KIND_DEPOSIT) ||
      invoice->status != FACTURES_DOCUMENT_STATUS_ISSUED)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Credit note: only an issued invoice can be credited."));
      return NULL;
    }
  if (!factures_store_lifecycle_check_deposit_creditable (self, invoice, error))
    return NULL;
  credited = factures_store_get_credited_total (self, invoice_id, error);
  if (credited < 0)
    return NULL;
  if (!factures_totals_compute (invoice->lines, invoice->allowance,
                                invoice->seller->vat_regime == FACTURES_VAT_REGIME_FRANCHISE,
                                &totals, error))
    return NULL;
  *out_remaining = totals.gross_total - credited;
  return g_steal_pointer (&invoice);
}

static gboolean
check_credit_amount (const char  *invoice_number,
                     gint64       credit_total,
                     gint64       remaining,
                     GError     **error)
{
  if (credit_total <= remaining)
    return TRUE;
  if (remaining <= 0)
    g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                 _("Credit note: invoice %s is already fully credited."), invoice_number);
  else
    {
      g_autofree char *left = factures_money_format (remaining);
      g_autofree char *asked = factures_money_format (credit_total);

      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                   _("Credit note: %s is above what is left to credit on invoice %s (%s, its "
                     "total minus its earlier credit notes)."), asked, invoice_number, left);
    }
  return FALSE;
}

gint64
factures_store_credit_note_new (FacturesStore  *self,
                                gint64          invoice_id,
                                const guint    *lines,
                                guint           n_lines,
                                gint64          amount,
                                GError        **error)
{
  g_autoptr(FacturesDocument) invoice = NULL;
  g_autoptr(FacturesDocument) credit = NULL;
  g_auto(FacturesTotals) totals = { NULL, };
  g_autofree char *date = NULL;
  gint64 remaining = 0;

  g_return_val_if_fail (FACTURES_IS_STORE (self), 0);

  invoice = creditable_invoice (self, invoice_id, &remaining, error);
  if (invoice == NULL)
    return 0;

  credit = new_draft_for (invoice, FACTURES_DOCUMENT_KIND_CREDIT_NOTE);
  credit->seller = factures_profile_copy (invoice->seller);
  date = factures_date_format_fr (&invoice->issue_date);

  if (lines != NULL && n_lines > 0)
    {
      for (guint i = 0; i < n_lines; i++)
        {
          if (lines[i] >= invoice->lines->len)
            {
              g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Credit note: invoice %s has no line %u."), invoice->number, lines[i] + 1);
              return 0;
            }
          for (guint j = 0; j < i; j++)
            if (lines[j] == lines[i])
              {
                g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                             _("Credit note: line %u is chosen twice."), lines[i] + 1);
                return 0;
              }
          g_ptr_array_add (credit->lines, factures_line_copy (g_ptr_array_index (invoice->lines, lines[i])));
        }
    }
  else if (amount != 0)
    {
      g_autofree char *description = g_strdup_printf ("Avoir partiel sur la facture %s du %s",
                                                      invoice->number, date);
      g_autoptr(GPtrArray) amount_lines = NULL;

      amount_lines = factures_lifecycle_amount_lines (invoice, 0, amount, description, error);
      if (amount_lines == NULL)
        {
          if (error != NULL && *error != NULL)
            g_prefix_error (error, _("Credit note: "));
          return 0;
        }
      for (guint i = 0; i < amount_lines->len; i++)
        g_ptr_array_add (credit->lines, factures_line_copy (g_ptr_array_index (amount_lines, i)));
    }
  else
    {
      for (guint i = 0; i < invoice->lines->len; i++)
        g_ptr_array_add (credit->lines, factures_line_copy (g_ptr_array_index (invoice->lines, i)));
      credit->allowance = invoice->allowance;
    }

  if (!factures_document_compute_totals (credit, &totals, error) ||
      !check_credit_amount (invoice->number, totals.gross_total, remaining, error))
    return 0;

  g_clear_pointer (&credit->seller, factures_profile_free);
  if (!factures_store_begin (self, error))
    return 0;
  if (!factures_store_write_draft (self, credit, error) ||
      !insert_link (self, credit->id, "invoice", invoice_id, 0, error) ||
      !factures_store_commit (self, error))
    {
      factures_store_rollback (self);
      return 0;
    }
  factures_store_emit_changed (self);
  return credit->id;
}

/* ---- issuing ---- */

gboolean
factures_store_lifecycle_check_issue (FacturesStore          *self,
                                      const FacturesDocument *document,
                                      GError                **error)
{
  const FacturesDocumentRef *cites = document->cites;

  /* Every cited document is issued (its number and date are printed). */
  if (cites != NULL && cites->number == NULL)
    {
      g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("This document cites a document that is not issued yet."));
      return FALSE;
    }
  if (document->deposits != NULL)
    for (guint i = 0; i < document->deposits->len; i++)
      {
        const FacturesDocumentRef *ref = g_ptr_array_index (document->deposits, i);

        if (ref->number == NULL)
          {
            g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                                 _("Deposits: a deposit invoice it deducts is not issued yet."));
            return FALSE;
          }
        /* The converse of factures_store_lifecycle_check_deposit_creditable(): a deposit
         * already credited was given back (or cancelled); deducting it as well would ask the
         * client for less than is owed. */
        if (document->kind == FACTURES_DOCUMENT_KIND_INVOICE && ref->id > 0)
          {
            gint64 credited = factures_store_get_credited_total (self, ref->id, error);

            if (credited < 0)
              return FALSE;
            if (credited > 0)
              {
                g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                             _("Deposits: deposit invoice %s was credited by a credit note; it cannot "
                               "be deducted. Remove it from the deposits this invoice deducts."),
                             ref->number);
                return FALSE;
              }
          }
      }

  switch (document->kind)
    {
    case FACTURES_DOCUMENT_KIND_QUOTE:
      if (g_date_valid (&document->valid_until) &&
          g_date_compare (&document->valid_until, &document->issue_date) < 0)
        {
          g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                               _("Valid until: the date is earlier than the issue date."));
          return FALSE;
        }
      break;

    case FACTURES_DOCUMENT_KIND_CREDIT_NOTE:
      {
        g_autoptr(FacturesDocument) invoice = NULL;
        g_auto(FacturesTotals) totals = { NULL, };
        gint64 remaining = 0;

        if (cites == NULL)
          {
            g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_MISSING_MENTION,
                                 _("A credit note must cite the invoice it corrects: make it "
                                   "from the invoice (Credit note…)."));
            return FALSE;
          }
        invoice = creditable_invoice (self, cites->id, &remaining, error);
        if (invoice == NULL)
          return FALSE;
        if (g_date_compare (&document->issue_date, &invoice->issue_date) < 0)
          {
            g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                                 _("Issue date: a credit note cannot be dated before the invoice "
                                   "it corrects."));
            return FALSE;
          }
        /* Issue 13 item 4: the credit note takes the currency of its invoice. */
        if (!factures_currency_is_euro (document->currency) || !factures_currency_is_euro (invoice->currency))
          if (g_strcmp0 (document->currency, invoice->currency) != 0)
            {
              g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Currency: a credit note is in the currency of the invoice it corrects (%s)."),
                           factures_currency_is_euro (invoice->currency) ? "EUR" : invoice->currency);
              return FALSE;
            }
        if (!factures_document_compute_totals (document, &totals, error) ||
            !check_credit_amount (invoice->number, totals.gross_total, remaining, error))
          return FALSE;
      }
      break;

    case FACTURES_DOCUMENT_KIND_DEPOSIT:
    case FACTURES_DOCUMENT_KIND_INVOICE:
      if (cites != NULL)
        {
          gint decision = quote_decision (self, cites->id, NULL, error);

          if (decision == -2)
            return FALSE;
          if (decision != 1)
            {
              g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                           _("Quote: quote %s is not accepted."), cites->number);
              return FALSE;
            }
        }
      if (document->kind == FACTURES_DOCUMENT_KIND_INVOICE)
        {
          g_auto(FacturesTotals) totals = { NULL, };

          if (!factures_document_compute_totals (document, &totals, error))
            return FALSE;
          if (totals.amount_due < 0)
            {
              g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
                                   _("Deposits: the deposit invoices are above this invoice’s "
                                     "total."));
              return FALSE;
            }
        }
      break;

    default:
      break;
    }
  return TRUE;
}

gboolean
factures_store_lifecycle_canon (FacturesStore  *self,
                                gint64          id,
                                GString        *out,
                                GError        **error)
{
  g_autoptr(FacturesCachedStmt) stmt = NULL;
  int rc;

  stmt = factures_store_prepare_cached (self,
                                        "SELECT valid_until, conditions FROM quote_details WHERE document_id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *until = (const char *) sqlite3_column_text (stmt, 0);
      const char *conditions = (const char *) sqlite3_column_text (stmt, 1);

      g_string_append_printf (out, "valid_until=%s\n", until ? until : "");
      if (conditions != NULL)
        {
          g_autofree char *escaped = g_strescape (conditions, NULL);

          g_string_append_printf (out, "conditions=%s\n", escaped);
        }
    }
  g_clear_pointer (&stmt, factures_store_release_cached);

  stmt = factures_store_prepare_cached (self,
                                        "SELECT l.role, l.position, d.number FROM document_links l "
                                        "JOIN documents d ON d.id = l.target_id WHERE l.document_id = ?1 "
                                        "ORDER BY l.role, l.position, d.number",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *number = (const char *) sqlite3_column_text (stmt, 2);

      g_string_append_printf (out, "link=%s:%d:%s\n", (const char *) sqlite3_column_text (stmt, 0),
                              sqlite3_column_int (stmt, 1), number ? number : "");
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* ---- number series: factures-store-numbering.c (issue 10) ---- */

/* ---- JSON ---- */

gboolean
factures_store_lifecycle_export_document (FacturesStore  *self,
                                          JsonBuilder    *builder,
                                          gint64          id,
                                          GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = factures_store_prepare (self,
                                 "SELECT valid_until, conditions FROM quote_details WHERE document_id = ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      json_builder_set_member_name (builder, "quote");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "valid_until");
      json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 0));
      json_builder_set_member_name (builder, "conditions");
      if (sqlite3_column_type (stmt, 1) == SQLITE_NULL)
        json_builder_add_null_value (builder);
      else
        json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 1));
      json_builder_end_object (builder);
    }
  else if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = factures_store_prepare (self,
                                 "SELECT role, target_id, position FROM document_links "
                                 "WHERE document_id = ?1 ORDER BY role, position, target_id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  json_builder_set_member_name (builder, "links");
  json_builder_begin_array (builder);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 0));
      json_builder_set_member_name (builder, "target_id");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 1));
      json_builder_set_member_name (builder, "position");
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 2));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
factures_store_lifecycle_import_document (FacturesStore  *self,
                                          JsonObject     *object,
                                          gint64          new_id,
                                          gboolean        keep_ids,
                                          const char     *where,
                                          GError        **error)
{
  JsonNode *node;

  node = json_object_get_member (object, "quote");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      JsonObject *quote;
      const char *until = NULL;
      const char *conditions = NULL;
      GDate date;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        goto bad_quote;
      quote = json_node_get_object (node);
      if (json_object_has_member (quote, "valid_until") &&
          json_node_get_value_type (json_object_get_member (quote, "valid_until")) == G_TYPE_STRING)
        until = json_object_get_string_member (quote, "valid_until");
      if (until == NULL || !factures_date_parse_iso (until, &date, NULL))
        goto bad_quote;
      if (json_object_has_member (quote, "conditions") &&
          !json_object_get_null_member (quote, "conditions"))
        {
          if (json_node_get_value_type (json_object_get_member (quote, "conditions")) != G_TYPE_STRING)
            goto bad_quote;
          conditions = json_object_get_string_member (quote, "conditions");
        }

      stmt = factures_store_prepare (self,
                                     "INSERT INTO quote_details (document_id, valid_until, conditions) "
                                     "VALUES (?1, ?2, ?3)",
                                     error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, new_id);
      factures_sql_bind_text (stmt, 2, until);
      factures_sql_bind_text (stmt, 3, conditions);
      if (!factures_store_step_done (self, stmt, error))
        {
          g_prefix_error (error, "%s.quote: ", where);
          return FALSE;
        }
    }

  node = json_object_get_member (object, "links");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      JsonArray *links;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                       _("Invalid file: %s.links must be a list."), where);
          return FALSE;
        }
      links = json_node_get_array (node);
      /* Links cite issued documents, which only full imports (kept ids) carry. */
      if (!keep_ids && json_array_get_length (links) > 0)
        {
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_EMPTY,
                       _("This file holds documents that cite issued documents: it can only be "
                         "imported into an empty database."));
          return FALSE;
        }
      for (guint i = 0; i < json_array_get_length (links); i++)
        {
          JsonNode *element = json_array_get_element (links, i);
          JsonObject *link;
          const char *role;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            goto bad_link;
          link = json_node_get_object (element);
          if (!json_object_has_member (link, "role") || !json_object_has_member (link, "target_id") ||
              json_node_get_value_type (json_object_get_member (link, "role")) != G_TYPE_STRING ||
              json_node_get_value_type (json_object_get_member (link, "target_id")) != G_TYPE_INT64)
            goto bad_link;
          role = json_object_get_string_member (link, "role");
          if (!insert_link (self, new_id, role, json_object_get_int_member (link, "target_id"),
                            json_object_has_member (link, "position")
                              ? (gint) json_object_get_int_member (link, "position") : 0,
                            error))
            {
              g_prefix_error (error, "%s.links[%u]: ", where, i);
              return FALSE;
            }
          continue;

bad_link:
          g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
                       _("Invalid file: %s.links[%u] must be an object with “role” and "
                         "“target_id”."), where, i);
          return FALSE;
        }
    }
  return TRUE;

bad_quote:
  g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_FORMAT,
               _("Invalid file: %s.quote must be an object with a “valid_until” date."), where);
  return FALSE;
}
