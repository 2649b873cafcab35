/* factures-mail-page.h — Preferences → E-mail: the sending account, its test, the templates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

/* An AdwPreferencesPage "E-mail": provider presets (with their source), the account
 * (password to the keyring, or this session only), "Test Connection", the outbox,
 * and the template editor with a preview. */
GtkWidget *factures_mail_page_new (FacturesStore *store);

G_END_DECLS
