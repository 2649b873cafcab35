/* factures-store.h — the SQLite model layer (DESIGN.md §4, §6)
 *
 * One FacturesStore per database file. SQLite at $XDG_DATA_HOME/factures/factures.db
 * or a path given by --database. WAL, foreign_keys=ON, synchronous=FULL; migrations
 * by PRAGMA user_version from resource:///org/example/Factures/migrations/NNNN-*.sql,
 * with a backup copy of the file taken before each migration of a non-empty database.
 *
 * Every function that writes either succeeds whole or leaves the database exactly
 * as it was. Errors are in the FACTURES_ERROR domain (factures-error.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "factures-document.h"
#include "factures-store-changes.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_STORE (factures_store_get_type ())
G_DECLARE_FINAL_TYPE (FacturesStore, factures_store, FACTURES, STORE, GObject)

/* $XDG_DATA_HOME/factures/factures.db */
char            *factures_store_default_path   (void);

/* Opens (creating folders and file) and migrates; busy timeout 5 s. */
FacturesStore   *factures_store_open           (const char     *path,
                                                GError        **error);

/* How factures_store_open_full() treats the file (issue 10 finding 8). */
typedef enum {
  FACTURES_STORE_OPEN_CREATE,    /* create folder and file if needed, run the migrations */
  FACTURES_STORE_OPEN_EXISTING,  /* an existing database of the current schema; never
                                    created, migrated or copied (read-only commands) */
} FacturesStoreOpenMode;

/* Called once per store when a statement has waited 100 ms for another process's lock. */
typedef void (*FacturesStoreBusyFunc) (FacturesStore *store,
                                       gpointer       user_data);

FacturesStore   *factures_store_open_full      (const char             *path,
                                                FacturesStoreOpenMode   mode,
                                                guint                   busy_timeout_ms,
                                                FacturesStoreBusyFunc   on_wait,
                                                gpointer                user_data,
                                                GError                **error);
/* Called during a long migration (0010 moves the stored originals: bytes moved of @total),
 * on the thread that opens, at most about every 100 ms and once at the end (@done == @total). */
typedef void (*FacturesStoreProgressFunc) (FacturesStore *store,
                                           guint64        done,
                                           guint64        total,
                                           gpointer       user_data);

/* factures_store_open_full() with a progress report for the migrations. */
FacturesStore   *factures_store_open_with_progress (const char                 *path,
                                                    FacturesStoreOpenMode       mode,
                                                    guint                       busy_timeout_ms,
                                                    FacturesStoreBusyFunc       on_wait,
                                                    gpointer                    user_data,
                                                    FacturesStoreProgressFunc   on_progress,
                                                    gpointer                    progress_data,
                                                    GError                    **error);
/* How long a statement waits for a lock before FACTURES_ERROR_BUSY (see the .c). */
void             factures_store_set_busy_timeout (FacturesStore         *self,
                                                  guint                  timeout_ms,
                                                  FacturesStoreBusyFunc  on_wait,
                                                  gpointer               user_data);
const char      *factures_store_get_path       (FacturesStore  *self);

/* ---- business profile (seller) ---- */
/* NULL without error when no profile was saved yet (first run). */
FacturesProfile *factures_store_get_profile    (FacturesStore         *self,
                                                GError               **error);
gboolean         factures_store_save_profile   (FacturesStore         *self,
                                                const FacturesProfile *profile,
                                                GError               **error);

/* ---- clients ---- */
/* Inserts when client->id == 0 (and sets it), else updates. Empty name: FACTURES_ERROR_INVALID. */
gboolean         factures_store_save_client    (FacturesStore   *self,
                                                FacturesClient  *client,
                                                GError         **error);
FacturesClient  *factures_store_get_client     (FacturesStore   *self,
                                                gint64           id,
                                                GError         **error);
/* Refused (FACTURES_ERROR_IMMUTABLE) when the client has issued documents. */
gboolean         factures_store_delete_client  (FacturesStore   *self,
                                                gint64           id,
                                                GError         **error);

/* ---- documents ---- */
/* Saves a draft with its lines (insert when id == 0). An issued document: FACTURES_ERROR_IMMUTABLE. */
gboolean          factures_store_save_draft     (FacturesStore    *self,
                                                 FacturesDocument *document,
                                                 GError          **error);
gboolean          factures_store_delete_draft   (FacturesStore    *self,
                                                 gint64            id,
                                                 GError          **error);
