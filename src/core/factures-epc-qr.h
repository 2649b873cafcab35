/* factures-epc-qr.h — the EPC QR code payload ("girocode", EPC069-12 v3.0; LEGAL.md §9)
 *
 * Lines joined by LF, nothing after the last used line:
 *   BCD / 002 / 1 (UTF-8) / SCT / BIC (may be empty) / name (≤ 70) / IBAN (≤ 34) /
 *   EUR amount ("EUR12.34", 0.01–999999999.99, empty when 0) / purpose (≤ 4) /
 *   structured reference (ISO 11649 RF, ≤ 35) / remittance text (≤ 140) / info (≤ 70).
 * The reference and the text are exclusive. The payload is at most 331 bytes; the
 * symbol is drawn with error correction M, version ≤ 13 (src/output/factures-qr.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "factures-error.h"

G_BEGIN_DECLS

#define FACTURES_EPC_QR_MAX_BYTES 331

typedef struct {
  const char *version;     /* "002" (default when NULL) or "001" (BIC required) */
  const char *bic;         /* 8 or 11 characters, may be NULL in 002 */
  const char *name;        /* beneficiary, 1–70 characters, required */
  const char *iban;        /* required; spaces removed, upper-cased; checked (mod 97) */
  gint64      amount;      /* cents; 0: no amount */
  const char *purpose;     /* ≤ 4 characters, may be NULL */
  const char *reference;   /* structured RF reference, may be NULL */
  const char *text;        /* remittance text (the invoice number), may be NULL */
  const char *information; /* beneficiary to originator information, may be NULL */
} FacturesEpcQr;

/**
 * factures_epc_qr_payload:
 *
 * Builds the payload. Refuses (FACTURES_ERROR_INVALID, French message naming the field):
 * missing or too long name, invalid IBAN or BIC, amount out of range, a reference and a
 * text together, a field too long, a payload over 331 bytes.
 *
 * Returns: (transfer full): the UTF-8 payload, or NULL.
 */
char *factures_epc_qr_payload (const FacturesEpcQr *qr,
                               GError             **error);

G_END_DECLS
