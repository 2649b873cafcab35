/* factures-outbox-window.h — the outbox: every message with its state, retry by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_OUTBOX_WINDOW (factures_outbox_window_get_type ())
G_DECLARE_FINAL_TYPE (FacturesOutboxWindow, factures_outbox_window, FACTURES, OUTBOX_WINDOW, AdwWindow)

/* Opens (or raises) the outbox window: messages newest first with their state,
 * the server's reply or the reason of the failure, "Retry" on failed and queued
 * ones (sent off the UI thread, with progress), and "Record Acknowledgment…" on
 * sent ones. */
void factures_outbox_window_present (GtkWindow     *parent,
                                     FacturesStore *store);

G_END_DECLS
