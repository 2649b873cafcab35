/* factures-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "factures-error.h"

/**
 * factures_error_quark:
 *
 * Returns: the #GQuark of the %FACTURES_ERROR domain ("factures-error-quark").
 */
G_DEFINE_QUARK (factures-error-quark, factures_error)
