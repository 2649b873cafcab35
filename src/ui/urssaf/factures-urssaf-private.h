/* factures-urssaf-private.h — what the classes of src/ui/urssaf share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Registers the folder's templates (factures-urssaf.gresource.xml) once; every class_init of the
 * folder calls it (a static library may drop the resource's own constructor). */
void factures_urssaf_register_resources (void);

G_END_DECLS
