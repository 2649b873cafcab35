/* test-store-lists.c — lazy list models: count, pages, sort, search, overdue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "factures-rows.h"
#include "factures-store.h"
#include "store-test-util.h"

typedef struct {
  char          *dir;
  FacturesStore *store;
  gint64         clients[4];
} Fixture;

static const char *client_names[] = { "Émile Zola", "alice martin", "Bob 100% Bio", "Œuvres d'art SARL" };
static const char *client_cities[] = { "Paris", "Brest", "Annecy", "Lyon" };

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesProfile) profile = store_test_profile ();
  g_autofree char *path = NULL;

  g_setenv ("FACTURES_TODAY", "2026-06-15", TRUE);
  fixture->dir = store_test_make_fast_dir ();
  path = store_test_db_path (fixture->dir);
  fixture->store = factures_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_save_profile (fixture->store, profile, &error));

  for (guint i = 0; i < G_N_ELEMENTS (client_names); i++)
    {
      g_autoptr(FacturesClient) client = store_test_client (client_names[i]);

      g_free (client->party.city);
      client->party.city = g_strdup (client_cities[i]);
      client->category = i % 2 ? FACTURES_CLIENT_CATEGORY_INDIVIDUAL : FACTURES_CLIENT_CATEGORY_COMPANY;
      g_assert_true (factures_store_save_client (fixture->store, client, &error));
      g_assert_no_error (error);
      fixture->clients[i] = client->id;
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  store_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_unsetenv ("FACTURES_TODAY");
}

static char **
client_list_names (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  char **names = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FacturesClientRow) row = g_list_model_get_item (model, i);

      names[i] = g_strdup (factures_client_row_get_name (row));
    }
  return names;
}

static void
test_clients (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GListModel) model = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *joined = NULL;

  model = factures_store_list_clients (fixture->store, NULL, FACTURES_CLIENT_SORT_NAME, FALSE);
  g_assert_true (g_list_model_get_item_type (model) == FACTURES_TYPE_CLIENT_ROW);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  g_assert_null (g_list_model_get_item (model, 4));
  names = client_list_names (model);
  joined = g_strjoinv ("|", names);
  /* Case and accents do not matter: alice, Bob, Émile, Œuvres. */
  g_assert_cmpstr (joined, ==, "alice martin|Bob 100% Bio|Émile Zola|Œuvres d'art SARL");
  g_clear_object (&model);
  g_clear_pointer (&names, g_strfreev);
  g_clear_pointer (&joined, g_free);

  model = factures_store_list_clients (fixture->store, NULL, FACTURES_CLIENT_SORT_NAME, TRUE);
  names = client_list_names (model);
  joined = g_strjoinv ("|", names);
  g_assert_cmpstr (joined, ==, "Œuvres d'art SARL|Émile Zola|Bob 100% Bio|alice martin");
  g_clear_object (&model);
  g_clear_pointer (&names, g_strfreev);
  g_clear_pointer (&joined, g_free);

  model = factures_store_list_clients (fixture->store, NULL, FACTURES_CLIENT_SORT_CITY, FALSE);
  names = client_list_names (model);
  joined = g_strjoinv ("|", names);
  g_assert_cmpstr (joined, ==, "Bob 100% Bio|alice martin|Œuvres d'art SARL|Émile Zola");
  g_clear_object (&model);
  g_clear_pointer (&names, g_strfreev);
  g_clear_pointer (&joined, g_free);

  /* Search: case- and accent-insensitive, in name, city, e-mail, SIREN; % is literal. */
  {
    const struct { const char *search; guint count; } cases[] = {
      { "EMILE", 1 }, { "émile", 1 }, { "oeuvres", 1 }, { "œuvres", 1 }, { "ŒUVRES", 1 }, { "brest", 1 },
      { "100%", 1 }, { "%", 1 }, { "_", 0 }, { "552081", 4 }, { "example.com", 4 },
      { "zzz", 0 }, { "   ", 4 }, { "", 4 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(GListModel) found = factures_store_list_clients (fixture->store, cases[i].search,
                                                                   FACTURES_CLIENT_SORT_NAME, FALSE);

        g_test_message ("search “%s”", cases[i].search);
        g_assert_cmpuint (g_list_model_get_n_items (found), ==, cases[i].count);
      }
  }
}

