/* store-test-util.h — fixtures shared by the store tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-store.h"

G_BEGIN_DECLS

/* A fresh temporary folder (g_dir_make_tmp) and a database path inside it. */
char             *store_test_make_dir       (void);
/* The same on a RAM file system when there is one (/dev/shm). */
char             *store_test_make_fast_dir  (void);
char             *store_test_db_path        (const char *dir);
void              store_test_remove_dir     (const char *dir);

/* A profile that passes every mention check (franchise, services). */
FacturesProfile  *store_test_profile        (void);
/* A complete B2B client (company, valid SIREN) named @name. */
FacturesClient   *store_test_client         (const char *name);
/* A draft invoice for @client_id dated @iso_date with @n_lines lines of 1 h × 100 €. */
FacturesDocument *store_test_draft          (gint64      client_id,
                                             const char *iso_date,
                                             guint       n_lines);
/* FacturesRenderFunc: small fake PDF bytes naming the document number. */
GBytes           *store_test_render         (const FacturesDocument *document,
                                             gpointer                user_data,
                                             GError                **error);

G_END_DECLS
