/* factures-store-mail.h — the e-mail tables: sending account, templates, outbox (issue 5)
 *
 * The SMTP password is never stored by the store: see src/mail/factures-mail-secret.h.
 * Errors are in the FACTURES_ERROR domain.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "factures-store.h"

G_BEGIN_DECLS

typedef enum {
  FACTURES_MAIL_SECURITY_STARTTLS,  /* plain connection upgraded by STARTTLS (port 587) */
  FACTURES_MAIL_SECURITY_TLS,       /* implicit TLS from the first byte (port 465) */
  FACTURES_MAIL_SECURITY_NONE,      /* no encryption: only allowed for localhost */
} FacturesMailSecurity;

/* The sending account. Strings are UTF-8, NULL when empty. */
typedef struct {
  char                 *sender_name;
  char                 *sender_address;
  char                 *reply_to;
  char                 *server;
  guint                 port;
  FacturesMailSecurity  security;
  char                 *user;             /* NULL: no authentication */
  gboolean              bcc_self;         /* "send me a copy" */
  gboolean              read_receipt;     /* default of the compose dialog */
  guint                 timeout_seconds;  /* connection and each server reply */
  char                 *preset;           /* id of the preset it came from, or NULL */
} FacturesMailAccount;

FacturesMailAccount *factures_mail_account_new   (void);
FacturesMailAccount *factures_mail_account_copy  (const FacturesMailAccount *account);
void                 factures_mail_account_free  (FacturesMailAccount       *account);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesMailAccount, factures_mail_account_free)

/* TRUE for "localhost", "127.0.0.1", "::1" and other loopback names. */
gboolean             factures_mail_host_is_local (const char *host);

/* NULL without error when no account was saved yet. */
FacturesMailAccount *factures_store_get_mail_account  (FacturesStore              *self,
                                                       GError                    **error);
/* Validates (FACTURES_ERROR_INVALID naming the field: sender address, server, port,
 * security "none" on a host that is not local) and saves; emits "changed". */
gboolean             factures_store_save_mail_account (FacturesStore              *self,
                                                       const FacturesMailAccount  *account,
                                                       GError                    **error);

/* ---- templates edited by the user ----
 * FALSE without error when @key has no row (the shipped template applies). */
gboolean   factures_store_get_mail_template    (FacturesStore  *self,
                                                const char     *key,
                                                char          **out_subject,
                                                char          **out_body,
                                                GError        **error);
gboolean   factures_store_save_mail_template   (FacturesStore  *self,
                                                const char     *key,
                                                const char     *subject,
                                                const char     *body,
                                                GError        **error);
/* Back to the shipped template. */
gboolean   factures_store_reset_mail_template  (FacturesStore  *self,
                                                const char     *key,
                                                GError        **error);

/* ---- outbox ---- */
typedef enum {
  FACTURES_OUTBOX_QUEUED,
  FACTURES_OUTBOX_SENDING,
  FACTURES_OUTBOX_SENT,
  FACTURES_OUTBOX_FAILED,
} FacturesOutboxState;

typedef struct {
  gint64               id;
  gint64               document_id;   /* 0: none */
  char                *step;          /* dunning step key ("+10:email"), or NULL */
  gint                 instalment;    /* the step's instalment, 0: whole invoice */
  char                *created;       /* "YYYY-MM-DDTHH:MM:SSZ" */
  char                *recipients;    /* "a@b.fr, c@d.fr" as in To */
  char                *subject;
  char                *message_id;    /* without angle brackets */
  GBytes              *message;       /* the RFC 5322 bytes; NULL in lists */
  FacturesOutboxState  state;
  gint                 attempts;
  char                *updated;
  char                *server_reply;  /* the server's reply to the end of DATA, when sent */
  char                *error;         /* the reason of the last failure (French, no password) */
} FacturesOutboxItem;

void        factures_outbox_item_free        (FacturesOutboxItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FacturesOutboxItem, factures_outbox_item_free)
const char *factures_outbox_state_to_string  (FacturesOutboxState state);

/* Writes a queued message; returns its id, 0 on error. @document_id must be an
 * issued document (FACTURES_ERROR_INVALID otherwise) or 0. */
gint64      factures_store_outbox_add        (FacturesStore  *self,
                                              gint64          document_id,
                                              const char     *step,
                                              gint            instalment,
                                              const char     *recipients,
                                              const char     *subject,
                                              const char     *message_id,
                                              GBytes         *message,
                                              GError        **error);
/* queued or failed → sending, attempts + 1. A sent message: FACTURES_ERROR_IMMUTABLE. */
gboolean    factures_store_outbox_begin_send (FacturesStore  *self,
                                              gint64          id,
                                              GError        **error);
/* One transaction: the row becomes sent with the server's reply, and a "sent" event
 * goes on its document (data: JSON with outbox_id, message_id, recipients, step). */
gboolean    factures_store_outbox_mark_sent  (FacturesStore  *self,
                                              gint64          id,
                                              const char     *server_reply,
                                              GError        **error);
/* The row becomes failed with @reason; the document is not touched. */
gboolean    factures_store_outbox_mark_failed (FacturesStore *self,
                                               gint64         id,
                                               const char    *reason,
                                               GError       **error);
/* Rows left in "sending" by a crash become failed ("interrupted"). Returns how many. */
gint        factures_store_outbox_recover    (FacturesStore  *self,
                                              GError        **error);
FacturesOutboxItem *factures_store_outbox_get (FacturesStore *self,
                                               gint64         id,
                                               GError       **error);
/* (transfer full) (element-type FacturesOutboxItem): newest first, without message bytes. */
GPtrArray  *factures_store_outbox_list       (FacturesStore  *self,
                                              GError        **error);

/* Records, by hand, that the recipient acknowledged the document (read receipt or
 * reply): an "acknowledged" event with @note (may be NULL) on the issued document. */
gboolean    factures_store_record_acknowledgment (FacturesStore *self,
                                                  gint64         document_id,
                                                  const char    *note,
                                                  GError       **error);

/* Number of events of @kind on @document_id (for views and tests). */
gint64      factures_store_count_events      (FacturesStore  *self,
                                              gint64          document_id,
                                              const char     *kind,
                                              GError        **error);

G_END_DECLS
