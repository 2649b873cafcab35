/* ui-test-util.h — what the GTK test programs of tests/ui share
 *
 * Running the main loop for a while, finding widgets and windows, writing a screenshot
 * of a window to <G_TEST_BUILDDIR>/ui/screenshots (to be looked at), and a database in a
 * temporary folder (empty, or made by the screenshot fixture), removed afterwards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

/* Runs the default main context for @ms milliseconds without blocking. */
void           ui_test_spin            (guint        ms);

/* The first descendant of @root (itself included) of type @type, or NULL. */
GtkWidget     *ui_test_find_type       (GtkWidget   *root,
                                        GType        type);

/* The first visible toplevel of type @type (transient for @parent unless NULL), or NULL. */
GtkWindow     *ui_test_find_toplevel   (GtkWindow   *parent,
                                        GType        type);

/* Waits for @window (a window, or any widget in one) to be mapped and sized, renders
 * what it shows and writes it to <G_TEST_BUILDDIR>/ui/screenshots/@name (".png" added
 * when missing); the path is in the test log. */
void           ui_test_screenshot      (GtkWidget   *window,
                                        const char  *name);

/* A database in a new temporary folder: empty, or, with @fixture (the path of the
 * test-screenshots-fixture program), made by it. *@dir receives the folder.
 * Returns: (transfer full): the open store. */
FacturesStore *ui_test_store_new       (const char  *fixture,
                                        char       **dir);

/* Closes @store (may be NULL) and removes @dir with its database files; frees @dir. */
void           ui_test_store_free      (FacturesStore *store,
                                        char          *dir);

G_END_DECLS