static gint64
add_document (Fixture              *fixture,
              guint                 client,
              const char           *date,
              FacturesDocumentKind  kind,
              guint                 n_lines,
              gboolean              issue)
{
  g_autoptr(FacturesDocument) draft = store_test_draft (fixture->clients[client], date, n_lines);
  g_autoptr(GError) error = NULL;

  draft->kind = kind;
  g_assert_true (factures_store_save_draft (fixture->store, draft, &error));
  g_assert_no_error (error);
  if (issue)
    {
      g_autoptr(FacturesDocument) issued = factures_store_issue (fixture->store, draft->id,
                                                                 store_test_render, NULL, &error);
      g_assert_no_error (error);
    }
  return draft->id;
}

static void
test_overdue_and_outstanding (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GListModel) overdue = NULL;
  g_autoptr(GListModel) documents = NULL;
  g_autoptr(GListModel) clients = NULL;
  g_autoptr(FacturesDocumentRow) first = NULL;
  g_autoptr(FacturesDocumentRow) second = NULL;
  GDate today;

  /* Profile terms: 30 days. Today: 2026-06-15. */
  add_document (fixture, 0, "2026-04-01", FACTURES_DOCUMENT_KIND_INVOICE, 1, TRUE);  /* due 05-01: 45 days late */
  add_document (fixture, 1, "2026-04-10", FACTURES_DOCUMENT_KIND_DEPOSIT, 2, TRUE);  /* due 05-10: 36 days late */
  add_document (fixture, 0, "2026-04-10", FACTURES_DOCUMENT_KIND_QUOTE, 1, TRUE);    /* quotes are never late */
  add_document (fixture, 2, "2026-05-20", FACTURES_DOCUMENT_KIND_INVOICE, 3, TRUE);  /* due 06-19: not late */
  add_document (fixture, 3, "2026-03-01", FACTURES_DOCUMENT_KIND_INVOICE, 1, FALSE); /* a draft is never late */

  overdue = factures_store_list_overdue (fixture->store, NULL, FACTURES_DOCUMENT_SORT_DAYS_LATE, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (overdue), ==, 2);
  first = g_list_model_get_item (overdue, 0);
  second = g_list_model_get_item (overdue, 1);
  g_assert_cmpstr (factures_document_row_get_number (first), ==, "F2026-0001");
  g_assert_cmpint (factures_document_row_get_days_late (first), ==, 45);
  g_assert_cmpint (factures_document_row_get_balance (first), ==, 10000);
  g_assert_cmpstr (factures_document_row_get_client_name (first), ==, "Émile Zola");
  g_assert_cmpstr (factures_document_row_get_due_date (first), ==, "2026-05-01");
  g_assert_cmpstr (factures_document_row_get_number (second), ==, "F2026-0002");
  g_assert_cmpint (factures_document_row_get_days_late (second), ==, 36);
  g_assert_cmpint (factures_document_row_get_kind (second), ==, FACTURES_DOCUMENT_KIND_DEPOSIT);
  g_assert_cmpint (factures_document_row_get_balance (second), ==, 20000);

  /* With an explicit day: on 2026-06-20 the third invoice is late too. */
  g_date_set_dmy (&today, 20, G_DATE_JUNE, 2026);
  g_clear_object (&overdue);
  overdue = factures_store_list_overdue (fixture->store, &today, FACTURES_DOCUMENT_SORT_DUE, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (overdue), ==, 3);
  /* Issue 12: the badge's count, without the list, counts the same invoices (the quote, the
   * draft and the invoice not yet due left out) */
  {
    guint count = 0;
    GDate before = today;

    g_assert_true (factures_store_count_overdue (fixture->store, &today, &count, NULL));
    g_assert_cmpuint (count, ==, 3);
    g_date_subtract_days (&before, 5);
    g_assert_true (factures_store_count_overdue (fixture->store, &before, &count, NULL));
    g_assert_cmpuint (count, ==, 2);
  }
  {
    g_autoptr(FacturesDocumentRow) last = g_list_model_get_item (overdue, 2);
    g_assert_cmpstr (factures_document_row_get_number (last), ==, "F2026-0003");
    g_assert_cmpint (factures_document_row_get_days_late (last), ==, 1);
  }

  /* All documents, by total descending; the draft has its computed total. */
  documents = factures_store_list_documents (fixture->store, NULL, FACTURES_DOCUMENT_SORT_TOTAL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 5);
  {
    g_autoptr(FacturesDocumentRow) top = g_list_model_get_item (documents, 0);
    g_autoptr(FacturesDocumentRow) bottom = g_list_model_get_item (documents, 4);

    g_assert_cmpint (factures_document_row_get_total (top), ==, 30000);
    g_assert_cmpint (factures_document_row_get_days_late (top), ==, 0);
    g_assert_cmpint (factures_document_row_get_total (bottom), ==, 10000);
  }
  /* Search by number and by client name. */
  {
    g_autoptr(GListModel) found = factures_store_list_documents (fixture->store, "f2026-000",
                                                                 FACTURES_DOCUMENT_SORT_NUMBER, FALSE);
    g_autoptr(GListModel) by_client = factures_store_list_documents (fixture->store, "emile",
                                                                     FACTURES_DOCUMENT_SORT_DATE, FALSE);
    g_autoptr(GListModel) drafts_client = factures_store_list_documents (fixture->store, "oeuvres",
                                                                         FACTURES_DOCUMENT_SORT_DATE, FALSE);
    g_autoptr(GListModel) quote = factures_store_list_documents (fixture->store, "D2026",
                                                                 FACTURES_DOCUMENT_SORT_DATE, FALSE);

    g_assert_cmpuint (g_list_model_get_n_items (found), ==, 3);
    g_assert_cmpuint (g_list_model_get_n_items (by_client), ==, 2);
    g_assert_cmpuint (g_list_model_get_n_items (drafts_client), ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (quote), ==, 1);
  }

  /* Outstanding per client: invoices and deposits only. */
  clients = factures_store_list_clients (fixture->store, NULL, FACTURES_CLIENT_SORT_OUTSTANDING, TRUE);
  {
    g_autoptr(FacturesClientRow) top = g_list_model_get_item (clients, 0);
    g_autoptr(FacturesClientRow) last = g_list_model_get_item (clients, 3);

    g_assert_cmpstr (factures_client_row_get_name (top), ==, "Bob 100% Bio");
    g_assert_cmpint (factures_client_row_get_outstanding (top), ==, 30000);
    g_assert_cmpint (factures_client_row_get_outstanding (last), ==, 0);
  }
  {
    g_autoptr(GListModel) by_name = factures_store_list_clients (fixture->store, "emile", FACTURES_CLIENT_SORT_NAME, FALSE);
    g_autoptr(FacturesClientRow) emile = g_list_model_get_item (by_name, 0);
    gint64 outstanding = 0;

    g_object_get (emile, "outstanding", &outstanding, NULL);
    g_assert_cmpint (outstanding, ==, 10000);
  }
}

