/* factures-logo.h — the one way a logo enters the business profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "factures-document.h"

G_BEGIN_DECLS

/* The long side of a stored logo, in pixels (printed at most 45 mm wide: 600 px is
 * above 300 dpi there). */
#define FACTURES_LOGO_MAX_SIDE 600
/* The largest image file read, in bytes. */
#define FACTURES_LOGO_MAX_INPUT (32 * 1024 * 1024)

GBytes   *factures_logo_prepare         (GBytes          *image,
                                         int             *original_width,
                                         int             *original_height,
                                         GError         **error);
gboolean  factures_logo_prepare_profile (FacturesProfile *profile,
                                         gboolean        *changed,
                                         GError         **error);

G_END_DECLS
