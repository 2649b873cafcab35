/* factures-escompte-page.h — Preferences → Discounts: the escompte terms printed
 * on invoices (issue 3 item 9; C. com. L441-9)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

/* An AdwPreferencesPage: rate and period of the discount for early payment;
 * empty rate: "Pas d'escompte pour paiement anticipé". */
GtkWidget *factures_escompte_page_new (FacturesStore *store);

G_END_DECLS
