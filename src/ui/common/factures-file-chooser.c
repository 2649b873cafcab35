/* factures-file-chooser.c — where the file choosers open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-file-chooser.h"

/**
 * factures_file_chooser_start_in_documents:
 * @chooser: a file chooser not shown yet
 *
 * Opens @chooser in the user's Documents folder (the home folder when there is none),
 * never in the current folder. Outside a sandbox GTK's chooser runs in this process and
 * reads the first bytes of every file of the folder it shows to guess its type; closing
 * those files drops the process's POSIX locks on them, SQLite's included (see
 * https://sqlite.org/howtocorrupt.html §2.2 and tests/store/test-store-locks.c). Starting
 * elsewhere than the database's folder (which the command line may have as current
 * folder) keeps that from happening in the common case. In the Flatpak the chooser is the
 * portal's, in another process.
 */
void
factures_file_chooser_start_in_documents (GtkFileChooserNative *chooser)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autoptr(GFile) folder = NULL;

  g_return_if_fail (GTK_IS_FILE_CHOOSER_NATIVE (chooser));

  if (documents == NULL || !g_file_test (documents, G_FILE_TEST_IS_DIR))
    documents = g_get_home_dir ();
  folder = g_file_new_for_path (documents);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
}

/**
 * factures_file_chooser_new_save_pdf:
 * @parent: the window the chooser is modal to
 * @title: the chooser's title, translated ("Export PDF", "Save Letter"…)
 * @name: the suggested file name; '/', '\' and ':' (which numbers may hold) become '-'
 *
 * A modal "save" chooser for one PDF file: PDF filter, suggested name, opening in the
 * Documents folder (factures_file_chooser_start_in_documents()). The caller connects
 * "response" and shows it.
 *
 * Returns: (transfer full): the chooser
 */
GtkFileChooserNative *
factures_file_chooser_new_save_pdf (GtkWindow  *parent,
                                    const char *title,
                                    const char *name)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *safe = g_strdup (name);
  GtkFileChooserNative *chooser;

  g_strdelimit (safe, "/\\:", '-');
  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE, NULL, NULL);
  factures_file_chooser_start_in_documents (chooser);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), safe);
  return chooser;
}
