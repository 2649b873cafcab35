/* factures-bank-cfonb.c — the CFONB statement reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "factures-bank-readers.h"

FacturesBankFile *
factures_bank_read_cfonb (const char           *path,
                       GCancellable         *cancellable,
                       FacturesBankProgress  progress,
                       gpointer              progress_data,
                       GError              **error)
{
  g_autofree char *name = factures_bank_display_name (path);

  g_set_error (error, FACTURES_ERROR, FACTURES_ERROR_INVALID,
               _("%s: this statement format is not read yet"), name);
  return NULL;
}
