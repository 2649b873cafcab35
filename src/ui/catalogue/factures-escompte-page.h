/* factures-escompte-page.h — Preferences → Escompte: the discount for early payment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_ESCOMPTE_PAGE (factures_escompte_page_get_type ())
G_DECLARE_FINAL_TYPE (FacturesEscomptePage, factures_escompte_page, FACTURES, ESCOMPTE_PAGE, AdwPreferencesPage)

/* The escompte terms of the business profile (rate, period), applied on change: a
 * valid pair is saved when entered; the page says what invoices print. */
GtkWidget *factures_escompte_page_new   (FacturesStore        *store);
/* Checks both fields (showing the messages), saves if valid; FALSE when left invalid. */
gboolean   factures_escompte_page_flush (FacturesEscomptePage *self);

G_END_DECLS
