/* bank-test-util.c — see bank-test-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "bank-test-util.h"

#define ACCOUNT "FR7630006000011234567890189"

void
bank_fixture_set_up (BankFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesProfile) profile = store_test_profile ();

  g_setenv ("FACTURES_TODAY", "2026-12-01", TRUE);
  f->dir = store_test_make_fast_dir ();
  f->path = store_test_db_path (f->dir);
  f->store = factures_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (factures_store_save_profile (f->store, profile, &error));
  g_assert_no_error (error);
}

void
bank_fixture_tear_down (BankFixture *f)
{
  g_clear_object (&f->store);
  store_test_remove_dir (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->path, g_free);
}

gint64
bank_client (BankFixture *f,
             const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesClient) client = store_test_client (name);

  g_assert_true (factures_store_save_client (f->store, client, &error));
  g_assert_no_error (error);
  return client->id;
}

gint64
bank_invoice (BankFixture *f,
              gint64       client_id,
              const char  *iso,
              gint64       cents,
              char       **out_number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FacturesDocument) draft = store_test_draft (client_id, iso, 1);
  g_autoptr(FacturesDocument) issued = NULL;
  FacturesLine *line = g_ptr_array_index (draft->lines, 0);

  /* 1 × @cents: unit prices are millionths of a euro */
  line->unit_price = cents * (FACTURES_UNIT_PRICE_ONE / 100);
  g_assert_true (factures_store_save_draft (f->store, draft, &error));
  g_assert_no_error (error);
  issued = factures_store_issue (f->store, draft->id, store_test_render, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bank_balance (f, issued->id), ==, cents);
  if (out_number != NULL)
    *out_number = g_strdup (issued->number);
  return issued->id;
}

FacturesBankEntry *
bank_entry (const char *stable_id,
            const char *iso,
            gint64      cents,
            const char *label,
            const char *counterparty,
            gint        kind)
{
  FacturesBankEntry *entry = factures_bank_entry_new ();

  entry->stable_id = g_strdup (stable_id);
  g_assert_true (factures_date_parse_iso (iso, &entry->booking_date, NULL));
  entry->amount = cents;
  entry->label = g_strdup (label);
  entry->counterparty = g_strdup (counterparty);
  entry->kind = kind;
  return entry;
}

static gint
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 ia = (*(FacturesBankEntry * const *) a)->id;
  gint64 ib = (*(FacturesBankEntry * const *) b)->id;

  return ia < ib ? -1 : ia > ib;
}

GPtrArray *
bank_import_entries (BankFixture *f,
                     GPtrArray   *entries)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) factures_bank_import_account_free);
  FacturesBankImportAccount *account = factures_bank_import_account_new (ACCOUNT, "EUR");
  GPtrArray *stored;

  g_ptr_array_add (accounts, account);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (account->entries, g_ptr_array_index (entries, i));
  g_ptr_array_set_free_func (entries, NULL);
  g_ptr_array_unref (entries);
  g_assert_true (factures_store_bank_import (f->store, accounts, NULL, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  stored = factures_store_bank_list (f->store, FACTURES_BANK_LIST_ALL, FALSE, &error);
  g_assert_no_error (error);
  g_ptr_array_sort (stored, compare_ids);
  return stored;
}

gint64
bank_balance (BankFixture *f,
              gint64       document_id)
{
  g_autoptr(GError) error = NULL;
  FacturesBalance balance;

  g_assert_true (factures_store_get_payment_balance (f->store, document_id, &balance, &error));
  g_assert_no_error (error);
  return balance.balance;
}

char *
bank_dump_hash (BankFixture *f)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name",
                                       -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", name);
      sqlite3_stmt *rows = NULL;

      g_checksum_update (checksum, sqlite3_column_text (tables, 1), -1);
      if (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL) != SQLITE_OK)
        continue;   /* virtual tables of FTS5 */
      while (sqlite3_step (rows) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (rows); c++)
          {
            const void *blob = sqlite3_column_blob (rows, c);

            if (blob != NULL)
              g_checksum_update (checksum, blob, sqlite3_column_bytes (rows, c));
            g_checksum_update (checksum, (const guchar *) "\x1f", 1);
          }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);
  return g_strdup (g_checksum_get_string (checksum));
}

/* 13 digits and the signed last one (EBCDIC overpunch, LEGAL-2.md §7). */
static void
cfonb_amount (char out[15], gint64 cents)
{
  static const char positive[] = "{ABCDEFGHI";
  static const char negative[] = "}JKLMNOPQR";
  gint64 a = cents < 0 ? -cents : cents;

  g_snprintf (out, 15, "%013" G_GINT64_FORMAT "%c", a / 10, (cents < 0 ? negative : positive)[a % 10]);
}

static char *
cfonb_date (const GDate *date)
{
  return g_strdup_printf ("%02u%02u%02u", g_date_get_day (date), g_date_get_month (date), g_date_get_year (date) % 100);
}

void
bank_write_cfonb (const char          *path,
                  const BankCfonbLine *lines,
                  guint                n_lines,
                  guint                n)
{
  bank_write_cfonb_off (path, lines, n_lines, n, 0);
}

void
bank_write_cfonb_off (const char          *path,
                      const BankCfonbLine *lines,
                      guint                n_lines,
                      guint                n,
                      gint64               closing_off)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *first_date = NULL;
  g_autofree char *last_date = NULL;
  gint64 total = 0;
  char amount[15];
  GDate date;

  g_assert_true (factures_date_parse_iso (lines[0].iso, &date, NULL));
  first_date = cfonb_date (&date);
  cfonb_amount (amount, 0);
  g_string_append_printf (out, "0130006    00001EUR2 12345678901  %-6s%50s%s%16s\r\n", first_date, "", amount, "");
  for (guint i = 0; i < n; i++)
    {
      const BankCfonbLine *line = &lines[i % n_lines];
      g_autofree char *day = NULL;

      g_assert_true (factures_date_parse_iso (line->iso, &date, NULL));
      /* each round of the lines a day later: no two records alike */
      g_date_add_days (&date, i / n_lines);
      day = cfonb_date (&date);
      g_clear_pointer (&last_date, g_free);
      last_date = g_strdup (day);
      cfonb_amount (amount, line->cents);
      total += line->cents;
      g_string_append_printf (out, "0430006%04u00001EUR2 12345678901%s%s  %s%-31.31s  %07u00%s%16s\r\n",
                              (i % 9000) + 1, line->cents > 0 ? "05" : "01", day, day, line->label, i + 1, amount, "");
      if (line->more != NULL)
        g_string_append_printf (out, "0530006%04u00001EUR2 12345678901%s%s     LIB%-70.70s  \r\n",
                                (i % 9000) + 1, line->cents > 0 ? "05" : "01", day, line->more);
    }
  cfonb_amount (amount, total + closing_off);
  g_string_append_printf (out, "0730006    00001EUR2 12345678901  %-6s%50s%s%16s\r\n", last_date, "", amount, "");
  g_assert_true (g_file_set_contents (path, out->str, out->len, &error));
  g_assert_no_error (error);
  g_string_free (out, TRUE);
}
