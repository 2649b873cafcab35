/* factures-cdar.h — lifecycle (CDV) messages: UN/CEFACT CDAR D22B, read strictly and written
 *
 * Paths and codes: PA.md §2 and §2.1 (AFNOR XP Z12-014 examples, DGFiP Dossier général
 * v3.2 §3.6.4). Reading refuses anything that is not a CDAR message about invoices with a
 * known status code (200–213, 220); the caller keeps an unreadable message as received.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "factures-store-einvoicing.h"

G_BEGIN_DECLS

/* Parses @xml (no network, no DTD, no entity expansion). Returns one FacturesPaStatus per
 * ReferenceReferencedDocument (element-type FacturesPaStatus) (transfer full), or NULL with
 * FACTURES_PA_ERROR_FORMAT naming the element that is missing or wrong. */
GPtrArray *factures_cdar_parse        (GBytes                 *xml,
                                       GError                **error);

/* Writes the CDAR message a seller (@role "SE") or buyer ("BY") sends about the invoice
 * @number issued on @issue_date by @seller_siren to @buyer_siren: @code, optional
 * @reason_code/@reason, and for 212 one MEN amount (cents, TTC) per VAT rate
 * (@amounts: gint64 pairs {rate_bp, cents}, may be NULL). @now: the message's date-time. */
GBytes    *factures_cdar_build        (const char             *message_id,
                                       gint                    code,
                                       const char             *role,
                                       const char             *number,
                                       const GDate            *issue_date,
                                       const char             *seller_siren,
                                       const char             *seller_name,
                                       const char             *buyer_siren,
                                       const char             *buyer_name,
                                       const char             *reason_code,
                                       const char             *reason,
                                       const gint64           *amounts,
                                       guint                   n_amounts,
                                       GDateTime              *now);

G_END_DECLS
