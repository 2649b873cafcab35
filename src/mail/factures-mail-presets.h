/* factures-mail-presets.h — SMTP settings of the providers French freelancers use most
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-store-mail.h"

G_BEGIN_DECLS

typedef struct {
  const char           *id;          /* "gmail", "outlook", … (stored in mail_account.preset) */
  const char           *name;        /* "Gmail", "Outlook / Microsoft 365", … (not translated) */
  const char           *host;
  guint                 port;
  FacturesMailSecurity  security;
  const char           *note;        /* translatable: app password, password retirement, … */
  const char           *source;      /* URL of the page the settings come from */
  gboolean              to_check;    /* only secondary sources: "à vérifier" */
} FacturesMailPreset;

/* The presets, in display order; *n_presets receives their number. */
const FacturesMailPreset *factures_mail_presets      (guint      *n_presets);
const FacturesMailPreset *factures_mail_preset_find  (const char *id);
/* Fills host, port, security and preset of @account. */
void                      factures_mail_preset_apply (const FacturesMailPreset *preset,
                                                      FacturesMailAccount      *account);

G_END_DECLS
