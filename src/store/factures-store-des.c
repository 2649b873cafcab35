/* factures-store-des.c — the documents of a month's DES (see factures-store-des.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-store-des.h"
#include "factures-store-private.h"

/* The date that puts a document in a month of the DES, as SQL: the same rule as
 * factures_des_operation_date() (art. 289 B CGI: the month the VAT became chargeable). */
#define DES_DATE "CASE WHEN d.kind = 381 THEN d.issue_date ELSE coalesce (d.delivery_date, d.issue_date) END"
#define DES_DOCUMENTS "FROM documents d WHERE d.status = 1 AND d.kind IN (380, 381, 386) " \
  "AND EXISTS (SELECT 1 FROM lines l WHERE l.document_id = d.id AND l.vat_category = 'AE') "

GPtrArray *
factures_store_des_month (FacturesStore  *self,
                          guint           year,
                          guint           month,
                          GError        **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_des_entry_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *key = g_strdup_printf ("%04u-%02u", year, month);
  int rc;

  stmt = factures_store_prepare (self,
                                 "SELECT d.id " DES_DOCUMENTS
                                 "AND substr (" DES_DATE ", 1, 7) = ?1 ORDER BY d.chain_seq", error);
  if (stmt == NULL)
    return NULL;
  factures_sql_bind_text (stmt, 1, key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(FacturesDocument) document = factures_store_get_document (self, g_array_index (ids, gint64, i),
                                                                          error);
      g_autoptr(GPtrArray) deposits = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_document_free);
      gint64 cents;

      if (document == NULL)
        return NULL;
      for (guint j = 0; document->deposits != NULL && j < document->deposits->len; j++)
        {
          const FacturesDocumentRef *ref = g_ptr_array_index (document->deposits, j);
          FacturesDocument *deposit = factures_store_get_document (self, ref->id, error);

          if (deposit == NULL)
            return NULL;
          g_ptr_array_add (deposits, deposit);
        }
      if (!factures_des_document_base (document, deposits, &cents, error))
        return NULL;
      factures_des_add (entries, document, cents);
    }
  return g_steal_pointer (&entries);
}

gboolean
factures_store_des_months (FacturesStore  *self,
                           GPtrArray      *months,
                           GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = factures_store_prepare (self,
                                 "SELECT DISTINCT substr (" DES_DATE ", 1, 7) " DES_DOCUMENTS "ORDER BY 1",
                                 error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (months, factures_sql_col_dup (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      factures_store_set_db_error (self, error);
      return FALSE;
    }
  return TRUE;
}
