/* test-store-changes.c — "item-changed" says which document or client a write changed
 * (issue 12 item 2): a payment names its invoice and client, not "everything"; an import or
 * a ladder change says "everything"; a refused write leaves nothing behind for the next.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "factures-rows.h"
#include "factures-sql-list-model.h"
#include "factures-store.h"
#include "factures-store-payments.h"
#include "store-test-util.h"

typedef struct {
  GArray *documents;   /* gint64 */
  GArray *clients;
  guint   everything;
  guint   changed;     /* "changed" signals */
  guint   pending;     /* "item-changed" since the last "changed" */
} Seen;

static void
on_item_changed (FacturesStore *store,
                 guint          kind,
                 gint64         id,
                 Seen          *seen)
{
  /* "item-changed" comes before the "changed" of the same write */
  seen->pending++;
  if (kind == FACTURES_STORE_CHANGE_DOCUMENT)
    g_array_append_val (seen->documents, id);
  else if (kind == FACTURES_STORE_CHANGE_CLIENT)
    g_array_append_val (seen->clients, id);
  else
    {
      g_assert_cmpint (id, ==, 0);
      seen->everything++;
    }
}

static void
on_changed (FacturesStore *store,
            Seen          *seen)
{
  g_assert_cmpuint (seen->pending, >, 0);
  seen->pending = 0;
  seen->changed++;
}

static void
reset (Seen *seen)
{
  g_array_set_size (seen->documents, 0);
  g_array_set_size (seen->clients, 0);
  seen->everything = 0;
  seen->changed = 0;
}

static gboolean
has (GArray *array,
     gint64  id)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static void