/* A draft is returned with the current profile as seller and the current client as buyer;
 * an issued document with its frozen snapshots. */
FacturesDocument *factures_store_get_document   (FacturesStore    *self,
                                                 gint64            id,
                                                 GError          **error);
FacturesDocument *factures_store_find_document  (FacturesStore    *self,
                                                 const char       *number,
                                                 GError          **error);
/* A new draft copying any document's client and lines, dated today. Returns its id, 0 on error. */
gint64            factures_store_duplicate      (FacturesStore    *self,
                                                 gint64            id,
                                                 GError          **error);

/**
 * FacturesRenderFunc:
 * Renders the issued document (number, dates and snapshots set) to PDF bytes.
 * Called inside the issuing transaction; an error rolls the issue back.
 */
typedef GBytes *(*FacturesRenderFunc) (const FacturesDocument *document,
                                       gpointer                user_data,
                                       GError                **error);

/**
 * factures_store_issue:
 * @id: a draft
 * @render: draws the PDF that becomes the stored original
 *
 * One BEGIN IMMEDIATE transaction: checks the mandatory mentions
 * (FACTURES_ERROR_MISSING_MENTION, the message lists them), refuses an issue date
 * earlier than the series' last (FACTURES_ERROR_DATE_ORDER), takes the next number,
 * computes the due date, freezes seller, buyer and all figures, stores the PDF
 * bytes, and appends the document to the SHA-256 hash chain.
 *
 * Returns: (transfer full): the issued document, or NULL.
 */
FacturesDocument *factures_store_issue          (FacturesStore      *self,
                                                 gint64              id,
                                                 FacturesRenderFunc  render,
                                                 gpointer            user_data,
                                                 GError            **error);
/* The stored original PDF of an issued document. */
GBytes           *factures_store_get_original   (FacturesStore    *self,
                                                 gint64            id,
                                                 GError          **error);

/* ---- lists: lazy GListModels that fetch rows from SQLite by pages ----
 * Sorting and searching happen in SQL (search: case- and accent-insensitive
 * substring). Each model is a snapshot taken when it is created: it does not emit
 * items-changed; recreate it when the store emits "changed". Indexed orders read
 * pages of 200 rows with LIMIT/OFFSET; computed orders (days late, outstanding)
 * and searches sort once at creation, then read pages by primary key. */
typedef enum {
  FACTURES_CLIENT_SORT_NAME,
  FACTURES_CLIENT_SORT_CITY,
  FACTURES_CLIENT_SORT_CATEGORY,
  FACTURES_CLIENT_SORT_OUTSTANDING,
} FacturesClientSort;

typedef enum {
  FACTURES_DOCUMENT_SORT_DATE,
  FACTURES_DOCUMENT_SORT_NUMBER,
  FACTURES_DOCUMENT_SORT_CLIENT,
  FACTURES_DOCUMENT_SORT_TOTAL,
  FACTURES_DOCUMENT_SORT_DUE,
  FACTURES_DOCUMENT_SORT_DAYS_LATE,
  FACTURES_DOCUMENT_SORT_BALANCE,    /* amount still due (issue 4); a computed order */
} FacturesDocumentSort;

/* Finding T12: the issue date of the first issued document, cleared when none (see
 * factures-store-lists.c). */
gboolean    factures_store_get_first_issue_date (FacturesStore  *self,
                                                 GDate          *out,
                                                 GError        **error);

/* Issue 13 item 4: the ISO 4217 code of document @id (BT-5), NULL for euros or an unknown id;
 * one cached statement, for what lists show row by row (the to-do queue's visible steps).
 * (transfer full) */
char       *factures_store_get_document_currency (FacturesStore *self,
                                                  gint64         id);

/* (transfer full) GListModel of FacturesClientRow; @search matches name, city, e-mail, SIREN. */
GListModel *factures_store_list_clients   (FacturesStore      *self,
                                           const char         *search,
                                           FacturesClientSort  sort,
                                           gboolean            descending);
/* (transfer full) GListModel of FacturesDocumentRow, every kind. */
GListModel *factures_store_list_documents (FacturesStore        *self,
                                           const char           *search,
                                           FacturesDocumentSort  sort,
                                           gboolean              descending);
/* (transfer full) GListModel of FacturesDocumentRow: issued invoices past due with a balance. */
GListModel *factures_store_list_overdue   (FacturesStore        *self,
                                           const GDate          *today,
                                           FacturesDocumentSort  sort,
                                           gboolean              descending);
