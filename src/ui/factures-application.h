/* factures-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FACTURES_TYPE_APPLICATION (factures_application_get_type ())
G_DECLARE_FINAL_TYPE (FacturesApplication, factures_application, FACTURES, APPLICATION, AdwApplication)

FacturesApplication *factures_application_new (void);

G_END_DECLS
