/* bank-test-util.h — a store with clients and issued invoices, and movements built in C
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-store-bank.h"
#include "factures-store-payments.h"
#include "factures-store-lifecycle.h"
#include "factures-store-receipts.h"
#include "store-test-util.h"

G_BEGIN_DECLS

typedef struct {
  char          *dir;
  char          *path;
  FacturesStore *store;
} BankFixture;

void        bank_fixture_set_up    (BankFixture *f);
void        bank_fixture_tear_down (BankFixture *f);
gint64      bank_client            (BankFixture *f, const char *name);
/* An issued invoice of @client for @cents TTC (franchise), issued on @iso; its number in @out_number. */
gint64      bank_invoice           (BankFixture *f, gint64 client_id, const char *iso, gint64 cents,
                                    char **out_number);
/* A movement (id = the store's after bank_import_entries()). */
FacturesBankEntry *bank_entry      (const char *stable_id, const char *iso, gint64 cents, const char *label,
                                    const char *counterparty, gint kind);
/* Imports @entries (FacturesBankEntry*, stolen) for account "FR7630006000011234567890189" and
 * returns the stored movements in id order. */
GPtrArray  *bank_import_entries    (BankFixture *f, GPtrArray *entries);
gint64      bank_balance           (BankFixture *f, gint64 document_id);
/* `sqlite3 DB .dump | sha256sum` without the sqlite3 tool: every table's rows in order. */
char       *bank_dump_hash         (BankFixture *f);

G_END_DECLS

G_BEGIN_DECLS

/* One movement of a CFONB 120 statement written by bank_write_cfonb(). */
typedef struct {
  const char *iso;       /* booking date */
  gint64      cents;     /* credit > 0 */
  const char *label;     /* record 04, at most 31 characters */
  const char *more;      /* (nullable) a record 05 LIB after it */
} BankCfonbLine;

/* Writes a CFONB 120 statement of account 30006 00001 12345678901 (EUR), opening balance 0,
 * closing balance the sum of the movements, @n lines (repeated cyclically to @n when
 * @n > @n_lines, the booking day moving on so that every record differs). */
void        bank_write_cfonb       (const char *path, const BankCfonbLine *lines, guint n_lines, guint n);
/* The same with a closing balance off by @closing_off cents (a statement that does not add up). */
void        bank_write_cfonb_off   (const char *path, const BankCfonbLine *lines, guint n_lines, guint n,
                                    gint64 closing_off);

G_END_DECLS
