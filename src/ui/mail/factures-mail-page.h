/* factures-mail-page.h — Preferences → E-mail: the sending account, its test, the templates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_MAIL_PAGE (factures_mail_page_get_type ())
G_DECLARE_FINAL_TYPE (FacturesMailPage, factures_mail_page, FACTURES, MAIL_PAGE, AdwPreferencesPage)

/* An AdwPreferencesPage "E-mail": provider presets (with their source), the account
 * (password to the keyring, or this session only), "Test Connection", the outbox,
 * and the template editor with a preview. */
GtkWidget *factures_mail_page_new   (FacturesStore    *store);

/* Before Preferences closes: saves the template typed in (applied on change). FALSE when
 * something shown is not saved: a template refused, or the account typed in and not saved
 * with its Save button (it goes with its password); the status line says which. */
gboolean   factures_mail_page_flush (FacturesMailPage *self);

G_END_DECLS
