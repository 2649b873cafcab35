/* factures-store-bank.c — bank accounts, imported movements, matches, credit-note refunds
 * (see factures-store-bank.h; tables of 0014-bank.sql)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <inttypes.h>
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "factures-currency.h"
#include "factures-store-bank.h"
#include "factures-store-private.h"
#include "factures-store-payments-private.h"
#include "factures-store-payments-impl-private.h"

/* Refunds of a credit note not cancelled (outer query's credit note: @doc). */
#define LIVE_REFUNDS(doc) \
  "(SELECT coalesce (sum (r.amount), 0) FROM credit_note_refunds r WHERE r.document_id = " doc \
  " AND NOT EXISTS (SELECT 1 FROM credit_note_refund_reversals v WHERE v.refund_id = r.id))"

/* A bank fee withheld above this part of the payment (basis points) is no fee. */
#define MAX_FEE_BP 500

/* ---- rows ---- */

FacturesBankEntry *
factures_bank_entry_new (void)
{
  FacturesBankEntry *entry = g_new0 (FacturesBankEntry, 1);

  g_date_clear (&entry->booking_date, 1);
  g_date_clear (&entry->value_date, 1);
  return entry;
}

void
factures_bank_entry_free (FacturesBankEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->account);
  g_free (entry->stable_id);
  g_free (entry->label);
  g_free (entry->counterparty);
  g_free (entry->reference);
  g_free (entry);
}

FacturesBankImportAccount *
factures_bank_import_account_new (const char *account,
                                  const char *currency)
{
  FacturesBankImportAccount *self = g_new0 (FacturesBankImportAccount, 1);

  self->account = g_strdup (account != NULL ? account : "");
  g_strlcpy (self->currency, currency != NULL ? currency : "", sizeof self->currency);
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_bank_entry_free);
  return self;
}

void
factures_bank_import_account_free (FacturesBankImportAccount *account)
{
  if (account == NULL)
    return;
  g_free (account->account);
  g_ptr_array_unref (account->entries);
  g_free (account);
}

void
factures_bank_open_document_free (FacturesBankOpenDocument *document)
{
  if (document == NULL)
    return;
  g_free (document->number);
  g_free (document->client_name);
  g_free (document->currency);
  g_free (document);
}

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, FACTURES_ERROR, FACTURES_ERROR_INVALID, message);
  return FALSE;
}

/* ---- accounts ---- */

/* The id of @account, created (EUR) when @create; 0 when absent (no error), −1 on error. */
static gint64
account_id (FacturesStore  *self,
            const char     *account,
            gboolean        create,
            GError        **error)
{
  g_autoptr(FacturesCachedStmt) select = NULL;
  g_autoptr(FacturesCachedStmt) insert = NULL;
  int rc;

  select = factures_store_prepare_cached (self, "SELECT id FROM bank_accounts WHERE account = ?1", error);
  if (select == NULL)
    return -1;
  sqlite3_bind_text (select, 1, account, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (select);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (select, 0);
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return -1;
    }
  if (!create)
    return 0;
  insert = factures_store_prepare_cached (self, "INSERT INTO bank_accounts (account, currency) VALUES (?1, 'EUR')",
                                          error);
  if (insert == NULL)
    return -1;
  sqlite3_bind_text (insert, 1, account, -1, SQLITE_TRANSIENT);
  if (!factures_store_step_done (self, insert, error))
    return -1;
  return sqlite3_last_insert_rowid (factures_store_get_db (self));
}

char *
factures_store_bank_get_csv_mapping (FacturesStore  *self,
                                     const char     *account,
                                     GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  stmt = factures_store_prepare (self, "SELECT csv_mapping FROM bank_accounts WHERE account = ?1", error);
  if (stmt == NULL)
    return NULL;
  factures_sql_bind_text (stmt, 1, account != NULL ? account : "");
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return factures_sql_col_dup (stmt, 0);
  if (rc != SQLITE_DONE)
    factures_store_set_db_error (self, error);
  return NULL;
}

