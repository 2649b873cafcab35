/* factures-qr.h — QR code symbols drawn with cairo (libqrencode)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>
#include "factures-error.h"

G_BEGIN_DECLS

/**
 * factures_qr_draw:
 * @cr: where to draw (user units, usually points)
 * @data: the bytes to encode (8-bit mode), e.g. from factures_epc_qr_encode()
 * @x, @y: top-left corner of the symbol including its 4-module quiet zone
 * @size: width = height of the symbol with its quiet zone
 *
 * Draws the QR code (error correction M, smallest version that fits; EPC069-12 needs
 * version ≤ 13) as black squares on a white background.
 *
 * Returns: FALSE with FACTURES_ERROR_FORMAT when libqrencode cannot encode @data.
 */
gboolean factures_qr_draw (cairo_t     *cr,
                           GBytes      *data,
                           double       x,
                           double       y,
                           double       size,
                           GError     **error);

/* The QR version (1–40) libqrencode picks for @data at level M; 0 on failure. */
gint     factures_qr_version (GBytes *data);

/* The module matrix libqrencode makes for @data at level M (no quiet zone): @out_width × @out_width
 * bytes, row by row, 1 for a dark module. NULL (FACTURES_ERROR_FORMAT) when it cannot encode. */
guint8  *factures_qr_modules (GBytes      *data,
                              gint        *out_width,
                              GError     **error);

G_END_DECLS
