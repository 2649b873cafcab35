/* factures-headless.h — the set-up of a process without a window (issue 12)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * factures_output_init_headless:
 *
 * For a process that draws no user interface (the command line, batch programs that render or
 * issue many documents), called at the start of main(), before anything uses fontconfig or
 * starts a thread:
 *  - factures_fonts_init_headless(): fontconfig's configuration is parsed once, not twice;
 *  - on glibc, up to 8 MiB of freed heap is kept rather than given back to the kernel after
 *    each document: each issue allocates and frees about a megabyte at the top of the heap
 *    (cairo's and qpdf's zlib streams, the PDF buffers, SQLite's pages), and issuing 100
 *    invoices in one process made 4,490 brk calls and 21,000 page faults (a bare cairo program
 *    drawing 100: 13 and 940), a seventh of its CPU time in the kernel; with it, 2,350.
 *
 * Not for the window: its interface keeps colour fonts, and fixing glibc's trim threshold also
 * fixes its mmap threshold (128 KiB), so a window's frame buffers would be mapped again at each
 * frame. Documents are drawn and issued identically either way.
 */
void factures_output_init_headless (void);

G_END_DECLS
