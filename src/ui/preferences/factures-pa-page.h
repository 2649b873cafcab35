/* factures-pa-page.h — Preferences → E-invoicing: the plateforme agréée account (issue 14)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_PA_PAGE (factures_pa_page_get_type ())
G_DECLARE_FINAL_TYPE (FacturesPaPage, factures_pa_page, FACTURES, PA_PAGE, AdwPreferencesPage)

/* The page, filled from the saved account of @store (empty when there is none). */
GtkWidget *factures_pa_page_new (FacturesStore *store);

G_END_DECLS