static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GListModel) reversed = NULL;
  g_autofree char *previous = NULL;
  const guint total = 450;

  for (guint i = 0; i < total; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-%02u-%02u", 1 + i % 12, 1 + i % 28);

      add_document (fixture, i % 4, date, FACTURES_DOCUMENT_KIND_INVOICE, 1 + i % 3, FALSE);
    }

  model = factures_store_list_documents (fixture->store, NULL, FACTURES_DOCUMENT_SORT_DATE, FALSE);
  reversed = factures_store_list_documents (fixture->store, NULL, FACTURES_DOCUMENT_SORT_DATE, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, total);
  g_assert_null (g_list_model_get_item (model, total));

  /* Every item, across three pages, in order; the reverse model mirrors it. */
  for (guint i = 0; i < total; i++)
    {
      g_autoptr(FacturesDocumentRow) row = g_list_model_get_item (model, i);
      g_autoptr(FacturesDocumentRow) mirror = g_list_model_get_item (reversed, total - 1 - i);
      const char *date = factures_document_row_get_issue_date (row);

      g_assert_nonnull (row);
      g_assert_cmpint (factures_document_row_get_id (row), ==, factures_document_row_get_id (mirror));
      if (previous != NULL)
        g_assert_cmpstr (previous, <=, date);
      g_free (previous);
      previous = g_strdup (date);
    }

  /* Client sort: by folded name. */
  {
    g_autoptr(GListModel) by_client = factures_store_list_documents (fixture->store, NULL,
                                                                     FACTURES_DOCUMENT_SORT_CLIENT, FALSE);
    g_autoptr(FacturesDocumentRow) head = g_list_model_get_item (by_client, 0);
    g_autoptr(FacturesDocumentRow) tail = g_list_model_get_item (by_client, total - 1);

    g_assert_cmpstr (factures_document_row_get_client_name (head), ==, "alice martin");
    g_assert_cmpstr (factures_document_row_get_client_name (tail), ==, "Œuvres d'art SARL");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/lists/clients", test_clients);
  ADD ("/store/lists/overdue-outstanding", test_overdue_and_outstanding);
  ADD ("/store/lists/pages", test_pages);
#undef ADD

  return g_test_run ();
}
