/* factures-mail-placeholders.h — the placeholders of the mail templates, as a French user reads them
 *
 * The templates keep their placeholders by key ({client}, {due_date}…: what
 * factures_mail_template_expand() replaces, and what templates users already edited hold).
 * The editor shows them by label instead ({Nom du client}, {Échéance}…, translated) and
 * inserts them from a menu of those labels; saving turns labels back into keys.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *key;     /* "client" */
  const char *label;   /* "Client name", translated in the context "mail placeholder" */
} FacturesMailPlaceholder;

/* Every placeholder of factures-mail-template.h, in the menu's order. */
const FacturesMailPlaceholder *factures_mail_placeholders (guint *n_placeholders);

/* "{client}" → "{Nom du client}" (the translated label); other text unchanged. */
char *factures_mail_placeholders_to_labels (const char *text);
/* "{Nom du client}" (or the untranslated "{Client name}") → "{client}"; keys and other text
 * unchanged. */
char *factures_mail_placeholders_to_keys   (const char *text);

G_END_DECLS
