/* factures-file-chooser.h — where the file choosers open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void factures_file_chooser_start_in_documents (GtkFileChooserNative *chooser);

G_END_DECLS
