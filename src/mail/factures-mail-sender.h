/* factures-mail-sender.h — composing a document's message, the outbox, sending off the UI thread
 *
 * Flow: factures_mail_queue() builds the message (GMime, the stored original PDF
 * attached) and writes it to the outbox (state queued) before any network I/O;
 * factures_mail_send_async() marks it sending, runs SMTP in a worker thread
 * (GTask, cancellable, progress), then — back in the caller's main context —
 * marks it sent (with the server's reply, and a "sent" event on the document)
 * or failed (with the reason). A failure never changes the document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "factures-store-mail.h"

G_BEGIN_DECLS

/* What the compose dialog starts from. */
typedef struct {
  gint64   document_id;
  char    *to;               /* the client's e-mail address, may be empty */
  char    *subject;          /* expanded template */
  char    *body;
  char    *attachment_name;  /* "Facture F2026-0001.pdf" */
  GBytes  *attachment;       /* the stored original */
  char    *template_key;
} FacturesMailDraft;

void               factures_mail_draft_free (FacturesMailDraft *draft);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesMailDraft, factures_mail_draft_free)

/**
 * factures_mail_prepare:
 * @template_key: (nullable): NULL for the document kind's template
 *
 * Returns: (transfer full): the draft of the message for an issued document, or
 *   NULL (FACTURES_ERROR_INVALID for a draft document, FACTURES_ERROR_NOT_FOUND,
 *   FACTURES_MAIL_ERROR_COMPOSE)
 */
FacturesMailDraft *factures_mail_prepare    (FacturesStore  *store,
                                             gint64          document_id,
                                             const char     *template_key,
                                             GError        **error);

/* File name of the attachment: "<Kind> <number>.pdf" ('/' replaced). */
char              *factures_mail_attachment_name (const FacturesDocument *document);

/**
 * factures_mail_queue:
 * @step: (nullable): the dunning step this message performs ("+10:email")
 *
 * Builds the message from the account and @draft (to, subject, body as edited)
 * and writes it to the outbox. Returns the outbox id, 0 on error.
 */
gint64    factures_mail_queue        (FacturesStore              *store,
                                      const FacturesMailAccount  *account,
                                      const FacturesMailDraft    *draft,
                                      const char                 *step,
                                      gint                        instalment,
                                      gboolean                    read_receipt,
                                      GError                    **error);

/* Progress in the caller's main context: fraction 0…1. */
typedef void (*FacturesMailProgress) (double   fraction,
                                      gpointer user_data);

void      factures_mail_send_async   (FacturesStore        *store,
                                      gint64                outbox_id,
                                      GCancellable         *cancellable,
                                      FacturesMailProgress  progress,
                                      gpointer              progress_data,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
/* TRUE when sent; the outbox row is already updated either way. */
gboolean  factures_mail_send_finish  (GAsyncResult   *result,
                                      char          **out_reply,
                                      GError        **error);
/* The same, blocking (command line, tests). */
gboolean  factures_mail_send_sync    (FacturesStore  *store,
                                      gint64          outbox_id,
                                      GCancellable   *cancellable,
                                      char          **out_reply,
                                      GError        **error);

/**
 * factures_mail_record_step:
 *
 * After the server accepted outbox message @outbox_id: when it performs a dunning
 * step (its step column, "+10:email"), records the step as performed today
 * through the dunning engine (factures_store_perform_step), with the Message-ID
 * as note. Called by the send functions (a refusal, e.g. a step already recorded
 * by hand, is only logged there).
 */
gboolean  factures_mail_record_step  (FacturesStore  *store,
                                      gint64          outbox_id,
                                      GError        **error);

/* Number of sends running in this process (async, not yet finished). Rows in
 * "sending" while this is 0 were interrupted by a crash: see
 * factures_store_outbox_recover(). */
guint     factures_mail_sends_in_flight (void);

/* Hook for the views: called after a message with a step was accepted. */
typedef void (*FacturesMailSentHook) (FacturesStore *store,
                                      gint64         document_id,
                                      const char    *step,
                                      gint           instalment,
                                      gpointer       user_data);
void      factures_mail_set_sent_hook (FacturesMailSentHook hook,
                                       gpointer             user_data);

G_END_DECLS
