/* factures-first-frame.h — work deferred until the window has drawn its first frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * factures_after_first_frame:
 * @widget: a widget of the window (realized or not yet)
 * @func: called once, from an idle callback, after the first frame of @widget was drawn
 *   (the "after-paint" of its frame clock); its return value is ignored
 * @data: (closure): for @func
 * @destroy: (nullable): frees @data afterwards (also when @widget is finalized before its first
 *   frame: @func does not run then)
 *
 * Issue 12 item 2: what the start can do later (the catch-up of missed dunning steps, the
 * due-steps notification) runs after the first frame, never before it.
 *
 * Benchmarks (tests/bench/bench-window.py): with FACTURES_BENCH_FIRST_FRAME in the
 * environment, "first-frame\n" is written to standard output (flushed) at that moment; with
 * FACTURES_BENCH_FIRST_FRAME=quit, the default GApplication then quits, before @func runs.
 */
void factures_after_first_frame (GtkWidget      *widget,
                                 GSourceFunc     func,
                                 gpointer        data,
                                 GDestroyNotify  destroy);

G_END_DECLS
