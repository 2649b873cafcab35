/* factures-outbox-row.h — one message of the outbox
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store-mail.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_OUTBOX_ROW (factures_outbox_row_get_type ())
G_DECLARE_FINAL_TYPE (FacturesOutboxRow, factures_outbox_row, FACTURES, OUTBOX_ROW, AdwActionRow)

/* Subject; recipients, state, date (local, French), attempts and the server's reply or the
 * failure. A failed or queued message has "Retry" ("outbox.retry" with its id) unless
 * @superseded (its document was sent since in a later message: factures_mail_superseded());
 * a sent document "Record Acknowledgment…" ("outbox.acknowledge" with the document id). */
GtkWidget *factures_outbox_row_new (const FacturesOutboxItem *item,
                                    gboolean                  superseded);

G_END_DECLS
