/* factures-application.h — the application: actions, command line, the open database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_APPLICATION (factures_application_get_type ())
G_DECLARE_FINAL_TYPE (FacturesApplication, factures_application, FACTURES, APPLICATION, AdwApplication)

/**
 * factures_application_new:
 *
 * The application org.example.Factures. The command-line options
 * (factures-cli.h) run in the local process from handle-local-options, so they
 * work while a window is open; no window opens for them. The application is
 * NON_UNIQUE when --database is given (the window belongs to that database, not
 * to whatever database a running instance has open) or when the environment
 * variable FACTURES_NON_UNIQUE is set (tests); otherwise a second launch presents
 * the running window.
 *
 * Returns: (transfer full): the application
 */
FacturesApplication *factures_application_new       (void);

/* The open database; never NULL after startup unless it could not be opened
 * (the window then says why). */
FacturesStore       *factures_application_get_store (FacturesApplication *self);

/* Registers the GResource bundle of src/ui (templates, style.css). Idempotent.
 * Static libraries drop the bundle's self-registering constructor, hence this. */
void                 factures_ui_register_resources (void);

G_END_DECLS
