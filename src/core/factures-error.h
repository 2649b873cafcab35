/* factures-error.h — the one GError domain of the core and store layers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FACTURES_ERROR (factures_error_quark ())

/**
 * FacturesError:
 * @FACTURES_ERROR_INVALID: user input that cannot be accepted (the message names the field, in French)
 * @FACTURES_ERROR_OVERFLOW: an amount does not fit in 64 bits (money is gint64 cents)
 * @FACTURES_ERROR_MISSING_MENTION: a mandatory legal mention is missing; the message lists them
 * @FACTURES_ERROR_IMMUTABLE: an issued document cannot be changed or deleted
 * @FACTURES_ERROR_DATE_ORDER: an issue date earlier than the last issued date of the series
 * @FACTURES_ERROR_NOT_FOUND: no row with that id or number
 * @FACTURES_ERROR_DATABASE: SQLite failed; the message carries SQLite's text
 * @FACTURES_ERROR_INTEGRITY: the database or its hash chain is damaged; the message names the document
 * @FACTURES_ERROR_FORMAT: a file (JSON, PDF, XML) is not in the expected format
 * @FACTURES_ERROR_NOT_EMPTY: a full import needs an empty database
 * @FACTURES_ERROR_BUSY: another process held the database's lock longer than the busy
 *   timeout (factures_store_set_busy_timeout()); nothing was written, the action can be retried
 *
 * Error codes of the %FACTURES_ERROR domain, shared by core, store and output.
 */
typedef enum {
  FACTURES_ERROR_INVALID,
  FACTURES_ERROR_OVERFLOW,
  FACTURES_ERROR_MISSING_MENTION,
  FACTURES_ERROR_IMMUTABLE,
  FACTURES_ERROR_DATE_ORDER,
  FACTURES_ERROR_NOT_FOUND,
  FACTURES_ERROR_DATABASE,
  FACTURES_ERROR_INTEGRITY,
  FACTURES_ERROR_FORMAT,
  FACTURES_ERROR_NOT_EMPTY,
  FACTURES_ERROR_BUSY,
} FacturesError;

GQuark factures_error_quark (void);

G_END_DECLS
