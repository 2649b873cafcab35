/* factures-mail-template.h — e-mail templates with placeholders
 *
 * The shipped templates are data/templates/mail-*.txt (compiled into the library
 * as resources /org/example/Factures/templates/<key>.txt): a first line
 * "Objet : <subject>", an empty line, then the body. The user's edited versions are
 * stored by the store (factures_store_save_mail_template) and take precedence.
 *
 * Placeholders (unknown ones are left as typed):
 *   {client} buyer name            {number} document number     {kind} "Facture", "Devis"…
 *   {total} total TTC              {amount} amount due          {issue_date} {due_date} (dd/mm/yyyy)
 *   {days_late} days after the due date (0 before)              {penalties} B2B late-payment text
 *   {payment_details} IBAN/BIC     {sender} the seller's name
 * and the same by their French names ({Nom du client}, {Numéro}, {Échéance}…: see
 * factures_mail_template_placeholders()), which the editors insert from a menu.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char *name;     /* "client" */
  const char *french;   /* "Nom du client": also accepted between braces, and shown */
} FacturesMailPlaceholder;

const FacturesMailPlaceholder *factures_mail_template_placeholders (guint *n_placeholders);

/* NULL-terminated list of template keys, for the editor: each French key then its English
 * ("mail-invoice", "mail-invoice-en", …). */
const char * const *factures_mail_template_keys     (void);
/* "Invoice", "Reminder (firm)"… (translated) */
const char         *factures_mail_template_title    (const char *key);
/* "mail-invoice", "mail-quote", "mail-deposit", "mail-credit-note" */
const char         *factures_mail_template_for_kind (FacturesDocumentKind kind);
/* "mail-reminder-<template_id>" of a dunning step (template ids of factures-dunning.h). */
char               *factures_mail_template_for_step (const char *template_id);

/* The shipped version. FACTURES_MAIL_ERROR_COMPOSE when @key is unknown. */
gboolean  factures_mail_template_load_default (const char  *key,
                                               char       **out_subject,
                                               char       **out_body,
                                               GError     **error);
/* The user's version when there is one, else the shipped one. */
gboolean  factures_mail_template_load         (FacturesStore *store,
                                               const char    *key,
                                               char         **out_subject,
                                               char         **out_body,
                                               GError       **error);

/* The key of a template's English version: "mail-invoice" + "-en" (issue 13 item 5). */
#define FACTURES_MAIL_ENGLISH_SUFFIX "-en"

/**
 * factures_mail_template_load_for_language:
 * @store: (nullable): the store (the user's versions), NULL for the shipped ones
 * @key: a French template key ("mail-invoice")
 * @language: the client's document language
 * @out_subject: (out) (transfer full): the subject
 * @out_body: (out) (transfer full): the body
 * @error: FACTURES_MAIL_ERROR_COMPOSE when @key is unknown
 *
 * The template of @key for a client (issue 13 item 5): the French one; for a client in French
 * and English, the French then the English version (@key + FACTURES_MAIL_ENGLISH_SUFFIX, the
 * user's or the shipped one) in one message: "subject / English subject", and the French body,
 * a line "— English version —", then the English body. French first, as on the documents.
 *
 * Returns: FALSE on error.
 */
gboolean  factures_mail_template_load_for_language (FacturesStore            *store,
                                                    const char               *key,
                                                    FacturesDocumentLanguage  language,
                                                    char                    **out_subject,
                                                    char                    **out_body,
                                                    GError                  **error);

/* (transfer full): placeholder name → value for @document (issued or draft) on @today. */
GHashTable *factures_mail_template_values     (const FacturesDocument *document,
                                               const GDate            *today);
/* Replaces every {name} found in @values. */
char       *factures_mail_template_expand     (const char  *text,
                                               GHashTable  *values);

G_END_DECLS
