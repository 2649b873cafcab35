/* factures-dunning-actions.h — doing a dunning step in one action (DESIGN.md §5)
 *
 * Each function opens a modal dialog over @parent's window; the store records the
 * step (or the promise, dispute, waiver) only when the user confirms, and emits
 * "changed", so the dashboard refreshes. Errors are shown in a message dialog;
 * results in a toast of the main window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "factures-letters.h"
#include "factures-store-payments.h"

G_BEGIN_DECLS

/**
 * factures_dunning_perform:
 * @task: a step of the to-do queue (copied)
 *
 * By channel: e-mail → opens the mail client (mailto: with subject and body) and
 * records the step when the user confirms it was sent; phone → the script to read
 * and a field for the outcome, logged with the step; SMS → the text with a copy
 * button and an sms: link; registered letter / formal notice → the PDF letter
 * (saved through a file chooser) and a field for the tracking number; guidance →
 * what to do next (injonction de payer and its court, small claims up to 5 000 €,
 * prescription; for public buyers the administrative court), LEGAL.md §4, §12.
 */
void            factures_dunning_perform (GtkWidget                 *parent,
                                          FacturesStore             *store,
                                          const FacturesDunningTask *task);
/* Asks, then records the step as skipped today. */
void            factures_dunning_skip    (GtkWidget                 *parent,
                                          FacturesStore             *store,
                                          const FacturesDunningTask *task);
/* A promise to pay: date (not in the past) and a note; pauses the ladder until then. */
void            factures_dunning_promise (GtkWidget     *parent,
                                          FacturesStore *store,
                                          gint64         document_id,
                                          const char    *number);
/* Marks the invoice disputed (with the client's reason): stops the ladder. */
void            factures_dunning_dispute (GtkWidget     *parent,
                                          FacturesStore *store,
                                          gint64         document_id,
                                          const char    *number);
/* Waives the late penalties (and the indemnity) of one invoice, after confirmation. */
void            factures_dunning_waive   (GtkWidget     *parent,
                                          FacturesStore *store,
                                          gint64         document_id,
                                          const char    *number);

/* The note recorded with a registered letter sent with @tracking, its registered-mail
 * number: "Registered letter, tracking number …" (translated). */
char           *factures_dunning_tracking_note      (const char *tracking);
/* The tracking number in a note made by factures_dunning_tracking_note(), in the current
 * language or in English; NULL for any other note ("Registered letter sent"…). */
char           *factures_dunning_tracking_from_note (const char *note);

/**
 * factures_dunning_build_letter:
 * @kind: registered reminder or formal notice
 * @today: the date of the letter (penalties computed to it)
 *
 * Fills a letter from the issued invoice's frozen seller and buyer, its balance
 * and factures_store_compute_penalties() (waived penalties: neither interest nor
 * indemnity claimed). A formal notice cites the tracking number recorded with the
 * latest registered letter of the invoice, if any.
 *
 * Returns: (transfer full) (nullable): the letter
 */
FacturesLetter *factures_dunning_build_letter (FacturesStore      *store,
                                               gint64              document_id,
                                               FacturesLetterKind  kind,
                                               const GDate        *today,
                                               GError            **error);

/**
 * factures_dunning_expand_template:
 * @template_id: a template of data/templates/
 *
 * The template with {client}, {number}, {amount}, {due_date}, {days_late},
 * {penalties}, {payment_details} and {seller} filled in for @task.
 *
 * Returns: (transfer full) (nullable): the text
 */
char           *factures_dunning_expand_template (FacturesStore             *store,
                                                  const FacturesDunningTask *task,
                                                  const char                *template_id,
                                                  GError                   **error);

/* A short label for a channel's action button: "Write E-mail…", "Call…", … (translated). */
const char     *factures_dunning_action_label (FacturesDunningChannel channel);

/* Shows @text in the main window's toast overlay (when @widget is inside it). */
void            factures_ui_toast         (GtkWidget  *widget,
                                           const char *text);
/* An AdwMessageDialog with @heading, @body and a Close button. */
void            factures_ui_show_error    (GtkWidget  *widget,
                                           const char *heading,
                                           const char *body);

G_END_DECLS
