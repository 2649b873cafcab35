/* factures-store-facturx-drafts.c — drafts made from an imported invoice (issue 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "factures-store-facturx-drafts.h"
#include "factures-store-private.h"

/* The note factures_store_import_draft() writes (factures-store-facturx.c); kept in French
 * in the data, like every text printed on a document. */
#define IMPORT_NOTE_PREFIX "Reprise de la facture "

/**
 * factures_store_find_import_drafts:
 * (see factures-store-facturx-drafts.h)
 */
GArray *
factures_store_find_import_drafts (FacturesStore  *self,
                                   const char     *number,
                                   GError        **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *exact = g_strconcat (IMPORT_NOTE_PREFIX, number, NULL);
  g_autofree char *with_seller = g_strconcat (IMPORT_NOTE_PREFIX, number, " de ", NULL);
  /* No LIKE: a number may hold '%' or '_'. */
  g_autoptr(sqlite3_stmt) stmt = factures_store_prepare (self,
    "SELECT id FROM documents WHERE status = 0 "
    "AND (notes = ?1 OR substr (notes, 1, length (?2)) = ?2) ORDER BY id DESC", error);
  int rc;

  g_return_val_if_fail (FACTURES_IS_STORE (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, exact, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, with_seller, -1, SQLITE_TRANSIENT);
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
  return g_steal_pointer (&ids);
}
