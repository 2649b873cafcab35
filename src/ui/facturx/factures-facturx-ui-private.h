/* factures-facturx-ui-private.h — what the Factur-X dialogs and windows share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A message dialog over @parent (nullable) with @heading, @body (nullable) and "Close". */
void _factures_facturx_show_message (GtkWindow  *parent,
                                     const char *heading,
                                     const char *body);
/* A toast on the main window when @parent is it, else a message dialog. */
void _factures_facturx_toast        (GtkWindow  *parent,
                                     const char *text);

G_END_DECLS
