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

/**
 * factures_mail_find_previous:
 * @document_id: an issued document
 * @step: (nullable): the dunning step ("+10:email"), NULL for the document's own message
 * @instalment: the step's instalment, 0: whole invoice
 * @out_unsent_id: (out) (optional): the newest message of the same (document, step,
 *   instalment) still queued or failed, 0 if none; it is to be retried rather than a
 *   second one queued (trial 5 finding 8)
 * @out_sent: (out) (optional) (transfer full): the newest such message already sent,
 *   NULL if none; free with factures_outbox_item_free()
 *
 * Looks in the outbox for what was already done for this document, so that a
 * client never receives the same document twice by accident.
 *
 * Returns: FALSE with @error when the outbox cannot be read
 */
gboolean  factures_mail_find_previous (FacturesStore       *store,
                                       gint64               document_id,
                                       const char          *step,
                                       gint                 instalment,
                                       gint64              *out_unsent_id,
                                       FacturesOutboxItem **out_sent,
                                       GError             **error);

/**
 * factures_mail_superseded:
 * @items: (element-type FacturesOutboxItem): the outbox, as factures_store_outbox_list() gives it
 * @item: one of @items
 *
 * Returns: TRUE when @item is queued or failed but another message of the same
 *   document, step and instalment was sent after it was written: retrying it would
 *   send the document a second time.
 */
gboolean  factures_mail_superseded    (GPtrArray                *items,
                                       const FacturesOutboxItem *item);

/**
 * factures_mail_format_time:
 * @timestamp: (nullable): an outbox time, "YYYY-MM-DDTHH:MM:SSZ" (UTC)
 *
 * Returns: (transfer full): the time as a French reader expects it, in local time:
 *   "06/12/2026 22:44" (the text itself when it is not such a time, "" for NULL)
 */
char     *factures_mail_format_time   (const char *timestamp);

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