/* Issue 12: how many factures_store_list_overdue() would list, from the partial index of open
 * invoices (no sort, no row read); %FALSE with @error (FACTURES_ERROR) when unreadable. */
gboolean    factures_store_count_overdue  (FacturesStore  *self,
                                           const GDate    *today,
                                           guint          *out_count,
                                           GError        **error);

/* Emitted as the "changed" signal (no arguments) after any write, so views refresh. */

/**
 * factures_store_begin_all_or_nothing:
 * @self: the store
 * @error: FACTURES_ERROR_DATABASE (another process holds the write lock past the timeout)
 *
 * Opens one transaction for several writes made through the store's functions (each of
 * which then keeps its own checks, its own failure undoing only itself as a savepoint):
 * factures_store_end_all_or_nothing() keeps all of them or none (--confirm-matches=ID,ID).
 * Not nested; no JSON import inside. "changed" signals of the writes may come before the end.
 */
gboolean    factures_store_begin_all_or_nothing (FacturesStore  *self,
                                                 GError        **error);
/**
 * factures_store_end_all_or_nothing:
 * @self: the store, after factures_store_begin_all_or_nothing()
 * @commit: TRUE to keep every write since the begin, FALSE to undo them all
 * @error: FACTURES_ERROR_DATABASE when the commit fails (everything is then undone)
 *
 * Returns: TRUE when @commit was done, or when @commit is FALSE (the rollback never fails)
 */
gboolean    factures_store_end_all_or_nothing   (FacturesStore  *self,
                                                 gboolean        commit,
                                                 GError        **error);

/* ---- whole-database operations (command line) ---- */
/* PRAGMA integrity_check, foreign keys, and the hash chain. On a broken chain:
 * FACTURES_ERROR_INTEGRITY naming the first broken document's number. */
gboolean    factures_store_verify         (FacturesStore  *self,
                                           GError        **error);
/* Whether a file may be written at @destination while @database is open: FALSE with
 * FACTURES_ERROR_INVALID (a French message naming @option, e.g. "--output", when not NULL)
 * when @destination is the database itself or its -wal, -shm or -journal file (same device and
 * inode when both exist, else the same path once symbolic links are resolved), or a folder.
 * @database NULL: factures_store_default_path(). Every writer of a file calls it first. */
gboolean    factures_store_check_destination (const char  *database,
                                              const char  *destination,
                                              const char  *option,
                                              GError     **error);
/**
 * factures_store_same_file:
 * @a: a path, absolute or relative to the working folder
 * @b: another path
 *
 * Whether @a and @b name one file: the same device and inode when both exist (another path, a
 * symbolic or a hard link), else the same absolute path once the symbolic links of their
 * folders are resolved. Used by factures_store_check_destination() and by the command line to
 * refuse two outputs on one file.
 *
 * Returns: %TRUE when they are the same file
 */
gboolean    factures_store_same_file      (const char     *a,
                                           const char     *b);
/**
 * factures_store_check_file:
 * @self: the open store
 * @file: the file a save dialog chose
 * @error: FACTURES_ERROR_INVALID, in French, naming the file
 *
 * factures_store_check_destination() for the window's save dialogs: refuses @file when it is
 * @self's database (or its -wal, -shm, -journal) or a folder. A file without a local path
 * (another GVfs backend) cannot be the database and is allowed.
 *
 * Returns: TRUE when @file may be written
 */
gboolean    factures_store_check_file     (FacturesStore  *self,
                                           GFile          *file,
                                           GError        **error);
/* SQLite online backup to @path (refused when @path is the database: see above). */
gboolean    factures_store_backup         (FacturesStore  *self,
                                           const char     *path,
                                           GError        **error);
/* Versioned JSON of every table (format documented in help/C/json.page); refused when @path
 * is the database (factures_store_check_destination()). */
gboolean    factures_store_export_json    (FacturesStore  *self,
                                           const char     *path,
                                           GError        **error);
/* All or nothing. A file with clients and drafts only adds them; a full export
 * (issued documents) imports only into an empty database (FACTURES_ERROR_NOT_EMPTY)
 * and is verified before commit. Invalid UTF-8 or JSON: FACTURES_ERROR_FORMAT. */
gboolean    factures_store_import_json    (FacturesStore  *self,
                                           const char     *path,
                                           GError        **error);

G_END_DECLS