test_item_changed (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_db_path (dir);
  g_autoptr (FacturesStore) store = NULL;
  g_autoptr (FacturesProfile) profile = store_test_profile ();
  g_autoptr (FacturesClient) client = store_test_client ("Atelier Dupont SARL");
  g_autoptr (FacturesClient) other = store_test_client ("Boulangerie Martin");
  g_autoptr (FacturesDocument) draft = NULL;
  g_autoptr (FacturesDocument) issued = NULL;
  g_autoptr (FacturesPayment) payment = factures_payment_new ();
  g_autoptr (FacturesPayment) refused = factures_payment_new ();
  g_autoptr (FacturesDunningLadder) ladder = NULL;
  g_autoptr (GError) error = NULL;
  Seen seen = { g_array_new (FALSE, FALSE, sizeof (gint64)), g_array_new (FALSE, FALSE, sizeof (gint64)), 0, 0, 0 };
  GDate today;

  store = factures_store_open (path, &error);
  g_assert_no_error (error);
  g_signal_connect (store, "item-changed", G_CALLBACK (on_item_changed), &seen);
  g_signal_connect (store, "changed", G_CALLBACK (on_changed), &seen);

  /* the profile: every view depends on it */
  g_assert_true (factures_store_save_profile (store, profile, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen.everything, ==, 1);
  g_assert_cmpuint (seen.documents->len + seen.clients->len, ==, 0);
  g_assert_cmpuint (seen.changed, ==, 1);

  /* a client: that client only */
  reset (&seen);
  g_assert_true (factures_store_save_client (store, client, &error));
  g_assert_true (factures_store_save_client (store, other, &error));
  reset (&seen);
  g_free (client->notes);
  client->notes = g_strdup ("Villeurbanne");
  g_assert_true (factures_store_save_client (store, client, &error));
  g_assert_cmpuint (seen.everything, ==, 0);
  g_assert_cmpuint (seen.clients->len, ==, 1);
  g_assert_cmpint (g_array_index (seen.clients, gint64, 0), ==, client->id);
  g_assert_cmpuint (seen.documents->len, ==, 0);

  /* a draft, then its issue: that document (and its client) */
  reset (&seen);
  draft = store_test_draft (client->id, "2026-01-10", 2);
  g_assert_true (factures_store_save_draft (store, draft, &error));
  g_assert_cmpuint (seen.everything, ==, 0);
  g_assert_true (has (seen.documents, draft->id));
  g_assert_cmpuint (seen.documents->len, ==, 1);
  g_assert_false (has (seen.clients, other->id));
  reset (&seen);
  issued = factures_store_issue (store, draft->id, store_test_render, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen.everything, ==, 0);
  g_assert_true (has (seen.documents, issued->id));
  g_assert_cmpuint (seen.documents->len, ==, 1);
  g_assert_false (has (seen.clients, other->id));

  /* a payment: its invoice and its client, nothing else */
  reset (&seen);
  g_date_set_dmy (&payment->date, 20, G_DATE_JANUARY, 2026);
  payment->amount = 5000;
  payment->method = FACTURES_PAYMENT_METHOD_TRANSFER;
  factures_payment_add_allocation (payment, issued->id, 0);
  g_assert_true (factures_store_record_payment (store, payment, FACTURES_OVERPAYMENT_KEEP_CREDIT, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen.everything, ==, 0);
  g_assert_cmpuint (seen.documents->len, ==, 1);
  g_assert_cmpint (g_array_index (seen.documents, gint64, 0), ==, issued->id);
  g_assert_cmpuint (seen.clients->len, ==, 1);
  g_assert_cmpint (g_array_index (seen.clients, gint64, 0), ==, client->id);
  g_assert_cmpuint (seen.changed, ==, 1);

  /* a dunning step: that invoice */
  reset (&seen);
  g_date_set_dmy (&today, 15, G_DATE_APRIL, 2026);
  g_assert_true (factures_store_set_dispute (store, issued->id, TRUE, "test", &today, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen.everything, ==, 0);
  g_assert_true (has (seen.documents, issued->id));
  g_assert_cmpuint (seen.documents->len, ==, 1);

  /* a refused write (cash above the limit) leaves nothing for the next write to report */
  reset (&seen);
  g_date_set_dmy (&refused->date, 21, G_DATE_JANUARY, 2026);
  refused->amount = 10;
  refused->method = FACTURES_PAYMENT_METHOD_TRANSFER;
  factures_payment_add_allocation (refused, issued->id + 1000, 0);
  g_assert_false (factures_store_record_payment (store, refused, FACTURES_OVERPAYMENT_KEEP_CREDIT, NULL, &error));
  g_clear_error (&error);
  g_assert_cmpuint (seen.changed, ==, 0);
  g_free (other->notes);
  other->notes = g_strdup ("Lyon");
  g_assert_true (factures_store_save_client (store, other, &error));
  g_assert_cmpuint (seen.everything, ==, 0);
  g_assert_cmpuint (seen.documents->len, ==, 0);
  g_assert_cmpuint (seen.clients->len, ==, 1);
  g_assert_cmpint (g_array_index (seen.clients, gint64, 0), ==, other->id);

  /* a ladder: every invoice of the category may change: everything */
  reset (&seen);
  ladder = factures_store_get_ladder (store, FACTURES_CLIENT_CATEGORY_COMPANY, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_save_ladder (store, ladder, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen.everything, ==, 1);
  g_assert_cmpuint (seen.documents->len + seen.clients->len, ==, 0);

  g_array_unref (seen.documents);
  g_array_unref (seen.clients);
  g_clear_object (&store);
  store_test_remove_dir (dir);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *calls)
{
  guint call[3] = { position, removed, added };

  g_array_append_vals (calls, call, 3);
}

/* A lazy list reads one changed row again, in place, and takes out a row that left it, both
 * without sorting again (issue 12 item 2). */
static void
test_list_refresh_id (void)
{
  g_autofree char *dir = store_test_make_dir ();
  g_autofree char *path = store_test_db_path (dir);
  g_autoptr (FacturesStore) store = NULL;
  g_autoptr (FacturesProfile) profile = store_test_profile ();
  g_autoptr (FacturesClient) client = store_test_client ("Atelier Dupont SARL");
  g_autoptr (GListModel) model = NULL;
  g_autoptr (GArray) calls = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GError) error = NULL;
  gint64 ids[3];

  store = factures_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_save_profile (store, profile, &error));
  g_assert_true (factures_store_save_client (store, client, &error));
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-01-1%u", i);
      g_autoptr (FacturesDocument) draft = store_test_draft (client->id, date, i + 1);

      g_assert_true (factures_store_save_draft (store, draft, &error));
      ids[i] = draft->id;
    }
  /* oldest first: ids[0], ids[1], ids[2] */
  model = factures_store_list_documents (store, NULL, FACTURES_DOCUMENT_SORT_DATE, FALSE);
  g_assert_true (FACTURES_IS_SQL_LIST_MODEL (model));
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), calls);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  /* the middle one gets more lines: read again at its place, a new item with its new total */
  {
    g_autoptr (FacturesDocumentRow) before = g_list_model_get_item (model, 1);
    g_autoptr (FacturesDocumentRow) after = NULL;
    g_autoptr (FacturesDocument) bigger = store_test_draft (client->id, "2026-01-11", 5);

    bigger->id = ids[1];
    g_assert_true (factures_store_save_draft (store, bigger, &error));
    g_assert_no_error (error);
    g_assert_true (factures_sql_list_model_refresh_id (FACTURES_SQL_LIST_MODEL (model), ids[1]));
    g_assert_cmpuint (calls->len, ==, 3);
    g_assert_cmpuint (g_array_index (calls, guint, 0), ==, 1);
    g_assert_cmpuint (g_array_index (calls, guint, 1), ==, 1);
    g_assert_cmpuint (g_array_index (calls, guint, 2), ==, 1);
    after = g_list_model_get_item (model, 1);
    g_assert_true (after != before);
    g_assert_cmpint (factures_document_row_get_id (after), ==, ids[1]);
    g_assert_cmpint (factures_document_row_get_total (after), >, factures_document_row_get_total (before));
  }
  /* not in the model, or gone: FALSE (recreate it) */
  g_assert_false (factures_sql_list_model_refresh_id (FACTURES_SQL_LIST_MODEL (model), ids[2] + 100));
  g_assert_true (factures_store_delete_draft (store, ids[2], &error));
  g_assert_false (factures_sql_list_model_refresh_id (FACTURES_SQL_LIST_MODEL (model), ids[2]));

  /* taken out without sorting again */
  g_array_set_size (calls, 0);
  g_assert_true (factures_sql_list_model_remove_id (FACTURES_SQL_LIST_MODEL (model), ids[0]));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpuint (calls->len, ==, 3);
  g_assert_cmpuint (g_array_index (calls, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (calls, guint, 1), ==, 1);
  g_assert_cmpuint (g_array_index (calls, guint, 2), ==, 0);
  {
    g_autoptr (FacturesDocumentRow) first = g_list_model_get_item (model, 0);

    g_assert_cmpint (factures_document_row_get_id (first), ==, ids[1]);
  }
  g_assert_cmpuint (factures_sql_list_model_find_id (FACTURES_SQL_LIST_MODEL (model), ids[0]), ==, G_MAXUINT);
  g_assert_false (factures_sql_list_model_remove_id (FACTURES_SQL_LIST_MODEL (model), ids[0]));

  g_clear_object (&model);
  g_clear_object (&store);
  store_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_setenv ("FACTURES_TODAY", "2026-04-15", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store-changes/item-changed", test_item_changed);
  g_test_add_func ("/store-changes/list-refresh-id", test_list_refresh_id);
  return g_test_run ();
}
