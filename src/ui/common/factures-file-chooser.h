/* factures-file-chooser.h — where the file choosers open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void                  factures_file_chooser_start_in_documents (GtkFileChooserNative *chooser);
GtkFileChooserNative *factures_file_chooser_new_save_pdf       (GtkWindow            *parent,
                                                                const char           *title,
                                                                const char           *name);

G_END_DECLS
