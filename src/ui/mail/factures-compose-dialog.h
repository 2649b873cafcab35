/* factures-compose-dialog.h — "Send by E-mail" for an issued document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-store.h"

G_BEGIN_DECLS

#define FACTURES_TYPE_COMPOSE_DIALOG (factures_compose_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FacturesComposeDialog, factures_compose_dialog, FACTURES, COMPOSE_DIALOG, AdwWindow)

/* A modal window: To, Subject and text prefilled from the kind's template, the PDF
 * attachment shown, read receipt. "Send" writes the message to the outbox, then
 * sends it off the UI thread with progress (cancellable). A failure keeps the
 * message in the outbox (retry there) and never changes the document. */
void factures_compose_dialog_present (GtkWindow     *parent,
                                      FacturesStore *store,
                                      gint64         document_id);

/* The same for a dunning step: the text comes from @template_key
 * ("mail-reminder-<template id>") and the message carries @step_key and
 * @instalment, so that when the server accepts it the step is recorded as
 * performed (factures_store_perform_step, DESIGN.md §5). */
void factures_compose_dialog_present_for_step (GtkWindow     *parent,
                                               FacturesStore *store,
                                               gint64         document_id,
                                               const char    *template_key,
                                               const char    *step_key,
                                               gint           instalment);
/* Asks for a note and records that the client acknowledged the document. */
void factures_acknowledgment_dialog_present (GtkWindow     *parent,
                                             FacturesStore *store,
                                             gint64         document_id);

G_END_DECLS