gboolean
factures_store_bank_set_csv_mapping (FacturesStore  *self,
                                     const char     *account,
                                     const char     *mapping,
                                     GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  if (account == NULL || *account == '\0')
    return invalid (error, _("Account: say which bank account this statement belongs to."));
  if (!factures_store_begin (self, error))
    return FALSE;
  id = account_id (self, account, TRUE, error);
  if (id < 0)
    goto fail;
  stmt = factures_store_prepare (self, "UPDATE bank_accounts SET csv_mapping = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  factures_sql_bind_text (stmt, 2, mapping);
  if (!factures_store_step_done (self, stmt, error) || !factures_store_commit (self, error))
    goto fail;
  factures_store_emit_changed (self);
  return TRUE;

fail:
  factures_store_rollback (self);
  return FALSE;
}

/* ---- import ---- */

/* A statement imported again under another account (a mistyped --account, issue 16): refused
 * when more than half of its movements (not of 0) are already stored under one other account,
 * by the bank's id or by the same booking date, amount and label. */
static gboolean
check_known_elsewhere (FacturesStore                   *self,
                       const FacturesBankImportAccount *account,
                       GError                         **error)
{
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = 0, best_count = 0;
  const char *best = NULL;
  GHashTableIter iter;
  gpointer key, value;

  find = factures_store_prepare (self,
                                 "SELECT a.account FROM bank_transactions t JOIN bank_accounts a ON a.id = t.account_id "
                                 "WHERE a.account <> ?1 AND ((t.stable_id = ?2 AND ?2 NOT LIKE 'h:%') "
                                 "OR (t.booking_date = ?3 AND t.amount = ?4 AND t.label = ?5)) LIMIT 1",
                                 error);
  if (find == NULL)
    return FALSE;
  for (guint i = 0; i < account->entries->len; i++)
    {
      const FacturesBankEntry *entry = g_ptr_array_index (account->entries, i);
      int rc;

      if (entry->amount == 0)
        continue;
      n++;
      sqlite3_reset (find);
      sqlite3_bind_text (find, 1, account->account, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (find, 2, entry->stable_id, -1, SQLITE_TRANSIENT);
      factures_sql_bind_date (find, 3, &entry->booking_date);
      sqlite3_bind_int64 (find, 4, entry->amount);
      sqlite3_bind_text (find, 5, entry->label != NULL ? entry->label : "", -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (find);
      if (rc == SQLITE_ROW)
        {
          const char *other = (const char *) sqlite3_column_text (find, 0);
          gpointer count = g_hash_table_lookup (counts, other);

          g_hash_table_replace (counts, g_strdup (other), GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
        }
      else if (rc != SQLITE_DONE)
        return invalid (error, _("Account %s: the movements already stored cannot be read (%s)."),
                        account->account, sqlite3_errmsg (factures_store_get_db (self)));
    }
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best_count)
      best_count = GPOINTER_TO_UINT (value), best = key;
  if (best != NULL && best_count * 2 > n)
    return invalid (error, _("Account %s: %u of the %u movements of this statement were already imported under "
                             "the account %s; nothing imported (is the account mistyped?)."),
                    account->account, best_count, n, best);
  return TRUE;
}

gboolean
factures_store_bank_import (FacturesStore              *self,
                            GPtrArray                  *accounts,
                            GCancellable               *cancellable,
                            FacturesStoreBankProgress   progress,
                            gpointer                    progress_data,
                            guint                      *out_added,
                            guint                      *out_skipped,
                            GError                    **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  guint total = 0, done = 0, added = 0, skipped = 0;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (accounts != NULL, FALSE);

  /* Everything checked before anything is written. */
  for (guint a = 0; a < accounts->len; a++)
    {
      const FacturesBankImportAccount *account = g_ptr_array_index (accounts, a);

      if (account->account == NULL || *account->account == '\0')
        return invalid (error, _("Account: the statement does not say which account it is for; choose the account."));
      if (g_ascii_strcasecmp (account->currency, "EUR") != 0)
        return invalid (error, _("Account %s: the statement is in %s; Factures only imports accounts in euros."),
                        account->account, *account->currency ? account->currency : "?");
      for (guint i = 0; i < account->entries->len; i++)
        {
          const FacturesBankEntry *entry = g_ptr_array_index (account->entries, i);

          if (!g_date_valid (&entry->booking_date))
            return invalid (error, _("Account %s: movement %u has no booking date."), account->account, i + 1);
          if (entry->stable_id == NULL || *entry->stable_id == '\0')
            return invalid (error, _("Account %s: movement %u has no identifier."), account->account, i + 1);
          if (entry->kind < 0 || entry->kind > 6)
            return invalid (error, _("Account %s: movement %u is of an unknown kind."), account->account, i + 1);
        }
      total += account->entries->len;
      if (!check_known_elsewhere (self, account, error))
        return FALSE;
    }

  if (!factures_store_begin (self, error))
    return FALSE;
  insert = factures_store_prepare (self,
                                   "INSERT OR IGNORE INTO bank_transactions (account_id, stable_id, booking_date, "
                                   "value_date, amount, label, counterparty, reference, kind) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                   error);
  if (insert == NULL)
    goto fail;
  for (guint a = 0; a < accounts->len; a++)
    {
      const FacturesBankImportAccount *account = g_ptr_array_index (accounts, a);
      gint64 id = account_id (self, account->account, TRUE, error);

      if (id < 0)
        goto fail;
      for (guint i = 0; i < account->entries->len; i++)
        {
          const FacturesBankEntry *entry = g_ptr_array_index (account->entries, i);

          /* A movement of 0 (an information line) pays nothing: not kept. */
          if (entry->amount == 0)
            {
              skipped++;
              continue;
            }
          sqlite3_reset (insert);
          sqlite3_bind_int64 (insert, 1, id);
          sqlite3_bind_text (insert, 2, entry->stable_id, -1, SQLITE_TRANSIENT);
          factures_sql_bind_date (insert, 3, &entry->booking_date);
          factures_sql_bind_date (insert, 4, &entry->value_date);
          sqlite3_bind_int64 (insert, 5, entry->amount);
          sqlite3_bind_text (insert, 6, entry->label != NULL ? entry->label : "", -1, SQLITE_TRANSIENT);
          factures_sql_bind_text (insert, 7, entry->counterparty);
          factures_sql_bind_text (insert, 8, entry->reference);
          sqlite3_bind_int (insert, 9, entry->kind);
          if (!factures_store_step_done (self, insert, error))
            goto fail;
          if (sqlite3_changes (factures_store_get_db (self)) > 0)
            added++;
          else
            skipped++;
          done++;
          if ((done & 255) == 0)
            {
              if (g_cancellable_set_error_if_cancelled (cancellable, error))
                goto fail;
              if (progress != NULL)
                progress (done, total, progress_data);
            }
        }
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto fail;
  if (!factures_store_commit (self, error))
    goto fail;
  if (progress != NULL)
    progress (total, total, progress_data);
  if (added > 0)
    factures_store_emit_changed (self);
  if (out_added != NULL)
    *out_added = added;
  if (out_skipped != NULL)
    *out_skipped = skipped;
  return TRUE;

fail:
  factures_store_rollback (self);
  return FALSE;
}

/* ---- listing ---- */

#define ENTRY_COLUMNS \
  "t.id, t.account_id, a.account, t.stable_id, t.booking_date, t.value_date, t.amount, t.label, " \
  "t.counterparty, t.reference, t.kind, coalesce (s.action, 0), coalesce (s.payment_id, 0), " \
  "coalesce (s.refund_id, 0), coalesce (s.fee, 0) " \
  "FROM bank_transactions t JOIN bank_accounts a ON a.id = t.account_id " \
  "LEFT JOIN bank_transaction_state s ON s.transaction_id = t.id "

static FacturesBankEntry *
entry_from_stmt (sqlite3_stmt *stmt)
{
  FacturesBankEntry *entry = factures_bank_entry_new ();

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->account_id = sqlite3_column_int64 (stmt, 1);
  entry->account = factures_sql_col_dup (stmt, 2);
  entry->stable_id = factures_sql_col_dup (stmt, 3);
  factures_sql_col_date (stmt, 4, &entry->booking_date);
  factures_sql_col_date (stmt, 5, &entry->value_date);
  entry->amount = sqlite3_column_int64 (stmt, 6);
  entry->label = factures_sql_col_dup (stmt, 7);
  entry->counterparty = factures_sql_col_dup (stmt, 8);
  entry->reference = factures_sql_col_dup (stmt, 9);
  entry->kind = sqlite3_column_int (stmt, 10);
  entry->decision = (FacturesBankDecision) sqlite3_column_int (stmt, 11);
  entry->payment_id = sqlite3_column_int64 (stmt, 12);
  entry->refund_id = sqlite3_column_int64 (stmt, 13);
  entry->fee = sqlite3_column_int64 (stmt, 14);
  return entry;
}

GPtrArray *
factures_store_bank_list (FacturesStore           *self,
                          FacturesBankListFilter   filter,
                          gboolean                 latest_first,
                          GError                 **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_bank_entry_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  const char *where = "";
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  if (filter == FACTURES_BANK_LIST_UNDECIDED)
    where = "WHERE coalesce (s.action, 0) = 0 ";
  else if (filter == FACTURES_BANK_LIST_DECIDED)
    where = "WHERE coalesce (s.action, 0) <> 0 ";
  sql = g_strdup_printf ("SELECT " ENTRY_COLUMNS "%s ORDER BY t.booking_date %s, t.id %s", where,
                         latest_first ? "DESC" : "", latest_first ? "DESC" : "");
  stmt = factures_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_stmt (stmt));
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

FacturesBankEntry *
factures_store_bank_get (FacturesStore  *self,
                         gint64          id,
                         GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  stmt = factures_store_prepare (self, "SELECT " ENTRY_COLUMNS "WHERE t.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return entry_from_stmt (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND, _("No bank movement with id %" PRId64 "."), id);
  else
    factures_store_set_db_error (self, error);
  return NULL;
}

/* ---- decisions ---- */

static gboolean
insert_decision (FacturesStore         *self,
                 gint64                 id,
                 gint                   action,
                 gint64                 payment_id,
                 gint64                 refund_id,
                 gint64                 fee,
                 GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GDate today;

  factures_today (&today);
  stmt = factures_store_prepare (self,
                                 "INSERT INTO bank_matches (transaction_id, action, payment_id, refund_id, fee, date) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, action);
  if (payment_id != 0)
    sqlite3_bind_int64 (stmt, 3, payment_id);
  if (refund_id != 0)
    sqlite3_bind_int64 (stmt, 4, refund_id);
  sqlite3_bind_int64 (stmt, 5, fee);
  factures_sql_bind_date (stmt, 6, &today);
  return factures_store_step_done (self, stmt, error);
}

/* The movement @id, undecided; NULL with a French refusal otherwise. */
static FacturesBankEntry *
undecided (FacturesStore  *self,
           gint64          id,
           GError        **error)
{
  g_autoptr(FacturesBankEntry) entry = factures_store_bank_get (self, id, error);

  if (entry == NULL)
    return NULL;
  if (entry->decision != FACTURES_BANK_DECISION_NONE)
    {
      invalid (error, _("Bank movement %" PRId64 ": it is already matched or set aside; undo that first."), id);
      return NULL;
    }
  return g_steal_pointer (&entry);
}

gboolean
factures_store_bank_confirm_payment (FacturesStore        *self,
                                     gint64                id,
                                     FacturesPayment      *payment,
                                     gint64                fee,
                                     FacturesOverpayment   overpayment,
                                     GPtrArray           **out_warnings,
                                     GError              **error)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(FacturesBankEntry) entry = NULL;
  gint64 credited;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (payment != NULL, FALSE);

  if (!factures_store_begin (self, error))
    return FALSE;
  entry = undecided (self, id, error);
  if (entry == NULL)
    goto fail;
  if (entry->amount <= 0)
    {
      invalid (error, _("Bank movement %" PRId64 ": a debit pays no invoice."), id);
      goto fail;
    }
  /* issue 13 item 4: a payment of an invoice in another currency: the movement is its EUR amount */
  credited = payment->eur_amount > 0 ? payment->eur_amount : payment->amount;
  if (fee < 0 || fee * 10000 > credited * MAX_FEE_BP)
    {
      g_autofree char *text = factures_money_format (fee);

      invalid (error, _("Bank fee: %s is not a fee the bank could have withheld from this transfer."), text);
      goto fail;
    }
  if (credited != entry->amount + fee)
    {
      g_autofree char *paid = factures_money_format (credited);
      g_autofree char *received = factures_money_format (entry->amount);

      invalid (error, _("Amount: %s recorded for a credit of %s; the difference must be the bank fee."), paid, received);
      goto fail;
    }
  if (!factures_store_record_payment_in_transaction (self, payment, overpayment, warnings, error))
    goto fail;
  if (!insert_decision (self, id, FACTURES_BANK_DECISION_PAYMENT, payment->id, 0, fee, error))
    goto fail;
  if (!factures_store_commit (self, error))
    goto fail;
  factures_store_emit_changed (self);
  if (out_warnings != NULL)
    *out_warnings = g_steal_pointer (&warnings);
  return TRUE;

fail:
  factures_store_rollback (self);
  payment->id = 0;
  return FALSE;
}

gboolean
factures_store_bank_dismiss (FacturesStore  *self,
                             gint64          id,
                             GError        **error)
{
  g_autoptr(FacturesBankEntry) entry = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  if (!factures_store_begin (self, error))
    return FALSE;
  entry = undecided (self, id, error);
  if (entry == NULL)
    goto fail;
  if (!insert_decision (self, id, FACTURES_BANK_DECISION_DISMISSED, 0, 0, 0, error)
      || !factures_store_commit (self, error))
    goto fail;
  factures_store_emit_changed (self);
  return TRUE;

fail:
  factures_store_rollback (self);
  return FALSE;
}

static gboolean cancel_refund_in_transaction (FacturesStore  *self,
                                              gint64          refund_id,
                                              const GDate    *date,
                                              const char     *clean_reason,
                                              GError        **error);

gboolean
factures_store_bank_undo (FacturesStore  *self,
                          gint64          id,
                          const GDate    *date,
                          const char     *reason,
                          GError        **error)
{
  g_autoptr(FacturesBankEntry) entry = NULL;
  g_autofree char *clean_reason = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  /* The default reason is French whatever the interface language: it stays in the register. */
  clean_reason = factures_store_clean_reason (reason != NULL ? reason : "Rapprochement bancaire annulé", error);
  if (clean_reason == NULL)
    return FALSE;
  if (!factures_store_begin (self, error))
    return FALSE;
  entry = factures_store_bank_get (self, id, error);
  if (entry == NULL)
    goto fail;
  switch (entry->decision)
    {
    case FACTURES_BANK_DECISION_NONE:
      invalid (error, _("Bank movement %" PRId64 ": there is nothing to undo."), id);
      goto fail;
    case FACTURES_BANK_DECISION_PAYMENT:
      if (!factures_store_cancel_payment_in_transaction (self, entry->payment_id, date, clean_reason, error))
        goto fail;
      break;
    case FACTURES_BANK_DECISION_REFUND:
      if (!cancel_refund_in_transaction (self, entry->refund_id, date, clean_reason, error))
        goto fail;
      break;
    case FACTURES_BANK_DECISION_DISMISSED:
    default:
      break;
    }
  if (!insert_decision (self, id, 4, 0, 0, 0, error) || !factures_store_commit (self, error))
    goto fail;
  factures_store_emit_changed (self);
  return TRUE;

fail:
  factures_store_rollback (self);
  return FALSE;
}

/* ---- open documents ---- */

/* The unpaid part of the earliest instalment not paid in full (0 without a plan). */
static gint64
next_instalment (FacturesStore  *self,
                 gint64          document_id,
                 gint64          balance,
                 GError        **error)
{
  g_autoptr(FacturesCachedStmt) stmt = NULL;
  g_autoptr(GArray) amounts = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 sum = 0, settled, cumulative = 0;
  int rc;

  stmt = factures_store_prepare_cached (self, "SELECT amount FROM instalments WHERE document_id = ?1 ORDER BY number",
                                        error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 amount = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (amounts, amount);
      sum += amount;
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return -1;
    }
  if (amounts->len < 2)
    return 0;
  /* Payments fill the instalments in order (factures-store-payments.h). */
  settled = sum - balance;
  for (guint i = 0; i < amounts->len; i++)
    {
      cumulative += g_array_index (amounts, gint64, i);
      if (cumulative > settled)
        return MIN (cumulative - settled, balance);
    }
  return 0;
}

gint64
factures_store_get_refundable (FacturesStore  *self,
                               gint64          credit_note_id,
                               GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 gross, refunded, invoice_id, room;
  gint kind, status;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), -1);

  stmt = factures_store_prepare (self,
                                 "SELECT c.kind, c.status, c.gross_total, " LIVE_REFUNDS ("c.id") ", "
                                 "coalesce ((SELECT l.target_id FROM document_links l WHERE l.document_id = c.id "
                                 "           AND l.role = 'invoice' ORDER BY l.position LIMIT 1), 0) "
                                 "FROM documents c WHERE c.id = ?1",
                                 error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, credit_note_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND, _("No document with id %" PRId64 "."), credit_note_id);
      else
        factures_store_set_db_error (self, error);
      return -1;
    }
  kind = sqlite3_column_int (stmt, 0);
  status = sqlite3_column_int (stmt, 1);
  gross = sqlite3_column_int64 (stmt, 2);
  refunded = sqlite3_column_int64 (stmt, 3);
  invoice_id = sqlite3_column_int64 (stmt, 4);
  if (kind != FACTURES_DOCUMENT_KIND_CREDIT_NOTE || status != FACTURES_DOCUMENT_STATUS_ISSUED)
    {
      invalid (error, _("Credit note: only an issued credit note is refunded."));
      return -1;
    }
  room = gross - refunded;
  if (invoice_id != 0)
    {
      /* What the invoice's balance could not absorb (it is negative once over-credited), less
       * the refunds of every credit note of that invoice. */
      g_autoptr(sqlite3_stmt) invoice = NULL;

      invoice = factures_store_prepare (self,
                                        "SELECT -coalesce ((SELECT balance FROM document_summary WHERE document_id = ?1), 0) "
                                        "- (SELECT coalesce (sum (" LIVE_REFUNDS ("l.document_id") "), 0) "
                                        "   FROM document_links l WHERE l.target_id = ?1 AND l.role = 'invoice')",
                                        error);
      if (invoice == NULL)
        return -1;
      sqlite3_bind_int64 (invoice, 1, invoice_id);
      if (sqlite3_step (invoice) != SQLITE_ROW)
        {
          factures_store_set_db_error (self, error);
          return -1;
        }
      room = MIN (room, sqlite3_column_int64 (invoice, 0));
    }
  return MAX (room, 0);
}

GPtrArray *
factures_store_bank_open_documents (FacturesStore  *self,
                                    GError        **error)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_bank_open_document_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);

  stmt = factures_store_prepare (self,
                                 "SELECT d.id, d.kind, d.number, coalesce (d.client_id, 0), "
                                 "       coalesce (d.client_name, c.name, ''), d.issue_date, d.due_date, s.balance, "
                                 "       d.currency "
                                 "FROM document_summary s JOIN documents d ON d.id = s.document_id "
                                 "LEFT JOIN clients c ON c.id = d.client_id "
                                 "WHERE s.balance > 0 "
                                 "UNION ALL "
                                 "SELECT d.id, d.kind, d.number, coalesce (d.client_id, 0), "
                                 "       coalesce (d.client_name, c.name, ''), d.issue_date, d.due_date, 0, "
                                 "       d.currency "
                                 "FROM documents d LEFT JOIN clients c ON c.id = d.client_id "
                                 "WHERE d.kind = 381 AND d.status = 1 AND d.gross_total > " LIVE_REFUNDS ("d.id") " "
                                 "ORDER BY 6, 1",
                                 error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FacturesBankOpenDocument *document = g_new0 (FacturesBankOpenDocument, 1);

      document->document_id = sqlite3_column_int64 (stmt, 0);
      document->kind = sqlite3_column_int (stmt, 1);
      document->number = factures_sql_col_dup (stmt, 2);
      document->client_id = sqlite3_column_int64 (stmt, 3);
      document->client_name = factures_sql_col_dup (stmt, 4);
      factures_sql_col_date (stmt, 5, &document->issue_date);
      factures_sql_col_date (stmt, 6, &document->due_date);
      document->balance = sqlite3_column_int64 (stmt, 7);
      document->currency = factures_sql_col_dup (stmt, 8);
      if (factures_currency_is_euro (document->currency))
        g_clear_pointer (&document->currency, g_free);
      g_ptr_array_add (documents, document);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < documents->len; i++)
    {
      FacturesBankOpenDocument *document = g_ptr_array_index (documents, i);

      if (document->kind == FACTURES_DOCUMENT_KIND_CREDIT_NOTE)
        {
          document->balance = factures_store_get_refundable (self, document->document_id, error);
          if (document->balance < 0)
            return NULL;
        }
      else
        {
          document->next_instalment = next_instalment (self, document->document_id, document->balance, error);
          if (document->next_instalment < 0)
            return NULL;
        }
    }
  /* Credit notes with nothing left to refund (their invoice absorbed them) are not open. */
  for (guint i = documents->len; i > 0; i--)
    if (((FacturesBankOpenDocument *) g_ptr_array_index (documents, i - 1))->balance <= 0)
      g_ptr_array_remove_index (documents, i - 1);
  return g_steal_pointer (&documents);
}

/* ---- refunds ---- */

static gboolean
record_refund_in_transaction (FacturesStore          *self,
                              gint64                  credit_note_id,
                              const GDate            *date,
                              gint64                  amount,
                              FacturesPaymentMethod   method,
                              const char             *reference,
                              gint64                 *out_id,
                              GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean = NULL;
  GDate today;
  gint64 room;

  clean = factures_text_clean (reference, _("Reference"), FACTURES_MAX_SHORT, FALSE, error);
  if (clean == NULL)
    return FALSE;
  factures_today (&today);
  if (date == NULL || !g_date_valid (date))
    return invalid (error, _("Refund date: the date is missing or invalid."));
  if (g_date_compare (date, &today) > 0)
    {
      g_autofree char *text = factures_date_format_fr (date);

      return invalid (error, _("Refund date: %s is later than today."), text);
    }
  if ((guint) method >= FACTURES_N_PAYMENT_METHODS)
    return invalid (error, _("Payment method: unknown method."));
  if (amount <= 0)
    return invalid (error, _("Amount: a refund must be greater than zero."));
  /* Issue 13 item 4: the livre des recettes books a refund in euros; a refund of a credit note
   * in another currency has no EUR amount yet: deduct it from the client's next invoice. */
  {
    gint64 foreign = 0;

    if (!factures_store_pay_query_int64 (self, "SELECT currency IS NOT NULL FROM documents WHERE id = ?1",
                                         credit_note_id, &foreign, error))
      return FALSE;
    if (foreign)
      return invalid (error, _("Refund: the credit note is not in euros; a refund is recorded in euros only "
                               "(the livre des recettes). Deduct it from an invoice of the client instead."));
  }
  room = factures_store_get_refundable (self, credit_note_id, error);
  if (room < 0)
    return FALSE;
  if (amount > room)
    {
      g_autofree char *text = factures_money_format (amount);
      g_autofree char *left = factures_money_format (room);

      return invalid (error, _("Amount: %s is more than the %s left to refund on this credit note."), text, left);
    }
  stmt = factures_store_prepare (self,
                                 "INSERT INTO credit_note_refunds (document_id, date, amount, method, reference) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, credit_note_id);
  factures_sql_bind_date (stmt, 2, date);
  sqlite3_bind_int64 (stmt, 3, amount);
  sqlite3_bind_int (stmt, 4, method);
  factures_sql_bind_text (stmt, 5, *clean ? clean : NULL);
  if (!factures_store_step_done (self, stmt, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (factures_store_get_db (self));
  return TRUE;
}

gboolean
factures_store_record_refund (FacturesStore          *self,
                              gint64                  credit_note_id,
                              const GDate            *date,
                              gint64                  amount,
                              FacturesPaymentMethod   method,
                              const char             *reference,
                              gint64                 *out_id,
                              GError                **error)
{
  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  if (!factures_store_begin (self, error))
    return FALSE;
  if (!record_refund_in_transaction (self, credit_note_id, date, amount, method, reference, out_id, error)
      || !factures_store_commit (self, error))
    {
      factures_store_rollback (self);
      return FALSE;
    }
  factures_store_emit_changed (self);
  return TRUE;
}

static gboolean
cancel_refund_in_transaction (FacturesStore  *self,
                              gint64          refund_id,
                              const GDate    *date,
                              const char     *clean_reason,
                              GError        **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *paid_on = NULL;

  select = factures_store_prepare (self,
                                   "SELECT date, EXISTS (SELECT 1 FROM credit_note_refund_reversals WHERE refund_id = ?1) "
                                   "FROM credit_note_refunds WHERE id = ?1",
                                   error);
  if (select == NULL)
    return FALSE;
  sqlite3_bind_int64 (select, 1, refund_id);
  if (sqlite3_step (select) != SQLITE_ROW)
    {
      g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_NOT_FOUND, _("No refund with id %" PRId64 "."), refund_id);
      return FALSE;
    }
  paid_on = factures_sql_col_dup (select, 0);
  if (sqlite3_column_int (select, 1) != 0)
    return invalid (error, _("Refund %" PRId64 ": it is already cancelled."), refund_id);
  if (!factures_store_check_reversal_date (date, paid_on, error))
    return FALSE;
  stmt = factures_store_prepare (self,
                                 "INSERT INTO credit_note_refund_reversals (refund_id, date, reason) VALUES (?1, ?2, ?3)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, refund_id);
  factures_sql_bind_date (stmt, 2, date);
  sqlite3_bind_text (stmt, 3, clean_reason, -1, SQLITE_TRANSIENT);
  return factures_store_step_done (self, stmt, error);
}

gboolean
factures_store_cancel_refund (FacturesStore  *self,
                              gint64          refund_id,
                              const GDate    *date,
                              const char     *reason,
                              GError        **error)
{
  g_autofree char *clean_reason = NULL;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  clean_reason = factures_store_clean_reason (reason, error);
  if (clean_reason == NULL)
    return FALSE;
  if (!factures_store_begin (self, error))
    return FALSE;
  if (!cancel_refund_in_transaction (self, refund_id, date, clean_reason, error)
      || !factures_store_commit (self, error))
    {
      factures_store_rollback (self);
      return FALSE;
    }
  factures_store_emit_changed (self);
  return TRUE;
}

gboolean
factures_store_bank_confirm_refund (FacturesStore          *self,
                                    gint64                  id,
                                    gint64                  credit_note_id,
                                    FacturesPaymentMethod   method,
                                    GError                **error)
{
  g_autoptr(FacturesBankEntry) entry = NULL;
  gint64 refund_id = 0;

  g_return_val_if_fail (FACTURES_IS_STORE (self), FALSE);

  if (!factures_store_begin (self, error))
    return FALSE;
  entry = undecided (self, id, error);
  if (entry == NULL)
    goto fail;
  if (entry->amount >= 0)
    {
      invalid (error, _("Bank movement %" PRId64 ": a credit refunds no credit note."), id);
      goto fail;
    }
  if (!record_refund_in_transaction (self, credit_note_id, &entry->booking_date, -entry->amount, method,
                                     entry->reference, &refund_id, error)
      || !insert_decision (self, id, FACTURES_BANK_DECISION_REFUND, 0, refund_id, 0, error)
      || !factures_store_commit (self, error))
    goto fail;
  factures_store_emit_changed (self);
  return TRUE;

fail:
  factures_store_rollback (self);
  return FALSE;
}
