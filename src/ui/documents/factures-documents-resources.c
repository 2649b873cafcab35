/* factures-documents-resources.c — explicit registration of this folder's GResource
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "factures-documents.h"
#include "factures-documents-resources.h"

void
factures_documents_register_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      g_resources_register (factures_documents_get_resource ());
      g_once_init_leave (&registered, 1);
    }
}
