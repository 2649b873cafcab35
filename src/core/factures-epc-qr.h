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
  gint        charset;     /* 1 UTF-8 (default when 0), 2 ISO-8859-1, 3 -2, 4 -4, 5 -5, 6 -7, 7 -10, 8 -15 */
  const char *version;     /* "002" (default when NULL) or "001" (BIC required) */
  const char *bic;         /* 8 or 11 characters, may be NULL in 002 */
  const char *name;        /* beneficiary, 1–70 characters, required */
  const char *iban;        /* required, ≤ 34 letters and digits; spaces removed, upper-cased
                              (the mod-97 check is the caller's: factures_iban_check) */
  gint64      amount;      /* cents, 1…99999999999; 0: no amount line value */
  const char *purpose;     /* 4 letters or digits, may be NULL */
  const char *reference;   /* structured RF reference, may be NULL */
  const char *text;        /* remittance text (the invoice number), may be NULL */
  const char *information; /* beneficiary to originator information, may be NULL */
} FacturesEpcQr;

/**
 * factures_epc_qr_payload:
 *
 * Builds the payload. The amount is written with a dot and without trailing zeros
 * ("EUR12.3", "EUR1000", "EUR13.05"), as the reference vectors do. Empty trailing
 * fields are left out. Refuses (FACTURES_ERROR_INVALID, French message naming the
 * field): missing or too long name (70 characters), IBAN empty, over 34 characters or
 * not alphanumeric, BIC not 8 or 11 characters (or missing in version 001), amount out of
 * range, purpose not 4 characters, reference over 35 or text over 140 characters, a
 * reference and a text together, information over 70, an unknown charset, text that the
 * charset cannot encode, a payload over 331 bytes once encoded.
 *
 * Returns: (transfer full): the payload as UTF-8 text, or NULL.
 */
char   *factures_epc_qr_payload (const FacturesEpcQr *qr,
                                 GError             **error);
/* The same payload encoded in @qr->charset: the bytes to put in the QR symbol. */
GBytes *factures_epc_qr_encode  (const FacturesEpcQr *qr,
                                 GError             **error);

G_END_DECLS
