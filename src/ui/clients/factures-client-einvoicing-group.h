/* factures-client-einvoicing-group.h — the client editor's « Facturation électronique » group
 * (issue 15 item 1): whether the client receives e-invoices according to the PA's directory,
 * its electronic address, the date of the lookup, and « Actualiser ».
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_CLIENT_EINVOICING_GROUP (factures_client_einvoicing_group_get_type ())
G_DECLARE_FINAL_TYPE (FacturesClientEinvoicingGroup, factures_client_einvoicing_group, FACTURES,
                      CLIENT_EINVOICING_GROUP, AdwPreferencesGroup)

/* The store to read the cache and the PA account from (a reference is kept). */
void factures_client_einvoicing_group_set_store      (FacturesClientEinvoicingGroup *self,
                                                      FacturesStore                 *store);
/* The SIREN or SIRET as typed in the editor (NULL or invalid: the group says to type it);
 * shows the last lookup of its SIREN, or why nothing is looked up (no PA account, no
 * directory address). Never looks up by itself: « Actualiser » does (in a thread). */
void factures_client_einvoicing_group_set_identifier (FacturesClientEinvoicingGroup *self,
                                                      const char                    *identifier);

G_END_DECLS
